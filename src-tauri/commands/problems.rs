//! Commands of one area: the problem inbox. Each converts its
//! input, calls the core, and converts the result.

use chrono::Utc;
use offerwright_core::app::problems;
use offerwright_core::app::problems::Inbox;
use offerwright_core::domain::candidate::CandidateView;
use offerwright_core::domain::problem::{ProblemInput, ProblemView};
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub fn problem_inbox(state: State<'_, AppState>) -> Reply<Inbox> {
    state.with_db(|db, _| problems::problem_inbox(db))
}

#[tauri::command]
pub fn create_problem(state: State<'_, AppState>, input: ProblemInput) -> Reply<ProblemView> {
    state.with_db(|db, _| problems::create_problem(db, input, Utc::now()))
}

/// Saves an edit made from `revision`; refused with a conflict if the
/// problem changed since.
#[tauri::command]
pub fn update_problem(
    state: State<'_, AppState>,
    id: i64,
    input: ProblemInput,
    revision: Option<i64>,
) -> Reply<ProblemView> {
    state.with_db(|db, _| problems::update_problem(db, id, input, revision, Utc::now()))
}

#[tauri::command]
pub fn delete_problem(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_db(|db, _| problems::delete_problem(db, id, Utc::now()))
}

#[tauri::command]
pub fn restore_problem(state: State<'_, AppState>, id: i64) -> Reply<ProblemView> {
    state.with_db(|db, _| problems::restore_problem(db, id))
}

#[tauri::command]
pub fn group_problems(state: State<'_, AppState>, id: i64, same_as: i64) -> Reply<()> {
    state.with_db(|db, _| problems::group_problems(db, id, same_as))
}

#[tauri::command]
pub fn ungroup_problem(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_db(|db, _| problems::ungroup_problem(db, id))
}

#[tauri::command]
pub fn mark_problems_distinct(state: State<'_, AppState>, id: i64, other: i64) -> Reply<()> {
    state.with_db(|db, _| problems::mark_problems_distinct(db, id, other))
}

/// Turns a problem (and its duplicates) into a niche candidate.
#[tauri::command]
pub fn promote_problem(state: State<'_, AppState>, id: i64) -> Reply<CandidateView> {
    state.with_db(|db, lang| {
        Ok(CandidateView::from(&problems::promote_problem(
            db,
            id,
            lang,
            Utc::now(),
        )?))
    })
}

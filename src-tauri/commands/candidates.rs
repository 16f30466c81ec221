//! Commands of one area: niche candidates. Each converts its
//! input, calls the core, and converts the result.

use chrono::Utc;
use offerwright_core::app::candidates;
use offerwright_core::domain::candidate::CandidateView;
use offerwright_core::domain::input::CandidateInput;
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub fn list_candidates(state: State<'_, AppState>) -> Reply<Vec<CandidateView>> {
    state.with_db(|db, _| candidates::list_candidates(db))
}

#[tauri::command]
pub fn create_candidate(state: State<'_, AppState>, input: CandidateInput) -> Reply<CandidateView> {
    state.with_db(|db, _| candidates::create_candidate(db, input, Utc::now()))
}

/// Saves an edit made from `revision` (the one the form loaded); refused with
/// a conflict if the candidate changed since, e.g. in another window.
#[tauri::command]
pub fn update_candidate(
    state: State<'_, AppState>,
    id: i64,
    input: CandidateInput,
    revision: Option<i64>,
) -> Reply<CandidateView> {
    state.with_db(|db, _| candidates::update_candidate(db, id, input, revision, Utc::now()))
}

#[tauri::command]
pub fn delete_candidate(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_db(|db, _| candidates::delete_candidate(db, id, Utc::now()))
}

#[tauri::command]
pub fn restore_candidate(state: State<'_, AppState>, id: i64) -> Reply<CandidateView> {
    state.with_db(|db, _| candidates::restore_candidate(db, id))
}

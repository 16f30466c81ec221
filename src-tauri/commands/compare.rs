//! Commands of one area: the comparison screen: ranking, robustness, Fermi estimate and targets. Each converts its
//! input, calls the core, and converts the result.

use offerwright_core::app::compare;
use offerwright_core::app::compare::Analysis;
use offerwright_core::domain::evidence::Mode;
use offerwright_core::domain::input::TargetsInput;
use offerwright_core::domain::targets::Targets;
use tauri::State;

use super::Reply;
use crate::AppState;

/// Ranks the given candidates (all, when `ids` is absent), with how robust
/// first place is and the Fermi check, on raw or evidence-adjusted scores.
#[tauri::command]
pub fn compare_candidates(state: State<'_, AppState>, ids: Option<Vec<i64>>, mode: Option<Mode>) -> Reply<Analysis> {
    state.with_db(|db, lang| compare::analyse(db, ids.as_deref(), lang, mode.unwrap_or_default()))
}

#[tauri::command]
pub fn set_targets(state: State<'_, AppState>, input: TargetsInput) -> Reply<Targets> {
    state.with_db(|db, _| compare::set_targets(db, &input))
}

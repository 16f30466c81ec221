//! Commands of one area: the criteria candidates are scored on. Each converts its
//! input, calls the core, and converts the result.

use chrono::Utc;
use offerwright_core::app::criteria;
use offerwright_core::domain::criteria::CriterionView;
use offerwright_core::domain::input::CriterionInput;
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub fn list_criteria(state: State<'_, AppState>) -> Reply<Vec<CriterionView>> {
    state.with_db(|db, lang| criteria::list_criteria(db, lang))
}

#[tauri::command]
pub fn add_criterion(state: State<'_, AppState>, input: CriterionInput) -> Reply<CriterionView> {
    state.with_db(|db, lang| criteria::add_criterion(db, input, lang))
}

#[tauri::command]
pub fn update_criterion(state: State<'_, AppState>, id: i64, input: CriterionInput) -> Reply<CriterionView> {
    state.with_db(|db, lang| criteria::update_criterion(db, id, input, lang))
}

#[tauri::command]
pub fn delete_criterion(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_db(|db, _| criteria::delete_criterion(db, id, Utc::now()))
}

#[tauri::command]
pub fn restore_criterion(state: State<'_, AppState>, id: i64) -> Reply<CriterionView> {
    state.with_db(|db, lang| criteria::restore_criterion(db, id, lang))
}

//! Commands of one area: an offer's package economics and pilot. Each converts its
//! input, calls the core, and converts the result.

use chrono::Utc;
use offerwright_core::app::plan;
use offerwright_core::app::plan::PlanView;
use offerwright_core::domain::package::PackageInput;
use offerwright_core::domain::pilot::PilotInput;
use tauri::State;

use super::Reply;
use crate::AppState;

/// An offer's package economics and pilot dates.
#[tauri::command]
pub fn offer_plan(state: State<'_, AppState>, offer_id: i64) -> Reply<PlanView> {
    state.with_db(|db, lang| plan::offer_plan(db, offer_id, lang))
}

#[tauri::command]
pub fn save_package(state: State<'_, AppState>, offer_id: i64, input: PackageInput) -> Reply<PlanView> {
    state.with_db(|db, lang| plan::save_package(db, offer_id, input, lang))
}

#[tauri::command]
pub fn save_pilot(state: State<'_, AppState>, offer_id: i64, input: PilotInput) -> Reply<PlanView> {
    state.with_db(|db, lang| plan::save_pilot(db, offer_id, input, lang, Utc::now()))
}

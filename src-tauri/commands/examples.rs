//! Commands of one area: loading the bundled example workspace. Each converts its
//! input, calls the core, and converts the result.

use chrono::Utc;
use offerwright_core::app::examples;
use offerwright_core::app::exchange::ImportSummary;
use offerwright_core::Lang;
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub fn load_example(state: State<'_, AppState>, language: Lang) -> Reply<ImportSummary> {
    state.with_db(|db, _| examples::load_example(db, language, Utc::now()))
}

//! Commands of one area: the guided path. Each converts its
//! input, calls the core, and converts the result.

use offerwright_core::app::guide;
use offerwright_core::app::guide::PathProgress;
use tauri::State;

use super::Reply;
use crate::AppState;

/// Where the user stands on Problems → … → Pilot, and what is missing.
#[tauri::command]
pub fn path_progress(state: State<'_, AppState>) -> Reply<PathProgress> {
    state.with_db(|db, lang| guide::progress(db, lang))
}

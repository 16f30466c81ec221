//! Commands of one area: versions of an offer. Each converts its
//! input, calls the core, and converts the result.

use chrono::Utc;
use offerwright_core::app::versions;
use offerwright_core::domain::offer::OfferView;
use offerwright_core::domain::version::{FieldChange, OfferVersion};
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub fn list_versions(state: State<'_, AppState>, offer_id: i64) -> Reply<Vec<OfferVersion>> {
    state.with_db(|db, _| versions::list_versions(db, offer_id))
}

/// Keeps the offer as it stands now, with the user's label.
#[tauri::command]
pub fn take_version(state: State<'_, AppState>, offer_id: i64, label: String) -> Reply<Option<OfferVersion>> {
    state.with_db(|db, _| versions::take_version(db, offer_id, label, Utc::now()))
}

#[tauri::command]
pub fn label_version(state: State<'_, AppState>, id: i64, label: String) -> Reply<OfferVersion> {
    state.with_db(|db, _| versions::label_version(db, id, label))
}

/// Two versions side by side; a missing id is the current draft.
#[tauri::command]
pub fn compare_versions(
    state: State<'_, AppState>,
    offer_id: i64,
    before: Option<i64>,
    after: Option<i64>,
) -> Reply<Vec<FieldChange>> {
    state.with_db(|db, lang| versions::compare_versions(db, offer_id, before, after, lang))
}

/// Makes a version the current draft; the replaced draft is kept as a version.
#[tauri::command]
pub fn restore_version(state: State<'_, AppState>, id: i64) -> Reply<OfferView> {
    state.with_db(|db, lang| versions::restore_version(db, id, lang, Utc::now()))
}

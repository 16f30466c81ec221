//! Commands of one area: offers. Each converts its
//! input, calls the core, and converts the result.

use chrono::Utc;
use offerwright_core::app::offers;
use offerwright_core::domain::input::OfferInput;
use offerwright_core::domain::offer::OfferView;
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub fn list_offers(state: State<'_, AppState>) -> Reply<Vec<OfferView>> {
    state.with_db(|db, lang| offers::list_offers(db, lang))
}

#[tauri::command]
pub fn draft_offer(state: State<'_, AppState>, candidate_id: i64) -> Reply<OfferView> {
    state.with_db(|db, lang| offers::draft_offer(db, candidate_id, lang, Utc::now()))
}

/// Saves an edit made from `revision`; refused with a conflict if the offer
/// changed since.
#[tauri::command]
pub fn update_offer(state: State<'_, AppState>, id: i64, input: OfferInput, revision: Option<i64>) -> Reply<OfferView> {
    state.with_db(|db, lang| offers::update_offer(db, id, input, revision, lang, Utc::now()))
}

#[tauri::command]
pub fn delete_offer(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_db(|db, _| offers::delete_offer(db, id, Utc::now()))
}

#[tauri::command]
pub fn restore_offer(state: State<'_, AppState>, id: i64) -> Reply<OfferView> {
    state.with_db(|db, lang| offers::restore_offer(db, id, lang))
}

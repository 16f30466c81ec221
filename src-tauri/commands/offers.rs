//! Commands of one area: offers. Each converts its
//! input, calls the core, and converts the result.

use chrono::Utc;
use offerwright_core::app::offers;
use offerwright_core::domain::input::OfferInput;
use offerwright_core::domain::offer::{OfferFields, OfferView};
use offerwright_core::CoreError;
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub fn list_offers(state: State<'_, AppState>) -> Reply<Vec<OfferView>> {
    state.with_db(|db, lang| Ok(db.list_offers()?.iter().map(|o| OfferView::new(o, lang)).collect()))
}

#[tauri::command]
pub fn draft_offer(state: State<'_, AppState>, candidate_id: i64) -> Reply<OfferView> {
    state.with_db(|db, lang| {
        Ok(OfferView::new(
            &offers::draft_offer_from_candidate(db, candidate_id, lang, Utc::now())?,
            lang,
        ))
    })
}

/// Saves an edit made from `revision`; refused with a conflict if the offer
/// changed since.
#[tauri::command]
pub fn update_offer(state: State<'_, AppState>, id: i64, input: OfferInput, revision: Option<i64>) -> Reply<OfferView> {
    state.with_db(|db, lang| {
        let draft = OfferFields::try_from(&input).map_err(CoreError::from)?;
        Ok(OfferView::new(
            &db.update_offer_if_unchanged(id, &draft, revision, Utc::now())?,
            lang,
        ))
    })
}

#[tauri::command]
pub fn delete_offer(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_db(|db, _| db.delete_offer(id, Utc::now()))
}

#[tauri::command]
pub fn restore_offer(state: State<'_, AppState>, id: i64) -> Reply<OfferView> {
    state.with_db(|db, lang| Ok(OfferView::new(&db.restore_offer(id)?, lang)))
}

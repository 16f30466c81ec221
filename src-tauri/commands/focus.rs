//! Commands of one area: the focus check, its overview and dismissals. Each converts its
//! input, calls the core, and converts the result.

use chrono::Utc;
use offerwright_core::app::focus;
use offerwright_core::app::focus::{FocusReport, Overview, RuleCode};
use offerwright_core::domain::input::{CandidateInput, OfferInput};
use offerwright_core::domain::subject::Subject;
use tauri::State;

use super::Reply;
use crate::AppState;

/// The focus check of a candidate as it stands in the form (saved or not).
#[tauri::command]
pub fn check_candidate(state: State<'_, AppState>, id: Option<i64>, input: CandidateInput) -> Reply<FocusReport> {
    state.with_db(|db, lang| focus::candidate_report(db, id, &input, lang))
}

#[tauri::command]
pub fn check_offer(state: State<'_, AppState>, id: Option<i64>, input: OfferInput) -> Reply<FocusReport> {
    state.with_db(|db, lang| focus::offer_report(db, id, &input, lang))
}

/// Ready or not for every stored candidate and offer.
#[tauri::command]
pub fn focus_overview(state: State<'_, AppState>) -> Reply<Overview> {
    state.with_db(|db, lang| focus::overview(db, lang))
}

#[tauri::command]
pub fn dismiss_finding(
    state: State<'_, AppState>,
    subject: Subject,
    id: i64,
    code: RuleCode,
    field: String,
    reason: String,
) -> Reply<()> {
    state.with_db(|db, _| focus::dismiss(db, subject, id, code, &field, &reason, Utc::now()))
}

#[tauri::command]
pub fn undismiss_finding(
    state: State<'_, AppState>,
    subject: Subject,
    id: i64,
    code: RuleCode,
    field: String,
) -> Reply<()> {
    state.with_db(|db, _| focus::undismiss(db, subject, id, code, &field))
}

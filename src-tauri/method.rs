//! Commands for the method's first and last steps: the problem inbox, the
//! guided path, and versions of an offer. Each converts, calls the core, and
//! converts back.

use chrono::Utc;
use offerwright_core::analysis::inbox::Inbox;
use offerwright_core::app::guide::{self, PathProgress};
use offerwright_core::app::{problems, versions};
use offerwright_core::domain::candidate::CandidateView;
use offerwright_core::domain::offer::OfferView;
use offerwright_core::domain::problem::{ProblemDraft, ProblemInput, ProblemView};
use offerwright_core::domain::text::ShortText;
use offerwright_core::domain::version::{FieldChange, OfferVersion, VersionReason};
use offerwright_core::CoreError;
use tauri::State;

use crate::error::CommandError;
use crate::AppState;

type Reply<T> = Result<T, CommandError>;

fn label(raw: &str) -> Result<ShortText, CoreError> {
    Ok(ShortText::parse("label", raw)?)
}

/// Where the user stands on Problems → … → Pilot, and what is missing.
#[tauri::command]
pub fn path_progress(state: State<'_, AppState>) -> Reply<PathProgress> {
    state.with_db(|db, lang| guide::progress(db, lang))
}

#[tauri::command]
pub fn problem_inbox(state: State<'_, AppState>) -> Reply<Inbox> {
    state.with_db(|db, _| problems::inbox(db))
}

#[tauri::command]
pub fn create_problem(state: State<'_, AppState>, input: ProblemInput) -> Reply<ProblemView> {
    state.with_db(|db, _| {
        let draft = ProblemDraft::try_from(&input)?;
        Ok(ProblemView::from(&db.create_problem(&draft, Utc::now())?))
    })
}

/// Saves an edit made from `revision`; refused with a conflict if the
/// problem changed since.
#[tauri::command]
pub fn update_problem(
    state: State<'_, AppState>,
    id: i64,
    input: ProblemInput,
    revision: Option<i64>,
) -> Reply<ProblemView> {
    state.with_db(|db, _| {
        let draft = ProblemDraft::try_from(&input)?;
        Ok(ProblemView::from(&db.update_problem_seen(
            id,
            &draft,
            revision,
            Utc::now(),
        )?))
    })
}

#[tauri::command]
pub fn delete_problem(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_db(|db, _| db.delete_problem(id, Utc::now()))
}

#[tauri::command]
pub fn restore_problem(state: State<'_, AppState>, id: i64) -> Reply<ProblemView> {
    state.with_db(|db, _| Ok(ProblemView::from(&db.restore_problem(id)?)))
}

#[tauri::command]
pub fn group_problems(state: State<'_, AppState>, id: i64, same_as: i64) -> Reply<()> {
    state.with_db(|db, _| db.group_problems(id, same_as))
}

#[tauri::command]
pub fn ungroup_problem(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_db(|db, _| db.ungroup_problem(id))
}

#[tauri::command]
pub fn mark_problems_distinct(state: State<'_, AppState>, id: i64, other: i64) -> Reply<()> {
    state.with_db(|db, _| db.mark_distinct(id, other))
}

/// Turns a problem (and its duplicates) into a niche candidate.
#[tauri::command]
pub fn promote_problem(state: State<'_, AppState>, id: i64) -> Reply<CandidateView> {
    state.with_db(|db, lang| {
        Ok(CandidateView::from(&problems::promote_problem(
            db,
            id,
            lang,
            Utc::now(),
        )?))
    })
}

#[tauri::command]
pub fn list_versions(state: State<'_, AppState>, offer_id: i64) -> Reply<Vec<OfferVersion>> {
    state.with_db(|db, _| db.list_versions(offer_id))
}

/// Keeps the offer as it stands now, with the user's label.
#[tauri::command]
pub fn take_version(state: State<'_, AppState>, offer_id: i64, label: String) -> Reply<Option<OfferVersion>> {
    state.with_db(|db, _| db.take_version(offer_id, VersionReason::Manual, &self::label(&label)?, Utc::now()))
}

#[tauri::command]
pub fn label_version(state: State<'_, AppState>, id: i64, label: String) -> Reply<OfferVersion> {
    state.with_db(|db, _| db.label_version(id, &self::label(&label)?))
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
    state.with_db(|db, lang| Ok(OfferView::new(&db.restore_version(id, Utc::now())?, lang)))
}

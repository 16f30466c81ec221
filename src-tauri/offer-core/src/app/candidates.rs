//! Use cases of one area (candidates), as the screens and the CLI ask for them.

use crate::analysis::compare::{compare, RankedCandidate};
use crate::domain::candidate::{CandidateFields, CandidateView};
use crate::domain::evidence::Mode;
use crate::domain::input::CandidateInput;
use crate::error::CoreResult;
use crate::{Database, Lang};
use chrono::{DateTime, Utc};

pub fn list_candidates(db: &Database) -> CoreResult<Vec<CandidateView>> {
    Ok(db.list_candidates()?.iter().map(CandidateView::from).collect())
}

pub fn create_candidate(db: &mut Database, input: CandidateInput, now: DateTime<Utc>) -> CoreResult<CandidateView> {
    let draft = CandidateFields::try_from(&input)?;
    Ok(CandidateView::from(&db.create_candidate(&draft, now)?))
}

/// Saves an edit made from `revision` (the one the form loaded); refused with
/// a conflict if the candidate changed since, e.g. in another window.
pub fn update_candidate(
    db: &mut Database,
    id: i64,
    input: CandidateInput,
    revision: Option<i64>,
    now: DateTime<Utc>,
) -> CoreResult<CandidateView> {
    let draft = CandidateFields::try_from(&input)?;
    Ok(CandidateView::from(
        &db.update_candidate_if_unchanged(id, &draft, revision, now)?,
    ))
}

pub fn delete_candidate(db: &mut Database, id: i64, now: DateTime<Utc>) -> CoreResult<()> {
    db.delete_candidate(id, now)
}

pub fn restore_candidate(db: &mut Database, id: i64) -> CoreResult<CandidateView> {
    Ok(CandidateView::from(&db.restore_candidate(id)?))
}

/// Every candidate ranked by its total on the current weights, without the
/// robustness samples the comparison screen adds (for lists).
pub fn ranked_candidates(db: &Database, lang: Lang) -> CoreResult<Vec<RankedCandidate>> {
    Ok(compare(&db.list_candidates()?, &db.list_criteria()?, lang, Mode::Raw).candidates)
}

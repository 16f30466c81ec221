//! Offers as the offer screen works with them.

use chrono::{DateTime, Utc};

use crate::domain::input::OfferInput;
use crate::domain::offer::OfferView;
use crate::domain::offer::{Offer, OfferFields};
use crate::error::CoreResult;
use crate::CoreError;
use crate::{Database, Lang};

/// Drafts a new offer from a candidate (see `OfferFields::from_candidate`),
/// its wording in `lang`.
pub fn draft_offer_from_candidate(
    db: &mut Database,
    candidate_id: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> CoreResult<Offer> {
    let candidate = db.get_candidate(candidate_id)?;
    db.create_offer(&OfferFields::from_candidate(&candidate, lang), now)
}

pub fn list_offers(db: &Database, lang: Lang) -> CoreResult<Vec<OfferView>> {
    Ok(db.list_offers()?.iter().map(|o| OfferView::new(o, lang)).collect())
}

pub fn draft_offer(db: &mut Database, candidate_id: i64, lang: Lang, now: DateTime<Utc>) -> CoreResult<OfferView> {
    Ok(OfferView::new(
        &draft_offer_from_candidate(db, candidate_id, lang, now)?,
        lang,
    ))
}

/// Saves an edit made from `revision`; refused with a conflict if the offer
/// changed since.
pub fn update_offer(
    db: &mut Database,
    id: i64,
    input: OfferInput,
    revision: Option<i64>,
    lang: Lang,
    now: DateTime<Utc>,
) -> CoreResult<OfferView> {
    let draft = OfferFields::try_from(&input).map_err(CoreError::from)?;
    Ok(OfferView::new(
        &db.update_offer_if_unchanged(id, &draft, revision, now)?,
        lang,
    ))
}

pub fn delete_offer(db: &mut Database, id: i64, now: DateTime<Utc>) -> CoreResult<()> {
    db.delete_offer(id, now)
}

pub fn restore_offer(db: &mut Database, id: i64, lang: Lang) -> CoreResult<OfferView> {
    Ok(OfferView::new(&db.restore_offer(id)?, lang))
}

//! Offers as the offer screen works with them.

use chrono::{DateTime, Utc};

use crate::domain::offer::{Offer, OfferFields};
use crate::error::CoreResult;
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

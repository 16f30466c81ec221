//! Versions as the versions screen shows them.

use crate::domain::offer::OfferView;
use crate::domain::text::ShortText;
use crate::domain::version::{self, FieldChange};
use crate::domain::version::{OfferVersion, VersionReason};
use crate::error::CoreResult;
use crate::CoreError;
use crate::{Database, Lang};
use chrono::{DateTime, Utc};

/// Two versions of one offer side by side, field by field, labelled in
/// `lang`; `None` on either side is the current draft.
pub fn compare_versions(
    db: &Database,
    offer_id: i64,
    before: Option<i64>,
    after: Option<i64>,
    lang: Lang,
) -> CoreResult<Vec<FieldChange>> {
    let before = db.version_content(offer_id, before)?;
    let after = db.version_content(offer_id, after)?;
    Ok(version::compare(&before, &after, &|id| db.candidate_name(id), lang))
}

pub fn list_versions(db: &Database, offer_id: i64) -> CoreResult<Vec<OfferVersion>> {
    db.list_versions(offer_id)
}

/// Keeps the offer as it stands now, with the user's label.
pub fn take_version(
    db: &mut Database,
    offer_id: i64,
    label: String,
    now: DateTime<Utc>,
) -> CoreResult<Option<OfferVersion>> {
    db.take_version(offer_id, VersionReason::Manual, &label_text(&label)?, now)
}

pub fn label_version(db: &mut Database, id: i64, label: String) -> CoreResult<OfferVersion> {
    db.label_version(id, &label_text(&label)?)
}

/// Makes a version the current draft; the replaced draft is kept as a version.
/// The target income stays the shared one, not the version's.
pub fn restore_version(db: &mut Database, id: i64, lang: Lang, now: DateTime<Utc>) -> CoreResult<OfferView> {
    let offer = db.restore_version(id, now)?;
    crate::app::target_income::settle(db)?;
    Ok(OfferView::new(&offer, lang))
}

/// A version's label as typed: short text.
fn label_text(raw: &str) -> Result<ShortText, CoreError> {
    Ok(ShortText::parse("label", raw)?)
}

/// Keeps what went out on paper or as a file as a version of the offer
/// (skipped when it repeats the last one), without a label.
pub fn keep_sent_version(
    db: &mut Database,
    offer_id: i64,
    reason: VersionReason,
    now: DateTime<Utc>,
) -> CoreResult<Option<OfferVersion>> {
    db.take_version(offer_id, reason, &ShortText::default(), now)
}

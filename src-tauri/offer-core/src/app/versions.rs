//! Versions as the versions screen shows them.

use crate::domain::version::{self, FieldChange};
use crate::error::CoreResult;
use crate::{Database, Lang};

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

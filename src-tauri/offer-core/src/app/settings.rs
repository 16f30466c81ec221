//! The workspace's settings as the app starts and the user changes them.

use crate::error::CoreResult;
use crate::{Database, Lang};

/// The language the user picked in the app, if any.
pub fn language(db: &Database) -> CoreResult<Option<Lang>> {
    db.language()
}

pub fn set_language(db: &mut Database, lang: Lang) -> CoreResult<()> {
    db.set_language(lang)
}

/// No candidates or offers yet: the app opens on its welcome.
pub fn is_first_run(db: &Database) -> CoreResult<bool> {
    db.is_empty()
}

//! Example workspaces a new user can load to see the method at work: one in
//! Japanese and one in English. They are ordinary export files.

use chrono::{DateTime, Utc};

use crate::app::exchange::{import_json, ImportSummary};
use crate::error::CoreResult;
use crate::{Database, Lang};

pub fn example_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => include_str!("../../examples-data/ja.json"),
        Lang::En => include_str!("../../examples-data/en.json"),
    }
}

pub fn load_example(db: &mut Database, lang: Lang, now: DateTime<Utc>) -> CoreResult<ImportSummary> {
    import_json(db, example_file(lang), now)
}

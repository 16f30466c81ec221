//! Use cases of one area (criteria), as the screens and the CLI ask for them.

use crate::domain::criteria::{CriterionFields, CriterionView};
use crate::domain::input::CriterionInput;
use crate::error::CoreResult;
use crate::{Database, Lang};
use chrono::{DateTime, Utc};

pub fn list_criteria(db: &Database, lang: Lang) -> CoreResult<Vec<CriterionView>> {
    Ok(db
        .list_criteria()?
        .iter()
        .map(|c| CriterionView::new(c, lang))
        .collect())
}

pub fn add_criterion(db: &mut Database, input: CriterionInput, lang: Lang) -> CoreResult<CriterionView> {
    let draft = CriterionFields::try_from(&input)?;
    Ok(CriterionView::new(&db.add_criterion(&draft)?, lang))
}

pub fn update_criterion(db: &mut Database, id: i64, input: CriterionInput, lang: Lang) -> CoreResult<CriterionView> {
    let draft = CriterionFields::try_from(&input)?;
    Ok(CriterionView::new(&db.update_criterion(id, &draft)?, lang))
}

pub fn delete_criterion(db: &mut Database, id: i64, now: DateTime<Utc>) -> CoreResult<()> {
    db.delete_criterion(id, now)
}

pub fn restore_criterion(db: &mut Database, id: i64, lang: Lang) -> CoreResult<CriterionView> {
    Ok(CriterionView::new(&db.restore_criterion(id)?, lang))
}

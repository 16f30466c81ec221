//! Commands of one area: the criteria candidates are scored on. Each converts its
//! input, calls the core, and converts the result.

use chrono::Utc;
use offerwright_core::domain::criteria::{CriterionFields, CriterionView};
use offerwright_core::domain::input::CriterionInput;
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub fn list_criteria(state: State<'_, AppState>) -> Reply<Vec<CriterionView>> {
    state.with_db(|db, lang| {
        Ok(db
            .list_criteria()?
            .iter()
            .map(|c| CriterionView::new(c, lang))
            .collect())
    })
}

#[tauri::command]
pub fn add_criterion(state: State<'_, AppState>, input: CriterionInput) -> Reply<CriterionView> {
    state.with_db(|db, lang| {
        let draft = CriterionFields::try_from(&input)?;
        Ok(CriterionView::new(&db.add_criterion(&draft)?, lang))
    })
}

#[tauri::command]
pub fn update_criterion(state: State<'_, AppState>, id: i64, input: CriterionInput) -> Reply<CriterionView> {
    state.with_db(|db, lang| {
        let draft = CriterionFields::try_from(&input)?;
        Ok(CriterionView::new(&db.update_criterion(id, &draft)?, lang))
    })
}

#[tauri::command]
pub fn delete_criterion(state: State<'_, AppState>, id: i64) -> Reply<()> {
    state.with_db(|db, _| db.delete_criterion(id, Utc::now()))
}

#[tauri::command]
pub fn restore_criterion(state: State<'_, AppState>, id: i64) -> Reply<CriterionView> {
    state.with_db(|db, lang| Ok(CriterionView::new(&db.restore_criterion(id)?, lang)))
}

use chrono::{DateTime, Utc};
use rusqlite::{params, Row};

use super::soft_delete::Table;
use super::{stored, Database};
use crate::domain::criteria::{Criterion, CriterionFields, CriterionKey, Weight};
use crate::domain::text::ShortText;
use crate::error::{CoreError, CoreResult, ValidationError, ValidationKind};

const COLUMNS: &str = "id, key, name, weight, position";

fn from_row(row: &Row) -> rusqlite::Result<Criterion> {
    let key: Option<String> = row.get(1)?;
    let name: String = row.get(2)?;
    let weight: i64 = row.get(3)?;
    Ok(Criterion {
        id: row.get(0)?,
        key: key.as_deref().and_then(CriterionKey::parse),
        fields: CriterionFields {
            name: ShortText::parse("name", &name).map_err(stored)?,
            weight: Weight::new("weight", weight).map_err(stored)?,
        },
        position: row.get(4)?,
    })
}

impl Database {
    /// The criteria in use, in the order the user arranged them.
    pub fn list_criteria(&self) -> CoreResult<Vec<Criterion>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM criteria WHERE deleted_at IS NULL ORDER BY position, id"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Built-in criteria the user removed, so a workspace file can say so.
    pub(crate) fn removed_builtins(&self) -> CoreResult<Vec<Criterion>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM criteria WHERE key IS NOT NULL AND deleted_at IS NOT NULL ORDER BY position, id"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn get_criterion(&self, id: i64) -> CoreResult<Criterion> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM criteria WHERE id = ?1 AND deleted_at IS NULL"),
                [id],
                from_row,
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => CoreError::NotFound { what: "criterion", id },
                other => other.into(),
            })
    }

    /// Adds a criterion of the user's own; it needs a name.
    pub fn add_criterion(&mut self, draft: &CriterionFields) -> CoreResult<Criterion> {
        if draft.name.is_empty() {
            return Err(ValidationError::new("name", ValidationKind::Required).into());
        }
        let id = self.write(|tx| insert_custom(tx, draft))?;
        self.get_criterion(id)
    }

    /// Renames a criterion or changes its weight. A built-in criterion with an
    /// empty name goes back to its name in the user's language; a custom one
    /// must keep a name.
    pub fn update_criterion(&mut self, id: i64, draft: &CriterionFields) -> CoreResult<Criterion> {
        let current = self.get_criterion(id)?;
        if current.key.is_none() && draft.name.is_empty() {
            return Err(ValidationError::new("name", ValidationKind::Required).into());
        }
        self.write(|tx| {
            tx.execute(
                "UPDATE criteria SET name = ?2, weight = ?3 WHERE id = ?1",
                params![id, draft.name.as_str(), draft.weight.value()],
            )?;
            Ok(())
        })?;
        self.get_criterion(id)
    }

    /// Removes a criterion from scoring; `restore_criterion` undoes it.
    pub fn delete_criterion(&mut self, id: i64, now: DateTime<Utc>) -> CoreResult<()> {
        self.hide(Table::Criteria, id, now)
    }

    pub fn restore_criterion(&mut self, id: i64) -> CoreResult<Criterion> {
        self.unhide(Table::Criteria, id)?;
        self.get_criterion(id)
    }
}

/// Gives a built-in criterion the name and weight from an imported file,
/// bringing it back if it was removed. Returns its id.
pub(crate) fn import_builtin(
    tx: &rusqlite::Transaction,
    key: CriterionKey,
    draft: &CriterionFields,
) -> CoreResult<i64> {
    tx.execute(
        "INSERT INTO criteria (key, name, weight, position)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM criteria))
         ON CONFLICT (key) DO UPDATE SET name = excluded.name, weight = excluded.weight, deleted_at = NULL",
        params![key.as_str(), draft.name.as_str(), draft.weight.value()],
    )?;
    Ok(
        tx.query_row("SELECT id FROM criteria WHERE key = ?1", [key.as_str()], |row| {
            row.get(0)
        })?,
    )
}

/// Removes a built-in criterion (as the user can), inside a caller's transaction.
pub(crate) fn remove_builtin(tx: &rusqlite::Transaction, id: i64, now: DateTime<Utc>) -> CoreResult<()> {
    tx.execute(
        "UPDATE criteria SET deleted_at = coalesce(deleted_at, ?2) WHERE id = ?1",
        params![id, super::time::to_text(now)],
    )?;
    Ok(())
}

/// Adds a custom criterion inside a caller's transaction. Returns its id.
pub(crate) fn insert_custom(tx: &rusqlite::Transaction, draft: &CriterionFields) -> CoreResult<i64> {
    tx.execute(
        "INSERT INTO criteria (name, weight, position)
         VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM criteria))",
        params![draft.name.as_str(), draft.weight.value()],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Every built-in criterion's id by key, removed ones included.
pub(crate) fn builtin_ids(tx: &rusqlite::Transaction) -> CoreResult<Vec<(CriterionKey, i64)>> {
    let mut stmt = tx.prepare("SELECT key, id FROM criteria WHERE key IS NOT NULL")?;
    let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (key, id) = row?;
        if let Some(key) = CriterionKey::parse(&key) {
            out.push((key, id));
        }
    }
    Ok(out)
}

//! Deletes are soft, so the UI can offer Undo: a row is hidden by setting
//! `deleted_at`, and restored by clearing it. Edits carry a revision, so an
//! edit made from an old one is refused. One place for every table.

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::{time, Database};
use crate::error::{CoreError, CoreResult};

#[derive(Debug, Clone, Copy)]
pub(crate) enum Table {
    Candidates,
    Offers,
    Criteria,
    Problems,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Candidates => "candidates",
            Table::Offers => "offers",
            Table::Criteria => "criteria",
            Table::Problems => "problems",
        }
    }

    /// The word used in a not-found error.
    fn what(self) -> &'static str {
        match self {
            Table::Candidates => "candidate",
            Table::Offers => "offer",
            Table::Criteria => "criterion",
            Table::Problems => "problem",
        }
    }
}

impl Database {
    /// Hides a row that is not deleted yet.
    pub(crate) fn hide(&mut self, table: Table, id: i64, now: DateTime<Utc>) -> CoreResult<()> {
        let changed = self.write(|tx| {
            Ok(tx.execute(
                &format!(
                    "UPDATE {} SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                    table.name()
                ),
                params![id, time::to_text(now)],
            )?)
        })?;
        if changed == 0 {
            return Err(CoreError::NotFound { what: table.what(), id });
        }
        Ok(())
    }

    /// Brings a hidden row back.
    pub(crate) fn unhide(&mut self, table: Table, id: i64) -> CoreResult<()> {
        let changed = self.write(|tx| {
            Ok(tx.execute(
                &format!(
                    "UPDATE {} SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                    table.name()
                ),
                [id],
            )?)
        })?;
        if changed == 0 {
            return Err(CoreError::NotFound { what: table.what(), id });
        }
        Ok(())
    }
}

/// Marks an edit inside a caller's transaction: one revision more, and when.
/// With `seen`, the edit was made from that revision; if the record has moved
/// on since (another window, the CLI), the edit is refused and the caller's
/// transaction rolls back.
pub(crate) fn touch(
    tx: &rusqlite::Transaction,
    table: Table,
    id: i64,
    seen: Option<i64>,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let changed = tx.execute(
        &format!(
            "UPDATE {} SET revision = revision + 1, updated_at = ?2 WHERE id = ?1 AND (?3 IS NULL OR revision = ?3)",
            table.name()
        ),
        params![id, time::to_text(now), seen],
    )?;
    if changed == 0 {
        return Err(CoreError::Conflict { what: table.what(), id });
    }
    Ok(())
}

/// A table whose records are edited with a revision check and soft-deleted:
/// candidates, offers, problems.
pub(crate) trait Editable {
    const TABLE: Table;
    type Fields;
    type Record;
    fn load(db: &Database, id: i64) -> CoreResult<Self::Record>;
    fn write_fields(tx: &rusqlite::Transaction, id: i64, fields: &Self::Fields) -> CoreResult<()>;
}

impl Database {
    /// Writes a record's fields; with `seen`, only if it is still at that revision.
    pub(crate) fn edit<T: Editable>(
        &mut self,
        id: i64,
        fields: &T::Fields,
        seen: Option<i64>,
        now: DateTime<Utc>,
    ) -> CoreResult<T::Record> {
        T::load(self, id)?;
        self.write(|tx| {
            T::write_fields(tx, id, fields)?;
            touch(tx, T::TABLE, id, seen, now)
        })?;
        T::load(self, id)
    }

    /// Brings back a hidden record.
    pub(crate) fn bring_back<T: Editable>(&mut self, id: i64) -> CoreResult<T::Record> {
        self.unhide(T::TABLE, id)?;
        T::load(self, id)
    }
}

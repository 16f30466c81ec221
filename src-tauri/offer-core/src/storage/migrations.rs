//! The schema's history. Steps are only ever appended: a released step is never
//! edited, so every older file can be brought up to date.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, TransactionBehavior};

use crate::error::CoreResult;

const STEPS: &[&str] = &[
    include_str!("../../migrations/001_initial.sql"),
    include_str!("../../migrations/002_settings.sql"),
    include_str!("../../migrations/003_dismissals.sql"),
    include_str!("../../migrations/004_evidence.sql"),
    include_str!("../../migrations/005_plans.sql"),
    include_str!("../../migrations/006_problems_and_versions.sql"),
];

/// The schema version this build writes.
pub const LATEST: i64 = STEPS.len() as i64;

/// Brings the schema up to LATEST in one transaction. The write lock is
/// taken first and the version read inside it, so two programs opening a new
/// file at once never both run a step: the second finds the work done.
/// With `backup_of`, a file that already has data is backed up (inside the
/// lock, so the copy is the file exactly as it was) before it changes.
pub(crate) fn to_latest(conn: &mut Connection, backup_of: Option<&Path>, now: DateTime<Utc>) -> CoreResult<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if found >= LATEST {
        return Ok(());
    }
    if let Some(path) = backup_of.filter(|_| found > 0) {
        let source = super::backup::committed_state(path)?;
        super::backup::take(&source, path, super::backup::BackupReason::BeforeMigration, now, &[])?;
    }
    for step in &STEPS[usize::try_from(found).unwrap_or(0)..] {
        tx.execute_batch(step)?;
    }
    tx.pragma_update(None, "user_version", LATEST)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_applies_to_a_new_file_and_sets_the_latest_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        to_latest(&mut conn, None, Utc::now()).unwrap();
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, LATEST);
        let criteria: i64 = conn
            .query_row("SELECT count(*) FROM criteria", [], |r| r.get(0))
            .unwrap();
        assert!(criteria > 0, "the seed rows are in");
        // Running again finds nothing to do.
        to_latest(&mut conn, None, Utc::now()).unwrap();
    }
}

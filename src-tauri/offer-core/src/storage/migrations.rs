//! The schema's history. Steps are only ever appended: a released step is never
//! edited, so every older file can be brought up to date.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, TransactionBehavior};

use crate::domain::criteria::CriterionKey;
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
    let first = usize::try_from(found).unwrap_or(0);
    for (number, step) in STEPS.iter().enumerate().skip(first) {
        tx.execute_batch(step)?;
        if number == 0 {
            seed_criteria(&tx)?;
        }
    }
    tx.pragma_update(None, "user_version", LATEST)?;
    tx.commit()?;
    Ok(())
}

/// The built-in criteria a new workspace starts with, in their order.
fn seed_criteria(tx: &rusqlite::Transaction) -> CoreResult<()> {
    for (position, key) in CriterionKey::ALL.iter().copied().enumerate() {
        tx.execute(
            "INSERT INTO criteria (key, weight, position) VALUES (?1, ?2, ?3)",
            rusqlite::params![key.as_str(), key.default_weight(), position as i64 + 1],
        )?;
    }
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
        let mut stmt = conn
            .prepare("SELECT key, weight, position FROM criteria ORDER BY position")
            .unwrap();
        let seeded: Vec<(String, i64, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        // The weights a new workspace has always started with.
        let expected = [
            ("pain", 8),
            ("recurring", 8),
            ("ability_to_pay", 8),
            ("reachable", 6),
            ("edge", 6),
            ("competition", 5),
            ("leverage", 4),
            ("enjoyment", 5),
        ];
        let expected: Vec<(String, i64, i64)> = expected
            .iter()
            .enumerate()
            .map(|(i, (k, w))| (k.to_string(), *w, i as i64 + 1))
            .collect();
        assert_eq!(seeded, expected);
        drop(stmt);
        // Running again finds nothing to do.
        to_latest(&mut conn, None, Utc::now()).unwrap();
    }
}

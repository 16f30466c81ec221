//! The one SQLite file a workspace lives in. Every connection is opened here,
//! so every connection gets the same PRAGMAs and the schema check.

pub mod backup;
pub(crate) mod candidates;
pub(crate) mod criteria;
mod dismissals;
pub mod migrations;
pub(crate) mod offers;
pub(crate) mod plans;
pub(crate) mod problems;
mod settings;
mod soft_delete;
pub(crate) mod time;
mod versions;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode as SqliteCode};

pub use dismissals::Subject;

use crate::error::{CoreError, CoreResult};

pub struct Database {
    conn: Connection,
    path: PathBuf,
}

/// The file name used inside the OS app-data folder.
pub const FILE_NAME: &str = "offerwright.sqlite3";

/// The variable that points the app (and tests) at another database file.
pub const DB_ENV_VAR: &str = "OFFERWRIGHT_DB";

fn not_a_database(error: rusqlite::Error) -> CoreError {
    match error.sqlite_error_code() {
        Some(SqliteCode::NotADatabase) => CoreError::NotADatabase(error.to_string()),
        Some(SqliteCode::DatabaseCorrupt) => CoreError::Corrupt(error.to_string()),
        _ => CoreError::Storage(error),
    }
}

/// SQLite's quick integrity check: page structure, records and indexes.
fn integrity(conn: &Connection) -> CoreResult<()> {
    let problems: Vec<String> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut stmt| stmt.query_map([], |row| row.get::<_, String>(0))?.collect())
        .map_err(not_a_database)?;
    match problems.as_slice() {
        [ok] if ok == "ok" => Ok(()),
        _ => Err(CoreError::Corrupt(problems.join("; "))),
    }
}

/// `path` with `suffix` appended to its file name ("x.sqlite3" → "x.sqlite3-wal").
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// A stored value that no longer passes validation (edited by hand, or by a
/// buggy version) is reported as a read error rather than shown half-valid.
fn stored(error: crate::error::ValidationError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(error))
}

impl Database {
    /// Opens (or creates) the database at `path` and brings its schema up to
    /// date. A file written by a newer Offerwright, or a file that is not a
    /// database, is refused before anything is written to it.
    pub fn open(path: &Path) -> CoreResult<Database> {
        Database::open_at(path, Utc::now())
    }

    /// `open`, with the time a backup before a migration is stamped with.
    /// A damaged file is refused, untouched, after SQLite's integrity check.
    pub fn open_at(path: &Path, now: DateTime<Utc>) -> CoreResult<Database> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        let found: i64 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(not_a_database)?;
        if found > migrations::LATEST {
            return Err(CoreError::DatabaseTooNew {
                found,
                supported: migrations::LATEST,
            });
        }
        integrity(&conn)?;
        // WAL changes the file header, so it comes only after the checks above.
        let mode: String = conn.pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))?;
        let on_disk = mode.eq_ignore_ascii_case("wal");
        // FULL: a commit is on disk before it is acknowledged, even if the power fails.
        conn.pragma_update(None, "synchronous", "full")?;
        if on_disk && found > 0 && found < migrations::LATEST {
            backup::take(&conn, path, backup::BackupReason::BeforeMigration, now)?;
        }
        migrations::migrations().to_latest(&mut conn)?;
        Ok(Database {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> CoreResult<i64> {
        Ok(self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// Runs `work` in one transaction: all of it is stored, or none.
    pub(crate) fn write<T>(&mut self, work: impl FnOnce(&rusqlite::Transaction) -> CoreResult<T>) -> CoreResult<T> {
        // IMMEDIATE takes the write lock up front, so a check made inside the
        // transaction (a revision, say) still holds when the write lands.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// True while the workspace has no problems, candidates or offers, deleted
    /// or not: the first-run state.
    pub fn is_empty(&self) -> CoreResult<bool> {
        let count: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM candidates) + (SELECT count(*) FROM offers) + (SELECT count(*) FROM problems)",
            [],
            |row| row.get(0),
        )?;
        Ok(count == 0)
    }
}

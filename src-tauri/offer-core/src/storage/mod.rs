//! The one SQLite file a workspace lives in. Every connection is opened here,
//! so every connection gets the same PRAGMAs and the schema check.

pub(crate) mod candidates;
pub(crate) mod criteria;
mod dismissals;
pub mod migrations;
pub(crate) mod offers;
pub(crate) mod plans;
mod settings;
mod soft_delete;
pub(crate) mod time;

use std::path::{Path, PathBuf};
use std::time::Duration;

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
        _ => CoreError::Storage(error),
    }
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
        // WAL changes the file header, so it comes only after the checks above.
        let mode: String = conn.pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))?;
        debug_assert!(mode.eq_ignore_ascii_case("wal") || mode.eq_ignore_ascii_case("memory"));
        conn.pragma_update(None, "synchronous", "normal")?;
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

    /// True while the workspace has no candidates and no offers, deleted or not:
    /// the first-run state.
    pub fn is_empty(&self) -> CoreResult<bool> {
        let count: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM candidates) + (SELECT count(*) FROM offers)",
            [],
            |row| row.get(0),
        )?;
        Ok(count == 0)
    }
}

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
pub mod whole_file;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode as SqliteCode, OpenFlags};

use crate::error::{CoreError, CoreResult};

pub struct Database {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
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

fn schema_version_of(conn: &Connection) -> CoreResult<i64> {
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(not_a_database)?;
    if found > migrations::LATEST {
        return Err(CoreError::DatabaseTooNew {
            found,
            supported: migrations::LATEST,
        });
    }
    Ok(found)
}

/// SQLite takes an empty file for a new database. Offerwright makes its
/// new files itself (and writes their first page within milliseconds), so an
/// empty file it did not just make is someone else's: a failed copy, a file
/// emptied by another program. It is refused like any foreign file, after a
/// short wait in case another Offerwright is still creating it.
fn refuse_foreign_empty_file(path: &Path) -> CoreResult<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    match std::fs::OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(_) => return Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        // A folder that cannot be written: the open below says so.
        Err(_) => return Ok(()),
    }
    wait_while_empty(path)
}

/// Returns once the file at `path` has content (in it or in its -wal file);
/// refuses it if it stays empty for a few seconds.
fn wait_while_empty(path: &Path) -> CoreResult<()> {
    let deadline = std::time::Instant::now() + Duration::from_secs(3);
    loop {
        // In WAL mode the first commit lands in the -wal file; the main
        // file stays empty until a checkpoint.
        let has_wal = std::fs::metadata(sibling(path, "-wal")).is_ok_and(|m| m.len() > 0);
        match std::fs::metadata(path) {
            Ok(m) if m.is_file() && m.len() == 0 && !has_wal => {}
            _ => return Ok(()),
        }
        if std::time::Instant::now() >= deadline {
            return Err(CoreError::NotADatabase("the file is empty".into()));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn is_read_only(error: &CoreError) -> bool {
    matches!(error, CoreError::Storage(e) if e.sqlite_error_code() == Some(SqliteCode::ReadOnly))
}

fn cannot_open(error: &CoreError) -> bool {
    matches!(error, CoreError::Storage(e) if e.sqlite_error_code() == Some(SqliteCode::CannotOpen))
}

/// A `file:` URI for `path` that SQLite opens as immutable. Bytes that a
/// URI gives a meaning to, and every non-ASCII byte, are percent-encoded.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for &byte in path.as_os_str().as_encoded_bytes() {
        if byte.is_ascii() && !matches!(byte, b'%' | b'?' | b'#') {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
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

/// How long one attempt waits for another writer before SQLite gives up.
const BUSY_WAIT: Duration = Duration::from_secs(5);
/// How many times a write that found the file busy is tried again, with
/// BUSY_WAIT each: another program's long import is waited out, a stuck one
/// is reported after about half a minute.
const BUSY_ATTEMPTS: u32 = 6;

/// True when SQLite gave up waiting for another connection's lock.
fn is_busy(error: &CoreError) -> bool {
    matches!(
        error,
        CoreError::Storage(e) if matches!(
            e.sqlite_error_code(),
            Some(SqliteCode::DatabaseBusy | SqliteCode::DatabaseLocked)
        )
    )
}

/// Turns SQLite's refusals to write a read-only file into the error that says so.
fn read_only(error: rusqlite::Error) -> CoreError {
    match error.sqlite_error_code() {
        Some(SqliteCode::ReadOnly) => CoreError::ReadOnly,
        _ => CoreError::Storage(error),
    }
}

/// `work`, tried again while the file is busy with another writer; the last
/// busy error becomes `CoreError::Busy`.
fn patiently<T>(mut work: impl FnMut() -> CoreResult<T>) -> CoreResult<T> {
    let mut attempt = 1;
    loop {
        match work() {
            Err(e) if is_busy(&e) && attempt < BUSY_ATTEMPTS => attempt += 1,
            Err(e) if is_busy(&e) => return Err(CoreError::Busy),
            other => return other,
        }
    }
}

impl Database {
    /// Opens (or creates) the database at `path` and brings its schema up to
    /// date. A file written by a newer Offerwright, or a file that is not a
    /// database, is refused before anything is written to it.
    pub fn open(path: &Path) -> CoreResult<Database> {
        Database::open_at(path, Utc::now())
    }

    /// A new workspace that lives in memory only: for tests and tools that
    /// need a database but no file (nothing is backed up or kept).
    pub fn open_in_memory() -> CoreResult<Database> {
        Database::open_with(Path::new(":memory:"), Utc::now(), false)
    }

    /// `open`, with the time a backup before a migration is stamped with.
    /// A damaged file is refused, untouched, after SQLite's integrity check.
    pub fn open_at(path: &Path, now: DateTime<Utc>) -> CoreResult<Database> {
        Database::open_with(path, now, true)
    }

    /// `open_at`; `keep_backup` says whether a file about to be migrated is
    /// backed up first (not for a private copy that is itself being restored).
    pub(crate) fn open_with(path: &Path, now: DateTime<Utc>, keep_backup: bool) -> CoreResult<Database> {
        let existed = path.exists();
        Database::open_for_writing(path, now, keep_backup).map_err(|e| match e {
            e if is_read_only(&e) => CoreError::ReadOnly,
            // An existing file that cannot be opened for writing: its folder
            // cannot be written (SQLite needs its -wal and -shm files there).
            e if existed && cannot_open(&e) => CoreError::ReadOnly,
            other => other,
        })
    }

    fn open_for_writing(path: &Path, now: DateTime<Utc>, keep_backup: bool) -> CoreResult<Database> {
        if path.as_os_str() != ":memory:" {
            refuse_foreign_empty_file(path)?;
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_WAIT)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        let found = patiently(|| schema_version_of(&conn))?;
        integrity(&conn)?;
        // WAL changes the file header, so it comes only after the checks above.
        let mode: String =
            patiently(|| Ok(conn.pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))?)).map_err(
                |e| match e {
                    CoreError::Storage(e) => read_only(e),
                    other => other,
                },
            )?;
        let on_disk = mode.eq_ignore_ascii_case("wal");
        // FULL: a commit is on disk before it is acknowledged, even if the power fails.
        conn.pragma_update(None, "synchronous", "full")?;
        if found < migrations::LATEST {
            let backup_path = (on_disk && keep_backup).then_some(path);
            patiently(|| migrations::to_latest(&mut conn, backup_path, now))?;
        }
        Ok(Database {
            conn,
            path: path.to_path_buf(),
            read_only: false,
        })
    }

    /// Opens the database at `path` for reading only, for commands that never
    /// write: it works in a folder the user cannot write to, and never creates,
    /// migrates or changes the file. A file that needs an update first is
    /// refused with a message that says a write is needed.
    pub fn open_read_only(path: &Path) -> CoreResult<Database> {
        if !path.is_file() {
            return Err(CoreError::Io(std::io::ErrorKind::NotFound.into()));
        }
        wait_while_empty(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let check = |conn: Connection| -> CoreResult<Connection> {
            conn.busy_timeout(BUSY_WAIT)?;
            let found = patiently(|| schema_version_of(&conn))?;
            if found < migrations::LATEST {
                return Err(CoreError::NeedsUpdate);
            }
            integrity(&conn)?;
            Ok(conn)
        };
        // A WAL file in a folder nobody may write to has no shared-memory
        // file and cannot get one; opened as immutable, SQLite reads it
        // without one. No one can be writing it there.
        let conn = match Connection::open_with_flags(path, flags)
            .map_err(CoreError::from)
            .and_then(check)
        {
            Ok(conn) => conn,
            Err(e) if cannot_open(&e) || is_read_only(&e) => {
                check(Connection::open_with_flags(immutable_uri(path), flags)?)?
            }
            Err(e) => return Err(e),
        };
        Ok(Database {
            conn,
            path: path.to_path_buf(),
            read_only: true,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> CoreResult<i64> {
        Ok(self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// Runs `work` in one transaction: all of it is stored, or none. While
    /// another program holds the write lock, the whole transaction waits and
    /// is tried again; only a lock held for about half a minute is reported.
    pub(crate) fn write<T>(&mut self, mut work: impl FnMut(&rusqlite::Transaction) -> CoreResult<T>) -> CoreResult<T> {
        if self.read_only {
            return Err(CoreError::ReadOnly);
        }
        let conn = &mut self.conn;
        patiently(|| {
            // IMMEDIATE takes the write lock up front, so a check made inside the
            // transaction (a revision, say) still holds when the write lands.
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(read_only)?;
            let value = work(&tx).map_err(|e| match e {
                CoreError::Storage(e) => read_only(e),
                other => other,
            })?;
            tx.commit().map_err(read_only)?;
            Ok(value)
        })
    }

    /// Runs `work` on one snapshot of the database: every read inside sees
    /// the same moment, however many writes other programs commit meanwhile.
    pub(crate) fn snapshot<T>(&self, work: impl FnOnce(&Database) -> CoreResult<T>) -> CoreResult<T> {
        if !self.conn.is_autocommit() {
            return work(self);
        }
        self.conn.execute_batch("BEGIN DEFERRED")?;
        // The snapshot starts at the first read, so take it now.
        let started = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))
            .map_err(CoreError::from);
        let value = started.and_then(|()| work(self));
        let _ = self.conn.execute_batch("COMMIT");
        value
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

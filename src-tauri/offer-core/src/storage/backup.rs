//! Copies of the database taken with SQLite's online backup API, kept in a
//! `backups` folder beside the file: before every migration, once a day on
//! start, before a restore, and on demand. The newest KEEP are kept.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::{migrations, Database};
use crate::error::{CoreError, CoreResult};

/// How many backups are kept; older ones are removed after a new one is taken.
pub const KEEP: usize = 10;

const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y%m%d-%H%M%S";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    Daily,
    BeforeMigration,
    BeforeRestore,
    Manual,
}

impl BackupReason {
    fn as_str(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::BeforeMigration => "before-migration",
            BackupReason::BeforeRestore => "before-restore",
            BackupReason::Manual => "manual",
        }
    }

    fn parse(s: &str) -> Option<BackupReason> {
        [
            BackupReason::Daily,
            BackupReason::BeforeMigration,
            BackupReason::BeforeRestore,
            BackupReason::Manual,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Backup {
    pub file_name: String,
    pub path: PathBuf,
    pub taken_at: DateTime<Utc>,
    pub reason: BackupReason,
    pub bytes: u64,
}

/// The folder a database's backups live in.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// Backups are named after their database ("offerwright-20261121-093000-daily.sqlite3"
/// for offerwright.sqlite3), so databases that share a folder never mix backups.
fn prefix(db_path: &Path) -> String {
    let stem = db_path
        .file_stem()
        .map_or("offerwright".into(), |s| s.to_string_lossy().into_owned());
    format!("{stem}-")
}

fn parse_name(db_path: &Path, file_name: &str) -> Option<(DateTime<Utc>, BackupReason)> {
    let rest = file_name.strip_prefix(&prefix(db_path))?.strip_suffix(SUFFIX)?;
    // offerwright-20261121-093000-daily(-2).sqlite3
    let stamp = rest.get(..15)?;
    let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    let reason = rest.get(16..)?;
    let reason = reason.split_once("-n").map_or(reason, |(r, _)| r);
    Some((taken, BackupReason::parse(reason)?))
}

/// The backups of the database at `db_path`, newest first.
pub fn list_backups(db_path: &Path) -> CoreResult<Vec<Backup>> {
    let dir = backups_dir(db_path);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut backups = Vec::new();
    for entry in entries {
        let entry = entry?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if let Some((taken_at, reason)) = parse_name(db_path, &file_name) {
            backups.push(Backup {
                bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
                path: entry.path(),
                file_name,
                taken_at,
                reason,
            });
        }
    }
    backups.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.file_name.cmp(&a.file_name)));
    Ok(backups)
}

/// A free name for a backup taken at `now`; a second one in the same second gets "-n2".
fn target(db_path: &Path, reason: BackupReason, now: DateTime<Utc>) -> PathBuf {
    let dir = backups_dir(db_path);
    let base = format!("{}{}-{}", prefix(db_path), now.format(STAMP), reason.as_str());
    let mut candidate = dir.join(format!("{base}{SUFFIX}"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{base}-n{n}{SUFFIX}"));
        n += 1;
    }
    candidate
}

fn prune(db_path: &Path, keep: usize) -> CoreResult<()> {
    for old in list_backups(db_path)?.into_iter().skip(keep) {
        std::fs::remove_file(&old.path)?;
    }
    Ok(())
}

/// Copies the open connection's database to a new backup file, then prunes.
pub(super) fn take(conn: &Connection, db_path: &Path, reason: BackupReason, now: DateTime<Utc>) -> CoreResult<Backup> {
    std::fs::create_dir_all(backups_dir(db_path))?;
    let path = target(db_path, reason, now);
    conn.backup(rusqlite::MAIN_DB, &path, None)?;
    prune(db_path, KEEP)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Backup {
        bytes: std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
        file_name,
        path,
        taken_at: now,
        reason,
    })
}

/// Opens a file read-only and checks it is a sound Offerwright database this
/// version can read.
pub fn verify(path: &Path) -> CoreResult<()> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(super::not_a_database)?;
    if found > migrations::LATEST {
        return Err(CoreError::DatabaseTooNew {
            found,
            supported: migrations::LATEST,
        });
    }
    super::integrity(&conn)
}

impl Database {
    /// Takes a backup now.
    pub fn backup(&self, reason: BackupReason, now: DateTime<Utc>) -> CoreResult<Backup> {
        take(&self.conn, &self.path, reason, now)
    }

    /// Takes the day's backup unless one was taken in the last 24 hours.
    pub fn daily_backup(&self, now: DateTime<Utc>) -> CoreResult<Option<Backup>> {
        let recent = list_backups(&self.path)?
            .first()
            .is_some_and(|b| now.signed_duration_since(b.taken_at) < chrono::Duration::hours(24));
        if recent || self.is_empty()? {
            return Ok(None);
        }
        self.backup(BackupReason::Daily, now).map(Some)
    }
}

/// Replaces the database at `db_path` with the backup `file_name` from its
/// backups folder. The caller must have closed every connection to it. The
/// current file is kept first: as a backup if it opens, else copied aside
/// byte for byte, so a restore never loses anything.
pub fn restore(db_path: &Path, file_name: &str, now: DateTime<Utc>) -> CoreResult<Backup> {
    let chosen = list_backups(db_path)?
        .into_iter()
        .find(|b| b.file_name == file_name)
        .ok_or(CoreError::NotFound { what: "backup", id: 0 })?;
    verify(&chosen.path)?;
    if db_path.exists() {
        match Database::open_at(db_path, now) {
            Ok(current) => {
                current.backup(BackupReason::BeforeRestore, now)?;
            }
            Err(_) => {
                let aside = super::sibling(db_path, &format!(".unreadable-{}", now.format(STAMP)));
                std::fs::copy(db_path, &aside)?;
                let wal = super::sibling(db_path, "-wal");
                if wal.exists() {
                    std::fs::copy(&wal, super::sibling(&aside, "-wal"))?;
                }
            }
        }
    }
    // Copy beside the database, then rename over it: the file is either the
    // old one or the restored one, never half of each.
    let incoming = super::sibling(db_path, ".restoring");
    std::fs::copy(&chosen.path, &incoming)?;
    for stale in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(super::sibling(db_path, stale));
    }
    std::fs::rename(&incoming, db_path)?;
    Ok(chosen)
}

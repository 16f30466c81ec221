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

/// Backups are named after their database's whole file name
/// ("offerwright.sqlite3.20261121-093000-daily.sqlite3"), so databases that
/// share a folder never mix backups, not even work.sqlite3 and work.db.
fn prefix(db_path: &Path) -> String {
    let name = db_path
        .file_name()
        .map_or(super::FILE_NAME.into(), |s| s.to_string_lossy().into_owned());
    format!("{name}.")
}

/// Before backups carried the whole file name they were named after the
/// stem ("offerwright-20261121-093000-daily.sqlite3"). Such a name is read as
/// this database's only while no other file in its folder shares the stem:
/// otherwise it cannot be told whose it is, and it is left alone.
fn legacy_prefix(db_path: &Path) -> Option<String> {
    let stem = db_path.file_stem()?.to_string_lossy().into_owned();
    let own = db_path.file_name()?.to_string_lossy().into_owned();
    let folder = db_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let shared = std::fs::read_dir(folder).ok()?.filter_map(Result::ok).any(|entry| {
        let name = entry.file_name().to_string_lossy().into_owned();
        let other_stem = Path::new(&name).file_stem().map(|s| s.to_string_lossy().into_owned());
        !name.starts_with(&own) && other_stem.as_deref() == Some(stem.as_str()) && entry.path().is_file()
    });
    (!shared).then(|| format!("{stem}-"))
}

/// What a backup's name says: when it was taken, why, and its place among
/// backups taken in the same second ("-n2" for the second one).
fn parse_rest(rest: &str) -> Option<(DateTime<Utc>, BackupReason, u32)> {
    let rest = rest.strip_suffix(SUFFIX)?;
    let stamp = rest.get(..15)?;
    let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    let tail = rest.get(15..)?.strip_prefix('-')?;
    let (reason, sequence) = match tail.rsplit_once("-n") {
        Some((reason, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => (reason, n.parse().ok()?),
        _ => (tail, 1),
    };
    Some((taken, BackupReason::parse(reason)?, sequence))
}

/// The backups of the database at `db_path`, newest first: by the time taken,
/// then by their order within one second. Links are never listed, so nothing
/// outside the folder can be restored through one.
pub fn list_backups(db_path: &Path) -> CoreResult<Vec<Backup>> {
    Ok(listed(db_path)?.into_iter().map(|(backup, _)| backup).collect())
}

fn listed(db_path: &Path) -> CoreResult<Vec<(Backup, u32)>> {
    let dir = backups_dir(db_path);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let own = prefix(db_path);
    let legacy = legacy_prefix(db_path);
    let mut backups = Vec::new();
    for entry in entries {
        let entry = entry?;
        // Not a link (it could point anywhere), and not a name claimed by a
        // backup that never got its pages (a crash in between).
        if !entry.file_type()?.is_file() || entry.metadata().is_ok_and(|m| m.len() == 0) {
            continue;
        }
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let parsed = file_name
            .strip_prefix(&own)
            .or_else(|| legacy.as_deref().and_then(|p| file_name.strip_prefix(p)))
            .and_then(parse_rest);
        if let Some((taken_at, reason, sequence)) = parsed {
            let backup = Backup {
                bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
                path: entry.path(),
                file_name,
                taken_at,
                reason,
            };
            backups.push((backup, sequence));
        }
    }
    backups.sort_by(|(a, n), (b, m)| b.taken_at.cmp(&a.taken_at).then(m.cmp(n)));
    Ok(backups)
}

/// Claims a free name for a backup taken at `now`: a second one in the same
/// second gets "-n2", and so on. The name is created empty at once, so two
/// programs backing up in the same second never write to one file.
fn claim(db_path: &Path, reason: BackupReason, now: DateTime<Utc>) -> CoreResult<PathBuf> {
    let dir = backups_dir(db_path);
    let base = format!("{}{}-{}", prefix(db_path), now.format(STAMP), reason.as_str());
    for n in 1.. {
        let name = if n == 1 {
            format!("{base}{SUFFIX}")
        } else {
            format!("{base}-n{n}{SUFFIX}")
        };
        let candidate = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(_) => return Ok(candidate),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    unreachable!("an unbounded range always yields a free name")
}

/// Removes the oldest backups beyond `keep`, never one in `protected`: the
/// backup just taken, or the one about to be restored.
fn prune(db_path: &Path, keep: usize, protected: &[&Path]) -> CoreResult<()> {
    let backups = list_backups(db_path)?;
    let mut excess = backups.len().saturating_sub(keep);
    for old in backups.iter().rev() {
        if excess == 0 {
            break;
        }
        if protected.contains(&old.path.as_path()) {
            continue;
        }
        std::fs::remove_file(&old.path)?;
        excess -= 1;
    }
    Ok(())
}

/// A second connection that reads the file as last committed. SQLite cannot
/// back up from a connection in the middle of a write transaction, so a
/// backup taken while holding the write lock reads through this one; with the
/// lock held, what it sees is exactly the state the lock protects.
pub(super) fn committed_state(db_path: &Path) -> CoreResult<Connection> {
    let conn = Connection::open_with_flags(
        db_path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(conn)
}

/// Copies the database `conn` reads to a new backup file of `db_path`'s,
/// then prunes, keeping the new one and those in `protected`.
pub(super) fn take(
    conn: &Connection,
    db_path: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
    protected: &[&Path],
) -> CoreResult<Backup> {
    std::fs::create_dir_all(backups_dir(db_path))?;
    let path = claim(db_path, reason, now)?;
    if let Err(e) = conn.backup(rusqlite::MAIN_DB, &path, None) {
        let _ = std::fs::remove_file(&path);
        return Err(e.into());
    }
    let mut keep: Vec<&Path> = protected.to_vec();
    keep.push(&path);
    prune(db_path, KEEP, &keep)?;
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
        if self.read_only {
            return Err(CoreError::ReadOnly);
        }
        take(&self.conn, &self.path, reason, now, &[])
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

/// What a restore did: the backup brought back, and the backup the state
/// it replaced was kept in (None when that file could not be opened and was
/// copied aside byte for byte instead).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Restored {
    pub restored: Backup,
    pub kept: Option<Backup>,
}

/// Replaces the database at `db_path` with the backup `file_name` from its
/// backups folder, keeping the current state as a backup first.
///
/// The backup is first copied aside and brought up to this version's schema.
/// A current file that opens is then overwritten in place, in one
/// transaction that holds the write lock from the safety backup to the last
/// row: a write by another program (the app, an import) lands either before
/// it, and so in the safety backup, or after it, on top of the restored
/// data; and programs that have the file open see the restored data at once.
/// A current file that cannot be opened (damaged, foreign, too new) is
/// copied aside byte for byte and the prepared copy renamed over it.
pub fn restore(db_path: &Path, file_name: &str, now: DateTime<Utc>) -> CoreResult<Restored> {
    let chosen = list_backups(db_path)?
        .into_iter()
        .find(|b| b.file_name == file_name)
        .ok_or_else(|| CoreError::NoSuchBackup(file_name.to_string()))?;
    verify(&chosen.path)?;
    let staging = super::sibling(db_path, ".restoring");
    let result = prepare(&chosen.path, &staging, now).and_then(|()| match Database::open_at(db_path, now) {
        Ok(mut current) => current.replace_with(&staging, &chosen, now).map(Some),
        Err(CoreError::NotADatabase(_) | CoreError::Corrupt(_) | CoreError::DatabaseTooNew { .. }) => {
            swap_in(db_path, &staging, now).map(|()| None)
        }
        Err(e) => Err(e),
    });
    remove_with_journals(&staging);
    Ok(Restored {
        kept: result?,
        restored: chosen,
    })
}

/// Copies the backup to `staging` and brings that copy to the latest schema.
fn prepare(backup: &Path, staging: &Path, now: DateTime<Utc>) -> CoreResult<()> {
    remove_with_journals(staging);
    std::fs::copy(backup, staging)?;
    // Closing the only connection folds the WAL back into the file.
    drop(Database::open_with(staging, now, false)?);
    Ok(())
}

fn remove_with_journals(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(super::sibling(path, suffix));
    }
}

/// The way out for a file no connection can open: it is copied aside, then
/// the prepared backup is renamed over it, so the file is either the old one
/// or the restored one, never half of each.
fn swap_in(db_path: &Path, staging: &Path, now: DateTime<Utc>) -> CoreResult<()> {
    let aside = super::sibling(db_path, &format!(".unreadable-{}", now.format(STAMP)));
    std::fs::copy(db_path, &aside)?;
    let wal = super::sibling(db_path, "-wal");
    if wal.exists() {
        std::fs::copy(&wal, super::sibling(&aside, "-wal"))?;
    }
    for stale in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(super::sibling(db_path, stale));
    }
    std::fs::rename(staging, db_path)?;
    Ok(())
}

impl Database {
    /// Overwrites every table with the rows of the prepared copy at
    /// `staging`, after a safety backup, all under one write lock.
    fn replace_with(&mut self, staging: &Path, chosen: &Backup, now: DateTime<Utc>) -> CoreResult<Backup> {
        if self.read_only {
            return Err(CoreError::ReadOnly);
        }
        let staging = staging.to_string_lossy().into_owned();
        self.conn.execute("ATTACH DATABASE ?1 AS incoming", [&staging])?;
        // Foreign keys are checked once at the end instead of row by row,
        // since tables are emptied and filled in no particular order.
        self.conn.pragma_update(None, "foreign_keys", false)?;
        let (path, conn) = (&self.path, &mut self.conn);
        let replaced = super::patiently(|| {
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let kept = take(
                &committed_state(path)?,
                path,
                BackupReason::BeforeRestore,
                now,
                &[&chosen.path],
            )?;
            let tables: Vec<String> = tx
                .prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")?
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            for table in &tables {
                let columns: Vec<String> = tx
                    .prepare("SELECT name FROM pragma_table_info(?1, 'main')")?
                    .query_map([table], |row| row.get(0))?
                    .collect::<Result<_, _>>()?;
                let quoted = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
                let list = columns.iter().map(|c| quoted(c)).collect::<Vec<_>>().join(", ");
                let table = quoted(table);
                tx.execute(&format!("DELETE FROM main.{table}"), [])?;
                tx.execute(
                    &format!("INSERT INTO main.{table} ({list}) SELECT {list} FROM incoming.{table}"),
                    [],
                )?;
            }
            let broken: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM pragma_foreign_key_check)", [], |row| {
                row.get(0)
            })?;
            if broken {
                return Err(CoreError::Corrupt("the backup's records do not fit together".into()));
            }
            tx.commit()?;
            Ok(kept)
        });
        let _ = self.conn.pragma_update(None, "foreign_keys", true);
        let _ = self.conn.execute("DETACH DATABASE incoming", []);
        replaced
    }
}

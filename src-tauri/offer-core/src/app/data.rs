//! The workspace as a file and its backups, as the data screen and the CLI
//! use them. Backups are storage's own work (`storage::backup`); this is the
//! one door the shell and the CLI go through.

use chrono::{DateTime, Utc};

pub use crate::storage::backup::{list_backups, restore, Backup, BackupReason, Restored};
pub use crate::storage::whole_file::{same_file, write_whole};
pub use crate::storage::{DB_ENV_VAR, FILE_NAME};

use crate::error::CoreResult;
use crate::Database;

/// A backup taken now, at the user's request.
pub fn backup_now(db: &Database, now: DateTime<Utc>) -> CoreResult<Backup> {
    db.backup(BackupReason::Manual, now)
}

/// Today's backup, if none was taken today (and the workspace has data).
pub fn daily_backup(db: &Database, now: DateTime<Utc>) -> CoreResult<Option<Backup>> {
    db.daily_backup(now)
}

//! Backups, restore and damaged files, on real temp-file databases.

mod support;
use chrono::{DateTime, Duration, Utc};
use offerwright_core::domain::candidate::CandidateFields;
use offerwright_core::domain::input::CandidateInput;
use offerwright_core::storage::backup::{list_backups, restore, verify, BackupReason, KEEP};
use offerwright_core::storage::migrations::LATEST;
use offerwright_core::{Database, ErrorCode};
use support::*;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    november(day, hour, 0)
}

fn named(name: &str) -> CandidateFields {
    CandidateFields::try_from(&CandidateInput {
        name: name.into(),
        ..CandidateInput::default()
    })
    .unwrap()
}

fn names(db: &Database) -> Vec<String> {
    db.list_candidates()
        .unwrap()
        .iter()
        .map(|c| c.fields.name.as_str().to_string())
        .collect()
}

#[test]
fn a_backup_is_a_sound_copy_listed_newest_first_and_only_the_newest_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.sqlite3");
    let mut db = Database::open(&path).unwrap();
    db.create_candidate(&named("歯科医院のリール"), at(1, 9)).unwrap();
    let first = db.backup(BackupReason::Manual, at(1, 10)).unwrap();
    verify(&first.path).unwrap();
    let copy = Database::open(&first.path).unwrap();
    assert_eq!(names(&copy), ["歯科医院のリール"]);
    drop(copy);
    // Two in the same second get distinct names.
    let twin = db.backup(BackupReason::Manual, at(1, 10)).unwrap();
    assert_ne!(twin.file_name, first.file_name);
    for i in 0..KEEP as i64 + 3 {
        db.backup(BackupReason::Manual, at(2, 0) + Duration::minutes(i))
            .unwrap();
    }
    let listed = list_backups(&path).unwrap();
    assert_eq!(listed.len(), KEEP);
    assert!(
        listed.windows(2).all(|w| w[0].taken_at >= w[1].taken_at),
        "newest first"
    );
    assert_eq!(listed[0].taken_at, at(2, 0) + Duration::minutes(KEEP as i64 + 2));
}

#[test]
fn the_daily_backup_is_taken_once_a_day_and_not_for_an_empty_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.sqlite3");
    let mut db = Database::open(&path).unwrap();
    assert!(db.daily_backup(at(1, 8)).unwrap().is_none(), "nothing to protect yet");
    db.create_candidate(&named("a"), at(1, 9)).unwrap();
    let taken = db.daily_backup(at(1, 9)).unwrap().expect("the first of the day");
    assert_eq!(taken.reason, BackupReason::Daily);
    assert!(db.daily_backup(at(1, 20)).unwrap().is_none(), "one a day");
    assert!(db.daily_backup(at(2, 10)).unwrap().is_some(), "the next day");
}

#[test]
fn restore_brings_back_the_backup_and_keeps_the_current_state_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.sqlite3");
    let mut db = Database::open(&path).unwrap();
    db.create_candidate(&named("before"), at(1, 9)).unwrap();
    let saved = db.backup(BackupReason::Manual, at(1, 10)).unwrap();
    db.create_candidate(&named("after"), at(1, 11)).unwrap();
    drop(db);
    restore(&path, &saved.file_name, at(1, 12)).unwrap();
    let db = Database::open(&path).unwrap();
    assert_eq!(names(&db), ["before"]);
    let kept = list_backups(&path).unwrap();
    let safety = kept
        .iter()
        .find(|b| b.reason == BackupReason::BeforeRestore)
        .expect("the state before the restore");
    assert_eq!(names(&Database::open(&safety.path).unwrap()), ["before", "after"]);
    assert_eq!(
        restore(&path, "offerwright-nope.sqlite3", at(1, 13))
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
}

/// Damages a real database as a failing disk might: the second half of the
/// file's pages get garbage where their b-tree headers are.
fn damage(path: &std::path::Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let page = 4096;
    let pages = bytes.len() / page;
    assert!(pages > 4, "big enough to damage table pages");
    for p in pages / 2..pages {
        for b in &mut bytes[p * page..p * page + 16] {
            *b = 0x5a;
        }
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_file_is_refused_untouched_and_a_backup_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.sqlite3");
    let mut db = Database::open(&path).unwrap();
    for i in 0..200 {
        db.create_candidate(&named(&format!("候補{i}")), at(1, 9)).unwrap();
    }
    let good = db.backup(BackupReason::Manual, at(1, 10)).unwrap();
    drop(db);
    damage(&path);
    let damaged = std::fs::read(&path).unwrap();
    let err = Database::open(&path).err().expect("refused");
    assert_eq!(err.code(), ErrorCode::DatabaseCorrupt, "{err}");
    assert!(err.message(offerwright_core::Lang::Ja).contains("バックアップ"));
    assert_eq!(std::fs::read(&path).unwrap(), damaged, "left untouched");
    assert_eq!(verify(&path).unwrap_err().code(), ErrorCode::DatabaseCorrupt);

    restore(&path, &good.file_name, at(1, 11)).unwrap();
    let db = Database::open(&path).unwrap();
    assert_eq!(db.list_candidates().unwrap().len(), 200);
    // The damaged file was copied aside byte for byte, not lost.
    let aside = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().contains(".unreadable-"))
        .expect("the damaged file kept aside");
    assert_eq!(std::fs::read(aside.path()).unwrap(), damaged);
}

#[test]
fn a_migration_is_preceded_by_a_backup_of_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite3");
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute_batch("PRAGMA foreign_keys = OFF;").unwrap();
        raw.execute_batch(include_str!("fixtures/schema-v1.sql")).unwrap();
    }
    let db = Database::open_at(&path, at(3, 9)).unwrap();
    assert_eq!(db.schema_version().unwrap(), LATEST);
    let backups = list_backups(&path).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].reason, BackupReason::BeforeMigration);
    let old = rusqlite::Connection::open(&backups[0].path).unwrap();
    let v: i64 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, 1, "the backup is the file as it was before the upgrade");
    // A new file, or one already up to date, needs no backup.
    drop(db);
    Database::open(&path).unwrap();
    Database::open(&dir.path().join("new.sqlite3")).unwrap();
    assert_eq!(list_backups(&path).unwrap().len(), 1);
}

#[test]
fn databases_sharing_a_folder_never_see_each_others_backups() {
    let dir = tempfile::tempdir().unwrap();
    let mine = Database::open(&dir.path().join("mine.sqlite3")).unwrap();
    let other = Database::open(&dir.path().join("other.sqlite3")).unwrap();
    let taken = mine.backup(BackupReason::Manual, at(1, 9)).unwrap();
    other.backup(BackupReason::Manual, at(1, 10)).unwrap();
    assert!(
        taken.file_name.starts_with("mine.sqlite3.20261101-090000-manual"),
        "{}",
        taken.file_name
    );
    let listed = list_backups(&dir.path().join("mine.sqlite3")).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].file_name, taken.file_name);
    let other_name = list_backups(&dir.path().join("other.sqlite3")).unwrap()[0]
        .file_name
        .clone();
    drop((mine, other));
    assert_eq!(
        restore(&dir.path().join("mine.sqlite3"), &other_name, at(1, 11))
            .unwrap_err()
            .code(),
        ErrorCode::NotFound,
        "another database's backup cannot be restored over this one"
    );
}

/// The names of the candidates in the database a backup holds.
fn names_in(backup: &std::path::Path) -> Vec<String> {
    names(&Database::open(backup).unwrap())
}

#[test]
fn restoring_the_oldest_of_a_full_set_of_backups_works_and_keeps_both_states() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.sqlite3");
    let mut db = Database::open(&path).unwrap();
    db.create_candidate(&named("oldest"), at(1, 8)).unwrap();
    let start = at(1, 9);
    let mut taken = Vec::new();
    for i in 0..KEEP as i64 {
        taken.push(db.backup(BackupReason::Daily, start + Duration::seconds(i)).unwrap());
        if i == 0 {
            db.create_candidate(&named("later"), at(1, 8)).unwrap();
        }
    }
    db.create_candidate(&named("today"), at(1, 11)).unwrap();
    drop(db);
    let done = restore(&path, &taken[0].file_name, at(1, 12)).unwrap();
    assert_eq!(names(&Database::open(&path).unwrap()), ["oldest"]);
    let kept = done.kept.expect("the state before the restore was backed up");
    let listed: Vec<String> = list_backups(&path).unwrap().into_iter().map(|b| b.file_name).collect();
    assert!(listed.contains(&kept.file_name), "{listed:?}");
    assert!(
        listed.contains(&taken[0].file_name),
        "the restored backup is still there: {listed:?}"
    );
    assert_eq!(listed.len(), KEEP);
    assert_eq!(names_in(&kept.path), ["oldest", "later", "today"]);
}

#[test]
fn backups_taken_in_one_second_are_ordered_by_when_they_were_taken() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.sqlite3");
    let mut db = Database::open(&path).unwrap();
    db.create_candidate(&named("a"), at(1, 8)).unwrap();
    let mut taken = Vec::new();
    for _ in 0..KEEP {
        taken.push(db.backup(BackupReason::Manual, at(1, 9)).unwrap());
    }
    // "-n10" sorts before "-n2" as text; it is still the newest.
    let listed = list_backups(&path).unwrap();
    assert_eq!(listed[0].file_name, taken[KEEP - 1].file_name);
    assert_eq!(listed[KEEP - 1].file_name, taken[0].file_name);
    db.create_candidate(&named("b"), at(1, 9)).unwrap();
    drop(db);
    // A restore in the same second: its safety backup must survive the pruning.
    let done = restore(&path, &taken[3].file_name, at(1, 9)).unwrap();
    let kept = done.kept.unwrap();
    let listed: Vec<String> = list_backups(&path).unwrap().into_iter().map(|b| b.file_name).collect();
    assert!(listed.contains(&kept.file_name), "{listed:?}");
    assert_eq!(names_in(&kept.path), ["a", "b"]);
    assert!(!listed.contains(&taken[0].file_name), "the oldest made room");
}

#[test]
fn databases_sharing_a_stem_keep_their_backups_apart() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = dir.path().join("work.sqlite3");
    let db_file = dir.path().join("work.db");
    let mut small = Database::open(&sqlite).unwrap();
    small.create_candidate(&named("small"), at(1, 8)).unwrap();
    let mut big = Database::open(&db_file).unwrap();
    big.create_candidate(&named("big"), at(1, 8)).unwrap();
    let theirs = big.backup(BackupReason::Manual, at(1, 9)).unwrap();
    for i in 0..KEEP as i64 + 2 {
        small
            .backup(BackupReason::Manual, at(1, 10) + Duration::seconds(i))
            .unwrap();
    }
    drop((small, big));
    assert_eq!(
        list_backups(&db_file).unwrap().len(),
        1,
        "pruning one never touches the other's"
    );
    assert!(list_backups(&sqlite)
        .unwrap()
        .iter()
        .all(|b| b.file_name != theirs.file_name));
    let err = restore(&sqlite, &theirs.file_name, at(1, 11)).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert!(err.message(offerwright_core::Lang::En).contains(&theirs.file_name));
    assert_eq!(names(&Database::open(&sqlite).unwrap()), ["small"]);
}

#[test]
fn backups_named_the_old_way_are_read_only_where_their_owner_is_unambiguous() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("offerwright.sqlite3");
    let mut db = Database::open(&path).unwrap();
    db.create_candidate(&named("a"), at(1, 8)).unwrap();
    let new = db.backup(BackupReason::Manual, at(1, 9)).unwrap();
    drop(db);
    let old = dir
        .path()
        .join("backups")
        .join("offerwright-20261101-080000-daily.sqlite3");
    std::fs::copy(&new.path, &old).unwrap();
    assert_eq!(list_backups(&path).unwrap().len(), 2, "the old name is this file's");
    std::fs::write(dir.path().join("offerwright.db"), b"").unwrap();
    let listed = list_backups(&path).unwrap();
    assert_eq!(
        listed.len(),
        1,
        "with offerwright.db beside it, the old name is nobody's"
    );
    assert!(old.exists(), "and it is left alone");
}

#[cfg(unix)]
#[test]
fn a_link_in_the_backups_folder_is_never_listed_or_restored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.sqlite3");
    let mut db = Database::open(&path).unwrap();
    db.create_candidate(&named("mine"), at(1, 8)).unwrap();
    db.backup(BackupReason::Manual, at(1, 9)).unwrap();
    drop(db);
    let outside = tempfile::tempdir().unwrap();
    let foreign = outside.path().join("foreign.sqlite3");
    let mut other = Database::open(&foreign).unwrap();
    other.create_candidate(&named("foreign"), at(1, 8)).unwrap();
    drop(other);
    let link = "work.sqlite3.20261101-100000-manual.sqlite3";
    std::os::unix::fs::symlink(&foreign, dir.path().join("backups").join(link)).unwrap();
    assert_eq!(list_backups(&path).unwrap().len(), 1);
    assert_eq!(restore(&path, link, at(1, 11)).unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(names(&Database::open(&path).unwrap()), ["mine"]);
}

#[test]
fn a_program_that_has_the_file_open_sees_the_restored_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.sqlite3");
    let mut app = Database::open(&path).unwrap();
    app.create_candidate(&named("before"), at(1, 8)).unwrap();
    let saved = app.backup(BackupReason::Manual, at(1, 9)).unwrap();
    app.create_candidate(&named("after"), at(1, 10)).unwrap();
    // The app stays open while the command line restores.
    restore(&path, &saved.file_name, at(1, 11)).unwrap();
    assert_eq!(names(&app), ["before"]);
    app.create_candidate(&named("next"), at(1, 12)).unwrap();
    drop(app);
    assert_eq!(
        names(&Database::open(&path).unwrap()),
        ["before", "next"],
        "its writes land in the restored file"
    );
}

#[test]
fn an_empty_file_at_the_database_path_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.sqlite3");
    std::fs::write(&path, b"").unwrap();
    let err = Database::open(&path).err().expect("refused");
    assert_eq!(err.code(), ErrorCode::NotADatabase);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
    assert!(!dir.path().join("work.sqlite3-wal").exists());
}

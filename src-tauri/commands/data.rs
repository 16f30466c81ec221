//! Data safety commands: export and import files through the native dialogs
//! (Rust reads and writes; the webview never touches files), backups, and the
//! way out of a database that cannot be opened: restore a backup or start a
//! new file elsewhere.

use std::path::{Path, PathBuf};

use chrono::Utc;
use offerwright_core::app::data::{self as backup, Backup};
use offerwright_core::app::exchange::{export_json_of, import_json, ImportSummary, Selection};
use offerwright_core::{locales, CoreError, Database, Lang};
use tauri::{AppHandle, Manager, Runtime, State};

use crate::error::CommandError;
use crate::files::{ask_open_path, ask_save_path, write_whole, SaveAs};
use crate::AppState;

type Reply<T> = Result<T, CommandError>;

/// Where the user chose to keep a new database file, remembered across starts.
pub const LOCATION_FILE: &str = "database-location.txt";

fn core(e: CoreError, lang: Lang) -> CommandError {
    CommandError::from_core(&e, lang)
}

fn suggested_name(selection: Selection) -> String {
    let date = Utc::now().format("%Y-%m-%d");
    match selection {
        Selection::Workspace => format!("offerwright-{date}.json"),
        Selection::Offer(id) => format!("offerwright-offer-{id}-{date}.json"),
        Selection::Candidate(id) => format!("offerwright-candidate-{id}-{date}.json"),
    }
}

#[tauri::command]
pub async fn export_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    scope: Selection,
) -> Reply<Option<String>> {
    let text = state.with_db(|db, _| export_json_of(db, scope))?;
    let lang = state.lang();
    let ask = SaveAs {
        title: &locales::text(lang, "dialog.exportJson", &[]),
        filter: ("JSON", "json"),
        file_name: suggested_name(scope),
    };
    let Some(path) = ask_save_path(&app, ask, lang)? else {
        return Ok(None);
    };
    write_whole(&path, text.as_bytes(), lang)?;
    state.remember_saved(&path);
    Ok(Some(path.display().to_string()))
}

/// Shows the last file saved through a save dialog in the system's file
/// manager ("show in folder" after an export).
#[tauri::command]
pub fn show_saved_file(state: State<'_, AppState>) -> Reply<()> {
    let lang = state.lang();
    // The UI offers this only after a save, so nothing saved is a bug there.
    let path = state.last_saved().ok_or_else(|| CommandError::internal(lang))?;
    tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| CommandError::open_failed(&path, &e.to_string(), lang))
}

#[tauri::command]
pub async fn import_data<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Reply<Option<ImportSummary>> {
    let lang = state.lang();
    let title = locales::text(lang, "dialog.importJson", &[]);
    let Some(path) = ask_open_path(&app, &title, ("JSON", "json"), lang)? else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&path).map_err(|e| core(CoreError::Io(e), lang))?;
    state.with_db(|db, _| import_json(db, &text, Utc::now())).map(Some)
}

#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> Reply<Vec<Backup>> {
    backup::list_backups(&state.path()).map_err(|e| core(e, state.lang()))
}

#[tauri::command]
pub fn backup_now(state: State<'_, AppState>) -> Reply<Backup> {
    state.with_db(|db, _| backup::backup_now(db, Utc::now()))
}

/// Replaces the database with a backup (keeping the current file as a
/// backup first) and opens it. Works when the current file cannot be opened.
#[tauri::command]
pub fn restore_backup(state: State<'_, AppState>, file_name: String) -> Reply<Backup> {
    // The restore overwrites the file in place under its write lock, so other
    // programs that have it open see the restored data; the app's own
    // connection is closed only so a file that could not be opened can be
    // swapped out.
    let lang = state.lang();
    let path = state.path();
    state.close();
    let restored = backup::restore(&path, &file_name, Utc::now());
    // Reopen whatever is there now: the restored file, or the untouched old one.
    state.reopen(&path);
    restored.map(|r| r.restored).map_err(|e| core(e, lang))
}

/// Starts a new, empty database in a file the user picks, and remembers it.
/// The file that could not be opened is left as it is.
#[tauri::command]
pub async fn start_new_database<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Reply<Option<String>> {
    let lang = state.lang();
    let ask = SaveAs {
        title: &locales::text(lang, "dialog.newDataFile", &[]),
        filter: ("SQLite", "sqlite3"),
        file_name: backup::FILE_NAME.to_string(),
    };
    let Some(path) = ask_save_path(&app, ask, lang)? else {
        return Ok(None);
    };
    if path == state.path() {
        return Err(CommandError::already_in_use(&path, lang));
    }
    let db = Database::open(&path).map_err(|e| core(e, lang))?;
    drop(db);
    remember_location(&app, &path).map_err(|e| CommandError::io(&path, &e, lang))?;
    state.close();
    state.reopen(&path);
    Ok(Some(path.display().to_string()))
}

fn remember_location<R: Runtime>(app: &AppHandle<R>, path: &Path) -> std::io::Result<()> {
    let dir = app
        .path()
        .app_config_dir()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join(LOCATION_FILE), path.display().to_string())
}

/// The database file chosen earlier with "start a new file", if any.
pub fn remembered_location(config_dir: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(config_dir.join(LOCATION_FILE)).ok()?;
    let path = PathBuf::from(text.trim());
    (!text.trim().is_empty()).then_some(path)
}

/// The day's backup, taken in the background a few seconds after start so
/// the window opens at once, on the connection the app already has open.
pub fn daily_backup<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(5));
        let state = app.state::<AppState>();
        if let Err(e) = state.with_db(|db, _| backup::daily_backup(db, Utc::now())) {
            eprintln!("Offerwright: the daily backup failed: {}", e.message);
        }
    });
}

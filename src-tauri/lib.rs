//! The Tauri shell: each command converts its input, calls the core, and
//! converts the result. `build_app` wires everything so that tests run the
//! same wiring on the mock runtime.

mod c_locale;
pub mod commands;
pub mod error;
pub mod files;
pub mod state;

use std::path::PathBuf;

use offerwright_core::app::data::{DB_ENV_VAR, FILE_NAME};
use tauri::{Manager, Runtime};

pub use state::AppState;

/// The database file: `OFFERWRIGHT_DB` if set, else a file the user chose
/// earlier with "start a new file", else the OS app-data folder.
fn database_path<R: Runtime>(app: &tauri::App<R>) -> tauri::Result<PathBuf> {
    if let Some(path) = std::env::var_os(DB_ENV_VAR).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    if let Some(path) = app
        .path()
        .app_config_dir()
        .ok()
        .and_then(|d| commands::data::remembered_location(&d))
    {
        return Ok(path);
    }
    Ok(app.path().app_data_dir()?.join(FILE_NAME))
}

/// Wires state and commands. State already managed by the caller (tests
/// manage one on a temp file) is kept.
pub fn build_app<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            commands::onepager::warm_fonts();
            if app.try_state::<AppState>().is_none() {
                let path = database_path(app)?;
                app.manage(AppState::open(&path));
                commands::data::daily_backup(app.handle().clone());
            }
            Ok(())
        })
        .invoke_handler(commands::handler())
}

/// The app's configuration, assets and permissions, compiled in. Generic so
/// tests use the same context, and so the same capabilities, on the mock runtime.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

pub fn run() {
    c_locale::use_utf8_when_the_named_locale_is_missing();
    if let Err(error) = build_app(tauri::Builder::default()).run(context()) {
        eprintln!("Offerwright could not start: {error}");
        std::process::exit(1);
    }
}

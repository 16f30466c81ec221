//! Files the user picks through the system's dialogs. The dialog only
//! returns a path; Rust reads and writes, so the webview needs no file access.

use std::path::{Path, PathBuf};

use offerwright_core::Lang;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, FilePath};

use crate::error::CommandError;

/// What the save dialog offers: its title, one file type, a suggested name.
pub struct SaveAs<'a> {
    pub title: &'a str,
    pub filter: (&'a str, &'a str),
    pub file_name: String,
}

fn local(choice: FilePath, lang: Lang) -> Result<PathBuf, CommandError> {
    choice.into_path().map_err(|_| CommandError::not_a_local_file(lang))
}

/// Asks where to save, starting in the user's documents. None when cancelled.
pub fn ask_save_path<R: Runtime>(
    app: &AppHandle<R>,
    ask: SaveAs<'_>,
    lang: Lang,
) -> Result<Option<PathBuf>, CommandError> {
    let mut dialog = app
        .dialog()
        .file()
        .set_title(ask.title)
        .add_filter(ask.filter.0, &[ask.filter.1])
        .set_file_name(ask.file_name);
    if let Ok(documents) = app.path().document_dir() {
        dialog = dialog.set_directory(documents);
    }
    dialog.blocking_save_file().map(|c| local(c, lang)).transpose()
}

/// Asks which file to open. None when cancelled.
pub fn ask_open_path<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter: (&str, &str),
    lang: Lang,
) -> Result<Option<PathBuf>, CommandError> {
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter.0, &[filter.1])
        .blocking_pick_file()
        .map(|c| local(c, lang))
        .transpose()
}

/// Writes the file whole or not at all (the core's one writer for user files).
pub fn write_whole(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), CommandError> {
    offerwright_core::app::data::write_whole(path, bytes).map_err(|e| CommandError::io(path, &e, lang))
}

//! The one-pager commands: preview as SVG, export a PDF through the native
//! save dialog, and print by handing the PDF to the system's viewer. The PDF
//! is written by Rust; the webview never gets file access.

use std::path::{Path, PathBuf};

use chrono::Utc;
use offerwright_core::app::onepager::{onepager, OnePager};
use offerwright_core::domain::version::VersionReason;
use offerwright_core::{locales, Lang};
use offerwright_onepager::{render, Fonts, Paper, Rendered};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::error::CommandError;
use crate::files::{ask_save_path, write_whole, SaveAs};
use crate::AppState;

type Reply<T> = Result<T, CommandError>;

#[derive(Debug, Serialize)]
pub struct Preview {
    pub svg: String,
    /// The type size the page fitted at, in points.
    pub size_pt: f64,
    pub paper: Paper,
    pub lang: Lang,
}

fn page(state: &AppState, offer_id: i64, lang: Option<Lang>) -> Reply<OnePager> {
    state.with_db(|db, ui_lang| onepager(db, offer_id, lang.unwrap_or(ui_lang)))
}

fn rendered(state: &AppState, offer_id: i64, paper: Paper, lang: Option<Lang>) -> Reply<(OnePager, Rendered)> {
    let page = page(state, offer_id, lang)?;
    let rendered = render(&page, paper, Fonts::system()).map_err(|e| CommandError::from_render(&e, state.lang()))?;
    Ok((page, rendered))
}

fn pdf(state: &AppState, offer_id: i64, paper: Paper, lang: Option<Lang>) -> Reply<(OnePager, Vec<u8>)> {
    let (page, rendered) = rendered(state, offer_id, paper, lang)?;
    let bytes = rendered
        .pdf()
        .map_err(|e| CommandError::from_render(&e, state.lang()))?;
    Ok((page, bytes))
}

/// What went out on paper or as a file is kept as a version of the offer
/// (skipped when it repeats the last one). The PDF is already written by
/// then, so a failure here is reported on stderr rather than as a failed
/// export.
fn keep_version(state: &AppState, offer_id: i64, reason: VersionReason) {
    let kept =
        state.with_db(|db, _| offerwright_core::app::versions::keep_sent_version(db, offer_id, reason, Utc::now()));
    if let Err(error) = kept {
        eprintln!(
            "Offerwright: the PDF was written, but no version of the offer was kept: {}",
            error.message
        );
    }
}

/// A file name from the offer's title: no path separators or characters
/// Windows refuses, at most 60 characters.
pub fn file_name(title: &str, lang: Lang) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_control() || r#"/\:*?"<>|"#.contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(60)
        .collect::<String>()
        .trim_matches(['.', ' '])
        .to_string();
    if cleaned.is_empty() {
        format!("{}.pdf", locales::text(lang, "dialog.pdfFallbackName", &[]))
    } else {
        format!("{cleaned}.pdf")
    }
}

#[tauri::command]
pub fn onepager_preview(state: State<'_, AppState>, offer_id: i64, paper: Paper, lang: Option<Lang>) -> Reply<Preview> {
    let (page, rendered) = rendered(&state, offer_id, paper, lang)?;
    Ok(Preview {
        svg: rendered.svg(),
        size_pt: rendered.size_pt,
        paper,
        lang: page.lang,
    })
}

/// Asks where to save, then writes the PDF. None when the user cancels.
#[tauri::command]
pub async fn export_onepager<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    offer_id: i64,
    paper: Paper,
    lang: Option<Lang>,
) -> Reply<Option<String>> {
    // Render first: a page that does not fit is reported before any dialog.
    let (page, bytes) = pdf(&state, offer_id, paper, lang)?;
    let ui = state.lang();
    let ask = SaveAs {
        title: &locales::text(ui, "dialog.savePdf", &[]),
        filter: ("PDF", "pdf"),
        file_name: file_name(&page.title, page.lang),
    };
    let Some(mut path) = ask_save_path(&app, ask, ui)? else {
        return Ok(None);
    };
    if path.extension().is_none() {
        path.set_extension("pdf");
    }
    write_whole(&path, &bytes, ui)?;
    state.remember_saved(&path);
    keep_version(&state, offer_id, VersionReason::Exported);
    Ok(Some(path.display().to_string()))
}

/// Saves the PDF in the app's cache folder and opens it in the system's PDF
/// viewer, which prints it. Returns the file's path.
#[tauri::command]
pub fn print_onepager<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    offer_id: i64,
    paper: Paper,
    lang: Option<Lang>,
) -> Reply<String> {
    let (page, bytes) = pdf(&state, offer_id, paper, lang)?;
    let ui = state.lang();
    let dir: PathBuf = app
        .path()
        .app_cache_dir()
        .map(|d| d.join("print"))
        .map_err(|_| CommandError::io(Path::new("cache"), &std::io::ErrorKind::NotFound.into(), ui))?;
    std::fs::create_dir_all(&dir).map_err(|e| CommandError::io(&dir, &e, ui))?;
    let path = dir.join(file_name(&page.title, page.lang));
    write_whole(&path, &bytes, ui)?;
    keep_version(&state, offer_id, VersionReason::Printed);
    tauri_plugin_opener::open_path(&path, None::<&str>)
        .map_err(|e| CommandError::open_failed(&path, &e.to_string(), ui))?;
    Ok(path.display().to_string())
}

/// Finds the system's fonts in the background soon after start, so the first
/// preview does not wait for the search. It waits a few seconds first: on two
/// cores the search (~0.1 s of CPU, reading every font file's tables) would
/// otherwise compete with the window's own start. A preview asked for sooner
/// simply searches then.
pub fn warm_fonts() {
    std::thread::spawn(|| {
        std::thread::sleep(std::time::Duration::from_secs(3));
        let _ = Fonts::system();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_on_every_system() {
        assert_eq!(
            file_name("Reels: for/dental <clinics>?", Lang::En),
            "Reels for dental clinics.pdf"
        );
        assert_eq!(file_name("歯科医院のリール制作", Lang::Ja), "歯科医院のリール制作.pdf");
        assert_eq!(file_name(" ..\u{0}.. ", Lang::Ja), "月額プラン.pdf");
        assert_eq!(file_name(&"a".repeat(100), Lang::En).chars().count(), 64);
    }
}

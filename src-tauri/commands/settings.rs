//! Commands of one area: the language and what the UI needs to know as it starts. Each converts its
//! input, calls the core, and converts the result.

use offerwright_core::app::settings;
use offerwright_core::Lang;
use serde::Serialize;
use tauri::State;

use super::Reply;
use crate::error::CommandError;
use crate::AppState;

#[derive(Debug, Serialize)]
pub struct AppStatus {
    /// The language in use: the user's choice, else the system's.
    pub language: Lang,
    /// Whether the user picked the language in the app.
    pub language_chosen: bool,
    /// No candidates or offers yet: the UI shows the welcome.
    pub first_run: bool,
    pub database_path: String,
    /// Why the database could not be opened, if it could not.
    pub database_error: Option<CommandError>,
    /// The paper the one-pager starts on: Letter in North America, else A4.
    pub paper: offerwright_onepager::Paper,
}

/// Called once as the UI starts, with the system's language tag
/// (`navigator.language`), which is used until the user picks one.
#[tauri::command]
pub fn app_state(state: State<'_, AppState>, system_locale: Option<String>) -> AppStatus {
    // On Linux the locale variables are the user's setting, and the webview may
    // report English when the C library lacks the locale; elsewhere they are
    // usually unset and the webview's language is the system's.
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|tag| Lang::from_tag(tag).is_some())
        .or(system_locale);
    let system = locale.as_deref().and_then(Lang::from_tag).unwrap_or_default();
    let paper = locale
        .as_deref()
        .map_or(offerwright_onepager::Paper::A4, offerwright_onepager::Paper::for_locale);
    let stored = state.with_db(|db, _| settings::language(db)).ok().flatten();
    let language = stored.unwrap_or(system);
    state.set_lang(language);
    let first_run = state.with_db(|db, _| settings::is_first_run(db));
    AppStatus {
        language,
        language_chosen: stored.is_some(),
        first_run: first_run.as_ref().is_ok_and(|empty| *empty),
        database_path: state.path().display().to_string(),
        database_error: first_run.err(),
        paper,
    }
}

#[tauri::command]
pub fn set_language(state: State<'_, AppState>, language: Lang) -> Reply<Lang> {
    state.with_db(|db, _| settings::set_language(db, language))?;
    state.set_lang(language);
    Ok(language)
}

//! Errors as the UI receives them: `{code, message, field}`, with the message
//! already in the user's language and `field` naming the input to show it by.

use std::path::Path;

use offerwright_core::locales::text;
use offerwright_core::{CoreError, ErrorCode, Lang};
use offerwright_onepager::RenderError;
use serde::Serialize;

/// Codes only the app produces; everything the core refuses keeps the core's
/// `ErrorCode`. The UI sees both as one string (pinned by a test).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::IntoStaticStr, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum AppCode {
    /// The one-pager runs past one page even at the smallest type size.
    OnepagerTooLong,
    /// No installed font can show some of the one-pager's characters.
    FontMissing,
    /// The system could not open a file with its default app.
    OpenFailed,
    /// The dialog returned a place that is not a file on this computer.
    NotALocalFile,
    /// The file chosen for a new workspace is the one in use.
    AlreadyInUse,
    /// The database is being swapped (during a restore or a move).
    DatabaseClosed,
    /// A fault inside the app (a command failed while holding the database,
    /// the one-pager's template did not compile): not the user's doing.
    Internal,
}

/// The code of an error: the core's or the app's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Code {
    Core(ErrorCode),
    App(AppCode),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    pub code: Code,
    pub message: String,
    pub field: Option<String>,
}

impl CommandError {
    pub fn from_core(error: &CoreError, lang: Lang) -> CommandError {
        CommandError {
            code: Code::Core(error.code()),
            message: error.message(lang),
            field: error.field().map(str::to_string),
        }
    }

    fn app(code: AppCode, message: String) -> CommandError {
        CommandError {
            code: Code::App(code),
            message,
            field: None,
        }
    }

    /// A one-pager that could not be made; `field` names the section to shorten.
    pub fn from_render(error: &RenderError, lang: Lang) -> CommandError {
        let (code, field) = match error {
            RenderError::DoesNotFit { section, .. } => (AppCode::OnepagerTooLong, Some(section.clone())),
            RenderError::MissingGlyphs { .. } => (AppCode::FontMissing, None),
            RenderError::Template(_) => (AppCode::Internal, None),
        };
        CommandError {
            field,
            ..CommandError::app(code, error.message(lang))
        }
    }

    pub fn io(path: &Path, error: &std::io::Error, lang: Lang) -> CommandError {
        CommandError {
            code: Code::Core(ErrorCode::Io),
            message: text(
                lang,
                "errors.cannotSave",
                &[("path", &path.display()), ("detail", error)],
            ),
            field: None,
        }
    }

    pub fn open_failed(path: &Path, detail: &str, lang: Lang) -> CommandError {
        let path = path.display();
        CommandError::app(
            AppCode::OpenFailed,
            text(lang, "errors.openFailed", &[("path", &path), ("detail", &detail)]),
        )
    }

    pub fn not_a_local_file(lang: Lang) -> CommandError {
        CommandError::app(AppCode::NotALocalFile, text(lang, "errors.notALocalFile", &[]))
    }

    pub fn already_in_use(path: &Path, lang: Lang) -> CommandError {
        let path = path.display();
        CommandError::app(
            AppCode::AlreadyInUse,
            text(lang, "errors.alreadyInUse", &[("path", &path)]),
        )
    }

    pub fn database_closed(lang: Lang) -> CommandError {
        CommandError::app(AppCode::DatabaseClosed, text(lang, "errors.databaseClosed", &[]))
    }

    /// A command failed while holding the database: nothing the user did.
    pub fn internal(lang: Lang) -> CommandError {
        CommandError::app(AppCode::Internal, text(lang, "errors.internal", &[]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_apps_own_codes_are_pinned_and_never_clash_with_the_cores() {
        let app: Vec<&str> = <AppCode as strum::VariantArray>::VARIANTS
            .iter()
            .map(|c| <&str>::from(*c))
            .collect();
        assert_eq!(
            app,
            [
                "onepager_too_long",
                "font_missing",
                "open_failed",
                "not_a_local_file",
                "already_in_use",
                "database_closed",
                "internal"
            ]
        );
        for code in <AppCode as strum::VariantArray>::VARIANTS {
            assert_eq!(serde_json::to_value(Code::App(*code)).unwrap(), <&str>::from(*code));
            assert!(!ErrorCode::ALL.iter().any(|c| c.as_str() == <&str>::from(*code)));
        }
        assert_eq!(serde_json::to_value(Code::Core(ErrorCode::Busy)).unwrap(), "busy");
    }
}

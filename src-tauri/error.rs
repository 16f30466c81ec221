//! Errors as the UI receives them: `{code, message, field}`, with the message
//! already in the user's language and `field` naming the input to show it by.

use std::path::Path;

use offerwright_core::{CoreError, ErrorCode, Lang};
use offerwright_onepager::RenderError;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
}

impl CommandError {
    pub fn from_core(error: &CoreError, lang: Lang) -> CommandError {
        CommandError {
            code: error.code(),
            message: error.message(lang),
            field: error.field().map(str::to_string),
        }
    }

    /// A one-pager that could not be made; `field` names the section to shorten.
    pub fn from_render(error: &RenderError, lang: Lang) -> CommandError {
        let (code, field) = match error {
            RenderError::DoesNotFit { section, .. } => (ErrorCode::OnepagerTooLong, Some(section.clone())),
            RenderError::MissingGlyphs { .. } => (ErrorCode::FontMissing, None),
            RenderError::Template(_) => (ErrorCode::Storage, None),
        };
        CommandError {
            code,
            message: error.message(lang),
            field,
        }
    }

    pub fn io(path: &Path, error: &std::io::Error, lang: Lang) -> CommandError {
        CommandError {
            code: ErrorCode::Io,
            message: match lang {
                Lang::Ja => format!("ファイルを保存できません（{}）：{error}", path.display()),
                Lang::En => format!("Could not save the file {}: {error}", path.display()),
            },
            field: None,
        }
    }

    pub fn open_failed(path: &Path, detail: &str, lang: Lang) -> CommandError {
        CommandError {
            code: ErrorCode::OpenFailed,
            message: match lang {
                Lang::Ja => format!(
                    "PDFは{}に保存しましたが、開くアプリが見つかりません（{detail}）。ファイルを開いて印刷してください。",
                    path.display()
                ),
                Lang::En => format!(
                    "The PDF was saved to {}, but no app opened it ({detail}). Open the file yourself to print it.",
                    path.display()
                ),
            },
            field: None,
        }
    }
}

/// What can go wrong in the shell itself, apart from the core's errors.
#[derive(Debug, thiserror::Error)]
pub enum ShellError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error("a previous command failed while holding the database; restart Offerwright")]
    Poisoned,
}

impl ShellError {
    pub fn to_command_error(&self, lang: Lang) -> CommandError {
        match self {
            ShellError::Core(e) => CommandError::from_core(e, lang),
            ShellError::Poisoned => CommandError {
                code: ErrorCode::Storage,
                message: lang
                    .pick(
                        "内部エラーが起きました。Offerwrightを再起動してください。保存済みのデータは無事です。",
                        "Something went wrong inside Offerwright. Please restart it; saved data is safe.",
                    )
                    .into(),
                field: None,
            },
        }
    }
}

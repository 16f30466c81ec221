//! Errors as the UI receives them: `{code, message, field}`, with the message
//! already in the user's language and `field` naming the input to show it by.

use offerwright_core::{CoreError, ErrorCode, Lang};
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

//! One error type for the core, each variant with a stable code that the UI
//! and the CLI rely on, and a message in both languages.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// Stable error codes of what the core refuses. The UI places errors by these
/// codes, so renaming one is a breaking change (pinned by a test). Codes only
/// the app produces (a one-pager that does not fit, a viewer that would not
/// open) are the shell's own (`src-tauri/error.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::VariantArray)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ErrorCode {
    Required,
    TooLong,
    OutOfRange,
    InvalidFormat,
    InvalidChoice,
    TooManyItems,
    ControlCharacter,
    NotFound,
    DatabaseTooNew,
    NotADatabase,
    Storage,
    Io,
    BadJson,
    UnsupportedFormat,
    NotDismissable,
    Conflict,
    /// The database file is damaged (integrity check failed).
    DatabaseCorrupt,
    /// Another program held the database's write lock for too long.
    Busy,
    /// Two records in one file share a reference.
    DuplicateReference,
    /// One character of a text carries too many combining marks.
    TooManyMarks,
    /// A write was needed, but the file or its folder cannot be written.
    ReadOnly,
}

impl ErrorCode {
    /// Every code, in declaration order.
    pub const ALL: &'static [ErrorCode] = <ErrorCode as strum::VariantArray>::VARIANTS;

    /// The code as the UI and the CLI's JSON see it (the same name serde writes).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// What is wrong with one value a user gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidationKind {
    Required,
    TooLong {
        max: usize,
    },
    OutOfRange {
        min: i64,
        max: i64,
    },
    /// The text could not be read as the expected kind of value; `expected`
    /// names it for the message ("amount", "hours").
    InvalidFormat {
        expected: Expected,
    },
    InvalidChoice,
    TooManyItems {
        max: usize,
    },
    ControlCharacter,
    /// A file names two records with the same reference.
    DuplicateReference,
    /// One character carries more combining marks than any script needs.
    TooManyMarks {
        max: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Amount,
    Hours,
    Date,
}

/// A rejected value and the field it belongs to (a path such as
/// `deliverables[2].name` for nested values).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {}", self.message(Lang::En))]
pub struct ValidationError {
    pub field: String,
    pub kind: ValidationKind,
}

impl ValidationError {
    pub fn new(field: impl Into<String>, kind: ValidationKind) -> Self {
        ValidationError {
            field: field.into(),
            kind,
        }
    }

    /// Prefixes the field path, so a nested value's error names where it sits.
    pub fn within(mut self, parent: &str) -> Self {
        self.field = if self.field.is_empty() {
            parent.to_string()
        } else if self.field.starts_with('[') {
            format!("{parent}{}", self.field)
        } else {
            format!("{parent}.{}", self.field)
        };
        self
    }

    pub fn code(&self) -> ErrorCode {
        match self.kind {
            ValidationKind::Required => ErrorCode::Required,
            ValidationKind::TooLong { .. } => ErrorCode::TooLong,
            ValidationKind::OutOfRange { .. } => ErrorCode::OutOfRange,
            ValidationKind::InvalidFormat { .. } => ErrorCode::InvalidFormat,
            ValidationKind::InvalidChoice => ErrorCode::InvalidChoice,
            ValidationKind::TooManyItems { .. } => ErrorCode::TooManyItems,
            ValidationKind::ControlCharacter => ErrorCode::ControlCharacter,
            ValidationKind::DuplicateReference => ErrorCode::DuplicateReference,
            ValidationKind::TooManyMarks { .. } => ErrorCode::TooManyMarks,
        }
    }

    /// A message that says what to fix, without naming the field: the UI shows
    /// it next to the field itself.
    pub fn message(&self, lang: Lang) -> String {
        match (&self.kind, lang) {
            (ValidationKind::Required, Lang::Ja) => "入力してください。".into(),
            (ValidationKind::Required, Lang::En) => "Please fill this in.".into(),
            (ValidationKind::TooLong { max }, Lang::Ja) => format!("{max}文字以内にしてください。"),
            (ValidationKind::TooLong { max }, Lang::En) => {
                format!("Please keep this to {max} characters or fewer.")
            }
            (ValidationKind::OutOfRange { min, max }, Lang::Ja) => {
                format!("{min}から{max}までの数を入れてください。")
            }
            (ValidationKind::OutOfRange { min, max }, Lang::En) => {
                format!("Please enter a number from {min} to {max}.")
            }
            (ValidationKind::InvalidFormat { expected }, lang) => match (expected, lang) {
                (Expected::Amount, Lang::Ja) => "金額として読めません。数字で入れてください（例：33000）。".into(),
                (Expected::Amount, Lang::En) => "This is not an amount. Use digits, e.g. 300 or 300.50.".into(),
                (Expected::Hours, Lang::Ja) => "時間として読めません。数字で入れてください（例：1.5）。".into(),
                (Expected::Hours, Lang::En) => "This is not a number of hours. Use digits, e.g. 1.5.".into(),
                (Expected::Date, Lang::Ja) => "日付として読めません（例：2026-01-31）。".into(),
                (Expected::Date, Lang::En) => "This is not a date (e.g. 2026-01-31).".into(),
            },
            (ValidationKind::InvalidChoice, Lang::Ja) => "一覧から選んでください。".into(),
            (ValidationKind::InvalidChoice, Lang::En) => "Please pick one of the options.".into(),
            (ValidationKind::TooManyItems { max }, Lang::Ja) => {
                format!("項目は{max}個までです。")
            }
            (ValidationKind::TooManyItems { max }, Lang::En) => {
                format!("Please keep this to {max} items or fewer.")
            }
            (ValidationKind::TooManyMarks { max }, Lang::Ja) => {
                format!("1つの文字に重ねられる記号（濁点やアクセントなど）は{max}個までです。重なった記号を消してください。")
            }
            (ValidationKind::TooManyMarks { max }, Lang::En) => {
                format!("A character here carries too many stacked accents or marks (at most {max} per character); please remove them.")
            }
            (ValidationKind::DuplicateReference, Lang::Ja) => {
                "この参照名はファイルの中で2回使われています。記録ごとに別の名前にしてください。".into()
            }
            (ValidationKind::DuplicateReference, Lang::En) => {
                "This reference is used twice in the file; every record needs its own.".into()
            }
            (ValidationKind::ControlCharacter, Lang::Ja) => {
                "使えない制御文字が含まれています。削除してください。".into()
            }
            (ValidationKind::ControlCharacter, Lang::En) => {
                "This contains invisible control characters; please remove them.".into()
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("{what} {id} was not found")]
    NotFound { what: &'static str, id: i64 },
    #[error("the database was written by a newer Offerwright (schema {found}; this version knows up to {supported})")]
    DatabaseTooNew { found: i64, supported: i64 },
    #[error("the file is not an Offerwright database: {0}")]
    NotADatabase(String),
    #[error("the database file is damaged: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("the database stayed busy with another program's write")]
    Busy,
    #[error("the database cannot be written here")]
    ReadOnly,
    #[error("the database must be updated to this version first, which needs write access")]
    NeedsUpdate,
    #[error("there is no backup named {0}")]
    NoSuchBackup(String),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("not valid Offerwright JSON at line {line}, column {column}: {detail}")]
    BadJson {
        line: usize,
        column: usize,
        /// Where in the file's structure, e.g. `offers[0].price`, when known.
        path: Option<String>,
        detail: String,
    },
    #[error("{error} (line {line})")]
    InvalidInFile { line: usize, error: ValidationError },
    #[error("file format version {found} is newer than this Offerwright reads (up to {supported})")]
    UnsupportedFormat { found: u32, supported: u32 },
    #[error("errors of the focus check cannot be dismissed")]
    NotDismissable,
    #[error("{what} {id} was changed elsewhere since this edit began")]
    Conflict { what: &'static str, id: i64 },
}

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::Invalid(v) | CoreError::InvalidInFile { error: v, .. } => v.code(),
            CoreError::NotFound { .. } => ErrorCode::NotFound,
            CoreError::DatabaseTooNew { .. } => ErrorCode::DatabaseTooNew,
            CoreError::NotADatabase(_) => ErrorCode::NotADatabase,
            CoreError::Corrupt(_) => ErrorCode::DatabaseCorrupt,
            CoreError::Storage(_) => ErrorCode::Storage,
            CoreError::Busy => ErrorCode::Busy,
            CoreError::ReadOnly | CoreError::NeedsUpdate => ErrorCode::ReadOnly,
            CoreError::NoSuchBackup(_) => ErrorCode::NotFound,
            CoreError::Io(_) => ErrorCode::Io,
            CoreError::BadJson { .. } => ErrorCode::BadJson,
            CoreError::UnsupportedFormat { .. } => ErrorCode::UnsupportedFormat,
            CoreError::NotDismissable => ErrorCode::NotDismissable,
            CoreError::Conflict { .. } => ErrorCode::Conflict,
        }
    }

    /// The field a validation error belongs to, so the UI can show it there.
    pub fn field(&self) -> Option<&str> {
        match self {
            CoreError::Invalid(v) | CoreError::InvalidInFile { error: v, .. } => Some(&v.field),
            CoreError::BadJson { path, .. } => path.as_deref(),
            _ => None,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CoreError::Invalid(v), _) => v.message(lang),
            (CoreError::InvalidInFile { line, error }, Lang::Ja) => {
                format!("{}（{line}行目）：{}データは変更していません。", error.field, error.message(lang))
            }
            (CoreError::InvalidInFile { line, error }, Lang::En) => {
                format!("{} (line {line}): {} Nothing was changed.", error.field, error.message(lang))
            }
            (CoreError::NotFound { .. }, Lang::Ja) => {
                "見つかりません。別の画面で削除された可能性があります。".into()
            }
            (CoreError::NotFound { .. }, Lang::En) => {
                "This item no longer exists; it may have been deleted elsewhere.".into()
            }
            (CoreError::DatabaseTooNew { .. }, Lang::Ja) => {
                "このデータは新しいバージョンのOfferwrightで保存されています。Offerwrightを更新してください。ファイルは変更していません。".into()
            }
            (CoreError::DatabaseTooNew { .. }, Lang::En) => {
                "This data was saved by a newer Offerwright. Please update Offerwright; the file was not changed.".into()
            }
            (CoreError::NotADatabase(_), Lang::Ja) => {
                "このファイルはOfferwrightのデータベースではありません。ファイルは変更していません。".into()
            }
            (CoreError::NotADatabase(_), Lang::En) => {
                "This file is not an Offerwright database. The file was not changed.".into()
            }
            (CoreError::Corrupt(_), Lang::Ja) => {
                "データベースのファイルが壊れています。ファイルは変更していません。バックアップから戻すか、新しいファイルで始めてください。".into()
            }
            (CoreError::Corrupt(_), Lang::En) => {
                "The database file is damaged. It was not changed. Restore a backup, or start a new file.".into()
            }
            (CoreError::Storage(_), Lang::Ja) => {
                format!("保存できませんでした（{self}）。もう一度お試しください。")
            }
            (CoreError::Storage(_), Lang::En) => {
                format!("Could not save ({self}). Please try again.")
            }
            (CoreError::Busy, Lang::Ja) => {
                "ほかのプログラム（別のウィンドウやコマンドライン）がデータを書き込み中で、30秒ほど待っても終わりませんでした。この変更は保存していません。その作業が終わってから、もう一度お試しください。".into()
            }
            (CoreError::Busy, Lang::En) => {
                "Another program (a second window or the command line) kept writing to the data for about 30 seconds. This change was not saved; try again once it has finished.".into()
            }
            (CoreError::ReadOnly, Lang::Ja) => {
                "データのファイルかそのフォルダーに書き込めないため、保存できません。読み取りだけなら使えます。書き込める場所にファイルを移すか、権限を変えてください。".into()
            }
            (CoreError::ReadOnly, Lang::En) => {
                "The data file, or its folder, cannot be written, so nothing can be saved; reading still works. Move the file somewhere you can write, or change its permissions.".into()
            }
            (CoreError::NeedsUpdate, Lang::Ja) => {
                "このデータは古いバージョンの形式です。この版で使うには一度書き込んで更新する必要がありますが、ファイルかフォルダーに書き込めません。ファイルは変更していません。".into()
            }
            (CoreError::NeedsUpdate, Lang::En) => {
                "This data is in an older version's format and must be updated once before this version can read it, which needs write access to the file and its folder. The file was not changed.".into()
            }
            (CoreError::NoSuchBackup(name), Lang::Ja) => {
                format!("「{name}」というバックアップはありません。バックアップの一覧で名前を確かめてください。")
            }
            (CoreError::NoSuchBackup(name), Lang::En) => {
                format!("There is no backup named “{name}”. Check the name in the list of backups.")
            }
            (CoreError::Io(e), Lang::Ja) => format!("ファイルを読み書きできません：{e}"),
            (CoreError::Io(e), Lang::En) => format!("Could not read or write the file: {e}"),
            (CoreError::BadJson { line, column, path, detail }, Lang::Ja) => {
                let at = path.as_ref().map(|p| format!("（{p}）")).unwrap_or_default();
                let col = if *column > 0 { format!("{column}列目") } else { String::new() };
                format!("{line}行目{col}{at}が正しくありません：{detail}。データは変更していません。")
            }
            (CoreError::BadJson { line, column, path, detail }, Lang::En) => {
                let at = path.as_ref().map(|p| format!(" ({p})")).unwrap_or_default();
                let col = if *column > 0 { format!(", column {column}") } else { String::new() };
                format!("Problem at line {line}{col}{at}: {detail}. Nothing was changed.")
            }
            (CoreError::UnsupportedFormat { .. }, Lang::Ja) => {
                "このファイルは新しいバージョンのOfferwrightで書き出されています。Offerwrightを更新してください。".into()
            }
            (CoreError::UnsupportedFormat { .. }, Lang::En) => {
                "This file was written by a newer Offerwright. Please update Offerwright to read it.".into()
            }
            (CoreError::NotDismissable, Lang::Ja) => {
                "エラーは閉じられません。内容を直すと消えます。".into()
            }
            (CoreError::Conflict { .. }, Lang::Ja) => {
                "別の場所（ほかのウィンドウやコマンドライン）で先に変更されています。この編集は保存していません。読み込み直して最新の内容を確認してください。".into()
            }
            (CoreError::Conflict { .. }, Lang::En) => {
                "This was changed elsewhere (another window or the command line) since you opened it. Your edit was not saved; reload to see the latest version.".into()
            }
            (CoreError::NotDismissable, Lang::En) => {
                "Errors cannot be dismissed; fixing the field clears them.".into()
            }
        }
    }
}

pub type CoreResult<T> = Result<T, CoreError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_pinned() {
        let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            codes,
            [
                "required",
                "too_long",
                "out_of_range",
                "invalid_format",
                "invalid_choice",
                "too_many_items",
                "control_character",
                "not_found",
                "database_too_new",
                "not_a_database",
                "storage",
                "io",
                "bad_json",
                "unsupported_format",
                "not_dismissable",
                "conflict",
                "database_corrupt",
                "busy",
                "duplicate_reference",
                "too_many_marks",
                "read_only"
            ]
        );
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }

    #[test]
    fn nested_fields_name_their_path() {
        let e = ValidationError::new("name", ValidationKind::Required).within("deliverables[2]");
        assert_eq!(e.field, "deliverables[2].name");
        let e = ValidationError::new("", ValidationKind::Required).within("out_of_scope[1]");
        assert_eq!(e.field, "out_of_scope[1]");
    }

    #[test]
    fn every_validation_message_exists_in_both_languages() {
        let kinds = [
            ValidationKind::Required,
            ValidationKind::TooLong { max: 80 },
            ValidationKind::OutOfRange { min: 1, max: 5 },
            ValidationKind::InvalidFormat {
                expected: Expected::Amount,
            },
            ValidationKind::InvalidFormat {
                expected: Expected::Hours,
            },
            ValidationKind::InvalidChoice,
            ValidationKind::TooManyItems { max: 30 },
            ValidationKind::ControlCharacter,
            ValidationKind::DuplicateReference,
            ValidationKind::TooManyMarks { max: 10 },
        ];
        for kind in kinds {
            let e = ValidationError::new("x", kind);
            let ja = e.message(Lang::Ja);
            let en = e.message(Lang::En);
            assert!(ja.chars().any(|c| c > '\u{3000}'), "{ja}");
            assert!(en.is_ascii() && !en.is_empty(), "{en}");
        }
    }
}

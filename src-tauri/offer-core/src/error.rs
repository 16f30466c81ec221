//! One error type for the core, each variant with a stable code that the UI
//! and the CLI rely on, and a message in both languages.

use serde::{Deserialize, Serialize};

use crate::file_problem::FileProblem;
use crate::{locales, Lang};

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
        let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| locales::text(lang, key, values);
        match &self.kind {
            ValidationKind::Required => say("errors.required", &[]),
            ValidationKind::TooLong { max } => say("errors.tooLong", &[("max", max)]),
            ValidationKind::OutOfRange { min, max } => say("errors.outOfRange", &[("min", min), ("max", max)]),
            ValidationKind::InvalidFormat { expected } => match expected {
                Expected::Amount => say("errors.notAnAmount", &[]),
                Expected::Hours => say("errors.notHours", &[]),
                Expected::Date => say("errors.notADate", &[]),
            },
            ValidationKind::InvalidChoice => say("errors.invalidChoice", &[]),
            ValidationKind::TooManyItems { max } => say("errors.tooManyItems", &[("max", max)]),
            ValidationKind::TooManyMarks { max } => say("errors.tooManyMarks", &[("max", max)]),
            ValidationKind::DuplicateReference => say("errors.duplicateReference", &[]),
            ValidationKind::ControlCharacter => say("errors.controlCharacter", &[]),
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
        /// What the user reads; `detail` keeps serde's own words for logs.
        problem: FileProblem,
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
        let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| locales::text(lang, key, values);
        match self {
            CoreError::Invalid(v) => v.message(lang),
            CoreError::InvalidInFile { line, error } => crate::file_problem::sentence(say(
                "errors.invalidInFile",
                &[
                    ("at", &crate::file_problem::place(lang, Some(&error.field), *line, 0)),
                    ("message", &error.message(lang)),
                ],
            )),
            CoreError::NotFound { .. } => say("errors.notFound", &[]),
            CoreError::DatabaseTooNew { .. } => say("errors.databaseTooNew", &[]),
            CoreError::NotADatabase(_) => say("errors.notADatabase", &[]),
            CoreError::Corrupt(_) => say("errors.corrupt", &[]),
            CoreError::Storage(_) => say("errors.storage", &[("detail", &self.to_string())]),
            CoreError::Busy => say("errors.busy", &[]),
            CoreError::ReadOnly => say("errors.readOnly", &[]),
            CoreError::NeedsUpdate => say("errors.needsUpdate", &[]),
            CoreError::NoSuchBackup(name) => say("errors.noSuchBackup", &[("name", name)]),
            CoreError::Io(e) => say("errors.io", &[("detail", e)]),
            CoreError::BadJson {
                line,
                column,
                path,
                problem,
                ..
            } => problem.message(lang, path.as_deref(), *line, *column),
            CoreError::UnsupportedFormat { .. } => say("errors.unsupportedFormat", &[]),
            CoreError::NotDismissable => say("errors.notDismissable", &[]),
            CoreError::Conflict { .. } => say("errors.conflict", &[]),
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

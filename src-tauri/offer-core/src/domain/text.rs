//! Text values with limits counted in graphemes, as a person counts characters:
//! 「が」 written as two code points, or a flag emoji, is one.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::error::{ValidationError, ValidationKind};

/// The most code points one character (grapheme) may have: a letter and
/// nine marks. Real text needs far fewer (が decomposed is 2; the longest
/// emoji sequences, a couple with skin tones, are 10), and the cap keeps a
/// field's size, and the time to lay it out, in proportion to its length in
/// characters: without it one letter with millions of marks counts as one.
pub const MAX_CODE_POINTS_PER_CHARACTER: usize = 10;

/// Whether a text value may span several lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lines {
    One,
    Many,
}

fn validate(field: &str, raw: &str, max: usize, lines: Lines, required: bool) -> Result<String, ValidationError> {
    let text = raw.trim();
    let allowed = |c: char| match lines {
        Lines::One => c == '\t',
        Lines::Many => c == '\n' || c == '\t' || c == '\r',
    };
    if text.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(ValidationError::new(field, ValidationKind::ControlCharacter));
    }
    if required && text.is_empty() {
        return Err(ValidationError::new(field, ValidationKind::Required));
    }
    let mut graphemes = 0;
    for grapheme in text.graphemes(true) {
        graphemes += 1;
        if grapheme.chars().nth(MAX_CODE_POINTS_PER_CHARACTER).is_some() {
            return Err(ValidationError::new(
                field,
                ValidationKind::TooManyMarks {
                    max: MAX_CODE_POINTS_PER_CHARACTER - 1,
                },
            ));
        }
    }
    if graphemes > max {
        return Err(ValidationError::new(field, ValidationKind::TooLong { max }));
    }
    Ok(text.replace("\r\n", "\n"))
}

macro_rules! bounded_text {
    ($(#[$doc:meta])* $name:ident, max = $max:expr, lines = $lines:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub const MAX: usize = $max;

            /// Trims the text; rejects control characters and text over the limit.
            pub fn parse(field: &str, raw: &str) -> Result<Self, ValidationError> {
                validate(field, raw, Self::MAX, $lines, false).map($name)
            }

            /// As `parse`, and rejects empty text.
            pub fn parse_required(field: &str, raw: &str) -> Result<Self, ValidationError> {
                validate(field, raw, Self::MAX, $lines, true).map($name)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

bounded_text!(
    /// A name or title: one line, short enough for a table column.
    ShortText, max = 80, lines = Lines::One
);
bounded_text!(
    /// One line of prose: a promise, a problem, an audience.
    LineText, max = 200, lines = Lines::One
);
bounded_text!(
    /// Free notes over several lines.
    LongText, max = 4000, lines = Lines::Many
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_graphemes_not_bytes_or_code_points() {
        // 80 Japanese characters, each 3 bytes in UTF-8, fit a ShortText.
        let ja = "あ".repeat(80);
        assert!(ShortText::parse("name", &ja).is_ok());
        // A decomposed が (か + combining mark) is one grapheme, two code points.
        let decomposed = "か\u{3099}".repeat(80);
        assert_eq!(decomposed.chars().count(), 160);
        assert!(ShortText::parse("name", &decomposed).is_ok());
        let err = ShortText::parse("name", &"a".repeat(81)).unwrap_err();
        assert_eq!(err.kind, ValidationKind::TooLong { max: 80 });
        assert_eq!(err.field, "name");
    }

    #[test]
    fn a_character_with_a_pile_of_marks_is_refused_but_real_sequences_pass() {
        let bomb = format!("a{}", "\u{0301}".repeat(5_000_000));
        let err = ShortText::parse("name", &bomb).unwrap_err();
        assert_eq!(err.kind, ValidationKind::TooManyMarks { max: 9 });
        let nine = format!("a{}", "\u{0301}".repeat(9));
        assert!(ShortText::parse("name", &nine).is_ok());
        assert!(ShortText::parse("name", &format!("a{}", "\u{0301}".repeat(10))).is_err());
        // The longest emoji sequences and decomposed kana still count as one character each.
        let kiss = "\u{1F469}\u{1F3FD}\u{200D}\u{2764}\u{FE0F}\u{200D}\u{1F48B}\u{200D}\u{1F468}\u{1F3FF}";
        assert_eq!(kiss.chars().count(), 10);
        assert!(ShortText::parse("name", &kiss.repeat(80)).is_ok());
        assert!(LongText::parse("notes", &"か\u{3099}".repeat(4000)).is_ok());
    }

    #[test]
    fn text_is_trimmed_including_full_width_spaces() {
        let t = ShortText::parse("name", "\u{3000} 動画編集 \u{3000}").unwrap();
        assert_eq!(t.as_str(), "動画編集");
    }

    #[test]
    fn required_text_rejects_blank() {
        let err = ShortText::parse_required("name", " \u{3000} ").unwrap_err();
        assert_eq!(err.kind, ValidationKind::Required);
        assert!(ShortText::parse("name", "").is_ok());
    }

    #[test]
    fn control_characters_are_rejected_but_newlines_allowed_in_long_text() {
        let err = LineText::parse("promise", "a\u{0007}b").unwrap_err();
        assert_eq!(err.kind, ValidationKind::ControlCharacter);
        assert!(LineText::parse("promise", "a\nb").is_err());
        let notes = LongText::parse("notes", "line one\r\nline two").unwrap();
        assert_eq!(notes.as_str(), "line one\nline two");
    }
}

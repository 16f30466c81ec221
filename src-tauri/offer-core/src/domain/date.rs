//! Calendar dates as people type them.

use chrono::NaiveDate;

use crate::error::{Expected, ValidationError, ValidationKind};

/// A date typed as YYYY-MM-DD (full-width digits allowed), or blank.
pub fn parse_date(field: &str, raw: &str) -> Result<Option<NaiveDate>, ValidationError> {
    let text: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' | '／' | '/' => '-',
            other => other,
        })
        .collect();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map(Some).map_err(|_| {
        ValidationError::new(
            field,
            ValidationKind::InvalidFormat {
                expected: Expected::Date,
            },
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_accept_full_width_digits_and_slashes() {
        assert_eq!(
            parse_date("seen_on", "２０２６／１１／０２").unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 2)
        );
        assert_eq!(parse_date("seen_on", " ").unwrap(), None);
        let err = parse_date("seen_on", "2026-02-30").unwrap_err();
        assert_eq!(err.field, "seen_on");
        assert!(matches!(err.kind, ValidationKind::InvalidFormat { .. }));
    }
}

//! Reads decimal numbers typed by people ("33,000", "３３０００", "1.5") into
//! scaled integers, without ever passing through floating point.

/// Parses `raw` as a non-negative decimal and returns it multiplied by
/// 10^`scale`. Accepts full-width digits, thousands separators (`,` `，`) where
/// they group by three ("33,000", not "300,50": a decimal comma would be
/// read as a thousands separator, so it is refused rather than guessed), and
/// at most `scale` fractional digits. Spaces inside the number are refused
/// ("5 5" is not 55). Returns `None` when the text is not such a number or
/// the value does not fit an `i64`.
pub fn parse_scaled(raw: &str, scale: u32) -> Option<i64> {
    let normalized: String = raw
        .trim()
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            '，' => Some(','),
            other => Some(other),
        })
        .collect();
    let (grouped, fraction) = match normalized.split_once('.') {
        Some((w, f)) => (w, f),
        None => (normalized.as_str(), ""),
    };
    let whole = ungrouped(grouped)?;
    let whole = whole.as_str();
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    if !whole.chars().all(|c| c.is_ascii_digit()) || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if fraction.len() > scale as usize {
        return None;
    }
    let factor = 10i64.checked_pow(scale)?;
    let whole_value = if whole.is_empty() {
        0
    } else {
        whole.parse::<i64>().ok()?
    };
    let padded = format!("{fraction:0<width$}", width = scale as usize);
    let fraction_value = if padded.is_empty() {
        0
    } else {
        padded.parse::<i64>().ok()?
    };
    whole_value.checked_mul(factor)?.checked_add(fraction_value)
}

/// The digits of a whole part, with its thousands separators checked and
/// removed: "1,234,567" → "1234567"; "12,34" and ",123" → None.
fn ungrouped(whole: &str) -> Option<String> {
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    if !rest.is_empty() && !(1..=3).contains(&first.len()) {
        return None;
    }
    if rest.iter().any(|g| g.len() != 3) {
        return None;
    }
    Some(whole.replace(',', ""))
}

#[cfg(test)]
mod tests {
    use super::parse_scaled;

    #[test]
    fn separators_must_group_by_three_and_spaces_are_not_separators() {
        assert_eq!(parse_scaled("1,234,567", 0), Some(1_234_567));
        assert_eq!(parse_scaled("3,000.50", 2), Some(300_050));
        for ambiguous in [
            "5 5",
            "300,50",
            "30,0",
            "1,2345",
            ",300",
            "300,",
            "1,,000",
            "３００，５０",
            "5\u{3000}5",
        ] {
            assert_eq!(parse_scaled(ambiguous, 2), None, "{ambiguous}");
            assert_eq!(parse_scaled(ambiguous, 0), None, "{ambiguous}");
        }
    }

    #[test]
    fn reads_plain_grouped_and_full_width_numbers() {
        assert_eq!(parse_scaled("33000", 0), Some(33000));
        assert_eq!(parse_scaled("33,000", 0), Some(33000));
        assert_eq!(parse_scaled("３３，０００", 0), Some(33000));
        assert_eq!(parse_scaled("300.5", 2), Some(30050));
        assert_eq!(parse_scaled("300", 2), Some(30000));
        assert_eq!(parse_scaled(".25", 2), Some(25));
        assert_eq!(parse_scaled("1.5", 2), Some(150));
    }

    #[test]
    fn rejects_what_is_not_a_plain_decimal() {
        for bad in ["", "-5", "1e3", "abc", "1.234", "1.2.3", "NaN", "."] {
            assert_eq!(parse_scaled(bad, 2), None, "{bad}");
        }
        assert_eq!(parse_scaled("1.5", 0), None);
        assert_eq!(parse_scaled("99999999999999999999", 0), None);
    }
}

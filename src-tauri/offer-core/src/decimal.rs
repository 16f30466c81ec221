//! Reads decimal numbers typed by people ("33,000", "３３０００", "1.5") into
//! scaled integers, without ever passing through floating point.

/// Parses `raw` as a non-negative decimal and returns it multiplied by
/// 10^`scale`. Accepts full-width digits, thousands separators (`,` `，`) and
/// at most `scale` fractional digits. Returns `None` when the text is not such
/// a number or the value does not fit an `i64`.
pub fn parse_scaled(raw: &str, scale: u32) -> Option<i64> {
    let normalized: String = raw
        .trim()
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            ',' | '，' | '_' | ' ' => None,
            other => Some(other),
        })
        .collect();
    let (whole, fraction) = match normalized.split_once('.') {
        Some((w, f)) => (w, f),
        None => (normalized.as_str(), ""),
    };
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

#[cfg(test)]
mod tests {
    use super::parse_scaled;

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

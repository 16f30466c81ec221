//! The sentences Rust composes, kept in the same catalogs as the UI's
//! (`ui/locales/{ja,en}.json`, under their `rust` section), so a sentence
//! has one home and `tests/ui_strings.rs` checks both languages have it with
//! the same placeholders.

use std::fmt::Display;
use std::sync::OnceLock;

use serde_json::Value;

use crate::Lang;

const JA: &str = include_str!("../../../ui/locales/ja.json");
const EN: &str = include_str!("../../../ui/locales/en.json");

fn catalog(lang: Lang) -> &'static Value {
    static CATALOGS: OnceLock<(Value, Value)> = OnceLock::new();
    let (ja, en) = CATALOGS.get_or_init(|| {
        // Bundled and checked by tests/ui_strings.rs; were one unreadable, every
        // sentence would show its key rather than the program stopping.
        let read = |text: &str| serde_json::from_str(text).unwrap_or(Value::Null);
        (read(JA), read(EN))
    });
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

/// The sentence at `key` (dotted, inside `rust`) in `lang`, with each
/// `{name}` replaced by its value. A key that is missing shows as itself, so
/// a slip is visible rather than silent (and `tests/ui_strings.rs` fails).
pub fn text(lang: Lang, key: &str, values: &[(&str, &dyn Display)]) -> String {
    let found = key
        .split('.')
        .try_fold(&catalog(lang)["rust"], |node, part| node.get(part))
        .and_then(Value::as_str);
    let Some(template) = found else {
        return key.to_string();
    };
    fill(template, values)
}

/// A sentence that says a count: `key.one` when `count` is 1, else
/// `key.other`, with `{count}` filled in besides `values`.
pub fn counted(lang: Lang, key: &str, count: usize, values: &[(&str, &dyn Display)]) -> String {
    let form = if count == 1 { "one" } else { "other" };
    let mut all: Vec<(&str, &dyn Display)> = vec![("count", &count)];
    all.extend_from_slice(values);
    text(lang, &format!("{key}.{form}"), &all)
}

/// `template` with each `{name}` replaced, in one pass: a value is never read
/// again, so user text that holds `{…}` stays as typed.
fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            values.iter().find(|(n, _)| *n == name).map(|(_, value)| (value, close))
        });
        match named {
            Some((value, close)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A date as a sentence says it: 「2027年1月31日」, "January 31, 2027"
/// (`rust.dates`). The UI's `formatDate` in `ui/i18n.js` writes the same.
pub fn date(lang: Lang, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let month = text(lang, &format!("dates.month{}", date.month()), &[]);
    text(
        lang,
        "dates.long",
        &[("year", &date.year()), ("month", &month), ("day", &date.day())],
    )
}

/// A percentage, one way everywhere (both languages, the app, the CLI and
/// the PDF): at most one decimal, a whole number without ".0", no space
/// before the sign: "100%", "11.2%", "0.4%". The UI's `formatPercent` in
/// `ui/i18n.js` writes the same.
pub fn percent(value: f64) -> String {
    let tenths = (value * 10.0).round() / 10.0;
    if tenths.fract() == 0.0 {
        format!("{tenths:.0}%")
    } else {
        format!("{tenths:.1}%")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn percentages_have_one_form() {
        assert_eq!(percent(100.0), "100%");
        assert_eq!(percent(11.24), "11.2%");
        assert_eq!(percent(0.04), "0%");
        assert_eq!(percent(99.96), "100%");
        assert_eq!(percent(62.0), "62%");
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let d = chrono::NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
        assert_eq!(date(Lang::Ja, d), "2027年1月31日");
        assert_eq!(date(Lang::En, d), "January 31, 2027");
    }

    use super::*;

    #[test]
    fn a_sentence_is_filled_in_and_a_missing_one_shows_its_key() {
        let said = text(Lang::En, "promotion.opportunity", &[("score", &13)]);
        assert_eq!(said, "Opportunity score (your own estimate): 13/20");
        assert_eq!(text(Lang::Ja, "promotion.nothing", &[]), "promotion.nothing");
        // A value that looks like a placeholder is left as the user wrote it.
        let said = text(
            Lang::En,
            "promotion.from",
            &[("words", &"{facts} {x"), ("facts", &"asked")],
        );
        assert_eq!(said, "From the problem list: “{facts} {x” (asked)");
    }
}

//! What is wrong with an export file, in the user's words. serde says it in
//! English and in Rust's terms ("invalid type: string, expected i64"); the
//! user reads which record, which key and what belongs there, in their
//! language. serde's own text stays in `CoreError::BadJson::detail` for logs.

use crate::lang::Lang;
use crate::locales;

/// The kinds of fault a file can have, sorted by what the user does about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// Not JSON at that place: a missing comma, quote or bracket, or not JSON at all.
    Syntax,
    /// The text stops before the data closes (a cut-off copy or download).
    EndsEarly,
    /// JSON, but not something Offerwright wrote (`format` missing or other).
    NotAnExport,
    /// A value of the wrong kind, e.g. text where a number belongs.
    WrongKind(ValueKind),
    /// A key every record of this kind needs.
    Missing(String),
    /// The same key twice in one record (the key; the place names it too).
    Repeated(String),
    /// A word that is not one of the allowed ones.
    NotAChoice(Vec<String>),
    /// Problems in a file that says it is version 1, which had none.
    ProblemsInVersion1,
    /// Anything else serde refuses; the place is still named.
    Unreadable,
}

/// What belongs where a value of the wrong kind was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    WholeNumber,
    Number,
    Text,
    List,
    Record,
    TrueOrFalse,
}

impl ValueKind {
    fn key(self) -> &'static str {
        match self {
            ValueKind::WholeNumber => "file.kind.wholeNumber",
            ValueKind::Number => "file.kind.number",
            ValueKind::Text => "file.kind.text",
            ValueKind::List => "file.kind.list",
            ValueKind::Record => "file.kind.record",
            ValueKind::TrueOrFalse => "file.kind.trueOrFalse",
        }
    }
}

impl FileProblem {
    /// Sorts serde_json's error by its category and the wording serde has
    /// used for years; wording it does not know becomes `Unreadable`, which
    /// still names the place.
    pub fn of(error: &serde_json::Error) -> FileProblem {
        use serde_json::error::Category;
        match error.classify() {
            Category::Eof => FileProblem::EndsEarly,
            Category::Syntax | Category::Io => FileProblem::Syntax,
            Category::Data => FileProblem::from_data_message(&error.to_string()),
        }
    }

    fn from_data_message(message: &str) -> FileProblem {
        let quoted = |text: &str| -> Vec<String> {
            text.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        };
        let key = || quoted(message).into_iter().next().unwrap_or_default();
        if message.starts_with("missing field `") {
            return FileProblem::Missing(key());
        }
        if message.starts_with("duplicate field `") {
            return FileProblem::Repeated(key());
        }
        if let Some(rest) = message.strip_prefix("unknown variant `") {
            let choices = rest.split_once("expected ").map(|(_, e)| quoted(e)).unwrap_or_default();
            return FileProblem::NotAChoice(choices);
        }
        if message.starts_with("invalid type:") || message.starts_with("invalid value:") {
            let expected = message.rsplit_once(", expected ").map(|(_, e)| e).unwrap_or("");
            let kind = if expected.starts_with('i') || expected.starts_with('u') {
                ValueKind::WholeNumber
            } else if expected.starts_with('f') {
                ValueKind::Number
            } else if expected.starts_with("a string") || expected.starts_with("a borrowed string") {
                ValueKind::Text
            } else if expected.starts_with("a sequence") {
                ValueKind::List
            } else if expected.starts_with("a boolean") {
                ValueKind::TrueOrFalse
            } else if expected.starts_with("struct") || expected.starts_with("a map") {
                ValueKind::Record
            } else {
                return FileProblem::Unreadable;
            };
            return FileProblem::WrongKind(kind);
        }
        FileProblem::Unreadable
    }

    /// The whole sentence: where, what is wrong, and that nothing changed.
    pub fn message(&self, lang: Lang, path: Option<&str>, line: usize, column: usize) -> String {
        sentence(self.unstarted_message(lang, path, line, column))
    }

    fn unstarted_message(&self, lang: Lang, path: Option<&str>, line: usize, column: usize) -> String {
        let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| locales::text(lang, key, values);
        let at = place(lang, path, line, column);
        match self {
            FileProblem::Syntax => say("errors.file.syntax", &[("at", &at)]),
            FileProblem::EndsEarly => say("errors.file.endsEarly", &[("at", &at)]),
            FileProblem::NotAnExport => say("errors.file.notAnExport", &[]),
            FileProblem::WrongKind(kind) => {
                let kind = say(kind.key(), &[]);
                say("errors.file.wrongKind", &[("at", &at), ("kind", &kind)])
            }
            FileProblem::Missing(key) => {
                let key = say("file.key", &[("key", key)]);
                say("errors.file.missing", &[("at", &at), ("key", &key)])
            }
            FileProblem::Repeated(_) => say("errors.file.repeated", &[("at", &at)]),
            FileProblem::ProblemsInVersion1 => say("errors.file.problemsInVersion1", &[("at", &at)]),
            FileProblem::NotAChoice(choices) if !choices.is_empty() => {
                let choices: Vec<String> = choices.iter().map(|c| say("file.key", &[("key", c)])).collect();
                let choices = choices.join(&say("file.or", &[]));
                say("errors.file.notAChoice", &[("at", &at), ("choices", &choices)])
            }
            FileProblem::NotAChoice(_) | FileProblem::Unreadable => say("errors.file.unreadable", &[("at", &at)]),
        }
    }
}

/// A message that opens with a place ("offer 1, …") starts with a capital,
/// as a sentence does; Japanese has no case and is left as it is.
pub fn sentence(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}

/// "offers[0].deliverables[1].quantity_per_month" as the user reads it:
/// 「月額プラン1件目の納品物2件目の「quantity_per_month」（102行目）」 /
/// "offer 1, deliverable 2, “quantity_per_month” (line 102)". The key keeps
/// the file's own spelling, since that is what the user finds in the file.
pub fn place(lang: Lang, path: Option<&str>, line: usize, column: usize) -> String {
    let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| locales::text(lang, key, values);
    let parts: Vec<String> = path
        .filter(|p| !p.is_empty() && *p != ".")
        .map(|p| p.split('.').map(|segment| describe_segment(lang, segment)).collect())
        .unwrap_or_default();
    let line_text = match (line, column) {
        (0, _) => String::new(),
        (line, 0) => say("file.line", &[("line", &line)]),
        (line, column) => say("file.lineColumn", &[("line", &line), ("column", &column)]),
    };
    if parts.is_empty() {
        return if line_text.is_empty() {
            say("file.whole", &[])
        } else {
            line_text
        };
    }
    let what = parts.join(&say("file.join", &[]));
    if line_text.is_empty() {
        what
    } else {
        say("file.placeAtLine", &[("place", &what), ("line", &line_text)])
    }
}

/// One step of a path: a list entry by its noun and number, a known part by
/// its name, any other key quoted as written.
fn describe_segment(lang: Lang, segment: &str) -> String {
    let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| locales::text(lang, key, values);
    let (name, index) = match segment.strip_suffix(']').and_then(|s| s.split_once('[')) {
        Some((name, i)) => (name, i.parse::<usize>().ok()),
        None => (segment, None),
    };
    let list_entry = match name {
        "criteria" => Some("criterion"),
        "problems" => Some("problem"),
        "candidates" => Some("candidate"),
        "offers" => Some("offer"),
        "deliverables" => Some("deliverable"),
        "out_of_scope" => Some("outOfScope"),
        _ => None,
    };
    let part = match name {
        "package" | "pilot" | "scores" => Some(name),
        _ => None,
    };
    match (index, list_entry, part) {
        (Some(i), Some(noun), _) => say(&format!("file.nth.{noun}"), &[("n", &(i + 1))]),
        (Some(i), None, _) => {
            let key = say("file.key", &[("key", &name)]);
            say("file.nth.other", &[("key", &key), ("n", &(i + 1))])
        }
        (None, _, Some(part)) => say(&format!("file.part.{part}"), &[]),
        (None, _, None) => say("file.key", &[("key", &name)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem_of(text: &str) -> FileProblem {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        #[serde(deny_unknown_fields)]
        struct Shape {
            count: i64,
            name: String,
            tags: Vec<String>,
            consumer: bool,
            kind: Option<Kind>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "snake_case")]
        enum Kind {
            Monthly,
            Once,
        }
        FileProblem::of(&serde_json::from_str::<Shape>(text).unwrap_err())
    }

    #[test]
    fn serde_faults_sort_into_what_the_user_fixes() {
        let whole = r#""name":"a","tags":[],"consumer":true"#;
        assert_eq!(problem_of("hello"), FileProblem::Syntax);
        assert_eq!(problem_of(r#"{"count":1,}"#), FileProblem::Syntax);
        assert_eq!(problem_of(r#"{"count":1,"name":"#), FileProblem::EndsEarly);
        assert_eq!(
            problem_of(&format!(r#"{{"count":"three",{whole}}}"#)),
            FileProblem::WrongKind(ValueKind::WholeNumber)
        );
        assert_eq!(
            problem_of(r#"{"count":1,"name":5,"tags":[],"consumer":true}"#),
            FileProblem::WrongKind(ValueKind::Text)
        );
        assert_eq!(
            problem_of(r#"{"count":1,"name":"a","tags":5,"consumer":true}"#),
            FileProblem::WrongKind(ValueKind::List)
        );
        assert_eq!(
            problem_of(r#"{"count":1,"name":"a","tags":[],"consumer":"yes"}"#),
            FileProblem::WrongKind(ValueKind::TrueOrFalse)
        );
        assert_eq!(problem_of("5"), FileProblem::WrongKind(ValueKind::Record));
        assert_eq!(problem_of(r#"{"count":1}"#), FileProblem::Missing("name".into()));
        assert_eq!(
            problem_of(&format!(r#"{{"count":1,"count":2,{whole}}}"#)),
            FileProblem::Repeated("count".into())
        );
        assert_eq!(
            problem_of(&format!(r#"{{"count":1,{whole},"kind":"weekly"}}"#)),
            FileProblem::NotAChoice(vec!["monthly".into(), "once".into()])
        );
        assert_eq!(
            problem_of(&format!(r#"{{"count":1,{whole},"colour":"red"}}"#)),
            FileProblem::Unreadable
        );
    }

    #[test]
    fn a_path_reads_as_records_and_keys_in_either_language() {
        let path = Some("offers[0].deliverables[1].quantity_per_month");
        assert_eq!(
            place(Lang::Ja, path, 102, 0),
            "月額プラン1件目の納品物2件目の「quantity_per_month」（102行目）"
        );
        assert_eq!(
            place(Lang::En, path, 102, 0),
            "offer 1, deliverable 2, “quantity_per_month” (line 102)"
        );
        assert_eq!(place(Lang::Ja, Some("offers[0].package.slots"), 0, 0), "月額プラン1件目の採算の「slots」");
        assert_eq!(place(Lang::Ja, None, 204, 24), "204行目24文字目");
        assert_eq!(place(Lang::En, None, 204, 24), "line 204, character 24");
        assert_eq!(
            FileProblem::Missing("name".into()).message(Lang::En, Some("candidates[0]"), 3, 0),
            "Candidate 1 (line 3) has no “name”. Nothing was changed."
        );
    }

    #[test]
    fn no_english_or_rust_words_reach_a_japanese_message() {
        let problems = [
            FileProblem::Syntax,
            FileProblem::EndsEarly,
            FileProblem::NotAnExport,
            FileProblem::WrongKind(ValueKind::WholeNumber),
            FileProblem::Missing("name".into()),
            FileProblem::Repeated("name".into()),
            FileProblem::ProblemsInVersion1,
            FileProblem::NotAChoice(vec!["monthly".into()]),
            FileProblem::Unreadable,
        ];
        for problem in problems {
            let text = problem.message(Lang::Ja, Some("candidates[2].name"), 7, 0);
            assert!(text.contains("候補3件目の「name」（7行目）") || text.starts_with("Offerwright"), "{text}");
            assert!(text.ends_with("データは変更していません。"), "{text}");
            for rust_word in ["i64", "invalid", "expected", "sequence", "struct", "candidates["] {
                assert!(!text.contains(rust_word), "{text}");
            }
        }
    }
}

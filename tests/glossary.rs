//! One term per idea: `docs/glossary.md` lists, in a `not-this` block, the
//! words the product no longer uses for its ideas. No sentence a user reads —
//! the UI, the focus check, the CLI, the one-pager: all in `ui/locales` —
//! may hold one.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `(language, word)` pairs from the glossary's `not-this` block.
fn rejected(glossary: &str) -> Vec<(String, String)> {
    let start = glossary.find("```not-this").expect("docs/glossary.md has a not-this block");
    let block = &glossary[start + "```not-this".len()..];
    let block = &block[..block.find("```").expect("the not-this block is closed")];
    block
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (lang, word) = l.split_once(':').unwrap_or_else(|| panic!("not-this line without a language: {l}"));
            (lang.trim().to_string(), word.trim().to_string())
        })
        .collect()
}

/// Every string value in a locale file, with its key path.
fn values(value: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                values(v, &if path.is_empty() { k.clone() } else { format!("{path}.{k}") }, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                values(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn offending(lang: &str, locale: &str, rejected: &[(String, String)]) -> Vec<String> {
    let parsed: serde_json::Value = serde_json::from_str(locale).unwrap();
    let mut all = Vec::new();
    values(&parsed, "", &mut all);
    let mut found = Vec::new();
    for (key, text) in &all {
        for (_, word) in rejected.iter().filter(|(l, _)| l == lang) {
            if text.contains(word.as_str()) {
                found.push(format!("{lang}: {key} uses 「{word}」: {text}"));
            }
        }
    }
    found
}

#[test]
fn no_sentence_uses_a_term_the_glossary_rejects() {
    let glossary = std::fs::read_to_string(root().join("docs/glossary.md")).unwrap();
    let rejected = rejected(&glossary);
    assert!(rejected.iter().any(|(l, _)| l == "ja") && rejected.iter().any(|(l, _)| l == "en"));
    let mut found = Vec::new();
    for lang in ["ja", "en"] {
        let locale = std::fs::read_to_string(root().join(format!("ui/locales/{lang}.json"))).unwrap();
        found.extend(offending(lang, &locale, &rejected));
        // The example a newcomer loads is read on every screen and printed too.
        let example = std::fs::read_to_string(root().join(format!("src-tauri/offer-core/examples-data/{lang}.json"))).unwrap();
        found.extend(offending(lang, &example, &rejected).into_iter().map(|f| format!("example {f}")));
    }
    assert!(found.is_empty(), "terms the glossary rejects:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_a_rejected_term() {
    let rejected = vec![("ja".to_string(), "オファー".to_string())];
    let found = offending("ja", r#"{"offers": {"title": "オファーを作る"}}"#, &rejected);
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("offers.title"));
    assert!(offending("en", r#"{"offers": {"title": "オファーを作る"}}"#, &rejected).is_empty());
}

//! Japanese and English are equal: both catalogs hold the same strings with
//! the same placeholders, and every string the UI asks for by a fixed key
//! exists in both.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

fn catalog(lang: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("ui/locales/{lang}.json"));
    let value: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut flat = BTreeMap::new();
    flatten("", &value, &mut flat);
    flat
}

fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, member, out);
            }
        }
        other => {
            out.insert(prefix.to_string(), other.as_str().unwrap_or_default().to_string());
        }
    }
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

#[test]
fn both_languages_have_the_same_strings_and_placeholders() {
    let (en, ja) = (catalog("en"), catalog("ja"));
    let only_en: Vec<&String> = en.keys().filter(|k| !ja.contains_key(*k)).collect();
    let only_ja: Vec<&String> = ja.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        only_en.is_empty() && only_ja.is_empty(),
        "only in en: {only_en:?}; only in ja: {only_ja:?}"
    );
    for (key, text) in &en {
        // The singular form may spell its count out ("1 working day").
        let counted = |mut names: Vec<&str>| {
            if key.ends_with(".one") {
                names.retain(|n| *n != "count");
            }
            names.into_iter().map(str::to_string).collect::<Vec<String>>()
        };
        assert_eq!(
            counted(placeholders(text)),
            counted(placeholders(&ja[key])),
            "placeholders differ for {key}"
        );
        assert!(
            !ja[key].trim().is_empty() || text.trim().is_empty(),
            "{key} is empty in Japanese"
        );
    }
}

fn scripts(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            scripts(&path, out);
        } else if path.extension().is_some_and(|e| e == "js") {
            out.push(path);
        }
    }
}

/// The keys of calls `t('key'…)` / `t("key"…)`: a `t` that starts a word
/// (not `split(`, `part(`), followed by a quoted literal.
fn fixed_keys(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut keys = Vec::new();
    for (at, _) in text.match_indices("t(") {
        let starts_word = at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || b"_.$".contains(&bytes[at - 1]));
        let rest = &text[at + 2..];
        let Some(quote) = rest.chars().next().filter(|c| *c == '\'' || *c == '"') else {
            continue;
        };
        if let (true, Some((key, _))) = (starts_word, rest[1..].split_once(quote)) {
            keys.push(key.to_string());
        }
    }
    keys
}

/// Quoted literals that look like a catalog key ("offers.titleField"): keys
/// kept in tables, such as the labels of compared fields.
fn key_like_literals(text: &str, namespaces: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for quote in ['\'', '"'] {
        for (i, piece) in text.split(quote).enumerate() {
            let looks_like_key = i % 2 == 1
                && piece.contains('.')
                && piece
                    .split('.')
                    .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
                && namespaces.iter().any(|ns| piece.starts_with(&format!("{ns}.")));
            if looks_like_key {
                found.push(piece.to_string());
            }
        }
    }
    found
}

#[test]
fn every_fixed_key_the_ui_asks_for_exists_in_both_languages() {
    let (en, ja) = (catalog("en"), catalog("ja"));
    let namespaces: Vec<String> = en
        .keys()
        .filter_map(|k| k.split('.').next())
        .map(str::to_string)
        .collect();
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let mut files = Vec::new();
    scripts(&ui, &mut files);
    let html = std::fs::read_to_string(ui.join("index.html")).unwrap();
    let mut asked = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        asked.extend(
            fixed_keys(&text)
                .into_iter()
                .map(|key| (file.display().to_string(), key)),
        );
        asked.extend(
            key_like_literals(&text, &namespaces)
                .into_iter()
                .map(|key| (file.display().to_string(), key)),
        );
    }
    for rest in html
        .split("data-i18n=\"")
        .skip(1)
        .chain(html.split("data-i18n-label=\"").skip(1))
    {
        if let Some((key, _)) = rest.split_once('"') {
            asked.push(("index.html".into(), key.to_string()));
        }
    }
    assert!(
        asked.len() > 300,
        "found only {} keys; did the UI's style change?",
        asked.len()
    );
    let missing: Vec<&(String, String)> = asked
        .iter()
        .filter(|(_, key)| !en.contains_key(key) || !ja.contains_key(key))
        .collect();
    assert!(missing.is_empty(), "keys missing from a catalog: {missing:?}");
}

/// Every sentence Rust asks the catalogs for exists, under `rust`, in both
/// languages. A key is any string literal in the Rust sources that starts
/// with one of the `rust` section's areas and a dot (`"guide.choose"`); a key
/// given to `locales::counted` names a `.one` and an `.other` form.
#[test]
fn every_sentence_rust_asks_for_exists_in_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri");
    let mut sources = Vec::new();
    let mut dirs = vec![
        root.join("offer-core/src"),
        root.join("offer-cli/src"),
        root.join("offer-onepager/src"),
        root.join("commands"),
    ];
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            sources.push(path);
        }
    }
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                sources.push(path);
            }
        }
    }
    let en = catalog("en");
    let areas: BTreeSet<&str> = en
        .keys()
        .filter_map(|k| k.strip_prefix("rust."))
        .filter_map(|k| k.split('.').next())
        .collect();
    let is_key_char = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '_';
    let mut asked = BTreeSet::new();
    for file in sources {
        let text = std::fs::read_to_string(&file).unwrap();
        // Tests may ask for keys that are missing on purpose.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        for literal in string_literals(text) {
            let Some((area, rest)) = literal.split_once('.') else {
                continue;
            };
            if areas.contains(area) && !rest.is_empty() && literal.chars().all(is_key_char) && !literal.ends_with('.') {
                asked.insert(literal.to_string());
            }
        }
    }
    assert!(asked.len() >= 100, "the check found the keys Rust asks for: {asked:?}");
    for lang in ["ja", "en"] {
        let strings = catalog(lang);
        for key in &asked {
            let has = |k: String| strings.contains_key(&k);
            assert!(
                has(format!("rust.{key}")) || (has(format!("rust.{key}.one")) && has(format!("rust.{key}.other"))),
                "{lang}.json has no rust.{key}"
            );
        }
    }
}

/// The contents of the plain string literals in Rust source: enough of a
/// lexer to step over comments, escapes, char literals such as `'"'` and raw
/// strings.
fn string_literals(source: &str) -> Vec<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\'' if chars.get(i + 2) == Some(&'\'') => i += 3,
            '\'' if chars.get(i + 1) == Some(&'\\') && chars.get(i + 3) == Some(&'\'') => i += 4,
            'r' if matches!(chars.get(i + 1), Some('#') | Some('"'))
                && !chars[i.saturating_sub(1)].is_alphanumeric() =>
            {
                let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
                let start = i + 1 + hashes + 1;
                let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                let mut j = start;
                while j < chars.len() && !chars[j..].starts_with(&close) {
                    j += 1;
                }
                i = j + close.len();
            }
            '"' => {
                let mut literal = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    if let Some(c) = chars.get(i) {
                        literal.push(*c);
                    }
                    i += 1;
                }
                out.push(literal);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Rust's sentences live in the catalogs, not in code: no Japanese outside
/// comments and tests in the shell, core, CLI and renderer sources. The focus
/// check's text reader, list and job readers and the money parser read Japanese input (「円」,
/// 「の方」), which is matching, not a sentence.
#[test]
fn no_japanese_sentence_is_left_in_rust_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri");
    let reads_japanese_input = ["analysis/focus/mod.rs", "analysis/focus/text.rs", "analysis/focus/lists.rs", "analysis/focus/jobs.rs", "domain/money.rs"];
    let mut dirs = vec![
        root.clone(),
        root.join("commands"),
        root.join("offer-core/src"),
        root.join("offer-cli/src"),
        root.join("offer-onepager/src"),
    ];
    let mut found = Vec::new();
    let mut files = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let nested_source = path.is_dir() && dir != root;
            if nested_source {
                dirs.push(path);
                continue;
            }
            let name = path.to_string_lossy().replace('\\', "/");
            if !name.ends_with(".rs") || reads_japanese_input.iter().any(|f| name.ends_with(f)) {
                continue;
            }
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, line) in code.lines().enumerate() {
                let before_comment = line.split("//").next().unwrap_or_default();
                let japanese = before_comment
                    .chars()
                    .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c));
                if japanese {
                    found.push(format!("{name}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(files > 50, "the check read the sources ({files} files)");
    assert!(
        found.is_empty(),
        "move these to ui/locales (rust.*):\n{}",
        found.join("\n")
    );
}

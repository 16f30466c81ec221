//! The core's layers, checked on its source: values and rules (`domain/`)
//! and pure computations (`analysis/`) never reach the database or the use
//! cases, and storage never writes sentences. docs/ARCHITECTURE.md says why.

use std::path::{Path, PathBuf};

fn source_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(source_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Each line of code in a layer's files that names one of `forbidden`
/// (comments left out: they may speak of anything).
fn lines_naming(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(layer);
    assert!(root.is_dir(), "{} is missing", root.display());
    let mut found = Vec::new();
    for file in source_files(&root) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in forbidden {
                if names(code, word) {
                    found.push(format!("{}:{}: {word}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    found
}

/// Whether `code` holds `word` as a whole name (not inside a longer one).
fn names(code: &str, word: &str) -> bool {
    let is_name = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        !before.is_some_and(is_name) && !after.is_some_and(is_name)
    })
}

#[test]
fn the_domain_names_nothing_above_it() {
    let found = lines_naming(
        "domain",
        &[
            "crate::analysis",
            "crate::storage",
            "crate::app",
            "Database",
            "rusqlite",
        ],
    );
    assert!(found.is_empty(), "domain/ reaches up:\n{}", found.join("\n"));
}

#[test]
fn analysis_never_reads_the_database() {
    let found = lines_naming("analysis", &["crate::storage", "crate::app", "Database", "rusqlite"]);
    assert!(
        found.is_empty(),
        "analysis/ reaches the database:\n{}",
        found.join("\n")
    );
}

#[test]
fn storage_never_writes_sentences_or_calls_use_cases() {
    // The language setting is stored like any value; what storage may not do
    // is choose words by language.
    let found = lines_naming("storage", &["crate::app", "Lang::Ja", "Lang::En", "label("]);
    assert!(
        found.is_empty(),
        "storage/ composes text or calls up:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_a_forbidden_name() {
    assert!(names("use crate::storage::Database;", "Database"));
    assert!(!names("let databases = 1;", "Database"));
    assert!(!names("DatabaseError", "Database"));
}

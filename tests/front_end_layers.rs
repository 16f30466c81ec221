//! The Tauri shell and the CLI reach the core through its use cases
//! (`offerwright_core::app`): no storage or analysis module and no `Database` method is
//! called from a command of either. docs/ARCHITECTURE.md says why.

use std::path::{Path, PathBuf};

fn shell_sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri");
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("commands"), root.join("offer-cli").join("src")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "build.rs") {
                files.push(path);
            }
        }
    }
    files
}

/// A call of a `Database` method on the open database (`db.…(`), or a use of
/// the core's storage modules.
fn reaches_storage(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    code.contains("offerwright_core::storage") || code.contains("offerwright_core::analysis") || {
        code.match_indices("db.").any(|(at, _)| {
            let before = code[..at].chars().next_back();
            let after = &code[at + 3..];
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                && after
                    .split('(')
                    .next()
                    .is_some_and(|name| name.chars().all(|c| c.is_alphanumeric() || c == '_'))
                && after.contains('(')
                && !after.starts_with("lock(")
                && !after.starts_with("into(")
        })
    }
}

#[test]
fn the_shell_and_the_cli_call_the_core_through_its_use_cases() {
    let mut found = Vec::new();
    for file in shell_sources() {
        for (n, line) in std::fs::read_to_string(&file).unwrap().lines().enumerate() {
            if reaches_storage(line) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "a front end reaches past app::\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_a_storage_call() {
    assert!(reaches_storage(
        "    state.with_db(|db, _| db.delete_offer(id, Utc::now()))"
    ));
    assert!(reaches_storage("use offerwright_core::storage::backup;"));
    assert!(reaches_storage("use offerwright_core::analysis::inbox::Inbox;"));
    assert!(!reaches_storage(
        "    state.with_db(|db, _| offers::delete_offer(db, id, Utc::now()))"
    ));
    assert!(!reaches_storage("        if let Ok(mut db) = self.db.lock() {"));
}

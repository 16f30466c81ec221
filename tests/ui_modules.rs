//! index.html asks up front (modulepreload) for every UI module the first
//! screen needs, so start-up does not wait one round trip per level of
//! imports; the other screens are imported when first shown. A module added
//! later must be one or the other.

use std::path::Path;

#[test]
fn every_module_is_preloaded_by_the_page() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let html = std::fs::read_to_string(ui.join("index.html")).unwrap();
    let app = std::fs::read_to_string(ui.join("app.js")).unwrap();
    // What a module imports, as paths under ui/ ("views/plan.js", "charts.js").
    let imports_of = |module: &str| -> Vec<String> {
        let text = std::fs::read_to_string(ui.join(module)).unwrap();
        let base = Path::new(module).parent().unwrap_or(Path::new(""));
        text.split("from '")
            .skip(1)
            .filter_map(|rest| rest.split('\'').next())
            .map(|target| {
                let mut path = base.to_path_buf();
                for part in target.split('/') {
                    match part {
                        "." => {}
                        ".." => {
                            path.pop();
                        }
                        name => path.push(name),
                    }
                }
                path.to_string_lossy().replace('\\', "/")
            })
            .collect()
    };
    // Loaded later: the screens app.js imports when shown, and whatever they
    // import in turn that the page did not preload.
    let mut later: Vec<String> = app
        .split("import('./")
        .skip(1)
        .filter_map(|rest| rest.split('\'').next().map(str::to_owned))
        .collect();
    let mut i = 0;
    while i < later.len() {
        for module in imports_of(&later[i].clone()) {
            let preloaded = html.contains(&format!("<link rel=\"modulepreload\" href=\"{module}\">"));
            if !preloaded && !later.contains(&module) {
                later.push(module);
            }
        }
        i += 1;
    }
    let read_later = |module: &str| later.iter().any(|m| m == module);
    let mut modules = Vec::new();
    for dir in [ui.clone(), ui.join("views")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "js") {
                modules.push(path.strip_prefix(&ui).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    assert!(modules.len() > 10);
    for module in modules.iter().filter(|m| *m != "app.js") {
        let preloaded = html.contains(&format!("<link rel=\"modulepreload\" href=\"{module}\">"));
        let imported_when_shown = app.contains(&format!("import('./{module}')"));
        assert!(
            preloaded || imported_when_shown || read_later(module),
            "index.html does not preload {module}, and nothing imports it when a screen is shown"
        );
        assert!(
            !(preloaded && imported_when_shown),
            "{module} is both preloaded and loaded later"
        );
    }
}

/// The screens share one store (`ctx` in app.js) and change it only through
/// its update functions, so every key is declared in one place and no view
/// patches another's state behind its back.
#[test]
fn views_change_shared_state_only_through_the_store() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let mut found = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(ui.join("views"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for shared in [
        "guide.js",
        "focus.js",
        "forms.js",
        "autosave.js",
        "toasts.js",
        "dom.js",
        "i18n.js",
    ] {
        files.push(ui.join(shared));
    }
    for file in files.iter().filter(|p| p.extension().is_some_and(|e| e == "js")) {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if assigns_to_ctx(line) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "views assign to ctx:\n{}", found.join("\n"));
}

/// `ctx.a = …`, `ctx.a[i] = …`, `ctx.a.b ??= …`, but not `ctx.a === …`.
fn assigns_to_ctx(line: &str) -> bool {
    let mut rest = line;
    while let Some(at) = rest.find("ctx.") {
        let after = &rest[at + 4..];
        let target_end = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.' || c == '[' || c == ']'))
            .unwrap_or(after.len());
        let tail = after[target_end..].trim_start();
        let assigns = ["=", "??=", "+=", "-=", "||=", "&&="]
            .iter()
            .any(|op| tail.starts_with(op) && !tail.starts_with("==") && !tail.starts_with("=>"));
        if assigns {
            return true;
        }
        rest = &after[target_end..];
    }
    false
}

#[test]
fn the_store_check_sees_an_assignment() {
    assert!(assigns_to_ctx("  ctx.selectedOffer = offer.id;"));
    assert!(assigns_to_ctx("if (i >= 0) ctx.candidates[i] = saved;"));
    assert!(assigns_to_ctx("ctx.onepager.lang ??= 'ja';"));
    assert!(!assigns_to_ctx("if (ctx.view === 'compare') go();"));
    assert!(!assigns_to_ctx("ctx.select('offer', id);"));
    assert!(!assigns_to_ctx("const f = (x) => ctx.show(x);"));
}

/// Each screen draws into the root it is given and finds its parts through
/// it (`ctx.root()`), and keeps no state or listener of its own at module
/// level: nothing outlives the screen that made it.
#[test]
fn views_keep_to_their_own_root() {
    let views = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui").join("views");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&views).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let reaches_out = [
                "document.querySelector",
                "document.getElementById",
                "document.addEventListener",
                "window.addEventListener",
            ]
            .iter()
            .any(|call| line.contains(call));
            let module_state = line.starts_with("let ") || line.starts_with("var ");
            if reaches_out || module_state {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "views reach outside their root:\n{}",
        found.join("\n")
    );
}

//! index.html asks for every UI module up front (modulepreload), so start-up
//! does not wait one round trip per level of imports; a module added later
//! must be listed too.

use std::path::Path;

#[test]
fn every_module_is_preloaded_by_the_page() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let html = std::fs::read_to_string(ui.join("index.html")).unwrap();
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
        assert!(
            html.contains(&format!("<link rel=\"modulepreload\" href=\"{module}\">")),
            "index.html does not preload {module}"
        );
    }
}

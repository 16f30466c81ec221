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
    // Imported by a screen that is itself loaded later.
    let read_later = |module: &str| {
        ["views/offers.js", "views/pilot.js"].iter().any(|importer| {
            let text = std::fs::read_to_string(ui.join(importer)).unwrap();
            let name = module.trim_start_matches("views/");
            text.contains(&format!("from './{name}'"))
        })
    };
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

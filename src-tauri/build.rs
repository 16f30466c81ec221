// The app's commands, declared so that each must be granted in a capability.
// Keep in step with `commands::handler` in lib.rs (a test checks it).
const COMMANDS: &[&str] = &[
    "app_state",
    "set_language",
    "load_example",
    "list_criteria",
    "add_criterion",
    "update_criterion",
    "delete_criterion",
    "restore_criterion",
    "list_candidates",
    "create_candidate",
    "update_candidate",
    "delete_candidate",
    "restore_candidate",
    "compare_candidates",
    "set_targets",
    "offer_plan",
    "save_package",
    "save_pilot",
    "list_offers",
    "draft_offer",
    "update_offer",
    "delete_offer",
    "restore_offer",
    "check_candidate",
    "check_offer",
    "focus_overview",
    "dismiss_finding",
    "undismiss_finding",
    "onepager_preview",
    "export_onepager",
    "print_onepager",
    "export_data",
    "import_data",
    "list_backups",
    "backup_now",
    "restore_backup",
    "start_new_database",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}

//! The JSON contract between the UI and Rust, pinned on the mock runtime with
//! the app's real wiring, capabilities and permissions.

use offerwright::{build_app, context, AppState};
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow};

struct Harness {
    _dir: tempfile::TempDir,
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

fn harness_at(path: &std::path::Path, dir: tempfile::TempDir) -> Harness {
    let app = build_app(mock_builder().manage(AppState::open(path)))
        .build(context())
        .expect("the app builds on the mock runtime");
    // `build` does not run setup or open the configured windows; open the one
    // the capability names.
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("the main window opens on the mock runtime");
    Harness {
        _dir: dir,
        _app: app,
        window,
    }
}

fn harness() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ipc.sqlite3");
    harness_at(&path, dir)
}

impl Harness {
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: tauri::ipc::InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().unwrap())
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn err(&self, cmd: &str, args: Value) -> Value {
        match self.call(cmd, args) {
            Ok(v) => panic!("{cmd} should fail but returned {v}"),
            Err(e) => e,
        }
    }
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn candidate_input() -> Value {
    json!({
        "name": "歯科医院のリール制作",
        "platform": "Instagram",
        "audience": "大阪市内の個人歯科医院",
        "problem": "動画の担当者がいない",
        "outcome": { "metric": "初診予約", "target": 8, "unit": "件/月", "timeframe_amount": 3, "timeframe_unit": "months" },
        "status": "testing",
        "notes": "",
        "scores": { "1": 5, "2": 4 }
    })
}

#[test]
fn app_state_reports_language_first_run_and_database() {
    let h = harness();
    let state = h.ok("app_state", json!({ "systemLocale": "ja-JP" }));
    assert_eq!(
        keys(&state),
        [
            "database_error",
            "database_path",
            "first_run",
            "language",
            "language_chosen",
            "paper"
        ]
    );
    assert_eq!(state["first_run"], true);
    assert_eq!(state["language_chosen"], false);
    assert_eq!(state["database_error"], Value::Null);
    assert!(state["database_path"].as_str().unwrap().ends_with("ipc.sqlite3"));
    assert_eq!(h.ok("set_language", json!({ "language": "ja" })), "ja");
    let state = h.ok("app_state", json!({ "systemLocale": "en-US" }));
    assert_eq!(
        (state["language"].as_str(), state["language_chosen"].as_bool()),
        (Some("ja"), Some(true))
    );
}

#[test]
fn candidate_shape_is_pinned() {
    let h = harness();
    let created = h.ok("create_candidate", json!({ "input": candidate_input() }));
    assert_eq!(
        keys(&created),
        [
            "audience",
            "created_at",
            "evidence",
            "id",
            "name",
            "notes",
            "outcome",
            "platform",
            "problem",
            "revision",
            "scores",
            "status",
            "updated_at"
        ]
    );
    assert_eq!(
        keys(&created["outcome"]),
        ["metric", "target", "timeframe_amount", "timeframe_unit", "unit"]
    );
    assert_eq!(created["scores"], json!({ "1": 5, "2": 4 }));
    assert_eq!(created["revision"], 1);
    assert!(
        created["created_at"].as_str().unwrap().ends_with('Z'),
        "timestamps travel as UTC"
    );
    let id = created["id"].clone();
    let mut input = candidate_input();
    input["status"] = json!("chosen");
    let updated = h.ok("update_candidate", json!({ "id": id, "input": input }));
    assert_eq!(
        (updated["status"].as_str(), updated["revision"].as_i64()),
        (Some("chosen"), Some(2))
    );
    assert_eq!(h.ok("list_candidates", json!({})).as_array().unwrap().len(), 1);
    assert_eq!(h.ok("app_state", json!({}))["first_run"], false);
}

#[test]
fn errors_are_code_message_and_field_in_the_users_language() {
    let h = harness();
    let mut input = candidate_input();
    input["name"] = json!("");
    let err = h.err("create_candidate", json!({ "input": input.clone() }));
    assert_eq!(keys(&err), ["code", "field", "message"]);
    assert_eq!(
        err,
        json!({ "code": "required", "field": "name", "message": "Please fill this in." })
    );
    h.ok("set_language", json!({ "language": "ja" }));
    let err = h.err("create_candidate", json!({ "input": input }));
    assert_eq!(err["message"], "入力してください。");
    let mut input = candidate_input();
    input["outcome"]["timeframe_amount"] = json!(500);
    let err = h.err("create_candidate", json!({ "input": input }));
    assert_eq!(err["code"], "out_of_range");
    assert_eq!(err["field"], "outcome.timeframe_amount");
    let err = h.err("update_candidate", json!({ "id": 999, "input": candidate_input() }));
    assert_eq!(
        (err["code"].as_str(), err["field"].clone()),
        (Some("not_found"), Value::Null)
    );
    assert!(
        h.ok("list_candidates", json!({})).as_array().unwrap().is_empty(),
        "nothing stored"
    );
}

#[test]
fn delete_and_restore_candidates() {
    let h = harness();
    let id = h.ok("create_candidate", json!({ "input": candidate_input() }))["id"].clone();
    assert_eq!(h.ok("delete_candidate", json!({ "id": id })), Value::Null);
    assert!(h.ok("list_candidates", json!({})).as_array().unwrap().is_empty());
    assert_eq!(h.ok("restore_candidate", json!({ "id": id }))["id"], id);
}

#[test]
fn an_edit_from_a_stale_revision_is_a_conflict() {
    let h = harness();
    let created = h.ok("create_candidate", json!({ "input": candidate_input() }));
    let id = created["id"].clone();
    h.ok(
        "update_candidate",
        json!({ "id": id, "input": candidate_input(), "revision": 1 }),
    );
    let err = h.err(
        "update_candidate",
        json!({ "id": id, "input": candidate_input(), "revision": 1 }),
    );
    assert_eq!(
        (err["code"].as_str(), err["field"].clone()),
        (Some("conflict"), Value::Null)
    );
    assert!(err["message"].as_str().unwrap().contains("changed elsewhere"));
    h.ok(
        "update_candidate",
        json!({ "id": id, "input": candidate_input(), "revision": 2 }),
    );
}

#[test]
fn criteria_shape_and_editing() {
    let h = harness();
    let criteria = h.ok("list_criteria", json!({}));
    assert_eq!(criteria.as_array().unwrap().len(), 8);
    assert_eq!(keys(&criteria[0]), ["id", "key", "label", "name", "weight"]);
    assert_eq!(criteria[0]["key"], "pain");
    assert_eq!(criteria[0]["label"], "Pain / urgency");
    let id = criteria[0]["id"].clone();
    let updated = h.ok(
        "update_criterion",
        json!({ "id": id, "input": { "name": "", "weight": 10 } }),
    );
    assert_eq!(updated["weight"], 10);
    let err = h.err(
        "update_criterion",
        json!({ "id": id, "input": { "name": "", "weight": 11 } }),
    );
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("out_of_range"), Some("weight"))
    );
    let added = h.ok(
        "add_criterion",
        json!({ "input": { "name": "移動時間の短さ", "weight": 3 } }),
    );
    assert_eq!(
        (added["key"].clone(), added["label"].as_str()),
        (Value::Null, Some("移動時間の短さ"))
    );
    h.ok("delete_criterion", json!({ "id": added["id"] }));
    assert_eq!(h.ok("list_criteria", json!({})).as_array().unwrap().len(), 8);
    h.ok("restore_criterion", json!({ "id": added["id"] }));
    h.ok("set_language", json!({ "language": "ja" }));
    assert_eq!(h.ok("list_criteria", json!({}))[1]["label"], "毎月くり返す");
}

#[test]
fn comparison_shape_ranks_and_subsets() {
    let h = harness();
    let summary = h.ok("load_example", json!({ "language": "en" }));
    assert_eq!(
        summary,
        json!({ "criteria": 0, "candidates": 3, "offers": 1, "problems": 4 })
    );
    let cmp = h.ok("compare_candidates", json!({ "ids": null }));
    assert_eq!(
        keys(&cmp),
        ["candidates", "criteria", "fermi", "mode", "robustness", "targets"]
    );
    assert_eq!(
        keys(&cmp["robustness"]),
        [
            "clear_winner",
            "margin_points",
            "runner_up",
            "samples",
            "score_flips",
            "seed",
            "weight_flips",
            "win_shares",
            "winner"
        ]
    );
    assert_eq!(
        keys(&cmp["fermi"][cmp["candidates"][0]["id"].to_string()]),
        ["clients_needed", "gap", "leads_needed", "price", "price_display"]
    );
    assert_eq!(cmp["mode"], "raw");
    assert_eq!(keys(&cmp["criteria"][0]), ["best", "id", "label", "weight"]);
    assert_eq!(
        keys(&cmp["candidates"][0]),
        ["evidence", "id", "name", "rank", "scores", "status", "total", "unscored"]
    );
    let adjusted = h.ok("compare_candidates", json!({ "ids": null, "mode": "evidence" }));
    assert_eq!(adjusted["mode"], "evidence");
    assert!(
        adjusted["candidates"][0]["total"].as_f64() < cmp["candidates"][0]["total"].as_f64(),
        "untested high scores are pulled toward the middle"
    );
    let targets = h.ok(
        "set_targets",
        json!({ "input": { "monthly_income": "3,000", "currency": "USD", "close_rate_percent": 25 } }),
    );
    assert_eq!(targets["close_rate_percent"], 25);
    let err = h.err(
        "set_targets",
        json!({ "input": { "monthly_income": "lots", "currency": "USD", "close_rate_percent": 25 } }),
    );
    assert_eq!(err["field"], "monthly_income");
    let with_targets = h.ok("compare_candidates", json!({ "ids": null }));
    let first_example = h.ok("list_candidates", json!({}))[0]["id"].to_string();
    // $3,000 at $450 a month: 7 clients; 28 leads at 25 %.
    assert_eq!(with_targets["fermi"][&first_example]["clients_needed"], 7);
    assert_eq!(with_targets["fermi"][&first_example]["leads_needed"], 28);
    // The form shows the income as typed digits; the UI does no money arithmetic.
    assert_eq!(with_targets["targets"]["monthly_income_plain"], "3000.00");
    assert_eq!(with_targets["targets"]["monthly_income"]["minor"], 300_000);
    assert_eq!(cmp["candidates"][0]["rank"], 1);
    let totals: Vec<f64> = cmp["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["total"].as_f64().unwrap())
        .collect();
    assert!(totals.windows(2).all(|w| w[0] >= w[1]), "best first: {totals:?}");
    let one = cmp["candidates"][2]["id"].clone();
    let subset = h.ok("compare_candidates", json!({ "ids": [one] }));
    assert_eq!(subset["candidates"].as_array().unwrap().len(), 1);
}

#[test]
fn offer_shape_drafting_editing_and_errors() {
    let h = harness();
    let candidate = h.ok("create_candidate", json!({ "input": candidate_input() }));
    h.ok("set_language", json!({ "language": "ja" }));
    let offer = h.ok("draft_offer", json!({ "candidateId": candidate["id"] }));
    assert_eq!(
        keys(&offer),
        [
            "candidate_id",
            "contact",
            "created_at",
            "currency",
            "deliverables",
            "id",
            "minimum_term_months",
            "out_of_scope",
            "price",
            "price_display",
            "price_minor",
            "promise",
            "revision",
            "success_metric",
            "title",
            "updated_at"
        ]
    );
    assert_eq!(offer["currency"], "JPY");
    assert_eq!(offer["success_metric"], "初診予約：8件/月（3か月以内）");
    let mut input = offer.clone();
    input["price"] = json!("３３,０００");
    input["deliverables"] =
        json!([{ "name": "リール動画", "quantity_per_month": 8, "turnaround_days": 3, "hours_each": "1.5" }]);
    input["out_of_scope"] = json!(["広告の運用"]);
    let saved = h.ok("update_offer", json!({ "id": offer["id"], "input": input.clone() }));
    assert_eq!(
        (saved["price_minor"].as_i64(), saved["price_display"].as_str()),
        (Some(33000), Some("33,000円"))
    );
    assert_eq!(
        keys(&saved["deliverables"][0]),
        ["hours_each", "name", "quantity_per_month", "turnaround_days"]
    );
    input["deliverables"][0]["hours_each"] = json!("たくさん");
    let err = h.err("update_offer", json!({ "id": offer["id"], "input": input }));
    assert_eq!(err["field"], "deliverables[0].hours_each");
    assert!(err["message"].as_str().unwrap().contains("時間"));
    assert_eq!(
        h.ok("list_offers", json!({}))[0]["price_minor"],
        33000,
        "the bad edit stored nothing"
    );
    h.ok("delete_offer", json!({ "id": offer["id"] }));
    assert!(h.ok("list_offers", json!({})).as_array().unwrap().is_empty());
    h.ok("restore_offer", json!({ "id": offer["id"] }));
}

#[test]
fn a_database_from_a_newer_version_is_reported_and_commands_refuse() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite3");
    write_newer_database(&path);
    let before = std::fs::read(&path).unwrap();
    let h = harness_at(&path, dir);
    let state = h.ok("app_state", json!({}));
    assert_eq!(state["database_error"]["code"], "database_too_new");
    assert_eq!(h.err("list_candidates", json!({}))["code"], "database_too_new");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// Writes a database whose schema version is beyond this build's.
fn write_newer_database(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
        .unwrap();
}

#[test]
fn focus_check_shape_dismissal_and_overview() {
    let h = harness();
    let mut input = candidate_input();
    input["audience"] = json!("誰でも");
    input["platform"] = json!("Instagram and TikTok");
    let report = h.ok("check_candidate", json!({ "id": null, "input": input.clone() }));
    assert_eq!(keys(&report), ["errors", "findings", "ready", "tips", "warnings"]);
    assert_eq!(report["ready"], false);
    let finding = &report["findings"][0];
    assert_eq!(
        keys(finding),
        [
            "code",
            "dismissed",
            "field",
            "matched",
            "message",
            "severity",
            "suggestion"
        ]
    );
    assert_eq!(
        (finding["code"].as_str(), finding["severity"].as_str()),
        (Some("several_platforms"), Some("warning"))
    );

    let created = h.ok("create_candidate", json!({ "input": input.clone() }));
    let id = created["id"].clone();
    let args =
        json!({ "subject": "candidate", "id": id, "code": "vague_audience", "field": "audience", "reason": "x" });
    assert_eq!(h.err("dismiss_finding", args)["code"], "not_dismissable");
    let args = json!({ "subject": "candidate", "id": id, "code": "several_platforms", "field": "platform", "reason": "Cross-posting one reel" });
    h.ok("dismiss_finding", args);
    let report = h.ok("check_candidate", json!({ "id": id, "input": input }));
    assert_eq!(report["warnings"], 0);
    assert_eq!(report["findings"][0]["dismissed"], "Cross-posting one reel");
    let overview = h.ok("focus_overview", json!({}));
    assert_eq!(overview["candidates"][id.to_string()]["ready"], false);
    h.ok(
        "undismiss_finding",
        json!({ "subject": "candidate", "id": id, "code": "several_platforms", "field": "platform" }),
    );

    h.ok("load_example", json!({ "language": "en" }));
    let overview = h.ok("focus_overview", json!({}));
    assert_eq!(overview["offers"].as_object().unwrap().len(), 1);
    assert!(overview["offers"]
        .as_object()
        .unwrap()
        .values()
        .all(|r| r["ready"] == true));
    let offer = h.ok("list_offers", json!({}))[0].clone();
    let report = h.ok("check_offer", json!({ "id": offer["id"], "input": offer }));
    assert_eq!(report["findings"], json!([]));
}

#[test]
fn plan_shape_saving_and_errors() {
    let h = harness();
    h.ok("load_example", json!({ "language": "ja" }));
    let offer = h.ok("list_offers", json!({}))[0].clone();
    let view = h.ok("offer_plan", json!({ "offerId": offer["id"] }));
    assert_eq!(
        keys(&view),
        ["economics", "mrr_pilot", "mrr_pilot_display", "package", "pilot", "pilot_clients", "schedule"]
    );
    assert_eq!(view["mrr_pilot_display"], "¥60,000 (excl. tax)");
    assert_eq!((view["mrr_pilot"].as_i64(), view["pilot_clients"].as_i64()), (Some(60_000), Some(2)));
    assert_eq!(
        keys(&view["economics"]),
        [
            "available_minutes",
            "below_floor",
            "break_even_clients",
            "capacity_clients",
            "clients_needed",
            "effective_hourly_rate",
            "effective_hourly_rate_display",
            "minutes_per_client",
            "mrr_capacity",
            "mrr_capacity_display",
            "mrr_one",
            "needed_revenue",
            "needed_revenue_display",
            "price_display",
            "sentence",
            "short_of_capacity",
            "slots_over_capacity",
            "suggested_price",
            "suggested_price_display",
            "suggested_price_input",
            "suggested_price_note"
        ]
    );
    assert_eq!(
        view["schedule"]["reviews"],
        json!(["2027-02-28", "2027-03-31", "2027-04-30"])
    );
    let mut package = view["package"].clone();
    package["slots"] = json!(9);
    let saved = h.ok(
        "save_package",
        json!({ "offerId": offer["id"], "input": package.clone() }),
    );
    assert_eq!(saved["economics"]["slots_over_capacity"], true);
    package["utilization_percent"] = json!(0);
    let err = h.err("save_package", json!({ "offerId": offer["id"], "input": package }));
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("out_of_range"), Some("utilization_percent"))
    );
    let mut pilot = view["pilot"].clone();
    pilot["clients"] = json!(4);
    let err = h.err("save_pilot", json!({ "offerId": offer["id"], "input": pilot.clone() }));
    assert_eq!(err["field"], "clients");
    assert_eq!(err["message"], "Please enter a number from 1 to 3.");
    pilot["clients"] = json!(2);
    pilot["decision"] = json!("go");
    h.ok("save_pilot", json!({ "offerId": offer["id"], "input": pilot }));
    let candidate = h.ok("list_candidates", json!({}))[0].clone();
    assert_eq!(candidate["status"], "chosen");
}

#[test]
fn onepager_preview_shape_and_the_too_long_error() {
    let h = harness();
    let candidate = h.ok("create_candidate", json!({ "input": candidate_input() }));
    h.ok("set_language", json!({ "language": "ja" }));
    let offer = h.ok("draft_offer", json!({ "candidateId": candidate["id"] }));
    let preview = h.ok("onepager_preview", json!({ "offerId": offer["id"], "paper": "a4" }));
    assert_eq!(keys(&preview), ["lang", "paper", "size_pt", "svg"]);
    assert_eq!(
        (preview["lang"].as_str(), preview["paper"].as_str()),
        (Some("ja"), Some("a4"))
    );
    assert!(preview["svg"].as_str().unwrap().starts_with("<svg"));
    let english = h.ok(
        "onepager_preview",
        json!({ "offerId": offer["id"], "paper": "letter", "lang": "en" }),
    );
    assert_eq!(english["lang"], "en");
    let err = h.err("onepager_preview", json!({ "offerId": offer["id"], "paper": "b5" }));
    assert!(
        err.as_str().is_some_and(|m| m.contains("b5")),
        "an unknown paper is refused: {err}"
    );

    let mut input = offer.clone();
    input["deliverables"] = json!((0..20)
        .map(|i| json!({ "name": format!("{i} とても長い納品物の名前をここに書いて一行を超えるようにしておきます。さらに続けて書きます"), "quantity_per_month": 1, "turnaround_days": 1, "hours_each": "1" }))
        .collect::<Vec<_>>());
    input["out_of_scope"] = json!((0..20)
        .map(|i| format!("{i} 含まれないものの説明をここに長く書いておきます。"))
        .collect::<Vec<_>>());
    h.ok("update_offer", json!({ "id": offer["id"], "input": input }));
    let err = h.err("onepager_preview", json!({ "offerId": offer["id"], "paper": "a4" }));
    assert_eq!(err["code"], "onepager_too_long");
    assert!(
        ["monthly", "not_included"].contains(&err["field"].as_str().unwrap()),
        "{err}"
    );
    assert!(err["message"].as_str().unwrap().contains("短くしてください"), "{err}");
}

#[test]
fn backups_shape_and_restoring_one_while_the_app_runs() {
    let h = harness();
    assert_eq!(h.ok("list_backups", json!({})), json!([]));
    h.ok("create_candidate", json!({ "input": candidate_input() }));
    let taken = h.ok("backup_now", json!({}));
    assert_eq!(keys(&taken), ["bytes", "file_name", "path", "reason", "taken_at"]);
    assert_eq!(taken["reason"], "manual");
    let mut second = candidate_input();
    second["name"] = json!("二件目");
    h.ok("create_candidate", json!({ "input": second }));
    assert_eq!(h.ok("list_candidates", json!({})).as_array().unwrap().len(), 2);
    h.ok("restore_backup", json!({ "fileName": taken["file_name"] }));
    // The app keeps working on the restored file.
    assert_eq!(h.ok("list_candidates", json!({})).as_array().unwrap().len(), 1);
    let reasons: Vec<Value> = h
        .ok("list_backups", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["reason"].clone())
        .collect();
    assert!(reasons.contains(&json!("before_restore")), "{reasons:?}");
    let err = h.err("restore_backup", json!({ "fileName": "offerwright-missing.sqlite3" }));
    assert_eq!(err["code"], "not_found");
    assert_eq!(
        h.ok("list_candidates", json!({})).as_array().unwrap().len(),
        1,
        "a failed restore changes nothing"
    );
}

#[test]
fn a_damaged_database_is_reported_and_a_backup_brings_the_app_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.sqlite3");
    let backup_name = {
        let mut db = offerwright_core::Database::open(&path).unwrap();
        offerwright_core::app::examples::load_example(&mut db, offerwright_core::Lang::En, chrono::Utc::now()).unwrap();
        for i in 0..100 {
            let draft = offerwright_core::domain::candidate::CandidateFields::try_from(
                &offerwright_core::domain::input::CandidateInput {
                    name: format!("filler {i}"),
                    ..Default::default()
                },
            )
            .unwrap();
            db.create_candidate(&draft, chrono::Utc::now()).unwrap();
        }
        db.backup(
            offerwright_core::storage::backup::BackupReason::Manual,
            chrono::Utc::now(),
        )
        .unwrap()
        .file_name
    };
    let mut bytes = std::fs::read(&path).unwrap();
    let pages = bytes.len() / 4096;
    for p in pages / 2..pages {
        bytes[p * 4096..p * 4096 + 16].fill(0x5a);
    }
    std::fs::write(&path, &bytes).unwrap();
    let h = harness_at(&path, dir);
    let state = h.ok("app_state", json!({}));
    assert_eq!(state["database_error"]["code"], "database_corrupt");
    assert_eq!(h.err("list_candidates", json!({}))["code"], "database_corrupt");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "left untouched");
    let backups = h.ok("list_backups", json!({}));
    assert_eq!(backups[0]["file_name"], backup_name);
    h.ok("restore_backup", json!({ "fileName": backup_name }));
    assert_eq!(h.ok("list_candidates", json!({})).as_array().unwrap().len(), 103);
    assert_eq!(h.ok("app_state", json!({}))["database_error"], Value::Null);
}

#[test]
fn problem_inbox_shape_grouping_promotion_and_errors() {
    let h = harness();
    h.ok("set_language", json!({ "language": "ja" }));
    let problem = |words: &str| {
        json!({ "words": words, "kind": "asked", "source": "友人", "audience": "大阪の個人歯科医院",
                "platform": "Instagram", "seen_on": "2026-11-02", "recurrence": "weekly",
                "importance": 8, "satisfaction": 3, "notes": "" })
    };
    let a = h.ok("create_problem", json!({ "input": problem("動画の担当者がいない") }));
    assert_eq!(
        keys(&a),
        [
            "audience",
            "candidate_id",
            "created_at",
            "id",
            "importance",
            "kind",
            "notes",
            "opportunity",
            "platform",
            "recurrence",
            "revision",
            "same_as",
            "satisfaction",
            "seen_on",
            "source",
            "updated_at",
            "words"
        ]
    );
    assert_eq!(a["opportunity"], 13);
    let b = h.ok("create_problem", json!({ "input": problem("動画の担当者がいません") }));
    let inbox = h.ok("problem_inbox", json!({}));
    assert_eq!(keys(&inbox), ["groups", "suggestions"]);
    assert_eq!(
        keys(&inbox["groups"][0]),
        ["candidate_id", "lead", "members", "opportunity", "times_heard"]
    );
    assert_eq!(keys(&inbox["suggestions"][0]), ["id", "same_as", "similarity_percent"]);
    h.ok("group_problems", json!({ "id": b["id"], "sameAs": a["id"] }));
    assert_eq!(h.ok("problem_inbox", json!({}))["groups"][0]["times_heard"], 2);

    let mut bad = problem("x");
    bad["satisfaction"] = json!(11);
    let err = h.err(
        "update_problem",
        json!({ "id": a["id"], "input": bad, "revision": a["revision"] }),
    );
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("out_of_range"), Some("satisfaction"))
    );
    assert!(err["message"].as_str().unwrap().contains("10"));

    let candidate = h.ok("promote_problem", json!({ "id": a["id"] }));
    assert_eq!(candidate["problem"], "動画の担当者がいない");
    assert_eq!(candidate["audience"], "大阪の個人歯科医院");
    assert!(candidate["notes"].as_str().unwrap().starts_with("困りごと一覧から"));
    assert_eq!(
        h.ok("problem_inbox", json!({}))["groups"][0]["candidate_id"],
        candidate["id"]
    );

    h.ok("delete_problem", json!({ "id": b["id"] }));
    assert_eq!(h.ok("problem_inbox", json!({}))["groups"][0]["times_heard"], 1);
    h.ok("restore_problem", json!({ "id": b["id"] }));
    h.ok("ungroup_problem", json!({ "id": b["id"] }));
    h.ok("mark_problems_distinct", json!({ "id": b["id"], "other": a["id"] }));
    let inbox = h.ok("problem_inbox", json!({}));
    assert_eq!(inbox["groups"].as_array().unwrap().len(), 2);
    assert!(inbox["suggestions"].as_array().unwrap().is_empty());

    let path = h.ok("path_progress", json!({}));
    assert_eq!(keys(&path), ["next", "steps"]);
    assert_eq!(path["next"], "candidates");
    assert_eq!(keys(&path["steps"][0]), ["done", "missing", "step"]);
    let steps: Vec<&str> = path["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        ["problems", "candidates", "compare", "offer", "onepager", "pilot"]
    );
}

#[test]
fn versions_shape_comparison_and_restore() {
    let h = harness();
    let candidate = h.ok("create_candidate", json!({ "input": candidate_input() }));
    let offer = h.ok("draft_offer", json!({ "candidateId": candidate["id"] }));
    let v1 = h.ok("take_version", json!({ "offerId": offer["id"], "label": "最初の案" }));
    assert_eq!(
        keys(&v1),
        ["content", "created_at", "id", "label", "offer_id", "reason"]
    );
    assert_eq!(
        (v1["reason"].as_str(), v1["label"].as_str()),
        (Some("manual"), Some("最初の案"))
    );
    assert_eq!(keys(&v1["content"]), ["offer", "package", "pilot"]);

    let err = h.err(
        "take_version",
        json!({ "offerId": offer["id"], "label": "x".repeat(81) }),
    );
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("too_long"), Some("label"))
    );

    let mut input = offer.clone();
    input["title"] = json!("新しいタイトル");
    h.ok("update_offer", json!({ "id": offer["id"], "input": input }));
    let rows = h.ok(
        "compare_versions",
        json!({ "offerId": offer["id"], "before": v1["id"], "after": null }),
    );
    assert_eq!(keys(&rows[0]), ["after", "before", "changed", "field"]);
    let changed: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["changed"] == true)
        .map(|r| r["field"].as_str().unwrap())
        .collect();
    assert_eq!(changed, ["title"]);

    let restored = h.ok("restore_version", json!({ "id": v1["id"] }));
    assert_eq!(restored["title"], offer["title"]);
    let list = h.ok("list_versions", json!({ "offerId": offer["id"] }));
    assert_eq!(list[0]["reason"], "before_restore");
    assert_eq!(list[0]["content"]["offer"]["title"], "新しいタイトル");
    let renamed = h.ok("label_version", json!({ "id": v1["id"], "label": "v1" }));
    assert_eq!(renamed["label"], "v1");
}

//! The CLI as a script would use it: real processes on temp databases.

use std::path::Path;
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_offerwright-cli"))
        .args(args)
        .env_remove("OFFERWRIGHT_DB")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the CLI runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write_example(dir: &Path, lang: offerwright_core::Lang) -> String {
    let path = dir.join(format!("example-{}.json", lang.as_str()));
    std::fs::write(&path, offerwright_core::app::examples::example_file(lang)).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn import_list_export_import_export_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.sqlite3");
    let a = a.to_str().unwrap();
    let ja = write_example(dir.path(), offerwright_core::Lang::Ja);
    let out = cli(&["--db", a, "import", &ja]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("candidates: 3"), "{}", text(&out.stdout));

    let out = cli(&["--db", a, "list"]);
    assert!(out.status.success());
    let listing = text(&out.stdout);
    assert!(listing.contains("歯科医院のInstagramリール制作"), "{listing}");
    assert!(listing.contains("¥55,000 / month"), "{listing}");
    assert!(listing.contains("#1 "), "{listing}");
    // The problem inbox, highest opportunity first, with its duplicates counted.
    assert!(
        listing.contains(" 14/20  院内に動画を撮って投稿する人がいない  ×2"),
        "{listing}"
    );

    let first = dir.path().join("first.json");
    assert!(cli(&["--db", a, "export", "--out", first.to_str().unwrap()])
        .status
        .success());
    let b = dir.path().join("b.sqlite3");
    let b = b.to_str().unwrap();
    assert!(cli(&["import", first.to_str().unwrap(), "--db", b]).status.success());
    let second = dir.path().join("second.json");
    assert!(cli(&["--db", b, "export", "--out", second.to_str().unwrap()])
        .status
        .success());
    assert_eq!(std::fs::read(&first).unwrap(), std::fs::read(&second).unwrap());
}

#[test]
fn list_json_is_machine_readable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let en = write_example(dir.path(), offerwright_core::Lang::En);
    assert!(cli(&["--db", db.to_str().unwrap(), "import", &en]).status.success());
    let out = cli(&["--db", db.to_str().unwrap(), "list", "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["candidates"].as_array().unwrap().len(), 3);
    assert_eq!(value["offers"][0]["price_display"], "$450.00");
    assert_eq!(value["problems"][0]["times_heard"], 2);
    assert_eq!(value["path"]["steps"].as_array().unwrap().len(), 6);
}

#[test]
fn a_bad_file_changes_nothing_and_says_where_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let db = db.to_str().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"format\": \"offerwright\",\n  \"version\": 1,\n  \"candidates\": [ {\"ref\": \"c\", \"name\": 5} ]\n}\n").unwrap();
    let out = cli(&["--db", db, "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("line 4"), "{}", text(&out.stderr));
    let out = cli(&["--db", db, "--lang", "ja", "import", bad.to_str().unwrap()]);
    assert!(text(&out.stderr).contains("4行"), "{}", text(&out.stderr));
    let listing = text(&cli(&["--db", db, "list"]).stdout);
    assert!(listing.contains("(none)"), "{listing}");
}

#[test]
fn a_missing_database_or_command_is_a_usage_error() {
    let out = cli(&["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--db PATH"));
    let out = cli(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("Usage:"));
}

#[test]
fn help_exits_zero_and_an_unknown_command_with_help_is_refused() {
    let out = cli(&["--help", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).contains("Usage: offerwright-cli"),
        "{}",
        text(&out.stdout)
    );
    let out = cli(&["help", "export", "--lang", "ja"]);
    assert_eq!(out.status.code(), Some(0));
    let said = text(&out.stdout);
    assert!(
        said.contains("使い方: offerwright-cli export") && said.contains("--candidate"),
        "{said}"
    );
    // Before clap, `kit --help` printed the general help and exited 0.
    let out = cli(&["kit", "--help", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("unknown command `kit`"),
        "{}",
        text(&out.stderr)
    );
    let out = cli(&["list", "--frob", "--lang", "ja"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("「--frob」というオプションはありません"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite3");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA user_version = 42;").unwrap();
    drop(conn);
    let out = cli(&["--db", path.to_str().unwrap(), "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("newer Offerwright"), "{}", text(&out.stderr));
}

#[test]
fn check_exits_zero_when_ready_one_when_not_two_when_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let ja = write_example(dir.path(), offerwright_core::Lang::Ja);
    let out = cli(&["check", &ja]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains(": ready"), "{}", text(&out.stdout));

    let vague = dir.path().join("vague-offer.json");
    std::fs::write(
        &vague,
        r#"{"title":"SNS運用代行","promise":"何でもやります","deliverables":[{"name":"投稿 使い放題","quantity_per_month":0}],
            "price":"","currency":"JPY","minimum_term_months":3,"success_metric":"フォロワー","contact":""}"#,
    )
    .unwrap();
    let out = cli(&["check", vague.to_str().unwrap(), "--lang", "ja"]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    for expected in [
        "未完成",
        "[要修正] 「promise」：範囲がなく",
        "[要修正] 納品物1件目の「quantity_per_month」：",
        "[要修正] 「success_metric」：いいね・フォロワー",
        "[要修正] 「price」：",
    ] {
        assert!(report.contains(expected), "{expected} in {report}");
    }
    // Rule codes are for scripts: in --json, not in the sentences.
    assert!(!report.contains("open_ended") && !report.contains("vanity_metric"), "{report}");
    let json = text(&cli(&["check", vague.to_str().unwrap(), "--lang", "ja", "--json"]).stdout);
    for code in ["open_ended", "vanity_metric", "missing_price"] {
        assert!(json.contains(&format!("\"{code}\"")), "{code} in {json}");
    }

    let out = cli(&["check", vague.to_str().unwrap(), "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value[0]["kind"], "offer");
    assert_eq!(value[0]["report"]["ready"], false);

    let planned = dir.path().join("planned-offer.json");
    std::fs::write(
        &planned,
        r#"{"title":"Reels","promise":"8 booked calls a month","price":"300","currency":"USD","minimum_term_months":3,
            "deliverables":[{"name":"Reel","quantity_per_month":4,"hours_each":"2"}],"out_of_scope":["Ads"],
            "success_metric":"8 booked calls per month","contact":"a@example.com",
            "package":{"founder_hours":20,"utilization_percent":50,"slots":5},"pilot":{"clients":5,"months":1}}"#,
    )
    .unwrap();
    let out = cli(&["check", planned.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    assert!(
        report.contains("not ready (2 to fix)")
            && report.contains("[fix] “slots”: You promise more slots")
            && report.contains("[fix] “clients”:"),
        "{report}"
    );

    let candidate = dir.path().join("candidate.json");
    std::fs::write(
        &candidate,
        r#"{"name":"Reels","platform":"Instagram and TikTok","audience":"Everyone"}"#,
    )
    .unwrap();
    let out = cli(&["check", candidate.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("[fix] “audience”:"), "{}", text(&out.stdout));

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\n  \"title\": \n").unwrap();
    let out = cli(&["check", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("line 3"), "{}", text(&out.stderr));
    let out = cli(&["check", dir.path().join("missing.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let other = dir.path().join("other.json");
    std::fs::write(&other, "[1, 2]").unwrap();
    assert_eq!(cli(&["check", other.to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn compare_prints_the_ranking_and_how_robust_first_place_is() {
    let dir = tempfile::tempdir().unwrap();
    let en = write_example(dir.path(), offerwright_core::Lang::En);
    let out = cli(&["compare", &en]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    for expected in [
        "Ranking (raw scores)",
        "#1 ",
        "First: Listing photos for Etsy candle makers",
        "Weight that would flip first place",
        "samples (seed 2026)",
    ] {
        assert!(report.contains(expected), "{expected} in {report}");
    }
    let out = cli(&["compare", &en, "--json", "--evidence"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["mode"], "evidence");
    assert_eq!(value["robustness"]["samples"], 10_000);
    let shares: f64 = value["robustness"]["win_shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["percent"].as_f64().unwrap())
        .sum();
    assert!((shares - 100.0).abs() < 0.5, "{shares}");
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{").unwrap();
    assert_eq!(cli(&["compare", broken.to_str().unwrap()]).status.code(), Some(1));
}

#[test]
fn plan_prints_economics_and_pilot_dates() {
    let dir = tempfile::tempdir().unwrap();
    let ja = write_example(dir.path(), offerwright_core::Lang::Ja);
    let out = cli(&["plan", &ja, "--lang", "ja"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(
        report.contains("月額55,000円（税別）なら、3人まで対応できます。目標には6人が必要です。"),
        "{report}"
    );
    assert!(report.contains("2027年1月31日 〜 2027年4月30日"), "{report}");
    let one = dir.path().join("offer.json");
    std::fs::write(
        &one,
        r#"{"title":"Reels","price":"300","currency":"USD","minimum_term_months":3,
            "deliverables":[{"name":"Reel","quantity_per_month":4,"hours_each":"2"}],
            "package":{"founder_hours":60,"utilization_percent":70,"target_income":"3000","slots":9,"hourly_floor":"50"},
            "pilot":{"clients":4,"start":"2027-01-31","months":1}}"#,
    )
    .unwrap();
    let out = cli(&["plan", one.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value[0]["plan"]["economics"]["slots_over_capacity"], true);
    assert_eq!(value[0]["plan"]["economics"]["below_floor"], true);
    // A pilot of 4 clients does not read, so it has no schedule.
    assert_eq!(value[0]["plan"]["schedule"], serde_json::Value::Null);
    let out = cli(&["plan", one.to_str().unwrap()]);
    assert!(text(&out.stdout).contains("The slots promised exceed capacity."));
}

/// Pages and size as poppler's pdfinfo reads them: an outside check of the PDF.
fn pdf_pages_and_size(pdf: &Path) -> (u32, String) {
    let out = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) runs");
    let info = text(&out.stdout);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("not a PDF: {info}"));
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap_or("")
        .trim()
        .to_string();
    (pages, size)
}

#[test]
fn onepager_writes_a_one_page_pdf_or_svg_in_either_language_and_paper() {
    let dir = tempfile::tempdir().unwrap();
    let ja = write_example(dir.path(), offerwright_core::Lang::Ja);
    let pdf = dir.path().join("ja.pdf");
    let out = cli(&["onepager", &ja, "--out", pdf.to_str().unwrap(), "--lang", "ja"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("1枚"), "{}", text(&out.stdout));
    let (pages, size) = pdf_pages_and_size(&pdf);
    assert_eq!(pages, 1);
    assert!(size.starts_with("595.") && size.contains("x 841."), "A4: {size}");

    let letter = dir.path().join("en.pdf");
    let out = cli(&[
        "onepager",
        &ja,
        "--out",
        letter.to_str().unwrap(),
        "--lang",
        "en",
        "--paper",
        "letter",
        "--offer",
        "1",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (pages, size) = pdf_pages_and_size(&letter);
    assert_eq!(pages, 1);
    assert!(size.starts_with("612 x 792"), "Letter: {size}");

    let svg = dir.path().join("ja.svg");
    let out = cli(&["onepager", &ja, "--out", svg.to_str().unwrap(), "--svg"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));

    let out = cli(&[
        "onepager",
        &ja,
        "--out",
        pdf.to_str().unwrap(),
        "--offer",
        "9",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("There is no offer 9"),
        "{}",
        text(&out.stderr)
    );
    let out = cli(&[
        "onepager",
        &ja,
        "--out",
        pdf.to_str().unwrap(),
        "--paper",
        "b5",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--paper takes a4 or letter"));
}

#[test]
fn onepager_refuses_a_page_that_cannot_fit_and_names_the_section() {
    let dir = tempfile::tempdir().unwrap();
    let long_item = |i: usize| format!("{i} A deliverable whose name is as long as the app allows, eighty chars");
    let deliverables: Vec<serde_json::Value> = (0..20)
        .map(|i| serde_json::json!({ "name": long_item(i), "quantity_per_month": 1, "turnaround_days": 1, "hours_each": "1" }))
        .collect();
    let file = dir.path().join("long.json");
    std::fs::write(
        &file,
        serde_json::json!({
            "format": "offerwright", "version": 1,
            "offers": [{ "ref": "o1", "title": "Too much", "deliverables": deliverables, "price": "300", "currency": "USD", "minimum_term_months": 3 }]
        })
        .to_string(),
    )
    .unwrap();
    let pdf = dir.path().join("long.pdf");
    let out = cli(&[
        "onepager",
        file.to_str().unwrap(),
        "--out",
        pdf.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("Shorten “what you get each month”"),
        "{}",
        text(&out.stderr)
    );
    assert!(!pdf.exists(), "nothing is written");
}

#[test]
fn backups_are_listed_taken_and_restored_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let db = db.to_str().unwrap();
    let ja = write_example(dir.path(), offerwright_core::Lang::Ja);
    assert!(cli(&["--db", db, "import", &ja]).status.success());
    assert!(text(&cli(&["--db", db, "backups"]).stdout).contains("No backups yet"));
    let taken = cli(&["--db", db, "backup"]);
    assert!(taken.status.success(), "{}", text(&taken.stderr));
    let name = Path::new(text(&taken.stdout).trim())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        cli(&["--db", db, "import", &ja]).status.success(),
        "a second import doubles the candidates"
    );
    let listed: serde_json::Value = serde_json::from_slice(&cli(&["--db", db, "backups", "--json"]).stdout).unwrap();
    assert_eq!(listed[0]["file_name"], name.as_str());
    let restored = cli(&["--db", db, "restore", &name]);
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    let list: serde_json::Value = serde_json::from_slice(&cli(&["--db", db, "list", "--json"]).stdout).unwrap();
    assert_eq!(list["candidates"].as_array().unwrap().len(), 3, "back to one import");
    let missing = cli(&["--db", db, "restore", "offerwright-nope.sqlite3"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn one_offer_or_candidate_can_be_exported_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let db = db.to_str().unwrap();
    let en = write_example(dir.path(), offerwright_core::Lang::En);
    assert!(cli(&["--db", db, "import", &en]).status.success());
    let list: serde_json::Value = serde_json::from_slice(&cli(&["--db", db, "list", "--json"]).stdout).unwrap();
    let offer_id = list["offers"][0]["id"].as_i64().unwrap().to_string();
    let out = dir.path().join("one.json");
    let done = cli(&[
        "--db",
        db,
        "export",
        "--out",
        out.to_str().unwrap(),
        "--offer",
        &offer_id,
    ]);
    assert!(done.status.success(), "{}", text(&done.stderr));
    let file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(
        (
            file["offers"].as_array().unwrap().len(),
            file["candidates"].as_array().unwrap().len()
        ),
        (1, 1)
    );
}

#[test]
fn messages_name_the_place_once_in_the_files_own_terms() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let db = db.to_str().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"format\":\"offerwright\",\"version\":2,\n \"candidates\":[{\"ref\":\"c\",\"name\":\"x\",\"scores\":{\"reach\":9}}]}",
    )
    .unwrap();
    let said = text(&cli(&["--db", db, "import", bad.to_str().unwrap()]).stderr);
    assert_eq!(said.matches("Candidate 1, scores, “reach”").count(), 1, "{said}");
    assert!(
        !said.contains("scores.1") && !said.contains("scores.2"),
        "no database ids: {said}"
    );
    // A key given twice is reported where it repeats.
    std::fs::write(
        &bad,
        "{\"format\":\"offerwright\",\"version\":2,\n\"candidates\":[\n {\"ref\":\"c\",\n  \"name\":\"x\",\n  \"name\":\"y\"\n }\n]}\n",
    )
    .unwrap();
    let said = text(&cli(&["--db", db, "import", bad.to_str().unwrap()]).stderr);
    assert!(said.contains("Candidate 1, “name” (line 5)"), "{said}");
    let out = cli(&["--db", db, "export", "--out", "x.json", "--candidate", "abc"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("--candidate takes"),
        "{}",
        text(&out.stderr)
    );
    let out = cli(&["--db", db, "export", "--out", "x.json", "--offer", "99"]);
    assert!(
        text(&out.stderr).contains("no offer with id 99"),
        "{}",
        text(&out.stderr)
    );
    let out = cli(&["--db", db, "restore", "nope.sqlite3"]);
    assert!(
        text(&out.stderr).contains("no backup named “nope.sqlite3”"),
        "{}",
        text(&out.stderr)
    );
    let ja = write_example(dir.path(), offerwright_core::Lang::Ja);
    let out = cli(&["--db", db, "import", &ja]);
    assert!(text(&out.stdout).contains("problems: 4"), "{}", text(&out.stdout));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let db = db.to_str().unwrap();
    let ja = write_example(dir.path(), offerwright_core::Lang::Ja);
    assert!(cli(&["--db", db, "import", &ja]).status.success());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_offerwright-cli"))
        .args(["--db", db, "list"])
        .env_remove("OFFERWRIGHT_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Like `| head -0`: the reader is gone before anything is written.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn check_reads_every_file_that_import_reads() {
    let dir = tempfile::tempdir().unwrap();
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let file = dir.path().join("deep.json");
    let db = dir.path().join("w.sqlite3");
    for n in [100, 120, 124] {
        std::fs::write(
            &file,
            format!(
                r#"{{"format":"offerwright","version":2,"offers":[{{"ref":"o","title":"x","price":"100","currency":"JPY","minimum_term_months":3,"package":{{"extra":{}}}}}]}}"#,
                deep(n)
            ),
        )
        .unwrap();
        let imported = cli(&["--db", db.to_str().unwrap(), "import", file.to_str().unwrap()]);
        let checked = cli(&["check", file.to_str().unwrap()]);
        // Whatever import reads past (it may then refuse a value), check reads too.
        let import_read_it = !text(&imported.stderr).contains("recursion limit");
        assert!(import_read_it, "depth {n} is within what import reads");
        assert_ne!(checked.status.code(), Some(2), "depth {n}: {}", text(&checked.stderr));
    }
}

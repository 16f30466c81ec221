//! Export and import of the whole workspace as JSON.

use chrono::{TimeZone, Utc};
use offerwright_core::analysis::compare;
use offerwright_core::app::examples::load_example;
use offerwright_core::app::exchange::{export_json, import_json};
use offerwright_core::{Database, ErrorCode, Lang};

fn db_in(dir: &tempfile::TempDir, name: &str) -> Database {
    Database::open(&dir.path().join(name)).unwrap()
}

#[test]
fn both_example_sets_load_with_scored_candidates_and_an_offer() {
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
    for lang in [Lang::Ja, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let mut db = db_in(&dir, "w.sqlite3");
        let summary = load_example(&mut db, lang, now).unwrap();
        assert_eq!((summary.candidates, summary.offers), (3, 1));
        let candidates = db.list_candidates().unwrap();
        assert!(candidates.iter().all(|c| c.fields.scores.len() == 8));
        let offer = &db.list_offers().unwrap()[0];
        assert_eq!(offer.fields.candidate_id, Some(candidates[0].id));
        assert!(offer.fields.deliverables.len() >= 2);
        let cmp = compare::compare(
            &candidates,
            &db.list_criteria().unwrap(),
            lang,
            offerwright_core::domain::evidence::Mode::Raw,
        );
        assert_eq!(cmp.candidates.len(), 3);
        assert!(cmp.candidates[0].total.tenths() > 0);
    }
}

#[test]
fn export_import_export_is_byte_identical() {
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut a = db_in(&dir, "a.sqlite3");
    load_example(&mut a, Lang::Ja, now).unwrap();
    load_example(&mut a, Lang::En, now).unwrap();
    let first = export_json(&a).unwrap();
    let mut b = db_in(&dir, "b.sqlite3");
    import_json(&mut b, &first, Utc::now()).unwrap();
    let second = export_json(&b).unwrap();
    assert_eq!(first, second);
    assert!(first.contains("\"version\": 2"));
    assert!(first.contains("歯科医院"));
}

#[test]
fn a_bad_record_rolls_back_the_whole_import_and_names_its_place() {
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut db = db_in(&dir, "w.sqlite3");
    let text = offerwright_core::app::examples::example_file(Lang::En)
        .replace("\"minimum_term_months\": 3", "\"minimum_term_months\": 99");
    let err = import_json(&mut db, &text, now).unwrap_err();
    assert_eq!(err.code(), ErrorCode::OutOfRange);
    assert_eq!(err.field(), Some("offers[0].minimum_term_months"));
    assert!(
        db.is_empty().unwrap(),
        "the candidates before the bad offer must not stay"
    );
}

#[test]
fn broken_json_reports_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db_in(&dir, "w.sqlite3");
    let err = import_json(
        &mut db,
        "{\n  \"format\": \"offerwright\",\n  \"version\": 1,\n  oops\n}",
        Utc::now(),
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::BadJson);
    assert!(err.message(Lang::En).contains("line 4"), "{}", err.message(Lang::En));
    assert!(err.message(Lang::Ja).starts_with("4行目3文字目で、JSONの書き方が崩れています"), "{}", err.message(Lang::Ja));
    let cut = import_json(&mut db, "{\n  \"format\": \"offerwright\",\n  \"version\": 2,\n  \"offers\": [", Utc::now())
        .unwrap_err();
    assert!(cut.message(Lang::Ja).starts_with("ファイルが4行目"), "{}", cut.message(Lang::Ja));
    assert!(cut.message(Lang::Ja).contains("途中で終わっています"), "{}", cut.message(Lang::Ja));
}

#[test]
fn a_file_from_a_newer_format_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db_in(&dir, "w.sqlite3");
    let err = import_json(
        &mut db,
        r#"{"format":"offerwright","version":3,"candidates":"changed shape"}"#,
        Utc::now(),
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::UnsupportedFormat);
    // A version 1 file (before the problem inbox) is still read.
    let summary = import_json(
        &mut db,
        r#"{"format":"offerwright","version":1,"candidates":[{"ref":"candidate-1","name":"Old file"}]}"#,
        Utc::now(),
    )
    .unwrap();
    assert_eq!((summary.candidates, summary.problems), (1, 0));
    let err = import_json(&mut db, r#"{"format":"something-else","version":1}"#, Utc::now()).unwrap_err();
    assert_eq!(err.field(), Some("format"));
    assert!(err.message(Lang::Ja).starts_with("Offerwrightで書き出したファイルではありません"), "{}", err.message(Lang::Ja));
}

#[test]
fn a_score_for_an_unknown_criterion_reference_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db_in(&dir, "w.sqlite3");
    let text = r#"{"format":"offerwright","version":1,"candidates":[{"ref":"c1","name":"A","scores":{"charisma":3}}]}"#;
    let err = import_json(&mut db, text, Utc::now()).unwrap_err();
    assert_eq!(err.field(), Some("candidates[0].scores.charisma"));
}

/// The JSON Schema in docs/ describes exactly what export writes: every
/// export is valid against it (checked by the jsonschema crate; the schema
/// forbids properties it does not declare), and every property it declares
/// appears in an export of fully filled records.
mod schema {
    use super::*;
    use serde_json::Value;

    const SCHEMA: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/offerwright.schema.json"
    ));

    /// Where each of the schema's definitions appears in an export.
    const PLACES: [(&str, &str); 9] = [
        ("file", ""),
        ("criterion", "/criteria/*"),
        ("candidate", "/candidates/*"),
        ("outcome", "/candidates/*/outcome"),
        ("offer", "/offers/*"),
        ("deliverable", "/offers/*/deliverables/*"),
        ("package", "/offers/*/package"),
        ("pilot", "/offers/*/pilot"),
        ("problem", "/problems/*"),
    ];

    /// The values at `place` (a JSON pointer where `*` is every item).
    fn values_at<'a>(value: &'a Value, place: &str) -> Vec<&'a Value> {
        let mut here = vec![value];
        for step in place.split('/').skip(1) {
            here = here
                .into_iter()
                .flat_map(|v| match (step, v) {
                    ("*", Value::Array(items)) => items.iter().collect::<Vec<_>>(),
                    (key, v) => v.get(key).into_iter().collect(),
                })
                .collect();
        }
        here
    }

    /// A workspace with every kind of record, every optional part filled.
    fn full_exports() -> Vec<Value> {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let mut exports = Vec::new();
        for lang in [Lang::Ja, Lang::En] {
            let dir = tempfile::tempdir().unwrap();
            let mut db = db_in(&dir, "w.sqlite3");
            load_example(&mut db, lang, now).unwrap();
            // A removed built-in criterion, so `removed` is covered too.
            let last = db.list_criteria().unwrap().last().unwrap().id;
            db.delete_criterion(last, now).unwrap();
            // A criterion of the user's own, so custom criteria are covered too.
            let mut file: Value = serde_json::from_str(&export_json(&db).unwrap()).unwrap();
            file["criteria"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({ "ref": "custom-1", "name": "Fun", "weight": 2 }));
            file["candidates"][0]["scores"]["custom-1"] = 4.into();
            file["offers"][0]["pilot"] = serde_json::json!({ "clients": 2, "price": "1000", "start": "2027-01-31", "months": 2,
                "we_believe": "a", "we_will_test": "b", "we_measure": "c", "right_if": "d", "observed": "e", "learned": "f", "decision": "go" });
            let dir2 = tempfile::tempdir().unwrap();
            let mut full = db_in(&dir2, "full.sqlite3");
            import_json(&mut full, &file.to_string(), now).unwrap();
            exports.push(serde_json::from_str(&export_json(&full).unwrap()).unwrap());
        }
        exports
    }

    #[test]
    fn exports_fit_the_documented_schema_and_the_schema_has_nothing_extra() {
        let root: Value = serde_json::from_str(SCHEMA).unwrap();
        let validator = jsonschema::validator_for(&root).expect("the schema is a valid JSON Schema");
        let exports = full_exports();
        for exported in &exports {
            let errors: Vec<String> = validator
                .iter_errors(exported)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "the export breaks the schema:\n{}",
                errors.join("\n")
            );
        }
        for (name, place) in PLACES {
            let def = if name == "file" { &root } else { &root["$defs"][name] };
            let declared = def["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{name} has properties"));
            for key in declared.keys() {
                assert!(
                    exports
                        .iter()
                        .flat_map(|e| values_at(e, place))
                        .any(|v| v.get(key).is_some()),
                    "the schema declares {name}.{key}, which export never writes"
                );
            }
        }
        let defs = root["$defs"].as_object().unwrap();
        for name in defs.keys().filter(|k| defs[*k].get("properties").is_some()) {
            assert!(PLACES.iter().any(|(n, _)| n == name), "{name} is not placed in PLACES");
        }
    }

    /// The schema refuses what export never writes, so the check above can fail.
    #[test]
    fn the_schema_refuses_an_undeclared_property_and_a_wrong_type() {
        let root: Value = serde_json::from_str(SCHEMA).unwrap();
        let validator = jsonschema::validator_for(&root).unwrap();
        let mut exported = full_exports().remove(0);
        assert!(validator.is_valid(&exported));
        exported["offers"][0]["colour"] = "red".into();
        assert!(!validator.is_valid(&exported));
        exported["offers"][0].as_object_mut().unwrap().remove("colour");
        exported["candidates"][0]["scores"]["pain"] = 9.into();
        assert!(!validator.is_valid(&exported));
    }
}

#[test]
fn a_single_offer_or_candidate_travels_alone_and_imports_without_touching_criteria() {
    use offerwright_core::app::exchange::{export_json_of, Selection};
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut a = db_in(&dir, "a.sqlite3");
    load_example(&mut a, Lang::En, now).unwrap();
    let offer = a.list_offers().unwrap()[0].clone();
    let text = export_json_of(&a, Selection::Offer(offer.id)).unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["offers"].as_array().unwrap().len(), 1);
    assert_eq!(file["candidates"].as_array().unwrap().len(), 1, "with its candidate");
    assert_eq!(
        file["criteria"].as_array().unwrap().len(),
        0,
        "built-in criteria are named by key only"
    );

    let mut b = db_in(&dir, "b.sqlite3");
    let weights_before: Vec<u8> = b
        .list_criteria()
        .unwrap()
        .iter()
        .map(|c| c.fields.weight.value())
        .collect();
    let summary = import_json(&mut b, &text, now).unwrap();
    assert_eq!((summary.candidates, summary.offers), (1, 1));
    let weights_after: Vec<u8> = b
        .list_criteria()
        .unwrap()
        .iter()
        .map(|c| c.fields.weight.value())
        .collect();
    assert_eq!(weights_before, weights_after);
    let imported = &b.list_offers().unwrap()[0];
    assert_eq!(imported.fields.title, offer.fields.title);
    assert_eq!(b.package(imported.id).unwrap(), a.package(offer.id).unwrap());
    assert_eq!(b.list_candidates().unwrap()[0].fields.scores.len(), 8);

    let candidate = a.list_candidates().unwrap()[2].clone();
    let text = export_json_of(&a, Selection::Candidate(candidate.id)).unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (
            file["candidates"].as_array().unwrap().len(),
            file["offers"].as_array().unwrap().len()
        ),
        (1, 0)
    );
}

#[test]
fn a_rule_broken_deep_in_a_file_is_reported_with_its_path_and_line() {
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut db = db_in(&dir, "w.sqlite3");
    load_example(&mut db, Lang::En, now).unwrap();
    let good = export_json(&db).unwrap();
    let line_of_term = good
        .lines()
        .position(|l| l.contains("\"minimum_term_months\""))
        .unwrap()
        + 1;
    let bad = good.replacen("\"minimum_term_months\": 3", "\"minimum_term_months\": 99", 1);
    let err = import_json(&mut db, &bad, now).unwrap_err();
    assert_eq!(err.code(), ErrorCode::OutOfRange);
    assert_eq!(err.field(), Some("offers[0].minimum_term_months"));
    assert!(
        err.message(Lang::En).contains(&format!("(line {line_of_term})")),
        "{}",
        err.message(Lang::En)
    );
    assert!(
        err.message(Lang::Ja).contains(&format!("{line_of_term}行目")),
        "{}",
        err.message(Lang::Ja)
    );
    // A value of the wrong type: serde's line and column, and the path.
    let wrong = good.replacen("\"minimum_term_months\": 3", "\"minimum_term_months\": \"three\"", 1);
    let err = import_json(&mut db, &wrong, now).unwrap_err();
    assert_eq!(err.code(), ErrorCode::BadJson);
    assert_eq!(err.field(), Some("offers[0].minimum_term_months"));
    assert!(
        err.message(Lang::En).contains(&format!("line {line_of_term}")),
        "{}",
        err.message(Lang::En)
    );
    // In Japanese the place reads as the record and the file's own key, and
    // what belongs there, with none of serde's English.
    assert_eq!(
        err.message(Lang::Ja),
        format!(
            "月額プラン1件目の「minimum_term_months」（{line_of_term}行目）：ここには整数（例：3）が入ります。データは変更していません。"
        )
    );
    assert_eq!(export_json(&db).unwrap(), good, "nothing changed");
}

#[test]
fn a_deleted_built_in_criterion_survives_export_import_export() {
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut a = db_in(&dir, "a.sqlite3");
    load_example(&mut a, Lang::Ja, now).unwrap();
    let pain = a.list_criteria().unwrap()[0].id;
    a.delete_criterion(pain, now).unwrap();
    let first = export_json(&a).unwrap();
    let mut b = db_in(&dir, "b.sqlite3");
    import_json(&mut b, &first, now).unwrap();
    assert_eq!(export_json(&b).unwrap(), first);
}

#[test]
fn two_records_with_one_reference_are_refused_at_the_second() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db_in(&dir, "w.sqlite3");
    let text = r#"{
  "format": "offerwright",
  "version": 2,
  "candidates": [
    {"ref": "candidate-1", "name": "First"},
    {"ref": "candidate-1", "name": "Second"}
  ],
  "offers": [{"ref": "offer-1", "candidate": "candidate-1", "title": "Reels"}]
}"#;
    let err = import_json(&mut db, text, Utc::now()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::DuplicateReference);
    assert_eq!(err.field(), Some("candidates[1].ref"));
    assert!(err.message(Lang::En).contains("line 6"), "{}", err.message(Lang::En));
    assert!(db.list_candidates().unwrap().is_empty(), "nothing imported");
}

#[test]
fn the_version_and_the_inbox_must_fit_together() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db_in(&dir, "w.sqlite3");
    let err = import_json(&mut db, r#"{"format":"offerwright","version":0}"#, Utc::now()).unwrap_err();
    assert_eq!((err.code(), err.field()), (ErrorCode::OutOfRange, Some("version")));
    let v1_with_problems = r#"{"format":"offerwright","version":1,
 "problems":[{"ref":"problem-1","words":"no one posts"}]}"#;
    let err = import_json(&mut db, v1_with_problems, Utc::now()).unwrap_err();
    assert_eq!((err.code(), err.field()), (ErrorCode::BadJson, Some("problems")));
    assert!(db.list_problems().unwrap().is_empty());
}

#[test]
fn a_file_that_starts_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db_in(&dir, "w.sqlite3");
    let text = "\u{feff}{\"format\":\"offerwright\",\"version\":2,\"candidates\":[{\"ref\":\"c\",\"name\":\"BOM\"}]}";
    assert_eq!(import_json(&mut db, text, Utc::now()).unwrap().candidates, 1);
    assert!(offerwright_core::app::exchange::parse(text).is_ok());
}

/// While one connection imports batches (each adds as many problems as
/// candidates, every problem promoted to one of them), exports from another
/// connection must each show one moment: equal counts, every link whole.
#[test]
fn an_export_is_one_moment_while_imports_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite3");
    drop(Database::open(&path).unwrap());
    let batch = {
        let n = 150;
        let candidates: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"ref":"c{i}","name":"候補{i}","notes":"{}"}}"#, "メモ".repeat(50)))
            .collect();
        let problems: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"ref":"p{i}","words":"困りごと{i}","candidate":"c{i}"}}"#))
            .collect();
        format!(
            r#"{{"format":"offerwright","version":2,"candidates":[{}],"problems":[{}]}}"#,
            candidates.join(","),
            problems.join(",")
        )
    };
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        let mut db = Database::open(&writer_path).unwrap();
        for _ in 0..12 {
            import_json(&mut db, &batch, Utc::now()).unwrap();
        }
    });
    let reader = Database::open(&path).unwrap();
    let mut exports = 0;
    while !writer.is_finished() || exports < 5 {
        let file = offerwright_core::app::exchange::export(&reader).unwrap();
        assert_eq!(file.candidates.len(), file.problems.len(), "one moment");
        assert!(file.problems.iter().all(|p| p.candidate.is_some()), "every link whole");
        exports += 1;
    }
    writer.join().unwrap();
    assert!(exports >= 5);
}

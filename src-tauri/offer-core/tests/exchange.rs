//! Export and import of the whole workspace as JSON.

use chrono::{TimeZone, Utc};
use offerwright_core::examples::load_example;
use offerwright_core::exchange::{export_json, import_json};
use offerwright_core::{compare, Database, ErrorCode, Lang};

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
        assert!(candidates.iter().all(|c| c.draft.scores.len() == 8));
        let offer = &db.list_offers().unwrap()[0];
        assert_eq!(offer.draft.candidate_id, Some(candidates[0].id));
        assert!(offer.draft.deliverables.len() >= 2);
        let cmp = compare::compare(
            &candidates,
            &db.list_criteria().unwrap(),
            lang,
            offerwright_core::evidence::Mode::Raw,
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
    assert!(first.contains("\"version\": 1"));
    assert!(first.contains("歯科医院"));
}

#[test]
fn a_bad_record_rolls_back_the_whole_import_and_names_its_place() {
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut db = db_in(&dir, "w.sqlite3");
    let text = offerwright_core::examples::example_file(Lang::En)
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
}

#[test]
fn a_file_from_a_newer_format_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db_in(&dir, "w.sqlite3");
    let err = import_json(
        &mut db,
        r#"{"format":"offerwright","version":2,"candidates":"changed shape"}"#,
        Utc::now(),
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::UnsupportedFormat);
    let err = import_json(&mut db, r#"{"format":"something-else","version":1}"#, Utc::now()).unwrap_err();
    assert_eq!(err.field(), Some("format"));
}

#[test]
fn a_score_for_an_unknown_criterion_reference_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db_in(&dir, "w.sqlite3");
    let text = r#"{"format":"offerwright","version":1,"candidates":[{"ref":"c1","name":"A","scores":{"charisma":3}}]}"#;
    let err = import_json(&mut db, text, Utc::now()).unwrap_err();
    assert_eq!(err.field(), Some("candidates[0].scores.charisma"));
}

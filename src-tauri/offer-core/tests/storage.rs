//! Storage round trips on real temp-file databases.

mod support;
use chrono::{DateTime, Utc};
use offerwright_core::app::offers;
use offerwright_core::domain::candidate::CandidateFields;
use offerwright_core::domain::criteria::CriterionFields;
use offerwright_core::domain::input::{CandidateInput, CriterionInput, DeliverableInput, OfferInput};
use offerwright_core::domain::offer::OfferFields;
use offerwright_core::storage::migrations::LATEST;
use offerwright_core::{CoreError, Database, ErrorCode, Lang};
use support::*;

fn at(hour: u32) -> DateTime<Utc> {
    november(21, hour, 0)
}

fn candidate_input(name: &str) -> CandidateInput {
    dental_candidate_ja(name)
}

#[test]
fn a_new_file_gets_the_pragmas_the_schema_and_the_default_criteria() {
    let (dir, db) = temp_db();
    assert!(dir.path().join("work.sqlite3").exists());
    assert_eq!(db.schema_version().unwrap(), LATEST);
    let criteria = db.list_criteria().unwrap();
    assert_eq!(criteria.len(), 8);
    assert_eq!(criteria[0].label(Lang::En), "Pain / urgency");
    assert_eq!(criteria[0].label(Lang::Ja), "悩みの深さ・緊急度");
    assert!(db.is_empty().unwrap());
    let raw = rusqlite::Connection::open(dir.path().join("work.sqlite3")).unwrap();
    let mode: String = raw.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_candidate_survives_update_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.sqlite3");
    let id = {
        let mut db = Database::open(&path).unwrap();
        let pain = db.list_criteria().unwrap()[0].id;
        let mut input = candidate_input("歯科医院のリール制作");
        input.scores.insert(pain.to_string(), 4);
        let created = db
            .create_candidate(&CandidateFields::try_from(&input).unwrap(), at(9))
            .unwrap();
        assert_eq!(created.revision, 1);
        input.status = "testing".into();
        let updated = db
            .update_candidate(created.id, &CandidateFields::try_from(&input).unwrap(), at(10))
            .unwrap();
        assert_eq!(updated.revision, 2);
        assert_eq!(updated.created_at, at(9));
        assert_eq!(updated.updated_at, at(10));
        created.id
    };
    let db = Database::open(&path).unwrap();
    let back = db.get_candidate(id).unwrap();
    assert_eq!(back.fields.status.as_str(), "testing");
    assert_eq!(back.fields.notes.as_str(), "一行目\n二行目");
    assert_eq!(back.fields.scores.values().next().unwrap().value(), 4);
}

#[test]
fn a_deleted_candidate_disappears_and_can_be_restored() {
    let (_dir, mut db) = temp_db();
    let c = db
        .create_candidate(&CandidateFields::try_from(&candidate_input("A")).unwrap(), at(9))
        .unwrap();
    db.delete_candidate(c.id, at(10)).unwrap();
    assert!(db.list_candidates().unwrap().is_empty());
    assert_eq!(db.get_candidate(c.id).unwrap_err().code(), ErrorCode::NotFound);
    let restored = db.restore_candidate(c.id).unwrap();
    assert_eq!(restored, c);
    assert_eq!(db.restore_candidate(c.id).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn a_score_on_an_unknown_criterion_is_rejected_and_nothing_is_stored() {
    let (_dir, mut db) = temp_db();
    let mut input = candidate_input("A");
    input.scores.insert("999".into(), 3);
    let err = db
        .create_candidate(&CandidateFields::try_from(&input).unwrap(), at(9))
        .unwrap_err();
    assert_eq!(err.field(), Some("scores.999"));
    assert!(db.list_candidates().unwrap().is_empty());
}

#[test]
fn criteria_can_be_renamed_reweighted_added_and_removed() {
    let (_dir, mut db) = temp_db();
    let first = db.list_criteria().unwrap()[0].clone();
    let renamed = db
        .update_criterion(
            first.id,
            &CriterionFields::try_from(&CriterionInput {
                name: "悩みの深さ".into(),
                weight: 10,
            })
            .unwrap(),
        )
        .unwrap();
    assert_eq!(renamed.label(Lang::En), "悩みの深さ");
    assert_eq!(renamed.fields.weight.value(), 10);
    let blank = CriterionFields::try_from(&CriterionInput {
        name: String::new(),
        weight: 3,
    })
    .unwrap();
    assert_eq!(db.add_criterion(&blank).unwrap_err().field(), Some("name"));
    let custom = db
        .add_criterion(
            &CriterionFields::try_from(&CriterionInput {
                name: "Travel time".into(),
                weight: 3,
            })
            .unwrap(),
        )
        .unwrap();
    assert_eq!(db.list_criteria().unwrap().last().unwrap().id, custom.id);
    assert_eq!(
        db.update_criterion(custom.id, &blank).unwrap_err().field(),
        Some("name")
    );
    db.delete_criterion(custom.id, at(9)).unwrap();
    assert_eq!(db.list_criteria().unwrap().len(), 8);
    db.restore_criterion(custom.id).unwrap();
    assert_eq!(db.list_criteria().unwrap().len(), 9);
}

fn offer_input(candidate_id: Option<i64>) -> OfferInput {
    OfferInput {
        candidate_id,
        title: "リール制作 月額パッケージ".into(),
        promise: "毎月8本のリールで初診予約を増やします".into(),
        deliverables: vec![
            DeliverableInput {
                name: "リール動画".into(),
                quantity_per_month: 8,
                turnaround_days: 3,
                hours_each: "1.5".into(),
            },
            DeliverableInput {
                name: "月次レポート".into(),
                quantity_per_month: 1,
                turnaround_days: 5,
                hours_each: "0.33".into(),
            },
        ],
        out_of_scope: vec!["広告の運用".into(), "撮影代行".into()],
        price: "55,000".into(),
        currency: "JPY".into(),
        minimum_term_months: 3,
        success_metric: "初診予約 8件/月".into(),
        contact: "hanako@example.jp".into(),
    }
}

#[test]
fn an_offer_keeps_its_deliverables_scope_and_exact_price() {
    let (_dir, mut db) = temp_db();
    let c = db
        .create_candidate(&CandidateFields::try_from(&candidate_input("A")).unwrap(), at(9))
        .unwrap();
    let offer = db
        .create_offer(&OfferFields::try_from(&offer_input(Some(c.id))).unwrap(), at(9))
        .unwrap();
    let back = db.get_offer(offer.id).unwrap();
    assert_eq!(back.fields.monthly_price.minor(), 55_000);
    assert_eq!(back.fields.deliverables.len(), 2);
    assert_eq!(back.fields.deliverables[1].minutes_each, 20);
    assert_eq!(back.fields.out_of_scope[1].as_str(), "撮影代行");
    let mut input = offer_input(Some(c.id));
    input.deliverables.remove(0);
    let updated = db
        .update_offer(offer.id, &OfferFields::try_from(&input).unwrap(), at(11))
        .unwrap();
    assert_eq!(updated.fields.deliverables.len(), 1);
    assert_eq!(updated.revision, 2);
    db.delete_offer(offer.id, at(12)).unwrap();
    assert!(db.list_offers().unwrap().is_empty());
    db.restore_offer(offer.id).unwrap();
    assert_eq!(db.list_offers().unwrap().len(), 1);
}

#[test]
fn an_offer_for_a_missing_candidate_is_rejected() {
    let (_dir, mut db) = temp_db();
    let err = db
        .create_offer(&OfferFields::try_from(&offer_input(Some(42))).unwrap(), at(9))
        .unwrap_err();
    assert_eq!(err.field(), Some("candidate_id"));
    assert!(db.list_offers().unwrap().is_empty());
}

#[test]
fn an_offer_is_drafted_from_a_candidate() {
    let (_dir, mut db) = temp_db();
    let c = db
        .create_candidate(
            &CandidateFields::try_from(&candidate_input("歯科医院のリール制作")).unwrap(),
            at(9),
        )
        .unwrap();
    let offer = offers::draft_offer_from_candidate(&mut db, c.id, Lang::Ja, at(10)).unwrap();
    assert_eq!(offer.fields.title.as_str(), "歯科医院のリール制作");
    assert_eq!(offer.fields.candidate_id, Some(c.id));
    assert_eq!(offer.fields.success_metric.as_str(), "初診予約：8件/月（3か月以内）");
    assert!(!db.is_empty().unwrap());
}

#[test]
fn the_language_setting_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite3");
    {
        let mut db = Database::open(&path).unwrap();
        assert_eq!(db.language().unwrap(), None);
        db.set_language(Lang::Ja).unwrap();
    }
    assert_eq!(Database::open(&path).unwrap().language().unwrap(), Some(Lang::Ja));
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite3");
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        raw.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Database::open(&path).err().unwrap();
    assert!(matches!(err, CoreError::DatabaseTooNew { found: 99, .. }));
    assert_eq!(err.code(), ErrorCode::DatabaseTooNew);
    assert!(err.message(Lang::Ja).contains("新しいバージョン"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let text = "これはデータベースではありません。".repeat(100);
    std::fs::write(&path, &text).unwrap();
    let err = Database::open(&path).err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotADatabase);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_version_one_database_is_upgraded_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite3");
    {
        let raw = rusqlite::Connection::open(&path).unwrap();
        // A dump lists tables by name, children before parents.
        raw.execute_batch("PRAGMA foreign_keys = OFF;").unwrap();
        raw.execute_batch(include_str!("fixtures/schema-v1.sql")).unwrap();
        let v: i64 = raw.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, 1);
    }
    let mut db = Database::open(&path).unwrap();
    assert_eq!(db.schema_version().unwrap(), LATEST);
    let c = &db.list_candidates().unwrap()[0];
    assert_eq!(c.fields.name.as_str(), "歯科医院のリール制作");
    assert_eq!(c.revision, 2);
    assert_eq!(c.fields.scores.len(), 2);
    let o = &db.list_offers().unwrap()[0];
    assert_eq!(o.fields.monthly_price.minor(), 55_000);
    assert_eq!(o.fields.deliverables[0].minutes_each, 90);
    // The table added by step 2 works.
    db.set_language(Lang::En).unwrap();
    assert_eq!(db.language().unwrap(), Some(Lang::En));
}

#[test]
fn warnings_can_be_dismissed_with_a_reason_but_errors_cannot() {
    use offerwright_core::analysis::focus::RuleCode;
    use offerwright_core::app::focus::{candidate_report, dismiss};
    use offerwright_core::domain::subject::Subject;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite3");
    let mut db = Database::open(&path).unwrap();
    let mut input = candidate_input("A");
    input.audience = "美容室と歯科医院".into();
    let c = db
        .create_candidate(&CandidateFields::try_from(&input).unwrap(), at(9))
        .unwrap();
    let report = candidate_report(&db, Some(c.id), &input, Lang::Ja).unwrap();
    assert_eq!(report.warnings, 1);

    let err = dismiss(
        &mut db,
        Subject::Candidate,
        c.id,
        RuleCode::SeveralAudiences,
        "audience",
        " ",
        at(10),
    )
    .unwrap_err();
    assert_eq!(err.field(), Some("reason"));
    let err = dismiss(
        &mut db,
        Subject::Candidate,
        c.id,
        RuleCode::VagueAudience,
        "audience",
        "理由",
        at(10),
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotDismissable);
    let err = dismiss(
        &mut db,
        Subject::Candidate,
        999,
        RuleCode::SeveralAudiences,
        "audience",
        "理由",
        at(10),
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);

    dismiss(
        &mut db,
        Subject::Candidate,
        c.id,
        RuleCode::SeveralAudiences,
        "audience",
        "同じ建物の2業種で1つの市場",
        at(10),
    )
    .unwrap();
    drop(db);
    let mut db = Database::open(&path).unwrap();
    let report = candidate_report(&db, Some(c.id), &input, Lang::Ja).unwrap();
    assert_eq!(report.warnings, 0);
    assert_eq!(
        report.findings[0].dismissed.as_deref(),
        Some("同じ建物の2業種で1つの市場")
    );
    db.undismiss(Subject::Candidate, c.id, RuleCode::SeveralAudiences, "audience")
        .unwrap();
    assert_eq!(candidate_report(&db, Some(c.id), &input, Lang::Ja).unwrap().warnings, 1);
}

#[test]
fn evidence_is_stored_with_each_score_and_travels_in_exports() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Database::open(&dir.path().join("a.sqlite3")).unwrap();
    let pain = db.list_criteria().unwrap()[0].id;
    let mut input = candidate_input("A");
    input.scores.insert(pain.to_string(), 4);
    input.evidence.insert(pain.to_string(), "paid_pilot".into());
    let c = db
        .create_candidate(&CandidateFields::try_from(&input).unwrap(), at(9))
        .unwrap();
    assert_eq!(
        c.fields.evidence_for(pain),
        offerwright_core::domain::evidence::Evidence::PaidPilot
    );
    let mut orphan = input.clone();
    orphan.evidence.insert("999".into(), "asked".into());
    assert_eq!(CandidateFields::try_from(&orphan).unwrap_err().field, "evidence.999");
    let text = offerwright_core::app::exchange::export_json(&db).unwrap();
    assert!(text.contains("\"pain\": \"paid_pilot\""), "{text}");
    let mut b = Database::open(&dir.path().join("b.sqlite3")).unwrap();
    offerwright_core::app::exchange::import_json(&mut b, &text, at(10)).unwrap();
    assert_eq!(offerwright_core::app::exchange::export_json(&b).unwrap(), text);
}

#[test]
fn targets_are_remembered_and_feed_the_fermi_check() {
    use offerwright_core::analysis::fermi::Gap;
    use offerwright_core::app::compare::analyse;
    use offerwright_core::domain::evidence::Mode;
    use offerwright_core::domain::money::{Currency, Money};
    use offerwright_core::domain::targets::Targets;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite3");
    let mut db = Database::open(&path).unwrap();
    assert_eq!(
        db.targets().unwrap(),
        Targets {
            monthly_income: None,
            close_rate_percent: 20
        }
    );
    offerwright_core::app::examples::load_example(&mut db, Lang::Ja, at(9)).unwrap();
    let first = db.list_candidates().unwrap()[0].id;
    // The example's offer aims at 300,000円, which becomes the one target:
    // 6 clients at ¥55,000, 30 leads at the default 20 %.
    let a = analyse(&db, None, Lang::Ja, Mode::Raw).unwrap();
    assert_eq!(
        (a.fermi[&first].gap, a.fermi[&first].leads_needed),
        (None, Some(30))
    );
    db.set_targets(&Targets {
        monthly_income: None,
        close_rate_percent: 20,
    })
    .unwrap();
    let a = analyse(&db, None, Lang::Ja, Mode::Raw).unwrap();
    assert_eq!(a.fermi[&first].gap, Some(Gap::NoTarget));
    let target = Money::from_minor("t", 300_000, Currency::Jpy).unwrap();
    db.set_targets(&Targets {
        monthly_income: Some(target),
        close_rate_percent: 25,
    })
    .unwrap();
    drop(db);
    let db = Database::open(&path).unwrap();
    let a = analyse(&db, None, Lang::Ja, Mode::Raw).unwrap();
    // The example offer costs ¥55,000: 6 clients, 24 leads at 25 %.
    assert_eq!(
        (a.fermi[&first].clients_needed, a.fermi[&first].leads_needed),
        (Some(6), Some(24))
    );
    let others: Vec<_> = a
        .fermi
        .iter()
        .filter(|(id, _)| **id != first)
        .map(|(_, f)| f.gap)
        .collect();
    assert!(others.iter().all(|g| *g == Some(Gap::NoPrice)));
    assert!(a.comparison.robustness.is_some());
}

#[test]
fn a_package_and_pilot_are_saved_and_a_decision_teaches_the_candidate() {
    use offerwright_core::app::plan::offer_plan;
    use offerwright_core::domain::evidence::Evidence;
    use offerwright_core::domain::money::Currency;
    use offerwright_core::domain::package::{Package, PackageInput};
    use offerwright_core::domain::pilot::{Pilot, PilotInput};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite3");
    let mut db = Database::open(&path).unwrap();
    offerwright_core::app::examples::load_example(&mut db, Lang::Ja, at(9)).unwrap();
    let offer = db.list_offers().unwrap()[0].clone();
    // The example arrives with its plan and a pilot not yet decided.
    let view = offer_plan(&db, offer.id, Lang::Ja).unwrap();
    assert_eq!(view.package.target_income, "300000");
    assert_eq!(view.pilot.as_ref().map(|p| p.decision.as_str()), Some(""));

    let mut input = PackageInput::starting_point();
    input.target_income = "300,000".into();
    input.slots = 5;
    db.save_package(offer.id, &Package::parse(&input, Currency::Jpy).unwrap())
        .unwrap();
    let pilot_input = PilotInput {
        clients: 2,
        price: "30000".into(),
        start: "2027-01-31".into(),
        months: 2,
        decision: "go".into(),
        ..Default::default()
    };
    db.save_pilot(offer.id, &Pilot::parse(&pilot_input, Currency::Jpy).unwrap(), at(11))
        .unwrap();
    drop(db);

    let db = Database::open(&path).unwrap();
    let view = offer_plan(&db, offer.id, Lang::Ja).unwrap();
    assert_eq!(view.package.target_income, "300000");
    let economics = view.economics.unwrap();
    // The example: 8 × 1.5 h + 1 × 2 h + 1 h + 1 h = 16 h, +10 % → 1,056 min; 3,600 min hold 3.
    assert_eq!(economics.capacity_clients, Some(3));
    assert!(economics.slots_over_capacity, "5 slots promised, 3 fit");
    assert_eq!(view.schedule.unwrap().reviews.len(), 2);
    let candidate = db.get_candidate(offer.fields.candidate_id.unwrap()).unwrap();
    assert_eq!(candidate.fields.status.as_str(), "chosen");
    assert!(candidate
        .fields
        .scores
        .keys()
        .all(|k| candidate.fields.evidence_for(*k) >= Evidence::PaidPilot));
    assert_eq!(candidate.updated_at, at(11));
}

#[test]
fn an_edit_from_a_stale_revision_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite3");
    let mut window_a = Database::open(&path).unwrap();
    let mut window_b = Database::open(&path).unwrap();
    let c = window_a
        .create_candidate(&CandidateFields::try_from(&candidate_input("A")).unwrap(), at(9))
        .unwrap();
    // Both windows start from revision 1; B saves first.
    let mut from_b = candidate_input("Saved in window B");
    from_b.status = "testing".into();
    window_b
        .update_candidate_if_unchanged(c.id, &CandidateFields::try_from(&from_b).unwrap(), Some(1), at(10))
        .unwrap();
    let err = window_a
        .update_candidate_if_unchanged(
            c.id,
            &CandidateFields::try_from(&candidate_input("Saved in window A")).unwrap(),
            Some(1),
            at(11),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert!(err.message(Lang::Ja).contains("別の場所"));
    let stored = window_a.get_candidate(c.id).unwrap();
    assert_eq!((stored.fields.name.as_str(), stored.revision), ("Saved in window B", 2));
    assert_eq!(
        stored.fields.status.as_str(),
        "testing",
        "the refused edit left nothing behind"
    );
    // From the current revision the edit goes through.
    window_a
        .update_candidate_if_unchanged(
            c.id,
            &CandidateFields::try_from(&candidate_input("Saved in window A")).unwrap(),
            Some(2),
            at(12),
        )
        .unwrap();

    let o = window_a
        .create_offer(&OfferFields::try_from(&offer_input(Some(c.id))).unwrap(), at(9))
        .unwrap();
    window_b
        .update_offer_if_unchanged(
            o.id,
            &OfferFields::try_from(&offer_input(Some(c.id))).unwrap(),
            Some(1),
            at(10),
        )
        .unwrap();
    let err = window_a
        .update_offer_if_unchanged(
            o.id,
            &OfferFields::try_from(&offer_input(None)).unwrap(),
            Some(1),
            at(11),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert_eq!(window_a.get_offer(o.id).unwrap().fields.candidate_id, Some(c.id));
}

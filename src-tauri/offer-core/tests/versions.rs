//! Versions of an offer and the guided path, on real temp-file databases.

mod support;
use chrono::{DateTime, Utc};
use offerwright_core::app::examples::load_example;
use offerwright_core::app::guide::{progress, Step};
use offerwright_core::app::{problems, versions};
use offerwright_core::domain::offer::OfferFields;
use offerwright_core::domain::package::{Package, PackageInput};
use offerwright_core::domain::problem::{ProblemFields, ProblemInput};
use offerwright_core::domain::text::ShortText;
use offerwright_core::domain::version::VersionReason;
use offerwright_core::{Database, Lang};
use support::*;

fn at(minute: u32) -> DateTime<Utc> {
    november(21, 10, minute)
}

fn example_db(lang: Lang) -> (tempfile::TempDir, Database, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Database::open(&dir.path().join("work.sqlite3")).unwrap();
    load_example(&mut db, lang, at(0)).unwrap();
    let offer = db.list_offers().unwrap()[0].id;
    (dir, db, offer)
}

fn label(text: &str) -> ShortText {
    ShortText::parse("label", text).unwrap()
}

fn reprice(db: &mut Database, offer_id: i64, price: &str, minute: u32) {
    let mut input = db.get_offer(offer_id).unwrap().fields.to_input();
    input.price = price.into();
    db.update_offer(offer_id, &OfferFields::try_from(&input).unwrap(), at(minute))
        .unwrap();
}

#[test]
fn versions_are_listed_newest_first_with_their_label_and_reason() {
    let (_dir, mut db, offer) = example_db(Lang::Ja);
    let first = db
        .take_version(offer, VersionReason::Manual, &label("最初の案"), at(1))
        .unwrap()
        .unwrap();
    reprice(&mut db, offer, "38000", 2);
    db.take_version(offer, VersionReason::Exported, &ShortText::default(), at(3))
        .unwrap()
        .unwrap();
    let list = db.list_versions(offer).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].reason, VersionReason::Exported);
    assert_eq!((list[1].id, list[1].label.as_str()), (first.id, "最初の案"));
    assert_eq!(list[1].created_at, at(1));
    let renamed = db.label_version(first.id, &label("値上げ前")).unwrap();
    assert_eq!(renamed.label, "値上げ前");
}

#[test]
fn printing_twice_without_a_change_keeps_one_version_but_asking_always_keeps_one() {
    let (_dir, mut db, offer) = example_db(Lang::En);
    assert!(db
        .take_version(offer, VersionReason::Printed, &ShortText::default(), at(1))
        .unwrap()
        .is_some());
    assert!(db
        .take_version(offer, VersionReason::Printed, &ShortText::default(), at(2))
        .unwrap()
        .is_none());
    assert!(db
        .take_version(offer, VersionReason::Exported, &ShortText::default(), at(3))
        .unwrap()
        .is_none());
    assert!(db
        .take_version(offer, VersionReason::Manual, &label("same"), at(4))
        .unwrap()
        .is_some());
    reprice(&mut db, offer, "350", 5);
    assert!(db
        .take_version(offer, VersionReason::Exported, &ShortText::default(), at(6))
        .unwrap()
        .is_some());
    assert_eq!(db.list_versions(offer).unwrap().len(), 3);
}

#[test]
fn two_versions_compare_with_only_the_changed_fields_marked() {
    let (_dir, mut db, offer) = example_db(Lang::En);
    let old = db
        .take_version(offer, VersionReason::Manual, &label("v1"), at(1))
        .unwrap()
        .unwrap();
    reprice(&mut db, offer, "480", 2);
    let mut package = db.package(offer).unwrap().unwrap_or_else(PackageInput::starting_point);
    package.slots = 1;
    let currency = db.get_offer(offer).unwrap().fields.monthly_price.currency();
    db.save_package(offer, &Package::parse(&package, currency).unwrap())
        .unwrap();
    let new = db
        .take_version(offer, VersionReason::Manual, &label("v2"), at(3))
        .unwrap()
        .unwrap();

    let rows = versions::compare_versions(&db, offer, Some(old.id), Some(new.id), Lang::En).unwrap();
    let changed: Vec<&str> = rows.iter().filter(|r| r.changed).map(|r| r.field.as_str()).collect();
    assert_eq!(changed, ["price", "package.slots"]);
    let price = rows.iter().find(|r| r.field == "price").unwrap();
    assert_eq!((price.before.as_str(), price.after.as_str()), ("$450.00", "$480.00"));
    // The candidate is shown by name, not by id.
    let candidate = rows.iter().find(|r| r.field == "candidate_id").unwrap();
    assert_eq!(candidate.before, db.list_candidates().unwrap()[0].fields.name.as_str());

    // Against the current draft (None), the newest version has no changes.
    let rows = versions::compare_versions(&db, offer, Some(new.id), None, Lang::En).unwrap();
    assert!(rows.iter().all(|r| !r.changed));
}

#[test]
fn restoring_a_version_makes_it_the_draft_and_keeps_the_draft_it_replaced() {
    let (_dir, mut db, offer) = example_db(Lang::Ja);
    let before = db.get_offer(offer).unwrap();
    let pilot_before = db.pilot(offer).unwrap();
    let old = db
        .take_version(offer, VersionReason::Manual, &label("元の案"), at(1))
        .unwrap()
        .unwrap();
    reprice(&mut db, offer, "54321", 2);
    let restored = db.restore_version(old.id, at(3)).unwrap();
    assert_eq!(restored.fields, before.fields);
    assert_eq!(restored.revision, before.revision + 2, "the restore is one more edit");
    assert_eq!(db.pilot(offer).unwrap(), pilot_before);
    let list = db.list_versions(offer).unwrap();
    assert_eq!(list[0].reason, VersionReason::BeforeRestore);
    assert_eq!(list[0].content.offer.price, "54321");
    // …so the restore itself can be undone by restoring that one.
    let undone = db.restore_version(list[0].id, at(4)).unwrap();
    assert_eq!(undone.fields.monthly_price.minor(), 54_321);
}

#[test]
fn a_version_of_another_offer_cannot_be_compared_as_this_ones() {
    let (_dir, mut db, offer) = example_db(Lang::En);
    let v = db
        .take_version(offer, VersionReason::Manual, &label("x"), at(1))
        .unwrap()
        .unwrap();
    let other = db
        .create_offer(&db.get_offer(offer).unwrap().fields.clone(), at(2))
        .unwrap();
    assert!(versions::compare_versions(&db, other.id, Some(v.id), None, Lang::En).is_err());
}

fn step(db: &Database) -> (Option<Step>, Vec<(Step, bool)>) {
    let p = progress(db, Lang::En).unwrap();
    (p.next, p.steps.iter().map(|s| (s.step, s.done)).collect())
}

#[test]
fn the_path_starts_at_problems_and_says_what_is_missing_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Database::open(&dir.path().join("w.sqlite3")).unwrap();
    assert_eq!(step(&db).0, Some(Step::Problems));
    let ja = progress(&db, Lang::Ja).unwrap();
    assert!(ja.steps[0].missing[0].contains("あと3件"), "{:?}", ja.steps[0].missing);
    let en = progress(&db, Lang::En).unwrap();
    assert!(en.steps[0].missing[0].starts_with("Write down 3 more problems"));

    let mut ids = Vec::new();
    for (i, words) in [
        "動画の担当者がいない",
        "口コミに返信できていない",
        "帳簿づけが追いつかない",
    ]
    .iter()
    .enumerate()
    {
        let draft = ProblemFields::try_from(&ProblemInput {
            words: (*words).into(),
            audience: "大阪の個人店".into(),
            platform: "Instagram".into(),
            ..Default::default()
        })
        .unwrap();
        ids.push(db.create_problem(&draft, at(i as u32)).unwrap().id);
    }
    let (next, steps) = step(&db);
    assert_eq!(next, Some(Step::Candidates));
    assert!(steps[0].1);

    // One promoted candidate is not yet something to compare.
    problems::promote_problem(&mut db, ids[0], Lang::Ja, at(5)).unwrap();
    let p = progress(&db, Lang::Ja).unwrap();
    assert_eq!(p.next, Some(Step::Candidates));
    assert!(
        p.steps[1].missing[0].contains("もう1つ候補"),
        "{:?}",
        p.steps[1].missing
    );
    problems::promote_problem(&mut db, ids[1], Lang::Ja, at(6)).unwrap();
    assert_eq!(step(&db).0, Some(Step::Compare));
}

#[test]
fn the_example_workspace_is_at_the_one_pager_until_it_is_exported() {
    let (_dir, mut db, offer) = example_db(Lang::En);
    // Its offer is ready though no candidate is chosen yet: the guide goes on
    // to the one-pager instead of back to the comparison.
    let p = progress(&db, Lang::En).unwrap();
    assert!(!p.steps[2].done && p.steps[3].done);
    assert_eq!(p.next, Some(Step::Onepager));
    // Choosing a candidate finishes the comparison.
    let mut candidate = db.list_candidates().unwrap()[0].clone();
    candidate.fields.status = offerwright_core::domain::candidate::Status::Chosen;
    db.update_candidate(candidate.id, &candidate.fields, at(1)).unwrap();
    let p = progress(&db, Lang::En).unwrap();
    let done: Vec<bool> = p.steps.iter().map(|s| s.done).collect();
    assert_eq!(&done[..3], [true, true, true]);
    assert!(
        p.steps[3].done,
        "the example offer passes the focus check: {:?}",
        p.steps[3].missing
    );
    assert_eq!(p.next, Some(Step::Onepager));
    assert!(p.steps[4].missing[0].starts_with("Export or print the one-pager of “"));
    db.take_version(offer, VersionReason::Exported, &ShortText::default(), at(2))
        .unwrap();
    assert_eq!(progress(&db, Lang::En).unwrap().next, Some(Step::Pilot));
}

#[test]
fn an_export_right_after_a_version_kept_by_hand_is_still_recorded() {
    let (_dir, mut db, offer) = example_db(Lang::En);
    db.take_version(offer, VersionReason::Manual, &label("draft for Alex"), at(1))
        .unwrap()
        .unwrap();
    let exported = db
        .take_version(offer, VersionReason::Exported, &ShortText::default(), at(2))
        .unwrap();
    assert!(exported.is_some(), "the export is what the one-pager step waits for");
    assert!(db
        .take_version(offer, VersionReason::Printed, &ShortText::default(), at(3))
        .unwrap()
        .is_none());
}

#[test]
fn a_restored_version_does_not_bring_back_a_link_to_a_deleted_candidate() {
    let (_dir, mut db, offer) = example_db(Lang::Ja);
    let v = db
        .take_version(offer, VersionReason::Manual, &label("元"), at(1))
        .unwrap()
        .unwrap();
    let candidate = v.content.offer.candidate_id.unwrap();
    let mut input = db.get_offer(offer).unwrap().fields.to_input();
    input.candidate_id = None;
    db.update_offer(offer, &OfferFields::try_from(&input).unwrap(), at(2))
        .unwrap();
    db.delete_candidate(candidate, at(3)).unwrap();
    let restored = db.restore_version(v.id, at(4)).unwrap();
    assert_eq!(restored.fields.candidate_id, None);
}

#[test]
fn a_workspace_with_candidates_but_no_problems_is_not_sent_back_to_the_inbox() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Database::open(&dir.path().join("w.sqlite3")).unwrap();
    let draft = offerwright_core::domain::candidate::CandidateFields::try_from(
        &offerwright_core::domain::input::CandidateInput {
            name: "Reels for clinics".into(),
            ..Default::default()
        },
    )
    .unwrap();
    db.create_candidate(&draft, at(0)).unwrap();
    let p = progress(&db, Lang::En).unwrap();
    assert!(p.steps[0].done);
    assert_eq!(p.next, Some(Step::Candidates));
    assert!(
        p.steps[1]
            .missing
            .iter()
            .any(|m| m.contains("“Reels for clinics”: fill in the platform, audience, problem.")),
        "{:?}",
        p.steps[1].missing
    );
}

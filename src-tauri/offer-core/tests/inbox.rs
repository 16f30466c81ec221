//! The problem inbox on real temp-file databases: scoring, grouping
//! duplicates, promotion to a candidate, and the trip through a file.

mod support;
use chrono::{DateTime, Utc};
use offerwright_core::app::exchange::{export_json, import_json};
use offerwright_core::app::problems;
use offerwright_core::domain::problem::{ProblemFields, ProblemInput};
use offerwright_core::{CoreError, ErrorCode, Lang};
use support::*;

fn at(minute: u32) -> DateTime<Utc> {
    november(21, 9, minute)
}

fn problem(words: &str, importance: i64, satisfaction: i64) -> ProblemFields {
    ProblemFields::try_from(&ProblemInput {
        words: words.into(),
        kind: "asked".into(),
        source: "友人".into(),
        seen_on: "2026-11-01".into(),
        recurrence: "weekly".into(),
        importance: Some(importance),
        satisfaction: Some(satisfaction),
        ..Default::default()
    })
    .unwrap()
}

#[test]
fn problems_are_ranked_by_opportunity_with_unscored_ones_last() {
    let mut db = memory_db();
    let low = db.create_problem(&problem("年賀状のデザイン", 3, 6), at(0)).unwrap();
    let high = db
        .create_problem(&problem("インスタの投稿を作る時間がない", 8, 2), at(1))
        .unwrap();
    let mut unscored = problem("帳簿づけが追いつかない", 0, 0);
    unscored.importance = None;
    let unscored = db.create_problem(&unscored, at(2)).unwrap();
    let inbox = problems::inbox(&db).unwrap();
    let order: Vec<i64> = inbox.groups.iter().map(|g| g.lead.id).collect();
    assert_eq!(order, [high.id, low.id, unscored.id]);
    assert_eq!(inbox.groups[0].opportunity, Some(14));
    assert_eq!(inbox.groups[1].opportunity, Some(3));
    assert_eq!(inbox.groups[2].opportunity, None);
}

#[test]
fn duplicates_group_under_one_problem_and_count_as_heard_again() {
    let mut db = memory_db();
    let a = db
        .create_problem(&problem("インスタの投稿を作る時間がない", 8, 2), at(0))
        .unwrap();
    let b = db
        .create_problem(&problem("インスタ投稿を作る時間がありません", 9, 5), at(1))
        .unwrap();
    let c = db
        .create_problem(&problem("確定申告の書類づくり", 5, 5), at(2))
        .unwrap();

    // Alike words are suggested, unlike ones are not.
    let inbox = problems::inbox(&db).unwrap();
    assert_eq!(inbox.suggestions.len(), 1);
    assert_eq!((inbox.suggestions[0].id, inbox.suggestions[0].same_as), (b.id, a.id));

    db.group_problems(b.id, a.id).unwrap();
    let inbox = problems::inbox(&db).unwrap();
    assert!(inbox.suggestions.is_empty());
    assert_eq!(inbox.groups.len(), 2);
    let group = &inbox.groups[0];
    assert_eq!(group.lead.id, a.id);
    assert_eq!(group.members.iter().map(|m| m.id).collect::<Vec<_>>(), [b.id]);
    assert_eq!(group.times_heard, 2);
    // The group's opportunity is its best estimate: 9 + (9 − 5) = 13 < 8 + 6 = 14.
    assert_eq!(group.opportunity, Some(14));

    // Grouping a lead into another group brings its members along; a group
    // never leads itself.
    db.group_problems(a.id, c.id).unwrap();
    let inbox = problems::inbox(&db).unwrap();
    assert_eq!(inbox.groups.len(), 1);
    assert_eq!(inbox.groups[0].lead.id, c.id);
    assert_eq!(inbox.groups[0].times_heard, 3);
    let err = db.group_problems(c.id, b.id).unwrap_err();
    assert_eq!((err.code(), err.field()), (ErrorCode::InvalidChoice, Some("same_as")));

    // Taking the lead out hands the group to the next oldest.
    db.ungroup_problem(c.id).unwrap();
    let inbox = problems::inbox(&db).unwrap();
    assert_eq!(inbox.groups.len(), 2);
    let rest = inbox.groups.iter().find(|g| g.times_heard == 2).unwrap();
    assert_eq!((rest.lead.id, rest.members[0].id), (a.id, b.id));
}

#[test]
fn a_pair_marked_distinct_is_not_suggested_again() {
    let mut db = memory_db();
    let a = db
        .create_problem(&problem("No time to post on Instagram", 5, 5), at(0))
        .unwrap();
    let b = db
        .create_problem(&problem("No time to post on Instagram reels", 5, 5), at(1))
        .unwrap();
    assert_eq!(problems::inbox(&db).unwrap().suggestions.len(), 1);
    db.mark_distinct(b.id, a.id).unwrap();
    assert!(problems::inbox(&db).unwrap().suggestions.is_empty());
}

#[test]
fn deleting_a_lead_keeps_its_duplicates_together_and_undo_brings_it_back() {
    let mut db = memory_db();
    let a = db
        .create_problem(&problem("動画の担当者がいない", 8, 2), at(0))
        .unwrap();
    let b = db
        .create_problem(&problem("動画を撮る担当者がいない", 7, 3), at(1))
        .unwrap();
    let c = db.create_problem(&problem("動画の担当がいない", 6, 3), at(2)).unwrap();
    db.group_problems(b.id, a.id).unwrap();
    db.group_problems(c.id, a.id).unwrap();
    db.delete_problem(a.id, at(3)).unwrap();
    let inbox = problems::inbox(&db).unwrap();
    assert_eq!(inbox.groups.len(), 1);
    assert_eq!(inbox.groups[0].lead.id, b.id);
    assert_eq!(inbox.groups[0].times_heard, 2);
    db.restore_problem(a.id).unwrap();
    let inbox = problems::inbox(&db).unwrap();
    assert_eq!((inbox.groups[0].lead.id, inbox.groups[0].times_heard), (a.id, 3));
}

#[test]
fn promoting_carries_the_fields_over_and_says_where_the_candidate_came_from() {
    let mut db = memory_db();
    let mut input = problem("院内に動画を撮って投稿する人がいない", 8, 2).to_input();
    input.audience = "大阪市内の個人歯科医院".into();
    input.platform = String::new();
    input.source = "歯科医院の院長".into();
    let lead = db
        .create_problem(&ProblemFields::try_from(&input).unwrap(), at(0))
        .unwrap();
    let mut dup = problem("院内で動画を撮れる人がいない", 7, 3).to_input();
    dup.platform = "Instagram".into();
    dup.source = "歯科衛生士の友人".into();
    let dup = db
        .create_problem(&ProblemFields::try_from(&dup).unwrap(), at(1))
        .unwrap();
    db.group_problems(dup.id, lead.id).unwrap();

    let candidate = problems::promote_problem(&mut db, dup.id, Lang::Ja, at(2)).unwrap();
    let d = &candidate.fields;
    // Named as a niche (audience and job), not as the complaint.
    assert_eq!(d.name.as_str(), "大阪市内の個人歯科医院向けSNS投稿・動画づくり");
    assert_eq!(d.problem.as_str(), "院内に動画を撮って投稿する人がいない");
    assert_eq!(d.audience.as_str(), "大阪市内の個人歯科医院");
    // The lead had no platform; its duplicate's fills the gap.
    assert_eq!(d.platform.as_str(), "Instagram");
    assert_eq!(d.status.as_str(), "idea");
    assert!(d.notes.as_str().contains("困りごと一覧から"), "{}", d.notes.as_str());
    assert!(d.notes.as_str().contains("歯科医院の院長"));
    assert!(d.notes.as_str().contains("狙い目（自分の見立て）：14／20"));
    assert!(d
        .notes
        .as_str()
        .contains("「院内で動画を撮れる人がいない」（歯科衛生士の友人）"));

    // The whole group is promoted; promoting again opens the same candidate.
    let inbox = problems::inbox(&db).unwrap();
    assert_eq!(inbox.groups[0].candidate_id, Some(candidate.id));
    assert_eq!(
        problems::promote_problem(&mut db, lead.id, Lang::Ja, at(3)).unwrap().id,
        candidate.id
    );
    assert_eq!(db.list_candidates().unwrap().len(), 1);

    // Once that candidate is deleted, the problem may be promoted anew.
    db.delete_candidate(candidate.id, at(4)).unwrap();
    assert_eq!(problems::inbox(&db).unwrap().groups[0].candidate_id, None);
    let again = problems::promote_problem(&mut db, lead.id, Lang::En, at(5)).unwrap();
    assert_ne!(again.id, candidate.id);
    assert!(again.fields.notes.as_str().starts_with("From the problem list: “"));
}

#[test]
fn a_promoted_candidate_is_named_as_a_niche_in_the_words_language() {
    let mut db = memory_db();
    let mut input = problem("Nobody has time to keep our books up to date", 8, 2).to_input();
    input.audience = "Small cafés in Leeds".into();
    let p = db.create_problem(&ProblemFields::try_from(&input).unwrap(), at(0)).unwrap();
    // The UI may be in Japanese; the name follows the words.
    let c = problems::promote_problem(&mut db, p.id, Lang::Ja, at(1)).unwrap();
    assert_eq!(c.fields.name.as_str(), "Bookkeeping for small cafés in Leeds");
    // No audience: the job alone. No job named: the words, as before.
    let p = db.create_problem(&problem("確定申告の書類がいつもぎりぎり", 6, 3), at(2)).unwrap();
    let c = problems::promote_problem(&mut db, p.id, Lang::Ja, at(3)).unwrap();
    assert_eq!(c.fields.name.as_str(), "確定申告のサポート");
    let p = db.create_problem(&problem("朝がつらい", 6, 3), at(4)).unwrap();
    let c = problems::promote_problem(&mut db, p.id, Lang::Ja, at(5)).unwrap();
    assert_eq!(c.fields.name.as_str(), "朝がつらい");
}

#[test]
fn long_words_make_a_short_candidate_name() {
    let mut db = memory_db();
    let words = "あ".repeat(200);
    let p = db.create_problem(&problem(&words, 5, 5), at(0)).unwrap();
    let c = problems::promote_problem(&mut db, p.id, Lang::Ja, at(1)).unwrap();
    assert_eq!(c.fields.name.as_str().chars().count(), 40);
    assert!(c.fields.name.as_str().ends_with('…'));
    assert_eq!(c.fields.problem.as_str(), words);
}

#[test]
fn bad_input_names_the_field_and_changes_nothing() {
    let mut db = memory_db();
    let p = db.create_problem(&problem("帳簿づけ", 5, 5), at(0)).unwrap();
    let mut input = p.fields.to_input();
    input.importance = Some(12);
    let err = ProblemFields::try_from(&input).unwrap_err();
    assert_eq!(err.field, "importance");
    input.importance = Some(5);
    input.seen_on = "来週".into();
    assert_eq!(ProblemFields::try_from(&input).unwrap_err().field, "seen_on");
    // An edit from an old revision is refused as a conflict.
    let edited = db
        .update_problem_if_unchanged(p.id, &problem("帳簿づけが追いつかない", 6, 2), Some(p.revision), at(1))
        .unwrap();
    let err = db
        .update_problem_if_unchanged(p.id, &problem("別の内容", 1, 1), Some(p.revision), at(2))
        .unwrap_err();
    assert!(matches!(err, CoreError::Conflict { .. }));
    assert_eq!(db.get_problem(p.id).unwrap().fields, edited.fields);
}

#[test]
fn the_inbox_travels_in_a_workspace_file_with_its_groups_and_promotions() {
    let mut db = memory_db();
    let a = db
        .create_problem(&problem("動画の担当者がいない", 8, 2), at(0))
        .unwrap();
    let b = db
        .create_problem(&problem("動画を撮る人がいない", 7, 3), at(1))
        .unwrap();
    db.create_problem(&problem("年賀状のデザイン", 3, 6), at(2)).unwrap();
    db.group_problems(b.id, a.id).unwrap();
    problems::promote_problem(&mut db, a.id, Lang::Ja, at(3)).unwrap();
    let text = export_json(&db).unwrap();
    assert!(text.contains("\"version\": 2"));

    let (_dir2, mut other) = temp_db();
    let summary = import_json(&mut other, &text, at(4)).unwrap();
    assert_eq!((summary.problems, summary.candidates), (3, 1));
    let inbox = problems::inbox(&other).unwrap();
    assert_eq!(inbox.groups[0].times_heard, 2);
    assert_eq!(
        inbox.groups[0].candidate_id,
        Some(other.list_candidates().unwrap()[0].id)
    );
    assert_eq!(
        export_json(&other).unwrap(),
        text,
        "export → import → export is identical"
    );

    // A file whose duplicate points at a problem it does not hold is refused whole.
    let broken = text.replacen("\"same_as\": \"problem-1\"", "\"same_as\": \"problem-9\"", 1);
    let (_dir3, mut third) = temp_db();
    let err = import_json(&mut third, &broken, at(5)).unwrap_err();
    assert_eq!(err.field(), Some("problems[1].same_as"));
    assert!(third.list_problems().unwrap().is_empty());
    assert!(third.list_candidates().unwrap().is_empty());
}

#[test]
fn a_group_whose_lead_was_deleted_still_moves_and_exports_as_one() {
    let mut db = memory_db();
    let a = db
        .create_problem(&problem("動画の担当者がいない", 8, 2), at(0))
        .unwrap();
    let b = db
        .create_problem(&problem("動画を撮る担当者がいない", 7, 3), at(1))
        .unwrap();
    let c = db.create_problem(&problem("動画の担当がいない", 6, 3), at(2)).unwrap();
    let other = db
        .create_problem(&problem("口コミに返信できない", 5, 5), at(3))
        .unwrap();
    db.group_problems(b.id, a.id).unwrap();
    db.group_problems(c.id, a.id).unwrap();
    db.delete_problem(a.id, at(4)).unwrap();

    // The file keeps b and c together although their lead is gone.
    let text = export_json(&db).unwrap();
    let (_dir2, mut copy) = temp_db();
    import_json(&mut copy, &text, at(5)).unwrap();
    let groups = problems::inbox(&copy).unwrap().groups;
    assert_eq!(groups.iter().map(|g| g.times_heard).max(), Some(2));

    // Grouping the survivor that leads now takes the whole group along.
    db.group_problems(b.id, other.id).unwrap();
    let inbox = problems::inbox(&db).unwrap();
    assert_eq!(inbox.groups.len(), 1);
    assert_eq!((inbox.groups[0].lead.id, inbox.groups[0].times_heard), (other.id, 3));
    // Grouping into your own group is refused.
    let err = db.group_problems(c.id, b.id).unwrap_err();
    assert_eq!(err.field(), Some("same_as"));
}

#[test]
fn leaving_a_promoted_group_frees_the_problem_and_merging_keeps_a_live_candidate() {
    let mut db = memory_db();
    let a = db
        .create_problem(&problem("動画の担当者がいない", 8, 2), at(0))
        .unwrap();
    let b = db
        .create_problem(&problem("動画を撮る担当者がいない", 7, 3), at(1))
        .unwrap();
    db.group_problems(b.id, a.id).unwrap();
    let candidate = problems::promote_problem(&mut db, a.id, Lang::Ja, at(2)).unwrap();
    db.ungroup_problem(b.id).unwrap();
    let b_now = db.get_problem(b.id).unwrap();
    assert_eq!(b_now.candidate_id, None, "it may become a candidate of its own");
    assert_eq!(db.get_problem(a.id).unwrap().candidate_id, Some(candidate.id));

    // b promoted to its own candidate, which is then deleted; merging the two
    // groups keeps the candidate that still exists.
    let own = problems::promote_problem(&mut db, b.id, Lang::Ja, at(3)).unwrap();
    assert!(own.id > candidate.id);
    db.delete_candidate(own.id, at(4)).unwrap();
    db.group_problems(b.id, a.id).unwrap();
    assert_eq!(problems::inbox(&db).unwrap().groups[0].candidate_id, Some(candidate.id));
}

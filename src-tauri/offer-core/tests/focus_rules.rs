//! Every focus rule with true positives and true negatives, in Japanese,
//! English and mixed text.

mod support;
use offerwright_core::analysis::focus::{check_candidate, check_offer, FocusReport, RuleCode, Severity};
use offerwright_core::app::{examples, exchange};
use offerwright_core::domain::input::{CandidateInput, OfferInput};
use offerwright_core::Lang;
use support::*;

fn focused_candidate() -> CandidateInput {
    dental_candidate_en()
}

fn focused_offer() -> OfferInput {
    dental_offer_en()
}

fn codes_for_candidate(input: &CandidateInput) -> Vec<(RuleCode, String)> {
    check_candidate(input, Lang::En)
        .into_iter()
        .map(|f| (f.code, f.field))
        .collect()
}

fn codes_for_offer(input: &OfferInput) -> Vec<(RuleCode, String)> {
    check_offer(input, Lang::En)
        .into_iter()
        .map(|f| (f.code, f.field))
        .collect()
}

fn candidate_with(edit: impl FnOnce(&mut CandidateInput)) -> Vec<RuleCode> {
    let mut input = focused_candidate();
    edit(&mut input);
    codes_for_candidate(&input).into_iter().map(|(c, _)| c).collect()
}

fn offer_with(edit: impl FnOnce(&mut OfferInput)) -> Vec<RuleCode> {
    let mut input = focused_offer();
    edit(&mut input);
    codes_for_offer(&input).into_iter().map(|(c, _)| c).collect()
}

#[test]
fn a_focused_candidate_and_offer_have_no_findings() {
    assert_eq!(codes_for_candidate(&focused_candidate()), []);
    assert_eq!(codes_for_offer(&focused_offer()), []);
}

#[test]
fn both_example_sets_are_ready() {
    for lang in [Lang::Ja, Lang::En] {
        let file = exchange::parse(examples::example_file(lang)).unwrap();
        for c in &file.candidates {
            let report = FocusReport::new(check_candidate(&c.fields, lang), &[]);
            assert!(report.findings.is_empty(), "{}: {:?}", c.fields.name, report.findings);
        }
        for o in &file.offers {
            let mut findings = check_offer(&o.fields, lang);
            findings.extend(offerwright_core::analysis::focus::check_plan(
                &o.fields,
                o.package.as_ref(),
                o.pilot.as_ref(),
                lang,
            ));
            let report = FocusReport::new(findings, &[]);
            assert!(report.findings.is_empty(), "{}: {:?}", o.fields.title, report.findings);
        }
    }
}

#[test]
fn missing_platform_audience_problem_and_outcome() {
    let codes = candidate_with(|c| {
        c.platform = " ".into();
        c.audience = String::new();
        c.problem = "\u{3000}".into();
        c.outcome.metric = String::new();
    });
    for code in [
        RuleCode::MissingPlatform,
        RuleCode::MissingAudience,
        RuleCode::MissingProblem,
        RuleCode::MissingOutcome,
    ] {
        assert!(codes.contains(&code), "{code:?} in {codes:?}");
    }
}

#[test]
fn vague_audience_in_english_japanese_and_mixed() {
    for vague in [
        "Anyone who wants to grow",
        "Everyone",
        "All businesses",
        "people who want to get fit",
        "small businesses",
        "Small businesses.",
        "誰でも",
        "すべての人",
        "全ての方",
        "初心者の方全般",
        "個人事業主全般",
        "中小企業",
        "個人事業主の方",
        "ＳＮＳを始めたい人なら誰でも",
        "Instagramを使う人だれでも",
    ] {
        assert!(
            candidate_with(|c| c.audience = vague.into()).contains(&RuleCode::VagueAudience),
            "{vague}"
        );
    }
    for focused in [
        "Small businesses in Kyoto with under 5 staff",
        "Dental clinics in Osaka",
        "大阪市内の個人歯科医院",
        "開業3年以内の個人事業主の整体院",
        "Everyday cyclists' repair shops",
        "Androidアプリを作る個人開発者",
    ] {
        assert!(
            !candidate_with(|c| c.audience = focused.into()).contains(&RuleCode::VagueAudience),
            "{focused}"
        );
    }
}

#[test]
fn several_audiences_platforms_and_tasks() {
    for several in [
        "Dentists and vets",
        "美容室と歯科医院",
        "カフェやパン屋",
        "Cafés & bakeries",
        "Dentists, vets",
        "美容室・ネイルサロン",
        "歯科医院およびクリニック",
    ] {
        assert!(
            candidate_with(|c| c.audience = several.into()).contains(&RuleCode::SeveralAudiences),
            "{several}"
        );
    }
    for one in [
        "Handmade candle shops",
        "Brand owners on Shopify",
        "Android developers",
        "ともだち同士で営む古着屋",
        "B&B owners in Hokkaido",
        "ビジネス・コーチ",
    ] {
        assert!(
            !candidate_with(|c| c.audience = one.into()).contains(&RuleCode::SeveralAudiences),
            "{one}"
        );
    }
    for several in [
        "Instagram and TikTok",
        "Instagram/TikTok",
        "インスタとTikTok",
        "YouTube or note",
        "Instagram、TikTok",
    ] {
        assert!(
            candidate_with(|c| c.platform = several.into()).contains(&RuleCode::SeveralPlatforms),
            "{several}"
        );
    }
    for one in ["Instagram", "Googleマップ", "note", "Ｉｎｓｔａｇｒａｍ"] {
        assert!(
            !candidate_with(|c| c.platform = one.into()).contains(&RuleCode::SeveralPlatforms),
            "{one}"
        );
    }
    for several in [
        "SNS運用とホームページ制作",
        "Posting reels and answering reviews",
        "ロゴ制作および名刺デザイン",
    ] {
        assert!(
            candidate_with(|c| c.problem = several.into()).contains(&RuleCode::SeveralTasks),
            "{several}"
        );
    }
    for one in [
        "No time to post, so referrals dry up",
        "ポートフォリオが完成しない",
        "写真を撮るとき構図に迷う",
        "Brand photos look dated",
    ] {
        assert!(
            !candidate_with(|c| c.problem = one.into()).contains(&RuleCode::SeveralTasks),
            "{one}"
        );
    }
}

#[test]
fn vanity_metrics_are_errors_unless_next_to_a_business_result() {
    for vanity in [
        "Followers",
        "More likes",
        "Views per reel",
        "Impressions",
        "PV",
        "Reach",
        "いいね数",
        "フォロワー",
        "ﾌｫﾛﾜｰ",
        "再生数",
        "インプレッション",
        "Instagramのイイネ",
    ] {
        let codes = candidate_with(|c| c.outcome.metric = vanity.into());
        assert!(codes.contains(&RuleCode::VanityMetric), "{vanity}: {codes:?}");
    }
    for business in [
        "Booked consultations",
        "Paid orders",
        "初診予約",
        "成約数",
        "Hours saved per week",
        "Preview pages finished",
    ] {
        let codes = candidate_with(|c| c.outcome.metric = business.into());
        assert!(!codes.contains(&RuleCode::VanityMetric), "{business}: {codes:?}");
    }
    let mixed = candidate_with(|c| c.outcome.metric = "Followers who book a call".into());
    assert!(mixed.contains(&RuleCode::VanityNextToBusiness) && !mixed.contains(&RuleCode::VanityMetric));
    let mixed_ja = offer_with(|o| o.success_metric = "フォロワーからの予約 月5件".into());
    assert!(mixed_ja.contains(&RuleCode::VanityNextToBusiness));
    let finding = &check_candidate(
        &{
            let mut c = focused_candidate();
            c.outcome.metric = "フォロワー数".into();
            c
        },
        Lang::Ja,
    )[0];
    assert_eq!(finding.matched.as_deref(), Some("フォロワー"));
    assert!(finding.suggestion.contains("予約件数"), "{}", finding.suggestion);
}

#[test]
fn outcome_without_number_or_timeframe() {
    assert!(candidate_with(|c| c.outcome.target = None).contains(&RuleCode::OutcomeWithoutNumber));
    assert!(candidate_with(|c| c.outcome.timeframe_amount = None).contains(&RuleCode::OutcomeWithoutTimeframe));
    for no_number in ["More booked calls per month", "初診予約を増やす（毎月）"] {
        assert!(
            offer_with(|o| o.success_metric = no_number.into()).contains(&RuleCode::OutcomeWithoutNumber),
            "{no_number}"
        );
    }
    for with_number in ["８件の予約／月", "初診予約三件（毎月）", "30 paid orders a month"] {
        assert!(
            !offer_with(|o| o.success_metric = with_number.into()).contains(&RuleCode::OutcomeWithoutNumber),
            "{with_number}"
        );
    }
    for no_time in ["8 booked consultations", "初診予約8件"] {
        assert!(
            offer_with(|o| o.success_metric = no_time.into()).contains(&RuleCode::OutcomeWithoutTimeframe),
            "{no_time}"
        );
    }
    for timed in [
        "8 booked consultations within 90 days",
        "初診予約8件/月",
        "初診予約を3か月以内に8件",
    ] {
        assert!(
            !offer_with(|o| o.success_metric = timed.into()).contains(&RuleCode::OutcomeWithoutTimeframe),
            "{timed}"
        );
    }
}

#[test]
fn open_ended_deliverables_and_promises() {
    for open in [
        "Unlimited revisions",
        "Anything you need",
        "Design as needed",
        "何でも対応",
        "SNS投稿 無制限",
        "随時サポート",
        "相談し放題",
        "Whatever you need",
    ] {
        let codes = codes_for_offer(&{
            let mut o = focused_offer();
            o.deliverables[0].name = open.into();
            o
        });
        assert!(
            codes.contains(&(RuleCode::OpenEnded, "deliverables[0].name".into())),
            "{open}: {codes:?}"
        );
    }
    for fixed in [
        "Short video",
        "Anytime booking page setup",
        "月4本のリール動画",
        "Monthly report",
    ] {
        let codes = offer_with(|o| o.deliverables[0].name = fixed.into());
        assert!(!codes.contains(&RuleCode::OpenEnded), "{fixed}: {codes:?}");
    }
    let codes = codes_for_offer(&{
        let mut o = focused_offer();
        o.promise = "何でもやります！".into();
        o
    });
    assert!(codes.contains(&(RuleCode::OpenEnded, "promise".into())));
}

#[test]
fn deliverables_need_a_quantity_and_the_package_needs_deliverables() {
    let codes = codes_for_offer(&{
        let mut o = focused_offer();
        o.deliverables[0].quantity_per_month = 0;
        o
    });
    assert!(codes.contains(&(
        RuleCode::DeliverableWithoutQuantity,
        "deliverables[0].quantity_per_month".into()
    )));
    assert!(offer_with(|o| o.deliverables.clear()).contains(&RuleCode::NoDeliverables));
    assert!(!offer_with(|o| o.deliverables[0].quantity_per_month = 4).contains(&RuleCode::DeliverableWithoutQuantity));
}

#[test]
fn scope_price_promise_and_contact() {
    assert!(offer_with(|o| o.out_of_scope = vec![" ".into()]).contains(&RuleCode::EmptyOutOfScope));
    for price in ["", "0", "０", "abc"] {
        assert!(
            offer_with(|o| o.price = price.into()).contains(&RuleCode::MissingPrice),
            "{price:?}"
        );
    }
    assert!(!offer_with(|o| o.price = "３３,０００".into()).contains(&RuleCode::MissingPrice));
    assert!(offer_with(|o| o.promise = String::new()).contains(&RuleCode::MissingPromise));
    assert!(offer_with(|o| o.success_metric = String::new()).contains(&RuleCode::MissingSuccessMetric));
    assert!(offer_with(|o| o.contact = String::new()).contains(&RuleCode::MissingContact));
}

#[test]
fn severities_and_readiness() {
    let mut c = focused_candidate();
    c.audience = "Dentists and vets".into();
    let report = FocusReport::new(check_candidate(&c, Lang::En), &[]);
    assert!(report.ready, "a warning does not block Ready");
    assert_eq!(report.warnings, 1);
    c.audience = "Everyone".into();
    let report = FocusReport::new(check_candidate(&c, Lang::En), &[]);
    assert!(!report.ready);
    assert_eq!(report.findings[0].severity, Severity::Error);
}

#[test]
fn messages_follow_the_language() {
    let mut c = focused_candidate();
    c.audience = "誰でも".into();
    let ja = &check_candidate(&c, Lang::Ja)[0];
    let en = &check_candidate(&c, Lang::En)[0];
    assert_eq!(ja.code, en.code);
    assert!(ja.message.contains("誰でも"));
    assert!(en.message.contains("Everyone"));
}

#[test]
fn slots_above_capacity_and_pilot_size_need_the_plan() {
    use offerwright_core::analysis::focus::check_plan;
    use offerwright_core::domain::package::PackageInput;
    use offerwright_core::domain::pilot::PilotInput;
    let offer = focused_offer();
    // 8 × 1.5 h + 1 h + 1 h = 14 h, +10 % = 15.4 h per client; 80 h × 75 % = 60 h → 3 clients.
    let mut package = PackageInput::starting_point();
    package.slots = 3;
    let pilot = PilotInput {
        clients: 2,
        months: 3,
        ..Default::default()
    };
    assert_eq!(check_plan(&offer, Some(&package), Some(&pilot), Lang::En), []);
    package.slots = 4;
    let findings = check_plan(&offer, Some(&package), Some(&pilot), Lang::Ja);
    assert_eq!(
        (findings[0].code, findings[0].field.as_str()),
        (RuleCode::SlotsAboveCapacity, "slots")
    );
    assert_eq!(findings[0].severity, Severity::Error);
    for size in [0, 4] {
        let findings = check_plan(
            &offer,
            None,
            Some(&PilotInput {
                clients: size,
                ..pilot.clone()
            }),
            Lang::En,
        );
        assert_eq!(
            findings.iter().map(|f| f.code).collect::<Vec<_>>(),
            [RuleCode::PilotSize],
            "{size}"
        );
    }
    assert_eq!(check_plan(&offer, None, None, Lang::En), []);
}

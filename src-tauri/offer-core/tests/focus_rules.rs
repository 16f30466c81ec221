//! Every focus rule with true positives and true negatives, in Japanese,
//! English and mixed text.

mod support;
use offerwright_core::analysis::focus::{check_candidate, check_offer, FocusReport, RuleCode, Severity};
use offerwright_core::app::{examples, exchange};
use offerwright_core::domain::input::{CandidateInput, DeliverableInput, OfferInput};
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
        // Bounded only by a liking, or a broad group alone.
        "お菓子作りが好きな方",
        "People who love vintage furniture",
        "Busy professionals",
        "Founders",
        "主婦",
        "会社員の方",
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
        "Founders of seed-stage fintech startups in Berlin",
        "名古屋市の共働き家庭向けの家事代行会社",
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
fn a_size_condition_narrows_one_audience_rather_than_adding_one() {
    for one in [
        "売上3,000万円以上、または社員5名以上の設計事務所",
        "Independent bakeries with 3 to 10 staff or over $500k in yearly sales",
    ] {
        assert!(!candidate_with(|c| c.audience = one.into()).contains(&RuleCode::SeveralAudiences), "{one}");
    }
    for two in ["設計事務所、または工務店", "Bakeries or florists with 3 to 10 staff"] {
        assert!(candidate_with(|c| c.audience = two.into()).contains(&RuleCode::SeveralAudiences), "{two}");
    }
}

#[test]
fn an_open_ended_word_in_the_clients_own_name_or_product_is_not_the_scope() {
    for theirs in [
        "食べ飲み放題コースのある居酒屋向け 予約ページ改善",
        "Menu photos for Endless Brunch's three cafés",
    ] {
        assert!(!offer_with(|o| o.title = theirs.into()).contains(&RuleCode::OpenEnded), "{theirs}");
    }
    for ours in ["居酒屋向け 予約ページ改善 修正し放題", "Unlimited menu photos for cafés"] {
        assert!(offer_with(|o| o.title = ours.into()).contains(&RuleCode::OpenEnded), "{ours}");
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

fn deliverables(names: &[&str]) -> Vec<RuleCode> {
    offer_with(|o| {
        let template = o.deliverables[0].clone();
        o.deliverables = names
            .iter()
            .map(|n| DeliverableInput { name: n.to_string(), ..template.clone() })
            .collect();
    })
}

#[test]
fn several_tasks_hide_in_a_deliverable_or_across_rows() {
    for several in [
        &["ブログ記事作成・SNS運用・広告管理"][..],
        &["ロゴデザイン", "ホームページ制作", "SEO診断"],
        &["logo, website and SEO audit"],
        &["Logo design", "5-page website", "SEO audit"],
        &["Podcast editing + Facebook ad management"],
        &["ショップカードのデザイン", "ネットショップの開設代行", "確定申告の書類整理"],
        &["Brand color palette", "Shopify store setup", "Monthly bookkeeping"],
    ] {
        assert!(deliverables(several).contains(&RuleCode::SeveralTasks), "{several:?}");
    }
    for one in [
        &["商品写真の切り抜きと色補正 月30枚まで"][..],
        &["記帳代行（月100仕訳まで）", "月次試算表と3行コメント", "月1回30分の振り返りミーティング"],
        &["Bookkeeping in Xero, up to 100 transactions", "Monthly P&L report", "30-minute review call"],
        &["8 Reels edited a month", "Captions with 3 hashtag sets"],
        // The shop names where the job is done, not a second job.
        &["ネットショップの利用規約とプライバシーポリシーの作成"],
        &["Shopify product uploads, up to 40 a month", "Monthly listings report"],
    ] {
        assert!(!deliverables(one).contains(&RuleCode::SeveralTasks), "{one:?}");
    }
}

#[test]
fn several_tasks_in_a_problem_are_different_kinds_of_job() {
    for several in [
        "ロゴを作り直したいし、チラシも作りたい",
        "ホームページが古いままで、インスタも更新できず、経理もたまっている",
        "They need help with podcast editing plus running their Facebook ads",
        // A verb made a noun takes 「も」 like any noun: 「資料作りも」.
        "発信ネタが尽きて、メルマガも書けず、講座の資料作りも遅れている",
    ] {
        assert!(candidate_with(|c| c.problem = several.into()).contains(&RuleCode::SeveralTasks), "{several}");
    }
    for one in [
        "撮影はできるが、カット編集とテロップ入れに毎週10時間かかる",
        "ロゴがなく、名刺や看板に統一感がない",
        "Product photos have messy backgrounds and uneven colour, so listings look amateur",
        "Receipts and invoices pile up, so the books are always behind",
        "問い合わせメールの返信が遅れ、返事の書き方もばらばら",
        "記帳が追いつかず、領収書の整理も手が回らない",
    ] {
        assert!(!candidate_with(|c| c.problem = one.into()).contains(&RuleCode::SeveralTasks), "{one}");
    }
}

#[test]
fn open_ended_phrasings_and_their_capped_look_alikes() {
    for open in [
        "回数を気にせず、LINEで気軽にご相談ください",
        "ご希望に合わせて対応します",
        "チャット相談し放題",
        "As many revisions as you like",
        "Edits on request",
        "No cap on changes",
        "Quick questions answered whenever you need",
    ] {
        assert!(offer_with(|o| o.promise = open.into()).contains(&RuleCode::OpenEnded), "{open}");
    }
    for capped in [
        "食べ放題のお店向けのメニュー撮影",
        "ご希望の日時で月2回、30分お話しします",
        "修正2回まで無料",
        "2 revisions on request per Reel",
        "Replies within 24 hours, up to 60 reviews a month",
    ] {
        assert!(!offer_with(|o| o.promise = capped.into()).contains(&RuleCode::OpenEnded), "{capped}");
    }
}

#[test]
fn audiences_bounded_only_by_a_wish_or_said_to_be_unbounded_are_vague() {
    for vague in [
        "インスタで集客したい方",
        "副業に興味がある人",
        "業種不問",
        "初心者からプロまで幅広く",
        "People interested in starting a podcast",
        "Small business owners who want more leads",
        "Businesses of every size, no matter the industry",
        "Podcasters, from first-timers to seasoned pros",
    ] {
        assert!(candidate_with(|c| c.audience = vague.into()).contains(&RuleCode::VagueAudience), "{vague}");
    }
    for bounded in [
        "開業したい美容師",
        "登録者1,000人〜1万人の料理系YouTuber",
        "Yoga teachers who want more bookings",
        "Wedding photographers in Yorkshire who shoot 20 or more weddings a year",
    ] {
        assert!(!candidate_with(|c| c.audience = bounded.into()).contains(&RuleCode::VagueAudience), "{bounded}");
    }
}

#[test]
fn qualifiers_names_and_parts_of_one_job_are_no_false_alarm() {
    for one in [
        "Dental practices in Ohio with 10 or more staff",
        "Independent bakeries in Austin, Texas",
        "駅前商店会の会員で、飲食店を営む方",
        "世田谷区、目黒区で個人経営している美容室",
        "Authors selling through Barnes & Noble Press",
    ] {
        assert!(!candidate_with(|c| c.audience = one.into()).contains(&RuleCode::SeveralAudiences), "{one}");
    }
    for one in ["The Bride & Groom Expo vendor directory", "Instagram Stories and Reels", "ランサーズのプロジェクト方式とコンペ方式", "地域ポータル「まち&くらし」"] {
        assert!(!candidate_with(|c| c.platform = one.into()).contains(&RuleCode::SeveralPlatforms), "{one}");
    }
    for several in ["ココナラ・ランサーズ", "Upwork as well as Contra", "Facebook groups or Nextdoor"] {
        assert!(candidate_with(|c| c.platform = several.into()).contains(&RuleCode::SeveralPlatforms), "{several}");
    }
    for business in ["Booked follow-up calls per month", "Cold reach-outs answered", "いいね数ではなく、実際の来店予約数", "200 paid newsletter subscribers a month"] {
        let codes = candidate_with(|c| c.outcome.metric = business.into());
        assert!(
            !codes.contains(&RuleCode::VanityMetric) && !codes.contains(&RuleCode::VanityNextToBusiness),
            "{business}: {codes:?}"
        );
    }
}

#[test]
fn a_finding_quotes_the_words_as_the_user_typed_them() {
    let matched = |audience: &str| {
        check_candidate(
            &{
                let mut c = focused_candidate();
                c.audience = audience.into();
                c
            },
            Lang::Ja,
        )
        .into_iter()
        .find(|f| f.code == RuleCode::VagueAudience)
        .and_then(|f| f.matched)
    };
    assert_eq!(matched("誰でもOK").as_deref(), Some("誰でも"));
    // Half-width kana match the list's 「だれでも」 and are quoted half-width.
    assert_eq!(matched("ﾀﾞﾚﾃﾞﾓ歓迎").as_deref(), Some("ﾀﾞﾚﾃﾞﾓ"));
    assert_eq!(matched("ANYONE who needs a site").as_deref(), Some("ANYONE"));
    assert_eq!(matched("だれでも").as_deref(), Some("だれでも"));
}

#[test]
fn channels_names_and_honorifics_are_read_as_people_write_them() {
    for several in ["Googleマップと、あとは知人からの紹介", "LinkedIn DMs plus cold email", "食べログ・ホットペッパーグルメ"] {
        assert!(candidate_with(|c| c.platform = several.into()).contains(&RuleCode::SeveralPlatforms), "{several}");
    }
    for one in ["Pinterest, mostly Idea Pins", "Procter & Gamble's supplier portal", "LINE公式アカウント"] {
        assert!(!candidate_with(|c| c.platform = one.into()).contains(&RuleCode::SeveralPlatforms), "{one}");
    }
    for several in ["飲食店さん、美容室さん、あとは工務店さんも", "写真館やお花屋さんなど", "介護施設だけでなく、学習塾も", "Not just restaurants but also hotels"] {
        assert!(candidate_with(|c| c.audience = several.into()).contains(&RuleCode::SeveralAudiences), "{several}");
    }
    assert!(!candidate_with(|c| c.audience = "楽天とYahoo!ショッピングに出店している食品メーカー".into())
        .contains(&RuleCode::SeveralAudiences));
    for vague in ["子育て中のママからシニア世代まで", "AIを活用したい企業様", "Businesses big and small", "Startups to Fortune 500s"] {
        assert!(candidate_with(|c| c.audience = vague.into()).contains(&RuleCode::VagueAudience), "{vague}");
    }
    for bounded in ["東京23区内の、すべての個人経営の花屋さん", "開業1年目から3年目までの整体院"] {
        assert!(!candidate_with(|c| c.audience = bounded.into()).contains(&RuleCode::VagueAudience), "{bounded}");
    }
}

#[test]
fn a_metric_says_what_is_counted_and_by_when() {
    let codes = |metric: &str| offer_with(|o| o.success_metric = metric.into());
    // The service's rhythm is no target and no deadline.
    let rhythm = codes("月1回の面談で、売上アップを目指す");
    assert!(rhythm.contains(&RuleCode::OutcomeWithoutNumber) && rhythm.contains(&RuleCode::OutcomeWithoutTimeframe));
    assert!(codes("Better results through weekly check-ins").contains(&RuleCode::OutcomeWithoutTimeframe));
    // Days or hours measured are no deadline; a number in words is a number.
    for untimed in ["月次締めを15日から5日に短縮", "Month-end close down from 12 days to 4", "First reply to every support email within 2 hours"] {
        assert!(codes(untimed).contains(&RuleCode::OutcomeWithoutTimeframe), "{untimed}");
    }
    assert!(!codes("Ten new retainer clients within three months").contains(&RuleCode::OutcomeWithoutNumber));
    assert!(!codes("3か月で面談予約を月10件").contains(&RuleCode::OutcomeWithoutTimeframe));
    // Attention named to set it aside, or that turns into sales, is no vanity metric.
    for business in ["フォロワーより、実際の問い合わせ件数", "見積もり依頼数（再生数は気にしない）", "Listing views that turn into sales"] {
        let found = candidate_with(|c| c.outcome.metric = business.into());
        assert!(!found.contains(&RuleCode::VanityMetric) && !found.contains(&RuleCode::VanityNextToBusiness), "{business}");
    }
    for vanity in ["投稿の保存数とシェア数", "Profile visits on Instagram"] {
        assert!(candidate_with(|c| c.outcome.metric = vanity.into()).contains(&RuleCode::VanityMetric), "{vanity}");
    }
}

#[test]
fn open_ended_promises_that_are_ruled_out_are_not_promised() {
    for ruled_out in ["何でも屋さんにしない、請求書発行だけの経理代行", "Not an 'anything goes' VA: 10 hours a month on invoicing only"] {
        assert!(!offer_with(|o| o.promise = ruled_out.into()).contains(&RuleCode::OpenEnded), "{ruled_out}");
    }
    for open in ["ご満足いただけるまで修正します", "As many rounds as it takes to get it right", "Message me any time, day or night"] {
        assert!(offer_with(|o| o.promise = open.into()).contains(&RuleCode::OpenEnded), "{open}");
    }
    let two_jobs = deliverables(&["ショート動画の撮影と編集 月4本", "インスタ広告の運用代行"]);
    assert!(two_jobs.contains(&RuleCode::SeveralTasks));
    let one_job = deliverables(&["Job ad copy for 2 roles a month", "Posting the ads on your careers page and Indeed"]);
    assert!(!one_job.contains(&RuleCode::SeveralTasks));
}

/// Session 13's fixes, each with a look-alike that must stay as it was.
#[test]
fn words_in_other_forms_and_roles() {
    // A number in words qualifies one group, as digits do.
    assert!(!candidate_with(|c| c.audience = "Independent dental practices in Ohio with one or two dentists".into())
        .contains(&RuleCode::SeveralAudiences));
    assert!(candidate_with(|c| c.audience = "Dental practices or veterinary clinics".into()).contains(&RuleCode::SeveralAudiences));
    // An attention word used as a verb is no vanity metric; as the metric it is.
    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    for business in ["Reach 150 Yelp reservations a month", "Reach a 4.8 rating with 40 booked tables a week"] {
        let found = metric(business);
        assert!(!found.contains(&RuleCode::VanityMetric) && !found.contains(&RuleCode::VanityNextToBusiness), "{business}");
    }
    for vanity in ["Reach on Instagram", "Follower growth", "More reach per post"] {
        assert!(metric(vanity).contains(&RuleCode::VanityMetric), "{vanity}");
    }
    // A place that leaves nobody out, or an interest alone, bounds nothing.
    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    for vague in ["Small businesses everywhere", "全国の中小企業", "AIに興味がある中小企業の方"] {
        assert!(audience(vague).contains(&RuleCode::VagueAudience), "{vague}");
    }
    for bounded in ["Small businesses in Leeds", "全国の歯科医院", "AIに興味がある歯科医院の院長"] {
        assert!(!audience(bounded).contains(&RuleCode::VagueAudience), "{bounded}");
    }
    // 「日数」 counts days: the thing measured, not a deadline.
    let timed = |m: &str| !offer_with(|o| o.success_metric = m.into()).contains(&RuleCode::OutcomeWithoutTimeframe);
    assert!(!timed("見積もり作成にかかる日数を3日から1日に短縮"));
    assert!(timed("半年で見積もり作成の日数を3日から1日に短縮"));
    // Two platforms by name, one of them MENTA.
    assert!(candidate_with(|c| c.platform = "MENTAとタイムチケット".into()).contains(&RuleCode::SeveralPlatforms));
    assert!(!candidate_with(|c| c.platform = "MENTA".into()).contains(&RuleCode::SeveralPlatforms));
    // Parts of one job share a kind; different jobs do not.
    for one in [
        &["リール動画の編集 月4本", "テロップとBGMの挿入"][..],
        &["商品登録と説明文作成 月40点まで", "登録状況の月次報告"][..],
        &["Googleマップの口コミ返信 月30件まで", "口コミ返信の月次報告"][..],
    ] {
        assert!(!deliverables(one).contains(&RuleCode::SeveralTasks), "{one:?}");
    }
    for several in [
        &["施工事例ページの作成 月2件", "チラシデザイン", "Googleビジネスプロフィール運用"][..],
        &["Menu redesign", "Online ordering setup", "Monthly payroll processing"][..],
    ] {
        assert!(deliverables(several).contains(&RuleCode::SeveralTasks), "{several:?}");
    }
    let problem = |p: &str| candidate_with(|c| c.problem = p.into());
    assert!(problem("物件紹介文の作成、内見の日程調整、契約書類のチェックまで手が足りない").contains(&RuleCode::SeveralTasks));
    assert!(!problem("物件紹介文の作成が追いつかない").contains(&RuleCode::SeveralTasks));
}

#[test]
fn jobs_of_the_back_office_lists_said_with_toka_and_the_writers_own_clauses() {
    let problem = |p: &str| candidate_with(|c| c.problem = p.into()).contains(&RuleCode::SeveralTasks);
    // Rotas, cleaning, stock counts, IT set-up and events are jobs of their own.
    assert!(problem("Payroll, the staff rota and supplier orders all land on my desk every Friday."));
    assert!(problem("店内の清掃スケジュール作り、アルバイトのシフト作成、月末の棚卸しを私が担当している"));
    assert!(problem("I'm the office manager, so I set up laptops for new hires, and now I've also been asked to plan the summer party."));
    // 「とか」 lists like 「と」; 「なんとか」 joins nothing.
    assert!(problem("請求書の発行とか、Googleの口コミ返信とか、スタッフの給与計算とか、細かい事務が多い"));
    assert!(!problem("請求書の発行をなんとか減らしたい"));
    // A consequence that is not the writer's doing stays out of the list.
    assert!(!problem("Product photos have messy backgrounds and uneven colour, so listings look amateur"));
    // A word that names a job only in other senses: a chatbot trained on FAQs,
    // the shifts a recruit can work.
    assert!(!problem("Job ads for care assistants get few applicants, and most can't work the shifts on offer"));
    for one in [
        &["Chatbot setup, trained on up to 40 of your FAQs", "One-page guide for updating answers"][..],
        &["8 Instagram posts a month", "Scheduling and publishing each post", "Monthly report on the posts"][..],
        &["ロゴ制作 1案", "修正2回まで"][..],
    ] {
        assert!(!deliverables(one).contains(&RuleCode::SeveralTasks), "{one:?}");
    }
    for several in [
        // A supporting word inside a job's own name (不具合修正) is that job.
        &["メルマガの執筆と、ホームページの不具合修正"][..],
        &["ＬＩＮＥ公式アカウントの配信文作成（月４通）", "事務所ＰＣ・複合機の初期設定"][..],
        &["Cleaning rota setup and monthly payroll processing"][..],
        &["Product photography (30 shots a month)", "Packaging design for one new product line", "Stock count spreadsheet"][..],
    ] {
        assert!(deliverables(several).contains(&RuleCode::SeveralTasks), "{several:?}");
    }
    // 「5・6年生」 is one range of school years, not two groups.
    let audience = |a: &str| candidate_with(|c| c.audience = a.into()).contains(&RuleCode::SeveralAudiences);
    assert!(!audience("中学受験を控えた小学5・6年生の保護者"));
    assert!(audience("美容室・歯科医院の経営者"));
}

#[test]
fn open_ended_counts_ruled_out_taglines_and_as_and_when() {
    let promise = |p: &str| offer_with(|o| o.promise = p.into()).contains(&RuleCode::OpenEnded);
    assert!(!promise("「何でも屋」ではなく、飲食店の月次記帳だけに絞ったサービスです。"));
    assert!(promise("分からない問題は、何問でも質問OKです。"));
    assert!(promise("何でも対応します。"));
    let title = |t: &str| offer_with(|o| o.title = t.into()).contains(&RuleCode::OpenEnded);
    assert!(!title("Anything But Generic: Monthly Website Copy for Dental Practices"));
    assert!(title("Anything your practice needs, every month"));
    assert!(deliverables(&["Monthly website health check", "Ongoing support as and when you need it"]).contains(&RuleCode::OpenEnded));
    assert!(!deliverables(&["Monthly website health check", "Support as and when you need it, up to 3 hours a month"])
        .contains(&RuleCode::OpenEnded));
}

#[test]
fn unbounded_ranges_work_priced_apart_and_counts_of_days_moving() {
    let vague = |a: &str| candidate_with(|c| c.audience = a.into()).contains(&RuleCode::VagueAudience);
    for unbounded in ["集客に悩むすべての事業主さま", "どんな業種の方でも", "From solo founders to enterprise teams", "Any local business"] {
        assert!(vague(unbounded), "{unbounded}");
    }
    for bounded in ["福岡市のすべての歯科医院", "Any dental clinic in Leeds", "From 5 to 20 staff: independent cafés in Leeds"] {
        assert!(!vague(bounded), "{bounded}");
    }
    let several = |a: &str| candidate_with(|c| c.audience = a.into()).contains(&RuleCode::SeveralAudiences);
    assert!(several("英会話教室のほか、ピアノ教室の先生にも"));
    assert!(!several("英会話教室の先生"));
    // Places joined by 「・」 before 「の」 say where: 「京都・祇園の」.
    assert!(!several("インバウンドのお客様を増やしたい、京都・祇園の着物レンタル店"));
    assert!(several("京都の着物レンタル店・大阪のたこ焼き店"));
    let platforms = |p: &str| candidate_with(|c| c.platform = p.into()).contains(&RuleCode::SeveralPlatforms);
    assert!(platforms("Thumbtack & Angi"));
    assert!(!platforms("Angi"));

    let promise = |p: &str| offer_with(|o| o.promise = p.into()).contains(&RuleCode::OpenEnded);
    for open in ["ご要望次第でどこまでも対応いたします", "追加のご依頼にはすべて対応", "Anything else you need, too"] {
        assert!(promise(open), "{open}");
    }
    for edged in ["上記3点すべて対応します", "Need anything else? I'll quote it separately; this plan covers the 6 emails only."] {
        assert!(!promise(edged), "{edged}");
    }
    assert!(offer_with(|o| o.title = "All-you-can-edit video plan".into()).contains(&RuleCode::OpenEnded));
    assert!(deliverables(&["LINE配信文の作成（月4通）", "その他のご依頼は都度ご相談で対応"]).contains(&RuleCode::OpenEnded));

    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    for attention in ["noteのスキ数", "YouTubeチャンネルの視聴回数", "YouTube watch time"] {
        assert!(metric(attention).contains(&RuleCode::VanityMetric), "{attention}");
    }
    for beside in ["Page views and demo requests", "ページのいいね数と資料請求数"] {
        let found = metric(beside);
        assert!(found.contains(&RuleCode::VanityNextToBusiness) && !found.contains(&RuleCode::VanityMetric), "{beside}");
    }
    let untimed = |m: &str| offer_with(|o| o.success_metric = m.into()).contains(&RuleCode::OutcomeWithoutTimeframe);
    assert!(untimed("初回相談から成約まで、平均30日を14日に"));
    assert!(!untimed("月商を3か月で50万円に"));

    let problem = |p: &str| candidate_with(|c| c.problem = p.into()).contains(&RuleCode::SeveralTasks);
    for several in [
        "Their menu is outdated and they also need a logo and a booking system",
        "They need more students, a new website, and help with taxes",
        "Editing, scripting, sponsorship outreach, and merch are all on them",
        "文章も書けないし、デザインもできないし、動画編集もわからない",
    ] {
        assert!(problem(several), "{several}");
    }
    assert!(!problem("Their menu is outdated and nobody reads it"));
    for one in [
        &["Sponsor pitch deck refresh", "10 outreach emails a month"][..],
        &["記事添削 月4本", "添削内容の解説動画（10分）"][..],
        &["レビュー返信文の作成・投稿（月80件まで）", "低評価レビューの月次まとめ"][..],
        &["AIチャットボットの設定（よくある質問50件まで）", "運用マニュアル（PDF）"][..],
    ] {
        assert!(!deliverables(one).contains(&RuleCode::SeveralTasks), "{one:?}");
    }
    for several in [
        &["業務用プロンプト作成・社内マニュアル作成・SNS投稿代行"][..],
        &["Portfolio page updates", "Resume rewrite", "Headshot retouching"][..],
    ] {
        assert!(deliverables(several).contains(&RuleCode::SeveralTasks), "{several:?}");
    }
}

#[test]
fn jobs_of_clinics_schools_sites_and_lettings_bullets_and_what_a_job_is_about() {
    let problem = |p: &str| candidate_with(|c| c.problem = p.into()).contains(&RuleCode::SeveralTasks);
    for several in [
        "受付が、患者さんへの予約リマインドの電話と、レセプト請求の点検で毎日手一杯です。",
        "保護者向けのお便り作りに加えて、月謝の請求書発行も毎月手作業でやっています",
        // A word before 「の」 says what the job is about: 内見 and 退去 do not make one job.
        "内見の問い合わせ対応とか、退去立会いの日程調整とかで、本業の仲介が全然進まない",
        "Our front desk rings patients with appointment reminders; the afternoon goes on chasing insurance claims.",
        "Writing up quotes eats every evening, and I'm also weeks behind on sorting site photos.",
    ] {
        assert!(problem(several), "{several}");
    }
    for one in ["レセプトの点検と返戻の再請求に毎月追われている", "Tenant enquiries and viewing requests pile up every week"] {
        assert!(!problem(one), "{one}");
    }
    for several in [
        &["■LINE自動応答の設定 ■ECサイトへの商品登録（月20点）"][..],
        &["アレルゲン一覧表の作成、Instagram投稿の代行"][..],
        &["Shift rota planning; patient intake form redesign"][..],
        &["Daily site report template", "Planning permission application drafting", "Monthly review call"][..],
        &["Lesson worksheet design (8 a month)", "Termly tuition invoice run", "Parent newsletter, twice a term"][..],
    ] {
        assert!(deliverables(several).contains(&RuleCode::SeveralTasks), "{several:?}");
    }
    for one in [
        &["動画の撮影と編集（月2本）", "サムネイルの修正1回"][..],
        &["■商品撮影 ■写真の切り抜きと色補正"][..],
        &["Insurance claims submission; rejected claims resubmitted", "Monthly claims report"][..],
    ] {
        assert!(!deliverables(one).contains(&RuleCode::SeveralTasks), "{one:?}");
    }
    // An appositive names the one platform again.
    let platforms = |p: &str| candidate_with(|c| c.platform = p.into()).contains(&RuleCode::SeveralPlatforms);
    assert!(!platforms("Makers & Growers, the regional farm-shop marketplace"));
    assert!(platforms("Etsy, Amazon Handmade"));
}

#[test]
fn multiples_weekdays_declined_promises_and_bounded_anyone() {
    let success = |m: &str| offer_with(|o| o.success_metric = m.into());
    // A multiple is a number to reach; 「今期中」 is a deadline; 「平日」 is which days.
    for counted in ["半年で無断キャンセル率を半減させる", "９０日でＥＣの注文数を倍増", "Double online orders in 90 days"] {
        assert!(!success(counted).contains(&RuleCode::OutcomeWithoutNumber), "{counted}");
    }
    assert!(success("Grow online orders in 90 days").contains(&RuleCode::OutcomeWithoutNumber));
    assert!(!success("今期中に売上アップを実感していただくこと").contains(&RuleCode::OutcomeWithoutTimeframe));
    assert!(success("平日の来店客数を増やす").contains(&RuleCode::OutcomeWithoutTimeframe));
    assert!(!success("3か月で平日の来店客数を月40人増やす").contains(&RuleCode::OutcomeWithoutTimeframe));
    // 「PV3万」: a count written right against the letters still names page views.
    assert!(success("半年でPV3万").contains(&RuleCode::VanityMetric));
    assert!(!success("3か月以内に、有料会員（月額980円）の登録者数を120人に").contains(&RuleCode::VanityMetric));
    assert!(success("3か月以内に、YouTubeの登録者数を1000人に").contains(&RuleCode::VanityMetric));

    let promise = |p: &str| offer_with(|o| o.promise = p.into()).contains(&RuleCode::OpenEnded);
    for declined in [
        "「無制限修正」はやっていません。そのかわり、初稿の前に30分のヒアリングを必ず行います",
        "No unlimited revisions here: you get two rounds.",
    ] {
        assert!(!promise(declined), "{declined}");
    }
    assert!(promise("修正は無制限です"));
    assert!(!deliverables(&["Landing page copy for the client's 'Unlimited Yoga' membership"]).contains(&RuleCode::OpenEnded));
    assert!(deliverables(&["Landing page copy, 'unlimited' tweaks"]).contains(&RuleCode::OpenEnded));

    let vague = |a: &str| candidate_with(|c| c.audience = a.into()).contains(&RuleCode::VagueAudience);
    for unbounded in ["Small businesses who need help with marketing", "Business owners curious about AI", "Anyone running a business"] {
        assert!(vague(unbounded), "{unbounded}");
    }
    for bounded in ["Anyone running a Shopify store that ships to EU customers", "Dental practices who need more hygiene patients"] {
        assert!(!vague(bounded), "{bounded}");
    }
    let several = |a: &str| candidate_with(|c| c.audience = a.into()).contains(&RuleCode::SeveralAudiences);
    assert!(!several("京都市内でB&B形式の民泊を営むオーナー"));
}

#[test]
fn sentences_text_with_photos_short_pairs_and_relative_clauses() {
    let problem = |p: &str| candidate_with(|c| c.problem = p.into()).contains(&RuleCode::SeveralTasks);
    for several in [
        "予約の電話にでれないし、求人を出しても応募が来ない。インスタも3か月止まってる",
        "ホームページが古いのと、会計ソフトへの入力が半年分たまっている",
        "LINEの配信ネタがない＆在庫管理がエクセルでぐちゃぐちゃ",
        "Missed calls while on jobs, plus nobody's posted on Facebook since March and the van needs new signage",
        "Need help w/ bookkeeping and also our Instagram is basically dead",
    ] {
        assert!(problem(several), "{several}");
    }
    // Photos and the text that goes with them are one piece of content.
    assert!(!problem("季節の新作を出しても、告知用の写真と文章が用意できず、来店につながらない"));
    assert!(!deliverables(&["予約注文の配信 月4回", "配信文と写真の作成"]).contains(&RuleCode::SeveralTasks));
    assert!(deliverables(&["月謝の請求・入金確認・教室のチラシ作成"]).contains(&RuleCode::SeveralTasks));

    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    for one in ["犬と猫のトリミングサロン（1〜2名で営業）", "Salons that do both hair and nails under one roof", "Solo accountants who are AAT members and work from home"] {
        assert!(!audience(one).contains(&RuleCode::SeveralAudiences), "{one}");
    }
    for two in ["美容室と歯科医院の経営者", "Hair salons and nail bars in Leeds"] {
        assert!(audience(two).contains(&RuleCode::SeveralAudiences), "{two}");
    }
    assert!(!audience("スタッフ誰でも使えるマニュアルを作りたい整体院の院長").contains(&RuleCode::VagueAudience));
    assert!(audience("誰でも歓迎").contains(&RuleCode::VagueAudience));
    for vague in ["もっと売上を伸ばしたいと考えている経営者の方", "any small business that wants to look more professional online"] {
        assert!(audience(vague).contains(&RuleCode::VagueAudience), "{vague}");
    }

    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    let found = metric("LINE配信の開封数と予約注文の件数");
    assert!(found.contains(&RuleCode::VanityNextToBusiness) && !found.contains(&RuleCode::VanityMetric));
    let success = |m: &str| offer_with(|o| o.success_metric = m.into());
    assert!(!success("Eighteen direct bookings a month by next Easter").contains(&RuleCode::OutcomeWithoutNumber));
    assert!(!success("Fill the diary by Q3").contains(&RuleCode::OutcomeWithoutTimeframe));
    assert!(success("Fill the diary").contains(&RuleCode::OutcomeWithoutTimeframe));
    assert!(offer_with(|o| o.promise = "Every review answered, however many come in".into()).contains(&RuleCode::OpenEnded));
}

#[test]
fn slang_for_attention_moods_seasons_and_caps_said_loosely() {
    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    for attention in ["eyeballs on the reels, tbh", "How much buzz the drop gets in its first week", "バズり具合"] {
        assert!(metric(attention).contains(&RuleCode::VanityMetric), "{attention}");
    }
    for beside in ["Profile taps and DMs asking for a quote", "Hits on the portfolio and the odd enquiry, I guess", "バズり具合と、そこから来るご予約の数"] {
        let found = metric(beside);
        assert!(found.contains(&RuleCode::VanityNextToBusiness) && !found.contains(&RuleCode::VanityMetric), "{beside}");
    }
    for business in ["Engagement letters signed by new clients", "Click-and-collect orders per week"] {
        let found = metric(business);
        assert!(!found.contains(&RuleCode::VanityMetric) && !found.contains(&RuleCode::VanityNextToBusiness), "{business}");
    }
    let timed = |m: &str| !offer_with(|o| o.success_metric = m.into()).contains(&RuleCode::OutcomeWithoutTimeframe);
    for period in ["今シーズン中に、スキースクールの体験レッスン予約を30件", "夏休み前に短期講座の申込み二十名", "Twelve paid fittings booked before the wedding rush kicks off in May"] {
        assert!(timed(period), "{period}");
    }
    assert!(!timed("Twelve paid fittings booked, may be more"));

    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    for vague in [
        "なんとなく「このままじゃヤバい」と感じてる経営者さん",
        "SMEs, really",
        "People who are AI-curious but haven't a clue where to start",
        "Creatives and go-getters of every stripe",
    ] {
        let found = audience(vague);
        assert!(found.contains(&RuleCode::VagueAudience) && !found.contains(&RuleCode::SeveralAudiences), "{vague}");
    }
    assert!(!audience("Dental practices in Leeds, really").contains(&RuleCode::VagueAudience));

    let promise = |p: &str| offer_with(|o| o.promise = p.into()).contains(&RuleCode::OpenEnded);
    assert!(promise("Tweaks whenever you fancy - just ping me and it's done"));
    assert!(!promise("Four reels a month, each with one round of tweaks; anything beyond that gets quoted first"));
    for open in [&["Revisions until you're 100% chuffed"][..], &["Slack access for questions - sky's the limit"][..], &["撮影（月2回）", "レタッチは言ってくれれば都度対応"][..]] {
        assert!(deliverables(open).contains(&RuleCode::OpenEnded), "{open:?}");
    }
    assert!(deliverables(&["メール返信の代行", "Canvaでのバナー制作", "Shopifyの在庫管理"]).contains(&RuleCode::SeveralTasks));
}

#[test]
fn feelings_attitudes_and_everyday_attention() {
    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    for vague in [
        "将来に不安を感じている方",
        "People who feel stuck in their business",
        "Ambitious entrepreneurs",
        "Business owners from all walks of life",
        "Any and every small business, solo or with a team",
    ] {
        let found = audience(vague);
        assert!(found.contains(&RuleCode::VagueAudience) && !found.contains(&RuleCode::SeveralAudiences), "{vague}");
    }
    for bounded in ["Whoever manages bookings at a boutique hotel in Lisbon", "Ambitious wedding florists in Bristol", "将来に備えたい福岡市の個人タクシー運転手"] {
        assert!(!audience(bounded).contains(&RuleCode::VagueAudience), "{bounded}");
    }
    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    for attention in ["もっと多くの人に見てもらうこと", "How many people watch the Reels", "Visibility on Google"] {
        assert!(metric(attention).contains(&RuleCode::VanityMetric), "{attention}");
    }
    for beside in [
        "認知度アップと、問い合わせも少し",
        "More people finding us and more bookings",
        "Visibility plus enquiries",
        "Likes on the posts and people actually signing up",
    ] {
        let found = metric(beside);
        assert!(found.contains(&RuleCode::VanityNextToBusiness) && !found.contains(&RuleCode::VanityMetric), "{beside}");
    }
    let success = |m: &str| offer_with(|o| o.success_metric = m.into());
    for beside in ["Reach up 40% and 15 new paying members by the end of March", "3か月以内に動画の再生回数1万回と有料会員20名"] {
        let found = success(beside);
        assert!(found.contains(&RuleCode::VanityNextToBusiness) && !found.contains(&RuleCode::VanityMetric), "{beside}");
    }
    // "Reach up to …" is still the verb.
    let found = success("Reach up to 150 booked tables a week within 3 months");
    assert!(!found.contains(&RuleCode::VanityMetric) && !found.contains(&RuleCode::VanityNextToBusiness));
}

#[test]
fn okurigana_sites_where_a_job_lives_possessives_and_unbounded_sectors() {
    let problem = |p: &str| candidate_with(|c| c.problem = p.into()).contains(&RuleCode::SeveralTasks);
    for several in [
        "集客の仕組みづくりと、新人スタッフの教育の両方で悩んでいます",
        "集客がイマイチ。あと、スタッフ教育もなんとかしたい",
        "I pack and ship the farm-box orders myself as well as keeping the farm shop's Instagram going.",
    ] {
        assert!(problem(several), "{several}");
    }
    for one in [
        "the menu and opening hours on their website are always out of date",
        "ホームページのメニューと営業時間がいつも古いまま",
        "I pack and ship every order myself",
    ] {
        assert!(!problem(one), "{one}");
    }
    for several in [&["LP制作・Instagram運用・MEO対策 一式"][..], &["YouTube動画の編集 月４本", "LINE公式アカウントの配信代行 月４回"][..]] {
        assert!(deliverables(several).contains(&RuleCode::SeveralTasks), "{several:?}");
    }
    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    assert!(!audience("福岡市内で七五三・お宮参りの出張撮影をしているカメラマン").contains(&RuleCode::SeveralAudiences));
    assert!(audience("カフェ・美容室のオーナー").contains(&RuleCode::SeveralAudiences));
    for vague in [
        "Brands of every shape and size, any niche",
        "Businesses, whatever your sector, solo to enterprise",
        "Small biz owners",
        "People tired of the 9 to 5 who want a side income",
        "Ambitious founders ready to scale",
    ] {
        assert!(audience(vague).contains(&RuleCode::VagueAudience), "{vague}");
    }
    for bounded in ["Aspiring novelists self-publishing on KDP", "Dentists in Leeds tired of no-shows"] {
        assert!(!audience(bounded).contains(&RuleCode::VagueAudience), "{bounded}");
    }
    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    assert!(!metric("billed impressions per month on the litho press").contains(&RuleCode::VanityMetric));
    assert!(metric("YouTube subs").contains(&RuleCode::VanityMetric));
    assert!(!metric("paying Patreon subs").contains(&RuleCode::VanityMetric));
    let success = |m: &str| offer_with(|o| o.success_metric = m.into());
    let found = success("10k impressions a month across the client's posts");
    assert!(found.contains(&RuleCode::VanityMetric) && !found.contains(&RuleCode::VanityNextToBusiness));
    let found = success("Grow the insta following while landing 20 bookings a month by June");
    assert!(found.contains(&RuleCode::VanityNextToBusiness));
    // 「毎週の定例会で」 only says how often we meet: no deadline.
    assert!(success("毎週の定例会で進捗を確認しながら、問い合わせを増やしていきます").contains(&RuleCode::OutcomeWithoutTimeframe));
    let promise = |p: &str| offer_with(|o| o.promise = p.into()).contains(&RuleCode::OpenEnded);
    assert!(promise("お任せください！どんな作業でも対応します"));
    assert!(promise("Copy for any page you need"));
    assert!(!promise("“何でも屋”ではありません。整体院専門のホームページ更新代行"));
}

#[test]
fn verbs_made_nouns_objects_of_one_job_days_named_and_typos() {
    let problem = |p: &str| candidate_with(|c| c.problem = p.into()).contains(&RuleCode::SeveralTasks);
    for several in [
        "求人票の書き直しと、新人研修の資料づくりを両方お願いしたいです",
        "レッスン動画の編集に手が回らないうえ、月謝の集金と帳簿付けも自分でやっていて時間がない",
        "メニューの英語表記と、外国人スタッフの採用、どちらも手探りの状態です",
        "チラシとホームページを作って、インスタも運用したい",
    ] {
        assert!(problem(several), "{several}");
    }
    // Two documents as the object of one translation job.
    assert!(!problem("英文の見積書と仕様書を、毎回社長が夜中に機械翻訳で直している"));
    let deliverable_rows = |rows: &[&str]| deliverables(rows).contains(&RuleCode::SeveralTasks);
    assert!(deliverable_rows(&["Grant writing (1 application/month)", "Donor database cleanup", "Facebook ad campaigns"]));
    assert!(deliverable_rows(&["告知投稿の作成・広告運用・来場者アンケートの集計"]));
    assert!(!deliverable_rows(&["商品説明文の書き直し（月6商品）", "商品写真の撮影と補正（月6商品）"]));
    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    for vague in ["Business owners of any kind, any size", "Any bussiness that needs more customers", "Musicians at every level", "ペット関係のお店ならどこでも"] {
        assert!(audience(vague).contains(&RuleCode::VagueAudience), "{vague}");
    }
    for bounded in ["浄土真宗のお寺の住職で、永代供養墓の案内を始めたい方", "ミシュラン掲載の有無を問わず、東京都内の鮨店"] {
        assert!(!audience(bounded).contains(&RuleCode::VagueAudience), "{bounded}");
    }
    assert!(audience("経営者で、集客を学びたい方").contains(&RuleCode::VagueAudience));
    assert!(audience("業種を問わず、東京都内のお店").contains(&RuleCode::VagueAudience));
    assert!(!audience("Fish & chip shops in Yorkshire").contains(&RuleCode::SeveralAudiences));
    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    for beside in ["Views, and how many people buy the course", "Followers and referral meetings", "Likes on product posts and recovered carts", "講座ページのビュー数と体験申込数"] {
        assert!(metric(beside).contains(&RuleCode::VanityNextToBusiness), "{beside}");
    }
    assert!(!metric("レビュー返信までの日数").contains(&RuleCode::VanityMetric));
    let success = |m: &str| offer_with(|o| o.success_metric = m.into());
    assert!(success("Reach 50,000 accounts a month within 90 days").contains(&RuleCode::VanityMetric));
    assert!(!success("Reach 150 booked tables a week within 3 months").contains(&RuleCode::VanityMetric));
    for no_deadline in ["請求書の発行を、締め日の10日後から3日後に早める", "週1回のチェックインで、問い合わせを10件増やす"] {
        assert!(success(no_deadline).contains(&RuleCode::OutcomeWithoutTimeframe), "{no_deadline}");
    }
    let title = |t: &str| offer_with(|o| o.title = t.into()).contains(&RuleCode::OpenEnded);
    assert!(!title("Booking Page Fixes for All-You-Can-Eat Sushi Bars"));
    assert!(title("The All-You-Can-Eat Copy Plan"));
    let row = |name: &str| deliverables(&[name]).contains(&RuleCode::OpenEnded);
    assert!(row("Re-edits without limits") && row("バナー画像の作成（必要な分だけ）"));
}

#[test]
fn every_place_at_once_caps_in_brackets_clauses_and_pictures_for_the_content() {
    let platform = |p: &str| candidate_with(|c| c.platform = p.into()).contains(&RuleCode::SeveralPlatforms);
    assert!(platform("SNS全般") && platform("All the socials"));
    assert!(!platform("Instagram"));
    let promise = |p: &str| offer_with(|o| o.promise = p.into()).contains(&RuleCode::OpenEnded);
    assert!(promise("ご不安が消えるまで、気の済むまでお付き合いします。"));
    assert!(promise("経理まわりのお困りごとは全部お引き受けします。"));
    let row = |name: &str| deliverables(&[name, "月1回の振り返り面談"]).contains(&RuleCode::OpenEnded);
    assert!(!row("ご相談は何度でもOK（月3時間まで）"));
    assert!(row("ご相談は何度でもOK"));
    let rows = |names: &[&str]| deliverables(names).contains(&RuleCode::SeveralTasks);
    assert!(!rows(&["最新情報の投稿 月4回（文章作成から投稿まで）", "院内写真の追加 月10枚まで", "月1回の予約数レポート"]));
    assert!(!rows(&["体験希望者へのメール返信・日程調整（月30件まで）", "月1回の入会率レポート"]));
    assert!(!rows(&["4 SEO blog posts a month, published to your WordPress site", "Keyword brief for each post"]));
    // Photos next to a different job are still a second job.
    assert!(rows(&["Product photos (20 a month)", "Bookkeeping in Xero"]));
    let problem = |p: &str| candidate_with(|c| c.problem = p.into()).contains(&RuleCode::SeveralTasks);
    for several in [
        "Between keeping the Shopify catalogue up to date and answering returns emails, the owner never gets round to sending a newsletter.",
        "Most Mondays she's phoning no-shows to rebook them, and Tuesdays disappear into updating the class timetable on the website.",
    ] {
        assert!(problem(several), "{several}");
    }
    assert!(!problem("Receipts pile up and VAT returns get filed late"));
    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    assert!(metric("Profile views, and how many of those people actually book a table").contains(&RuleCode::VanityNextToBusiness));
    let success = |m: &str| offer_with(|o| o.success_metric = m.into());
    assert!(success("Higher open and click rates, and 10 new paying members a month within 6 months").contains(&RuleCode::VanityNextToBusiness));
    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    for vague in ["Anyone selling online who feels stuck", "Any small business owner who's tired of doing their own social media"] {
        assert!(audience(vague).contains(&RuleCode::VagueAudience), "{vague}");
    }
    assert!(!audience("Anyone selling handmade candles on Etsy").contains(&RuleCode::VagueAudience));
    assert!(!audience("Shopify stores selling dog and cat food with under 2,000 orders a month").contains(&RuleCode::SeveralAudiences));
    assert!(audience("Dog groomers and cat cafés").contains(&RuleCode::SeveralAudiences));
}

#[test]
fn messy_typing_rates_brackets_and_conditions() {
    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    for one in ["開業1〜3年目・スタッフ5名以下の整骨院（大阪市内）", "開業3年以内・スタッフ3名以下・自費メインの鍼灸院", "ceramicists selling on their own w/ under $5k/mo. revenue"] {
        assert!(!audience(one).contains(&RuleCode::SeveralAudiences), "{one}");
    }
    assert!(audience("地方の工務店（従業員10名以下）と設計事務所").contains(&RuleCode::SeveralAudiences));
    assert!(audience("Florists/bakers in Leeds").contains(&RuleCode::SeveralAudiences));
    for vague in ["個人店ならALL OK！開業前〜ベテランまで", "SMBs (small businesses)", "cafés, salons, gyms - honestly any local biz"] {
        let found = audience(vague);
        assert!(found.contains(&RuleCode::VagueAudience) && !found.contains(&RuleCode::SeveralAudiences), "{vague}");
    }
    assert!(!audience("SMBs (10-50 staff) in Leeds").contains(&RuleCode::VagueAudience));
    let rows = |names: &[&str]| deliverables(names).contains(&RuleCode::SeveralTasks);
    assert!(rows(&["ブログ記事作成・SNS運用・Googleアナリティクス設定（月〆でまとめてご報告）"]));
    assert!(!rows(&["ブログ記事の作成 月4本", "月次のご報告（Googleアナリティクスの数字つき）"]));
    let success = |m: &str| offer_with(|o| o.success_metric = m.into());
    assert!(success("likes and store visits both up 50% within 2 months").contains(&RuleCode::VanityNextToBusiness));
    assert!(offer_with(|o| o.title = "POST AS MUCH AS U WANT - $99/MO".into()).contains(&RuleCode::OpenEnded));
}

#[test]
fn trade_and_office_jargon_names_jobs() {
    let problem = |p: &str| candidate_with(|c| c.problem = p.into()).contains(&RuleCode::SeveralTasks);
    for several in [
        "Snagging lists and CIS returns eat every weekend I have.",
        "Every job needs the RAMS doing, and after that I'm keeping the CRM tidy until midnight.",
        "Reception is sending out the vaccine reminders and also keeping the flea-treatment stock ordered.",
        "Our reps key orders off WhatsApp by hand and then spend Fridays chasing overdue accounts.",
        "Our consultants are reformatting CVs and doing the right-to-work checks on temps themselves.",
        "I show couples round on Saturdays and do the supplier invoices on Sundays.",
        "収穫の合間に、直売所のPOPづくりと補助金の申請書類づくりをしている",
    ] {
        assert!(problem(several), "{several}");
    }
    assert!(!problem("Receipts pile up and VAT returns get filed late"));
    assert!(!deliverables(&["平日9時〜17時の電話一次対応（月150件まで）", "見積依頼の一覧表の送付（週1回）"]).contains(&RuleCode::SeveralTasks));
    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    assert!(!audience("Independent plumbing and heating firms with 2 to 8 engineers in Greater Manchester").contains(&RuleCode::SeveralAudiences));
    assert!(audience("Any tradesperson who wants more local work").contains(&RuleCode::VagueAudience));
    assert!(!audience("小学生から高校生までを教える、個別指導の学習塾").contains(&RuleCode::VagueAudience));
    assert!(audience("小学生から高校生までの保護者の方").contains(&RuleCode::VagueAudience));
    let success = |m: &str| offer_with(|o| o.success_metric = m.into());
    for beside in ["25 tender invitations and 2,000 LinkedIn impressions a month", "40 new pet registrations and 1,000 new followers by December", "半年で、入札への参加を月3件にし、ホームページの閲覧数も月2,000にする"] {
        let found = success(beside);
        assert!(found.contains(&RuleCode::VanityNextToBusiness) && !found.contains(&RuleCode::VanityMetric), "{beside}");
    }
    assert!(!success("20 site views booked by surveyors for the empty industrial units by the end of September").contains(&RuleCode::VanityNextToBusiness));
    assert!(success("Debtor days down from 60 to 35").contains(&RuleCode::OutcomeWithoutTimeframe));
    assert!(!success("Debtor days down from 60 to 35 within 6 months").contains(&RuleCode::OutcomeWithoutTimeframe));
}

#[test]
fn channels_quoted_names_places_alone_and_parts_of_a_place() {
    let platform = |p: &str| candidate_with(|c| c.platform = p.into()).contains(&RuleCode::SeveralPlatforms);
    for several in ["LinkedInでのDMと、Wantedlyの募集ページ", "知人からの紹介と、商工会議所の会報への広告", "「ココナラ」と「ランサーズ」"] {
        assert!(platform(several), "{several}");
    }
    for one in ["My portfolio site and its contact form", "The 'Etsy Sellers UK' Facebook group"] {
        assert!(!platform(one), "{one}");
    }
    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    assert!(!audience("埼玉県川口市、従業員2〜5名の水道工事店").contains(&RuleCode::SeveralAudiences));
    assert!(audience("埼玉県の水道工事店、工務店").contains(&RuleCode::SeveralAudiences));
    for vague in ["From solo founders to 500-person teams", "Any online business"] {
        assert!(audience(vague).contains(&RuleCode::VagueAudience), "{vague}");
    }
    assert!(!audience("Online businesses selling vintage furniture in the UK").contains(&RuleCode::VagueAudience));
    let promise = |p: &str| offer_with(|o| o.promise = p.into()).contains(&RuleCode::OpenEnded);
    assert!(promise("経理のことなら、どんな小さなことでもお任せください"));
    assert!(promise("月額料金の範囲内なら、ご依頼の数に上限はありません"));
    assert!(deliverables(&["事業計画書の添削（2回まで）", "融資面談の練習はご希望の回数だけ"]).contains(&RuleCode::OpenEnded));
    let problem = |p: &str| candidate_with(|c| c.problem = p.into()).contains(&RuleCode::SeveralTasks);
    for several in [
        "They need content, a new website, and help with their email list",
        "No time to write blog posts or to answer support tickets",
        "Onboarding new hires drags on for weeks, and payroll keeps going wrong",
        "They need a booking page, and their newsletter hasn't gone out in a year",
    ] {
        assert!(problem(several), "{several}");
    }
    let rows = |names: &[&str]| deliverables(names).contains(&RuleCode::SeveralTasks);
    assert!(rows(&["Booking engine setup", "Hotel logo redesign", "Monthly direct-booking report"]));
    assert!(!rows(&["Two custom GPTs, built and tested", "Team walkthrough (60 min)"]));
    assert!(!rows(&["施工事例ページの作成 月3件", "写真の明るさ補正とトリミング", "掲載後のアクセス数・相談数の月次報告"]));
    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    for beside in ["Likes and table reservations", "Subscribers and sponsorship deals"] {
        assert!(metric(beside).contains(&RuleCode::VanityNextToBusiness), "{beside}");
    }
    assert!(offer_with(|o| o.success_metric = "Grow followers by 2,000 and close 5 retainers in Q3".into()).contains(&RuleCode::VanityNextToBusiness));
}

#[test]
fn places_listed_after_in_second_qualifiers_and_wishes_that_end_in_a_bare_person() {
    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    for one in [
        "Mobile dog groomers in Leeds, Bradford, and Wakefield",
        "Solo real-estate agents in Tampa, Florida, listing 2-6 homes a month",
        "Handymen in Columbus, Ohio working alone or with one helper",
        "US-based SaaS startups with under 10 people and no in-house writer",
        "大阪・天満エリアの焼肉店（席数30席以上）",
        "大阪・心斎橋の古着屋（店主1人で運営）",
    ] {
        assert!(audience(one).is_empty(), "{one}: {:?}", audience(one));
    }
    for several in [
        "Dog groomers in Leeds and dentists in York",
        "Dentists, vets and physios in Leeds",
        "ネイルサロンやヨガ教室、町の工務店など",
        "大阪の美容室・歯科医院",
    ] {
        assert!(audience(several).contains(&RuleCode::SeveralAudiences), "{several}");
    }
    for vague in [
        "Companies big or small, whatever industry you're in",
        "Business owners of any age, gender or sector who need a logo",
        "From solo side-hustlers to 500-person companies",
        "Solo business owners who want their time back",
        "People at a crossroads in their career",
        "副業で月5万円くらい稼いでみたいと思っている方",
        "ビジネスを次のステージに進めたい、すべての経営者の方へ",
        "ChatGPTに興味はあるけど、使いこなせていない人",
    ] {
        assert!(audience(vague).contains(&RuleCode::VagueAudience), "{vague}");
    }
    for bounded in ["Solo photographers in Bristol", "From Leeds to York, family-run cafés", "開業したいと考えている、30代の美容師の方"] {
        assert!(!audience(bounded).contains(&RuleCode::VagueAudience), "{bounded}");
    }
}

#[test]
fn attention_words_hires_holidays_moving_days_and_number_words_that_describe() {
    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    assert!(metric("Profile views and hires").contains(&RuleCode::VanityNextToBusiness));
    assert!(metric("Watch-time on the free YouTube channel and paid course enrolments").contains(&RuleCode::VanityNextToBusiness));
    assert!(metric("LINEの友だち数と、月の来店数").contains(&RuleCode::VanityNextToBusiness));
    assert!(metric("Subscriber count").contains(&RuleCode::VanityMetric));
    assert!(metric("リーチイン冷蔵庫の月間販売台数").is_empty());
    let result = |m: &str| offer_with(|o| o.success_metric = m.into());
    assert!(result("Three hundred gift cards sold online before Christmas").is_empty());
    assert!(result("Three hundred gift cards sold online").contains(&RuleCode::OutcomeWithoutTimeframe));
    assert!(result("Get more five-star reviews this quarter").contains(&RuleCode::OutcomeWithoutNumber));
    assert!(!result("Twenty-five five-star reviews this quarter").contains(&RuleCode::OutcomeWithoutNumber));
    let moving = result("見積もりの返信にかかる時間を平均2日から当日に");
    assert!(moving.contains(&RuleCode::OutcomeWithoutTimeframe) && !moving.contains(&RuleCode::OutcomeWithoutNumber), "{moving:?}");
    assert!(result("Monthly review calls until we hit 50 booked consultations").contains(&RuleCode::OutcomeWithoutTimeframe));
    assert!(!result("50 booked consultations a month by month 4").contains(&RuleCode::OutcomeWithoutTimeframe));
    let promise = |p: &str| offer_with(|o| o.promise = p.into()).contains(&RuleCode::OpenEnded);
    assert!(promise("英語まわりのことは、量を気にせずどんどん投げてください。"));
    assert!(promise("Tell me what you want and I'll write it - as many emails as the month calls for."));
    assert!(!promise("Up to 8 emails a month, written from your notes"));
    assert!(!offer_with(|o| o.title = "何でも屋さん向け 月額ホームページ保守".into()).contains(&RuleCode::OpenEnded));
    assert!(offer_with(|o| o.title = "ホームページのことなら何でも".into()).contains(&RuleCode::OpenEnded));
    let platform = |p: &str| candidate_with(|c| c.platform = p.into()).contains(&RuleCode::SeveralPlatforms);
    assert!(platform("クラウドワークス中心、ときどきミツモアからも受注"));
    assert!(!platform("ミツモア"));
}

#[test]
fn quotes_apart_from_payments_edits_of_a_job_steps_after_a_colon_and_lists_said_with_no_mo() {
    let problem = |p: &str| candidate_with(|c| c.problem = p.into()).contains(&RuleCode::SeveralTasks);
    for several in [
        "I'm on the tools all day, then at night I'm writing up quotes and chasing folk who havent paid",
        "I'm chasing retention payments one week and pricing up variations the next",
        "Between sending reminder emails to late payers and taking bookings over the phone, the owner never gets to the grooming",
        "They need an online store, a new shopfront sign, and someone to train the new mechanic",
        "インスタの投稿を考えるのも、店頭のPOPを書くのも、ネットショップの在庫を数えるのも全部自分でやってて手が回らない",
        "LINEで来る予約の受付をしつつ、空いた時間にホームページのお知らせ欄も直している",
        "有料記事を書く時間も、読者からの質問メールに返事をする時間も取れない",
        "受付スタッフが、ワクチンの案内はがきの発送とフードの在庫発注まで抱えている",
        "予約管理をデジタル化したいのと、スタッフ向けの接客マニュアルも作りたい",
    ] {
        assert!(problem(several), "{several}");
    }
    for one in [
        "Onboarding new hires takes me a full day each: setting up their logins, booking their induction and sending the handbook",
        "Receipts pile up and VAT returns get filed late",
        "Dues reminders get ignored and the treasurer chases late payers by hand",
        "Quotes go out late because I price up every job by hand",
        "買い物をするのも大変な高齢の方が多い",
        "商品の梱包と発送が追いつかない",
    ] {
        assert!(!problem(one), "{one}");
    }
    let rows = |names: &[&str]| deliverables(names).contains(&RuleCode::SeveralTasks);
    assert!(rows(&["1 flyer design per month", "Website edits - unlimited", "Student survey analysis"]));
    assert!(rows(&["Project gallery uploads (2 projects/month)", "VAT returns", "Van livery design"]));
    assert!(rows(&["出品文のリライト・アイコン制作・販売戦略コンサル"]));
    assert!(rows(&["Chasing retention payments, up to 15 accounts", "Pricing up variations, up to 10 a month"]));
    assert!(!rows(&["Logo design, 3 concepts", "Logo revisions (2 rounds)"]));
    assert!(!rows(&["Quote write-ups from your notes (up to 20 a month)", "Quote template with your prices"]));
    assert!(!rows(&["Quarterly VAT return preparation and filing", "Monthly check of invoices for VAT coding", "Reminder email 2 weeks before each deadline"]));
    assert!(!rows(&["求人票の作成・リライト 月3職種", "1職種につき修正3回まで"]));
    assert!(!rows(&["ビジネス・コーチング 月2回"]));
}

#[test]
fn reminders_chase_the_job_dates_and_sources_name_no_job_and_counters_count() {
    let rows = |names: &[&str]| deliverables(names).contains(&RuleCode::SeveralTasks);
    for one in [
        &["Fee invoicing", "Payment checks (up to 60 students)", "Reminder messages to late payers"][..],
        &["月謝の請求送付", "入金確認（生徒60名まで）", "未入金の方へのリマインド連絡"],
        &["Tasting appointments booked from the enquiry form", "Written quote within 48 hours", "Deposit invoice sent and chased"],
        &["Answer lesson requests from the website form the same day", "Text reminders the evening before every lesson"],
    ] {
        assert!(!rows(one), "{one:?}");
    }
    for several in [
        &["Payment link sent with each booking confirmation", "Deposit reminders, flash-sheet design and the studio's bookkeeping"][..],
        &["Write the farm shop's monthly newsletter", "Design labels for the new yoghurt pots"],
        &["Recruit two night-shift caregivers", "Redesign the brochure for families"],
        &["Weekly newsletter", "Appointment reminder texts", "Website redesign"],
    ] {
        assert!(rows(several), "{several:?}");
    }
    let problem = |p: &str| candidate_with(|c| c.problem = p.into()).contains(&RuleCode::SeveralTasks);
    for several in [
        "Invoicing, tax prep and chasing new clients all keep getting pushed back",
        "Answering booking calls, updating the blog, doing the accounts — it's all on me",
        "Our allotment society's waiting list is a mess, and we'd like a new logo for the summer show.",
        "I need my repair shop's Google listing sorted out, and someone to take over ordering parts.",
        "ネットショップの立ち上げと、職人の後継者探しを手伝ってほしい。",
        "清掃業者の手配が追いつかず、ゲストとのメッセージも英語で返せていない。",
        "月謝の集金が手渡しで大変なうえ、コーチごとにバラバラな指導方針を揃えたい。",
    ] {
        assert!(problem(several), "{several}");
    }
    for one in [
        "Receipts pile up and get entered in a rush before the tax deadline",
        "Vacancy photos are years old, so nobody books a viewing",
        "Every estimate means measuring up, pricing the materials and typing it all into a spreadsheet",
        "仕上げと納品が遅れがち",
    ] {
        assert!(!problem(one), "{one}");
    }
    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    for one in [
        "independent barbers in Manchester running a one- or two-chair shop",
        "joinery firms in Leeds or Wakefield with under 10 employees",
        "ベトナムやネパールからの留学生が多い、東京都内の日本語学校",
    ] {
        assert!(audience(one).is_empty(), "{one}: {:?}", audience(one));
    }
    for several in ["個人の美容師さん、それから小さな工務店さん", "joinery firms in Leeds or dentists in Wakefield", "ベトナムの雑貨店やネパール料理店"] {
        assert!(audience(several).contains(&RuleCode::SeveralAudiences), "{several}");
    }
    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    assert!(metric("followers and weekday covers").contains(&RuleCode::VanityNextToBusiness));
    assert!(metric("How many times our TikTok videos get shared").contains(&RuleCode::VanityMetric));
    assert!(metric("People reached by the shrine's festival posts").contains(&RuleCode::VanityMetric));
    for business in ["Community shares sold in the village pub co-op", "Paying followers of the sourdough course", "月額1,500円の有料メンバーシップに加入しているフォロワーの人数"] {
        assert!(metric(business).is_empty(), "{business}");
    }
    let result = |m: &str| offer_with(|o| o.success_metric = m.into());
    assert!(result("1年でチャンネル登録者1,000人と有料相談20件").contains(&RuleCode::VanityNextToBusiness));
    assert!(result("Cut average days to payment from 45 to 30").contains(&RuleCode::OutcomeWithoutTimeframe));
    assert!(!result("Cut average days to payment from 45 to 30 by June").contains(&RuleCode::OutcomeWithoutTimeframe));
    assert!(result("三十組の見学予約を9月末までに").is_empty());
    assert!(result("More confirmed bookings this season than last").contains(&RuleCode::OutcomeWithoutNumber));
    assert!(!result("More confirmed bookings this season than last").contains(&RuleCode::OutcomeWithoutTimeframe));
    let open = |o: OfferInput| check_offer(&o, Lang::En).iter().any(|f| f.code == RuleCode::OpenEnded);
    assert!(open(OfferInput { title: "Translator admin — all you can use".into(), ..focused_offer() }));
    assert!(open(OfferInput { promise: "Call on me whenever the club needs a hand with its kit orders.".into(), ..focused_offer() }));
    assert!(!open(OfferInput { promise: "Four edited videos a month; unlimited revisions are not part of this plan.".into(), ..focused_offer() }));
    assert!(!open(OfferInput { title: "スポーツジム『通い放題プラン』の入会案内ページ制作".into(), ..focused_offer() }));
    assert!(deliverables(&["Translation of any documents your students need"]).contains(&RuleCode::OpenEnded));
    assert!(!deliverables(&["Translation of up to 10 documents your students need"]).contains(&RuleCode::OpenEnded));
    assert!(!candidate_with(|c| c.platform = "じゃらん遊び・体験".into()).contains(&RuleCode::SeveralPlatforms));
}

#[test]
fn everyday_job_words_name_the_job_in_both_languages() {
    let problem = |p: &str| candidate_with(|c| c.problem = p.into()).contains(&RuleCode::SeveralTasks);
    for several in [
        "They want competitor research done and a mobile app built for loyalty stamps",
        "競合調査をしたいのと、店舗アプリも作りたい",
        "Chasing invoices and answering the phone eat my whole morning",
    ] {
        assert!(problem(several), "{several}");
    }
    let rows = |names: &[&str]| deliverables(names).contains(&RuleCode::SeveralTasks);
    assert!(rows(&["Customer survey design and analysis", "Logo refresh"]));
    assert!(!rows(&["Customer survey design (up to 20 questions)", "Survey results summary"]));
    assert!(!rows(&["アプリ開発（ログイン画面と予約機能）", "リリース後1か月の不具合対応"]));
}

#[test]
fn attention_told_in_everyday_words_and_tickets_as_results() {
    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    for vanity in [
        "How many people saw the gig poster online",
        "Plays on the recipe videos",
        "Email open counts for the monthly newsletter",
        "ポスターをネットで見てもらえた数",
        "新メニュー投稿への反応数と拡散",
        "工房の名前が地元でどれだけ認知されたか",
    ] {
        assert!(metric(vanity).contains(&RuleCode::VanityMetric), "{vanity}");
    }
    for beside in ["Escape-room bookings, plus how many saw the ads", "売上と、広告を見た人の数"] {
        assert!(metric(beside).contains(&RuleCode::VanityNextToBusiness), "{beside}");
    }
    for business in ["Co-op member shares bought by local residents", "認知症カフェの参加予約数", "Tickets sold for the spring recital"] {
        assert!(metric(business).is_empty(), "{business}");
    }
    let result = |m: &str| offer_with(|o| o.success_metric = m.into());
    assert!(result("Get the reel seen by 8,000 people and sell 60 tickets by 30 June").contains(&RuleCode::VanityNextToBusiness));
    assert!(result("6月30日までにリールを8,000人に届け、チケットを60枚売る").contains(&RuleCode::VanityNextToBusiness));
    assert!(result("月にメルマガ開封1,500件と教室予約40件").contains(&RuleCode::VanityNextToBusiness));
    assert!(result("6月末までに月2万回の再生と月150食のブランチ来店").contains(&RuleCode::VanityNextToBusiness));
    assert!(result("6月末までに月150食のブランチ来店").is_empty());
    let platform = |p: &str| candidate_with(|c| c.platform = p.into()).contains(&RuleCode::SeveralPlatforms);
    assert!(platform("Mostly Etsy, sometimes craft fairs"));
    assert!(!platform("Craft fairs in Yorkshire"));
}

#[test]
fn household_jobs_bounds_after_a_number_and_favourites_as_attention() {
    let rows = |names: &[&str]| deliverables(names).contains(&RuleCode::SeveralTasks);
    assert!(rows(&["Weekly batch-cooking visit (3 hours, 5 dishes)", "Kitchen and bathroom deep clean", "School-run pickups"]));
    assert!(rows(&["週1回の訪問作り置き（3時間・5品）", "水回りの掃除", "子どもの習い事の送迎"]));
    assert!(rows(&["Bilingual signage for the shop counter", "Listing products on Amazon", "Customer-service English lessons for staff"]));
    assert!(rows(&["Weekly parent update written and sent", "Taster session landing page", "Subs collection and chasing"]));
    assert!(!rows(&["送迎バスのルート表の作成", "当日の配車連絡", "月末の送迎実績の集計"]));
    assert!(!rows(&["Meal prep for 5 dinners a week", "Shopping for the week's ingredients"]));
    let audience = |a: &str| candidate_with(|c| c.audience = a.into());
    assert!(audience("Ryokan in Kyoto with 10 rooms or fewer").is_empty());
    assert!(audience("Ryokan in Kyoto or guesthouses in Nara").contains(&RuleCode::SeveralAudiences));
    let metric = |m: &str| candidate_with(|c| c.outcome.metric = m.into());
    assert!(metric("Etsy favourites").contains(&RuleCode::VanityMetric));
    assert!(metric("お気に入り登録数").contains(&RuleCode::VanityMetric));
    assert!(metric("Portfolio page views").contains(&RuleCode::VanityMetric));
    assert!(metric("チャンネル登録者数と教材の販売数").contains(&RuleCode::VanityNextToBusiness));
    assert!(metric("投稿のインプレッションと商談件数").contains(&RuleCode::VanityNextToBusiness));
    let result = |m: &str| offer_with(|o| o.success_metric = m.into());
    assert!(result("10 monthly subscribers within six months").is_empty());
    assert!(result("Zero double bookings by next Christmas").is_empty());
    assert!(candidate_with(|c| c.platform = "Local Facebook groups & leaflet drops".into()).contains(&RuleCode::SeveralPlatforms));
}

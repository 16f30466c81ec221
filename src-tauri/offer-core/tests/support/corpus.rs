//! Scores the focus check on the labelled corpus in `tests/focus-corpus/`:
//! precision and recall per rule and language, on the whole corpus and on the
//! held-out part. Shared by `tests/focus_corpus.rs` (the floors CI holds) and
//! `examples/focus_benchmark.rs` (the table in the README).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use offerwright_core::analysis::focus::{check_candidate, check_offer, RuleCode, Severity};
use offerwright_core::domain::input::{CandidateInput, DeliverableInput, OfferInput, OutcomeInput};
use offerwright_core::Lang;
use serde::Deserialize;

/// The rules a coach judges from the text; the others check blanks and numbers.
pub const JUDGED: [RuleCode; 9] = [
    RuleCode::SeveralPlatforms,
    RuleCode::VagueAudience,
    RuleCode::SeveralAudiences,
    RuleCode::SeveralTasks,
    RuleCode::VanityMetric,
    RuleCode::VanityNextToBusiness,
    RuleCode::OpenEnded,
    RuleCode::OutcomeWithoutNumber,
    RuleCode::OutcomeWithoutTimeframe,
];

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CandidateCase {
    pub platform: Option<String>,
    pub audience: Option<String>,
    pub problem: Option<String>,
    pub metric: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OfferCase {
    pub title: Option<String>,
    pub promise: Option<String>,
    pub deliverables: Option<Vec<String>>,
    pub success_metric: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Case {
    pub id: String,
    #[serde(default)]
    pub candidate: Option<CandidateCase>,
    #[serde(default)]
    pub offer: Option<OfferCase>,
    pub expect: Vec<String>,
    #[serde(default)]
    pub why: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Tuning,
    HeldOut,
}

pub struct Labelled {
    pub lang: Lang,
    pub part: Part,
    pub case: Case,
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/focus-corpus")
}

pub fn load() -> Vec<Labelled> {
    let mut all = Vec::new();
    for (part, dir) in [(Part::Tuning, "tuning"), (Part::HeldOut, "held-out")] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir().join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|e| e.expect("corpus folder entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        for path in files {
            // ja.json, ja-2.json: the language is the name's first part.
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let lang = if name.starts_with("ja") { Lang::Ja } else { Lang::En };
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let cases: Vec<Case> =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            all.extend(cases.into_iter().map(|case| Labelled { lang, part, case }));
        }
    }
    all
}

fn or(value: &Option<String>, default: &str) -> String {
    value.clone().unwrap_or_else(|| default.to_string())
}

/// A clean candidate with the case's fields in it.
pub fn candidate(case: &CandidateCase, lang: Lang) -> CandidateInput {
    let (platform, audience, problem, metric) = match lang {
        Lang::Ja => ("Instagram", "横浜市の個人経営の美容室", "予約の電話に出られず取りこぼしている", "新規予約数"),
        Lang::En => ("Instagram", "independent hair salons in Leeds", "missed booking calls while with clients", "new bookings"),
    };
    CandidateInput {
        name: "corpus".into(),
        platform: or(&case.platform, platform),
        audience: or(&case.audience, audience),
        problem: or(&case.problem, problem),
        outcome: OutcomeInput {
            metric: or(&case.metric, metric),
            target: Some(20),
            unit: String::new(),
            timeframe_amount: Some(3),
            timeframe_unit: "months".into(),
        },
        status: "idea".into(),
        ..CandidateInput::default()
    }
}

/// A clean offer with the case's fields in it.
pub fn offer(case: &OfferCase, lang: Lang) -> OfferInput {
    let (title, promise, deliverable, metric, out_of_scope, price, currency) = match lang {
        Lang::Ja => (
            "美容室の予約導線づくり 月額プラン",
            "3か月で電話の取りこぼしをなくし、新規予約を増やします",
            "予約ページの改善",
            "3か月以内に新規予約を月20件",
            "広告費",
            "30000",
            "JPY",
        ),
        Lang::En => (
            "Booking flow care for hair salons",
            "No missed booking calls within three months",
            "Booking page improvements",
            "20 new bookings a month within 3 months",
            "Ad spend",
            "300",
            "USD",
        ),
    };
    let names = case.deliverables.clone().unwrap_or_else(|| vec![deliverable.to_string()]);
    OfferInput {
        candidate_id: None,
        title: or(&case.title, title),
        promise: or(&case.promise, promise),
        deliverables: names
            .into_iter()
            .map(|name| DeliverableInput {
                name,
                quantity_per_month: 1,
                turnaround_days: 5,
                hours_each: "2".into(),
            })
            .collect(),
        out_of_scope: vec![out_of_scope.to_string()],
        price: price.into(),
        currency: currency.into(),
        minimum_term_months: 3,
        success_metric: or(&case.success_metric, metric),
        contact: "hello@example.com".into(),
    }
}

/// What the check found on a case, as `rule@field` labels.
pub fn predicted(item: &Labelled) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut keep = |code: RuleCode, field: String| {
        if JUDGED.contains(&code) {
            found.insert(format!("{}@{field}", code.as_str()));
        }
    };
    if let Some(c) = &item.case.candidate {
        for f in check_candidate(&candidate(c, item.lang), item.lang) {
            let field = if f.field == "outcome.metric" { "metric".to_string() } else { f.field };
            keep(f.code, format!("candidate.{field}"));
        }
    }
    if let Some(o) = &item.case.offer {
        for f in check_offer(&offer(o, item.lang), item.lang) {
            keep(f.code, format!("offer.{}", f.field));
        }
    }
    found
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub true_positive: usize,
    pub false_positive: usize,
    pub false_negative: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }
    fn add(&mut self, other: Counts) {
        self.true_positive += other.true_positive;
        self.false_positive += other.false_positive;
        self.false_negative += other.false_negative;
    }
}

/// 1.0 when there was nothing to find or nothing found: no evidence of a miss.
fn ratio(hit: usize, all: usize) -> f64 {
    if all == 0 {
        1.0
    } else {
        hit as f64 / all as f64
    }
}

fn rule_of(label: &str) -> String {
    label.split('@').next().unwrap_or_default().to_string()
}

pub fn is_error(rule: &str) -> bool {
    RuleCode::parse(rule)
        .and_then(offerwright_core::analysis::focus::rule)
        .is_some_and(|r| r.severity == Severity::Error)
}

/// One language and part's figures: per rule, all errors together, clean
/// cases with any finding, and each case the check got wrong.
#[derive(Debug, Default)]
pub struct Score {
    pub cases: usize,
    pub clean_cases: usize,
    pub clean_with_error: usize,
    pub clean_with_any: usize,
    pub per_rule: BTreeMap<String, Counts>,
    pub errors: Counts,
    pub wrong: Vec<String>,
}

pub fn score<'a>(items: impl Iterator<Item = &'a Labelled>) -> Score {
    let mut s = Score::default();
    for rule in JUDGED {
        s.per_rule.insert(rule.as_str(), Counts::default());
    }
    for item in items {
        let expected: BTreeSet<String> = item.case.expect.iter().cloned().collect();
        let found = predicted(item);
        s.cases += 1;
        if expected.is_empty() {
            s.clean_cases += 1;
            s.clean_with_any += usize::from(!found.is_empty());
            s.clean_with_error += usize::from(found.iter().any(|l| is_error(&rule_of(l))));
        }
        let mut tally = |label: &String, counts: Counts| {
            let rule = rule_of(label);
            if is_error(&rule) {
                s.errors.add(counts);
            }
            s.per_rule.entry(rule).or_default().add(counts);
        };
        for label in expected.intersection(&found) {
            tally(label, Counts { true_positive: 1, ..Counts::default() });
        }
        for label in found.difference(&expected) {
            tally(label, Counts { false_positive: 1, ..Counts::default() });
        }
        for label in expected.difference(&found) {
            tally(label, Counts { false_negative: 1, ..Counts::default() });
        }
        if expected != found {
            let missed: Vec<&String> = expected.difference(&found).collect();
            let extra: Vec<&String> = found.difference(&expected).collect();
            s.wrong.push(format!("{}: missed {missed:?}, extra {extra:?} ({})", item.case.id, item.case.why));
        }
    }
    s
}

pub fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    }
}

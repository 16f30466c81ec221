//! The focus check: catches the vague offer ("I'll do anything for anyone")
//! before the user prints it. It reads the raw input shapes, so it gives
//! findings even while a field still fails validation.

mod catalog;
pub mod text;

use serde::Serialize;

pub use catalog::{rule, RuleCode, Severity};
use catalog::{words, WordList};
use text::{contains_phrase, has_number, names_several, Prepared};

use crate::analysis::economics::economics;
use crate::domain::input::{CandidateInput, OfferInput};
use crate::domain::money::{Currency, Money};
use crate::domain::offer::OfferFields;
use crate::domain::package::{Package, PackageInput};
use crate::domain::pilot::{PilotInput, MAX_PILOT_CLIENTS};
use crate::Lang;

/// One thing the check noticed about one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: RuleCode,
    pub severity: Severity,
    /// The input it is about, as in validation errors (`deliverables[1].name`).
    pub field: String,
    pub message: String,
    pub suggestion: String,
    /// The word that triggered it, where there is one ("followers").
    pub matched: Option<String>,
    /// The user's reason, when they dismissed this warning or tip.
    pub dismissed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FocusReport {
    /// No errors: the offer or candidate may be called ready.
    pub ready: bool,
    pub errors: usize,
    /// Warnings and tips not dismissed.
    pub warnings: usize,
    pub tips: usize,
    pub findings: Vec<Finding>,
}

/// A dismissed warning or tip: which rule, on which field, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dismissal {
    pub code: RuleCode,
    pub field: String,
    pub reason: String,
}

impl FocusReport {
    pub fn new(mut findings: Vec<Finding>, dismissals: &[Dismissal]) -> FocusReport {
        for f in &mut findings {
            if f.severity != Severity::Error {
                f.dismissed = dismissals
                    .iter()
                    .find(|d| d.code == f.code && d.field == f.field)
                    .map(|d| d.reason.clone());
            }
        }
        let count = |s: Severity| {
            findings
                .iter()
                .filter(|f| f.severity == s && f.dismissed.is_none())
                .count()
        };
        let errors = count(Severity::Error);
        FocusReport {
            ready: errors == 0,
            errors,
            warnings: count(Severity::Warning),
            tips: count(Severity::Tip),
            findings,
        }
    }
}

struct Findings {
    lang: Lang,
    out: Vec<Finding>,
}

impl Findings {
    fn add(&mut self, code: RuleCode, field: &str, matched: Option<&str>) {
        if let Some(rule) = rule(code) {
            self.out.push(Finding {
                code,
                severity: rule.severity,
                field: field.to_string(),
                message: rule.message(self.lang),
                suggestion: rule.suggestion(self.lang),
                matched: matched.map(str::to_string),
                dismissed: None,
            });
        }
    }
}

fn first_match<'a>(text: &Prepared, list: &'a WordList) -> Option<&'a str> {
    list.entries()
        .iter()
        .find(|w| contains_phrase(&text.folded, w))
        .map(String::as_str)
}

/// "small businesses", 「中小企業」 or 「個人事業主の方」: a generic audience with
/// nothing that narrows it.
fn generic_alone<'a>(text: &Prepared, list: &'a WordList) -> Option<&'a str> {
    let core = text.core();
    let core = core.strip_prefix("all ").unwrap_or(&core);
    list.entries()
        .iter()
        .find(|w| {
            let w = w.as_str();
            core == w
                || ["の方", "の皆様", "の人", "さん", "向け"]
                    .iter()
                    .any(|suffix| core == format!("{w}{}", text::prepare_phrase(suffix)))
        })
        .map(String::as_str)
}

/// A metric names attention (likes, followers) rather than a business result.
fn check_metric(f: &mut Findings, field: &str, metric: &Prepared) {
    let w = words();
    if let Some(vanity) = first_match(metric, &w.vanity_metric) {
        if first_match(metric, &w.business_metric).is_some() {
            f.add(RuleCode::VanityNextToBusiness, field, Some(vanity));
        } else {
            f.add(RuleCode::VanityMetric, field, Some(vanity));
        }
    }
}

pub fn check_candidate(input: &CandidateInput, lang: Lang) -> Vec<Finding> {
    let w = words();
    let mut f = Findings { lang, out: Vec::new() };
    let platform = Prepared::new(&input.platform);
    if platform.is_blank() {
        f.add(RuleCode::MissingPlatform, "platform", None);
    } else if names_several(&platform, w.conjunctions.entries(), &w.particles, true) {
        f.add(RuleCode::SeveralPlatforms, "platform", None);
    }
    let audience = Prepared::new(&input.audience);
    if audience.is_blank() {
        f.add(RuleCode::MissingAudience, "audience", None);
    } else {
        if let Some(word) =
            first_match(&audience, &w.vague_audience).or_else(|| generic_alone(&audience, &w.generic_audience))
        {
            f.add(RuleCode::VagueAudience, "audience", Some(word));
        }
        if names_several(&audience, w.conjunctions.entries(), &w.particles, true) {
            f.add(RuleCode::SeveralAudiences, "audience", None);
        }
    }
    let problem = Prepared::new(&input.problem);
    if problem.is_blank() {
        f.add(RuleCode::MissingProblem, "problem", None);
    } else if names_several(&problem, w.conjunctions.entries(), &w.particles, false) {
        // Commas are left out here: a problem is a sentence in the client's words.
        f.add(RuleCode::SeveralTasks, "problem", None);
    }
    let metric = Prepared::new(&input.outcome.metric);
    if metric.is_blank() {
        f.add(RuleCode::MissingOutcome, "outcome.metric", None);
    } else {
        check_metric(&mut f, "outcome.metric", &metric);
        if input.outcome.target.is_none() {
            f.add(RuleCode::OutcomeWithoutNumber, "outcome.target", None);
        }
        if input.outcome.timeframe_amount.is_none() {
            f.add(RuleCode::OutcomeWithoutTimeframe, "outcome.timeframe_amount", None);
        }
    }
    f.out
}

pub fn check_offer(input: &OfferInput, lang: Lang) -> Vec<Finding> {
    let w = words();
    let mut f = Findings { lang, out: Vec::new() };
    let title = Prepared::new(&input.title);
    if let Some(word) = first_match(&title, &w.open_ended) {
        f.add(RuleCode::OpenEnded, "title", Some(word));
    }
    let promise = Prepared::new(&input.promise);
    if promise.is_blank() {
        f.add(RuleCode::MissingPromise, "promise", None);
    } else if let Some(word) = first_match(&promise, &w.open_ended) {
        f.add(RuleCode::OpenEnded, "promise", Some(word));
    }
    if input.deliverables.iter().all(|d| d.name.trim().is_empty()) {
        f.add(RuleCode::NoDeliverables, "deliverables", None);
    }
    for (i, d) in input.deliverables.iter().enumerate() {
        if let Some(word) = first_match(&Prepared::new(&d.name), &w.open_ended) {
            f.add(RuleCode::OpenEnded, &format!("deliverables[{i}].name"), Some(word));
        }
        if d.quantity_per_month <= 0 {
            f.add(
                RuleCode::DeliverableWithoutQuantity,
                &format!("deliverables[{i}].quantity_per_month"),
                None,
            );
        }
    }
    if input.out_of_scope.iter().all(|s| s.trim().is_empty()) {
        f.add(RuleCode::EmptyOutOfScope, "out_of_scope", None);
    }
    let currency = Currency::parse("currency", &input.currency).unwrap_or(Currency::default_for(lang));
    if Money::parse("price", &input.price, currency).map_or(true, Money::is_zero) {
        f.add(RuleCode::MissingPrice, "price", None);
    }
    let metric = Prepared::new(&input.success_metric);
    if metric.is_blank() {
        f.add(RuleCode::MissingSuccessMetric, "success_metric", None);
    } else {
        check_metric(&mut f, "success_metric", &metric);
        if !has_number(&metric) {
            f.add(RuleCode::OutcomeWithoutNumber, "success_metric", None);
        }
        if first_match(&metric, &w.timeframe).is_none() {
            f.add(RuleCode::OutcomeWithoutTimeframe, "success_metric", None);
        }
    }
    if input.contact.trim().is_empty() {
        f.add(RuleCode::MissingContact, "contact", None);
    }
    f.out
}

/// Rules that need the package plan and the pilot: promised slots within
/// capacity, and a pilot of 1–3 clients.
pub fn check_plan(
    offer: &OfferInput,
    package: Option<&PackageInput>,
    pilot: Option<&PilotInput>,
    lang: Lang,
) -> Vec<Finding> {
    let mut f = Findings { lang, out: Vec::new() };
    if let (Ok(draft), Some(package)) = (OfferFields::try_from(offer), package) {
        if let Ok(plan) = Package::parse(package, draft.monthly_price.currency()) {
            if economics(&draft, &plan, lang).slots_over_capacity {
                f.add(RuleCode::SlotsAboveCapacity, "slots", None);
            }
        }
    }
    if let Some(pilot) = pilot {
        if !(1..=MAX_PILOT_CLIENTS).contains(&pilot.clients) {
            f.add(RuleCode::PilotSize, "clients", None);
        }
    }
    f.out
}

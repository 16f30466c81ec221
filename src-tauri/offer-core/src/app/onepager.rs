//! What the offer one-pager says, in the reader's language: every line is
//! finished text here, so the renderer only places it. User text stays text;
//! nothing in this module is markup.

use serde::Serialize;

use crate::analysis::economics::{economics, price_display};
use crate::domain::candidate::{Candidate, CandidateFields};
use crate::domain::offer::{outcome_sentence, Offer, OfferFields};
use crate::domain::package::{Package, PackageInput};
use crate::domain::pilot::{Pilot, PilotInput};
use crate::error::CoreResult;
use crate::{locales, Database, Lang};

/// The fixed words of the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Labels {
    pub kind: String,
    pub audience: String,
    pub problem: String,
    pub outcome: String,
    pub measured: String,
    pub monthly: String,
    pub price: String,
    pub not_included: String,
    pub how_to_start: String,
    pub slots: String,
    pub contact: String,
}

impl Labels {
    pub fn new(lang: Lang) -> Labels {
        let say = |key: &str| locales::text(lang, key, &[]);
        Labels {
            kind: say("onepager.label.kind"),
            audience: say("onepager.label.audience"),
            problem: say("onepager.label.problem"),
            outcome: say("onepager.label.outcome"),
            measured: say("onepager.label.measured"),
            monthly: say("onepager.label.monthly"),
            price: say("onepager.label.price"),
            not_included: say("onepager.label.notIncluded"),
            how_to_start: say("onepager.label.howToStart"),
            slots: say("onepager.label.slots"),
            contact: say("onepager.label.contact"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeliverableLine {
    pub name: String,
    /// "8 per month · within 3 working days", empty when neither is set.
    pub detail: String,
}

/// Everything printed on the page, section by section. The section names are
/// the keys the renderer uses when it says which one to shorten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OnePager {
    pub lang: Lang,
    pub labels: Labels,
    pub title: String,
    pub promise: String,
    pub audience: String,
    pub platform: String,
    pub problem: String,
    pub outcome: String,
    pub measured: String,
    pub deliverables: Vec<DeliverableLine>,
    pub price: String,
    /// "per month · minimum 3 months", and a founding-client price if the pilot has one.
    pub price_terms: Vec<String>,
    pub not_included: Vec<String>,
    pub start_steps: Vec<String>,
    pub slots: String,
    pub contact: String,
}

/// The sections a user can shorten; each one's name for people is
/// `rust.onepager.section.<key>` in the catalogs.
pub const SECTIONS: [&str; 10] = [
    "title",
    "audience",
    "problem",
    "outcome",
    "monthly",
    "price",
    "not_included",
    "how_to_start",
    "slots",
    "contact",
];

/// The section's name for people, or the key itself if unknown.
pub fn section_name(key: &str, lang: Lang) -> String {
    if SECTIONS.contains(&key) {
        locales::text(lang, &format!("onepager.section.{key}"), &[])
    } else {
        key.to_string()
    }
}

fn deliverable_line(d: &crate::domain::offer::Deliverable, lang: Lang) -> DeliverableLine {
    let mut parts = Vec::new();
    if d.quantity_per_month > 0 {
        parts.push(locales::text(
            lang,
            "onepager.perMonth",
            &[("n", &d.quantity_per_month)],
        ));
    }
    if d.turnaround_days > 0 {
        let days = usize::from(d.turnaround_days);
        parts.push(locales::counted(lang, "onepager.turnaround", days, &[]));
    }
    DeliverableLine {
        name: d.name.as_str().to_string(),
        detail: parts.join(&locales::text(lang, "onepager.detailSeparator", &[])),
    }
}

fn start_steps(offer: &OfferFields, pilot: Option<&Pilot>, lang: Lang) -> Vec<String> {
    let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| locales::text(lang, key, values);
    let mut steps = vec![say("onepager.getInTouch", &[]), say("onepager.shortCall", &[])];
    steps.push(match pilot {
        Some(p) => locales::counted(
            lang,
            "onepager.pilotStart",
            usize::from(p.clients),
            &[("months", &p.months)],
        ),
        None => say("onepager.firstMonth", &[]),
    });
    if offer.minimum_term_months > 1 {
        steps.push(say("onepager.minimumTerm", &[("n", &offer.minimum_term_months)]));
    }
    steps
}

/// Composes the page from an offer, its candidate (if it has one), its
/// package and pilot inputs. Inputs that do not read (saved by a newer
/// version) are left out rather than guessed.
pub fn compose(
    offer: &OfferFields,
    candidate: Option<&CandidateFields>,
    package: &PackageInput,
    pilot: Option<&PilotInput>,
    lang: Lang,
) -> OnePager {
    let currency = offer.monthly_price.currency();
    let plan = Package::parse(package, currency).ok();
    let pilot = pilot.and_then(|p| Pilot::parse(p, currency).ok());
    let consumer = plan.is_some_and(|p| p.consumer);
    let outcome = if offer.success_metric.is_empty() {
        candidate
            .map(|c| outcome_sentence(&c.outcome, lang))
            .unwrap_or_default()
    } else {
        offer.success_metric.as_str().to_string()
    };
    let metric = candidate.map(|c| c.outcome.metric.as_str()).unwrap_or("");
    let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| locales::text(lang, key, values);
    let measured = if metric.is_empty() {
        say("onepager.measuredTogether", &[])
    } else {
        say("onepager.measuredMetric", &[("metric", &metric)])
    };
    let price = if offer.monthly_price.is_zero() {
        "—".to_string()
    } else {
        price_display(offer.monthly_price, consumer, lang)
    };
    let mut price_terms = vec![say("onepager.monthly", &[])];
    let term = usize::from(offer.minimum_term_months);
    price_terms.push(locales::counted(lang, "onepager.term", term, &[]));
    if let Some(p) = pilot
        .as_ref()
        .filter(|p| !p.price.is_zero() && p.price != offer.monthly_price)
    {
        let shown = price_display(p.price, consumer, lang);
        price_terms.push(locales::counted(
            lang,
            "onepager.pilotPrice",
            usize::from(p.clients),
            &[("price", &shown)],
        ));
    }
    let slots = match plan.filter(|p| p.slots > 0) {
        Some(p) => {
            let capacity = economics(offer, &p, lang).capacity_clients;
            // Never advertise more places than the month holds.
            let n = capacity.map_or(i64::from(p.slots), |c| c.min(i64::from(p.slots)));
            locales::counted(
                lang,
                "onepager.slotsAtOnce",
                usize::try_from(n).unwrap_or(usize::MAX),
                &[],
            )
        }
        None => String::new(),
    };
    OnePager {
        lang,
        labels: Labels::new(lang),
        title: offer.title.as_str().to_string(),
        promise: offer.promise.as_str().to_string(),
        audience: candidate.map(|c| c.audience.as_str().to_string()).unwrap_or_default(),
        platform: candidate.map(|c| c.platform.as_str().to_string()).unwrap_or_default(),
        problem: candidate.map(|c| c.problem.as_str().to_string()).unwrap_or_default(),
        outcome,
        measured,
        deliverables: offer.deliverables.iter().map(|d| deliverable_line(d, lang)).collect(),
        price,
        price_terms,
        not_included: offer.out_of_scope.iter().map(|s| s.as_str().to_string()).collect(),
        start_steps: start_steps(offer, pilot.as_ref(), lang),
        slots,
        contact: offer.contact.as_str().to_string(),
    }
}

/// The one-pager of a stored offer.
pub fn onepager(db: &Database, offer_id: i64, lang: Lang) -> CoreResult<OnePager> {
    let offer: Offer = db.get_offer(offer_id)?;
    let candidate: Option<Candidate> = match offer.fields.candidate_id {
        // A deleted candidate leaves the offer standing; its lines are then blank.
        Some(id) => db.get_candidate(id).ok(),
        None => None,
    };
    let package = db.package(offer_id)?.unwrap_or_else(PackageInput::starting_point);
    let pilot = db.pilot(offer_id)?;
    Ok(compose(
        &offer.fields,
        candidate.as_ref().map(|c| &c.fields),
        &package,
        pilot.as_ref(),
        lang,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::input::{CandidateInput, DeliverableInput, OfferInput, OutcomeInput};

    fn offer(price: &str) -> OfferFields {
        OfferFields::try_from(&OfferInput {
            candidate_id: None,
            title: "Reels for dental clinics".into(),
            promise: "Eight booked consultations a month".into(),
            deliverables: vec![DeliverableInput {
                name: "Short video".into(),
                quantity_per_month: 8,
                turnaround_days: 3,
                hours_each: "1.5".into(),
            }],
            out_of_scope: vec!["Ads management".into()],
            price: price.into(),
            currency: "JPY".into(),
            minimum_term_months: 3,
            success_metric: String::new(),
            contact: "hello@example.com".into(),
        })
        .unwrap()
    }

    fn candidate() -> CandidateFields {
        CandidateFields::try_from(&CandidateInput {
            name: "Dental reels".into(),
            platform: "Instagram".into(),
            audience: "Dental clinics in Osaka".into(),
            problem: "No time to post".into(),
            outcome: OutcomeInput {
                metric: "Booked consultations".into(),
                target: Some(8),
                unit: "per month".into(),
                timeframe_amount: Some(3),
                timeframe_unit: "months".into(),
            },
            ..CandidateInput::default()
        })
        .unwrap()
    }

    #[test]
    fn consumer_yen_prices_show_tax_included() {
        let mut package = PackageInput::starting_point();
        package.consumer = true;
        let page = compose(&offer("30000"), None, &package, None, Lang::Ja);
        assert_eq!(page.price, "33,000円（税込）");
        package.consumer = false;
        let page = compose(&offer("30000"), None, &package, None, Lang::En);
        assert_eq!(page.price, "¥30,000 (excl. tax)");
    }

    #[test]
    fn an_unpriced_offer_shows_a_dash_not_zero() {
        let page = compose(&offer(""), None, &PackageInput::starting_point(), None, Lang::En);
        assert_eq!(page.price, "—");
    }

    #[test]
    fn the_outcome_falls_back_to_the_candidates_and_says_how_it_is_counted() {
        let c = candidate();
        let page = compose(
            &offer("30000"),
            Some(&c),
            &PackageInput::starting_point(),
            None,
            Lang::En,
        );
        assert_eq!(page.outcome, "Booked consultations: 8 per month within 3 months");
        assert!(page.measured.contains("Booked consultations"), "{}", page.measured);
        assert_eq!(page.audience, "Dental clinics in Osaka");
        let page = compose(
            &offer("30000"),
            Some(&c),
            &PackageInput::starting_point(),
            None,
            Lang::Ja,
        );
        assert!(
            page.measured.starts_with("「Booked consultations」"),
            "{}",
            page.measured
        );
    }

    #[test]
    fn deliverables_read_with_quantity_and_turnaround() {
        let page = compose(&offer("1"), None, &PackageInput::starting_point(), None, Lang::Ja);
        assert_eq!(page.deliverables[0].detail, "月8件・3営業日以内に納品");
        let page = compose(&offer("1"), None, &PackageInput::starting_point(), None, Lang::En);
        assert_eq!(
            page.deliverables[0].detail,
            "8 per month · delivered within 3 working days"
        );
    }

    #[test]
    fn slots_never_exceed_what_the_month_holds() {
        // 8 × 1.5 h + 2 h of meetings and revisions, +10 % = 15.4 h per client;
        // 80 h × 75 % = 60 h → capacity 3, whatever the slots say.
        let mut package = PackageInput::starting_point();
        package.slots = 9;
        let page = compose(&offer("30000"), None, &package, None, Lang::En);
        assert_eq!(page.slots, "I take on 3 clients at a time.");
        package.slots = 2;
        let page = compose(&offer("30000"), None, &package, None, Lang::Ja);
        assert_eq!(page.slots, "同時にお受けするのは2名様までです。");
        package.slots = 0;
        assert_eq!(compose(&offer("30000"), None, &package, None, Lang::En).slots, "");
    }

    #[test]
    fn a_pilot_becomes_a_start_step_and_its_price_a_term() {
        let pilot = PilotInput {
            clients: 2,
            price: "20000".into(),
            months: 2,
            ..PilotInput::default()
        };
        let page = compose(
            &offer("30000"),
            None,
            &PackageInput::starting_point(),
            Some(&pilot),
            Lang::En,
        );
        assert!(page
            .start_steps
            .iter()
            .any(|s| s.contains("first 2 clients start with a 2-month pilot")));
        assert!(page
            .price_terms
            .iter()
            .any(|s| s == "the 2 pilot clients: ¥20,000 (excl. tax) a month"));
        assert!(page.start_steps.iter().any(|s| s.contains("minimum term is 3 months")));
        // One pilot client is one client, in both languages.
        let one = PilotInput { clients: 1, ..pilot };
        let page = compose(&offer("30000"), None, &PackageInput::starting_point(), Some(&one), Lang::En);
        assert!(page.price_terms.iter().any(|s| s == "the pilot client: ¥20,000 (excl. tax) a month"), "{:?}", page.price_terms);
        let page = compose(&offer("30000"), None, &PackageInput::starting_point(), Some(&one), Lang::Ja);
        assert!(page.price_terms.iter().any(|s| s == "モニター提供の1名様は月額20,000円（税別）"), "{:?}", page.price_terms);
    }

    #[test]
    fn section_names_exist_in_both_languages() {
        assert_eq!(section_name("monthly", Lang::Ja), "毎月お届けするもの");
        assert_eq!(section_name("monthly", Lang::En), "what you get each month");
        assert_eq!(section_name("nope", Lang::En), "nope");
    }
}

//! The offer: a monthly package with fixed deliverables, a scope, a price and a
//! success metric, drafted from a niche candidate.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::candidate::{bounded_number, Candidate};
use crate::domain::decimal::parse_scaled;
use crate::domain::input::{DeliverableInput, OfferInput};
use crate::domain::money::{Currency, Money};
use crate::domain::text::{LineText, ShortText};
use crate::error::{Expected, ValidationError, ValidationKind};
use crate::Lang;

pub const MAX_DELIVERABLES: usize = 20;
pub const MAX_OUT_OF_SCOPE: usize = 20;

/// One thing the client receives every month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deliverable {
    pub name: ShortText,
    /// 0 while the user has not said how many yet.
    pub quantity_per_month: u16,
    /// Working days from request to delivery; 0 while not set.
    pub turnaround_days: u16,
    /// Work per unit, in whole minutes.
    pub minutes_each: u32,
}

impl Deliverable {
    pub const MAX_QUANTITY: i64 = 999;
    pub const MAX_TURNAROUND_DAYS: i64 = 365;
    /// 200 hours: more than a month of work for one unit is surely a typo.
    pub const MAX_MINUTES: i64 = 200 * 60;

    fn to_input(&self) -> DeliverableInput {
        DeliverableInput {
            name: self.name.as_str().into(),
            quantity_per_month: i64::from(self.quantity_per_month),
            turnaround_days: i64::from(self.turnaround_days),
            hours_each: minutes_to_hours_text(self.minutes_each),
        }
    }
}

/// Reads hours as typed ("1.5", "０.２５", "") into whole minutes.
pub fn parse_hours(field: &str, raw: &str) -> Result<u32, ValidationError> {
    if raw.trim().is_empty() {
        return Ok(0);
    }
    let hundredths = parse_scaled(raw, 2).ok_or_else(|| {
        ValidationError::new(
            field,
            ValidationKind::InvalidFormat {
                expected: Expected::Hours,
            },
        )
    })?;
    // Round half up to the nearest minute, in integers.
    let minutes = hundredths.checked_mul(60).map(|m| (m + 50) / 100).unwrap_or(i64::MAX);
    if minutes > Deliverable::MAX_MINUTES {
        return Err(ValidationError::new(
            field,
            ValidationKind::OutOfRange {
                min: 0,
                max: Deliverable::MAX_MINUTES / 60,
            },
        ));
    }
    Ok(minutes as u32)
}

/// Minutes as hours with at most two decimals and no trailing zeros: 90 → "1.5".
pub fn minutes_to_hours_text(minutes: u32) -> String {
    if minutes == 0 {
        return String::new();
    }
    let hundredths = (u64::from(minutes) * 100 + 30) / 60;
    let whole = hundredths / 100;
    let fraction = hundredths % 100;
    match fraction {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

impl TryFrom<&DeliverableInput> for Deliverable {
    type Error = ValidationError;
    fn try_from(input: &DeliverableInput) -> Result<Self, ValidationError> {
        Ok(Deliverable {
            name: ShortText::parse_required("name", &input.name)?,
            quantity_per_month: bounded_number(
                "quantity_per_month",
                input.quantity_per_month,
                0,
                Deliverable::MAX_QUANTITY,
            )? as u16,
            turnaround_days: bounded_number(
                "turnaround_days",
                input.turnaround_days,
                0,
                Deliverable::MAX_TURNAROUND_DAYS,
            )? as u16,
            minutes_each: parse_hours("hours_each", &input.hours_each)?,
        })
    }
}

/// Everything a user edits about an offer, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferFields {
    pub candidate_id: Option<i64>,
    pub title: ShortText,
    pub promise: LineText,
    pub deliverables: Vec<Deliverable>,
    pub out_of_scope: Vec<LineText>,
    pub monthly_price: Money,
    pub minimum_term_months: u8,
    pub success_metric: LineText,
    pub contact: LineText,
}

impl OfferFields {
    pub const MAX_TERM_MONTHS: i64 = 36;

    pub fn to_input(&self) -> OfferInput {
        OfferInput {
            candidate_id: self.candidate_id,
            title: self.title.as_str().into(),
            promise: self.promise.as_str().into(),
            deliverables: self.deliverables.iter().map(Deliverable::to_input).collect(),
            out_of_scope: self.out_of_scope.iter().map(|t| t.as_str().to_string()).collect(),
            price: if self.monthly_price.is_zero() {
                String::new()
            } else {
                self.monthly_price.to_plain()
            },
            currency: self.monthly_price.currency().code().into(),
            minimum_term_months: i64::from(self.minimum_term_months),
            success_metric: self.success_metric.as_str().into(),
            contact: self.contact.as_str().into(),
        }
    }

    /// A first draft from a candidate: its name, outcome and audience carried
    /// over, priced in the language's usual currency, three months minimum.
    pub fn from_candidate(candidate: &Candidate, lang: Lang) -> OfferFields {
        let c = &candidate.fields;
        let metric = outcome_sentence(&candidate.fields.outcome, lang);
        OfferFields {
            candidate_id: Some(candidate.id),
            title: c.name.clone(),
            promise: LineText::parse("promise", &metric).unwrap_or_default(),
            deliverables: Vec::new(),
            out_of_scope: Vec::new(),
            monthly_price: Money::zero(Currency::default_for(lang)),
            minimum_term_months: 3,
            success_metric: LineText::parse("success_metric", &metric).unwrap_or_default(),
            contact: LineText::default(),
        }
    }
}

/// "Booked consultations: 8 per month within 3 months" in the user's language.
pub(crate) fn outcome_sentence(o: &crate::domain::candidate::Outcome, lang: Lang) -> String {
    if o.metric.is_empty() {
        return String::new();
    }
    let mut s = o.metric.as_str().to_string();
    if let Some(target) = o.target {
        let unit = o.unit.as_str();
        s.push_str(&match unit.is_empty() {
            true => crate::locales::text(lang, "outcomeSentence.targetAlone", &[("target", &target)]),
            false => crate::locales::text(lang, "outcomeSentence.target", &[("target", &target), ("unit", &unit)]),
        });
    }
    if let Some(tf) = o.timeframe {
        let n = tf.amount;
        let key = match tf.unit {
            crate::domain::candidate::TimeUnit::Days => "outcomeSentence.withinDays",
            crate::domain::candidate::TimeUnit::Weeks => "outcomeSentence.withinWeeks",
            crate::domain::candidate::TimeUnit::Months => "outcomeSentence.withinMonths",
        };
        s.push_str(&crate::locales::text(lang, key, &[("n", &n)]));
    }
    s
}

/// Parses a list item by item, so an error names the item (`deliverables[2].name`);
/// items the parser maps to `None` are dropped.
fn parse_list<T, U>(
    field: &str,
    items: &[T],
    max: usize,
    parse: impl Fn(&T) -> Result<Option<U>, ValidationError>,
) -> Result<Vec<U>, ValidationError> {
    if items.len() > max {
        return Err(ValidationError::new(field, ValidationKind::TooManyItems { max }));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if let Some(value) = parse(item).map_err(|e| e.within(&format!("{field}[{i}]")))? {
            out.push(value);
        }
    }
    Ok(out)
}

impl TryFrom<&OfferInput> for OfferFields {
    type Error = ValidationError;
    fn try_from(input: &OfferInput) -> Result<Self, ValidationError> {
        let currency = Currency::parse("currency", &input.currency)?;
        let deliverables = parse_list("deliverables", &input.deliverables, MAX_DELIVERABLES, |d| {
            Deliverable::try_from(d).map(Some)
        })?;
        // Blank out-of-scope lines are dropped: they are rows the user added
        // and has not filled in yet.
        let out_of_scope = parse_list("out_of_scope", &input.out_of_scope, MAX_OUT_OF_SCOPE, |t| {
            LineText::parse("", t).map(|t| (!t.is_empty()).then_some(t))
        })?;
        Ok(OfferFields {
            candidate_id: input.candidate_id,
            title: ShortText::parse_required("title", &input.title)?,
            promise: LineText::parse("promise", &input.promise)?,
            deliverables,
            out_of_scope,
            monthly_price: Money::parse("price", &input.price, currency)?,
            minimum_term_months: bounded_number(
                "minimum_term_months",
                input.minimum_term_months,
                1,
                Self::MAX_TERM_MONTHS,
            )? as u8,
            success_metric: LineText::parse("success_metric", &input.success_metric)?,
            contact: LineText::parse("contact", &input.contact)?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub id: i64,
    pub revision: i64,
    pub fields: OfferFields,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// How a stored offer is shown to the UI: its input shape, identity, and the
/// figures derived from it.
#[derive(Debug, Clone, Serialize)]
pub struct OfferView {
    pub id: i64,
    pub revision: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(flatten)]
    pub fields: OfferInput,
    pub price_minor: i64,
    pub price_display: String,
}

impl OfferView {
    pub fn new(offer: &Offer, lang: Lang) -> OfferView {
        OfferView {
            id: offer.id,
            revision: offer.revision,
            created_at: offer.created_at,
            updated_at: offer.updated_at,
            fields: offer.fields.to_input(),
            price_minor: offer.fields.monthly_price.minor(),
            price_display: offer.fields.monthly_price.format(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::candidate::CandidateFields;
    use crate::domain::input::{CandidateInput, OutcomeInput};

    fn input() -> OfferInput {
        OfferInput {
            candidate_id: Some(1),
            title: "Reels for dental clinics".into(),
            promise: "Eight booked consultations a month from Instagram".into(),
            deliverables: vec![DeliverableInput {
                name: "Short video".into(),
                quantity_per_month: 8,
                turnaround_days: 3,
                hours_each: "1.5".into(),
            }],
            out_of_scope: vec!["Ads management".into(), "  ".into()],
            price: "33,000".into(),
            currency: "JPY".into(),
            minimum_term_months: 3,
            success_metric: "Booked consultations".into(),
            contact: "hello@example.com".into(),
        }
    }

    #[test]
    fn a_valid_offer_is_read_and_blank_scope_lines_dropped() {
        let draft = OfferFields::try_from(&input()).unwrap();
        assert_eq!(draft.monthly_price.minor(), 33_000);
        assert_eq!(draft.deliverables[0].minutes_each, 90);
        assert_eq!(draft.out_of_scope.len(), 1);
        let back = draft.to_input();
        assert_eq!(back.price, "33000");
        assert_eq!(back.deliverables[0].hours_each, "1.5");
        assert_eq!(OfferFields::try_from(&back).unwrap(), draft);
    }

    #[test]
    fn an_offer_needs_a_title() {
        let mut i = input();
        i.title = String::new();
        assert_eq!(OfferFields::try_from(&i).unwrap_err().field, "title");
    }

    #[test]
    fn deliverable_errors_name_the_row() {
        let mut i = input();
        i.deliverables[0].quantity_per_month = 1000;
        let err = OfferFields::try_from(&i).unwrap_err();
        assert_eq!(err.field, "deliverables[0].quantity_per_month");
        assert_eq!(err.kind, ValidationKind::OutOfRange { min: 0, max: 999 });
        let mut i = input();
        i.deliverables[0].hours_each = "1時間".into();
        let err = OfferFields::try_from(&i).unwrap_err();
        assert_eq!(err.field, "deliverables[0].hours_each");
    }

    #[test]
    fn lists_are_capped() {
        let mut i = input();
        i.out_of_scope = vec!["x".into(); MAX_OUT_OF_SCOPE + 1];
        let err = OfferFields::try_from(&i).unwrap_err();
        assert_eq!(err.kind, ValidationKind::TooManyItems { max: MAX_OUT_OF_SCOPE });
        let mut i = input();
        i.out_of_scope[0] = "z".repeat(201);
        assert_eq!(OfferFields::try_from(&i).unwrap_err().field, "out_of_scope[0]");
    }

    #[test]
    fn price_must_be_an_amount_in_the_chosen_currency() {
        let mut i = input();
        i.price = "300.50".into();
        assert_eq!(OfferFields::try_from(&i).unwrap_err().field, "price");
        i.currency = "USD".into();
        assert_eq!(OfferFields::try_from(&i).unwrap().monthly_price.minor(), 30_050);
        i.currency = "EUR".into();
        assert_eq!(OfferFields::try_from(&i).unwrap_err().field, "currency");
    }

    #[test]
    fn minimum_term_is_one_to_thirty_six_months() {
        let mut i = input();
        i.minimum_term_months = 0;
        assert_eq!(OfferFields::try_from(&i).unwrap_err().field, "minimum_term_months");
        i.minimum_term_months = 37;
        assert!(OfferFields::try_from(&i).is_err());
    }

    #[test]
    fn hours_are_read_to_whole_minutes() {
        assert_eq!(parse_hours("h", "1.5"), Ok(90));
        assert_eq!(parse_hours("h", "０.２５"), Ok(15));
        assert_eq!(parse_hours("h", "0.33"), Ok(20));
        assert_eq!(parse_hours("h", ""), Ok(0));
        assert!(parse_hours("h", "201").is_err());
        assert_eq!(minutes_to_hours_text(20), "0.33");
        assert_eq!(minutes_to_hours_text(120), "2");
    }

    #[test]
    fn a_draft_from_a_candidate_carries_its_outcome_over_in_each_language() {
        let draft = CandidateFields::try_from(&CandidateInput {
            name: "歯科医院のリール制作".into(),
            outcome: OutcomeInput {
                metric: "初診予約".into(),
                target: Some(8),
                unit: "件/月".into(),
                timeframe_amount: Some(3),
                timeframe_unit: "months".into(),
            },
            ..Default::default()
        })
        .unwrap();
        let now = chrono::Utc::now();
        let candidate = Candidate {
            id: 7,
            revision: 1,
            fields: draft,
            created_at: now,
            updated_at: now,
        };
        let ja = OfferFields::from_candidate(&candidate, Lang::Ja);
        assert_eq!(ja.title.as_str(), "歯科医院のリール制作");
        assert_eq!(ja.success_metric.as_str(), "初診予約：8件/月（3か月以内）");
        assert_eq!(ja.monthly_price.currency(), Currency::Jpy);
        assert_eq!(ja.candidate_id, Some(7));
        let en = OfferFields::from_candidate(&candidate, Lang::En);
        assert_eq!(en.success_metric.as_str(), "初診予約: 8 件/月 within 3 months");
        assert_eq!(en.monthly_price.currency(), Currency::Usd);
    }
}

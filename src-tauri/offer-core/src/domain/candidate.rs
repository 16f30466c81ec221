//! A niche candidate: one platform, one audience, one recurring problem and one
//! measurable outcome, scored on the criteria.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::evidence::Evidence;
use crate::domain::input::{CandidateInput, OutcomeInput};
use crate::domain::text::{LineText, LongText, ShortText};
use crate::error::{ValidationError, ValidationKind};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Default, strum::IntoStaticStr, strum::EnumString, strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    #[default]
    Idea,
    Testing,
    Chosen,
    Dropped,
}

impl Status {
    pub const ALL: &'static [Status] = <Status as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// An empty status means a new idea.
    pub fn parse(field: &str, raw: &str) -> Result<Status, ValidationError> {
        crate::domain::choice(field, raw, Some(Status::Idea))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum TimeUnit {
    Days,
    Weeks,
    Months,
}

impl TimeUnit {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    fn parse(field: &str, raw: &str) -> Result<TimeUnit, ValidationError> {
        crate::domain::choice(field, raw, Some(TimeUnit::Months))
    }
}

/// "Within 3 months": the period an outcome is promised for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeframe {
    pub amount: u16,
    pub unit: TimeUnit,
}

/// Checks a whole number lies in `min..=max`.
pub(crate) fn bounded_number(field: &str, value: i64, min: i64, max: i64) -> Result<i64, ValidationError> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(ValidationError::new(field, ValidationKind::OutOfRange { min, max }))
    }
}

/// The measurable business result the candidate would deliver, e.g.
/// "booked consultations: 8 per month within 3 months". Parts may be blank
/// while drafting; the focus check says which are missing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    pub metric: LineText,
    pub target: Option<u32>,
    pub unit: ShortText,
    pub timeframe: Option<Timeframe>,
}

impl Outcome {
    pub const MAX_TARGET: i64 = 1_000_000_000;
    pub const MAX_TIMEFRAME: i64 = 120;

    pub fn to_input(&self) -> OutcomeInput {
        OutcomeInput {
            metric: self.metric.as_str().into(),
            target: self.target.map(i64::from),
            unit: self.unit.as_str().into(),
            timeframe_amount: self.timeframe.map(|t| i64::from(t.amount)),
            timeframe_unit: self.timeframe.map(|t| t.unit.as_str()).unwrap_or("").into(),
        }
    }
}

impl TryFrom<&OutcomeInput> for Outcome {
    type Error = ValidationError;
    fn try_from(input: &OutcomeInput) -> Result<Self, ValidationError> {
        let target = input
            .target
            .map(|t| bounded_number("target", t, 0, Outcome::MAX_TARGET).map(|t| t as u32))
            .transpose()?;
        let unit = TimeUnit::parse("timeframe_unit", &input.timeframe_unit)?;
        let timeframe = input
            .timeframe_amount
            .map(|a| {
                bounded_number("timeframe_amount", a, 1, Outcome::MAX_TIMEFRAME)
                    .map(|a| Timeframe { amount: a as u16, unit })
            })
            .transpose()?;
        Ok(Outcome {
            metric: LineText::parse("metric", &input.metric)?,
            target,
            unit: ShortText::parse("unit", &input.unit)?,
            timeframe,
        })
    }
}

/// A score on one criterion: 1 (poor) to 5 (excellent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score(u8);

impl Score {
    pub const MAX: u8 = 5;

    pub fn new(field: &str, value: i64) -> Result<Score, ValidationError> {
        bounded_number(field, value, 1, Self::MAX as i64).map(|v| Score(v as u8))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

/// Everything a user edits about a candidate, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateFields {
    pub name: ShortText,
    pub platform: ShortText,
    pub audience: LineText,
    pub problem: LineText,
    pub outcome: Outcome,
    pub status: Status,
    pub notes: LongText,
    /// Score per criterion id; a criterion not scored yet is absent.
    pub scores: BTreeMap<i64, Score>,
    /// Evidence per scored criterion; absent means a gut feeling.
    pub evidence: BTreeMap<i64, Evidence>,
}

impl CandidateFields {
    /// The evidence behind the score on a criterion.
    pub fn evidence_for(&self, criterion_id: i64) -> Evidence {
        self.evidence.get(&criterion_id).copied().unwrap_or_default()
    }
}

impl CandidateFields {
    pub fn to_input(&self) -> CandidateInput {
        CandidateInput {
            name: self.name.as_str().into(),
            platform: self.platform.as_str().into(),
            audience: self.audience.as_str().into(),
            problem: self.problem.as_str().into(),
            outcome: self.outcome.to_input(),
            status: self.status.as_str().into(),
            notes: self.notes.as_str().into(),
            evidence: self
                .evidence
                .iter()
                .filter(|(_, e)| **e != Evidence::Gut)
                .map(|(id, e)| (id.to_string(), e.as_str().to_string()))
                .collect(),
            scores: self
                .scores
                .iter()
                .map(|(id, s)| (id.to_string(), i64::from(s.value())))
                .collect(),
        }
    }
}

impl TryFrom<&CandidateInput> for CandidateFields {
    type Error = ValidationError;
    fn try_from(input: &CandidateInput) -> Result<Self, ValidationError> {
        let mut scores = BTreeMap::new();
        for (key, value) in &input.scores {
            let field = format!("scores.{key}");
            let id: i64 = key
                .parse()
                .map_err(|_| ValidationError::new(field.clone(), ValidationKind::InvalidChoice))?;
            scores.insert(id, Score::new(&field, *value)?);
        }
        let mut evidence = BTreeMap::new();
        for (key, value) in &input.evidence {
            let field = format!("evidence.{key}");
            let id = key.parse().ok().filter(|id| scores.contains_key(id));
            let id = id.ok_or_else(|| ValidationError::new(field.clone(), ValidationKind::InvalidChoice))?;
            evidence.insert(id, Evidence::parse(&field, value)?);
        }
        Ok(CandidateFields {
            name: ShortText::parse_required("name", &input.name)?,
            platform: ShortText::parse("platform", &input.platform)?,
            audience: LineText::parse("audience", &input.audience)?,
            problem: LineText::parse("problem", &input.problem)?,
            outcome: Outcome::try_from(&input.outcome).map_err(|e| e.within("outcome"))?,
            status: Status::parse("status", &input.status)?,
            notes: LongText::parse("notes", &input.notes)?,
            scores,
            evidence,
        })
    }
}

/// A stored candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: i64,
    pub revision: i64,
    pub fields: CandidateFields,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// How a stored candidate is shown to the UI: its input shape plus identity.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateView {
    pub id: i64,
    pub revision: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(flatten)]
    pub fields: CandidateInput,
}

impl From<&Candidate> for CandidateView {
    fn from(c: &Candidate) -> Self {
        CandidateView {
            id: c.id,
            revision: c.revision,
            created_at: c.created_at,
            updated_at: c.updated_at,
            fields: c.fields.to_input(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> CandidateInput {
        CandidateInput {
            name: "Instagram reels for dental clinics".into(),
            platform: "Instagram".into(),
            audience: "Dental clinics in Osaka".into(),
            problem: "No time to post short videos".into(),
            outcome: OutcomeInput {
                metric: "Booked consultations".into(),
                target: Some(8),
                unit: "per month".into(),
                timeframe_amount: Some(3),
                timeframe_unit: "months".into(),
            },
            status: "testing".into(),
            notes: String::new(),
            scores: [("1".to_string(), 5), ("2".to_string(), 3)].into(),
            evidence: [("1".to_string(), "paid_pilot".to_string())].into(),
        }
    }

    #[test]
    fn a_valid_candidate_round_trips_through_its_input_shape() {
        let draft = CandidateFields::try_from(&input()).unwrap();
        assert_eq!(draft.status, Status::Testing);
        assert_eq!(draft.scores.get(&1), Some(&Score(5)));
        assert_eq!(draft.to_input(), input());
    }

    #[test]
    fn a_candidate_needs_a_name() {
        let mut i = input();
        i.name = "  ".into();
        let err = CandidateFields::try_from(&i).unwrap_err();
        assert_eq!((err.field.as_str(), err.kind), ("name", ValidationKind::Required));
    }

    #[test]
    fn scores_run_from_one_to_five() {
        let mut i = input();
        i.scores.insert("3".into(), 6);
        let err = CandidateFields::try_from(&i).unwrap_err();
        assert_eq!(err.field, "scores.3");
        assert_eq!(err.kind, ValidationKind::OutOfRange { min: 1, max: 5 });
        i.scores.insert("3".into(), 0);
        assert!(CandidateFields::try_from(&i).is_err());
    }

    #[test]
    fn status_must_be_one_of_the_four() {
        let mut i = input();
        i.status = "maybe".into();
        let err = CandidateFields::try_from(&i).unwrap_err();
        assert_eq!(
            (err.field.as_str(), err.kind),
            ("status", ValidationKind::InvalidChoice)
        );
        i.status = String::new();
        assert_eq!(CandidateFields::try_from(&i).unwrap().status, Status::Idea);
    }

    #[test]
    fn outcome_errors_name_the_outcome_field() {
        let mut i = input();
        i.outcome.timeframe_amount = Some(0);
        let err = CandidateFields::try_from(&i).unwrap_err();
        assert_eq!(err.field, "outcome.timeframe_amount");
        i.outcome.timeframe_amount = Some(3);
        i.outcome.target = Some(-1);
        assert_eq!(CandidateFields::try_from(&i).unwrap_err().field, "outcome.target");
        i.outcome.target = None;
        i.outcome.timeframe_unit = "years".into();
        assert_eq!(
            CandidateFields::try_from(&i).unwrap_err().field,
            "outcome.timeframe_unit"
        );
    }

    #[test]
    fn a_platform_longer_than_a_short_text_is_rejected() {
        let mut i = input();
        i.platform = "ｘ".repeat(81);
        let err = CandidateFields::try_from(&i).unwrap_err();
        assert_eq!(
            (err.field.as_str(), err.kind),
            ("platform", ValidationKind::TooLong { max: 80 })
        );
    }
}

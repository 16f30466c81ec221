//! A problem in the inbox: something someone asked for help with, a task a
//! business keeps postponing, or one's own observation, written down before
//! any niche exists. Its opportunity score is the user's own estimate.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::candidate::bounded_number;
use crate::domain::date::parse_date;
use crate::domain::text::{LineText, LongText, ShortText};
use crate::error::ValidationError;
use crate::Lang;

/// Where a problem came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum ProblemKind {
    /// Someone asked me for help with it.
    #[default]
    Asked,
    /// A task a business keeps postponing.
    Postponed,
    /// Something I noticed myself.
    Observation,
}

impl ProblemKind {
    pub const ALL: &'static [ProblemKind] = <ProblemKind as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self, lang: Lang) -> String {
        let key = match self {
            ProblemKind::Asked => "problemKind.asked",
            ProblemKind::Postponed => "problemKind.postponed",
            ProblemKind::Observation => "problemKind.observation",
        };
        crate::locales::text(lang, key, &[])
    }

    /// An empty kind means "asked me for help", the most common entry.
    pub fn parse(field: &str, raw: &str) -> Result<ProblemKind, ValidationError> {
        crate::domain::choice(field, raw, Some(ProblemKind::Asked))
    }
}

/// How often the problem comes back for the person who has it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, strum::IntoStaticStr, strum::EnumString, strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum Recurrence {
    Once,
    Yearly,
    Monthly,
    Weekly,
    Daily,
}

impl Recurrence {
    pub const ALL: &'static [Recurrence] = <Recurrence as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn label(self, lang: Lang) -> String {
        let key = match self {
            Recurrence::Once => "recurrence.once",
            Recurrence::Yearly => "recurrence.yearly",
            Recurrence::Monthly => "recurrence.monthly",
            Recurrence::Weekly => "recurrence.weekly",
            Recurrence::Daily => "recurrence.daily",
        };
        crate::locales::text(lang, key, &[])
    }

    /// Blank means not known yet.
    pub fn parse(field: &str, raw: &str) -> Result<Option<Recurrence>, ValidationError> {
        crate::domain::optional_choice(field, raw)
    }

    /// A monthly package needs a problem that comes back at least monthly.
    pub fn fits_a_monthly_package(self) -> bool {
        self >= Recurrence::Monthly
    }
}

/// A self-estimate on a 0–10 scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rating(u8);

impl Rating {
    pub const MAX: u8 = 10;

    pub fn new(field: &str, value: i64) -> Result<Rating, ValidationError> {
        bounded_number(field, value, 0, i64::from(Self::MAX)).map(|v| Rating(v as u8))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

/// Ulwick's opportunity score: importance + max(importance − satisfaction, 0),
/// 0–20. A problem that matters and is badly served today scores highest.
pub fn opportunity(importance: Rating, satisfaction: Rating) -> u8 {
    let i = importance.value();
    i + i.saturating_sub(satisfaction.value())
}

/// The plain shape a problem travels in, from the UI and in files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProblemInput {
    /// The problem as the person put it.
    pub words: String,
    /// "asked", "postponed" or "observation".
    pub kind: String,
    /// Who or where it came from: "a friend who runs a café", "a job post".
    pub source: String,
    /// Who has the problem; carried to a candidate's audience.
    pub audience: String,
    /// Where they are found; carried to a candidate's platform.
    pub platform: String,
    /// YYYY-MM-DD, or blank.
    pub seen_on: String,
    /// "once", "yearly", "monthly", "weekly", "daily", or blank.
    pub recurrence: String,
    pub importance: Option<i64>,
    pub satisfaction: Option<i64>,
    pub notes: String,
}

/// Everything a user edits about a problem, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemFields {
    pub words: LineText,
    pub kind: ProblemKind,
    pub source: ShortText,
    pub audience: LineText,
    pub platform: ShortText,
    pub seen_on: Option<NaiveDate>,
    pub recurrence: Option<Recurrence>,
    pub importance: Option<Rating>,
    pub satisfaction: Option<Rating>,
    pub notes: LongText,
}

impl ProblemFields {
    /// The opportunity score, once both ratings are given.
    pub fn opportunity(&self) -> Option<u8> {
        Some(opportunity(self.importance?, self.satisfaction?))
    }

    pub fn to_input(&self) -> ProblemInput {
        ProblemInput {
            words: self.words.as_str().into(),
            kind: self.kind.as_str().into(),
            source: self.source.as_str().into(),
            audience: self.audience.as_str().into(),
            platform: self.platform.as_str().into(),
            seen_on: self
                .seen_on
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            recurrence: self.recurrence.map(Recurrence::as_str).unwrap_or_default().into(),
            importance: self.importance.map(|r| i64::from(r.value())),
            satisfaction: self.satisfaction.map(|r| i64::from(r.value())),
            notes: self.notes.as_str().into(),
        }
    }
}

impl TryFrom<&ProblemInput> for ProblemFields {
    type Error = ValidationError;
    fn try_from(input: &ProblemInput) -> Result<Self, ValidationError> {
        let rating = |field: &str, value: Option<i64>| value.map(|v| Rating::new(field, v)).transpose();
        Ok(ProblemFields {
            words: LineText::parse_required("words", &input.words)?,
            kind: ProblemKind::parse("kind", &input.kind)?,
            source: ShortText::parse("source", &input.source)?,
            audience: LineText::parse("audience", &input.audience)?,
            platform: ShortText::parse("platform", &input.platform)?,
            seen_on: parse_date("seen_on", &input.seen_on)?,
            recurrence: Recurrence::parse("recurrence", &input.recurrence)?,
            importance: rating("importance", input.importance)?,
            satisfaction: rating("satisfaction", input.satisfaction)?,
            notes: LongText::parse("notes", &input.notes)?,
        })
    }
}

/// A stored problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub id: i64,
    pub revision: i64,
    pub fields: ProblemFields,
    /// The problem this one repeats, when grouped as a duplicate.
    pub same_as: Option<i64>,
    /// The (not deleted) candidate this problem was promoted to.
    pub candidate_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// How a stored problem is shown to the UI.
#[derive(Debug, Clone, Serialize)]
pub struct ProblemView {
    pub id: i64,
    pub revision: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub same_as: Option<i64>,
    pub candidate_id: Option<i64>,
    /// 0–20, once importance and satisfaction are both given.
    pub opportunity: Option<u8>,
    #[serde(flatten)]
    pub fields: ProblemInput,
}

impl From<&Problem> for ProblemView {
    fn from(p: &Problem) -> Self {
        ProblemView {
            id: p.id,
            revision: p.revision,
            created_at: p.created_at,
            updated_at: p.updated_at,
            same_as: p.same_as,
            candidate_id: p.candidate_id,
            opportunity: p.fields.opportunity(),
            fields: p.fields.to_input(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ValidationKind;

    fn input() -> ProblemInput {
        ProblemInput {
            words: "インスタの投稿を作る時間がない".into(),
            kind: "asked".into(),
            source: "近所の美容室の店長".into(),
            audience: "大阪の個人美容室".into(),
            platform: "Instagram".into(),
            seen_on: "2026-11-02".into(),
            recurrence: "weekly".into(),
            importance: Some(8),
            satisfaction: Some(3),
            notes: String::new(),
        }
    }

    #[test]
    fn a_valid_problem_round_trips_through_its_input_shape() {
        let draft = ProblemFields::try_from(&input()).unwrap();
        assert_eq!(draft.kind, ProblemKind::Asked);
        assert_eq!(draft.recurrence, Some(Recurrence::Weekly));
        assert_eq!(draft.to_input(), input());
    }

    #[test]
    fn opportunity_adds_the_unmet_part_of_importance() {
        let r = |v| Rating::new("x", v).unwrap();
        assert_eq!(opportunity(r(8), r(3)), 13);
        // Well served already: the gap counts as nothing, never negative.
        assert_eq!(opportunity(r(4), r(9)), 4);
        assert_eq!(opportunity(r(10), r(0)), 20);
        assert_eq!(opportunity(r(0), r(0)), 0);
    }

    #[test]
    fn opportunity_needs_both_ratings() {
        let mut i = input();
        i.satisfaction = None;
        assert_eq!(ProblemFields::try_from(&i).unwrap().opportunity(), None);
        assert_eq!(ProblemFields::try_from(&input()).unwrap().opportunity(), Some(13));
    }

    #[test]
    fn ratings_run_from_zero_to_ten() {
        let mut i = input();
        i.importance = Some(11);
        let err = ProblemFields::try_from(&i).unwrap_err();
        assert_eq!(err.field, "importance");
        assert_eq!(err.kind, ValidationKind::OutOfRange { min: 0, max: 10 });
        i.importance = Some(0);
        i.satisfaction = Some(-1);
        assert_eq!(ProblemFields::try_from(&i).unwrap_err().field, "satisfaction");
    }

    #[test]
    fn a_problem_needs_its_words() {
        let mut i = input();
        i.words = "\u{3000}".into();
        let err = ProblemFields::try_from(&i).unwrap_err();
        assert_eq!((err.field.as_str(), err.kind), ("words", ValidationKind::Required));
    }

    #[test]
    fn kind_and_recurrence_are_choices() {
        let mut i = input();
        i.kind = "rumour".into();
        assert_eq!(ProblemFields::try_from(&i).unwrap_err().field, "kind");
        i.kind = String::new();
        assert_eq!(ProblemFields::try_from(&i).unwrap().kind, ProblemKind::Asked);
        i.recurrence = "hourly".into();
        assert_eq!(ProblemFields::try_from(&i).unwrap_err().field, "recurrence");
        i.recurrence = String::new();
        assert_eq!(ProblemFields::try_from(&i).unwrap().recurrence, None);
    }

    #[test]
    fn only_problems_that_come_back_monthly_fit_a_monthly_package() {
        assert!(Recurrence::Weekly.fits_a_monthly_package());
        assert!(Recurrence::Monthly.fits_a_monthly_package());
        assert!(!Recurrence::Yearly.fits_a_monthly_package());
        assert!(!Recurrence::Once.fits_a_monthly_package());
    }
}

//! The criteria niche candidates are scored on, with user-editable weights.

use serde::{Deserialize, Serialize};

use crate::domain::input::CriterionInput;
use crate::domain::text::ShortText;
use crate::error::{ValidationError, ValidationKind};
use crate::Lang;

/// The criteria every new workspace starts with. Each is phrased so that a
/// higher score is better ("little competition", not "competition").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum CriterionKey {
    Pain,
    Recurring,
    AbilityToPay,
    Reachable,
    Edge,
    Competition,
    Leverage,
    Enjoyment,
}

impl CriterionKey {
    pub const ALL: &'static [CriterionKey] = <CriterionKey as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(key: &str) -> Option<CriterionKey> {
        key.parse().ok()
    }

    pub fn label(self, lang: Lang) -> String {
        let key = match self {
            CriterionKey::Pain => "criterion.pain",
            CriterionKey::Recurring => "criterion.recurring",
            CriterionKey::AbilityToPay => "criterion.abilityToPay",
            CriterionKey::Reachable => "criterion.reachable",
            CriterionKey::Edge => "criterion.edge",
            CriterionKey::Competition => "criterion.competition",
            CriterionKey::Leverage => "criterion.leverage",
            CriterionKey::Enjoyment => "criterion.enjoyment",
        };
        crate::locales::text(lang, key, &[])
    }

    /// The weight a new workspace gives the criterion (0–10); the database's
    /// seed (`storage/migrations.rs`) writes these.
    pub fn default_weight(self) -> u8 {
        match self {
            CriterionKey::Pain | CriterionKey::Recurring | CriterionKey::AbilityToPay => 8,
            CriterionKey::Reachable | CriterionKey::Edge => 6,
            CriterionKey::Competition | CriterionKey::Enjoyment => 5,
            CriterionKey::Leverage => 4,
        }
    }
}

/// How much a criterion counts, 0 (ignored) to 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Weight(u8);

impl Weight {
    pub const MAX: u8 = 10;

    pub fn new(field: &str, value: i64) -> Result<Weight, ValidationError> {
        if (0..=Self::MAX as i64).contains(&value) {
            Ok(Weight(value as u8))
        } else {
            Err(ValidationError::new(
                field,
                ValidationKind::OutOfRange {
                    min: 0,
                    max: Self::MAX as i64,
                },
            ))
        }
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

/// A criterion's editable part: its own name (empty keeps the built-in name)
/// and its weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionFields {
    pub name: ShortText,
    pub weight: Weight,
}

impl TryFrom<&CriterionInput> for CriterionFields {
    type Error = ValidationError;
    fn try_from(input: &CriterionInput) -> Result<Self, ValidationError> {
        Ok(CriterionFields {
            name: ShortText::parse("name", &input.name)?,
            weight: Weight::new("weight", input.weight)?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    pub id: i64,
    pub key: Option<CriterionKey>,
    pub fields: CriterionFields,
    pub position: i64,
}

impl Criterion {
    /// The name to show: the user's own, or the built-in one in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        match (self.fields.name.is_empty(), self.key) {
            (false, _) | (true, None) => self.fields.name.as_str().to_string(),
            (true, Some(key)) => key.label(lang).to_string(),
        }
    }
}

/// How a criterion is shown: its own name (possibly empty), and the label to
/// display in the user's language.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionView {
    pub id: i64,
    pub key: Option<CriterionKey>,
    pub name: String,
    pub label: String,
    pub weight: u8,
}

impl CriterionView {
    pub fn new(c: &Criterion, lang: Lang) -> CriterionView {
        CriterionView {
            id: c.id,
            key: c.key,
            name: c.fields.name.as_str().to_string(),
            label: c.label(lang),
            weight: c.fields.weight.value(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_run_from_zero_to_ten() {
        assert!(Weight::new("weight", 0).is_ok());
        assert!(Weight::new("weight", 10).is_ok());
        let err = Weight::new("weight", 11).unwrap_err();
        assert_eq!(err.kind, ValidationKind::OutOfRange { min: 0, max: 10 });
        assert!(Weight::new("weight", -1).is_err());
    }

    #[test]
    fn builtin_criteria_are_named_in_both_languages_unless_renamed() {
        let mut c = Criterion {
            id: 1,
            key: Some(CriterionKey::Competition),
            fields: CriterionFields {
                name: ShortText::default(),
                weight: Weight(5),
            },
            position: 0,
        };
        assert_eq!(c.label(Lang::Ja), "競合の少なさ");
        assert_eq!(c.label(Lang::En), "Little competition");
        c.fields.name = ShortText::parse("name", "Few rivals on note").unwrap();
        assert_eq!(c.label(Lang::Ja), "Few rivals on note");
    }

    #[test]
    fn every_builtin_key_round_trips_through_its_name() {
        for &key in CriterionKey::ALL {
            assert_eq!(CriterionKey::parse(key.as_str()), Some(key));
            assert!(key.default_weight() <= Weight::MAX);
        }
    }
}

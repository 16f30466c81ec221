//! How well a score is backed: from a gut feeling to a paying client who
//! renewed. The evidence-adjusted comparison counts an untested guess for less,
//! so a candidate cannot win on conviction alone.

use serde::{Deserialize, Serialize};

use crate::error::ValidationError;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Default,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Evidence {
    #[default]
    Gut,
    Asked,
    Interested,
    PaidPilot,
    Renewal,
}

impl Evidence {
    pub const ALL: &'static [Evidence] = <Evidence as strum::VariantArray>::VARIANTS;

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(field: &str, raw: &str) -> Result<Evidence, ValidationError> {
        crate::domain::choice(field, raw, None)
    }

    /// How much of the score counts in the evidence-adjusted comparison, in percent.
    pub fn factor_percent(self) -> u8 {
        match self {
            Evidence::Gut => 60,
            Evidence::Asked => 70,
            Evidence::Interested => 80,
            Evidence::PaidPilot => 90,
            Evidence::Renewal => 100,
        }
    }
}

/// Which scores the comparison uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Scores as given.
    #[default]
    Raw,
    /// Each score times its evidence factor.
    Evidence,
}

impl Mode {
    pub fn factor(self, evidence: Evidence) -> u8 {
        match self {
            Mode::Raw => 100,
            Mode::Evidence => evidence.factor_percent(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ValidationKind;

    #[test]
    fn stronger_evidence_counts_more_and_renewal_counts_fully() {
        let factors: Vec<u8> = Evidence::ALL.iter().map(|e| e.factor_percent()).collect();
        assert!(factors.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Mode::Evidence.factor(Evidence::Renewal), 100);
        assert_eq!(Mode::Raw.factor(Evidence::Gut), 100);
    }

    #[test]
    fn levels_parse_from_their_names_only() {
        for &e in Evidence::ALL {
            assert_eq!(Evidence::parse("evidence.1", e.as_str()), Ok(e));
        }
        assert_eq!(
            Evidence::parse("evidence.1", "hunch").unwrap_err().kind,
            ValidationKind::InvalidChoice
        );
    }
}

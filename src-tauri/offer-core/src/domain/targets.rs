//! The income the user aims for and how many leads become clients: shared by
//! every candidate's Fermi estimate.

use serde::Serialize;

use crate::domain::candidate::bounded_number;
use crate::domain::input::TargetsInput;
use crate::domain::money::{Currency, Money};
use crate::error::ValidationError;

/// What the user aims for: shared by every candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Targets {
    /// Monthly income to reach; none until the user sets it.
    pub monthly_income: Option<Money>,
    /// Percent of leads that become clients, 1–100.
    pub close_rate_percent: u8,
}

impl Targets {
    pub const DEFAULT_CLOSE_RATE: u8 = 20;
}

impl TryFrom<&TargetsInput> for Targets {
    type Error = ValidationError;
    fn try_from(input: &TargetsInput) -> Result<Self, ValidationError> {
        let currency = Currency::parse("currency", &input.currency)?;
        let income = Money::parse("monthly_income", &input.monthly_income, currency)?;
        let rate = bounded_number("close_rate_percent", input.close_rate_percent, 1, 100)? as u8;
        Ok(Targets {
            monthly_income: (!income.is_zero()).then_some(income),
            close_rate_percent: rate,
        })
    }
}

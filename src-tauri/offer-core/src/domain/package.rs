//! The monthly package's plan: the founder's time, income target and slots
//! that the economics are computed from, as typed and as read.

use serde::Serialize;

use crate::domain::candidate::bounded_number;
use crate::domain::money::{Currency, Money};
use crate::domain::offer::parse_hours;
use crate::error::ValidationError;

/// What the founder puts into the plan besides the offer itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Package {
    /// Meetings with one client per month, in minutes.
    pub meeting_minutes: u32,
    /// Revisions for one client per month, in minutes.
    pub revision_minutes: u32,
    /// Extra time kept for overruns, percent of the above.
    pub buffer_percent: u8,
    /// Hours the founder can give the business per month.
    pub founder_hours: u16,
    /// Share of those hours that can be billed, percent.
    pub utilization_percent: u8,
    pub target_income: Money,
    pub expenses: Money,
    /// Margin to keep above income and expenses, percent (0–90).
    pub margin_percent: u8,
    /// The lowest effective hourly rate the founder accepts.
    pub hourly_floor: Money,
    /// Clients the offer says it takes ("N slots").
    pub slots: u16,
    /// A consumer offer in yen shows its price with 10 % consumption tax.
    pub consumer: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, Serialize)]
#[serde(default)]
pub struct PackageInput {
    pub meeting_hours: String,
    pub revision_hours: String,
    pub buffer_percent: i64,
    pub founder_hours: i64,
    pub utilization_percent: i64,
    pub target_income: String,
    pub expenses: String,
    pub margin_percent: i64,
    pub hourly_floor: String,
    pub slots: i64,
    pub consumer: bool,
}

impl PackageInput {
    /// What a new plan starts from: an evening-and-weekend month of 80 hours,
    /// three quarters billable, an hour of meetings and of revisions, a 10 %
    /// buffer, 20 % margin, three slots.
    pub fn starting_point() -> PackageInput {
        PackageInput {
            meeting_hours: "1".into(),
            revision_hours: "1".into(),
            buffer_percent: 10,
            founder_hours: 80,
            utilization_percent: 75,
            margin_percent: 20,
            slots: 3,
            ..Default::default()
        }
    }
}

impl Package {
    pub fn to_input(&self) -> PackageInput {
        let money = |m: Money| if m.is_zero() { String::new() } else { m.to_plain() };
        PackageInput {
            meeting_hours: crate::domain::offer::minutes_to_hours_text(self.meeting_minutes),
            revision_hours: crate::domain::offer::minutes_to_hours_text(self.revision_minutes),
            buffer_percent: i64::from(self.buffer_percent),
            founder_hours: i64::from(self.founder_hours),
            utilization_percent: i64::from(self.utilization_percent),
            target_income: money(self.target_income),
            expenses: money(self.expenses),
            margin_percent: i64::from(self.margin_percent),
            hourly_floor: money(self.hourly_floor),
            slots: i64::from(self.slots),
            consumer: self.consumer,
        }
    }

    /// Reads the plan, with money in the offer's currency.
    pub fn parse(input: &PackageInput, currency: Currency) -> Result<Package, ValidationError> {
        Ok(Package {
            meeting_minutes: parse_hours("meeting_hours", &input.meeting_hours)?,
            revision_minutes: parse_hours("revision_hours", &input.revision_hours)?,
            buffer_percent: bounded_number("buffer_percent", input.buffer_percent, 0, 100)? as u8,
            founder_hours: bounded_number("founder_hours", input.founder_hours, 1, 400)? as u16,
            utilization_percent: bounded_number("utilization_percent", input.utilization_percent, 1, 100)? as u8,
            target_income: Money::parse("target_income", &input.target_income, currency)?,
            expenses: Money::parse("expenses", &input.expenses, currency)?,
            margin_percent: bounded_number("margin_percent", input.margin_percent, 0, 90)? as u8,
            hourly_floor: Money::parse("hourly_floor", &input.hourly_floor, currency)?,
            slots: bounded_number("slots", input.slots, 0, 999)? as u16,
            consumer: input.consumer,
        })
    }
}

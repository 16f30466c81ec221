//! The first test of an offer: 1–3 founding clients at a pilot price, with
//! dates, a test card written before and a learning card after. Dates come
//! from chrono and are passed in; nothing here reads the clock.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::candidate::bounded_number;
use crate::domain::evidence::Evidence;
use crate::domain::money::{Currency, Money};
use crate::domain::text::LineText;
use crate::error::ValidationError;

pub const MAX_PILOT_CLIENTS: i64 = 3;
pub const MAX_PILOT_MONTHS: i64 = 12;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "snake_case")]
pub enum Decision {
    Go,
    Adjust,
    Stop,
}

impl Decision {
    fn parse(field: &str, raw: &str) -> Result<Option<Decision>, ValidationError> {
        crate::domain::optional_choice(field, raw)
    }

    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PilotInput {
    pub clients: i64,
    pub price: String,
    /// YYYY-MM-DD.
    pub start: String,
    pub months: i64,
    pub we_believe: String,
    pub we_will_test: String,
    pub we_measure: String,
    pub right_if: String,
    pub observed: String,
    pub learned: String,
    /// "", "go", "adjust" or "stop".
    pub decision: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pilot {
    pub clients: u8,
    pub price: Money,
    /// None until the user picks a start date.
    pub start: Option<NaiveDate>,
    pub months: u8,
    pub we_believe: LineText,
    pub we_will_test: LineText,
    pub we_measure: LineText,
    pub right_if: LineText,
    pub observed: LineText,
    pub learned: LineText,
    pub decision: Option<Decision>,
}

impl Pilot {
    pub fn parse(input: &PilotInput, currency: Currency) -> Result<Pilot, ValidationError> {
        let clients = bounded_number("clients", input.clients, 1, MAX_PILOT_CLIENTS)? as u8;
        let price = Money::parse("price", &input.price, currency)?;
        let start = crate::domain::date::parse_date("start", &input.start)?;
        Ok(Pilot {
            clients,
            price,
            start,
            months: bounded_number("months", input.months, 1, MAX_PILOT_MONTHS)? as u8,
            we_believe: LineText::parse("we_believe", &input.we_believe)?,
            we_will_test: LineText::parse("we_will_test", &input.we_will_test)?,
            we_measure: LineText::parse("we_measure", &input.we_measure)?,
            right_if: LineText::parse("right_if", &input.right_if)?,
            observed: LineText::parse("observed", &input.observed)?,
            learned: LineText::parse("learned", &input.learned)?,
            decision: Decision::parse("decision", &input.decision)?,
        })
    }

    pub fn to_input(&self) -> PilotInput {
        PilotInput {
            clients: i64::from(self.clients),
            price: if self.price.is_zero() {
                String::new()
            } else {
                self.price.to_plain()
            },
            start: self.start.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            months: i64::from(self.months),
            we_believe: self.we_believe.as_str().into(),
            we_will_test: self.we_will_test.as_str().into(),
            we_measure: self.we_measure.as_str().into(),
            right_if: self.right_if.as_str().into(),
            observed: self.observed.as_str().into(),
            learned: self.learned.as_str().into(),
            decision: self.decision.map_or("", Decision::as_str).into(),
        }
    }

    /// The review dates, one a month from the start, the last being the end;
    /// none before a start date is set.
    pub fn schedule(&self) -> Option<Schedule> {
        self.start.map(|start| schedule(start, self.months))
    }

    /// The evidence a finished pilot gives the candidate's scores: paying
    /// clients make it a paid pilot; a free one shows only interest.
    pub fn evidence(&self) -> Option<Evidence> {
        self.decision.map(|_| {
            if self.price.is_zero() {
                Evidence::Interested
            } else {
                Evidence::PaidPilot
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Schedule {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub reviews: Vec<NaiveDate>,
}

/// Each review is counted from the start (not from the previous review), so a
/// pilot from 31 January reviews on 29 February in a leap year, then 31 March.
/// A date that does not exist in a month falls on that month's last day.
pub fn schedule(start: NaiveDate, months: u8) -> Schedule {
    let reviews: Vec<NaiveDate> = (1..=u32::from(months))
        .map(|k| start.checked_add_months(Months::new(k)).unwrap_or(NaiveDate::MAX))
        .collect();
    Schedule {
        start,
        end: reviews.last().copied().unwrap_or(start),
        reviews,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ValidationKind;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn month_ends_and_leap_years() {
        let s = schedule(date(2028, 1, 31), 3);
        assert_eq!(s.reviews, [date(2028, 2, 29), date(2028, 3, 31), date(2028, 4, 30)]);
        assert_eq!(s.end, date(2028, 4, 30));
        assert_eq!(schedule(date(2027, 1, 31), 1).end, date(2027, 2, 28));
        // From a leap day, a year later is the last day of February.
        assert_eq!(schedule(date(2028, 2, 29), 12).end, date(2029, 2, 28));
        assert_eq!(
            schedule(date(2026, 11, 30), 3).reviews,
            [date(2026, 12, 30), date(2027, 1, 30), date(2027, 2, 28)]
        );
    }

    fn input() -> PilotInput {
        PilotInput {
            clients: 2,
            price: "30,000".into(),
            start: "2027-01-31".into(),
            months: 2,
            we_believe: "Clinics will pay for reels".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_pilot_has_one_to_three_clients() {
        for bad in [0, 4] {
            let err = Pilot::parse(
                &PilotInput {
                    clients: bad,
                    ..input()
                },
                Currency::Jpy,
            )
            .unwrap_err();
            assert_eq!(
                (err.field.as_str(), err.kind),
                ("clients", ValidationKind::OutOfRange { min: 1, max: 3 })
            );
        }
        assert_eq!(Pilot::parse(&input(), Currency::Jpy).unwrap().clients, 2);
    }

    #[test]
    fn a_pilot_without_a_start_date_has_no_schedule_yet() {
        let p = Pilot::parse(
            &PilotInput {
                start: String::new(),
                ..input()
            },
            Currency::Jpy,
        )
        .unwrap();
        assert_eq!(p.schedule(), None);
    }

    #[test]
    fn dates_and_decisions_are_read_strictly() {
        let err = Pilot::parse(
            &PilotInput {
                start: "31/01/2027".into(),
                ..input()
            },
            Currency::Jpy,
        )
        .unwrap_err();
        assert_eq!(err.field, "start");
        let err = Pilot::parse(
            &PilotInput {
                decision: "maybe".into(),
                ..input()
            },
            Currency::Jpy,
        )
        .unwrap_err();
        assert_eq!(err.field, "decision");
        let p = Pilot::parse(&input(), Currency::Jpy).unwrap();
        assert_eq!(Pilot::parse(&p.to_input(), Currency::Jpy).unwrap(), p);
    }

    #[test]
    fn a_decided_pilot_raises_the_evidence() {
        let mut p = Pilot::parse(&input(), Currency::Jpy).unwrap();
        assert_eq!(p.evidence(), None);
        p.decision = Some(Decision::Go);
        assert_eq!(p.evidence(), Some(Evidence::PaidPilot));
        p.price = Money::zero(Currency::Jpy);
        assert_eq!(p.evidence(), Some(Evidence::Interested));
    }
}

//! The numbers behind a monthly package: hours per client, how many clients
//! the founder's month holds, the price that pays, and what each client count
//! brings in. Integer arithmetic throughout (money in minor units, time in
//! minutes), widened to i128 so large inputs cannot overflow; every rounding
//! is stated where it happens.

use serde::Serialize;

use crate::candidate::bounded_number;
use crate::error::ValidationError;
use crate::money::{Currency, Money};
use crate::offer::{parse_hours, OfferDraft};
use crate::Lang;

/// What the founder puts into the plan besides the offer itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackagePlan {
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

impl PackagePlan {
    pub fn to_input(&self) -> PackageInput {
        let money = |m: Money| if m.is_zero() { String::new() } else { m.to_plain() };
        PackageInput {
            meeting_hours: crate::offer::minutes_to_hours_text(self.meeting_minutes),
            revision_hours: crate::offer::minutes_to_hours_text(self.revision_minutes),
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
    pub fn parse(input: &PackageInput, currency: Currency) -> Result<PackagePlan, ValidationError> {
        Ok(PackagePlan {
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

/// Consumption tax in Japan, percent. Rounding rule: tax is rounded down to
/// the yen (切り捨て), the most common rule for prices shown to consumers.
pub const JAPAN_TAX_PERCENT: i64 = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Economics {
    pub minutes_per_client: i64,
    pub available_minutes: i64,
    /// None while the package has no hours to deliver.
    pub capacity_clients: Option<i64>,
    pub slots_over_capacity: bool,
    /// Price per hour of work at the chosen price, minor units.
    pub effective_hourly_rate: Option<i64>,
    pub below_floor: bool,
    pub suggested_price: Option<i64>,
    pub clients_needed: Option<i64>,
    pub break_even_clients: Option<i64>,
    pub mrr_one: i64,
    pub mrr_capacity: Option<i64>,
    /// The money figures above, formatted for people (same language rules as prices).
    pub effective_hourly_rate_display: Option<String>,
    pub suggested_price_display: Option<String>,
    pub mrr_capacity_display: Option<String>,
    /// The price as a client sees it: ¥33,000（税込）, ¥30,000（税別）, $300.00.
    pub price_display: String,
    pub sentence: String,
}

fn ceil_div(a: i128, b: i128) -> i128 {
    if b == 0 {
        return 0;
    }
    (a + b - 1) / b
}

/// Fits an i128 result back into an i64, saturating: the inputs are bounded,
/// so this only matters for absurd combinations, which then read as "a lot".
fn fit(v: i128) -> i64 {
    v.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

/// The price with its tax note, per the currency and kind of client.
pub fn price_display(price: Money, consumer: bool, lang: Lang) -> String {
    match (price.currency(), consumer) {
        (Currency::Jpy, true) => {
            let with_tax = price.minor() + price.minor() * JAPAN_TAX_PERCENT / 100;
            let shown = Money::from_minor("price", with_tax, Currency::Jpy)
                .unwrap_or(price)
                .format(lang);
            format!("{shown}{}", lang.pick("（税込）", " (incl. tax)"))
        }
        (Currency::Jpy, false) => format!("{}{}", price.format(lang), lang.pick("（税別）", " (excl. tax)")),
        (Currency::Usd, _) => price.format(lang),
    }
}

pub fn economics(offer: &OfferDraft, plan: &PackagePlan, lang: Lang) -> Economics {
    let price = i128::from(offer.monthly_price.minor());
    let delivery: i128 = offer
        .deliverables
        .iter()
        .map(|d| i128::from(d.quantity_per_month) * i128::from(d.minutes_each))
        .sum();
    let base = delivery + i128::from(plan.meeting_minutes) + i128::from(plan.revision_minutes);
    // The buffer rounds up to the next minute: better a minute too much.
    let minutes_per_client = ceil_div(base * (100 + i128::from(plan.buffer_percent)), 100);
    // Available time rounds down: a part-minute cannot be sold.
    let available = i128::from(plan.founder_hours) * 60 * i128::from(plan.utilization_percent) / 100;
    let capacity = (minutes_per_client > 0).then(|| available / minutes_per_client);
    let rate = (minutes_per_client > 0).then(|| price * 60 / minutes_per_client);
    let needed_revenue = i128::from(plan.target_income.minor()) + i128::from(plan.expenses.minor());
    let with_margin = ceil_div(needed_revenue * 100, 100 - i128::from(plan.margin_percent));
    let suggested = (available > 0 && minutes_per_client > 0 && needed_revenue > 0)
        .then(|| ceil_div(with_margin * minutes_per_client, available));
    let clients_needed = (price > 0 && needed_revenue > 0).then(|| ceil_div(needed_revenue, price));
    let break_even = (price > 0).then(|| ceil_div(i128::from(plan.expenses.minor()), price));
    let display = price_display(offer.monthly_price, plan.consumer, lang);
    let sentence = match (capacity, clients_needed) {
        (Some(cap), Some(need)) => match lang {
            Lang::Ja => format!("月{display}なら、{cap}人まで対応できます。目標には{need}人が必要です。"),
            Lang::En => format!(
                "At {display} a month you can serve {cap} client{}; {need} would be needed for your target.",
                if cap == 1 { "" } else { "s" }
            ),
        },
        (None, _) => lang
            .pick(
                "納品物に作業時間を入れると、何人まで対応できるかがわかります。",
                "Add hours to the deliverables to see how many clients you can serve.",
            )
            .to_string(),
        (Some(_), None) => lang
            .pick(
                "価格と目標の月収を入れると、必要な人数がわかります。",
                "Set a price and a target income to see how many clients you need.",
            )
            .to_string(),
    };
    let currency = offer.monthly_price.currency();
    let shown = |minor: i128| {
        Money::from_minor("amount", fit(minor), currency)
            .ok()
            .map(|m| m.format(lang))
    };
    Economics {
        effective_hourly_rate_display: rate.and_then(shown),
        suggested_price_display: suggested.and_then(shown),
        mrr_capacity_display: capacity.and_then(|c| shown(c * price)),
        minutes_per_client: fit(minutes_per_client),
        available_minutes: fit(available),
        capacity_clients: capacity.map(fit),
        slots_over_capacity: capacity.is_some_and(|c| i128::from(plan.slots) > c),
        effective_hourly_rate: rate.map(fit),
        below_floor: rate.is_some_and(|r| price > 0 && r < i128::from(plan.hourly_floor.minor())),
        suggested_price: suggested.map(fit),
        clients_needed: clients_needed.map(fit),
        break_even_clients: break_even.map(fit),
        mrr_one: fit(price),
        mrr_capacity: capacity.map(|c| fit(c * price)),
        price_display: display,
        sentence,
    }
}

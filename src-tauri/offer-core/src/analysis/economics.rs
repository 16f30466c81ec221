//! The numbers behind a monthly package: hours per client, how many clients
//! the founder's month holds, the price that pays, and what each client count
//! brings in. Integer arithmetic throughout (money in minor units, time in
//! minutes), widened to i128 so large inputs cannot overflow; every rounding
//! is stated where it happens.

use serde::Serialize;

use crate::domain::money::{Currency, Money};
use crate::domain::offer::OfferFields;
use crate::domain::package::Package;
use crate::Lang;

/// Consumption tax in Japan, percent. Rounding rule: tax is rounded down to
/// the yen (切り捨て), the most common rule for prices shown to consumers.
/// Source: docs/money-rules.md.
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
    /// The price that meets the target, rounded up to a price step.
    pub suggested_price: Option<i64>,
    /// Fewer clients fit in the month than the target needs at this price.
    pub short_of_capacity: bool,
    pub clients_needed: Option<i64>,
    pub break_even_clients: Option<i64>,
    pub mrr_one: i64,
    pub mrr_capacity: Option<i64>,
    /// What a month must bring in: the target income plus expenses, minor units.
    pub needed_revenue: i64,
    pub needed_revenue_display: Option<String>,
    /// The money figures above, formatted for people (same language rules as prices).
    pub effective_hourly_rate_display: Option<String>,
    pub suggested_price_display: Option<String>,
    /// How the suggestion was rounded: 「117,334円を5,000円単位で切り上げ」.
    pub suggested_price_note: Option<String>,
    /// The suggestion as the price box takes it (120000, 300.00).
    pub suggested_price_input: Option<String>,
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
            crate::locales::text(lang, "economics.inclTax", &[("price", &shown)])
        }
        (Currency::Jpy, false) => crate::locales::text(lang, "economics.exclTax", &[("price", &price.format(lang))]),
        (Currency::Usd, _) => price.format(lang),
    }
}

/// The step a suggested price is rounded up to, in minor units: prices are
/// quoted in round figures (a client reads 120,000円, not 117,334円), and the
/// step grows with the price so rounding adds at most 10 % (from 1,000円 or
/// $10 up, just above a threshold) and usually under 5 %. Source and worked figures: docs/money-rules.md.
/// Yen: 100 below 10,000円, 1,000 below 100,000円, 5,000 from there.
/// Dollars: $1 below $100, $5 below $1,000, $10 from there.
pub fn price_step(minor: i64, currency: Currency) -> i64 {
    match currency {
        Currency::Jpy if minor < 10_000 => 100,
        Currency::Jpy if minor < 100_000 => 1_000,
        Currency::Jpy => 5_000,
        Currency::Usd if minor < 10_000 => 100,
        Currency::Usd if minor < 100_000 => 500,
        Currency::Usd => 1_000,
    }
}

/// `minor` rounded up to its price step.
pub fn round_price_up(minor: i64, currency: Currency) -> i64 {
    let step = price_step(minor, currency);
    // Prices are never negative; saturate rather than wrap near the top.
    (minor.saturating_add(step - 1) / step).saturating_mul(step)
}

pub fn economics(offer: &OfferFields, plan: &Package, lang: Lang) -> Economics {
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
    let exact_suggestion = (available > 0 && minutes_per_client > 0 && needed_revenue > 0)
        .then(|| fit(ceil_div(with_margin * minutes_per_client, available)));
    let currency = offer.monthly_price.currency();
    let suggested = exact_suggestion.map(|exact| i128::from(round_price_up(exact, currency)));
    let clients_needed = (price > 0 && needed_revenue > 0).then(|| ceil_div(needed_revenue, price));
    let break_even = (price > 0).then(|| ceil_div(i128::from(plan.expenses.minor()), price));
    let display = price_display(offer.monthly_price, plan.consumer, lang);
    let sentence = match (capacity, clients_needed) {
        (Some(cap), Some(need)) => crate::locales::counted(
            lang,
            "economics.capacity",
            usize::try_from(cap).unwrap_or(usize::MAX),
            &[("price", &display), ("need", &need)],
        ),
        (None, _) => crate::locales::text(lang, "economics.addHours", &[]),
        (Some(_), None) => crate::locales::text(lang, "economics.addPrice", &[]),
    };
    let shown = |minor: i128| {
        Money::from_minor("amount", fit(minor), currency)
            .ok()
            .map(|m| m.format(lang))
    };
    Economics {
        effective_hourly_rate_display: rate.and_then(shown),
        suggested_price_display: suggested.and_then(shown),
        suggested_price_note: exact_suggestion.and_then(|exact| {
            let step = price_step(exact, currency);
            Some(crate::locales::text(
                lang,
                "economics.roundedUp",
                &[("exact", &shown(exact.into())?), ("step", &shown(step.into())?)],
            ))
        }),
        suggested_price_input: suggested
            .and_then(|minor| Money::from_minor("amount", fit(minor), currency).ok())
            .map(|m| m.to_plain()),
        short_of_capacity: matches!((capacity, clients_needed), (Some(cap), Some(need)) if cap < need),
        // Said as the price is (with its tax note), so the revenue rows read alike.
        mrr_capacity_display: capacity
            .and_then(|c| Money::from_minor("amount", fit(c * price), currency).ok())
            .map(|m| price_display(m, plan.consumer, lang)),
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
        needed_revenue: fit(needed_revenue),
        needed_revenue_display: (needed_revenue > 0).then(|| shown(needed_revenue)).flatten(),
        price_display: display,
        sentence,
    }
}

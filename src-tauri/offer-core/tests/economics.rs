//! Package economics: worked examples, tax display, and properties.

use offerwright_core::analysis::economics::{economics, price_display};
use offerwright_core::domain::input::{DeliverableInput, OfferInput};
use offerwright_core::domain::money::{Currency, Money};
use offerwright_core::domain::offer::OfferFields;
use offerwright_core::domain::package::{Package, PackageInput};
use offerwright_core::Lang;
use proptest::prelude::*;

fn offer(price: &str, currency: &str, deliverables: &[(i64, &str)]) -> OfferFields {
    OfferFields::try_from(&OfferInput {
        title: "Reels".into(),
        price: price.into(),
        currency: currency.into(),
        minimum_term_months: 3,
        deliverables: deliverables
            .iter()
            .enumerate()
            .map(|(i, (q, h))| DeliverableInput {
                name: format!("d{i}"),
                quantity_per_month: *q,
                turnaround_days: 3,
                hours_each: h.to_string(),
            })
            .collect(),
        ..Default::default()
    })
    .unwrap()
}

fn plan(currency: Currency) -> Package {
    Package::parse(
        &PackageInput {
            meeting_hours: "1".into(),
            revision_hours: "1".into(),
            buffer_percent: 10,
            founder_hours: 80,
            utilization_percent: 75,
            target_income: "300,000".into(),
            expenses: "20000".into(),
            margin_percent: 20,
            hourly_floor: "3000".into(),
            slots: 4,
            consumer: false,
        },
        currency,
    )
    .unwrap()
}

#[test]
fn suggested_prices_are_rounded_up_to_a_step_that_grows_with_the_price() {
    use offerwright_core::analysis::economics::round_price_up;
    // Yen: ¥100 steps below ¥10,000, ¥1,000 below ¥100,000, ¥5,000 from there.
    assert_eq!(round_price_up(9_801, Currency::Jpy), 9_900);
    assert_eq!(round_price_up(9_900, Currency::Jpy), 9_900);
    assert_eq!(round_price_up(55_384, Currency::Jpy), 56_000);
    assert_eq!(round_price_up(100_001, Currency::Jpy), 105_000);
    // Dollars, in cents: $1 below $100, $5 below $1,000, $10 from there.
    assert_eq!(round_price_up(4_250, Currency::Usd), 4_300);
    assert_eq!(round_price_up(28_713, Currency::Usd), 29_000);
    assert_eq!(round_price_up(300_001, Currency::Usd), 301_000);
}

#[test]
fn a_worked_example_in_yen() {
    // 8 × 1.5 h + 1 × 2 h + 1 h meetings + 1 h revisions = 16 h = 960 min; +10 % → 1,056 min.
    let e = economics(
        &offer("55000", "JPY", &[(8, "1.5"), (1, "2")]),
        &plan(Currency::Jpy),
        Lang::Ja,
    );
    assert_eq!(e.minutes_per_client, 1_056);
    // 80 h × 75 % = 3,600 min → 3 clients; the offer promises 4 slots.
    assert_eq!((e.available_minutes, e.capacity_clients), (3_600, Some(3)));
    assert!(e.slots_over_capacity);
    // ¥55,000 ÷ 17.6 h = ¥3,125 an hour, above the ¥3,000 floor.
    assert_eq!((e.effective_hourly_rate, e.below_floor), (Some(3_125), false));
    // (300,000 + 20,000) ÷ (1 − 20 %) = 400,000 over 3,600 min, for 1,056 min: ¥117,334 (rounded up),
    // quoted as ¥120,000: from ¥100,000 prices go in steps of ¥5,000.
    assert_eq!(e.suggested_price, Some(120_000));
    assert_eq!(e.suggested_price_display.as_deref(), Some("120,000円"));
    assert_eq!(e.suggested_price_note.as_deref(), Some("117,334円を5,000円単位で切り上げ"));
    assert_eq!(e.suggested_price_input.as_deref(), Some("120000"));
    // 3 clients fit, 6 are needed: short of capacity.
    assert!(e.short_of_capacity);
    assert_eq!((e.clients_needed, e.break_even_clients), (Some(6), Some(1)));
    assert_eq!((e.mrr_one, e.mrr_capacity), (55_000, Some(165_000)));
    // The month must bring in the target and the expenses: 300,000 + 20,000.
    assert_eq!(e.needed_revenue, 320_000);
    assert_eq!(e.needed_revenue_display.as_deref(), Some("320,000円"));
    assert_eq!(
        e.sentence,
        "月額55,000円（税別）なら、3人まで対応できます。目標には6人が必要です。"
    );
}

#[test]
fn the_sentence_and_floor_in_english() {
    let e = economics(
        &offer("300", "USD", &[(4, "2")]),
        &{
            let mut p = plan(Currency::Usd);
            p.hourly_floor = Money::from_minor("f", 5_000, Currency::Usd).unwrap();
            p
        },
        Lang::En,
    );
    // 4 × 2 h + 2 h = 10 h, +10 % = 11 h: $300 ÷ 11 h = $27.27 an hour, below a $50 floor;
    // 3,600 min ÷ 660 min = 5 clients.
    assert_eq!(e.effective_hourly_rate, Some(2_727));
    assert!(e.below_floor);
    assert!(
        e.sentence.starts_with("At $300.00 a month you can serve 5 clients;"),
        "{}",
        e.sentence
    );
}

#[test]
fn no_hours_or_no_price_say_what_is_missing() {
    let e = economics(
        &offer("0", "JPY", &[]),
        &{
            let mut p = plan(Currency::Jpy);
            p.meeting_minutes = 0;
            p.revision_minutes = 0;
            p
        },
        Lang::En,
    );
    assert_eq!(
        (e.capacity_clients, e.effective_hourly_rate, e.clients_needed),
        (None, None, None)
    );
    assert!(e.sentence.contains("Add hours"));
}

#[test]
fn yen_prices_show_tax_for_consumers_rounded_down() {
    let yen = |m| Money::from_minor("p", m, Currency::Jpy).unwrap();
    assert_eq!(price_display(yen(30_000), true, Lang::Ja), "33,000円（税込）");
    assert_eq!(price_display(yen(30_000), false, Lang::Ja), "30,000円（税別）");
    // ¥999 × 10 % = ¥99.9 → ¥99 of tax.
    assert_eq!(price_display(yen(999), true, Lang::En), "¥1,098 (incl. tax)");
    let usd = Money::from_minor("p", 30_000, Currency::Usd).unwrap();
    assert_eq!(price_display(usd, true, Lang::En), "$300.00");
}

#[test]
fn plan_inputs_are_validated_per_field() {
    let mut input = PackageInput {
        founder_hours: 80,
        utilization_percent: 75,
        ..Default::default()
    };
    input.margin_percent = 95;
    assert_eq!(
        Package::parse(&input, Currency::Jpy).unwrap_err().field,
        "margin_percent"
    );
    input.margin_percent = 20;
    input.meeting_hours = "an hour".into();
    assert_eq!(
        Package::parse(&input, Currency::Jpy).unwrap_err().field,
        "meeting_hours"
    );
    input.meeting_hours = String::new();
    input.founder_hours = 0;
    assert_eq!(
        Package::parse(&input, Currency::Jpy).unwrap_err().field,
        "founder_hours"
    );
}

proptest! {
    #[test]
    fn large_inputs_never_overflow(
        price in 0i64..=Money::MAX_MINOR,
        target in 0i64..=Money::MAX_MINOR,
        quantity in 0i64..=999,
        hours in 0u32..=200,
        founder in 1u16..=400,
    ) {
        let h = hours.to_string();
        let o = offer(&price.to_string(), "JPY", &[(quantity, h.as_str()); 20]);
        let mut p = plan(Currency::Jpy);
        p.target_income = Money::from_minor("t", target, Currency::Jpy).unwrap();
        p.expenses = Money::from_minor("e", Money::MAX_MINOR, Currency::Jpy).unwrap();
        p.founder_hours = founder;
        p.margin_percent = 90;
        let e = economics(&o, &p, Lang::En);
        prop_assert!(e.minutes_per_client >= 0 && e.mrr_one == price);
    }

    #[test]
    fn capacity_never_falls_when_hours_rise(founder in 1u16..399, extra in 1u16..=1, quantity in 1i64..30) {
        let o = offer("50000", "JPY", &[(quantity, "1.5")]);
        let mut p = plan(Currency::Jpy);
        p.founder_hours = founder;
        let less = economics(&o, &p, Lang::En).capacity_clients.unwrap();
        p.founder_hours = founder + extra;
        let more = economics(&o, &p, Lang::En).capacity_clients.unwrap();
        prop_assert!(more >= less);
    }

    #[test]
    fn the_suggested_price_covers_the_target_exactly_rounded_up(target in 1i64..10_000_000, expenses in 0i64..1_000_000) {
        let o = offer("50000", "JPY", &[(4, "2")]);
        let mut p = plan(Currency::Jpy);
        p.target_income = Money::from_minor("t", target, Currency::Jpy).unwrap();
        p.expenses = Money::from_minor("e", expenses, Currency::Jpy).unwrap();
        let e = economics(&o, &p, Lang::En);
        let suggested = i128::from(e.suggested_price.unwrap());
        let needed = (i128::from(target) + i128::from(expenses)) * 100;
        let with_margin = (needed + 79) / 80; // ÷ (1 − 20 %), rounded up
        let per_client = i128::from(e.minutes_per_client);
        let available = i128::from(e.available_minutes);
        let exact = (with_margin * per_client + available - 1) / available;
        let step = i128::from(offerwright_core::analysis::economics::price_step(exact as i64, Currency::Jpy));
        // Rounded up to a whole step: enough, and less than one step more than enough.
        prop_assert_eq!(suggested % step, 0);
        prop_assert!(suggested * available >= with_margin * per_client);
        prop_assert!(suggested - step < exact);
    }
}

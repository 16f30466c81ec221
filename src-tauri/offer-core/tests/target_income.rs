//! The target monthly income is one number: set on the comparison or in an
//! offer's economics, it is the same on both, for every offer in its currency.

mod support;
use offerwright_core::app::examples::load_example;
use offerwright_core::app::{compare, plan, versions};
use offerwright_core::domain::input::TargetsInput;
use offerwright_core::domain::money::{Currency, Money};
use offerwright_core::domain::offer::OfferFields;
use offerwright_core::Lang;
use support::{dental_offer_en, memory_db, november};

fn yen(amount: i64) -> Option<Money> {
    Some(Money::from_minor("t", amount, Currency::Jpy).unwrap())
}

fn targets(income: &str, currency: &str) -> TargetsInput {
    TargetsInput {
        monthly_income: income.into(),
        currency: currency.into(),
        close_rate_percent: 20,
    }
}

fn target_of(db: &offerwright_core::Database, offer: i64) -> String {
    plan::offer_plan(db, offer, Lang::Ja).unwrap().package.target_income
}

#[test]
fn the_example_brings_its_target_and_the_comparison_and_offers_share_it() {
    let mut db = memory_db();
    load_example(&mut db, Lang::Ja, november(1, 9, 0)).unwrap();
    let offer = db.list_offers().unwrap()[0].id;
    // The example's economics aim at 300,000円: so does the comparison.
    assert_eq!(db.targets().unwrap().monthly_income, yen(300_000));
    // Changed on the comparison: the offer's economics follow.
    compare::set_targets(&mut db, &targets("400000", "JPY")).unwrap();
    assert_eq!(target_of(&db, offer), "400000");
    // Changed in the offer's economics: the comparison follows.
    let mut input = plan::offer_plan(&db, offer, Lang::Ja).unwrap().package;
    input.target_income = "250,000".into();
    plan::save_package(&mut db, offer, input, Lang::Ja).unwrap();
    assert_eq!(db.targets().unwrap().monthly_income, yen(250_000));
    // Cleared on the comparison: no offer keeps an old target.
    compare::set_targets(&mut db, &targets("", "JPY")).unwrap();
    assert_eq!(target_of(&db, offer), "");
    assert_eq!(db.targets().unwrap().monthly_income, None);
}

#[test]
fn a_new_offer_starts_at_the_shared_target_and_other_currencies_keep_theirs() {
    let mut db = memory_db();
    compare::set_targets(&mut db, &targets("300000", "JPY")).unwrap();
    let mut yen_offer = OfferFields::try_from(&dental_offer_en()).unwrap();
    yen_offer.monthly_price = Money::from_minor("p", 55_000, Currency::Jpy).unwrap();
    let a = db.create_offer(&yen_offer, november(1, 9, 0)).unwrap().id;
    let b = db.create_offer(&yen_offer, november(1, 9, 1)).unwrap().id;
    let mut dollar_offer = yen_offer.clone();
    dollar_offer.monthly_price = Money::from_minor("p", 30_000, Currency::Usd).unwrap();
    let dollars = db.create_offer(&dollar_offer, november(1, 9, 2)).unwrap().id;
    // Not planned yet: each starts at the target in its own currency.
    assert_eq!((target_of(&db, a), target_of(&db, dollars)), ("300000".into(), String::new()));
    // A change in one yen offer reaches the other, not the dollar one.
    let mut input = plan::offer_plan(&db, a, Lang::Ja).unwrap().package;
    input.target_income = "350000".into();
    plan::save_package(&mut db, a, input, Lang::Ja).unwrap();
    assert_eq!(target_of(&db, b), "350000");
    assert_eq!(target_of(&db, dollars), "");
}

#[test]
fn restoring_a_version_keeps_the_shared_target() {
    let mut db = memory_db();
    load_example(&mut db, Lang::Ja, november(1, 9, 0)).unwrap();
    let offer = db.list_offers().unwrap()[0].id;
    let kept = versions::take_version(&mut db, offer, "300,000円のとき".into(), november(1, 9, 5))
        .unwrap()
        .unwrap();
    compare::set_targets(&mut db, &targets("500000", "JPY")).unwrap();
    versions::restore_version(&mut db, kept.id, Lang::Ja, november(1, 9, 10)).unwrap();
    // The version had 300,000円; the target is the user's, so it stays 500,000円.
    assert_eq!(target_of(&db, offer), "500000");
    assert_eq!(db.targets().unwrap().monthly_income, yen(500_000));
}

#[test]
fn clearing_a_target_in_one_currency_leaves_the_other_currencys() {
    let mut db = memory_db();
    let mut yen_offer = OfferFields::try_from(&dental_offer_en()).unwrap();
    yen_offer.monthly_price = Money::from_minor("p", 55_000, Currency::Jpy).unwrap();
    let a = db.create_offer(&yen_offer, november(1, 9, 0)).unwrap().id;
    compare::set_targets(&mut db, &targets("3000", "USD")).unwrap();
    let mut input = plan::offer_plan(&db, a, Lang::Ja).unwrap().package;
    input.target_income = String::new();
    plan::save_package(&mut db, a, input, Lang::Ja).unwrap();
    assert_eq!(
        db.targets().unwrap().monthly_income,
        Some(Money::from_minor("t", 300_000, Currency::Usd).unwrap())
    );
}

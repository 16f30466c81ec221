//! A Fermi check per candidate: the target monthly income → clients needed
//! at the planned price → leads needed at an assumed close rate. Integer
//! arithmetic, rounded up: half a client is a whole one to find.

use serde::Serialize;

use crate::domain::money::Money;
use crate::domain::targets::Targets;

/// Why a Fermi check has no numbers yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    NoTarget,
    NoPrice,
    CurrencyMismatch,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fermi {
    pub price: Option<Money>,
    pub price_display: Option<String>,
    pub clients_needed: Option<i64>,
    pub leads_needed: Option<i64>,
    pub gap: Option<Gap>,
}

fn div_ceil(a: i64, b: i64) -> i64 {
    (a + b - 1) / b
}

pub fn fermi(targets: &Targets, price: Option<Money>, lang: crate::Lang) -> Fermi {
    let gap = match (targets.monthly_income, price) {
        (None, _) => Some(Gap::NoTarget),
        (_, None) => Some(Gap::NoPrice),
        (Some(t), Some(p)) if t.currency() != p.currency() => Some(Gap::CurrencyMismatch),
        _ => None,
    };
    let (clients, leads) = match (gap, targets.monthly_income, price) {
        (None, Some(target), Some(price)) if price.minor() > 0 => {
            let clients = div_ceil(target.minor(), price.minor());
            let rate = i64::from(targets.close_rate_percent.clamp(1, 100));
            (Some(clients), Some(div_ceil(clients * 100, rate)))
        }
        _ => (None, None),
    };
    Fermi {
        price,
        price_display: price.map(|p| p.format(lang)),
        clients_needed: clients,
        leads_needed: leads,
        gap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::input::TargetsInput;
    use crate::domain::money::Currency;
    use crate::Lang;

    fn yen(minor: i64) -> Money {
        Money::from_minor("p", minor, Currency::Jpy).unwrap()
    }

    #[test]
    fn clients_and_leads_round_up() {
        let targets = Targets {
            monthly_income: Some(yen(300_000)),
            close_rate_percent: 20,
        };
        let f = fermi(&targets, Some(yen(55_000)), Lang::Ja);
        // 300,000 ÷ 55,000 = 5.45 → 6 clients; 6 ÷ 20 % = 30 leads.
        assert_eq!((f.clients_needed, f.leads_needed, f.gap), (Some(6), Some(30), None));
        let f = fermi(
            &Targets {
                close_rate_percent: 30,
                ..targets
            },
            Some(yen(100_000)),
            Lang::Ja,
        );
        // 3 clients ÷ 30 % = 10 leads exactly.
        assert_eq!((f.clients_needed, f.leads_needed), (Some(3), Some(10)));
    }

    #[test]
    fn targets_are_read_from_what_the_user_typed() {
        let input = TargetsInput {
            monthly_income: "３０万".into(),
            currency: "JPY".into(),
            close_rate_percent: 20,
        };
        assert_eq!(Targets::try_from(&input).unwrap_err().field, "monthly_income");
        let input = TargetsInput {
            monthly_income: "300,000".into(),
            currency: "JPY".into(),
            close_rate_percent: 0,
        };
        assert_eq!(Targets::try_from(&input).unwrap_err().field, "close_rate_percent");
        let input = TargetsInput {
            monthly_income: String::new(),
            currency: "USD".into(),
            close_rate_percent: 25,
        };
        assert_eq!(
            Targets::try_from(&input).unwrap(),
            Targets {
                monthly_income: None,
                close_rate_percent: 25
            }
        );
    }

    #[test]
    fn missing_inputs_say_what_is_missing() {
        let none = Targets {
            monthly_income: None,
            close_rate_percent: 20,
        };
        assert_eq!(fermi(&none, Some(yen(1)), Lang::En).gap, Some(Gap::NoTarget));
        let target = Targets {
            monthly_income: Some(yen(300_000)),
            close_rate_percent: 20,
        };
        assert_eq!(fermi(&target, None, Lang::En).gap, Some(Gap::NoPrice));
        let usd = Money::from_minor("p", 30_000, Currency::Usd).unwrap();
        let f = fermi(&target, Some(usd), Lang::En);
        assert_eq!((f.gap, f.clients_needed), (Some(Gap::CurrencyMismatch), None));
    }
}

//! Money as integer minor units with a currency; never floating point.

use serde::{Deserialize, Serialize};

use crate::domain::decimal::parse_scaled;
use crate::error::{Expected, ValidationError, ValidationKind};
use crate::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[serde(rename = "JPY")]
    Jpy,
    #[serde(rename = "USD")]
    Usd,
}

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::Jpy => "JPY",
            Currency::Usd => "USD",
        }
    }

    /// Digits after the decimal point in the currency's minor unit (ISO 4217).
    pub fn minor_digits(self) -> u32 {
        match self {
            Currency::Jpy => 0,
            Currency::Usd => 2,
        }
    }

    pub fn parse(field: &str, code: &str) -> Result<Currency, ValidationError> {
        match code.trim().to_ascii_uppercase().as_str() {
            "JPY" => Ok(Currency::Jpy),
            "USD" => Ok(Currency::Usd),
            _ => Err(ValidationError::new(field, ValidationKind::InvalidChoice)),
        }
    }

    /// The currency a new offer starts with in each language.
    pub fn default_for(lang: Lang) -> Currency {
        match lang {
            Lang::Ja => Currency::Jpy,
            Lang::En => Currency::Usd,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

impl Money {
    /// The largest amount accepted: far above any monthly price, and small
    /// enough that sums over many clients and months cannot overflow an i64.
    pub const MAX_MINOR: i64 = 1_000_000_000_000;

    pub const fn zero(currency: Currency) -> Money {
        Money { minor: 0, currency }
    }

    pub fn from_minor(field: &str, minor: i64, currency: Currency) -> Result<Money, ValidationError> {
        if !(0..=Self::MAX_MINOR).contains(&minor) {
            return Err(ValidationError::new(
                field,
                ValidationKind::OutOfRange {
                    min: 0,
                    max: Self::MAX_MINOR,
                },
            ));
        }
        Ok(Money { minor, currency })
    }

    /// Reads an amount as a person types it: "33,000", "¥33,000", "３３０００円",
    /// "$300.50". An empty text is zero, meaning "no price yet".
    pub fn parse(field: &str, raw: &str, currency: Currency) -> Result<Money, ValidationError> {
        let stripped: String = raw
            .trim()
            .trim_start_matches("US$")
            .trim_start_matches(['¥', '￥', '$', '＄'])
            .trim_end_matches(['円'])
            .trim()
            .to_string();
        if stripped.is_empty() {
            return Money::from_minor(field, 0, currency);
        }
        let minor = parse_scaled(&stripped, currency.minor_digits()).ok_or_else(|| {
            ValidationError::new(
                field,
                ValidationKind::InvalidFormat {
                    expected: Expected::Amount,
                },
            )
        })?;
        Money::from_minor(field, minor, currency)
    }

    pub fn minor(self) -> i64 {
        self.minor
    }

    pub fn currency(self) -> Currency {
        self.currency
    }

    pub fn is_zero(self) -> bool {
        self.minor == 0
    }

    /// The amount as a plain decimal for an input field: "33000", "300.50".
    pub fn to_plain(self) -> String {
        let digits = self.currency.minor_digits();
        if digits == 0 {
            return self.minor.to_string();
        }
        let factor = 10i64.pow(digits);
        format!(
            "{}.{:0width$}",
            self.minor / factor,
            self.minor % factor,
            width = digits as usize
        )
    }

    /// The amount for people to read: 33,000円 in Japanese, ¥33,000 in
    /// English, $300.00 in both (the grouping is the same in both).
    pub fn format(self, lang: Lang) -> String {
        let digits = self.currency.minor_digits();
        let factor = 10i64.pow(digits);
        let whole = group_thousands(self.minor / factor);
        match self.currency {
            Currency::Jpy => match lang {
                Lang::Ja => format!("{whole}円"),
                Lang::En => format!("¥{whole}"),
            },
            Currency::Usd => {
                format!("${whole}.{:0width$}", self.minor % factor, width = digits as usize)
            }
        }
    }
}

fn group_thousands(value: i64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yen_has_no_minor_digits_and_dollars_have_two() {
        let yen = Money::parse("price", "¥33,000", Currency::Jpy).unwrap();
        assert_eq!(yen.minor(), 33_000);
        let dollars = Money::parse("price", "$300.5", Currency::Usd).unwrap();
        assert_eq!(dollars.minor(), 30_050);
        let err = Money::parse("price", "300.5", Currency::Jpy).unwrap_err();
        assert_eq!(
            err.kind,
            ValidationKind::InvalidFormat {
                expected: Expected::Amount
            }
        );
    }

    #[test]
    fn japanese_input_forms_are_read() {
        assert_eq!(
            Money::parse("p", "３３０００円", Currency::Jpy).unwrap().minor(),
            33_000
        );
        assert_eq!(Money::parse("p", "￥33,000", Currency::Jpy).unwrap().minor(), 33_000);
    }

    #[test]
    fn empty_price_is_zero_and_negative_is_rejected() {
        assert!(Money::parse("p", "", Currency::Usd).unwrap().is_zero());
        assert!(Money::parse("p", "-5", Currency::Usd).is_err());
        assert!(Money::from_minor("p", -1, Currency::Usd).is_err());
        assert!(Money::from_minor("p", Money::MAX_MINOR + 1, Currency::Usd).is_err());
    }

    #[test]
    fn formatting_groups_thousands_per_currency() {
        let yen = Money::from_minor("p", 1_234_567, Currency::Jpy).unwrap();
        assert_eq!(yen.format(Lang::Ja), "1,234,567円");
        assert_eq!(yen.format(Lang::En), "¥1,234,567");
        let usd = Money::from_minor("p", 30_005, Currency::Usd).unwrap();
        assert_eq!(usd.format(Lang::En), "$300.05");
        assert_eq!(usd.to_plain(), "300.05");
        assert_eq!(yen.to_plain(), "1234567");
    }
}

//! Money is integer minor units (cents) tagged by the plan's ISO 4217 currency; never a float.

use crate::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An amount in minor units of the plan's currency (e.g. cents for EUR).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS,
)]
#[serde(transparent)]
#[ts(export, type = "number")]
pub struct Money(pub i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn minor(self) -> i64 {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Money x probability percent, rounded half away from zero to the minor unit.
    pub fn weighted(self, probability_pct: u8) -> Money {
        let scaled = self.0 as i128 * probability_pct as i128;
        let rounded = if scaled >= 0 {
            (scaled + 50) / 100
        } else {
            (scaled - 50) / 100
        };
        Money(rounded as i64)
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0.saturating_sub(rhs.0))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

/// An ISO 4217 currency code, checked against the standard's list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(export, type = "string")]
pub struct Currency(String);

impl Currency {
    pub fn parse(field: &str, code: &str) -> CoreResult<Currency> {
        let upper = code.trim().to_ascii_uppercase();
        match iso_currency::Currency::from_code(&upper) {
            Some(_) => Ok(Currency(upper)),
            None => Err(CoreError::UnknownCurrency {
                field: field.into(),
                code: code.chars().take(20).collect(),
            }),
        }
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    /// Digits after the decimal point (2 for EUR, 0 for JPY).
    pub fn minor_digits(&self) -> u32 {
        iso_currency::Currency::from_code(&self.0)
            .and_then(|c| c.exponent())
            .map(u32::from)
            .unwrap_or(2)
    }

    /// Plain formatting for reports: "1,234,567.89 EUR".
    pub fn format(&self, amount: Money) -> String {
        let digits = self.minor_digits();
        let scale = 10i64.pow(digits);
        let negative = amount.0 < 0;
        let abs = amount.0.unsigned_abs();
        let whole = abs / scale as u64;
        let frac = abs % scale as u64;
        let mut grouped = String::new();
        let whole_str = whole.to_string();
        for (i, ch) in whole_str.chars().enumerate() {
            if i > 0 && (whole_str.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let sign = if negative { "-" } else { "" };
        if digits == 0 {
            format!("{sign}{grouped} {}", self.0)
        } else {
            format!(
                "{sign}{grouped}.{frac:0width$} {}",
                self.0,
                width = digits as usize
            )
        }
    }

    /// Compact formatting for charts and the one-page summary: "1.2M EUR".
    pub fn format_compact(&self, amount: Money) -> String {
        let units = amount.0 as f64 / 10f64.powi(self.minor_digits() as i32);
        let (value, suffix) = if units.abs() >= 1e9 {
            (units / 1e9, "B")
        } else if units.abs() >= 1e6 {
            (units / 1e6, "M")
        } else if units.abs() >= 1e3 {
            (units / 1e3, "k")
        } else {
            (units, "")
        };
        if suffix.is_empty() {
            format!("{value:.0} {}", self.0)
        } else {
            format!("{value:.1}{suffix} {}", self.0)
        }
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency("EUR".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_codes_are_checked() {
        assert_eq!(Currency::parse("c", "usd").unwrap().code(), "USD");
        let err = Currency::parse("currency", "XYZ1").unwrap_err();
        assert_eq!(err.code(), "unknown_currency");
        assert_eq!(err.field(), "currency");
    }

    #[test]
    fn minor_digits_follow_the_standard() {
        assert_eq!(Currency::parse("c", "EUR").unwrap().minor_digits(), 2);
        assert_eq!(Currency::parse("c", "JPY").unwrap().minor_digits(), 0);
    }

    #[test]
    fn weighted_rounds_to_minor_unit() {
        assert_eq!(Money(1_000).weighted(25), Money(250));
        assert_eq!(Money(333).weighted(50), Money(167));
        assert_eq!(Money(0).weighted(100), Money(0));
    }

    #[test]
    fn formats_grouped_amounts() {
        let eur = Currency::parse("c", "EUR").unwrap();
        assert_eq!(eur.format(Money(123_456_789)), "1,234,567.89 EUR");
        assert_eq!(eur.format(Money(-5)), "-0.05 EUR");
        let jpy = Currency::parse("c", "JPY").unwrap();
        assert_eq!(jpy.format(Money(1_000)), "1,000 JPY");
        assert_eq!(eur.format_compact(Money(250_000_000)), "2.5M EUR");
    }
}

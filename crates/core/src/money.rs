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
    /// Accepts a code ISO 4217 gives a minor unit for. Codes the standard lists without one
    /// (gold, silver, XDR, the test code XTS, "no currency" XXX) are refused: an amount is kept
    /// in minor units, so its currency must say how many digits follow the decimal point.
    pub fn parse(field: &str, code: &str) -> CoreResult<Currency> {
        let upper = code.trim().to_ascii_uppercase();
        match iso_currency::Currency::from_code(&upper).and_then(|c| c.exponent()) {
            Some(_) => Ok(Currency(upper)),
            None => Err(CoreError::UnknownCurrency {
                field: field.into(),
                code: code.chars().take(20).collect(),
            }),
        }
    }

    /// Every code `parse` accepts with its minor-unit digits, in code order: the one table the
    /// screen, the PDF and validation all read (the UI gets it generated, see the tests below).
    pub fn accepted() -> Vec<(&'static str, u32)> {
        use iso_currency::IntoEnumIterator;
        let mut table: Vec<(&'static str, u32)> = iso_currency::Currency::iter()
            .filter_map(|c| c.exponent().map(|digits| (c.code(), u32::from(digits))))
            .collect();
        table.sort_unstable();
        table
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    /// Digits after the decimal point as ISO 4217 says (2 for EUR, 0 for JPY, 3 for KWD).
    /// A code that never went through `parse` (an old file) is read with 2, as the UI does.
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

    /// ISO 4217 List One (current currencies and funds, amendment 179 of 2025) with the
    /// standard's minor units, typed from the standard rather than from our dependency, so an
    /// update of the `iso_currency` crate that disagrees with the standard fails here.
    #[rustfmt::skip]
    const ISO_4217_LIST_ONE: &[(&str, u32)] = &[
        ("AED", 2), ("AFN", 2), ("ALL", 2), ("AMD", 2), ("AOA", 2), ("ARS", 2), ("AUD", 2),
        ("AWG", 2), ("AZN", 2), ("BAM", 2), ("BBD", 2), ("BDT", 2), ("BGN", 2), ("BHD", 3),
        ("BIF", 0), ("BMD", 2), ("BND", 2), ("BOB", 2), ("BOV", 2), ("BRL", 2), ("BSD", 2),
        ("BTN", 2), ("BWP", 2), ("BYN", 2), ("BZD", 2), ("CAD", 2), ("CDF", 2), ("CHE", 2),
        ("CHF", 2), ("CHW", 2), ("CLF", 4), ("CLP", 0), ("CNY", 2), ("COP", 2), ("COU", 2),
        ("CRC", 2), ("CUP", 2), ("CVE", 2), ("CZK", 2), ("DJF", 0), ("DKK", 2), ("DOP", 2),
        ("DZD", 2), ("EGP", 2), ("ERN", 2), ("ETB", 2), ("EUR", 2), ("FJD", 2), ("FKP", 2),
        ("GBP", 2), ("GEL", 2), ("GHS", 2), ("GIP", 2), ("GMD", 2), ("GNF", 0), ("GTQ", 2),
        ("GYD", 2), ("HKD", 2), ("HNL", 2), ("HTG", 2), ("HUF", 2), ("IDR", 2), ("ILS", 2),
        ("INR", 2), ("IQD", 3), ("IRR", 2), ("ISK", 0), ("JMD", 2), ("JOD", 3), ("JPY", 0),
        ("KES", 2), ("KGS", 2), ("KHR", 2), ("KMF", 0), ("KPW", 2), ("KRW", 0), ("KWD", 3),
        ("KYD", 2), ("KZT", 2), ("LAK", 2), ("LBP", 2), ("LKR", 2), ("LRD", 2), ("LSL", 2),
        ("LYD", 3), ("MAD", 2), ("MDL", 2), ("MGA", 2), ("MKD", 2), ("MMK", 2), ("MNT", 2),
        ("MOP", 2), ("MRU", 2), ("MUR", 2), ("MVR", 2), ("MWK", 2), ("MXN", 2), ("MXV", 2),
        ("MYR", 2), ("MZN", 2), ("NAD", 2), ("NGN", 2), ("NIO", 2), ("NOK", 2), ("NPR", 2),
        ("NZD", 2), ("OMR", 3), ("PAB", 2), ("PEN", 2), ("PGK", 2), ("PHP", 2), ("PKR", 2),
        ("PLN", 2), ("PYG", 0), ("QAR", 2), ("RON", 2), ("RSD", 2), ("RUB", 2), ("RWF", 0),
        ("SAR", 2), ("SBD", 2), ("SCR", 2), ("SDG", 2), ("SEK", 2), ("SGD", 2), ("SHP", 2),
        ("SLE", 2), ("SOS", 2), ("SRD", 2), ("SSP", 2), ("STN", 2), ("SVC", 2), ("SYP", 2),
        ("SZL", 2), ("THB", 2), ("TJS", 2), ("TMT", 2), ("TND", 3), ("TOP", 2), ("TRY", 2),
        ("TTD", 2), ("TWD", 2), ("TZS", 2), ("UAH", 2), ("UGX", 0), ("USD", 2), ("USN", 2),
        ("UYI", 0), ("UYU", 2), ("UYW", 4), ("UZS", 2), ("VED", 2), ("VES", 2), ("VND", 0),
        ("VUV", 0), ("WST", 2), ("XAF", 0), ("XCD", 2), ("XCG", 2), ("XOF", 0), ("XPF", 0),
        ("YER", 2), ("ZAR", 2), ("ZMW", 2), ("ZWG", 2),
    ];

    /// Withdrawn codes (ISO 4217 List Three) still accepted, so plans made before the change
    /// keep validating: the Cuban convertible peso, the kuna, the old leone, the old Zimbabwe dollar.
    const WITHDRAWN_STILL_ACCEPTED: &[(&str, u32)] =
        &[("CUC", 2), ("HRK", 2), ("SLL", 2), ("ZWL", 2)];

    #[test]
    fn every_accepted_currency_has_the_standards_minor_digits() {
        let mut expected: Vec<(&str, u32)> = ISO_4217_LIST_ONE
            .iter()
            .chain(WITHDRAWN_STILL_ACCEPTED)
            .copied()
            .collect();
        expected.sort_unstable();
        for &(code, digits) in &expected {
            let currency = Currency::parse("currency", code)
                .unwrap_or_else(|e| panic!("{code} should be accepted: {e}"));
            assert_eq!(currency.minor_digits(), digits, "minor digits of {code}");
        }
        // Nothing accepted beyond the standard, and the published table says the same.
        assert_eq!(Currency::accepted(), expected);
    }

    #[test]
    fn codes_without_a_minor_unit_are_refused() {
        for code in [
            "XAU", "XAG", "XPT", "XPD", "XDR", "XSU", "XUA", "XBA", "XTS", "XXX",
        ] {
            let err = Currency::parse("currency", code).unwrap_err();
            assert_eq!(err.code(), "unknown_currency", "{code}");
        }
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

    /// The UI reads minor digits from a table generated here, so the screen rounds and parses
    /// exactly as validation and the PDF do (the webview's Intl data disagrees for IQD, COP,
    /// IDR, HUF and others). Like the ts-rs bindings it is rewritten by `cargo test` and CI
    /// fails when the committed copy is stale; it is written only when its content changed.
    #[test]
    fn writes_the_currency_table_for_the_ui() {
        let dir = std::env::var_os("TS_RS_EXPORT_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| {
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/ipc/bindings")
            });
        let path = dir.join("currencies.ts");
        let text = currency_table_ts(&Currency::accepted());
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::create_dir_all(&dir).expect("create the bindings folder");
            std::fs::write(&path, &text).expect("write currencies.ts");
        }
        assert!(text.contains("  \"IQD\": 3,\n") && text.contains("  \"JPY\": 0,\n"));
    }

    fn currency_table_ts(table: &[(&str, u32)]) -> String {
        let mut out = String::from(
            "// Generated by `cargo test -p planner-core` from crates/core/src/money.rs. Do not edit this file manually.\n\n\
             /**\n \
             * Every ISO 4217 code the core accepts, with its minor-unit digits as the standard\n \
             * gives them (the core validates, computes and prints with these).\n \
             */\n\
             export const CURRENCY_MINOR_DIGITS: Readonly<Record<string, number>> = {\n",
        );
        for (code, digits) in table {
            out.push_str(&format!("  \"{code}\": {digits},\n"));
        }
        out.push_str("};\n");
        out
    }
}

//! Money in integer minor units (ISO 4217), never floating point.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The currencies of the demo markets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Currency {
    /// US dollar.
    USD,
    /// Canadian dollar.
    CAD,
    /// Pound sterling.
    GBP,
    /// Euro.
    EUR,
    /// Japanese yen (no minor unit).
    JPY,
    /// Australian dollar.
    AUD,
    /// Brazilian real.
    BRL,
    /// Indian rupee.
    INR,
    /// Chinese yuan.
    CNY,
}

impl Currency {
    /// Every currency, in the order prices list them.
    pub const ALL: [Currency; 9] = [
        Currency::USD,
        Currency::CAD,
        Currency::GBP,
        Currency::EUR,
        Currency::JPY,
        Currency::AUD,
        Currency::BRL,
        Currency::INR,
        Currency::CNY,
    ];

    /// Digits after the decimal point (ISO 4217 exponent).
    pub const fn exponent(self) -> u32 {
        match self {
            Currency::JPY => 0,
            _ => 2,
        }
    }

    /// The ISO 4217 code.
    pub const fn code(self) -> &'static str {
        match self {
            Currency::USD => "USD",
            Currency::CAD => "CAD",
            Currency::GBP => "GBP",
            Currency::EUR => "EUR",
            Currency::JPY => "JPY",
            Currency::AUD => "AUD",
            Currency::BRL => "BRL",
            Currency::INR => "INR",
            Currency::CNY => "CNY",
        }
    }
}

impl TryFrom<&str> for Currency {
    type Error = MoneyError;
    fn try_from(code: &str) -> Result<Self, Self::Error> {
        Currency::ALL
            .into_iter()
            .find(|c| c.code() == code)
            .ok_or_else(|| MoneyError::UnknownCurrency(code.to_owned()))
    }
}

/// Why an amount could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    /// The amount does not fit in 64 bits of minor units.
    Overflow,
    /// Two amounts in different currencies were added or compared.
    CurrencyMismatch(Currency, Currency),
    /// An amount below zero: prices and totals never are.
    Negative,
    /// A currency code this app does not know.
    UnknownCurrency(String),
    /// Text that is not an amount.
    Malformed(String),
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::Overflow => write!(f, "the amount is too large"),
            MoneyError::CurrencyMismatch(a, b) => {
                write!(f, "cannot combine {} with {}", a.code(), b.code())
            }
            MoneyError::Negative => write!(f, "an amount cannot be negative"),
            MoneyError::UnknownCurrency(c) => write!(f, "unknown currency {c:?}"),
            MoneyError::Malformed(s) => write!(f, "{s:?} is not an amount"),
        }
    }
}

impl std::error::Error for MoneyError {}

/// A non-negative amount of one currency, in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Money {
    minor: i64,
    currency: Currency,
}

impl Money {
    /// An amount of `minor` units (cents; yen), refused below zero.
    pub fn from_minor(minor: i64, currency: Currency) -> Result<Self, MoneyError> {
        if minor < 0 {
            return Err(MoneyError::Negative);
        }
        Ok(Money { minor, currency })
    }

    /// Nothing, in `currency`.
    pub const fn zero(currency: Currency) -> Self {
        Money { minor: 0, currency }
    }

    /// Parses a decimal amount such as `"9.99"` or `"1090"` (JPY); more fraction digits
    /// than the currency has are refused, never rounded.
    pub fn parse(text: &str, currency: Currency) -> Result<Self, MoneyError> {
        let malformed = || MoneyError::Malformed(text.to_owned());
        let (whole, frac) = match text.split_once('.') {
            Some((w, f)) => (w, f),
            None => (text, ""),
        };
        let exp = currency.exponent() as usize;
        if whole.is_empty()
            || !whole.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || frac.len() > exp
            || (text.contains('.') && frac.is_empty())
        {
            return Err(malformed());
        }
        let scale = 10i64.pow(exp as u32);
        let whole: i64 = whole.parse().map_err(|_| MoneyError::Overflow)?;
        let frac_value: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse::<i64>().map_err(|_| malformed())? * 10i64.pow((exp - frac.len()) as u32)
        };
        let minor = whole
            .checked_mul(scale)
            .and_then(|m| m.checked_add(frac_value))
            .ok_or(MoneyError::Overflow)?;
        Money::from_minor(minor, currency)
    }

    /// The amount in minor units.
    pub const fn minor(self) -> i64 {
        self.minor
    }

    /// The amount's currency.
    pub const fn currency(self) -> Currency {
        self.currency
    }

    /// The sum, refused across currencies or on overflow.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        if self.currency != other.currency {
            return Err(MoneyError::CurrencyMismatch(self.currency, other.currency));
        }
        let minor = self
            .minor
            .checked_add(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money {
            minor,
            currency: self.currency,
        })
    }

    /// The difference, refused across currencies or below zero.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        if self.currency != other.currency {
            return Err(MoneyError::CurrencyMismatch(self.currency, other.currency));
        }
        let minor = self
            .minor
            .checked_sub(other.minor)
            .ok_or(MoneyError::Overflow)?;
        Money::from_minor(minor, self.currency)
    }

    /// The amount times `factor` (a price times licenses), refused on overflow.
    pub fn checked_mul(self, factor: u32) -> Result<Money, MoneyError> {
        let minor = self
            .minor
            .checked_mul(i64::from(factor))
            .ok_or(MoneyError::Overflow)?;
        Ok(Money {
            minor,
            currency: self.currency,
        })
    }

    /// `part / whole` of the amount, rounded half up to the currency's minor unit (a whole
    /// yen for JPY, a cent for USD): how a part of a term is charged or refunded.
    /// `part` is clamped to `0..=whole`, so the share is never more than the amount.
    pub fn prorate(self, part: i64, whole: i64) -> Money {
        if whole <= 0 {
            return self;
        }
        let part = i128::from(part.clamp(0, whole));
        let (minor, whole) = (i128::from(self.minor), i128::from(whole));
        let share = (minor * part * 2 + whole) / (whole * 2);
        Money {
            // A share of an i64 amount is no larger than it.
            minor: i64::try_from(share).unwrap_or(self.minor),
            currency: self.currency,
        }
    }

    /// The amount as a plain decimal string (`"12.50"`, `"1090"`), for `Intl` to format
    /// and for exports; exact because it never passes through a float.
    pub fn to_decimal_string(self) -> String {
        let exp = self.currency.exponent();
        if exp == 0 {
            return self.minor.to_string();
        }
        let scale = 10i64.pow(exp);
        format!(
            "{}.{:0width$}",
            self.minor / scale,
            self.minor % scale,
            width = exp as usize
        )
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.to_decimal_string(), self.currency.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prorate_rounds_half_up_to_the_minor_unit() {
        let usd = |m| Money::from_minor(m, Currency::USD).unwrap();
        let jpy = |m| Money::from_minor(m, Currency::JPY).unwrap();
        let cases = [
            (usd(1000), 15, 30, usd(500)),
            (usd(1000), 1, 3, usd(333)),
            (usd(1000), 2, 3, usd(667)),
            (usd(1), 1, 2, usd(1)),
            (usd(1000), 0, 30, usd(0)),
            (usd(1000), 31, 30, usd(1000)),
            (jpy(2250), 10, 30, jpy(750)),
            (jpy(2250), 1, 31, jpy(73)),
            (jpy(1), 1, 3, jpy(0)),
        ];
        for (amount, part, whole, expected) in cases {
            assert_eq!(
                amount.prorate(part, whole),
                expected,
                "{amount} × {part}/{whole}"
            );
        }
    }

    #[test]
    fn parses_and_prints_by_exponent() {
        let cases = [
            ("9.99", Currency::USD, Ok(999), "9.99"),
            ("10", Currency::EUR, Ok(1000), "10.00"),
            ("10.5", Currency::GBP, Ok(1050), "10.50"),
            ("1090", Currency::JPY, Ok(1090), "1090"),
            ("1090.5", Currency::JPY, Err(()), ""),
            ("9.999", Currency::USD, Err(()), ""),
            ("-1", Currency::USD, Err(()), ""),
            ("", Currency::USD, Err(()), ""),
            ("1.", Currency::USD, Err(()), ""),
            ("a.10", Currency::USD, Err(()), ""),
        ];
        for (text, cur, expected, printed) in cases {
            let got = Money::parse(text, cur);
            match expected {
                Ok(minor) => {
                    let m = got.unwrap_or_else(|e| panic!("{text}: {e}"));
                    assert_eq!(m.minor(), minor, "{text}");
                    assert_eq!(m.to_decimal_string(), printed, "{text}");
                }
                Err(()) => assert!(got.is_err(), "{text} should be refused"),
            }
        }
    }

    #[test]
    fn arithmetic_is_checked() {
        let usd = |m| Money::from_minor(m, Currency::USD).unwrap();
        assert_eq!(usd(999).checked_mul(3).unwrap(), usd(2997));
        assert_eq!(usd(1).checked_add(usd(2)).unwrap(), usd(3));
        assert_eq!(usd(i64::MAX).checked_add(usd(1)), Err(MoneyError::Overflow));
        assert_eq!(usd(i64::MAX).checked_mul(2), Err(MoneyError::Overflow));
        assert_eq!(usd(1).checked_sub(usd(2)), Err(MoneyError::Negative));
        let eur = Money::zero(Currency::EUR);
        assert_eq!(
            usd(1).checked_add(eur),
            Err(MoneyError::CurrencyMismatch(Currency::USD, Currency::EUR))
        );
        assert_eq!(
            Money::from_minor(-5, Currency::USD),
            Err(MoneyError::Negative)
        );
    }

    #[test]
    fn currency_codes_round_trip() {
        for c in Currency::ALL {
            assert_eq!(Currency::try_from(c.code()), Ok(c));
        }
        assert!(Currency::try_from("XXX").is_err());
    }
}

//! Numbers people type: one parse for every numeric field, a typed refusal for each way
//! text can fail to be a count, and the number used is always the number shown.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use ssp::domain::subscription::{parse_count, QuantityError as E, MAX_LICENSES};
use ssp::domain::Quantity;

#[test]
fn each_kind_of_text_gets_its_own_answer() {
    let max = MAX_LICENSES;
    let table: &[(&str, Result<u32, E>)] = &[
        ("1", Ok(1)),
        ("  12 ", Ok(12)),
        ("007", Ok(7)),
        ("+3", Ok(3)),
        ("100000", Ok(100_000)),
        ("", Err(E::Empty)),
        ("   ", Err(E::Empty)),
        ("abc", Err(E::NotANumber)),
        ("1 2", Err(E::NotANumber)),
        ("12-3", Err(E::NotANumber)),
        ("1.", Err(E::NotANumber)),
        (".5", Err(E::NotANumber)),
        ("--1", Err(E::NotANumber)),
        ("-", Err(E::NotANumber)),
        ("1.5", Err(E::Decimal)),
        ("12.5", Err(E::Decimal)),
        ("2,5", Err(E::Decimal)),
        ("-1", Err(E::Negative)),
        ("−4", Err(E::Negative)),
        ("-0", Err(E::Zero)),
        ("0", Err(E::Zero)),
        ("000", Err(E::Zero)),
        ("100001", Err(E::TooMany { max })),
        ("1000000000", Err(E::TooMany { max })),
        ("99999999999999999999", Err(E::TooMany { max })),
        ("１２", Err(E::FullWidth)),
        ("1２", Err(E::FullWidth)),
        ("1e3", Err(E::Exponent)),
        ("2E+2", Err(E::Exponent)),
        ("1.5e2", Err(E::Exponent)),
        ("<b>5</b>", Err(E::NotANumber)),
        ("5 licenses", Err(E::NotANumber)),
        ("٣", Err(E::NotANumber)),
    ];
    for (text, expected) in table {
        assert_eq!(parse_count(text, max), *expected, "{text:?}");
        assert_eq!(
            Quantity::try_from(*text).map(Quantity::get),
            *expected,
            "{text:?} as a quantity"
        );
    }
}

#[test]
fn another_field_has_its_own_maximum() {
    assert_eq!(parse_count("50000", 50_000), Ok(50_000));
    assert_eq!(
        parse_count("50001", 50_000),
        Err(E::TooMany { max: 50_000 })
    );
}

proptest! {
    /// The count is the number typed, digit for digit: nothing is reordered or dropped.
    #[test]
    fn digits_typed_are_the_number_used(n in 1u32..=MAX_LICENSES, zeros in 0usize..3, pad in 0usize..3) {
        let text = format!("{}{}{}{}", " ".repeat(pad), "0".repeat(zeros), n, " ".repeat(pad));
        prop_assert_eq!(parse_count(&text, MAX_LICENSES), Ok(n));
    }

    /// Any text with a character that is not an ASCII digit (past a sign and spaces) is refused.
    #[test]
    fn anything_but_digits_is_refused(text in "\\PC*") {
        let trimmed = text.trim();
        let plain = trimmed.strip_prefix('+').unwrap_or(trimmed);
        if let Ok(n) = parse_count(&text, MAX_LICENSES) {
            prop_assert!(plain.bytes().all(|b| b.is_ascii_digit()), "{:?}", text);
            prop_assert_eq!(plain.parse::<u32>().ok(), Some(n));
        }
    }
}

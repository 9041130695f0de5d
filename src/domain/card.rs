//! Credit cards: parsing (Luhn, brand, expiry, security code) and a simulated processor.
//!
//! A full card number and its security code exist only in `PaymentCard`, which has no
//! `Serialize`: what is kept is a `StoredCard` (brand, last four, expiry, holder).

use super::catalog::Country;
use super::directory::UserId;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A card network, known from the number's first digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Brand {
    /// Visa.
    Visa,
    /// Mastercard.
    Mastercard,
    /// American Express.
    AmericanExpress,
    /// Discover.
    Discover,
    /// JCB.
    Jcb,
    /// Diners Club.
    DinersClub,
}

impl Brand {
    /// The network's name, as a card shows it.
    pub const fn name(self) -> &'static str {
        match self {
            Brand::Visa => "Visa",
            Brand::Mastercard => "Mastercard",
            Brand::AmericanExpress => "American Express",
            Brand::Discover => "Discover",
            Brand::Jcb => "JCB",
            Brand::DinersClub => "Diners Club",
        }
    }

    /// The brand from the leading digits, as soon as they tell it (for typing).
    pub fn detect(digits: &str) -> Option<Brand> {
        let prefix = |n: usize| digits.get(..n).and_then(|p| p.parse::<u32>().ok());
        let in_range =
            |n: usize, lo: u32, hi: u32| prefix(n).is_some_and(|p| (lo..=hi).contains(&p));
        if digits.starts_with('4') {
            Some(Brand::Visa)
        } else if in_range(2, 51, 55) || in_range(4, 2221, 2720) {
            Some(Brand::Mastercard)
        } else if in_range(2, 34, 34) || in_range(2, 37, 37) {
            Some(Brand::AmericanExpress)
        } else if in_range(4, 6011, 6011)
            || in_range(2, 65, 65)
            || in_range(3, 644, 649)
            || in_range(6, 622126, 622925)
        {
            Some(Brand::Discover)
        } else if in_range(4, 3528, 3589) {
            Some(Brand::Jcb)
        } else if in_range(3, 300, 305) || in_range(2, 36, 36) || in_range(2, 38, 39) {
            Some(Brand::DinersClub)
        } else {
            None
        }
    }

    /// How many digits the network's numbers have.
    pub fn valid_lengths(self) -> &'static [usize] {
        match self {
            Brand::Visa => &[13, 16, 19],
            Brand::Mastercard => &[16],
            Brand::AmericanExpress => &[15],
            Brand::Discover | Brand::Jcb => &[16, 17, 18, 19],
            Brand::DinersClub => &[14, 15, 16, 17, 18, 19],
        }
    }

    /// How many digits the network's security code has (4 for American Express).
    pub const fn code_length(self) -> usize {
        match self {
            Brand::AmericanExpress => 4,
            _ => 3,
        }
    }

    /// How the digits are grouped on the card: 4-6-5 for American Express, fours otherwise.
    pub fn group(self, digits: &str) -> String {
        let sizes: &[usize] = match self {
            Brand::AmericanExpress => &[4, 6, 5],
            Brand::DinersClub if digits.len() == 14 => &[4, 6, 4],
            _ => &[4, 4, 4, 4, 3],
        };
        group_by(digits, sizes)
    }
}

fn group_by(digits: &str, sizes: &[usize]) -> String {
    let mut out = String::with_capacity(digits.len() + sizes.len());
    let mut rest = digits;
    for size in sizes {
        if rest.is_empty() {
            break;
        }
        let (head, tail) = rest.split_at(rest.len().min(*size));
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(head);
        rest = tail;
    }
    if !rest.is_empty() {
        out.push(' ');
        out.push_str(rest);
    }
    out
}

/// Digits typed so far, grouped for display (brand-aware once the brand shows).
pub fn format_typed_number(typed: &str) -> String {
    let digits: String = typed
        .chars()
        .filter(char::is_ascii_digit)
        .take(19)
        .collect();
    match Brand::detect(&digits) {
        Some(brand) => brand.group(&digits),
        None => group_by(&digits, &[4, 4, 4, 4, 3]),
    }
}

/// Whether the digits pass the Luhn check every card number passes.
pub fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum.is_multiple_of(10)
}

/// A field of the card form, where an error is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CardField {
    /// The card number.
    Number,
    /// The expiry (MM/YY).
    Expiry,
    /// The security code.
    SecurityCode,
    /// The name on the card.
    Holder,
    /// The billing country.
    Country,
    /// The billing address.
    Address,
}

/// Why the card form's input is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CardError {
    /// No number was typed.
    NumberMissing,
    /// The number has characters besides digits and spaces.
    NumberNotDigits,
    /// The first digits belong to no network this store takes.
    UnknownBrand,
    /// Too few or too many digits for the network.
    NumberLength(Brand),
    /// The number fails the Luhn check: a digit is mistyped.
    Checksum,
    /// The expiry is not MM/YY.
    ExpiryMalformed,
    /// The card's month has passed.
    Expired,
    /// The security code has the wrong number of digits for the network.
    CodeLength {
        /// The card's network.
        brand: Brand,
        /// The digits its codes have.
        expected: usize,
    },
    /// No name on the card.
    HolderMissing,
    /// No billing country.
    CountryMissing,
    /// Street, city and postal code are each required once an address is given.
    AddressIncomplete,
}

impl CardError {
    /// The field the error is shown under.
    pub const fn field(self) -> CardField {
        match self {
            CardError::NumberMissing
            | CardError::NumberNotDigits
            | CardError::UnknownBrand
            | CardError::NumberLength(_)
            | CardError::Checksum => CardField::Number,
            CardError::ExpiryMalformed | CardError::Expired => CardField::Expiry,
            CardError::CodeLength { .. } => CardField::SecurityCode,
            CardError::HolderMissing => CardField::Holder,
            CardError::CountryMissing => CardField::Country,
            CardError::AddressIncomplete => CardField::Address,
        }
    }

    /// The catalog key of the message that says what is wrong.
    pub const fn message_key(self) -> &'static str {
        match self {
            CardError::NumberMissing => "card.error.number_missing",
            CardError::NumberNotDigits => "card.error.number_not_digits",
            CardError::UnknownBrand => "card.error.unknown_brand",
            CardError::NumberLength(_) => "card.error.number_length",
            CardError::Checksum => "card.error.checksum",
            CardError::ExpiryMalformed => "card.error.expiry_malformed",
            CardError::Expired => "card.error.expired",
            CardError::CodeLength { .. } => "card.error.code_length",
            CardError::HolderMissing => "card.error.holder_missing",
            CardError::CountryMissing => "card.error.country_missing",
            CardError::AddressIncomplete => "card.error.address_incomplete",
        }
    }
}

impl fmt::Display for CardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardError::NumberMissing => write!(f, "enter the card number"),
            CardError::NumberNotDigits => write!(f, "a card number has only digits"),
            CardError::UnknownBrand => write!(f, "this card brand is not accepted"),
            CardError::NumberLength(b) => write!(
                f,
                "a {} number has {:?} digits",
                b.name(),
                b.valid_lengths()
            ),
            CardError::Checksum => write!(f, "this card number is not valid: check the digits"),
            CardError::ExpiryMalformed => write!(f, "enter the expiry as MM/YY"),
            CardError::Expired => write!(f, "this card has expired"),
            CardError::CodeLength { brand, expected } => {
                write!(
                    f,
                    "the security code of a {} card has {expected} digits",
                    brand.name()
                )
            }
            CardError::HolderMissing => write!(f, "enter the name on the card"),
            CardError::CountryMissing => write!(f, "choose the billing country"),
            CardError::AddressIncomplete => {
                write!(f, "enter the street, the city and the postal code")
            }
        }
    }
}

/// A card number that passed brand, length and checksum checks. Never serialized.
#[derive(Clone, PartialEq, Eq)]
pub struct CardNumber {
    digits: String,
    brand: Brand,
}

impl fmt::Debug for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CardNumber({} •••• {})", self.brand.name(), self.last4())
    }
}

impl CardNumber {
    /// The card's network.
    pub fn brand(&self) -> Brand {
        self.brand
    }

    /// The last four digits: all that is shown or kept of the number.
    pub fn last4(&self) -> String {
        self.digits[self.digits.len() - 4..].to_owned()
    }

    fn digits(&self) -> &str {
        &self.digits
    }
}

impl TryFrom<&str> for CardNumber {
    type Error = CardError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if compact.is_empty() {
            return Err(CardError::NumberMissing);
        }
        if !compact.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CardError::NumberNotDigits);
        }
        let brand = Brand::detect(&compact).ok_or(CardError::UnknownBrand)?;
        if !brand.valid_lengths().contains(&compact.len()) {
            return Err(CardError::NumberLength(brand));
        }
        if !luhn_valid(&compact) {
            return Err(CardError::Checksum);
        }
        Ok(CardNumber {
            digits: compact,
            brand,
        })
    }
}

/// Month and year the card is valid through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Expiry {
    /// The year, in full (2027).
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
}

impl Expiry {
    /// A card is good through the last day of its expiry month.
    pub fn is_past(self, today: NaiveDate) -> bool {
        (i32::from(self.year), u32::from(self.month)) < (today.year(), today.month())
    }
}

impl TryFrom<&str> for Expiry {
    type Error = CardError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        let (m, y) = text
            .trim()
            .split_once('/')
            .ok_or(CardError::ExpiryMalformed)?;
        let (m, y) = (m.trim(), y.trim());
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(m) || !digits(y) || m.len() > 2 || !(y.len() == 2 || y.len() == 4) {
            return Err(CardError::ExpiryMalformed);
        }
        let month: u8 = m.parse().map_err(|_| CardError::ExpiryMalformed)?;
        let year: u16 = y.parse().map_err(|_| CardError::ExpiryMalformed)?;
        let year = if y.len() == 2 { 2000 + year } else { year };
        if !(1..=12).contains(&month) {
            return Err(CardError::ExpiryMalformed);
        }
        Ok(Expiry { year, month })
    }
}

impl fmt::Display for Expiry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}", self.month, self.year % 100)
    }
}

/// The card's billing address: what the payment method's *Edit* changes besides the
/// security code, expiry and name (users' doc).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingAddress {
    /// The street and number.
    pub street: String,
    /// The city.
    pub city: String,
    /// The postal code.
    pub postal_code: String,
}

impl BillingAddress {
    /// Each part trimmed and present, or which is wrong.
    pub fn new(street: &str, city: &str, postal_code: &str) -> Result<Self, CardError> {
        let (street, city, postal_code) = (street.trim(), city.trim(), postal_code.trim());
        if street.is_empty() || city.is_empty() || postal_code.is_empty() {
            return Err(CardError::AddressIncomplete);
        }
        Ok(BillingAddress {
            street: street.to_owned(),
            city: city.to_owned(),
            postal_code: postal_code.to_owned(),
        })
    }

    /// An address as an edit of the card gives it: all three parts empty leave the card's
    /// address as it is (`None`); any part typed needs all three.
    pub fn edited(street: &str, city: &str, postal_code: &str) -> Result<Option<Self>, CardError> {
        if [street, city, postal_code]
            .iter()
            .all(|p| p.trim().is_empty())
        {
            return Ok(None);
        }
        BillingAddress::new(street, city, postal_code).map(Some)
    }
}

impl fmt::Display for BillingAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {} {}", self.street, self.postal_code, self.city)
    }
}

/// What a person typed into the card form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardInput {
    /// The number as typed, spaces and all.
    pub number: String,
    /// The expiry as typed.
    pub expiry: String,
    /// The security code as typed.
    pub security_code: String,
    /// The name on the card as typed.
    pub holder: String,
    /// The billing country's code as chosen.
    pub country: String,
}

/// A card that passed every check, ready for the processor. Never serialized, and its
/// `Debug` hides the number and the security code.
#[derive(Clone, PartialEq, Eq)]
pub struct PaymentCard {
    /// The number, checked.
    pub number: CardNumber,
    /// Valid through this month.
    pub expiry: Expiry,
    security_code: String,
    /// The name on the card.
    pub holder: String,
    /// The billing country.
    pub country: Country,
    /// The billing address given with the card, kept with it.
    pub address: Option<BillingAddress>,
}

impl PaymentCard {
    /// The card with its billing address.
    pub fn with_address(mut self, address: Option<BillingAddress>) -> Self {
        self.address = address;
        self
    }
}

impl fmt::Debug for PaymentCard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PaymentCard")
            .field("number", &self.number)
            .field("expiry", &self.expiry)
            .field("holder", &self.holder)
            .finish_non_exhaustive()
    }
}

impl CardInput {
    /// Every field's first error, or the card.
    pub fn validate(&self, today: NaiveDate) -> Result<PaymentCard, Vec<CardError>> {
        let mut errors = Vec::new();
        let number = CardNumber::try_from(self.number.as_str())
            .map_err(|e| errors.push(e))
            .ok();
        let expiry = Expiry::try_from(self.expiry.as_str())
            .and_then(|e| {
                if e.is_past(today) {
                    Err(CardError::Expired)
                } else {
                    Ok(e)
                }
            })
            .map_err(|e| errors.push(e))
            .ok();
        let code = self.security_code.trim();
        // Until the brand is known, 3 or 4 digits are both plausible.
        let brand = number
            .as_ref()
            .map(CardNumber::brand)
            .or_else(|| Brand::detect(self.number.trim()));
        let code_ok = code.bytes().all(|b| b.is_ascii_digit())
            && match brand {
                Some(b) => code.len() == b.code_length(),
                None => (3..=4).contains(&code.len()),
            };
        if !code_ok {
            let brand = brand.unwrap_or(Brand::Visa);
            errors.push(CardError::CodeLength {
                brand,
                expected: brand.code_length(),
            });
        }
        let holder = self.holder.trim();
        if holder.is_empty() {
            errors.push(CardError::HolderMissing);
        }
        let country = Country::try_from(self.country.trim())
            .map_err(|_| errors.push(CardError::CountryMissing))
            .ok();
        match (number, expiry, country) {
            (Some(number), Some(expiry), Some(country)) if errors.is_empty() => Ok(PaymentCard {
                number,
                expiry,
                security_code: code.to_owned(),
                holder: holder.to_owned(),
                country,
                address: None,
            }),
            _ => Err(errors),
        }
    }
}

/// A kept card's ID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CardId(pub String);

/// All that is ever kept of a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCard {
    /// Its ID.
    pub id: CardId,
    /// Whose card it is: the purchaser's.
    pub owner: UserId,
    /// The network.
    pub brand: Brand,
    /// The last four digits.
    pub last4: String,
    /// Valid through this month.
    pub expiry: Expiry,
    /// The name on the card.
    pub holder: String,
    /// The billing country.
    pub country: Country,
    /// The simulated processor's answer to later charges on this card, when it is not
    /// "approved" (the test card that is accepted once, then declined).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub later_charges: Option<Decline>,
    /// The billing address, if one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<BillingAddress>,
}

impl PaymentCard {
    /// What is kept of the card: never the full number or the security code.
    pub fn to_stored(&self, id: CardId, owner: UserId) -> StoredCard {
        StoredCard {
            id,
            owner,
            brand: self.number.brand(),
            last4: self.number.last4(),
            expiry: self.expiry,
            holder: self.holder.clone(),
            country: self.country,
            later_charges: (self.number.digits() == DECLINES_LATER)
                .then_some(Decline::InsufficientFunds),
            address: self.address.clone(),
        }
    }
}

/// Why the processor refused a charge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decline {
    /// Declined by the bank, with no reason given.
    Declined,
    /// Not enough funds.
    InsufficientFunds,
    /// The card has expired.
    ExpiredCard,
    /// The security code does not match.
    IncorrectSecurityCode,
}

impl Decline {
    /// The catalog key of the message that says why.
    pub const fn message_key(self) -> &'static str {
        match self {
            Decline::Declined => "card.decline.declined",
            Decline::InsufficientFunds => "card.decline.insufficient_funds",
            Decline::ExpiredCard => "card.decline.expired",
            Decline::IncorrectSecurityCode => "card.decline.incorrect_code",
        }
    }
}

/// The public test numbers the simulated processor answers to; every other valid card is approved.
pub const TEST_CARDS: [(&str, Option<Decline>); 5] = [
    ("4242424242424242", None),
    ("4000000000000002", Some(Decline::Declined)),
    ("4000000000009995", Some(Decline::InsufficientFunds)),
    ("4000000000000069", Some(Decline::ExpiredCard)),
    ("4000000000000127", Some(Decline::IncorrectSecurityCode)),
];

/// The test card the processor accepts at checkout and declines on every later charge
/// (a renewal, a retry): how a failed renewal is tried in the demo.
pub const DECLINES_LATER: &str = "4000000000000341";

/// The simulated processor charging a card on file: declined once expired, or when the
/// card was the one that declines later.
pub fn charge_stored(card: &StoredCard, today: NaiveDate) -> Result<(), Decline> {
    if card.expiry.is_past(today) {
        return Err(Decline::ExpiredCard);
    }
    card.later_charges.map_or(Ok(()), Err)
}

/// What a test card does in this demo, as the card forms list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestCardEffect {
    /// Every charge is approved.
    Approved,
    /// The charge is refused, for this reason.
    Declined(Decline),
    /// Accepted at checkout and saved; every later charge (a renewal, a retry) is declined
    /// for insufficient funds.
    DeclinesLater,
}

/// Every test number the simulated processor knows, with what it does: the table the card
/// forms show (like a payment processor's test-card table). Any other valid number is
/// approved.
pub fn test_cards() -> Vec<(&'static str, TestCardEffect)> {
    TEST_CARDS
        .iter()
        .map(|&(number, decline)| {
            (
                number,
                decline.map_or(TestCardEffect::Approved, TestCardEffect::Declined),
            )
        })
        .chain([(DECLINES_LATER, TestCardEffect::DeclinesLater)])
        .collect()
}

/// The simulated card processor: a pure function of the card.
pub fn authorize(card: &PaymentCard) -> Result<(), Decline> {
    match TEST_CARDS.iter().find(|(n, _)| *n == card.number.digits()) {
        Some((_, Some(decline))) => Err(*decline),
        _ if card.security_code.len() != card.number.brand().code_length() => {
            Err(Decline::IncorrectSecurityCode)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn numbers_table() {
        use CardError::*;
        let cases: [(&str, Result<Brand, CardError>); 16] = [
            ("4242 4242 4242 4242", Ok(Brand::Visa)),
            ("4222222222222", Ok(Brand::Visa)),
            ("5555-5555-5555-4444", Ok(Brand::Mastercard)),
            ("2223003122003222", Ok(Brand::Mastercard)),
            ("378282246310005", Ok(Brand::AmericanExpress)),
            ("6011111111111117", Ok(Brand::Discover)),
            ("3566002020360505", Ok(Brand::Jcb)),
            ("30569309025904", Ok(Brand::DinersClub)),
            ("", Err(NumberMissing)),
            ("4242x4242", Err(NumberNotDigits)),
            ("9999999999999995", Err(UnknownBrand)),
            ("4242424242424", Err(Checksum)),
            ("424242424242424", Err(NumberLength(Brand::Visa))),
            (
                "3782822463100050",
                Err(NumberLength(Brand::AmericanExpress)),
            ),
            ("4242424242424241", Err(Checksum)),
            ("2721003122003222", Err(UnknownBrand)),
        ];
        for (text, expected) in cases {
            assert_eq!(
                CardNumber::try_from(text).map(|n| n.brand()),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn brand_shows_while_typing() {
        assert_eq!(Brand::detect("4"), Some(Brand::Visa));
        assert_eq!(Brand::detect("37"), Some(Brand::AmericanExpress));
        assert_eq!(Brand::detect("2"), None);
        assert_eq!(Brand::detect("2221"), Some(Brand::Mastercard));
        assert_eq!(format_typed_number("378282246310005"), "3782 822463 10005");
        assert_eq!(format_typed_number("4242-4242 42"), "4242 4242 42");
        assert_eq!(format_typed_number(""), "");
    }

    #[test]
    fn expiry_table() {
        let cases = [
            (
                "12/26",
                Ok(Expiry {
                    year: 2026,
                    month: 12,
                }),
            ),
            (
                "11/2026",
                Ok(Expiry {
                    year: 2026,
                    month: 11,
                }),
            ),
            (
                "1/30",
                Ok(Expiry {
                    year: 2030,
                    month: 1,
                }),
            ),
            ("13/26", Err(CardError::ExpiryMalformed)),
            ("00/26", Err(CardError::ExpiryMalformed)),
            ("1226", Err(CardError::ExpiryMalformed)),
            ("12/2", Err(CardError::ExpiryMalformed)),
        ];
        for (text, expected) in cases {
            assert_eq!(Expiry::try_from(text), expected, "{text:?}");
        }
        assert!(
            !Expiry {
                year: 2026,
                month: 11
            }
            .is_past(today()),
            "good through the end of its month"
        );
        assert!(Expiry {
            year: 2026,
            month: 10
        }
        .is_past(today()));
        assert!(Expiry {
            year: 2025,
            month: 12
        }
        .is_past(today()));
    }

    fn input(number: &str, code: &str) -> CardInput {
        CardInput {
            number: number.into(),
            expiry: "08/29".into(),
            security_code: code.into(),
            holder: "Megan Bowen".into(),
            country: "US".into(),
        }
    }

    #[test]
    fn validation_reports_every_field() {
        assert!(input("4242424242424242", "123").validate(today()).is_ok());
        assert!(input("378282246310005", "1234").validate(today()).is_ok());
        assert_eq!(
            input("378282246310005", "123")
                .validate(today())
                .unwrap_err(),
            vec![CardError::CodeLength {
                brand: Brand::AmericanExpress,
                expected: 4
            }]
        );
        let empty = CardInput::default().validate(today()).unwrap_err();
        let fields: Vec<CardField> = empty.iter().map(|e| e.field()).collect();
        assert_eq!(
            fields,
            vec![
                CardField::Number,
                CardField::Expiry,
                CardField::SecurityCode,
                CardField::Holder,
                CardField::Country
            ]
        );
        let mut past = input("4242424242424242", "123");
        past.expiry = "10/26".into();
        assert_eq!(
            past.validate(today()).unwrap_err(),
            vec![CardError::Expired]
        );
    }

    #[test]
    fn processor_answers_by_test_number() {
        for (number, expected) in TEST_CARDS {
            let card = input(number, "123").validate(today()).unwrap();
            assert_eq!(authorize(&card), expected.map_or(Ok(()), Err), "{number}");
        }
        let other = input("5555555555554444", "123").validate(today()).unwrap();
        assert_eq!(authorize(&other), Ok(()));
    }

    /// The table the card forms show says what the processor does, card by card: at the
    /// first charge (`authorize`) and on later charges to the saved card (`charge_stored`).
    #[test]
    fn the_test_card_table_says_what_each_card_does() {
        let table = test_cards();
        assert_eq!(
            table.len(),
            TEST_CARDS.len() + 1,
            "every test number, and the one that declines later"
        );
        for (number, effect) in table {
            let card = input(number, "123").validate(today()).unwrap();
            let stored = card.to_stored(CardId("c1".into()), UserId("u1".into()));
            let (first, later) = (authorize(&card), charge_stored(&stored, today()));
            match effect {
                TestCardEffect::Approved => {
                    assert_eq!((first, later), (Ok(()), Ok(())), "{number}")
                }
                TestCardEffect::Declined(why) => assert_eq!(first, Err(why), "{number}"),
                TestCardEffect::DeclinesLater => {
                    assert_eq!(
                        (first, later),
                        (Ok(()), Err(Decline::InsufficientFunds)),
                        "{number}"
                    )
                }
            }
        }
    }

    #[test]
    fn stored_card_keeps_only_brand_last_four_expiry_holder() {
        let card = input("4242424242424242", "987").validate(today()).unwrap();
        let stored = card.to_stored(CardId("c1".into()), UserId("u1".into()));
        let json = serde_json::to_string(&stored).unwrap();
        assert!(!json.contains("4242424242424242"));
        assert!(!json.contains("987"));
        assert!(json.contains("\"last4\":\"4242\""));
        let debug = format!("{card:?}");
        assert!(
            !debug.contains("4242424242424242") && !debug.contains("987"),
            "Debug masks number and code: {debug}"
        );
    }
}

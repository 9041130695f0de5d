//! Products, their IDs (old IDs resolve to new ones), markets and prices.

use super::money::{Currency, Money};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A product's current ID. Parsing accepts the old IDs and resolves them, so a product
/// blocked under an old ID stays blocked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProductId(String);

/// Why text is not a product ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProductIdError {
    /// Not 12 letters and digits, as the text was given.
    Malformed(String),
}

impl fmt::Display for ProductIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProductIdError::Malformed(s) => {
                write!(
                    f,
                    "{s:?} is not a product ID (expected 12 letters and digits, like CFQ7TTC0LH2H)"
                )
            }
        }
    }
}

impl std::error::Error for ProductIdError {}

/// Old product IDs and the current ones they stand for.
pub const ID_ALIASES: [(&str, &str); 9] = [
    ("CFQ7TTC0KP0P", "CFQ7TTC0LH2H"),
    ("CFQ7TTC0KP0N", "CFQ7TTC0LH3L"),
    ("CFQ7TTC0L3PB", "CFQ7TTC0H9MP"),
    ("CFQ7TTC0KXG6", "CFQ7TTC0LSGZ"),
    ("CFQ7TTC0KXG7", "CFQ7TTC0H6RP"),
    ("CFQ7TTC0KXND", "CFQ7TTC0HDB1"),
    ("CFQ7TTC0KXNC", "CFQ7TTC0HDB0"),
    ("CFQ7TTC0KXN9", "CFQ7TTC0HD33"),
    ("CFQ7TTC0KXN8", "CFQ7TTC0HD32"),
];

impl ProductId {
    /// The ID as the MSCommerce module prints it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The old IDs that resolve to this one.
    pub fn old_ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        ID_ALIASES
            .iter()
            .filter(move |(_, new)| *new == self.0)
            .map(|(old, _)| *old)
    }
}

impl TryFrom<&str> for ProductId {
    type Error = ProductIdError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        let id = text.trim().to_ascii_uppercase();
        if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(ProductIdError::Malformed(text.to_owned()));
        }
        let resolved = ID_ALIASES
            .iter()
            .find(|(old, _)| *old == id)
            .map_or(id, |(_, new)| (*new).to_owned());
        Ok(ProductId(resolved))
    }
}

impl TryFrom<String> for ProductId {
    type Error = ProductIdError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        ProductId::try_from(text.as_str())
    }
}

impl From<ProductId> for String {
    fn from(id: ProductId) -> String {
        id.0
    }
}

impl fmt::Display for ProductId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The product families that self-service purchase sells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ProductFamily {
    /// Power BI, Power Apps, Power Automate.
    PowerPlatform,
    /// Project.
    Project,
    /// Visio.
    Visio,
    /// Teams add-ons.
    Teams,
    /// Windows 365.
    Windows365,
    /// Microsoft 365 add-ons (Copilot …).
    Microsoft365,
    /// Another publisher's offer, sold through Microsoft's marketplace.
    ThirdParty,
}

impl ProductFamily {
    /// Project and Visio are not sold through self-service in Brazil and DR Congo.
    pub const fn restricted_in_brazil_and_congo(self) -> bool {
        matches!(self, ProductFamily::Project | ProductFamily::Visio)
    }
}

/// The two kinds of one-month free trial self-service offers.
/// A kind of third-party offer, each with its own `AllowSelfServicePurchase` value: the
/// MSCommerce page's table under "Use AllowSelfServicePurchase with third-party offer types".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OfferType {
    /// Software as a Service (SaaS).
    SaaS,
    /// Power BI Visuals (POWERBIVISUALS).
    PowerBiVisuals,
    /// Dynamics 365 Dataverse Apps (DYNAMICSCE).
    DynamicsCe,
    /// Business Central (DYNAMICSBC).
    DynamicsBc,
}

impl OfferType {
    /// The four, in the page's order.
    pub const ALL: [OfferType; 4] =
        [OfferType::SaaS, OfferType::PowerBiVisuals, OfferType::DynamicsCe, OfferType::DynamicsBc];

    /// The ID `-OfferType` takes.
    pub const fn id(self) -> &'static str {
        match self {
            OfferType::SaaS => "SaaS",
            OfferType::PowerBiVisuals => "POWERBIVISUALS",
            OfferType::DynamicsCe => "DYNAMICSCE",
            OfferType::DynamicsBc => "DYNAMICSBC",
        }
    }

    /// Its name in the page's table (a product name: the same in every language).
    pub const fn name(self) -> &'static str {
        match self {
            OfferType::SaaS => "Software as a Service",
            OfferType::PowerBiVisuals => "Power BI Visuals",
            OfferType::DynamicsCe => "Dynamics 365 Dataverse Apps",
            OfferType::DynamicsBc => "Dynamics 365 Business Central",
        }
    }
}

impl fmt::Display for OfferType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Text that is not one of the four offer type IDs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferTypeError(pub String);

impl TryFrom<&str> for OfferType {
    type Error = OfferTypeError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        OfferType::ALL
            .into_iter()
            .find(|t| t.id().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| OfferTypeError(text.to_owned()))
    }
}

/// The two kinds of free trial the FAQ names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TrialKind {
    /// Needs a card; converts to a paid subscription unless recurring billing is off.
    WithPaymentMethod,
    /// Needs no card; expires and is never charged.
    WithoutPaymentMethod,
}

/// A product sold through self-service purchase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    /// The product ID the MSCommerce module lists it under.
    pub id: ProductId,
    /// Its name, as the admin center writes it.
    pub name: String,
    /// The family it belongs to.
    pub family: ProductFamily,
    /// The free trial the product offers, if any: one kind per product.
    pub trial: Option<TrialKind>,
    /// Offered through self-service as a trial only, never bought (Viva Goals).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trials_only: bool,
    /// A third-party offer: its offer type, whose `AllowSelfServicePurchase` value governs
    /// it, and who publishes it. `None` for Microsoft's own products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_type: Option<OfferType>,
    /// The publisher of a third-party offer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
}

impl Product {
    /// Whether a free trial that needs no payment method exists.
    pub fn trial_without_payment_method(&self) -> bool {
        self.trial == Some(TrialKind::WithoutPaymentMethod)
    }

    /// Whether the product offers a trial of `kind`.
    pub fn offers_trial(&self, kind: TrialKind) -> bool {
        self.trial == Some(kind)
    }

    /// One of Microsoft's products: the ones `Get-MSCommerceProductPolicies` lists.
    pub fn is_microsoft(&self) -> bool {
        self.offer_type.is_none()
    }
}

/// The products self-service purchase knows (domain.md) and the trial each offers: the
/// no-payment-method ones are the "yes" rows of the MSCommerce product table; card trials
/// are the products whose pages offer "Try free" with a card (README's lifecycle table);
/// the rest offer none. The demo catalog adds prices.
pub const KNOWN_PRODUCTS: [(&str, &str, ProductFamily, Option<TrialKind>); 18] = [
    (
        "CFQ7TTC0H9MP",
        "Power BI Pro",
        ProductFamily::PowerPlatform,
        Some(TrialKind::WithPaymentMethod),
    ),
    (
        "CFQ7TTC0H6RP",
        "Power BI Premium (standalone)",
        ProductFamily::PowerPlatform,
        Some(TrialKind::WithPaymentMethod),
    ),
    (
        "CFQ7TTC0LH2H",
        "Power Apps per user",
        ProductFamily::PowerPlatform,
        Some(TrialKind::WithPaymentMethod),
    ),
    (
        "CFQ7TTC0LH3L",
        "Power Automate per user",
        ProductFamily::PowerPlatform,
        Some(TrialKind::WithPaymentMethod),
    ),
    (
        "CFQ7TTC0LSGZ",
        "Power Automate RPA",
        ProductFamily::PowerPlatform,
        None,
    ),
    (
        "CFQ7TTC0HDB1",
        "Planner Plan 1",
        ProductFamily::Project,
        Some(TrialKind::WithoutPaymentMethod),
    ),
    (
        "CFQ7TTC0HDB0",
        "Project Plan 3",
        ProductFamily::Project,
        Some(TrialKind::WithPaymentMethod),
    ),
    (
        "CFQ7TTC0HD33",
        "Visio Plan 1",
        ProductFamily::Visio,
        Some(TrialKind::WithoutPaymentMethod),
    ),
    (
        "CFQ7TTC0HD32",
        "Visio Plan 2",
        ProductFamily::Visio,
        Some(TrialKind::WithPaymentMethod),
    ),
    (
        "CFQ7TTC0J1FV",
        "Teams Exploratory",
        ProductFamily::Teams,
        Some(TrialKind::WithoutPaymentMethod),
    ),
    (
        "CFQ7TTC0RM8K",
        "Teams Premium Introductory Pricing",
        ProductFamily::Teams,
        Some(TrialKind::WithoutPaymentMethod),
    ),
    (
        "CFQ7TTC0J203",
        "Windows 365 Business",
        ProductFamily::Windows365,
        None,
    ),
    (
        "CFQ7TTC0MM8R",
        "Microsoft 365 Copilot",
        ProductFamily::Microsoft365,
        None,
    ),
    (
        "CFQ7TTC0N8SS",
        "Clipchamp Premium",
        ProductFamily::Microsoft365,
        None,
    ),
    (
        "CFQ7TTC0LH05",
        "Microsoft 365 F3",
        ProductFamily::Microsoft365,
        None,
    ),
    (
        "CFQ7TTC0N8SL",
        "Microsoft Purview Discovery",
        ProductFamily::Microsoft365,
        Some(TrialKind::WithoutPaymentMethod),
    ),
    (
        "CFQ7TTC0S3X1",
        "Python in Excel",
        ProductFamily::Microsoft365,
        None,
    ),
    (
        "CFQ7TTC0PW0V",
        "Viva Goals",
        ProductFamily::Microsoft365,
        Some(TrialKind::WithoutPaymentMethod),
    ),
];

/// The products self-service offers as a trial only: the MSCommerce table's "Viva Goals
/// (self-service trials only)".
pub const TRIALS_ONLY: [&str; 1] = ["CFQ7TTC0PW0V"];

/// The known products as values, in catalog order.
pub fn known_products() -> Vec<Product> {
    KNOWN_PRODUCTS
        .iter()
        .map(|(id, name, family, trial)| Product {
            id: ProductId(String::from(*id)),
            name: String::from(*name),
            family: *family,
            trial: *trial,
            trials_only: TRIALS_ONLY.contains(id),
            offer_type: None,
            publisher: None,
        })
        .collect()
}

/// The demo's third-party offers, one or two per offer type, so that the offer-type
/// policy has something to block. Publishers and names are made up (Microsoft's demo
/// companies); the IDs are this demo's own, in the catalog's 12-character shape.
pub const THIRD_PARTY_OFFERS: [(&str, &str, &str, OfferType); 4] = [
    (
        "DEMO3PSAAS01",
        "Contoso Expense Cloud",
        "Contoso Apps",
        OfferType::SaaS,
    ),
    (
        "DEMO3PPBIV01",
        "Fabrikam Gantt Visual",
        "Fabrikam Visuals",
        OfferType::PowerBiVisuals,
    ),
    (
        "DEMO3PDYCE01",
        "Northwind Field Inspections",
        "Northwind Traders",
        OfferType::DynamicsCe,
    ),
    (
        "DEMO3PDYBC01",
        "Tailspin Payroll for Business Central",
        "Tailspin Software",
        OfferType::DynamicsBc,
    ),
];

/// The demo's third-party offers as values.
pub fn third_party_offers() -> Vec<Product> {
    THIRD_PARTY_OFFERS
        .iter()
        .map(|(id, name, publisher, offer_type)| Product {
            id: ProductId(String::from(*id)),
            name: String::from(*name),
            family: ProductFamily::ThirdParty,
            trial: None,
            trials_only: false,
            offer_type: Some(*offer_type),
            publisher: Some(String::from(*publisher)),
        })
        .collect()
}

/// An ISO 3166-1 alpha-2 country code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Country([u8; 2]);

impl Country {
    /// The United States.
    pub const US: Country = Country(*b"US");
    /// India.
    pub const INDIA: Country = Country(*b"IN");
    /// Brazil.
    pub const BRAZIL: Country = Country(*b"BR");
    /// The Democratic Republic of the Congo: no self-service purchase there.
    pub const DR_CONGO: Country = Country(*b"CD");
    /// China: the cloud a local partner operates, with no self-service purchase.
    pub const CHINA: Country = Country(*b"CN");

    /// The ISO 3166 two-letter code.
    pub fn code(&self) -> &str {
        // Both bytes are ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

/// Text that is not a two-letter country code, as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryError(pub String);

impl fmt::Display for CountryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a two-letter country code", self.0)
    }
}

impl TryFrom<&str> for Country {
    type Error = CountryError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        match text.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Ok(Country([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => Err(CountryError(text.to_owned())),
        }
    }
}

impl TryFrom<String> for Country {
    type Error = CountryError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Country::try_from(text.as_str())
    }
}

impl From<Country> for String {
    fn from(c: Country) -> String {
        c.code().to_owned()
    }
}

/// Where a tenant buys: its country and that market's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Market {
    /// The country.
    pub country: Country,
    /// Its currency.
    pub currency: Currency,
}

/// Per user per month, for one product in one market.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    /// The product.
    pub product: ProductId,
    /// The market.
    pub market: Market,
    /// What a person pays by card.
    pub self_service: Money,
    /// What the organization pays through its agreement.
    pub central: Money,
}

/// Which price applies: a card purchase's or the organization's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PriceKind {
    /// Bought with a card through self-service.
    SelfService,
    /// Bought centrally by an admin.
    Central,
}

/// The products and their prices per market.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    /// Every product.
    pub products: Vec<Product>,
    /// Every price.
    pub prices: Vec<Price>,
}

impl Catalog {
    /// The product with this ID.
    pub fn product(&self, id: &ProductId) -> Option<&Product> {
        self.products.iter().find(|p| &p.id == id)
    }

    /// Microsoft's own products, in catalog order: what the product policy lists.
    pub fn microsoft(&self) -> impl Iterator<Item = &Product> {
        self.products.iter().filter(|p| p.is_microsoft())
    }

    /// The third-party offers of one offer type.
    pub fn offers_of(&self, offer_type: OfferType) -> impl Iterator<Item = &Product> {
        self.products
            .iter()
            .filter(move |p| p.offer_type == Some(offer_type))
    }

    /// The product's prices in `country`.
    pub fn price(&self, id: &ProductId, country: Country) -> Option<&Price> {
        self.prices
            .iter()
            .find(|p| &p.product == id && p.market.country == country)
    }

    /// The product's price per license per month in `country`, of `kind`.
    pub fn unit_price(&self, id: &ProductId, country: Country, kind: PriceKind) -> Option<Money> {
        self.price(id, country).map(|p| match kind {
            PriceKind::SelfService => p.self_service,
            PriceKind::Central => p.central,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_ids_resolve_to_new_ones() {
        for (old, new) in ID_ALIASES {
            assert_eq!(ProductId::try_from(old).unwrap().as_str(), new);
            assert_eq!(
                ProductId::try_from(old.to_lowercase().as_str())
                    .unwrap()
                    .as_str(),
                new
            );
            assert!(ProductId::try_from(new)
                .unwrap()
                .old_ids()
                .any(|o| o == old));
            assert!(
                KNOWN_PRODUCTS.iter().any(|(id, ..)| *id == new),
                "{new} is a known product"
            );
        }
    }

    #[test]
    fn product_id_shape() {
        let cases = [
            ("CFQ7TTC0LH2H", true),
            (" cfq7ttc0lh2h ", true),
            ("CFQ7TTC0LH2", false),
            ("CFQ7TTC0LH2HX", false),
            ("CFQ7TTC0-H2H", false),
            ("", false),
        ];
        for (text, ok) in cases {
            assert_eq!(ProductId::try_from(text).is_ok(), ok, "{text:?}");
        }
    }

    #[test]
    fn product_id_serde_resolves_aliases() {
        let id: ProductId = serde_json::from_str("\"CFQ7TTC0KP0P\"").unwrap();
        assert_eq!(id.as_str(), "CFQ7TTC0LH2H");
        assert!(serde_json::from_str::<ProductId>("\"nope\"").is_err());
    }

    #[test]
    fn countries() {
        assert_eq!(Country::try_from("in").unwrap(), Country::INDIA);
        assert!(Country::try_from("USA").is_err());
        assert!(Country::try_from("1A").is_err());
        assert_eq!(Country::BRAZIL.code(), "BR");
    }

    #[test]
    fn only_project_and_visio_are_restricted_in_brazil_and_congo() {
        for (_, _, family, _) in KNOWN_PRODUCTS {
            let expected = matches!(family, ProductFamily::Project | ProductFamily::Visio);
            assert_eq!(family.restricted_in_brazil_and_congo(), expected);
        }
    }
}

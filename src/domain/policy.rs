//! The per-tenant policy `AllowSelfServicePurchase`: a value per Microsoft product, and
//! per third-party offer type (Enabled or Disabled only). Never one switch for everything:
//! "Self-service purchases and trials can't be completely turned off at the tenant level
//! with a single command" (the MSCommerce page).

pub use super::catalog::{OfferType, OfferTypeError};
use super::catalog::{Product, ProductId};
use super::directory::TenantId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The policy's ID, as the module takes it.
pub const POLICY_ID: &str = "AllowSelfServicePurchase";

/// A value of the policy, as the module names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum PolicyValue {
    /// Buy and trial: the default for every product, including products added later.
    #[default]
    Enabled,
    /// No purchase; only a free trial that needs no payment method.
    OnlyTrialsWithoutPaymentMethod,
    /// Neither purchase nor trial.
    Disabled,
}

impl PolicyValue {
    /// Every value, in the admin center's order.
    pub const ALL: [PolicyValue; 3] =
        [PolicyValue::Enabled, PolicyValue::OnlyTrialsWithoutPaymentMethod, PolicyValue::Disabled];

    /// The value as MSCommerce prints and takes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            PolicyValue::Enabled => "Enabled",
            PolicyValue::OnlyTrialsWithoutPaymentMethod => "OnlyTrialsWithoutPaymentMethod",
            PolicyValue::Disabled => "Disabled",
        }
    }
}

impl fmt::Display for PolicyValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Text that is none of the three values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyValueError(pub String);

impl fmt::Display for PolicyValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a policy value: use Enabled, Disabled or OnlyTrialsWithoutPaymentMethod",
            self.0
        )
    }
}

impl TryFrom<&str> for PolicyValue {
    type Error = PolicyValueError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        PolicyValue::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| PolicyValueError(text.to_owned()))
    }
}

/// What a value of the policy is set for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PolicyTarget {
    /// A product, by its product ID.
    Product(ProductId),
    /// A kind of third-party offer (SaaS, Power BI visuals …).
    OfferType(OfferType),
}

impl PolicyTarget {
    /// The target whose value governs a product of the catalog: its own, or its offer
    /// type's for a third-party offer.
    pub fn of(product: &Product) -> PolicyTarget {
        match product.offer_type {
            Some(t) => PolicyTarget::OfferType(t),
            None => PolicyTarget::Product(product.id.clone()),
        }
    }

    /// Whether the target takes this value: offer types take Enabled or Disabled only
    /// ("These offer types can be enabled or disabled for self-service purchase").
    pub fn takes(&self, value: PolicyValue) -> bool {
        match self {
            PolicyTarget::Product(_) => true,
            PolicyTarget::OfferType(_) => value != PolicyValue::OnlyTrialsWithoutPaymentMethod,
        }
    }
}

impl fmt::Display for PolicyTarget {
    /// The ID the module takes: `-ProductId` or `-OfferType`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PolicyTarget::Product(id) => id.fmt(f),
            PolicyTarget::OfferType(t) => t.fmt(f),
        }
    }
}

impl From<ProductId> for PolicyTarget {
    fn from(id: ProductId) -> Self {
        PolicyTarget::Product(id)
    }
}

impl From<OfferType> for PolicyTarget {
    fn from(t: OfferType) -> Self {
        PolicyTarget::OfferType(t)
    }
}

/// The values a tenant has set; every other product and offer type is `Enabled`, the
/// default "for every product, including products added later".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policies {
    #[serde(with = "pairs")]
    values: BTreeMap<(TenantId, ProductId), PolicyValue>,
    /// Offer types that are off (Disabled); the rest are Enabled.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    disabled_offer_types: BTreeSet<(TenantId, OfferType)>,
}

impl Policies {
    /// A Microsoft product's value in a tenant.
    pub fn get(&self, tenant: &TenantId, product: &ProductId) -> PolicyValue {
        self.values
            .get(&(tenant.clone(), product.clone()))
            .copied()
            .unwrap_or_default()
    }

    /// Sets a Microsoft product's value in a tenant.
    pub fn set(&mut self, tenant: &TenantId, product: &ProductId, value: PolicyValue) {
        self.values.insert((tenant.clone(), product.clone()), value);
    }

    /// The value for any target.
    pub fn value(&self, tenant: &TenantId, target: &PolicyTarget) -> PolicyValue {
        match target {
            PolicyTarget::Product(id) => self.get(tenant, id),
            PolicyTarget::OfferType(t) => {
                if self.disabled_offer_types.contains(&(tenant.clone(), *t)) {
                    PolicyValue::Disabled
                } else {
                    PolicyValue::Enabled
                }
            }
        }
    }

    /// Sets any target's value; an offer type refuses `OnlyTrialsWithoutPaymentMethod`
    /// and keeps what it had.
    pub fn set_value(
        &mut self,
        tenant: &TenantId,
        target: &PolicyTarget,
        value: PolicyValue,
    ) -> Result<(), PolicyValueError> {
        match target {
            PolicyTarget::Product(id) => self.set(tenant, id, value),
            PolicyTarget::OfferType(t) => {
                let key = (tenant.clone(), *t);
                match value {
                    PolicyValue::Enabled => {
                        self.disabled_offer_types.remove(&key);
                    }
                    PolicyValue::Disabled => {
                        self.disabled_offer_types.insert(key);
                    }
                    PolicyValue::OnlyTrialsWithoutPaymentMethod => {
                        return Err(PolicyValueError(value.as_str().to_owned()))
                    }
                }
            }
        }
        Ok(())
    }

    /// The value that governs a product of the catalog: its own, or its offer type's for a
    /// third-party offer.
    pub fn for_product(&self, tenant: &TenantId, product: &Product) -> PolicyValue {
        self.value(tenant, &PolicyTarget::of(product))
    }
}

/// JSON maps need string keys: store the map as a list of entries.
mod pairs {
    use super::*;
    use serde::{Deserializer, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Entry {
        tenant: TenantId,
        product: ProductId,
        value: PolicyValue,
    }

    pub fn serialize<S: Serializer>(
        map: &BTreeMap<(TenantId, ProductId), PolicyValue>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let entries: Vec<Entry> = map
            .iter()
            .map(|((tenant, product), value)| Entry {
                tenant: tenant.clone(),
                product: product.clone(),
                value: *value,
            })
            .collect();
        entries.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<(TenantId, ProductId), PolicyValue>, D::Error> {
        let entries = Vec::<Entry>::deserialize(d)?;
        Ok(entries
            .into_iter()
            .map(|e| ((e.tenant, e.product), e.value))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_enabled_also_for_unknown_products() {
        let p = Policies::default();
        let t = TenantId("contoso".into());
        assert_eq!(
            p.get(&t, &ProductId::try_from("CFQ7TTC0ZZZZ").unwrap()),
            PolicyValue::Enabled
        );
    }

    #[test]
    fn set_under_an_old_id_applies_to_the_new_one() {
        let mut p = Policies::default();
        let t = TenantId("contoso".into());
        p.set(
            &t,
            &ProductId::try_from("CFQ7TTC0KP0P").unwrap(),
            PolicyValue::Disabled,
        );
        assert_eq!(
            p.get(&t, &ProductId::try_from("CFQ7TTC0LH2H").unwrap()),
            PolicyValue::Disabled
        );
        assert_eq!(
            p.get(
                &TenantId("other".into()),
                &ProductId::try_from("CFQ7TTC0LH2H").unwrap()
            ),
            PolicyValue::Enabled
        );
    }

    #[test]
    fn values_parse_case_insensitively() {
        assert_eq!(PolicyValue::try_from("enabled"), Ok(PolicyValue::Enabled));
        assert_eq!(
            PolicyValue::try_from("OnlyTrialsWithoutPaymentMethod"),
            Ok(PolicyValue::OnlyTrialsWithoutPaymentMethod)
        );
        assert!(PolicyValue::try_from("Maybe").is_err());
    }

    #[test]
    fn offer_types_take_enabled_or_disabled_only() {
        let mut p = Policies::default();
        let t = TenantId("contoso".into());
        let saas = PolicyTarget::OfferType(OfferType::SaaS);
        assert_eq!(p.value(&t, &saas), PolicyValue::Enabled);
        p.set_value(&t, &saas, PolicyValue::Disabled).unwrap();
        assert_eq!(p.value(&t, &saas), PolicyValue::Disabled);
        assert!(p
            .set_value(&t, &saas, PolicyValue::OnlyTrialsWithoutPaymentMethod)
            .is_err());
        assert_eq!(p.value(&t, &saas), PolicyValue::Disabled);
        assert_eq!(
            OfferType::try_from("powerbivisuals"),
            Ok(OfferType::PowerBiVisuals)
        );
        assert!(OfferType::try_from("Marketplace").is_err());
        // Stored state from before offer types reads as all of them Enabled.
        let old: Policies = serde_json::from_str(r#"{"values":[]}"#).unwrap();
        assert_eq!(old.value(&t, &saas), PolicyValue::Enabled);
    }

    #[test]
    fn policies_round_trip_through_json() {
        let mut p = Policies::default();
        p.set(
            &TenantId("contoso".into()),
            &ProductId::try_from("CFQ7TTC0H9MP").unwrap(),
            PolicyValue::OnlyTrialsWithoutPaymentMethod,
        );
        p.set_value(
            &TenantId("contoso".into()),
            &PolicyTarget::OfferType(OfferType::DynamicsBc),
            PolicyValue::Disabled,
        )
        .unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Policies>(&json).unwrap(), p);
    }
}

//! The per-tenant, per-product policy `AllowSelfServicePurchase`.

use super::catalog::ProductId;
use super::directory::TenantId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

pub const POLICY_ID: &str = "AllowSelfServicePurchase";

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
    pub const ALL: [PolicyValue; 3] = [
        PolicyValue::Enabled,
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
        PolicyValue::Disabled,
    ];

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

/// The values a tenant has set; every other (tenant, product) pair is `Enabled`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policies {
    #[serde(with = "pairs")]
    values: BTreeMap<(TenantId, ProductId), PolicyValue>,
}

impl Policies {
    pub fn get(&self, tenant: &TenantId, product: &ProductId) -> PolicyValue {
        self.values
            .get(&(tenant.clone(), product.clone()))
            .copied()
            .unwrap_or_default()
    }

    pub fn set(&mut self, tenant: &TenantId, product: &ProductId, value: PolicyValue) {
        self.values.insert((tenant.clone(), product.clone()), value);
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
    fn policies_round_trip_through_json() {
        let mut p = Policies::default();
        p.set(
            &TenantId("contoso".into()),
            &ProductId::try_from("CFQ7TTC0H9MP").unwrap(),
            PolicyValue::OnlyTrialsWithoutPaymentMethod,
        );
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Policies>(&json).unwrap(), p);
    }
}

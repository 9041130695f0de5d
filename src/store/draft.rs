//! The checkout draft of this tab, kept in sessionStorage so that back, forward and
//! reload keep it. It holds no card number and no security code: those stay in memory.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Billing {
    pub name: String,
    pub address: String,
    pub city: String,
    pub postal_code: String,
    pub country: String,
}

/// A line of the billing address typed in one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BillingLine {
    Name,
    Address,
    City,
    PostalCode,
}

impl Billing {
    /// The text typed for `line`.
    pub fn line(&self, line: BillingLine) -> &str {
        match line {
            BillingLine::Name => &self.name,
            BillingLine::Address => &self.address,
            BillingLine::City => &self.city,
            BillingLine::PostalCode => &self.postal_code,
        }
    }

    /// Where the text for `line` is kept.
    pub fn line_mut(&mut self, line: BillingLine) -> &mut String {
        match line {
            BillingLine::Name => &mut self.name,
            BillingLine::Address => &mut self.address,
            BillingLine::City => &mut self.city,
            BillingLine::PostalCode => &mut self.postal_code,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub email: String,
    pub licenses: String,
    pub billing: Billing,
    /// The order's submission key, made when the review first opens. It stays with the
    /// draft through reloads and back-and-forward, so paying twice buys once.
    #[serde(default)]
    pub submission: Option<String>,
    /// One of the licenses goes to the buyer: ticked unless they untick it.
    #[serde(default = "ticked")]
    pub assign_to_me: bool,
}

fn ticked() -> bool {
    true
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            email: String::new(),
            licenses: "1".into(),
            assign_to_me: true,
            billing: Billing::default(),
            submission: None,
        }
    }
}

fn key(product: &str) -> String {
    format!("ssp.checkout.{product}")
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn load(product: &str) -> Draft {
    session_storage()
        .and_then(|s| s.get_item(&key(product)).ok().flatten())
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

pub fn save(product: &str, draft: &Draft) {
    if let (Some(storage), Ok(json)) = (session_storage(), serde_json::to_string(draft)) {
        let _ = storage.set_item(&key(product), &json);
    }
}

pub fn clear(product: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(&key(product));
    }
}

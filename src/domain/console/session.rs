//! What a run reads and what lasts between runs: the session (variables, the connection),
//! the world (catalog, time, who is signed in), and the policies a run changed or was
//! refused.

use super::value::Value;
use crate::domain::authz::Actor;
use crate::domain::catalog::Catalog;
use crate::domain::explanation::Explanation;
use crate::domain::policy::{PolicyTarget, PolicyValue};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// What lasts between commands: variables, the connection, whether the module has said
/// it loaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    vars: BTreeMap<String, Value>,
    /// `Connect-MSCommerce` has run.
    pub connected: bool,
    pub(super) module_loaded: bool,
}

impl Session {
    /// A variable's value; `$null` if it was never set.
    pub fn get(&self, name: &str) -> Value {
        self.vars
            .get(&name.to_ascii_lowercase())
            .cloned()
            .unwrap_or(Value::Null)
    }

    pub(super) fn set(&mut self, name: &str, value: Value) {
        self.vars.insert(name.to_ascii_lowercase(), value);
    }
}

/// Everything a run reads besides the state.
pub struct World<'a> {
    /// The products and their names.
    pub catalog: &'a Catalog,
    /// The time of the run.
    pub now: DateTime<Utc>,
    /// The person signed in to the admin center, whom `Connect-MSCommerce` connects.
    pub actor: Option<&'a Actor>,
}

/// One policy a run changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// The product or offer type.
    pub target: PolicyTarget,
    /// The product's or the offer type's name.
    pub name: String,
    /// The value before.
    pub from: PolicyValue,
    /// The value after.
    pub to: PolicyValue,
}

/// One change a run asked for and the service refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The product's or offer type's name, or the ID as given when it names none.
    pub target: String,
    /// Why it was refused.
    pub why: Explanation,
}

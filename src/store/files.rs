//! The shapes of the demo world's files (`public/data/*.json`) and of the saved state,
//! with the schema migrations and the checks an import must pass. Pure: no browser here.

use super::error::StateFileError;
use crate::domain::card::StoredCard;
use crate::domain::catalog::{Catalog, ProductId};
use crate::domain::directory::{Directory, Tenant, User, UserId};
use crate::domain::subscription::{AuditEvent, Bill, Notification, Payment, State, Subscription};
use crate::domain::{invariants, Policies};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// The schema of what is saved; bump it with a migration in `migrate`.
pub const SCHEMA: u32 = 1;

pub const CATALOG_FILE: &str = "data/catalog.json";
pub const DIRECTORY_FILE: &str = "data/directory.json";
pub const SEED_FILE: &str = "data/seed.json";

/// A product's one-line description, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub product: ProductId,
    pub en_us: String,
    pub zh_cn: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogFile {
    /// Products and prices, as the domain reads them.
    #[serde(flatten)]
    pub catalog: Catalog,
    pub summaries: Vec<Summary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryFile {
    pub tenants: Vec<Tenant>,
    pub users: Vec<User>,
    /// Demo sign-in: user ID → password. Never part of the saved state.
    pub passwords: BTreeMap<String, String>,
}

impl DirectoryFile {
    pub fn directory(&self) -> Directory {
        Directory {
            tenants: self.tenants.clone(),
            users: self.users.clone(),
        }
    }

    pub fn password_matches(&self, user: &UserId, typed: &str) -> bool {
        self.passwords.get(&user.0).is_some_and(|p| p == typed)
    }
}

/// What the world starts with besides its directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeedFile {
    /// The demo's own calendar starts here; the demo controls move it forward.
    pub clock: DateTime<Utc>,
    pub policies: Policies,
    pub subscriptions: Vec<Arc<Subscription>>,
    pub bills: Vec<Bill>,
    pub cards: Vec<StoredCard>,
    pub notifications: Vec<Notification>,
    pub audit: Vec<AuditEvent>,
    #[serde(default)]
    pub payments: Vec<Payment>,
    pub sequence: u64,
}

impl SeedFile {
    pub fn state(&self, directory: Directory) -> State {
        State {
            directory,
            policies: self.policies.clone(),
            subscriptions: self.subscriptions.clone(),
            bills: self.bills.clone(),
            cards: self.cards.clone(),
            notifications: self.notifications.clone(),
            audit: self.audit.clone(),
            payments: self.payments.clone(),
            sequence: self.sequence,
        }
    }
}

/// Why a file of the world could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Missing { file: &'static str, status: u16 },
    Unreachable { file: &'static str, reason: String },
    Malformed { file: &'static str, reason: String },
}

impl std::error::Error for FileError {}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Missing { file, status } => {
                write!(f, "{file}: the server answered {status}")
            }
            FileError::Unreachable { file, reason } => {
                write!(f, "{file}: could not be fetched ({reason})")
            }
            FileError::Malformed { file, reason } => write!(f, "{file}: {reason}"),
        }
    }
}

pub fn parse_file<T: for<'de> Deserialize<'de>>(
    file: &'static str,
    text: &str,
) -> Result<T, FileError> {
    serde_json::from_str(text).map_err(|e| FileError::Malformed {
        file,
        reason: e.to_string(),
    })
}

/// The saved state: schema number, the demo clock, and the state itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub schema: u32,
    pub clock: DateTime<Utc>,
    pub state: State,
}

impl Saved {
    /// A state at a demo clock, in the current schema.
    pub fn new(clock: DateTime<Utc>, state: State) -> Saved {
        Saved {
            schema: SCHEMA,
            clock,
            state,
        }
    }

    pub fn as_ref(&self) -> SavedRef<'_> {
        SavedRef {
            clock: self.clock,
            state: &self.state,
        }
    }
}

/// A saved state, borrowed: what a change starts from without copying it.
#[derive(Debug, Clone, Copy)]
pub struct SavedRef<'a> {
    pub clock: DateTime<Utc>,
    pub state: &'a State,
}

/// What was found in storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Restored {
    /// Nothing saved yet: start from the seed.
    Fresh,
    Current(Saved),
    Migrated {
        saved: Saved,
        from: u32,
    },
    /// Unreadable or from a newer version: kept aside, never silently dropped.
    Unreadable {
        raw: String,
        reason: StateFileError,
    },
}

/// Reads what storage held, migrating older schemas.
pub fn restore(raw: Option<&str>, seed_clock: DateTime<Utc>) -> Restored {
    let Some(raw) = raw else {
        return Restored::Fresh;
    };
    match migrate(raw, seed_clock) {
        Ok((saved, from)) if from == SCHEMA => Restored::Current(saved),
        Ok((saved, from)) => Restored::Migrated { saved, from },
        Err(reason) => Restored::Unreadable {
            raw: raw.to_owned(),
            reason,
        },
    }
}

/// The `schema` a saved text declares, read without building a `serde_json::Value` of
/// the whole state (whose code alone weighs tens of KB in the wasm).
#[derive(Deserialize)]
struct Declared {
    #[serde(default)]
    schema: Schema,
}

#[derive(Default)]
enum Schema {
    /// No `schema` key: schema 0, the bare state saved before the envelope existed.
    #[default]
    Absent,
    /// A `schema` key: its number, if it is one that fits.
    Given(Option<u32>),
}

impl<'de> Deserialize<'de> for Schema {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
        struct Number;
        impl<'de> Visitor<'de> for Number {
            type Value = Schema;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a schema number")
            }
            fn visit_u64<E>(self, n: u64) -> Result<Schema, E> {
                Ok(Schema::Given(u32::try_from(n).ok()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Schema, E> {
                Ok(Schema::Given(u32::try_from(n).ok()))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Schema, E> {
                Ok(Schema::Given(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Schema, E> {
                Ok(Schema::Given(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<Schema, E> {
                Ok(Schema::Given(None))
            }
            fn visit_unit<E>(self) -> Result<Schema, E> {
                Ok(Schema::Given(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Schema, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Schema::Given(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Schema, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Schema::Given(None))
            }
        }
        d.deserialize_any(Number)
    }
}

/// Brings a saved text of any known schema to the current one; returns the schema it had.
pub fn migrate(text: &str, seed_clock: DateTime<Utc>) -> Result<(Saved, u32), StateFileError> {
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map_err(|e| StateFileError::NotJson(e.to_string()))?;
    // JSON, but not an object: no schema of any kind (said below, as its shape).
    let object = text.trim_start().starts_with('{');
    let declared = match object {
        true => serde_json::from_str::<Declared>(text).map(|d| d.schema),
        false => Ok(Schema::Absent),
    };
    let schema = match declared {
        Ok(Schema::Absent) => 0,
        Ok(Schema::Given(Some(n))) => n,
        Ok(Schema::Given(None)) => return Err(StateFileError::SchemaNotNumber),
        Err(e) => return Err(StateFileError::Shape(e.to_string())),
    };
    if schema > SCHEMA {
        return Err(StateFileError::NewerSchema {
            schema,
            supported: SCHEMA,
        });
    }
    let shape = |e: serde_json::Error| StateFileError::Shape(e.to_string());
    let saved = if schema == 0 {
        Saved::new(seed_clock, serde_json::from_str(text).map_err(shape)?)
    } else {
        // Later schemas add their steps here: `if schema < 2 { … }`.
        serde_json::from_str(text).map_err(shape)?
    };
    Ok((saved, schema))
}

/// Checks an imported state before it may replace the current one: it has an organization,
/// and it keeps every rule of `domain::invariants`.
pub fn validate(saved: &Saved, catalog: &Catalog) -> Result<(), StateFileError> {
    if saved.state.directory.tenants.is_empty() {
        return Err(StateFileError::NoTenants);
    }
    invariants::check(&saved.state, catalog).map_err(StateFileError::Invariant)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn clock() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap()
    }

    fn saved() -> Saved {
        Saved {
            schema: SCHEMA,
            clock: clock(),
            state: State::default(),
        }
    }

    #[test]
    fn nothing_saved_starts_fresh() {
        assert_eq!(restore(None, clock()), Restored::Fresh);
    }

    #[test]
    fn current_schema_round_trips() {
        let json = serde_json::to_string(&saved()).unwrap();
        assert_eq!(restore(Some(&json), clock()), Restored::Current(saved()));
    }

    #[test]
    fn schema_0_is_migrated_with_the_seed_clock() {
        let bare = serde_json::to_string(&State::default()).unwrap();
        assert_eq!(
            restore(Some(&bare), clock()),
            Restored::Migrated {
                saved: saved(),
                from: 0
            }
        );
    }

    #[test]
    fn corrupt_and_newer_data_is_kept_aside_with_a_reason() {
        type Check = fn(&StateFileError) -> bool;
        let cases: [(&str, Check); 10] = [
            ("{not json", |e| matches!(e, StateFileError::NotJson(_))),
            ("", |e| matches!(e, StateFileError::NotJson(_))),
            ("[1, 2, 3]", |e| matches!(e, StateFileError::Shape(_))),
            ("42", |e| matches!(e, StateFileError::Shape(_))),
            (r#"{"schema": null}"#, |e| {
                *e == StateFileError::SchemaNotNumber
            }),
            (r#"{"schema": 4294967296}"#, |e| {
                *e == StateFileError::SchemaNotNumber
            }),
            (r#"{"schema": {"n": 1}, "state": [1]}"#, |e| {
                *e == StateFileError::SchemaNotNumber
            }),
            (r#"{"schema": 99, "clock": "x", "state": {}}"#, |e| {
                *e == StateFileError::NewerSchema {
                    schema: 99,
                    supported: SCHEMA,
                }
            }),
            (r#"{"schema": "one"}"#, |e| {
                *e == StateFileError::SchemaNotNumber
            }),
            (
                r#"{"schema": 1, "clock": "2026-11-26T09:00:00Z", "state": {"subscriptions": 3}}"#,
                |e| matches!(e, StateFileError::Shape(_)),
            ),
        ];
        for (raw, expected) in cases {
            match restore(Some(raw), clock()) {
                Restored::Unreadable { raw: kept, reason } => {
                    assert_eq!(kept, raw, "the raw value is kept whole");
                    assert!(expected(&reason), "{raw}: {reason:?}");
                }
                other => panic!("{raw}: {other:?}"),
            }
        }
    }

    #[test]
    fn file_errors_name_the_file() {
        let e = parse_file::<CatalogFile>(CATALOG_FILE, "{\"products\": 1}").unwrap_err();
        assert!(e.to_string().starts_with("data/catalog.json: "), "{e}");
        assert!(FileError::Missing {
            file: SEED_FILE,
            status: 404
        }
        .to_string()
        .contains("404"));
    }
}

/// Why a demo sign-in was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInError {
    Malformed,
    UnknownAccount,
    WrongPassword,
    Disabled,
    Deleted,
}

impl SignInError {
    pub const fn message_key(self) -> &'static str {
        match self {
            SignInError::Malformed => "signin.error.malformed",
            SignInError::UnknownAccount => "signin.error.unknown",
            SignInError::WrongPassword => "signin.error.password",
            SignInError::Disabled => "signin.error.disabled",
            SignInError::Deleted => "signin.error.deleted",
        }
    }
}

/// The demo sign-in: the account with this address in the tenant that owns its domain
/// (as the directory stands now), and its password from the directory file.
pub fn authenticate(
    passwords: &DirectoryFile,
    directory: &Directory,
    email: &str,
    password: &str,
) -> Result<User, SignInError> {
    use crate::domain::directory::{AccountStatus, Email};
    let email = Email::try_from(email).map_err(|_| SignInError::Malformed)?;
    let tenant = directory
        .tenant_for_domain(email.domain())
        .ok_or(SignInError::UnknownAccount)?;
    let user = directory
        .account(&tenant.id, &email)
        .ok_or(SignInError::UnknownAccount)?;
    if !passwords.password_matches(&user.id, password) {
        return Err(SignInError::WrongPassword);
    }
    match user.status {
        AccountStatus::Active => Ok(user.clone()),
        AccountStatus::Disabled => Err(SignInError::Disabled),
        AccountStatus::Deleted => Err(SignInError::Deleted),
    }
}

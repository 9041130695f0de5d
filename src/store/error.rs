//! What can go wrong between a person's action and what is stored, as types: each has its
//! message in the catalog (`explanation`), so nobody reads a storage failure that wasn't one.

use crate::domain::commands::{DomainError, Explanation};
use crate::domain::invariants::Violation;
use std::convert::Infallible;
use std::fmt;

/// Why an action a person asked for did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DispatchError {
    /// The session ended (signed out in another tab, or never signed in).
    NotSignedIn,
    /// The domain refused the command.
    Domain(DomainError),
    /// Storage failed or refused what it was given.
    Store(StoreError),
}

/// Storage's own failures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage refused the write: nothing changed.
    Unavailable(String),
    /// A state file (an import, or what was stored) that cannot be used.
    File(StateFileError),
    /// Stored records that do not read back into a state.
    Records(RecordsError),
}

/// Why a saved or imported state cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateFileError {
    NotJson(String),
    SchemaNotNumber,
    NewerSchema {
        schema: u32,
        supported: u32,
    },
    Shape(String),
    NoTenants,
    /// It breaks a rule every state keeps: named, with where.
    Invariant(Violation),
}

impl DispatchError {
    pub fn explanation(&self) -> Explanation {
        match self {
            DispatchError::NotSignedIn => Explanation::new("error.not_signed_in"),
            DispatchError::Domain(e) => e.explanation(),
            DispatchError::Store(e) => e.explanation(),
        }
    }
}

impl StoreError {
    pub fn explanation(&self) -> Explanation {
        match self {
            StoreError::Unavailable(_) => Explanation::new("error.storage"),
            StoreError::File(e) => e.explanation(),
            StoreError::Records(e) => match e {
                RecordsError::NoHead => Explanation::new("error.records.no_head"),
                RecordsError::Newer { schema, supported } => Explanation::new("error.file.newer")
                    .text("schema", schema)
                    .text("supported", supported),
                RecordsError::Malformed { key, reason } => {
                    Explanation::new("error.records.malformed")
                        .text("key", key)
                        .text("detail", reason)
                }
                RecordsError::Missing { key } => {
                    Explanation::new("error.records.missing").text("key", key)
                }
            },
        }
    }
}

impl StateFileError {
    pub fn explanation(&self) -> Explanation {
        use StateFileError as F;
        let new = Explanation::new;
        match self {
            F::NotJson(why) => new("error.file.not_json").text("detail", why),
            F::SchemaNotNumber => new("error.file.schema"),
            F::NewerSchema { schema, supported } => new("error.file.newer")
                .text("schema", schema)
                .text("supported", supported),
            F::Shape(why) => new("error.file.shape").text("detail", why),
            F::NoTenants => new("error.file.no_tenants"),
            F::Invariant(v) => new("error.file.invariant")
                .key("rule", v.rule().key())
                .explained("detail", v.explanation()),
        }
    }
}

impl From<DomainError> for DispatchError {
    fn from(e: DomainError) -> Self {
        DispatchError::Domain(e)
    }
}

impl From<crate::domain::Denied> for DispatchError {
    fn from(d: crate::domain::Denied) -> Self {
        DispatchError::Domain(DomainError::Denied(d))
    }
}

impl From<StoreError> for DispatchError {
    fn from(e: StoreError) -> Self {
        DispatchError::Store(e)
    }
}

impl From<StateFileError> for DispatchError {
    fn from(e: StateFileError) -> Self {
        DispatchError::Store(StoreError::File(e))
    }
}

impl From<Infallible> for DispatchError {
    fn from(never: Infallible) -> Self {
        match never {}
    }
}

/// English, for logs and the audit trail; people read `explanation`.
impl fmt::Display for StateFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.explanation();
        write!(f, "{}", crate::i18n::explain(crate::i18n::Lang::EnUs, &e))
    }
}

impl std::error::Error for StateFileError {}

/// Why stored records could not be read back into a state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordsError {
    NoHead,
    /// Written by a newer version of the app, which reads up to `supported`.
    Newer {
        schema: u32,
        supported: u32,
    },
    Malformed {
        key: String,
        reason: String,
    },
    Missing {
        key: String,
    },
}

impl std::fmt::Display for RecordsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordsError::NoHead => write!(f, "the stored records have no head"),
            RecordsError::Newer { schema, supported } => {
                write!(f, "saved by a newer version of the app (schema {schema}; this one reads up to {supported})")
            }
            RecordsError::Malformed { key, reason } => {
                write!(f, "record {key} is unreadable: {reason}")
            }
            RecordsError::Missing { key } => write!(f, "record {key} is missing"),
        }
    }
}

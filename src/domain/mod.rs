//! The rules of self-service purchase, as pure Rust: no browser or UI crate here.
//! Time is always passed in; money is integer minor units.

// Every public item says what it is: the domain is read beside Microsoft's docs.
#![warn(missing_docs)]

pub mod authz;
pub mod card;
pub mod catalog;
pub mod commands;
pub mod console;
pub mod directory;
pub mod eligibility;
pub mod explanation;
pub mod invariants;
pub mod lifecycle;
pub mod money;
pub mod policy;
pub mod policy_plan;
pub mod seed;
pub mod sources;
pub mod subscription;
pub mod views;

pub use authz::{may, principal, Action, Actor, Denied, Subject};
pub use card::{Brand, CardError, CardInput, PaymentCard, StoredCard};
pub use catalog::{Catalog, Country, Market, Product, ProductFamily, ProductId};
pub use commands::{advance, execute, Command, Ctx, DomainError, Event, Submission};
pub use directory::{Directory, Email, Role, Tenant, TenantId, User, UserId};
pub use eligibility::{
    evaluate, evaluate_email, Allowance, Decision, Rule, Stage, TrialKind, Verdict,
};
pub use money::{Currency, Money};
pub use policy::{Policies, PolicyValue};
pub use subscription::{Quantity, State, SubmissionKey, Subscription, SubscriptionId};

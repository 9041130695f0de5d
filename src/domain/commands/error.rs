//! Why a command was refused.

use super::MAX_ASSIGN_AT_ONCE;
use crate::domain::authz::Denied;
use crate::domain::card::{CardError, CardId, Decline};
use crate::domain::catalog::ProductId;
use crate::domain::directory::UserId;
use crate::domain::eligibility::Verdict;
use crate::domain::money::MoneyError;
use crate::domain::subscription::{BillId, Status, SubscriptionId};
use std::fmt;

/// Why a person cannot get a license.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignRefusal {
    UnknownUser,
    OtherTenant,
    Guest,
    Inactive,
    AlreadyAssigned,
    Duplicate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainError {
    Denied(Denied),
    Ineligible(Verdict),
    TrialNotAllowed(Verdict),
    TrialAlreadyUsed,
    UnknownProduct(ProductId),
    NoPrice(ProductId),
    UnknownSubscription(SubscriptionId),
    UnknownBill(BillId),
    UnknownCard(CardId),
    UnknownUser(UserId),
    Declined(Decline),
    Card(CardError),
    NotActive(Status),
    NotSelfServicePurchase,
    Unchanged,
    BelowAssigned {
        assigned: u32,
    },
    NothingSelected,
    TooManyAtOnce {
        given: usize,
    },
    NotEnoughLicenses {
        available: u32,
        requested: u32,
    },
    AssigneesRefused(Vec<(UserId, AssignRefusal)>),
    NotAssigned(UserId),
    BillAlreadyPaid,
    NoCard,
    ReasonMissing,
    /// The target of a move is not an active central subscription of the same product.
    UnsuitableTarget,
    Shortfall {
        needed: u32,
        available: u32,
    },
    OwnAccount,
    Money(MoneyError),
}

impl From<Denied> for DomainError {
    fn from(d: Denied) -> Self {
        DomainError::Denied(d)
    }
}

impl From<MoneyError> for DomainError {
    fn from(e: MoneyError) -> Self {
        DomainError::Money(e)
    }
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainError::Denied(d) => write!(f, "not allowed: {d}"),
            DomainError::Ineligible(v) => write!(f, "not eligible ({:?})", v.decision),
            DomainError::TrialNotAllowed(v) => {
                write!(f, "no trial of this kind is allowed ({:?})", v.decision)
            }
            DomainError::TrialAlreadyUsed => write!(f, "you already had a trial of this product"),
            DomainError::UnknownProduct(p) => write!(f, "no product {p}"),
            DomainError::NoPrice(p) => write!(f, "{p} has no price in this market"),
            DomainError::UnknownSubscription(s) => write!(f, "no subscription {s}"),
            DomainError::UnknownBill(b) => write!(f, "no bill {}", b.0),
            DomainError::UnknownCard(c) => write!(f, "no card {}", c.0),
            DomainError::UnknownUser(u) => write!(f, "no user {u}"),
            DomainError::Declined(d) => write!(f, "the card was declined ({d:?})"),
            DomainError::Card(e) => write!(f, "{e}"),
            DomainError::NotActive(s) => write!(f, "the subscription is {s:?}"),
            DomainError::NotSelfServicePurchase => {
                write!(f, "only a paid self-service subscription allows this")
            }
            DomainError::Unchanged => write!(f, "nothing changed"),
            DomainError::BelowAssigned { assigned } => {
                write!(
                    f,
                    "{assigned} licenses are assigned: unassign some before lowering the total"
                )
            }
            DomainError::NothingSelected => write!(f, "choose at least one person"),
            DomainError::TooManyAtOnce { given } => {
                write!(
                    f,
                    "at most {MAX_ASSIGN_AT_ONCE} people at a time ({given} chosen)"
                )
            }
            DomainError::NotEnoughLicenses {
                available,
                requested,
            } => {
                write!(
                    f,
                    "{requested} people chosen, {available} licenses available"
                )
            }
            DomainError::AssigneesRefused(list) => {
                write!(f, "cannot assign to {} people: {list:?}", list.len())
            }
            DomainError::NotAssigned(u) => write!(f, "{u} has no license of this subscription"),
            DomainError::BillAlreadyPaid => write!(f, "the bill is already paid"),
            DomainError::NoCard => write!(f, "no card is on file"),
            DomainError::ReasonMissing => write!(f, "give a reason"),
            DomainError::UnsuitableTarget => {
                write!(
                    f,
                    "move users only to an active central subscription of the same product"
                )
            }
            DomainError::Shortfall { needed, available } => {
                write!(
                    f,
                    "{needed} licenses needed, {available} free: buy {} more",
                    needed - available
                )
            }
            DomainError::OwnAccount => write!(f, "you cannot change your own account"),
            DomainError::Money(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for DomainError {}

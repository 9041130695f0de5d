//! Why a command was refused.

use super::command::MAX_ASSIGN_AT_ONCE;
use crate::domain::authz::Denied;
use crate::domain::card::{CardError, CardId, Decline};
use crate::domain::catalog::ProductId;
use crate::domain::catalog::TrialKind;
use crate::domain::directory::UserId;
use crate::domain::eligibility::Verdict;
pub use crate::domain::explanation::{Arg, Explanation, KeptArg, KeptExplanation};
use crate::domain::money::MoneyError;
use crate::domain::policy::{OfferType, PolicyValue};
use crate::domain::subscription::{BillId, Status, SubscriptionId};
use chrono::NaiveDate;
use std::fmt;

/// Why a person cannot get a license.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignRefusal {
    /// The directory has no such user.
    UnknownUser,
    /// A user of another organization.
    OtherTenant,
    /// A guest account.
    Guest,
    /// A disabled or removed account.
    Inactive,
    /// The user holds a license of this subscription already.
    AlreadyAssigned,
    /// The user is named twice in one assignment.
    Duplicate,
}

/// Why a command was refused. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainError {
    /// The actor's roles do not allow it.
    Denied(Denied),
    /// The eligibility rules refuse the purchase; the verdict says which.
    Ineligible(Verdict),
    /// The eligibility rules refuse the trial; the verdict says which.
    TrialNotAllowed(Verdict),
    /// The person has had this product's trial already.
    TrialAlreadyUsed,
    /// No product has this ID.
    UnknownProduct(ProductId),
    /// The product has no price in the organization's market.
    NoPrice(ProductId),
    /// No subscription has this ID.
    UnknownSubscription(SubscriptionId),
    /// No bill has this ID.
    UnknownBill(BillId),
    /// No kept card has this ID.
    UnknownCard(CardId),
    /// No user has this ID.
    UnknownUser(UserId),
    /// The card was declined; why.
    Declined(Decline),
    /// The card form's input is refused; why.
    Card(CardError),
    /// The subscription is not active; its status.
    NotActive(Status),
    /// Only a self-service purchase can be taken over this way.
    NotSelfServicePurchase,
    /// The change changes nothing.
    Unchanged,
    /// Fewer licenses while recurring billing is off.
    RemoveNeedsRecurringBilling,
    /// Fewer licenses than people assigned.
    BelowAssigned {
        /// How many are assigned.
        assigned: u32,
    },
    /// No one was chosen.
    NothingSelected,
    /// More people at once than one assignment takes.
    TooManyAtOnce {
        /// How many were chosen.
        given: usize,
    },
    /// Not enough free licenses for the people chosen.
    NotEnoughLicenses {
        /// Licenses free.
        available: u32,
        /// People chosen.
        requested: u32,
    },
    /// Some people cannot get a license; each with why.
    AssigneesRefused(Vec<(UserId, AssignRefusal)>),
    /// The user holds no license of this subscription.
    NotAssigned(UserId),
    /// The bill is paid already.
    BillAlreadyPaid,
    /// No card is on file for the subscription.
    NoCard,
    /// A cancellation needs a reason.
    ReasonMissing,
    /// The target of a move is not an active central subscription of the same organization.
    UnsuitableTarget,
    /// The target has too few free licenses for the users moving.
    Shortfall {
        /// Licenses needed.
        needed: u32,
        /// Licenses free.
        available: u32,
    },
    /// An admin may not disable or remove their own account.
    OwnAccount,
    /// An amount could not be computed; why.
    Money(MoneyError),
    /// A command that charges or touches licenses came without the key of its form.
    SubmissionKeyMissing,
    /// This submission already succeeded: nothing is done twice.
    AlreadySubmitted,
    /// The product offers no trial of this kind (`offered` is the one it has, if any).
    NoSuchTrial {
        /// The trial the product does offer, if any.
        offered: Option<TrialKind>,
    },
    /// After the window only recurring billing can be turned off; it then expires on
    /// `expires`.
    CancellationWindowClosed {
        /// The last day of the window.
        closed_on: NaiveDate,
        /// The day it expires once recurring billing is off.
        expires: NaiveDate,
    },
    /// Only an active trial, paid up, is bought from: not a paid subscription, and not a
    /// trial whose conversion waits for its payment.
    NotATrialToBuy,
    /// Trials are not canceled: a card trial's recurring billing is turned off, a trial
    /// without a card expires by itself.
    TrialNotCanceled {
        /// The trial has a card on file.
        with_payment_method: bool,
    },
    /// A renewal payment is past due: it is paid (or tried again) first.
    PaymentPastDue,
    /// Only an Expired or Disabled subscription is reactivated.
    CannotReactivate(crate::domain::subscription::Status),
    /// A trial is extended once, within 15 days of its end.
    TrialNotExtendable,
    /// Offer types take Enabled or Disabled only.
    OfferTypeValue(PolicyValue),
    /// A third-party offer has no value of its own: its offer type's governs it.
    PolicyOnOfferType {
        /// The offer's name.
        product: String,
        /// Its offer type, whose value governs it.
        offer_type: OfferType,
    },
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
            DomainError::RemoveNeedsRecurringBilling => write!(
                f,
                "licenses can only be removed when recurring billing is turned on"
            ),
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
            DomainError::SubmissionKeyMissing => write!(f, "the submission has no key"),
            DomainError::AlreadySubmitted => write!(f, "this submission was already done"),
            DomainError::NoSuchTrial { offered } => {
                write!(f, "the product offers no such trial ({offered:?})")
            }
            DomainError::CancellationWindowClosed { closed_on, expires } => write!(
                f,
                "the cancellation window closed on {closed_on}: turn off recurring billing \
                 and it expires on {expires}"
            ),
            DomainError::NotATrialToBuy => {
                write!(f, "only an active trial, paid up, is bought from")
            }
            DomainError::TrialNotCanceled {
                with_payment_method,
            } => write!(
                f,
                "a trial is not canceled: {}",
                if *with_payment_method {
                    "turn off recurring billing"
                } else {
                    "it expires by itself"
                }
            ),
            DomainError::PaymentPastDue => write!(f, "a payment is past due"),
            DomainError::CannotReactivate(s) => {
                write!(f, "a {s:?} subscription is not reactivated")
            }
            DomainError::TrialNotExtendable => {
                write!(f, "a trial is extended once, within 15 days of its end")
            }
            DomainError::OfferTypeValue(v) => {
                write!(f, "offer types take Enabled or Disabled, not {v}")
            }
            DomainError::PolicyOnOfferType {
                product,
                offer_type,
            } => write!(f, "{product} follows its offer type {offer_type}"),
        }
    }
}

impl std::error::Error for DomainError {}

impl DomainError {
    /// What the person reads. One arm per variant: a new variant does not compile until it
    /// has its message (and a catalog test checks every key and placeholder).
    pub fn explanation(&self) -> Explanation {
        use DomainError as E;
        let new = Explanation::new;
        match self {
            E::Denied(d) => new(d.message_key()),
            E::Ineligible(v) => new("error.ineligible").key("rule", v.rule().key()),
            E::TrialNotAllowed(v) => new("error.trial_not_allowed").key("rule", v.rule().key()),
            E::TrialAlreadyUsed => new("error.trial_used"),
            E::UnknownProduct(p) => new("error.unknown_product").text("product", p),
            E::NoPrice(p) => new("error.no_price").text("product", p),
            E::UnknownSubscription(s) => new("error.unknown_subscription").text("id", s),
            E::UnknownBill(b) => new("error.unknown_bill").text("id", &b.0),
            E::UnknownCard(c) => new("error.unknown_card").text("id", &c.0),
            E::UnknownUser(u) => new("error.unknown_user").text("id", u),
            E::Declined(d) => new(d.message_key()),
            E::Card(e @ CardError::CodeLength { expected, .. }) => {
                new(e.message_key()).count("digits", *expected)
            }
            E::Card(e) => new(e.message_key()),
            E::NotActive(status) => new("error.not_active").key("status", status.message_key()),
            E::NotSelfServicePurchase => new("error.not_self_service"),
            E::Unchanged => new("error.unchanged"),
            E::RemoveNeedsRecurringBilling => new("error.remove_needs_recurring_billing"),
            E::BelowAssigned { assigned } => new("error.below_assigned").text("assigned", assigned),
            E::NothingSelected => new("error.nothing_selected"),
            E::TooManyAtOnce { given } => new("purchaser.too_many").text("n", given),
            E::NotEnoughLicenses {
                available,
                requested,
            } => new("purchaser.not_enough")
                .text("available", available)
                .text("requested", requested),
            E::AssigneesRefused(list) => new("error.assignees_refused").text("n", list.len()),
            E::NotAssigned(u) => new("error.not_assigned").text("user", u),
            E::BillAlreadyPaid => new("error.bill_paid"),
            E::NoCard => new("error.no_card"),
            E::ReasonMissing => new("error.reason_missing"),
            E::UnsuitableTarget => new("error.unsuitable_target"),
            E::Shortfall { needed, available } => new("error.shortfall")
                .text("needed", needed)
                .text("available", available)
                .text("missing", needed.saturating_sub(*available)),
            E::OwnAccount => new("error.own_account"),
            E::Money(e) => e.explanation(),
            E::SubmissionKeyMissing => new("error.key_missing"),
            E::AlreadySubmitted => new("error.already_submitted"),
            E::NoSuchTrial { offered: None } => new("error.no_trial"),
            E::NoSuchTrial {
                offered: Some(TrialKind::WithPaymentMethod),
            } => new("error.trial_needs_card"),
            E::NoSuchTrial {
                offered: Some(TrialKind::WithoutPaymentMethod),
            } => new("error.trial_without_card_only"),
            E::CancellationWindowClosed { closed_on, expires } => new("error.window_closed")
                .date("closed", *closed_on)
                .date("expires", *expires),
            E::TrialNotCanceled {
                with_payment_method: true,
            } => new("error.trial_turn_off"),
            E::TrialNotCanceled {
                with_payment_method: false,
            } => new("error.trial_expires_itself"),
            E::PaymentPastDue => new("error.past_due"),
            E::NotATrialToBuy => new("error.not_a_trial_to_buy"),
            E::CannotReactivate(status) => {
                new("error.cannot_reactivate").key("status", status.message_key())
            }
            E::TrialNotExtendable => new("error.trial_not_extendable"),
            E::OfferTypeValue(v) => new("error.offer_type_value").text("value", v),
            E::PolicyOnOfferType {
                product,
                offer_type,
            } => new("error.policy_on_offer_type")
                .text("product", product)
                .text("offer_type", offer_type.name()),
        }
    }
}

impl MoneyError {
    /// The refusal in words.
    pub fn explanation(&self) -> Explanation {
        match self {
            MoneyError::Overflow => Explanation::new("error.money.overflow"),
            MoneyError::CurrencyMismatch(a, b) => Explanation::new("error.money.currencies")
                .text("a", a.code())
                .text("b", b.code()),
            MoneyError::Negative => Explanation::new("error.money.negative"),
            MoneyError::UnknownCurrency(c) => {
                Explanation::new("error.money.unknown_currency").text("currency", c)
            }
            MoneyError::Malformed(s) => Explanation::new("error.money.malformed").text("text", s),
        }
    }
}

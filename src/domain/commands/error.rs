//! Why a command was refused.

use super::MAX_ASSIGN_AT_ONCE;
use crate::domain::authz::Denied;
use crate::domain::card::{CardError, CardId, Decline};
use crate::domain::catalog::ProductId;
use crate::domain::catalog::TrialKind;
use crate::domain::directory::UserId;
use crate::domain::eligibility::Verdict;
use crate::domain::money::{Money, MoneyError};
use crate::domain::policy::{OfferType, PolicyValue};
use crate::domain::subscription::{BillId, Status, SubscriptionId};
use chrono::NaiveDate;
use std::fmt;

/// A refusal in words a person reads: the catalog key of its message and the values of its
/// placeholders. The domain names messages by key only; `i18n` holds the texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// A placeholder's value: text as it is, another message (a status, a rule's name), or a
/// whole explanation of its own (where a rule broke).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Key(&'static str),
    /// A list of messages (roles, statuses), joined as the reader's language lists them.
    Keys(Vec<&'static str>),
    /// A choice a person made from the catalog's options, kept as its key (a cancellation
    /// reason), perhaps followed by " — " and their own words.
    Chosen(String),
    /// A day, formatted in the reader's language.
    Date(NaiveDate),
    /// An amount, formatted in the reader's language and the amount's currency.
    Money(Money),
    Explained(Box<Explanation>),
}

impl Explanation {
    pub fn new(key: &'static str) -> Self {
        Explanation {
            key,
            args: Vec::new(),
        }
    }

    pub fn text(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    pub fn date(mut self, name: &'static str, date: NaiveDate) -> Self {
        self.args.push((name, Arg::Date(date)));
        self
    }

    pub fn money(mut self, name: &'static str, amount: Money) -> Self {
        self.args.push((name, Arg::Money(amount)));
        self
    }

    pub fn key(mut self, name: &'static str, key: &'static str) -> Self {
        self.args.push((name, Arg::Key(key)));
        self
    }

    pub fn chosen(mut self, name: &'static str, choice: &str) -> Self {
        self.args.push((name, Arg::Chosen(choice.to_owned())));
        self
    }

    pub fn keys(mut self, name: &'static str, keys: Vec<&'static str>) -> Self {
        self.args.push((name, Arg::Keys(keys)));
        self
    }

    pub fn explained(mut self, name: &'static str, inner: Explanation) -> Self {
        self.args.push((name, Arg::Explained(Box::new(inner))));
        self
    }
}

/// An explanation as the audit log keeps it: owned, so it reads back from storage and
/// is put in words in the reader's language when shown.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeptExplanation {
    pub key: String,
    pub args: Vec<(String, KeptArg)>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum KeptArg {
    Text(String),
    Key(String),
    Keys(Vec<String>),
    Chosen(String),
    Date(NaiveDate),
    Money(Money),
    Explained(Box<KeptExplanation>),
}

impl From<&Explanation> for KeptExplanation {
    fn from(e: &Explanation) -> Self {
        KeptExplanation {
            key: e.key.to_owned(),
            args: e
                .args
                .iter()
                .map(|(name, value)| {
                    let value = match value {
                        Arg::Text(t) => KeptArg::Text(t.clone()),
                        Arg::Key(k) => KeptArg::Key((*k).to_owned()),
                        Arg::Chosen(c) => KeptArg::Chosen(c.clone()),
                        Arg::Keys(ks) => {
                            KeptArg::Keys(ks.iter().map(|k| (*k).to_owned()).collect())
                        }
                        Arg::Date(d) => KeptArg::Date(*d),
                        Arg::Money(m) => KeptArg::Money(*m),
                        Arg::Explained(inner) => KeptArg::Explained(Box::new((&**inner).into())),
                    };
                    ((*name).to_owned(), value)
                })
                .collect(),
        }
    }
}

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
    /// A command that charges or touches licenses came without the key of its form.
    SubmissionKeyMissing,
    /// This submission already succeeded: nothing is done twice.
    AlreadySubmitted,
    /// The product offers no trial of this kind (`offered` is the one it has, if any).
    NoSuchTrial {
        offered: Option<TrialKind>,
    },
    /// After the window only recurring billing can be turned off; it then expires on
    /// `expires`.
    CancellationWindowClosed {
        closed_on: NaiveDate,
        expires: NaiveDate,
    },
    /// Trials are not canceled: a card trial's recurring billing is turned off, a trial
    /// without a card expires by itself.
    TrialNotCanceled {
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
        product: String,
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
                new(e.message_key()).text("digits", expected)
            }
            E::Card(e) => new(e.message_key()),
            E::NotActive(status) => new("error.not_active").key("status", status.message_key()),
            E::NotSelfServicePurchase => new("error.not_self_service"),
            E::Unchanged => new("error.unchanged"),
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

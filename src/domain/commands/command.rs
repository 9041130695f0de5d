//! What a person asks the domain to do (`Command`, as a `Submission` with its key), what
//! every command reads besides the state (`Ctx`), and what it did (`Event`).

use crate::domain::card::{BillingAddress, CardId, Expiry, PaymentCard};
use crate::domain::catalog::{Catalog, ProductId};
use crate::domain::directory::{AccountStatus, UserId};
use crate::domain::money::Money;
use crate::domain::policy::{PolicyTarget, PolicyValue};
use crate::domain::subscription::{BillId, Quantity, SubmissionKey, SubscriptionId};
use chrono::{DateTime, NaiveDate, Utc};

/// At most this many people are assigned in one go.
pub const MAX_ASSIGN_AT_ONCE: usize = 20;

/// What every command reads besides the state: the catalog and the time.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    /// The products and prices.
    pub catalog: &'a Catalog,
    /// The time the command runs at (the demo's clock).
    pub now: DateTime<Utc>,
}

impl Ctx<'_> {
    pub(super) fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }
}

/// Everything a person can ask the domain to do. Holds full card numbers in memory only:
/// a `Command` is never serialized.
#[derive(Debug, Clone)]
pub enum Command {
    /// Buys, and assigns one of the licenses to the buyer unless `assign_to_me` is off.
    Purchase {
        /// The product.
        product: ProductId,
        /// How many licenses.
        licenses: Quantity,
        /// The card charged.
        card: PaymentCard,
        /// One license goes to the buyer.
        assign_to_me: bool,
    },
    /// Starts the product's trial: with a card, or without one where the product's trial needs
    /// none.
    StartTrial {
        /// The product.
        product: ProductId,
        /// How many licenses.
        licenses: Quantity,
        /// The card, for a trial that converts.
        card: Option<PaymentCard>,
        /// One license goes to the person starting it.
        assign_to_me: bool,
    },
    /// Adds or removes licenses, to `total`.
    ChangeLicenses {
        /// The subscription.
        subscription: SubscriptionId,
        /// The licenses it is to have.
        total: Quantity,
    },
    /// Gives licenses to people of the organization.
    Assign {
        /// The subscription.
        subscription: SubscriptionId,
        /// The people.
        users: Vec<UserId>,
    },
    /// Takes a person's license back.
    Unassign {
        /// The subscription.
        subscription: SubscriptionId,
        /// The person.
        user: UserId,
    },
    /// Pays a past-due bill with the card on file.
    PayBill {
        /// The bill.
        bill: BillId,
    },
    /// Edit: security code, expiry, name, and (when given) the billing address.
    UpdateCard {
        /// The card.
        card: CardId,
        /// The new expiry.
        expiry: Expiry,
        /// The name on the card.
        holder: String,
        /// The security code, which confirms the change.
        security_code: String,
        /// The new billing address, if one was given.
        address: Option<BillingAddress>,
    },
    /// Puts another card on the subscription.
    ReplaceCard {
        /// The subscription.
        subscription: SubscriptionId,
        /// The new card.
        card: PaymentCard,
    },
    /// Inside the cancellation window only: a prorated refund, and Disabled at once.
    Cancel {
        /// The subscription.
        subscription: SubscriptionId,
        /// The reason chosen, and the person's own words.
        reason: String,
    },
    /// Turns recurring billing off (the subscription expires at the term's end) or on.
    SetRecurringBilling {
        /// The subscription.
        subscription: SubscriptionId,
        /// On or off.
        on: bool,
    },
    /// An Expired or Disabled subscription starts a new paid term today.
    Reactivate {
        /// The subscription.
        subscription: SubscriptionId,
    },
    /// Buys the product of an active card trial now, on the card on file: a paid month
    /// starts today, the same licenses and people (buy-a-subscription-from-your-free-trial).
    PurchaseFromTrial {
        /// The trial.
        subscription: SubscriptionId,
    },
    /// Extends a trial once, by a month.
    ExtendTrial {
        /// The trial.
        subscription: SubscriptionId,
    },
    /// A product's or an offer type's `AllowSelfServicePurchase` value, in the admin center.
    SetPolicy {
        /// The product or offer type.
        target: PolicyTarget,
        /// The value.
        value: PolicyValue,
    },
    /// The same change through the MSCommerce module, which Billing admins may use too.
    SetPolicyWithModule {
        /// The product or offer type.
        target: PolicyTarget,
        /// The value.
        value: PolicyValue,
    },
    /// An admin moves a self-service purchase's users onto a central subscription.
    TakeOverMoveUsers {
        /// The self-service subscription.
        subscription: SubscriptionId,
        /// The central subscription they move to.
        to: SubscriptionId,
    },
    /// An admin cancels a self-service purchase.
    TakeOverCancel {
        /// The subscription.
        subscription: SubscriptionId,
        /// The reason chosen, as its catalog key.
        reason: String,
    },
    /// An admin buys licenses centrally, into a subscription or a new one, and assigns them.
    BuyCentral {
        /// The product.
        product: ProductId,
        /// How many licenses.
        licenses: Quantity,
        /// The central subscription to add them to; a new one when none.
        into: Option<SubscriptionId>,
        /// The people who get them.
        assign: Vec<UserId>,
    },
    /// Buys central licenses for everyone the purchaser assigned, assigns them, and asks
    /// the purchaser to cancel: one intent, one outcome, one audit entry.
    Centralize {
        /// The self-service subscription.
        subscription: SubscriptionId,
    },
    /// An admin disables or removes an account.
    SetAccountStatus {
        /// The account.
        user: UserId,
        /// Its new status.
        status: AccountStatus,
    },
}

/// A command as a person sends it: with the key of the form or review it came from.
#[derive(Debug, Clone)]
pub struct Submission {
    /// The form's key: the same key twice acts once.
    pub key: Option<SubmissionKey>,
    /// What is asked.
    pub command: Command,
}

impl Submission {
    /// `command`, sent from the form whose key is `key`.
    pub fn keyed(key: SubmissionKey, command: Command) -> Self {
        Submission {
            key: Some(key),
            command,
        }
    }
}

/// A command without a key: only those that neither charge nor touch licenses pass.
impl From<Command> for Submission {
    fn from(command: Command) -> Self {
        Submission { key: None, command }
    }
}

impl Command {
    /// Whether the command charges, assigns or changes licenses, and so must carry a
    /// submission key.
    pub const fn needs_key(&self) -> bool {
        match self {
            Command::Purchase { .. }
            | Command::StartTrial { .. }
            | Command::ChangeLicenses { .. }
            | Command::Assign { .. }
            | Command::Unassign { .. }
            | Command::PayBill { .. }
            | Command::Cancel { .. }
            | Command::SetRecurringBilling { .. }
            | Command::Reactivate { .. }
            | Command::ExtendTrial { .. }
            | Command::PurchaseFromTrial { .. }
            | Command::TakeOverMoveUsers { .. }
            | Command::TakeOverCancel { .. }
            | Command::BuyCentral { .. }
            | Command::Centralize { .. } => true,
            Command::UpdateCard { .. }
            | Command::ReplaceCard { .. }
            | Command::SetPolicy { .. }
            | Command::SetPolicyWithModule { .. }
            | Command::SetAccountStatus { .. } => false,
        }
    }

    /// What the command is about, as the audit log names it.
    pub fn subject(&self) -> String {
        match self {
            Command::Purchase { product, .. } | Command::StartTrial { product, .. } => {
                product.to_string()
            }
            Command::SetPolicy { target, .. } | Command::SetPolicyWithModule { target, .. } => {
                target.to_string()
            }
            Command::BuyCentral { product, into, .. } => into
                .as_ref()
                .map_or_else(|| product.to_string(), |s| s.0.clone()),
            Command::ChangeLicenses { subscription, .. }
            | Command::Assign { subscription, .. }
            | Command::Unassign { subscription, .. }
            | Command::ReplaceCard { subscription, .. }
            | Command::Cancel { subscription, .. }
            | Command::SetRecurringBilling { subscription, .. }
            | Command::Reactivate { subscription }
            | Command::ExtendTrial { subscription }
            | Command::PurchaseFromTrial { subscription }
            | Command::TakeOverMoveUsers { subscription, .. }
            | Command::TakeOverCancel { subscription, .. }
            | Command::Centralize { subscription } => subscription.0.clone(),
            Command::PayBill { bill } => bill.0.clone(),
            Command::UpdateCard { card, .. } => card.0.clone(),
            Command::SetAccountStatus { user, .. } => user.0.clone(),
        }
    }

    /// The name the audit log shows.
    pub const fn name(&self) -> &'static str {
        match self {
            Command::Purchase { .. } => "purchase",
            Command::StartTrial { .. } => "start_trial",
            Command::ChangeLicenses { .. } => "change_licenses",
            Command::Assign { .. } => "assign",
            Command::Unassign { .. } => "unassign",
            Command::PayBill { .. } => "pay_bill",
            Command::UpdateCard { .. } => "update_card",
            Command::ReplaceCard { .. } => "replace_card",
            Command::Cancel { .. } => "cancel",
            Command::SetRecurringBilling { on: true, .. } => "recurring_billing_on",
            Command::SetRecurringBilling { on: false, .. } => "recurring_billing_off",
            Command::Reactivate { .. } => "reactivate",
            Command::ExtendTrial { .. } => "extend_trial",
            Command::PurchaseFromTrial { .. } => "purchase_from_trial",
            Command::SetPolicy { .. } => "set_policy",
            // One activity in the audit log, whichever tool made the change.
            Command::SetPolicyWithModule { .. } => "set_policy",
            Command::TakeOverMoveUsers { .. } => "take_over_move_users",
            Command::TakeOverCancel { .. } => "take_over_cancel",
            Command::BuyCentral { .. } => "buy_central",
            Command::Centralize { .. } => "centralize",
            Command::SetAccountStatus { .. } => "set_account_status",
        }
    }
}

/// What happened, for the screen that asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Bought.
    Purchased {
        /// The new subscription.
        subscription: SubscriptionId,
        /// Its first bill.
        bill: BillId,
        /// What was charged.
        amount: Money,
    },
    /// A trial started.
    TrialStarted {
        /// The trial.
        subscription: SubscriptionId,
    },
    /// Licenses added or removed.
    LicensesChanged {
        /// The subscription.
        subscription: SubscriptionId,
        /// Its licenses now, or from the renewal on when `at_renewal`.
        total: u32,
        /// What was charged for added licenses, if anything.
        charged: Option<Money>,
        /// The change waits for the renewal.
        at_renewal: bool,
    },
    /// Licenses given.
    Assigned {
        /// The subscription.
        subscription: SubscriptionId,
        /// The people.
        users: Vec<UserId>,
    },
    /// A license taken back.
    Unassigned {
        /// The subscription.
        subscription: SubscriptionId,
        /// The person.
        user: UserId,
    },
    /// A bill paid.
    BillPaid {
        /// The bill.
        bill: BillId,
    },
    /// A card's details changed.
    CardUpdated {
        /// The card.
        card: CardId,
    },
    /// Another card put on a subscription.
    CardReplaced {
        /// The subscription.
        subscription: SubscriptionId,
        /// The new card.
        card: CardId,
    },
    /// Canceled inside the window.
    Canceled {
        /// The subscription.
        subscription: SubscriptionId,
        /// What went back to the card.
        refund: Money,
    },
    /// Recurring billing turned on or off.
    RecurringBillingSet {
        /// The subscription.
        subscription: SubscriptionId,
        /// On or off.
        on: bool,
    },
    /// Reactivated for a new paid term.
    Reactivated {
        /// The subscription.
        subscription: SubscriptionId,
        /// The term's bill.
        bill: BillId,
    },
    /// A trial extended.
    TrialExtended {
        /// The trial.
        subscription: SubscriptionId,
        /// Its new last day.
        until: NaiveDate,
    },
    /// A policy value set.
    PolicySet {
        /// The product or offer type.
        target: PolicyTarget,
        /// The value.
        value: PolicyValue,
    },
    /// A self-service purchase taken over by an admin.
    TakenOver {
        /// The self-service subscription.
        subscription: SubscriptionId,
        /// The central subscription its users moved to; none when it was canceled.
        moved_to: Option<SubscriptionId>,
    },
    /// Licenses bought centrally.
    CentralBought {
        /// The central subscription.
        subscription: SubscriptionId,
        /// Its licenses now.
        licenses: u32,
    },
    /// The purchaser was asked to cancel.
    CancelRequested {
        /// The self-service subscription.
        subscription: SubscriptionId,
    },
    /// An account disabled or removed.
    AccountStatusSet {
        /// The account.
        user: UserId,
        /// Its new status.
        status: AccountStatus,
    },
    /// Renewed for a new term.
    Renewed {
        /// The subscription.
        subscription: SubscriptionId,
        /// The term's bill; none for central subscriptions.
        bill: Option<BillId>,
    },
    /// A trial became a paid subscription.
    TrialConverted {
        /// The subscription.
        subscription: SubscriptionId,
        /// Its first bill.
        bill: BillId,
    },
    /// A renewal or conversion charge was declined; the bill is past due.
    PaymentDeclined {
        /// The subscription.
        subscription: SubscriptionId,
        /// The bill that waits.
        bill: BillId,
    },
    /// A trial ended without converting.
    TrialExpired {
        /// The trial.
        subscription: SubscriptionId,
    },
    /// Expired at the term's end.
    Expired {
        /// The subscription.
        subscription: SubscriptionId,
    },
    /// Disabled: users lost access.
    Disabled {
        /// The subscription.
        subscription: SubscriptionId,
    },
    /// Deleted.
    Deleted {
        /// The subscription.
        subscription: SubscriptionId,
    },
}

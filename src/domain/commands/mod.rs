//! Every state transition: `execute(state, ctx, actor, command) -> Result<(State, events), DomainError>`.
//!
//! A command works on a copy of the state; a refused command returns the error and the
//! caller keeps the state it had. Each success appends its audit event.

use super::authz::{may, Action, Actor, Denied, Subject};
use super::card::{BillingAddress, CardId, Expiry, PaymentCard};
use super::catalog::{Catalog, PriceKind, Product, ProductId};
use super::directory::{AccountStatus, Email, TenantId, UserId};
use super::eligibility::{evaluate, Verdict};
use super::money::Money;
use super::policy::{PolicyTarget, PolicyValue};
use super::subscription::{
    AuditEvent, AuditOutcome, BillId, Notification, NotificationKind, OrderEntry, OrderKind,
    Quantity, State, Status, SubmissionKey, SubscriptionId,
};
use chrono::{DateTime, NaiveDate, Utc};

mod admin;
mod clock;
mod error;
mod ledger;
mod licenses;
mod lifecycle;
mod payment;
mod purchase;

use admin::{
    buy_central, centralize, set_account_status, set_policy, take_over_cancel, take_over_move,
};
pub use clock::advance;
pub use error::{Arg, AssignRefusal, DomainError, Explanation, KeptArg, KeptExplanation};
use licenses::{assign, change_licenses, unassign};
use lifecycle::{cancel, extend_trial, reactivate, set_recurring_billing};
use payment::{pay_bill, replace_card, update_card, CardEdit};
use purchase::{purchase, start_trial};

/// At most this many people are assigned in one go.
pub const MAX_ASSIGN_AT_ONCE: usize = 20;

/// What every command reads besides the state: the catalog and the time.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub catalog: &'a Catalog,
    pub now: DateTime<Utc>,
}

impl Ctx<'_> {
    fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }
}

/// Everything a person can ask the domain to do. Holds full card numbers in memory only:
/// a `Command` is never serialized.
#[derive(Debug, Clone)]
pub enum Command {
    /// Buys, and assigns one of the licenses to the buyer unless `assign_to_me` is off.
    Purchase {
        product: ProductId,
        licenses: Quantity,
        card: PaymentCard,
        assign_to_me: bool,
    },
    StartTrial {
        product: ProductId,
        licenses: Quantity,
        card: Option<PaymentCard>,
        assign_to_me: bool,
    },
    ChangeLicenses {
        subscription: SubscriptionId,
        total: Quantity,
    },
    Assign {
        subscription: SubscriptionId,
        users: Vec<UserId>,
    },
    Unassign {
        subscription: SubscriptionId,
        user: UserId,
    },
    PayBill {
        bill: BillId,
    },
    /// Edit: security code, expiry, name, and (when given) the billing address.
    UpdateCard {
        card: CardId,
        expiry: Expiry,
        holder: String,
        security_code: String,
        address: Option<BillingAddress>,
    },
    ReplaceCard {
        subscription: SubscriptionId,
        card: PaymentCard,
    },
    /// Inside the cancellation window only: a prorated refund, and Disabled at once.
    Cancel {
        subscription: SubscriptionId,
        reason: String,
    },
    /// Turns recurring billing off (the subscription expires at the term's end) or on.
    SetRecurringBilling {
        subscription: SubscriptionId,
        on: bool,
    },
    /// An Expired or Disabled subscription starts a new paid term today.
    Reactivate {
        subscription: SubscriptionId,
    },
    ExtendTrial {
        subscription: SubscriptionId,
    },
    /// A product's or an offer type's `AllowSelfServicePurchase` value, in the admin center.
    SetPolicy {
        target: PolicyTarget,
        value: PolicyValue,
    },
    /// The same change through the MSCommerce module, which Billing admins may use too.
    SetPolicyWithModule {
        target: PolicyTarget,
        value: PolicyValue,
    },
    TakeOverMoveUsers {
        subscription: SubscriptionId,
        to: SubscriptionId,
    },
    TakeOverCancel {
        subscription: SubscriptionId,
        reason: String,
    },
    BuyCentral {
        product: ProductId,
        licenses: Quantity,
        into: Option<SubscriptionId>,
        assign: Vec<UserId>,
    },
    /// Buys central licenses for everyone the purchaser assigned, assigns them, and asks
    /// the purchaser to cancel: one intent, one outcome, one audit entry.
    Centralize {
        subscription: SubscriptionId,
    },
    SetAccountStatus {
        user: UserId,
        status: AccountStatus,
    },
}

/// A command as a person sends it: with the key of the form or review it came from.
#[derive(Debug, Clone)]
pub struct Submission {
    pub key: Option<SubmissionKey>,
    pub command: Command,
}

impl Submission {
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
    Purchased {
        subscription: SubscriptionId,
        bill: BillId,
        amount: Money,
    },
    TrialStarted {
        subscription: SubscriptionId,
    },
    LicensesChanged {
        subscription: SubscriptionId,
        total: u32,
        charged: Option<Money>,
    },
    Assigned {
        subscription: SubscriptionId,
        users: Vec<UserId>,
    },
    Unassigned {
        subscription: SubscriptionId,
        user: UserId,
    },
    BillPaid {
        bill: BillId,
    },
    CardUpdated {
        card: CardId,
    },
    CardReplaced {
        subscription: SubscriptionId,
        card: CardId,
    },
    Canceled {
        subscription: SubscriptionId,
        refund: Money,
    },
    RecurringBillingSet {
        subscription: SubscriptionId,
        on: bool,
    },
    Reactivated {
        subscription: SubscriptionId,
        bill: BillId,
    },
    TrialExtended {
        subscription: SubscriptionId,
        until: NaiveDate,
    },
    PolicySet {
        target: PolicyTarget,
        value: PolicyValue,
    },
    TakenOver {
        subscription: SubscriptionId,
        moved_to: Option<SubscriptionId>,
    },
    CentralBought {
        subscription: SubscriptionId,
        licenses: u32,
    },
    CancelRequested {
        subscription: SubscriptionId,
    },
    AccountStatusSet {
        user: UserId,
        status: AccountStatus,
    },
    Renewed {
        subscription: SubscriptionId,
        bill: Option<BillId>,
    },
    TrialConverted {
        subscription: SubscriptionId,
        bill: BillId,
    },
    /// A renewal or conversion charge was declined; the bill is past due.
    PaymentDeclined {
        subscription: SubscriptionId,
        bill: BillId,
    },
    TrialExpired {
        subscription: SubscriptionId,
    },
    Expired {
        subscription: SubscriptionId,
    },
    Disabled {
        subscription: SubscriptionId,
    },
    Deleted {
        subscription: SubscriptionId,
    },
}

/// Runs one submitted command against a copy of the state. A key already taken by an
/// earlier success is refused before anything else, so a submission changes the state once.
pub fn execute(
    state: &State,
    ctx: Ctx,
    actor: &Actor,
    submission: impl Into<Submission>,
) -> Result<(State, Vec<Event>), DomainError> {
    let Submission { key, command } = submission.into();
    match &key {
        Some(key) if was_submitted(state, key) => return Err(DomainError::AlreadySubmitted),
        None if command.needs_key() => return Err(DomainError::SubmissionKeyMissing),
        _ => {}
    }
    let mut next = state.clone();
    let name = command.name();
    let Applied {
        events,
        subject,
        detail,
        why,
    } = apply(&mut next, ctx, actor, command)?;
    next.audit.push(AuditEvent {
        at: ctx.now,
        actor: Some(actor.user.clone()),
        tenant: Some(actor.tenant.clone()),
        action: name.to_owned(),
        subject,
        outcome: AuditOutcome::Succeeded,
        detail,
        why: why.as_ref().map(Into::into),
        submission: key,
    });
    Ok((next, events))
}

/// Whether a command with this key has succeeded before (newest first: a repeat is recent).
pub fn was_submitted(state: &State, key: &SubmissionKey) -> bool {
    state
        .audit
        .iter()
        .rev()
        .any(|e| e.submission.as_ref() == Some(key))
}

/// The state with a refused command written to the audit log (and nothing else changed).
pub fn record_refusal(
    state: &State,
    now: DateTime<Utc>,
    actor: Option<&Actor>,
    action: &str,
    subject: &str,
    error: &str,
    why: &Explanation,
) -> State {
    let mut next = state.clone();
    next.audit.push(AuditEvent {
        at: now,
        actor: actor.map(|a| a.user.clone()),
        tenant: actor.map(|a| a.tenant.clone()),
        action: action.to_owned(),
        subject: subject.to_owned(),
        outcome: AuditOutcome::Refused,
        detail: error.to_owned(),
        why: Some(why.into()),
        submission: None,
    });
    next
}

/// The state with a refused sign-in written to the audit log of the organization the
/// address belongs to, with the account tried as its actor when there is one.
pub fn record_sign_in_refusal(
    state: &State,
    now: DateTime<Utc>,
    email: &str,
    reason: &str,
    why: &Explanation,
) -> State {
    let typed = email.trim();
    let parsed = Email::try_from(typed).ok();
    let tenant = parsed
        .as_ref()
        .and_then(|e| state.directory.tenant_for_domain(e.domain()))
        .map(|t| t.id.clone());
    let account = match (&tenant, &parsed) {
        (Some(t), Some(e)) => state.directory.account(t, e).map(|u| u.id.clone()),
        _ => None,
    };
    let mut next = state.clone();
    next.audit.push(AuditEvent {
        at: now,
        actor: account,
        tenant,
        action: "sign_in".to_owned(),
        subject: typed.to_owned(),
        outcome: AuditOutcome::Refused,
        detail: reason.to_owned(),
        why: Some(why.into()),
        submission: None,
    });
    next
}

/// The audit event of a partner starting to act in a customer tenant; `None` for a person
/// returning to their own tenant; refused without delegated rights there.
pub fn delegated_access(
    state: &State,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Option<AuditEvent>, Denied> {
    let p = super::authz::principal(&state.directory, actor)?;
    if !p.delegated {
        return Ok(None);
    }
    let roles: Vec<String> = p.roles.iter().map(|r| format!("{r:?}")).collect();
    let keys = p.roles.iter().map(|r| r.message_key()).collect();
    Ok(Some(AuditEvent {
        at: now,
        actor: Some(actor.user.clone()),
        tenant: Some(actor.tenant.clone()),
        action: "delegated_access".to_owned(),
        subject: actor.tenant.0.clone(),
        outcome: AuditOutcome::Succeeded,
        detail: roles.join(", "),
        why: Some((&Explanation::new("audit.detail.roles").keys("roles", keys)).into()),
        submission: None,
    }))
}

/// What a command did: its events for the screen, and its subject and detail for the
/// audit log.
struct Applied {
    events: Vec<Event>,
    subject: String,
    detail: String,
    /// The detail in words the page puts in the reader's language, where `detail` would
    /// be a sentence.
    why: Option<Explanation>,
}

impl Applied {
    fn new(events: Vec<Event>, subject: String, detail: String) -> Self {
        Applied {
            events,
            subject,
            detail,
            why: None,
        }
    }

    fn said(mut self, why: Explanation) -> Self {
        self.why = Some(why);
        self
    }
}

fn apply(s: &mut State, ctx: Ctx, actor: &Actor, command: Command) -> Result<Applied, DomainError> {
    match command {
        Command::Purchase {
            product,
            licenses,
            card,
            assign_to_me,
        } => purchase(s, ctx, actor, &product, licenses, &card, assign_to_me),
        Command::StartTrial {
            product,
            licenses,
            card,
            assign_to_me,
        } => start_trial(
            s,
            ctx,
            actor,
            &product,
            licenses,
            card.as_ref(),
            assign_to_me,
        ),
        Command::ChangeLicenses {
            subscription,
            total,
        } => change_licenses(s, ctx, actor, &subscription, total),
        Command::Assign {
            subscription,
            users,
        } => assign(s, actor, &subscription, users),
        Command::Unassign { subscription, user } => unassign(s, actor, &subscription, user),
        Command::PayBill { bill } => pay_bill(s, ctx, actor, &bill),
        Command::UpdateCard {
            card,
            expiry,
            holder,
            security_code,
            address,
        } => update_card(
            s,
            ctx,
            actor,
            &card,
            CardEdit {
                expiry,
                holder,
                code: security_code,
                address,
            },
        ),
        Command::ReplaceCard { subscription, card } => replace_card(s, actor, &subscription, &card),
        Command::Cancel {
            subscription,
            reason,
        } => cancel(s, ctx, actor, &subscription, reason),
        Command::SetRecurringBilling { subscription, on } => {
            set_recurring_billing(s, ctx, actor, &subscription, on)
        }
        Command::Reactivate { subscription } => reactivate(s, ctx, actor, &subscription),
        Command::ExtendTrial { subscription } => extend_trial(s, ctx, actor, &subscription),
        Command::SetPolicy { target, value } => {
            set_policy(s, ctx, actor, target, value, Action::SetPolicy)
        }
        Command::SetPolicyWithModule { target, value } => {
            set_policy(s, ctx, actor, target, value, Action::SetPolicyWithModule)
        }
        Command::TakeOverMoveUsers { subscription, to } => {
            take_over_move(s, ctx, actor, &subscription, &to)
        }
        Command::TakeOverCancel {
            subscription,
            reason,
        } => take_over_cancel(s, ctx, actor, &subscription, reason),
        Command::BuyCentral {
            product,
            licenses,
            into,
            assign,
        } => buy_central(s, ctx, actor, &product, licenses, into, assign),
        Command::Centralize { subscription } => centralize(s, ctx, actor, &subscription),
        Command::SetAccountStatus { user, status } => set_account_status(s, actor, &user, status),
    }
}

fn product<'a>(ctx: &Ctx<'a>, id: &ProductId) -> Result<&'a Product, DomainError> {
    ctx.catalog
        .product(id)
        .ok_or_else(|| DomainError::UnknownProduct(id.clone()))
}

fn unit_price(
    s: &State,
    ctx: &Ctx,
    tenant: &TenantId,
    product: &ProductId,
    kind: PriceKind,
) -> Result<Money, DomainError> {
    let country = s
        .directory
        .tenant(tenant)
        .map(|t| t.market.country)
        .ok_or(DomainError::NoPrice(product.clone()))?;
    ctx.catalog
        .unit_price(product, country, kind)
        .ok_or_else(|| DomainError::NoPrice(product.clone()))
}

fn sub_index(s: &State, id: &SubscriptionId) -> Result<usize, DomainError> {
    s.subscriptions
        .iter()
        .position(|x| &x.id == id)
        .ok_or_else(|| DomainError::UnknownSubscription(id.clone()))
}

/// The index of a subscription the actor bought and so manages, whatever its status.
fn own(s: &State, actor: &Actor, id: &SubscriptionId) -> Result<usize, DomainError> {
    let i = sub_index(s, id)?;
    may(
        &s.directory,
        actor,
        Action::ManageOwnSubscription,
        Subject::Subscription(&s.subscriptions[i]),
    )?;
    Ok(i)
}

/// The subscription's index, once the actor may act on it and it is active.
fn own_active(s: &State, actor: &Actor, id: &SubscriptionId) -> Result<usize, DomainError> {
    let i = own(s, actor, id)?;
    match s.subscriptions[i].status {
        Status::Active => Ok(i),
        other => Err(DomainError::NotActive(other)),
    }
}

fn entry(
    ctx: &Ctx,
    kind: OrderKind,
    by: &UserId,
    licenses: u32,
    amount: Option<Money>,
) -> OrderEntry {
    OrderEntry {
        at: ctx.now,
        kind,
        by: by.clone(),
        licenses,
        amount,
    }
}

fn signed_in_verdict(s: &State, actor: &Actor, product: &Product) -> Result<Verdict, DomainError> {
    let user = s
        .directory
        .user(&actor.user)
        .ok_or(DomainError::Denied(Denied::UnknownUser))?;
    if user.tenant != actor.tenant {
        // Buying happens in one's own tenant, never through a delegation.
        return Err(DomainError::Denied(Denied::NotInTenant));
    }
    Ok(evaluate(&s.directory, &s.policies, product, user))
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn reason_text(reason: String) -> Result<String, DomainError> {
    let reason = reason.trim().to_owned();
    if reason.is_empty() {
        Err(DomainError::ReasonMissing)
    } else {
        Ok(reason)
    }
}

/// A self-service subscription its purchaser, or a Global or Billing admin of its tenant,
/// may run the lifecycle of: recurring billing, reactivation, a trial's extension.
fn purchaser_or_billing_admin(
    s: &State,
    actor: &Actor,
    id: &SubscriptionId,
) -> Result<usize, DomainError> {
    let i = sub_index(s, id)?;
    let sub = &s.subscriptions[i];
    if !sub.is_self_service() {
        return Err(DomainError::NotSelfServicePurchase);
    }
    let own = may(
        &s.directory,
        actor,
        Action::ManageOwnSubscription,
        Subject::Subscription(sub),
    );
    match (
        own,
        may(
            &s.directory,
            actor,
            Action::ManageBilling,
            Subject::Subscription(sub),
        ),
    ) {
        (Ok(()), _) | (_, Ok(())) => Ok(i),
        // A member with no admin role is told they are not the purchaser; an admin in
        // another role, which roles it takes.
        (Err(own), Err(Denied::MissingRole(_)))
            if super::authz::principal(&s.directory, actor).is_ok_and(|p| p.roles.is_empty()) =>
        {
            Err(own.into())
        }
        (_, Err(admin)) => Err(admin.into()),
    }
}

/// An active self-service subscription an admin of its tenant may take over.
fn admin_target(s: &State, actor: &Actor, id: &SubscriptionId) -> Result<usize, DomainError> {
    let i = sub_index(s, id)?;
    let sub = &s.subscriptions[i];
    may(
        &s.directory,
        actor,
        Action::ManageBilling,
        Subject::Subscription(sub),
    )?;
    if !sub.is_self_service() {
        return Err(DomainError::NotSelfServicePurchase);
    }
    if !sub.is_active() {
        return Err(DomainError::NotActive(sub.status));
    }
    Ok(i)
}

fn notify(s: &mut State, ctx: &Ctx, sub: usize, kind: NotificationKind) {
    notify_at(s, ctx.now, sub, kind);
}

/// Tells the subscription's purchaser (central subscriptions have none to tell).
fn notify_at(s: &mut State, at: DateTime<Utc>, sub: usize, kind: NotificationKind) {
    if let Some(to) = s.subscriptions[sub].purchaser.clone() {
        let subscription = s.subscriptions[sub].id.clone();
        s.notifications.push(Notification {
            to,
            at,
            subscription,
            kind,
            read: false,
        });
    }
}

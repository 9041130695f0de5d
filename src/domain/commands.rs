//! Every state transition: `execute(state, ctx, actor, command) -> Result<(State, events), DomainError>`.
//!
//! A command works on a copy of the state; a refused command returns the error and the
//! caller keeps the state it had. Each success appends its audit event.

use super::authz::{may, Action, Actor, Denied, Subject};
use super::card::{authorize, CardError, CardId, Decline, Expiry, PaymentCard};
use super::catalog::{Catalog, PriceKind, Product, ProductId};
use super::directory::{AccountKind, AccountStatus, Email, TenantId, UserId};
use super::eligibility::{evaluate, TrialKind, Verdict};
use super::money::{Money, MoneyError};
use super::policy::PolicyValue;
use super::subscription::{
    one_month_after, AuditEvent, AuditOutcome, Bill, BillId, BillStatus, Channel, Notification,
    NotificationKind, OrderEntry, OrderKind, Quantity, State, Status, Subscription, SubscriptionId,
};
use chrono::{DateTime, NaiveDate, Utc};
use std::fmt;
use std::sync::Arc;

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
    Purchase {
        product: ProductId,
        licenses: Quantity,
        card: PaymentCard,
    },
    StartTrial {
        product: ProductId,
        licenses: Quantity,
        card: Option<PaymentCard>,
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
    UpdateCard {
        card: CardId,
        expiry: Expiry,
        holder: String,
        security_code: String,
    },
    ReplaceCard {
        subscription: SubscriptionId,
        card: PaymentCard,
    },
    Cancel {
        subscription: SubscriptionId,
        reason: String,
    },
    SetPolicy {
        product: ProductId,
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
    RequestCancel {
        subscription: SubscriptionId,
        central: SubscriptionId,
    },
    SetAccountStatus {
        user: UserId,
        status: AccountStatus,
    },
}

impl Command {
    /// What the command is about, as the audit log names it.
    pub fn subject(&self) -> String {
        match self {
            Command::Purchase { product, .. }
            | Command::StartTrial { product, .. }
            | Command::SetPolicy { product, .. } => product.to_string(),
            Command::BuyCentral { product, into, .. } => into
                .as_ref()
                .map_or_else(|| product.to_string(), |s| s.0.clone()),
            Command::ChangeLicenses { subscription, .. }
            | Command::Assign { subscription, .. }
            | Command::Unassign { subscription, .. }
            | Command::ReplaceCard { subscription, .. }
            | Command::Cancel { subscription, .. }
            | Command::TakeOverMoveUsers { subscription, .. }
            | Command::TakeOverCancel { subscription, .. }
            | Command::RequestCancel { subscription, .. } => subscription.0.clone(),
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
            Command::SetPolicy { .. } => "set_policy",
            Command::TakeOverMoveUsers { .. } => "take_over_move_users",
            Command::TakeOverCancel { .. } => "take_over_cancel",
            Command::BuyCentral { .. } => "buy_central",
            Command::RequestCancel { .. } => "request_cancel",
            Command::SetAccountStatus { .. } => "set_account_status",
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
    },
    PolicySet {
        product: ProductId,
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
    TrialExpired {
        subscription: SubscriptionId,
    },
}

/// Runs one command against a copy of the state.
pub fn execute(
    state: &State,
    ctx: Ctx,
    actor: &Actor,
    command: Command,
) -> Result<(State, Vec<Event>), DomainError> {
    let mut next = state.clone();
    let name = command.name();
    let (events, subject, detail) = apply(&mut next, ctx, actor, command)?;
    next.audit.push(AuditEvent {
        at: ctx.now,
        actor: Some(actor.user.clone()),
        tenant: Some(actor.tenant.clone()),
        action: name.to_owned(),
        subject,
        outcome: AuditOutcome::Succeeded,
        detail,
    });
    Ok((next, events))
}

/// The state with a refused command written to the audit log (and nothing else changed).
pub fn record_refusal(
    state: &State,
    now: DateTime<Utc>,
    actor: Option<&Actor>,
    action: &str,
    subject: &str,
    error: &str,
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
    Ok(Some(AuditEvent {
        at: now,
        actor: Some(actor.user.clone()),
        tenant: Some(actor.tenant.clone()),
        action: "delegated_access".to_owned(),
        subject: actor.tenant.0.clone(),
        outcome: AuditOutcome::Succeeded,
        detail: format!("delegated roles: {}", roles.join(", ")),
    }))
}

type Applied = (Vec<Event>, String, String);

fn apply(s: &mut State, ctx: Ctx, actor: &Actor, command: Command) -> Result<Applied, DomainError> {
    match command {
        Command::Purchase {
            product,
            licenses,
            card,
        } => purchase(s, ctx, actor, &product, licenses, &card),
        Command::StartTrial {
            product,
            licenses,
            card,
        } => start_trial(s, ctx, actor, &product, licenses, card.as_ref()),
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
        } => update_card(s, ctx, actor, &card, expiry, holder, &security_code),
        Command::ReplaceCard { subscription, card } => replace_card(s, actor, &subscription, &card),
        Command::Cancel {
            subscription,
            reason,
        } => cancel(s, ctx, actor, &subscription, reason),
        Command::SetPolicy { product, value } => set_policy(s, ctx, actor, product, value),
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
        Command::RequestCancel {
            subscription,
            central,
        } => request_cancel(s, ctx, actor, &subscription, &central),
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

/// The subscription's index, once the actor may act on it and it is active.
fn own_active(s: &State, actor: &Actor, id: &SubscriptionId) -> Result<usize, DomainError> {
    let i = sub_index(s, id)?;
    may(
        &s.directory,
        actor,
        Action::ManageOwnSubscription,
        Subject::Subscription(&s.subscriptions[i]),
    )?;
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

fn purchase(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &ProductId,
    licenses: Quantity,
    card: &PaymentCard,
) -> Result<Applied, DomainError> {
    let product = product(&ctx, id)?;
    let verdict = signed_in_verdict(s, actor, product)?;
    if !verdict.may_purchase() {
        return Err(DomainError::Ineligible(verdict));
    }
    let price = unit_price(s, &ctx, &actor.tenant, id, PriceKind::SelfService)?;
    let amount = price.checked_mul(licenses.get())?;
    authorize(card).map_err(DomainError::Declined)?;
    let card_id = CardId(s.next_id("card"));
    s.cards
        .push(card.to_stored(card_id.clone(), actor.user.clone()));
    let sub_id = SubscriptionId(s.next_id("sub"));
    let today = ctx.today();
    let term_end = one_month_after(today);
    let bill_id = BillId(s.next_id("bill"));
    s.bills.push(Bill {
        id: bill_id.clone(),
        subscription: sub_id.clone(),
        billed_to: actor.user.clone(),
        period_start: today,
        period_end: term_end,
        issued: today,
        amount,
        status: BillStatus::Paid,
    });
    s.subscriptions.push(Arc::new(Subscription {
        id: sub_id.clone(),
        product: id.clone(),
        tenant: actor.tenant.clone(),
        purchaser: Some(actor.user.clone()),
        channel: Channel::SelfService,
        licenses,
        assigned: Vec::new(),
        status: Status::Active,
        term_start: today,
        term_end,
        auto_renew: true,
        unit_price: price,
        card: Some(card_id),
        history: vec![entry(
            &ctx,
            OrderKind::Purchase,
            &actor.user,
            licenses.get(),
            Some(amount),
        )],
        cancel_reason: None,
    }));
    let detail = format!("{} × {} = {amount}", licenses.get(), product.name);
    Ok((
        vec![Event::Purchased {
            subscription: sub_id.clone(),
            bill: bill_id,
            amount,
        }],
        sub_id.0,
        detail,
    ))
}

fn start_trial(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &ProductId,
    licenses: Quantity,
    card: Option<&PaymentCard>,
) -> Result<Applied, DomainError> {
    let product = product(&ctx, id)?;
    let verdict = signed_in_verdict(s, actor, product)?;
    let kind = if card.is_some() {
        TrialKind::WithPaymentMethod
    } else {
        TrialKind::WithoutPaymentMethod
    };
    if !verdict.may_trial(kind, product) {
        return Err(DomainError::TrialNotAllowed(verdict));
    }
    // One trial of a product per person, as the service allows.
    let used = s.subscriptions.iter().any(|x| {
        x.purchaser.as_ref() == Some(&actor.user)
            && &x.product == id
            && x.history.iter().any(|h| h.kind == OrderKind::TrialStarted)
    });
    if used {
        return Err(DomainError::TrialAlreadyUsed);
    }
    let price = unit_price(s, &ctx, &actor.tenant, id, PriceKind::SelfService)?;
    let card_id = match card {
        Some(card) => {
            authorize(card).map_err(DomainError::Declined)?;
            let card_id = CardId(s.next_id("card"));
            s.cards
                .push(card.to_stored(card_id.clone(), actor.user.clone()));
            Some(card_id)
        }
        None => None,
    };
    let sub_id = SubscriptionId(s.next_id("sub"));
    let today = ctx.today();
    s.subscriptions.push(Arc::new(Subscription {
        id: sub_id.clone(),
        product: id.clone(),
        tenant: actor.tenant.clone(),
        purchaser: Some(actor.user.clone()),
        channel: Channel::Trial {
            with_payment_method: card_id.is_some(),
        },
        licenses,
        assigned: Vec::new(),
        status: Status::Active,
        term_start: today,
        term_end: one_month_after(today),
        // Only a trial with a payment method turns into a paid subscription.
        auto_renew: card_id.is_some(),
        unit_price: price,
        card: card_id,
        history: vec![entry(
            &ctx,
            OrderKind::TrialStarted,
            &actor.user,
            licenses.get(),
            None,
        )],
        cancel_reason: None,
    }));
    let detail = format!(
        "{} trial of {}",
        if card.is_some() { "card" } else { "no-card" },
        product.name
    );
    Ok((
        vec![Event::TrialStarted {
            subscription: sub_id.clone(),
        }],
        sub_id.0,
        detail,
    ))
}

fn change_licenses(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
    total: Quantity,
) -> Result<Applied, DomainError> {
    let i = own_active(s, actor, id)?;
    let sub = &s.subscriptions[i];
    if sub.channel != Channel::SelfService {
        return Err(DomainError::NotSelfServicePurchase);
    }
    let (old, new) = (sub.licenses.get(), total.get());
    if new == old {
        return Err(DomainError::Unchanged);
    }
    if new < sub.assigned_count() {
        return Err(DomainError::BelowAssigned {
            assigned: sub.assigned_count(),
        });
    }
    let charged = if new > old {
        let amount = sub.unit_price.checked_mul(new - old)?;
        let card = sub
            .card
            .clone()
            .and_then(|c| s.card(&c).cloned())
            .ok_or(DomainError::NoCard)?;
        if card.expiry.is_past(ctx.today()) {
            return Err(DomainError::Declined(Decline::ExpiredCard));
        }
        let bill_id = BillId(s.next_id("bill"));
        let sub = &s.subscriptions[i];
        s.bills.push(Bill {
            id: bill_id,
            subscription: id.clone(),
            billed_to: actor.user.clone(),
            period_start: ctx.today(),
            period_end: sub.term_end,
            issued: ctx.today(),
            amount,
            status: BillStatus::Paid,
        });
        Some(amount)
    } else {
        None
    };
    let kind = if new > old {
        OrderKind::LicensesAdded
    } else {
        OrderKind::LicensesRemoved
    };
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    sub.licenses = total;
    sub.history
        .push(entry(&ctx, kind, &actor.user, new, charged));
    Ok((
        vec![Event::LicensesChanged {
            subscription: id.clone(),
            total: new,
            charged,
        }],
        id.0.clone(),
        format!("{old} → {new}"),
    ))
}

/// Checks every person once; all or none get a license.
fn check_assignees(
    s: &State,
    tenant: &TenantId,
    already: &[UserId],
    users: &[UserId],
) -> Result<(), DomainError> {
    let mut refused = Vec::new();
    for (n, id) in users.iter().enumerate() {
        let why = match s.directory.user(id) {
            None => Some(AssignRefusal::UnknownUser),
            Some(u) if &u.tenant != tenant => Some(AssignRefusal::OtherTenant),
            Some(u) if u.kind == AccountKind::Guest => Some(AssignRefusal::Guest),
            Some(u) if !u.is_active() => Some(AssignRefusal::Inactive),
            Some(_) if already.contains(id) => Some(AssignRefusal::AlreadyAssigned),
            Some(_) if users[..n].contains(id) => Some(AssignRefusal::Duplicate),
            Some(_) => None,
        };
        if let Some(why) = why {
            refused.push((id.clone(), why));
        }
    }
    if refused.is_empty() {
        Ok(())
    } else {
        Err(DomainError::AssigneesRefused(refused))
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn assign(
    s: &mut State,
    actor: &Actor,
    id: &SubscriptionId,
    users: Vec<UserId>,
) -> Result<Applied, DomainError> {
    let i = own_active(s, actor, id)?;
    if users.is_empty() {
        return Err(DomainError::NothingSelected);
    }
    if users.len() > MAX_ASSIGN_AT_ONCE {
        return Err(DomainError::TooManyAtOnce { given: users.len() });
    }
    let sub = &s.subscriptions[i];
    check_assignees(s, &sub.tenant, &sub.assigned, &users)?;
    if count(users.len()) > sub.available() {
        return Err(DomainError::NotEnoughLicenses {
            available: sub.available(),
            requested: count(users.len()),
        });
    }
    Arc::make_mut(&mut s.subscriptions[i])
        .assigned
        .extend(users.iter().cloned());
    let detail = format!("{} people", users.len());
    Ok((
        vec![Event::Assigned {
            subscription: id.clone(),
            users,
        }],
        id.0.clone(),
        detail,
    ))
}

fn unassign(
    s: &mut State,
    actor: &Actor,
    id: &SubscriptionId,
    user: UserId,
) -> Result<Applied, DomainError> {
    let i = own_active(s, actor, id)?;
    let assigned = &mut Arc::make_mut(&mut s.subscriptions[i]).assigned;
    let at = assigned
        .iter()
        .position(|u| u == &user)
        .ok_or_else(|| DomainError::NotAssigned(user.clone()))?;
    assigned.remove(at);
    let detail = user.0.clone();
    Ok((
        vec![Event::Unassigned {
            subscription: id.clone(),
            user,
        }],
        id.0.clone(),
        detail,
    ))
}

fn pay_bill(s: &mut State, ctx: Ctx, actor: &Actor, id: &BillId) -> Result<Applied, DomainError> {
    let b = s
        .bills
        .iter()
        .position(|b| &b.id == id)
        .ok_or_else(|| DomainError::UnknownBill(id.clone()))?;
    let sub = s
        .subscription(&s.bills[b].subscription)
        .ok_or_else(|| DomainError::UnknownSubscription(s.bills[b].subscription.clone()))?;
    // A bill stays payable after cancellation: the purchaser still owes it.
    may(
        &s.directory,
        actor,
        Action::ManageOwnSubscription,
        Subject::Subscription(sub),
    )?;
    if s.bills[b].status == BillStatus::Paid {
        return Err(DomainError::BillAlreadyPaid);
    }
    let card = sub
        .card
        .as_ref()
        .and_then(|c| s.card(c))
        .ok_or(DomainError::NoCard)?;
    if card.expiry.is_past(ctx.today()) {
        return Err(DomainError::Declined(Decline::ExpiredCard));
    }
    s.bills[b].status = BillStatus::Paid;
    let detail = s.bills[b].amount.to_string();
    Ok((
        vec![Event::BillPaid { bill: id.clone() }],
        id.0.clone(),
        detail,
    ))
}

fn update_card(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &CardId,
    expiry: Expiry,
    holder: String,
    code: &str,
) -> Result<Applied, DomainError> {
    let c = s
        .cards
        .iter()
        .position(|c| &c.id == id)
        .ok_or_else(|| DomainError::UnknownCard(id.clone()))?;
    if s.cards[c].owner != actor.user {
        return Err(DomainError::Denied(Denied::NotPurchaser));
    }
    if expiry.is_past(ctx.today()) {
        return Err(DomainError::Card(CardError::Expired));
    }
    let brand = s.cards[c].brand;
    if code.len() != brand.code_length() || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DomainError::Card(CardError::CodeLength {
            brand,
            expected: brand.code_length(),
        }));
    }
    let holder = holder.trim().to_owned();
    if holder.is_empty() {
        return Err(DomainError::Card(CardError::HolderMissing));
    }
    let card = &mut s.cards[c];
    card.expiry = expiry;
    card.holder = holder;
    let detail = format!("{} •••• {}", card.brand.name(), card.last4);
    Ok((
        vec![Event::CardUpdated { card: id.clone() }],
        id.0.clone(),
        detail,
    ))
}

fn replace_card(
    s: &mut State,
    actor: &Actor,
    id: &SubscriptionId,
    card: &PaymentCard,
) -> Result<Applied, DomainError> {
    let i = own_active(s, actor, id)?;
    authorize(card).map_err(DomainError::Declined)?;
    let card_id = CardId(s.next_id("card"));
    s.cards
        .push(card.to_stored(card_id.clone(), actor.user.clone()));
    Arc::make_mut(&mut s.subscriptions[i]).card = Some(card_id.clone());
    let detail = format!(
        "{} •••• {}",
        card.number.brand().name(),
        card.number.last4()
    );
    Ok((
        vec![Event::CardReplaced {
            subscription: id.clone(),
            card: card_id,
        }],
        id.0.clone(),
        detail,
    ))
}

fn reason_text(reason: String) -> Result<String, DomainError> {
    let reason = reason.trim().to_owned();
    if reason.is_empty() {
        Err(DomainError::ReasonMissing)
    } else {
        Ok(reason)
    }
}

fn cancel(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
    reason: String,
) -> Result<Applied, DomainError> {
    let i = own_active(s, actor, id)?;
    let reason = reason_text(reason)?;
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    sub.status = Status::Canceled;
    sub.auto_renew = false;
    sub.assigned.clear();
    sub.history.push(entry(
        &ctx,
        OrderKind::Canceled,
        &actor.user,
        sub.licenses.get(),
        None,
    ));
    sub.cancel_reason = Some(reason.clone());
    Ok((
        vec![Event::Canceled {
            subscription: id.clone(),
        }],
        id.0.clone(),
        reason,
    ))
}

fn set_policy(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: ProductId,
    value: PolicyValue,
) -> Result<Applied, DomainError> {
    may(
        &s.directory,
        actor,
        Action::SetPolicy,
        Subject::Tenant(&actor.tenant),
    )?;
    let name = product(&ctx, &id)?.name.clone();
    let old = s.policies.get(&actor.tenant, &id);
    s.policies.set(&actor.tenant, &id, value);
    let detail = format!("{name}: {old} → {value}");
    Ok((
        vec![Event::PolicySet {
            product: id.clone(),
            value,
        }],
        id.to_string(),
        detail,
    ))
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
    if let Some(to) = s.subscriptions[sub].purchaser.clone() {
        let subscription = s.subscriptions[sub].id.clone();
        s.notifications.push(Notification {
            to,
            at: ctx.now,
            subscription,
            kind,
            read: false,
        });
    }
}

fn take_over_move(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
    to: &SubscriptionId,
) -> Result<Applied, DomainError> {
    let i = admin_target(s, actor, id)?;
    let t = sub_index(s, to)?;
    let (source, target) = (&s.subscriptions[i], &s.subscriptions[t]);
    if target.channel != Channel::Central
        || !target.is_active()
        || target.product != source.product
        || target.tenant != source.tenant
    {
        return Err(DomainError::UnsuitableTarget);
    }
    let moving: Vec<UserId> = source
        .assigned
        .iter()
        .filter(|u| !target.assigned.contains(u))
        .cloned()
        .collect();
    if count(moving.len()) > target.available() {
        return Err(DomainError::Shortfall {
            needed: count(moving.len()),
            available: target.available(),
        });
    }
    Arc::make_mut(&mut s.subscriptions[t])
        .assigned
        .extend(moving.iter().cloned());
    let source = Arc::make_mut(&mut s.subscriptions[i]);
    source.assigned.clear();
    source.status = Status::Deleted;
    source.auto_renew = false;
    source.history.push(entry(
        &ctx,
        OrderKind::TakenOver,
        &actor.user,
        source.licenses.get(),
        None,
    ));
    notify(
        s,
        &ctx,
        i,
        NotificationKind::TakenOver {
            moved_to: to.clone(),
        },
    );
    let detail = format!("{} people moved to {to}", moving.len());
    Ok((
        vec![Event::TakenOver {
            subscription: id.clone(),
            moved_to: Some(to.clone()),
        }],
        id.0.clone(),
        detail,
    ))
}

fn take_over_cancel(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
    reason: String,
) -> Result<Applied, DomainError> {
    let i = admin_target(s, actor, id)?;
    let reason = reason_text(reason)?;
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    sub.assigned.clear();
    sub.status = Status::Deleted;
    sub.auto_renew = false;
    sub.cancel_reason = Some(reason.clone());
    sub.history.push(entry(
        &ctx,
        OrderKind::TakenOver,
        &actor.user,
        sub.licenses.get(),
        None,
    ));
    notify(
        s,
        &ctx,
        i,
        NotificationKind::CanceledByAdmin {
            reason: reason.clone(),
        },
    );
    Ok((
        vec![Event::TakenOver {
            subscription: id.clone(),
            moved_to: None,
        }],
        id.0.clone(),
        reason,
    ))
}

fn buy_central(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &ProductId,
    licenses: Quantity,
    into: Option<SubscriptionId>,
    assign: Vec<UserId>,
) -> Result<Applied, DomainError> {
    may(
        &s.directory,
        actor,
        Action::ManageBilling,
        Subject::Tenant(&actor.tenant),
    )?;
    let product = product(&ctx, id)?;
    let price = unit_price(s, &ctx, &actor.tenant, id, PriceKind::Central)?;
    let amount = price.checked_mul(licenses.get())?;
    let i = match into {
        Some(into) => {
            let i = sub_index(s, &into)?;
            let sub = &s.subscriptions[i];
            if sub.channel != Channel::Central
                || !sub.is_active()
                || &sub.product != id
                || sub.tenant != actor.tenant
            {
                return Err(DomainError::UnsuitableTarget);
            }
            let total = sub
                .licenses
                .get()
                .checked_add(licenses.get())
                .ok_or(DomainError::Money(MoneyError::Overflow))?;
            let total =
                Quantity::try_from(total).map_err(|_| DomainError::Money(MoneyError::Overflow))?;
            let sub = Arc::make_mut(&mut s.subscriptions[i]);
            sub.licenses = total;
            sub.history.push(entry(
                &ctx,
                OrderKind::LicensesAdded,
                &actor.user,
                total.get(),
                Some(amount),
            ));
            i
        }
        None => {
            let sub_id = SubscriptionId(s.next_id("sub"));
            let today = ctx.today();
            s.subscriptions.push(Arc::new(Subscription {
                id: sub_id,
                product: id.clone(),
                tenant: actor.tenant.clone(),
                purchaser: None,
                channel: Channel::Central,
                licenses,
                assigned: Vec::new(),
                status: Status::Active,
                term_start: today,
                term_end: today
                    .checked_add_months(chrono::Months::new(12))
                    .unwrap_or(today),
                auto_renew: true,
                unit_price: price,
                card: None,
                history: vec![entry(
                    &ctx,
                    OrderKind::Purchase,
                    &actor.user,
                    licenses.get(),
                    Some(amount),
                )],
                cancel_reason: None,
            }));
            s.subscriptions.len() - 1
        }
    };
    if !assign.is_empty() {
        let sub = &s.subscriptions[i];
        check_assignees(s, &actor.tenant, &sub.assigned, &assign)?;
        if count(assign.len()) > sub.available() {
            return Err(DomainError::NotEnoughLicenses {
                available: sub.available(),
                requested: count(assign.len()),
            });
        }
        Arc::make_mut(&mut s.subscriptions[i])
            .assigned
            .extend(assign.iter().cloned());
    }
    let sub_id = s.subscriptions[i].id.clone();
    let detail = format!(
        "{} × {} at {price}, {} assigned",
        licenses.get(),
        product.name,
        assign.len()
    );
    Ok((
        vec![Event::CentralBought {
            subscription: sub_id.clone(),
            licenses: licenses.get(),
        }],
        sub_id.0,
        detail,
    ))
}

fn request_cancel(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
    central: &SubscriptionId,
) -> Result<Applied, DomainError> {
    let i = admin_target(s, actor, id)?;
    let c = sub_index(s, central)?;
    if s.subscriptions[c].channel != Channel::Central || s.subscriptions[c].tenant != actor.tenant {
        return Err(DomainError::UnsuitableTarget);
    }
    notify(
        s,
        &ctx,
        i,
        NotificationKind::CancelRequested {
            central: central.clone(),
        },
    );
    Ok((
        vec![Event::CancelRequested {
            subscription: id.clone(),
        }],
        id.0.clone(),
        format!("central: {central}"),
    ))
}

fn set_account_status(
    s: &mut State,
    actor: &Actor,
    id: &UserId,
    status: AccountStatus,
) -> Result<Applied, DomainError> {
    may(
        &s.directory,
        actor,
        Action::ManageUsers,
        Subject::Tenant(&actor.tenant),
    )?;
    if id == &actor.user {
        return Err(DomainError::OwnAccount);
    }
    let user = s
        .directory
        .user_mut(id)
        .ok_or_else(|| DomainError::UnknownUser(id.clone()))?;
    if user.tenant != actor.tenant {
        return Err(DomainError::Denied(Denied::OtherTenant));
    }
    if user.status == status {
        return Err(DomainError::Unchanged);
    }
    // A purchaser who leaves keeps their subscriptions active for the people using them.
    user.status = status;
    let detail = format!("{} → {status:?}", user.display_name);
    Ok((
        vec![Event::AccountStatusSet {
            user: id.clone(),
            status,
        }],
        id.0.clone(),
        detail,
    ))
}

/// Moves the clock: renews what auto-renews, converts or expires trials, raises the bills
/// and notifications that come due. Infallible; the system is the actor.
pub fn advance(state: &State, now: DateTime<Utc>) -> (State, Vec<Event>) {
    let mut s = state.clone();
    let today = now.date_naive();
    let mut events = Vec::new();
    let system = UserId("system".into());
    for i in 0..s.subscriptions.len() {
        // Notice a week before a trial ends, once.
        let sub = &s.subscriptions[i];
        if sub.is_active()
            && matches!(sub.channel, Channel::Trial { .. })
            && sub.term_end > today
            && (sub.term_end - today).num_days() <= 7
            && !s
                .notifications
                .iter()
                .any(|n| n.subscription == sub.id && n.kind == NotificationKind::TrialEnding)
        {
            if let Some(to) = sub.purchaser.clone() {
                let subscription = sub.id.clone();
                s.notifications.push(Notification {
                    to,
                    at: now,
                    subscription,
                    kind: NotificationKind::TrialEnding,
                    read: false,
                });
            }
        }
        while s.subscriptions[i].is_active() && s.subscriptions[i].term_end <= today {
            let sub = &s.subscriptions[i];
            let (start, end) = (sub.term_end, one_month_after(sub.term_end));
            let (id, purchaser, amount, channel, licenses, auto_renew) = (
                sub.id.clone(),
                sub.purchaser.clone(),
                sub.term_amount(),
                sub.channel,
                sub.licenses.get(),
                sub.auto_renew,
            );
            let audit = |action: &str, detail: String| AuditEvent {
                at: now,
                actor: None,
                tenant: Some(s.subscriptions[i].tenant.clone()),
                action: action.to_owned(),
                subject: id.0.clone(),
                outcome: AuditOutcome::Succeeded,
                detail,
            };
            let bill_for = |s: &mut State, to: UserId| {
                let bill = BillId(s.next_id("bill"));
                s.bills.push(Bill {
                    id: bill.clone(),
                    subscription: id.clone(),
                    billed_to: to.clone(),
                    period_start: start,
                    period_end: end,
                    issued: start,
                    amount,
                    status: BillStatus::Due,
                });
                s.notifications.push(Notification {
                    to,
                    at: now,
                    subscription: id.clone(),
                    kind: NotificationKind::BillDue { bill: bill.clone() },
                    read: false,
                });
                bill
            };
            match (channel, auto_renew) {
                (
                    Channel::Trial {
                        with_payment_method: true,
                    },
                    true,
                ) => {
                    let a = audit("convert_trial", format!("{licenses} licenses, {amount}"));
                    let bill = purchaser.clone().map(|p| bill_for(&mut s, p));
                    let sub = Arc::make_mut(&mut s.subscriptions[i]);
                    sub.channel = Channel::SelfService;
                    sub.term_start = start;
                    sub.term_end = end;
                    sub.history.push(OrderEntry {
                        at: now,
                        kind: OrderKind::ConvertedFromTrial,
                        by: system.clone(),
                        licenses,
                        amount: Some(amount),
                    });
                    s.audit.push(a);
                    if let Some(bill) = bill {
                        events.push(Event::TrialConverted {
                            subscription: id.clone(),
                            bill,
                        });
                    }
                }
                (Channel::Trial { .. }, _) => {
                    let a = audit("expire_trial", String::new());
                    let sub = Arc::make_mut(&mut s.subscriptions[i]);
                    sub.status = Status::Expired;
                    sub.assigned.clear();
                    sub.history.push(OrderEntry {
                        at: now,
                        kind: OrderKind::Expired,
                        by: system.clone(),
                        licenses,
                        amount: None,
                    });
                    if let Some(to) = purchaser.clone() {
                        s.notifications.push(Notification {
                            to,
                            at: now,
                            subscription: id.clone(),
                            kind: NotificationKind::TrialExpired,
                            read: false,
                        });
                    }
                    s.audit.push(a);
                    events.push(Event::TrialExpired {
                        subscription: id.clone(),
                    });
                }
                (_, true) => {
                    let a = audit("renew", format!("{licenses} licenses, {amount}"));
                    let bill = match (channel, purchaser.clone()) {
                        (Channel::SelfService, Some(p)) => Some(bill_for(&mut s, p)),
                        _ => None,
                    };
                    let sub = Arc::make_mut(&mut s.subscriptions[i]);
                    let end = if channel == Channel::Central {
                        start
                            .checked_add_months(chrono::Months::new(12))
                            .unwrap_or(end)
                    } else {
                        end
                    };
                    sub.term_start = start;
                    sub.term_end = end;
                    sub.history.push(OrderEntry {
                        at: now,
                        kind: OrderKind::Renewed,
                        by: system.clone(),
                        licenses,
                        amount: Some(amount),
                    });
                    s.audit.push(a);
                    events.push(Event::Renewed {
                        subscription: id.clone(),
                        bill,
                    });
                }
                (_, false) => {
                    let sub = Arc::make_mut(&mut s.subscriptions[i]);
                    sub.status = Status::Canceled;
                    sub.assigned.clear();
                }
            }
        }
    }
    (s, events)
}

//! What the commands share: finding the product and the subscription a command is about,
//! the checks of who may act on it, the order-history entry, notifications, and what a
//! command did (`Applied`) for the audit log.

use super::command::{Ctx, Event};
use super::error::DomainError;
use crate::domain::authz::{may, Action, Actor, Denied, Subject};
use crate::domain::catalog::{PriceKind, Product, ProductId};
use crate::domain::directory::{TenantId, UserId};
use crate::domain::eligibility::{evaluate, Verdict};
use crate::domain::explanation::Explanation;
use crate::domain::money::Money;
use crate::domain::subscription::{
    Notification, NotificationKind, OrderEntry, OrderKind, State, Status, SubscriptionId,
};
use chrono::{DateTime, Utc};

/// What a command did: its events for the screen, and its subject and detail for the
/// audit log.
pub(super) struct Applied {
    pub(super) events: Vec<Event>,
    pub(super) subject: String,
    pub(super) detail: String,
    /// The detail in words the page puts in the reader's language, where `detail` would
    /// be a sentence.
    pub(super) why: Option<Explanation>,
}

impl Applied {
    pub(super) fn new(events: Vec<Event>, subject: String, detail: String) -> Self {
        Applied {
            events,
            subject,
            detail,
            why: None,
        }
    }

    pub(super) fn said(mut self, why: Explanation) -> Self {
        self.why = Some(why);
        self
    }
}

pub(super) fn product<'a>(ctx: &Ctx<'a>, id: &ProductId) -> Result<&'a Product, DomainError> {
    ctx.catalog
        .product(id)
        .ok_or_else(|| DomainError::UnknownProduct(id.clone()))
}

pub(super) fn unit_price(
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

pub(super) fn sub_index(s: &State, id: &SubscriptionId) -> Result<usize, DomainError> {
    s.subscriptions
        .iter()
        .position(|x| &x.id == id)
        .ok_or_else(|| DomainError::UnknownSubscription(id.clone()))
}

/// The index of a subscription the actor bought and so manages, whatever its status.
pub(super) fn own(s: &State, actor: &Actor, id: &SubscriptionId) -> Result<usize, DomainError> {
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
pub(super) fn own_active(
    s: &State,
    actor: &Actor,
    id: &SubscriptionId,
) -> Result<usize, DomainError> {
    active(s, own(s, actor, id)?)
}

/// The subscription at `i`, if it is Active.
fn active(s: &State, i: usize) -> Result<usize, DomainError> {
    match s.subscriptions[i].status {
        Status::Active => Ok(i),
        other => Err(DomainError::NotActive(other)),
    }
}

pub(super) fn entry(
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

pub(super) fn signed_in_verdict(
    s: &State,
    actor: &Actor,
    product: &Product,
) -> Result<Verdict, DomainError> {
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

pub(super) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub(super) fn reason_text(reason: String) -> Result<String, DomainError> {
    let reason = reason.trim().to_owned();
    if reason.is_empty() {
        Err(DomainError::ReasonMissing)
    } else {
        Ok(reason)
    }
}

/// A self-service subscription its purchaser manages. Admins have a read-only view of it
/// (users' page: "Your admin has a read-only view into any subscriptions that you buy"); what
/// they may do is take it over (`admin_target`).
pub(super) fn purchasers(
    s: &State,
    actor: &Actor,
    id: &SubscriptionId,
) -> Result<usize, DomainError> {
    if !s.subscriptions[sub_index(s, id)?].is_self_service() {
        return Err(DomainError::NotSelfServicePurchase);
    }
    own(s, actor, id)
}

/// One's own self-service subscription (a trial too), while it is Active: what recurring
/// billing, a trial's extension and buying from a trial start from.
pub(super) fn purchasers_active(
    s: &State,
    actor: &Actor,
    id: &SubscriptionId,
) -> Result<usize, DomainError> {
    active(s, purchasers(s, actor, id)?)
}

/// An active self-service subscription an admin of its tenant may take over.
pub(super) fn admin_target(
    s: &State,
    actor: &Actor,
    id: &SubscriptionId,
) -> Result<usize, DomainError> {
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

pub(super) fn notify(s: &mut State, ctx: &Ctx, sub: usize, kind: NotificationKind) {
    notify_at(s, ctx.now, sub, kind);
}

/// Tells the subscription's purchaser (central subscriptions have none to tell).
pub(super) fn notify_at(s: &mut State, at: DateTime<Utc>, sub: usize, kind: NotificationKind) {
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

//! Licenses of a subscription: the total, and who is assigned one.

use super::command::{Ctx, Event, MAX_ASSIGN_AT_ONCE};
use super::error::{AssignRefusal, DomainError};
use super::guards::{count, entry, own_active, Applied};

use super::ledger::{charge, refund, Line};
use crate::domain::authz::Actor;
use crate::domain::directory::{AccountKind, TenantId, UserId};
use crate::domain::subscription::{Channel, OrderKind, Quantity, State, SubscriptionId};
use crate::domain::views::{license_change, LicenseChange};
use std::sync::Arc;

pub(super) fn change_licenses(
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
    if sub.past_due.is_some() {
        return Err(DomainError::PaymentPastDue);
    }
    let card = sub.card.clone().ok_or(DomainError::NoCard)?;
    let line = Line {
        subscription: id,
        billed_to: &actor.user,
        card: &card,
        period: (ctx.today(), sub.term_end),
    };
    let (old, new) = (sub.licenses.get(), total.get());
    let change = license_change(s, sub, total, ctx.today())?;
    let (kind, amount) = match change {
        LicenseChange::Unchanged => return Err(DomainError::Unchanged),
        LicenseChange::BelowAssigned { assigned, .. } => {
            return Err(DomainError::BelowAssigned { assigned })
        }
        LicenseChange::NeedsRecurringBilling => {
            return Err(DomainError::RemoveNeedsRecurringBilling)
        }
        LicenseChange::Add { charge: amount, .. } => {
            charge(s, ctx.now, &line, amount)?;
            (Some(OrderKind::LicensesAdded), Some(amount))
        }
        LicenseChange::Remove { refund: amount, .. } => {
            if refund(s, ctx.now, &line, amount).is_some() {
                Arc::make_mut(&mut s.subscriptions[i]).history.push(entry(
                    &ctx,
                    OrderKind::Refunded,
                    &actor.user,
                    new,
                    Some(amount),
                ));
            }
            (Some(OrderKind::LicensesRemoved), None)
        }
        LicenseChange::AtRenewal { .. } => (Some(OrderKind::LicensesRemovalScheduled), None),
        // Nothing was ordered: the audit log keeps the dropped reduction.
        LicenseChange::KeepAtRenewal { .. } => (None, None),
    };
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    // Licenses change now, or the renewal's total does; a change now drops any reduction
    // that waited for the renewal.
    let at_renewal = match change {
        LicenseChange::AtRenewal { .. } => Some(total),
        _ => None,
    };
    if at_renewal.is_none() {
        sub.licenses = total;
    }
    sub.licenses_at_renewal = at_renewal;
    if let Some(kind) = kind {
        sub.history
            .push(entry(&ctx, kind, &actor.user, new, amount));
    }
    let detail = match change {
        LicenseChange::AtRenewal { on, .. } => format!("{old} → {new} ({on})"),
        _ => format!("{old} → {new}"),
    };
    Ok(Applied::new(
        vec![Event::LicensesChanged {
            subscription: id.clone(),
            total: new,
            charged: amount,
            at_renewal: at_renewal.is_some(),
        }],
        id.0.clone(),
        detail,
    ))
}

/// Checks every person once; all or none get a license.
pub(super) fn check_assignees(
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

pub(super) fn assign(
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
    let detail = users.len().to_string();
    Ok(Applied::new(
        vec![Event::Assigned {
            subscription: id.clone(),
            users,
        }],
        id.0.clone(),
        detail,
    ))
}

pub(super) fn unassign(
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
    Ok(Applied::new(
        vec![Event::Unassigned {
            subscription: id.clone(),
            user,
        }],
        id.0.clone(),
        detail,
    ))
}

//! Licenses of a subscription: the total, and who is assigned one.

use super::{
    count, entry, own_active, Applied, AssignRefusal, Ctx, DomainError, Event, MAX_ASSIGN_AT_ONCE,
};

use crate::domain::authz::Actor;
use crate::domain::card::Decline;
use crate::domain::directory::{AccountKind, TenantId, UserId};
use crate::domain::subscription::{
    Bill, BillId, BillStatus, Channel, OrderKind, Quantity, State, SubscriptionId,
};
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
    let (old, new) = (sub.licenses.get(), total.get());
    let charged = match license_change(sub, total)? {
        LicenseChange::Unchanged => return Err(DomainError::Unchanged),
        LicenseChange::BelowAssigned { assigned, .. } => {
            return Err(DomainError::BelowAssigned { assigned })
        }
        LicenseChange::Remove { .. } => None,
        LicenseChange::Add { charge, .. } => {
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
                amount: charge,
                status: BillStatus::Paid,
            });
            Some(charge)
        }
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
    Ok(Applied::new(
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
    let detail = format!("{} people", users.len());
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

//! Admins' commands: the policy, taking over self-service subscriptions, accounts.

use super::command::{Ctx, Event};
use super::error::DomainError;
use super::guards::{
    admin_target, count, entry, notify, product, reason_text, sub_index, unit_price, Applied,
};
use super::licenses::check_assignees;
use super::lifecycle::refund_rest_of_term;
use crate::domain::authz::{may, Action, Actor, Denied, Subject};
use crate::domain::catalog::{PriceKind, ProductId};
use crate::domain::commands::Explanation;
use crate::domain::directory::{AccountStatus, UserId};
use crate::domain::money::MoneyError;
use crate::domain::policy::{PolicyTarget, PolicyValue};
use crate::domain::subscription::{
    BillStatus, Channel, EndReason, NotificationKind, OrderKind, Quantity, State, Status,
    Subscription, SubscriptionId,
};
use crate::domain::views::{move_plan, MovePlan};
use std::sync::Arc;

/// Sets a Microsoft product's or an offer type's value; a third-party offer's own ID is
/// refused (its offer type carries the policy), and so is "trials only" for an offer type.
pub(super) fn set_policy(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    target: PolicyTarget,
    value: PolicyValue,
    by: Action,
) -> Result<Applied, DomainError> {
    may(&s.directory, actor, by, Subject::Tenant(&actor.tenant))?;
    let name = match &target {
        PolicyTarget::Product(id) => {
            let p = product(&ctx, id)?;
            if let Some(offer_type) = p.offer_type {
                return Err(DomainError::PolicyOnOfferType {
                    product: p.name.clone(),
                    offer_type,
                });
            }
            p.name.clone()
        }
        PolicyTarget::OfferType(t) => t.name().to_owned(),
    };
    let old = s.policies.value(&actor.tenant, &target);
    s.policies
        .set_value(&actor.tenant, &target, value)
        .map_err(|_| DomainError::OfferTypeValue(value))?;
    let detail = format!("{name}: {old} → {value}");
    Ok(Applied::new(
        vec![Event::PolicySet {
            target: target.clone(),
            value,
        }],
        target.to_string(),
        detail,
    ))
}

pub(super) fn take_over_move(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
    to: &SubscriptionId,
) -> Result<Applied, DomainError> {
    let i = admin_target(s, actor, id)?;
    let t = sub_index(s, to)?;
    let (source, target) = (&s.subscriptions[i], &s.subscriptions[t]);
    match move_plan(source, target) {
        MovePlan::Unsuitable => return Err(DomainError::UnsuitableTarget),
        MovePlan::Shortfall { needed, available } => {
            return Err(DomainError::Shortfall { needed, available })
        }
        MovePlan::Fits { .. } => {}
    }
    let moving: Vec<UserId> = source
        .assigned
        .iter()
        .filter(|u| !target.assigned.contains(u))
        .cloned()
        .collect();
    Arc::make_mut(&mut s.subscriptions[t])
        .assigned
        .extend(moving.iter().cloned());
    end_by_admin(s, &ctx, i, &actor.user)?;
    let source = Arc::make_mut(&mut s.subscriptions[i]);
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
    let detail = format!("{} → {to}", moving.len());
    Ok(Applied::new(
        vec![Event::TakenOver {
            subscription: id.clone(),
            moved_to: Some(to.clone()),
        }],
        id.0.clone(),
        detail,
    ))
}

/// A take-over deletes the subscription at once (admins' doc: "its status becomes
/// Deleted"); the purchaser gets back the unused rest of the term.
/// A renewal still past due is voided: it will not be collected.
fn end_by_admin(s: &mut State, ctx: &Ctx, i: usize, by: &UserId) -> Result<(), DomainError> {
    refund_rest_of_term(s, ctx, i, by)?;
    if let Some(due) = s.subscriptions[i].past_due.clone() {
        if let Some(b) = s.bills.iter_mut().find(|b| b.id == due.bill) {
            b.status = BillStatus::Void;
        }
    }
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    sub.assigned.clear();
    sub.status = Status::Deleted;
    sub.status_since = Some(ctx.today());
    sub.end_reason = Some(EndReason::TakenOver);
    sub.stop_renewing();
    sub.past_due = None;
    Ok(())
}

pub(super) fn take_over_cancel(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
    reason: String,
) -> Result<Applied, DomainError> {
    let i = admin_target(s, actor, id)?;
    let reason = reason_text(reason)?;
    end_by_admin(s, &ctx, i, &actor.user)?;
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
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
    Ok(Applied::new(
        vec![Event::TakenOver {
            subscription: id.clone(),
            moved_to: None,
        }],
        id.0.clone(),
        reason.clone(),
    )
    .said(Explanation::new("audit.detail.reason").chosen("reason", &reason)))
}

pub(super) fn buy_central(
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
                status_since: None,
                end_reason: None,
                past_due: None,
                trial_extended: false,
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
                licenses_at_renewal: None,
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
        "{} × {} @ {price} → {}",
        licenses.get(),
        product.name,
        assign.len()
    );
    Ok(Applied::new(
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
    Ok(Applied::new(
        vec![Event::CancelRequested {
            subscription: id.clone(),
        }],
        id.0.clone(),
        format!("→ {central}"),
    ))
}

/// Centralizing a purchaser's subscription: the central purchase for the people it serves,
/// and the request to its purchaser to cancel, all or nothing.
pub(super) fn centralize(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
) -> Result<Applied, DomainError> {
    let i = admin_target(s, actor, id)?;
    let source = &s.subscriptions[i];
    let (product, people) = (source.product.clone(), source.assigned.clone());
    let licenses =
        Quantity::try_from(count(people.len())).map_err(|_| DomainError::NothingSelected)?;
    let bought = buy_central(s, ctx, actor, &product, licenses, None, people)?;
    let central = bought
        .events
        .iter()
        .find_map(|e| match e {
            Event::CentralBought { subscription, .. } => Some(subscription.clone()),
            _ => None,
        })
        .ok_or(DomainError::UnsuitableTarget)?;
    let requested = request_cancel(s, ctx, actor, id, &central)?;
    Ok(Applied {
        events: [bought.events, requested.events].concat(),
        subject: id.0.clone(),
        detail: format!("{}; {}", bought.detail, requested.detail),
        why: None,
    })
}

pub(super) fn set_account_status(
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
    let said = Explanation::new("audit.detail.account_status")
        .text("user", &user.display_name)
        .key("status", status.message_key());
    Ok(Applied::new(
        vec![Event::AccountStatusSet {
            user: id.clone(),
            status,
        }],
        id.0.clone(),
        detail,
    )
    .said(said))
}

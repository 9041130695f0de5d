//! The purchaser's lifecycle commands: cancel inside the window, recurring billing off and
//! on, reactivation, a trial's extension, and buying from a trial.

use super::command::{Ctx, Event};
use super::error::DomainError;
use super::guards::{
    entry, notify, own_active, purchasers, purchasers_active, reason_text, signed_in_verdict,
    Applied,
};
use super::ledger::{charge, refund, Line};
use crate::domain::authz::Actor;
use crate::domain::explanation::Explanation;
use crate::domain::lifecycle::{
    self, in_cancellation_window, may_extend_trial, prorated_refund, reactivated_term,
    window_closes, TRIAL_EXTENSION_DAYS,
};
use crate::domain::money::Money;
use crate::domain::subscription::{
    Channel, EndReason, NotificationKind, OrderKind, State, Status, SubscriptionId,
};
use chrono::Duration;
use std::sync::Arc;

/// Gives back the unused rest of the term's paid licenses (prorated, never more than was
/// paid) and writes it in the order history; returns the amount.
pub(super) fn refund_rest_of_term(
    s: &mut State,
    ctx: &Ctx,
    i: usize,
    by: &crate::domain::directory::UserId,
) -> Result<Money, DomainError> {
    let sub = &s.subscriptions[i];
    let zero = Money::zero(sub.unit_price.currency());
    let (Some(card), Some(purchaser)) = (sub.card.clone(), sub.purchaser.clone()) else {
        return Ok(zero);
    };
    if !sub.is_paid_self_service() || sub.past_due.is_some() {
        return Ok(zero);
    }
    let amount = prorated_refund(s, sub, sub.licenses.get(), ctx.today())?;
    let (id, end, licenses) = (sub.id.clone(), sub.term_end, sub.licenses.get());
    let line = Line {
        subscription: &id,
        billed_to: &purchaser,
        card: &card,
        period: (ctx.today(), end),
    };
    if let Some(bill) = refund(s, ctx.now, &line, amount) {
        Arc::make_mut(&mut s.subscriptions[i]).history.push(entry(
            ctx,
            OrderKind::Refunded,
            by,
            licenses,
            Some(amount),
        ));
        notify(s, ctx, i, NotificationKind::Refunded { bill, amount });
    }
    Ok(amount)
}

pub(super) fn cancel(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
    reason: String,
) -> Result<Applied, DomainError> {
    let i = own_active(s, actor, id)?;
    let sub = &s.subscriptions[i];
    if let Channel::Trial {
        with_payment_method,
    } = sub.channel
    {
        return Err(DomainError::TrialNotCanceled {
            with_payment_method,
        });
    }
    if sub.past_due.is_some() {
        return Err(DomainError::PaymentPastDue);
    }
    if !in_cancellation_window(sub, ctx.today()) {
        return Err(DomainError::CancellationWindowClosed {
            closed_on: window_closes(sub),
            expires: sub.term_end,
        });
    }
    let reason = reason_text(reason)?;
    let amount = refund_rest_of_term(s, &ctx, i, &actor.user)?;
    let today = ctx.today();
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    // Canceled inside the window, a monthly subscription skips Expired: users lose access
    // today (what-if-my-subscription-expires).
    sub.status = Status::Disabled;
    sub.status_since = Some(today);
    sub.end_reason = Some(EndReason::Canceled);
    sub.stop_renewing();
    sub.history.push(entry(
        &ctx,
        OrderKind::Canceled,
        &actor.user,
        sub.licenses.get(),
        None,
    ));
    sub.cancel_reason = Some(reason.clone());
    let deleted_on = today + Duration::days(lifecycle::DISABLED_DAYS);
    notify(s, &ctx, i, NotificationKind::Disabled { deleted_on });
    Ok(Applied::new(
        vec![Event::Canceled {
            subscription: id.clone(),
            refund: amount,
        }],
        id.0.clone(),
        format!("{reason} (refund {amount})"),
    )
    .said(
        Explanation::new("audit.detail.cancel_refund")
            .chosen("reason", &reason)
            .money("refund", amount),
    ))
}

pub(super) fn set_recurring_billing(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
    on: bool,
) -> Result<Applied, DomainError> {
    // Only an active subscription's setting changes (renew-your-subscription).
    let i = purchasers_active(s, actor, id)?;
    let sub = &s.subscriptions[i];
    if sub.past_due.is_some() {
        return Err(DomainError::PaymentPastDue);
    }
    if sub.auto_renew == on {
        return Err(DomainError::Unchanged);
    }
    if on && sub.card.is_none() {
        // A trial without a payment method has nothing to bill.
        return Err(DomainError::NoCard);
    }
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    if on {
        sub.auto_renew = true;
    } else {
        sub.stop_renewing();
    }
    let kind = if on {
        OrderKind::RecurringBillingOn
    } else {
        OrderKind::RecurringBillingOff
    };
    sub.history
        .push(entry(&ctx, kind, &actor.user, sub.licenses.get(), None));
    // The day it renews (on) or expires (off): the action names which.
    let detail = sub.term_end.to_string();
    Ok(Applied::new(
        vec![Event::RecurringBillingSet {
            subscription: id.clone(),
            on,
        }],
        id.0.clone(),
        detail,
    ))
}

pub(super) fn reactivate(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
) -> Result<Applied, DomainError> {
    let i = purchasers(s, actor, id)?;
    let sub = &s.subscriptions[i];
    if !matches!(sub.status, Status::Expired | Status::Disabled) {
        return Err(DomainError::CannotReactivate(sub.status));
    }
    // A new term, paid now: a declined card refuses the reactivation and changes nothing.
    let (bill, amount, end) =
        paid_month_from_today(s, &ctx, &actor.user, i, OrderKind::Reactivated)?;
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    sub.status = Status::Active;
    sub.status_since = None;
    sub.end_reason = None;
    sub.cancel_reason = None;
    Ok(Applied::new(
        vec![Event::Reactivated {
            subscription: id.clone(),
            bill,
        }],
        id.0.clone(),
        format!("{amount} → {end}"),
    ))
}

pub(super) fn extend_trial(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
) -> Result<Applied, DomainError> {
    let i = purchasers_active(s, actor, id)?;
    let sub = &s.subscriptions[i];
    if sub.past_due.is_some() {
        return Err(DomainError::PaymentPastDue);
    }
    if !may_extend_trial(sub, ctx.today()) {
        return Err(DomainError::TrialNotExtendable);
    }
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    sub.term_end += Duration::days(TRIAL_EXTENSION_DAYS);
    sub.trial_extended = true;
    let until = sub.term_end;
    sub.history.push(entry(
        &ctx,
        OrderKind::TrialExtended,
        &actor.user,
        sub.licenses.get(),
        None,
    ));
    Ok(Applied::new(
        vec![Event::TrialExtended {
            subscription: id.clone(),
            until,
        }],
        id.0.clone(),
        format!("→ {until}"),
    ))
}

/// Buys the product from an active card trial before it ends ("Buy the same plan as your
/// trial": the data, accounts and configuration stay): a paid month starts today on the
/// card on file, with the trial's licenses and people. Refused while the policy does not
/// allow a purchase, for a trial without a card (it is bought at checkout), and while a
/// conversion waits for its payment; a declined card changes nothing.
pub(super) fn purchase_from_trial(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &SubscriptionId,
) -> Result<Applied, DomainError> {
    let i = purchasers_active(s, actor, id)?;
    let sub = &s.subscriptions[i];
    if !sub.is_trial() || sub.past_due.is_some() {
        return Err(DomainError::NotATrialToBuy);
    }
    let product = ctx
        .catalog
        .product(&sub.product)
        .ok_or_else(|| DomainError::UnknownProduct(sub.product.clone()))?;
    let verdict = signed_in_verdict(s, actor, product)?;
    if !verdict.may_purchase() {
        return Err(DomainError::Ineligible(verdict));
    }
    let (bill, amount, end) =
        paid_month_from_today(s, &ctx, &actor.user, i, OrderKind::ConvertedFromTrial)?;
    Ok(Applied::new(
        vec![Event::TrialConverted {
            subscription: id.clone(),
            bill,
        }],
        id.0.clone(),
        format!("{amount} → {end}"),
    ))
}

/// Charges the card on file for a month of the subscription from today and starts that
/// term: self-service, recurring billing on, the order history told (`kind`). A declined
/// card refuses and changes nothing. Returns the bill, the amount and the term's end.
fn paid_month_from_today(
    s: &mut State,
    ctx: &Ctx,
    by: &crate::domain::directory::UserId,
    i: usize,
    kind: OrderKind,
) -> Result<
    (
        crate::domain::subscription::BillId,
        Money,
        chrono::NaiveDate,
    ),
    DomainError,
> {
    let sub = &s.subscriptions[i];
    let card = sub.card.clone().ok_or(DomainError::NoCard)?;
    let purchaser = sub
        .purchaser
        .clone()
        .ok_or(DomainError::NotSelfServicePurchase)?;
    let (id, amount) = (sub.id.clone(), sub.term_amount());
    let (start, end) = reactivated_term(ctx.today());
    let line = Line {
        subscription: &id,
        billed_to: &purchaser,
        card: &card,
        period: (start, end),
    };
    let bill = charge(s, ctx.now, &line, amount)?;
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    sub.channel = Channel::SelfService;
    sub.auto_renew = true;
    sub.term_start = start;
    sub.term_end = end;
    sub.history
        .push(entry(ctx, kind, by, sub.licenses.get(), Some(amount)));
    Ok((bill, amount, end))
}

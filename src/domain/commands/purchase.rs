//! Buying and trying: a purchase with a card, a trial with or without one.

use super::command::{Ctx, Event};
use super::error::DomainError;
use super::guards::{entry, product, signed_in_verdict, unit_price, Applied};
use super::ledger::{charged, Line};
use crate::domain::authz::Actor;
use crate::domain::card::{authorize, CardId, PaymentCard};
use crate::domain::catalog::{PriceKind, ProductId};
use crate::domain::eligibility::TrialKind;
use crate::domain::subscription::{
    one_month_after, Channel, OrderKind, Quantity, State, Status, Subscription, SubscriptionId,
};
use crate::domain::views::order_total;
use std::sync::Arc;

pub(super) fn purchase(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &ProductId,
    licenses: Quantity,
    card: &PaymentCard,
    assign_to_me: bool,
) -> Result<Applied, DomainError> {
    let product = product(&ctx, id)?;
    let verdict = signed_in_verdict(s, actor, product)?;
    if !verdict.may_purchase() {
        return Err(DomainError::Ineligible(verdict));
    }
    let price = unit_price(s, &ctx, &actor.tenant, id, PriceKind::SelfService)?;
    let amount = order_total(price, licenses)?;
    authorize(card).map_err(DomainError::Declined)?;
    let card_id = CardId(s.next_id("card"));
    s.cards
        .push(card.to_stored(card_id.clone(), actor.user.clone()));
    let sub_id = SubscriptionId(s.next_id("sub"));
    let today = ctx.today();
    let term_end = one_month_after(today);
    let bill_id = charged(
        s,
        ctx.now,
        &Line {
            subscription: &sub_id,
            billed_to: &actor.user,
            card: &card_id,
            period: (today, term_end),
        },
        amount,
    );
    s.subscriptions.push(Arc::new(Subscription {
        id: sub_id.clone(),
        product: id.clone(),
        tenant: actor.tenant.clone(),
        purchaser: Some(actor.user.clone()),
        channel: Channel::SelfService,
        licenses,
        assigned: buyer(actor, assign_to_me),
        status: Status::Active,
        term_start: today,
        term_end,
        auto_renew: true,
        status_since: None,
        end_reason: None,
        past_due: None,
        trial_extended: false,
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
        licenses_at_renewal: None,
    }));
    let detail = format!("{} × {} = {amount}", licenses.get(), product.name);
    Ok(Applied::new(
        vec![Event::Purchased {
            subscription: sub_id.clone(),
            bill: bill_id,
            amount,
        }],
        sub_id.0,
        detail,
    ))
}

pub(super) fn start_trial(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &ProductId,
    licenses: Quantity,
    card: Option<&PaymentCard>,
    assign_to_me: bool,
) -> Result<Applied, DomainError> {
    let product = product(&ctx, id)?;
    let kind = if card.is_some() {
        TrialKind::WithPaymentMethod
    } else {
        TrialKind::WithoutPaymentMethod
    };
    if !product.offers_trial(kind) {
        return Err(DomainError::NoSuchTrial {
            offered: product.trial,
        });
    }
    let verdict = signed_in_verdict(s, actor, product)?;
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
        assigned: buyer(actor, assign_to_me),
        status: Status::Active,
        term_start: today,
        term_end: one_month_after(today),
        // Only a trial with a payment method turns into a paid subscription.
        auto_renew: card_id.is_some(),
        status_since: None,
        end_reason: None,
        past_due: None,
        trial_extended: false,
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
        licenses_at_renewal: None,
    }));
    let detail = match card {
        Some(card) => format!(
            "{} · {} •••• {}",
            product.name,
            card.number.brand().name(),
            card.number.last4()
        ),
        None => product.name.clone(),
    };
    Ok(Applied::new(
        vec![Event::TrialStarted {
            subscription: sub_id.clone(),
        }],
        sub_id.0,
        detail,
    ))
}

/// The buyer's own license, unless they untick it: a signed-in buyer is an active member of
/// the tenant, so they may hold one.
fn buyer(actor: &Actor, assign_to_me: bool) -> Vec<crate::domain::directory::UserId> {
    if assign_to_me {
        vec![actor.user.clone()]
    } else {
        Vec::new()
    }
}

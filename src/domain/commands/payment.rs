//! Paying: bills, the card on file, and the purchaser's own cancellation.

use super::{entry, own_active, reason_text, Applied, Ctx, DomainError, Event};
use crate::domain::authz::{may, Action, Actor, Denied, Subject};
use crate::domain::card::{authorize, CardError, CardId, Decline, Expiry, PaymentCard};
use crate::domain::subscription::{BillId, BillStatus, OrderKind, State, Status, SubscriptionId};
use std::sync::Arc;

pub(super) fn pay_bill(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &BillId,
) -> Result<Applied, DomainError> {
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
    Ok(Applied::new(
        vec![Event::BillPaid { bill: id.clone() }],
        id.0.clone(),
        detail,
    ))
}

pub(super) fn update_card(
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
    Ok(Applied::new(
        vec![Event::CardUpdated { card: id.clone() }],
        id.0.clone(),
        detail,
    ))
}

pub(super) fn replace_card(
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
    Ok(Applied::new(
        vec![Event::CardReplaced {
            subscription: id.clone(),
            card: card_id,
        }],
        id.0.clone(),
        detail,
    ))
}

pub(super) fn cancel(
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
    Ok(Applied::new(
        vec![Event::Canceled {
            subscription: id.clone(),
        }],
        id.0.clone(),
        reason,
    ))
}

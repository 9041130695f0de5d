//! Paying: past-due bills and the card on file.

use super::clock::renewal_paid;
use super::command::{Ctx, Event};
use super::error::DomainError;
use super::guards::{own, Applied};
use super::ledger::collect;
use crate::domain::authz::{Actor, Denied};
use crate::domain::card::{authorize, BillingAddress, CardError, CardId, Expiry, PaymentCard};
use crate::domain::subscription::{BillId, BillStatus, State, Status, SubscriptionId};
use std::sync::Arc;

/// Pays a past-due bill with the card on file; a paid renewal starts its new term.
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
    // A bill stays payable whatever became of its subscription: the purchaser owes it.
    let i = own(s, actor, &s.bills[b].subscription.clone())?;
    let sub = &s.subscriptions[i];
    match s.bills[b].status {
        BillStatus::PastDue => {}
        BillStatus::Paid => return Err(DomainError::BillAlreadyPaid),
        // The renewal it was for never happened: there is nothing to pay.
        BillStatus::Void => return Err(DomainError::NotActive(sub.status)),
    }
    let card = sub.card.clone().ok_or(DomainError::NoCard)?;
    let renews = sub.past_due.as_ref().is_some_and(|d| &d.bill == id);
    collect(s, ctx.now, id, &card)?;
    if renews {
        let amount = s.bills[b].amount;
        renewal_paid(s, ctx.now, i, amount);
    }
    let detail = s.bills[b].amount.to_string();
    Ok(Applied::new(
        vec![Event::BillPaid { bill: id.clone() }],
        id.0.clone(),
        detail,
    ))
}

/// What the Edit pane sends.
pub(crate) struct CardEdit {
    pub expiry: Expiry,
    pub holder: String,
    pub code: String,
    pub address: Option<BillingAddress>,
}

pub(super) fn update_card(
    s: &mut State,
    ctx: Ctx,
    actor: &Actor,
    id: &CardId,
    edit: CardEdit,
) -> Result<Applied, DomainError> {
    let CardEdit {
        expiry,
        holder,
        code,
        address,
    } = edit;
    let code = code.as_str();
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
    if address.is_some() {
        card.address = address;
    }
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
    let i = own_subscription(s, actor, id)?;
    authorize(card).map_err(DomainError::Declined)?;
    let card_id = CardId(s.next_id("card"));
    // A new card without an address keeps the billing address the old one had.
    let kept = s.subscriptions[i]
        .card
        .as_ref()
        .and_then(|c| s.card(c))
        .and_then(|c| c.address.clone());
    let mut stored = card.to_stored(card_id.clone(), actor.user.clone());
    stored.address = stored.address.or(kept);
    s.cards.push(stored);
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

/// The purchaser's own subscription, while it can still be paid for: a card is replaced
/// to reactivate an Expired or Disabled one too, never a Deleted one.
fn own_subscription(s: &State, actor: &Actor, id: &SubscriptionId) -> Result<usize, DomainError> {
    let i = own(s, actor, id)?;
    match s.subscriptions[i].status {
        Status::Deleted => Err(DomainError::NotActive(Status::Deleted)),
        _ => Ok(i),
    }
}

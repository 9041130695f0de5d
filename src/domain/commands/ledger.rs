//! Money moves here only: a bill line and the processor's record of it are written
//! together, so the purchaser's bills and what the processor took always agree.

use super::error::DomainError;
use crate::domain::card::{charge_stored, CardId, Decline};
use crate::domain::directory::UserId;
use crate::domain::money::Money;
use crate::domain::subscription::{
    Bill, BillId, BillKind, BillStatus, Payment, PaymentKind, State, SubscriptionId,
};
use chrono::{DateTime, NaiveDate, Utc};

/// Who pays, with which card, for which period.
pub(super) struct Line<'a> {
    pub subscription: &'a SubscriptionId,
    pub billed_to: &'a UserId,
    pub card: &'a CardId,
    pub period: (NaiveDate, NaiveDate),
}

fn push_bill(
    s: &mut State,
    at: DateTime<Utc>,
    line: &Line,
    amount: Money,
    status: BillStatus,
    kind: BillKind,
) -> BillId {
    let id = BillId(s.next_id("bill"));
    s.bills.push(Bill {
        id: id.clone(),
        subscription: line.subscription.clone(),
        billed_to: line.billed_to.clone(),
        period_start: line.period.0,
        period_end: line.period.1,
        issued: at.date_naive(),
        amount,
        status,
        kind,
    });
    id
}

fn record(
    s: &mut State,
    at: DateTime<Utc>,
    bill: &BillId,
    card: &CardId,
    amount: Money,
    kind: PaymentKind,
) {
    s.payments.push(Payment {
        bill: bill.clone(),
        card: card.clone(),
        at,
        amount,
        kind,
    });
}

/// Whether the processor takes a charge on the stored card today.
pub(super) fn try_card(s: &State, at: DateTime<Utc>, card: &CardId) -> Result<(), DomainError> {
    let stored = s.card(card).ok_or(DomainError::NoCard)?;
    charge_stored(stored, at.date_naive()).map_err(DomainError::Declined)
}

/// Charges a card the processor has just authorized (at checkout): a Paid line.
pub(super) fn charged(s: &mut State, at: DateTime<Utc>, line: &Line, amount: Money) -> BillId {
    let bill = push_bill(s, at, line, amount, BillStatus::Paid, BillKind::Charge);
    record(s, at, &bill, line.card, amount, PaymentKind::Charge);
    bill
}

/// Charges the card on file: a Paid line, or the decline and nothing written.
pub(super) fn charge(
    s: &mut State,
    at: DateTime<Utc>,
    line: &Line,
    amount: Money,
) -> Result<BillId, DomainError> {
    try_card(s, at, line.card)?;
    Ok(charged(s, at, line, amount))
}

/// Charges the card on file where a decline is an outcome, not a refusal (the clock's
/// renewals): a Paid line, or a PastDue one with the decline.
pub(super) fn charge_or_past_due(
    s: &mut State,
    at: DateTime<Utc>,
    line: &Line,
    amount: Money,
) -> (BillId, Option<Decline>) {
    match try_card(s, at, line.card) {
        Ok(()) => (charged(s, at, line, amount), None),
        Err(e) => {
            let decline = match e {
                DomainError::Declined(d) => d,
                _ => Decline::Declined,
            };
            let bill = push_bill(s, at, line, amount, BillStatus::PastDue, BillKind::Charge);
            (bill, Some(decline))
        }
    }
}

/// Collects a past-due line now: Paid, with the processor's record.
pub(super) fn collect(
    s: &mut State,
    at: DateTime<Utc>,
    bill: &BillId,
    card: &CardId,
) -> Result<(), DomainError> {
    try_card(s, at, card)?;
    let b = s
        .bills
        .iter()
        .position(|b| &b.id == bill)
        .ok_or_else(|| DomainError::UnknownBill(bill.clone()))?;
    s.bills[b].status = BillStatus::Paid;
    let amount = s.bills[b].amount;
    record(s, at, bill, card, amount, PaymentKind::Charge);
    Ok(())
}

/// Gives `amount` back to the card: a Refund line (none for nothing).
pub(super) fn refund(
    s: &mut State,
    at: DateTime<Utc>,
    line: &Line,
    amount: Money,
) -> Option<BillId> {
    if amount.minor() <= 0 {
        return None;
    }
    let bill = push_bill(s, at, line, amount, BillStatus::Paid, BillKind::Refund);
    record(s, at, &bill, line.card, amount, PaymentKind::Refund);
    Some(bill)
}

//! What the passing of time does: renewals, trial ends, bills and notices.

use super::Event;
use crate::domain::directory::UserId;
use crate::domain::subscription::{
    one_month_after, AuditEvent, AuditOutcome, Bill, BillId, BillStatus, Channel, Notification,
    NotificationKind, OrderEntry, OrderKind, State, Status,
};
use chrono::{DateTime, Utc};
use std::sync::Arc;

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
                submission: None,
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

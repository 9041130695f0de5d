//! What the passing of time does: each subscription takes the steps `lifecycle::upcoming`
//! names, in date order, up to today — renewals charged, declines retried, trials
//! converted or expired, Expired → Disabled → Deleted — with its notices and audit events.

use super::command::Event;
use super::guards::notify_at;
use super::ledger::{charge_or_past_due, collect, Line};
use crate::domain::directory::UserId;
use crate::domain::lifecycle::{
    retry_on, upcoming, Upcoming, DISABLED_DAYS, EXPIRED_DAYS, NOTICE_DAYS,
};
use crate::domain::money::Money;
use crate::domain::subscription::{
    one_month_after, AuditEvent, AuditOutcome, BillStatus, Channel, EndReason, NotificationKind,
    OrderEntry, OrderKind, PastDue, State, Status,
};
use chrono::{DateTime, Duration, Months, NaiveDate, NaiveTime, Utc};
use std::sync::Arc;

/// Moves the clock to `now`. Infallible: the system is the actor, and a declined card is
/// an outcome (a past-due bill), not a refusal.
pub fn advance(state: &State, now: DateTime<Utc>) -> (State, Vec<Event>) {
    let mut s = state.clone();
    let today = now.date_naive();
    let mut events = Vec::new();
    for i in 0..s.subscriptions.len() {
        // Every step moves a date forward, so this ends; the bound only guards bad data.
        for _ in 0..1_000 {
            let Some(next) = upcoming(&s.subscriptions[i]) else {
                break;
            };
            if next.on() > today {
                break;
            }
            // A jump past the renewal still gives the week's notice, dated a week ahead.
            notices(
                &mut s,
                moment(next.on() - Duration::days(NOTICE_DAYS), now),
                i,
            );
            let at = moment(next.on(), now);
            step(&mut s, at, i, next, &mut events);
        }
        notices(&mut s, now, i);
    }
    (s, events)
}

/// A transition is dated on its own day (never after the clock).
fn moment(day: NaiveDate, now: DateTime<Utc>) -> DateTime<Utc> {
    let at = day
        .and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default())
        .and_utc();
    at.min(now)
}

fn step(s: &mut State, at: DateTime<Utc>, i: usize, next: Upcoming, events: &mut Vec<Event>) {
    let id = s.subscriptions[i].id.clone();
    match next {
        Upcoming::Renew { on, amount } | Upcoming::ConvertTrial { on, amount } => {
            let sub = &s.subscriptions[i];
            let (Some(card), Some(purchaser)) = (sub.card.clone(), sub.purchaser.clone()) else {
                // Nothing to charge: it cannot renew, so it ends.
                expire(s, at, i, on, EndReason::PaymentFailed, events);
                return;
            };
            reduce_at_renewal(s, at, i);
            let end = one_month_after(on);
            let line = Line {
                subscription: &id,
                billed_to: &purchaser,
                card: &card,
                period: (on, end),
            };
            match charge_or_past_due(s, at, &line, amount) {
                (bill, None) => {
                    renewal_paid(s, at, i, amount);
                    let converted = matches!(next, Upcoming::ConvertTrial { .. });
                    log(
                        s,
                        at,
                        i,
                        if converted { "convert_trial" } else { "renew" },
                        amount.to_string(),
                    );
                    events.push(if converted {
                        Event::TrialConverted {
                            subscription: id,
                            bill,
                        }
                    } else {
                        Event::Renewed {
                            subscription: id,
                            bill: Some(bill),
                        }
                    });
                }
                (bill, Some(decline)) => {
                    let next_try = retry_on(on, 1);
                    let sub = Arc::make_mut(&mut s.subscriptions[i]);
                    if let Some(next_try) = next_try {
                        sub.past_due = Some(PastDue {
                            bill: bill.clone(),
                            attempts: 1,
                            next_try,
                        });
                    }
                    history(sub, at, OrderKind::PaymentDeclined, None);
                    notify_at(
                        s,
                        at,
                        i,
                        NotificationKind::PaymentFailed {
                            bill: bill.clone(),
                            next_try,
                        },
                    );
                    log(
                        s,
                        at,
                        i,
                        "payment_declined",
                        format!("{amount} ({decline:?})"),
                    );
                    events.push(Event::PaymentDeclined {
                        subscription: id,
                        bill,
                    });
                }
            }
        }
        Upcoming::Retry { on, amount, .. } => {
            let sub = &s.subscriptions[i];
            let (Some(due), Some(card)) = (sub.past_due.clone(), sub.card.clone()) else {
                Arc::make_mut(&mut s.subscriptions[i]).past_due = None;
                return;
            };
            let renewal = sub.term_end;
            if collect(s, at, &due.bill, &card).is_ok() {
                renewal_paid(s, at, i, amount);
                log(s, at, i, "payment_retried", amount.to_string());
                events.push(Event::Renewed {
                    subscription: id,
                    bill: Some(due.bill),
                });
                return;
            }
            match retry_on(renewal, due.attempts + 1) {
                Some(next_try) => {
                    let sub = Arc::make_mut(&mut s.subscriptions[i]);
                    sub.past_due = Some(PastDue {
                        attempts: due.attempts + 1,
                        next_try,
                        ..due.clone()
                    });
                    history(sub, at, OrderKind::PaymentDeclined, None);
                    notify_at(
                        s,
                        at,
                        i,
                        NotificationKind::PaymentFailed {
                            bill: due.bill,
                            next_try: Some(next_try),
                        },
                    );
                    log(
                        s,
                        at,
                        i,
                        "payment_declined",
                        format!("{amount}, try {}", due.attempts + 1),
                    );
                }
                None => {
                    // The last try failed: the renewal did not happen, so its bill is void.
                    if let Some(b) = s.bills.iter_mut().find(|b| b.id == due.bill) {
                        b.status = BillStatus::Void;
                    }
                    Arc::make_mut(&mut s.subscriptions[i]).past_due = None;
                    expire(s, at, i, on, EndReason::PaymentFailed, events);
                }
            }
        }
        Upcoming::RenewCentral { on } => {
            let sub = Arc::make_mut(&mut s.subscriptions[i]);
            let amount = sub.term_amount();
            sub.term_start = on;
            sub.term_end = on.checked_add_months(Months::new(12)).unwrap_or(on);
            history(sub, at, OrderKind::Renewed, Some(amount));
            log(s, at, i, "renew", amount.to_string());
            events.push(Event::Renewed {
                subscription: id,
                bill: None,
            });
        }
        Upcoming::Expire { on } => {
            let reason = if s.subscriptions[i].is_trial() {
                EndReason::TrialOver
            } else {
                EndReason::RecurringBillingOff
            };
            expire(s, at, i, on, reason, events);
        }
        Upcoming::Disable { on } => {
            let sub = Arc::make_mut(&mut s.subscriptions[i]);
            sub.status = Status::Disabled;
            sub.status_since = Some(on);
            history(sub, at, OrderKind::Disabled, None);
            let deleted_on = on + Duration::days(DISABLED_DAYS);
            notify_at(s, at, i, NotificationKind::Disabled { deleted_on });
            log(s, at, i, "disable", format!("→ {deleted_on}"));
            events.push(Event::Disabled { subscription: id });
        }
        Upcoming::Delete { on } => {
            let sub = Arc::make_mut(&mut s.subscriptions[i]);
            sub.status = Status::Deleted;
            sub.status_since = Some(on);
            sub.assigned.clear();
            history(sub, at, OrderKind::Deleted, None);
            log(s, at, i, "delete", String::new());
            events.push(Event::Deleted { subscription: id });
        }
    }
}

/// A reduction asked for after the seven days takes effect as the new term begins, whether
/// or not its charge goes through (the charge is for the new total).
fn reduce_at_renewal(s: &mut State, at: DateTime<Utc>, i: usize) {
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    if sub.licenses_at_renewal.is_none() {
        return;
    }
    let total = sub.renewal_licenses();
    sub.licenses_at_renewal = None;
    if total != sub.licenses {
        sub.licenses = total;
        history(sub, at, OrderKind::LicensesRemoved, None);
    }
}

/// A renewal (or a trial's conversion) was paid: the new term starts where the old ended.
pub(super) fn renewal_paid(s: &mut State, at: DateTime<Utc>, i: usize, amount: Money) {
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    let kind = if sub.is_trial() {
        OrderKind::ConvertedFromTrial
    } else {
        OrderKind::Renewed
    };
    sub.channel = Channel::SelfService;
    sub.term_start = sub.term_end;
    sub.term_end = one_month_after(sub.term_start);
    sub.past_due = None;
    history(sub, at, kind, Some(amount));
}

fn expire(
    s: &mut State,
    at: DateTime<Utc>,
    i: usize,
    on: NaiveDate,
    reason: EndReason,
    events: &mut Vec<Event>,
) {
    let id = s.subscriptions[i].id.clone();
    let sub = Arc::make_mut(&mut s.subscriptions[i]);
    sub.status = Status::Expired;
    sub.status_since = Some(on);
    sub.end_reason = Some(reason);
    sub.stop_renewing();
    history(sub, at, OrderKind::Expired, None);
    let access_ends = on + Duration::days(EXPIRED_DAYS);
    let trial = reason == EndReason::TrialOver;
    notify_at(
        s,
        at,
        i,
        if trial {
            NotificationKind::TrialExpired
        } else {
            NotificationKind::Expired { access_ends }
        },
    );
    log(
        s,
        at,
        i,
        if trial { "expire_trial" } else { "expire" },
        format!("{reason:?}; access until {access_ends}"),
    );
    events.push(if trial {
        Event::TrialExpired { subscription: id }
    } else {
        Event::Expired { subscription: id }
    });
}

/// A week ahead: the renewal that will charge the card, or the trial's end; each once.
fn notices(s: &mut State, at: DateTime<Utc>, i: usize) {
    let today = at.date_naive();
    let sub = &s.subscriptions[i];
    let soon = sub.status == Status::Active
        && sub.past_due.is_none()
        && sub.term_end > today
        && (sub.term_end - today).num_days() <= NOTICE_DAYS;
    if !soon {
        return;
    }
    let kind = match (sub.channel, sub.auto_renew) {
        (Channel::Trial { .. }, _) => NotificationKind::TrialEnding,
        (Channel::SelfService, true) => NotificationKind::RenewalComing { on: sub.term_end },
        _ => return,
    };
    let sent = s
        .notifications
        .iter()
        .any(|n| n.subscription == sub.id && n.kind == kind);
    if !sent {
        notify_at(s, at, i, kind);
    }
}

fn history(
    sub: &mut crate::domain::subscription::Subscription,
    at: DateTime<Utc>,
    kind: OrderKind,
    amount: Option<Money>,
) {
    sub.history.push(OrderEntry {
        at,
        kind,
        by: UserId("system".into()),
        licenses: sub.licenses.get(),
        amount,
    });
}

/// The clock's own audit event: no actor, the subscription's tenant.
fn log(s: &mut State, at: DateTime<Utc>, i: usize, action: &str, detail: String) {
    let sub = &s.subscriptions[i];
    s.audit.push(AuditEvent {
        at,
        actor: None,
        tenant: Some(sub.tenant.clone()),
        action: action.to_owned(),
        subject: sub.id.0.clone(),
        outcome: AuditOutcome::Succeeded,
        detail,
        why: None,
        submission: None,
    });
}

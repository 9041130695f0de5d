//! The lifecycle as tables: every transition the clock makes, every refusal of the
//! lifecycle commands, and the money each moves (README's lifecycle table).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use chrono::Duration;
use common::*;
use ssp::domain::card::Decline;
use ssp::domain::commands::advance;
use ssp::domain::lifecycle::{self, CancelOption, Upcoming};
use ssp::domain::subscription::{
    BillKind, BillStatus, Channel, EndReason, NotificationKind, PaymentKind, Status,
};
use ssp::domain::*;

fn megan() -> Actor {
    actor("megan", "contoso")
}

/// Runs a command `days` after the test's clock; panics when refused.
fn on_day(s: &State, days: i64, who: &Actor, command: Command) -> State {
    run(s, days, who, command).unwrap_or_else(|e| panic!("refused: {e}"))
}

fn run(s: &State, days: i64, who: &Actor, command: Command) -> Result<State, DomainError> {
    let catalog = catalog();
    let ctx = Ctx {
        catalog: &catalog,
        now: now() + Duration::days(days),
    };
    execute(s, ctx, who, submitted(command)).map(|(s, _)| s)
}

fn buy(number: &str, product: &str, n: u32) -> (State, SubscriptionId) {
    let s = on_day(
        &state(),
        0,
        &megan(),
        Command::Purchase {
            product: pid(product),
            licenses: qty(n),
            card: card(number),
            assign_to_me: true,
        },
    );
    let id = s.subscriptions[0].id.clone();
    (s, id)
}

fn trial(product: &str, with_card: bool) -> (State, SubscriptionId) {
    let s = on_day(
        &state(),
        0,
        &megan(),
        Command::StartTrial {
            product: pid(product),
            licenses: qty(2),
            card: with_card.then(|| card("4242424242424242")),
            assign_to_me: true,
        },
    );
    let id = s.subscriptions[0].id.clone();
    (s, id)
}

fn recurring(s: &State, id: &SubscriptionId, on: bool) -> State {
    on_day(
        s,
        1,
        &megan(),
        Command::SetRecurringBilling {
            subscription: id.clone(),
            on,
        },
    )
}

fn later(s: &State, days: i64) -> State {
    advance(s, now() + Duration::days(days)).0
}

fn paid(s: &State) -> usize {
    s.bills
        .iter()
        .filter(|b| b.kind == BillKind::Charge && b.status == BillStatus::Paid)
        .count()
}

/// A trial that ends is Expired for 30 days, then deleted with its data: no Disabled
/// status (what-if-my-subscription-expires: "After the 30-day Expired status ends, your
/// trial account information and data are permanently deleted"). A paid subscription goes
/// on to Disabled for 90 days (issue 32).
#[test]
fn an_ended_trial_is_deleted_after_its_30_days_expired() {
    let (s, id) = trial(VISIO_P1, false);
    let end = s.subscription(&id).unwrap().term_end;
    let days = (end - today()).num_days();
    let expired = later(&s, days + 1);
    let sub = expired.subscription(&id).unwrap();
    assert_eq!(sub.status, Status::Expired);
    let ending = lifecycle::ending(sub).unwrap();
    assert_eq!(
        (ending.access_ends, ending.deleted_on),
        (end + Duration::days(30), end + Duration::days(30))
    );
    assert_eq!(
        lifecycle::upcoming(sub),
        Some(lifecycle::Upcoming::Delete {
            on: end + Duration::days(30)
        })
    );
    let gone = later(&expired, days + 31);
    let sub = gone.subscription(&id).unwrap();
    assert_eq!(sub.status, Status::Deleted, "straight from Expired");
    assert!(
        !gone.audit.iter().any(|e| e.action == "disable"),
        "never Disabled"
    );
    // A paid subscription whose recurring billing is off is Disabled after its 30 days.
    let (p, paid_id) = buy("4242424242424242", POWER_BI_PRO, 1);
    let p = recurring(&p, &paid_id, false);
    let term_end = p.subscription(&paid_id).unwrap().term_end;
    let p = later(&p, (term_end - today()).num_days() + 31);
    assert_eq!(p.subscription(&paid_id).unwrap().status, Status::Disabled);
}

/// (what, the state after the clock, status, why it ended, paid charge lines, processor
/// charges) — each row one transition the clock makes.
#[test]
fn the_clock_moves_subscriptions_along_the_lifecycle() {
    let renews = buy("4242424242424242", POWER_BI_PRO, 2);
    let off = {
        let (s, id) = buy("4242424242424242", POWER_BI_PRO, 2);
        (recurring(&s, &id, false), id)
    };
    let declines = buy("4000000000000341", POWER_BI_PRO, 2);
    let card_trial = trial(POWER_BI_PRO, true);
    let card_trial_off = {
        let (s, id) = trial(POWER_BI_PRO, true);
        (recurring(&s, &id, false), id)
    };
    let no_card_trial = trial(VISIO_P1, false);
    type Row<'a> = (&'a str, State, Status, Option<EndReason>, usize, usize);
    let rows: Vec<Row> = vec![
        (
            "renews: a month on, charged",
            later(&renews.0, 31),
            Status::Active,
            None,
            2,
            2,
        ),
        (
            "recurring billing off: Expired at the term's end",
            later(&off.0, 31),
            Status::Expired,
            Some(EndReason::RecurringBillingOff),
            1,
            1,
        ),
        (
            "Expired 30 days: Disabled",
            later(&later(&off.0, 31), 61),
            Status::Disabled,
            Some(EndReason::RecurringBillingOff),
            1,
            1,
        ),
        (
            "Disabled 90 days: Deleted",
            later(&later(&later(&off.0, 31), 61), 151),
            Status::Deleted,
            Some(EndReason::RecurringBillingOff),
            1,
            1,
        ),
        (
            "declined renewal: past due, still active",
            later(&declines.0, 31),
            Status::Active,
            None,
            1,
            1,
        ),
        (
            "declined on the first retry too (renewal + 5 days)",
            later(&later(&declines.0, 31), 35),
            Status::Active,
            None,
            1,
            1,
        ),
        (
            "declined on the last retry, 30 days after the renewal: Expired",
            later(&later(&declines.0, 31), 60),
            Status::Expired,
            Some(EndReason::PaymentFailed),
            1,
            1,
        ),
        (
            "card trial: converts and is charged",
            later(&card_trial.0, 31),
            Status::Active,
            None,
            1,
            1,
        ),
        (
            "card trial with recurring billing off: expires, never charged",
            later(&card_trial_off.0, 31),
            Status::Expired,
            Some(EndReason::TrialOver),
            0,
            0,
        ),
        (
            "trial without a card: expires, never charged",
            later(&no_card_trial.0, 31),
            Status::Expired,
            Some(EndReason::TrialOver),
            0,
            0,
        ),
    ];
    for (what, s, status, reason, lines, charges) in rows {
        let sub = &s.subscriptions[0];
        assert_eq!((sub.status, sub.end_reason), (status, reason), "{what}");
        assert_eq!(paid(&s), lines, "{what}: paid lines");
        let taken = s
            .payments
            .iter()
            .filter(|p| p.kind == PaymentKind::Charge)
            .count();
        assert_eq!(taken, charges, "{what}: processor charges");
        // Users keep access while Expired, lose it once Disabled.
        assert_eq!(
            sub.status.users_have_access(),
            matches!(status, Status::Active | Status::Expired),
            "{what}"
        );
    }
    let converted = later(&card_trial.0, 31);
    assert_eq!(converted.subscriptions[0].channel, Channel::SelfService);
    let void = later(&later(&declines.0, 31), 60);
    assert_eq!(
        void.bills.last().unwrap().status,
        BillStatus::Void,
        "the renewal that never happened is not collected"
    );
}

#[test]
/// "We continue to retry the transaction every few days for 30 days, during which time the
/// subscription is in a grace period. Every time a transaction fails, you receive an email
/// alert about the failure." (How to pay for your subscription.) Every 5 days is this demo's
/// reading of "every few days".
fn a_declined_renewal_is_retried_every_5_days_for_30_days_and_told() {
    let (s, id) = buy("4000000000000341", POWER_BI_PRO, 1);
    let renewal = s.subscriptions[0].term_end;
    let s = later(&s, 31);
    let due = s.subscriptions[0].past_due.clone().unwrap();
    assert_eq!(
        (due.attempts, due.next_try),
        (1, renewal + Duration::days(5))
    );
    assert_eq!(
        lifecycle::upcoming(&s.subscriptions[0]),
        Some(Upcoming::Retry {
            on: renewal + Duration::days(5),
            amount: s.subscriptions[0].term_amount(),
            last: false
        })
    );
    let failed = |s: &State| {
        s.notifications
            .iter()
            .filter(|n| matches!(n.kind, NotificationKind::PaymentFailed { .. }))
            .count()
    };
    assert_eq!(failed(&s), 1);
    // While past due, canceling waits for the payment.
    assert_eq!(
        lifecycle::cancel_option(&s, &s.subscriptions[0], renewal),
        CancelOption::PastDue {
            next_try: renewal + Duration::days(5)
        }
    );
    let s = later(&s, 35);
    assert_eq!(
        s.subscriptions[0].past_due.as_ref().map(|d| d.next_try),
        Some(renewal + Duration::days(10))
    );
    assert_eq!(failed(&s), 2);
    // Paid by the purchaser with a new card before the last try: renewed.
    let s = on_day(
        &s,
        35,
        &megan(),
        Command::ReplaceCard {
            subscription: id.clone(),
            card: card("4242424242424242"),
        },
    );
    let s = on_day(
        &s,
        35,
        &megan(),
        Command::PayBill {
            bill: due.bill.clone(),
        },
    );
    let sub = s.subscription(&id).unwrap();
    assert_eq!((sub.past_due.clone(), sub.term_start), (None, renewal));
    assert_eq!(s.bill(&due.bill).unwrap().status, BillStatus::Paid);
}

#[test]
fn renewals_and_trial_ends_are_announced_a_week_ahead_once() {
    let (s, _) = buy("4242424242424242", POWER_BI_PRO, 1);
    let s = later(&s, 24);
    let s = later(&s, 25);
    let coming = s
        .notifications
        .iter()
        .filter(|n| matches!(n.kind, NotificationKind::RenewalComing { .. }))
        .count();
    assert_eq!(coming, 1);
}

#[test]
fn cancel_inside_the_window_refunds_the_unused_days_and_disables() {
    let (s, id) = buy("4242424242424242", POWER_BI_PRO, 3);
    let sub = s.subscription(&id).unwrap().clone();
    let days = lifecycle::days(sub.term_start, sub.term_end);
    // Day 3 of a 30-day term: 27 days of 3 licenses at $10.00 come back.
    let expected = Money::from_minor(3 * 1000 * 27 / days, Currency::USD).unwrap();
    let cancel = |s: &State, day| {
        run(
            s,
            day,
            &megan(),
            Command::Cancel {
                subscription: id.clone(),
                reason: "Bought by mistake".into(),
            },
        )
    };
    let today = today() + Duration::days(3);
    assert_eq!(
        lifecycle::cancel_option(&s, &sub, today),
        CancelOption::Refund {
            refund: expected,
            last_day: sub.term_start + Duration::days(6)
        }
    );
    let after = cancel(&s, 3).unwrap();
    let canceled = after.subscription(&id).unwrap();
    assert_eq!(
        (canceled.status, canceled.status_since),
        (Status::Disabled, Some(today))
    );
    assert!(
        !canceled.status.users_have_access() && canceled.assigned.len() == 1,
        "kept, without access"
    );
    let refund = after.bills.last().unwrap();
    assert_eq!(
        (refund.kind, refund.amount, refund.period_start),
        (BillKind::Refund, expected, today)
    );
    assert!(after
        .payments
        .iter()
        .any(|p| p.kind == PaymentKind::Refund && p.amount == expected));
    assert!(after.notifications.iter().any(
        |n| matches!(n.kind, NotificationKind::Refunded { amount, .. } if amount == expected)
    ));
    // On day 7 the window has closed: only recurring billing can be turned off.
    assert_eq!(
        cancel(&s, 7),
        Err(DomainError::CancellationWindowClosed {
            closed_on: sub.term_start + Duration::days(7),
            expires: sub.term_end
        })
    );
    assert!(matches!(
        lifecycle::cancel_option(&s, &sub, today + Duration::days(4)),
        CancelOption::TurnOffRecurringBilling { ending } if ending.expires == sub.term_end
            && ending.access_ends == sub.term_end + Duration::days(30)
    ));
    // The last day the pane names is the last day the refund works, to the day: cancel on
    // it and the money comes back; the next day the window has closed (issue 32).
    let Some(CancelOption::Refund { last_day, .. }) =
        Some(lifecycle::cancel_option(&s, &sub, today))
    else {
        panic!("inside the window")
    };
    let on = (last_day - sub.term_start).num_days();
    assert!(cancel(&s, on).is_ok(), "refunded on {last_day}");
    assert!(matches!(
        cancel(&s, on + 1),
        Err(DomainError::CancellationWindowClosed { closed_on, .. }) if closed_on == last_day + Duration::days(1)
    ));
    // After a renewal the window opens again.
    let renewed = later(&s, 31);
    assert!(cancel(&renewed, 32).is_ok());
}

#[test]
fn licenses_added_cost_the_rest_of_the_term_and_removed_ones_refund_inside_the_window() {
    let (s, id) = buy("4242424242424242", POWER_BI_PRO, 2);
    let change = |s: &State, day, total| {
        on_day(
            s,
            day,
            &megan(),
            Command::ChangeLicenses {
                subscription: id.clone(),
                total: qty(total),
            },
        )
    };
    // Day 10 of 30: two more licenses cost 20 of 30 days.
    let added = change(&s, 10, 4);
    let line = added.bills.last().unwrap();
    assert_eq!(
        (line.kind, line.amount.minor()),
        (BillKind::Charge, 2 * 1000 * 20 / 30)
    );
    // Day 5, inside the window: one fewer gives back 25 of 30 days.
    let removed = change(&s, 5, 1);
    let line = removed.bills.last().unwrap();
    assert_eq!((line.kind, line.amount.minor()), (BillKind::Refund, 833));
    // Day 20: removed with nothing given back, and the next renewal costs less.
    let removed_late = change(&s, 20, 1);
    assert_eq!(removed_late.bills.len(), 1, "no credit after the window");
    let renewed = later(&removed_late, 31);
    assert_eq!(renewed.bills.last().unwrap().amount.minor(), 1000);
}

#[test]
fn yen_prorates_to_whole_yen() {
    let s = on_day(
        &state(),
        0,
        &actor("jp.user", "japan"),
        Command::Purchase {
            product: pid(POWER_BI_PRO),
            licenses: qty(1),
            card: card("4242424242424242"),
            assign_to_me: true,
        },
    );
    let sub = s.subscriptions[0].clone();
    assert_eq!(sub.unit_price.currency(), Currency::JPY);
    let s = on_day(
        &s,
        1,
        &actor("jp.user", "japan"),
        Command::Cancel {
            subscription: sub.id.clone(),
            reason: "x".into(),
        },
    );
    // 1,500 yen × 29/30 = 1,450 exactly; ×29/31 would be 1,403.2 → 1,403.
    let days = lifecycle::days(sub.term_start, sub.term_end);
    let exact = 1500 * 29 * 2 / days;
    let expected = (exact + 1) / 2;
    assert_eq!(s.bills.last().unwrap().amount.minor(), expected);
}

#[test]
fn reactivation_starts_a_paid_term_today() {
    let (s, id) = buy("4242424242424242", POWER_BI_PRO, 2);
    let s = recurring(&s, &id, false);
    let disabled = later(&later(&s, 31), 61);
    assert_eq!(disabled.subscriptions[0].status, Status::Disabled);
    let reactivate = Command::Reactivate {
        subscription: id.clone(),
    };
    for (who, ok) in [
        (actor("reader", "contoso"), false),
        (actor("lee", "contoso"), false),
        // Admins have a read-only view: reactivating charges the purchaser's card, and only
        // the purchaser does it (users' page).
        (actor("billing", "contoso"), false),
        (actor("admin", "contoso"), false),
        (megan(), true),
    ] {
        assert_eq!(
            run(&disabled, 61, &who, reactivate.clone()).is_ok(),
            ok,
            "{who:?}"
        );
    }
    let back = on_day(&disabled, 61, &megan(), reactivate);
    let sub = back.subscription(&id).unwrap();
    let today = today() + Duration::days(61);
    assert_eq!(
        (sub.status, sub.term_start, sub.auto_renew),
        (Status::Active, today, true)
    );
    assert_eq!(back.bills.last().unwrap().period_start, today);
    assert!(sub.status.users_have_access());
}

#[test]
fn trials_are_extended_once_within_15_days_of_their_end() {
    let (s, id) = trial(VISIO_P1, false);
    let extend = Command::ExtendTrial {
        subscription: id.clone(),
    };
    assert_eq!(
        run(&s, 1, &megan(), extend.clone()),
        Err(DomainError::TrialNotExtendable)
    );
    let end = s.subscriptions[0].term_end;
    // Only the person who started it: an admin's view of it is read-only.
    assert_eq!(
        run(&s, 20, &actor("admin", "contoso"), extend.clone()),
        Err(DomainError::Denied(Denied::NotPurchaser))
    );
    let s = on_day(&s, 20, &megan(), extend.clone());
    assert_eq!(s.subscriptions[0].term_end, end + Duration::days(30));
    assert_eq!(
        run(&s, 50, &megan(), extend),
        Err(DomainError::TrialNotExtendable)
    );
}

/// (what, state, who, command, the refusal)
#[test]
fn lifecycle_refusals() {
    let (bought, id) = buy("4242424242424242", POWER_BI_PRO, 2);
    let (past_due, due_id) = {
        let (s, id) = buy("4000000000000341", POWER_BI_PRO, 2);
        (later(&s, 31), id)
    };
    let (no_card, trial_id) = trial(VISIO_P1, false);
    let (card_trial, card_trial_id) = trial(POWER_BI_PRO, true);
    // A card trial on the card that declines later: its conversion is past due.
    let (declined_trial, declined_trial_id) = {
        let (s, id) = trial(POWER_BI_PRO, true);
        let s = on_day(
            &s,
            1,
            &megan(),
            Command::ReplaceCard {
                subscription: id.clone(),
                card: card("4000000000000341"),
            },
        );
        (later(&s, 31), id)
    };
    assert!(declined_trial.subscriptions[0].past_due.is_some());
    let (taken, taken_id) = {
        let s = on_day(
            &bought,
            1,
            &actor("admin", "contoso"),
            Command::TakeOverCancel {
                subscription: id.clone(),
                reason: "central".into(),
            },
        );
        (s, id.clone())
    };
    let cancel = |id: &SubscriptionId| Command::Cancel {
        subscription: id.clone(),
        reason: "no".into(),
    };
    let start_trial = |product: &str, with_card: bool| Command::StartTrial {
        product: pid(product),
        licenses: qty(1),
        card: with_card.then(|| card("4242424242424242")),
        assign_to_me: false,
    };
    let day = |n| today() + Duration::days(n);
    let empty = state();
    let rows: Vec<(&str, &State, i64, Actor, Command, DomainError)> = vec![
        (
            "cancel after the window",
            &bought,
            8,
            megan(),
            cancel(&id),
            DomainError::CancellationWindowClosed {
                closed_on: day(7),
                expires: bought.subscriptions[0].term_end,
            },
        ),
        (
            "cancel a card trial",
            &card_trial,
            1,
            megan(),
            cancel(&card_trial_id),
            DomainError::TrialNotCanceled {
                with_payment_method: true,
            },
        ),
        (
            "cancel a trial without a card",
            &no_card,
            1,
            megan(),
            cancel(&trial_id),
            DomainError::TrialNotCanceled {
                with_payment_method: false,
            },
        ),
        (
            "cancel while past due",
            &past_due,
            31,
            megan(),
            cancel(&due_id),
            DomainError::PaymentPastDue,
        ),
        (
            "add licenses while past due",
            &past_due,
            31,
            megan(),
            Command::ChangeLicenses {
                subscription: due_id.clone(),
                total: qty(3),
            },
            DomainError::PaymentPastDue,
        ),
        (
            "extend a card trial whose conversion was declined",
            &declined_trial,
            31,
            megan(),
            Command::ExtendTrial {
                subscription: declined_trial_id.clone(),
            },
            DomainError::PaymentPastDue,
        ),
        (
            "recurring billing on a trial without a card",
            &no_card,
            1,
            megan(),
            Command::SetRecurringBilling {
                subscription: trial_id.clone(),
                on: true,
            },
            DomainError::NoCard,
        ),
        (
            "recurring billing on when it is on",
            &bought,
            1,
            megan(),
            Command::SetRecurringBilling {
                subscription: id.clone(),
                on: true,
            },
            DomainError::Unchanged,
        ),
        (
            "recurring billing by a Global reader",
            &bought,
            1,
            actor("reader", "contoso"),
            Command::SetRecurringBilling {
                subscription: id.clone(),
                on: false,
            },
            DomainError::Denied(Denied::NotPurchaser),
        ),
        // "Your admin has a read-only view into any subscriptions that you buy" (users'
        // page): an admin takes a purchase over, and does nothing else to it (issue 32).
        (
            "recurring billing by a Global admin",
            &bought,
            1,
            actor("admin", "contoso"),
            Command::SetRecurringBilling {
                subscription: id.clone(),
                on: false,
            },
            DomainError::Denied(Denied::NotPurchaser),
        ),
        (
            "recurring billing by a Billing admin",
            &bought,
            1,
            actor("billing", "contoso"),
            Command::SetRecurringBilling {
                subscription: id.clone(),
                on: false,
            },
            DomainError::Denied(Denied::NotPurchaser),
        ),
        (
            "recurring billing by another member",
            &bought,
            1,
            actor("lee", "contoso"),
            Command::SetRecurringBilling {
                subscription: id.clone(),
                on: false,
            },
            DomainError::Denied(Denied::NotPurchaser),
        ),
        (
            "reactivate an active subscription",
            &bought,
            1,
            megan(),
            Command::Reactivate {
                subscription: id.clone(),
            },
            DomainError::CannotReactivate(Status::Active),
        ),
        (
            "reactivate a deleted one",
            &taken,
            2,
            megan(),
            Command::Reactivate {
                subscription: taken_id.clone(),
            },
            DomainError::CannotReactivate(Status::Deleted),
        ),
        (
            "a trial of a product that offers none",
            &empty,
            0,
            megan(),
            start_trial("CFQ7TTC0MM8R", false),
            DomainError::NoSuchTrial { offered: None },
        ),
        (
            "a card trial of a product whose trial needs no card",
            &empty,
            0,
            megan(),
            start_trial(VISIO_P1, true),
            DomainError::NoSuchTrial {
                offered: Some(TrialKind::WithoutPaymentMethod),
            },
        ),
        (
            "a trial without a card of a product whose trial needs one",
            &empty,
            0,
            megan(),
            start_trial(POWER_BI_PRO, false),
            DomainError::NoSuchTrial {
                offered: Some(TrialKind::WithPaymentMethod),
            },
        ),
    ];
    for (what, s, days, who, command, expected) in rows {
        let before = serde_json::to_string(s).unwrap();
        assert_eq!(run(s, days, &who, command), Err(expected), "{what}");
        assert_eq!(serde_json::to_string(s).unwrap(), before);
    }
    // Reactivating onto a card that declines is refused, and nothing is charged.
    let expired = later(&later(&past_due, 35), 60);
    assert_eq!(expired.subscriptions[0].status, Status::Expired);
    let charges = expired.payments.len();
    assert_eq!(
        run(
            &expired,
            60,
            &megan(),
            Command::Reactivate {
                subscription: due_id
            }
        ),
        Err(DomainError::Declined(Decline::InsufficientFunds))
    );
    assert_eq!(expired.payments.len(), charges);
}

#[test]
fn the_buyer_holds_a_license_unless_they_untick_it() {
    let (s, _) = buy("4242424242424242", POWER_BI_PRO, 2);
    assert_eq!(s.subscriptions[0].assigned, vec![uid("megan")]);
    let (s, _) = megan_buys(&state(), 2);
    assert!(s.subscriptions[0].assigned.is_empty());
}

#[test]
fn a_take_over_refunds_the_purchaser_the_unused_rest() {
    let (s, id) = buy("4242424242424242", POWER_BI_PRO, 1);
    let s = on_day(
        &s,
        15,
        &actor("admin", "contoso"),
        Command::TakeOverCancel {
            subscription: id.clone(),
            reason: "central".into(),
        },
    );
    let sub = s.subscription(&id).unwrap();
    assert_eq!(
        (sub.status, sub.end_reason),
        (Status::Deleted, Some(EndReason::TakenOver))
    );
    assert_eq!(s.bills.last().unwrap().kind, BillKind::Refund);
    assert_eq!(s.bills.last().unwrap().amount.minor(), 500);
}

/// Every audit action the lifecycle writes — commands and the clock's own — is named in
/// both languages on the audit page.
#[test]
fn every_lifecycle_audit_action_has_a_name_in_both_languages() {
    use ssp::i18n::{lookup, Lang};
    let (s, id) = buy("4000000000000341", POWER_BI_PRO, 1);
    let s = recurring(&s, &id, false);
    let s = recurring(&s, &id, true);
    let s = later(&later(&later(&s, 31), 40), 100);
    let s = on_day(
        &s,
        100,
        &megan(),
        Command::ReplaceCard {
            subscription: id.clone(),
            card: card("4242424242424242"),
        },
    );
    let s = on_day(&s, 100, &megan(), Command::Reactivate { subscription: id });
    let (t, trial_id) = trial(VISIO_P1, false);
    let t = on_day(
        &t,
        20,
        &megan(),
        Command::ExtendTrial {
            subscription: trial_id,
        },
    );
    let t = later(&t, 70);
    let mut actions: Vec<&str> = s
        .audit
        .iter()
        .chain(t.audit.iter())
        .map(|e| e.action.as_str())
        .collect();
    actions.sort_unstable();
    actions.dedup();
    for expected in [
        "payment_declined",
        "expire",
        "disable",
        "reactivate",
        "recurring_billing_off",
        "recurring_billing_on",
        "extend_trial",
        "expire_trial",
    ] {
        assert!(actions.contains(&expected), "{expected} not in {actions:?}");
    }
    for action in actions {
        for lang in Lang::ALL {
            assert!(
                lookup(lang, &format!("audit.act.{action}")).is_some(),
                "{action} has no name in {lang:?}"
            );
        }
    }
}

/// Buying from a card trial before it ends: a paid month from today on the card on file,
/// the same licenses and people, recurring billing on (buy-a-subscription-from-your-free-trial:
/// "when you buy the same type of subscription as your trial version, you don't have to
/// worry about losing your data, accounts, and configuration"). Refused for an admin, for a
/// trial without a card, for a paid subscription, and while the policy allows trials only.
#[test]
fn a_card_trial_is_bought_before_it_ends() {
    let (s, id) = trial(POWER_BI_PRO, true);
    let before = s.subscription(&id).unwrap().clone();
    let buy_it = Command::PurchaseFromTrial {
        subscription: id.clone(),
    };
    assert_eq!(
        run(&s, 5, &actor("admin", "contoso"), buy_it.clone()),
        Err(DomainError::Denied(Denied::NotPurchaser))
    );
    let bought = on_day(&s, 5, &megan(), buy_it.clone());
    let sub = bought.subscription(&id).unwrap();
    let today = today() + Duration::days(5);
    assert_eq!(
        (
            sub.channel,
            sub.term_start,
            sub.auto_renew,
            sub.licenses,
            sub.assigned.clone()
        ),
        (
            Channel::SelfService,
            today,
            true,
            before.licenses,
            before.assigned.clone()
        )
    );
    let bill = bought.bills.last().unwrap();
    assert_eq!(
        (bill.amount, bill.period_start, bill.status),
        (before.term_amount(), today, BillStatus::Paid)
    );
    assert!(bought
        .payments
        .iter()
        .any(|p| p.kind == PaymentKind::Charge && p.amount == before.term_amount()));
    // Bought once: it is no trial any more.
    assert_eq!(
        run(&bought, 6, &megan(), buy_it),
        Err(DomainError::NotATrialToBuy)
    );
    // A trial without a card is bought at checkout.
    let (free, free_id) = trial(VISIO_P1, false);
    assert_eq!(
        run(
            &free,
            5,
            &megan(),
            Command::PurchaseFromTrial {
                subscription: free_id
            }
        ),
        Err(DomainError::NoCard)
    );
}

/// The actions the lifecycle panel offers, by state — and each one offered is one its
/// command accepts that day, while the ones not offered are refused.
#[test]
fn each_state_offers_the_actions_its_commands_accept() {
    use lifecycle::{lifecycle_actions, LifecycleAction as A};
    let (bought, id) = buy("4242424242424242", POWER_BI_PRO, 2);
    let off = recurring(&bought, &id, false);
    let disabled = later(&later(&off, 31), 61);
    let (card_trial, card_trial_id) = trial(POWER_BI_PRO, true);
    let (free_trial, free_trial_id) = trial(VISIO_P1, false);
    let (declined, declined_id) = buy("4000000000000341", POWER_BI_PRO, 1);
    let past_due = later(&declined, 31);
    let cases: [(&str, &State, &SubscriptionId, i64, Vec<A>); 7] = [
        ("renews", &bought, &id, 1, vec![A::TurnOffRecurringBilling]),
        (
            "recurring billing off",
            &off,
            &id,
            1,
            vec![A::TurnOnRecurringBilling],
        ),
        ("disabled", &disabled, &id, 61, vec![A::Reactivate]),
        (
            "a card trial, early",
            &card_trial,
            &card_trial_id,
            1,
            vec![A::TurnOffRecurringBilling, A::PurchaseFromTrial],
        ),
        (
            "a card trial near its end",
            &card_trial,
            &card_trial_id,
            20,
            vec![A::TurnOffRecurringBilling, A::ExtendTrial, A::PurchaseFromTrial],
        ),
        (
            "a trial without a card near its end",
            &free_trial,
            &free_trial_id,
            20,
            vec![A::ExtendTrial],
        ),
        ("past due", &past_due, &declined_id, 31, vec![]),
    ];
    for (what, s, sub_id, day, want) in cases {
        let sub = s.subscription(sub_id).unwrap();
        let on = today() + Duration::days(day);
        let offered = lifecycle_actions(sub, on);
        assert_eq!(offered, want, "{what}");
        let command = |a: A| {
            let subscription = sub_id.clone();
            match a {
                A::TurnOffRecurringBilling => Command::SetRecurringBilling {
                    subscription,
                    on: false,
                },
                A::TurnOnRecurringBilling => Command::SetRecurringBilling {
                    subscription,
                    on: true,
                },
                A::Reactivate => Command::Reactivate { subscription },
                A::ExtendTrial => Command::ExtendTrial { subscription },
                A::PurchaseFromTrial => Command::PurchaseFromTrial { subscription },
            }
        };
        for a in [
            A::TurnOffRecurringBilling,
            A::TurnOnRecurringBilling,
            A::Reactivate,
            A::ExtendTrial,
            A::PurchaseFromTrial,
        ] {
            let accepted = run(s, day, &megan(), command(a)).is_ok();
            assert_eq!(accepted, offered.contains(&a), "{what}: {a:?}");
        }
    }
}

/// Removing licenses, as the license page (MCA) says: "you can only remove licenses from your
/// subscription if it’s within seven days of buying or renewing your subscription"; licenses
/// bought mid-term can be reduced "seven days from when you buy them"; otherwise "the
/// subscription details page lists the date when your plan changes take effect" (the
/// renewal); and "You can only remove licenses when recurring billing is turned on"
/// (issue 32, item 2). Each row: the day, the new total, and what happens.
#[test]
fn licenses_are_removed_at_once_only_inside_the_seven_days_and_otherwise_at_renewal() {
    use ssp::domain::subscription::OrderKind;
    use ssp::domain::views::{license_change, LicenseChange};
    let (s, id) = buy("4242424242424242", POWER_BI_PRO, 4);
    let change = |s: &State, day, total| {
        run(
            s,
            day,
            &megan(),
            Command::ChangeLicenses {
                subscription: id.clone(),
                total: qty(total),
            },
        )
    };
    let sub = |s: &State| s.subscription(&id).unwrap().clone();
    let preview = |s: &State, day: i64, total| {
        let today = (now() + Duration::days(day)).date_naive();
        license_change(s, &sub(s), qty(total), today).unwrap()
    };

    // Day 6 is the last of the seven after buying: at once, with a refund.
    assert!(matches!(preview(&s, 6, 3), LicenseChange::Remove { .. }));
    let now_removed = change(&s, 6, 3).unwrap();
    assert_eq!(sub(&now_removed).licenses.get(), 3);
    assert_eq!(now_removed.bills.last().unwrap().kind, BillKind::Refund);

    // Day 7: the window has closed. The licenses stay, nothing goes back, and the renewal
    // on the term's last day takes effect with the new total.
    let on = sub(&s).term_end;
    assert_eq!(
        preview(&s, 7, 3),
        LicenseChange::AtRenewal {
            removed: 1,
            on,
            term_amount: Money::from_minor(3000, Currency::USD).unwrap(),
        }
    );
    let scheduled = change(&s, 7, 3).unwrap();
    let held = sub(&scheduled);
    assert_eq!(
        (
            held.licenses.get(),
            held.licenses_at_renewal.map(Quantity::get)
        ),
        (4, Some(3))
    );
    assert_eq!(scheduled.bills.len(), 1, "nothing is given back");
    assert_eq!(
        held.history.last().unwrap().kind,
        OrderKind::LicensesRemovalScheduled
    );
    assert_eq!(
        lifecycle::upcoming(&held),
        Some(Upcoming::Renew {
            on,
            amount: Money::from_minor(3000, Currency::USD).unwrap()
        }),
        "the renewal notice names the new total's price"
    );
    let renewed = later(&scheduled, 31);
    let after = sub(&renewed);
    assert_eq!((after.licenses.get(), after.licenses_at_renewal), (3, None));
    assert_eq!(renewed.bills.last().unwrap().amount.minor(), 3000);

    // The same reduction again changes nothing; the current total drops the reduction.
    assert_eq!(change(&scheduled, 8, 3), Err(DomainError::Unchanged));
    assert_eq!(
        preview(&scheduled, 8, 4),
        LicenseChange::KeepAtRenewal { kept: 1 }
    );
    let kept = change(&scheduled, 8, 4).unwrap();
    assert_eq!(sub(&kept).licenses_at_renewal, None);
    assert_eq!(later(&kept, 31).bills.last().unwrap().amount.minor(), 4000);
    // Adding licenses drops it too.
    let added = change(&scheduled, 8, 5).unwrap();
    assert_eq!(
        (sub(&added).licenses.get(), sub(&added).licenses_at_renewal),
        (5, None)
    );

    // Licenses bought on day 10 can be removed at once through day 16, no more than were
    // bought; a larger reduction waits for the renewal.
    let bought = change(&s, 10, 6).unwrap();
    assert!(matches!(
        preview(&bought, 16, 4),
        LicenseChange::Remove { removed: 2, .. }
    ));
    assert!(matches!(
        preview(&bought, 16, 3),
        LicenseChange::AtRenewal { removed: 3, .. }
    ));
    assert!(matches!(
        preview(&bought, 17, 4),
        LicenseChange::AtRenewal { .. }
    ));
    let back = change(&bought, 12, 4).unwrap();
    assert_eq!(sub(&back).licenses.get(), 4);
    assert_eq!(back.bills.last().unwrap().kind, BillKind::Refund);
    assert!(
        matches!(preview(&back, 13, 3), LicenseChange::AtRenewal { .. }),
        "what was bought and removed again cannot be removed twice"
    );

    // With recurring billing off, no license is removed, inside the window or after it;
    // turning it off drops a reduction waiting for the renewal.
    let off = recurring(&s, &id, false);
    for day in [2, 20] {
        assert_eq!(
            change(&off, day, 3),
            Err(DomainError::RemoveNeedsRecurringBilling)
        );
    }
    let dropped = recurring(&scheduled, &id, false);
    assert_eq!(sub(&dropped).licenses_at_renewal, None);
}

/// People assigned after a reduction was scheduled keep their licenses at the renewal: it
/// keeps as many as are assigned (this demo's own rule; Microsoft's pages are silent).
#[test]
fn a_renewal_never_removes_a_license_someone_holds() {
    let (s, id) = buy("4242424242424242", POWER_BI_PRO, 4);
    let scheduled = on_day(
        &s,
        10,
        &megan(),
        Command::ChangeLicenses {
            subscription: id.clone(),
            total: qty(1),
        },
    );
    let assigned = on_day(
        &scheduled,
        11,
        &megan(),
        Command::Assign {
            subscription: id.clone(),
            users: vec![UserId("lee".into()), UserId("synced.sam".into())],
        },
    );
    let renewed = later(&assigned, 31);
    let sub = renewed.subscription(&id).unwrap();
    assert_eq!(
        sub.licenses.get(),
        3,
        "megan and the two assigned keep theirs"
    );
    assert_eq!(renewed.bills.last().unwrap().amount.minor(), 3000);
}

//! A subscription's life after checkout, as Microsoft's commerce runs a monthly,
//! card-paid self-service subscription: how long each status lasts, the cancellation
//! window, the retry schedule, what a part of a term costs, and what the clock does next.
//!
//! The clock (`commands::advance`) carries out `upcoming`, and the demo controls show it
//! before it happens, so the preview and the transition are one function. The README's
//! lifecycle table cites the source of each number.

use super::money::{Money, MoneyError};
use super::subscription::{
    one_month_after, BillKind, BillStatus, Channel, OrderKind, State, Status, Subscription,
};
use chrono::{Duration, NaiveDate};

/// Days after a purchase or renewal in which a subscription can be canceled for a prorated
/// refund (cancel-your-subscription: "within seven days after the start or renewal").
pub const CANCELLATION_WINDOW_DAYS: i64 = 7;
/// Days in Expired: users keep access (what-if-my-subscription-expires).
pub const EXPIRED_DAYS: i64 = 30;
/// Days in Disabled: only admins see it; then Deleted (what-if-my-subscription-expires).
pub const DISABLED_DAYS: i64 = 90;
/// Days after a declined renewal on which the card is tried again; when the last try is
/// declined too, the subscription expires. "We continue to retry the transaction every few
/// days for 30 days, during which time the subscription is in a grace period" (How to pay
/// for your subscription): the 30 days are Microsoft's, every 5 days is this demo's reading
/// of "every few days".
pub const RETRY_AFTER_DAYS: [i64; 6] = [5, 10, 15, 20, 25, 30];
/// How long before a renewal or a trial's end the purchaser is told.
pub const NOTICE_DAYS: i64 = 7;
/// A trial within this many days of its end can be extended, once (extend-your-trial).
pub const EXTEND_TRIAL_WITHIN_DAYS: i64 = 15;
/// How much longer an extended trial runs (extend-your-trial).
pub const TRIAL_EXTENSION_DAYS: i64 = 30;

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

fn plus(date: NaiveDate, n: i64) -> NaiveDate {
    date + Duration::days(n)
}

/// The day the cancellation window closes: from then on a cancellation gets no refund. The
/// window counts seven days from the term's start (the purchase or the latest renewal), so
/// the last day with a refund is the day before.
pub fn window_closes(sub: &Subscription) -> NaiveDate {
    plus(sub.term_start, CANCELLATION_WINDOW_DAYS)
}

/// Whether a paid self-service subscription is inside its cancellation window today.
pub fn in_cancellation_window(sub: &Subscription, today: NaiveDate) -> bool {
    sub.is_paid_self_service()
        && sub.status == Status::Active
        && sub.past_due.is_none()
        && today < window_closes(sub)
}

/// How many licenses can be removed today with effect at once. Inside the seven days after
/// buying or renewing, any of them; later, only those bought in the last seven days
/// (buy-licenses: "you can only remove licenses from your subscription if it’s within seven
/// days of buying or renewing", and "If you buy licenses in the middle of your billing
/// period, you have seven days from when you buy them to reduce the number of licenses you
/// bought"). Any other reduction waits for the renewal.
pub fn removable_now(sub: &Subscription, today: NaiveDate) -> u32 {
    if in_cancellation_window(sub, today) {
        return sub.licenses.get();
    }
    // The licenses held seven days ago: the last entry before the week began.
    let week_began = plus(today, 1 - CANCELLATION_WINDOW_DAYS);
    let before = sub
        .history
        .iter()
        .rev()
        .find(|e| e.at.date_naive() < week_began && e.kind != OrderKind::LicensesRemovalScheduled)
        .map_or(sub.licenses.get(), |e| e.licenses);
    sub.licenses.get().saturating_sub(before)
}

/// When an ending subscription stops: the day it expires, the day its users lose access
/// (Expired keeps access for 30 days) and the day it is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ending {
    /// The day the subscription expires (the end of its term).
    pub expires: NaiveDate,
    /// The day its users lose access: 30 days after it expires.
    pub access_ends: NaiveDate,
    /// The day it and its data are deleted.
    pub deleted_on: NaiveDate,
}

impl Ending {
    /// The ending of `sub` if it expires on `expires`: a trial is deleted when its 30 days
    /// Expired are over (what-if-my-subscription-expires: "After the 30-day Expired status
    /// ends, your trial account information and data are permanently deleted"); anything
    /// else is Disabled for 90 days first.
    pub fn of(sub: &Subscription, expires: NaiveDate) -> Ending {
        let ending = Ending::from_expiry(expires);
        if sub.is_trial() {
            Ending {
                deleted_on: ending.access_ends,
                ..ending
            }
        } else {
            ending
        }
    }

    /// The ending of a subscription that expires on `expires`: access for 30 days more, then 90
    /// days Disabled before it is deleted.
    pub fn from_expiry(expires: NaiveDate) -> Ending {
        let access_ends = plus(expires, EXPIRED_DAYS);
        Ending {
            expires,
            access_ends,
            deleted_on: plus(access_ends, DISABLED_DAYS),
        }
    }
}

/// When the subscription ends, if it is ending: recurring billing off (or a trial that
/// does not convert), Expired or Disabled. `None` while it renews, and once deleted.
pub fn ending(sub: &Subscription) -> Option<Ending> {
    let since = sub.status_since.unwrap_or(sub.term_end);
    match sub.status {
        Status::Active if sub.auto_renew => None,
        Status::Active => Some(Ending::of(sub, sub.term_end)),
        Status::Expired => Some(Ending::of(sub, since)),
        Status::Disabled => Some(Ending {
            expires: since,
            access_ends: since,
            deleted_on: plus(since, DISABLED_DAYS),
        }),
        Status::Deleted => None,
    }
}

/// The next thing the clock will do to a subscription, and on which day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upcoming {
    /// The card is charged for a new term.
    Renew {
        /// The renewal day.
        on: NaiveDate,
        /// What the card is charged.
        amount: Money,
    },
    /// A card trial becomes a paid subscription and the card is charged.
    ConvertTrial {
        /// The day the trial ends.
        on: NaiveDate,
        /// What the card is charged for the first term.
        amount: Money,
    },
    /// A declined renewal is tried again; `last` tries end in Expired when declined.
    Retry {
        /// The day of the next try.
        on: NaiveDate,
        /// What is tried again.
        amount: Money,
        /// This is the last try.
        last: bool,
    },
    /// A central subscription renews on the organization's agreement (no card).
    RenewCentral {
        /// The renewal day.
        on: NaiveDate,
    },
    /// Recurring billing is off (or the trial has no card): the subscription expires.
    Expire {
        /// The day it expires.
        on: NaiveDate,
    },
    /// Expired for 30 days: users lose access.
    Disable {
        /// The day access ends.
        on: NaiveDate,
    },
    /// Disabled for its time: the subscription and its data are deleted.
    Delete {
        /// The day it is deleted.
        on: NaiveDate,
    },
}

impl Upcoming {
    /// The day it happens.
    pub const fn on(self) -> NaiveDate {
        match self {
            Upcoming::Renew { on, .. }
            | Upcoming::ConvertTrial { on, .. }
            | Upcoming::Retry { on, .. }
            | Upcoming::RenewCentral { on }
            | Upcoming::Expire { on }
            | Upcoming::Disable { on }
            | Upcoming::Delete { on } => on,
        }
    }
}

/// What happens to the subscription next, whatever today is: one exhaustive match over
/// status, channel, recurring billing and a pending retry.
pub fn upcoming(sub: &Subscription) -> Option<Upcoming> {
    let since = sub.status_since.unwrap_or(sub.term_end);
    let amount = sub.renewal_amount();
    Some(
        match (sub.status, sub.channel, sub.auto_renew, &sub.past_due) {
            (Status::Active, _, _, Some(due)) => Upcoming::Retry {
                on: due.next_try,
                amount,
                last: due.attempts as usize > RETRY_AFTER_DAYS.len() - 1,
            },
            (Status::Active, Channel::Central, true, None) => {
                Upcoming::RenewCentral { on: sub.term_end }
            }
            (
                Status::Active,
                Channel::Trial {
                    with_payment_method: true,
                },
                true,
                None,
            ) => Upcoming::ConvertTrial {
                on: sub.term_end,
                amount,
            },
            (Status::Active, Channel::SelfService, true, None) => Upcoming::Renew {
                on: sub.term_end,
                amount,
            },
            (
                Status::Active,
                Channel::Trial {
                    with_payment_method: false,
                },
                _,
                None,
            )
            | (Status::Active, _, false, None) => Upcoming::Expire { on: sub.term_end },
            // A trial's data goes when its Expired days are over: no Disabled status.
            (Status::Expired, Channel::Trial { .. }, ..) => Upcoming::Delete {
                on: plus(since, EXPIRED_DAYS),
            },
            (Status::Expired, ..) => Upcoming::Disable {
                on: plus(since, EXPIRED_DAYS),
            },
            (Status::Disabled, ..) => Upcoming::Delete {
                on: plus(since, DISABLED_DAYS),
            },
            (Status::Deleted, ..) => return None,
        },
    )
}

/// The day of the retry after `attempts` declined charges of the renewal due `renewal`,
/// or `None` when there is no try left.
pub fn retry_on(renewal: NaiveDate, attempts: u32) -> Option<NaiveDate> {
    let n = usize::try_from(attempts).ok()?.checked_sub(1)?;
    RETRY_AFTER_DAYS.get(n).map(|d| plus(renewal, *d))
}

/// What the rest of the current term costs for `licenses` more: the unit price for each,
/// prorated by day (Money::prorate rounds half up to the minor unit).
pub fn prorated_charge(
    sub: &Subscription,
    licenses: u32,
    today: NaiveDate,
) -> Result<Money, MoneyError> {
    let whole = days(sub.term_start, sub.term_end);
    let left = days(today, sub.term_end);
    Ok(sub.unit_price.checked_mul(licenses)?.prorate(left, whole))
}

/// What was paid for the current term and not yet given back: no refund can exceed it.
pub fn paid_in_term(state: &State, sub: &Subscription) -> Result<Money, MoneyError> {
    let zero = Money::zero(sub.unit_price.currency());
    state
        .bills
        .iter()
        .filter(|b| b.subscription == sub.id && b.period_end > sub.term_start)
        .try_fold(zero, |sum, b| match (b.kind, b.status) {
            (BillKind::Charge, BillStatus::Paid) => sum.checked_add(b.amount),
            (BillKind::Refund, _) => sum.checked_sub(b.amount),
            (BillKind::Charge, BillStatus::PastDue | BillStatus::Void) => Ok(sum),
        })
}

/// The prorated refund for `licenses` of the subscription from today to the term's end,
/// never more than was paid for the term.
pub fn prorated_refund(
    state: &State,
    sub: &Subscription,
    licenses: u32,
    today: NaiveDate,
) -> Result<Money, MoneyError> {
    let share = prorated_charge(sub, licenses, today)?;
    let paid = paid_in_term(state, sub)?;
    Ok(if share.minor() > paid.minor() {
        paid
    } else {
        share
    })
}

/// What canceling would do today, for the cancel pane to say before anyone confirms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelOption {
    /// Inside the window: canceled now, `refund` back to the card, Disabled at once
    /// (users lose access); a cancellation is refunded through `last_day`.
    Refund {
        /// What goes back to the card.
        refund: Money,
        /// The last day a cancellation is refunded: the day before the window closes.
        last_day: NaiveDate,
    },
    /// After the window, or a card trial: only recurring billing can be turned off; it
    /// then expires at the term's end and users keep access until `ending.access_ends`.
    TurnOffRecurringBilling {
        /// When it expires, and when its users lose access.
        ending: Ending,
    },
    /// Recurring billing is off already, or a trial without a card: it ends by itself.
    EndsAlready {
        /// When it expires, and when its users lose access.
        ending: Ending,
    },
    /// A renewal is past due: it is paid (or tried again on `next_try`) before anything
    /// else; if the last try fails, it expires.
    PastDue {
        /// The next try to charge the card.
        next_try: NaiveDate,
    },
    /// Not active: nothing to cancel.
    NotActive(Status),
}

/// What canceling `sub` today would do, as the cancel panel offers it.
pub fn cancel_option(state: &State, sub: &Subscription, today: NaiveDate) -> CancelOption {
    if sub.status != Status::Active {
        return CancelOption::NotActive(sub.status);
    }
    if let Some(due) = &sub.past_due {
        return CancelOption::PastDue {
            next_try: due.next_try,
        };
    }
    if let Some(ending) = ending(sub) {
        return CancelOption::EndsAlready { ending };
    }
    if in_cancellation_window(sub, today) {
        if let Ok(refund) = prorated_refund(state, sub, sub.licenses.get(), today) {
            return CancelOption::Refund {
                refund,
                last_day: window_closes(sub) - Duration::days(1),
            };
        }
    }
    CancelOption::TurnOffRecurringBilling {
        ending: Ending::of(sub, sub.term_end),
    }
}

/// Whether the trial can be extended today: a trial, active, not extended before, within
/// 15 days of its end, and not waiting on a declined conversion (its term is over).
pub fn may_extend_trial(sub: &Subscription, today: NaiveDate) -> bool {
    sub.is_trial()
        && sub.status == Status::Active
        && sub.past_due.is_none()
        && !sub.trial_extended
        && days(today, sub.term_end) <= EXTEND_TRIAL_WITHIN_DAYS
}

/// What a person can do with a subscription's lifecycle in its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifecycleAction {
    /// An active subscription that renews, paid up: stop it renewing.
    TurnOffRecurringBilling,
    /// An active one that does not renew and has a card to charge: renew it again.
    TurnOnRecurringBilling,
    /// An expired or disabled one: a new term from today.
    Reactivate,
    /// A trial near its end, once (`may_extend_trial`).
    ExtendTrial,
    /// An active card trial, paid up: buy the product now.
    PurchaseFromTrial,
}

/// The actions a subscription's state allows today: at most one of turning recurring
/// billing off or on, or reactivating; and extending a trial where that is allowed. A
/// past-due subscription waits for its payment: nothing but the payment.
pub fn lifecycle_actions(sub: &Subscription, today: NaiveDate) -> Vec<LifecycleAction> {
    let paid_up = sub.past_due.is_none();
    let mut actions = Vec::new();
    match sub.status {
        Status::Active if paid_up && sub.auto_renew => {
            actions.push(LifecycleAction::TurnOffRecurringBilling)
        }
        Status::Active if paid_up && sub.card.is_some() => {
            actions.push(LifecycleAction::TurnOnRecurringBilling)
        }
        Status::Expired | Status::Disabled => actions.push(LifecycleAction::Reactivate),
        Status::Active | Status::Deleted => {}
    }
    if may_extend_trial(sub, today) {
        actions.push(LifecycleAction::ExtendTrial);
    }
    if sub.status == Status::Active && paid_up && sub.is_trial() && sub.card.is_some() {
        actions.push(LifecycleAction::PurchaseFromTrial);
    }
    actions
}

/// The new term a reactivation starts: a month from the day of reactivation
/// (reactivate-your-subscription: "The new subscription starts on the day of reactivation").
pub fn reactivated_term(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    (today, one_month_after(today))
}

/// The next step of every subscription the clock will take within `days` of `today`,
/// soonest first: what the demo controls show before the clock is moved.
pub fn upcoming_within(
    state: &State,
    today: NaiveDate,
    days: i64,
) -> Vec<(
    super::subscription::SubscriptionId,
    super::catalog::ProductId,
    Upcoming,
)> {
    let until = plus(today, days);
    let mut next: Vec<_> = state
        .subscriptions
        .iter()
        .filter_map(|sub| {
            let u = upcoming(sub)?;
            (u.on() <= until).then(|| (sub.id.clone(), sub.product.clone(), u))
        })
        .collect();
    next.sort_by_key(|(id, _, u)| (u.on(), id.clone()));
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_follow_the_schedule_then_stop() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(retry_on(d(12, 1), 0), None);
        // Every 5 days for 30 days (How to pay for your subscription: "every few days for
        // 30 days"), then no more.
        for (attempts, day) in [(1, 6), (2, 11), (3, 16), (4, 21), (5, 26), (6, 31)] {
            assert_eq!(retry_on(d(12, 1), attempts), Some(d(12, day)), "{attempts}");
        }
        assert_eq!(retry_on(d(12, 1), 7), None);
    }
}

//! A subscription's lifecycle, for its purchaser and for Global and Billing admins alike:
//! its status, whether recurring billing is on, the date access ends, and the one action
//! each state allows (turn recurring billing off or on, reactivate, extend a trial).
//! The domain decides who may; a refusal is shown with its reason.

use crate::components::about_rule::AboutRule;
use crate::components::command::{use_command, Outcome};
use crate::domain::commands::Command;
use crate::domain::lifecycle::upcoming;
use crate::domain::lifecycle::{ending, lifecycle_actions, Ending, LifecycleAction};
use crate::domain::sources::upcoming_source;
use crate::domain::subscription::{Status, Subscription, SubscriptionId};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use leptos::prelude::*;

/// What the panel says about the subscription's term, and which button it offers.
#[derive(Clone, PartialEq)]
enum Term {
    Renews {
        on: chrono::NaiveDate,
        amount: crate::domain::Money,
    },
    PastDue {
        next_try: chrono::NaiveDate,
    },
    Ends(Ending, Status),
    Deleted,
}

fn term(sub: &Subscription) -> Term {
    match (&sub.past_due, ending(sub)) {
        (Some(due), _) => Term::PastDue {
            next_try: due.next_try,
        },
        (None, Some(e)) => Term::Ends(e, sub.status),
        (None, None) if sub.status == Status::Deleted => Term::Deleted,
        (None, None) => Term::Renews {
            on: sub.term_end,
            amount: sub.renewal_amount(),
        },
    }
}

/// The term in words: when it renews and for how much, when the next payment is tried,
/// or when it ends, access ends, and it is deleted.
fn term_text(locale: Locale, sub: &Subscription) -> String {
    let d = |d| locale.date(d);
    match term(sub) {
        Term::Renews { on, amount } => locale.tf(
            Msg::LifecycleRenews,
            &[("date", &d(on)), ("amount", &locale.money(amount))],
        ),
        Term::PastDue { next_try } => locale.tf(Msg::LifecyclePastDue, &[("date", &d(next_try))]),
        Term::Ends(e, Status::Disabled) => {
            locale.tf(Msg::LifecycleDisabled, &[("deleted", &d(e.deleted_on))])
        }
        Term::Ends(e, Status::Expired) => locale.tf(
            Msg::LifecycleExpired,
            &[("access", &d(e.access_ends)), ("deleted", &d(e.deleted_on))],
        ),
        Term::Ends(e, _) => locale.tf(
            Msg::LifecycleEnds,
            &[("date", &d(e.expires)), ("access", &d(e.access_ends))],
        ),
        Term::Deleted => locale.t(Msg::StatusDeleted).to_owned(),
    }
}

/// The button for an action, its id and the command it sends.
fn action_parts(
    action: LifecycleAction,
    subscription: SubscriptionId,
) -> (Msg, &'static str, Command) {
    match action {
        LifecycleAction::TurnOffRecurringBilling => (
            Msg::TurnOffRecurring,
            "recurring-off",
            Command::SetRecurringBilling {
                subscription,
                on: false,
            },
        ),
        LifecycleAction::TurnOnRecurringBilling => (
            Msg::TurnOnRecurring,
            "recurring-on",
            Command::SetRecurringBilling {
                subscription,
                on: true,
            },
        ),
        LifecycleAction::Reactivate => (
            Msg::Reactivate,
            "reactivate",
            Command::Reactivate { subscription },
        ),
        LifecycleAction::ExtendTrial => (
            Msg::ExtendTrial,
            "extend-trial",
            Command::ExtendTrial { subscription },
        ),
        LifecycleAction::PurchaseFromTrial => (
            Msg::PurchaseFromTrial,
            "purchase-from-trial",
            Command::PurchaseFromTrial { subscription },
        ),
    }
}

/// `manage`: whether to offer the actions (a Global reader only reads).
#[component]
pub fn LifecyclePanel(sub: SubscriptionId, #[prop(default = true)] manage: bool) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let id = sub.clone();
    let current = Memo::new(move |_| store.state.with(|s| s.subscription(&id).cloned()));
    let act = use_command();
    let recurring = move || {
        current.with(|s| {
            s.as_ref().map(|s| {
                locale.t(if s.auto_renew {
                    Msg::RecurringOn
                } else {
                    Msg::RecurringOff
                })
            })
        })
    };
    let sid = StoredValue::new(sub);
    let button = move |action: LifecycleAction| {
        let (msg, id, _) = action_parts(action, sid.get_value());
        let send = move |_| act.send(action_parts(action, sid.get_value()).2);
        view! {
            <button type="button" class="button" id=id disabled=move || act.pending() on:click=send>
                {locale.text(msg)}
            </button>
        }
    };
    // Which actions, from the domain.
    let actions = move || {
        let sub = current.get().filter(|_| manage)?;
        let today = store.clock.get().date_naive();
        Some(
            lifecycle_actions(&sub, today)
                .into_iter()
                .map(button)
                .collect_view(),
        )
    };
    view! {
        <section class="panel" aria-labelledby="lifecycle-title">
            <h2 id="lifecycle-title">{locale.text(Msg::LifecycleHeading)}</h2>
            <dl class="facts">
                <dt>{locale.text(Msg::RecurringBilling)}</dt>
                <dd id="recurring-billing">{recurring}</dd>
            </dl>
            <p id="lifecycle-term">
                {move || current.with(|s| s.as_ref().map(|s| term_text(locale, s)))}
            </p>
            <AboutRule
                source=Memo::new(move |_| {
                    current
                        .with(|s| s.as_ref().and_then(upcoming))
                        .map(|next| upcoming_source(&next))
                })
                id="lifecycle-source"
            />
            // A read-only view has no buttons, and so no outcome to show.
            {manage
                .then(|| {
                    view! {
                        <div class="actions">{actions}</div>
                        <Outcome
                            id="lifecycle-outcome"
                            ended=act.outcome(move |_| locale.t(Msg::Saved).to_owned())
                        />
                    }
                })}
        </section>
    }
}

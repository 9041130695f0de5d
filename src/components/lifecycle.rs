//! A subscription's lifecycle, for its purchaser and for Global and Billing admins alike:
//! its status, whether recurring billing is on, the date access ends, and the one action
//! each state allows (turn recurring billing off or on, reactivate, extend a trial).
//! The domain decides who may; a refusal is shown with its reason.

use crate::components::form_key::FormKey;
use crate::domain::commands::Command;
use crate::domain::lifecycle::{ending, may_extend_trial, Ending};
use crate::domain::subscription::{Status, Subscription, SubscriptionId};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use crate::store::session::Session;
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
            amount: sub.term_amount(),
        },
    }
}

/// `manage`: whether to offer the actions (a Global reader only reads).
#[component]
pub fn LifecyclePanel(sub: SubscriptionId, #[prop(default = true)] manage: bool) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let id = sub.clone();
    let current = Memo::new(move |_| store.state.with(|s| s.subscription(&id).cloned()));
    let form = FormKey::new();
    let act = Action::new_local(move |command: &Command| {
        let submission = form.submit(command.clone());
        async move {
            let actor = session.actor().ok_or(DispatchError::NotSignedIn)?;
            store.dispatch(actor, submission).await?;
            form.renew();
            Ok::<(), DispatchError>(())
        }
    });
    let text = move || {
        let sub = current.get()?;
        let d = |d| locale.date(d);
        Some(match term(&sub) {
            Term::Renews { on, amount } => locale.tf(
                Msg::LifecycleRenews,
                &[("date", &d(on)), ("amount", &locale.money(amount))],
            ),
            Term::PastDue { next_try } => {
                locale.tf(Msg::LifecyclePastDue, &[("date", &d(next_try))])
            }
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
        })
    };
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
    let button = move |msg: Msg, id: &'static str, command: fn(SubscriptionId) -> Command| {
        view! {
            <button
                type="button"
                class="button"
                id=id
                disabled=move || act.pending().get()
                on:click=move |_| {
                    act.dispatch(command(sid.get_value()));
                }
            >
                {move || locale.t(msg)}
            </button>
        }
    };
    let today = move || store.clock.get().date_naive();
    let actions = move || {
        let sub = current.get().filter(|_| manage)?;
        let mut buttons = Vec::new();
        match sub.status {
            Status::Active if sub.past_due.is_none() && sub.auto_renew => buttons.push(button(
                Msg::TurnOffRecurring,
                "recurring-off",
                |subscription| Command::SetRecurringBilling {
                    subscription,
                    on: false,
                },
            )),
            Status::Active if sub.past_due.is_none() && sub.card.is_some() => buttons.push(button(
                Msg::TurnOnRecurring,
                "recurring-on",
                |subscription| Command::SetRecurringBilling {
                    subscription,
                    on: true,
                },
            )),
            Status::Expired | Status::Disabled => {
                buttons.push(button(Msg::Reactivate, "reactivate", |subscription| {
                    Command::Reactivate { subscription }
                }))
            }
            _ => {}
        }
        if may_extend_trial(&sub, today()) {
            buttons.push(button(Msg::ExtendTrial, "extend-trial", |subscription| {
                Command::ExtendTrial { subscription }
            }));
        }
        Some(buttons.collect_view())
    };
    let outcome = move || match act.value().get() {
        Some(Ok(())) => Some(locale.t(Msg::Saved).to_owned()),
        Some(Err(e)) => Some(locale.explain(&e)),
        None => None,
    };
    view! {
        <section class="panel" aria-labelledby="lifecycle-title">
            <h2 id="lifecycle-title">{move || locale.t(Msg::LifecycleHeading)}</h2>
            <dl class="facts">
                <dt>{move || locale.t(Msg::RecurringBilling)}</dt>
                <dd id="recurring-billing">{recurring}</dd>
            </dl>
            <p id="lifecycle-term">{text}</p>
            <div class="actions">{actions}</div>
            <p role="status" id="lifecycle-outcome">
                {outcome}
            </p>
        </section>
    }
}

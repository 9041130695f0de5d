//! Cancelling one's own subscription, with a reason and a confirmation.

use super::{actor, current};
use crate::components::a11y::{Announcer, FocusPlan};
use crate::components::about_rule::AboutRule;
use crate::components::command::Outcome;
use crate::components::confirm::ConfirmBar;
use crate::components::field::CancelReason;
use crate::components::form_key::FormKey;
use crate::domain::commands::Command;
use crate::domain::lifecycle::{cancel_option, CancelOption};
use crate::domain::sources::cancel_source;
use crate::domain::subscription::SubscriptionId;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use leptos::prelude::*;

/// What canceling would do today, in words.
fn cancel_text(locale: Locale, option: CancelOption) -> String {
    let d = |d| locale.date(d);
    match option {
        CancelOption::Refund { refund, last_day } => locale.tf(
            Msg::CancelRefund,
            &[("amount", &locale.money(refund)), ("date", &d(last_day))],
        ),
        CancelOption::TurnOffRecurringBilling { ending } => locale.tf(
            Msg::CancelWindowClosed,
            &[("date", &d(ending.expires)), ("access", &d(ending.access_ends))],
        ),
        CancelOption::EndsAlready { ending } => locale.tf(
            Msg::CancelEndsAlready,
            &[("date", &d(ending.expires)), ("access", &d(ending.access_ends))],
        ),
        CancelOption::PastDue { next_try } => {
            locale.tf(Msg::CancelPastDue, &[("date", &d(next_try))])
        }
        CancelOption::NotActive(_) => String::new(),
    }
}

#[component]
pub(super) fn CancelPanel(sub: SubscriptionId, product: String) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let reason = RwSignal::new(String::new());
    let feedback = RwSignal::new(String::new());
    let asking = RwSignal::new(false);
    let id = sub.clone();
    let assigned = Memo::new(move |_| current(store, &id).map_or(0, |s| s.assigned_count()));
    let id = sub.clone();
    // What canceling would do today, from the domain: a refund inside the window, else
    // only turning off recurring billing.
    let option = Memo::new(move |_| {
        let sub = current(store, &id)?;
        let today = store.clock.get().date_naive();
        Some(store.state.with(|s| cancel_option(s, &sub, today)))
    });
    let refundable = move || matches!(option.get(), Some(CancelOption::Refund { .. }));
    let product = StoredValue::new(product);
    let form = FormKey::new();
    let announcer = Announcer::get();
    let cancel = Action::new_local(move |_: &()| {
        let (r, f) = (reason.get_untracked(), feedback.get_untracked());
        let reason = if f.trim().is_empty() {
            r
        } else {
            format!("{r} — {}", f.trim())
        };
        let submission = form.submit(Command::Cancel {
            subscription: sub.clone(),
            reason,
        });
        let done = locale.t(Msg::Canceled);
        async move {
            let actor = actor().ok_or(DispatchError::NotSignedIn)?;
            let focus = FocusPlan::now();
            store.dispatch(actor, submission).await?;
            // The page takes its disabled shape (this panel with it): say what happened,
            // and put focus on the page's heading, above the new status.
            announcer.say(done);
            focus.focus_next_frame("page-title");
            Ok(locale.t(Msg::Canceled).to_owned())
        }
    });
    let question = move || {
        locale.tn(
            Msg::CancelConfirm,
            ("n", assigned.get()),
            &[("product", &product.get_value())],
        )
    };
    let confirm = move |()| {
        cancel.dispatch(());
        asking.set(false);
    };
    view! {
        <section class="panel" aria-labelledby="cancel-title">
            <h2 id="cancel-title">{locale.text(Msg::CancelHeading)}</h2>
            <p id="cancel-option">{move || option.get().map(|o| cancel_text(locale, o))}</p>
            <AboutRule
                source=Memo::new(move |_| option.get().map(|o| cancel_source(&o)))
                id="cancel-source"
            />
            <Show when=refundable>
                <CancelForm reason feedback asking />
            </Show>
            <Show when=move || asking.get()>
                <ConfirmBar
                    id="cancel"
                    text=question
                    on_confirm=Callback::new(confirm)
                    on_cancel=Callback::new(move |()| asking.set(false))
                />
            </Show>
            <Outcome ended=Signal::derive(move || cancel.value().get()) />
        </section>
    }
}

/// Why (from the admin center's list) and, if the person likes, in their own words; then
/// the question (`asking`).
#[component]
fn CancelForm(
    reason: RwSignal<String>,
    feedback: RwSignal<String>,
    asking: RwSignal<bool>,
) -> impl IntoView {
    let locale = Locale::get();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !reason.get_untracked().is_empty() {
            asking.set(true);
        }
    };
    view! {
        <form class="form" novalidate on:submit=submit>
            <CancelReason id="cancel-reason" reason />
            <div class="field">
                <label for="cancel-feedback">{locale.text(Msg::CancelFeedback)}</label>
                <textarea
                    id="cancel-feedback"
                    rows="3"
                    prop:value=feedback
                    on:input=move |ev| feedback.set(event_target_value(&ev))
                ></textarea>
            </div>
            <button
                type="submit"
                class="button"
                id="cancel-subscription"
                disabled=move || reason.get().is_empty()
            >
                {locale.text(Msg::CancelButton)}
            </button>
        </form>
    }
}

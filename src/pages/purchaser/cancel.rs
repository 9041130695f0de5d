//! Cancelling one's own subscription, with a reason and a confirmation.

use super::{actor, current};
use crate::components::a11y::{focus_id, Announcer, Dialog};
use crate::components::form_key::FormKey;
use crate::domain::commands::Command;
use crate::domain::lifecycle::{cancel_option, CancelOption};
use crate::domain::subscription::SubscriptionId;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use leptos::prelude::*;

#[component]
pub(super) fn CancelPanel(sub: SubscriptionId, product: String) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let (reason, set_reason) = signal(String::new());
    let (feedback, set_feedback) = signal(String::new());
    let (confirming, set_confirming) = signal(false);
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
    let explain = move || {
        let d = |d| locale.date(d);
        option.get().map(|o| match o {
            CancelOption::Refund {
                refund,
                window_closes,
            } => locale.tf(
                Msg::CancelRefund,
                &[
                    ("amount", &locale.money(refund)),
                    ("date", &d(window_closes)),
                ],
            ),
            CancelOption::TurnOffRecurringBilling { ending } => locale.tf(
                Msg::CancelWindowClosed,
                &[
                    ("date", &d(ending.expires)),
                    ("access", &d(ending.access_ends)),
                ],
            ),
            CancelOption::EndsAlready { ending } => locale.tf(
                Msg::CancelEndsAlready,
                &[
                    ("date", &d(ending.expires)),
                    ("access", &d(ending.access_ends)),
                ],
            ),
            CancelOption::PastDue { next_try } => {
                locale.tf(Msg::CancelPastDue, &[("date", &d(next_try))])
            }
            CancelOption::NotActive(_) => String::new(),
        })
    };
    let product = StoredValue::new(product);
    let form = FormKey::new();
    let announcer = Announcer::get();
    let cancel = Action::new_local(move |_: &()| {
        let subscription = sub.clone();
        let reason = {
            let (r, f) = (reason.get_untracked(), feedback.get_untracked());
            if f.trim().is_empty() {
                r
            } else {
                format!("{r} — {}", f.trim())
            }
        };
        let submission = form.submit(Command::Cancel {
            subscription,
            reason,
        });
        let done = locale.t(Msg::Canceled);
        async move {
            let actor = actor().ok_or(DispatchError::NotSignedIn)?;
            store.dispatch(actor, submission).await.map(|_| ())?;
            // The page takes its disabled shape (this panel with it): say what happened,
            // and put focus on the page's heading, above the new status.
            announcer.say(done);
            request_animation_frame(|| focus_id("page-title"));
            Ok(())
        }
    });
    let reasons = [
        Msg::CancelReasonPrice,
        Msg::CancelReasonUnused,
        Msg::CancelReasonCentral,
        Msg::CancelReasonOther,
    ];
    view! {
        <section class="panel" aria-labelledby="cancel-title">
            <h2 id="cancel-title">{move || locale.t(Msg::CancelHeading)}</h2>
            <p id="cancel-option">{explain}</p>
            <Show when=refundable>
                <form
                    class="form"
                    novalidate
                    on:submit=move |ev| {
                        ev.prevent_default();
                        if !reason.get_untracked().is_empty() {
                            set_confirming.set(true);
                        }
                    }
                >
                    <div class="field">
                        <label for="cancel-reason">{move || locale.t(Msg::CancelReason)}</label>
                        <select
                            id="cancel-reason"
                            required
                            on:change=move |ev| set_reason.set(event_target_value(&ev))
                        >
                            <option value="">"—"</option>
                            {reasons
                                .into_iter()
                                .map(|m| {
                                    view! { <option value=m.key()>{move || locale.t(m)}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="cancel-feedback">{move || locale.t(Msg::CancelFeedback)}</label>
                        <textarea
                            id="cancel-feedback"
                            rows="3"
                            prop:value=feedback
                            on:input=move |ev| set_feedback.set(event_target_value(&ev))
                        ></textarea>
                    </div>
                    <button
                        type="submit"
                        class="button"
                        id="cancel-subscription"
                        disabled=move || reason.get().is_empty()
                    >
                        {move || locale.t(Msg::CancelButton)}
                    </button>
                </form>
            </Show>
            <Show when=move || confirming.get()>
                <Dialog
                    id="cancel-confirmation"
                    class="message-bar message-bar--warning"
                    labelledby="cancel-confirm-text"
                    on_close=Callback::new(move |_| set_confirming.set(false))
                >
                    <p id="cancel-confirm-text" tabindex="-1">
                        {move || {
                            locale
                                .tf(
                                    Msg::CancelConfirm,
                                    &[
                                        ("product", &product.get_value()),
                                        ("n", &assigned.get().to_string()),
                                    ],
                                )
                        }}
                    </p>
                    <div class="actions">
                        <button
                            type="button"
                            class="button button--danger"
                            id="cancel-confirm"
                            on:click=move |_| {
                                cancel.dispatch(());
                                set_confirming.set(false);
                            }
                        >
                            {move || locale.t(Msg::Confirm)}
                        </button>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| set_confirming.set(false)
                        >
                            {move || locale.t(Msg::Cancel)}
                        </button>
                    </div>
                </Dialog>
            </Show>
            <p role="status">
                {move || match cancel.value().get() {
                    Some(Ok(())) => Some(locale.t(Msg::Canceled).to_owned()),
                    Some(Err(e)) => Some(locale.explain(&e)),
                    None => None,
                }}
            </p>
        </section>
    }
}

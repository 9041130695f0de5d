//! The card on file: edit its details or replace it.

use super::actor;
use crate::components::a11y::Dialog;
use crate::components::card_form::CardForm;
use crate::domain::card::{BillingAddress, CardInput, Expiry};
use crate::domain::commands::{Command, DomainError};
use crate::domain::subscription::SubscriptionId;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use leptos::prelude::*;

/// What the payment panel shows: the card on file, or one of its two forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CardMode {
    View,
    Edit,
    Replace,
}

#[component]
pub(super) fn PaymentPanel(sub: SubscriptionId) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let id = sub.clone();
    let card = Memo::new(move |_| {
        store.state.with(|s| {
            s.subscription(&id)
                .and_then(|x| x.card.as_ref())
                .and_then(|c| s.card(c).cloned())
        })
    });
    let (mode, set_mode) = signal(CardMode::View);
    let (expiry, set_expiry) = signal(String::new());
    let (holder, set_holder) = signal(String::new());
    let (code, set_code) = signal(String::new());
    let street = RwSignal::new(String::new());
    let city = RwSignal::new(String::new());
    let postal = RwSignal::new(String::new());
    let replacement = RwSignal::new(CardInput::default());
    let today = Signal::derive(move || store.clock.get().date_naive());
    let countries = Signal::derive(move || {
        crate::pages::Market::countries()
            .into_iter()
            .map(|k| (k.code().to_owned(), locale.country(k)))
            .collect::<Vec<_>>()
    });
    let save = Action::new_local(move |which: &CardMode| {
        let which = *which;
        let subscription = sub.clone();
        async move {
            let actor = actor().ok_or(DispatchError::NotSignedIn)?;
            let command = if which == CardMode::Edit {
                let card = card
                    .get_untracked()
                    .ok_or(DispatchError::Domain(DomainError::NoCard))?;
                let expiry = Expiry::try_from(expiry.get_untracked().as_str())
                    .map_err(|e| DispatchError::Domain(DomainError::Card(e)))?;
                let parts = [street, city, postal].map(|p| p.get_untracked());
                // All three empty: the address stays as it is; any typed: all three needed.
                let address = if parts.iter().all(|p| p.trim().is_empty()) {
                    None
                } else {
                    Some(
                        BillingAddress::new(&parts[0], &parts[1], &parts[2])
                            .map_err(|e| DispatchError::Domain(DomainError::Card(e)))?,
                    )
                };
                Command::UpdateCard {
                    card: card.id,
                    expiry,
                    holder: holder.get_untracked(),
                    security_code: code.get_untracked(),
                    address,
                }
            } else {
                let card = replacement
                    .with_untracked(|c| c.validate(today.get_untracked()))
                    .map_err(|e| DispatchError::Domain(DomainError::Card(e[0])))?;
                Command::ReplaceCard { subscription, card }
            };
            let result = store.dispatch(actor, command).await.map(|_| ());
            if result.is_ok() {
                set_mode.set(CardMode::View);
                replacement.set(CardInput::default());
            }
            result
        }
    });
    let outcome = move || match save.value().get() {
        Some(Ok(())) => Some(locale.t(Msg::CardUpdated).to_owned()),
        Some(Err(e)) => Some(locale.explain(&e)),
        None => None,
    };
    view! {
        <section class="panel" aria-labelledby="payment-title">
            <h2 id="payment-title">{move || locale.t(Msg::PaymentHeading)}</h2>
            <p id="card-on-file">
                {move || {
                    card.get()
                        .map(|c| {
                            locale
                                .tf(
                                    Msg::CardOnFile,
                                    &[
                                        ("brand", c.brand.name()),
                                        ("last4", &c.last4),
                                        ("expiry", &c.expiry.to_string()),
                                        ("holder", &c.holder),
                                    ],
                                )
                        })
                }}
            </p>
            <p id="payment-outcome" role="status">
                {outcome}
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        if let Some(c) = card.get_untracked() {
                            set_expiry.set(c.expiry.to_string());
                            set_holder.set(c.holder.clone());
                            let a = c.address.clone();
                            street.set(a.as_ref().map(|a| a.street.clone()).unwrap_or_default());
                            city.set(a.as_ref().map(|a| a.city.clone()).unwrap_or_default());
                            postal
                                .set(a.as_ref().map(|a| a.postal_code.clone()).unwrap_or_default());
                        }
                        set_mode.set(CardMode::Edit);
                    }
                >
                    {move || locale.t(Msg::EditCard)}
                </button>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| set_mode.set(CardMode::Replace)
                >
                    {move || locale.t(Msg::ReplaceCard)}
                </button>
            </div>
            <Show when=move || mode.get() == CardMode::Edit>
                <CardDialog mode=CardMode::Edit set_mode save save_id="edit-card-save">
                    <div class="field">
                        <label for="edit-expiry">{move || locale.t(Msg::CardExpiry)}</label>
                        <input
                            id="edit-expiry"
                            type="text"
                            inputmode="numeric"
                            prop:value=expiry
                            on:input=move |ev| set_expiry.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field">
                        <label for="edit-holder">{move || locale.t(Msg::CardHolder)}</label>
                        <input
                            id="edit-holder"
                            type="text"
                            prop:value=holder
                            on:input=move |ev| set_holder.set(event_target_value(&ev))
                        />
                    </div>
                    <AddressField id="edit-street" label=Msg::BillingAddress value=street />
                    <AddressField id="edit-city" label=Msg::BillingCity value=city />
                    <AddressField id="edit-postal" label=Msg::BillingPostal value=postal />
                    <div class="field">
                        <label for="edit-code">{move || locale.t(Msg::CardCode)}</label>
                        <input
                            id="edit-code"
                            type="password"
                            inputmode="numeric"
                            prop:value=code
                            on:input=move |ev| set_code.set(event_target_value(&ev))
                        />
                    </div>
                </CardDialog>
            </Show>
            <Show when=move || mode.get() == CardMode::Replace>
                <CardDialog mode=CardMode::Replace set_mode save save_id="replace-card-save">
                    <CardForm card=replacement today countries />
                </CardDialog>
            </Show>
        </section>
    }
}

/// The Edit or the Replace form, in a panel that takes focus and closes on Escape or
/// Cancel: its heading, its fields, Save and Cancel.
#[component]
fn CardDialog(
    mode: CardMode,
    set_mode: WriteSignal<CardMode>,
    save: Action<CardMode, Result<(), DispatchError>>,
    save_id: &'static str,
    children: Children,
) -> impl IntoView {
    let locale = Locale::get();
    let (id, title, msg) = match mode {
        CardMode::Edit => ("edit-card", "edit-card-title", Msg::EditCard),
        CardMode::Replace | CardMode::View => {
            ("replace-card", "replace-card-title", Msg::ReplaceCard)
        }
    };
    let close = Callback::new(move |()| set_mode.set(CardMode::View));
    view! {
        <Dialog id=id class="card-edit" labelledby=title on_close=close>
            <h3 id=title tabindex="-1">
                {move || locale.t(msg)}
            </h3>
            <form
                class="form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    save.dispatch(mode);
                }
            >
                {children()}
                <div class="actions">
                    <button type="submit" class="button button--primary" id=save_id>
                        {move || locale.t(Msg::SaveChanges)}
                    </button>
                    <button type="button" class="button" on:click=move |_| close.run(())>
                        {move || locale.t(Msg::Cancel)}
                    </button>
                </div>
            </form>
        </Dialog>
    }
}

/// One line of the card's billing address in the Edit form.
#[component]
fn AddressField(id: &'static str, label: Msg, value: RwSignal<String>) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <div class="field">
            <label for=id>{move || locale.t(label)}</label>
            <input
                id=id
                type="text"
                prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

//! The card on file: edit its details or replace it.

use super::actor;
use crate::components::a11y::Dialog;
use crate::components::card_form::CardForm;
use crate::components::command::Outcome;
use crate::components::field::{CheckedForm, Field};
use crate::domain::card::{BillingAddress, CardInput, Expiry, StoredCard};
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

/// What the Edit form holds, as typed: the card's expiry, holder, billing address, and the
/// security code that confirms the change.
#[derive(Clone, Copy)]
struct CardEdit {
    expiry: RwSignal<String>,
    holder: RwSignal<String>,
    code: RwSignal<String>,
    street: RwSignal<String>,
    city: RwSignal<String>,
    postal: RwSignal<String>,
}

impl CardEdit {
    fn new() -> Self {
        CardEdit {
            expiry: RwSignal::new(String::new()),
            holder: RwSignal::new(String::new()),
            code: RwSignal::new(String::new()),
            street: RwSignal::new(String::new()),
            city: RwSignal::new(String::new()),
            postal: RwSignal::new(String::new()),
        }
    }

    /// Starts from the card on file.
    fn fill(self, card: &StoredCard) {
        self.expiry.set(card.expiry.to_string());
        self.holder.set(card.holder.clone());
        let part = |f: fn(&BillingAddress) -> &String| {
            card.address
                .as_ref()
                .map(|a| f(a).clone())
                .unwrap_or_default()
        };
        self.street.set(part(|a| &a.street));
        self.city.set(part(|a| &a.city));
        self.postal.set(part(|a| &a.postal_code));
    }

    /// The update the form asks for, parsed by the domain.
    fn command(self, card: &StoredCard) -> Result<Command, DispatchError> {
        let refused = |e| DispatchError::Domain(DomainError::Card(e));
        let expiry = Expiry::try_from(self.expiry.get_untracked().as_str()).map_err(refused)?;
        let [street, city, postal] =
            [self.street, self.city, self.postal].map(|p| p.get_untracked());
        let address = BillingAddress::edited(&street, &city, &postal).map_err(refused)?;
        Ok(Command::UpdateCard {
            card: card.id.clone(),
            expiry,
            holder: self.holder.get_untracked(),
            security_code: self.code.get_untracked(),
            address,
        })
    }
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
    let mode = RwSignal::new(CardMode::View);
    let edit = CardEdit::new();
    let replacement = RwSignal::new(CardInput::default());
    let today = Signal::derive(move || store.clock.get().date_naive());
    let countries = crate::pages::Market::country_options();
    let save = Action::new_local(move |which: &CardMode| {
        let (which, subscription) = (*which, sub.clone());
        async move {
            let actor = actor().ok_or(DispatchError::NotSignedIn)?;
            let command = if which == CardMode::Edit {
                let card = card
                    .get_untracked()
                    .ok_or(DispatchError::Domain(DomainError::NoCard))?;
                edit.command(&card)?
            } else {
                let card = replacement
                    .with_untracked(|c| c.validate(today.get_untracked()))
                    .map_err(|e| DispatchError::Domain(DomainError::Card(e[0])))?;
                Command::ReplaceCard { subscription, card }
            };
            store.dispatch(actor, command).await?;
            mode.set(CardMode::View);
            replacement.set(CardInput::default());
            Ok(locale.t(Msg::CardUpdated).to_owned())
        }
    });
    let on_file = move || {
        card.get().map(|c| {
            let expiry = c.expiry.to_string();
            locale.tf(
                Msg::CardOnFile,
                &[
                    ("brand", c.brand.name()),
                    ("last4", &c.last4),
                    ("expiry", &expiry),
                    ("holder", &c.holder),
                ],
            )
        })
    };
    let start_edit = move |_| {
        if let Some(c) = card.get_untracked() {
            edit.fill(&c);
        }
        mode.set(CardMode::Edit);
    };
    view! {
        <section class="panel" aria-labelledby="payment-title">
            <h2 id="payment-title">{locale.text(Msg::PaymentHeading)}</h2>
            <p id="card-on-file">{on_file}</p>
            <Outcome id="payment-outcome" ended=Signal::derive(move || save.value().get()) />
            <div class="actions">
                <button type="button" class="button" on:click=start_edit>
                    {locale.text(Msg::EditCard)}
                </button>
                <button type="button" class="button" on:click=move |_| mode.set(CardMode::Replace)>
                    {locale.text(Msg::ReplaceCard)}
                </button>
            </div>
            {move || match mode.get() {
                CardMode::View => ().into_any(),
                CardMode::Edit => {
                    view! {
                        <CardDialog mode=CardMode::Edit set_mode=mode.write_only() save>
                            <EditCardFields edit />
                        </CardDialog>
                    }
                        .into_any()
                }
                CardMode::Replace => {
                    view! {
                        <CardDialog mode=CardMode::Replace set_mode=mode.write_only() save>
                            <CardForm card=replacement today countries />
                        </CardDialog>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The Edit form's fields: expiry, name on card, billing address, and the security code.
#[component]
fn EditCardFields(edit: CardEdit) -> impl IntoView {
    let field = move |id: &'static str, label: Msg, value: RwSignal<String>| {
        view! { <Field id label value on_input=move |v| value.set(v) /> }
    };
    view! {
        <Field
            id="edit-expiry"
            label=Msg::CardExpiry
            value=edit.expiry
            on_input=move |v| edit.expiry.set(v)
            inputmode="numeric"
        />
        {field("edit-holder", Msg::CardHolder, edit.holder)}
        {field("edit-street", Msg::BillingAddress, edit.street)}
        {field("edit-city", Msg::BillingCity, edit.city)}
        {field("edit-postal", Msg::BillingPostal, edit.postal)}
        <Field
            id="edit-code"
            label=Msg::CardCode
            value=edit.code
            on_input=move |v| edit.code.set(v)
            input_type="password"
            inputmode="numeric"
        />
    }
}

/// The Edit or the Replace form, in a panel that takes focus and closes on Escape or
/// Cancel: its heading, its fields, Save and Cancel.
#[component]
fn CardDialog(
    mode: CardMode,
    set_mode: WriteSignal<CardMode>,
    save: Action<CardMode, Result<String, DispatchError>>,
    children: Children,
) -> impl IntoView {
    let locale = Locale::get();
    let (id, title, msg, save_id) = match mode {
        CardMode::Edit => (
            "edit-card",
            "edit-card-title",
            Msg::EditCard,
            "edit-card-save",
        ),
        CardMode::Replace | CardMode::View => (
            "replace-card",
            "replace-card-title",
            Msg::ReplaceCard,
            "replace-card-save",
        ),
    };
    let close = Callback::new(move |()| set_mode.set(CardMode::View));
    view! {
        <Dialog id=id class="card-edit" labelledby=title on_close=close>
            <h3 id=title tabindex="-1">
                {locale.text(msg)}
            </h3>
            <CheckedForm on_submit=move |()| {
                save.dispatch(mode);
            }>
                {children()} <div class="actions">
                    <button type="submit" class="button button--primary" id=save_id>
                        {locale.text(Msg::SaveChanges)}
                    </button>
                    <button type="button" class="button" on:click=move |_| close.run(())>
                        {locale.text(Msg::Cancel)}
                    </button>
                </div>
            </CheckedForm>
        </Dialog>
    }
}

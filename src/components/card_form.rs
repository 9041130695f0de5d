//! The card fields: brand shown while typing, grouped digits, each field's error shown
//! once the person leaves it. Holds nothing itself; the card stays in the caller's memory.

use crate::components::field::{Field, SelectField};
use crate::components::table::{Col, TableHead};
use crate::domain::card::{
    format_typed_number, test_cards, Brand, CardError, CardField, CardInput, TestCardEffect,
};
use crate::domain::commands::DomainError;
use crate::i18n::Msg;
use crate::locale::Locale;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::HashSet;

#[component]
pub fn CardForm(
    card: RwSignal<CardInput>,
    #[prop(into)] today: Signal<NaiveDate>,
    /// Country choices as (ISO code, name).
    #[prop(into)]
    countries: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let locale = Locale::get();
    let touched = RwSignal::new(HashSet::<CardField>::new());
    let errors =
        Memo::new(move |_| card.with(|c| c.validate(today.get()).err().unwrap_or_default()));
    // The error a person sees for a field, once they have left it: one Memo per field,
    // made here once, that the field's message and its aria-invalid both read.
    let error_for = move |field: CardField| {
        Memo::new(move |_| {
            if !touched.with(|t| t.contains(&field)) {
                return None;
            }
            errors.with(|e| e.iter().find(|e| e.field() == field).copied())
        })
    };
    let number = error_for(CardField::Number);
    let expiry = error_for(CardField::Expiry);
    let code = error_for(CardField::SecurityCode);
    let holder = error_for(CardField::Holder);
    let country = error_for(CardField::Country);
    let message = move |e: CardError| locale.reason(&DomainError::Card(e).explanation());
    let brand = Memo::new(move |_| {
        card.with(|c| {
            Brand::detect(
                &c.number
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>(),
            )
        })
    });
    // A field's error shows once the person has left it.
    let left = move |field: CardField| {
        Callback::new(move |()| {
            touched.try_update(|t| {
                t.insert(field);
            });
        })
    };
    let shown = move |err: Memo<Option<CardError>>| Signal::derive(move || err.get().map(message));
    let text = move |get: fn(&CardInput) -> String| Signal::derive(move || card.with(get));
    let set = move |put: fn(&mut CardInput, String)| {
        Callback::new(move |v: String| card.update(|c| put(c, v)))
    };
    view! {
        <fieldset class="card-form">
            <legend class="visually-hidden">{locale.text(Msg::StepCard)}</legend>
            <p class="muted">{locale.text(Msg::CardOnly)}</p>
            <Field
                id="card-number"
                label=Msg::CardNumber
                value=text(|c| format_typed_number(&c.number))
                on_input=set(|c, v| c.number = v)
                error=shown(number)
                alert=true
                inputmode="numeric"
                autocomplete="cc-number"
                maxlength=23u32
                on_blur=left(CardField::Number)
                described_by="card-brand"
            >
                <span id="card-brand" class="card-brand" aria-live="polite">
                    {move || {
                        brand
                            .get()
                            .map(|b| locale.tf(Msg::CardBrandDetected, &[("brand", b.name())]))
                    }}
                </span>
            </Field>
            <div class="field-row">
                <Field
                    id="card-expiry"
                    label=Msg::CardExpiry
                    value=text(|c| c.expiry.clone())
                    on_input=set(|c, v| c.expiry = v)
                    error=shown(expiry)
                    alert=true
                    inputmode="numeric"
                    autocomplete="cc-exp"
                    placeholder=Msg::CardExpiryPlaceholder
                    maxlength=7u32
                    on_blur=left(CardField::Expiry)
                />
                <Field
                    id="card-code"
                    label=Msg::CardCode
                    value=text(|c| c.security_code.clone())
                    on_input=set(|c, v| c.security_code = v)
                    error=shown(code)
                    alert=true
                    input_type="password"
                    inputmode="numeric"
                    autocomplete="cc-csc"
                    maxlength=Signal::derive(move || {
                        brand.get().map_or(4, |b| b.code_length() as u32)
                    })
                    on_blur=left(CardField::SecurityCode)
                />
            </div>
            <Field
                id="card-holder"
                label=Msg::CardHolder
                value=text(|c| c.holder.clone())
                on_input=set(|c, v| c.holder = v)
                error=shown(holder)
                alert=true
                autocomplete="cc-name"
                on_blur=left(CardField::Holder)
            />
            <SelectField
                id="card-country"
                label=Msg::BillingCountry
                value=text(|c| c.country.clone())
                on_change=set(|c, v| c.country = v)
                options=countries
                error=shown(country)
                autocomplete="country"
                on_blur=left(CardField::Country)
            />
            <TestCards />
        </fieldset>
    }
}

/// The demo's test card numbers and what the simulated processor does with each, from the
/// domain's own table (`card::test_cards`): a disclosure under every card form.
#[component]
fn TestCards() -> impl IntoView {
    let locale = Locale::get();
    let row = move |(number, effect): (&'static str, TestCardEffect)| {
        let what = move || match effect {
            TestCardEffect::Approved => locale.t(Msg::TestCardApproved).to_owned(),
            TestCardEffect::Declined(why) => locale.tf(
                Msg::TestCardDeclined,
                &[("why", locale.key(why.message_key()))],
            ),
            TestCardEffect::DeclinesLater => locale.t(Msg::TestCardDeclinesLater).to_owned(),
        };
        view! {
            <tr>
                <td>
                    <code translate="no">{format_typed_number(number)}</code>
                </td>
                <td>{what}</td>
            </tr>
        }
    };
    view! {
        <details class="test-cards" id="test-cards">
            <summary>{locale.text(Msg::TestCardsTitle)}</summary>
            <p class="muted">{locale.text(Msg::TestCardsIntro)}</p>
            <table class="grid">
                <TableHead cols=TEST_CARD_COLUMNS />
                <tbody>{test_cards().into_iter().map(row).collect_view()}</tbody>
            </table>
        </details>
    }
}

/// The number, and what it does.
const TEST_CARD_COLUMNS: &[Col] = &[Col::Text(Msg::CardNumber), Col::Text(Msg::TestCardsEffect)];

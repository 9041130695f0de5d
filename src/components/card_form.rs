//! The card fields: brand shown while typing, grouped digits, each field's error shown
//! once the person leaves it. Holds nothing itself; the card stays in the caller's memory.

use crate::domain::card::{format_typed_number, Brand, CardError, CardField, CardInput};
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
    let blur = move |field: CardField| {
        move |_| {
            touched.update(|t| {
                t.insert(field);
            })
        }
    };
    let field =
        move |id: &'static str, err: Memo<Option<CardError>>, label: Msg, input: AnyView| {
            let err_id = format!("{id}-error");
            view! {
                <div class="field" class:field--invalid=move || err.read().is_some()>
                    <label for=id>{move || locale.t(label)}</label>
                    {input}
                    <p id=err_id class="field-error" role="alert">
                        {move || err.get().map(message)}
                    </p>
                </div>
            }
        };
    let invalid = move |err: Memo<Option<CardError>>| move || err.read().is_some().to_string();
    view! {
        <fieldset class="card-form">
            <legend class="visually-hidden">{move || locale.t(Msg::StepCard)}</legend>
            <p class="muted">{move || locale.t(Msg::CardOnly)}</p>
            {field(
                "card-number",
                number,
                Msg::CardNumber,
                view! {
                    <div class="card-number">
                        <input
                            id="card-number"
                            type="text"
                            inputmode="numeric"
                            autocomplete="cc-number"
                            maxlength="23"
                            aria-describedby="card-number-error card-brand"
                            aria-invalid=invalid(number)
                            prop:value=move || card.with(|c| format_typed_number(&c.number))
                            on:input=move |ev| card.update(|c| c.number = event_target_value(&ev))
                            on:blur=blur(CardField::Number)
                        />
                        <span id="card-brand" class="card-brand" aria-live="polite">
                            {move || {
                                brand
                                    .get()
                                    .map(|b| {
                                        locale.tf(Msg::CardBrandDetected, &[("brand", b.name())])
                                    })
                            }}
                        </span>
                    </div>
                }
                    .into_any(),
            )}
            <div class="field-row">
                {field(
                    "card-expiry",
                    expiry,
                    Msg::CardExpiry,
                    view! {
                        <input
                            id="card-expiry"
                            type="text"
                            inputmode="numeric"
                            autocomplete="cc-exp"
                            placeholder=move || locale.t(Msg::CardExpiryPlaceholder)
                            maxlength="7"
                            aria-describedby="card-expiry-error"
                            aria-invalid=invalid(expiry)
                            prop:value=move || card.with(|c| c.expiry.clone())
                            on:input=move |ev| card.update(|c| c.expiry = event_target_value(&ev))
                            on:blur=blur(CardField::Expiry)
                        />
                    }
                        .into_any(),
                )}
                {field(
                    "card-code",
                    code,
                    Msg::CardCode,
                    view! {
                        <input
                            id="card-code"
                            type="password"
                            inputmode="numeric"
                            autocomplete="cc-csc"
                            maxlength=move || brand.get().map_or(4, Brand::code_length).to_string()
                            aria-describedby="card-code-error"
                            aria-invalid=invalid(code)
                            prop:value=move || card.with(|c| c.security_code.clone())
                            on:input=move |ev| {
                                card.update(|c| c.security_code = event_target_value(&ev))
                            }
                            on:blur=blur(CardField::SecurityCode)
                        />
                    }
                        .into_any(),
                )}
            </div>
            {field(
                "card-holder",
                holder,
                Msg::CardHolder,
                view! {
                    <input
                        id="card-holder"
                        type="text"
                        autocomplete="cc-name"
                        aria-describedby="card-holder-error"
                        aria-invalid=invalid(holder)
                        prop:value=move || card.with(|c| c.holder.clone())
                        on:input=move |ev| card.update(|c| c.holder = event_target_value(&ev))
                        on:blur=blur(CardField::Holder)
                    />
                }
                    .into_any(),
            )}
            {field(
                "card-country",
                country,
                Msg::BillingCountry,
                view! {
                    <select
                        id="card-country"
                        autocomplete="country"
                        aria-describedby="card-country-error"
                        aria-invalid=invalid(country)
                        prop:value=move || card.with(|c| c.country.clone())
                        on:change=move |ev| card.update(|c| c.country = event_target_value(&ev))
                        on:blur=blur(CardField::Country)
                    >
                        <option value="">"—"</option>
                        {move || {
                            countries
                                .get()
                                .into_iter()
                                .map(|(code, name)| {
                                    view! { <option value=code.clone()>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                }
                    .into_any(),
            )}
        </fieldset>
    }
}

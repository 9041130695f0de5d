//! What is bought and how it is paid: licenses and billing details, then the card.

use super::super::Market;
use super::{Checkout, Step, StepHeading};
use crate::components::card_form::CardForm;
use crate::components::count_field::CountField;
use crate::domain::Quantity;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::draft::Draft;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub(super) fn LicensesStep(c: Checkout) -> impl IntoView {
    let locale = Locale::get();
    let navigate = use_navigate();
    let (tried, set_tried) = signal(false);
    let quantity_error = Signal::derive(move || {
        c.draft
            .with(|d| Quantity::try_from(d.licenses.as_str()).err())
    });
    let total = move || {
        c.total()
            .map(|m| locale.money(m))
            .unwrap_or_else(|| "—".into())
    };
    let unit = move || {
        c.unit_price()
            .map(|m| locale.money(m))
            .unwrap_or_else(|| "—".into())
    };
    let countries = Market::countries();
    let billing_field = move |id: &'static str,
                              label: Msg,
                              get: fn(&Draft) -> String,
                              set: fn(&mut Draft, String),
                              autocomplete: &'static str| {
        let missing = move || tried.get() && c.draft.with(|d| get(d).trim().is_empty());
        let err_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id>{move || locale.t(label)}</label>
                <input
                    id=id
                    type="text"
                    autocomplete=autocomplete
                    required
                    aria-describedby=err_id.clone()
                    aria-invalid=move || missing().to_string()
                    prop:value=move || c.draft.with(get)
                    on:input=move |ev| c.update_draft(|d| set(d, event_target_value(&ev)))
                />
                <p id=err_id class="field-error" role="alert">
                    {move || {
                        missing()
                            .then(|| locale.tf(Msg::FieldRequired, &[("field", locale.t(label))]))
                    }}
                </p>
            </div>
        }
    };
    view! {
        <StepHeading c step=Step::Licenses />
        <form
            class="form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                set_tried.set(true);
                if c.licenses().is_some() && c.billing_complete() {
                    navigate(&c.href(c.next_after(Step::Licenses)), Default::default());
                }
            }
        >
            <CountField
                id="licenses"
                label=Msg::LicensesLabel
                text=Signal::derive(move || c.draft.with(|d| d.licenses.clone()))
                error=quantity_error
                on_input=Callback::new(move |text| c.update_draft(|d| d.licenses = text))
                described_by="checkout-total"
            />
            <div class="field field--check">
                <input
                    type="checkbox"
                    id="assign-to-me"
                    prop:checked=move || c.draft.with(|d| d.assign_to_me)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        c.update_draft(|d| d.assign_to_me = on);
                    }
                />
                <label for="assign-to-me">{move || locale.t(Msg::AssignToMe)}</label>
            </div>
            <dl class="facts" id="checkout-total" aria-live="polite">
                <dt>{move || locale.t(Msg::UnitPriceLabel)}</dt>
                <dd>{unit}</dd>
                <dt>{move || locale.t(Msg::TotalLabel)}</dt>
                <dd class="total" id="total-amount">
                    {total}
                </dd>
            </dl>
            <p class="muted">{move || locale.t(Msg::PriceNote)}</p>
            <p class="muted">{move || locale.t(Msg::PurchaserBilled)}</p>
            <fieldset class="billing">
                <legend>{move || locale.t(Msg::BillingHeading)}</legend>
                {billing_field(
                    "billing-name",
                    Msg::BillingName,
                    |d| d.billing.name.clone(),
                    |d, v| d.billing.name = v,
                    "name",
                )}
                {billing_field(
                    "billing-address",
                    Msg::BillingAddress,
                    |d| d.billing.address.clone(),
                    |d, v| d.billing.address = v,
                    "street-address",
                )}
                {billing_field(
                    "billing-city",
                    Msg::BillingCity,
                    |d| d.billing.city.clone(),
                    |d, v| d.billing.city = v,
                    "address-level2",
                )}
                {billing_field(
                    "billing-postal",
                    Msg::BillingPostal,
                    |d| d.billing.postal_code.clone(),
                    |d, v| d.billing.postal_code = v,
                    "postal-code",
                )}
                <div class="field">
                    <label for="billing-country">{move || locale.t(Msg::BillingCountry)}</label>
                    <select
                        id="billing-country"
                        autocomplete="country"
                        required
                        aria-describedby="billing-country-error"
                        aria-invalid=move || {
                            (tried.get() && c.draft.with(|d| d.billing.country.is_empty()))
                                .to_string()
                        }
                        prop:value=move || c.draft.with(|d| d.billing.country.clone())
                        on:change=move |ev| {
                            c.update_draft(|d| d.billing.country = event_target_value(&ev))
                        }
                    >
                        <option value="">"—"</option>
                        {countries
                            .into_iter()
                            .map(|country| {
                                view! {
                                    <option value=country
                                        .code()
                                        .to_owned()>{move || locale.country(country)}</option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <p id="billing-country-error" class="field-error" role="alert">
                        {move || {
                            (tried.get() && c.draft.with(|d| d.billing.country.is_empty()))
                                .then(|| {
                                    locale
                                        .tf(
                                            Msg::FieldRequired,
                                            &[("field", locale.t(Msg::BillingCountry))],
                                        )
                                })
                        }}
                    </p>
                </div>
            </fieldset>
            // Off while the number of licenses is refused: no total is shown for it either.
            <button
                type="submit"
                class="button button--primary"
                disabled=move || quantity_error.with(Option::is_some)
            >
                {move || locale.t(Msg::Continue)}
            </button>
        </form>
    }
}

#[component]
pub(super) fn CardStep(c: Checkout) -> impl IntoView {
    let locale = Locale::get();
    let navigate = use_navigate();
    // The card's holder and country start from the billing details.
    c.card.update(|card| {
        c.draft.with_untracked(|d| {
            if card.holder.is_empty() {
                card.holder = d.billing.name.clone();
            }
            if card.country.is_empty() {
                card.country = d.billing.country.clone();
            }
        })
    });
    let today = Signal::derive(move || c.store.clock.get().date_naive());
    let countries = Signal::derive(move || {
        Market::countries()
            .into_iter()
            .map(|k| (k.code().to_owned(), locale.country(k)))
            .collect::<Vec<_>>()
    });
    view! {
        <StepHeading c step=Step::Card />
        <form
            class="form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                if c.card_valid() {
                    navigate(&c.href(Step::Review), Default::default());
                }
            }
        >
            <CardForm card=c.card today countries />
            <button type="submit" class="button button--primary" disabled=move || !c.card_valid()>
                {move || locale.t(Msg::StepReview)}
            </button>
        </form>
    }
}

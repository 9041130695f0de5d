//! What is bought and how it is paid: licenses and billing details, then the card.

use super::super::Market;
use super::{Checkout, Step, StepHeading};
use crate::components::card_form::CardForm;
use crate::components::count_field::CountField;
use crate::components::field::{CheckedForm, Field, SelectField};
use crate::domain::Quantity;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::draft::BillingLine;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub(super) fn LicensesStep(c: Checkout) -> impl IntoView {
    let locale = Locale::get();
    let navigate = use_navigate();
    let tried = RwSignal::new(false);
    let quantity_error = Signal::derive(move || {
        c.draft
            .with(|d| Quantity::try_from(d.licenses.as_str()).err())
    });
    view! {
        <StepHeading c step=Step::Licenses />
        <CheckedForm on_submit=move |()| {
            tried.set(true);
            if c.licenses().is_some() && c.billing_complete() {
                navigate(&c.href(c.next_after(Step::Licenses)), Default::default());
            }
        }>
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
                <label for="assign-to-me">{locale.text(Msg::AssignToMe)}</label>
            </div>
            <TotalFacts c />
            <p class="muted">{locale.text(Msg::PriceNote)}</p>
            <p class="muted">{locale.text(Msg::PurchaserBilled)}</p>
            <BillingFields c tried=tried.read_only() />
            // Off while the number of licenses is refused: no total is shown for it either.
            <button
                type="submit"
                class="button button--primary"
                disabled=move || quantity_error.with(Option::is_some)
            >
                {locale.text(Msg::Continue)}
            </button>
        </CheckedForm>
    }
}

/// The price of one license and the total, as the domain works them out while the count
/// is typed.
#[component]
fn TotalFacts(c: Checkout) -> impl IntoView {
    let locale = Locale::get();
    let money =
        move |m: Option<crate::domain::Money>| m.map_or_else(|| "—".into(), |m| locale.money(m));
    view! {
        <dl class="facts" id="checkout-total" aria-live="polite">
            <dt>{locale.text(Msg::UnitPriceLabel)}</dt>
            <dd>{move || money(c.unit_price())}</dd>
            <dt>{locale.text(Msg::TotalLabel)}</dt>
            <dd class="total" id="total-amount">
                {move || money(c.total())}
            </dd>
        </dl>
    }
}

/// The address lines before the country, in the admin center's order: id, label, line and
/// the browser's autofill name.
const ADDRESS: [(&str, Msg, BillingLine, &str); 4] = [
    ("billing-name", Msg::BillingName, BillingLine::Name, "name"),
    (
        "billing-address",
        Msg::BillingAddress,
        BillingLine::Address,
        "street-address",
    ),
    (
        "billing-city",
        Msg::BillingCity,
        BillingLine::City,
        "address-level2",
    ),
    (
        "billing-postal",
        Msg::BillingPostal,
        BillingLine::PostalCode,
        "postal-code",
    ),
];

/// The billing details the purchase is invoiced to; each is required, and says so once
/// the person has tried to go on.
#[component]
fn BillingFields(c: Checkout, tried: ReadSignal<bool>) -> impl IntoView {
    let locale = Locale::get();
    let required = move |label: Msg, value: Signal<String>| {
        Signal::derive(move || {
            (tried.get() && value.with(|v| v.trim().is_empty()))
                .then(|| locale.tf(Msg::FieldRequired, &[("field", locale.t(label))]))
        })
    };
    let field =
        move |&(id, label, line, autocomplete): &(&'static str, Msg, BillingLine, &'static str)| {
            let value = Signal::derive(move || c.draft.with(|d| d.billing.line(line).to_owned()));
            view! {
                <Field
                    id
                    label
                    value
                    on_input=move |v| c.update_draft(|d| *d.billing.line_mut(line) = v)
                    error=required(label, value)
                    alert=true
                    autocomplete
                    required=true
                />
            }
        };
    let country = Signal::derive(move || c.draft.with(|d| d.billing.country.clone()));
    let countries = Market::country_options();
    view! {
        <fieldset class="billing">
            <legend>{locale.text(Msg::BillingHeading)}</legend>
            {ADDRESS.iter().map(field).collect_view()}
            <SelectField
                id="billing-country"
                label=Msg::BillingCountry
                value=country
                on_change=move |v| c.update_draft(|d| d.billing.country = v)
                options=countries
                error=required(Msg::BillingCountry, country)
                autocomplete="country"
                required=true
            />
        </fieldset>
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
    let countries = Market::country_options();
    view! {
        <StepHeading c step=Step::Card />
        <CheckedForm on_submit=move |()| {
            if c.card_valid() {
                navigate(&c.href(Step::Review), Default::default());
            }
        }>
            <CardForm card=c.card today countries />
            <button type="submit" class="button button--primary" disabled=move || !c.card_valid()>
                {locale.text(Msg::StepReview)}
            </button>
        </CheckedForm>
    }
}

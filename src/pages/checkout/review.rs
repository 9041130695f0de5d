//! The order review that places it, and the confirmation.

use super::{Checkout, OrderError, Step, StepHeading};
use crate::components::verdict::VerdictBanner;
use crate::domain::card::CardInput;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::draft::{self};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

#[component]
pub(super) fn ReviewStep(c: Checkout) -> impl IntoView {
    let locale = Locale::get();
    let navigate = StoredValue::new(use_navigate());
    // The order's key exists from the moment the review shows; every Pay sends it.
    let key = c.submission_key();
    let place = Action::new_local(move |_: &()| {
        let key = key.clone();
        async move {
            let result = c.submit(key).await;
            // A second Pay whose answer comes after the first moved the page on finds this
            // step gone (`try_`): its answer (refused, already submitted) has no one to tell.
            if let (Ok(order), Some(href)) = (&result, c.try_href(Step::Done)) {
                navigate
                    .try_with_value(|go| go(&format!("{href}&order={order}"), Default::default()));
                // Once confirmed, the draft (and its key) and the card are forgotten.
                if let Some(p) = c.product.try_get_untracked().flatten() {
                    draft::clear(p.id.as_str());
                }
                c.card.try_set(CardInput::default());
            }
            result
        }
    });
    let total = move || c.total().map(|m| locale.money(m)).unwrap_or_default();
    let payment = move || {
        if !c.needs_card() {
            return locale.t(Msg::ReviewNoCard).to_owned();
        }
        let card = c.card.with(|card| {
            let digits: String = card.number.chars().filter(char::is_ascii_digit).collect();
            let brand = crate::domain::Brand::detect(&digits).map_or("", |b| b.name());
            format!("{brand} •••• {}", &digits[digits.len().saturating_sub(4)..])
        });
        if c.trial.get() {
            format!(
                "{card} — {}",
                locale.tf(Msg::ReviewTrialCard, &[("total", &total())])
            )
        } else {
            card
        }
    };
    // What happens next month, in the words of the lifecycle the domain runs.
    let next = move || {
        let today = c.store.clock.get().date_naive();
        let date = locale.date(crate::domain::subscription::one_month_after(today));
        let args = [("total", total()), ("date", date)];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let msg = match (c.trial.get(), c.needs_card()) {
            (false, _) => Msg::ReviewNextPurchase,
            (true, true) => Msg::ReviewNextCardTrial,
            (true, false) => Msg::ReviewNextNoCardTrial,
        };
        locale.tf(msg, &args)
    };
    let button = move || {
        if place.pending().get() {
            locale.t(Msg::Processing).to_owned()
        } else if c.trial.get() {
            locale.t(Msg::StartTrial).to_owned()
        } else {
            locale.tf(Msg::PlaceOrder, &[("total", &total())])
        }
    };
    let refused = Signal::derive(move || match place.value().get() {
        Some(Err(OrderError::Refused(v))) => Some(v),
        _ => None,
    });
    let args = Signal::derive(move || c.verdict_args(refused.get()));
    let error = move || match place.value().get() {
        Some(Err(OrderError::Message(m))) => Some(locale.t(m).to_owned()),
        Some(Err(OrderError::Key(k))) => Some(locale.key(k).to_owned()),
        Some(Err(OrderError::AlreadyPlaced)) => Some(locale.t(Msg::ErrAlreadySubmitted).to_owned()),
        _ => None,
    };
    view! {
        <StepHeading c step=Step::Review />
        <dl class="facts review">
            <dt>{locale.text(Msg::ReviewProduct)}</dt>
            <dd>{move || c.product_name()}</dd>
            <dt>{locale.text(Msg::ReviewOrganization)}</dt>
            <dd>{move || c.who.get().map(|(_, t)| t.name)}</dd>
            <dt>{locale.text(Msg::ReviewPurchaser)}</dt>
            <dd>{move || c.who.get().map(|(u, _)| format!("{} ({})", u.display_name, u.email))}</dd>
            <dt>{locale.text(Msg::LicensesLabel)}</dt>
            <dd id="review-licenses">{move || c.licenses().map(|q| q.get().to_string())}</dd>
            <dt>{locale.text(Msg::TotalLabel)}</dt>
            <dd id="review-total">{total}</dd>
            <dt>{locale.text(Msg::ReviewPayment)}</dt>
            <dd>{payment}</dd>
        </dl>
        <p id="review-next">{next}</p>
        <p class="muted">{locale.text(Msg::PurchaserBilled)}</p>
        // The admins' page: "Before a user makes a purchase or starts a trial, we notify the
        // user of the personal data that we process and the terms that apply."
        <p class="muted" id="privacy-notice">
            {locale.text(Msg::ReviewPrivacy)}
        </p>
        <Show when=move || refused.get().is_some()>
            <p class="message-bar message-bar--error" role="alert">
                {locale.text(Msg::PolicyChangedTitle)}
            </p>
            <VerdictBanner verdict=refused args allowed=false />
        </Show>
        <p id="order-error" class="field-error" role="alert">
            {error}
        </p>
        // An order sent again (back, then Pay) was placed the first time: say where it is.
        {move || {
            matches!(place.value().get(), Some(Err(OrderError::AlreadyPlaced)))
                .then(|| {
                    view! {
                        <p id="order-placed">
                            <A href="/admin">{locale.text(Msg::SeeYourPurchases)}</A>
                        </p>
                    }
                })
        }}
        <button
            type="button"
            class="button button--primary"
            id="place-order"
            disabled=move || place.pending().get() || refused.get().is_some()
            on:click=move |_| {
                place.dispatch(());
            }
        >
            {button}
        </button>
    }
}

#[component]
pub(super) fn DoneStep(c: Checkout) -> impl IntoView {
    let locale = Locale::get();
    let subscription = move || {
        let id = c.order.get()?;
        c.store
            .state
            .with(|s| s.subscriptions.iter().find(|x| x.id.0 == id).cloned())
    };
    let heading = move || {
        let name = c.product_name();
        if c.trial.get() {
            locale.tf(Msg::TrialDone, &[("product", &name)])
        } else {
            locale.tf(Msg::OrderDone, &[("product", &name)])
        }
    };
    view! {
        <StepHeading c step=Step::Done />
        <div class="message-bar confirmation" role="status">
            <p>
                <strong>{heading}</strong>
            </p>
        </div>
        <dl class="facts">
            <dt>{locale.text(Msg::OrderNumber)}</dt>
            <dd id="order-number">
                <code>{move || c.order.get()}</code>
            </dd>
            <dt>{locale.text(Msg::LicensesLabel)}</dt>
            <dd>{move || subscription().map(|s| s.licenses.get().to_string())}</dd>
            <dt>{locale.text(Msg::UnitPriceLabel)}</dt>
            <dd>{move || subscription().map(|s| locale.money(s.unit_price))}</dd>
        </dl>
        <p id="done-next">
            {move || {
                subscription()
                    .map(|s| {
                        let n = s.licenses.get();
                        let name = c.product_name();
                        let mine = c.session.actor().is_some_and(|a| s.assigned.contains(&a.user));
                        let msg = if mine { Msg::DoneHasLicense } else { Msg::DoneNoLicense };
                        locale.tn(msg, ("n", n), &[("product", &name)])
                    })
            }}
        </p>
        <A href="/admin/billing/licenses" attr:class="button button--primary">
            {locale.text(Msg::AssignLicenses)}
        </A>
    }
}

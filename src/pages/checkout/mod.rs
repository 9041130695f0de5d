//! `/checkout/:product_id`: email (with the instant verdict), sign-in, licenses and
//! billing, card, review, confirmation. The step is in the URL (`?step=`), so back and
//! forward move between steps; the draft survives a reload, the card never leaves memory.

use super::{catalog::MarketPicker, routed_product, Market, UnknownProduct};
use crate::components::page_title::PageTitle;
use crate::components::stepper::Stepper;
use crate::domain::card::CardInput;
use crate::domain::eligibility::Offer;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::draft::{self};
use crate::store::session::Session;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

mod flow;
mod identity;
mod order;
mod review;

use flow::{Checkout, OrderError, Step};
use identity::{EmailStep, SignInStep};
use order::{CardStep, LicensesStep};
use review::{DoneStep, ReviewStep};

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let product = routed_product();
    let query = use_query_map();
    let requested = Memo::new(move |_| {
        let slug = query.read().get("step").unwrap_or_default();
        Step::ALL
            .into_iter()
            .find(|s| s.slug() == slug)
            .unwrap_or(Step::Email)
    });
    let trial = Memo::new(move |_| query.read().get("trial").as_deref() == Some("1"));
    let order = Memo::new(move |_| query.read().get("order"));
    let draft = RwSignal::new(
        product
            .get_untracked()
            .map(|p| draft::load(p.id.as_str()))
            .unwrap_or_default(),
    );
    let c = Checkout {
        product,
        trial,
        requested,
        order,
        draft,
        card: RwSignal::new(CardInput::default()),
        who: session.signed_in(store),
        store,
        session,
    };
    let step = Memo::new(move |_| c.step());
    let market = Market::new();
    let unavailable = Memo::new(move |_| {
        product.with(|p| {
            p.as_ref()
                .is_some_and(|p| matches!(market.offer(p), Offer::Unavailable(_)))
        })
    });
    // Each new step is in the address, so focus follows it to the step's heading
    // (`a11y::focus_on_navigation`).
    let title = move || {
        let name = c.product_name();
        if trial.get() {
            locale.tf(Msg::TrialTitle, &[("product", &name)])
        } else {
            locale.tf(Msg::CheckoutTitle, &[("product", &name)])
        }
    };
    let steps = Signal::derive(move || c.steps().into_iter().map(Step::msg).collect::<Vec<_>>());
    let current =
        Signal::derive(move || c.steps().iter().position(|s| *s == step.get()).unwrap_or(0));
    view! {
        <Show when=move || product.read().is_some() fallback=UnknownProduct>
            // Not sold in this market or cloud: said at the entry, before any email.
            <Show
                when=move || !unavailable.get()
                fallback=move || {
                    view! {
                        <section class="page checkout" aria-labelledby="page-title">
                            <PageTitle text=title />
                            <p
                                class="message-bar message-bar--error"
                                role="alert"
                                id="not-available"
                            >
                                {move || {
                                    product
                                        .with(|p| {
                                            p.as_ref().map(|p| market.price_text(locale, p))
                                        })
                                }}
                            </p>
                            <MarketPicker market />
                        </section>
                    }
                }
            >
                // `?trial=1` on a product with no trial: refused with the reason, no steps.
                <Show
                    when=move || {
                        !trial.get()
                            || product.with(|p| p.as_ref().is_some_and(|p| p.trial.is_some()))
                    }
                    fallback=move || {
                        view! {
                            <section class="page checkout" aria-labelledby="page-title">
                                <PageTitle text=title />
                                <p
                                    class="message-bar message-bar--error"
                                    role="alert"
                                    id="no-trial"
                                >
                                    {move || locale.key("error.no_trial")}
                                </p>
                                <A
                                    href=move || {
                                        product
                                            .with(|p| p.as_ref().map(|p| format!("/checkout/{}", p.id)))
                                            .unwrap_or_default()
                                    }
                                    attr:class="button button--primary"
                                >
                                    {move || locale.t(Msg::BuyNow)}
                                </A>
                            </section>
                        }
                    }
                >
                    <section class="page checkout" aria-labelledby="page-title">
                        <PageTitle text=title />
                        <Stepper steps current />
                        {move || match step.get() {
                            Step::Email => view! { <EmailStep c /> }.into_any(),
                            Step::SignIn => view! { <SignInStep c /> }.into_any(),
                            Step::Licenses => view! { <LicensesStep c /> }.into_any(),
                            Step::Card => view! { <CardStep c /> }.into_any(),
                            Step::Review => view! { <ReviewStep c /> }.into_any(),
                            Step::Done => view! { <DoneStep c /> }.into_any(),
                        }}
                    </section>
                </Show>
            </Show>
        </Show>
    }
}

/// The heading and the back link every step shares.
#[component]
fn StepHeading(c: Checkout, step: Step) -> impl IntoView {
    let locale = Locale::get();
    let back = move || {
        c.previous_before(step)
            .filter(|_| step != Step::Done)
            .map(|s| c.href(s))
    };
    view! {
        <div class="step-heading">
            <h2 id="step-title" tabindex="-1">
                {move || locale.t(step.msg())}
            </h2>
            {move || {
                back()
                    .map(|href| {
                        view! {
                            <A href=href attr:class="step-back">
                                {move || locale.t(Msg::Back)}
                            </A>
                        }
                    })
            }}
        </div>
    }
}

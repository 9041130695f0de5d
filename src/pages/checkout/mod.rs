//! `/checkout/:product_id`: email (with the instant verdict), sign-in, licenses and
//! billing, card, review, confirmation. The step is in the URL (`?step=`), so back and
//! forward move between steps; the draft survives a reload, the card never leaves memory.

use super::{catalog::MarketPicker, routed_product, Market, UnknownProduct};
use crate::components::page_title::PageTitle;
use crate::components::stepper::Stepper;
use crate::domain::card::CardInput;
use crate::domain::eligibility::Offer;
use crate::domain::Product;
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

/// Why the steps do not open, said at the entry before any email.
#[derive(Clone, Copy, PartialEq)]
enum Gate {
    /// Not sold in this market or cloud.
    Unavailable,
    /// `?trial=1` on a product with no trial.
    NoTrial,
    Open,
}

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let locale = Locale::get();
    let product = routed_product();
    let c = use_checkout(product);
    let market = Market::new();
    let gate = Memo::new(move |_| {
        product.with(|p| match p {
            Some(p) if matches!(market.offer(p), Offer::Unavailable(_)) => Gate::Unavailable,
            Some(p) if c.trial.get() && p.trial.is_none() => Gate::NoTrial,
            _ => Gate::Open,
        })
    });
    // Each new step is in the address, so focus follows it to the step's heading
    // (`a11y::focus_on_navigation`).
    let title = Signal::derive(move || {
        let name = c.product_name();
        let msg = if c.trial.get() {
            Msg::TrialTitle
        } else {
            Msg::CheckoutTitle
        };
        locale.tf(msg, &[("product", &name)])
    });
    let price = move || product.with(|p| p.as_ref().map(|p| market.price_text(locale, p)));
    let buy = move || {
        product
            .with(|p| p.as_ref().map(|p| format!("/checkout/{}", p.id)))
            .unwrap_or_default()
    };
    view! {
        <Show when=move || product.read().is_some() fallback=UnknownProduct>
            {move || match gate.get() {
                Gate::Unavailable => {
                    view! {
                        <Refused title id="not-available" why=price>
                            <MarketPicker market />
                        </Refused>
                    }
                        .into_any()
                }
                Gate::NoTrial => {
                    view! {
                        <Refused
                            title
                            id="no-trial"
                            why=move || Some(locale.key("error.no_trial").to_owned())
                        >
                            <A href=buy attr:class="button button--primary">
                                {locale.text(Msg::BuyNow)}
                            </A>
                        </Refused>
                    }
                        .into_any()
                }
                Gate::Open => view! { <Steps c title /> }.into_any(),
            }}
        </Show>
    }
}

/// The checkout's state for the routed product: the step asked for in the address, the
/// draft this tab keeps, the card in memory, and who is signed in.
fn use_checkout(product: Memo<Option<Product>>) -> Checkout {
    let store = Store::get();
    let session = Session::get();
    let query = use_query_map();
    let requested = Memo::new(move |_| {
        let slug = query.read().get("step").unwrap_or_default();
        Step::ALL
            .into_iter()
            .find(|s| s.slug() == slug)
            .unwrap_or(Step::Email)
    });
    let draft = product
        .get_untracked()
        .map(|p| draft::load(p.id.as_str()))
        .unwrap_or_default();
    Checkout {
        product,
        trial: Memo::new(move |_| query.read().get("trial").as_deref() == Some("1")),
        requested,
        order: Memo::new(move |_| query.read().get("order")),
        draft: RwSignal::new(draft),
        card: RwSignal::new(CardInput::default()),
        who: session.signed_in(store),
        store,
        session,
    }
}

/// The page when the steps do not open: the title, why, and the way on.
#[component]
fn Refused(
    #[prop(into)] title: Signal<String>,
    id: &'static str,
    #[prop(into)] why: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="page checkout" aria-labelledby="page-title">
            <PageTitle text=title />
            <p class="message-bar message-bar--error" role="alert" id=id>
                {why}
            </p>
            {children()}
        </section>
    }
}

/// The stepper and the step the address asks for.
#[component]
fn Steps(c: Checkout, title: Signal<String>) -> impl IntoView {
    let step = Memo::new(move |_| c.step());
    let steps = Signal::derive(move || c.steps().into_iter().map(Step::msg).collect::<Vec<_>>());
    let current =
        Signal::derive(move || c.steps().iter().position(|s| *s == step.get()).unwrap_or(0));
    view! {
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
                                {locale.text(Msg::Back)}
                            </A>
                        }
                    })
            }}
        </div>
    }
}

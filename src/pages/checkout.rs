//! `/checkout/:product_id`: email (with the instant verdict), sign-in, licenses and
//! billing, card, review, confirmation. The step is in the URL (`?step=`), so back and
//! forward move between steps; the draft survives a reload, the card never leaves memory.

use super::{routed_product, Market, UnknownProduct};
use crate::components::card_form::CardForm;
use crate::components::stepper::Stepper;
use crate::components::top_bar::signed_in;
use crate::components::verdict::{VerdictArgs, VerdictBanner};
use crate::domain::card::CardInput;
use crate::domain::commands::{Command, DomainError, Event};
use crate::domain::directory::Email;
use crate::domain::{
    evaluate, evaluate_email, Actor, Money, Product, Quantity, Tenant, TrialKind, User, Verdict,
};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::{DispatchError, Store};
use crate::store::draft::{self, Draft};
use crate::store::session::Session;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Email,
    SignIn,
    Licenses,
    Card,
    Review,
    Done,
}

impl Step {
    const ALL: [Step; 6] = [
        Step::Email,
        Step::SignIn,
        Step::Licenses,
        Step::Card,
        Step::Review,
        Step::Done,
    ];

    fn slug(self) -> &'static str {
        match self {
            Step::Email => "email",
            Step::SignIn => "signin",
            Step::Licenses => "licenses",
            Step::Card => "card",
            Step::Review => "review",
            Step::Done => "done",
        }
    }

    fn msg(self) -> Msg {
        match self {
            Step::Email => Msg::StepEmail,
            Step::SignIn => Msg::StepSignIn,
            Step::Licenses => Msg::StepLicenses,
            Step::Card => Msg::StepCard,
            Step::Review => Msg::StepReview,
            Step::Done => Msg::StepDone,
        }
    }
}

/// Why an order did not go through, in words for the review step.
#[derive(Clone)]
enum OrderError {
    Refused(Verdict),
    Message(Msg),
    Key(&'static str),
}

/// The checkout's state and the logic its steps call.
#[derive(Clone, Copy)]
struct Checkout {
    product: Memo<Option<Product>>,
    trial: Memo<bool>,
    requested: Memo<Step>,
    order: Memo<Option<String>>,
    draft: RwSignal<Draft>,
    /// The card as typed: memory only.
    card: RwSignal<CardInput>,
    who: Memo<Option<(User, Tenant)>>,
    store: Store,
    session: Session,
}

impl Checkout {
    fn product_name(self) -> String {
        self.product
            .with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default())
    }

    /// The partial verdict from the email typed so far.
    fn typed_verdict(self) -> Option<Verdict> {
        let product = self.product.get()?;
        let email = self.draft.with(|d| d.email.clone());
        Some(
            self.store
                .state
                .with(|s| evaluate_email(&s.directory, &s.policies, &product, &email)),
        )
    }

    /// The signed-in person, if they are the one whose email was entered.
    fn buyer(self) -> Option<(User, Tenant)> {
        let (user, tenant) = self.who.get()?;
        let typed = self
            .draft
            .with(|d| Email::try_from(d.email.as_str()).ok())?;
        (user.email == typed).then_some((user, tenant))
    }

    /// The full verdict for the signed-in buyer: it decides whether they may pay.
    fn verdict(self) -> Option<Verdict> {
        let (user, _) = self.buyer()?;
        let product = self.product.get()?;
        Some(
            self.store
                .state
                .with(|s| evaluate(&s.directory, &s.policies, &product, &user)),
        )
    }

    /// For a trial, the kind this person may start: without a card where allowed, else with one.
    fn trial_kind(self, verdict: &Verdict) -> Option<TrialKind> {
        let product = self.product.get()?;
        [
            TrialKind::WithoutPaymentMethod,
            TrialKind::WithPaymentMethod,
        ]
        .into_iter()
        .find(|k| verdict.may_trial(*k, &product))
    }

    fn allowed(self, verdict: &Verdict) -> bool {
        if self.trial.get() {
            self.trial_kind(verdict).is_some()
        } else {
            verdict.may_purchase()
        }
    }

    fn needs_card(self) -> bool {
        if !self.trial.get() {
            return true;
        }
        // Before sign-in the typed verdict tells; before that, the product does.
        let verdict = self
            .verdict()
            .or_else(|| self.typed_verdict().filter(|v| !v.is_refusal()));
        match verdict.and_then(|v| self.trial_kind(&v)) {
            Some(kind) => kind == TrialKind::WithPaymentMethod,
            None => !self
                .product
                .with(|p| p.as_ref().is_some_and(|p| p.trial_without_payment_method)),
        }
    }

    fn steps(self) -> Vec<Step> {
        Step::ALL
            .into_iter()
            .filter(|s| *s != Step::Card || self.needs_card())
            .collect()
    }

    fn licenses(self) -> Option<Quantity> {
        self.draft
            .with(|d| Quantity::try_from(d.licenses.as_str()).ok())
    }

    fn unit_price(self) -> Option<Money> {
        let (_, tenant) = self.buyer()?;
        let product = self.product.get()?;
        self.store.catalog().unit_price(
            &product.id,
            tenant.market.country,
            crate::domain::catalog::PriceKind::SelfService,
        )
    }

    fn total(self) -> Option<Money> {
        self.unit_price()?.checked_mul(self.licenses()?.get()).ok()
    }

    fn billing_complete(self) -> bool {
        self.draft.with(|d| {
            let b = &d.billing;
            [&b.name, &b.address, &b.city, &b.postal_code, &b.country]
                .iter()
                .all(|f| !f.trim().is_empty())
        })
    }

    fn card_valid(self) -> bool {
        let today = self.store.clock.get().date_naive();
        self.card.with(|c| c.validate(today).is_ok())
    }

    /// The furthest step the person may be on now; a later one in the URL falls back to it.
    fn furthest(self) -> Step {
        if self.order.get().is_some() {
            return Step::Done;
        }
        let email_ok = self
            .draft
            .with(|d| Email::try_from(d.email.as_str()).is_ok());
        let typed_ok = self.typed_verdict().is_some_and(|v| {
            if self.trial.get() {
                !v.is_refusal()
            } else {
                v.may_purchase()
            }
        });
        if !email_ok || !typed_ok {
            return Step::Email;
        }
        if !self.verdict().is_some_and(|v| self.allowed(&v)) {
            return Step::SignIn;
        }
        if self.licenses().is_none() || !self.billing_complete() {
            return Step::Licenses;
        }
        if self.needs_card() && !self.card_valid() {
            return Step::Card;
        }
        Step::Review
    }

    fn step(self) -> Step {
        let requested = self.requested.get();
        let step = requested.min(self.furthest());
        if step == Step::Card && !self.needs_card() {
            Step::Licenses
        } else {
            step
        }
    }

    fn href(self, step: Step) -> String {
        let id = self
            .product
            .with(|p| p.as_ref().map(|p| p.id.to_string()).unwrap_or_default());
        let trial = if self.trial.get_untracked() {
            "&trial=1"
        } else {
            ""
        };
        format!("/checkout/{id}?step={}{trial}", step.slug())
    }

    fn next_after(self, step: Step) -> Step {
        let steps = self.steps();
        let i = steps.iter().position(|s| *s == step).unwrap_or(0);
        steps.get(i + 1).copied().unwrap_or(Step::Done)
    }

    fn previous_before(self, step: Step) -> Option<Step> {
        let steps = self.steps();
        let i = steps.iter().position(|s| *s == step)?;
        i.checked_sub(1).map(|j| steps[j])
    }

    fn update_draft(self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(f);
        if let Some(p) = self.product.get_untracked() {
            self.draft.with_untracked(|d| draft::save(p.id.as_str(), d));
        }
    }

    fn verdict_args(self, verdict: Option<Verdict>) -> VerdictArgs {
        let tenant = verdict
            .and_then(|v| v.tenant)
            .and_then(|t| {
                self.store
                    .state
                    .with(|s| s.directory.tenant(&t).map(|t| t.name.clone()))
            })
            .unwrap_or_default();
        let domain = self.draft.with(|d| {
            d.email
                .rsplit_once('@')
                .map(|(_, d)| d.trim().to_owned())
                .unwrap_or_default()
        });
        VerdictArgs {
            domain,
            tenant,
            product: self.product_name(),
        }
    }

    /// Places the order (or starts the trial). The domain checks the verdict again.
    async fn submit(self) -> Result<String, OrderError> {
        let actor = self
            .session
            .actor_untracked()
            .ok_or(OrderError::Message(Msg::SignInTitle))?;
        let product = self
            .product
            .get_untracked()
            .ok_or(OrderError::Message(Msg::NotFoundTitle))?;
        let licenses = self.licenses().unwrap_or(Quantity::ONE);
        let today = self.store.clock.get_untracked().date_naive();
        let card = if self.needs_card() {
            Some(
                self.card
                    .with_untracked(|c| c.validate(today))
                    .map_err(|_| OrderError::Message(Msg::CardErrorChecksum))?,
            )
        } else {
            None
        };
        let command = match (self.trial.get_untracked(), card) {
            (false, Some(card)) => Command::Purchase {
                product: product.id.clone(),
                licenses,
                card,
            },
            (true, card) => Command::StartTrial {
                product: product.id.clone(),
                licenses,
                card,
            },
            (false, None) => return Err(OrderError::Message(Msg::CardErrorNumberMissing)),
        };
        match self.store.dispatch(actor, command).await {
            Ok(events) => {
                let id = events.iter().find_map(|e| match e {
                    Event::Purchased { subscription, .. }
                    | Event::TrialStarted { subscription } => Some(subscription.0.clone()),
                    _ => None,
                });
                id.ok_or(OrderError::Message(Msg::StoreErrorRetry))
            }
            Err(DispatchError::Domain(
                DomainError::Ineligible(v) | DomainError::TrialNotAllowed(v),
            )) => Err(OrderError::Refused(v)),
            Err(DispatchError::Domain(DomainError::Declined(d))) => {
                Err(OrderError::Key(d.message_key()))
            }
            Err(DispatchError::Domain(DomainError::TrialAlreadyUsed)) => {
                Err(OrderError::Message(Msg::TrialAlreadyUsed))
            }
            Err(DispatchError::Domain(DomainError::Denied(d))) => {
                Err(OrderError::Key(d.message_key()))
            }
            Err(_) => Err(OrderError::Message(Msg::StoreErrorRetry)),
        }
    }
}

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
        who: signed_in(store, session),
        store,
        session,
    };
    let step = Memo::new(move |_| c.step());
    // Each new step takes focus to its heading, so keyboard and screen-reader users follow.
    Effect::new(move |prev: Option<Step>| {
        let now = step.get();
        if prev.is_some_and(|p| p != now) {
            if let Some(el) = document().get_element_by_id("step-title") {
                use wasm_bindgen::JsCast;
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
        now
    });
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
        <Show
            when=move || product.read().is_some()
            fallback=UnknownProduct
        >
            <section class="page checkout" aria-labelledby="page-title">
                <h1 id="page-title">{title}</h1>
                <Stepper steps current/>
                {move || match step.get() {
                    Step::Email => view! { <EmailStep c/> }.into_any(),
                    Step::SignIn => view! { <SignInStep c/> }.into_any(),
                    Step::Licenses => view! { <LicensesStep c/> }.into_any(),
                    Step::Card => view! { <CardStep c/> }.into_any(),
                    Step::Review => view! { <ReviewStep c/> }.into_any(),
                    Step::Done => view! { <DoneStep c/> }.into_any(),
                }}
            </section>
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
            <h2 id="step-title" tabindex="-1">{move || locale.t(step.msg())}</h2>
            {move || back().map(|href| view! { <A href=href attr:class="step-back">{move || locale.t(Msg::Back)}</A> })}
        </div>
    }
}

#[component]
fn EmailStep(c: Checkout) -> impl IntoView {
    let locale = Locale::get();
    let navigate = use_navigate();
    let verdict = Signal::derive(move || {
        c.draft
            .with(|d| !d.email.trim().is_empty())
            .then(|| c.typed_verdict())
            .flatten()
    });
    let args = Signal::derive(move || c.verdict_args(verdict.get()));
    let can_continue = move || c.furthest() > Step::Email;
    view! {
        <StepHeading c step=Step::Email/>
        <p>{move || locale.t(Msg::EmailIntro)}</p>
        <form class="form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            if can_continue() {
                navigate(&c.href(Step::SignIn), Default::default());
            }
        }>
            <div class="field">
                <label for="checkout-email">{move || locale.t(Msg::EmailLabel)}</label>
                <input
                    id="checkout-email" type="email" autocomplete="email" required
                    aria-describedby="verdict"
                    prop:value=move || c.draft.with(|d| d.email.clone())
                    on:input=move |ev| c.update_draft(|d| d.email = event_target_value(&ev))
                />
            </div>
            <VerdictBanner verdict args/>
            <button type="submit" class="button button--primary" disabled=move || !can_continue()>{move || locale.t(Msg::Continue)}</button>
        </form>
    }
}

#[component]
fn SignInStep(c: Checkout) -> impl IntoView {
    let locale = Locale::get();
    let navigate = use_navigate();
    let (password, set_password) = signal(String::new());
    let email = move || c.draft.with(|d| d.email.trim().to_owned());
    let sign_in = Action::new_local(move |(email, password): &(String, String)| {
        let (email, password) = (email.clone(), password.clone());
        async move {
            let result = c.store.sign_in(&email, &password).await;
            if let Ok(user) = &result {
                c.session.set(Some(Actor::home(user)));
            }
            result.map(|_| ())
        }
    });
    let verdict = Signal::derive(move || c.verdict());
    let args = Signal::derive(move || c.verdict_args(verdict.get()));
    let someone_else = move || c.who.get().is_some() && c.buyer().is_none();
    let ready = move || verdict.get().is_some_and(|v| c.allowed(&v));
    let go_on = Callback::new(move |_: ()| navigate(&c.href(Step::Licenses), Default::default()));
    view! {
        <StepHeading c step=Step::SignIn/>
        <Show
            when=move || c.buyer().is_some()
            fallback=move || view! {
                <Show when=someone_else>
                    <p class="message-bar message-bar--warning" role="alert">{move || locale.tf(Msg::NotThisPerson, &[("email", &email())])}</p>
                </Show>
                <p class="message-bar message-bar--info" role="note">{move || locale.t(Msg::SignInDemoNote)}</p>
                <form class="form" novalidate on:submit=move |ev| {
                    ev.prevent_default();
                    sign_in.dispatch((email(), password.get_untracked()));
                }>
                    <p><strong>{move || locale.tf(Msg::SignInAs, &[("email", &email())])}</strong></p>
                    <div class="field">
                        <label for="checkout-password">{move || locale.t(Msg::PasswordLabel)}</label>
                        <input id="checkout-password" type="password" autocomplete="current-password" required
                            aria-describedby="checkout-signin-error"
                            prop:value=password on:input=move |ev| set_password.set(event_target_value(&ev))/>
                    </div>
                    <p id="checkout-signin-error" class="field-error" role="alert">
                        {move || sign_in.value().get().and_then(Result::err).map(|e| locale.key(e.message_key()))}
                    </p>
                    <button type="submit" class="button button--primary" disabled=move || sign_in.pending().get()>{move || locale.t(Msg::SignIn)}</button>
                </form>
            }
        >
            <p>{move || c.who.get().map(|(u, _)| locale.tf(Msg::SignedInAs, &[("name", &u.display_name)]))}</p>
            <VerdictBanner verdict args/>
            <Show when=ready>
                <button type="button" class="button button--primary" on:click=move |_| go_on.run(())>{move || locale.t(Msg::Continue)}</button>
            </Show>
        </Show>
    }
}

#[component]
fn LicensesStep(c: Checkout) -> impl IntoView {
    let locale = Locale::get();
    let navigate = use_navigate();
    let (tried, set_tried) = signal(false);
    let quantity_error = move || {
        let text = c.draft.with(|d| d.licenses.clone());
        Quantity::try_from(text.as_str()).err().map(|e| match e {
            crate::domain::subscription::QuantityError::Zero
            | crate::domain::subscription::QuantityError::NotANumber => {
                locale.t(Msg::QuantityAtLeastOne).to_owned()
            }
            crate::domain::subscription::QuantityError::TooMany => {
                locale.t(Msg::QuantityTooMany).to_owned()
            }
        })
    };
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
                <input id=id type="text" autocomplete=autocomplete required aria-describedby=err_id.clone()
                    aria-invalid=move || missing().to_string()
                    prop:value=move || c.draft.with(get)
                    on:input=move |ev| c.update_draft(|d| set(d, event_target_value(&ev)))/>
                <p id=err_id class="field-error" role="alert">{move || missing().then(|| locale.t(Msg::FieldRequired))}</p>
            </div>
        }
    };
    view! {
        <StepHeading c step=Step::Licenses/>
        <form class="form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            set_tried.set(true);
            if c.licenses().is_some() && c.billing_complete() {
                navigate(&c.href(c.next_after(Step::Licenses)), Default::default());
            }
        }>
            <div class="field">
                <label for="licenses">{move || locale.t(Msg::LicensesLabel)}</label>
                <input id="licenses" type="number" min="1" max="100000" step="1" inputmode="numeric" required
                    aria-describedby="licenses-error checkout-total"
                    aria-invalid=move || quantity_error().is_some().to_string()
                    prop:value=move || c.draft.with(|d| d.licenses.clone())
                    on:input=move |ev| c.update_draft(|d| d.licenses = event_target_value(&ev))/>
                <p id="licenses-error" class="field-error" role="alert">{quantity_error}</p>
            </div>
            <dl class="facts" id="checkout-total" aria-live="polite">
                <dt>{move || locale.t(Msg::UnitPriceLabel)}</dt>
                <dd>{unit}</dd>
                <dt>{move || locale.t(Msg::TotalLabel)}</dt>
                <dd class="total" id="total-amount">{total}</dd>
            </dl>
            <p class="muted">{move || locale.t(Msg::PriceNote)}</p>
            <p class="muted">{move || locale.t(Msg::PurchaserBilled)}</p>
            <fieldset class="billing">
                <legend>{move || locale.t(Msg::BillingHeading)}</legend>
                {billing_field("billing-name", Msg::BillingName, |d| d.billing.name.clone(), |d, v| d.billing.name = v, "name")}
                {billing_field("billing-address", Msg::BillingAddress, |d| d.billing.address.clone(), |d, v| d.billing.address = v, "street-address")}
                {billing_field("billing-city", Msg::BillingCity, |d| d.billing.city.clone(), |d, v| d.billing.city = v, "address-level2")}
                {billing_field("billing-postal", Msg::BillingPostal, |d| d.billing.postal_code.clone(), |d, v| d.billing.postal_code = v, "postal-code")}
                <div class="field">
                    <label for="billing-country">{move || locale.t(Msg::BillingCountry)}</label>
                    <select id="billing-country" autocomplete="country" required
                        prop:value=move || c.draft.with(|d| d.billing.country.clone())
                        on:change=move |ev| c.update_draft(|d| d.billing.country = event_target_value(&ev))>
                        <option value="">"—"</option>
                        {countries.into_iter().map(|country| view! {
                            <option value=country.code().to_owned()>{move || locale.country(country)}</option>
                        }).collect_view()}
                    </select>
                    <p class="field-error" role="alert">
                        {move || (tried.get() && c.draft.with(|d| d.billing.country.is_empty())).then(|| locale.t(Msg::FieldRequired))}
                    </p>
                </div>
            </fieldset>
            <button type="submit" class="button button--primary">{move || locale.t(Msg::Continue)}</button>
        </form>
    }
}

#[component]
fn CardStep(c: Checkout) -> impl IntoView {
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
        <StepHeading c step=Step::Card/>
        <form class="form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            if c.card_valid() {
                navigate(&c.href(Step::Review), Default::default());
            }
        }>
            <CardForm card=c.card today countries/>
            <button type="submit" class="button button--primary" disabled=move || !c.card_valid()>{move || locale.t(Msg::StepReview)}</button>
        </form>
    }
}

#[component]
fn ReviewStep(c: Checkout) -> impl IntoView {
    let locale = Locale::get();
    let navigate = use_navigate();
    let confirm = Callback::new(move |order: String| {
        let href = c.href(Step::Done);
        navigate(&format!("{href}&order={order}"), Default::default());
        // Once confirmed, the draft and the card are forgotten.
        if let Some(p) = c.product.get_untracked() {
            draft::clear(p.id.as_str());
        }
        c.card.set(CardInput::default());
    });
    let place = Action::new_local(move |_: &()| async move {
        let result = c.submit().await;
        if let Ok(order) = &result {
            confirm.run(order.clone());
        }
        result
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
        _ => None,
    };
    view! {
        <StepHeading c step=Step::Review/>
        <dl class="facts review">
            <dt>{move || locale.t(Msg::ReviewProduct)}</dt>
            <dd>{move || c.product_name()}</dd>
            <dt>{move || locale.t(Msg::ReviewOrganization)}</dt>
            <dd>{move || c.who.get().map(|(_, t)| t.name)}</dd>
            <dt>{move || locale.t(Msg::ReviewPurchaser)}</dt>
            <dd>{move || c.who.get().map(|(u, _)| format!("{} ({})", u.display_name, u.email))}</dd>
            <dt>{move || locale.t(Msg::LicensesLabel)}</dt>
            <dd id="review-licenses">{move || c.licenses().map(|q| q.get().to_string())}</dd>
            <dt>{move || locale.t(Msg::TotalLabel)}</dt>
            <dd id="review-total">{total}</dd>
            <dt>{move || locale.t(Msg::ReviewPayment)}</dt>
            <dd>{payment}</dd>
        </dl>
        <p class="muted">{move || locale.t(Msg::PurchaserBilled)}</p>
        <Show when=move || refused.get().is_some()>
            <p class="message-bar message-bar--error" role="alert">{move || locale.t(Msg::PolicyChangedTitle)}</p>
            <VerdictBanner verdict=refused args/>
        </Show>
        <p id="order-error" class="field-error" role="alert">{error}</p>
        <button type="button" class="button button--primary" id="place-order"
            disabled=move || place.pending().get() || refused.get().is_some()
            on:click=move |_| { place.dispatch(()); }>
            {button}
        </button>
    }
}

#[component]
fn DoneStep(c: Checkout) -> impl IntoView {
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
        <StepHeading c step=Step::Done/>
        <div class="message-bar confirmation" role="status">
            <p><strong>{heading}</strong></p>
        </div>
        <dl class="facts">
            <dt>{move || locale.t(Msg::OrderNumber)}</dt>
            <dd id="order-number"><code>{move || c.order.get()}</code></dd>
            <dt>{move || locale.t(Msg::LicensesLabel)}</dt>
            <dd>{move || subscription().map(|s| s.licenses.get().to_string())}</dd>
            <dt>{move || locale.t(Msg::UnitPriceLabel)}</dt>
            <dd>{move || subscription().map(|s| locale.money(s.unit_price))}</dd>
        </dl>
        <p>{move || locale.t(Msg::DoneNext)}</p>
        <A href="/admin" attr:class="button button--primary">{move || locale.t(Msg::AssignLicenses)}</A>
    }
}

//! Who is buying: the email with its instant verdict, then sign-in.

use super::{Checkout, Step, StepHeading};
use crate::components::field::{CheckedForm, EmailInput};
use crate::components::verdict::VerdictBanner;
use crate::domain::Actor;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::pages::signin::SignInForm;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub(super) fn EmailStep(c: Checkout) -> impl IntoView {
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
    // Once something was typed, an emptied field says what it needs.
    let (touched, set_touched) = signal(false);
    let empty = move || touched.get() && c.draft.with(|d| d.email.trim().is_empty());
    view! {
        <StepHeading c step=Step::Email />
        <p>{locale.text(Msg::EmailIntro)}</p>
        <CheckedForm on_submit=move |()| {
            if can_continue() {
                navigate(&c.href(Step::SignIn), Default::default());
            }
        }>
            <div class="field">
                <label for="checkout-email">{locale.text(Msg::EmailLabel)}</label>
                <EmailInput
                    id="checkout-email"
                    autocomplete="email"
                    value=Signal::derive(move || c.draft.with(|d| d.email.clone()))
                    on_input=move |v| {
                        set_touched.set(true);
                        c.update_draft(|d| d.email = v)
                    }
                    described_by="verdict email-empty"
                    invalid=Signal::derive(move || {
                        empty() || verdict.get().is_some_and(|v| !c.allowed(&v))
                    })
                />
                <p id="email-empty" class="field-error" aria-live="polite">
                    {move || empty().then(|| locale.t(Msg::SignInErrorMalformed))}
                </p>
            </div>
            <VerdictBanner
                verdict
                args
                allowed=Signal::derive(move || verdict.get().is_some_and(|v| c.allowed(&v)))
            />
            <button type="submit" class="button button--primary" disabled=move || !can_continue()>
                {locale.text(Msg::Continue)}
            </button>
        </CheckedForm>
    }
}

#[component]
pub(super) fn SignInStep(c: Checkout) -> impl IntoView {
    let locale = Locale::get();
    let navigate = use_navigate();
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
        <StepHeading c step=Step::SignIn />
        <Show
            when=move || c.buyer().is_some()
            fallback=move || {
                view! {
                    <Show when=someone_else>
                        <p class="message-bar message-bar--warning" role="alert">
                            {move || locale.tf(Msg::NotThisPerson, &[("email", &email())])}
                        </p>
                    </Show>
                    <p class="message-bar message-bar--info" role="note">
                        {locale.text(Msg::SignInDemoNote)}
                    </p>
                    <SignInForm
                        password_id="checkout-password"
                        error_id="checkout-signin-error"
                        error=Signal::derive(move || sign_in.value().get().and_then(Result::err))
                        pending=sign_in.pending()
                        on_submit=move |password: String| {
                            sign_in.dispatch((email(), password));
                        }
                    >
                        <p>
                            <strong>
                                {move || locale.tf(Msg::SignInAs, &[("email", &email())])}
                            </strong>
                        </p>
                    </SignInForm>
                }
            }
        >
            <p>
                {move || {
                    c.who
                        .get()
                        .map(|(u, _)| locale.tf(Msg::SignedInAs, &[("name", &u.display_name)]))
                }}
            </p>
            <VerdictBanner
                verdict
                args
                allowed=Signal::derive(move || verdict.get().is_some_and(|v| c.allowed(&v)))
            />
            <Show when=ready>
                <button
                    type="button"
                    class="button button--primary"
                    on:click=move |_| go_on.run(())
                >
                    {locale.text(Msg::Continue)}
                </button>
            </Show>
        </Show>
    }
}

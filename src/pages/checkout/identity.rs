//! Who is buying: the email with its instant verdict, then sign-in.

use super::{Checkout, Step, StepHeading};
use crate::components::verdict::VerdictBanner;
use crate::domain::Actor;
use crate::i18n::Msg;
use crate::locale::Locale;
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
        <p>{move || locale.t(Msg::EmailIntro)}</p>
        <form
            class="form"
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                if can_continue() {
                    navigate(&c.href(Step::SignIn), Default::default());
                }
            }
        >
            <div class="field">
                <label for="checkout-email">{move || locale.t(Msg::EmailLabel)}</label>
                // Text, not type="email": the browser rewrites an email field's value (a
                // look-alike domain becomes punycode, spaces vanish), and the person must
                // see what they typed while the domain's parser says what is wrong with it.
                <input
                    id="checkout-email"
                    type="text"
                    inputmode="email"
                    autocomplete="email"
                    autocapitalize="off"
                    spellcheck="false"
                    required
                    aria-describedby="verdict email-empty"
                    aria-invalid=move || {
                        (empty() || verdict.get().is_some_and(|v| v.is_refusal())).to_string()
                    }
                    prop:value=move || c.draft.with(|d| d.email.clone())
                    on:input=move |ev| {
                        set_touched.set(true);
                        c.update_draft(|d| d.email = event_target_value(&ev))
                    }
                />
                <p id="email-empty" class="field-error" aria-live="polite">
                    {move || empty().then(|| locale.t(Msg::SignInErrorMalformed))}
                </p>
            </div>
            <VerdictBanner verdict args />
            <button type="submit" class="button button--primary" disabled=move || !can_continue()>
                {move || locale.t(Msg::Continue)}
            </button>
        </form>
    }
}

#[component]
pub(super) fn SignInStep(c: Checkout) -> impl IntoView {
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
                        {move || locale.t(Msg::SignInDemoNote)}
                    </p>
                    <form
                        class="form"
                        novalidate
                        on:submit=move |ev| {
                            ev.prevent_default();
                            sign_in.dispatch((email(), password.get_untracked()));
                        }
                    >
                        <p>
                            <strong>
                                {move || locale.tf(Msg::SignInAs, &[("email", &email())])}
                            </strong>
                        </p>
                        <div class="field">
                            <label for="checkout-password">
                                {move || locale.t(Msg::PasswordLabel)}
                            </label>
                            <input
                                id="checkout-password"
                                type="password"
                                autocomplete="current-password"
                                required
                                aria-describedby="checkout-signin-error"
                                aria-invalid=move || {
                                    sign_in.value().with(|v| matches!(v, Some(Err(_)))).to_string()
                                }
                                prop:value=password
                                on:input=move |ev| set_password.set(event_target_value(&ev))
                            />
                        </div>
                        <p id="checkout-signin-error" class="field-error" role="alert">
                            {move || {
                                sign_in
                                    .value()
                                    .get()
                                    .and_then(Result::err)
                                    .map(|e| locale.key(e.message_key()))
                            }}
                        </p>
                        <button
                            type="submit"
                            class="button button--primary"
                            disabled=move || sign_in.pending().get()
                        >
                            {move || locale.t(Msg::SignIn)}
                        </button>
                    </form>
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
            <VerdictBanner verdict args />
            <Show when=ready>
                <button
                    type="button"
                    class="button button--primary"
                    on:click=move |_| go_on.run(())
                >
                    {move || locale.t(Msg::Continue)}
                </button>
            </Show>
        </Show>
    }
}

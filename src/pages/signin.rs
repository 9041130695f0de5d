//! `/signin`: the demo directory's sign-in.

use crate::components::field::{CheckedForm, EmailInput};
use crate::components::page_title::PageTitle;
use crate::domain::Actor;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::files::SignInError;
use crate::store::session::Session;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// Only same-site paths are followed after sign-in.
fn safe_next(next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//"))
        .unwrap_or_else(|| "/".to_owned())
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let query = use_query_map();
    let navigate = StoredValue::new(use_navigate());
    let email = RwSignal::new(String::new());
    // Signing in and going on happen in the action itself, not in an Effect on its result.
    let sign_in = Action::new_local(move |(email, password): &(String, String)| {
        let (email, password) = (email.clone(), password.clone());
        async move {
            let user = store.sign_in(&email, &password).await?;
            session.set(Some(Actor::home(&user)));
            let next = safe_next(query.read_untracked().get("next"));
            navigate.with_value(|go| go(&next, Default::default()));
            Ok::<_, SignInError>(user)
        }
    });
    let error = Signal::derive(move || sign_in.value().get().and_then(Result::err));
    view! {
        <section class="page signin" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::SignInTitle) />
            <p class="message-bar message-bar--info" role="note">
                {locale.text(Msg::SignInDemoNote)}
            </p>
            <SignInForm
                password_id="signin-password"
                error_id="signin-error"
                error
                pending=sign_in.pending()
                on_submit=move |password: String| {
                    sign_in.dispatch((email.get_untracked(), password));
                }
            >
                <div class="field">
                    <label for="signin-email">{locale.text(Msg::EmailLabel)}</label>
                    <EmailInput
                        id="signin-email"
                        autocomplete="username"
                        value=email
                        on_input=move |v| email.set(v)
                        described_by="signin-error"
                        invalid=Signal::derive(move || error.with(Option::is_some))
                    />
                </div>
            </SignInForm>
        </section>
    }
}

/// The password, why sign-in failed, and the Sign in button: the sign-in page's form and the
/// checkout's. What comes before the password (the email field, or whose it is) is the
/// children.
#[component]
pub fn SignInForm(
    password_id: &'static str,
    error_id: &'static str,
    /// Why the last try failed.
    #[prop(into)]
    error: Signal<Option<SignInError>>,
    #[prop(into)] pending: Signal<bool>,
    /// Called with the password typed.
    #[prop(into)]
    on_submit: Callback<String>,
    children: Children,
) -> impl IntoView {
    let locale = Locale::get();
    let password = RwSignal::new(String::new());
    view! {
        <CheckedForm on_submit=move |()| {
            on_submit.run(password.get_untracked());
        }>
            {children()} <div class="field">
                <label for=password_id>{locale.text(Msg::PasswordLabel)}</label>
                <input
                    id=password_id
                    type="password"
                    autocomplete="current-password"
                    required
                    aria-describedby=error_id
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=password
                    on:input=move |ev| password.set(event_target_value(&ev))
                />
            </div> <p id=error_id class="field-error" role="alert">
                {move || error.get().map(|e| locale.key(e.message_key()))}
            </p>
            <button type="submit" class="button button--primary" disabled=move || pending.get()>
                {locale.text(Msg::SignIn)}
            </button>
        </CheckedForm>
    }
}

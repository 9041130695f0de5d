//! `/signin`: the demo directory's sign-in.

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
    let (email, set_email) = signal(String::new());
    let (password, set_password) = signal(String::new());
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
    let error = move || sign_in.value().get().and_then(Result::err);
    view! {
        <section class="page signin" aria-labelledby="page-title">
            <PageTitle text=move || locale.t(Msg::SignInTitle).to_owned() />
            <p class="message-bar message-bar--info" role="note">
                {move || locale.t(Msg::SignInDemoNote)}
            </p>
            <form
                class="form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    sign_in.dispatch((email.get_untracked(), password.get_untracked()));
                }
            >
                <div class="field">
                    <label for="signin-email">{move || locale.t(Msg::EmailLabel)}</label>
                    <input
                        id="signin-email"
                        type="text"
                        inputmode="email"
                        autocomplete="username"
                        autocapitalize="off"
                        spellcheck="false"
                        required
                        prop:value=email
                        on:input=move |ev| set_email.set(event_target_value(&ev))
                        aria-describedby="signin-error"
                        aria-invalid=move || error().is_some().to_string()
                    />
                </div>
                <div class="field">
                    <label for="signin-password">{move || locale.t(Msg::PasswordLabel)}</label>
                    <input
                        id="signin-password"
                        type="password"
                        autocomplete="current-password"
                        required
                        prop:value=password
                        on:input=move |ev| set_password.set(event_target_value(&ev))
                        aria-describedby="signin-error"
                        aria-invalid=move || error().is_some().to_string()
                    />
                </div>
                <p id="signin-error" class="field-error" role="alert">
                    {move || error().map(|e| locale.key(e.message_key()))}
                </p>
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || sign_in.pending().get()
                >
                    {move || locale.t(Msg::SignIn)}
                </button>
            </form>
        </section>
    }
}

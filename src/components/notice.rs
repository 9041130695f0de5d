//! What the store has to tell: unreadable data kept as a backup, a migration, a failed save,
//! a browser that will not keep what is done here.

use crate::components::download::download;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::{NotKept, Notice, Store};
use crate::store::error::StoreError;
use leptos::prelude::*;

#[component]
pub fn StoreNotice() -> impl IntoView {
    let store = Store::get();
    move || {
        store.notice.get().map(|notice| match notice {
            Notice::Unreadable { reason } => view! { <UnreadableNotice reason /> }.into_any(),
            Notice::Migrated { from } => {
                let text = move |locale: Locale| {
                    locale.tf(Msg::NoticeMigrated, &[("from", &from.to_string())])
                };
                view! { <DismissableNotice text error=false /> }.into_any()
            }
            Notice::SaveFailed { reason } => {
                let text =
                    move |locale: Locale| format!("{} {reason}", locale.t(Msg::NoticeSaveFailed));
                view! { <DismissableNotice text error=true /> }.into_any()
            }
            Notice::NotKept(why) => view! { <NotKeptNotice why /> }.into_any(),
        })
    }
}

/// What was stored could not be read: take the backup home, or start again.
#[component]
fn UnreadableNotice(reason: StoreError) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let export_backup = Action::new_local(move |_: &()| async move {
        if let Some(raw) = store.backup().await {
            download("ssp-backup.json", &raw);
        }
    });
    // A failed reset keeps the notice and says why, instead of being dropped.
    let reset = Action::new_local(move |_: &()| store.reset());
    let reset_error = move || {
        reset
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| locale.explain(&e))
    };
    view! {
        <div class="message-bar message-bar--error" role="alert">
            <p>
                <strong>{move || locale.t(Msg::NoticeUnreadable)}</strong>
                " "
                <span class="muted">{move || locale.reason(&reason.explanation())}</span>
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        export_backup.dispatch(());
                    }
                >
                    {move || locale.t(Msg::ExportBackup)}
                </button>
                <button
                    type="button"
                    class="button button--primary"
                    disabled=move || reset.pending().get()
                    on:click=move |_| {
                        reset.dispatch(());
                    }
                >
                    {move || locale.t(Msg::ResetDemo)}
                </button>
            </div>
            <p class="field-error">{reset_error}</p>
        </div>
    }
}

/// A notice the person reads and puts away.
#[component]
fn DismissableNotice(
    text: impl Fn(Locale) -> String + Send + Sync + 'static,
    error: bool,
) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    view! {
        <div
            class="message-bar"
            class:message-bar--error=error
            role=if error { "alert" } else { "status" }
        >
            <p>{move || text(locale)}</p>
            <button type="button" class="button" on:click=move |_| store.notice.set(None)>
                {move || locale.t(Msg::Dismiss)}
            </button>
        </div>
    }
}

/// This browser will not keep what is done here: says so for as long as the page is open,
/// and offers the state as a file to keep.
#[component]
fn NotKeptNotice(why: NotKept) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let (message, detail) = match why {
        NotKept::NoStorage { reason } => (Msg::NoticeNotKeptNoStorage, Some(reason)),
        NotKept::PrivateWindow => (Msg::NoticeNotKeptPrivate, None),
        NotKept::Full { reason } => (Msg::NoticeNotKeptFull, Some(reason)),
    };
    view! {
        <div class="message-bar message-bar--warning" role="status" id="not-kept">
            <p>
                <strong>{move || locale.t(message)}</strong>
                " "
                {move || locale.t(Msg::NoticeNotKeptExport)}
                " "
                <span class="muted">{detail}</span>
            </p>
            <button
                type="button"
                class="button"
                on:click=move |_| download("ssp-state.json", &store.export())
            >
                {move || locale.t(Msg::DemoExport)}
            </button>
        </div>
    }
}

/// A new build of the app is installed and waiting (the service worker, `public/sw.js`):
/// the page says so and reloads into it when asked, instead of mixing two versions.
/// The registration in `index.html` (release builds only) raises `ssp:update` and sets
/// `window.sspUpdate` (for a page that mounts after the event); Reload raises `ssp:reload`.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    use wasm_bindgen::{closure::Closure, JsCast};
    let locale = Locale::get();
    let waiting = js_sys::Reflect::get(&window(), &"sspUpdate".into())
        .ok()
        .is_some_and(|v| v.is_truthy());
    let (ready, set_ready) = signal(waiting);
    let on_update = Closure::<dyn Fn()>::new(move || set_ready.set(true));
    let _ =
        window().add_event_listener_with_callback("ssp:update", on_update.as_ref().unchecked_ref());
    // Lives as long as the page, as the app does.
    on_update.forget();
    let reload = move |_| {
        if let Ok(event) = web_sys::Event::new("ssp:reload") {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="message-bar" role="status" id="update-notice">
                <p>{move || locale.t(Msg::UpdateAvailable)}</p>
                <button
                    type="button"
                    class="button button--primary"
                    id="update-reload"
                    on:click=reload
                >
                    {move || locale.t(Msg::UpdateReload)}
                </button>
            </div>
        </Show>
    }
}

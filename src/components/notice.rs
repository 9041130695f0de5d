//! What the store has to tell: unreadable data kept as a backup, a migration, a failed save,
//! a browser that will not keep what is done here.

use crate::components::download::download;
use crate::i18n::Msg;
use crate::locale::{lang_msg, Locale};
use crate::store::browser::{NotKept, Notice, Store};
use leptos::prelude::*;

/// How a notice reads: an error, a warning, or news.
#[derive(Clone, Copy, PartialEq)]
enum Tone {
    Error,
    Warning,
    Info,
}

/// What a notice bar may offer.
#[derive(Clone, Copy)]
enum Offer {
    /// Unreadable stored data, kept: take it home.
    ExportBackup,
    /// Back to the world as shipped.
    Reset,
    /// The state as a file (a browser that will not keep it).
    ExportState,
    Dismiss,
}

/// A notice as data: its tone, its words (a headline, then the detail), and its offers.
struct Bar {
    tone: Tone,
    id: Option<&'static str>,
    headline: String,
    detail: Option<String>,
    offers: &'static [Offer],
}

fn bar(locale: Locale, notice: &Notice) -> Bar {
    let plain = |tone, headline, offers| Bar {
        tone,
        id: None,
        headline,
        detail: None,
        offers,
    };
    match notice {
        Notice::Unreadable { reason } => Bar {
            detail: Some(locale.reason(&reason.explanation())),
            ..plain(
                Tone::Error,
                locale.t(Msg::NoticeUnreadable).to_owned(),
                &[Offer::ExportBackup, Offer::Reset],
            )
        },
        Notice::Migrated { from } => plain(
            Tone::Info,
            locale.tf(Msg::NoticeMigrated, &[("from", &from.to_string())]),
            &[Offer::Dismiss],
        ),
        Notice::SaveFailed { reason } => Bar {
            detail: Some(reason.clone()),
            ..plain(
                Tone::Error,
                locale.t(Msg::NoticeSaveFailed).to_owned(),
                &[Offer::Dismiss],
            )
        },
        Notice::NotKept(why) => {
            let (message, detail) = match why {
                NotKept::NoStorage { reason } => {
                    (Msg::NoticeNotKeptNoStorage, Some(reason.clone()))
                }
                NotKept::PrivateWindow => (Msg::NoticeNotKeptPrivate, None),
                NotKept::Full { reason } => (Msg::NoticeNotKeptFull, Some(reason.clone())),
            };
            let export = locale.t(Msg::NoticeNotKeptExport);
            Bar {
                id: Some("not-kept"),
                detail: Some(detail.map_or_else(|| export.to_owned(), |d| format!("{export} {d}"))),
                ..plain(
                    Tone::Warning,
                    locale.t(message).to_owned(),
                    &[Offer::ExportState],
                )
            }
        }
    }
}

/// What the store has to tell, as one bar: its words, and a button for each offer.
#[component]
pub fn StoreNotice() -> impl IntoView {
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
    let button = move |offer: Offer| {
        let (msg, primary) = match offer {
            Offer::ExportBackup => (Msg::ExportBackup, false),
            Offer::Reset => (Msg::ResetDemo, true),
            Offer::ExportState => (Msg::DemoExport, false),
            Offer::Dismiss => (Msg::Dismiss, false),
        };
        let act = move |_| match offer {
            Offer::ExportBackup => {
                export_backup.dispatch(());
            }
            Offer::Reset => {
                reset.dispatch(());
            }
            Offer::ExportState => download("ssp-state.json", &store.export()),
            Offer::Dismiss => store.notice.set(None),
        };
        let busy = move || matches!(offer, Offer::Reset) && reset.pending().get();
        view! {
            <button type="button" class="button" class:button--primary=primary disabled=busy on:click=act>
                {locale.text(msg)}
            </button>
        }
    };
    move || {
        store.notice.with(|notice| notice.as_ref().map(|n| bar(locale, n))).map(|b| {
            let class = match b.tone {
                Tone::Error => "message-bar message-bar--error",
                Tone::Warning => "message-bar message-bar--warning",
                Tone::Info => "message-bar",
            };
            let role = if b.tone == Tone::Error { "alert" } else { "status" };
            view! {
                <div class=class role=role id=b.id>
                    <p>
                        <strong>{b.headline}</strong>
                        {b
                            .detail
                            .map(|d| {
                                view! {
                                    " "
                                    <span class="muted">{d}</span>
                                }
                            })}
                    </p>
                    <div class="actions">{b.offers.iter().map(|o| button(*o)).collect_view()}</div>
                    <p class="field-error">{reset_error}</p>
                </div>
            }
        })
    }
}

/// A new build of the app is installed and waiting (the service worker, `public/sw.js`):
/// the page says so and reloads into it when asked, instead of mixing two versions.
/// The registration in `index.html` (release builds only) raises `ssp:update` and sets
/// `window.sspUpdate` (for a page that mounts after the event); Reload raises `ssp:reload`.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let locale = Locale::get();
    let waiting = js_sys::Reflect::get(&window(), &"sspUpdate".into())
        .ok()
        .is_some_and(|v| v.is_truthy());
    let (ready, set_ready) = signal(waiting);
    // Lives as long as the page, as the app does: the handle is dropped, the listener stays.
    let _ = window_event_listener_untyped("ssp:update", move |_| set_ready.set(true));
    let reload = move |_| {
        if let Ok(event) = web_sys::Event::new("ssp:reload") {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="message-bar" role="status" id="update-notice">
                <p>{locale.text(Msg::UpdateAvailable)}</p>
                <button
                    type="button"
                    class="button button--primary"
                    id="update-reload"
                    on:click=reload
                >
                    {locale.text(Msg::UpdateReload)}
                </button>
            </div>
        </Show>
    }
}

/// A language chosen whose texts did not arrive (a release build fetches zh-CN's when it
/// is chosen): the page says so in the language it stays in, and offers to try again.
#[component]
pub fn LanguageNotice() -> impl IntoView {
    let locale = Locale::get();
    move || {
        locale.failed().map(|lang| {
            let name = locale.t(lang_msg(lang));
            view! {
                <div class="message-bar message-bar--error" role="alert" id="language-failed">
                    <p>{move || locale.tf(Msg::LanguageFailed, &[("language", name)])}</p>
                    <div class="actions">
                        <button
                            type="button"
                            class="button button--primary"
                            on:click=move |_| locale.set(lang)
                        >
                            {locale.text(Msg::Retry)}
                        </button>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| locale.dismiss_failure()
                        >
                            {locale.text(Msg::Dismiss)}
                        </button>
                    </div>
                </div>
            }
        })
    }
}

//! A page's heading, which also names the browser tab.

use crate::i18n::Msg;
use crate::locale::Locale;
use leptos::prelude::*;

/// The page's `h1`, and the tab's title after it: "Your products - Microsoft 365 admin
/// center", in the person's language, following a language change. Every page has one, so
/// a screen reader's tab list and history name the page, not the app.
#[component]
pub fn PageTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let locale = Locale::get();
    Effect::new(move |_| {
        document().set_title(&tab_title(&text.get(), locale.t(Msg::AppName)));
        first_page_up();
    });
    view! {
        <h1 id="page-title" tabindex="-1">
            {text}
        </h1>
    }
}

/// Says `ssp:ready` once, when the visit's first page is in place: index.html's service
/// worker registration waits for it, so the worker's download of the whole build never
/// shares a phone's line with that page.
fn first_page_up() {
    static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !SAID.swap(true, std::sync::atomic::Ordering::Relaxed) {
        if let Ok(ready) = web_sys::Event::new("ssp:ready") {
            let _ = window().dispatch_event(&ready);
        }
    }
}

/// "{page} - {app}", or the app's name alone when the page is the app's home.
pub fn tab_title(page: &str, app: &str) -> String {
    if page.is_empty() || page == app {
        app.to_owned()
    } else {
        format!("{page} - {app}")
    }
}

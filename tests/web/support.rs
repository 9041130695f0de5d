//! Mounting the app in the test page, with the shipped demo world and a fresh database.

use leptos::prelude::*;
use ssp::app::Shell;
use ssp::i18n::Lang;
use ssp::locale::Locale;
use ssp::store::browser::{Store, WorldFiles};
use ssp::store::files::{self, parse_file};
use ssp::store::session::Session;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The world as shipped in public/data, compiled into the test.
pub fn world() -> WorldFiles {
    WorldFiles {
        catalog: parse_file(
            files::CATALOG_FILE,
            include_str!("../../public/data/catalog.json"),
        )
        .unwrap(),
        directory: parse_file(
            files::DIRECTORY_FILE,
            include_str!("../../public/data/directory.json"),
        )
        .unwrap(),
        seed: parse_file(
            files::SEED_FILE,
            include_str!("../../public/data/seed.json"),
        )
        .unwrap(),
    }
}

/// A database name no other test uses: each test starts from the seed.
pub fn fresh_db() -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "ssp-test-{}-{}",
        js_sys::Date::now() as u64,
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// A fresh host element, a clean URL and no saved preferences or session.
pub fn host(path: &str) -> HtmlElement {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window.session_storage().unwrap().unwrap().clear().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let doc = document();
    let el: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// The app at `path`, booted on the shipped world and a fresh database.
pub async fn boot(path: &str) -> (HtmlElement, impl Sized) {
    boot_as(path, None).await
}

/// Like `boot`, signed in as `user` of `tenant` when given.
pub async fn boot_as(path: &str, who: Option<(&str, &str)>) -> (HtmlElement, impl Sized) {
    let el = host(path);
    if let Some((user, tenant)) = who {
        let actor = ssp::domain::Actor {
            user: ssp::domain::UserId(user.into()),
            tenant: ssp::domain::TenantId(tenant.into()),
        };
        web_sys::window()
            .unwrap()
            .session_storage()
            .unwrap()
            .unwrap()
            .set_item("ssp.session", &serde_json::to_string(&actor).unwrap())
            .unwrap();
    }
    let store = Store::open_in(world(), &fresh_db()).await;
    let handle = leptos::mount::mount_to(el.clone(), move || {
        Locale::provide();
        Session::provide();
        view! {
            <leptos_router::components::Router>
                <Shell store />
            </leptos_router::components::Router>
        }
    });
    leptos::task::tick().await;
    (el, handle)
}

pub fn text(el: &HtmlElement) -> String {
    el.text_content().unwrap_or_default()
}

pub fn query(el: &HtmlElement, selector: &str) -> HtmlElement {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

/// The language the browser running the test prefers, as the app would pick it.
pub fn browser_lang() -> Lang {
    let tags = ssp::store::prefs::browser_langs();
    Lang::from_preferences(tags.iter().map(String::as_str))
}

/// Lets the store's IndexedDB work and the views settle, until `done` or about two seconds.
pub async fn settle(el: &HtmlElement, done: impl Fn(&HtmlElement) -> bool) {
    for _ in 0..100 {
        leptos::task::tick().await;
        if done(el) {
            return;
        }
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
    }
}

pub fn has(el: &HtmlElement, selector: &str) -> bool {
    el.query_selector(selector).unwrap().is_some()
}

pub fn click(el: &HtmlElement, selector: &str) {
    query(el, selector).click();
}

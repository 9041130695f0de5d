//! The shell: top bar, language, routes, launcher.

use super::support::{boot, boot_as, browser_lang, query, text};
use leptos::prelude::document;
use ssp::i18n::{Lang, Msg};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn shell_shows_top_bar_and_catalog() {
    let (el, _app) = boot("/").await;
    let lang = browser_lang();
    leptos::task::tick().await;
    let bar = query(&el, "header.top-bar");
    assert!(
        text(&bar).contains(Msg::AppName.text(lang)),
        "app name in the top bar: {}",
        text(&bar)
    );
    assert_eq!(
        text(&query(&bar, ".top-bar__signin")),
        Msg::SignIn.text(lang),
        "signed out: a sign-in link"
    );
    let cards = el
        .query_selector_all("#products-microsoft .product-card")
        .unwrap();
    assert_eq!(cards.length(), 18, "every known product is listed");
    let offers = el
        .query_selector_all("#products-third-party .product-card")
        .unwrap();
    assert_eq!(offers.length(), 4, "and the demo's third-party offers");
    assert!(text(&el).contains("Power BI Pro"));
}

#[wasm_bindgen_test]
async fn language_switch_translates_and_is_remembered() {
    let (el, _app) = boot("/").await;
    leptos::task::tick().await;
    let select: web_sys::HtmlSelectElement = query(&el, "#lang-switch").unchecked_into();
    select.set_value("zh-CN");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    let title = text(&query(&el, "main h1"));
    assert_eq!(title, Msg::CatalogTitle.text(Lang::ZhCn));
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("zh-CN")
    );
    assert_eq!(ssp::store::prefs::saved_lang(), Some(Lang::ZhCn));

    select.set_value("en-US");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(
        text(&query(&el, "main h1")),
        Msg::CatalogTitle.text(Lang::EnUs)
    );
    assert_eq!(ssp::store::prefs::saved_lang(), Some(Lang::EnUs));
}

#[wasm_bindgen_test]
async fn product_page_resolves_an_old_id() {
    let (el, _app) = boot("/products/CFQ7TTC0KP0P").await;
    leptos::task::tick().await;
    assert_eq!(text(&query(&el, "main h1")), "Power Apps per user");
    let facts = text(&query(&el, ".facts"));
    assert!(
        facts.contains("CFQ7TTC0LH2H") && facts.contains("CFQ7TTC0KP0P"),
        "{facts}"
    );
}

#[wasm_bindgen_test]
async fn unknown_product_and_unknown_path_say_so() {
    let (el, _app) = boot("/products/NOPE").await;
    leptos::task::tick().await;
    assert!(
        text(&el).contains("NOPE"),
        "names the ID that was not found"
    );

    let (el, _app) = boot("/no/such/page").await;
    let lang = browser_lang();
    leptos::task::tick().await;
    assert_eq!(text(&query(&el, "main h1")), Msg::NotFoundTitle.text(lang));
    assert!(text(&el).contains("/no/such/page"));
}

#[wasm_bindgen_test]
async fn app_launcher_opens_with_the_admin_tile() {
    let (el, _app) = boot("/").await;
    let lang = browser_lang();
    leptos::task::tick().await;
    assert!(
        el.query_selector("#launcher-menu").unwrap().is_none(),
        "closed at first"
    );
    let button = query(&el, ".launcher__button");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    button.click();
    leptos::task::tick().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let admin = query(&el, "#launcher-menu a.tile--admin");
    assert_eq!(admin.get_attribute("href").as_deref(), Some("/admin"));
    assert!(text(&admin).contains(Msg::LauncherAdmin.text(lang)));
}

#[wasm_bindgen_test]
async fn admin_shell_has_navigation_and_marks_the_current_page() {
    let (el, _app) = boot_as("/admin/billing/products", Some(("patti", "contoso"))).await;
    let current = query(&el, ".admin-nav a[aria-current='page']");
    assert_eq!(
        current.get_attribute("href").as_deref(),
        Some("/admin/billing/products")
    );
    assert_eq!(
        el.query_selector_all(".admin-nav a").unwrap().length(),
        6,
        "an admin's whole navigation, with the audit log"
    );
    assert!(el.query_selector("#products-grid").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn admin_pages_ask_a_signed_out_person_to_sign_in() {
    let (el, _app) = boot("/admin/billing/products").await;
    assert_eq!(
        el.query_selector_all(".admin-nav a").unwrap().length(),
        1,
        "only Home"
    );
    let link = query(&el, "main a.button--primary");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/signin?next=/admin/billing/products")
    );
    assert!(el.query_selector("#products-grid").unwrap().is_none());
}

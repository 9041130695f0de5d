//! The router, the shell around every page, and the contexts pages read.

use crate::components::top_bar::TopBar;
use crate::locale::Locale;
use crate::pages::{admin, catalog::CatalogPage, checkout::CheckoutPage, not_found::NotFound, product::ProductPage};
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

/// Mounts the app on `<body>`; called by `main`.
pub fn start() {
    console_error_panic_hook::set_once();
    // The static "loading" placeholder in index.html gives way to the app.
    if let Some(el) = document().get_element_by_id("boot") {
        el.remove();
    }
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let locale = Locale::provide();
    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>{move || locale.t(crate::i18n::Msg::SkipToContent)}</a>
            <TopBar/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=CatalogPage/>
                    <Route path=path!("/products/:product_id") view=ProductPage/>
                    <Route path=path!("/checkout/:product_id") view=CheckoutPage/>
                    <ParentRoute path=path!("/admin") view=admin::AdminShell>
                        <Route path=path!("") view=admin::AdminHome/>
                        <Route path=path!("billing/products") view=admin::YourProducts/>
                        <Route path=path!("settings/self-service") view=admin::SelfServiceSettings/>
                    </ParentRoute>
                </Routes>
            </main>
        </Router>
    }
}

/// Moves focus to the page content; the router would otherwise treat `#main` as a navigation.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

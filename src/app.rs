//! The router, the boot sequence (load the world, open the store), the shell around
//! every page, and the contexts pages read.

use crate::areas::{AdminPage, Page, Part};
use crate::components::a11y::{self, Announcer, LiveRegion};
use crate::components::notice::{LanguageNotice, StoreNotice, UpdateNotice};
use crate::components::page_title::PageTitle;
use crate::components::top_bar::TopBar;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::pages::{
    catalog::CatalogPage, not_found::NotFound, product::ProductPage, signin::SignInPage,
};
use crate::store::browser::{Progress, Store};
use crate::store::files::FileError;
use crate::store::session::Session;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

/// Mounts the app on `<body>`; called by `main`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        say_it_stopped();
    }));
    leptos::mount::mount_to_body(App);
}

/// After a panic nothing of the app can be trusted to run (its reactive state may be half
/// changed), so the page says so in plain DOM, in the page's language, rather than going on
/// half-working with the person none the wiser. Every engine's tests look for it.
fn say_it_stopped() {
    let doc = document();
    if doc.get_element_by_id("crashed").is_some() {
        return;
    }
    let lang = doc
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| crate::i18n::Lang::from_tag(&tag))
        .unwrap_or(crate::i18n::Lang::EnUs);
    let Ok(alert) = doc.create_element("div") else {
        return;
    };
    alert.set_id("crashed");
    alert.set_class_name("message-bar message-bar--error crashed");
    let _ = alert.set_attribute("role", "alert");
    alert.set_text_content(Some(Msg::AppStopped.text(lang)));
    if let Some(body) = doc.body() {
        let _ = body.prepend_with_node_1(&alert);
    }
}

/// The static first paint in index.html gives way once the app has a page of its own.
fn remove_boot_paint() {
    if let Some(el) = document().get_element_by_id("boot") {
        el.remove();
    }
}

#[component]
pub fn App() -> impl IntoView {
    let locale = Locale::provide();
    Announcer::provide();
    Session::provide();
    // While index.html's boot paint is up it is the loading page; the app's own (for a
    // page without one, as in the component tests) would only cost a phone's first render.
    let boot_paint = document().get_element_by_id("boot").is_some();
    crate::areas::load_early(&window().location().pathname().unwrap_or_default());
    let (progress, set_progress) = signal(None::<Progress>);
    // The world and the person's language at once: the first page is in that language.
    let store = LocalResource::new(move || async move {
        let (store, ()) = futures::join!(
            Store::boot(move |p| set_progress.set(Some(p))),
            locale.arrive()
        );
        store
    });
    Effect::new(move |_| {
        if store.read().is_some() {
            remove_boot_paint();
        }
    });
    // Once the world is loaded, and again for each language chosen.
    Effect::new(move |_| {
        let _ = locale.lang();
        if store.read().is_some() {
            locale.warm_formatters();
        }
    });
    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>
                {locale.text(Msg::SkipToContent)}
            </a>
            <LiveRegion />
            <Transition fallback=move || {
                (!boot_paint).then(|| view! { <Loading progress /> })
            }>
                {move || {
                    store
                        .get()
                        .map(|loaded| match loaded {
                            Ok(store) => view! { <Shell store /> }.into_any(),
                            Err(error) => view! { <LoadFailed error /> }.into_any(),
                        })
                }}
            </Transition>
        </Router>
    }
}

/// Everything once the world is loaded: the store in context, the bar, the routes.
#[component]
pub fn Shell(store: Store) -> impl IntoView {
    provide_context(store);
    a11y::focus_on_navigation();
    a11y::keep_focus_in_page();
    view! {
        <TopBar />
        <StoreNotice />
        <UpdateNotice />
        <LanguageNotice />
        <main id="main" tabindex="-1">
            <Routes fallback=NotFound>
                <Route path=path!("/") view=CatalogPage />
                <Route path=path!("/products/:product_id") view=ProductPage />
                <Route path=path!("/checkout/:product_id") view=|| part(Page::Checkout) />
                <Route path=path!("/signin") view=SignInPage />
                <Route path=path!("/demo") view=|| part(Page::Demo) />
                <ParentRoute path=path!("/admin") view=|| admin(AdminPage::Shell)>
                    <Route path=path!("") view=|| admin(AdminPage::Home) />
                    <Route path=path!("subscriptions/:id") view=|| admin(AdminPage::Subscription) />
                    <Route path=path!("billing/products") view=|| admin(AdminPage::YourProducts) />
                    <Route path=path!("billing/licenses") view=|| admin(AdminPage::Licenses) />
                    <Route path=path!("billing/bills") view=|| admin(AdminPage::BillsPayments) />
                    <Route path=path!("support") view=|| admin(AdminPage::Support) />
                    <Route
                        path=path!("settings/self-service")
                        view=|| admin(AdminPage::SelfServiceSettings)
                    />
                    <Route path=path!("users") view=|| admin(AdminPage::Users) />
                    <Route path=path!("capacity") view=|| admin(AdminPage::Capacity) />
                    <Route path=path!("audit") view=|| admin(AdminPage::Audit) />
                    <Route path=path!("customers") view=|| admin(AdminPage::Customers) />
                </ParentRoute>
            </Routes>
        </main>
    }
}

/// A route whose page loads with its part of the app (see `areas`).
fn part(page: Page) -> impl IntoView {
    view! { <Part page /> }
}

fn admin(page: AdminPage) -> impl IntoView {
    part(Page::Admin(page))
}

#[component]
fn Loading(progress: ReadSignal<Option<Progress>>) -> impl IntoView {
    let locale = Locale::get();
    let done = move || progress.get().map_or(0, |p| p.done);
    let total = move || progress.get().map_or(3, |p| p.total);
    let file = move || progress.get().map_or("", |p| p.file);
    view! {
        <main id="main" class="loading" tabindex="-1">
            <section class="panel" aria-labelledby="loading-title">
                <h1 id="loading-title">{locale.text(Msg::Loading)}</h1>
                <progress max=total value=done aria-labelledby="loading-title"></progress>
                <p class="muted" role="status">
                    {move || {
                        locale
                            .tf(
                                Msg::LoadingFile,
                                &[
                                    ("file", file()),
                                    ("done", &done().to_string()),
                                    ("total", &total().to_string()),
                                ],
                            )
                    }}
                </p>
            </section>
        </main>
    }
}

#[component]
fn LoadFailed(error: FileError) -> impl IntoView {
    let locale = Locale::get();
    let file = match &error {
        FileError::Missing { file, .. }
        | FileError::Unreachable { file, .. }
        | FileError::Malformed { file, .. } => *file,
    };
    let detail = error.to_string();
    view! {
        <main id="main" tabindex="-1">
            <section class="panel error-page" role="alert" aria-labelledby="page-title">
                <PageTitle text=locale.string(Msg::LoadFailedTitle) />
                <p>{move || locale.tf(Msg::LoadFailedBody, &[("file", file)])}</p>
                <pre class="error-detail">{detail}</pre>
                <button
                    type="button"
                    class="button button--primary"
                    on:click=|_| {
                        let _ = window().location().reload();
                    }
                >
                    {locale.text(Msg::Retry)}
                </button>
            </section>
        </main>
    }
}

/// Moves focus to the page content; the router would otherwise treat `#main` as a navigation.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    a11y::focus_id("main");
}

//! The parts of the app a first visit to the store does not need, loaded when a route asks
//! for them: the checkout, the admin center, the demo's controls.
//!
//! A release build is cut into one wasm module per part at these functions
//! (`wasm_split`, run by `scripts/build/split.mjs`); the boot download is the store alone, and
//! `index.html` preloads the part of the route a visit starts on. Each part is one coarse
//! module because every extra file is a round trip on a phone. Debug builds (`trunk
//! serve`, the component tests) keep one module: the same functions, resolved at once.

use crate::components::a11y;
use crate::components::page_title::PageTitle;
use crate::i18n::Msg;
use crate::locale::Locale;
use leptos::prelude::*;

/// A page that lives in one of the parts loaded on demand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Checkout,
    Demo,
    Admin(AdminPage),
}

/// The admin center's shell and pages: one part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdminPage {
    Shell,
    Home,
    Subscription,
    YourProducts,
    Licenses,
    BillsPayments,
    Support,
    SelfServiceSettings,
    Users,
    Capacity,
    Audit,
    Customers,
}

/// A part's module did not arrive (offline, a failed fetch): the page says so and offers
/// to try again; the rest of the app keeps running.
#[derive(Clone, Debug)]
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// One part: in a release build a split point whose body lands in that part's module.
macro_rules! part {
    ($module:ident, $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty => $body:expr) => {
        #[cfg(release_web)]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name($($arg: $ty),*) -> Result<$ret, NotLoaded> {
            Ok($body)
        }

        #[cfg(not(release_web))]
        async fn $name($($arg: $ty),*) -> Result<$ret, NotLoaded> {
            Ok($body)
        }
    };
}

part!(checkout, checkout_part() -> AnyView => view! { <crate::pages::checkout::CheckoutPage /> }.into_any());

part!(demo, demo_part() -> AnyView => view! { <crate::pages::demo::DemoPage /> }.into_any());

part!(admin, admin_part(page: AdminPage) -> AnyView => {
    use crate::pages::{admin, purchaser};
    match page {
        AdminPage::Shell => view! { <admin::AdminShell /> }.into_any(),
        AdminPage::Home => view! { <admin::AdminHome /> }.into_any(),
        AdminPage::Subscription => view! { <purchaser::SubscriptionPage /> }.into_any(),
        AdminPage::YourProducts => view! { <admin::YourProducts /> }.into_any(),
        AdminPage::Licenses => view! { <admin::Licenses /> }.into_any(),
        AdminPage::BillsPayments => view! { <admin::BillsPayments /> }.into_any(),
        AdminPage::Support => view! { <admin::Support /> }.into_any(),
        AdminPage::SelfServiceSettings => view! { <admin::SelfServiceSettings /> }.into_any(),
        AdminPage::Users => view! { <admin::Users /> }.into_any(),
        AdminPage::Capacity => view! { <admin::Capacity /> }.into_any(),
        AdminPage::Audit => view! { <admin::Audit /> }.into_any(),
        AdminPage::Customers => view! { <admin::Customers /> }.into_any(),
    }
});

// Each part's module, loaded and nothing more (see `load_early`).
part!(checkout, checkout_loaded() -> () => ());
part!(demo, demo_loaded() -> () => ());
part!(admin, admin_loaded() -> () => ());

/// Which part a route needs, by the prefix of its path; every other route is the store's.
/// The one table of it: the release build (`scripts/build/routes.mjs`) reads it from here
/// to preload a route's parts from `index.html`.
pub const PART_ROUTES: [(&str, &str); 3] =
    [("/checkout/", "checkout"), ("/admin", "admin"), ("/demo", "demo")];

/// Starts loading the part the route at `path` needs, so that it is fetched (index.html
/// preloads it) and compiled while the world loads, not once the store has opened. A
/// failure is left to the page, which says so and offers to try again.
pub fn load_early(path: &str) {
    fn start(load: impl std::future::Future<Output = Result<(), NotLoaded>> + 'static) {
        leptos::task::spawn_local(async move {
            let _ = load.await;
        });
    }
    let part = PART_ROUTES
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map(|(_, part)| *part);
    match part {
        Some("checkout") => start(checkout_loaded()),
        Some("admin") => start(admin_loaded()),
        Some("demo") => start(demo_loaded()),
        _ => {}
    }
}

impl Page {
    /// The page's view, once its part has arrived.
    async fn load(self) -> Result<AnyView, NotLoaded> {
        match self {
            Page::Checkout => checkout_part().await,
            Page::Demo => demo_part().await,
            Page::Admin(page) => admin_part(page).await,
        }
    }
}

/// A route's view for `page`: the page as soon as its part is in (at once once it has
/// been loaded), meanwhile "Loading…" where the page will be, and a way to try again if it
/// fails.
#[component]
pub fn Part(page: Page) -> impl IntoView {
    let locale = Locale::get();
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=move || {
            view! {
                <section class="page">
                    <p class="muted" id="part-loading">
                        {locale.text(Msg::Loading)}
                    </p>
                </section>
            }
        }>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    match page.load().await {
                        Ok(view) => {
                            a11y::page_arrived();
                            view
                        }
                        Err(NotLoaded) => {
                            a11y::page_arrived();
                            view! { <PartFailed retry=move || attempt.update(|n| *n += 1) /> }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn PartFailed(retry: impl Fn() + 'static) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <section class="panel error-page" role="alert" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::PartFailedTitle) />
            <p>{locale.text(Msg::PartFailedBody)}</p>
            <button type="button" class="button button--primary" on:click=move |_| retry()>
                {locale.text(Msg::Retry)}
            </button>
        </section>
    }
}

//! `/admin/*`: the admin shell, whose navigation and home depend on who signed in — the
//! full admin center for admins, the limited view for a purchaser.

use super::customers::CustomersPage;
use super::purchaser::{
    NothingToManage, PurchaserBills, PurchaserHome, PurchaserLicenses, PurchaserProducts,
    SupportPage,
};
use crate::components::page_title::PageTitle;
use crate::domain::views::{self, AdminAccess, TenantFigures};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::session::Session;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_location;

/// What the signed-in person may see here (`None`: signed out), decided in the domain.
fn access() -> Memo<Option<AdminAccess>> {
    Session::get().admin_access(Store::get())
}

/// Who sees an entry of the admin navigation.
#[derive(Clone, Copy, PartialEq)]
enum Audience {
    Everyone,
    /// Someone with delegated access to customers.
    Partners,
    /// A purchaser: the admin center's Billing, limited to their own purchases.
    Purchasers,
    Admins,
}

/// An entry of the admin navigation: a page, or a heading over pages.
enum Entry {
    Page(&'static str, Msg),
    Group(Msg, &'static [(&'static str, Msg)]),
}

/// The admin center's navigation, in its order, each entry for its audience.
static NAV: [(Audience, Entry); 9] = [
    (Audience::Everyone, Entry::Page("/admin", Msg::NavHome)),
    (
        Audience::Partners,
        Entry::Page("/admin/customers", Msg::NavCustomers),
    ),
    (
        Audience::Purchasers,
        Entry::Group(
            Msg::NavBilling,
            &[
                ("/admin/billing/products", Msg::NavYourProducts),
                ("/admin/billing/licenses", Msg::NavLicenses),
                ("/admin/billing/bills", Msg::NavBillsPayments),
            ],
        ),
    ),
    (
        Audience::Purchasers,
        Entry::Page("/admin/support", Msg::ContactSupport),
    ),
    (Audience::Admins, Entry::Page("/admin/users", Msg::NavUsers)),
    (
        Audience::Admins,
        Entry::Group(
            Msg::NavBilling,
            &[("/admin/billing/products", Msg::NavYourProducts)],
        ),
    ),
    (
        Audience::Admins,
        Entry::Group(
            Msg::NavSettings,
            &[("/admin/settings/self-service", Msg::NavSelfService)],
        ),
    ),
    (
        Audience::Admins,
        Entry::Page("/admin/capacity", Msg::NavCapacity),
    ),
    (Audience::Admins, Entry::Page("/admin/audit", Msg::NavAudit)),
];

/// A link of the navigation; the home's is current only on the home itself.
fn nav_link(locale: Locale, href: &'static str, label: Msg) -> impl IntoView {
    view! {
        <li>
            <A href=href exact=href == "/admin">
                {locale.text(label)}
            </A>
        </li>
    }
}

#[component]
pub fn AdminShell() -> impl IntoView {
    let locale = Locale::get();
    let access = access();
    let partner = Session::get().is_partner(Store::get());
    let shown = move |audience: Audience| match audience {
        Audience::Everyone => true,
        Audience::Partners => partner.get(),
        Audience::Purchasers => access.get() == Some(AdminAccess::Purchaser),
        Audience::Admins => access.get() == Some(AdminAccess::Admin),
    };
    let nav_open = RwSignal::new(false);
    // Going to a page closes the folded navigation.
    let path = use_location().pathname;
    Effect::new(move |_| {
        path.track();
        nav_open.set(false);
    });
    let entry = move |(audience, entry): &'static (Audience, Entry)| {
        let item = move || match entry {
            Entry::Page(href, label) => nav_link(locale, href, *label).into_any(),
            Entry::Group(heading, pages) => view! {
                <li class="admin-nav__group">
                    <span class="admin-nav__heading">{locale.text(*heading)}</span>
                    <ul>
                        {pages
                            .iter()
                            .map(|(href, label)| nav_link(locale, href, *label))
                            .collect_view()}
                    </ul>
                </li>
            }
            .into_any(),
        };
        let audience = *audience;
        view! { <Show when=move || shown(audience)>{item}</Show> }
    };
    view! {
        <div class="admin">
            <nav class="admin-nav" aria-label=locale.text(Msg::NavAdminLabel)>
                // On a phone the navigation folds behind this button, as the admin center's.
                <button
                    type="button"
                    class="admin-nav__toggle"
                    aria-controls="admin-nav-list"
                    aria-expanded=move || nav_open.get().to_string()
                    on:click=move |_| nav_open.update(|o| *o = !*o)
                >
                    <span aria-hidden="true">"☰"</span>
                    {locale.text(Msg::NavMenu)}
                </button>
                <ul id="admin-nav-list" class=("admin-nav__list--open", move || nav_open.get())>
                    {NAV.iter().map(entry).collect_view()}
                </ul>
            </nav>
            <div class="admin-content">
                <Outlet />
            </div>
        </div>
    }
}

#[component]
fn SignInFirst() -> impl IntoView {
    let locale = Locale::get();
    let here = use_location().pathname;
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::AdminHomeTitle) />
            <p>{locale.text(Msg::AdminSignInFirst)}</p>
            <A
                href=move || format!("/signin?next={}", here.get())
                attr:class="button button--primary"
            >
                {locale.text(Msg::SignIn)}
            </A>
        </section>
    }
}

#[component]
pub fn AdminHome() -> impl IntoView {
    let access = access();
    view! {
        {move || match access.get() {
            None => view! { <SignInFirst /> }.into_any(),
            Some(AdminAccess::Partner) => {
                // A partner in their own tenant, with no role there, starts from their customers.
                view! { <CustomersPage /> }
                    .into_any()
            }
            Some(AdminAccess::Purchaser) => view! { <PurchaserHome /> }.into_any(),
            Some(AdminAccess::NothingToManage) => view! { <NothingToManage /> }.into_any(),
            Some(AdminAccess::Admin) => view! { <AdminDashboard /> }.into_any(),
        }}
    }
}

/// The admin home: a card per area with the figure that matters there.
#[component]
fn AdminDashboard() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let figures = Memo::new(move |_| {
        let actor = session.actor()?;
        Some(
            store
                .state
                .with(|s| views::tenant_figures(s, &store.catalog(), &actor.tenant)),
        )
    });
    let figure =
        move |f: fn(&TenantFigures) -> usize| figures.with(|x| x.as_ref().map_or(0, f)).to_string();
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::AdminHomeTitle) />
            <p>{locale.text(Msg::AdminHomeIntro)}</p>
            <ul class="dashboard">
                <DashboardCard
                    href="/admin/billing/products"
                    title=Msg::NavYourProducts
                    line=Signal::derive(move || {
                        locale
                            .tf(
                                Msg::AdminHomeProducts,
                                &[
                                    ("count", &figure(|f| f.active)),
                                    ("self_service", &figure(|f| f.self_service)),
                                ],
                            )
                    })
                />
                <DashboardCard
                    href="/admin/settings/self-service"
                    title=Msg::NavSelfService
                    line=Signal::derive(move || {
                        locale
                            .tf(
                                Msg::AdminHomePolicies,
                                &[("count", &figure(|f| f.limited_products))],
                            )
                    })
                />
                <DashboardCard
                    href="/admin/audit"
                    title=Msg::NavAudit
                    line=Signal::derive(move || {
                        locale
                            .tf(
                                Msg::AdminHomeAudit,
                                &[
                                    ("count", &figure(|f| f.events)),
                                    ("refused", &figure(|f| f.refused)),
                                ],
                            )
                    })
                />
            </ul>
        </section>
    }
}

/// One area of the admin home, with the figure that matters there.
#[component]
fn DashboardCard(href: &'static str, title: Msg, line: Signal<String>) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <li class="card">
            <h2>
                <A href=href>{locale.text(title)}</A>
            </h2>
            <p class="muted">{line}</p>
        </li>
    }
}

/// An admin page: signed-out people are asked to sign in, others without the role are
/// told so — also when they type the address.
#[component]
fn AdminOnly(children: ChildrenFn) -> impl IntoView {
    let locale = Locale::get();
    let access = access();
    view! {
        {move || match access.get() {
            None => view! { <SignInFirst /> }.into_any(),
            Some(AdminAccess::Purchaser | AdminAccess::Partner | AdminAccess::NothingToManage) => {
                view! {
                    <section class="panel" role="alert" aria-labelledby="page-title">
                        <PageTitle text=locale.string(Msg::AccessDeniedTitle) />
                        <p>{locale.text(Msg::AccessDeniedBody)}</p>
                        <A href="/admin">{locale.text(Msg::BackToPurchases)}</A>
                    </section>
                }
                    .into_any()
            }
            Some(AdminAccess::Admin) => children().into_any(),
        }}
    }
}

/// Billing > Your products: everything for an admin, a purchaser's own for a purchaser.
#[component]
pub fn YourProducts() -> impl IntoView {
    let access = access();
    view! {
        {move || match access.get() {
            Some(AdminAccess::Purchaser) => view! { <PurchaserProducts /> }.into_any(),
            _ => {
                view! {
                    <AdminOnly>
                        <super::billing::BillingProducts />
                    </AdminOnly>
                }
                    .into_any()
            }
        }}
    }
}

/// A purchaser's page; anyone else signed in is told there is nothing of theirs here.
#[component]
fn PurchaserOnly(children: ChildrenFn) -> impl IntoView {
    let access = access();
    view! {
        {move || match access.get() {
            None => view! { <SignInFirst /> }.into_any(),
            Some(AdminAccess::Purchaser) => children().into_any(),
            Some(_) => view! { <NothingToManage /> }.into_any(),
        }}
    }
}

#[component]
pub fn Licenses() -> impl IntoView {
    view! {
        <PurchaserOnly>
            <PurchaserLicenses />
        </PurchaserOnly>
    }
}

#[component]
pub fn BillsPayments() -> impl IntoView {
    view! {
        <PurchaserOnly>
            <PurchaserBills />
        </PurchaserOnly>
    }
}

/// Contact support: open to anyone signed in.
#[component]
pub fn Support() -> impl IntoView {
    let access = access();
    view! {
        {move || match access.get() {
            None => view! { <SignInFirst /> }.into_any(),
            Some(_) => view! { <SupportPage /> }.into_any(),
        }}
    }
}

#[component]
pub fn Users() -> impl IntoView {
    view! {
        <AdminOnly>
            <super::users::UsersPage />
        </AdminOnly>
    }
}

#[component]
pub fn Capacity() -> impl IntoView {
    view! {
        <AdminOnly>
            <super::users::CapacityPage />
        </AdminOnly>
    }
}

#[component]
pub fn SelfServiceSettings() -> impl IntoView {
    view! {
        <AdminOnly>
            <super::settings::SelfServicePage />
        </AdminOnly>
    }
}

#[component]
pub fn Audit() -> impl IntoView {
    view! {
        <AdminOnly>
            <super::audit::AuditPage />
        </AdminOnly>
    }
}

/// Open to anyone signed in: the page itself says when there are no customers.
#[component]
pub fn Customers() -> impl IntoView {
    let access = access();
    view! {
        {move || match access.get() {
            None => view! { <SignInFirst /> }.into_any(),
            Some(_) => view! { <CustomersPage /> }.into_any(),
        }}
    }
}

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
pub fn access() -> Memo<Option<AdminAccess>> {
    let store = Store::get();
    let session = Session::get();
    Memo::new(move |_| {
        let actor = session.actor()?;
        Some(store.state.with(|s| views::admin_access(s, &actor)))
    })
}

#[component]
pub fn AdminShell() -> impl IntoView {
    let locale = Locale::get();
    let access = access();
    let partner = Session::get().is_partner(Store::get());
    let is = move |a: AdminAccess| access.get() == Some(a);
    let nav_open = RwSignal::new(false);
    // Going to a page closes the folded navigation.
    let path = use_location().pathname;
    Effect::new(move |_| {
        path.track();
        nav_open.set(false);
    });
    view! {
        <div class="admin">
            <nav class="admin-nav" aria-label=move || locale.t(Msg::NavAdminLabel)>
                // On a phone the navigation folds behind this button, as the admin center's.
                <button
                    type="button"
                    class="admin-nav__toggle"
                    aria-controls="admin-nav-list"
                    aria-expanded=move || nav_open.get().to_string()
                    on:click=move |_| nav_open.update(|o| *o = !*o)
                >
                    <span aria-hidden="true">"☰"</span>
                    {move || locale.t(Msg::NavMenu)}
                </button>
                <ul id="admin-nav-list" class=("admin-nav__list--open", move || nav_open.get())>
                    <li>
                        <A href="/admin" exact=true>
                            {move || locale.t(Msg::NavHome)}
                        </A>
                    </li>
                    <Show when=move || partner.get()>
                        <li>
                            <A href="/admin/customers">{move || locale.t(Msg::NavCustomers)}</A>
                        </li>
                    </Show>
                    // A purchaser's admin center: Billing, limited to their own purchases.
                    <Show when=move || is(AdminAccess::Purchaser)>
                        <li class="admin-nav__group">
                            <span class="admin-nav__heading">
                                {move || locale.t(Msg::NavBilling)}
                            </span>
                            <ul>
                                <li>
                                    <A href="/admin/billing/products">
                                        {move || locale.t(Msg::NavYourProducts)}
                                    </A>
                                </li>
                                <li>
                                    <A href="/admin/billing/licenses">
                                        {move || locale.t(Msg::NavLicenses)}
                                    </A>
                                </li>
                                <li>
                                    <A href="/admin/billing/bills">
                                        {move || locale.t(Msg::NavBillsPayments)}
                                    </A>
                                </li>
                            </ul>
                        </li>
                        <li>
                            <A href="/admin/support">{move || locale.t(Msg::ContactSupport)}</A>
                        </li>
                    </Show>
                    <Show when=move || is(AdminAccess::Admin)>
                        <li>
                            <A href="/admin/users">{move || locale.t(Msg::NavUsers)}</A>
                        </li>
                        <li class="admin-nav__group">
                            <span class="admin-nav__heading">
                                {move || locale.t(Msg::NavBilling)}
                            </span>
                            <ul>
                                <li>
                                    <A href="/admin/billing/products">
                                        {move || locale.t(Msg::NavYourProducts)}
                                    </A>
                                </li>
                            </ul>
                        </li>
                        <li class="admin-nav__group">
                            <span class="admin-nav__heading">
                                {move || locale.t(Msg::NavSettings)}
                            </span>
                            <ul>
                                <li>
                                    <A href="/admin/settings/self-service">
                                        {move || locale.t(Msg::NavSelfService)}
                                    </A>
                                </li>
                            </ul>
                        </li>
                        <li>
                            <A href="/admin/capacity">{move || locale.t(Msg::NavCapacity)}</A>
                        </li>
                        <li>
                            <A href="/admin/audit">{move || locale.t(Msg::NavAudit)}</A>
                        </li>
                    </Show>
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
            <PageTitle text=move || locale.t(Msg::AdminHomeTitle).to_owned() />
            <p>{move || locale.t(Msg::AdminSignInFirst)}</p>
            <A
                href=move || format!("/signin?next={}", here.get())
                attr:class="button button--primary"
            >
                {move || locale.t(Msg::SignIn)}
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
            <PageTitle text=move || locale.t(Msg::AdminHomeTitle).to_owned() />
            <p>{move || locale.t(Msg::AdminHomeIntro)}</p>
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
                <A href=href>{move || locale.t(title)}</A>
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
                        <PageTitle text=move || locale.t(Msg::AccessDeniedTitle).to_owned() />
                        <p>{move || locale.t(Msg::AccessDeniedBody)}</p>
                        <A href="/admin">{move || locale.t(Msg::BackToPurchases)}</A>
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

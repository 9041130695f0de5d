//! `/admin/*`: the admin shell, whose navigation and home depend on who signed in — the
//! full admin center for admins, the limited view for a purchaser.

use super::purchaser::PurchaserHome;
use crate::components::panel::ComingPanel;
use crate::domain::{may, Action, Subject};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::session::Session;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_location;

/// What the signed-in person may see here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    SignedOut,
    Purchaser,
    Admin,
}

fn access() -> Memo<Access> {
    let store = Store::get();
    let session = Session::get();
    Memo::new(move |_| {
        let Some(actor) = session.actor() else { return Access::SignedOut };
        store.state.with(|s| {
            if may(&s.directory, &actor, Action::ViewBilling, Subject::Tenant(&actor.tenant)).is_ok() {
                Access::Admin
            } else {
                Access::Purchaser
            }
        })
    })
}

#[component]
pub fn AdminShell() -> impl IntoView {
    let locale = Locale::get();
    let access = access();
    view! {
        <div class="admin">
            <nav class="admin-nav" aria-label=move || locale.t(Msg::NavAdminLabel)>
                <ul>
                    <li><A href="/admin" exact=true>{move || locale.t(Msg::NavHome)}</A></li>
                    <Show when=move || access.get() == Access::Admin>
                        <li><A href="/admin/users">{move || locale.t(Msg::NavUsers)}</A></li>
                        <li class="admin-nav__group">
                            <span class="admin-nav__heading">{move || locale.t(Msg::NavBilling)}</span>
                            <ul><li><A href="/admin/billing/products">{move || locale.t(Msg::NavYourProducts)}</A></li></ul>
                        </li>
                        <li class="admin-nav__group">
                            <span class="admin-nav__heading">{move || locale.t(Msg::NavSettings)}</span>
                            <ul><li><A href="/admin/settings/self-service">{move || locale.t(Msg::NavSelfService)}</A></li></ul>
                        </li>
                        <li><A href="/admin/capacity">{move || locale.t(Msg::NavCapacity)}</A></li>
                    </Show>
                </ul>
            </nav>
            <div class="admin-content">
                <Outlet/>
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
            <h1 id="page-title">{move || locale.t(Msg::AdminHomeTitle)}</h1>
            <p>{move || locale.t(Msg::AdminSignInFirst)}</p>
            <A href=move || format!("/signin?next={}", here.get()) attr:class="button button--primary">{move || locale.t(Msg::SignIn)}</A>
        </section>
    }
}

#[component]
pub fn AdminHome() -> impl IntoView {
    let locale = Locale::get();
    let access = access();
    view! {
        {move || match access.get() {
            Access::SignedOut => view! { <SignInFirst/> }.into_any(),
            Access::Purchaser => view! { <PurchaserHome/> }.into_any(),
            Access::Admin => view! {
                <section class="panel" aria-labelledby="page-title">
                    <h1 id="page-title">{move || locale.t(Msg::AdminHomeTitle)}</h1>
                    <p class="muted"><strong>{move || locale.t(Msg::ComingTitle)}</strong>" · "{move || locale.t(Msg::Coming)}</p>
                </section>
            }.into_any(),
        }}
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
            Access::SignedOut => view! { <SignInFirst/> }.into_any(),
            Access::Purchaser => view! {
                <section class="panel" role="alert" aria-labelledby="page-title">
                    <h1 id="page-title">{move || locale.t(Msg::AccessDeniedTitle)}</h1>
                    <p>{move || locale.t(Msg::AccessDeniedBody)}</p>
                    <A href="/admin">{move || locale.t(Msg::BackToPurchases)}</A>
                </section>
            }.into_any(),
            Access::Admin => children().into_any(),
        }}
    }
}

#[component]
pub fn YourProducts() -> impl IntoView {
    view! { <AdminOnly><super::billing::BillingProducts/></AdminOnly> }
}

#[component]
pub fn Users() -> impl IntoView {
    view! { <AdminOnly><super::users::UsersPage/></AdminOnly> }
}

#[component]
pub fn Capacity() -> impl IntoView {
    view! { <AdminOnly><super::users::CapacityPage/></AdminOnly> }
}

#[component]
pub fn SelfServiceSettings() -> impl IntoView {
    view! { <AdminOnly><ComingPanel title=Msg::SelfServiceTitle/></AdminOnly> }
}

//! `/admin/*`: the admin shell with its navigation, and the screens inside it.

use crate::components::panel::ComingPanel;
use crate::i18n::Msg;
use crate::locale::Locale;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

#[component]
pub fn AdminShell() -> impl IntoView {
    let locale = Locale::get();
    view! {
        <div class="admin">
            <nav class="admin-nav" aria-label=move || locale.t(Msg::NavAdminLabel)>
                <ul>
                    <li><A href="/admin" exact=true>{move || locale.t(Msg::NavHome)}</A></li>
                    <li class="admin-nav__group">
                        <span class="admin-nav__heading">{move || locale.t(Msg::NavBilling)}</span>
                        <ul><li><A href="/admin/billing/products">{move || locale.t(Msg::NavYourProducts)}</A></li></ul>
                    </li>
                    <li class="admin-nav__group">
                        <span class="admin-nav__heading">{move || locale.t(Msg::NavSettings)}</span>
                        <ul><li><A href="/admin/settings/self-service">{move || locale.t(Msg::NavSelfService)}</A></li></ul>
                    </li>
                </ul>
            </nav>
            <div class="admin-content">
                <Outlet/>
            </div>
        </div>
    }
}

#[component]
pub fn AdminHome() -> impl IntoView {
    let locale = Locale::get();
    view! {
        <section class="panel" aria-labelledby="page-title">
            <h1 id="page-title">{move || locale.t(Msg::AdminHomeTitle)}</h1>
            <p>{move || locale.t(Msg::AdminSignInFirst)}</p>
        </section>
    }
}

#[component]
pub fn YourProducts() -> impl IntoView {
    view! { <ComingPanel title=Msg::YourProductsTitle/> }
}

#[component]
pub fn SelfServiceSettings() -> impl IntoView {
    view! { <ComingPanel title=Msg::SelfServiceTitle/> }
}

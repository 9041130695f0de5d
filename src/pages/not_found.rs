//! Any address the router does not know.

use crate::components::page_title::PageTitle;
use crate::i18n::Msg;
use crate::locale::Locale;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn NotFound() -> impl IntoView {
    let locale = Locale::get();
    let path = use_location().pathname;
    view! {
        <section class="page" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::NotFoundTitle) />
            <p>{move || locale.tf(Msg::NotFoundBody, &[("path", &path.get())])}</p>
            <ul class="link-list">
                <li>
                    <A href="/">{locale.text(Msg::LauncherStore)}</A>
                </li>
                <li>
                    <A href="/admin">{locale.text(Msg::AdminHomeTitle)}</A>
                </li>
            </ul>
        </section>
    }
}

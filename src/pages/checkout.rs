//! `/checkout/:product_id`: the purchase steps (a later release fills them in).

use super::{routed_product, routed_product_id};
use crate::i18n::Msg;
use crate::locale::Locale;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let locale = Locale::get();
    let product = routed_product();
    let raw_id = routed_product_id();
    let title = move || match product.get() {
        Some(p) => locale.tf(Msg::CheckoutTitle, &[("product", &p.name)]),
        None => locale.t(Msg::NotFoundTitle).to_owned(),
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{title}</h1>
            <Show
                when=move || product.read().is_some()
                fallback=move || view! { <p>{move || locale.tf(Msg::ProductNotFound, &[("id", &raw_id.get())])}</p> }
            >
                <p class="muted">
                    <strong>{move || locale.t(Msg::ComingTitle)}</strong>" · "{move || locale.t(Msg::Coming)}
                </p>
            </Show>
            <p><A href="/">{move || locale.t(Msg::BackToCatalog)}</A></p>
        </section>
    }
}

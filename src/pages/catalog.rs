//! `/`: the products a person can buy or try.

use crate::domain::catalog::{known_products, Product};
use crate::i18n::Msg;
use crate::locale::{family_msg, Locale};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CatalogPage() -> impl IntoView {
    let locale = Locale::get();
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{move || locale.t(Msg::CatalogTitle)}</h1>
            <p class="lead">{move || locale.t(Msg::CatalogIntro)}</p>
            <ul class="product-grid" role="list">
                {known_products().into_iter().map(|p| view! { <ProductCard product=p/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn ProductCard(product: Product) -> impl IntoView {
    let locale = Locale::get();
    let href = format!("/products/{}", product.id);
    let family = family_msg(product.family);
    let trial = product.trial_without_payment_method;
    let heading_id = format!("product-{}", product.id);
    view! {
        <li class="card product-card">
            <p class="eyebrow">{move || locale.t(family)}</p>
            <h2 id=heading_id>{product.name.clone()}</h2>
            <Show when=move || trial>
                <p class="badge">{move || locale.t(Msg::CatalogTrialBadge)}</p>
            </Show>
            <A href=href attr:class="button button--secondary">{move || locale.t(Msg::CatalogViewProduct)}</A>
        </li>
    }
}

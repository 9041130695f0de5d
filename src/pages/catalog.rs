//! `/`: the products a person can buy or try, priced in their market: Microsoft's, then
//! the demo's offers from other publishers, which their offer type's policy governs.

use super::{summary, Market};
use crate::components::page_title::PageTitle;
use crate::domain::catalog::{Country, Product};
use crate::i18n::Msg;
use crate::locale::{family_msg, Locale};
use crate::store::browser::Store;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn CatalogPage() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let market = Market::new();
    let catalog = store.catalog();
    let products: Vec<Product> = catalog.microsoft().cloned().collect();
    let offers: Vec<Product> = catalog
        .products
        .iter()
        .filter(|p| !p.is_microsoft())
        .cloned()
        .collect();
    view! {
        <section class="page" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::CatalogTitle) />
            <p class="lead">{locale.text(Msg::CatalogIntro)}</p>
            <MarketPicker market />
            <ul class="product-grid" role="list" id="products-microsoft">
                {products
                    .into_iter()
                    .map(|p| view! { <ProductCard product=p market /> })
                    .collect_view()}
            </ul>
            <section aria-labelledby="offers-title" class="offers">
                <h2 id="offers-title">{locale.text(Msg::CatalogOffersTitle)}</h2>
                <p class="muted">{locale.text(Msg::CatalogOffersIntro)}</p>
                <ul class="product-grid" role="list" id="products-third-party">
                    {offers
                        .into_iter()
                        .map(|p| view! { <ProductCard product=p market nested=true /> })
                        .collect_view()}
                </ul>
            </section>
            <p class="muted">{locale.text(Msg::PriceNote)}</p>
        </section>
    }
}

#[component]
pub fn MarketPicker(market: Market) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <div class="field field--inline">
            <label for="market">{locale.text(Msg::MarketLabel)}</label>
            <select
                id="market"
                disabled=move || market.locked.get()
                prop:value=move || market.country.get().code().to_owned()
                on:change=move |ev| {
                    if let Ok(c) = Country::try_from(event_target_value(&ev).as_str()) {
                        market.choose(c);
                    }
                }
            >
                {Market::countries()
                    .into_iter()
                    .map(|c| {
                        let code = c.code().to_owned();
                        view! {
                            <option value=code.clone() selected=move || market.country.get() == c>
                                {move || locale.country(c)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A product's card; `nested` under a section's heading, its name a level lower.
#[component]
fn ProductCard(product: Product, market: Market, #[prop(optional)] nested: bool) -> impl IntoView {
    let locale = Locale::get();
    let href = format!("/products/{}", product.id);
    let family = family_msg(product.family);
    let no_card_trial = product.trial_without_payment_method();
    let card_trial = product.offers_trial(crate::domain::TrialKind::WithPaymentMethod);
    let heading_id = format!("product-{}", product.id);
    let id2 = product.id.clone();
    let p1 = product.clone();
    let price = move || market.price_text(locale, &p1);
    let name = product.name.clone();
    let heading = if nested {
        view! { <h3 id=heading_id>{name}</h3> }.into_any()
    } else {
        view! { <h2 id=heading_id>{name}</h2> }.into_any()
    };
    let publisher = product.publisher.clone().map(|publisher| {
        view! {
            <p class="product-card__publisher">
                {move || locale.tf(Msg::CatalogPublisher, &[("publisher", &publisher)])}
            </p>
        }
    });
    view! {
        <li class="card product-card">
            <p class="eyebrow">{locale.text(family)}</p>
            {heading}
            {publisher}
            <p class="product-card__summary">{move || summary(&id2, locale.lang())}</p>
            <p class="price">{price}</p>
            {no_card_trial
                .then(|| view! { <p class="badge">{locale.text(Msg::CatalogTrialBadge)}</p> })}
            {card_trial.then(|| view! { <p class="badge">{locale.text(Msg::TrialKindCard)}</p> })}
            <A href=href attr:class="button button--secondary">
                {locale.text(Msg::CatalogViewProduct)}
            </A>
        </li>
    }
}

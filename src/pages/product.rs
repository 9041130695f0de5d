//! `/products/:product_id`: one product, its IDs and price, and the ways to get it.

use super::{catalog::MarketPicker, routed_product, summary, Market, UnknownProduct};
use crate::components::page_title::PageTitle;
use crate::components::verdict::decision_text;
use crate::domain::eligibility::Offer;
use crate::domain::Decision;
use crate::domain::TrialKind;
use crate::i18n::Msg;
use crate::locale::{family_msg, Locale};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ProductPage() -> impl IntoView {
    let locale = Locale::get();
    let product = routed_product();
    let market = Market::new();
    view! {
        <Show when=move || product.read().is_some() fallback=UnknownProduct>
            {move || {
                product
                    .get()
                    .map(|p| {
                        let old_ids: Vec<&'static str> = p.id.old_ids().collect();
                        let has_old = !old_ids.is_empty();
                        let old = old_ids.join(", ");
                        let family = family_msg(p.family);
                        let no_card_trial = p.trial_without_payment_method();
                        let card_trial = p.offers_trial(TrialKind::WithPaymentMethod);
                        let has_trial = p.trial.is_some();
                        let checkout = format!("/checkout/{}", p.id);
                        let trial_href = format!("/checkout/{}?trial=1", p.id);
                        let id2 = p.id.clone();
                        let (p1, p2) = (p.clone(), p.clone());
                        let price = move || market.price_text(locale, &p1);
                        let offered = Memo::new(move |_| market.offer(&p2));
                        let buy = move || {
                            matches!(offered.get(), Offer::Available { buy: true, .. })
                        };
                        let try_free = move || {
                            matches!(offered.get(), Offer::Available { trial: Some(_), .. })
                        };
                        let name = p.name.clone();
                        let publisher = p.publisher.clone();
                        let offer_type = p.offer_type.map(|t| format!("{} ({})", t.name(), t.id()));
                        let why = Memo::new(move |_| {
                            let decision = match offered.get() {
                                Offer::Unavailable(d)
                                | Offer::Available { limited_by: Some(d), .. } => d,
                                Offer::Available { .. } => return None,
                            };
                            let tenant = market.tenant_name();
                            if tenant.is_empty() && decision == Decision::SovereignCloud {
                                return Some(locale.t(Msg::OfferSovereignMarket).to_owned());
                            }
                            Some(decision_text(locale, decision, &tenant, &name))
                        });
                        // Signed out, there is no organization to name: the market's
                        // cloud is.
                        // What this market, cloud and (signed in) organization allow.
                        view! {
                            <section class="page product" aria-labelledby="page-title">
                                <p class="eyebrow">{locale.text(family)}</p>
                                <PageTitle text=p.name.clone() />
                                <p class="lead">{move || summary(&id2, locale.lang())}</p>
                                <p class="price price--large" id="product-price">
                                    {price}
                                </p>
                                <Show when=move || why.read().is_some()>
                                    <p class="message-bar message-bar--info" id="offer-why">
                                        {why}
                                    </p>
                                </Show>
                                <MarketPicker market />
                                <dl class="facts">
                                    <dt>{locale.text(Msg::ProductIdLabel)}</dt>
                                    <dd>
                                        <code>{p.id.to_string()}</code>
                                    </dd>
                                    {has_old
                                        .then(|| {
                                            view! {
                                                <dt>{locale.text(Msg::OldIdsLabel)}</dt>
                                                <dd>
                                                    <code>{old}</code>
                                                </dd>
                                            }
                                        })}
                                    {publisher
                                        .map(|publisher| {
                                            view! {
                                                <dt>{locale.text(Msg::PublisherLabel)}</dt>
                                                <dd>{publisher}</dd>
                                            }
                                        })}
                                    {offer_type
                                        .map(|offer_type| {
                                            view! {
                                                <dt>{locale.text(Msg::OfferTypeCol)}</dt>
                                                <dd>{offer_type}</dd>
                                            }
                                        })}
                                </dl>
                                <div class="actions">
                                    <Show when=buy>
                                        <A
                                            href=checkout.clone()
                                            attr:class="button button--primary"
                                            attr:id="buy-now"
                                        >
                                            {locale.text(Msg::BuyNow)}
                                        </A>
                                    </Show>
                                    <Show when=move || has_trial && try_free()>
                                        <A
                                            href=trial_href.clone()
                                            attr:class="button button--secondary"
                                            attr:id="try-free"
                                        >
                                            {locale.text(Msg::TryFree)}
                                        </A>
                                    </Show>
                                </div>
                                // A trial's kind only where the product is offered at all.
                                <Show when=move || {
                                    offered.get().price_shown()
                                }>
                                    {no_card_trial
                                        .then(|| {
                                            view! {
                                                <p class="badge">{locale.text(Msg::TrialNoCardBadge)}</p>
                                            }
                                        })}
                                    {card_trial
                                        .then(|| {
                                            view! {
                                                <p class="badge">{locale.text(Msg::TrialKindCard)}</p>
                                            }
                                        })}
                                </Show>
                                <p class="muted">{locale.text(Msg::PriceNote)}</p>
                                <p>
                                    <A href="/">{locale.text(Msg::BackToCatalog)}</A>
                                </p>
                            </section>
                        }
                    })
            }}
        </Show>
    }
}

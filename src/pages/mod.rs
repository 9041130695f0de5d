//! One file per screen. A page asks the domain and shows the answer.

pub mod admin;
pub mod audit;
pub mod billing;
pub mod catalog;
pub mod checkout;
pub mod console;
pub mod customers;
pub mod demo;
pub mod not_found;
pub mod policy_plan;
pub mod product;
pub mod purchaser;
pub mod settings;
pub mod signin;
pub mod users;

use crate::components::page_title::PageTitle;
use crate::domain::catalog::{Country, PriceKind, Product, ProductId};
use crate::domain::Money;
use crate::i18n::{Lang, Msg};
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::session::Session;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The product named by the route's `:product_id`, old IDs resolved; `None` if unknown.
pub(crate) fn routed_product() -> Memo<Option<Product>> {
    let params = use_params_map();
    let store = Store::get();
    Memo::new(move |_| {
        let raw = params.read().get("product_id").unwrap_or_default();
        let id = ProductId::try_from(raw.as_str()).ok()?;
        store.catalog().product(&id).cloned()
    })
}

/// The page for a `:product_id` the catalog does not know, naming it.
#[component]
pub(crate) fn UnknownProduct() -> impl IntoView {
    let locale = crate::locale::Locale::get();
    let raw_id = routed_product_id();
    view! {
        <section class="page" aria-labelledby="page-title">
            <PageTitle text=move || locale.t(crate::i18n::Msg::NotFoundTitle).to_owned() />
            <p>{move || locale.tf(crate::i18n::Msg::ProductNotFound, &[("id", &raw_id.get())])}</p>
            <p>
                <leptos_router::components::A href="/">
                    {move || locale.t(crate::i18n::Msg::BackToCatalog)}
                </leptos_router::components::A>
            </p>
        </section>
    }
}

/// The raw `:product_id` as typed, for messages about an unknown one.
pub(crate) fn routed_product_id() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("product_id").unwrap_or_default())
}

/// The market prices are shown in: the signed-in tenant's, else the one chosen, else the US.
#[derive(Clone, Copy)]
pub struct Market {
    pub country: Memo<Country>,
    pub chosen: RwSignal<Option<Country>>,
    /// Signed in: the tenant's market decides and the picker is locked.
    pub locked: Memo<bool>,
    who: Memo<Option<(crate::domain::User, crate::domain::Tenant)>>,
}

impl Market {
    // No `Default`: it reads the store and the session from the context.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Market {
        let store = Store::get();
        let who = Session::get().signed_in(store);
        let chosen = RwSignal::new(crate::store::prefs::saved_country());
        let country = Memo::new(move |_| {
            who.get()
                .map(|(_, t)| t.market.country)
                .or(chosen.get())
                .unwrap_or(Country::US)
        });
        let locked = Memo::new(move |_| who.read().is_some());
        Market {
            country,
            chosen,
            locked,
            who,
        }
    }

    pub fn choose(self, country: Country) {
        crate::store::prefs::save_country(country);
        self.chosen.set(Some(country));
    }

    /// The countries the catalog has prices for, in catalog order.
    pub fn countries() -> Vec<Country> {
        let mut seen = Vec::new();
        for p in &Store::get().catalog().prices {
            if !seen.contains(&p.market.country) {
                seen.push(p.market.country);
            }
        }
        seen
    }

    /// The countries as a select's options: (code, name in the page's language).
    pub fn country_options() -> Signal<Vec<(String, String)>> {
        let locale = Locale::get();
        Signal::derive(move || {
            Market::countries()
                .into_iter()
                .map(|k| (k.code().to_owned(), locale.country(k)))
                .collect()
        })
    }

    /// What `product` offers here: the market's and cloud's rules before any email, then
    /// the signed-in person's own verdict (their organization's policy).
    pub fn offer(self, product: &Product) -> crate::domain::eligibility::Offer {
        let store = Store::get();
        let verdict = self.who.with(|w| {
            w.as_ref().map(|(user, _)| {
                store
                    .state
                    .with(|s| crate::domain::evaluate(&s.directory, &s.policies, product, user))
            })
        });
        crate::domain::eligibility::offer(product, self.country.get(), verdict.as_ref())
    }

    /// The signed-in person's organization, by name.
    pub fn tenant_name(self) -> String {
        self.who
            .with(|w| w.as_ref().map(|(_, t)| t.name.clone()).unwrap_or_default())
    }

    /// "Not available in {market}", or the price per user per month.
    pub fn price_text(self, locale: Locale, product: &Product) -> String {
        use crate::domain::eligibility::Offer;
        match (self.offer(product), self.unit_price(&product.id)) {
            (Offer::Unavailable(_), _) => locale.tf(
                Msg::NotAvailableIn,
                &[("market", &locale.country(self.country.get()))],
            ),
            (Offer::Available { .. }, Some(p)) => {
                locale.tf(Msg::PerUserMonth, &[("price", &locale.money(p))])
            }
            (Offer::Available { .. }, None) => locale.t(Msg::PriceUnavailable).to_owned(),
        }
    }

    pub fn unit_price(self, product: &ProductId) -> Option<Money> {
        Store::get()
            .catalog()
            .unit_price(product, self.country.get(), PriceKind::SelfService)
    }
}

/// A product's one-line summary in the current language.
pub(crate) fn summary(product: &ProductId, lang: Lang) -> String {
    Store::get()
        .catalog_file()
        .catalog
        .summaries
        .iter()
        .find(|s| &s.product == product)
        .map(|s| match lang {
            Lang::EnUs => s.en_us.clone(),
            Lang::ZhCn => s.zh_cn.clone(),
        })
        .unwrap_or_default()
}

//! One file per screen. A page asks the domain and shows the answer.

pub mod admin;
pub mod catalog;
pub mod checkout;
pub mod demo;
pub mod not_found;
pub mod product;
pub mod signin;

use crate::domain::catalog::{known_products, Product, ProductId};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The product named by the route's `:product_id`, old IDs resolved; `None` if unknown.
pub(crate) fn routed_product() -> Memo<Option<Product>> {
    let params = use_params_map();
    Memo::new(move |_| {
        let raw = params.read().get("product_id").unwrap_or_default();
        let id = ProductId::try_from(raw.as_str()).ok()?;
        known_products().into_iter().find(|p| p.id == id)
    })
}

/// The raw `:product_id` as typed, for messages about an unknown one.
pub(crate) fn routed_product_id() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("product_id").unwrap_or_default())
}

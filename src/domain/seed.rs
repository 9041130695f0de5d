//! Generated subscriptions for load: the demo controls' "seed N extra subscriptions".

use super::catalog::{Catalog, PriceKind};
use super::directory::{TenantId, UserId};
use super::subscription::{
    one_month_after, Channel, EndReason, OrderEntry, OrderKind, Quantity, State, Status,
    Subscription, SubscriptionId,
};
use chrono::{Duration, NaiveDate};
use std::sync::Arc;

/// Adds `n` subscriptions to `tenant`, spread over the catalog's products, its members as
/// purchasers, and every source and status; deterministic for a given state.
pub fn extra_subscriptions(
    state: &mut State,
    catalog: &Catalog,
    tenant: &TenantId,
    n: usize,
    today: NaiveDate,
) {
    let Some(country) = state.directory.tenant(tenant).map(|t| t.market.country) else {
        return;
    };
    let people: Vec<UserId> = state
        .directory
        .members_of(tenant)
        .filter(|u| u.is_active())
        .map(|u| u.id.clone())
        .collect();
    let products: Vec<_> = catalog
        .products
        .iter()
        .filter(|p| catalog.price(&p.id, country).is_some())
        .collect();
    if people.is_empty() || products.is_empty() {
        return;
    }
    state.subscriptions.reserve(n);
    for i in 0..n {
        let product = products[i % products.len()];
        let channel = match i % 7 {
            0 | 1 => Channel::Central,
            6 => Channel::Trial {
                with_payment_method: i % 2 == 0,
            },
            _ => Channel::SelfService,
        };
        let kind = if channel == Channel::Central {
            PriceKind::Central
        } else {
            PriceKind::SelfService
        };
        let Some(unit_price) = catalog.unit_price(&product.id, country, kind) else {
            continue;
        };
        let purchaser =
            (channel != Channel::Central).then(|| people[(i * 7 + 3) % people.len()].clone());
        let licenses = Quantity::try_from(1 + (i % 25) as u32).unwrap_or(Quantity::ONE);
        let term_start = today - Duration::days((i % 28) as i64);
        let id = SubscriptionId(state.next_id("sub"));
        let by = purchaser.clone().unwrap_or_else(|| UserId("system".into()));
        state.subscriptions.push(Arc::new(Subscription {
            id,
            product: product.id.clone(),
            tenant: tenant.clone(),
            purchaser,
            channel,
            licenses,
            assigned: Vec::new(),
            status: if i % 23 == 0 {
                Status::Disabled
            } else {
                Status::Active
            },
            status_since: (i % 23 == 0).then_some(term_start),
            end_reason: (i % 23 == 0).then_some(EndReason::Canceled),
            past_due: None,
            trial_extended: false,
            term_start,
            term_end: one_month_after(term_start),
            // Generated purchases have no card on file: they end at their term, so none is
            // left renewing without a way to pay.
            auto_renew: channel == Channel::Central,
            unit_price,
            card: None,
            history: vec![OrderEntry {
                at: term_start
                    .and_hms_opt(9, 0, 0)
                    .unwrap_or_default()
                    .and_utc(),
                kind: OrderKind::Purchase,
                by,
                licenses: licenses.get(),
                amount: unit_price.checked_mul(licenses.get()).ok(),
            }],
            cancel_reason: None,
            licenses_at_renewal: None,
        }));
    }
}

//! One subscription, opened from the grid: purchaser, order history, users, bills.

use super::take_over::TakeOver;
use super::{order_msg, status_msg};
use crate::components::a11y::Dialog;
use crate::components::about_rule::AboutRule;
use crate::components::download::download_as;
use crate::components::lifecycle::LifecyclePanel;
use crate::domain::catalog::PriceKind;
use crate::domain::sources::ADMIN_READ_ONLY;
use crate::domain::subscription::{Subscription, SubscriptionId};
use crate::domain::views::{self};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use leptos::prelude::*;

/// The subscription's purchaser's name; none for a central purchase.
fn purchaser_of(store: Store, sub: Memo<Option<Subscription>>) -> Option<String> {
    let p = sub.with(|s| s.as_ref().and_then(|x| x.purchaser.clone()))?;
    store
        .state
        .with(|s| s.directory.user(&p).map(|u| u.display_name.clone()))
}

/// One subscription: purchaser, history, users, bills, and what an admin may do with it.
#[component]
pub(super) fn SubscriptionDetail(
    id: SubscriptionId,
    can_manage: bool,
    selected: RwSignal<Option<SubscriptionId>>,
) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let sid = id.clone();
    let sub = Memo::new(move |_| store.state.with(|s| s.subscription(&sid).cloned()));
    let name = move || {
        sub.with(|s| {
            s.as_ref()
                .and_then(|s| store.catalog().product(&s.product).map(|p| p.name.clone()))
                .unwrap_or_default()
        })
    };
    let self_service = move || sub.with(|s| s.as_ref().is_some_and(|s| s.is_self_service()));
    let detail_id = StoredValue::new(id);
    let title = move || {
        locale.tf(
            Msg::DetailTitle,
            &[("product", &name()), ("id", &detail_id.get_value().0)],
        )
    };
    view! {
        <Dialog
            id="subscription-detail"
            class="panel detail"
            labelledby="detail-title"
            on_close=Callback::new(move |_| selected.set(None))
        >
            <div class="step-heading">
                <h2 id="detail-title" tabindex="-1">
                    {title}
                </h2>
                <button type="button" class="button" on:click=move |_| selected.set(None)>
                    {locale.text(Msg::Dismiss)}
                </button>
            </div>
            <DetailFacts sub />
            <Show when=self_service>
                <p class="message-bar message-bar--info" role="note" id="admin-read-only">
                    {locale.text(Msg::AdminCannotAssign)}
                </p>
                <AboutRule source=Signal::stored(Some(ADMIN_READ_ONLY)) id="read-only-source" />
            </Show>
            <OrderHistory sub />
            <DetailUsers sub id=detail_id.get_value() />
            <DetailBills sub />
            // Read-only for an admin (users' page: "Your admin has a read-only view into any
            // subscriptions that you buy"): the state and the term, no buttons.
            <Show when=self_service>
                <LifecyclePanel sub=detail_id.get_value() manage=false />
            </Show>
            <Show when=move || can_manage && self_service()>
                <TakeOver id=detail_id.get_value() />
            </Show>
        </Dialog>
    }
}

/// Purchaser, status, licenses (and whether its users have access), and the price, beside
/// the central price for a self-service purchase.
#[component]
fn DetailFacts(sub: Memo<Option<Subscription>>) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let licenses = move || {
        sub.with(|s| {
            s.as_ref().map(|s| {
                let access = if s.status.users_have_access() {
                    String::new()
                } else {
                    format!(" · {}", locale.t(Msg::NoAccess))
                };
                format!("{} / {}{access}", s.assigned_count(), s.licenses.get())
            })
        })
    };
    let price = move || {
        let s = sub.get()?;
        let country = store
            .state
            .with(|st| st.directory.tenant(&s.tenant).map(|t| t.market.country));
        let central = country.and_then(|c| {
            store
                .catalog()
                .unit_price(&s.product, c, PriceKind::Central)
        });
        Some(match central {
            Some(c) if s.is_self_service() => locale.tf(
                Msg::CentralPriceCompare,
                &[("ss", &locale.money(s.unit_price)), ("central", &locale.money(c))],
            ),
            _ => locale.money(s.unit_price),
        })
    };
    view! {
        <dl class="facts">
            <dt>{locale.text(Msg::ColPurchaser)}</dt>
            // A central purchase has no purchaser: a dash, not a blank that looks unloaded.
            <dd id="detail-purchaser">
                {move || purchaser_of(store, sub).unwrap_or_else(|| "—".to_owned())}
            </dd>
            <dt>{locale.text(Msg::ColStatus)}</dt>
            <dd id="detail-status">
                {move || sub.with(|s| s.as_ref().map(|s| locale.t(status_msg(s.status))))}
            </dd>
            <dt>{locale.text(Msg::ColLicenses)}</dt>
            <dd>{licenses}</dd>
            <dt>{locale.text(Msg::ColPrice)}</dt>
            <dd>{price}</dd>
        </dl>
    }
}

/// Every order of the subscription: when, what, how many licenses, and the amount.
#[component]
fn OrderHistory(sub: Memo<Option<Subscription>>) -> impl IntoView {
    let locale = Locale::get();
    let entries = move || {
        sub.get().map(|s| {
            s.history
                .iter()
                .map(|h| {
                    let (kind, at, amount, licenses) =
                        (order_msg(h.kind), h.at.date_naive(), h.amount, h.licenses);
                    view! {
                        <li>
                            {move || locale.date(at)}" · "{locale.text(kind)}" · "{licenses}
                            {move || amount.map(|a| format!(" · {}", locale.money(a)))}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h3>{locale.text(Msg::OrderHistory)}</h3>
        <ul class="history">{entries}</ul>
    }
}

/// Who holds its licenses, who assigned them, and their export.
#[component]
fn DetailUsers(sub: Memo<Option<Subscription>>, id: SubscriptionId) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let users = move || {
        let assigned = sub.with(|x| x.as_ref().map(|x| x.assigned.clone()).unwrap_or_default());
        store.state.with(|s| {
            assigned
                .iter()
                .map(|u| {
                    let shown = s
                        .directory
                        .user(u)
                        .map_or(u.0.clone(), |u| format!("{} <{}>", u.display_name, u.email));
                    view! { <li>{shown}</li> }
                })
                .collect_view()
        })
    };
    let export = move |_| {
        let csv = store
            .state
            .with(|s| views::users_csv(s, std::slice::from_ref(&id)));
        download_as(&format!("{id}-users.csv"), "text/csv", &csv);
    };
    view! {
        <h3>{locale.text(Msg::AssignedUsers)}</h3>
        <p class="muted">
            {move || purchaser_of(store, sub).map(|p| locale.tf(Msg::AssignedBy, &[("name", &p)]))}
        </p>
        <ul id="detail-users">{users}</ul>
        <button type="button" class="button" id="export-users" on:click=export>
            {locale.text(Msg::ExportUsers)}
        </button>
    }
}

/// Its bills; where there is none, why (a heading over nothing says nothing).
#[component]
fn DetailBills(sub: Memo<Option<Subscription>>) -> impl IntoView {
    use crate::domain::subscription::{BillKind, BillStatus};
    let locale = Locale::get();
    let store = Store::get();
    let bills = Memo::new(move |_| {
        let Some(id) = sub.with(|x| x.as_ref().map(|x| x.id.clone())) else {
            return Vec::new();
        };
        store.state.with(|s| {
            s.bills
                .iter()
                .filter(|b| b.subscription == id)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let self_service = move || sub.with(|s| s.as_ref().is_some_and(|s| s.is_self_service()));
    let none = move || {
        if self_service() {
            Msg::DetailNoBills
        } else {
            Msg::DetailCentralBills
        }
    };
    let bill = move |b: crate::domain::subscription::Bill| {
        let (start, amount) = (b.period_start, b.amount);
        let (sign, msg) = match (b.kind, b.status) {
            (BillKind::Refund, _) => ("−", Msg::BillRefund),
            (BillKind::Charge, BillStatus::Paid) => ("", Msg::BillPaid),
            (BillKind::Charge, BillStatus::PastDue) => ("", Msg::BillDue),
            (BillKind::Charge, BillStatus::Void) => ("", Msg::BillVoid),
        };
        view! {
            <li>
                {move || locale.date(start)}" · "{sign}{move || locale.money(amount)}" · "
                {locale.text(msg)}
            </li>
        }
    };
    view! {
        <h3>{locale.text(Msg::BillsTitle)}</h3>
        <Show when=move || bills.with(Vec::is_empty)>
            <p class="muted" id="detail-no-bills">
                {move || locale.t(none())}
            </p>
        </Show>
        <ul>{move || bills.get().into_iter().map(bill).collect_view()}</ul>
    }
}

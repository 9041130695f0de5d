//! One subscription, opened from the grid: purchaser, order history, users, bills.

use super::take_over::TakeOver;
use super::{order_msg, status_msg};
use crate::components::a11y::Dialog;
use crate::components::download::download_as;
use crate::components::lifecycle::LifecyclePanel;
use crate::domain::catalog::PriceKind;
use crate::domain::subscription::{Subscription, SubscriptionId};
use crate::domain::views::{self};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use leptos::prelude::*;

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
    let purchaser = move || {
        sub.with(|s| s.as_ref().and_then(|x| x.purchaser.clone()))
            .and_then(|p| {
                store
                    .state
                    .with(|s| s.directory.user(&p).map(|u| u.display_name.clone()))
            })
    };
    let users = move || {
        sub.with(|x| x.as_ref().map(|x| x.assigned.clone()).unwrap_or_default())
            .into_iter()
            .map(|u| {
                store.state.with(|s| {
                    s.directory
                        .user(&u)
                        .map_or(u.0.clone(), |u| format!("{} <{}>", u.display_name, u.email))
                })
            })
            .collect::<Vec<_>>()
    };
    let bills = move || {
        sub.with(|x| x.as_ref().map(|x| x.id.clone()))
            .map(|i| {
                store.state.with(|s| {
                    s.bills
                        .iter()
                        .filter(|b| b.subscription == i)
                        .cloned()
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    };
    let export_id = id.clone();
    let export = move |_| {
        let csv = store
            .state
            .with(|s| views::users_csv(s, std::slice::from_ref(&export_id)));
        download_as(&format!("{}-users.csv", export_id), "text/csv", &csv);
    };
    let self_service = move || sub.with(|s| s.as_ref().is_some_and(|s| s.is_self_service()));
    let active = move || sub.with(|s| s.as_ref().is_some_and(Subscription::is_active));
    let detail_id = StoredValue::new(id.clone());
    view! {
        <Dialog
            id="subscription-detail"
            class="panel detail"
            labelledby="detail-title"
            on_close=Callback::new(move |_| selected.set(None))
        >
            <div class="step-heading">
                <h2 id="detail-title" tabindex="-1">
                    {move || {
                        locale
                            .tf(
                                Msg::DetailTitle,
                                &[("product", &name()), ("id", &detail_id.get_value().0)],
                            )
                    }}
                </h2>
                <button type="button" class="button" on:click=move |_| selected.set(None)>
                    {move || locale.t(Msg::Dismiss)}
                </button>
            </div>
            <dl class="facts">
                <dt>{move || locale.t(Msg::ColPurchaser)}</dt>
                // A central purchase has no purchaser: a dash, not a blank that looks unloaded.
                <dd id="detail-purchaser">
                    {move || purchaser().unwrap_or_else(|| "—".to_owned())}
                </dd>
                <dt>{move || locale.t(Msg::ColStatus)}</dt>
                <dd id="detail-status">
                    {move || sub.with(|s| s.as_ref().map(|s| locale.t(status_msg(s.status))))}
                </dd>
                <dt>{move || locale.t(Msg::ColLicenses)}</dt>
                <dd>
                    {move || {
                        sub.with(|s| {
                            s.as_ref()
                                .map(|s| {
                                    let access = if s.status.users_have_access() {
                                        String::new()
                                    } else {
                                        format!(" · {}", locale.t(Msg::NoAccess))
                                    };
                                    format!("{} / {}{access}", s.assigned_count(), s.licenses.get())
                                })
                        })
                    }}
                </dd>
                <dt>{move || locale.t(Msg::ColPrice)}</dt>
                <dd>
                    {move || {
                        sub.get()
                            .map(|s| {
                                let country = store
                                    .state
                                    .with(|st| {
                                        st.directory.tenant(&s.tenant).map(|t| t.market.country)
                                    });
                                let central = country
                                    .and_then(|c| {
                                        store
                                            .catalog()
                                            .unit_price(&s.product, c, PriceKind::Central)
                                    });
                                match central {
                                    Some(c) if s.is_self_service() => {
                                        locale
                                            .tf(
                                                Msg::CentralPriceCompare,
                                                &[
                                                    ("ss", &locale.money(s.unit_price)),
                                                    ("central", &locale.money(c)),
                                                ],
                                            )
                                    }
                                    _ => locale.money(s.unit_price),
                                }
                            })
                    }}
                </dd>
            </dl>
            <Show when=move || self_service() && active()>
                <p class="message-bar message-bar--info" role="note">
                    {move || locale.t(Msg::AdminCannotAssign)}
                </p>
            </Show>
            <h3>{move || locale.t(Msg::OrderHistory)}</h3>
            <ul class="history">
                {move || {
                    sub.get()
                        .map(|s| {
                            s.history
                                .iter()
                                .map(|h| {
                                    let kind = order_msg(h.kind);
                                    let at = h.at.date_naive();
                                    let amount = h.amount;
                                    let licenses = h.licenses;
                                    view! {
                                        <li>
                                            {move || locale.date(at)}" · "{move || locale.t(kind)}
                                            " · "{licenses}
                                            {move || amount.map(|a| format!(" · {}", locale.money(a)))}
                                        </li>
                                    }
                                })
                                .collect_view()
                        })
                }}
            </ul>
            <h3>{move || locale.t(Msg::AssignedUsers)}</h3>
            <p class="muted">
                {move || purchaser().map(|p| locale.tf(Msg::AssignedBy, &[("name", &p)]))}
            </p>
            <ul id="detail-users">
                {move || users().into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}
            </ul>
            <button type="button" class="button" id="export-users" on:click=export>
                {move || locale.t(Msg::ExportUsers)}
            </button>
            <h3>{move || locale.t(Msg::BillsTitle)}</h3>
            // A heading over nothing says nothing: say why there is no bill.
            <Show when=move || bills().is_empty()>
                <p class="muted" id="detail-no-bills">
                    {move || {
                        locale
                            .t(
                                if self_service() {
                                    Msg::DetailNoBills
                                } else {
                                    Msg::DetailCentralBills
                                },
                            )
                    }}
                </p>
            </Show>
            <ul>
                {move || {
                    bills()
                        .into_iter()
                        .map(|b| {
                            use crate::domain::subscription::{BillKind, BillStatus};
                            let (start, amount) = (b.period_start, b.amount);
                            let (sign, msg) = match (b.kind, b.status) {
                                (BillKind::Refund, _) => ("−", Msg::BillRefund),
                                (BillKind::Charge, BillStatus::Paid) => ("", Msg::BillPaid),
                                (BillKind::Charge, BillStatus::PastDue) => ("", Msg::BillDue),
                                (BillKind::Charge, BillStatus::Void) => ("", Msg::BillVoid),
                            };
                            view! {
                                <li>
                                    {move || locale.date(start)}" · "{sign}
                                    {move || locale.money(amount)}" · "{move || locale.t(msg)}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <Show when=self_service>
                <LifecyclePanel sub=detail_id.get_value() manage=can_manage />
            </Show>
            <Show when=move || can_manage && self_service()>
                <TakeOver id=detail_id.get_value() />
            </Show>
        </Dialog>
    }
}

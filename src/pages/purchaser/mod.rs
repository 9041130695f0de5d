//! The purchaser's limited admin view: only the subscriptions they bought themselves.
//! `/admin` for a person without an admin role, and `/admin/subscriptions/:id`.

use crate::domain::commands::DomainError;
use crate::domain::subscription::{
    Channel, NotificationKind, Status, Subscription, SubscriptionId,
};
use crate::domain::{views, Actor};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::{DispatchError, Store};
use crate::store::session::Session;
use leptos::prelude::*;
use leptos_router::components::A;

mod assign;
mod bills;
mod cancel;
mod payment;
mod subscription;

use assign::{AssignPanel, AssignedPeople};
use bills::Bills;
use cancel::CancelPanel;
use payment::PaymentPanel;
pub use subscription::SubscriptionPage;

fn status_msg(sub: &Subscription) -> Msg {
    match (sub.status, sub.channel) {
        (Status::Active, Channel::Trial { .. }) => Msg::StatusTrial,
        (Status::Active, _) => Msg::StatusActive,
        (Status::Canceled, _) => Msg::StatusCanceled,
        (Status::Deleted, _) => Msg::StatusDeleted,
        (Status::Expired, _) => Msg::StatusExpired,
    }
}

fn product_name(store: Store, sub: &Subscription) -> String {
    store
        .catalog()
        .product(&sub.product)
        .map_or_else(|| sub.product.to_string(), |p| p.name.clone())
}

/// A domain refusal in the person's words.
pub(crate) fn explain(locale: Locale, error: &DispatchError) -> String {
    let reason = match error {
        DispatchError::Domain(DomainError::Denied(d)) => locale.key(d.message_key()).to_owned(),
        DispatchError::Domain(DomainError::Declined(d)) => locale.key(d.message_key()).to_owned(),
        DispatchError::Domain(DomainError::Card(e)) => locale.key(e.message_key()).to_owned(),
        DispatchError::Domain(e) => e.to_string(),
        DispatchError::Storage(_) => locale.t(Msg::NoticeSaveFailed).to_owned(),
    };
    locale.tf(Msg::ActionFailed, &[("reason", &reason)])
}

/// The signed-in actor; the limited view is only ever reached signed in.
fn actor() -> Option<Actor> {
    Session::get().actor()
}

#[component]
pub fn PurchaserHome() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let subs = Memo::new(move |_| {
        let me = session.actor()?.user;
        Some(store.state.with(|s| {
            views::purchases_of(s, &me)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        }))
    });
    view! {
        <section class="panel" aria-labelledby="page-title">
            <h1 id="page-title">{move || locale.t(Msg::PurchaserTitle)}</h1>
            <p class="muted">{move || locale.t(Msg::PurchaserIntro)}</p>
            <Notifications />
            <Show
                when=move || subs.with(|s| s.as_ref().is_some_and(|s| !s.is_empty()))
                fallback=move || {
                    view! {
                        <p id="nothing-bought">{move || locale.t(Msg::NothingBought)}</p>
                        <A href="/" attr:class="button button--primary">
                            {move || locale.t(Msg::BrowseProducts)}
                        </A>
                    }
                }
            >
                <div class="table-scroll">
                    <table class="grid" id="purchases">
                        <thead>
                            <tr>
                                <th scope="col">{move || locale.t(Msg::ColProduct)}</th>
                                <th scope="col">{move || locale.t(Msg::ColStatus)}</th>
                                <th scope="col" class="num">
                                    {move || locale.t(Msg::ColLicenses)}
                                </th>
                                <th scope="col" class="num">
                                    {move || locale.t(Msg::ColAssigned)}
                                </th>
                                <th scope="col" class="num">
                                    {move || locale.t(Msg::ColAvailable)}
                                </th>
                                <th scope="col">{move || locale.t(Msg::ColRenewal)}</th>
                                <th scope="col">{move || locale.t(Msg::ColPrice)}</th>
                                <th scope="col">{move || locale.t(Msg::ColCard)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                subs.get()
                                    .unwrap_or_default()
                                    .into_iter()
                                    .map(|sub| view! { <PurchaseRow sub /> })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
        <Bills />
        <section class="panel" aria-labelledby="support-title">
            <h2 id="support-title">{move || locale.t(Msg::SupportTitle)}</h2>
            <p>{move || locale.t(Msg::SupportBody)}</p>
        </section>
    }
}

#[component]
fn PurchaseRow(sub: Subscription) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let name = product_name(store, &sub);
    let href = format!("/admin/subscriptions/{}", sub.id);
    let status = status_msg(&sub);
    let card = sub
        .card
        .as_ref()
        .and_then(|c| store.state.with_untracked(|s| s.card(c).cloned()));
    let (unit, total) = (sub.unit_price, sub.term_amount());
    let end = sub.term_end;
    view! {
        <tr>
            <th scope="row">
                <A href=href>{name}</A>
            </th>
            <td>{move || locale.t(status)}</td>
            <td class="num">{sub.licenses.get()}</td>
            <td class="num">{sub.assigned_count()}</td>
            <td class="num">{sub.available()}</td>
            <td>{move || locale.date(end)}</td>
            <td>
                {move || {
                    locale
                        .tf(
                            Msg::PerLicenseMonth,
                            &[("unit", &locale.money(unit)), ("total", &locale.money(total))],
                        )
                }}
            </td>
            <td>{card.map(|c| format!("{} •••• {}", c.brand.name(), c.last4))}</td>
        </tr>
    }
}

#[component]
fn Notifications() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let mine = Memo::new(move |_| {
        let me = session.actor()?.user;
        Some(store.state.with(|s| {
            s.notifications
                .iter()
                .rev()
                .filter(|n| n.to == me)
                .map(|n| {
                    let product = s
                        .subscription(&n.subscription)
                        .map(|x| product_name(store, x))
                        .unwrap_or_default();
                    (n.kind.clone(), product, n.at.date_naive())
                })
                .collect::<Vec<_>>()
        }))
    });
    view! {
        <Show when=move || mine.with(|m| m.as_ref().is_some_and(|m| !m.is_empty()))>
            <h2>{move || locale.t(Msg::NotificationsTitle)}</h2>
            <ul class="notifications" id="notifications">
                {move || {
                    mine.get()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(kind, product, at)| {
                            let text = move || {
                                let (msg, reason) = match &kind {
                                    NotificationKind::TakenOver { .. } => {
                                        (Msg::NotifyTakenOver, String::new())
                                    }
                                    NotificationKind::CanceledByAdmin { reason } => {
                                        (Msg::NotifyCanceledByAdmin, reason.clone())
                                    }
                                    NotificationKind::CancelRequested { .. } => {
                                        (Msg::NotifyCancelRequested, String::new())
                                    }
                                    NotificationKind::BillDue { .. } => {
                                        (Msg::NotifyBillDue, String::new())
                                    }
                                    NotificationKind::TrialEnding => {
                                        (Msg::NotifyTrialEnding, String::new())
                                    }
                                    NotificationKind::TrialExpired => {
                                        (Msg::NotifyTrialExpired, String::new())
                                    }
                                };
                                locale.tf(msg, &[("product", &product), ("reason", &reason)])
                            };
                            view! {
                                <li>
                                    <span class="muted">{move || locale.date(at)}</span>
                                    " · "
                                    {text}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

fn current(store: Store, id: &SubscriptionId) -> Option<Subscription> {
    store.state.with(|s| s.subscription(id).cloned())
}

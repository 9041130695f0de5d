//! The purchaser's limited admin view: only the subscriptions they bought themselves.
//! `/admin` for a person without an admin role, and `/admin/subscriptions/:id`.

use crate::components::page_title::PageTitle;
use crate::components::table::{Col, TableHead};
use crate::domain::subscription::{
    Channel, NotificationKind, Status, Subscription, SubscriptionId,
};
use crate::domain::{views, Actor};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::session::Session;
use leptos::prelude::*;
use leptos_router::components::A;

mod assign;
mod bills;
mod cancel;
mod pages;
mod payment;
mod subscription;

use assign::{AssignPanel, AssignedPeople};
use bills::Bills;
use cancel::CancelPanel;
pub use pages::{NothingToManage, PurchaserBills, PurchaserLicenses, SupportNote, SupportPage};
use payment::PaymentPanel;
pub use subscription::SubscriptionPage;

fn status_msg(sub: &Subscription) -> Msg {
    match (sub.status, sub.channel) {
        (Status::Active, Channel::Trial { .. }) => Msg::StatusTrial,
        (Status::Active, _) => Msg::StatusActive,
        (Status::Expired, _) => Msg::StatusExpired,
        (Status::Disabled, _) => Msg::StatusDisabled,
        (Status::Deleted, _) => Msg::StatusDeleted,
    }
}

/// When the subscription renews, or when it ends and its users lose access: every row says.
fn term_text(locale: Locale, sub: &Subscription) -> String {
    use crate::domain::lifecycle::ending;
    let d = |d| locale.date(d);
    match (&sub.past_due, ending(sub), sub.status) {
        (Some(due), ..) => locale.tf(Msg::TermPastDue, &[("date", &d(due.next_try))]),
        (None, Some(e), Status::Disabled) => {
            locale.tf(Msg::TermDisabled, &[("date", &d(e.deleted_on))])
        }
        (None, Some(e), _) => locale.tf(
            Msg::TermEnds,
            &[("date", &d(e.expires)), ("access", &d(e.access_ends))],
        ),
        (None, None, Status::Deleted) => locale.t(Msg::StatusDeleted).to_owned(),
        (None, None, _) => locale.tf(Msg::TermRenews, &[("date", &d(sub.term_end))]),
    }
}

fn product_name(store: Store, sub: &Subscription) -> String {
    store
        .catalog()
        .product(&sub.product)
        .map_or_else(|| sub.product.to_string(), |p| p.name.clone())
}

/// The signed-in actor; the limited view is only ever reached signed in.
fn actor() -> Option<Actor> {
    Session::get().actor()
}

/// The purchaser's subscriptions, with the figures the admin center shows them.
const PURCHASE_COLUMNS: &[Col] = {
    use {Col::*, Msg::*};
    &[
        Text(ColProduct),
        Text(ColStatus),
        Num(ColLicenses),
        Num(ColAssigned),
        Num(ColAvailable),
        Text(ColRenewal),
        Text(ColPrice),
        Text(ColCard),
    ]
};

/// The purchaser's home: what happened to their purchases, and the way to each page.
#[component]
pub fn PurchaserHome() -> impl IntoView {
    let locale = Locale::get();
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::PurchaserTitle) />
            <p class="muted">{locale.text(Msg::PurchaserIntro)}</p>
            <Notifications />
            <ul class="dashboard">
                <li class="card">
                    <h2>
                        <A href="/admin/billing/products">{locale.text(Msg::NavYourProducts)}</A>
                    </h2>
                    <p class="muted">{locale.text(Msg::HomeYourProducts)}</p>
                </li>
                <li class="card">
                    <h2>
                        <A href="/admin/billing/licenses">{locale.text(Msg::NavLicenses)}</A>
                    </h2>
                    <p class="muted">{locale.text(Msg::HomeLicenses)}</p>
                </li>
                <li class="card">
                    <h2>
                        <A href="/admin/billing/bills">{locale.text(Msg::NavBillsPayments)}</A>
                    </h2>
                    <p class="muted">{locale.text(Msg::HomeBills)}</p>
                </li>
            </ul>
        </section>
        <SupportNote />
    }
}

/// Billing > Your products, limited to the subscriptions this person bought.
#[component]
pub fn PurchaserProducts() -> impl IntoView {
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
            <PageTitle text=locale.string(Msg::NavYourProducts) />
            <p class="muted">{locale.text(Msg::PurchaserIntro)}</p>
            <div class="table-scroll">
                <table class="grid grid--cards" id="purchases">
                    <TableHead cols=PURCHASE_COLUMNS />
                    <tbody>
                        <For
                            each=move || subs.get().unwrap_or_default()
                            key=|sub| sub.id.clone()
                            children=|sub| view! { <PurchaseRow id=sub.id /> }
                        />
                    </tbody>
                </table>
            </div>
        </section>
        <SupportNote />
    }
}

/// One purchase, keyed by its ID: its figures follow the state.
#[component]
fn PurchaseRow(id: SubscriptionId) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let href = format!("/admin/subscriptions/{id}");
    let sub = Memo::new(move |_| current(store, &id));
    let cell = move |f: fn(&Subscription) -> u32| move || sub.with(|s| s.as_ref().map(f));
    let card = move || {
        let card = sub.with(|s| s.as_ref().and_then(|s| s.card.clone()))?;
        store.state.with(|s| {
            s.card(&card)
                .map(|c| format!("{} •••• {}", c.brand.name(), c.last4))
        })
    };
    view! {
        <tr>
            <th scope="row">
                <A href=href>{move || sub.with(|s| s.as_ref().map(|s| product_name(store, s)))}</A>
            </th>
            <td data-label=move || {
                locale.t(Msg::ColStatus)
            }>{move || sub.with(|s| s.as_ref().map(|s| locale.t(status_msg(s))))}</td>
            <td class="num" data-label=locale.text(Msg::ColLicenses)>
                {cell(|s| s.licenses.get())}
            </td>
            <td class="num" data-label=locale.text(Msg::ColAssigned)>
                {cell(Subscription::assigned_count)}
            </td>
            <td class="num" data-label=locale.text(Msg::ColAvailable)>
                {cell(Subscription::available)}
            </td>
            <td class="term" data-label=locale.text(Msg::ColRenewal)>
                {move || sub.with(|s| s.as_ref().map(|s| term_text(locale, s)))}
            </td>
            <td data-label=move || {
                locale.t(Msg::ColPrice)
            }>
                {move || {
                    sub.with(|s| {
                        s.as_ref()
                            .map(|s| {
                                locale
                                    .tf(
                                        Msg::PerLicenseMonth,
                                        &[
                                            ("unit", &locale.money(s.unit_price)),
                                            ("total", &locale.money(s.term_amount())),
                                        ],
                                    )
                            })
                    })
                }}
            </td>
            <td data-label=locale.text(Msg::ColCard)>{card}</td>
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
            <h2>{locale.text(Msg::NotificationsTitle)}</h2>
            <ul class="notifications" id="notifications">
                {move || {
                    mine.get()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(kind, product, at)| {
                            let text = move || {
                                let date = |d| locale.date(d);
                                let (msg, reason) = match &kind {
                                    NotificationKind::TakenOver { .. } => {
                                        (Msg::NotifyTakenOver, String::new())
                                    }
                                    NotificationKind::CanceledByAdmin { reason } => {
                                        (
                                            Msg::NotifyCanceledByAdmin,
                                            crate::i18n::chosen(locale.lang(), reason),
                                        )
                                    }
                                    NotificationKind::CancelRequested { .. } => {
                                        (Msg::NotifyCancelRequested, String::new())
                                    }
                                    NotificationKind::PaymentFailed { next_try: Some(d), .. } => {
                                        (Msg::NotifyPaymentFailed, date(*d))
                                    }
                                    NotificationKind::PaymentFailed { next_try: None, .. } => {
                                        (Msg::NotifyPaymentFailedLast, String::new())
                                    }
                                    NotificationKind::RenewalComing { on } => {
                                        (Msg::NotifyRenewalComing, date(*on))
                                    }
                                    NotificationKind::Expired { access_ends } => {
                                        (Msg::NotifyExpired, date(*access_ends))
                                    }
                                    NotificationKind::Disabled { deleted_on } => {
                                        (Msg::NotifyDisabled, date(*deleted_on))
                                    }
                                    NotificationKind::Refunded { amount, .. } => {
                                        (Msg::NotifyRefunded, locale.money(*amount))
                                    }
                                    NotificationKind::TrialEnding => {
                                        (Msg::NotifyTrialEnding, String::new())
                                    }
                                    NotificationKind::TrialExpired => {
                                        (Msg::NotifyTrialExpired, String::new())
                                    }
                                };
                                locale
                                    .tf(
                                        msg,
                                        &[
                                            ("product", &product),
                                            ("reason", &reason),
                                            ("date", &reason),
                                            ("amount", &reason),
                                        ],
                                    )
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

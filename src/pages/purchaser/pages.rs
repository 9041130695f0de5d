//! The purchaser's pages where Microsoft's docs send them: Billing > Your products (their
//! own subscriptions), Billing > Licenses (assign and unassign), Billing > Bills &
//! payments (invoices and payment methods); the support note every one of them carries,
//! and the page for someone with nothing to manage.

use super::{current, product_name, AssignPanel, AssignedPeople, Bills, PaymentPanel};
use crate::components::page_title::PageTitle;
use crate::domain::subscription::{Status, SubscriptionId};
use crate::domain::views;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::session::Session;
use leptos::prelude::*;
use leptos_router::components::A;

/// The FAQ's support route, on every page a purchaser sees: Microsoft standard support.
#[component]
pub fn SupportNote() -> impl IntoView {
    let locale = Locale::get();
    view! {
        <section class="panel" aria-labelledby="support-title">
            <h2 id="support-title">{locale.text(Msg::SupportTitle)}</h2>
            <p>{locale.text(Msg::SupportBody)}</p>
            <A href="/admin/support" attr:id="contact-support">
                {locale.text(Msg::ContactSupport)}
            </A>
        </section>
    }
}

/// The purchaser's own subscriptions that a choice is made among, newest first.
fn own(store: Store, session: Session, keep: fn(Status) -> bool) -> Vec<(SubscriptionId, String)> {
    let Some(me) = session.actor().map(|a| a.user) else {
        return Vec::new();
    };
    store.state.with(|s| {
        views::purchases_of(s, &me)
            .into_iter()
            .filter(|x| keep(x.status))
            .map(|x| (x.id.clone(), product_name(store, x)))
            .collect()
    })
}

/// The subscription a page shows: the one chosen while it is still among the options,
/// else the first.
fn shown_choice(
    options: Memo<Vec<(SubscriptionId, String)>>,
    chosen: RwSignal<Option<SubscriptionId>>,
) -> Memo<Option<SubscriptionId>> {
    Memo::new(move |_| {
        chosen
            .get()
            .filter(|c| options.with(|o| o.iter().any(|(id, _)| id == c)))
            .or_else(|| options.with(|o| o.first().map(|(id, _)| id.clone())))
    })
}

/// A choice of one of the purchaser's subscriptions, kept in `chosen`.
#[component]
fn SubscriptionChoice(
    id: &'static str,
    options: Memo<Vec<(SubscriptionId, String)>>,
    chosen: RwSignal<Option<SubscriptionId>>,
) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <div class="field">
            <label for=id>{locale.text(Msg::ChooseSubscription)}</label>
            <select
                id=id
                on:change=move |ev| chosen.set(Some(SubscriptionId(event_target_value(&ev))))
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(sid, name)| {
                            let value = sid.0.clone();
                            let is = sid.clone();
                            view! {
                                <option
                                    value=value
                                    selected=move || chosen.with(|c| c.as_ref() == Some(&is))
                                >
                                    {format!("{name} · {sid}")}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// Billing > Licenses: assign licenses of one chosen subscription, up to 20 people at a
/// time, and unassign them.
#[component]
pub fn PurchaserLicenses() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let options = Memo::new(move |_| own(store, session, |s| s == Status::Active));
    let chosen = RwSignal::new(None::<SubscriptionId>);
    let shown = shown_choice(options, chosen);
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::NavLicenses) />
            <p class="muted">{locale.text(Msg::LicensesPageIntro)}</p>
            <Show
                when=move || !options.with(Vec::is_empty)
                fallback=move || {
                    view! { <p id="no-licenses">{locale.text(Msg::NoActivePurchases)}</p> }
                }
            >
                <SubscriptionChoice id="licenses-subscription" options chosen />
            </Show>
        </section>
        // One subscription's panels at a time, rebuilt when the choice changes.
        {move || {
            shown
                .get()
                .map(|sid| {
                    let name = untrack(|| {
                        current(store, &sid).map(|s| product_name(store, &s)).unwrap_or_default()
                    });
                    // Untracked: an assignment changes the state, and must not rebuild the
                    // panel that says it happened.
                    view! {
                        <AssignPanel sub=sid.clone() />
                        <AssignedPeople sub=sid product=name active=true />
                    }
                })
        }}
        <SupportNote />
    }
}

/// Billing > Bills & payments: invoices over a period, and the card each subscription is
/// paid with (Edit: security code, expiry, name; Replace: a new card).
#[component]
pub fn PurchaserBills() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let options = Memo::new(move |_| own(store, session, |s| s != Status::Deleted));
    let chosen = RwSignal::new(None::<SubscriptionId>);
    let shown = shown_choice(options, chosen);
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::NavBillsPayments) />
        </section>
        <Bills />
        <section class="panel" aria-labelledby="methods-title">
            <h2 id="methods-title">{locale.text(Msg::PaymentMethods)}</h2>
            <Show when=move || !options.with(Vec::is_empty)>
                <SubscriptionChoice id="payment-subscription" options chosen />
            </Show>
        </section>
        {move || shown.get().map(|sid| view! { <PaymentPanel sub=sid /> })}
        <BillingProfile />
        <SupportNote />
    }
}

/// The purchaser's billing profile: who is billed, at which address, with which cards.
#[component]
fn BillingProfile() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let profile = Memo::new(move |_| {
        let me = session.actor()?.user;
        store.state.with(|s| {
            let name = s.directory.user(&me)?.display_name.clone();
            let cards: Vec<_> = s.cards.iter().filter(|c| c.owner == me).collect();
            let address = cards
                .iter()
                .rev()
                .find_map(|c| c.address.as_ref())
                .map(ToString::to_string);
            let methods = cards
                .iter()
                .map(|c| format!("{} •••• {} · {}", c.brand.name(), c.last4, c.expiry))
                .collect::<Vec<_>>();
            Some((name, address, methods))
        })
    });
    view! {
        <section class="panel" aria-labelledby="profile-title">
            <h2 id="profile-title">{locale.text(Msg::BillingProfiles)}</h2>
            <dl class="facts" id="billing-profile">
                <dt>{locale.text(Msg::ProfileBilledTo)}</dt>
                <dd>{move || profile.get().map(|p| p.0)}</dd>
                <dt>{locale.text(Msg::BillingAddress)}</dt>
                <dd>{move || profile.get().and_then(|p| p.1).unwrap_or_else(|| "—".into())}</dd>
                <dt>{locale.text(Msg::PaymentMethods)}</dt>
                <dd>
                    <ul>
                        {move || {
                            profile
                                .get()
                                .map(|p| {
                                    p.2.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()
                                })
                        }}
                    </ul>
                </dd>
            </dl>
        </section>
    }
}

/// `/admin/support`: how a purchaser gets help — Microsoft's standard support, never the
/// organization's IT department or its Premier support incidents.
#[component]
pub fn SupportPage() -> impl IntoView {
    let locale = Locale::get();
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::ContactSupport) />
            <p>{locale.text(Msg::SupportBody)}</p>
            <ol class="steps" id="support-steps">
                <li>{locale.text(Msg::SupportStep1)}</li>
                <li>{locale.text(Msg::SupportStep2)}</li>
                <li>{locale.text(Msg::SupportStep3)}</li>
            </ol>
            <p class="muted">{locale.text(Msg::SupportDemo)}</p>
        </section>
    }
}

/// `/admin` for a person with no admin role who bought nothing.
#[component]
pub fn NothingToManage() -> impl IntoView {
    let locale = Locale::get();
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::NothingToManageTitle) />
            <p id="nothing-bought">{locale.text(Msg::NothingBought)}</p>
            <A href="/" attr:class="button button--primary">
                {locale.text(Msg::BrowseProducts)}
            </A>
        </section>
    }
}

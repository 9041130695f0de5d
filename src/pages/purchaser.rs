//! The purchaser's limited admin view: only the subscriptions they bought themselves.
//! `/admin` for a person without an admin role, and `/admin/subscriptions/:id`.

use crate::components::card_form::CardForm;
use crate::domain::card::{CardInput, Expiry};
use crate::domain::commands::{AssignRefusal, Command, DomainError};
use crate::domain::subscription::{
    Bill, BillStatus, Channel, NotificationKind, Status, Subscription, SubscriptionId,
};
use crate::domain::{views, Actor, Quantity, User, UserId};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::{DispatchError, Store};
use crate::store::session::Session;
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

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
            <Notifications/>
            <Show
                when=move || subs.with(|s| s.as_ref().is_some_and(|s| !s.is_empty()))
                fallback=move || view! {
                    <p id="nothing-bought">{move || locale.t(Msg::NothingBought)}</p>
                    <A href="/" attr:class="button button--primary">{move || locale.t(Msg::BrowseProducts)}</A>
                }
            >
                <div class="table-scroll">
                    <table class="grid" id="purchases">
                        <thead><tr>
                            <th scope="col">{move || locale.t(Msg::ColProduct)}</th>
                            <th scope="col">{move || locale.t(Msg::ColStatus)}</th>
                            <th scope="col" class="num">{move || locale.t(Msg::ColLicenses)}</th>
                            <th scope="col" class="num">{move || locale.t(Msg::ColAssigned)}</th>
                            <th scope="col" class="num">{move || locale.t(Msg::ColAvailable)}</th>
                            <th scope="col">{move || locale.t(Msg::ColRenewal)}</th>
                            <th scope="col">{move || locale.t(Msg::ColPrice)}</th>
                            <th scope="col">{move || locale.t(Msg::ColCard)}</th>
                        </tr></thead>
                        <tbody>
                            {move || subs.get().unwrap_or_default().into_iter().map(|sub| view! { <PurchaseRow sub/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
        <Bills/>
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
            <th scope="row"><A href=href>{name}</A></th>
            <td>{move || locale.t(status)}</td>
            <td class="num">{sub.licenses.get()}</td>
            <td class="num">{sub.assigned_count()}</td>
            <td class="num">{sub.available()}</td>
            <td>{move || locale.date(end)}</td>
            <td>{move || locale.tf(Msg::PerLicenseMonth, &[("unit", &locale.money(unit)), ("total", &locale.money(total))])}</td>
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
                {move || mine.get().unwrap_or_default().into_iter().map(|(kind, product, at)| {
                    let text = move || {
                        let (msg, reason) = match &kind {
                            NotificationKind::TakenOver { .. } => (Msg::NotifyTakenOver, String::new()),
                            NotificationKind::CanceledByAdmin { reason } => (Msg::NotifyCanceledByAdmin, reason.clone()),
                            NotificationKind::CancelRequested { .. } => (Msg::NotifyCancelRequested, String::new()),
                            NotificationKind::BillDue { .. } => (Msg::NotifyBillDue, String::new()),
                            NotificationKind::TrialEnding => (Msg::NotifyTrialEnding, String::new()),
                            NotificationKind::TrialExpired => (Msg::NotifyTrialExpired, String::new()),
                        };
                        locale.tf(msg, &[("product", &product), ("reason", &reason)])
                    };
                    view! { <li><span class="muted">{move || locale.date(at)}</span>" · "{text}</li> }
                }).collect_view()}
            </ul>
        </Show>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Range {
    Months(u32),
    Custom,
}

#[component]
fn Bills() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let (range, set_range) = signal(Range::Months(3));
    let today = move || store.clock.get().date_naive();
    let (from, set_from) = signal(String::new());
    let (to, set_to) = signal(String::new());
    let window = move || -> (NaiveDate, NaiveDate) {
        let t = today();
        match range.get() {
            Range::Months(m) => (t.checked_sub_months(chrono::Months::new(m)).unwrap_or(t), t),
            Range::Custom => (
                NaiveDate::parse_from_str(&from.get(), "%Y-%m-%d")
                    .unwrap_or(t - Duration::days(365)),
                NaiveDate::parse_from_str(&to.get(), "%Y-%m-%d").unwrap_or(t),
            ),
        }
    };
    let bills = Memo::new(move |_| {
        let me = session.actor()?.user;
        let (a, b) = window();
        Some(store.state.with(|s| {
            views::bills_of(s, &me, a, b)
                .into_iter()
                .cloned()
                .collect::<Vec<Bill>>()
        }))
    });
    let pay = Action::new_local(move |bill: &crate::domain::subscription::BillId| {
        let bill = bill.clone();
        async move {
            let Some(actor) = session.actor_untracked() else {
                return Ok(());
            };
            store
                .dispatch(actor, Command::PayBill { bill })
                .await
                .map(|_| ())
        }
    });
    let pay_error = move || {
        pay.value()
            .get()
            .and_then(Result::err)
            .map(|e| explain(locale, &e))
    };
    view! {
        <section class="panel" aria-labelledby="bills-title">
            <h2 id="bills-title">{move || locale.t(Msg::BillsTitle)}</h2>
            <div class="form form--inline">
                <div class="field">
                    <label for="bill-range">{move || locale.t(Msg::BillsRange)}</label>
                    <select id="bill-range" on:change=move |ev| set_range.set(match event_target_value(&ev).as_str() {
                        "6" => Range::Months(6),
                        "custom" => Range::Custom,
                        _ => Range::Months(3),
                    })>
                        <option value="3">{move || locale.t(Msg::Past3Months)}</option>
                        <option value="6">{move || locale.t(Msg::Past6Months)}</option>
                        <option value="custom">{move || locale.t(Msg::CustomRange)}</option>
                    </select>
                </div>
                <Show when=move || range.get() == Range::Custom>
                    <div class="field">
                        <label for="bill-from">{move || locale.t(Msg::From)}</label>
                        <input id="bill-from" type="date" prop:value=from on:change=move |ev| set_from.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="bill-to">{move || locale.t(Msg::To)}</label>
                        <input id="bill-to" type="date" prop:value=to on:change=move |ev| set_to.set(event_target_value(&ev))/>
                    </div>
                </Show>
            </div>
            <p class="field-error" role="alert">{pay_error}</p>
            <Show
                when=move || bills.with(|b| b.as_ref().is_some_and(|b| !b.is_empty()))
                fallback=move || view! { <p class="muted">{move || locale.t(Msg::NoBills)}</p> }
            >
                <div class="table-scroll">
                    <table class="grid" id="bills">
                        <thead><tr>
                            <th scope="col">{move || locale.t(Msg::ColProduct)}</th>
                            <th scope="col">{move || locale.t(Msg::ColPeriod)}</th>
                            <th scope="col" class="num">{move || locale.t(Msg::ColAmount)}</th>
                            <th scope="col">{move || locale.t(Msg::ColStatus)}</th>
                        </tr></thead>
                        <tbody>
                            {move || bills.get().unwrap_or_default().into_iter().map(|bill| {
                                let product = store.state.with_untracked(|s| s.subscription(&bill.subscription).map(|x| product_name(store, x))).unwrap_or_default();
                                let (start, end, amount, status, id) = (bill.period_start, bill.period_end, bill.amount, bill.status, bill.id.clone());
                                view! {
                                    <tr>
                                        <th scope="row">{product}</th>
                                        <td>{move || format!("{} – {}", locale.date(start), locale.date(end))}</td>
                                        <td class="num">{move || locale.money(amount)}</td>
                                        <td>
                                            {move || match status {
                                                BillStatus::Paid => view! { <span class="badge">{locale.t(Msg::BillPaid)}</span> }.into_any(),
                                                BillStatus::Due => {
                                                    let id = id.clone();
                                                    view! {
                                                        <span class="badge badge--due">{locale.t(Msg::BillDue)}</span>" "
                                                        <button type="button" class="button" disabled=move || pay.pending().get()
                                                            on:click=move |_| { pay.dispatch(id.clone()); }>
                                                            {locale.tf(Msg::PayNow, &[("amount", &locale.money(amount))])}
                                                        </button>
                                                    }.into_any()
                                                }
                                            }}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// `/admin/subscriptions/:id`: one of the purchaser's subscriptions, to manage.
#[component]
pub fn SubscriptionPage() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    // Only one's own self-service subscriptions: any other ID reads as not found.
    let sub = Memo::new(move |_| {
        let me = actor()?.user;
        let id = id.get();
        store.state.with(|s| {
            views::purchases_of(s, &me)
                .into_iter()
                .find(|x| x.id.0 == id)
                .cloned()
        })
    });
    // The panels are built once per subscription and state, not on every change of it,
    // so that their forms and outcomes survive the commands they send.
    let head = Memo::new(move |_| {
        sub.with(|s| {
            s.as_ref().map(|s| {
                (
                    s.id.clone(),
                    product_name(store, s),
                    s.is_active(),
                    s.channel == Channel::SelfService,
                )
            })
        })
    });
    view! {
        <Show
            when=move || sub.read().is_some()
            fallback=move || view! {
                <section class="panel" aria-labelledby="page-title">
                    <h1 id="page-title">{move || locale.t(Msg::NotFoundTitle)}</h1>
                    <p>{move || locale.tf(Msg::SubscriptionNotFound, &[("id", &id.get())])}</p>
                    <A href="/admin">{move || locale.t(Msg::BackToPurchases)}</A>
                </section>
            }
        >
            {move || head.get().map(|(sid, name, active, paid)| {
                let sid = StoredValue::new(sid);
                let name_v = StoredValue::new(name.clone());
                view! {
                    <section class="panel" aria-labelledby="page-title">
                        <p><A href="/admin">{move || locale.t(Msg::BackToPurchases)}</A></p>
                        <h1 id="page-title">{name.clone()}</h1>
                        <dl class="facts">
                            <dt>{move || locale.t(Msg::ColStatus)}</dt><dd id="sub-status">{move || sub.with(|s| s.as_ref().map(|s| locale.t(status_msg(s))))}</dd>
                            <dt>{move || locale.t(Msg::ColLicenses)}</dt><dd id="sub-licenses">{move || sub.with(|s| s.as_ref().map(|s| s.licenses.get()))}</dd>
                            <dt>{move || locale.t(Msg::ColAssigned)}</dt><dd id="sub-assigned">{move || sub.with(|s| s.as_ref().map(Subscription::assigned_count))}</dd>
                            <dt>{move || locale.t(Msg::ColAvailable)}</dt><dd id="sub-available">{move || sub.with(|s| s.as_ref().map(Subscription::available))}</dd>
                        </dl>
                    </section>
                    <Show when=move || active && paid><LicenseTotal sub=sid.get_value()/></Show>
                    <Show when=move || active><AssignPanel sub=sid.get_value()/></Show>
                    <AssignedPeople sub=sid.get_value() product=name_v.get_value() active/>
                    <Show when=move || active><PaymentPanel sub=sid.get_value()/></Show>
                    <Show when=move || active><CancelPanel sub=sid.get_value() product=name_v.get_value()/></Show>
                }
            })}
        </Show>
    }
}

fn current(store: Store, id: &SubscriptionId) -> Option<Subscription> {
    store.state.with(|s| s.subscription(id).cloned())
}

#[component]
fn LicenseTotal(sub: SubscriptionId) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let id = sub.clone();
    let initial = current(store, &sub).map_or(1, |s| s.licenses.get());
    let (typed, set_typed) = signal(initial.to_string());
    let preview = Memo::new(move |_| {
        let s = current(store, &id)?;
        let total = Quantity::try_from(typed.get().as_str()).ok()?.get();
        let old = s.licenses.get();
        if total < s.assigned_count() {
            let n = s.assigned_count() - total;
            return Some((
                true,
                locale.tf(
                    Msg::BelowAssigned,
                    &[
                        ("assigned", &s.assigned_count().to_string()),
                        ("n", &n.to_string()),
                        ("total", &total.to_string()),
                    ],
                ),
            ));
        }
        match total.cmp(&old) {
            std::cmp::Ordering::Greater => {
                let amount = s.unit_price.checked_mul(total - old).ok()?;
                Some((
                    false,
                    locale.tf(
                        Msg::ChangePreviewMore,
                        &[
                            ("n", &(total - old).to_string()),
                            ("amount", &locale.money(amount)),
                        ],
                    ),
                ))
            }
            std::cmp::Ordering::Less => {
                let amount = s.unit_price.checked_mul(total).ok()?;
                Some((
                    false,
                    locale.tf(
                        Msg::ChangePreviewFewer,
                        &[
                            ("n", &(old - total).to_string()),
                            ("amount", &locale.money(amount)),
                        ],
                    ),
                ))
            }
            std::cmp::Ordering::Equal => None,
        }
    });
    let preview = move || preview.get();
    let save = Action::new_local(move |total: &Quantity| {
        let (total, subscription) = (*total, sub.clone());
        async move {
            let actor = actor().ok_or(DispatchError::Storage(String::new()))?;
            store
                .dispatch(
                    actor,
                    Command::ChangeLicenses {
                        subscription,
                        total,
                    },
                )
                .await
                .map(|_| ())
        }
    });
    let outcome = move || match save.value().get() {
        Some(Ok(())) => Some(locale.t(Msg::Saved).to_owned()),
        Some(Err(e)) => Some(explain(locale, &e)),
        None => None,
    };
    view! {
        <section class="panel" aria-labelledby="licenses-title">
            <h2 id="licenses-title">{move || locale.t(Msg::LicensesHeading)}</h2>
            <form class="form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                if let Ok(q) = Quantity::try_from(typed.get_untracked().as_str()) {
                    save.dispatch(q);
                }
            }>
                <div class="field">
                    <label for="license-total">{move || locale.t(Msg::TotalLicenses)}</label>
                    <input id="license-total" type="number" min="1" max="100000" inputmode="numeric" aria-describedby="license-preview"
                        prop:value=typed on:input=move |ev| set_typed.set(event_target_value(&ev))/>
                </div>
                <p id="license-preview" aria-live="polite" class=move || if preview().is_some_and(|p| p.0) { "field-error" } else { "muted" }>
                    {move || preview().map(|p| p.1)}
                </p>
                <p id="license-outcome" role="status">{outcome}</p>
                <button type="submit" class="button button--primary" disabled=move || preview().is_none_or(|p| p.0) || save.pending().get()>
                    {move || locale.t(Msg::SaveChanges)}
                </button>
            </form>
        </section>
    }
}

fn refusal_msg(r: AssignRefusal) -> Msg {
    match r {
        AssignRefusal::UnknownUser => Msg::RefusalUnknown,
        AssignRefusal::OtherTenant => Msg::RefusalOtherTenant,
        AssignRefusal::Guest => Msg::RefusalGuest,
        AssignRefusal::Inactive => Msg::RefusalInactive,
        AssignRefusal::AlreadyAssigned => Msg::RefusalAlreadyAssigned,
        AssignRefusal::Duplicate => Msg::RefusalDuplicate,
    }
}

/// The people picker: search one's own tenant, or type any address; at most 20 at once.
#[component]
fn AssignPanel(sub: SubscriptionId) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let (query, set_query) = signal(String::new());
    let chosen = RwSignal::new(Vec::<(UserId, String)>::new());
    let results = Memo::new(move |_| {
        let tenant = actor()?.tenant;
        let q = query.get();
        Some(store.state.with(|s| {
            views::people_matching(&s.directory, &tenant, &q, 8)
                .into_iter()
                .map(|u| (u.id.clone(), u.display_name.clone(), u.email.to_string()))
                .collect::<Vec<_>>()
        }))
    });
    // A typed address that names someone outside the results (perhaps another tenant's).
    let typed_person = Memo::new(move |_| {
        let email = crate::domain::directory::Email::try_from(query.get().as_str()).ok()?;
        store
            .state
            .with(|s| {
                s.directory
                    .users
                    .iter()
                    .find(|u| u.email == email)
                    .map(|u: &User| (u.id.clone(), u.email.to_string()))
            })
            .or_else(|| Some((UserId(format!("unknown:{email}")), email.to_string())))
    });
    let choose = move |id: UserId, label: String| {
        chosen.update(|c| {
            if !c.iter().any(|(x, _)| *x == id) {
                c.push((id, label))
            }
        });
        set_query.set(String::new());
    };
    let assign = Action::new_local(move |users: &Vec<UserId>| {
        let (users, subscription) = (users.clone(), sub.clone());
        async move {
            let actor = actor().ok_or(DispatchError::Storage(String::new()))?;
            let n = users.len();
            store
                .dispatch(
                    actor,
                    Command::Assign {
                        subscription,
                        users,
                    },
                )
                .await
                .map(|_| n)
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = assign.value().get() {
            chosen.set(Vec::new());
        }
    });
    let label_of = move |id: &UserId| {
        chosen.with(|c| {
            c.iter()
                .find(|(x, _)| x == id)
                .map(|(_, l)| l.clone())
                .unwrap_or_else(|| id.0.clone())
        })
    };
    let outcome = move || -> Option<AnyView> {
        match assign.value().get()? {
            Ok(n) => Some(view! { <p class="outcome" role="status">{locale.tf(Msg::AssignedDone, &[("n", &n.to_string())])}</p> }.into_any()),
            Err(DispatchError::Domain(DomainError::AssigneesRefused(list))) => Some(view! {
                <div class="field-error" role="alert">
                    <p>{locale.t(Msg::RefusedPeople)}</p>
                    <ul id="assign-refusals">
                        {list.into_iter().map(|(id, why)| view! { <li>{label_of(&id)}" — "{locale.t(refusal_msg(why))}</li> }).collect_view()}
                    </ul>
                </div>
            }.into_any()),
            Err(DispatchError::Domain(DomainError::TooManyAtOnce { given })) => Some(view! {
                <p class="field-error" role="alert">{locale.tf(Msg::TooManyAtOnce, &[("n", &given.to_string())])}</p>
            }.into_any()),
            Err(DispatchError::Domain(DomainError::NotEnoughLicenses { available, requested })) => Some(view! {
                <p class="field-error" role="alert">{locale.tf(Msg::NotEnoughLicenses, &[("available", &available.to_string()), ("requested", &requested.to_string())])}</p>
            }.into_any()),
            Err(e) => Some(view! { <p class="field-error" role="alert">{explain(locale, &e)}</p> }.into_any()),
        }
    };
    view! {
        <section class="panel" aria-labelledby="assign-title">
            <h2 id="assign-title">{move || locale.t(Msg::AssignHeading)}</h2>
            <p class="muted">{move || locale.t(Msg::AssignIntro)}</p>
            <div class="field">
                <label for="people-search">{move || locale.t(Msg::SearchPeople)}</label>
                <input id="people-search" type="search" autocomplete="off" aria-controls="people-results"
                    prop:value=query on:input=move |ev| set_query.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" {
                        ev.prevent_default();
                        if let Some((id, email)) = typed_person.get_untracked() { choose(id, email) }
                    }/>
            </div>
            <ul id="people-results" class="people-results" aria-label=move || locale.t(Msg::SearchPeople)>
                {move || results.get().unwrap_or_default().into_iter().map(|(id, name, email)| {
                    let label = format!("{name} <{email}>");
                    let (id2, label2) = (id.clone(), label.clone());
                    view! { <li><button type="button" class="link-button" on:click=move |_| choose(id2.clone(), label2.clone())>{label}</button></li> }
                }).collect_view()}
                {move || typed_person.get().filter(|(id, _)| results.with(|r| r.as_ref().is_none_or(|r| !r.iter().any(|(x, ..)| x == id)))).map(|(id, email)| {
                    let e2 = email.clone();
                    view! { <li><button type="button" class="link-button" on:click=move |_| choose(id.clone(), e2.clone())>{locale.tf(Msg::AddAddress, &[("email", &email)])}</button></li> }
                })}
            </ul>
            <Show when=move || chosen.with(|c| !c.is_empty())>
                <p>{move || locale.tf(Msg::Chosen, &[("n", &chosen.with(Vec::len).to_string())])}</p>
                <ul class="chips" id="chosen">
                    {move || chosen.get().into_iter().map(|(id, label)| {
                        let aria = locale.tf(Msg::Remove, &[("name", &label)]);
                        view! { <li class="chip">{label}<button type="button" aria-label=aria on:click=move |_| chosen.update(|c| c.retain(|(x, _)| *x != id))>"×"</button></li> }
                    }).collect_view()}
                </ul>
                <button type="button" id="assign-button" class="button button--primary" disabled=move || assign.pending().get()
                    on:click=move |_| { assign.dispatch(chosen.with_untracked(|c| c.iter().map(|(id, _)| id.clone()).collect())); }>
                    {move || locale.tf(Msg::AssignButton, &[("n", &chosen.with(Vec::len).to_string())])}
                </button>
            </Show>
            {outcome}
        </section>
    }
}

#[component]
fn AssignedPeople(sub: SubscriptionId, product: String, active: bool) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let id = sub.clone();
    let people = Memo::new(move |_| {
        store.state.with(|s| {
            s.subscription(&id)
                .map(|x| {
                    x.assigned
                        .iter()
                        .map(|u| {
                            (
                                u.clone(),
                                s.directory
                                    .user(u)
                                    .map_or_else(|| u.0.clone(), |u| u.display_name.clone()),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let confirming = RwSignal::new(None::<UserId>);
    let unassign = Action::new_local(move |user: &UserId| {
        let (user, subscription) = (user.clone(), sub.clone());
        async move {
            let actor = actor().ok_or(DispatchError::Storage(String::new()))?;
            store
                .dispatch(actor, Command::Unassign { subscription, user })
                .await
                .map(|_| ())
        }
    });
    let product = StoredValue::new(product);
    view! {
        <section class="panel" aria-labelledby="assigned-title">
            <h2 id="assigned-title">{move || locale.t(Msg::AssignedPeople)}</h2>
            <Show when=move || people.with(|p| !p.is_empty()) fallback=move || view! { <p class="muted">{move || locale.t(Msg::NobodyAssigned)}</p> }>
                <ul class="people" id="assigned">
                    {move || people.get().into_iter().map(|(id, name)| {
                        view! { <AssignedRow id name product=product.get_value() active confirming unassign/> }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn AssignedRow(
    id: UserId,
    name: String,
    product: String,
    active: bool,
    confirming: RwSignal<Option<UserId>>,
    unassign: Action<UserId, Result<(), DispatchError>>,
) -> impl IntoView {
    let locale = Locale::get();
    let id = StoredValue::new(id);
    let text = StoredValue::new(locale.tf(
        Msg::UnassignConfirm,
        &[("name", &name), ("product", &product)],
    ));
    let asking = move || confirming.with(|c| c.as_ref() == Some(&id.get_value()));
    view! {
        <li>
            <span>{name}</span>
            <Show when=move || active && !asking()>
                <button type="button" class="button" on:click=move |_| confirming.set(Some(id.get_value()))>{move || locale.t(Msg::Unassign)}</button>
            </Show>
            <Show when=move || active && asking()>
                <span class="confirm" role="group">
                    {move || text.get_value()}" "
                    <button type="button" class="button button--danger" on:click=move |_| { unassign.dispatch(id.get_value()); confirming.set(None); }>
                        {move || locale.t(Msg::Confirm)}
                    </button>
                    <button type="button" class="button" on:click=move |_| confirming.set(None)>{move || locale.t(Msg::Cancel)}</button>
                </span>
            </Show>
        </li>
    }
}

#[component]
fn PaymentPanel(sub: SubscriptionId) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let id = sub.clone();
    let card = Memo::new(move |_| {
        store.state.with(|s| {
            s.subscription(&id)
                .and_then(|x| x.card.as_ref())
                .and_then(|c| s.card(c).cloned())
        })
    });
    let (mode, set_mode) = signal(0u8); // 0 view, 1 edit, 2 replace
    let (expiry, set_expiry) = signal(String::new());
    let (holder, set_holder) = signal(String::new());
    let (code, set_code) = signal(String::new());
    let replacement = RwSignal::new(CardInput::default());
    let today = Signal::derive(move || store.clock.get().date_naive());
    let countries = Signal::derive(move || {
        super::Market::countries()
            .into_iter()
            .map(|k| (k.code().to_owned(), locale.country(k)))
            .collect::<Vec<_>>()
    });
    let save = Action::new_local(move |cmd: &u8| {
        let which = *cmd;
        let subscription = sub.clone();
        async move {
            let actor = actor().ok_or(DispatchError::Storage(String::new()))?;
            let command = if which == 1 {
                let card = card
                    .get_untracked()
                    .ok_or(DispatchError::Storage(String::new()))?;
                let expiry = Expiry::try_from(expiry.get_untracked().as_str())
                    .map_err(|e| DispatchError::Domain(DomainError::Card(e)))?;
                Command::UpdateCard {
                    card: card.id,
                    expiry,
                    holder: holder.get_untracked(),
                    security_code: code.get_untracked(),
                }
            } else {
                let card = replacement
                    .with_untracked(|c| c.validate(today.get_untracked()))
                    .map_err(|e| DispatchError::Domain(DomainError::Card(e[0])))?;
                Command::ReplaceCard { subscription, card }
            };
            let result = store.dispatch(actor, command).await.map(|_| ());
            if result.is_ok() {
                set_mode.set(0);
                replacement.set(CardInput::default());
            }
            result
        }
    });
    let outcome = move || match save.value().get() {
        Some(Ok(())) => Some(locale.t(Msg::CardUpdated).to_owned()),
        Some(Err(e)) => Some(explain(locale, &e)),
        None => None,
    };
    view! {
        <section class="panel" aria-labelledby="payment-title">
            <h2 id="payment-title">{move || locale.t(Msg::PaymentHeading)}</h2>
            <p id="card-on-file">{move || card.get().map(|c| locale.tf(Msg::CardOnFile, &[("brand", c.brand.name()), ("last4", &c.last4), ("expiry", &c.expiry.to_string()), ("holder", &c.holder)]))}</p>
            <p id="payment-outcome" role="status">{outcome}</p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| {
                    if let Some(c) = card.get_untracked() { set_expiry.set(c.expiry.to_string()); set_holder.set(c.holder.clone()); }
                    set_mode.set(1);
                }>{move || locale.t(Msg::EditCard)}</button>
                <button type="button" class="button" on:click=move |_| set_mode.set(2)>{move || locale.t(Msg::ReplaceCard)}</button>
            </div>
            <Show when=move || mode.get() == 1>
                <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save.dispatch(1); }>
                    <div class="field"><label for="edit-expiry">{move || locale.t(Msg::CardExpiry)}</label>
                        <input id="edit-expiry" type="text" inputmode="numeric" prop:value=expiry on:input=move |ev| set_expiry.set(event_target_value(&ev))/></div>
                    <div class="field"><label for="edit-holder">{move || locale.t(Msg::CardHolder)}</label>
                        <input id="edit-holder" type="text" prop:value=holder on:input=move |ev| set_holder.set(event_target_value(&ev))/></div>
                    <div class="field"><label for="edit-code">{move || locale.t(Msg::CardCode)}</label>
                        <input id="edit-code" type="password" inputmode="numeric" prop:value=code on:input=move |ev| set_code.set(event_target_value(&ev))/></div>
                    <button type="submit" class="button button--primary">{move || locale.t(Msg::SaveChanges)}</button>
                </form>
            </Show>
            <Show when=move || mode.get() == 2>
                <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save.dispatch(2); }>
                    <CardForm card=replacement today countries/>
                    <button type="submit" class="button button--primary" id="replace-card-save">{move || locale.t(Msg::SaveChanges)}</button>
                </form>
            </Show>
        </section>
    }
}

#[component]
fn CancelPanel(sub: SubscriptionId, product: String) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let (reason, set_reason) = signal(String::new());
    let (feedback, set_feedback) = signal(String::new());
    let (confirming, set_confirming) = signal(false);
    let id = sub.clone();
    let assigned = Memo::new(move |_| current(store, &id).map_or(0, |s| s.assigned_count()));
    let product = StoredValue::new(product);
    let cancel = Action::new_local(move |_: &()| {
        let subscription = sub.clone();
        let reason = {
            let (r, f) = (reason.get_untracked(), feedback.get_untracked());
            if f.trim().is_empty() {
                r
            } else {
                format!("{r} — {}", f.trim())
            }
        };
        async move {
            let actor = actor().ok_or(DispatchError::Storage(String::new()))?;
            store
                .dispatch(
                    actor,
                    Command::Cancel {
                        subscription,
                        reason,
                    },
                )
                .await
                .map(|_| ())
        }
    });
    let reasons = [
        Msg::CancelReasonPrice,
        Msg::CancelReasonUnused,
        Msg::CancelReasonCentral,
        Msg::CancelReasonOther,
    ];
    view! {
        <section class="panel" aria-labelledby="cancel-title">
            <h2 id="cancel-title">{move || locale.t(Msg::CancelHeading)}</h2>
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); if !reason.get_untracked().is_empty() { set_confirming.set(true); } }>
                <div class="field">
                    <label for="cancel-reason">{move || locale.t(Msg::CancelReason)}</label>
                    <select id="cancel-reason" required on:change=move |ev| set_reason.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        {reasons.into_iter().map(|m| view! { <option value=m.text(crate::i18n::Lang::EnUs)>{move || locale.t(m)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="cancel-feedback">{move || locale.t(Msg::CancelFeedback)}</label>
                    <textarea id="cancel-feedback" rows="3" prop:value=feedback on:input=move |ev| set_feedback.set(event_target_value(&ev))></textarea>
                </div>
                <Show when=move || !confirming.get()>
                    <button type="submit" class="button" disabled=move || reason.get().is_empty()>{move || locale.t(Msg::CancelButton)}</button>
                </Show>
            </form>
            <Show when=move || confirming.get()>
                <div class="message-bar message-bar--warning" role="alertdialog" aria-labelledby="cancel-confirm-text">
                    <p id="cancel-confirm-text">{move || locale.tf(Msg::CancelConfirm, &[("product", &product.get_value()), ("n", &assigned.get().to_string())])}</p>
                    <div class="actions">
                        <button type="button" class="button button--danger" id="cancel-confirm" on:click=move |_| { cancel.dispatch(()); set_confirming.set(false); }>{move || locale.t(Msg::Confirm)}</button>
                        <button type="button" class="button" on:click=move |_| set_confirming.set(false)>{move || locale.t(Msg::Cancel)}</button>
                    </div>
                </div>
            </Show>
            <p role="status">{move || match cancel.value().get() {
                Some(Ok(())) => Some(locale.t(Msg::Canceled).to_owned()),
                Some(Err(e)) => Some(explain(locale, &e)),
                None => None,
            }}</p>
        </section>
    }
}

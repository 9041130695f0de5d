//! `/admin/subscriptions/:id`: one of the purchaser's subscriptions, and its total licenses.

use super::{actor, current, product_name, status_msg};
use super::{AssignPanel, AssignedPeople, CancelPanel, PaymentPanel, SupportNote};
use crate::components::about_rule::AboutRule;
use crate::components::count_field::CountField;
use crate::components::field::CheckedForm;
use crate::components::form_key::FormKey;
use crate::components::lifecycle::LifecyclePanel;
use crate::components::page_title::PageTitle;
use crate::domain::commands::Command;
use crate::domain::sources::license_source;
use crate::domain::subscription::{Channel, Status, Subscription, SubscriptionId};
use crate::domain::views::{self, LicenseChange};
use crate::domain::Quantity;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

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
                    s.status != Status::Deleted,
                )
            })
        })
    });
    view! {
        <Show
            when=move || sub.read().is_some()
            fallback=move || {
                view! {
                    <section class="panel" aria-labelledby="page-title">
                        <PageTitle text=locale.string(Msg::NotFoundTitle) />
                        <p>{move || locale.tf(Msg::SubscriptionNotFound, &[("id", &id.get())])}</p>
                        <A href="/admin">{locale.text(Msg::BackToPurchases)}</A>
                    </section>
                }
            }
        >
            {move || {
                head.get()
                    .map(|(sid, name, active, paid, open)| {
                        let sid = StoredValue::new(sid);
                        let name_v = StoredValue::new(name.clone());
                        view! {
                            <section class="panel" aria-labelledby="page-title">
                                <p>
                                    <A href="/admin">{locale.text(Msg::BackToPurchases)}</A>
                                </p>
                                <PageTitle text=name.clone() />
                                <dl class="facts">
                                    <dt>{locale.text(Msg::ColStatus)}</dt>
                                    <dd id="sub-status">
                                        {move || {
                                            sub.with(|s| s.as_ref().map(|s| locale.t(status_msg(s))))
                                        }}
                                    </dd>
                                    <dt>{locale.text(Msg::ColLicenses)}</dt>
                                    <dd id="sub-licenses">
                                        {move || sub.with(|s| s.as_ref().map(|s| s.licenses.get()))}
                                    </dd>
                                    <dt>{locale.text(Msg::ColAssigned)}</dt>
                                    <dd id="sub-assigned">
                                        {move || {
                                            sub.with(|s| s.as_ref().map(Subscription::assigned_count))
                                        }} // Disabled: the people assigned keep their license
                                        // but cannot use it.
                                        {move || {
                                            sub.with(|s| {
                                                s.as_ref()
                                                    .filter(|s| !s.status.users_have_access())
                                                    .map(|_| {
                                                        view! {
                                                            " · "
                                                            <span class="badge badge--due" id="no-access">
                                                                {locale.text(Msg::NoAccess)}
                                                            </span>
                                                        }
                                                    })
                                            })
                                        }}
                                    </dd>
                                    <dt>{locale.text(Msg::ColAvailable)}</dt>
                                    <dd id="sub-available">
                                        {move || {
                                            sub.with(|s| s.as_ref().map(Subscription::available))
                                        }}
                                    </dd>
                                </dl>
                            </section>
                            <LifecyclePanel sub=sid.get_value() />
                            {(active && paid)
                                .then(|| view! { <LicenseTotal sub=sid.get_value() /> })}
                            {active.then(|| view! { <AssignPanel sub=sid.get_value() /> })}
                            <AssignedPeople sub=sid.get_value() product=name_v.get_value() active />
                            // A card is replaced to pay a past-due bill or to reactivate, until deleted.
                            {open.then(|| view! { <PaymentPanel sub=sid.get_value() /> })}
                            {active
                                .then(|| {
                                    view! {
                                        <CancelPanel
                                            sub=sid.get_value()
                                            product=name_v.get_value()
                                        />
                                    }
                                })}
                            <SupportNote />
                        }
                    })
            }}
        </Show>
    }
}

#[component]
pub(super) fn LicenseTotal(sub: SubscriptionId) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let (id, sub_id) = (sub.clone(), sub.clone());
    let initial = current(store, &sub).map_or(1, |s| s.licenses.get());
    let (typed, set_typed) = signal(initial.to_string());
    // The same answer the command will give, from the domain; the page only words it.
    let change = Memo::new(move |_| {
        let total = Quantity::try_from(typed.get().as_str()).ok()?;
        let sub = current(store, &id)?;
        let today = store.clock.get().date_naive();
        store
            .state
            .with(|s| views::license_change(s, &sub, total, today).ok())
    });
    let refused = move || !change.with(|c| c.is_some_and(LicenseChange::is_accepted));
    let preview = move || change.get().and_then(|c| preview_text(locale, c));
    // A reduction that waits for the renewal, and the day it takes effect.
    let scheduled = move || {
        let sub = current(store, &sub_id)?;
        let total = sub.licenses_at_renewal?;
        Some(locale.tn(
            Msg::LicensesScheduled,
            ("total", total.get()),
            &[("date", &locale.date(sub.term_end))],
        ))
    };
    let form = FormKey::new();
    let save = Action::new_local(move |total: &Quantity| {
        // Keyed at the click: Save twice (or Enter twice) changes the total once.
        let submission = form.submit(Command::ChangeLicenses {
            subscription: sub.clone(),
            total: *total,
        });
        async move {
            let actor = actor().ok_or(DispatchError::NotSignedIn)?;
            store.dispatch(actor, submission).await?;
            form.renew();
            Ok(())
        }
    });
    let outcome = move || match save.value().get() {
        Some(Ok(())) => Some(locale.t(Msg::Saved).to_owned()),
        Some(Err(e)) => Some(locale.explain(&e)),
        None => None,
    };
    view! {
        <section class="panel" aria-labelledby="licenses-title">
            <h2 id="licenses-title">{locale.text(Msg::LicensesHeading)}</h2>
            <CheckedForm on_submit=move |()| {
                if let Ok(q) = Quantity::try_from(typed.get_untracked().as_str()) {
                    save.dispatch(q);
                }
            }>
                <CountField
                    id="license-total"
                    label=Msg::TotalLicenses
                    text=typed
                    error=Signal::derive(move || {
                        typed.with(|t| Quantity::try_from(t.as_str()).err())
                    })
                    on_input=Callback::new(move |text| set_typed.set(text))
                    described_by="license-preview"
                />
                <p
                    id="license-preview"
                    aria-live="polite"
                    class=move || {
                        if change
                            .with(|c| {
                                c.is_some_and(|c| !c.is_accepted() && c != LicenseChange::Unchanged)
                            })
                        {
                            "field-error"
                        } else {
                            "muted"
                        }
                    }
                >
                    {preview}
                </p>
                <AboutRule
                    source=Signal::derive(move || change.get().and_then(|c| license_source(&c)))
                    id="license-source"
                />
                <p id="license-scheduled">{scheduled}</p>
                <p id="license-outcome" role="status">
                    {outcome}
                </p>
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || refused() || save.pending().get()
                >
                    {locale.text(Msg::SaveChanges)}
                </button>
            </CheckedForm>
        </section>
    }
}

/// The words for what a new total would do: the domain's answer, worded.
fn preview_text(locale: Locale, change: LicenseChange) -> Option<String> {
    Some(match change {
        LicenseChange::Unchanged => return None,
        LicenseChange::BelowAssigned { assigned, total } => locale.tn(
            Msg::BelowAssigned,
            ("n", assigned - total),
            &[("assigned", &assigned.to_string()), ("total", &total.to_string())],
        ),
        LicenseChange::Add { added, charge } => locale.tn(
            Msg::ChangePreviewMore,
            ("n", added),
            &[("amount", &locale.money(charge))],
        ),
        LicenseChange::Remove {
            removed,
            refund,
            term_amount,
        } => locale.tn(
            if refund.minor() > 0 {
                Msg::ChangePreviewFewerRefund
            } else {
                Msg::ChangePreviewFewer
            },
            ("n", removed),
            &[("amount", &locale.money(term_amount)), ("refund", &locale.money(refund))],
        ),
        LicenseChange::AtRenewal {
            removed,
            on,
            term_amount,
        } => locale.tn(
            Msg::ChangePreviewAtRenewal,
            ("n", removed),
            &[("amount", &locale.money(term_amount)), ("date", &locale.date(on))],
        ),
        LicenseChange::KeepAtRenewal { kept } => {
            locale.tn(Msg::ChangePreviewKeep, ("n", kept), &[])
        }
        LicenseChange::NeedsRecurringBilling => {
            locale.t(Msg::ErrRemoveNeedsRecurringBilling).to_owned()
        }
    })
}

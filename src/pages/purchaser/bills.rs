//! The purchaser's bills over a chosen period, and paying one that is due.

use super::product_name;
use crate::components::field::{Choice, Field};
use crate::components::form_key::FormKey;
use crate::components::table::{Col, TableHead};
use crate::domain::commands::{Command, Submission};
use crate::domain::subscription::{Bill, BillId, BillKind, BillStatus};
use crate::domain::views;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use crate::store::session::Session;
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Range {
    Months(u32),
    Custom,
}

/// A bill: what for, which period, how much, and whether it is paid.
const BILL_COLUMNS: &[Col] = {
    use {Col::*, Msg::*};
    &[Text(ColProduct), Text(ColPeriod), Num(ColAmount), Text(ColStatus)]
};

#[component]
pub(super) fn Bills() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let range = RwSignal::new(Range::Months(3));
    let today = move || store.clock.get().date_naive();
    let (from, to) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
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
    let pay = Action::new_local(move |submission: &Submission| {
        let submission = submission.clone();
        async move {
            let actor = session
                .actor_untracked()
                .ok_or(DispatchError::NotSignedIn)?;
            store.dispatch(actor, submission).await.map(|_| ())
        }
    });
    let pay_error = move || {
        pay.value()
            .get()
            .and_then(Result::err)
            .map(|e| locale.explain(&e))
    };
    view! {
        <section class="panel" aria-labelledby="bills-title">
            <h2 id="bills-title">{locale.text(Msg::Invoices)}</h2>
            <BillsRange range from to />
            <p class="field-error" role="alert">
                {pay_error}
            </p>
            <BillsTable bills pay />
        </section>
    }
}

/// The period shown: the past three or six months, or from and to dates.
#[component]
fn BillsRange(
    range: RwSignal<Range>,
    from: RwSignal<String>,
    to: RwSignal<String>,
) -> impl IntoView {
    const RANGES: &[(&str, Msg)] =
        &[("3", Msg::Past3Months), ("6", Msg::Past6Months), ("custom", Msg::CustomRange)];
    let value = Signal::derive(move || match range.get() {
        Range::Months(m) => m.to_string(),
        Range::Custom => "custom".to_owned(),
    });
    let on_change = move |v: String| {
        range.set(match v.as_str() {
            "6" => Range::Months(6),
            "custom" => Range::Custom,
            _ => Range::Months(3),
        })
    };
    let date = |id: &'static str, label: Msg, value: RwSignal<String>| {
        view! { <Field id label value on_input=move |v| value.set(v) input_type="date" /> }
    };
    view! {
        <div class="form form--inline">
            <Choice id="bill-range" label=Msg::BillsRange value on_change options=RANGES />
            <Show when=move || {
                range.get() == Range::Custom
            }>{date("bill-from", Msg::From, from)} {date("bill-to", Msg::To, to)}</Show>
        </div>
    }
}

/// The bills of the period, or a line saying there are none.
#[component]
fn BillsTable(
    bills: Memo<Option<Vec<Bill>>>,
    pay: Action<Submission, Result<(), DispatchError>>,
) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <Show
            when=move || bills.with(|b| b.as_ref().is_some_and(|b| !b.is_empty()))
            fallback=move || view! { <p class="muted">{locale.text(Msg::NoBills)}</p> }
        >
            <div class="table-scroll">
                <table class="grid" id="bills">
                    <TableHead cols=BILL_COLUMNS />
                    <tbody>
                        <For
                            each=move || bills.get().unwrap_or_default()
                            key=|bill| bill.id.clone()
                            children=move |bill| view! { <BillRow id=bill.id pay /> }
                        />
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

/// One bill, keyed by its ID: paying it changes its status in place.
#[component]
fn BillRow(id: BillId, pay: Action<Submission, Result<(), DispatchError>>) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    // Clicks that arrive twice pay once: they carry this row's key.
    let key = FormKey::new();
    let bill = Memo::new(move |_| {
        store
            .state
            .with(|s| s.bills.iter().find(|b| b.id == id).cloned())
    });
    let product = move || {
        let sub = bill.with(|b| b.as_ref().map(|b| b.subscription.clone()))?;
        store
            .state
            .with(|s| s.subscription(&sub).map(|x| product_name(store, x)))
    };
    let status = move || {
        let bill = bill.get()?;
        let amount = bill.amount;
        Some(match (bill.kind, bill.status) {
            (BillKind::Refund, _) => {
                view! { <span class="badge">{locale.text(Msg::BillRefund)}</span> }.into_any()
            }
            (BillKind::Charge, BillStatus::Paid) => {
                view! { <span class="badge">{locale.text(Msg::BillPaid)}</span> }.into_any()
            }
            (BillKind::Charge, BillStatus::Void) => {
                view! { <span class="badge">{locale.text(Msg::BillVoid)}</span> }.into_any()
            }
            (BillKind::Charge, BillStatus::PastDue) => view! {
                <span class="badge badge--due">{locale.text(Msg::BillDue)}</span>
                " "
                <button
                    type="button"
                    class="button"
                    disabled=move || pay.pending().get()
                    on:click=move |_| {
                        pay.dispatch(
                            key
                                .submit(Command::PayBill {
                                    bill: bill.id.clone(),
                                }),
                        );
                    }
                >
                    {move || locale.tf(Msg::PayNow, &[("amount", &locale.money(amount))])}
                </button>
            }
            .into_any(),
        })
    };
    view! {
        <tr>
            <th scope="row">{product}</th>
            <td>
                {move || {
                    bill.with(|b| {
                        b.as_ref()
                            .map(|b| {
                                format!(
                                    "{} – {}",
                                    locale.date(b.period_start),
                                    locale.date(b.period_end),
                                )
                            })
                    })
                }}
            </td>
            <td class="num">
                {move || {
                    bill.with(|b| {
                        b.as_ref()
                            .map(|b| match b.kind {
                                BillKind::Charge => locale.money(b.amount),
                                BillKind::Refund => format!("−{}", locale.money(b.amount)),
                            })
                    })
                }}
            </td>
            <td>{status}</td>
        </tr>
    }
}

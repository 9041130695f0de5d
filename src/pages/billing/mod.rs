//! `/admin/billing/products`: Billing > Your products for admins — every subscription of
//! the tenant, grouped per product and source, with take-over and centralizing.

use crate::components::page_title::PageTitle;
use crate::domain::subscription::{OrderKind, Status, SubscriptionId};
use crate::domain::views::{self, Column, ProductFilter, Sort, Source};
use crate::domain::{authz, may, Actor, Subject};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::session::Session;
use leptos::prelude::*;

mod detail;
mod grid;
mod take_over;

use detail::SubscriptionDetail;
use grid::GridRow;

fn source_msg(source: Source) -> Msg {
    match source {
        Source::Central => Msg::SourceCentral,
        Source::SelfService => Msg::SourceSelfService,
        Source::Trial => Msg::SourceTrial,
    }
}

fn order_msg(kind: OrderKind) -> Msg {
    match kind {
        OrderKind::Purchase => Msg::OrderPurchase,
        OrderKind::TrialStarted => Msg::OrderTrialStarted,
        OrderKind::LicensesAdded => Msg::OrderLicensesAdded,
        OrderKind::LicensesRemoved => Msg::OrderLicensesRemoved,
        OrderKind::Renewed => Msg::OrderRenewed,
        OrderKind::ConvertedFromTrial => Msg::OrderConverted,
        OrderKind::Canceled => Msg::OrderCanceled,
        OrderKind::TakenOver => Msg::OrderTakenOver,
        OrderKind::Expired => Msg::OrderExpired,
        OrderKind::Disabled => Msg::OrderDisabled,
        OrderKind::Deleted => Msg::OrderDeleted,
        OrderKind::Reactivated => Msg::OrderReactivated,
        OrderKind::RecurringBillingOn => Msg::OrderRecurringOn,
        OrderKind::RecurringBillingOff => Msg::OrderRecurringOff,
        OrderKind::PaymentDeclined => Msg::OrderDeclined,
        OrderKind::Refunded => Msg::OrderRefunded,
        OrderKind::TrialExtended => Msg::OrderTrialExtended,
    }
}

fn status_msg(status: Status) -> Msg {
    match status {
        Status::Active => Msg::StatusActive,
        Status::Expired => Msg::StatusExpired,
        Status::Disabled => Msg::StatusDisabled,
        Status::Deleted => Msg::StatusDeleted,
    }
}

#[component]
pub fn BillingProducts() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let (filter, set_filter) = signal(ProductFilter::CentralOnly);
    let (search, set_search) = signal(String::new());
    let (sort, set_sort) = signal(Sort::default());
    let expanded = RwSignal::new(None::<(crate::domain::ProductId, Source)>);
    let selected = RwSignal::new(None::<SubscriptionId>);
    // The pass over every subscription only when the state or the filter changes; a
    // keystroke in the search box then filters the few grouped rows.
    let grouped = Memo::new(move |_| {
        let Some(actor) = session.actor() else {
            return Vec::new();
        };
        let catalog = store.catalog();
        store
            .state
            .with(|s| views::group_rows(s, &catalog, &actor.tenant, filter.get()))
    });
    let rows =
        Memo::new(move |_| grouped.with(|g| views::search_rows(g, &search.get(), sort.get())));
    let can_manage = Memo::new(move |_| {
        session.actor().is_some_and(|a| {
            store.state.with(|s| {
                may(
                    &s.directory,
                    &a,
                    authz::Action::ManageBilling,
                    Subject::Tenant(&a.tenant),
                )
                .is_ok()
            })
        })
    });
    let trials = move || filter.get() == ProductFilter::Trials;
    let open = Selector::new(move || expanded.get());
    let header = move |column: Column, label: Msg, numeric: bool| {
        let aria = move || {
            let s = sort.get();
            if s.column != column {
                "none"
            } else if s.descending {
                "descending"
            } else {
                "ascending"
            }
        };
        view! {
            <th scope="col" class:num=numeric aria-sort=aria>
                <button
                    type="button"
                    class="sort-button"
                    on:click=move |_| {
                        set_sort
                            .update(|s| {
                                if s.column == column {
                                    s.descending = !s.descending
                                } else {
                                    *s = Sort { column, descending: false }
                                }
                            })
                    }
                >
                    {move || locale.t(label)}
                    <span aria-hidden="true">
                        {move || match aria() {
                            "ascending" => " ▲",
                            "descending" => " ▼",
                            _ => "",
                        }}
                    </span>
                </button>
            </th>
        }
    };
    let on_tab_key = move |ev: leptos::ev::KeyboardEvent| {
        let to_trials = match ev.key().as_str() {
            "ArrowLeft" | "ArrowRight" => !trials(),
            "Home" => false,
            "End" => true,
            _ => return,
        };
        ev.prevent_default();
        set_filter.set(if to_trials {
            ProductFilter::Trials
        } else {
            ProductFilter::CentralOnly
        });
        crate::components::a11y::focus_id(if to_trials {
            "tab-trials"
        } else {
            "tab-products"
        });
    };
    // Arrow keys move between the rows' buttons; Enter or Space opens one (a button's own).
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        use wasm_bindgen::JsCast;
        let step = match ev.key().as_str() {
            "ArrowDown" => web_sys::Element::next_element_sibling,
            "ArrowUp" => web_sys::Element::previous_element_sibling,
            _ => return,
        };
        let Some(row) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .filter(|t| t.class_list().contains("row-toggle"))
            .and_then(|t| t.closest("tr.grid-row").ok().flatten())
        else {
            return;
        };
        let mut next = step(&row);
        while let Some(candidate) = next {
            if candidate.class_list().contains("grid-row") {
                if let Some(button) = candidate
                    .query_selector(".row-toggle")
                    .ok()
                    .flatten()
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    ev.prevent_default();
                    let _ = button.focus();
                }
                return;
            }
            next = step(&candidate);
        }
    };
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=move || locale.t(Msg::YourProductsTitle).to_owned() />
            <Show when=move || !can_manage.get()>
                <p class="message-bar message-bar--info" role="note" id="read-only">
                    {move || locale.t(Msg::ReadOnlyRole)}
                </p>
            </Show>
            // The WAI-ARIA tabs pattern: one tab stop, arrow keys (and Home, End) choose.
            <div
                role="tablist"
                class="tabs"
                aria-label=move || locale.t(Msg::YourProductsTitle)
                on:keydown=on_tab_key
            >
                <button
                    type="button"
                    role="tab"
                    id="tab-products"
                    aria-controls="products-tabpanel"
                    aria-selected=move || (!trials()).to_string()
                    tabindex=move || if trials() { "-1" } else { "0" }
                    on:click=move |_| set_filter.set(ProductFilter::CentralOnly)
                >
                    {move || locale.t(Msg::TabProducts)}
                </button>
                <button
                    type="button"
                    role="tab"
                    id="tab-trials"
                    aria-controls="products-tabpanel"
                    aria-selected=move || trials().to_string()
                    tabindex=move || if trials() { "0" } else { "-1" }
                    on:click=move |_| set_filter.set(ProductFilter::Trials)
                >
                    {move || locale.t(Msg::TabTrials)}
                </button>
            </div>
            <div
                role="tabpanel"
                id="products-tabpanel"
                aria-labelledby=move || if trials() { "tab-trials" } else { "tab-products" }
            >
                <div class="form form--inline toolbar">
                    <Show when=move || !trials()>
                        <div class="field">
                            <label for="products-filter">
                                {move || locale.t(Msg::FilterLabel)}
                            </label>
                            <select
                                id="products-filter"
                                prop:value=move || {
                                    if filter.get() == ProductFilter::IncludeSelfService {
                                        "include"
                                    } else {
                                        "central"
                                    }
                                }
                                on:change=move |ev| {
                                    set_filter
                                        .set(
                                            if event_target_value(&ev) == "include" {
                                                ProductFilter::IncludeSelfService
                                            } else {
                                                ProductFilter::CentralOnly
                                            },
                                        )
                                }
                            >
                                <option value="central">
                                    {move || locale.t(Msg::FilterCentral)}
                                </option>
                                <option value="include">
                                    {move || locale.t(Msg::FilterInclude)}
                                </option>
                            </select>
                        </div>
                    </Show>
                    <div class="field">
                        <label for="products-search">{move || locale.t(Msg::SearchProducts)}</label>
                        <input
                            id="products-search"
                            type="search"
                            prop:value=search
                            on:input=move |ev| set_search.set(event_target_value(&ev))
                        />
                    </div>
                    <p class="muted" role="status" id="rows-count">
                        {move || {
                            locale.tf(Msg::RowsCount, &[("n", &rows.with(Vec::len).to_string())])
                        }}
                    </p>
                </div>
                <div class="table-scroll">
                    <table
                        class="grid grid--interactive grid--cards"
                        id="products-grid"
                        on:keydown=on_key
                    >
                        <thead>
                            <tr>
                                {header(Column::Product, Msg::ColProduct, false)}
                                {header(Column::Source, Msg::ColSource, false)}
                                {header(Column::Purchaser, Msg::ColPurchaser, false)}
                                {header(Column::Licenses, Msg::ColLicenses, true)}
                                {header(Column::Assigned, Msg::ColAssigned, true)}
                                {header(Column::Available, Msg::ColAvailable, true)}
                                {header(Column::Renewal, Msg::ColRenewal, false)}
                                {header(Column::Price, Msg::ColPrice, true)}
                                {header(Column::Status, Msg::ColStatus, false)}
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || rows.get()
                                key=|r| (r.product.clone(), r.source)
                                children=move |r| {
                                    let (key, open) = ((r.product.clone(), r.source), open.clone());
                                    view! { <GridRow key rows open expanded selected /> }
                                }
                            />
                        </tbody>
                    </table>
                </div>
                <Show when=move || rows.with(Vec::is_empty)>
                    <p class="muted">{move || locale.t(Msg::NoRows)}</p>
                </Show>
            </div>
        </section>
        {move || {
            selected
                .get()
                .map(|id| view! { <SubscriptionDetail id can_manage=can_manage.get() selected /> })
        }}
    }
}

fn actor() -> Option<Actor> {
    Session::get().actor_untracked()
}

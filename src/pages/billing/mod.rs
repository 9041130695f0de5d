//! `/admin/billing/products`: Billing > Your products for admins — every subscription of
//! the tenant, grouped per product and source, with take-over and centralizing.

use crate::components::field::{Choice, SearchField};
use crate::components::page_title::PageTitle;
use crate::domain::subscription::{OrderKind, Status, SubscriptionId};
use crate::domain::views::{self, Column, ProductFilter, Sort, Source};
use crate::domain::{authz, may, Subject};
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
        OrderKind::LicensesRemovalScheduled => Msg::OrderLicensesRemovalScheduled,
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

/// Your products' state: which tab and filter, the search, the sort, which row is open and
/// which subscription's detail is shown; the rows follow from them.
#[derive(Clone, Copy)]
struct Products {
    filter: RwSignal<ProductFilter>,
    search: RwSignal<String>,
    sort: RwSignal<Sort>,
    expanded: RwSignal<Option<(crate::domain::ProductId, Source)>>,
    selected: RwSignal<Option<SubscriptionId>>,
    rows: Memo<Vec<views::ProductRow>>,
    can_manage: Memo<bool>,
}

impl Products {
    fn new() -> Self {
        let store = Store::get();
        let session = Session::get();
        let filter = RwSignal::new(ProductFilter::CentralOnly);
        let search = RwSignal::new(String::new());
        let sort = RwSignal::new(Sort::default());
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
                    let manage = authz::Action::ManageBilling;
                    may(&s.directory, &a, manage, Subject::Tenant(&a.tenant)).is_ok()
                })
            })
        });
        Products {
            filter,
            search,
            sort,
            expanded: RwSignal::new(None),
            selected: RwSignal::new(None),
            rows,
            can_manage,
        }
    }

    fn trials(self) -> bool {
        self.filter.get() == ProductFilter::Trials
    }
}

#[component]
pub fn BillingProducts() -> impl IntoView {
    let locale = Locale::get();
    let p = Products::new();
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::YourProductsTitle) />
            <Show when=move || !p.can_manage.get()>
                <p class="message-bar message-bar--info" role="note" id="read-only">
                    {locale.text(Msg::ReadOnlyRole)}
                </p>
            </Show>
            <ProductTabs p />
            <div
                role="tabpanel"
                id="products-tabpanel"
                aria-labelledby=move || if p.trials() { "tab-trials" } else { "tab-products" }
            >
                <ProductsToolbar p />
                <ProductsGrid p />
                <Show when=move || p.rows.with(Vec::is_empty)>
                    <p class="muted">{locale.text(Msg::NoRows)}</p>
                </Show>
            </div>
        </section>
        {move || {
            p.selected
                .get()
                .map(|id| {
                    view! {
                        <SubscriptionDetail id can_manage=p.can_manage.get() selected=p.selected />
                    }
                })
        }}
    }
}

/// Products and Trials: the WAI-ARIA tabs pattern, one tab stop, the arrow keys (and Home,
/// End) choose.
#[component]
fn ProductTabs(p: Products) -> impl IntoView {
    let locale = Locale::get();
    let choose = move |trials: bool| {
        p.filter.set(if trials {
            ProductFilter::Trials
        } else {
            ProductFilter::CentralOnly
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let to_trials = match ev.key().as_str() {
            "ArrowLeft" | "ArrowRight" => !p.trials(),
            "Home" => false,
            "End" => true,
            _ => return,
        };
        ev.prevent_default();
        choose(to_trials);
        crate::components::a11y::focus_id(if to_trials {
            "tab-trials"
        } else {
            "tab-products"
        });
    };
    let tab = move |id: &'static str, label: Msg, trials: bool| {
        let selected = move || p.trials() == trials;
        view! {
            <button
                type="button"
                role="tab"
                id=id
                aria-controls="products-tabpanel"
                aria-selected=move || selected().to_string()
                tabindex=move || if selected() { "0" } else { "-1" }
                on:click=move |_| choose(trials)
            >
                {locale.text(label)}
            </button>
        }
    };
    view! {
        <div
            role="tablist"
            class="tabs"
            aria-label=locale.text(Msg::YourProductsTitle)
            on:keydown=on_key
        >
            {tab("tab-products", Msg::TabProducts, false)}
            {tab("tab-trials", Msg::TabTrials, true)}
        </div>
    }
}

/// The filter (central only, or self-service too), the search, and how many rows show.
#[component]
fn ProductsToolbar(p: Products) -> impl IntoView {
    let locale = Locale::get();
    let include = move || p.filter.get() == ProductFilter::IncludeSelfService;
    const FILTERS: &[(&str, Msg)] =
        &[("central", Msg::FilterCentral), ("include", Msg::FilterInclude)];
    let on_filter = move |v: String| {
        p.filter.set(if v == "include" {
            ProductFilter::IncludeSelfService
        } else {
            ProductFilter::CentralOnly
        })
    };
    view! {
        <div class="form form--inline toolbar">
            <Show when=move || !p.trials()>
                <Choice
                    id="products-filter"
                    label=Msg::FilterLabel
                    value=Signal::derive(move || {
                        if include() { "include" } else { "central" }.to_owned()
                    })
                    on_change=on_filter
                    options=FILTERS
                />
            </Show>
            <SearchField id="products-search" label=Msg::SearchProducts value=p.search />
            <p class="muted" role="status" id="rows-count">
                {move || locale.tn(Msg::RowsCount, ("n", p.rows.with(Vec::len)), &[])}
            </p>
        </div>
    }
}

/// The grid's columns: what each sorts by, its heading, and whether it holds numbers.
const COLUMNS: [(Column, Msg, bool); 9] = [
    (Column::Product, Msg::ColProduct, false),
    (Column::Source, Msg::ColSource, false),
    (Column::Purchaser, Msg::ColPurchaser, false),
    (Column::Licenses, Msg::ColLicenses, true),
    (Column::Assigned, Msg::ColAssigned, true),
    (Column::Available, Msg::ColAvailable, true),
    (Column::Renewal, Msg::ColRenewal, false),
    (Column::Price, Msg::ColPrice, true),
    (Column::Status, Msg::ColStatus, false),
];

/// The rows, one per product and source; arrow keys move between the rows' buttons, Enter
/// or Space opens one (a button's own).
#[component]
fn ProductsGrid(p: Products) -> impl IntoView {
    let open = Selector::new(move || p.expanded.get());
    view! {
        <div class="table-scroll">
            <table
                class="grid grid--interactive grid--cards"
                id="products-grid"
                on:keydown=move_between_rows
            >
                <thead>
                    <tr>
                        {COLUMNS
                            .into_iter()
                            .map(|(column, label, numeric)| {
                                view! { <SortHeader sort=p.sort column label numeric /> }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || p.rows.get()
                        key=|r| (r.product.clone(), r.source)
                        children=move |r| {
                            let (key, open) = ((r.product.clone(), r.source), open.clone());
                            view! {
                                <GridRow
                                    key
                                    rows=p.rows
                                    open
                                    expanded=p.expanded
                                    selected=p.selected
                                />
                            }
                        }
                    />
                </tbody>
            </table>
        </div>
    }
}

/// A column heading that sorts by it: a click sorts ascending, a second descending.
#[component]
fn SortHeader(sort: RwSignal<Sort>, column: Column, label: Msg, numeric: bool) -> impl IntoView {
    let locale = Locale::get();
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
    let on_click = move |_| {
        sort.update(|s| {
            if s.column == column {
                s.descending = !s.descending
            } else {
                *s = Sort {
                    column,
                    descending: false,
                }
            }
        })
    };
    view! {
        <th scope="col" class:num=numeric aria-sort=aria>
            <button type="button" class="sort-button" on:click=on_click>
                {locale.text(label)}
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
}

/// Arrow keys from a row's button to the next or previous row's.
fn move_between_rows(ev: leptos::ev::KeyboardEvent) {
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
}

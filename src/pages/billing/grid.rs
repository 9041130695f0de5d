//! The grid's rows: one per product and source, keyed, with the purchases behind each.

use super::{source_msg, status_msg};
use crate::components::download::download_as;
use crate::domain::subscription::{Subscription, SubscriptionId};
use crate::domain::views::{users_csv, ProductRow, Source};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use leptos::prelude::*;

/// The purchases shown at first when a row is expanded; more on request.
const FIRST_PURCHASES: usize = 50;

/// A grid row's identity: its product and where its subscriptions come from.
pub(super) type RowKey = (crate::domain::ProductId, Source);

/// One grid row's state: its key and figures (they follow the state), whether it is
/// open, which of its purchases are ticked for export and how many are shown.
#[derive(Clone, Copy)]
struct Line {
    key: StoredValue<RowKey>,
    row: Memo<Option<ProductRow>>,
    open: StoredValue<Selector<Option<RowKey>>>,
    expanded: RwSignal<Option<RowKey>>,
    selected: RwSignal<Option<SubscriptionId>>,
    picked: RwSignal<Vec<SubscriptionId>>,
    shown: RwSignal<usize>,
}

impl Line {
    fn is_open(self) -> bool {
        self.open
            .with_value(|o| o.selected(&Some(self.key.get_value())))
    }

    fn n(self) -> usize {
        self.row
            .with(|r| r.as_ref().map_or(0, |r| r.subscriptions.len()))
    }

    fn single(self) -> bool {
        self.n() == 1
    }

    fn only(self) -> Option<SubscriptionId> {
        self.row
            .with(|r| r.as_ref().and_then(|r| r.subscriptions.first().cloned()))
    }

    /// Opens its purchases, or (one subscription) that subscription's detail.
    fn toggle(self) {
        if self.single() {
            self.selected.set(self.only());
        } else {
            let key = self.key.get_value();
            self.expanded.update(|e| {
                *e = if e.as_ref() == Some(&key) {
                    None
                } else {
                    Some(key)
                }
            });
        }
    }

    /// Open: its purchases are listed, or (one subscription) its detail is shown.
    fn expanded_now(self) -> bool {
        if self.single() {
            let only = self.only();
            only.is_some() && self.selected.with(|s| *s == only)
        } else {
            self.is_open()
        }
    }

    /// The first three purchasers, and how many more.
    fn purchasers(self) -> String {
        self.row.with(|r| {
            let Some(r) = r else { return String::new() };
            let names = r
                .purchasers
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            match r.purchasers.len() {
                over if over > 3 => format!("{names} +{}", over - 3),
                _ => names,
            }
        })
    }
}

/// One row of the grid, keyed by product and source: its figures follow the state, and
/// its own state (how many purchases are shown) stays while they change.
#[component]
pub(super) fn GridRow(
    key: RowKey,
    rows: Memo<Vec<ProductRow>>,
    open: Selector<Option<RowKey>>,
    expanded: RwSignal<Option<RowKey>>,
    selected: RwSignal<Option<SubscriptionId>>,
) -> impl IntoView {
    let row = Memo::new({
        let key = key.clone();
        move |_| {
            rows.with(|rs| {
                rs.iter()
                    .find(|r| r.product == key.0 && r.source == key.1)
                    .cloned()
            })
        }
    });
    let line = Line {
        key: StoredValue::new(key),
        row,
        open: StoredValue::new(open),
        expanded,
        selected,
        picked: RwSignal::new(Vec::new()),
        shown: RwSignal::new(FIRST_PURCHASES),
    };
    view! {
        <RowFigures line />
        <Show when=move || line.is_open()>
            <PurchaseRows line />
        </Show>
    }
}

/// The row itself. The product's name is its button (a row may not be expanded itself):
/// it opens the row's purchases, or the detail of its one subscription. A click anywhere
/// on the row does the same.
#[component]
fn RowFigures(line: Line) -> impl IntoView {
    let locale = Locale::get();
    let row = line.row;
    let number = move |f: fn(&ProductRow) -> u64| move || row.with(|r| r.as_ref().map_or(0, f));
    let text = move |f: fn(Locale, &ProductRow) -> String| {
        move || row.with(|r| r.as_ref().map(|r| f(locale, r)))
    };
    let left = move || row.with(|r| r.as_ref().is_some_and(|r| r.purchaser_left));
    let how_many = move || {
        let msg = if line.is_open() {
            Msg::CollapseRow
        } else {
            Msg::ExpandRow
        };
        locale.tn(msg, ("n", line.n()), &[])
    };
    view! {
        <tr
            class="grid-row"
            data-open=move || line.is_open().to_string()
            on:click=move |_| line.toggle()
        >
            <th scope="row">
                <button
                    type="button"
                    class="row-toggle"
                    aria-expanded=move || line.expanded_now().to_string()
                    aria-controls=move || line.single().then_some("subscription-detail")
                >
                    <span class="grid-name">{text(|_, r| r.product_name.clone())}</span>
                    <Show when=move || !line.single()>
                        <span class="muted">" · " {how_many}</span>
                    </Show>
                </button>
            </th>
            <td data-label=locale
                .text(
                    Msg::ColSource,
                )>{move || locale.t(source_msg(line.key.with_value(|k| k.1)))}</td>
            <td data-label=locale
                .text(
                    Msg::ColPurchaser,
                )>
                {move || line.purchasers()}
                <Show when=left>
                    " "
                    <span class="badge badge--due flag-left">
                        {locale.text(Msg::PurchaserLeft)}
                    </span>
                </Show>
            </td>
            <td class="num" data-label=locale.text(Msg::ColLicenses)>
                {number(|r| r.licenses)}
            </td>
            <td class="num" data-label=locale.text(Msg::ColAssigned)>
                {number(|r| r.assigned)}
            </td>
            <td class="num" data-label=locale.text(Msg::ColAvailable)>
                {number(|r| r.available)}
            </td>
            <td data-label=locale.text(Msg::ColRenewal)>{text(|l, r| l.date(r.renewal))}</td>
            <td class="num" data-label=locale.text(Msg::ColPrice)>
                {text(|l, r| l.money(r.price))}
            </td>
            <td data-label=locale
                .text(Msg::ColStatus)>{text(|l, r| l.t(status_msg(r.status)).to_owned())}</td>
        </tr>
    }
}

/// An open row's purchases, each ticked for export or opened; the export of the ticked
/// ones' users (as the admin center's), and more purchases on request.
#[component]
fn PurchaseRows(line: Line) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let purchases = move || {
        let ids = line
            .row
            .with(|r| r.as_ref().map(|r| r.subscriptions.clone()));
        store.state.with(|s| {
            ids.iter()
                .flat_map(|ids| ids.iter())
                .take(line.shown.get())
                .filter_map(|id| s.subscription(id).cloned())
                .collect::<Vec<Subscription>>()
        })
    };
    let export = move |_| {
        let ids = line.picked.get();
        let csv = store.state.with(|s| users_csv(s, &ids));
        download_as("users.csv", "text/csv", &csv);
    };
    let more = move || (line.n() - line.shown.get()).min(FIRST_PURCHASES);
    view! {
        <tr class="grid-subrows">
            <td colspan="9">
                <p class="muted">{locale.text(Msg::Purchases)}</p>
                <ul class="purchase-list">
                    {move || {
                        purchases()
                            .into_iter()
                            .map(|sub| view! { <Purchase line sub /> })
                            .collect_view()
                    }}
                </ul>
                <button
                    type="button"
                    class="button"
                    id="export-selected"
                    disabled=move || line.picked.with(Vec::is_empty)
                    on:click=export
                >
                    {move || locale.tn(Msg::ExportSelected, ("n", line.picked.with(Vec::len)), &[])}
                </button>
                <Show when=move || line.shown.get() < line.n()>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| line.shown.update(|s| *s += FIRST_PURCHASES)
                    >
                        {move || locale.tf(Msg::ShowMore, &[("n", &more().to_string())])}
                    </button>
                </Show>
            </td>
        </tr>
    }
}

/// One purchase: a box that ticks it for export, and a button that opens its detail.
#[component]
fn Purchase(line: Line, sub: Subscription) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let who = store
        .state
        .with(|s| {
            sub.purchaser
                .as_ref()
                .and_then(|p| s.directory.user(p))
                .map(|u| u.display_name.clone())
        })
        .unwrap_or_default();
    let status = sub.status;
    let id = StoredValue::new(sub.id.clone());
    let label = format!("{} {}", locale.t(Msg::SelectForExport), sub.id);
    let on_tick = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let id = id.get_value();
        line.picked.update(|p| {
            p.retain(|x| x != &id);
            if on {
                p.push(id);
            }
        });
    };
    view! {
        <li>
            <input
                type="checkbox"
                id=format!("export-{}", sub.id)
                aria-label=label
                prop:checked=move || line.picked.with(|p| id.with_value(|id| p.contains(id)))
                on:change=on_tick
            />
            " "
            <button
                type="button"
                class="link-button"
                on:click=move |_| line.selected.set(Some(id.get_value()))
            >
                {format!("{} · {} · {} ", sub.id, who, sub.licenses.get())}
                {move || locale.t(status_msg(status))}
            </button>
        </li>
    }
}

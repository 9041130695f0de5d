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
    let locale = Locale::get();
    let store = Store::get();
    // The purchases ticked for export.
    let picked = RwSignal::new(Vec::<SubscriptionId>::new());
    let key = StoredValue::new(key);
    let row = Memo::new(move |_| {
        key.with_value(|k| {
            rows.with(|rs| {
                rs.iter()
                    .find(|r| r.product == k.0 && r.source == k.1)
                    .cloned()
            })
        })
    });
    let get = move |f: fn(&ProductRow) -> u64| move || row.with(|r| r.as_ref().map_or(0, f));
    let open = StoredValue::new(open);
    let is_open = move || open.with_value(|o| o.selected(&Some(key.get_value())));
    let n = move || row.with(|r| r.as_ref().map_or(0, |r| r.subscriptions.len()));
    let single = move || n() == 1;
    let toggle = move |_| {
        if single() {
            selected.set(
                row.with_untracked(|r| r.as_ref().and_then(|r| r.subscriptions.first().cloned())),
            );
        } else {
            let key = key.get_value();
            expanded.update(|e| {
                *e = if e.as_ref() == Some(&key) {
                    None
                } else {
                    Some(key)
                }
            });
        }
    };
    // Open: its purchases are listed, or (one subscription) its detail is shown.
    let expanded_now = move || {
        if single() {
            let only = row.with(|r| r.as_ref().and_then(|r| r.subscriptions.first().cloned()));
            only.is_some() && selected.with(|s| *s == only)
        } else {
            is_open()
        }
    };
    let (shown, set_shown) = signal(FIRST_PURCHASES);
    let purchasers = move || {
        row.with(|r| {
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
    };
    let purchaser_left = move || row.with(|r| r.as_ref().is_some_and(|r| r.purchaser_left));
    view! {
        // The product's name is the row's button (a row itself may not be expanded): it
        // opens the row's purchases, or the detail of its one subscription. A click anywhere
        // on the row does the same.
        <tr class="grid-row" data-open=move || is_open().to_string() on:click=toggle>
            <th scope="row">
                <button
                    type="button"
                    class="row-toggle"
                    aria-expanded=move || expanded_now().to_string()
                    aria-controls=move || single().then_some("subscription-detail")
                >
                    {move || row.with(|r| r.as_ref().map(|r| r.product_name.clone()))}
                    <Show when=move || !single()>
                        <span class="muted">
                            " · "
                            {move || {
                                locale
                                    .tf(
                                        if is_open() { Msg::CollapseRow } else { Msg::ExpandRow },
                                        &[("n", &n().to_string())],
                                    )
                            }}
                        </span>
                    </Show>
                </button>
            </th>
            <td data-label=move || {
                locale.t(Msg::ColSource)
            }>{move || locale.t(source_msg(key.with_value(|k| k.1)))}</td>
            <td data-label=move || {
                locale.t(Msg::ColPurchaser)
            }>
                {purchasers} <Show when=purchaser_left>
                    <span class="badge badge--due flag-left">
                        {move || locale.t(Msg::PurchaserLeft)}
                    </span>
                </Show>
            </td>
            <td class="num" data-label=move || locale.t(Msg::ColLicenses)>
                {get(|r| r.licenses)}
            </td>
            <td class="num" data-label=move || locale.t(Msg::ColAssigned)>
                {get(|r| r.assigned)}
            </td>
            <td class="num" data-label=move || locale.t(Msg::ColAvailable)>
                {get(|r| r.available)}
            </td>
            <td data-label=move || {
                locale.t(Msg::ColRenewal)
            }>{move || row.with(|r| r.as_ref().map(|r| locale.date(r.renewal)))}</td>
            <td class="num" data-label=move || locale.t(Msg::ColPrice)>
                {move || row.with(|r| r.as_ref().map(|r| locale.money(r.price)))}
            </td>
            <td data-label=move || {
                locale.t(Msg::ColStatus)
            }>{move || row.with(|r| r.as_ref().map(|r| locale.t(status_msg(r.status))))}</td>
        </tr>
        <Show when=is_open>
            <tr class="grid-subrows">
                <td colspan="9">
                    <p class="muted">{move || locale.t(Msg::Purchases)}</p>
                    <ul class="purchase-list">
                        {move || {
                            let ids = row.with(|r| r.as_ref().map(|r| r.subscriptions.clone()));
                            store
                                .state
                                .with(|s| {
                                    ids.iter()
                                        .flat_map(|ids| ids.iter())
                                        .take(shown.get())
                                        .filter_map(|id| s.subscription(id).cloned())
                                        .collect::<Vec<Subscription>>()
                                })
                                .into_iter()
                                .map(|sub| {
                                    let id = sub.id.clone();
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
                                    let check_id = id.clone();
                                    let box_id = format!("export-{}", sub.id);
                                    let label = format!(
                                        "{} {}",
                                        locale.t(Msg::SelectForExport),
                                        sub.id,
                                    );
                                    view! {
                                        <li>
                                            <input
                                                type="checkbox"
                                                id=box_id
                                                aria-label=label
                                                prop:checked={
                                                    let id = check_id.clone();
                                                    move || picked.with(|p| p.contains(&id))
                                                }
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    let id = check_id.clone();
                                                    picked
                                                        .update(|p| {
                                                            p.retain(|x| x != &id);
                                                            if on {
                                                                p.push(id);
                                                            }
                                                        });
                                                }
                                            />
                                            " "
                                            <button
                                                type="button"
                                                class="link-button"
                                                on:click=move |_| selected.set(Some(id.clone()))
                                            >
                                                {format!(
                                                    "{} · {} · {} ",
                                                    sub.id,
                                                    who,
                                                    sub.licenses.get(),
                                                )}
                                                {move || locale.t(status_msg(status))}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                    // The admin center exports the users of the subscriptions selected.
                    <button
                        type="button"
                        class="button"
                        id="export-selected"
                        disabled=move || picked.with(Vec::is_empty)
                        on:click=move |_| {
                            let ids = picked.get();
                            let csv = store.state.with(|s| users_csv(s, &ids));
                            download_as("users.csv", "text/csv", &csv);
                        }
                    >
                        {move || {
                            locale
                                .tf(
                                    Msg::ExportSelected,
                                    &[("n", &picked.with(Vec::len).to_string())],
                                )
                        }}
                    </button>
                    <Show when=move || { shown.get() < n() }>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| set_shown.update(|s| *s += FIRST_PURCHASES)
                        >
                            {move || {
                                locale
                                    .tf(
                                        Msg::ShowMore,
                                        &[
                                            ("n", &(n() - shown.get()).min(FIRST_PURCHASES).to_string()),
                                        ],
                                    )
                            }}
                        </button>
                    </Show>
                </td>
            </tr>
        </Show>
    }
}

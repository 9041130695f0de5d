//! `/admin/billing/products`: Billing > Your products for admins — every subscription of
//! the tenant, grouped per product and source, with take-over and centralizing.

use crate::components::download::download_as;
use crate::components::form_key::FormKey;
use crate::domain::catalog::PriceKind;
use crate::domain::commands::{Command, Submission};
use crate::domain::subscription::{OrderKind, Status, Subscription, SubscriptionId};
use crate::domain::views::{self, Column, MovePlan, ProductFilter, ProductRow, Sort, Source};
use crate::domain::{authz, may, Actor, Quantity, Subject};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use crate::store::session::Session;
use leptos::prelude::*;

/// The purchases shown at first when a row is expanded; more on request.
const FIRST_PURCHASES: usize = 50;

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
    }
}

fn status_msg(status: Status) -> Msg {
    match status {
        Status::Active => Msg::StatusActive,
        Status::Canceled => Msg::StatusCanceled,
        Status::Deleted => Msg::StatusDeleted,
        Status::Expired => Msg::StatusExpired,
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
    // Arrow keys move between rows; Enter or Space opens one.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        use wasm_bindgen::JsCast;
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        if target.tag_name() != "TR" {
            return;
        }
        let sibling = match ev.key().as_str() {
            "ArrowDown" => target.next_element_sibling(),
            "ArrowUp" => target.previous_element_sibling(),
            "Enter" | " " => {
                ev.prevent_default();
                target.click();
                return;
            }
            _ => return,
        };
        if let Some(el) = sibling.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            ev.prevent_default();
            let _ = el.focus();
        }
    };
    view! {
        <section class="panel" aria-labelledby="page-title">
            <h1 id="page-title">{move || locale.t(Msg::YourProductsTitle)}</h1>
            <Show when=move || !can_manage.get()>
                <p class="message-bar message-bar--info" role="note" id="read-only">
                    {move || locale.t(Msg::ReadOnlyRole)}
                </p>
            </Show>
            <div role="tablist" class="tabs" aria-label=move || locale.t(Msg::YourProductsTitle)>
                <button
                    type="button"
                    role="tab"
                    id="tab-products"
                    aria-selected=move || (!trials()).to_string()
                    on:click=move |_| set_filter.set(ProductFilter::CentralOnly)
                >
                    {move || locale.t(Msg::TabProducts)}
                </button>
                <button
                    type="button"
                    role="tab"
                    id="tab-trials"
                    aria-selected=move || trials().to_string()
                    on:click=move |_| set_filter.set(ProductFilter::Trials)
                >
                    {move || locale.t(Msg::TabTrials)}
                </button>
            </div>
            <div class="form form--inline toolbar">
                <Show when=move || !trials()>
                    <div class="field">
                        <label for="products-filter">{move || locale.t(Msg::FilterLabel)}</label>
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
                            <option value="central">{move || locale.t(Msg::FilterCentral)}</option>
                            <option value="include">{move || locale.t(Msg::FilterInclude)}</option>
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
                    {move || locale.tf(Msg::RowsCount, &[("n", &rows.with(Vec::len).to_string())])}
                </p>
            </div>
            <div class="table-scroll">
                <table class="grid grid--interactive" id="products-grid" on:keydown=on_key>
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
        </section>
        {move || {
            selected
                .get()
                .map(|id| view! { <SubscriptionDetail id can_manage=can_manage.get() selected /> })
        }}
    }
}

/// A grid row's identity: its product and where its subscriptions come from.
type RowKey = (crate::domain::ProductId, Source);

/// One row of the grid, keyed by product and source: its figures follow the state, and
/// its own state (how many purchases are shown) stays while they change.
#[component]
fn GridRow(
    key: RowKey,
    rows: Memo<Vec<ProductRow>>,
    open: Selector<Option<RowKey>>,
    expanded: RwSignal<Option<RowKey>>,
    selected: RwSignal<Option<SubscriptionId>>,
) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
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
        // A table row may not carry aria-expanded (only a treegrid's may): the state is in words.
        <tr tabindex="0" class="grid-row" data-open=move || is_open().to_string() on:click=toggle>
            <th scope="row">
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
            </th>
            <td>{move || locale.t(source_msg(key.with_value(|k| k.1)))}</td>
            <td>
                {purchasers} <Show when=purchaser_left>
                    <span class="badge badge--due flag-left">
                        {move || locale.t(Msg::PurchaserLeft)}
                    </span>
                </Show>
            </td>
            <td class="num">{get(|r| r.licenses)}</td>
            <td class="num">{get(|r| r.assigned)}</td>
            <td class="num">{get(|r| r.available)}</td>
            <td>{move || row.with(|r| r.as_ref().map(|r| locale.date(r.renewal)))}</td>
            <td class="num">{move || row.with(|r| r.as_ref().map(|r| locale.money(r.price)))}</td>
            <td>{move || row.with(|r| r.as_ref().map(|r| locale.t(status_msg(r.status))))}</td>
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
                                    view! {
                                        <li>
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

fn actor() -> Option<Actor> {
    Session::get().actor_untracked()
}

/// One subscription: purchaser, history, users, bills, and what an admin may do with it.
#[component]
fn SubscriptionDetail(
    id: SubscriptionId,
    can_manage: bool,
    selected: RwSignal<Option<SubscriptionId>>,
) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let sid = id.clone();
    let sub = Memo::new(move |_| store.state.with(|s| s.subscription(&sid).cloned()));
    let name = move || {
        sub.with(|s| {
            s.as_ref()
                .and_then(|s| store.catalog().product(&s.product).map(|p| p.name.clone()))
                .unwrap_or_default()
        })
    };
    let purchaser = move || {
        sub.with(|s| s.as_ref().and_then(|x| x.purchaser.clone()))
            .and_then(|p| {
                store
                    .state
                    .with(|s| s.directory.user(&p).map(|u| u.display_name.clone()))
            })
    };
    let users = move || {
        sub.with(|x| x.as_ref().map(|x| x.assigned.clone()).unwrap_or_default())
            .into_iter()
            .map(|u| {
                store.state.with(|s| {
                    s.directory
                        .user(&u)
                        .map_or(u.0.clone(), |u| format!("{} <{}>", u.display_name, u.email))
                })
            })
            .collect::<Vec<_>>()
    };
    let bills = move || {
        sub.with(|x| x.as_ref().map(|x| x.id.clone()))
            .map(|i| {
                store.state.with(|s| {
                    s.bills
                        .iter()
                        .filter(|b| b.subscription == i)
                        .cloned()
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    };
    let export_id = id.clone();
    let export = move |_| {
        let csv = store
            .state
            .with(|s| views::users_csv(s, std::slice::from_ref(&export_id)));
        download_as(&format!("{}-users.csv", export_id), "text/csv", &csv);
    };
    let self_service = move || sub.with(|s| s.as_ref().is_some_and(|s| s.is_self_service()));
    let active = move || sub.with(|s| s.as_ref().is_some_and(Subscription::is_active));
    let detail_id = StoredValue::new(id.clone());
    view! {
        <section class="panel detail" aria-labelledby="detail-title" id="subscription-detail">
            <div class="step-heading">
                <h2 id="detail-title" tabindex="-1">
                    {move || {
                        locale
                            .tf(
                                Msg::DetailTitle,
                                &[("product", &name()), ("id", &detail_id.get_value().0)],
                            )
                    }}
                </h2>
                <button type="button" class="button" on:click=move |_| selected.set(None)>
                    {move || locale.t(Msg::Dismiss)}
                </button>
            </div>
            <dl class="facts">
                <dt>{move || locale.t(Msg::ColPurchaser)}</dt>
                <dd id="detail-purchaser">{purchaser}</dd>
                <dt>{move || locale.t(Msg::ColStatus)}</dt>
                <dd id="detail-status">
                    {move || sub.with(|s| s.as_ref().map(|s| locale.t(status_msg(s.status))))}
                </dd>
                <dt>{move || locale.t(Msg::ColLicenses)}</dt>
                <dd>
                    {move || {
                        sub.with(|s| {
                            s.as_ref()
                                .map(|s| {
                                    format!("{} / {}", s.assigned_count(), s.licenses.get())
                                })
                        })
                    }}
                </dd>
                <dt>{move || locale.t(Msg::ColPrice)}</dt>
                <dd>
                    {move || {
                        sub.get()
                            .map(|s| {
                                let country = store
                                    .state
                                    .with(|st| {
                                        st.directory.tenant(&s.tenant).map(|t| t.market.country)
                                    });
                                let central = country
                                    .and_then(|c| {
                                        store
                                            .catalog()
                                            .unit_price(&s.product, c, PriceKind::Central)
                                    });
                                match central {
                                    Some(c) if s.is_self_service() => {
                                        locale
                                            .tf(
                                                Msg::CentralPriceCompare,
                                                &[
                                                    ("ss", &locale.money(s.unit_price)),
                                                    ("central", &locale.money(c)),
                                                ],
                                            )
                                    }
                                    _ => locale.money(s.unit_price),
                                }
                            })
                    }}
                </dd>
            </dl>
            <Show when=move || self_service() && active()>
                <p class="message-bar message-bar--info" role="note">
                    {move || locale.t(Msg::AdminCannotAssign)}
                </p>
            </Show>
            <h3>{move || locale.t(Msg::OrderHistory)}</h3>
            <ul class="history">
                {move || {
                    sub.get()
                        .map(|s| {
                            s.history
                                .iter()
                                .map(|h| {
                                    let kind = order_msg(h.kind);
                                    let at = h.at.date_naive();
                                    let amount = h.amount;
                                    let licenses = h.licenses;
                                    view! {
                                        <li>
                                            {move || locale.date(at)}" · "{move || locale.t(kind)}
                                            " · "{licenses}
                                            {move || amount.map(|a| format!(" · {}", locale.money(a)))}
                                        </li>
                                    }
                                })
                                .collect_view()
                        })
                }}
            </ul>
            <h3>{move || locale.t(Msg::AssignedUsers)}</h3>
            <p class="muted">
                {move || purchaser().map(|p| locale.tf(Msg::AssignedBy, &[("name", &p)]))}
            </p>
            <ul id="detail-users">
                {move || users().into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}
            </ul>
            <button type="button" class="button" id="export-users" on:click=export>
                {move || locale.t(Msg::ExportUsers)}
            </button>
            <h3>{move || locale.t(Msg::BillsTitle)}</h3>
            <ul>
                {move || {
                    bills()
                        .into_iter()
                        .map(|b| {
                            let (start, amount, paid) = (
                                b.period_start,
                                b.amount,
                                b.status == crate::domain::subscription::BillStatus::Paid,
                            );
                            view! {
                                <li>
                                    {move || locale.date(start)}" · "{move || locale.money(amount)}
                                    " · "
                                    {move || {
                                        locale.t(if paid { Msg::BillPaid } else { Msg::BillDue })
                                    }}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <Show when=move || can_manage && self_service()>
                <TakeOver id=detail_id.get_value() />
            </Show>
        </section>
    }
}

/// Move users, cancel, or centralize a purchaser's subscription.
#[component]
fn TakeOver(id: SubscriptionId) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let sid = StoredValue::new(id);
    let sub = Memo::new(move |_| {
        store
            .state
            .with(|s| s.subscription(&sid.get_value()).cloned())
    });
    // The targets and what a move takes come from the domain, which decides the move with
    // the same functions.
    let centrals = Memo::new(move |_| {
        let Some(s) = sub.get() else {
            return Vec::new();
        };
        store.state.with(|st| {
            views::move_targets(st, &s)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let (target, set_target) = signal(None::<SubscriptionId>);
    let chosen = Memo::new(move |_| {
        target
            .get()
            .or_else(|| centrals.with(|c| c.first().map(|c| c.id.clone())))
    });
    let plan = Memo::new(move |_| {
        let (Some(s), Some(t)) = (sub.get(), chosen.get()) else {
            return None;
        };
        store.state.with(|st| {
            st.subscription(&t)
                .map(|target| views::move_plan(&s, target))
        })
    });
    let central_price = move || {
        let s = sub.get()?;
        let country = store
            .state
            .with(|st| st.directory.tenant(&s.tenant).map(|t| t.market.country))?;
        store
            .catalog()
            .unit_price(&s.product, country, PriceKind::Central)
    };
    // One key for the panel's next submission; a success makes a new one.
    let form = FormKey::new();
    let run = Action::new_local(move |submission: &Submission| {
        let submission = submission.clone();
        async move {
            let actor = actor().ok_or(DispatchError::NotSignedIn)?;
            store.dispatch(actor, submission).await?;
            form.renew();
            Ok(())
        }
    });
    let (done, set_done) = signal(None::<Msg>);
    let dispatch = move |command: Command, msg: Msg| {
        set_done.set(Some(msg));
        run.dispatch(form.submit(command));
    };
    let (reason, set_reason) = signal(String::new());
    let (confirm_cancel, set_confirm_cancel) = signal(false);
    let outcome = move || match run.value().get() {
        _ if run.pending().get() => None,
        Some(Ok(())) => done.get().map(|m| locale.t(m).to_owned()),
        Some(Err(e)) => Some(locale.explain(&e)),
        None => None,
    };
    let purchaser = move || {
        sub.get()
            .and_then(|s| s.purchaser)
            .and_then(|p| {
                store
                    .state
                    .with(|st| st.directory.user(&p).map(|u| u.display_name.clone()))
            })
            .unwrap_or_default()
    };
    view! {
        <div class="take-over">
            <h3>{move || locale.t(Msg::TakeOverHeading)}</h3>
            <p id="take-over-outcome" role="status">
                {outcome}
            </p>
            <Show when=move || sub.with(|s| s.as_ref().is_some_and(Subscription::is_active))>
                <h4>{move || locale.t(Msg::MoveUsers)}</h4>
                <Show
                    when=move || !centrals.with(Vec::is_empty)
                    fallback=move || {
                        view! { <p class="muted">{move || locale.t(Msg::MoveNoTarget)}</p> }
                    }
                >
                    <div class="field">
                        <label for="move-target">{move || locale.t(Msg::MoveTarget)}</label>
                        <select
                            id="move-target"
                            on:change=move |ev| {
                                set_target.set(Some(SubscriptionId(event_target_value(&ev))))
                            }
                        >
                            {move || {
                                centrals
                                    .get()
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <option value=c
                                                .id
                                                .0
                                                .clone()>
                                                {format!(
                                                    "{} · {} / {}",
                                                    c.id,
                                                    c.assigned_count(),
                                                    c.licenses.get(),
                                                )}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                    {move || {
                        plan.get()
                            .and_then(|plan| match plan {
                                MovePlan::Unsuitable => None,
                                MovePlan::Shortfall { needed: need, available: free } => {
                                    let missing = need - free;
                                    let price = central_price()
                                        .map(|p| locale.money(p))
                                        .unwrap_or_default();
                                    let into = chosen.get();
                                    let product = sub.get().map(|s| s.product);
                                    view! {
                                        <p class="field-error" id="shortfall">
                                            {locale
                                                .tf(
                                                    Msg::Shortfall,
                                                    &[
                                                        ("needed", &need.to_string()),
                                                        ("available", &free.to_string()),
                                                        ("missing", &missing.to_string()),
                                                        ("price", &price),
                                                    ],
                                                )}
                                        </p>
                                        <button
                                            type="button"
                                            class="button"
                                            id="buy-missing"
                                            on:click=move |_| {
                                                if let (Some(product), Ok(licenses)) = (
                                                    product.clone(),
                                                    Quantity::try_from(missing),
                                                ) {
                                                    dispatch(
                                                        Command::BuyCentral {
                                                            product,
                                                            licenses,
                                                            into: into.clone(),
                                                            assign: vec![],
                                                        },
                                                        Msg::Saved,
                                                    );
                                                }
                                            }
                                        >
                                            {locale.tf(Msg::BuyMissing, &[("n", &missing.to_string())])}
                                        </button>
                                    }
                                        .into_any()
                                        .into()
                                }
                                MovePlan::Fits { moving: need } => {
                                    view! {
                                        <button
                                            type="button"
                                            class="button button--primary"
                                            id="move-users"
                                            on:click=move |_| {
                                                if let Some(to) = chosen.get_untracked() {
                                                    dispatch(
                                                        Command::TakeOverMoveUsers {
                                                            subscription: sid.get_value(),
                                                            to,
                                                        },
                                                        Msg::Moved,
                                                    );
                                                }
                                            }
                                        >
                                            {locale.tf(Msg::MoveButton, &[("n", &need.to_string())])}
                                        </button>
                                    }
                                        .into_any()
                                        .into()
                                }
                            })
                    }}
                </Show>
                <h4>{move || locale.t(Msg::CentralizeHeading)}</h4>
                <p>
                    {move || {
                        let n = sub.get().map_or(0, |s| s.assigned_count());
                        locale
                            .tf(
                                Msg::CentralizeBody,
                                &[
                                    ("n", &n.to_string()),
                                    (
                                        "price",
                                        &central_price()
                                            .map(|p| locale.money(p))
                                            .unwrap_or_default(),
                                    ),
                                    ("purchaser", &purchaser()),
                                ],
                            )
                    }}
                </p>
                <button
                    type="button"
                    class="button"
                    id="centralize"
                    disabled=move || sub.get().is_none_or(|s| s.assigned.is_empty())
                    on:click=move |_| {
                        dispatch(
                            Command::Centralize {
                                subscription: sid.get_value(),
                            },
                            Msg::Centralized,
                        )
                    }
                >
                    {move || locale.t(Msg::CentralizeButton)}
                </button>
                <h4>{move || locale.t(Msg::AdminCancel)}</h4>
                <div class="field">
                    <label for="admin-cancel-reason">{move || locale.t(Msg::CancelReason)}</label>
                    <input
                        id="admin-cancel-reason"
                        type="text"
                        prop:value=reason
                        on:input=move |ev| set_reason.set(event_target_value(&ev))
                    />
                </div>
                <Show
                    when=move || !confirm_cancel.get()
                    fallback=move || {
                        view! {
                            <div
                                class="message-bar message-bar--warning"
                                role="alertdialog"
                                aria-labelledby="admin-cancel-text"
                            >
                                <p id="admin-cancel-text">
                                    {move || {
                                        locale
                                            .tf(
                                                Msg::AdminCancelConfirm,
                                                &[
                                                    (
                                                        "n",
                                                        &sub.get().map_or(0, |s| s.assigned_count()).to_string(),
                                                    ),
                                                    ("purchaser", &purchaser()),
                                                ],
                                            )
                                    }}
                                </p>
                                <div class="actions">
                                    <button
                                        type="button"
                                        class="button button--danger"
                                        id="admin-cancel-confirm"
                                        on:click=move |_| {
                                            set_confirm_cancel.set(false);
                                            dispatch(
                                                Command::TakeOverCancel {
                                                    subscription: sid.get_value(),
                                                    reason: reason.get_untracked(),
                                                },
                                                Msg::AdminCanceled,
                                            );
                                        }
                                    >
                                        {move || locale.t(Msg::Confirm)}
                                    </button>
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=move |_| set_confirm_cancel.set(false)
                                    >
                                        {move || locale.t(Msg::Cancel)}
                                    </button>
                                </div>
                            </div>
                        }
                    }
                >
                    <button
                        type="button"
                        class="button"
                        id="admin-cancel"
                        disabled=move || reason.get().trim().is_empty()
                        on:click=move |_| set_confirm_cancel.set(true)
                    >
                        {move || locale.t(Msg::AdminCancel)}
                    </button>
                </Show>
            </Show>
        </div>
    }
}

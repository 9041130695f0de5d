//! What an admin may do with a purchaser's subscription: move its users, cancel it, or centralize it.

use super::actor;
use crate::components::form_key::FormKey;
use crate::domain::catalog::PriceKind;
use crate::domain::commands::{Command, Submission};
use crate::domain::subscription::{Subscription, SubscriptionId};
use crate::domain::views::{self, MovePlan};
use crate::domain::Quantity;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use leptos::prelude::*;

/// Move users, cancel, or centralize a purchaser's subscription.
#[component]
pub(super) fn TakeOver(id: SubscriptionId) -> impl IntoView {
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
    // The target's product: a shortfall is bought as more of what it is.
    let target_product = move || {
        let t = chosen.get()?;
        store
            .state
            .with(|st| st.subscription(&t).map(|x| x.product.clone()))
    };
    let central_price = move || {
        let s = sub.get()?;
        let country = store
            .state
            .with(|st| st.directory.tenant(&s.tenant).map(|t| t.market.country))?;
        store
            .catalog()
            .unit_price(&target_product()?, country, PriceKind::Central)
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
                                        let name = store
                                            .catalog()
                                            .product(&c.product)
                                            .map_or_else(|| c.product.to_string(), |p| p.name.clone());
                                        view! {
                                            <option value=c
                                                .id
                                                .0
                                                .clone()>
                                                {format!(
                                                    "{name} · {} · {} / {}",
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
                            .map(|plan| match plan {
                                MovePlan::Unsuitable => ().into_any(),
                                MovePlan::Shortfall { needed: need, available: free } => {
                                    let missing = need - free;
                                    let price = central_price()
                                        .map(|p| locale.money(p))
                                        .unwrap_or_default();
                                    let into = chosen.get();
                                    let product = target_product();
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
                    // From a list, as the admin center asks; recorded in English for the log.
                    <select
                        id="admin-cancel-reason"
                        required
                        on:change=move |ev| set_reason.set(event_target_value(&ev))
                    >
                        <option value="">"—"</option>
                        {[
                            Msg::AdminReasonCentral,
                            Msg::AdminReasonSecurity,
                            Msg::AdminReasonUnapproved,
                            Msg::CancelReasonOther,
                        ]
                            .into_iter()
                            .map(|m| {
                                view! { <option value=m.key()>{move || locale.t(m)}</option> }
                            })
                            .collect_view()}
                    </select>
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

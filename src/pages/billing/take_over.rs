//! What an admin may do with a purchaser's subscription: move its users, cancel it, or centralize it.

use crate::components::command::{use_command, CommandForm, Outcome};
use crate::components::confirm::ConfirmBar;
use crate::components::field::CancelReason;
use crate::domain::catalog::PriceKind;
use crate::domain::commands::Command;
use crate::domain::subscription::{Subscription, SubscriptionId};
use crate::domain::views::{self, MovePlan};
use crate::domain::{Money, ProductId, Quantity};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use leptos::prelude::*;

/// What the take-over's three actions share: the subscription, the central subscriptions
/// its users may move to (the domain's list, and which one is chosen), and the one command
/// form whose outcome line they share.
#[derive(Clone, Copy)]
struct TakeOverPanel {
    store: Store,
    sid: StoredValue<SubscriptionId>,
    sub: Memo<Option<Subscription>>,
    centrals: Memo<Vec<Subscription>>,
    target: RwSignal<Option<SubscriptionId>>,
    command: CommandForm,
    /// What the outcome line says after a success: the action's own words.
    done: RwSignal<Option<Msg>>,
}

impl TakeOverPanel {
    fn new(id: SubscriptionId) -> Self {
        let store = Store::get();
        let sid = StoredValue::new(id);
        let sub = Memo::new(move |_| {
            store
                .state
                .with(|s| s.subscription(&sid.get_value()).cloned())
        });
        // The targets and what a move takes come from the domain, which decides the move
        // with the same functions.
        let centrals = Memo::new(move |_| {
            sub.with(|s| match s {
                Some(s) => store.state.with(|st| {
                    views::move_targets(st, s)
                        .into_iter()
                        .cloned()
                        .collect::<Vec<_>>()
                }),
                None => Vec::new(),
            })
        });
        TakeOverPanel {
            store,
            sid,
            sub,
            centrals,
            target: RwSignal::new(None),
            command: use_command(),
            done: RwSignal::new(None),
        }
    }

    fn send(self, command: Command, done: Msg) {
        self.done.set(Some(done));
        self.command.send(command);
    }

    /// The chosen target, or the first the domain offers.
    fn chosen(self) -> Option<SubscriptionId> {
        self.target
            .get()
            .or_else(|| self.centrals.with(|c| c.first().map(|c| c.id.clone())))
    }

    /// The chosen target's product: a shortfall is bought as more of what it is.
    fn target_product(self) -> Option<ProductId> {
        let t = self.chosen()?;
        self.store
            .state
            .with(|st| st.subscription(&t).map(|x| x.product.clone()))
    }

    /// The central price of the target's product in the organization's market.
    fn central_price(self) -> Option<Money> {
        let s = self.sub.get()?;
        let country = self
            .store
            .state
            .with(|st| st.directory.tenant(&s.tenant).map(|t| t.market.country))?;
        self.store
            .catalog()
            .unit_price(&self.target_product()?, country, PriceKind::Central)
    }

    fn purchaser(self) -> String {
        self.sub
            .get()
            .and_then(|s| s.purchaser)
            .and_then(|p| {
                self.store
                    .state
                    .with(|st| st.directory.user(&p).map(|u| u.display_name.clone()))
            })
            .unwrap_or_default()
    }

    fn assigned(self) -> u32 {
        self.sub.get().map_or(0, |s| s.assigned_count())
    }
}

/// Move users, cancel, or centralize a purchaser's subscription.
#[component]
pub(super) fn TakeOver(id: SubscriptionId) -> impl IntoView {
    let locale = Locale::get();
    let t = TakeOverPanel::new(id);
    let ended = t.command.outcome(move |_| {
        t.done
            .get_untracked()
            .map(|m| locale.t(m).to_owned())
            .unwrap_or_default()
    });
    view! {
        <div class="take-over">
            <h3>{locale.text(Msg::TakeOverHeading)}</h3>
            <p class="muted" id="take-over-refund">
                {locale.text(Msg::TakeOverRefund)}
            </p>
            <Outcome id="take-over-outcome" ended />
            <Show when=move || t.sub.with(|s| s.as_ref().is_some_and(Subscription::is_active))>
                <h4>{locale.text(Msg::MoveUsers)}</h4>
                <Show
                    when=move || !t.centrals.with(Vec::is_empty)
                    fallback=move || {
                        view! { <p class="muted">{locale.text(Msg::MoveNoTarget)}</p> }
                    }
                >
                    <MoveTarget t />
                    <MoveOrBuy t />
                </Show>
                <Centralize t />
                <AdminCancel t />
            </Show>
        </div>
    }
}

/// The central subscription the users move to, named with its room.
#[component]
fn MoveTarget(t: TakeOverPanel) -> impl IntoView {
    let locale = Locale::get();
    let option = move |c: Subscription| {
        let name = t
            .store
            .catalog()
            .product(&c.product)
            .map_or_else(|| c.product.to_string(), |p| p.name.clone());
        let words = format!(
            "{name} · {} · {} / {}",
            c.id,
            c.assigned_count(),
            c.licenses.get()
        );
        view! { <option value=c.id.0>{words}</option> }
    };
    view! {
        <div class="field">
            <label for="move-target">{locale.text(Msg::MoveTarget)}</label>
            <select
                id="move-target"
                on:change=move |ev| t.target.set(Some(SubscriptionId(event_target_value(&ev))))
            >
                {move || t.centrals.get().into_iter().map(option).collect_view()}
            </select>
        </div>
    }
}

/// The move the domain plans: the users fit and move, or the shortfall is bought first.
#[component]
fn MoveOrBuy(t: TakeOverPanel) -> impl IntoView {
    let locale = Locale::get();
    let plan = Memo::new(move |_| {
        let (Some(s), Some(to)) = (t.sub.get(), t.chosen()) else {
            return None;
        };
        t.store.state.with(|st| {
            st.subscription(&to)
                .map(|target| views::move_plan(&s, target))
        })
    });
    let buy_missing = move |missing: u32| {
        if let (Some(product), Ok(licenses)) = (t.target_product(), Quantity::try_from(missing)) {
            let into = t.chosen();
            t.send(
                Command::BuyCentral {
                    product,
                    licenses,
                    into,
                    assign: vec![],
                },
                Msg::Saved,
            );
        }
    };
    let move_users = move || {
        if let Some(to) = t.chosen() {
            let subscription = t.sid.get_value();
            t.send(Command::TakeOverMoveUsers { subscription, to }, Msg::Moved);
        }
    };
    move || {
        plan.get().map(|plan| match plan {
            MovePlan::Unsuitable => ().into_any(),
            MovePlan::Shortfall { needed, available } => {
                let missing = needed - available;
                let price = t
                    .central_price()
                    .map(|p| locale.money(p))
                    .unwrap_or_default();
                let shortfall = locale.tf(
                    Msg::Shortfall,
                    &[
                        ("needed", &needed.to_string()),
                        ("available", &available.to_string()),
                        ("missing", &missing.to_string()),
                        ("price", &price),
                    ],
                );
                view! {
                    <p class="field-error" id="shortfall">
                        {shortfall}
                    </p>
                    <button
                        type="button"
                        class="button"
                        id="buy-missing"
                        on:click=move |_| buy_missing(missing)
                    >
                        {locale.tn(Msg::BuyMissing, ("n", missing), &[])}
                    </button>
                }
                .into_any()
            }
            MovePlan::Fits { moving } => view! {
                <button
                    type="button"
                    class="button button--primary"
                    id="move-users"
                    on:click=move |_| move_users()
                >
                    {locale.tn(Msg::MoveButton, ("n", moving), &[])}
                </button>
            }
            .into_any(),
        })
    }
}

/// Central licenses for the same people, and a request to the purchaser to cancel.
#[component]
fn Centralize(t: TakeOverPanel) -> impl IntoView {
    let locale = Locale::get();
    let body = move || {
        let price = t
            .central_price()
            .map(|p| locale.money(p))
            .unwrap_or_default();
        locale.tn(
            Msg::CentralizeBody,
            ("n", t.assigned()),
            &[("price", &price), ("purchaser", &t.purchaser())],
        )
    };
    view! {
        <h4>{locale.text(Msg::CentralizeHeading)}</h4>
        <p>{body}</p>
        <button
            type="button"
            class="button"
            id="centralize"
            disabled=move || t.sub.get().is_none_or(|s| s.assigned.is_empty())
            on:click=move |_| {
                let subscription = t.sid.get_value();
                t.send(
                    Command::Centralize {
                        subscription,
                    },
                    Msg::Centralized,
                )
            }
        >
            {locale.text(Msg::CentralizeButton)}
        </button>
    }
}

/// Cancel the purchase, for a reason from the admin center's list (recorded as its key,
/// for the log), after the question of what it does.
#[component]
fn AdminCancel(t: TakeOverPanel) -> impl IntoView {
    let locale = Locale::get();
    let reason = RwSignal::new(String::new());
    let asking = RwSignal::new(false);
    let question = move || {
        locale.tn(
            Msg::AdminCancelConfirm,
            ("n", t.assigned()),
            &[("purchaser", &t.purchaser())],
        )
    };
    let confirm = move |()| {
        asking.set(false);
        let (subscription, reason) = (t.sid.get_value(), reason.get_untracked());
        t.send(
            Command::TakeOverCancel {
                subscription,
                reason,
            },
            Msg::AdminCanceled,
        );
    };
    view! {
        <h4>{locale.text(Msg::AdminCancel)}</h4>
        <CancelReason id="admin-cancel-reason" reason admin=true />
        <Show
            when=move || asking.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="button"
                        id="admin-cancel"
                        disabled=move || reason.get().trim().is_empty()
                        on:click=move |_| asking.set(true)
                    >
                        {locale.text(Msg::AdminCancel)}
                    </button>
                }
            }
        >
            <ConfirmBar
                id="admin-cancel"
                text=question
                on_confirm=Callback::new(confirm)
                on_cancel=Callback::new(move |()| asking.set(false))
            />
        </Show>
    }
}

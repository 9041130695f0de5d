//! `/demo`: the demo controls — reset, export and import, the demo clock, load seeding.

use crate::components::confirm::ConfirmBar;
use crate::components::count_field::CountField;
use crate::components::download::download;
use crate::components::page_title::PageTitle;
use crate::domain::subscription::parse_count;
use crate::domain::TenantId;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::{ClockStep, Store};
use crate::store::error::DispatchError;
use leptos::prelude::*;

/// The most generated subscriptions added at once.
const MAX_SEEDED: u32 = 50_000;

/// The outcome of the last control used, shown under the controls. Kept as what happened,
/// not as text, so a change of language reaches it.
#[derive(Clone, PartialEq)]
enum Outcome {
    ClockMoved { events: usize },
    Reset,
    Imported,
    Seeded { n: usize },
    ImportRefused(DispatchError),
    Failed(DispatchError),
}

impl Outcome {
    fn is_error(&self) -> bool {
        matches!(self, Outcome::ImportRefused(_) | Outcome::Failed(_))
    }

    fn text(&self, locale: Locale) -> String {
        match self {
            Outcome::ClockMoved { events } => {
                locale.tf(Msg::DemoClockMoved, &[("events", &events.to_string())])
            }
            Outcome::Reset => locale.t(Msg::DemoResetDone).to_owned(),
            Outcome::Imported => locale.t(Msg::DemoImportDone).to_owned(),
            Outcome::Seeded { n } => locale.tn(Msg::DemoSeeded, ("n", *n), &[]),
            Outcome::ImportRefused(e) => locale.tf(
                Msg::DemoImportRefused,
                &[("reason", &locale.reason(&e.explanation()))],
            ),
            Outcome::Failed(e) => locale.explain(e),
        }
    }
}

/// The demo controls' state: the outcome of the last control used, and the commands, so
/// every control is off while one runs.
#[derive(Clone, Copy)]
struct Controls {
    store: Store,
    outcome: RwSignal<Option<Outcome>>,
    advance: Action<ClockStep, ()>,
    reset: Action<(), ()>,
    import: Action<web_sys::File, ()>,
    seed: Action<(TenantId, usize), ()>,
    asking_reset: RwSignal<bool>,
}

impl Controls {
    fn new() -> Self {
        let store = Store::get();
        let outcome = RwSignal::new(None::<Outcome>);
        let asking_reset = RwSignal::new(false);
        let report = move |r: Result<Outcome, DispatchError>| {
            outcome.set(Some(r.unwrap_or_else(Outcome::Failed)))
        };
        let advance = Action::new_local(move |step: &ClockStep| {
            let step = *step;
            async move {
                let moved = store.advance_clock(step).await;
                report(moved.map(|events| Outcome::ClockMoved {
                    events: events.len(),
                }));
            }
        });
        let reset = Action::new_local(move |_: &()| async move {
            let result = store.reset().await;
            asking_reset.set(false);
            report(result.map(|()| Outcome::Reset));
        });
        let import = Action::new_local(move |file: &web_sys::File| {
            let file = file.clone();
            async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                outcome.set(Some(match store.import(&text).await {
                    Ok(()) => Outcome::Imported,
                    Err(e) => Outcome::ImportRefused(e),
                }));
            }
        });
        let seed = Action::new_local(move |(tenant, n): &(TenantId, usize)| {
            let (tenant, n) = (tenant.clone(), *n);
            async move {
                let result = store.seed_extra(tenant, n).await;
                report(result.map(|()| Outcome::Seeded { n }));
            }
        });
        Controls {
            store,
            outcome,
            advance,
            reset,
            import,
            seed,
            asking_reset,
        }
    }

    fn busy(self) -> bool {
        self.advance.pending().get()
            || self.reset.pending().get()
            || self.import.pending().get()
            || self.seed.pending().get()
    }
}

#[component]
pub fn DemoPage() -> impl IntoView {
    let locale = Locale::get();
    let c = Controls::new();
    let outcome = c.outcome;
    view! {
        <section class="page demo" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::DemoTitle) />
            <p class="lead">{locale.text(Msg::DemoIntro)}</p>
            <DemoFacts />
            <h2>{locale.text(Msg::DemoClockHeading)}</h2>
            <div class="actions">
                <ClockButton c step=ClockStep::Day label=Msg::DemoAdvanceDay />
                <ClockButton c step=ClockStep::Month label=Msg::DemoAdvanceMonth />
            </div>
            <Upcoming />
            <h2>{locale.text(Msg::DemoDataHeading)}</h2>
            <DataControls c />
            <h2>{locale.text(Msg::DemoSeedHeading)}</h2>
            <SeedForm c />
            <p
                id="demo-outcome"
                role="status"
                class="outcome"
                class=(
                    "outcome--error",
                    move || outcome.with(|o| o.as_ref().is_some_and(Outcome::is_error)),
                )
            >
                {move || outcome.with(|o| o.as_ref().map(|o| o.text(locale)))}
            </p>
            <DemoAccounts />
        </section>
    }
}

/// The demo's date, how much is stored, and how long the last save took.
#[component]
fn DemoFacts() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let last_save = move || {
        store
            .last_save_ms
            .get()
            .map_or_else(|| "—".to_owned(), |ms| format!("{ms:.1} ms"))
    };
    view! {
        <dl class="facts">
            <dt>{locale.text(Msg::DemoClockLabel)}</dt>
            <dd id="demo-clock">{move || store.clock.get().date_naive().to_string()}</dd>
            <dt>{locale.text(Msg::DemoSubscriptionsLabel)}</dt>
            <dd id="demo-subscription-count">
                {move || store.state.with(|s| s.subscriptions.len())}
            </dd>
            <dt>{locale.text(Msg::DemoLastSaveLabel)}</dt>
            <dd id="demo-last-save">{last_save}</dd>
        </dl>
    }
}

#[component]
fn ClockButton(c: Controls, step: ClockStep, label: Msg) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <button
            type="button"
            class="button"
            disabled=move || c.busy()
            on:click=move |_| {
                c.advance.dispatch(step);
            }
        >
            {locale.text(label)}
        </button>
    }
}

/// Export, import, and reset (after the question).
#[component]
fn DataControls(c: Controls) -> impl IntoView {
    let locale = Locale::get();
    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            c.import.dispatch(file);
        }
        input.set_value("");
    };
    view! {
        <div class="actions">
            <button
                type="button"
                class="button"
                on:click=move |_| download("ssp-state.json", &c.store.export())
            >
                {locale.text(Msg::DemoExport)}
            </button>
            <label class="button file-button">
                {locale.text(Msg::DemoImport)}
                <input
                    id="demo-import"
                    type="file"
                    accept="application/json,.json"
                    class="visually-hidden"
                    on:change=on_file
                />
            </label>
            <Show
                when=move || c.asking_reset.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| c.asking_reset.set(true)
                        >
                            {locale.text(Msg::ResetDemo)}
                        </button>
                    }
                }
            >
                <ConfirmBar
                    id="demo-reset"
                    text=move || locale.t(Msg::DemoResetConfirm).to_owned()
                    confirm=Msg::ResetDemo
                    inline=true
                    busy=Signal::derive(move || c.busy())
                    on_confirm=Callback::new(move |()| {
                        c.reset.dispatch(());
                    })
                    on_cancel=Callback::new(move |()| c.asking_reset.set(false))
                />
            </Show>
        </div>
    }
}

/// Generated subscriptions for one organization, to try the admin pages at scale.
#[component]
fn SeedForm(c: Controls) -> impl IntoView {
    let locale = Locale::get();
    let count = RwSignal::new("10000".to_owned());
    let tenant = RwSignal::new("contoso".to_owned());
    let error = Signal::derive(move || count.with(|text| parse_count(text, MAX_SEEDED).err()));
    let tenants = move || {
        c.store.state.with(|s| {
            s.directory
                .tenants
                .iter()
                .map(|t| view! { <option value=t.id.0.clone()>{t.name.clone()}</option> })
                .collect_view()
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Ok(n) = parse_count(&count.get_untracked(), MAX_SEEDED) {
            c.seed
                .dispatch((TenantId(tenant.get_untracked()), n as usize));
        }
    };
    view! {
        <form class="form form--inline" on:submit=submit>
            <CountField
                id="seed-count"
                label=Msg::DemoSeedCount
                text=count
                error
                on_input=Callback::new(move |text| count.set(text))
            />
            <div class="field">
                <label for="seed-tenant">{locale.text(Msg::TenantLabel)}</label>
                <select
                    id="seed-tenant"
                    prop:value=tenant
                    on:change=move |ev| tenant.set(event_target_value(&ev))
                >
                    {tenants}
                </select>
            </div>
            <button
                type="submit"
                class="button button--primary"
                disabled=move || c.busy() || error.with(Option::is_some)
            >
                {locale.text(Msg::DemoSeedButton)}
            </button>
        </form>
    }
}

/// The demo's accounts to sign in with, and what each may do.
#[component]
fn DemoAccounts() -> impl IntoView {
    let locale = Locale::get();
    const ACCOUNTS: [(&str, Msg); 6] = [
        ("patti@contoso.com", Msg::RoleGlobalAdmin),
        ("nestor@contoso.com", Msg::RoleBillingAdmin),
        ("miriam@contoso.com", Msg::RoleGlobalReader),
        ("megan@contoso.com", Msg::DemoAccountPurchaser),
        ("adele@contoso.com", Msg::DemoAccountMember),
        ("ravi@relecloud.com", Msg::DemoAccountPartner),
    ];
    view! {
        <h2>{locale.text(Msg::DemoAccountsHeading)}</h2>
        <p>{locale.text(Msg::DemoAccountsIntro)}" "<code>"Demo-2026!"</code></p>
        <ul class="link-list">
            {ACCOUNTS
                .into_iter()
                .map(|(email, role)| {
                    view! {
                        <li>
                            <code>{email}</code>
                            " — "
                            {locale.text(role)}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// What the clock will do in the next 120 days, from the same function the clock runs.
#[component]
fn Upcoming() -> impl IntoView {
    use crate::domain::lifecycle::{upcoming_within, Upcoming as Next};
    let locale = Locale::get();
    let store = Store::get();
    let items = Memo::new(move |_| {
        let today = store.clock.get().date_naive();
        store.state.with(|s| upcoming_within(s, today, 120))
    });
    view! {
        <h2>{locale.text(Msg::UpcomingHeading)}</h2>
        <Show
            when=move || items.with(|i| !i.is_empty())
            fallback=move || view! { <p>{locale.text(Msg::UpcomingNone)}</p> }
        >
            <ul id="upcoming" class="history">
                {move || {
                    items
                        .get()
                        .into_iter()
                        .take(40)
                        .map(|(_, product, next)| {
                            let name = store
                                .catalog()
                                .product(&product)
                                .map_or_else(|| product.to_string(), |p| p.name.clone());
                            let text = move || {
                                let (msg, amount) = match next {
                                    Next::Renew { amount, .. } => (Msg::UpRenew, Some(amount)),
                                    Next::ConvertTrial { amount, .. } => {
                                        (Msg::UpConvert, Some(amount))
                                    }
                                    Next::Retry { amount, .. } => (Msg::UpRetry, Some(amount)),
                                    Next::RenewCentral { .. } => (Msg::UpRenewCentral, None),
                                    Next::Expire { .. } => (Msg::UpExpire, None),
                                    Next::Disable { .. } => (Msg::UpDisable, None),
                                    Next::Delete { .. } => (Msg::UpDelete, None),
                                };
                                let amount = amount.map(|a| locale.money(a)).unwrap_or_default();
                                locale
                                    .tf(
                                        msg,
                                        &[
                                            ("date", &locale.date(next.on())),
                                            ("product", &name),
                                            ("amount", &amount),
                                        ],
                                    )
                            };
                            view! { <li>{text}</li> }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

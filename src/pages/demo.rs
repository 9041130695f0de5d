//! `/demo`: the demo controls — reset, export and import, the demo clock, load seeding.

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
            Outcome::Seeded { n } => locale.tf(Msg::DemoSeeded, &[("n", &n.to_string())]),
            Outcome::ImportRefused(e) => locale.tf(
                Msg::DemoImportRefused,
                &[("reason", &locale.reason(&e.explanation()))],
            ),
            Outcome::Failed(e) => locale.explain(e),
        }
    }
}

#[component]
pub fn DemoPage() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let (outcome, set_outcome) = signal(None::<Outcome>);
    let report = move |r: Result<Outcome, DispatchError>| {
        set_outcome.set(Some(r.unwrap_or_else(Outcome::Failed)))
    };

    let advance = Action::new_local(move |step: &ClockStep| {
        let step = *step;
        async move {
            let result = store.advance_clock(step).await;
            report(result.map(|events| Outcome::ClockMoved {
                events: events.len(),
            }));
        }
    });
    let (confirm_reset, set_confirm_reset) = signal(false);
    let reset = Action::new_local(move |_: &()| async move {
        let result = store.reset().await;
        set_confirm_reset.set(false);
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
            let result = store.import(&text).await;
            set_outcome.set(Some(match result {
                Ok(()) => Outcome::Imported,
                Err(e) => Outcome::ImportRefused(e),
            }));
        }
    });
    let (seed_count, set_seed_count) = signal("10000".to_owned());
    let (seed_tenant, set_seed_tenant) = signal("contoso".to_owned());
    let seed = Action::new_local(move |(tenant, n): &(String, usize)| {
        let (tenant, n) = (TenantId(tenant.clone()), *n);
        async move {
            let result = store.seed_extra(tenant, n).await;
            report(result.map(|()| Outcome::Seeded { n }));
        }
    });
    let seed_error =
        Signal::derive(move || seed_count.with(|text| parse_count(text, MAX_SEEDED).err()));
    let busy = move || {
        advance.pending().get()
            || reset.pending().get()
            || import.pending().get()
            || seed.pending().get()
    };
    let tenants = move || {
        store.state.with(|s| {
            s.directory
                .tenants
                .iter()
                .map(|t| (t.id.0.clone(), t.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let count = move || store.state.with(|s| s.subscriptions.len());
    let today = move || store.clock.get().date_naive().to_string();

    view! {
        <section class="page demo" aria-labelledby="page-title">
            <PageTitle text=move || locale.t(Msg::DemoTitle).to_owned() />
            <p class="lead">{move || locale.t(Msg::DemoIntro)}</p>
            <dl class="facts">
                <dt>{move || locale.t(Msg::DemoClockLabel)}</dt>
                <dd id="demo-clock">{today}</dd>
                <dt>{move || locale.t(Msg::DemoSubscriptionsLabel)}</dt>
                <dd id="demo-subscription-count">{count}</dd>
                <dt>{move || locale.t(Msg::DemoLastSaveLabel)}</dt>
                <dd id="demo-last-save">
                    {move || {
                        store
                            .last_save_ms
                            .get()
                            .map_or_else(|| "—".to_owned(), |ms| format!("{ms:.1} ms"))
                    }}
                </dd>
            </dl>

            <h2>{move || locale.t(Msg::DemoClockHeading)}</h2>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    disabled=busy
                    on:click=move |_| {
                        advance.dispatch(ClockStep::Day);
                    }
                >
                    {move || locale.t(Msg::DemoAdvanceDay)}
                </button>
                <button
                    type="button"
                    class="button"
                    disabled=busy
                    on:click=move |_| {
                        advance.dispatch(ClockStep::Month);
                    }
                >
                    {move || locale.t(Msg::DemoAdvanceMonth)}
                </button>
            </div>

            <Upcoming />

            <h2>{move || locale.t(Msg::DemoDataHeading)}</h2>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    on:click=move |_| download("ssp-state.json", &store.export())
                >
                    {move || locale.t(Msg::DemoExport)}
                </button>
                <label class="button file-button">
                    {move || locale.t(Msg::DemoImport)}
                    <input
                        id="demo-import"
                        type="file"
                        accept="application/json,.json"
                        class="visually-hidden"
                        on:change=move |ev| {
                            let input = event_target::<web_sys::HtmlInputElement>(&ev);
                            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                                import.dispatch(file);
                            }
                            input.set_value("");
                        }
                    />
                </label>
                <Show
                    when=move || confirm_reset.get()
                    fallback=move || {
                        view! {
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| set_confirm_reset.set(true)
                            >
                                {move || locale.t(Msg::ResetDemo)}
                            </button>
                        }
                    }
                >
                    <span class="confirm" role="group" aria-label=move || locale.t(Msg::ResetDemo)>
                        {move || locale.t(Msg::DemoResetConfirm)}
                        " "
                        <button
                            type="button"
                            class="button button--danger"
                            disabled=busy
                            on:click=move |_| {
                                reset.dispatch(());
                            }
                        >
                            {move || locale.t(Msg::ResetDemo)}
                        </button>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| set_confirm_reset.set(false)
                        >
                            {move || locale.t(Msg::Cancel)}
                        </button>
                    </span>
                </Show>
            </div>

            <h2>{move || locale.t(Msg::DemoSeedHeading)}</h2>
            <form
                class="form form--inline"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if let Ok(n) = parse_count(&seed_count.get_untracked(), MAX_SEEDED) {
                        seed.dispatch((seed_tenant.get_untracked(), n as usize));
                    }
                }
            >
                <CountField
                    id="seed-count"
                    label=Msg::DemoSeedCount
                    text=seed_count
                    error=seed_error
                    on_input=Callback::new(move |text| set_seed_count.set(text))
                />
                <div class="field">
                    <label for="seed-tenant">{move || locale.t(Msg::TenantLabel)}</label>
                    <select
                        id="seed-tenant"
                        prop:value=seed_tenant
                        on:change=move |ev| set_seed_tenant.set(event_target_value(&ev))
                    >
                        {move || {
                            tenants()
                                .into_iter()
                                .map(|(id, name)| {
                                    view! { <option value=id.clone()>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <button
                    type="submit"
                    class="button button--primary"
                    disabled=move || busy() || seed_error.with(Option::is_some)
                >
                    {move || locale.t(Msg::DemoSeedButton)}
                </button>
            </form>

            <p
                id="demo-outcome"
                role="status"
                class=move || {
                    if outcome.with(|o| o.as_ref().is_some_and(Outcome::is_error)) {
                        "outcome outcome--error"
                    } else {
                        "outcome"
                    }
                }
            >
                {move || outcome.with(|o| o.as_ref().map(|o| o.text(locale)))}
            </p>

            <h2>{move || locale.t(Msg::DemoAccountsHeading)}</h2>
            <p>{move || locale.t(Msg::DemoAccountsIntro)}" "<code>"Demo-2026!"</code></p>
            <ul class="link-list">
                <li>
                    <code>"patti@contoso.com"</code>
                    " — "
                    {move || locale.t(Msg::RoleGlobalAdmin)}
                </li>
                <li>
                    <code>"nestor@contoso.com"</code>
                    " — "
                    {move || locale.t(Msg::RoleBillingAdmin)}
                </li>
                <li>
                    <code>"miriam@contoso.com"</code>
                    " — "
                    {move || locale.t(Msg::RoleGlobalReader)}
                </li>
                <li>
                    <code>"megan@contoso.com"</code>
                    " — "
                    {move || locale.t(Msg::DemoAccountPurchaser)}
                </li>
                <li>
                    <code>"adele@contoso.com"</code>
                    " — "
                    {move || locale.t(Msg::DemoAccountMember)}
                </li>
                <li>
                    <code>"ravi@relecloud.com"</code>
                    " — "
                    {move || locale.t(Msg::DemoAccountPartner)}
                </li>
            </ul>
        </section>
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
        <h2>{move || locale.t(Msg::UpcomingHeading)}</h2>
        <Show
            when=move || items.with(|i| !i.is_empty())
            fallback=move || view! { <p>{move || locale.t(Msg::UpcomingNone)}</p> }
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

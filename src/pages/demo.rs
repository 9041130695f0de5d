//! `/demo`: the demo controls — reset, export and import, the demo clock, load seeding.

use crate::domain::TenantId;
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::{download, ClockStep, Store};
use leptos::prelude::*;

/// The outcome of the last control used, shown under the controls.
#[derive(Clone, PartialEq)]
enum Outcome {
    Done(String),
    Failed(String),
}

#[component]
pub fn DemoPage() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let (outcome, set_outcome) = signal(None::<Outcome>);
    let report = move |r: Result<String, String>| {
        set_outcome.set(Some(r.map_or_else(Outcome::Failed, Outcome::Done)))
    };

    let advance = Action::new_local(move |step: &u8| {
        let step = if *step == 0 {
            ClockStep::Day
        } else {
            ClockStep::Month
        };
        async move {
            let result = store.advance_clock(step).await;
            report(result.map(|events| {
                locale.tf(
                    Msg::DemoClockMoved,
                    &[("events", &events.len().to_string())],
                )
            }));
        }
    });
    let (confirm_reset, set_confirm_reset) = signal(false);
    let reset = Action::new_local(move |_: &()| async move {
        let result = store.reset().await;
        set_confirm_reset.set(false);
        report(result.map(|()| locale.t(Msg::DemoResetDone).to_owned()));
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
            report(
                result
                    .map(|()| locale.t(Msg::DemoImportDone).to_owned())
                    .map_err(|e| locale.tf(Msg::DemoImportRefused, &[("reason", &e)])),
            );
        }
    });
    let (seed_count, set_seed_count) = signal("10000".to_owned());
    let (seed_tenant, set_seed_tenant) = signal("contoso".to_owned());
    let seed = Action::new_local(move |(tenant, n): &(String, usize)| {
        let (tenant, n) = (TenantId(tenant.clone()), *n);
        async move {
            let result = store.seed_extra(tenant, n).await;
            report(result.map(|()| locale.tf(Msg::DemoSeeded, &[("n", &n.to_string())])));
        }
    });
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
            <h1 id="page-title">{move || locale.t(Msg::DemoTitle)}</h1>
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
                        advance.dispatch(0);
                    }
                >
                    {move || locale.t(Msg::DemoAdvanceDay)}
                </button>
                <button
                    type="button"
                    class="button"
                    disabled=busy
                    on:click=move |_| {
                        advance.dispatch(1);
                    }
                >
                    {move || locale.t(Msg::DemoAdvanceMonth)}
                </button>
            </div>

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
                    match seed_count.get_untracked().trim().parse::<usize>() {
                        Ok(n) if (1..=50_000).contains(&n) => {
                            seed.dispatch((seed_tenant.get_untracked(), n));
                        }
                        _ => {
                            set_outcome
                                .set(
                                    Some(Outcome::Failed(locale.t(Msg::DemoSeedInvalid).to_owned())),
                                )
                        }
                    }
                }
            >
                <div class="field">
                    <label for="seed-count">{move || locale.t(Msg::DemoSeedCount)}</label>
                    <input
                        id="seed-count"
                        type="number"
                        min="1"
                        max="50000"
                        prop:value=seed_count
                        on:input=move |ev| set_seed_count.set(event_target_value(&ev))
                    />
                </div>
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
                <button type="submit" class="button button--primary" disabled=busy>
                    {move || locale.t(Msg::DemoSeedButton)}
                </button>
            </form>

            <p
                id="demo-outcome"
                role="status"
                class=move || match outcome.get() {
                    Some(Outcome::Failed(_)) => "outcome outcome--error",
                    _ => "outcome",
                }
            >
                {move || {
                    outcome
                        .get()
                        .map(|o| match o {
                            Outcome::Done(t) | Outcome::Failed(t) => t,
                        })
                }}
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

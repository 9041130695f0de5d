//! The self-service policy page's planner: paste or choose what the MSCommerce module
//! printed for an organization, get a plan beside its current policies, edit it product by
//! product and organization by organization, see what changes, and take it home as a
//! PowerShell script or a Microsoft365DSC configuration. Nothing here changes a tenant.

use crate::components::download::download_as;
use crate::components::field::Field;
use crate::components::table::{Col, TableHead};
use crate::domain::policy::PolicyTarget;
use crate::domain::policy_plan::{
    dsc, import, policy_targets, powershell, target_name, ImportError, PlanTenant, PolicyPlan,
    ScriptOptions, TenantPlan, UnplacedRow, MAX_IMPORT_BYTES,
};
use crate::domain::views::target_impact;
use crate::domain::{PolicyValue, TenantId};
use crate::i18n::{fill, fill_count, lookup, Lang, Msg};
use crate::locale::{policy_msg, Locale};
use crate::store::browser::Store;
use crate::store::session::Session;
use leptos::prelude::*;

/// Why no plan was made.
#[derive(Clone, Debug, PartialEq)]
enum Refusal {
    Import(ImportError),
    NoTarget,
    NoName,
}

/// What the last import read, for the line under the form.
#[derive(Clone, Debug, PartialEq)]
struct Read {
    format: &'static str,
    rows: usize,
    placed: usize,
    unplaced: Vec<UnplacedRow>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Export {
    Script,
    Dsc,
}

impl Export {
    const ALL: [Export; 2] = [Export::Script, Export::Dsc];

    /// The button's id and words.
    const fn button(self) -> (&'static str, Msg) {
        match self {
            Export::Script => ("plan-show-script", Msg::PlanScript),
            Export::Dsc => ("plan-show-dsc", Msg::PlanDsc),
        }
    }

    const fn file(self) -> &'static str {
        match self {
            Export::Script => "self-service-purchase-plan.ps1",
            Export::Dsc => "SelfServicePurchase.ps1",
        }
    }
}

/// The planner's state: the paste, the organizations it is for, the plan, the export.
#[derive(Clone, Copy)]
struct Planner {
    text: RwSignal<String>,
    chosen: RwSignal<Vec<TenantId>>,
    other: RwSignal<bool>,
    other_name: RwSignal<String>,
    outcome: RwSignal<Option<Result<Read, Refusal>>>,
    plan: RwSignal<Option<PolicyPlan>>,
    what_if: RwSignal<bool>,
    export: RwSignal<Option<Export>>,
    /// Counts the plans made: a new one redraws the tables, an edit does not.
    made: RwSignal<u32>,
}

impl Planner {
    fn new(first: Option<TenantId>) -> Planner {
        Planner {
            text: RwSignal::new(String::new()),
            chosen: RwSignal::new(first.into_iter().collect()),
            other: RwSignal::new(false),
            other_name: RwSignal::new(String::new()),
            outcome: RwSignal::new(None),
            plan: RwSignal::new(None),
            what_if: RwSignal::new(false),
            export: RwSignal::new(None),
            made: RwSignal::new(0),
        }
    }

    /// Reads the paste into a plan for each chosen organization, or says why not. A
    /// refusal leaves no plan: nothing is half-imported.
    fn make(self, targets: &[(TenantId, String)]) {
        let store = Store::get();
        let catalog = store.catalog();
        let refused = |why| {
            self.plan.set(None);
            self.outcome.set(Some(Err(why)));
        };
        let read = match self.text.with_untracked(|t| import(t, &catalog)) {
            Ok(read) => read,
            Err(e) => return refused(Refusal::Import(e)),
        };
        let chosen = self.chosen.get_untracked();
        let mut tenants: Vec<TenantPlan> = store.state.with_untracked(|s| {
            targets
                .iter()
                .filter(|(id, _)| chosen.contains(id))
                .map(|(id, name)| {
                    TenantPlan::demo(
                        id.clone(),
                        name.clone(),
                        &s.policies,
                        &catalog,
                        &read.values,
                    )
                })
                .collect()
        });
        if self.other.get_untracked() {
            let name = self.other_name.get_untracked().trim().to_owned();
            if name.is_empty() {
                return refused(Refusal::NoName);
            }
            tenants.push(TenantPlan::other(name, &catalog, &read.values));
        }
        if tenants.is_empty() {
            return refused(Refusal::NoTarget);
        }
        // The exports are files in English: their header names the source in English.
        let format = read.format.message_key();
        let source = fill_count(
            Lang::EnUs,
            Msg::PlanSource,
            read.rows as u64,
            &[
                ("format", lookup(Lang::EnUs, format).unwrap_or(format)),
                ("rows", &read.rows.to_string()),
            ],
        );
        self.plan.set(Some(PolicyPlan { source, tenants }));
        self.made.update(|n| *n += 1);
        self.export.set(None);
        self.outcome.set(Some(Ok(Read {
            format,
            rows: read.rows,
            placed: read.values.len(),
            unplaced: read.unplaced,
        })));
    }

    /// The export on show, as the domain writes it.
    fn preview(self) -> Option<(Export, String)> {
        let kind = self.export.get()?;
        let store = Store::get();
        let catalog = store.catalog();
        // The demo's own clock: the date the rest of the app shows.
        let date = store.clock.get().date_naive();
        self.plan.with(|plan| {
            let plan = plan.as_ref()?;
            let text = match kind {
                Export::Script => powershell(
                    plan,
                    &catalog,
                    ScriptOptions {
                        what_if: self.what_if.get(),
                        date,
                    },
                ),
                Export::Dsc => dsc(plan, &catalog, date),
            };
            Some((kind, text))
        })
    }

    fn discard(self) {
        self.plan.set(None);
        self.outcome.set(None);
        self.export.set(None);
    }
}

/// The organizations a plan can be for: the one the person is acting in, then the
/// customers they manage as a partner.
fn targets(store: Store, session: Session) -> Memo<Vec<(TenantId, String)>> {
    Memo::new(move |_| {
        let Some(actor) = session.actor() else {
            return Vec::new();
        };
        store.state.with(|s| {
            let name = |id: &TenantId| {
                s.directory
                    .tenant(id)
                    .map_or_else(|| id.0.clone(), |t| t.name.clone())
            };
            let mut list = vec![(actor.tenant.clone(), name(&actor.tenant))];
            if let Some(user) = s.directory.user(&actor.user) {
                for d in &user.delegations {
                    if !list.iter().any(|(id, _)| *id == d.customer) {
                        list.push((d.customer.clone(), name(&d.customer)));
                    }
                }
            }
            list
        })
    })
}

/// A planned change: the product, its value now and planned, and who it affects.
const PLAN_COLUMNS: &[Col] = {
    use {Col::*, Msg::*};
    &[Text(ColProduct), Text(PlanColNow), Text(PlanColPlanned), Text(PlanColImpact)]
};
/// The changes across tenants: the tenant, the product, now and planned.
const TENANT_PLAN_COLUMNS: &[Col] = {
    use {Col::*, Msg::*};
    &[Text(TenantLabel), Text(ColProduct), Text(PlanColNow), Text(PlanColPlanned)]
};

#[component]
pub fn PolicyPlanner() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let targets = targets(store, session);
    let planner = Planner::new(session.actor_untracked().map(|a| a.tenant));
    let make = move || targets.with_untracked(|t| planner.make(t));
    let has_plan = Memo::new(move |_| planner.plan.with(Option::is_some));
    let read_file = Action::new_local(move |file: &web_sys::File| {
        let file = file.clone();
        async move {
            // A file too large is refused before it is read.
            if file.size() > MAX_IMPORT_BYTES as f64 {
                planner.plan.set(None);
                planner
                    .outcome
                    .set(Some(Err(Refusal::Import(ImportError::TooLarge {
                        bytes: file.size() as usize,
                        limit: MAX_IMPORT_BYTES,
                    }))));
                return;
            }
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            planner.text.set(text);
            make();
        }
    });
    view! {
        <section class="panel planner" aria-labelledby="plan-title">
            <h2 id="plan-title">{locale.text(Msg::PlanTitle)}</h2>
            <p>{locale.text(Msg::PlanIntro)}</p>
            <form
                class="form form--wide"
                on:submit=move |ev| {
                    ev.prevent_default();
                    make();
                }
            >
                <div class="field">
                    <label for="plan-paste">{locale.text(Msg::PlanPasteLabel)}</label>
                    <textarea
                        id="plan-paste"
                        rows="8"
                        spellcheck="false"
                        class="code-input"
                        prop:value=move || planner.text.get()
                        on:input=move |ev| planner.text.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <div class="field">
                    <label for="plan-file">{locale.text(Msg::PlanFileLabel)}</label>
                    <input
                        id="plan-file"
                        type="file"
                        accept=".txt,.json,.csv,.ps1,text/plain,application/json,text/csv"
                        on:change=move |ev| {
                            let input = event_target::<web_sys::HtmlInputElement>(&ev);
                            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                                read_file.dispatch(file);
                            }
                            input.set_value("");
                        }
                    />
                </div>
                <Targets planner targets />
                <div class="actions">
                    <button type="submit" class="button button--primary" id="plan-make">
                        {locale.text(Msg::PlanMake)}
                    </button>
                </div>
            </form>
            <Outcome planner />
            <Show when=move || has_plan.get()>
                <PlanView planner />
            </Show>
        </section>
    }
}

/// Which organizations the plan is for: checkboxes, and one not in the demo by name.
#[component]
fn Targets(planner: Planner, targets: Memo<Vec<(TenantId, String)>>) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <fieldset class="choices">
            <legend>{locale.text(Msg::PlanFor)}</legend>
            <For each=move || targets.get() key=|(id, _)| id.clone() let:target>
                {
                    let (id, name) = target;
                    let input_id = format!("plan-for-{}", id.0);
                    let checked_id = id.clone();
                    view! {
                        <div class="choice">
                            <input
                                type="checkbox"
                                id=input_id.clone()
                                prop:checked=move || {
                                    planner.chosen.with(|c| c.contains(&checked_id))
                                }
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    planner
                                        .chosen
                                        .update(|c| {
                                            c.retain(|t| *t != id);
                                            if on {
                                                c.push(id.clone());
                                            }
                                        });
                                }
                            />
                            <label for=input_id>{name}</label>
                        </div>
                    }
                }
            </For>
            <div class="choice">
                <input
                    type="checkbox"
                    id="plan-for-other"
                    prop:checked=move || planner.other.get()
                    on:change=move |ev| planner.other.set(event_target_checked(&ev))
                />
                <label for="plan-for-other">{locale.text(Msg::PlanForOther)}</label>
            </div>
            <Show when=move || planner.other.get()>
                <Field
                    id="plan-other-name"
                    label=Msg::PlanOtherName
                    value=planner.other_name
                    on_input=move |v| planner.other_name.set(v)
                    maxlength=120u32
                />
            </Show>
        </fieldset>
    }
}

/// What the last try read, or why it made no plan; and the rows it left out, each with why.
#[component]
fn Outcome(planner: Planner) -> impl IntoView {
    let locale = Locale::get();
    let said = move || {
        planner.outcome.with(|o| {
            o.as_ref().map(|o| match o {
                Ok(read) => (
                    false,
                    locale.tn(
                        Msg::PlanRead,
                        ("rows", read.rows),
                        &[
                            ("format", locale.key(read.format)),
                            ("placed", &read.placed.to_string()),
                        ],
                    ),
                ),
                Err(Refusal::Import(e)) => {
                    let args = e.args();
                    let args: Vec<(&str, &str)> =
                        args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    (true, fill(locale.key(e.message_key()), &args))
                }
                Err(Refusal::NoTarget) => (true, locale.t(Msg::PlanNoTarget).to_owned()),
                Err(Refusal::NoName) => (
                    true,
                    locale.tf(
                        Msg::FieldRequired,
                        &[("field", locale.t(Msg::PlanOtherName))],
                    ),
                ),
            })
        })
    };
    let unplaced = move || {
        planner.outcome.with(|o| match o {
            Some(Ok(read)) => read.unplaced.clone(),
            _ => Vec::new(),
        })
    };
    view! {
        <p
            id="plan-outcome"
            role="status"
            class="outcome"
            class=("outcome--error", move || said().is_some_and(|(e, _)| e))
        >
            {move || said().map(|(_, text)| text)}
        </p>
        <Show when=move || !unplaced().is_empty()>
            <div class="message-bar message-bar--warning" id="plan-unplaced">
                <h3>{locale.text(Msg::PlanUnplacedTitle)}</h3>
                <ul>
                    {move || {
                        unplaced()
                            .into_iter()
                            .map(|row| {
                                let args = row.why.args();
                                let args: Vec<(&str, &str)> = args
                                    .iter()
                                    .map(|(k, v)| (*k, v.as_str()))
                                    .collect();
                                let line = locale
                                    .tf(Msg::PlanLine, &[("line", &row.line.to_string())]);
                                view! {
                                    <li>
                                        <strong>{line}</strong>
                                        ": "
                                        {fill(locale.key(row.why.message_key()), &args)}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// The plan: a table per organization (now, planned, who it affects), what changes, export.
#[component]
fn PlanView(planner: Planner) -> impl IntoView {
    // Only a new plan redraws the tables; an edit keeps them (and the focus in the select
    // just changed).
    let drawn = Memo::new(move |_| {
        let count = planner
            .plan
            .with_untracked(|p| p.as_ref().map_or(0, |p| p.tenants.len()));
        (planner.made.get(), count)
    });
    view! {
        {move || {
            let (_, count) = drawn.get();
            let several = count > 1;
            (0..count).map(|index| view! { <TenantTable planner index several /> }).collect_view()
        }}
        <Changes planner />
        <PlanExport planner />
    }
}

/// The plan as a script or a DSC configuration: the choice, its preview, and the download.
#[component]
fn PlanExport(planner: Planner) -> impl IntoView {
    let locale = Locale::get();
    let show = move |kind: Export| {
        let (id, words) = kind.button();
        view! {
            <button
                type="button"
                class="button"
                id=id
                aria-pressed=move || (planner.export.get() == Some(kind)).to_string()
                on:click=move |_| planner.export.set(Some(kind))
            >
                {locale.text(words)}
            </button>
        }
    };
    let preview = move |(kind, text): (Export, String)| {
        let body = text.clone();
        view! {
            <pre
                id="plan-preview"
                class="code-preview"
                tabindex="0"
                translate="no"
                aria-label=locale.text(kind.button().1)
            >
                {text}
            </pre>
            <button
                type="button"
                class="button button--primary"
                id="plan-download"
                on:click=move |_| download_as(kind.file(), "text/plain", &body)
            >
                {move || locale.tf(Msg::PlanDownload, &[("file", kind.file())])}
            </button>
        }
    };
    view! {
        <section class="plan-export" aria-labelledby="plan-export-title">
            <h3 id="plan-export-title">{locale.text(Msg::PlanExportTitle)}</h3>
            <div class="choice">
                <input
                    type="checkbox"
                    id="plan-what-if"
                    prop:checked=move || planner.what_if.get()
                    on:change=move |ev| planner.what_if.set(event_target_checked(&ev))
                />
                <label for="plan-what-if">{locale.text(Msg::PlanWhatIf)}</label>
            </div>
            <div class="actions">
                {Export::ALL.map(show)}
                <button
                    type="button"
                    class="button"
                    id="plan-discard"
                    on:click=move |_| planner.discard()
                >
                    {locale.text(Msg::PlanDiscard)}
                </button>
            </div>
            {move || planner.preview().map(preview)}
        </section>
    }
}

/// One organization's products: the value now, the planned one (editable), and — for an
/// organization of this demo — who can buy or try it now and as planned.
#[component]
fn TenantTable(planner: Planner, index: usize, several: bool) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let tenant = planner.plan.with_untracked(|p| {
        p.as_ref().map(|p| {
            (
                p.tenants[index].tenant.clone(),
                p.tenants[index].name.clone(),
            )
        })
    });
    let Some((tenant, name)) = tenant else {
        return ().into_any();
    };
    let catalog = store.catalog();
    let targets: Vec<(PolicyTarget, String)> = policy_targets(&catalog)
        .map(|t| {
            let name = target_name(&catalog, &t);
            (t, name)
        })
        .collect();
    let heading = format!("plan-tenant-{index}");
    let labelled = heading.clone();
    let tenant = StoredValue::new(tenant);
    let name = StoredValue::new(name);
    view! {
        <section class="plan-tenant" aria-labelledby=labelled>
            <h3 id=heading>{name.get_value()}</h3>
            <Show when=move || tenant.with_value(|t| matches!(t, PlanTenant::Other(_)))>
                <p class="muted">{locale.text(Msg::PlanNoDirectory)}</p>
            </Show>
            <div class="table-scroll">
                <table class="grid" id=format!("plan-table-{index}")>
                    <TableHead cols=PLAN_COLUMNS />
                    <tbody>
                        {targets
                            .into_iter()
                            .map(|(target, target_name)| {
                                view! { <PlanRow planner index tenant name target target_name /> }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <Show when=move || several>
                <button
                    type="button"
                    class="button"
                    id=format!("plan-copy-{index}")
                    on:click=move |_| {
                        planner
                            .plan
                            .update(|p| {
                                if let Some(p) = p {
                                    let others: Vec<PlanTenant> = p
                                        .tenants
                                        .iter()
                                        .map(|t| t.tenant.clone())
                                        .filter(|t| tenant.with_value(|me| t != me))
                                        .collect();
                                    tenant.with_value(|me| p.copy(me, &others));
                                }
                            })
                    }
                >
                    {locale.text(Msg::PlanCopyTo)}
                </button>
            </Show>
        </section>
    }
    .into_any()
}

#[component]
fn PlanRow(
    planner: Planner,
    index: usize,
    tenant: StoredValue<PlanTenant>,
    name: StoredValue<String>,
    target: PolicyTarget,
    target_name: String,
) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let target = StoredValue::new(target);
    let values = move || {
        planner.plan.with(|p| {
            p.as_ref().and_then(|p| p.tenants.get(index)).map(|t| {
                target.with_value(|id| {
                    (
                        t.current.get(id).copied().unwrap_or_default(),
                        t.planned.get(id).copied().unwrap_or_default(),
                    )
                })
            })
        })
    };
    let now = move || values().map_or(PolicyValue::Enabled, |v| v.0);
    let planned = move || values().map_or(PolicyValue::Enabled, |v| v.1);
    let impact = move || {
        let PlanTenant::Demo(id) = tenant.get_value() else {
            return None;
        };
        let catalog = store.catalog();
        let (now_value, planned_value) = (now(), planned());
        store.state.with(|s| {
            let before = target.with_value(|t| target_impact(s, &catalog, &id, t, now_value))?;
            let after = target.with_value(|t| target_impact(s, &catalog, &id, t, planned_value))?;
            Some(locale.tf(
                Msg::PlanImpact,
                &[
                    ("buy", &before.can_buy.to_string()),
                    ("try", &before.can_try.to_string()),
                    ("buy_after", &after.can_buy.to_string()),
                    ("try_after", &after.can_try.to_string()),
                ],
            ))
        })
    };
    let select_id = format!("plan-{index}-{}", target.get_value());
    let label = {
        let target_name = target_name.clone();
        move || {
            locale.tf(
                Msg::PlanValueFor,
                &[("product", &target_name), ("tenant", &name.get_value())],
            )
        }
    };
    view! {
        <tr
            data-product=target.get_value().to_string()
            class=("plan-row--changed", move || now() != planned())
        >
            <th scope="row">{target_name}</th>
            <td>{move || locale.t(policy_msg(now()))}</td>
            <td>
                <select
                    id=select_id
                    aria-label=label
                    on:change=move |ev| {
                        if let Ok(value) = PolicyValue::try_from(event_target_value(&ev).as_str()) {
                            planner
                                .plan
                                .update(|p| {
                                    if let Some(p) = p {
                                        tenant
                                            .with_value(|t| {
                                                target.with_value(|id| p.set(t, id, value))
                                            });
                                    }
                                });
                        }
                    }
                >
                    {PolicyValue::ALL
                        .into_iter()
                        .filter(|v| target.with_value(|t| t.takes(*v)))
                        .map(|value| {
                            view! {
                                <option
                                    value=value.as_str()
                                    prop:selected=move || planned() == value
                                >
                                    {move || locale.t(policy_msg(value))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </td>
            <td class="muted">
                {move || impact().unwrap_or_else(|| locale.t(Msg::PlanNoDirectory).to_owned())}
            </td>
        </tr>
    }
}

/// What changes, organization by organization and product by product.
#[component]
fn Changes(planner: Planner) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let rows = move || {
        let catalog = store.catalog();
        planner.plan.with(|p| {
            p.as_ref().map_or_else(Vec::new, |p| {
                p.tenants
                    .iter()
                    .flat_map(|t| {
                        t.changes().into_iter().map(|c| {
                            (
                                t.name.clone(),
                                target_name(&catalog, &c.target),
                                c.from,
                                c.to,
                            )
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <section class="plan-changes" aria-labelledby="plan-changes-title">
            <h3 id="plan-changes-title">{locale.text(Msg::PlanChangesTitle)}</h3>
            <Show
                when=move || !rows().is_empty()
                fallback=move || {
                    view! { <p id="plan-no-changes">{locale.text(Msg::PlanNoChanges)}</p> }
                }
            >
                <div class="table-scroll">
                    <table class="grid" id="plan-changes">
                        <TableHead cols=TENANT_PLAN_COLUMNS />
                        <tbody>
                            {move || {
                                rows()
                                    .into_iter()
                                    .map(|(tenant, product, from, to)| {
                                        view! {
                                            <tr>
                                                <td>{tenant}</td>
                                                <th scope="row">{product}</th>
                                                <td>{move || locale.t(policy_msg(from))}</td>
                                                <td>
                                                    <strong>{move || locale.t(policy_msg(to))}</strong>
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

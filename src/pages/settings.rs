//! `/admin/settings/self-service`: the `AllowSelfServicePurchase` policy of every product
//! and every third-party offer type — a list each, a panel to change one value with who it
//! affects, the planner, and the MSCommerce console.

use super::console::PolicyConsole;
use super::policy_plan::PolicyPlanner;
use crate::components::a11y::Dialog;
use crate::components::about_rule::AboutRule;
use crate::components::command::{use_command, CommandForm, Outcome};
use crate::components::page_title::PageTitle;
use crate::components::verdict::decision_text;
use crate::domain::commands::Command;
use crate::domain::eligibility::{
    blocks_everything, cardless_trials_offered, organization_refusal,
};
use crate::domain::policy::{OfferType, PolicyTarget};
use crate::domain::policy_plan::target_name;
use crate::domain::sources::policy_source;
use crate::domain::views::{target_impact, PolicyImpact};
use crate::domain::{authz, may, principal, PolicyValue, Subject};
use crate::i18n::Msg;
use crate::locale::{policy_msg, role_msg, Locale};
use crate::store::browser::Store;
use crate::store::session::Session;
use leptos::prelude::*;

fn help_msg(value: PolicyValue) -> Msg {
    match value {
        PolicyValue::Enabled => Msg::PolicyEnabledHelp,
        PolicyValue::OnlyTrialsWithoutPaymentMethod => Msg::PolicyTrialsOnlyHelp,
        PolicyValue::Disabled => Msg::PolicyDisabledHelp,
    }
}

/// What the page needs to know about the signed-in person.
#[derive(Clone, Copy)]
struct Rights {
    can_set: Memo<bool>,
    /// The role shown in the read-only note.
    role: Memo<Option<Msg>>,
}

impl Rights {
    fn new(store: Store, session: Session) -> Rights {
        let can_set = Memo::new(move |_| {
            session.actor().is_some_and(|a| {
                store.state.with(|s| {
                    may(
                        &s.directory,
                        &a,
                        authz::Action::SetPolicy,
                        Subject::Tenant(&a.tenant),
                    )
                    .is_ok()
                })
            })
        });
        let role = Memo::new(move |_| {
            let actor = session.actor()?;
            store.state.with(|s| {
                principal(&s.directory, &actor)
                    .ok()
                    .and_then(|p| p.roles.first().copied())
                    .map(role_msg)
            })
        });
        Rights { can_set, role }
    }
}

#[component]
pub fn SelfServicePage() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let rights = Rights::new(store, session);
    let catalog = store.catalog();
    let products: Vec<(PolicyTarget, String)> = catalog
        .microsoft()
        .map(|p| (PolicyTarget::Product(p.id.clone()), p.name.clone()))
        .collect();
    let offer_types: Vec<(PolicyTarget, String)> = OfferType::ALL
        .into_iter()
        .map(|t| (PolicyTarget::OfferType(t), t.name().to_owned()))
        .collect();
    let editing = RwSignal::new(None::<PolicyTarget>);
    // A government, education, sovereign-cloud or India organization has no self-service
    // to control: the page says so instead of listing "Allow" for every product.
    let excluded = Memo::new(move |_| {
        let tenant = session.actor()?.tenant;
        let catalog = store.catalog();
        let any = catalog.products.first()?;
        store.state.with(|s| {
            let t = s.directory.tenant(&tenant)?;
            organization_refusal(t, any).map(|d| decision_text(locale, d, &t.name, ""))
        })
    });
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::SelfServiceTitle) />
            <Show when=move || excluded.read().is_some()>
                <div class="message-bar message-bar--info" role="note" id="policy-not-applicable">
                    <p>{locale.text(Msg::PolicyNotApplicable)}</p>
                    <p class="muted">{move || excluded.get()}</p>
                </div>
            </Show>
            <div hidden=move || excluded.read().is_some()>
                <p>{locale.text(Msg::PolicyIntro)}</p>
                <p class="muted" id="policy-per-product">
                    {locale.text(Msg::PolicyPerProduct)}
                </p>
                // The FAQ's two statements to admins about data.
                <p class="muted" id="policy-data">
                    {locale.text(Msg::PolicyData)}
                </p>
            </div>
            <Show when=move || !rights.can_set.get()>
                <p class="message-bar message-bar--info" role="note" id="policy-read-only">
                    {move || {
                        locale
                            .tf(
                                Msg::PolicyReadOnly,
                                &[("role", rights.role.get().map_or("", |r| locale.t(r)))],
                            )
                    }}
                </p>
            </Show>
            <div hidden=move || excluded.read().is_some()>
                <PolicyTable
                    id="policy-grid"
                    name=Msg::ColProduct
                    key=Msg::ProductIdLabel
                    targets=products
                    editing
                />
            </div>
        </section>
        <section
            class="panel"
            aria-labelledby="offer-types-title"
            hidden=move || excluded.read().is_some()
        >
            <h2 id="offer-types-title">{locale.text(Msg::OfferTypesTitle)}</h2>
            <p>{locale.text(Msg::OfferTypesIntro)}</p>
            <p class="muted" id="offer-types-azure">
                {locale.text(Msg::OfferTypesAzure)}
            </p>
            <PolicyTable
                id="offer-type-grid"
                name=Msg::OfferTypeCol
                key=Msg::OfferTypeIdCol
                targets=offer_types
                editing
            />
        </section>
        {move || {
            editing
                .get()
                .map(|target| view! { <PolicyPanel target editing can_set=rights.can_set /> })
        }}
        <PolicyPlanner />
        <PolicyConsole />
    }
}

/// Products or offer types, each with its ID and its value; a name opens its panel.
#[component]
fn PolicyTable(
    id: &'static str,
    /// The headers of the name and ID columns.
    name: Msg,
    key: Msg,
    targets: Vec<(PolicyTarget, String)>,
    editing: RwSignal<Option<PolicyTarget>>,
) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let value_of = move |target: &PolicyTarget| {
        let tenant = session.actor()?.tenant;
        Some(store.state.with(|s| s.policies.value(&tenant, target)))
    };
    view! {
        <div class="table-scroll">
            <table class="grid" id=id>
                <thead>
                    <tr>
                        <th scope="col">{locale.text(name)}</th>
                        <th scope="col">{locale.text(key)}</th>
                        <th scope="col">{locale.text(Msg::PolicyColValue)}</th>
                    </tr>
                </thead>
                <tbody>
                    {targets
                        .into_iter()
                        .map(|(target, label)| {
                            let target = StoredValue::new(target);
                            let value = Memo::new(move |_| target.with_value(value_of));
                            let shown = move || {
                                target.with_value(|t| editing.with(|e| e.as_ref() == Some(t)))
                            };
                            view! {
                                <tr data-product=target.with_value(ToString::to_string)>
                                    <th scope="row">
                                        <button
                                            type="button"
                                            class="link-button"
                                            aria-controls="policy-panel"
                                            aria-expanded=move || shown().to_string()
                                            on:click=move |_| editing.set(Some(target.get_value()))
                                        >
                                            {label}
                                        </button>
                                    </th>
                                    <td>
                                        <code>{target.with_value(ToString::to_string)}</code>
                                    </td>
                                    <td class="policy-value">
                                        {move || value.get().map(|v| locale.t(policy_msg(v)))}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// What the panel works with: the product or offer type, its name and (a product's) own
/// details, the value set now and the one chosen, how many that reaches now, and Save.
#[derive(Clone, Copy)]
struct PolicyEdit {
    store: Store,
    name: StoredValue<String>,
    details: StoredValue<Option<crate::domain::Product>>,
    tenant: StoredValue<crate::domain::TenantId>,
    target: StoredValue<PolicyTarget>,
    current: Memo<PolicyValue>,
    chosen: RwSignal<PolicyValue>,
    now: Memo<PolicyImpact>,
    save: CommandForm,
}

impl PolicyEdit {
    /// None for a product the catalog lacks, or signed out.
    fn new(target: PolicyTarget) -> Option<Self> {
        let store = Store::get();
        let catalog = store.catalog();
        // A product's own details, for the "blocks everything" warning; none for an offer type.
        let details = match &target {
            PolicyTarget::Product(id) => Some(catalog.product(id)?.clone()),
            PolicyTarget::OfferType(_) => None,
        };
        let tenant = Session::get().actor_untracked()?.tenant;
        let name = StoredValue::new(target_name(&catalog, &target));
        let (tenant, target) = (StoredValue::new(tenant), StoredValue::new(target));
        let current = Memo::new(move |_| {
            store
                .state
                .with(|s| tenant.with_value(|t| target.with_value(|p| s.policies.value(t, p))))
        });
        // Counted once per state: the "now" line and the subscriptions line both read it.
        let now =
            Memo::new(move |_| impact_of(store, tenant, target, current.get()).unwrap_or_default());
        Some(PolicyEdit {
            store,
            name,
            details: StoredValue::new(details),
            tenant,
            target,
            current,
            chosen: RwSignal::new(current.get_untracked()),
            now,
            save: use_command(),
        })
    }

    /// Who can buy and try with `value` set, and the subscriptions it leaves as they are.
    fn impact(self, value: PolicyValue) -> Option<PolicyImpact> {
        impact_of(self.store, self.tenant, self.target, value)
    }
}

fn impact_of(
    store: Store,
    tenant: StoredValue<crate::domain::TenantId>,
    target: StoredValue<PolicyTarget>,
    value: PolicyValue,
) -> Option<PolicyImpact> {
    let catalog = store.catalog();
    store.state.with(|s| {
        tenant.with_value(|t| target.with_value(|p| target_impact(s, &catalog, t, p, value)))
    })
}

/// The panel for one product or offer type: its values, who they affect, and Save.
#[component]
fn PolicyPanel(
    target: PolicyTarget,
    editing: RwSignal<Option<PolicyTarget>>,
    can_set: Memo<bool>,
) -> impl IntoView {
    let locale = Locale::get();
    let Some(edit) = PolicyEdit::new(target) else {
        return ().into_any();
    };
    let ended = edit.save.outcome(move |_| {
        let value = locale.t(policy_msg(edit.current.get_untracked()));
        locale.tf(
            Msg::PolicySaved,
            &[("product", &edit.name.get_value()), ("value", value)],
        )
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (target, value) = (edit.target.get_value(), edit.chosen.get_untracked());
        edit.save.send(Command::SetPolicy { target, value });
    };
    let unchanged = move || edit.chosen.get() == edit.current.get();
    // Modal: it covers the right of the page, so Tab stays in it until it closes.
    view! {
        <Dialog
            id="policy-panel"
            class="panel detail policy-panel"
            labelledby="policy-panel-title"
            modal=true
            on_close=Callback::new(move |_| editing.set(None))
        >
            <div class="step-heading">
                <h2 id="policy-panel-title" tabindex="-1">
                    {move || {
                        locale.tf(Msg::PolicyPanelLabel, &[("product", &edit.name.get_value())])
                    }}
                </h2>
                <button type="button" class="button" on:click=move |_| editing.set(None)>
                    {locale.text(Msg::PolicyClose)}
                </button>
            </div>
            <form class="form" on:submit=submit>
                <PolicyChoices edit can_set />
                <AboutRule
                    source=Memo::new(move |_| Some(policy_source(edit.chosen.get())))
                    id="policy-source"
                />
                <PolicyImpactLines edit />
                <Outcome id="policy-outcome" ended />
                <div class="actions">
                    <button
                        type="submit"
                        class="button button--primary"
                        disabled=move || !can_set.get() || unchanged() || edit.save.pending()
                    >
                        {locale.text(Msg::PolicySave)}
                    </button>
                </div>
            </form>
        </Dialog>
    }
    .into_any()
}

/// The values the target takes, each with what it means.
#[component]
fn PolicyChoices(edit: PolicyEdit, can_set: Memo<bool>) -> impl IntoView {
    let locale = Locale::get();
    let choice = move |value: PolicyValue| {
        let id = format!("policy-{}", value.as_str());
        let help = format!("{id}-help");
        view! {
            <div class="choice">
                <input
                    type="radio"
                    name="policy-value"
                    id=id.clone()
                    value=value.as_str()
                    aria-describedby=help.clone()
                    prop:checked=move || edit.chosen.get() == value
                    on:change=move |_| edit.chosen.set(value)
                />
                <label for=id>{locale.text(policy_msg(value))}</label>
                <p class="muted" id=help>
                    {locale.text(help_msg(value))}
                </p>
            </div>
        }
    };
    view! {
        <fieldset class="choices" disabled=move || !can_set.get()>
            <legend>{locale.text(Msg::PolicyChoose)}</legend>
            {PolicyValue::ALL
                .into_iter()
                .filter(|v| edit.target.with_value(|t| t.takes(*v)))
                .map(choice)
                .collect_view()}
        </fieldset>
    }
}

/// Who the value reaches now and after saving, and that subscriptions stay as they are; a
/// warning when the chosen value blocks everything (a product without a no-card trial).
#[component]
fn PolicyImpactLines(edit: PolicyEdit) -> impl IntoView {
    let locale = Locale::get();
    let blocks = move || {
        edit.details.with_value(|p| {
            p.as_ref()
                .is_some_and(|p| blocks_everything(p, edit.chosen.get()))
        })
    };
    let now = move || {
        let now = edit.now.get();
        locale.tf(
            Msg::PolicyImpactNow,
            &[
                ("buy", &now.can_buy.to_string()),
                ("try", &now.can_try.to_string()),
                ("people", &now.people.to_string()),
            ],
        )
    };
    let after = move || {
        let after = edit.impact(edit.chosen.get()).unwrap_or_default();
        locale.tf(
            Msg::PolicyImpactAfter,
            &[("buy", &after.can_buy.to_string()), ("try", &after.can_try.to_string())],
        )
    };
    // "Allow for trials only" on a product whose trial needs no card: whether this
    // organization is offered such trials at all (the domain's answer, worded).
    let agreement = move || {
        let trials_only = edit.chosen.get() == PolicyValue::OnlyTrialsWithoutPaymentMethod;
        let has_cardless = edit
            .details
            .with_value(|p| p.as_ref().is_some_and(|p| p.trial_without_payment_method()));
        (trials_only && has_cardless).then(|| {
            let (name, offered) = edit.store.state.with(|s| {
                edit.tenant.with_value(|t| {
                    s.directory.tenant(t).map_or((String::new(), true), |t| {
                        (t.name.clone(), cardless_trials_offered(t))
                    })
                })
            });
            let msg = if offered {
                Msg::PolicyAgreementYes
            } else {
                Msg::PolicyAgreementNo
            };
            view! {
                <p
                    id="policy-agreement"
                    class=if offered { "muted" } else { "message-bar message-bar--warning" }
                >
                    {locale.tf(msg, &[("tenant", &name), ("product", &edit.name.get_value())])}
                </p>
            }
        })
    };
    view! {
        <div class="impact" id="policy-impact" aria-live="polite">
            {agreement}
            <Show when=blocks>
                <p class="message-bar message-bar--warning" id="policy-blocks-everything">
                    {move || {
                        locale
                            .tf(Msg::PolicyBlocksEverything, &[("product", &edit.name.get_value())])
                    }}
                </p>
            </Show>
            <p>{now}</p>
            <Show when=move || edit.chosen.get() != edit.current.get()>
                <p>
                    <strong>{after}</strong>
                </p>
            </Show>
            <p class="muted">
                {move || {
                    locale
                        .tn(Msg::PolicyImpactExisting, ("count", edit.now.get().subscriptions), &[])
                }}
            </p>
        </div>
    }
}

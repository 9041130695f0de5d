//! `/admin/audit`: every command in the tenant — who, when, what, and how it ended —
//! filterable and exportable as CSV.

use crate::components::download::download_as;
use crate::components::page_title::PageTitle;
use crate::domain::commands::KeptExplanation;
use crate::domain::subscription::{AuditEvent, AuditOutcome};
use crate::domain::views::{
    audit_actions, audit_actor, audit_csv, audit_events, audit_of, AuditQuery,
};
use crate::i18n::{lookup, Msg};
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::session::Session;
use leptos::prelude::*;

/// More rows than a person reads; the export has them all.
const SHOWN: usize = 500;

/// An action's name in the current language; the raw name if the catalog lacks it.
fn action_text(locale: Locale, action: &str) -> String {
    lookup(locale.lang(), &format!("audit.act.{action}"))
        .map_or_else(|| action.to_owned(), str::to_owned)
}

/// One event as the table shows it.
#[derive(Clone, PartialEq)]
struct Row {
    at: String,
    who: String,
    email: String,
    partner: bool,
    action: String,
    subject: String,
    refused: bool,
    detail: String,
    /// A refusal's reason, said in the reader's language instead of `detail`.
    why: Option<KeptExplanation>,
}

impl Row {
    fn of(directory: &crate::domain::Directory, e: &AuditEvent) -> Row {
        let (who, email, partner) = audit_actor(directory, e);
        Row {
            at: e.at.format("%Y-%m-%d %H:%M").to_string(),
            who,
            email,
            partner,
            action: e.action.clone(),
            subject: e.subject.clone(),
            refused: e.outcome == AuditOutcome::Refused,
            detail: e.detail.clone(),
            why: e.why.clone(),
        }
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let (search, set_search) = signal(String::new());
    let (action, set_action) = signal(None::<String>);
    let (outcome, set_outcome) = signal(None::<AuditOutcome>);
    let query = move || AuditQuery {
        search: search.get(),
        action: action.get(),
        outcome: outcome.get(),
    };
    // (rows shown, matches, events in the tenant)
    let found = Memo::new(move |_| {
        let Some(actor) = session.actor() else {
            return (Vec::new(), 0, 0);
        };
        let q = query();
        store.state.with(|s| {
            let all = audit_of(s, &actor.tenant).count();
            let events = audit_events(s, &actor.tenant, &q);
            let rows = events
                .iter()
                .take(SHOWN)
                .map(|e| Row::of(&s.directory, e))
                .collect::<Vec<_>>();
            (rows, events.len(), all)
        })
    });
    let actions = Memo::new(move |_| {
        session
            .actor()
            .map(|a| store.state.with(|s| audit_actions(s, &a.tenant)))
            .unwrap_or_default()
    });
    let export = move |_| {
        let Some(actor) = session.actor_untracked() else {
            return;
        };
        let q = AuditQuery {
            search: search.get_untracked(),
            action: action.get_untracked(),
            outcome: outcome.get_untracked(),
        };
        let csv = store
            .state
            .with_untracked(|s| audit_csv(&s.directory, &audit_events(s, &actor.tenant, &q)));
        download_as(
            &format!("audit-log-{}.csv", actor.tenant.0),
            "text/csv",
            &csv,
        );
    };
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=move || locale.t(Msg::AuditTitle).to_owned() />
            <p>{move || locale.t(Msg::AuditIntro)}</p>
            <div class="form form--inline toolbar">
                <div class="field">
                    <label for="audit-search">{move || locale.t(Msg::AuditSearch)}</label>
                    <input
                        id="audit-search"
                        type="search"
                        prop:value=search
                        on:input=move |ev| set_search.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="audit-action">{move || locale.t(Msg::AuditActionFilter)}</label>
                    <select
                        id="audit-action"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            set_action.set((!v.is_empty()).then_some(v));
                        }
                    >
                        <option value="" selected=move || action.read().is_none()>
                            {move || locale.t(Msg::AuditAllActions)}
                        </option>
                        {move || {
                            actions
                                .get()
                                .into_iter()
                                .map(|a| {
                                    let text = action_text(locale, &a);
                                    let selected = a.clone();
                                    view! {
                                        <option
                                            value=a
                                            selected=move || {
                                                action.read().as_deref() == Some(selected.as_str())
                                            }
                                        >
                                            {text}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="audit-outcome">{move || locale.t(Msg::AuditOutcomeFilter)}</label>
                    <select
                        id="audit-outcome"
                        on:change=move |ev| {
                            set_outcome
                                .set(
                                    match event_target_value(&ev).as_str() {
                                        "succeeded" => Some(AuditOutcome::Succeeded),
                                        "refused" => Some(AuditOutcome::Refused),
                                        _ => None,
                                    },
                                )
                        }
                    >
                        <option value="">{move || locale.t(Msg::AuditAllOutcomes)}</option>
                        <option value="succeeded">{move || locale.t(Msg::AuditSucceeded)}</option>
                        <option value="refused">{move || locale.t(Msg::AuditRefused)}</option>
                    </select>
                </div>
                <button type="button" class="button" id="audit-export" on:click=export>
                    {move || locale.t(Msg::AuditExport)}
                </button>
            </div>
            <p class="muted" role="status" id="audit-count">
                {move || {
                    found
                        .with(|(_, matches, all)| {
                            locale
                                .tf(
                                    Msg::AuditCount,
                                    &[("shown", &matches.to_string()), ("total", &all.to_string())],
                                )
                        })
                }}
                {move || {
                    found
                        .with(|(_, matches, _)| {
                            (*matches > SHOWN)
                                .then(|| {
                                    format!(
                                        " {}",
                                        locale.tf(Msg::AuditMore, &[("shown", &SHOWN.to_string())]),
                                    )
                                })
                        })
                }}
            </p>
            <div class="table-scroll">
                <table class="grid" id="audit-grid">
                    <thead>
                        <tr>
                            <th scope="col">{move || locale.t(Msg::ColDate)}</th>
                            <th scope="col">{move || locale.t(Msg::ColActor)}</th>
                            <th scope="col">{move || locale.t(Msg::ColActivity)}</th>
                            <th scope="col">{move || locale.t(Msg::ColSubject)}</th>
                            <th scope="col">{move || locale.t(Msg::ColOutcome)}</th>
                            <th scope="col">{move || locale.t(Msg::ColDetail)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            found
                                .with(|(rows, _, _)| {
                                    rows.iter()
                                        .cloned()
                                        .map(|row| {
                                            let Row {
                                                at,
                                                who,
                                                email,
                                                partner,
                                                action,
                                                subject,
                                                refused,
                                                detail,
                                                why,
                                            } = row;
                                            let detail = move || match &why {
                                                Some(why) => locale.reason_kept(why),
                                                None => detail.clone(),
                                            };
                                            let system = who.is_empty();
                                            let data_action = action.clone();
                                            view! {
                                                <tr data-action=data_action class:refused=refused>
                                                    <td class="nowrap">{at}</td>
                                                    <td>
                                                        {move || {
                                                            if system {
                                                                locale.t(Msg::AuditSystem).to_owned()
                                                            } else {
                                                                who.clone()
                                                            }
                                                        }}
                                                        {partner
                                                            .then(|| {
                                                                view! {
                                                                    " "
                                                                    <span class="chip">
                                                                        {move || locale.t(Msg::AuditPartner)}
                                                                    </span>
                                                                }
                                                            })}
                                                        {(!email.is_empty())
                                                            .then(|| {
                                                                view! {
                                                                    <br />
                                                                    <span class="muted">{email.clone()}</span>
                                                                }
                                                            })}
                                                    </td>
                                                    <td>{move || action_text(locale, &action)}</td>
                                                    <td>
                                                        <code>{subject}</code>
                                                    </td>
                                                    <td>
                                                        {move || {
                                                            locale
                                                                .t(
                                                                    if refused {
                                                                        Msg::AuditRefused
                                                                    } else {
                                                                        Msg::AuditSucceeded
                                                                    },
                                                                )
                                                        }}
                                                    </td>
                                                    <td>{detail}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                })
                        }}
                    </tbody>
                </table>
            </div>
            <Show when=move || found.with(|(rows, _, _)| rows.is_empty())>
                <p class="muted">{move || locale.t(Msg::AuditEmpty)}</p>
            </Show>
        </section>
    }
}

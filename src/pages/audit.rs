//! `/admin/audit`: every command in the tenant — who, when, what, and how it ended —
//! filterable and exportable as CSV.

use crate::components::download::download_as;
use crate::components::field::{Choice, SearchField};
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

/// The log's filters and what they find: (rows shown, matches, events in the tenant).
#[derive(Clone, Copy)]
struct AuditLog {
    search: RwSignal<String>,
    action: RwSignal<Option<String>>,
    outcome: RwSignal<Option<AuditOutcome>>,
    found: Memo<(Vec<Row>, usize, usize)>,
}

impl AuditLog {
    fn new() -> Self {
        let store = Store::get();
        let session = Session::get();
        let search = RwSignal::new(String::new());
        let action = RwSignal::new(None::<String>);
        let outcome = RwSignal::new(None::<AuditOutcome>);
        let found = Memo::new(move |_| {
            let Some(actor) = session.actor() else {
                return (Vec::new(), 0, 0);
            };
            let q = AuditQuery {
                search: search.get(),
                action: action.get(),
                outcome: outcome.get(),
            };
            store.state.with(|s| {
                let all = audit_of(s, &actor.tenant).count();
                let events = audit_events(s, &actor.tenant, &q);
                let rows = events
                    .iter()
                    .take(SHOWN)
                    .map(|e| Row::of(&s.directory, e))
                    .collect();
                (rows, events.len(), all)
            })
        });
        AuditLog {
            search,
            action,
            outcome,
            found,
        }
    }

    /// Every event the filters find, as CSV, offered for download.
    fn export(self) {
        let store = Store::get();
        let Some(actor) = Session::get().actor_untracked() else {
            return;
        };
        let q = AuditQuery {
            search: self.search.get_untracked(),
            action: self.action.get_untracked(),
            outcome: self.outcome.get_untracked(),
        };
        let csv = store
            .state
            .with_untracked(|s| audit_csv(&s.directory, &audit_events(s, &actor.tenant, &q)));
        download_as(
            &format!("audit-log-{}.csv", actor.tenant.0),
            "text/csv",
            &csv,
        );
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let locale = Locale::get();
    let log = AuditLog::new();
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::AuditTitle) />
            <p>{locale.text(Msg::AuditIntro)}</p>
            <p class="muted" id="audit-demo-note">
                {locale.text(Msg::AuditDemoNote)}
            </p>
            <div class="form form--inline toolbar">
                <SearchField id="audit-search" label=Msg::AuditSearch value=log.search />
                <ActionFilter log />
                <OutcomeFilter log />
                <button
                    type="button"
                    class="button"
                    id="audit-export"
                    on:click=move |_| log.export()
                >
                    {locale.text(Msg::AuditExport)}
                </button>
            </div>
            <AuditCount log />
            <AuditTable log />
            <Show when=move || log.found.with(|(rows, _, _)| rows.is_empty())>
                <p class="muted">{locale.text(Msg::AuditEmpty)}</p>
            </Show>
        </section>
    }
}

/// Which action: every one the tenant's log holds, by its name in the reader's language.
#[component]
fn ActionFilter(log: AuditLog) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let actions = Memo::new(move |_| {
        session
            .actor()
            .map(|a| store.state.with(|s| audit_actions(s, &a.tenant)))
            .unwrap_or_default()
    });
    let option = move |a: String| {
        let text = action_text(locale, &a);
        let chosen = a.clone();
        let selected = move || log.action.read().as_deref() == Some(chosen.as_str());
        view! {
            <option value=a selected=selected>
                {text}
            </option>
        }
    };
    view! {
        <div class="field">
            <label for="audit-action">{locale.text(Msg::AuditActionFilter)}</label>
            <select
                id="audit-action"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    log.action.set((!v.is_empty()).then_some(v));
                }
            >
                <option value="" selected=move || log.action.read().is_none()>
                    {locale.text(Msg::AuditAllActions)}
                </option>
                {move || actions.get().into_iter().map(option).collect_view()}
            </select>
        </div>
    }
}

/// Succeeded, refused, or both.
#[component]
fn OutcomeFilter(log: AuditLog) -> impl IntoView {
    const OUTCOMES: &[(&str, Msg)] = &[
        ("", Msg::AuditAllOutcomes),
        ("succeeded", Msg::AuditSucceeded),
        ("refused", Msg::AuditRefused),
    ];
    let value = Signal::derive(move || match log.outcome.get() {
        Some(AuditOutcome::Succeeded) => "succeeded".to_owned(),
        Some(AuditOutcome::Refused) => "refused".to_owned(),
        None => String::new(),
    });
    let on_change = move |v: String| {
        log.outcome.set(match v.as_str() {
            "succeeded" => Some(AuditOutcome::Succeeded),
            "refused" => Some(AuditOutcome::Refused),
            _ => None,
        })
    };
    view! {
        <Choice id="audit-outcome" label=Msg::AuditOutcomeFilter value on_change options=OUTCOMES />
    }
}

/// How many events match, of how many; and that only the first `SHOWN` are shown.
#[component]
fn AuditCount(log: AuditLog) -> impl IntoView {
    let locale = Locale::get();
    let count = move || {
        log.found.with(|(_, matches, all)| {
            let mut text = locale.tf(
                Msg::AuditCount,
                &[("shown", &matches.to_string()), ("total", &all.to_string())],
            );
            if *matches > SHOWN {
                text.push(' ');
                text.push_str(&locale.tf(Msg::AuditMore, &[("shown", &SHOWN.to_string())]));
            }
            text
        })
    };
    view! {
        <p class="muted" role="status" id="audit-count">
            {count}
        </p>
    }
}

const HEADINGS: [Msg; 6] = [
    Msg::ColDate,
    Msg::ColActor,
    Msg::ColActivity,
    Msg::ColSubject,
    Msg::ColOutcome,
    Msg::ColDetail,
];

#[component]
fn AuditTable(log: AuditLog) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <div class="table-scroll">
            <table class="grid" id="audit-grid">
                <thead>
                    <tr>
                        {HEADINGS
                            .into_iter()
                            .map(|h| view! { <th scope="col">{locale.text(h)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        log.found
                            .with(|(rows, _, _)| {
                                rows.iter()
                                    .cloned()
                                    .map(|row| view! { <AuditRow row /> })
                                    .collect_view()
                            })
                    }}
                </tbody>
            </table>
        </div>
    }
}

/// One event: when, who (the system, or a person, marked when a partner), what, on what,
/// how it ended, and the detail or the refusal's reason in the reader's language.
#[component]
fn AuditRow(row: Row) -> impl IntoView {
    let locale = Locale::get();
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
    let who = move || {
        if system {
            locale.t(Msg::AuditSystem).to_owned()
        } else {
            who.clone()
        }
    };
    let ended = if refused {
        Msg::AuditRefused
    } else {
        Msg::AuditSucceeded
    };
    let data_action = action.clone();
    view! {
        <tr data-action=data_action class:refused=refused>
            <td class="nowrap">{at}</td>
            <td>
                {who}
                {partner
                    .then(|| {
                        view! {
                            " "
                            <span class="chip">{locale.text(Msg::AuditPartner)}</span>
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
            <td>{locale.text(ended)}</td>
            <td>{detail}</td>
        </tr>
    }
}

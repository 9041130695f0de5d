//! The policy console: a terminal-style panel speaking the MSCommerce cmdlets. Parsing,
//! roles and output are the domain's (`domain::console`); this file keeps the
//! connection, the history and the lines on screen.

use crate::domain::commands::{Command, Explanation};
use crate::domain::console::{
    self, cmdlet_names, parse, plan, product_policies_table, Cmdlet, ConsoleError, Plan,
};
use crate::domain::{Actor, Denied, Role};
use crate::i18n::{fill, lookup, Msg};
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::session::Session;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Input,
    Output,
    Warning,
    Error,
}

#[derive(Debug, Clone)]
struct Line {
    kind: LineKind,
    text: String,
}

/// The console's state: what is on screen, what was typed before, and the connection.
#[derive(Clone, Copy)]
struct Console {
    lines: RwSignal<Vec<Line>>,
    history: StoredValue<Vec<String>>,
    /// Where ↑/↓ are in the history; `None` when editing a new line.
    cursor: RwSignal<Option<usize>>,
    connected: RwSignal<bool>,
    input: RwSignal<String>,
}

impl Console {
    fn new() -> Console {
        Console {
            lines: RwSignal::new(Vec::new()),
            history: StoredValue::new(Vec::new()),
            cursor: RwSignal::new(None),
            connected: RwSignal::new(false),
            input: RwSignal::new(String::new()),
        }
    }

    fn print(self, kind: LineKind, text: String) {
        self.lines.update(|l| l.push(Line { kind, text }));
    }

    fn remember(self, line: &str) {
        self.history.update_value(|h| {
            if !line.trim().is_empty() && h.last().map(String::as_str) != Some(line) {
                h.push(line.to_owned());
            }
        });
        self.cursor.set(None);
    }

    /// ↑ (`back`) and ↓ through earlier commands.
    fn recall(self, back: bool) {
        let len = self.history.with_value(Vec::len);
        if len == 0 {
            return;
        }
        let next = match (self.cursor.get_untracked(), back) {
            (None, true) => Some(len - 1),
            (None, false) => None,
            (Some(0), true) => Some(0),
            (Some(i), true) => Some(i - 1),
            (Some(i), false) if i + 1 < len => Some(i + 1),
            (Some(_), false) => None,
        };
        self.cursor.set(next);
        self.input
            .set(next.map_or_else(String::new, |i| self.history.with_value(|h| h[i].clone())));
    }

    /// PowerShell's own warning line, in the panel's words.
    fn warn_blocks(self, locale: Locale, product: &str) {
        self.print(
            LineKind::Warning,
            locale.tf(Msg::ConsoleBlocksEverything, &[("product", product)]),
        );
    }

    fn error_text(locale: Locale, error: &ConsoleError) -> String {
        let mut args: Vec<(&str, String)> = error.args();
        if let ConsoleError::Denied(denied) = error {
            args.push(("reason", locale.key(denied_key(denied)).to_owned()));
        }
        let text = lookup(locale.lang(), error.message_key()).unwrap_or(error.message_key());
        let borrowed: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(text, &borrowed)
    }

    /// Runs one line: parse, plan against the current state, and for a change, the store.
    async fn run(self, store: Store, actor: Option<Actor>, locale: Locale, line: String) {
        self.print(LineKind::Input, line.clone());
        self.remember(&line);
        let cmdlet = match parse(&line) {
            Ok(Some(c)) => c,
            Ok(None) => return,
            Err(e) => return self.print(LineKind::Error, Console::error_text(locale, &e)),
        };
        let catalog = store.catalog();
        let update_of = match &cmdlet {
            Cmdlet::UpdateProductPolicy {
                product,
                what_if: false,
                ..
            } => Some(product.clone()),
            _ => None,
        };
        let planned = store.state.with_untracked(|state| {
            plan(
                cmdlet,
                &console::Session {
                    state,
                    catalog: &catalog,
                    actor: actor.as_ref(),
                    connected: self.connected.get_untracked(),
                },
            )
        });
        match planned {
            Err(e) => {
                // A change refused for its role is written to the audit log like any refusal.
                if let (ConsoleError::Denied(d), Some(product), Some(actor)) =
                    (&e, update_of, actor.clone())
                {
                    let _ = store
                        .record_refusal(
                            actor,
                            "set_policy",
                            product.to_string(),
                            format!("not allowed: {d}"),
                            Explanation::new(denied_key(d)),
                        )
                        .await;
                }
                self.print(LineKind::Error, Console::error_text(locale, &e));
            }
            Ok(Plan::Connect { account, tenant }) => {
                self.connected.set(true);
                self.print(
                    LineKind::Output,
                    locale.tf(
                        Msg::ConsoleConnected,
                        &[("account", &account), ("tenant", &tenant)],
                    ),
                );
            }
            Ok(Plan::Print(text)) => self.print(LineKind::Output, text),
            Ok(Plan::Help) => {
                let names = cmdlet_names().collect::<Vec<_>>().join(", ");
                self.print(
                    LineKind::Output,
                    locale.tf(Msg::ConsoleHelp, &[("cmdlets", &names)]),
                );
            }
            Ok(Plan::Clear) => self.lines.set(Vec::new()),
            Ok(Plan::WhatIf {
                product_name,
                product,
                value,
                blocks_everything,
            }) => {
                self.print(
                    LineKind::Output,
                    locale.tf(
                        Msg::ConsoleWhatIf,
                        &[
                            ("product", &product_name),
                            ("id", product.as_str()),
                            ("value", value.as_str()),
                        ],
                    ),
                );
                if blocks_everything {
                    self.warn_blocks(locale, &product_name);
                }
            }
            Ok(Plan::Update {
                product_name,
                product,
                value,
                blocks_everything,
            }) => {
                let Some(actor) = actor else { return };
                if blocks_everything {
                    self.warn_blocks(locale, &product_name);
                }
                match store
                    .dispatch(
                        actor.clone(),
                        Command::SetPolicyWithModule {
                            product: product.clone(),
                            value,
                        },
                    )
                    .await
                {
                    Ok(_) => {
                        let table = store.state.with_untracked(|s| {
                            product_policies_table(s, &catalog, &actor, Some(&product))
                        });
                        self.print(LineKind::Output, table);
                    }
                    Err(e) => self.print(LineKind::Error, locale.reason(&e.explanation())),
                }
            }
        }
    }
}

#[component]
pub fn PolicyConsole() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let console = Console::new();
    let run = Action::new_local(move |line: &String| {
        let (line, actor) = (line.clone(), session.actor_untracked());
        console.run(store, actor, locale, line)
    });
    let output = NodeRef::<leptos::html::Pre>::new();
    // Keep the newest line in view, as a terminal does.
    Effect::new(move |_| {
        console.lines.track();
        if let Some(el) = output.get() {
            el.set_scroll_top(el.scroll_height());
        }
    });
    view! {
        <section class="panel console" aria-labelledby="console-title">
            <h2 id="console-title">{move || locale.t(Msg::ConsoleTitle)}</h2>
            <p class="muted">{move || locale.t(Msg::ConsoleIntro)}</p>
            <pre
                class="console__output"
                id="console-output"
                node_ref=output
                role="log"
                tabindex="0"
                aria-label=move || locale.t(Msg::ConsoleOutputLabel)
            >
                {move || {
                    console
                        .lines
                        .get()
                        .into_iter()
                        .map(|line| {
                            let class = match line.kind {
                                LineKind::Input => "console__line console__line--input",
                                LineKind::Output => "console__line",
                                LineKind::Warning => "console__line console__line--warning",
                                LineKind::Error => "console__line console__line--error",
                            };
                            let prompt = (line.kind == LineKind::Input).then_some("PS> ");
                            view! { <span class=class>{prompt}{line.text}"\n"</span> }
                        })
                        .collect_view()
                }}
            </pre>
            <form
                class="console__prompt"
                on:submit=move |ev| {
                    ev.prevent_default();
                    let line = console.input.get_untracked();
                    console.input.set(String::new());
                    run.dispatch(line);
                }
            >
                <label for="console-input" class="console__ps">
                    <span aria-hidden="true">"PS>"</span>
                    <span class="visually-hidden">{move || locale.t(Msg::ConsoleInputLabel)}</span>
                </label>
                <input
                    id="console-input"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    autocapitalize="off"
                    prop:value=move || console.input.get()
                    on:input=move |ev| console.input.set(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                        "ArrowUp" => {
                            ev.prevent_default();
                            console.recall(true)
                        }
                        "ArrowDown" => {
                            ev.prevent_default();
                            console.recall(false)
                        }
                        _ => {}
                    }
                />
                <button type="submit" class="button" disabled=move || run.pending().get()>
                    {move || locale.t(Msg::ConsoleRun)}
                </button>
            </form>
        </section>
    }
}

/// Why the module refused a change for its role. Only a delegated partner is told to be
/// the customer's Global admin.
fn denied_key(denied: &Denied) -> &'static str {
    match denied {
        Denied::MissingRole(roles) if roles.as_slice() == [Role::GlobalAdmin] => {
            Msg::DeniedPolicyChangePartner.key()
        }
        Denied::MissingRole(_) => Msg::DeniedPolicyChange.key(),
        other => other.message_key(),
    }
}

//! The policy console: a terminal-style panel speaking PowerShell with the MSCommerce
//! module. Reading, running and printing are the domain's (`domain::console`); this file
//! keeps the lines on screen, the history, the `>>` of an unfinished input, and this
//! app's notes on the last command, apart from the transcript.

use crate::domain::commands::Explanation;
use crate::domain::console::{self, needs_more, Changed, Line, Refused, Run, World};
use crate::domain::Actor;
use crate::i18n::{console_lines, explain, Msg};
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use crate::store::files::Saved;
use crate::store::session::Session;
use leptos::prelude::*;
use std::collections::VecDeque;
use std::convert::Infallible;

/// A line on screen, keyed for `<For>`.
#[derive(Debug, Clone)]
struct Shown {
    id: usize,
    /// The prompt it was typed at, for an input line.
    prompt: Option<&'static str>,
    line: Line,
}

/// This app's word on the last run: what the module left unsaid, the changes made and the
/// ones refused, or why nothing could be saved.
#[derive(Debug, Clone, Default)]
struct Outcome {
    notes: Vec<Explanation>,
    changes: Vec<Changed>,
    refused: Vec<Refused>,
    failed: Option<DispatchError>,
}

/// The console's state: what is on screen, what was typed before, the session (variables
/// and connection), and an input waiting for more lines.
#[derive(Clone, Copy)]
struct Console {
    lines: RwSignal<Vec<Shown>>,
    next_id: StoredValue<usize>,
    outcome: RwSignal<Outcome>,
    history: StoredValue<Vec<String>>,
    /// Where ↑/↓ are in the history; `None` when editing a new line.
    cursor: RwSignal<Option<usize>>,
    input: RwSignal<String>,
    /// The lines of an input that is not finished yet: the prompt shows `>>`.
    pending: RwSignal<Option<String>>,
    session: StoredValue<console::Session>,
    /// Inputs run so far: the page says it (`data-runs`), so a test can wait for a run that
    /// printed nothing, as an assignment does.
    runs: RwSignal<u32>,
    /// Lines typed or pasted and not yet taken, and whether they are being worked through.
    queue: StoredValue<VecDeque<String>>,
    busy: RwSignal<bool>,
}

impl Console {
    fn new() -> Console {
        Console {
            lines: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
            outcome: RwSignal::new(Outcome::default()),
            history: StoredValue::new(Vec::new()),
            cursor: RwSignal::new(None),
            input: RwSignal::new(String::new()),
            pending: RwSignal::new(None),
            session: StoredValue::new(console::Session::default()),
            runs: RwSignal::new(0),
            queue: StoredValue::new(VecDeque::new()),
            busy: RwSignal::new(false),
        }
    }

    fn show(self, prompt: Option<&'static str>, line: Line) {
        if line == Line::Clear {
            self.lines.set(Vec::new());
            return;
        }
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.lines.update(|l| l.push(Shown { id, prompt, line }));
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

    /// Queues typed or pasted lines and works through them in order. One runner at a
    /// time, so a paste's lines and their output interleave as in a terminal however fast
    /// they come (an `Action` per Enter could run two inputs at once).
    fn submit(self, store: Store, actor: Option<Actor>, typed: &str) {
        self.queue
            .update_value(|q| q.extend(typed.split('\n').map(str::to_owned)));
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            while let Some(line) = self.queue.try_update_value(|q| q.pop_front()).flatten() {
                if let Some(input) = self.take(&line) {
                    self.run(store, actor.clone(), input).await;
                    self.runs.update(|n| *n += 1);
                }
            }
            self.busy.set(false);
        });
    }

    /// Takes one line as a terminal does: echoed at its prompt; an unfinished input waits
    /// for more (`>>`, or a blank line to end it); a finished one is handed back to run.
    fn take(self, line: &str) -> Option<String> {
        let prompt = if self.pending.with_untracked(Option::is_some) {
            ">>"
        } else {
            "PS>"
        };
        self.show(Some(prompt), Line::Input(line.to_owned()));
        self.remember(line);
        let so_far = match self.pending.get_untracked() {
            Some(before) => format!("{before}\n{line}"),
            None => line.to_owned(),
        };
        let ends_continuation = prompt == ">>" && line.trim().is_empty();
        if needs_more(&so_far) && !ends_continuation {
            self.pending.set(Some(so_far));
            None
        } else {
            self.pending.set(None);
            Some(so_far)
        }
    }

    /// Runs one finished input: against the state as shown when it only reads, in one
    /// transaction of the store when it changes something (so another tab's change is
    /// seen first, and every change of it is saved together or not at all).
    async fn run(self, store: Store, actor: Option<Actor>, input: String) {
        if input.trim().is_empty() {
            return;
        }
        let session = self.session.get_value();
        let catalog = store.catalog();
        let now = store.clock.get_untracked();
        let dry = store.state.with_untracked(|state| {
            let world = World {
                catalog: &catalog,
                now,
                actor: actor.as_ref(),
            };
            console::run(&session, state, &world, &input)
        });
        let run = if dry.state.is_none() {
            Ok(dry)
        } else {
            store
                .transact(move |base| {
                    let catalog = store.catalog();
                    let world = World {
                        catalog: &catalog,
                        now: base.clock,
                        actor: actor.as_ref(),
                    };
                    let run = console::run(&session, base.state, &world, &input);
                    let state = run.state.clone().unwrap_or_else(|| base.state.clone());
                    Ok::<_, Infallible>((Saved::new(base.clock, state), run))
                })
                .await
        };
        match run {
            Ok(run) => self.finish(run),
            Err(failed) => self.outcome.set(Outcome {
                failed: Some(failed),
                ..Outcome::default()
            }),
        }
    }

    /// Shows what a run printed, and keeps its outcome for the notes.
    fn finish(self, run: Run) {
        self.session.set_value(run.session);
        for line in run.lines {
            self.show(None, line);
        }
        self.outcome.set(Outcome {
            notes: run.notes,
            changes: run.changes,
            refused: run.refused,
            failed: None,
        });
    }
}

#[component]
pub fn PolicyConsole() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let console = Console::new();
    let submit = move |typed: String| console.submit(store, session.actor_untracked(), &typed);
    let output = NodeRef::<leptos::html::Pre>::new();
    // Keep the newest line in view, as a terminal does.
    Effect::new(move |_| {
        console.lines.track();
        if let Some(el) = output.get() {
            el.set_scroll_top(el.scroll_height());
        }
    });
    view! {
        <section
            class="panel console"
            aria-labelledby="console-title"
            data-runs=move || console.runs.get().to_string()
        >
            <h2 id="console-title">{locale.text(Msg::ConsoleTitle)}</h2>
            <p class="muted">{locale.text(Msg::ConsoleIntro)}</p>
            <pre
                class="console__output"
                id="console-output"
                node_ref=output
                role="log"
                tabindex="0"
                translate="no"
                aria-label=locale.text(Msg::ConsoleOutputLabel)
            >
                <For each=move || console.lines.get() key=|shown| shown.id let:shown>
                    <TranscriptLine shown=shown />
                </For>
            </pre>
            <form
                class="console__prompt"
                on:submit=move |ev| {
                    ev.prevent_default();
                    let typed = console.input.get_untracked();
                    console.input.set(String::new());
                    submit(typed);
                }
            >
                <label for="console-input" class="console__ps">
                    <span aria-hidden="true">
                        {move || if console.pending.read().is_some() { ">>" } else { "PS>" }}
                    </span>
                    <span class="visually-hidden">{locale.text(Msg::ConsoleInputLabel)}</span>
                </label>
                <input
                    id="console-input"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    autocapitalize="off"
                    prop:value=move || console.input.get()
                    on:input=move |ev| console.input.set(event_target_value(&ev))
                    on:paste=move |ev: leptos::ev::ClipboardEvent| { paste(ev, console, submit) }
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
                <button type="submit" class="button" disabled=move || console.busy.get()>
                    {locale.text(Msg::ConsoleRun)}
                </button>
            </form>
            <ConsoleNotes outcome=console.outcome />
        </section>
    }
}

/// A paste of several lines runs them, as a terminal does; the last one, with no line
/// break after it, stays at the prompt to edit. One line pastes as usual.
fn paste(ev: leptos::ev::ClipboardEvent, console: Console, submit: impl Fn(String)) {
    let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) else {
        return;
    };
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let Some(last_break) = text.rfind('\n') else {
        return;
    };
    ev.prevent_default();
    let before = console.input.get_untracked();
    let (whole, rest) = text.split_at(last_break);
    console.input.set(rest.trim_start_matches('\n').to_owned());
    submit(format!("{before}{whole}"));
}

/// One line of the transcript: what PowerShell or the module printed, in its shape; this
/// app's own lines marked as such.
#[component]
fn TranscriptLine(shown: Shown) -> impl IntoView {
    let locale = Locale::get();
    let (class, marker) = match &shown.line {
        Line::Input(_) => ("console__line console__line--input", None),
        Line::Error(_) => ("console__line console__line--error", None),
        Line::App(_) => (
            "console__line console__line--app",
            Some(Msg::ConsoleAppLine),
        ),
        Line::Text(_) | Line::Clear => ("console__line", None),
    };
    let prompt = shown.prompt.map(|p| format!("{p} "));
    let line = StoredValue::new(shown.line);
    view! {
        <span class=class>
            {prompt}
            {marker
                .map(|m| {
                    view! { <strong class="console__marker">{locale.text(m)} " "</strong> }
                })} {move || line.with_value(|l| console_lines(locale.lang(), l).join("\n"))} "\n"
        </span>
    }
}

/// This app's notes on the last command, outside the transcript, in the reader's
/// language: the notes, then the outcome — the changes made and the ones refused, each named.
#[component]
fn ConsoleNotes(outcome: RwSignal<Outcome>) -> impl IntoView {
    let locale = Locale::get();
    let items = move || {
        let lang = locale.lang();
        outcome.with(|o| {
            let mut items: Vec<String> = o.notes.iter().map(|n| explain(lang, n)).collect();
            if !o.changes.is_empty() {
                let list = o
                    .changes
                    .iter()
                    .map(|c| {
                        locale.tf(
                            Msg::ConsoleSummaryItem,
                            &[("name", &c.name), ("from", c.from.as_str()), ("to", c.to.as_str())],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                items.push(locale.tn(
                    Msg::ConsoleSummaryChanged,
                    ("count", o.changes.len()),
                    &[("list", &list)],
                ));
            }
            if !o.refused.is_empty() {
                let list = o
                    .refused
                    .iter()
                    .map(|r| format!("{} ({})", r.target, explain(lang, &r.why)))
                    .collect::<Vec<_>>()
                    .join("; ");
                items.push(locale.tf(Msg::ConsoleSummaryRefused, &[("list", &list)]));
            }
            items.extend(o.failed.as_ref().map(|e| locale.explain(e)));
            items
        })
    };
    view! {
        <div class="console__notes" id="console-notes" role="status" aria-live="polite">
            <Show when=move || !items().is_empty()>
                <h3 class="console__notes-title">{locale.text(Msg::ConsoleNotesTitle)}</h3>
                <ul>
                    {move || items().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}

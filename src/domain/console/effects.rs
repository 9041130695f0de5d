//! What a run does as it goes: its transcript, this app's notes, the state it works on and
//! the policies it changed or was refused; and how a command stops (`Stop`). The
//! interpreter (`eval`) and the module's cmdlets (`module`) both write here, so neither
//! reaches into the other.

use super::bind::{Bound, Spec};
use super::lex::Span;
use super::record::{ErrorRecord, Line, Position, PsMessage};
use super::session::{Changed, Refused, Session, World};
use crate::domain::explanation::Explanation;
use crate::domain::subscription::State;

/// How a statement ended early.
pub(super) enum Stop {
    /// A terminating error. A `fatal` one (a `throw`, `-ErrorAction Stop`) ends the whole
    /// top-level statement; the others end the statement they are in.
    Error {
        record: Box<ErrorRecord>,
        fatal: bool,
    },
    /// Something the subset does not run: this app's own line says what.
    Unsupported(Explanation),
}

pub(super) type Flow<T> = Result<T, Stop>;

/// A command ready to run: what it is, its arguments bound, and where it was written.
pub(super) struct Prepared {
    pub spec: &'static Spec,
    pub bound: Bound,
    pub span: Span,
}

/// What a run has done so far.
pub(super) struct Effects<'w> {
    pub world: &'w World<'w>,
    pub input: &'w str,
    pub session: Session,
    pub state: State,
    pub lines: Vec<Line>,
    pub notes: Vec<Explanation>,
    pub changes: Vec<Changed>,
    pub refused: Vec<Refused>,
    /// The state differs from the one the run started with.
    pub touched: bool,
}

impl<'w> Effects<'w> {
    pub fn new(world: &'w World<'w>, input: &'w str, session: Session, state: State) -> Self {
        Effects {
            world,
            input,
            session,
            state,
            lines: Vec::new(),
            notes: Vec::new(),
            changes: Vec::new(),
            refused: Vec::new(),
            touched: false,
        }
    }

    /// Adds a note once: a loop that fails the same way says so once.
    pub fn note(&mut self, note: Explanation) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    pub fn stopped(&mut self, stop: Stop) {
        match stop {
            Stop::Error { record, .. } => self.lines.push(Line::Error(*record)),
            Stop::Unsupported(why) => self.lines.push(Line::App(why)),
        }
    }

    /// The record of an error at a place in the input.
    pub fn record(
        &self,
        source: Option<&str>,
        message: PsMessage,
        span: Option<Span>,
        category: String,
        fqid: String,
    ) -> ErrorRecord {
        ErrorRecord {
            source: source.map(str::to_owned),
            message,
            at: span.map(|s| Position::of(self.input, s)),
            category,
            fqid,
            parse: false,
        }
    }

    /// Writes a non-terminating error, unless the command's `-ErrorAction` silences it or
    /// makes it terminating.
    pub fn write_error(&mut self, command: &Prepared, record: ErrorRecord) -> Flow<()> {
        match command.bound.text("ErrorAction").as_deref() {
            Some("Stop") => Err(Stop::Error {
                record: Box::new(record),
                fatal: true,
            }),
            Some("SilentlyContinue" | "Ignore") => Ok(()),
            _ => {
                self.lines.push(Line::Error(record));
                Ok(())
            }
        }
    }
}

//! Runs a parsed input: statements in order, each pipeline's commands bound before any of
//! them runs, items passed down one stage at a time, and what is left shown as PowerShell
//! shows it. A statement that stops at a terminating error leaves the state as it found
//! it: a pipeline is never half done.

use super::bind::{self, bind, BindError, Bound, Cmd, Given, Spec, WHERE_OPERATORS};
use super::effects::{Effects, Flow, Prepared, Stop};
use super::format::{list, out_default, table};
use super::lex::Span;
use super::module;
use super::names::{powershell_knows, suggest};
use super::parse::{Arg, Call, CmpOp, Element, Expr, Pipeline, Script, Statement, StrPart};
use super::record::{Engine, Line, PsMessage};
use super::session::{Session, World};
use super::value::{compare, order, CompareError, Object, Value};
use crate::domain::commands::Explanation;
use crate::domain::subscription::State;

/// The interpreter: what the run has done so far (`Effects`, which the module's cmdlets
/// write to as well) and `$_`, the items being processed, innermost last.
pub(super) struct Interp<'w> {
    fx: Effects<'w>,
    current: Vec<Value>,
}

impl<'w> std::ops::Deref for Interp<'w> {
    type Target = Effects<'w>;
    fn deref(&self) -> &Effects<'w> {
        &self.fx
    }
}

impl std::ops::DerefMut for Interp<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.fx
    }
}

impl<'w> Interp<'w> {
    pub fn new(world: &'w World<'w>, input: &'w str, session: Session, state: State) -> Self {
        Interp {
            fx: Effects::new(world, input, session, state),
            current: Vec::new(),
        }
    }

    /// What the run did.
    pub fn done(self) -> Effects<'w> {
        self.fx
    }

    /// Runs the top-level statements; each one's output is shown when it ends.
    pub fn run(&mut self, script: &Script) {
        for statement in &script.statements {
            let saved = (
                self.state.policies.clone(),
                self.state.audit.len(),
                self.changes.len(),
                self.refused.len(),
            );
            match self.statement(statement) {
                Ok(values) => {
                    let shown = out_default(&values);
                    self.lines.extend(shown.into_iter().map(Line::Text));
                }
                Err(stop) => {
                    let undone = self.changes.len() - saved.2;
                    if undone > 0 {
                        self.note(
                            Explanation::new("console.note.rolled_back").count("count", undone),
                        );
                    }
                    self.state.policies = saved.0;
                    self.state.audit.truncate(saved.1);
                    self.changes.truncate(saved.2);
                    self.refused.truncate(saved.3);
                    self.stopped(stop);
                }
            }
        }
    }

    fn statement(&mut self, statement: &Statement) -> Flow<Vec<Value>> {
        match statement {
            Statement::Pipeline(p) => self.pipeline(p),
            Statement::Assign { var, value } => {
                let items = self.pipeline(value)?;
                self.session.set(var, Value::collect(items));
                Ok(Vec::new())
            }
            Statement::Foreach { var, source, body } => {
                let source = self.eval(source)?;
                let items = if source == Value::Null {
                    Vec::new()
                } else {
                    source.items()
                };
                let mut out = Vec::new();
                for item in items {
                    self.session.set(var, item);
                    out.extend(self.block(body)?);
                }
                Ok(out)
            }
        }
    }

    /// A script block's statements: errors that end a statement are shown and the block
    /// goes on, as PowerShell does; a fatal one ends it.
    fn block(&mut self, script: &Script) -> Flow<Vec<Value>> {
        let mut out = Vec::new();
        for statement in &script.statements {
            match self.statement(statement) {
                Ok(values) => out.extend(values),
                Err(stop @ Stop::Error { fatal: true, .. }) => return Err(stop),
                Err(stop) => self.stopped(stop),
            }
        }
        Ok(out)
    }

    fn pipeline(&mut self, p: &Pipeline) -> Flow<Vec<Value>> {
        // Every command is found and bound before any runs: one that cannot be leaves
        // the whole pipeline undone.
        let mut stages = Vec::new();
        for element in &p.elements {
            stages.push(match element {
                Element::Expr(e) => Err(e),
                Element::Command(call) => Ok(self.prepare(call)?),
            });
        }
        let mut items: Option<Vec<Value>> = None;
        for stage in stages {
            items = Some(match stage {
                Err(expr) => self.eval(expr)?.items(),
                Ok(command) => self.invoke(&command, items)?,
            });
        }
        Ok(items.unwrap_or_default())
    }

    fn prepare(&mut self, call: &Call) -> Flow<Prepared> {
        let whole = Span {
            start: call.span.start,
            end: call.args.last().map_or(call.span.end, |a| match a {
                Arg::Param {
                    span, value: None, ..
                } => span.end,
                Arg::Param { span, .. } | Arg::Value { span, .. } => span.end,
            }),
        };
        let Some(spec) = bind::spec(&call.name) else {
            return Err(self.not_found(call));
        };
        let mut given = Vec::new();
        let mut spans = Vec::new();
        for arg in &call.args {
            match arg {
                Arg::Param { name, span, value } => {
                    let value = match value {
                        Some(e) => Some(self.eval(e)?),
                        None => None,
                    };
                    given.push(Given::Param {
                        name: name.clone(),
                        value,
                    });
                    spans.push(*span);
                }
                Arg::Value { expr, span } => {
                    let value = self.eval(expr)?;
                    let text = match &value {
                        Value::Block(_) | Value::Null => self.source(*span),
                        other => other.text(),
                    };
                    given.push(Given::Value { value, text });
                    spans.push(*span);
                }
            }
        }
        let bound =
            bind(spec, &given).map_err(|e| self.bind_error(spec, &e, &spans, call, whole))?;
        Ok(Prepared {
            spec,
            bound,
            span: whole,
        })
    }

    /// What the input says between two offsets.
    fn source(&self, span: Span) -> String {
        self.input
            .chars()
            .skip(span.start)
            .take(span.end.saturating_sub(span.start))
            .collect()
    }

    fn bind_error(
        &mut self,
        spec: &Spec,
        e: &BindError,
        spans: &[Span],
        call: &Call,
        whole: Span,
    ) -> Stop {
        let span =
            e.at.and_then(|i| spans.get(i).copied())
                .unwrap_or(call.span);
        // This app's word on the few that have a likely cause.
        match &*e.error {
            Engine::Transformation { name } => {
                self.note(Explanation::new("console.note.several_values").text("name", name))
            }
            Engine::MissingMandatory { names } => {
                self.note(Explanation::new("console.note.no_prompt").text("names", names))
            }
            Engine::AmbiguousParameterSet if spec.cmd == Cmd::UpdateProductPolicy => {
                self.note(Explanation::new("console.note.one_set"))
            }
            _ => {}
        }
        let span = if matches!(
            *e.error,
            Engine::MissingMandatory { .. } | Engine::AmbiguousParameterSet
        ) {
            Span {
                start: call.span.start,
                end: call.span.end.max(whole.start + 1),
            }
        } else {
            span
        };
        Stop::Error {
            record: Box::new(self.record(
                Some(spec.name),
                PsMessage::Engine((*e.error).clone()),
                Some(span),
                format!("{}: (:) [{}], {}", e.category, spec.name, e.exception),
                format!("{},{}", e.id, spec.name),
            )),
            fatal: false,
        }
    }

    /// A name the console does not run: PowerShell's "not recognized" for a name it would
    /// not know either (with a suggestion where one is close), this app's "not supported
    /// here" for one of PowerShell's own.
    fn not_found(&mut self, call: &Call) -> Stop {
        if let Some(known) = powershell_knows(&call.name) {
            return Stop::Unsupported(
                Explanation::new("console.unsupported.cmdlet").text("name", known),
            );
        }
        if let Some(suggestion) = suggest(&call.name) {
            self.notes
                .push(Explanation::new("console.note.did_you_mean").text("name", suggestion));
        }
        Stop::Error {
            record: Box::new(self.record(
                Some(&call.name),
                PsMessage::Engine(Engine::CommandNotFound {
                    name: call.name.clone(),
                }),
                Some(call.span),
                format!(
                    "ObjectNotFound: ({}:String) [], CommandNotFoundException",
                    call.name
                ),
                "CommandNotFoundException".into(),
            )),
            fatal: false,
        }
    }

    fn var(&self, name: &str) -> Value {
        match name.to_ascii_lowercase().as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null" => Value::Null,
            "_" | "psitem" => self.current.last().cloned().unwrap_or(Value::Null),
            other => self.session.get(other),
        }
    }

    pub fn eval(&mut self, e: &Expr) -> Flow<Value> {
        Ok(match e {
            Expr::Str(parts) => {
                let mut text = String::new();
                for part in parts {
                    match part {
                        StrPart::Text(t) => text.push_str(t),
                        StrPart::Var(v) => text.push_str(&self.var(v).text()),
                        StrPart::Sub(script) => {
                            let out = self.statements(script)?;
                            text.push_str(&Value::collect(out).text());
                        }
                    }
                }
                Value::Str(text)
            }
            Expr::Word(w) => Value::Str(w.clone()),
            Expr::Number(n) => Value::Int(*n),
            Expr::Var(name) => self.var(name),
            Expr::Member(inner, name) => self.eval(inner)?.member(name),
            Expr::Index(inner, index) => {
                let value = self.eval(inner)?;
                match self.eval(index)? {
                    Value::Array(indexes) => {
                        Value::Array(indexes.iter().map(|i| value.index(as_index(i))).collect())
                    }
                    i => value.index(as_index(&i)),
                }
            }
            Expr::Array(items) => {
                let mut values = Vec::new();
                for item in items {
                    values.push(self.eval(item)?);
                }
                Value::Array(values)
            }
            Expr::Sub { script, array } => {
                let out = self.statements(script)?;
                if *array {
                    Value::Array(out)
                } else {
                    Value::collect(out)
                }
            }
            Expr::Block(script) => Value::Block(script.clone()),
            Expr::Compare { left, op, right } => {
                let (l, r) = (self.eval(left)?, self.eval(right)?);
                compare(&l, *op, &r).map_err(|CompareError::BadPattern(pattern)| Stop::Error {
                    record: Box::new(self.record(
                        None,
                        PsMessage::Engine(Engine::BadPattern { pattern }),
                        None,
                        "OperationStopped: (:) [], RuntimeException".into(),
                        "InvalidRegularExpression".into(),
                    )),
                    fatal: false,
                })?
            }
            Expr::Logic { left, op, right } => {
                let l = self.eval(left)?.is_true();
                let both = match op {
                    super::parse::Logic::And => l && self.eval(right)?.is_true(),
                    super::parse::Logic::Or => l || self.eval(right)?.is_true(),
                };
                Value::Bool(both)
            }
            Expr::Not(inner) => Value::Bool(!self.eval(inner)?.is_true()),
        })
    }

    /// The statements of `( … )` or `$( … )`: their output, errors passed up.
    fn statements(&mut self, script: &Script) -> Flow<Vec<Value>> {
        let mut out = Vec::new();
        for statement in &script.statements {
            out.extend(self.statement(statement)?);
        }
        Ok(out)
    }

    /// Runs a block with `$_` set to an item.
    fn with_item(&mut self, item: Value, script: &Script) -> Flow<Vec<Value>> {
        self.current.push(item);
        let out = self.block(script);
        self.current.pop();
        out
    }

    fn invoke(&mut self, command: &Prepared, input: Option<Vec<Value>>) -> Flow<Vec<Value>> {
        let b = &command.bound;
        match command.spec.cmd {
            Cmd::ImportModule
            | Cmd::Connect
            | Cmd::GetPolicies
            | Cmd::GetPolicy
            | Cmd::GetProductPolicies
            | Cmd::GetProductPolicy
            | Cmd::UpdateProductPolicy => module::invoke(&mut self.fx, command, input),
            Cmd::WhereObject => {
                let mut out = Vec::new();
                for item in piped(b, input) {
                    let keep = match b.get("FilterScript") {
                        Some(Value::Block(script)) => {
                            Value::collect(self.with_item(item.clone(), script)?).is_true()
                        }
                        _ => {
                            let value = item.member(&b.text("Property").unwrap_or_default());
                            match where_operator(b) {
                                Some(op) => {
                                    let right = b.get("Value").cloned().unwrap_or(Value::Null);
                                    compare(&value, op, &right)
                                        .map_err(|CompareError::BadPattern(pattern)| {
                                            Stop::Error {
                                                record: Box::new(self.record(
                                                    Some(command.spec.name),
                                                    PsMessage::Engine(Engine::BadPattern {
                                                        pattern,
                                                    }),
                                                    Some(command.span),
                                                    "InvalidArgument: (:) [Where-Object], RuntimeException".into(),
                                                    "InvalidRegularExpression,Microsoft.PowerShell.Commands.WhereObjectCommand".into(),
                                                )),
                                                fatal: false,
                                            }
                                        })?
                                        .is_true()
                                }
                                None => value.is_true(),
                            }
                        }
                    };
                    if keep {
                        out.push(item);
                    }
                }
                Ok(out)
            }
            Cmd::ForEachObject => {
                let mut out = Vec::new();
                for item in piped(b, input) {
                    match b.get("Process") {
                        Some(Value::Block(script)) => out.extend(self.with_item(item, script)?),
                        _ => {
                            let member = item.member(&b.text("MemberName").unwrap_or_default());
                            if member != Value::Null {
                                out.extend(member.items());
                            }
                        }
                    }
                }
                Ok(out)
            }
            Cmd::SelectObject => Ok(select(b, piped(b, input))),
            Cmd::SortObject => Ok(sort(b, piped(b, input))),
            Cmd::FormatTable | Cmd::FormatList => {
                let items = piped(b, input);
                let only = b.get("Property").map(texts);
                let objects: Vec<&Object> = items
                    .iter()
                    .filter_map(|v| match v {
                        Value::Object(o) => Some(o),
                        _ => None,
                    })
                    .collect();
                let mut lines = if command.spec.cmd == Cmd::FormatTable {
                    table(&objects, only.as_deref())
                } else {
                    list(&objects, only.as_deref())
                };
                if b.switch("HideTableHeaders") && lines.len() > 2 {
                    lines.drain(1..3);
                }
                let rest: Vec<Value> = items
                    .iter()
                    .filter(|v| !matches!(v, Value::Object(_)))
                    .cloned()
                    .collect();
                lines.extend(out_default(&rest));
                Ok(vec![Value::Format(lines.join("\n"))])
            }
            Cmd::WriteOutput => {
                let mut out: Vec<Value> = b
                    .get("InputObject")
                    .cloned()
                    .map(Value::items)
                    .unwrap_or_default();
                out.extend(input.unwrap_or_default());
                Ok(out)
            }
            Cmd::WriteHost => {
                let mut values: Vec<Value> = b
                    .get("Object")
                    .cloned()
                    .map(Value::items)
                    .unwrap_or_default();
                values.extend(input.unwrap_or_default());
                let text = values.iter().map(Value::text).collect::<Vec<_>>().join(" ");
                self.lines.push(Line::Text(text));
                Ok(Vec::new())
            }
            Cmd::Help => {
                self.lines.push(Line::App(
                    Explanation::new("console.help").text("cmdlets", super::names::cmdlet_list()),
                ));
                Ok(Vec::new())
            }
            Cmd::Clear => {
                self.lines.push(Line::Clear);
                Ok(Vec::new())
            }
        }
    }
}

/// What a command processes: what came down the pipeline, or its `-InputObject`.
fn piped(b: &Bound, input: Option<Vec<Value>>) -> Vec<Value> {
    match input {
        Some(items) => items,
        None => b
            .get("InputObject")
            .cloned()
            .map(|v| vec![v])
            .unwrap_or_default(),
    }
}

/// The comparison a simplified `Where-Object` was given.
fn where_operator(b: &Bound) -> Option<CmpOp> {
    WHERE_OPERATORS
        .iter()
        .find(|name| b.switch(name))
        .and_then(|name| CmpOp::named(name))
}

fn texts(v: &Value) -> Vec<String> {
    v.clone().items().iter().map(Value::text).collect()
}

fn as_index(v: &Value) -> i64 {
    match v {
        Value::Int(n) => *n,
        other => other.text().trim().parse().unwrap_or(i64::MAX),
    }
}

/// `Select-Object`: chosen properties as new objects, or one property's values, then
/// `-Unique`, `-First` and `-Last`.
fn select(b: &Bound, items: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<Value> = if let Some(name) = b.text("ExpandProperty") {
        items
            .iter()
            .map(|i| i.member(&name))
            .filter(|v| *v != Value::Null)
            .flat_map(Value::items)
            .collect()
    } else if let Some(props) = b.get("Property").map(texts) {
        items
            .iter()
            .map(|item| match item {
                Value::Object(o) => {
                    let mut picked = Vec::new();
                    for name in &props {
                        let matching: Vec<&(String, Value)> = o
                            .props
                            .iter()
                            .filter(|(k, _)| super::value::wildcard(name, k))
                            .collect();
                        if matching.is_empty() && !name.contains(['*', '?']) {
                            picked.push((name.clone(), Value::Null));
                        }
                        for (k, v) in matching {
                            if !picked.iter().any(|(p, _)| p == k) {
                                picked.push((k.clone(), v.clone()));
                            }
                        }
                    }
                    Value::Object(Object {
                        type_name: "Selected.System.Management.Automation.PSCustomObject",
                        props: picked,
                    })
                }
                other => other.clone(),
            })
            .collect()
    } else {
        items
    };
    if b.switch("Unique") {
        let mut seen: Vec<Value> = Vec::new();
        out.retain(|v| {
            let fresh = !seen.contains(v);
            if fresh {
                seen.push(v.clone());
            }
            fresh
        });
    }
    if let Some(Value::Int(n)) = b.get("First") {
        out.truncate(usize::try_from(*n).unwrap_or(0));
    }
    if let Some(Value::Int(n)) = b.get("Last") {
        let n = usize::try_from(*n).unwrap_or(0);
        out = out.split_off(out.len().saturating_sub(n));
    }
    out
}

/// `Sort-Object`: by the properties named (or the values themselves), stable.
fn sort(b: &Bound, mut items: Vec<Value>) -> Vec<Value> {
    let props = b.get("Property").map(texts).unwrap_or_default();
    let key = |v: &Value| -> Vec<Value> {
        if props.is_empty() {
            vec![v.clone()]
        } else {
            props.iter().map(|p| v.member(p)).collect()
        }
    };
    let descending = b.switch("Descending");
    items.sort_by(|x, y| {
        let o = key(x)
            .iter()
            .zip(key(y).iter())
            .map(|(l, r)| order(l, r))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal);
        if descending {
            o.reverse()
        } else {
            o
        }
    });
    if b.switch("Unique") {
        items.dedup_by(|a, b| key(a) == key(b));
    }
    items
}

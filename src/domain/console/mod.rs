//! The policy console: a subset of Windows PowerShell 5.1 with the MSCommerce module, so
//! that the scripts on Microsoft's page and in admins' blogs run as they are.
//!
//! The subset: comments (`#`, `<# … #>`); `;`, line breaks and a backtick at a line's
//! end; `$name = …`, `$name`, `$name.Property` (with member enumeration over arrays),
//! `$name[i]`, `$true`, `$false`, `$null`; strings in single and double quotes (`$var` and
//! `$( … )` expanded in double ones); pipelines whose first element may be an expression;
//! `foreach ($x in …) { … }`; `-eq -ne -like -notlike -match -notmatch -gt -ge -lt -le`,
//! `-and`, `-or`, `-not`; and the cmdlets of `bind::SPECS`, names and parameters
//! case-insensitive, parameters abbreviated to any unique prefix.
//!
//! Reading is pure: `run` takes the state and gives back the transcript, this app's notes,
//! and the state after the changes, which the caller saves in one transaction.

mod bind;
mod effects;
mod eval;
mod format;
mod lex;
mod module;
mod names;
mod parse;
mod record;
mod session;
mod value;

pub use module::{denied_key, offer_type_object, product_object};
pub use names::{cmdlet_list, cmdlet_names, suggest};
pub use record::{Engine, ErrorRecord, Line, Position, PsMessage};
pub use session::{Changed, Refused, Session, World};
pub use value::{Object, Value};

use crate::domain::catalog::Catalog;
use crate::domain::commands::Explanation;
use crate::domain::directory::TenantId;
use crate::domain::subscription::State;
use parse::{ParseError, ParseErrorKind};

/// What one run did: one outcome, the changes made and the ones refused, each named.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The console's session after the run (connected or not, variables).
    pub session: Session,
    /// The transcript's new lines, as PowerShell prints them.
    pub lines: Vec<Line>,
    /// This app's own notes on what happened, shown apart from the transcript.
    pub notes: Vec<Explanation>,
    /// The state after the run, when it changed (policies, or refusals in the audit log).
    pub state: Option<State>,
    /// The policies changed.
    pub changes: Vec<Changed>,
    /// The updates refused, each with why.
    pub refused: Vec<Refused>,
}

/// Whether more lines would complete the input: an open string, block, parenthesis or
/// comment, a trailing pipe or backtick. The console then prompts `>>`, as PowerShell does.
pub fn needs_more(input: &str) -> bool {
    if lex::continues(input) {
        return true;
    }
    match parse::parse(input) {
        Ok(_) => false,
        Err(e) => e.incomplete(input.chars().count()),
    }
}

/// Runs what was typed or pasted. Nothing runs if it does not parse; a statement that
/// stops at an error changes nothing.
pub fn run(session: &Session, state: &State, world: &World, input: &str) -> Run {
    let script = match parse::parse(input) {
        Ok(script) => script,
        Err(e) => {
            return Run {
                session: session.clone(),
                lines: vec![parse_line(input, &e)],
                notes: Vec::new(),
                state: None,
                changes: Vec::new(),
                refused: Vec::new(),
            }
        }
    };
    let mut ip = eval::Interp::new(world, input, session.clone(), state.clone());
    ip.run(&script);
    let done = ip.done();
    Run {
        session: done.session,
        lines: done.lines,
        notes: done.notes,
        state: done.touched.then_some(done.state),
        changes: done.changes,
        refused: done.refused,
    }
}

/// A parse error as PowerShell prints it, or this app's line for what the subset lacks.
fn parse_line(input: &str, e: &ParseError) -> Line {
    let engine = match &e.kind {
        ParseErrorKind::Unsupported(what) => {
            return Line::App(
                Explanation::new("console.unsupported.syntax").key("what", construct(what)),
            )
        }
        ParseErrorKind::UnsupportedOperator(op) => {
            return Line::App(Explanation::new("console.unsupported.operator").text("op", op))
        }
        ParseErrorKind::StringTerminator(q) => Engine::StringTerminator { quote: *q },
        ParseErrorKind::CommentTerminator => Engine::CommentTerminator,
        ParseErrorKind::MissingEndCurly => Engine::MissingEndCurly,
        ParseErrorKind::MissingEndParen => Engine::MissingEndParen,
        ParseErrorKind::MissingEndBracket => Engine::MissingEndBracket,
        ParseErrorKind::UnexpectedToken(t) => Engine::UnexpectedToken { token: t.clone() },
        ParseErrorKind::EmptyPipeElement => Engine::EmptyPipeElement,
        ParseErrorKind::ExpressionsFirst => Engine::ExpressionsFirst,
        ParseErrorKind::MissingExpressionAfterOperator(op) => {
            Engine::MissingExpressionAfterOperator { op: op.clone() }
        }
        ParseErrorKind::MissingForeachOpenParen => Engine::MissingForeachOpenParen,
        ParseErrorKind::MissingForeachVariable => Engine::MissingForeachVariable,
        ParseErrorKind::MissingForeachIn => Engine::MissingForeachIn,
        ParseErrorKind::MissingForeachCloseParen => Engine::MissingForeachCloseParen,
        ParseErrorKind::MissingForeachBody => Engine::MissingForeachBody,
        ParseErrorKind::MissingAssignValue => Engine::MissingAssignValue,
    };
    let fqid = parse_fqid(&engine);
    Line::Error(ErrorRecord {
        source: None,
        message: PsMessage::Engine(engine),
        at: Some(Position::of(
            input,
            lex::Span {
                start: e.at,
                end: e.at + e.len,
            },
        )),
        category: "ParserError: (:) [], ParentContainsErrorRecordException".into(),
        fqid: fqid.into(),
        parse: true,
    })
}

/// PowerShell's error ID of a parse error.
fn parse_fqid(e: &Engine) -> &'static str {
    match e {
        Engine::StringTerminator { .. } => "TerminatorExpectedAtEndOfString",
        Engine::CommentTerminator => "MissingTerminatorMultiLineComment",
        Engine::MissingEndCurly => "MissingEndCurlyBrace",
        Engine::MissingEndParen => "MissingEndParenthesisInExpression",
        Engine::MissingEndBracket => "MissingEndSquareBracket",
        Engine::UnexpectedToken { .. } => "UnexpectedToken",
        Engine::EmptyPipeElement => "EmptyPipeElement",
        Engine::ExpressionsFirst => "ExpressionsMustBeFirstInPipeline",
        Engine::MissingExpressionAfterOperator { .. } => "ExpectedValueExpression",
        Engine::MissingForeachOpenParen => "MissingOpenParenthesisAfterKeyword",
        Engine::MissingForeachVariable => "MissingVariableNameAfterForeach",
        Engine::MissingForeachIn => "MissingInInForeach",
        Engine::MissingForeachCloseParen => "MissingEndParenthesisAfterForeach",
        Engine::MissingForeachBody => "MissingForeachStatement",
        Engine::MissingAssignValue => "ExpectedValueExpression",
        _ => "ParseError",
    }
}

/// The catalog key naming a construct the subset does not run.
fn construct(what: &str) -> &'static str {
    match what {
        "if" | "elseif" | "else" => "console.construct.if",
        "while" | "do" | "until" | "for" => "console.construct.loop",
        "switch" => "console.construct.switch",
        "function" | "filter" | "param" | "return" => "console.construct.function",
        "try" | "catch" | "finally" | "trap" => "console.construct.try",
        "type" => "console.construct.type",
        "scope" => "console.construct.scope",
        "method" => "console.construct.method",
        "redirection" => "console.construct.redirection",
        "@{" => "console.construct.hashtable",
        "nesting" => "console.construct.nesting",
        _ => "console.construct.operator",
    }
}

/// `Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase` as the console
/// prints it for a tenant: the module's table of every Microsoft product.
pub fn listing(state: &State, catalog: &Catalog, tenant: &TenantId) -> String {
    let rows: Vec<Value> = catalog
        .microsoft()
        .map(|p| product_object(state.policies.get(tenant, &p.id), &p.id, &p.name))
        .collect();
    format::out_default(&rows).join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_input_completes_an_open_block_or_string() {
        assert!(needs_more("Get-X | ForEach-Object {"));
        assert!(needs_more("Get-X |"));
        assert!(needs_more("'abc"));
        assert!(needs_more("a `"));
        assert!(needs_more("<# a"));
        assert!(!needs_more("Get-X"));
        assert!(!needs_more("Get-X }"));
    }
}

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
mod eval;
mod format;
mod lex;
mod module;
mod parse;
mod record;
mod value;

pub use module::{denied_key, offer_type_object, product_object};
pub use record::{Engine, ErrorRecord, Line, Position, PsMessage};
pub use value::{Object, Value};

use crate::domain::authz::Actor;
use crate::domain::catalog::Catalog;
use crate::domain::commands::Explanation;
use crate::domain::directory::TenantId;
use crate::domain::policy::{PolicyTarget, PolicyValue};
use crate::domain::subscription::State;
use chrono::{DateTime, Utc};
use parse::{ParseError, ParseErrorKind};
use std::collections::BTreeMap;

/// What lasts between commands: variables, the connection, whether the module has said
/// it loaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    vars: BTreeMap<String, Value>,
    /// `Connect-MSCommerce` has run.
    pub connected: bool,
    module_loaded: bool,
}

impl Session {
    /// A variable's value; `$null` if it was never set.
    pub fn get(&self, name: &str) -> Value {
        self.vars
            .get(&name.to_ascii_lowercase())
            .cloned()
            .unwrap_or(Value::Null)
    }

    fn set(&mut self, name: &str, value: Value) {
        self.vars.insert(name.to_ascii_lowercase(), value);
    }
}

/// Everything a run reads besides the state.
pub struct World<'a> {
    pub catalog: &'a Catalog,
    pub now: DateTime<Utc>,
    /// The person signed in to the admin center, whom `Connect-MSCommerce` connects.
    pub actor: Option<&'a Actor>,
}

/// One policy a run changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub target: PolicyTarget,
    /// The product's or the offer type's name.
    pub name: String,
    pub from: PolicyValue,
    pub to: PolicyValue,
}

/// One change a run asked for and the service refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The product's or offer type's name, or the ID as given when it names none.
    pub target: String,
    pub why: Explanation,
}

/// What one run did: one outcome, the changes made and the ones refused, each named.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub session: Session,
    pub lines: Vec<Line>,
    /// This app's own notes on what happened, shown apart from the transcript.
    pub notes: Vec<Explanation>,
    /// The state after the run, when it changed (policies, or refusals in the audit log).
    pub state: Option<State>,
    pub changes: Vec<Changed>,
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
    Run {
        session: ip.session,
        lines: ip.lines,
        notes: ip.notes,
        state: ip.touched.then_some(ip.state),
        changes: ip.changes,
        refused: ip.refused,
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

/// The cmdlets the console runs, for `Get-Help`.
pub fn cmdlet_list() -> String {
    bind::SPECS
        .iter()
        .map(|s| s.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The console's cmdlets by name, for completion and the tests.
pub fn cmdlet_names() -> impl Iterator<Item = &'static str> {
    bind::SPECS.iter().map(|s| s.name)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(!ca.eq_ignore_ascii_case(cb)));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The console's cmdlet a mistyped name is closest to, when it is close (this app's
/// suggestion: Windows PowerShell 5.1 makes none).
pub fn suggest(name: &str) -> Option<&'static str> {
    // Long names take more slips: a doubled word (the page's "UpdateUpdate-…") included.
    let chars = name.chars().count();
    if chars > 200 {
        return None;
    }
    bind::SPECS
        .iter()
        .map(|s| (edit_distance(name, s.name), s.name))
        .min()
        .filter(|(d, _)| *d <= 4 || *d * 5 <= chars)
        .map(|(_, n)| n)
}

/// PowerShell's approved verbs: a `Verb-Noun` name with one of them is a cmdlet PowerShell
/// may well have, so the console says it does not run it rather than that it does not exist.
const VERBS: [&str; 60] = [
    "Add",
    "Approve",
    "Assert",
    "Backup",
    "Block",
    "Checkpoint",
    "Clear",
    "Close",
    "Compare",
    "Complete",
    "Compress",
    "Confirm",
    "Connect",
    "Convert",
    "ConvertFrom",
    "ConvertTo",
    "Copy",
    "Debug",
    "Deny",
    "Disable",
    "Disconnect",
    "Dismount",
    "Edit",
    "Enable",
    "Enter",
    "Exit",
    "Expand",
    "Export",
    "Find",
    "Format",
    "Get",
    "Grant",
    "Group",
    "Hide",
    "Import",
    "Install",
    "Invoke",
    "Join",
    "Limit",
    "Lock",
    "Measure",
    "Merge",
    "Mount",
    "Move",
    "New",
    "Open",
    "Out",
    "Publish",
    "Read",
    "Register",
    "Remove",
    "Rename",
    "Reset",
    "Resolve",
    "Restart",
    "Save",
    "Select",
    "Set",
    "Start",
    "Stop",
];
const MORE_VERBS: [&str; 14] = [
    "Show",
    "Skip",
    "Split",
    "Step",
    "Submit",
    "Suspend",
    "Switch",
    "Sync",
    "Test",
    "Trace",
    "Uninstall",
    "Unregister",
    "Update",
    "Wait",
];
/// Aliases of Windows PowerShell 5.1 that people type.
const ALIASES: [&str; 24] = [
    "ls", "dir", "cd", "cat", "gci", "gc", "gm", "measure", "group", "tee", "iex", "icm", "sleep",
    "gps", "gsv", "ni", "rm", "del", "cp", "mv", "pwd", "type", "sv", "gv",
];

/// The name as PowerShell would know it, if it is one of its cmdlets or aliases rather than
/// a slip of one of the console's own.
fn powershell_knows(name: &str) -> Option<String> {
    if ALIASES.iter().any(|a| a.eq_ignore_ascii_case(name)) {
        return Some(name.to_owned());
    }
    let (verb, noun) = name.split_once('-')?;
    let approved = VERBS
        .iter()
        .chain(MORE_VERBS.iter())
        .any(|v| v.eq_ignore_ascii_case(verb));
    let ours_mistyped = suggest(name).is_some() || noun.to_ascii_lowercase().contains("mscommerce");
    (approved && !noun.is_empty() && !ours_mistyped).then(|| name.to_owned())
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
    fn typos_get_a_suggestion_and_other_cmdlets_do_not() {
        assert_eq!(
            suggest("Get-MSCommerceProductPolicys"),
            Some("Get-MSCommerceProductPolicy")
        );
        assert_eq!(suggest("Connect-MsComerce"), Some("Connect-MSCommerce"));
        assert_eq!(
            suggest("UpdateUpdate-MSCommerceProductPolicy"),
            Some("Update-MSCommerceProductPolicy")
        );
        assert_eq!(suggest("Remove-Item"), None);
        assert_eq!(
            powershell_knows("Remove-Item").as_deref(),
            Some("Remove-Item")
        );
        assert_eq!(powershell_knows("Get-MSCommerceProductPolicys"), None);
        assert_eq!(powershell_knows("Frobnicate"), None);
    }

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

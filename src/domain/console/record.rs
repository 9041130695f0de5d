//! What the console prints: lines as PowerShell and the module print them, error records
//! in PowerShell's shape, and this app's own lines, which are never dressed as either.

use super::lex::Span;
use crate::domain::commands::Explanation;

/// One thing the transcript shows, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// The input as typed, after the prompt (`PS>`, `>>` for a continued line).
    Input(String),
    /// Output as PowerShell formats it, or a module's `Write-Host` line.
    Text(String),
    /// An error record, printed as PowerShell prints one.
    Error(ErrorRecord),
    /// This app's own line, in the reader's language: what the subset does not run, and
    /// `Get-Help`. Shown apart from PowerShell's text.
    App(Explanation),
    /// `Clear-Host`: what came before goes.
    Clear,
}

/// An error as PowerShell prints it: a headline, where in the input, and the category and
/// fully qualified error ID lines under it.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorRecord {
    /// What wrote it: the command (`Update-MSCommerceProductPolicy : …`), `HandleError`
    /// for the module's REST failures; `None` for a `throw` or a parse error.
    pub source: Option<String>,
    /// The headline.
    pub message: PsMessage,
    /// Where in the input it points, if anywhere.
    pub at: Option<Position>,
    /// `CategoryInfo`, as PowerShell writes it.
    pub category: String,
    /// `FullyQualifiedErrorId`, as PowerShell writes it.
    pub fqid: String,
    /// Parse errors print where first and the message after.
    pub parse: bool,
}

/// Where an error points: the line of the input (1-based), the column (1-based), the
/// line's text and how many characters to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The line of the input, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
    /// The line's text.
    pub text: String,
    /// How many characters to mark with `~`.
    pub len: usize,
}

impl Position {
    /// The position of `span` in `input`.
    pub fn of(input: &str, span: Span) -> Position {
        let chars: Vec<char> = input.chars().collect();
        let start = span.start.min(chars.len());
        let line_start = chars[..start]
            .iter()
            .rposition(|c| *c == '\n')
            .map_or(0, |i| i + 1);
        let line_end = chars[start..]
            .iter()
            .position(|c| *c == '\n' || *c == '\r')
            .map_or(chars.len(), |i| start + i);
        let line = 1 + chars[..start].iter().filter(|c| **c == '\n').count();
        let len = span.end.min(line_end).saturating_sub(start).max(1);
        Position {
            line,
            column: start - line_start + 1,
            text: chars[line_start..line_end].iter().collect(),
            len,
        }
    }
}

/// An error's headline: PowerShell's own (in the reader's language, as a localized
/// PowerShell prints it) or the module's (always English: the module is not localized).
#[derive(Debug, Clone, PartialEq)]
pub enum PsMessage {
    /// PowerShell's own message.
    Engine(Engine),
    /// The module's message, as it writes it.
    Module(String),
}

/// PowerShell's own messages that the subset can cause. Each names its catalog key;
/// the texts are Windows PowerShell 5.1's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Engine {
    /// "The term '…' is not recognized as the name of a cmdlet …"
    CommandNotFound {
        /// The name typed.
        name: String,
    },
    /// "A parameter cannot be found that matches parameter name '…'."
    NamedParameterNotFound {
        /// The parameter as typed, without its dash.
        name: String,
    },
    /// "A positional parameter cannot be found that accepts argument '…'."
    PositionalParameterNotFound {
        /// The argument left over.
        argument: String,
    },
    /// "Parameter cannot be processed because the parameter name '…' is ambiguous."
    AmbiguousParameter {
        /// The abbreviation typed.
        name: String,
        /// The parameters it could be.
        matches: String,
    },
    /// "Missing an argument for parameter '…'."
    MissingArgument {
        /// The parameter.
        name: String,
        /// The type it takes.
        ty: &'static str,
    },
    /// "Cannot bind parameter because parameter '…' is specified more than once."
    ParameterAlreadyBound {
        /// The parameter.
        name: String,
    },
    /// A mandatory parameter missing where the console cannot prompt for it.
    MissingMandatory {
        /// The parameters missing.
        names: String,
    },
    /// "Parameter set cannot be resolved using the specified named parameters."
    AmbiguousParameterSet,
    /// "Cannot validate argument on parameter '…'. The argument … does not belong to the set …"
    ValidateSet {
        /// The parameter.
        name: String,
        /// The value given.
        given: String,
        /// The values it takes, as PowerShell lists them.
        set: String,
    },
    /// "Cannot validate argument on parameter '…'. The argument is null or empty."
    NullOrEmpty {
        /// The parameter.
        name: String,
    },
    /// An advanced function's `[string]` parameter given an array of several.
    Transformation {
        /// The parameter.
        name: String,
    },
    /// A compiled cmdlet's parameter given a value of the wrong kind.
    CannotConvert {
        /// The parameter.
        name: String,
        /// The value given.
        given: String,
        /// The type it takes.
        ty: &'static str,
    },
    /// "The input object cannot be bound to any parameters for the command …"
    InputObjectNotBound,
    /// A `-match` pattern that is not a regular expression.
    BadPattern {
        /// The pattern.
        pattern: String,
    },
    /// "The string is missing the terminator: …"
    StringTerminator {
        /// The quote that never closes.
        quote: char,
    },
    /// "Missing end of comment: '#>'."
    CommentTerminator,
    /// "Missing closing '}' in statement block or type definition."
    MissingEndCurly,
    /// "Missing closing ')' in expression."
    MissingEndParen,
    /// "Missing ] at end of attribute or type literal."
    MissingEndBracket,
    /// "Unexpected token '…' in expression or statement."
    UnexpectedToken {
        /// The token.
        token: String,
    },
    /// "An empty pipe element is not allowed."
    EmptyPipeElement,
    /// "Expressions are only allowed as the first element of a pipeline."
    ExpressionsFirst,
    /// "You must provide a value expression following the '…' operator."
    MissingExpressionAfterOperator {
        /// The operator.
        op: String,
    },
    /// "Missing opening '(' after keyword 'foreach'."
    MissingForeachOpenParen,
    /// "Missing variable name after foreach."
    MissingForeachVariable,
    /// "Missing 'in' after variable in foreach loop."
    MissingForeachIn,
    /// "Missing closing ')' after expression in 'foreach' statement."
    MissingForeachCloseParen,
    /// "Missing statement body in foreach loop."
    MissingForeachBody,
    /// "You must provide a value expression following the '=' operator."
    MissingAssignValue,
}

impl Engine {
    /// The catalog key of the message.
    pub const fn key(&self) -> &'static str {
        match self {
            Engine::CommandNotFound { .. } => "ps.command_not_found",
            Engine::NamedParameterNotFound { .. } => "ps.named_parameter_not_found",
            Engine::PositionalParameterNotFound { .. } => "ps.positional_parameter_not_found",
            Engine::AmbiguousParameter { .. } => "ps.ambiguous_parameter",
            Engine::MissingArgument { .. } => "ps.missing_argument",
            Engine::ParameterAlreadyBound { .. } => "ps.parameter_already_bound",
            Engine::MissingMandatory { .. } => "ps.missing_mandatory",
            Engine::AmbiguousParameterSet => "ps.ambiguous_parameter_set",
            Engine::ValidateSet { .. } => "ps.validate_set",
            Engine::NullOrEmpty { .. } => "ps.null_or_empty",
            Engine::Transformation { .. } => "ps.transformation",
            Engine::CannotConvert { .. } => "ps.cannot_convert",
            Engine::InputObjectNotBound => "ps.input_object_not_bound",
            Engine::BadPattern { .. } => "ps.bad_pattern",
            Engine::StringTerminator { .. } => "ps.string_terminator",
            Engine::CommentTerminator => "ps.comment_terminator",
            Engine::MissingEndCurly => "ps.missing_end_curly",
            Engine::MissingEndParen => "ps.missing_end_paren",
            Engine::MissingEndBracket => "ps.missing_end_bracket",
            Engine::UnexpectedToken { .. } => "ps.unexpected_token",
            Engine::EmptyPipeElement => "ps.empty_pipe_element",
            Engine::ExpressionsFirst => "ps.expressions_first",
            Engine::MissingExpressionAfterOperator { .. } => "ps.missing_expression",
            Engine::MissingForeachOpenParen => "ps.foreach_open_paren",
            Engine::MissingForeachVariable => "ps.foreach_variable",
            Engine::MissingForeachIn => "ps.foreach_in",
            Engine::MissingForeachCloseParen => "ps.foreach_close_paren",
            Engine::MissingForeachBody => "ps.foreach_body",
            Engine::MissingAssignValue => "ps.assign_value",
        }
    }

    /// The placeholders of the message.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Engine::CommandNotFound { name }
            | Engine::NamedParameterNotFound { name }
            | Engine::ParameterAlreadyBound { name }
            | Engine::NullOrEmpty { name }
            | Engine::Transformation { name } => vec![("name", name.clone())],
            Engine::PositionalParameterNotFound { argument } => {
                vec![("argument", argument.clone())]
            }
            Engine::AmbiguousParameter { name, matches } => {
                vec![("name", name.clone()), ("matches", matches.clone())]
            }
            Engine::MissingArgument { name, ty } => {
                vec![("name", name.clone()), ("type", (*ty).to_owned())]
            }
            Engine::MissingMandatory { names } => vec![("names", names.clone())],
            Engine::ValidateSet { name, given, set } => {
                vec![("name", name.clone()), ("given", given.clone()), ("set", set.clone())]
            }
            Engine::CannotConvert { name, given, ty } => {
                vec![("name", name.clone()), ("given", given.clone()), ("type", (*ty).to_owned())]
            }
            Engine::BadPattern { pattern } => vec![("pattern", pattern.clone())],
            Engine::StringTerminator { quote } => vec![("quote", quote.to_string())],
            Engine::UnexpectedToken { token } => vec![("token", token.clone())],
            Engine::MissingExpressionAfterOperator { op } => vec![("op", op.clone())],
            Engine::AmbiguousParameterSet
            | Engine::InputObjectNotBound
            | Engine::CommentTerminator
            | Engine::MissingEndCurly
            | Engine::MissingEndParen
            | Engine::MissingEndBracket
            | Engine::EmptyPipeElement
            | Engine::ExpressionsFirst
            | Engine::MissingForeachOpenParen
            | Engine::MissingForeachVariable
            | Engine::MissingForeachIn
            | Engine::MissingForeachCloseParen
            | Engine::MissingForeachBody
            | Engine::MissingAssignValue => vec![],
        }
    }
}

impl ErrorRecord {
    /// The record's lines, given its headline and its "At line:1 char:5" line in the
    /// reader's language. PowerShell's shape:
    ///
    /// ```text
    /// Update-MSCommerceProductPolicy : Cannot process argument transformation on parameter 'ProductId'. …
    /// At line:1 char:78
    /// + … -ProductId $product.ProductID -Value "Disabled"
    /// +              ~~~~~~~~~~~~~~~~~~
    ///     + CategoryInfo          : InvalidData: (:) [Update-MSCommerceProductPolicy], ParameterBindingArgumentTransformationException
    ///     + FullyQualifiedErrorId : ParameterArgumentTransformationError,Update-MSCommerceProductPolicy
    /// ```
    pub fn lines(&self, headline: &str, at: Option<&str>) -> Vec<String> {
        let head = match &self.source {
            Some(source) => format!("{source} : {headline}"),
            None => headline.to_owned(),
        };
        let mut out = Vec::new();
        let mut position = Vec::new();
        if let (Some(p), Some(at)) = (&self.at, at) {
            position.push(at.to_owned());
            position.push(format!("+ {}", p.text));
            position.push(format!(
                "+ {}{}",
                " ".repeat(p.column - 1),
                "~".repeat(p.len)
            ));
        }
        if self.parse {
            out.extend(position);
            out.push(head);
        } else {
            out.push(head);
            out.extend(position);
        }
        out.push(format!("    + CategoryInfo          : {}", self.category));
        out.push(format!("    + FullyQualifiedErrorId : {}", self.fqid));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_columns() {
        let p = Position::of("a\nbc def\n", Span { start: 5, end: 8 });
        assert_eq!(
            p,
            Position {
                line: 2,
                column: 4,
                text: "bc def".into(),
                len: 3
            }
        );
    }
}

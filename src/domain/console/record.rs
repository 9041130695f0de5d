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
    pub message: PsMessage,
    pub at: Option<Position>,
    /// `CategoryInfo`, as PowerShell writes it.
    pub category: String,
    pub fqid: String,
    /// Parse errors print where first and the message after.
    pub parse: bool,
}

/// Where an error points: the line of the input (1-based), the column (1-based), the
/// line's text and how many characters to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub text: String,
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
    Engine(Engine),
    Module(String),
}

/// PowerShell's own messages that the subset can cause. Each names its catalog key;
/// the texts are Windows PowerShell 5.1's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Engine {
    CommandNotFound {
        name: String,
    },
    NamedParameterNotFound {
        name: String,
    },
    PositionalParameterNotFound {
        argument: String,
    },
    AmbiguousParameter {
        name: String,
        matches: String,
    },
    MissingArgument {
        name: String,
        ty: &'static str,
    },
    ParameterAlreadyBound {
        name: String,
    },
    MissingMandatory {
        names: String,
    },
    AmbiguousParameterSet,
    ValidateSet {
        name: String,
        given: String,
        set: String,
    },
    NullOrEmpty {
        name: String,
    },
    /// An advanced function's `[string]` parameter given an array of several.
    Transformation {
        name: String,
    },
    /// A compiled cmdlet's parameter given a value of the wrong kind.
    CannotConvert {
        name: String,
        given: String,
        ty: &'static str,
    },
    InputObjectNotBound,
    BadPattern {
        pattern: String,
    },
    StringTerminator {
        quote: char,
    },
    CommentTerminator,
    MissingEndCurly,
    MissingEndParen,
    MissingEndBracket,
    UnexpectedToken {
        token: String,
    },
    EmptyPipeElement,
    ExpressionsFirst,
    MissingExpressionAfterOperator {
        op: String,
    },
    MissingForeachOpenParen,
    MissingForeachVariable,
    MissingForeachIn,
    MissingForeachCloseParen,
    MissingForeachBody,
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
            Engine::ValidateSet { name, given, set } => vec![
                ("name", name.clone()),
                ("given", given.clone()),
                ("set", set.clone()),
            ],
            Engine::CannotConvert { name, given, ty } => vec![
                ("name", name.clone()),
                ("given", given.clone()),
                ("type", (*ty).to_owned()),
            ],
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

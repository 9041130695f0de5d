//! The subset's grammar: statements (a pipeline, `$name = pipeline`, `foreach ($x in …)
//! { … }`) separated by line breaks or `;`; pipelines of commands, the first of which may be
//! an expression; expressions with members, indexes, `,`, comparisons, `-not`, `-and` and
//! `-or`; script blocks.
//!
//! What PowerShell has and the subset does not is a parse error naming it, so a line either
//! runs as PowerShell would or runs not at all.

use super::lex::{tokens, LexError, Part, Span, Tok, Token};

/// A whole input: what one press of Enter (or one paste) runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Script {
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Statement {
    Pipeline(Pipeline),
    Assign {
        var: String,
        value: Pipeline,
    },
    Foreach {
        var: String,
        source: Expr,
        body: Script,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    pub elements: Vec<Element>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    Expr(Expr),
    Command(Call),
}

/// A command as written: its name and its arguments in order, for the binder to pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub span: Span,
    pub args: Vec<Arg>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// `-Name`, with its value when a colon joins them (`-Enabled:$false`).
    Param {
        name: String,
        span: Span,
        value: Option<Expr>,
    },
    Value {
        expr: Expr,
        span: Span,
    },
}

/// The comparison operators of the subset, each case-insensitive as PowerShell's are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Like,
    NotLike,
    Match,
    NotMatch,
    Gt,
    Ge,
    Lt,
    Le,
}

impl CmpOp {
    pub const ALL: [(&'static str, CmpOp); 10] = [
        ("eq", CmpOp::Eq),
        ("ne", CmpOp::Ne),
        ("like", CmpOp::Like),
        ("notlike", CmpOp::NotLike),
        ("match", CmpOp::Match),
        ("notmatch", CmpOp::NotMatch),
        ("gt", CmpOp::Gt),
        ("ge", CmpOp::Ge),
        ("lt", CmpOp::Lt),
        ("le", CmpOp::Le),
    ];

    /// The operator named by `-name` (`ieq` is `eq`, as PowerShell allows).
    pub fn named(name: &str) -> Option<CmpOp> {
        let lower = name.to_ascii_lowercase();
        let bare = lower
            .strip_prefix('i')
            .filter(|b| CmpOp::ALL.iter().any(|(n, _)| n == b));
        let key = bare.unwrap_or(&lower);
        CmpOp::ALL
            .iter()
            .find(|(n, _)| *n == key)
            .map(|(_, op)| *op)
    }
}

/// PowerShell's other operators: named so that using one says it is not here.
const OTHER_OPERATORS: [&str; 24] = [
    "ceq",
    "cne",
    "clike",
    "cnotlike",
    "cmatch",
    "cnotmatch",
    "contains",
    "notcontains",
    "in",
    "notin",
    "replace",
    "split",
    "join",
    "is",
    "isnot",
    "as",
    "band",
    "bor",
    "bxor",
    "xor",
    "f",
    "cgt",
    "clt",
    "shl",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Logic {
    And,
    Or,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Str(Vec<StrPart>),
    Word(String),
    Number(i64),
    Var(String),
    Member(Box<Expr>, String),
    Index(Box<Expr>, Box<Expr>),
    Array(Vec<Expr>),
    /// `( … )`, `$( … )` or `@( … )` (the last always an array).
    Sub {
        script: Script,
        array: bool,
    },
    Block(Script),
    Compare {
        left: Box<Expr>,
        op: CmpOp,
        right: Box<Expr>,
    },
    Logic {
        left: Box<Expr>,
        op: Logic,
        right: Box<Expr>,
    },
    Not(Box<Expr>),
}

/// A string's piece once read: subexpressions are parsed too.
#[derive(Debug, Clone, PartialEq)]
pub enum StrPart {
    Text(String),
    Var(String),
    Sub(Script),
}

/// Why the input does not parse; `at` is a character offset into the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    pub at: usize,
    /// How many characters the error marks (PowerShell's `~~~~` under the line).
    pub len: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    StringTerminator(char),
    CommentTerminator,
    MissingEndCurly,
    MissingEndParen,
    MissingEndBracket,
    UnexpectedToken(String),
    EmptyPipeElement,
    ExpressionsFirst,
    MissingExpressionAfterOperator(String),
    MissingForeachOpenParen,
    MissingForeachVariable,
    MissingForeachIn,
    MissingForeachCloseParen,
    MissingForeachBody,
    MissingAssignValue,
    /// An operator PowerShell has and the subset does not (`-contains`, `-replace` …).
    UnsupportedOperator(String),
    /// A construct PowerShell has and the subset does not: what it is.
    Unsupported(&'static str),
}

impl ParseError {
    /// More lines would complete it: PowerShell's `>>` prompt.
    pub fn incomplete(&self, input_len: usize) -> bool {
        match self.kind {
            ParseErrorKind::StringTerminator(_)
            | ParseErrorKind::CommentTerminator
            | ParseErrorKind::MissingEndCurly
            | ParseErrorKind::MissingEndParen
            | ParseErrorKind::MissingForeachBody => true,
            ParseErrorKind::EmptyPipeElement
            | ParseErrorKind::MissingExpressionAfterOperator(_) => self.at >= input_len,
            _ => false,
        }
    }
}

/// Keywords of statements the subset does not run.
const KEYWORDS: [&str; 16] = [
    "if", "elseif", "else", "while", "for", "do", "until", "switch", "function", "filter", "try",
    "catch", "finally", "trap", "param", "return",
];

/// Parses a whole input.
pub fn parse(input: &str) -> Result<Script, ParseError> {
    let toks = tokens(input).map_err(|e| lex_error(e, input))?;
    let mut p = Parser {
        toks,
        at: 0,
        end: input.chars().count(),
        base: 0,
        depth: 0,
    };
    let script = p.script(None)?;
    Ok(script)
}

fn lex_error(e: LexError, input: &str) -> ParseError {
    let end = input.chars().count();
    let (kind, at) = match e {
        LexError::UnterminatedString { quote, at } => (
            ParseErrorKind::StringTerminator(if quote == '}' { '}' } else { quote }),
            at,
        ),
        LexError::UnterminatedComment { at } => (ParseErrorKind::CommentTerminator, at),
    };
    ParseError {
        kind,
        at,
        len: end.saturating_sub(at).max(1),
    }
}

struct Parser {
    toks: Vec<Token>,
    at: usize,
    /// The input's length, where "the end" errors point.
    end: usize,
    /// Added to spans: a subexpression in a string is parsed from its own text.
    base: usize,
    /// How deeply blocks, parentheses and `-not`s nest: bounded, so no input can
    /// exhaust the stack.
    depth: usize,
}

/// Nesting deeper than this is refused (PowerShell has no such limit; no real script
/// comes near it).
const MAX_DEPTH: usize = 64;

/// What closes the statements being read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Close {
    Brace,
    Paren,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.toks.get(self.at)
    }

    fn tok(&self) -> Option<&Tok> {
        self.peek().map(|t| &t.tok)
    }

    fn bump(&mut self) -> Option<Token> {
        let t = self.toks.get(self.at).cloned();
        self.at += usize::from(t.is_some());
        t
    }

    fn span(&self) -> Span {
        self.peek().map_or(
            Span {
                start: self.end,
                end: self.end,
            },
            |t| t.span,
        )
    }

    fn error(&self, kind: ParseErrorKind, span: Span) -> ParseError {
        ParseError {
            kind,
            at: self.base + span.start,
            len: (span.end - span.start).max(1),
        }
    }

    fn unexpected(&self) -> ParseError {
        let t = self.peek();
        let text = t.map(|t| describe(&t.tok)).unwrap_or_default();
        let kind = match t.map(|t| &t.tok) {
            Some(Tok::Unsupported(what)) => ParseErrorKind::Unsupported(what),
            _ => ParseErrorKind::UnexpectedToken(text),
        };
        self.error(kind, self.span())
    }

    fn skip_separators(&mut self) {
        while matches!(self.tok(), Some(Tok::Newline | Tok::Semi)) {
            self.at += 1;
        }
    }

    fn skip_newlines(&mut self) {
        while matches!(self.tok(), Some(Tok::Newline)) {
            self.at += 1;
        }
    }

    fn script(&mut self, close: Option<Close>) -> Result<Script, ParseError> {
        let mut statements = Vec::new();
        loop {
            self.skip_separators();
            match (self.tok(), close) {
                (None, None) => break,
                (None, Some(Close::Brace)) => {
                    return Err(self.error(ParseErrorKind::MissingEndCurly, self.span()))
                }
                (None, Some(Close::Paren)) => {
                    return Err(self.error(ParseErrorKind::MissingEndParen, self.span()))
                }
                (Some(Tok::RBrace), Some(Close::Brace))
                | (Some(Tok::RParen), Some(Close::Paren)) => break,
                _ => {}
            }
            statements.push(self.statement()?);
            match self.tok() {
                None | Some(Tok::Newline | Tok::Semi) => {}
                Some(Tok::RBrace) if close == Some(Close::Brace) => {}
                Some(Tok::RParen) if close == Some(Close::Paren) => {}
                _ => return Err(self.unexpected()),
            }
        }
        Ok(Script { statements })
    }

    fn statement(&mut self) -> Result<Statement, ParseError> {
        if let Some(Tok::Word(w)) = self.tok() {
            let lower = w.to_ascii_lowercase();
            if lower == "foreach"
                && self
                    .toks
                    .get(self.at + 1)
                    .is_some_and(|t| t.tok == Tok::LParen)
            {
                return self.foreach();
            }
            if KEYWORDS.contains(&lower.as_str()) {
                let span = self.span();
                return Err(self.error(ParseErrorKind::Unsupported(keyword(&lower)), span));
            }
        }
        if let Some(Tok::Var(name)) = self.tok() {
            if self
                .toks
                .get(self.at + 1)
                .is_some_and(|t| t.tok == Tok::Assign)
            {
                let var = name.clone();
                self.at += 2;
                if matches!(self.tok(), None | Some(Tok::Newline | Tok::Semi)) {
                    return Err(self.error(ParseErrorKind::MissingAssignValue, self.span()));
                }
                let value = self.pipeline()?;
                return Ok(Statement::Assign { var, value });
            }
        }
        Ok(Statement::Pipeline(self.pipeline()?))
    }

    fn foreach(&mut self) -> Result<Statement, ParseError> {
        self.bump(); // foreach
        let open = self.span();
        if self.tok() != Some(&Tok::LParen) {
            return Err(self.error(ParseErrorKind::MissingForeachOpenParen, open));
        }
        self.bump();
        let var = match self.tok() {
            Some(Tok::Var(v)) => v.clone(),
            _ => return Err(self.error(ParseErrorKind::MissingForeachVariable, self.span())),
        };
        self.bump();
        match self.tok() {
            Some(Tok::Word(w)) if w.eq_ignore_ascii_case("in") => {
                self.bump();
            }
            _ => return Err(self.error(ParseErrorKind::MissingForeachIn, self.span())),
        }
        let source = self.expression()?;
        if self.tok() != Some(&Tok::RParen) {
            return Err(self.error(ParseErrorKind::MissingForeachCloseParen, self.span()));
        }
        self.bump();
        self.skip_newlines();
        if self.tok() != Some(&Tok::LBrace) {
            return Err(self.error(ParseErrorKind::MissingForeachBody, self.span()));
        }
        self.bump();
        let body = self.nested(|p| p.script(Some(Close::Brace)))?;
        self.bump();
        Ok(Statement::Foreach { var, source, body })
    }

    fn pipeline(&mut self) -> Result<Pipeline, ParseError> {
        let mut elements = Vec::new();
        loop {
            if matches!(
                self.tok(),
                None | Some(Tok::Pipe | Tok::Newline | Tok::Semi | Tok::RBrace | Tok::RParen)
            ) {
                return Err(self.error(ParseErrorKind::EmptyPipeElement, self.span()));
            }
            let first = elements.is_empty();
            elements.push(self.element(first)?);
            if self.tok() != Some(&Tok::Pipe) {
                break;
            }
            self.bump();
            // A pipe at a line's end continues on the next line.
            self.skip_newlines();
        }
        Ok(Pipeline { elements })
    }

    fn element(&mut self, first: bool) -> Result<Element, ParseError> {
        match self.tok() {
            Some(Tok::Word(_)) => self.call().map(Element::Command),
            Some(Tok::Number(_) | Tok::Str(_) | Tok::Var(_) | Tok::LParen | Tok::DollarParen)
            | Some(Tok::AtParen | Tok::Bang | Tok::Dash { .. })
                if first =>
            {
                self.expression().map(Element::Expr)
            }
            // An expression after a pipe: PowerShell allows it only first.
            Some(Tok::Str(_) | Tok::Var(_) | Tok::Number(_) | Tok::LParen) => {
                Err(self.error(ParseErrorKind::ExpressionsFirst, self.span()))
            }
            _ => Err(self.unexpected()),
        }
    }

    fn call(&mut self) -> Result<Call, ParseError> {
        let head = self.bump().expect("a word");
        let Tok::Word(name) = head.tok else {
            unreachable!("call() starts at a word")
        };
        let mut args = Vec::new();
        loop {
            match self.tok() {
                None | Some(Tok::Pipe | Tok::Newline | Tok::Semi | Tok::RBrace | Tok::RParen) => {
                    break
                }
                Some(Tok::Dash { name, colon }) => {
                    let (name, colon, span) = (name.clone(), *colon, self.span());
                    self.bump();
                    let value = if colon {
                        Some(self.argument()?.0)
                    } else {
                        None
                    };
                    args.push(Arg::Param { name, span, value });
                }
                _ => {
                    let (expr, span) = self.argument()?;
                    args.push(Arg::Value { expr, span });
                }
            }
        }
        Ok(Call {
            name,
            span: head.span,
            args,
        })
    }

    /// A value in argument mode: barewords are strings, `-x` would be a parameter, and
    /// commas make one array argument.
    fn argument(&mut self) -> Result<(Expr, Span), ParseError> {
        let start = self.span();
        let mut items = vec![self.arg_value()?];
        while self.tok() == Some(&Tok::Comma) {
            self.bump();
            self.skip_newlines();
            items.push(self.arg_value()?);
        }
        let end = self
            .toks
            .get(self.at.saturating_sub(1))
            .map_or(start.end, |t| t.span.end);
        let span = Span {
            start: start.start,
            end,
        };
        let expr = if items.len() == 1 {
            items.remove(0)
        } else {
            Expr::Array(items)
        };
        Ok((expr, span))
    }

    fn arg_value(&mut self) -> Result<Expr, ParseError> {
        let t = self.peek().cloned();
        match t.map(|t| t.tok) {
            Some(Tok::Word(w)) => {
                self.bump();
                Ok(Expr::Word(w))
            }
            Some(Tok::Dash { .. }) | None => Err(self.error(
                ParseErrorKind::MissingExpressionAfterOperator(",".into()),
                self.span(),
            )),
            _ => self.postfix(),
        }
    }

    fn expression(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.comparison()?;
        while let Some(Tok::Dash { name, .. }) = self.tok() {
            let op = match name.to_ascii_lowercase().as_str() {
                "and" => Logic::And,
                "or" => Logic::Or,
                _ => break,
            };
            let name = name.clone();
            self.bump();
            self.skip_newlines();
            if self.at_end_of_expression() {
                return Err(self.error(
                    ParseErrorKind::MissingExpressionAfterOperator(format!("-{name}")),
                    self.span(),
                ));
            }
            let right = self.comparison()?;
            left = Expr::Logic {
                left: Box::new(left),
                op,
                right: Box::new(right),
            };
        }
        Ok(left)
    }

    fn at_end_of_expression(&self) -> bool {
        matches!(
            self.tok(),
            None | Some(Tok::Newline | Tok::Semi | Tok::RBrace | Tok::RParen | Tok::Pipe)
        )
    }

    fn comparison(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.unary()?;
        while let Some(Tok::Dash { name, .. }) = self.tok() {
            let lower = name.to_ascii_lowercase();
            if lower == "and" || lower == "or" {
                break;
            }
            let span = self.span();
            let Some(op) = CmpOp::named(&lower) else {
                let kind = if OTHER_OPERATORS.contains(&lower.as_str()) {
                    ParseErrorKind::UnsupportedOperator(format!("-{name}"))
                } else {
                    ParseErrorKind::UnexpectedToken(format!("-{name}"))
                };
                return Err(self.error(kind, span));
            };
            let name = name.clone();
            self.bump();
            if self.at_end_of_expression() {
                return Err(self.error(
                    ParseErrorKind::MissingExpressionAfterOperator(format!("-{name}")),
                    self.span(),
                ));
            }
            let right = self.unary()?;
            left = Expr::Compare {
                left: Box::new(left),
                op,
                right: Box::new(right),
            };
        }
        Ok(left)
    }

    fn nested<T>(
        &mut self,
        f: impl FnOnce(&mut Parser) -> Result<T, ParseError>,
    ) -> Result<T, ParseError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(ParseErrorKind::Unsupported("nesting"), self.span()));
        }
        self.depth += 1;
        let out = f(self);
        self.depth -= 1;
        out
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        let negate = match self.tok() {
            Some(Tok::Bang) => true,
            Some(Tok::Dash { name, .. }) if name.eq_ignore_ascii_case("not") => true,
            _ => false,
        };
        if negate {
            let op = describe(self.tok().expect("an operator"));
            self.bump();
            if self.at_end_of_expression() {
                return Err(self.error(
                    ParseErrorKind::MissingExpressionAfterOperator(op),
                    self.span(),
                ));
            }
            return Ok(Expr::Not(Box::new(self.nested(Parser::unary)?)));
        }
        self.array()
    }

    fn array(&mut self) -> Result<Expr, ParseError> {
        let first = self.postfix()?;
        if self.tok() != Some(&Tok::Comma) {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.tok() == Some(&Tok::Comma) {
            self.bump();
            self.skip_newlines();
            if self.at_end_of_expression() {
                return Err(self.error(
                    ParseErrorKind::MissingExpressionAfterOperator(",".into()),
                    self.span(),
                ));
            }
            items.push(self.postfix()?);
        }
        Ok(Expr::Array(items))
    }

    fn postfix(&mut self) -> Result<Expr, ParseError> {
        let mut e = self.primary()?;
        loop {
            match self.tok() {
                Some(Tok::Dot) => {
                    self.bump();
                    match self.bump().map(|t| t.tok) {
                        Some(Tok::Word(name)) => e = Expr::Member(Box::new(e), name),
                        _ => return Err(self.unexpected()),
                    }
                    // A method call: $x.ToUpper()
                    if self
                        .peek()
                        .is_some_and(|t| t.tok == Tok::LParen && !t.spaced)
                    {
                        return Err(self.error(ParseErrorKind::Unsupported("method"), self.span()));
                    }
                }
                Some(Tok::LBracket) => {
                    let open = self.span();
                    self.bump();
                    let index = self.expression()?;
                    if self.tok() != Some(&Tok::RBracket) {
                        return Err(self.error(ParseErrorKind::MissingEndBracket, open));
                    }
                    self.bump();
                    e = Expr::Index(Box::new(e), Box::new(index));
                }
                _ => return Ok(e),
            }
        }
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let Some(t) = self.peek().cloned() else {
            return Err(self.unexpected());
        };
        match t.tok {
            Tok::Var(name) => {
                self.bump();
                Ok(Expr::Var(name))
            }
            Tok::Number(n) => {
                self.bump();
                Ok(Expr::Number(n))
            }
            Tok::Str(parts) => {
                self.bump();
                let parts = parts
                    .into_iter()
                    .map(|p| self.string_part(p))
                    .collect::<Result<_, _>>()?;
                Ok(Expr::Str(parts))
            }
            Tok::LParen | Tok::DollarParen | Tok::AtParen => {
                self.bump();
                self.skip_newlines();
                let script = self.nested(|p| p.script(Some(Close::Paren)))?;
                self.bump();
                Ok(Expr::Sub {
                    script,
                    array: t.tok == Tok::AtParen,
                })
            }
            Tok::LBrace => {
                self.bump();
                let script = self.nested(|p| p.script(Some(Close::Brace)))?;
                self.bump();
                Ok(Expr::Block(script))
            }
            Tok::Unsupported(what) => Err(self.error(ParseErrorKind::Unsupported(what), t.span)),
            _ => Err(self.unexpected()),
        }
    }

    fn string_part(&self, part: Part) -> Result<StrPart, ParseError> {
        Ok(match part {
            Part::Text(t) => StrPart::Text(t),
            Part::Var(v) => StrPart::Var(v),
            Part::Sub { source, at } => {
                let toks = tokens(&source).map_err(|e| {
                    let mut err = lex_error(e, &source);
                    err.at += self.base + at;
                    err
                })?;
                let mut inner = Parser {
                    toks,
                    at: 0,
                    end: source.chars().count(),
                    base: self.base + at,
                    depth: self.depth + 1,
                };
                if inner.depth >= MAX_DEPTH {
                    return Err(inner.error(ParseErrorKind::Unsupported("nesting"), inner.span()));
                }
                StrPart::Sub(inner.script(None)?)
            }
        })
    }
}

/// A token as PowerShell names it in "Unexpected token '…'".
fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Newline => "newline".into(),
        Tok::Semi => ";".into(),
        Tok::Pipe => "|".into(),
        Tok::LBrace => "{".into(),
        Tok::RBrace => "}".into(),
        Tok::LParen => "(".into(),
        Tok::RParen => ")".into(),
        Tok::DollarParen => "$(".into(),
        Tok::AtParen => "@(".into(),
        Tok::LBracket => "[".into(),
        Tok::RBracket => "]".into(),
        Tok::Comma => ",".into(),
        Tok::Dot => ".".into(),
        Tok::Assign => "=".into(),
        Tok::Bang => "!".into(),
        Tok::Var(v) => format!("${v}"),
        Tok::Dash { name, .. } => format!("-{name}"),
        Tok::Str(parts) => parts
            .iter()
            .map(|p| match p {
                Part::Text(t) => t.clone(),
                Part::Var(v) => format!("${v}"),
                Part::Sub { source, .. } => format!("$({source})"),
            })
            .collect(),
        Tok::Word(w) => w.clone(),
        Tok::Number(n) => n.to_string(),
        Tok::Unsupported(what) => (*what).to_owned(),
    }
}

/// The name a keyword's statement goes by in "not supported here".
fn keyword(lower: &str) -> &'static str {
    KEYWORDS
        .iter()
        .find(|k| **k == lower)
        .copied()
        .unwrap_or("statement")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(name: &str, args: Vec<Arg>) -> Element {
        Element::Command(Call {
            name: name.into(),
            span: Span::default(),
            args,
        })
    }

    /// The parse with every span zeroed, to compare shapes.
    fn shape(input: &str) -> Script {
        fn strip(s: &mut Script) {
            for st in &mut s.statements {
                match st {
                    Statement::Pipeline(p) | Statement::Assign { value: p, .. } => pipe(p),
                    Statement::Foreach { body, .. } => strip(body),
                }
            }
        }
        fn pipe(p: &mut Pipeline) {
            for e in &mut p.elements {
                if let Element::Command(c) = e {
                    c.span = Span::default();
                    for a in &mut c.args {
                        match a {
                            Arg::Param { span, .. } | Arg::Value { span, .. } => {
                                *span = Span::default()
                            }
                        }
                    }
                }
            }
        }
        let mut s = parse(input).unwrap();
        strip(&mut s);
        s
    }

    #[test]
    fn microsofts_example_line() {
        let s = shape("$product = Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | where {$_.ProductName -match 'Power Automate'}");
        let Statement::Assign { var, value } = &s.statements[0] else {
            panic!("{s:?}")
        };
        assert_eq!(var, "product");
        assert_eq!(value.elements.len(), 2);
        assert_eq!(
            value.elements[1],
            call(
                "where",
                vec![Arg::Value {
                    expr: Expr::Block(Script {
                        statements: vec![Statement::Pipeline(Pipeline {
                            elements: vec![Element::Expr(Expr::Compare {
                                left: Box::new(Expr::Member(
                                    Box::new(Expr::Var("_".into())),
                                    "ProductName".into()
                                )),
                                op: CmpOp::Match,
                                right: Box::new(Expr::Str(vec![StrPart::Text(
                                    "Power Automate".into()
                                )])),
                            })]
                        })]
                    }),
                    span: Span::default()
                }]
            )
        );
    }

    #[test]
    fn errors_and_what_more_input_would_finish() {
        let kind = |s: &str| parse(s).unwrap_err().kind;
        assert_eq!(kind("a | "), ParseErrorKind::EmptyPipeElement);
        assert!(parse("a |").unwrap_err().incomplete(3));
        assert_eq!(kind("| a"), ParseErrorKind::EmptyPipeElement);
        assert!(!parse("| a").unwrap_err().incomplete(3));
        assert_eq!(kind("a {"), ParseErrorKind::MissingEndCurly);
        assert_eq!(kind("if ($x) { a }"), ParseErrorKind::Unsupported("if"));
        assert_eq!(
            kind("$x -contains 'a'"),
            ParseErrorKind::UnsupportedOperator("-contains".into())
        );
        assert_eq!(kind("$x = "), ParseErrorKind::MissingAssignValue);
        assert_eq!(
            kind("foreach ($x $y) { }"),
            ParseErrorKind::MissingForeachIn
        );
        assert_eq!(kind("$x.ToUpper()"), ParseErrorKind::Unsupported("method"));
    }

    #[test]
    fn and_or_bind_looser_than_comparisons() {
        let s = shape("$_.A -eq 'x' -or $_.B -like 'y*' -and -not $_.C");
        let Statement::Pipeline(p) = &s.statements[0] else {
            panic!()
        };
        let Element::Expr(Expr::Logic {
            op: Logic::And,
            left,
            ..
        }) = &p.elements[0]
        else {
            panic!("{p:?}")
        };
        assert!(matches!(**left, Expr::Logic { op: Logic::Or, .. }));
    }
}

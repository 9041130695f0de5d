//! PowerShell's tokens, as far as the console's subset goes: words, strings, variables,
//! parameters and operators (`-Name`, `-eq`), punctuation, and statement ends. Comments
//! (`#` to the end of a line, `<# … #>`) and a backtick at a line's end vanish here.
//!
//! PowerShell reads a word and a parameter the same in command and expression mode; the
//! parser decides what a `-word` is. Typographic quotes and dashes count as PowerShell
//! counts them, so a line pasted from a blog reads as it does there.

/// Where a token is: offsets in characters into the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A piece of a string: text, a variable to expand (`"$name"`), or a subexpression
/// (`"$($x.Name)"`) kept as its source and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Var(String),
    Sub { source: String, at: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// A line break: the end of a statement.
    Newline,
    Semi,
    Pipe,
    LBrace,
    RBrace,
    LParen,
    RParen,
    /// `$(`: a subexpression.
    DollarParen,
    /// `@(`: an array subexpression.
    AtParen,
    LBracket,
    RBracket,
    Comma,
    /// A dot right after a value with no space: member access.
    Dot,
    Assign,
    Bang,
    /// `$name`, without the dollar; `$_` is `_`.
    Var(String),
    /// `-name`, or `-name:` when a colon joins it to its value.
    Dash {
        name: String,
        colon: bool,
    },
    /// A quoted string; single quotes give one text part.
    Str(Vec<Part>),
    Word(String),
    Number(i64),
    /// Something PowerShell has and this console does not: what it is, for the message.
    Unsupported(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
    /// Whitespace came before it (member access and `-name:value` need none).
    pub spaced: bool,
}

/// Why the text cannot be read into tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexError {
    /// A string never closes; the quote that opened it.
    UnterminatedString { quote: char, at: usize },
    /// `<#` never meets `#>`.
    UnterminatedComment { at: usize },
}

/// PowerShell takes these as single quotes.
pub fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

/// … and these as double quotes.
pub fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}')
}

/// … and these as the dash of a parameter or an operator.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Ends a bareword (outside quotes).
fn ends_word(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '|' | ';' | ',' | '(' | ')' | '{' | '}' | ']' | '\n' | '\r' | '&' | '<' | '>'
        )
}

struct Lexer {
    chars: Vec<char>,
    at: usize,
    out: Vec<Token>,
    spaced: bool,
    /// The input ended in a backtick outside a comment or string: the line goes on.
    continued: bool,
}

/// Reads the whole input into tokens.
pub fn tokens(input: &str) -> Result<Vec<Token>, LexError> {
    lex(input).map(|l| l.out)
}

/// Whether the input ends in a backtick that continues the line (one inside a comment or
/// a string does not).
pub fn continues(input: &str) -> bool {
    lex(input).is_ok_and(|l| l.continued)
}

fn lex(input: &str) -> Result<Lexer, LexError> {
    let mut lexer = Lexer {
        chars: input.chars().collect(),
        at: 0,
        out: Vec::new(),
        spaced: true,
        continued: false,
    };
    lexer.run()?;
    Ok(lexer)
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn push(&mut self, tok: Tok, start: usize) {
        self.out.push(Token {
            tok,
            span: Span {
                start,
                end: self.at,
            },
            spaced: self.spaced,
        });
        self.spaced = false;
    }

    /// The previous token ends a value, so a dot or bracket right after it is a member or an index.
    fn after_value(&self) -> bool {
        !self.spaced
            && self.out.last().is_some_and(|t| {
                matches!(
                    t.tok,
                    Tok::Var(_) | Tok::RParen | Tok::RBracket | Tok::Str(_) | Tok::Word(_)
                )
            })
    }

    fn run(&mut self) -> Result<(), LexError> {
        while let Some(c) = self.peek(0) {
            let start = self.at;
            match c {
                '`' if matches!(self.peek(1), Some('\n' | '\r')) => {
                    // A line continues: the backtick and the line break vanish.
                    self.at += 1;
                    if self.peek(0) == Some('\r') {
                        self.at += 1;
                    }
                    if self.peek(0) == Some('\n') {
                        self.at += 1;
                    }
                    self.spaced = true;
                }
                // A backtick ending the input: the line would continue (`needs_more`).
                '`' if self.peek(1).is_none() => {
                    self.at += 1;
                    self.spaced = true;
                    self.continued = true;
                }
                '\n' | '\r' => {
                    self.at += 1;
                    if c == '\r' && self.peek(0) == Some('\n') {
                        self.at += 1;
                    }
                    self.push(Tok::Newline, start);
                    self.spaced = true;
                }
                c if c.is_whitespace() => {
                    self.at += 1;
                    self.spaced = true;
                }
                '#' => {
                    while !matches!(self.peek(0), None | Some('\n' | '\r')) {
                        self.at += 1;
                    }
                    self.spaced = true;
                }
                '<' if self.peek(1) == Some('#') => {
                    self.at += 2;
                    loop {
                        match (self.peek(0), self.peek(1)) {
                            (Some('#'), Some('>')) => {
                                self.at += 2;
                                break;
                            }
                            (Some(_), _) => self.at += 1,
                            (None, _) => return Err(LexError::UnterminatedComment { at: start }),
                        }
                    }
                    self.spaced = true;
                }
                ';' => self.single(Tok::Semi),
                '|' if self.peek(1) == Some('|') => self.unsupported(2, "||"),
                '|' => self.single(Tok::Pipe),
                '{' => self.single(Tok::LBrace),
                '}' => self.single(Tok::RBrace),
                '(' => self.single(Tok::LParen),
                ')' => self.single(Tok::RParen),
                ']' => self.single(Tok::RBracket),
                ',' => self.single(Tok::Comma),
                '!' => self.single(Tok::Bang),
                '[' if self.after_value() => self.single(Tok::LBracket),
                // A type literal: [string], [System.Net.ServicePointManager]::…
                '[' => {
                    while !matches!(self.peek(0), None | Some(']' | '\n')) {
                        self.at += 1;
                    }
                    self.at = (self.at + 1).min(self.chars.len());
                    self.push(Tok::Unsupported("type"), start);
                }
                '.' if self.after_value() && self.peek(1).is_some_and(is_ident) => {
                    self.single(Tok::Dot);
                    self.member_name();
                }
                '=' if self.peek(1) == Some('=') => self.unsupported(2, "=="),
                '=' => self.single(Tok::Assign),
                '&' if self.peek(1) == Some('&') => self.unsupported(2, "&&"),
                '&' => self.unsupported(1, "&"),
                '>' | '<' => self.unsupported(1, "redirection"),
                '@' if self.peek(1) == Some('(') => {
                    self.at += 2;
                    self.push(Tok::AtParen, start);
                }
                '@' if self.peek(1) == Some('{') => self.unsupported(2, "@{"),
                '@' => self.unsupported(1, "@"),
                '$' => self.variable()?,
                q if is_single_quote(q) => self.single_quoted()?,
                q if is_double_quote(q) => self.double_quoted()?,
                d if is_dash(d) && self.dash_starts_name() => self.dash(),
                _ => self.word()?,
            }
        }
        Ok(())
    }

    fn single(&mut self, tok: Tok) {
        let start = self.at;
        self.at += 1;
        self.push(tok, start);
    }

    fn unsupported(&mut self, len: usize, what: &'static str) {
        let start = self.at;
        self.at += len;
        self.push(Tok::Unsupported(what), start);
    }

    fn member_name(&mut self) {
        let start = self.at;
        let mut name = String::new();
        while let Some(c) = self.peek(0).filter(|c| is_ident(*c)) {
            name.push(c);
            self.at += 1;
        }
        self.push(Tok::Word(name), start);
    }

    /// `-Name`, `-eq`: a dash followed by a letter. `-1` and a lone `-` are words.
    fn dash_starts_name(&self) -> bool {
        self.spaced_or_start() && self.peek(1).is_some_and(|c| c.is_alphabetic() || c == '_')
    }

    fn spaced_or_start(&self) -> bool {
        self.spaced
            || self
                .out
                .last()
                .is_some_and(|t| matches!(t.tok, Tok::LParen | Tok::LBrace | Tok::Pipe))
    }

    fn dash(&mut self) {
        let start = self.at;
        self.at += 1;
        let mut name = String::new();
        while let Some(c) = self.peek(0).filter(|c| is_ident(*c) || *c == '-') {
            name.push(c);
            self.at += 1;
        }
        let colon = self.peek(0) == Some(':');
        if colon {
            self.at += 1;
        }
        self.push(Tok::Dash { name, colon }, start);
    }

    fn variable(&mut self) -> Result<(), LexError> {
        let start = self.at;
        match self.peek(1) {
            Some('(') => {
                self.at += 2;
                self.push(Tok::DollarParen, start);
            }
            Some(c) if is_ident(c) => {
                self.at += 1;
                let mut name = String::new();
                while let Some(c) = self.peek(0) {
                    if is_ident(c) {
                        name.push(c);
                        self.at += 1;
                    } else if c == ':' && self.peek(1).is_some_and(is_ident) {
                        // $env:Name, $script:x: scopes and drives.
                        self.at += 1;
                        while self.peek(0).is_some_and(is_ident) {
                            self.at += 1;
                        }
                        self.push(Tok::Unsupported("scope"), start);
                        return Ok(());
                    } else {
                        break;
                    }
                }
                self.push(Tok::Var(name), start);
            }
            Some('{') => {
                self.at += 2;
                let mut name = String::new();
                while let Some(c) = self.peek(0) {
                    self.at += 1;
                    if c == '}' {
                        self.push(Tok::Var(name), start);
                        return Ok(());
                    }
                    name.push(c);
                }
                Err(LexError::UnterminatedString {
                    quote: '}',
                    at: start,
                })?
            }
            _ => {
                // A lone $ is a word, as in PowerShell.
                self.at += 1;
                self.push(Tok::Word("$".into()), start);
            }
        }
        Ok(())
    }

    fn single_quoted(&mut self) -> Result<(), LexError> {
        let start = self.at;
        let open = self.chars[self.at];
        self.at += 1;
        let mut text = String::new();
        loop {
            match self.peek(0) {
                None => {
                    return Err(LexError::UnterminatedString {
                        quote: open,
                        at: start,
                    })
                }
                // Two quotes in a row are one quote inside the string.
                Some(c) if is_single_quote(c) && self.peek(1).is_some_and(is_single_quote) => {
                    text.push(c);
                    self.at += 2;
                }
                Some(c) if is_single_quote(c) => {
                    self.at += 1;
                    break;
                }
                Some(c) => {
                    text.push(c);
                    self.at += 1;
                }
            }
        }
        self.push(Tok::Str(vec![Part::Text(text)]), start);
        Ok(())
    }

    fn double_quoted(&mut self) -> Result<(), LexError> {
        let start = self.at;
        let open = self.chars[self.at];
        self.at += 1;
        let mut parts = Vec::new();
        let mut text = String::new();
        loop {
            match self.peek(0) {
                None => {
                    return Err(LexError::UnterminatedString {
                        quote: open,
                        at: start,
                    })
                }
                Some(c) if is_double_quote(c) && self.peek(1).is_some_and(is_double_quote) => {
                    text.push(c);
                    self.at += 2;
                }
                Some(c) if is_double_quote(c) => {
                    self.at += 1;
                    break;
                }
                Some('`') => {
                    self.at += 1;
                    match self.peek(0) {
                        None => {
                            return Err(LexError::UnterminatedString {
                                quote: open,
                                at: start,
                            })
                        }
                        Some(e) => {
                            text.push(escaped(e));
                            self.at += 1;
                        }
                    }
                }
                Some('$') if self.peek(1) == Some('(') => {
                    let at = self.at + 2;
                    let source = self.balanced(at).ok_or(LexError::UnterminatedString {
                        quote: open,
                        at: start,
                    })?;
                    flush(&mut parts, &mut text);
                    self.at = at + source.chars().count() + 1;
                    parts.push(Part::Sub { source, at });
                }
                Some('$') if self.peek(1).is_some_and(is_ident) => {
                    self.at += 1;
                    let mut name = String::new();
                    while let Some(c) = self.peek(0).filter(|c| is_ident(*c)) {
                        name.push(c);
                        self.at += 1;
                    }
                    flush(&mut parts, &mut text);
                    parts.push(Part::Var(name));
                }
                Some(c) => {
                    text.push(c);
                    self.at += 1;
                }
            }
        }
        flush(&mut parts, &mut text);
        self.push(Tok::Str(parts), start);
        Ok(())
    }

    /// The text from `from` to the parenthesis that closes one opened just before it.
    fn balanced(&self, from: usize) -> Option<String> {
        let mut depth = 1;
        let mut i = from;
        while let Some(&c) = self.chars.get(i) {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(self.chars[from..i].iter().collect());
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    fn word(&mut self) -> Result<(), LexError> {
        let start = self.at;
        let mut text = String::new();
        while let Some(c) = self.peek(0) {
            if ends_word(c) {
                break;
            }
            if c == '`' {
                match self.peek(1) {
                    Some('\n' | '\r') => break,
                    None => {
                        self.continued = true;
                        self.at += 1;
                        break;
                    }
                    Some(e) => {
                        text.push(escaped(e));
                        self.at += 2;
                        continue;
                    }
                }
            }
            // A quote inside a word starts a quoted part of the same word: a'b c'd is "ab cd".
            if is_single_quote(c) || is_double_quote(c) {
                break;
            }
            // $product.ProductId: the variable ends the word only where a word starts with it.
            if c == '$' && !text.is_empty() {
                break;
            }
            text.push(c);
            self.at += 1;
        }
        let digits = text.strip_prefix('-').unwrap_or(&text);
        let tok = match text.parse::<i64>() {
            Ok(n) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                Tok::Number(n)
            }
            _ => Tok::Word(text),
        };
        self.push(tok, start);
        Ok(())
    }
}

fn flush(parts: &mut Vec<Part>, text: &mut String) {
    if !text.is_empty() {
        parts.push(Part::Text(std::mem::take(text)));
    }
}

/// A backtick escape: `n, `t, `0 …; any other character stands for itself.
fn escaped(c: char) -> char {
    match c {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        'e' => '\u{1b}',
        'f' => '\u{c}',
        'v' => '\u{b}',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(input: &str) -> Vec<Tok> {
        tokens(input).unwrap().into_iter().map(|t| t.tok).collect()
    }

    fn word(s: &str) -> Tok {
        Tok::Word(s.into())
    }

    fn dash(s: &str) -> Tok {
        Tok::Dash {
            name: s.into(),
            colon: false,
        }
    }

    fn text(s: &str) -> Tok {
        Tok::Str(vec![Part::Text(s.into())])
    }

    #[test]
    fn a_command_line() {
        assert_eq!(
            kinds("Get-X -PolicyId 'A b' -Enabled:$false # done"),
            vec![
                word("Get-X"),
                dash("PolicyId"),
                text("A b"),
                Tok::Dash {
                    name: "Enabled".into(),
                    colon: true
                },
                Tok::Var("false".into()),
            ]
        );
    }

    #[test]
    fn comments_continuations_and_quotes_from_blogs() {
        assert_eq!(
            kinds("a <# one\ntwo #> b `\n c\nd"),
            vec![word("a"), word("b"), word("c"), Tok::Newline, word("d")]
        );
        // Curly quotes and an en dash, as pasted from a web page.
        assert_eq!(
            kinds("x \u{2013}Name \u{2018}Power BI Pro\u{2019} \u{201C}y\u{201D}"),
            vec![word("x"), dash("Name"), text("Power BI Pro"), text("y")]
        );
        assert_eq!(kinds("'it''s'"), vec![text("it's")]);
        assert_eq!(kinds("a#b"), vec![word("a#b")]);
    }

    #[test]
    fn members_and_indexes_need_no_space() {
        assert_eq!(
            kinds("$p.ProductID $p[0].X $p .Y"),
            vec![
                Tok::Var("p".into()),
                Tok::Dot,
                word("ProductID"),
                Tok::Var("p".into()),
                Tok::LBracket,
                Tok::Number(0),
                Tok::RBracket,
                Tok::Dot,
                word("X"),
                Tok::Var("p".into()),
                word(".Y"),
            ]
        );
    }

    #[test]
    fn double_quotes_expand() {
        assert_eq!(
            kinds("\"a $x b `$y $($z.N)\""),
            vec![Tok::Str(vec![
                Part::Text("a ".into()),
                Part::Var("x".into()),
                Part::Text(" b $y ".into()),
                Part::Sub {
                    source: "$z.N".into(),
                    at: 14
                },
            ])]
        );
    }

    #[test]
    fn unfinished_input_says_where() {
        assert_eq!(
            tokens("a 'b"),
            Err(LexError::UnterminatedString { quote: '\'', at: 2 })
        );
        assert_eq!(
            tokens("a <# b"),
            Err(LexError::UnterminatedComment { at: 2 })
        );
        assert_eq!(kinds("a `"), vec![word("a")]);
    }

    #[test]
    fn what_is_not_here_is_named() {
        assert_eq!(
            kinds("[Net.ServicePointManager]::X"),
            vec![Tok::Unsupported("type"), word("::X")]
        );
        assert_eq!(kinds("$env:USER"), vec![Tok::Unsupported("scope")]);
        assert_eq!(
            kinds("a > b"),
            vec![word("a"), Tok::Unsupported("redirection"), word("b")]
        );
    }
}

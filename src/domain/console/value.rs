//! PowerShell's values as the subset needs them: `$null`, booleans, whole numbers,
//! strings, objects with ordered properties, arrays, script blocks, and formatted text;
//! with PowerShell's conversions, member enumeration and comparisons.

use super::parse::{CmpOp, Script};
use std::cmp::Ordering;

/// An object: the type its properties come from and the properties in display order.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    /// `Format-Table` starts a new table when the type changes.
    pub type_name: &'static str,
    /// Each property's name and value, in the order the module prints them.
    pub props: Vec<(String, Value)>,
}

impl Object {
    /// An object of `type_name` with these properties.
    pub fn new(type_name: &'static str, props: Vec<(&str, Value)>) -> Object {
        Object {
            type_name,
            props: props.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        }
    }

    /// A property by name, case-insensitively as PowerShell looks it up.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.props
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }
}

/// A value in the console: what a variable holds and a pipeline passes on.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `$null`: nothing.
    Null,
    /// `$true` or `$false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A string.
    Str(String),
    /// An object with properties (a product policy).
    Object(Object),
    /// Several values: what a pipeline of many objects returns.
    Array(Vec<Value>),
    /// A script block (`{ $_.ProductName -like 'Power*' }`).
    Block(Script),
    /// What `Format-Table` and `Format-List` send down the pipeline: text to show, not an
    /// object to filter (piping it further finds no properties, as in PowerShell).
    Format(String),
}

impl Value {
    /// A string value.
    pub fn str(text: impl Into<String>) -> Value {
        Value::Str(text.into())
    }

    /// A pipeline's collected output as one value: nothing is `$null`, one item is itself,
    /// more are an array (what `$x = …` stores).
    pub fn collect(mut items: Vec<Value>) -> Value {
        match items.len() {
            0 => Value::Null,
            1 => items.remove(0),
            _ => Value::Array(items),
        }
    }

    /// What the value sends down a pipeline: an array its items, anything else itself.
    pub fn items(self) -> Vec<Value> {
        match self {
            Value::Array(items) => items,
            other => vec![other],
        }
    }

    /// PowerShell's conversion to a string: `True`, `12`, `a b` for an array, `@{A=x; B=y}`
    /// for an object.
    pub fn text(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(n) => n.to_string(),
            Value::Str(s) => s.clone(),
            Value::Object(o) => format!(
                "@{{{}}}",
                o.props
                    .iter()
                    .map(|(k, v)| format!("{k}={}", v.text()))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Value::Array(items) => items.iter().map(Value::text).collect::<Vec<_>>().join(" "),
            Value::Block(_) => "{…}".into(),
            Value::Format(_) => {
                "Microsoft.PowerShell.Commands.Internal.Format.FormatStartData".into()
            }
        }
    }

    /// How a table cell shows the value: arrays in braces, as `Format-Table` does.
    pub fn cell(&self) -> String {
        match self {
            Value::Array(items) => format!(
                "{{{}}}",
                items.iter().map(Value::text).collect::<Vec<_>>().join(", ")
            ),
            other => other.text(),
        }
    }

    /// PowerShell's truth: `$null`, `$false`, 0, '' and an empty array are false; an array
    /// of one is its item's truth; anything else is true.
    pub fn is_true(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(n) => *n != 0,
            Value::Str(s) => !s.is_empty(),
            Value::Array(items) => match items.as_slice() {
                [] => false,
                [one] => one.is_true(),
                _ => true,
            },
            Value::Object(_) | Value::Block(_) | Value::Format(_) => true,
        }
    }

    /// `$x.Name`. An array's own `Count` and `Length` come first; otherwise each item's
    /// member, gathered (PowerShell's member enumeration).
    pub fn member(&self, name: &str) -> Value {
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        match self {
            Value::Array(items) if is("Count") || is("Length") => Value::Int(len(items.len())),
            Value::Array(items) => Value::collect(
                items
                    .iter()
                    .map(|item| item.member(name))
                    .filter(|v| *v != Value::Null)
                    .flat_map(Value::items)
                    .collect(),
            ),
            Value::Object(o) => match o.get(name) {
                Some(v) => v.clone(),
                None if is("Count") => Value::Int(1),
                None => Value::Null,
            },
            Value::Str(s) if is("Length") => Value::Int(len(s.chars().count())),
            Value::Null if is("Count") => Value::Int(0),
            Value::Null => Value::Null,
            _ if is("Count") => Value::Int(1),
            _ => Value::Null,
        }
    }

    /// `$x[i]`: from the end when negative, `$null` past either end; a single value is
    /// its own item 0.
    pub fn index(&self, i: i64) -> Value {
        let pick = |n: usize| {
            let i = if i < 0 { i + len(n) } else { i };
            usize::try_from(i).ok().filter(|i| *i < n)
        };
        match self {
            Value::Array(items) => pick(items.len()).map_or(Value::Null, |i| items[i].clone()),
            Value::Str(s) => pick(s.chars().count())
                .and_then(|i| s.chars().nth(i))
                .map_or(Value::Null, |c| Value::Str(c.to_string())),
            Value::Null => Value::Null,
            other => pick(1).map_or(Value::Null, |_| other.clone()),
        }
    }

    fn number(&self) -> Option<i64> {
        match self {
            Value::Int(n) => Some(*n),
            Value::Str(s) => s.trim().parse().ok(),
            Value::Bool(b) => Some(i64::from(*b)),
            _ => None,
        }
    }
}

fn len(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Why a comparison could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareError {
    /// `-match` with a pattern that is not a regular expression.
    BadPattern(String),
}

/// `left op right`, PowerShell's way: case-insensitive; with an array on the left, the
/// items that pass (a filter, not a truth).
pub fn compare(left: &Value, op: CmpOp, right: &Value) -> Result<Value, CompareError> {
    if let Value::Array(items) = left {
        let mut kept = Vec::new();
        for item in items {
            if compare(item, op, right)?.is_true() {
                kept.push(item.clone());
            }
        }
        return Ok(Value::Array(kept));
    }
    let yes = match op {
        CmpOp::Eq => equal(left, right),
        CmpOp::Ne => !equal(left, right),
        CmpOp::Like => wildcard(&right.text(), &left.text()),
        CmpOp::NotLike => !wildcard(&right.text(), &left.text()),
        CmpOp::Match => matches(&right.text(), &left.text())?,
        CmpOp::NotMatch => !matches(&right.text(), &left.text())?,
        CmpOp::Gt => order(left, right) == Ordering::Greater,
        CmpOp::Ge => order(left, right) != Ordering::Less,
        CmpOp::Lt => order(left, right) == Ordering::Less,
        CmpOp::Le => order(left, right) != Ordering::Greater,
    };
    Ok(Value::Bool(yes))
}

/// `-eq`: the right side converted to the left side's kind.
fn equal(left: &Value, right: &Value) -> bool {
    match (left, right) {
        (Value::Null, r) => *r == Value::Null,
        (Value::Bool(b), r) => *b == r.is_true(),
        (Value::Int(n), r) => r.number() == Some(*n),
        (l, r) => l.text().to_lowercase() == r.text().to_lowercase(),
    }
}

/// The order `Sort-Object` and `-gt` use: numbers as numbers, the rest as text, ignoring
/// case; `$null` first.
pub fn order(left: &Value, right: &Value) -> Ordering {
    match (left, right) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        (Value::Int(a), b) => b.number().map_or(Ordering::Less, |b| a.cmp(&b)),
        (a, b) => a.text().to_lowercase().cmp(&b.text().to_lowercase()),
    }
}

/// PowerShell's wildcards: `*`, `?` and `[abc]`/`[a-z]`, a backtick escaping the next
/// character; the whole text must match, ignoring case. Linear in the text for each `*`
/// (the classic two-pointer walk), so a hostile pattern cannot stall the console.
pub fn wildcard(pattern: &str, text: &str) -> bool {
    let p = glob(&pattern.to_lowercase());
    let t: Vec<char> = text.to_lowercase().chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some(Glob::Star) => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(g) if g.one(t[ti]) => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|g| *g == Glob::Star)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Glob {
    Star,
    Any,
    Char(char),
    /// Characters and ranges in brackets.
    Set(Vec<(char, char)>),
}

impl Glob {
    fn one(&self, c: char) -> bool {
        match self {
            Glob::Star => false,
            Glob::Any => true,
            Glob::Char(x) => *x == c,
            Glob::Set(ranges) => ranges.iter().any(|(a, b)| (*a..=*b).contains(&c)),
        }
    }
}

fn glob(pattern: &str) -> Vec<Glob> {
    let p: Vec<char> = pattern.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.len() {
        match p[i] {
            '*' => out.push(Glob::Star),
            '?' => out.push(Glob::Any),
            '`' if i + 1 < p.len() => {
                i += 1;
                out.push(Glob::Char(p[i]));
            }
            '[' => match p[i + 1..].iter().position(|c| *c == ']') {
                Some(n) if n > 0 => {
                    let set = &p[i + 1..i + 1 + n];
                    let mut ranges = Vec::new();
                    let mut j = 0;
                    while j < set.len() {
                        if j + 2 < set.len() && set[j + 1] == '-' {
                            ranges.push((set[j], set[j + 2]));
                            j += 3;
                        } else {
                            ranges.push((set[j], set[j]));
                            j += 1;
                        }
                    }
                    out.push(Glob::Set(ranges));
                    i += n + 1;
                }
                _ => out.push(Glob::Char('[')),
            },
            c => out.push(Glob::Char(c)),
        }
        i += 1;
    }
    out
}

/// `-match`: a .NET-style regular expression anywhere in the text, ignoring case.
fn matches(pattern: &str, text: &str) -> Result<bool, CompareError> {
    regex_lite::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .map(|re| re.is_match(text))
        .map_err(|_| CompareError::BadPattern(pattern.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(name: &str, id: &str) -> Value {
        Value::Object(Object::new(
            "T",
            vec![("ProductName", Value::str(name)), ("ProductId", Value::str(id))],
        ))
    }

    #[test]
    fn member_enumeration_gathers_and_unwraps() {
        let two = Value::Array(vec![obj("A", "1"), obj("B", "2")]);
        assert_eq!(
            two.member("productid"),
            Value::Array(vec![Value::str("1"), Value::str("2")])
        );
        assert_eq!(two.member("Count"), Value::Int(2));
        assert_eq!(
            Value::Array(vec![obj("A", "1")]).member("ProductId"),
            Value::str("1")
        );
        assert_eq!(two.member("Nope"), Value::Null);
        assert_eq!(obj("A", "1").member("Count"), Value::Int(1));
        assert_eq!(two.index(-1), obj("B", "2"));
        assert_eq!(two.index(2), Value::Null);
        assert_eq!(obj("A", "1").index(0), obj("A", "1"));
    }

    #[test]
    fn comparisons_ignore_case_and_filter_arrays() {
        let s = Value::str("Power Automate per user");
        let t = |op, r: &str| compare(&s, op, &Value::str(r)).unwrap();
        assert_eq!(t(CmpOp::Match, "power automate"), Value::Bool(true));
        assert_eq!(t(CmpOp::Like, "power*"), Value::Bool(true));
        assert_eq!(t(CmpOp::Like, "power"), Value::Bool(false));
        assert_eq!(t(CmpOp::Eq, "POWER AUTOMATE PER USER"), Value::Bool(true));
        assert_eq!(t(CmpOp::NotMatch, "^Visio"), Value::Bool(true));
        assert!(compare(&s, CmpOp::Match, &Value::str("[")).is_err());
        let arr = Value::Array(vec![Value::str("a"), Value::str("b"), Value::str("A")]);
        assert_eq!(
            compare(&arr, CmpOp::Eq, &Value::str("a")).unwrap(),
            Value::Array(vec![Value::str("a"), Value::str("A")])
        );
        assert_eq!(
            compare(&Value::Int(2), CmpOp::Gt, &Value::str("10")).unwrap(),
            Value::Bool(false)
        );
    }

    #[test]
    fn wildcards() {
        for (p, t, ok) in [
            ("Power*", "Power BI Pro", true),
            ("*BI*", "Power BI Pro", true),
            ("?isio*", "Visio Plan 1", true),
            ("Visio Plan [12]", "Visio Plan 2", true),
            ("Visio Plan [3-9]", "Visio Plan 2", false),
            ("a`*", "a*", true),
            ("a`*", "ab", false),
            ("*a*a*a*a*a*a*b", "a".repeat(5000).as_str(), false),
        ] {
            assert_eq!(wildcard(p, t), ok, "{p} {t}");
        }
    }

    #[test]
    fn truth_and_text() {
        assert!(!Value::Array(vec![]).is_true());
        assert!(!Value::Array(vec![Value::Bool(false)]).is_true());
        assert!(Value::Array(vec![Value::Null, Value::Null]).is_true());
        assert_eq!(obj("A", "1").text(), "@{ProductName=A; ProductId=1}");
        assert_eq!(
            Value::Array(vec![Value::Int(1), Value::str("x")]).cell(),
            "{1, x}"
        );
    }
}

//! The house's shape, checked from the source text: which module refers to which (through
//! `use` lines and paths written out, `pub use` re-exports followed to where an item is
//! defined), no import cycle inside `domain` or `store`, and no module reaching up to a
//! layer above its own (domain < store, i18n < components < pages < app).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module's path from the crate root, as `crate::domain::commands`.
type Module = String;

/// The layers, lowest first: a module may refer to its own layer and the ones below.
const LAYERS: &[&[&str]] = &[
    &["crate::domain"],
    &["crate::store", "crate::i18n"],
    &["crate::locale", "crate::components"],
    &["crate::pages", "crate::areas"],
    &["crate::app", "crate"],
];

struct Source {
    module: Module,
    /// The code without comments, string contents, and inline test modules.
    code: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files
        .into_iter()
        .filter(|f| !f.ends_with("main.rs"))
        .map(|file| {
            let relative = file.strip_prefix(&root).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                parts.pop();
            }
            let module = std::iter::once("crate".to_owned())
                .chain(parts)
                .collect::<Vec<_>>()
                .join("::");
            let code = without_test_modules(&code_only(&fs::read_to_string(&file).unwrap()));
            Source { module, code }
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text with comments removed and string and character literals emptied, so neither
/// can be read as a path.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1).copied()) {
            ('/', Some('/')) => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            ('/', Some('*')) => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            ('r', Some('#' | '"')) if i == 0 || !is_ident(chars[i - 1]) => {
                let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
                if chars.get(i + 1 + hashes) != Some(&'"') {
                    out.push(chars[i]);
                    i += 1;
                    continue;
                }
                i += 2 + hashes;
                while i < chars.len()
                    && !(chars[i] == '"' && chars[i + 1..].iter().take(hashes).all(|c| *c == '#'))
                {
                    i += 1;
                }
                i += 1 + hashes;
                out.push_str("\"\"");
            }
            ('"', _) => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            ('\'', Some('\\')) => {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            }
            ('\'', Some(_)) if chars.get(i + 2) == Some(&'\'') => i += 3,
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The code with its inline modules opened up: a `mod tests { … }` block left out (what
/// tests use is not a dependency), another's `super::` read as the file's own `self::`.
fn without_test_modules(code: &str) -> String {
    let mut out = code.to_owned();
    let mut from = 0;
    while let Some(found) = find_word(&out[from..], "mod") {
        let start = from + found;
        let head = &out[start + 3..];
        let name_len = head
            .trim_start()
            .chars()
            .take_while(|c| is_ident(*c))
            .count();
        let after_name = head.len() - head.trim_start().len() + name_len;
        if !head[after_name..].trim_start().starts_with('{') {
            from = start + 3;
            continue;
        }
        let open = start + 3 + after_name + head[after_name..].find('{').unwrap();
        let mut depth = 0;
        let mut end = out.len();
        for (i, c) in out[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        let name = head.trim_start()[..name_len].to_owned();
        let body = if name == "tests" {
            String::new()
        } else {
            out[open + 1..end - 1].replace("super::", "self::")
        };
        out.replace_range(start..end, &body);
        from = start + body.len();
    }
    out
}

/// Every path a `use` statement names, its braces expanded.
fn use_paths(code: &str) -> Vec<(String, bool)> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        let public = rest[..at].trim_end().ends_with("pub")
            || rest[..at].trim_end().ends_with(')') && rest[..at].contains("pub(");
        let tail = &rest[at + 3..];
        let end = tail.find(';').unwrap_or(tail.len());
        for path in expand(tail[..end].trim()) {
            paths.push((path, public));
        }
        rest = &tail[end..];
    }
    paths
}

/// `a::{b, c::{d, e}}` as `a::b`, `a::c::d`, `a::c::e` (an alias dropped).
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree.split("as").next().unwrap_or(&tree).to_owned()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.len() - 1];
    let mut items = Vec::new();
    let (mut depth, mut from) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[from..]);
    items
        .into_iter()
        .filter(|i| !i.is_empty())
        .flat_map(|item| {
            expand(item).into_iter().map(move |p| {
                if p == "self" {
                    prefix.trim_end_matches("::").to_owned()
                } else {
                    format!("{prefix}{p}")
                }
            })
        })
        .collect()
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        if !before.is_some_and(is_ident) && after.is_some_and(char::is_whitespace) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// Paths written out in the code: `crate::a::b`, `super::c`, `self::d`.
fn inline_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .find(|s| chars[i..].iter().take(s.len()).copied().eq(s.chars()));
        if let (Some(_), true) = (starts, i == 0 || !is_ident(chars[i - 1])) {
            let mut j = i;
            while j < chars.len() && (is_ident(chars[j]) || chars[j] == ':') {
                j += 1;
            }
            paths.push(
                chars[i..j]
                    .iter()
                    .collect::<String>()
                    .trim_end_matches(':')
                    .to_owned(),
            );
            i = j;
        } else {
            i += 1;
        }
    }
    paths
}

/// `path` as written in `module`, from the crate root ("" for another crate's). A path may
/// start at a child module by its bare name (`use ledger::Line;` in `commands`).
fn absolute(module: &str, path: &str, modules: &BTreeSet<Module>) -> String {
    let mut base: Vec<&str> = module.split("::").collect();
    let mut segments = path.split("::").peekable();
    match segments.peek() {
        Some(&"crate") => return path.to_owned(),
        Some(&"self") => {
            segments.next();
        }
        Some(&"super") => {
            while segments.peek() == Some(&"super") {
                segments.next();
                base.pop();
            }
        }
        Some(first) if modules.contains(&format!("{module}::{first}")) => {}
        _ => return String::new(),
    }
    base.into_iter()
        .chain(segments)
        .collect::<Vec<_>>()
        .join("::")
}

struct Graph {
    modules: BTreeSet<Module>,
    /// Per module: name → where the item it re-exports under that name is.
    reexports: BTreeMap<Module, BTreeMap<String, String>>,
    refs: BTreeMap<Module, BTreeSet<String>>,
}

impl Graph {
    fn new() -> Graph {
        let sources = sources();
        let modules: BTreeSet<Module> = sources.iter().map(|s| s.module.clone()).collect();
        let mut reexports: BTreeMap<Module, BTreeMap<String, String>> = BTreeMap::new();
        let mut refs: BTreeMap<Module, BTreeSet<String>> = BTreeMap::new();
        for s in &sources {
            for (path, public) in use_paths(&s.code) {
                let target = absolute(&s.module, &path, &modules);
                if target.is_empty() {
                    continue;
                }
                if public {
                    let name = target.rsplit("::").next().unwrap().to_owned();
                    reexports
                        .entry(s.module.clone())
                        .or_default()
                        .insert(name, target.clone());
                }
                refs.entry(s.module.clone()).or_default().insert(target);
            }
            for path in inline_paths(&s.code) {
                let target = absolute(&s.module, &path, &modules);
                if !target.is_empty() {
                    refs.entry(s.module.clone()).or_default().insert(target);
                }
            }
        }
        Graph {
            modules,
            reexports,
            refs,
        }
    }

    /// The module that defines what `path` names, through re-exports.
    fn resolve(&self, path: &str, depth: usize) -> Option<Module> {
        let segments: Vec<&str> = path.split("::").collect();
        let (module, rest) = (1..=segments.len()).rev().find_map(|n| {
            let m = segments[..n].join("::");
            self.modules.contains(&m).then(|| (m, &segments[n..]))
        })?;
        if let (Some(name), true) = (rest.first(), depth < 8) {
            if let Some(target) = self.reexports.get(&module).and_then(|r| r.get(*name)) {
                if target != path {
                    let rest = rest[1..]
                        .iter()
                        .map(|s| format!("::{s}"))
                        .collect::<String>();
                    return self.resolve(&format!("{target}{rest}"), depth + 1);
                }
            }
        }
        Some(module)
    }

    /// Module → the modules it refers to (itself left out).
    fn edges(&self) -> BTreeMap<Module, BTreeSet<Module>> {
        self.refs
            .iter()
            .map(|(from, paths)| {
                let to = paths
                    .iter()
                    .filter_map(|p| self.resolve(p, 0))
                    .filter(|m| m != from)
                    .collect();
                (from.clone(), to)
            })
            .collect()
    }
}

fn within(module: &str, tree: &str) -> bool {
    module == tree || module.starts_with(&format!("{tree}::"))
}

/// The cycles among the modules of `tree`: each a strongly connected set of two or more.
fn cycles(edges: &BTreeMap<Module, BTreeSet<Module>>, tree: &str) -> Vec<Vec<Module>> {
    let nodes: Vec<&Module> = edges.keys().filter(|m| within(m, tree)).collect();
    let reach = |from: &Module| -> BTreeSet<Module> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(m) = stack.pop() {
            for next in edges.get(&m).into_iter().flatten() {
                if within(next, tree) && seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&Module, BTreeSet<Module>> =
        nodes.iter().map(|m| (*m, reach(m))).collect();
    let mut found: Vec<Vec<Module>> = Vec::new();
    for m in &nodes {
        let set: Vec<Module> = nodes
            .iter()
            .filter(|n| reaches[*m].contains(**n) && reaches[**n].contains(*m))
            .map(|n| (*n).clone())
            .collect();
        if set.len() > 1 && !found.contains(&set) {
            found.push(set);
        }
    }
    found
}

#[test]
fn no_import_cycle_inside_domain_or_store() {
    let edges = Graph::new().edges();
    for tree in ["crate::domain", "crate::store"] {
        let found = cycles(&edges, tree);
        let shown: Vec<String> = found
            .iter()
            .map(|set| {
                let members: BTreeSet<&Module> = set.iter().collect();
                let arrows: Vec<String> = set
                    .iter()
                    .flat_map(|m| {
                        edges[m]
                            .iter()
                            .filter(|n| members.contains(n))
                            .map(move |n| format!("{m} -> {n}"))
                    })
                    .collect();
                arrows.join("\n  ")
            })
            .collect();
        assert!(
            found.is_empty(),
            "cycles in {tree}:\n  {}",
            shown.join("\n\n  ")
        );
    }
}

#[test]
fn no_module_reaches_up_a_layer() {
    let edges = Graph::new().edges();
    let layer = |m: &str| {
        LAYERS.iter().position(|trees| {
            trees
                .iter()
                .any(|t| if *t == "crate" { m == *t } else { within(m, t) })
        })
    };
    let upward: Vec<String> = edges
        .iter()
        .flat_map(|(from, to)| to.iter().map(move |t| (from, t)))
        .filter(|(from, to)| matches!((layer(from), layer(to)), (Some(a), Some(b)) if b > a))
        .map(|(from, to)| format!("{from} -> {to}"))
        .collect();
    assert!(
        upward.is_empty(),
        "upward references:\n  {}",
        upward.join("\n  ")
    );
}

#[test]
fn the_checker_sees_a_cycle_and_an_upward_arrow() {
    // The parsing, on text written for the purpose: a cycle through a re-export, and a
    // brace group.
    assert_eq!(
        expand("super::{a::B, c::{D, E as F}, self}"),
        ["super::a::B", "super::c::D", "super::c::E", "super"]
    );
    let modules = BTreeSet::from(["crate::domain::commands::ledger".to_owned()]);
    let at = |module, path| absolute(module, path, &modules);
    assert_eq!(
        at("crate::domain::commands::ledger", "super::Ctx"),
        "crate::domain::commands::Ctx"
    );
    assert_eq!(
        at("crate::domain::commands", "super::super::app"),
        "crate::app"
    );
    assert_eq!(
        at("crate::domain::commands", "ledger::Line"),
        "crate::domain::commands::ledger::Line"
    );
    assert_eq!(at("crate::domain::commands", "chrono::Utc"), "");
    let code = code_only("use super::x; // crate::y\nlet s = \"crate::z\"; r#\"crate::w\"#; 'a';");
    assert_eq!(inline_paths(&code), ["super::x"]);
    let mut edges = BTreeMap::new();
    let m = |s: &str| s.to_owned();
    edges.insert(
        m("crate::domain::a"),
        BTreeSet::from([m("crate::domain::b")]),
    );
    edges.insert(
        m("crate::domain::b"),
        BTreeSet::from([m("crate::domain::a")]),
    );
    edges.insert(
        m("crate::domain::c"),
        BTreeSet::from([m("crate::domain::a")]),
    );
    assert_eq!(
        cycles(&edges, "crate::domain"),
        [vec![m("crate::domain::a"), m("crate::domain::b")]]
    );
}

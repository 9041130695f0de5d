//! The console's lines in words: PowerShell's own messages in the reader's language (as a
//! localized Windows PowerShell prints them), the module's in English (the module is not
//! localized), this app's lines in the reader's language.

use super::{explain, fill, lookup, Lang};
use crate::domain::console::{ErrorRecord, Line, PsMessage};

/// A line of the transcript as the reader sees it; an error record takes several.
pub fn console_lines(lang: Lang, line: &Line) -> Vec<String> {
    match line {
        Line::Input(text) | Line::Text(text) => vec![text.clone()],
        Line::Error(record) => error_lines(lang, record),
        Line::App(why) => vec![explain(lang, why)],
        Line::Clear => Vec::new(),
    }
}

/// An error record in PowerShell's shape, its headline and position line in `lang`.
pub fn error_lines(lang: Lang, record: &ErrorRecord) -> Vec<String> {
    let headline = match &record.message {
        PsMessage::Module(text) => text.clone(),
        PsMessage::Engine(engine) => {
            let args = engine.args();
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            fill(lookup(lang, engine.key()).unwrap_or(engine.key()), &args)
        }
    };
    let at = record.at.as_ref().map(|p| {
        fill(
            lookup(lang, "ps.at").unwrap_or("At line:{line} char:{char}"),
            &[("line", &p.line.to_string()), ("char", &p.column.to_string())],
        )
    });
    record.lines(&headline, at.as_deref())
}

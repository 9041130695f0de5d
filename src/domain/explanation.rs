//! Why something happened or was refused, in words a person reads: a message's key and its
//! placeholders' values. The domain names messages by key only; `i18n` holds the texts.
//! Below everything that explains (commands, the audit log, the console).

use super::money::Money;
use chrono::NaiveDate;
use std::fmt;

/// A refusal in words a person reads: the catalog key of its message and the values of its
/// placeholders. The domain names messages by key only; `i18n` holds the texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The message's catalog key.
    pub key: &'static str,
    /// Each placeholder's name and value.
    pub args: Vec<(&'static str, Arg)>,
}

/// A placeholder's value: text as it is, another message (a status, a rule's name), or a
/// whole explanation of its own (where a rule broke).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is (a name, an ID).
    Text(String),
    /// Another message, by key, in the reader's language.
    Key(&'static str),
    /// A list of messages (roles, statuses), joined as the reader's language lists them.
    Keys(Vec<&'static str>),
    /// A choice a person made from the catalog's options, kept as its key (a cancellation
    /// reason), perhaps followed by " — " and their own words.
    Chosen(String),
    /// A day, formatted in the reader's language.
    Date(NaiveDate),
    /// An amount, formatted in the reader's language and the amount's currency.
    Money(Money),
    /// A whole explanation in the place of a placeholder.
    Explained(Box<Explanation>),
    /// A count: shown as a number, and the message takes the form it calls for ("1
    /// license", "2 licenses").
    Count(u64),
}

impl Explanation {
    /// The message `key` with no placeholders filled yet.
    pub fn new(key: &'static str) -> Self {
        Explanation {
            key,
            args: Vec::new(),
        }
    }

    /// Fills `name` with `value` as text.
    pub fn text(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// A count, which also chooses the message's form (its `.one` form for 1 in en-US).
    pub fn count(mut self, name: &'static str, n: impl TryInto<u64>) -> Self {
        self.args
            .push((name, Arg::Count(n.try_into().unwrap_or(u64::MAX))));
        self
    }

    /// Fills `name` with a day.
    pub fn date(mut self, name: &'static str, date: NaiveDate) -> Self {
        self.args.push((name, Arg::Date(date)));
        self
    }

    /// Fills `name` with an amount.
    pub fn money(mut self, name: &'static str, amount: Money) -> Self {
        self.args.push((name, Arg::Money(amount)));
        self
    }

    /// Fills `name` with the message `key`.
    pub fn key(mut self, name: &'static str, key: &'static str) -> Self {
        self.args.push((name, Arg::Key(key)));
        self
    }

    /// Fills `name` with a choice the person made, as typed.
    pub fn chosen(mut self, name: &'static str, choice: &str) -> Self {
        self.args.push((name, Arg::Chosen(choice.to_owned())));
        self
    }

    /// Fills `name` with a list of messages.
    pub fn keys(mut self, name: &'static str, keys: Vec<&'static str>) -> Self {
        self.args.push((name, Arg::Keys(keys)));
        self
    }

    /// Fills `name` with another explanation.
    pub fn explained(mut self, name: &'static str, inner: Explanation) -> Self {
        self.args.push((name, Arg::Explained(Box::new(inner))));
        self
    }
}

/// An explanation as the audit log keeps it: owned, so it reads back from storage and
/// is put in words in the reader's language when shown.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeptExplanation {
    /// The message's catalog key.
    pub key: String,
    /// Each placeholder's name and value.
    pub args: Vec<(String, KeptArg)>,
}

/// A placeholder's value as kept: `Arg` with owned keys.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum KeptArg {
    /// Text shown as it is.
    Text(String),
    /// Another message, by key.
    Key(String),
    /// A list of messages, by key.
    Keys(Vec<String>),
    /// A choice the person made, as typed.
    Chosen(String),
    /// A day.
    Date(NaiveDate),
    /// An amount.
    Money(Money),
    /// A whole explanation.
    Explained(Box<KeptExplanation>),
    /// A count that picks the message's plural form.
    Count(u64),
}

impl From<&Explanation> for KeptExplanation {
    fn from(e: &Explanation) -> Self {
        KeptExplanation {
            key: e.key.to_owned(),
            args: e
                .args
                .iter()
                .map(|(name, value)| {
                    let value = match value {
                        Arg::Text(t) => KeptArg::Text(t.clone()),
                        Arg::Key(k) => KeptArg::Key((*k).to_owned()),
                        Arg::Chosen(c) => KeptArg::Chosen(c.clone()),
                        Arg::Keys(ks) => {
                            KeptArg::Keys(ks.iter().map(|k| (*k).to_owned()).collect())
                        }
                        Arg::Date(d) => KeptArg::Date(*d),
                        Arg::Money(m) => KeptArg::Money(*m),
                        Arg::Explained(inner) => KeptArg::Explained(Box::new((&**inner).into())),
                        Arg::Count(n) => KeptArg::Count(*n),
                    };
                    ((*name).to_owned(), value)
                })
                .collect(),
        }
    }
}

//! The saved state as many small records — a head (clock, sequence, counts), the directory,
//! the policies, and one per subscription, bill, card, notification and audit event — so that a
//! command writes the few records it changed, not the whole world. Pure: the browser side
//! (`idb`) only moves the strings made here.

pub use super::error::RecordsError;
use super::files::{Saved, SavedRef, SCHEMA};
use crate::domain::card::StoredCard;
use crate::domain::subscription::{AuditEvent, Bill, Notification, Payment, State, Subscription};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The key of the head record.
pub const HEAD: &str = "head";

/// One change to the stored records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// Every record goes (before a whole state is written).
    Clear,
    Put {
        key: String,
        json: String,
    },
    Delete {
        key: String,
    },
}

/// How many records of each collection the state has: with them the head says what a
/// complete set of records is, so a missing one is noticed and a stale one ignored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Counts {
    subscriptions: usize,
    bills: usize,
    cards: usize,
    notifications: usize,
    audit: usize,
    #[serde(default)]
    payments: usize,
}

impl Counts {
    fn of(s: &State) -> Counts {
        Counts {
            subscriptions: s.subscriptions.len(),
            bills: s.bills.len(),
            cards: s.cards.len(),
            notifications: s.notifications.len(),
            audit: s.audit.len(),
            payments: s.payments.len(),
        }
    }
}

/// The schema, the demo clock, the ID sequence and the collections' sizes: small, and
/// written by most commands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Head {
    schema: u32,
    clock: DateTime<Utc>,
    sequence: u64,
    counts: Counts,
}

impl Head {
    fn of(saved: SavedRef<'_>) -> Head {
        Head {
            schema: SCHEMA,
            clock: saved.clock,
            sequence: saved.state.sequence,
            counts: Counts::of(saved.state),
        }
    }
}

/// The directory and the policies have a record each: they change rarely, and the
/// directory is the largest single value.
pub const DIRECTORY: &str = "directory";
pub const POLICIES: &str = "policies";

fn json<T: Serialize>(value: &T) -> String {
    // The state's types serialize without fail (no maps with non-string keys).
    serde_json::to_string(value).unwrap_or_default()
}

/// The record key prefixes, one per collection.
const SUBSCRIPTION: &str = "s";
const BILL: &str = "b";
const CARD: &str = "c";
const NOTIFICATION: &str = "n";
const AUDIT: &str = "a";
const PAYMENT: &str = "p";

fn key(prefix: &str, index: usize) -> String {
    format!("{prefix}:{index}")
}

fn put<T: Serialize>(prefix: &str, index: usize, item: &T) -> Write {
    Write::Put {
        key: key(prefix, index),
        json: json(item),
    }
}

/// The writes that turn the records of `old` into those of `new`: each collection is
/// compared position by position (commands append or change in place).
fn collection<T: Serialize + PartialEq>(
    writes: &mut Vec<Write>,
    prefix: &str,
    old: &[T],
    new: &[T],
) {
    for (i, item) in new.iter().enumerate() {
        if old.get(i) != Some(item) {
            writes.push(put(prefix, i, item));
        }
    }
    writes.extend((new.len()..old.len()).map(|i| Write::Delete {
        key: key(prefix, i),
    }));
}

/// Every record of a state, after clearing what was stored.
pub fn all(saved: SavedRef<'_>) -> Vec<Write> {
    let mut writes = vec![Write::Clear];
    push_differing(&mut writes, None, saved);
    writes
}

/// The writes that take the stored `old` to `new`: the records that changed.
pub fn changes(old: SavedRef<'_>, new: SavedRef<'_>) -> Vec<Write> {
    let mut writes = Vec::new();
    push_differing(&mut writes, Some(old), new);
    writes
}

/// The records of `new` that differ from those of `old` (every record when there is none).
fn push_differing(writes: &mut Vec<Write>, old: Option<SavedRef<'_>>, new: SavedRef<'_>) {
    let empty = State::default();
    let o = old.map_or(&empty, |o| o.state);
    let s = new.state;
    let head = Head::of(new);
    if old.is_none_or(|o| Head::of(o) != head) {
        writes.push(Write::Put {
            key: HEAD.into(),
            json: json(&head),
        });
    }
    if old.is_none() || o.directory != s.directory {
        writes.push(Write::Put {
            key: DIRECTORY.into(),
            json: json(&s.directory),
        });
    }
    if old.is_none() || o.policies != s.policies {
        writes.push(Write::Put {
            key: POLICIES.into(),
            json: json(&s.policies),
        });
    }
    collection(writes, SUBSCRIPTION, &o.subscriptions, &s.subscriptions);
    collection(writes, BILL, &o.bills, &s.bills);
    collection(writes, CARD, &o.cards, &s.cards);
    collection(writes, NOTIFICATION, &o.notifications, &s.notifications);
    collection(writes, AUDIT, &o.audit, &s.audit);
    collection(writes, PAYMENT, &o.payments, &s.payments);
}

fn parse<T: DeserializeOwned>(key: &str, json: &str) -> Result<T, RecordsError> {
    serde_json::from_str(json).map_err(|e| RecordsError::Malformed {
        key: key.to_owned(),
        reason: e.to_string(),
    })
}

/// The records of one collection, in order; every index below `count` must be there.
fn gather<T: DeserializeOwned>(
    by_key: &BTreeMap<&str, &str>,
    prefix: &str,
    count: usize,
) -> Result<Vec<T>, RecordsError> {
    (0..count)
        .map(|i| {
            let k = key(prefix, i);
            let json = by_key
                .get(k.as_str())
                .ok_or_else(|| RecordsError::Missing { key: k.clone() })?;
            parse(&k, json)
        })
        .collect()
}

/// Reads stored records (key, JSON) back into the state they hold.
pub fn assemble<'a>(
    records: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Saved, RecordsError> {
    let by_key: BTreeMap<&str, &str> = records.into_iter().collect();
    let head_json = by_key.get(HEAD).ok_or(RecordsError::NoHead)?;
    let head: Head = parse(HEAD, head_json)?;
    if head.schema > SCHEMA {
        return Err(RecordsError::Newer {
            schema: head.schema,
            supported: SCHEMA,
        });
    }
    let one = |key: &str| {
        by_key
            .get(key)
            .copied()
            .ok_or_else(|| RecordsError::Missing {
                key: key.to_owned(),
            })
    };
    let c = head.counts;
    let state = State {
        directory: parse(DIRECTORY, one(DIRECTORY)?)?,
        policies: parse(POLICIES, one(POLICIES)?)?,
        subscriptions: gather::<Arc<Subscription>>(&by_key, SUBSCRIPTION, c.subscriptions)?,
        bills: gather::<Bill>(&by_key, BILL, c.bills)?,
        cards: gather::<StoredCard>(&by_key, CARD, c.cards)?,
        notifications: gather::<Notification>(&by_key, NOTIFICATION, c.notifications)?,
        audit: gather::<AuditEvent>(&by_key, AUDIT, c.audit)?,
        payments: gather::<Payment>(&by_key, PAYMENT, c.payments)?,
        sequence: head.sequence,
    };
    Ok(Saved {
        schema: SCHEMA,
        clock: head.clock,
        state,
    })
}

/// Stored records as one JSON object (key → record), kept whole when they cannot be read.
pub fn backup<'a>(records: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let map: BTreeMap<&str, &str> = records.into_iter().collect();
    serde_json::to_string(&map).unwrap_or_default()
}

/// Applies writes to a map of records, as the database does (for tests and checks).
pub fn apply(records: &mut BTreeMap<String, String>, writes: &[Write]) {
    for w in writes {
        match w {
            Write::Clear => records.clear(),
            Write::Put { key, json } => {
                records.insert(key.clone(), json.clone());
            }
            Write::Delete { key } => {
                records.remove(key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::UserId;
    use crate::domain::subscription::{NotificationKind, SubscriptionId};
    use chrono::TimeZone;

    fn clock() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap()
    }

    fn notification(n: usize) -> Notification {
        Notification {
            to: UserId(format!("user{n}")),
            at: clock(),
            subscription: SubscriptionId(format!("sub-{n}")),
            kind: NotificationKind::TrialEnding,
            read: false,
        }
    }

    fn state(n: usize) -> State {
        State {
            notifications: (0..n).map(notification).collect(),
            sequence: n as u64,
            ..State::default()
        }
    }

    fn stored(saved: SavedRef<'_>) -> BTreeMap<String, String> {
        let mut records = BTreeMap::new();
        apply(&mut records, &all(saved));
        records
    }

    fn read(records: &BTreeMap<String, String>) -> Result<Saved, RecordsError> {
        assemble(records.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    #[test]
    fn a_state_round_trips_through_its_records() {
        let s = state(3);
        let records = stored(SavedRef {
            clock: clock(),
            state: &s,
        });
        assert_eq!(
            records.keys().collect::<Vec<_>>(),
            ["directory", "head", "n:0", "n:1", "n:2", "policies"]
        );
        assert_eq!(
            read(&records),
            Ok(Saved {
                schema: SCHEMA,
                clock: clock(),
                state: s
            })
        );
    }

    #[test]
    fn only_what_changed_is_written() {
        let (old, mut new) = (state(3), state(3));
        new.notifications[1].read = true;
        let writes = changes(
            SavedRef {
                clock: clock(),
                state: &old,
            },
            SavedRef {
                clock: clock(),
                state: &new,
            },
        );
        assert_eq!(
            writes,
            [put(NOTIFICATION, 1, &new.notifications[1])],
            "one record, and no head"
        );

        // Appending changes the counts, so the head goes too.
        new.notifications.push(notification(9));
        let writes = changes(
            SavedRef {
                clock: clock(),
                state: &old,
            },
            SavedRef {
                clock: clock(),
                state: &new,
            },
        );
        let keys: Vec<&str> = writes
            .iter()
            .map(|w| match w {
                Write::Put { key, .. } | Write::Delete { key } => key.as_str(),
                Write::Clear => "clear",
            })
            .collect();
        assert_eq!(keys, ["head", "n:1", "n:3"]);

        // A policy goes alone; the directory is not written again.
        let mut policy = old.clone();
        let tenant = crate::domain::TenantId("contoso".into());
        let product = crate::domain::ProductId::try_from("CFQ7TTC0LH2H").unwrap();
        policy
            .policies
            .set(&tenant, &product, crate::domain::PolicyValue::Disabled);
        let writes = changes(
            SavedRef {
                clock: clock(),
                state: &old,
            },
            SavedRef {
                clock: clock(),
                state: &policy,
            },
        );
        assert!(
            matches!(&writes[..], [Write::Put { key, .. }] if key == POLICIES),
            "{writes:?}"
        );

        // The demo clock lives in the head.
        let later = clock() + chrono::Duration::days(1);
        let writes = changes(
            SavedRef {
                clock: clock(),
                state: &old,
            },
            SavedRef {
                clock: later,
                state: &old,
            },
        );
        assert!(matches!(&writes[..], [Write::Put { key, .. }] if key == HEAD));
    }

    #[test]
    fn a_shorter_collection_deletes_its_tail() {
        let (old, new) = (state(4), state(2));
        let mut records = stored(SavedRef {
            clock: clock(),
            state: &old,
        });
        let writes = changes(
            SavedRef {
                clock: clock(),
                state: &old,
            },
            SavedRef {
                clock: clock(),
                state: &new,
            },
        );
        assert!(
            writes.contains(&Write::Delete { key: "n:3".into() })
                && writes.contains(&Write::Delete { key: "n:2".into() })
        );
        apply(&mut records, &writes);
        assert_eq!(
            records,
            stored(SavedRef {
                clock: clock(),
                state: &new
            })
        );
    }

    #[test]
    fn incomplete_newer_or_corrupt_records_are_refused_by_name() {
        let s = state(2);
        let good = stored(SavedRef {
            clock: clock(),
            state: &s,
        });
        let mut missing = good.clone();
        missing.remove("n:1");
        let mut corrupt = good.clone();
        corrupt.insert("n:0".into(), "{\"at\": 3".into());
        let mut newer = good.clone();
        let head = good["head"].replace(
            &format!("\"schema\":{SCHEMA}"),
            &format!("\"schema\":{}", SCHEMA + 1),
        );
        newer.insert("head".into(), head);
        let mut headless = good.clone();
        headless.remove("head");
        let mut nobody = good.clone();
        nobody.remove(DIRECTORY);
        assert_eq!(
            read(&nobody),
            Err(RecordsError::Missing {
                key: DIRECTORY.into()
            })
        );
        assert_eq!(
            read(&missing),
            Err(RecordsError::Missing { key: "n:1".into() })
        );
        assert!(matches!(read(&corrupt), Err(RecordsError::Malformed { key, .. }) if key == "n:0"));
        assert_eq!(
            read(&newer),
            Err(RecordsError::Newer {
                schema: SCHEMA + 1,
                supported: SCHEMA
            })
        );
        assert_eq!(read(&headless), Err(RecordsError::NoHead));
        for e in [read(&missing), read(&newer)] {
            assert!(!e.unwrap_err().to_string().is_empty());
        }
        // A stale record past the count is ignored.
        let mut stale = good.clone();
        stale.insert("n:7".into(), "garbage".into());
        assert_eq!(read(&stale).map(|saved| saved.state), Ok(s));
    }

    #[test]
    fn unreadable_records_are_kept_whole_in_the_backup() {
        let text = backup([("head", "{}"), ("n:0", "not json")]);
        let back: BTreeMap<String, String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back["n:0"], "not json");
        assert_eq!(back.len(), 2);
    }
}

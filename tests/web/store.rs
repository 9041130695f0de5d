//! The store against the browser's real IndexedDB: round trip, migration, corrupt data,
//! imports, two tabs at once, and that no card number or code is ever stored.

use super::support::{fresh_db, world};
use leptos::prelude::*;
use ssp::components::form_key::new_key;
use ssp::components::notice::StoreNotice;
use ssp::domain::card::CardInput;
use ssp::domain::commands::{Command, DomainError, Event, Submission};
use ssp::domain::subscription::Channel;
use ssp::domain::{Actor, ProductId, Quantity, TenantId, UserId};
use ssp::i18n::{explain, Lang};
use ssp::locale::Locale;
use ssp::store::browser::{ClockStep, NotKept, Notice, Store};
use ssp::store::error::DispatchError;
use ssp::store::files::{Saved, SCHEMA};
use ssp::store::idb::{Db, Record};
use ssp::store::records::{self, Write};
use std::collections::BTreeMap;
use wasm_bindgen_test::*;

fn megan() -> Actor {
    Actor {
        user: UserId("megan".into()),
        tenant: TenantId("contoso".into()),
    }
}

/// A purchase as one checkout submits it: with its own key.
fn purchase(product: &str, licenses: u32, number: &str) -> Submission {
    let card = CardInput {
        number: number.into(),
        expiry: "09/29".into(),
        security_code: "737".into(),
        holder: "Megan Bowen".into(),
        country: "US".into(),
    }
    .validate(world().seed.clock.date_naive())
    .unwrap();
    Submission::keyed(
        new_key(),
        Command::Purchase {
            product: ProductId::try_from(product).unwrap(),
            licenses: Quantity::try_from(licenses).unwrap(),
            card,
            assign_to_me: false,
        },
    )
}

/// Writes one record behind the store's back, opens the database again as a new tab
/// would, and checks that the store kept it aside with a reason that mentions `why`.
async fn reopen_after(db: &str, write: Write, why: &str) -> Store {
    Db::open(db)
        .await
        .unwrap()
        .write(|| 0, move |_| Ok::<_, ()>((vec![write], ())))
        .await
        .unwrap()
        .unwrap();
    let reopened = Store::open_in(world(), db).await;
    match reopened.notice.get_untracked() {
        Some(Notice::Unreadable { reason }) => {
            let text = explain(Lang::EnUs, &reason.explanation());
            assert!(text.contains(why), "{text}")
        }
        other => panic!("{other:?}"),
    }
    reopened
}

/// Every stored record, key → JSON, and their revision.
async fn stored(db: &str) -> (Option<u64>, BTreeMap<String, String>) {
    let snapshot = Db::open(db).await.unwrap().read().await.unwrap();
    (snapshot.rev, snapshot.records.into_iter().collect())
}

fn assembled(records: &BTreeMap<String, String>) -> Saved {
    records::assemble(records.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap()
}

#[wasm_bindgen_test]
async fn a_command_survives_reopening() {
    let db = fresh_db();
    let store = Store::open_in(world(), &db).await;
    let before = store.state.with_untracked(|s| s.subscriptions.len());
    let events = store
        .dispatch(megan(), purchase("CFQ7TTC0LH2H", 3, "4242424242424242"))
        .await
        .unwrap();
    assert!(matches!(events[0], Event::Purchased { .. }));
    assert_eq!(
        store.state.with_untracked(|s| s.subscriptions.len()),
        before + 1
    );
    assert!(store.last_save_ms.get_untracked().is_some());

    // A new tab, or a reload: the same database, a new store.
    let reopened = Store::open_in(world(), &db).await;
    assert_eq!(
        reopened.state.with_untracked(|s| s.clone()),
        store.state.with_untracked(|s| s.clone())
    );
    assert_eq!(reopened.notice.get_untracked(), None);
    let (rev, records) = stored(&db).await;
    assert_eq!(rev, Some(1), "one command, one write");
    assert_eq!(assembled(&records), store.saved());
}

/// Whether leaving the page now would ask the person first (a `beforeunload` cancelled).
fn asks_before_leaving() -> bool {
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    let event = web_sys::Event::new_with_event_init_dict("beforeunload", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    event.default_prevented()
}

/// A browser that keeps nothing for the site: the notice says so and stays (a reset does not
/// take it away), a purchase happens in memory, and from then on leaving the page asks.
#[wasm_bindgen_test]
async fn a_browser_that_keeps_nothing_works_in_memory_and_asks_before_leaving() {
    let el = super::support::host("/");
    let store = Store::in_memory(world(), "IndexedDB is off").await;
    assert_eq!(
        store.notice.get_untracked(),
        Some(Notice::NotKept(NotKept::NoStorage {
            reason: "IndexedDB is off".into()
        }))
    );
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        Locale::provide();
        provide_context(store);
        view! { <StoreNotice /> }
    });
    leptos::task::tick().await;
    let notice = || super::support::query(&el, "#not-kept").inner_text();
    assert!(
        notice().contains("This browser keeps no data for this site, so it will not keep your purchases and changes"),
        "{}",
        notice()
    );
    assert!(notice().contains("IndexedDB is off"), "{}", notice());
    assert!(!asks_before_leaving(), "nothing to lose yet");

    let before = store.state.with_untracked(|s| s.subscriptions.len());
    store
        .dispatch(megan(), purchase("CFQ7TTC0LH2H", 3, "4242424242424242"))
        .await
        .unwrap();
    assert_eq!(
        store.state.with_untracked(|s| s.subscriptions.len()),
        before + 1,
        "the purchase happened, in memory"
    );
    assert!(asks_before_leaving(), "a change only this tab holds");
    store.reset().await.unwrap();
    leptos::task::tick().await;
    assert!(notice().contains("keeps no data"), "the notice stays");
}

#[wasm_bindgen_test]
async fn a_command_writes_only_the_records_it_changed() {
    let db = fresh_db();
    let store = Store::open_in(world(), &db).await;
    store
        .dispatch(megan(), purchase("CFQ7TTC0LH2H", 3, "4242424242424242"))
        .await
        .unwrap();
    let (_, before) = stored(&db).await;
    let subscription = store
        .state
        .with_untracked(|s| s.subscriptions.last().unwrap().id.clone());
    let licenses = Command::ChangeLicenses {
        subscription,
        total: Quantity::try_from(5).unwrap(),
    };
    store
        .dispatch(megan(), Submission::keyed(new_key(), licenses))
        .await
        .unwrap();
    let (rev, after) = stored(&db).await;
    assert_eq!(rev, Some(2));
    let changed: Vec<&str> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, _)| k.as_str())
        .collect();
    // The subscription, its new bill, the audit event, and the head (whose counts grew).
    let n = store.state.with_untracked(|s| s.subscriptions.len()) - 1;
    assert!(changed.contains(&format!("s:{n}").as_str()), "{changed:?}");
    assert!(
        changed.len() <= 5 && changed.len() * 10 < after.len(),
        "{} of {} records rewritten: {changed:?}",
        changed.len(),
        after.len()
    );
    assert_eq!(assembled(&after), store.saved());
}

#[wasm_bindgen_test]
async fn a_refused_command_changes_nothing_but_the_audit_log() {
    let db = fresh_db();
    let store = Store::open_in(world(), &db).await;
    let before = store.saved();
    let err = store
        .dispatch(megan(), purchase("CFQ7TTC0LH2H", 3, "4000000000000002"))
        .await
        .unwrap_err();
    assert!(matches!(err, DispatchError::Domain(_)), "{err:?}");
    let after = store.saved();
    assert_eq!(
        after.state.subscriptions, before.state.subscriptions,
        "a declined card leaves no subscription"
    );
    assert_eq!(after.state.bills, before.state.bills);
    assert_eq!(after.state.cards, before.state.cards);
    let last = after.state.audit.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.outcome),
        ("purchase", ssp::domain::subscription::AuditOutcome::Refused)
    );
}

#[wasm_bindgen_test]
async fn data_of_an_older_schema_is_migrated() {
    let db = fresh_db();
    // Schema 0: the bare state, without the envelope and its clock.
    let w = world();
    let mut bare = w.seed.state(w.directory.directory());
    // Two subscriptions, and the bills of those two: a smaller world, still a sound one.
    bare.subscriptions.truncate(2);
    let kept: Vec<_> = bare.subscriptions.iter().map(|s| s.id.clone()).collect();
    bare.bills.retain(|b| kept.contains(&b.subscription));
    let json = serde_json::to_string(&bare).unwrap();
    Db::open(&db)
        .await
        .unwrap()
        .put("state", &Record { rev: 7, json })
        .await
        .unwrap();
    let store = Store::open_in(world(), &db).await;
    assert_eq!(
        store.notice.get_untracked(),
        Some(Notice::Migrated { from: 0 })
    );
    assert_eq!(store.state.with_untracked(|s| s.subscriptions.len()), 2);
    assert_eq!(store.clock.get_untracked(), w.seed.clock);
    // It moved into records of the current schema, and version 1's record is gone.
    let (rev, records) = stored(&db).await;
    assert_eq!(rev, Some(1));
    let saved = assembled(&records);
    assert_eq!((saved.schema, saved.state.subscriptions.len()), (SCHEMA, 2));
    assert_eq!(
        Db::open(&db).await.unwrap().get("state").await.unwrap(),
        None
    );
    store.advance_clock(ClockStep::Day).await.unwrap();
    assert_eq!(
        assembled(&stored(&db).await.1).clock,
        w.seed.clock + chrono::Duration::days(1)
    );
}

#[wasm_bindgen_test]
async fn version_1_state_moves_into_records_as_it_was() {
    let db = fresh_db();
    let w = world();
    let saved = Saved::new(w.seed.clock, w.seed.state(w.directory.directory()));
    let json = serde_json::to_string(&saved).unwrap();
    Db::open(&db)
        .await
        .unwrap()
        .put("state", &Record { rev: 41, json })
        .await
        .unwrap();
    let store = Store::open_in(world(), &db).await;
    assert_eq!(
        store.notice.get_untracked(),
        None,
        "the same schema: nothing to tell"
    );
    assert_eq!(store.saved(), saved);
    assert_eq!(assembled(&stored(&db).await.1), saved);
}

#[wasm_bindgen_test]
async fn unreadable_records_are_kept_as_a_backup_and_written_whole_next_time() {
    let db = fresh_db();
    let store = Store::open_in(world(), &db).await;
    store
        .dispatch(megan(), purchase("CFQ7TTC0H9MP", 1, "4242424242424242"))
        .await
        .unwrap();
    // Damage one record behind the store's back.
    let broken = Write::Put {
        key: "s:0".into(),
        json: "{\"id\": 3".into(),
    };
    let reopened = reopen_after(&db, broken, "s:0").await;
    let backup: BTreeMap<String, String> =
        serde_json::from_str(&reopened.backup().await.unwrap()).unwrap();
    assert_eq!(backup["s:0"], "{\"id\": 3");
    // The tab works on from the seed, and its next write replaces every record.
    reopened.advance_clock(ClockStep::Day).await.unwrap();
    assert_eq!(assembled(&stored(&db).await.1), reopened.saved());
}

/// Records that read but break a rule (here: the ID sequence set back, so the next
/// purchase would reuse an ID) are kept as the backup and not used.
#[wasm_bindgen_test]
async fn stored_state_that_breaks_a_rule_is_kept_aside_not_used() {
    let db = fresh_db();
    let store = Store::open_in(world(), &db).await;
    store
        .dispatch(megan(), purchase("CFQ7TTC0H9MP", 1, "4242424242424242"))
        .await
        .unwrap();
    let (_, records) = stored(&db).await;
    let mut head: serde_json::Value = serde_json::from_str(&records["head"]).unwrap();
    head["sequence"] = serde_json::json!(0);
    let rewritten = Write::Put {
        key: "head".into(),
        json: head.to_string(),
    };
    let reopened = reopen_after(&db, rewritten, "New IDs never repeat").await;
    assert!(reopened.backup().await.is_some(), "kept as the backup");
    assert_eq!(
        reopened.saved().state,
        world().seed.state(world().directory.directory()),
        "the tab starts from the seed"
    );
}

#[wasm_bindgen_test]
async fn corrupt_data_is_kept_as_a_backup_and_can_be_reset() {
    let db = fresh_db();
    let garbage = "{\"schema\": 1, \"clock\": \"not a date\"".to_owned();
    Db::open(&db)
        .await
        .unwrap()
        .put(
            "state",
            &Record {
                rev: 3,
                json: garbage.clone(),
            },
        )
        .await
        .unwrap();
    let store = Store::open_in(world(), &db).await;
    assert!(matches!(
        store.notice.get_untracked(),
        Some(Notice::Unreadable { .. })
    ));
    assert_eq!(
        store.backup().await.as_deref(),
        Some(garbage.as_str()),
        "the raw value is kept whole"
    );
    // The app works on from the seed; the backup stays until the person resets.
    store
        .dispatch(megan(), purchase("CFQ7TTC0H9MP", 1, "4242424242424242"))
        .await
        .unwrap();
    assert_eq!(store.backup().await.as_deref(), Some(garbage.as_str()));
    store.reset().await.unwrap();
    assert_eq!(store.backup().await, None);
    assert_eq!(store.notice.get_untracked(), None);
    let w = world();
    assert_eq!(
        store.state.with_untracked(|s| s.subscriptions.clone()),
        w.seed.subscriptions
    );
}

#[wasm_bindgen_test]
async fn bad_imports_are_refused_and_change_nothing() {
    let store = Store::open_in(world(), &fresh_db()).await;
    let before = store.saved();
    let mut dangling = before.clone();
    std::sync::Arc::make_mut(&mut dangling.state.subscriptions[0]).product =
        ProductId::try_from("CFQ7TTC0ZZZZ").unwrap();
    let mut newer = serde_json::to_value(&before).unwrap();
    newer["schema"] = serde_json::json!(SCHEMA + 1);
    let cases = [
        ("not json at all".to_owned(), "isn't JSON"),
        ("[1, 2, 3]".to_owned(), "expected shape"),
        (newer.to_string(), "newer version"),
        (
            serde_json::to_string(&dangling).unwrap(),
            "doesn't exist: Product CFQ7TTC0ZZZZ",
        ),
    ];
    for (text, reason) in cases {
        let err = explain(
            Lang::EnUs,
            &store.import(&text).await.unwrap_err().explanation(),
        );
        assert!(err.contains(reason), "{reason}: {err}");
        assert_eq!(store.saved(), before);
    }
    // A good file (an export) is taken.
    let exported = store.export();
    let mut changed: Saved = serde_json::from_str(&exported).unwrap();
    let gone = changed.state.subscriptions.pop().unwrap();
    changed.state.bills.retain(|b| b.subscription != gone.id);
    store
        .import(&serde_json::to_string(&changed).unwrap())
        .await
        .unwrap();
    assert_eq!(store.saved(), changed);
}

/// One order sent twice at once — in one tab (a double click), and from two tabs (the same
/// draft) — is bought once; the second is refused as already submitted.
#[wasm_bindgen_test]
async fn the_same_submission_twice_at_once_buys_once() {
    let db = fresh_db();
    let tab_a = Store::open_in(world(), &db).await;
    let tab_b = Store::open_in(world(), &db).await;
    let counts = |store: Store| {
        store
            .state
            .with_untracked(|s| (s.subscriptions.len(), s.bills.len()))
    };
    let (subs, bills) = counts(tab_a);
    let order = purchase("CFQ7TTC0H9MP", 2, "4242424242424242");
    let (a, b) = futures::join!(
        tab_a.dispatch(megan(), order.clone()),
        tab_a.dispatch(megan(), order.clone()),
    );
    let (c, d) = futures::join!(
        tab_a.dispatch(megan(), order.clone()),
        tab_b.dispatch(megan(), order),
    );
    let results = [a, b, c, d];
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "{results:?}"
    );
    for refused in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(
            refused,
            &DispatchError::Domain(DomainError::AlreadySubmitted)
        );
    }
    let reopened = Store::open_in(world(), &db).await;
    assert_eq!(
        counts(reopened),
        (subs + 1, bills + 1),
        "one subscription, one charge"
    );
}

#[wasm_bindgen_test]
async fn two_tabs_buying_at_the_same_moment_both_keep_their_purchase() {
    let db = fresh_db();
    let tab_a = Store::open_in(world(), &db).await;
    let tab_b = Store::open_in(world(), &db).await;
    let before = tab_a.state.with_untracked(|s| s.subscriptions.len());
    let lee = Actor {
        user: UserId("lee".into()),
        tenant: TenantId("contoso".into()),
    };
    let (a, b) = futures::join!(
        tab_a.dispatch(megan(), purchase("CFQ7TTC0H9MP", 2, "4242424242424242")),
        tab_b.dispatch(lee, purchase("CFQ7TTC0LH3L", 4, "5555555555554444")),
    );
    a.unwrap();
    b.unwrap();
    // Whichever wrote second re-read the other's write first: nothing was lost.
    let reopened = Store::open_in(world(), &db).await;
    let subs = reopened.state.with_untracked(|s| s.subscriptions.clone());
    assert_eq!(subs.len(), before + 2);
    assert!(subs
        .iter()
        .any(|s| s.purchaser == Some(UserId("megan".into()))
            && s.licenses.get() == 2
            && s.channel == Channel::SelfService));
    assert!(subs
        .iter()
        .any(|s| s.purchaser == Some(UserId("lee".into())) && s.licenses.get() == 4));
    let ids: std::collections::HashSet<_> = subs.iter().map(|s| s.id.clone()).collect();
    assert_eq!(ids.len(), subs.len(), "no ID handed out twice");
    assert_eq!(stored(&db).await.0, Some(2));

    // A tab with a stale copy still lands on top of the other's changes.
    tab_a
        .dispatch(megan(), purchase("CFQ7TTC0H9MP", 1, "4242424242424242"))
        .await
        .unwrap();
    tab_b.reload().await;
    assert_eq!(
        tab_b.state.with_untracked(|s| s.subscriptions.len()),
        before + 3
    );
}

#[wasm_bindgen_test]
async fn nothing_stored_holds_a_card_number_or_security_code() {
    let db = fresh_db();
    let store = Store::open_in(world(), &db).await;
    store
        .dispatch(megan(), purchase("CFQ7TTC0H9MP", 1, "4242424242424242"))
        .await
        .unwrap();
    store
        .dispatch(megan(), purchase("CFQ7TTC0LH2H", 1, "4000000000009995"))
        .await
        .unwrap_err();
    let mut everything: String = stored(&db).await.1.into_values().collect();
    everything.push_str(&store.export());
    let window = web_sys::window().unwrap();
    for storage in
        [window.local_storage().unwrap().unwrap(), window.session_storage().unwrap().unwrap()]
    {
        for i in 0..storage.length().unwrap() {
            let key = storage.key(i).unwrap().unwrap();
            everything.push_str(&storage.get_item(&key).unwrap().unwrap_or_default());
        }
    }
    for secret in
        ["4242424242424242", "4242 4242 4242 4242", "4000000000009995", "\"737\"", "security_code"]
    {
        assert!(!everything.contains(secret), "{secret} was stored");
    }
    assert!(
        everything.contains("\"last4\":\"4242\""),
        "the scan did see the stored card"
    );
}

#[wasm_bindgen_test]
async fn seeding_ten_thousand_subscriptions_and_saving_a_command() {
    let store = Store::open_in(world(), &fresh_db()).await;
    store
        .seed_extra(TenantId("contoso".into()), 10_000)
        .await
        .unwrap();
    assert!(store.state.with_untracked(|s| s.subscriptions.len()) >= 10_000);
    store
        .dispatch(megan(), purchase("CFQ7TTC0H9MP", 1, "4242424242424242"))
        .await
        .unwrap();
    let ms = store.last_save_ms.get_untracked().unwrap();
    web_sys::console::log_1(
        &format!("saving one command with 10,000 subscriptions: {ms:.1} ms").into(),
    );
    assert!(ms > 0.0);
}

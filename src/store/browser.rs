//! The app's store: loads the demo world, restores and saves the state in IndexedDB, and
//! runs every command through the domain. Pages call it; only it touches storage.

use super::error::{DispatchError, StateFileError, StoreError};
use super::files::{
    self, CatalogFile, DirectoryFile, FileError, Restored, Saved, SavedRef, SeedFile,
};
use super::idb::{private_window, Db, IdbError, Record, Snapshot, Unwritten};
use super::records;
use crate::domain::commands::{
    advance, delegated_access, execute, record_refusal, record_sign_in_refusal, Ctx, Event,
    Explanation, Submission,
};
use crate::domain::{invariants, Actor, State};
use chrono::{DateTime, Duration, Months, Utc};
use leptos::prelude::*;
use std::convert::Infallible;
use std::rc::Rc;

const DB_NAME: &str = "ssp";
/// Where version 1 of the database kept the whole state.
const LEGACY_STATE_KEY: &str = "state";
const BACKUP_KEY: &str = "backup";
/// Bumped in localStorage after each write so other tabs hear a `storage` event.
const REVISION_KEY: &str = "ssp.revision";

/// The demo world's files, as loaded.
pub struct WorldFiles {
    pub catalog: CatalogFile,
    pub directory: DirectoryFile,
    pub seed: SeedFile,
}

/// Where loading has got to, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    pub file: &'static str,
}

pub(crate) async fn fetch_text(file: &'static str) -> Result<String, FileError> {
    let url = format!("/{file}");
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| FileError::Unreachable {
            file,
            reason: e.to_string(),
        })?;
    if !response.ok() {
        return Err(FileError::Missing {
            file,
            status: response.status(),
        });
    }
    response.text().await.map_err(|e| FileError::Unreachable {
        file,
        reason: e.to_string(),
    })
}

/// Fetches and parses the three files, reporting progress after each.
pub async fn load_world(progress: impl Fn(Progress)) -> Result<WorldFiles, FileError> {
    // The three files at once (index.html preloads them before the wasm has even started):
    // one round trip instead of three in a row. Progress counts them as they arrive.
    let total = 3;
    let done = std::cell::Cell::new(0);
    let arrived = |file| {
        done.set(done.get() + 1);
        progress(Progress {
            done: done.get(),
            total,
            file,
        });
    };
    progress(Progress {
        done: 0,
        total,
        file: files::CATALOG_FILE,
    });
    let catalog = async {
        let text = fetch_text(files::CATALOG_FILE).await?;
        arrived(files::CATALOG_FILE);
        files::parse_file(files::CATALOG_FILE, &text)
    };
    let directory = async {
        let text = fetch_text(files::DIRECTORY_FILE).await?;
        arrived(files::DIRECTORY_FILE);
        files::parse_file(files::DIRECTORY_FILE, &text)
    };
    let seed = async {
        let text = fetch_text(files::SEED_FILE).await?;
        arrived(files::SEED_FILE);
        files::parse_file(files::SEED_FILE, &text)
    };
    let (catalog, directory, seed) = futures::try_join!(catalog, directory, seed)?;
    Ok(WorldFiles {
        catalog,
        directory,
        seed,
    })
}

/// Something the person should know about their stored data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// What was stored could not be read; it is kept as a backup.
    Unreadable {
        reason: StoreError,
    },
    Migrated {
        from: u32,
    },
    /// Saving failed: the change did not happen.
    SaveFailed {
        reason: String,
    },
    /// This browser will not keep the state after the tab or window closes; the app goes
    /// on in memory. It stays until the page closes: it cannot be dismissed.
    NotKept(NotKept),
}

/// Why this browser will not keep what is done here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotKept {
    /// No IndexedDB at all: changes last until the tab closes.
    NoStorage { reason: String },
    /// The browser keeps this site's data only until the window closes (a private window,
    /// or a setting to the same effect); IndexedDB works until then.
    PrivateWindow,
    /// The storage quota is used up: the change that met it, and every one after it, live
    /// in this tab only.
    Full { reason: String },
}

impl WorldFiles {
    /// The world as shipped: the seed's state at the seed's clock.
    fn shipped(&self) -> Saved {
        Saved::new(self.seed.clock, self.seed.state(self.directory.directory()))
    }
}

/// The demo world's catalog, shared: derefs to `Catalog`.
pub struct CatalogRef(Rc<WorldFiles>);

impl std::ops::Deref for CatalogRef {
    type Target = crate::domain::Catalog;
    fn deref(&self) -> &crate::domain::Catalog {
        &self.0.catalog.catalog
    }
}

/// The store, as a context every page reads.
#[derive(Clone, Copy)]
pub struct Store {
    world: StoredValue<Rc<WorldFiles>, LocalStorage>,
    db: StoredValue<Option<Rc<Db>>, LocalStorage>,
    /// The revision the in-memory state was read at.
    rev: StoredValue<u64>,
    pub state: RwSignal<State, LocalStorage>,
    pub clock: RwSignal<DateTime<Utc>>,
    pub notice: RwSignal<Option<Notice>>,
    /// How long the last save took, in milliseconds (shown in the demo controls).
    pub last_save_ms: RwSignal<Option<f64>>,
    /// Changes were made that only this tab holds: leaving the page asks first.
    unkept: StoredValue<bool>,
}

/// What opening the database found.
struct Found {
    rev: u64,
    saved: Saved,
    notice: Option<Notice>,
    /// The state came from version 1's single record and is to be written as records.
    move_legacy: bool,
}

impl Found {
    /// The records, read back; unreadable ones are kept whole as the backup, and the next
    /// write replaces them (revision 0: nothing of this tab's is stored).
    async fn in_records(db: &Db, snapshot: Snapshot, seed: Found) -> Found {
        match records::assemble(snapshot.pairs()) {
            Ok(saved) => Found {
                rev: snapshot.rev.unwrap_or(0),
                saved,
                ..seed
            },
            Err(e) => {
                keep_as_backup(
                    db,
                    snapshot.rev.unwrap_or(0),
                    records::backup(snapshot.pairs()),
                )
                .await;
                Found {
                    notice: Some(Notice::Unreadable {
                        reason: StoreError::Records(e),
                    }),
                    ..seed
                }
            }
        }
    }

    /// The whole state as version 1 stored it, if it is there.
    async fn in_legacy(db: &Db, seed_clock: DateTime<Utc>, seed: Found) -> Found {
        let record = match db.get(LEGACY_STATE_KEY).await {
            Ok(Some(record)) => record,
            Ok(None) => return seed,
            Err(e) => {
                return Found {
                    notice: Some(Notice::Unreadable {
                        reason: StoreError::Unavailable(e.0),
                    }),
                    ..seed
                }
            }
        };
        match files::restore(Some(&record.json), seed_clock) {
            Restored::Fresh => seed,
            Restored::Current(saved) => Found {
                saved,
                move_legacy: true,
                ..seed
            },
            Restored::Migrated { saved, from } => Found {
                saved,
                move_legacy: true,
                notice: Some(Notice::Migrated { from }),
                ..seed
            },
            Restored::Unreadable { raw, reason } => {
                keep_as_backup(db, record.rev, raw).await;
                Found {
                    notice: Some(Notice::Unreadable {
                        reason: StoreError::File(reason),
                    }),
                    ..seed
                }
            }
        }
    }
}

/// Keeps unreadable stored data whole, before anything can overwrite it, until a reset.
async fn keep_as_backup(db: &Db, rev: u64, raw: String) {
    let _ = db.put(BACKUP_KEY, &Record { rev, json: raw }).await;
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn announce_revision(rev: u64) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(REVISION_KEY, &rev.to_string());
    }
}

impl Store {
    pub fn get() -> Store {
        expect_context::<Store>()
    }

    /// Loads the world files and opens the database at once (neither waits for the
    /// other), then restores the saved state (or starts from the seed) and listens for
    /// other tabs.
    pub async fn boot(progress: impl Fn(Progress)) -> Result<Store, FileError> {
        let (world, db, private) =
            futures::join!(load_world(progress), Db::open(DB_NAME), private_window());
        let store = Store::restore(world?, db).await;
        if private && store.notice.get_untracked().is_none() {
            store
                .notice
                .set(Some(Notice::NotKept(NotKept::PrivateWindow)));
        }
        Ok(store)
    }

    /// Like `boot`, from world files at hand and with the database named (tests open
    /// several, as separate tabs would).
    pub async fn open_in(world: WorldFiles, db_name: &str) -> Store {
        Store::restore(world, Db::open(db_name).await).await
    }

    /// Like `open_in` in a browser without IndexedDB: the state lives in memory, and the
    /// notice says why (tests take this way to what such a browser does).
    pub async fn in_memory(world: WorldFiles, why: &str) -> Store {
        Store::restore(world, Err(IdbError(why.to_owned()))).await
    }

    async fn restore(world: WorldFiles, db: Result<Db, IdbError>) -> Store {
        let seed_clock = world.seed.clock;
        let (db, notice) = match db {
            Ok(db) => (Some(Rc::new(db)), None),
            Err(e) => (
                None,
                Some(Notice::NotKept(NotKept::NoStorage { reason: e.0 })),
            ),
        };
        let mut found = Found {
            rev: 0,
            saved: world.shipped(),
            notice: None,
            move_legacy: false,
        };
        if let Some(db) = &db {
            found = match db.read().await {
                Ok(snapshot) if snapshot.rev.is_some() => {
                    Found::in_records(db, snapshot, found).await
                }
                Ok(_) => Found::in_legacy(db, seed_clock, found).await,
                Err(e) => Found {
                    notice: Some(Notice::Unreadable {
                        reason: StoreError::Unavailable(e.0),
                    }),
                    ..found
                },
            };
        }
        // Stored data that reads (current or migrated) but breaks a rule every state keeps
        // (edited by hand, or written by a bug) takes the way unreadable data takes: kept,
        // and not used.
        let read = !matches!(found.notice, Some(Notice::Unreadable { .. }));
        if let (Some(db), true) = (&db, read) {
            if let Err(v) = invariants::check(&found.saved.state, &world.catalog.catalog) {
                let raw = serde_json::to_string(&found.saved).unwrap_or_default();
                keep_as_backup(db, found.rev, raw).await;
                found = Found {
                    rev: 0,
                    saved: world.shipped(),
                    notice: Some(Notice::Unreadable {
                        reason: StoreError::File(StateFileError::Invariant(v)),
                    }),
                    move_legacy: false,
                };
            }
        }
        let store = Store {
            world: StoredValue::new_local(Rc::new(world)),
            db: StoredValue::new_local(db),
            rev: StoredValue::new(found.rev),
            state: RwSignal::new_local(found.saved.state),
            clock: RwSignal::new(found.saved.clock),
            notice: RwSignal::new(notice.or(found.notice)),
            last_save_ms: RwSignal::new(None),
            unkept: StoredValue::new(false),
        };
        if found.move_legacy {
            // Version 1 kept the state as one record: write it as records, then drop it.
            let moved = store.save(store.saved()).await;
            if let (Ok(()), Some(db)) = (moved, store.db.get_value()) {
                let _ = db.delete(LEGACY_STATE_KEY).await;
            }
        }
        store.listen_to_other_tabs();
        store.guard_unkept_changes();
        store
    }

    /// Stored records another tab wrote, if they read back into a sound state.
    fn sound<E>(&self, read: Result<Saved, E>) -> Option<Saved> {
        read.ok()
            .filter(|saved| invariants::check(&saved.state, &self.catalog()).is_ok())
    }

    pub fn catalog_file(&self) -> Rc<WorldFiles> {
        self.world.get_value()
    }

    /// The catalog, lent without a copy: it never changes while the app runs.
    pub fn catalog(&self) -> CatalogRef {
        CatalogRef(self.world.get_value())
    }

    fn listen_to_other_tabs(self) {
        // Lives as long as the page: the handle is dropped, the listener stays.
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(REVISION_KEY) {
                leptos::task::spawn_local(async move { store_reload(self).await });
            }
        });
    }

    /// Leaving the page (closing, reloading, another site) asks first while this tab holds
    /// changes no storage keeps: they are not lost without a word.
    fn guard_unkept_changes(self) {
        let _ = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if self.unkept.get_value() {
                ev.prevent_default();
                // Older engines ask only when the event carries a message.
                ev.set_return_value("unsaved");
            }
        });
    }

    /// From now on the state lives in this tab only; the notice says why.
    fn keep_in_memory(self, why: NotKept) {
        self.db.set_value(None);
        self.notice.set(Some(Notice::NotKept(why)));
    }

    /// Re-reads the saved state (another tab wrote it).
    pub async fn reload(self) {
        store_reload(self).await
    }

    /// Runs one command: re-reads what is stored if another tab changed it, applies the
    /// command, and writes the result, all in one transaction. A refusal is written to
    /// the audit log; a storage failure leaves everything as it was.
    pub async fn dispatch(
        self,
        actor: Actor,
        submission: impl Into<Submission>,
    ) -> Result<Vec<Event>, DispatchError> {
        let submission: Submission = submission.into();
        let world = self.world.get_value();
        let outcome = self
            .transact(move |base| {
                let ctx = Ctx {
                    catalog: &world.catalog.catalog,
                    now: base.clock,
                };
                let command = &submission.command;
                let (name, subject) = (command.name(), command.subject());
                Ok::<_, Infallible>(match execute(base.state, ctx, &actor, submission) {
                    Ok((state, events)) => (Saved::new(base.clock, state), Ok(events)),
                    Err(e) => {
                        let state = record_refusal(
                            base.state,
                            base.clock,
                            Some(&actor),
                            name,
                            &subject,
                            &e.to_string(),
                            &e.explanation(),
                        );
                        (Saved::new(base.clock, state), Err(e))
                    }
                })
            })
            .await;
        outcome?.map_err(DispatchError::Domain)
    }

    /// Applies `change` to the latest saved state — re-read in the same transaction when
    /// another tab wrote since — and saves what changed, or nothing.
    pub async fn transact<R: 'static, E: Into<DispatchError> + 'static>(
        self,
        change: impl FnOnce(SavedRef<'_>) -> Result<(Saved, R), E> + 'static,
    ) -> Result<R, DispatchError> {
        let step = move |snapshot: Option<Snapshot>| {
            let theirs = snapshot
                .as_ref()
                .and_then(|s| self.sound(records::assemble(s.pairs())));
            // Work goes on from this tab's copy, but the stored records are not the ones it
            // was read from (unreadable ones, or none of its own yet): write them all.
            let rewrite = theirs.is_none() && (snapshot.is_some() || self.rev.get_value() == 0);
            let run = |base: SavedRef<'_>| {
                let (next, result) = change(base)?;
                let writes = if rewrite {
                    records::all(next.as_ref())
                } else {
                    records::changes(base, next.as_ref())
                };
                Ok::<_, E>((writes, (next, result)))
            };
            match &theirs {
                Some(base) => run(base.as_ref()),
                None => self.state.with_untracked(|state| {
                    run(SavedRef {
                        clock: self.clock.get_untracked(),
                        state,
                    })
                }),
            }
        };
        let started = now_ms();
        let written = match self.db.get_value() {
            Some(db) => match db.write(move || self.rev.get_value(), step).await {
                Ok(Ok(done)) => Ok(done),
                Ok(Err(refused)) => return Err(refused.into()),
                Err(Unwritten { error, computed }) => match computed {
                    // The quota is used up: the change happened, and lives on in this tab
                    // (the notice says so) rather than being dropped.
                    Some(Ok(done)) if error.is_quota() => {
                        self.keep_in_memory(NotKept::Full { reason: error.0 });
                        Ok(done)
                    }
                    Some(Err(refused)) => return Err(refused.into()),
                    _ => Err(error.0),
                },
            },
            // No IndexedDB: changes live in memory only (the notice says so).
            None => match step(None) {
                Ok((_, done)) => Ok((self.rev.get_value() + 1, done)),
                Err(refused) => return Err(refused.into()),
            },
        };
        match written {
            Ok((rev, (saved, result))) => {
                self.last_save_ms.set(Some(now_ms() - started));
                self.rev.set_value(rev);
                self.clock.set(saved.clock);
                self.state.set(saved.state);
                if self.db.with_value(Option::is_some) {
                    announce_revision(rev);
                } else {
                    self.unkept.set_value(true);
                }
                Ok(result)
            }
            Err(reason) => {
                self.notice.set(Some(Notice::SaveFailed {
                    reason: reason.clone(),
                }));
                Err(DispatchError::Store(StoreError::Unavailable(reason)))
            }
        }
    }

    /// Replaces the whole saved state (reset, import).
    pub async fn save(self, saved: Saved) -> Result<(), DispatchError> {
        self.transact(move |_| Ok::<_, Infallible>((saved, ())))
            .await
    }

    pub fn saved(&self) -> Saved {
        self.state
            .with_untracked(|s| Saved::new(self.clock.get_untracked(), s.clone()))
    }

    /// Back to the world as shipped; the backup of unreadable data stays until then.
    pub async fn reset(self) -> Result<(), DispatchError> {
        let fresh = self.world.with_value(|w| w.shipped());
        self.save(fresh).await?;
        if let Some(db) = self.db.get_value() {
            let _ = db.delete(BACKUP_KEY).await;
        }
        // A browser that will not keep things still will not: that notice stays.
        if !matches!(self.notice.get_untracked(), Some(Notice::NotKept(_))) {
            self.notice.set(None);
        }
        Ok(())
    }

    /// Writes a refusal the domain did not see (such as a console command stopped for its
    /// role before it became a command) to the audit log.
    pub async fn record_refusal(
        self,
        actor: Actor,
        action: &'static str,
        subject: String,
        reason: String,
        why: Explanation,
    ) -> Result<(), DispatchError> {
        self.transact(move |base| {
            let state = record_refusal(
                base.state,
                base.clock,
                Some(&actor),
                action,
                &subject,
                &reason,
                &why,
            );
            Ok::<_, Infallible>((Saved::new(base.clock, state), ()))
        })
        .await
    }

    /// Checks that the signed-in person may act in `actor.tenant` and, for a partner acting
    /// in a customer tenant, writes that to the customer's audit log.
    pub async fn act_in(self, actor: Actor) -> Result<(), DispatchError> {
        self.transact(move |base| {
            let event = delegated_access(base.state, base.clock, &actor)?;
            let mut state = base.state.clone();
            state.audit.extend(event);
            Ok::<_, crate::domain::Denied>((Saved::new(base.clock, state), ()))
        })
        .await
    }

    /// The demo sign-in against the directory as it stands; a refusal goes to the audit log.
    pub async fn sign_in(
        self,
        email: &str,
        password: &str,
    ) -> Result<crate::domain::User, files::SignInError> {
        let result = self.state.with_untracked(|s| {
            self.world
                .with_value(|w| files::authenticate(&w.directory, &s.directory, email, password))
        });
        if let Err(e) = result {
            let email = email.trim().to_owned();
            let _ = self
                .transact(move |base| {
                    let why = Explanation::new(e.message_key());
                    let state = record_sign_in_refusal(
                        base.state,
                        base.clock,
                        &email,
                        &format!("{e:?}"),
                        &why,
                    );
                    Ok::<_, Infallible>((Saved::new(base.clock, state), ()))
                })
                .await;
        }
        result
    }

    /// The saved state as pretty JSON, for a download.
    pub fn export(&self) -> String {
        serde_json::to_string_pretty(&self.saved()).unwrap_or_default()
    }

    /// The raw value kept when stored data could not be read.
    pub async fn backup(&self) -> Option<String> {
        let db = self.db.get_value()?;
        db.get(BACKUP_KEY).await.ok().flatten().map(|r| r.json)
    }

    /// Replaces the state with an exported one, after checking it; a bad file changes nothing.
    pub async fn import(self, text: &str) -> Result<(), DispatchError> {
        let seed_clock = self.world.with_value(|w| w.seed.clock);
        let (saved, _) = files::migrate(text, seed_clock)?;
        files::validate(&saved, &self.catalog())?;
        self.save(saved).await
    }

    /// Moves the demo clock on; renewals, bills and trial ends happen on the way.
    pub async fn advance_clock(self, by: ClockStep) -> Result<Vec<Event>, DispatchError> {
        self.transact(move |base| {
            let to = match by {
                ClockStep::Day => base.clock + Duration::days(1),
                ClockStep::Month => base
                    .clock
                    .checked_add_months(Months::new(1))
                    .unwrap_or(base.clock),
            };
            let (state, events) = advance(base.state, to);
            Ok::<_, Infallible>((Saved::new(to, state), events))
        })
        .await
    }

    /// Adds `n` generated subscriptions to a tenant, for benchmarks.
    pub async fn seed_extra(
        self,
        tenant: crate::domain::TenantId,
        n: usize,
    ) -> Result<(), DispatchError> {
        let catalog = self.catalog();
        self.transact(move |base| {
            let mut state = base.state.clone();
            crate::domain::seed::extra_subscriptions(
                &mut state,
                &catalog,
                &tenant,
                n,
                base.clock.date_naive(),
            );
            Ok::<_, Infallible>((Saved::new(base.clock, state), ()))
        })
        .await
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockStep {
    Day,
    Month,
}

async fn store_reload(store: Store) {
    let Some(db) = store.db.get_value() else {
        return;
    };
    if matches!(db.rev().await, Ok(Some(rev)) if rev == store.rev.get_value()) {
        return;
    }
    let Ok(snapshot) = db.read().await else {
        return;
    };
    // Records another tab is halfway through cannot be seen (transactions), and unreadable
    // ones leave this tab as it is.
    if let (Some(rev), Some(saved)) = (
        snapshot.rev,
        store.sound(records::assemble(snapshot.pairs())),
    ) {
        store.rev.set_value(rev);
        store.clock.set(saved.clock);
        store.state.set(saved.state);
    }
}

//! The state in IndexedDB, as records (`store::records`): a command writes the few it
//! changed. IndexedDB, not localStorage: 10,000 subscriptions outgrow localStorage's
//! 5 MiB, and a readwrite transaction makes read–change–write atomic across tabs.

use super::records::Write;
use js_sys::{Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

/// Version 2: the state as records (`store::records`) rather than one JSON value.
const VERSION: u32 = 2;
/// Keys to small values: the records' revision, the backup of unreadable data, and the
/// whole state as version 1 stored it (read once, to move it into the records).
const KV: &str = "kv";
/// The state, one record per key.
const RECORDS: &str = "records";
/// Bumped by every write of the records.
const REV_KEY: &str = "rev";

/// A record: the revision (bumped by every write) and the JSON it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub rev: u64,
    pub json: String,
}

impl Record {
    fn to_js(&self) -> JsValue {
        let o = Object::new();
        // Setting plain data properties on a fresh object cannot fail.
        let _ = Reflect::set(&o, &"rev".into(), &JsValue::from_f64(self.rev as f64));
        let _ = Reflect::set(&o, &"json".into(), &JsValue::from_str(&self.json));
        o.into()
    }

    fn from_js(value: &JsValue) -> Option<Record> {
        let rev = revision(&Reflect::get(value, &"rev".into()).ok()?)?;
        let json = Reflect::get(value, &"json".into()).ok()?.as_string()?;
        Some(Record { rev, json })
    }
}

/// A revision as stored: a JS number, or nothing when none was written.
fn revision(value: &JsValue) -> Option<u64> {
    value.as_f64().map(|r| r as u64)
}

/// A failure of IndexedDB, in the browser's words (`QuotaExceededError: …`).
#[derive(Debug, Clone)]
pub struct IdbError(pub String);

impl IdbError {
    /// The origin's storage quota is used up: no write will succeed until space is freed.
    pub fn is_quota(&self) -> bool {
        self.0.starts_with("QuotaExceededError")
    }
}

impl From<JsValue> for IdbError {
    fn from(v: JsValue) -> Self {
        let text = v
            .dyn_ref::<web_sys::DomException>()
            .map(|e| match e.message() {
                // Chromium's quota error has a name and no message.
                m if m.is_empty() => e.name(),
                m => format!("{}: {m}", e.name()),
            })
            .or_else(|| v.as_string())
            .unwrap_or_else(|| format!("{v:?}"));
        IdbError(text)
    }
}

/// A write the browser refused, with what the change computed before it was refused, so a
/// caller can keep it in memory rather than drop it.
#[derive(Debug)]
pub struct Unwritten<T> {
    pub error: IdbError,
    pub computed: Option<T>,
}

/// A promise that settles with a request's result, or its error.
fn request_promise(request: &IdbRequest) -> Promise {
    let request = request.clone();
    Promise::new(&mut |resolve, reject| {
        let req = request.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &req.result().unwrap_or(JsValue::UNDEFINED));
        });
        let req = request.clone();
        let err = Closure::once_into_js(move || {
            let e = req
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or_else(|| "request failed".into());
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(err.unchecked_ref()));
    })
}

/// Where a transaction's callback leaves what it did, for the code awaiting the transaction.
type Slot<T> = Rc<RefCell<Option<T>>>;

pub struct Db {
    db: IdbDatabase,
}

/// Every stored record of the state, with the revision they were read at.
pub struct Snapshot {
    pub rev: Option<u64>,
    pub records: Vec<(String, String)>,
}

impl Snapshot {
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.records.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    fn of(rev: Option<u64>, keys: &JsValue, values: &JsValue) -> Snapshot {
        let strings = |v: &JsValue| {
            js_sys::Array::from(v)
                .iter()
                .map(|x| x.as_string().unwrap_or_default())
                .collect::<Vec<_>>()
        };
        Snapshot {
            rev,
            records: strings(keys).into_iter().zip(strings(values)).collect(),
        }
    }
}

impl Db {
    pub async fn open(name: &str) -> Result<Db, IdbError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| {
                IdbError("this browser offers no IndexedDB (a private window may block it)".into())
            })?;
        let request = factory.open_with_u32(name, VERSION)?;
        let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
            move |ev: web_sys::IdbVersionChangeEvent| {
                let db: Option<IdbDatabase> = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
                    .and_then(|r| r.result().ok())
                    .and_then(|r| r.dyn_into().ok());
                // Version 1 had the key–value store only (the state as one record); version 2
                // adds the records. The state moves over when the store opens it (`Store::open`).
                if let Some(db) = db {
                    if ev.old_version() < 1.0 {
                        let _ = db.create_object_store(KV);
                    }
                    if ev.old_version() < 2.0 {
                        let _ = db.create_object_store(RECORDS);
                    }
                }
            },
        );
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let db = JsFuture::from(request_promise(&request)).await?;
        drop(upgrade);
        Ok(Db { db: db.dyn_into()? })
    }

    /// A transaction over `stores`. Writes ask for relaxed durability: committed once the
    /// browser has the data, without waiting for the disk to flush — the demo's state is
    /// not worth a flush per click, and a crashed browser still keeps it.
    fn transaction(
        &self,
        stores: &[&str],
        mode: IdbTransactionMode,
    ) -> Result<web_sys::IdbTransaction, IdbError> {
        let names = stores
            .iter()
            .map(|s| JsValue::from_str(s))
            .collect::<js_sys::Array>();
        let tx = if mode == IdbTransactionMode::Readwrite {
            let options = Object::new();
            let _ = Reflect::set(&options, &"durability".into(), &"relaxed".into());
            let transaction: js_sys::Function =
                Reflect::get(&self.db, &"transaction".into())?.dyn_into()?;
            transaction
                .call3(&self.db, &names, &"readwrite".into(), &options)?
                .dyn_into()?
        } else {
            self.db
                .transaction_with_str_sequence_and_mode(&names, mode)?
        };
        Ok(tx)
    }

    fn kv(
        &self,
        mode: IdbTransactionMode,
    ) -> Result<(web_sys::IdbTransaction, IdbObjectStore), IdbError> {
        let tx = self.transaction(&[KV], mode)?;
        let store = tx.object_store(KV)?;
        Ok((tx, store))
    }

    /// A record of the key–value store (the backup, or the state as version 1 kept it).
    pub async fn get(&self, key: &str) -> Result<Option<Record>, IdbError> {
        let (_tx, store) = self.kv(IdbTransactionMode::Readonly)?;
        let value = JsFuture::from(request_promise(&store.get(&key.into())?)).await?;
        Ok(if value.is_undefined() {
            None
        } else {
            Record::from_js(&value)
        })
    }

    pub async fn put(&self, key: &str, record: &Record) -> Result<(), IdbError> {
        let (tx, store) = self.kv(IdbTransactionMode::Readwrite)?;
        store.put_with_key(&record.to_js(), &key.into())?;
        transaction_done(&tx).await
    }

    pub async fn delete(&self, key: &str) -> Result<(), IdbError> {
        let (tx, store) = self.kv(IdbTransactionMode::Readwrite)?;
        store.delete(&key.into())?;
        transaction_done(&tx).await
    }

    /// The revision of the stored records, if any were written.
    pub async fn rev(&self) -> Result<Option<u64>, IdbError> {
        let (_tx, store) = self.kv(IdbTransactionMode::Readonly)?;
        let value = JsFuture::from(request_promise(&store.get(&REV_KEY.into())?)).await?;
        Ok(revision(&value))
    }

    /// Every record of the state and their revision, read in one transaction.
    pub async fn read(&self) -> Result<Snapshot, IdbError> {
        let tx = self.transaction(&[KV, RECORDS], IdbTransactionMode::Readonly)?;
        let (kv, records) = (tx.object_store(KV)?, tx.object_store(RECORDS)?);
        let (rev, keys, values) = (
            kv.get(&REV_KEY.into())?,
            records.get_all_keys()?,
            records.get_all()?,
        );
        transaction_done(&tx).await?;
        Ok(Snapshot::of(
            revision(&rev.result()?),
            &keys.result()?,
            &values.result()?,
        ))
    }

    /// Writes what `change` makes, in one readwrite transaction, so another tab's write
    /// lands wholly before or after this one. When the stored revision is not `current()`
    /// (another tab wrote since this one read), `change` gets every stored record, read in
    /// the same transaction; otherwise it gets none and works from what this tab holds.
    pub async fn write<R: 'static, E: 'static>(
        &self,
        current: impl Fn() -> u64 + 'static,
        change: impl FnOnce(Option<Snapshot>) -> Result<(Vec<Write>, R), E> + 'static,
    ) -> Result<Result<(u64, R), E>, Unwritten<Result<(u64, R), E>>> {
        let unwritten = |error: IdbError| Unwritten {
            error,
            computed: None,
        };
        let tx = self
            .transaction(&[KV, RECORDS], IdbTransactionMode::Readwrite)
            .map_err(unwritten)?;
        let stores = (tx.object_store(KV), tx.object_store(RECORDS));
        let (Ok(kv), Ok(records)) = stores else {
            return Err(unwritten(IdbError("the stores could not be opened".into())));
        };
        let reader = records.clone();
        let rev_request = kv.get(&REV_KEY.into()).map_err(|e| unwritten(e.into()))?;
        let outcome: Slot<Result<(u64, R), E>> = Rc::default();
        let failure: Slot<IdbError> = Rc::default();
        let (out, fail, t) = (outcome.clone(), failure.clone(), tx.clone());
        // Runs inside a request's success callback, while the transaction is active.
        let finish = move |rev: Option<u64>, snapshot: Option<Snapshot>| match change(snapshot) {
            Ok((writes, result)) => {
                let next = rev.unwrap_or(0) + 1;
                let written = apply(&records, &writes).and_then(|()| {
                    kv.put_with_key(&JsValue::from_f64(next as f64), &REV_KEY.into())
                });
                if let Err(e) = written {
                    // Nothing of a half-applied change may commit.
                    let _ = t.abort();
                    *fail.borrow_mut() = Some(e.into());
                }
                *out.borrow_mut() = Some(Ok((next, result)));
            }
            Err(refusal) => *out.borrow_mut() = Some(Err(refusal)),
        };
        let request = rev_request.clone();
        let on_rev = Closure::once_into_js(move || {
            let rev = revision(&request.result().unwrap_or(JsValue::UNDEFINED));
            if rev.unwrap_or(0) == current() {
                return finish(rev, None);
            }
            let (Ok(keys), Ok(values)) = (reader.get_all_keys(), reader.get_all()) else {
                return finish(
                    rev,
                    Some(Snapshot {
                        rev,
                        records: Vec::new(),
                    }),
                );
            };
            // Requests of one transaction succeed in order: the keys are there when the
            // values arrive.
            let values_request = values.clone();
            let on_values = Closure::once_into_js(move || {
                let (k, v) = (
                    keys.result().unwrap_or(JsValue::UNDEFINED),
                    values_request.result().unwrap_or(JsValue::UNDEFINED),
                );
                finish(rev, Some(Snapshot::of(rev, &k, &v)));
            });
            values.set_onsuccess(Some(on_values.unchecked_ref()));
        });
        rev_request.set_onsuccess(Some(on_rev.unchecked_ref()));
        let done = transaction_done(&tx).await;
        let computed = outcome.borrow_mut().take();
        let failed = failure.borrow_mut().take().map_or(done, Err);
        match (failed, computed) {
            (Ok(()), Some(result)) => Ok(result),
            (Ok(()), None) => Err(unwritten(IdbError(
                "the transaction ended before the change ran".into(),
            ))),
            (Err(error), computed) => Err(Unwritten { error, computed }),
        }
    }
}

fn apply(records: &IdbObjectStore, writes: &[Write]) -> Result<(), JsValue> {
    for w in writes {
        match w {
            Write::Clear => records.clear().map(drop)?,
            Write::Put { key, json } => records
                .put_with_key(&JsValue::from_str(json), &JsValue::from_str(key))
                .map(drop)?,
            Write::Delete { key } => records.delete(&JsValue::from_str(key)).map(drop)?,
        }
    }
    Ok(())
}

async fn transaction_done(tx: &web_sys::IdbTransaction) -> Result<(), IdbError> {
    let tx = tx.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx.clone();
        let reject2 = reject.clone();
        let error = Closure::once_into_js(move || {
            let e = t
                .error()
                .map(JsValue::from)
                .unwrap_or_else(|| "the transaction failed".into());
            let _ = reject2.call1(&JsValue::NULL, &e);
        });
        // A quota that is used up shows as an abort whose error says so.
        let t = tx.clone();
        let abort = Closure::once_into_js(move || {
            let e = t
                .error()
                .map(JsValue::from)
                .unwrap_or_else(|| "the transaction was aborted".into());
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        tx.set_oncomplete(Some(complete.unchecked_ref()));
        tx.set_onerror(Some(error.unchecked_ref()));
        tx.set_onabort(Some(abort.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(IdbError::from)
}

/// Whether this browser keeps the site's data only until the window closes. Browsers do
/// not say so outright; what they do say: Firefox's private windows refuse the origin
/// private file system (`SecurityError`), and WebKit's ephemeral sessions (Safari's private
/// windows) fail it (`UnknownError`), while a window that keeps data opens it. A browser
/// without the Storage API (WebKitGTK as shipped) cannot tell, and is taken to keep.
pub async fn private_window() -> bool {
    let Some(storage) = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"storage".into()).ok())
        .filter(|s| s.is_object())
    else {
        return false;
    };
    let Ok(get_directory) = Reflect::get(&storage, &"getDirectory".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return false;
    };
    match get_directory
        .call0(&storage)
        .map(|p| p.dyn_into::<Promise>())
    {
        Ok(Ok(promise)) => JsFuture::from(promise).await.is_err(),
        _ => false,
    }
}

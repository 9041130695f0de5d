//! A small IndexedDB key–value store. IndexedDB, not localStorage: 10,000 subscriptions
//! outgrow localStorage's 5 MiB, and a readwrite transaction makes read–change–write
//! atomic across tabs.

use js_sys::{Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

const OBJECT_STORE: &str = "kv";

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

    fn rev_of(value: &JsValue) -> Option<u64> {
        Reflect::get(value, &"rev".into()).ok()?.as_f64().map(|r| r as u64)
    }

    fn from_js(value: &JsValue) -> Option<Record> {
        let rev = Record::rev_of(value)?;
        let json = Reflect::get(value, &"json".into()).ok()?.as_string()?;
        Some(Record { rev, json })
    }
}

#[derive(Debug, Clone)]
pub struct IdbError(pub String);

impl From<JsValue> for IdbError {
    fn from(v: JsValue) -> Self {
        let text = v
            .dyn_ref::<web_sys::DomException>()
            .map(|e| format!("{}: {}", e.name(), e.message()))
            .or_else(|| v.as_string())
            .unwrap_or_else(|| format!("{v:?}"));
        IdbError(text)
    }
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
            let e = req.error().ok().flatten().map(JsValue::from).unwrap_or_else(|| "request failed".into());
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(err.unchecked_ref()));
    })
}

pub struct Db {
    db: IdbDatabase,
}

impl Db {
    pub async fn open(name: &str) -> Result<Db, IdbError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| IdbError("this browser offers no IndexedDB (a private window may block it)".into()))?;
        let request = factory.open_with_u32(name, 1)?;
        let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |ev: web_sys::IdbVersionChangeEvent| {
            let db: Option<IdbDatabase> = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into().ok());
            // Version 1 is the only version: the upgrade runs once, on an empty database.
            if let Some(db) = db {
                let _ = db.create_object_store(OBJECT_STORE);
            }
        });
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let db = JsFuture::from(request_promise(&request)).await?;
        drop(upgrade);
        Ok(Db { db: db.dyn_into()? })
    }

    fn store(&self, mode: IdbTransactionMode) -> Result<(web_sys::IdbTransaction, IdbObjectStore), IdbError> {
        let tx = self.db.transaction_with_str_and_mode(OBJECT_STORE, mode)?;
        let store = tx.object_store(OBJECT_STORE)?;
        Ok((tx, store))
    }

    pub async fn get(&self, key: &str) -> Result<Option<Record>, IdbError> {
        let (_tx, store) = self.store(IdbTransactionMode::Readonly)?;
        let value = JsFuture::from(request_promise(&store.get(&key.into())?)).await?;
        Ok(if value.is_undefined() { None } else { Record::from_js(&value) })
    }

    pub async fn put(&self, key: &str, record: &Record) -> Result<(), IdbError> {
        let (tx, store) = self.store(IdbTransactionMode::Readwrite)?;
        store.put_with_key(&record.to_js(), &key.into())?;
        transaction_done(&tx).await
    }

    pub async fn delete(&self, key: &str) -> Result<(), IdbError> {
        let (tx, store) = self.store(IdbTransactionMode::Readwrite)?;
        store.delete(&key.into())?;
        transaction_done(&tx).await
    }

    /// Reads the record and writes what `change` makes of it, in one readwrite
    /// transaction: another tab's update lands wholly before or after this one.
    /// `change` sees the stored revision, and the JSON only when `needs_json(rev)`;
    /// it returns the new JSON (written with the next revision) or refuses.
    pub async fn update<R: 'static, E: 'static>(
        &self,
        key: &str,
        needs_json: impl Fn(Option<u64>) -> bool + 'static,
        change: impl FnOnce(Option<u64>, Option<String>) -> Result<(String, R), E> + 'static,
    ) -> Result<Result<(u64, R), E>, IdbError> {
        let (tx, store) = self.store(IdbTransactionMode::Readwrite)?;
        let request = store.get(&key.into())?;
        let outcome: Rc<RefCell<Option<Result<(u64, R), E>>>> = Rc::new(RefCell::new(None));
        let failure: Rc<RefCell<Option<IdbError>>> = Rc::new(RefCell::new(None));
        let (out, fail, req, key) = (outcome.clone(), failure.clone(), request.clone(), key.to_owned());
        // The change runs inside the success callback, while the transaction is active.
        let on_success = Closure::once_into_js(move || {
            let value = req.result().unwrap_or(JsValue::UNDEFINED);
            let rev = if value.is_undefined() { None } else { Record::rev_of(&value) };
            let json = if needs_json(rev) { Record::from_js(&value).map(|r| r.json) } else { None };
            match change(rev, json) {
                Ok((json, result)) => {
                    let next = rev.unwrap_or(0) + 1;
                    match store.put_with_key(&Record { rev: next, json }.to_js(), &key.into()) {
                        Ok(_) => *out.borrow_mut() = Some(Ok((next, result))),
                        Err(e) => *fail.borrow_mut() = Some(e.into()),
                    }
                }
                Err(refusal) => *out.borrow_mut() = Some(Err(refusal)),
            }
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        let done = transaction_done(&tx).await;
        if let Some(e) = failure.borrow_mut().take() {
            return Err(e);
        }
        done?;
        let result = outcome.borrow_mut().take();
        result.ok_or_else(|| IdbError("the transaction ended before the change ran".into()))
    }
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
            let e = t.error().map(JsValue::from).unwrap_or_else(|| "the transaction failed".into());
            let _ = reject2.call1(&JsValue::NULL, &e);
        });
        let abort = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &"the transaction was aborted".into());
        });
        tx.set_oncomplete(Some(complete.unchecked_ref()));
        tx.set_onerror(Some(error.unchecked_ref()));
        tx.set_onabort(Some(abort.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(IdbError::from)
}

//! Component tests: the app's pieces mounted in headless Chromium, asserting on the DOM,
//! and the store against the browser's real IndexedDB.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (scripts/test.sh).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/a11y.rs"]
mod a11y;
#[path = "web/admin.rs"]
mod admin;
#[path = "web/checkout.rs"]
mod checkout;
#[path = "web/lifecycle.rs"]
mod lifecycle;
#[path = "web/shell.rs"]
mod shell;
#[path = "web/store.rs"]
mod store;
#[path = "web/support.rs"]
mod support;

//! Persistence. The JSON shapes and migrations (`files`) are pure and tested natively;
//! the modules that touch browser storage build only for the browser, and nothing else in
//! the app touches storage.

pub mod error;
pub mod files;
pub mod records;

#[cfg(target_arch = "wasm32")]
pub mod prefs;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod draft;
#[cfg(target_arch = "wasm32")]
pub mod idb;
#[cfg(target_arch = "wasm32")]
pub mod session;
#[cfg(target_arch = "wasm32")]
pub mod texts;

//! Microsoft 365 self-service purchase: the domain (pure, tested natively) and, in the
//! browser, the Leptos app that shows its verdicts.

pub mod domain;
pub mod i18n;
pub mod store;

// The UI exists only in the browser; the host build and `cargo test` skip it.
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod areas;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod locale;
#[cfg(target_arch = "wasm32")]
pub mod pages;

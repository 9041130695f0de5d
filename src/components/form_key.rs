//! The key of one form's submission. Made when the form opens and sent with every command
//! the form submits; the domain takes each key once, so a double click, a repeated Enter or
//! a re-sent event changes money and licenses once. After a success the form takes a new
//! key: the next click is a new intent. Disabling a button stays the visual cue only.

use crate::domain::{Command, Submission, SubmissionKey};
use leptos::prelude::*;

/// A key no other form has: the time and 52 random bits.
pub fn new_key() -> SubmissionKey {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * (1u64 << 52) as f64) as u64;
    SubmissionKey::try_from(format!("k-{time:x}-{random:013x}").as_str())
        .expect("a key made of hex digits and dashes is well formed")
}

#[derive(Clone, Copy)]
pub struct FormKey(RwSignal<SubmissionKey>);

impl FormKey {
    pub fn new() -> Self {
        FormKey(RwSignal::new(new_key()))
    }

    /// The command, with this form's current key.
    pub fn submit(self, command: Command) -> Submission {
        Submission::keyed(self.0.get_untracked(), command)
    }

    /// After a success: the next submission is another intent. `try_`: the form may be gone.
    pub fn renew(self) {
        self.0.try_set(new_key());
    }
}

impl Default for FormKey {
    fn default() -> Self {
        FormKey::new()
    }
}

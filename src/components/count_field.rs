//! A field for a whole number (licenses, a count): it shows exactly what was typed — never
//! a number the browser or the app rewrote — parses it through the domain, and says under
//! the field why a refused value is refused, in a live region that is there from the start.

use crate::components::field::Field;
use crate::domain::subscription::QuantityError;
use crate::i18n::Msg;
use crate::locale::Locale;
use leptos::prelude::*;

/// `100000` as `100,000`: both languages group thousands with a comma.
fn grouped(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Why the text is refused, in the current language.
pub fn count_error(locale: Locale, error: QuantityError) -> String {
    let max = match error {
        QuantityError::TooMany { max } => grouped(max),
        _ => String::new(),
    };
    crate::i18n::fill(locale.key(error.message_key()), &[("max", &max)])
}

/// A `Field` for a whole number, its error in words from the domain's refusal.
#[component]
pub fn CountField(
    id: &'static str,
    label: Msg,
    /// The text as typed.
    #[prop(into)]
    text: Signal<String>,
    /// Why the text is refused, if it is (the caller parses it with its own maximum).
    #[prop(into)]
    error: Signal<Option<QuantityError>>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    /// Other elements that describe the field (a total, a preview).
    #[prop(optional)]
    described_by: &'static str,
) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <Field
            id
            label
            value=text
            on_input
            error=Signal::derive(move || error.get().map(|e| count_error(locale, e)))
            inputmode="numeric"
            autocomplete="off"
            required=true
            described_by
        />
    }
}

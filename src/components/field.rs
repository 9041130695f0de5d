//! A labelled text field: the label, the input, a hint, and the error under it, linked by
//! `aria-describedby`, with `aria-invalid` while there is an error. The input shows exactly
//! what was typed; the caller parses it and says why a value is refused.

use crate::i18n::Msg;
use crate::locale::Locale;
use leptos::prelude::*;

/// ```ignore
/// <Field id="billing-city" label=Msg::BillingCity value=city on_input=move |v| city.set(v)
///     error=Signal::derive(move || missing().then(|| required_text)) autocomplete="address-level2" />
/// ```
#[component]
pub fn Field(
    id: &'static str,
    label: Msg,
    /// The text as typed.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    #[prop(into)]
    on_input: Callback<String>,
    /// Why the value is refused, in words, if it is; shown under the field.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// The error is news when it appears (shown once the field is left, or on submit): an
    /// alert. Otherwise (shown while typing) a polite live region.
    #[prop(optional)]
    alert: bool,
    /// A line of help under the input.
    #[prop(optional)]
    hint: Option<Msg>,
    /// `text` unless given (`password` for a security code).
    #[prop(default = "text")]
    input_type: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] maxlength: MaybeProp<u32>,
    #[prop(optional)] placeholder: Option<Msg>,
    #[prop(optional)] required: bool,
    /// Called when the field loses focus (a form that shows errors only once left).
    #[prop(optional, into)]
    on_blur: Option<Callback<()>>,
    /// Other elements that describe the field (a total, a preview, a detected brand).
    #[prop(optional)]
    described_by: &'static str,
    /// What stands beside the input (a detected card brand).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let locale = Locale::get();
    let error_id = format!("{id}-error");
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let described = [Some(error_id.as_str()), hint_id.as_deref(), Some(described_by)]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let invalid = move || error.with(|e| e.is_some());
    // Typed data (names, codes, addresses), not prose: no spelling marks.
    let input = view! {
        <input
            id=id
            type=input_type
            inputmode=inputmode
            autocomplete=autocomplete
            maxlength=move || maxlength.get().map(|n| n.to_string())
            placeholder=placeholder.map(|p| locale.text(p))
            spellcheck="false"
            required=required
            aria-describedby=described
            aria-invalid=move || invalid().to_string()
            prop:value=value
            on:input=move |ev| on_input.run(event_target_value(&ev))
            // A focused field that leaves the page (the step moved on) blurs as it goes,
            // after its form is gone: `try_run` lets that blur pass unheard.
            on:blur=move |_| {
                if let Some(blur) = on_blur {
                    blur.try_run(());
                }
            }
        />
    };
    let control = match children {
        Some(beside) => view! { <div class="field__with">{input} {beside()}</div> }.into_any(),
        None => input.into_any(),
    };
    view! {
        <div class="field" class:field--invalid=invalid>
            <label for=id>{locale.text(label)}</label>
            {control}
            {hint.map(|h| view! { <p id=hint_id class="muted field-hint">{locale.text(h)}</p> })}
            <p
                id=error_id
                class="field-error"
                role=alert.then_some("alert")
                aria-live=(!alert).then_some("polite")
            >
                {move || error.get()}
            </p>
        </div>
    }
}

/// A labelled choice among options given as (value, words), with "—" for none chosen, and
/// its error under it, as `Field` links them.
#[component]
pub fn SelectField(
    id: &'static str,
    label: Msg,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    /// (value, words) of each option.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] on_blur: Option<Callback<()>>,
) -> impl IntoView {
    let locale = Locale::get();
    let error_id = format!("{id}-error");
    let invalid = move || error.with(|e| e.is_some());
    view! {
        <div class="field" class:field--invalid=invalid>
            <label for=id>{locale.text(label)}</label>
            <select
                id=id
                autocomplete=autocomplete
                required=required
                aria-describedby=error_id.clone()
                aria-invalid=move || invalid().to_string()
                prop:value=value
                on:change=move |ev| on_change.run(event_target_value(&ev))
                on:blur=move |_| {
                    if let Some(blur) = on_blur {
                        blur.try_run(());
                    }
                }
            >
                <option value="">"—"</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(value, words)| view! { <option value=value>{words}</option> })
                        .collect_view()
                }}
            </select>
            <p id=error_id class="field-error" role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}

/// A search box with its label: the text filters as it is typed.
#[component]
pub fn SearchField(id: &'static str, label: Msg, value: RwSignal<String>) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <div class="field">
            <label for=id>{locale.text(label)}</label>
            <input
                id=id
                type="search"
                prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A labelled choice among fixed options, each a value and its words from the catalog.
#[component]
pub fn Choice(
    id: &'static str,
    label: Msg,
    /// The value chosen.
    #[prop(into)]
    value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    /// (value, words) of each option, in order.
    options: &'static [(&'static str, Msg)],
    /// Nothing is chosen until the person chooses: a first "—" option, and the choice is
    /// required.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <div class="field">
            <label for=id>{locale.text(label)}</label>
            <select
                id=id
                required=required
                prop:value=value
                on:change=move |ev| on_change.run(event_target_value(&ev))
            >
                {required.then(|| view! { <option value="">"—"</option> })}
                {options
                    .iter()
                    .map(|&(value, words)| {
                        view! { <option value=value>{locale.text(words)}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Why a purchaser cancels their subscription (users' doc), each kept as its catalog key.
const PURCHASER_REASONS: &[(&str, Msg)] = &[
    (Msg::CancelReasonPrice.key(), Msg::CancelReasonPrice),
    (Msg::CancelReasonUnused.key(), Msg::CancelReasonUnused),
    (Msg::CancelReasonCentral.key(), Msg::CancelReasonCentral),
    (Msg::CancelReasonOther.key(), Msg::CancelReasonOther),
];

/// Why an admin cancels a purchaser's subscription: the admin center's own list.
const ADMIN_REASONS: &[(&str, Msg)] = &[
    (Msg::AdminReasonCentral.key(), Msg::AdminReasonCentral),
    (Msg::AdminReasonSecurity.key(), Msg::AdminReasonSecurity),
    (Msg::AdminReasonUnapproved.key(), Msg::AdminReasonUnapproved),
    (Msg::CancelReasonOther.key(), Msg::CancelReasonOther),
];

/// Why a subscription is canceled: the purchaser's reasons, or with `admin` the admin
/// center's.
#[component]
pub fn CancelReason(
    id: &'static str,
    reason: RwSignal<String>,
    #[prop(optional)] admin: bool,
) -> impl IntoView {
    view! {
        <Choice
            id
            label=Msg::CancelReason
            value=reason
            on_change=move |v| reason.set(v)
            options=if admin { ADMIN_REASONS } else { PURCHASER_REASONS }
            required=true
        />
    }
}

/// An email address as typed: text, not `type="email"`, because the browser rewrites an
/// email field's value (a look-alike domain becomes punycode, spaces vanish), and the person
/// must see what they typed while the domain's parser says what is wrong with it.
#[component]
pub fn EmailInput(
    id: &'static str,
    /// `username` on a sign-in form, `email` where an address is asked for.
    autocomplete: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    /// The ids of what says whether the address will do.
    described_by: &'static str,
    #[prop(into)] invalid: Signal<bool>,
) -> impl IntoView {
    view! {
        <input
            id=id
            type="text"
            inputmode="email"
            autocomplete=autocomplete
            autocapitalize="off"
            spellcheck="false"
            required
            aria-describedby=described_by
            aria-invalid=move || invalid.get().to_string()
            prop:value=value
            on:input=move |ev| on_input.run(event_target_value(&ev))
        />
    }
}

/// A form the app checks itself (`novalidate`: the domain says what is wrong, in the page's
/// words): submitting it, by button or Enter, calls `on_submit` and never leaves the page.
#[component]
pub fn CheckedForm(
    #[prop(into)] on_submit: Callback<()>,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <form
            class=class.unwrap_or("form")
            novalidate
            on:submit=move |ev| {
                ev.prevent_default();
                on_submit.run(());
            }
        >
            {children()}
        </form>
    }
}

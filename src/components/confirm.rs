//! The question before a change that cannot be taken back: what it does, then Confirm and
//! Cancel. A `Dialog`: it takes focus when it opens, Escape cancels, and focus goes back to
//! what opened it.

use crate::components::a11y::Dialog;
use crate::i18n::Msg;
use crate::locale::Locale;
use leptos::prelude::*;

/// ```ignore
/// <Show when=move || asking.get()>
///     <ConfirmBar id="cancel" text=move || question() on_confirm=… on_cancel=… />
/// </Show>
/// ```
/// Its parts are `{id}` (the bar), `{id}-text` (the question, which names it) and
/// `{id}-confirm` (the button that goes ahead).
#[component]
pub fn ConfirmBar(
    #[prop(into)] id: String,
    /// What confirming does, in words.
    text: impl Fn() -> String + Send + Sync + 'static,
    /// The button that goes ahead: Confirm unless given.
    #[prop(default = Msg::Confirm)]
    confirm: Msg,
    /// Inline (a line among others) rather than a warning bar.
    #[prop(optional)]
    inline: bool,
    #[prop(optional, into)] busy: Signal<bool>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let locale = Locale::get();
    let text_id = format!("{id}-text");
    let confirm_id = format!("{id}-confirm");
    let class = if inline {
        "confirm"
    } else {
        "message-bar message-bar--warning confirm-bar"
    };
    view! {
        <Dialog id=id class=class labelledby=text_id.clone() on_close=on_cancel>
            <p id=text_id tabindex="-1">
                {text}
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="button button--danger"
                    id=confirm_id
                    disabled=busy
                    on:click=move |_| on_confirm.run(())
                >
                    {locale.text(confirm)}
                </button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                    {locale.text(Msg::Cancel)}
                </button>
            </div>
        </Dialog>
    }
}

use crate::i18n::Msg;
use crate::locale::Locale;
use leptos::prelude::*;

/// The short placeholder for a screen a later release fills in.
#[component]
pub fn ComingPanel(title: Msg) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <section class="panel coming" aria-labelledby="page-title">
            <h1 id="page-title">{move || locale.t(title)}</h1>
            <p class="muted">
                <strong>{move || locale.t(Msg::ComingTitle)}</strong>
                " · "
                {move || locale.t(Msg::Coming)}
            </p>
        </section>
    }
}

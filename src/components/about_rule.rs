//! "About this rule": where a rule a person just met comes from — the Microsoft page that
//! states it, with its words and its address, or that it is this demo's own choice, and why.
//! The sources are data beside the rules (`domain::sources`).

use crate::domain::sources::Source;
use crate::i18n::{Lang, Msg};
use crate::locale::Locale;
use leptos::prelude::*;

/// A disclosure under a rule's message; nothing while there is no rule to explain.
#[component]
pub fn AboutRule(
    /// The rule's source, if a rule is shown.
    #[prop(into)]
    source: Signal<Option<Source>>,
    /// Names the disclosure for tests and links (`{id}`).
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let locale = Locale::get();
    let body = move |source: Source| match source {
        Source::Microsoft { page, quote } => {
            let language = match locale.lang() {
                Lang::EnUs => "en-us",
                Lang::ZhCn => "zh-cn",
            };
            view! {
                <blockquote class="about-rule__quote">{locale.key(quote)}</blockquote>
                <p class="about-rule__page">
                    {locale.text(Msg::SourceFrom)} " "
                    <a href=page.url(language) target="_blank" rel="noopener noreferrer">
                        {locale.key(page.title_key())}
                    </a>
                </p>
            }
            .into_any()
        }
        Source::Ours { why } => view! {
            <p class="about-rule__ours">
                <strong>{locale.text(Msg::SourceOurs)}</strong>
                " "
                {locale.key(why)}
            </p>
        }
        .into_any(),
    };
    move || {
        source.get().map(|s| {
            view! {
                <details class="about-rule" id=id>
                    <summary>{locale.text(Msg::SourceAbout)}</summary>
                    {move || body(s)}
                </details>
            }
        })
    }
}

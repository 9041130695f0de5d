//! The eligibility verdict beside the email field and after sign-in: what was found, or
//! exactly which rule refused and what to do.

use crate::components::about_rule::AboutRule;
use crate::domain::sources::decision_source;
use crate::domain::{Decision, Verdict};
use crate::i18n::Msg;
use crate::locale::Locale;
use leptos::prelude::*;

/// The words a verdict's message may name.
#[derive(Clone, Default, PartialEq)]
pub struct VerdictArgs {
    pub domain: String,
    pub tenant: String,
    pub product: String,
}

/// A decision's message with its placeholders filled: the one wording of each rule.
pub fn decision_text(locale: Locale, decision: Decision, tenant: &str, product: &str) -> String {
    let country = match decision {
        Decision::MarketUnavailable(c) | Decision::ProductUnavailableInMarket(c) => {
            locale.country(c)
        }
        _ => String::new(),
    };
    crate::i18n::fill(
        locale.key(decision.message_key()),
        &[("domain", ""), ("tenant", tenant), ("product", product), ("country", &country)],
    )
}

#[component]
pub fn VerdictBanner(
    #[prop(into)] verdict: Signal<Option<Verdict>>,
    #[prop(into)] args: Signal<VerdictArgs>,
    /// Whether the verdict allows what the person asks for (a purchase, or a trial): a
    /// verdict that allows buying refuses a trial the organization cannot have.
    #[prop(into)]
    allowed: Signal<bool>,
) -> impl IntoView {
    let locale = Locale::get();
    let message = move || {
        let v = verdict.get()?;
        let a = args.get();
        let country = match v.decision {
            Decision::MarketUnavailable(c) | Decision::ProductUnavailableInMarket(c) => {
                locale.country(c)
            }
            _ => String::new(),
        };
        let text = locale.key(v.decision.message_key());
        Some(crate::i18n::fill(
            text,
            &[
                ("domain", &a.domain),
                ("tenant", &a.tenant),
                ("product", &a.product),
                ("country", &country),
            ],
        ))
    };
    let refused = move || verdict.with(Option::is_some) && !allowed.get();
    let rule = move || {
        verdict
            .get()
            .filter(|_| refused())
            .map(|v| locale.key(v.rule().key()))
    };
    let contact = move || verdict.get().is_some_and(|v| v.decision.contact_it_admin());
    // Where the refusing or limiting rule comes from; a memo, so the disclosure stays open
    // while the same rule decides keystroke after keystroke.
    let source = Memo::new(move |_| {
        verdict
            .get()
            .filter(|v| v.decision != Decision::Eligible)
            .map(|v| decision_source(v.decision))
    });
    view! {
        // One live region that stays in the page, so each new verdict is announced.
        <div
            id="verdict"
            class=move || match verdict.get() {
                None => "verdict verdict--empty",
                Some(_) if refused() => "verdict verdict--refused",
                Some(_) => "verdict verdict--ok",
            }
            role="status"
            aria-live="polite"
            data-rule=move || verdict.get().map(|v| format!("{:?}", v.rule()))
            data-decision=move || verdict.get().map(|v| v.decision.message_key())
        >
            <Show when=move || verdict.get().is_some()>
                <p class="verdict__message">
                    <span class="verdict__icon" aria-hidden="true">
                        {move || if refused() { "✕" } else { "✓" }}
                    </span>
                    {message}
                </p>
                <Show when=refused>
                    <p class="verdict__rule">
                        <span class="muted">{locale.text(Msg::RuleLabel)}": "</span>
                        <strong>{rule}</strong>
                        <Show when=contact>
                            " · "
                            <span class="verdict__contact">
                                {locale.text(Msg::VerdictContactAdmin)}
                            </span>
                        </Show>
                    </p>
                </Show>
            </Show>
        </div>
        <AboutRule source id="verdict-source" />
    }
}

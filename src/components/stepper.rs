//! The progress indicator above the checkout steps.

use crate::i18n::Msg;
use crate::locale::Locale;
use leptos::prelude::*;

#[component]
pub fn Stepper(
    #[prop(into)] steps: Signal<Vec<Msg>>,
    #[prop(into)] current: Signal<usize>,
) -> impl IntoView {
    let locale = Locale::get();
    view! {
        <nav class="stepper" aria-label=locale.text(Msg::StepsLabel)>
            <p class="visually-hidden">
                {move || {
                    locale
                        .tf(
                            Msg::StepOf,
                            &[
                                ("n", &(current.get() + 1).to_string()),
                                ("total", &steps.get().len().to_string()),
                            ],
                        )
                }}
            </p>
            <ol>
                {move || {
                    steps
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, label)| {
                            let state = move || match i.cmp(&current.get()) {
                                std::cmp::Ordering::Less => "stepper__step stepper__step--done",
                                std::cmp::Ordering::Equal => "stepper__step stepper__step--current",
                                std::cmp::Ordering::Greater => "stepper__step",
                            };
                            view! {
                                <li
                                    class=state
                                    aria-current=move || (i == current.get()).then_some("step")
                                >
                                    <span class="stepper__dot" aria-hidden="true">
                                        {i + 1}
                                    </span>
                                    <span class="stepper__label">{locale.text(label)}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </nav>
    }
}

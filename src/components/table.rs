//! A table's column headings, given as data.

use crate::i18n::Msg;
use crate::locale::Locale;
use leptos::prelude::*;

/// A column heading: its words and how the column is laid out.
#[derive(Clone, Copy)]
pub enum Col {
    /// Words, left-aligned.
    Text(Msg),
    /// A figure: right-aligned, so digits line up.
    Num(Msg),
    /// Hidden on a phone, where the row has no room for it.
    Wide(Msg),
    /// A column of buttons: its heading is for screen readers only.
    Unseen(Msg),
}

/// `<thead>` with one `<th scope="col">` per column.
#[component]
pub fn TableHead(cols: &'static [Col]) -> impl IntoView {
    let locale = Locale::get();
    let heading = move |&col: &Col| match col {
        Col::Text(m) => view! { <th scope="col">{locale.text(m)}</th> }.into_any(),
        Col::Num(m) => view! {
            <th scope="col" class="num">
                {locale.text(m)}
            </th>
        }
        .into_any(),
        Col::Wide(m) => view! {
            <th scope="col" class="hide-narrow">
                {locale.text(m)}
            </th>
        }
        .into_any(),
        Col::Unseen(m) => view! {
            <th scope="col">
                <span class="visually-hidden">{locale.text(m)}</span>
            </th>
        }
        .into_any(),
    };
    view! {
        <thead>
            <tr>{cols.iter().map(heading).collect_view()}</tr>
        </thead>
    }
}

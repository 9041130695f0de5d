//! Reusable pieces. A component takes signals and callbacks; only pages read context
//! (the locale is the one exception every piece of text needs).

pub mod panel;
pub mod top_bar;

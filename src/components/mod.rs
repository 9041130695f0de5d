//! Reusable pieces. A component takes signals and callbacks; the shell's pieces (top bar,
//! notice) read the store and session, and every piece reads the locale for its text.

pub mod a11y;
pub mod about_rule;
pub mod card_form;
pub mod command;
pub mod confirm;
pub mod count_field;
pub mod download;
pub mod field;
pub mod form_key;
pub mod lifecycle;
pub mod notice;
pub mod page_title;
pub mod stepper;
pub mod table;
pub mod top_bar;
pub mod verdict;

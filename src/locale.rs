//! The language in use, as a context every page reads its text through.

use crate::i18n::{fill, lookup, Lang, Msg};
use crate::store::prefs;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Locale {
    lang: RwSignal<Lang>,
}

impl Locale {
    pub fn new(lang: Lang) -> Self {
        Locale { lang: RwSignal::new(lang) }
    }

    /// Provides the locale found in storage or the browser, and keeps `<html lang>` in step.
    pub fn provide() -> Self {
        let locale = Locale::new(prefs::initial_lang());
        provide_context(locale);
        Effect::new(move |_| {
            let tag = locale.lang.get().tag();
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", tag);
            }
        });
        locale
    }

    pub fn get() -> Self {
        expect_context::<Locale>()
    }

    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    pub fn set(self, lang: Lang) {
        prefs::save_lang(lang);
        self.lang.set(lang);
    }

    /// A message in the current language (tracked: views repaint when it changes).
    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    /// A message with its `{placeholders}` filled.
    pub fn tf(self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill(self.t(msg), args)
    }

    /// A message named by the domain's key; the key itself if the catalog lacks it
    /// (a host test makes sure it never does).
    pub fn key(self, key: &'static str) -> &'static str {
        lookup(self.lang.get(), key).unwrap_or(key)
    }
}

/// The catalog message naming a product family.
pub fn family_msg(family: crate::domain::ProductFamily) -> Msg {
    use crate::domain::ProductFamily as F;
    match family {
        F::PowerPlatform => Msg::FamilyPowerPlatform,
        F::Project => Msg::FamilyProject,
        F::Visio => Msg::FamilyVisio,
        F::Teams => Msg::FamilyTeams,
        F::Windows365 => Msg::FamilyWindows365,
        F::Microsoft365 => Msg::FamilyMicrosoft365,
    }
}

//! Preferences that outlive a reload: the chosen language.

use crate::i18n::Lang;

const LANG_KEY: &str = "ssp.lang";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language the person chose before, if any.
pub fn saved_lang() -> Option<Lang> {
    local_storage()?
        .get_item(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|tag| Lang::from_tag(&tag))
}

pub fn save_lang(lang: Lang) {
    if let Some(storage) = local_storage() {
        // A full or blocked storage only costs the preference, never the page.
        let _ = storage.set_item(LANG_KEY, lang.tag());
    }
}

/// The browser's language preferences, most preferred first.
pub fn browser_langs() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}

/// The saved choice, else the browser's preference.
pub fn initial_lang() -> Lang {
    saved_lang().unwrap_or_else(|| {
        let tags = browser_langs();
        Lang::from_preferences(tags.iter().map(String::as_str))
    })
}

const COUNTRY_KEY: &str = "ssp.country";

/// The market a visitor chose on the catalog (before signing in).
pub fn saved_country() -> Option<crate::domain::Country> {
    let code = local_storage()?.get_item(COUNTRY_KEY).ok().flatten()?;
    crate::domain::Country::try_from(code.as_str()).ok()
}

pub fn save_country(country: crate::domain::Country) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(COUNTRY_KEY, country.code());
    }
}

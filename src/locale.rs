//! The language in use, as a context every page reads its text through.

use crate::domain::commands::Explanation;
use crate::i18n::{fill_count, fill_msg, lookup, texts, Lang, Msg};
use crate::store::error::DispatchError;
use crate::store::prefs;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// `Intl` formatters by language and kind (a currency code, or "date"): making one
    /// costs far more than formatting with it, and a grid formats hundreds of cells.
    static FORMATTERS: RefCell<HashMap<(Lang, &'static str), js_sys::Function>> = Default::default();
}

fn formatter(
    lang: Lang,
    kind: &'static str,
    make: impl FnOnce() -> js_sys::Function,
) -> js_sys::Function {
    FORMATTERS.with(|f| {
        f.borrow_mut()
            .entry((lang, kind))
            .or_insert_with(make)
            .clone()
    })
}

/// The decimal string goes in as a string, so no minor unit passes through a float.
fn format_money(lang: Lang, amount: crate::domain::Money) -> String {
    let currency = amount.currency().code();
    let format = formatter(lang, currency, || {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"style".into(), &"currency".into());
        let _ = js_sys::Reflect::set(&options, &"currency".into(), &currency.into());
        js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&lang.tag().into()), &options).format()
    });
    format
        .call1(
            &wasm_bindgen::JsValue::NULL,
            &amount.to_decimal_string().into(),
        )
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| amount.to_string())
}

fn format_date(lang: Lang, date: chrono::NaiveDate) -> String {
    let format = formatter(lang, "date", || {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into());
        js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&lang.tag().into()), &options)
            .format()
    });
    let millis = date
        .and_hms_opt(12, 0, 0)
        .map_or(0.0, |d| d.and_utc().timestamp_millis() as f64);
    format
        .call1(
            &wasm_bindgen::JsValue::NULL,
            &js_sys::Date::new(&millis.into()),
        )
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| date.to_string())
}

#[derive(Clone, Copy)]
pub struct Locale {
    lang: RwSignal<Lang>,
    /// A language chosen whose texts did not arrive: the page stays in the one it was in.
    failed: RwSignal<Option<Lang>>,
    /// The language found in storage or the browser when the page opened.
    wanted: Lang,
}

impl Locale {
    pub fn new(lang: Lang) -> Self {
        Locale {
            lang: RwSignal::new(lang),
            failed: RwSignal::new(None),
            wanted: lang,
        }
    }

    /// Provides the locale, and keeps `<html lang>` in step. It starts in the language found
    /// in storage or the browser if its texts are in, else in English until `arrive`.
    pub fn provide() -> Self {
        let wanted = prefs::initial_lang();
        let stand_in = !texts::ready(wanted);
        let locale = Locale {
            wanted,
            ..Locale::new(if stand_in { Lang::EnUs } else { wanted })
        };
        provide_context(locale);
        Effect::new(move |first: Option<()>| {
            let tag = locale.lang.get().tag();
            // index.html's boot script has set the wanted language already: no English
            // stand-in in between, unless its texts do not arrive.
            if first.is_none() && stand_in && locale.failed.get().is_none() {
                return;
            }
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", tag);
            }
        });
        locale
    }

    /// Switches to the language found in storage or the browser once its texts are in; the
    /// app's boot waits for it beside the world, so the first page is in that language.
    pub async fn arrive(self) {
        self.switch(self.wanted).await;
    }

    /// The page in `lang` once its texts are in; where they do not arrive, it stays.
    async fn switch(self, lang: Lang) {
        match crate::store::texts::load(lang).await {
            Ok(()) => self.show(lang),
            Err(_) => self.failed.set(Some(lang)),
        }
    }

    fn show(self, lang: Lang) {
        self.failed.set(None);
        self.lang.set(lang);
    }

    pub fn get() -> Self {
        expect_context::<Locale>()
    }

    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The person's choice: kept for the next visit, and the page in it once its texts are
    /// in (at once where they are compiled in or loaded before).
    pub fn set(self, lang: Lang) {
        prefs::save_lang(lang);
        if texts::ready(lang) {
            self.show(lang);
        } else {
            leptos::task::spawn_local(self.switch(lang));
        }
    }

    /// The language whose texts did not arrive, while the page says so.
    pub fn failed(self) -> Option<Lang> {
        self.failed.get()
    }

    /// Forgets a failed choice (the notice's Dismiss).
    pub fn dismiss_failure(self) {
        self.failed.set(None);
    }

    /// A message in the current language (tracked: views repaint when it changes).
    pub fn t(self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    /// A message as `view!` takes it, as a child or an attribute: text that follows the
    /// language (`{locale.text(Msg::Next)}`, `aria-label=locale.text(Msg::Menu)`).
    pub fn text(self, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(msg)
    }

    /// A message as a signal of owned text, for a prop that takes `Signal<String>` (a page's
    /// title).
    pub fn string(self, msg: Msg) -> Signal<String> {
        Signal::derive(move || self.t(msg).to_owned())
    }

    /// A message with its `{placeholders}` filled (one with plural forms takes `tn`).
    pub fn tf(self, msg: Msg, args: &[(&str, &str)]) -> String {
        fill_msg(self.lang.get(), msg, args)
    }

    /// A message with a count, in the form the count takes (`{name}` is the count's
    /// placeholder), its other placeholders filled.
    pub fn tn<N: TryInto<u64>>(
        self,
        msg: Msg,
        (name, count): (&str, N),
        args: &[(&str, &str)],
    ) -> String {
        let count = count.try_into().unwrap_or(u64::MAX);
        let n = count.to_string();
        let all: Vec<(&str, &str)> = std::iter::once((name, n.as_str()))
            .chain(args.iter().copied())
            .collect();
        fill_count(self.lang.get(), msg, count, &all)
    }

    /// A message named by the domain's key; the key itself if the catalog lacks it
    /// (a host test makes sure it never does).
    pub fn key(self, key: &'static str) -> &'static str {
        lookup(self.lang.get(), key).unwrap_or(key)
    }
}

impl Locale {
    /// Why something did not happen, in this language. Every error a person can meet goes
    /// through here: the domain's and the store's errors each name their message
    /// (`explanation`, one exhaustive match each), so none prints English `Display` text.
    pub fn reason(self, explanation: &Explanation) -> String {
        self.reason_kept(&explanation.into())
    }

    /// Why a refusal kept in the audit log happened, in this language.
    pub fn reason_kept(self, explanation: &crate::domain::commands::KeptExplanation) -> String {
        let lang = self.lang.get();
        let formats = crate::i18n::Formats {
            date: &|d| format_date(lang, d),
            money: &|m| format_money(lang, m),
        };
        crate::i18n::explain_kept(lang, explanation, &formats)
    }

    /// A failed action, as a sentence: "That didn't work: {reason}".
    pub fn explain(self, error: &DispatchError) -> String {
        self.tf(
            Msg::ActionFailed,
            &[("reason", &self.reason(&error.explanation()))],
        )
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
        F::ThirdParty => Msg::FamilyThirdParty,
    }
}

impl Locale {
    /// An amount in the current language's format, through the browser's `Intl`.
    pub fn money(self, amount: crate::domain::Money) -> String {
        format_money(self.lang.get(), amount)
    }

    /// A country's name, from the catalog's country messages (the code if it has none).
    pub fn country(self, country: crate::domain::Country) -> String {
        lookup(self.lang.get(), &format!("country.{}", country.code()))
            .map_or_else(|| country.code().to_owned(), str::to_owned)
    }
}

impl Locale {
    /// Makes this language's date and money formatters ahead of need. The browser loads a
    /// language's calendar and number data the first time one is made (tens of
    /// milliseconds); done when the page is idle, that cost leaves the first grid a person
    /// opens. One currency loads the number data every currency shares.
    pub fn warm_formatters(self) {
        let lang = self.lang.get_untracked();
        let warm = move || {
            let _ = format_date(lang, chrono::NaiveDate::MIN);
            let _ = format_money(
                lang,
                crate::domain::Money::zero(crate::domain::Currency::USD),
            );
        };
        // WebKit (every iPhone browser) has no requestIdleCallback, and Leptos's helper
        // then quietly does nothing: a short timeout stands in for the idle moment there.
        if request_idle_callback_with_handle(warm).is_err() {
            set_timeout(warm, std::time::Duration::from_millis(100));
        }
    }

    /// A calendar date in the current language, through `Intl` (as UTC, so it never shifts).
    pub fn date(self, date: chrono::NaiveDate) -> String {
        format_date(self.lang.get(), date)
    }
}

impl Locale {
    /// Admin roles by name, in this language: "Global admin, Billing admin".
    pub fn roles(self, roles: &[crate::domain::Role]) -> String {
        roles
            .iter()
            .map(|r| self.t(role_msg(*r)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A language's name, as the language switch lists it (each in its own words).
pub fn lang_msg(lang: Lang) -> Msg {
    match lang {
        Lang::EnUs => Msg::LanguageEnglish,
        Lang::ZhCn => Msg::LanguageChinese,
    }
}

/// The catalog message naming an admin role.
pub fn role_msg(role: crate::domain::Role) -> Msg {
    Msg::from_key(role.message_key()).unwrap_or(Msg::RoleGlobalAdmin)
}

/// The admin center's words for a policy value.
pub fn policy_msg(value: crate::domain::PolicyValue) -> Msg {
    use crate::domain::PolicyValue;
    match value {
        PolicyValue::Enabled => Msg::PolicyEnabled,
        PolicyValue::OnlyTrialsWithoutPaymentMethod => Msg::PolicyTrialsOnly,
        PolicyValue::Disabled => Msg::PolicyDisabled,
    }
}

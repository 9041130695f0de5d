//! The admin center's top bar: launcher, app name, organization, person, language.

use crate::i18n::{Lang, Msg};
use crate::locale::Locale;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TopBar() -> impl IntoView {
    let locale = Locale::get();
    view! {
        <header class="top-bar" role="banner">
            <AppLauncher/>
            <A href="/" attr:class="app-name">{move || locale.t(Msg::AppName)}</A>
            <div class="top-bar__spacer"></div>
            <div class="top-bar__who">
                <span class="top-bar__tenant" title=move || locale.t(Msg::TenantLabel)>{move || locale.t(Msg::NoTenant)}</span>
                <span class="top-bar__person" title=move || locale.t(Msg::AccountLabel)>
                    <span class="avatar" aria-hidden="true">"?"</span>
                    <span class="top-bar__person-name">{move || locale.t(Msg::NotSignedIn)}</span>
                </span>
            </div>
            <LanguageSwitch/>
        </header>
        <p class="demo-notice" role="note">{move || locale.t(Msg::DemoNotice)}</p>
    }
}

/// The waffle menu with the Admin tile, as in every Microsoft 365 app.
#[component]
fn AppLauncher() -> impl IntoView {
    let locale = Locale::get();
    let (open, set_open) = signal(false);
    let close = move |_| set_open.set(false);
    view! {
        <div class="launcher">
            <button
                type="button"
                class="launcher__button"
                aria-haspopup="true"
                aria-expanded=move || open.get().to_string()
                aria-controls="launcher-menu"
                aria-label=move || locale.t(Msg::AppLauncher)
                on:click=move |_| set_open.update(|o| *o = !*o)
            >
                <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                    <g fill="currentColor">
                        <rect x="1" y="1" width="4" height="4"/><rect x="8" y="1" width="4" height="4"/><rect x="15" y="1" width="4" height="4"/>
                        <rect x="1" y="8" width="4" height="4"/><rect x="8" y="8" width="4" height="4"/><rect x="15" y="8" width="4" height="4"/>
                        <rect x="1" y="15" width="4" height="4"/><rect x="8" y="15" width="4" height="4"/><rect x="15" y="15" width="4" height="4"/>
                    </g>
                </svg>
            </button>
            <Show when=move || open.get()>
                <nav
                    id="launcher-menu"
                    class="launcher__menu"
                    aria-label=move || locale.t(Msg::LauncherTitle)
                    on:keydown=move |ev| if ev.key() == "Escape" { set_open.set(false) }
                >
                    <h2 class="launcher__title">{move || locale.t(Msg::LauncherTitle)}</h2>
                    <ul>
                        <li><A href="/admin" attr:class="tile tile--admin" on:click=close>
                            <span class="tile__icon" aria-hidden="true">"A"</span>
                            {move || locale.t(Msg::LauncherAdmin)}
                        </A></li>
                        <li><A href="/" attr:class="tile tile--store" on:click=close>
                            <span class="tile__icon" aria-hidden="true">"S"</span>
                            {move || locale.t(Msg::LauncherStore)}
                        </A></li>
                    </ul>
                </nav>
            </Show>
        </div>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let locale = Locale::get();
    let label = |lang: Lang| match lang {
        Lang::EnUs => Msg::LanguageEnglish,
        Lang::ZhCn => Msg::LanguageChinese,
    };
    view! {
        <label class="lang-switch">
            <span class="visually-hidden">{move || locale.t(Msg::LanguageLabel)}</span>
            <select
                id="lang-switch"
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                        locale.set(lang);
                    }
                }
                prop:value=move || locale.lang().tag()
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| view! {
                        <option value=lang.tag() selected=move || locale.lang() == lang>
                            {move || locale.t(label(lang))}
                        </option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

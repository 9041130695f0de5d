//! The admin center's top bar: launcher, app name, organization, person, language.

use crate::domain::principal;
use crate::i18n::{Lang, Msg};
use crate::locale::{lang_msg, Locale};
use crate::store::browser::Store;
use crate::store::session::Session;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

#[component]
pub fn TopBar() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let who = session.signed_in(store);
    let location = use_location();
    let navigate = use_navigate();
    let sign_in_href = move || {
        let here = location.pathname.get();
        if here == "/signin" {
            "/signin".to_owned()
        } else {
            format!("/signin?next={here}")
        }
    };
    let sign_out = move |_| {
        session.set(None);
        navigate("/", Default::default());
    };
    view! {
        <header class="top-bar">
            <AppLauncher />
            <A href="/" attr:class="app-name">
                {locale.text(Msg::AppName)}
            </A>
            <div class="top-bar__spacer"></div>
            <div class="top-bar__who">
                <span class="top-bar__tenant" title=locale.text(Msg::TenantLabel)>
                    {move || {
                        who.get()
                            .map_or_else(|| locale.t(Msg::NoTenant).to_owned(), |(_, t)| t.name)
                    }}
                </span>
                <Show
                    when=move || who.read().is_some()
                    fallback=move || {
                        view! {
                            <A href=sign_in_href attr:class="top-bar__signin">
                                {locale.text(Msg::SignIn)}
                            </A>
                        }
                    }
                >
                    <span class="top-bar__person" title=locale.text(Msg::AccountLabel)>
                        <span class="avatar" aria-hidden="true">
                            {move || who.get().map(|(u, _)| initials(&u.display_name))}
                        </span>
                        <span class="top-bar__person-name">
                            {move || who.get().map(|(u, _)| u.display_name)}
                        </span>
                    </span>
                    <button type="button" class="top-bar__signout" on:click=sign_out.clone()>
                        {locale.text(Msg::SignOut)}
                    </button>
                </Show>
            </div>
            <LanguageSwitch />
        </header>
        // A landmark of its own, so no content sits outside one.
        <aside class="demo-notice" aria-label=locale.text(Msg::DemoControlsLink)>
            {locale.text(Msg::DemoNotice)}
            " "
            <A href="/demo">{locale.text(Msg::DemoControlsLink)}</A>
        </aside>
        <DelegationBar />
    }
}

/// For a partner acting in a customer tenant: a strip under the bar, at every width,
/// naming the customer and the delegated roles, with the (always explicit) way to switch.
#[component]
fn DelegationBar() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    // The roles as the rules see them (`principal`), only when acting for a customer.
    let delegated = Memo::new(move |_| {
        let actor = session.actor()?;
        store.state.with(|s| {
            let p = principal(&s.directory, &actor)
                .ok()
                .filter(|p| p.delegated)?;
            Some((s.directory.tenant(&actor.tenant)?.name.clone(), p.roles))
        })
    });
    move || {
        delegated.get().map(|(tenant, roles)| {
            view! {
                <aside class="delegation-bar" aria-label=locale.text(Msg::CustomersTitle)>
                    <span id="acting-for">
                        {move || {
                            locale
                                .tf(
                                    Msg::ActingFor,
                                    &[("tenant", &tenant), ("role", &locale.roles(&roles))],
                                )
                        }}
                    </span>
                    " "
                    <A href="/admin/customers" attr:id="switch-customer">
                        {locale.text(Msg::CustomerSwitch)}
                    </A>
                </aside>
            }
        })
    }
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect()
}

/// The waffle menu with the Admin tile, as in every Microsoft 365 app.
#[component]
fn AppLauncher() -> impl IntoView {
    let locale = Locale::get();
    let access = Session::get().admin_access(Store::get());
    let (open, set_open) = signal(false);
    let close = move |_| set_open.set(false);
    let launcher = NodeRef::<leptos::html::Div>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    // Tabbing out of the launcher closes it: at 390 px it would cover the next control.
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        use wasm_bindgen::JsCast;
        let next = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let inside = launcher
            .get_untracked()
            .is_some_and(|l| next.as_ref().is_some_and(|n| l.contains(Some(n))));
        if next.is_some() && !inside {
            set_open.set(false);
        }
    };
    view! {
        <div class="launcher" node_ref=launcher on:focusout=on_focusout>
            <button
                type="button"
                class="launcher__button"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls="launcher-menu"
                aria-label=locale.text(Msg::AppLauncher)
                on:click=move |_| set_open.update(|o| *o = !*o)
            >
                <svg
                    width="20"
                    height="20"
                    viewBox="0 0 20 20"
                    aria-hidden="true"
                    focusable="false"
                >
                    <g fill="currentColor">
                        <rect x="1" y="1" width="4" height="4" />
                        <rect x="8" y="1" width="4" height="4" />
                        <rect x="15" y="1" width="4" height="4" />
                        <rect x="1" y="8" width="4" height="4" />
                        <rect x="8" y="8" width="4" height="4" />
                        <rect x="15" y="8" width="4" height="4" />
                        <rect x="1" y="15" width="4" height="4" />
                        <rect x="8" y="15" width="4" height="4" />
                        <rect x="15" y="15" width="4" height="4" />
                    </g>
                </svg>
            </button>
            <Show when=move || open.get()>
                <nav
                    id="launcher-menu"
                    class="launcher__menu"
                    aria-label=locale.text(Msg::LauncherTitle)
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            set_open.set(false);
                            if let Some(b) = button.get_untracked() {
                                let _ = b.focus();
                            }
                        }
                    }
                >
                    <h2 class="launcher__title">{locale.text(Msg::LauncherTitle)}</h2>
                    <ul>
                        // No Admin tile for someone the admin center has nothing for.
                        <Show when=move || {
                            access.get() != Some(crate::domain::views::AdminAccess::NothingToManage)
                        }>
                            <li>
                                <A href="/admin" attr:class="tile tile--admin" on:click=close>
                                    <span class="tile__icon" aria-hidden="true">
                                        "A"
                                    </span>
                                    {locale.text(Msg::LauncherAdmin)}
                                </A>
                            </li>
                        </Show>
                        <li>
                            <A href="/" attr:class="tile tile--store" on:click=close>
                                <span class="tile__icon" aria-hidden="true">
                                    "S"
                                </span>
                                {locale.text(Msg::LauncherStore)}
                            </A>
                        </li>
                    </ul>
                </nav>
            </Show>
        </div>
    }
}

#[component]
fn LanguageSwitch() -> impl IntoView {
    let locale = Locale::get();
    view! {
        <label class="lang-switch">
            <span class="visually-hidden">{locale.text(Msg::LanguageLabel)}</span>
            <select
                id="lang-switch"
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                        locale.set(lang);
                    }
                }
                prop:value=move || {
                    let _ = locale.failed();
                    locale.lang().tag()
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option value=lang.tag() selected=move || locale.lang() == lang>
                                {move || locale.t(lang_msg(lang))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

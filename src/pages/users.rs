//! `/admin/users`: the tenant's people; a Global admin blocks sign-in or deletes an account.
//! A purchaser who leaves keeps their subscriptions active for their users.

use crate::components::field::SearchField;
use crate::components::page_title::PageTitle;
use crate::components::table::{Col, TableHead};
use crate::domain::commands::Command;
use crate::domain::directory::{AccountKind, AccountStatus};
use crate::domain::{authz, may, Subject, UserId};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use crate::store::session::Session;
use leptos::prelude::*;

/// Rows shown at once; the search narrows the rest.
const PAGE: usize = 100;

/// A person as the page lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Person {
    id: UserId,
    name: String,
    email: String,
    kind: AccountKind,
    status: AccountStatus,
    /// Bought a self-service subscription.
    purchaser: bool,
}

impl Person {
    /// "Active · Guest · Self-service purchaser", in the current language.
    fn account(&self, locale: Locale) -> String {
        let status = match self.status {
            AccountStatus::Active => Msg::UserActive,
            AccountStatus::Disabled => Msg::UserDisabled,
            AccountStatus::Deleted => Msg::UserDeleted,
        };
        let mut parts = vec![locale.t(status)];
        if self.kind == AccountKind::Guest {
            parts.push(locale.t(Msg::GuestLabel));
        }
        if self.purchaser {
            parts.push(locale.t(Msg::IsPurchaser));
        }
        parts.join(" · ")
    }
}

/// The users table: name, email, account state, and the buttons that change it.
const USER_COLUMNS: &[Col] = {
    use {Col::*, Msg::*};
    &[Text(ColName), Text(ColEmail), Text(ColAccount), Unseen(Manage)]
};
/// Capacity per product: licenses bought self-service, and centrally.
const CAPACITY_COLUMNS: &[Col] = {
    use {Col::*, Msg::*};
    &[Text(ColProduct), Num(ColSelfService), Num(ColCentral)]
};

#[component]
pub fn UsersPage() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let search = RwSignal::new(String::new());
    let people = Memo::new(move |_| {
        let Some(actor) = session.actor() else {
            return Vec::new();
        };
        let needle = search.get().trim().to_lowercase();
        store.state.with(|s| {
            // One pass over the subscriptions, not one per person shown.
            let purchasers: std::collections::HashSet<&UserId> = s
                .subscriptions
                .iter()
                .filter(|x| x.is_self_service())
                .filter_map(|x| x.purchaser.as_ref())
                .collect();
            s.directory
                .members_of(&actor.tenant)
                .filter(|u| {
                    needle.is_empty()
                        || u.display_name.to_lowercase().contains(&needle)
                        || u.email.as_str().contains(&needle)
                })
                .take(PAGE)
                .map(|u| Person {
                    id: u.id.clone(),
                    name: u.display_name.clone(),
                    email: u.email.to_string(),
                    kind: u.kind,
                    status: u.status,
                    purchaser: purchasers.contains(&u.id),
                })
                .collect::<Vec<_>>()
        })
    });
    let can_manage = Memo::new(move |_| {
        session.actor().is_some_and(|a| {
            store.state.with(|s| {
                may(
                    &s.directory,
                    &a,
                    authz::Action::ManageUsers,
                    Subject::Tenant(&a.tenant),
                )
                .is_ok()
            })
        })
    });
    let set_status = Action::new_local(move |(user, status): &(UserId, AccountStatus)| {
        let (user, status) = (user.clone(), *status);
        async move {
            let actor = session
                .actor_untracked()
                .ok_or(DispatchError::NotSignedIn)?;
            store
                .dispatch(actor, Command::SetAccountStatus { user, status })
                .await
                .map(|_| ())
        }
    });
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::UsersTitle) />
            <p class="muted">{locale.text(Msg::LeaveNote)}</p>
            <Show when=move || !can_manage.get()>
                <p class="message-bar message-bar--info" role="note">
                    {locale.text(Msg::ReadOnlyRole)}
                </p>
            </Show>
            <SearchField id="users-search" label=Msg::SearchUsers value=search />
            <p class="field-error" role="alert">
                {move || {
                    set_status.value().get().and_then(Result::err).map(|e| locale.explain(&e))
                }}
            </p>
            <div class="table-scroll">
                <table class="grid grid--cards" id="users">
                    <TableHead cols=USER_COLUMNS />
                    <tbody>
                        <For
                            each=move || people.get()
                            key=|p| p.id.clone()
                            children=move |p| {
                                view! { <PersonRow id=p.id people can_manage set_status /> }
                            }
                        />
                    </tbody>
                </table>
            </div>
            <p id="users-none" class="muted" aria-live="polite">
                {move || {
                    people
                        .with(Vec::is_empty)
                        .then(|| locale.tf(Msg::NobodyMatchesUsers, &[("query", &search.get())]))
                }}
            </p>
        </section>
    }
}

/// One person, keyed by ID: a change of their account updates the row in place.
#[component]
fn PersonRow(
    id: UserId,
    people: Memo<Vec<Person>>,
    can_manage: Memo<bool>,
    set_status: Action<(UserId, AccountStatus), Result<(), DispatchError>>,
) -> impl IntoView {
    let locale = Locale::get();
    let id = StoredValue::new(id);
    let person = Memo::new(move |_| {
        people.with(|ps| ps.iter().find(|p| id.with_value(|id| p.id == *id)).cloned())
    });
    let field = move |f: fn(&Person) -> String| move || person.with(|p| p.as_ref().map(f));
    let active = move || {
        person.with(|p| {
            p.as_ref()
                .is_some_and(|p| p.status == AccountStatus::Active)
        })
    };
    let set = move |status| set_status.dispatch((id.get_value(), status));
    view! {
        <tr>
            <th scope="row">{field(|p| p.name.clone())}</th>
            <td data-label=locale.text(Msg::ColEmail)>{field(|p| p.email.clone())}</td>
            <td data-label=move || {
                locale.t(Msg::ColAccount)
            }>{move || person.with(|p| p.as_ref().map(|p| p.account(locale)))}</td>
            <td>
                <Show when=move || {
                    can_manage.get() && active()
                }>
                    {[
                        (AccountStatus::Disabled, "button", Msg::Disable),
                        (AccountStatus::Deleted, "button button--danger", Msg::RemoveUser),
                    ]
                        .map(|(status, class, words)| {
                            view! {
                                <button
                                    type="button"
                                    class=class
                                    on:click=move |_| {
                                        set(status);
                                    }
                                >
                                    {locale.text(words)}
                                </button>
                                " "
                            }
                        })}
                </Show>
            </td>
        </tr>
    }
}

#[component]
pub fn CapacityPage() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let rows = Memo::new(move |_| {
        let Some(actor) = session.actor() else {
            return Vec::new();
        };
        let catalog = store.catalog();
        store
            .state
            .with(|s| crate::domain::views::power_platform_capacity(s, &catalog, &actor.tenant))
    });
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::CapacityTitle) />
            <p class="message-bar message-bar--info" role="note" id="capacity-where">
                {locale.text(Msg::CapacityWhere)}
            </p>
            <p class="muted">{locale.text(Msg::CapacityIntro)}</p>
            <table class="grid" id="capacity">
                <TableHead cols=CAPACITY_COLUMNS />
                <tbody>
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|(_, name, ss, central)| {
                                view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        <td class="num">{ss}</td>
                                        <td class="num">{central}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </section>
    }
}

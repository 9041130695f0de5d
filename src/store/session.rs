//! Who is signed in, in this tab: kept in sessionStorage so a reload keeps it and
//! another tab may sign in as someone else.

use super::browser::Store;
use crate::domain::views::{self, AdminAccess};
use crate::domain::{Actor, Tenant, User};
use leptos::prelude::*;

const SESSION_KEY: &str = "ssp.session";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn load() -> Option<Actor> {
    let raw = session_storage()?.get_item(SESSION_KEY).ok().flatten()?;
    serde_json::from_str(&raw).ok()
}

fn save(actor: Option<&Actor>) {
    let Some(storage) = session_storage() else {
        return;
    };
    let _ = match actor.and_then(|a| serde_json::to_string(a).ok()) {
        Some(json) => storage.set_item(SESSION_KEY, &json),
        None => storage.remove_item(SESSION_KEY),
    };
}

/// The signed-in person and the tenant they act in.
#[derive(Clone, Copy)]
pub struct Session {
    actor: RwSignal<Option<Actor>>,
}

impl Session {
    pub fn provide() -> Session {
        let session = Session {
            actor: RwSignal::new(load()),
        };
        provide_context(session);
        session
    }

    pub fn get() -> Session {
        expect_context::<Session>()
    }

    pub fn actor(self) -> Option<Actor> {
        self.actor.get()
    }

    pub fn actor_untracked(self) -> Option<Actor> {
        self.actor.get_untracked()
    }

    pub fn set(self, actor: Option<Actor>) {
        save(actor.as_ref());
        self.actor.set(actor);
    }

    /// The signed-in person and the tenant they act in, from the current directory.
    pub fn signed_in(self, store: Store) -> Memo<Option<(User, Tenant)>> {
        Memo::new(move |_| {
            let actor = self.actor()?;
            store.state.with(|s| {
                let user = s.directory.user(&actor.user)?.clone();
                let tenant = s.directory.tenant(&actor.tenant)?.clone();
                Some((user, tenant))
            })
        })
    }

    /// What the signed-in person may see in the admin center (`None`: signed out),
    /// decided in the domain.
    pub fn admin_access(self, store: Store) -> Memo<Option<AdminAccess>> {
        Memo::new(move |_| {
            let actor = self.actor()?;
            Some(store.state.with(|s| views::admin_access(s, &actor)))
        })
    }

    /// Whether the signed-in person holds any delegation (a partner).
    pub fn is_partner(self, store: Store) -> Memo<bool> {
        Memo::new(move |_| {
            self.actor().is_some_and(|a| {
                store.state.with(|s| {
                    s.directory
                        .user(&a.user)
                        .is_some_and(|u| !u.delegations.is_empty())
                })
            })
        })
    }
}

//! Who holds a license: the people picker and the assigned people, with unassign.

use super::actor;
use crate::components::a11y::FocusPlan;
use crate::components::command::use_command;
use crate::components::confirm::ConfirmBar;
use crate::components::form_key::FormKey;
use crate::domain::commands::{AssignRefusal, Command, DomainError};
use crate::domain::directory::Email;
use crate::domain::subscription::SubscriptionId;
use crate::domain::{views, UserId};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use leptos::prelude::*;

fn refusal_msg(r: AssignRefusal) -> Msg {
    match r {
        AssignRefusal::UnknownUser => Msg::RefusalUnknown,
        AssignRefusal::OtherTenant => Msg::RefusalOtherTenant,
        AssignRefusal::Guest => Msg::RefusalGuest,
        AssignRefusal::Inactive => Msg::RefusalInactive,
        AssignRefusal::AlreadyAssigned => Msg::RefusalAlreadyAssigned,
        AssignRefusal::Duplicate => Msg::RefusalDuplicate,
    }
}

/// The people picker's state: what is typed, the people it finds in one's own tenant, a
/// typed address (which may name someone elsewhere), and the people chosen so far.
#[derive(Clone, Copy)]
struct Picker {
    query: RwSignal<String>,
    chosen: RwSignal<Vec<(UserId, String)>>,
    results: Memo<Option<Vec<(UserId, String, String)>>>,
    typed: Memo<Option<(UserId, String)>>,
}

impl Picker {
    fn new() -> Self {
        let store = Store::get();
        let query = RwSignal::new(String::new());
        let results = Memo::new(move |_| {
            let tenant = actor()?.tenant;
            let q = query.get();
            Some(store.state.with(|s| {
                views::people_matching(&s.directory, &tenant, &q, 8)
                    .into_iter()
                    .map(|u| (u.id.clone(), u.display_name.clone(), u.email.to_string()))
                    .collect::<Vec<_>>()
            }))
        });
        let typed = Memo::new(move |_| {
            let email = Email::try_from(query.get().as_str()).ok()?;
            let known = store.state.with(|s| {
                s.directory
                    .users
                    .iter()
                    .find(|u| u.email == email)
                    .map(|u| (u.id.clone(), u.email.to_string()))
            });
            known.or_else(|| Some((UserId(format!("unknown:{email}")), email.to_string())))
        });
        Picker {
            query,
            chosen: RwSignal::new(Vec::new()),
            results,
            typed,
        }
    }

    fn choose(self, id: UserId, label: String) {
        self.chosen.update(|c| {
            if !c.iter().any(|(x, _)| *x == id) {
                c.push((id, label))
            }
        });
        self.query.set(String::new());
        // The results close: focus stays in the search, for the next person.
        FocusPlan::now().focus_next_frame("people-search");
    }

    /// The typed address, unless the results already show that person.
    fn typed_elsewhere(self) -> Option<(UserId, String)> {
        self.typed.get().filter(|(id, _)| {
            self.results
                .with(|r| r.as_ref().is_none_or(|r| !r.iter().any(|(x, ..)| x == id)))
        })
    }

    fn label_of(self, id: &UserId) -> String {
        self.chosen.with(|c| {
            c.iter()
                .find(|(x, _)| x == id)
                .map_or_else(|| id.0.clone(), |(_, l)| l.clone())
        })
    }
}

/// The people picker: search one's own tenant, or type any address; at most 20 at once.
#[component]
pub(super) fn AssignPanel(sub: SubscriptionId) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let picker = Picker::new();
    let form = FormKey::new();
    let assign = Action::new_local(move |users: &Vec<UserId>| {
        let n = users.len();
        // The key is read now, at the click: a second click before this one finishes
        // carries the same key, and the domain assigns once.
        let command = Command::Assign {
            subscription: sub.clone(),
            users: users.clone(),
        };
        let submission = form.submit(command);
        async move {
            let actor = actor().ok_or(DispatchError::NotSignedIn)?;
            store.dispatch(actor, submission).await?;
            form.renew();
            // Done here, not in an Effect on the result: the chips empty with the outcome.
            picker.chosen.set(Vec::new());
            Ok(n)
        }
    });
    view! {
        <section class="panel" aria-labelledby="assign-title">
            <h2 id="assign-title">{locale.text(Msg::AssignHeading)}</h2>
            <p class="muted">{locale.text(Msg::AssignIntro)}</p>
            <PeopleSearch picker />
            <Show when=move || picker.chosen.with(|c| !c.is_empty())>
                <ChosenPeople picker assign />
            </Show>
            <AssignOutcome picker assign />
        </section>
    }
}

/// The search box, what it finds, and a typed address to add as it is.
#[component]
fn PeopleSearch(picker: Picker) -> impl IntoView {
    let locale = Locale::get();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            if let Some((id, email)) = picker.typed.get_untracked() {
                picker.choose(id, email)
            }
        }
    };
    let nobody = move || {
        let q = picker.query.get();
        let none = !q.trim().is_empty()
            && picker
                .results
                .with(|r| r.as_ref().is_none_or(Vec::is_empty))
            && picker.typed.with(Option::is_none);
        none.then(|| locale.tf(Msg::NobodyMatches, &[("query", &q)]))
    };
    let add_typed = move || {
        picker.typed_elsewhere().map(|(id, email)| {
            let words = locale.tf(Msg::AddAddress, &[("email", &email)]);
            view! { <PersonButton picker id label=email words /> }
        })
    };
    view! {
        <div class="field">
            <label for="people-search">{locale.text(Msg::SearchPeople)}</label>
            <input
                id="people-search"
                type="search"
                autocomplete="off"
                aria-controls="people-results"
                prop:value=picker.query
                on:input=move |ev| picker.query.set(event_target_value(&ev))
                on:keydown=on_key
            />
        </div>
        <ul id="people-results" class="people-results" aria-label=locale.text(Msg::SearchPeople)>
            <For
                each=move || picker.results.get().unwrap_or_default()
                key=|(id, ..)| id.clone()
                children=move |(id, name, email)| {
                    let label = format!("{name} <{email}>");
                    view! { <PersonButton picker id label=label.clone() words=label /> }
                }
            />
            {add_typed}
        </ul>
        <p id="people-none" class="muted" aria-live="polite">
            {nobody}
        </p>
    }
}

/// A person to choose, as the picker lists them.
#[component]
fn PersonButton(picker: Picker, id: UserId, label: String, words: String) -> impl IntoView {
    let (id, label) = (StoredValue::new(id), StoredValue::new(label));
    view! {
        <li>
            <button
                type="button"
                class="link-button"
                on:click=move |_| picker.choose(id.get_value(), label.get_value())
            >
                {words}
            </button>
        </li>
    }
}

/// The people chosen, each removable, and the button that assigns them all.
#[component]
fn ChosenPeople(
    picker: Picker,
    assign: Action<Vec<UserId>, Result<usize, DispatchError>>,
) -> impl IntoView {
    let locale = Locale::get();
    let chosen = picker.chosen;
    let send = move |_| {
        let users = chosen.with_untracked(|c| c.iter().map(|(id, _)| id.clone()).collect());
        assign.dispatch(users);
    };
    view! {
        <p>{move || locale.tf(Msg::Chosen, &[("n", &chosen.with(Vec::len).to_string())])}</p>
        <ul class="chips" id="chosen">
            <For
                each=move || chosen.get()
                key=|(id, _)| id.clone()
                children=move |(id, label)| {
                    let name = label.clone();
                    view! {
                        <li class="chip">
                            {label}
                            <button
                                type="button"
                                aria-label=move || locale.tf(Msg::Remove, &[("name", &name)])
                                on:click=move |_| chosen.update(|c| c.retain(|(x, _)| *x != id))
                            >
                                "×"
                            </button>
                        </li>
                    }
                }
            />
        </ul>
        <button
            type="button"
            id="assign-button"
            class="button button--primary"
            disabled=move || assign.pending().get()
            on:click=send
        >
            {move || locale.tn(Msg::AssignButton, ("n", chosen.with(Vec::len)), &[])}
        </button>
    }
}

/// How the assignment ended: how many were assigned, or each refused person with why.
#[component]
fn AssignOutcome(
    picker: Picker,
    assign: Action<Vec<UserId>, Result<usize, DispatchError>>,
) -> impl IntoView {
    let locale = Locale::get();
    let refused = move |e: DispatchError| match e {
        DispatchError::Domain(DomainError::AssigneesRefused(list)) => {
            let people = list
                .into_iter()
                .map(|(id, why)| {
                    let name = picker.label_of(&id);
                    view! { <li>{name}" — "{locale.t(refusal_msg(why))}</li> }
                })
                .collect_view();
            view! {
                <div class="field-error" role="alert">
                    <p>{locale.t(Msg::RefusedPeople)}</p>
                    <ul id="assign-refusals">{people}</ul>
                </div>
            }
            .into_any()
        }
        e => view! {
            <p class="field-error" role="alert">
                {assign_refusal(locale, &e)}
            </p>
        }
        .into_any(),
    };
    move || {
        assign.value().get().map(|ended| match ended {
            Ok(n) => {
                let words = locale.tn(Msg::AssignedDone, ("n", n), &[]);
                view! {
                    <p class="outcome" role="status">
                        {words}
                    </p>
                }
                .into_any()
            }
            Err(e) => refused(e),
        })
    }
}

/// A refusal of the whole assignment, in words.
fn assign_refusal(locale: Locale, e: &DispatchError) -> String {
    match e {
        DispatchError::Domain(DomainError::TooManyAtOnce { given }) => {
            locale.tf(Msg::TooManyAtOnce, &[("n", &given.to_string())])
        }
        DispatchError::Domain(DomainError::NotEnoughLicenses {
            available,
            requested,
        }) => locale.tf(
            Msg::NotEnoughLicenses,
            &[("available", &available.to_string()), ("requested", &requested.to_string())],
        ),
        e => locale.explain(e),
    }
}

#[component]
pub(super) fn AssignedPeople(sub: SubscriptionId, product: String, active: bool) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let id = sub.clone();
    let people = Memo::new(move |_| {
        store.state.with(|s| {
            let Some(x) = s.subscription(&id) else {
                return Vec::new();
            };
            x.assigned
                .iter()
                .map(|u| {
                    let name = s
                        .directory
                        .user(u)
                        .map_or_else(|| u.0.clone(), |u| u.display_name.clone());
                    (u.clone(), name)
                })
                .collect::<Vec<_>>()
        })
    });
    let sid = StoredValue::new(sub);
    let product = StoredValue::new(product);
    view! {
        <section class="panel" aria-labelledby="assigned-title">
            <h2 id="assigned-title">{locale.text(Msg::AssignedPeople)}</h2>
            <Show
                when=move || people.with(|p| !p.is_empty())
                fallback=move || {
                    view! { <p class="muted">{locale.text(Msg::NobodyAssigned)}</p> }
                }
            >
                <ul class="people" id="assigned">
                    <For
                        each=move || people.get()
                        key=|(id, _)| id.clone()
                        children=move |(id, name)| {
                            view! {
                                <AssignedRow
                                    id
                                    name
                                    product=product.get_value()
                                    active
                                    subscription=sid.get_value()
                                />
                            }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}

#[component]
pub(super) fn AssignedRow(
    id: UserId,
    name: String,
    product: String,
    active: bool,
    subscription: SubscriptionId,
) -> impl IntoView {
    let locale = Locale::get();
    // Each row its own form: unassigning one person, then another at once, are two intents.
    let unassign = use_command();
    let subscription = StoredValue::new(subscription);
    let id = StoredValue::new(id);
    let (name, product) = (StoredValue::new(name), StoredValue::new(product));
    // The row's own state: whether it is asking to confirm.
    let asking = RwSignal::new(false);
    let question = move || {
        locale.tf(
            Msg::UnassignConfirm,
            &[("name", &name.get_value()), ("product", &product.get_value())],
        )
    };
    let confirm = move |()| {
        let (subscription, user) = (subscription.get_value(), id.get_value());
        unassign.send(Command::Unassign { subscription, user });
        asking.set(false);
    };
    view! {
        <li>
            <span>{name.get_value()}</span>
            <Show when=move || active && !asking.get()>
                <button type="button" class="button" on:click=move |_| asking.set(true)>
                    {locale.text(Msg::Unassign)}
                </button>
            </Show>
            <Show when=move || active && asking.get()>
                <ConfirmBar
                    id=format!("unassign-{}", id.get_value().0)
                    text=question
                    inline=true
                    on_confirm=Callback::new(confirm)
                    on_cancel=Callback::new(move |()| asking.set(false))
                />
            </Show>
        </li>
    }
}

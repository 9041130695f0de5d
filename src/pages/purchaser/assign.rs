//! Who holds a license: the people picker and the assigned people, with unassign.

use super::actor;
use crate::components::a11y::{focus_id, Dialog};
use crate::components::form_key::FormKey;
use crate::domain::commands::{AssignRefusal, Command, DomainError, Submission};
use crate::domain::subscription::SubscriptionId;
use crate::domain::{views, User, UserId};
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

/// The people picker: search one's own tenant, or type any address; at most 20 at once.
#[component]
pub(super) fn AssignPanel(sub: SubscriptionId) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let (query, set_query) = signal(String::new());
    let chosen = RwSignal::new(Vec::<(UserId, String)>::new());
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
    // A typed address that names someone outside the results (perhaps another tenant's).
    let typed_person = Memo::new(move |_| {
        let email = crate::domain::directory::Email::try_from(query.get().as_str()).ok()?;
        store
            .state
            .with(|s| {
                s.directory
                    .users
                    .iter()
                    .find(|u| u.email == email)
                    .map(|u: &User| (u.id.clone(), u.email.to_string()))
            })
            .or_else(|| Some((UserId(format!("unknown:{email}")), email.to_string())))
    });
    let choose = move |id: UserId, label: String| {
        chosen.update(|c| {
            if !c.iter().any(|(x, _)| *x == id) {
                c.push((id, label))
            }
        });
        set_query.set(String::new());
        // The results close: focus stays in the search, for the next person.
        request_animation_frame(|| focus_id("people-search"));
    };
    let form = FormKey::new();
    let assign = Action::new_local(move |users: &Vec<UserId>| {
        let (n, subscription) = (users.len(), sub.clone());
        // The key is read now, at the click: a second click before this one finishes
        // carries the same key, and the domain assigns once.
        let submission = form.submit(Command::Assign {
            subscription,
            users: users.clone(),
        });
        async move {
            let actor = actor().ok_or(DispatchError::NotSignedIn)?;
            store.dispatch(actor, submission).await?;
            form.renew();
            // Done here, not in an Effect on the result: the chips empty with the outcome.
            chosen.set(Vec::new());
            Ok(n)
        }
    });
    let label_of = move |id: &UserId| {
        chosen.with(|c| {
            c.iter()
                .find(|(x, _)| x == id)
                .map(|(_, l)| l.clone())
                .unwrap_or_else(|| id.0.clone())
        })
    };
    let outcome = move || -> Option<AnyView> {
        match assign.value().get()? {
            Ok(n) => Some(
                view! {
                    <p class="outcome" role="status">
                        {locale.tf(Msg::AssignedDone, &[("n", &n.to_string())])}
                    </p>
                }
                .into_any(),
            ),
            Err(DispatchError::Domain(DomainError::AssigneesRefused(list))) => Some(
                view! {
                    <div class="field-error" role="alert">
                        <p>{locale.t(Msg::RefusedPeople)}</p>
                        <ul id="assign-refusals">
                            {list
                                .into_iter()
                                .map(|(id, why)| {
                                    view! {
                                        <li>{label_of(&id)}" — "{locale.t(refusal_msg(why))}</li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                }
                .into_any(),
            ),
            Err(DispatchError::Domain(DomainError::TooManyAtOnce { given })) => Some(
                view! {
                    <p class="field-error" role="alert">
                        {locale.tf(Msg::TooManyAtOnce, &[("n", &given.to_string())])}
                    </p>
                }
                .into_any(),
            ),
            Err(DispatchError::Domain(DomainError::NotEnoughLicenses {
                available,
                requested,
            })) => Some(
                view! {
                    <p class="field-error" role="alert">
                        {locale
                            .tf(
                                Msg::NotEnoughLicenses,
                                &[
                                    ("available", &available.to_string()),
                                    ("requested", &requested.to_string()),
                                ],
                            )}
                    </p>
                }
                .into_any(),
            ),
            Err(e) => Some(
                view! {
                    <p class="field-error" role="alert">
                        {locale.explain(&e)}
                    </p>
                }
                .into_any(),
            ),
        }
    };
    view! {
        <section class="panel" aria-labelledby="assign-title">
            <h2 id="assign-title">{move || locale.t(Msg::AssignHeading)}</h2>
            <p class="muted">{move || locale.t(Msg::AssignIntro)}</p>
            <div class="field">
                <label for="people-search">{move || locale.t(Msg::SearchPeople)}</label>
                <input
                    id="people-search"
                    type="search"
                    autocomplete="off"
                    aria-controls="people-results"
                    prop:value=query
                    on:input=move |ev| set_query.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            if let Some((id, email)) = typed_person.get_untracked() {
                                choose(id, email)
                            }
                        }
                    }
                />
            </div>
            <ul
                id="people-results"
                class="people-results"
                aria-label=move || locale.t(Msg::SearchPeople)
            >
                <For
                    each=move || results.get().unwrap_or_default()
                    key=|(id, ..)| id.clone()
                    children=move |(id, name, email)| {
                        let label = format!("{name} <{email}>");
                        let shown = label.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="link-button"
                                    on:click=move |_| choose(id.clone(), label.clone())
                                >
                                    {shown}
                                </button>
                            </li>
                        }
                    }
                />
                {move || {
                    typed_person
                        .get()
                        .filter(|(id, _)| {
                            results
                                .with(|r| {
                                    r.as_ref().is_none_or(|r| !r.iter().any(|(x, ..)| x == id))
                                })
                        })
                        .map(|(id, email)| {
                            let e2 = email.clone();
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="link-button"
                                        on:click=move |_| choose(id.clone(), e2.clone())
                                    >
                                        {locale.tf(Msg::AddAddress, &[("email", &email)])}
                                    </button>
                                </li>
                            }
                        })
                }}
            </ul>
            <p id="people-none" class="muted" aria-live="polite">
                {move || {
                    let nobody = !query.with(|q| q.trim().is_empty())
                        && results.with(|r| r.as_ref().is_none_or(Vec::is_empty))
                        && typed_person.with(Option::is_none);
                    nobody.then(|| locale.tf(Msg::NobodyMatches, &[("query", &query.get())]))
                }}
            </p>
            <Show when=move || chosen.with(|c| !c.is_empty())>
                <p>
                    {move || locale.tf(Msg::Chosen, &[("n", &chosen.with(Vec::len).to_string())])}
                </p>
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
                                        aria-label=move || {
                                            locale.tf(Msg::Remove, &[("name", &name)])
                                        }
                                        on:click=move |_| {
                                            chosen.update(|c| c.retain(|(x, _)| *x != id))
                                        }
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
                    on:click=move |_| {
                        assign
                            .dispatch(
                                chosen
                                    .with_untracked(|c| {
                                        c.iter().map(|(id, _)| id.clone()).collect()
                                    }),
                            );
                    }
                >
                    {move || {
                        locale.tf(Msg::AssignButton, &[("n", &chosen.with(Vec::len).to_string())])
                    }}
                </button>
            </Show>
            {outcome}
        </section>
    }
}

#[component]
pub(super) fn AssignedPeople(sub: SubscriptionId, product: String, active: bool) -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let id = sub.clone();
    let people = Memo::new(move |_| {
        store.state.with(|s| {
            s.subscription(&id)
                .map(|x| {
                    x.assigned
                        .iter()
                        .map(|u| {
                            (
                                u.clone(),
                                s.directory
                                    .user(u)
                                    .map_or_else(|| u.0.clone(), |u| u.display_name.clone()),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let unassign = Action::new_local(move |submission: &Submission| {
        let submission = submission.clone();
        async move {
            let actor = actor().ok_or(DispatchError::NotSignedIn)?;
            store.dispatch(actor, submission).await.map(|_| ())
        }
    });
    let sid = StoredValue::new(sub);
    let product = StoredValue::new(product);
    view! {
        <section class="panel" aria-labelledby="assigned-title">
            <h2 id="assigned-title">{move || locale.t(Msg::AssignedPeople)}</h2>
            <Show
                when=move || people.with(|p| !p.is_empty())
                fallback=move || {
                    view! { <p class="muted">{move || locale.t(Msg::NobodyAssigned)}</p> }
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
                                    unassign
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
    unassign: Action<Submission, Result<(), DispatchError>>,
) -> impl IntoView {
    let locale = Locale::get();
    let key = FormKey::new();
    let subscription = StoredValue::new(subscription);
    let id = StoredValue::new(id);
    let (name, product) = (StoredValue::new(name), StoredValue::new(product));
    // The row's own state: whether it is asking to confirm.
    let (asking, set_asking) = signal(false);
    let text = move || {
        locale.tf(
            Msg::UnassignConfirm,
            &[
                ("name", &name.get_value()),
                ("product", &product.get_value()),
            ],
        )
    };
    view! {
        <li>
            <span>{name.get_value()}</span>
            <Show when=move || active && !asking.get()>
                <button type="button" class="button" on:click=move |_| set_asking.set(true)>
                    {move || locale.t(Msg::Unassign)}
                </button>
            </Show>
            <Show when=move || active && asking.get()>
                <Dialog
                    id=format!("unassign-{}", id.get_value().0)
                    class="confirm"
                    labelledby=format!("unassign-text-{}", id.get_value().0)
                    on_close=Callback::new(move |_| set_asking.set(false))
                >
                    <span id=format!("unassign-text-{}", id.get_value().0) tabindex="-1">
                        {text}
                    </span>
                    " "
                    <button
                        type="button"
                        class="button button--danger"
                        on:click=move |_| {
                            unassign
                                .dispatch(
                                    key
                                        .submit(Command::Unassign {
                                            subscription: subscription.get_value(),
                                            user: id.get_value(),
                                        }),
                                );
                            set_asking.set(false);
                        }
                    >
                        {move || locale.t(Msg::Confirm)}
                    </button>
                    <button type="button" class="button" on:click=move |_| set_asking.set(false)>
                        {move || locale.t(Msg::Cancel)}
                    </button>
                </Dialog>
            </Show>
        </li>
    }
}

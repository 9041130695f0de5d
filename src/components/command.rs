//! A command a form sends to the domain (`use_command`), and the line that says how it
//! ended (`Outcome`).

use crate::components::form_key::FormKey;
use crate::domain::commands::{Command, Event, Submission};
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use crate::store::session::Session;
use leptos::prelude::*;

/// A form's command: sent as the signed-in person, with the form's submission key (renewed
/// after a success, so the next click is a new intent), through the store; whether it is
/// on its way; and how it ended.
#[derive(Clone, Copy)]
pub struct CommandForm {
    action: Action<Submission, Result<Vec<Event>, DispatchError>>,
    key: FormKey,
}

/// A command form for the signed-in person, read when the command is sent.
pub fn use_command() -> CommandForm {
    let store = Store::get();
    let session = Session::get();
    let key = FormKey::new();
    let action = Action::new_local(move |submission: &Submission| {
        let submission = submission.clone();
        async move {
            let actor = session
                .actor_untracked()
                .ok_or(DispatchError::NotSignedIn)?;
            let events = store.dispatch(actor, submission).await?;
            key.renew();
            Ok(events)
        }
    });
    CommandForm { action, key }
}

impl CommandForm {
    /// Sends `command` with the form's key, read now: a second click before the first has
    /// ended carries the same key, and the domain acts once.
    pub fn send(self, command: Command) {
        self.action.dispatch(self.key.submit(command));
    }

    /// A command is on its way.
    pub fn pending(self) -> bool {
        self.action.pending().get()
    }

    /// How the last command ended, once it has: the words `done` gives its events, or the
    /// refusal.
    pub fn outcome(
        self,
        done: impl Fn(&[Event]) -> String + Send + Sync + 'static,
    ) -> Signal<Option<Result<String, DispatchError>>> {
        let action = self.action;
        Signal::derive(move || {
            if action.pending().get() {
                return None;
            }
            action
                .value()
                .get()
                .map(|ended| ended.map(|events| done(&events)))
        })
    }

    /// Whether the last command succeeded (`false` while none has ended).
    pub fn succeeded(self) -> bool {
        !self.pending() && self.action.value().with(|v| matches!(v, Some(Ok(_))))
    }
}

/// The line that says how a command ended: the success in words, or why it was refused.
/// It is there from the start (a live region), empty until something ends.
#[component]
pub fn Outcome(
    #[prop(optional)] id: Option<&'static str>,
    /// How it ended, once it has.
    #[prop(into)]
    ended: Signal<Option<Result<String, DispatchError>>>,
) -> impl IntoView {
    let locale = Locale::get();
    let refused = move || ended.with(|e| matches!(e, Some(Err(_))));
    view! {
        <p class="outcome" class=("outcome--error", refused) id=id role="status">
            {move || {
                ended
                    .get()
                    .map(|ended| match ended {
                        Ok(words) => words,
                        Err(e) => locale.explain(&e),
                    })
            }}
        </p>
    }
}

//! The checkout's steps and state, and the logic the steps call: verdicts, navigation, the order.

use crate::components::form_key::new_key;
use crate::components::verdict::VerdictArgs;
use crate::domain::card::{BillingAddress, CardInput};
use crate::domain::commands::{Command, DomainError, Event, Submission};
use crate::domain::directory::Email;
use crate::domain::{
    evaluate, evaluate_email, Money, Product, Quantity, Tenant, TrialKind, User, Verdict,
};
use crate::domain::{views, SubmissionKey};
use crate::i18n::Msg;
use crate::store::browser::Store;
use crate::store::draft::{self, Draft};
use crate::store::error::DispatchError;
use crate::store::session::Session;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Step {
    Email,
    SignIn,
    Licenses,
    Card,
    Review,
    Done,
}

impl Step {
    pub(super) const ALL: [Step; 6] =
        [Step::Email, Step::SignIn, Step::Licenses, Step::Card, Step::Review, Step::Done];

    pub(super) fn slug(self) -> &'static str {
        match self {
            Step::Email => "email",
            Step::SignIn => "signin",
            Step::Licenses => "licenses",
            Step::Card => "card",
            Step::Review => "review",
            Step::Done => "done",
        }
    }

    pub(super) fn msg(self) -> Msg {
        match self {
            Step::Email => Msg::StepEmail,
            Step::SignIn => Msg::StepSignIn,
            Step::Licenses => Msg::StepLicenses,
            Step::Card => Msg::StepCard,
            Step::Review => Msg::StepReview,
            Step::Done => Msg::StepDone,
        }
    }
}

/// Why an order did not go through, in words for the review step.
#[derive(Clone)]
pub(super) enum OrderError {
    Refused(Verdict),
    Message(Msg),
    Key(&'static str),
    /// This order was placed already (Pay again after back, or twice at once).
    AlreadyPlaced,
}

/// A step's address: the step is in the URL, so back and forward move between steps.
fn step_url(product: &str, trial: bool, step: Step) -> String {
    let trial = if trial { "&trial=1" } else { "" };
    format!("/checkout/{product}?step={}{trial}", step.slug())
}

/// The checkout's state and the logic its steps call.
#[derive(Clone, Copy)]
pub(super) struct Checkout {
    pub(super) product: Memo<Option<Product>>,
    pub(super) trial: Memo<bool>,
    pub(super) requested: Memo<Step>,
    pub(super) order: Memo<Option<String>>,
    pub(super) draft: RwSignal<Draft>,
    /// The card as typed: memory only.
    pub(super) card: RwSignal<CardInput>,
    pub(super) who: Memo<Option<(User, Tenant)>>,
    pub(super) store: Store,
    pub(super) session: Session,
}

impl Checkout {
    pub(super) fn product_name(self) -> String {
        self.product
            .with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default())
    }

    /// The partial verdict from the email typed so far.
    pub(super) fn typed_verdict(self) -> Option<Verdict> {
        let product = self.product.get()?;
        let email = self.draft.with(|d| d.email.clone());
        Some(
            self.store
                .state
                .with(|s| evaluate_email(&s.directory, &s.policies, &product, &email)),
        )
    }

    /// The signed-in person, if they are the one whose email was entered.
    pub(super) fn buyer(self) -> Option<(User, Tenant)> {
        let (user, tenant) = self.who.get()?;
        let typed = self
            .draft
            .with(|d| Email::try_from(d.email.as_str()).ok())?;
        (user.email == typed).then_some((user, tenant))
    }

    /// The full verdict for the signed-in buyer: it decides whether they may pay.
    pub(super) fn verdict(self) -> Option<Verdict> {
        let (user, _) = self.buyer()?;
        let product = self.product.get()?;
        Some(
            self.store
                .state
                .with(|s| evaluate(&s.directory, &s.policies, &product, &user)),
        )
    }

    /// For a trial, the kind this person may start: without a card where allowed, else with one.
    pub(super) fn trial_kind(self, verdict: &Verdict) -> Option<TrialKind> {
        verdict.trial_offered(&self.product.get()?)
    }

    pub(super) fn allowed(self, verdict: &Verdict) -> bool {
        if self.trial.get() {
            self.trial_kind(verdict).is_some()
        } else {
            verdict.may_purchase()
        }
    }

    /// From the domain: a purchase asks for a card; a trial does if the trial it may start
    /// takes one.
    pub(super) fn needs_card(self) -> bool {
        // Before sign-in the typed verdict tells; before that, the product does.
        let verdict = self
            .verdict()
            .or_else(|| self.typed_verdict().filter(|v| !v.is_refusal()));
        let trial = self.trial.get();
        self.product.with(|p| match p {
            Some(p) => views::checkout_needs_card(trial, verdict.as_ref(), p),
            None => true,
        })
    }

    pub(super) fn steps(self) -> Vec<Step> {
        Step::ALL
            .into_iter()
            .filter(|s| *s != Step::Card || self.needs_card())
            .collect()
    }

    pub(super) fn licenses(self) -> Option<Quantity> {
        self.draft
            .with(|d| Quantity::try_from(d.licenses.as_str()).ok())
    }

    pub(super) fn unit_price(self) -> Option<Money> {
        let (_, tenant) = self.buyer()?;
        let product = self.product.get()?;
        self.store.catalog().unit_price(
            &product.id,
            tenant.market.country,
            crate::domain::catalog::PriceKind::SelfService,
        )
    }

    /// What the purchase charges, as the domain works it out for the command.
    pub(super) fn total(self) -> Option<Money> {
        views::order_total(self.unit_price()?, self.licenses()?).ok()
    }

    pub(super) fn billing_complete(self) -> bool {
        self.draft.with(|d| {
            let b = &d.billing;
            [&b.name, &b.address, &b.city, &b.postal_code, &b.country]
                .iter()
                .all(|f| !f.trim().is_empty())
        })
    }

    pub(super) fn card_valid(self) -> bool {
        let today = self.store.clock.get().date_naive();
        self.card.with(|c| c.validate(today).is_ok())
    }

    /// The furthest step the person may be on now; a later one in the URL falls back to it.
    pub(super) fn furthest(self) -> Step {
        if self.order.get().is_some() {
            return Step::Done;
        }
        let email_ok = self
            .draft
            .with(|d| Email::try_from(d.email.as_str()).is_ok());
        let typed_ok = self.typed_verdict().is_some_and(|v| {
            if self.trial.get() {
                self.trial_kind(&v).is_some()
            } else {
                v.may_purchase()
            }
        });
        if !email_ok || !typed_ok {
            return Step::Email;
        }
        if !self.verdict().is_some_and(|v| self.allowed(&v)) {
            return Step::SignIn;
        }
        if self.licenses().is_none() || !self.billing_complete() {
            return Step::Licenses;
        }
        if self.needs_card() && !self.card_valid() {
            return Step::Card;
        }
        Step::Review
    }

    pub(super) fn step(self) -> Step {
        let requested = self.requested.get();
        let step = requested.min(self.furthest());
        if step == Step::Card && !self.needs_card() {
            Step::Licenses
        } else {
            step
        }
    }

    pub(super) fn href(self, step: Step) -> String {
        let id = self
            .product
            .with(|p| p.as_ref().map(|p| p.id.to_string()).unwrap_or_default());
        step_url(&id, self.trial.get_untracked(), step)
    }

    /// `href`, if the checkout is still on screen (an answer can arrive after it left).
    pub(super) fn try_href(self, step: Step) -> Option<String> {
        let id = self
            .product
            .try_with_untracked(|p| p.as_ref().map(|p| p.id.to_string()))??;
        Some(step_url(&id, self.trial.try_get_untracked()?, step))
    }

    pub(super) fn next_after(self, step: Step) -> Step {
        let steps = self.steps();
        let i = steps.iter().position(|s| *s == step).unwrap_or(0);
        steps.get(i + 1).copied().unwrap_or(Step::Done)
    }

    pub(super) fn previous_before(self, step: Step) -> Option<Step> {
        let steps = self.steps();
        let i = steps.iter().position(|s| *s == step)?;
        i.checked_sub(1).map(|j| steps[j])
    }

    pub(super) fn update_draft(self, f: impl FnOnce(&mut Draft)) {
        self.draft.update(f);
        if let Some(p) = self.product.get_untracked() {
            self.draft.with_untracked(|d| draft::save(p.id.as_str(), d));
        }
    }

    pub(super) fn verdict_args(self, verdict: Option<Verdict>) -> VerdictArgs {
        let tenant = verdict
            .and_then(|v| v.tenant)
            .and_then(|t| {
                self.store
                    .state
                    .with(|s| s.directory.tenant(&t).map(|t| t.name.clone()))
            })
            .unwrap_or_default();
        let domain = self.draft.with(|d| {
            d.email
                .rsplit_once('@')
                .map(|(_, d)| d.trim().to_owned())
                .unwrap_or_default()
        });
        VerdictArgs {
            domain,
            tenant,
            product: self.product_name(),
        }
    }

    /// The order's submission key: the draft's, or a new one kept in the draft.
    pub(super) fn submission_key(self) -> SubmissionKey {
        let kept = self.draft.with_untracked(|d| {
            d.submission
                .as_deref()
                .and_then(|k| SubmissionKey::try_from(k).ok())
        });
        kept.unwrap_or_else(|| {
            let key = new_key();
            self.update_draft(|d| d.submission = Some(key.as_str().to_owned()));
            key
        })
    }

    /// Places the order (or starts the trial). The domain checks the verdict again.
    pub(super) async fn submit(self, key: SubmissionKey) -> Result<String, OrderError> {
        let actor = self
            .session
            .actor_untracked()
            .ok_or(OrderError::Message(Msg::SignInTitle))?;
        let product = self
            .product
            .get_untracked()
            .ok_or(OrderError::Message(Msg::NotFoundTitle))?;
        let licenses = self.licenses().unwrap_or(Quantity::ONE);
        let assign_to_me = self.draft.with_untracked(|d| d.assign_to_me);
        let today = self.store.clock.get_untracked().date_naive();
        let card = if self.needs_card() {
            // The billing address typed on the licenses step goes with the card.
            let address = self.draft.with_untracked(|d| {
                BillingAddress::new(&d.billing.address, &d.billing.city, &d.billing.postal_code)
                    .ok()
            });
            Some(
                self.card
                    .with_untracked(|c| c.validate(today))
                    .map_err(|_| OrderError::Message(Msg::CardErrorChecksum))?
                    .with_address(address),
            )
        } else {
            None
        };
        let command = match (self.trial.get_untracked(), card) {
            (false, Some(card)) => Command::Purchase {
                product: product.id.clone(),
                licenses,
                card,
                assign_to_me,
            },
            (true, card) => Command::StartTrial {
                product: product.id.clone(),
                licenses,
                card,
                assign_to_me,
            },
            (false, None) => return Err(OrderError::Message(Msg::CardErrorNumberMissing)),
        };
        match self
            .store
            .dispatch(actor, Submission::keyed(key, command))
            .await
        {
            Ok(events) => {
                let id = events.iter().find_map(|e| match e {
                    Event::Purchased { subscription, .. }
                    | Event::TrialStarted { subscription } => Some(subscription.0.clone()),
                    _ => None,
                });
                id.ok_or(OrderError::Message(Msg::StoreErrorRetry))
            }
            Err(DispatchError::Domain(
                DomainError::Ineligible(v) | DomainError::TrialNotAllowed(v),
            )) => Err(OrderError::Refused(v)),
            Err(DispatchError::Domain(DomainError::Declined(d))) => {
                Err(OrderError::Key(d.message_key()))
            }
            Err(DispatchError::Domain(DomainError::TrialAlreadyUsed)) => {
                Err(OrderError::Message(Msg::TrialAlreadyUsed))
            }
            Err(DispatchError::Domain(DomainError::Denied(d))) => {
                Err(OrderError::Key(d.message_key()))
            }
            Err(DispatchError::Domain(DomainError::AlreadySubmitted)) => {
                Err(OrderError::AlreadyPlaced)
            }
            Err(_) => Err(OrderError::Message(Msg::StoreErrorRetry)),
        }
    }
}

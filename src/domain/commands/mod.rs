//! Every state transition: `execute(state, ctx, actor, command) -> Result<(State, events), DomainError>`.
//!
//! A command works on a copy of the state; a refused command returns the error and the
//! caller keeps the state it had. Each success appends its audit event.

use super::authz::{Action, Actor, Denied};
use super::directory::Email;
use super::subscription::{AuditEvent, AuditOutcome, State, SubmissionKey};
use chrono::{DateTime, Utc};

mod admin;
mod clock;
mod command;
mod error;
mod guards;
mod ledger;
mod licenses;
mod lifecycle;
mod payment;
mod purchase;

use admin::{
    buy_central, centralize, set_account_status, set_policy, take_over_cancel, take_over_move,
};
pub use clock::advance;
pub use command::{Command, Ctx, Event, Submission, MAX_ASSIGN_AT_ONCE};
pub use error::{Arg, AssignRefusal, DomainError, Explanation, KeptArg, KeptExplanation};
use guards::Applied;
use licenses::{assign, change_licenses, unassign};
use lifecycle::{cancel, extend_trial, purchase_from_trial, reactivate, set_recurring_billing};
use payment::{pay_bill, replace_card, update_card, CardEdit};
use purchase::{purchase, start_trial};

/// Runs one submitted command against a copy of the state. A key already taken by an
/// earlier success is refused before anything else, so a submission changes the state once.
pub fn execute(
    state: &State,
    ctx: Ctx,
    actor: &Actor,
    submission: impl Into<Submission>,
) -> Result<(State, Vec<Event>), DomainError> {
    let Submission { key, command } = submission.into();
    match &key {
        Some(key) if was_submitted(state, key) => return Err(DomainError::AlreadySubmitted),
        None if command.needs_key() => return Err(DomainError::SubmissionKeyMissing),
        _ => {}
    }
    let mut next = state.clone();
    let name = command.name();
    let Applied {
        events,
        subject,
        detail,
        why,
    } = apply(&mut next, ctx, actor, command)?;
    next.audit.push(AuditEvent {
        at: ctx.now,
        actor: Some(actor.user.clone()),
        tenant: Some(actor.tenant.clone()),
        action: name.to_owned(),
        subject,
        outcome: AuditOutcome::Succeeded,
        detail,
        why: why.as_ref().map(Into::into),
        submission: key,
    });
    Ok((next, events))
}

/// Whether a command with this key has succeeded before (newest first: a repeat is recent).
pub fn was_submitted(state: &State, key: &SubmissionKey) -> bool {
    state
        .audit
        .iter()
        .rev()
        .any(|e| e.submission.as_ref() == Some(key))
}

/// The state with a refused command written to the audit log (and nothing else changed).
pub fn record_refusal(
    state: &State,
    now: DateTime<Utc>,
    actor: Option<&Actor>,
    action: &str,
    subject: &str,
    error: &str,
    why: &Explanation,
) -> State {
    let mut next = state.clone();
    next.audit.push(AuditEvent {
        at: now,
        actor: actor.map(|a| a.user.clone()),
        tenant: actor.map(|a| a.tenant.clone()),
        action: action.to_owned(),
        subject: subject.to_owned(),
        outcome: AuditOutcome::Refused,
        detail: error.to_owned(),
        why: Some(why.into()),
        submission: None,
    });
    next
}

/// The state with a refused sign-in written to the audit log of the organization the
/// address belongs to, with the account tried as its actor when there is one.
pub fn record_sign_in_refusal(
    state: &State,
    now: DateTime<Utc>,
    email: &str,
    reason: &str,
    why: &Explanation,
) -> State {
    let typed = email.trim();
    let parsed = Email::try_from(typed).ok();
    let tenant = parsed
        .as_ref()
        .and_then(|e| state.directory.tenant_for_domain(e.domain()))
        .map(|t| t.id.clone());
    let account = match (&tenant, &parsed) {
        (Some(t), Some(e)) => state.directory.account(t, e).map(|u| u.id.clone()),
        _ => None,
    };
    let mut next = state.clone();
    next.audit.push(AuditEvent {
        at: now,
        actor: account,
        tenant,
        action: "sign_in".to_owned(),
        subject: typed.to_owned(),
        outcome: AuditOutcome::Refused,
        detail: reason.to_owned(),
        why: Some(why.into()),
        submission: None,
    });
    next
}

/// The audit event of a partner starting to act in a customer tenant; `None` for a person
/// returning to their own tenant; refused without delegated rights there.
pub fn delegated_access(
    state: &State,
    now: DateTime<Utc>,
    actor: &Actor,
) -> Result<Option<AuditEvent>, Denied> {
    let p = super::authz::principal(&state.directory, actor)?;
    if !p.delegated {
        return Ok(None);
    }
    let roles: Vec<String> = p.roles.iter().map(|r| format!("{r:?}")).collect();
    let keys = p.roles.iter().map(|r| r.message_key()).collect();
    Ok(Some(AuditEvent {
        at: now,
        actor: Some(actor.user.clone()),
        tenant: Some(actor.tenant.clone()),
        action: "delegated_access".to_owned(),
        subject: actor.tenant.0.clone(),
        outcome: AuditOutcome::Succeeded,
        detail: roles.join(", "),
        why: Some((&Explanation::new("audit.detail.roles").keys("roles", keys)).into()),
        submission: None,
    }))
}

fn apply(s: &mut State, ctx: Ctx, actor: &Actor, command: Command) -> Result<Applied, DomainError> {
    match command {
        Command::Purchase {
            product,
            licenses,
            card,
            assign_to_me,
        } => purchase(s, ctx, actor, &product, licenses, &card, assign_to_me),
        Command::StartTrial {
            product,
            licenses,
            card,
            assign_to_me,
        } => start_trial(
            s,
            ctx,
            actor,
            &product,
            licenses,
            card.as_ref(),
            assign_to_me,
        ),
        Command::ChangeLicenses {
            subscription,
            total,
        } => change_licenses(s, ctx, actor, &subscription, total),
        Command::Assign {
            subscription,
            users,
        } => assign(s, actor, &subscription, users),
        Command::Unassign { subscription, user } => unassign(s, actor, &subscription, user),
        Command::PayBill { bill } => pay_bill(s, ctx, actor, &bill),
        Command::UpdateCard {
            card,
            expiry,
            holder,
            security_code,
            address,
        } => update_card(
            s,
            ctx,
            actor,
            &card,
            CardEdit {
                expiry,
                holder,
                code: security_code,
                address,
            },
        ),
        Command::ReplaceCard { subscription, card } => replace_card(s, actor, &subscription, &card),
        Command::Cancel {
            subscription,
            reason,
        } => cancel(s, ctx, actor, &subscription, reason),
        Command::SetRecurringBilling { subscription, on } => {
            set_recurring_billing(s, ctx, actor, &subscription, on)
        }
        Command::Reactivate { subscription } => reactivate(s, ctx, actor, &subscription),
        Command::ExtendTrial { subscription } => extend_trial(s, ctx, actor, &subscription),
        Command::PurchaseFromTrial { subscription } => {
            purchase_from_trial(s, ctx, actor, &subscription)
        }
        Command::SetPolicy { target, value } => {
            set_policy(s, ctx, actor, target, value, Action::SetPolicy)
        }
        Command::SetPolicyWithModule { target, value } => {
            set_policy(s, ctx, actor, target, value, Action::SetPolicyWithModule)
        }
        Command::TakeOverMoveUsers { subscription, to } => {
            take_over_move(s, ctx, actor, &subscription, &to)
        }
        Command::TakeOverCancel {
            subscription,
            reason,
        } => take_over_cancel(s, ctx, actor, &subscription, reason),
        Command::BuyCentral {
            product,
            licenses,
            into,
            assign,
        } => buy_central(s, ctx, actor, &product, licenses, into, assign),
        Command::Centralize { subscription } => centralize(s, ctx, actor, &subscription),
        Command::SetAccountStatus { user, status } => set_account_status(s, actor, &user, status),
    }
}

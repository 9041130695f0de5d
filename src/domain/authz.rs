//! Who may do what, in one place: `may(directory, actor, action, subject)`.

use super::directory::{AccountKind, Directory, Role, TenantId, User, UserId};
use super::subscription::Subscription;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A signed-in person acting in one tenant: their own, or a customer's through delegation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// The person signed in.
    pub user: UserId,
    /// The tenant they act in.
    pub tenant: TenantId,
}

impl Actor {
    /// A person acting in their own tenant.
    pub fn home(user: &User) -> Actor {
        Actor {
            user: user.id.clone(),
            tenant: user.tenant.clone(),
        }
    }
}

/// What an actor asks to do; `may` says whether their roles allow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    /// The purchaser's limited admin view of their own purchases.
    ViewOwnPurchases,
    /// Licenses, assignments, bills, card and cancellation of one's own self-service subscription.
    ManageOwnSubscription,
    /// Billing > Your products: every subscription of the tenant.
    ViewBilling,
    /// Take over, cancel, buy central licenses, request a cancellation.
    ManageBilling,
    /// Read Settings > Self-service trials and purchases.
    ViewPolicies,
    /// In the admin center's panel: a Global admin only (admins' doc).
    SetPolicy,
    /// Through the MSCommerce PowerShell module: a Global or Billing admin (its
    /// "Requirements").
    SetPolicyWithModule,
    /// List the tenant's users.
    ViewUsers,
    /// Disable or remove a user's account.
    ManageUsers,
    /// Read the audit log.
    ViewAudit,
}

impl Action {
    /// The tasks the docs reserve, for a partner, to a delegated Global admin.
    pub const fn changes_billing_or_policy(self) -> bool {
        matches!(
            self,
            Action::ManageBilling | Action::SetPolicy | Action::SetPolicyWithModule
        )
    }
}

/// What an action is done to: the whole tenant, or one subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject<'a> {
    /// The tenant's settings, users or billing as a whole.
    Tenant(&'a TenantId),
    /// One subscription, checked for its tenant and (self-service) its purchaser.
    Subscription(&'a Subscription),
}

/// Why an actor may not do something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Denied {
    /// The signed-in user is not in the directory.
    UnknownUser,
    /// The account is disabled or deleted.
    AccountInactive,
    /// Not a member of the tenant and holds no delegation for it.
    NotInTenant,
    /// The subject belongs to another tenant than the one acted in.
    OtherTenant,
    /// A guest account: self-service purchase is for members of the organization.
    Guest,
    /// Only the person who bought a self-service subscription manages it.
    NotPurchaser,
    /// The action needs one of these roles.
    MissingRole(Vec<Role>),
}

impl Denied {
    /// The catalog key of the message that says why.
    pub const fn message_key(&self) -> &'static str {
        match self {
            Denied::UnknownUser => "denied.unknown_user",
            Denied::AccountInactive => "denied.account_inactive",
            Denied::NotInTenant => "denied.not_in_tenant",
            Denied::OtherTenant => "denied.other_tenant",
            Denied::Guest => "denied.guest",
            Denied::NotPurchaser => "denied.not_purchaser",
            Denied::MissingRole(_) => "denied.missing_role",
        }
    }
}

impl fmt::Display for Denied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Denied::UnknownUser => write!(f, "no such account"),
            Denied::AccountInactive => write!(f, "the account is disabled or deleted"),
            Denied::NotInTenant => write!(
                f,
                "not a member of this organization and no delegated admin rights to it"
            ),
            Denied::OtherTenant => write!(f, "that belongs to another organization"),
            Denied::Guest => write!(f, "guests have no admin access"),
            Denied::NotPurchaser => {
                write!(f, "only the purchaser manages a self-service subscription")
            }
            Denied::MissingRole(roles) => write!(f, "needs one of the roles {roles:?}"),
        }
    }
}

/// The roles the actor holds in the tenant acted in, with the account behind them.
pub struct Principal<'a> {
    /// The account behind the actor.
    pub user: &'a User,
    /// The tenant acted in.
    pub tenant: &'a TenantId,
    /// The admin roles held there (through delegation: the delegated ones).
    pub roles: Vec<Role>,
    /// Acting in a customer tenant through a partner delegation.
    pub delegated: bool,
}

/// Who the actor is in the tenant they act in, or why they are not there at all.
pub fn principal<'a>(directory: &'a Directory, actor: &'a Actor) -> Result<Principal<'a>, Denied> {
    let user = directory.user(&actor.user).ok_or(Denied::UnknownUser)?;
    if !user.is_active() {
        return Err(Denied::AccountInactive);
    }
    if user.tenant == actor.tenant {
        return Ok(Principal {
            user,
            tenant: &actor.tenant,
            roles: user.roles.clone(),
            delegated: false,
        });
    }
    let roles: Vec<Role> = user
        .delegations
        .iter()
        .filter(|d| d.customer == actor.tenant)
        .map(|d| d.role)
        .collect();
    if roles.is_empty() {
        return Err(Denied::NotInTenant);
    }
    Ok(Principal {
        user,
        tenant: &actor.tenant,
        roles,
        delegated: true,
    })
}

const READERS: [Role; 3] = [Role::GlobalAdmin, Role::BillingAdmin, Role::GlobalReader];
const BILLING_MANAGERS: [Role; 2] = [Role::GlobalAdmin, Role::BillingAdmin];
const GLOBAL_ADMIN: [Role; 1] = [Role::GlobalAdmin];

/// The roles an admin action needs; `None` for the purchaser's own actions.
pub const fn roles_for(action: Action) -> Option<&'static [Role]> {
    match action {
        Action::ViewOwnPurchases | Action::ManageOwnSubscription => None,
        Action::ViewBilling | Action::ViewPolicies | Action::ViewUsers | Action::ViewAudit => {
            Some(&READERS)
        }
        Action::ManageBilling | Action::SetPolicyWithModule => Some(&BILLING_MANAGERS),
        Action::SetPolicy | Action::ManageUsers => Some(&GLOBAL_ADMIN),
    }
}

/// Whether `actor` may do `action` to `subject`, or why not.
pub fn may(
    directory: &Directory,
    actor: &Actor,
    action: Action,
    subject: Subject,
) -> Result<(), Denied> {
    let p = principal(directory, actor)?;
    let subject_tenant = match subject {
        Subject::Tenant(t) => t,
        Subject::Subscription(s) => &s.tenant,
    };
    if subject_tenant != p.tenant {
        return Err(Denied::OtherTenant);
    }
    match roles_for(action) {
        // A partner acting for a customer needs that customer's Global admin role to take
        // over, cancel, centralize or change policies (admins' doc; the module's
        // "Requirements": "Partners who are AOBO … must have a role that's set to Global
        // Administrator").
        Some(_) if p.delegated && action.changes_billing_or_policy() => {
            if p.roles.contains(&Role::GlobalAdmin) {
                Ok(())
            } else {
                Err(Denied::MissingRole(GLOBAL_ADMIN.to_vec()))
            }
        }
        Some(needed) => {
            if p.roles.iter().any(|r| needed.contains(r)) {
                Ok(())
            } else {
                Err(Denied::MissingRole(needed.to_vec()))
            }
        }
        None => {
            // Self-service is for the tenant's own members, never through a delegation.
            if p.delegated {
                return Err(Denied::NotInTenant);
            }
            if p.user.kind == AccountKind::Guest {
                return Err(Denied::Guest);
            }
            match (action, subject) {
                (Action::ManageOwnSubscription, Subject::Subscription(s)) => {
                    if s.is_self_service() && s.purchaser.as_ref() == Some(&p.user.id) {
                        Ok(())
                    } else {
                        Err(Denied::NotPurchaser)
                    }
                }
                (Action::ManageOwnSubscription, Subject::Tenant(_)) => Err(Denied::NotPurchaser),
                _ => Ok(()),
            }
        }
    }
}

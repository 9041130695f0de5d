//! Tenants, their people, roles and partner delegations.

use super::catalog::{Country, Market};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A well-formed email address; the domain is kept in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// Why text is not an email address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmailError {
    /// Nothing was typed.
    Empty,
    /// There is no `@`.
    MissingAt,
    /// Nothing comes before the `@`.
    EmptyLocalPart,
    /// The part before the `@` has a character an address cannot.
    InvalidLocalPart,
    /// The domain is not a domain name.
    InvalidDomain,
    /// Longer than an address can be.
    TooLong,
}

impl fmt::Display for EmailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EmailError::Empty => "enter the email address you use at work",
            EmailError::MissingAt => "an email address has an @ between name and domain",
            EmailError::EmptyLocalPart => "the part before the @ is missing",
            EmailError::InvalidLocalPart => {
                "the part before the @ has characters an address cannot have"
            }
            EmailError::InvalidDomain => "the part after the @ is not a domain, like contoso.com",
            EmailError::TooLong => "an email address has at most 254 characters",
        })
    }
}

impl std::error::Error for EmailError {}

impl Email {
    /// The address, in lower case.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after the `@`.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, d)| d)
    }
}

fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
}

impl TryFrom<&str> for Email {
    type Error = EmailError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        let text = text.trim();
        if text.is_empty() {
            return Err(EmailError::Empty);
        }
        if text.len() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = text.rsplit_once('@').ok_or(EmailError::MissingAt)?;
        if local.is_empty() {
            return Err(EmailError::EmptyLocalPart);
        }
        // The dot-atom of RFC 5322: guest accounts use `#EXT#` in it.
        let atom_ok = local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~.".contains(&b))
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..");
        if !atom_ok || local.len() > 64 {
            return Err(EmailError::InvalidLocalPart);
        }
        let domain = domain.to_ascii_lowercase();
        if !valid_domain(&domain) {
            return Err(EmailError::InvalidDomain);
        }
        Ok(Email(format!("{}@{}", local.to_ascii_lowercase(), domain)))
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Email::try_from(text.as_str())
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A Microsoft Entra organization's ID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TenantId(pub String);

/// A user account's ID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UserId(pub String);

impl fmt::Display for TenantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who manages the directory a person's email domain belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Management {
    /// An admin-managed directory.
    Managed,
    /// A viral, self-signed-up directory with no admin.
    Unmanaged,
}

/// The kind of organization: some cannot buy through self-service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sector {
    /// A business.
    Commercial,
    /// A government organization.
    Government,
    /// A school or university.
    Education,
    /// A nonprofit.
    Nonprofit,
}

/// Where the tenant lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cloud {
    /// Microsoft's worldwide cloud.
    Public,
    /// Government clouds and the cloud operated by a local partner in China.
    Sovereign,
}

/// An organization in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tenant {
    /// Its ID.
    pub id: TenantId,
    /// Its name.
    pub name: String,
    /// Verified domains, lower case.
    pub domains: Vec<String>,
    /// Who manages its directory.
    pub management: Management,
    /// Its kind.
    pub sector: Sector,
    /// Its cloud.
    pub cloud: Cloud,
    /// Where it buys.
    pub market: Market,
    /// A partner organisation that administers customers through delegation.
    #[serde(default)]
    pub partner: bool,
    /// It has an existing subscription agreement with Microsoft: only such customers are
    /// offered trials without a payment method (manage-self-service-purchases-admins). A
    /// world stored before this field existed had every organization offered them.
    #[serde(default = "has_agreement", skip_serializing_if = "is_true")]
    pub subscription_agreement: bool,
}

fn is_true(b: &bool) -> bool {
    *b
}

const fn has_agreement() -> bool {
    true
}

impl Tenant {
    /// The country it buys in.
    pub fn country(&self) -> Country {
        self.market.country
    }
}

/// An admin role that matters to self-service purchase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// Global Administrator.
    GlobalAdmin,
    /// Billing Administrator.
    BillingAdmin,
    /// Global Reader: sees everything, changes nothing.
    GlobalReader,
}

impl Role {
    /// The catalog key of the role's name.
    pub const fn message_key(self) -> &'static str {
        match self {
            Role::GlobalAdmin => "role.global_admin",
            Role::BillingAdmin => "role.billing_admin",
            Role::GlobalReader => "role.global_reader",
        }
    }
}

/// A member of the organization, or a guest from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccountKind {
    /// A member.
    Member,
    /// A guest (B2B): cannot buy through self-service.
    Guest,
}

/// Where the account comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccountSource {
    /// Made in Microsoft Entra.
    CloudOnly,
    /// Synced from an on-premises Active Directory; treated like a cloud account.
    Synced,
}

/// Whether the account can sign in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccountStatus {
    /// Can sign in.
    Active,
    /// Blocked from signing in.
    Disabled,
    /// Removed from the organization (the purchaser left).
    Deleted,
}

impl AccountStatus {
    /// The catalog key of the status as the Active users page shows it.
    pub const fn message_key(self) -> &'static str {
        match self {
            AccountStatus::Active => "users.active",
            AccountStatus::Disabled => "users.disabled",
            AccountStatus::Deleted => "users.deleted",
        }
    }
}

/// Delegated admin rights (DAP/AOBO) of a partner's person in a customer tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    /// The customer's tenant.
    pub customer: TenantId,
    /// The role held there.
    pub role: Role,
}

/// A person's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// Its ID.
    pub id: UserId,
    /// The name shown.
    pub display_name: String,
    /// The sign-in address.
    pub email: Email,
    /// The organization it belongs to.
    pub tenant: TenantId,
    /// Member or guest.
    pub kind: AccountKind,
    /// Made in the cloud or synced.
    pub source: AccountSource,
    /// Whether it can sign in.
    pub status: AccountStatus,
    /// Its admin roles in its own organization.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Its partner delegations in customer organizations.
    #[serde(default)]
    pub delegations: Vec<Delegation>,
}

impl User {
    /// The account can sign in.
    pub fn is_active(&self) -> bool {
        self.status == AccountStatus::Active
    }

    /// The account holds `role` in its own organization.
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// The organizations and their people.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    /// Every organization.
    pub tenants: Vec<Tenant>,
    /// Every account.
    pub users: Vec<User>,
}

impl Directory {
    /// The organization with this ID.
    pub fn tenant(&self, id: &TenantId) -> Option<&Tenant> {
        self.tenants.iter().find(|t| &t.id == id)
    }

    /// The organization that verified `domain`.
    pub fn tenant_for_domain(&self, domain: &str) -> Option<&Tenant> {
        self.tenants
            .iter()
            .find(|t| t.domains.iter().any(|d| d == domain))
    }

    /// The account with this ID.
    pub fn user(&self, id: &UserId) -> Option<&User> {
        self.users.iter().find(|u| &u.id == id)
    }

    /// The account with this ID, to change.
    pub fn user_mut(&mut self, id: &UserId) -> Option<&mut User> {
        self.users.iter_mut().find(|u| &u.id == id)
    }

    /// The account with this address in this tenant.
    pub fn account(&self, tenant: &TenantId, email: &Email) -> Option<&User> {
        self.users
            .iter()
            .find(|u| &u.tenant == tenant && &u.email == email)
    }

    /// The accounts of `tenant`.
    pub fn members_of<'a>(&'a self, tenant: &'a TenantId) -> impl Iterator<Item = &'a User> + 'a {
        self.users.iter().filter(move |u| &u.tenant == tenant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_table() {
        use EmailError::*;
        let cases: [(&str, Result<&str, EmailError>); 14] = [
            ("megan@contoso.com", Ok("megan@contoso.com")),
            ("  Megan.Bowen@Contoso.COM ", Ok("megan.bowen@contoso.com")),
            (
                "alex_fabrikam.com#EXT#@contoso.onmicrosoft.com",
                Ok("alex_fabrikam.com#ext#@contoso.onmicrosoft.com"),
            ),
            ("", Err(Empty)),
            ("   ", Err(Empty)),
            ("megan", Err(MissingAt)),
            ("megan@", Err(InvalidDomain)),
            ("@contoso.com", Err(EmptyLocalPart)),
            ("me gan@contoso.com", Err(InvalidLocalPart)),
            (".megan@contoso.com", Err(InvalidLocalPart)),
            ("me..gan@contoso.com", Err(InvalidLocalPart)),
            ("megan@contoso", Err(InvalidDomain)),
            ("megan@-contoso.com", Err(InvalidDomain)),
            ("megan@contoso.c0m", Err(InvalidDomain)),
        ];
        for (text, expected) in cases {
            let got = Email::try_from(text);
            assert_eq!(
                got.as_ref().map(Email::as_str).map_err(|e| *e),
                expected,
                "{text:?}"
            );
        }
        assert_eq!(
            Email::try_from(format!("{}@contoso.com", "a".repeat(250)).as_str()),
            Err(TooLong)
        );
    }

    #[test]
    fn email_domain() {
        assert_eq!(
            Email::try_from("a@b.Contoso.com").unwrap().domain(),
            "b.contoso.com"
        );
    }
}

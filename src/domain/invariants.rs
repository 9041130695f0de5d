//! What every state must satisfy. The commands keep these by construction (a property test
//! runs them after every step); state that comes from outside — an imported file, what
//! another tab or an older version stored — is checked whole with `check` before it is
//! used, and the first broken rule is named with where it broke.
//!
//! Rules as data: `RULES` is the order they are checked in, and one `match` per rule.

use super::catalog::Catalog;
use super::commands::Explanation;
use super::money::Money;
use super::subscription::State;
use std::collections::{HashMap, HashSet};

/// One rule of a sound state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Invariant {
    /// No two tenants, users, subscriptions, bills or cards share an ID.
    UniqueIds,
    /// The ID sequence is beyond every ID it made, so the next ID is new.
    SequenceAhead,
    /// Every user, subscription and bill names what it belongs to: tenant, product,
    /// purchaser, card, subscription.
    ReferencesResolve,
    /// Every person assigned a license exists, in the subscription's tenant, once.
    AssigneesBelong,
    /// A subscription assigns at most the licenses it has.
    AssignedWithinLicenses,
    /// Amounts are never negative and are in the tenant's market currency.
    MoneyInMarketCurrency,
}

/// Every invariant, in the order `check` checks them.
pub const RULES: [Invariant; 6] = [
    Invariant::UniqueIds,
    Invariant::SequenceAhead,
    Invariant::ReferencesResolve,
    Invariant::AssigneesBelong,
    Invariant::AssignedWithinLicenses,
    Invariant::MoneyInMarketCurrency,
];

impl Invariant {
    /// The catalog key of the rule's name.
    pub const fn key(self) -> &'static str {
        match self {
            Invariant::UniqueIds => "invariant.rule.unique_ids",
            Invariant::SequenceAhead => "invariant.rule.sequence",
            Invariant::ReferencesResolve => "invariant.rule.references",
            Invariant::AssigneesBelong => "invariant.rule.assignees",
            Invariant::AssignedWithinLicenses => "invariant.rule.within",
            Invariant::MoneyInMarketCurrency => "invariant.rule.money",
        }
    }
}

/// What kind of record a violation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Record {
    /// An organization.
    Tenant,
    /// A user account.
    User,
    /// A subscription.
    Subscription,
    /// A bill.
    Bill,
    /// A kept card.
    Card,
    /// A product.
    Product,
}

impl Record {
    /// The catalog key of its name.
    pub const fn key(self) -> &'static str {
        match self {
            Record::Tenant => "invariant.kind.tenant",
            Record::User => "invariant.kind.user",
            Record::Subscription => "invariant.kind.subscription",
            Record::Bill => "invariant.kind.bill",
            Record::Card => "invariant.kind.card",
            Record::Product => "invariant.kind.product",
        }
    }
}

/// A broken rule, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// Two records of one kind share an ID.
    DuplicateId {
        /// The kind of record.
        kind: Record,
        /// The shared ID.
        id: String,
    },
    /// An ID's number is at or past the state's next sequence number: a new one would clash.
    SequenceBehind {
        /// The ID.
        id: String,
        /// The state's next sequence number.
        sequence: u64,
    },
    /// A record names another that is not there.
    Unresolved {
        /// The kind of the record that names it.
        kind: Record,
        /// That record's ID.
        id: String,
        /// The kind of record named.
        names: Record,
        /// The ID named.
        missing: String,
    },
    /// A license is assigned to a user the directory does not have.
    AssigneeUnknown {
        /// The subscription.
        subscription: String,
        /// The user.
        user: String,
    },
    /// A license is assigned to a user of another organization.
    AssigneeOtherTenant {
        /// The subscription.
        subscription: String,
        /// The user.
        user: String,
    },
    /// One user holds two licenses of one subscription.
    AssignedTwice {
        /// The subscription.
        subscription: String,
        /// The user.
        user: String,
    },
    /// More licenses assigned than bought.
    OverAssigned {
        /// The subscription.
        subscription: String,
        /// Licenses assigned.
        assigned: u32,
        /// Licenses bought.
        licenses: u32,
    },
    /// An amount below zero.
    NegativeAmount {
        /// The kind of record.
        kind: Record,
        /// Its ID.
        id: String,
    },
    /// An amount in another currency than the organization's market.
    WrongCurrency {
        /// The kind of record.
        kind: Record,
        /// Its ID.
        id: String,
        /// The currency found.
        found: String,
        /// The market's currency.
        expected: String,
    },
}

impl Violation {
    /// The invariant the violation breaks.
    pub fn rule(&self) -> Invariant {
        match self {
            Violation::DuplicateId { .. } => Invariant::UniqueIds,
            Violation::SequenceBehind { .. } => Invariant::SequenceAhead,
            Violation::Unresolved { .. } => Invariant::ReferencesResolve,
            Violation::AssigneeUnknown { .. }
            | Violation::AssigneeOtherTenant { .. }
            | Violation::AssignedTwice { .. } => Invariant::AssigneesBelong,
            Violation::OverAssigned { .. } => Invariant::AssignedWithinLicenses,
            Violation::NegativeAmount { .. } | Violation::WrongCurrency { .. } => {
                Invariant::MoneyInMarketCurrency
            }
        }
    }

    /// The message a person reads: which rule, and where.
    pub fn explanation(&self) -> Explanation {
        let new = Explanation::new;
        match self {
            Violation::DuplicateId { kind, id } => new("invariant.duplicate")
                .key("kind", kind.key())
                .text("id", id),
            Violation::SequenceBehind { id, sequence } => new("invariant.sequence")
                .text("id", id)
                .text("sequence", sequence),
            Violation::Unresolved {
                kind,
                id,
                names,
                missing,
            } => new("invariant.unresolved")
                .key("kind", kind.key())
                .text("id", id)
                .key("names", names.key())
                .text("missing", missing),
            Violation::AssigneeUnknown { subscription, user } => new("invariant.assignee_unknown")
                .text("id", subscription)
                .text("user", user),
            Violation::AssigneeOtherTenant { subscription, user } => {
                new("invariant.assignee_tenant")
                    .text("id", subscription)
                    .text("user", user)
            }
            Violation::AssignedTwice { subscription, user } => new("invariant.assigned_twice")
                .text("id", subscription)
                .text("user", user),
            Violation::OverAssigned {
                subscription,
                assigned,
                licenses,
            } => new("invariant.over_assigned")
                .text("id", subscription)
                .text("assigned", assigned)
                .text("licenses", licenses),
            Violation::NegativeAmount { kind, id } => new("invariant.negative")
                .key("kind", kind.key())
                .text("id", id),
            Violation::WrongCurrency {
                kind,
                id,
                found,
                expected,
            } => new("invariant.currency")
                .key("kind", kind.key())
                .text("id", id)
                .text("found", found)
                .text("expected", expected),
        }
    }
}

/// The first broken invariant of `state`, if any.
pub fn check(state: &State, catalog: &Catalog) -> Result<(), Violation> {
    RULES
        .iter()
        .try_for_each(|rule| check_rule(*rule, state, catalog))
}

fn check_rule(rule: Invariant, s: &State, catalog: &Catalog) -> Result<(), Violation> {
    match rule {
        Invariant::UniqueIds => {
            unique(
                Record::Tenant,
                s.directory.tenants.iter().map(|t| t.id.0.as_str()),
            )?;
            unique(
                Record::User,
                s.directory.users.iter().map(|u| u.id.0.as_str()),
            )?;
            unique(
                Record::Subscription,
                s.subscriptions.iter().map(|x| x.id.0.as_str()),
            )?;
            unique(Record::Bill, s.bills.iter().map(|b| b.id.0.as_str()))?;
            unique(Record::Card, s.cards.iter().map(|c| c.id.0.as_str()))
        }
        Invariant::SequenceAhead => {
            let made = s
                .subscriptions
                .iter()
                .map(|x| x.id.0.as_str())
                .chain(s.bills.iter().map(|b| b.id.0.as_str()))
                .chain(s.cards.iter().map(|c| c.id.0.as_str()));
            for id in made {
                if sequence_number(id).is_some_and(|n| n > s.sequence) {
                    return Err(Violation::SequenceBehind {
                        id: id.to_owned(),
                        sequence: s.sequence,
                    });
                }
            }
            Ok(())
        }
        Invariant::ReferencesResolve => references(s, catalog),
        Invariant::AssigneesBelong => {
            for sub in &s.subscriptions {
                let mut seen = HashSet::new();
                for user in &sub.assigned {
                    let at = |user: &str| (sub.id.0.clone(), user.to_owned());
                    let Some(u) = s.directory.user(user) else {
                        let (subscription, user) = at(&user.0);
                        return Err(Violation::AssigneeUnknown { subscription, user });
                    };
                    if u.tenant != sub.tenant {
                        let (subscription, user) = at(&user.0);
                        return Err(Violation::AssigneeOtherTenant { subscription, user });
                    }
                    if !seen.insert(user) {
                        let (subscription, user) = at(&user.0);
                        return Err(Violation::AssignedTwice { subscription, user });
                    }
                }
            }
            Ok(())
        }
        Invariant::AssignedWithinLicenses => {
            match s
                .subscriptions
                .iter()
                .find(|x| x.assigned.len() > x.licenses.get() as usize)
            {
                Some(x) => Err(Violation::OverAssigned {
                    subscription: x.id.0.clone(),
                    assigned: u32::try_from(x.assigned.len()).unwrap_or(u32::MAX),
                    licenses: x.licenses.get(),
                }),
                None => Ok(()),
            }
        }
        Invariant::MoneyInMarketCurrency => money(s),
    }
}

fn unique<'a>(kind: Record, ids: impl Iterator<Item = &'a str>) -> Result<(), Violation> {
    let mut seen = HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(Violation::DuplicateId {
                kind,
                id: id.to_owned(),
            });
        }
    }
    Ok(())
}

/// `sub-000012` → 12: the IDs `State::next_id` makes. Others (seeded names) are not counted.
fn sequence_number(id: &str) -> Option<u64> {
    let (prefix, n) = id.rsplit_once('-')?;
    (!prefix.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .then(|| n.parse().ok())
        .flatten()
}

fn references(s: &State, catalog: &Catalog) -> Result<(), Violation> {
    let missing = |kind, id: &str, names, what: &str| Violation::Unresolved {
        kind,
        id: id.to_owned(),
        names,
        missing: what.to_owned(),
    };
    let tenants: HashSet<&str> = s
        .directory
        .tenants
        .iter()
        .map(|t| t.id.0.as_str())
        .collect();
    for u in &s.directory.users {
        if !tenants.contains(u.tenant.0.as_str()) {
            return Err(missing(Record::User, &u.id.0, Record::Tenant, &u.tenant.0));
        }
    }
    let cards: HashSet<&str> = s.cards.iter().map(|c| c.id.0.as_str()).collect();
    for sub in &s.subscriptions {
        if catalog.product(&sub.product).is_none() {
            return Err(missing(
                Record::Subscription,
                &sub.id.0,
                Record::Product,
                sub.product.as_str(),
            ));
        }
        if !tenants.contains(sub.tenant.0.as_str()) {
            return Err(missing(
                Record::Subscription,
                &sub.id.0,
                Record::Tenant,
                &sub.tenant.0,
            ));
        }
        if let Some(p) = sub
            .purchaser
            .as_ref()
            .filter(|p| s.directory.user(p).is_none())
        {
            return Err(missing(Record::Subscription, &sub.id.0, Record::User, &p.0));
        }
        if let Some(c) = sub.card.as_ref().filter(|c| !cards.contains(c.0.as_str())) {
            return Err(missing(Record::Subscription, &sub.id.0, Record::Card, &c.0));
        }
    }
    let subs: HashSet<&str> = s.subscriptions.iter().map(|x| x.id.0.as_str()).collect();
    for bill in &s.bills {
        if !subs.contains(bill.subscription.0.as_str()) {
            return Err(missing(
                Record::Bill,
                &bill.id.0,
                Record::Subscription,
                &bill.subscription.0,
            ));
        }
        if s.directory.user(&bill.billed_to).is_none() {
            return Err(missing(
                Record::Bill,
                &bill.id.0,
                Record::User,
                &bill.billed_to.0,
            ));
        }
    }
    for card in &s.cards {
        if s.directory.user(&card.owner).is_none() {
            return Err(missing(
                Record::Card,
                &card.id.0,
                Record::User,
                &card.owner.0,
            ));
        }
    }
    Ok(())
}

fn money(s: &State) -> Result<(), Violation> {
    let currency: HashMap<&str, _> = s
        .directory
        .tenants
        .iter()
        .map(|t| (t.id.0.as_str(), t.market.currency))
        .collect();
    let checked = |kind: Record, id: &str, tenant: &str, amount: Money| {
        if amount.minor() < 0 {
            return Err(Violation::NegativeAmount {
                kind,
                id: id.to_owned(),
            });
        }
        match currency.get(tenant) {
            Some(expected) if *expected != amount.currency() => Err(Violation::WrongCurrency {
                kind,
                id: id.to_owned(),
                found: amount.currency().code().to_owned(),
                expected: expected.code().to_owned(),
            }),
            _ => Ok(()),
        }
    };
    let tenant_of: HashMap<&str, &str> = s
        .subscriptions
        .iter()
        .map(|x| (x.id.0.as_str(), x.tenant.0.as_str()))
        .collect();
    for sub in &s.subscriptions {
        checked(
            Record::Subscription,
            &sub.id.0,
            &sub.tenant.0,
            sub.unit_price,
        )?;
        for amount in sub.history.iter().filter_map(|h| h.amount) {
            checked(Record::Subscription, &sub.id.0, &sub.tenant.0, amount)?;
        }
    }
    for bill in &s.bills {
        let tenant = tenant_of
            .get(bill.subscription.0.as_str())
            .copied()
            .unwrap_or("");
        checked(Record::Bill, &bill.id.0, tenant, bill.amount)?;
    }
    Ok(())
}

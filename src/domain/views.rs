//! Read models: the rows of Billing > Your products, with filters, search and sorting; and
//! the answers a form shows before its command runs, computed as the command computes them.

use super::catalog::{Catalog, ProductId};
use super::directory::{Directory, TenantId, UserId};
use super::money::Money;
use super::policy::PolicyTarget;
use super::subscription::{Channel, State, Status, Subscription, SubscriptionId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Where a row's subscriptions come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Source {
    /// Bought by an admin for the organization.
    Central,
    /// Bought by a person with a card.
    SelfService,
    /// A self-service trial.
    Trial,
}

impl Source {
    /// The source of a subscription bought through `channel`.
    pub fn of(channel: Channel) -> Source {
        match channel {
            Channel::Central => Source::Central,
            Channel::SelfService => Source::SelfService,
            Channel::Trial { .. } => Source::Trial,
        }
    }
}

/// The filter above the grid, and the Self-service trials tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ProductFilter {
    /// The admin center's default.
    #[default]
    CentralOnly,
    /// Central purchases and self-service ones.
    IncludeSelfService,
    /// The Self-service trials tab.
    Trials,
}

impl ProductFilter {
    /// Whether the filter shows rows of `source`.
    pub fn admits(self, source: Source) -> bool {
        match self {
            ProductFilter::CentralOnly => source == Source::Central,
            ProductFilter::IncludeSelfService => {
                matches!(source, Source::Central | Source::SelfService)
            }
            ProductFilter::Trials => source == Source::Trial,
        }
    }
}

/// A column of Your products, to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Column {
    /// The product's name.
    #[default]
    Product,
    /// Central, self-service or trial.
    Source,
    /// Who bought it.
    Purchaser,
    /// How many licenses.
    Licenses,
    /// How many are assigned.
    Assigned,
    /// How many are free.
    Available,
    /// When it renews or ends.
    Renewal,
    /// The price per license.
    Price,
    /// Its status.
    Status,
}

/// How the grid is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Sort {
    /// By this column.
    pub column: Column,
    /// Largest or latest first.
    pub descending: bool,
}

/// One row of the grid: the subscriptions of one product from one source, summed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductRow {
    /// The product.
    pub product: ProductId,
    /// Its name.
    pub product_name: String,
    /// Where the row's subscriptions come from.
    pub source: Source,
    /// Purchasers' display names, in order of first purchase; empty for central rows.
    pub purchasers: Vec<String>,
    /// Licenses, summed over the row's subscriptions.
    pub licenses: u64,
    /// Assigned licenses, summed.
    pub assigned: u64,
    /// Free licenses, summed.
    pub available: u64,
    /// The earliest renewal or expiry among the row's subscriptions.
    pub renewal: NaiveDate,
    /// The per-license price of the first purchase (rows mix prices only in exports).
    pub price: Money,
    /// Active if any subscription is, else the first one's status.
    pub status: Status,
    /// A purchaser who left (disabled or deleted) owns one of the subscriptions.
    pub purchaser_left: bool,
    /// Shared, so that copying a row (the grid does, per render) copies no IDs.
    pub subscriptions: std::sync::Arc<[SubscriptionId]>,
}

/// What Your products shows: the filter, the search, the sort.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Which sources show.
    pub filter: ProductFilter,
    /// Matched against product and purchaser names, ignoring case.
    pub search: String,
    /// The order of the rows.
    pub sort: Sort,
}

fn purchaser_name(directory: &Directory, id: &Option<UserId>) -> Option<String> {
    id.as_ref()
        .and_then(|u| directory.user(u))
        .map(|u| u.display_name.clone())
}

fn status_rank(s: Status) -> u8 {
    match s {
        Status::Active => 0,
        Status::Expired => 1,
        Status::Disabled => 2,
        Status::Deleted => 3,
    }
}

/// The grid for one tenant: grouped, filtered, searched and sorted.
pub fn product_rows(
    state: &State,
    catalog: &Catalog,
    tenant: &TenantId,
    query: &Query,
) -> Vec<ProductRow> {
    search_rows(
        &group_rows(state, catalog, tenant, query.filter),
        &query.search,
        query.sort,
    )
}

/// The rows before search and sort: the one pass over every subscription. The grid keeps
/// this between keystrokes, so typing in the search box only filters these few rows.
pub fn group_rows(
    state: &State,
    catalog: &Catalog,
    tenant: &TenantId,
    filter: ProductFilter,
) -> Vec<ProductRow> {
    // One lookup table instead of a scan of the directory per subscription.
    let people: std::collections::HashMap<&UserId, &super::directory::User> = state
        .directory
        .users
        .iter()
        .filter(|u| &u.tenant == tenant)
        .map(|u| (&u.id, u))
        .collect();
    let mut rows: Vec<(ProductRow, Vec<SubscriptionId>)> = Vec::new();
    let mut index: std::collections::HashMap<(&ProductId, Source), usize> =
        std::collections::HashMap::new();
    for sub in state.subscriptions.iter().filter(|s| &s.tenant == tenant) {
        let source = Source::of(sub.channel);
        if !filter.admits(source) {
            continue;
        }
        let at = *index.entry((&sub.product, source)).or_insert_with(|| {
            rows.push((new_row(catalog, sub, source), Vec::new()));
            rows.len() - 1
        });
        let (row, ids) = &mut rows[at];
        let purchaser = sub.purchaser.as_ref().and_then(|u| people.get(u).copied());
        add_to_row(row, purchaser, sub);
        ids.push(sub.id.clone());
    }
    rows.into_iter()
        .map(|(row, ids)| ProductRow {
            subscriptions: ids.into(),
            ..row
        })
        .collect()
}

/// Search and sort over grouped rows.
pub fn search_rows(rows: &[ProductRow], search: &str, sort: Sort) -> Vec<ProductRow> {
    let needle = search.trim().to_lowercase();
    let mut rows: Vec<ProductRow> = rows
        .iter()
        .filter(|r| {
            needle.is_empty()
                || r.product_name.to_lowercase().contains(&needle)
                || r.product.as_str().to_lowercase().contains(&needle)
                || r.purchasers
                    .iter()
                    .any(|p| p.to_lowercase().contains(&needle))
        })
        .cloned()
        .collect();
    sort_rows(&mut rows, sort);
    rows
}

fn new_row(catalog: &Catalog, sub: &Subscription, source: Source) -> ProductRow {
    ProductRow {
        product: sub.product.clone(),
        product_name: catalog
            .product(&sub.product)
            .map_or_else(|| sub.product.to_string(), |p| p.name.clone()),
        source,
        purchasers: Vec::new(),
        licenses: 0,
        assigned: 0,
        available: 0,
        renewal: sub.term_end,
        price: sub.unit_price,
        status: sub.status,
        purchaser_left: false,
        subscriptions: Default::default(),
    }
}

fn add_to_row(
    row: &mut ProductRow,
    purchaser: Option<&super::directory::User>,
    sub: &Subscription,
) {
    // Only live subscriptions count towards the quantities an admin can use.
    if sub.is_active() {
        row.licenses += u64::from(sub.licenses.get());
        row.assigned += u64::from(sub.assigned_count());
        row.available += u64::from(sub.available());
        row.status = Status::Active;
    }
    row.renewal = row.renewal.min(sub.term_end);
    if let Some(user) = purchaser {
        if !row.purchasers.contains(&user.display_name) {
            row.purchasers.push(user.display_name.clone());
        }
        row.purchaser_left |= !user.is_active() && sub.is_active();
    }
}

fn sort_rows(rows: &mut [ProductRow], sort: Sort) {
    let cmp = |a: &ProductRow, b: &ProductRow| -> Ordering {
        let primary = match sort.column {
            Column::Product => a.product_name.cmp(&b.product_name),
            Column::Source => a.source.cmp(&b.source),
            Column::Purchaser => a.purchasers.first().cmp(&b.purchasers.first()),
            Column::Licenses => a.licenses.cmp(&b.licenses),
            Column::Assigned => a.assigned.cmp(&b.assigned),
            Column::Available => a.available.cmp(&b.available),
            Column::Renewal => a.renewal.cmp(&b.renewal),
            Column::Price => {
                (a.price.currency(), a.price.minor()).cmp(&(b.price.currency(), b.price.minor()))
            }
            Column::Status => status_rank(a.status).cmp(&status_rank(b.status)),
        };
        let primary = if sort.descending {
            primary.reverse()
        } else {
            primary
        };
        // A stable, total order: ties fall back to product then source.
        primary
            .then_with(|| a.product_name.cmp(&b.product_name))
            .then_with(|| a.source.cmp(&b.source))
    };
    rows.sort_by(cmp);
}

/// Self-service and central licenses per Power Platform product (the capacity view).
pub fn power_platform_capacity(
    state: &State,
    catalog: &Catalog,
    tenant: &TenantId,
) -> Vec<(ProductId, String, u64, u64)> {
    use super::catalog::ProductFamily;
    catalog
        .products
        .iter()
        .filter(|p| p.family == ProductFamily::PowerPlatform)
        .map(|p| {
            let (mut self_service, mut central) = (0u64, 0u64);
            for s in state
                .subscriptions
                .iter()
                .filter(|s| &s.tenant == tenant && s.product == p.id && s.is_active())
            {
                match Source::of(s.channel) {
                    Source::Central => central += u64::from(s.licenses.get()),
                    Source::SelfService | Source::Trial => {
                        self_service += u64::from(s.licenses.get())
                    }
                }
            }
            (p.id.clone(), p.name.clone(), self_service, central)
        })
        .collect()
}

/// The self-service subscriptions a person bought, newest first: their limited admin view.
pub fn purchases_of<'a>(state: &'a State, purchaser: &UserId) -> Vec<&'a Subscription> {
    let mut subs: Vec<&Subscription> = state
        .subscriptions
        .iter()
        .filter(|s| s.is_self_service() && s.purchaser.as_ref() == Some(purchaser))
        .map(std::sync::Arc::as_ref)
        .collect();
    subs.sort_by(|a, b| {
        b.term_start
            .cmp(&a.term_start)
            .then_with(|| b.id.cmp(&a.id))
    });
    subs
}

/// What the admin center is for a signed-in person: the full admin center, the limited
/// view of a purchaser (anyone who bought or started a trial through self-service), or
/// nothing to manage. The Admin tile and every `/admin` page follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminAccess {
    /// An admin role: Billing > Your products and Settings.
    Admin,
    /// A purchaser: the limited admin view of their own purchases.
    Purchaser,
    /// A partner in their own organization: their customers.
    Partner,
    /// Neither: the Admin tile says there is nothing to manage.
    NothingToManage,
}

/// What `actor` sees in the admin center.
pub fn admin_access(state: &State, actor: &super::authz::Actor) -> AdminAccess {
    use super::authz::{may, Action, Subject};
    let admin = may(
        &state.directory,
        actor,
        Action::ViewBilling,
        Subject::Tenant(&actor.tenant),
    )
    .is_ok();
    let partner = || {
        state
            .directory
            .user(&actor.user)
            .is_some_and(|u| !u.delegations.is_empty() && u.tenant == actor.tenant)
    };
    if admin {
        AdminAccess::Admin
    } else if partner() {
        AdminAccess::Partner
    } else if may(
        &state.directory,
        actor,
        Action::ViewOwnPurchases,
        Subject::Tenant(&actor.tenant),
    )
    .is_ok()
        && !purchases_of(state, &actor.user).is_empty()
    {
        AdminAccess::Purchaser
    } else {
        AdminAccess::NothingToManage
    }
}

/// People of a tenant whose name or email contains `query` (case-insensitive), for the
/// people picker; at most `limit`.
pub fn people_matching<'a>(
    directory: &'a Directory,
    tenant: &'a TenantId,
    query: &str,
    limit: usize,
) -> Vec<&'a super::directory::User> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    directory
        .members_of(tenant)
        .filter(|u| {
            u.display_name.to_lowercase().contains(&needle) || u.email.as_str().contains(&needle)
        })
        .take(limit)
        .collect()
}

/// The bills billed to a person whose period starts in `from..=to`, newest first.
pub fn bills_of<'a>(
    state: &'a State,
    person: &UserId,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<&'a super::subscription::Bill> {
    let mut bills: Vec<_> = state
        .bills
        .iter()
        .filter(|b| &b.billed_to == person && b.period_start >= from && b.period_start <= to)
        .collect();
    bills.sort_by(|a, b| {
        b.period_start
            .cmp(&a.period_start)
            .then_with(|| b.id.cmp(&a.id))
    });
    bills
}

fn csv_field(s: &str) -> String {
    // A leading = + @ would make a spreadsheet read the cell as a formula.
    let s = if s.starts_with(['=', '+', '@', '\t']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The users of some subscriptions as CSV: who, their address, and whose purchase.
pub fn users_csv(state: &State, subscriptions: &[SubscriptionId]) -> String {
    let mut out = String::from("Display name,User principal name,Subscription,Purchaser\r\n");
    for id in subscriptions {
        let Some(sub) = state.subscription(id) else {
            continue;
        };
        let purchaser = purchaser_name(&state.directory, &sub.purchaser).unwrap_or_default();
        for user in &sub.assigned {
            let (name, email) = state
                .directory
                .user(user)
                .map_or((user.0.clone(), String::new()), |u| {
                    (u.display_name.clone(), u.email.to_string())
                });
            out.push_str(
                &[csv_field(&name), csv_field(&email), csv_field(&sub.id.0), csv_field(&purchaser)]
                    .join(","),
            );
            out.push_str("\r\n");
        }
    }
    out
}

/// Who a policy value would let buy or try a product, counted over the tenant's accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PolicyImpact {
    /// Active member accounts of the tenant: the most who could ever buy or try.
    pub people: usize,
    /// Accounts that could buy the product.
    pub can_buy: usize,
    /// Accounts that could start a free trial (with or without a payment method).
    pub can_try: usize,
    /// Active subscriptions of the product in the tenant: a policy never changes them.
    pub subscriptions: usize,
}

/// The impact of `value` for `product` in `tenant` (set on the product, or on its offer
/// type for a third-party offer), all other policies as they are.
pub fn policy_impact(
    state: &State,
    product: &super::catalog::Product,
    tenant: &TenantId,
    value: super::policy::PolicyValue,
) -> PolicyImpact {
    use super::eligibility::{evaluate, TrialKind};
    let mut policies = state.policies.clone();
    // An offer type refuses "trials only": then its value stays, and so does the count.
    let _ = policies.set_value(tenant, &PolicyTarget::of(product), value);
    let mut impact = PolicyImpact::default();
    for user in state.directory.members_of(tenant) {
        impact.people +=
            usize::from(user.is_active() && user.kind == super::directory::AccountKind::Member);
        let verdict = evaluate(&state.directory, &policies, product, user);
        impact.can_buy += usize::from(verdict.may_purchase());
        impact.can_try += usize::from(
            verdict.may_trial(TrialKind::WithPaymentMethod, product)
                || verdict.may_trial(TrialKind::WithoutPaymentMethod, product),
        );
    }
    impact.subscriptions = state
        .subscriptions
        .iter()
        .filter(|s| &s.tenant == tenant && s.product == product.id && s.is_active())
        .count();
    impact
}

/// The impact of a value for a product or an offer type. Third-party offers of one type
/// share its rules, so one offer's count stands for the type; existing subscriptions
/// are summed over them all. `None` for a target the catalog does not sell.
pub fn target_impact(
    state: &State,
    catalog: &Catalog,
    tenant: &TenantId,
    target: &PolicyTarget,
    value: super::policy::PolicyValue,
) -> Option<PolicyImpact> {
    match target {
        PolicyTarget::Product(id) => catalog
            .product(id)
            .map(|p| policy_impact(state, p, tenant, value)),
        PolicyTarget::OfferType(t) => {
            let mut offers = catalog.offers_of(*t);
            let mut impact = policy_impact(state, offers.next()?, tenant, value);
            for other in offers {
                impact.subscriptions += policy_impact(state, other, tenant, value).subscriptions;
            }
            Some(impact)
        }
    }
}

/// The filter above the audit log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    /// Matched, ignoring case, against who, what it was about and the detail.
    pub search: String,
    /// A command name such as `set_policy`; `None` for every action.
    pub action: Option<String>,
    /// Succeeded or refused; `None` for both.
    pub outcome: Option<super::subscription::AuditOutcome>,
}

/// The name and address of the audit event's actor, marking a partner acting for a customer.
pub fn audit_actor(
    directory: &Directory,
    event: &super::subscription::AuditEvent,
) -> (String, String, bool) {
    match event.actor.as_ref().and_then(|id| directory.user(id)) {
        Some(u) => (
            u.display_name.clone(),
            u.email.to_string(),
            event.tenant.as_ref().is_some_and(|t| t != &u.tenant),
        ),
        None => (
            event
                .actor
                .as_ref()
                .map(|a| a.0.clone())
                .unwrap_or_default(),
            String::new(),
            false,
        ),
    }
}

/// The tenant's audit events, in the order they were written.
pub fn audit_of<'a: 't, 't>(
    state: &'a State,
    tenant: &'t TenantId,
) -> impl Iterator<Item = &'a super::subscription::AuditEvent> + 't {
    state
        .audit
        .iter()
        .filter(move |e| e.tenant.as_ref() == Some(tenant))
}

/// The tenant's audit events that match, newest first.
pub fn audit_events<'a>(
    state: &'a State,
    tenant: &TenantId,
    query: &AuditQuery,
) -> Vec<&'a super::subscription::AuditEvent> {
    let needle = query.search.trim().to_lowercase();
    let mut events: Vec<_> = audit_of(state, tenant)
        .filter(|e| query.action.as_ref().is_none_or(|a| &e.action == a))
        .filter(|e| query.outcome.is_none_or(|o| e.outcome == o))
        .filter(|e| {
            needle.is_empty() || {
                let (name, email, _) = audit_actor(&state.directory, e);
                [name.as_str(), email.as_str(), &e.subject, &e.detail, &e.action]
                    .iter()
                    .any(|f| f.to_lowercase().contains(&needle))
            }
        })
        .collect();
    // The log is appended in time order; newest first, ties kept in reverse order of writing.
    events.reverse();
    events.sort_by_key(|e| std::cmp::Reverse(e.at));
    events
}

/// The distinct actions in a tenant's log, sorted, for the filter's choices.
pub fn audit_actions(state: &State, tenant: &TenantId) -> Vec<String> {
    let mut actions: Vec<String> = audit_of(state, tenant).map(|e| e.action.clone()).collect();
    actions.sort();
    actions.dedup();
    actions
}

/// Audit events as CSV, in the order given.
pub fn audit_csv(directory: &Directory, events: &[&super::subscription::AuditEvent]) -> String {
    let mut out =
        String::from("Date (UTC),Actor,Actor email,Partner,Action,Subject,Outcome,Detail\r\n");
    for e in events {
        let (name, email, partner) = audit_actor(directory, e);
        let outcome = match e.outcome {
            super::subscription::AuditOutcome::Succeeded => "Succeeded",
            super::subscription::AuditOutcome::Refused => "Refused",
        };
        let at = e.at.format("%Y-%m-%d %H:%M:%S").to_string();
        let partner = if partner { "yes" } else { "" };
        out.push_str(
            &[at.as_str(), &name, &email, partner, &e.action, &e.subject, outcome, &e.detail]
                .map(csv_field)
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

/// What setting a self-service subscription's total licenses would do today.
/// `change_licenses` decides with this same function, so the preview and the command
/// cannot disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LicenseChange {
    /// The same number of licenses (or the reduction already scheduled).
    Unchanged,
    /// Fewer licenses than people assigned: refused until some are unassigned.
    BelowAssigned {
        /// Licenses assigned now.
        assigned: u32,
        /// The total asked for.
        total: u32,
    },
    /// More licenses: `charge` (the rest of the term, prorated by day) goes on the card now.
    /// A reduction waiting for the renewal is dropped.
    Add {
        /// Licenses added.
        added: u32,
        /// Charged to the card now.
        charge: Money,
    },
    /// Fewer licenses at once, inside the seven days after buying or renewing (or after
    /// buying the licenses removed): `refund` (prorated) goes back to the card. The next
    /// term costs `term_amount`.
    Remove {
        /// Licenses removed.
        removed: u32,
        /// Given back to the card.
        refund: Money,
        /// What the next term costs.
        term_amount: Money,
    },
    /// Fewer licenses after the seven days: the licenses stay until the renewal on `on`,
    /// which charges `term_amount` for the new total. Nothing is given back.
    AtRenewal {
        /// Licenses removed at the renewal.
        removed: u32,
        /// The renewal day, when the change takes effect.
        on: chrono::NaiveDate,
        /// What the next term costs.
        term_amount: Money,
    },
    /// The total it has now, while a reduction waits for the renewal: the reduction is
    /// dropped and the next term keeps every license.
    KeepAtRenewal {
        /// The reduction dropped: licenses the renewal would have removed.
        kept: u32,
    },
    /// Fewer licenses while recurring billing is off: refused (buy-licenses: "You can only
    /// remove licenses when recurring billing is turned on").
    NeedsRecurringBilling,
}

impl LicenseChange {
    /// Whether `change_licenses` carries it out (the others are refusals or no change).
    pub const fn is_accepted(self) -> bool {
        matches!(
            self,
            LicenseChange::Add { .. }
                | LicenseChange::Remove { .. }
                | LicenseChange::AtRenewal { .. }
                | LicenseChange::KeepAtRenewal { .. }
        )
    }
}

/// What a self-service purchase of `licenses` at `unit` charges each month: the amount
/// `Command::Purchase` charges, which the checkout shows as its total while it is typed.
pub fn order_total(
    unit: Money,
    licenses: super::subscription::Quantity,
) -> Result<Money, super::money::MoneyError> {
    unit.checked_mul(licenses.get())
}

/// Whether a checkout asks for a card: a purchase always does; a trial does when the trial
/// the verdict allows takes a payment method, or, before there is a verdict to go by,
/// when the product has no trial without one.
pub fn checkout_needs_card(
    trial: bool,
    verdict: Option<&super::eligibility::Verdict>,
    product: &super::catalog::Product,
) -> bool {
    if !trial {
        return true;
    }
    match verdict.and_then(|v| v.trial_offered(product)) {
        Some(kind) => kind == super::catalog::TrialKind::WithPaymentMethod,
        None => !product.trial_without_payment_method(),
    }
}

/// What changing `sub`'s licenses to `total` would do today, or why it is refused.
pub fn license_change(
    state: &State,
    sub: &Subscription,
    total: super::subscription::Quantity,
    today: chrono::NaiveDate,
) -> Result<LicenseChange, super::money::MoneyError> {
    use super::lifecycle::{prorated_charge, prorated_refund, removable_now};
    let (old, new, assigned) = (sub.licenses.get(), total.get(), sub.assigned_count());
    let scheduled = sub.licenses_at_renewal.map(|q| q.get());
    let term_amount = || sub.unit_price.checked_mul(new);
    Ok(if new < assigned {
        LicenseChange::BelowAssigned {
            assigned,
            total: new,
        }
    } else if new > old {
        LicenseChange::Add {
            added: new - old,
            charge: prorated_charge(sub, new - old, today)?,
        }
    } else if new == old {
        match scheduled {
            Some(at_renewal) => LicenseChange::KeepAtRenewal {
                kept: old.saturating_sub(at_renewal),
            },
            None => LicenseChange::Unchanged,
        }
    } else if !sub.auto_renew {
        LicenseChange::NeedsRecurringBilling
    } else if old - new <= removable_now(sub, today) {
        LicenseChange::Remove {
            removed: old - new,
            refund: prorated_refund(state, sub, old - new, today)?,
            term_amount: term_amount()?,
        }
    } else if scheduled == Some(new) {
        LicenseChange::Unchanged
    } else {
        LicenseChange::AtRenewal {
            removed: old - new,
            on: sub.term_end,
            term_amount: term_amount()?,
        }
    })
}

/// Whether an admin may move a purchaser's users onto `target`: an active subscription the
/// same organization pays for centrally, of any product ("Select the product that you want
/// to move the users to", admins' doc); it needs a free license per person moved.
pub fn is_move_target(source: &Subscription, target: &Subscription) -> bool {
    target.channel == Channel::Central && target.is_active() && target.tenant == source.tenant
}

/// Every subscription the users of `source` may move to, the same product first.
pub fn move_targets<'a>(state: &'a State, source: &Subscription) -> Vec<&'a Subscription> {
    let mut targets: Vec<&Subscription> = state
        .subscriptions
        .iter()
        .map(AsRef::as_ref)
        .filter(|t| is_move_target(source, t))
        .collect();
    targets.sort_by_key(|t| (t.product != source.product, t.id.clone()));
    targets
}

/// What moving `source`'s users onto `target` takes. `take_over_move` decides with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MovePlan {
    /// Not a target for these users: another product, tenant or an inactive subscription.
    Unsuitable,
    /// `moving` people get a license of the target (those who hold one already are skipped).
    Fits {
        /// How many people move.
        moving: u32,
    },
    /// The target has `available` free licenses and `needed` are needed.
    Shortfall {
        /// Licenses needed.
        needed: u32,
        /// Licenses free on the target.
        available: u32,
    },
}

/// What moving `source`'s users onto `target` takes.
pub fn move_plan(source: &Subscription, target: &Subscription) -> MovePlan {
    if !is_move_target(source, target) {
        return MovePlan::Unsuitable;
    }
    let moving = source
        .assigned
        .iter()
        .filter(|u| !target.assigned.contains(u))
        .count();
    let moving = u32::try_from(moving).unwrap_or(u32::MAX);
    if moving > target.available() {
        MovePlan::Shortfall {
            needed: moving,
            available: target.available(),
        }
    } else {
        MovePlan::Fits { moving }
    }
}

/// The admin home's figures for one organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TenantFigures {
    /// Active subscriptions, and how many of them are self-service.
    pub active: usize,
    /// Active self-service subscriptions.
    pub self_service: usize,
    /// Products whose policy is not `Enabled`.
    pub limited_products: usize,
    /// Audit events, and how many of them were refusals.
    pub events: usize,
    /// Refused actions.
    pub refused: usize,
}

/// The admin home's figures for `tenant`.
pub fn tenant_figures(state: &State, catalog: &Catalog, tenant: &TenantId) -> TenantFigures {
    let mut figures = TenantFigures::default();
    for sub in state
        .subscriptions
        .iter()
        .filter(|x| &x.tenant == tenant && x.is_active())
    {
        figures.active += 1;
        figures.self_service += usize::from(sub.is_self_service());
    }
    figures.limited_products = catalog
        .microsoft()
        .filter(|p| state.policies.get(tenant, &p.id) != super::policy::PolicyValue::Enabled)
        .count();
    for event in audit_of(state, tenant) {
        figures.events += 1;
        figures.refused += usize::from(event.outcome == super::subscription::AuditOutcome::Refused);
    }
    figures
}

//! Subscriptions, licenses and their assignments, bills, notifications and the audit log.

use super::card::{CardId, StoredCard};
use super::catalog::ProductId;
use super::directory::{Directory, TenantId, UserId};
use super::money::Money;
use super::policy::Policies;
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// A number of licenses: at least one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Quantity(u32);

/// The most licenses one subscription may hold (the admin center's own ceiling).
pub const MAX_LICENSES: u32 = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuantityError {
    Zero,
    TooMany,
    NotANumber,
}

impl fmt::Display for QuantityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuantityError::Zero => write!(f, "choose at least one license"),
            QuantityError::TooMany => write!(f, "at most {MAX_LICENSES} licenses"),
            QuantityError::NotANumber => write!(f, "the number of licenses is a whole number"),
        }
    }
}

impl Quantity {
    pub const ONE: Quantity = Quantity(1);

    pub const fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for Quantity {
    type Error = QuantityError;
    fn try_from(n: u32) -> Result<Self, Self::Error> {
        match n {
            0 => Err(QuantityError::Zero),
            n if n > MAX_LICENSES => Err(QuantityError::TooMany),
            n => Ok(Quantity(n)),
        }
    }
}

impl TryFrom<&str> for Quantity {
    type Error = QuantityError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        let text = text.trim();
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(QuantityError::NotANumber);
        }
        let n: u32 = text.parse().map_err(|_| QuantityError::TooMany)?;
        Quantity::try_from(n)
    }
}

impl From<Quantity> for u32 {
    fn from(q: Quantity) -> u32 {
        q.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SubscriptionId(pub String);

impl fmt::Display for SubscriptionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How a subscription was bought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Channel {
    /// Bought by the organisation's admins (or a partner), on central terms.
    Central,
    /// Bought by a person with a credit card.
    SelfService,
    /// A one-month trial started through self-service.
    Trial { with_payment_method: bool },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    Active,
    /// Canceled by its purchaser.
    Canceled,
    /// Taken over or canceled by an admin.
    Deleted,
    /// A trial that ended without converting.
    Expired,
}

impl Status {
    /// The catalog key of the status as the admin center shows it.
    pub const fn message_key(self) -> &'static str {
        match self {
            Status::Active => "status.active",
            Status::Canceled => "status.canceled",
            Status::Deleted => "status.deleted",
            Status::Expired => "status.expired",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderKind {
    Purchase,
    TrialStarted,
    LicensesAdded,
    LicensesRemoved,
    Renewed,
    ConvertedFromTrial,
    Canceled,
    TakenOver,
    Expired,
}

/// One line of a subscription's order history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderEntry {
    pub at: DateTime<Utc>,
    pub kind: OrderKind,
    pub by: UserId,
    /// Licenses after this entry.
    pub licenses: u32,
    pub amount: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub id: SubscriptionId,
    pub product: ProductId,
    pub tenant: TenantId,
    /// The person who bought it through self-service; none for central purchases.
    pub purchaser: Option<UserId>,
    pub channel: Channel,
    pub licenses: Quantity,
    pub assigned: Vec<UserId>,
    pub status: Status,
    pub term_start: NaiveDate,
    pub term_end: NaiveDate,
    pub auto_renew: bool,
    /// Per license per month, at the time of purchase.
    pub unit_price: Money,
    pub card: Option<CardId>,
    pub history: Vec<OrderEntry>,
    /// Why it was canceled or taken over, when it was.
    #[serde(default)]
    pub cancel_reason: Option<String>,
}

impl Subscription {
    pub fn assigned_count(&self) -> u32 {
        // Assignments never exceed licenses, which fit in a u32.
        u32::try_from(self.assigned.len()).unwrap_or(u32::MAX)
    }

    pub fn available(&self) -> u32 {
        self.licenses.get().saturating_sub(self.assigned_count())
    }

    pub fn is_active(&self) -> bool {
        self.status == Status::Active
    }

    pub fn is_self_service(&self) -> bool {
        !matches!(self.channel, Channel::Central)
    }

    /// What one term costs at the purchase price.
    pub fn term_amount(&self) -> Money {
        self.unit_price
            .checked_mul(self.licenses.get())
            .unwrap_or(self.unit_price)
    }
}

/// One month after `date` (clamped to the month's end), the length of a term.
pub fn one_month_after(date: NaiveDate) -> NaiveDate {
    date.checked_add_months(Months::new(1)).unwrap_or(date)
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BillId(pub String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BillStatus {
    Due,
    Paid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bill {
    pub id: BillId,
    pub subscription: SubscriptionId,
    /// The person billed: the purchaser.
    pub billed_to: UserId,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub issued: NaiveDate,
    pub amount: Money,
    pub status: BillStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotificationKind {
    TakenOver { moved_to: SubscriptionId },
    CanceledByAdmin { reason: String },
    CancelRequested { central: SubscriptionId },
    BillDue { bill: BillId },
    TrialEnding,
    TrialExpired,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub to: UserId,
    pub at: DateTime<Utc>,
    pub subscription: SubscriptionId,
    pub kind: NotificationKind,
    pub read: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditOutcome {
    Succeeded,
    Refused,
}

/// Who did what, when, and how it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub at: DateTime<Utc>,
    pub actor: Option<UserId>,
    pub tenant: Option<TenantId>,
    /// The command's name, such as `purchase` or `set_policy`.
    pub action: String,
    /// What it was about, in words an admin reads.
    pub subject: String,
    pub outcome: AuditOutcome,
    pub detail: String,
}

/// Everything that changes: the whole persisted state of the demo world.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub directory: Directory,
    pub policies: Policies,
    /// Shared, so that copying the state for a command copies pointers, and a change
    /// (`Arc::make_mut`) copies the one subscription it touches.
    pub subscriptions: Vec<Arc<Subscription>>,
    pub bills: Vec<Bill>,
    pub cards: Vec<StoredCard>,
    pub notifications: Vec<Notification>,
    pub audit: Vec<AuditEvent>,
    /// The last number handed out for a new ID.
    pub sequence: u64,
}

impl State {
    pub fn subscription(&self, id: &SubscriptionId) -> Option<&Subscription> {
        self.subscriptions
            .iter()
            .find(|s| &s.id == id)
            .map(Arc::as_ref)
    }

    pub fn bill(&self, id: &BillId) -> Option<&Bill> {
        self.bills.iter().find(|b| &b.id == id)
    }

    pub fn card(&self, id: &CardId) -> Option<&StoredCard> {
        self.cards.iter().find(|c| &c.id == id)
    }

    pub(crate) fn next_id(&mut self, prefix: &str) -> String {
        self.sequence += 1;
        format!("{prefix}-{:06}", self.sequence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantity_table() {
        let cases = [
            ("1", Ok(1)),
            (" 25 ", Ok(25)),
            ("100000", Ok(100_000)),
            ("0", Err(QuantityError::Zero)),
            ("100001", Err(QuantityError::TooMany)),
            ("99999999999", Err(QuantityError::TooMany)),
            ("-1", Err(QuantityError::NotANumber)),
            ("1.5", Err(QuantityError::NotANumber)),
            ("", Err(QuantityError::NotANumber)),
        ];
        for (text, expected) in cases {
            assert_eq!(
                Quantity::try_from(text).map(Quantity::get),
                expected,
                "{text:?}"
            );
        }
        assert!(serde_json::from_str::<Quantity>("0").is_err());
    }

    #[test]
    fn one_month_clamps_to_the_month_end() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(one_month_after(d(2026, 1, 31)), d(2026, 2, 28));
        assert_eq!(one_month_after(d(2026, 11, 26)), d(2026, 12, 26));
        assert_eq!(one_month_after(d(2026, 12, 15)), d(2027, 1, 15));
    }
}

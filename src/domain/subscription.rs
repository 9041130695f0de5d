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

/// Why typed text is not a number of licenses. Each names what is wrong with what was
/// typed, so the field can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuantityError {
    /// Nothing was typed.
    Empty,
    /// Letters, symbols or spaces inside the number.
    NotANumber,
    /// `1.5`, `2,5`: licenses are whole.
    Decimal,
    /// Below zero.
    Negative,
    /// Zero: a subscription has one license at least.
    Zero,
    /// Above the most allowed: `max`.
    TooMany {
        /// The most one subscription holds.
        max: u32,
    },
    /// `１２`: digits typed with a full-width (CJK) keyboard.
    FullWidth,
    /// `1e3`.
    Exponent,
}

impl QuantityError {
    /// The catalog key of the message shown under the field.
    pub const fn message_key(self) -> &'static str {
        match self {
            QuantityError::Empty => "quantity.empty",
            QuantityError::NotANumber => "quantity.not_a_number",
            QuantityError::Decimal => "quantity.decimal",
            QuantityError::Negative => "quantity.negative",
            QuantityError::Zero => "quantity.zero",
            QuantityError::TooMany { .. } => "quantity.too_many",
            QuantityError::FullWidth => "quantity.full_width",
            QuantityError::Exponent => "quantity.exponent",
        }
    }
}

impl fmt::Display for QuantityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuantityError::Empty => write!(f, "enter a number of licenses"),
            QuantityError::NotANumber => write!(f, "the number of licenses is a whole number"),
            QuantityError::Decimal => write!(f, "licenses are whole: no decimals"),
            QuantityError::Negative => write!(f, "the number of licenses cannot be negative"),
            QuantityError::Zero => write!(f, "choose at least one license"),
            QuantityError::TooMany { max } => write!(f, "at most {max}"),
            QuantityError::FullWidth => write!(f, "type the digits 0-9, not full-width digits"),
            QuantityError::Exponent => write!(f, "type the number in full, without an exponent"),
        }
    }
}

impl Quantity {
    /// One license.
    pub const ONE: Quantity = Quantity(1);

    /// The number of licenses.
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for Quantity {
    type Error = QuantityError;
    fn try_from(n: u32) -> Result<Self, Self::Error> {
        match n {
            0 => Err(QuantityError::Zero),
            n if n > MAX_LICENSES => Err(QuantityError::TooMany { max: MAX_LICENSES }),
            n => Ok(Quantity(n)),
        }
    }
}

/// A whole number from 1 to `max`, from text as typed: surrounding spaces are ignored,
/// anything else that is not the digits 0-9 is refused with what it is. Nothing is rounded
/// or dropped, so the number used is the number shown.
pub fn parse_count(text: &str, max: u32) -> Result<u32, QuantityError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(QuantityError::Empty);
    }
    if text.chars().any(|c| ('\u{ff10}'..='\u{ff19}').contains(&c)) {
        return Err(QuantityError::FullWidth);
    }
    let (negative, digits) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let numeric = |c: char| c.is_ascii_digit();
    if !digits.chars().all(numeric) {
        let decimal = digits.split_once(['.', ',']).is_some_and(|(w, f)| {
            !w.is_empty() && w.chars().all(numeric) && !f.is_empty() && f.chars().all(numeric)
        });
        let exponent = digits.split_once(['e', 'E']).is_some_and(|(m, e)| {
            !m.is_empty()
                && !e.is_empty()
                && m.chars().all(|c| numeric(c) || c == '.')
                && e.trim_start_matches(['+', '-']).chars().all(numeric)
        });
        return Err(if decimal {
            QuantityError::Decimal
        } else if exponent {
            QuantityError::Exponent
        } else {
            QuantityError::NotANumber
        });
    }
    if digits.is_empty() {
        return Err(QuantityError::NotANumber);
    }
    if negative {
        // "-0" is as much no license as "0".
        return Err(if digits.bytes().all(|b| b == b'0') {
            QuantityError::Zero
        } else {
            QuantityError::Negative
        });
    }
    // Leading zeros are still the number typed; anything past u32 is too many.
    let n: u32 = digits.parse().map_err(|_| QuantityError::TooMany { max })?;
    match n {
        0 => Err(QuantityError::Zero),
        n if n > max => Err(QuantityError::TooMany { max }),
        n => Ok(n),
    }
}

/// Licenses as typed, through `parse_count` up to `MAX_LICENSES`.
impl TryFrom<&str> for Quantity {
    type Error = QuantityError;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        parse_count(text, MAX_LICENSES).map(Quantity)
    }
}

impl From<Quantity> for u32 {
    fn from(q: Quantity) -> u32 {
        q.0
    }
}

/// A subscription's ID.
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
    Trial {
        /// A card is on file, and the trial converts to a paid subscription.
        with_payment_method: bool,
    },
}

/// Where a subscription is in its life: Active → Expired → Disabled → Deleted
/// (what-if-my-subscription-expires). `lifecycle` has the days each lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    /// In use: licenses work and the term runs.
    Active,
    /// Ended; users keep access for 30 days, and it can be reactivated.
    Expired,
    /// Users have lost access; admins still see it for 90 days and can reactivate it.
    /// (Version 1 called a canceled subscription `Canceled`.)
    #[serde(alias = "Canceled")]
    Disabled,
    /// Gone for good: taken over by an admin, or 90 days after it was disabled.
    Deleted,
}

impl Status {
    /// The catalog key of the status as the admin center shows it.
    pub const fn message_key(self) -> &'static str {
        match self {
            Status::Active => "status.active",
            Status::Expired => "status.expired",
            Status::Disabled => "status.disabled",
            Status::Deleted => "status.deleted",
        }
    }

    /// Whether the people assigned a license can use the product (Expired keeps access).
    pub const fn users_have_access(self) -> bool {
        matches!(self, Status::Active | Status::Expired)
    }
}

/// Why a subscription stopped being active.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EndReason {
    /// The term ended with recurring billing off.
    RecurringBillingOff,
    /// The renewal charge was declined on every try.
    PaymentFailed,
    /// Canceled inside the cancellation window.
    Canceled,
    /// A trial ended without converting.
    TrialOver,
    /// An admin moved its users or canceled it.
    TakenOver,
}

/// A renewal whose charge was declined: the bill waits and the card is tried again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastDue {
    /// The bill that waits.
    pub bill: BillId,
    /// Charges tried so far, the first at the renewal.
    pub attempts: u32,
    /// The day the card is tried again.
    pub next_try: NaiveDate,
}

/// What a line of the order history records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderKind {
    /// Bought.
    Purchase,
    /// A trial started.
    TrialStarted,
    /// Licenses added.
    LicensesAdded,
    /// Licenses removed.
    LicensesRemoved,
    /// Fewer licenses asked for, to take effect at the next renewal.
    LicensesRemovalScheduled,
    /// Renewed for a new term.
    Renewed,
    /// A trial became a paid subscription.
    ConvertedFromTrial,
    /// Canceled.
    Canceled,
    /// Taken over by an admin.
    TakenOver,
    /// Expired.
    Expired,
    /// Disabled: users lost access.
    Disabled,
    /// Deleted.
    Deleted,
    /// Reactivated after it expired.
    Reactivated,
    /// Recurring billing turned on.
    RecurringBillingOn,
    /// Recurring billing turned off.
    RecurringBillingOff,
    /// A charge was declined.
    PaymentDeclined,
    /// Money went back to the card.
    Refunded,
    /// The trial was extended once.
    TrialExtended,
}

/// One line of a subscription's order history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// What happened.
    pub kind: OrderKind,
    /// Who did it (the purchaser, an admin, or the system's clock through the purchaser).
    pub by: UserId,
    /// Licenses after this entry.
    pub licenses: u32,
    /// What was charged or refunded, if anything.
    pub amount: Option<Money>,
}

/// Licenses of one product, bought centrally or through self-service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    /// Its ID.
    pub id: SubscriptionId,
    /// The product.
    pub product: ProductId,
    /// The organization it belongs to.
    pub tenant: TenantId,
    /// The person who bought it through self-service; none for central purchases.
    pub purchaser: Option<UserId>,
    /// How it was bought.
    pub channel: Channel,
    /// Licenses bought.
    pub licenses: Quantity,
    /// Fewer licenses from the next renewal on: a reduction asked for outside the seven
    /// days in which licenses can be removed at once (buy-licenses: "If the window is
    /// closed, the subscription details page lists the date when your plan changes take
    /// effect").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licenses_at_renewal: Option<Quantity>,
    /// The people who hold a license.
    pub assigned: Vec<UserId>,
    /// Where it is in its life.
    pub status: Status,
    /// The first day of the current term.
    pub term_start: NaiveDate,
    /// The last day of the current term.
    pub term_end: NaiveDate,
    /// Recurring billing: on, the card is charged for a new term when this one ends.
    pub auto_renew: bool,
    /// The day the current status began; Expired and Disabled count their days from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_since: Option<NaiveDate>,
    /// Why it ended, once it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_reason: Option<EndReason>,
    /// A declined renewal being tried again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub past_due: Option<PastDue>,
    /// A trial is extended once.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trial_extended: bool,
    /// Per license per month, at the time of purchase.
    pub unit_price: Money,
    /// The card it is billed to; none for central purchases and cardless trials.
    pub card: Option<CardId>,
    /// Its order history, oldest first.
    pub history: Vec<OrderEntry>,
    /// Why it was canceled or taken over, when it was.
    #[serde(default)]
    pub cancel_reason: Option<String>,
}

impl Subscription {
    /// How many licenses are assigned.
    pub fn assigned_count(&self) -> u32 {
        // Assignments never exceed licenses, which fit in a u32.
        u32::try_from(self.assigned.len()).unwrap_or(u32::MAX)
    }

    /// How many licenses are free.
    pub fn available(&self) -> u32 {
        self.licenses.get().saturating_sub(self.assigned_count())
    }

    /// It is Active.
    pub fn is_active(&self) -> bool {
        self.status == Status::Active
    }

    /// It is a trial.
    pub fn is_trial(&self) -> bool {
        matches!(self.channel, Channel::Trial { .. })
    }

    /// Paid through self-service: bought, or a trial that converted.
    pub fn is_paid_self_service(&self) -> bool {
        self.channel == Channel::SelfService
    }

    /// It was bought or started through self-service (a trial too).
    pub fn is_self_service(&self) -> bool {
        !matches!(self.channel, Channel::Central)
    }

    /// Recurring billing off, and with it any reduction that waited for the renewal: a
    /// reduction needs recurring billing on, and there is no renewal left to take effect at.
    pub fn stop_renewing(&mut self) {
        self.auto_renew = false;
        self.licenses_at_renewal = None;
    }

    /// The licenses the next term is for: a scheduled reduction, but never fewer than the
    /// people assigned then (this demo's own rule: Microsoft's pages do not say what a
    /// renewal does when more people hold a license than the reduction keeps).
    pub fn renewal_licenses(&self) -> Quantity {
        match self.licenses_at_renewal {
            Some(q) if q.get() >= self.assigned_count() => q,
            Some(_) => Quantity::try_from(self.assigned_count()).unwrap_or(self.licenses),
            None => self.licenses,
        }
    }

    /// What the next term costs: the renewal's licenses at the purchase price.
    pub fn renewal_amount(&self) -> Money {
        self.unit_price
            .checked_mul(self.renewal_licenses().get())
            .unwrap_or(self.unit_price)
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

/// A bill's ID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BillId(pub String);

/// Whether a bill is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BillStatus {
    /// Paid.
    Paid,
    /// The charge was declined; the card is tried again (or the purchaser pays it).
    /// (Version 1 called it `Due`.)
    #[serde(alias = "Due")]
    PastDue,
    /// Never collected: the renewal it was for did not happen, the subscription expired.
    Void,
}

/// A charge for a period, or a credit given back for part of one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BillKind {
    /// A charge to the card.
    #[default]
    Charge,
    /// A prorated refund, returned to the card.
    Refund,
}

/// One line of the purchaser's bills: every charge, refund and credit, with its period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bill {
    /// Its ID.
    pub id: BillId,
    /// The subscription billed.
    pub subscription: SubscriptionId,
    /// The person billed: the purchaser.
    pub billed_to: UserId,
    /// The first day of the period billed.
    pub period_start: NaiveDate,
    /// The last day of the period billed.
    pub period_end: NaiveDate,
    /// The day it was issued.
    pub issued: NaiveDate,
    /// Never negative: a refund is a `Refund` line of a positive amount.
    pub amount: Money,
    /// Paid, past due or void.
    pub status: BillStatus,
    /// A charge or a refund.
    #[serde(default, skip_serializing_if = "is_charge")]
    pub kind: BillKind,
}

fn is_charge(kind: &BillKind) -> bool {
    *kind == BillKind::Charge
}

/// What the simulated card processor did: it took money, or gave it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaymentKind {
    /// Money taken from the card.
    Charge,
    /// Money given back to the card.
    Refund,
}

/// The processor's own record of one movement of money, for one bill line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    /// The bill line it pays or refunds.
    pub bill: BillId,
    /// The card.
    pub card: CardId,
    /// When.
    pub at: DateTime<Utc>,
    /// How much.
    pub amount: Money,
    /// Charge or refund.
    pub kind: PaymentKind,
}

/// What a message to the purchaser is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotificationKind {
    /// An admin took the purchase over and moved its users.
    TakenOver {
        /// The central subscription the users moved to.
        moved_to: SubscriptionId,
    },
    /// An admin canceled the purchase.
    CanceledByAdmin {
        /// The admin's reason, as its catalog key.
        reason: String,
    },
    /// An admin asks the purchaser to cancel: the users have licenses centrally now.
    CancelRequested {
        /// The central subscription.
        central: SubscriptionId,
    },
    /// The card will be charged for a new term on `on`.
    RenewalComing {
        /// The renewal day.
        on: NaiveDate,
    },
    /// A charge was declined; the card is tried again on `next_try`, if any.
    /// (Version 1 called it `BillDue`.)
    #[serde(alias = "BillDue")]
    PaymentFailed {
        /// The bill declined.
        bill: BillId,
        /// The next try, if there is one.
        #[serde(default)]
        next_try: Option<NaiveDate>,
    },
    /// A trial ends within a week: it converts and is charged, or expires.
    TrialEnding,
    /// A trial ended without converting.
    TrialExpired,
    /// Ended; users keep access until `access_ends`.
    Expired {
        /// The day users lose access.
        access_ends: NaiveDate,
    },
    /// Users have lost access; deleted on `deleted_on` unless reactivated.
    Disabled {
        /// The day it is deleted.
        deleted_on: NaiveDate,
    },
    /// Money went back to the card.
    Refunded {
        /// The refund's bill line.
        bill: BillId,
        /// How much.
        amount: Money,
    },
}

/// A message to a purchaser, in the limited admin view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    /// Whom it is for.
    pub to: UserId,
    /// When it was sent.
    pub at: DateTime<Utc>,
    /// The subscription it is about.
    pub subscription: SubscriptionId,
    /// What it says.
    pub kind: NotificationKind,
    /// Read already.
    pub read: bool,
}

/// How an audited action ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditOutcome {
    /// It was done.
    Succeeded,
    /// It was refused; the event says why.
    Refused,
}

/// Who did what, when, and how it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// When.
    pub at: DateTime<Utc>,
    /// Who, when someone signed in did it.
    pub actor: Option<UserId>,
    /// The organization it happened in.
    pub tenant: Option<TenantId>,
    /// The command's name, such as `purchase` or `set_policy`.
    pub action: String,
    /// What it was about, in words an admin reads.
    pub subject: String,
    /// Done or refused.
    pub outcome: AuditOutcome,
    /// The record's own words (en-US, like the admin center's audit data); the export
    /// keeps them.
    pub detail: String,
    /// Why a refused command was refused, for the page to say in the reader's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<super::explanation::KeptExplanation>,
    /// The key of the submission a successful command came with: each is taken once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission: Option<SubmissionKey>,
}

/// Made when a form or an order review opens, and sent with every command it submits.
/// The domain takes each key once, so whatever arrives twice — a double click, a repeated
/// Enter, an event sent again, back then forward — changes money and licenses once.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SubmissionKey(String);

/// Text that is not a submission key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MalformedKey;

impl SubmissionKey {
    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// 8 to 64 characters of `A-Z a-z 0-9 - _`.
impl TryFrom<&str> for SubmissionKey {
    type Error = MalformedKey;
    fn try_from(text: &str) -> Result<Self, Self::Error> {
        let ok = (8..=64).contains(&text.len())
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| SubmissionKey(text.to_owned()))
            .ok_or(MalformedKey)
    }
}

impl TryFrom<String> for SubmissionKey {
    type Error = MalformedKey;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        SubmissionKey::try_from(text.as_str())
    }
}

impl From<SubmissionKey> for String {
    fn from(key: SubmissionKey) -> String {
        key.0
    }
}

impl fmt::Display for MalformedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a submission key is 8 to 64 letters, digits, '-' or '_'")
    }
}

/// Everything that changes: the whole persisted state of the demo world.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The organizations and their people.
    pub directory: Directory,
    /// Each organization's `AllowSelfServicePurchase` values.
    pub policies: Policies,
    /// Shared, so that copying the state for a command copies pointers, and a change
    /// (`Arc::make_mut`) copies the one subscription it touches.
    pub subscriptions: Vec<Arc<Subscription>>,
    /// Every bill line.
    pub bills: Vec<Bill>,
    /// Every kept card.
    pub cards: Vec<StoredCard>,
    /// The simulated processor's record: what it took from cards and gave back.
    #[serde(default)]
    pub payments: Vec<Payment>,
    /// Messages to purchasers.
    pub notifications: Vec<Notification>,
    /// The audit log, oldest first.
    pub audit: Vec<AuditEvent>,
    /// The last number handed out for a new ID.
    pub sequence: u64,
}

impl State {
    /// The subscription with this ID.
    pub fn subscription(&self, id: &SubscriptionId) -> Option<&Subscription> {
        self.subscriptions
            .iter()
            .find(|s| &s.id == id)
            .map(Arc::as_ref)
    }

    /// The bill with this ID.
    pub fn bill(&self, id: &BillId) -> Option<&Bill> {
        self.bills.iter().find(|b| &b.id == id)
    }

    /// The card with this ID.
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
            ("100001", Err(QuantityError::TooMany { max: MAX_LICENSES })),
            (
                "99999999999",
                Err(QuantityError::TooMany { max: MAX_LICENSES }),
            ),
            ("-1", Err(QuantityError::Negative)),
            ("1.5", Err(QuantityError::Decimal)),
            ("", Err(QuantityError::Empty)),
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

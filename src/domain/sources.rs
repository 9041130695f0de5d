//! Where each rule comes from: the Microsoft page that states it, with a short quote, or this
//! demo's own choice with why. Data beside the rules, one exhaustive `match` per kind of rule,
//! so a new rule does not compile until it names its source. The quotes and titles are
//! catalog keys; `i18n` holds their words in both languages.

use super::eligibility::{Decision, Rule};
use super::lifecycle::{CancelOption, LifecycleAction, Upcoming};
use super::policy::PolicyValue;
use super::views::LicenseChange;

/// A page of Microsoft's commerce documentation on learn.microsoft.com.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// Self-service purchase FAQ.
    Faq,
    /// Manage self-service purchases (users).
    Users,
    /// Manage self-service purchases (admins).
    Admins,
    /// Use AllowSelfServicePurchase for the MSCommerce PowerShell module.
    PowerShell,
    /// What happens to my data and access when my subscription ends?
    Expires,
    /// Reactivate your subscription.
    Reactivate,
    /// How to pay for your subscription (what happens to a declined charge).
    Pay,
    /// Buy a subscription from your free trial.
    BuyFromTrial,
    /// Buy or remove licenses for a Microsoft business subscription.
    Licenses,
}

impl Page {
    /// Every page a rule names.
    pub const ALL: [Page; 9] = [
        Page::Faq,
        Page::Users,
        Page::Admins,
        Page::PowerShell,
        Page::Expires,
        Page::Reactivate,
        Page::Pay,
        Page::BuyFromTrial,
        Page::Licenses,
    ];

    /// The page's path under `learn.microsoft.com/<language>/microsoft-365/commerce/`.
    pub const fn path(self) -> &'static str {
        match self {
            Page::Faq => "subscriptions/self-service-purchase-faq",
            Page::Users => "subscriptions/manage-self-service-purchases-users",
            Page::Admins => "subscriptions/manage-self-service-purchases-admins",
            Page::PowerShell => "subscriptions/allowselfservicepurchase-powershell",
            Page::Expires => "subscriptions/what-if-my-subscription-expires",
            Page::Reactivate => "subscriptions/reactivate-your-subscription",
            Page::Pay => "billing-and-payments/pay-for-your-subscription",
            Page::BuyFromTrial => "buy-a-subscription-from-your-free-trial",
            Page::Licenses => "licenses/buy-licenses",
        }
    }

    /// The catalog key of the page's title.
    pub const fn title_key(self) -> &'static str {
        match self {
            Page::Faq => "source.page.faq",
            Page::Users => "source.page.users",
            Page::Admins => "source.page.admins",
            Page::PowerShell => "source.page.powershell",
            Page::Expires => "source.page.expires",
            Page::Reactivate => "source.page.reactivate",
            Page::Pay => "source.page.pay",
            Page::BuyFromTrial => "source.page.buy_from_trial",
            Page::Licenses => "source.page.licenses",
        }
    }

    /// The page's address in a language of learn.microsoft.com (`en-us`, `zh-cn`).
    pub fn url(self, language: &str) -> String {
        format!(
            "https://learn.microsoft.com/{language}/microsoft-365/commerce/{}",
            self.path()
        )
    }
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A Microsoft page states it; `quote` is the catalog key of its words.
    Microsoft {
        /// The page.
        page: Page,
        /// The catalog key of a short quote from it.
        quote: &'static str,
    },
    /// No Microsoft page states it: this demo's own choice; `why` is the catalog key of why.
    Ours {
        /// The catalog key of why the demo chose it.
        why: &'static str,
    },
}

const fn ms(page: Page, quote: &'static str) -> Source {
    Source::Microsoft { page, quote }
}

const fn ours(why: &'static str) -> Source {
    Source::Ours { why }
}

/// The source of each eligibility rule.
pub const fn rule_source(rule: Rule) -> Source {
    match rule {
        Rule::EmailFormat | Rule::KnownDomain => ms(Page::Faq, "source.q.email_first"),
        Rule::ManagedTenant => ms(Page::Faq, "source.q.managed_non_guest"),
        Rule::NotGovernment | Rule::NotEducation => ms(Page::Faq, "source.q.gov_edu"),
        Rule::PublicCloud => ours("source.ours.sovereign"),
        Rule::AccountExists | Rule::AccountActive => ms(Page::Faq, "source.q.active_account"),
        Rule::NotGuest => ms(Page::Faq, "source.q.guest"),
        Rule::MarketOffersSelfService => ms(Page::Faq, "source.q.india"),
        Rule::ProductOfferedInMarket => ms(Page::Faq, "source.q.brazil_congo"),
        Rule::Policy => ms(Page::Faq, "source.q.per_product"),
    }
}

/// The source of a decision: its rule's, except where the organization's missing
/// subscription agreement decided.
pub const fn decision_source(decision: Decision) -> Source {
    match decision {
        Decision::NoSubscriptionAgreement | Decision::EligibleWithoutTrial => {
            ms(Page::Admins, "source.q.trials_only")
        }
        d => rule_source(d.rule()),
    }
}

/// The source of what the clock does next (the lifecycle panel's message).
pub const fn upcoming_source(next: &Upcoming) -> Source {
    match next {
        Upcoming::Renew { .. } | Upcoming::RenewCentral { .. } => {
            ms(Page::Expires, "source.q.recurring_on")
        }
        Upcoming::ConvertTrial { .. } => ms(Page::Expires, "source.q.trial_ends"),
        Upcoming::Retry { .. } => ms(Page::Pay, "source.q.retries"),
        Upcoming::Expire { .. } | Upcoming::Disable { .. } | Upcoming::Delete { .. } => {
            ms(Page::Expires, "source.q.statuses")
        }
    }
}

/// The source of what canceling would do (the cancel pane's message).
pub const fn cancel_source(option: &CancelOption) -> Source {
    match option {
        CancelOption::Refund { .. } => ms(Page::Expires, "source.q.cancel_window"),
        CancelOption::TurnOffRecurringBilling { .. } | CancelOption::EndsAlready { .. } => {
            ms(Page::Expires, "source.q.window_passed")
        }
        CancelOption::PastDue { .. } => ms(Page::Pay, "source.q.retries"),
        CancelOption::NotActive(_) => ms(Page::Expires, "source.q.statuses"),
    }
}

/// The source of each lifecycle button: who may press it, and what it does.
pub const fn action_source(action: LifecycleAction) -> Source {
    match action {
        LifecycleAction::TurnOffRecurringBilling | LifecycleAction::TurnOnRecurringBilling => {
            ms(Page::Expires, "source.q.recurring_on")
        }
        LifecycleAction::Reactivate => ms(Page::Reactivate, "source.q.reactivate"),
        LifecycleAction::ExtendTrial => ms(Page::Expires, "source.q.extend_trial"),
        LifecycleAction::PurchaseFromTrial => ms(Page::BuyFromTrial, "source.q.buy_from_trial"),
    }
}

/// The source of what a change of the total licenses would do; none when nothing changes.
pub const fn license_source(change: &LicenseChange) -> Option<Source> {
    Some(match change {
        LicenseChange::Unchanged => return None,
        LicenseChange::BelowAssigned { .. } => ms(Page::Licenses, "source.q.all_assigned"),
        LicenseChange::Add { .. } => ms(Page::Licenses, "source.q.add_now"),
        LicenseChange::Remove { .. } => ms(Page::Licenses, "source.q.remove_window"),
        LicenseChange::AtRenewal { .. } | LicenseChange::KeepAtRenewal { .. } => {
            ms(Page::Licenses, "source.q.remove_later")
        }
        LicenseChange::NeedsRecurringBilling => ms(Page::Licenses, "source.q.remove_recurring"),
    })
}

/// The source of each `AllowSelfServicePurchase` value (the policy panel's explanation).
pub const fn policy_source(value: PolicyValue) -> Source {
    match value {
        PolicyValue::Enabled => ms(Page::Faq, "source.q.control"),
        PolicyValue::OnlyTrialsWithoutPaymentMethod => ms(Page::Admins, "source.q.trials_only"),
        PolicyValue::Disabled => ms(Page::Faq, "source.q.per_product"),
    }
}

/// The read-only view an admin has of a purchaser's subscription.
pub const ADMIN_READ_ONLY: Source = ms(Page::Users, "source.q.read_only");

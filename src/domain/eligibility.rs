//! Who may buy: the ordered eligibility rules of domain.md, as data plus one match.

use super::catalog::{Country, Product};
use super::directory::{
    AccountKind, AccountStatus, Cloud, Directory, Email, EmailError, Management, Sector, Tenant,
    TenantId, User,
};
use super::policy::{Policies, PolicyValue};
use serde::{Deserialize, Serialize};

/// One eligibility rule. `RULES` holds them in the order they are evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rule {
    /// The email is an address.
    EmailFormat,
    /// Its domain belongs to an organization in the directory.
    KnownDomain,
    /// That organization's directory is managed by an admin.
    ManagedTenant,
    /// It is not a government organization.
    NotGovernment,
    /// It is not a school (education).
    NotEducation,
    /// It lives in the public cloud.
    PublicCloud,
    /// The person has an account there.
    AccountExists,
    /// The account can sign in.
    AccountActive,
    /// The account is a member, not a guest.
    NotGuest,
    /// Self-service purchase is sold in the organization's market.
    MarketOffersSelfService,
    /// The product is sold through self-service in that market.
    ProductOfferedInMarket,
    /// The product's `AllowSelfServicePurchase` value allows it.
    Policy,
}

/// The evaluation order: the first rule that fails decides.
pub const RULES: [Rule; 12] = [
    Rule::EmailFormat,
    Rule::KnownDomain,
    Rule::ManagedTenant,
    Rule::NotGovernment,
    Rule::NotEducation,
    Rule::PublicCloud,
    Rule::AccountExists,
    Rule::AccountActive,
    Rule::NotGuest,
    Rule::MarketOffersSelfService,
    Rule::ProductOfferedInMarket,
    Rule::Policy,
];

impl Rule {
    /// The catalog key of the rule's name, shown beside a refusal.
    pub const fn key(self) -> &'static str {
        match self {
            Rule::EmailFormat => "rule.email_format",
            Rule::KnownDomain => "rule.known_domain",
            Rule::ManagedTenant => "rule.managed_tenant",
            Rule::NotGovernment => "rule.not_government",
            Rule::NotEducation => "rule.not_education",
            Rule::PublicCloud => "rule.public_cloud",
            Rule::AccountExists => "rule.account_exists",
            Rule::AccountActive => "rule.account_active",
            Rule::NotGuest => "rule.not_guest",
            Rule::MarketOffersSelfService => "rule.market",
            Rule::ProductOfferedInMarket => "rule.product_market",
            Rule::Policy => "rule.policy",
        }
    }
}

/// Countries where self-service purchase is not offered at all.
pub const MARKETS_WITHOUT_SELF_SERVICE: [Country; 1] = [Country::INDIA];
/// Markets served only by a sovereign cloud: China, by the cloud operated by 21Vianet.
pub const SOVEREIGN_MARKETS: [Country; 1] = [Country::CHINA];
/// Countries where Project and Visio are not offered through self-service.
pub const MARKETS_WITHOUT_PROJECT_AND_VISIO: [Country; 2] = [Country::BRAZIL, Country::DR_CONGO];

/// What the rules decided, naming the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// The email is not an address; why.
    EmailMalformed(EmailError),
    /// No organization has verified the email's domain.
    UnknownDomain,
    /// The domain's directory is unmanaged (no admin).
    UnmanagedTenant,
    /// A government organization.
    GovernmentTenant,
    /// A school or university.
    EducationTenant,
    /// A government cloud or the cloud operated in China.
    SovereignCloud,
    /// No account with this address in the organization.
    AccountNotFound,
    /// The account is disabled.
    AccountDisabled,
    /// The account was removed.
    AccountDeleted,
    /// A guest account.
    GuestAccount,
    /// Self-service purchase is not sold in this country.
    MarketUnavailable(Country),
    /// This product is not sold through self-service in this country.
    ProductUnavailableInMarket(Country),
    /// An admin turned self-service purchase off for this product.
    PolicyDisabled,
    /// The policy allows only trials without a payment method, and this product has none.
    NoTrialWithoutPaymentMethod,
    /// The policy allows only trials without a payment method, and this product has one.
    TrialsOnly,
    /// Self-service offers this product as a free trial only; it is never bought this way.
    ProductTrialsOnly,
    /// A trial without a payment method is all the policy or the product allows, and the
    /// organization has no subscription agreement, which such trials need.
    NoSubscriptionAgreement,
    /// Every rule passed, but the product's trial needs no payment method and the
    /// organization has no subscription agreement: it can be bought, not tried.
    EligibleWithoutTrial,
    /// Every rule passed.
    Eligible,
}

/// What a person may do with the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Allowance {
    /// Neither a purchase nor a trial.
    Nothing,
    /// A free trial that needs no payment method, and nothing else.
    TrialWithoutPaymentMethod,
    /// Buy, or start a trial (with a payment method, or without one where the product has such a trial).
    Purchase,
    /// Buy, and no trial: the product's trial needs a subscription agreement.
    PurchaseWithoutTrial,
}

pub use super::catalog::TrialKind;

impl Decision {
    /// The rule that decided.
    pub const fn rule(self) -> Rule {
        match self {
            Decision::EmailMalformed(_) => Rule::EmailFormat,
            Decision::UnknownDomain => Rule::KnownDomain,
            Decision::UnmanagedTenant => Rule::ManagedTenant,
            Decision::GovernmentTenant => Rule::NotGovernment,
            Decision::EducationTenant => Rule::NotEducation,
            Decision::SovereignCloud => Rule::PublicCloud,
            Decision::AccountNotFound => Rule::AccountExists,
            Decision::AccountDisabled | Decision::AccountDeleted => Rule::AccountActive,
            Decision::GuestAccount => Rule::NotGuest,
            Decision::MarketUnavailable(_) => Rule::MarketOffersSelfService,
            Decision::ProductUnavailableInMarket(_) => Rule::ProductOfferedInMarket,
            Decision::PolicyDisabled
            | Decision::NoTrialWithoutPaymentMethod
            | Decision::TrialsOnly
            | Decision::ProductTrialsOnly
            | Decision::NoSubscriptionAgreement
            | Decision::EligibleWithoutTrial
            | Decision::Eligible => Rule::Policy,
        }
    }

    /// What the decision lets the person do.
    pub const fn allowance(self) -> Allowance {
        match self {
            Decision::Eligible => Allowance::Purchase,
            Decision::EligibleWithoutTrial => Allowance::PurchaseWithoutTrial,
            Decision::TrialsOnly | Decision::ProductTrialsOnly => {
                Allowance::TrialWithoutPaymentMethod
            }
            _ => Allowance::Nothing,
        }
    }

    /// Rules 2–6 send the person to their IT admin; a typo in the address does not.
    pub const fn contact_it_admin(self) -> bool {
        !matches!(
            self,
            Decision::EmailMalformed(_)
                | Decision::UnknownDomain
                | Decision::AccountNotFound
                | Decision::TrialsOnly
                | Decision::ProductTrialsOnly
                | Decision::EligibleWithoutTrial
                | Decision::Eligible
        )
    }

    /// The catalog key of the message that explains the decision and what to do.
    pub const fn message_key(self) -> &'static str {
        match self {
            Decision::EmailMalformed(_) => "verdict.email_malformed",
            Decision::UnknownDomain => "verdict.unknown_domain",
            Decision::UnmanagedTenant => "verdict.unmanaged_tenant",
            Decision::GovernmentTenant => "verdict.government",
            Decision::EducationTenant => "verdict.education",
            Decision::SovereignCloud => "verdict.sovereign_cloud",
            Decision::AccountNotFound => "verdict.account_not_found",
            Decision::AccountDisabled => "verdict.account_disabled",
            Decision::AccountDeleted => "verdict.account_deleted",
            Decision::GuestAccount => "verdict.guest",
            Decision::MarketUnavailable(_) => "verdict.market_unavailable",
            Decision::ProductUnavailableInMarket(_) => "verdict.product_unavailable_in_market",
            Decision::PolicyDisabled => "verdict.policy_disabled",
            Decision::NoTrialWithoutPaymentMethod => "verdict.no_trial_without_payment_method",
            Decision::TrialsOnly => "verdict.trials_only",
            Decision::ProductTrialsOnly => "verdict.product_trials_only",
            Decision::NoSubscriptionAgreement => "verdict.no_subscription_agreement",
            Decision::EligibleWithoutTrial => "verdict.eligible_without_trial",
            Decision::Eligible => "verdict.eligible",
        }
    }
}

/// How far the person has come: the email alone, or signed in with the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// A partial verdict while typing; sign-in still has to confirm it.
    Email,
    /// Signed in: the verdict is final.
    SignedIn,
}

/// The rules' answer for one person and product, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// What was decided.
    pub decision: Decision,
    /// How far the checks got: the email only, or signed in.
    pub stage: Stage,
    /// The organisation found from the email's domain, if any.
    pub tenant: Option<TenantId>,
}

impl Verdict {
    /// The rule that decided.
    pub fn rule(&self) -> Rule {
        self.decision.rule()
    }

    /// What the person may do.
    pub fn allowance(&self) -> Allowance {
        self.decision.allowance()
    }

    /// Neither a purchase nor a trial.
    pub fn is_refusal(&self) -> bool {
        self.allowance() == Allowance::Nothing
    }

    /// A purchase with a card is allowed.
    pub fn may_purchase(&self) -> bool {
        matches!(
            self.allowance(),
            Allowance::Purchase | Allowance::PurchaseWithoutTrial
        )
    }

    /// A trial of `kind` of `product` is allowed.
    pub fn may_trial(&self, kind: TrialKind, product: &Product) -> bool {
        // Only the trial the product offers; a trials-only policy allows no card trial.
        match (self.allowance(), kind) {
            (Allowance::Purchase, _)
            | (Allowance::TrialWithoutPaymentMethod, TrialKind::WithoutPaymentMethod) => {
                product.offers_trial(kind)
            }
            (Allowance::TrialWithoutPaymentMethod, TrialKind::WithPaymentMethod)
            | (Allowance::PurchaseWithoutTrial | Allowance::Nothing, _) => false,
        }
    }

    /// The trial this verdict allows for `product`: the one without a payment method if it
    /// may start, else the one with a card; none if neither may. A checkout for a trial
    /// offers this one.
    pub fn trial_offered(&self, product: &Product) -> Option<TrialKind> {
        [TrialKind::WithoutPaymentMethod, TrialKind::WithPaymentMethod]
            .into_iter()
            .find(|k| self.may_trial(*k, product))
    }
}

/// Everything the rules look at, gathered once.
struct Facts<'a> {
    email: Result<Email, EmailError>,
    tenant: Option<&'a Tenant>,
    account: Option<&'a User>,
    product: &'a Product,
    policy: PolicyValue,
}

/// One rule against the facts: `Some` when it decides, `None` when it passes. Rules
/// later in `RULES` may assume the earlier ones passed.
fn check(rule: Rule, f: &Facts) -> Option<Decision> {
    match rule {
        Rule::EmailFormat => f.email.as_ref().err().map(|e| Decision::EmailMalformed(*e)),
        Rule::KnownDomain => f.tenant.is_none().then_some(Decision::UnknownDomain),
        Rule::ManagedTenant => f
            .tenant
            .filter(|t| t.management == Management::Unmanaged)
            .map(|_| Decision::UnmanagedTenant),
        Rule::NotGovernment => f
            .tenant
            .filter(|t| t.sector == Sector::Government)
            .map(|_| Decision::GovernmentTenant),
        Rule::NotEducation => f
            .tenant
            .filter(|t| t.sector == Sector::Education)
            .map(|_| Decision::EducationTenant),
        Rule::PublicCloud => f
            .tenant
            .filter(|t| t.cloud == Cloud::Sovereign)
            .map(|_| Decision::SovereignCloud),
        Rule::AccountExists => f.account.is_none().then_some(Decision::AccountNotFound),
        Rule::AccountActive => f.account.and_then(|a| match a.status {
            AccountStatus::Active => None,
            AccountStatus::Disabled => Some(Decision::AccountDisabled),
            AccountStatus::Deleted => Some(Decision::AccountDeleted),
        }),
        Rule::NotGuest => f
            .account
            .filter(|a| a.kind == AccountKind::Guest)
            .map(|_| Decision::GuestAccount),
        Rule::MarketOffersSelfService => f
            .tenant
            .map(Tenant::country)
            .filter(|c| MARKETS_WITHOUT_SELF_SERVICE.contains(c))
            .map(Decision::MarketUnavailable),
        Rule::ProductOfferedInMarket => f
            .tenant
            .map(Tenant::country)
            .filter(|c| {
                f.product.family.restricted_in_brazil_and_congo()
                    && MARKETS_WITHOUT_PROJECT_AND_VISIO.contains(c)
            })
            .map(Decision::ProductUnavailableInMarket),
        Rule::Policy => Some(policy_decision(f)),
    }
}

/// The last rule: the product's policy, the trial the product offers, and whether the
/// organization may have a trial without a payment method ("Trials without a payment
/// method are only available to select customers with an existing subscription
/// agreement", manage-self-service-purchases-admins).
fn policy_decision(f: &Facts) -> Decision {
    let cardless = f.product.trial_without_payment_method();
    let agreement = f.tenant.is_none_or(|t| t.subscription_agreement);
    match (f.policy, cardless, agreement) {
        (PolicyValue::Disabled, ..) => Decision::PolicyDisabled,
        (PolicyValue::OnlyTrialsWithoutPaymentMethod, false, _) => {
            Decision::NoTrialWithoutPaymentMethod
        }
        (PolicyValue::OnlyTrialsWithoutPaymentMethod, true, false) => {
            Decision::NoSubscriptionAgreement
        }
        (PolicyValue::OnlyTrialsWithoutPaymentMethod, true, true) => Decision::TrialsOnly,
        (PolicyValue::Enabled, _, false) if f.product.trials_only => {
            Decision::NoSubscriptionAgreement
        }
        (PolicyValue::Enabled, _, true) if f.product.trials_only => Decision::ProductTrialsOnly,
        (PolicyValue::Enabled, true, false) => Decision::EligibleWithoutTrial,
        (PolicyValue::Enabled, ..) => Decision::Eligible,
    }
}

/// Whether `tenant` may be offered trials without a payment method: only customers with an
/// existing subscription agreement are. The policy panel says so where "Allow for trials
/// only" is chosen.
pub const fn cardless_trials_offered(tenant: &Tenant) -> bool {
    tenant.subscription_agreement
}

fn decide(facts: &Facts) -> Decision {
    // `Rule::Policy` always decides, so the search cannot come back empty.
    RULES
        .iter()
        .find_map(|rule| check(*rule, facts))
        .unwrap_or(Decision::Eligible)
}

fn gather<'a>(
    directory: &'a Directory,
    policies: &Policies,
    product: &'a Product,
    email: Result<Email, EmailError>,
) -> Facts<'a> {
    let tenant = email
        .as_ref()
        .ok()
        .and_then(|e| directory.tenant_for_domain(e.domain()));
    let account = match (&email, tenant) {
        (Ok(e), Some(t)) => directory.account(&t.id, e),
        _ => None,
    };
    let policy = tenant.map_or(PolicyValue::Enabled, |t| {
        policies.for_product(&t.id, product)
    });
    Facts {
        email,
        tenant,
        account,
        product,
        policy,
    }
}

/// The rules about the organization itself, in `RULES` order.
const ORGANIZATION_RULES: [Rule; 5] = [
    Rule::ManagedTenant,
    Rule::NotGovernment,
    Rule::NotEducation,
    Rule::PublicCloud,
    Rule::MarketOffersSelfService,
];

/// Why self-service purchase isn't offered to anyone in this organization, if it isn't
/// (a government, education, sovereign-cloud, unmanaged or India tenant): the same rules
/// the checkout applies, so the policy page can say no action is needed.
pub fn organization_refusal(tenant: &Tenant, any_product: &Product) -> Option<Decision> {
    let facts = Facts {
        email: Err(EmailError::Empty),
        tenant: Some(tenant),
        account: None,
        // The organization's rules never read the product.
        product: any_product,
        policy: PolicyValue::Enabled,
    };
    ORGANIZATION_RULES
        .iter()
        .find_map(|rule| check(*rule, &facts))
}

/// The partial verdict from what has been typed into the email field, before sign-in.
pub fn evaluate_email(
    directory: &Directory,
    policies: &Policies,
    product: &Product,
    typed: &str,
) -> Verdict {
    let facts = gather(directory, policies, product, Email::try_from(typed));
    Verdict {
        decision: decide(&facts),
        stage: Stage::Email,
        tenant: facts.tenant.map(|t| t.id.clone()),
    }
}

/// The full verdict for a signed-in person: it decides whether they may pay.
pub fn evaluate(
    directory: &Directory,
    policies: &Policies,
    product: &Product,
    user: &User,
) -> Verdict {
    let tenant = directory.tenant(&user.tenant);
    let facts = Facts {
        email: Ok(user.email.clone()),
        tenant,
        account: Some(user),
        product,
        policy: tenant.map_or(PolicyValue::Enabled, |t| {
            policies.for_product(&t.id, product)
        }),
    };
    Verdict {
        decision: decide(&facts),
        stage: Stage::SignedIn,
        tenant: tenant.map(|t| t.id.clone()),
    }
}

/// Whether a policy value leaves nothing at all of the product: "Allow for trials only" on
/// a product without a trial that needs no payment method blocks every purchase and trial.
pub fn blocks_everything(product: &Product, value: PolicyValue) -> bool {
    value == PolicyValue::OnlyTrialsWithoutPaymentMethod && !product.trial_without_payment_method()
}

/// What a product's page, its catalog card and the checkout's entry offer, before anyone
/// types an email: nothing where the market or cloud has no self-service, and for a
/// signed-in person only what their organization's policy lets them do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// Not sold through self-service here; the decision names the rule (India, Project
    /// and Visio in Brazil and DR Congo, the sovereign cloud).
    Unavailable(Decision),
    /// Sold here: buying, a trial, or both.
    Available {
        /// It can be bought.
        buy: bool,
        /// The trial it offers, if any.
        trial: Option<TrialKind>,
        /// For a signed-in person whose verdict limits them: why.
        limited_by: Option<Decision>,
    },
}

impl Offer {
    /// Whether a price is shown for the product.
    pub const fn price_shown(self) -> bool {
        matches!(self, Offer::Available { .. })
    }
}

/// The offer in `country` (the market picked, or the signed-in tenant's), with the
/// signed-in person's verdict when there is one: the same rules the checkout applies.
pub fn offer(product: &Product, country: Country, verdict: Option<&Verdict>) -> Offer {
    let market = [
        MARKETS_WITHOUT_SELF_SERVICE
            .contains(&country)
            .then_some(Decision::MarketUnavailable(country)),
        SOVEREIGN_MARKETS
            .contains(&country)
            .then_some(Decision::SovereignCloud),
        (product.family.restricted_in_brazil_and_congo()
            && MARKETS_WITHOUT_PROJECT_AND_VISIO.contains(&country))
        .then_some(Decision::ProductUnavailableInMarket(country)),
    ]
    .into_iter()
    .flatten()
    .next();
    let Some(verdict) = verdict else {
        return match market {
            Some(decision) => Offer::Unavailable(decision),
            None => Offer::Available {
                buy: !product.trials_only,
                trial: product.trial,
                limited_by: product.trials_only.then_some(Decision::ProductTrialsOnly),
            },
        };
    };
    match verdict.decision {
        d @ (Decision::MarketUnavailable(_)
        | Decision::ProductUnavailableInMarket(_)
        | Decision::SovereignCloud) => Offer::Unavailable(d),
        d => Offer::Available {
            buy: verdict.may_purchase(),
            trial: product.trial.filter(|k| verdict.may_trial(*k, product)),
            limited_by: (d != Decision::Eligible).then_some(d),
        },
    }
}

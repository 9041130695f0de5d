//! Every branch of the eligibility rules, in the order of domain.md.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use ssp::domain::directory::EmailError;
use ssp::domain::eligibility::RULES;
use ssp::domain::*;

fn product(id: &str) -> Product {
    catalog().product(&pid(id)).unwrap().clone()
}

fn typed(email: &str, product_id: &str, policies: &Policies) -> Verdict {
    evaluate_email(&directory(), policies, &product(product_id), email)
}

#[test]
fn partial_verdicts_from_the_email_alone() {
    let none = Policies::default();
    use Decision::*;
    let cases: Vec<(&str, &str, Decision)> = vec![
        ("", POWER_BI_PRO, EmailMalformed(EmailError::Empty)),
        ("megan", POWER_BI_PRO, EmailMalformed(EmailError::MissingAt)),
        (
            "megan@contoso",
            POWER_BI_PRO,
            EmailMalformed(EmailError::InvalidDomain),
        ),
        ("megan@unknown.example", POWER_BI_PRO, UnknownDomain),
        ("someone@viral.example", POWER_BI_PRO, UnmanagedTenant),
        ("clerk@agency.gov", POWER_BI_PRO, GovernmentTenant),
        ("teacher@school.edu", POWER_BI_PRO, EducationTenant),
        ("user@contoso.cn", POWER_BI_PRO, SovereignCloud),
        ("nobody@contoso.com", POWER_BI_PRO, AccountNotFound),
        ("disabled@contoso.com", POWER_BI_PRO, AccountDisabled),
        ("deleted@contoso.com", POWER_BI_PRO, AccountDeleted),
        (
            "alex_northwind.example#EXT#@contoso.onmicrosoft.com",
            POWER_BI_PRO,
            GuestAccount,
        ),
        (
            "user@contoso.in",
            POWER_BI_PRO,
            MarketUnavailable(Country::INDIA),
        ),
        (
            "user@contoso.in",
            VISIO_P1,
            MarketUnavailable(Country::INDIA),
        ),
        (
            "user@contoso.com.br",
            PROJECT_P1,
            ProductUnavailableInMarket(Country::BRAZIL),
        ),
        (
            "user@contoso.com.br",
            PROJECT_P3,
            ProductUnavailableInMarket(Country::BRAZIL),
        ),
        (
            "user@contoso.com.br",
            VISIO_P2,
            ProductUnavailableInMarket(Country::BRAZIL),
        ),
        (
            "user@contoso.cd",
            VISIO_P1,
            ProductUnavailableInMarket(Country::DR_CONGO),
        ),
        (
            "user@contoso.cd",
            PROJECT_P3,
            ProductUnavailableInMarket(Country::DR_CONGO),
        ),
        ("user@contoso.com.br", POWER_BI_PRO, Eligible),
        ("user@contoso.cd", POWER_APPS, Eligible),
        ("user@contoso.jp", VISIO_P1, Eligible),
        ("megan@contoso.com", POWER_BI_PRO, Eligible),
        ("MEGAN@Contoso.com", POWER_BI_PRO, Eligible),
        ("sam@contoso.com", POWER_BI_PRO, Eligible),
        ("volunteer@charity.org", POWER_BI_PRO, Eligible),
        ("admin@contoso.com", POWER_APPS, Eligible),
    ];
    for (email, product_id, expected) in cases {
        let v = typed(email, product_id, &none);
        assert_eq!(v.decision, expected, "{email} / {product_id}");
        assert_eq!(v.stage, Stage::Email);
    }
}

#[test]
fn every_policy_value_against_products_with_and_without_a_trial() {
    use Decision::*;
    let contoso = TenantId("contoso".into());
    // (policy, product, decision, allowance, trial with card, trial without card)
    let cases = [
        (
            PolicyValue::Enabled,
            POWER_BI_PRO,
            Eligible,
            Allowance::Purchase,
            true,
            false,
        ),
        // One trial per product, the kind the catalog names.
        (
            PolicyValue::Enabled,
            VISIO_P1,
            Eligible,
            Allowance::Purchase,
            false,
            true,
        ),
        // Microsoft 365 Copilot offers no trial at all.
        (
            PolicyValue::Enabled,
            "CFQ7TTC0MM8R",
            Eligible,
            Allowance::Purchase,
            false,
            false,
        ),
        (
            PolicyValue::OnlyTrialsWithoutPaymentMethod,
            VISIO_P1,
            TrialsOnly,
            Allowance::TrialWithoutPaymentMethod,
            false,
            true,
        ),
        (
            PolicyValue::OnlyTrialsWithoutPaymentMethod,
            TEAMS_EXPLORATORY,
            TrialsOnly,
            Allowance::TrialWithoutPaymentMethod,
            false,
            true,
        ),
        (
            PolicyValue::OnlyTrialsWithoutPaymentMethod,
            POWER_BI_PRO,
            NoTrialWithoutPaymentMethod,
            Allowance::Nothing,
            false,
            false,
        ),
        (
            PolicyValue::Disabled,
            POWER_BI_PRO,
            PolicyDisabled,
            Allowance::Nothing,
            false,
            false,
        ),
        (
            PolicyValue::Disabled,
            VISIO_P1,
            PolicyDisabled,
            Allowance::Nothing,
            false,
            false,
        ),
    ];
    for (value, product_id, decision, allowance, with_card, without_card) in cases {
        let mut policies = Policies::default();
        policies.set(&contoso, &pid(product_id), value);
        let v = typed("megan@contoso.com", product_id, &policies);
        let p = product(product_id);
        assert_eq!(v.decision, decision, "{value} / {product_id}");
        assert_eq!(v.allowance(), allowance, "{value} / {product_id}");
        assert_eq!(v.may_purchase(), allowance == Allowance::Purchase);
        assert_eq!(
            v.may_trial(TrialKind::WithPaymentMethod, &p),
            with_card,
            "{value} / {product_id} with card"
        );
        assert_eq!(
            v.may_trial(TrialKind::WithoutPaymentMethod, &p),
            without_card,
            "{value} / {product_id} without card"
        );
        assert_eq!(v.rule(), Rule::Policy);
    }
}

#[test]
fn a_policy_set_under_an_old_id_blocks_the_new_one() {
    let mut policies = Policies::default();
    policies.set(
        &TenantId("contoso".into()),
        &pid("CFQ7TTC0KP0P"),
        PolicyValue::Disabled,
    );
    assert_eq!(
        typed("megan@contoso.com", POWER_APPS, &policies).decision,
        Decision::PolicyDisabled
    );
    assert_eq!(
        typed("alex@northwind.example", POWER_APPS, &policies).decision,
        Decision::Eligible,
        "other tenants unaffected"
    );
}

#[test]
fn policy_of_another_tenant_does_not_apply() {
    let mut policies = Policies::default();
    policies.set(
        &TenantId("northwind".into()),
        &pid(POWER_BI_PRO),
        PolicyValue::Disabled,
    );
    assert_eq!(
        typed("megan@contoso.com", POWER_BI_PRO, &policies).decision,
        Decision::Eligible
    );
}

#[test]
fn rules_are_evaluated_in_order() {
    // A disabled guest-less account in India with the product disabled: the account rule comes first.
    let mut policies = Policies::default();
    policies.set(
        &TenantId("india".into()),
        &pid(POWER_BI_PRO),
        PolicyValue::Disabled,
    );
    assert_eq!(
        typed("user@contoso.in", POWER_BI_PRO, &policies).decision,
        Decision::MarketUnavailable(Country::INDIA)
    );
    assert_eq!(
        typed("nobody@contoso.in", POWER_BI_PRO, &policies).decision,
        Decision::AccountNotFound
    );
    assert_eq!(RULES.first(), Some(&Rule::EmailFormat));
    assert_eq!(RULES.last(), Some(&Rule::Policy));
    let position = |r: Rule| RULES.iter().position(|x| *x == r).unwrap();
    assert!(position(Rule::KnownDomain) < position(Rule::ManagedTenant));
    assert!(position(Rule::NotEducation) < position(Rule::AccountExists));
    assert!(position(Rule::NotGuest) < position(Rule::MarketOffersSelfService));
    assert!(position(Rule::ProductOfferedInMarket) < position(Rule::Policy));
}

#[test]
fn signed_in_verdict_uses_the_account() {
    let dir = directory();
    let none = Policies::default();
    let megan = dir.users.iter().find(|u| u.id.0 == "megan").unwrap();
    let v = evaluate(&dir, &none, &product(POWER_BI_PRO), megan);
    assert_eq!((v.decision, v.stage), (Decision::Eligible, Stage::SignedIn));
    assert_eq!(v.tenant, Some(TenantId("contoso".into())));
    let guest = dir.users.iter().find(|u| u.id.0 == "guest").unwrap();
    assert_eq!(
        evaluate(&dir, &none, &product(POWER_BI_PRO), guest).decision,
        Decision::GuestAccount
    );
    let disabled = dir.users.iter().find(|u| u.id.0 == "disabled").unwrap();
    assert_eq!(
        evaluate(&dir, &none, &product(POWER_BI_PRO), disabled).decision,
        Decision::AccountDisabled
    );
}

#[test]
fn refusals_name_a_rule_a_message_and_whether_to_call_it() {
    use Decision::*;
    let table = [
        (
            EmailMalformed(EmailError::Empty),
            Rule::EmailFormat,
            false,
            "verdict.email_malformed",
        ),
        (
            UnknownDomain,
            Rule::KnownDomain,
            false,
            "verdict.unknown_domain",
        ),
        (
            UnmanagedTenant,
            Rule::ManagedTenant,
            true,
            "verdict.unmanaged_tenant",
        ),
        (
            GovernmentTenant,
            Rule::NotGovernment,
            true,
            "verdict.government",
        ),
        (
            EducationTenant,
            Rule::NotEducation,
            true,
            "verdict.education",
        ),
        (
            SovereignCloud,
            Rule::PublicCloud,
            true,
            "verdict.sovereign_cloud",
        ),
        (
            AccountNotFound,
            Rule::AccountExists,
            false,
            "verdict.account_not_found",
        ),
        (
            AccountDisabled,
            Rule::AccountActive,
            true,
            "verdict.account_disabled",
        ),
        (
            AccountDeleted,
            Rule::AccountActive,
            true,
            "verdict.account_deleted",
        ),
        (GuestAccount, Rule::NotGuest, true, "verdict.guest"),
        (
            MarketUnavailable(Country::INDIA),
            Rule::MarketOffersSelfService,
            true,
            "verdict.market_unavailable",
        ),
        (
            ProductUnavailableInMarket(Country::BRAZIL),
            Rule::ProductOfferedInMarket,
            true,
            "verdict.product_unavailable_in_market",
        ),
        (
            PolicyDisabled,
            Rule::Policy,
            true,
            "verdict.policy_disabled",
        ),
        (
            NoTrialWithoutPaymentMethod,
            Rule::Policy,
            true,
            "verdict.no_trial_without_payment_method",
        ),
        (TrialsOnly, Rule::Policy, false, "verdict.trials_only"),
        (Eligible, Rule::Policy, false, "verdict.eligible"),
    ];
    for (decision, rule, contact, key) in table {
        assert_eq!(decision.rule(), rule, "{decision:?}");
        assert_eq!(decision.contact_it_admin(), contact, "{decision:?}");
        assert_eq!(decision.message_key(), key);
    }
}

#[test]
fn every_message_key_is_in_both_catalogs() {
    use ssp::i18n::{lookup, Lang};
    let mut keys: Vec<&str> = RULES.iter().map(|r| r.key()).collect();
    keys.extend([
        "verdict.email_malformed",
        "verdict.unknown_domain",
        "verdict.unmanaged_tenant",
        "verdict.government",
        "verdict.education",
        "verdict.sovereign_cloud",
        "verdict.account_not_found",
        "verdict.account_disabled",
        "verdict.account_deleted",
        "verdict.guest",
        "verdict.market_unavailable",
        "verdict.product_unavailable_in_market",
        "verdict.policy_disabled",
        "verdict.no_trial_without_payment_method",
        "verdict.trials_only",
        "verdict.eligible",
    ]);
    for key in keys {
        for lang in [Lang::EnUs, Lang::ZhCn] {
            assert!(lookup(lang, key).is_some(), "{key} missing in {lang:?}");
        }
    }
}

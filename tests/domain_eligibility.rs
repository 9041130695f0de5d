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
        // Viva Goals is offered through self-service as a trial only, whatever the policy.
        (
            PolicyValue::Enabled,
            "CFQ7TTC0PW0V",
            ProductTrialsOnly,
            Allowance::TrialWithoutPaymentMethod,
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
        // The trial a checkout offers: the one without a card first, and whether it asks
        // for a card follows from it; a purchase always asks.
        let offered = v.trial_offered(&p);
        let want = match (without_card, with_card) {
            (true, _) => Some(TrialKind::WithoutPaymentMethod),
            (false, true) => Some(TrialKind::WithPaymentMethod),
            (false, false) => None,
        };
        assert_eq!(offered, want, "{value} / {product_id} offered");
        let asks = views::checkout_needs_card(true, Some(&v), &p);
        let want_card = match offered {
            Some(kind) => kind == TrialKind::WithPaymentMethod,
            None => !p.trial_without_payment_method(),
        };
        assert_eq!(asks, want_card, "{value} / {product_id} asks for a card");
        assert!(
            views::checkout_needs_card(false, Some(&v), &p),
            "a purchase asks"
        );
    }
}

#[test]
fn the_checkout_total_is_what_the_purchase_charges() {
    let usd = |minor| Money::from_minor(minor, Currency::USD).unwrap();
    assert_eq!(views::order_total(usd(1400), qty(3)), Ok(usd(4200)));
    assert!(views::order_total(usd(i64::MAX / 2), qty(3)).is_err());
    // The same amount the command charges, and bills.
    let (s, _) = megan_buys(&state(), 4);
    let bill = s.bills.last().unwrap();
    let price = catalog()
        .unit_price(
            &pid(POWER_BI_PRO),
            Country::US,
            catalog::PriceKind::SelfService,
        )
        .unwrap();
    assert_eq!(bill.amount, views::order_total(price, qty(4)).unwrap());
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
        (
            ProductTrialsOnly,
            Rule::Policy,
            false,
            "verdict.product_trials_only",
        ),
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

/// (product, market, who is signed in, what the page offers): markets and clouds before
/// any email, then the signed-in person's own verdict.
#[test]
fn what_a_product_page_offers() {
    use ssp::domain::eligibility::{offer, Offer};
    let c = |code| Country::try_from(code).unwrap();
    let dir = directory();
    let mut trials_only = Policies::default();
    let contoso = TenantId("contoso".into());
    trials_only.set(
        &contoso,
        &pid(VISIO_P1),
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
    );
    trials_only.set(
        &contoso,
        &pid(POWER_BI_PRO),
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
    );
    let as_user = |user: &str, product: &str| {
        let u = dir.users.iter().find(|x| x.id.0 == user).unwrap();
        evaluate(&dir, &trials_only, &self::product(product), u)
    };
    let open = |buy, trial| Offer::Available {
        buy,
        trial,
        limited_by: None,
    };
    let card = Some(TrialKind::WithPaymentMethod);
    let no_card = Some(TrialKind::WithoutPaymentMethod);
    let rows: Vec<(&str, &str, Option<Verdict>, Offer)> = vec![
        (POWER_BI_PRO, "US", None, open(true, card)),
        (VISIO_P1, "US", None, open(true, no_card)),
        ("CFQ7TTC0MM8R", "US", None, open(true, None)),
        (
            "CFQ7TTC0PW0V",
            "US",
            None,
            Offer::Available {
                buy: false,
                trial: no_card,
                limited_by: Some(Decision::ProductTrialsOnly),
            },
        ),
        (
            POWER_BI_PRO,
            "IN",
            None,
            Offer::Unavailable(Decision::MarketUnavailable(c("IN"))),
        ),
        (
            VISIO_P1,
            "BR",
            None,
            Offer::Unavailable(Decision::ProductUnavailableInMarket(c("BR"))),
        ),
        (
            PROJECT_P3,
            "CD",
            None,
            Offer::Unavailable(Decision::ProductUnavailableInMarket(c("CD"))),
        ),
        (POWER_BI_PRO, "BR", None, open(true, card)),
        (
            POWER_BI_PRO,
            "CN",
            None,
            Offer::Unavailable(Decision::SovereignCloud),
        ),
        // Signed in at Contoso, where Visio Plan 1 is trials only: only the trial.
        (
            VISIO_P1,
            "US",
            Some(as_user("megan", VISIO_P1)),
            Offer::Available {
                buy: false,
                trial: no_card,
                limited_by: Some(Decision::TrialsOnly),
            },
        ),
        // Trials only on a product whose trial needs a card: nothing at all.
        (
            POWER_BI_PRO,
            "US",
            Some(as_user("megan", POWER_BI_PRO)),
            Offer::Available {
                buy: false,
                trial: None,
                limited_by: Some(Decision::NoTrialWithoutPaymentMethod),
            },
        ),
        (
            POWER_APPS,
            "US",
            Some(as_user("megan", POWER_APPS)),
            open(true, card),
        ),
        (
            POWER_BI_PRO,
            "IN",
            Some(as_user("in.user", POWER_BI_PRO)),
            Offer::Unavailable(Decision::MarketUnavailable(c("IN"))),
        ),
    ];
    for (product_id, market, verdict, expected) in rows {
        assert_eq!(
            offer(&product(product_id), c(market), verdict.as_ref()),
            expected,
            "{product_id} in {market} ({:?})",
            verdict.map(|v| v.decision)
        );
    }
}

/// The organizations self-service isn't offered to at all: their policy page says so.
#[test]
fn organizations_without_self_service() {
    use ssp::domain::eligibility::organization_refusal;
    let dir = directory();
    let any = product(POWER_BI_PRO);
    let c = |code| Country::try_from(code).unwrap();
    for (tenant, expected) in [
        ("contoso", None),
        ("school", Some(Decision::EducationTenant)),
        ("agency", Some(Decision::GovernmentTenant)),
        ("viral", Some(Decision::UnmanagedTenant)),
        ("cn", Some(Decision::SovereignCloud)),
        ("india", Some(Decision::MarketUnavailable(c("IN")))),
        ("brazil", None),
    ] {
        let t = dir.tenant(&TenantId(tenant.into())).unwrap();
        assert_eq!(organization_refusal(t, &any), expected, "{tenant}");
    }
}

/// "Trials without a payment method are only available to select customers with an
/// existing subscription agreement" (manage-self-service-purchases-admins, "Understand
/// purchases and trials"; issue 32 item 5). Contoso without one: each policy value against
/// a product with a trial without a card, one with a card trial, and one offered as a
/// trial only — what is decided, whether it can be bought, and which trial is offered.
#[test]
fn trials_without_a_payment_method_need_a_subscription_agreement() {
    use Decision::*;
    const VIVA_GOALS: &str = "CFQ7TTC0PW0V";
    let mut s = state();
    for t in &mut s.directory.tenants {
        if t.id.0 == "contoso" {
            t.subscription_agreement = false;
        }
    }
    let contoso = TenantId("contoso".into());
    let cases = [
        (
            PolicyValue::Enabled,
            VISIO_P1,
            EligibleWithoutTrial,
            true,
            None,
        ),
        (
            PolicyValue::Enabled,
            POWER_BI_PRO,
            Eligible,
            true,
            Some(TrialKind::WithPaymentMethod),
        ),
        (
            PolicyValue::Enabled,
            VIVA_GOALS,
            NoSubscriptionAgreement,
            false,
            None,
        ),
        (
            PolicyValue::OnlyTrialsWithoutPaymentMethod,
            VISIO_P1,
            NoSubscriptionAgreement,
            false,
            None,
        ),
        (
            PolicyValue::OnlyTrialsWithoutPaymentMethod,
            POWER_BI_PRO,
            NoTrialWithoutPaymentMethod,
            false,
            None,
        ),
        (PolicyValue::Disabled, VISIO_P1, PolicyDisabled, false, None),
    ];
    for (value, product_id, decision, buy, trial) in cases {
        let mut policies = Policies::default();
        policies.set(&contoso, &pid(product_id), value);
        let p = product(product_id);
        let v = evaluate_email(&s.directory, &policies, &p, "megan@contoso.com");
        assert_eq!(v.decision, decision, "{value} / {product_id}");
        assert_eq!(v.may_purchase(), buy, "{value} / {product_id} bought");
        assert_eq!(v.trial_offered(&p), trial, "{value} / {product_id} trial");
        assert_eq!(
            v.is_refusal(),
            !buy && trial.is_none(),
            "{value} / {product_id}"
        );
        assert_eq!(
            decision.contact_it_admin(),
            !matches!(decision, EligibleWithoutTrial | Eligible)
        );
    }
    // The command agrees: Visio Plan 1's trial is refused, buying it is not.
    let start = Command::StartTrial {
        product: pid(VISIO_P1),
        licenses: qty(1),
        card: None,
        assign_to_me: true,
    };
    assert!(matches!(
        refused(&s, &actor("megan", "contoso"), start),
        DomainError::TrialNotAllowed(v) if v.decision == EligibleWithoutTrial
    ));
    let buy = Command::Purchase {
        product: pid(VISIO_P1),
        licenses: qty(1),
        card: card("4242424242424242"),
        assign_to_me: true,
    };
    ok(&s, &actor("megan", "contoso"), buy);
    // With an agreement (every organization of the shipped world but Coho Winery), the same
    // product's trial starts.
    let with = evaluate_email(
        &state().directory,
        &Policies::default(),
        &product(VISIO_P1),
        "megan@contoso.com",
    );
    assert_eq!(
        with.trial_offered(&product(VISIO_P1)),
        Some(TrialKind::WithoutPaymentMethod)
    );
}

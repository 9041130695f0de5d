//! The MSCommerce console: parsing, planning under each role, output; the policy panel's
//! impact count; the audit log's filter and CSV.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use ssp::domain::console::{
    parse, plan, product_policies_table, Cmdlet, ConsoleError, Plan, Session,
};
use ssp::domain::subscription::AuditOutcome;
use ssp::domain::views::{audit_csv, audit_events, policy_impact, AuditQuery};
use ssp::domain::*;

const UPDATE: &str = "Update-MSCommerceProductPolicy";

#[test]
fn lines_parse_into_cmdlets() {
    use PolicyValue::*;
    let update = |id: &str, value, what_if| {
        Ok(Some(Cmdlet::UpdateProductPolicy {
            product: pid(id),
            value,
            what_if,
        }))
    };
    let cases: Vec<(&str, Result<Option<Cmdlet>, ConsoleError>)> = vec![
        ("", Ok(None)),
        ("   ", Ok(None)),
        ("Connect-MSCommerce", Ok(Some(Cmdlet::Connect))),
        ("connect-mscommerce", Ok(Some(Cmdlet::Connect))),
        ("Get-MSCommercePolicies", Ok(Some(Cmdlet::GetPolicies))),
        ("Get-MSCommercePolicy -PolicyId AllowSelfServicePurchase", Ok(Some(Cmdlet::GetPolicy))),
        ("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase", Ok(Some(Cmdlet::GetProductPolicies))),
        ("Get-MSCommerceProductPolicies -PolicyId 'AllowSelfServicePurchase'", Ok(Some(Cmdlet::GetProductPolicies))),
        ("Get-MSCommerceProductPolicies -policyid:allowselfservicepurchase", Ok(Some(Cmdlet::GetProductPolicies))),
        (
            "Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP",
            Ok(Some(Cmdlet::GetProductPolicy { product: pid(POWER_BI_PRO) })),
        ),
        // An old ID resolves to the current one.
        (
            "Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0KP0P",
            Ok(Some(Cmdlet::GetProductPolicy { product: pid(POWER_APPS) })),
        ),
        ("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled", update(POWER_BI_PRO, Disabled, false)),
        ("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0HD33 -Value OnlyTrialsWithoutPaymentMethod", update(VISIO_P1, OnlyTrialsWithoutPaymentMethod, false)),
        ("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId cfq7ttc0kxn9 -Value enabled -WhatIf", update(VISIO_P1, Enabled, true)),
        ("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Enabled $false", update(POWER_BI_PRO, Disabled, false)),
        ("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Enabled:$true", update(POWER_BI_PRO, Enabled, false)),
        ("Update-MSCommerceProductPolicy -Pol AllowSelfServicePurchase -Prod CFQ7TTC0H9MP -Val Disabled -WhatIf:$false", update(POWER_BI_PRO, Disabled, false)),
        ("help", Ok(Some(Cmdlet::Help))),
        ("Import-Module -Name MSCommerce", Ok(Some(Cmdlet::ImportModule))),
        ("# Power BI Pro: Enabled -> Disabled", Ok(None)),
        ("   #Update-MSCommerceProductPolicy -Value Disabled", Ok(None)),
        ("Import-Module -Name AzureAD", Err(ConsoleError::UnknownModule { given: "AzureAD".into() })),
        ("cls", Ok(Some(Cmdlet::Clear))),
        // Failures, each with what went wrong.
        ("Get-MSCommerceProductPolicies -PolicyId 'AllowSelfServicePurchase", Err(ConsoleError::UnterminatedQuote)),
        ("Get-MSCommerceProductPolicys", Err(ConsoleError::UnknownCmdlet { name: "Get-MSCommerceProductPolicys".into(), suggestion: Some("Get-MSCommerceProductPolicy") })),
        ("Remove-Item", Err(ConsoleError::UnknownCmdlet { name: "Remove-Item".into(), suggestion: None })),
        ("Get-MSCommerceProductPolicies", Err(ConsoleError::MissingParameter { cmdlet: "Get-MSCommerceProductPolicies", parameter: "PolicyId" })),
        ("Get-MSCommerceProductPolicies AllowSelfServicePurchase", Err(ConsoleError::PositionalArgument { cmdlet: "Get-MSCommerceProductPolicies", argument: "AllowSelfServicePurchase".into() })),
        ("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase -Verbosely", Err(ConsoleError::UnknownParameter { cmdlet: "Get-MSCommerceProductPolicies", parameter: "Verbosely".into() })),
        ("Get-MSCommerceProductPolicies -PolicyId", Err(ConsoleError::MissingArgument { parameter: "PolicyId" })),
        ("Get-MSCommerceProductPolicies -PolicyId -Verbose", Err(ConsoleError::MissingArgument { parameter: "PolicyId" })),
        ("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase -PolicyId AllowSelfServicePurchase", Err(ConsoleError::DuplicateParameter { parameter: "PolicyId" })),
        ("Get-MSCommerceProductPolicies -PolicyId AllowSelfServiceTrial", Err(ConsoleError::UnknownPolicy { given: "AllowSelfServiceTrial".into() })),
        ("Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId H9MP", Err(ConsoleError::MalformedProductId { given: "H9MP".into() })),
        (
            "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -P x",
            Err(ConsoleError::AmbiguousParameter { cmdlet: UPDATE, parameter: "P".into(), candidates: vec!["PolicyId", "ProductId"] }),
        ),
        ("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP", Err(ConsoleError::MissingParameter { cmdlet: UPDATE, parameter: "Value" })),
        ("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Maybe", Err(ConsoleError::BadValue { given: "Maybe".into() })),
        ("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Enabled $maybe", Err(ConsoleError::BadEnabled { given: "$maybe".into() })),
        ("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Enabled -Enabled $true", Err(ConsoleError::ValueAndEnabled)),
    ];
    for (line, expected) in cases {
        assert_eq!(parse(line), expected, "{line}");
    }
}

fn run(
    state: &State,
    who: Option<&Actor>,
    connected: bool,
    line: &str,
) -> Result<Plan, ConsoleError> {
    let catalog = catalog();
    let cmdlet = parse(line)?.expect("a command");
    plan(
        cmdlet,
        &Session {
            state,
            catalog: &catalog,
            actor: who,
            connected,
        },
    )
}

#[test]
fn plans_follow_the_connection_and_the_roles() {
    let s = state();
    let get = "Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase";
    let set = "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled";
    let preview = format!("{set} -WhatIf");
    let (admin, billing, reader, megan, partner) = (
        actor("admin", "contoso"),
        actor("billing", "contoso"),
        actor("reader", "contoso"),
        actor("megan", "contoso"),
        actor("partner.pat", "contoso"),
    );
    let partner_billing = actor("partner.pat", "northwind");
    let denied = |r: Result<Plan, ConsoleError>| matches!(r, Err(ConsoleError::Denied(_)));
    let printed = |r: Result<Plan, ConsoleError>| matches!(r, Ok(Plan::Print(_)));

    // Nothing but help and Connect before connecting; Connect needs a signed-in person.
    assert!(matches!(
        run(&s, Some(&admin), false, get),
        Err(ConsoleError::NotConnected)
    ));
    assert!(matches!(
        run(&s, Some(&admin), false, "Get-Help"),
        Ok(Plan::Help)
    ));
    assert!(matches!(
        run(&s, None, false, "Connect-MSCommerce"),
        Err(ConsoleError::NotSignedIn)
    ));
    match run(&s, Some(&partner), false, "Connect-MSCommerce") {
        Ok(Plan::Connect { account, tenant }) => assert_eq!(
            (account.as_str(), tenant.as_str()),
            ("pat@partner.example", "CONTOSO")
        ),
        other => panic!("{other:?}"),
    }

    // Readers list; the module lets a Global or Billing admin change or preview a change
    // ("Requirements"), and a partner only as the customer's Global admin.
    for who in [&admin, &billing, &reader, &partner, &partner_billing] {
        assert!(printed(run(&s, Some(who), true, get)), "{who:?} lists");
    }
    assert!(denied(run(&s, Some(&megan), true, get)));
    for who in [&reader, &megan, &partner_billing] {
        assert!(denied(run(&s, Some(who), true, set)), "{who:?} may not set");
        assert!(
            denied(run(&s, Some(who), true, &preview)),
            "{who:?} may not preview"
        );
    }
    for who in [&admin, &billing, &partner] {
        assert!(matches!(
            run(&s, Some(who), true, set),
            Ok(Plan::Update {
                value: PolicyValue::Disabled,
                ..
            })
        ));
        assert!(matches!(
            run(&s, Some(who), true, &preview),
            Ok(Plan::WhatIf {
                value: PolicyValue::Disabled,
                ..
            })
        ));
    }

    // A well-formed ID the catalog lacks.
    let unknown =
        "Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0ZZZZ";
    assert_eq!(
        run(&s, Some(&admin), true, unknown).unwrap_err(),
        ConsoleError::UnknownProduct {
            product: pid("CFQ7TTC0ZZZZ")
        }
    );
}

#[test]
fn the_listing_has_the_module_columns_and_the_tenant_values() {
    let mut s = state();
    let admin = actor("admin", "contoso");
    s.policies.set(
        &TenantId("contoso".into()),
        &pid(VISIO_P1),
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
    );
    s.policies.set(
        &TenantId("northwind".into()),
        &pid(POWER_BI_PRO),
        PolicyValue::Disabled,
    );
    let all = product_policies_table(&s, &catalog(), &admin, None);
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["PolicyId", "ProductName", "ProductId", "PolicyValue"]
    );
    assert!(lines[1].starts_with("--------"));
    assert_eq!(lines.len(), 2 + catalog().products.len());
    let row = |id: &str| lines.iter().find(|l| l.contains(id)).copied().unwrap();
    assert!(row(VISIO_P1).ends_with("OnlyTrialsWithoutPaymentMethod"));
    assert!(
        row(POWER_BI_PRO).ends_with("Enabled"),
        "another tenant's value does not show"
    );
    // Columns line up: each row's ProductId starts where the header's does.
    let at = lines[0].find("ProductId").unwrap();
    assert!(lines[2..].iter().all(|l| l[at..].starts_with("CFQ7TTC0")));

    let one = product_policies_table(&s, &catalog(), &admin, Some(&pid("CFQ7TTC0KXN9")));
    assert_eq!(one.lines().count(), 3);
    assert!(one.contains("Visio Plan 1") && one.contains(VISIO_P1));
}

#[test]
fn the_impact_counts_who_could_buy_or_try() {
    let s = state();
    let contoso = TenantId("contoso".into());
    let catalog = catalog();
    let product = |id: &str| catalog.product(&pid(id)).unwrap().clone();
    // Active non-guest accounts of contoso: admin, billing, reader, megan, lee, sam, 30 staff.
    let people = 36;
    let enabled = policy_impact(&s, &product(POWER_BI_PRO), &contoso, PolicyValue::Enabled);
    assert_eq!(
        (enabled.people, enabled.can_buy, enabled.can_try),
        (people, people, people)
    );
    let disabled = policy_impact(&s, &product(POWER_BI_PRO), &contoso, PolicyValue::Disabled);
    assert_eq!(
        (disabled.people, disabled.can_buy, disabled.can_try),
        (people, 0, 0)
    );
    // Trials only: a trial for a product that has one without a payment method, nothing otherwise.
    let trials = policy_impact(
        &s,
        &product(VISIO_P1),
        &contoso,
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
    );
    assert_eq!((trials.can_buy, trials.can_try), (0, people));
    let none = policy_impact(
        &s,
        &product(POWER_BI_PRO),
        &contoso,
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
    );
    assert_eq!((none.can_buy, none.can_try), (0, 0));
    // Existing subscriptions are counted, and a policy change leaves them alone.
    let (bought, _) = megan_buys(&s, 2);
    assert_eq!(
        policy_impact(
            &bought,
            &product(POWER_BI_PRO),
            &contoso,
            PolicyValue::Disabled
        )
        .subscriptions,
        1
    );
    let (after, _) = ok(
        &bought,
        &actor("admin", "contoso"),
        Command::SetPolicy {
            product: pid(POWER_BI_PRO),
            value: PolicyValue::Disabled,
        },
    );
    assert_eq!(after.subscriptions, bought.subscriptions);
}

#[test]
fn the_audit_log_filters_per_tenant_and_exports() {
    let s = state();
    let admin = actor("admin", "contoso");
    let (s, _) = ok(
        &s,
        &admin,
        Command::SetPolicy {
            product: pid(POWER_BI_PRO),
            value: PolicyValue::Disabled,
        },
    );
    let s = ssp::domain::commands::record_sign_in_refusal(
        &s,
        now(),
        "megan@contoso.com",
        "WrongPassword",
        &ssp::domain::commands::Explanation::new("signin.error.password"),
    );
    let s = ssp::domain::commands::record_sign_in_refusal(
        &s,
        now(),
        "=cmd@nowhere.example",
        "UnknownAccount",
        &ssp::domain::commands::Explanation::new("signin.error.unknown"),
    );
    let s = ssp::domain::commands::record_sign_in_refusal(
        &s,
        now(),
        "alex@northwind.example",
        "WrongPassword",
        &ssp::domain::commands::Explanation::new("signin.error.password"),
    );
    let contoso = TenantId("contoso".into());

    let all = audit_events(&s, &contoso, &AuditQuery::default());
    assert_eq!(
        all.len(),
        2,
        "northwind's event and the unknown domain's sign-in stay out"
    );
    assert_eq!(all[0].action, "sign_in", "newest first");
    assert_eq!(
        all[0].actor,
        Some(uid("megan")),
        "a refused sign-in names the account tried"
    );
    let refused = audit_events(
        &s,
        &contoso,
        &AuditQuery {
            outcome: Some(AuditOutcome::Refused),
            ..Default::default()
        },
    );
    assert_eq!(refused.len(), 1);
    let policy = audit_events(
        &s,
        &contoso,
        &AuditQuery {
            action: Some("set_policy".into()),
            ..Default::default()
        },
    );
    assert_eq!(policy.len(), 1);
    assert!(policy[0]
        .detail
        .contains("Power BI Pro: Enabled → Disabled"));
    let search = audit_events(
        &s,
        &contoso,
        &AuditQuery {
            search: "MEGAN".into(),
            ..Default::default()
        },
    );
    assert_eq!(search.len(), 1);

    // A partner acting for a customer is marked as such.
    let (s, _) = ok(
        &s,
        &actor("partner.pat", "contoso"),
        Command::SetPolicy {
            product: pid(VISIO_P1),
            value: PolicyValue::Disabled,
        },
    );
    let latest = audit_events(&s, &contoso, &AuditQuery::default());
    let csv = audit_csv(&s.directory, &latest[..1]);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Date (UTC),Actor,Actor email,Partner,Action,Subject,Outcome,Detail"
    );
    assert_eq!(lines[1], "2026-11-26 09:30:00,partner pat,pat@partner.example,yes,set_policy,CFQ7TTC0HD33,Succeeded,Visio Plan 1: Enabled → Disabled");
    let northwind = audit_events(&s, &TenantId("northwind".into()), &AuditQuery::default());
    assert_eq!(northwind.len(), 1);
    let csv = audit_csv(
        &s.directory,
        &audit_events(
            &s,
            &contoso,
            &AuditQuery {
                search: "wrongpassword".into(),
                ..Default::default()
            },
        ),
    );
    assert!(
        csv.contains(",megan@contoso.com,Refused,WrongPassword"),
        "{csv}"
    );
}

#[test]
fn a_formula_in_a_field_is_defused_in_csv() {
    let s = state();
    let mut s = ssp::domain::commands::record_sign_in_refusal(
        &s,
        now(),
        "megan@contoso.com",
        "=HYPERLINK(\"x\")",
        &ssp::domain::commands::Explanation::new("signin.error.password"),
    );
    s.audit[0].subject = "+1,2".into();
    let events = audit_events(&s, &TenantId("contoso".into()), &AuditQuery::default());
    let csv = audit_csv(&s.directory, &events);
    assert!(
        csv.contains(",\"'+1,2\",Refused,\"'=HYPERLINK(\"\"x\"\")\""),
        "{csv}"
    );
}

#[test]
fn every_console_error_has_a_message_with_its_placeholders() {
    use ssp::i18n::{lookup, Lang};
    let errors = [
        ConsoleError::UnterminatedQuote,
        ConsoleError::UnknownCmdlet {
            name: "x".into(),
            suggestion: None,
        },
        ConsoleError::UnknownCmdlet {
            name: "x".into(),
            suggestion: Some("Connect-MSCommerce"),
        },
        ConsoleError::PositionalArgument {
            cmdlet: UPDATE,
            argument: "x".into(),
        },
        ConsoleError::UnknownParameter {
            cmdlet: UPDATE,
            parameter: "x".into(),
        },
        ConsoleError::AmbiguousParameter {
            cmdlet: UPDATE,
            parameter: "P".into(),
            candidates: vec!["PolicyId", "ProductId"],
        },
        ConsoleError::DuplicateParameter { parameter: "Value" },
        ConsoleError::MissingArgument { parameter: "Value" },
        ConsoleError::MissingParameter {
            cmdlet: UPDATE,
            parameter: "Value",
        },
        ConsoleError::UnknownPolicy { given: "x".into() },
        ConsoleError::UnknownModule { given: "x".into() },
        ConsoleError::MalformedProductId { given: "x".into() },
        ConsoleError::UnknownProduct {
            product: pid(VISIO_P1),
        },
        ConsoleError::BadValue { given: "x".into() },
        ConsoleError::BadEnabled { given: "x".into() },
        ConsoleError::ValueAndEnabled,
        ConsoleError::NotConnected,
        ConsoleError::NotSignedIn,
        ConsoleError::Denied(Denied::Guest),
    ];
    for error in errors {
        let mut names: Vec<&str> = error.args().iter().map(|(n, _)| *n).collect();
        if matches!(error, ConsoleError::Denied(_)) {
            names.push("reason"); // filled by the console with the translated denial
        }
        for lang in Lang::ALL {
            let text = lookup(lang, error.message_key())
                .unwrap_or_else(|| panic!("{} missing", error.message_key()));
            let mut wanted: Vec<&str> = text
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}'))
                .map(|(n, _)| n)
                .collect();
            wanted.sort();
            let mut given = names.clone();
            given.sort();
            assert_eq!(wanted, given, "{error:?} in {lang:?}");
        }
    }
}

/// "OnlyTrialsWithoutPaymentMethod" on a product without such a trial is a block: the
/// plan says so, for a change and for its -WhatIf, and not for a product that has one.
#[test]
fn trials_only_on_a_product_without_a_no_card_trial_warns() {
    let s = state();
    let admin = actor("admin", "contoso");
    let update = |product: &str, what_if: &str| {
        format!("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId {product} -Value OnlyTrialsWithoutPaymentMethod{what_if}")
    };
    for (product, warns) in [
        ("CFQ7TTC0MM8R", true),
        ("CFQ7TTC0H9MP", true),
        ("CFQ7TTC0HD33", false),
    ] {
        match run(&s, Some(&admin), true, &update(product, "")) {
            Ok(Plan::Update {
                blocks_everything, ..
            }) => assert_eq!(blocks_everything, warns, "{product}"),
            other => panic!("{other:?}"),
        }
        match run(&s, Some(&admin), true, &update(product, " -WhatIf")) {
            Ok(Plan::WhatIf {
                blocks_everything, ..
            }) => assert_eq!(blocks_everything, warns, "{product} -WhatIf"),
            other => panic!("{other:?}"),
        }
    }
}

//! The policy panel's impact count, and the audit log's filter and CSV.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use ssp::domain::subscription::AuditOutcome;
use ssp::domain::views::{audit_csv, audit_events, policy_impact, AuditQuery};
use ssp::domain::*;

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
            target: pid(POWER_BI_PRO).into(),
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
            target: pid(POWER_BI_PRO).into(),
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
            target: pid(VISIO_P1).into(),
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

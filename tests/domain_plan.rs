//! Policy plans: every shape the MSCommerce module's output takes (table, JSON, CSV) and a
//! Microsoft365DSC configuration read into a plan; bad input refused whole; the exports;
//! and the round trips — script → console → state, DSC → import → plan — over random plans.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use proptest::prelude::*;
use ssp::domain::console::{listing, run, Session, World};
use ssp::domain::policy::{OfferType, PolicyTarget};
use ssp::domain::policy_plan::*;
use ssp::domain::*;
use std::collections::BTreeMap;

fn values(pairs: &[(&str, PolicyValue)]) -> BTreeMap<PolicyTarget, PolicyValue> {
    pairs.iter().map(|(id, v)| (pid(id).into(), *v)).collect()
}

fn offer(t: OfferType) -> PolicyTarget {
    PolicyTarget::OfferType(t)
}

/// A plan's products only.
fn products_of(plan: &BTreeMap<PolicyTarget, PolicyValue>) -> BTreeMap<PolicyTarget, PolicyValue> {
    plan.iter()
        .filter(|(t, _)| matches!(t, PolicyTarget::Product(_)))
        .map(|(t, v)| (t.clone(), *v))
        .collect()
}

fn imported(text: &str) -> Import {
    import(text, &catalog()).unwrap_or_else(|e| panic!("{e:?} for:\n{text}"))
}

use PolicyValue::{Disabled, Enabled, OnlyTrialsWithoutPaymentMethod as TrialsOnly};

// The module's default output, as Windows PowerShell 5.1 prints it (blank lines around).
const TABLE: &str = "
PolicyId                 ProductName                                ProductId    PolicyValue
--------                 -----------                                ---------    -----------
AllowSelfServicePurchase Power BI Pro                               CFQ7TTC0H9MP Disabled
AllowSelfServicePurchase Power Apps per user                        CFQ7TTC0LH2H Enabled
AllowSelfServicePurchase Visio Plan 1                               CFQ7TTC0HD33 OnlyTrialsWithoutPaymentMethod


";

#[test]
fn the_default_table_reads_with_any_line_ending_and_a_bom() {
    let expected =
        values(&[(POWER_BI_PRO, Disabled), (POWER_APPS, Enabled), (VISIO_P1, TrialsOnly)]);
    for text in [
        TABLE.to_owned(),
        TABLE.replace('\n', "\r\n"),
        format!("\u{feff}{}", TABLE.replace('\n', "\r")),
        // Mixed: some lines \r\n, some \n.
        TABLE.replacen('\n', "\r\n", 3),
    ] {
        let got = imported(&text);
        assert_eq!(got.format, Format::Table);
        assert_eq!(got.values, expected);
        assert_eq!(got.rows, 3);
        assert!(got.unplaced.is_empty(), "{:?}", got.unplaced);
    }
}

#[test]
fn a_table_with_cut_names_wrapped_rows_old_ids_and_chinese_names_reads() {
    // PowerShell 7 cuts long cells with …; names we do not need may be cut freely.
    let cut = "PolicyId             ProductName          ProductId    PolicyValue\n\
               --------             -----------          ---------    -----------\n\
               AllowSelfServicePur… Power Automate per … CFQ7TTC0LSGZ Disabled\n";
    assert_eq!(imported(cut).values, values(&[("CFQ7TTC0LSGZ", Disabled)]));
    // Format-Table -Wrap: a long name goes on below, the other columns blank.
    let wrapped = "PolicyId                 ProductName     ProductId    PolicyValue\n\
                   --------                 -----------     ---------    -----------\n\
                   AllowSelfServicePurchase Power Automate  CFQ7TTC0LSGZ Enabled\n\
                   \x20                        per user\n\
                   AllowSelfServicePurchase Project Plan 1  CFQ7TTC0KXND Disabled\n";
    let got = imported(wrapped);
    // The old Project Plan 1 ID resolves to the current one.
    assert_eq!(
        got.values,
        values(&[("CFQ7TTC0LSGZ", Enabled), (PROJECT_P1, Disabled)])
    );
    // A Chinese-locale console: headers in English, a name in Chinese taking two cells a
    // character, the columns after it shifted as the console draws them.
    let chinese = "PolicyId                 ProductName         ProductId    PolicyValue\n\
                   --------                 -----------         ---------    -----------\n\
                   AllowSelfServicePurchase Visio 计划 2        CFQ7TTC0HD32 Disabled\n\
                   AllowSelfServicePurchase Power BI Pro        CFQ7TTC0H9MP Enabled\n";
    assert_eq!(
        imported(chinese).values,
        values(&[(VISIO_P2, Disabled), (POWER_BI_PRO, Enabled)])
    );
}

#[test]
fn json_from_convertto_json_reads_one_or_many() {
    let many = r#"[
    {
        "PolicyId":  "AllowSelfServicePurchase",
        "ProductName":  "Power BI Pro",
        "ProductId":  "CFQ7TTC0H9MP",
        "PolicyValue":  "Disabled"
    },
    {
        "PolicyId":  "AllowSelfServicePurchase",
        "ProductName":  "Project 计划 1",
        "ProductId":  "CFQ7TTC0KXND",
        "PolicyValue":  "OnlyTrialsWithoutPaymentMethod"
    }
]"#;
    let got = imported(many);
    assert_eq!(got.format, Format::Json);
    assert_eq!(
        got.values,
        values(&[(POWER_BI_PRO, Disabled), (PROJECT_P1, TrialsOnly)])
    );
    let one = r#"{"PolicyId":"AllowSelfServicePurchase","ProductName":"Visio Plan 1","ProductId":"CFQ7TTC0HD33","PolicyValue":"Enabled"}"#;
    assert_eq!(
        imported(&format!("\u{feff}{one}")).values,
        values(&[(VISIO_P1, Enabled)])
    );
}

#[test]
fn csv_from_export_csv_reads_with_or_without_its_type_line() {
    let windows = "#TYPE System.Management.Automation.PSCustomObject\r\n\
                   \"PolicyId\",\"ProductName\",\"ProductId\",\"PolicyValue\"\r\n\
                   \"AllowSelfServicePurchase\",\"Power BI Pro\",\"CFQ7TTC0H9MP\",\"Disabled\"\r\n\
                   \"AllowSelfServicePurchase\",\"Visio \"\"Plan\"\" 1, web\",\"CFQ7TTC0HD33\",\"Enabled\"\r\n";
    let got = imported(windows);
    assert_eq!(got.format, Format::Csv);
    assert_eq!(
        got.values,
        values(&[(POWER_BI_PRO, Disabled), (VISIO_P1, Enabled)])
    );
    // PowerShell 7 writes no type line; -UseCulture may use ';'.
    let seven = "\"PolicyId\";\"ProductName\";\"ProductId\";\"PolicyValue\"\n\
                 \"AllowSelfServicePurchase\";\"Power Apps per user\";\"CFQ7TTC0KP0P\";\"Disabled\"\n";
    assert_eq!(imported(seven).values, values(&[(POWER_APPS, Disabled)]));
}

#[test]
fn rows_it_cannot_place_are_listed_with_why_and_the_rest_make_the_plan() {
    let text = "PolicyId                 ProductName   ProductId    PolicyValue\n\
                --------                 -----------   ---------    -----------\n\
                AllowSelfServicePurchase Power BI Pro  CFQ7TTC0H9MP Disabled\n\
                AllowSelfServiceTrial    Power BI Pro  CFQ7TTC0H9MP Enabled\n\
                AllowSelfServicePurchase Mystery       CFQ7TTC0ZZZZ Enabled\n\
                AllowSelfServicePurchase Broken        CFQ7TT       Enabled\n\
                AllowSelfServicePurchase Visio Plan 1  CFQ7TTC0HD33 Maybe\n\
                AllowSelfServicePurchase Visio Plan 2  CFQ7TTC0HD32 OnlyTrialsWith…\n\
                AllowSelfServicePurchase Power Apps    CFQ7TTC0KP0P Enabled\n\
                AllowSelfServicePurchase Power Apps    CFQ7TTC0LH2H Disabled\n";
    let got = imported(text);
    assert_eq!(
        got.values,
        values(&[(POWER_BI_PRO, Disabled), (POWER_APPS, Enabled)])
    );
    let why: Vec<(usize, Unplaced)> = got.unplaced.into_iter().map(|u| (u.line, u.why)).collect();
    assert_eq!(
        why,
        vec![
            (
                4,
                Unplaced::OtherPolicy {
                    given: "AllowSelfServiceTrial".into()
                }
            ),
            (
                5,
                Unplaced::UnknownProduct {
                    product: "CFQ7TTC0ZZZZ".into()
                }
            ),
            (
                6,
                Unplaced::MalformedProductId {
                    given: "CFQ7TT".into()
                }
            ),
            (
                7,
                Unplaced::BadValue {
                    given: "Maybe".into()
                }
            ),
            (
                8,
                Unplaced::Truncated {
                    given: "OnlyTrialsWith…".into()
                }
            ),
            // The old and the current Power Apps ID disagree: the first one stands.
            (
                10,
                Unplaced::Conflict {
                    product: POWER_APPS.into(),
                    first_line: 9
                }
            ),
        ]
    );
}

#[test]
fn bad_input_is_refused_whole_with_its_reason() {
    let cases: Vec<(String, ImportError)> = vec![
        (String::new(), ImportError::Empty),
        ("  \r\n\t\n".into(), ImportError::Empty),
        ("\u{feff}".into(), ImportError::Empty),
        ("x".repeat(MAX_IMPORT_BYTES + 1), ImportError::TooLarge { bytes: MAX_IMPORT_BYTES + 1, limit: MAX_IMPORT_BYTES }),
        // Another cmdlet's table.
        ("PolicyId                 Description                          DefaultValue\n\
          --------                 -----------                          ------------\n\
          AllowSelfServicePurchase Allow users to buy and try products  Enabled\n".into(), ImportError::NotAPolicyExport),
        ("Get-Process | Format-Table\nHandles NPM(K) PM(K)\n------- ------ -----\n".into(), ImportError::NotAPolicyExport),
        ("hello, world".into(), ImportError::NotAPolicyExport),
        // A header and nothing under it; a header whose dashes were not copied.
        ("PolicyId ProductName ProductId PolicyValue\n-------- ----------- --------- -----------\n".into(), ImportError::NoRows),
        ("PolicyId ProductName ProductId PolicyValue\n".into(), ImportError::CutOff { line: 2 }),
        // The paste stopped inside the last row.
        ("PolicyId                 ProductName   ProductId    PolicyValue\n\
          --------                 -----------   ---------    -----------\n\
          AllowSelfServicePurchase Power BI Pro  CFQ7TTC0H9MP Disabled\n\
          AllowSelfServicePurchase Visio Plan 1  CFQ7TTC0HD33 Disa".into(), ImportError::CutOff { line: 4 }),
        ("PolicyId                 ProductName   ProductId    PolicyValue\n\
          --------                 -----------   ---------    -----------\n\
          AllowSelfServicePurchase Power BI Pro  CFQ7T".into(), ImportError::CutOff { line: 3 }),
        // A table without the column a plan needs.
        ("PolicyId                 ProductName\n--------                 -----------\nAllowSelfServicePurchase Power BI Pro\n".into(), ImportError::NotAPolicyExport),
        ("ProductName  ProductId\n-----------  ---------\nPower BI Pro CFQ7TTC0H9MP\n".into(), ImportError::MissingColumn { column: "PolicyValue" }),
        // JSON cut short, JSON of something else.
        ("[{\"PolicyId\": \"AllowSelfServicePurchase\", \"ProductId\": \"CFQ7TTC0H9MP\"".into(), ImportError::Json { detail: String::new() }),
        ("[{\"Name\": \"explorer\", \"Id\": 4}]".into(), ImportError::MissingColumn { column: "ProductId" }),
        ("[]".into(), ImportError::NoRows),
        // CSV whose last record lost its end.
        ("\"PolicyId\",\"ProductName\",\"ProductId\",\"PolicyValue\"\n\"AllowSelfServicePurchase\",\"Power BI Pro\",\"CFQ7TTC0H9MP\",\"Disab".into(), ImportError::CutOff { line: 2 }),
        ("\"PolicyId\",\"ProductName\",\"ProductId\",\"PolicyValue\"\n\"AllowSelfServicePurchase\",\"Power BI Pro\"\n".into(), ImportError::CutOff { line: 2 }),
        // A DSC block that never closes.
        ("Configuration X\n{\n    CommerceSelfServicePurchase \"a\"\n    {\n        ProductId = \"CFQ7TTC0H9MP\";\n".into(), ImportError::CutOff { line: 3 }),
    ];
    for (text, expected) in cases {
        let got = import(&text, &catalog());
        match (&got, &expected) {
            // The parser's own words vary; that it is a JSON error with them is the point.
            (Err(ImportError::Json { detail }), ImportError::Json { .. }) => {
                assert!(!detail.is_empty())
            }
            _ => assert_eq!(
                got,
                Err(expected),
                "for {:?}",
                text.chars().take(80).collect::<String>()
            ),
        }
    }
}

#[test]
fn every_import_error_and_unplaced_row_names_a_message_in_both_languages() {
    use ssp::i18n::{lookup, Lang};
    let errors = [
        ImportError::Empty,
        ImportError::TooLarge { bytes: 1, limit: 1 },
        ImportError::NotAPolicyExport,
        ImportError::MissingColumn {
            column: "ProductId",
        },
        ImportError::Json { detail: "x".into() },
        ImportError::CutOff { line: 1 },
        ImportError::NoRows,
    ];
    let unplaced = [
        Unplaced::OtherPolicy { given: "x".into() },
        Unplaced::MalformedProductId { given: "x".into() },
        Unplaced::Truncated { given: "x".into() },
        Unplaced::UnknownProduct {
            product: "x".into(),
        },
        Unplaced::BadValue { given: "x".into() },
        Unplaced::Conflict {
            product: "x".into(),
            first_line: 1,
        },
        Unplaced::Absent {
            product: "x".into(),
        },
        Unplaced::UnknownOfferType { given: "x".into() },
        Unplaced::OfferTypeValue { given: "x".into() },
    ];
    let keys = errors
        .iter()
        .map(|e| {
            (
                e.message_key(),
                e.args().into_iter().map(|(k, _)| k).collect::<Vec<_>>(),
            )
        })
        .chain(unplaced.iter().map(|u| {
            (
                u.message_key(),
                u.args().into_iter().map(|(k, _)| k).collect(),
            )
        }))
        .chain(
            [Format::Table, Format::List, Format::Json, Format::Csv, Format::Dsc]
                .map(|f| (f.message_key(), vec![])),
        );
    for (key, args) in keys {
        for lang in [Lang::EnUs, Lang::ZhCn] {
            let text = lookup(lang, key).unwrap_or_else(|| panic!("{key} missing in {lang:?}"));
            for arg in &args {
                assert!(
                    text.contains(&format!("{{{arg}}}")),
                    "{key} ({lang:?}) does not say {{{arg}}}"
                );
            }
        }
    }
}

fn contoso_plan(planned: &BTreeMap<PolicyTarget, PolicyValue>, state: &State) -> PolicyPlan {
    PolicyPlan {
        source: "a test".into(),
        tenants: vec![TenantPlan::demo(
            TenantId("contoso".into()),
            "Contoso".into(),
            &state.policies,
            &catalog(),
            planned,
        )],
    }
}

#[test]
fn the_script_connects_once_per_organization_and_updates_each_change() {
    let mut s = state();
    s.policies
        .set(&TenantId("contoso".into()), &pid(VISIO_P1), Disabled);
    let mut plan = contoso_plan(
        &values(&[(POWER_BI_PRO, Disabled), (VISIO_P1, Disabled)]),
        &s,
    );
    plan.tenants.push(TenantPlan::other(
        "fabrikam.onmicrosoft.com".into(),
        &catalog(),
        &values(&[(POWER_APPS, Disabled)]),
    ));
    plan.set(
        &PlanTenant::Other("fabrikam.onmicrosoft.com".into()),
        &pid(POWER_APPS).into(),
        Enabled,
    );
    let options = ScriptOptions {
        what_if: false,
        date: today(),
    };
    let script = powershell(&plan, &catalog(), options);
    let lines: Vec<&str> = script.lines().collect();
    assert!(lines[0].starts_with("# Self-service purchase policies (AllowSelfServicePurchase)"));
    assert!(
        lines[1].contains("Exported 2026-11-26, from a test."),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains("Changes: 2 in 2 organization(s)."),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines.iter().filter(|l| **l == "Connect-MSCommerce").count(),
        2
    );
    let updates: Vec<&&str> = lines.iter().filter(|l| l.starts_with("Update-")).collect();
    assert_eq!(
        updates,
        vec![
            &"Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled",
            &"Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0LH2H -Value Enabled",
        ]
    );
    assert!(script.contains("# Organization: Contoso — 1 change(s)."));
    assert!(script.contains("# Organization: fabrikam.onmicrosoft.com — 1 change(s)."));
    assert!(script.contains("# Power BI Pro: Enabled -> Disabled"));
    // -WhatIf on every update, and said in the header.
    let what_if = powershell(
        &plan,
        &catalog(),
        ScriptOptions {
            what_if: true,
            ..options
        },
    );
    assert!(what_if
        .lines()
        .filter(|l| l.starts_with("Update-"))
        .all(|l| l.ends_with(" -WhatIf")));
    assert!(what_if.contains("Every update runs with -WhatIf: nothing changes."));
    // A name with a line break cannot end a comment early.
    let mut hostile = plan.clone();
    hostile.source = "x\nRemove-Item C:\\ -Recurse".into();
    hostile.tenants[0].name = "Evil\r\nInvoke-Expression".into();
    let text = powershell(&hostile, &catalog(), options);
    assert!(
        text.lines().all(|l| l.is_empty()
            || l.starts_with('#')
            || l.starts_with("Import-Module")
            || l == "Connect-MSCommerce"
            || l.starts_with("Update-MSCommerceProductPolicy ")),
        "{text}"
    );
}

#[test]
fn the_dsc_configuration_has_a_block_per_product_and_reads_back() {
    let s = state();
    let plan = contoso_plan(
        &values(&[(POWER_BI_PRO, Disabled), (VISIO_P1, TrialsOnly)]),
        &s,
    );
    let text = dsc(&plan, &catalog(), today());
    assert!(text.contains("Configuration SelfServicePurchase1\n{"));
    assert!(
        text.contains("    Import-DscResource -ModuleName Microsoft365DSC\n    Node localhost\n")
    );
    assert_eq!(
        text.matches("        CommerceSelfServicePurchase \"CommerceSelfServicePurchase-")
            .count(),
        catalog().microsoft().count()
    );
    assert!(text.contains("            ProductId             = \"CFQ7TTC0H9MP\";\n            ProductName           = 'Power BI Pro';\n            PolicyValue           = \"Disabled\";\n            Ensure                = \"Present\";"));
    let back = imported(&text);
    assert_eq!(back.format, Format::Dsc);
    assert_eq!(back.values, products_of(&plan.tenants[0].planned));
}

/// Runs a script in the console as Contoso's Global admin: pasted whole when `whole`,
/// else line by line as a person would type it. Every line answers without an error.
fn run_in_console(script: &str, s: State, whole: bool) -> State {
    let admin = actor("admin", "contoso");
    let catalog = catalog();
    let world = World {
        catalog: &catalog,
        now: now(),
        actor: Some(&admin),
    };
    let mut session = Session::default();
    let mut state = s;
    let inputs: Vec<&str> = if whole {
        vec![script]
    } else {
        script.lines().collect()
    };
    for input in inputs {
        let r = run(&session, &state, &world, input);
        assert!(
            !r.lines.iter().any(|l| matches!(
                l,
                ssp::domain::console::Line::Error(_) | ssp::domain::console::Line::App(_)
            )),
            "{input}: {:?}",
            r.lines
        );
        session = r.session;
        if let Some(next) = r.state {
            state = next;
        }
    }
    state
}

fn any_value() -> impl Strategy<Value = PolicyValue> {
    prop::sample::select(PolicyValue::ALL.to_vec())
}

/// Random current values and a random plan over the catalog's products and the offer
/// types (which take Enabled or Disabled only).
fn any_values() -> impl Strategy<Value = BTreeMap<PolicyTarget, PolicyValue>> {
    let ids: Vec<PolicyTarget> = policy_targets(&catalog()).collect();
    prop::collection::vec(prop::option::of(any_value()), ids.len()).prop_map(move |vs| {
        ids.iter()
            .zip(vs)
            .filter_map(|(id, v)| v.filter(|v| id.takes(*v)).map(|v| (id.clone(), v)))
            .collect()
    })
}

proptest! {
    /// The exported script, run line by line in the console against the demo tenant,
    /// leaves exactly the planned state; with -WhatIf, the state as it was.
    #[test]
    fn exported_script_run_in_the_console_gives_the_planned_state(now in any_values(), planned in any_values()) {
        let mut s = state();
        let contoso = TenantId("contoso".into());
        for (t, v) in &now {
            s.policies.set_value(&contoso, t, *v).unwrap();
        }
        let plan = contoso_plan(&planned, &s);
        let date = today();
        let script = powershell(&plan, &catalog(), ScriptOptions { what_if: false, date });
        for whole in [false, true] {
            let after = run_in_console(&script, s.clone(), whole);
            for target in policy_targets(&catalog()) {
                prop_assert_eq!(after.policies.value(&contoso, &target), plan.tenants[0].planned[&target]);
            }
        }
        let unchanged = run_in_console(&powershell(&plan, &catalog(), ScriptOptions { what_if: true, date }), s.clone(), true);
        prop_assert_eq!(unchanged.policies, s.policies);
    }

    /// The DSC export, imported again, is the same plan for every product (DSC has no
    /// offer types: theirs stay as they are).
    #[test]
    fn dsc_export_imported_gives_the_same_plan(planned in any_values()) {
        let s = state();
        let plan = contoso_plan(&planned, &s);
        let back = import(&dsc(&plan, &catalog(), today()), &catalog()).unwrap();
        prop_assert!(back.unplaced.is_empty());
        let again = contoso_plan(&back.values, &s);
        prop_assert_eq!(products_of(&again.tenants[0].planned), products_of(&plan.tenants[0].planned));
        for t in OfferType::ALL {
            prop_assert_eq!(again.tenants[0].planned[&offer(t)], plan.tenants[0].current[&offer(t)]);
        }
    }

    /// The module's own table (the console prints it the same way) reads back as the state.
    #[test]
    fn the_modules_table_reads_back_as_the_state(now in any_values()) {
        let mut s = state();
        let contoso = TenantId("contoso".into());
        for (t, v) in &now {
            s.policies.set_value(&contoso, t, *v).unwrap();
        }
        let table = listing(&s, &catalog(), &contoso);
        let back = import(&table, &catalog()).unwrap();
        prop_assert!(back.unplaced.is_empty());
        for product in catalog().microsoft() {
            let target = PolicyTarget::Product(product.id.clone());
            prop_assert_eq!(back.values[&target], s.policies.get(&contoso, &product.id));
        }
    }

    /// Whatever is pasted, the import answers — a plan or a reason — and never panics.
    #[test]
    fn any_text_gets_an_answer(text in "(?s).{0,400}") {
        let _ = import(&text, &catalog());
    }

    /// Copying one organization's plan to others gives them the same planned values.
    #[test]
    fn copying_a_plan_gives_the_same_planned_values(a in any_values(), b in any_values()) {
        let s = state();
        let mut plan = contoso_plan(&a, &s);
        plan.tenants.push(TenantPlan::demo(TenantId("fabrikam".into()), "Fabrikam".into(), &s.policies, &catalog(), &b));
        plan.copy(&PlanTenant::Demo(TenantId("contoso".into())), &[PlanTenant::Demo(TenantId("fabrikam".into()))]);
        prop_assert_eq!(&plan.tenants[1].planned, &plan.tenants[0].planned);
    }
}

/// `-Scope OfferType` prints a list (five properties), and ConvertTo-Json and Export-Csv
/// write its ScopeId: each reads into the offer types' plan. Offer types take Enabled or
/// Disabled only (the MSCommerce page's third-party table).
#[test]
fn the_offer_type_listing_reads_as_a_list_json_or_csv() {
    let list = "\n\
PolicyId    : AllowSelfServicePurchase\n\
PolicyValue : Disabled\n\
ScopeId     : SaaS\n\
ScopeValue  : Software as a Service\n\
Scope       : OfferType\n\
\n\
PolicyId    : AllowSelfServicePurchase\n\
PolicyValue : Enabled\n\
ScopeId     : POWERBIVISUALS\n\
ScopeValue  : Power BI Visuals\n\
Scope       : OfferType\n\
\n\
PolicyId    : AllowSelfServicePurchase\n\
PolicyValue : OnlyTrialsWithoutPaymentMethod\n\
ScopeId     : DYNAMICSCE\n\
ScopeValue  : Dynamics 365 Dataverse Apps\n\
Scope       : OfferType\n\
\n\
PolicyId    : AllowSelfServicePurchase\n\
PolicyValue : Disabled\n\
ScopeId     : MARKETPLACE\n\
ScopeValue  : ?\n\
Scope       : OfferType\n\n";
    let got = imported(list);
    assert_eq!(got.format, Format::List);
    assert_eq!(
        got.values,
        [(offer(OfferType::SaaS), Disabled), (offer(OfferType::PowerBiVisuals), Enabled)]
            .into_iter()
            .collect()
    );
    assert_eq!(
        got.unplaced
            .iter()
            .map(|u| u.why.clone())
            .collect::<Vec<_>>(),
        vec![
            Unplaced::OfferTypeValue {
                given: "OnlyTrialsWithoutPaymentMethod".into()
            },
            Unplaced::UnknownOfferType {
                given: "MARKETPLACE".into()
            },
        ]
    );
    // The product listing piped to Format-List reads the same way.
    let products = "PolicyValue : Disabled\nProductId   : CFQ7TTC0KP0P\nPolicyId    : AllowSelfServicePurchase\nProductName : Power Apps per user\n";
    assert_eq!(imported(products).values, values(&[(POWER_APPS, Disabled)]));
    let json = r#"[{"PolicyId":"AllowSelfServicePurchase","PolicyValue":"Disabled","ScopeId":"DYNAMICSBC","ScopeValue":"Dynamics 365 Business Central","Scope":"OfferType"}]"#;
    assert_eq!(
        imported(json).values,
        [(offer(OfferType::DynamicsBc), Disabled)]
            .into_iter()
            .collect()
    );
    let csv = "\"PolicyId\",\"PolicyValue\",\"ScopeId\",\"ScopeValue\",\"Scope\"\n\"AllowSelfServicePurchase\",\"Disabled\",\"POWERBIVISUALS\",\"Power BI Visuals\",\"OfferType\"\n";
    assert_eq!(
        imported(csv).values,
        [(offer(OfferType::PowerBiVisuals), Disabled)]
            .into_iter()
            .collect()
    );
    // A block cut off before its value is refused whole.
    assert_eq!(
        import(
            "PolicyId    : AllowSelfServicePurchase\nScopeId     : SaaS\n",
            &catalog()
        ),
        Err(ImportError::CutOff { line: 1 })
    );
}

/// Offer types go out as `-OfferType` lines; Microsoft365DSC's resource has none, and the
/// DSC export says so. Both headers say there is no single switch and that new products
/// arrive allowed (the MSCommerce page's note).
#[test]
fn offer_types_export_as_script_lines_and_dsc_says_it_has_none() {
    let s = state();
    let mut planned = values(&[(POWER_BI_PRO, Disabled)]);
    planned.insert(offer(OfferType::SaaS), Disabled);
    let plan = contoso_plan(&planned, &s);
    let script = powershell(
        &plan,
        &catalog(),
        ScriptOptions {
            what_if: false,
            date: today(),
        },
    );
    assert!(script.contains("# Software as a Service: Enabled -> Disabled\nUpdate-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -OfferType SaaS -Value Disabled\n"), "{script}");
    assert!(script.contains("# No single command turns self-service off for every product: each product and offer type is set on its own, and products added later arrive set to Enabled."));
    let text = dsc(&plan, &catalog(), today());
    assert!(text.contains("# Microsoft365DSC's CommerceSelfServicePurchase resource has no offer types: set them with the PowerShell script (SaaS Disabled, POWERBIVISUALS Enabled, DYNAMICSCE Enabled, DYNAMICSBC Enabled)."), "{text}");
    // Said once in each header (the DSC header once said it twice).
    assert_eq!(
        text.matches("products added later arrive set to Enabled")
            .count(),
        1,
        "{text}"
    );
    assert_eq!(
        script
            .matches("products added later arrive set to Enabled")
            .count(),
        1
    );
    assert!(!text.contains("ProductId             = \"SaaS\""));
    // "Trials only" is not an offer type's value: the plan keeps what it had.
    let mut plan = plan;
    plan.set(
        &PlanTenant::Demo(TenantId("contoso".into())),
        &offer(OfferType::SaaS),
        TrialsOnly,
    );
    assert_eq!(plan.tenants[0].planned[&offer(OfferType::SaaS)], Disabled);
}

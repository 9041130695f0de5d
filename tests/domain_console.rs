//! The MSCommerce console, line by line, with exact output.
//!
//! Where the text comes from:
//! - the module's lines, `HandleError`'s format and the order of its checks: `MSCommerce.psm1`
//!   (PowerShell Gallery, the version with `-Scope`/`-OfferType`);
//! - `HandleError : … (404) Not Found. ErrorDetails - …` and its category lines:
//!   MicrosoftDocs/microsoft-365-docs issue 4387 (a real session's output);
//! - "Cannot process argument transformation on parameter 'ProductId'. Cannot convert value
//!   to type System.String." for `$product.ProductID` holding two IDs: issue 7416, whose
//!   reporter ran the page's example as it stood;
//! - Format-* piped on finds no properties: issue 12710;
//! - the other engine messages: Windows PowerShell 5.1's own texts (CommandNotFound,
//!   NamedParameterNotFound, AmbiguousParameter …), and its zh-CN ones for Chinese;
//! - the table's column order: a published script that parses the module's table
//!   (PolicyValue, ProductId, PolicyId, ProductName). The module builds each row from a
//!   hashtable, so the source's order is not the printed one.
//!
//! Marked "this demo's own" where no source gives the text.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use proptest::prelude::*;
use ssp::domain::console::{needs_more, run, Line, Run, Session, World};
use ssp::domain::policy::{OfferType, PolicyTarget};
use ssp::domain::*;
use ssp::i18n::{console_lines, explain, Lang};

const UPDATE: &str = "Update-MSCommerceProductPolicy";
const HEAD: &str = "PolicyValue ProductId    PolicyId                 ProductName";
const DASH: &str = "----------- ---------    --------                 -----------";
const NOT_CONNECTED: &str =
    "You must call the Connect-MSCommerce cmdlet before calling any other cmdlets";

/// A console signed in as someone of a tenant, and the state it changes.
struct Term {
    session: Session,
    state: State,
    actor: Actor,
    catalog: Catalog,
    last: Option<Run>,
}

impl Term {
    fn new(user: &str, tenant: &str) -> Term {
        Term {
            session: Session::default(),
            state: state(),
            actor: actor(user, tenant),
            catalog: catalog(),
            last: None,
        }
    }

    /// Contoso's Global admin, connected (what `Connect-MSCommerce` printed dropped).
    fn admin() -> Term {
        Term::new("admin", "contoso").connected()
    }

    fn connected(mut self) -> Term {
        self.run("Connect-MSCommerce");
        self
    }

    fn run(&mut self, input: &str) -> Vec<String> {
        let world = World {
            catalog: &self.catalog,
            now: now(),
            actor: Some(&self.actor),
        };
        let r = run(&self.session, &self.state, &world, input);
        self.session = r.session.clone();
        if let Some(s) = &r.state {
            self.state = s.clone();
        }
        let shown = shown(&r.lines, Lang::EnUs);
        self.last = Some(r);
        shown
    }

    fn notes(&self) -> Vec<String> {
        self.last
            .as_ref()
            .map(|r| r.notes.iter().map(|n| explain(Lang::EnUs, n)).collect())
            .unwrap_or_default()
    }

    fn value(&self, id: &str) -> PolicyValue {
        self.state.policies.get(&self.actor.tenant, &pid(id))
    }
}

/// The transcript as the reader sees it; this app's own lines marked `[demo]`.
fn shown(lines: &[Line], lang: Lang) -> Vec<String> {
    lines
        .iter()
        .flat_map(|l| {
            let app = matches!(l, Line::App(_));
            console_lines(lang, l)
                .into_iter()
                .map(move |t| if app { format!("[demo] {t}") } else { t })
        })
        .collect()
}

/// PowerShell's two position lines under an input line, marking `len` characters from
/// where `needle` starts (or the whole line).
fn mark(input: &str, needle: &str, len: Option<usize>) -> Vec<String> {
    let col = input.find(needle).expect("the needle is in the line");
    let col = input[..col].chars().count();
    let len = len.unwrap_or(needle.chars().count());
    vec![
        format!("At line:1 char:{}", col + 1),
        format!("+ {input}"),
        format!("+ {}{}", " ".repeat(col), "~".repeat(len)),
    ]
}

fn category(category: &str, fqid: &str) -> Vec<String> {
    vec![
        format!("    + CategoryInfo          : {category}"),
        format!("    + FullyQualifiedErrorId : {fqid}"),
    ]
}

/// A binding error of a command: headline, where, and the binder's category.
fn binding(
    input: &str,
    cmdlet: &str,
    message: &str,
    needle: &str,
    kind: (&str, &str, &str),
) -> Vec<String> {
    let mut out = vec![format!("{cmdlet} : {message}")];
    out.extend(mark(input, needle, None));
    out.extend(category(
        &format!("{}: (:) [{cmdlet}], {}", kind.0, kind.1),
        &format!("{},{cmdlet}", kind.2),
    ));
    out
}

const INVALID_ARGUMENT: (&str, &str, &str) = ("InvalidArgument", "ParameterBindingException", "");

fn handle_error(message: &str) -> Vec<String> {
    let mut out = vec![format!("HandleError : {message}")];
    out.extend(category(
        "NotSpecified: (:) [Write-Error], WriteErrorException",
        "Microsoft.PowerShell.Commands.WriteErrorException,HandleError",
    ));
    out
}

fn table(rows: &[&str]) -> Vec<String> {
    let mut out = vec![String::new(), HEAD.to_owned(), DASH.to_owned()];
    out.extend(rows.iter().map(|r| (*r).to_owned()));
    out.push(String::new());
    out
}

fn lines(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

const BI_PRO: &str = "Enabled     CFQ7TTC0H9MP AllowSelfServicePurchase Power BI Pro";
const BI_PRO_OFF: &str = "Disabled    CFQ7TTC0H9MP AllowSelfServicePurchase Power BI Pro";

/// The page's "Example script to disable AllowSelfServicePurchase", line by line, as the
/// issue's reporter typed it (`-match 'Power Automate'` finds two products) and as the
/// page has it now (`'Power Automate per user'`, one product).
#[test]
fn microsofts_example_script_line_by_line() {
    let mut t = Term::new("admin", "contoso");
    assert_eq!(
        t.run("Import-Module -Name MSCommerce"),
        lines(&["MSCommerce module loaded"])
    );
    assert_eq!(
        t.run("Connect-MSCommerce #sign-in with your global or billing administrator account when prompted"),
        lines(&["Connection established successfully"])
    );
    assert_eq!(
        t.run("$product = Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | where {$_.ProductName -match 'Power Automate'}"),
        Vec::<String>::new()
    );
    let line = "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId $product.ProductID -Enabled $false";
    assert_eq!(
        t.run(line),
        binding(
            line,
            UPDATE,
            "Cannot process argument transformation on parameter 'ProductId'. Cannot convert value to type System.String.",
            "$product.ProductID",
            ("InvalidData", "ParameterBindingArgumentTransformationException", "ParameterArgumentTransformationError")
        )
    );
    assert!(t.notes()[0].contains("the filter matched several products"));
    assert_eq!(
        t.value("CFQ7TTC0LH3L"),
        PolicyValue::Enabled,
        "nothing changed"
    );
    // What the variable holds: two rows, and member enumeration over them.
    assert_eq!(
        t.run("$product"),
        table(&[
            "Enabled     CFQ7TTC0LH3L AllowSelfServicePurchase Power Automate per user",
            "Enabled     CFQ7TTC0LSGZ AllowSelfServicePurchase Power Automate RPA",
        ])
    );
    assert_eq!(
        t.run("$product.ProductID"),
        lines(&["CFQ7TTC0LH3L", "CFQ7TTC0LSGZ"])
    );

    // The page today: one product matches, and the update goes through.
    t.run("$product = Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | where {$_.ProductName -match 'Power Automate per user'}");
    let mut done = lines(&["Update policy product success"]);
    done.extend(table(&[
        "Disabled    CFQ7TTC0LH3L AllowSelfServicePurchase Power Automate per user",
    ]));
    assert_eq!(
        t.run("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId $product.ProductID -Value \"Disabled\""),
        done
    );
    assert_eq!(t.value("CFQ7TTC0LH3L"), PolicyValue::Disabled);
    assert_eq!(t.value("CFQ7TTC0LSGZ"), PolicyValue::Enabled);
    let audit = t.state.audit.last().unwrap();
    assert_eq!(
        (
            audit.action.as_str(),
            audit.subject.as_str(),
            audit.detail.as_str()
        ),
        (
            "set_policy",
            "CFQ7TTC0LH3L",
            "Power Automate per user: Enabled → Disabled"
        )
    );
}

/// The page's second example, with its typo (`UpdateUpdate-…`): that line is not
/// recognized, the other two run, in each pass of the loop.
#[test]
fn the_pages_foreach_example_runs_around_its_typo() {
    let mut t = Term::admin();
    t.run("$product = Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | where {$_.ProductName -match 'Power Automate'}");
    let script = "foreach ($id in $product.ProductID) {UpdateUpdate-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId $product[0].ProductID -Value \"Disabled\"\nUpdate-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId $product[1].ProductID -Value \"Disabled\"\nUpdate-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -OfferType SaaS -Value \"Disabled\"}";
    let out = t.run(script);
    let not_found = out
        .iter()
        .filter(|l| l.starts_with("UpdateUpdate-MSCommerceProductPolicy : The term 'UpdateUpdate-MSCommerceProductPolicy' is not recognized"))
        .count();
    assert_eq!(not_found, 2, "{out:#?}");
    assert_eq!(
        out.iter()
            .filter(|l| *l == "Update policy product success")
            .count(),
        4
    );
    assert_eq!(t.value("CFQ7TTC0LSGZ"), PolicyValue::Disabled);
    assert_eq!(
        t.value("CFQ7TTC0LH3L"),
        PolicyValue::Enabled,
        "the typo's line did nothing"
    );
    assert_eq!(
        t.state
            .policies
            .value(&t.actor.tenant, &PolicyTarget::OfferType(OfferType::SaaS)),
        PolicyValue::Disabled
    );
    assert!(t
        .notes()
        .iter()
        .any(|n| n.starts_with("Did you mean Update-MSCommerceProductPolicy?")));
}

/// How admins switch every product off: one outcome, every change named, each through the
/// panel's command (an audit entry each).
#[test]
fn the_disable_all_one_liner() {
    let mut t = Term::admin();
    let before = t.state.audit.len();
    let out = t.run("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | ForEach-Object { Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId $_.ProductId -Value Disabled }");
    let products = catalog().microsoft().count();
    assert_eq!(
        out.iter()
            .filter(|l| *l == "Update policy product success")
            .count(),
        products
    );
    let run = t.last.as_ref().unwrap();
    assert_eq!(run.changes.len(), products);
    assert!(run.refused.is_empty());
    assert_eq!(t.state.audit.len(), before + products);
    for p in catalog().microsoft() {
        assert_eq!(
            t.state.policies.get(&t.actor.tenant, &p.id),
            PolicyValue::Disabled,
            "{}",
            p.name
        );
    }
    // Third-party offers are not products of this listing: their offer types stay on.
    assert_eq!(
        t.state
            .policies
            .value(&t.actor.tenant, &PolicyTarget::OfferType(OfferType::SaaS)),
        PolicyValue::Enabled
    );

    // The older spelling of the same, as blogs write it: %, $_.ProductID, -Enabled $False.
    let mut t = Term::admin();
    t.run("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | % {Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId $_.ProductID -Enabled $False}");
    assert_eq!(t.last.as_ref().unwrap().changes.len(), products);
}

/// A statement that stops at a terminating error changes nothing: never half a pipeline.
#[test]
fn a_pipeline_that_stops_changes_nothing() {
    let mut t = Term::admin();
    let before = t.state.clone();
    t.run("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Where-Object ProductName -like 'Power*' | ForEach-Object { Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId $_.ProductId -Value Disabled; Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0ZZZZ -Value Disabled -ErrorAction Stop }");
    assert_eq!(t.state.policies, before.policies);
    assert_eq!(t.state.audit, before.audit);
    assert!(t.last.as_ref().unwrap().changes.is_empty());
    assert!(
        t.notes()
            .iter()
            .any(|n| n.contains("its 1 change was not made")),
        "{:?}",
        t.notes()
    );
    // Without -ErrorAction Stop the refusal is one item's: the rest are made, each named.
    t.run("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Where-Object ProductName -like 'Power BI*' | ForEach-Object { Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId $_.ProductId -Value Disabled }; Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -OfferType SaaS -Value OnlyTrialsWithoutPaymentMethod");
    let run = t.last.as_ref().unwrap();
    assert_eq!(
        run.changes
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["Power BI Pro", "Power BI Premium (standalone)"]
    );
    assert_eq!(run.refused.len(), 1);
    assert_eq!(run.refused[0].target, "Software as a Service");
}

/// Every line below, run in a fresh connected console of Contoso's Global admin (or as
/// the case says), and exactly what it prints.
#[test]
fn each_line_prints_what_powershell_prints() {
    struct Case {
        who: (&'static str, &'static str),
        connect: bool,
        setup: &'static [&'static str],
        input: &'static str,
        out: Vec<String>,
    }
    let admin = ("admin", "contoso");
    let case = |input: &'static str, out: Vec<String>| Case {
        who: admin,
        connect: true,
        setup: &[],
        input,
        out,
    };
    let after = |setup: &'static [&'static str], input: &'static str, out: Vec<String>| Case {
        who: admin,
        connect: true,
        setup,
        input,
        out,
    };
    let fresh = |input: &'static str, out: Vec<String>| Case {
        who: admin,
        connect: false,
        setup: &[],
        input,
        out,
    };
    let as_ = |who: (&'static str, &'static str), input: &'static str, out: Vec<String>| Case {
        who,
        connect: true,
        setup: &[],
        input,
        out,
    };
    let one = |row: &str| table(&[row]);
    let updated = |row: &str| {
        let mut out = lines(&["Update policy product success"]);
        out.extend(table(&[row]));
        out
    };
    let with = |first: &[&str], rest: Vec<String>| {
        let mut out = lines(first);
        out.extend(rest);
        out
    };
    let offer = |value: &str, id: &str, name: &str| {
        vec![
            String::new(),
            "PolicyId    : AllowSelfServicePurchase".into(),
            format!("PolicyValue : {value}"),
            format!("ScopeId     : {id}"),
            format!("ScopeValue  : {name}"),
            "Scope       : OfferType".into(),
            String::new(),
        ]
    };
    let parse_error = |input: &str, needle: &str, len: usize, message: &str, fqid: &str| {
        let mut out = mark(input, needle, Some(len));
        out.push(message.to_owned());
        out.extend(category(
            "ParserError: (:) [], ParentContainsErrorRecordException",
            fqid,
        ));
        out
    };
    let not_found = |input: &str, name: &str| {
        let mut out = vec![format!("{name} : The term '{name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.")];
        out.extend(mark(input, name, None));
        out.extend(category(
            &format!("ObjectNotFound: ({name}:String) [], CommandNotFoundException"),
            "CommandNotFoundException",
        ));
        out
    };
    let bind = |input: &str, cmdlet: &str, message: &str, needle: &str, id: &str| {
        binding(
            input,
            cmdlet,
            message,
            needle,
            (INVALID_ARGUMENT.0, INVALID_ARGUMENT.1, id),
        )
    };
    let write_error = |input: &str, cmdlet: &str, message: &str| {
        let mut out = vec![format!("{cmdlet} : {message}")];
        out.extend(mark(input, input, None));
        out.extend(category(
            "NotSpecified: (:) [Write-Error], WriteErrorException",
            &format!("Microsoft.PowerShell.Commands.WriteErrorException,{cmdlet}"),
        ));
        out
    };
    let unsupported_cmdlet = |name: &str| {
        vec![format!("[demo] {name} is not supported in this console: it runs the MSCommerce module, Where-Object, ForEach-Object, Select-Object, Sort-Object, Format-Table, Format-List, Write-Output and Write-Host.")]
    };
    let unsupported = |what: &str| {
        vec![format!("[demo] Not supported in this console: {what}. Nothing of this input ran. Get-Help says what it runs.")]
    };
    let no_product = "Failed to retrieve product policy with PolicyId 'AllowSelfServicePurchase' ProductId 'CFQ7TTC0ZZZZ', ErrorMessage - The remote server returned an error: (404) Not Found. ErrorDetails - ";
    let update_404 = "Failed to update product policy, ErrorMessage - The remote server returned an error: (404) Not Found. ErrorDetails - ";
    let update_400 = "Failed to update product policy, ErrorMessage - The remote server returned an error: (400) Bad Request. ErrorDetails - ";
    let update_403 = "Failed to update product policy, ErrorMessage - The remote server returned an error: (403) Forbidden. ErrorDetails - ";
    let p_automate: &'static [&'static str] = &["$p = Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | where {$_.ProductName -match 'Power Automate'}"];
    let bi_off: &'static [&'static str] = &["Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled"];

    let cases = vec![
        // Connecting and loading, as the module prints them.
        fresh("Connect-MSCommerce #sign-in with your global or billing administrator account when prompted", lines(&["MSCommerce module loaded", "Connection established successfully"])),
        fresh("Import-Module -Name MSCommerce", lines(&["MSCommerce module loaded"])),
        fresh("ipmo MSCommerce; Import-Module MSCommerce", lines(&["MSCommerce module loaded"])),
        fresh("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase", with(&["MSCommerce module loaded", NOT_CONNECTED], category("OperationStopped: (You must call t... other cmdlets:String) [], RuntimeException", NOT_CONNECTED))),
        fresh("Import-Module -Name AzureAD", {
            let input = "Import-Module -Name AzureAD";
            let mut out = lines(&["Import-Module : The specified module 'AzureAD' was not loaded because no valid module file was found in any module directory."]);
            out.extend(mark(input, input, None));
            out.extend(category("ResourceUnavailable: (AzureAD:String) [Import-Module], FileNotFoundException", "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand"));
            out
        }),
        fresh("Connect-MSCommerce; Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP", with(&["MSCommerce module loaded", "Connection established successfully"], one(BI_PRO))),
        // Reading: the table, old IDs, positions, prefixes, any case.
        case("Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP", one(BI_PRO)),
        case("get-mscommerceproductpolicy -policyid allowselfservicepurchase -productid cfq7ttc0kxn9", one("Enabled     CFQ7TTC0HD33 AllowSelfServicePurchase Visio Plan 1")),
        case("Get-MSCommerceProductPolicy AllowSelfServicePurchase CFQ7TTC0H9MP", one(BI_PRO)),
        case("Get-MSCommerceProductPolicy -Pol AllowSelfServicePurchase -Prod CFQ7TTC0H9MP", one(BI_PRO)),
        case("Get-MSCommerceProductPolicy -PolicyId 'AllowSelfServicePurchase' -ProductId \"CFQ7TTC0H9MP\"", one(BI_PRO)),
        case("Get-MSCommerceProductPolicy –PolicyId AllowSelfServicePurchase –ProductId CFQ7TTC0H9MP", one(BI_PRO)),
        case("Get-MSCommercePolicies", lines(&["", "PolicyId                 Description                                              DefaultValue", "--------                 -----------                                              ------------", "AllowSelfServicePurchase Allow users to buy and try products through self-service Enabled", ""])),
        case("Get-MSCommercePolicy -PolicyId AllowEverything", handle_error("Failed to retrieve policy with PolicyId 'AllowEverything', ErrorMessage - The remote server returned an error: (404) Not Found. ErrorDetails - ")),
        case("Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0ZZZZ", handle_error(no_product)),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase -Scope Tenant", handle_error("Failed to retrieve product policy with PolicyId 'AllowSelfServicePurchase', ErrorMessage - The remote server returned an error: (400) Bad Request. ErrorDetails - ")),
        case("Get-MSCommercePolicy -PolicyId AllowSelfServicePurchase -Token abc", handle_error("Your credentials have expired. Please, call Connect-MSCommerce again to regain access to MSCommerce Module.")),
        // Changing, the module's ways: -Value, the older -Enabled, -WhatIf.
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value \"Disabled\"", updated(BI_PRO_OFF)),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Enabled $False", updated(BI_PRO_OFF)),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Enabled false", updated(BI_PRO_OFF)),
        after(bi_off, "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Enabled:$true", updated(BI_PRO)),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0HD33 -Value OnlyTrialsWithoutPaymentMethod", lines(&["Update policy product success", "", "PolicyValue                    ProductId    PolicyId                 ProductName", "-----------                    ---------    --------                 -----------", "OnlyTrialsWithoutPaymentMethod CFQ7TTC0HD33 AllowSelfServicePurchase Visio Plan 1", ""])),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled -WhatIf", lines(&["What if: Performing the operation \"Update-MSCommerceProductPolicy\" on target \"ShouldProcess?\".", "Updating product policy aborted"])),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled -WhatIf:$false", updated(BI_PRO_OFF)),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0ZZZZ -Value Disabled", handle_error(update_404)),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId H9MP -Value Disabled", handle_error(update_404)),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId DEMO3PSAAS01 -Value Disabled", handle_error(update_404)),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0ZZZZ -Value Disabled -ErrorAction SilentlyContinue", vec![]),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Enabled 0", write_error("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Enabled 0", UPDATE, "Value of $Enabled must be one of the following: $True, $true, $False, $false")),
        // Third-party offer types.
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase -Scope OfferType", [offer("Enabled", "SaaS", "Software as a Service"), offer("Enabled", "POWERBIVISUALS", "Power BI Visuals")[1..].to_vec(), offer("Enabled", "DYNAMICSCE", "Dynamics 365 Dataverse Apps")[1..].to_vec(), offer("Enabled", "DYNAMICSBC", "Dynamics 365 Business Central")[1..].to_vec()].concat()),
        case("Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -OfferType powerbivisuals", offer("Enabled", "POWERBIVISUALS", "Power BI Visuals")),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -OfferType SaaS -Value Disabled", with(&["Update policy product success"], offer("Disabled", "SaaS", "Software as a Service"))),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -OfferType DYNAMICSBC -Enabled $false", with(&["Update policy product success"], offer("Disabled", "DYNAMICSBC", "Dynamics 365 Business Central"))),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -OfferType SaaS -Value OnlyTrialsWithoutPaymentMethod", handle_error(update_400)),
        case("Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -OfferType Marketplace", handle_error("Failed to retrieve product policy with PolicyId 'AllowSelfServicePurchase' ProductId '', ErrorMessage - The remote server returned an error: (404) Not Found. ErrorDetails - ")),
        // Pipelines: Where-Object both ways, the comparisons, -and/-or.
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | where {$_.ProductName -match 'Power Automate per user'}", one("Enabled     CFQ7TTC0LH3L AllowSelfServicePurchase Power Automate per user")),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Where-Object ProductName -like 'Visio*'", table(&["Enabled     CFQ7TTC0HD33 AllowSelfServicePurchase Visio Plan 1", "Enabled     CFQ7TTC0HD32 AllowSelfServicePurchase Visio Plan 2"])),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | ? { $_.ProductName -notlike 'Power*' -and $_.ProductName -like '*Plan*' } | % ProductName", lines(&["Planner Plan 1", "Project Plan 3", "Visio Plan 1", "Visio Plan 2"])),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Where-Object { $_.ProductId -eq 'cfq7ttc0hd33' -or $_.ProductId -eq 'CFQ7TTC0H9MP' } | ForEach-Object ProductName", lines(&["Power BI Pro", "Visio Plan 1"])),
        after(bi_off, "Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Where-Object PolicyValue -ne Enabled", one(BI_PRO_OFF)),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Where-Object ProductName -NotMatch '^(Power|Visio|Project|Planner|Teams|Microsoft)' | % ProductName", lines(&["Windows 365 Business", "Clipchamp Premium", "Python in Excel", "Viva Goals"])),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Where-Object ProductName -Match 'copilot|F3' | % ProductId", lines(&["CFQ7TTC0MM8R", "CFQ7TTC0LH05"])),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Where-Object ProductName -EQ 'visio plan 2' | % ProductId", lines(&["CFQ7TTC0HD32"])),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | where { -not ($_.ProductName -like '*e*') } | % ProductName", lines(&["Visio Plan 1", "Visio Plan 2", "Microsoft 365 Copilot", "Microsoft 365 F3", "Viva Goals"])),
        // Select-Object, Sort-Object, Format-Table, Format-List.
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Where-Object ProductName -like 'Visio*' | Select-Object ProductName, PolicyValue", lines(&["", "ProductName  PolicyValue", "-----------  -----------", "Visio Plan 1 Enabled", "Visio Plan 2 Enabled", ""])),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Select-Object -ExpandProperty ProductId -First 3", lines(&["CFQ7TTC0H9MP", "CFQ7TTC0H6RP", "CFQ7TTC0LH2H"])),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Sort-Object ProductName | Select-Object -First 2 -ExpandProperty ProductName", lines(&["Clipchamp Premium", "Microsoft 365 Copilot"])),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Sort-Object -Property ProductName -Descending | Select-Object -First 1 -ExpandProperty ProductName", lines(&["Windows 365 Business"])),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Select-Object -Last 1 | Format-List", lines(&["", "PolicyValue : Enabled", "ProductId   : CFQ7TTC0PW0V", "PolicyId    : AllowSelfServicePurchase", "ProductName : Viva Goals", ""])),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Where ProductName -Like \"Teams*\" | Format-Table ProductName, PolicyValue", lines(&["", "ProductName                        PolicyValue", "-----------                        -----------", "Teams Exploratory                  Enabled", "Teams Premium Introductory Pricing Enabled", ""])),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Format-Table | Where-Object ProductName -eq 'Power BI Pro'", vec![]),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Select-Object PolicyValue -Unique", lines(&["", "PolicyValue", "-----------", "Enabled", ""])),
        // Variables, member enumeration, indexes, strings.
        after(p_automate, "$p.ProductID", lines(&["CFQ7TTC0LH3L", "CFQ7TTC0LSGZ"])),
        after(p_automate, "$p.Count; $p[0].ProductName; $p[-1].ProductId; $p[5]", lines(&["2", "Power Automate per user", "CFQ7TTC0LSGZ"])),
        after(p_automate, "\"First: $($p[0].ProductName) of $($p.Count)\"", lines(&["First: Power Automate per user of 2"])),
        case("$name = 'Visio'; \"Products like $name*\"; 'no $name here'", lines(&["Products like Visio*", "no $name here"])),
        case("$x = $null; $x; $true; $false; $undefined", lines(&["True", "False"])),
        after(p_automate, "foreach ($id in $p.ProductId) { Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId $id -Value Disabled }", with(&["Update policy product success", "Update policy product success"], table(&["Disabled    CFQ7TTC0LH3L AllowSelfServicePurchase Power Automate per user", "Disabled    CFQ7TTC0LSGZ AllowSelfServicePurchase Power Automate RPA"]))),
        after(p_automate, "$p | Format-Table ProductId", lines(&["", "ProductId", "---------", "CFQ7TTC0LH3L", "CFQ7TTC0LSGZ", ""])),
        case("Write-Output 'a' 'b'; Write-Host Hello World", lines(&["a", "b", "Hello World"])),
        // Comments, ;, the backtick, block comments.
        case("# Power BI Pro: Enabled -> Disabled", vec![]),
        case("<# a note\nover two lines #> Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP # done", one(BI_PRO)),
        case("Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase `\n    -ProductId CFQ7TTC0H9MP", one(BI_PRO)),
        case("   ", vec![]),
        // PowerShell's binding errors.
        case("Update-MSCommerceProductPolicy -Pol AllowSelfServicePurchase -Prod CFQ7TTC0H9MP -Val Maybe", binding("Update-MSCommerceProductPolicy -Pol AllowSelfServicePurchase -Prod CFQ7TTC0H9MP -Val Maybe", UPDATE, "Cannot validate argument on parameter 'Value'. The argument \"Maybe\" does not belong to the set \"Enabled,Disabled,OnlyTrialsWithoutPaymentMethod\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.", "Maybe", ("InvalidData", "ParameterBindingValidationException", "ParameterArgumentValidationError"))),
        case("Update-MSCommerceProductPolicy -P x", bind("Update-MSCommerceProductPolicy -P x", UPDATE, "Parameter cannot be processed because the parameter name 'P' is ambiguous. Possible matches include: -PolicyId -ProductId -PipelineVariable.", "-P", "AmbiguousParameter")),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP", bind("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP", UPDATE, "Cannot process command because of one or more missing mandatory parameters: Value.", UPDATE, "MissingMandatoryParameter")),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Enabled $true -Value Enabled", bind("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Enabled $true -Value Enabled", UPDATE, "Parameter set cannot be resolved using the specified named parameters.", UPDATE, "AmbiguousParameterSet")),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -OfferType SaaS -Value Enabled", bind("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -OfferType SaaS -Value Enabled", UPDATE, "Parameter set cannot be resolved using the specified named parameters.", UPDATE, "AmbiguousParameterSet")),
        case("Get-MSCommerceProductPolicies -PolicyId", bind("Get-MSCommerceProductPolicies -PolicyId", "Get-MSCommerceProductPolicies", "Missing an argument for parameter 'PolicyId'. Specify a parameter of type 'System.String' and try again.", "-PolicyId", "MissingArgument")),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase -PolicyId x", {
            let input = "Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase -PolicyId x";
            let mut out = vec!["Get-MSCommerceProductPolicies : Cannot bind parameter because parameter 'PolicyId' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".".to_owned()];
            out.extend(mark(input, "-PolicyId x", Some(9)));
            out.extend(category("InvalidArgument: (:) [Get-MSCommerceProductPolicies], ParameterBindingException", "ParameterAlreadyBound,Get-MSCommerceProductPolicies"));
            out
        }),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase -Verbosely", bind("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase -Verbosely", "Get-MSCommerceProductPolicies", "A parameter cannot be found that matches parameter name 'Verbosely'.", "-Verbosely", "NamedParameterNotFound")),
        // The module's functions bind positionally in the order declared (-Token last).
        case("Get-MSCommercePolicies token extra", bind("Get-MSCommercePolicies token extra", "Get-MSCommercePolicies", "A positional parameter cannot be found that accepts argument 'extra'.", "extra", "PositionalParameterNotFound")),
        case("Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId ''", binding("Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId ''", "Get-MSCommerceProductPolicy", "Cannot validate argument on parameter 'ProductId'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.", "''", ("InvalidData", "ParameterBindingValidationException", "ParameterArgumentValidationError"))),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Select-Object -First x", bind("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Select-Object -First x", "Select-Object", "Cannot bind parameter 'First'. Cannot convert value \"x\" to type \"System.Int32\".", "x", "CannotConvertArgumentNoMessage")),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Where-Object -FilterScript 'x'", bind("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Where-Object -FilterScript 'x'", "Where-Object", "Cannot bind parameter 'FilterScript'. Cannot convert value \"x\" to type \"System.Management.Automation.ScriptBlock\".", "'x'", "CannotConvertArgumentNoMessage")),
        case("$x | Get-MSCommercePolicies", {
            let input = "$x | Get-MSCommercePolicies";
            let mut out = vec!["Get-MSCommercePolicies : The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.".to_owned()];
            out.extend(mark(input, "Get-MSCommercePolicies", None));
            out.extend(category("InvalidArgument: (:PSObject) [Get-MSCommercePolicies], ParameterBindingException", "InputObjectNotBound,Get-MSCommercePolicies"));
            out.extend(lines(&["", "PolicyId                 Description                                              DefaultValue", "--------                 -----------                                              ------------", "AllowSelfServicePurchase Allow users to buy and try products through self-service Enabled", ""]));
            out
        }),
        // Names PowerShell would not know, and the page's typo.
        case("Get-MSCommerceProductPolicys", not_found("Get-MSCommerceProductPolicys", "Get-MSCommerceProductPolicys")),
        case("UpdateUpdate-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase", not_found("UpdateUpdate-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase", "UpdateUpdate-MSCommerceProductPolicy")),
        case("Frobnicate", not_found("Frobnicate", "Frobnicate")),
        // Parse errors: position first, as PowerShell prints them.
        case("Get-MSCommerceProductPolicies -PolicyId 'AllowSelfServicePurchase", parse_error("Get-MSCommerceProductPolicies -PolicyId 'AllowSelfServicePurchase", "'Allow", 25, "The string is missing the terminator: '.", "TerminatorExpectedAtEndOfString")),
        case("| Get-MSCommercePolicies", parse_error("| Get-MSCommercePolicies", "|", 1, "An empty pipe element is not allowed.", "EmptyPipeElement")),
        case("Get-MSCommercePolicies | $x", parse_error("Get-MSCommercePolicies | $x", "$x", 2, "Expressions are only allowed as the first element of a pipeline.", "ExpressionsMustBeFirstInPipeline")),
        case("Get-MSCommercePolicies )", parse_error("Get-MSCommercePolicies )", ")", 1, "Unexpected token ')' in expression or statement.", "UnexpectedToken")),
        case("foreach ($id $x) { }", parse_error("foreach ($id $x) { }", "$x", 2, "Missing 'in' after variable in foreach loop.", "MissingInInForeach")),
        case("$x = ", [lines(&["At line:1 char:6", "+ $x = ", "+      ~", "You must provide a value expression on the right-hand side of the '=' operator."]), category("ParserError: (:) [], ParentContainsErrorRecordException", "ExpectedValueExpression")].concat()),
        // Outside the subset: one line of this demo's, and nothing runs.
        case("if ($x) { 'y' }", unsupported("if statements")),
        case("[Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12", unsupported("type literals such as [Net.ServicePointManager] (this console needs no TLS setting)")),
        case("$env:USERNAME", unsupported("scoped variables such as $env:…")),
        case("$x.ToUpper()", unsupported("method calls such as $x.ToUpper()")),
        case("Get-MSCommercePolicies > policies.txt", unsupported("redirection (>, >>, 2>&1) and the & operator")),
        case("$p = @{ PolicyId = 'AllowSelfServicePurchase' }", unsupported("hashtables @{ … } and splatting")),
        case("$p -contains 'x'", lines(&["[demo] The -contains operator is not supported in this console. Nothing of this input ran. It has -eq, -ne, -like, -notlike, -match, -notmatch, -gt, -ge, -lt, -le, -and, -or and -not."])),
        case("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | Export-Csv policies.csv", unsupported_cmdlet("Export-Csv")),
        case("Install-Module -Name MSCommerce -Scope CurrentUser", unsupported_cmdlet("Install-Module")),
        case("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled -Confirm", lines(&["[demo] -Confirm asks before a change, and this console does not ask: leave it out, or preview with -WhatIf."])),
        case("'Visio' -match '['", lines(&["The regular expression pattern [ is not valid.", "    + CategoryInfo          : OperationStopped: (:) [], RuntimeException", "    + FullyQualifiedErrorId : InvalidRegularExpression"])),
        // Roles: read with Global reader, change with Global or Billing admin; a partner as
        // the customer's Global admin only.
        as_(("reader", "contoso"), "Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP", one(BI_PRO)),
        as_(("reader", "contoso"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled", handle_error(update_403)),
        as_(("reader", "contoso"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled -WhatIf", lines(&["What if: Performing the operation \"Update-MSCommerceProductPolicy\" on target \"ShouldProcess?\".", "Updating product policy aborted"])),
        as_(("billing", "contoso"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled", updated(BI_PRO_OFF)),
        as_(("megan", "contoso"), "Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase", handle_error("Failed to retrieve product policy with PolicyId 'AllowSelfServicePurchase', ErrorMessage - The remote server returned an error: (403) Forbidden. ErrorDetails - ")),
        as_(("partner.pat", "contoso"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled", updated(BI_PRO_OFF)),
        as_(("partner.pat", "northwind"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled", handle_error(update_403)),
        // Help and Clear-Host.
        case("cls", vec![]),
    ];
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let mut wrong = Vec::new();
    for c in cases {
        let mut t = Term::new(c.who.0, c.who.1);
        if c.connect {
            t.run("Connect-MSCommerce");
        }
        for s in c.setup {
            t.run(s);
        }
        let got = t.run(c.input);
        if got != c.out {
            wrong.push(format!(
                "{}\nas {:?}\n  got: {got:#?}\n want: {:#?}",
                c.input, c.who, c.out
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

/// This app's notes say what the module leaves unsaid, in words of the reader's language.
#[test]
fn notes_explain_the_services_answers() {
    let cases: Vec<((&str, &str), &str, &str)> = vec![
        (("admin", "contoso"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0ZZZZ -Value Disabled", "No product has the ID 'CFQ7TTC0ZZZZ' (404)."),
        (("admin", "contoso"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId DEMO3PSAAS01 -Value Disabled", "Contoso Expense Cloud is a third-party offer: its offer type's setting governs it. Use -OfferType SaaS."),
        (("admin", "contoso"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -OfferType SaaS -Value OnlyTrialsWithoutPaymentMethod", "Third-party offer types take Enabled or Disabled only, not OnlyTrialsWithoutPaymentMethod."),
        (("admin", "contoso"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0MM8R -Value OnlyTrialsWithoutPaymentMethod", "Microsoft 365 Copilot has no trial without a payment method, so OnlyTrialsWithoutPaymentMethod blocks every purchase and every trial of it."),
        (("admin", "contoso"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled -WhatIf", "-WhatIf: nothing changed. Power BI Pro would go from Enabled to Disabled."),
        (("admin", "contoso"), "Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase -Scope Tenant", "-Scope takes Product (the default) or OfferType, not 'Tenant' (the service answered 400)."),
        (("admin", "contoso"), "Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -OfferType Marketplace", "No offer type has the ID 'Marketplace' (404)."),
        (("admin", "contoso"), "Get-MSCommercePolicy -PolicyId AllowEverything", "The service has no policy 'AllowEverything' (404): its one policy is AllowSelfServicePurchase."),
        (("admin", "contoso"), "Get-MSCommerceProductPolicys", "Did you mean Get-MSCommerceProductPolicy? (This demo's suggestion: Windows PowerShell makes none.)"),
        (("admin", "contoso"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP", "PowerShell would ask for Value here; this console does not ask."),
        (("reader", "contoso"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled", "changing this policy with the MSCommerce module needs the Global or Billing admin role."),
        (("reader", "contoso"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled -WhatIf", "changing this policy with the MSCommerce module needs the Global or Billing admin role."),
        (("megan", "contoso"), "Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase", "listing these policies needs the Global admin, Billing admin or Global reader role."),
        (("partner.pat", "northwind"), "Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled", "a partner needs the customer's Global admin role to change this policy."),
    ];
    for ((user, tenant), input, note) in cases {
        let mut t = Term::new(user, tenant).connected();
        t.run(input);
        assert!(
            t.notes().iter().any(|n| n.contains(note)),
            "{input} as {user}: {:?}",
            t.notes()
        );
    }
    let mut t = Term::new("admin", "contoso");
    t.run("Get-MSCommercePolicies");
    assert!(t.notes()[0].starts_with("Run Connect-MSCommerce first"));
}

/// A refused change is written to the audit log, as the panel's refusals are.
#[test]
fn a_refused_change_is_in_the_audit_log() {
    let mut t = Term::new("reader", "contoso").connected();
    t.run("Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled");
    let e = t.state.audit.last().expect("an audit entry");
    assert_eq!(
        (e.action.as_str(), e.subject.as_str(), e.outcome),
        (
            "set_policy",
            "CFQ7TTC0H9MP",
            ssp::domain::subscription::AuditOutcome::Refused
        )
    );
    assert_eq!(t.value(POWER_BI_PRO), PolicyValue::Enabled);
}

/// A Chinese-language reader: PowerShell's own messages in Chinese (as a zh-CN Windows
/// PowerShell prints them), the module's in English (the module is not localized).
#[test]
fn chinese_readers_get_powershells_words_in_chinese_and_the_modules_in_english() {
    let cat = catalog();
    let admin = actor("admin", "contoso");
    let world = World {
        catalog: &cat,
        now: now(),
        actor: Some(&admin),
    };
    let r = run(
        &Session::default(),
        &state(),
        &world,
        "Get-MSCommerceProductPolicys; Get-MSCommercePolicies",
    );
    let zh = shown(&r.lines, Lang::ZhCn);
    assert_eq!(zh[0], "Get-MSCommerceProductPolicys : 无法将“Get-MSCommerceProductPolicys”项识别为 cmdlet、函数、脚本文件或可运行程序的名称。请检查名称的拼写，如果包括路径，请确保路径正确，然后再试一次。");
    assert_eq!(zh[1], "所在位置 行:1 字符: 1");
    assert!(zh.contains(&NOT_CONNECTED.to_owned()), "{zh:?}");
}

#[test]
fn more_lines_complete_an_open_input() {
    for (input, more) in [
        (
            "Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase |",
            true,
        ),
        (
            "Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | ForEach-Object {",
            true,
        ),
        (
            "Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase `",
            true,
        ),
        ("<# a note", true),
        ("$x = 'abc", true),
        ("foreach ($x in $y)", true),
        ("Get-MSCommercePolicies", false),
        ("Get-MSCommercePolicies }", false),
        ("| x", false),
    ] {
        assert_eq!(needs_more(input), more, "{input}");
    }
}

/// Contoso's listing, whole: every Microsoft product, in the module's columns, none of the
/// third-party offers (they go by offer type).
#[test]
fn the_listing_is_every_microsoft_product() {
    let mut t = Term::admin();
    let out = t.run("Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase");
    let products = catalog().microsoft().count();
    assert_eq!(out.len(), products + 4);
    assert_eq!((out[1].as_str(), out[2].as_str()), (HEAD, DASH));
    assert!(!out.iter().any(|l| l.contains("DEMO3P")));
    let at = HEAD.find("ProductId").unwrap();
    assert!(out[3..out.len() - 1]
        .iter()
        .all(|l| l[at..].starts_with("CFQ7TTC0")));
}

fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Get-MSCommerceProductPolicies",
        "Get-MSCommerceProductPolicy",
        "Update-MSCommerceProductPolicy",
        "Connect-MSCommerce",
        "Where-Object",
        "ForEach-Object",
        "Select-Object",
        "Sort-Object",
        "%",
        "?",
        "-PolicyId",
        "-ProductId",
        "-OfferType",
        "-Value",
        "-Enabled",
        "-WhatIf",
        "-Scope",
        "-ErrorAction",
        "AllowSelfServicePurchase",
        "CFQ7TTC0H9MP",
        "CFQ7TTC0KXN9",
        "SaaS",
        "OfferType",
        "Disabled",
        "Stop",
        "Enabled",
        "OnlyTrialsWithoutPaymentMethod",
        "$true",
        "$false",
        "$null",
        "$_",
        "$_.ProductId",
        "$p",
        "$p[0]",
        "$p.ProductId",
        "|",
        ";",
        "\n",
        "{",
        "}",
        "(",
        ")",
        "$(",
        "@(",
        "[",
        "]",
        ",",
        "=",
        "'",
        "\"",
        "`",
        "#",
        "<#",
        "#>",
        "-eq",
        "-like",
        "-match",
        "-and",
        "-or",
        "-not",
        "!",
        "'Power*'",
        "foreach",
        "in",
        "if",
        "::",
        "&",
        ">",
        "-contains",
        "'['",
        "`\n",
        "$p =",
        "Format-Table",
        "-First",
    ])
}

proptest! {
    /// Any input gets an answer and never a panic; and what changed is exactly what the
    /// run says it changed.
    #[test]
    fn any_input_gets_an_answer_and_changes_only_what_it_names(
        words in prop::collection::vec(token(), 0..24),
        noise in "[ -~\u{4e00}-\u{4e0f}\u{2018}\u{201c}\u{2013}]{0,12}",
    ) {
        let input = format!("{} {noise}", words.join(" "));
        let mut t = Term::admin();
        t.run("$p = Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase | where {$_.ProductName -like 'Visio*'}");
        let before = t.state.clone();
        let out = t.run(&input);
        let run = t.last.clone().unwrap();
        // Input that does not parse answers with its one record (or this demo's one line)
        // and runs nothing.
        let parse_failed = matches!(run.lines.first(), Some(Line::Error(r)) if r.parse)
            || matches!(run.lines.first(), Some(Line::App(e)) if e.key.starts_with("console.unsupported.syntax") || e.key.starts_with("console.unsupported.operator"));
        if parse_failed {
            prop_assert_eq!(run.lines.len(), 1);
            prop_assert!(run.state.is_none());
            prop_assert!(!out.is_empty());
        }
        let mut expected = before.policies.clone();
        for c in &run.changes {
            expected.set_value(&t.actor.tenant, &c.target, c.to).unwrap();
        }
        prop_assert_eq!(&t.state.policies, &expected);
        for c in &run.changes {
            prop_assert_eq!(before.policies.value(&t.actor.tenant, &c.target), c.from);
        }
    }
}

/// Inputs made to hurt: deep nesting, long lines, a pattern that backtracks elsewhere.
/// Each is answered (nesting past 64 levels is this demo's limit, said as such), at once
/// (the wildcard and the pattern are linear in the text; none of them recurses unbounded).
#[test]
fn hostile_input_is_answered() {
    let deep = format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000));
    let nots = format!("{}$true", "!".repeat(10_000));
    let blocks = format!("{}{}", "{".repeat(5_000), "}".repeat(5_000));
    let strings = format!("\"{}\"", "$(".repeat(3_000));
    let long = format!(
        "Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId {}",
        "A".repeat(100_000)
    );
    let like = format!("'{}' -like '{}b'", "a".repeat(5_000), "*a".repeat(2_000));
    for input in [&deep, &nots, &blocks, &strings, &long, &like] {
        let mut t = Term::admin();
        let out = t.run(input);
        assert!(!out.is_empty(), "{}", &input[..40]);
    }
    let mut t = Term::admin();
    assert_eq!(
        t.run(&deep),
        lines(&["[demo] Not supported in this console: blocks nested this deep. Nothing of this input ran. Get-Help says what it runs."])
    );
}

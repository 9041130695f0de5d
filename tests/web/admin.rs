//! The admin's settings mounted in the app: the policy panel under each role, the
//! console's keyboard and output, and a partner's customer switch.

use super::support::{boot_as, click, has, query, settle, text};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

fn type_line(el: &HtmlElement, line: &str) {
    let input: HtmlInputElement = query(el, "#console-input").unchecked_into();
    input.set_value(line);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let form = input.form().unwrap();
    form.request_submit().unwrap();
}

/// A keydown of `name` on the prompt, made by the page's own `KeyboardEvent` constructor.
fn key(el: &HtmlElement, name: &str) {
    let make = js_sys::Function::new_with_args(
        "key",
        "return new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })",
    );
    let event: web_sys::Event = make
        .call1(&wasm_bindgen::JsValue::NULL, &name.into())
        .unwrap()
        .unchecked_into();
    query(el, "#console-input").dispatch_event(&event).unwrap();
}

/// How many inputs the console has run (it says so on its section).
fn runs(el: &HtmlElement) -> u32 {
    query(el, "section.console")
        .get_attribute("data-runs")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[wasm_bindgen_test]
async fn a_global_admin_sees_the_impact_and_saves_a_value() {
    let (el, _app) = boot_as("/admin/settings/self-service", Some(("patti", "contoso"))).await;
    settle(&el, |el| has(el, "#policy-grid")).await;
    assert!(!has(&el, "#policy-read-only"));
    assert_eq!(
        text(&query(&el, "tr[data-product='CFQ7TTC0HD33'] .policy-value")),
        "Allow for trials only"
    );
    click(&el, "tr[data-product='CFQ7TTC0H9MP'] button");
    settle(&el, |el| has(el, "#policy-panel")).await;
    let save: web_sys::HtmlButtonElement =
        query(&el, "#policy-panel button[type=submit]").unchecked_into();
    assert!(
        save.disabled(),
        "nothing to save while the value is unchanged"
    );
    let disabled: HtmlInputElement = query(&el, "#policy-Disabled").unchecked_into();
    disabled.click();
    leptos::task::tick().await;
    assert!(text(&query(&el, "#policy-impact"))
        .contains("After saving: 0 can buy it and 0 can start a trial."));
    assert!(!save.disabled());
    save.click();
    settle(&el, |el| {
        text(&query(el, "#policy-outcome")).contains("is now set to")
    })
    .await;
    assert_eq!(
        text(&query(&el, "tr[data-product='CFQ7TTC0H9MP'] .policy-value")),
        "Do not allow"
    );
}

#[wasm_bindgen_test]
async fn a_billing_admin_views_but_cannot_change() {
    let (el, _app) = boot_as("/admin/settings/self-service", Some(("nestor", "contoso"))).await;
    settle(&el, |el| has(el, "#policy-grid")).await;
    assert!(text(&query(&el, "#policy-read-only")).contains("You're a Billing admin"));
    click(&el, "tr[data-product='CFQ7TTC0HD33'] button");
    settle(&el, |el| has(el, "#policy-panel")).await;
    assert!(query(&el, "#policy-panel fieldset").has_attribute("disabled"));
    assert!(query(&el, "#policy-panel button[type=submit]").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn the_console_needs_a_connection_and_recalls_history_with_the_arrows() {
    let (el, _app) = boot_as("/admin/settings/self-service", Some(("patti", "contoso"))).await;
    settle(&el, |el| has(el, "#console-input")).await;
    type_line(
        &el,
        "Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase",
    );
    settle(&el, |el| runs(el) == 1).await;
    assert!(text(&query(&el, "#console-output .console__line--error"))
        .contains("Connect-MSCommerce cmdlet before calling any other cmdlets"));
    assert!(
        text(&query(&el, "#console-notes")).contains("Run Connect-MSCommerce first"),
        "this app's note, apart from the transcript"
    );
    type_line(&el, "Connect-MSCommerce");
    settle(&el, |el| runs(el) == 2).await;
    type_line(
        &el,
        "Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0KXN9",
    );
    settle(&el, |el| runs(el) == 3).await;
    let out = text(&query(&el, "#console-output"));
    assert!(
        out.contains("PS> Get-MSCommerceProductPolicy"),
        "the line is echoed after the prompt"
    );
    assert!(
        out.contains(
            "OnlyTrialsWithoutPaymentMethod CFQ7TTC0HD33 AllowSelfServicePurchase Visio Plan 1"
        ),
        "{out}"
    );

    let value = || {
        query(&el, "#console-input")
            .unchecked_into::<HtmlInputElement>()
            .value()
    };
    assert_eq!(value(), "", "the prompt is cleared after a line runs");
    key(&el, "ArrowUp");
    leptos::task::tick().await;
    assert_eq!(
        value(),
        "Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0KXN9"
    );
    key(&el, "ArrowUp");
    key(&el, "ArrowUp");
    key(&el, "ArrowUp");
    leptos::task::tick().await;
    assert_eq!(
        value(),
        "Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase",
        "stops at the oldest"
    );
    key(&el, "ArrowDown");
    leptos::task::tick().await;
    assert_eq!(value(), "Connect-MSCommerce");
}

#[wasm_bindgen_test]
async fn a_partner_picks_a_customer_and_the_bar_says_so() {
    let (el, _app) = boot_as("/admin", Some(("ravi", "relecloud"))).await;
    settle(&el, |el| has(el, "#customer-grid")).await;
    assert!(!has(&el, "#acting-for"));
    let rows = el
        .query_selector_all("#customer-grid tbody tr")
        .unwrap()
        .length();
    assert_eq!(rows, 2);
    click(&el, "#customer-grid tr[data-tenant='fabrikam'] button");
    settle(&el, |el| has(el, "#acting-for")).await;
    assert_eq!(
        text(&query(&el, "#acting-for")),
        "Acting for Fabrikam, Inc. as Billing admin (delegated)"
    );
    assert!(
        text(&query(&el, ".admin-nav")).contains("Audit log"),
        "the delegated role opens the admin pages"
    );
}

#[wasm_bindgen_test]
async fn the_planner_makes_a_plan_from_a_paste_and_an_edit_changes_what_changes() {
    let (el, _app) = boot_as("/admin/settings/self-service", Some(("patti", "contoso"))).await;
    settle(&el, |el| has(el, "#plan-paste")).await;
    let paste = query(&el, "#plan-paste");
    let table = wasm_bindgen::JsValue::from_str(
        "PolicyId                 ProductName   ProductId    PolicyValue\n\
         --------                 -----------   ---------    -----------\n\
         AllowSelfServicePurchase Power BI Pro  CFQ7TTC0H9MP Disabled\n\
         AllowSelfServicePurchase Nothing       CFQ7TTC0ZZZZ Enabled\n",
    );
    js_sys::Reflect::set(&paste, &"value".into(), &table).unwrap();
    paste
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    click(&el, "#plan-make");
    settle(&el, |el| has(el, "#plan-table-0")).await;
    assert_eq!(
        text(&query(&el, "#plan-outcome")),
        "Read 2 rows from a pasted Get-MSCommerceProductPolicies table. Products in the plan: 1."
    );
    assert!(text(&query(&el, "#plan-unplaced")).contains("Line 4: CFQ7TTC0ZZZZ is not a product"));
    let rows = || {
        el.query_selector_all("#plan-changes tbody tr")
            .unwrap()
            .length()
    };
    assert_eq!(rows(), 1, "Power BI Pro: Allow → Do not allow");
    // An edit in the plan: one more change, the store untouched.
    let visio: web_sys::HtmlSelectElement = query(&el, "#plan-0-CFQ7TTC0HD32").unchecked_into();
    visio.set_value("Disabled");
    visio
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(rows(), 2);
    assert_eq!(
        text(&query(&el, "tr[data-product='CFQ7TTC0HD32'] .policy-value")),
        "Allow",
        "a plan changes nothing until its script runs"
    );
    // The focus stays in the select just changed: the table was not redrawn.
    assert!(visio.is_connected());
}

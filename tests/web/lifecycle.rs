//! The lifecycle panel and the cancel options mounted in the app, on the shipped world:
//! what each says for a past-due subscription and one inside its cancellation window, and
//! turning recurring billing off through the store.

use super::support::{boot_as, click, has, query, settle, text};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn a_past_due_subscription_waits_for_its_payment() {
    // Yuki's Visio Plan 1: the renewal and its first retry were declined.
    let (el, _app) = boot_as(
        "/admin/subscriptions/sub-000037",
        Some(("proseware-jp-yuki", "proseware-jp")),
    )
    .await;
    settle(&el, |el| has(el, "#lifecycle-term")).await;
    assert!(text(&query(&el, "#lifecycle-term")).contains("past due"));
    assert!(
        !has(&el, "#recurring-off"),
        "nothing but paying while past due"
    );
    assert!(text(&query(&el, "#cancel-option")).contains("can't be canceled now"));
    assert!(!has(&el, "#cancel-reason"));
}

#[wasm_bindgen_test]
async fn inside_the_window_cancel_offers_the_refund_and_recurring_billing_turns_off() {
    // Diego's Power BI Pro renewed three days before the demo date.
    let (el, _app) = boot_as(
        "/admin/subscriptions/sub-000012",
        Some(("diego", "contoso")),
    )
    .await;
    settle(&el, |el| has(el, "#recurring-off")).await;
    assert!(text(&query(&el, "#lifecycle-term")).starts_with("Renews on"));
    let option = text(&query(&el, "#cancel-option"));
    assert!(option.contains("goes back to your card"), "{option}");
    assert!(has(&el, "#cancel-reason"));
    click(&el, "#recurring-off");
    settle(&el, |el| text(&query(el, "#recurring-billing")) == "Off").await;
    assert_eq!(text(&query(&el, "#recurring-billing")), "Off");
    assert!(text(&query(&el, "#lifecycle-term")).starts_with("Expires on"));
    assert!(has(&el, "#recurring-on"));
}

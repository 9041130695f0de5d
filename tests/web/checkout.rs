//! The card form and the verdict banner, mounted alone.

use super::support::{host, query, text};
use chrono::NaiveDate;
use leptos::prelude::*;
use ssp::components::card_form::CardForm;
use ssp::components::verdict::{VerdictArgs, VerdictBanner};
use ssp::domain::card::CardInput;
use ssp::domain::{Country, Decision, Stage, TenantId, Verdict};
use ssp::i18n::Lang;
use ssp::locale::Locale;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlInputElement, HtmlSelectElement};

fn input(el: &web_sys::HtmlElement, selector: &str, value: &str) {
    let field: HtmlInputElement = query(el, selector).unchecked_into();
    field.set_value(value);
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn blur(el: &web_sys::HtmlElement, selector: &str) {
    query(el, selector)
        .dispatch_event(&web_sys::FocusEvent::new("blur").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn card_form_shows_the_brand_groups_digits_and_errors_after_blur() {
    let el = host("/");
    let card = RwSignal::new(CardInput::default());
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let _app = leptos::mount::mount_to(el.clone(), move || {
        provide_context(Locale::new(Lang::EnUs));
        view! {
            <CardForm
                card
                today=today
                countries=vec![("US".to_owned(), "United States".to_owned())]
            />
        }
    });
    leptos::task::tick().await;
    input(&el, "#card-number", "3782822463");
    leptos::task::tick().await;
    assert_eq!(
        query(&el, "#card-number")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "3782 822463"
    );
    assert!(text(&query(&el, "#card-brand")).contains("American Express"));
    assert_eq!(
        text(&query(&el, "#card-number-error")),
        "",
        "no error before the person leaves the field"
    );
    blur(&el, "#card-number");
    leptos::task::tick().await;
    assert!(text(&query(&el, "#card-number-error")).contains("wrong number of digits"));
    assert_eq!(
        query(&el, "#card-number")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );

    input(&el, "#card-number", "378282246310005");
    input(&el, "#card-expiry", "10/26");
    input(&el, "#card-code", "123");
    blur(&el, "#card-expiry");
    blur(&el, "#card-code");
    leptos::task::tick().await;
    assert_eq!(text(&query(&el, "#card-number-error")), "");
    assert!(text(&query(&el, "#card-expiry-error")).contains("expired"));
    assert!(
        text(&query(&el, "#card-code-error")).contains("4 digits"),
        "American Express has a 4-digit code"
    );

    input(&el, "#card-expiry", "12/28");
    input(&el, "#card-code", "1234");
    input(&el, "#card-holder", "Megan Bowen");
    let country: HtmlSelectElement = query(&el, "#card-country").unchecked_into();
    country.set_value("US");
    country
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert!(
        card.with_untracked(|c| c.validate(today)).is_ok(),
        "the typed card is valid"
    );
    assert_eq!(card.with_untracked(|c| c.number.clone()), "378282246310005");
}

#[wasm_bindgen_test]
async fn verdict_banner_names_the_rule_and_the_way_out() {
    let el = host("/");
    let verdict = RwSignal::new(None::<Verdict>);
    // What the checkout answers for the verdict: whether what is asked for is allowed.
    let allowed = RwSignal::new(false);
    let args = VerdictArgs {
        domain: "northwind.edu".into(),
        tenant: "Northwind University".into(),
        product: "Power BI Pro".into(),
    };
    let _app = leptos::mount::mount_to(el.clone(), move || {
        provide_context(Locale::new(Lang::EnUs));
        view! { <VerdictBanner verdict args=args.clone() allowed /> }
    });
    leptos::task::tick().await;
    let banner = query(&el, "#verdict");
    assert_eq!(text(&banner), "", "nothing typed, nothing said");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("status"));

    verdict.set(Some(Verdict {
        decision: Decision::EducationTenant,
        stage: Stage::Email,
        tenant: Some(TenantId("northwind-edu".into())),
    }));
    leptos::task::tick().await;
    let said = text(&banner);
    assert!(
        said.contains("isn't available for education organizations"),
        "{said}"
    );
    assert!(
        said.contains("Not an education organization"),
        "the rule is named: {said}"
    );
    assert!(said.contains("Contact your IT admin"));
    assert!(banner.class_name().contains("verdict--refused"));

    verdict.set(Some(Verdict {
        decision: Decision::ProductUnavailableInMarket(Country::BRAZIL),
        stage: Stage::Email,
        tenant: None,
    }));
    leptos::task::tick().await;
    assert!(
        text(&banner).contains("Power BI Pro isn't available for self-service purchase in Brazil")
    );

    allowed.set(true);
    verdict.set(Some(Verdict {
        decision: Decision::Eligible,
        stage: Stage::Email,
        tenant: None,
    }));
    leptos::task::tick().await;
    assert!(text(&banner).contains("Northwind University found"));
    assert!(!text(&banner).contains("Rule"), "no rule for a yes");
    assert!(banner.class_name().contains("verdict--ok"));
    assert!(
        el.query_selector("#verdict-source").unwrap().is_none(),
        "no source for a plain yes"
    );

    // A verdict that allows buying, asked for a trial the organization cannot have (no
    // subscription agreement): a refusal here, with the rule and its source.
    allowed.set(false);
    verdict.set(Some(Verdict {
        decision: Decision::EligibleWithoutTrial,
        stage: Stage::Email,
        tenant: None,
    }));
    leptos::task::tick().await;
    let said = text(&banner);
    assert!(said.contains("can be bought, but not tried"), "{said}");
    assert!(banner.class_name().contains("verdict--refused"));
    assert!(said.contains("Rule"), "the rule is named: {said}");
    let source = text(&query(&el, "#verdict-source"));
    assert!(
        source
            .contains("only available to select customers with an existing subscription agreement"),
        "{source}"
    );
}

//! The pieces that keep keyboard and screen-reader users in place, mounted alone: a
//! dialog takes focus, keeps Tab inside, closes on Escape and gives focus back; the
//! announcer is in the page before it speaks and says each message.

use super::support::{boot, has, host, settle};
use leptos::prelude::*;
use ssp::components::a11y::{keep_focus_in_page, Announcer, Dialog, LiveRegion};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

fn by_id(id: &str) -> HtmlElement {
    document().get_element_by_id(id).unwrap().unchecked_into()
}

fn key(target: &HtmlElement, key: &str, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn a_modal_dialog_takes_focus_keeps_tab_inside_and_gives_focus_back_on_escape() {
    let el = host("/");
    let (open, set_open) = signal(false);
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <button id="opener" on:click=move |_| set_open.set(true)>
                "Open"
            </button>
            <Show when=move || open.get()>
                <Dialog
                    id="dialog"
                    class="panel"
                    labelledby="dialog-title"
                    modal=true
                    on_close=Callback::new(move |_| set_open.set(false))
                >
                    <h2 id="dialog-title" tabindex="-1">
                        "Setting"
                    </h2>
                    <button id="first">"First"</button>
                    <button id="last">"Last"</button>
                </Dialog>
            </Show>
        }
    });
    let opener = by_id("opener");
    opener.focus().unwrap();
    opener.click();
    settle(&el, |_| active_id() == "dialog-title").await;
    assert_eq!(active_id(), "dialog-title", "focus moves into the dialog");
    let dialog = by_id("dialog");
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("dialog"));
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));

    // Tab from the last control wraps to the first, Shift+Tab from the first to the last.
    by_id("last").focus().unwrap();
    key(&by_id("last"), "Tab", false);
    assert_eq!(active_id(), "first");
    key(&by_id("first"), "Tab", true);
    assert_eq!(active_id(), "last");

    key(&by_id("last"), "Escape", false);
    settle(&el, |_| active_id() == "opener").await;
    assert!(
        document().get_element_by_id("dialog").is_none(),
        "Escape closed it"
    );
    assert_eq!(active_id(), "opener", "focus is back on what opened it");
    el.remove();
}

/// A dialog's heading takes focus on the dialog's first frame, unless the person clicked or
/// typed elsewhere before that frame: WebKit under load ran a policy panel's first frame
/// 360 ms late, after a click into the console below it and three letters typed there.
#[wasm_bindgen_test]
async fn a_dialog_gives_way_when_the_person_moved_before_its_first_frame() {
    keep_focus_in_page();
    let el = host("/");
    let (open, set_open) = signal(false);
    let _mounted = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <input id="elsewhere" aria-label="Elsewhere" />
            <Show when=move || open.get()>
                <Dialog
                    id="late-dialog"
                    class="panel"
                    labelledby="late-dialog-title"
                    on_close=Callback::new(move |_| set_open.set(false))
                >
                    <h2 id="late-dialog-title" tabindex="-1">
                        "Setting"
                    </h2>
                </Dialog>
            </Show>
        }
    });
    set_open.set(true);
    leptos::task::tick().await;
    assert!(
        has(&el, "#late-dialog"),
        "the dialog is built, its frame still to come"
    );
    person_types(&by_id("elsewhere"), "C").await;
    assert_eq!(
        active_id(),
        "elsewhere",
        "focus stays in the field the person is typing in"
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn the_announcer_is_there_before_it_speaks_and_says_each_message() {
    let el = host("/");
    // The announcer lives as long as the test's owner, as the app's lives as long as the app.
    let owner = Owner::new();
    let announcer = owner.with(Announcer::provide);
    let inner = owner.clone();
    let _mounted =
        leptos::mount::mount_to(el.clone(), move || inner.with(|| view! { <LiveRegion /> }));
    let region = by_id("announcer");
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(region.text_content().unwrap_or_default(), "");
    announcer.say("Assigned 1 license.");
    settle(&el, |_| {
        by_id("announcer").text_content().unwrap_or_default() == "Assigned 1 license."
    })
    .await;
    assert_eq!(
        by_id("announcer").text_content().unwrap(),
        "Assigned 1 license."
    );
    // The same words again are said again: the region empties first.
    announcer.say("Assigned 1 license.");
    leptos::task::tick().await;
    assert_eq!(by_id("announcer").text_content().unwrap(), "");
    settle(&el, |_| {
        by_id("announcer").text_content().unwrap_or_default() == "Assigned 1 license."
    })
    .await;
    el.remove();
}

/// Resolves after the next animation frame has run.
async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

/// The person puts focus in `field` and presses `letter`; then two frames pass, in which
/// any focus move the app had planned has run.
async fn person_types(field: &HtmlElement, letter: &str) {
    field.focus().unwrap();
    key(field, letter, false);
    next_frame().await;
    next_frame().await;
}

/// Navigates as the browser's back and forward do. Links are not clicked here: an app of an
/// earlier test in this page keeps its router's window click listener (its owner outlives
/// the unmount), and that listener takes a link click before this app's router sees it.
fn go(path: &str) {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    window
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_new_page_takes_focus_unless_the_person_pressed_a_key_since_the_navigation() {
    let (el, _app) = boot("/").await;
    settle(&el, |el| has(el, "#page-title")).await;
    go("/products/CFQ7TTC0H9MP");
    settle(&el, |el| {
        has(el, r#"main a[href="/"]"#) && active_id() == "page-title"
    })
    .await;
    assert_eq!(active_id(), "page-title", "the page's heading takes focus");
    // Back to the catalog, and a key pressed before the next frame (Tab, quickly): the
    // heading must not take the focus the person is already moving.
    go("/");
    leptos::task::tick().await;
    key(&document().body().unwrap(), "Tab", false);
    next_frame().await;
    next_frame().await;
    assert!(
        document().get_element_by_id("page-title").is_some(),
        "the catalog is there"
    );
    assert_ne!(
        active_id(),
        "page-title",
        "focus stays where the person moved it"
    );
    el.remove();
}

/// A checkout step's heading takes focus after a step change, and gives way the same way:
/// a key pressed before the next frame (a person clicking into a field and typing at once;
/// WebKit under load caught the step's heading taking focus after the first letter of a
/// password) keeps the focus where the person put it.
#[wasm_bindgen_test]
async fn a_new_step_takes_focus_unless_the_person_pressed_a_key_since() {
    let (el, _app) = boot("/checkout/CFQ7TTC0H9MP").await;
    settle(&el, |el| has(el, "#step-title")).await;
    go("/checkout/CFQ7TTC0H9MP?step=email");
    settle(&el, |_| active_id() == "step-title").await;
    assert_eq!(active_id(), "step-title", "the step's heading takes focus");
    let field: HtmlElement = document()
        .get_element_by_id("checkout-email")
        .unwrap()
        .unchecked_into();
    go("/checkout/CFQ7TTC0H9MP?step=email&again=1");
    leptos::task::tick().await;
    person_types(&field, "D").await;
    assert_eq!(
        active_id(),
        "checkout-email",
        "focus stays in the field the person is typing in"
    );
    el.remove();
}

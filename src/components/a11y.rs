//! Keeping keyboard and screen-reader users in their place: one polite announcer present
//! from the start, focus that follows navigation, focus that survives the removal of the
//! focused control, and panels that take focus in and give it back.

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The one live region: screen readers announce what is put in it, because it was in the
/// page before its text arrived (regions added already filled are often skipped).
#[derive(Clone, Copy)]
pub struct Announcer {
    text: RwSignal<String>,
}

impl Announcer {
    pub fn provide() -> Self {
        let announcer = Announcer {
            text: RwSignal::new(String::new()),
        };
        provide_context(announcer);
        announcer
    }

    /// The app's announcer; a piece mounted without the app (a component test) gets one
    /// of its own.
    pub fn get() -> Self {
        use_context::<Announcer>().unwrap_or_else(Self::provide)
    }

    /// Says `text`; the same words twice in a row are said twice (the region is emptied
    /// first, and filled on the next frame).
    pub fn say(self, text: impl Into<String>) {
        let text = text.into();
        if text.trim().is_empty() {
            return;
        }
        self.text.set(String::new());
        request_animation_frame(move || self.text.set(text));
    }
}

/// The announcer's region, visually hidden.
#[component]
pub fn LiveRegion() -> impl IntoView {
    let announcer = Announcer::get();
    view! {
        <div id="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true">
            {move || announcer.text.get()}
        </div>
    }
}

fn by_id(id: &str) -> Option<HtmlElement> {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// Moves focus to the element with this id, if it is there.
pub fn focus_id(id: &str) {
    if let Some(el) = by_id(id) {
        let _ = el.focus();
    }
}

/// A focus move the app makes later (on the next frame, or once a command is done). It
/// gives way if the person pressed a key or clicked since it was planned: a late frame
/// must not pull focus out of a field the person is typing in (WebKit under load ran a
/// panel's first frame 360 ms late, after a click into the console and three letters).
#[derive(Clone, Copy)]
pub struct FocusPlan(u32);

impl FocusPlan {
    /// Planned now: a key or a click from here on cancels it.
    pub fn now() -> Self {
        FocusPlan(person_moves())
    }

    /// The person has not moved since the plan.
    fn wanted(self) -> bool {
        person_moves() == self.0
    }

    /// On the next frame (the element is painted by then), focuses the element with this
    /// id, unless the person moved meanwhile.
    pub fn focus_next_frame(self, id: &'static str) {
        request_animation_frame(move || {
            if self.wanted() {
                focus_id(id);
            }
        });
    }
}

fn text_of(el: &Element) -> String {
    el.text_content().unwrap_or_default().trim().to_owned()
}

/// After each navigation, focus moves to the new page's `h1` (or, when only a checkout
/// step changed, to the step's `h2`) and the announcer says where the person is. The first
/// page of a visit keeps the browser's own focus.
pub fn focus_on_navigation() {
    let location = leptos_router::hooks::use_location();
    let announcer = Announcer::get();
    Effect::new(move |prev: Option<(String, String)>| {
        let now = (location.pathname.get(), location.search.get());
        if let Some((path, search)) = &prev {
            if *path != now.0 || *search != now.1 {
                let same_page = *path == now.0;
                if same_page {
                    // A step of the same page: its heading is painted by the next frame.
                    let plan = FocusPlan::now();
                    request_animation_frame(move || {
                        if let Some(step) = by_id("step-title") {
                            if plan.wanted() {
                                let _ = step.focus();
                            }
                            announcer.say(text_of(&step));
                        }
                    });
                } else {
                    focus_page_title(announcer);
                }
            }
        }
        now
    });
}

/// Focuses and announces the new page's heading, painted by the next frame — or, for a
/// page whose part of the app is still on its way (`areas`), when it arrives.
fn focus_page_title(announcer: Announcer) {
    let plan = FocusPlan::now();
    request_animation_frame(move || {
        // A key pressed or a click since the navigation: the person is moving focus
        // already; the page is still said.
        let moved = !plan.wanted();
        match by_id("page-title") {
            Some(title) => {
                if !moved {
                    let _ = title.focus();
                }
                announcer.say(text_of(&title));
            }
            None if moved => {}
            None => {
                // Meanwhile focus waits on `main`, and the page takes it when it comes, unless
                // the person has pressed a key or clicked since.
                TITLE_PENDING.with(|p| p.set(true));
                if let Some(main) = by_id("main") {
                    let _ = main.focus();
                }
            }
        }
    });
}

/// A page that arrived with its part of the app takes the focus its navigation could not
/// give it (`focus_page_title`).
pub fn page_arrived() {
    if TITLE_PENDING.with(|p| p.replace(false)) {
        let announcer = Announcer::get();
        let plan = FocusPlan::now();
        request_animation_frame(move || {
            if let Some(title) = by_id("page-title") {
                if plan.wanted() {
                    let _ = title.focus();
                }
                announcer.say(text_of(&title));
            }
        });
    }
}

/// How many keys the person has pressed and clicks made on this page: a focus move
/// scheduled for the next frame gives way if this changed meanwhile.
fn person_moves() -> u32 {
    PERSON_MOVES.with(std::cell::Cell::get)
}

fn person_moved() {
    PERSON_MOVES.with(|m| m.set(m.get().wrapping_add(1)));
    TITLE_PENDING.with(|p| p.set(false));
}

thread_local! {
    static PERSON_MOVES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// A new page's heading is still to come and to take focus (`page_arrived`).
    static TITLE_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The control that had focus last, and its ancestors then (a removed node's own
    /// parents are gone with it).
    static LAST_FOCUS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    static RESCUE_PENDING: RefCell<bool> = const { RefCell::new(false) };
}

// A disclosure's summary takes focus like a button ("About this rule" in the policy panel).
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), details > summary:first-of-type, \
    [tabindex]:not([tabindex='-1'])";

fn shown(el: &Element) -> bool {
    // What a closed disclosure holds still has boxes in Chromium (its content is only
    // content-visibility: hidden), but Tab never reaches it.
    el.is_connected()
        && el.get_client_rects().length() > 0
        && !el
            .matches("details:not([open]) *:not(summary)")
            .unwrap_or(false)
}

fn focusable(el: &Element) -> bool {
    shown(el) && el.matches(FOCUSABLE).unwrap_or(false)
}

/// The controls in a region that can take focus now, in document order.
fn focusables(region: &Element) -> Vec<Element> {
    let Ok(list) = region.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter(focusable)
        .collect()
}

fn focus(el: &Element) -> bool {
    match el.dyn_ref::<HtmlElement>() {
        Some(el) => {
            let _ = el.focus();
            document()
                .active_element()
                .is_some_and(|a| a.is_same_node(Some(el)))
        }
        None => false,
    }
}

/// Focus is on nothing: `<body>` or no element.
fn focus_lost() -> bool {
    let doc = document();
    match (doc.active_element(), doc.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active.is_same_node(Some(&body)),
        _ => false,
    }
}

/// The result message in a region: a status or an alert with text.
fn message_in(region: &Element) -> Option<Element> {
    let list = region
        .query_selector_all("[role=status], [role=alert], .outcome")
        .ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .find(|el| el.id() != "announcer" && shown(el) && !text_of(el).is_empty())
}

fn focus_message(message: &Element) -> bool {
    if !message.has_attribute("tabindex") {
        let _ = message.set_attribute("tabindex", "-1");
    }
    focus(message)
}

/// Within a region that is still there: a result message first, then the next control,
/// then a heading.
fn focus_within(region: &Element) -> bool {
    if message_in(region).is_some_and(|m| focus_message(&m)) {
        return true;
    }
    if focusables(region).iter().any(focus) {
        return true;
    }
    let heading = region
        .query_selector("h1, h2, h3")
        .ok()
        .flatten()
        .filter(shown);
    if let Some(heading) = heading {
        let _ = heading.set_attribute("tabindex", "-1");
        return focus(&heading);
    }
    false
}

/// The regions a control sat in, nearest first, up to (not including) `<body>`.
fn regions(ancestors: &[Element]) -> impl Iterator<Item = &Element> {
    ancestors
        .iter()
        .take_while(|a| !a.tag_name().eq_ignore_ascii_case("body"))
        .filter(|a| a.is_connected())
}

/// Gives focus back to the page when the focused control disappeared or disabled itself.
/// A control that disabled itself (Save, Assign) is waited for: then the result message
/// near it, or the control again. A removed control's place goes to the nearest region
/// still there: its message, its next control, its heading.
fn rescue_focus(attempt: u32) {
    if !focus_lost() {
        return;
    }
    let path = LAST_FOCUS.with(|l| l.borrow().clone());
    let Some((control, ancestors)) = path.split_first() else {
        return;
    };
    let waiting = control.is_connected() && control.matches(":disabled").unwrap_or(false);
    if waiting && attempt < 15 {
        set_timeout(
            move || rescue_focus(attempt + 1),
            std::time::Duration::from_millis(200),
        );
        return;
    }
    if control.is_connected() {
        // Its result, said next to it (the closest form or section holds both).
        let near = regions(ancestors).find(|r| {
            r.matches("form, section, li, [role=group], [role=dialog]")
                .unwrap_or(false)
        });
        if near.and_then(message_in).is_some_and(|m| focus_message(&m)) {
            return;
        }
        if focusable(control) && focus(control) {
            return;
        }
    }
    for region in regions(ancestors) {
        if focus_within(region) {
            return;
        }
    }
    if let Some(main) = by_id("main") {
        let _ = main.focus();
    }
}

/// A status message added already filled is said through the announcer too.
fn announce_added(records: &js_sys::Array, announcer: Announcer) {
    for record in records.iter() {
        let Ok(record) = record.dyn_into::<web_sys::MutationRecord>() else {
            continue;
        };
        let added = record.added_nodes();
        for i in 0..added.length() {
            let Some(el) = added.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let status = if el.matches("[role=status]").unwrap_or(false) {
                Some(el)
            } else {
                el.query_selector("[role=status]").ok().flatten()
            };
            if let Some(status) = status.filter(|s| s.id() != "announcer") {
                let text = text_of(&status);
                if !text.is_empty() {
                    announcer.say(text);
                }
            }
        }
    }
}

/// Watches focus and the page for the whole visit: where focus was, and after any change
/// to the page, whether it fell to `<body>` (checked two frames on, after a navigation's
/// own focus move).
pub fn keep_focus_in_page() {
    static INSTALLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if INSTALLED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let announcer = Announcer::get();
    let doc = document();
    // These last as long as the page: each handle is dropped, its listener stays.
    let _ = window_event_listener(leptos::ev::focusin, |ev| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let mut path = vec![target.clone()];
        let mut up = target.parent_element();
        while let Some(el) = up {
            up = el.parent_element();
            path.push(el);
        }
        LAST_FOCUS.with(|l| *l.borrow_mut() = path);
    });
    // A click on the page's background means to leave focus there.
    let _ = window_event_listener(leptos::ev::pointerdown, |ev| {
        let on_control = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|el| el.closest(FOCUSABLE).ok().flatten().is_some());
        if !on_control {
            LAST_FOCUS.with(|l| l.borrow_mut().clear());
        }
        person_moved();
    });
    // A key pressed while a page is on its way: the person is already moving focus.
    let _ = window_event_listener(leptos::ev::keydown, |_| person_moved());
    // Leptos has no observer helper, and leptos-use's `use_mutation_observer` would bring a
    // crate of its size for this one observer that lives as long as the page: it is kept
    // by `forget`.
    let on_change = Closure::<dyn Fn(js_sys::Array, web_sys::MutationObserver)>::new(
        move |records: js_sys::Array, _| {
            announce_added(&records, announcer);
            let pending = RESCUE_PENDING.with(|p| std::mem::replace(&mut *p.borrow_mut(), true));
            if !pending {
                request_animation_frame(|| {
                    request_animation_frame(|| {
                        RESCUE_PENDING.with(|p| *p.borrow_mut() = false);
                        rescue_focus(0);
                    })
                });
            }
        },
    );
    if let (Ok(observer), Some(body)) = (
        web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()),
        doc.body(),
    ) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_attributes(true);
        options.set_attribute_filter(&js_sys::Array::of2(&"disabled".into(), &"hidden".into()));
        let _ = observer.observe_with_options(&body, &options);
    }
    on_change.forget();
}

/// A panel or an inline confirmation that takes focus when it opens and gives it back to
/// what opened it when it closes; Escape closes it. A modal one (it covers the page) also
/// keeps Tab inside it, so nothing focusable is hidden under it.
#[component]
pub fn Dialog(
    #[prop(into)] id: String,
    #[prop(into)] class: String,
    /// The id of its heading, which names it and takes focus when it opens.
    #[prop(into)]
    labelledby: String,
    #[prop(optional)] modal: bool,
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Section>::new();
    // What had focus when it opened (the control that opened it) is marked, so focus can
    // go back to it on close without holding the element.
    if let Some(trigger) = document().active_element() {
        let _ = trigger.set_attribute("data-opened", &id);
    }
    let heading_id = labelledby.clone();
    let opened = id.clone();
    // Planned as it opens (the click or key that opened it came before).
    let plan = FocusPlan::now();
    Effect::new(move |_| {
        if let Some(section) = node.get() {
            let heading_id = heading_id.clone();
            request_animation_frame(move || {
                if !plan.wanted() {
                    return;
                }
                let heading = by_id(&heading_id).filter(|h| h.has_attribute("tabindex"));
                match heading {
                    Some(h) => {
                        let _ = h.focus();
                    }
                    None => {
                        focus_within(&section);
                    }
                }
            });
        }
    });
    on_cleanup(move || {
        let opened = opened.clone();
        request_animation_frame(move || {
            let selector = format!("[data-opened='{opened}']");
            let trigger = document().query_selector(&selector).ok().flatten();
            if let Some(trigger) = &trigger {
                let _ = trigger.remove_attribute("data-opened");
            }
            let lost = focus_lost()
                || document()
                    .active_element()
                    .is_some_and(|a| !a.is_connected());
            if let Some(trigger) = trigger.filter(|t| lost && focusable(t)) {
                focus(&trigger);
            }
        });
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.stop_propagation();
            on_close.run(());
        }
        "Tab" if modal => {
            let Some(section) = node.get_untracked() else {
                return;
            };
            // Tab stops: a radio group is one, its checked radio.
            let group_checked = |radio: &Element| {
                let name = radio.get_attribute("name").unwrap_or_default();
                section
                    .query_selector(&format!("input[type=radio][name='{name}']:checked"))
                    .ok()
                    .flatten()
                    .is_some()
            };
            let stops: Vec<Element> = focusables(&section)
                .into_iter()
                .filter(|el| {
                    !el.matches("input[type=radio]:not(:checked)")
                        .unwrap_or(false)
                        || !group_checked(el)
                })
                .collect();
            let (Some(first), Some(last)) = (stops.first(), stops.last()) else {
                return;
            };
            let active = document().active_element();
            let at = |el: &Element| active.as_ref().is_some_and(|a| a.is_same_node(Some(el)));
            let outside = active.as_ref().is_none_or(|a| !section.contains(Some(a)));
            if ev.shift_key() && (at(first) || outside) {
                ev.prevent_default();
                focus(last);
            } else if !ev.shift_key() && (at(last) || outside) {
                ev.prevent_default();
                focus(first);
            }
        }
        _ => {}
    };
    view! {
        <section
            id=id
            class=class
            node_ref=node
            role=if modal { "dialog" } else { "group" }
            aria-modal=modal.then_some("true")
            aria-labelledby=labelledby
            on:keydown=on_keydown
        >
            {children()}
        </section>
    }
}

//! Navigation across wasm modules. The main app owns the router; a module
//! (the lessons) learns about address changes from [`location_changed`] calls
//! that `ModuleHost` makes, and asks the main router to navigate through a
//! function the main app publishes on `window`.

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

const NAVIGATE: &str = "lambdaLabNavigate";

/// Main app: publishes the router's navigate function for modules.
pub fn publish(navigate: impl Fn(&str) + 'static) {
    let f = Closure::<dyn Fn(String)>::new(move |url: String| navigate(&url));
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &NAVIGATE.into(), f.as_ref());
    }
    f.forget();
}

/// Navigates to an in-site URL (with the base path) through the main router,
/// or with a plain page load if there is none.
pub fn go(url: &str) {
    let Some(w) = web_sys::window() else { return };
    match js_sys::Reflect::get(&w, &NAVIGATE.into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        Some(f) => {
            let _ = f.call1(&JsValue::NULL, &url.into());
        }
        None => {
            let _ = w.location().assign(url);
        }
    }
}

thread_local! {
    static LOCATION: RefCell<Option<RwSignal<String>>> = const { RefCell::new(None) };
}

fn current() -> String {
    web_sys::window()
        .map(|w| {
            format!("{}{}", w.location().pathname().unwrap_or_default(), w.location().search().unwrap_or_default())
        })
        .unwrap_or_default()
}

/// Module: the address (path and query) as a signal, kept current by
/// [`location_changed`]. Call inside the module's mounted page.
pub fn location() -> RwSignal<String> {
    let s = RwSignal::new(current());
    LOCATION.with(|l| *l.borrow_mut() = Some(s));
    s
}

/// Module: the main app tells us the address changed.
pub fn location_changed() {
    if let Some(s) = LOCATION.with(|l| *l.borrow()) {
        let now = current();
        if s.try_get_untracked().is_some_and(|old| old != now) {
            s.set(now);
        }
    }
}

/// The value of one query key in a `path?query` string.
pub fn query_param(location: &str, key: &str) -> Option<String> {
    let q = location.split_once('?').map(|(_, q)| q).unwrap_or("");
    lambda_model::scenario::parse_pairs(q).into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

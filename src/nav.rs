//! Moving between a lesson's steps without reloading the page. Each page is
//! its own document, so there is no router: the lessons module keeps the
//! address in a signal, changes it with `history.pushState` for links within
//! the same page (another step, the print view), and follows back/forward.
//! Links to other pages load them (from the cache, once visited).

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    static LOCATION: RefCell<Option<RwSignal<String>>> = const { RefCell::new(None) };
}

/// The address as it is now: path and query.
pub fn current() -> String {
    web_sys::window()
        .map(|w| {
            format!("{}{}", w.location().pathname().unwrap_or_default(), w.location().search().unwrap_or_default())
        })
        .unwrap_or_default()
}

fn changed() {
    if let Some(s) = LOCATION.with(|l| *l.borrow()) {
        let now = current();
        if s.try_get_untracked().is_some_and(|old| old != now) {
            s.set(now);
        }
    }
}

/// The address (path and query) as a signal, kept current on back/forward
/// and on [`go`]. Same-page links are followed without a reload. Call inside
/// the mounted page.
pub fn location() -> RwSignal<String> {
    let s = RwSignal::new(current());
    LOCATION.with(|l| *l.borrow_mut() = Some(s));
    let pop = window_event_listener(leptos::ev::popstate, |_| changed());
    let click = window_event_listener(leptos::ev::click, |ev| {
        if let Some(url) = same_page_link(&ev) {
            ev.prevent_default();
            go(&url);
        }
    });
    on_cleanup(move || {
        pop.remove();
        click.remove();
    });
    s
}

/// The path and query of a plain left click on a link to this same page
/// (another query of it), which [`go`] can follow without a reload.
fn same_page_link(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented() || ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return None;
    }
    let a = ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest("a[href]").ok()??;
    // `data-reload`: another view of this page that another module draws.
    if a.has_attribute("target") || a.has_attribute("download") || a.has_attribute("data-reload") {
        return None;
    }
    let a: web_sys::HtmlAnchorElement = a.dyn_into().ok()?;
    let loc = web_sys::window()?.location();
    let same_page = a.origin() == loc.origin().ok()? && a.pathname() == loc.pathname().ok()?;
    // A link to a place on the page (only the hash differs) is the browser's.
    let in_page = a.search() == loc.search().ok()? && !a.hash().is_empty();
    (same_page && !in_page).then(|| format!("{}{}", a.pathname(), a.search()))
}

/// Goes to an in-site URL: another step of this page with `pushState`, any
/// other page with a normal page load.
pub fn go(url: &str) {
    let Some(w) = web_sys::window() else { return };
    let path = url.split(['?', '#']).next().unwrap_or("");
    if w.location().pathname().is_ok_and(|p| p == path)
        && let Ok(h) = w.history()
        && h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url)).is_ok()
    {
        changed();
        w.scroll_to_with_x_and_y(w.scroll_x().unwrap_or(0.0), 0.0);
        return;
    }
    let _ = w.location().assign(url);
}

/// The value of one query key in a `path?query` string.
pub fn query_param(location: &str, key: &str) -> Option<String> {
    let q = location.split_once('?').map(|(_, q)| q).unwrap_or("");
    lambda_model::params::parse_pairs(q).into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

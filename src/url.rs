//! The page's query string: read once on load, rewritten (without a new
//! history entry) whenever a calculator's state changes, so the address bar
//! is always a permalink.

use lambda_site::CalcPage;
use leptos::prelude::use_context;

/// The preset query of a calculator mounted inside another page (a lesson or
/// an embed page), provided as Leptos context by its mount: there, the
/// address bar is not its state.
#[derive(Clone)]
pub struct EmbedPreset(pub String);

/// The calculator being built, when it is embedded.
pub fn embedding() -> Option<&'static CalcPage> {
    use_context::<EmbedPreset>()?;
    use_context::<&'static CalcPage>()
}

/// The current `location.search`, without the `?` (or an embedded
/// calculator's preset query).
pub fn query() -> String {
    if let Some(EmbedPreset(q)) = use_context::<EmbedPreset>() {
        return q;
    }
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default().trim_start_matches('?').to_string()
}

/// One presentation value from the query (`theme`, `unit`, …).
pub fn param(key: &str) -> Option<String> {
    lambda_model::params::parse_pairs(&query()).into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Replaces the query, keeping the path and hash.
pub fn replace_query(q: &str) {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let path = loc.pathname().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let url = if q.is_empty() { format!("{path}{hash}") } else { format!("{path}?{q}{hash}") };
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// An absolute link to a site page with a query: for "Copy link" from an
/// embedded calculator.
pub fn page_link(page: &str, query: &str) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let q = if query.is_empty() { String::new() } else { format!("?{query}") };
    format!("{origin}{}{q}", crate::paths::href(page))
}

/// The full current URL, for "Copy link".
pub fn href() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

//! The page's query string: read once on load, rewritten (without a new
//! history entry) whenever a calculator's state changes, so the address bar
//! is always a permalink.

/// The current `location.search`, without the `?`.
pub fn query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default().trim_start_matches('?').to_string()
}

/// One presentation value from the query (`theme`, `unit`, …).
pub fn param(key: &str) -> Option<String> {
    lambda_model::scenario::parse_pairs(&query()).into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
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

/// The full current URL, for "Copy link".
pub fn href() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

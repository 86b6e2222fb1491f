//! DOM helpers: whether the document runs in an opaque origin, copying
//! text where the clipboard may be refused, selecting a field's text.

use wasm_bindgen::JsCast;

/// Whether this document runs in an opaque origin: a sandboxed iframe
/// without `allow-same-origin`, where storage, downloads and the clipboard are off.
pub fn opaque_origin() -> bool {
    web_sys::window().is_some_and(|w| w.origin() == "null")
}

/// Whether the page around this one lets it write to the clipboard (an
/// iframe needs `allow="clipboard-write"`); asking anyway logs an error.
fn clipboard_allowed() -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
    let policy = ["permissionsPolicy", "featurePolicy"]
        .into_iter()
        .find_map(|k| js_sys::Reflect::get(&doc, &k.into()).ok().filter(|p| p.is_object()));
    let Some(policy) = policy else { return true };
    js_sys::Reflect::get(&policy, &"allowsFeature".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&policy, &"clipboard-write".into()).ok())
        .is_none_or(|allowed| allowed.as_bool() != Some(false))
}

/// Copies text to the clipboard and says whether it really worked: the
/// clipboard may be missing, or refuse (no permission, a sandboxed iframe).
pub async fn copy_text(text: &str) -> bool {
    if !clipboard_allowed() {
        return false;
    }
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return false };
    let Ok(cb) = js_sys::Reflect::get(&nav, &"clipboard".into()) else { return false };
    let Ok(cb) = cb.dyn_into::<web_sys::Clipboard>() else { return false };
    wasm_bindgen_futures::JsFuture::from(cb.write_text(text)).await.is_ok()
}

/// Selects the text of a field so that Ctrl+C copies it.
pub fn select_all(el: &web_sys::HtmlElement) {
    let _ = el.focus();
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.select();
    } else if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.select();
    }
}

//! The panic hook. A wasm panic ends the app, so instead of leaving a dead
//! page we replace it with a readable message and a reload link, and log the
//! details to the console.

use wasm_bindgen::JsCast;

/// Pulls the message out of a panic payload.
pub fn message(info: &std::panic::PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".to_string());
    match info.location() {
        Some(l) => format!("{msg} (at {}:{})", l.file(), l.line()),
        None => msg,
    }
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let msg = message(info);
        web_sys::console::error_1(&format!("Lambda Lab stopped after an internal error: {msg}").into());
        show(&msg);
    }));
}

/// Replaces the page with the error panel. Text goes in through
/// `set_text_content`, so nothing in the message is read as HTML.
fn show(msg: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    body.set_inner_html("");
    let el = |tag: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let Ok(panel) = doc.create_element("div") else {
        return;
    };
    panel.set_class_name("panic-page");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "panic-page");
    let parts = [
        el("h1", "Lambda Lab stopped working"),
        el(
            "p",
            "Something inside the calculator went wrong and the page can no longer update. Your numbers are still in the address bar, so reloading usually brings everything back.",
        ),
        el("pre", msg),
    ];
    for p in parts.into_iter().flatten() {
        let _ = panel.append_child(&p);
    }
    if let Some(a) = el("a", "Reload the page") {
        let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        let _ = a.set_attribute("href", &href);
        a.set_class_name("button primary");
        if let Some(p) = el("p", "") {
            let _ = p.append_child(&a);
            let _ = panel.append_child(&p);
        }
    }
    let _ = body.append_child(&panel);
    if let Ok(Some(a)) = panel.query_selector("a").map(|a| a.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())) {
        let _ = a.focus();
    }
}

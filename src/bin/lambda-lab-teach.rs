//! The teaching module: the presenter view, handouts and the answer key of
//! a lesson page, and the workshop planner (`/workshop/`). A lesson page
//! loads it instead of the lessons module when its address asks for one of
//! those views.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn mount(el: web_sys::HtmlElement) {
    lambda_lab_app::modules::mount_page(el, None, lambda_lab_app::pages::teach::TeachRoot);
}

#[wasm_bindgen]
pub fn unmount() {
    lambda_lab_app::modules::unmount(0);
}

fn main() {}

/// A QR code as inline SVG, for the presenter view of a calculator page
/// (which the site script draws around the calculator's own module).
#[wasm_bindgen]
pub fn qr_svg(text: &str, label: &str) -> String {
    lambda_lab_app::qr::svg(text, label).unwrap_or_default()
}

/// The teaching views' styles, adopted by the document when the module
/// starts (a constructed stylesheet: allowed by the pages' Content-Security-
/// Policy, which forbids inline styles, not the CSS object model).
#[wasm_bindgen(start)]
pub fn adopt_styles() {
    use wasm_bindgen::JsCast;
    let css = include_str!("../../style/teach.css");
    let adopt = || -> Result<(), JsValue> {
        let window = web_sys::window().ok_or("no window")?;
        let doc = window.document().ok_or("no document")?;
        let ctor: js_sys::Function = js_sys::Reflect::get(&window, &"CSSStyleSheet".into())?.dyn_into()?;
        let sheet = js_sys::Reflect::construct(&ctor, &js_sys::Array::new())?;
        let replace: js_sys::Function = js_sys::Reflect::get(&sheet, &"replaceSync".into())?.dyn_into()?;
        replace.call1(&sheet, &css.into())?;
        let sheets: js_sys::Array = js_sys::Reflect::get(&doc, &"adoptedStyleSheets".into())?.dyn_into()?;
        let all = sheets.slice(0, sheets.length());
        all.push(&sheet);
        js_sys::Reflect::set(&doc, &"adoptedStyleSheets".into(), &all)?;
        Ok(())
    };
    if adopt().is_err() {
        web_sys::console::warn_1(&"Lambda Lab: the presenter and handout styles could not be applied.".into());
    }
}

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

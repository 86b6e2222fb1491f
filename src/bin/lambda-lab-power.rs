//! The power-tuning explorer as a separate wasm module, loaded by the main
//! app's `ModuleHost` when `/calculators/power` opens.
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn mount(el: web_sys::HtmlElement) {
    lambda_lab_app::modules::mount_page(el, lambda_lab_app::pages::power::PowerPage);
}

#[wasm_bindgen]
pub fn unmount() {
    lambda_lab_app::modules::unmount_page();
}

fn main() {}

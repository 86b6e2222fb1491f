//! The coldstart calculator as a separate wasm module, loaded by the main app's
//! `ModuleHost` when its page opens.
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn mount(el: web_sys::HtmlElement) {
    lambda_lab_app::modules::mount_page(el, lambda_lab_app::pages::coldstart::ColdStartPage);
}

#[wasm_bindgen]
pub fn unmount() {
    lambda_lab_app::modules::unmount_page();
}

fn main() {}

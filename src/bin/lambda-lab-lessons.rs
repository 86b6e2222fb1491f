//! The lessons as their own wasm module: a lesson page holds its whole text
//! as HTML (written by `crates/site`); this module takes it over with the
//! step-by-step view, the checks, progress and the embedded calculators
//! (which load their own modules).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn mount(el: web_sys::HtmlElement) {
    lambda_lab_app::modules::mount_page(el, None, lambda_lab_app::pages::lesson::LessonsRoot);
}

#[wasm_bindgen]
pub fn unmount() {
    lambda_lab_app::modules::unmount(0);
}

fn main() {}

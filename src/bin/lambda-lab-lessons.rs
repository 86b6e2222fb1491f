//! The lessons (index and lesson pages) as a separate wasm module: the course
//! text, its checks and its progress tracking load only when a reader opens
//! /lessons. Embedded calculators load their own modules.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn mount(el: web_sys::HtmlElement) {
    lambda_lab_app::modules::mount_page(el, lambda_lab_app::pages::lesson::LessonsRoot);
}

#[wasm_bindgen]
pub fn unmount() {
    lambda_lab_app::modules::unmount(0);
}

/// Called by the main app's `ModuleHost` whenever the address changes.
#[wasm_bindgen]
pub fn location_changed() {
    lambda_lab_app::nav::location_changed();
}

fn main() {}

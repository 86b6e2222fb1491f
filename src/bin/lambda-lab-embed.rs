//! The Embed dialog as its own wasm module: a calculator page loads it when a
//! reader clicks "Embed", so no calculator carries it. It shows the embed
//! options, a live preview and the snippets, for the calculator and values
//! of the page it opens on.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn open(slug: String) {
    lambda_lab_app::panic::install();
    lambda_lab_app::embed_view::open_dialog(&slug);
}

fn main() {}

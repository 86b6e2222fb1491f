//! Lambda Lab's interactive pages: each calculator and the lessons is its own
//! wasm module (`src/bin/lambda-lab-<name>.rs`) that mounts into the page
//! the site generator wrote (`crates/site`). Pages call into `lambda-model`
//! for every number; this crate holds only the UI, the URL/DOM glue and
//! formatting.

pub mod chart;
pub mod components;
pub mod cost_view;
pub mod course;
pub mod dom;
pub mod embed_view;
pub mod format;
pub mod loader;
pub mod modules;
pub mod nav;
pub mod pages;
pub mod panic;
pub mod paths;
pub mod qr;
pub mod slides;
pub mod storage;
pub mod theme;
pub mod traffic_view;
pub mod url;

/// Today's date from the browser clock (the engine never reads one).
pub fn today() -> lambda_model::params::Date {
    let ms = js_sys::Date::now();
    lambda_model::params::Date::from_unix_days((ms / 86_400_000.0).floor() as i64)
}

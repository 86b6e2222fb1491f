//! Lambda Lab, the Leptos CSR app. Pages call into `lambda-model` for every
//! number; this crate holds only the UI, the URL/DOM glue and formatting.

mod app;
pub mod chart;
pub mod components;
pub mod cost_view;
pub mod course;
pub mod format;
pub mod modules;
pub mod nav;
pub mod pages;
pub mod panic;
pub mod paths;
pub mod storage;
pub mod theme;
pub mod url;

pub use app::App;

/// Today's date from the browser clock (the engine never reads one).
pub fn today() -> lambda_model::scenario::Date {
    let ms = js_sys::Date::now();
    lambda_model::scenario::Date::from_unix_days((ms / 86_400_000.0).floor() as i64)
}

/// Installs the panic hook, removes the loading placeholder and mounts the app.
pub fn start() {
    panic::install();
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}

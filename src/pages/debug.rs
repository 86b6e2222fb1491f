use leptos::prelude::*;

/// `/debug/panic` panics on purpose so the e2e suite can prove the panic hook
/// turns a dead page into a readable one. It exists only in builds with the
/// `debug-routes` feature (the test build); elsewhere it is a normal 404.
#[component]
pub fn DebugPanic() -> impl IntoView {
    if cfg!(feature = "debug-routes") {
        panic!("deliberate panic from /debug/panic (debug-routes build)");
    }
    view! { <super::not_found::NotFound /> }
}

//! The site shell: header, navigation, routes, footer.

use crate::modules::ModuleHost;
use crate::pages::{about::About, calculators::Calculators, debug::DebugPanic, home::Home, not_found::NotFound};
use crate::paths::{base, href, is_current, route_of};
use crate::theme::ThemeToggle;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

const NAV: &[(&str, &str)] = &[("/calculators", "Calculators"), ("/lessons", "Lessons"), ("/about", "About")];

#[component]
pub fn App() -> impl IntoView {
    crate::theme::use_theme();
    crate::theme::use_window_width();
    view! {
        <Router base=base()>
            <NavBridge />
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/calculators") view=Calculators />
                    <Route path=path!("/calculators/cost") view=|| view! { <ModuleHost name="cost" title="Cost calculator" /> } />
                    <Route path=path!("/calculators/account") view=|| view! { <ModuleHost name="account" title="Account cost" /> } />
                    <Route path=path!("/calculators/power") view=|| view! { <ModuleHost name="power" title="Power tuning explorer" /> } />
                    <Route path=path!("/calculators/cold-start") view=|| view! { <ModuleHost name="coldstart" title="Cold-start calculator" /> } />
                    <Route path=path!("/calculators/traffic") view=|| view! { <ModuleHost name="traffic" title="Traffic simulator" /> } />
                    <Route path=path!("/lessons") view=|| view! { <ModuleHost name="lessons" title="Lessons" /> } />
                    <Route path=path!("/lessons/:slug") view=|| view! { <ModuleHost name="lessons" title="Lessons" /> } />
                    <Route path=path!("/about") view=About />
                    <Route path=path!("/debug/panic") view=DebugPanic />
                </Routes>
            </main>
            <footer class="site-footer">
                "Lambda Lab runs entirely in your browser: no server, no account, no tracking. "
                <a href=href("/about")>"Prices, sources and license"</a>
            </footer>
        </Router>
    }
}

/// Lets modules (which have no router) navigate through this one.
#[component]
fn NavBridge() -> impl IntoView {
    let navigate = leptos_router::hooks::use_navigate();
    crate::nav::publish(move |url| navigate(&crate::paths::route_of(url), Default::default()));
}

#[component]
fn Header() -> impl IntoView {
    let location = use_location();
    let route = Memo::new(move |_| route_of(&location.pathname.get()));
    view! {
        <header class="site-header">
            <div class="inner">
                <a class="brand" href=href("/")>"Lambda" <span>"Lab"</span></a>
                <nav class="site-nav" aria-label="Main">
                    <ul>
                        {NAV
                            .iter()
                            .map(|(path, label)| {
                                view! {
                                    <li>
                                        <a
                                            href=href(path)
                                            aria-current=move || is_current(path, &route.get()).then_some("page")
                                        >
                                            {*label}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
                <ThemeToggle />
            </div>
        </header>
    }
}

/// Sets the document title for a page: "About · Lambda Lab". A calculator
/// embedded in a lesson leaves the lesson's title alone.
pub fn set_title(page: &str) {
    if crate::url::embedding().is_some() {
        return;
    }
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(&if page.is_empty() { "Lambda Lab".to_string() } else { format!("{page} · Lambda Lab") });
    }
}

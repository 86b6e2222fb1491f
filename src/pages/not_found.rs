use crate::app::set_title;
use crate::paths::href;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The page for any path the router does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Page not found");
    let location = use_location();
    view! {
        <h1 data-testid="not-found">"Page not found"</h1>
        <p class="lede">
            "There is no page at " <code>{move || location.pathname.get()}</code> ". It may have moved, or the link may have a typo."
        </p>
        <ul>
            <li><a href=href("/")>"Go to the home page"</a></li>
            <li><a href=href("/calculators")>"See all calculators"</a></li>
            <li><a href=href("/lessons")>"See all lessons"</a></li>
        </ul>
    }
}

use crate::app::set_title;
use leptos::prelude::*;

/// The lesson index. Lessons are compiled in from `content/lessons/`.
#[component]
pub fn Lessons() -> impl IntoView {
    set_title("Lessons");
    view! {
        <h1>"Lessons"</h1>
        <p class="lede">
            "Step-by-step lessons on what Lambda costs and how to make it fast, with live calculators inside. "
            "The course is being written; the calculators it will use are already live."
        </p>
    }
}

use crate::app::set_title;
use leptos::prelude::*;

#[component]
pub fn Calculators() -> impl IntoView {
    set_title("Calculators");
    view! {
        <h1>"Calculators"</h1>
        <p class="lede">"Each calculator is a pure function from named parameters to named metrics; its state lives in the URL."</p>
    }
}

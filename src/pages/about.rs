use crate::app::set_title;
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    set_title("About");
    view! {
        <h1>"About Lambda Lab"</h1>
        <p class="lede">"Lambda Lab teaches and answers the questions every AWS Lambda team has."</p>
        <h2>"License"</h2>
        <p>"Lambda Lab is free software under the MIT or Apache-2.0 license, at your choice."</p>
    }
}

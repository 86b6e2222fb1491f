use crate::app::set_title;
use crate::paths::href;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    set_title("");
    view! {
        <h1>"What will your Lambda function cost, and how do you make it fast?"</h1>
        <p class="lede">
            "Exact AWS Lambda prices for every region, with the arithmetic shown. Everything runs in your browser: "
            "no server, no account, no tracking."
        </p>
        <p><a class="button primary" href=href("/calculators")>"Open the calculators"</a></p>
    }
}

use crate::app::set_title;
use lambda_model::prices::{PRICE_TABLE_VERSION, PRICES_AS_OF, REGIONS, SOURCES};
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    set_title("About");
    view! {
        <h1>"About Lambda Lab"</h1>
        <p class="lede">
            "Lambda Lab teaches and answers the questions every AWS Lambda team has: what it will cost, which memory "
            "size is cheapest, and how cold starts behave. It runs entirely in your browser; nothing you type leaves it."
        </p>
        <h2>"Price data"</h2>
        <p>
            "Prices as of " <strong data-metric="prices_as_of" data-value=PRICES_AS_OF>{PRICES_AS_OF}</strong>
            " (price table version " {PRICE_TABLE_VERSION} ", " {REGIONS.len()} " regions). "
            "Every rate is stored exactly as published, with its source. China regions are billed in CNY by a separate "
            "AWS partition and are not included."
        </p>
        <ul>
            {SOURCES.iter().map(|s| view! {
                <li><a href=s.url>{s.title}</a>" — "{s.date}</li>
            }).collect_view()}
        </ul>
        <h2>"License"</h2>
        <p>"Lambda Lab is free software under the MIT or Apache-2.0 license, at your choice. AWS and AWS Lambda are trademarks of Amazon.com, Inc.; this site is not affiliated with Amazon."</p>
    }
}

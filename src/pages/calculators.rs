use crate::app::set_title;
use crate::paths::href;
use leptos::prelude::*;

#[component]
pub fn Calculators() -> impl IntoView {
    set_title("Calculators");
    view! {
        <h1>"Calculators"</h1>
        <p class="lede">
            "Each calculator is a pure function from named parameters to named metrics. Its state lives in the URL, "
            "so every result is a link you can share, and the same names work in the JSON export and the "
            <code>"lambda-lab"</code>" command line."
        </p>
        <ul class="cards">
            <li class="card">
                <h2><a href=href("/calculators/cost")>"Cost"</a></h2>
                <p>"What one function costs per month, line by line, with the arithmetic shown and where AWS's own examples are off."</p>
            </li>
            <li class="card">
                <h2><a href=href("/calculators/power")>"Power tuning"</a></h2>
                <p>"The right memory size without deploying anything: from a description, measured points, CloudWatch REPORT lines or a Power Tuning link, re-priced exactly."</p>
            </li>
            <li class="card">
                <h2><a href=href("/calculators/cold-start")>"Cold start"</a></h2>
                <p>"How slow a cold start is for your runtime, package and init work, where the time goes, and how runtimes compare (measured data)."</p>
            </li>
            <li class="card">
                <h2><a href=href("/calculators/traffic")>"Traffic simulator"</a></h2>
                <p>"Simulate millions of requests in your browser: cold starts, throttling, latency percentiles, concurrency, cost, and the cheapest provisioned concurrency."</p>
            </li>
            <li class="card">
                <h2><a href=href("/calculators/account")>"Account"</a></h2>
                <p>"Several functions priced together, sharing the free tier and the duration tiers per region and architecture."</p>
            </li>
        </ul>
    }
}

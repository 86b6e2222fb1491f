use crate::app::set_title;
use crate::components::FigureValue;
use crate::format;
use crate::paths::href;
use lambda_model::metrics::MetricValue;
use lambda_model::pricing::{COST_PARAMS, evaluate};
use lambda_model::scenario::Values;
use leptos::prelude::*;

/// The home page opens on a worked default: AWS's own mobile-backend example,
/// priced live by the engine.
#[component]
pub fn Home() -> impl IntoView {
    set_title("");
    let mut v = Values::defaults(COST_PARAMS);
    for (k, val) in [("memory_mb", "1536"), ("duration_ms", "120"), ("requests", "3000000")] {
        let _ = v.set(k, val);
    }
    let example = evaluate(&v, crate::today()).ok();
    let link = format!("{}?{}", href("/calculators/cost"), v.to_query());
    view! {
        <h1>"What will your Lambda function cost, and how do you make it fast?"</h1>
        <p class="lede">
            "Exact AWS Lambda prices for every region, with the arithmetic shown. Everything runs in your browser: "
            "no server, no account, no tracking."
        </p>
        {example.map(|r| view! {
            <section class="card" aria-labelledby="example-h">
                <h2 id="example-h">"A worked example"</h2>
                <p>
                    "A mobile backend on x86_64 in us-east-1 with 1,536 MB, 120 ms per request and 3 million requests a month costs "
                    <strong><FigureValue metric="total_usd" value=MetricValue::Usd(r.total) text=format::usd(r.total.as_f64()) /></strong>
                    " a month with the free tier: "
                    <FigureValue metric="duration_usd" value=MetricValue::Usd(r.lines.duration_usd) text=format::usd(r.lines.duration_usd.as_f64()) />
                    " of duration and "
                    <FigureValue metric="request_usd" value=MetricValue::Usd(r.lines.request_usd) text=format::usd(r.lines.request_usd.as_f64()) />
                    " of requests."
                </p>
                <p><a class="button primary" href=link>"Open it in the cost calculator"</a></p>
            </section>
        })}
        <ul class="cards">
            <li class="card">
                <h2>"Cost calculator"</h2>
                <p>"Every billing rule: tiers, free tier, INIT billing, provisioned concurrency, SnapStart, streaming, Lambda@Edge."</p>
                <a href=href("/calculators/cost")>"Price a function"</a>
            </li>
            <li class="card">
                <h2>"Power tuning"</h2>
                <p>"Which memory size is cheapest, and which is fastest, predicted from what you already measured."</p>
                <a href=href("/calculators/power")>"Find the right size"</a>
            </li>
            <li class="card">
                <h2>"Cold starts and traffic"</h2>
                <p>"How slow a cold start is for your runtime, and how often real traffic meets one: a simulator that prices the result."</p>
                <a href=href("/calculators/traffic")>"Simulate your traffic"</a>
            </li>
            <li class="card">
                <h2>"Lessons"</h2>
                <p>"Step-by-step lessons on Lambda cost and speed, with live calculators, questions to check yourself, and corrections of popular but wrong advice."</p>
                <a href=href("/lessons")>"Start learning"</a>
            </li>
            <li class="card">
                <h2>"Account view"</h2>
                <p>"Several functions on one bill, sharing the free tier and the duration tiers."</p>
                <a href=href("/calculators/account")>"Price an account"</a>
            </li>
        </ul>
    }
}

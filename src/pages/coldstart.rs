//! `/calculators/cold-start`: how slow a cold start is and where the time
//! goes, from measured Init durations (lambda-perf) and the cold-start model.

use crate::chart::StackedBar;
use crate::components::{
    CalcState, ErrorSummary, Evaluation, Field, Handoff, Reading, TableRegion, Toolbar, inputs_form, kpis, layout,
    shown,
};
use crate::format;
use lambda_model::models::coldstart::{self, COLDSTART_PARAMS, ColdResult};
use lambda_site::embed::Part;
use leptos::html::Canvas;
use leptos::prelude::*;

/// A parameter name of [`COLDSTART_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        lambda_model::param!(COLDSTART_PARAMS, $name)
    };
}

#[component]
pub fn ColdStartPage() -> impl IntoView {
    let state = CalcState::from_url(COLDSTART_PARAMS);
    let eval = Evaluation::new(state, coldstart::evaluate);
    let cross = eval.cross;
    state.sync_url();
    let fields =
        COLDSTART_PARAMS.iter().map(|spec| view! { <Field spec=spec state=state cross=cross /> }).collect_view();
    view! {
        <div class=layout().calc_class()>
            {inputs_form("Cold-start parameters", Some((state, cross)), None, move || view! {
                <fieldset><legend>"Function"</legend>{fields}</fieldset>
            })}
            <section class="results" aria-labelledby="cold-results-h">
                <h2 id="cold-results-h" class="sr-only">"Results"</h2>
                <ErrorSummary state=state cross=cross />
                {eval.view("Fix the inputs to see the cold start.", move |result| view! { <ColdResults state=state result=result /> })}
            </section>
        </div>
    }
}

pub const KPIS: &[(&str, &str, Reading)] = &[
    ("Init p50", "init_p50_ms", Reading::Ms(0)),
    ("Init p99", "init_p99_ms", Reading::Ms(0)),
    ("Cold start seen by the client, p50", "cold_latency_p50_ms", Reading::Ms(0)),
    ("… p99", "cold_latency_p99_ms", Reading::Ms(0)),
    ("First invocation extra", "first_invoke_extra_ms", Reading::Ms(0)),
    ("Billed Init per cold start", "billed_init_ms", Reading::Ms(0)),
];

const PARTS: [&str; 4] = ["Platform (outside Init)", "VPC", "Init", "First invocation extra"];

#[component]
fn ColdResults(state: CalcState, result: Memo<ColdResult>) -> impl IntoView {
    let metrics = Memo::new(move |_| result.with(|r| r.metrics()));
    let breakdown = Memo::new(move |_| {
        result.with(|r| {
            let p = r.mean_parts;
            vec![StackedBar {
                label: "Mean cold start".into(),
                values: vec![p.platform, p.vpc, p.init, p.first_invoke],
                total_text: format!("{} ms", format::number(p.total(), 0)),
            }]
        })
    });
    let comparison = Memo::new(move |_| {
        result.with(|r| {
            let mut rows: Vec<StackedBar> = r
                .comparison
                .iter()
                .map(|(slug, p50, p99)| StackedBar {
                    label: slug.to_string(),
                    values: vec![*p50, (p99 - p50).max(0.0)],
                    total_text: format!("{} / {} ms", format::number(*p50, 0), format::number(*p99, 0)),
                })
                .collect();
            rows.sort_by(|a, b| a.values[0].total_cmp(&b.values[0]));
            rows
        })
    });
    let canvas_a = NodeRef::<Canvas>::new();
    let canvas_b = NodeRef::<Canvas>::new();
    crate::chart::redraw_memo(canvas_a, breakdown, |c, b| crate::chart::draw_stacked_bars(c, b));
    crate::chart::redraw_memo(canvas_b, comparison, |c, b| crate::chart::draw_stacked_bars(c, b));
    let summary_a = move || {
        result.with(|r| {
        let p = r.mean_parts;
        format!(
            "A cold start of {} takes {} ms on average: {} ms outside Init, {} ms of VPC, {} ms of Init and {} ms of extra first-invocation work; half are faster than {} ms and 1 in 100 slower than {} ms.",
            r.model.slug, format::number(p.total(), 0), format::number(p.platform, 0), format::number(p.vpc, 0),
            format::number(p.init, 0), format::number(p.first_invoke, 0), format::number(r.latency_p50, 0), format::number(r.latency_p99, 0)
        )
    })
    };
    let summary_b = move || {
        comparison.with(|c| match (c.first(), c.last()) {
        (Some(a), Some(b)) => format!(
            "Measured hello-world Init medians range from {} ms ({}) to {} ms ({}) on this architecture and package type; the dark part of each bar is the median, the light part reaches the 99th percentile.",
            format::number(a.values[0], 0), a.label, format::number(b.values[0], 0), b.label
        ),
        _ => String::new(),
    })
    };
    view! {
        {shown(Part::Result, move || view! {
        {kpis(metrics.into(), KPIS)}

        <p class="hint">
            "Init has been billed for every on-demand cold start since 2025-08-01, zip packages on managed runtimes included. "
            {move || result.with(|r| (r.init_capped_share > 0.0).then(|| format!(
                "{:.0}% of these cold starts hit the 10-second Init limit: Init is then retried inside the first invocation.", r.init_capped_share * 100.0
            )))}
        </p>
        })}
        {shown(Part::Chart, move || view! {
        <figure class="chart">
            <div class="chart-box short"><canvas node_ref=canvas_a role="img" aria-labelledby="cold-breakdown-summary"></canvas></div>
            <figcaption id="cold-breakdown-summary" data-testid="cold-breakdown-summary">{summary_a}</figcaption>
            <ul class="legend" aria-hidden="true">
                {PARTS.iter().enumerate().map(|(i, s)| view! { <li><span class=format!("swatch c{}", i % 8 + 1)></span>{*s}</li> }).collect_view()}
            </ul>
            <TableRegion><table>
                <caption>"Where the cold start goes (mean, ms)"</caption>
                <tbody>{move || result.with(|r| {
                    let p = r.mean_parts;
                    [p.platform, p.vpc, p.init, p.first_invoke].iter().zip(PARTS).map(|(v, l)| view! {
                        <tr><th scope="row">{l}</th><td class="num">{format::number(*v, 1)}</td></tr>
                    }).collect_view()
                })}</tbody>
            </table></TableRegion>
        </figure>
        })}
        {shown(Part::Table, move || view! {
        <h3>"Runtimes compared"</h3>
        <figure class="chart">
            <div class="chart-box runtimes"><canvas node_ref=canvas_b role="img" aria-labelledby="runtime-summary"></canvas></div>
            <figcaption id="runtime-summary">{summary_b}</figcaption>
            <details>
                <summary>"Runtime data table"</summary>
                <TableRegion><table data-testid="runtime-table">
                    <caption>"Init Duration by runtime (ms), lambda-perf 2026-07-24 to 08-22"</caption>
                    <thead><tr><th scope="col">"Runtime"</th><th scope="col" class="num">"p50"</th><th scope="col" class="num">"p99"</th></tr></thead>
                    <tbody>{move || comparison.get().into_iter().map(|b| view! {
                        <tr><th scope="row">{b.label.clone()}</th><td class="num">{format::number(b.values[0], 0)}</td><td class="num">{format::number(b.values[0] + b.values[1], 0)}</td></tr>
                    }).collect_view()}</tbody>
                </table></TableRegion>
            </details>
        </figure>
        })}
        <Toolbar state=state calculator="coldstart" metrics=Signal::derive(move || metrics.get()) />
        <nav class="handoffs" aria-label="Take this function to another calculator">
            <Handoff state=state to=&lambda_model::calculators::SIMULATE label="Simulate traffic with these cold starts" overrides=vec![("init_ms", "0".to_string())] hint="Opens the traffic simulator with this runtime, architecture and memory; each cold start is drawn from this model." />
            <Handoff state=state to=&lambda_model::calculators::COST label="Price these cold starts"
                overrides=Signal::derive(move || result.with(|r| vec![
                    ("init_ms", lambda_model::params::fmt_round(r.billed_init_ms, 3)),
                    ("runtime", lambda_model::rates::runtimes::aws_id(state.values.with(|v| v.text(p!("runtime")).to_string()).as_str()).to_string()),
                ]))
                hint="Opens the cost calculator with the mean billed Init per cold start." />
        </nav>
    }
}

//! `/calculators/cost`: the cost calculator. Every parameter is a labelled
//! native input; all state lives in the URL; every figure carries
//! `data-metric` and its exact `data-value`.

use crate::components::{
    CalcState, ErrorSummary, Evaluation, FigureValue, Handoff, MathDetails, PinnedPrices, Reading, RequestsField,
    TableRegion, Toolbar, at_todays_prices, fields, inputs_form, kpis, layout, metric_of, shown,
};
use crate::cost_view::{self, WhatIf};
use crate::format;
use crate::paths::href;
use lambda_model::billing::{self, COST_PARAMS, CostResult};
use lambda_model::calculators::cost;
use lambda_model::params::metrics::MetricValue;
use lambda_site::embed::Part;
use leptos::html::Canvas;
use leptos::prelude::*;

pub const KPIS: &[(&str, &str, Reading)] = &[
    ("Per invocation", "per_invocation_usd", Reading::UsdSmall),
    ("Per million invocations", "per_million_usd", Reading::Usd),
    ("GB-seconds", "gb_seconds", Reading::Num(3)),
    ("Billed requests", "billed_requests", Reading::Num(3)),
];
pub const BASIC: &[&str] = &["region", "arch", "memory_mb", "duration_ms", "duration_cv", "duration_p99_ms"];
pub const STARTUP: &[&str] = &["cold_start_ratio", "init_ms", "package", "runtime", "billing_date", "ephemeral_mb"];
pub const ADVANCED: &[(&str, &[&str])] = &[
    ("Provisioned concurrency", &["pc_units", "pc_hours", "pc_requests", "pc_duration_ms"]),
    ("SnapStart", &["snapstart", "snapstart_hours", "restore_ratio"]),
    ("Streaming and asynchronous events", &["stream_gb", "async_event_kb"]),
    ("Lambda@Edge and Savings Plans", &["edge", "savings_plan_pct"]),
    ("Tenant isolation", &["tenant_environments"]),
    (
        "Durable functions",
        &[
            "durable_executions",
            "durable_ops_per_execution",
            "durable_kb_per_execution",
            "durable_days",
            "durable_retention_days",
        ],
    ),
    ("Event source mappings in provisioned mode", &["sqs_poller_hours", "kafka_poller_hours"]),
    (
        "Front door, logs and network",
        &[
            "front_door",
            "payload_kb",
            "rest_cache_gb",
            "alb_rules",
            "alb_connections_per_s",
            "alb_active_connections",
            "log_kb_per_invocation",
            "log_retention_days",
            "egress_gb",
            "nat_gb",
            "nat_hours",
        ],
    ),
];

#[component]
pub fn CostPage() -> impl IntoView {
    let layout = layout();
    let state = CalcState::from_url(COST_PARAMS).with_help(billing::cost_help);
    let today = crate::today();
    let eval = Evaluation::new(state, move |v| cost::evaluate(v, today));
    let (evaluated, cross) = (eval.evaluated, eval.cross);
    let what_ifs = Memo::new(move |_| {
        if evaluated.with(|e| e.is_err()) {
            return Vec::new();
        }
        state.values.with(|v| cost_view::what_ifs(v, today))
    });
    state.sync_url();

    let fields = move |names: &'static [&'static str]| fields(state, cross, names);

    view! {
        <div class=layout.calc_class()>
            {inputs_form("Cost parameters", Some((state, cross)), None, move || view! {
                <fieldset>
                    <legend>"Function"</legend>
                    {fields(BASIC)}
                    <RequestsField state=state cross=cross />
                    {fields(&["free_tier"])}
                </fieldset>
                <fieldset>
                    <legend>"Cold starts and storage"</legend>
                    {fields(STARTUP)}
                </fieldset>
                {ADVANCED
                    .iter()
                    .map(|(title, names)| {
                        let open = move || state.values.with(|v| names.iter().any(|n| v.get(n) != &v.spec(n).map(|s| s.default_value()).unwrap_or(lambda_model::params::Value::Bool(false))));
                        view! {
                            <details class="advanced" open=open>
                                <summary>{*title}</summary>
                                {fields(names)}
                            </details>
                        }
                    })
                    .collect_view()}
            })}
            <section class="results" aria-labelledby="results-h">
                <h2 id="results-h" class="sr-only">"Results"</h2>
                <ErrorSummary state=state cross=cross />
                {eval.view("Fix the inputs above to see a price.", move |result| view! {
                    <CostResults result=result what_ifs=what_ifs stale=eval.stale() />
                })}
                <PinnedPrices state=state today=at_todays_prices(state, move |v| cost::evaluate(v, today).ok().map(|r| format!("{} a month", crate::format::usd(r.total.as_f64())))) />
                <Toolbar state=state calculator="cost" metrics=Signal::derive(move || evaluated.with(|e| e.as_ref().map(|r| r.metrics()).unwrap_or_default())) />
                <nav class="handoffs" aria-label="Take this function to another calculator">
                    <Handoff state=state to=&lambda_model::calculators::SIMULATE label="Simulate this traffic" hint="Requests per month become requests per second (a month is 730 hours); duration, memory, region and Init travel with them." />
                    {move || {
                        let daily = state.carried.with_value(|c| state.values.with(|v| lambda_model::calculators::profile::daily_cycle(v, c)));
                        daily.map(|o| view! {
                            <Handoff state=state to=&lambda_model::calculators::SIMULATE label="Simulate a daily cycle" overrides=o hint="The same mean rate, swinging over one whole simulated day." />
                        })
                    }}
                    <Handoff state=state to=&lambda_model::calculators::POWER label="Tune memory" hint="Opens the power explorer with this size and duration as its measurement." />
                    <Handoff state=state to=&lambda_model::calculators::LMI label="Compare with Managed Instances"
                        overrides=Signal::derive(move || state.values.with(lambda_model::calculators::profile::lmi_overrides))
                        hint="Opens the Managed Instances calculator with this workload: requests, duration, region, architecture and the function's memory for the on-demand side." />
                    <Handoff state=state to=&lambda_model::calculators::PLATFORMS label="Compare platforms"
                        overrides=Signal::derive(move || state.values.with(lambda_model::calculators::profile::platforms_overrides_from_cost))
                        hint="Opens the platforms calculator with this workload: the function beside Managed Instances, Fargate and EC2, and where each costs less." />
                </nav>
                {(!layout.compact).then(|| view! { <AccountLink state=state /> })}
            </section>
        </div>
    }
}

/// The results, mounted once and updated in place: each figure is its own
/// reactive text and attribute, so a keystroke touches only what changed.
#[component]
fn CostResults(result: Memo<CostResult>, what_ifs: Memo<Vec<WhatIf>>, stale: Signal<bool>) -> impl IntoView {
    let metrics = Memo::new(move |_| result.with(|r| r.metrics()));
    let get = move |name: &'static str| metric_of(metrics.into(), name);
    let usd_text = |v: Signal<MetricValue>| Signal::derive(move || format::usd(v.get().as_f64().unwrap_or(0.0)));
    let total = get("total_usd");
    let summary = Memo::new(move |_| result.with(|r| what_ifs.with(|w| cost_view::summary(r, w))));
    let bars = Memo::new(move |_| result.with(|r| what_ifs.with(|w| cost_view::bars(r, w))));
    let series = result.with_untracked(cost_view::series_names);
    let canvas = NodeRef::<Canvas>::new();
    crate::chart::redraw_memo(canvas, bars, |c, b| crate::chart::draw_stacked_bars(c, b));
    let line_names = result.with_untracked(|r| r.lines.items().map(|(n, l, _)| (n, l)));
    let series_for_table = series.clone();
    view! {
        {shown(Part::Result, move || view! {
        <div class="result-card" class:stale=move || stale.get() aria-live="polite">
            <p class="kpi-label">"Monthly total"</p>
            <p class="big-number">
                <FigureValue metric="total_usd" value=total text=usd_text(total) />
            </p>
            {move || result.with(|r| r.leaves_out()).map(|t| view! { <p class="note" data-testid="leaves-out">{t}</p> })}
            {kpis(metrics.into(), KPIS)}
        </div>
        })}
        {shown(Part::Table, move || view! {
        <TableRegion>
            <table class="breakdown">
                <caption>"Breakdown per month"</caption>
                <thead><tr><th scope="col">"Line"</th><th scope="col" class="num">"Amount"</th></tr></thead>
                <tbody>
                    {line_names
                        .into_iter()
                        .map(|(name, label)| {
                            let v = get(name);
                            // The savings line is shown as a deduction.
                            let shown_text = Signal::derive(move || {
                                let Some(x) = v.get().as_f64() else {
                                    return result.with(|r| {
                                        let regions: Vec<&str> = r.unpriced.iter().filter(|u| u.line == name).map(|u| u.region).collect();
                                        format!("not priced in {}", regions.join(", "))
                                    });
                                };
                                // (A zero saving is "$0.00", not "−$0.00".)
                                format::usd(if name == "savings_usd" && x > 0.0 { -x } else { x })
                            });
                            view! {
                                <tr class:zero=move || v.get().as_f64() == Some(0.0)>
                                    <th scope="row">{label}</th>
                                    <td class="num"><FigureValue metric=name value=v text=shown_text /></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                    <tr class="total-row">
                        <th scope="row">"Total"</th>
                        <td class="num">{move || usd_text(total).get()}</td>
                    </tr>
                </tbody>
            </table>
        </TableRegion>
        <h3>"What if"</h3>
        <div class="whatif">
            {move || what_ifs.get().into_iter().map(|w| view! { <WhatIfCard w=w base=total.get() /> }).collect_view()}
        </div>
        })}
        {shown(Part::Chart, move || view! {
        <figure class="chart">
            <div class="chart-box">
                <canvas node_ref=canvas role="img" aria-labelledby="cost-chart-summary"></canvas>
            </div>
            <figcaption id="cost-chart-summary" data-testid="cost-chart-summary">{move || summary.get()}</figcaption>
            <ul class="legend" aria-hidden="true">
                // Only the lines some bar has: eight swatches for three costs mislead.
                {move || bars.with(|b| cost_view::used_series(b)).into_iter().map(|i| view! { <li><span class=format!("swatch c{}", i % 15 + 1)></span>{series[i]}</li> }).collect_view()}
            </ul>
            <details>
                <summary>"Chart data table"</summary>
                <TableRegion>
                    <table>
                        <caption>"Monthly cost by line, per scenario (USD)"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Scenario"</th>
                                {series_for_table.iter().map(|s| view! { <th scope="col" class="num">{*s}</th> }).collect_view()}
                                <th scope="col" class="num">"Total"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || bars.get().into_iter().map(|b| view! {
                                <tr>
                                    <th scope="row">{b.label.clone()}</th>
                                    {b.values.iter().map(|v| view! { <td class="num">{format::usd(*v)}</td> }).collect_view()}
                                    <td class="num">{b.total_text.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableRegion>
            </details>
        </figure>
        })}
        {shown(Part::Math, move || view! {
            <MathDetails
                math=Signal::derive(move || result.with(|r| r.math().join("\n")))
                notes=Signal::derive(move || result.with(|r| r.notes.clone()))
                assumptions=Signal::derive(move || result.with(|r| r.assumptions.clone())) />
        })}
    }
}

#[component]
fn WhatIfCard(w: WhatIf, base: MetricValue) -> impl IntoView {
    let metric = format!("whatif_{}_total_usd", w.key);
    match w.result {
        Some(r) => {
            let t = r.total.as_f64();
            let b = base.as_f64().unwrap_or(0.0);
            let delta = t - b;
            let rel = if delta.abs() < 0.005 {
                "the same".to_string()
            } else if delta < 0.0 {
                format!("{} less", format::usd(-delta))
            } else {
                format!("{} more", format::usd(delta))
            };
            view! {
                <div class="card">
                    <p class="kpi-label">{w.label}</p>
                    <p class="value"><FigureValue metric=metric value=MetricValue::Usd(r.total) text=format::usd(t) /></p>
                    <p class="hint">{rel}</p>
                </div>
            }
            .into_any()
        }
        None => view! {
            <div class="card">
                <p class="kpi-label">{w.label}</p>
                <p class="hint">{w.why_not.unwrap_or_default()}</p>
            </div>
        }
        .into_any(),
    }
}

/// Link into the account view with this function added.
#[component]
fn AccountLink(state: CalcState) -> impl IntoView {
    let link = move || {
        let q = state.values.with(|v| v.to_query());
        format!("{}?f={}", href("/calculators/account/"), String::from(js_sys::encode_uri_component(&q)))
    };
    view! {
        <p>
            <a href=link>"Price this function together with others (account view) →"</a>
        </p>
    }
}

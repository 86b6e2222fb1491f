//! `/calculators/managed-instances`: what a workload costs on Lambda Managed
//! Instances, the same workload as on-demand functions, and the traffic from
//! which Managed Instances cost less (the crossover), drawn and tabulated.

use crate::chart::Line;
use crate::components::{
    CalcState, ChartFigure, ErrorSummary, Evaluation, FigureValue, Handoff, MathDetails, Reading, TableRegion, Toolbar,
    fields, inputs_form, kpis, layout, shown, usd_row,
};
use crate::format;
use lambda_model::calculators::managed_instances::{self as lmi, LMI_PARAMS, LmiResult};
use lambda_model::params::fmt_num;
use lambda_model::params::metrics::MetricValue;
use lambda_site::embed::Part;
use leptos::html::Canvas;
use leptos::prelude::*;

pub const WORKLOAD: &[&str] = &[
    "requests",
    "duration_ms",
    "peak_to_mean",
    "runtime_family",
    "memory_mb",
    "cpu_share_pct",
    "concurrency_per_vcpu",
];
pub const INSTANCES: &[&str] = &["region", "instance_type", "memory_per_vcpu_gb", "ec2_discount_pct", "instance_hours"];
pub const ASSUMPTIONS: &[&str] = &["headroom_pct", "min_environments", "reserved_vcpus", "reserved_gb"];
pub const COMPARISON: &[&str] = &["function_memory_mb", "arch", "free_tier"];

pub const KPIS: &[(&str, &str, Reading)] = &[
    ("On-demand functions, same workload", "lambda_usd", Reading::Usd),
    ("Instances", "instances", Reading::Num(0)),
    ("Instance-hours", "instance_hours", Reading::Num(2)),
    ("Cheaper from (requests/s)", "crossover_rps", Reading::Num(2)),
];

#[component]
pub fn ManagedInstancesPage() -> impl IntoView {
    let state = CalcState::from_url(LMI_PARAMS);
    let eval = Evaluation::new(state, lmi::evaluate);
    let cross = eval.cross;
    state.sync_url();
    let fields = move |names: &'static [&'static str]| fields(state, cross, names);
    let open = move || {
        state.values.with(|v| ASSUMPTIONS.iter().any(|n| v.spec(n).is_some_and(|s| *v.get(n) != s.default_value())))
    };
    view! {
        <div class=layout().calc_class()>
            {inputs_form("Managed Instances parameters", Some((state, cross)), None, move || view! {
                <fieldset><legend>"Workload"</legend>{fields(WORKLOAD)}</fieldset>
                <fieldset><legend>"Instances"</legend>{fields(INSTANCES)}</fieldset>
                <details class="advanced" open=open>
                    <summary>"Capacity assumptions"</summary>
                    {fields(ASSUMPTIONS)}
                </details>
                <fieldset><legend>"Compared with on-demand functions"</legend>{fields(COMPARISON)}</fieldset>
            })}
            <section class="results" aria-labelledby="lmi-results-h">
                <h2 id="lmi-results-h" class="sr-only">"Results"</h2>
                <ErrorSummary state=state cross=cross />
                {eval.view("Fix the inputs to see the cost.", move |result| view! { <LmiResults state=state result=result /> })}
                <Toolbar state=state calculator="lmi" metrics=Signal::derive(move || eval.evaluated.with(|e| e.as_ref().map(|r| r.metrics()).unwrap_or_default())) />
            </section>
        </div>
    }
}

/// The sentence under the chart: where the function is, and where the lines cross.
fn summary(r: &LmiResult) -> String {
    let here = format!(
        "At this traffic, {} requests/s, Managed Instances cost {} a month and on-demand functions {}.",
        format::number(r.capacity.mean_rps, 2),
        format::usd(r.bill.total_usd.as_f64()),
        format::usd(r.lambda_usd.as_f64())
    );
    let here = if r.input.instance_hours > 0.0 {
        format!(
            "{here} The lines size the instances with the capacity model at every traffic level; the instance-hours you gave price this traffic only."
        )
    } else {
        here
    };
    let (lo, hi) = lmi::RPS_RANGE;
    match r.crossover_rps {
        Some(x) if x <= lo => {
            format!("{here} Managed Instances cost no more at every traffic level from {lo} requests/s.")
        }
        Some(x) => format!(
            "{here} The lines cross at about {} requests/s ({} requests a month): below it on-demand functions cost less, above it Managed Instances do.",
            format::number(x, 2),
            format::number(lmi::requests_at(x) as f64, 0)
        ),
        None => format!(
            "{here} On-demand functions cost less at every traffic level from {lo} to {} requests/s: {} instances are the floor ({} a month), and each request per second adds more on Managed Instances than on functions.",
            format::number(hi, 0),
            r.input.min_environments,
            format::usd(r.points.first().map_or(0.0, |p| p.lmi_usd.as_f64()))
        ),
    }
}

#[component]
fn LmiResults(state: CalcState, result: Memo<LmiResult>) -> impl IntoView {
    let metrics = Memo::new(move |_| result.with(|r| r.metrics()));
    let lines = Memo::new(move |_| {
        result.with(|r| {
            let pts = |f: fn(&lmi::Point) -> f64| r.points.iter().map(|p| (p.rps, f(p).max(0.01))).collect();
            (
                vec![
                    Line {
                        name: "Managed Instances".into(),
                        points: pts(|p| p.lmi_usd.as_f64()),
                        color: 1,
                        thick: true,
                    },
                    Line {
                        name: "On-demand functions".into(),
                        points: pts(|p| p.lambda_usd.as_f64()),
                        color: 2,
                        thick: false,
                    },
                ],
                r.capacity.mean_rps,
            )
        })
    });
    let canvas = NodeRef::<Canvas>::new();
    crate::chart::redraw_memo(canvas, lines, |c, (l, here)| {
        crate::chart::draw_lines_log(c, l, ("requests per second", "USD per month"), Some(*here))
    });
    let total = Signal::derive(move || MetricValue::Usd(result.with(|r| r.bill.total_usd)));
    let line = move |label: &'static str, metric: &'static str, f: fn(&LmiResult) -> lambda_model::base::money::Usd| {
        usd_row(label, metric, Signal::derive(move || MetricValue::Usd(result.with(f))))
    };
    view! {
        {shown(Part::Result, move || view! {
        <div class="result-card" aria-live="polite">
            <p class="kpi-label">"Managed Instances per month"</p>
            <p class="big-number"><FigureValue metric="total_usd" value=total text=Signal::derive(move || format::usd(total.get().as_f64().unwrap_or(0.0))) /></p>
            {kpis(metrics.into(), KPIS)}
            <p class="hint" data-testid="lmi-capacity">{move || result.with(|r| {
                let c = &r.capacity;
                if r.input.instance_hours > 0.0 {
                    format!("{} instance-hours as given; the capacity model would run {} × {} all month.", fmt_num(r.input.instance_hours), c.instances, r.input.instance_type)
                } else {
                    format!(
                        "{} invocations in flight at the peak, {} per environment: {} environments, {} per {}, so {} instances all month.",
                        format::number(c.peak_concurrency, 1), c.per_env, c.environments, c.envs_per_instance, r.input.instance_type, c.instances
                    )
                }
            })}</p>
            <p class="hint" data-testid="lmi-on-demand">
                {move || result.with(|r| format!(
                    "The on-demand side is {} MB {} functions in {}, priced by the cost calculator at the mean duration (no spread, no cold starts), free tier {}, without a front door, logs or data out. ",
                    r.input.function_memory_mb,
                    r.input.arch.name(),
                    r.input.region,
                    if r.input.free_tier { "on" } else { "off" }
                ))}
                <Handoff state=state to=&lambda_model::calculators::COST label="Every line in the cost calculator"
                    overrides=Signal::derive(move || result.with(|r| vec![("memory_mb", r.input.function_memory_mb.to_string())]))
                    hint="Opens the cost calculator with the same function, where cold starts, a front door, logs and data out can be added." />
            </p>
        </div>
        })}
        {shown(Part::Table, move || view! {
        <TableRegion>
            <table class="breakdown">
                <caption>"Managed Instances per month"</caption>
                <thead><tr><th scope="col">"Line"</th><th scope="col" class="num">"Amount"</th></tr></thead>
                <tbody>
                    {line("EC2 instances", "ec2_usd", |r| r.bill.ec2_usd)}
                    {line("Management fee (15% of on-demand)", "fee_usd", |r| r.bill.fee_usd)}
                    {line("Requests", "request_usd", |r| r.bill.request_usd)}
                    <tr class="total-row"><th scope="row">"Total"</th><td class="num">{move || format::usd(total.get().as_f64().unwrap_or(0.0))}</td></tr>
                </tbody>
            </table>
        </TableRegion>
        })}
        {shown(Part::Chart, move || view! {
        <ul class="legend" aria-hidden="true">
            <li><span class="swatch c1"></span>"Managed Instances"</li>
            <li><span class="swatch c2"></span>"On-demand functions"</li>
        </ul>
        <ChartFigure canvas=canvas id="lmi-chart-summary" caption=move || result.with(summary)
            hint="Both axes are logarithmic. The thick line is Managed Instances, the thin one on-demand functions; the dashes mark this traffic. A month under $0.01 is drawn at $0.01."
            table="Chart data table">
            <table data-testid="lmi-table">
                <caption>"Monthly cost against traffic (USD)"</caption>
                <thead><tr>
                    <th scope="col" class="num">"Requests/s"</th>
                    <th scope="col" class="num">"Requests a month"</th>
                    <th scope="col" class="num">"Managed Instances"</th>
                    <th scope="col" class="num">"On-demand functions"</th>
                    <th scope="col">"Cheaper"</th>
                </tr></thead>
                <tbody>{move || result.with(|r| r.points.iter().map(|p| view! {
                    <tr>
                        <th scope="row" class="num">{format::number(p.rps, 2)}</th>
                        <td class="num">{format::number(lmi::requests_at(p.rps) as f64, 0)}</td>
                        <td class="num">{format::usd(p.lmi_usd.as_f64())}</td>
                        <td class="num">{format::usd(p.lambda_usd.as_f64())}</td>
                        <td>{if p.lmi_usd <= p.lambda_usd { "Managed Instances" } else { "Functions" }}</td>
                    </tr>
                }).collect_view())}</tbody>
            </table>
        </ChartFigure>
        })}
        {shown(Part::Math, move || view! {
            <MathDetails
                math=Signal::derive(move || result.with(|r| r.math().join("\n")))
                notes=Signal::derive(move || result.with(|r| r.notes.clone()))
                assumptions=Signal::derive(move || result.with(|r| r.assumptions())) />
        })}
        <nav class="handoffs" aria-label="Take this function to another calculator">
            <Handoff state=state to=&lambda_model::calculators::COST label="Price as an on-demand function"
                overrides=Signal::derive(move || result.with(|r| vec![
                    ("memory_mb", r.input.function_memory_mb.to_string()),
                    ("arch", r.input.shape.arch.name().to_string()),
                ]))
                hint="Opens the cost calculator with this traffic, duration and region, at the comparison's memory and the instance's architecture." />
            <Handoff state=state to=&lambda_model::calculators::PLATFORMS label="Compare with Fargate and EC2"
                overrides=Signal::derive(move || state.values.with(lambda_model::calculators::profile::platforms_overrides_from_lmi))
                hint="Opens the platforms calculator with this workload and these instances: the same comparison beside Fargate tasks and EC2 behind a load balancer." />
        </nav>
    }
}

//! `/calculators/platforms`: one workload priced as Lambda functions, on
//! Managed Instances, as Fargate tasks and as EC2 instances behind a load
//! balancer; where each crosses Lambda, drawn on log-log axes and tabulated.

use crate::chart::Line;
use crate::components::{
    CalcState, ChartFigure, ErrorSummary, Evaluation, FigureValue, Handoff, MathDetails, PinnedPrices, Reading,
    TableRegion, Toolbar, at_todays_prices, fields, inputs_form, kpis, layout, metric_of, shown,
};
use crate::format;
use lambda_model::calculators::managed_instances as lmi;
use lambda_model::calculators::platforms::{self, PLATFORMS_PARAMS, Platform, PlatformsResult};
use lambda_model::params::metrics::MetricValue;
use lambda_model::params::{fmt_num, round_to};
use lambda_site::embed::Part;
use leptos::html::Canvas;
use leptos::prelude::*;

pub const WORKLOAD: &[&str] =
    &["region", "arch", "requests", "duration_ms", "duration_cv", "memory_mb", "peak_to_mean", "cpu_share_pct"];
pub const LAMBDA: &[&str] = &["free_tier", "savings_plan_pct"];
pub const FARGATE: &[&str] = &["fargate_vcpu", "fargate_gb", "fargate_tasks", "fargate_discount_pct"];
pub const FARGATE_MODEL: &[&str] = &["fargate_cpu_target_pct", "fargate_min_tasks", "fargate_storage_gb"];
pub const INSTANCES: &[&str] = &["ec2_instance_type", "runtime_family", "env_memory_mb", "ec2_discount_pct"];
pub const INSTANCE_MODEL: &[&str] = &[
    "memory_per_vcpu_gb",
    "concurrency_per_vcpu",
    "headroom_pct",
    "min_environments",
    "reserved_vcpus",
    "reserved_gb",
];
pub const DOOR: &[&str] = &["load_balancer", "payload_kb"];

pub const KPIS: &[(&str, &str, Reading)] = &[
    ("Lambda on demand", "lambda_usd", Reading::Usd),
    ("Managed Instances", "lmi_usd", Reading::Usd),
    ("Fargate", "fargate_usd", Reading::Usd),
    ("EC2 + load balancer", "ec2_usd", Reading::Usd),
];

/// Chart colours by line: Lambda, then [`Platform::ALL`].
const COLORS: [usize; 4] = [2, 1, 3, 4];

#[component]
pub fn PlatformsPage() -> impl IntoView {
    let state = CalcState::from_url(PLATFORMS_PARAMS);
    let eval = Evaluation::new(state, platforms::evaluate);
    let cross = eval.cross;
    state.sync_url();
    let fields = move |names: &'static [&'static str]| fields(state, cross, names);
    let changed = move |names: &'static [&'static str]| {
        state.values.with(|v| names.iter().any(|n| v.spec(n).is_some_and(|s| *v.get(n) != s.default_value())))
    };
    view! {
        <div class=layout().calc_class()>
            {inputs_form("Platform parameters", Some((state, cross)), None, move || view! {
                <fieldset><legend>"Workload"</legend>{fields(WORKLOAD)}</fieldset>
                <fieldset><legend>"Lambda"</legend>{fields(LAMBDA)}</fieldset>
                <fieldset><legend>"Fargate"</legend>{fields(FARGATE)}
                    <details class="advanced" open=move || changed(FARGATE_MODEL)>
                        <summary>"Fargate capacity assumptions"</summary>
                        {fields(FARGATE_MODEL)}
                    </details>
                </fieldset>
                <fieldset><legend>"Managed Instances and EC2"</legend>{fields(INSTANCES)}
                    <details class="advanced" open=move || changed(INSTANCE_MODEL)>
                        <summary>"Instance capacity assumptions"</summary>
                        {fields(INSTANCE_MODEL)}
                    </details>
                </fieldset>
                <fieldset><legend>"Load balancer"</legend>{fields(DOOR)}</fieldset>
            })}
            <section class="results" aria-labelledby="platforms-results-h">
                <h2 id="platforms-results-h" class="sr-only">"Results"</h2>
                <ErrorSummary state=state cross=cross />
                {eval.view("Fix the inputs to see the comparison.", move |result| view! { <PlatformsResults state=state result=result /> })}
                <PinnedPrices state=state today=at_todays_prices(state, |v| platforms::evaluate(v).ok().map(|r| format!("Lambda on demand {} a month", crate::format::usd(r.month.lambda_usd.as_f64())))) />
                <Toolbar state=state calculator="platforms" metrics=Signal::derive(move || eval.evaluated.with(|e| e.as_ref().map(|r| r.metrics()).unwrap_or_default())) />
            </section>
        </div>
    }
}

/// The name of each line of the chart and the table, Lambda first.
const NAMES: [&str; 4] = ["Lambda on demand", "Managed Instances", "Fargate", "EC2 + load balancer"];

/// The sentence under the chart: where the workload is, what is cheapest
/// there, and where each option crosses Lambda.
pub fn summary(r: &PlatformsResult) -> String {
    let (name, usd) = r.cheapest();
    let rps = format::number(r.month.mean_rps, 2);
    if Platform::ALL.iter().all(|p| r.month.usd(*p).is_none()) {
        return format!(
            "Only Lambda is priced in {} here: at {rps} requests/s, {} a month on demand{}. Fargate, EC2 and Managed Instances rates here are for us-east-1 and eu-west-1.",
            r.input.region,
            format::usd(r.month.lambda_usd.as_f64()),
            r.month.lambda_pc.map_or(String::new(), |(n, u)| format!(
                ", {} with {n} environments provisioned",
                format::usd(u.as_f64())
            ))
        );
    }
    let mut s = if name == "Lambda on demand" {
        format!(
            "At this traffic, {rps} requests/s, Lambda on demand costs the least: {} a month.",
            format::usd(usd.as_f64())
        )
    } else {
        format!(
            "At this traffic, {rps} requests/s, {name} costs the least: {} a month (Lambda on demand {}).",
            format::usd(usd.as_f64()),
            format::usd(r.month.lambda_usd.as_f64())
        )
    };
    let (lo, hi) = lmi::RPS_RANGE;
    for p in Platform::ALL {
        if let Some(why) = r.not_priced(p) {
            s.push_str(&format!(" {} is not priced: {why}.", p.name()));
            continue;
        }
        s.push_str(&match r.crossover(p).map(|x| round_to(x, 3)) {
            Some(x) if x <= lo => format!(" {} costs no more than Lambda at every traffic level shown.", p.name()),
            Some(x) => format!(
                " {} becomes cheaper than Lambda on demand above about {} requests/s ({} a month).",
                p.name(),
                format::number(x, 2),
                format::number(lmi::requests_at(x) as f64, 0)
            ),
            None => format!(" {} never costs less than Lambda up to {} requests/s.", p.name(), format::number(hi, 0)),
        });
    }
    if let Some((c, _)) = r.month.fargate.as_ref().filter(|f| f.0.fixed) {
        s.push_str(&format!(
            " The Fargate line and its crossing size the tasks with the model at every traffic level; the {} tasks you gave price this traffic only.",
            c.tasks
        ));
    }
    s
}

/// How each option is sized, in one sentence.
fn sizing(r: &PlatformsResult) -> String {
    let mut parts = Vec::new();
    if let (Some(f), Some((c, _))) = (&r.input.fargate, &r.month.fargate) {
        parts.push(format!(
            "{} Fargate task{} of {} vCPU and {} GB{}",
            c.tasks,
            if c.tasks == 1 { "" } else { "s" },
            f.vcpu,
            fmt_num(f.gb),
            match r.fargate_short() {
                Some(m) => format!(" (as given, too few for the peak at the CPU target: the model runs {m})"),
                None if c.fixed => " (as given)".to_string(),
                None => String::new(),
            }
        ));
    }
    if let (Some(l), Some(e)) = (&r.input.instances, r.month.ec2.as_ref()) {
        parts.push(format!("{} × {} for Managed Instances and for EC2", e.instances, l.instance_type));
    } else if let (Some(l), Some((c, _))) = (&r.input.instances, &r.month.lmi) {
        parts.push(format!("{} × {} for Managed Instances", c.instances, l.instance_type));
    }
    let peak = format!(
        "{} requests in flight at the peak, {} vCPUs busy",
        format::number(r.month.peak_concurrency, 1),
        format::number(r.month.peak_concurrency * r.input.cpu_share_pct / 100.0, 2)
    );
    if parts.is_empty() { format!("{peak}.") } else { format!("{peak}: {}, all month.", parts.join("; ")) }
}

#[component]
fn PlatformsResults(state: CalcState, result: Memo<PlatformsResult>) -> impl IntoView {
    let metrics = Memo::new(move |_| result.with(|r| r.metrics()));
    let lines = Memo::new(move |_| {
        result.with(|r| {
            let mut out = vec![Line {
                name: NAMES[0].into(),
                points: r.points.iter().map(|p| (p.rps, p.lambda_usd.as_f64().max(0.01))).collect(),
                color: COLORS[0],
                thick: false,
            }];
            for (k, p) in Platform::ALL.into_iter().enumerate() {
                let points: Vec<(f64, f64)> =
                    r.points.iter().filter_map(|x| x.usd(p).map(|u| (x.rps, u.as_f64().max(0.01)))).collect();
                if !points.is_empty() {
                    out.push(Line { name: NAMES[k + 1].into(), points, color: COLORS[k + 1], thick: true });
                }
            }
            (out, r.month.mean_rps)
        })
    });
    let canvas = NodeRef::<Canvas>::new();
    crate::chart::redraw_memo(canvas, lines, |c, (l, here)| {
        crate::chart::draw_lines_log(c, l, ("requests per second", "USD per month"), Some(*here))
    });
    let cheapest = Signal::derive(move || MetricValue::Usd(result.with(|r| r.cheapest().1)));
    let m = Signal::from(metrics);
    let row = move |k: usize| {
        let (usd, cross) = match k {
            0 => ("lambda_usd", None),
            _ => (Platform::ALL[k - 1].usd_metric(), Some(Platform::ALL[k - 1].crossover_metric())),
        };
        let v = metric_of(m, usd);
        view! {
            <tr>
                <th scope="row"><span class=format!("swatch c{}", COLORS[k]) aria-hidden="true"></span>{NAMES[k]}</th>
                <td class="num"><FigureValue metric=usd value=v text=Signal::derive(move || match v.get().as_f64() {
                    Some(x) => format::usd(x),
                    None => "not priced here".into(),
                }) /></td>
                <td class="num">{cross.map(|c| {
                    let x = metric_of(m, c);
                    let model = move || k == 2 && result.with(|r| r.month.fargate.as_ref().is_some_and(|f| f.0.fixed));
                    view! { <FigureValue metric=c value=x text=Signal::derive(move || match (x.get().as_f64(), v.get().as_f64()) {
                        (Some(x), _) if model() => format!("{} req/s (model)", format::number(x, 2)),
                        (Some(x), _) => format!("{} req/s", format::number(x, 2)),
                        (None, Some(_)) => "never".into(),
                        (None, None) => "—".into(),
                    }) /> }
                })}</td>
            </tr>
        }
    };
    view! {
        {shown(Part::Result, move || view! {
        <div class="result-card" aria-live="polite">
            <p class="kpi-label">{move || result.with(|r| {
                if Platform::ALL.iter().any(|p| r.month.usd(*p).is_some()) {
                    format!("Cheapest this month: {}", r.cheapest().0)
                } else {
                    format!("Cheapest this month: {} (only Lambda is priced in {})", r.cheapest().0, r.input.region)
                }
            })}</p>
            <p class="big-number"><FigureValue metric="cheapest_usd" value=cheapest text=Signal::derive(move || format::usd(cheapest.get().as_f64().unwrap_or(0.0))) /></p>
            <div class="keep-all">{kpis(metrics.into(), KPIS)}</div>
            <p class="hint" data-testid="platforms-sizing">{move || result.with(sizing)}</p>
            <p class="hint">
                {move || result.with(|r| format!(
                    "Lambda is {} MB {} functions in {}, priced by the cost calculator without a front door, logs or data out. ",
                    r.input.lambda.memory_mb, r.input.arch.name(), r.input.region
                ))}
                <Handoff state=state to=&lambda_model::calculators::COST label="Every line in the cost calculator"
                    hint="Opens the cost calculator with the same function, where cold starts, a front door, logs and data out can be added." />
            </p>
        </div>
        })}
        {shown(Part::Table, move || view! {
        <TableRegion>
            <table class="breakdown platforms" data-testid="platforms-lines">
                <caption>"One workload, each platform, per month"</caption>
                <thead><tr>
                    <th scope="col">"Platform"</th>
                    <th scope="col" class="num">"Per month"</th>
                    <th scope="col" class="num">"Cheaper than Lambda from"</th>
                </tr></thead>
                <tbody>
                    {row(0)}
                    <tr>
                        <th scope="row" class="sub">{move || match metric_of(m, "pc_environments").get().as_f64() {
                            Some(n) => format!("… with {} environments provisioned", format::number(n, 0)),
                            None => "… with provisioned concurrency".to_string(),
                        }}</th>
                        <td class="num"><FigureValue metric="lambda_pc_usd" value=metric_of(m, "lambda_pc_usd") text=Signal::derive(move || {
                            match metric_of(m, "lambda_pc_usd").get().as_f64() {
                                Some(x) => format::usd(x),
                                None => "does not pay here".into(),
                            }
                        }) /></td>
                        <td class="num"></td>
                    </tr>
                    {(1..4).map(row).collect_view()}
                </tbody>
            </table>
        </TableRegion>
        <ul class="leaves-out" data-testid="platforms-leaves-out">
            {platforms::PlatformsResult::leaves_out().iter().map(|(what, leaves)| view! {
                <li><strong>{*what}</strong>": "{*leaves}</li>
            }).collect_view()}
            <li><strong>"Provisioned concurrency"</strong>": environments busy at least the break-even share of the day (60% in us-east-1), kept warm all month: no cold starts for the requests they serve; the rest run on demand."</li>
        </ul>
        })}
        {shown(Part::Chart, move || view! {
        <ul class="legend" aria-hidden="true">
            {move || lines.with(|(l, _)| l.iter().map(|l| view! { <li><span class=format!("swatch c{}", l.color)></span>{l.name.clone()}</li> }).collect_view())}
        </ul>
        <ChartFigure canvas=canvas id="platforms-chart-summary" caption=move || result.with(summary)
            hint="Both axes are logarithmic. The thin line is Lambda on demand, the thick ones the platforms that run all month; the dashes mark this traffic. A month under $0.01 is drawn at $0.01."
            table="Chart data table">
            <table data-testid="platforms-table">
                <caption>"Monthly cost against traffic (USD)"</caption>
                <thead><tr>
                    <th scope="col" class="num">"Requests/s"</th>
                    <th scope="col" class="num">"Requests a month"</th>
                    {NAMES.iter().map(|n| view! { <th scope="col" class="num">{*n}</th> }).collect_view()}
                    <th scope="col">"Cheapest"</th>
                </tr></thead>
                <tbody>{move || result.with(|r| r.points.iter().map(|p| {
                    let cell = |u: Option<lambda_model::base::money::Usd>| u.map_or("—".to_string(), |u| format::usd(u.as_f64()));
                    let best = Platform::ALL.iter().enumerate()
                        .filter_map(|(k, x)| p.usd(*x).map(|u| (k + 1, u)))
                        .fold((0, p.lambda_usd), |b, o| if o.1 < b.1 { o } else { b }).0;
                    view! {
                        <tr>
                            <th scope="row" class="num">{format::number(round_to(p.rps, 4), 2)}</th>
                            <td class="num">{format::number(lmi::requests_at(p.rps) as f64, 0)}</td>
                            <td class="num">{format::usd(p.lambda_usd.as_f64())}</td>
                            {Platform::ALL.iter().map(|x| view! { <td class="num">{cell(p.usd(*x))}</td> }).collect_view()}
                            <td>{NAMES[best]}</td>
                        </tr>
                    }
                }).collect_view())}</tbody>
            </table>
        </ChartFigure>
        })}
        {shown(Part::Math, move || view! {
            <MathDetails
                math=Signal::derive(move || result.with(|r| r.math().join("\n")))
                notes=Signal::derive(Vec::new)
                assumptions=Signal::derive(move || result.with(|r| r.assumptions())) />
        })}
        <nav class="handoffs" aria-label="Take this workload to another calculator">
            <Handoff state=state to=&lambda_model::calculators::LMI label="Managed Instances step by step"
                overrides=Signal::derive(move || state.values.with(|v| vec![
                    ("instance_type", v.get("ec2_instance_type").to_string()),
                    ("memory_mb", v.get("env_memory_mb").to_string()),
                    ("function_memory_mb", v.get("memory_mb").to_string()),
                    ("runtime_family", v.get("runtime_family").to_string()),
                    ("memory_per_vcpu_gb", v.get("memory_per_vcpu_gb").to_string()),
                    ("peak_to_mean", v.get("peak_to_mean").to_string()),
                    ("cpu_share_pct", v.get("cpu_share_pct").to_string()),
                    ("concurrency_per_vcpu", v.get("concurrency_per_vcpu").to_string()),
                    ("headroom_pct", v.get("headroom_pct").to_string()),
                    ("min_environments", v.get("min_environments").to_string()),
                    ("reserved_vcpus", v.get("reserved_vcpus").to_string()),
                    ("reserved_gb", v.get("reserved_gb").to_string()),
                    ("ec2_discount_pct", v.get("ec2_discount_pct").to_string()),
                ]))
                hint="Opens the Managed Instances calculator with these instances and this workload, every step of the capacity model shown." />
            <Handoff state=state to=&lambda_model::calculators::COLDSTART label="Cold starts and provisioned concurrency"
                hint="The cold-start page shows what provisioned concurrency buys in latency; here it is priced only where it saves money." />
        </nav>
    }
}

//! `/calculators/traffic`: simulate traffic against one function. The run is
//! time-sliced (about 16 ms of work per slice) so the page never freezes; a
//! progress bar and Cancel show and stop it. Closed-form answers appear at
//! once while it runs.

use crate::chart::Line;
use crate::components::{
    CalcState, ChartFigure, ErrorSummary, Evaluation, FigureValue, FirstFigures, PinnedPrices, Reading, SlicedRead,
    TableRegion, Toolbar, at_todays_prices, chosen_file, fields, inputs_form, kpis, layout, shown,
};
use crate::format;
use lambda_model::models::trace::{TraceReader, TraceSummary};
use lambda_model::params::metrics::MetricValue;
use lambda_model::params::{Values, fmt_num};
use lambda_model::simulation::{self, PcPoint, SIM_PARAMS, Sim, SimConfig, SimResult};
use lambda_site::embed::Part;
use leptos::either::Either;
use leptos::prelude::*;
use std::time::Duration;

pub const TRAFFIC: &[&str] =
    &["arrival", "rate_per_s", "diurnal_amplitude", "burst_rate_per_s", "burst_every_s", "burst_length_s", "trace"];
pub const FUNCTION: &[&str] =
    &["duration_ms", "duration_dist", "duration_cv", "cold_start_ms", "runtime", "memory_mb", "arch", "region"];
pub const PLATFORM: &[&str] =
    &["idle_ttl_s", "max_lifetime_s", "routing", "reserved_concurrency", "account_concurrency", "scaling", "pc_units"];
/// The simulation's figures, the questions people bring first (how often
/// cold, how slow at the tail) before the rest: a compact embed shows the
/// first four or six.
pub const KPIS: &[(&str, &str, Reading)] = &[
    ("Cold-start ratio", "cold_start_ratio", Reading::Pct),
    ("p99", "p99_ms", Reading::Ms(1)),
    ("Cold starts", "cold_starts", Reading::Num(0)),
    ("Requests", "requests", Reading::Num(0)),
    ("p50", "p50_ms", Reading::Ms(1)),
    ("Throttled", "throttles", Reading::Num(0)),
    ("Throttle ratio", "throttle_ratio", Reading::Pct),
    ("p95", "p95_ms", Reading::Ms(1)),
    ("p99.9", "p999_ms", Reading::Ms(1)),
    ("Max", "max_ms", Reading::Ms(1)),
    ("Peak concurrency", "peak_concurrency", Reading::Num(0)),
    ("Mean concurrency", "mean_concurrency", Reading::Num(2)),
    ("Environments created", "envs_created", Reading::Num(0)),
    ("Idle GB-seconds", "idle_gb_seconds", Reading::Num(0)),
    ("PC spillover", "pc_spillover_ratio", Reading::Pct),
    ("Cost of the simulated time", "cost_total_usd", Reading::Usd),
    ("Cost per million", "cost_per_million_usd", Reading::Usd),
];
pub const RUN: &[&str] = &["sim_seconds", "warmup_s", "seed", "p99_target_ms", "cold_start_target"];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Main,
    Advisor,
}

/// A run in progress: the queue of simulations, the one running, and timing.
struct Job {
    kind: Kind,
    /// The parameters the run started from (the advisor reads its targets here).
    values: Values,
    queue: Vec<SimConfig>,
    current: Sim,
    results: Vec<SimResult>,
    total: usize,
    compute_ms: f64,
    arrivals: u64,
}

#[derive(Clone, Copy)]
struct Runner {
    job: StoredValue<Option<Job>, LocalStorage>,
    progress: RwSignal<f64>,
    steps: RwSignal<u32>,
    running: RwSignal<Option<Kind>>,
    result: RwSignal<Option<SimResult>>,
    advisor: RwSignal<Option<Vec<PcPoint>>>,
    throughput: RwSignal<f64>,
    message: RwSignal<String>,
}

use crate::format::now_ms;

/// A parameter name of [`SIM_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        lambda_model::param!(SIM_PARAMS, $name)
    };
}

impl Runner {
    fn start(self, kind: Kind, values: Values, mut configs: Vec<SimConfig>) {
        configs.reverse();
        let Some(first) = configs.pop() else { return };
        let total = configs.len() + 1;
        self.job.set_value(Some(Job {
            kind,
            values,
            queue: configs,
            current: Sim::new(first),
            results: Vec::new(),
            total,
            compute_ms: 0.0,
            arrivals: 0,
        }));
        self.progress.set(0.0);
        self.steps.set(0);
        self.running.set(Some(kind));
        self.message.set(String::new());
        self.pump();
    }

    fn cancel(self) {
        self.job.set_value(None);
        self.running.set(None);
        self.message.set("Cancelled; the figures below are from the last finished run.".into());
    }

    /// Runs slices for about 16 ms, then yields to the browser.
    fn pump(self) {
        let t0 = now_ms();
        let mut finished: Option<(Kind, Values, Vec<SimResult>, f64, u64)> = None;
        let mut progress = 0.0;
        let alive = self.job.try_update_value(|j| {
            let Some(job) = j.as_mut() else { return false };
            loop {
                let before = job.current.arrivals;
                let done = job.current.step(8192);
                job.arrivals += job.current.arrivals - before;
                if done {
                    job.results.push(job.current.result());
                    match job.queue.pop() {
                        Some(next) => job.current = Sim::new(next),
                        None => {
                            job.compute_ms += now_ms() - t0;
                            finished = Some((
                                job.kind,
                                job.values.clone(),
                                std::mem::take(&mut job.results),
                                job.compute_ms,
                                job.arrivals,
                            ));
                            return true;
                        }
                    }
                }
                if now_ms() - t0 > 16.0 {
                    break;
                }
            }
            job.compute_ms += now_ms() - t0;
            progress = (job.results.len() as f64 + job.current.progress()) / job.total as f64;
            true
        });
        if alive != Some(true) {
            return;
        }
        if let Some((kind, values, results, compute_ms, arrivals)) = finished {
            self.job.set_value(None);
            self.progress.set(1.0);
            self.running.set(None);
            if compute_ms > 0.0 {
                self.throughput.set(arrivals as f64 / (compute_ms / 1000.0));
            }
            match kind {
                Kind::Main => self.result.set(results.into_iter().next()),
                Kind::Advisor => self.advisor.set(Some(simulation::pc_points(&results, &values))),
            }
            return;
        }
        self.progress.set(progress);
        self.steps.update(|s| *s += 1);
        set_timeout(move || self.pump(), Duration::ZERO);
    }
}

#[component]
pub fn TrafficPage() -> impl IntoView {
    let state = CalcState::from_url(SIM_PARAMS);
    // Whether the values make a run: the figures beside a problem are marked
    // as those of the last valid inputs, as every calculator marks them.
    let eval = Evaluation::new(state, |v| simulation::config(v).map(|_| ()).map_err(|e| vec![e]));
    let (checked, cross) = (eval.evaluated, eval.cross);
    // The first figures the page showed (the link's own, or the defaults),
    // kept where the result goes until the first run's result is there.
    let first = RwSignal::new(use_context::<FirstFigures>().and_then(|f| f.0));
    let compact = layout().compact;
    state.sync_url();
    let runner = Runner {
        job: StoredValue::new_local(None),
        progress: RwSignal::new(0.0),
        steps: RwSignal::new(0),
        running: RwSignal::new(None),
        result: RwSignal::new(None),
        advisor: RwSignal::new(None),
        throughput: RwSignal::new(0.0),
        message: RwSignal::new(String::new()),
    };
    let run = move || {
        let v = state.values.get_untracked();
        match simulation::config(&v) {
            Ok(cfg) => runner.start(Kind::Main, v, vec![cfg]),
            Err(e) => runner.message.set(e.message),
        }
    };
    let advise = move || {
        let v = state.values.get_untracked();
        match simulation::pc_sweep_configs(&v, 2_000_000.0) {
            Ok(cfgs) => runner.start(Kind::Advisor, v, cfgs),
            Err(e) => runner.message.set(e.message),
        }
    };
    // A run the reader asks for: what the page first showed is no longer theirs.
    let rerun = move || {
        // A field that is not valid: its message says why; nothing runs.
        if state.drafts.with_untracked(|d| d.iter().any(|x| x.error.is_some())) {
            return;
        }
        first.set(None);
        run();
    };
    // The first run starts as the page opens.
    Effect::new(move |once: Option<()>| {
        if once.is_none() && checked.with_untracked(|c| c.is_ok()) {
            run();
        }
    });
    on_cleanup(move || runner.job.set_value(None));
    let group = move |title: &'static str, names: &'static [&'static str]| {
        view! { <fieldset><legend>{title}</legend>{fields(state, cross, names)}</fieldset> }
    };
    // Run, Cancel and the progress: at the head of the inputs on the page
    // (the results column holds only results, so nothing in it moves when a
    // run's figures come), after the inputs in a compact embed.
    let controls = move || {
        view! {
            <div class="toolbar">
                <button type="button" class="primary" on:click=move |_| rerun() disabled=move || runner.running.get().is_some() || checked.with(|c| c.is_err()) || state.drafts.with(|d| d.iter().any(|x| x.error.is_some()))>"Run simulation"</button>
                <button type="button" on:click=move |_| runner.cancel() disabled=move || runner.running.get().is_none()>"Cancel"</button>
            </div>
            <label for="sim-progress">{move || match runner.running.get() {
                Some(Kind::Main) => "Simulating…",
                Some(Kind::Advisor) => "Sweeping provisioned concurrency…",
                None => "Progress",
            }}</label>
            <progress id="sim-progress" max="1" prop:value=move || runner.progress.get() data-steps=move || runner.steps.get().to_string()></progress>
            <p role="status" class="hint">{move || runner.message.get()}</p>
            {shown(Part::Table, move || view! {<Analytic values=state.values />})}
        }
    };
    view! {
        <div class=layout().calc_class()>
            {inputs_form("Simulation parameters", Some((state, cross)), Some(Callback::new(move |_| rerun())), move || view! {
                {(!compact).then(controls)}
                {group("Traffic", TRAFFIC)}
                <TraceUpload state=state />
                {group("Function", FUNCTION)}
                {group("Platform", PLATFORM)}
                {group("Run", RUN)}
            })}
            <section class="results" aria-labelledby="sim-results-h">
                <h2 id="sim-results-h" class="sr-only">"Results"</h2>
                <ErrorSummary state=state cross=cross />
                {move || (runner.result.with(Option::is_some) || first.with(Option::is_some)).then(|| eval.stale_note())}
                {move || match runner.result.get() {
                    Some(r) => Either::Left(view! { <SimResults state=state result=r throughput=runner.throughput.get() stale=eval.stale() /> }),
                    // Until the first run's result: the first figures, in its place.
                    None => Either::Right(first.get().map(|html| shown(Part::Result, move || view! {
                        <div class="sim-kpis" data-testid="sim-first-figures" inner_html=html></div>
                    }))),
                }}
                {compact.then(controls)}
                <PinnedPrices state=state today=at_todays_prices(state, move |v| {
                    let carried = state.carried.get_value();
                    runner.result.with(|r| r.as_ref().and_then(|r| lambda_model::calculators::profile::traffic_monthly(v, &carried, r, crate::today())))
                        .map(|u| format!("{} a month", crate::format::usd(u.as_f64())))
                }) />
                // The advisor comes after the first results, not before them:
                // standing under the progress bar while the first run works,
                // it was pushed 2,000 px down when the results arrived (a
                // layout shift of 0.21 at 1280 × 720, measured 2026-12-06).
                {move || runner.result.with(Option::is_some).then(|| shown(Part::Table, move || view! {
                <h3>"Provisioned concurrency advisor"</h3>
                <p class="hint">
                    "Tries PC sizes from 0 up to the 99.9th percentile of concurrency on the same traffic (same seed), "
                    "each run shortened so the sweep stays near 2 million requests, and picks the cheapest that meets your p99 target, "
                    "or the cold-start target when no p99 target is set. Costs are each run's, scaled to a 730-hour month, at tier-1 rates without the free tier (the simulated time includes filling an empty fleet). "
                </p>
                <p class="hint" data-testid="pc-break-even">{move || crate::traffic_view::break_even(&state.values.get())}</p>
                <button type="button" on:click=move |_| advise() disabled=move || runner.running.get().is_some() || checked.with(|c| c.is_err())>"Find the cheapest provisioned concurrency"</button>
                {move || runner.advisor.get().map(|pts| view! { <Advisor points=pts values=state.values.get_untracked() /> })}
                }))}
            </section>
        </div>
    }
}

/// The most characters of timestamps a trace holds: it travels in the link.
fn trace_max_len() -> usize {
    match SIM_PARAMS.iter().find(|s| s.name == "trace").map(|s| s.kind) {
        Some(lambda_model::params::Kind::Text { max_len }) => max_len,
        _ => 0,
    }
}

/// Loads a file of arrival timestamps into the `trace` parameter. Any size
/// is read, a slice at a time with progress and Cancel; when the file holds
/// more than a link can carry, its first part and its mean rate are offered.
#[component]
fn TraceUpload(state: CalcState) -> impl IntoView {
    let (note, set_note) = signal(String::new());
    let offer = RwSignal::new(None::<TraceSummary>);
    let reading = SlicedRead::new();
    // Whether a file is being read: the Cancel button stays one element while the bar moves.
    let reading_now = Memo::new(move |_| reading.progress.with(Option::is_some));
    let max = trace_max_len();
    // Loads the kept part; says the simulated time when it had to grow to cover it.
    let load_trace = move |s: &TraceSummary| -> String {
        state.set_raw("arrival", "trace".into());
        state.commit("arrival");
        state.set_raw("trace", s.trace.clone());
        state.commit("trace");
        // An automatic run length already runs to the last timestamp.
        let given = state.values.with_untracked(|v| v.num(p!("sim_seconds")));
        if given > 0.0 && given < s.sim_seconds {
            state.set_raw("sim_seconds", fmt_num(s.sim_seconds));
            state.commit("sim_seconds");
            format!(" The simulated time is now {} s, to cover them.", format::number(s.sim_seconds, 0))
        } else {
            String::new()
        }
    };
    let load = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        offer.set(None);
        set_note.set(format!("Reading {}…", file.name()));
        reading.read(
            file,
            TraceReader::new(max),
            |r, bytes| r.feed(bytes),
            move |read| {
                let s = match read {
                    Ok(r) => r.finish(),
                    Err(e) => return set_note.set(e),
                };
                let mut text = describe_trace(&s);
                if s.kept == 0 {
                    set_note.set(text);
                } else if s.complete() {
                    text.push_str(" Loaded them all.");
                    text.push_str(&load_trace(&s));
                    set_note.set(text);
                } else {
                    text.push_str(&format!(
                        " A link holds {} characters: the first {} timestamps (about the first {} s) fit. Load those, or simulate the whole file's mean rate.",
                        format::number(max as f64, 0),
                        format::number(s.kept as f64, 0),
                        format::number(s.sim_seconds - 1.0, 0)
                    ));
                    set_note.set(text);
                    offer.set(Some(s));
                }
            },
        );
    };
    let cancel = move |_| {
        reading.cancel();
        set_note.set("Stopped reading the file; nothing was changed.".into());
    };
    let take_first = move |_| {
        if let Some(s) = offer.get_untracked() {
            let grown = load_trace(&s);
            set_note.set(format!("Loaded the first {} timestamps.{grown}", format::number(s.kept as f64, 0)));
            offer.set(None);
        }
    };
    let take_rate = move |_| {
        if let Some(rate) = offer.get_untracked().and_then(|s| s.mean_rate_per_s) {
            state.set_raw("arrival", "poisson".into());
            state.commit("arrival");
            state.set_raw("rate_per_s", fmt_num((rate * 1e4).round() / 1e4));
            state.commit("rate_per_s");
            set_note.set(format!("Simulating {} requests per second (Poisson arrivals).", format::number(rate, 2)));
            offer.set(None);
        }
    };
    view! {
        <div class="field">
            <label for="trace-file">"Or upload timestamps"</label>
            <input id="trace-file" type="file" accept=".txt,.csv,.log,text/plain,text/csv" aria-describedby="trace-file-hint" on:change=load disabled=move || reading.running() />
            <p class="hint" id="trace-file-hint">
                {format!(
                    "One per line, or the first column of a CSV: seconds from the start, Unix seconds or milliseconds, or ISO 8601 times. A file of any size is read; the first {} characters of timestamps travel in the link.",
                    format::number(max as f64, 0)
                )}
            </p>
            {move || reading_now.get().then(|| view! {
                <button type="button" on:click=cancel data-testid="trace-cancel">"Cancel"</button>
                <progress max="1" prop:value=move || reading.progress.get().unwrap_or(0.0) aria-label="Reading the file"></progress>
            })}
            <p class="hint" role="status" data-testid="trace-note">{move || note.get()}</p>
            {move || offer.get().map(|s| view! {
                <div class="toolbar">
                    <button type="button" on:click=take_first data-testid="trace-first">
                        {format!("Load the first {} timestamps", format::number(s.kept as f64, 0))}
                    </button>
                    {s.mean_rate_per_s.map(|r| view! {
                        <button type="button" on:click=take_rate data-testid="trace-rate">
                            {format!("Simulate {} requests/s instead", format::number(r, 2))}
                        </button>
                    })}
                </div>
            })}
        </div>
    }
}

/// What a read file held, in a sentence or two.
fn describe_trace(s: &TraceSummary) -> String {
    let skipped = match s.examples.first() {
        None => String::new(),
        Some(e) => format!(
            " Skipped {} line(s) that were not {} (line {}: \u{201c}{}\u{201d}).",
            format::number(s.skipped as f64, 0),
            s.clock.map_or("timestamps", |c| c.describe()),
            e.line,
            e.text
        ),
    };
    let Some(clock) = s.clock else {
        return format!(
            "No timestamps were found.{skipped} Use one per line (or the first column of a CSV): seconds from the start such as 0.5, Unix times such as 1764762048, or ISO 8601 times such as 2026-12-03T11:40:48Z."
        );
    };
    let rate = match s.mean_rate_per_s {
        Some(r) => format!(": {} requests per second on average", format::number(r, 2)),
        None => String::new(),
    };
    format!(
        "Read {} timestamps ({}) spanning {} s{rate}.{skipped}",
        format::number(s.count as f64, 0),
        clock.describe(),
        format::number(s.span_s, 1)
    )
}

/// Closed-form answers, shown at once.
#[component]
fn Analytic(values: RwSignal<Values>) -> impl IntoView {
    let text = Memo::new(move |_| values.with(crate::traffic_view::analytic));

    view! { <p class="note" data-testid="analytic">{move || text.get()}</p> }
}

#[component]
fn SimResults(state: CalcState, result: SimResult, throughput: f64, stale: Signal<bool>) -> impl IntoView {
    let metrics = result.metrics();
    let metrics_sig = {
        let all = metrics.clone();
        Signal::derive(move || all.clone())
    };
    let msf = |x: f64| format!("{} ms", format::number(x, 1));
    let bin_s = result.bin_seconds;
    let busy: Vec<(f64, f64)> =
        result.bins.iter().enumerate().map(|(i, b)| ((i as f64 + 0.5) * bin_s, b.busy_us / (bin_s * 1e6))).collect();
    let idle: Vec<(f64, f64)> =
        result.bins.iter().enumerate().map(|(i, b)| ((i as f64 + 0.5) * bin_s, b.idle_us / (bin_s * 1e6))).collect();
    let mut conc_lines = vec![
        Line { name: "busy".into(), points: busy.clone(), color: 1, thick: true },
        Line { name: "idle".into(), points: idle.clone(), color: 3, thick: false },
    ];
    if result.pc_units > 0 {
        conc_lines.push(Line {
            name: "provisioned".into(),
            points: vec![(0.0, result.pc_units as f64), (bin_s * result.bins.len() as f64, result.pc_units as f64)],
            color: 2,
            thick: false,
        });
    }
    let cdf_lines = vec![
        Line {
            name: "warm".into(),
            points: result.warm_cdf.iter().map(|(x, q)| (x / 1000.0, *q)).collect(),
            color: 1,
            thick: true,
        },
        Line {
            name: "cold".into(),
            points: result.cold_cdf.iter().map(|(x, q)| (x / 1000.0, *q)).collect(),
            color: 2,
            thick: false,
        },
    ];
    let cols: Vec<(f64, f64)> =
        result.bins.iter().enumerate().map(|(i, b)| (i as f64 * bin_s, b.cold as f64)).collect();
    let hist = vec![
        Line {
            name: "warm".into(),
            points: result.histogram.iter().map(|(a, b, w, _)| ((a * b).sqrt(), *w as f64)).collect(),
            color: 1,
            thick: true,
        },
        Line {
            name: "cold".into(),
            points: result.histogram.iter().map(|(a, b, _, c)| ((a * b).sqrt(), *c as f64)).collect(),
            color: 2,
            thick: false,
        },
    ];
    let c1 = crate::chart::line_chart(conc_lines, "time (s)", "environments");
    let c2 = crate::chart::line_chart(cdf_lines, "latency (ms)", "share of requests");
    let c4 = crate::chart::line_chart(hist, "latency (ms)", "requests");
    let c3 =
        crate::chart::drawn(cols.clone(), |c, cols| crate::chart::draw_columns(c, cols, "time (s)", "cold starts"));
    let peak_bin = busy.iter().map(|p| p.1).fold(0.0, f64::max);
    let summary_conc = format!(
        "On average {} environments were busy (peak {}), with up to {} idle ones kept warm in a time bin{}.",
        format::number(result.mean_concurrency, 2),
        result.peak_concurrency,
        format::number(idle.iter().map(|p| p.1).fold(0.0, f64::max), 1),
        if result.pc_units > 0 { format!(" and {} provisioned", result.pc_units) } else { String::new() }
    );
    let summary_cdf = format!(
        "Warm requests: p99 {}; cold requests: median {}; overall p50 {}, p99 {}, p99.9 {}.",
        msf(result.warm_p99_ms),
        msf(result.cold_p50_ms),
        msf(result.p50_ms),
        msf(result.p99_ms),
        msf(result.p999_ms)
    );
    let mode = result.histogram.iter().max_by_key(|b| b.2 + b.3).copied().unwrap_or_default();
    let summary_hist = format!(
        "Most requests took {} to {} ms; cold requests form the right-hand hump, {} of them after the start-up.",
        format::number(mode.0, 1),
        format::number(mode.1, 1),
        result.cold_starts
    );
    let worst = cols.iter().cloned().fold((0.0, 0.0), |a, c| if c.1 > a.1 { c } else { a });
    let summary_cold = format!(
        "{} cold starts in all, start-up included; the most in one {}-second bin was {} (starting at {} s).",
        result.cold_starts + result.startup_cold_starts,
        format::number(bin_s, 0),
        worst.1,
        format::number(worst.0, 0)
    );
    // A month of this traffic, priced by the cost engine exactly as the cost
    // page prices what the hand-off opens.
    let month = {
        let today = crate::today();
        // What "Use this cold-start ratio in cost" opens, worked out once: its
        // month is the figure, its cold-start ratio the one stated.
        let to_cost = state.values.with_untracked(|v| lambda_model::calculators::profile::traffic_to_cost(v, &result));
        let cost_values = state.carried.with_value(|c| {
            state.values.with_untracked(|v| {
                lambda_model::calculators::profile::handed(v, c, lambda_model::billing::COST_PARAMS, &to_cost).0
            })
        });
        let monthly = lambda_model::calculators::profile::month_of(&cost_values, today);
        let steady = cost_values.num(lambda_model::param!(lambda_model::billing::COST_PARAMS, "cold_start_ratio"));
        // The cost page's own month, where the link came from it with a
        // cold-start ratio of its own: the difference, in words.
        let before = state.carried.with_value(|c| {
            let (was, _) = state.values.with_untracked(|v| {
                lambda_model::calculators::profile::handed(v, c, lambda_model::billing::COST_PARAMS, &[])
            });
            let given = was.num(lambda_model::param!(lambda_model::billing::COST_PARAMS, "cold_start_ratio"));
            lambda_model::calculators::profile::month_of(&was, today).map(|(m, _)| (given, m))
        });
        // The result is fixed, so the figure and the link are built once.
        let (total, text) = match monthly {
            Some((total, more)) => (
                Some(total),
                format!(
                    ", priced like the cost calculator: {} requests (a month is 730 hours), the cold-start ratio of the {} simulated after the start-up ({:.4}%), free tier {}.{}",
                    format::number(
                        cost_values.num(lambda_model::param!(lambda_model::billing::COST_PARAMS, "requests")),
                        0
                    ),
                    format::duration_s((result.sim_seconds - result.warmup_seconds).max(0.0)),
                    steady * 100.0,
                    if cost_values.flag(lambda_model::param!(lambda_model::billing::COST_PARAMS, "free_tier")) {
                        "applied"
                    } else {
                        "not applied"
                    },
                    if more {
                        " Only the function: the cost calculator adds the other products set there."
                    } else {
                        ""
                    },
                ) + &before
                    .filter(|(given, m)| (*given - steady).abs() > 1e-12 && *m != total)
                    .map(|(given, m)| {
                        let d = total.as_f64() - m.as_f64();
                        format!(
                            " That is {} {} than the {} the cost calculator prices with the cold-start ratio it had ({:.4}%).",
                            format::usd(d.abs()),
                            if d < 0.0 { "less" } else { "more" },
                            format::usd(m.as_f64()),
                            given * 100.0
                        )
                    })
                    .unwrap_or_default(),
            ),
            None => (
                None,
                "No monthly figure: the cost calculator refuses this function's values; \
                 \u{201c}Use this cold-start ratio in cost\u{201d} opens it, with each problem named."
                    .to_string(),
            ),
        };
        let link = state.handoff(&lambda_model::calculators::COST, &to_cost);
        let external = state.links_out();
        view! {
            <p class="note" data-testid="sim-monthly">
                {total.map(|t| view! {
                    "A month of this traffic: "
                    <FigureValue metric="monthly_usd" value=MetricValue::Usd(t) text=format::usd(t.as_f64()) />
                })}
                {text}
            </p>
            <nav class="handoffs" aria-label="Take this function to another calculator">
                <a class="button handoff" href=link data-handoff="cost" target=external.then_some("_blank") rel=external.then_some("noopener")
                    title="Opens the cost calculator with this traffic per month and the simulated steady-state cold-start ratio.">
                    "Use this cold-start ratio in cost"
                </a>
            </nav>
        }
    };
    let startup = (result.warmup_seconds > 0.0).then(|| {
        let n = |x: u64| format::number(x as f64, 0);
        view! {
            <p class="hint" data-testid="startup">
                "Start-up, left out of the figures above: in the first " {format::number(result.warmup_seconds, 0)} " s, "
                <FigureValue metric="startup_requests" value=MetricValue::Count(result.startup_requests as u128) text=n(result.startup_requests) />
                " requests met an empty fleet filling, with "
                <FigureValue metric="startup_cold_starts" value=MetricValue::Count(result.startup_cold_starts as u128) text=n(result.startup_cold_starts) />
                " cold starts. A function that runs for weeks fills its fleet once; set \u{201c}Start-up left out\u{201d} to 0 to count them in."
            </p>
        }
    });
    let run_note = state.values.with_untracked(|v| {
        let auto = v.num(p!("sim_seconds")) == 0.0;
        let short = lambda_model::simulation::short_run_note(v);
        (auto || short.is_some()).then(|| {
            let class = if short.is_some() { "note" } else { "hint" };
            view! {
                <p class=class data-testid="run-length">
                    "Simulated "
                    <FigureValue metric="simulated_s" value=MetricValue::Num(result.sim_seconds) text=format::duration_s(result.sim_seconds) />
                    {if auto { " (automatic: a day, or as long as heavy traffic allows)." } else { "." }}
                    {short.map(|n| format!(" {n}"))}
                </p>
            }
        })
    });
    // The key figures alone are the result part: the first figures stood in
    // its place with the same figures, so it takes the same room; the notes
    // follow it (after the inputs in one column).
    let headline = view! { <div class="sim-kpis" class:stale=move || stale.get()>{kpis(metrics_sig, KPIS)}</div> };
    let notes = view! {
        {run_note}
        {startup}
        {month}
        <p class="hint">
            "Simulated at " <FigureValue metric="sim_throughput_per_s" value=MetricValue::Num(throughput.round()) text=format!("{} million requests per second", format::number(throughput / 1e6, 1)) />
            " in this browser. Cost covers requests, on-demand duration, INIT and PC for the simulated time, at tier-1 rates without the free tier."
        </p>
    };
    let charts = view! {
        <ChartFigure canvas=c1 id="conc-summary" caption=summary_conc table="Concurrency data table"
            hint=format!("Thick line: busy environments; thin green: idle ones kept warm; thin orange: provisioned. Peak bin average {}.", format::number(peak_bin, 1))>
            <table>
                <thead><tr><th scope="col" class="num">"Time (s)"</th><th scope="col" class="num">"Busy"</th><th scope="col" class="num">"Idle"</th><th scope="col" class="num">"Arrivals"</th><th scope="col" class="num">"Cold"</th><th scope="col" class="num">"Throttled"</th></tr></thead>
                <tbody>{result.bins.iter().enumerate().map(|(i, b)| view! {
                    <tr><td class="num">{format::number(i as f64 * bin_s, 0)}</td><td class="num">{format::number(busy[i].1, 2)}</td><td class="num">{format::number(idle[i].1, 2)}</td>
                    <td class="num">{b.arrivals}</td><td class="num">{b.cold}</td><td class="num">{b.throttled}</td></tr>
                }).collect_view()}</tbody>
            </table>
        </ChartFigure>
        <ChartFigure canvas=c2 id="cdf-summary" caption=summary_cdf table="Latency data table"
            hint="Thick line: warm requests; thin line: cold requests (cumulative share against latency).">
            <table>
                <thead><tr><th scope="col" class="num">"Share"</th><th scope="col" class="num">"Warm (ms)"</th><th scope="col" class="num">"Cold (ms)"</th></tr></thead>
                <tbody>{result.warm_cdf.iter().zip(&result.cold_cdf).step_by(5).map(|(w, c)| view! {
                    <tr><td class="num">{format!("{:.0}%", w.1 * 100.0)}</td><td class="num">{format::number(w.0 / 1000.0, 1)}</td><td class="num">{format::number(c.0 / 1000.0, 1)}</td></tr>
                }).collect_view()}</tbody>
            </table>
        </ChartFigure>
        <ChartFigure canvas=c4 id="hist-summary" caption=summary_hist table="Latency histogram table"
            hint="Thick line: warm requests per latency bucket; thin line: cold requests (30 log-spaced buckets).">
            <table data-testid="hist-table">
                <thead><tr><th scope="col" class="num">"From (ms)"</th><th scope="col" class="num">"To (ms)"</th><th scope="col" class="num">"Warm"</th><th scope="col" class="num">"Cold"</th></tr></thead>
                <tbody>{result.histogram.iter().filter(|b| b.2 + b.3 > 0).map(|(a, b, w, c)| view! {
                    <tr><td class="num">{format::number(*a, 2)}</td><td class="num">{format::number(*b, 2)}</td><td class="num">{*w}</td><td class="num">{*c}</td></tr>
                }).collect_view()}</tbody>
            </table>
        </ChartFigure>
        <ChartFigure canvas=c3 id="cold-time-summary" caption=summary_cold short=true />
    };

    view! {
        {shown(Part::Result, move || headline)}
        <div class="sim-notes">{notes}</div>
        {shown(Part::Chart, move || charts)}
        <Toolbar state=state calculator="simulate" metrics=metrics_sig />
    }
}

#[component]
fn Advisor(points: Vec<PcPoint>, values: Values) -> impl IntoView {
    let best = simulation::pc_recommendation(&points).cloned();
    let canvas = crate::chart::line_chart(
        vec![Line {
            name: "cost".into(),
            points: points.iter().map(|p| (p.units as f64, p.monthly.as_f64())).collect(),
            color: 2,
            thick: true,
        }],
        "provisioned concurrency",
        "cost per month ($)",
    );
    let summary = crate::traffic_view::advisor_summary(&points, &values);
    view! {
        <p class="note" data-testid="advisor-summary">
            {best.map(|b| view! { <FigureValue metric="pc_recommended_units" value=MetricValue::Count(b.units as u128) text=format!("{} PC", b.units) /> " · " })}
            {summary}
        </p>
        <figure class="chart">
            <div class="chart-box short"><canvas node_ref=canvas role="img" aria-label="Cost against provisioned concurrency"></canvas></div>
            <TableRegion><table data-testid="advisor-table">
                <caption>"Provisioned concurrency sweep"</caption>
                <thead><tr><th scope="col" class="num">"PC"</th><th scope="col" class="num">"Cost per month"</th><th scope="col" class="num">"p99"</th><th scope="col" class="num">"Cold"</th><th scope="col" class="num">"Spillover"</th><th scope="col" class="num">"PC busy"</th><th scope="col">"Meets target"</th></tr></thead>
                <tbody>{points.iter().map(|p| view! {
                    <tr><td class="num">{p.units}</td><td class="num">{format::usd(p.monthly.as_f64())}</td><td class="num">{format!("{} ms", format::number(p.p99_ms, 1))}</td>
                    <td class="num">{format!("{:.3}%", p.cold_start_ratio * 100.0)}</td><td class="num">{format!("{:.1}%", p.spillover_ratio * 100.0)}</td>
                    <td class="num">{format!("{:.0}%", p.utilisation * 100.0)}</td><td>{if p.meets_target { "yes" } else { "no" }}</td></tr>
                }).collect_view()}</tbody>
            </table></TableRegion>
        </figure>
    }
}

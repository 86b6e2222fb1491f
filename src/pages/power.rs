//! `/calculators/power`: the power-tuning explorer. Predicts duration and
//! cost at every memory size from a description, measured points, pasted
//! CloudWatch REPORT lines or a Power Tuning result, priced exactly.

use crate::components::{
    CalcState, ErrorSummary, Evaluation, FigureValue, Handoff, PinnedPrices, Reading, SlicedRead, TableRegion, Toolbar,
    at_todays_prices, chosen_file, fields, inputs_form, kpis, layout, metric_of, shown,
};
use crate::format;
use lambda_model::base::lines::Lines;
use lambda_model::calculators::power::{self, Basis, FitQuality, POWER_PARAMS, PowerResult};
use lambda_model::models::report;
use lambda_model::params::metrics::MetricValue;
use lambda_site::embed::Part;
use leptos::html::Canvas;
use leptos::prelude::*;

/// A parameter name of [`POWER_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        lambda_model::param!(POWER_PARAMS, $name)
    };
}

pub const DESCRIBE: &[&str] =
    &["anchor_memory_mb", "anchor_duration_ms", "cpu_fraction", "parallel_fraction", "threads", "alpha"];
pub const PRICING: &[&str] = &["region", "arch", "arm_speed_factor", "requests", "free_tier"];
pub const KPIS: &[(&str, &str, Reading)] = &[
    ("Best duration", "best_duration_ms", Reading::Ms(1)),
    ("Best per million", "best_cost_per_million_usd", Reading::Usd),
    ("Duration now", "duration_ms", Reading::Ms(1)),
    ("Per invocation now", "cost_per_invocation_usd", Reading::UsdSmall),
    ("Per million now", "cost_per_million_usd", Reading::Usd),
    ("Monthly now", "monthly_usd", Reading::Usd),
    ("Monthly at the best size", "best_monthly_usd", Reading::Usd),
];
pub const CHOOSE: &[&str] = &["memory_mb", "strategy", "balanced_weight", "candidates", "max_memory_used_mb"];
pub const MEASURED: &[&str] = &["points", "points_cv", "power_tuning"];

#[component]
pub fn PowerPage() -> impl IntoView {
    let state = CalcState::from_url(POWER_PARAMS);
    let today = crate::today();
    let eval = Evaluation::new(state, move |v| power::evaluate(v, today));
    let cross = eval.cross;
    state.sync_url();
    view! {
        <div class=layout().calc_class()>
            {inputs_form("Power tuning parameters", Some((state, cross)), None, move || view! {
                <fieldset>
                    <legend>"Your measurements (optional)"</legend>
                    <ReportPaste state=state />
                    <PointsTable state=state />
                    {fields(state, cross, MEASURED)}
                </fieldset>
                <fieldset>
                    <legend>"Or describe it"</legend>
                    <p class="hint">"Used when there are no measured points."</p>
                    {fields(state, cross, DESCRIBE)}
                </fieldset>
                <fieldset>
                    <legend>"Choose"</legend>
                    {fields(state, cross, CHOOSE)}
                </fieldset>
                <fieldset>
                    <legend>"Pricing"</legend>
                    {fields(state, cross, PRICING)}
                </fieldset>
            })}
            <section class="results" aria-labelledby="power-results-h">
                <h2 id="power-results-h" class="sr-only">"Results"</h2>
                <ErrorSummary state=state cross=cross />
                {eval.view("Fix the inputs to see the sweep.", move |result| view! {
                    <PowerResults state=state result=result stale=eval.stale() />
                })}
                <PinnedPrices state=state today=at_todays_prices(state, move |v| power::evaluate(v, today).ok().map(|r| format!("{} MB at {} a month", r.best.memory_mb, crate::format::usd(r.best.monthly.as_f64())))) />
            </section>
        </div>
    }
}

/// A count for a sentence: `60,000`.
fn count(n: usize) -> String {
    format::number(n as f64, 0)
}

/// A pasted log being parsed a slice at a time. The text stays the field's
/// JavaScript string and is copied into the engine one piece at a time:
/// copying tens of megabytes at once held the page for seconds before the
/// first progress showed (issue 28).
struct ParseJob {
    text: js_sys::JsString,
    /// UTF-16 offset of the next unread piece, and the length.
    at: u32,
    len: u32,
    lines: Lines,
    log: report::ParsedLog,
}

/// UTF-16 units copied per piece (lines cut by a piece's end wait for the next).
const PIECE: u32 = 65_536;

/// Pasted text longer than this (UTF-16 units, about 2 MB) is read without
/// being kept in the box.
const LARGE_PASTE: u32 = 2_000_000;

/// How long one slice of parsing may hold the page, in ms.
const SLICE_MS: f64 = 8.0;

/// Pasting CloudWatch REPORT lines: parsed in the page, a slice at a time so
/// the page stays responsive even for tens of megabytes (with progress and
/// Cancel), then turned into measured points (mean warm duration per size)
/// and Max Memory Used. The text is read from the field when asked, not on
/// every keystroke.
#[component]
fn ReportPaste(state: CalcState) -> impl IntoView {
    let area = NodeRef::<leptos::html::Textarea>::new();
    let (summary, set_summary) = signal(String::new());
    let progress = RwSignal::new(None::<f64>);
    let job: StoredValue<Option<ParseJob>, LocalStorage> = StoredValue::new_local(None);
    let finish = move |parsed: report::ParsedLog| {
        let pts = parsed.points();
        if pts.is_empty() {
            set_summary.set(format!(
                "No REPORT lines with a Duration and a Memory Size (whole MB, 128 to 10,240) were found ({} other lines skipped, {} REPORT lines unreadable). Use lines that start with REPORT RequestId:.",
                count(parsed.skipped),
                count(parsed.malformed.len())
            ));
            return;
        }
        let list: Vec<String> =
            pts.iter().map(|p| format!("{}:{}", p.memory_mb, (p.duration_ms * 1e3).round() / 1e3)).collect();
        state.set_raw("points", list.join(","));
        state.commit("points");
        state.set_raw("points_cv", parsed.spreads());
        state.commit("points_cv");
        state.set_raw("power_tuning", String::new());
        state.commit("power_tuning");
        if let Some(m) = parsed.max_memory_used_mb() {
            state.set_raw("max_memory_used_mb", m.to_string());
            state.commit("max_memory_used_mb");
        }
        let by = parsed.by_size();
        let cold: usize = by.iter().map(|s| s.cold_count).sum();
        let inits: Vec<String> = by
            .iter()
            .filter_map(|s| s.init_mean_ms.map(|ms| format!("{} ms at {} MB", format::number(ms, 0), s.memory_mb)))
            .collect();
        set_summary.set(format!(
            "Read {} REPORT lines at {} memory size(s): {} warm, {} cold{}. Skipped {} other line(s){}. Cold invocations are left out of the fit.",
            count(parsed.reports.len()),
            by.len(),
            count(parsed.reports.len() - cold),
            count(cold),
            if inits.is_empty() { String::new() } else { format!("; mean Init Duration {}", inits.join(", ")) },
            count(parsed.skipped),
            if parsed.malformed.is_empty() { String::new() } else { format!(", and {} REPORT line(s) without a usable Duration or Memory Size", count(parsed.malformed.len())) }
        ));
    };
    fn pump(
        job: StoredValue<Option<ParseJob>, LocalStorage>,
        progress: RwSignal<Option<f64>>,
        finish: impl Fn(report::ParsedLog) + Copy + 'static,
    ) {
        let start = crate::format::now_ms();
        let done = job
            .try_update_value(|j| {
                let Some(j) = j.as_mut() else { return true };
                while j.at < j.len && crate::format::now_ms() - start < SLICE_MS {
                    let mut end = (j.at + PIECE).min(j.len);
                    // Never split a character written as two UTF-16 units.
                    if end < j.len && (0xD800..0xDC00).contains(&(j.text.char_code_at(end - 1) as u32)) {
                        end -= 1;
                    }
                    let piece = String::from(j.text.slice(j.at, end));
                    let log = &mut j.log;
                    j.lines.feed(piece.as_bytes(), |n, line| log.add_line(n, line));
                    j.at = end;
                }
                if j.at >= j.len {
                    let log = &mut j.log;
                    j.lines.finish(|n, line| log.add_line(n, line));
                }
                progress.set(Some(j.at as f64 / j.len.max(1) as f64));
                j.at >= j.len
            })
            .unwrap_or(true);
        if done {
            if let Some(Some(j)) = job.try_update_value(|j| j.take()) {
                progress.set(None);
                finish(j.log);
            }
        } else {
            set_timeout(move || pump(job, progress, finish), std::time::Duration::ZERO);
        }
    }
    // Reads `text` (a JavaScript string, not copied into the engine yet).
    let start = move |text: js_sys::JsString| {
        let len = text.length();
        job.set_value(Some(ParseJob { text, at: 0, len, lines: Lines::default(), log: report::ParsedLog::default() }));
        progress.set(Some(0.0));
        pump(job, progress, finish);
    };
    // A box holding megabytes makes every frame of the page slow (the
    // browser lays the text out again): a large log is read without
    // keeping it in the box.
    let too_big = move |text: &js_sys::JsString| {
        (text.length() > LARGE_PASTE).then(|| {
            format!(
                "Reading the {} MB pasted, without keeping them in the box…",
                format::number(text.length() as f64 / 1e6, 1)
            )
        })
    };
    let apply = move |_| {
        let Some(a) = area.get_untracked() else { return };
        let text = js_sys::Reflect::get(a.as_ref(), &"value".into()).map_or_else(|_| "".into(), js_sys::JsString::from);
        set_summary.set(String::new());
        if let Some(note) = too_big(&text) {
            a.set_value("");
            set_summary.set(note);
        }
        start(text);
    };
    let paste = move |ev: leptos::ev::ClipboardEvent| {
        let text = js_sys::Reflect::get(&ev, &"clipboardData".into())
            .ok()
            .and_then(|d| {
                let get: js_sys::Function = js_sys::Reflect::get(&d, &"getData".into()).ok()?.into();
                get.call1(&d, &"text".into()).ok()
            })
            .map(js_sys::JsString::from);
        if let Some(text) = text
            && let Some(note) = too_big(&text)
        {
            ev.prevent_default();
            set_summary.set(note);
            start(text);
        }
    };
    let reading = SlicedRead::new();
    let load_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        set_summary.set(format!("Reading {}…", file.name()));
        reading.read(
            file,
            (Lines::default(), report::ParsedLog::default()),
            |(lines, log), bytes| lines.feed(bytes, |n, line| log.add_line(n, line)),
            move |read| match read {
                Ok((mut lines, mut log)) => {
                    lines.finish(|n, line| log.add_line(n, line));
                    finish(log);
                }
                Err(e) => set_summary.set(e),
            },
        );
    };
    let busy = Memo::new(move |_| progress.with(Option::is_some) || reading.progress.with(Option::is_some));
    let busy = move || busy.get();
    let cancel = move |_| {
        reading.cancel();
        job.set_value(None);
        progress.set(None);
        set_summary.set("Stopped reading the lines; nothing was changed.".into());
    };
    on_cleanup(move || job.set_value(None));
    view! {
        <div class="field">
            <label for="report-lines">"Paste CloudWatch REPORT lines"</label>
            <textarea id="report-lines" node_ref=area rows="5" spellcheck="false" aria-describedby="report-hint" on:paste=paste></textarea>
            <p class="hint" id="report-hint">"Any number of lines at any mix of sizes; START, END and app lines are skipped."</p>
            <button type="button" on:click=apply disabled=busy data-testid="report-use">"Use these lines"</button>
            <div class="subfield">
                <label for="report-file">"Or choose a log file"</label>
                <input id="report-file" type="file" accept=".log,.txt,.csv,text/plain,text/csv" on:change=load_file disabled=busy aria-describedby="report-file-hint" />
                <p class="hint" id="report-file-hint">"Read a slice at a time, so a file of any size is fine (a CloudWatch Logs export or a Logs Insights CSV)."</p>
            </div>
            // Shown while reading; the button stays the same element while the
            // bar moves (re-made on every slice, a click could miss it).
            {move || busy().then(|| view! {
                <button type="button" on:click=cancel data-testid="report-cancel">"Cancel"</button>
                <progress max="1" prop:value=move || progress.get().or(reading.progress.get()).unwrap_or(0.0) aria-label="Reading the lines"></progress>
            })}
            <p role="status" class="hint" data-testid="report-summary">{move || summary.get()}</p>
        </div>
    }
}

/// Measured points typed into a small table, kept in the `points` parameter.
#[component]
fn PointsTable(state: CalcState) -> impl IntoView {
    let rows = move || {
        state.values.with(|v| {
            v.text(p!("points"))
                .split(',')
                .filter_map(|p| p.split_once(':'))
                .map(|(m, d)| (m.to_string(), d.to_string()))
                .collect::<Vec<_>>()
        })
    };
    let write = move |rows: Vec<(String, String)>| {
        let text: Vec<String> =
            rows.iter().filter(|(m, d)| !m.is_empty() && !d.is_empty()).map(|(m, d)| format!("{m}:{d}")).collect();
        state.set_raw("points", text.join(","));
        state.commit("points");
    };
    let edit = move |i: usize, col: usize, value: String| {
        let mut r = rows();
        if let Some(row) = r.get_mut(i) {
            if col == 0 { row.0 = value.trim().to_string() } else { row.1 = value.trim().to_string() }
        }
        write(r);
    };
    let (new_mb, set_new_mb) = signal(String::new());
    let (new_ms, set_new_ms) = signal(String::new());
    let add = move |_| {
        let mut r = rows();
        r.push((new_mb.get_untracked().trim().to_string(), new_ms.get_untracked().trim().to_string()));
        write(r);
        set_new_mb.set(String::new());
        set_new_ms.set(String::new());
    };
    view! {
        <TableRegion>
            <table class="points">
                <caption>"Measured points"</caption>
                <thead><tr><th scope="col">"Memory (MB)"</th><th scope="col">"Mean duration (ms)"</th><th scope="col"><span class="sr-only">"Remove"</span></th></tr></thead>
                <tbody>
                    {move || rows().into_iter().enumerate().map(|(i, (m, d))| view! {
                        <tr>
                            <td><input type="text" inputmode="numeric" aria-label=format!("Point {} memory (MB)", i + 1) value=m on:change=move |ev| edit(i, 0, event_target_value(&ev)) /></td>
                            <td><input type="text" inputmode="decimal" aria-label=format!("Point {} duration (ms)", i + 1) value=d on:change=move |ev| edit(i, 1, event_target_value(&ev)) /></td>
                            <td><button type="button" aria-label=format!("Remove point {}", i + 1) on:click=move |_| { let mut r = rows(); r.remove(i); write(r); }>"×"</button></td>
                        </tr>
                    }).collect_view()}
                    <tr>
                        <td><input type="text" inputmode="numeric" aria-label="New point memory (MB)" prop:value=move || new_mb.get() on:input=move |ev| set_new_mb.set(event_target_value(&ev)) /></td>
                        <td><input type="text" inputmode="decimal" aria-label="New point duration (ms)" prop:value=move || new_ms.get() on:input=move |ev| set_new_ms.set(event_target_value(&ev)) /></td>
                        <td><button type="button" on:click=add>"Add"</button></td>
                    </tr>
                </tbody>
            </table>
        </TableRegion>
    }
}

#[component]
fn PowerResults(state: CalcState, result: Memo<PowerResult>, stale: Signal<bool>) -> impl IntoView {
    let metrics = Memo::new(move |_| result.with(|r| r.metrics()));
    let series = Memo::new(move |_| {
        result.with(|r| crate::chart::PowerSeries {
            model: r.grid.iter().map(|g| (g.memory_mb as f64, g.duration_ms, g.per_million.as_f64())).collect(),
            measured: r.measured.iter().map(|p| (p.memory_mb, p.duration_ms)).collect(),
            iso: r.grid.iter().map(|g| (g.memory_mb as f64, g.iso_cost_ms)).collect(),
            current_mb: r.current.memory_mb as f64,
            best_mb: r.best.memory_mb as f64,
        })
    });
    let canvas = NodeRef::<Canvas>::new();
    crate::chart::redraw_memo(canvas, series, crate::chart::draw_power_chart);
    let csv_href = Memo::new(move |_| {
        format!(
            "data:text/csv;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&result.with(|r| r.to_csv())))
        )
    });
    let best_mb = metric_of(metrics.into(), "best_memory_mb");
    view! {
        {shown(Part::Result, move || view! {
        <div class="result-card" class:stale=move || stale.get() aria-live="polite">
            <p class="kpi-label">{move || result.with(|r| if r.measured.is_empty() {
                format!("Recommended for {}", r.strategy)
            } else {
                format!("Recommended for {}: the best measured size", r.strategy)
            })}</p>
            <p class="big-number"><FigureValue metric="best_memory_mb" value=best_mb text=Signal::derive(move || format!("{} MB", best_mb.get().exact())) /></p>
            <p data-testid="versus">{move || result.with(|r| format!("Against {} MB now: {}.", r.current.memory_mb, r.versus_text()))}</p>
            {move || result.with(|r| r.tradeoff()).map(|t| view! { <p class="note" data-testid="tradeoff">{t}</p> })}
            {move || result.with(|r| state.values.with(|v| r.cpu_share_question(v))).map(|t| view! {
                <p class="note" data-testid="cpu-share-question">{t}" "<a href="#p-cpu_fraction">"Set the share of time computing"</a></p>
            })}
            <nav class="handoffs" aria-label="Take this size to another calculator">
                <Handoff state=state to=&lambda_model::calculators::COST label=Signal::derive(move || result.with(|r| format!("Price {} MB in the cost calculator", r.best.memory_mb)))
                    overrides=Signal::derive(move || result.with(|r| state.values.with(|v| r.cost_handoff(v))))
                    hint=Signal::derive(move || result.with(|r| state.values.with(|v| format!(
                        "Opens the cost calculator with the recommended size, its duration and {}; everything else about the function comes along.",
                        r.cost_handoff_spread(v)
                    )))) />
            </nav>
            {kpis(metrics.into(), KPIS)}
            {move || result.with(|r| state.carried.with_value(|c| state.values.with(|v| r.month_difference(v, c, crate::today())))).map(|t| view! {
                <p class="note" data-testid="month-difference">{t}" "
                    <Handoff state=state to=&lambda_model::calculators::COST label="See the cost calculator's breakdown"
                        overrides=Signal::derive(move || result.with(|r| vec![
                            ("memory_mb", r.current.memory_mb.to_string()),
                            ("duration_ms", lambda_model::params::fmt_round(r.current.duration_ms, 3)),
                        ]))
                        hint="Opens the cost calculator for this function at its current size, with every line of its bill." />
                </p>
            })}
            <p class="hint">{move || if state.values.with(|v| v.flag(p!("free_tier"))) {
                "Monthly figures apply the free tier (1M requests and 400,000 GB-s a month, account-wide); per-invocation figures never do."
            } else {
                "Monthly figures are without the free tier; per-invocation figures never include it."
            }}</p>

            {move || result.with(|r| r.next.as_ref().map(|(row, _, _)| view! {
                <p class="note" data-testid="measure-next">
                    "Worth measuring next: "
                    <FigureValue metric="next_memory_mb" value=MetricValue::Count(row.memory_mb as u128) text=format!("{} MB", row.memory_mb) />
                    {format!(
                        ". The model expects it to be {}; the recommendation stays with what was measured until a measurement says otherwise.",
                        r.next_gain().unwrap_or_default()
                    )}
                </p>
            }))}
            {move || result.with(|r| match &r.basis {
                Basis::Fitted(f) => view! {
                    <p class="note" data-testid="fit-quality">
                        {match r.fit_quality {
                            Some(FitQuality::LeaveOneOut { max_rel_error, .. }) => view! {
                                {format!("Fitted to {} measured sizes: R² ", r.measured.len())}
                                <FigureValue metric="fit_r2" value=MetricValue::Num(f.r2) text=format!("{:.4}", f.r2) />
                                {format!(", largest error {:.1}%. ", f.max_rel_error * 100.0)}
                                <FigureValue metric="fit_loo_error" value=MetricValue::Num(max_rel_error) text=r.fit_text().unwrap_or_default() />
                            }.into_any(),
                            _ => view! { {r.fit_text().unwrap_or_default()} }.into_any(),
                        }}
                        " "
                        {f.caveats.join(" ")}
                    </p>
                }.into_any(),
                Basis::Described => view! { <p class="hint">"Modelled from one measurement and your description; paste measurements to fit the model instead."</p> }.into_any(),
            })}
            <p class="hint">{move || result.with(|r| r.other_arch.as_ref().map(|(a, row)| format!(
                "On {}: best {} MB at {} per million ({} ms).", a.name(), row.memory_mb, format::usd(row.per_million.as_f64()), format::number(row.duration_ms, 1)
            )))}</p>
        </div>
        })}
        {shown(Part::Chart, move || view! {
        <figure class="chart">
            <div class="chart-box tall"><canvas node_ref=canvas role="img" aria-labelledby="power-chart-summary"></canvas></div>
            <figcaption id="power-chart-summary" data-testid="power-chart-summary">{move || result.with(|r| r.summary())}</figcaption>
            <p class="hint">"Solid line: modelled duration (left axis). Thin line: the duration at which each size costs what the current size costs (iso-cost). Line with squares: cost per million (right axis). Circles: measured. Vertical lines: current size and recommendation."</p>
        </figure>
        })}
        {shown(Part::Table, move || view! {
        <TableRegion>
            <table class="sweep" data-testid="sweep-table">
                <caption>"Every candidate size (the chart's data)"</caption>
                <thead><tr>
                    <th scope="col" class="num">"Memory"</th><th scope="col" class="num">"Duration"</th><th scope="col">"Source"</th>
                    <th scope="col" class="num">"Per invocation"</th><th scope="col" class="num">"Per million"</th><th scope="col" class="num">"Monthly"</th>
                    <th scope="col" class="num">"Same cost as now at"</th>
                </tr></thead>
                <tbody>
                    {move || result.with(|r| r.candidates.iter().map(|c| {
                        let best = c.memory_mb == r.best.memory_mb;
                        view! {
                            <tr class:best=best class:zero=c.out_of_memory || c.timed_out>
                                <th scope="row" class="num">{format!("{} MB", c.memory_mb)}{best.then_some(" ★")}</th>
                                <td class="num">{format!("{} ms", format::number(c.duration_ms, 1))}</td>
                                <td>{if c.out_of_memory { "would run out of memory" } else if c.timed_out { "would time out (over 15 minutes)" } else if c.measured { "measured" } else if c.extrapolated { "model, extrapolated" } else { "model" }}{r.next.as_ref().is_some_and(|(n, _, _)| n.memory_mb == c.memory_mb).then_some(" · measure next")}</td>
                                <td class="num">{format::usd_small(c.per_invocation.as_f64())}</td>
                                <td class="num">{format::usd(c.per_million.as_f64())}</td>
                                <td class="num">{format::usd(c.monthly.as_f64())}</td>
                                <td class="num">{format!("{} ms", format::number(c.iso_cost_ms, 1))}</td>
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
        </TableRegion>
        {move || result.with(|r| (!r.repriced.is_empty()).then(|| r.repriced.clone())).map(|repriced| view! {
            <TableRegion>
                <table data-testid="repriced-table">
                    <caption>"Power Tuning's figures, re-priced exactly"</caption>
                    <thead><tr>
                        <th scope="col" class="num">"Memory"</th><th scope="col" class="num">"Duration"</th>
                        <th scope="col" class="num">"Power Tuning"</th><th scope="col" class="num">"Exact duration cost"</th>
                        <th scope="col" class="num">"Exact with request fee"</th><th scope="col" class="num">"Difference"</th>
                    </tr></thead>
                    <tbody>
                        {repriced.iter().map(|p| {
                            let pt = p.point.cost_usd;
                            let exact = p.exact_per_invocation.as_f64();
                            view! { <tr>
                                <th scope="row" class="num">{format!("{} MB", p.point.memory_mb)}</th>
                                <td class="num">{format!("{} ms", format::number(p.point.duration_ms, 1))}</td>
                                <td class="num">{format::usd_small(pt)}</td>
                                <td class="num">{format::usd_small(p.exact_duration_only.as_f64())}</td>
                                <td class="num"><FigureValue metric=format!("repriced_{}_usd", p.point.memory_mb) value=MetricValue::Usd(p.exact_per_invocation) text=format::usd_small(exact) /></td>
                                <td class="num">{if pt > 0.0 { format!("{:+.1}%", (exact - pt) / pt * 100.0) } else { "—".into() }}</td>
                            </tr> }
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="hint">
                    "Power Tuning leaves out the $0.20 per million request fee, prices from a per-millisecond price rounded "
                    "to 10 decimals (about 1% high at 128 MB on x86_64, 2% on arm64), and stores its figures as 32-bit floats. "
                    "The exact columns use this region's published rates."
                </p>
            </TableRegion>
        })}
        })}
        <Toolbar state=state calculator="power" metrics=Signal::derive(move || metrics.get())>
            <a class="button" href=move || csv_href.get() download="lambda-power-sweep.csv">"Export CSV"</a>
        </Toolbar>
    }
}

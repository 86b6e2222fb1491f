//! `/calculators/microvms`: what a month of Lambda MicroVMs costs, line by
//! line: vCPU and memory at the baseline and the peak, snapshots written and
//! read, images and suspended MicroVMs stored.

use crate::components::{
    CalcState, ErrorSummary, Evaluation, FigureValue, MathDetails, Reading, TableRegion, Toolbar, fields, inputs_form,
    kpis, layout, shown, usd_row,
};
use crate::format;
use lambda_model::base::money::Usd;
use lambda_model::calculators::microvms::{self, MICROVM_PARAMS, MicroVmResult};
use lambda_model::params::metrics::MetricValue;
use lambda_site::embed::Part;
use leptos::prelude::*;

pub const SIZE: &[&str] = &["region", "baseline_gb", "peak_multiple", "peak_share"];
pub const SESSIONS: &[&str] = &["sessions", "session_s", "suspends_per_session", "suspended_s"];
pub const IMAGES: &[&str] = &["images", "image_gb"];

pub const KPIS: &[(&str, &str, Reading)] = &[
    ("Compute (vCPU and memory)", "compute_usd", Reading::Usd),
    ("Snapshots", "snapshot_usd", Reading::Usd),
    ("Storage", "storage_usd", Reading::Usd),
    ("Per MicroVM launched", "per_session_usd", Reading::UsdSmall),
];

#[component]
pub fn MicroVmsPage() -> impl IntoView {
    let state = CalcState::from_url(MICROVM_PARAMS);
    let eval = Evaluation::new(state, microvms::evaluate);
    let cross = eval.cross;
    state.sync_url();
    let fields = move |names: &'static [&'static str]| fields(state, cross, names);
    view! {
        <div class=layout().calc_class()>
            {inputs_form("MicroVMs parameters", Some((state, cross)), None, move || view! {
                <fieldset><legend>"Size"</legend>{fields(SIZE)}</fieldset>
                <fieldset><legend>"Sessions"</legend>{fields(SESSIONS)}</fieldset>
                <fieldset><legend>"Images"</legend>{fields(IMAGES)}</fieldset>
            })}
            <section class="results" aria-labelledby="microvms-results-h">
                <h2 id="microvms-results-h" class="sr-only">"Results"</h2>
                <ErrorSummary state=state cross=cross />
                {eval.view("Fix the inputs to see the cost.", move |result| view! { <MicroVmResults result=result /> })}
                <Toolbar state=state calculator="microvms" metrics=Signal::derive(move || eval.evaluated.with(|e| e.as_ref().map(|r| r.metrics()).unwrap_or_default())) />
            </section>
        </div>
    }
}

#[component]
fn MicroVmResults(result: Memo<MicroVmResult>) -> impl IntoView {
    let metrics = Memo::new(move |_| result.with(|r| r.metrics()));
    let total = Signal::derive(move || MetricValue::Usd(result.with(|r| r.bill.total_usd)));
    let line = move |label: &'static str, metric: &'static str, f: fn(&MicroVmResult) -> Usd| {
        usd_row(label, metric, Signal::derive(move || MetricValue::Usd(result.with(f))))
    };
    view! {
        {shown(Part::Result, move || view! {
        <div class="result-card" aria-live="polite">
            <p class="kpi-label">"MicroVMs per month"</p>
            <p class="big-number"><FigureValue metric="total_usd" value=total text=Signal::derive(move || format::usd(total.get().as_f64().unwrap_or(0.0))) /></p>
            {kpis(metrics.into(), KPIS)}
            <p class="hint" data-testid="microvms-summary">{move || result.with(|r| {
                let b = &r.bill;
                format!(
                    "{} MicroVM launches a month, {} s running each ({} vCPU-seconds and {} GB-seconds in all), in {}. Arm (Graviton) only; no free tier.",
                    format::number(b.input.sessions as f64, 0),
                    format::number(b.input.session_s as f64, 0),
                    format::number(b.vcpu_seconds.as_f64(), 0),
                    format::number(b.gb_seconds.as_f64(), 0),
                    b.input.rates.region
                )
            })}</p>
        </div>
        })}
        {shown(Part::Table, move || view! {
        <TableRegion>
            <table class="breakdown">
                <caption>"MicroVMs per month"</caption>
                <thead><tr><th scope="col">"Line"</th><th scope="col" class="num">"Amount"</th></tr></thead>
                <tbody>
                    {line("vCPU", "vcpu_usd", |r| r.bill.vcpu_usd)}
                    {line("Memory", "memory_usd", |r| r.bill.memory_usd)}
                    {line("Snapshots written on suspend", "snapshot_write_usd", |r| r.bill.snapshot_write_usd)}
                    {line("Snapshots read on launch and resume", "snapshot_read_usd", |r| r.bill.snapshot_read_usd)}
                    {line("Images and suspended MicroVMs stored", "storage_usd", |r| r.bill.storage_usd)}
                    <tr class="total-row"><th scope="row">"Total"</th><td class="num">{move || format::usd(total.get().as_f64().unwrap_or(0.0))}</td></tr>
                </tbody>
            </table>
        </TableRegion>
        })}
        {shown(Part::Math, move || view! {
            <MathDetails
                math=Signal::derive(move || result.with(|r| r.math().join("\n")))
                notes=Signal::derive(move || result.with(|r| r.notes.clone()))
                assumptions=Signal::derive(move || result.with(|r| r.assumptions())) />
        })}
    }
}

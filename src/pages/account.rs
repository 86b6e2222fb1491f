//! `/calculators/account`: several functions priced as one account. The free
//! tier is shared and each (region, architecture) has one duration tier
//! counter, as on a real bill. State: `?f=<function query>&f=…&free_tier_order=…`.

use crate::components::{EmbedQuery, FigureValue, TableRegion, inputs_form, layout, shown};
use crate::format;
use crate::paths::href;
use lambda_model::billing::{self, COST_PARAMS, CostInput, FreeTierOrder};
use lambda_model::calculators::cost::price_account;
use lambda_model::params::Values;
use lambda_model::params::metrics::MetricValue;
use lambda_site::embed::Part;
use leptos::prelude::*;

use lambda_model::calculators::account::{self, MAX_FUNCTIONS};
/// The fields editable in a row; everything else via the full calculator.
pub const ROW_FIELDS: &[&str] = &["region", "arch", "memory_mb", "duration_ms", "requests"];

/// The products a function may add to its bill, per function, in a
/// collapsible section under the table (a REST API cache and an ALB's
/// connection figures through "All parameters").
pub const EXTRA_FIELDS: &[&str] = &[
    "tenant_environments",
    "durable_executions",
    "durable_ops_per_execution",
    "durable_kb_per_execution",
    "durable_days",
    "durable_retention_days",
    "sqs_poller_hours",
    "kafka_poller_hours",
    "front_door",
    "payload_kb",
    "log_kb_per_invocation",
    "egress_gb",
    "nat_gb",
    "nat_hours",
];

/// The specs of `fields`, in order (a native test checks every name).
fn specs(fields: &'static [&'static str]) -> impl Iterator<Item = &'static lambda_model::params::ParamSpec> {
    fields.iter().filter_map(|n| COST_PARAMS.iter().find(|s| s.name == *n))
}

/// One row's cells for `fields`: a labelled native input or select each.
fn field_cells(
    fields: &'static [&'static str],
    row: impl Fn() -> usize + Copy + Send + Sync + 'static,
    fns: RwSignal<Vec<Values>>,
    set_field: impl Fn(usize, &'static str, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    specs(fields)
        .map(|spec| {
            let name = spec.name;
            let label = move || format!("Function {} {}", row() + 1, spec.label);
            let value = fns.with_untracked(|f| f[row()].get(name).to_string());
            let cell = match spec.kind {
                lambda_model::params::Kind::Choice(opts) => view! {
                    <select aria-label=label on:change=move |ev| set_field(row(), name, event_target_value(&ev))>
                        {opts.iter().map(|o| view! { <option value=*o selected=*o == value>{lambda_model::calculators::labels::choice_label(name, o)}</option> }).collect_view()}
                    </select>
                }
                .into_any(),
                _ => view! {
                    <input type="text" inputmode="decimal" aria-label=label value=value
                        on:change=move |ev| set_field(row(), name, event_target_value(&ev)) />
                }
                .into_any(),
            };
            view! { <td>{cell}</td> }
        })
        .collect_view()
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let account::AccountLink { functions: fns0, order: order0, problems } = account::read(&crate::url::query());
    let fns = RwSignal::new(fns0);
    let order = RwSignal::new(order0);
    // Problems from the link itself (its invalid values took their
    // defaults) until the first edit; then the last valid result stays.
    let from_link = RwSignal::new(!problems.is_empty());
    let row_errors = RwSignal::new(problems);
    let today = crate::today();
    // Embedded, the address bar belongs to the page around; the embed keeps
    // its query for its "Open in Lambda Lab" link.
    let embedded = crate::url::embedding().is_some();
    let embed_query = use_context::<EmbedQuery>();
    Effect::new(move |_| {
        let q = fns.with(|f| account::query(f, order.get()));
        match (embedded, embed_query) {
            (false, _) => crate::url::replace_query(&q),
            (true, Some(EmbedQuery(e))) => e.set(q),
            (true, None) => {}
        }
    });
    let layout = layout();
    let notices = layout.notices.clone();
    let priced = Memo::new(move |_| {
        let inputs: Result<Vec<CostInput>, String> = fns.with(|f| {
            f.iter()
                .enumerate()
                .map(|(k, v)| {
                    CostInput::from_values(v, today).map_err(|e| {
                        format!(
                            "Function {}: {}",
                            k + 1,
                            e.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join(" ")
                        )
                    })
                })
                .collect()
        });
        inputs.and_then(|i| price_account(&i, order.get()))
    });
    let last_good = Memo::new(move |prev: Option<&Option<billing::CostResult>>| match priced.get() {
        Ok(r) => Some(r),
        Err(_) => prev.cloned().flatten(),
    });
    let has_total = Memo::new(move |_| last_good.with(Option::is_some));
    let total = Signal::derive(move || {
        MetricValue::Usd(last_good.with(|r| r.as_ref().map_or(lambda_model::base::money::Usd::ZERO, |r| r.total)))
    });
    // Stable ids for the rows, in the order of `fns`.
    let ids = RwSignal::new((0..fns.with_untracked(Vec::len) as u32).collect::<Vec<u32>>());
    let next_id = StoredValue::new(ids.with_untracked(Vec::len) as u32);
    let set_field = move |row: usize, name: &'static str, raw: String| {
        let mut err = None;
        fns.update(|f| {
            if let Some(v) = f.get_mut(row)
                && let Err(e) = v.set(name, &raw)
            {
                err = Some(format!("Function {}: {}", row + 1, e.message));
            }
        });
        from_link.set(false);
        row_errors.set(err.into_iter().collect());
    };

    view! {
        // The functions' table needs the page's width: one column, the
        // total under it (compact embeds keep their own layout).
        <div class=if layout.compact { layout.calc_class() } else { "calc stacked" }>
        {(!notices.is_empty()).then(|| view! { <div class="note" role="status">{notices.join(" ")}</div> })}
        // The total first, where the page's first figures stand before the
        // module (written at build time, or by the figures module for a
        // link), so taking over moves nothing; the functions under it.
        <section class="results" aria-label="Account total">
            {shown(Part::Result, move || view! {
                <div class="result-card" aria-live="polite">
                    <p class="kpi-label">"Account total per month"</p>
                    <p class="big-number">{move || has_total.get().then(|| view! {
                        <FigureValue metric="total_usd" value=total text=Signal::derive(move || format::usd(total.get().as_f64().unwrap_or(0.0))) />
                    })}</p>
                </div>
            })}
        </section>
        {inputs_form("Functions", None, None, move || view! {
        <div class="toolbar">
            <label for="free-tier-order">"Free GB-s go first to"</label>
            <select id="free-tier-order" on:change=move |ev| order.set(if event_target_value(&ev) == "arm64_first" { FreeTierOrder::ArmFirst } else { FreeTierOrder::X86First })>
                <option value="x86_64_first" selected=move || order.get() == FreeTierOrder::X86First>"x86_64 functions"</option>
                <option value="arm64_first" selected=move || order.get() == FreeTierOrder::ArmFirst>"arm64 functions"</option>
            </select>
            <button type="button" on:click=move |_| if fns.with(|f| f.len() < MAX_FUNCTIONS) {
                fns.update(|f| f.push(Values::defaults(COST_PARAMS)));
                let id = next_id.get_value();
                next_id.set_value(id + 1);
                ids.update(|v| v.push(id));
            }>
                "Add a function"
            </button>
        </div>
        {move || {
            let errs = row_errors.get();
            let pe = priced.with(|p| p.as_ref().err().cloned());
            let all: Vec<String> = errs.into_iter().chain(pe).collect();
            (!all.is_empty()).then(|| view! {
                <div class="error-box" role="alert">
                    <p>{move || match (last_good.with(Option::is_some), priced.with(Result::is_ok) && from_link.get()) {
                        (false, _) => "No total until this is fixed.",
                        (true, true) => "These values from the link could not be used; the total uses their defaults.",
                        (true, false) => "Showing the last valid result.",
                    }}</p>
                    <ul>{all.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </div>
            })
        }}
        <TableRegion>
            <table class="account">
                <caption>"Functions"</caption>
                <thead>
                    <tr>
                        <th scope="col">"#"</th>
                        {specs(ROW_FIELDS).map(|spec| view! { <th scope="col">{spec.label}</th> }).collect_view()}
                        <th scope="col" class="num">"Monthly cost"</th>
                        <th scope="col">"Actions"</th>
                    </tr>
                </thead>
                <tbody>
                    // One row per function, keyed by a stable id: an edit
                    // updates figures in place and removing a function leaves
                    // the other rows (and the field in focus) alone.
                    <For each=move || ids.get() key=|id| *id let:id>
                        {
                            let row = move || ids.with(|v| v.iter().position(|x| *x == id).unwrap_or(0));
                            let cells = field_cells(ROW_FIELDS, row, fns, set_field);
                            let total = move || last_good.with(|s| s.as_ref().and_then(|r| r.functions.get(row())).map(|f| f.total()));
                            let edit = move || format!("{}?{}", href("/calculators/cost/"), fns.with(|f| f.get(row()).map(|v| v.to_query()).unwrap_or_default()));
                            let remove = move |_| {
                                let k = row();
                                if fns.with(|f| f.len() > 1) {
                                    fns.update(|f| { f.remove(k); });
                                    ids.update(|v| { v.remove(k); });
                                }
                            };
                            view! {
                                <tr>
                                    <th scope="row">{move || row() + 1}</th>
                                    {cells}
                                    <td class="num">{move || total().map(|t| view! {
                                        <span data-metric=format!("function_{}_total_usd", row() + 1) data-value=MetricValue::Usd(t).exact()>{format::usd(t.as_f64())}</span>
                                    })}</td>
                                    <td>
                                        <a href=edit>"All parameters"</a>
                                        " "
                                        <button type="button" aria-label=move || format!("Remove function {}", row() + 1) disabled=move || fns.with(|f| f.len() <= 1)
                                            on:click=remove>"Remove"</button>
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </TableRegion>
        <details class="advanced" open=fns.with_untracked(|f| f.iter().any(|v| EXTRA_FIELDS.iter().any(|n| v.get(n) != Values::defaults(COST_PARAMS).get(n))))>
            <summary>"Tenant isolation, durable functions, event pollers, front door and network"</summary>
            <TableRegion>
                <table class="account">
                    <caption>"Per function, at each function's regional rates"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"#"</th>
                            {specs(EXTRA_FIELDS).map(|spec| view! {
                                <th scope="col">{spec.label}{(!spec.unit.is_empty()).then(|| format!(" ({})", spec.unit))}</th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| *id let:id>
                            {
                                let row = move || ids.with(|v| v.iter().position(|x| *x == id).unwrap_or(0));
                                view! {
                                    <tr>
                                        <th scope="row">{move || row() + 1}</th>
                                        {field_cells(EXTRA_FIELDS, row, fns, set_field)}
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </TableRegion>
        </details>
        })}
        <div class="results account-details">
        {move || last_good.get().map(|r| {
            let metrics = r.metrics();
            let math = view! {
                <details class="show-math">
                    <summary>"Show the math"</summary>
                    <pre class="math">{r.math().join("\n")}</pre>
                    <h3>"Assumptions"</h3>
                    <ul>{r.assumptions.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul>
                </details>
            };
            let table = view! {
                <TableRegion>
                    <table>
                        <caption>"Account breakdown"</caption>
                        <tbody>
                            {metrics.iter().filter(|(n, _)| *n != "total_usd" && n.ends_with("_usd") && !n.starts_with("per_")).map(|(n, v)| {
                                let label = r.lines.items().iter().find(|(m, _, _)| m == n).map(|x| x.1).unwrap_or("");
                                view! { <tr><th scope="row">{label}</th><td class="num"><FigureValue metric=*n value=*v text=format::usd(v.as_f64().unwrap_or(0.0)) /></td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableRegion>
            };
            view! {
                {shown(Part::Table, move || table)}
                {shown(Part::Math, move || math)}
            }
        })}
        </div>
        </div>
    }
}

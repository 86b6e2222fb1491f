//! Figures that carry `data-metric` / `data-value`, their readings, the
//! KPI row, charts with their tables, and the math details.

use super::*;

/// A link that carries this function into another calculator ("Simulate this
/// traffic", "Price this size"). Inside an embed it opens Lambda Lab in a new
/// tab, like every link out of an iframe.
#[component]
pub fn Handoff(
    state: CalcState,
    /// The calculator to open (`&calculators::COST`, …).
    to: &'static CalcInfo,
    #[prop(into)] label: Signal<String>,
    /// Values that replace the profile's (a picked size, a simulated ratio).
    #[prop(into, optional)]
    overrides: Signal<Vec<(&'static str, String)>>,
    #[prop(into, optional)] hint: Signal<String>,
) -> impl IntoView {
    let href = move || overrides.with(|o| state.handoff(to, o));
    let external = state.links_out();
    view! {
        <a class="button handoff" href=href data-handoff=to.name target=external.then_some("_blank") rel=external.then_some("noopener") title=move || hint.with(|h| (!h.is_empty()).then(|| h.clone()))>
            {move || label.get()}
        </a>
    }
}

/// How a figure reads.
#[derive(Clone, Copy, PartialEq)]
pub enum Reading {
    /// Dollars and cents.
    Usd,
    /// Dollars with the digits a per-invocation price needs.
    UsdSmall,
    /// Milliseconds with this many decimals.
    Ms(usize),
    /// A plain number with at most this many decimals.
    Num(usize),
    /// A ratio as a percentage with three decimals.
    Pct,
}

impl Reading {
    pub fn text(self, v: MetricValue) -> String {
        let Some(x) = v.as_f64() else { return "—".into() };
        match self {
            Reading::Usd => crate::format::usd(x),
            Reading::UsdSmall => crate::format::usd_small(x),
            Reading::Ms(d) => format!("{} ms", crate::format::number(x, d)),
            Reading::Num(d) => crate::format::number(x, d),
            Reading::Pct => format!("{:.3}%", x * 100.0),
        }
    }
}

/// One metric of a calculator's metrics, by name.
pub fn metric_of(metrics: Signal<Vec<(&'static str, MetricValue)>>, name: &'static str) -> Signal<MetricValue> {
    Signal::derive(move || {
        metrics.with(|m| m.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).unwrap_or(MetricValue::Missing))
    })
}

/// A row of key figures: (label, metric, how it reads), each a figure
/// carrying `data-metric`/`data-value`.
pub fn kpis(
    metrics: Signal<Vec<(&'static str, MetricValue)>>,
    items: &'static [(&'static str, &'static str, Reading)],
) -> impl IntoView {
    view! {
        <div class="kpis">
            {items
                .iter()
                .map(|(label, name, show)| {
                    let v = metric_of(metrics, name);
                    let show = *show;
                    view! {
                        <div class="kpi">
                            <span class="label">{*label}</span>
                            <span class="value"><FigureValue metric=*name value=v text=Signal::derive(move || show.text(v.get())) /></span>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// One line of a bill's breakdown table: its label, and its amount as a
/// figure (`data-metric`, the exact `data-value`, dollars and cents).
pub fn usd_row(label: &'static str, metric: &'static str, value: Signal<MetricValue>) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td class="num"><FigureValue metric=metric value=value text=Signal::derive(move || crate::format::usd(value.get().as_f64().unwrap_or(0.0))) /></td>
        </tr>
    }
}

/// A table that may be wider than the screen: a focusable, labelled region
/// that scrolls sideways (keyboard users can scroll it too).
#[component]
pub fn TableRegion(children: Children) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Table; scroll sideways if it is wider than the screen">
            {children()}
        </div>
    }
}

/// A chart: its canvas (drawn by `chart::drawn`), the sentence describing it
/// (the canvas's accessible name), how to read it, and its data table under a
/// disclosure.
#[component]
pub fn ChartFigure<C: IntoView + 'static>(
    canvas: NodeRef<leptos::html::Canvas>,
    id: &'static str,
    /// The sentence that describes the chart: text, or a closure for a
    /// chart whose result changes in place.
    caption: C,
    #[prop(optional, into)] hint: String,
    #[prop(optional)] short: bool,
    /// The disclosure's label for the table.
    #[prop(optional)]
    table: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <figure class="chart">
            <div class="chart-box" class:short=short><canvas node_ref=canvas role="img" aria-labelledby=id></canvas></div>
            <figcaption id=id data-testid=id>{caption}</figcaption>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            {children.map(|c| view! { <details><summary>{table}</summary><TableRegion>{c()}</TableRegion></details> })}
        </figure>
    }
}

/// "Show the math": the arithmetic, notes on AWS's published figures where
/// the scenario is one of them, and the assumptions.
#[component]
pub fn MathDetails(
    math: Signal<String>,
    notes: Signal<Vec<String>>,
    assumptions: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <details class="show-math">
            <summary>"Show the math"</summary>
            <pre class="math" data-testid="math">{move || math.get()}</pre>
            {move || notes.with(|n| (!n.is_empty()).then(|| view! {
                <h3>"Notes on published figures"</h3>
                <ul class="notes">{n.iter().map(|n| view! { <li class="note">{n.clone()}</li> }).collect_view()}</ul>
            }))}
            <h3>"Assumptions"</h3>
            <ul>{move || assumptions.with(|a| a.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view())}</ul>
        </details>
    }
}

/// A figure: its text, with the exact value for scripts and tests.
#[component]
pub fn FigureValue(
    #[prop(into)] metric: String,
    #[prop(into)] value: Signal<MetricValue>,
    #[prop(into)] text: Signal<String>,
) -> impl IntoView {
    view! { <span data-metric=metric data-value=move || value.get().exact()>{move || text.get()}</span> }
}

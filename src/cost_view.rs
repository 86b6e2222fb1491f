//! Pure view logic for the cost calculator: what-if variants, chart bars and
//! the chart's one-sentence summary. No DOM here, so it is tested natively.

use crate::chart::StackedBar;
use crate::format;
use lambda_model::billing::CostResult;
use lambda_model::calculators::cost::evaluate;
use lambda_model::params::{Date, Values};

/// A parameter name of [`COST_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        lambda_model::param!(lambda_model::billing::COST_PARAMS, $name)
    };
}

/// A what-if variant: a label, the changed parameter, and its result.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    pub key: &'static str,
    pub label: String,
    pub param: &'static str,
    pub value: String,
    pub result: Option<CostResult>,
    pub why_not: Option<String>,
}

/// arm64 against x86_64, and the free tier on against off.
pub fn what_ifs(values: &Values, today: Date) -> Vec<WhatIf> {
    let mut out = Vec::new();
    let other_arch = if values.text(p!("arch")) == "arm64" { "x86_64" } else { "arm64" };
    let free = values.flag(p!("free_tier"));
    for (key, param, value, label) in [
        ("arch", "arch", other_arch.to_string(), format!("On {other_arch}")),
        (
            "free_tier",
            "free_tier",
            (!free).to_string(),
            if free { "Without the free tier".into() } else { "With the free tier".into() },
        ),
    ] {
        let mut v = values.clone();
        let _ = v.set(param, &value);
        let (result, why_not) = match evaluate(&v, today) {
            Ok(r) => (Some(r), None),
            Err(e) => (None, Some(e.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join(" "))),
        };
        out.push(WhatIf { key, label, param, value, result, why_not });
    }
    out
}

/// The positive cost lines as chart values, in series order.
pub fn bar_values(r: &CostResult) -> Vec<f64> {
    r.lines.items().iter().filter(|(n, _, _)| *n != "savings_usd").map(|(_, _, u)| u.as_f64().max(0.0)).collect()
}

/// Series names, in the order of [`bar_values`].
pub fn series_names(r: &CostResult) -> Vec<&'static str> {
    r.lines.items().iter().filter(|(n, _, _)| *n != "savings_usd").map(|(_, l, _)| *l).collect()
}

/// The series (by index) that some bar has a non-zero amount of: the legend
/// lists only those.
pub fn used_series(bars: &[StackedBar]) -> Vec<usize> {
    let n = bars.iter().map(|b| b.values.len()).max().unwrap_or(0);
    (0..n).filter(|i| bars.iter().any(|b| b.values.get(*i).is_some_and(|v| *v > 0.0))).collect()
}

pub fn bars(current: &CostResult, what_ifs: &[WhatIf]) -> Vec<StackedBar> {
    let mut out = vec![StackedBar {
        label: "This configuration".into(),
        values: bar_values(current),
        total_text: format::usd(current.total.as_f64()),
    }];
    for w in what_ifs {
        if let Some(r) = &w.result {
            out.push(StackedBar {
                label: w.label.clone(),
                values: bar_values(r),
                total_text: format::usd(r.total.as_f64()),
            });
        }
    }
    out
}

fn pct(part: f64, whole: f64) -> String {
    if whole <= 0.0 { "0%".into() } else { format!("{:.0}%", 100.0 * part / whole) }
}

/// One sentence: the total, its largest parts, and the what-ifs.
pub fn summary(current: &CostResult, what_ifs: &[WhatIf]) -> String {
    let total = current.total.as_f64();
    let mut parts: Vec<(&str, f64)> = current
        .lines
        .items()
        .iter()
        .filter(|(n, _, u)| *n != "savings_usd" && u.as_f64() > 0.0)
        .map(|(_, l, u)| (*l, u.as_f64()))
        .collect();
    parts.sort_by(|a, b| b.1.total_cmp(&a.1));
    let gross: f64 = parts.iter().map(|p| p.1).sum();
    let mut s = format!("The monthly total is {}", format::usd(total));
    if !parts.is_empty() {
        let top: Vec<String> = parts
            .iter()
            .take(2)
            .map(|(l, v)| format!("{} {} ({})", l.to_lowercase(), pct(*v, gross), format::usd(*v)))
            .collect();
        s.push_str(&format!(", mostly {}", top.join(" and ")));
    }
    for w in what_ifs {
        if let Some(r) = &w.result {
            let t = r.total.as_f64();
            let diff = if total > 0.0 { (t - total) / total * 100.0 } else { 0.0 };
            let rel = if diff.abs() < 0.5 {
                "about the same".to_string()
            } else if diff < 0.0 {
                format!("{:.0}% less", -diff)
            } else {
                format!("{diff:.0}% more")
            };
            s.push_str(&format!("; {} it would be {} ({rel})", w.label.to_lowercase(), format::usd(t)));
        }
    }
    s.push('.');
    s
}

//! Live numbers: `{{calc.metric?query|format}}` evaluated by the engine
//! and written with their unit.

use super::*;

/// The parts of a calculator a lesson can show (the embed API's `show`;
/// which ones a calculator has is checked by the app's build script).
pub(super) const PARTS: [&str; 5] = ["result", "inputs", "chart", "table", "math"];

/// An answer as shown: `642.4 ms`, `1,024 MB`; dollars and percentages carry
/// their sign already.
pub(super) fn with_unit(text: String, unit: &str) -> String {
    match unit {
        "ms" | "MB" => format!("{text} {unit}"),
        _ => text,
    }
}

pub(super) fn metric_name(ctx: &FileCtx, line: usize, metric: &str) -> Result<&'static str, Error> {
    METRIC_NAMES.iter().find(|(m, _)| *m == metric).map(|(_, n)| *n).ok_or_else(|| {
        ctx.err(line, format!("answer: the metric '{metric}' has no name for readers yet; add it to METRIC_NAMES"))
    })
}

/// A computed number: `calc.metric?query|format`.
pub(super) struct Live {
    pub(super) calc: &'static Calculator,
    pub(super) metric: String,
    pub(super) query: String,
    pub(super) value: MetricValue,
    pub(super) format: Format,
}

/// A lesson's query in the vocabulary of this build: lessons are written in
/// the current one (every number is recomputed at build time), so a query
/// without `v` gets today's version rather than being read as version 1.
pub(super) fn current(query: &str) -> String {
    let v = lambda_model::params::QUERY_VERSION;
    if lambda_model::params::parse_pairs(query).iter().any(|(k, _)| k == "v") {
        query.to_string()
    } else if query.is_empty() {
        format!("v={v}")
    } else {
        format!("v={v}&{query}")
    }
}

pub(super) fn evaluate_live(spec: &str, today: Date) -> Result<Live, String> {
    let (body, fmt) = match spec.split_once('|') {
        Some((b, f)) => (b.trim(), Some(f.trim())),
        None => (spec.trim(), None),
    };
    let (head, query) = body.split_once('?').unwrap_or((body, ""));
    let query = &current(query);
    let (calc, metric) =
        head.split_once('.').ok_or_else(|| format!("'{head}' should be calculator.metric, e.g. cost.total_usd"))?;
    let c = calculators::find(calc).ok_or_else(|| {
        format!(
            "unknown calculator '{calc}'; calculators: {}",
            calculators::CALCULATORS.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
        )
    })?;
    let value = c.metric(query, metric, today)?;
    if value.as_f64().is_none() {
        return Err(format!("{calc}.{metric} has no value for these parameters"));
    }
    let format = match fmt {
        Some(f) => Format::parse(f)?,
        None => Format::default_for(&value),
    };
    Ok(Live { calc: c, metric: metric.to_string(), query: query.to_string(), value, format })
}

pub(super) fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

impl Live {
    pub(super) fn html(&self) -> String {
        let x = self.value.as_f64().unwrap_or(0.0);
        format!(
            "<data class=\"live\" data-metric=\"{}\" data-value=\"{}\" title=\"Computed by the {} calculator{}\">{}</data>",
            self.metric,
            self.value.exact(),
            self.calc.name,
            if self.query.is_empty() { String::new() } else { format!(": {}", escape(&self.query.replace('&', ", "))) },
            escape(&self.format.text(x))
        )
    }
}

/// A live number outside a lesson (the site's pages use it): the HTML of
/// `calc.metric?query|format`, computed now, with its exact `data-value`.
pub fn live_html(spec: &str, today: Date) -> Result<String, String> {
    evaluate_live(spec, today).map(|l| l.html())
}

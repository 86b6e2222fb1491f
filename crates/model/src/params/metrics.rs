//! Named metric values. Each carries its exact value; the page writes it into
//! `data-value` unrounded and formats the text for the visitor's locale.

use crate::base::money::{Qty, Usd};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MetricValue {
    /// Exact dollars.
    Usd(Usd),
    /// An exact quantity (GB-s, GB).
    Qty(Qty),
    /// A whole count.
    Count(u128),
    /// A modelled or measured number.
    Num(f64),
    /// Not defined for this scenario (e.g. per invocation with no requests).
    Missing,
}

impl MetricValue {
    /// The exact value as a plain decimal string (`""` when missing).
    pub fn exact(&self) -> String {
        match self {
            MetricValue::Usd(u) => u.to_decimal(),
            MetricValue::Qty(q) => q.to_decimal(),
            MetricValue::Count(n) => crate::base::digits::whole(*n),
            MetricValue::Num(x) if x.is_finite() => crate::params::fmt_num(*x),
            MetricValue::Num(_) | MetricValue::Missing => String::new(),
        }
    }

    /// The nearest `f64`, for charts and JSON.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            MetricValue::Usd(u) => Some(u.as_f64()),
            MetricValue::Qty(q) => Some(q.as_f64()),
            MetricValue::Count(n) => Some(*n as f64),
            MetricValue::Num(x) => x.is_finite().then_some(*x),
            MetricValue::Missing => None,
        }
    }

    pub fn is_money(&self) -> bool {
        matches!(self, MetricValue::Usd(_))
    }
}

/// Writes metrics as a JSON object body: exact decimals as JSON numbers, a
/// missing value as `null`. Hand-written so the digits are the exact ones.
pub fn to_json_object(metrics: &[(&str, MetricValue)]) -> String {
    let parts: Vec<String> = metrics
        .iter()
        .map(|(k, v)| {
            let e = v.exact();
            format!("\"{k}\":{}", if e.is_empty() { "null".to_string() } else { e })
        })
        .collect();
    format!("{{{}}}", parts.join(","))
}

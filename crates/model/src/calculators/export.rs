//! The JSON export/import of a scenario: the same names as the URL query and
//! the CLI flags, with the metrics it produced.
//!
//! ```json
//! {"calculator":"cost","v":1,"prices_as_of":"2026-11-23",
//!  "params":{"memory_mb":1536,"arch":"x86_64",…},
//!  "metrics":{"total_usd":2.733338,…}}
//! ```
//! Metrics are written with their exact decimal digits.

use crate::base::json::{self, Json, quote};
use crate::params::metrics::{MetricValue, to_json_object};
use crate::params::{Decoded, ParamError, ParamSpec, QUERY_VERSION, Value, Values, fmt_num, migrate};

/// Writes a scenario and its metrics as one JSON document. Numbers are
/// written with the shortest digits that read back as the same value, and
/// metrics with their exact decimal digits.
pub fn to_json(calculator: &str, values: &Values, metrics: &[(&str, MetricValue)]) -> String {
    let params: Vec<String> = values
        .iter()
        .map(|(spec, val)| {
            let j = match val {
                Value::Bool(b) => b.to_string(),
                Value::Int(i) => i.to_string(),
                Value::Num(x) if x.is_finite() => fmt_num(*x),
                Value::Num(_) => "null".into(),
                Value::Text(s) => quote(s),
                Value::List(v) => format!("[{}]", v.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")),
            };
            format!("    {}: {j}", quote(spec.name))
        })
        .collect();
    format!(
        "{{\n  \"calculator\": {},\n  \"v\": {QUERY_VERSION},\n  \"prices_as_of\": {},\n  \"params\": {{\n{}\n  }},\n  \"metrics\": {}\n}}",
        quote(calculator),
        quote(crate::rates::prices_of(values)),
        params.join(",\n"),
        to_json_object(metrics)
    )
}

/// Reads a scenario exported by [`to_json`] (or written by hand). Unknown
/// and invalid parameters are reported; valid ones are applied. A document
/// for another calculator is refused.
/// The largest scenario file read, by the page's import and the CLI's
/// `--scenario` alike: 1 MB (an exported scenario is about 2 KB).
pub const MAX_SCENARIO_BYTES: usize = 1_000_000;

pub fn from_json(specs: &'static [ParamSpec], calculator: &str, text: &str) -> Result<Decoded, String> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(format!(
            "The file is {} bytes; a scenario is at most {MAX_SCENARIO_BYTES} bytes (1 MB). Export a scenario to see the format.",
            text.len()
        ));
    }
    let doc = json::parse(text)
        .map_err(|e| format!("The file is not valid JSON ({e}); export a scenario to see the format."))?;
    if doc.as_object().is_none() {
        return Err("The JSON must be an object with a \"params\" object inside.".into());
    }
    if let Some(c) = doc.get("calculator").and_then(Json::as_str)
        && c != calculator
    {
        return Err(format!("This scenario is for the {c} calculator, not the {calculator} calculator."));
    }
    let version = match doc.get("v") {
        None => QUERY_VERSION,
        Some(v) => match v.as_u64() {
            Some(n) if (1..=QUERY_VERSION as u64).contains(&n) => n as u32,
            _ => {
                return Err(format!(
                    "Unknown scenario version {}; this page reads versions 1 to {QUERY_VERSION}.",
                    v.to_text()
                ));
            }
        },
    };
    let params = doc.get("params").and_then(Json::as_object).ok_or("The JSON has no \"params\" object.")?;
    let mut pairs: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| {
            let s = match v {
                Json::Str(s) => s.clone(),
                Json::Arr(a) => a
                    .iter()
                    .map(|x| x.as_str().map_or_else(|| x.to_text(), str::to_string))
                    .collect::<Vec<_>>()
                    .join(","),
                Json::Null => String::new(),
                other => other.to_text(),
            };
            (k.clone(), s)
        })
        .collect();
    migrate(specs, calculator, &mut pairs, version);
    let mut values = Values::defaults(specs);
    let mut errors: Vec<ParamError> = Vec::new();
    let mut unknown = Vec::new();
    for (k, v) in pairs {
        if values.spec(&k).is_some() {
            if let Err(e) = values.set(&k, &v) {
                errors.push(e);
            }
        } else {
            unknown.push(k);
        }
    }
    Ok(Decoded { values, errors, unknown, carried: Vec::new(), version })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::billing::COST_PARAMS;
    use crate::calculators::cost::evaluate;
    use crate::params::Date;

    #[test]
    fn export_round_trips_through_import() {
        let mut v = Values::defaults(COST_PARAMS);
        v.set("memory_mb", "1536").unwrap();
        v.set("arch", "arm64").unwrap();
        v.set("duration_cv", "0.25").unwrap();
        let r = evaluate(&v, Date::new(2026, 11, 23)).unwrap();
        let json = to_json("cost", &v, &r.metrics());
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed["calculator"], "cost");
        assert_eq!(parsed["params"]["arch"], "arm64");
        assert_eq!(parsed["params"]["memory_mb"], 1536);
        assert!(parsed["metrics"]["total_usd"].is_number());
        let back = from_json(COST_PARAMS, "cost", &json).unwrap();
        assert!(back.errors.is_empty() && back.unknown.is_empty());
        assert_eq!(back.values, v);
    }

    #[test]
    fn bad_documents_get_messages() {
        assert!(from_json(COST_PARAMS, "cost", "not json").unwrap_err().contains("not valid JSON"));
        assert!(from_json(COST_PARAMS, "cost", r#"{"v":7,"params":{}}"#).unwrap_err().contains("version 7"));
        assert!(from_json(COST_PARAMS, "cost", "[1]").unwrap_err().contains("object"));
        assert!(from_json(COST_PARAMS, "cost", r#"{"calculator":"power","params":{}}"#).unwrap_err().contains("power"));
        let d = from_json(COST_PARAMS, "cost", r#"{"params":{"memory_mb":99999,"zzz":1}}"#).unwrap();
        assert_eq!(d.errors.len(), 1);
        assert_eq!(d.unknown, vec!["zzz".to_string()]);
    }
}

#[cfg(test)]
mod exact {
    use super::*;
    use crate::calculators::power::POWER_PARAMS;

    #[test]
    fn decimals_come_back_exactly() {
        let mut v = Values::defaults(POWER_PARAMS);
        v.set("alpha", "1.0230216511132397").unwrap();
        let json = to_json("power", &v, &[]);
        let back = from_json(POWER_PARAMS, "power", &json).unwrap();
        assert_eq!(back.values, v);
        assert_eq!(to_json("power", &back.values, &[]), json);
    }
}

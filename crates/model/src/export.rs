//! The JSON export/import of a scenario: the same names as the URL query and
//! the CLI flags, with the metrics it produced.
//!
//! ```json
//! {"calculator":"cost","v":1,"prices_as_of":"2026-11-23",
//!  "params":{"memory_mb":1536,"arch":"x86_64",…},
//!  "metrics":{"total_usd":2.733338,…}}
//! ```
//! Metrics are written with their exact decimal digits.

use crate::metrics::{MetricValue, to_json_object};
use crate::scenario::{Decoded, ParamError, ParamSpec, QUERY_VERSION, Value, Values, migrate};

/// Writes a scenario and its metrics as one JSON document.
pub fn to_json(calculator: &str, values: &Values, metrics: &[(&str, MetricValue)]) -> String {
    let mut params = serde_json::Map::new();
    for (spec, val) in values.iter() {
        let j = match val {
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Int(i) => serde_json::Value::from(*i),
            Value::Num(x) => {
                serde_json::Number::from_f64(*x).map_or(serde_json::Value::Null, serde_json::Value::Number)
            }
            Value::Text(s) => serde_json::Value::String(s.clone()),
            Value::List(v) => serde_json::Value::from(v.clone()),
        };
        params.insert(spec.name.to_string(), j);
    }
    let head = serde_json::json!({
        "calculator": calculator,
        "v": QUERY_VERSION,
        "prices_as_of": crate::prices::PRICES_AS_OF,
        "params": params,
    });
    // Splice the exact metrics in by hand (serde_json would round them to f64).
    let mut s = serde_json::to_string_pretty(&head).unwrap_or_default();
    if s.ends_with('}') {
        s.truncate(s.len() - 1);
        s = s.trim_end().to_string();
        s.push_str(",\n  \"metrics\": ");
        s.push_str(&to_json_object(metrics));
        s.push_str("\n}");
    }
    s
}

/// Reads a scenario exported by [`to_json`] (or written by hand). Unknown
/// and invalid parameters are reported; valid ones are applied. A document
/// for another calculator is refused.
pub fn from_json(specs: &'static [ParamSpec], calculator: &str, text: &str) -> Result<Decoded, String> {
    let doc: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| format!("The file is not valid JSON ({e}); export a scenario to see the format."))?;
    let obj = doc.as_object().ok_or("The JSON must be an object with a \"params\" object inside.")?;
    if let Some(c) = obj.get("calculator").and_then(|c| c.as_str())
        && c != calculator
    {
        return Err(format!("This scenario is for the {c} calculator, not the {calculator} calculator."));
    }
    let version = match obj.get("v") {
        None => 1,
        Some(v) => match v.as_u64() {
            Some(n) if (1..=QUERY_VERSION as u64).contains(&n) => n as u32,
            _ => return Err(format!("Unknown scenario version {v}; this page reads versions 1 to {QUERY_VERSION}.")),
        },
    };
    let params = obj.get("params").and_then(|p| p.as_object()).ok_or("The JSON has no \"params\" object.")?;
    let mut pairs: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| {
            let s = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(a) => a.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(","),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            (k.clone(), s)
        })
        .collect();
    migrate(&mut pairs, version);
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
    Ok(Decoded { values, errors, unknown, version })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pricing::{COST_PARAMS, evaluate};
    use crate::scenario::Date;

    #[test]
    fn export_round_trips_through_import() {
        let mut v = Values::defaults(COST_PARAMS);
        v.set("memory_mb", "1536").unwrap();
        v.set("arch", "arm64").unwrap();
        v.set("duration_cv", "0.25").unwrap();
        let r = evaluate(&v, Date::new(2026, 11, 23)).unwrap();
        let json = to_json("cost", &v, &r.metrics());
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed["params"]["memory_mb"], 1536);
        assert!(parsed["metrics"]["total_usd"].is_number());
        let back = from_json(COST_PARAMS, "cost", &json).unwrap();
        assert!(back.errors.is_empty() && back.unknown.is_empty());
        assert_eq!(back.values, v);
    }

    #[test]
    fn bad_documents_get_messages() {
        assert!(from_json(COST_PARAMS, "cost", "not json").unwrap_err().contains("not valid JSON"));
        assert!(from_json(COST_PARAMS, "cost", "[1]").unwrap_err().contains("object"));
        assert!(from_json(COST_PARAMS, "cost", r#"{"calculator":"power","params":{}}"#).unwrap_err().contains("power"));
        let d = from_json(COST_PARAMS, "cost", r#"{"params":{"memory_mb":99999,"zzz":1}}"#).unwrap();
        assert_eq!(d.errors.len(), 1);
        assert_eq!(d.unknown, vec!["zzz".to_string()]);
    }
}

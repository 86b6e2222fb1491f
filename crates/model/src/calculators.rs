//! Every calculator by name: a pure function from named parameters to named
//! metrics. The CLI and the lessons compiler both go through here, so a
//! calculator added once is reachable from both with the same names.

use crate::metrics::MetricValue;
use crate::scenario::{Date, ParamError, ParamSpec, Values, decode_query};
use crate::{coldstart, power, pricing, sim};

/// One calculator: its name (CLI command, lesson directive), its parameters,
/// and the site page that shows it.
pub struct Calculator {
    pub name: &'static str,
    pub specs: &'static [ParamSpec],
    /// The page's route under the site root, with its trailing slash (every
    /// page is a folder with an `index.html`).
    pub page: &'static str,
    /// The wasm module that renders the page.
    pub module: &'static str,
}

pub const CALCULATORS: &[Calculator] = &[
    Calculator { name: "cost", specs: pricing::COST_PARAMS, page: "/calculators/cost/", module: "cost" },
    Calculator { name: "power", specs: power::POWER_PARAMS, page: "/calculators/power/", module: "power" },
    Calculator {
        name: "coldstart",
        specs: coldstart::COLDSTART_PARAMS,
        page: "/calculators/cold-start/",
        module: "coldstart",
    },
    Calculator { name: "simulate", specs: sim::SIM_PARAMS, page: "/calculators/traffic/", module: "traffic" },
];

/// The calculator with this name. `traffic` (the page's name) is accepted
/// for `simulate` (the command's name).
pub fn find(name: &str) -> Option<&'static Calculator> {
    let name = if name == "traffic" { "simulate" } else { name };
    CALCULATORS.iter().find(|c| c.name == name)
}

fn join(errs: &[ParamError]) -> String {
    errs.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; ")
}

impl Calculator {
    /// Every metric for these values.
    pub fn evaluate(&self, values: &Values, today: Date) -> Result<Vec<(&'static str, MetricValue)>, String> {
        match self.name {
            "cost" => pricing::evaluate(values, today).map(|r| r.metrics()).map_err(|e| join(&e)),
            "power" => power::evaluate(values, today).map(|r| r.metrics()).map_err(|e| join(&e)),
            "coldstart" => coldstart::evaluate(values).map(|r| r.metrics()),
            _ => sim::simulate(values).map(|r| r.metrics()).map_err(|e| e.message),
        }
    }

    /// Parses a query string strictly (an unknown key or a bad value is an
    /// error, not a default), then evaluates it.
    pub fn evaluate_query(&self, query: &str, today: Date) -> Result<Vec<(&'static str, MetricValue)>, String> {
        let d = decode_query(self.specs, query);
        if !d.unknown.is_empty() {
            return Err(format!(
                "unknown parameter(s) for {}: {}; valid: {}",
                self.name,
                crate::scenario::name_list(&d.unknown),
                self.specs.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
            ));
        }
        if !d.errors.is_empty() {
            return Err(join(&d.errors));
        }
        self.evaluate(&d.values, today)
    }

    /// One metric of a query.
    pub fn metric(&self, query: &str, metric: &str, today: Date) -> Result<MetricValue, String> {
        let all = self.evaluate_query(query, today)?;
        let names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
        all.iter()
            .find(|(n, _)| *n == metric)
            .map(|(_, v)| *v)
            .ok_or_else(|| format!("{} has no metric '{metric}'; its metrics are {}", self.name, names.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = Date { year: 2026, month: 11, day: 23 };

    #[test]
    fn seed_example_two_priced_correctly() {
        let c = find("cost").unwrap();
        let v =
            c.metric("requests=1000000&duration_ms=200&memory_mb=1024&free_tier=false", "total_usd", TODAY).unwrap();
        assert_eq!(v.exact(), "3.53334");
    }

    #[test]
    fn strict_queries_name_what_is_valid() {
        let c = find("cost").unwrap();
        let e = c.evaluate_query("memroy_mb=512", TODAY).unwrap_err();
        assert!(e.contains("memroy_mb") && e.contains("memory_mb"), "{e}");
        let e = c.evaluate_query("memory_mb=64", TODAY).unwrap_err();
        assert!(e.contains("128"), "{e}");
        let e = c.metric("", "total_dollars", TODAY).unwrap_err();
        assert!(e.contains("total_usd"), "{e}");
        assert_eq!(find("traffic").unwrap().name, "simulate");
        assert!(find("nope").is_none());
    }

    #[test]
    fn every_calculator_evaluates_its_defaults() {
        for c in CALCULATORS {
            let m = c.evaluate_query("", TODAY).unwrap_or_else(|e| panic!("{}: {e}", c.name));
            assert!(!m.is_empty(), "{}", c.name);
        }
    }
}

//! Every calculator by name: a pure function from named parameters to named
//! metrics. The CLI and the lessons compiler both go through here, so a
//! calculator added once is reachable from both with the same names.

pub mod account;
pub mod cost;
pub mod export;
pub mod labels;
pub mod managed_instances;
pub mod microvms;
pub mod platforms;
pub mod power;
pub mod profile;
pub mod published;

use crate::billing;
use crate::calculators::managed_instances as lmi;
use crate::models::coldstart;
use crate::params::metrics::MetricValue;
use crate::params::{Date, Decoded, ParamError, ParamSpec, Values, decode_with};
use crate::simulation;

/// Reads a query into a calculator's values, carrying the function
/// profile's keys it has no parameter for (see [`profile::is_profile_key`]):
/// the codec every page, the CLI and the lessons read links with.
pub fn decode_query(specs: &'static [ParamSpec], query: &str) -> Decoded {
    decode_with(specs, owner(specs), query, profile::is_profile_key)
}

/// A parameter each calculator's table has and no other table has: how the
/// codec knows whose query it reads (for that calculator's migrations)
/// without linking every calculator's table into every page. A test holds
/// each key to exactly one table of [`INFOS`].
const OWNER_KEYS: &[(&str, &str)] = &[
    ("cost", "front_door"),
    ("power", "strategy"),
    ("coldstart", "init_work_ms"),
    ("simulate", "warmup_s"),
    ("lmi", "instance_type"),
    ("microvms", "baseline_gb"),
    ("platforms", "fargate_vcpu"),
];

/// The name of the calculator whose parameter table this is (see
/// [`OWNER_KEYS`]), or "" for a table no calculator owns.
fn owner(specs: &[ParamSpec]) -> &'static str {
    OWNER_KEYS.iter().find(|(_, key)| specs.iter().any(|s| s.name == *key)).map_or("", |(name, _)| name)
}

/// What a calculator is called and where it lives: its name (CLI command,
/// lesson directive), its parameters, and the site page that shows it. Kept
/// apart from the functions so a page that only links to another calculator
/// (a hand-off) does not link every calculator's engine into its wasm.
pub struct CalcInfo {
    pub name: &'static str,
    pub specs: &'static [ParamSpec],
    /// The page's route under the site root, with its trailing slash (every
    /// page is a folder with an `index.html`).
    pub page: &'static str,
    /// The wasm module that renders the page.
    pub module: &'static str,
}

/// The cost calculator: `/calculators/cost/`.
pub const COST: CalcInfo =
    CalcInfo { name: "cost", specs: billing::COST_PARAMS, page: "/calculators/cost/", module: "cost" };
/// The power explorer: `/calculators/power/`.
pub const POWER: CalcInfo =
    CalcInfo { name: "power", specs: power::POWER_PARAMS, page: "/calculators/power/", module: "power" };
/// The cold-start calculator: `/calculators/cold-start/`.
pub const COLDSTART: CalcInfo = CalcInfo {
    name: "coldstart",
    specs: coldstart::COLDSTART_PARAMS,
    page: "/calculators/cold-start/",
    module: "coldstart",
};
/// The traffic simulator: `/calculators/traffic/`.
pub const SIMULATE: CalcInfo =
    CalcInfo { name: "simulate", specs: simulation::SIM_PARAMS, page: "/calculators/traffic/", module: "traffic" };

/// The Managed Instances calculator: `/calculators/managed-instances/`.
pub const LMI: CalcInfo = CalcInfo {
    name: "lmi",
    specs: crate::models::capacity::LMI_PARAMS,
    page: "/calculators/managed-instances/",
    module: "lmi",
};

/// Every calculator's name, parameters and page. (A page names the one it
/// hands off to by its own constant, so its wasm holds only that table.)
/// Lambda MicroVMs: `/calculators/microvms/`.
pub const MICROVMS: CalcInfo =
    CalcInfo { name: "microvms", specs: microvms::MICROVM_PARAMS, page: "/calculators/microvms/", module: "microvms" };

/// One workload on every platform: `/calculators/platforms/`.
pub const PLATFORMS: CalcInfo = CalcInfo {
    name: "platforms",
    specs: platforms::PLATFORMS_PARAMS,
    page: "/calculators/platforms/",
    module: "platforms",
};

pub const INFOS: &[CalcInfo] = &[COST, POWER, COLDSTART, SIMULATE, LMI, MICROVMS, PLATFORMS];

/// One calculator: what it is, and the calculator itself, values in, every
/// metric out, or every problem, each naming its parameter.
pub struct Calculator {
    pub info: &'static CalcInfo,
    pub eval: Eval,
}

impl std::ops::Deref for Calculator {
    type Target = CalcInfo;
    fn deref(&self) -> &CalcInfo {
        self.info
    }
}

/// A calculator's function.
pub type Eval = fn(&Values, Date) -> Result<Vec<(&'static str, MetricValue)>, Vec<ParamError>>;

fn cost(v: &Values, today: Date) -> Result<Vec<(&'static str, MetricValue)>, Vec<ParamError>> {
    cost::evaluate(v, today).map(|r| r.metrics())
}

fn power(v: &Values, today: Date) -> Result<Vec<(&'static str, MetricValue)>, Vec<ParamError>> {
    power::evaluate(v, today).map(|r| r.metrics())
}

fn coldstart(v: &Values, _: Date) -> Result<Vec<(&'static str, MetricValue)>, Vec<ParamError>> {
    coldstart::evaluate(v).map(|r| r.metrics())
}

/// The simulation's metrics, and a month of its traffic priced by the cost
/// engine (`monthly_usd`, missing where the cost engine refuses the mix).
fn simulate(v: &Values, today: Date) -> Result<Vec<(&'static str, MetricValue)>, Vec<ParamError>> {
    let r = simulation::simulate(v).map_err(|e| vec![e])?;
    let mut m = r.metrics();
    let monthly = crate::calculators::profile::traffic_monthly(v, &[], &r, today);
    m.push(("monthly_usd", monthly.map_or(MetricValue::Missing, MetricValue::Usd)));
    Ok(m)
}

fn managed_instances(v: &Values, _: Date) -> Result<Vec<(&'static str, MetricValue)>, Vec<ParamError>> {
    lmi::evaluate(v).map(|r| r.metrics())
}

fn platform(v: &Values, _: Date) -> Result<Vec<(&'static str, MetricValue)>, Vec<ParamError>> {
    platforms::evaluate(v).map(|r| r.metrics())
}

fn microvm(v: &Values, _: Date) -> Result<Vec<(&'static str, MetricValue)>, Vec<ParamError>> {
    microvms::evaluate(v).map(|r| r.metrics())
}

/// The registry: every calculator with its function, in [`INFOS`] order.
pub const CALCULATORS: &[Calculator] = &[
    Calculator { info: &COST, eval: cost },
    Calculator { info: &POWER, eval: power },
    Calculator { info: &COLDSTART, eval: coldstart },
    Calculator { info: &SIMULATE, eval: simulate },
    Calculator { info: &LMI, eval: managed_instances },
    Calculator { info: &MICROVMS, eval: microvm },
    Calculator { info: &PLATFORMS, eval: platform },
];

/// The calculator with this name. `traffic` (the page's name) is accepted
/// for `simulate` (the command's name).
pub fn find(name: &str) -> Option<&'static Calculator> {
    let info = info(name)?;
    CALCULATORS.iter().find(|c| c.name == info.name)
}

/// What the calculator with this name is, without its function.
pub fn info(name: &str) -> Option<&'static CalcInfo> {
    let name = if name == "traffic" { "simulate" } else { name };
    INFOS.iter().find(|c| c.name == name)
}

fn join(errs: &[ParamError]) -> String {
    errs.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join("; ")
}

impl Calculator {
    /// Every metric for these values.
    pub fn evaluate(&self, values: &Values, today: Date) -> Result<Vec<(&'static str, MetricValue)>, String> {
        (self.eval)(values, today).map_err(|e| join(&e))
    }

    /// Parses a query string strictly (an unknown key or a bad value is an
    /// error, not a default), then evaluates it.
    pub fn evaluate_query(&self, query: &str, today: Date) -> Result<Vec<(&'static str, MetricValue)>, String> {
        let mut d = decode_query(self.specs, query);
        // Strict: a key another calculator has is not this one's.
        d.unknown.extend(d.carried.drain(..).map(|(k, _)| k));
        if !d.unknown.is_empty() {
            return Err(ui_format!(
                "unknown parameter(s) for {}: {}; valid: {}",
                self.name,
                crate::params::name_list(&d.unknown),
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
            .ok_or_else(|| ui_format!("{} has no metric '{metric}'; its metrics are {}", self.name, names.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_table_names_its_calculator_for_its_migrations() {
        for info in INFOS {
            assert_eq!(owner(info.specs), info.name);
        }
        for (name, key) in OWNER_KEYS {
            let owners: Vec<&str> =
                INFOS.iter().filter(|i| i.specs.iter().any(|s| s.name == *key)).map(|i| i.name).collect();
            assert_eq!(owners, [*name], "{key} must be in {name}'s table and no other");
        }
        assert_eq!(OWNER_KEYS.len(), INFOS.len());
        assert_eq!(owner(&[]), "");
        // The account view reads the cost calculator's table: its links migrate as the cost page's.
        assert_eq!(owner(crate::billing::COST_PARAMS), "cost");
    }

    const TODAY: Date = Date { year: 2026, month: 11, day: 23 };

    #[test]
    fn seed_example_two_priced_correctly() {
        let c = find("cost").unwrap();
        let v =
            c.metric("requests=1000000&duration_ms=200&memory_mb=1024&free_tier=false", "total_usd", TODAY).unwrap();
        assert_eq!(v.exact(), "3.53334");
    }

    #[test]
    fn a_p99_prices_like_the_cv_it_implies() {
        let c = find("cost").unwrap();
        let q = "region=eu-west-1&memory_mb=512&duration_ms=250&requests=20000000&free_tier=false";
        let by_p99 = c.metric(&format!("{q}&duration_p99_ms=900"), "total_usd", TODAY).unwrap();
        let cv = crate::base::stats::LogNormal::cv_from_mean_p99(250.0, 900.0).unwrap();
        let by_cv = c.metric(&format!("{q}&duration_cv={cv}"), "total_usd", TODAY).unwrap();
        assert_eq!(by_p99, by_cv);
        let constant = c.metric(q, "total_usd", TODAY).unwrap();
        assert!(by_p99.as_f64() > constant.as_f64(), "rounding up each lognormal duration costs more");
        let e = c.evaluate_query(&format!("{q}&duration_p99_ms=5000"), TODAY).unwrap_err();
        assert!(e.contains("duration_p99_ms") && e.contains("from 250 ms to 3739 ms"), "{e}");
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
    fn every_calculators_errors_name_the_field_to_change() {
        let cases: [(&str, &str, &str); 11] = [
            ("platforms", "fargate_vcpu=0.25&fargate_gb=4", "fargate_gb"),
            ("platforms", "env_memory_mb=5000", "env_memory_mb"),
            ("cost", "duration_ms=250&duration_p99_ms=100", "duration_p99_ms"),
            ("cost", "snapstart=true&runtime=nodejs22.x", "runtime"),
            ("cost", "memory_mb=64", "memory_mb"),
            ("cost", "region=eu-west-2&ephemeral_mb=2048", "ephemeral_mb"),
            ("power", "power_tuning=garbage", "power_tuning"),
            ("power", "points=512:100", "points"),
            ("coldstart", "snapstart=true&runtime=nodejs22.x", "snapstart"),
            ("coldstart", "memory_mb=nope", "memory_mb"),
            ("simulate", "rate_per_s=-1", "rate_per_s"),
        ];
        for (name, query, field) in cases {
            let c = find(name).unwrap();
            let d = decode_query(c.specs, query);
            let errs = if d.errors.is_empty() { (c.eval)(&d.values, TODAY).unwrap_err() } else { d.errors };
            assert!(errs.iter().any(|e| e.param == field), "{name}?{query}: {errs:?}");
            assert!(errs.iter().all(|e| e.message.contains('(') || e.message.contains(field)), "{errs:?}");
        }
    }

    #[test]
    fn one_free_tier_default_and_old_power_links_keep_theirs() {
        let power = find("power").unwrap();
        let free = |q: &str| decode_query(power.specs, q).values.flag("free_tier");
        // Version 2: on, as on the cost page.
        assert!(free("v=2") && free("v=2&memory_mb=512"));
        // Version 1 meant off unless it said.
        assert!(!free("v=1") && !free("v=1&memory_mb=512"));
        // An address without v is today's version: the bare page the
        // navigation links to has the free tier on, as the CLI does.
        assert!(free("") && free("memory_mb=512"));
        assert!(free("v=1&free_tier=true"));
        // The same month on both pages for the same function, by default.
        let q = "memory_mb=512&requests=20000000&anchor_memory_mb=512&anchor_duration_ms=250";
        let p = power.metric(&format!("v=2&{q}"), "monthly_usd", TODAY).unwrap();
        let c = find("cost").unwrap().metric("v=2&memory_mb=512&requests=20000000&duration_ms=250", "total_usd", TODAY);
        assert_eq!(Some(p), c.ok());
        // The cost page is unchanged by the migration.
        let cost = find("cost").unwrap();
        assert!(decode_query(cost.specs, "v=1").values.flag("free_tier"));
        // A saved power scenario of version 1 reopens as it was.
        let json = r#"{"calculator": "power", "v": 1, "params": {"memory_mb": "512"}}"#;
        assert!(!crate::calculators::export::from_json(power.specs, "power", json).unwrap().values.flag("free_tier"));
    }

    #[test]
    fn old_traffic_links_count_the_start_up_in() {
        let sim = find("simulate").unwrap();
        let warmup = |q: &str| decode_query(sim.specs, q).values.num("warmup_s");
        // Version 3 leaves the start-up out by default.
        assert_eq!(warmup("v=3"), 420.0);
        assert_eq!(warmup("v=3&warmup_s=60"), 60.0);
        // Versions 1 and 2 counted it in, unless they said.
        assert_eq!((warmup("v=1"), warmup("v=2&rate_per_s=0.05")), (0.0, 0.0));
        // An address without v is today's version.
        assert_eq!((warmup(""), warmup("rate_per_s=0.05")), (420.0, 420.0));
        assert_eq!(warmup("v=2&warmup_s=300"), 300.0);
        // The figure an old embed showed is the figure it still shows.
        let old = sim.metric("v=2&rate_per_s=0.05", "cold_start_ratio", TODAY).unwrap();
        let new = sim.metric("v=3&rate_per_s=0.05", "cold_start_ratio", TODAY).unwrap();
        let counted = sim.metric("v=3&rate_per_s=0.05&warmup_s=0", "cold_start_ratio", TODAY).unwrap();
        assert_eq!(old, counted);
        assert!(new.as_f64() < old.as_f64());
        // Other calculators are unchanged.
        assert!(decode_query(find("cost").unwrap().specs, "v=2").unknown.is_empty());
    }

    #[test]
    fn a_link_s_tracking_keys_are_passed_over_quietly() {
        // A newsletter or a social site adds its own keys to a shared link:
        // not unknown parameters to report, and no different figures.
        let cost = find("cost").unwrap();
        let d = decode_query(cost.specs, "memory_mb=512&utm_source=news&utm_medium=email&fbclid=x1&gclid=y&foo=1");
        assert_eq!((d.unknown, d.errors.len()), (vec!["foo".to_string()], 0));
        assert_eq!(
            cost.metric("memory_mb=512&utm_campaign=launch&mc_cid=abc", "total_usd", TODAY).unwrap(),
            cost.metric("memory_mb=512", "total_usd", TODAY).unwrap()
        );
        assert!(crate::params::is_tracking_key("utm_content") && !crate::params::is_tracking_key("memory_mb"));
    }

    #[test]
    fn every_calculator_evaluates_its_defaults() {
        for c in CALCULATORS {
            let m = c.evaluate_query("", TODAY).unwrap_or_else(|e| panic!("{}: {e}", c.name));
            assert!(!m.is_empty(), "{}", c.name);
        }
    }
}

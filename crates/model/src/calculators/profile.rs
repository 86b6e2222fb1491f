//! The function profile: one function, described once, in every calculator.
//!
//! Each calculator keeps its own URL keys (they are the public embed API),
//! but many of them describe the same function: region, architecture,
//! memory, duration, traffic, cold starts. [`PROFILE_KEYS`] lists those keys.
//! A calculator that has no parameter of such a key *carries* it: it keeps
//! the value in its links untouched, so one link holds the whole scenario and
//! a value typed in one view is there in the next.
//!
//! A hand-off ("Simulate this traffic", "Price this size") turns one
//! calculator's state into another's: [`profile`] collects what the source
//! says about the function (its own values win over what it carries, and
//! what they imply in other vocabularies is derived: requests per month ↔
//! requests per second, a p99 ↔ a CV, an Init duration ↔ a cold start's
//! extra latency), and [`open_in`] reads that profile with the target's
//! parameters. Everything here is pure and tested natively.

use crate::models::coldstart;
use crate::params::{ParamSpec, Value, Values, fmt_num, fmt_round, percent_encode};
use crate::rates::SECONDS_PER_MONTH;
use crate::simulation::{self, SimResult};

/// Keys that describe the function or its traffic, in any calculator (with
/// [`crate::billing::PRODUCT_PARAMS`]: see [`is_profile_key`]).
pub const PROFILE_KEYS: &[&str] = &[
    "region",
    "prices",
    "arch",
    "memory_mb",
    "duration_ms",
    "duration_cv",
    "duration_p99_ms",
    "duration_dist",
    "requests",
    "rate_per_s",
    "free_tier",
    "cold_start_ratio",
    "init_ms",
    "cold_start_ms",
    "runtime",
    "package",
    "package_mb",
    "init_work_ms",
    "vpc",
    "snapstart",
    "pc_units",
    "anchor_memory_mb",
    "anchor_duration_ms",
    "cpu_fraction",
];

/// Whether other calculators carry this key: it describes the function or its
/// traffic, or it is one of the cost page's products around the function (so a
/// round trip through another calculator keeps the whole bill).
pub fn is_profile_key(key: &str) -> bool {
    PROFILE_KEYS.contains(&key) || crate::billing::PRODUCT_PARAMS.contains(&key)
}

/// Key–value pairs, in order.
pub type Pairs = Vec<(String, String)>;

fn put(p: &mut Pairs, key: &str, value: String) {
    match p.iter_mut().find(|(k, _)| k == key) {
        Some(slot) => slot.1 = value,
        None => p.push((key.to_string(), value)),
    }
}

fn has(v: &Values, name: &str) -> bool {
    v.spec(name).is_some()
}

/// The traffic page's mean arrival rate per second: the rate for Poisson,
/// constant and diurnal traffic (a day's swing averages out), the
/// time-weighted mix for bursts, the trace's count over the simulated time.
pub fn mean_rate_per_s(v: &Values) -> f64 {
    let rate = v.num("rate_per_s");
    match v.text("arrival") {
        "bursty" => {
            let share = (v.num("burst_length_s") / v.num("burst_every_s").max(1e-9)).clamp(0.0, 1.0);
            rate * (1.0 - share) + v.num("burst_rate_per_s") * share
        }
        "trace" => {
            let n = v.text("trace").split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()).count();
            n as f64 / simulation::run_seconds(v).max(1.0)
        }
        _ => rate,
    }
}

/// The CV of the traffic page's service-time distribution.
fn traffic_cv(v: &Values) -> f64 {
    match v.text("duration_dist") {
        "const" | "constant" => 0.0,
        "exp" | "exponential" => 1.0,
        _ => v.num("duration_cv"),
    }
}

/// What this calculator's state says about the function: what it carries,
/// overwritten by its own profile values, plus what those imply in the other
/// calculators' vocabularies.
pub fn profile(v: &Values, carried: &[(String, String)]) -> Pairs {
    let mut p: Pairs = carried.iter().filter(|(k, _)| is_profile_key(k)).cloned().collect();
    for (spec, val) in v.iter() {
        if !is_profile_key(spec.name) {
            continue;
        }
        // "No runtime" on the traffic page leaves the function's runtime as it was.
        if spec.name == "runtime" && matches!(val, Value::Text(t) if t == "none") {
            continue;
        }
        if is_plain_default(spec, val) {
            // Every calculator's default already says it; a carried value
            // it would replace is stale.
            p.retain(|(k, _)| k != spec.name);
            continue;
        }
        put(&mut p, spec.name, val.to_string());
    }
    let is_traffic = has(v, "rate_per_s");
    if is_traffic {
        put(&mut p, "requests", fmt_num((mean_rate_per_s(v) * SECONDS_PER_MONTH).round()));
        put(&mut p, "duration_ms", fmt_round(simulation::service_mean_ms(v), 3));
        put(&mut p, "duration_cv", fmt_round(traffic_cv(v), 6));
        p.retain(|(k, _)| k != "duration_p99_ms");
        if v.text("runtime") == "none" {
            put(&mut p, "init_ms", fmt_round(v.num("cold_start_ms").min(coldstart::INIT_CAP_MS), 3));
        }
    } else if has(v, "requests") {
        put(&mut p, "rate_per_s", fmt_num(v.num("requests") / SECONDS_PER_MONTH));
    }
    if has(v, "duration_cv") && !is_traffic {
        // The cost page: a p99 fixes the CV; the simulator draws lognormal
        // durations with it, or constant ones without variation.
        let p99 = if has(v, "duration_p99_ms") { v.num("duration_p99_ms") } else { 0.0 };
        let cv = match p99 {
            p99 if p99 > 0.0 => crate::base::stats::LogNormal::cv_from_mean_p99(v.num("duration_ms"), p99)
                .unwrap_or(v.num("duration_cv")),
            _ => v.num("duration_cv"),
        };
        put(&mut p, "duration_cv", fmt_round(cv, 6));
        put(&mut p, "duration_dist", if cv > 0.0 { "lognormal" } else { "const" }.into());
    }
    // A known Init is the simulator's cold-start time; without one (0 on the
    // cost page) the simulator draws cold starts for the runtime instead.
    if has(v, "init_ms") && !is_traffic && v.num("init_ms") > 0.0 {
        put(&mut p, "cold_start_ms", v.get("init_ms").to_string());
    }
    if has(v, "duration_ms") && has(v, "memory_mb") {
        put(&mut p, "anchor_memory_mb", v.get("memory_mb").to_string());
        let d = p.iter().find(|(k, _)| k == "duration_ms").map(|(_, d)| d.clone()).unwrap_or_default();
        put(&mut p, "anchor_duration_ms", d);
    }
    p
}

/// Reads a profile with a calculator's parameters: the values it can take,
/// and every other profile pair, carried. A value the target cannot read (a
/// runtime outside its list) is carried too, not lost.
pub fn open_in(specs: &'static [ParamSpec], profile: &[(String, String)]) -> (Values, Pairs) {
    let mut v = Values::defaults(specs);
    let mut carried = Pairs::new();
    for (k, val) in profile {
        let own = v.spec(k).is_some();
        if !(own || is_profile_key(k)) {
            continue;
        }
        if !own || v.set(k, val).is_err() {
            carried.push((k.clone(), val.clone()));
        }
    }
    // A simulation given an Init duration uses it for every cold start,
    // rather than drawing cold starts for the runtime from lambda-perf.
    // (The runtime cannot travel past that: the simulator's own `runtime`
    // key says "none". Since 2025-08-01 Init is billed on every runtime, so
    // the cost page's default loses nothing unless SnapStart or an older
    // billing date is in play.)
    let init = profile.iter().find(|(k, _)| k == "init_ms").and_then(|(_, x)| crate::base::decimal::parse_f64(x));
    if v.spec("cold_start_ms").is_some() && init.is_some_and(|ms| ms > 0.0) {
        let _ = v.set("runtime", "none");
        carried.retain(|(k, _)| k != "runtime");
    }
    // Carry only what these values cannot say themselves: whatever they
    // imply (a rate from requests, a distribution from a CV) is derived
    // again at the next hand-off.
    let derived = self::profile(&v, &[]);
    carried.retain(|(k, _)| !derived.iter().any(|(d, _)| d == k));
    (v, carried)
}

/// Profile keys whose default is not the same in every calculator that has
/// them: their values travel even when they are the source's default (the
/// cost page's mean duration is 120 ms, the simulator's 100 ms). A test checks the
/// list against the parameter tables; keeping it here spares each page's wasm
/// every other calculator's table.
const DEFAULTS_DIFFER: &[&str] = &["memory_mb", "duration_ms", "duration_cv", "runtime", "requests", "cpu_fraction"];

/// Whether the value says nothing a calculator's default would not: it is the
/// default of `spec`, and every calculator has the same default for the key.
fn is_plain_default(spec: &ParamSpec, val: &Value) -> bool {
    !DEFAULTS_DIFFER.contains(&spec.name) && *val == spec.default_value()
}

/// The query for values and what they carry: the values' own canonical
/// query, then the carried pairs.
pub fn query(v: &Values, carried: &[(String, String)]) -> String {
    let mut q = v.to_query();
    for (k, val) in carried {
        q.push_str(&format!("&{k}={}", percent_encode(val)));
    }
    q
}

/// What `target` opens with for this state, after `overrides`: its values
/// and what it carries.
pub fn handed(
    v: &Values,
    carried: &[(String, String)],
    target: &'static [ParamSpec],
    overrides: &[(&str, String)],
) -> (Values, Pairs) {
    let mut p = profile(v, carried);
    for (k, val) in overrides {
        put(&mut p, k, val.clone());
    }
    open_in(target, &p)
}

/// The query that opens `target` with this state, after `overrides`.
pub fn handoff(
    v: &Values,
    carried: &[(String, String)],
    target: &'static [ParamSpec],
    overrides: &[(&str, String)],
) -> String {
    let (tv, tc) = handed(v, carried, target, overrides);
    query(&tv, &tc)
}

/// What "Compare with Managed Instances" sets: the function's memory
/// becomes the on-demand side of the comparison (`function_memory_mb`; the
/// Managed Instances page's own `memory_mb` is an execution environment's,
/// 2 GB or more, which keeps its default), and the runtime its family.
pub fn lmi_overrides(v: &Values) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("function_memory_mb", v.get("memory_mb").to_string()),
        ("memory_mb", crate::models::capacity::ENV_MEMORY_DEFAULT.to_string()),
    ];
    let runtime = v.text("runtime");
    if let Some(family) = ["nodejs", "python", "java", "dotnet"].into_iter().find(|f| runtime.starts_with(f)) {
        out.push(("runtime_family", family.to_string()));
    }
    out
}

/// What "Compare platforms" on the cost page sets besides the function
/// profile: the Savings Plan on Lambda's duration, which prices Lambda's line
/// as the cost page does.
pub fn platforms_overrides_from_cost(v: &Values) -> Vec<(&'static str, String)> {
    vec![("savings_plan_pct", v.get("savings_plan_pct").to_string())]
}

/// What "Compare with Fargate and EC2" on the Managed Instances page sets:
/// its names for the instances become the platforms page's (`instance_type`
/// is `ec2_instance_type` there, an environment's `memory_mb` is
/// `env_memory_mb`, and the on-demand side's `function_memory_mb` is the
/// workload's `memory_mb`); the capacity assumptions keep their names.
pub fn platforms_overrides_from_lmi(v: &Values) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("memory_mb", v.get("function_memory_mb").to_string()),
        ("env_memory_mb", v.get("memory_mb").to_string()),
        ("ec2_instance_type", v.get("instance_type").to_string()),
    ];
    for k in [
        "runtime_family",
        "memory_per_vcpu_gb",
        "peak_to_mean",
        "cpu_share_pct",
        "concurrency_per_vcpu",
        "headroom_pct",
        "min_environments",
        "reserved_vcpus",
        "reserved_gb",
        "ec2_discount_pct",
    ] {
        out.push((k, v.get(k).to_string()));
    }
    out
}

/// The simulator's daily swing by default (`diurnal_amplitude`; a test
/// checks it against the table).
pub const DIURNAL_AMPLITUDE: f64 = 0.33;

/// What "Simulate a daily cycle" sets: the same mean rate swinging over a
/// whole simulated day. `None` where a day of this traffic is more than the
/// simulator runs ([`simulation::MAX_ARRIVALS`]): the hand-off is then not offered,
/// rather than opening on an error.
pub fn daily_cycle(v: &Values, carried: &[(String, String)]) -> Option<Vec<(&'static str, String)>> {
    let rate = get_num(&profile(v, carried), "rate_per_s")?;
    (rate * (1.0 + DIURNAL_AMPLITUDE) * simulation::DAY_S <= simulation::MAX_ARRIVALS)
        .then(|| vec![("arrival", "diurnal".to_string()), ("sim_seconds", fmt_num(simulation::DAY_S))])
}

fn get_num(p: &Pairs, key: &str) -> Option<f64> {
    p.iter().find(|(k, _)| k == key).and_then(|(_, x)| crate::base::decimal::parse_f64(x))
}

/// The cold-start ratio once the simulation has warmed up: the engine's
/// steady-state cold starts (the start-up, an empty fleet filling, is on its
/// own line) per on-demand invocation, which is what the cost page's ratio means.
pub fn steady_cold_ratio(r: &SimResult) -> f64 {
    let on_demand = r.served.saturating_sub(r.on_pc);
    if on_demand == 0 {
        return 0.0;
    }
    (r.cold_starts as f64 / on_demand as f64).min(1.0)
}

/// What the traffic page hands to the cost page: the steady-state cold-start
/// ratio, and with a runtime, the mean Init the simulation drew for its cold
/// starts (without one, the fixed cold-start time is the Init already).
pub fn traffic_to_cost(v: &Values, r: &SimResult) -> Vec<(&'static str, String)> {
    let mut out = vec![("cold_start_ratio", fmt_round(steady_cold_ratio(r), 6))];
    let rt = v.text("runtime");
    if rt != "none" {
        if r.cold_starts > 0 {
            out.push(("init_ms", fmt_round(r.init_ms_mean.min(coldstart::INIT_CAP_MS), 3)));
        }
        out.push(("runtime", crate::rates::runtimes::aws_id(rt).to_string()));
    }
    if r.pc_units > 0 {
        out.push(("pc_units", r.pc_units.to_string()));
    }
    out
}

/// The cost page's values for a month of the simulated traffic: what
/// "Use this cold-start ratio in cost" opens.
pub fn traffic_cost_values(v: &Values, carried: &[(String, String)], r: &SimResult) -> Values {
    handed(v, carried, crate::billing::COST_PARAMS, &traffic_to_cost(v, r)).0
}

/// The monthly cost of the simulated traffic, priced by the cost engine
/// exactly as the cost page prices [`traffic_cost_values`].
pub fn traffic_monthly(
    v: &Values,
    carried: &[(String, String)],
    r: &SimResult,
    today: crate::params::Date,
) -> Option<crate::base::money::Usd> {
    month_of(&traffic_cost_values(v, carried, r), today).map(|m| m.0)
}

/// The function's own month for these values, priced by the cost engine
/// (what the traffic page shows beside a simulation), and whether the cost
/// page adds products around the function to it (a front door, logs, durable
/// functions…; see [`crate::billing::function_total`]). `None` where the cost
/// page refuses the values; it says why, so this does not (and the module
/// showing this figure carries none of the cost engine's messages).
pub fn month_of(cost: &Values, today: crate::params::Date) -> Option<(crate::base::money::Usd, bool)> {
    let mut refused = crate::billing::Refused::default();
    let i = crate::billing::CostInput::read(cost, today, &mut refused);
    if refused.0 {
        return None;
    }
    crate::billing::function_total(&i).ok().map(|u| (u, crate::billing::has_products(&i)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::billing::COST_PARAMS;
    use crate::calculators::decode_query;
    use crate::calculators::power::POWER_PARAMS;
    use crate::params::Date;
    use crate::simulation::SIM_PARAMS;

    const TODAY: Date = Date::new(2026, 12, 3);

    fn values(specs: &'static [ParamSpec], q: &str) -> Values {
        let d = decode_query(specs, q);
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        d.values
    }

    fn get<'a>(p: &'a Pairs, k: &str) -> Option<&'a str> {
        p.iter().find(|(x, _)| x == k).map(|(_, v)| v.as_str())
    }

    /// The engineer's function: eu-west-1, 512 MB, 250 ms mean, p99 900 ms,
    /// 20 M requests a month, a guessed 2 % cold with 600 ms Init.
    const ENGINEER: &str = "region=eu-west-1&memory_mb=512&duration_ms=250&duration_p99_ms=900&requests=20000000&cold_start_ratio=0.02&init_ms=600";

    #[test]
    fn cost_hands_its_traffic_to_the_simulator_per_second() {
        let cost = values(COST_PARAMS, ENGINEER);
        let q = handoff(&cost, &[], SIM_PARAMS, &[]);
        let d = decode_query(SIM_PARAMS, &q);
        assert!(d.errors.is_empty(), "{q}: {:?}", d.errors);
        let t = d.values;
        assert!((t.num("rate_per_s") - 7.61035).abs() < 1e-4, "{q}");
        assert_eq!((t.int("memory_mb"), t.text("region"), t.num("duration_ms")), (512, "eu-west-1", 250.0));
        assert_eq!(t.text("duration_dist"), "lognormal");
        assert!((t.num("duration_cv") - 0.709).abs() < 1e-3);
        // The Init duration is the simulator's cold-start time.
        assert_eq!((t.text("runtime"), t.num("cold_start_ms")), ("none", 600.0));
        // What the simulator has no parameter for travels along in the link.
        for k in ["cold_start_ratio=0.02", "duration_p99_ms=900"] {
            assert!(q.contains(k), "{k} missing from {q}");
        }
        // What the simulator's own values say again (requests from the rate,
        // Init from the cold-start time) or what is everyone's default is not
        // repeated.
        for k in ["requests=", "init_ms=", "package=", "snapstart=", "free_tier="] {
            assert!(!q.contains(k), "{k} in {q}");
        }
    }

    #[test]
    fn a_round_trip_keeps_the_function() {
        let cost = values(COST_PARAMS, &format!("{ENGINEER}&free_tier=false"));
        let to_sim = handoff(&cost, &[], SIM_PARAMS, &[]);
        let d = decode_query(SIM_PARAMS, &to_sim);
        let back = handoff(&d.values, &d.carried, COST_PARAMS, &[]);
        let c2 = decode_query(COST_PARAMS, &back);
        assert!(c2.errors.is_empty() && c2.carried.iter().all(|(k, _)| !COST_PARAMS.iter().any(|s| s.name == k)));
        for k in
            ["region", "memory_mb", "requests", "runtime", "free_tier", "cold_start_ratio", "init_ms", "duration_ms"]
        {
            assert_eq!(c2.values.get(k), cost.get(k), "{k}: {back}");
        }
        // Without an Init duration the simulator draws cold starts for the
        // function's runtime (never a cold start of 0 ms), and hands the
        // runtime back.
        let py = values(COST_PARAMS, "runtime=python3.13&requests=5000000");
        let d = decode_query(SIM_PARAMS, &handoff(&py, &[], SIM_PARAMS, &[]));
        assert_eq!(d.values.text("runtime"), "python3.13");
        assert_eq!(d.values.num("cold_start_ms"), 250.0, "the simulator's default, unused with a runtime");
        let back = decode_query(COST_PARAMS, &handoff(&d.values, &d.carried, COST_PARAMS, &[]));
        assert_eq!((back.values.text("runtime"), back.values.int("requests")), ("python3.13", 5_000_000));
        // The simulator's view of the duration is the CV the p99 implies.
        let cv = crate::base::stats::LogNormal::cv_from_mean_p99(250.0, 900.0).unwrap();
        assert!((c2.values.num("duration_cv") - cv).abs() < 1e-6);
    }

    #[test]
    fn power_prices_its_pick_in_the_cost_page() {
        let cost = values(COST_PARAMS, ENGINEER);
        let to_power = handoff(&cost, &[], POWER_PARAMS, &[]);
        let d = decode_query(POWER_PARAMS, &to_power);
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        assert_eq!(
            (d.values.int("anchor_memory_mb"), d.values.num("anchor_duration_ms"), d.values.flag("free_tier")),
            (512, 250.0, true)
        );
        let price =
            handoff(&d.values, &d.carried, COST_PARAMS, &[("memory_mb", "1024".into()), ("duration_ms", "140".into())]);
        let c = decode_query(COST_PARAMS, &price);
        assert_eq!((c.values.int("memory_mb"), c.values.num("duration_ms")), (1024, 140.0));
        // The cold starts typed on the cost page survived the trip through power.
        assert_eq!((c.values.num("cold_start_ratio"), c.values.num("init_ms")), (0.02, 600.0));
    }

    #[test]
    fn the_simulated_cold_ratio_prices_the_month_like_the_cost_page() {
        let cost = values(COST_PARAMS, ENGINEER);
        let q = handoff(&cost, &[], SIM_PARAMS, &[("sim_seconds", "3600".into())]);
        let d = decode_query(SIM_PARAMS, &q);
        let r = simulation::simulate(&d.values).unwrap();
        let steady = steady_cold_ratio(&r);
        // 7.6 requests a second with a 7-minute idle timeout: far below 2 %.
        assert!(steady > 0.0 && steady < 0.002, "{steady}");
        let monthly = traffic_monthly(&d.values, &d.carried, &r, TODAY).unwrap();
        assert_eq!(
            monthly,
            crate::calculators::cost::evaluate(&traffic_cost_values(&d.values, &d.carried, &r), TODAY).unwrap().total
        );
        let to_cost = handoff(&d.values, &d.carried, COST_PARAMS, &traffic_to_cost(&d.values, &r));
        let c = decode_query(COST_PARAMS, &to_cost);
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        assert_eq!(crate::calculators::cost::evaluate(&c.values, TODAY).unwrap().total, monthly);
        assert_eq!(c.values.int("requests"), 20_000_000);
        assert!(get(&profile(&c.values, &c.carried), "rate_per_s").is_some());
    }

    #[test]
    fn the_products_around_the_function_survive_a_round_trip_through_the_simulator() {
        let cost =
            values(COST_PARAMS, "memory_mb=512&duration_ms=100&requests=2628000&front_door=http_api&egress_gb=200");
        let q = handoff(&cost, &[], SIM_PARAMS, &[]);
        let d = decode_query(SIM_PARAMS, &q);
        assert!(d.errors.is_empty() && d.unknown.is_empty(), "{q}");
        assert!(d.carried.iter().any(|(k, v)| k == "front_door" && v == "http_api"), "{q}");
        let r = crate::simulation::simulate(&d.values).unwrap();
        // The simulator's month is the function alone, and says the cost page adds the rest.
        let (month, more) = month_of(&traffic_cost_values(&d.values, &d.carried, &r), TODAY).unwrap();
        assert!(more);
        let back =
            decode_query(COST_PARAMS, &handoff(&d.values, &d.carried, COST_PARAMS, &traffic_to_cost(&d.values, &r)));
        assert_eq!((back.values.text("front_door"), back.values.num("egress_gb")), ("http_api", 200.0));
        let full = crate::calculators::cost::evaluate(&back.values, TODAY).unwrap();
        assert_eq!(full.total, month + full.lines.front_door_usd + full.lines.egress_usd);
    }

    /// REPORT lines at 128 MB (10.9–11.1 s) and 1,024 MB (about 1.4 s).
    fn report_lines() -> String {
        let mut out = String::new();
        for (i, ms) in [10_900.0, 11_032.9, 11_100.0, 11_050.0, 10_980.0].iter().enumerate() {
            out.push_str(&format!("REPORT RequestId: a{i}\tDuration: {ms} ms\tBilled Duration: 11100 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\n"));
        }
        for (i, ms) in [1_390.0, 1_420.5, 1_405.0].iter().enumerate() {
            out.push_str(&format!("REPORT RequestId: b{i}\tDuration: {ms} ms\tBilled Duration: 1421 ms\tMemory Size: 1024 MB\tMax Memory Used: 72 MB\n"));
        }
        out
    }

    /// What the power page sets from pasted REPORT lines.
    fn with_report_lines(v: &mut Values, log: &str) {
        let parsed = crate::models::report::parse(log);
        let pts: Vec<String> = parsed.points().iter().map(|p| format!("{}:{}", p.memory_mb, p.duration_ms)).collect();
        v.set("points", &pts.join(",")).unwrap();
        v.set("points_cv", &parsed.spreads()).unwrap();
    }

    #[test]
    fn pricing_a_measured_size_carries_its_own_spread_not_the_sources_p99() {
        // The engineer's journey: cost page with a p99 of 1,200 ms, "Tune
        // memory", REPORT lines pasted, then "Price 128 MB in the cost calculator".
        let cost = values(COST_PARAMS, "memory_mb=1024&duration_ms=180&duration_p99_ms=1200&requests=20000000");
        let d = decode_query(POWER_PARAMS, &handoff(&cost, &[], POWER_PARAMS, &[]));
        let (mut pv, carried) = (d.values, d.carried);
        assert!(carried.iter().any(|(k, _)| k == "duration_p99_ms"), "the p99 travels with the function");
        with_report_lines(&mut pv, &report_lines());
        pv.set("strategy", "cost").unwrap();
        let r = crate::calculators::power::evaluate(&pv, TODAY).unwrap();
        assert_eq!((r.best.memory_mb, r.best.measured), (128, true));
        let price = handoff(&pv, &carried, COST_PARAMS, &r.cost_handoff(&pv));
        let c = decode_query(COST_PARAMS, &price);
        assert!(c.errors.is_empty() && c.unknown.is_empty(), "{price}: {:?}", c.errors);
        let measured = crate::base::stats::cv(&[10_900.0, 11_032.9, 11_100.0, 11_050.0, 10_980.0]).unwrap();
        assert!((c.values.num("duration_cv") - measured).abs() < 1e-6, "{price}");
        assert!(c.values.num("duration_cv") < 0.01, "10.9–11.1 s is a narrow spread");
        assert_eq!(c.values.num("duration_p99_ms"), 0.0, "{price}");
        assert!((c.values.num("duration_ms") - 11_012.58).abs() < 0.01);
        // The cost page prices it, and the simulator it opens sees 11 s requests, not 72 s ones.
        let bill = crate::calculators::cost::evaluate(&c.values, TODAY).unwrap();
        assert!(bill.total.as_f64() > 0.0);
        let sim =
            decode_query(SIM_PARAMS, &handoff(&c.values, &c.carried, SIM_PARAMS, &[("sim_seconds", "600".into())]));
        assert!(sim.errors.is_empty());
        let run = simulation::simulate(&sim.values).unwrap();
        assert!(run.p99_ms < 11_400.0 + 5_000.0 && run.warm_p99_ms < 11_300.0, "p99 {} ms", run.warm_p99_ms);
        // A size measured without a spread (typed points) carries none.
        let mut typed = pv.clone();
        typed.set("points_cv", "").unwrap();
        let o = crate::calculators::power::evaluate(&typed, TODAY).unwrap().cost_handoff(&typed);
        assert!(o.contains(&("duration_cv", "0".into())) && o.contains(&("duration_p99_ms", "0".into())), "{o:?}");
    }

    #[test]
    fn a_described_function_keeps_its_spread_only_at_its_own_size() {
        let cost = values(COST_PARAMS, "memory_mb=1024&duration_ms=180&duration_p99_ms=1200&requests=20000000");
        let d = decode_query(POWER_PARAMS, &handoff(&cost, &[], POWER_PARAMS, &[]));
        let mut pv = d.values;
        // At its own size: the cost page opens as it was.
        pv.set("candidates", "1024").unwrap();
        let r = crate::calculators::power::evaluate(&pv, TODAY).unwrap();
        let back = decode_query(COST_PARAMS, &handoff(&pv, &d.carried, COST_PARAMS, &r.cost_handoff(&pv)));
        assert_eq!((back.values.num("duration_p99_ms"), back.values.num("duration_ms")), (1200.0, 180.0));
        // At another size only the predicted mean travels.
        pv.set("candidates", "2048").unwrap();
        let r = crate::calculators::power::evaluate(&pv, TODAY).unwrap();
        let q = handoff(&pv, &d.carried, COST_PARAMS, &r.cost_handoff(&pv));
        let other = decode_query(COST_PARAMS, &q);
        assert!(other.errors.is_empty(), "{q}");
        assert_eq!((other.values.int("memory_mb"), other.values.num("duration_p99_ms")), (2048, 0.0));
        assert_eq!(other.values.num("duration_cv"), 0.0);
    }

    /// A source state drawn from the ranges people use.
    fn random_cost_state(rng: &mut crate::base::rng::Rng) -> String {
        let pick =
            |rng: &mut crate::base::rng::Rng, xs: &[&str]| xs[(rng.next_u64() % xs.len() as u64) as usize].to_string();
        let memory = 128 + (rng.next_u64() % 10_113);
        let duration = 1.0 + rng.unit() * rng.unit() * 60_000.0;
        let p99 = if rng.unit() < 0.5 { 0.0 } else { (duration * (1.05 + rng.unit() * 20.0)).min(900_000.0) };
        let requests = (rng.unit() * rng.unit() * 2e9) as u64;
        format!(
            "memory_mb={memory}&duration_ms={}&duration_p99_ms={}&requests={requests}&region={}&arch={}&init_ms={}&cold_start_ratio={}&free_tier={}",
            fmt_round(duration, 3),
            fmt_round(p99, 3),
            pick(rng, &["us-east-1", "eu-west-1", "ap-south-1", "sa-east-1", "eu-west-2"]),
            pick(rng, &["x86_64", "arm64"]),
            pick(rng, &["0", "250", "1800"]),
            pick(rng, &["0", "0.001", "0.05"]),
            pick(rng, &["true", "false"]),
        )
    }

    #[test]
    fn the_platforms_page_prices_the_cost_pages_function_as_the_cost_page_does() {
        for q in [
            "",
            "memory_mb=2048&duration_ms=350&requests=40000000&arch=arm64&region=eu-west-1",
            "free_tier=false&savings_plan_pct=17&duration_cv=0.8",
        ] {
            let cost = values(COST_PARAMS, q);
            let total = crate::calculators::cost::evaluate(&cost, TODAY).unwrap().total;
            let to = crate::calculators::platforms::PLATFORMS_PARAMS;
            let pl = decode_query(to, &handoff(&cost, &[], to, &platforms_overrides_from_cost(&cost)));
            let r = crate::calculators::platforms::evaluate(&pl.values).unwrap();
            assert_eq!(r.month.lambda_usd, total, "{q}");
            // And back from Managed Instances, the workload and the instances keep their values.
            let lmi = values(
                crate::models::capacity::LMI_PARAMS,
                "instance_type=c7g.2xlarge&memory_mb=4096&function_memory_mb=1536&cpu_share_pct=12.5",
            );
            let pl = decode_query(to, &handoff(&lmi, &[], to, &platforms_overrides_from_lmi(&lmi)));
            assert!(pl.errors.is_empty(), "{:?}", pl.errors);
            let v = &pl.values;
            assert_eq!(
                (v.text("ec2_instance_type"), v.int("env_memory_mb"), v.int("memory_mb")),
                ("c7g.2xlarge", 4096, 1536)
            );
            assert_eq!(v.num("cpu_share_pct"), 12.5);
            let from_lmi = crate::calculators::platforms::evaluate(v).unwrap();
            let direct = crate::calculators::managed_instances::evaluate(&lmi).unwrap();
            assert_eq!(from_lmi.month.usd(crate::calculators::platforms::Platform::Lmi), Some(direct.bill.total_usd));
        }
    }

    #[test]
    fn every_hand_off_opens_its_target_without_an_error() {
        let mut rng = crate::base::rng::Rng::new(22);
        for case in 0..300 {
            let q = random_cost_state(&mut rng);
            let cost = values(COST_PARAMS, &q);
            // cost → traffic, a daily cycle, power.
            let mut targets = vec![handoff(&cost, &[], SIM_PARAMS, &[])];
            if let Some(o) = daily_cycle(&cost, &[]) {
                targets.push(handoff(&cost, &[], SIM_PARAMS, &o));
                let d = decode_query(SIM_PARAMS, targets.last().unwrap());
                assert_eq!(
                    simulation::run_seconds(&d.values),
                    simulation::DAY_S,
                    "case {case}: a daily cycle simulates a day"
                );
            }
            for t in &targets {
                let d = decode_query(SIM_PARAMS, t);
                assert!(d.errors.is_empty() && d.unknown.is_empty(), "case {case} {q} → {t}: {:?}", d.errors);
                if let Err(e) = simulation::config(&d.values) {
                    // Only traffic beyond what a browser can simulate may be refused, by name.
                    assert!(e.param == "sim_seconds" || e.param == "pc_units", "case {case} {t}: {e:?}");
                }
            }
            // cost → platforms: the workload opens priced, Lambda's line the function's own bill.
            let pl = decode_query(
                crate::calculators::platforms::PLATFORMS_PARAMS,
                &handoff(&cost, &[], crate::calculators::platforms::PLATFORMS_PARAMS, &[]),
            );
            assert!(pl.errors.is_empty(), "case {case} {q}: {:?}", pl.errors);
            if let Err(e) = crate::calculators::platforms::evaluate(&pl.values) {
                panic!("case {case} {q} → platforms: {e:?}");
            }
            let p = decode_query(POWER_PARAMS, &handoff(&cost, &[], POWER_PARAMS, &[]));
            assert!(p.errors.is_empty() && p.unknown.is_empty(), "case {case} {q}: {:?}", p.errors);
            // power → cost, described and with measurements.
            let mut measured = p.values.clone();
            with_report_lines(&mut measured, &report_lines());
            for pv in [&p.values, &measured] {
                let Ok(r) = crate::calculators::power::evaluate(pv, TODAY) else { continue };
                let back = handoff(pv, &p.carried, COST_PARAMS, &r.cost_handoff(pv));
                let c = decode_query(COST_PARAMS, &back);
                assert!(c.errors.is_empty() && c.unknown.is_empty(), "case {case} {q} → {back}: {:?}", c.errors);
                if let Err(e) = crate::calculators::cost::evaluate(&c.values, TODAY) {
                    panic!("case {case} {q} → {back}: {e:?}");
                }
            }
        }
    }

    #[test]
    fn the_default_run_sees_an_environment_reach_its_lifetime() {
        // The engineer's 20 M requests a month at 180 ms: a day, not an hour.
        let cost = values(COST_PARAMS, "memory_mb=1024&duration_ms=180&duration_p99_ms=1200&requests=20000000");
        let d = decode_query(SIM_PARAMS, &handoff(&cost, &[], SIM_PARAMS, &[]));
        assert_eq!(simulation::run_seconds(&d.values), simulation::DAY_S);
        assert!(simulation::short_run_note(&d.values).is_none());
        let day = simulation::simulate(&d.values).unwrap();
        let mut hour = d.values.clone();
        hour.set("sim_seconds", "3600").unwrap();
        assert!(simulation::short_run_note(&hour).unwrap().contains("lifetime recycling"));
        // Recycling every two hours adds cold starts the hour cannot see:
        // with MRU routing only the busy environments live that long (idle
        // ones expire first), so about one per busy environment per lifetime
        // (152 against 129 for the same day with no recycling).
        let mut never = d.values.clone();
        never.set("max_lifetime_s", "0").unwrap();
        let never = simulation::simulate(&never).unwrap();
        assert!(
            day.cold_starts > never.cold_starts && steady_cold_ratio(&day) > steady_cold_ratio(&never),
            "{} vs {}",
            day.cold_starts,
            never.cold_starts
        );
        assert_eq!(day.metrics().iter().find(|(k, _)| *k == "simulated_s").unwrap().1.as_f64(), Some(86_400.0));
    }

    #[test]
    fn automatic_runs_shorten_for_heavy_traffic_and_say_what_they_miss() {
        let run = |q: &str| simulation::run_seconds(&values(SIM_PARAMS, q));
        assert_eq!(run(""), simulation::DAY_S);
        assert_eq!(run("rate_per_s=50"), simulation::DAY_S);
        // 5 M arrivals would be 5,000 s: stretched to start-up + lifetime + keep-alive.
        assert_eq!(run("rate_per_s=1000"), 420.0 + 7200.0 + 420.0);
        assert!(simulation::short_run_note(&values(SIM_PARAMS, "rate_per_s=1000")).is_none());
        // Beyond 20 M arrivals the floor gives way, and the page says so.
        assert_eq!(run("rate_per_s=10000"), 2000.0);
        let note = simulation::short_run_note(&values(SIM_PARAMS, "rate_per_s=10000")).unwrap();
        assert!(note.contains("8040") && note.contains("sim_seconds"), "{note}");
        // A given length is kept; a trace runs to its last timestamp.
        assert_eq!(run("sim_seconds=600"), 600.0);
        assert_eq!(run("arrival=trace&trace=0,5.5,700.2"), 701.0);
        // Version 3 links simulated an hour and still do.
        assert_eq!(run("v=3&rate_per_s=0.05"), 3600.0);
        assert_eq!(run("v=4&rate_per_s=0.05"), simulation::DAY_S);
    }

    #[test]
    fn managed_instances_get_the_workload_and_give_it_back() {
        let cost = values(COST_PARAMS, &format!("{ENGINEER}&arch=arm64&runtime=python3.13"));
        let q = handoff(&cost, &[], crate::models::capacity::LMI_PARAMS, &lmi_overrides(&cost));
        let d = decode_query(crate::models::capacity::LMI_PARAMS, &q);
        assert!(d.errors.is_empty() && d.unknown.is_empty(), "{q}: {:?}", d.errors);
        let v = &d.values;
        assert_eq!((v.int("function_memory_mb"), v.int("memory_mb"), v.text("arch")), (512, 2048, "arm64"));
        assert_eq!((v.text("region"), v.int("requests"), v.num("duration_ms")), ("eu-west-1", 20_000_000, 250.0));
        assert_eq!(v.text("runtime_family"), "python");
        assert!(crate::calculators::managed_instances::evaluate(v).is_ok(), "eu-west-1 has the m7g price");
        // Back to the cost page: the function's own memory, not an environment's.
        let back = decode_query(COST_PARAMS, &handoff(v, &d.carried, COST_PARAMS, &[("memory_mb", "512".into())]));
        assert!(back.errors.is_empty());
        assert_eq!((back.values.int("memory_mb"), back.values.text("arch")), (512, "arm64"));
    }

    #[test]
    fn the_daily_amplitude_is_the_simulators_default() {
        assert_eq!(values(SIM_PARAMS, "").num("diurnal_amplitude"), DIURNAL_AMPLITUDE);
        // Too much traffic to simulate a day of: not offered.
        let heavy = values(COST_PARAMS, "requests=1000000000000");
        assert!(daily_cycle(&heavy, &[]).is_none());
    }

    #[test]
    fn the_keys_whose_defaults_differ_are_listed() {
        for key in PROFILE_KEYS.iter().chain(crate::billing::PRODUCT_PARAMS) {
            let specs: Vec<&ParamSpec> =
                crate::calculators::INFOS.iter().filter_map(|c| c.specs.iter().find(|s| s.name == *key)).collect();
            let differ = specs.windows(2).any(|w| w[0].default_value() != w[1].default_value())
                || specs.iter().any(|s| s.parse(s.default).ok() != Some(s.default_value()));
            assert!(!specs.is_empty(), "{key} is in no calculator");
            if differ {
                assert!(DEFAULTS_DIFFER.contains(key), "{key}'s default differs between calculators; list it");
            }
        }
    }

    #[test]
    fn mean_rates_follow_the_arrival_pattern() {
        let t = |q: &str| mean_rate_per_s(&values(SIM_PARAMS, q));
        assert_eq!(t("rate_per_s=10"), 10.0);
        assert_eq!(t("arrival=diurnal&rate_per_s=10"), 10.0);
        let b = t("arrival=bursty&rate_per_s=10&burst_rate_per_s=100&burst_every_s=600&burst_length_s=30");
        assert!((b - (10.0 * 0.95 + 100.0 * 0.05)).abs() < 1e-9);
        assert_eq!(t("arrival=trace&trace=1,2,3,4&sim_seconds=100"), 0.04);
    }
}

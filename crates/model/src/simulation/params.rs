//! The traffic simulator's named parameters, and reading them into a
//! [`SimConfig`].

use super::*;
use crate::params::{Kind, ParamSpec};

/// A parameter name of [`SIM_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        crate::param!(SIM_PARAMS, $name)
    };
}

pub const SIM_PARAMS: &[ParamSpec] = &[
    ParamSpec {
        name: "arrival",
        label: ui_text!("Arrival pattern"),
        kind: Kind::Choice(&["poisson", "diurnal", "bursty", "constant", "trace"]),
        default: "poisson",
        unit: "",
        help: ui_text!(
            "Random (Poisson), daily cycle, periodic bursts, steady with ±10% jitter, or your own timestamps."
        ),
    },
    ParamSpec {
        name: "rate_per_s",
        label: ui_text!("Requests per second"),
        kind: Kind::Num { min: 0.000001, max: 100_000.0 },
        default: "10",
        unit: "per s",
        help: ui_text!("Mean arrival rate (outside bursts)."),
    },
    ParamSpec {
        name: "diurnal_amplitude",
        label: ui_text!("Daily swing"),
        kind: Kind::Num { min: 0.0, max: 1.0 },
        default: "0.33",
        unit: "",
        help: ui_text!("Diurnal: peak is rate × (1 + swing); Azure's aggregate is about 0.33."),
    },
    ParamSpec {
        name: "burst_rate_per_s",
        label: ui_text!("Rate during bursts"),
        kind: Kind::Num { min: 0.0, max: 100_000.0 },
        default: "100",
        unit: "per s",
        help: ui_text!("Bursty: the rate inside each burst."),
    },
    ParamSpec {
        name: "burst_every_s",
        label: ui_text!("Burst every"),
        kind: Kind::Num { min: 1.0, max: 86_400.0 },
        default: "600",
        unit: "s",
        help: ui_text!("Bursty: time from one burst's start to the next."),
    },
    ParamSpec {
        name: "burst_length_s",
        label: ui_text!("Burst length"),
        kind: Kind::Num { min: 0.0, max: 86_400.0 },
        default: "30",
        unit: "s",
        help: ui_text!("Bursty: how long each burst lasts."),
    },
    ParamSpec {
        name: "trace",
        label: ui_text!("Arrival timestamps"),
        kind: Kind::Text { max_len: 20_000 },
        default: "",
        unit: "s",
        help: ui_text!("Trace: seconds from the start, separated by commas, spaces or new lines."),
    },
    ParamSpec {
        name: "duration_ms",
        label: ui_text!("Duration (mean)"),
        kind: Kind::Num { min: 0.01, max: 900_000.0 },
        default: "100",
        unit: "ms",
        help: ui_text!("Mean run time of a warm invocation."),
    },
    ParamSpec {
        name: "duration_at_mb",
        label: ui_text!("Duration measured at"),
        kind: Kind::Int { min: 0, max: 10240 },
        default: "0",
        unit: "MB",
        help: ui_text!(
            "If set, the duration was measured at this memory size and is scaled to the memory below by the memory/CPU model; 0 = it is at that memory."
        ),
    },
    crate::models::scaling::cpu_fraction_param(
        "For scaling the duration: the CPU-bound share at the measured size (the rest is I/O).",
    ),
    ParamSpec {
        name: "duration_dist",
        label: ui_text!("Duration distribution"),
        kind: Kind::Choice(&["const", "exp", "lognormal"]),
        default: "lognormal",
        unit: "",
        help: ui_text!("Constant, exponential, or lognormal with the CV below."),
    },
    ParamSpec {
        name: "duration_cv",
        label: ui_text!("Duration variation (CV)"),
        kind: Kind::Num { min: 0.0, max: 5.0 },
        default: "0.3",
        unit: "",
        help: ui_text!("Lognormal only: standard deviation ÷ mean."),
    },
    ParamSpec {
        name: "cold_start_ms",
        label: ui_text!("Cold-start penalty"),
        kind: Kind::Num { min: 0.0, max: 60_000.0 },
        default: "250",
        unit: "ms",
        help: ui_text!("Added to a cold invocation when no runtime is chosen (counted as billed Init)."),
    },
    ParamSpec {
        name: "runtime",
        label: ui_text!("Runtime (cold-start model)"),
        kind: Kind::Choice(crate::rates::runtimes::MEASURED_OR_NONE),
        default: "none",
        unit: "",
        help: ui_text!("With a runtime, each cold start is drawn from the cold-start model instead."),
    },
    ParamSpec {
        name: "idle_ttl_s",
        label: ui_text!("Idle environment kept"),
        kind: Kind::Num { min: 1.0, max: 7200.0 },
        default: "420",
        unit: "s",
        help: ui_text!("Reclaimed after this long idle. Undocumented; measured 6–10.5 min since 2019."),
    },
    ParamSpec {
        name: "max_lifetime_s",
        label: ui_text!("Environment lifetime"),
        kind: Kind::Num { min: 0.0, max: 86_400.0 },
        default: "7200",
        unit: "s",
        help: ui_text!("Recycled after this long even when busy (about 2 h measured); 0 = never."),
    },
    ParamSpec {
        name: "routing",
        label: ui_text!("Routing to idle environments"),
        kind: Kind::Choice(&["mru", "lru", "random"]),
        default: "mru",
        unit: "",
        help: ui_text!("Newest idle first (MRU), oldest first (LRU), or random; undocumented."),
    },
    ParamSpec {
        name: "reserved_concurrency",
        label: ui_text!("Reserved concurrency"),
        kind: Kind::Int { min: -1, max: 100_000 },
        default: "-1",
        unit: "",
        help: ui_text!("A cap on this function; -1 = none, 0 = always throttled."),
    },
    ParamSpec {
        name: "account_concurrency",
        label: ui_text!("Account concurrency"),
        kind: Kind::Int { min: 1, max: 1_000_000 },
        default: "1000",
        unit: "",
        help: ui_text!("The region's limit (default 1,000)."),
    },
    ParamSpec {
        name: "scaling",
        label: ui_text!("Scaling rules"),
        kind: Kind::Choice(&["2023", "legacy"]),
        default: "2023",
        unit: "",
        help: ui_text!(
            "2023: 1,000 new environments per 10 s per function. Legacy: a regional burst, then +500 per minute."
        ),
    },
    rates::pc_units_param("Kept warm and used first; traffic beyond spills to on-demand."),
    rates::memory_param("Memory", "1024", "For GB-seconds and cost."),
    rates::arch_param("For prices and the cold-start model."),
    rates::region_param("For prices and the legacy burst size."),
    rates::prices_param(rates::PRICES_HELP),
    rates::billing_date_param(
        "INIT is billed for zip packages on managed runtimes from 2025-08-01 (always for custom runtimes); empty means today.",
    ),
    ParamSpec {
        name: "sim_seconds",
        label: ui_text!("Simulated time"),
        kind: Kind::Num { min: 0.0, max: 31_536_000.0 },
        default: "0",
        unit: "s",
        help: ui_text!(
            "How long to simulate (up to a year); 0 = automatic: a day, shorter for heavy traffic, but long enough for environments to reach their lifetime and be recycled."
        ),
    },
    ParamSpec {
        name: "warmup_s",
        label: ui_text!("Start-up left out"),
        kind: Kind::Num { min: 0.0, max: 86_400.0 },
        default: "420",
        unit: "s",
        help: ui_text!(
            "Requests in this first part of the run (at most half of it) are counted on their own line, so the figures are the steady state; 0 = count the start-up too. Not applied to a trace."
        ),
    },
    ParamSpec {
        name: "p99_target_ms",
        label: ui_text!("p99 target (PC advisor)"),
        kind: Kind::Num { min: 0.0, max: 900_000.0 },
        default: "0",
        unit: "ms",
        help: ui_text!("The PC advisor's latency goal; 0 = use the cold-start target instead."),
    },
    ParamSpec {
        name: "cold_start_target",
        label: ui_text!("Cold-start target (PC advisor)"),
        kind: Kind::Num { min: 0.0, max: 1.0 },
        default: "0.001",
        unit: "fraction of requests",
        help: ui_text!(
            "The PC advisor's goal for the share of cold starts, as a fraction: 0.001 is 0.1 % of requests, 0.01 is 1 %."
        ),
    },
    ParamSpec {
        name: "seed",
        label: ui_text!("Random seed"),
        kind: Kind::Int { min: 0, max: 4_294_967_295 },
        default: "1",
        unit: "",
        help: ui_text!("The same seed gives the same result."),
    },
];

/// Most simulated arrivals a run may have.
pub const MAX_ARRIVALS: f64 = 200_000_000.0;

/// An automatic run simulates a day when the day holds at most this many
/// arrivals, and otherwise about this many (a fraction of a second in a
/// browser)…
pub const AUTO_ARRIVALS: f64 = 5_000_000.0;
/// …but stretches to [`full_cycle_s`] while that holds at most this many.
pub const AUTO_ARRIVALS_MAX: f64 = 20_000_000.0;
/// A day: the automatic run's length when traffic is light.
pub const DAY_S: f64 = 86_400.0;

/// The peak arrival rate of the pattern (for sizing a run), or `None` for a
/// trace, which brings its own count.
fn peak_rate(v: &Values) -> Option<f64> {
    let rate = v.num(p!("rate_per_s"));
    match v.text(p!("arrival")) {
        "trace" => None,
        "bursty" => Some(rate.max(v.num(p!("burst_rate_per_s")))),
        "diurnal" => Some(rate * (1.0 + v.num(p!("diurnal_amplitude")))),
        _ => Some(rate),
    }
}

/// The shortest run that sees every effect the simulator models once in the
/// steady state: the start-up left out, then a whole environment lifetime
/// (recycling) plus the keep-alive (reclaiming idle environments). Without a
/// lifetime, the start-up and two keep-alives.
pub fn full_cycle_s(v: &Values) -> f64 {
    let ttl = v.num(p!("idle_ttl_s"));
    let life = v.num(p!("max_lifetime_s"));
    let warmup = v.num(p!("warmup_s"));
    if life > 0.0 { warmup + life + ttl } else { warmup + 2.0 * ttl }
}

/// The run's length in seconds: `sim_seconds`, or for 0 (automatic) a day,
/// shortened for heavy traffic to about [`AUTO_ARRIVALS`] arrivals but
/// never below [`full_cycle_s`] while that fits [`AUTO_ARRIVALS_MAX`]; a
/// trace runs to one second past its last timestamp.
pub fn run_seconds(v: &Values) -> f64 {
    let given = v.num(p!("sim_seconds"));
    if given > 0.0 {
        return given;
    }
    let Some(peak) = peak_rate(v) else {
        let last = v
            .text(p!("trace"))
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter_map(crate::params::parse_number)
            .filter(|x| x.is_finite() && *x >= 0.0)
            .fold(0.0, f64::max);
        return (last.floor() + 1.0).min(31_536_000.0);
    };
    let peak = peak.max(1e-9);
    if peak * DAY_S <= AUTO_ARRIVALS {
        return DAY_S;
    }
    let cycle = full_cycle_s(v).min(AUTO_ARRIVALS_MAX / peak);
    (AUTO_ARRIVALS / peak).max(cycle).clamp(1.0, DAY_S).ceil()
}

/// What a run of this length cannot see, or `None` when it sees every
/// effect once ([`full_cycle_s`]); a trace is what happened, so it misses
/// nothing the simulator could add.
pub fn short_run_note(v: &Values) -> Option<String> {
    if v.text(p!("arrival")) == "trace" {
        return None;
    }
    let run = run_seconds(v);
    let need = full_cycle_s(v);
    (run < need).then(|| {
        let life = v.num(p!("max_lifetime_s"));
        ui_format!(
            "This run ({} s) is shorter than the start-up, an environment\u{2019}s lifetime and the keep-alive together ({} s), so it misses {}: its cold-start ratio is a lower bound. Simulate at least {} s (Simulated time, sim_seconds) for the steady state.",
            crate::params::fmt_num(run.round()),
            crate::params::fmt_num(need.round()),
            if life > 0.0 { "lifetime recycling" } else { "idle environments being reclaimed" },
            crate::params::fmt_num(need.ceil()),
        )
    })
}

/// The mean warm duration at `memory_mb`: as given, or scaled by the
/// memory/CPU model from the size it was measured at.
pub fn service_mean_ms(v: &Values) -> f64 {
    match v.int(p!("duration_at_mb")) {
        0 => v.num(p!("duration_ms")),
        at => crate::models::scaling::Workload::from_description(
            at as f64,
            v.num(p!("duration_ms")),
            v.num(p!("cpu_fraction")),
            0.0,
            1.0,
            1.0,
        )
        .duration_ms(v.num(p!("memory_mb")), 1.0),
    }
}

/// Builds a run from named parameters, checking what cannot be simulated.
pub fn config(v: &Values) -> Result<SimConfig, crate::params::ParamError> {
    let bad =
        |param: &str, message: String| crate::params::ParamError { param: param.into(), given: String::new(), message };
    let code = v.text(p!("region"));
    let table = rates::price_table(v.text(p!("prices")));
    let region = table.rates_in(code).map_err(|why| bad("prices", ui_format!("Price table (prices): {why}")))?;
    let arch = Arch::parse(v.text(p!("arch"))).unwrap_or(Arch::X86);
    let rate = v.num(p!("rate_per_s"));
    let sim_s = run_seconds(v);
    let arrivals = match v.text(p!("arrival")) {
        "diurnal" => Arrivals::Diurnal { rate, amplitude: v.num(p!("diurnal_amplitude")) },
        "bursty" => {
            if v.num(p!("burst_length_s")) > v.num(p!("burst_every_s")) {
                return Err(bad(
                    "burst_length_s",
                    ui_format!(
                        "Burst length (burst_length_s): a burst cannot last longer than the time between bursts; use at most Burst every (burst_every_s), {} s.",
                        crate::params::fmt_num(v.num(p!("burst_every_s")))
                    ),
                ));
            }
            Arrivals::Bursty {
                base: rate,
                burst: v.num(p!("burst_rate_per_s")),
                every_s: v.num(p!("burst_every_s")),
                len_s: v.num(p!("burst_length_s")),
            }
        }
        "constant" => Arrivals::Constant { rate },
        "trace" => {
            let mut times = Vec::new();
            for tok in v.text(p!("trace")).split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()) {
                match crate::params::parse_number(tok) {
                    Some(x) if x >= 0.0 && x < sim_s => times.push((x * 1e6) as u64),
                    _ => {
                        return Err(bad(
                            "trace",
                            ui_format!(
                                "Arrival timestamps (trace): \u{201c}{tok}\u{201d} is not a time from 0 to {} s (Simulated time, sim_seconds).",
                                crate::base::digits::fmt_shortest(sim_s)
                            ),
                        ));
                    }
                }
            }
            if times.is_empty() {
                return Err(bad(
                    "trace",
                    "Arrival timestamps (trace): the trace has no timestamps; paste seconds from the start, such as 0, 0.5, 12.25.".into(),
                ));
            }
            times.sort_unstable();
            Arrivals::Trace { times_us: times }
        }
        _ => Arrivals::Poisson { rate },
    };
    let expected = match &arrivals {
        Arrivals::Trace { times_us } => times_us.len() as f64,
        Arrivals::Bursty { base, burst, .. } => base.max(*burst) * sim_s,
        Arrivals::Diurnal { rate, amplitude } => rate * (1.0 + amplitude) * sim_s,
        _ => rate * sim_s,
    };
    if expected > MAX_ARRIVALS {
        return Err(bad(
            "sim_seconds",
            ui_format!(
                "Simulated time (sim_seconds): that is about {} million requests; simulate at most 200 million (lower Requests per second (rate_per_s) or the simulated time).",
                crate::base::digits::fmt_fixed(expected / 1e6, 0)
            ),
        ));
    }
    let memory_mb = v.int(p!("memory_mb")) as u32;
    let mean = service_mean_ms(v);
    let cv = v.num(p!("duration_cv"));
    let dist = match v.text(p!("duration_dist")) {
        "const" => ServiceDist::Const,
        "exp" => ServiceDist::Exp,
        _ if cv <= 0.0 => ServiceDist::Const,
        _ => {
            let l = crate::base::stats::LogNormal::from_mean_cv(mean, cv);
            ServiceDist::LogNormal { mu: l.mu, sigma: l.sigma }
        }
    };
    let cold = match v.text(p!("runtime")) {
        "none" => ColdSource::Fixed { ms: v.num(p!("cold_start_ms")) },
        rt => ColdSource::Model(Box::new(
            ColdModel::new(&ColdSpec {
                runtime: rt,
                arch: arch.name(),
                package: "zip",
                memory_mb: memory_mb as f64,
                package_mb: 0.0,
                init_work_ms: 0.0,
                vpc: false,
                snapstart: false,
            })
            .ok_or_else(|| {
                bad(
                    "runtime",
                    ui_format!("Runtime (cold-start model) (runtime): no cold-start data for {rt} on {}.", arch.name()),
                )
            })?,
        )),
    };
    let pc_units = v.int(p!("pc_units")) as u32;
    if pc_units > 0 && region.pc(arch).is_none() {
        return Err(bad(
            "pc_units",
            ui_format!(
                "Provisioned concurrency (pc_units): no provisioned-concurrency price for {} on {} is in this calculator; use 0 or another region.",
                arch.name(),
                region.code
            ),
        ));
    }
    let legacy_burst = (v.text(p!("scaling")) == "legacy").then_some(match region.code {
        "us-east-1" | "us-west-2" | "eu-west-1" => 3000,
        "ap-northeast-1" | "eu-central-1" | "us-east-2" => 1000,
        _ => 500,
    });
    let reserved = match v.int(p!("reserved_concurrency")) {
        -1 => None,
        n => Some(n as u32),
    };
    // A trace is traffic as it happened, replayed from its first request:
    // none of it is left out.
    let warmup_us = if matches!(arrivals, Arrivals::Trace { .. }) { 0 } else { (v.num(p!("warmup_s")) * 1e6) as u64 };
    Ok(SimConfig {
        arrivals,
        sim_us: (sim_s * 1e6) as u64,
        warmup_us,
        mean_ms: mean,
        dist,
        cold,
        ttl_us: (v.num(p!("idle_ttl_s")) * 1e6) as u64,
        max_life_us: (v.num(p!("max_lifetime_s")) * 1e6) as u64,
        routing: match v.text(p!("routing")) {
            "lru" => Routing::Lru,
            "random" => Routing::Random,
            _ => Routing::Mru,
        },
        reserved,
        account: v.int(p!("account_concurrency")) as u32,
        legacy_burst,
        pc_units,
        memory_mb,
        arch,
        region,
        seed: v.int(p!("seed")) as u64,
        init_billed: {
            // The engine reads no clock: an empty date means today, which is after
            // the 2025-08-01 change, so it bills like that date.
            let date = crate::params::Date::parse(v.text(p!("billing_date"))).unwrap_or(rates::INIT_BILLING_FROM);
            let custom = crate::rates::runtimes::is_custom(v.text(p!("runtime")));
            crate::billing::init_billed_on(date, crate::billing::Package::Zip, custom)
        },
        bins: 120,
    })
}

/// Runs a whole simulation from named parameters.
pub fn simulate(v: &Values) -> Result<SimResult, crate::params::ParamError> {
    Ok(Sim::new(config(v)?).run())
}

/// A rate as a `Rate` for display (unused prices stay exact).
pub fn tier1(region: &rates::Region, arch: Arch) -> Rate {
    region.duration_tiers(arch)[0]
}

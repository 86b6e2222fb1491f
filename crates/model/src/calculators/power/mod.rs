//! The power-tuning explorer: predict duration and cost at every memory size
//! from a description or from measurements, price the curve with the pricing
//! engine (request fee, region, architecture, tiers and free tier included),
//! and pick a size by Power Tuning's cost / speed / balanced strategies.

use crate::base::money::Usd;
use crate::billing::{self, COST_PARAMS, CostInput};
use crate::models::powertuning::{self, TunedPoint};
use crate::models::scaling::{self, Fit, Point, Workload};
use crate::params::metrics::MetricValue;
use crate::params::{Date, Kind, ParamError, ParamSpec, Values};
use crate::rates::{self, Arch};

/// A parameter name of [`POWER_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        crate::param!(POWER_PARAMS, $name)
    };
}

const CANDIDATES_DEFAULT: &str = "128,256,512,1024,1536,2048,3008,4096,5120,6144,7168,8192,9216,10240";

pub const POWER_PARAMS: &[ParamSpec] = &[
    rates::memory_param("Current memory", "1024", "The size to evaluate and compare against."),
    ParamSpec {
        name: "anchor_memory_mb",
        label: ui_text!("Measured at"),
        kind: Kind::Int { min: 128, max: 10240 },
        default: "128",
        unit: "MB",
        help: ui_text!("The memory size of your one measurement."),
    },
    ParamSpec {
        name: "anchor_duration_ms",
        label: ui_text!("Measured duration"),
        kind: Kind::Num { min: 0.001, max: 900_000.0 },
        default: "2400",
        unit: "ms",
        help: ui_text!("Mean duration at that size."),
    },
    scaling::cpu_fraction_param("0 = all waiting on I/O, 1 = all CPU work, at the measured size."),
    ParamSpec {
        name: "parallel_fraction",
        label: ui_text!("Share of CPU work in parallel"),
        kind: Kind::Num { min: 0.0, max: 1.0 },
        default: "0",
        unit: "",
        help: ui_text!("The part of the CPU work that runs on several threads."),
    },
    ParamSpec {
        name: "threads",
        label: ui_text!("Threads"),
        kind: Kind::Int { min: 1, max: 64 },
        default: "1",
        unit: "",
        help: ui_text!("Threads the parallel part uses."),
    },
    ParamSpec {
        name: "alpha",
        label: ui_text!("Small-share slowdown (α)"),
        kind: Kind::Num { min: 0.5, max: 3.0 },
        default: "1",
        unit: "",
        help: ui_text!("Exponent for the extra slowdown below 1 vCPU; 1 means time ∝ 1/share."),
    },
    rates::arch_param("The architecture the measurements come from."),
    ParamSpec {
        name: "arm_speed_factor",
        label: ui_text!("arm64 CPU time ÷ x86_64"),
        kind: Kind::Num { min: 0.5, max: 2.0 },
        default: "1",
        unit: "",
        help: ui_text!(
            "How much longer (above 1) or shorter the CPU part takes on arm64. Measure it; published ratios span about 0.9–1.15."
        ),
    },
    rates::region_param("Prices differ by region."),
    rates::prices_param(rates::PRICES_HELP),
    ParamSpec {
        name: "requests",
        label: ui_text!("Requests per month"),
        kind: Kind::Int { min: 0, max: 1_000_000_000_000 },
        default: "1000000",
        unit: "requests",
        help: ui_text!("For the monthly cost."),
    },
    ParamSpec {
        name: "free_tier",
        label: ui_text!("Apply the free tier"),
        kind: Kind::Bool,
        default: "true",
        unit: "",
        help: ui_text!(
            "1M requests and 400,000 GB-s a month, account-wide, as on the cost page. For the monthly cost only; per-invocation figures never include it. (Off by default in links before v=2.)"
        ),
    },
    ParamSpec {
        name: "strategy",
        label: ui_text!("Strategy"),
        kind: Kind::Choice(&["cost", "speed", "balanced"]),
        default: "cost",
        unit: "",
        help: ui_text!(
            "As in Power Tuning: cheapest, fastest, or a weighted balance. Sizes closer than the fit's error count as equal: then a measured size wins, and cost takes the faster, speed the cheaper."
        ),
    },
    ParamSpec {
        name: "balanced_weight",
        label: ui_text!("Balance weight"),
        kind: Kind::Num { min: 0.0, max: 1.0 },
        default: "0.5",
        unit: "",
        help: ui_text!("0 = speed only, 1 = cost only."),
    },
    ParamSpec {
        name: "candidates",
        label: ui_text!("Candidate sizes"),
        kind: Kind::IntList { min: 128, max: 10240 },
        default: CANDIDATES_DEFAULT,
        unit: "MB",
        help: ui_text!("The sizes to compare (Power Tuning's default set)."),
    },
    ParamSpec {
        name: "max_memory_used_mb",
        label: ui_text!("Max Memory Used"),
        kind: Kind::Num { min: 0.0, max: 10240.0 },
        default: "0",
        unit: "MB",
        help: ui_text!("From your REPORT lines; smaller sizes (plus 10%) would run out of memory. 0 = unknown."),
    },
    ParamSpec {
        name: "points",
        label: ui_text!("Measured points"),
        kind: Kind::PairList { min_x: 128, max_x: 10240, max_y: 900_000.0 },
        default: "",
        unit: "MB:ms",
        help: ui_text!("memory:duration pairs; when given, the model is fitted to them."),
    },
    ParamSpec {
        name: "points_cv",
        label: ui_text!("Measured spread per size"),
        kind: Kind::PairList { min_x: 128, max_x: 10240, max_y: 5.0 },
        default: "",
        unit: "MB:CV",
        help: ui_text!(
            "memory:CV pairs (standard deviation ÷ mean of the warm durations at that size), filled in from REPORT lines; the hand-off to the cost calculator carries the spread measured at the size it prices, and none where none was measured."
        ),
    },
    ParamSpec {
        name: "power_tuning",
        label: ui_text!("Power Tuning result"),
        kind: Kind::Text { max_len: 4000 },
        default: "",
        unit: "",
        help: ui_text!("A lambda-power-tuning.show link; its points are fitted and re-priced."),
    },
];

/// Where the workload came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Basis {
    Described,
    Fitted(Fit),
}

/// One memory size, priced.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub memory_mb: u32,
    pub duration_ms: f64,
    /// The duration came from a measurement at this size, not the model.
    pub measured: bool,
    pub per_invocation: Usd,
    pub per_million: Usd,
    pub monthly: Usd,
    pub out_of_memory: bool,
    /// The modelled duration is over Lambda's 15-minute limit: the invocation
    /// would time out, and is billed (and shown) at the limit.
    pub timed_out: bool,
    /// A prediction outside the measured sizes (only with measurements).
    pub extrapolated: bool,
    /// The duration at which this size would cost what the current size costs.
    pub iso_cost_ms: f64,
}

/// What the fit's agreement with the points means.
#[derive(Clone, Debug, PartialEq)]
pub enum FitQuality {
    /// So few sizes that the model's free parameters can follow them: its
    /// agreement with them says nothing about other sizes.
    ExactByConstruction { sizes: usize },
    /// Leave-one-out: each size predicted by a fit to the others; the largest
    /// relative error, and at which size.
    LeaveOneOut { max_rel_error: f64, worst_mb: f64, sizes: usize },
}

/// Sizes up to which a fit says nothing about its own accuracy.
const EXACT_FIT_SIZES: usize = 3;

/// Leave-one-out error of the fit: each measured size predicted by a fit to
/// the points at every other size.
pub fn fit_quality(points: &[Point], threads: f64, alpha: f64) -> FitQuality {
    let sizes = crate::base::num::distinct_sorted(points.iter().map(|p| p.memory_mb), f64::total_cmp);
    if sizes.len() <= EXACT_FIT_SIZES {
        return FitQuality::ExactByConstruction { sizes: sizes.len() };
    }
    let (mut worst, mut worst_mb) = (0.0f64, sizes[0]);
    for &m in &sizes {
        let rest: Vec<Point> = points.iter().copied().filter(|p| p.memory_mb != m).collect();
        let Ok(f) = scaling::fit(&rest, threads, alpha) else { continue };
        for p in points.iter().filter(|p| p.memory_mb == m) {
            let e = (f.workload.duration_ms(m, 1.0) - p.duration_ms).abs() / p.duration_ms;
            if e > worst {
                (worst, worst_mb) = (e, m);
            }
        }
    }
    FitQuality::LeaveOneOut { max_rel_error: worst, worst_mb, sizes: sizes.len() }
}

/// A Power Tuning row next to our exact price for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Repriced {
    pub point: TunedPoint,
    pub exact_per_invocation: Usd,
    pub exact_duration_only: Usd,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PowerResult {
    pub basis: Basis,
    pub workload: Workload,
    pub arch: Arch,
    pub current: Row,
    pub candidates: Vec<Row>,
    /// 128 to 10,240 MB every 64 MB, modelled only (for the chart).
    pub grid: Vec<Row>,
    /// The recommendation: with measurements, always a measured size.
    pub best: Row,
    /// With measurements, the size the model prefers when it is not a
    /// measured one: worth measuring next, with its predicted gain over
    /// `best` (cheaper %, faster %). Never the recommendation itself.
    pub next: Option<(Row, f64, f64)>,
    /// How far the fit can be trusted, when there is one.
    pub fit_quality: Option<FitQuality>,
    /// The same best-size search on the other architecture.
    pub other_arch: Option<(Arch, Row)>,
    pub measured: Vec<Point>,
    pub floor_mb: Option<f64>,
    pub repriced: Vec<Repriced>,
    pub strategy: &'static str,
}

struct Pricer {
    base: CostInput,
}

impl Pricer {
    fn new(v: &Values, arch: Arch, today: Date) -> Result<Pricer, Vec<ParamError>> {
        let mut c = Values::defaults(COST_PARAMS);
        for k in ["region", "prices", "requests", "free_tier"] {
            c.set(k, &v.get(k).to_string()).map_err(|e| vec![e])?;
        }
        c.set("arch", arch.name()).map_err(|e| vec![e])?;
        Ok(Pricer { base: CostInput::workload(&c, today)? })
    }

    fn row(&self, m: u32, duration_ms: f64, measured: bool, floor: Option<f64>) -> Result<Row, Vec<ParamError>> {
        // A model extrapolated far enough can predict any duration; Lambda
        // stops an invocation at 15 minutes and bills it to there.
        let timed_out = !(duration_ms.is_finite() && duration_ms <= TIMEOUT_MS);
        let duration_ms = if timed_out { TIMEOUT_MS } else { duration_ms.max(0.0) };
        let at = |requests: u64, free: bool| {
            let i = CostInput { memory_mb: m, duration_ms, requests, free_tier: free, ..self.base.clone() };
            billing::function_total(&i).map_err(|e| err("memory_mb", ui_format!("{m} MB: {e}")))
        };
        Ok(Row {
            memory_mb: m,
            duration_ms,
            measured,
            per_invocation: at(1, false)?,
            per_million: at(1_000_000, false)?,
            monthly: at(self.base.requests, self.base.free_tier)?,
            out_of_memory: floor.is_some_and(|f| (m as f64) < f),
            timed_out,
            extrapolated: false,
            iso_cost_ms: 0.0,
        })
    }
}

/// Lambda's longest invocation, in ms.
const TIMEOUT_MS: f64 = 900_000.0;

fn points_of(text: &str) -> Vec<Point> {
    text.split(',')
        .filter_map(|p| p.split_once(':'))
        .filter_map(|(m, d)| {
            Some(Point {
                memory_mb: crate::base::decimal::parse_f64(m)?,
                duration_ms: crate::base::decimal::parse_f64(d)?,
            })
        })
        .collect()
}

fn err(param: &str, message: String) -> Vec<ParamError> {
    vec![ParamError { param: param.into(), given: String::new(), message }]
}

/// The spread measured at `memory_mb` (`points_cv`), if any.
pub fn measured_cv(v: &Values, memory_mb: u32) -> Option<f64> {
    // The same memory:value pairs as the measured points.
    points_of(v.text(p!("points_cv")))
        .into_iter()
        .find(|p| p.memory_mb == memory_mb as f64)
        .map(|p| p.duration_ms)
        .filter(|cv| cv.is_finite() && *cv > 0.0)
}

impl PowerResult {
    /// What "Price N MB in the cost calculator" sets: the recommended size,
    /// its duration, and only the spread that is true at that size. A p99 or
    /// CV the explorer was handed describes the function at another size (or
    /// as it was described), so it never travels to a new size: the spread
    /// measured at the priced size goes instead (REPORT lines), or none. At
    /// the very size a description was given for, its own spread still holds
    /// and is left as it was.
    pub fn cost_handoff(&self, v: &Values) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("memory_mb", self.best.memory_mb.to_string()),
            ("duration_ms", crate::params::fmt_round(self.best.duration_ms, 3)),
        ];
        let same_as_described = self.basis == Basis::Described
            && v.int(p!("anchor_memory_mb")) == self.best.memory_mb as i64
            && (self.best.duration_ms - v.num(p!("anchor_duration_ms"))).abs() < 1e-9;
        if !same_as_described {
            let from_lines = self.best.measured && v.text(p!("power_tuning")).is_empty();
            let cv = measured_cv(v, self.best.memory_mb).filter(|_| from_lines).unwrap_or(0.0);
            out.push(("duration_cv", crate::params::fmt_round(cv, 6)));
            out.push(("duration_p99_ms", "0".into()));
        }
        out
    }

    /// Says what the cost hand-off carries about the spread, for its hint.
    pub fn cost_handoff_spread(&self, v: &Values) -> String {
        let handed = self.cost_handoff(v);
        match handed.iter().find(|(k, _)| *k == "duration_cv").map(|(_, cv)| cv.as_str()) {
            None => "its spread (CV or p99) as given, since that is the size it describes".into(),
            Some("0") => ui_format!(
                "no spread: none was measured at {} MB, and a p99 or CV from another size would not hold there",
                self.best.memory_mb
            ),
            Some(cv) => ui_format!("the spread measured there (CV {cv})"),
        }
    }
}

/// Evaluates the explorer for named parameters.
pub fn evaluate(v: &Values, today: Date) -> Result<PowerResult, Vec<ParamError>> {
    let arch = Arch::parse(v.text(p!("arch"))).unwrap_or(Arch::X86);
    let threads = v.int(p!("threads")) as f64;
    let alpha = v.num(p!("alpha"));
    let arm_factor = v.num(p!("arm_speed_factor"));
    let factor = |a: Arch| if a == Arch::Arm { arm_factor } else { 1.0 };
    let (mut tuned, mut measured) = (Vec::new(), points_of(v.text(p!("points"))));
    if !v.text(p!("power_tuning")).is_empty() {
        tuned = powertuning::decode_any(v.text(p!("power_tuning")))
            .map_err(|e| err("power_tuning", ui_format!("Power Tuning result (power_tuning): {e}")))?;
        measured = tuned.iter().map(|t| Point { memory_mb: t.memory_mb, duration_ms: t.duration_ms }).collect();
    }
    let basis = if measured.is_empty() {
        Basis::Described
    } else {
        // A fit that fails is the fault of where the points came from.
        let from = if tuned.is_empty() { "points" } else { "power_tuning" };
        let f = scaling::fit(&measured, threads, alpha)
            .map_err(|e| err(from, if tuned.is_empty() { e.0 } else { ui_format!("Power Tuning result: {}", e.0) }))?;
        Basis::Fitted(f)
    };
    let workload = match &basis {
        Basis::Fitted(f) => f.workload,
        Basis::Described => Workload::from_description(
            v.int(p!("anchor_memory_mb")) as f64,
            v.num(p!("anchor_duration_ms")),
            v.num(p!("cpu_fraction")),
            v.num(p!("parallel_fraction")),
            threads,
            alpha,
        ),
    };
    let floor = (v.num(p!("max_memory_used_mb")) > 0.0).then(|| scaling::memory_floor(v.num(p!("max_memory_used_mb"))));
    let measured_at = |m: u32| measured.iter().find(|p| p.memory_mb == m as f64).map(|p| p.duration_ms);
    let rows_for = |a: Arch, sizes: &[u32], use_measured: bool| -> Result<Vec<Row>, Vec<ParamError>> {
        let pricer = Pricer::new(v, a, today)?;
        sizes
            .iter()
            .map(|&m| match (use_measured && a == arch, measured_at(m)) {
                (true, Some(d)) => pricer.row(m, d, true, floor),
                _ => pricer.row(m, workload.duration_ms(m as f64, factor(a) / factor(arch)), false, floor),
            })
            .collect()
    };
    let sizes = crate::base::num::distinct_sorted(v.list(p!("candidates")).iter().map(|m| *m as u32), u32::cmp);
    let mem = v.int(p!("memory_mb")) as u32;
    let mut candidates = rows_for(arch, &sizes, true)?;
    let mut current = rows_for(arch, &[mem], true)?.remove(0);
    let grid_sizes: Vec<u32> = (0..=158).map(|i| 128 + i * 64).chain(std::iter::once(10240)).collect();
    let mut grid = rows_for(arch, &grid_sizes, false)?;
    // Iso-cost: the duration at which each size would cost, per invocation,
    // what the current size costs. Every size pays the same rate per GB-s and
    // the same request fee, so that is the same GB-ms: ⌈T_now⌉ × m_now ÷ m.
    let budget_mb_ms = current.duration_ms.ceil().max(1.0) * mem as f64;
    for r in candidates.iter_mut().chain(grid.iter_mut()).chain(std::iter::once(&mut current)) {
        r.iso_cost_ms = budget_mb_ms / r.memory_mb as f64;
    }
    let strategy = match v.text(p!("strategy")) {
        "speed" => "speed",
        "balanced" => "balanced",
        _ => "cost",
    };
    let weight = v.num(p!("balanced_weight"));
    let band = match &basis {
        Basis::Fitted(f) => f.max_rel_error,
        Basis::Described => 0.0,
    };
    let lowest_too_small = || {
        err(
            "max_memory_used_mb",
            ui_format!(
                "Max Memory Used (max_memory_used_mb): every one of the Candidate sizes (candidates) is below the memory floor of {} MB (Max Memory Used + 10%); add larger candidates.",
                crate::base::digits::fmt_shortest(floor.unwrap_or(0.0))
            ),
        )
    };
    let model_pick = pick(&candidates, strategy, weight, band).ok_or_else(lowest_too_small)?;
    // With measurements the answer is a measured size; the model only says
    // which size to measure next.
    let (best, next) = if measured.is_empty() {
        (model_pick, None)
    } else {
        let sizes_measured = crate::base::num::distinct_sorted(measured.iter().map(|p| p.memory_mb as u32), u32::cmp);
        let rows = rows_for(arch, &sizes_measured, true)?;
        let best = pick(&rows, strategy, weight, band).ok_or_else(|| {
            err("max_memory_used_mb", ui_format!(
                "Every measured size is below the memory floor of {} MB (Max Memory Used + 10%); measure a larger size.",
                crate::base::digits::fmt_shortest(floor.unwrap_or(0.0))
            ))
        })?;
        let next = (!model_pick.measured).then(|| {
            let pct = |new: f64, old: f64| if old > 0.0 { (old - new) / old * 100.0 } else { 0.0 };
            let cheaper = pct(model_pick.per_invocation.as_f64(), best.per_invocation.as_f64());
            let faster = pct(model_pick.duration_ms, best.duration_ms);
            (model_pick, cheaper, faster)
        });
        (best, next)
    };
    if let (Some(lo), Some(hi)) = (
        measured.iter().map(|p| p.memory_mb).min_by(f64::total_cmp),
        measured.iter().map(|p| p.memory_mb).max_by(f64::total_cmp),
    ) {
        for r in candidates.iter_mut().chain(grid.iter_mut()).chain(std::iter::once(&mut current)) {
            r.extrapolated = !r.measured && ((r.memory_mb as f64) < lo || (r.memory_mb as f64) > hi);
        }
    }
    let best = Row { extrapolated: false, ..best };
    let next = next.map(|(r, c, f)| {
        let extrapolated = candidates.iter().find(|x| x.memory_mb == r.memory_mb).is_some_and(|x| x.extrapolated);
        (Row { extrapolated, ..r }, c, f)
    });
    let fit_quality = (!measured.is_empty()).then(|| fit_quality(&measured, threads, alpha));
    let other = if arch == Arch::X86 { Arch::Arm } else { Arch::X86 };
    let other_arch =
        rows_for(other, &sizes, false).ok().and_then(|rows| pick(&rows, strategy, weight, band)).map(|r| (other, r));
    let repriced = if tuned.is_empty() {
        Vec::new()
    } else {
        let pricer = Pricer::new(v, arch, today)?;
        tuned
            .iter()
            .map(|t| {
                let row = pricer.row(t.memory_mb as u32, t.duration_ms, true, None)?;
                let fee = Usd(pricer.base.region.request.0 as i128 * 1_000_000);
                Ok(Repriced {
                    point: *t,
                    exact_per_invocation: row.per_invocation,
                    exact_duration_only: row.per_invocation - fee,
                })
            })
            .collect::<Result<_, Vec<ParamError>>>()?
    };
    Ok(PowerResult {
        basis,
        workload,
        arch,
        current,
        candidates,
        grid,
        best,
        next,
        fit_quality,
        other_arch,
        measured,
        floor_mb: floor,
        repriced,
        strategy,
    })
}

/// Power Tuning's strategies over the sizes that fit in memory, ranked on the
/// best evidence for each size: the measurement where there is one (as Power
/// Tuning ranks), the model's curve elsewhere.
///
/// `band` is how far apart two sizes must be to count as different: the fit's
/// largest error at the measured sizes (0 for a described function), since a
/// model prediction cannot beat a measurement by less than the model's own
/// error. Within the band of the best score, a measured size beats a modelled
/// one; then `cost` takes the fastest (the same money for less waiting) and
/// `speed` the cheapest (the same speed for less money). `balanced` and any
/// remaining tie take the smaller size.
pub fn pick(rows: &[Row], strategy: &str, weight: f64, band: f64) -> Option<Row> {
    let ok: Vec<&Row> = rows.iter().filter(|r| !r.out_of_memory && !r.timed_out).collect();
    let max_cost = ok.iter().map(|r| r.per_invocation.as_f64()).fold(0.0, f64::max);
    let max_dur = ok.iter().map(|r| r.duration_ms).fold(0.0, f64::max);
    let score = |r: &Row| match strategy {
        "speed" => r.duration_ms,
        "balanced" => {
            let c = if max_cost > 0.0 { r.per_invocation.as_f64() / max_cost } else { 0.0 };
            let d = if max_dur > 0.0 { r.duration_ms / max_dur } else { 0.0 };
            weight * c + (1.0 - weight) * d
        }
        _ => r.per_invocation.as_f64(),
    };
    let best = ok.iter().map(|r| score(r)).fold(f64::INFINITY, f64::min);
    if !best.is_finite() {
        return None;
    }
    let band = if strategy == "balanced" { 0.0 } else { band.clamp(0.0, 0.25) };
    let limit = best + best.abs() * band.max(1e-9);
    let mut close: Vec<&Row> = ok.into_iter().filter(|r| score(r) <= limit).collect();
    if close.iter().any(|r| r.measured) {
        close.retain(|r| r.measured);
    }
    let key = |r: &Row| match strategy {
        "cost" => (r.duration_ms, r.memory_mb as f64),
        "speed" => (r.per_invocation.as_f64(), r.memory_mb as f64),
        _ => (score(r), r.memory_mb as f64),
    };
    close.into_iter().min_by(|a, b| key(a).partial_cmp(&key(b)).unwrap_or(std::cmp::Ordering::Equal)).cloned()
}

mod result;

/// Durations are modelled; six decimals of a millisecond is their resolution.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = Date::new(2026, 11, 23);

    fn run(pairs: &[(&str, &str)]) -> PowerResult {
        let mut v = Values::defaults(POWER_PARAMS);
        for (k, x) in pairs {
            v.set(k, x).unwrap();
        }
        evaluate(&v, TODAY).unwrap()
    }

    #[test]
    fn defaults_are_valid() {
        for s in POWER_PARAMS {
            assert!(s.parse(s.default).is_ok(), "{}", s.name);
        }
    }

    #[test]
    fn strategies_pick_cheapest_fastest_and_between() {
        let cost = run(&[]);
        let speed = run(&[("strategy", "speed")]);
        // Pure CPU single thread: speed-ups stop at 1 vCPU (1,769 MB), so the
        // fastest is the first candidate above it; cost is flat up to there.
        assert_eq!(speed.best.memory_mb, 2048);
        assert!(cost.best.per_invocation <= speed.best.per_invocation);
        let bal = run(&[("strategy", "balanced"), ("balanced_weight", "0.5")]);
        assert!(bal.best.duration_ms <= cost.best.duration_ms);
    }

    #[test]
    fn measurements_beat_predictions_within_the_fits_error() {
        // AWS's prime-number example: 1,024 MB is the cheapest measured size
        // and 8× faster than 128 MB, which costs 0.3 % more.
        let seed = run(&[("points", "128:11720,256:6680,512:3190,1024:1460")]);
        assert_eq!((seed.best.memory_mb, seed.best.measured), (1024, true));
        // Speed: 2,048 MB measured at 190 ms; the model's 186 ms at 3,008 MB
        // and above is within the fit's error, so the measured size stands.
        let pts = [("points", "128:2401.2,256:1201.75,512:601.02,1024:300.4,2048:190.1"), ("strategy", "speed")];
        let speed = run(&pts);
        assert_eq!((speed.best.memory_mb, speed.best.measured), (2048, true));
        // Cost over the same points: equal within noise up to 1,024 MB; the fastest wins.
        assert_eq!(run(&pts[..1]).best.memory_mb, 1024);
    }

    #[test]
    fn with_measurements_the_answer_is_a_measured_size() {
        // REPORT lines at 512 and 1024 MB only: the model prefers a size
        // nobody measured; it is "worth measuring next", never the answer.
        let r = run(&[("points", "512:260,1024:140"), ("memory_mb", "512")]);
        assert!(r.best.measured && [512, 1024].contains(&r.best.memory_mb), "{:?}", r.best);
        let (next, cheaper, _) = r.next.clone().expect("the model prefers an unmeasured size");
        assert!(!next.measured && next.extrapolated && cheaper > 0.0, "{next:?} {cheaper}");
        assert!(r.next_text().unwrap().contains("worth measuring next"));
        assert_eq!(r.fit_quality, Some(FitQuality::ExactByConstruction { sizes: 2 }));
        assert!(r.fit_text().unwrap().contains("says nothing"));
        let m = r.metrics();
        let get = |n: &str| m.iter().find(|(k, _)| *k == n).unwrap().1;
        assert_eq!(get("fit_r2"), MetricValue::Missing, "no R² boasted for two points");
        assert_eq!(get("best_memory_mb"), MetricValue::Count(r.best.memory_mb as u128));
        assert_eq!(get("next_memory_mb"), MetricValue::Count(next.memory_mb as u128));
        // Rows outside 512–1024 MB are marked as extrapolated; measured ones are not.
        for c in &r.candidates {
            assert_eq!(c.extrapolated, !(512..=1024).contains(&c.memory_mb), "{}", c.memory_mb);
        }
    }

    #[test]
    fn enough_sizes_get_a_leave_one_out_check() {
        let r = run(&[("points", "128:11720,256:6680,512:3190,1024:1460")]);
        match r.fit_quality {
            Some(FitQuality::LeaveOneOut { max_rel_error, sizes, .. }) => {
                assert_eq!(sizes, 4);
                assert!(max_rel_error > 0.0 && max_rel_error < 1.0, "{max_rel_error}");
            }
            other => panic!("{other:?}"),
        }
        assert!(r.fit_text().unwrap().starts_with("Leave-one-out check over 4 sizes"));
        // Described functions have no fit and nothing to measure next.
        let d = run(&[]);
        assert!(d.fit_quality.is_none() && d.next.is_none());
    }

    #[test]
    fn the_memory_floor_excludes_small_sizes() {
        let r = run(&[("max_memory_used_mb", "600")]);
        assert!(r.candidates.iter().filter(|c| c.memory_mb < 660).all(|c| c.out_of_memory));
        assert!(r.best.memory_mb >= 660);
    }

    #[test]
    fn the_summary_names_the_ends_and_the_pick() {
        let s = run(&[]).summary();
        assert!(s.starts_with("Modelled duration goes from 2,400 ms at 128 MB to 174 ms at 10,240 MB"), "{s}");
        // Cost is flat up to 1,536 MB (2,400 ms × 128 MB = 200 ms × 1,536 MB),
        // so the tie goes to the fastest of the equally cheap sizes, and the
        // sentence names the whole flat stretch (issue 23: "lowest at 128 MB …
        // recommends 1536 MB" read as a contradiction).
        assert!(s.contains("lowest, $5.20, at every size from 128 MB to 1,"), "{s}");
        assert!(s.contains("the cost strategy recommends 1,536 MB"), "{s}");
        // With measurements, the cheapest named is the cheapest measured row
        // of the table, and the model's minimum only as a prediction.
        let m = run(&[("points", "128:11720,256:6680,512:3190,1024:1460")]);
        let s = m.summary();
        let table_min =
            m.candidates.iter().filter(|r| r.measured).min_by(|a, b| a.per_million.cmp(&b.per_million)).unwrap();
        assert_eq!(table_min.memory_mb, 1024);
        assert!(
            s.contains(&format!(
                "the cheapest measured size is 1,024 MB ({} per million invocations",
                table_min.per_million.cents_text()
            )),
            "{s}"
        );
        assert!(!s.contains("lowest at 128 MB"), "{s}");
    }

    #[test]
    fn iso_cost_is_the_current_cost_at_each_size() {
        let r = run(&[("memory_mb", "1024")]);
        let at_1024 = r.candidates.iter().find(|c| c.memory_mb == 1024).unwrap();
        assert!(
            (at_1024.iso_cost_ms - at_1024.duration_ms).abs() < 0.01,
            "{} vs {}",
            at_1024.iso_cost_ms,
            at_1024.duration_ms
        );
        let at_2048 = r.candidates.iter().find(|c| c.memory_mb == 2048).unwrap();
        assert!((at_2048.iso_cost_ms * 2.0 - at_1024.iso_cost_ms).abs() < 0.01);
    }
}

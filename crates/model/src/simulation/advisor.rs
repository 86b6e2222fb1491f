//! The provisioned-concurrency advisor: the PC sizes to try, the sweep's
//! runs, and reading their results against the targets.

use super::*;

/// A parameter name of [`SIM_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        crate::param!(SIM_PARAMS, $name)
    };
}

/// One PC size in the advisor's sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct PcPoint {
    pub units: u32,
    /// The cost of the run's simulated time.
    pub cost: Usd,
    /// That cost scaled to a 730-hour month.
    pub monthly: Usd,
    /// How long each run simulates.
    pub seconds: f64,
    pub p99_ms: f64,
    pub cold_start_ratio: f64,
    pub spillover_ratio: f64,
    /// Busy share of the PC environments' time.
    pub utilisation: f64,
    pub meets_target: bool,
}

/// The PC sizes the advisor tries: 0 up to the 99.9th percentile of Poisson
/// concurrency (plus two), at most 16 sizes.
pub fn pc_candidates(rate_per_s: f64, mean_ms: f64) -> Vec<u32> {
    let rho = rate_per_s * mean_ms / 1000.0;
    let top = (crate::models::analytic::poisson_quantile(0.999, rho) + 2).min(5000) as u32;
    let step = top.div_ceil(15).max(1);
    let mut v: Vec<u32> = (0..=top).step_by(step as usize).collect();
    if *v.last().unwrap_or(&0) != top {
        v.push(top);
    }
    v
}

/// The advisor's runs: the same traffic (same seed) with each PC size, each
/// shortened so the sweep stays near `budget` arrivals in all.
pub fn pc_sweep_configs(v: &Values, budget: f64) -> Result<Vec<SimConfig>, crate::params::ParamError> {
    let base = config(v)?;
    let sizes = pc_candidates(v.num(p!("rate_per_s")), service_mean_ms(v));
    let per_run = budget / sizes.len() as f64;
    let secs = (per_run / v.num(p!("rate_per_s")).max(1e-9)).min(run_seconds(v)).max(60.0);
    Ok(sizes
        .into_iter()
        .map(|units| SimConfig { pc_units: units, sim_us: (secs * 1e6) as u64, ..base.clone() })
        .collect())
}

/// Reads the sweep's results against the targets.
pub fn pc_points(results: &[SimResult], v: &Values) -> Vec<PcPoint> {
    let p99_target = v.num(p!("p99_target_ms"));
    let cold_target = v.num(p!("cold_start_target"));
    results
        .iter()
        .map(|r| {
            let secs = r.sim_seconds;
            let pc_busy_s = r.on_pc as f64 * service_mean_ms(v) / 1000.0;
            let meets = if p99_target > 0.0 { r.p99_ms <= p99_target } else { r.cold_start_ratio() <= cold_target };
            PcPoint {
                units: r.pc_units,
                cost: r.total_usd,
                monthly: r
                    .total_usd
                    .max(Usd::ZERO)
                    .scaled(
                        crate::rates::SECONDS_PER_MONTH as u128 * 1000,
                        ((r.sim_seconds * 1000.0).round() as u128).max(1),
                    )
                    .unwrap_or(Usd(i128::MAX)),
                seconds: r.sim_seconds,
                p99_ms: r.p99_ms,
                cold_start_ratio: r.cold_start_ratio(),
                spillover_ratio: if r.served == 0 { 0.0 } else { r.spilled as f64 / r.served as f64 },
                utilisation: if r.pc_units == 0 { 0.0 } else { pc_busy_s / (r.pc_units as f64 * secs) },
                meets_target: meets && r.throttles == 0,
            }
        })
        .collect()
}

/// The cheapest size that meets the target, if any.
pub fn pc_recommendation(points: &[PcPoint]) -> Option<&PcPoint> {
    points.iter().filter(|p| p.meets_target).min_by(|a, b| a.cost.cmp(&b.cost).then(a.units.cmp(&b.units)))
}

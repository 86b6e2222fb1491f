//! What is billed, in exact units.

use super::*;

/// The longest duration the engine prices, in ms: Lambda stops an
/// invocation at 15 minutes, and Init at 10 s more. Anything longer is a bug
/// upstream, refused rather than priced.
pub const MAX_BILLED_MS: f64 = 900_000.0 + 10_000.0;

/// A CV below this bills as a constant duration: one in a million is a
/// spread under a millisecond even at 15 minutes, and below about 1e-8 the
/// lognormal's σ is lost to rounding anyway.
pub const CV_CONSTANT: f64 = 1e-6;

/// A decimal number of milliseconds as whole nanoseconds (the input
/// resolution: six decimals of a millisecond). A value that is not a finite
/// duration from 0 to [`MAX_BILLED_MS`] is an error: a NaN must never become
/// a number of nanoseconds.
pub(super) fn ms_to_ns(ms: f64) -> Result<u128, String> {
    if ms.is_finite() && (0.0..=MAX_BILLED_MS).contains(&ms) {
        Ok((ms * 1e6).round() as u128)
    } else {
        Err(ui_format!(
            "a duration of {} ms cannot be billed (Lambda bills 0 to {} ms per invocation)",
            crate::base::num::fmt_num(ms),
            crate::base::num::fmt_num(MAX_BILLED_MS)
        ))
    }
}

/// A user-entered decimal as an exact quantity, at nine decimals (a ratio to
/// 10⁻⁹, a GB to the byte): quantised first, so 1076.5625 stays exact.
pub(crate) fn decimal_qty(x: f64) -> Qty {
    Qty((x * 1e9).round().max(0.0) as u128 * 1_000_000_000)
}

/// `count × ratio` as an exact quantity.
pub(super) fn count_times(count: u64, ratio: f64) -> Qty {
    Qty(count as u128 * decimal_qty(ratio).0)
}

/// Rounds up to whole milliseconds, at least 1 ms.
pub(super) fn ceil_ms_ns(ns: u128) -> u128 {
    ns.div_ceil(NS_PER_MS).max(1) * NS_PER_MS
}

/// Expected billed nanoseconds per invocation: each invocation is rounded up
/// to 1 ms on its own, so with varying durations this is E[⌈X + shift⌉],
/// not ⌈E[X]⌉.
pub fn expected_billed_ns(mean_ms: f64, cv: f64, shift_ms: f64) -> Result<u128, String> {
    if !(cv.is_finite() && cv >= 0.0) {
        return Err(ui_format!("a duration CV of {} cannot be priced", crate::base::num::fmt_num(cv)));
    }
    if cv < CV_CONSTANT {
        Ok(ceil_ms_ns(ms_to_ns(mean_ms)? + ms_to_ns(shift_ms)?))
    } else {
        // The expected ceiling is at least the mean plus the shift, so it can
        // only be out of range when they are.
        ms_to_ns(mean_ms)?;
        ms_to_ns(shift_ms)?;
        Ok(ms_to_ns(expected_ceil_lognormal(mean_ms, cv, shift_ms))?.max(NS_PER_MS))
    }
}

/// PC-enabled seconds, rounded up to 5 minutes.
pub fn pc_billed_seconds(hours: f64) -> u128 {
    // Quantise to micro-minutes first, so 1.0 h is exactly 60 minutes.
    let micro_min = (hours * 60.0 * 1e6).round().max(0.0) as u128;
    micro_min.div_ceil(5_000_000) * 300
}

/// How many invocations PC can serve at 100% busy.
pub fn pc_capacity(i: &CostInput) -> Result<u64, String> {
    let ns = expected_billed_ns(i.pc_duration_ms, i.duration_cv, 0.0)?;
    let cap = i.pc_units as u128 * pc_billed_seconds(i.pc_hours) * NS_PER_S / ns;
    Ok(cap.min(u64::MAX as u128) as u64)
}

/// Whether INIT is billed for on-demand cold starts of this function.
pub fn init_billed(i: &CostInput) -> bool {
    init_billed_on(i.billing_date, i.package, crate::rates::runtimes::is_custom(i.runtime))
}

/// The INIT billing rule: billed from 2025-08-01 for every on-demand cold
/// start; before that only for container images and custom runtimes.
pub fn init_billed_on(date: Date, package: Package, custom_runtime: bool) -> bool {
    date >= rates::INIT_BILLING_FROM || package == Package::Image || custom_runtime
}

/// Extra requests for one asynchronous event: one per 64 KB chunk past 256 KB.
pub fn async_extra_requests(kb: u32) -> u128 {
    (kb.saturating_sub(256) as u128).div_ceil(64)
}

/// KB in a GB, for logs and data: AWS's API Gateway examples divide KB by 1024².
pub(super) const KB_PER_GB: u128 = 1_048_576;

/// Requests an HTTP API bills for one call of `payload_kb`: one per 512 KB
/// started, at least one.
pub fn http_meter(payload_kb: f64) -> u128 {
    ((payload_kb / rates::HTTP_API_METER_KB).ceil() as u128).max(1)
}

/// An ALB's load capacity units per hour, traffic spread evenly over the
/// month: the highest of new connections ÷ 25 a second, active connections ÷
/// 3,000 a minute, GB processed ÷ 0.4 an hour (Lambda targets; 1 GB = 10⁹
/// bytes, as AWS's ALB example counts) and rule evaluations beyond the first
/// 10 ÷ 1,000 a second.
pub fn alb_lcu(i: &CostInput) -> f64 {
    let rps = i.requests as f64 / SECONDS_PER_MONTH;
    let new = if i.alb_connections_per_s > 0.0 { i.alb_connections_per_s } else { rps };
    let gb_per_hour = i.requests as f64 * i.payload_kb / 1e6 / HOURS_PER_MONTH as f64;
    let evals = i.alb_rules.saturating_sub(10) as f64 * rps;
    (new / 25.0).max(i.alb_active_connections / 3000.0).max(gb_per_hour / 0.4).max(evals / 1000.0)
}

/// What one function bills, in exact units, before free tier and tiers.
#[derive(Clone, Debug, PartialEq)]
pub struct Usage {
    pub requests: u64,
    pub billed_requests: u128,
    pub od_requests: u64,
    pub pc_requests: u64,
    pub warm_billed_ns: u128,
    pub cold_extra_ns: u128,
    pub cold_starts: Qty,
    pub pc_billed_ns: u128,
    /// On-demand duration GB-s, without INIT.
    pub od_gbs: Qty,
    /// Billed INIT GB-s (zero where INIT is not billed).
    pub init_gbs: Qty,
    pub init_billed: bool,
    pub pc_seconds: u128,
    pub pc_config_gbs: Qty,
    pub pc_duration_gbs: Qty,
    pub exec_seconds: Qty,
    pub ephemeral_gbs: Qty,
    pub snap_cache_gbs: Qty,
    pub snap_restore_gb: Qty,
    pub stream_gb: Qty,
    /// Whether the free tier may apply (on, not Edge). It is applied by
    /// usage type: requests and on-demand duration (with INIT) of every
    /// function, provisioned concurrency or not; never the PC lines.
    pub free_eligible: bool,
}

/// What one function bills, in exact units. An error only for durations the
/// engine refuses to bill (see [`MAX_BILLED_MS`]): inputs from
/// [`CostInput::from_values`] never give one.
pub fn usage(i: &CostInput) -> Result<Usage, String> {
    let mem = i.memory_mb as u128;
    let pc_requests = match (i.pc_units, i.pc_requests) {
        (0, _) => 0,
        (_, Some(n)) => n,
        (_, None) => pc_capacity(i)?.min(i.requests),
    };
    let od = i.requests.saturating_sub(pc_requests);
    let warm = expected_billed_ns(i.duration_ms, i.duration_cv, 0.0)?;
    let billed = init_billed(i);
    let cold_total = if billed { expected_billed_ns(i.duration_ms, i.duration_cv, i.init_ms)? } else { warm };
    let cold_extra = cold_total.saturating_sub(warm);
    let cold_starts = count_times(od, i.cold_start_ratio);
    let pc_ns = if pc_requests > 0 { expected_billed_ns(i.pc_duration_ms, i.duration_cv, 0.0)? } else { 0 };
    let gbs_den = MB_PER_GB * NS_PER_S;
    let od_gbs = Qty::ratio(mem * od as u128 * warm, gbs_den);
    let init_gbs = cold_starts.scale(mem * cold_extra, gbs_den);
    let pc_seconds = if i.pc_units > 0 { pc_billed_seconds(i.pc_hours) } else { 0 };
    let pc_config_gbs = Qty::ratio(i.pc_units as u128 * mem * pc_seconds, MB_PER_GB);
    let pc_duration_gbs = Qty::ratio(mem * pc_requests as u128 * pc_ns, gbs_den);
    // Execution seconds (for ephemeral storage): every billed millisecond.
    let exec_seconds =
        Qty::ratio(od as u128 * warm + pc_requests as u128 * pc_ns, NS_PER_S) + cold_starts.scale(cold_extra, NS_PER_S);
    let ephemeral_gbs = exec_seconds.scale(i.ephemeral_mb.saturating_sub(512) as u128, MB_PER_GB);
    let (snap_cache_gbs, snap_restore_gb) = if i.snapstart {
        let cache_ms = (i.snapstart_hours.max(3.0) * 3_600_000.0).round() as u128;
        let restores = count_times(od, i.restore_ratio);
        (Qty::ratio(mem * cache_ms, MB_PER_GB * 1000), restores.scale(mem, MB_PER_GB))
    } else {
        (Qty::ZERO, Qty::ZERO)
    };
    Ok(Usage {
        requests: i.requests,
        billed_requests: i.requests as u128 * (1 + async_extra_requests(i.async_event_kb)),
        od_requests: od,
        pc_requests,
        warm_billed_ns: warm,
        cold_extra_ns: cold_extra,
        cold_starts,
        pc_billed_ns: pc_ns,
        od_gbs,
        init_gbs,
        init_billed: billed,
        pc_seconds,
        pc_config_gbs,
        pc_duration_gbs,
        exec_seconds,
        ephemeral_gbs,
        snap_cache_gbs,
        snap_restore_gb,
        stream_gb: decimal_qty(i.stream_gb),
        free_eligible: i.free_tier && !i.edge,
    })
}

//! Memory → CPU → duration: model (a) of `docs/MODELS.md` §1.4.
//!
//! A function's time splits into waiting that does not depend on memory
//! (I/O), serial CPU work (at most one core) and parallel CPU work (limited
//! by its threads, the visible cores and the CPU share):
//!
//! ```text
//! s(m)  = min(m / 1769, 6)                    vCPU share
//! n(m)  = 2 if m ≤ 3008, else max(3, ⌈m/1769⌉) visible cores
//! c_ser = min(1, s);  c_par = min(k, n, s)
//! T(m)  = T_io + f_arch · (W_s / c_ser^α′ + W_p / c_par^α′),   α′ = α if s < 1 else 1
//! ```
//!
//! Sources: AWS docs (1,769 MB = 1 vCPU; 6 vCPU at 10,240 MB), rwnx/lambda-cpuinfo
//! (visible cores), JV Roig 2023 (thread saturation near k × 1769 MB).

/// MB of memory per vCPU of CPU share. Source: AWS Lambda docs, configuration-memory.
pub const MB_PER_VCPU: f64 = 1769.0;
/// The CPU share is capped at 6 vCPUs (at 10,240 MB). Source: AWS What's New, Dec 2020.
pub const MAX_VCPU: f64 = 6.0;
/// Memory limits, MB.
pub const MIN_MB: u32 = 128;
pub const MAX_MB: u32 = 10_240;
/// A size is "out of memory" below Max Memory Used plus this margin.
pub const MEMORY_MARGIN: f64 = 0.10;
/// AWS Lambda Power Tuning's default candidate sizes.
pub const POWER_TUNING_SIZES: &[u32] =
    &[128, 256, 512, 1024, 1536, 2048, 3008, 4096, 5120, 6144, 7168, 8192, 9216, 10240];

/// The `cpu_fraction` parameter: the CPU-bound share of the time at the
/// measured size (the rest waits on I/O).
pub const fn cpu_fraction_param(help: &'static str) -> crate::params::ParamSpec {
    crate::params::ParamSpec {
        name: "cpu_fraction",
        label: ui_text!("Share of time computing"),
        kind: crate::params::Kind::Num { min: 0.0, max: 1.0 },
        default: "1",
        unit: "",
        help: ui_text!(help),
    }
}

/// The vCPU share at `m` MB.
pub fn vcpu_share(m: f64) -> f64 {
    (m / MB_PER_VCPU).min(MAX_VCPU)
}

/// Cores the guest sees at `m` MB (measured; rwnx/lambda-cpuinfo).
pub fn visible_cores(m: f64) -> f64 {
    if m <= 3008.0 { 2.0 } else { (m / MB_PER_VCPU).ceil().max(3.0) }
}

/// The divisors of the serial and parallel work at `m` MB, with the small-
/// share exponent applied: T = T_io + W_s·a + W_p·b, returns (a, b).
pub fn basis(m: f64, threads: f64, alpha: f64) -> (f64, f64) {
    let s = vcpu_share(m);
    let exp = if s < 1.0 { alpha } else { 1.0 };
    let c_ser = s.min(1.0);
    let c_par = threads.max(1.0).min(visible_cores(m)).min(s);
    (1.0 / c_ser.powf(exp), 1.0 / c_par.powf(exp))
}

/// A workload in the model's terms, durations in ms at one full vCPU.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Workload {
    pub io_ms: f64,
    pub serial_ms: f64,
    pub parallel_ms: f64,
    pub threads: f64,
    pub alpha: f64,
}

impl Workload {
    /// From one measured point and a description: `cpu_fraction` of the time
    /// at the anchor is CPU work, `parallel_fraction` of that runs in parallel.
    pub fn from_description(
        anchor_mb: f64,
        anchor_ms: f64,
        cpu_fraction: f64,
        parallel_fraction: f64,
        threads: f64,
        alpha: f64,
    ) -> Workload {
        let (a, b) = basis(anchor_mb, threads, alpha);
        let cpu = anchor_ms * cpu_fraction;
        Workload {
            io_ms: anchor_ms - cpu,
            serial_ms: cpu * (1.0 - parallel_fraction) / a,
            parallel_ms: cpu * parallel_fraction / b,
            threads,
            alpha,
        }
    }

    /// Modelled mean duration at `m` MB, with an architecture speed factor on the CPU part.
    pub fn duration_ms(&self, m: f64, arch_factor: f64) -> f64 {
        let (a, b) = basis(m, self.threads, self.alpha);
        self.io_ms + arch_factor * (self.serial_ms * a + self.parallel_ms * b)
    }
}

/// A measured (memory, mean duration) point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub memory_mb: f64,
    pub duration_ms: f64,
}

/// The result of fitting the model to points.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    pub workload: Workload,
    pub r2: f64,
    pub max_rel_error: f64,
    /// What the points could not pin down, in words (empty if everything was).
    pub caveats: Vec<String>,
}

/// Why a fit was refused.
#[derive(Clone, Debug, PartialEq)]
pub struct FitError(pub String);

/// Fits T_io, W_s, W_p ≥ 0 to the points by non-negative least squares, for
/// the given thread count and α. Refuses when the points cannot determine the
/// model (fewer than two distinct sizes, bad values).
pub fn fit(points: &[Point], threads: f64, alpha: f64) -> Result<Fit, FitError> {
    if points.iter().any(|p| !(p.memory_mb.is_finite() && p.duration_ms.is_finite() && p.duration_ms > 0.0)) {
        return Err(FitError("Every point needs a positive duration and a memory size.".into()));
    }
    let sizes = crate::base::num::distinct_sorted(points.iter().map(|p| p.memory_mb), f64::total_cmp);
    if sizes.len() < 2 {
        return Err(FitError(ui_format!(
            "The points cover {} memory size{}; a fit needs measurements at two or more sizes (for example 128 MB and 1024 MB).",
            sizes.len(),
            if sizes.len() == 1 { "" } else { "s" }
        )));
    }
    // Columns: 1, a(m), b(m). Weighted by 1/T so relative errors count alike.
    let rows: Vec<([f64; 3], f64)> = points
        .iter()
        .map(|p| {
            let (a, b) = basis(p.memory_mb, threads, alpha);
            let w = 1.0 / p.duration_ms;
            ([w, a * w, b * w], 1.0)
        })
        .collect();
    let mut caveats = Vec::new();
    // Columns that are identical on these points cannot be told apart.
    let col = |j: usize| rows.iter().map(|(x, _)| x[j]).collect::<Vec<_>>();
    let same =
        |u: &[f64], v: &[f64]| u.iter().zip(v).all(|(a, b)| (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1e-300));
    let mut allowed = [true; 3];
    if same(&col(1), &col(2)) {
        allowed[2] = false;
        caveats.push(ui_format!(
            "Serial and parallel work cannot be told apart from these sizes (with {} thread(s) they scale alike); all CPU work is fitted as serial. Add a size above 3,538 MB to separate them.",
            crate::base::digits::fmt_shortest(threads)
        ));
    }
    let best = nnls3(&rows, allowed).ok_or_else(|| FitError("The points could not be fitted.".into()))?;
    let workload = Workload { io_ms: best[0], serial_ms: best[1], parallel_ms: best[2], threads, alpha };
    let mean = points.iter().map(|p| p.duration_ms).sum::<f64>() / points.len() as f64;
    let (mut ss_res, mut ss_tot, mut max_rel) = (0.0, 0.0, 0.0f64);
    for p in points {
        let m = workload.duration_ms(p.memory_mb, 1.0);
        ss_res += (p.duration_ms - m).powi(2);
        ss_tot += (p.duration_ms - mean).powi(2);
        max_rel = max_rel.max((m - p.duration_ms).abs() / p.duration_ms);
    }
    let r2 = if ss_tot > 0.0 { 1.0 - ss_res / ss_tot } else { 1.0 };
    if workload.serial_ms + workload.parallel_ms == 0.0 {
        caveats.push("The durations do not fall with memory: the fit finds no CPU-bound work.".into());
    }
    Ok(Fit { workload, r2, max_rel_error: max_rel, caveats })
}

/// Non-negative least squares with three unknowns: the best feasible
/// unconstrained solution over every subset of allowed columns (exact for
/// this size: 7 subsets).
fn nnls3(rows: &[([f64; 3], f64)], allowed: [bool; 3]) -> Option<[f64; 3]> {
    let mut best: Option<([f64; 3], f64)> = None;
    for mask in 1u8..8 {
        let cols: Vec<usize> = (0..3).filter(|j| mask & (1 << j) != 0 && allowed[*j]).collect();
        if cols.len() != (mask.count_ones() as usize) {
            continue;
        }
        let Some(sol) = least_squares(rows, &cols) else { continue };
        if sol.iter().any(|x| *x < 0.0) {
            continue;
        }
        let mut x = [0.0; 3];
        for (k, j) in cols.iter().enumerate() {
            x[*j] = sol[k];
        }
        let res: f64 = rows.iter().map(|(r, y)| (r[0] * x[0] + r[1] * x[1] + r[2] * x[2] - y).powi(2)).sum();
        if best.as_ref().is_none_or(|(_, b)| res < *b - 1e-15) {
            best = Some((x, res));
        }
    }
    best.map(|(x, _)| x)
}

/// Ordinary least squares on a subset of columns via the normal equations
/// (at most 3×3, solved by Gaussian elimination with pivoting).
fn least_squares(rows: &[([f64; 3], f64)], cols: &[usize]) -> Option<Vec<f64>> {
    let n = cols.len();
    let mut a = vec![vec![0.0; n + 1]; n];
    for (r, y) in rows {
        for i in 0..n {
            for j in 0..n {
                a[i][j] += r[cols[i]] * r[cols[j]];
            }
            a[i][n] += r[cols[i]] * y;
        }
    }
    let scale: Vec<f64> = (0..n).map(|i| a[i][i]).collect();
    for c in 0..n {
        let p = (c..n).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))?;
        a.swap(c, p);
        let pivot = a[c].clone();
        // A pivot that vanishes against its column's size: collinear columns.
        if pivot[c].abs() <= 1e-10 * scale.iter().copied().fold(0.0, f64::max) {
            return None;
        }
        for (r, row) in a.iter_mut().enumerate() {
            if r != c {
                let f = row[c] / pivot[c];
                for (x, p) in row.iter_mut().zip(&pivot).skip(c) {
                    *x -= f * p;
                }
            }
        }
    }
    Some((0..n).map(|i| a[i][n] / a[i][i]).collect())
}

/// The smallest size that will not run out of memory, given Max Memory Used.
pub fn memory_floor(max_memory_used_mb: f64) -> f64 {
    (max_memory_used_mb * (1.0 + MEMORY_MARGIN)).ceil()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cores_and_share_follow_the_published_steps() {
        assert_eq!(visible_cores(128.0), 2.0);
        assert_eq!(visible_cores(3008.0), 2.0);
        assert_eq!(visible_cores(3009.0), 3.0);
        assert_eq!(visible_cores(5308.0), 4.0);
        assert_eq!(visible_cores(10240.0), 6.0);
        assert!((vcpu_share(1769.0) - 1.0).abs() < 1e-12);
        assert!(vcpu_share(10240.0) <= 6.0);
    }

    #[test]
    fn a_pure_io_function_does_not_speed_up() {
        let w = Workload::from_description(512.0, 200.0, 0.0, 0.0, 1.0, 1.0);
        assert_eq!(w.duration_ms(128.0, 1.0), 200.0);
        assert_eq!(w.duration_ms(10240.0, 1.0), 200.0);
    }

    #[test]
    fn fitting_needs_two_sizes() {
        let p = [Point { memory_mb: 512.0, duration_ms: 100.0 }, Point { memory_mb: 512.0, duration_ms: 110.0 }];
        assert!(fit(&p, 1.0, 1.0).unwrap_err().0.contains("two or more sizes"));
        assert!(fit(&[], 1.0, 1.0).is_err());
    }
}

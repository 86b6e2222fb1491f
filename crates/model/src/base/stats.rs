//! Small, exact-enough statistics: the normal and lognormal distributions.
//! `libm` supplies `erfc` to full double precision, in pure Rust.

use std::f64::consts::SQRT_2;

/// The coefficient of variation (sample standard deviation ÷ mean) of two
/// or more values with a positive mean.
pub fn cv(xs: &[f64]) -> Option<f64> {
    let n = xs.len() as f64;
    if xs.len() < 2 {
        return None;
    }
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0);
    (mean > 0.0 && var.is_finite()).then(|| var.sqrt() / mean)
}

/// P(Z > z) for a standard normal Z.
pub fn normal_sf(z: f64) -> f64 {
    0.5 * libm::erfc(z / SQRT_2)
}

/// P(Z ≤ z).
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z / SQRT_2)
}

/// The standard normal quantile (Acklam's approximation, then one Halley
/// step, which brings it to about 1e-15 relative error).
pub fn normal_quantile(p: f64) -> f64 {
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    const A: [f64; 6] = [
        -3.969683028665376e1,
        2.209460984245205e2,
        -2.759285104469687e2,
        1.383_577_518_672_69e2,
        -3.066479806614716e1,
        2.506628277459239,
    ];
    const B: [f64; 5] =
        [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
    const C: [f64; 6] = [
        -7.784894002430293e-3,
        -3.223964580411365e-1,
        -2.400758277161838,
        -2.549732539343734,
        4.374664141464968,
        2.938163982698783,
    ];
    const D: [f64; 4] = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    let plow = 0.02425;
    let x = if p < plow {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - plow {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        let q = (-2.0 * (1.0 - p).ln()).sqrt();
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    // Halley refinement.
    let e = normal_cdf(x) - p;
    let u = e * (2.0 * std::f64::consts::PI).sqrt() * (x * x / 2.0).exp();
    x - u / (1.0 + x * u / 2.0)
}

/// A lognormal distribution given by its mean and coefficient of variation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogNormal {
    pub mu: f64,
    pub sigma: f64,
}

impl LogNormal {
    /// `mean > 0`, `cv > 0`.
    pub fn from_mean_cv(mean: f64, cv: f64) -> LogNormal {
        // ln(1 + cv²) with ln_1p: for cv below about 1e-8, 1 + cv² rounds to
        // 1 and a plain ln would give σ = 0.
        let s2 = (cv * cv).ln_1p();
        LogNormal { mu: mean.ln() - s2 / 2.0, sigma: s2.sqrt() }
    }

    /// The CV of the lognormal with this mean and 99th percentile, or `None`
    /// when no lognormal has them (p99 below the mean, or above about 15×
    /// it). With z = Φ⁻¹(0.99): p99 = mean·e^(zσ − σ²/2), so
    /// σ = z − √(z² − 2·ln(p99/mean)) (the root below z), and CV = √(e^(σ²) − 1).
    pub fn cv_from_mean_p99(mean: f64, p99: f64) -> Option<f64> {
        let z = normal_quantile(0.99);
        let r = (p99 / mean).ln();
        let disc = z * z - 2.0 * r;
        if !(mean > 0.0 && p99.is_finite() && r >= 0.0 && disc >= 0.0) {
            return None;
        }
        let sigma = z - disc.sqrt();
        Some((sigma * sigma).exp_m1().sqrt())
    }

    /// From the median and the 99th percentile.
    pub fn from_p50_p99(p50: f64, p99: f64) -> LogNormal {
        let z99 = normal_quantile(0.99);
        LogNormal { mu: p50.ln(), sigma: ((p99 / p50).ln() / z99).max(1e-9) }
    }

    pub fn mean(&self) -> f64 {
        (self.mu + self.sigma * self.sigma / 2.0).exp()
    }

    /// The density at `t`.
    pub fn pdf(&self, t: f64) -> f64 {
        if t <= 0.0 {
            return 0.0;
        }
        let z = (t.ln() - self.mu) / self.sigma;
        (-0.5 * z * z).exp() / (t * self.sigma * (2.0 * std::f64::consts::PI).sqrt())
    }

    /// P(X > t).
    pub fn sf(&self, t: f64) -> f64 {
        if t <= 0.0 { 1.0 } else { normal_sf((t.ln() - self.mu) / self.sigma) }
    }

    pub fn quantile(&self, p: f64) -> f64 {
        (self.mu + self.sigma * normal_quantile(p)).exp()
    }

    /// E[(X − a)⁺], the stop-loss transform (closed form).
    pub fn excess_over(&self, a: f64) -> f64 {
        if a <= 0.0 {
            return self.mean() - a;
        }
        let d1 = (self.mu + self.sigma * self.sigma - a.ln()) / self.sigma;
        let d2 = d1 - self.sigma;
        self.mean() * normal_cdf(d1) - a * normal_cdf(d2)
    }
}

/// E[⌈X + shift⌉] in ms, for X lognormal with the given mean and CV, and a
/// constant shift ≥ 0 (an Init Duration). This is what AWS bills on average
/// when each invocation is rounded up to 1 ms on its own: always at least the
/// ceiling of nothing, and usually about half a millisecond above the mean.
///
/// E[⌈Y⌉] = Σₖ P(Y > k). Terms are summed exactly across the body of the
/// distribution (at most 4,096 of them); past that, the tail sum is the
/// midpoint integral, which is the closed-form stop-loss transform.
pub fn expected_ceil_lognormal(mean: f64, cv: f64, shift: f64) -> f64 {
    let d = LogNormal::from_mean_cv(mean, cv);
    // When the density's narrowest feature (about mode × σ) spans several
    // milliseconds, the round-up is uniform on average: by Poisson summation
    // E[⌈Y⌉] − E[Y] − ½ is a sum of Fourier terms of the density at whole
    // frequencies, which vanish for smooth, wide densities (checked against
    // the exact sum in the tests below).
    let mode = (d.mu - d.sigma * d.sigma).exp();
    if mode * d.sigma >= SMOOTH_WIDTH_MS {
        return mean + shift + 0.5;
    }
    expected_ceil_exact(&d, shift)
}

/// Above this width (ms) the uniform round-up is used.
const SMOOTH_WIDTH_MS: f64 = 20.0;

/// E[⌈X + shift⌉] by summation (see [`expected_ceil_lognormal`]): term by
/// term where the density may be sharp on a 1 ms scale (below x ≈ 40/σ ms),
/// then the midpoint integral of the rest, which is the closed-form
/// stop-loss transform. `max_terms` caps the term-by-term part.
fn expected_ceil_sum(d: &LogNormal, shift: f64, max_terms: f64, smooth_from: f64) -> f64 {
    let lo = d.quantile(1e-16) + shift;
    let hi = d.quantile(1.0 - 1e-16) + shift;
    let k0 = lo.floor().max(0.0);
    let last = hi.ceil();
    let k_end = last.min(k0 + max_terms).min((shift + smooth_from).ceil().max(k0));
    let mut sum = k0;
    let mut k = k0;
    while k < k_end {
        sum += d.sf(k - shift);
        k += 1.0;
    }
    if k_end < last {
        // Σₖ g(k) ≈ ∫ g from K − ½ + g′(K − ½)/24 (Euler–Maclaurin, midpoint
        // form), with g = P(Y > t) and g′ = −density.
        let a = k_end - 0.5 - shift;
        sum += d.excess_over(a) - d.pdf(a) / 24.0;
    }
    sum
}

fn expected_ceil_exact(d: &LogNormal, shift: f64) -> f64 {
    expected_ceil_sum(d, shift, 4096.0, 40.0 / d.sigma)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_inverts_the_cdf() {
        for p in [1e-12, 0.001, 0.025, 0.3, 0.5, 0.9, 0.99, 0.999999] {
            let z = normal_quantile(p);
            assert!((normal_cdf(z) - p).abs() / p < 1e-12, "{p}");
        }
        assert!((normal_quantile(0.99) - 2.326_347_874_040_841).abs() < 1e-12);
    }

    #[test]
    fn lognormal_matches_its_mean_and_cv() {
        let d = LogNormal::from_mean_cv(100.0, 0.5);
        assert!((d.mean() - 100.0).abs() < 1e-9);
        // E[(X-0)+] = mean
        assert!((d.excess_over(1e-300) - 100.0).abs() < 1e-6);
    }

    /// Brute force: the true mean plus the average round-up E[⌈Y⌉ − Y],
    /// taken over a fine quantile grid (the round-up is bounded, so a grid
    /// estimates it well even where the grid misses a heavy tail).
    fn brute(mean: f64, cv: f64, shift: f64) -> f64 {
        let d = LogNormal::from_mean_cv(mean, cv);
        let n = 400_000;
        let roundup = (0..n)
            .map(|i| {
                let y = d.quantile((i as f64 + 0.5) / n as f64) + shift;
                y.ceil() - y
            })
            .sum::<f64>()
            / n as f64;
        mean + shift + roundup
    }

    #[test]
    fn expected_ceil_matches_brute_force() {
        for (m, cv, s) in [
            (120.0, 0.3, 0.0),
            (3.2, 0.5, 0.0),
            (0.4, 0.2, 0.0),
            (250.06, 0.1, 100.77),
            (1000.0, 2.0, 0.0),
            (60_000.0, 0.5, 0.0),
        ] {
            let e = expected_ceil_lognormal(m, cv, s);
            let b = brute(m, cv, s);
            assert!((e - b).abs() < 2e-3 * (1.0 + m / 1000.0), "{m} {cv} {s}: {e} vs {b}");
            assert!(e >= m + s, "never below the mean");
            assert!(e <= m + s + 1.0, "at most one ms above the mean");
        }
    }

    #[test]
    fn the_uniform_shortcut_agrees_with_the_exact_sum() {
        let mut worst: f64 = 0.0;
        for mean in [5.0, 12.0, 35.0, 120.0, 800.0, 5000.0] {
            for cv in [0.05, 0.1, 0.3, 0.5, 1.0, 2.0, 3.0] {
                let d = LogNormal::from_mean_cv(mean, cv);
                let mode = (d.mu - d.sigma * d.sigma).exp();
                if mode * d.sigma < SMOOTH_WIDTH_MS {
                    continue;
                }
                for shift in [0.0, 0.37, 100.77] {
                    // The reference sums every term up to 200,000 (no early switch).
                    let exact = expected_ceil_sum(&d, shift, 200_000.0, f64::INFINITY);
                    worst = worst.max((exact - (mean + shift + 0.5)).abs());
                }
            }
        }
        assert!(worst < 5e-6, "worst gap {worst} ms");
    }

    #[test]
    fn switching_to_the_tail_integral_early_keeps_the_exact_sum() {
        let mut worst: f64 = 0.0;
        for mean in [0.8, 3.2, 12.0, 35.0, 120.0, 800.0] {
            for cv in [0.02, 0.1, 0.3, 0.5, 1.0, 2.0, 4.0] {
                let d = LogNormal::from_mean_cv(mean, cv);
                for shift in [0.0, 0.37, 100.77] {
                    let fast = expected_ceil_exact(&d, shift);
                    let full = expected_ceil_sum(&d, shift, 200_000.0, f64::INFINITY);
                    worst = worst.max((fast - full).abs());
                }
            }
        }
        assert!(worst < 1e-6, "worst gap {worst} ms");
    }

    #[test]
    fn sub_millisecond_functions_bill_a_whole_millisecond() {
        let e = expected_ceil_lognormal(0.3, 0.2, 0.0);
        assert!((e - 1.0).abs() < 1e-9, "{e}");
    }

    #[test]
    fn a_p99_gives_the_cv_of_the_lognormal_with_that_mean() {
        // The engineer's function: mean 250 ms, p99 900 ms.
        let cv = LogNormal::cv_from_mean_p99(250.0, 900.0).unwrap();
        assert!((cv - 0.709).abs() < 0.001, "{cv}");
        let d = LogNormal::from_mean_cv(250.0, cv);
        assert!((d.mean() - 250.0).abs() < 1e-9);
        assert!((d.quantile(0.99) - 900.0).abs() < 1e-6, "{}", d.quantile(0.99));
        assert_eq!(LogNormal::cv_from_mean_p99(250.0, 250.0), Some(0.0));
        assert_eq!(LogNormal::cv_from_mean_p99(250.0, 200.0), None);
        assert_eq!(LogNormal::cv_from_mean_p99(250.0, 250.0 * 16.0), None);
        assert!(LogNormal::cv_from_mean_p99(250.0, 250.0 * 14.0).is_some());
        assert_eq!(LogNormal::cv_from_mean_p99(0.0, 10.0), None);
    }
}

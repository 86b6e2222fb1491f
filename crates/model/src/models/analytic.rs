//! Closed-form companions to the simulator (docs/MODELS.md §5.6): instant answers
//! shown while a simulation runs, and test oracles.

/// Erlang-B blocking probability B(c, ρ) for c servers and offered load ρ
/// (M/G/c/c; insensitive to the service distribution). Stable recursion.
pub fn erlang_b(c: u32, rho: f64) -> f64 {
    let mut b = 1.0;
    for k in 1..=c {
        b = rho * b / (k as f64 + rho * b);
    }
    b
}

/// Above this mean, Poisson probabilities use the normal approximation.
const NORMAL_FROM: f64 = 10_000.0;

/// P(N ≤ k) for N ~ Poisson(ρ). Each term is computed in log space (a
/// plain e^(−ρ) underflows to 0 past ρ ≈ 745), and only the terms within 40
/// standard deviations of the mean are summed, so the work is bounded by
/// about 80·√ρ terms; above ρ = 10,000 the normal approximation with a
/// continuity correction is exact to far better than the figures need.
pub fn poisson_cdf(k: u64, rho: f64) -> f64 {
    if rho.is_nan() || rho <= 0.0 {
        return 1.0;
    }
    if rho.is_infinite() {
        return 0.0;
    }
    if rho > NORMAL_FROM {
        return crate::base::stats::normal_cdf((k as f64 + 0.5 - rho) / rho.sqrt());
    }
    let spread = 40.0 * rho.sqrt() + 40.0;
    let lo = (rho - spread).floor().max(0.0) as u64;
    let hi = (rho + spread).ceil() as u64;
    if k >= hi {
        return 1.0;
    }
    if k < lo {
        return 0.0;
    }
    let ln_rho = rho.ln();
    let sum: f64 = (lo..=k).map(|i| (-rho + i as f64 * ln_rho - libm::lgamma(i as f64 + 1.0)).exp()).sum();
    sum.min(1.0)
}

/// The smallest concurrency c with P(N ≤ c) ≥ q, for N ~ Poisson(ρ) (M/G/∞),
/// by bisection: about log₂(80·√ρ) evaluations of the CDF.
pub fn poisson_quantile(q: f64, rho: f64) -> u64 {
    if rho.is_nan() || rho <= 0.0 || q <= 0.0 {
        return 0;
    }
    if rho.is_infinite() {
        return u64::MAX;
    }
    let spread = 40.0 * rho.sqrt() + 40.0;
    let (mut lo, mut hi) = ((rho - spread).floor().max(0.0) as u64, (rho + spread).ceil() as u64);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if poisson_cdf(mid, rho) >= q { hi = mid } else { lo = mid + 1 }
    }
    lo
}

/// Cold-start probability at a low rate: the chance the previous request was
/// more than the idle TTL ago, e^(−λ·TTL).
pub fn cold_probability_low_rate(rate_per_s: f64, ttl_s: f64) -> f64 {
    (-rate_per_s * ttl_s).exp()
}

/// Share of arrivals that find every PC environment busy (PASTA):
/// P(N ≥ P) for N ~ Poisson(ρ).
pub fn pc_spillover(pc_units: u64, rho: f64) -> f64 {
    if pc_units == 0 { 1.0 } else { 1.0 - poisson_cdf(pc_units - 1, rho) }
}

/// Utilisation above which provisioned concurrency costs less than on-demand:
/// PC rate ÷ (on-demand rate − PC duration rate). 0.60 with us-east-1's rates
/// on x86_64 and arm64; other regions differ (eu-west-1 x86_64: 0.80).
pub fn pc_break_even(pc_rate: f64, on_demand_rate: f64, pc_duration_rate: f64) -> f64 {
    pc_rate / (on_demand_rate - pc_duration_rate)
}

/// The PC break-even of one region and architecture, with the rates it comes
/// from (per GB-s): an environment kept for a second costs `config`, and each
/// busy second `pc_duration` on PC against `on_demand` without it (the
/// first duration tier; the request fee is the same either way).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BreakEven {
    pub utilisation: f64,
    pub config: crate::base::money::Rate,
    pub pc_duration: crate::base::money::Rate,
    pub on_demand: crate::base::money::Rate,
}

/// The break-even for this region and architecture, or `None` where the
/// region has no PC rate in the price table.
pub fn pc_break_even_in(region: &crate::rates::Region, arch: crate::rates::Arch) -> Option<BreakEven> {
    let pc = region.pc(arch)?;
    let on_demand = region.duration_tiers(arch)[0];
    Some(BreakEven {
        utilisation: pc_break_even(pc.config.as_f64(), on_demand.as_f64(), pc.duration.as_f64()),
        config: pc.config,
        pc_duration: pc.duration,
        on_demand,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erlang_b_matches_the_published_values() {
        for (c, rho, b) in
            [(10, 8.0, 0.1217), (50, 40.0, 0.0187), (100, 90.0, 0.0270), (100, 100.0, 0.0757), (1000, 950.0, 0.00365)]
        {
            assert!((erlang_b(c, rho) - b).abs() < 0.00006, "B({c},{rho}) = {}", erlang_b(c, rho));
        }
    }

    #[test]
    fn low_rate_cold_starts_match_pacs() {
        for (rate, want) in [(0.00186, 0.309), (0.00246, 0.213), (0.00425, 0.069)] {
            assert!((cold_probability_low_rate(rate, 630.0) - want).abs() < 0.002);
        }
    }

    #[test]
    fn break_even_comes_from_each_regions_own_rates() {
        use crate::rates::{Arch, REGIONS, region};
        let at = |code: &str, arch| pc_break_even_in(region(code).unwrap(), arch).map(|b| b.utilisation);
        assert!((at("us-east-1", Arch::X86).unwrap() - 0.60).abs() < 1e-3);
        assert!((at("us-east-1", Arch::Arm).unwrap() - 0.60).abs() < 1e-3);
        // eu-west-1: $0.0000046460 ÷ ($0.0000166667 − $0.0000108407) = 0.797.
        assert!((at("eu-west-1", Arch::X86).unwrap() - 0.7975).abs() < 1e-3, "{:?}", at("eu-west-1", Arch::X86));
        for r in REGIONS {
            for arch in [Arch::X86, Arch::Arm] {
                if let Some(b) = pc_break_even_in(r, arch) {
                    // Above 1 (ap-northeast-1's published rates give 1.31 on
                    // x86_64), PC never costs less than on-demand.
                    assert!(b.utilisation > 0.3 && b.utilisation < 2.0, "{} {:?}: {}", r.code, arch, b.utilisation);
                } else {
                    assert!(r.pc(arch).is_none());
                }
            }
        }
    }

    #[test]
    fn break_even_is_sixty_percent() {
        assert!((pc_break_even(0.0000041667, 0.0000166667, 0.0000097222) - 0.60).abs() < 1e-4);
        assert!((pc_break_even(0.0000033334, 0.0000133334, 0.0000077778) - 0.60).abs() < 1e-4);
    }

    #[test]
    fn poisson_at_large_means_is_right_and_quick() {
        // e^(−ρ) underflows at ρ ≈ 745: the old summation stayed at 0 and ran
        // to its 10,000,000 cap, answering 10,000,000.
        for rho in [745.0, 750.0, 1_000.0, 7_500.0, 75_000.0] {
            let q99 = poisson_quantile(0.99, rho);
            let want = rho + 2.326 * rho.sqrt();
            assert!((q99 as f64 - want).abs() < 0.02 * want + 3.0, "ρ {rho}: {q99} vs ≈{want}");
            assert!((poisson_cdf(rho as u64, rho) - 0.5).abs() < 0.02, "median of ρ {rho}");
        }
        // Against a direct sum where e^(−ρ) is still representable.
        let direct = |k: u64, rho: f64| {
            let mut term = (-rho).exp();
            let mut sum = term;
            for i in 1..=k {
                term *= rho / i as f64;
                sum += term;
            }
            sum
        };
        for (k, rho) in [(5, 3.2), (100, 90.0), (650, 600.0), (700, 700.0)] {
            assert!((poisson_cdf(k, rho) - direct(k, rho)).abs() < 1e-9, "P(N ≤ {k}; {rho})");
        }
        assert_eq!(poisson_quantile(0.99, f64::NAN), 0);
        assert_eq!(poisson_cdf(3, f64::INFINITY), 0.0);
    }

    #[test]
    fn poisson_quantiles() {
        assert!((poisson_cdf(0, 1.79) - (-1.79f64).exp()).abs() < 1e-12);
        assert_eq!(poisson_quantile(0.5, 0.0), 0);
        assert!(poisson_quantile(0.99, 90.0) >= 110 && poisson_quantile(0.99, 90.0) <= 115);
        assert!((pc_spillover(2, 1.0) - (1.0 - 2.0 * (-1.0f64).exp())).abs() < 1e-12);
    }
}

//! Closed-form companions to the simulator (models.md §5.6): instant answers
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

/// P(N ≤ k) for N ~ Poisson(ρ), summed in log space.
pub fn poisson_cdf(k: u64, rho: f64) -> f64 {
    if rho <= 0.0 {
        return 1.0;
    }
    let mut term = (-rho).exp();
    let mut sum = term;
    for i in 1..=k {
        term *= rho / i as f64;
        sum += term;
        if term < 1e-300 && i as f64 > rho {
            break;
        }
    }
    sum.min(1.0)
}

/// The smallest concurrency c with P(N ≤ c) ≥ q, for N ~ Poisson(ρ) (M/G/∞).
pub fn poisson_quantile(q: f64, rho: f64) -> u64 {
    let mut k = 0;
    while poisson_cdf(k, rho) < q && k < 10_000_000 {
        k += 1;
    }
    k
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
/// PC rate ÷ (on-demand rate − PC duration rate). 0.60 for x86 and arm64.
pub fn pc_break_even(pc_rate: f64, on_demand_rate: f64, pc_duration_rate: f64) -> f64 {
    pc_rate / (on_demand_rate - pc_duration_rate)
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
    fn break_even_is_sixty_percent() {
        assert!((pc_break_even(0.0000041667, 0.0000166667, 0.0000097222) - 0.60).abs() < 1e-4);
        assert!((pc_break_even(0.0000033334, 0.0000133334, 0.0000077778) - 0.60).abs() < 1e-4);
    }

    #[test]
    fn poisson_quantiles() {
        assert!((poisson_cdf(0, 1.79) - (-1.79f64).exp()).abs() < 1e-12);
        assert_eq!(poisson_quantile(0.5, 0.0), 0);
        assert!(poisson_quantile(0.99, 90.0) >= 110 && poisson_quantile(0.99, 90.0) <= 115);
        assert!((pc_spillover(2, 1.0) - (1.0 - 2.0 * (-1.0f64).exp())).abs() < 1e-12);
    }
}

//! Regression tests for defects found by fuzzing (issues 15 and 16). Each
//! failed before its fix.

use lambda_model::billing::{self, COST_PARAMS, expected_billed_ns};
use lambda_model::calculators::cost;
use lambda_model::calculators::cost::evaluate;
use lambda_model::calculators::decode_query;
use lambda_model::calculators::power;
use lambda_model::models::analytic::poisson_quantile;
use lambda_model::params::metrics::MetricValue;
use lambda_model::params::{Date, Values};
use lambda_model::simulation::{self, SIM_PARAMS};

const TODAY: Date = Date::new(2026, 11, 23);

fn cost(q: &str) -> f64 {
    let d = decode_query(COST_PARAMS, q);
    assert!(d.errors.is_empty(), "{q}: {:?}", d.errors);
    evaluate(&d.values, TODAY).unwrap().total.as_f64()
}

#[test]
fn tiny_duration_cvs_bill_the_duration_not_one_millisecond() {
    // ln(1 + cv²) was 0 below cv ≈ 1.05e-8: σ = 0, a NaN expected ceiling,
    // clamped to 0 ns and billed as 1 ms: $0.40 instead of $44,993.82.
    let constant = cost("duration_ms=900000");
    assert!((constant - 44_993.823_32).abs() < 1e-6, "{constant}");
    for cv in ["0.00000001", "0.000000001", "1e-12", "5e-9"] {
        assert_eq!(cost(&format!("duration_ms=900000&duration_cv={cv}")), constant, "cv {cv}");
    }
    // 408 of the whole-millisecond means from 1 to 1000 billed 1 ms at cv = 1e-9.
    for ms in 1..=1000u32 {
        let ns = expected_billed_ns(ms as f64, 1e-9, 0.0).unwrap();
        assert_eq!(ns, ms as u128 * 1_000_000, "{ms} ms");
    }
}

#[test]
fn cost_never_falls_as_duration_grows_at_tiny_cvs() {
    for cv in [5e-9, 1e-7, 9e-7, 1e-6, 2e-6, 1e-5] {
        let mut last = 0.0;
        for d in [614_854.0, 614_854.5, 614_854.999, 614_855.0, 614_855.000001, 614_855.5, 614_856.0] {
            let t = cost(&format!("duration_ms={d}&duration_cv={cv}"));
            assert!(t >= last, "cv {cv}: {d} ms costs {t}, less than {last}");
            last = t;
        }
    }
}

#[test]
fn a_nan_in_pricing_is_an_error_never_a_number() {
    assert!(expected_billed_ns(f64::NAN, 0.0, 0.0).is_err());
    assert!(expected_billed_ns(100.0, f64::NAN, 0.0).is_err());
    assert!(expected_billed_ns(100.0, 0.5, f64::INFINITY).is_err());
    assert!(expected_billed_ns(1e30, 0.0, 0.0).is_err());
    assert!(expected_billed_ns(-1.0, 0.0, 0.0).is_err());
}

#[test]
fn extreme_modelled_durations_time_out_instead_of_overflowing() {
    // A described workload scaled to absurd durations: every size past 15
    // minutes times out, is billed at the limit, and is never recommended.
    let mut v = Values::defaults(power::POWER_PARAMS);
    for (k, val) in [
        ("anchor_memory_mb", "10240"),
        ("anchor_duration_ms", "900000"),
        ("cpu_fraction", "1"),
        ("requests", "1000000000000"),
        ("memory_mb", "10240"),
    ] {
        v.set(k, val).unwrap();
    }
    let r = power::evaluate(&v, TODAY).unwrap();
    assert!(r.grid.iter().all(|row| row.duration_ms <= 900_000.0));
    assert!(r.grid.iter().any(|row| row.timed_out), "the small sizes are slower than 15 minutes");
    assert!(!r.best.timed_out);
    let mut v = Values::defaults(power::POWER_PARAMS);
    v.set("points", "128:900000,10240:899000").unwrap();
    v.set("requests", "1000000000000").unwrap();
    match power::evaluate(&v, TODAY) {
        Ok(r) => {
            for row in r.candidates.iter().chain(&r.grid) {
                assert!(row.per_million.as_f64().is_finite() && row.monthly.as_f64() >= 0.0);
                assert!(row.duration_ms <= 900_000.0);
            }
        }
        Err(e) => assert!(!e.is_empty() && !e[0].message.is_empty()),
    }
}

#[test]
fn poisson_quantiles_at_ordinary_rates_are_quick_and_sensible() {
    // e^(−ρ) underflowed past ρ ≈ 745: 25–33 s of looping to a 10,000,000 cap.
    let q = poisson_quantile(0.99, 10_000.0 * 0.1);
    assert!((1_050..=1_090).contains(&q), "{q}");
    let sizes = simulation::pc_candidates(7_500.0, 100.0);
    let top = *sizes.last().unwrap();
    assert!((750..=900).contains(&top), "{sizes:?}");
    assert!(sizes.len() <= 17);
}

#[test]
fn mean_concurrency_never_exceeds_the_peak() {
    // Requests of 60 s in a 60 s window: busy time after the window was counted.
    let d = decode_query(
        SIM_PARAMS,
        "rate_per_s=100&duration_ms=60000&sim_seconds=60&account_concurrency=100000&duration_dist=const",
    );
    assert!(d.errors.is_empty(), "{:?}", d.errors);
    let r = simulation::simulate(&d.values).unwrap();
    let m = |n: &str| match r.metrics().into_iter().find(|(k, _)| *k == n).map(|(_, v)| v) {
        Some(MetricValue::Num(x)) => x,
        Some(MetricValue::Count(c)) => c as f64,
        other => panic!("{n}: {other:?}"),
    };
    assert!(m("mean_concurrency") <= m("peak_concurrency"), "{} > {}", m("mean_concurrency"), m("peak_concurrency"));
}

#[test]
fn pricing_totals_stay_exact_when_priced_through_usage() {
    let d = decode_query(COST_PARAMS, "memory_mb=1536&duration_ms=120&requests=3000000");
    let i = billing::CostInput::from_values(&d.values, TODAY).unwrap();
    assert_eq!(cost::price(&i).unwrap().total.to_decimal(), "2.733338");
}

#[test]
fn a_power_tuning_link_that_cannot_be_fitted_is_blamed_on_the_link() {
    // One size (128 MB): the fit needs two. The error named `points`, which the user never set.
    let mut v = Values::defaults(power::POWER_PARAMS);
    v.set("power_tuning", "https://lambda-power-tuning.show/#gAA=;AAAWRQ==;rMWnNg==").unwrap();
    let e = power::evaluate(&v, TODAY).unwrap_err();
    assert_eq!(e[0].param, "power_tuning");
    assert!(e[0].message.starts_with("Power Tuning result:"), "{}", e[0].message);
}

#[test]
fn a_figure_derived_from_a_huge_bill_is_never_negative() {
    // Issue 28: one request and a trillion durable executions writing 1 TB
    // each: the per-million figure ($3.2 × 10²⁰) wrapped to −$2.0 × 10¹⁹.
    let d =
        decode_query(COST_PARAMS, "requests=1&durable_executions=1000000000000&durable_kb_per_execution=1000000000");
    assert!(d.errors.is_empty(), "{:?}", d.errors);
    let r = evaluate(&d.values, TODAY).unwrap();
    assert_eq!(r.total.to_decimal(), "320000032000000");
    let m = r.metrics();
    let get = |k: &str| m.iter().find(|(n, _)| *n == k).unwrap().1;
    assert_eq!(get("per_invocation_usd"), MetricValue::Usd(r.total));
    // More money than the exact type holds: not stated, rather than wrong.
    assert_eq!(get("per_million_usd"), MetricValue::Missing);
    for (name, v) in &m {
        assert!(v.as_f64().is_none_or(|x| x >= 0.0), "{name}: {v:?}");
    }
    // The same scaling in the money type itself.
    let big = lambda_model::base::money::Usd(i128::MAX / 2);
    assert_eq!(big.scaled(4, 1), None);
    assert_eq!(big.scaled(1, 2), Some(lambda_model::base::money::Usd(i128::MAX / 4 + 1)));
}

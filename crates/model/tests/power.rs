//! Validation of the memory/CPU model against public cases (docs/MODELS.md §7),
//! and fitting its own outputs back.

use lambda_model::calculators::power::{POWER_PARAMS, evaluate};
use lambda_model::models::report;
use lambda_model::models::scaling::{Point, Workload, fit};
use lambda_model::params::{Date, Values};
use proptest::prelude::*;

const TODAY: Date = Date::new(2026, 11, 23);

fn within(got: f64, want: f64, tol: f64) -> bool {
    (got - want).abs() / want <= tol
}

#[test]
fn p1_aws_prime_table_from_a_1024_mb_anchor() {
    // Pure CPU, one thread, anchor 1024 MB = 1.465 s. Labels corrected to
    // 128/256/512/1024 MB (docs/MODELS.md §1.2).
    let w = Workload::from_description(1024.0, 1465.0, 1.0, 0.0, 1.0, 1.0);
    assert!(within(w.duration_ms(128.0, 1.0), 11_722.0, 0.02), "{}", w.duration_ms(128.0, 1.0));
    assert!(within(w.duration_ms(256.0, 1.0), 6_678.0, 0.15));
    assert!(within(w.duration_ms(512.0, 1.0), 3_194.0, 0.15));
}

#[test]
fn p2_power_tuning_example_2_is_300_ms_at_equal_cost() {
    let mut v = Values::defaults(POWER_PARAMS);
    for (k, x) in
        [("anchor_memory_mb", "128"), ("anchor_duration_ms", "2400"), ("cpu_fraction", "1"), ("memory_mb", "1024")]
    {
        v.set(k, x).unwrap();
    }
    let r = evaluate(&v, TODAY).unwrap();
    assert!(within(r.current.duration_ms, 300.0, 0.10), "{}", r.current.duration_ms);
    let at_128 = r.candidates.iter().find(|c| c.memory_mb == 128).unwrap();
    // Equal duration cost: 2,400 ms × 0.125 GB = 300 ms × 1 GB.
    assert_eq!(at_128.per_invocation, r.current.per_invocation);
}

#[test]
fn p3_threads_saturate_near_k_times_1769_mb() {
    // JV Roig 2023 measured saturation on his grid at these sizes for k = 1..6 threads.
    let grid = [2048.0, 4096.0, 5376.0, 7168.0, 8960.0, 10240.0];
    for k in 1..=6 {
        let w = Workload { io_ms: 0.0, serial_ms: 0.0, parallel_ms: 10_000.0, threads: k as f64, alpha: 1.0 };
        let floor = w.duration_ms(10240.0, 1.0);
        // The smallest size (1 MB steps) from which adding memory no longer helps.
        let sat = (128..=10240).find(|m| (w.duration_ms(*m as f64, 1.0) - floor).abs() < 1e-9).unwrap() as f64;
        assert!((sat - (1769.0 * k as f64).min(10240.0)).abs() <= 1.0, "k={k}: {sat}");
        let first_grid = grid.iter().copied().find(|g| *g >= sat).unwrap();
        assert_eq!(first_grid, grid[k - 1], "k={k}");
    }
}

#[test]
fn report_lines_with_noise_give_a_recommendation() {
    let mut log = String::from("START RequestId: a Version: $LATEST\nsome app output\n");
    for (m, d) in [(128, 2400.2), (256, 1201.9), (512, 600.7), (1024, 300.4), (2048, 180.0)] {
        for k in 0..3 {
            log.push_str(&format!(
                "2026-11-23T10:00:0{k}Z REPORT RequestId: r{m}{k}\tDuration: {:.2} ms\tBilled Duration: 1 ms\tMemory Size: {m} MB\tMax Memory Used: 70 MB\n",
                d + k as f64
            ));
        }
        log.push_str("END RequestId: x\n");
    }
    let parsed = report::parse(&log);
    assert_eq!(parsed.reports.len(), 15);
    assert_eq!(parsed.skipped, 7);
    let pts = parsed.points();
    assert_eq!(pts.len(), 5);
    let f = fit(&pts, 1.0, 1.0).unwrap();
    assert!(f.r2 > 0.99, "{}", f.r2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn fitting_the_models_own_outputs_recovers_its_parameters(
        io in 0.0f64..500.0, serial in 0.0f64..3000.0, parallel in 0.0f64..3000.0, k in 2u32..=6,
    ) {
        prop_assume!(serial + parallel > 1.0);
        let w = Workload { io_ms: io, serial_ms: serial, parallel_ms: parallel, threads: k as f64, alpha: 1.0 };
        let pts: Vec<Point> = lambda_model::models::scaling::POWER_TUNING_SIZES
            .iter()
            .map(|m| Point { memory_mb: *m as f64, duration_ms: w.duration_ms(*m as f64, 1.0) })
            .collect();
        let f = fit(&pts, k as f64, 1.0).unwrap();
        let tol = |a: f64, b: f64| (a - b).abs() <= 1e-6 * (1.0 + b.abs());
        prop_assert!(tol(f.workload.io_ms, io), "io {} vs {}", f.workload.io_ms, io);
        prop_assert!(tol(f.workload.serial_ms, serial), "serial {} vs {}", f.workload.serial_ms, serial);
        prop_assert!(tol(f.workload.parallel_ms, parallel), "parallel {} vs {}", f.workload.parallel_ms, parallel);
        prop_assert!(f.r2 > 1.0 - 1e-9);
    }
}

fn power_values(q: &str) -> (Values, Vec<(String, String)>) {
    let d = lambda_model::calculators::decode_query(POWER_PARAMS, q);
    assert!(d.errors.is_empty(), "{:?}", d.errors);
    (d.values, d.carried)
}

#[test]
fn the_cost_strategy_says_what_its_saving_costs_in_time() {
    // Measured: 128 MB at 11 s, 1,024 MB at 1.4 s; the current size is 1,024 MB.
    let (v, _) = power_values("memory_mb=1024&strategy=cost&points=128:11012,1024:1405");
    let r = evaluate(&v, TODAY).unwrap();
    assert_eq!(r.best.memory_mb, 128);
    let t = r.tradeoff().unwrap();
    assert!(
        t.starts_with("128 MB saves")
            && t.contains("7.8 times as long")
            && t.contains("the balanced strategy picks 1024 MB"),
        "{t}"
    );
    // Balanced and speed say nothing of the kind; nor does a cheap size that is not slower.
    let (v, _) = power_values("memory_mb=1024&strategy=balanced&points=128:11012,1024:1405");
    assert!(evaluate(&v, TODAY).unwrap().tradeoff().is_none());
    let (v, _) = power_values("memory_mb=1024&strategy=cost&points=512:300,1024:250");
    assert!(evaluate(&v, TODAY).unwrap().tradeoff().is_none());
}

#[test]
fn a_described_function_is_asked_how_much_of_its_time_is_computing() {
    let (v, _) = power_values("anchor_memory_mb=1024&anchor_duration_ms=180");
    let q = evaluate(&v, TODAY).unwrap().cpu_share_question(&v).unwrap();
    assert!(q.contains("180 ms at 1024 MB") && q.contains("cpu_fraction"), "{q}");
    let (v, _) = power_values("anchor_memory_mb=1024&anchor_duration_ms=180&cpu_fraction=0.2");
    assert!(evaluate(&v, TODAY).unwrap().cpu_share_question(&v).is_none());
    let (v, _) = power_values("points=128:2400,1024:300");
    assert!(evaluate(&v, TODAY).unwrap().cpu_share_question(&v).is_none());
}

#[test]
fn the_monthly_figure_says_how_it_differs_from_the_cost_page() {
    // The engineer's function, handed from the cost page: a p99 and cold starts.
    let cost = lambda_model::calculators::decode_query(
        lambda_model::billing::COST_PARAMS,
        "memory_mb=1024&duration_ms=180&duration_p99_ms=1200&requests=20000000&cold_start_ratio=0.01&init_ms=300&front_door=http_api",
    );
    let q =
        lambda_model::calculators::profile::handoff(&cost.values, &[], POWER_PARAMS, &[("cpu_fraction", "0.2".into())]);
    let (v, carried) = power_values(&q);
    let r = evaluate(&v, TODAY).unwrap();
    let text = r.month_difference(&v, &carried, TODAY).unwrap();
    for want in [
        "the duration's spread",
        "cold starts and their Init",
        "products",
        "less than the cost calculator's",
        "at 1024 MB",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    // The dollars it states are the cost engine's for the same function.
    let (cv, _) = lambda_model::calculators::profile::handed(
        &v,
        &carried,
        lambda_model::billing::COST_PARAMS,
        &[("memory_mb", "1024".into()), ("duration_ms", "180".into())],
    );
    let month = lambda_model::calculators::profile::month_of(&cv, TODAY).unwrap().0;
    let c = month.round_cents().to_decimal();
    assert!(text.contains(&format!("${c}")) || text.contains(&format!("${c}0")), "{c}: {text}");
    // Without spread, cold starts or products the two agree, and nothing is said.
    let (v, carried) = power_values("anchor_memory_mb=1024&anchor_duration_ms=180&memory_mb=1024&requests=20000000");
    assert!(evaluate(&v, TODAY).unwrap().month_difference(&v, &carried, TODAY).is_none());
}

//! `cargo bench -p lambda-model --bench pricing`: how long one cost scenario
//! takes to evaluate, from named parameters to metrics. The target in issue 3
//! is under 10 µs natively. Prints the median of repeated batches, because
//! the machine is shared and noisy; no thresholds are asserted.

use lambda_model::billing::COST_PARAMS;

use lambda_model::calculators::cost::evaluate;
use lambda_model::calculators::decode_query;
use lambda_model::params::{Date, Values};
use std::hint::black_box;
use std::time::Instant;

const TODAY: Date = Date::new(2026, 11, 23);

fn median_ns(batches: usize, per_batch: usize, mut f: impl FnMut()) -> f64 {
    let mut samples: Vec<f64> = (0..batches)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            t.elapsed().as_nanos() as f64 / per_batch as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let cases = [
        ("V3 mobile backend (defaults + 3 params)", "memory_mb=1536&duration_ms=120&requests=3000000"),
        (
            "PC + cold starts + INIT + ephemeral + savings",
            "memory_mb=4096&duration_ms=280&requests=20000000&pc_units=7&pc_hours=24&cold_start_ratio=0.01&init_ms=800&ephemeral_mb=2048&savings_plan_pct=12",
        ),
        (
            "variable durations (CV 0.5, per-invocation rounding)",
            "memory_mb=512&duration_ms=35&duration_cv=0.5&requests=50000000&cold_start_ratio=0.005&init_ms=300",
        ),
    ];
    println!("pricing benchmark: median of 31 batches");
    println!("{:<55} {:>12} {:>14} {:>10}", "scenario", "evaluate", "query+evaluate", "vs 10 µs");
    for (name, q) in cases {
        let values: Values = decode_query(COST_PARAMS, q).values;
        let eval = median_ns(31, 2000, || {
            black_box(evaluate(black_box(&values), TODAY).unwrap().metrics());
        });
        let full = median_ns(31, 2000, || {
            let v = decode_query(COST_PARAMS, black_box(q)).values;
            black_box(evaluate(&v, TODAY).unwrap().metrics());
        });
        println!("{name:<55} {:>9.2} µs {:>11.2} µs {:>9.1}×", eval / 1000.0, full / 1000.0, 10_000.0 / full);
    }
}

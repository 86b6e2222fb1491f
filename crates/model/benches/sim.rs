//! `cargo bench -p lambda-model --bench sim`: simulated requests per second
//! on scenario P6 (SimFaaS's README example), natively, with SimFaaS 0.2.2 run
//! on the same scenario in the same benchmark run when it is installed
//! (`pip install simfaas==0.2.2`). Issue 5's targets: ≥ 10 M requests/s per
//! core natively, ≥ 200× SimFaaS. Medians; no thresholds asserted.

use lambda_model::params::Values;
use lambda_model::simulation::{SIM_PARAMS, Sim, config};
use std::process::Command;
use std::time::Instant;

fn params(pairs: &[(&str, &str)]) -> Values {
    let mut v = Values::defaults(SIM_PARAMS);
    for (k, x) in pairs {
        v.set(k, x).unwrap();
    }
    v
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn ours(name: &str, pairs: &[(&str, &str)]) -> f64 {
    let cfg = config(&params(pairs)).unwrap();
    let mut rates = Vec::new();
    let mut requests = 0;
    for _ in 0..7 {
        let t = Instant::now();
        let r = Sim::new(cfg.clone()).run();
        let dt = t.elapsed().as_secs_f64();
        requests = r.requests;
        rates.push(r.requests as f64 / dt);
    }
    let m = median(rates);
    println!("{name:<58} {requests:>10} requests  {:>7.2} M req/s", m / 1e6);
    m
}

fn main() {
    println!("simulator benchmark: median of 7 runs per scenario");
    let p6 = [
        ("rate_per_s", "0.9"),
        ("duration_ms", "1991"),
        ("duration_dist", "exp"),
        ("cold_start_ms", "253"),
        ("idle_ttl_s", "600"),
        ("max_lifetime_s", "0"),
        ("sim_seconds", "1000000"),
    ];
    let ours_p6 = ours("P6: Poisson 0.9/s, exp 1.991 s, TTL 600 s, MRU (ours)", &p6);
    ours(
        "busy: Poisson 1,000/s, lognormal 100 ms, ~100 concurrent",
        &[("rate_per_s", "1000"), ("sim_seconds", "2000")],
    );
    ours(
        "bursty: 50/s with 2,000/s bursts, 1 s lognormal",
        &[
            ("arrival", "bursty"),
            ("rate_per_s", "50"),
            ("burst_rate_per_s", "2000"),
            ("duration_ms", "1000"),
            ("sim_seconds", "3600"),
        ],
    );
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/simfaas_p6.py");
    let mut sf = Vec::new();
    for _ in 0..3 {
        let out = Command::new("python3").args([script, "200000"]).output();
        match out {
            Ok(o) if o.status.success() => {
                let text = String::from_utf8_lossy(&o.stdout);
                let num = |k: &str| -> f64 {
                    let at = text.find(&format!("\"{k}\": ")).map(|i| i + k.len() + 4).unwrap_or(0);
                    text[at..].split([',', '}']).next().unwrap_or("0").trim().parse().unwrap_or(0.0)
                };
                sf.push(num("requests") / num("seconds"));
            }
            _ => {
                println!(
                    "SimFaaS 0.2.2 is not installed (pip install simfaas==0.2.2); no side-by-side ratio this run."
                );
                return;
            }
        }
    }
    let theirs = median(sf);
    println!(
        "{:<58} {:>10} requests  {:>7.3} M req/s",
        "P6 (SimFaaS 0.2.2, Python, same scenario, 2e5 s)",
        "~180000",
        theirs / 1e6
    );
    println!("throughput ratio on P6: {:.0}× SimFaaS (target 200×)", ours_p6 / theirs);
}

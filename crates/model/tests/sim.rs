//! Validation of the traffic simulator against public cases (docs/MODELS.md §7).

use lambda_model::models::analytic::erlang_b;
use lambda_model::params::Values;
use lambda_model::simulation::{Arrivals, SIM_PARAMS, Sim, SimResult, config, simulate};

fn params(pairs: &[(&str, &str)]) -> Values {
    let mut v = Values::defaults(SIM_PARAMS);
    for (k, x) in pairs {
        v.set(k, x).unwrap_or_else(|e| panic!("{k}: {e}"));
    }
    v
}

fn run(pairs: &[(&str, &str)]) -> SimResult {
    simulate(&params(pairs)).unwrap()
}

fn metric(r: &SimResult, name: &str) -> f64 {
    r.metrics().into_iter().find(|(n, _)| *n == name).unwrap().1.as_f64().unwrap()
}

/// A trace of `n` requests that all arrive at t = 0.
fn simultaneous(n: usize) -> String {
    vec!["0"; n].join(",")
}

const P6: &[(&str, &str)] = &[
    ("arrival", "poisson"),
    ("rate_per_s", "0.9"),
    ("duration_ms", "1991"),
    ("duration_dist", "exp"),
    ("cold_start_ms", "253"),
    ("idle_ttl_s", "600"),
    ("routing", "mru"),
    ("max_lifetime_s", "0"),
    ("sim_seconds", "1000000"),
];

#[test]
fn p6_simfaas_example() {
    let r = run(P6);
    let cold = r.cold_start_ratio();
    assert!((cold - 0.0014).abs() / 0.0014 <= 0.10, "cold-start ratio {cold}");
    assert!((r.mean_concurrency - 1.79).abs() / 1.79 <= 0.02, "mean concurrency {}", r.mean_concurrency);
    assert!((r.requests as f64 - 900_000.0).abs() < 5_000.0);
}

#[test]
fn p7_aws_2020_runs() {
    // PACS AWS runs: python3.6, 128 MB, S ≈ 1.88 s, TTL 630 s, lifetime 2 h.
    // Low rates: within ±15% of the measured cold-start share (simulated 20× longer than
    // the ~28 h runs, to measure the model rather than the noise).
    let csv = include_str!("../data/pacs_aws_2020_fixed_rate_summary.csv");
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let rate: f64 = f[3].parse().unwrap();
        let measured: f64 = f[5].parse().unwrap();
        let warm_ms: f64 = f[9].parse().unwrap();
        let cold_extra = f[10].parse::<f64>().unwrap() - warm_ms;
        let sim_s = if rate < 0.05 { 2_000_000.0 } else { 400_000.0 };
        let base = [
            ("arrival", "poisson"),
            ("duration_dist", "exp"),
            ("idle_ttl_s", "630"),
            ("max_lifetime_s", "7200"),
            ("memory_mb", "128"),
        ];
        let (rate_s, warm_s, cold_s, sim_s) =
            (rate.to_string(), warm_ms.to_string(), cold_extra.to_string(), sim_s.to_string());
        let with = |routing: &str| {
            let mut p: Vec<(&str, &str)> = base.to_vec();
            p.extend([
                ("rate_per_s", rate_s.as_str()),
                ("duration_ms", warm_s.as_str()),
                ("cold_start_ms", cold_s.as_str()),
                ("sim_seconds", sim_s.as_str()),
                ("routing", routing),
            ]);
            run(&p).cold_start_ratio()
        };
        if rate < 0.05 {
            let got = with("mru");
            assert!((got - measured).abs() / measured <= 0.15, "λ={rate}: simulated {got}, measured {measured}");
        } else {
            // At 0.1/s AWS sits between LRU/random and MRU.
            let (mru, lru) = (with("mru"), with("lru"));
            assert!(
                lru * 0.85 <= measured && measured <= mru * 1.15,
                "λ={rate}: lru {lru}, measured {measured}, mru {mru}"
            );
        }
    }
}

#[test]
fn p9_erlang_b_throttling() {
    for (cap, rate, want) in [("100", "90", 0.0270), ("10", "8", 0.1217)] {
        let r = run(&[
            ("rate_per_s", rate),
            ("duration_ms", "1000"),
            ("duration_dist", "exp"),
            ("reserved_concurrency", cap),
            ("idle_ttl_s", "7200"),
            ("max_lifetime_s", "0"),
            ("sim_seconds", if cap == "100" { "20000" } else { "150000" }),
        ]);
        let got = r.throttle_ratio();
        assert!((got - want).abs() <= 0.002, "cap {cap}: throttled {got}, Erlang-B {want}");
        assert!((erlang_b(cap.parse().unwrap(), rate.parse().unwrap()) - want).abs() < 1e-4);
    }
}

#[test]
fn p10_scaling_from_a_burst() {
    // 5,000 long requests arrive together: 1,000 environments at once, the rest throttled.
    let trace = simultaneous(5000);
    let r = run(&[
        ("arrival", "trace"),
        ("trace", &trace),
        ("duration_ms", "600000"),
        ("duration_dist", "const"),
        ("account_concurrency", "10000"),
        ("sim_seconds", "700"),
        ("warmup_s", "0"),
    ]);
    assert_eq!((r.envs_created, r.throttles), (1000, 4000));
    // Demand of 200/s for long requests: 1,000 at once, then 100 more per second,
    // so ~5,000 environments at t ≈ 40 s.
    let r = run(&[
        ("arrival", "constant"),
        ("rate_per_s", "200"),
        ("duration_ms", "600000"),
        ("duration_dist", "const"),
        ("account_concurrency", "10000"),
        ("sim_seconds", "40"),
    ]);
    assert!((r.envs_created as f64 - 5000.0).abs() <= 200.0, "{} environments at 40 s", r.envs_created);
}

#[test]
fn p8_legacy_burst_of_3000() {
    let trace = simultaneous(10_000);
    let r = run(&[
        ("arrival", "trace"),
        ("trace", &trace),
        ("duration_ms", "10000"),
        ("duration_dist", "const"),
        ("account_concurrency", "10000"),
        ("scaling", "legacy"),
        ("sim_seconds", "60"),
        ("warmup_s", "0"),
    ]);
    assert_eq!((r.served, r.throttles), (3000, 7000));
    let r = run(&[
        ("arrival", "trace"),
        ("trace", &trace),
        ("duration_ms", "10000"),
        ("duration_dist", "const"),
        ("account_concurrency", "10000"),
        ("scaling", "legacy"),
        ("pc_units", "7000"),
        ("sim_seconds", "60"),
        ("warmup_s", "0"),
    ]);
    assert_eq!((r.on_pc, r.spilled, r.throttles), (7000, 3000, 0));
}

#[test]
fn p12_an_idle_gap_against_the_ttl() {
    // Constant arrivals carry ±10% jitter: 300 s gaps stay under 420 s, 540 s gaps stay over.
    for (gap, cold) in [("300", false), ("540", true)] {
        let rate = (1.0 / gap.parse::<f64>().unwrap()).to_string();
        let r = run(&[
            ("arrival", "constant"),
            ("rate_per_s", &rate),
            ("idle_ttl_s", "420"),
            ("max_lifetime_s", "0"),
            ("sim_seconds", "100000"),
            ("duration_dist", "const"),
        ]);
        let share = r.cold_start_ratio();
        if cold { assert!(share > 0.99, "gap {gap}: {share}") } else { assert!(share < 0.01, "gap {gap}: {share}") }
    }
}

#[test]
fn the_same_seed_gives_the_same_metrics() {
    let a = run(&[("seed", "42"), ("sim_seconds", "20000")]);
    let b = run(&[("seed", "42"), ("sim_seconds", "20000")]);
    let c = run(&[("seed", "43"), ("sim_seconds", "20000")]);
    assert_eq!(a.metrics(), b.metrics());
    assert_ne!(a.metrics(), c.metrics());
}

#[test]
fn stepping_in_slices_gives_the_same_result_as_one_run() {
    let v = params(&[("arrival", "bursty"), ("sim_seconds", "5000")]);
    let whole = Sim::new(config(&v).unwrap()).run();
    let mut sim = Sim::new(config(&v).unwrap());
    let mut steps = 0;
    while !sim.step(777) {
        steps += 1;
    }
    assert!(steps > 10);
    assert_eq!(sim.result(), whole);
}

#[test]
fn every_arrival_pattern_runs_and_counts_balance() {
    for arrival in ["poisson", "diurnal", "bursty", "constant"] {
        let r = run(&[("arrival", arrival), ("sim_seconds", "3600"), ("pc_units", "2"), ("routing", "random")]);
        assert_eq!(r.requests, r.served + r.throttles, "{arrival}");
        assert!(r.requests > 0 && metric(&r, "cost_total_usd") > 0.0, "{arrival}");
        assert!(r.p50_ms <= r.p95_ms && r.p95_ms <= r.p99_ms && r.p99_ms <= r.p999_ms && r.p999_ms <= r.max_ms * 1.001);
    }
    let bursty = config(&params(&[("arrival", "bursty")])).unwrap();
    assert!(matches!(bursty.arrivals, Arrivals::Bursty { .. }));
}

#[test]
fn bad_runs_are_refused_with_a_reason() {
    for (pairs, needle) in [
        (vec![("arrival", "trace"), ("trace", "1, 2, banana")], "banana"),
        (vec![("arrival", "trace")], "no timestamps"),
        (vec![("rate_per_s", "100000"), ("sim_seconds", "31536000")], "at most 200 million"),
        (vec![("arrival", "bursty"), ("burst_length_s", "700")], "longer than"),
        (vec![("pc_units", "1"), ("region", "sa-east-1")], "provisioned-concurrency"),
    ] {
        let e = simulate(&params(&pairs)).unwrap_err();
        assert!(e.message.contains(needle), "{}", e.message);
        // Issue 28 item 8: each names its field as "Label (key)".
        let spec = lambda_model::simulation::SIM_PARAMS.iter().find(|s| s.name == e.param).unwrap();
        assert!(e.message.starts_with(&format!("{} ({})", spec.label, spec.name)), "{}", e.message);
    }
}

#[test]
fn a_runtime_draws_cold_starts_from_the_model() {
    // Gaps of ~100 s against a 1 s idle TTL: nearly every request starts cold.
    let r = run(&[
        ("runtime", "java21"),
        ("rate_per_s", "0.01"),
        ("idle_ttl_s", "1"),
        ("sim_seconds", "200000"),
        ("duration_ms", "50"),
    ]);
    assert!(r.cold_start_ratio() > 0.9);
    // java21 Init p50 ≈ 239 ms plus ~100 ms platform.
    assert!(r.cold_p50_ms > 300.0 && r.cold_p50_ms < 500.0, "{}", r.cold_p50_ms);
}

#[test]
fn the_pc_advisor_finds_the_cheapest_size_meeting_the_target() {
    use lambda_model::simulation::{pc_points, pc_recommendation, pc_sweep_configs};
    // Bursty, rare traffic with a heavy cold start: PC is what meets 0.1% cold.
    let v = params(&[
        ("rate_per_s", "2"),
        ("duration_ms", "500"),
        ("idle_ttl_s", "60"),
        ("cold_start_ms", "800"),
        ("cold_start_target", "0.001"),
        ("sim_seconds", "20000"),
    ]);
    let runs: Vec<_> = pc_sweep_configs(&v, 400_000.0).unwrap().into_iter().map(|c| Sim::new(c).run()).collect();
    let pts = pc_points(&runs, &v);
    assert_eq!(pts[0].units, 0);
    assert!(pts.len() >= 3);
    // More PC never makes cold starts more common.
    assert!(pts.windows(2).all(|w| w[1].cold_start_ratio <= w[0].cold_start_ratio + 1e-3));
    let best = pc_recommendation(&pts).expect("some size meets the target");
    assert!(best.units > 0 && best.cold_start_ratio <= 0.001);
    assert!(pts.iter().filter(|p| p.meets_target).all(|p| p.cost >= best.cost));
}

#[test]
fn init_billing_follows_the_billing_date() {
    let base = [
        ("rate_per_s", "0.01"),
        ("idle_ttl_s", "1"),
        ("cold_start_ms", "400"),
        ("duration_ms", "100"),
        ("duration_dist", "const"),
        ("sim_seconds", "100000"),
    ];
    let at = |date: &str| {
        let mut p = base.to_vec();
        p.push(("billing_date", date));
        run(&p).lines[2]
    };
    assert!(at("2025-08-01") > lambda_model::base::money::Usd::ZERO);
    assert_eq!(at("2025-07-31"), lambda_model::base::money::Usd::ZERO);
}

#[test]
fn the_latency_histogram_counts_every_request() {
    let r = run(&[("rate_per_s", "20"), ("sim_seconds", "3600"), ("idle_ttl_s", "5")]);
    let (warm, cold): (u64, u64) = r.histogram.iter().fold((0, 0), |a, b| (a.0 + b.2, a.1 + b.3));
    assert_eq!(warm + cold, r.served);
    assert_eq!(cold, r.cold_starts);
    assert!(r.histogram.windows(2).all(|w| w[0].1 <= w[1].1));
}

#[test]
fn the_service_time_can_come_from_the_scaling_model() {
    // 800 ms of pure CPU measured at 256 MB runs in 200 ms at 1,024 MB.
    let r = run(&[
        ("duration_ms", "800"),
        ("duration_at_mb", "256"),
        ("memory_mb", "1024"),
        ("duration_dist", "const"),
        ("rate_per_s", "1"),
        ("sim_seconds", "2000"),
        ("idle_ttl_s", "7200"),
    ]);
    let warm = r.histogram.iter().filter(|b| b.2 > 0).map(|b| (b.0, b.1)).next().unwrap();
    // 800 ms ÷ 4 lands within a microsecond of 200 ms.
    assert!(warm.0 <= 200.0 && 199.99 <= warm.1, "{warm:?}");
    assert!((r.mean_concurrency - 0.2).abs() < 0.02, "{}", r.mean_concurrency);
}

/// One request every 20 s (Poisson), 100 ms, 420 s keep-alive, 2 h lifetime.
const SPARSE: &[(&str, &str)] = &[
    ("arrival", "poisson"),
    ("rate_per_s", "0.05"),
    ("duration_ms", "100"),
    ("idle_ttl_s", "420"),
    ("max_lifetime_s", "7200"),
];

/// The share of requests that find the only warm environment busy and so
/// start a new one: the utilisation ρ = rate × mean duration (Poisson
/// arrivals see time averages), less the times a second environment from an
/// earlier overlap is still kept (for the keep-alive after it, ≈ rate·ρ·TTL).
fn overlap_law(rate: f64, duration_s: f64, ttl_s: f64) -> f64 {
    let rho = rate * duration_s;
    rho * (1.0 - rate * rho * ttl_s)
}

#[test]
fn the_start_up_is_reported_apart_from_the_steady_state() {
    // Over this hour (seed 10: an hour without an overlap; most hours have
    // about one, see below) the one cold start is the first request of a run
    // that starts with no environments: the start-up, on its own line.
    let r = run(&[SPARSE, &[("sim_seconds", "3600"), ("seed", "10")]].concat());
    assert_eq!((r.startup_cold_starts, r.warmup_seconds), (1, 420.0));
    assert!(r.cold_start_ratio() <= 0.003, "steady state {}", r.cold_start_ratio());
    assert_eq!(metric(&r, "startup_cold_starts"), 1.0);
    // The bill still counts every request of the run.
    assert_eq!(r.billed_requests, r.served + r.startup_requests);
    // Counting the start-up in (warmup_s = 0) gives the old figure back: one
    // cold start in all the hour's requests (about 200).
    let all = run(&[SPARSE, &[("sim_seconds", "3600"), ("seed", "10"), ("warmup_s", "0")]].concat());
    assert_eq!((all.startup_requests, all.cold_starts), (0, 1));
    assert_eq!(all.served, r.served + r.startup_requests);
    assert!((all.cold_start_ratio() - 1.0 / all.served as f64).abs() < 1e-15, "{}", all.cold_start_ratio());
    // An hour holds about one overlap (a request arriving while the only
    // environment is busy), so runs differ; over 200 seeds the steady state
    // averages the overlap law, and every run reports its start-up.
    let mut sum = 0.0;
    for seed in 1..=200 {
        let seed = seed.to_string();
        let r = run(&[SPARSE, &[("sim_seconds", "3600"), ("seed", &seed)]].concat());
        assert!(r.startup_cold_starts >= 1, "seed {seed}");
        sum += r.cold_start_ratio();
    }
    let (mean, want) = (sum / 200.0, overlap_law(0.05, 0.1, 420.0));
    assert!((mean - want).abs() / want < 0.2, "{mean} vs {want}");
}

#[test]
fn over_a_month_sparse_traffic_is_cold_from_recycling_and_overlaps() {
    let month = [("sim_seconds", "2592000")];
    let ratio = |extra: &[(&str, &str)]| run(&[SPARSE, &month, extra].concat()).cold_start_ratio();
    // With requests too short to overlap, what remains is one cold start per
    // environment lifetime: 1 / (rate × lifetime).
    let recycling = 1.0 / (0.05 * 7200.0);
    let got = ratio(&[("duration_ms", "1"), ("duration_dist", "const")]);
    assert!((got - recycling).abs() / recycling < 0.10, "{got} vs {recycling}");
    // With no lifetime, what remains is the overlaps.
    let overlaps = overlap_law(0.05, 0.1, 420.0);
    let got = ratio(&[("max_lifetime_s", "0")]);
    assert!((got - overlaps).abs() / overlaps < 0.10, "{got} vs {overlaps}");
    // At 100 ms both act: an overlap starts a fresh environment, which resets
    // the lifetime clock, so the sum is an upper bound and the overlaps alone
    // a lower one. (1 / (rate × lifetime) alone would be 0.28 %; at 100 ms the
    // overlaps, rate × duration = 0.5 %, are the larger part.)
    let got = ratio(&[]);
    assert!(got > overlaps && got < overlaps + recycling, "{got}");
}

#[test]
fn the_start_up_is_at_most_half_the_run() {
    let r = run(&[SPARSE, &[("sim_seconds", "60"), ("warmup_s", "600")]].concat());
    assert_eq!(r.warmup_seconds, 30.0);
}

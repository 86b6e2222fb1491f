//! `lambda-lab cost` reproduces AWS's published examples V1–V5 from the
//! command line, and exits 2 on bad input.

use std::process::Command;

fn lambda_lab(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lambda-lab")).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn total(args: &[&str]) -> f64 {
    let mut a = vec!["cost"];
    a.extend_from_slice(args);
    a.push("--json");
    let (code, out, err) = lambda_lab(&a);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    (v["total_usd"].as_f64().unwrap() * 100.0).round() / 100.0
}

#[test]
fn reproduces_v1_to_v5() {
    assert_eq!(
        total(&["--memory-mb", "512", "--duration-ms", "1000", "--requests", "3000000", "--free-tier", "true"]),
        18.73
    );
    assert_eq!(total(&["--memory-mb", "128", "--duration-ms", "200", "--requests", "30000000"]), 11.63);
    assert_eq!(total(&["--memory-mb", "1536", "--duration-ms", "120", "--requests", "3000000"]), 2.73);
    assert_eq!(
        total(&["--memory-mb", "1024", "--duration-ms", "2000", "--requests", "7440000", "--free-tier", "false"]),
        249.49
    );
    assert_eq!(
        total(&["--memory-mb", "4096", "--duration-ms", "280", "--requests", "6000000", "--ephemeral-mb", "2048"]),
        106.41
    );
}

#[test]
fn the_table_shows_the_v1_correction() {
    let (code, out, _) =
        lambda_lab(&["cost", "--memory-mb", "512", "--duration-ms", "1000", "--requests", "3000000", "--math"]);
    assert_eq!(code, 0);
    assert!(out.contains("$18.73"), "{out}");
    assert!(out.contains("$18.74"), "the note explains AWS's figure: {out}");
    assert!(out.contains("Show the math"));
}

#[test]
fn scenario_files_evaluate_and_flags_override_them() {
    let dir = std::env::temp_dir().join(format!("lambda-lab-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("v3.json");
    std::fs::write(
        &f,
        r#"{"calculator":"cost","v":1,"params":{"memory_mb":1536,"duration_ms":120,"requests":3000000}}"#,
    )
    .unwrap();
    let path = f.to_string_lossy().to_string();
    assert_eq!(total(&["--scenario", &path]), 2.73);
    assert_eq!(total(&["--scenario", &path, "--free-tier", "false"]), 9.6);
    std::fs::write(&f, "{not json").unwrap();
    let (code, _, err) = lambda_lab(&["cost", "--scenario", &path]);
    assert_eq!(code, 2);
    assert!(err.contains("not valid JSON"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_input_exits_2_with_the_valid_values() {
    let (code, _, err) = lambda_lab(&["cost", "--memory-mb", "NaN"]);
    assert_eq!(code, 2);
    assert!(err.contains("from 128 to 10,240"), "{err}");
    let (code, _, err) = lambda_lab(&["cost", "--arch", "sparc"]);
    assert_eq!(code, 2);
    assert!(err.contains("x86_64, arm64"), "{err}");
    let (code, out, _) = lambda_lab(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("cost"));
}

#[test]
fn power_predicts_power_tuning_example_2() {
    let (code, out, err) = lambda_lab(&[
        "power",
        "--anchor-memory-mb",
        "128",
        "--anchor-duration-ms",
        "2400",
        "--cpu-fraction",
        "1",
        "--memory-mb",
        "1024",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!((v["duration_ms"].as_f64().unwrap() - 300.0).abs() < 1e-6);
    assert!(v["best_memory_mb"].as_u64().is_some());
    assert!(v["fit_r2"].is_null());
}

#[test]
fn power_fits_a_report_log() {
    let dir = std::env::temp_dir().join(format!("lambda-lab-cli-log-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("report.log");
    let mut log = String::from("START RequestId: a\nhello from the app\n");
    for (m, d) in [(128, 2400.0), (512, 601.0), (1024, 300.5), (2048, 190.0)] {
        log.push_str(&format!("REPORT RequestId: r\tDuration: {d} ms\tBilled Duration: 1 ms\tMemory Size: {m} MB\tMax Memory Used: 300 MB\n"));
    }
    std::fs::write(&f, log).unwrap();
    let p = f.to_string_lossy().to_string();
    let (code, out, err) = lambda_lab(&["power", "--report-log", &p]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("4 REPORT lines"), "{out}");
    assert!(out.contains("2 other lines skipped"), "{out}");
    assert!(out.contains("(would run out of memory)"), "Max Memory Used 300 MB rules out 128 and 256 MB: {out}");
    assert!(out.contains("Best for cost:"), "{out}");
    let (code, out, _) = lambda_lab(&["power", "--report-log", &p, "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["fit_r2"].as_f64().unwrap() > 0.99);
    assert!(v["best_memory_mb"].as_u64().unwrap() >= 512);
    std::fs::write(&f, "nothing useful here\n").unwrap();
    let (code, _, err) = lambda_lab(&["power", "--report-log", &p]);
    assert_eq!(code, 2);
    assert!(err.contains("no REPORT lines"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn tenant_isolation_and_pc_free_tier_from_the_command_line() {
    // AWS's tenant-isolation example ($368.67 exactly; AWS writes $368.74).
    let (code, out, err) = lambda_lab(&[
        "cost",
        "--memory-mb",
        "1024",
        "--duration-ms",
        "2000",
        "--requests",
        "10M",
        "--tenant-environments",
        "200000",
        "--free-tier",
        "false",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["tenant_usd"].as_f64(), Some(33.3334));
    assert_eq!((v["total_usd"].as_f64().unwrap() * 100.0).round() / 100.0, 368.67);
    // AWS's PC example 1: the free tier off the on-demand part, $19.96.
    assert_eq!(
        total(&[
            "--memory-mb",
            "1536",
            "--duration-ms",
            "120",
            "--requests",
            "3000000",
            "--pc-units",
            "100",
            "--pc-hours",
            "8",
            "--pc-requests",
            "500000",
            "--pc-duration-ms",
            "100",
        ]),
        19.96
    );
    // Bad values exit 2 and say what is valid.
    let (code, _, err) = lambda_lab(&["cost", "--tenant-environments", "-5"]);
    assert_eq!(code, 2);
    assert!(err.contains("tenant_environments") || err.contains("Tenant-isolated"), "{err}");
    let (code, _, err) = lambda_lab(&["cost", "--tenant-environments", "10", "--pc-units", "2"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be combined with provisioned concurrency"), "{err}");
}

#[test]
fn every_published_example_from_the_command_line() {
    // Each of AWS's worked examples (the engine's table), its query written as flags.
    for e in lambda_model::calculators::published::EXAMPLES {
        let mut args = vec![e.calculator.to_string()];
        for pair in e.query.split('&') {
            let (k, v) = pair.split_once('=').unwrap();
            args.push(format!("--{}", k.replace('_', "-")));
            args.push(v.to_string());
        }
        args.push("--json".into());
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = lambda_lab(&refs);
        assert_eq!(code, 0, "{}: {err}", e.id);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let exact: f64 = e.exact.parse().unwrap();
        let got: f64 = e.metric.split('+').map(|m| v[m].as_f64().unwrap()).sum();
        assert!((got - exact).abs() < 1e-6 * exact.max(1.0), "{}: {out}", e.id);
    }
}

#[test]
fn durable_and_poller_flags_say_what_is_valid() {
    let (code, out, err) = lambda_lab(&[
        "cost",
        "--durable-executions",
        "1000",
        "--durable-kb-per-execution",
        "50",
        "--sqs-poller-hours",
        "1460",
        "--kafka-poller-hours",
        "730",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // 4,000 operations ($0.032) + 0.05 GB written ($0.0125) + 0.05 GB × 14 ÷ 30 days retained ($0.0035).
    assert_eq!(v["durable_usd"].as_f64(), Some(0.048));
    assert_eq!(v["poller_usd"].as_f64(), Some(13.505 + 135.05));
    for (flags, want) in [
        (&["--durable-retention-days", "91"][..], "1 to 90"),
        (&["--durable-days", "400"][..], "366"),
        (&["--sqs-poller-hours", "0.01"][..], "1-minute minimum"),
        (&["--kafka-poller-hours", "abc"][..], "kafka_poller_hours"),
    ] {
        let mut a = vec!["cost"];
        a.extend_from_slice(flags);
        let (code, _, err) = lambda_lab(&a);
        assert_eq!(code, 2, "{flags:?}");
        assert!(err.contains(want), "{flags:?}: {err}");
    }
}

#[test]
fn lmi_from_the_command_line() {
    // AWS's Managed Instances example: $160.352 exactly (AWS writes $160.36).
    let (code, out, err) = lambda_lab(&[
        "lmi",
        "--instance-type",
        "m7g.xlarge",
        "--requests",
        "100M",
        "--duration-ms",
        "200",
        "--ec2-discount-pct",
        "72",
        "--instance-hours",
        "2000",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total_usd"].as_f64(), Some(160.352));
    assert_eq!(v["ec2_usd"].as_f64(), Some(91.392));
    assert_eq!(v["fee_usd"].as_f64(), Some(48.96));
    // The text form says where AWS's figure differs, and the crossover.
    // The on-demand side is priced on the workload's own architecture:
    // x86_64 by default, as on every page; arm64 when the function is.
    let (code, out, _) = lambda_lab(&["lmi", "--ec2-discount-pct", "72", "--math"]);
    assert_eq!(code, 0);
    assert!(out.contains("cost no more from about 36.") && out.contains("management fee: 15%"), "{out}");
    assert!(out.contains("x86_64, us-east-1"), "{out}");
    let (code, out, _) = lambda_lab(&["lmi", "--ec2-discount-pct", "72", "--arch", "arm64", "--math"]);
    assert_eq!(code, 0);
    assert!(out.contains("cost no more from about 45."), "{out}");
    // Bad values exit 2 naming what is valid.
    for (flags, want) in [
        (&["--memory-mb", "1024"][..], "2,048 to 32,768"),
        (&["--instance-type", "t3.micro"][..], "one of"),
        (&["--region", "ap-south-1"][..], "us-east-1"),
        (&["--memory-mb", "16384"][..], "m7g.4xlarge"),
        (&["--ec2-discount-pct", "90"][..], "72"),
    ] {
        let mut a = vec!["lmi"];
        a.extend_from_slice(flags);
        let (code, _, err) = lambda_lab(&a);
        assert_eq!(code, 2, "{flags:?}");
        assert!(err.contains(want), "{flags:?}: {err}");
    }
}

#[test]
fn front_door_flags_from_the_command_line() {
    // AWS's HTTP API example 1: 432M requests, $418.80 for the API.
    let (code, out, err) =
        lambda_lab(&["cost", "--requests", "432M", "--front-door", "http_api", "--payload-kb", "12", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["front_door_usd"].as_f64(), Some(418.8));
    for m in ["logs_usd", "egress_usd", "nat_usd"] {
        assert_eq!(v[m].as_f64(), Some(0.0), "{m}");
    }
    let (code, out, _) = lambda_lab(&["cost", "--front-door", "alb", "--egress-gb", "500", "--math"]);
    assert_eq!(code, 0);
    assert!(out.contains("ALB-hours") && out.contains("100 GB free"), "{out}");
    for (flags, want) in [
        (&["--front-door", "nginx"][..], "one of"),
        (&["--rest-cache-gb", "2"][..], "one of"),
        (&["--log-retention-days", "0"][..], "log_retention_days"),
    ] {
        let mut a = vec!["cost"];
        a.extend_from_slice(flags);
        let (code, _, err) = lambda_lab(&a);
        assert_eq!(code, 2, "{flags:?}");
        assert!(err.contains(want), "{flags:?}: {err}");
    }
}

#[test]
fn a_newcomer_finds_every_command_and_its_other_names() {
    let (code, help, _) = lambda_lab(&["--help"]);
    assert_eq!(code, 0);
    for c in ["cost", "power", "coldstart", "simulate", "lmi", "--version"] {
        assert!(help.contains(c), "--help omits {c}: {help}");
    }
    for alias in ["sim", "traffic", "simulate"] {
        let (code, out, err) = lambda_lab(&[alias, "--rate-per-s", "1", "--sim-seconds", "60", "--json"]);
        assert_eq!(code, 0, "{alias}: {err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["simulated_s"].as_f64(), Some(60.0), "{alias}");
    }
    let (code, out, _) = lambda_lab(&["--version", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["version"].as_str().is_some_and(|s| !s.is_empty()), "{out}");
}

#[test]
fn a_simulation_without_a_length_runs_a_day_and_says_so() {
    let (code, out, err) = lambda_lab(&["simulate", "--rate-per-s", "7.61"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Simulated 86400 s (automatic)"), "{out}");
    let (code, out, _) = lambda_lab(&["simulate", "--rate-per-s", "1", "--sim-seconds", "3600"]);
    assert_eq!(code, 0);
    assert!(out.contains("misses lifetime recycling"), "{out}");
}

#[test]
fn a_report_log_carries_the_spread_measured_at_each_size() {
    let dir = std::env::temp_dir().join(format!("lambda-lab-cli-spread-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("report.log");
    let mut log = String::new();
    for (m, d) in [(128, 10_900.0), (128, 11_100.0), (1024, 1_390.0), (1024, 1_420.0)] {
        log.push_str(&format!("REPORT RequestId: r\tDuration: {d} ms\tBilled Duration: 1 ms\tMemory Size: {m} MB\n"));
    }
    std::fs::write(&f, log).unwrap();
    let p = f.to_string_lossy().to_string();
    let (code, out, err) = lambda_lab(&["power", "--report-log", &p, "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["best_memory_mb"].as_u64().is_some(), "{out}");
    // The spread is an input: a bad one is refused naming what is valid.
    let (code, _, err) = lambda_lab(&["power", "--points-cv", "128:banana"]);
    assert_eq!(code, 2);
    assert!(err.contains("memory:CV pairs"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_whole_bill_in_eu_west_1_from_the_command_line() {
    let (code, out, err) = lambda_lab(&[
        "cost",
        "--region",
        "eu-west-1",
        "--front-door",
        "http_api",
        "--log-kb-per-invocation",
        "1.5",
        "--requests",
        "20M",
        "--memory-mb",
        "1024",
        "--duration-ms",
        "180",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["front_door_usd"].as_f64(), Some(22.2));
    assert!(v["logs_usd"].as_f64().unwrap() > 13.0, "{out}");
    assert_eq!(v["unpriced_lines"].as_u64(), Some(0));
    // Where a rate is not verified, the line says so and the total leaves it out.
    let (code, out, err) = lambda_lab(&["cost", "--region", "af-south-1", "--front-door", "rest_api"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("not priced") && out.contains("Not in this total, for want of a verified rate in af-south-1"),
        "{out}"
    );
    let (code, out, _) = lambda_lab(&["cost", "--region", "af-south-1", "--front-door", "rest_api", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["front_door_usd"].is_null() && v["unpriced_lines"].as_u64() == Some(1), "{out}");
}

#[test]
fn a_huge_bill_never_prints_a_negative_figure() {
    let args = [
        "cost",
        "--requests",
        "1",
        "--durable-executions",
        "1000000000000",
        "--durable-kb-per-execution",
        "1000000000",
    ];
    let (code, out, err) = lambda_lab(&args);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains(" -"), "{out}");
    let mut json = args.to_vec();
    json.push("--json");
    let (code, out, _) = lambda_lab(&json);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["per_million_usd"].is_null(), "{out}");
    assert_eq!(v["per_invocation_usd"].as_f64(), Some(320_000_032_000_000.0));
}

#[test]
fn microvms_prices_aws_s_two_examples_and_explains_the_gap() {
    let sandboxes = [
        "microvms",
        "--baseline-gb",
        "2",
        "--peak-multiple",
        "4",
        "--peak-share",
        "0.25",
        "--sessions",
        "2000",
        "--session-s",
        "9000",
        "--suspends-per-session",
        "6",
        "--suspended-s",
        "19800",
        "--images",
        "5",
        "--image-gb",
        "2",
    ];
    let (code, out, err) = lambda_lab(&sandboxes);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("$1241.09  1241.08594363"), "{out}");
    assert!(out.contains("Note: AWS's sandbox example totals $1,241.22"), "{out}");
    let mut json = sandboxes.to_vec();
    json.push("--json");
    let (_, out, _) = lambda_lab(&json);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["compute_usd"].as_f64(), Some(1103.3757));
    let ci = "microvms --baseline-gb 8 --peak-multiple 4 --peak-share 0.1 --sessions 10000 --session-s 600 --images 1";
    let (code, out, err) = lambda_lab(&ci.split(' ').collect::<Vec<_>>());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("$1123.96  1123.964980206"), "{out}");
    // A lifetime past 8 hours is refused, naming the field and what is valid.
    let (code, _, err) =
        lambda_lab(&["microvms", "--session-s", "28800", "--suspended-s", "1", "--suspends-per-session", "1"]);
    assert_eq!(code, 2);
    assert!(err.contains("suspended_s") && err.contains("use 0 to 0 s"), "{err}");
}

#[test]
fn platforms_prices_one_workload_everywhere_with_its_crossovers() {
    let (code, out, err) = lambda_lab(&["platforms"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Lambda on demand              $179.80"), "{out}");
    assert!(out.contains("Fargate                       $140.73  29.69 req/s"), "{out}");
    assert!(out.contains("Managed Instances             $431.02  never"), "{out}");
    assert!(out.contains("Cheapest this month: Fargate, $140.73"), "{out}");
    let (code, out, err) = lambda_lab(&[
        "platforms",
        "--region",
        "eu-west-1",
        "--arch",
        "arm64",
        "--fargate-vcpu",
        "0.5",
        "--fargate-gb",
        "1",
        "--fargate-tasks",
        "2",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["tasks"].as_f64(), Some(2.0));
    assert_eq!(v["fargate_usd"].as_f64(), Some(63.419888888888));
    for k in ["lambda_usd", "lmi_usd", "ec2_usd", "crossover_lmi_rps", "crossover_fargate_rps", "crossover_ec2_rps"] {
        assert!(v.get(k).is_some(), "{k}: {out}");
    }
    // Where Fargate has no rates here, Lambda is still priced and the line says so.
    let (code, out, _) = lambda_lab(&["platforms", "--region", "ap-south-1"]);
    assert_eq!(code, 0);
    assert!(
        out.lines().any(|l| l.contains("Fargate") && l.contains("not priced  (no rates for ap-south-1 here)")),
        "{out}"
    );
    // A task size Fargate does not run is refused, naming the field and the sizes it has.
    let (code, _, err) = lambda_lab(&["platforms", "--fargate-vcpu", "0.25", "--fargate-gb", "4"]);
    assert_eq!(code, 2);
    assert!(err.contains("fargate_gb") && err.contains("0.5, 1 or 2 GB"), "{err}");
}

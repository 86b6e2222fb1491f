//! `lambda-lab` with arguments a careless user or a script could give it, run
//! in-process (`lambda_lab_cli::run`): it never panics, every refusal is one
//! message that starts with `lambda-lab:`, and `--json` output is JSON with
//! finite numbers. Cases: `LAMBDA_LAB_FUZZ_CASES` (a bounded pass by
//! default); `cargo xtask fuzz` runs a million.

use lambda_model::base::json::{self, Json};
use lambda_model::base::rng::Rng;
use lambda_model::calculators::CALCULATORS;
use std::time::Instant;

fn env(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.replace('_', "").parse().ok())
}

fn below(rng: &mut Rng, n: u64) -> u64 {
    rng.next_u64() % n.max(1)
}

const WORDS: &[&str] = &[
    "",
    "-",
    "--",
    "---",
    "--json",
    "--math",
    "--help",
    "-h",
    "help",
    "--scenario",
    "/nonexistent/file.json",
    "--report-log",
    "--memory-mb",
    "--memory_mb",
    "--memory-mb=",
    "--memory-mb=512",
    "512",
    "-1",
    "NaN",
    "1e999",
    "💥",
    "x86_64",
    "arm64",
    "--region",
    "mars-1",
    "--duration-cv",
    "1e-9",
    "--requests",
    "20000000",
    "--sim-seconds",
    "5",
    "--rate-per-s",
    "1e5",
    "--power-tuning",
    "#gAA=",
    "--points",
    "128:1,256:0.5",
    "--v",
    "2",
    "cost",
    "power",
    "coldstart",
    "simulate",
    "--version",
];

#[test]
fn the_cli_never_panics_and_says_what_is_wrong() {
    let cases = env("LAMBDA_LAB_FUZZ_CASES").unwrap_or(1_500);
    let seconds = env("LAMBDA_LAB_FUZZ_SECONDS").map(|s| s as f64);
    let seed = env("LAMBDA_LAB_FUZZ_SEED").unwrap_or(0x1A3B_DA1A_B000_0001);
    let mut rng = Rng::new(seed ^ 0xC11);
    let start = Instant::now();
    let mut n = 0;
    while n < cases {
        let mut args: Vec<String> = Vec::new();
        if below(&mut rng, 10) > 0 {
            args.push(CALCULATORS[below(&mut rng, CALCULATORS.len() as u64) as usize].name.to_string());
        }
        for _ in 0..below(&mut rng, 8) {
            let a = if below(&mut rng, 3) == 0 && !args.is_empty() {
                // A real flag of the command, with a value from the word list.
                let calc = CALCULATORS.iter().find(|c| c.name == args[0]);
                match calc {
                    Some(c) => {
                        let spec = &c.specs[below(&mut rng, c.specs.len() as u64) as usize];
                        args.push(spec.flag());
                        WORDS[below(&mut rng, WORDS.len() as u64) as usize].to_string()
                    }
                    None => WORDS[below(&mut rng, WORDS.len() as u64) as usize].to_string(),
                }
            } else {
                WORDS[below(&mut rng, WORDS.len() as u64) as usize].to_string()
            };
            args.push(a);
        }
        // Keep simulations small; the properties are what is checked.
        if args.first().is_some_and(|a| a == "simulate") {
            args.extend(["--sim-seconds".into(), "5".into(), "--rate-per-s".into(), "10".into()]);
        }
        let json_wanted = args.iter().any(|a| a == "--json");
        match lambda_lab_cli::run(&args) {
            Ok(out) => {
                assert!(!out.is_empty(), "case {n}: {args:?}: empty output");
                let helpish = args.iter().any(|a| matches!(a.as_str(), "-h" | "--help" | "help" | "--version"));
                if json_wanted && !helpish && out.trim_start().starts_with('{') {
                    let doc = json::parse(&out).unwrap_or_else(|e| panic!("case {n}: {args:?}: not JSON: {e}\n{out}"));
                    for (k, v) in doc.as_object().unwrap_or(&[]) {
                        if let Json::Num(_) = v {
                            assert!(
                                v.as_f64().is_some_and(f64::is_finite),
                                "case {n}: {args:?}: {k} = {}",
                                v.to_text()
                            );
                        }
                    }
                }
            }
            Err(msg) => {
                assert!(msg.starts_with("lambda-lab:"), "case {n}: {args:?}: {msg:?}");
                assert!(msg.len() < 10_000, "case {n}: {args:?}: {} bytes of message", msg.len());
            }
        }
        n += 1;
        if n % 256 == 0 && seconds.is_some_and(|s| start.elapsed().as_secs_f64() > s) {
            break;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "fuzz: {:<28} {n:>10} cases, 0 failures, {:>9.0} cases/s (seed {seed})",
        "CLI arguments",
        n as f64 / secs.max(1e-9)
    );
}

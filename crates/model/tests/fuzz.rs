//! The engine's fuzzing, on stable Rust: seeded generators over every public
//! entry point that takes outside input, checked against properties, not
//! only "no panic". `cargo test` runs a bounded pass (a few thousand cases
//! per entry point); `cargo xtask fuzz` runs a million or more each, in
//! release with overflow checks, and prints cases per second.
//!
//! `LAMBDA_LAB_FUZZ_CASES` sets the cases per entry point, `LAMBDA_LAB_FUZZ_SECONDS`
//! caps the time per entry point, `LAMBDA_LAB_FUZZ_SEED` the seed. A failure
//! prints the seed, the case number and the input; found inputs become
//! regression tests (`tests/regressions.rs`).

use lambda_model::base::money::Usd;
use lambda_model::base::rng::Rng;
use lambda_model::billing::{self, COST_PARAMS, CostInput, FreeTierOrder};
use lambda_model::calculators::cost;
use lambda_model::calculators::decode_query;
use lambda_model::calculators::export;
use lambda_model::calculators::managed_instances::{self as lmi, LMI_PARAMS};
use lambda_model::calculators::power::{self, POWER_PARAMS};
use lambda_model::models::analytic;
use lambda_model::models::powertuning;
use lambda_model::models::report;
use lambda_model::models::trace::TraceReader;
use lambda_model::params::metrics::MetricValue;
use lambda_model::params::{Date, Kind, PRESENTATION_KEYS, ParamSpec, Values, percent_encode};
use lambda_model::simulation::{self, SIM_PARAMS};
use std::time::Instant;

const TODAY: Date = Date::new(2026, 11, 23);

fn env(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.replace('_', "").parse().ok())
}

/// Runs `case` for the configured number of cases (`default` in a plain
/// `cargo test`), and reports cases per second.
fn fuzz(name: &str, default: u64, mut case: impl FnMut(&mut Rng, u64)) {
    let cases = env("LAMBDA_LAB_FUZZ_CASES").unwrap_or(default);
    let seconds = env("LAMBDA_LAB_FUZZ_SECONDS").map(|s| s as f64);
    let seed = env("LAMBDA_LAB_FUZZ_SEED").unwrap_or(0x1A3B_DA1A_B000_0001);
    let mut rng = Rng::new(seed ^ fxhash(name));
    let start = Instant::now();
    let mut n = 0;
    while n < cases {
        case(&mut rng, n);
        n += 1;
        if n % 1024 == 0 && seconds.is_some_and(|s| start.elapsed().as_secs_f64() > s) {
            break;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("fuzz: {name:<28} {n:>10} cases, 0 failures, {:>9.0} cases/s (seed {seed})", n as f64 / secs.max(1e-9));
}

fn fxhash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

fn below(rng: &mut Rng, n: u64) -> u64 {
    rng.next_u64() % n.max(1)
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[below(rng, items.len() as u64) as usize]
}

/// Text a careless user, a broken link or an attacker could send.
fn garbage(rng: &mut Rng) -> String {
    const BITS: &[&str] = &[
        "",
        "0",
        "-1",
        "1e999",
        "-0",
        "NaN",
        "inf",
        "1e-400",
        "0x10",
        "١٢٣",
        "1,5",
        " 12 ",
        "12abc",
        "%",
        "%zz",
        "%00",
        "&",
        "=",
        "<script>",
        "\u{feff}",
        "💥",
        "null",
        "true",
        "9223372036854775808",
        "1.0000000000000002",
        "3008",
        "128.5",
        "10241",
        "arm64",
        "x86_64",
        "us-east-1",
        "mars-1",
        "2025-08-01",
        "2025-13-40",
        ",,",
        "1:2",
        "128:0",
        "128:1e9,256:1",
        "zip",
        "image",
        "java21",
        "provided.al2023",
    ];
    let mut s = String::new();
    for _ in 0..=below(rng, 3) {
        let bit: &&str = pick(rng, BITS);
        s.push_str(bit);
    }
    if below(rng, 50) == 0 {
        s.push_str(&"9".repeat(below(rng, 400) as usize));
    }
    s
}

/// A value for one parameter: usually valid, sometimes at or past a bound,
/// sometimes garbage.
fn value_for(rng: &mut Rng, spec: &ParamSpec) -> String {
    if below(rng, 8) == 0 {
        return garbage(rng);
    }
    match spec.kind {
        Kind::Int { min, max } => {
            let v = match below(rng, 6) {
                0 => min,
                1 => max,
                2 => max.saturating_add(1),
                _ => min + (rng.unit() * (max - min) as f64) as i64,
            };
            v.to_string()
        }
        Kind::Num { min, max } => {
            let v = match below(rng, 7) {
                0 => min,
                1 => max,
                2 => max * 1.5 + 1.0,
                3 => min + (max - min) * rng.unit().powi(8),
                4 => min + 1e-9 * rng.unit(),
                _ => min + (max - min) * rng.unit(),
            };
            format!("{v}")
        }
        Kind::Bool => pick(rng, &["true", "false", "1", "0", "yes", "off"]).to_string(),
        Kind::Choice(options) => pick(rng, options).to_string(),
        Kind::Date => format!("{}-{:02}-{:02}", 2019 + below(rng, 10), 1 + below(rng, 12), 1 + below(rng, 28)),
        Kind::IntList { min, max } => (0..=below(rng, 20))
            .map(|_| (min + (rng.unit() * (max - min) as f64) as i64).to_string())
            .collect::<Vec<_>>()
            .join(","),
        Kind::PairList { min_x, max_x, max_y } => (0..below(rng, 8))
            .map(|_| {
                let x = min_x + (rng.unit() * (max_x - min_x) as f64) as i64;
                format!("{x}:{}", max_y * rng.unit().powi(4) + 0.001)
            })
            .collect::<Vec<_>>()
            .join(","),
        Kind::Text { max_len } => {
            let mut s = garbage(rng);
            s.truncate(max_len);
            s
        }
    }
}

/// A URL query for a calculator: some of its parameters, now and then an
/// unknown or presentation key, a version, or percent-encoding.
fn query(rng: &mut Rng, specs: &'static [ParamSpec]) -> String {
    let mut pairs: Vec<String> = Vec::new();
    if below(rng, 4) > 0 {
        pairs.push(format!("v={}", pick(rng, &["1", "1", "2", "0", "x"])));
    }
    for _ in 0..below(rng, 8) {
        let (k, v) = match below(rng, 12) {
            0 => (garbage(rng), garbage(rng)),
            1 => (pick(rng, PRESENTATION_KEYS).to_string(), garbage(rng)),
            _ => {
                let spec = pick(rng, specs);
                (spec.name.to_string(), value_for(rng, spec))
            }
        };
        pairs.push(if below(rng, 3) == 0 { format!("{k}={}", percent_encode(&v)) } else { format!("{k}={v}") });
    }
    pairs.join("&")
}

fn known(specs: &[ParamSpec], param: &str) -> bool {
    param == "v" || specs.iter().any(|s| s.name == param)
}

/// Every line is a charge (≥ 0) except the Savings Plan line, a deduction (≤ 0).
fn lines_nonnegative(r: &billing::CostResult) -> bool {
    r.lines.items().iter().all(|(name, _, u)| if *name == "savings_usd" { *u <= Usd::ZERO } else { *u >= Usd::ZERO })
        && r.total >= Usd::ZERO
}

/// A valid cost scenario, for the properties that compare two prices.
fn valid_cost(rng: &mut Rng) -> Values {
    loop {
        let d = decode_query(COST_PARAMS, &query(rng, COST_PARAMS));
        if d.errors.is_empty() && cost::evaluate(&d.values, TODAY).is_ok() {
            return d.values;
        }
    }
}

#[test]
fn cost_queries() {
    fuzz("cost queries", 3_000, |rng, n| {
        let q = query(rng, COST_PARAMS);
        let d = decode_query(COST_PARAMS, &q);
        for e in &d.errors {
            assert!(known(COST_PARAMS, &e.param), "case {n}: {q:?}: error names {:?}", e.param);
            assert!(!e.message.is_empty());
        }
        match cost::evaluate(&d.values, TODAY) {
            Ok(r) => {
                assert!(lines_nonnegative(&r), "case {n}: {q:?}: a negative line");
                let sum = r.lines.items().iter().fold(Usd::ZERO, |a, (_, _, u)| a + *u);
                assert_eq!(sum, r.total, "case {n}: {q:?}: the lines do not add up");
                for (name, v) in r.metrics() {
                    if let MetricValue::Num(x) = v {
                        assert!(x.is_finite(), "case {n}: {q:?}: {name} is {x}");
                    }
                }
            }
            Err(errs) => {
                for e in errs {
                    assert!(known(COST_PARAMS, &e.param), "case {n}: {q:?}: error names {:?}", e.param);
                }
            }
        }
    });
}

#[test]
fn lmi_queries() {
    // Fewer cases: each one prices about 80 traffic levels for the crossover.
    fuzz("managed instances queries", 300, |rng, n| {
        let q = query(rng, LMI_PARAMS);
        let d = decode_query(LMI_PARAMS, &q);
        for e in &d.errors {
            assert!(known(LMI_PARAMS, &e.param), "case {n}: {q:?}: error names {:?}", e.param);
        }
        match lmi::evaluate(&d.values) {
            Ok(r) => {
                let b = &r.bill;
                assert!(
                    b.ec2_usd >= Usd::ZERO && b.fee_usd >= Usd::ZERO && b.request_usd >= Usd::ZERO,
                    "case {n}: {q:?}"
                );
                assert_eq!(
                    b.ec2_usd + b.fee_usd + b.request_usd,
                    b.total_usd,
                    "case {n}: {q:?}: the lines do not add up"
                );
                assert!(b.ec2_usd <= b.ec2_on_demand_usd, "case {n}: {q:?}: a discount raised the bill");
                assert!(r.capacity.instances >= r.input.min_environments as u64, "case {n}: {q:?}");
                assert!(r.lambda_usd >= Usd::ZERO, "case {n}: {q:?}");
                if let Some(x) = r.crossover_rps {
                    assert!((lmi::RPS_RANGE.0..=lmi::RPS_RANGE.1).contains(&x), "case {n}: {q:?}: crossover {x}");
                }
                for (name, v) in r.metrics() {
                    if let MetricValue::Num(x) = v {
                        assert!(x.is_finite(), "case {n}: {q:?}: {name} is {x}");
                    }
                }
            }
            Err(errs) => {
                for e in errs {
                    assert!(known(LMI_PARAMS, &e.param), "case {n}: {q:?}: error names {:?}", e.param);
                    assert!(!e.message.is_empty());
                }
            }
        }
    });
}

/// A valid Managed Instances workload: a random query with the environment
/// sized in whole vCPUs at its ratio (most random sizes are not).
fn valid_lmi(rng: &mut Rng) -> Values {
    loop {
        let mut v = decode_query(LMI_PARAMS, &query(rng, LMI_PARAMS)).values;
        let ratio = match below(rng, 3) {
            0 => *pick(rng, &[2.0, 4.0, 8.0]),
            1 => 2.0 + below(rng, 61) as f64 / 10.0,
            _ => 2.0 + rng.unit() * 6.0,
        };
        let vcpus = 1 + below(rng, 16);
        let mb = (vcpus as f64 * ratio * 1024.0).round();
        if v.set("memory_per_vcpu_gb", &format!("{ratio}")).is_err() || v.set("memory_mb", &format!("{mb}")).is_err() {
            continue;
        }
        if below(rng, 2) == 0 {
            let _ = v.set("instance_hours", "0");
        }
        if lmi::input(&v).is_ok() {
            return v;
        }
    }
}

fn lmi_total(v: &Values) -> Option<Usd> {
    let i = lmi::input(v).ok()?;
    Some(lmi::bill(&i, i.requests).1.total_usd)
}

#[test]
fn lmi_is_monotone_in_what_it_serves() {
    // Issue 28 item 5. With the capacity assumptions fixed, serving more
    // (requests, duration, peak, headroom, CPU share, the minimum, the
    // instance-hours given) never costs less; nor does more memory for the
    // same vCPUs, nor keeping more of each instance back; a bigger discount
    // never costs more. Memory grows only in whole vCPUs (anything between is
    // refused), and a larger environment can fill an instance better: that
    // case is named in the math, not a property.
    fuzz("managed instances monotonicity", 3_000, |rng, n| {
        let v = valid_lmi(rng);
        let t0 = lmi_total(&v).unwrap();
        let grow = |rng: &mut Rng, now: f64, int: bool| {
            let x =
                now * (1.0 + rng.unit() * if below(rng, 2) == 0 { 1e-6 } else { 3.0 }) + if int { 1.0 } else { 0.0 };
            if int { format!("{}", x.ceil()) } else { format!("{x}") }
        };
        for (name, int, up) in [
            ("requests", true, true),
            ("duration_ms", false, true),
            ("peak_to_mean", false, true),
            ("headroom_pct", false, true),
            ("cpu_share_pct", false, true),
            ("min_environments", true, true),
            ("instance_hours", false, true),
            ("reserved_vcpus", true, true),
            ("reserved_gb", false, true),
            ("ec2_discount_pct", false, false),
        ] {
            let mut w = v.clone();
            let now = v.num(name);
            if w.set(name, &grow(rng, now, int)).is_err() {
                continue;
            }
            let Some(t1) = lmi_total(&w) else { continue };
            assert!(
                if up { t1 >= t0 } else { t1 <= t0 },
                "case {n}: {name} {now} → {} moved the bill the wrong way: {} → {} ({})",
                w.get(name),
                t0.to_decimal(),
                t1.to_decimal(),
                v.to_query()
            );
        }
        // More memory per vCPU, the same vCPUs per environment.
        let i = lmi::input(&v).unwrap();
        let vcpus = (i.memory_mb as f64 / (i.memory_per_vcpu_gb * 1024.0)).round();
        let ratio = i.memory_per_vcpu_gb + (8.0 - i.memory_per_vcpu_gb) * rng.unit();
        let mut w = v.clone();
        if w.set("memory_per_vcpu_gb", &format!("{ratio}")).is_ok()
            && w.set("memory_mb", &format!("{}", (vcpus * ratio * 1024.0).round())).is_ok()
            && let Some(t1) = lmi_total(&w)
        {
            assert!(
                t1 >= t0,
                "case {n}: more memory per vCPU cost less: {} → {} ({})",
                t0.to_decimal(),
                t1.to_decimal(),
                v.to_query()
            );
        }
    });
}

/// With provisioned concurrency, the invocations that fit its capacity are a
/// whole number: a longer duration can leave a sliver of capacity unused and
/// move one more invocation to on-demand rates (free under the free tier), so
/// the bill may fall by less than one invocation's duration on PC.
fn pc_slack(v: &Values) -> Usd {
    if v.int("pc_units") == 0 {
        return Usd::ZERO;
    }
    let gb_s = v.num("memory_mb") / 1024.0 * (v.num("duration_ms").max(v.num("pc_duration_ms")) + 1.0) / 1000.0;
    Usd((gb_s * 0.00003 * 1e18) as i128)
}

#[test]
fn cost_is_monotone_in_requests_duration_and_memory() {
    fuzz("cost monotonicity", 1_500, |rng, n| {
        let v = valid_cost(rng);
        let t0 = cost::evaluate(&v, TODAY).unwrap().total;
        for (name, grow) in [
            ("requests", 1.0 + rng.unit() * 3.0),
            ("duration_ms", 1.0 + rng.unit() * 0.5),
            ("duration_ms", 1.0 + 1e-7 * rng.unit()),
            ("memory_mb", 1.0 + rng.unit()),
        ] {
            let mut w = v.clone();
            let now = v.num(name);
            let more = if name == "duration_ms" { now * grow } else { (now * grow).ceil() };
            if w.set(name, &format!("{more}")).is_err() {
                continue;
            }
            let Ok(r) = cost::evaluate(&w, TODAY) else { continue };
            assert!(
                r.total + pc_slack(&w) >= t0,
                "case {n}: {name} {now} → {more} made it cheaper: {} < {} ({})",
                r.total.to_decimal(),
                t0.to_decimal(),
                v.to_query()
            );
        }
    });
}

#[test]
fn cost_is_monotone_in_every_volume() {
    // Issue 28: each line's quantity, grown alone, never lowers the bill; a
    // bigger Savings Plan never raises it. (Provisioned-concurrency hours are
    // not a quantity of this kind: more of them move invocations to the
    // cheaper PC duration rate.)
    // The function's own quantities; then every product around it
    // (`billing::PRODUCT_PARAMS`) but the front door, a choice.
    const OWN: &[&str] = &[
        "ephemeral_mb",
        "cold_start_ratio",
        "init_ms",
        "snapstart_hours",
        "restore_ratio",
        "stream_gb",
        "async_event_kb",
    ];
    fuzz("cost monotonicity, every line", 1_500, |rng, n| {
        let v = valid_cost(rng);
        let base = cost::evaluate(&v, TODAY).unwrap();
        let t0 = base.total;
        let mut names: Vec<(&str, bool)> = OWN
            .iter()
            .chain(billing::PRODUCT_PARAMS.iter().filter(|k| **k != "front_door"))
            .map(|k| (*k, true))
            .collect();
        names.push(("savings_plan_pct", false));
        for (name, up) in names {
            let spec = COST_PARAMS.iter().find(|s| s.name == name).unwrap();
            let now: f64 = v.get(name).to_string().parse().unwrap();
            if name == "alb_connections_per_s" && now == 0.0 {
                continue; // 0 means one per request, the most there can be
            }
            let grown = now * (1.0 + rng.unit() * if below(rng, 2) == 0 { 1e-6 } else { 3.0 });
            let more = match spec.kind {
                Kind::Int { .. } => format!("{}", grown.ceil() + 1.0),
                // A size from the list, larger than now.
                Kind::Choice(sizes) => {
                    match sizes.iter().filter(|s| s.parse::<f64>().is_ok_and(|x| x > now)).collect::<Vec<_>>() {
                        larger if larger.is_empty() => continue,
                        larger => pick(rng, &larger).to_string(),
                    }
                }
                _ => format!("{}", grown + rng.unit()),
            };
            let mut w = v.clone();
            if w.set(name, &more).is_err() {
                continue;
            }
            let Ok(r) = cost::evaluate(&w, TODAY) else { continue };
            if r.unpriced.len() > base.unpriced.len() {
                // A quantity that reaches a line (or a tier) with no verified
                // rate in the region takes the line out of the total, and
                // the page says so: the totals do not compare.
                assert!(r.leaves_out().is_some(), "case {n}");
                continue;
            }
            assert!(
                if up { r.total + pc_slack(&w) >= t0 } else { r.total <= t0 + pc_slack(&w) },
                "case {n}: {name} {now} → {more} moved the bill the wrong way: {} → {} ({})",
                t0.to_decimal(),
                r.total.to_decimal(),
                v.to_query()
            );
        }
    });
}

#[test]
fn power_monthly_cost_grows_with_requests() {
    fuzz("power monotonicity", 300, |rng, n| {
        let q = query(rng, POWER_PARAMS);
        let d = decode_query(POWER_PARAMS, &q);
        let Ok(a) = power::evaluate(&d.values, TODAY) else { return };
        let mut w = d.values.clone();
        let more = (w.num("requests") * (1.0 + rng.unit() * 3.0)).ceil() + 1.0;
        if w.set("requests", &format!("{more}")).is_err() {
            return;
        }
        let Ok(b) = power::evaluate(&w, TODAY) else { return };
        // The same candidate sizes, each costs at least as much a month.
        for (x, y) in a.candidates.iter().zip(&b.candidates) {
            assert_eq!(x.memory_mb, y.memory_mb, "case {n}: {q:?}");
            assert!(
                y.monthly >= x.monthly,
                "case {n}: {q:?}: {} MB: {} → {}",
                x.memory_mb,
                x.monthly.to_decimal(),
                y.monthly.to_decimal()
            );
        }
    });
}

#[test]
fn account_total_grows_with_its_functions() {
    fuzz("account monotonicity", 1_000, |rng, n| {
        let inputs: Vec<CostInput> =
            (0..1 + below(rng, 4)).map(|_| CostInput::from_values(&valid_cost(rng), TODAY).unwrap()).collect();
        let extra = CostInput::from_values(&valid_cost(rng), TODAY).unwrap();
        for order in [FreeTierOrder::X86First, FreeTierOrder::ArmFirst] {
            let a = cost::price_account(&inputs, order).unwrap().total;
            let mut more = inputs.clone();
            more.push(extra.clone());
            let b = cost::price_account(&more, order).unwrap().total;
            assert!(b >= a, "case {n}: adding a function lowered the account: {} → {}", a.to_decimal(), b.to_decimal());
        }
    });
}

#[test]
fn scenario_queries_round_trip() {
    for (calc, specs) in [("cost", COST_PARAMS), ("power", POWER_PARAMS), ("simulate", SIM_PARAMS)] {
        fuzz(&format!("{calc} query round trip"), 2_000, |rng, n| {
            let d = decode_query(specs, &query(rng, specs));
            let q = d.values.to_query();
            let again = decode_query(specs, &q);
            assert!(again.errors.is_empty() && again.unknown.is_empty(), "case {n}: {q:?}: {:?}", again.errors);
            assert_eq!(again.values, d.values, "case {n}: {q:?}");
            assert_eq!(again.values.to_query(), q);
        });
    }
}

#[test]
fn json_export_import_is_exact() {
    for (calc, specs) in [("cost", COST_PARAMS), ("power", POWER_PARAMS), ("simulate", SIM_PARAMS)] {
        fuzz(&format!("{calc} JSON round trip"), 2_000, |rng, n| {
            let v = decode_query(specs, &query(rng, specs)).values;
            let json = export::to_json(calc, &v, &[("total_usd", MetricValue::Usd(Usd::ZERO))]);
            let back = export::from_json(specs, calc, &json).unwrap_or_else(|e| panic!("case {n}: {e}\n{json}"));
            assert!(back.errors.is_empty() && back.unknown.is_empty(), "case {n}: {:?}", back.errors);
            assert_eq!(back.values, v, "case {n}");
            assert_eq!(export::to_json(calc, &back.values, &[("total_usd", MetricValue::Usd(Usd::ZERO))]), json);
        });
    }
}

#[test]
fn json_import_of_anything() {
    fuzz("JSON import (garbage)", 3_000, |rng, n| {
        let mut doc = match below(rng, 4) {
            0 => garbage(rng),
            1 => format!("{{\"calculator\":\"cost\",\"v\":{},\"params\":{{{}}}}}", garbage(rng), {
                (0..below(rng, 6))
                    .map(|_| {
                        format!(
                            "{:?}:{}",
                            pick(rng, COST_PARAMS).name,
                            pick(rng, &["1", "\"x\"", "null", "[1,2]", "{}", "1e999", "-5", "true"])
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            }),
            2 => export::to_json("cost", &valid_cost(rng), &[]),
            _ => "[".repeat(below(rng, 200) as usize),
        };
        // Mutate a byte or two.
        if below(rng, 2) == 0 && !doc.is_empty() {
            let mut b = doc.into_bytes();
            let i = below(rng, b.len() as u64) as usize;
            b[i] = b"{}[]\",:0e-\\x"[below(rng, 12) as usize];
            doc = String::from_utf8_lossy(&b).into_owned();
        }
        match export::from_json(COST_PARAMS, "cost", &doc) {
            Ok(d) => {
                for e in d.errors {
                    assert!(known(COST_PARAMS, &e.param), "case {n}: {doc:?}: {:?}", e.param);
                }
            }
            Err(e) => assert!(!e.is_empty() && e.len() < 2_000, "case {n}: {} bytes of message", e.len()),
        }
    });
}

#[test]
fn account_queries() {
    fuzz("account", 1_500, |rng, n| {
        let inputs: Vec<CostInput> =
            (0..1 + below(rng, 5)).map(|_| CostInput::from_values(&valid_cost(rng), TODAY).unwrap()).collect();
        for order in [FreeTierOrder::X86First, FreeTierOrder::ArmFirst] {
            let r = cost::price_account(&inputs, order).unwrap_or_else(|e| panic!("case {n}: {e}"));
            assert!(lines_nonnegative(&r), "case {n}");
            // Sharing an account never costs more than pricing each function
            // alone without its free tier.
            let alone: Usd = inputs
                .iter()
                .map(|i| cost::price(&CostInput { free_tier: false, ..i.clone() }).unwrap().total)
                .fold(Usd::ZERO, |a, b| a + b);
            assert!(
                r.total <= alone,
                "case {n}: {} > {}: {:?}",
                r.total.to_decimal(),
                alone.to_decimal(),
                inputs.iter().map(|i| format!("{i:?}")).collect::<Vec<_>>()
            );
        }
    });
}

fn report_line(rng: &mut Rng) -> String {
    let num = |rng: &mut Rng| match below(rng, 6) {
        0 => garbage(rng),
        1 => format!("{}", rng.unit() * 1e6),
        _ => format!("{:.2}", rng.unit() * 3000.0),
    };
    let mem = *pick(rng, &["128", "512", "1024", "10240", "1024.5", "64", "20480", "abc", ""]);
    let mut l = format!("REPORT RequestId: {:x}\tDuration: {} ms\t", rng.next_u64(), num(rng));
    if below(rng, 3) > 0 {
        l.push_str(&format!("Billed Duration: {} ms\t", num(rng)));
    }
    if below(rng, 10) > 0 {
        l.push_str(&format!("Memory Size: {mem} MB\t"));
    }
    l.push_str(&format!("Max Memory Used: {} MB", num(rng)));
    if below(rng, 4) == 0 {
        l.push_str(&format!("\tInit Duration: {} ms", num(rng)));
    }
    l
}

#[test]
fn report_lines() {
    fuzz("REPORT parser", 3_000, |rng, n| {
        let lines: Vec<String> = (0..below(rng, 30))
            .map(|_| match below(rng, 4) {
                0 => garbage(rng),
                1 => format!("START RequestId: {}", garbage(rng)),
                _ => report_line(rng),
            })
            .collect();
        let text = lines.join(if below(rng, 2) == 0 { "\n" } else { "\r\n" });
        let p = report::parse(&text);
        assert_eq!(p.reports.len() + p.skipped + p.malformed.len(), text.lines().count(), "case {n}");
        for r in &p.reports {
            assert!(
                r.memory_mb.fract() == 0.0 && (128.0..=10240.0).contains(&r.memory_mb),
                "case {n}: {}",
                r.memory_mb
            );
            assert!(r.duration_ms.is_finite() && r.duration_ms >= 0.0);
        }
        for pt in p.points() {
            assert!(pt.duration_ms.is_finite());
        }
        assert_eq!(report::parse_bytes(text.as_bytes()), p, "case {n}: bytes and text disagree");
    });
}

/// One line of a timestamp file: every kind, and what else files hold.
fn trace_line(rng: &mut Rng) -> String {
    match below(rng, 8) {
        0 => garbage(rng),
        1 => format!("{:.3}", rng.unit() * 3600.0),
        2 => format!("{}", 1_764_762_048 + below(rng, 100_000)),
        3 => format!("{}", 1_764_762_048_000u64 + below(rng, 100_000_000)),
        4 => format!(
            "20{:02}-{:02}-{:02}T{:02}:{:02}:{:02}.{}{}",
            below(rng, 100),
            below(rng, 14),
            below(rng, 32),
            below(rng, 25),
            below(rng, 61),
            below(rng, 62),
            below(rng, 1000),
            pick(rng, &["Z", "", "+01:00", "-0530", "+1", "z"])
        ),
        5 => format!("\"{:.1}\",{},{}", rng.unit() * 100.0, garbage(rng), garbage(rng)),
        6 => String::new(),
        _ => format!("{:.6}", rng.unit() * 1e9),
    }
}

#[test]
fn trace_files() {
    fuzz("trace file reader", 2_000, |rng, n| {
        let max_len = 1 + below(rng, 400) as usize;
        let mut text = (0..below(rng, 60)).map(|_| trace_line(rng)).collect::<Vec<_>>().join("\n");
        if below(rng, 8) == 0 {
            // Bytes that are not UTF-8, and a file without line breaks.
            text = text.replace('\n', if below(rng, 2) == 0 { "\u{fffd}\r\n" } else { "," });
        }
        let mut bytes = text.into_bytes();
        if below(rng, 8) == 0 && !bytes.is_empty() {
            let at = below(rng, bytes.len() as u64) as usize;
            bytes[at] = 0xff;
        }
        let whole = {
            let mut r = TraceReader::new(max_len);
            r.feed(&bytes);
            r.finish()
        };
        let mut r = TraceReader::new(max_len);
        for piece in bytes.chunks(1 + below(rng, 40) as usize) {
            r.feed(piece);
        }
        assert_eq!(r.finish(), whole, "case {n}: slices read differently");
        let s = whole;
        assert!(s.trace.len() <= max_len, "case {n}");
        assert!(s.kept as u64 <= s.count && s.span_s >= 0.0 && s.span_s.is_finite(), "case {n}: {s:?}");
        assert_eq!(s.kept == 0, s.trace.is_empty(), "case {n}");
        assert!(s.mean_rate_per_s.is_none_or(|r| r.is_finite() && r > 0.0), "case {n}");
        if s.kept > 0 {
            let mut v = Values::defaults(SIM_PARAMS);
            v.set("arrival", "trace").unwrap();
            v.set("trace", &s.trace).unwrap_or_else(|e| panic!("case {n}: {e:?} for {:?}", s.trace));
            if v.set("sim_seconds", &s.sim_seconds.to_string()).is_ok() {
                let cfg = simulation::config(&v).unwrap_or_else(|e| panic!("case {n}: {e:?} for {:?}", s.trace));
                assert!(
                    matches!(cfg.arrivals, simulation::Arrivals::Trace { ref times_us } if times_us.len() == s.kept)
                );
            }
        }
    });
}

#[test]
fn power_tuning_decoder() {
    fuzz("Power Tuning decoder", 3_000, |rng, n| {
        let b64 = |rng: &mut Rng| {
            const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
            (0..below(rng, 40)).map(|_| A[below(rng, A.len() as u64) as usize] as char).collect::<String>()
        };
        let text = match below(rng, 4) {
            0 => garbage(rng),
            1 => format!("https://lambda-power-tuning.show/#{};{};{}", b64(rng), b64(rng), b64(rng)),
            2 => format!("#{}", (0..8).map(|_| b64(rng)).collect::<Vec<_>>().join(";")),
            _ => format!(
                "{{\"results\":{{\"stats\":[{}]}}}}",
                (0..below(rng, 5))
                    .map(|_| format!(
                        "{{\"value\":{},\"averageDuration\":{},\"averagePrice\":{}}}",
                        value_for(rng, &POWER_PARAMS[0]),
                        rng.unit() * 1e6,
                        rng.unit().powi(6)
                    ))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        };
        if let Ok(points) = powertuning::decode_any(&text) {
            for p in points {
                assert!(p.memory_mb.fract() == 0.0 && (128.0..=10240.0).contains(&p.memory_mb), "case {n}: {text:?}");
                assert!(p.duration_ms > 0.0 && p.duration_ms <= 900_000.0, "case {n}: {text:?}");
                assert!((1e-10..=1.0).contains(&p.cost_usd), "case {n}: {text:?}");
            }
        }
    });
}

#[test]
fn power_explorer() {
    fuzz("power explorer", 400, |rng, n| {
        let q = query(rng, POWER_PARAMS);
        let d = decode_query(POWER_PARAMS, &q);
        match power::evaluate(&d.values, TODAY) {
            Ok(r) => {
                for row in r.candidates.iter().chain(&r.grid).chain(std::iter::once(&r.best)) {
                    assert!(row.duration_ms.is_finite() && row.duration_ms <= 900_000.0, "case {n}: {q:?}");
                    assert!(row.per_invocation >= Usd::ZERO && row.monthly >= Usd::ZERO, "case {n}: {q:?}");
                }
                assert!(!r.best.timed_out && !r.best.out_of_memory, "case {n}: {q:?}");
            }
            Err(errs) => {
                for e in errs {
                    assert!(known(POWER_PARAMS, &e.param), "case {n}: {q:?}: error names {:?}", e.param);
                }
            }
        }
    });
}

#[test]
fn simulator() {
    fuzz("simulator", 300, |rng, n| {
        let mut q = query(rng, SIM_PARAMS);
        // Keep runs small: the point is the properties, not throughput.
        q.push_str(&format!(
            "&sim_seconds={}&rate_per_s={}&burst_rate_per_s={}",
            1 + below(rng, 60),
            rng.unit().powi(2) * 40.0 + 0.01,
            rng.unit().powi(2) * 200.0
        ));
        let d = decode_query(SIM_PARAMS, &q);
        let Ok(r) = simulation::simulate(&d.values) else { return };
        let m = |name: &str| match r.metrics().into_iter().find(|(k, _)| *k == name).map(|(_, v)| v) {
            Some(MetricValue::Num(x)) => x,
            Some(MetricValue::Count(c)) => c as f64,
            Some(MetricValue::Usd(u)) => u.as_f64(),
            _ => f64::NAN,
        };
        assert!(m("mean_concurrency") <= m("peak_concurrency") + 1e-9, "case {n}: {q:?}");
        assert!(m("cold_starts") <= m("requests"), "case {n}: {q:?}");
        for p in ["p50_ms", "p95_ms", "p99_ms", "p999_ms", "max_ms"] {
            assert!(m(p).is_finite() && m(p) >= 0.0, "case {n}: {q:?}: {p}");
        }
        assert!(m("p50_ms") <= m("p99_ms") && m("p99_ms") <= m("max_ms") + 1e-9, "case {n}: {q:?}");
        assert!(m("cost_total_usd") >= 0.0, "case {n}");
    });
}

#[test]
fn analytic_companions_are_bounded_and_monotone() {
    fuzz("analytic (Poisson, Erlang-B)", 20_000, |rng, n| {
        let rho = match below(rng, 4) {
            0 => rng.unit() * 10.0,
            1 => rng.unit() * 2_000.0,
            2 => 10f64.powf(rng.unit() * 9.0),
            _ => *pick(rng, &[0.0, -1.0, f64::NAN, f64::INFINITY, 745.0, 746.0, 10_000.0, 10_001.0]),
        };
        let q1 = rng.unit();
        let q2 = q1 + (1.0 - q1) * rng.unit();
        let (a, b) = (analytic::poisson_quantile(q1, rho), analytic::poisson_quantile(q2, rho));
        assert!(a <= b, "case {n}: ρ {rho}: quantile({q1}) = {a} > quantile({q2}) = {b}");
        if rho.is_finite() && rho > 0.0 {
            assert!((b as f64) < rho + 50.0 * rho.sqrt() + 100.0, "case {n}: ρ {rho}: {b}");
        }
        let c = analytic::poisson_cdf(a, rho);
        assert!((0.0..=1.0).contains(&c) || rho.is_nan(), "case {n}: ρ {rho}: cdf {c}");
        let e = analytic::erlang_b(below(rng, 5_000) as u32, rho.abs().min(1e6));
        assert!(e.is_nan() || (0.0..=1.0).contains(&e), "case {n}");
    });
}

/// A decimal someone could type or a link could carry: digits, a point, an
/// exponent, signs and the odd stray character, of any length.
fn decimal_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    if below(rng, 4) == 0 {
        s.push(*pick(rng, &['-', '+']));
    }
    let most = if below(rng, 20) == 0 { 900 } else { 25 };
    let digits = 1 + below(rng, most) as usize;
    let point = below(rng, digits as u64 + 2) as usize;
    for k in 0..digits {
        s.push(char::from(b'0' + below(rng, 10) as u8));
        if k == point {
            s.push('.');
        }
    }
    if below(rng, 2) == 0 {
        s.push(*pick(rng, &['e', 'E']));
        if below(rng, 2) == 0 {
            s.push(*pick(rng, &['-', '+']));
        }
        s.push_str(&below(rng, 700).to_string());
    }
    if below(rng, 30) == 0 {
        s.insert(below(rng, s.len() as u64 + 1) as usize, *pick(rng, &['.', 'e', '-', ' ', 'x', '_']));
    }
    s
}

#[test]
fn decimals_read_as_cores_parser() {
    use lambda_model::base::decimal::parse_f64;
    let bits = |x: Option<f64>| x.map(|x| if x.is_nan() { u64::MAX } else { x.to_bits() });
    fuzz("decimal reader", 20_000, |rng, n| {
        let s = match n % 4 {
            0 => garbage(rng),
            // A double's shortest text, or its exponent form.
            1 => {
                let x = f64::from_bits(rng.next_u64());
                if below(rng, 2) == 0 { format!("{x}") } else { format!("{x:e}") }
            }
            _ => decimal_text(rng),
        };
        assert_eq!(bits(parse_f64(&s)), bits(s.parse::<f64>().ok()), "case {n}: {s:?}");
    });
}

#[test]
fn doubles_write_as_cores_formatting() {
    use lambda_model::base::digits::{fmt_fixed, fmt_shortest};
    fuzz("decimal writer", 5_000, |rng, n| {
        let x = match n % 3 {
            0 => f64::from_bits(rng.next_u64()),
            1 => (rng.next_u64() % 10_000_000_000) as f64 / 10f64.powi((rng.next_u64() % 12) as i32),
            _ => f64::from_bits(((rng.next_u64() % 2046 + 1) << 52) + rng.next_u64() % 4),
        };
        assert_eq!(fmt_shortest(x), format!("{x}"), "case {n}: {:#x}", x.to_bits());
        let d = (rng.next_u64() % 20) as usize;
        assert_eq!(fmt_fixed(x, d), format!("{x:.d$}"), "case {n}: {:#x} at {d}", x.to_bits());
    });
}

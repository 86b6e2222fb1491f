//! AWS's published pricing examples (the table in `calculators::published`,
//! from AWS's Lambda pricing page read 2026-11-23) and the rules derived from
//! the billing text. Each test names its vector.

use lambda_model::base::money::{Qty, Usd};
use lambda_model::billing::{self, CostInput, FreeTierOrder};
use lambda_model::calculators::cost::{evaluate, price, price_account};
use lambda_model::params::{Date, Values};

const TODAY: Date = Date::new(2026, 11, 23);

fn scenario(pairs: &[(&str, &str)]) -> Values {
    let mut v = Values::defaults(billing::COST_PARAMS);
    for (k, val) in pairs {
        v.set(k, val).unwrap_or_else(|e| panic!("{k}={val}: {e}"));
    }
    v
}

fn input(pairs: &[(&str, &str)]) -> CostInput {
    CostInput::from_values(&scenario(pairs), TODAY).unwrap_or_else(|e| panic!("{e:?}"))
}

fn usd(s: &str) -> Usd {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let frac = format!("{frac:0<18}");
    Usd(int.parse::<i128>().unwrap() * 10i128.pow(18) + frac.parse::<i128>().unwrap())
}

#[test]
fn v1_old_page_example_1_is_18_73_at_todays_rate() {
    // Published $18.74 used the old rounded rate $0.00001667; today's rate gives $18.73.
    let r =
        evaluate(&scenario(&[("memory_mb", "512"), ("duration_ms", "1000"), ("requests", "3000000")]), TODAY).unwrap();
    assert_eq!(r.lines.duration_usd, usd("18.33337"));
    assert_eq!(r.lines.request_usd, usd("0.4"));
    assert_eq!(r.total.round_cents(), usd("18.73"));
    assert!(r.notes.iter().any(|n| n.contains("$18.74") && n.contains("0.00001667")));
}

#[test]
fn v2_old_page_example_2_is_11_63() {
    let r =
        evaluate(&scenario(&[("memory_mb", "128"), ("duration_ms", "200"), ("requests", "30000000")]), TODAY).unwrap();
    assert_eq!(r.gb_seconds, Qty::whole(750_000));
    assert_eq!(r.lines.duration_usd, usd("5.833345"));
    assert_eq!(r.lines.request_usd, usd("5.8"));
    assert_eq!(r.total.round_cents(), usd("11.63"));
}

#[test]
fn v3_mobile_backend_is_2_73() {
    let r =
        evaluate(&scenario(&[("memory_mb", "1536"), ("duration_ms", "120"), ("requests", "3000000")]), TODAY).unwrap();
    assert_eq!(r.gb_seconds, Qty::whole(540_000));
    assert_eq!(r.lines.duration_usd, usd("2.333338"));
    assert_eq!(r.lines.request_usd, usd("0.4"));
    assert_eq!(r.total, usd("2.733338"));
    assert_eq!(r.total.round_cents(), usd("2.73"));
}

#[test]
fn v4_telemetry_without_free_tier_is_249_49() {
    let r = evaluate(
        &scenario(&[("memory_mb", "1024"), ("duration_ms", "2000"), ("requests", "7440000"), ("free_tier", "false")]),
        TODAY,
    )
    .unwrap();
    assert_eq!(r.gb_seconds, Qty::whole(14_880_000));
    assert_eq!(r.lines.request_usd, usd("1.488"));
    assert_eq!(r.lines.duration_usd, usd("248.000496"));
    assert_eq!(r.total.round_cents(), usd("249.49"));
    assert!(r.notes.iter().any(|n| n.contains("14.88 million GB-s")));
}

#[test]
fn v5_bert_with_ephemeral_storage_is_106_41() {
    let r = evaluate(
        &scenario(&[("memory_mb", "4096"), ("duration_ms", "280"), ("requests", "6000000"), ("ephemeral_mb", "2048")]),
        TODAY,
    )
    .unwrap();
    assert_eq!(r.lines.duration_usd, usd("105.333544"));
    assert_eq!(r.lines.request_usd, usd("1"));
    assert_eq!(r.lines.ephemeral_usd, usd("0.077868"));
    assert_eq!(r.total.round_cents(), usd("106.41"));
}

/// AWS's Provisioned Concurrency example 1, as parameters.
const PC_EXAMPLE_1: &[(&str, &str)] = &[
    ("memory_mb", "1536"),
    ("duration_ms", "120"),
    ("requests", "3000000"),
    ("pc_units", "100"),
    ("pc_hours", "8"),
    ("pc_requests", "500000"),
    ("pc_duration_ms", "100"),
];

#[test]
fn v6_pc_example_1_takes_the_free_tier_off_the_on_demand_part_19_96() {
    // AWS's Provisioned Concurrency example 1 ("mobile application launch"):
    // 1,536 MB x86, PC 100 for 8 hours serving 500,000 requests at 100 ms, and
    // 2.5M more requests at 120 ms on demand; 3M requests in all. AWS takes the
    // 1M free requests and 400,000 free GB-s off, although the same page says
    // the free tier does not apply to functions enabling PC: the free tier is
    // applied by usage type, never to the PC lines.
    let r = evaluate(&scenario(PC_EXAMPLE_1), TODAY).unwrap();
    let f = &r.functions[0];
    assert_eq!(f.usage.pc_config_gbs, Qty::whole(4_320_000));
    assert_eq!(r.lines.pc_usd, usd("18.000144"));
    assert_eq!(r.lines.pc_usd.round_cents(), usd("18"));
    assert_eq!(f.free_requests_used, 1_000_000);
    assert_eq!(r.lines.request_usd, usd("0.4"));
    assert_eq!(f.usage.pc_duration_gbs, Qty::whole(75_000));
    assert_eq!(r.lines.pc_duration_usd, usd("0.729165"));
    assert_eq!(f.usage.od_gbs, Qty::whole(450_000));
    assert_eq!(f.free_gbs_used, Qty::whole(400_000));
    assert_eq!(r.lines.duration_usd, usd("0.833335"));
    assert_eq!(r.total, usd("19.962644"));
    assert_eq!(r.total.round_cents(), usd("19.96"));
    // "Show the math" cites both of AWS's sentences.
    let math = f.math().join("\n");
    assert!(math.contains("does not apply to functions enabling Provisioned Concurrency"), "{math}");
    assert!(math.contains("1M free tier requests") && math.contains("by usage type"), "{math}");
    // The free tier never reaches the PC lines: with it off, only requests and
    // on-demand duration change.
    let off = evaluate(&scenario(&[PC_EXAMPLE_1, &[("free_tier", "false")]].concat()), TODAY).unwrap();
    assert_eq!((off.lines.pc_usd, off.lines.pc_duration_usd), (r.lines.pc_usd, r.lines.pc_duration_usd));
    assert_eq!(off.lines.request_usd, usd("0.6"));
    assert_eq!(off.lines.duration_usd, usd("7.500015"));
}

#[test]
fn tenant_isolation_example_is_368_67_not_368_74() {
    // AWS's tenant-isolation example: 1,024 MB x86, 10M invocations of 2 s,
    // 200K tenant-isolated environments created, no free tier. AWS writes
    // $2 + $333.34 + $33.4 = $368.74: it rounds $333.334 up, and prices the
    // environments at $0.000167 per GB instead of the Price List's
    // $0.000166667. Exact: $2 + $333.334 + $33.3334 = $368.6674.
    let r = evaluate(
        &scenario(&[
            ("memory_mb", "1024"),
            ("duration_ms", "2000"),
            ("requests", "10000000"),
            ("tenant_environments", "200000"),
            ("free_tier", "false"),
        ]),
        TODAY,
    )
    .unwrap();
    assert_eq!(r.lines.request_usd, usd("2"));
    assert_eq!(r.lines.duration_usd, usd("333.334"));
    assert_eq!(r.functions[0].around.tenant_gb, Qty::whole(200_000));
    assert_eq!(r.lines.tenant_usd, usd("33.3334"));
    assert_eq!(r.total, usd("368.6674"));
    assert_eq!(r.total.round_cents(), usd("368.67"));
    let math = r.functions[0].math().join("\n");
    assert!(
        math.contains("200000 environments created × 1024 MB ÷ 1024 = 200000 GB × $0.000166667 = $33.3334"),
        "{math}"
    );
    assert!(math.contains("$33.40") && math.contains("excludes SnapStart, provisioned concurrency and function URLs"));
    assert!(r.notes.iter().any(|n| n.contains("$368.74") && n.contains("$368.67")), "{:?}", r.notes);
    // arm64 at its own rate; half the memory, half the charge.
    let arm = evaluate(&scenario(&[("memory_mb", "512"), ("arch", "arm64"), ("tenant_environments", "200000")]), TODAY)
        .unwrap();
    assert_eq!(arm.lines.tenant_usd, usd("13.3333"));
    // Where its rate is not known, the line is not priced and the bill says so.
    let eu = evaluate(&scenario(&[("tenant_environments", "10"), ("region", "eu-west-1")]), TODAY).unwrap();
    assert!(eu.unpriced.iter().any(|u| u.line == "tenant_usd" && u.region == "eu-west-1"), "{:?}", eu.unpriced);
    assert!(
        eu.leaves_out().unwrap().contains("verified rate in eu-west-1: Tenant isolation (tenant-isolated environments")
    );
    // What tenant isolation excludes is refused by name.
    for (extra, want) in [(("pc_units", "1"), "provisioned concurrency"), (("snapstart", "true"), "SnapStart")] {
        let mut v = scenario(&[("tenant_environments", "10"), ("runtime", "python3.13")]);
        v.set(extra.0, extra.1).unwrap();
        let errs = evaluate(&v, TODAY).unwrap_err();
        assert!(
            errs.iter().any(|e| e.param == "tenant_environments"
                && e.message.contains(want)
                && e.message.starts_with("Tenant-isolated environments created (tenant_environments)")),
            "{extra:?}: {errs:?}"
        );
    }
}

#[test]
fn v7_cyber_monday_provisioned_concurrency_is_32_26() {
    let r = evaluate(
        &scenario(&[
            ("memory_mb", "4096"),
            ("duration_ms", "280"),
            ("requests", "2000000"),
            ("pc_units", "7"),
            ("pc_hours", "24"),
            ("pc_requests", "2000000"),
            ("free_tier", "false"),
        ]),
        TODAY,
    )
    .unwrap();
    assert_eq!(r.functions[0].usage.pc_config_gbs, Qty::whole(2_419_200));
    assert_eq!(r.lines.pc_usd.round_cents(), usd("10.08"));
    assert_eq!(r.functions[0].usage.pc_duration_gbs, Qty::whole(2_240_000));
    assert_eq!(r.lines.pc_duration_usd.round_cents(), usd("21.78"));
    assert_eq!(r.lines.request_usd, usd("0.4"));
    assert_eq!(r.lines.duration_usd, Usd::ZERO);
    assert_eq!(r.total.round_cents(), usd("32.26"));
}

#[test]
fn v9_streaming_rounding_policy_39_04_vs_39_05() {
    // 1M responses × (7 − 6) MB = 976.5625 GB billable; the example treats the
    // 100 GB streaming free tier as used up, so stream 1,076.5625 GB with it on.
    let r = evaluate(
        &scenario(&[
            ("memory_mb", "1536"),
            ("duration_ms", "500"),
            ("requests", "3000000"),
            ("stream_gb", "1076.5625"),
        ]),
        TODAY,
    )
    .unwrap();
    assert_eq!(r.lines.duration_usd, usd("30.833395"));
    assert_eq!(r.lines.stream_usd, usd("7.8125"));
    assert_eq!(r.rounded_lines_total(), usd("39.04"));
    assert_eq!(r.total, usd("39.045895"));
    assert_eq!(r.total.round_cents(), usd("39.05"));
    assert!(r.notes.iter().any(|n| n.contains("39.04") && n.contains("39.05")));
}

#[test]
fn v16_lambda_at_edge_is_6_63() {
    let r = evaluate(
        &scenario(&[("memory_mb", "128"), ("duration_ms", "10"), ("requests", "10000000"), ("edge", "true")]),
        TODAY,
    )
    .unwrap();
    assert_eq!(r.lines.request_usd, usd("6"));
    assert_eq!(r.lines.duration_usd, usd("0.625125"));
    assert_eq!(r.total.round_cents(), usd("6.63"));
}

#[test]
fn v20_init_billing_log_line_351_ms_after_and_251_before() {
    let base = [
        ("memory_mb", "1024"),
        ("duration_ms", "250.06"),
        ("init_ms", "100.77"),
        ("cold_start_ratio", "1"),
        ("requests", "1"),
    ];
    let after = billing::usage(&input(&[&base[..], &[("billing_date", "2025-08-01")]].concat())).unwrap();
    assert_eq!(after.warm_billed_ns + after.cold_extra_ns, 351_000_000);
    let before = billing::usage(&input(&[&base[..], &[("billing_date", "2025-07-31")]].concat())).unwrap();
    assert_eq!(before.warm_billed_ns + before.cold_extra_ns, 251_000_000);
    // Container images and custom runtimes were billed for INIT before the change.
    for extra in [("package", "image"), ("runtime", "provided.al2023")] {
        let u = billing::usage(&input(&[&base[..], &[("billing_date", "2025-07-31"), extra]].concat())).unwrap();
        assert_eq!(u.warm_billed_ns + u.cold_extra_ns, 351_000_000, "{extra:?}");
    }
}

#[test]
fn pc_break_even_is_60_percent_utilisation_on_both_architectures() {
    for arch in ["x86_64", "arm64"] {
        // One environment, whole month, 1 GB; utilisation u of the month busy.
        let month_ms = 730.0 * 3_600_000.0;
        let cost = |pc: bool, u: f64| {
            let requests = (u * month_ms / 1000.0).round() as u64; // 1 s invocations
            let mut p = vec![("arch", arch), ("memory_mb", "1024"), ("duration_ms", "1000"), ("free_tier", "false")];
            let rq = requests.to_string();
            p.push(("requests", &rq));
            if pc {
                p.extend([("pc_units", "1"), ("pc_hours", "730")]);
            }
            let v = scenario(&p);
            let r = evaluate(&v, TODAY).unwrap();
            (r.total - r.lines.request_usd).as_f64()
        };
        let below = (cost(true, 0.59), cost(false, 0.59));
        let above = (cost(true, 0.61), cost(false, 0.61));
        assert!(below.0 > below.1, "{arch}: PC dearer below 60%");
        assert!(above.0 < above.1, "{arch}: PC cheaper above 60%");
        let at = (cost(true, 0.60), cost(false, 0.60));
        assert!((at.0 - at.1).abs() / at.1 < 1e-4, "{arch}: equal at 60%: {at:?}");
    }
}

#[test]
fn pc_time_rounds_up_to_five_minutes() {
    assert_eq!(billing::pc_billed_seconds(61.0 / 60.0), 65 * 60);
    assert_eq!(billing::pc_billed_seconds(1.0), 60 * 60);
    assert_eq!(billing::pc_billed_seconds(0.0001), 300);
    // 1 unit × 1 GB × 3,900 s × $0.0000041667 = $0.01625013
    let r = evaluate(
        &scenario(&[("memory_mb", "1024"), ("requests", "0"), ("pc_units", "1"), ("pc_hours", "1.0166666666667")]),
        TODAY,
    )
    .unwrap();
    assert_eq!(r.lines.pc_usd, usd("0.01625013"));
}

#[test]
fn a_1_mb_async_event_is_13_requests() {
    assert_eq!(billing::async_extra_requests(1024) + 1, 13);
    assert_eq!(billing::async_extra_requests(256), 0);
    assert_eq!(billing::async_extra_requests(257), 1);
    let r = evaluate(&scenario(&[("requests", "1000000"), ("async_event_kb", "1024"), ("free_tier", "false")]), TODAY)
        .unwrap();
    assert_eq!(r.billed_requests, 13_000_000);
    assert_eq!(r.lines.request_usd, usd("2.6"));
}

#[test]
fn free_tier_shared_across_architectures_depends_on_the_order() {
    // 300k GB-s on x86 plus 300k on arm: x86 first leaves 200k arm GB-s ($2.67),
    // arm first leaves 200k x86 GB-s ($3.33).
    let f =
        |arch: &str| input(&[("arch", arch), ("memory_mb", "1024"), ("duration_ms", "1000"), ("requests", "300000")]);
    let fns = [f("x86_64"), f("arm64")];
    let x = price_account(&fns, FreeTierOrder::X86First).unwrap();
    let a = price_account(&fns, FreeTierOrder::ArmFirst).unwrap();
    assert_eq!((x.lines.duration_usd).round_cents(), usd("2.67"));
    assert_eq!((a.lines.duration_usd).round_cents(), usd("3.33"));
    assert_eq!(x.lines.duration_usd, usd("2.66668"));
    assert_eq!(a.lines.duration_usd, usd("3.33334"));
}

#[test]
fn tiers_are_shared_per_region_and_architecture() {
    // Two x86 functions of 4B GB-s each in one region cross the 6B tier
    // together; the same two in different regions do not.
    let f = |region: &str| {
        input(&[
            ("region", region),
            ("memory_mb", "10240"),
            ("duration_ms", "400000"),
            ("requests", "1000000"),
            ("free_tier", "false"),
        ])
    };
    let one = price(&f("us-east-1")).unwrap();
    assert_eq!(one.gb_seconds, Qty::whole(4_000_000_000));
    let same = price_account(&[f("us-east-1"), f("us-east-1")], FreeTierOrder::X86First).unwrap();
    let apart = price_account(&[f("us-east-1"), f("us-west-2")], FreeTierOrder::X86First).unwrap();
    // 6B at tier 1 + 2B at tier 2 versus 8B at tier 1.
    assert_eq!(same.lines.duration_usd, usd("130000.2"));
    assert_eq!(apart.lines.duration_usd, usd("133333.6"));
}

#[test]
fn varying_durations_bill_more_than_the_rounded_mean() {
    let fixed = billing::usage(&input(&[("duration_ms", "3.2")])).unwrap();
    let varied = billing::usage(&input(&[("duration_ms", "3.2"), ("duration_cv", "0.5")])).unwrap();
    assert_eq!(fixed.warm_billed_ns, 4_000_000);
    // E[⌈X⌉] for a mean of 3.2 ms is about 3.7 ms, below ⌈3.2⌉ = 4 but above 3.2.
    assert!(varied.warm_billed_ns > 3_500_000 && varied.warm_billed_ns < 4_000_000, "{}", varied.warm_billed_ns);
}

#[test]
fn snapstart_charges_python_and_dotnet_but_not_java() {
    let py = evaluate(
        &scenario(&[
            ("runtime", "python3.13"),
            ("snapstart", "true"),
            ("restore_ratio", "0.01"),
            ("requests", "1000000"),
            ("memory_mb", "1024"),
        ]),
        TODAY,
    )
    .unwrap();
    // cache: 1 GB × 730 h × 3600 s × 0.0000015046 = 3.9540888; restore: 10,000 × 1 GB × 0.0001397998 = 1.397998
    assert_eq!(py.lines.snapstart_usd, usd("5.3520868"));
    let java =
        evaluate(&scenario(&[("runtime", "java21"), ("snapstart", "true"), ("restore_ratio", "0.01")]), TODAY).unwrap();
    assert_eq!(java.lines.snapstart_usd, Usd::ZERO);
    // the 3-hour minimum
    let short =
        evaluate(&scenario(&[("runtime", "dotnet8"), ("snapstart", "true"), ("snapstart_hours", "1")]), TODAY).unwrap();
    assert_eq!(short.lines.snapstart_usd, usd("0.0162496800"));
}

#[test]
fn savings_plan_discounts_duration_and_pc_but_not_requests() {
    let v = scenario(&[
        ("memory_mb", "1024"),
        ("duration_ms", "1000"),
        ("requests", "10000000"),
        ("savings_plan_pct", "17"),
        ("free_tier", "false"),
    ]);
    let r = evaluate(&v, TODAY).unwrap();
    assert_eq!(r.lines.request_usd, usd("2"));
    assert_eq!(r.lines.savings_usd, usd("28.333390"));
    assert_eq!(r.total, usd("2") + usd("166.667") - usd("28.33339"));
}

#[test]
fn invalid_combinations_are_refused_with_the_valid_values() {
    let bad = |pairs: &[(&str, &str)], param: &str, needle: &str| {
        let errs = CostInput::from_values(&scenario(pairs), TODAY).unwrap_err();
        assert!(errs.iter().any(|e| e.param == param && e.message.contains(needle)), "{errs:?}");
    };
    bad(&[("edge", "true"), ("arch", "arm64")], "arch", "x86_64 only");
    bad(&[("snapstart", "true"), ("runtime", "nodejs22.x")], "runtime", "java11");
    bad(&[("pc_units", "1"), ("pc_requests", "5000000")], "pc_requests", "cannot exceed");
    bad(
        &[("pc_units", "1"), ("pc_hours", "1"), ("pc_requests", "100000"), ("duration_ms", "1000")],
        "pc_requests",
        "at most 3600",
    );
    bad(&[("region", "sa-east-1"), ("pc_units", "1")], "pc_units", "us-east-1");
    bad(&[("region", "eu-west-2"), ("ephemeral_mb", "1024")], "ephemeral_mb", "use 512");
}

#[test]
fn every_published_example_prices_to_its_exact_total_and_explains_any_gap() {
    use lambda_model::calculators::CALCULATORS;
    use lambda_model::calculators::decode_query;
    use lambda_model::calculators::published::EXAMPLES;
    let mut ids = std::collections::HashSet::new();
    for e in EXAMPLES {
        assert!(ids.insert(e.id), "duplicate example id {}", e.id);
        let calc = CALCULATORS.iter().find(|c| c.name == e.calculator).unwrap_or_else(|| panic!("{}", e.calculator));
        let d = decode_query(calc.specs, e.query);
        assert!(d.errors.is_empty(), "{}: {:?}", e.id, d.errors);
        let metrics = (calc.eval)(&d.values, TODAY).unwrap_or_else(|err| panic!("{}: {err:?}", e.id));
        let total = lambda_model::calculators::published::figure(e, &metrics)
            .unwrap_or_else(|| panic!("{}: {}", e.id, e.metric));
        assert_eq!(total, usd(e.exact), "{}: exact total", e.id);
        let notes = match e.calculator {
            "cost" => evaluate(&d.values, TODAY).unwrap().notes,
            "microvms" => lambda_model::calculators::microvms::evaluate(&d.values).unwrap().notes,
            _ => lambda_model::calculators::managed_instances::evaluate(&d.values).unwrap().notes,
        };
        let ours = total.round_cents();
        if e.note.is_empty() {
            // AWS is right: its figure is the bill rounded to cents, and the page adds nothing.
            assert_eq!(ours, usd(e.aws), "{}: AWS's {} is right, so ours must match", e.id, e.aws);
            assert!(notes.is_empty(), "{}: {notes:?}", e.id);
        } else {
            // Where AWS is off (in its figure or its wording), the page says so.
            assert!(notes.iter().any(|n| n == e.note), "{}: {notes:?}", e.id);
        }
        if ours != usd(e.aws) {
            // A different figure is explained with both numbers in it.
            let (theirs, mine) = (money(usd(e.aws)), money(ours));
            assert!(e.note.contains(&theirs) && e.note.contains(&mine), "{}: {theirs} / {mine}: {}", e.id, e.note);
        }
    }
}

/// Dollars as AWS writes them: "$1,147.14", "$18.73".
fn money(u: Usd) -> String {
    let s = u.round_cents().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let mut grouped = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("${grouped}.{frac:0<2}")
}

#[test]
fn durable_example_is_490_46_with_gb_as_a_million_kb() {
    // AWS's insurance-claims example: 1M executions, arm64, 1 GB; a 30 s step,
    // a 7-day wait, a 2 s step (2M invocations, 32M GB-s); 4 operations and
    // 104 KB written per execution; kept 14 days after completion.
    let e = lambda_model::calculators::published::EXAMPLES.iter().find(|e| e.id == "durable").unwrap();
    let r = price(&lambda_model::calculators::published::example_input(e, TODAY).unwrap()).unwrap();
    let u = &r.functions[0].around;
    assert_eq!(r.lines.duration_usd, usd("421.33544"));
    assert_eq!(r.lines.request_usd, usd("0.2"));
    assert_eq!(u.durable_ops, Qty::whole(4_000_000));
    assert_eq!(u.durable_written_gb, Qty::whole(104));
    // 104 GB × (7 + 14) days ÷ 30 = 72.8 GB-months.
    assert_eq!(u.durable_gb_months, Qty::ratio(728, 10));
    assert_eq!(r.lines.durable_usd, usd("68.92")); // 32 + 26 + 10.92
    let math = r.functions[0].math().join("\n");
    for want in [
        "operations: 1000000 executions × 4 = 4000000 × $0.000008 = $32",
        "1000000 × 104 KB ÷ 1,000,000 KB per GB = 104 GB × $0.25 = $26",
        "104 GB × (7 days running + 14 days after completion) ÷ 30 = 72.8 GB-months × $0.15 = $10.92",
        "1,000,000 KB",
    ] {
        assert!(math.contains(want), "{want}\n{math}");
    }
    // Retention is 1 to 90 days; Lambda@Edge is refused by name; another
    // region's rates are not verified, so the line is not priced there.
    let mut v = scenario(&[("durable_executions", "10")]);
    assert!(v.set("durable_retention_days", "91").is_err());
    assert!(v.set("durable_retention_days", "0").is_err());
    let eu = evaluate(&scenario(&[("durable_executions", "10"), ("region", "eu-west-1")]), TODAY).unwrap();
    assert!(eu.unpriced.iter().any(|u| u.line == "durable_usd") && eu.lines.durable_usd.0 == 0);
    let errs = evaluate(&scenario(&[("durable_executions", "10"), ("edge", "true")]), TODAY).unwrap_err();
    assert!(errs.iter().any(|e| e.param == "durable_executions" && e.message.contains("Lambda@Edge")), "{errs:?}");
    // No executions, no charge, whatever the other durable inputs say.
    let none = evaluate(&scenario(&[("durable_kb_per_execution", "100"), ("durable_days", "30")]), TODAY).unwrap();
    assert_eq!(none.lines.durable_usd, Usd::ZERO);
}

#[test]
fn event_pollers_bill_epu_hours_with_their_minimums() {
    let epu = |k: &str, h: &str| evaluate(&scenario(&[(k, h), ("requests", "0")]), TODAY).map(|r| r.lines.poller_usd);
    // ESM example 1's 800 Kafka EPU-hours, example 2's 8,000 SQS EPU-hours.
    assert_eq!(epu("kafka_poller_hours", "800").unwrap(), usd("148"));
    assert_eq!(epu("sqs_poller_hours", "8000").unwrap(), usd("74"));
    // Two SQS pollers all month (730 h), and one Kafka EPU all month.
    assert_eq!(epu("sqs_poller_hours", "1460").unwrap(), usd("13.505"));
    assert_eq!(epu("kafka_poller_hours", "730").unwrap(), usd("135.05"));
    // Per second, with a 1-minute minimum (2 pollers for SQS): less is refused, naming the least.
    let e = epu("sqs_poller_hours", "0.03").unwrap_err();
    assert!(e[0].param == "sqs_poller_hours" && e[0].message.contains("0.0334"), "{e:?}");
    assert!(epu("sqs_poller_hours", "0.0334").is_ok());
    let e = epu("kafka_poller_hours", "0.01").unwrap_err();
    assert!(e[0].message.contains("0.0167"), "{e:?}");
    // Where the EPU rate is not verified, the line is not priced, by name.
    let eu = evaluate(&scenario(&[("sqs_poller_hours", "10"), ("region", "eu-west-1")]), TODAY).unwrap();
    assert!(
        eu.unpriced.iter().any(|u| u.line == "poller_usd" && u.missing.contains("Event Poller")),
        "{:?}",
        eu.unpriced
    );
    // The math says how pollers are billed.
    let r = evaluate(&scenario(&[("sqs_poller_hours", "1460")]), TODAY).unwrap();
    let math = r.functions[0].math().join("\n");
    assert!(math.contains("SQS: 1460 EPU-hours × $0.00925 = $13.505") && math.contains("at least 2 pollers"), "{math}");
}

#[test]
fn every_cost_parameter_has_its_help_kept_apart() {
    // The cost page and the CLI read the help from `cost_help`, so the traffic
    // module, which prices a month with these parameters, does not carry it.
    for s in billing::COST_PARAMS {
        assert!(s.help.is_empty(), "{} keeps its help in the table", s.name);
        assert!(billing::cost_help(s.name).len() > 10, "{} has no help", s.name);
    }
}

#[test]
fn the_front_door_logs_data_out_and_nat_are_priced_with_their_tiers() {
    let r = |pairs: &[(&str, &str)]| evaluate(&scenario(pairs), TODAY).unwrap_or_else(|e| panic!("{e:?}"));
    // HTTP API: 432M requests cross the 300M tier ($300 + $118.80).
    let h = r(&[("requests", "432000000"), ("front_door", "http_api"), ("payload_kb", "12")]);
    assert_eq!(h.lines.front_door_usd, usd("418.8"));
    let math = h.functions[0].math().join("\n");
    assert!(math.contains("132000000 requests × $0.0000009 (tier 2) = $118.8"), "{math}");
    // A function URL adds nothing.
    let f = r(&[("front_door", "function_url")]);
    assert_eq!(f.lines.front_door_usd, Usd::ZERO);
    // REST API with AWS's 1.6 GB cache: $0.038 an hour, all month.
    let c = r(&[("requests", "1000000"), ("front_door", "rest_api"), ("rest_cache_gb", "1.6")]);
    assert_eq!(c.lines.front_door_usd, usd("3.5") + usd("27.74"));
    // ALB: 730 h × $0.0225 + 2 IPv4 × 730 h × $0.005 = $23.725; 26.28M requests of
    // 100 KB = 3.6 GB an hour ÷ 0.4 = 9 LCU, the highest dimension → 6,570 LCU-hours.
    let a = r(&[("requests", "26280000"), ("front_door", "alb"), ("payload_kb", "100")]);
    assert_eq!(a.functions[0].around.alb_lcu_hours, Qty::whole(6570));
    assert_eq!(a.lines.front_door_usd, usd("23.725") + usd("52.56"));
    // 20 rules at 10 requests/s over kept-alive connections (1 new a second):
    // (20 − 10) × 10 = 100 evaluations/s = 0.1 LCU, above 0.04 (connections) and
    // 0.09 (36 MB an hour), so rule evaluations decide.
    let rules =
        r(&[("requests", "26280000"), ("front_door", "alb"), ("alb_rules", "20"), ("alb_connections_per_s", "1")]);
    assert!((rules.functions[0].around.alb_lcu - 0.1).abs() < 1e-12);
    // Logs: 10M × 2 KB = 19.07 GB, 5 GB free, $0.50/GB; 30 days kept at $0.03/GB-month.
    let l = r(&[("requests", "10000000"), ("log_kb_per_invocation", "2")]);
    let gb = l.functions[0].around.log_gb;
    assert_eq!(gb, Qty::ratio(20_000_000, 1_048_576));
    let ingest = lambda_model::base::money::Rate::usd("0.5").times(gb.saturating_sub(Qty::whole(5)));
    assert_eq!(l.lines.logs_usd, ingest + lambda_model::base::money::Rate::usd("0.03").times(gb));
    // Data out: 100 GB free, then $0.09; the second tier ($0.085) from 10,240 GB.
    assert_eq!(r(&[("egress_gb", "100")]).lines.egress_usd, Usd::ZERO);
    assert_eq!(r(&[("egress_gb", "10340")]).lines.egress_usd, usd("921.6"));
    assert_eq!(r(&[("egress_gb", "10341"), ("free_tier", "false")]).lines.egress_usd, usd("930.185"));
    // A cache left set after switching away from a REST API costs nothing.
    // (The default 3M requests at $1.00 per million, and no cache.)
    assert_eq!(r(&[("rest_cache_gb", "1.6"), ("front_door", "http_api")]).lines.front_door_usd, usd("3"));
    // NAT: one gateway all month and 100 GB.
    assert_eq!(r(&[("nat_hours", "730"), ("nat_gb", "100")]).lines.nat_usd, usd("37.35"));
    // Refused by name: a 2 MB body through an ALB, Edge.
    for (pairs, param, want) in [
        (&[("front_door", "alb"), ("payload_kb", "2048")][..], "payload_kb", "1 MB"),
        (&[("front_door", "http_api"), ("edge", "true")][..], "front_door", "CloudFront"),
    ] {
        let errs = evaluate(&scenario(pairs), TODAY).unwrap_err();
        assert!(errs.iter().any(|e| e.param == param && e.message.contains(want)), "{pairs:?}: {errs:?}");
    }
}

/// The engineer's function in eu-west-1: Node.js 22, 1,024 MB, x86_64, 20 M
/// requests a month behind an HTTP API, mean 180 ms, 1.5 KB of logs per
/// invocation kept 30 days.
const EU_ENGINEER: &[(&str, &str)] = &[
    ("region", "eu-west-1"),
    ("memory_mb", "1024"),
    ("requests", "20000000"),
    ("duration_ms", "180"),
    ("front_door", "http_api"),
    ("log_kb_per_invocation", "1.5"),
    ("log_retention_days", "30"),
    ("runtime", "nodejs22.x"),
];

#[test]
fn every_region_gets_a_whole_bill_where_its_rates_are_known() {
    let r = evaluate(&scenario(EU_ENGINEER), TODAY).unwrap();
    // HTTP API: 20 M × $1.11 per million (eu-west-1, Price List).
    assert_eq!(r.lines.front_door_usd, usd("22.2"));
    // Logs: 20 M × 1.5 KB = 28.6102294921875 GB (1 GB = 1,048,576 KB), 5 GB free,
    // 23.6102294921875 GB × $0.57 = $13.457830810546875; stored 30 days × $0.03.
    let gb = 20_000_000.0 * 1.5 / 1_048_576.0;
    assert!((r.lines.logs_usd.as_f64() - ((gb - 5.0) * 0.57 + gb * 0.03)).abs() < 1e-9, "{}", r.lines.logs_usd);
    assert!(r.unpriced.is_empty() && r.leaves_out().is_none());
    assert_eq!(r.total, r.lines.total());
    // The same function in us-east-1 is cheaper at the door and the logs.
    let mut us = EU_ENGINEER.to_vec();
    us[0] = ("region", "us-east-1");
    let r_us = evaluate(&scenario(&us), TODAY).unwrap();
    assert_eq!(r_us.lines.front_door_usd, usd("20"));
    assert!(r_us.lines.logs_usd < r.lines.logs_usd);
    // NAT and an ALB in eu-west-1 (hour, LCU, IPv4 all known).
    let mut alb = EU_ENGINEER.to_vec();
    alb.extend([("front_door", "alb"), ("nat_hours", "730"), ("nat_gb", "100")]);
    let r = evaluate(&scenario(&alb), TODAY).unwrap();
    assert!(r.unpriced.is_empty(), "{:?}", r.unpriced);
    assert_eq!(r.lines.nat_usd, usd("39.84"));
    assert!(r.lines.front_door_usd > usd("18.396"), "730 h × $0.0252 and more");
}

#[test]
fn a_line_without_a_verified_rate_is_named_and_left_out_of_the_total() {
    // af-south-1 has verified rates for the HTTP API and logs, none for a
    // REST API or data out.
    let mut pairs = EU_ENGINEER.to_vec();
    pairs[0] = ("region", "af-south-1");
    pairs.extend([("front_door", "rest_api"), ("egress_gb", "500")]);
    let r = evaluate(&scenario(&pairs), TODAY).unwrap();
    let lines: Vec<&str> = r.unpriced.iter().map(|u| u.line).collect();
    assert!(lines.contains(&"front_door_usd") && lines.contains(&"egress_usd"), "{:?}", r.unpriced);
    assert!(!lines.contains(&"logs_usd"), "af-south-1's log rates are known");
    let out = r.leaves_out().unwrap();
    assert!(out.contains("verified rate in af-south-1") && out.contains("REST API requests"), "{out}");
    // The function and every known line are priced; the total is their sum.
    assert!(r.lines.request_usd.as_f64() > 0.0 && r.lines.logs_usd.as_f64() > 0.0);
    assert_eq!(r.total, r.lines.total());
    let m = r.metrics();
    let get = |k: &str| m.iter().find(|(n, _)| *n == k).unwrap().1;
    assert_eq!(get("front_door_usd"), lambda_model::params::metrics::MetricValue::Missing);
    assert_eq!(get("unpriced_lines").as_f64(), Some(2.0));
    assert!(r.math().iter().any(|l| l.contains("not priced in af-south-1")));
    // A region with no rates around the function at all still prices the function.
    let mut none = EU_ENGINEER.to_vec();
    none[0] = ("region", "ap-east-2");
    let r = evaluate(&scenario(&none), TODAY).unwrap();
    assert_eq!(r.unpriced.len(), 2, "{:?}", r.unpriced);
    assert!(r.lines.duration_usd.as_f64() > 0.0);
    // A tier that is not reached needs no rate: 20 M HTTP API requests in
    // af-south-1 price, 400 M do not (beyond 300 M is not verified there).
    let mut big = EU_ENGINEER.to_vec();
    big[0] = ("region", "af-south-1");
    big[2] = ("requests", "400000000");
    let r = evaluate(&scenario(&big), TODAY).unwrap();
    assert!(r.unpriced.iter().any(|u| u.missing.contains("beyond 300 million")), "{:?}", r.unpriced);
}

#[test]
fn every_region_with_rates_around_the_function_is_a_lambda_region() {
    for a in lambda_model::rates::AROUND {
        assert!(lambda_model::rates::region(a.region).is_some(), "{}", a.region);
        assert_eq!(lambda_model::rates::AROUND.iter().filter(|b| b.region == a.region).count(), 1, "{}", a.region);
    }
    // The 16 regions an engineer is most likely in price every line around
    // the function (NAT per GB aside in five of them).
    for code in [
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
        "ca-central-1",
        "sa-east-1",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "eu-central-1",
        "eu-north-1",
        "ap-northeast-1",
        "ap-northeast-2",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-south-1",
    ] {
        let mut pairs = EU_ENGINEER.to_vec();
        pairs[0] = ("region", code);
        for extra in [
            [("front_door", "http_api"), ("requests", "400000000"), ("egress_gb", "200000")],
            [("front_door", "rest_api"), ("requests", "2000000000"), ("rest_cache_gb", "237")],
            [("front_door", "alb"), ("nat_hours", "730"), ("egress_gb", "20")],
        ] {
            let mut all = pairs.clone();
            all.extend(extra);
            let r = evaluate(&scenario(&all), TODAY).unwrap();
            assert!(r.unpriced.is_empty(), "{code} {extra:?}: {:?}", r.unpriced);
        }
    }
}

#[test]
fn a_pinned_price_table_is_the_one_the_engine_prices_with() {
    use lambda_model::rates::{self, PriceTable, Region};
    let pinned = scenario(&[("prices", "2026-11-23"), ("region", "eu-west-1"), ("requests", "20000000")]);
    let i = CostInput::from_values(&pinned, TODAY).unwrap();
    assert!(std::ptr::eq(i.region, rates::price_table("2026-11-23").region("eu-west-1").unwrap()));
    assert_eq!(rates::prices_of(&pinned), "2026-11-23");
    assert_eq!(rates::prices_of(&scenario(&[])), rates::PRICES_AS_OF);
    // Pinned or not, one table shipped so far prices the same.
    let today = scenario(&[("region", "eu-west-1"), ("requests", "20000000")]);
    assert_eq!(evaluate(&pinned, TODAY).unwrap().total, evaluate(&today, TODAY).unwrap().total);
    // The engine prices with the input's table: a table whose requests cost
    // twice as much doubles the request line, and nothing else.
    static LATER: [Region; 1] = {
        let mut r = *rates::TODAY.regions.first().unwrap();
        r.request = lambda_model::base::money::Rate::usd("0.0000004");
        [r]
    };
    let later = PriceTable { date: "2099-01-01", version: 2, regions: &LATER };
    let mut j = CostInput::from_values(&scenario(&[("requests", "20000000"), ("free_tier", "false")]), TODAY).unwrap();
    let before = price(&j).unwrap();
    j.region = later.region("us-east-1").unwrap();
    let after = price(&j).unwrap();
    assert_eq!(after.lines.request_usd, before.lines.request_usd + before.lines.request_usd);
    assert_eq!(after.lines.duration_usd, before.lines.duration_usd);
    // A date no table has is refused, naming the tables there are.
    let e = scenario(&[]).set("prices", "2025-01-01").unwrap_err();
    assert!(e.message.contains("Price table (prices)") && e.message.contains("one of latest, 2026-11-23"), "{e}");
}

use super::*;

fn decode(q: &str) -> Values {
    let d = crate::calculators::decode_query(PLATFORMS_PARAMS, q);
    assert!(d.errors.is_empty(), "{:?}", d.errors);
    d.values
}

fn eval(q: &str) -> PlatformsResult {
    evaluate(&decode(q)).unwrap_or_else(|e| panic!("{q}: {e:?}"))
}

fn metric(r: &PlatformsResult, name: &str) -> String {
    r.metrics().into_iter().find(|(n, _)| *n == name).map(|(_, v)| v.exact()).unwrap()
}

fn errors(q: &str) -> Vec<ParamError> {
    evaluate(&decode(q)).unwrap_err()
}

#[test]
fn the_default_workload_on_every_platform_by_hand() {
    let r = eval("");
    // Lambda: 100 M × 0.2 s × 0.5 GB = 10 M GB-s, less 400,000 free, × $0.0000166667
    // = $160.00032; 99 M billed requests × $0.20 per million = $19.80.
    assert_eq!(metric(&r, "lambda_usd"), "179.80032");
    // 7.61 in flight × 25% = 1.9 busy vCPUs ÷ 0.7 → 3 tasks of 1 vCPU and 2 GB (x86_64):
    // 2,190 × $0.04048 + 4,380 × $0.004445 = $108.1203; ALB: 730 × ($0.0225 + 2 × $0.005)
    // = $23.725, and 38.05 new connections/s ÷ 25 = 1.522 LCU × 730 h × $0.008 = $8.8889.
    assert_eq!(metric(&r, "tasks"), "3");
    assert_eq!(metric(&r, "alb_usd"), "32.613888888888");
    assert_eq!(metric(&r, "fargate_usd"), "140.734188888888");
    // Managed Instances: 3 × m7g.xlarge × 730 h × $0.1632 = $357.408, + 15% + $20 of requests.
    assert_eq!(metric(&r, "lmi_usd"), "431.0192");
    // EC2: the same instances, no fee, no requests, with the load balancer.
    assert_eq!(metric(&r, "ec2_usd"), "390.021888888888");
    assert_eq!(metric(&r, "cheapest_usd"), metric(&r, "fargate_usd"));
    assert_eq!(r.cheapest().0, "Fargate");
}

#[test]
fn arm64_in_ireland_with_a_fixed_task_count() {
    let r = eval("region=eu-west-1&arch=arm64&fargate_vcpu=0.5&fargate_gb=1&fargate_tasks=2");
    let f = r.month.fargate.as_ref().unwrap();
    assert!(f.0.fixed);
    // 2 tasks × 730 h × 0.5 vCPU × $0.03238 = $23.6374; × 1 GB × $0.00356 = $5.1976.
    assert_eq!((f.1.vcpu_usd.to_decimal(), f.1.memory_usd.to_decimal()), ("23.6374".into(), "5.1976".into()));
    // eu-west-1's load balancer: 730 × ($0.0252 + 2 × $0.005) + 1.522 LCU × 730 × $0.008.
    assert_eq!(metric(&r, "alb_usd"), "34.584888888888");
    assert_eq!(metric(&r, "fargate_usd"), "63.419888888888");
    assert_eq!(metric(&r, "tasks"), "2");
    // The chart and the crossover size the tasks with the model.
    assert!(r.points.iter().find(|p| p.rps >= 1000.0).and_then(|p| p.fargate_usd).is_some());
    assert!(r.math().iter().any(|l| l.contains("2 tasks, as given (the model would run 6)")));
    // The same workload in us-east-1 costs the same for the tasks (the same rates).
    let us = eval("arch=arm64&fargate_vcpu=0.5&fargate_gb=1&fargate_tasks=2");
    assert_eq!(us.month.fargate.unwrap().1.total_usd, f.1.total_usd);
}

#[test]
fn storage_discounts_and_no_load_balancer() {
    let r = eval("fargate_storage_gb=50&fargate_discount_pct=50&load_balancer=false");
    let f = r.month.fargate.as_ref().unwrap();
    // 3 tasks × 730 h × 30 GB beyond the 20 included × $0.000111 = $7.2927.
    assert_eq!(f.1.storage_usd.to_decimal(), "7.2927");
    assert_eq!(f.1.total_usd.to_decimal(), "57.7065");
    assert_eq!(metric(&r, "alb_usd"), "");
    assert_eq!(metric(&r, "fargate_usd"), "57.7065");
    let r = eval("ec2_discount_pct=72&load_balancer=false");
    // $357.408 × 28% = $100.07424; Managed Instances keep their fee on the on-demand price.
    assert_eq!(metric(&r, "ec2_usd"), "100.07424");
    assert_eq!(metric(&r, "lmi_usd"), "173.68544");
}

#[test]
fn crossovers_are_where_the_lines_cross() {
    let r = eval("");
    for p in Platform::ALL {
        let Some(x) = r.crossover(p) else {
            // Never cheaper: check the top of the range.
            let top = point(&r.input, RPS_RANGE.1).unwrap();
            assert!(top.usd(p).unwrap() > top.lambda_usd, "{p:?}");
            continue;
        };
        let at = point(&r.input, x).unwrap();
        let below = point(&r.input, x / 1.01).unwrap();
        assert!(at.usd(p).unwrap() <= at.lambda_usd, "{p:?} at {x}");
        assert!(below.usd(p).unwrap() > below.lambda_usd, "{p:?} below {x}");
    }
    assert_eq!(metric(&r, "crossover_fargate_rps"), "29.693");
    assert_eq!(metric(&r, "crossover_ec2_rps"), "83.087");
    // With the defaults Managed Instances never cost less: 4 requests per vCPU with 100% headroom
    // is $1.94 a million against the functions' $1.87.
    assert_eq!(metric(&r, "crossover_lmi_rps"), "");
    // A CPU-light workload fills Managed Instances' vCPUs: then they cross.
    let light = eval("cpu_share_pct=5&memory_mb=1024");
    assert!(light.crossover(Platform::Lmi).is_some());
    assert_eq!(r.points.len(), 29);
}

#[test]
fn where_rates_are_missing_lambda_is_priced_and_the_others_say_so() {
    let r = eval("region=ap-south-1");
    assert!(metric(&r, "lambda_usd").parse::<f64>().unwrap() > 0.0);
    for m in ["lmi_usd", "fargate_usd", "ec2_usd", "crossover_fargate_rps", "tasks", "instances"] {
        assert_eq!(metric(&r, m), "", "{m}");
    }
    assert_eq!(r.cheapest().0, "Lambda with provisioned concurrency");
    assert_eq!(metric(&r, "cheapest_usd"), metric(&r, "lambda_pc_usd"));
    let math = r.math().join("\n");
    assert!(math.contains("no Fargate rates for ap-south-1 are here (they are for us-east-1 and eu-west-1)"), "{math}");
    // eu-west-1 has no r7i price here: Managed Instances and EC2 missing, Fargate priced.
    let r = eval("region=eu-west-1&ec2_instance_type=r7i.large");
    assert_eq!((metric(&r, "lmi_usd"), metric(&r, "ec2_usd")), (String::new(), String::new()));
    assert!(!metric(&r, "fargate_usd").is_empty());
    assert_eq!(
        r.not_priced(Platform::Ec2).unwrap(),
        "no EC2 price for r7i.large in eu-west-1 is here (eu-west-1 has c7g, m7g, r7g, m7i)"
    );
    // A fixed task count too few for the peak is said.
    let r = eval("fargate_tasks=5&fargate_vcpu=0.25&fargate_gb=1");
    assert_eq!(r.fargate_short(), Some(11));
    assert!(r.math().iter().any(|l| l.contains("5 tasks, as given (the model would run 11): too few for the peak")));
}

#[test]
fn bad_inputs_name_the_field_and_what_is_valid() {
    let e = errors("fargate_vcpu=0.5&fargate_gb=8");
    assert_eq!(e[0].param, "fargate_gb");
    assert!(e[0].message.contains("a task of 0.5 vCPU takes 1, 2, 3 or 4 GB, not 8 GB"), "{}", e[0].message);
    let e = errors("fargate_vcpu=8&fargate_gb=18");
    assert!(e[0].message.contains("16 to 60 GB in 4 GB steps"), "{}", e[0].message);
    let e = errors("region=eu-west-1&fargate_storage_gb=40");
    assert_eq!(e[0].param, "fargate_storage_gb");
    assert!(e[0].message.contains("use 20 GB, or us-east-1"), "{}", e[0].message);
    let e = errors("env_memory_mb=3000");
    assert_eq!(e[0].param, "env_memory_mb");
    assert!(
        e[0].message.contains("(env_memory_mb)") && e[0].message.contains("2,048 MB or 4,096 MB"),
        "{}",
        e[0].message
    );
    let e = errors("ec2_instance_type=c7g.large&env_memory_mb=8192");
    assert_eq!(e[0].param, "ec2_instance_type");
    assert!(e[0].message.contains("(ec2_instance_type)"), "{}", e[0].message);
    let d = crate::calculators::decode_query(PLATFORMS_PARAMS, "fargate_vcpu=3");
    assert!(d.errors[0].message.contains("0.25"), "{:?}", d.errors);
}

#[test]
fn expected_busy_environments_match_a_direct_sum() {
    for (p, rho) in [(7u64, 7.61), (1, 0.5), (30, 20.0), (12_000, 12_500.0), (5, 0.0)] {
        let direct: f64 = (1..=p).map(|k| pc_spillover(k, rho)).sum();
        assert!(
            (expected_busy(p, rho) - direct).abs() < 1e-6 * direct.max(1.0),
            "{p} {rho}: {} {direct}",
            expected_busy(p, rho)
        );
    }
}

#[test]
fn provisioned_concurrency_where_it_pays() {
    let r = eval("");
    // Steady traffic, 7.61 in flight (Poisson): the 7th environment is busy
    // P(N ≥ 7) = 65% of the time, the 8th 51%; us-east-1's break-even is 60%.
    assert_eq!(metric(&r, "pc_environments"), "7");
    // They serve E[min(N, 7)] ÷ 7.61 of the requests; the rest run on demand.
    let served = expected_busy(7, 7.61) / 7.61;
    assert!((0.81..0.82).contains(&served), "{served}");
    let n = (100_000_000.0 * served).round();
    // Provisioned: 7 × 0.5 GB × 2,628,000 s × $0.0000041667 = $38.3251; their duration
    // n × 0.1 GB-s × $0.0000097222; the rest (less 400,000 free GB-s) × $0.0000166667; $19.80 of requests.
    let by_hand = 38.3251 + n * 0.1 * 0.0000097222 + ((100_000_000.0 - n) * 0.1 - 400_000.0) * 0.0000166667 + 19.8;
    let pc: f64 = metric(&r, "lambda_pc_usd").parse().unwrap();
    assert!((pc - by_hand).abs() < 0.01, "{pc} {by_hand}");
    assert!(r.math().iter().any(|l| l.contains("with provisioned concurrency: 7 environments")));
    // A swing to twice the mean: fewer environments are busy enough.
    let swing = eval("peak_to_mean=2");
    let units: u32 = metric(&swing, "pc_environments").parse().unwrap();
    assert!((1..7).contains(&units), "{units}");
    // Under one request in flight, nothing is busy 60% of the time.
    assert_eq!(metric(&eval("requests=1000000"), "lambda_pc_usd"), "");
    // Where no provisioned-concurrency rate is here (arm64 in eu-west-1), it is not priced, never at $0.
    let r = eval("region=eu-west-1&arch=arm64&requests=500000000&duration_ms=80&memory_mb=1769");
    assert_eq!(metric(&r, "lambda_pc_usd"), "");
    assert!(r.math().iter().any(|l| l.contains("no rate for arm64 in eu-west-1")), "{:?}", r.math());
}

#[test]
fn the_own_month_prices_exactly_where_the_whole_comparison_does() {
    // The first figures price only the workload's own traffic: they must
    // exist exactly when the calculator's answer does, and agree with it.
    let mut cases = 0;
    for r in crate::rates::REGIONS.iter().map(|r| r.code).chain(["xx-nowhere-1"]) {
        for q in [
            "",
            "arch=arm64&requests=900000000&duration_ms=80",
            "duration_ms=900000&duration_cv=2&requests=1000",
            "load_balancer=off&fargate_vcpu=4&fargate_gb=3",
            "fargate_storage_gb=100&peak_to_mean=6",
            "env_memory_mb=2048&ec2_instance_type=c7g.large&requests=5",
        ] {
            let d = crate::calculators::decode_query(PLATFORMS_PARAMS, &format!("region={r}&{q}"));
            if !d.errors.is_empty() {
                continue;
            }
            cases += 1;
            match (evaluate(&d.values), evaluate_own(&d.values)) {
                (Ok(all), Ok(own)) => {
                    assert_eq!(own.cheapest(), all.cheapest(), "{r} {q}");
                    let whole = all.metrics();
                    for (name, value) in own.metrics() {
                        assert_eq!(
                            Some(&value),
                            whole.iter().find(|(n, _)| *n == name).map(|(_, v)| v),
                            "{r} {q}: {name}"
                        );
                    }
                }
                (Err(a), Err(b)) => assert_eq!(a, b, "{r} {q}"),
                (a, b) => panic!("{r} {q}: the comparison {:?}, the own month {:?}", a.is_ok(), b.is_ok()),
            }
        }
    }
    assert!(cases > 100, "{cases}");
}

//! Lambda Managed Instances: AWS's worked example, the capacity model's
//! rules, the comparison with on-demand functions and the crossover.

use lambda_model::base::money::{Qty, Usd};
use lambda_model::calculators::managed_instances::{self as lmi, LMI_PARAMS, evaluate};
use lambda_model::params::Values;
use lambda_model::params::metrics::MetricValue;

fn values(pairs: &[(&str, &str)]) -> Values {
    let mut v = Values::defaults(LMI_PARAMS);
    for (k, val) in pairs {
        v.set(k, val).unwrap_or_else(|e| panic!("{k}={val}: {e}"));
    }
    v
}

fn usd(s: &str) -> Usd {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let frac = format!("{frac:0<18}");
    Usd(int.parse::<i128>().unwrap() * 10i128.pow(18) + frac.parse::<i128>().unwrap())
}

#[test]
fn aws_high_throughput_api_example_is_160_35_not_160_36() {
    // 100M requests of 200 ms on m7g.xlarge ($0.1632/h), a 3-year Compute
    // Savings Plan (72%), about 2,000 instance-hours. AWS rounds the
    // discounted rate, $0.045696, to $0.0457: EC2 $91.40, total $160.36.
    // Exactly: 2,000 × $0.045696 = $91.392; fee 2,000 × $0.02448 = $48.96.
    let r = evaluate(&values(&[
        ("instance_type", "m7g.xlarge"),
        ("requests", "100000000"),
        ("duration_ms", "200"),
        ("ec2_discount_pct", "72"),
        ("instance_hours", "2000"),
    ]))
    .unwrap();
    assert_eq!(r.bill.instance_hours, Qty::whole(2000));
    assert_eq!(r.bill.ec2_on_demand_usd, usd("326.4"));
    assert_eq!(r.bill.ec2_usd, usd("91.392"));
    assert_eq!(r.bill.fee_usd, usd("48.96"));
    assert_eq!(r.bill.request_usd, usd("20"));
    assert_eq!(r.bill.total_usd, usd("160.352"));
    assert_eq!(r.bill.total_usd.round_cents(), usd("160.35"));
    let math = r.math().join("\n");
    assert!(math.contains("2000 instance-hours, as given"), "{math}");
    // Given instance-hours describe this traffic only: the chart and the crossover
    // size the instances with the capacity model at every other level.
    let model = evaluate(&values(&[("ec2_discount_pct", "72")])).unwrap();
    let given = evaluate(&values(&[("ec2_discount_pct", "72"), ("instance_hours", "5")])).unwrap();
    assert_eq!((given.crossover_rps, &given.points), (model.crossover_rps, &model.points));
    assert!(given.math().join("\n").contains("describe this traffic only"));
    assert!(math.contains("management fee: 15% × $326.4 (on-demand, never discounted) = $48.96"), "{math}");
    // The same capacity from the model: 3 instances (one per AZ) all month.
    let m = evaluate(&values(&[("ec2_discount_pct", "72")])).unwrap();
    assert_eq!((m.capacity.instances, m.bill.instance_hours), (3, Qty::whole(2190)));
}

#[test]
fn the_capacity_model_follows_the_documented_rules() {
    // Default: Node.js (64 per vCPU) but a 25% CPU share fills a vCPU at 4;
    // 2 GB ÷ 2 GB per vCPU = 1 vCPU; 100M requests of 200 ms = 7.61 in flight,
    // doubled for headroom = 15.2 → 4 environments; an m7g.xlarge holds 3
    // (4 − 1 vCPU, 16 − 1 GB); 2 instances, but at least 3.
    let r = evaluate(&Values::defaults(LMI_PARAMS)).unwrap();
    let c = &r.capacity;
    assert!((c.peak_concurrency - 7.6104).abs() < 1e-3, "{c:?}");
    assert_eq!(
        (c.per_vcpu, c.vcpus_per_env, c.per_env, c.environments, c.envs_per_instance, c.instances),
        (4, 1, 4, 4, 3, 3)
    );
    // A busier function: 20× the traffic → 304 in flight with headroom → 77 environments → 26 instances.
    let busy = evaluate(&values(&[("requests", "2000000000")])).unwrap().capacity;
    assert_eq!((busy.environments, busy.instances), (77, 26));
    // The runtime's default per vCPU applies when the CPU allows more: Rust's 8 at a 10% share.
    let rust = evaluate(&values(&[("runtime_family", "rust"), ("cpu_share_pct", "10")])).unwrap().capacity;
    assert_eq!(rust.per_vcpu, 8);
    let given = evaluate(&values(&[("concurrency_per_vcpu", "2")])).unwrap().capacity;
    assert_eq!(given.per_vcpu, 2);
    // Memory sets an environment's vCPUs: 8 GB at 2 GB per vCPU = 4 vCPUs; an m7g.xlarge keeps 1, so none fit.
    let errs = evaluate(&values(&[("memory_mb", "8192")])).unwrap_err();
    assert!(errs[0].param == "instance_type" && errs[0].message.contains("m7g.2xlarge"), "{errs:?}");
    let big = evaluate(&values(&[("memory_mb", "8192"), ("instance_type", "m7g.2xlarge")])).unwrap().capacity;
    assert_eq!((big.vcpus_per_env, big.envs_per_instance), (4, 1));
    // Fewer minimum environments, fewer instances at low traffic.
    let one = evaluate(&values(&[("min_environments", "1"), ("requests", "1000")])).unwrap().capacity;
    assert_eq!(one.instances, 1);
}

#[test]
fn a_region_without_the_instance_price_is_refused_by_name() {
    let errs = evaluate(&values(&[("region", "eu-west-1"), ("instance_type", "c7i.xlarge")])).unwrap_err();
    assert!(errs[0].param == "region" && errs[0].message.contains("us-east-1"), "{errs:?}");
    let eu = evaluate(&values(&[("region", "eu-west-1"), ("instance_type", "m7g.xlarge")])).unwrap();
    assert_eq!(eu.input.hourly.to_decimal(), "0.1819");
    let errs = evaluate(&values(&[("region", "ap-south-1")])).unwrap_err();
    assert!(errs[0].message.contains("m7g.xlarge") && errs[0].message.contains("eu-west-1"), "{errs:?}");
}

#[test]
fn the_comparison_is_the_cost_engine_exactly_and_the_crossover_is_where_they_meet() {
    // 100M requests × 0.2 s × 0.5 GB = 10M GB-s, less 400,000 free, × $0.0000133334
    // (arm64), + 99M requests × $0.20 per million.
    let r = evaluate(&values(&[("arch", "arm64")])).unwrap();
    assert_eq!(r.lambda_usd, usd("147.80064"));
    // The on-demand side is the workload's own architecture: x86_64 by
    // default, whatever the instance (9.6M GB-s × $0.0000166667 + $19.80).
    assert_eq!(evaluate(&Values::defaults(LMI_PARAMS)).unwrap().lambda_usd, usd("179.80032"));
    // A link from before version 4 priced the functions on the instance's
    // architecture and still does.
    let old = lambda_model::calculators::decode_query(LMI_PARAMS, "v=3&requests=100000000");
    assert_eq!(old.values.text("arch"), "arm64");
    let old_x86 = lambda_model::calculators::decode_query(LMI_PARAMS, "v=3&instance_type=m7i.xlarge");
    assert_eq!(old_x86.values.text("arch"), "x86_64");
    let no_free = evaluate(&values(&[("free_tier", "false"), ("arch", "arm64")])).unwrap();
    assert_eq!(no_free.lambda_usd, usd("153.334"));
    // At 25% CPU on m7g, an instance carries 30 requests/s for $137/month: on-demand
    // functions stay cheaper at every traffic level.
    assert_eq!(r.crossover_rps, None);
    assert!(r.points.iter().all(|p| p.lambda_usd < p.lmi_usd));
    // With AWS's 72% Savings Plan the three-instance floor ($153.74 + requests) is
    // paid back from about 45.5 requests/s: on-demand functions cost $4.03 a month per
    // request/s ($5.53 of it free), Managed Instances' requests $0.53.
    let sp = evaluate(&values(&[("ec2_discount_pct", "72"), ("arch", "arm64")])).unwrap();
    let x = sp.crossover_rps.unwrap();
    assert!((44.5..46.5).contains(&x), "{x}");
    let below = lmi::point(&sp.input, x * 0.99).unwrap();
    let at = lmi::point(&sp.input, x).unwrap();
    assert!(below.lmi_usd > below.lambda_usd && at.lmi_usd <= at.lambda_usd, "{below:?} {at:?}");
    assert!(sp.math().join("\n").contains("crossover: from about"));
    let metrics = sp.metrics();
    assert!(metrics.iter().any(|(n, v)| *n == "crossover_rps" && matches!(v, MetricValue::Num(_))));
    // The chart's points cover four per decade of the range, both costs at each.
    assert_eq!(sp.points.len(), 29);
    assert!(sp.points.windows(2).all(|w| w[0].rps < w[1].rps && w[0].lambda_usd <= w[1].lambda_usd));
}

#[test]
fn environment_memory_comes_in_whole_vcpus_at_the_ratio() {
    // Issue 28 item 5: 4,097 MB was given ⌈4097 / 2048⌉ = 3 vCPUs and cost
    // less than 4,096 MB. AWS sizes an environment in whole vCPUs at the
    // memory-to-vCPU ratio, so 4,097 MB is refused with the sizes that exist.
    let at = |mb: &str, ratio: &str| {
        evaluate(&values(&[("requests", "1000000000"), ("memory_mb", mb), ("memory_per_vcpu_gb", ratio)]))
    };
    let e = at("4097", "2").unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].param, "memory_mb");
    assert!(e[0].message.starts_with("Memory per execution environment (memory_mb):"), "{}", e[0].message);
    assert!(e[0].message.contains("4,096 MB or 6,144 MB, not 4,097"), "{}", e[0].message);
    let four = at("4096", "2").unwrap();
    let six = at("6144", "2").unwrap();
    assert_eq!((four.capacity.vcpus_per_env, six.capacity.vcpus_per_env), (2, 3));
    // Below one vCPU at the ratio: the smallest size is named.
    let e = at("2048", "8").unwrap_err();
    assert!(e[0].message.contains(": 8,192 MB, not 2,048"), "{}", e[0].message);
    assert_eq!(at("8192", "8").unwrap().capacity.vcpus_per_env, 1);
    // A ratio that is not whole: 2.5 GB per vCPU is 2,560 MB per vCPU.
    assert_eq!(at("5120", "2.5").unwrap().capacity.vcpus_per_env, 2);
    assert!(at("4096", "2.5").is_err());
    // The default and every hand-off size (2,048 MB at 2 GB per vCPU) stay valid.
    assert!(evaluate(&Values::defaults(LMI_PARAMS)).is_ok());
    // With a 2-vCPU environment on m7g.xlarge one free vCPU idles: the math says so.
    assert!(
        four.math().join("\n").contains("1 of the 3 free vCPUs of each instance stay idle"),
        "{}",
        four.math().join("\n")
    );
    assert!(!six.math().join("\n").contains("stay idle"));
}

#[test]
fn more_memory_per_vcpu_never_costs_less() {
    // The same vCPUs with more memory (a higher ratio) fit fewer environments
    // on an instance, never more.
    let mut last = Usd::ZERO;
    for (mb, ratio) in [("4096", "2"), ("6144", "3"), ("8192", "4"), ("12288", "6"), ("16384", "8")] {
        let r = evaluate(&values(&[
            ("requests", "3000000000"),
            ("memory_mb", mb),
            ("memory_per_vcpu_gb", ratio),
            ("instance_type", "r7g.2xlarge"),
        ]))
        .unwrap();
        assert_eq!(r.capacity.vcpus_per_env, 2);
        assert!(r.bill.total_usd >= last, "{mb} MB at {ratio}");
        last = r.bill.total_usd;
    }
}

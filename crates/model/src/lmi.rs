//! Lambda Managed Instances: functions run on EC2 instances that Lambda
//! provisions in your account. There is no duration charge; you pay the
//! requests, the instances (at EC2 prices, which Savings Plans and Reserved
//! Instances reduce) and a management fee of 15% of each instance's
//! on-demand price, never discounted.
//!
//! How many instances a workload needs is not published as a formula, so the
//! capacity model here is built from AWS's documented rules, each one a
//! visible, adjustable parameter: at least 3 execution environments, one per
//! Availability Zone; enough headroom for traffic to double within 5
//! minutes; a runtime-specific number of concurrent invocations per vCPU;
//! and an environment's vCPUs from its memory. Where a figure is an
//! assumption (the instance capacity kept for the operating system), the
//! page and the math say so. `instance_hours` replaces the whole model with
//! a measured or planned figure.
//!
//! The same workload is priced as on-demand functions by the cost engine,
//! exactly; and the crossover is the traffic (requests per second) from which
//! Managed Instances cost less.

use crate::metrics::MetricValue;
use crate::money::{Qty, Rate, Usd};
use crate::prices::{self, Arch};
use crate::scenario::{Kind, ParamError, ParamSpec, Values, fmt_num, round_to};

/// A parameter name of [`LMI_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        crate::param!(LMI_PARAMS, $name)
    };
}

/// Hours in the month this calculator prices (as the cost calculator does).
pub const HOURS_PER_MONTH: u32 = 730;
/// Seconds in that month.
pub const SECONDS_PER_MONTH: f64 = HOURS_PER_MONTH as f64 * 3600.0;
/// The compute management fee: 15% of the instance's EC2 on-demand price.
/// Source: aws-page ("15% premium on the EC2 on-demand instance price").
pub const MANAGEMENT_FEE_PCT: u32 = 15;
/// Requests: $0.20 per million. Source: aws-page.
pub const REQUEST: Rate = Rate::usd("0.0000002");
/// The deepest EC2 discount accepted: AWS's example uses 72% (a 3-year
/// Compute Savings Plan on m7g).
pub const MAX_DISCOUNT_PCT: f64 = 72.0;

/// The runtimes Managed Instances support, with their default maximum
/// concurrent invocations per vCPU. Source: the Lambda developer guide's
/// runtime pages for Managed Instances (Node.js 64, Java and .NET 32,
/// Python 16, Rust 8); at most 64 per vCPU.
pub const RUNTIMES: &[(&str, u32)] = &[("nodejs", 64), ("python", 16), ("java", 32), ("dotnet", 32), ("rust", 8)];
const RUNTIME_NAMES: &[&str] = &["nodejs", "python", "java", "dotnet", "rust"];

/// The EC2 families priced here: (prefix, architecture, GB of memory per vCPU).
const FAMILIES: &[(&str, Arch, u32)] = &[
    ("c7g", Arch::Arm, 2),
    ("m7g", Arch::Arm, 4),
    ("r7g", Arch::Arm, 8),
    ("c8g", Arch::Arm, 2),
    ("c7i", Arch::X86, 2),
    ("m7i", Arch::X86, 4),
    ("r7i", Arch::X86, 8),
];

/// Sizes by name and vCPUs.
const SIZES: &[(&str, u32)] = &[
    ("large", 2),
    ("xlarge", 4),
    ("2xlarge", 8),
    ("4xlarge", 16),
    ("8xlarge", 32),
    ("12xlarge", 48),
    ("16xlarge", 64),
    ("24xlarge", 96),
];

/// EC2 on-demand prices, Linux, shared tenancy, USD per hour: (region,
/// instance type, price). Sources: the AWS Price List (us-east-1 and
/// eu-west-1 reads of 2026-10-05 and 2026-10-08) and, for the sizes those
/// reads lack, EC2 price maps of June 2025 that agree with them wherever
/// both have a price (see docs/ARCHITECTURE.md, "Managed Instances").
pub const EC2_PRICES: &[(&str, &str, Rate)] = &[
    ("us-east-1", "c7g.large", Rate::usd("0.0725")),
    ("us-east-1", "c7g.xlarge", Rate::usd("0.145")),
    ("us-east-1", "c7g.2xlarge", Rate::usd("0.29")),
    ("us-east-1", "c7g.4xlarge", Rate::usd("0.58")),
    ("us-east-1", "c7g.8xlarge", Rate::usd("1.16")),
    ("us-east-1", "c7g.12xlarge", Rate::usd("1.74")),
    ("us-east-1", "c7g.16xlarge", Rate::usd("2.32")),
    ("us-east-1", "m7g.large", Rate::usd("0.0816")),
    ("us-east-1", "m7g.xlarge", Rate::usd("0.1632")),
    ("us-east-1", "m7g.2xlarge", Rate::usd("0.3264")),
    ("us-east-1", "m7g.4xlarge", Rate::usd("0.6528")),
    ("us-east-1", "m7g.8xlarge", Rate::usd("1.3056")),
    ("us-east-1", "m7g.12xlarge", Rate::usd("1.9584")),
    ("us-east-1", "m7g.16xlarge", Rate::usd("2.6112")),
    ("us-east-1", "r7g.large", Rate::usd("0.1071")),
    ("us-east-1", "r7g.xlarge", Rate::usd("0.2142")),
    ("us-east-1", "r7g.2xlarge", Rate::usd("0.4284")),
    ("us-east-1", "r7g.4xlarge", Rate::usd("0.8568")),
    ("us-east-1", "r7g.8xlarge", Rate::usd("1.7136")),
    ("us-east-1", "r7g.12xlarge", Rate::usd("2.5704")),
    ("us-east-1", "r7g.16xlarge", Rate::usd("3.4272")),
    ("us-east-1", "c8g.large", Rate::usd("0.07976")),
    ("us-east-1", "c8g.xlarge", Rate::usd("0.15952")),
    ("us-east-1", "c8g.2xlarge", Rate::usd("0.31904")),
    ("us-east-1", "c8g.4xlarge", Rate::usd("0.63808")),
    ("us-east-1", "c8g.8xlarge", Rate::usd("1.27616")),
    ("us-east-1", "c8g.12xlarge", Rate::usd("1.91424")),
    ("us-east-1", "c8g.16xlarge", Rate::usd("2.55232")),
    ("us-east-1", "c7i.large", Rate::usd("0.08925")),
    ("us-east-1", "c7i.xlarge", Rate::usd("0.1785")),
    ("us-east-1", "c7i.2xlarge", Rate::usd("0.357")),
    ("us-east-1", "c7i.4xlarge", Rate::usd("0.714")),
    ("us-east-1", "c7i.8xlarge", Rate::usd("1.428")),
    ("us-east-1", "c7i.12xlarge", Rate::usd("2.142")),
    ("us-east-1", "c7i.16xlarge", Rate::usd("2.856")),
    ("us-east-1", "c7i.24xlarge", Rate::usd("4.284")),
    ("us-east-1", "m7i.large", Rate::usd("0.1008")),
    ("us-east-1", "m7i.xlarge", Rate::usd("0.2016")),
    ("us-east-1", "m7i.2xlarge", Rate::usd("0.4032")),
    ("us-east-1", "m7i.4xlarge", Rate::usd("0.8064")),
    ("us-east-1", "m7i.8xlarge", Rate::usd("1.6128")),
    ("us-east-1", "m7i.12xlarge", Rate::usd("2.4192")),
    ("us-east-1", "m7i.16xlarge", Rate::usd("3.2256")),
    ("us-east-1", "m7i.24xlarge", Rate::usd("4.8384")),
    ("us-east-1", "r7i.large", Rate::usd("0.1323")),
    ("us-east-1", "r7i.xlarge", Rate::usd("0.2646")),
    ("us-east-1", "r7i.2xlarge", Rate::usd("0.5292")),
    ("us-east-1", "r7i.4xlarge", Rate::usd("1.0584")),
    ("us-east-1", "r7i.8xlarge", Rate::usd("2.1168")),
    ("us-east-1", "r7i.12xlarge", Rate::usd("3.1752")),
    ("us-east-1", "r7i.16xlarge", Rate::usd("4.2336")),
    ("us-east-1", "r7i.24xlarge", Rate::usd("6.3504")),
    ("eu-west-1", "c7g.large", Rate::usd("0.0775")),
    ("eu-west-1", "c7g.xlarge", Rate::usd("0.155")),
    ("eu-west-1", "c7g.2xlarge", Rate::usd("0.3101")),
    ("eu-west-1", "c7g.4xlarge", Rate::usd("0.6202")),
    ("eu-west-1", "m7g.large", Rate::usd("0.091")),
    ("eu-west-1", "m7g.xlarge", Rate::usd("0.1819")),
    ("eu-west-1", "m7g.2xlarge", Rate::usd("0.3638")),
    ("eu-west-1", "m7g.4xlarge", Rate::usd("0.7276")),
    ("eu-west-1", "r7g.large", Rate::usd("0.1199")),
    ("eu-west-1", "r7g.xlarge", Rate::usd("0.2397")),
    ("eu-west-1", "r7g.2xlarge", Rate::usd("0.4794")),
    ("eu-west-1", "r7g.4xlarge", Rate::usd("0.9588")),
    ("eu-west-1", "m7i.large", Rate::usd("0.11235")),
    ("eu-west-1", "m7i.xlarge", Rate::usd("0.2247")),
    ("eu-west-1", "m7i.2xlarge", Rate::usd("0.4494")),
    ("eu-west-1", "m7i.4xlarge", Rate::usd("0.8988")),
];

/// Every instance type with a price in some region, in table order.
pub const INSTANCE_TYPES: &[&str] = &[
    "c7g.large",
    "c7g.xlarge",
    "c7g.2xlarge",
    "c7g.4xlarge",
    "c7g.8xlarge",
    "c7g.12xlarge",
    "c7g.16xlarge",
    "m7g.large",
    "m7g.xlarge",
    "m7g.2xlarge",
    "m7g.4xlarge",
    "m7g.8xlarge",
    "m7g.12xlarge",
    "m7g.16xlarge",
    "r7g.large",
    "r7g.xlarge",
    "r7g.2xlarge",
    "r7g.4xlarge",
    "r7g.8xlarge",
    "r7g.12xlarge",
    "r7g.16xlarge",
    "c8g.large",
    "c8g.xlarge",
    "c8g.2xlarge",
    "c8g.4xlarge",
    "c8g.8xlarge",
    "c8g.12xlarge",
    "c8g.16xlarge",
    "c7i.large",
    "c7i.xlarge",
    "c7i.2xlarge",
    "c7i.4xlarge",
    "c7i.8xlarge",
    "c7i.12xlarge",
    "c7i.16xlarge",
    "c7i.24xlarge",
    "m7i.large",
    "m7i.xlarge",
    "m7i.2xlarge",
    "m7i.4xlarge",
    "m7i.8xlarge",
    "m7i.12xlarge",
    "m7i.16xlarge",
    "m7i.24xlarge",
    "r7i.large",
    "r7i.xlarge",
    "r7i.2xlarge",
    "r7i.4xlarge",
    "r7i.8xlarge",
    "r7i.12xlarge",
    "r7i.16xlarge",
    "r7i.24xlarge",
];

/// An instance type's shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    pub arch: Arch,
    pub vcpus: u32,
    pub memory_gb: u32,
}

/// The shape of an instance type named like `m7g.xlarge`.
pub fn shape(instance_type: &str) -> Option<Shape> {
    let (family, size) = instance_type.split_once('.')?;
    let (_, arch, gb_per_vcpu) = FAMILIES.iter().find(|f| f.0 == family)?;
    let (_, vcpus) = SIZES.iter().find(|s| s.0 == size)?;
    Some(Shape { arch: *arch, vcpus: *vcpus, memory_gb: vcpus * gb_per_vcpu })
}

/// The on-demand hourly price of an instance type in a region, where known.
pub fn ec2_price(region: &str, instance_type: &str) -> Option<Rate> {
    EC2_PRICES.iter().find(|(r, t, _)| *r == region && *t == instance_type).map(|p| p.2)
}

/// The regions with a price for this instance type.
fn priced_regions(instance_type: &str) -> Vec<&'static str> {
    let mut out: Vec<&str> = EC2_PRICES.iter().filter(|p| p.1 == instance_type).map(|p| p.0).collect();
    out.dedup();
    out
}

/// An execution environment's memory by default (and at least), MB.
pub const ENV_MEMORY_DEFAULT: &str = "2048";

pub const LMI_PARAMS: &[ParamSpec] = &[
    prices::region_param(
        "EC2 prices are in this calculator for us-east-1 (every type listed) and eu-west-1 (c7g, m7g, r7g, m7i up to 4xlarge).",
    ),
    ParamSpec {
        name: "instance_type",
        label: "Instance type",
        kind: Kind::Choice(INSTANCE_TYPES),
        default: "m7g.xlarge",
        unit: "",
        help: "c: 2 GB per vCPU, m: 4 GB, r: 8 GB; g: Graviton (arm64), i: Intel (x86_64).",
    },
    ParamSpec {
        name: "runtime_family",
        label: "Runtime",
        kind: Kind::Choice(RUNTIME_NAMES),
        default: "nodejs",
        unit: "",
        help: "Sets the default concurrent invocations per vCPU: Node.js 64, Java and .NET 32, Python 16, Rust 8.",
    },
    ParamSpec {
        name: "memory_mb",
        label: "Memory per execution environment",
        kind: Kind::Int { min: 2048, max: 32768 },
        default: ENV_MEMORY_DEFAULT,
        unit: "MB",
        help: "2 GB to 32 GB, in whole vCPUs at the memory per vCPU (at 2 GB per vCPU: 2,048, 4,096, 6,144 MB…). One environment serves many invocations at once.",
    },
    ParamSpec {
        name: "memory_per_vcpu_gb",
        label: "Memory per vCPU",
        kind: Kind::Num { min: 2.0, max: 8.0 },
        default: "2",
        unit: "GB",
        help: "The capacity provider's memory-to-vCPU ratio, 2 to 8: an environment gets one vCPU for each this many GB of its memory.",
    },
    ParamSpec {
        name: "requests",
        label: "Requests",
        kind: Kind::Int { min: 0, max: 10_000_000_000_000 },
        default: "100000000",
        unit: "per month",
        help: "Invocations per month (a month is 730 hours).",
    },
    ParamSpec {
        name: "duration_ms",
        label: "Average duration",
        kind: Kind::Num { min: 1.0, max: 900_000.0 },
        default: "200",
        unit: "ms",
        help: "From the start of an invocation to its response.",
    },
    ParamSpec {
        name: "peak_to_mean",
        label: "Peak-to-mean traffic",
        kind: Kind::Num { min: 1.0, max: 100.0 },
        default: "1",
        unit: "×",
        help: "How far the busiest hour's rate is above the month's mean: capacity is sized for the peak.",
    },
    ParamSpec {
        name: "concurrency_per_vcpu",
        label: "Concurrent invocations per vCPU",
        kind: Kind::Int { min: 0, max: 64 },
        default: "0",
        unit: "",
        help: "The most invocations one vCPU runs at once; 0 uses the runtime's default. At most 64.",
    },
    ParamSpec {
        name: "cpu_share_pct",
        label: "CPU share of an invocation",
        kind: Kind::Num { min: 1.0, max: 100.0 },
        default: "25",
        unit: "%",
        help: "The part of its duration an invocation keeps a vCPU busy (the rest waits on I/O): 12.5% I/O-heavy, 25% balanced, 50% CPU-heavy.",
    },
    ParamSpec {
        name: "headroom_pct",
        label: "Scaling headroom",
        kind: Kind::Num { min: 0.0, max: 400.0 },
        default: "100",
        unit: "%",
        help: "Spare capacity above the peak. AWS's default target leaves room for traffic to double within 5 minutes: 100%.",
    },
    ParamSpec {
        name: "min_environments",
        label: "Minimum execution environments",
        kind: Kind::Int { min: 1, max: 15_000 },
        default: "3",
        unit: "",
        help: "3 by default, one per Availability Zone, each on its own instance; fewer gives up AZ redundancy.",
    },
    ParamSpec {
        name: "reserved_vcpus",
        label: "vCPUs kept per instance",
        kind: Kind::Int { min: 0, max: 8 },
        default: "1",
        unit: "",
        help: "An assumption (AWS's sample calculator's): capacity an instance keeps for its operating system and agents.",
    },
    ParamSpec {
        name: "reserved_gb",
        label: "Memory kept per instance",
        kind: Kind::Num { min: 0.0, max: 16.0 },
        default: "1",
        unit: "GB",
        help: "An assumption, as above.",
    },
    ParamSpec {
        name: "ec2_discount_pct",
        label: "EC2 discount",
        kind: Kind::Num { min: 0.0, max: MAX_DISCOUNT_PCT },
        default: "0",
        unit: "%",
        help: "Savings Plans or Reserved Instances, off the EC2 charge only; the 15% fee stays on the on-demand price. AWS's example: 72% (3-year Compute Savings Plan).",
    },
    ParamSpec {
        name: "instance_hours",
        label: "Instance-hours",
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "per month",
        help: "Measured or planned instance-hours; 0 works them out from the capacity model.",
    },
    ParamSpec {
        name: "function_memory_mb",
        label: "Memory as an on-demand function",
        kind: Kind::Int { min: 128, max: 10240 },
        default: "512",
        unit: "MB",
        help: "For the comparison: the memory the same code needs as a default Lambda function, one invocation per environment.",
    },
    prices::arch_param(
        "For the comparison: the on-demand functions' architecture (the workload's own; the instance type sets Managed Instances').",
    ),
    ParamSpec {
        name: "free_tier",
        label: "Free tier in the comparison",
        kind: Kind::Bool,
        default: "true",
        unit: "",
        help: "Take the free tier off the on-demand function's bill (as for a function alone in its account). None is taken off Managed Instances.",
    },
];

/// The validated inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct LmiInput {
    pub region: &'static str,
    pub instance_type: &'static str,
    pub shape: Shape,
    pub hourly: Rate,
    pub runtime: &'static str,
    pub memory_mb: u32,
    pub memory_per_vcpu_gb: f64,
    pub requests: u64,
    pub duration_ms: f64,
    pub peak_to_mean: f64,
    /// The limit used: the given one, or the runtime's default.
    pub concurrency_per_vcpu: u32,
    pub cpu_share_pct: f64,
    pub headroom_pct: f64,
    pub min_environments: u32,
    pub reserved_vcpus: u32,
    pub reserved_gb: f64,
    pub ec2_discount_pct: f64,
    pub instance_hours: f64,
    pub function_memory_mb: u32,
    /// The on-demand functions' architecture, for the comparison.
    pub arch: Arch,
    pub free_tier: bool,
}

/// How many environments and instances a workload needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Capacity {
    pub mean_rps: f64,
    /// Invocations in flight at the peak (Little's law × peak-to-mean).
    pub peak_concurrency: f64,
    pub vcpus_per_env: u32,
    /// Concurrent invocations one vCPU sustains: the runtime limit, or
    /// fewer where the CPU share fills the vCPU first.
    pub per_vcpu: u32,
    pub per_env: u32,
    pub environments: u64,
    pub envs_per_instance: u32,
    pub instances: u64,
}

/// The checked input of the calculator, without pricing the comparison
/// (what the fuzz harness's monotonicity properties vary).
pub fn input(v: &Values) -> Result<LmiInput, Vec<ParamError>> {
    check(v)
}

fn check(v: &Values) -> Result<LmiInput, Vec<ParamError>> {
    let mut errs = Vec::new();
    let region = prices::region(v.text(p!("region"))).map_or("us-east-1", |r| r.code);
    let instance_type =
        INSTANCE_TYPES.iter().copied().find(|t| *t == v.text(p!("instance_type"))).unwrap_or("m7g.xlarge");
    let shape = shape(instance_type).unwrap_or(Shape { arch: Arch::Arm, vcpus: 4, memory_gb: 16 });
    let runtime = RUNTIME_NAMES.iter().copied().find(|r| *r == v.text(p!("runtime_family"))).unwrap_or("nodejs");
    let runtime_default = RUNTIMES.iter().find(|r| r.0 == runtime).map_or(16, |r| r.1);
    let given = v.int(p!("concurrency_per_vcpu")) as u32;
    let hourly = ec2_price(region, instance_type).unwrap_or_else(|| {
        let regions = priced_regions(instance_type);
        errs.push(ParamError {
            param: "region".into(),
            given: region.into(),
            message: format!(
                "Region (region): no EC2 price for {instance_type} in {region} is in this calculator; use {}, or another instance type.",
                regions.join(" or ")
            ),
        });
        Rate(0)
    });
    let i = LmiInput {
        region,
        instance_type,
        shape,
        hourly,
        runtime,
        memory_mb: v.int(p!("memory_mb")) as u32,
        memory_per_vcpu_gb: v.num(p!("memory_per_vcpu_gb")),
        requests: v.int(p!("requests")) as u64,
        duration_ms: v.num(p!("duration_ms")),
        peak_to_mean: v.num(p!("peak_to_mean")),
        concurrency_per_vcpu: if given == 0 { runtime_default } else { given },
        cpu_share_pct: v.num(p!("cpu_share_pct")),
        headroom_pct: v.num(p!("headroom_pct")),
        min_environments: v.int(p!("min_environments")) as u32,
        reserved_vcpus: v.int(p!("reserved_vcpus")) as u32,
        reserved_gb: v.num(p!("reserved_gb")),
        ec2_discount_pct: v.num(p!("ec2_discount_pct")),
        instance_hours: v.num(p!("instance_hours")),
        function_memory_mb: v.int(p!("function_memory_mb")) as u32,
        arch: Arch::parse(v.text(p!("arch"))).unwrap_or(Arch::X86),
        free_tier: v.flag(p!("free_tier")),
    };
    if let Err(message) = whole_vcpus(i.memory_mb, i.memory_per_vcpu_gb) {
        errs.push(ParamError { param: "memory_mb".into(), given: i.memory_mb.to_string(), message });
    } else if envs_per_instance(&i) == 0 {
        let fits = INSTANCE_TYPES
            .iter()
            .filter(|t| t.split('.').next() == instance_type.split('.').next())
            .find(|t| envs_per_instance(&LmiInput { shape: shape_of(t), ..i.clone() }) > 0);
        errs.push(ParamError {
            param: "instance_type".into(),
            given: instance_type.into(),
            message: format!(
                "Instance type (instance_type): a {} MB environment with {} vCPU does not fit a {instance_type} ({} vCPUs, {} GB, less {} vCPU and {} GB kept); {}.",
                i.memory_mb,
                vcpus_per_env(&i),
                shape.vcpus,
                shape.memory_gb,
                i.reserved_vcpus,
                fmt_num(i.reserved_gb),
                match fits {
                    Some(t) => format!("choose {t} or larger, or less memory"),
                    None => "choose a larger family or less memory".to_string(),
                }
            ),
        });
    }
    if errs.is_empty() { Ok(i) } else { Err(errs) }
}

fn shape_of(t: &str) -> Shape {
    shape(t).unwrap_or(Shape { arch: Arch::Arm, vcpus: 0, memory_gb: 0 })
}

/// One vCPU's worth of environment memory, in MB, at `gb_per_vcpu`.
fn vcpu_step_mb(gb_per_vcpu: f64) -> f64 {
    gb_per_vcpu * 1024.0
}

/// AWS sizes an environment in whole vCPUs at the capacity provider's
/// memory-to-vCPU ratio: its memory is the ratio × its vCPUs (AWS's Managed
/// Instances guide: "memory must align with ratio multiples"; 2 GB and 1 vCPU
/// at least). A size between two steps is not one AWS provisions, so it is
/// refused with the two nearest that are, rather than given a rounded-up vCPU
/// for free (which made 4,097 MB cheaper than 4,096 MB).
pub fn whole_vcpus(memory_mb: u32, gb_per_vcpu: f64) -> Result<u32, String> {
    let step = vcpu_step_mb(gb_per_vcpu);
    let k = memory_mb as f64 / step;
    let whole = k.round();
    if whole >= 1.0 && (whole * step - memory_mb as f64).abs() < 0.5 {
        return Ok(whole as u32);
    }
    let size = |k: f64| (k * step).round() as u64;
    let valid = |mb: u64| (2048..=32768).contains(&mb);
    let mut sizes: Vec<u64> =
        [k.floor(), k.ceil().max(1.0)].into_iter().filter(|k| *k >= 1.0).map(size).filter(|mb| valid(*mb)).collect();
    sizes.dedup();
    let nearest: Vec<String> = sizes.iter().map(|mb| format!("{} MB", crate::scenario::grouped(*mb as i64))).collect();
    Err(format!(
        "Memory per execution environment (memory_mb): at {} GB per vCPU an environment has one vCPU per {} MB, so its memory is a whole number of {} MB steps{}, not {}; or change Memory per vCPU (memory_per_vcpu_gb).",
        fmt_num(gb_per_vcpu),
        crate::scenario::grouped(step.round() as i64),
        crate::scenario::grouped(step.round() as i64),
        if nearest.is_empty() {
            " between 2,048 and 32,768 MB".to_string()
        } else {
            format!(": {}", nearest.join(" or "))
        },
        crate::scenario::grouped(memory_mb as i64),
    ))
}

/// vCPUs of one environment: its memory ÷ the memory per vCPU (a whole
/// number once [`whole_vcpus`] has passed).
fn vcpus_per_env(i: &LmiInput) -> u32 {
    whole_vcpus(i.memory_mb, i.memory_per_vcpu_gb).unwrap_or(1).max(1)
}

/// Environments one instance holds, by vCPU and by memory, after what the
/// instance keeps for itself.
fn envs_per_instance(i: &LmiInput) -> u32 {
    let by_cpu = i.shape.vcpus.saturating_sub(i.reserved_vcpus) / vcpus_per_env(i);
    let by_mem = ((i.shape.memory_gb as f64 - i.reserved_gb).max(0.0) * 1024.0 / i.memory_mb as f64).floor() as u32;
    by_cpu.min(by_mem)
}

/// The capacity model at `requests` per month.
pub fn capacity(i: &LmiInput, requests: u64) -> Capacity {
    let mean_rps = requests as f64 / SECONDS_PER_MONTH;
    let peak_concurrency = mean_rps * i.duration_ms / 1000.0 * i.peak_to_mean;
    let by_cpu = ((100.0 / i.cpu_share_pct).floor() as u32).max(1);
    let per_vcpu = i.concurrency_per_vcpu.min(by_cpu).max(1);
    let vcpus = vcpus_per_env(i);
    let per_env = per_vcpu * vcpus;
    let needed = (peak_concurrency * (1.0 + i.headroom_pct / 100.0) / per_env as f64).ceil();
    let environments = (needed as u64).max(i.min_environments as u64);
    let envs_per_instance = envs_per_instance(i).max(1);
    let instances = environments.div_ceil(envs_per_instance as u64).max(i.min_environments as u64);
    Capacity {
        mean_rps,
        peak_concurrency,
        vcpus_per_env: vcpus,
        per_vcpu,
        per_env,
        environments,
        envs_per_instance,
        instances,
    }
}

/// The monthly bill of Managed Instances.
#[derive(Clone, Debug, PartialEq)]
pub struct LmiBill {
    pub instance_hours: Qty,
    /// EC2 at the on-demand price, before the discount.
    pub ec2_on_demand_usd: Usd,
    pub ec2_usd: Usd,
    pub fee_usd: Usd,
    pub request_usd: Usd,
    pub total_usd: Usd,
}

/// Prices `requests` a month on Managed Instances, with the given
/// `instance_hours` if any (they describe the workload's own traffic).
pub fn bill(i: &LmiInput, requests: u64) -> (Capacity, LmiBill) {
    bill_with(i, requests, true)
}

/// As [`bill`]; at other traffic levels (the chart, the crossover) given
/// instance-hours say nothing, so the capacity model prices them.
fn bill_with(i: &LmiInput, requests: u64, given_hours: bool) -> (Capacity, LmiBill) {
    let cap = capacity(i, requests);
    let hours = if given_hours && i.instance_hours > 0.0 {
        crate::pricing::decimal_qty(i.instance_hours)
    } else {
        Qty::whole(cap.instances as u128 * HOURS_PER_MONTH as u128)
    };
    let od = i.hourly.times(hours);
    let ec2 = od - od.percent((i.ec2_discount_pct * 10_000.0).round() as u32);
    let fee = od.percent(MANAGEMENT_FEE_PCT * 10_000);
    let req = REQUEST.times(Qty::whole(requests as u128));
    (
        cap,
        LmiBill {
            instance_hours: hours,
            ec2_on_demand_usd: od,
            ec2_usd: ec2,
            fee_usd: fee,
            request_usd: req,
            total_usd: ec2 + fee + req,
        },
    )
}

/// The same workload as on-demand functions: the function's inputs (its memory, its own architecture,
/// the region, the duration and the free tier), read once.
pub fn on_demand_input(i: &LmiInput) -> Result<crate::pricing::CostInput, String> {
    let mut v = Values::defaults(crate::pricing::COST_PARAMS);
    let set = |v: &mut Values, k: &str, x: String| v.set(k, &x).map_err(|e| e.message);
    set(&mut v, "region", i.region.into())?;
    set(&mut v, "arch", i.arch.name().into())?;
    set(&mut v, "memory_mb", i.function_memory_mb.to_string())?;
    set(&mut v, "duration_ms", fmt_num(i.duration_ms))?;
    set(&mut v, "free_tier", i.free_tier.to_string())?;
    crate::pricing::CostInput::from_values(&v, crate::scenario::Date::new(2026, 12, 1))
        .map_err(|e| e.into_iter().map(|e| e.message).collect::<Vec<_>>().join(" "))
}

/// `base` (from [`on_demand_input`]) priced at `requests` a month.
fn on_demand_with(base: &crate::pricing::CostInput, requests: u64) -> Result<Usd, String> {
    crate::pricing::function_total(&crate::pricing::CostInput { requests, ..base.clone() })
}

/// Requests per month at `rps` requests per second.
pub fn requests_at(rps: f64) -> u64 {
    (rps * SECONDS_PER_MONTH).round() as u64
}

/// The traffic range the crossover is looked for in, requests per second.
pub const RPS_RANGE: (f64, f64) = (0.01, 100_000.0);

/// One point of the comparison: traffic, Managed Instances, on-demand functions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub rps: f64,
    pub lmi_usd: Usd,
    pub lambda_usd: Usd,
}

/// Both monthly costs at `rps`.
pub fn point(i: &LmiInput, rps: f64) -> Result<Point, String> {
    point_with(i, &on_demand_input(i)?, rps)
}

fn point_with(i: &LmiInput, base: &crate::pricing::CostInput, rps: f64) -> Result<Point, String> {
    let n = requests_at(rps);
    Ok(Point { rps, lmi_usd: bill_with(i, n, false).1.total_usd, lambda_usd: on_demand_with(base, n)? })
}

/// `per_decade` log-spaced traffic levels across [`RPS_RANGE`].
pub fn grid(per_decade: u32) -> Vec<f64> {
    let (lo, hi) = (RPS_RANGE.0.log10(), RPS_RANGE.1.log10());
    let n = ((hi - lo) * per_decade as f64).round() as u32;
    (0..=n).map(|k| 10f64.powf(lo + (hi - lo) * k as f64 / n as f64)).map(|x| round_to(x, 6)).collect()
}

/// The lowest traffic (requests per second, to 0.1%) at which Managed
/// Instances cost no more than on-demand functions, within [`RPS_RANGE`],
/// instances from the capacity model.
pub fn crossover(i: &LmiInput) -> Result<Option<f64>, String> {
    let base = on_demand_input(i)?;
    let cheaper = |rps: f64| point_with(i, &base, rps).map(|p| p.lmi_usd <= p.lambda_usd);
    let g = grid(40);
    if cheaper(g[0])? {
        return Ok(Some(g[0]));
    }
    let mut prev = g[0];
    for &x in &g[1..] {
        if cheaper(x)? {
            let (mut lo, mut hi) = (prev, x);
            while hi / lo > 1.001 {
                let mid = (lo * hi).sqrt();
                if cheaper(mid)? { hi = mid } else { lo = mid }
            }
            return Ok(Some(hi));
        }
        prev = x;
    }
    Ok(None)
}

/// A priced workload.
#[derive(Clone, Debug, PartialEq)]
pub struct LmiResult {
    pub input: LmiInput,
    pub capacity: Capacity,
    pub bill: LmiBill,
    pub lambda_usd: Usd,
    pub crossover_rps: Option<f64>,
    /// The comparison at [`grid`]`(4)`: what the chart draws and its table lists.
    pub points: Vec<Point>,
    /// Where this is one of AWS's worked examples whose arithmetic is off.
    pub notes: Vec<String>,
}

/// Evaluates the Managed Instances calculator from named parameters.
pub fn evaluate(v: &Values) -> Result<LmiResult, Vec<ParamError>> {
    let i = check(v)?;
    let fail = |m: String| {
        vec![ParamError { param: "duration_ms".into(), given: String::new(), message: format!("Not priced: {m}.") }]
    };
    let (capacity, bill) = bill(&i, i.requests);
    let base = on_demand_input(&i).map_err(fail)?;
    let lambda_usd = on_demand_with(&base, i.requests).map_err(fail)?;
    let crossover_rps = crossover(&i).map_err(fail)?;
    let points = grid(4).into_iter().map(|x| point_with(&i, &base, x)).collect::<Result<Vec<_>, _>>().map_err(fail)?;
    // AWS's example prices the Managed Instances bill alone: the on-demand
    // side of the comparison (its memory, architecture, free tier) is ours.
    let notes = crate::published::example_notes("lmi", |e| {
        let d = crate::scenario::decode_query(LMI_PARAMS, e.query);
        d.errors.is_empty()
            && check(&d.values).is_ok_and(|x| {
                LmiInput { arch: i.arch, function_memory_mb: i.function_memory_mb, free_tier: i.free_tier, ..x } == i
            })
    });
    Ok(LmiResult { input: i, capacity, bill, lambda_usd, crossover_rps, points, notes })
}

impl LmiResult {
    /// The named metrics.
    pub fn metrics(&self) -> Vec<(&'static str, MetricValue)> {
        let c = &self.capacity;
        let num = |x: f64, d: i32| MetricValue::Num(round_to(x, d));
        vec![
            ("total_usd", MetricValue::Usd(self.bill.total_usd)),
            ("ec2_usd", MetricValue::Usd(self.bill.ec2_usd)),
            ("fee_usd", MetricValue::Usd(self.bill.fee_usd)),
            ("request_usd", MetricValue::Usd(self.bill.request_usd)),
            ("instances", MetricValue::Count(c.instances as u128)),
            ("instance_hours", MetricValue::Qty(self.bill.instance_hours)),
            ("environments", MetricValue::Count(c.environments as u128)),
            ("envs_per_instance", MetricValue::Count(c.envs_per_instance as u128)),
            ("per_env_concurrency", MetricValue::Count(c.per_env as u128)),
            ("peak_concurrency", num(c.peak_concurrency, 3)),
            ("mean_rps", num(c.mean_rps, 3)),
            ("lambda_usd", MetricValue::Usd(self.lambda_usd)),
            ("crossover_rps", self.crossover_rps.map_or(MetricValue::Missing, |x| num(x, 3))),
        ]
    }

    /// Every step of the arithmetic.
    pub fn math(&self) -> Vec<String> {
        let (i, c, b) = (&self.input, &self.capacity, &self.bill);
        let mut m = vec!["Capacity".to_string()];
        if i.instance_hours > 0.0 {
            m.push(format!(
                "  {} instance-hours, as given (the capacity model below is not used for the bill)",
                fmt_num(i.instance_hours)
            ));
        }
        m.push(format!(
            "  {} requests ÷ ({HOURS_PER_MONTH} h × 3600 s) = {} requests/s; × {} ms × {} peak-to-mean = {} invocations in flight at the peak",
            i.requests,
            round_to(c.mean_rps, 4),
            fmt_num(i.duration_ms),
            fmt_num(i.peak_to_mean),
            round_to(c.peak_concurrency, 3)
        ));
        m.push(format!(
            "  per vCPU: the lesser of {} ({}) and ⌊100 ÷ {}% CPU share⌋ = {} invocations",
            i.concurrency_per_vcpu,
            i.runtime,
            fmt_num(i.cpu_share_pct),
            c.per_vcpu
        ));
        m.push(format!(
            "  per environment: {} MB ÷ ({} GB per vCPU × 1024) = {} vCPU × {} = {} invocations",
            i.memory_mb,
            fmt_num(i.memory_per_vcpu_gb),
            c.vcpus_per_env,
            c.per_vcpu,
            c.per_env
        ));
        m.push(format!(
            "  environments: ⌈{} × (1 + {}% headroom) ÷ {}⌉, at least {} = {}",
            round_to(c.peak_concurrency, 3),
            fmt_num(i.headroom_pct),
            c.per_env,
            i.min_environments,
            c.environments
        ));
        m.push(format!(
            "  per {}: the lesser of ({} − {}) vCPUs ÷ {} and ({} − {}) GB ÷ {} MB = {} environment(s)",
            i.instance_type,
            i.shape.vcpus,
            i.reserved_vcpus,
            c.vcpus_per_env,
            i.shape.memory_gb,
            fmt_num(i.reserved_gb),
            i.memory_mb,
            c.envs_per_instance
        ));
        let free = i.shape.vcpus.saturating_sub(i.reserved_vcpus);
        let idle = free.saturating_sub(c.envs_per_instance * c.vcpus_per_env);
        if idle > 0 && free / c.vcpus_per_env.max(1) <= c.envs_per_instance {
            m.push(format!(
                "  ({idle} of the {free} free vCPUs of each instance stay idle: environments of this size do not fill it, so a larger environment, or an instance type they divide, can cost less)"
            ));
        }
        m.push(format!(
            "  instances: ⌈{} ÷ {}⌉, at least {} (one per Availability Zone) = {} → {} instance-hours",
            c.environments,
            c.envs_per_instance,
            i.min_environments,
            c.instances,
            c.instances * HOURS_PER_MONTH as u64
        ));
        m.push("Managed Instances".into());
        m.push(format!(
            "  EC2: {} h × ${} ({} on-demand, {}) = ${}",
            b.instance_hours.to_decimal(),
            i.hourly.to_decimal(),
            i.instance_type,
            i.region,
            b.ec2_on_demand_usd
        ));
        if i.ec2_discount_pct > 0.0 {
            m.push(format!(
                "  − {}% (Savings Plan or Reserved Instances) = ${}",
                fmt_num(i.ec2_discount_pct),
                b.ec2_usd
            ));
        }
        m.push(format!(
            "  management fee: {MANAGEMENT_FEE_PCT}% × ${} (on-demand, never discounted) = ${}",
            b.ec2_on_demand_usd, b.fee_usd
        ));
        m.push(format!("  requests: {} × ${} = ${}", i.requests, REQUEST.to_decimal(), b.request_usd));
        m.push(format!("  no duration charge; total ${} (≈ ${})", b.total_usd, b.total_usd.round_cents()));
        m.push("The same workload as on-demand functions".into());
        m.push(format!(
            "  {} requests of {} ms at {} MB ({}, {}, free tier {}): ${} (≈ ${}), priced by the cost calculator",
            i.requests,
            fmt_num(i.duration_ms),
            i.function_memory_mb,
            i.arch.name(),
            i.region,
            if i.free_tier { "on" } else { "off" },
            self.lambda_usd,
            self.lambda_usd.round_cents()
        ));
        if i.instance_hours > 0.0 {
            m.push("  (the crossover and the chart size the instances with the capacity model: the instance-hours given describe this traffic only)".into());
        }
        m.push(match self.crossover_rps {
            Some(x) => format!(
                "  crossover: from about {} requests/s ({} a month), Managed Instances cost no more",
                round_to(x, 3),
                requests_at(x)
            ),
            None => format!(
                "  crossover: none from {} to {} requests/s; on-demand functions cost less throughout",
                RPS_RANGE.0,
                fmt_num(RPS_RANGE.1)
            ),
        });
        m
    }

    /// What the model assumes, for the page and the CLI.
    pub fn assumptions(&self) -> Vec<String> {
        vec![
            "A month is 730 hours; instances run all of it (the capacity provider keeps its minimum even with no traffic).".into(),
            "Capacity is sized for the peak: the month's mean rate × the peak-to-mean ratio, with the headroom on top (AWS's default target leaves room for traffic to double within 5 minutes).".into(),
            "An instance keeps some vCPU and memory for itself (1 vCPU and 1 GB by default, the assumption of AWS's sample calculator; AWS does not publish it).".into(),
            "No free tier is taken off Managed Instances requests (AWS's example takes none off; whether it applies is not published).".into(),
            "EBS volumes, public IPv4 addresses, NAT and data transfer are not included.".into(),
        ]
    }
}

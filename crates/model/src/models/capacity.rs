//! Lambda Managed Instances' capacity model: how many instances a workload
//! needs, and their bill.

use crate::base::money::{Qty, Rate, Usd};
use crate::params::{Kind, ParamError, ParamSpec, Values, fmt_num};
use crate::rates::ec2::*;
use crate::rates::runtimes::{MANAGED_INSTANCES_LANGUAGE_NAMES, MANAGED_INSTANCES_LANGUAGES};
use crate::rates::{self, Arch, HOURS_PER_MONTH, SECONDS_PER_MONTH};

/// A parameter name of [`LMI_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        crate::param!(LMI_PARAMS, $name)
    };
}

/// An execution environment's memory by default (and at least), MB.
pub const ENV_MEMORY_DEFAULT: &str = "2048";

/// The `runtime_family` parameter, shared with the platforms calculator.
pub const RUNTIME_FAMILY: ParamSpec = ParamSpec {
    name: "runtime_family",
    label: ui_text!("Runtime"),
    kind: Kind::Choice(MANAGED_INSTANCES_LANGUAGE_NAMES),
    default: "nodejs",
    unit: "",
    help: ui_text!(
        "Sets the default concurrent invocations per vCPU: Node.js 64, Java and .NET 32, Python 16, Rust 8."
    ),
};

/// The `memory_per_vcpu_gb` parameter, shared with the platforms calculator.
pub const MEMORY_PER_VCPU: ParamSpec = ParamSpec {
    name: "memory_per_vcpu_gb",
    label: ui_text!("Memory per vCPU"),
    kind: Kind::Num { min: 2.0, max: 8.0 },
    default: "2",
    unit: "GB",
    help: ui_text!(
        "The capacity provider's memory-to-vCPU ratio, 2 to 8: an environment gets one vCPU for each this many GB of its memory."
    ),
};

/// The `concurrency_per_vcpu` parameter, shared with the platforms calculator.
pub const CONCURRENCY_PER_VCPU: ParamSpec = ParamSpec {
    name: "concurrency_per_vcpu",
    label: ui_text!("Concurrent invocations per vCPU"),
    kind: Kind::Int { min: 0, max: 64 },
    default: "0",
    unit: "",
    help: ui_text!("The most invocations one vCPU runs at once; 0 uses the runtime's default. At most 64."),
};

/// The `reserved_vcpus` parameter, shared with the platforms calculator.
pub const RESERVED_VCPUS: ParamSpec = ParamSpec {
    name: "reserved_vcpus",
    label: ui_text!("vCPUs kept per instance"),
    kind: Kind::Int { min: 0, max: 8 },
    default: "1",
    unit: "",
    help: ui_text!(
        "An assumption (AWS's sample calculator's): capacity an instance keeps for its operating system and agents."
    ),
};

/// The `reserved_gb` parameter, shared with the platforms calculator.
pub const RESERVED_GB: ParamSpec = ParamSpec {
    name: "reserved_gb",
    label: ui_text!("Memory kept per instance"),
    kind: Kind::Num { min: 0.0, max: 16.0 },
    default: "1",
    unit: "GB",
    help: ui_text!("An assumption, as above."),
};

pub const LMI_PARAMS: &[ParamSpec] = &[
    rates::region_param(
        "EC2 prices are in this calculator for us-east-1 (every type listed) and eu-west-1 (c7g, m7g, r7g, m7i up to 4xlarge).",
    ),
    ParamSpec {
        name: "instance_type",
        label: ui_text!("Instance type"),
        kind: Kind::Choice(INSTANCE_TYPES),
        default: "m7g.xlarge",
        unit: "",
        help: ui_text!("c: 2 GB per vCPU, m: 4 GB, r: 8 GB; g: Graviton (arm64), i: Intel (x86_64)."),
    },
    RUNTIME_FAMILY,
    ParamSpec {
        name: "memory_mb",
        label: ui_text!("Memory per execution environment"),
        kind: Kind::Int { min: 2048, max: 32768 },
        default: ENV_MEMORY_DEFAULT,
        unit: "MB",
        help: ui_text!(
            "2 GB to 32 GB, in whole vCPUs at the memory per vCPU (at 2 GB per vCPU: 2,048, 4,096, 6,144 MB…). One environment serves many invocations at once."
        ),
    },
    MEMORY_PER_VCPU,
    ParamSpec {
        name: "requests",
        label: ui_text!("Requests"),
        kind: Kind::Int { min: 0, max: 10_000_000_000_000 },
        default: "100000000",
        unit: "per month",
        help: ui_text!("Invocations per month (a month is 730 hours)."),
    },
    ParamSpec {
        name: "duration_ms",
        label: ui_text!("Average duration"),
        kind: Kind::Num { min: 0.001, max: 900_000.0 },
        default: "200",
        unit: "ms",
        help: ui_text!("From the start of an invocation to its response."),
    },
    ParamSpec {
        name: "peak_to_mean",
        label: ui_text!("Peak-to-mean traffic"),
        kind: Kind::Num { min: 1.0, max: 100.0 },
        default: "1",
        unit: "×",
        help: ui_text!("How far the busiest hour's rate is above the month's mean: capacity is sized for the peak."),
    },
    CONCURRENCY_PER_VCPU,
    ParamSpec {
        name: "cpu_share_pct",
        label: ui_text!("CPU share of an invocation"),
        kind: Kind::Num { min: 1.0, max: 100.0 },
        default: "25",
        unit: "%",
        help: ui_text!(
            "The part of its duration an invocation keeps a vCPU busy (the rest waits on I/O): 12.5% I/O-heavy, 25% balanced, 50% CPU-heavy."
        ),
    },
    ParamSpec {
        name: "headroom_pct",
        label: ui_text!("Scaling headroom"),
        kind: Kind::Num { min: 0.0, max: 400.0 },
        default: "100",
        unit: "%",
        help: ui_text!(
            "Spare capacity above the peak. AWS's default target leaves room for traffic to double within 5 minutes: 100%."
        ),
    },
    ParamSpec {
        name: "min_environments",
        label: ui_text!("Minimum execution environments"),
        kind: Kind::Int { min: 1, max: 15_000 },
        default: "3",
        unit: "",
        help: ui_text!(
            "3 by default, one per Availability Zone, each on its own instance; fewer gives up AZ redundancy."
        ),
    },
    RESERVED_VCPUS,
    RESERVED_GB,
    ParamSpec {
        name: "ec2_discount_pct",
        label: ui_text!("EC2 discount"),
        kind: Kind::Num { min: 0.0, max: MAX_DISCOUNT_PCT },
        default: "0",
        unit: "%",
        help: ui_text!(
            "Savings Plans or Reserved Instances, off the EC2 charge only; the 15% fee stays on the on-demand price. AWS's example: 72% (3-year Compute Savings Plan)."
        ),
    },
    ParamSpec {
        name: "instance_hours",
        label: ui_text!("Instance-hours"),
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "per month",
        help: ui_text!("Measured or planned instance-hours; 0 works them out from the capacity model."),
    },
    ParamSpec {
        name: "function_memory_mb",
        label: ui_text!("Memory as an on-demand function"),
        kind: Kind::Int { min: 128, max: 10240 },
        default: "512",
        unit: "MB",
        help: ui_text!(
            "For the comparison: the memory the same code needs as a default Lambda function, one invocation per environment."
        ),
    },
    rates::arch_param(
        "For the comparison: the on-demand functions' architecture (the workload's own; the instance type sets Managed Instances').",
    ),
    ParamSpec {
        name: "free_tier",
        label: ui_text!("Free tier in the comparison"),
        kind: Kind::Bool,
        default: "true",
        unit: "",
        help: ui_text!(
            "Take the free tier off the on-demand function's bill (as for a function alone in its account). None is taken off Managed Instances."
        ),
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

pub fn check(v: &Values) -> Result<LmiInput, Vec<ParamError>> {
    let mut errs = Vec::new();
    let region = rates::region(v.text(p!("region"))).map_or("us-east-1", |r| r.code);
    let instance_type =
        INSTANCE_TYPES.iter().copied().find(|t| *t == v.text(p!("instance_type"))).unwrap_or("m7g.xlarge");
    let shape = shape(instance_type).unwrap_or(Shape { arch: Arch::Arm, vcpus: 4, memory_gb: 16 });
    let runtime = MANAGED_INSTANCES_LANGUAGE_NAMES
        .iter()
        .copied()
        .find(|r| *r == v.text(p!("runtime_family")))
        .unwrap_or("nodejs");
    let runtime_default = MANAGED_INSTANCES_LANGUAGES.iter().find(|r| r.0 == runtime).map_or(16, |r| r.1);
    let given = v.int(p!("concurrency_per_vcpu")) as u32;
    let hourly = ec2_price(region, instance_type).unwrap_or_else(|| {
        let regions = priced_regions(instance_type);
        errs.push(ParamError {
            param: "region".into(),
            given: region.into(),
            message: ui_format!(
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
            message: ui_format!(
                "Instance type (instance_type): a {} MB environment with {} vCPU does not fit a {instance_type} ({} vCPUs, {} GB, less {} vCPU and {} GB kept); {}.",
                i.memory_mb,
                vcpus_per_env(&i),
                shape.vcpus,
                shape.memory_gb,
                i.reserved_vcpus,
                fmt_num(i.reserved_gb),
                match fits {
                    Some(t) => ui_format!("choose {t} or larger, or less memory"),
                    None => "choose a larger family or less memory".to_string(),
                }
            ),
        });
    }
    if errs.is_empty() { Ok(i) } else { Err(errs) }
}

pub fn shape_of(t: &str) -> Shape {
    shape(t).unwrap_or(Shape { arch: Arch::Arm, vcpus: 0, memory_gb: 0 })
}

/// One vCPU's worth of environment memory, in MB, at `gb_per_vcpu`.
pub fn vcpu_step_mb(gb_per_vcpu: f64) -> f64 {
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
    let nearest: Vec<String> = sizes.iter().map(|mb| ui_format!("{} MB", crate::params::grouped(*mb as i64))).collect();
    Err(ui_format!(
        "Memory per execution environment (memory_mb): at {} GB per vCPU an environment has one vCPU per {} MB, so its memory is a whole number of {} MB steps{}, not {}; or change Memory per vCPU (memory_per_vcpu_gb).",
        fmt_num(gb_per_vcpu),
        crate::params::grouped(step.round() as i64),
        crate::params::grouped(step.round() as i64),
        if nearest.is_empty() {
            " between 2,048 and 32,768 MB".to_string()
        } else {
            ui_format!(": {}", nearest.join(" or "))
        },
        crate::params::grouped(memory_mb as i64),
    ))
}

/// vCPUs of one environment: its memory ÷ the memory per vCPU (a whole
/// number once [`whole_vcpus`] has passed).
pub fn vcpus_per_env(i: &LmiInput) -> u32 {
    whole_vcpus(i.memory_mb, i.memory_per_vcpu_gb).unwrap_or(1).max(1)
}

/// Environments one instance holds, by vCPU and by memory, after what the
/// instance keeps for itself.
pub fn envs_per_instance(i: &LmiInput) -> u32 {
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
pub fn bill_with(i: &LmiInput, requests: u64, given_hours: bool) -> (Capacity, LmiBill) {
    let cap = capacity(i, requests);
    let hours = if given_hours && i.instance_hours > 0.0 {
        crate::billing::decimal_qty(i.instance_hours)
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

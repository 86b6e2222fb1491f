//! The platforms calculator's parameters: the workload once (the shared
//! function profile's names), then what each platform needs to be sized and
//! priced, every assumption a field with its default explained.

use crate::billing;
use crate::models::capacity;
use crate::params::{Kind, ParamSpec, Values};
use crate::rates::ec2::{INSTANCE_TYPES, MAX_DISCOUNT_PCT};
use crate::rates::fargate::{MAX_STORAGE_GB, TASK_VCPUS};
use crate::rates::{self, SAVINGS_PLAN_MAX_PCT};

pub const PLATFORMS_PARAMS: &[ParamSpec] = &[
    rates::region_param(
        "Lambda is priced in every region; Fargate, EC2 and Managed Instances where this calculator has their rates (us-east-1, eu-west-1).",
    ),
    rates::prices_param(rates::PRICES_HELP),
    rates::arch_param("The function's and the Fargate task's architecture (the instance type sets EC2's)."),
    ParamSpec {
        name: "requests",
        label: ui_text!("Requests"),
        kind: Kind::Int { min: 0, max: 1_000_000_000_000 },
        default: "100000000",
        unit: "per month",
        help: ui_text!("Requests a month (a month is 730 hours): 100 million is about 38 a second."),
    },
    ParamSpec {
        name: "duration_ms",
        label: ui_text!("Average duration"),
        kind: Kind::Num { min: 0.001, max: 900_000.0 },
        default: "200",
        unit: "ms",
        help: ui_text!("From a request's start to its response, on every platform alike."),
    },
    ParamSpec {
        name: "duration_cv",
        label: ui_text!("Duration variation (CV)"),
        kind: Kind::Num { min: 0.0, max: 5.0 },
        default: "0",
        unit: "",
        help: ui_text!(
            "Standard deviation ÷ mean: Lambda rounds each invocation up to the millisecond, so a spread costs a little more there; the other platforms size on the mean."
        ),
    },
    rates::memory_param(
        "Memory as a function",
        "512",
        "What the code needs as an on-demand Lambda function, one request per environment.",
    ),
    ParamSpec {
        name: "peak_to_mean",
        label: ui_text!("Peak-to-mean traffic"),
        kind: Kind::Num { min: 1.0, max: 100.0 },
        default: "1",
        unit: "×",
        help: ui_text!(
            "How far the busiest hour is above the month's mean. Instances and tasks are sized for the peak and run all month; Lambda bills only what runs."
        ),
    },
    ParamSpec {
        name: "cpu_share_pct",
        label: ui_text!("CPU share of a request"),
        kind: Kind::Num { min: 1.0, max: 100.0 },
        default: "25",
        unit: "%",
        help: ui_text!(
            "The part of its duration a request keeps a vCPU busy (the rest waits on I/O): 12.5% I/O-heavy, 25% balanced, 50% CPU-heavy. Sizes tasks and instances."
        ),
    },
    ParamSpec {
        name: "free_tier",
        label: ui_text!("Lambda free tier"),
        kind: Kind::Bool,
        default: "true",
        unit: "",
        help: ui_text!(
            "Take the free tier off the function's bill (as for a function alone in its account). Managed Instances take none off."
        ),
    },
    ParamSpec {
        name: "savings_plan_pct",
        label: ui_text!("Lambda Savings Plan discount"),
        kind: Kind::Num { min: 0.0, max: SAVINGS_PLAN_MAX_PCT },
        default: "0",
        unit: "%",
        help: ui_text!("A Compute Savings Plan takes up to 17% off Lambda's duration (not its requests)."),
    },
    ParamSpec {
        name: "fargate_vcpu",
        label: ui_text!("Fargate task vCPU"),
        kind: Kind::Choice(TASK_VCPUS),
        default: "1",
        unit: "vCPU",
        help: ui_text!("A task's size: 0.25 to 16 vCPU, each with its own memory range."),
    },
    ParamSpec {
        name: "fargate_gb",
        label: ui_text!("Fargate task memory"),
        kind: Kind::Num { min: 0.5, max: 120.0 },
        default: "2",
        unit: "GB",
        help: ui_text!(
            "0.25 vCPU: 0.5, 1 or 2 GB; 0.5: 1–4; 1: 2–8; 2: 4–16; 4: 8–30 (whole GB); 8: 16–60 in 4 GB steps; 16: 32–120 in 8 GB steps."
        ),
    },
    ParamSpec {
        name: "fargate_tasks",
        label: ui_text!("Fargate tasks (fixed)"),
        kind: Kind::Int { min: 0, max: 100_000 },
        default: "0",
        unit: "",
        help: ui_text!("A task count you run or plan, all month; 0 sizes the tasks with the model below."),
    },
    ParamSpec {
        name: "fargate_cpu_target_pct",
        label: ui_text!("Fargate CPU target"),
        kind: Kind::Num { min: 10.0, max: 100.0 },
        default: "70",
        unit: "%",
        help: ui_text!(
            "The average CPU ECS target tracking keeps tasks at: the room left is the headroom for a burst while new tasks start (a minute or two)."
        ),
    },
    ParamSpec {
        name: "fargate_min_tasks",
        label: ui_text!("Fargate minimum tasks"),
        kind: Kind::Int { min: 1, max: 10_000 },
        default: "3",
        unit: "",
        help: ui_text!(
            "3 by default, one per Availability Zone (as Managed Instances keep 3 environments); 1 gives up zone redundancy."
        ),
    },
    ParamSpec {
        name: "fargate_storage_gb",
        label: ui_text!("Fargate ephemeral storage"),
        kind: Kind::Num { min: 20.0, max: MAX_STORAGE_GB },
        default: "20",
        unit: "GB",
        help: ui_text!("20 GB per task are included; beyond them each GB-hour is billed (us-east-1 $0.000111)."),
    },
    ParamSpec {
        name: "fargate_discount_pct",
        label: ui_text!("Fargate discount"),
        kind: Kind::Num { min: 0.0, max: 70.0 },
        default: "0",
        unit: "%",
        help: ui_text!(
            "Compute Savings Plans: about 20% (1 year) to 50% (3 years). Fargate Spot: up to 70% (67–69% seen in eu-west-1), but a task can be stopped with two minutes' notice."
        ),
    },
    ParamSpec {
        name: "ec2_instance_type",
        label: ui_text!("EC2 instance type"),
        kind: Kind::Choice(INSTANCE_TYPES),
        default: "m7g.xlarge",
        unit: "",
        help: ui_text!(
            "For Managed Instances and for EC2 alone. c: 2 GB per vCPU, m: 4 GB, r: 8 GB; g: Graviton (arm64), i: Intel (x86_64)."
        ),
    },
    capacity::RUNTIME_FAMILY,
    ParamSpec {
        name: "env_memory_mb",
        label: ui_text!("Memory per environment (instances)"),
        kind: Kind::Int { min: 2048, max: 32768 },
        default: "2048",
        unit: "MB",
        help: ui_text!(
            "On Managed Instances and EC2, one environment (or process) serves many requests at once: 2 GB to 32 GB, in whole vCPUs at the memory per vCPU."
        ),
    },
    capacity::MEMORY_PER_VCPU,
    capacity::CONCURRENCY_PER_VCPU,
    ParamSpec {
        name: "headroom_pct",
        label: ui_text!("Scaling headroom (instances)"),
        kind: Kind::Num { min: 0.0, max: 400.0 },
        default: "100",
        unit: "%",
        help: ui_text!(
            "Spare capacity above the peak: instances take minutes to start. AWS's Managed Instances default leaves room for traffic to double: 100%."
        ),
    },
    ParamSpec {
        name: "min_environments",
        label: ui_text!("Minimum instances"),
        kind: Kind::Int { min: 1, max: 15_000 },
        default: "3",
        unit: "",
        help: ui_text!("3 by default, one per Availability Zone, for Managed Instances and EC2 alike."),
    },
    capacity::RESERVED_VCPUS,
    capacity::RESERVED_GB,
    ParamSpec {
        name: "ec2_discount_pct",
        label: ui_text!("EC2 discount"),
        kind: Kind::Num { min: 0.0, max: MAX_DISCOUNT_PCT },
        default: "0",
        unit: "%",
        help: ui_text!(
            "Savings Plans or Reserved Instances, off the EC2 charge (Managed Instances' 15% fee stays on the on-demand price): up to 72% for 3 years."
        ),
    },
    ParamSpec {
        name: "load_balancer",
        label: ui_text!("Load balancer for Fargate and EC2"),
        kind: Kind::Bool,
        default: "true",
        unit: "",
        help: ui_text!(
            "An Application Load Balancer in front of the tasks or instances (hours, two public IPv4 addresses and LCUs). Lambda and Managed Instances are invoked without one."
        ),
    },
    ParamSpec {
        name: "payload_kb",
        label: ui_text!("Request + response size"),
        kind: Kind::Num { min: 0.0, max: 10_240.0 },
        default: "1",
        unit: "KB",
        help: ui_text!(
            "Bytes through the load balancer per request: an LCU is 1 GB an hour for instance and container targets."
        ),
    },
];

/// The keys the cost table reads for the function.
const COST_KEYS: [&str; 9] = [
    "region",
    "prices",
    "arch",
    "memory_mb",
    "duration_ms",
    "duration_cv",
    "requests",
    "free_tier",
    "savings_plan_pct",
];

/// The values the cost table reads for the function.
pub(super) fn cost_values(v: &Values) -> Values {
    let mut out = Values::defaults(billing::COST_PARAMS);
    for k in COST_KEYS {
        let _ = out.set(k, &v.get(k).to_string());
    }
    out
}

//! The pricing engine: every AWS Lambda billing component, exact.
//!
//! Flow: [`COST_PARAMS`] (named parameters) → [`CostInput::from_values`]
//! (validated, typed) → [`usage`] (what is billed, in exact units) →
//! [`price_account`] (free tier and tier counters shared across functions,
//! money in exact atto-dollars) → [`CostResult`] (named metrics, lines, and
//! the arithmetic written out).

use crate::metrics::MetricValue;
use crate::money::{Qty, Rate, Usd, mul_div_round};
use crate::prices::{self, Arch, Region};
use crate::scenario::{Date, Kind, ParamError, ParamSpec, Values, fmt_num, round_to};
use crate::stats::expected_ceil_lognormal;

/// A parameter name of [`COST_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        crate::param!(COST_PARAMS, $name)
    };
}

const NS_PER_MS: u128 = 1_000_000;
/// The largest p99 ÷ mean a lognormal can have: e^(z²/2) with z = Φ⁻¹(0.99).
const P99_MAX_RATIO: f64 = 14.958;
const NS_PER_S: u128 = 1_000_000_000;
/// 1 GB = 1,024 MB for Lambda memory and storage.
const MB_PER_GB: u128 = 1024;

pub const RUNTIMES: &[&str] = &[
    "nodejs22.x",
    "nodejs24.x",
    "nodejs20.x",
    "python3.14",
    "python3.13",
    "python3.12",
    "python3.11",
    "java25",
    "java21",
    "java17",
    "java11",
    "dotnet10",
    "dotnet8",
    "ruby3.4",
    "ruby3.3",
    "provided.al2023",
    "provided.al2",
];

/// The cost calculator's parameters. Names are the public contract.
pub const COST_PARAMS: &[ParamSpec] = &[
    prices::region_param(""),
    prices::arch_param(""),
    prices::memory_param("Memory", "1024", ""),
    ParamSpec {
        name: "duration_ms",
        label: "Duration (mean)",
        kind: Kind::Num { min: 0.001, max: 900_000.0 },
        default: "120",
        unit: "ms",
        help: "",
    },
    ParamSpec {
        name: "duration_cv",
        label: "Duration variation (CV)",
        kind: Kind::Num { min: 0.0, max: 5.0 },
        default: "0",
        unit: "",
        help: "",
    },
    ParamSpec {
        name: "duration_p99_ms",
        label: "Duration p99",
        kind: Kind::Num { min: 0.0, max: 900_000.0 },
        default: "0",
        unit: "ms",
        help: "",
    },
    ParamSpec {
        name: "requests",
        label: "Requests per month",
        kind: Kind::Int { min: 0, max: 1_000_000_000_000 },
        default: "3000000",
        unit: "requests",
        help: "",
    },
    ParamSpec {
        name: "ephemeral_mb",
        label: "Ephemeral storage (/tmp)",
        kind: Kind::Int { min: 512, max: 10240 },
        default: "512",
        unit: "MB",
        help: "",
    },
    ParamSpec {
        name: "free_tier",
        label: "Apply the free tier",
        kind: Kind::Bool,
        default: "true",
        unit: "",
        help: "",
    },
    prices::pc_units_param(""),
    ParamSpec {
        name: "pc_hours",
        label: "PC enabled per month",
        kind: Kind::Num { min: 0.0, max: 744.0 },
        default: "730",
        unit: "hours",
        help: "",
    },
    ParamSpec {
        name: "pc_requests",
        label: "Requests served by PC",
        kind: Kind::Int { min: -1, max: 1_000_000_000_000 },
        default: "-1",
        unit: "requests",
        help: "",
    },
    ParamSpec {
        name: "pc_duration_ms",
        label: "Duration on PC",
        kind: Kind::Num { min: 0.0, max: 900_000.0 },
        default: "0",
        unit: "ms",
        help: "",
    },
    ParamSpec {
        name: "cold_start_ratio",
        label: "Cold-start ratio",
        kind: Kind::Num { min: 0.0, max: 1.0 },
        default: "0",
        unit: "",
        help: "",
    },
    ParamSpec {
        name: "init_ms",
        label: "Init duration",
        kind: Kind::Num { min: 0.0, max: 10_000.0 },
        default: "0",
        unit: "ms",
        help: "",
    },
    prices::package_param(""),
    ParamSpec {
        name: "runtime",
        label: "Runtime",
        kind: Kind::Choice(RUNTIMES),
        default: "nodejs22.x",
        unit: "",
        help: "",
    },
    prices::billing_date_param(""),
    prices::snapstart_param(""),
    ParamSpec {
        name: "snapstart_hours",
        label: "Snapshot cached per month",
        kind: Kind::Num { min: 0.0, max: 744.0 },
        default: "730",
        unit: "hours",
        help: "",
    },
    ParamSpec {
        name: "restore_ratio",
        label: "Restore ratio",
        kind: Kind::Num { min: 0.0, max: 1.0 },
        default: "0",
        unit: "",
        help: "",
    },
    ParamSpec {
        name: "stream_gb",
        label: "Streamed beyond 6 MB per response",
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "GB/month",
        help: "",
    },
    ParamSpec {
        name: "async_event_kb",
        label: "Async event size",
        kind: Kind::Int { min: 0, max: 1024 },
        default: "0",
        unit: "KB",
        help: "",
    },
    ParamSpec {
        name: "savings_plan_pct",
        label: "Compute Savings Plan discount",
        kind: Kind::Num { min: 0.0, max: prices::SAVINGS_PLAN_MAX_PCT },
        default: "0",
        unit: "%",
        help: "",
    },
    ParamSpec { name: "edge", label: "Lambda@Edge", kind: Kind::Bool, default: "false", unit: "", help: "" },
    ParamSpec {
        name: "tenant_environments",
        label: "Tenant-isolated environments created",
        kind: Kind::Int { min: 0, max: 1_000_000_000_000 },
        default: "0",
        unit: "per month",
        help: "",
    },
    ParamSpec {
        name: "durable_executions",
        label: "Durable executions started",
        kind: Kind::Int { min: 0, max: 1_000_000_000_000 },
        default: "0",
        unit: "per month",
        help: "",
    },
    ParamSpec {
        name: "durable_ops_per_execution",
        label: "Durable operations per execution",
        kind: Kind::Int { min: 1, max: 1_000_000 },
        default: "4",
        unit: "",
        help: "",
    },
    ParamSpec {
        name: "durable_kb_per_execution",
        label: "Data written per execution",
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "KB",
        help: "",
    },
    ParamSpec {
        name: "durable_days",
        label: "Execution running time",
        kind: Kind::Num { min: 0.0, max: 366.0 },
        default: "0",
        unit: "days",
        help: "",
    },
    ParamSpec {
        name: "durable_retention_days",
        label: "Retention after completion",
        kind: Kind::Int { min: 1, max: 90 },
        default: "14",
        unit: "days",
        help: "",
    },
    ParamSpec {
        name: "sqs_poller_hours",
        label: "SQS event poller hours",
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "EPU-hours/month",
        help: "",
    },
    ParamSpec {
        name: "kafka_poller_hours",
        label: "Kafka event poller hours",
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "EPU-hours/month",
        help: "",
    },
    ParamSpec {
        name: "front_door",
        label: "Front door",
        kind: Kind::Choice(FRONT_DOORS),
        default: "none",
        unit: "",
        help: "",
    },
    ParamSpec {
        name: "payload_kb",
        label: "Request + response size, per call",
        kind: Kind::Num { min: 0.0, max: 10_240.0 },
        default: "1",
        unit: "KB",
        help: "",
    },
    ParamSpec {
        name: "rest_cache_gb",
        label: "REST API cache",
        kind: Kind::Choice(REST_CACHE_SIZES),
        default: "0",
        unit: "GB",
        help: "",
    },
    ParamSpec {
        name: "alb_rules",
        label: "ALB rules evaluated per request",
        kind: Kind::Int { min: 0, max: 100 },
        default: "1",
        unit: "",
        help: "",
    },
    ParamSpec {
        name: "alb_connections_per_s",
        label: "ALB new connections",
        kind: Kind::Num { min: 0.0, max: 10_000_000.0 },
        default: "0",
        unit: "per second",
        help: "",
    },
    ParamSpec {
        name: "alb_active_connections",
        label: "ALB active connections",
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "per minute",
        help: "",
    },
    ParamSpec {
        name: "log_kb_per_invocation",
        label: "Logs per invocation",
        kind: Kind::Num { min: 0.0, max: 1_000_000.0 },
        default: "0",
        unit: "KB",
        help: "",
    },
    ParamSpec {
        name: "log_retention_days",
        label: "Log retention",
        kind: Kind::Int { min: 1, max: 3653 },
        default: "30",
        unit: "days",
        help: "",
    },
    ParamSpec {
        name: "egress_gb",
        label: "Data out to the internet",
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "GB/month",
        help: "",
    },
    ParamSpec {
        name: "nat_gb",
        label: "Data through a NAT gateway",
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "GB/month",
        help: "",
    },
    ParamSpec {
        name: "nat_hours",
        label: "NAT gateway hours",
        kind: Kind::Num { min: 0.0, max: 100_000_000.0 },
        default: "0",
        unit: "per month",
        help: "",
    },
];

/// The help text of each cost parameter, by name. It lives here rather than
/// in [`COST_PARAMS`] so that a page which only prices a month through the
/// cost engine (the traffic simulator) does not carry it: the cost page and
/// the CLI look it up (`CalcState::with_help`).
pub fn cost_help(name: &str) -> &'static str {
    match name {
        "region" => "AWS region; rates differ by region.",
        "arch" => "arm64 (Graviton) costs about 20% less per GB-s.",
        "memory_mb" => "128 to 10,240 MB in 1 MB steps; CPU scales with it.",
        "pc_units" => "Pre-initialised environments kept ready.",
        "package" => "Container images were billed for INIT even before 2025-08-01.",
        "billing_date" => "INIT billing rules depend on the date; empty means today.",
        "snapstart" => "Java 11+, Python 3.12+, .NET 8+. Cache and restore charges apply to Python and .NET.",
        "duration_ms" => "Mean run time per invocation, up to the 15-minute limit.",
        "duration_cv" => {
            "Standard deviation ÷ mean. Above 0, durations are lognormal and each one is rounded up on its own."
        }
        "duration_p99_ms" => {
            "If you know the 99th percentile rather than the CV: the CV of the lognormal with this mean and p99 is used (shown in the math). 0 = use the CV."
        }
        "requests" => "All invocations in the month, including any served by provisioned concurrency.",
        "ephemeral_mb" => "The first 512 MB are free.",
        "free_tier" => {
            "1M requests and 400,000 GB-s a month, account-wide. With provisioned concurrency it covers the requests and on-demand duration, never the PC lines."
        }
        "pc_hours" => "Billed rounded up to 5 minutes.",
        "pc_requests" => "How many of the requests run on PC; -1 means as many as PC can serve.",
        "pc_duration_ms" => "Mean duration of PC-served invocations; 0 means the same as the on-demand duration.",
        "cold_start_ratio" => "Share of on-demand invocations that start cold.",
        "init_ms" => "Init Duration per cold start (at most 10 s).",
        "runtime" => "Custom runtimes (provided.*) were billed for INIT even before 2025-08-01.",
        "snapstart_hours" => "At least 3 hours are billed.",
        "restore_ratio" => "Share of invocations that resume from the snapshot.",
        "stream_gb" => "GB per month written to response streams past each response's free first 6 MB.",
        "async_event_kb" => "For asynchronous events over 256 KB, each further 64 KB is one more request.",
        "savings_plan_pct" => "Off duration and PC, never off requests (up to 17%).",
        "edge" => "Edge functions: $0.60/M requests, duration per 128 MB-s, no free tier, x86_64 only.",
        "tenant_environments" => {
            "Tenant isolation mode: each environment Lambda creates for a tenant costs its memory in GB × a per-GB rate. Not with SnapStart, provisioned concurrency or function URLs."
        }
        "durable_executions" => {
            "Durable functions: executions started per month. Their invocations, replays included, belong in Requests and Duration above; waits cost nothing."
        }
        "durable_ops_per_execution" => {
            "Starting the execution, each step, each wait and each callback is one operation."
        }
        "durable_kb_per_execution" => {
            "The start payload plus every step's checkpointed result (1 GB = 1,000,000 KB, as AWS's example counts)."
        }
        "durable_days" => "From start to finish, waits included (at most 366 days). The data is retained meanwhile.",
        "durable_retention_days" => "How long a finished execution's data is kept: 1 to 90 days.",
        "sqs_poller_hours" => {
            "Provisioned mode for SQS event source mappings: one EPU per poller, at least 2 pollers per mapping (1,460 EPU-hours for a 730-hour month), per second with a 1-minute minimum."
        }
        "kafka_poller_hours" => {
            "Provisioned mode for MSK or self-managed Kafka mappings: an EPU carries up to 10 pollers (20 MB/s); mappings in one poller group share EPUs."
        }
        "front_door" => {
            "What receives the requests: none (events, queues, direct invokes), a function URL (free), an API Gateway HTTP API or REST API, or an Application Load Balancer."
        }
        "payload_kb" => {
            "One request and its response together, per call: HTTP APIs meter each call in 512 KB steps; an ALB bills the bytes it processes both ways."
        }
        "rest_cache_gb" => {
            "A REST API cache, billed per hour all month by its size (0 = none; only with a REST API). Not in any free tier."
        }
        "alb_rules" => "Listener rules an ALB evaluates per request; the first 10 are free.",
        "alb_connections_per_s" => "New connections a second (averaged over the hour); 0 means one per request.",
        "alb_active_connections" => "Connections open in a minute, averaged: long keep-alive clients keep many.",
        "log_kb_per_invocation" => {
            "What each invocation writes to CloudWatch Logs, the platform's START/END/REPORT lines included (about 0.3 KB)."
        }
        "log_retention_days" => "How long the log group keeps them; storage is billed for every GB kept.",
        "egress_gb" => {
            "Responses and uploads leaving AWS for the internet. 100 GB a month are free, across all services."
        }
        "nat_gb" => "For a function in a VPC that reaches the internet or AWS APIs through a NAT gateway.",
        "nat_hours" => "Hours the NAT gateways run: 730 per gateway for a month (often one per Availability Zone).",
        _ => "",
    }
}

/// The products around the function, by parameter: tenant isolation, durable
/// functions, event pollers, the front door, logs and network (what
/// [`function_total`] leaves out and the other calculators carry).
pub const PRODUCT_PARAMS: &[&str] = &[
    "tenant_environments",
    "durable_executions",
    "durable_ops_per_execution",
    "durable_kb_per_execution",
    "durable_days",
    "durable_retention_days",
    "sqs_poller_hours",
    "kafka_poller_hours",
    "front_door",
    "payload_kb",
    "rest_cache_gb",
    "alb_rules",
    "alb_connections_per_s",
    "alb_active_connections",
    "log_kb_per_invocation",
    "log_retention_days",
    "egress_gb",
    "nat_gb",
    "nat_hours",
];

/// Where requests come in: the `front_door` values.
pub const FRONT_DOORS: &[&str] = &["none", "function_url", "http_api", "rest_api", "alb"];
/// REST API cache sizes in GB, "0" for none ([`prices::REST_CACHE`]).
pub const REST_CACHE_SIZES: &[&str] = &["0", "0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"];

/// How the shared free GB-s are split when an account runs both
/// architectures. AWS does not document it, so it is a visible assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FreeTierOrder {
    X86First,
    ArmFirst,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Package {
    Zip,
    Image,
}

/// One function's validated inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct CostInput {
    pub region: &'static Region,
    pub arch: Arch,
    pub memory_mb: u32,
    pub duration_ms: f64,
    /// The CV used: `duration_cv`, or the one derived from the p99.
    pub duration_cv: f64,
    /// The p99 the CV was derived from; 0 when the CV was given.
    pub duration_p99_ms: f64,
    pub requests: u64,
    pub ephemeral_mb: u32,
    pub free_tier: bool,
    pub pc_units: u32,
    pub pc_hours: f64,
    /// `None`: as many as PC can serve.
    pub pc_requests: Option<u64>,
    pub pc_duration_ms: f64,
    pub cold_start_ratio: f64,
    pub init_ms: f64,
    pub package: Package,
    pub runtime: &'static str,
    pub billing_date: Date,
    pub snapstart: bool,
    pub snapstart_hours: f64,
    pub restore_ratio: f64,
    pub stream_gb: f64,
    pub async_event_kb: u32,
    pub savings_plan_pct: f64,
    pub edge: bool,
    /// Tenant-isolated execution environments created per month.
    pub tenant_environments: u64,
    pub durable_executions: u64,
    pub durable_ops_per_execution: u32,
    pub durable_kb_per_execution: f64,
    pub durable_days: f64,
    pub durable_retention_days: u32,
    /// Event Poller Unit-hours per month, SQS and Kafka mappings.
    pub sqs_poller_hours: f64,
    pub kafka_poller_hours: f64,
    /// One of [`FRONT_DOORS`].
    pub front_door: &'static str,
    pub payload_kb: f64,
    /// One of [`REST_CACHE_SIZES`].
    pub rest_cache_gb: &'static str,
    pub alb_rules: u32,
    pub alb_connections_per_s: f64,
    pub alb_active_connections: f64,
    pub log_kb_per_invocation: f64,
    pub log_retention_days: u32,
    pub egress_gb: f64,
    pub nat_gb: f64,
    pub nat_hours: f64,
}

impl PartialEq for Region {
    fn eq(&self, other: &Region) -> bool {
        self.code == other.code
    }
}

/// An error that two parameters together make, blamed on one of them and
/// named as every message names its field: "Label (name): …".
fn cross(param: &str, given: String, message: String) -> ParamError {
    let label = COST_PARAMS.iter().find(|s| s.name == param).map_or(param, |s| s.label);
    ParamError { param: param.to_string(), given, message: format!("{label} ({param}): {message}") }
}

fn runtime_name(s: &str) -> &'static str {
    RUNTIMES.iter().copied().find(|r| *r == s).unwrap_or(RUNTIMES[0])
}

/// Where the cross-checks of [`CostInput::read`] put what they find: every
/// message ([`Vec<ParamError>`], for the cost page, the account view and the
/// CLI), or only whether there was one ([`Refused`], for a figure priced
/// beside another calculator). Each message is built by a closure the
/// second kind never calls, so a module that only needs the figure does not
/// carry the messages' text.
pub trait Problems {
    fn add(&mut self, problem: impl FnOnce() -> ParamError);
}

impl Problems for Vec<ParamError> {
    fn add(&mut self, problem: impl FnOnce() -> ParamError) {
        self.push(problem());
    }
}

/// Whether the cost engine refused the values, without saying why.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Refused(pub bool);

impl Problems for Refused {
    fn add(&mut self, _: impl FnOnce() -> ParamError) {
        self.0 = true;
    }
}

impl CostInput {
    /// Reads and cross-checks the parameters. Every problem is reported, each
    /// naming what is valid.
    pub fn from_values(v: &Values, today: Date) -> Result<CostInput, Vec<ParamError>> {
        let mut errs = Vec::new();
        let input = CostInput::read(v, today, &mut errs);
        if errs.is_empty() { Ok(input) } else { Err(errs) }
    }

    /// Reads the parameters and puts every cross-check problem in `errs`.
    pub fn read(v: &Values, today: Date, errs: &mut impl Problems) -> CostInput {
        let region = prices::region(v.text(p!("region"))).expect("region is a checked choice");
        let arch = Arch::parse(v.text(p!("arch"))).expect("arch is a checked choice");
        let billing_date = match v.text(p!("billing_date")) {
            "" => today,
            s => Date::parse(s).unwrap_or(today),
        };
        let pc_requests = match v.int(p!("pc_requests")) {
            -1 => None,
            n => Some(n as u64),
        };
        let duration_ms = v.num(p!("duration_ms"));
        let pc_duration = v.num(p!("pc_duration_ms"));
        let p99 = v.num(p!("duration_p99_ms"));
        let duration_cv = if p99 > 0.0 {
            crate::stats::LogNormal::cv_from_mean_p99(duration_ms, p99).unwrap_or_else(|| {
                errs.add(|| cross(
                    "duration_p99_ms",
                    fmt_num(p99),
                    format!(
                        "a lognormal with a mean of {} ms has its p99 from {} ms to {} ms; use a p99 in that range, or 0 to give the CV instead.",
                        fmt_num(duration_ms),
                        fmt_num(duration_ms),
                        fmt_num((duration_ms * P99_MAX_RATIO).floor())
                    ),
                ));
                0.0
            })
        } else {
            v.num(p!("duration_cv"))
        };
        let input = CostInput {
            region,
            arch,
            memory_mb: v.int(p!("memory_mb")) as u32,
            duration_ms,
            duration_cv,
            duration_p99_ms: p99,
            requests: v.int(p!("requests")) as u64,
            ephemeral_mb: v.int(p!("ephemeral_mb")) as u32,
            free_tier: v.flag(p!("free_tier")),
            pc_units: v.int(p!("pc_units")) as u32,
            pc_hours: v.num(p!("pc_hours")),
            pc_requests,
            pc_duration_ms: if pc_duration > 0.0 { pc_duration } else { duration_ms },
            cold_start_ratio: v.num(p!("cold_start_ratio")),
            init_ms: v.num(p!("init_ms")),
            package: if v.text(p!("package")) == "image" { Package::Image } else { Package::Zip },
            runtime: runtime_name(v.text(p!("runtime"))),
            billing_date,
            snapstart: v.flag(p!("snapstart")),
            snapstart_hours: v.num(p!("snapstart_hours")),
            restore_ratio: v.num(p!("restore_ratio")),
            stream_gb: v.num(p!("stream_gb")),
            async_event_kb: v.int(p!("async_event_kb")) as u32,
            savings_plan_pct: v.num(p!("savings_plan_pct")),
            edge: v.flag(p!("edge")),
            tenant_environments: v.int(p!("tenant_environments")) as u64,
            durable_executions: v.int(p!("durable_executions")) as u64,
            durable_ops_per_execution: v.int(p!("durable_ops_per_execution")) as u32,
            durable_kb_per_execution: v.num(p!("durable_kb_per_execution")),
            durable_days: v.num(p!("durable_days")),
            durable_retention_days: v.int(p!("durable_retention_days")) as u32,
            sqs_poller_hours: v.num(p!("sqs_poller_hours")),
            kafka_poller_hours: v.num(p!("kafka_poller_hours")),
            front_door: FRONT_DOORS.iter().copied().find(|d| *d == v.text(p!("front_door"))).unwrap_or("none"),
            payload_kb: v.num(p!("payload_kb")),
            rest_cache_gb: REST_CACHE_SIZES.iter().copied().find(|c| *c == v.text(p!("rest_cache_gb"))).unwrap_or("0"),
            alb_rules: v.int(p!("alb_rules")) as u32,
            alb_connections_per_s: v.num(p!("alb_connections_per_s")),
            alb_active_connections: v.num(p!("alb_active_connections")),
            log_kb_per_invocation: v.num(p!("log_kb_per_invocation")),
            log_retention_days: v.int(p!("log_retention_days")) as u32,
            egress_gb: v.num(p!("egress_gb")),
            nat_gb: v.num(p!("nat_gb")),
            nat_hours: v.num(p!("nat_hours")),
        };
        let i = &input;
        if i.edge {
            if i.arch == Arch::Arm {
                errs.add(|| {
                    cross(
                        "arch",
                        "arm64".into(),
                        "Lambda@Edge runs on x86_64 only; choose x86_64 or turn Lambda@Edge off.".into(),
                    )
                });
            }
            if i.pc_units > 0 {
                errs.add(|| {
                    cross(
                        "pc_units",
                        i.pc_units.to_string(),
                        "Lambda@Edge has no provisioned concurrency; use 0.".into(),
                    )
                });
            }
            if i.snapstart {
                errs.add(|| {
                    cross("snapstart", "true".into(), "Lambda@Edge has no SnapStart; turn one of them off.".into())
                });
            }
            if i.ephemeral_mb > 512 {
                errs.add(|| {
                    cross(
                        "ephemeral_mb",
                        i.ephemeral_mb.to_string(),
                        "Lambda@Edge functions have a fixed 512 MB of /tmp; use 512.".into(),
                    )
                });
            }
        }
        if i.snapstart {
            if !crate::runtimes::snapstart_supported(i.runtime) {
                errs.add(|| {
                    cross(
                        "runtime",
                        i.runtime.into(),
                        format!(
                            "SnapStart does not support {}; it supports {}.",
                            i.runtime,
                            crate::runtimes::snapstart_list(RUNTIMES)
                        ),
                    )
                });
            }
            if i.package == Package::Image {
                errs.add(|| {
                    cross("package", "image".into(), "SnapStart works with zip packages only; use zip.".into())
                });
            }
            if i.pc_units > 0 {
                errs.add(|| {
                    cross(
                        "pc_units",
                        i.pc_units.to_string(),
                        "SnapStart cannot be combined with provisioned concurrency; use 0 or turn SnapStart off."
                            .into(),
                    )
                });
            }
            if i.ephemeral_mb > 512 {
                errs.add(|| {
                    cross(
                        "ephemeral_mb",
                        i.ephemeral_mb.to_string(),
                        "SnapStart cannot be combined with more than 512 MB of ephemeral storage; use 512.".into(),
                    )
                });
            }
            if i.region.snapstart.is_none() && !i.runtime.starts_with("java") {
                errs.add(|| cross("region", i.region.code.into(), format!(
                    "SnapStart cache and restore prices are in this calculator for {} only; pick one of them, or a Java runtime (no SnapStart charge).",
                    prices::REGIONS.iter().filter(|r| r.snapstart.is_some()).map(|r| r.code).collect::<Vec<_>>().join(", ")
                )));
            }
        }
        if i.ephemeral_mb > 512 && i.region.ephemeral.is_none() {
            errs.add(|| cross(
                "ephemeral_mb",
                i.ephemeral_mb.to_string(),
                format!(
                    "No published ephemeral-storage rate for {} is in this calculator; use 512 MB or another region.",
                    i.region.code
                ),
            ));
        }
        if i.tenant_environments > 0 {
            let given = i.tenant_environments.to_string();
            let tenant = |m: &str| cross("tenant_environments", given.clone(), m.to_string());
            if i.pc_units > 0 {
                errs.add(|| {
                    tenant(
                        "tenant isolation cannot be combined with provisioned concurrency; use 0 here or 0 PC units.",
                    )
                });
            }
            if i.snapstart {
                errs.add(|| {
                    tenant("tenant isolation cannot be combined with SnapStart; use 0 here or turn SnapStart off.")
                });
            }
            if i.edge {
                errs.add(|| tenant("Lambda@Edge has no tenant isolation; use 0 here or turn Lambda@Edge off."));
            }
        }
        if i.durable_executions > 0 {
            let refuse = |m: String| cross("durable_executions", i.durable_executions.to_string(), m);
            if i.edge {
                errs.add(|| refuse("Lambda@Edge has no durable functions; use 0 here or turn Lambda@Edge off.".into()));
            }
        }
        for (name, hours, min_minutes) in [
            ("sqs_poller_hours", i.sqs_poller_hours, prices::SQS_MIN_POLLERS as f64),
            ("kafka_poller_hours", i.kafka_poller_hours, 1.0),
        ] {
            if hours == 0.0 {
                continue;
            }
            let refuse = |m: String| cross(name, fmt_num(hours), m);
            if hours * 60.0 < min_minutes {
                errs.add(|| {
                    refuse(format!(
                        "pollers are billed per second with a 1-minute minimum{}; use 0 or at least {} EPU-hours.",
                        if min_minutes > 1.0 { ", and an SQS mapping runs at least 2" } else { "" },
                        (min_minutes / 60.0 * 10_000.0).ceil() / 10_000.0
                    ))
                });
            }
            if i.edge {
                errs.add(|| {
                    refuse("Lambda@Edge functions have no event source mappings; use 0 or turn Lambda@Edge off.".into())
                });
            }
        }
        if i.edge && i.front_door != "none" {
            errs.add(|| {
                cross("front_door", i.front_door.into(), "Lambda@Edge runs behind CloudFront; use none.".into())
            });
        }
        if i.edge && (i.nat_gb > 0.0 || i.nat_hours > 0.0) {
            errs.add(|| cross("nat_gb", fmt_num(i.nat_gb), "Lambda@Edge functions are not in a VPC; use 0.".into()));
        }
        if i.front_door == "alb" && i.payload_kb > 1024.0 {
            errs.add(|| {
                cross(
                    "payload_kb",
                    fmt_num(i.payload_kb),
                    "an ALB passes at most 1 MB to and from a Lambda function; use 0 to 1,024 KB.".into(),
                )
            });
        }
        if i.pc_units > 0 && i.region.pc(i.arch).is_none() {
            errs.add(|| {
                cross(
                    "pc_units",
                    i.pc_units.to_string(),
                    format!(
                        "No provisioned-concurrency rate for {} on {} is in this calculator; use 0, or one of: {}.",
                        i.arch.name(),
                        i.region.code,
                        prices::REGIONS
                            .iter()
                            .filter(|r| r.pc(i.arch).is_some())
                            .map(|r| r.code)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            });
        }
        if let Some(n) = i.pc_requests {
            if n > i.requests {
                errs.add(|| cross("pc_requests", n.to_string(), format!(
                    "Requests served by PC ({n}) cannot exceed all requests ({}); use -1 (as many as PC can serve) or 0 to {}.", i.requests, i.requests
                )));
            } else if n > 0 && i.pc_units == 0 {
                errs.add(|| {
                    cross(
                        "pc_requests",
                        n.to_string(),
                        "Requests served by PC need provisioned concurrency; set pc_units above 0, or use -1 or 0."
                            .into(),
                    )
                });
            } else if n > 0 {
                let cap = pc_capacity(i).unwrap_or(0);
                if n > cap {
                    errs.add(|| cross("pc_requests", n.to_string(), format!(
                        "{} PC environments enabled {} h can serve at most {cap} invocations of {} ms; use 0 to {cap}, or -1.",
                        i.pc_units, i.pc_hours, i.pc_duration_ms
                    )));
                }
            }
        }
        input
    }
}

/// The longest duration the engine prices, in ms: Lambda stops an
/// invocation at 15 minutes, and Init at 10 s more. Anything longer is a bug
/// upstream, refused rather than priced.
pub const MAX_BILLED_MS: f64 = 900_000.0 + 10_000.0;

/// A CV below this bills as a constant duration: one in a million is a
/// spread under a millisecond even at 15 minutes, and below about 1e-8 the
/// lognormal's σ is lost to rounding anyway.
pub const CV_CONSTANT: f64 = 1e-6;

/// A decimal number of milliseconds as whole nanoseconds (the input
/// resolution: six decimals of a millisecond). A value that is not a finite
/// duration from 0 to [`MAX_BILLED_MS`] is an error: a NaN must never become
/// a number of nanoseconds.
fn ms_to_ns(ms: f64) -> Result<u128, String> {
    if ms.is_finite() && (0.0..=MAX_BILLED_MS).contains(&ms) {
        Ok((ms * 1e6).round() as u128)
    } else {
        Err(format!("a duration of {ms} ms cannot be billed (Lambda bills 0 to {MAX_BILLED_MS} ms per invocation)"))
    }
}

/// A user-entered decimal as an exact quantity, at nine decimals (a ratio to
/// 10⁻⁹, a GB to the byte): quantised first, so 1076.5625 stays exact.
pub(crate) fn decimal_qty(x: f64) -> Qty {
    Qty((x * 1e9).round().max(0.0) as u128 * 1_000_000_000)
}

/// `count × ratio` as an exact quantity.
fn count_times(count: u64, ratio: f64) -> Qty {
    Qty(count as u128 * decimal_qty(ratio).0)
}

/// Rounds up to whole milliseconds, at least 1 ms.
fn ceil_ms_ns(ns: u128) -> u128 {
    ns.div_ceil(NS_PER_MS).max(1) * NS_PER_MS
}

/// Expected billed nanoseconds per invocation: each invocation is rounded up
/// to 1 ms on its own, so with varying durations this is E[⌈X + shift⌉],
/// not ⌈E[X]⌉.
pub fn expected_billed_ns(mean_ms: f64, cv: f64, shift_ms: f64) -> Result<u128, String> {
    if !(cv.is_finite() && cv >= 0.0) {
        return Err(format!("a duration CV of {cv} cannot be priced"));
    }
    if cv < CV_CONSTANT {
        Ok(ceil_ms_ns(ms_to_ns(mean_ms)? + ms_to_ns(shift_ms)?))
    } else {
        // The expected ceiling is at least the mean plus the shift, so it can
        // only be out of range when they are.
        ms_to_ns(mean_ms)?;
        ms_to_ns(shift_ms)?;
        Ok(ms_to_ns(expected_ceil_lognormal(mean_ms, cv, shift_ms))?.max(NS_PER_MS))
    }
}

/// PC-enabled seconds, rounded up to 5 minutes.
pub fn pc_billed_seconds(hours: f64) -> u128 {
    // Quantise to micro-minutes first, so 1.0 h is exactly 60 minutes.
    let micro_min = (hours * 60.0 * 1e6).round().max(0.0) as u128;
    micro_min.div_ceil(5_000_000) * 300
}

/// How many invocations PC can serve at 100% busy.
pub fn pc_capacity(i: &CostInput) -> Result<u64, String> {
    let ns = expected_billed_ns(i.pc_duration_ms, i.duration_cv, 0.0)?;
    let cap = i.pc_units as u128 * pc_billed_seconds(i.pc_hours) * NS_PER_S / ns;
    Ok(cap.min(u64::MAX as u128) as u64)
}

/// Whether INIT is billed for on-demand cold starts of this function.
pub fn init_billed(i: &CostInput) -> bool {
    init_billed_on(i.billing_date, i.package, crate::runtimes::is_custom(i.runtime))
}

/// The INIT billing rule: billed from 2025-08-01 for every on-demand cold
/// start; before that only for container images and custom runtimes.
pub fn init_billed_on(date: Date, package: Package, custom_runtime: bool) -> bool {
    date >= prices::INIT_BILLING_FROM || package == Package::Image || custom_runtime
}

/// Extra requests for one asynchronous event: one per 64 KB chunk past 256 KB.
pub fn async_extra_requests(kb: u32) -> u128 {
    (kb.saturating_sub(256) as u128).div_ceil(64)
}

/// Hours in the month the front door, the cache and a NAT gateway run.
pub const HOURS_PER_MONTH: u32 = 730;
/// KB in a GB, for logs and data: AWS's API Gateway examples divide KB by 1024².
const KB_PER_GB: u128 = 1_048_576;

/// Requests an HTTP API bills for one call of `payload_kb`: one per 512 KB
/// started, at least one.
pub fn http_meter(payload_kb: f64) -> u128 {
    ((payload_kb / prices::HTTP_API_METER_KB).ceil() as u128).max(1)
}

/// An ALB's load capacity units per hour, traffic spread evenly over the
/// month: the highest of new connections ÷ 25 a second, active connections ÷
/// 3,000 a minute, GB processed ÷ 0.4 an hour (Lambda targets; 1 GB = 10⁹
/// bytes, as AWS's ALB example counts) and rule evaluations beyond the first
/// 10 ÷ 1,000 a second.
pub fn alb_lcu(i: &CostInput) -> f64 {
    let rps = i.requests as f64 / (HOURS_PER_MONTH as f64 * 3600.0);
    let new = if i.alb_connections_per_s > 0.0 { i.alb_connections_per_s } else { rps };
    let gb_per_hour = i.requests as f64 * i.payload_kb / 1e6 / HOURS_PER_MONTH as f64;
    let evals = i.alb_rules.saturating_sub(10) as f64 * rps;
    (new / 25.0).max(i.alb_active_connections / 3000.0).max(gb_per_hour / 0.4).max(evals / 1000.0)
}

/// What one function bills, in exact units, before free tier and tiers.
#[derive(Clone, Debug, PartialEq)]
pub struct Usage {
    pub requests: u64,
    pub billed_requests: u128,
    pub od_requests: u64,
    pub pc_requests: u64,
    pub warm_billed_ns: u128,
    pub cold_extra_ns: u128,
    pub cold_starts: Qty,
    pub pc_billed_ns: u128,
    /// On-demand duration GB-s, without INIT.
    pub od_gbs: Qty,
    /// Billed INIT GB-s (zero where INIT is not billed).
    pub init_gbs: Qty,
    pub init_billed: bool,
    pub pc_seconds: u128,
    pub pc_config_gbs: Qty,
    pub pc_duration_gbs: Qty,
    pub exec_seconds: Qty,
    pub ephemeral_gbs: Qty,
    pub snap_cache_gbs: Qty,
    pub snap_restore_gb: Qty,
    pub stream_gb: Qty,
    /// Whether the free tier may apply (on, not Edge). It is applied by
    /// usage type: requests and on-demand duration (with INIT) of every
    /// function, provisioned concurrency or not; never the PC lines.
    pub free_eligible: bool,
}

/// What one function bills, in exact units. An error only for durations the
/// engine refuses to bill (see [`MAX_BILLED_MS`]): inputs from
/// [`CostInput::from_values`] never give one.
pub fn usage(i: &CostInput) -> Result<Usage, String> {
    let mem = i.memory_mb as u128;
    let pc_requests = match (i.pc_units, i.pc_requests) {
        (0, _) => 0,
        (_, Some(n)) => n,
        (_, None) => pc_capacity(i)?.min(i.requests),
    };
    let od = i.requests.saturating_sub(pc_requests);
    let warm = expected_billed_ns(i.duration_ms, i.duration_cv, 0.0)?;
    let billed = init_billed(i);
    let cold_total = if billed { expected_billed_ns(i.duration_ms, i.duration_cv, i.init_ms)? } else { warm };
    let cold_extra = cold_total.saturating_sub(warm);
    let cold_starts = count_times(od, i.cold_start_ratio);
    let pc_ns = if pc_requests > 0 { expected_billed_ns(i.pc_duration_ms, i.duration_cv, 0.0)? } else { 0 };
    let gbs_den = MB_PER_GB * NS_PER_S;
    let od_gbs = Qty::ratio(mem * od as u128 * warm, gbs_den);
    let init_gbs = cold_starts.scale(mem * cold_extra, gbs_den);
    let pc_seconds = if i.pc_units > 0 { pc_billed_seconds(i.pc_hours) } else { 0 };
    let pc_config_gbs = Qty::ratio(i.pc_units as u128 * mem * pc_seconds, MB_PER_GB);
    let pc_duration_gbs = Qty::ratio(mem * pc_requests as u128 * pc_ns, gbs_den);
    // Execution seconds (for ephemeral storage): every billed millisecond.
    let exec_seconds =
        Qty::ratio(od as u128 * warm + pc_requests as u128 * pc_ns, NS_PER_S) + cold_starts.scale(cold_extra, NS_PER_S);
    let ephemeral_gbs = exec_seconds.scale(i.ephemeral_mb.saturating_sub(512) as u128, MB_PER_GB);
    let (snap_cache_gbs, snap_restore_gb) = if i.snapstart {
        let cache_ms = (i.snapstart_hours.max(3.0) * 3_600_000.0).round() as u128;
        let restores = count_times(od, i.restore_ratio);
        (Qty::ratio(mem * cache_ms, MB_PER_GB * 1000), restores.scale(mem, MB_PER_GB))
    } else {
        (Qty::ZERO, Qty::ZERO)
    };
    Ok(Usage {
        requests: i.requests,
        billed_requests: i.requests as u128 * (1 + async_extra_requests(i.async_event_kb)),
        od_requests: od,
        pc_requests,
        warm_billed_ns: warm,
        cold_extra_ns: cold_extra,
        cold_starts,
        pc_billed_ns: pc_ns,
        od_gbs,
        init_gbs,
        init_billed: billed,
        pc_seconds,
        pc_config_gbs,
        pc_duration_gbs,
        exec_seconds,
        ephemeral_gbs,
        snap_cache_gbs,
        snap_restore_gb,
        stream_gb: decimal_qty(i.stream_gb),
        free_eligible: i.free_tier && !i.edge,
    })
}

/// Cost lines of one function (or of a whole account, summed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lines {
    pub request_usd: Usd,
    pub duration_usd: Usd,
    pub init_usd: Usd,
    pub ephemeral_usd: Usd,
    pub pc_usd: Usd,
    pub pc_duration_usd: Usd,
    pub snapstart_usd: Usd,
    pub stream_usd: Usd,
    pub tenant_usd: Usd,
    pub durable_usd: Usd,
    pub poller_usd: Usd,
    pub front_door_usd: Usd,
    pub logs_usd: Usd,
    pub egress_usd: Usd,
    pub nat_usd: Usd,
    pub savings_usd: Usd,
}

impl Lines {
    /// (metric name, label, amount), in display order; savings is negative.
    pub fn items(&self) -> [(&'static str, &'static str, Usd); 16] {
        [
            ("request_usd", "Requests", self.request_usd),
            ("duration_usd", "Duration (on-demand)", self.duration_usd),
            ("init_usd", "INIT (cold starts)", self.init_usd),
            ("ephemeral_usd", "Ephemeral storage", self.ephemeral_usd),
            ("pc_usd", "Provisioned concurrency", self.pc_usd),
            ("pc_duration_usd", "Duration on PC", self.pc_duration_usd),
            ("snapstart_usd", "SnapStart cache and restore", self.snapstart_usd),
            ("stream_usd", "Response streaming", self.stream_usd),
            ("tenant_usd", "Tenant isolation", self.tenant_usd),
            ("durable_usd", "Durable functions", self.durable_usd),
            ("poller_usd", "Event pollers (provisioned mode)", self.poller_usd),
            ("front_door_usd", "Front door (API Gateway or ALB)", self.front_door_usd),
            ("logs_usd", "CloudWatch Logs", self.logs_usd),
            ("egress_usd", "Data out to the internet", self.egress_usd),
            ("nat_usd", "NAT gateway", self.nat_usd),
            ("savings_usd", "Savings Plan discount", Usd::ZERO - self.savings_usd),
        ]
    }

    pub fn total(&self) -> Usd {
        self.items().iter().map(|(_, _, u)| *u).sum()
    }

    fn add(&mut self, o: &Lines) {
        self.request_usd += o.request_usd;
        self.duration_usd += o.duration_usd;
        self.init_usd += o.init_usd;
        self.ephemeral_usd += o.ephemeral_usd;
        self.pc_usd += o.pc_usd;
        self.pc_duration_usd += o.pc_duration_usd;
        self.snapstart_usd += o.snapstart_usd;
        self.stream_usd += o.stream_usd;
        self.tenant_usd += o.tenant_usd;
        self.durable_usd += o.durable_usd;
        self.poller_usd += o.poller_usd;
        self.front_door_usd += o.front_door_usd;
        self.logs_usd += o.logs_usd;
        self.egress_usd += o.egress_usd;
        self.nat_usd += o.nat_usd;
        self.savings_usd += o.savings_usd;
    }
}

/// One priced function.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionCost {
    pub input: CostInput,
    pub usage: Usage,
    pub lines: Lines,
    pub free_requests_used: u128,
    pub free_gbs_used: Qty,
    pub free_stream_used: Qty,
    /// The tier counter of this function's (region, arch) before it.
    pub tier_start: Qty,
    /// On-demand duration and INIT GB-s after the free tier, as billed.
    pub billable_gbs: (Qty, Qty),
    /// How those GB-s fell on the duration tiers (empty for Lambda@Edge),
    /// recorded when billed so "show the math" writes what was charged.
    pub duration_tiers: Vec<TierPart>,
    pub init_tiers: Vec<TierPart>,
    /// What the function's surroundings were charged, as billed.
    pub around: Around,
}

/// The products around a function, worked out only for the full bill (see
/// [`function_total`]) and recorded as billed: tenant isolation, durable
/// functions, event pollers, the front door's request tiers and fixed parts,
/// logs, data out, NAT.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Around {
    /// Tenant-isolated environments created × memory, in GB.
    pub tenant_gb: Qty,
    /// Durable operations, GB written and GB-months retained.
    pub durable_ops: Qty,
    pub durable_written_gb: Qty,
    pub durable_gb_months: Qty,
    /// Event Poller Unit-hours: SQS, Kafka.
    pub epu_hours: (Qty, Qty),
    /// Requests the front door bills: an HTTP API meters each in 512 KB steps.
    pub door_requests: Qty,
    /// An ALB's capacity units per hour (averaged over the month) and LCU-hours.
    pub alb_lcu: f64,
    pub alb_lcu_hours: Qty,
    /// Logs ingested (GB, 1 GB = 1,048,576 KB) and GB-months stored.
    pub log_gb: Qty,
    pub log_gb_months: Qty,
    pub door: Vec<TierPart>,
    pub cache: Usd,
    /// ALB-hours and its public IPv4 addresses.
    pub alb_fixed: Usd,
    pub alb_lcu_usd: Usd,
    pub free_log: Qty,
    pub logs: Vec<TierPart>,
    pub log_storage: Usd,
    pub free_egress: Qty,
    pub egress: Vec<TierPart>,
    pub nat: Usd,
    /// The region's rates that priced these lines.
    pub rates: Option<prices::AroundRates>,
    /// Lines this function uses that its region has no verified rate for:
    /// (metric, what is missing). They are left out of the total.
    pub unpriced: Vec<(&'static str, String)>,
}

/// A line around a function that its region cannot price.
#[derive(Clone, Debug, PartialEq)]
pub struct Unpriced {
    /// The line's metric (`front_door_usd`, …) and label.
    pub line: &'static str,
    pub label: &'static str,
    pub region: &'static str,
    /// The rate that is missing, in words.
    pub missing: String,
}

impl Unpriced {
    /// "Front door (API Gateway or ALB): not priced in eu-south-2 (no verified
    /// rate for …)".
    pub fn sentence(&self) -> String {
        format!("{}: not priced in {} (no verified rate for {})", self.label, self.region, self.missing)
    }
}

/// What a tiered line lacks, in words: "HTTP API requests beyond 300
/// million a month" for its 1-based `tier`.
fn tier_gap(what: &str, tier: usize, tiers: &[&str]) -> String {
    format!("{what} {}", tiers.get(tier - 1).copied().unwrap_or("in a later tier"))
}

/// A tiered charge where some tiers' rates may be unknown: priced when every
/// tier the quantity reaches is known, else the 1-based tier that is not.
fn tiered_known(start: Qty, qty: Qty, limits: &[u128], rates: &[Option<Rate>]) -> Result<Vec<TierPart>, usize> {
    let known: Vec<Rate> = rates.iter().map(|r| r.unwrap_or(Rate(0))).collect();
    let parts = tiered(start, qty, limits, &known).1;
    match parts.iter().find(|p| rates[p.tier - 1].is_none()) {
        Some(p) => Err(p.tier),
        None => Ok(parts),
    }
}

/// The hourly rate of a REST API cache size, `None` for "0".
pub fn rest_cache_rate(size: &str) -> Option<Rate> {
    prices::REST_CACHE.iter().find(|c| c.0 == size).map(|c| c.1)
}

impl FunctionCost {
    pub fn total(&self) -> Usd {
        self.lines.total()
    }

    /// Every step of this function's arithmetic, the way AWS writes its
    /// worked examples. Built on demand from the stored result.
    pub fn math(&self) -> Vec<String> {
        let (i, u, l) = (&self.input, &self.usage, &self.lines);
        let mem = i.memory_mb;
        let fmt_ms = |ns: u128| crate::money::decimal_string(ns as i128, 6);
        let tier_lines = |parts: &[TierPart]| -> Vec<String> {
            parts
                .iter()
                .map(|p| {
                    format!("  {} GB-s × ${} (tier {}) = ${}", p.gbs.to_decimal(), p.rate.to_decimal(), p.tier, p.usd)
                })
                .collect()
        };
        let mut math = vec!["Requests".to_string()];
        if u.billed_requests != u.requests as u128 {
            math.push(format!(
                "  {} async events of {} KB = 1 + ⌈({} − 256) ÷ 64⌉ = {} requests each → {} billed requests",
                u.requests,
                i.async_event_kb,
                i.async_event_kb,
                1 + async_extra_requests(i.async_event_kb),
                u.billed_requests
            ));
        }
        let free_req = self.free_requests_used;
        if free_req > 0 {
            math.push(format!(
                "  {} requests − {free_req} free-tier requests = {} billable",
                u.billed_requests,
                u.billed_requests - free_req
            ));
        }
        let req_rate = if i.edge { prices::EDGE_REQUEST } else { i.region.request };
        math.push(format!("  {} × ${} = ${}", u.billed_requests - free_req, req_rate.to_decimal(), l.request_usd));

        math.push("Duration (on-demand)".into());
        if i.duration_p99_ms > 0.0 {
            math.push(format!(
                "  CV {} from the p99: a lognormal with mean {} ms and p99 {} ms has σ = z − √(z² − 2·ln(p99 ÷ mean)) = {} (z = 2.3263, the 99th percentile of the standard normal), and CV = √(e^(σ²) − 1)",
                round_to(i.duration_cv, 4),
                fmt_num(i.duration_ms),
                fmt_num(i.duration_p99_ms),
                round_to((i.duration_cv * i.duration_cv).ln_1p().sqrt(), 4)
            ));
        }
        let cv_note = if i.duration_cv > 0.0 {
            format!(
                " (expected ⌈duration⌉ for a lognormal {} ms mean, CV {}: each invocation rounds up on its own)",
                i.duration_ms,
                round_to(i.duration_cv, 4)
            )
        } else {
            format!(" (⌈{} ms⌉)", i.duration_ms)
        };
        math.push(format!("  {} invocations × {} ms billed{cv_note}", u.od_requests, fmt_ms(u.warm_billed_ns)));
        math.push(format!("  × {mem} MB ÷ 1024 = {} GB-s", u.od_gbs.to_decimal()));
        if !u.init_billed && i.cold_start_ratio > 0.0 && i.init_ms > 0.0 {
            math.push(format!(
                "  INIT is not billed: zip package on a managed runtime ({}) before {}",
                i.runtime,
                prices::INIT_BILLING_FROM
            ));
        }
        if u.init_gbs.0 > 0 {
            math.push(format!(
                "  INIT: {} cold starts × {} ms extra billed (⌈duration + {} ms Init⌉ − ⌈duration⌉) × {mem} MB ÷ 1024 = {} GB-s",
                u.cold_starts.to_decimal(),
                fmt_ms(u.cold_extra_ns),
                i.init_ms,
                u.init_gbs.to_decimal()
            ));
        }
        let free_used = self.free_gbs_used;
        let (bill_dur, bill_init) = self.billable_gbs;
        if free_used.0 > 0 {
            math.push(format!(
                "  − {} free-tier GB-s = {} GB-s billable",
                free_used.to_decimal(),
                (bill_dur + bill_init).to_decimal()
            ));
        }
        if i.edge {
            math.push(format!(
                "  Lambda@Edge: {} GB-s = {} 128 MB-s × ${} = ${}",
                bill_dur.to_decimal(),
                per_128mb_s(bill_dur).to_decimal(),
                prices::EDGE_PER_128MB_SECOND.to_decimal(),
                l.duration_usd
            ));
            if bill_init.0 > 0 {
                math.push(format!("  INIT at Lambda@Edge rates: ${}", l.init_usd));
            }
        } else {
            if self.tier_start.0 > 0 {
                math.push(format!(
                    "  (earlier functions in this region and architecture used {} GB-s of the tiers)",
                    self.tier_start.to_decimal()
                ));
            }
            math.extend(tier_lines(&self.duration_tiers));
            if bill_init.0 > 0 {
                math.push("  INIT at the same duration rates:".into());
                math.extend(tier_lines(&self.init_tiers));
            }
        }
        math.push(format!("  = ${}", l.duration_usd + l.init_usd));

        if u.ephemeral_gbs.0 > 0 {
            let rate = i.region.ephemeral.unwrap_or(Rate(0));
            math.push("Ephemeral storage".into());
            math.push(format!(
                "  {} s of execution × ({} − 512) MB ÷ 1024 = {} GB-s × ${} = ${}",
                u.exec_seconds.to_decimal(),
                i.ephemeral_mb,
                u.ephemeral_gbs.to_decimal(),
                rate.to_decimal(),
                l.ephemeral_usd
            ));
        }

        if let Some(rate) = prices::tenant_rate(i.region.code, i.arch).filter(|_| i.tenant_environments > 0) {
            math.push("Tenant isolation".into());
            math.push(format!(
                "  {} environments created × {mem} MB ÷ 1024 = {} GB × ${} = ${}",
                i.tenant_environments,
                self.around.tenant_gb.to_decimal(),
                rate.to_decimal(),
                l.tenant_usd
            ));
            math.push(format!("  {TENANT_NOTE}"));
        }
        if let Some(d) = prices::durable_rates(i.region.code).filter(|_| i.durable_executions > 0) {
            let n = i.durable_executions;
            math.push("Durable functions".into());
            math.push(format!(
                "  operations: {n} executions × {} = {} × ${} = ${}",
                i.durable_ops_per_execution,
                self.around.durable_ops.to_decimal(),
                d.operation.to_decimal(),
                d.operation.times(self.around.durable_ops)
            ));
            math.push(format!(
                "  data written: {n} × {} KB ÷ 1,000,000 KB per GB = {} GB × ${} = ${}",
                fmt_num(i.durable_kb_per_execution),
                self.around.durable_written_gb.to_decimal(),
                d.written_gb.to_decimal(),
                d.written_gb.times(self.around.durable_written_gb)
            ));
            math.push(format!(
                "  data retained: {} GB × ({} days running + {} days after completion) ÷ 30 = {} GB-months × ${} = ${}",
                self.around.durable_written_gb.to_decimal(),
                fmt_num(i.durable_days),
                i.durable_retention_days,
                self.around.durable_gb_months.to_decimal(),
                d.retained_gb_month.to_decimal(),
                d.retained_gb_month.times(self.around.durable_gb_months)
            ));
            math.push(format!("  = ${}", l.durable_usd));
            math.push(format!("  {DURABLE_NOTE}"));
        }
        if let (true, Some((sqs, kafka))) =
            (i.sqs_poller_hours > 0.0 || i.kafka_poller_hours > 0.0, prices::epu_rates(i.region.code))
        {
            math.push("Event pollers (provisioned mode for event source mappings)".into());
            for (what, hours, rate) in
                [("SQS", self.around.epu_hours.0, sqs), ("Kafka", self.around.epu_hours.1, kafka)]
            {
                if hours.0 > 0 {
                    math.push(format!(
                        "  {what}: {} EPU-hours × ${} = ${}",
                        hours.to_decimal(),
                        rate.to_decimal(),
                        rate.times(hours)
                    ));
                }
            }
            math.push(format!("  {POLLER_NOTE}"));
        }
        math.extend(self.around_math());
        if let (true, Some(pc)) = (i.pc_units > 0, i.region.pc(i.arch)) {
            math.push("Provisioned concurrency (never in the free tier)".into());
            math.push(format!("  {PC_FREE_TIER_NOTE}"));
            math.push(format!(
                "  {} h enabled → {} s (rounded up to 5 minutes) × {} environments × {mem} MB ÷ 1024 = {} GB-s × ${} = ${}",
                i.pc_hours,
                u.pc_seconds,
                i.pc_units,
                u.pc_config_gbs.to_decimal(),
                pc.config.to_decimal(),
                l.pc_usd
            ));
            math.push(format!(
                "  {} invocations on PC × {} ms × {mem} MB ÷ 1024 = {} GB-s × ${} = ${}",
                u.pc_requests,
                fmt_ms(u.pc_billed_ns),
                u.pc_duration_gbs.to_decimal(),
                pc.duration.to_decimal(),
                l.pc_duration_usd
            ));
            if u.od_requests > 0 {
                math.push(format!("  {} invocations spill over to on-demand rates (above)", u.od_requests));
            }
        }

        if i.snapstart {
            math.push("SnapStart".into());
            if i.runtime.starts_with("java") {
                math.push(format!("  {}: no cache or restore charge for Java managed runtimes", i.runtime));
            } else if let Some(s) = i.region.snapstart {
                math.push(format!(
                    "  cache: {mem} MB ÷ 1024 × {} h (at least 3 h) = {} GB-s × ${} = ${}",
                    i.snapstart_hours,
                    u.snap_cache_gbs.to_decimal(),
                    s.cache.to_decimal(),
                    s.cache.times(u.snap_cache_gbs)
                ));
                math.push(format!(
                    "  restore: {} restores × {mem} MB ÷ 1024 = {} GB × ${} = ${}",
                    count_times(u.od_requests, i.restore_ratio).to_decimal(),
                    u.snap_restore_gb.to_decimal(),
                    s.restore.to_decimal(),
                    s.restore.times(u.snap_restore_gb)
                ));
            }
        }

        if u.stream_gb.0 > 0 {
            let billable = u.stream_gb.saturating_sub(self.free_stream_used);
            math.push("Response streaming".into());
            if self.free_stream_used.0 > 0 {
                math.push(format!(
                    "  {} GB − {} GB free tier = {} GB",
                    u.stream_gb.to_decimal(),
                    self.free_stream_used.to_decimal(),
                    billable.to_decimal()
                ));
            }
            math.push(format!(
                "  {} GB × ${} = ${}",
                billable.to_decimal(),
                prices::STREAM_PER_GB.to_decimal(),
                l.stream_usd
            ));
        }

        if i.savings_plan_pct > 0.0 {
            let base = l.duration_usd + l.init_usd + l.pc_usd + l.pc_duration_usd;
            math.push("Compute Savings Plan".into());
            math.push(format!(
                "  {}% × ${base} (duration, INIT and PC; requests are not discounted) = −${}",
                i.savings_plan_pct, l.savings_usd
            ));
        }
        math.push(format!("Total for this function: ${} (≈ ${})", l.total(), l.total().round_cents()));
        math
    }
}

impl FunctionCost {
    /// The math of the charges around the function: front door, logs, data
    /// out, NAT gateway.
    fn around_math(&self) -> Vec<String> {
        let (i, l, a) = (&self.input, &self.lines, &self.around);
        let mut m = Vec::new();
        let parts = |m: &mut Vec<String>, parts: &[TierPart], unit: &str| {
            for p in parts {
                m.push(format!(
                    "  {} {unit} × ${} (tier {}) = ${}",
                    p.gbs.to_decimal(),
                    p.rate.to_decimal(),
                    p.tier,
                    p.usd
                ));
            }
        };
        if i.front_door != "none" {
            m.push(format!("Front door: {}", door_name(i.front_door)));
            match i.front_door {
                "function_url" => m.push(
                    "  a function URL adds no charge: the function's own requests and duration are the bill".into(),
                ),
                "http_api" => {
                    m.push(format!(
                        "  {} requests × ⌈{} KB ÷ 512 KB⌉ (at least 1) = {} metered requests",
                        i.requests,
                        fmt_num(i.payload_kb),
                        a.door_requests.to_decimal()
                    ));
                    parts(&mut m, &a.door, "requests");
                }
                "rest_api" => {
                    parts(&mut m, &a.door, "requests");
                    if let Some(rate) = rest_cache_rate(i.rest_cache_gb) {
                        m.push(format!(
                            "  cache of {} GB: {HOURS_PER_MONTH} h × ${} = ${}{}",
                            i.rest_cache_gb,
                            rate.to_decimal(),
                            a.cache,
                            if i.rest_cache_gb == "1.6" { "" } else { " (this size's rate is from copies of AWS's table; the page's own example is the 1.6 GB cache)" }
                        ));
                    }
                }
                _ => {
                    m.push(format!(
                        "  {HOURS_PER_MONTH} ALB-hours × ${} + {} public IPv4 addresses × {HOURS_PER_MONTH} h × ${} = ${}",
                        rate_text(a.rates.and_then(|r| r.alb_hour)),
                        prices::ALB_MIN_ZONES,
                        rate_text(a.rates.and_then(|r| r.ipv4_hour)),
                        a.alb_fixed
                    ));
                    m.push(format!(
                        "  capacity units: the highest of new connections ÷ 25 per s, active connections ÷ 3,000 per min, GB processed ÷ 0.4 per h (Lambda targets) and rule evaluations past 10 rules ÷ 1,000 per s = {} LCU (traffic spread evenly) × {HOURS_PER_MONTH} h = {} LCU-hours × ${} = ${}",
                        round_to(a.alb_lcu, 6),
                        a.alb_lcu_hours.to_decimal(),
                        rate_text(a.rates.and_then(|r| r.alb_lcu_hour)),
                        a.alb_lcu_usd
                    ));
                }
            }
            if i.front_door == "alb" {
                m.push("  an ALB is billed every hour of the month, traffic or not".into());
            }
            m.push(format!("  = ${}", l.front_door_usd));
        }
        if a.log_gb.0 > 0 {
            m.push("CloudWatch Logs".into());
            m.push(format!(
                "  {} invocations × {} KB ÷ 1,048,576 KB per GB = {} GB ingested",
                i.requests,
                fmt_num(i.log_kb_per_invocation),
                a.log_gb.to_decimal()
            ));
            if a.free_log.0 > 0 {
                m.push(format!(
                    "  − {} GB free (5 GB a month, shared with all CloudWatch use)",
                    a.free_log.to_decimal()
                ));
            }
            parts(&mut m, &a.logs, "GB");
            m.push(format!(
                "  stored: {} GB × {} days kept ÷ 30 = {} GB-months × ${} = ${} (at the ingested size, an upper bound)",
                a.log_gb.to_decimal(),
                i.log_retention_days,
                a.log_gb_months.to_decimal(),
                rate_text(a.rates.and_then(|r| r.log_storage)),
                a.log_storage
            ));
            m.push(format!("  = ${}", l.logs_usd));
        }
        if i.egress_gb > 0.0 {
            m.push("Data out to the internet".into());
            if a.free_egress.0 > 0 {
                m.push(format!(
                    "  {} GB − {} GB free (100 GB a month across all AWS services)",
                    fmt_num(i.egress_gb),
                    a.free_egress.to_decimal()
                ));
            }
            parts(&mut m, &a.egress, "GB");
            m.push(format!("  = ${}", l.egress_usd));
        }
        if i.nat_gb > 0.0 || i.nat_hours > 0.0 {
            m.push("NAT gateway".into());
            m.push(format!(
                "  {} h × ${} + {} GB processed × ${} = ${}",
                fmt_num(i.nat_hours),
                rate_text(a.rates.and_then(|r| r.nat_hour)),
                fmt_num(i.nat_gb),
                rate_text(a.rates.and_then(|r| r.nat_gb)),
                l.nat_usd
            ));
        }
        for (line, what) in &a.unpriced {
            let label = Lines::default().items().iter().find(|x| x.0 == *line).map_or(*line, |x| x.1);
            m.push(format!(
                "{label}: not priced in {}, no verified rate for {what}; left out of the total",
                i.region.code
            ));
        }
        if !m.is_empty() {
            m.push(format!("  {AROUND_NOTE}"));
            if i.region.code != "us-east-1" {
                m.push(format!("  {}", around_source_note(i.region.code)));
            }
        }
        m
    }
}

/// A rate in the math, or "?" where the region has none (the line is then
/// not priced, and the math says so).
fn rate_text(r: Option<Rate>) -> String {
    r.map_or_else(|| "?".to_string(), |r| r.to_decimal())
}

/// Where a region's rates around the function come from.
pub fn around_source_note(region: &str) -> String {
    format!(
        "Rates around the function in {region}: {}; every source with its date is on the About page.",
        prices::around_rates(region).source
    )
}

/// A front door's name in a sentence.
pub fn door_name(door: &str) -> &'static str {
    match door {
        "function_url" => "function URL",
        "http_api" => "API Gateway HTTP API",
        "rest_api" => "API Gateway REST API",
        "alb" => "Application Load Balancer",
        _ => "none",
    }
}

/// What the charges around a function include and leave out.
pub const AROUND_NOTE: &str = "API Gateway, log and data-transfer tiers and free allowances count the whole account (here, \
the functions priced together, in order). API Gateway's own free tier (1M calls a month) is for new accounts' first 12 \
months only and is not applied. Data transfer within a region to S3, DynamoDB, SQS and similar services is free; VPC \
endpoints are not priced here.";

/// A priced account (one function or several).
#[derive(Clone, Debug, PartialEq)]
pub struct CostResult {
    pub functions: Vec<FunctionCost>,
    pub lines: Lines,
    pub total: Usd,
    pub requests: u128,
    pub billed_requests: u128,
    pub gb_seconds: Qty,
    pub assumptions: Vec<String>,
    pub notes: Vec<String>,
    /// Lines around the functions that their regions cannot price, left out
    /// of `total` (one entry per line and region).
    pub unpriced: Vec<Unpriced>,
}

impl CostResult {
    /// Whether a line is used but priced nowhere (its figure is then missing,
    /// not $0).
    pub fn is_unpriced(&self, line: &str) -> bool {
        self.unpriced.iter().any(|u| u.line == line)
            && self.functions.iter().all(|f| f.around.unpriced.iter().any(|(l, _)| *l == line) || !f.uses_line(line))
    }

    /// "Not in this total, for want of a verified rate in af-south-1: …",
    /// region by region, or `None` when every line is priced.
    pub fn leaves_out(&self) -> Option<String> {
        let mut regions: Vec<&str> = self.unpriced.iter().map(|u| u.region).collect();
        regions.dedup();
        let parts: Vec<String> = regions
            .iter()
            .map(|region| {
                let lines: Vec<String> = self
                    .unpriced
                    .iter()
                    .filter(|u| u.region == *region)
                    .map(|u| format!("{} ({})", u.label, u.missing))
                    .collect();
                format!("for want of a verified rate in {region}: {}", lines.join("; "))
            })
            .collect();
        (!parts.is_empty()).then(|| format!("Not in this total, {}.", parts.join("; and ")))
    }
}

impl FunctionCost {
    /// Whether this function has charges on a line around it.
    fn uses_line(&self, line: &str) -> bool {
        let i = &self.input;
        match line {
            "front_door_usd" => !matches!(i.front_door, "none" | "function_url"),
            "logs_usd" => i.log_kb_per_invocation > 0.0,
            "egress_usd" => i.egress_gb > 0.0,
            "nat_usd" => i.nat_gb > 0.0 || i.nat_hours > 0.0,
            "tenant_usd" => i.tenant_environments > 0,
            "durable_usd" => i.durable_executions > 0,
            "poller_usd" => i.sqs_poller_hours > 0.0 || i.kafka_poller_hours > 0.0,
            _ => true,
        }
    }
}

/// One tier's share of a tiered charge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TierPart {
    pub tier: usize,
    pub gbs: Qty,
    pub rate: Rate,
    pub usd: Usd,
}

/// Tiered charge for `qty` GB-s starting at `start` on the tier counter.
fn tiered(start: Qty, qty: Qty, limits: &[u128], rates: &[Rate]) -> (Usd, Vec<TierPart>) {
    let bounds: Vec<Qty> = limits.iter().map(|l| Qty::whole(*l)).chain([Qty(u128::MAX)]).collect();
    let mut at = start;
    let mut left = qty;
    let mut usd = Usd::ZERO;
    let mut parts = Vec::new();
    for (t, bound) in bounds.iter().enumerate() {
        if left.0 == 0 {
            break;
        }
        if at >= *bound {
            continue;
        }
        let take = left.min(bound.saturating_sub(at));
        let part = rates[t].times(take);
        parts.push(TierPart { tier: t + 1, gbs: take, rate: rates[t], usd: part });
        usd += part;
        at += take;
        left = left.saturating_sub(take);
    }
    (usd, parts)
}

/// Prices one function on its own. An error only for durations the engine
/// refuses to bill (see [`usage`]).
pub fn price(i: &CostInput) -> Result<CostResult, String> {
    price_account(std::slice::from_ref(i), FreeTierOrder::X86First)
}

/// Lambda@Edge duration is priced per 128 MB-second: 8 per GB-s.
fn per_128mb_s(q: Qty) -> Qty {
    q.scale(8, 1)
}

/// What the durable-functions line includes, and the GB it counts.
pub const DURABLE_NOTE: &str = "Operations, data written and data retained are billed on top of the function's own requests and \
duration, which include every replay; a wait suspends the function and bills no duration. A GB here is 1,000,000 KB, as AWS's \
worked example counts it (a binary GB of 1,048,576 KB would bill 4.6% less data). Retention is prorated over a 30-day month, \
as in that example: each execution's data is kept while it runs and for the retention period (1 to 90 days, default 14) after.";

/// How event pollers are billed, and the minimums.
pub const POLLER_NOTE: &str = "An Event Poller Unit is billed per second with a 1-minute minimum, for the minimum pollers you \
provision plus those autoscaling adds. An SQS mapping in provisioned mode runs at least 2 pollers, one per EPU: 1,460 EPU-hours \
($13.51) in a 730-hour month. A Kafka EPU carries up to 10 pollers (20 MB/s); mappings in one poller group share EPUs, so ten \
1-poller mappings fill one EPU (730 EPU-hours, $135.05).";

/// What tenant isolation's line includes, and where AWS's example differs.
pub const TENANT_NOTE: &str = "Billed per tenant-isolated environment created, at the Price List rate per GB ($0.000166667 \
x86_64, $0.000133333 arm64); requests and duration are billed as usual. Tenant isolation excludes SnapStart, provisioned \
concurrency and function URLs. AWS's example (200K environments of 1,024 MB) uses $0.000167 per GB and gets $33.40; \
at the Price List rate it is $33.33.";

/// Why a function with provisioned concurrency still gets the free tier on
/// its requests and on-demand duration, with both of AWS's sentences.
pub const PC_FREE_TIER_NOTE: &str = "AWS's pricing page says \u{201c}The Lambda free tier does not apply to functions enabling \
Provisioned Concurrency\u{201d}, yet its Provisioned Concurrency example 1 bills \u{201c}3,000,000 requests \u{2013} 1M free tier \
requests\u{201d} and \u{201c}450,000 GB-s \u{2013} 400,000 free tier GB-s\u{201d} for the same function. The free tier is applied by usage \
type (the Price List's Global-Request and Global-Lambda-GB-Second): it covers the requests and on-demand duration of every \
function, and never the Provisioned Concurrency and Provisioned Concurrency duration charges. This bill does the same.";

/// Prices several functions as one account: the free tier is shared, and each
/// (region, architecture) has one duration tier counter.
pub fn price_account(inputs: &[CostInput], order: FreeTierOrder) -> Result<CostResult, String> {
    let (functions, lines, first) = bill_account::<true>(inputs, order)?;
    let total = lines.total();
    let mut assumptions = vec![
        "Each invocation's duration is rounded up to 1 ms on its own; with a CV above 0, durations are lognormal and the expected rounded value is billed.".to_string(),
        "The free tier (1M requests, 400,000 GB-s, 100 GB of streaming) is shared by every function in the account; it covers requests and on-demand duration and INIT, never the provisioned-concurrency lines (PC and duration on PC), also for a function that uses provisioned concurrency (billing by usage type, as AWS's own PC example 1 does).".to_string(),
        "Free-tier GB-s are taken off before the duration tiers are counted.".to_string(),
        "A month is 730 hours.".to_string(),
    ];
    if inputs.len() > 1 {
        assumptions.push(format!(
            "Free GB-s go to {} functions first, then to the others, in list order (AWS does not document the split).",
            first.name()
        ));
    }
    let notes = inputs.first().map(|i| crate::published::notes(i, total, &lines)).unwrap_or_default();
    let mut unpriced: Vec<Unpriced> = Vec::new();
    for f in &functions {
        for (line, missing) in &f.around.unpriced {
            let region = f.input.region.code;
            if !unpriced.iter().any(|u| u.line == *line && u.region == region && u.missing == *missing) {
                let label = lines.items().iter().find(|x| x.0 == *line).map_or(*line, |x| x.1);
                unpriced.push(Unpriced { line, label, region, missing: missing.clone() });
            }
        }
    }
    if let Some(out) = (!unpriced.is_empty()).then(|| {
        format!(
            "Lines without a verified rate in their region are not priced and are left out of the total: {}.",
            unpriced.iter().map(Unpriced::sentence).collect::<Vec<_>>().join("; ")
        )
    }) {
        assumptions.push(out);
    }
    Ok(CostResult {
        unpriced,
        requests: functions.iter().map(|f| f.usage.requests as u128).sum(),
        billed_requests: functions.iter().map(|f| f.usage.billed_requests).sum(),
        gb_seconds: functions
            .iter()
            .fold(Qty::ZERO, |a, f| a + f.usage.od_gbs + f.usage.init_gbs + f.usage.pc_duration_gbs),
        functions,
        lines,
        total,
        assumptions,
        notes,
    })
}

/// The monthly total of one function, without the explanations
/// [`price`] writes.
pub fn total(i: &CostInput) -> Result<Usd, String> {
    bill_account::<true>(std::slice::from_ref(i), FreeTierOrder::X86First).map(|(_, lines, _)| lines.total())
}

/// The monthly total of the function itself: requests, duration, INIT,
/// ephemeral storage, provisioned concurrency, SnapStart, streaming and the
/// Savings Plan, without the products around it (tenant isolation, durable
/// functions, event pollers, the front door, logs, data out, NAT). For pages
/// that price the function many times or beside another calculator (the
/// power sweep, the traffic simulator's month, the Managed Instances
/// comparison): their modules then carry none of that code.
pub fn function_total(i: &CostInput) -> Result<Usd, String> {
    bill_account::<false>(std::slice::from_ref(i), FreeTierOrder::X86First).map(|(_, lines, _)| lines.total())
}

/// Whether the function's bill has lines beyond the function itself (see
/// [`function_total`]).
pub fn has_products(i: &CostInput) -> bool {
    i.tenant_environments > 0
        || i.durable_executions > 0
        || i.sqs_poller_hours > 0.0
        || i.kafka_poller_hours > 0.0
        || !matches!(i.front_door, "none" | "function_url")
        || i.log_kb_per_invocation > 0.0
        || i.egress_gb > 0.0
        || i.nat_gb > 0.0
        || i.nat_hours > 0.0
}

/// The bill of several functions as one account: each function's lines, the
/// account's lines, and which architecture got the free GB-s first. With
/// `ALL` false, only the function's own lines (see [`function_total`]).
fn bill_account<const ALL: bool>(
    inputs: &[CostInput],
    order: FreeTierOrder,
) -> Result<(Vec<FunctionCost>, Lines, Arch), String> {
    let usages: Vec<Usage> = inputs.iter().map(usage).collect::<Result<_, _>>()?;
    let mut free_requests = prices::FREE_REQUESTS;
    let mut free_stream = Qty::whole(prices::FREE_STREAM_GB);
    let mut free_gbs = Qty::whole(prices::FREE_GB_SECONDS);
    let mut free_gbs_used = vec![Qty::ZERO; inputs.len()];
    // Free GB-s go to one architecture first (a visible assumption), then in list order.
    let first = if order == FreeTierOrder::X86First { Arch::X86 } else { Arch::Arm };
    for pass in [true, false] {
        for (k, (i, u)) in inputs.iter().zip(&usages).enumerate() {
            if (i.arch == first) == pass && u.free_eligible {
                let take = (u.od_gbs + u.init_gbs).min(free_gbs);
                free_gbs = free_gbs.saturating_sub(take);
                free_gbs_used[k] = take;
            }
        }
    }
    let mut counters: Vec<(&str, Arch, Qty)> = Vec::new();
    // API Gateway, log and data-transfer tiers and free allowances count the
    // whole account, in list order.
    let (mut http_at, mut rest_at, mut log_at, mut egress_at) = (Qty::ZERO, Qty::ZERO, Qty::ZERO, Qty::ZERO);
    let mut free_logs = Qty::whole(prices::FREE_LOG_GB);
    let mut free_egress = Qty::whole(prices::FREE_EGRESS_GB);
    let mut functions = Vec::with_capacity(inputs.len());
    for (k, (i, u)) in inputs.iter().zip(usages).enumerate() {
        let mut l = Lines::default();

        // Requests.
        let free_req = if u.free_eligible { u.billed_requests.min(free_requests) } else { 0 };
        free_requests -= free_req;
        let req_rate = if i.edge { prices::EDGE_REQUEST } else { i.region.request };
        l.request_usd = req_rate.times(Qty::whole(u.billed_requests - free_req));

        // On-demand duration and INIT share the free GB-s (duration first) and the tiers.
        let free_used = free_gbs_used[k];
        let free_dur = free_used.min(u.od_gbs);
        let bill_dur = u.od_gbs.saturating_sub(free_dur);
        let bill_init = u.init_gbs.saturating_sub(free_used.saturating_sub(free_dur));
        let mut tier_start = Qty::ZERO;
        let (mut duration_tiers, mut init_tiers) = (Vec::new(), Vec::new());
        if i.edge {
            l.duration_usd = prices::EDGE_PER_128MB_SECOND.times(per_128mb_s(bill_dur));
            l.init_usd = prices::EDGE_PER_128MB_SECOND.times(per_128mb_s(bill_init));
        } else {
            let pos = counters.iter().position(|(c, a, _)| *c == i.region.code && *a == i.arch).unwrap_or_else(|| {
                counters.push((i.region.code, i.arch, Qty::ZERO));
                counters.len() - 1
            });
            tier_start = counters[pos].2;
            let (rates, limits) = (i.region.duration_tiers(i.arch), i.arch.tier_limits());
            (l.duration_usd, duration_tiers) = tiered(tier_start, bill_dur, &limits, &rates);
            (l.init_usd, init_tiers) = tiered(tier_start + bill_dur, bill_init, &limits, &rates);
            counters[pos].2 = tier_start + bill_dur + bill_init;
        }

        l.ephemeral_usd = i.region.ephemeral.unwrap_or(Rate(0)).times(u.ephemeral_gbs);

        if let (true, Some(pc)) = (i.pc_units > 0, i.region.pc(i.arch)) {
            l.pc_usd = pc.config.times(u.pc_config_gbs);
            l.pc_duration_usd = pc.duration.times(u.pc_duration_gbs);
        }

        if let (true, false, Some(s)) = (i.snapstart, i.runtime.starts_with("java"), i.region.snapstart) {
            l.snapstart_usd = s.cache.times(u.snap_cache_gbs) + s.restore.times(u.snap_restore_gb);
        }

        let mut free_stream_used = Qty::ZERO;
        if u.free_eligible {
            free_stream_used = u.stream_gb.min(free_stream);
            free_stream = free_stream.saturating_sub(free_stream_used);
        }
        l.stream_usd = prices::STREAM_PER_GB.times(u.stream_gb.saturating_sub(free_stream_used));

        let mut around = Around::default();
        if ALL {
            around.tenant_gb = Qty::ratio(i.tenant_environments as u128 * i.memory_mb as u128, MB_PER_GB);
            around.durable_ops = Qty::whole(i.durable_executions as u128 * i.durable_ops_per_execution as u128);
            // Durable data: KB per execution, 1 GB = 10⁶ KB; retained while the
            // execution runs and for the retention period after, prorated over a
            // 30-day month (AWS's example).
            around.durable_written_gb =
                Qty(mul_div_round(decimal_qty(i.durable_kb_per_execution).0, i.durable_executions as u128, 1_000_000));
            let retained_days = decimal_qty(i.durable_days) + Qty::whole(i.durable_retention_days as u128);
            around.durable_gb_months = around.durable_written_gb.scale(retained_days.0, 30 * crate::money::ATTO);
            around.epu_hours = (decimal_qty(i.sqs_poller_hours), decimal_qty(i.kafka_poller_hours));
        }
        if ALL && i.tenant_environments > 0 {
            match prices::tenant_rate(i.region.code, i.arch) {
                Some(rate) => l.tenant_usd = rate.times(around.tenant_gb),
                None => {
                    around.unpriced.push(("tenant_usd", format!("tenant-isolated environments on {}", i.arch.name())))
                }
            }
        }
        if ALL && i.durable_executions > 0 {
            match prices::durable_rates(i.region.code) {
                Some(d) => {
                    l.durable_usd = d.operation.times(around.durable_ops)
                        + d.written_gb.times(around.durable_written_gb)
                        + d.retained_gb_month.times(around.durable_gb_months)
                }
                None => around.unpriced.push(("durable_usd", "durable operations and data".into())),
            }
        }
        if ALL && (i.sqs_poller_hours > 0.0 || i.kafka_poller_hours > 0.0) {
            match prices::epu_rates(i.region.code) {
                Some((sqs, kafka)) => l.poller_usd = sqs.times(around.epu_hours.0) + kafka.times(around.epu_hours.1),
                None => around.unpriced.push(("poller_usd", "Event Poller Unit-hours".into())),
            }
        }

        let month = Qty::whole(HOURS_PER_MONTH as u128);
        if ALL {
            let rates = prices::around_rates(i.region.code);
            around.rates = Some(rates);
            let mut missing = |line: &'static str, what: String| around.unpriced.push((line, what));
            around.door_requests = match i.front_door {
                "http_api" => Qty::whole(i.requests as u128 * http_meter(i.payload_kb)),
                "rest_api" | "alb" => Qty::whole(i.requests as u128),
                _ => Qty::ZERO,
            };
            if i.front_door == "alb" {
                around.alb_lcu = alb_lcu(i);
                around.alb_lcu_hours = decimal_qty(around.alb_lcu * HOURS_PER_MONTH as f64);
            }
            around.log_gb = Qty(mul_div_round(decimal_qty(i.log_kb_per_invocation).0, i.requests as u128, KB_PER_GB));
            around.log_gb_months = around.log_gb.scale(i.log_retention_days as u128, 30);
            match i.front_door {
                "http_api" => {
                    match tiered_known(http_at, around.door_requests, &prices::HTTP_API.0, &rates.http_api).map_err(
                        |t| {
                            tier_gap(
                                "HTTP API requests",
                                t,
                                &["up to 300 million a month", "beyond 300 million a month"],
                            )
                        },
                    ) {
                        Ok(parts) => around.door = parts,
                        Err(what) => missing("front_door_usd", what),
                    }
                    http_at += around.door_requests;
                }
                "rest_api" => {
                    match tiered_known(rest_at, around.door_requests, &prices::REST_API.0, &rates.rest_api).map_err(
                        |t| {
                            tier_gap(
                                "REST API requests",
                                t,
                                &[
                                    "up to 333 million a month",
                                    "from 333 million to 1 billion a month",
                                    "from 1 to 20 billion a month",
                                    "beyond 20 billion a month",
                                ],
                            )
                        },
                    ) {
                        Ok(parts) => around.door = parts,
                        Err(what) => missing("front_door_usd", what),
                    }
                    rest_at += around.door_requests;
                    if i.rest_cache_gb != "0" {
                        match rates.rest_cache.and_then(|t| t.iter().find(|c| c.0 == i.rest_cache_gb)) {
                            Some((_, r)) => around.cache = r.times(month),
                            None => missing("front_door_usd", format!("a {} GB REST API cache", i.rest_cache_gb)),
                        }
                    }
                }
                "alb" => match (rates.alb_hour, rates.ipv4_hour, rates.alb_lcu_hour) {
                    (Some(hour), Some(ipv4), Some(lcu)) => {
                        around.alb_fixed =
                            hour.times(month) + ipv4.times(month.scale(prices::ALB_MIN_ZONES as u128, 1));
                        around.alb_lcu_usd = lcu.times(around.alb_lcu_hours);
                    }
                    (hour, ipv4, _) => missing(
                        "front_door_usd",
                        (if hour.is_none() {
                            "ALB-hours"
                        } else if ipv4.is_none() {
                            "public IPv4 addresses"
                        } else {
                            "ALB capacity units (LCU-hours)"
                        })
                        .to_string(),
                    ),
                },
                _ => {}
            }
            if u.free_eligible {
                around.free_log = around.log_gb.min(free_logs);
                free_logs = free_logs.saturating_sub(around.free_log);
            }
            let billed_logs = around.log_gb.saturating_sub(around.free_log);
            if around.log_gb.0 > 0 {
                match (tiered_known(log_at, billed_logs, &prices::LAMBDA_LOGS.0, &rates.logs), rates.log_storage) {
                    (Ok(parts), Some(storage)) => {
                        around.logs = parts;
                        around.log_storage = storage.times(around.log_gb_months);
                    }
                    (Err(_), _) => missing("logs_usd", "Lambda log ingestion".into()),
                    (_, None) => missing("logs_usd", "log storage".into()),
                }
            }
            log_at += billed_logs;
            let egress = decimal_qty(i.egress_gb);
            if u.free_eligible {
                around.free_egress = egress.min(free_egress);
                free_egress = free_egress.saturating_sub(around.free_egress);
            }
            let billed_egress = egress.saturating_sub(around.free_egress);
            match tiered_known(egress_at, billed_egress, &prices::EGRESS.0, &rates.egress).map_err(|t| {
                tier_gap(
                    "data out",
                    t,
                    &[
                        "up to 10 TB a month",
                        "from 10 to 50 TB a month",
                        "from 50 to 150 TB a month",
                        "beyond 150 TB a month",
                    ],
                )
            }) {
                Ok(parts) => around.egress = parts,
                Err(what) => missing("egress_usd", what),
            }
            egress_at += billed_egress;
            let (nat_hours, nat_gb) = (decimal_qty(i.nat_hours), decimal_qty(i.nat_gb));
            match (rates.nat_hour, rates.nat_gb) {
                (Some(h), Some(g)) => around.nat = h.times(nat_hours) + g.times(nat_gb),
                (Some(h), None) if nat_gb.0 == 0 => around.nat = h.times(nat_hours),
                (None, Some(g)) if nat_hours.0 == 0 => around.nat = g.times(nat_gb),
                (h, _) if nat_hours.0 > 0 || nat_gb.0 > 0 => missing(
                    "nat_usd",
                    (if h.is_none() && nat_hours.0 > 0 {
                        "NAT gateway hours"
                    } else {
                        "data processed by a NAT gateway"
                    })
                    .to_string(),
                ),
                _ => {}
            }
        }
        let sum = |parts: &[TierPart]| parts.iter().map(|p| p.usd).sum::<Usd>();
        l.front_door_usd = sum(&around.door) + around.cache + around.alb_fixed + around.alb_lcu_usd;
        l.logs_usd = sum(&around.logs) + around.log_storage;
        l.egress_usd = sum(&around.egress);
        l.nat_usd = around.nat;

        if i.savings_plan_pct > 0.0 {
            let base = l.duration_usd + l.init_usd + l.pc_usd + l.pc_duration_usd;
            l.savings_usd = base.percent((i.savings_plan_pct * 10_000.0).round() as u32);
        }

        functions.push(FunctionCost {
            input: i.clone(),
            lines: l,
            free_requests_used: free_req,
            free_gbs_used: free_used,
            free_stream_used,
            tier_start,
            billable_gbs: (bill_dur, bill_init),
            duration_tiers,
            init_tiers,
            around,
            usage: u,
        });
    }
    let mut lines = Lines::default();
    for f in &functions {
        lines.add(&f.lines);
    }
    Ok((functions, lines, first))
}

impl CostResult {
    /// The named metrics, in the contract's order.
    pub fn metrics(&self) -> Vec<(&'static str, MetricValue)> {
        let per = |scale: u128| self.total.scaled(scale, self.requests).map_or(MetricValue::Missing, MetricValue::Usd);
        let mut out = vec![("total_usd", MetricValue::Usd(self.total))];
        for (name, _, usd) in self.lines.items() {
            let v = if name == "savings_usd" { self.lines.savings_usd } else { usd };
            out.push((name, if self.is_unpriced(name) { MetricValue::Missing } else { MetricValue::Usd(v) }));
        }
        out.push(("unpriced_lines", MetricValue::Count(self.unpriced.len() as u128)));
        out.push(("gb_seconds", MetricValue::Qty(self.gb_seconds)));
        out.push(("billed_requests", MetricValue::Count(self.billed_requests)));
        out.push(("per_invocation_usd", per(1)));
        out.push(("per_million_usd", per(1_000_000)));
        out
    }

    /// The whole arithmetic, function by function, then the total and both
    /// rounding policies.
    pub fn math(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (k, f) in self.functions.iter().enumerate() {
            if self.functions.len() > 1 {
                out.push(format!(
                    "── Function {} ({}, {}, {} MB) ──",
                    k + 1,
                    f.input.region.code,
                    f.input.arch.name(),
                    f.input.memory_mb
                ));
            }
            out.extend(f.math());
        }
        let rounded_lines: Usd = self.lines.items().iter().map(|(_, _, u)| u.round_cents()).sum();
        out.push(format!("Exact total: ${}", self.total));
        out.push(format!("Exact total rounded to cents: ${}", self.total.round_cents()));
        out.push(format!("Sum of the lines, each rounded to cents (how AWS writes its examples): ${rounded_lines}"));
        out
    }

    /// The sum of the lines each rounded to cents.
    pub fn rounded_lines_total(&self) -> Usd {
        self.lines.items().iter().map(|(_, _, u)| u.round_cents()).sum()
    }
}

/// Evaluates a cost scenario from named parameters: the single entry point
/// the page, the CLI and the lessons share.
pub fn evaluate(v: &Values, today: Date) -> Result<CostResult, Vec<ParamError>> {
    let i = CostInput::from_values(v, today)?;
    price(&i).map_err(|m| {
        vec![ParamError { param: "duration_ms".into(), given: String::new(), message: format!("Not priced: {m}.") }]
    })
}

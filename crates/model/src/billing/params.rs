//! The cost calculator's parameters and their help.

use super::*;

/// The cost calculator's parameters. Names are the public contract.
pub const COST_PARAMS: &[ParamSpec] = &[
    rates::region_param(""),
    rates::arch_param(""),
    rates::memory_param("Memory", "1024", ""),
    ParamSpec {
        name: "duration_ms",
        label: ui_text!("Duration (mean)"),
        kind: Kind::Num { min: 0.001, max: 900_000.0 },
        default: "120",
        unit: "ms",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "duration_cv",
        label: ui_text!("Duration variation (CV)"),
        kind: Kind::Num { min: 0.0, max: 5.0 },
        default: "0",
        unit: "",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "duration_p99_ms",
        label: ui_text!("Duration p99"),
        kind: Kind::Num { min: 0.0, max: 900_000.0 },
        default: "0",
        unit: "ms",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "requests",
        label: ui_text!("Requests per month"),
        kind: Kind::Int { min: 0, max: 1_000_000_000_000 },
        default: "3000000",
        unit: "requests",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "ephemeral_mb",
        label: ui_text!("Ephemeral storage (/tmp)"),
        kind: Kind::Int { min: 512, max: 10240 },
        default: "512",
        unit: "MB",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "free_tier",
        label: ui_text!("Apply the free tier"),
        kind: Kind::Bool,
        default: "true",
        unit: "",
        help: ui_text!(""),
    },
    rates::pc_units_param(""),
    ParamSpec {
        name: "pc_hours",
        label: ui_text!("PC enabled per month"),
        kind: Kind::Num { min: 0.0, max: 744.0 },
        default: "730",
        unit: "hours",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "pc_requests",
        label: ui_text!("Requests served by PC"),
        kind: Kind::Int { min: -1, max: 1_000_000_000_000 },
        default: "-1",
        unit: "requests",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "pc_duration_ms",
        label: ui_text!("Duration on PC"),
        kind: Kind::Num { min: 0.0, max: 900_000.0 },
        default: "0",
        unit: "ms",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "cold_start_ratio",
        label: ui_text!("Cold-start ratio"),
        kind: Kind::Num { min: 0.0, max: 1.0 },
        default: "0",
        unit: "",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "init_ms",
        label: ui_text!("Init duration"),
        kind: Kind::Num { min: 0.0, max: 10_000.0 },
        default: "0",
        unit: "ms",
        help: ui_text!(""),
    },
    rates::package_param(""),
    ParamSpec {
        name: "runtime",
        label: ui_text!("Runtime"),
        kind: Kind::Choice(crate::rates::runtimes::PRICED),
        default: "nodejs22.x",
        unit: "",
        help: ui_text!(""),
    },
    rates::billing_date_param(""),
    rates::snapstart_param(""),
    ParamSpec {
        name: "snapstart_hours",
        label: ui_text!("Snapshot cached per month"),
        kind: Kind::Num { min: 0.0, max: 744.0 },
        default: "730",
        unit: "hours",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "restore_ratio",
        label: ui_text!("Restore ratio"),
        kind: Kind::Num { min: 0.0, max: 1.0 },
        default: "0",
        unit: "",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "stream_gb",
        label: ui_text!("Streamed beyond 6 MB per response"),
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "GB/month",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "async_event_kb",
        label: ui_text!("Async event size"),
        kind: Kind::Int { min: 0, max: 1024 },
        default: "0",
        unit: "KB",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "savings_plan_pct",
        label: ui_text!("Compute Savings Plan discount"),
        kind: Kind::Num { min: 0.0, max: rates::SAVINGS_PLAN_MAX_PCT },
        default: "0",
        unit: "%",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "edge",
        label: ui_text!("Lambda@Edge"),
        kind: Kind::Bool,
        default: "false",
        unit: "",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "tenant_environments",
        label: ui_text!("Tenant-isolated environments created"),
        kind: Kind::Int { min: 0, max: 1_000_000_000_000 },
        default: "0",
        unit: "per month",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "durable_executions",
        label: ui_text!("Durable executions started"),
        kind: Kind::Int { min: 0, max: 1_000_000_000_000 },
        default: "0",
        unit: "per month",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "durable_ops_per_execution",
        label: ui_text!("Durable operations per execution"),
        kind: Kind::Int { min: 1, max: 1_000_000 },
        default: "4",
        unit: "",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "durable_kb_per_execution",
        label: ui_text!("Data written per execution"),
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "KB",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "durable_days",
        label: ui_text!("Execution running time"),
        kind: Kind::Num { min: 0.0, max: 366.0 },
        default: "0",
        unit: "days",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "durable_retention_days",
        label: ui_text!("Retention after completion"),
        kind: Kind::Int { min: 1, max: 90 },
        default: "14",
        unit: "days",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "sqs_poller_hours",
        label: ui_text!("SQS event poller hours"),
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "EPU-hours/month",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "kafka_poller_hours",
        label: ui_text!("Kafka event poller hours"),
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "EPU-hours/month",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "front_door",
        label: ui_text!("Front door"),
        kind: Kind::Choice(FRONT_DOORS),
        default: "none",
        unit: "",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "payload_kb",
        label: ui_text!("Request + response size, per call"),
        kind: Kind::Num { min: 0.0, max: 10_240.0 },
        default: "1",
        unit: "KB",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "rest_cache_gb",
        label: ui_text!("REST API cache"),
        kind: Kind::Choice(REST_CACHE_SIZES),
        default: "0",
        unit: "GB",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "alb_rules",
        label: ui_text!("ALB rules evaluated per request"),
        kind: Kind::Int { min: 0, max: 100 },
        default: "1",
        unit: "",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "alb_connections_per_s",
        label: ui_text!("ALB new connections"),
        kind: Kind::Num { min: 0.0, max: 10_000_000.0 },
        default: "0",
        unit: "per second",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "alb_active_connections",
        label: ui_text!("ALB active connections"),
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "per minute",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "log_kb_per_invocation",
        label: ui_text!("Logs per invocation"),
        kind: Kind::Num { min: 0.0, max: 1_000_000.0 },
        default: "0",
        unit: "KB",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "log_retention_days",
        label: ui_text!("Log retention"),
        kind: Kind::Int { min: 1, max: 3653 },
        default: "30",
        unit: "days",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "egress_gb",
        label: ui_text!("Data out to the internet"),
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "GB/month",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "nat_gb",
        label: ui_text!("Data through a NAT gateway"),
        kind: Kind::Num { min: 0.0, max: 1_000_000_000.0 },
        default: "0",
        unit: "GB/month",
        help: ui_text!(""),
    },
    ParamSpec {
        name: "nat_hours",
        label: ui_text!("NAT gateway hours"),
        kind: Kind::Num { min: 0.0, max: 100_000_000.0 },
        default: "0",
        unit: "per month",
        help: ui_text!(""),
    },
    rates::prices_param(""),
];

/// The help text of each cost parameter, by name. It lives here rather than
/// in [`COST_PARAMS`] so that a page which only prices a month through the
/// cost engine (the traffic simulator) does not carry it: the cost page and
/// the CLI look it up (`CalcState::with_help`).
pub fn cost_help(name: &str) -> &'static str {
    match name {
        "region" => "AWS region; rates differ by region.",
        "prices" => rates::PRICES_HELP,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontDoor {
    None,
    FunctionUrl,
    HttpApi,
    RestApi,
    Alb,
}

impl FrontDoor {
    pub const ALL: [FrontDoor; 5] =
        [FrontDoor::None, FrontDoor::FunctionUrl, FrontDoor::HttpApi, FrontDoor::RestApi, FrontDoor::Alb];

    /// The value as the URL, the JSON and the CLI write it.
    pub const fn key(self) -> &'static str {
        match self {
            FrontDoor::None => "none",
            FrontDoor::FunctionUrl => "function_url",
            FrontDoor::HttpApi => "http_api",
            FrontDoor::RestApi => "rest_api",
            FrontDoor::Alb => "alb",
        }
    }

    /// Its name in a form's list.
    pub const fn label(self) -> &'static str {
        match self {
            FrontDoor::None => "None (invoked directly or by an event)",
            FrontDoor::FunctionUrl => "Function URL",
            FrontDoor::HttpApi => "API Gateway HTTP API",
            FrontDoor::RestApi => "API Gateway REST API",
            FrontDoor::Alb => "Application Load Balancer",
        }
    }

    /// Its name in a sentence.
    pub const fn name(self) -> &'static str {
        match self {
            FrontDoor::None => "none",
            FrontDoor::FunctionUrl => "function URL",
            FrontDoor::HttpApi => "API Gateway HTTP API",
            FrontDoor::RestApi => "API Gateway REST API",
            FrontDoor::Alb => "Application Load Balancer",
        }
    }

    pub fn parse(s: &str) -> Option<FrontDoor> {
        FrontDoor::ALL.into_iter().find(|d| d.key() == s)
    }

    /// Whether it bills anything of its own (a function URL does not).
    pub const fn is_billed(self) -> bool {
        !matches!(self, FrontDoor::None | FrontDoor::FunctionUrl)
    }
}

const fn door_keys() -> [&'static str; 5] {
    let mut out = [""; 5];
    let mut i = 0;
    while i < 5 {
        out[i] = FrontDoor::ALL[i].key();
        i += 1;
    }
    out
}

/// The `front_door` values, from [`FrontDoor`].
pub const FRONT_DOORS: &[&str] = &door_keys();
/// REST API cache sizes in GB, "0" for none (see [`rates::CacheSize`]).
pub const REST_CACHE_SIZES: &[&str] = rates::CACHE_SIZES;

//! AWS's own published examples, and where their arithmetic is off: one
//! table that the engine's tests check, the cost page's "show the math"
//! quotes when a scenario is one of them, and the conformance page
//! (`/about/prices/`) lists, ours beside AWS's figure.

use crate::base::money::Usd;
use crate::billing::{COST_PARAMS, CostInput, Lines};

/// One worked example from AWS's Lambda pricing page.
#[derive(Clone, Copy, Debug)]
pub struct Example {
    /// A stable name (tests and the conformance page's anchors).
    pub id: &'static str,
    /// The calculator that prices it (its name in the registry: `cost`, `lmi`).
    pub calculator: &'static str,
    /// The figure AWS publishes: a metric, or several added (`a+b`), when
    /// the example prices only part of the bill (API Gateway's examples).
    pub metric: &'static str,
    /// Which example, in AWS's words where short.
    pub title: &'static str,
    /// The example as cost-calculator parameters (every other one default).
    pub query: &'static str,
    /// The total AWS publishes, in dollars.
    pub aws: &'static str,
    /// The exact total of the bill, in dollars (before rounding to cents).
    pub exact: &'static str,
    /// Where AWS's arithmetic or wording is off; empty when it is right.
    pub note: &'static str,
}

/// Every worked example on AWS's Lambda pricing page that this engine
/// prices (2026 version, read 2026-11-23; the first two from the older page).
pub const EXAMPLES: &[Example] = &[
    Example {
        id: "older-1",
        calculator: "cost",
        metric: "total_usd",
        title: "Older pricing page, example 1: 3M requests of 1 s at 512 MB",
        query: "memory_mb=512&duration_ms=1000&requests=3000000",
        aws: "18.74",
        exact: "18.73337",
        note: "AWS's older pricing page priced this example at $18.74 (compute $18.34 + requests $0.40), using the rate it listed then, \
               $0.00001667 per GB-s. At today's published rate, $0.0000166667, the compute is 1,100,000 GB-s × $0.0000166667 = $18.33337, \
               so the correct total is $18.73.",
    },
    Example {
        id: "older-2",
        calculator: "cost",
        metric: "total_usd",
        title: "Older pricing page, example 2: 30M requests of 200 ms at 128 MB",
        query: "memory_mb=128&duration_ms=200&requests=30000000",
        aws: "11.63",
        exact: "11.633345",
        note: "",
    },
    Example {
        id: "mobile-backend",
        calculator: "cost",
        metric: "total_usd",
        title: "Mobile application backend: 3M requests of 120 ms at 1,536 MB",
        query: "memory_mb=1536&duration_ms=120&requests=3000000",
        aws: "2.73",
        exact: "2.733338",
        note: "",
    },
    Example {
        id: "telemetry",
        calculator: "cost",
        metric: "total_usd",
        title: "IoT telemetry: 7.44M requests of 2 s at 1,024 MB, no free tier",
        query: "memory_mb=1024&duration_ms=2000&requests=7440000&free_tier=false",
        aws: "249.49",
        exact: "249.488496",
        note: "AWS's telemetry example writes \u{201c}14.88 GB-s\u{201d}; it means 14.88 million GB-s (7.44M × 2 s × 1 GB), which is where its $248.00 comes from.",
    },
    Example {
        id: "ephemeral",
        calculator: "cost",
        metric: "total_usd",
        title: "ML inference (BERT) with 2,048 MB of ephemeral storage",
        query: "memory_mb=4096&duration_ms=280&requests=6000000&ephemeral_mb=2048",
        aws: "106.41",
        exact: "106.411412",
        note: "AWS's example says \u{201c}Total charges = Compute + Request\u{201d}, but its $106.41 also includes the $0.08 ephemeral-storage charge, as this total does.",
    },
    Example {
        id: "pc-1",
        calculator: "cost",
        metric: "total_usd",
        title: "Provisioned concurrency, example 1: a mobile application launch",
        query: "memory_mb=1536&duration_ms=120&requests=3000000&pc_units=100&pc_hours=8&pc_requests=500000&pc_duration_ms=100",
        aws: "19.96",
        exact: "19.962644",
        note: "",
    },
    Example {
        id: "pc-2",
        calculator: "cost",
        metric: "total_usd",
        title: "Provisioned concurrency, example 2: Cyber Monday, no free tier",
        query: "memory_mb=4096&duration_ms=280&requests=2000000&pc_units=7&pc_hours=24&pc_requests=2000000&free_tier=false",
        aws: "32.26",
        exact: "32.25780864",
        note: "",
    },
    Example {
        id: "streaming",
        calculator: "cost",
        metric: "total_usd",
        title: "Response streaming: 3M requests of 500 ms at 1,536 MB, 1M of them streaming 7 MB",
        query: "memory_mb=1536&duration_ms=500&requests=3000000&stream_gb=1076.5625",
        aws: "39.04",
        exact: "39.045895",
        note: "AWS adds its lines rounded to cents ($30.83 + $0.40 + $7.81 = $39.04); the exact bill, $39.045895, rounds to $39.05.",
    },
    Example {
        id: "edge",
        calculator: "cost",
        metric: "total_usd",
        title: "Lambda@Edge: 10M requests of 10 ms",
        query: "memory_mb=128&duration_ms=10&requests=10000000&edge=true",
        aws: "6.63",
        exact: "6.625125",
        note: "",
    },
    Example {
        id: "tenant-isolation",
        calculator: "cost",
        metric: "total_usd",
        title: "Tenant isolation: 10M requests of 2 s at 1,024 MB, 200K environments created",
        query: "memory_mb=1024&duration_ms=2000&requests=10000000&tenant_environments=200000&free_tier=false",
        aws: "368.74",
        exact: "368.6674",
        note: "AWS's tenant-isolation example totals $368.74 ($2 + $333.34 + $33.4): it rounds the compute, $333.334, up to $333.34, \
               and prices the 200K environments at $0.000167 per GB rather than the Price List's $0.000166667 ($33.3334). \
               Exactly: $2 + $333.334 + $33.3334 = $368.6674, so $368.67.",
    },
    Example {
        id: "durable",
        calculator: "cost",
        metric: "total_usd",
        title: "Durable functions: 1M insurance claims, each two steps around a 7-day wait, arm64 at 1,024 MB",
        query: "arch=arm64&memory_mb=1024&duration_ms=16000&requests=2000000&durable_executions=1000000\
                &durable_ops_per_execution=4&durable_kb_per_execution=104&durable_days=7&durable_retention_days=14",
        aws: "490.46",
        exact: "490.45544",
        note: "",
    },
    Example {
        id: "esm-1",
        calculator: "cost",
        metric: "total_usd",
        title: "Provisioned mode for ESM, example 1: Kafka, 30M invocations of 2 s at 1,024 MB, 800 EPU-hours",
        query: "memory_mb=1024&duration_ms=2000&requests=30000000&kafka_poller_hours=800",
        aws: "1153.30",
        exact: "1147.13532",
        note: "AWS's ESM example 1 totals $1,153.30: it bills 60M requests ($12.00) for 1M invocations a day over 30 days, which is \
               30M; and it writes the compute, $993.33532, as $993.3. Taking the free tier off the requests as it does off the \
               compute: 29M × $0.20 per million = $5.80, so $993.33532 + $5.80 + $148 = $1,147.13532, $1,147.14.",
    },
    Example {
        id: "esm-2",
        calculator: "cost",
        metric: "total_usd",
        title: "Provisioned mode for ESM, example 2: SQS, 30M invocations of 1 s at 1,024 MB, 8,000 EPU-hours, no free tier",
        query: "memory_mb=1024&duration_ms=1000&requests=30000000&sqs_poller_hours=8000&free_tier=false",
        aws: "580.00",
        exact: "580.001",
        note: "",
    },
    Example {
        id: "esm-3",
        calculator: "cost",
        metric: "total_usd",
        title: "Provisioned mode for ESM, example 3: ten Kafka mappings in one poller group (one EPU all month), no free tier",
        query: "memory_mb=1024&duration_ms=200&requests=300000000&kafka_poller_hours=720&free_tier=false",
        aws: "1193.20",
        exact: "1193.202",
        note: "AWS's ESM example 3 quotes the free tier's 400,000 GB-s but does not take them off (nor the free requests), and counts \
               a 720-hour month for the one EPU its ten grouped mappings share: 720 EPU-hours × $0.185 = $133.20. Its total, \
               $1,193.20, is the bill without the free tier; with it, $1,186.34.",
    },
    Example {
        id: "managed-instances",
        calculator: "lmi",
        metric: "total_usd",
        title: "Lambda Managed Instances: a high-throughput API, 100M requests of 200 ms on m7g.xlarge, 3-year Compute Savings Plan",
        query: "instance_type=m7g.xlarge&requests=100000000&duration_ms=200&ec2_discount_pct=72&instance_hours=2000",
        aws: "160.36",
        exact: "160.352",
        note: "AWS's Managed Instances example rounds the discounted hourly rate, $0.1632 × (1 − 72%) = $0.045696, to $0.0457, \
               so its EC2 line is $91.40 rather than $91.392 and its total $160.36 rather than $160.352 ($160.35). The \
               management fee, 15% of the on-demand price, is exact: 2,000 h × $0.02448 = $48.96.",
    },
    Example {
        id: "microvms-sandboxes",
        calculator: "microvms",
        metric: "total_usd",
        title: "Lambda MicroVMs, example 1: coding-assistant sandboxes for 100 developers × 20 days, 2.5 h running a day \
                (a quarter of it at 8 GB / 4 vCPU), 6 suspends a day, 5 images of 2 GB",
        query: "baseline_gb=2&peak_multiple=4&peak_share=0.25&sessions=2000&session_s=9000&suspends_per_session=6\
                &suspended_s=19800&images=5&image_gb=2",
        aws: "1241.22",
        exact: "1241.08594363",
        note: "AWS's sandbox example totals $1,241.22 at the pricing page's rounded rates ($0.0038 and $0.00155 per GB of \
               snapshot, $0.08 per GB-month of storage over a 720-hour month). At the Price List's rates ($0.0037977138 and \
               $0.0015467699 per GB, $0.0001111111 per GB-hour) over a 730-hour month, the snapshots cost $134.45 rather \
               than $134.60 and the storage $3.26 rather than $3.24, so the total is $1,241.09. The compute, $1,103.38, is \
               the same on both (AWS writes the baseline part as $472.88, the rounded exact sum; its rounded lines add to \
               $472.87).",
    },
    Example {
        id: "microvms-ci-jobs",
        calculator: "microvms",
        metric: "total_usd",
        title: "Lambda MicroVMs, example 2: 10,000 CI and security jobs of 600 s at 8 GB / 4 vCPU (a tenth of it at \
                32 GB / 16 vCPU), one 2 GB image",
        query: "baseline_gb=8&peak_multiple=4&peak_share=0.1&sessions=10000&session_s=600&images=1&image_gb=2",
        aws: "1124.03",
        exact: "1123.964980206",
        note: "AWS's CI example totals $1,124.03 at the pricing page's rounded snapshot rate ($0.00155 per GB). At the \
               Price List's $0.0015467699 per GB, the 20,000 GB read at launch cost $30.94 rather than $31.00 (the 2 GB \
               image's storage is $0.16 on both), so the total is $1,123.96. The compute, $1,092.87, is exact on both.",
    },
    Example {
        id: "function-url",
        calculator: "cost",
        metric: "total_usd",
        title: "Function URLs (launch post): 5M requests of 50 ms at 128 MB behind a function URL, no free tier",
        query: "memory_mb=128&duration_ms=50&requests=5000000&free_tier=false&front_door=function_url",
        aws: "1.53",
        exact: "1.520834375",
        note: "AWS's function-URL announcement prices the duration at $0.53 from the rounded price per ms of a 128 MB function \
               ($0.0000000021 × 50 ms × 5M = $0.525). At the GB-second rate it is 31,250 GB-s × $0.0000166667 = $0.520834375, \
               so the total is $1.52, not $1.53. Function URLs themselves add nothing.",
    },
    Example {
        id: "http-api-1",
        calculator: "cost",
        metric: "front_door_usd",
        title: "API Gateway HTTP API, example 1: 432M page loads a month, 12 KB requests",
        query: "requests=432000000&front_door=http_api&payload_kb=12",
        aws: "418.80",
        exact: "418.8",
        note: "",
    },
    Example {
        id: "http-api-2",
        calculator: "cost",
        metric: "front_door_usd",
        title: "API Gateway HTTP API, example 2: 1.08M uploads of 4.5 MB (9 metered requests each)",
        query: "requests=1080000&front_door=http_api&payload_kb=4608",
        aws: "9.72",
        exact: "9.72",
        note: "",
    },
    Example {
        id: "rest-api-1",
        calculator: "cost",
        metric: "front_door_usd+egress_usd",
        title: "API Gateway REST API: 5M calls with 3 KB responses (data out included, no free allowance)",
        query: "requests=5000000&front_door=rest_api&egress_gb=14.305114746&free_tier=false",
        aws: "18.79",
        exact: "18.78746032714",
        note: "",
    },
    Example {
        id: "rest-api-2",
        calculator: "cost",
        metric: "front_door_usd+egress_usd",
        title: "API Gateway REST API: 15 billion calls with 4 KB responses (57,220 GB out)",
        query: "requests=15000000000&front_door=rest_api&egress_gb=57220.458984375&free_tier=false",
        aws: "41502.94",
        exact: "41177.73212890625",
        note: "AWS's 15-billion-call REST API example prices its requests exactly ($36,353.10), but charges all 57,220.46 GB of \
               data out at the first tier's $0.09 ($5,149.84). Data out is tiered: 10,240 GB × $0.09 + 40,960 GB × $0.085 + \
               6,020.46 GB × $0.07 = $4,824.63, so the total is $41,177.73, not $41,502.94.",
    },
];

/// The example's figure from a calculator's metrics: one metric, or the sum
/// of several (`a+b`); `None` if one is missing or not money.
pub fn figure(e: &Example, metrics: &[(&'static str, crate::params::metrics::MetricValue)]) -> Option<Usd> {
    e.metric.split('+').try_fold(Usd::ZERO, |sum, name| match metrics.iter().find(|(n, _)| *n == name) {
        Some((_, crate::params::metrics::MetricValue::Usd(u))) => Some(sum + *u),
        _ => None,
    })
}

/// The notes of `calculator`'s examples that `is` says the scenario is.
pub fn example_notes(calculator: &str, is: impl Fn(&Example) -> bool) -> Vec<String> {
    EXAMPLES
        .iter()
        .filter(|e| e.calculator == calculator && !e.note.is_empty() && is(e))
        .map(|e| e.note.to_string())
        .collect()
}

/// A cost example's inputs as the engine reads them, dated `today`: every
/// problem with its query, if it has one (the tests see that none has).
pub fn example_input(e: &Example, today: crate::params::Date) -> Result<CostInput, Vec<crate::params::ParamError>> {
    let d = crate::calculators::decode_query(COST_PARAMS, e.query);
    if !d.errors.is_empty() {
        return Err(d.errors);
    }
    CostInput::from_values(&d.values, today)
}

/// Notes for a scenario: the published example it is, and rounding gaps.
pub fn notes(i: &CostInput, total: Usd, lines: &Lines) -> Vec<String> {
    // The cost examples' inputs are read once (every bill asks); they are
    // dated like the scenario, which none of them depends on (no cold starts).
    static INPUTS: std::sync::OnceLock<Vec<(&'static str, CostInput)>> = std::sync::OnceLock::new();
    let inputs = INPUTS.get_or_init(|| {
        EXAMPLES
            .iter()
            .filter(|e| e.calculator == "cost" && !e.note.is_empty())
            .filter_map(|e| example_input(e, i.billing_date).ok().map(|x| (e.id, x)))
            .collect()
    });
    let mut out = example_notes("cost", |e| {
        inputs.iter().any(|(id, x)| *id == e.id && CostInput { billing_date: i.billing_date, ..x.clone() } == *i)
    });
    let rounded_lines: Usd = lines.items().iter().map(|(_, _, u)| u.round_cents()).sum();
    if rounded_lines != total.round_cents() && !out.iter().any(|n| n.contains("rounded to cents")) {
        out.push(format!(
            "Rounding: the lines rounded to cents add up to ${rounded_lines}, but the exact total ${total} rounds to ${}. \
             AWS's worked examples add rounded lines; your bill is computed on exact usage.",
            total.round_cents()
        ));
    }
    out
}

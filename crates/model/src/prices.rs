//! AWS Lambda list prices: one versioned, dated table.
//!
//! Every rate is written exactly as published (never recomputed from a
//! percentage) and every row names its source. When prices change, add a new
//! table version and bump [`PRICE_TABLE_VERSION`]; old scenarios then price at
//! today's rates, which is what a calculator should do.

use crate::money::Rate;

/// Bumped whenever a rate changes.
pub const PRICE_TABLE_VERSION: u32 = 1;
/// The date the table was last checked against its sources.
pub const PRICES_AS_OF: &str = "2026-11-23";

/// A cited source for a group of rates.
#[derive(Clone, Copy, Debug)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    pub url: &'static str,
    pub date: &'static str,
}

pub const SOURCES: &[Source] = &[
    Source {
        id: "aws-page",
        title: "AWS Lambda pricing page (2026 version, with worked examples)",
        url: "https://aws.amazon.com/lambda/pricing/",
        date: "2026-11-23 (read)",
    },
    Source {
        id: "price-list",
        title: "AWS Price List API, AWSLambda offer, as generated into zmynx/aws-lambda-calculator jsons/<region>.json (commit fab991d8) and cross-checked against calculator.aws lambda.json",
        url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/index.json",
        date: "2026-01-01 (generated); offer 2026-09-19 (cross-check)",
    },
    Source {
        id: "calculator-aws",
        title: "calculator.aws lambda.json, provisioned concurrency rates by region (copy in remotion packages/lambda-client/src/price-per-1s.ts)",
        url: "https://calculator.aws/",
        date: "2026-11-23 (read)",
    },
    Source {
        id: "init-blog",
        title: "AWS Compute Blog, \u{201c}AWS Lambda standardizes billing for INIT Phase\u{201d}",
        url: "https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/",
        date: "2025-04-29",
    },
    Source {
        id: "tier-blog",
        title: "AWS Compute Blog, \u{201c}Introducing tiered pricing for AWS Lambda\u{201d} (tier table)",
        url: "https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/",
        date: "2020-08-12",
    },
    Source {
        id: "apigw-page",
        title: "Amazon API Gateway pricing page (examples) and the AWS whitepaper \u{201c}Best Practices for Designing Amazon API Gateway Private APIs\u{201d}, cost table",
        url: "https://aws.amazon.com/api-gateway/pricing/",
        date: "2025-11-02 (page copy)",
    },
    Source {
        id: "elb-page",
        title: "Elastic Load Balancing pricing page (LCU dimensions), with the AWSELB, AmazonVPC, AmazonCloudWatch, AWSDataTransfer and AmazonEC2 (NAT gateway) Price List offers",
        url: "https://aws.amazon.com/elasticloadbalancing/pricing/",
        date: "2026-08-31 (offers); 2026-09-20 (page read)",
    },
    Source {
        id: "togen-pl",
        title: "AWS Price List offers (AmazonApiGateway and AWSELB 2026-08-31, AmazonEC2 2026-09-04, AWSDataTransfer 2026-08-31) as trimmed into mooncitizen/togen internal/cost/prices/aws.json (commit a5b2dad6) and its test data (AmazonApiGateway, AWSELB and AWSDataTransfer for eu-west-2, AWSELB for us-east-1)",
        url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json",
        date: "2026-09-06 (snapshot of offers published 2026-08-31 and 2026-09-04)",
    },
    Source {
        id: "pl-quotes",
        title: "Price List records quoted with their SKUs or usage types in public cost documents: eu-west-1 (checked 2026-09-14), ap-northeast-1 (2026-08-27, 2026-09-05), ap-northeast-2 (2026-10-01), ap-southeast-1 (2026-09-08), us-east-2 (2026-09-08), sa-east-1 (AWSDataTransfer 2026-09-16, AmazonEC2 2026-09-25), us-west-2, ap-south-1 (Sep 2026)",
        url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json",
        date: "2026-08-27 to 2026-10-01",
    },
    Source {
        id: "duckbill-cw",
        title: "CloudWatch prices by region (vended logs delivered to CloudWatch Logs, four tiers; log storage), DuckbillGroup/CloudWatchCashBack cloudwatch_pricing.json (commit 2ee064bb), a copy of AWS's CloudWatch pricing page; its us-east-1 rows match the 2026 Price List",
        url: "https://aws.amazon.com/cloudwatch/pricing/",
        date: "2025-04-30 (the table's own date, the day before Lambda logs moved to the vended-log tiers)",
    },
    Source {
        id: "aws-pricing-json",
        title: "The price data behind AWS's own pricing pages (meteredUnitMaps for API Gateway, Elastic Load Balancing, data transfer, CloudWatch and VPC, with Price List SKUs), as archived by QuinnyPig/aws-price-watcher (commit a6645eb2)",
        url: "https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/",
        date: "2025-06-05 (AWS publication; VPC 2025-06-13); unchanged from 2025-04-29 to 2025-06-18, and equal to the 2026 Price List copies wherever both have a rate",
    },
    Source {
        id: "infracost-out",
        title: "NAT gateway per-GB rates printed by Infracost for a stated region: eu-central-1 (sucounix/xpov, 2023) and ap-southeast-2 (setswei/techops-ci-demo-infrastructure, 2021); each equals the region's 2026 hourly rate, as in every region where both are published",
        url: "https://aws.amazon.com/vpc/pricing/",
        date: "2021 and 2023",
    },
    Source {
        id: "ipv4-blog",
        title: "AWS News Blog, \u{201c}New \u{2013} AWS Public IPv4 Address Charge + Public IP Insights\u{201d}: $0.005 per IP per hour for all public IPv4 addresses from 2024-02-01 (confirmed per region by pl-quotes where found)",
        url: "https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/",
        date: "2023-07-28",
    },
    Source {
        id: "whitepaper",
        title: "AWS whitepaper \u{201c}How AWS Pricing Works\u{201d}, Lambda (Compute Savings Plans up to 17%)",
        url: "https://docs.aws.amazon.com/whitepapers/latest/how-aws-pricing-works/lambda.html",
        date: "2026-11-23 (read)",
    },
];

/// Monthly free tier: 1M requests and 400,000 GB-s, account-wide, shared by
/// x86_64 and arm64. Source: aws-page.
pub const FREE_REQUESTS: u128 = 1_000_000;
pub const FREE_GB_SECONDS: u128 = 400_000;
/// Response streaming free tier: 100 GiB per month. Source: aws-page.
pub const FREE_STREAM_GB: u128 = 100;

/// Duration tier limits in GB-s per month per (region, architecture):
/// x86 6 B / 15 B; arm 7.5 B / 18.75 B. Source: tier-blog, aws-page.
pub const TIER_LIMITS_X86: [u128; 2] = [6_000_000_000, 15_000_000_000];
pub const TIER_LIMITS_ARM: [u128; 2] = [7_500_000_000, 18_750_000_000];

/// Lambda@Edge: $0.60 per 1M requests and $0.00000625125 per 128 MB-second,
/// priced globally, x86_64 only, no free tier. Source: aws-page.
pub const EDGE_REQUEST: Rate = Rate::usd("0.0000006");
pub const EDGE_PER_128MB_SECOND: Rate = Rate::usd("0.00000625125");

/// Response streaming: $0.008 per GB beyond the first 6 MB of each response.
/// Source: aws-page (us-east-1; the page gives one rate).
pub const STREAM_PER_GB: Rate = Rate::usd("0.008");

/// Tenant isolation mode: each tenant-isolated execution environment Lambda
/// creates costs its configured memory in GB × this rate, (region, x86_64,
/// arm64). Source: price-list (the aws-page example rounds x86 to $0.000167
/// per GB). Other regions' rates are not verified, so not here.
pub const TENANT_ISOLATION: &[(&str, Rate, Rate)] =
    &[("us-east-1", Rate::usd("0.000166667"), Rate::usd("0.000133333"))];

/// The tenant-isolation rate per GB for a region and architecture, where known.
pub fn tenant_rate(region: &str, arch: Arch) -> Option<Rate> {
    TENANT_ISOLATION
        .iter()
        .find(|(r, _, _)| *r == region)
        .map(|(_, x86, arm)| if arch == Arch::Arm { *arm } else { *x86 })
}

/// Durable functions' own charges in one region, on top of the function's
/// requests and duration (every replay is a normal invocation; waits are
/// not billed).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DurableRates {
    pub region: &'static str,
    /// Per durable operation: starting an execution, a step, a wait, a callback.
    pub operation: Rate,
    /// Per GB of data written by durable operations (AWS's example counts 1 GB = 10⁶ KB).
    pub written_gb: Rate,
    /// Per GB-month retained, prorated, while an execution runs and for its
    /// retention period after.
    pub retained_gb_month: Rate,
}

/// Source: aws-page (insurance-claims example: $8.00 per 1M operations,
/// $0.25 per GB written, $0.15 per GB-month) and price-list (offer
/// 2026-09-19: $0.000008 per operation). Other regions' rates are not
/// verified, so not here.
pub const DURABLE: &[DurableRates] = &[DurableRates {
    region: "us-east-1",
    operation: Rate::usd("0.000008"),
    written_gb: Rate::usd("0.25"),
    retained_gb_month: Rate::usd("0.15"),
}];

/// The durable-function rates of a region, where known.
pub fn durable_rates(region: &str) -> Option<&'static DurableRates> {
    DURABLE.iter().find(|d| d.region == region)
}

/// Provisioned mode for event source mappings, per Event Poller Unit-hour:
/// (region, SQS, Kafka (MSK or self-managed)). Billed per second with a
/// 1-minute minimum; an SQS mapping keeps at least 2 pollers, one per EPU; a
/// Kafka EPU carries up to 10 pollers. Source: aws-page (examples 1–3) and
/// price-list (offer 2026-09-19). Other regions' rates are not verified.
pub const EPU_HOUR: &[(&str, Rate, Rate)] = &[("us-east-1", Rate::usd("0.00925"), Rate::usd("0.185"))];

/// The (SQS, Kafka) EPU-hour rates of a region, where known.
pub fn epu_rates(region: &str) -> Option<(Rate, Rate)> {
    EPU_HOUR.iter().find(|r| r.0 == region).map(|r| (r.1, r.2))
}

/// The fewest pollers an SQS mapping in provisioned mode runs.
pub const SQS_MIN_POLLERS: u32 = 2;

/// What sits around a function and shows on the same bill, in one region:
/// its front door (API Gateway, an Application Load Balancer; function URLs
/// are free), its logs, its data out to the internet and a NAT gateway.
/// `None` is a rate no source here verifies: a line that needs it is not
/// priced (the bill says so and leaves it out of the total), while every line
/// whose rates are known is. Tiers are per request or per GB as in the
/// us-east-1 constants below.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AroundRates {
    pub region: &'static str,
    /// HTTP API per request: the first 300 million a month, then beyond.
    pub http_api: [Option<Rate>; 2],
    /// REST API per request on its four tiers ([`REST_API`]'s bounds).
    pub rest_api: [Option<Rate>; 4],
    /// REST API cache per hour by size, where the region's table is known.
    pub rest_cache: Option<&'static [(&'static str, Rate)]>,
    pub alb_hour: Option<Rate>,
    pub alb_lcu_hour: Option<Rate>,
    pub ipv4_hour: Option<Rate>,
    /// Lambda's logs (vended-log tiers, [`LAMBDA_LOGS`]'s bounds) and storage.
    pub logs: [Option<Rate>; 4],
    pub log_storage: Option<Rate>,
    /// Data out to the internet on [`EGRESS`]'s bounds.
    pub egress: [Option<Rate>; 4],
    pub nat_hour: Option<Rate>,
    pub nat_gb: Option<Rate>,
    /// Source ids (see [`SOURCES`]), by line.
    pub source: &'static str,
}

const fn k(s: &str) -> Option<Rate> {
    Some(Rate::usd(s))
}
const fn k4(a: &str, b: &str, c: &str, d: &str) -> [Option<Rate>; 4] {
    [k(a), k(b), k(c), k(d)]
}
/// Nothing known: the base of each region's row.
const UNKNOWN: AroundRates = AroundRates {
    region: "",
    http_api: [None; 2],
    rest_api: [None; 4],
    rest_cache: None,
    alb_hour: None,
    alb_lcu_hour: None,
    ipv4_hour: IPV4,
    logs: [None; 4],
    log_storage: None,
    egress: [None; 4],
    nat_hour: None,
    nat_gb: None,
    source: "",
};
/// $0.005 per public IPv4 address-hour in every region (ipv4-blog).
const IPV4: Option<Rate> = Some(PUBLIC_IPV4_HOUR);
/// us-east-1's data-out tiers, published identically for other regions.
const EGRESS_STD: [Option<Rate>; 4] = [Some(EGRESS.1[0]), Some(EGRESS.1[1]), Some(EGRESS.1[2]), Some(EGRESS.1[3])];
/// REST API caching where AWS prices it higher (São Paulo, Tokyo, Singapore).
/// Source: aws-pricing-json.
pub const REST_CACHE_HIGH: &[(&str, Rate)] = &[
    ("0.5", Rate::usd("0.028")),
    ("1.6", Rate::usd("0.054")),
    ("6.1", Rate::usd("0.245")),
    ("13.5", Rate::usd("0.29")),
    ("28.4", Rate::usd("0.56")),
    ("58.2", Rate::usd("1.1")),
    ("118", Rate::usd("2.2")),
    ("237", Rate::usd("4.4")),
];
/// The regions priced from AWS's own pricing-page data, cross-checked.
const AROUND_SOURCES_2025: &str = "aws-pricing-json for every line but NAT, equal to togen-pl and pl-quotes (2026) \
    wherever they overlap; NAT gateway: togen-pl (hours) and pl-quotes (per GB, where found); logs also duckbill-cw";
const AROUND_SOURCES_NAT_GB: &str = "aws-pricing-json for every line but NAT, equal to togen-pl and pl-quotes (2026) \
    wherever they overlap; NAT gateway: togen-pl (hours) and infracost-out (per GB)";
const AROUND_SOURCES: &str = "HTTP API tier 1, ALB-hour and NAT-hour: togen-pl; LCU-hour, NAT per GB, data out and \
    tiers beyond the first: togen-pl or pl-quotes where found; logs and log storage: duckbill-cw; public IPv4: ipv4-blog";

/// US East (Ohio), whose rates US West (Oregon) shares line for line.
const US_EAST_2: AroundRates = AroundRates {
    region: "us-east-2",
    http_api: [k("0.000001"), k("0.0000009")],
    rest_api: k4("0.0000035", "0.0000028", "0.00000238", "0.00000151"),
    rest_cache: Some(REST_CACHE),
    alb_hour: k("0.0225"),
    alb_lcu_hour: k("0.008"),
    logs: k4("0.5", "0.25", "0.1", "0.05"),
    log_storage: k("0.03"),
    egress: EGRESS_STD,
    nat_hour: k("0.045"),
    nat_gb: k("0.045"),
    source: AROUND_SOURCES_2025,
    ..UNKNOWN
};

/// Every region with rates around the function, us-east-1 first. A region
/// not listed here prices the function and says the lines around it are not
/// priced.
pub const AROUND: &[AroundRates] = &[
    AroundRates {
        region: "us-east-1",
        http_api: [Some(HTTP_API.1[0]), Some(HTTP_API.1[1])],
        rest_api: [Some(REST_API.1[0]), Some(REST_API.1[1]), Some(REST_API.1[2]), Some(REST_API.1[3])],
        rest_cache: Some(REST_CACHE),
        alb_hour: Some(ALB_HOUR),
        alb_lcu_hour: Some(ALB_LCU_HOUR),
        logs: [Some(LAMBDA_LOGS.1[0]), Some(LAMBDA_LOGS.1[1]), Some(LAMBDA_LOGS.1[2]), Some(LAMBDA_LOGS.1[3])],
        log_storage: Some(LOG_STORAGE_GB_MONTH),
        egress: [Some(EGRESS.1[0]), Some(EGRESS.1[1]), Some(EGRESS.1[2]), Some(EGRESS.1[3])],
        nat_hour: Some(NAT_HOUR),
        nat_gb: Some(NAT_GB),
        source: "apigw-page, elb-page, price-list (see the constants above)",
        ..UNKNOWN
    },
    US_EAST_2,
    AroundRates {
        region: "us-west-1",
        http_api: [k("0.00000117"), k("0.00000105")],
        rest_api: k4("0.0000035", "0.00000347", "0.00000295", "0.00000187"),
        rest_cache: Some(REST_CACHE),
        alb_hour: k("0.0252"),
        alb_lcu_hour: k("0.008"),
        logs: k4("0.67", "0.335", "0.134", "0.067"),
        log_storage: k("0.033"),
        egress: EGRESS_STD,
        nat_hour: k("0.048"),
        nat_gb: None,
        source: AROUND_SOURCES_2025,
        ..UNKNOWN
    },
    // US West (Oregon) is priced as US East (Ohio) on every line.
    AroundRates { region: "us-west-2", ..US_EAST_2 },
    AroundRates {
        region: "af-south-1",
        http_api: [k("0.00000132"), None],
        alb_hour: k("0.03"),
        logs: k4("0.678", "0.339", "0.136", "0.068"),
        log_storage: k("0.036"),
        nat_hour: k("0.057"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-east-1",
        logs: k4("0.8", "0.39", "0.15", "0.08"),
        log_storage: k("0.03"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-south-1",
        http_api: [k("0.00000105"), k("0.00000095")],
        rest_api: k4("0.0000035", "0.0000028", "0.00000238", "0.00000151"),
        rest_cache: Some(REST_CACHE),
        alb_hour: k("0.0239"),
        alb_lcu_hour: k("0.008"),
        logs: k4("0.67", "0.335", "0.134", "0.067"),
        log_storage: k("0.03"),
        egress: k4("0.1093", "0.085", "0.082", "0.08"),
        nat_hour: k("0.056"),
        nat_gb: None,
        source: AROUND_SOURCES_2025,
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-northeast-1",
        http_api: [k("0.00000129"), k("0.00000118")],
        rest_api: k4("0.00000425", "0.00000353", "0.000003", "0.00000191"),
        rest_cache: Some(REST_CACHE_HIGH),
        alb_hour: k("0.0243"),
        alb_lcu_hour: k("0.008"),
        logs: k4("0.76", "0.38", "0.152", "0.076"),
        log_storage: k("0.033"),
        egress: k4("0.114", "0.089", "0.086", "0.084"),
        nat_hour: k("0.062"),
        nat_gb: k("0.062"),
        source: AROUND_SOURCES_2025,
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-northeast-2",
        http_api: [k("0.00000123"), k("0.00000111")],
        rest_api: k4("0.0000035", "0.00000319", "0.00000271", "0.00000172"),
        rest_cache: Some(REST_CACHE),
        alb_hour: k("0.0225"),
        alb_lcu_hour: k("0.008"),
        logs: k4("0.76", "0.38", "0.152", "0.076"),
        log_storage: k("0.0314"),
        egress: k4("0.126", "0.122", "0.117", "0.108"),
        nat_hour: k("0.059"),
        nat_gb: k("0.059"),
        source: AROUND_SOURCES_2025,
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-northeast-3",
        http_api: [k("0.00000129"), None],
        alb_hour: k("0.0243"),
        logs: k4("0.76", "0.38", "0.152", "0.076"),
        log_storage: k("0.033"),
        nat_hour: k("0.062"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-southeast-1",
        http_api: [k("0.00000125"), k("0.00000113")],
        rest_api: k4("0.00000425", "0.00000353", "0.000003", "0.00000191"),
        rest_cache: Some(REST_CACHE_HIGH),
        alb_hour: k("0.0252"),
        alb_lcu_hour: k("0.008"),
        logs: k4("0.7", "0.35", "0.14", "0.07"),
        log_storage: k("0.03"),
        egress: k4("0.12", "0.085", "0.082", "0.08"),
        nat_hour: k("0.059"),
        nat_gb: k("0.059"),
        source: AROUND_SOURCES_2025,
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-southeast-2",
        http_api: [k("0.00000129"), k("0.00000118")],
        rest_api: k4("0.0000035", "0.0000035", "0.00000298", "0.00000189"),
        rest_cache: Some(REST_CACHE),
        alb_hour: k("0.0252"),
        alb_lcu_hour: k("0.008"),
        logs: k4("0.67", "0.335", "0.134", "0.067"),
        log_storage: k("0.033"),
        egress: k4("0.114", "0.098", "0.094", "0.092"),
        nat_hour: k("0.059"),
        nat_gb: k("0.059"),
        source: AROUND_SOURCES_NAT_GB,
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-southeast-4",
        logs: k4("0.67", "0.335", "0.134", "0.067"),
        log_storage: k("0.033"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-southeast-5",
        logs: k4("0.5", "0.25", "0.1", "0.05"),
        log_storage: k("0.03"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-southeast-7",
        logs: k4("0.5", "0.25", "0.1", "0.05"),
        log_storage: k("0.03"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "ca-central-1",
        http_api: [k("0.00000111"), k("0.000001")],
        rest_api: k4("0.0000035", "0.00000308", "0.00000262", "0.00000166"),
        rest_cache: Some(REST_CACHE),
        alb_hour: k("0.02475"),
        alb_lcu_hour: k("0.0088"),
        logs: k4("0.55", "0.275", "0.11", "0.055"),
        log_storage: k("0.033"),
        egress: EGRESS_STD,
        nat_hour: k("0.05"),
        nat_gb: None,
        source: AROUND_SOURCES_2025,
        ..UNKNOWN
    },
    AroundRates {
        region: "ca-west-1",
        logs: k4("0.55", "0.275", "0.11", "0.055"),
        log_storage: k("0.033"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "eu-central-1",
        http_api: [k("0.0000012"), k("0.00000108")],
        rest_api: k4("0.0000037", "0.00000319", "0.00000271", "0.00000172"),
        rest_cache: Some(REST_CACHE),
        alb_hour: k("0.027"),
        alb_lcu_hour: k("0.008"),
        logs: k4("0.63", "0.315", "0.126", "0.063"),
        log_storage: k("0.0324"),
        egress: EGRESS_STD,
        nat_hour: k("0.052"),
        nat_gb: k("0.052"),
        source: AROUND_SOURCES_NAT_GB,
        ..UNKNOWN
    },
    AroundRates {
        region: "eu-central-2",
        http_api: [k("0.00000132"), None],
        alb_hour: k("0.0297"),
        logs: k4("0.69", "0.347", "0.139", "0.069"),
        log_storage: k("0.0356"),
        nat_hour: k("0.0572"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "eu-west-1",
        http_api: [k("0.00000111"), k("0.000001")],
        rest_api: k4("0.0000035", "0.00000319", "0.00000271", "0.00000172"),
        rest_cache: Some(REST_CACHE),
        alb_hour: k("0.0252"),
        alb_lcu_hour: k("0.008"),
        logs: k4("0.57", "0.285", "0.114", "0.057"),
        log_storage: k("0.03"),
        egress: EGRESS_STD,
        nat_hour: k("0.048"),
        nat_gb: k("0.048"),
        source: AROUND_SOURCES_2025,
        ..UNKNOWN
    },
    AroundRates {
        region: "eu-south-1",
        http_api: [k("0.00000117"), None],
        alb_hour: k("0.0265"),
        logs: k4("0.6", "0.3", "0.12", "0.06"),
        log_storage: k("0.032"),
        nat_hour: k("0.05"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "eu-south-2",
        http_api: [k("0.00000111"), None],
        alb_hour: k("0.0252"),
        logs: k4("0.57", "0.285", "0.114", "0.057"),
        log_storage: k("0.03"),
        nat_hour: k("0.048"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "sa-east-1",
        http_api: [k("0.00000159"), k("0.00000143")],
        rest_api: k4("0.00000425", "0.00000425", "0.00000361", "0.00000229"),
        rest_cache: Some(REST_CACHE_HIGH),
        alb_hour: k("0.034"),
        alb_lcu_hour: k("0.011"),
        logs: k4("0.9", "0.45", "0.18", "0.09"),
        log_storage: k("0.0408"),
        egress: k4("0.15", "0.138", "0.126", "0.114"),
        nat_hour: k("0.093"),
        nat_gb: k("0.093"),
        source: AROUND_SOURCES_2025,
        ..UNKNOWN
    },
    AroundRates {
        region: "me-south-1",
        http_api: [k("0.00000123"), None],
        alb_hour: k("0.02772"),
        logs: k4("0.63", "0.314", "0.125", "0.063"),
        log_storage: k("0.03"),
        nat_hour: k("0.0528"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "me-central-1",
        http_api: [k("0.00000122"), None],
        alb_hour: k("0.028224"),
        logs: k4("0.63", "0.314", "0.125", "0.063"),
        log_storage: k("0.033"),
        nat_hour: k("0.0528"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "il-central-1",
        logs: k4("0.5", "0.25", "0.1", "0.05"),
        log_storage: k("0.03"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "mx-central-1",
        logs: k4("0.5", "0.25", "0.1", "0.05"),
        log_storage: k("0.03"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "eu-west-2",
        http_api: [k("0.00000116"), k("0.00000104")],
        rest_api: k4("0.0000035", "0.00000333", "0.00000283", "0.0000018"),
        rest_cache: Some(REST_CACHE),
        alb_hour: k("0.02646"),
        alb_lcu_hour: k("0.0084"),
        logs: k4("0.5985", "0.2993", "0.1197", "0.0599"),
        log_storage: k("0.0315"),
        egress: EGRESS_STD,
        nat_hour: k("0.05"),
        nat_gb: k("0.05"),
        source: AROUND_SOURCES,
        ..UNKNOWN
    },
    AroundRates {
        region: "eu-west-3",
        http_api: [k("0.00000117"), k("0.00000105")],
        rest_api: k4("0.0000035", "0.00000333", "0.00000283", "0.0000018"),
        rest_cache: Some(REST_CACHE),
        alb_hour: k("0.02646"),
        alb_lcu_hour: k("0.0084"),
        logs: k4("0.5985", "0.2993", "0.1197", "0.0599"),
        log_storage: k("0.0315"),
        egress: EGRESS_STD,
        nat_hour: k("0.05"),
        nat_gb: None,
        source: AROUND_SOURCES_2025,
        ..UNKNOWN
    },
    AroundRates {
        region: "eu-north-1",
        http_api: [k("0.00000106"), k("0.00000096")],
        rest_api: k4("0.0000035", "0.00000303", "0.00000258", "0.00000164"),
        rest_cache: Some(REST_CACHE),
        alb_hour: k("0.02394"),
        alb_lcu_hour: k("0.0076"),
        logs: k4("0.54", "0.271", "0.108", "0.054"),
        log_storage: k("0.028"),
        egress: EGRESS_STD,
        nat_hour: k("0.046"),
        nat_gb: None,
        source: AROUND_SOURCES_2025,
        ..UNKNOWN
    },
];

/// The rates around a function in a region (all unknown for a region not in
/// [`AROUND`]).
pub fn around_rates(region: &str) -> AroundRates {
    AROUND.iter().find(|a| a.region == region).copied().unwrap_or(AroundRates { region: "", ..UNKNOWN })
}

/// API Gateway HTTP APIs: $1.00 per million requests for the first 300
/// million a month, $0.90 after; metered in 512 KB increments. Source:
/// apigw-page (whitepaper table and the pricing page's examples) and
/// price-list (`USE1-ApiGatewayHttpRequest`, offer 2026-09-11).
pub const HTTP_API: ([u128; 1], [Rate; 2]) = ([300_000_000], [Rate::usd("0.000001"), Rate::usd("0.0000009")]);
/// HTTP APIs meter each request in increments of this many KB.
pub const HTTP_API_METER_KB: f64 = 512.0;
/// API Gateway REST APIs: $3.50, $2.80, $2.38 and $1.51 per million, for
/// the first 333 million, the next 667 million, the next 19 billion and
/// beyond. Source: apigw-page and price-list (`USE1-ApiGatewayRequest`).
pub const REST_API: ([u128; 3], [Rate; 4]) = (
    [333_000_000, 1_000_000_000, 20_000_000_000],
    [Rate::usd("0.0000035"), Rate::usd("0.0000028"), Rate::usd("0.00000238"), Rate::usd("0.00000151")],
);
/// REST API caching, per hour by cache size (GB). Source: apigw-page for
/// 1.6 GB ($0.038, the page's example); the other sizes from copies of the
/// page's table (the 0.5 GB rate also in a Price List extract), marked so
/// in the math.
pub const REST_CACHE: &[(&str, Rate)] = &[
    ("0.5", Rate::usd("0.02")),
    ("1.6", Rate::usd("0.038")),
    ("6.1", Rate::usd("0.2")),
    ("13.5", Rate::usd("0.25")),
    ("28.4", Rate::usd("0.5")),
    ("58.2", Rate::usd("1")),
    ("118", Rate::usd("1.9")),
    ("237", Rate::usd("3.8")),
];
/// Application Load Balancer: per ALB-hour and per LCU-hour. An LCU is 25
/// new connections a second, 3,000 active connections a minute, 0.4 GB an
/// hour processed for Lambda targets, or 1,000 rule evaluations a second
/// (the first 10 rules free); the highest dimension is billed. Source:
/// elb-page and price-list (AWSELB offer 2026-08-31).
pub const ALB_HOUR: Rate = Rate::usd("0.0225");
pub const ALB_LCU_HOUR: Rate = Rate::usd("0.008");
/// An internet-facing ALB spans at least 2 Availability Zones, with a public
/// IPv4 address in each, at $0.005 an hour. Source: price-list (AmazonVPC).
pub const PUBLIC_IPV4_HOUR: Rate = Rate::usd("0.005");
pub const ALB_MIN_ZONES: u32 = 2;
/// Lambda's logs in CloudWatch Logs (Standard class), tiered since
/// 2025-05-01: $0.50, $0.25, $0.10, $0.05 per GB for the first 10 TB, the
/// next 20 TB, the next 20 TB and beyond (boundaries in GB as the Price List
/// writes them). Storage $0.03 per GB-month. 5 GB free a month (shared with
/// all CloudWatch use). Source: price-list (`USE1-VendedLog-Bytes`,
/// `USE1-TimedStorage-ByteHrs`) and the Lambda tiered-logs announcement.
pub const LAMBDA_LOGS: ([u128; 3], [Rate; 4]) =
    ([10_240, 30_720, 51_200], [Rate::usd("0.5"), Rate::usd("0.25"), Rate::usd("0.1"), Rate::usd("0.05")]);
pub const LOG_STORAGE_GB_MONTH: Rate = Rate::usd("0.03");
pub const FREE_LOG_GB: u128 = 5;
/// Data transfer out to the internet: $0.09, $0.085, $0.07 and $0.05 per GB
/// for the first 10 TB, the next 40 TB, the next 100 TB and beyond; 100 GB a
/// month free, across all services. Source: price-list (AWSDataTransfer).
pub const EGRESS: ([u128; 3], [Rate; 4]) =
    ([10_240, 51_200, 153_600], [Rate::usd("0.09"), Rate::usd("0.085"), Rate::usd("0.07"), Rate::usd("0.05")]);
pub const FREE_EGRESS_GB: u128 = 100;
/// NAT gateway: per hour and per GB processed. Source: price-list (AmazonEC2
/// offer 2026-08-31).
pub const NAT_HOUR: Rate = Rate::usd("0.045");
pub const NAT_GB: Rate = Rate::usd("0.045");

/// Compute Savings Plans: at most 17% off duration and PC. Source: whitepaper.
pub const SAVINGS_PLAN_MAX_PCT: f64 = 17.0;

/// INIT is billed for zip packages on managed runtimes from this date.
/// Source: init-blog.
pub const INIT_BILLING_FROM: crate::scenario::Date = crate::scenario::Date::new(2025, 8, 1);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arch {
    X86,
    Arm,
}

impl Arch {
    pub fn parse(s: &str) -> Option<Arch> {
        match s {
            "x86_64" => Some(Arch::X86),
            "arm64" => Some(Arch::Arm),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Arch::X86 => "x86_64",
            Arch::Arm => "arm64",
        }
    }
    pub fn tier_limits(self) -> [u128; 2] {
        match self {
            Arch::X86 => TIER_LIMITS_X86,
            Arch::Arm => TIER_LIMITS_ARM,
        }
    }
}

/// Provisioned concurrency rates: (per GB-s configured, per GB-s of duration).
#[derive(Clone, Copy, Debug)]
pub struct PcRates {
    pub config: Rate,
    pub duration: Rate,
}

/// SnapStart rates: cache per GB-s, restore per GB.
#[derive(Clone, Copy, Debug)]
pub struct SnapRates {
    pub cache: Rate,
    pub restore: Rate,
}

/// Every rate for one region.
#[derive(Clone, Copy, Debug)]
pub struct Region {
    pub code: &'static str,
    pub name: &'static str,
    pub request: Rate,
    pub x86: [Rate; 3],
    pub arm: [Rate; 3],
    /// Per GB-s above 512 MB; `None` where no published rate was found.
    pub ephemeral: Option<Rate>,
    pub pc_x86: Option<PcRates>,
    pub pc_arm: Option<PcRates>,
    pub snapstart: Option<SnapRates>,
    /// Source ids for the request/duration/ephemeral rates, then a note.
    pub source: &'static str,
}

impl Region {
    pub fn duration_tiers(&self, arch: Arch) -> [Rate; 3] {
        match arch {
            Arch::X86 => self.x86,
            Arch::Arm => self.arm,
        }
    }
    pub fn pc(&self, arch: Arch) -> Option<PcRates> {
        match arch {
            Arch::X86 => self.pc_x86,
            Arch::Arm => self.pc_arm,
        }
    }
}

const fn r(s: &str) -> Rate {
    Rate::usd(s)
}

const STD_X86: [Rate; 3] = [r("0.0000166667"), r("0.000015"), r("0.0000133334")];
const STD_ARM: [Rate; 3] = [r("0.0000133334"), r("0.0000120001"), r("0.0000106667")];
const STD_REQ: Rate = r("0.0000002");
const fn pc(config: &str, duration: &str) -> Option<PcRates> {
    Some(PcRates { config: r(config), duration: r(duration) })
}
/// arm64 PC rates, published for us-east-1 (Price List; infracost golden tests).
const PC_ARM_US: Option<PcRates> = pc("0.0000033334", "0.0000077778");
const SNAP_US: Option<SnapRates> = Some(SnapRates { cache: r("0.0000015046"), restore: r("0.0001397998") });

const STD: &str = "price-list; aws-page (us-east-1 examples)";
const STD_UNLISTED: &str = "price-list does not list this region in the reference table; \
    standard-region rates as published on aws-page, PC from calculator-aws (unverified against the Price List)";

const fn std_region(code: &'static str, name: &'static str, ephemeral: &str, pc_x86: Option<PcRates>) -> Region {
    Region {
        code,
        name,
        request: STD_REQ,
        x86: STD_X86,
        arm: STD_ARM,
        ephemeral: Some(r(ephemeral)),
        pc_x86,
        pc_arm: None,
        snapstart: None,
        source: STD,
    }
}

/// A region whose request and duration rates differ from the standard ones.
/// Source: price-list.
const fn priced(base: Region, request: &str, x86: [&str; 3], arm: [&str; 3]) -> Region {
    Region {
        request: r(request),
        x86: [r(x86[0]), r(x86[1]), r(x86[2])],
        arm: [r(arm[0]), r(arm[1]), r(arm[2])],
        ..base
    }
}

/// The regions, in the order of AWS's own region list. China regions are
/// priced in CNY by a separate partition and are not included.
pub const REGIONS: &[Region] = &[
    Region {
        pc_arm: PC_ARM_US,
        snapstart: SNAP_US,
        ..std_region("us-east-1", "US East (N. Virginia)", "0.0000000309", pc("0.0000041667", "0.0000097222"))
    },
    Region {
        pc_arm: PC_ARM_US,
        ..std_region("us-east-2", "US East (Ohio)", "0.0000000309", pc("0.0000041667", "0.0000097222"))
    },
    std_region("us-west-1", "US West (N. California)", "0.0000000370", None),
    Region {
        pc_arm: PC_ARM_US,
        ..std_region("us-west-2", "US West (Oregon)", "0.0000000309", pc("0.0000041667", "0.0000097222"))
    },
    priced(
        std_region("af-south-1", "Africa (Cape Town)", "0.0000000404", pc("0.0000055300", "0.0000129000")),
        "0.00000027",
        ["0.0000221", "0.00001989", "0.00001768"],
        ["0.00001768", "0.000015912", "0.000014144"],
    ),
    priced(
        std_region("ap-east-1", "Asia Pacific (Hong Kong)", "0.0000000407", pc("0.0000057153", "0.0000133358")),
        "0.00000028",
        ["0.00002292", "0.00002062", "0.00001833"],
        ["0.0000183", "0.0000165", "0.0000147"],
    ),
    priced(
        std_region("ap-east-2", "Asia Pacific (Taipei)", "0.0000000333", None),
        "0.00000018",
        ["0.000015", "0.0000135", "0.000012"],
        ["0.000012", "0.0000108", "0.0000096"],
    ),
    std_region("ap-south-1", "Asia Pacific (Mumbai)", "0.0000000352", pc("0.0000044985", "0.0000104966")),
    // SnapStart: ap-northeast-1 equals us-east-1; ap-northeast-2 has its own
    // rates (third-party table of AWS rates, 2026-09-24).
    Region {
        snapstart: SNAP_US,
        ..std_region("ap-northeast-1", "Asia Pacific (Tokyo)", "0.0000000370", pc("0.0000053835", "0.0000125615"))
    },
    Region {
        snapstart: Some(SnapRates { cache: r("0.0000018383"), restore: r("0.0001674588") }),
        ..std_region("ap-northeast-2", "Asia Pacific (Seoul)", "0.0000000352", pc("0.0000051254", "0.0000119592"))
    },
    std_region("ap-southeast-1", "Asia Pacific (Singapore)", "0.0000000370", pc("0.0000051991", "0.0000121313")),
    std_region("ap-southeast-2", "Asia Pacific (Sydney)", "0.0000000370", pc("0.0000052360", "0.0000122173")),
    priced(
        std_region("ap-southeast-5", "Asia Pacific (Malaysia)", "0.0000000333", pc("0.0000046791", "0.0000109181")),
        "0.00000018",
        ["0.000015", "0.0000135", "0.000012"],
        ["0.000012", "0.0000108", "0.0000096"],
    ),
    priced(
        std_region("ap-southeast-6", "Asia Pacific (New Zealand)", "0.0000000389", None),
        "0.00000021",
        ["0.0000175", "0.00001575", "0.0000140001"],
        ["0.0000140001", "0.0000126001", "0.0000112"],
    ),
    priced(
        std_region("ap-southeast-7", "Asia Pacific (Thailand)", "0.0000000333", None),
        "0.00000018",
        ["0.000015", "0.0000135", "0.000012"],
        ["0.000012", "0.0000108", "0.0000096"],
    ),
    std_region("ca-central-1", "Canada (Central)", "0.0000000340", pc("0.0000046460", "0.0000108407")),
    std_region("ca-west-1", "Canada West (Calgary)", "0.0000000340", None),
    std_region("eu-central-1", "Europe (Frankfurt)", "0.0000000367", pc("0.0000050147", "0.0000117011")),
    priced(
        std_region("eu-central-2", "Europe (Zurich)", "0.0000000441", None),
        "0.00000022",
        ["0.0000183334", "0.0000165", "0.0000146667"],
        ["0.0000146667", "0.0000132001", "0.0000117334"],
    ),
    std_region("eu-west-1", "Europe (Ireland)", "0.0000000340", pc("0.0000046460", "0.0000108407")),
    priced(
        std_region("eu-south-1", "Europe (Milan)", "0.0000000357", pc("0.0000048783", "0.0000113827")),
        "0.00000023",
        ["0.0000195172", "0.0000175655", "0.0000156138"],
        ["0.0000156138", "0.0000140524", "0.0000124910"],
    ),
    std_region("eu-south-2", "Europe (Spain)", "0.0000000340", None),
    std_region("sa-east-1", "South America (São Paulo)", "0.0000000586", None),
    priced(
        std_region("me-south-1", "Middle East (Bahrain)", "0.0000000374", None),
        "0.00000025",
        ["0.0000206667", "0.000018591", "0.0000165334"],
        ["0.0000165334", "0.0000148801", "0.0000132267"],
    ),
    priced(
        std_region("me-central-1", "Middle East (UAE)", "0.0000000374", None),
        "0.00000025",
        ["0.0000206667", "0.000018591", "0.0000165334"],
        ["0.0000165334", "0.0000148801", "0.0000132267"],
    ),
    priced(
        std_region("il-central-1", "Israel (Tel Aviv)", "0.0000000408", None),
        "0.00000021",
        ["0.0000175", "0.00001575", "0.0000140001"],
        ["0.0000140001", "0.0000126001", "0.0000112"],
    ),
    priced(
        std_region("mx-central-1", "Mexico (Central)", "0.0000000324", None),
        "0.00000021",
        ["0.0000175", "0.00001575", "0.0000140001"],
        ["0.0000140000", "0.0000126001", "0.0000112"],
    ),
    // Regions with PC rates in calculator-aws but no row in the reference
    // Price List table: standard request and duration rates, no ephemeral rate.
    Region {
        ephemeral: None,
        source: STD_UNLISTED,
        ..std_region("eu-west-2", "Europe (London)", "0", pc("0.0000048304", "0.0000112709"))
    },
    Region {
        ephemeral: None,
        source: STD_UNLISTED,
        ..std_region("eu-west-3", "Europe (Paris)", "0", pc("0.0000048673", "0.0000113569"))
    },
    Region {
        ephemeral: None,
        source: STD_UNLISTED,
        ..std_region("ap-northeast-3", "Asia Pacific (Osaka)", "0", pc("0.0000053835", "0.0000125615"))
    },
    Region {
        ephemeral: None,
        source: STD_UNLISTED,
        ..std_region("ap-southeast-4", "Asia Pacific (Melbourne)", "0", pc("0.0000052360", "0.0000122173"))
    },
    Region {
        ephemeral: None,
        source: "calculator-aws (remotion's copy of calculator.aws lambda.json lists eu-north-1 at the standard request \
            and duration rates); no ephemeral-storage or provisioned-concurrency rate verified",
        ..std_region("eu-north-1", "Europe (Stockholm)", "0", None)
    },
];

/// Region codes, in table order.
pub fn region_codes() -> Vec<&'static str> {
    REGIONS.iter().map(|r| r.code).collect()
}

/// The rates for a region code.
pub fn region(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code == code)
}

/// The `region` parameter, shared by every calculator (help text varies).
pub const fn region_param(help: &'static str) -> crate::scenario::ParamSpec {
    crate::scenario::ParamSpec {
        name: "region",
        label: "Region",
        kind: crate::scenario::Kind::Choice(REGION_CODES),
        default: "us-east-1",
        unit: "",
        help,
    }
}

/// The `arch` parameter, shared by every calculator (help text varies).
pub const fn arch_param(help: &'static str) -> crate::scenario::ParamSpec {
    crate::scenario::ParamSpec {
        name: "arch",
        label: "Architecture",
        kind: crate::scenario::Kind::Choice(&["x86_64", "arm64"]),
        default: "x86_64",
        unit: "",
        help,
    }
}

/// The `memory_mb` parameter: 128 to 10,240 MB.
pub const fn memory_param(
    label: &'static str,
    default: &'static str,
    help: &'static str,
) -> crate::scenario::ParamSpec {
    crate::scenario::ParamSpec {
        name: "memory_mb",
        label,
        kind: crate::scenario::Kind::Int { min: 128, max: 10240 },
        default,
        unit: "MB",
        help,
    }
}

/// The `package` parameter: zip or container image.
pub const fn package_param(help: &'static str) -> crate::scenario::ParamSpec {
    crate::scenario::ParamSpec {
        name: "package",
        label: "Package type",
        kind: crate::scenario::Kind::Choice(&["zip", "image"]),
        default: "zip",
        unit: "",
        help,
    }
}

/// The `pc_units` parameter: provisioned concurrency, 0 to 100,000 environments.
pub const fn pc_units_param(help: &'static str) -> crate::scenario::ParamSpec {
    crate::scenario::ParamSpec {
        name: "pc_units",
        label: "Provisioned concurrency",
        kind: crate::scenario::Kind::Int { min: 0, max: 100_000 },
        default: "0",
        unit: "environments",
        help,
    }
}

/// The `billing_date` parameter; empty means today.
pub const fn billing_date_param(help: &'static str) -> crate::scenario::ParamSpec {
    crate::scenario::ParamSpec {
        name: "billing_date",
        label: "Billing date",
        kind: crate::scenario::Kind::Date,
        default: "",
        unit: "",
        help,
    }
}

/// The `snapstart` parameter.
pub const fn snapstart_param(help: &'static str) -> crate::scenario::ParamSpec {
    crate::scenario::ParamSpec {
        name: "snapstart",
        label: "SnapStart",
        kind: crate::scenario::Kind::Bool,
        default: "false",
        unit: "",
        help,
    }
}

/// The region codes as a static list for the parameter table.
pub const REGION_CODES: &[&str] = &[
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-west-1",
    "eu-south-1",
    "eu-south-2",
    "sa-east-1",
    "me-south-1",
    "me-central-1",
    "il-central-1",
    "mx-central-1",
    "eu-west-2",
    "eu-west-3",
    "ap-northeast-3",
    "ap-southeast-4",
    "eu-north-1",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_codes_match_the_table() {
        assert_eq!(REGION_CODES, region_codes().as_slice());
    }

    #[test]
    fn tiers_are_about_ninety_and_eighty_percent_and_descend() {
        for code in REGION_CODES {
            let reg = region(code).unwrap();
            for tiers in [reg.x86, reg.arm] {
                assert!(tiers[0] > tiers[1] && tiers[1] > tiers[2], "{code}");
                let r1 = tiers[1].as_f64() / tiers[0].as_f64();
                let r2 = tiers[2].as_f64() / tiers[0].as_f64();
                // ap-east-1 arm is published with fewer digits (0.0000183 / 0.0000165 / 0.0000147).
                assert!((r1 - 0.9).abs() < 0.005 && (r2 - 0.8).abs() < 0.005, "{code}: {r1} {r2}");
            }
            assert!(reg.arm[0] <= reg.x86[0], "{code}: arm is never dearer");
        }
    }

    #[test]
    fn published_figures_are_stored_not_recomputed() {
        // 0.9 × 0.0000133334 = 0.00001200006, published as 0.0000120001.
        assert_eq!(region("us-east-1").unwrap().arm[1], Rate::usd("0.0000120001"));
        // mx-central-1 publishes 0.0000140000 where il-central-1 has 0.0000140001.
        assert_ne!(region("mx-central-1").unwrap().arm[0], region("il-central-1").unwrap().arm[0]);
        // eu-central-1 requests are $0.20/M (a peer scraped the Edge SKU, $0.60/M).
        assert_eq!(region("eu-central-1").unwrap().request, Rate::usd("0.0000002"));
    }
}

//! Rates of what sits around a function on the same bill: API Gateway,
//! load balancers, logs, data out, NAT gateways, by region.

use crate::base::money::Rate;

/// A REST API cache size, as the `rest_cache_gb` values name it (GB).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CacheSize {
    None,
    Gb0_5,
    Gb1_6,
    Gb6_1,
    Gb13_5,
    Gb28_4,
    Gb58_2,
    Gb118,
    Gb237,
}

impl CacheSize {
    /// Every size, none first.
    pub const ALL: [CacheSize; 9] = [
        CacheSize::None,
        CacheSize::Gb0_5,
        CacheSize::Gb1_6,
        CacheSize::Gb6_1,
        CacheSize::Gb13_5,
        CacheSize::Gb28_4,
        CacheSize::Gb58_2,
        CacheSize::Gb118,
        CacheSize::Gb237,
    ];

    /// The size as its value is written: `"1.6"`, `"0"` for none.
    pub const fn gb(self) -> &'static str {
        match self {
            CacheSize::None => "0",
            CacheSize::Gb0_5 => "0.5",
            CacheSize::Gb1_6 => "1.6",
            CacheSize::Gb6_1 => "6.1",
            CacheSize::Gb13_5 => "13.5",
            CacheSize::Gb28_4 => "28.4",
            CacheSize::Gb58_2 => "58.2",
            CacheSize::Gb118 => "118",
            CacheSize::Gb237 => "237",
        }
    }

    pub fn parse(s: &str) -> Option<CacheSize> {
        CacheSize::ALL.into_iter().find(|c| c.gb() == s)
    }
}

const fn cache_values() -> [&'static str; 9] {
    let mut out = [""; 9];
    let mut i = 0;
    while i < 9 {
        out[i] = CacheSize::ALL[i].gb();
        i += 1;
    }
    out
}

/// The `rest_cache_gb` values, from [`CacheSize`].
pub const CACHE_SIZES: &[&str] = &cache_values();

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
    pub rest_cache: Option<&'static [(CacheSize, Rate)]>,
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

pub(super) const fn k(s: &str) -> Option<Rate> {
    Some(Rate::usd(s))
}
pub(super) const fn k4(a: &str, b: &str, c: &str, d: &str) -> [Option<Rate>; 4] {
    [k(a), k(b), k(c), k(d)]
}
/// Nothing known: the base of each region's row.
pub(super) const UNKNOWN: AroundRates = AroundRates {
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
pub(super) const IPV4: Option<Rate> = Some(PUBLIC_IPV4_HOUR);
/// us-east-1's data-out tiers, published identically for other regions.
pub(super) const EGRESS_STD: [Option<Rate>; 4] =
    [Some(EGRESS.1[0]), Some(EGRESS.1[1]), Some(EGRESS.1[2]), Some(EGRESS.1[3])];
/// REST API caching where AWS prices it higher (São Paulo, Tokyo, Singapore).
/// Source: aws-pricing-json.
pub const REST_CACHE_HIGH: &[(CacheSize, Rate)] = &[
    (CacheSize::Gb0_5, Rate::usd("0.028")),
    (CacheSize::Gb1_6, Rate::usd("0.054")),
    (CacheSize::Gb6_1, Rate::usd("0.245")),
    (CacheSize::Gb13_5, Rate::usd("0.29")),
    (CacheSize::Gb28_4, Rate::usd("0.56")),
    (CacheSize::Gb58_2, Rate::usd("1.1")),
    (CacheSize::Gb118, Rate::usd("2.2")),
    (CacheSize::Gb237, Rate::usd("4.4")),
];
/// The regions priced from AWS's own pricing-page data, cross-checked.
pub(super) const AROUND_SOURCES_2025: &str = "aws-pricing-json for every line but NAT, equal to togen-pl and pl-quotes (2026) \
    wherever they overlap; NAT gateway: togen-pl (hours) and pl-quotes (per GB, where found); logs also duckbill-cw";
pub(super) const AROUND_SOURCES_NAT_GB: &str = "aws-pricing-json for every line but NAT, equal to togen-pl and pl-quotes (2026) \
    wherever they overlap; NAT gateway: togen-pl (hours) and infracost-out (per GB)";
pub(super) const AROUND_SOURCES: &str = "HTTP API tier 1, ALB-hour and NAT-hour: togen-pl; LCU-hour, NAT per GB, data out and \
    tiers beyond the first: togen-pl or pl-quotes where found; logs and log storage: duckbill-cw; public IPv4: ipv4-blog";

/// US East (Ohio), whose rates US West (Oregon) shares line for line.
pub(super) const US_EAST_2: AroundRates = AroundRates {
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
    source: ui_text!(AROUND_SOURCES_2025),
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
        source: ui_text!("apigw-page, elb-page, price-list (see the constants above)"),
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
        source: ui_text!(AROUND_SOURCES_2025),
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
        source: ui_text!(AROUND_SOURCES),
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-east-1",
        logs: k4("0.8", "0.39", "0.15", "0.08"),
        log_storage: k("0.03"),
        source: ui_text!(AROUND_SOURCES),
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
        source: ui_text!(AROUND_SOURCES_2025),
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
        source: ui_text!(AROUND_SOURCES_2025),
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
        source: ui_text!(AROUND_SOURCES_2025),
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-northeast-3",
        http_api: [k("0.00000129"), None],
        alb_hour: k("0.0243"),
        logs: k4("0.76", "0.38", "0.152", "0.076"),
        log_storage: k("0.033"),
        nat_hour: k("0.062"),
        source: ui_text!(AROUND_SOURCES),
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
        source: ui_text!(AROUND_SOURCES_2025),
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
        source: ui_text!(AROUND_SOURCES_NAT_GB),
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-southeast-4",
        logs: k4("0.67", "0.335", "0.134", "0.067"),
        log_storage: k("0.033"),
        source: ui_text!(AROUND_SOURCES),
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-southeast-5",
        logs: k4("0.5", "0.25", "0.1", "0.05"),
        log_storage: k("0.03"),
        source: ui_text!(AROUND_SOURCES),
        ..UNKNOWN
    },
    AroundRates {
        region: "ap-southeast-7",
        logs: k4("0.5", "0.25", "0.1", "0.05"),
        log_storage: k("0.03"),
        source: ui_text!(AROUND_SOURCES),
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
        source: ui_text!(AROUND_SOURCES_2025),
        ..UNKNOWN
    },
    AroundRates {
        region: "ca-west-1",
        logs: k4("0.55", "0.275", "0.11", "0.055"),
        log_storage: k("0.033"),
        source: ui_text!(AROUND_SOURCES),
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
        source: ui_text!(AROUND_SOURCES_NAT_GB),
        ..UNKNOWN
    },
    AroundRates {
        region: "eu-central-2",
        http_api: [k("0.00000132"), None],
        alb_hour: k("0.0297"),
        logs: k4("0.69", "0.347", "0.139", "0.069"),
        log_storage: k("0.0356"),
        nat_hour: k("0.0572"),
        source: ui_text!(AROUND_SOURCES),
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
        source: ui_text!(AROUND_SOURCES_2025),
        ..UNKNOWN
    },
    AroundRates {
        region: "eu-south-1",
        http_api: [k("0.00000117"), None],
        alb_hour: k("0.0265"),
        logs: k4("0.6", "0.3", "0.12", "0.06"),
        log_storage: k("0.032"),
        nat_hour: k("0.05"),
        source: ui_text!(AROUND_SOURCES),
        ..UNKNOWN
    },
    AroundRates {
        region: "eu-south-2",
        http_api: [k("0.00000111"), None],
        alb_hour: k("0.0252"),
        logs: k4("0.57", "0.285", "0.114", "0.057"),
        log_storage: k("0.03"),
        nat_hour: k("0.048"),
        source: ui_text!(AROUND_SOURCES),
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
        source: ui_text!(AROUND_SOURCES_2025),
        ..UNKNOWN
    },
    AroundRates {
        region: "me-south-1",
        http_api: [k("0.00000123"), None],
        alb_hour: k("0.02772"),
        logs: k4("0.63", "0.314", "0.125", "0.063"),
        log_storage: k("0.03"),
        nat_hour: k("0.0528"),
        source: ui_text!(AROUND_SOURCES),
        ..UNKNOWN
    },
    AroundRates {
        region: "me-central-1",
        http_api: [k("0.00000122"), None],
        alb_hour: k("0.028224"),
        logs: k4("0.63", "0.314", "0.125", "0.063"),
        log_storage: k("0.033"),
        nat_hour: k("0.0528"),
        source: ui_text!(AROUND_SOURCES),
        ..UNKNOWN
    },
    AroundRates {
        region: "il-central-1",
        logs: k4("0.5", "0.25", "0.1", "0.05"),
        log_storage: k("0.03"),
        source: ui_text!(AROUND_SOURCES),
        ..UNKNOWN
    },
    AroundRates {
        region: "mx-central-1",
        logs: k4("0.5", "0.25", "0.1", "0.05"),
        log_storage: k("0.03"),
        source: ui_text!(AROUND_SOURCES),
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
        source: ui_text!(AROUND_SOURCES),
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
        source: ui_text!(AROUND_SOURCES_2025),
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
        source: ui_text!(AROUND_SOURCES_2025),
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
pub const REST_CACHE: &[(CacheSize, Rate)] = &[
    (CacheSize::Gb0_5, Rate::usd("0.02")),
    (CacheSize::Gb1_6, Rate::usd("0.038")),
    (CacheSize::Gb6_1, Rate::usd("0.2")),
    (CacheSize::Gb13_5, Rate::usd("0.25")),
    (CacheSize::Gb28_4, Rate::usd("0.5")),
    (CacheSize::Gb58_2, Rate::usd("1")),
    (CacheSize::Gb118, Rate::usd("1.9")),
    (CacheSize::Gb237, Rate::usd("3.8")),
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

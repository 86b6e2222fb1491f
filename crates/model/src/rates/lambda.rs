//! AWS Lambda list prices: today's regional table and its sources.
//!
//! Every rate is written exactly as published (never recomputed from a
//! percentage) and every row names its source. When prices change, keep this
//! table as it is and add a new dated one (see [`super::tables`]): links that
//! pin a table keep its figures; links that do not price at today's rates.

use crate::base::money::Rate;

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

/// Compute Savings Plans: at most 17% off duration and PC. Source: whitepaper.
pub const SAVINGS_PLAN_MAX_PCT: f64 = 17.0;

/// INIT is billed for zip packages on managed runtimes from this date.
/// Source: init-blog.
pub const INIT_BILLING_FROM: crate::params::Date = crate::params::Date::new(2025, 8, 1);

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

pub(super) const fn r(s: &str) -> Rate {
    Rate::usd(s)
}

pub(super) const STD_X86: [Rate; 3] = [r("0.0000166667"), r("0.000015"), r("0.0000133334")];
pub(super) const STD_ARM: [Rate; 3] = [r("0.0000133334"), r("0.0000120001"), r("0.0000106667")];
pub(super) const STD_REQ: Rate = r("0.0000002");
pub(super) const fn pc(config: &str, duration: &str) -> Option<PcRates> {
    Some(PcRates { config: r(config), duration: r(duration) })
}
/// arm64 PC rates, published for us-east-1 (Price List; infracost golden tests).
pub(super) const PC_ARM_US: Option<PcRates> = pc("0.0000033334", "0.0000077778");
pub(super) const SNAP_US: Option<SnapRates> = Some(SnapRates { cache: r("0.0000015046"), restore: r("0.0001397998") });

pub(super) const STD: &str = "price-list; aws-page (us-east-1 examples)";
pub(super) const STD_UNLISTED: &str = "price-list does not list this region in the reference table; \
    standard-region rates as published on aws-page, PC from calculator-aws (unverified against the Price List)";

pub(super) const fn std_region(
    code: &'static str,
    name: &'static str,
    ephemeral: &str,
    pc_x86: Option<PcRates>,
) -> Region {
    Region {
        code,
        name: ui_text!(name),
        request: STD_REQ,
        x86: STD_X86,
        arm: STD_ARM,
        ephemeral: Some(r(ephemeral)),
        pc_x86,
        pc_arm: None,
        snapstart: None,
        source: ui_text!(STD),
    }
}

/// A region whose request and duration rates differ from the standard ones.
/// Source: price-list.
pub(super) const fn priced(base: Region, request: &str, x86: [&str; 3], arm: [&str; 3]) -> Region {
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
        source: ui_text!(STD_UNLISTED),
        ..std_region("eu-west-2", "Europe (London)", "0", pc("0.0000048304", "0.0000112709"))
    },
    Region {
        ephemeral: None,
        source: ui_text!(STD_UNLISTED),
        ..std_region("eu-west-3", "Europe (Paris)", "0", pc("0.0000048673", "0.0000113569"))
    },
    Region {
        ephemeral: None,
        source: ui_text!(STD_UNLISTED),
        ..std_region("ap-northeast-3", "Asia Pacific (Osaka)", "0", pc("0.0000053835", "0.0000125615"))
    },
    Region {
        ephemeral: None,
        source: ui_text!(STD_UNLISTED),
        ..std_region("ap-southeast-4", "Asia Pacific (Melbourne)", "0", pc("0.0000052360", "0.0000122173"))
    },
    Region {
        ephemeral: None,
        source: ui_text!(
            "calculator-aws (remotion's copy of calculator.aws lambda.json lists eu-north-1 at the standard request \
            and duration rates); no ephemeral-storage or provisioned-concurrency rate verified"
        ),
        ..std_region("eu-north-1", "Europe (Stockholm)", "0", None)
    },
];

/// Region codes, in table order.
pub fn region_codes() -> Vec<&'static str> {
    REGIONS.iter().map(|r| r.code).collect()
}

/// Today's rates for a region code (a pinned table's: [`super::price_table`]).
pub fn region(code: &str) -> Option<&'static Region> {
    super::TODAY.region(code)
}

/// The `region` parameter, shared by every calculator (help text varies).
pub const fn region_param(help: &'static str) -> crate::params::ParamSpec {
    crate::params::ParamSpec {
        name: "region",
        label: ui_text!("Region"),
        kind: crate::params::Kind::Choice(REGION_CODES),
        default: "us-east-1",
        unit: "",
        help: ui_text!(help),
    }
}

/// The `arch` parameter, shared by every calculator (help text varies).
pub const fn arch_param(help: &'static str) -> crate::params::ParamSpec {
    crate::params::ParamSpec {
        name: "arch",
        label: ui_text!("Architecture"),
        kind: crate::params::Kind::Choice(&["x86_64", "arm64"]),
        default: "x86_64",
        unit: "",
        help: ui_text!(help),
    }
}

/// The `memory_mb` parameter: 128 to 10,240 MB.
pub const fn memory_param(label: &'static str, default: &'static str, help: &'static str) -> crate::params::ParamSpec {
    crate::params::ParamSpec {
        name: "memory_mb",
        label: ui_text!(label),
        kind: crate::params::Kind::Int { min: 128, max: 10240 },
        default,
        unit: "MB",
        help: ui_text!(help),
    }
}

/// The `package` parameter: zip or container image.
pub const fn package_param(help: &'static str) -> crate::params::ParamSpec {
    crate::params::ParamSpec {
        name: "package",
        label: ui_text!("Package type"),
        kind: crate::params::Kind::Choice(&["zip", "image"]),
        default: "zip",
        unit: "",
        help: ui_text!(help),
    }
}

/// The `pc_units` parameter: provisioned concurrency, 0 to 100,000 environments.
pub const fn pc_units_param(help: &'static str) -> crate::params::ParamSpec {
    crate::params::ParamSpec {
        name: "pc_units",
        label: ui_text!("Provisioned concurrency"),
        kind: crate::params::Kind::Int { min: 0, max: 100_000 },
        default: "0",
        unit: "environments",
        help: ui_text!(help),
    }
}

/// The `billing_date` parameter; empty means today.
pub const fn billing_date_param(help: &'static str) -> crate::params::ParamSpec {
    crate::params::ParamSpec {
        name: "billing_date",
        label: ui_text!("Billing date"),
        kind: crate::params::Kind::Date,
        default: "",
        unit: "",
        help: ui_text!(help),
    }
}

/// The `snapstart` parameter.
pub const fn snapstart_param(help: &'static str) -> crate::params::ParamSpec {
    crate::params::ParamSpec {
        name: "snapstart",
        label: ui_text!("SnapStart"),
        kind: crate::params::Kind::Bool,
        default: "false",
        unit: "",
        help: ui_text!(help),
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

//! Lambda Lab's pages: what each calculator page is (its path, title, the
//! parts an embed can show), the embed API's presentation vocabulary
//! ([`embed`]), and behind feature `generate` (build time, host only) the
//! generator that writes every route as HTML ([`generate`]).
//!
//! The wasm modules use the first two, the generator all three, so a page's
//! name, title and embed options are written once.

pub mod embed;
pub mod fallback;
#[cfg(feature = "generate")]
pub mod generate;

use embed::Part;

/// A calculator with a page (`/calculators/<slug>/`) and an embed page
/// (`/embed/<slug>/`) of its own.
#[derive(Debug)]
pub struct CalcPage {
    /// The path segment.
    pub slug: &'static str,
    /// The wasm module that renders it.
    pub module: &'static str,
    /// Its heading, and its name in an iframe's title.
    pub h1: &'static str,
    /// Its name in lists.
    pub name: &'static str,
    pub description: &'static str,
    /// The parts an embed can show.
    pub parts: &'static [Part],
    /// The parts a compact embed shows when it does not say.
    pub default_show: &'static [Part],
    /// Other defaults when a parameter is given: a Power Tuning link is
    /// shown as its chart and tables.
    pub default_show_when: &'static [(&'static str, &'static [Part])],
    /// The inputs shown above "All inputs" in a compact embed.
    pub key_inputs: &'static [&'static str],
    /// The parameters the Embed dialog offers to fix for readers.
    pub lockable: &'static [&'static str],
}

impl CalcPage {
    /// `/calculators/<slug>/`.
    pub fn page(&self) -> String {
        format!("/calculators/{}/", self.slug)
    }

    /// `/embed/<slug>/`.
    pub fn embed_page(&self) -> String {
        format!("/embed/{}/", self.slug)
    }

    /// The heights measured for this calculator's default embed (see
    /// [`EMBED_HEIGHTS`]).
    pub fn embed_heights(&self) -> &'static [(u32, u32)] {
        EMBED_HEIGHTS.iter().find(|(slug, _)| *slug == self.slug).map_or(&[], |(_, t)| t)
    }

    /// The embed's height at this width, from the measured table (straight
    /// lines between its widths, its ends beyond them), rounded up to 10 px.
    pub fn embed_height(&self, width: u32) -> u32 {
        let t = self.embed_heights();
        let (Some(first), Some(last)) = (t.first(), t.last()) else { return 600 };
        let h = if width <= first.0 {
            first.1 as f64
        } else if width >= last.0 {
            last.1 as f64
        } else {
            let i = t.iter().position(|(w, _)| *w >= width).unwrap_or(t.len() - 1);
            let ((w0, h0), (w1, h1)) = (t[i - 1], t[i]);
            h0 as f64 + (h1 as f64 - h0 as f64) * (width - w0) as f64 / (w1 - w0) as f64
        };
        (h.ceil() as u32).div_ceil(10) * 10
    }
}

pub const COST: CalcPage = CalcPage {
    slug: "cost",
    module: "cost",
    h1: "Lambda cost calculator",
    name: "Cost",
    description: "What one AWS Lambda function costs per month, line by line and exact: requests, duration tiers, \
                  the free tier, INIT billing, provisioned concurrency, SnapStart, streaming, Lambda@Edge and \
                  Savings Plans, with the arithmetic shown.",
    parts: &[Part::Result, Part::Inputs, Part::Table, Part::Chart, Part::Math, Part::Tools],
    default_show: &[Part::Result, Part::Inputs],
    default_show_when: &[],
    key_inputs: &["memory_mb", "duration_ms", "requests", "arch"],
    lockable: &["region", "arch", "memory_mb", "duration_ms", "requests", "free_tier"],
};

pub const ACCOUNT: CalcPage = CalcPage {
    slug: "account",
    module: "account",
    h1: "Account cost",
    name: "Account",
    description: "Several AWS Lambda functions priced together as one account, sharing the free tier and the \
                  duration tiers per region and architecture.",
    parts: &[Part::Result, Part::Inputs, Part::Table, Part::Math, Part::Tools],
    default_show: &[Part::Result, Part::Inputs],
    default_show_when: &[],
    key_inputs: &[],
    lockable: &[],
};

pub const POWER: CalcPage = CalcPage {
    slug: "power",
    module: "power",
    h1: "Power tuning explorer",
    name: "Power tuning",
    description: "The right AWS Lambda memory size without deploying anything: from a description, measured \
                  points, CloudWatch REPORT lines or a Power Tuning link, with duration and cost at every size, \
                  re-priced exactly.",
    parts: &[Part::Result, Part::Inputs, Part::Chart, Part::Table, Part::Tools],
    default_show: &[Part::Result, Part::Inputs, Part::Chart],
    default_show_when: &[("power_tuning", &[Part::Result, Part::Chart, Part::Table])],
    key_inputs: &["memory_mb", "strategy", "arch"],
    lockable: &["region", "arch", "memory_mb", "strategy", "requests"],
};

pub const COLD_START: CalcPage = CalcPage {
    slug: "cold-start",
    module: "coldstart",
    h1: "Cold-start calculator",
    name: "Cold start",
    description: "How slow an AWS Lambda cold start is for your runtime, package, init work, VPC and SnapStart, \
                  where the time goes, and how 34 runtimes compare (measured data).",
    parts: &[Part::Result, Part::Inputs, Part::Chart, Part::Table, Part::Tools],
    default_show: &[Part::Result, Part::Inputs],
    default_show_when: &[],
    key_inputs: &["runtime", "memory_mb", "package"],
    lockable: &["runtime", "arch", "package", "memory_mb"],
};

pub const TRAFFIC: CalcPage = CalcPage {
    slug: "traffic",
    module: "traffic",
    h1: "Traffic simulator",
    name: "Traffic simulator",
    description: "Simulate millions of requests to one AWS Lambda function in your browser: cold starts, \
                  throttles, latency percentiles, concurrency, cost, and the cheapest provisioned concurrency.",
    parts: &[Part::Result, Part::Inputs, Part::Chart, Part::Table, Part::Tools],
    default_show: &[Part::Result, Part::Inputs],
    default_show_when: &[],
    key_inputs: &["rate_per_s", "duration_ms", "idle_ttl_s"],
    lockable: &["region", "arch", "memory_mb", "runtime", "rate_per_s", "duration_ms"],
};

pub const MANAGED_INSTANCES: CalcPage = CalcPage {
    slug: "managed-instances",
    module: "lmi",
    h1: "Managed Instances or functions?",
    name: "Managed Instances",
    description: "What a workload costs on Lambda Managed Instances (EC2 instances, the 15% management fee, requests) \
                  against the same workload as on-demand functions, and the traffic from which Managed Instances cost \
                  less, from a capacity model whose every assumption is shown.",
    parts: &[Part::Result, Part::Inputs, Part::Table, Part::Chart, Part::Math, Part::Tools],
    default_show: &[Part::Result, Part::Inputs],
    default_show_when: &[],
    key_inputs: &["requests", "duration_ms", "instance_type", "ec2_discount_pct"],
    lockable: &["region", "instance_type", "requests", "duration_ms", "memory_mb", "ec2_discount_pct"],
};

pub const MICROVMS: CalcPage = CalcPage {
    slug: "microvms",
    module: "microvms",
    h1: "Lambda MicroVMs cost",
    name: "MicroVMs",
    description: "What a month of Lambda MicroVMs costs (June 2026, Graviton only): vCPU and memory per second at the \
                  baseline and the peak size, snapshots written on suspend and read on launch and resume, and \
                  storage for images and suspended MicroVMs, at the Price List's rates.",
    parts: &[Part::Result, Part::Inputs, Part::Table, Part::Math, Part::Tools],
    default_show: &[Part::Result, Part::Inputs],
    default_show_when: &[],
    key_inputs: &["sessions", "session_s", "baseline_gb"],
    lockable: &["region", "baseline_gb", "sessions", "session_s"],
};

pub const PLATFORMS: CalcPage = CalcPage {
    slug: "platforms",
    module: "platforms",
    h1: "Where should it run?",
    name: "Platforms",
    description: "One workload priced as Lambda functions, on Lambda Managed Instances, as AWS Fargate tasks and as \
                  EC2 instances behind a load balancer, each sized by a capacity model whose every assumption is a \
                  field, and the traffic from which each costs less than Lambda, drawn on a log-log chart.",
    parts: &[Part::Result, Part::Inputs, Part::Table, Part::Chart, Part::Math, Part::Tools],
    default_show: &[Part::Result, Part::Inputs],
    default_show_when: &[],
    key_inputs: &["requests", "duration_ms", "memory_mb", "fargate_vcpu"],
    lockable: &["region", "arch", "requests", "duration_ms", "memory_mb", "fargate_vcpu", "fargate_gb"],
};

/// Every calculator page, in the order the site lists them.
/// Each calculator's default embed (its default parts and values), its
/// height measured at these widths (px, ascending): where an iframe starts
/// before the calculator reports its own, so a post does not jump (the oEmbed
/// answer, `data-heights` in snippets). e2e measures them again
/// (`platforms.spec.js`) and fails when one is more than 4% off. Kept apart
/// from [`CalcPage`] so the calculators' own modules do not carry it.
pub const EMBED_HEIGHTS: &[(&str, &[(u32, u32)])] = &[
    ("cost", &[(360, 724), (375, 643), (480, 643), (600, 643), (800, 584), (1000, 584)]),
    ("power", &[(360, 958), (375, 915), (480, 845), (600, 948), (800, 901), (1000, 856)]),
    ("cold-start", &[(360, 583), (375, 561), (480, 502), (600, 435), (800, 435), (1000, 435)]),
    ("traffic", &[(360, 705), (375, 683), (480, 683), (600, 587), (800, 587), (1000, 563)]),
    ("managed-instances", &[(360, 709), (375, 687), (480, 603), (600, 557), (800, 557), (1000, 498)]),
    ("account", &[(360, 228), (375, 206), (480, 206), (600, 206), (800, 206), (1000, 206)]),
    ("microvms", &[(360, 684), (375, 662), (480, 553), (600, 486), (800, 427), (1000, 402)]),
    ("platforms", &[(360, 714), (375, 692), (480, 692), (600, 601), (800, 541), (1000, 541)]),
];

pub const CALC_PAGES: &[&CalcPage] =
    &[&COST, &POWER, &COLD_START, &TRAFFIC, &MANAGED_INSTANCES, &MICROVMS, &PLATFORMS, &ACCOUNT];

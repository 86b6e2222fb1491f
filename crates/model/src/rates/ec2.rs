//! Lambda Managed Instances' own rates and the EC2 on-demand prices of the
//! instances they run on.

use super::Arch;
use crate::base::money::Rate;

/// The compute management fee: 15% of the instance's EC2 on-demand price.
/// Source: aws-page ("15% premium on the EC2 on-demand instance price").
pub const MANAGEMENT_FEE_PCT: u32 = 15;
/// Requests: $0.20 per million. Source: aws-page.
pub const REQUEST: Rate = Rate::usd("0.0000002");
/// The deepest EC2 discount accepted: AWS's example uses 72% (a 3-year
/// Compute Savings Plan on m7g).
pub const MAX_DISCOUNT_PCT: f64 = 72.0;

/// The EC2 families priced here: (prefix, architecture, GB of memory per vCPU).
pub const FAMILIES: &[(&str, Arch, u32)] = &[
    ("c7g", Arch::Arm, 2),
    ("m7g", Arch::Arm, 4),
    ("r7g", Arch::Arm, 8),
    ("c8g", Arch::Arm, 2),
    ("c7i", Arch::X86, 2),
    ("m7i", Arch::X86, 4),
    ("r7i", Arch::X86, 8),
];

/// Sizes by name and vCPUs.
pub const SIZES: &[(&str, u32)] = &[
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

const fn seen_before(k: usize) -> bool {
    let mut j = 0;
    while j < k {
        if crate::params::same(EC2_PRICES[j].1, EC2_PRICES[k].1) {
            return true;
        }
        j += 1;
    }
    false
}

const fn instance_count() -> usize {
    let (mut n, mut k) = (0, 0);
    while k < EC2_PRICES.len() {
        if !seen_before(k) {
            n += 1;
        }
        k += 1;
    }
    n
}

const fn instance_types<const N: usize>() -> [&'static str; N] {
    let mut out = [""; N];
    let (mut n, mut k) = (0, 0);
    while k < EC2_PRICES.len() {
        if !seen_before(k) {
            out[n] = EC2_PRICES[k].1;
            n += 1;
        }
        k += 1;
    }
    out
}

/// Every instance type with a price in some region, in the order of
/// [`EC2_PRICES`] (derived from it when this file compiles).
pub const INSTANCE_TYPES: &[&str] = &instance_types::<{ instance_count() }>();

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
pub fn priced_regions(instance_type: &str) -> Vec<&'static str> {
    let mut out: Vec<&str> = EC2_PRICES.iter().filter(|p| p.1 == instance_type).map(|p| p.0).collect();
    out.dedup();
    out
}

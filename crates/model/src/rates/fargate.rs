//! AWS Fargate's rates for Linux tasks, on demand: per vCPU-hour and per
//! GB-hour of the task's size, billed per second with a one-minute minimum
//! from the image pull to the task's stop, and per GB-hour of ephemeral
//! storage beyond the 20 GB every task has. Windows tasks (an OS licence per
//! vCPU-hour) are not priced here.

use super::Arch;
use crate::base::money::Rate;

/// One region's and architecture's Fargate rates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FargateRates {
    pub region: &'static str,
    pub arch: Arch,
    pub vcpu_hour: Rate,
    pub gb_hour: Rate,
    /// Ephemeral storage beyond the 20 GB included, where a source here
    /// gives it (eu-west-1's is not verified: other regions' differ from
    /// us-east-1's, London $0.000129, Tokyo $0.000133).
    pub storage_gb_hour: Option<Rate>,
    /// Where the rates come from, with its date.
    pub source: &'static str,
}

const US_EAST_1: &str = "AWS Fargate pricing page (aws.amazon.com/fargate/pricing), US East (N. Virginia), Linux, as \
                         copied by vantage.sh and wring.co (2026-03-10) and a Price List extract of 2026-08 \
                         (USE1-Fargate-vCPU-Hours:perCPU, -GB-Hours, -ARM-vCPU-Hours:perCPU, -ARM-GB-Hours, \
                         -EphemeralStorage-GB-Hours); read 2026-12-06";
const EU_WEST_1_X86: &str = "AWS Price List, Europe (Ireland), Linux (EU-Fargate-vCPU-Hours:perCPU, EU-Fargate-GB-Hours), \
                             in a Pricing API audit of 2026-05-01 and a price list fetched 2026-10-04; the same as \
                             us-east-1, as fgcalc's and tomgregory.com's tables and July 2026 Cost Explorer actuals show; \
                             read 2026-12-06";
const EU_WEST_1_ARM: &str = "AWS Price List, Europe (Ireland), Linux/ARM (EU-Fargate-ARM-vCPU-Hours:perCPU, \
                             EU-Fargate-ARM-GB-Hours), in a Pricing API audit of 2026-05-01: one source, and 80% of \
                             the x86 rates as in every region where both are published; read 2026-12-06";

pub const FARGATE_RATES: &[FargateRates] = &[
    FargateRates {
        region: "us-east-1",
        arch: Arch::X86,
        vcpu_hour: Rate::usd("0.04048"),
        gb_hour: Rate::usd("0.004445"),
        storage_gb_hour: Some(Rate::usd("0.000111")),
        source: ui_text!(US_EAST_1),
    },
    FargateRates {
        region: "us-east-1",
        arch: Arch::Arm,
        vcpu_hour: Rate::usd("0.03238"),
        gb_hour: Rate::usd("0.00356"),
        storage_gb_hour: Some(Rate::usd("0.000111")),
        source: ui_text!(US_EAST_1),
    },
    FargateRates {
        region: "eu-west-1",
        arch: Arch::X86,
        vcpu_hour: Rate::usd("0.04048"),
        gb_hour: Rate::usd("0.004445"),
        storage_gb_hour: None,
        source: ui_text!(EU_WEST_1_X86),
    },
    FargateRates {
        region: "eu-west-1",
        arch: Arch::Arm,
        vcpu_hour: Rate::usd("0.03238"),
        gb_hour: Rate::usd("0.00356"),
        storage_gb_hour: None,
        source: ui_text!(EU_WEST_1_ARM),
    },
];

/// A region's Fargate rates for an architecture, where known.
pub fn fargate_rates(region: &str, arch: Arch) -> Option<&'static FargateRates> {
    FARGATE_RATES.iter().find(|r| r.region == region && r.arch == arch)
}

/// The regions with Fargate rates here.
pub fn fargate_regions() -> Vec<&'static str> {
    let mut out: Vec<&str> = FARGATE_RATES.iter().map(|r| r.region).collect();
    out.dedup();
    out
}

/// Ephemeral storage every task has without charge, GB.
pub const INCLUDED_STORAGE_GB: f64 = 20.0;
/// The most ephemeral storage a task can have, GB.
pub const MAX_STORAGE_GB: f64 = 200.0;
/// The shortest a task is billed for: one minute.
pub const MIN_BILLED_S: u32 = 60;

/// The task sizes Fargate runs: vCPU, and memory from, to and in steps of
/// (GB). Source: the Amazon ECS developer guide's task size table.
pub const TASK_SIZES: &[(&str, f64, f64, f64)] = &[
    ("0.25", 0.5, 2.0, 0.5),
    ("0.5", 1.0, 4.0, 1.0),
    ("1", 2.0, 8.0, 1.0),
    ("2", 4.0, 16.0, 1.0),
    ("4", 8.0, 30.0, 1.0),
    ("8", 16.0, 60.0, 4.0),
    ("16", 32.0, 120.0, 8.0),
];

/// The `fargate_vcpu` values (from the table).
pub const TASK_VCPUS: &[&str] = &["0.25", "0.5", "1", "2", "4", "8", "16"];

/// The memory sizes a task of `vcpu` vCPUs may have, GB (`None` where
/// `vcpu` is not a Fargate size). A quarter vCPU takes 0.5, 1 or 2 GB only.
pub fn memory_choices(vcpu: &str) -> Option<Vec<f64>> {
    if vcpu == "0.25" {
        return Some(vec![0.5, 1.0, 2.0]);
    }
    let (_, lo, hi, step) = TASK_SIZES.iter().find(|s| s.0 == vcpu)?;
    let n = ((hi - lo) / step).round() as u32;
    Some((0..=n).map(|k| lo + step * k as f64).collect())
}

/// Whether `gb` is a memory size Fargate runs with `vcpu` vCPUs.
pub fn valid_size(vcpu: &str, gb: f64) -> bool {
    memory_choices(vcpu).is_some_and(|c| c.iter().any(|m| (m - gb).abs() < 1e-9))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_both_architectures_and_the_sizes_agree_with_the_vcpu_list() {
        for r in fargate_regions() {
            assert!(fargate_rates(r, Arch::X86).is_some() && fargate_rates(r, Arch::Arm).is_some(), "{r}");
        }
        assert_eq!(TASK_SIZES.iter().map(|s| s.0).collect::<Vec<_>>(), TASK_VCPUS);
        assert_eq!(memory_choices("0.25").unwrap(), [0.5, 1.0, 2.0]);
        assert!(!valid_size("0.25", 1.5));
        assert_eq!(memory_choices("8").unwrap().len(), 12);
        assert!(valid_size("16", 120.0) && valid_size("4", 30.0) && !valid_size("1", 1.0) && !valid_size("8", 18.0));
        assert!(memory_choices("3").is_none());
    }
}

//! Lambda MicroVMs (launched June 2026): Graviton (arm64) only, billed per
//! second for the vCPU and memory a MicroVM runs with, per GB for snapshots
//! written on suspend and read on launch and resume, and per GB-hour for
//! stored images and suspended MicroVMs. No free tier.
//!
//! Every rate is the AWS Price List's (capture of 2026-08-07, usage types
//! `Lambda-MicroVM-vCPU-Second-ARM`, `-Memory-GB-Second-ARM`,
//! `-Snapshot-Write`, `-Snapshot-Read`, `-Storage`; prefixed `APN1-` in
//! ap-northeast-1). The pricing page (read 2026-11-23) prints the same vCPU
//! and memory rates and rounds the others: $0.0038 per GB written (Price
//! List $0.0037977138), $0.00155 per GB read ($0.0015467699) and $0.08 per
//! GB-month of storage ($0.0001111111 per GB-hour, $0.08 over a 720-hour
//! month). MicroVMs also run in us-east-2, us-west-2 and eu-west-1, whose
//! rates no source here verifies; they are not offered.

use crate::base::money::Rate;

/// One region's MicroVM rates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MicroVmRates {
    pub region: &'static str,
    pub vcpu_second: Rate,
    pub gb_second: Rate,
    pub snapshot_write_gb: Rate,
    pub snapshot_read_gb: Rate,
    pub storage_gb_hour: Rate,
    /// Where the rates come from, with its date.
    pub source: &'static str,
}

pub const MICROVM_RATES: &[MicroVmRates] = &[
    MicroVmRates {
        region: "us-east-1",
        vcpu_second: Rate::usd("0.0000276944"),
        gb_second: Rate::usd("0.0000036667"),
        snapshot_write_gb: Rate::usd("0.0037977138"),
        snapshot_read_gb: Rate::usd("0.0015467699"),
        storage_gb_hour: Rate::usd("0.0001111111"),
        source: ui_text!(
            "AWS Price List capture of 2026-08-07; vCPU and memory also on the pricing page (2026-11-23), which \
                 rounds the snapshot rates to $0.0038 and $0.00155 per GB and storage to $0.08 per GB-month"
        ),
    },
    MicroVmRates {
        region: "ap-northeast-1",
        vcpu_second: Rate::usd("0.0000322421"),
        gb_second: Rate::usd("0.0000042688"),
        snapshot_write_gb: Rate::usd("0.0046556039"),
        snapshot_read_gb: Rate::usd("0.0018548941"),
        storage_gb_hour: Rate::usd("0.0001333333"),
        source: ui_text!("AWS Price List capture of 2026-08-07 (APN1- usage types)"),
    },
];

const fn regions<const N: usize>() -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = MICROVM_RATES[i].region;
        i += 1;
    }
    out
}

/// The regions with MicroVM rates here, for their parameter (from the table).
pub const MICROVM_REGIONS: &[&str] = &regions::<{ MICROVM_RATES.len() }>();

/// A region's MicroVM rates, where known.
pub fn microvm_rates(region: &str) -> Option<&'static MicroVmRates> {
    MICROVM_RATES.iter().find(|r| r.region == region)
}

/// Memory at baseline, GB (with 1 vCPU per 2 GB).
pub const BASELINE_GB: &[&str] = &["0.5", "1", "2", "4", "8"];
/// The largest MicroVM: 16 vCPU and 32 GB.
pub const MAX_GB: f64 = 32.0;
/// How far a MicroVM scales up: 4× its baseline.
pub const MAX_SCALE: f64 = 4.0;
/// A MicroVM runs and stays suspended for at most 8 hours in all.
pub const MAX_LIFETIME_S: i64 = 28_800;

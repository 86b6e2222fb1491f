//! Lambda MicroVMs: what a month of MicroVMs costs, line by line.
//!
//! A MicroVM runs at a baseline (memory, with 1 vCPU per 2 GB) and scales
//! up to 4× that when busy. Compute is billed per second at the size it runs
//! at: the baseline for the whole running time, plus the extra resources for
//! as long as they are used, which is the same as the running time split
//! into time at the baseline and time at the peak, each at its size (AWS's
//! examples do the latter). A launch reads the image; a suspend writes a
//! snapshot of the MicroVM's memory, which a resume reads back; images and
//! suspended MicroVMs are stored by the GB-hour. Snapshots are taken at the
//! baseline (a MicroVM is suspended when idle). No free tier.

use crate::base::money::{ATTO, Qty, Rate, Usd, mul_div_round};
use crate::billing::decimal_qty;
use crate::params::metrics::MetricValue;
use crate::params::{Kind, ParamError, ParamSpec, Values, fmt_grouped, fmt_num};
use crate::rates::HOURS_PER_MONTH;
use crate::rates::microvms::{
    BASELINE_GB, MAX_GB, MAX_LIFETIME_S, MAX_SCALE, MICROVM_REGIONS, MicroVmRates, microvm_rates,
};

/// A parameter name of [`MICROVM_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        crate::param!(MICROVM_PARAMS, $name)
    };
}

pub const MICROVM_PARAMS: &[ParamSpec] = &[
    ParamSpec {
        name: "region",
        label: ui_text!("Region"),
        kind: Kind::Choice(MICROVM_REGIONS),
        default: "us-east-1",
        unit: "",
        help: ui_text!(
            "MicroVMs also run in us-east-2, us-west-2 and eu-west-1; this calculator has verified rates for these two."
        ),
    },
    ParamSpec {
        name: "baseline_gb",
        label: ui_text!("Baseline memory"),
        kind: Kind::Choice(BASELINE_GB),
        default: "2",
        unit: "GB",
        help: ui_text!("What a MicroVM runs with when it is not busy, with 1 vCPU per 2 GB (Graviton, arm64)."),
    },
    ParamSpec {
        name: "peak_multiple",
        label: ui_text!("Peak size"),
        kind: Kind::Num { min: 1.0, max: MAX_SCALE },
        default: "1",
        unit: "× baseline",
        help: ui_text!(
            "How far it scales up when busy, memory and vCPU together: 1 (never) to 4 times the baseline, at most 16 vCPU and 32 GB."
        ),
    },
    ParamSpec {
        name: "peak_share",
        label: ui_text!("Time at the peak size"),
        kind: Kind::Num { min: 0.0, max: 1.0 },
        default: "0",
        unit: "of running time",
        help: ui_text!("The share of running time spent scaled up (0.25 for a quarter)."),
    },
    ParamSpec {
        name: "sessions",
        label: ui_text!("MicroVMs launched"),
        kind: Kind::Int { min: 0, max: 1_000_000_000 },
        default: "1000",
        unit: "per month",
        help: ui_text!("Each launch reads its image from storage."),
    },
    ParamSpec {
        name: "session_s",
        label: ui_text!("Running time of each"),
        kind: Kind::Int { min: 1, max: MAX_LIFETIME_S },
        default: "3600",
        unit: "s",
        help: ui_text!(
            "Seconds each MicroVM runs, billed per second; with its suspended time at most 8 hours (28,800 s)."
        ),
    },
    ParamSpec {
        name: "suspends_per_session",
        label: ui_text!("Suspends of each"),
        kind: Kind::Int { min: 0, max: 10_000 },
        default: "0",
        unit: "",
        help: ui_text!("Each suspend writes a snapshot of the baseline memory, and each resume reads it back."),
    },
    ParamSpec {
        name: "suspended_s",
        label: ui_text!("Suspended time of each"),
        kind: Kind::Int { min: 0, max: MAX_LIFETIME_S },
        default: "0",
        unit: "s",
        help: ui_text!("Seconds each MicroVM spends suspended: no compute, only its snapshot's storage."),
    },
    ParamSpec {
        name: "images",
        label: ui_text!("Images stored"),
        kind: Kind::Int { min: 0, max: 100_000 },
        default: "1",
        unit: "",
        help: ui_text!("MicroVM images kept all month (an image is billed for at least a week)."),
    },
    ParamSpec {
        name: "image_gb",
        label: ui_text!("Image size"),
        kind: Kind::Num { min: 0.001, max: MAX_GB },
        default: "2",
        unit: "GB",
        help: ui_text!("Each image's size, read at every launch."),
    },
];

/// The validated inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct MicroVmInput {
    pub rates: &'static MicroVmRates,
    /// Baseline memory in half-GB (1 for 0.5 GB … 16 for 8 GB).
    pub baseline_half_gb: u32,
    pub peak_multiple: f64,
    pub peak_share: f64,
    pub sessions: u64,
    pub session_s: u64,
    pub suspends_per_session: u64,
    pub suspended_s: u64,
    pub images: u64,
    pub image_gb: f64,
}

fn err(param: &str, given: String, message: String) -> ParamError {
    let label = MICROVM_PARAMS.iter().find(|s| s.name == param).map_or(param, |s| s.label);
    ParamError { param: param.into(), given, message: ui_format!("{label} ({param}): {message}") }
}

/// Reads and cross-checks the parameters; every problem names what is valid.
pub fn input(v: &Values) -> Result<MicroVmInput, Vec<ParamError>> {
    let region = v.text(p!("region"));
    let rates = microvm_rates(region).expect("region is a checked choice");
    let baseline = crate::base::decimal::parse_f64(v.text(p!("baseline_gb"))).expect("baseline_gb is a checked choice");
    let i = MicroVmInput {
        rates,
        baseline_half_gb: (baseline * 2.0).round() as u32,
        peak_multiple: v.num(p!("peak_multiple")),
        peak_share: v.num(p!("peak_share")),
        sessions: v.int(p!("sessions")) as u64,
        session_s: v.int(p!("session_s")) as u64,
        suspends_per_session: v.int(p!("suspends_per_session")) as u64,
        suspended_s: v.int(p!("suspended_s")) as u64,
        images: v.int(p!("images")) as u64,
        image_gb: v.num(p!("image_gb")),
    };
    // The largest baseline, 8 GB, scaled 4× is the largest MicroVM (32 GB,
    // 16 vCPU): the two parameters' ranges keep every size valid.
    let mut errs = Vec::new();
    if i.session_s + i.suspended_s > MAX_LIFETIME_S as u64 {
        errs.push(err(
            "suspended_s",
            i.suspended_s.to_string(),
            ui_format!(
                "a MicroVM runs and stays suspended for at most 8 hours in all; with {} s running, use 0 to {} s.",
                fmt_grouped(i.session_s as f64),
                fmt_grouped((MAX_LIFETIME_S as u64).saturating_sub(i.session_s) as f64)
            ),
        ));
    }
    if i.suspended_s > 0 && i.suspends_per_session == 0 {
        errs.push(err(
            "suspends_per_session",
            "0".into(),
            "time suspended needs at least one suspend; use 1 or more, or set the suspended time to 0.".into(),
        ));
    }
    if i.peak_share > 0.0 && i.peak_multiple == 1.0 {
        errs.push(err(
            "peak_share",
            fmt_num(i.peak_share),
            "time at the peak needs a peak above the baseline; set the peak size above 1, or this to 0.".into(),
        ));
    }
    if errs.is_empty() { Ok(i) } else { Err(errs) }
}

/// `a × b` for exact quantities.
fn times(a: Qty, b: Qty) -> Qty {
    Qty(mul_div_round(a.0, b.0, ATTO))
}

/// A month of MicroVMs, in exact units and dollars.
#[derive(Clone, Debug, PartialEq)]
pub struct MicroVmBill {
    pub input: MicroVmInput,
    pub running_s: Qty,
    pub peak_s: Qty,
    pub baseline_s: Qty,
    pub vcpu_seconds: Qty,
    pub gb_seconds: Qty,
    pub write_gb: Qty,
    pub read_gb: Qty,
    pub image_gb_hours: Qty,
    pub suspended_gb_hours: Qty,
    pub vcpu_usd: Usd,
    pub memory_usd: Usd,
    pub snapshot_write_usd: Usd,
    pub snapshot_read_usd: Usd,
    pub storage_usd: Usd,
    pub total_usd: Usd,
}

impl MicroVmInput {
    fn baseline_gb(&self) -> Qty {
        Qty::ratio(self.baseline_half_gb as u128, 2)
    }
}

/// Prices a month.
pub fn bill(i: &MicroVmInput) -> MicroVmBill {
    let r = i.rates;
    let running_s = Qty::whole(i.sessions as u128 * i.session_s as u128);
    let peak_s = times(running_s, decimal_qty(i.peak_share));
    let baseline_s = running_s.saturating_sub(peak_s);
    let gb = i.baseline_gb();
    let vcpu = gb.scale(1, 2);
    let scale = decimal_qty(i.peak_multiple);
    let vcpu_seconds = times(baseline_s, vcpu) + times(times(peak_s, vcpu), scale);
    let gb_seconds = times(baseline_s, gb) + times(times(peak_s, gb), scale);
    let suspends = Qty::whole(i.sessions as u128 * i.suspends_per_session as u128);
    let write_gb = times(suspends, gb);
    let image = decimal_qty(i.image_gb);
    let read_gb = write_gb + times(Qty::whole(i.sessions as u128), image);
    let image_gb_hours = times(Qty::whole(i.images as u128 * HOURS_PER_MONTH as u128), image);
    let suspended_gb_hours = times(Qty::ratio(i.sessions as u128 * i.suspended_s as u128, 3600), gb);
    let vcpu_usd = r.vcpu_second.times(vcpu_seconds);
    let memory_usd = r.gb_second.times(gb_seconds);
    let snapshot_write_usd = r.snapshot_write_gb.times(write_gb);
    let snapshot_read_usd = r.snapshot_read_gb.times(read_gb);
    let storage_usd = r.storage_gb_hour.times(image_gb_hours + suspended_gb_hours);
    MicroVmBill {
        input: i.clone(),
        running_s,
        peak_s,
        baseline_s,
        vcpu_seconds,
        gb_seconds,
        write_gb,
        read_gb,
        image_gb_hours,
        suspended_gb_hours,
        vcpu_usd,
        memory_usd,
        snapshot_write_usd,
        snapshot_read_usd,
        storage_usd,
        total_usd: vcpu_usd + memory_usd + snapshot_write_usd + snapshot_read_usd + storage_usd,
    }
}

/// A priced month, with the notes where it is one of AWS's examples.
#[derive(Clone, Debug, PartialEq)]
pub struct MicroVmResult {
    pub bill: MicroVmBill,
    pub notes: Vec<String>,
}

/// The MicroVMs calculator's month without the published examples' notes
/// (the first-figures module's path: the examples' table is about 6 KB of
/// text a figure does not show).
pub fn price(v: &Values) -> Result<MicroVmResult, Vec<ParamError>> {
    Ok(MicroVmResult { bill: bill(&input(v)?), notes: Vec::new() })
}

/// Evaluates the MicroVMs calculator from named parameters, with the notes
/// where the month is one of AWS's examples.
pub fn evaluate(v: &Values) -> Result<MicroVmResult, Vec<ParamError>> {
    let i = input(v)?;
    let bill = bill(&i);
    let notes = crate::calculators::published::example_notes("microvms", |e| {
        let d = crate::calculators::decode_query(MICROVM_PARAMS, e.query);
        d.errors.is_empty() && input(&d.values).is_ok_and(|x| x == i)
    });
    Ok(MicroVmResult { bill, notes })
}

fn rate(r: Rate) -> String {
    r.to_decimal()
}

fn gb_text(half_gb: u32) -> String {
    fmt_num(half_gb as f64 / 2.0)
}

impl MicroVmResult {
    /// The named metrics.
    pub fn metrics(&self) -> Vec<(&'static str, MetricValue)> {
        let b = &self.bill;
        let per_session = match b.input.sessions {
            0 => MetricValue::Missing,
            n => b.total_usd.scaled(1, n as u128).map_or(MetricValue::Missing, MetricValue::Usd),
        };
        vec![
            ("total_usd", MetricValue::Usd(b.total_usd)),
            ("compute_usd", MetricValue::Usd(b.vcpu_usd + b.memory_usd)),
            ("vcpu_usd", MetricValue::Usd(b.vcpu_usd)),
            ("memory_usd", MetricValue::Usd(b.memory_usd)),
            ("snapshot_usd", MetricValue::Usd(b.snapshot_write_usd + b.snapshot_read_usd)),
            ("snapshot_write_usd", MetricValue::Usd(b.snapshot_write_usd)),
            ("snapshot_read_usd", MetricValue::Usd(b.snapshot_read_usd)),
            ("storage_usd", MetricValue::Usd(b.storage_usd)),
            ("per_session_usd", per_session),
            ("vcpu_seconds", MetricValue::Qty(b.vcpu_seconds)),
            ("gb_seconds", MetricValue::Qty(b.gb_seconds)),
        ]
    }

    /// What the bill assumes, in words.
    pub fn assumptions(&self) -> Vec<String> {
        vec![
            "A MicroVM is suspended at its baseline size: each suspend writes, and each resume reads, a snapshot of the \
             baseline memory."
                .into(),
            "Time at the peak size is billed at the peak's vCPU and memory; the rest of the running time at the baseline's."
                .into(),
            "Images are stored all month (730 hours), above the one-week minimum; a launch reads its image.".into(),
            "No free tier; data transfer is billed at the standard rates and is not included.".into(),
        ]
    }

    /// Every step of the arithmetic.
    pub fn math(&self) -> Vec<String> {
        let b = &self.bill;
        let i = &b.input;
        let r = i.rates;
        let base = gb_text(i.baseline_half_gb);
        let base_vcpu = fmt_num(i.baseline_half_gb as f64 / 4.0);
        let peak_gb = fmt_num(i.baseline_half_gb as f64 / 2.0 * i.peak_multiple);
        let peak_vcpu = fmt_num(i.baseline_half_gb as f64 / 4.0 * i.peak_multiple);
        let mut m = vec![
            format!(
                "Running time: {} MicroVMs × {} s = {} s; at the peak ({} GB, {} vCPU) {} of it = {} s; at the baseline ({base} GB, {base_vcpu} vCPU) {} s",
                fmt_grouped(i.sessions as f64),
                fmt_grouped(i.session_s as f64),
                b.running_s.to_decimal(),
                peak_gb,
                peak_vcpu,
                fmt_num(i.peak_share),
                b.peak_s.to_decimal(),
                b.baseline_s.to_decimal()
            ),
            format!("vCPU: {} vCPU-seconds × ${} = ${}", b.vcpu_seconds.to_decimal(), rate(r.vcpu_second), b.vcpu_usd),
            format!("Memory: {} GB-seconds × ${} = ${}", b.gb_seconds.to_decimal(), rate(r.gb_second), b.memory_usd),
            format!(
                "Snapshots written on suspend: {} suspends × {base} GB = {} GB × ${} = ${}",
                fmt_grouped((i.sessions * i.suspends_per_session) as f64),
                b.write_gb.to_decimal(),
                rate(r.snapshot_write_gb),
                b.snapshot_write_usd
            ),
            format!(
                "Snapshots read on launch and resume: {} launches × {} GB + {} resumes × {base} GB = {} GB × ${} = ${}",
                fmt_grouped(i.sessions as f64),
                fmt_num(i.image_gb),
                fmt_grouped((i.sessions * i.suspends_per_session) as f64),
                b.read_gb.to_decimal(),
                rate(r.snapshot_read_gb),
                b.snapshot_read_usd
            ),
            format!(
                "Storage: {} images × {} GB × {HOURS_PER_MONTH} h = {} GB-hours, and {} MicroVMs × {} s suspended × {base} GB = {} GB-hours; {} GB-hours × ${} = ${}",
                fmt_grouped(i.images as f64),
                fmt_num(i.image_gb),
                b.image_gb_hours.to_decimal(),
                fmt_grouped(i.sessions as f64),
                fmt_grouped(i.suspended_s as f64),
                b.suspended_gb_hours.to_decimal(),
                (b.image_gb_hours + b.suspended_gb_hours).to_decimal(),
                rate(r.storage_gb_hour),
                b.storage_usd
            ),
            format!("Total: ${} (≈ {})", b.total_usd, b.total_usd.cents_text()),
            format!("Rates: {}.", r.source),
        ];
        m.push(
            "No free tier applies to MicroVMs. A month is 730 hours, as everywhere in this engine; the pricing page's \
             examples count storage over a 720-hour month."
                .into(),
        );
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculators::decode_query;

    fn priced(q: &str) -> MicroVmResult {
        let d = decode_query(MICROVM_PARAMS, q);
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        evaluate(&d.values).unwrap()
    }

    fn refused(q: &str, param: &str, says: &str) {
        let d = decode_query(MICROVM_PARAMS, q);
        let e = evaluate(&d.values).unwrap_err();
        assert!(e.iter().any(|e| e.param == param && e.message.contains(says)), "{q}: {e:?}");
    }

    #[test]
    fn the_defaults_are_an_hour_a_day_of_small_microvms() {
        // 1,000 MicroVMs × 3,600 s at 1 vCPU and 2 GB; one 2 GB image read at
        // each launch and kept all month.
        let r = priced("");
        let b = &r.bill;
        assert_eq!(b.vcpu_seconds, Qty::whole(3_600_000));
        assert_eq!(b.gb_seconds, Qty::whole(7_200_000));
        assert_eq!(b.vcpu_usd.to_decimal(), "99.69984");
        assert_eq!(b.memory_usd.to_decimal(), "26.40024");
        assert_eq!(b.snapshot_read_usd.to_decimal(), "3.0935398");
        assert_eq!(b.storage_usd.to_decimal(), "0.162222206");
        assert_eq!(b.total_usd.to_decimal(), "129.355842006");
    }

    #[test]
    fn bad_sizes_and_lifetimes_name_what_is_valid() {
        let d = decode_query(MICROVM_PARAMS, "baseline_gb=16&peak_multiple=4.5");
        assert!(d.errors.iter().any(|e| e.param == "baseline_gb" && e.message.contains("0.5")), "{:?}", d.errors);
        assert!(d.errors.iter().any(|e| e.param == "peak_multiple"), "{:?}", d.errors);
        refused("session_s=20000&suspended_s=10000&suspends_per_session=1", "suspended_s", "use 0 to 8,800 s");
        refused("suspended_s=600", "suspends_per_session", "at least one suspend");
        refused("peak_share=0.5", "peak_share", "peak size above 1");
    }

    #[test]
    fn a_peak_is_billed_for_its_time_only() {
        // The same running time at 4× for a quarter of it bills 1.75× the baseline.
        let flat = priced("peak_multiple=1").bill;
        let peaky = priced("peak_multiple=4&peak_share=0.25").bill;
        assert_eq!(peaky.vcpu_seconds, flat.vcpu_seconds.scale(7, 4));
        assert_eq!(peaky.gb_seconds, flat.gb_seconds.scale(7, 4));
        assert_eq!(peaky.snapshot_read_usd, flat.snapshot_read_usd);
    }

    #[test]
    fn ap_northeast_1_prices_at_its_own_rates() {
        let tokyo = priced("region=ap-northeast-1").bill;
        assert_eq!(tokyo.vcpu_usd, Rate::usd("0.0000322421").times(Qty::whole(3_600_000)));
        assert!(tokyo.total_usd > priced("").bill.total_usd);
    }
}

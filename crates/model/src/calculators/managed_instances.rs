//! Lambda Managed Instances: functions run on EC2 instances that Lambda
//! provisions in your account. There is no duration charge; you pay the
//! requests, the instances (at EC2 prices, which Savings Plans and Reserved
//! Instances reduce) and a management fee of 15% of each instance's
//! on-demand price, never discounted.
//!
//! How many instances a workload needs is not published as a formula, so the
//! capacity model here is built from AWS's documented rules, each one a
//! visible, adjustable parameter: at least 3 execution environments, one per
//! Availability Zone; enough headroom for traffic to double within 5
//! minutes; a runtime-specific number of concurrent invocations per vCPU;
//! and an environment's vCPUs from its memory. Where a figure is an
//! assumption (the instance capacity kept for the operating system), the
//! page and the math say so. `instance_hours` replaces the whole model with
//! a measured or planned figure.
//!
//! The same workload is priced as on-demand functions by the cost engine,
//! exactly; and the crossover is the traffic (requests per second) from which
//! Managed Instances cost less.

use crate::base::money::Usd;
use crate::billing::{self, CostInput};
pub use crate::models::capacity::*;
use crate::params::metrics::MetricValue;
use crate::params::{Date, ParamError, Values, fmt_num, round_to};
use crate::rates::ec2::{MANAGEMENT_FEE_PCT, REQUEST};
use crate::rates::{HOURS_PER_MONTH, SECONDS_PER_MONTH};

/// The same workload as on-demand functions: the function's inputs (its memory, its own architecture,
/// the region, the duration and the free tier), read once.
pub fn on_demand_input(i: &LmiInput) -> Result<CostInput, String> {
    let mut v = Values::defaults(billing::COST_PARAMS);
    let set = |v: &mut Values, k: &str, x: String| v.set(k, &x).map_err(|e| e.message);
    set(&mut v, "region", i.region.into())?;
    set(&mut v, "arch", i.arch.name().into())?;
    set(&mut v, "memory_mb", i.function_memory_mb.to_string())?;
    set(&mut v, "duration_ms", fmt_num(i.duration_ms))?;
    set(&mut v, "free_tier", i.free_tier.to_string())?;
    CostInput::workload(&v, Date::new(2026, 12, 1))
        .map_err(|e| e.into_iter().map(|e| e.message).collect::<Vec<_>>().join(" "))
}

/// `base` (from [`on_demand_input`]) priced at `requests` a month.
fn on_demand_with(base: &CostInput, requests: u64) -> Result<Usd, String> {
    billing::function_total(&CostInput { requests, ..base.clone() })
}

/// Requests per month at `rps` requests per second.
pub fn requests_at(rps: f64) -> u64 {
    (rps * SECONDS_PER_MONTH).round() as u64
}

/// The traffic range the crossover is looked for in, requests per second.
pub const RPS_RANGE: (f64, f64) = (0.01, 100_000.0);

/// One point of the comparison: traffic, Managed Instances, on-demand functions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub rps: f64,
    pub lmi_usd: Usd,
    pub lambda_usd: Usd,
}

/// Both monthly costs at `rps`.
pub fn point(i: &LmiInput, rps: f64) -> Result<Point, String> {
    point_with(i, &on_demand_input(i)?, rps)
}

fn point_with(i: &LmiInput, base: &CostInput, rps: f64) -> Result<Point, String> {
    let n = requests_at(rps);
    Ok(Point { rps, lmi_usd: bill_with(i, n, false).1.total_usd, lambda_usd: on_demand_with(base, n)? })
}

/// `per_decade` log-spaced traffic levels across [`RPS_RANGE`].
pub fn grid(per_decade: u32) -> Vec<f64> {
    let (lo, hi) = (RPS_RANGE.0.log10(), RPS_RANGE.1.log10());
    let n = ((hi - lo) * per_decade as f64).round() as u32;
    (0..=n).map(|k| 10f64.powf(lo + (hi - lo) * k as f64 / n as f64)).map(|x| round_to(x, 6)).collect()
}

/// The lowest traffic (requests per second, to 0.1%) at which Managed
/// Instances cost no more than on-demand functions, within [`RPS_RANGE`],
/// instances from the capacity model.
pub fn crossover(i: &LmiInput) -> Result<Option<f64>, String> {
    let base = on_demand_input(i)?;
    let cheaper = |rps: f64| point_with(i, &base, rps).map(|p| p.lmi_usd <= p.lambda_usd);
    let g = grid(40);
    if cheaper(g[0])? {
        return Ok(Some(g[0]));
    }
    let mut prev = g[0];
    for &x in &g[1..] {
        if cheaper(x)? {
            let (mut lo, mut hi) = (prev, x);
            while hi / lo > 1.001 {
                let mid = (lo * hi).sqrt();
                if cheaper(mid)? { hi = mid } else { lo = mid }
            }
            return Ok(Some(hi));
        }
        prev = x;
    }
    Ok(None)
}

/// A priced workload.
#[derive(Clone, Debug, PartialEq)]
pub struct LmiResult {
    pub input: LmiInput,
    pub capacity: Capacity,
    pub bill: LmiBill,
    pub lambda_usd: Usd,
    pub crossover_rps: Option<f64>,
    /// The comparison at [`grid`]`(4)`: what the chart draws and its table lists.
    pub points: Vec<Point>,
    /// Where this is one of AWS's worked examples whose arithmetic is off.
    pub notes: Vec<String>,
}

/// Evaluates the Managed Instances calculator from named parameters, with
/// the notes where the workload is one of AWS's examples.
pub fn evaluate(v: &Values) -> Result<LmiResult, Vec<ParamError>> {
    let mut r = price(v)?;
    // AWS's example prices the Managed Instances bill alone: the on-demand
    // side of the comparison (its memory, architecture, free tier) is ours.
    let i = &r.input;
    r.notes = crate::calculators::published::example_notes("lmi", |e| {
        let d = crate::calculators::decode_query(LMI_PARAMS, e.query);
        d.errors.is_empty()
            && check(&d.values).is_ok_and(|x| {
                LmiInput { arch: i.arch, function_memory_mb: i.function_memory_mb, free_tier: i.free_tier, ..x } == *i
            })
    });
    Ok(r)
}

/// The Managed Instances calculator's figures without the published
/// examples' notes (the first-figures module's path: the examples' table
/// is about 6 KB of text a figure does not show).
pub fn price(v: &Values) -> Result<LmiResult, Vec<ParamError>> {
    let i = check(v)?;
    let fail = |m: String| {
        vec![ParamError { param: "duration_ms".into(), given: String::new(), message: ui_format!("Not priced: {m}.") }]
    };
    let (capacity, bill) = bill(&i, i.requests);
    let base = on_demand_input(&i).map_err(fail)?;
    let lambda_usd = on_demand_with(&base, i.requests).map_err(fail)?;
    let crossover_rps = crossover(&i).map_err(fail)?;
    let points = grid(4).into_iter().map(|x| point_with(&i, &base, x)).collect::<Result<Vec<_>, _>>().map_err(fail)?;
    Ok(LmiResult { input: i, capacity, bill, lambda_usd, crossover_rps, points, notes: Vec::new() })
}

impl LmiResult {
    /// The named metrics.
    pub fn metrics(&self) -> Vec<(&'static str, MetricValue)> {
        let c = &self.capacity;
        let num = |x: f64, d: i32| MetricValue::Num(round_to(x, d));
        vec![
            ("total_usd", MetricValue::Usd(self.bill.total_usd)),
            ("ec2_usd", MetricValue::Usd(self.bill.ec2_usd)),
            ("fee_usd", MetricValue::Usd(self.bill.fee_usd)),
            ("request_usd", MetricValue::Usd(self.bill.request_usd)),
            ("instances", MetricValue::Count(c.instances as u128)),
            ("instance_hours", MetricValue::Qty(self.bill.instance_hours)),
            ("environments", MetricValue::Count(c.environments as u128)),
            ("envs_per_instance", MetricValue::Count(c.envs_per_instance as u128)),
            ("per_env_concurrency", MetricValue::Count(c.per_env as u128)),
            ("peak_concurrency", num(c.peak_concurrency, 3)),
            ("mean_rps", num(c.mean_rps, 3)),
            ("lambda_usd", MetricValue::Usd(self.lambda_usd)),
            ("crossover_rps", self.crossover_rps.map_or(MetricValue::Missing, |x| num(x, 3))),
        ]
    }

    /// Every step of the arithmetic.
    pub fn math(&self) -> Vec<String> {
        let (i, c, b) = (&self.input, &self.capacity, &self.bill);
        let mut m = vec!["Capacity".to_string()];
        if i.instance_hours > 0.0 {
            m.push(format!(
                "  {} instance-hours, as given (the capacity model below is not used for the bill)",
                fmt_num(i.instance_hours)
            ));
        }
        m.push(format!(
            "  {} requests ÷ ({HOURS_PER_MONTH} h × 3600 s) = {} requests/s; × {} ms × {} peak-to-mean = {} invocations in flight at the peak",
            i.requests,
            round_to(c.mean_rps, 4),
            fmt_num(i.duration_ms),
            fmt_num(i.peak_to_mean),
            round_to(c.peak_concurrency, 3)
        ));
        m.push(format!(
            "  per vCPU: the lesser of {} ({}) and ⌊100 ÷ {}% CPU share⌋ = {} invocations",
            i.concurrency_per_vcpu,
            i.runtime,
            fmt_num(i.cpu_share_pct),
            c.per_vcpu
        ));
        m.push(format!(
            "  per environment: {} MB ÷ ({} GB per vCPU × 1024) = {} vCPU × {} = {} invocations",
            i.memory_mb,
            fmt_num(i.memory_per_vcpu_gb),
            c.vcpus_per_env,
            c.per_vcpu,
            c.per_env
        ));
        m.push(format!(
            "  environments: ⌈{} × (1 + {}% headroom) ÷ {}⌉, at least {} = {}",
            round_to(c.peak_concurrency, 3),
            fmt_num(i.headroom_pct),
            c.per_env,
            i.min_environments,
            c.environments
        ));
        m.push(format!(
            "  per {}: the lesser of ({} − {}) vCPUs ÷ {} and ({} − {}) GB ÷ {} MB = {} environment(s)",
            i.instance_type,
            i.shape.vcpus,
            i.reserved_vcpus,
            c.vcpus_per_env,
            i.shape.memory_gb,
            fmt_num(i.reserved_gb),
            i.memory_mb,
            c.envs_per_instance
        ));
        let free = i.shape.vcpus.saturating_sub(i.reserved_vcpus);
        let idle = free.saturating_sub(c.envs_per_instance * c.vcpus_per_env);
        if idle > 0 && free / c.vcpus_per_env.max(1) <= c.envs_per_instance {
            m.push(format!(
                "  ({idle} of the {free} free vCPUs of each instance stay idle: environments of this size do not fill it, so a larger environment, or an instance type they divide, can cost less)"
            ));
        }
        m.push(format!(
            "  instances: ⌈{} ÷ {}⌉, at least {} (one per Availability Zone) = {} → {} instance-hours",
            c.environments,
            c.envs_per_instance,
            i.min_environments,
            c.instances,
            c.instances * HOURS_PER_MONTH as u64
        ));
        m.push("Managed Instances".into());
        m.push(format!(
            "  EC2: {} h × ${} ({} on-demand, {}) = ${}",
            b.instance_hours.to_decimal(),
            i.hourly.to_decimal(),
            i.instance_type,
            i.region,
            b.ec2_on_demand_usd
        ));
        if i.ec2_discount_pct > 0.0 {
            m.push(format!(
                "  − {}% (Savings Plan or Reserved Instances) = ${}",
                fmt_num(i.ec2_discount_pct),
                b.ec2_usd
            ));
        }
        m.push(format!(
            "  management fee: {MANAGEMENT_FEE_PCT}% × ${} (on-demand, never discounted) = ${}",
            b.ec2_on_demand_usd, b.fee_usd
        ));
        m.push(format!("  requests: {} × ${} = ${}", i.requests, REQUEST.to_decimal(), b.request_usd));
        m.push(format!("  no duration charge; total ${} (≈ ${})", b.total_usd, b.total_usd.round_cents()));
        m.push("The same workload as on-demand functions".into());
        m.push(format!(
            "  {} requests of {} ms at {} MB ({}, {}, free tier {}): ${} (≈ ${}), priced by the cost calculator",
            i.requests,
            fmt_num(i.duration_ms),
            i.function_memory_mb,
            i.arch.name(),
            i.region,
            if i.free_tier { "on" } else { "off" },
            self.lambda_usd,
            self.lambda_usd.round_cents()
        ));
        if i.instance_hours > 0.0 {
            m.push("  (the crossover and the chart size the instances with the capacity model: the instance-hours given describe this traffic only)".into());
        }
        m.push(match self.crossover_rps {
            Some(x) => format!(
                "  crossover: from about {} requests/s ({} a month), Managed Instances cost no more",
                round_to(x, 3),
                requests_at(x)
            ),
            None => format!(
                "  crossover: none from {} to {} requests/s; on-demand functions cost less throughout",
                RPS_RANGE.0,
                fmt_num(RPS_RANGE.1)
            ),
        });
        m
    }

    /// What the model assumes, for the page and the CLI.
    pub fn assumptions(&self) -> Vec<String> {
        vec![
            "A month is 730 hours; instances run all of it (the capacity provider keeps its minimum even with no traffic).".into(),
            "Capacity is sized for the peak: the month's mean rate × the peak-to-mean ratio, with the headroom on top (AWS's default target leaves room for traffic to double within 5 minutes).".into(),
            "An instance keeps some vCPU and memory for itself (1 vCPU and 1 GB by default, the assumption of AWS's sample calculator; AWS does not publish it).".into(),
            "No free tier is taken off Managed Instances requests (AWS's example takes none off; whether it applies is not published).".into(),
            "EBS volumes, public IPv4 addresses, NAT and data transfer are not included.".into(),
        ]
    }
}

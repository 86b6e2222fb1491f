//! One workload, every platform: the same requests, duration and CPU priced
//! as on-demand Lambda functions (the cost engine), on Lambda Managed
//! Instances (their capacity model), as AWS Fargate tasks and as EC2
//! instances behind a load balancer (the Managed Instances capacity model
//! without Lambda's fee and requests); and, for each, the traffic from which
//! it costs no more than Lambda on demand (its crossover).
//!
//! Lambda is priced everywhere the cost engine prices it; the others where
//! this engine has their rates (EC2: [`crate::rates::ec2`], Fargate:
//! [`crate::rates::fargate`]). Where a platform's rates are not here, its
//! line is missing and says so; it is never priced at another region's rates.

mod own;
mod params;

pub use own::{OwnMonth, evaluate_own};
pub use params::PLATFORMS_PARAMS;
use params::cost_values;

use crate::base::money::{Qty, Rate, Usd};
use crate::billing::{self, CostInput};
use crate::calculators::managed_instances::{self as lmi, RPS_RANGE, grid, requests_at};
use crate::models::analytic::{pc_break_even_in, pc_spillover, poisson_cdf};
use crate::models::capacity::{Capacity, LmiBill, LmiInput};
use crate::models::fargate::{self, FargateBill, FargateCapacity, FargateInput};
use crate::params::metrics::MetricValue;
use crate::params::{Date, ParamError, Values, fmt_num, round_to};
use crate::rates::fargate::{INCLUDED_STORAGE_GB, fargate_rates, fargate_regions, memory_choices, valid_size};
use crate::rates::{self, ALB_MIN_ZONES, Arch, HOURS_PER_MONTH, SECONDS_PER_MONTH};

/// A parameter name of [`PLATFORMS_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        crate::param!(PLATFORMS_PARAMS, $name)
    };
}

/// The platforms compared with Lambda on demand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    Lmi,
    Fargate,
    Ec2,
}

impl Platform {
    pub const ALL: [Platform; 3] = [Platform::Lmi, Platform::Fargate, Platform::Ec2];

    /// Its key in metric names (`<key>_usd`, `crossover_<key>_rps`).
    pub const fn key(self) -> &'static str {
        match self {
            Platform::Lmi => "lmi",
            Platform::Fargate => "fargate",
            Platform::Ec2 => "ec2",
        }
    }

    /// Its name in a sentence.
    pub const fn name(self) -> &'static str {
        match self {
            Platform::Lmi => "Managed Instances",
            Platform::Fargate => "Fargate",
            Platform::Ec2 => "EC2",
        }
    }

    /// The metric of its monthly cost.
    pub const fn usd_metric(self) -> &'static str {
        match self {
            Platform::Lmi => "lmi_usd",
            Platform::Fargate => "fargate_usd",
            Platform::Ec2 => "ec2_usd",
        }
    }

    /// The metric of its crossover.
    pub const fn crossover_metric(self) -> &'static str {
        match self {
            Platform::Lmi => "crossover_lmi_rps",
            Platform::Fargate => "crossover_fargate_rps",
            Platform::Ec2 => "crossover_ec2_rps",
        }
    }
}

/// An Application Load Balancer's rates in the region.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlbRates {
    pub hour: Rate,
    pub ipv4_hour: Rate,
    pub lcu_hour: Rate,
}

/// The checked inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct PlatformsInput {
    pub region: &'static str,
    pub arch: Arch,
    pub requests: u64,
    pub duration_ms: f64,
    pub peak_to_mean: f64,
    pub cpu_share_pct: f64,
    /// The function, priced by the cost engine (its requests set per point).
    pub lambda: CostInput,
    /// Managed Instances and EC2 (the same instances); `None` where no EC2
    /// price for the instance type in the region is here.
    pub instances: Option<LmiInput>,
    /// The instance type asked for (priced or not).
    pub instance_type: &'static str,
    /// `None` where no Fargate rates for the region are here.
    pub fargate: Option<FargateInput>,
    pub load_balancer: bool,
    /// `None` where the region's load balancer rates are not here.
    pub alb: Option<AlbRates>,
    pub payload_kb: f64,
}

/// The load balancer's month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlbBill {
    /// LCUs an hour, traffic spread evenly.
    pub lcu: f64,
    pub fixed_usd: Usd,
    pub lcu_usd: Usd,
    pub total_usd: Usd,
}

/// EC2 instances alone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ec2Bill {
    pub instances: u64,
    pub instance_hours: Qty,
    pub on_demand_usd: Usd,
    pub instances_usd: Usd,
}

/// Every platform's month at one traffic level.
#[derive(Clone, Debug, PartialEq)]
pub struct Month {
    pub requests: u64,
    pub mean_rps: f64,
    /// Requests in flight at the peak (Little's law × peak-to-mean).
    pub peak_concurrency: f64,
    pub lambda_usd: Usd,
    /// Lambda with provisioned concurrency where it pays: the environments
    /// kept and the month (only for the workload's own traffic).
    pub lambda_pc: Option<(u32, Usd)>,
    pub lmi: Option<(Capacity, LmiBill)>,
    pub fargate: Option<(FargateCapacity, FargateBill)>,
    pub ec2: Option<Ec2Bill>,
    /// The load balancer in front of Fargate and EC2, when there is one.
    pub alb: Option<AlbBill>,
}

impl Month {
    fn alb_usd(&self) -> Usd {
        self.alb.map_or(Usd::ZERO, |a| a.total_usd)
    }

    /// A platform's monthly cost, where it is priced.
    pub fn usd(&self, p: Platform) -> Option<Usd> {
        match p {
            Platform::Lmi => self.lmi.as_ref().map(|l| l.1.total_usd),
            Platform::Fargate => self.fargate.as_ref().map(|f| f.1.total_usd + self.alb_usd()),
            Platform::Ec2 => self.ec2.map(|e| e.instances_usd + self.alb_usd()),
        }
    }
}

/// The month at `requests`. Given task counts and nothing else describe the
/// workload's own traffic: at other levels (`own` false) the model sizes.
pub fn month(i: &PlatformsInput, requests: u64, own: bool) -> Result<Month, String> {
    let mean_rps = requests as f64 / SECONDS_PER_MONTH;
    let peak_concurrency = mean_rps * i.duration_ms / 1000.0 * i.peak_to_mean;
    let lambda_usd = billing::function_total(&CostInput { requests, ..i.lambda.clone() })?;
    let lmi = i.instances.as_ref().map(|l| lmi::bill_with(l, requests, false));
    let door = !i.load_balancer || i.alb.is_some();
    // The same instances as Managed Instances, at the same EC2 charge (their
    // bill's EC2 line), without the fee and the requests.
    let ec2 = lmi.as_ref().filter(|_| door).map(|(c, b)| Ec2Bill {
        instances: c.instances,
        instance_hours: b.instance_hours,
        on_demand_usd: b.ec2_on_demand_usd,
        instances_usd: b.ec2_usd,
    });
    let fargate = i.fargate.as_ref().map(|f| {
        let c = fargate::capacity(f, peak_concurrency, own);
        (c, fargate::bill(f, c.tasks))
    });
    // Only what stands behind it pays for a load balancer.
    let behind = i.fargate.is_some() || i.instances.is_some();
    let alb = if i.load_balancer && behind { i.alb.map(|r| alb_bill(r, requests, i.payload_kb)) } else { None };
    let lambda_pc = if own { provisioned(i, requests, mean_rps, lambda_usd) } else { None };
    Ok(Month { requests, mean_rps, peak_concurrency, lambda_usd, lambda_pc, lmi, fargate, ec2, alb })
}

/// Requests in flight at each hour of a day whose traffic swings as a sine
/// around the month's mean, peaking at `peak_to_mean` × the mean (the traffic
/// simulator's daily cycle; a swing past twice the mean is taken as twice,
/// since the trough cannot go below nothing).
pub fn day_levels(i: &PlatformsInput, mean_rps: f64) -> [f64; 24] {
    let c = mean_rps * i.duration_ms / 1000.0;
    let a = (i.peak_to_mean - 1.0).clamp(0.0, 1.0);
    std::array::from_fn(|h| (c * (1.0 + a * (std::f64::consts::TAU * (h as f64 + 0.5) / 24.0).sin())).max(0.0))
}

/// E[min(N, p)] for N ~ Poisson(ρ): how many of `p` environments, taken
/// first by arriving requests (the rest spill to on demand), are busy on
/// average. Terms far below the mean count 1; the rest follow the Poisson
/// probabilities by recurrence from there, so the work is about 80·√ρ terms.
pub fn expected_busy(p: u64, rho: f64) -> f64 {
    if p == 0 || rho <= 0.0 {
        return 0.0;
    }
    let lo = (rho - 40.0 * rho.sqrt()).floor().max(0.0) as u64;
    if lo >= p {
        return p as f64;
    }
    // Σ_{k=1}^{p} P(N ≥ k); for k ≤ lo the probability is 1 to double precision.
    let mut sum = lo as f64;
    let mut cdf = if lo == 0 { 0.0 } else { poisson_cdf(lo - 1, rho) };
    let mut pmf = poisson_cdf(lo, rho) - cdf;
    for k in lo + 1..=p {
        // On entry `cdf` is P(N ≤ k − 2) and `pmf` P(N = k − 1): P(N ≥ k) = 1 − P(N ≤ k − 1).
        cdf += pmf;
        let tail = (1.0 - cdf).max(0.0);
        if tail < 1e-15 {
            break;
        }
        sum += tail;
        pmf *= rho / k as f64;
    }
    sum
}

/// Provisioned concurrency where it pays: environments are added while the
/// next one would be busy at least the break-even share of the day (its
/// rate ÷ (on-demand − provisioned duration rate): 60% in us-east-1), each
/// serving the requests it finds free, the rest on demand; priced by the
/// cost engine and kept only when the month costs less than on demand.
/// `None` where no provisioned-concurrency rate for the region and
/// architecture is here, or where it does not pay.
fn provisioned(i: &PlatformsInput, requests: u64, mean_rps: f64, on_demand: Usd) -> Option<(u32, Usd)> {
    let even = pc_break_even_in(i.lambda.region, i.arch)?;
    let levels = day_levels(i, mean_rps);
    let busy_share = |k: u64| levels.iter().map(|rho| pc_spillover(k, *rho)).sum::<f64>() / 24.0;
    let peak = levels.iter().copied().fold(0.0, f64::max);
    let (mut lo, mut hi) = (0u64, (peak.ceil() as u64 + 1).min(100_000));
    // The largest k whose share is at least the break-even (shares fall with k).
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if busy_share(mid) >= even.utilisation { lo = mid } else { hi = mid - 1 }
    }
    let units = lo;
    if units == 0 {
        return None;
    }
    let offered: f64 = levels.iter().sum();
    let served = levels.iter().map(|rho| expected_busy(units, *rho)).sum::<f64>() / offered;
    let with = CostInput {
        requests,
        pc_units: units as u32,
        pc_hours: HOURS_PER_MONTH as f64,
        pc_requests: Some((requests as f64 * served).round() as u64),
        pc_duration_ms: i.duration_ms,
        ..i.lambda.clone()
    };
    billing::function_total(&with).ok().filter(|u| *u < on_demand).map(|u| (units as u32, u))
}

/// LCUs an hour for instance and container targets, traffic spread evenly
/// over the month: the highest of new connections ÷ 25 a second (one per
/// request) and GB processed ÷ 1 an hour (AWS's ALB pricing page; Lambda
/// targets count 0.4 GB).
pub fn alb_lcu(requests: u64, payload_kb: f64) -> f64 {
    let rps = requests as f64 / SECONDS_PER_MONTH;
    let gb_per_hour = requests as f64 * payload_kb / 1e6 / HOURS_PER_MONTH as f64;
    (rps / 25.0).max(gb_per_hour)
}

fn alb_bill(r: AlbRates, requests: u64, payload_kb: f64) -> AlbBill {
    let month = Qty::whole(HOURS_PER_MONTH as u128);
    let lcu = alb_lcu(requests, payload_kb);
    let fixed_usd = r.hour.times(month) + r.ipv4_hour.times(month.scale(ALB_MIN_ZONES as u128, 1));
    let lcu_usd = r.lcu_hour.times(Qty((lcu * HOURS_PER_MONTH as f64 * 1e9).round().max(0.0) as u128 * 1_000_000_000));
    AlbBill { lcu, fixed_usd, lcu_usd, total_usd: fixed_usd + lcu_usd }
}

/// One point of the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub rps: f64,
    pub lambda_usd: Usd,
    pub lmi_usd: Option<Usd>,
    pub fargate_usd: Option<Usd>,
    pub ec2_usd: Option<Usd>,
}

impl Point {
    pub fn usd(&self, p: Platform) -> Option<Usd> {
        match p {
            Platform::Lmi => self.lmi_usd,
            Platform::Fargate => self.fargate_usd,
            Platform::Ec2 => self.ec2_usd,
        }
    }
}

/// Every platform at `rps` (the model sizing tasks and instances).
pub fn point(i: &PlatformsInput, rps: f64) -> Result<Point, String> {
    let m = month(i, requests_at(rps), false)?;
    Ok(Point {
        rps,
        lambda_usd: m.lambda_usd,
        lmi_usd: m.usd(Platform::Lmi),
        fargate_usd: m.usd(Platform::Fargate),
        ec2_usd: m.usd(Platform::Ec2),
    })
}

/// Each platform's crossover with Lambda on demand, in [`Platform::ALL`]
/// order: the lowest traffic in [`RPS_RANGE`] (to 0.1%) from which it costs
/// no more, found on a grid of 40 a decade (every platform priced once per
/// point) and narrowed by bisection; `None` where it is not priced or never
/// costs less. (Below the crossing, the floor of tasks or instances costs
/// more than the functions; above it, the functions' cost grows with every
/// request and the floor's does not.)
pub fn crossovers(i: &PlatformsInput) -> Result<[Option<f64>; 3], String> {
    let cheaper = |x: &Point, p: Platform| x.usd(p).is_some_and(|u| u <= x.lambda_usd);
    let g = grid(40);
    let mut found: [Option<(f64, f64)>; 3] = [None; 3];
    let mut prev: Option<Point> = None;
    for &rps in &g {
        let x = point(i, rps)?;
        for (k, p) in Platform::ALL.into_iter().enumerate() {
            if found[k].is_none() && cheaper(&x, p) {
                found[k] = Some((prev.map_or(rps, |q| q.rps), rps));
            }
        }
        if found.iter().all(Option::is_some) {
            break;
        }
        prev = Some(x);
    }
    let mut out = [None; 3];
    for (k, p) in Platform::ALL.into_iter().enumerate() {
        let Some((mut lo, mut hi)) = found[k] else { continue };
        while hi / lo > 1.001 {
            let mid = (lo * hi).sqrt();
            if cheaper(&point(i, mid)?, p) { hi = mid } else { lo = mid }
        }
        out[k] = Some(hi);
    }
    Ok(out)
}

/// A priced workload.
#[derive(Clone, Debug, PartialEq)]
pub struct PlatformsResult {
    pub input: PlatformsInput,
    pub month: Month,
    /// Each platform's crossover, in [`Platform::ALL`] order.
    pub crossovers: [Option<f64>; 3],
    /// The comparison at [`grid`]`(4)`: what the chart draws and its table lists.
    pub points: Vec<Point>,
}

fn not_priced(m: String) -> Vec<ParamError> {
    vec![ParamError { param: "duration_ms".into(), given: String::new(), message: ui_format!("Not priced: {m}.") }]
}

/// The values the Managed Instances table reads, from this table's.
fn lmi_values(v: &Values) -> Values {
    let mut out = Values::defaults(crate::models::capacity::LMI_PARAMS);
    let map: [(&str, &str); 16] = [
        ("region", p!("region")),
        ("instance_type", p!("ec2_instance_type")),
        ("runtime_family", p!("runtime_family")),
        ("memory_mb", p!("env_memory_mb")),
        ("memory_per_vcpu_gb", p!("memory_per_vcpu_gb")),
        ("requests", p!("requests")),
        ("duration_ms", p!("duration_ms")),
        ("peak_to_mean", p!("peak_to_mean")),
        ("concurrency_per_vcpu", p!("concurrency_per_vcpu")),
        ("cpu_share_pct", p!("cpu_share_pct")),
        ("headroom_pct", p!("headroom_pct")),
        ("min_environments", p!("min_environments")),
        ("reserved_vcpus", p!("reserved_vcpus")),
        ("reserved_gb", p!("reserved_gb")),
        ("ec2_discount_pct", p!("ec2_discount_pct")),
        ("function_memory_mb", p!("memory_mb")),
    ];
    for (theirs, ours) in map {
        let _ = out.set(theirs, &v.get(ours).to_string());
    }
    let _ = out.set("arch", &v.get(p!("arch")).to_string());
    let _ = out.set("free_tier", &v.get(p!("free_tier")).to_string());
    out
}

/// Checks the values into inputs, every problem naming its parameter.
pub fn check(v: &Values) -> Result<PlatformsInput, Vec<ParamError>> {
    let mut errs = Vec::new();
    let region = rates::region(v.text(p!("region"))).map_or("us-east-1", |r| r.code);
    let arch = Arch::parse(v.text(p!("arch"))).unwrap_or(Arch::X86);
    let lambda = CostInput::workload(&cost_values(v), Date::new(2026, 12, 1));
    let lambda = match lambda {
        Ok(c) => Some(c),
        Err(e) => {
            errs.extend(e);
            None
        }
    };
    // Managed Instances' own checks, read with this table's names; where
    // the only problem is the region's missing EC2 price, the instances are
    // not priced here rather than refused.
    let instances = match lmi::input(&lmi_values(v)) {
        Ok(l) => Some(l),
        Err(e) if e.iter().all(|e| e.param == "region") => None,
        Err(e) => {
            let rename = |s: &str| {
                s.replace("(memory_mb)", "(env_memory_mb)")
                    .replace("(instance_type)", "(ec2_instance_type)")
                    .replace("Memory per execution environment", "Memory per environment (instances)")
                    .replace("Instance type", "EC2 instance type")
            };
            errs.extend(e.into_iter().filter(|e| e.param != "region").map(|e| ParamError {
                param: match e.param.as_str() {
                    "memory_mb" => p!("env_memory_mb").into(),
                    "instance_type" => p!("ec2_instance_type").into(),
                    other => other.into(),
                },
                given: e.given,
                message: if cfg!(feature = "texts") { rename(&e.message) } else { String::new() },
            }));
            None
        }
    };
    let vcpu = rates::fargate::TASK_VCPUS.iter().copied().find(|c| *c == v.text(p!("fargate_vcpu"))).unwrap_or("1");
    let gb = v.num(p!("fargate_gb"));
    if !valid_size(vcpu, gb) {
        errs.push(ParamError {
            param: p!("fargate_gb").into(),
            given: fmt_num(gb),
            message: ui_format!(
                "Fargate task memory (fargate_gb): a task of {vcpu} vCPU takes {}, not {} GB; or change Fargate task vCPU (fargate_vcpu).",
                match memory_choices(vcpu).unwrap_or_default().iter().map(|g| fmt_num(*g)).collect::<Vec<_>>().as_slice() {
                    [] => String::new(),
                    [one] => ui_format!("{one} GB"),
                    [rest @ .., last] if rest.len() > 6 => ui_format!("{} to {last} GB in {} GB steps", rest[0], {
                        let c = memory_choices(vcpu).unwrap_or_default();
                        fmt_num(c[1] - c[0])
                    }),
                    [rest @ .., last] => ui_format!("{} or {last} GB", rest.join(", ")),
                },
                fmt_num(gb)
            ),
        });
    }
    let storage_gb = v.num(p!("fargate_storage_gb"));
    let fargate = fargate_rates(region, arch).map(|rates| FargateInput {
        rates,
        vcpu,
        gb,
        storage_gb,
        fixed_tasks: v.int(p!("fargate_tasks")) as u64,
        min_tasks: v.int(p!("fargate_min_tasks")) as u64,
        cpu_target_pct: v.num(p!("fargate_cpu_target_pct")),
        cpu_share_pct: v.num(p!("cpu_share_pct")),
        discount_pct: v.num(p!("fargate_discount_pct")),
    });
    if let Some(f) = &fargate
        && storage_gb > INCLUDED_STORAGE_GB
        && f.rates.storage_gb_hour.is_none()
    {
        errs.push(ParamError {
            param: p!("fargate_storage_gb").into(),
            given: fmt_num(storage_gb),
            message: ui_format!(
                "Fargate ephemeral storage (fargate_storage_gb): no verified rate for storage beyond the included 20 GB in {region} is here; use 20 GB, or us-east-1."
            ),
        });
    }
    let around = rates::around_rates(region);
    let alb = match (around.alb_hour, around.ipv4_hour, around.alb_lcu_hour) {
        (Some(hour), Some(ipv4_hour), Some(lcu_hour)) => Some(AlbRates { hour, ipv4_hour, lcu_hour }),
        _ => None,
    };
    let load_balancer = v.flag(p!("load_balancer"));
    // Behind a load balancer whose rates are not here, Fargate and EC2 are not priced.
    let priced_door = !load_balancer || alb.is_some();
    match (lambda, errs.is_empty()) {
        (Some(lambda), true) => Ok(PlatformsInput {
            region,
            arch,
            requests: v.int(p!("requests")) as u64,
            duration_ms: v.num(p!("duration_ms")),
            peak_to_mean: v.num(p!("peak_to_mean")),
            cpu_share_pct: v.num(p!("cpu_share_pct")),
            lambda,
            instances,
            instance_type: crate::rates::ec2::INSTANCE_TYPES
                .iter()
                .copied()
                .find(|t| *t == v.text(p!("ec2_instance_type")))
                .unwrap_or("m7g.xlarge"),
            fargate: fargate.filter(|_| priced_door),
            load_balancer,
            alb,
            payload_kb: v.num(p!("payload_kb")),
        }),
        _ => Err(errs),
    }
}

/// Evaluates the platforms calculator from named parameters.
pub fn evaluate(v: &Values) -> Result<PlatformsResult, Vec<ParamError>> {
    let OwnMonth { input: i, month } = evaluate_own(v)?;
    let crossovers = crossovers(&i).map_err(not_priced)?;
    let points = grid(4).into_iter().map(|x| point(&i, x)).collect::<Result<Vec<_>, _>>().map_err(not_priced)?;
    Ok(PlatformsResult { input: i, month, crossovers, points })
}

impl PlatformsResult {
    /// A platform's crossover.
    pub fn crossover(&self, p: Platform) -> Option<f64> {
        self.crossovers[Platform::ALL.iter().position(|x| *x == p).unwrap_or(0)]
    }

    /// A platform's line as the page and the CLI name it.
    pub fn line_name(&self, p: Platform) -> &'static str {
        own::line_name(&self.input, p)
    }

    /// Why a platform has no price here, in words (`None` where it has one).
    pub fn not_priced(&self, p: Platform) -> Option<String> {
        if self.month.usd(p).is_some() {
            return None;
        }
        let i = &self.input;
        let regions = fargate_regions().join(" and ");
        let fargate_here = fargate_regions().contains(&i.region);
        let door = || ui_format!("no load balancer rates for {} are here", i.region);
        Some(match p {
            Platform::Fargate if fargate_here => door(),
            Platform::Fargate => ui_format!("no Fargate rates for {} are here (they are for {regions})", i.region),
            Platform::Lmi | Platform::Ec2 if i.instances.is_some() => door(),
            Platform::Lmi | Platform::Ec2 => {
                let mut families: Vec<&str> = crate::rates::ec2::INSTANCE_TYPES
                    .iter()
                    .filter(|t| crate::rates::ec2::ec2_price(i.region, t).is_some())
                    .filter_map(|t| t.split('.').next())
                    .collect();
                families.dedup();
                if families.is_empty() {
                    ui_format!("no EC2 prices for {} are here (they are for {regions})", i.region)
                } else {
                    ui_format!(
                        "no EC2 price for {} in {} is here ({} has {})",
                        i.instance_type,
                        i.region,
                        i.region,
                        families.join(", ")
                    )
                }
            }
        })
    }

    /// Where a fixed task count is too few for the peak at the CPU target:
    /// the count the model would run.
    pub fn fargate_short(&self) -> Option<u64> {
        let (f, (c, _)) = (self.input.fargate.as_ref()?, self.month.fargate.as_ref()?);
        (c.fixed && c.tasks < c.by_cpu).then(|| c.by_cpu.max(f.min_tasks))
    }

    /// The cheapest option this month: its name and cost.
    pub fn cheapest(&self) -> (&'static str, Usd) {
        own::cheapest(&self.input, &self.month)
    }

    /// The named metrics.
    pub fn metrics(&self) -> Vec<(&'static str, MetricValue)> {
        let mut out = own::month_metrics(&self.input, &self.month);
        for p in Platform::ALL {
            let x = self.crossover(p).map_or(MetricValue::Missing, |x| MetricValue::Num(round_to(x, 3)));
            out.push((p.crossover_metric(), x));
        }
        out
    }

    /// Every step of the arithmetic.
    pub fn math(&self) -> Vec<String> {
        let (i, m) = (&self.input, &self.month);
        let mut out = vec![
            "The workload".to_string(),
            format!(
                "  {} requests ÷ ({HOURS_PER_MONTH} h × 3600 s) = {} requests/s; × {} ms × {} peak-to-mean = {} requests in flight at the peak",
                i.requests,
                round_to(m.mean_rps, 4),
                fmt_num(i.duration_ms),
                fmt_num(i.peak_to_mean),
                round_to(m.peak_concurrency, 3)
            ),
            "Lambda on demand".into(),
            format!(
                "  {} requests of {} ms at {} MB ({}, {}, free tier {}{}): ${} (≈ ${}), priced by the cost calculator",
                i.requests,
                fmt_num(i.duration_ms),
                i.lambda.memory_mb,
                i.arch.name(),
                i.region,
                if i.lambda.free_tier { "on" } else { "off" },
                if i.lambda.savings_plan_pct > 0.0 {
                    format!(", {}% Savings Plan", fmt_num(i.lambda.savings_plan_pct))
                } else {
                    String::new()
                },
                m.lambda_usd,
                m.lambda_usd.round_cents()
            ),
        ];
        let even = pc_break_even_in(i.lambda.region, i.arch);
        out.push(match (m.lambda_pc, even) {
            (Some((n, u)), Some(e)) => format!(
                "  with provisioned concurrency: {n} environments, each busy at least {}% of a day whose traffic swings to {}× the mean (the break-even), serve the requests that find one free, the rest on demand: ${} (≈ ${}), cheaper",
                round_to(e.utilisation * 100.0, 1),
                fmt_num(i.peak_to_mean),
                u,
                u.round_cents()
            ),
            (_, None) => format!(
                "  provisioned concurrency: no rate for {} in {} is here, so it is not priced",
                i.arch.name(),
                i.region
            ),
            (None, Some(e)) => format!(
                "  provisioned concurrency does not pay: no environment would be busy {}% of the day (the break-even), or the month would not cost less",
                round_to(e.utilisation * 100.0, 1)
            ),
        });
        out.push("Managed Instances".into());
        match (&i.instances, &m.lmi) {
            (Some(l), Some((c, b))) => {
                out.push(format!(
                    "  per vCPU the lesser of {} ({}) and ⌊100 ÷ {}% CPU share⌋ = {} requests at once; {} per {} MB environment",
                    l.concurrency_per_vcpu,
                    l.runtime,
                    fmt_num(l.cpu_share_pct),
                    c.per_vcpu,
                    c.per_env,
                    l.memory_mb
                ));
                let needed = (c.peak_concurrency * (1.0 + l.headroom_pct / 100.0) / c.per_env as f64).ceil();
                out.push(format!(
                    "  environments: ⌈{} × (1 + {}%) ÷ {}⌉ = {}, at least {} → {}; {} per {} → {} instances",
                    round_to(c.peak_concurrency, 3),
                    fmt_num(l.headroom_pct),
                    c.per_env,
                    needed,
                    l.min_environments,
                    c.environments,
                    c.envs_per_instance,
                    l.instance_type,
                    c.instances
                ));
                out.push(format!(
                    "  EC2 ${} + management fee 15% of the on-demand ${} = ${} + requests ${} = ${} (≈ ${}); the Managed Instances page shows each step",
                    b.ec2_usd,
                    b.ec2_on_demand_usd,
                    b.fee_usd,
                    b.request_usd,
                    b.total_usd,
                    b.total_usd.round_cents()
                ));
            }
            _ => out.push(format!("  not priced: {}", self.not_priced(Platform::Lmi).unwrap_or_default())),
        }
        out.push("Fargate".into());
        match (&i.fargate, &m.fargate) {
            (Some(f), Some((c, b))) => {
                if c.fixed {
                    out.push(format!(
                        "  {} tasks, as given (the model would run {}){}",
                        c.tasks,
                        c.by_cpu.max(f.min_tasks),
                        if c.tasks < c.by_cpu {
                            format!(
                                ": too few for the peak, {} vCPUs busy against {} × {} vCPU at {}%",
                                round_to(c.busy_vcpus, 3),
                                c.tasks,
                                f.vcpu,
                                fmt_num(f.cpu_target_pct)
                            )
                        } else {
                            String::new()
                        }
                    ));
                } else {
                    out.push(format!(
                        "  {} in flight × {}% CPU share = {} vCPUs busy at the peak; ÷ ({} vCPU × {}% target) = {} tasks, at least {} → {} tasks all month",
                        round_to(m.peak_concurrency, 3),
                        fmt_num(f.cpu_share_pct),
                        round_to(c.busy_vcpus, 3),
                        f.vcpu,
                        fmt_num(f.cpu_target_pct),
                        c.by_cpu,
                        f.min_tasks,
                        c.tasks
                    ));
                }
                out.push(format!(
                    "  vCPU: {} vCPU-hours × ${} ({}, {}) = ${}",
                    b.vcpu_hours.to_decimal(),
                    f.rates.vcpu_hour.to_decimal(),
                    f.rates.arch.name(),
                    f.rates.region,
                    b.vcpu_usd
                ));
                out.push(format!(
                    "  memory: {} GB-hours × ${} = ${}",
                    b.gb_hours.to_decimal(),
                    f.rates.gb_hour.to_decimal(),
                    b.memory_usd
                ));
                if let Some(r) = f.rates.storage_gb_hour.filter(|_| f.storage_gb > INCLUDED_STORAGE_GB) {
                    out.push(format!(
                        "  ephemeral storage beyond 20 GB: {} GB-hours × ${} = ${}",
                        b.storage_gb_hours.to_decimal(),
                        r.to_decimal(),
                        b.storage_usd
                    ));
                }
                if f.discount_pct > 0.0 {
                    out.push(format!(
                        "  − {}% (Savings Plan or Spot) of ${} = ${}",
                        fmt_num(f.discount_pct),
                        b.on_demand_usd,
                        b.total_usd
                    ));
                }
                out.push(
                    "  billed per second with a one-minute minimum: tasks that run all month pay for every hour".into(),
                );
            }
            _ => out.push(format!("  not priced: {}", self.not_priced(Platform::Fargate).unwrap_or_default())),
        }
        out.push("EC2 behind a load balancer".into());
        match (&i.instances, m.ec2) {
            (Some(l), Some(e)) => {
                out.push(format!(
                    "  the same {} instances as Managed Instances: {} h × ${} ({} on-demand) = ${}",
                    e.instances,
                    e.instance_hours.to_decimal(),
                    l.hourly.to_decimal(),
                    l.instance_type,
                    e.on_demand_usd
                ));
                if l.ec2_discount_pct > 0.0 {
                    out.push(format!(
                        "  − {}% (Savings Plan or Reserved Instances) = ${}",
                        fmt_num(l.ec2_discount_pct),
                        e.instances_usd
                    ));
                }
                out.push("  no management fee and no request charge".into());
            }
            _ => out.push("  not priced (as Managed Instances)".into()),
        }
        let behind = m.usd(Platform::Fargate).is_some() || m.usd(Platform::Ec2).is_some();
        match (i.load_balancer, m.alb, i.alb) {
            (true, _, _) if !behind => {}
            (true, Some(a), Some(r)) => {
                out.push("Load balancer (Fargate and EC2 each have one)".into());
                out.push(format!(
                    "  {HOURS_PER_MONTH} h × ${} + {ALB_MIN_ZONES} public IPv4 addresses × {HOURS_PER_MONTH} h × ${} = ${}",
                    r.hour.to_decimal(),
                    r.ipv4_hour.to_decimal(),
                    a.fixed_usd
                ));
                out.push(format!(
                    "  LCUs: the higher of {} new connections/s ÷ 25 and {} GB/h ÷ 1 = {} LCU × {HOURS_PER_MONTH} h × ${} = ${}",
                    round_to(m.mean_rps, 4),
                    round_to(m.requests as f64 * i.payload_kb / 1e6 / HOURS_PER_MONTH as f64, 6),
                    round_to(a.lcu, 6),
                    r.lcu_hour.to_decimal(),
                    a.lcu_usd
                ));
            }
            (true, _, None) => out.push(format!("Load balancer: its rates for {} are not here", i.region)),
            _ => out.push("No load balancer (Fargate and EC2 take requests some other way)".into()),
        }
        out.push(
            "Crossovers with Lambda on demand (tasks and instances from the models at every traffic level)".into(),
        );
        for p in Platform::ALL {
            out.push(match (self.month.usd(p), self.crossover(p)) {
                (None, _) => format!("  {}: not priced", p.name()),
                (Some(_), Some(x)) if x <= RPS_RANGE.0 => {
                    format!("  {}: costs no more at every traffic level from {} requests/s", p.name(), RPS_RANGE.0)
                }
                (Some(_), Some(x)) => format!(
                    "  {}: from about {} requests/s ({} a month) it costs no more",
                    p.name(),
                    round_to(x, 3),
                    requests_at(x)
                ),
                (Some(_), None) => format!(
                    "  {}: none from {} to {} requests/s; Lambda costs less throughout",
                    p.name(),
                    RPS_RANGE.0,
                    fmt_num(RPS_RANGE.1)
                ),
            });
        }
        out
    }

    /// What the comparison assumes, for the page and the CLI.
    pub fn assumptions(&self) -> Vec<String> {
        vec![
            "A month is 730 hours. Tasks and instances are sized for the peak and run all month (no scaling in at night); Lambda bills only what runs.".into(),
            "Lambda is priced on demand at the mean duration (and its spread), without a front door, logs or data out (the cost page adds them); provisioned concurrency is added where it pays: environments busy at least the break-even share of a day whose traffic swings as a sine to the peak-to-mean (Poisson arrivals at each hour), and the crossovers compare with Lambda on demand.".into(),
            "Fargate tasks: busy vCPUs at the peak ÷ the CPU target; a request's memory is assumed to fit the task (check it: a task holds many requests at once).".into(),
            "A request takes the same time everywhere. A small function has a fraction of a vCPU (512 MB about a third), so a CPU-bound request may finish faster on a whole one.".into(),
            "EC2: the same instances as Managed Instances (the same capacity model), without Lambda's fee and requests, behind one Application Load Balancer; EBS volumes, NAT and data transfer are left out everywhere.".into(),
            "Fargate and EC2 need a load balancer to take HTTP requests; Lambda and Managed Instances are priced without a front door (a function URL costs nothing).".into(),
        ]
    }

    /// What each option's line leaves out, in words.
    pub fn leaves_out() -> [(&'static str, &'static str); 4] {
        [
            (
                "Lambda on demand",
                "Scales per request within seconds and costs nothing idle; cold starts (the cold-start page prices provisioned concurrency against them) and the 15-minute limit per invocation.",
            ),
            (
                "Managed Instances",
                "No cold starts once environments run and AWS patches the instances, but capacity grows in minutes (the headroom pays for that) and the 15-minute limit stays.",
            ),
            (
                "Fargate",
                "No time limit and no servers, but you build, scan and deploy container images, and a new task takes a minute or more to start; Spot tasks can be stopped with two minutes' notice.",
            ),
            (
                "EC2",
                "The lowest price per vCPU at steady load, but the operations are yours: patching, images, the Auto Scaling group and deployments, and instances take minutes to start.",
            ),
        ]
    }
}

#[cfg(test)]
mod tests;

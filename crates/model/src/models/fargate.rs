//! How many Fargate tasks a workload needs, and their month.
//!
//! A task serves many requests at once; what limits it is its CPU. At the
//! peak, `peak_concurrency × cpu_share` vCPUs are busy (an invocation keeps
//! a vCPU busy for its CPU share of its duration, as in the Managed
//! Instances model); tasks are added until each runs at no more than the CPU
//! target (ECS target tracking's way of keeping headroom), and never fewer
//! than the minimum (one per Availability Zone by default). A fixed task
//! count replaces the model.

use crate::base::money::{Qty, Rate, Usd};
use crate::rates::HOURS_PER_MONTH;
use crate::rates::fargate::{FargateRates, INCLUDED_STORAGE_GB};

/// The checked Fargate inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct FargateInput {
    pub rates: &'static FargateRates,
    /// The task's vCPU, as the parameter writes it ("0.25").
    pub vcpu: &'static str,
    pub gb: f64,
    pub storage_gb: f64,
    /// A fixed task count; 0 sizes the tasks with the model.
    pub fixed_tasks: u64,
    pub min_tasks: u64,
    pub cpu_target_pct: f64,
    pub cpu_share_pct: f64,
    pub discount_pct: f64,
}

impl FargateInput {
    pub fn vcpus(&self) -> f64 {
        crate::base::decimal::parse_f64(self.vcpu).unwrap_or(1.0)
    }
}

/// The tasks a peak of `peak_concurrency` invocations in flight needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FargateCapacity {
    /// vCPUs busy at the peak.
    pub busy_vcpus: f64,
    /// Tasks by CPU at the target, before the minimum.
    pub by_cpu: u64,
    pub tasks: u64,
    /// Whether the count is the fixed one given.
    pub fixed: bool,
}

/// The capacity model at a peak of `peak_concurrency` (the fixed count where
/// one is given and `use_fixed`).
pub fn capacity(i: &FargateInput, peak_concurrency: f64, use_fixed: bool) -> FargateCapacity {
    let busy_vcpus = peak_concurrency * i.cpu_share_pct / 100.0;
    let per_task = i.vcpus() * i.cpu_target_pct / 100.0;
    let by_cpu = (busy_vcpus / per_task - 1e-9).ceil().max(0.0) as u64;
    if use_fixed && i.fixed_tasks > 0 {
        return FargateCapacity { busy_vcpus, by_cpu, tasks: i.fixed_tasks, fixed: true };
    }
    FargateCapacity { busy_vcpus, by_cpu, tasks: by_cpu.max(i.min_tasks), fixed: false }
}

/// A month of Fargate tasks.
#[derive(Clone, Debug, PartialEq)]
pub struct FargateBill {
    pub task_hours: Qty,
    pub vcpu_hours: Qty,
    pub gb_hours: Qty,
    /// GB-hours of ephemeral storage beyond the 20 GB included.
    pub storage_gb_hours: Qty,
    pub vcpu_usd: Usd,
    pub memory_usd: Usd,
    pub storage_usd: Usd,
    /// Before the discount.
    pub on_demand_usd: Usd,
    pub total_usd: Usd,
}

/// An exact decimal quantity from a value given to at most 9 decimals.
fn qty(x: f64) -> Qty {
    Qty((x * 1e9).round().max(0.0) as u128 * 1_000_000_000)
}

/// `tasks` running all month (730 hours).
pub fn bill(i: &FargateInput, tasks: u64) -> FargateBill {
    let task_hours = Qty::whole(tasks as u128 * HOURS_PER_MONTH as u128);
    let per = |x: f64| Qty(qty(x).0 * tasks as u128 * HOURS_PER_MONTH as u128);
    let vcpu_hours = per(i.vcpus());
    let gb_hours = per(i.gb);
    let storage_gb_hours = per((i.storage_gb - INCLUDED_STORAGE_GB).max(0.0));
    let rate = |r: Rate, q: Qty| r.times(q);
    let vcpu_usd = rate(i.rates.vcpu_hour, vcpu_hours);
    let memory_usd = rate(i.rates.gb_hour, gb_hours);
    let storage_usd = i.rates.storage_gb_hour.map_or(Usd::ZERO, |r| rate(r, storage_gb_hours));
    let on_demand_usd = vcpu_usd + memory_usd + storage_usd;
    let total_usd = on_demand_usd - on_demand_usd.percent((i.discount_pct * 10_000.0).round() as u32);
    FargateBill {
        task_hours,
        vcpu_hours,
        gb_hours,
        storage_gb_hours,
        vcpu_usd,
        memory_usd,
        storage_usd,
        on_demand_usd,
        total_usd,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rates::Arch;
    use crate::rates::fargate::fargate_rates;

    fn input(vcpu: &'static str, gb: f64) -> FargateInput {
        FargateInput {
            rates: fargate_rates("us-east-1", Arch::X86).unwrap(),
            vcpu,
            gb,
            storage_gb: 20.0,
            fixed_tasks: 0,
            min_tasks: 2,
            cpu_target_pct: 50.0,
            cpu_share_pct: 25.0,
            discount_pct: 0.0,
        }
    }

    #[test]
    fn one_task_a_month_at_the_published_rates() {
        // 1 vCPU, 2 GB, 730 h: 730 × 0.04048 + 1460 × 0.004445 = 29.5504 + 6.4897.
        let b = bill(&input("1", 2.0), 1);
        assert_eq!((b.vcpu_usd.to_decimal(), b.memory_usd.to_decimal()), ("29.5504".into(), "6.4897".into()));
        assert_eq!(b.total_usd.to_decimal(), "36.0401");
        // A quarter vCPU: exact quarters of the hours.
        let b = bill(&input("0.25", 0.5), 4);
        assert_eq!(b.vcpu_hours.to_decimal(), "730");
        assert_eq!(b.gb_hours.to_decimal(), "1460");
    }

    #[test]
    fn storage_beyond_20_gb_and_the_discount() {
        let mut i = input("1", 2.0);
        i.storage_gb = 50.0;
        i.discount_pct = 20.0;
        let b = bill(&i, 1);
        // 30 GB × 730 h × 0.000111 = 2.4309.
        assert_eq!(b.storage_usd.to_decimal(), "2.4309");
        assert_eq!(b.on_demand_usd.to_decimal(), "38.471");
        assert_eq!(b.total_usd.to_decimal(), "30.7768");
    }

    #[test]
    fn tasks_follow_the_busy_cpu_and_keep_the_minimum() {
        let i = input("1", 2.0);
        // 40 in flight × 25% = 10 busy vCPUs; at 50% of 1 vCPU each: 20 tasks.
        let c = capacity(&i, 40.0, true);
        assert_eq!((c.busy_vcpus, c.by_cpu, c.tasks), (10.0, 20, 20));
        assert_eq!(capacity(&i, 0.1, true).tasks, 2);
        assert_eq!(capacity(&i, 0.0, true).by_cpu, 0);
        let fixed = FargateInput { fixed_tasks: 5, ..i.clone() };
        assert_eq!(capacity(&fixed, 40.0, true).tasks, 5);
        assert!(capacity(&fixed, 40.0, true).fixed);
        assert_eq!(capacity(&fixed, 40.0, false).tasks, 20);
    }
}

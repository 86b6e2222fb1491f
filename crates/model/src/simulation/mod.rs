//! Discrete-event simulation of one Lambda function under traffic
//! (`docs/MODELS.md` §3.4 and §5).
//!
//! Arrivals are generated lazily; the only event queue is the min-heap of
//! completions. Idle on-demand environments sit in a deque ordered by the time
//! they went idle, so idle expiry is a lazy pop from the front and MRU/LRU
//! routing is a pop from the back/front. Environments are recycled after
//! `max_lifetime_s`. New environments need a scaling token (2023 rules: a
//! bucket of 1,000 refilled at 100/s) or room under the legacy burst limit,
//! and concurrency room under reserved and account concurrency; otherwise the
//! request is throttled. Provisioned environments are used first.
//!
//! The engine is seeded and deterministic, allocates nothing per request, and
//! can be run in slices (`Sim::step`) so a browser page stays responsive.

use crate::base::money::{Qty, Rate, Usd};
use crate::billing::pc_billed_seconds;
use crate::models::coldstart::{ColdModel, ColdSpec};
use crate::params::Values;
use crate::params::metrics::MetricValue;
use crate::rates::{self, Arch};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

mod advisor;
mod hist;
mod params;

use crate::base::rng::Rng;
pub use advisor::{PcPoint, pc_candidates, pc_points, pc_recommendation, pc_sweep_configs};
pub use hist::Hist;
pub use params::{
    AUTO_ARRIVALS, DAY_S, MAX_ARRIVALS, SIM_PARAMS, config, full_cycle_s, run_seconds, service_mean_ms, short_run_note,
    simulate, tier1,
};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Routing {
    Mru,
    Lru,
    Random,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ServiceDist {
    Const,
    Exp,
    LogNormal { mu: f64, sigma: f64 },
}

/// How arrivals are generated, all lazily.
#[derive(Clone, Debug, PartialEq)]
pub enum Arrivals {
    Poisson {
        rate: f64,
    },
    /// λ(t) = rate·(1 + A·sin(2πt/86,400)), by thinning.
    Diurnal {
        rate: f64,
        amplitude: f64,
    },
    /// Poisson at `base`, switching to `burst` for `len_s` every `every_s`.
    Bursty {
        base: f64,
        burst: f64,
        every_s: f64,
        len_s: f64,
    },
    /// Every 1/rate seconds, ±10% uniform jitter.
    Constant {
        rate: f64,
    },
    /// Timestamps in seconds, sorted.
    Trace {
        times_us: Vec<u64>,
    },
}

/// The cold-start penalty: a fixed number, or model (b) sampled per start.
#[derive(Clone, Debug, PartialEq)]
pub enum ColdSource {
    Fixed { ms: f64 },
    Model(Box<ColdModel>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct SimConfig {
    pub arrivals: Arrivals,
    pub sim_us: u64,
    /// The start-up: arrivals before this time (at most half the run) are
    /// counted apart, so the figures describe the steady state.
    pub warmup_us: u64,
    pub mean_ms: f64,
    pub dist: ServiceDist,
    pub cold: ColdSource,
    pub ttl_us: u64,
    /// 0 = never recycled.
    pub max_life_us: u64,
    pub routing: Routing,
    pub reserved: Option<u32>,
    pub account: u32,
    /// `None` = 2023 scaling; `Some(burst)` = legacy burst then +500/min.
    pub legacy_burst: Option<u32>,
    pub pc_units: u32,
    pub memory_mb: u32,
    pub arch: Arch,
    pub region: &'static rates::Region,
    pub seed: u64,
    /// Whether Init is billed (zip managed runtimes: from 2025-08-01).
    pub init_billed: bool,
    pub bins: usize,
}

/// Per time bin: what happened, for the charts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bin {
    pub arrivals: u32,
    pub cold: u32,
    pub throttled: u32,
    /// Busy environment-µs in the bin (÷ width = mean busy concurrency).
    pub busy_us: f64,
    /// Idle environment-µs in the bin.
    pub idle_us: f64,
}

pub struct Sim {
    cfg: SimConfig,
    rng: Rng,
    next_arrival: Option<u64>,
    trace_i: usize,
    constant_k: u64,
    born: Vec<u64>,
    idle_since: Vec<u64>,
    free_ids: Vec<u32>,
    idle_od: VecDeque<u32>,
    idle_pc: Vec<u32>,
    busy: BinaryHeap<Reverse<(u64, u32)>>,
    is_pc: Vec<bool>,
    conc: u32,
    conc_pc: u32,
    tokens: f64,
    last_refill: u64,
    legacy_cap: u32,
    legacy_last: Option<u64>,
    /// Bins are a power of two µs wide, so a bin index is a shift.
    bin_shift: u32,
    pub bins: Vec<Bin>,
    pub warm: Hist,
    pub cold: Hist,
    /// Steady state: arrivals from the end of the start-up on.
    pub arrivals: u64,
    pub served: u64,
    pub cold_starts: u64,
    pub throttles: u64,
    /// The start-up's arrivals and cold starts.
    pub startup_arrivals: u64,
    pub startup_cold_starts: u64,
    /// Every invocation served, start-up included: what the bill counts.
    billed_served: u64,
    warmup_us: u64,
    pub on_pc: u64,
    pub spilled: u64,
    pub envs_created: u64,
    pub peak_concurrency: u32,
    busy_total_us: f64,
    idle_total_us: f64,
    od_billed_ms: u64,
    init_billed_ms: u64,
    /// Init time drawn for every cold start, µs (billed or not).
    init_us_total: u64,
    pc_billed_ms: u64,
    done: bool,
}

impl Sim {
    pub fn new(cfg: SimConfig) -> Sim {
        let wanted = cfg.bins.max(1) as u64;
        let bin_shift = 64 - (cfg.sim_us.div_ceil(wanted).max(1) - 1).leading_zeros();
        let bins = (cfg.sim_us.div_ceil(1 << bin_shift).max(1)) as usize;
        let pcs = cfg.pc_units as usize;
        let mut sim = Sim {
            rng: Rng::new(cfg.seed),
            next_arrival: None,
            trace_i: 0,
            constant_k: 0,
            born: vec![0; pcs],
            idle_since: vec![0; pcs],
            free_ids: Vec::new(),
            idle_od: VecDeque::new(),
            idle_pc: (0..cfg.pc_units).collect(),
            busy: BinaryHeap::new(),
            is_pc: vec![true; pcs],
            conc: 0,
            conc_pc: 0,
            tokens: 1000.0,
            last_refill: 0,
            legacy_cap: cfg.legacy_burst.unwrap_or(0),
            legacy_last: None,
            bin_shift,
            bins: vec![Bin::default(); bins],
            warm: Hist::default(),
            cold: Hist::default(),
            arrivals: 0,
            served: 0,
            cold_starts: 0,
            throttles: 0,
            startup_arrivals: 0,
            startup_cold_starts: 0,
            billed_served: 0,
            warmup_us: cfg.warmup_us.min(cfg.sim_us / 2),
            on_pc: 0,
            spilled: 0,
            envs_created: 0,
            peak_concurrency: 0,
            busy_total_us: 0.0,
            idle_total_us: 0.0,
            od_billed_ms: 0,
            init_billed_ms: 0,
            init_us_total: 0,
            pc_billed_ms: 0,
            done: false,
            cfg,
        };
        sim.next_arrival = sim.gen_arrival(0);
        sim
    }

    /// The next arrival strictly after `t` (µs), or `None` when the run ends.
    fn gen_arrival(&mut self, t: u64) -> Option<u64> {
        let s = |x: f64| (x * 1e6) as u64;
        let next = match &self.cfg.arrivals {
            Arrivals::Poisson { rate } => t + s(self.rng.exp(1.0 / rate)).max(1),
            Arrivals::Diurnal { rate, amplitude } => {
                let max = rate * (1.0 + amplitude);
                let mut x = t;
                loop {
                    x += s(self.rng.exp(1.0 / max)).max(1);
                    let lam = rate * (1.0 + amplitude * (std::f64::consts::TAU * x as f64 / 86_400e6).sin());
                    if self.rng.unit() * max < lam || x > self.cfg.sim_us {
                        break x;
                    }
                }
            }
            Arrivals::Bursty { base, burst, every_s, len_s } => {
                let (every, len) = (s(*every_s).max(1), s(*len_s));
                let mut x = t;
                loop {
                    let phase = x % every;
                    let (rate, seg_end) =
                        if phase < len { (*burst, x - phase + len) } else { (*base, x - phase + every) };
                    if rate > 0.0 {
                        let cand = x + s(self.rng.exp(1.0 / rate)).max(1);
                        if cand < seg_end {
                            break cand;
                        }
                    }
                    x = seg_end;
                    if x > self.cfg.sim_us {
                        break x;
                    }
                }
            }
            Arrivals::Constant { rate } => {
                self.constant_k += 1;
                let period = 1e6 / rate;
                let jitter = (self.rng.unit() - 0.5) * 0.2 * period;
                ((self.constant_k as f64 * period + jitter).max(t as f64 + 1.0)) as u64
            }
            Arrivals::Trace { times_us } => {
                let x = *times_us.get(self.trace_i)?;
                self.trace_i += 1;
                x
            }
        };
        (next < self.cfg.sim_us).then_some(next)
    }

    fn service_us(&mut self) -> u64 {
        let ms = match self.cfg.dist {
            ServiceDist::Const => self.cfg.mean_ms,
            ServiceDist::Exp => self.rng.exp(self.cfg.mean_ms),
            ServiceDist::LogNormal { mu, sigma } => (mu + sigma * self.rng.normal()).exp(),
        };
        ((ms * 1000.0) as u64).max(1)
    }

    /// Adds an interval's overlap with each time bin to `field`.
    fn add_span(&mut self, from: u64, to: u64, busy: bool) {
        let to = to.min(self.cfg.sim_us);
        if to <= from {
            return;
        }
        let mut a = from;
        while a < to {
            let i = (a >> self.bin_shift) as usize;
            let end = (((i as u64) + 1) << self.bin_shift).min(to);
            let i = i.min(self.bins.len() - 1);
            let d = (end - a) as f64;
            if busy {
                self.bins[i].busy_us += d
            } else {
                self.bins[i].idle_us += d
            }
            a = end;
        }
    }

    fn bin(&mut self, t: u64) -> &mut Bin {
        let i = ((t >> self.bin_shift) as usize).min(self.bins.len() - 1);
        &mut self.bins[i]
    }

    fn end_idle(&mut self, e: u32, until: u64) {
        let since = self.idle_since[e as usize];
        let end = until.min(since + self.cfg.ttl_us);
        self.idle_total_us += (end.min(self.cfg.sim_us).saturating_sub(since)) as f64;
        self.add_span(since, end, false);
    }

    fn retire(&mut self, e: u32) {
        self.free_ids.push(e);
    }

    fn release_finished(&mut self, t: u64) {
        while let Some(&Reverse((finish, e))) = self.busy.peek() {
            if finish > t {
                break;
            }
            self.busy.pop();
            self.conc -= 1;
            if self.is_pc[e as usize] {
                self.conc_pc -= 1;
                self.idle_pc.push(e);
                continue;
            }
            let life = self.cfg.max_life_us;
            if life > 0 && finish - self.born[e as usize] >= life {
                self.retire(e);
            } else {
                self.idle_since[e as usize] = finish;
                self.idle_od.push_back(e);
            }
        }
        // Lazy idle expiry: the front went idle first.
        while let Some(&e) = self.idle_od.front() {
            if t - self.idle_since[e as usize] <= self.cfg.ttl_us {
                break;
            }
            self.idle_od.pop_front();
            self.end_idle(e, u64::MAX);
            self.retire(e);
        }
    }

    fn pick_idle(&mut self, t: u64) -> Option<u32> {
        loop {
            let e = match self.cfg.routing {
                Routing::Mru => self.idle_od.pop_back()?,
                Routing::Lru => self.idle_od.pop_front()?,
                Routing::Random => {
                    let n = self.idle_od.len();
                    if n == 0 {
                        return None;
                    }
                    let i = (self.rng.next_u64() % n as u64) as usize;
                    self.idle_od.remove(i)?
                }
            };
            self.end_idle(e, t);
            let life = self.cfg.max_life_us;
            if life > 0 && t - self.born[e as usize] >= life {
                self.retire(e);
                continue;
            }
            return Some(e);
        }
    }

    fn may_create(&mut self, t: u64) -> bool {
        match self.cfg.legacy_burst {
            None => {
                self.tokens = (self.tokens + (t - self.last_refill) as f64 * 100.0 / 1e6).min(1000.0);
                self.last_refill = t;
                if self.tokens >= 1.0 {
                    self.tokens -= 1.0;
                    true
                } else {
                    false
                }
            }
            Some(_) => {
                if let Some(last) = self.legacy_last {
                    let steps = (t - last) / 60_000_000;
                    if steps > 0 {
                        self.legacy_cap += 500 * steps as u32;
                        self.legacy_last = Some(last + steps * 60_000_000);
                    }
                }
                // The legacy burst limits on-demand scaling; PC is already there.
                if self.conc - self.conc_pc < self.legacy_cap {
                    true
                } else {
                    self.legacy_last.get_or_insert(t);
                    false
                }
            }
        }
    }

    fn arrive(&mut self, t: u64) {
        let steady = t >= self.warmup_us;
        if steady {
            self.arrivals += 1;
        } else {
            self.startup_arrivals += 1;
        }
        self.bin(t).arrivals += 1;
        self.release_finished(t);
        let limit = self.cfg.reserved.unwrap_or(u32::MAX).min(self.cfg.account);
        if self.conc >= limit {
            self.throttle(t, steady);
            return;
        }
        let service = self.service_us();
        let (env, extra_us, init_us, pc) = if let Some(e) = self.idle_pc.pop() {
            (e, 0, 0, true)
        } else if let Some(e) = self.pick_idle(t) {
            (e, 0, 0, false)
        } else {
            if !self.may_create(t) {
                self.throttle(t, steady);
                return;
            }
            let (extra, init) = match &self.cfg.cold {
                ColdSource::Fixed { ms } => ((ms * 1000.0) as u64, (ms * 1000.0) as u64),
                ColdSource::Model(m) => {
                    let p = m.sample(&mut self.rng);
                    ((p.total() * 1000.0) as u64, (p.init * 1000.0) as u64)
                }
            };
            let e = match self.free_ids.pop() {
                Some(e) => e,
                None => {
                    self.born.push(0);
                    self.idle_since.push(0);
                    self.is_pc.push(false);
                    (self.born.len() - 1) as u32
                }
            };
            self.born[e as usize] = t;
            self.is_pc[e as usize] = false;
            self.envs_created += 1;
            if steady {
                self.cold_starts += 1;
            } else {
                self.startup_cold_starts += 1;
            }
            self.init_us_total += init;
            self.bin(t).cold += 1;
            (e, extra, init, false)
        };
        let latency = service + extra_us;
        let finish = t + latency;
        self.busy.push(Reverse((finish, env)));
        self.conc += 1;
        self.peak_concurrency = self.peak_concurrency.max(self.conc);
        self.billed_served += 1;
        if steady {
            self.served += 1;
        }
        // Busy time counts inside the simulated window only: a request that
        // ends after it adds its part up to the end (mean ≤ peak concurrency).
        self.busy_total_us += (finish.min(self.cfg.sim_us).saturating_sub(t)) as f64;
        self.add_span(t, finish, true);
        if steady {
            if extra_us > 0 { self.cold.record(latency) } else { self.warm.record(latency) }
        }
        if pc {
            self.conc_pc += 1;
            self.on_pc += steady as u64;
            self.pc_billed_ms += service.div_ceil(1000);
        } else {
            if self.cfg.pc_units > 0 {
                self.spilled += steady as u64;
            }
            let billed_init = if self.cfg.init_billed { init_us } else { 0 };
            let with_init = (service + billed_init).div_ceil(1000);
            let without = service.div_ceil(1000);
            self.od_billed_ms += without;
            self.init_billed_ms += with_init - without;
        }
    }

    fn throttle(&mut self, t: u64, steady: bool) {
        self.throttles += steady as u64;
        self.bin(t).throttled += 1;
    }

    /// Processes up to `max_arrivals` arrivals. Returns true when the run is over.
    /// Never inlined: in a browser, a wasm function called many times is
    /// recompiled by the optimising tier between calls, and a run made of one
    /// call never gets there (see [`Sim::run`]).
    #[inline(never)]
    pub fn step(&mut self, max_arrivals: u64) -> bool {
        for _ in 0..max_arrivals {
            let Some(t) = self.next_arrival else {
                self.finish_once();
                return true;
            };
            self.arrive(t);
            self.next_arrival = self.gen_arrival(t);
        }
        if self.next_arrival.is_none() {
            self.finish_once();
        }
        self.done
    }

    /// Share of the expected arrivals processed so far (for progress bars).
    pub fn progress(&self) -> f64 {
        match self.next_arrival {
            None => 1.0,
            Some(t) => t as f64 / self.cfg.sim_us as f64,
        }
    }

    fn finish_once(&mut self) {
        if self.done {
            return;
        }
        self.done = true;
        let end = self.cfg.sim_us;
        let idle: Vec<u32> = self.idle_od.iter().copied().collect();
        for e in idle {
            self.end_idle(e, end);
        }
    }

    /// The whole run, in slices of 4,096 arrivals: V8 runs a wasm function
    /// first from its baseline compiler and switches to the optimised code at
    /// the function's next call, so a run of a few long calls stays on the
    /// baseline code (0.96 s against 0.46 s for a day of 40 requests a second,
    /// measured 2026-12-07 in docs/BENCHMARKS.md).
    pub fn run(mut self) -> SimResult {
        while !self.step(1 << 12) {}
        self.result()
    }

    pub fn result(&self) -> SimResult {
        let c = &self.cfg;
        let mut all = self.warm.clone();
        all.merge(&self.cold);
        let q = all.percentiles(&[0.5, 0.95, 0.99, 0.999]);
        let secs = c.sim_us as f64 / 1e6;
        let gb = |mb_ms: u128| Qty::ratio(mb_ms, 1024 * 1000);
        let mem = c.memory_mb as u128;
        let tiers = c.region.duration_tiers(c.arch);
        let requests_usd = c.region.request.times(Qty::whole(self.billed_served as u128));
        let duration_usd = tiers[0].times(gb(mem * self.od_billed_ms as u128));
        let init_usd = tiers[0].times(gb(mem * self.init_billed_ms as u128));
        let (pc_usd, pc_duration_usd) = match (c.pc_units > 0, c.region.pc(c.arch)) {
            (true, Some(pc)) => (
                pc.config.times(Qty::ratio(c.pc_units as u128 * mem * pc_billed_seconds(secs / 3600.0), 1024)),
                pc.duration.times(gb(mem * self.pc_billed_ms as u128)),
            ),
            _ => (Usd::ZERO, Usd::ZERO),
        };
        let total = requests_usd + duration_usd + init_usd + pc_usd + pc_duration_usd;
        SimResult {
            requests: self.arrivals,
            served: self.served,
            cold_starts: self.cold_starts,
            throttles: self.throttles,
            startup_requests: self.startup_arrivals,
            startup_cold_starts: self.startup_cold_starts,
            warmup_seconds: self.warmup_us as f64 / 1e6,
            billed_requests: self.billed_served,
            p50_ms: q[0] / 1000.0,
            p95_ms: q[1] / 1000.0,
            p99_ms: q[2] / 1000.0,
            p999_ms: q[3] / 1000.0,
            max_ms: all.max as f64 / 1000.0,
            warm_p99_ms: self.warm.percentile(0.99) / 1000.0,
            cold_p50_ms: self.cold.percentile(0.50) / 1000.0,
            peak_concurrency: self.peak_concurrency,
            mean_concurrency: self.busy_total_us / c.sim_us as f64,
            envs_created: self.envs_created,
            idle_gb_seconds: self.idle_total_us / 1e6 * c.memory_mb as f64 / 1024.0,
            on_pc: self.on_pc,
            spilled: self.spilled,
            lines: [requests_usd, duration_usd, init_usd, pc_usd, pc_duration_usd],
            total_usd: total,
            bins: self.bins.clone(),
            bin_seconds: (1u64 << self.bin_shift) as f64 / 1e6,
            sim_seconds: c.sim_us as f64 / 1e6,
            init_ms_mean: match self.cold_starts + self.startup_cold_starts {
                0 => 0.0,
                n => self.init_us_total as f64 / 1000.0 / n as f64,
            },
            pc_units: c.pc_units,
            warm_cdf: self.warm.cdf(50),
            cold_cdf: self.cold.cdf(50),
            histogram: {
                let lo = (all.percentile(0.0001).max(1.0)).ln();
                let hi = ((all.max.max(2)) as f64).ln();
                // Latencies all alike (a steady state of constant durations):
                // widen to ±5 % so the buckets have a width.
                let (lo, hi) = if hi - lo < 0.1 { (lo.min(hi) - 0.05, hi + 0.05) } else { (lo, hi) };
                let edges: Vec<u64> = (0..30).map(|i| (lo + (hi - lo) * i as f64 / 30.0).exp() as u64).collect();
                let (w, c) = (self.warm.coarse(&edges), self.cold.coarse(&edges));
                (0..30)
                    .map(|i| {
                        let to = edges.get(i + 1).copied().unwrap_or(all.max + 1);
                        (edges[i] as f64 / 1000.0, to as f64 / 1000.0, w[i], c[i])
                    })
                    .collect()
            },
        }
    }
}

/// What a run produced.
#[derive(Clone, Debug, PartialEq)]
pub struct SimResult {
    /// Steady state (after the start-up): requests, served, cold starts,
    /// throttles, latencies and the PC split.
    pub requests: u64,
    pub served: u64,
    pub cold_starts: u64,
    pub throttles: u64,
    /// The start-up (the first `warmup_seconds`), on its own line: an empty
    /// fleet filling, which a long-running function does once.
    pub startup_requests: u64,
    pub startup_cold_starts: u64,
    pub warmup_seconds: f64,
    /// Every invocation served in the run, start-up included: what the cost
    /// lines bill.
    pub billed_requests: u64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub p999_ms: f64,
    pub max_ms: f64,
    pub warm_p99_ms: f64,
    pub cold_p50_ms: f64,
    pub peak_concurrency: u32,
    pub mean_concurrency: f64,
    pub envs_created: u64,
    pub idle_gb_seconds: f64,
    pub on_pc: u64,
    pub spilled: u64,
    /// requests, on-demand duration, INIT, PC, PC duration (exact USD).
    pub lines: [Usd; 5],
    pub total_usd: Usd,
    pub bins: Vec<Bin>,
    pub bin_seconds: f64,
    /// The simulated time.
    pub sim_seconds: f64,
    /// The mean Init duration of the cold starts, ms (what the cost page's
    /// `init_ms` means).
    pub init_ms_mean: f64,
    pub pc_units: u32,
    pub warm_cdf: Vec<(f64, f64)>,
    pub cold_cdf: Vec<(f64, f64)>,
    /// Latency histogram: (from ms, to ms, warm count, cold count), 30 log-spaced buckets.
    pub histogram: Vec<(f64, f64, u64, u64)>,
}

impl SimResult {
    pub fn cold_start_ratio(&self) -> f64 {
        if self.served == 0 { 0.0 } else { self.cold_starts as f64 / self.served as f64 }
    }

    pub fn throttle_ratio(&self) -> f64 {
        if self.requests == 0 { 0.0 } else { self.throttles as f64 / self.requests as f64 }
    }

    pub fn metrics(&self) -> Vec<(&'static str, MetricValue)> {
        let n = |x: f64| MetricValue::Num((x * 1e6).round() / 1e6);
        let per_million = self
            .total_usd
            .max(Usd::ZERO)
            .scaled(1_000_000, self.billed_requests as u128)
            .map_or(MetricValue::Missing, MetricValue::Usd);
        vec![
            ("requests", MetricValue::Count(self.requests as u128)),
            ("simulated_s", n(self.sim_seconds)),
            ("cold_starts", MetricValue::Count(self.cold_starts as u128)),
            ("cold_start_ratio", n(self.cold_start_ratio())),
            ("throttles", MetricValue::Count(self.throttles as u128)),
            ("throttle_ratio", n(self.throttle_ratio())),
            ("startup_requests", MetricValue::Count(self.startup_requests as u128)),
            ("startup_cold_starts", MetricValue::Count(self.startup_cold_starts as u128)),
            ("p50_ms", n(self.p50_ms)),
            ("p95_ms", n(self.p95_ms)),
            ("p99_ms", n(self.p99_ms)),
            ("p999_ms", n(self.p999_ms)),
            ("max_ms", n(self.max_ms)),
            ("peak_concurrency", MetricValue::Count(self.peak_concurrency as u128)),
            ("mean_concurrency", n(self.mean_concurrency)),
            ("envs_created", MetricValue::Count(self.envs_created as u128)),
            ("idle_gb_seconds", n(self.idle_gb_seconds)),
            (
                "pc_spillover_ratio",
                n(if self.pc_units == 0 || self.served == 0 { 0.0 } else { self.spilled as f64 / self.served as f64 }),
            ),
            ("cost_total_usd", MetricValue::Usd(self.total_usd)),
            ("cost_per_million_usd", per_million),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_percentiles_are_within_a_tenth_of_a_percent() {
        let mut h = Hist::default();
        for v in 1..=100_000u64 {
            h.record(v * 10);
        }
        for p in [0.5, 0.9, 0.99, 0.999] {
            let want = p * 1_000_000.0;
            assert!((h.percentile(p) - want).abs() / want < 0.001, "{p}: {}", h.percentile(p));
        }
        assert_eq!(h.max, 1_000_000);
    }
}

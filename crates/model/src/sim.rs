//! Discrete-event simulation of one Lambda function under traffic
//! (`reference/models.md` §3.4 and §5).
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

use crate::coldstart::{ColdModel, ColdSpec, RUNTIME_OR_NONE};
use crate::metrics::MetricValue;
use crate::money::{Qty, Rate, Usd};
use crate::prices::{self, Arch};
use crate::pricing::pc_billed_seconds;
use crate::scenario::{Kind, ParamSpec, Values};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// xoshiro256++, seeded through splitmix64.
#[derive(Clone, Debug)]
pub struct Rng {
    s: [u64; 4],
    spare: Option<f64>,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng { s: [next(), next(), next(), next()], spare: None }
    }

    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = (s[0].wrapping_add(s[3])).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1).
    #[inline]
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in (0, 1].
    #[inline]
    pub fn unit_open(&mut self) -> f64 {
        ((self.next_u64() >> 11) + 1) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Exponential with the given mean, by the ziggurat method (Marsaglia
    /// and Tsang, 2000): about 98% of draws are one table comparison, the
    /// rest fall back to exact rejection sampling, so the distribution is exact.
    #[inline]
    pub fn exp(&mut self, mean: f64) -> f64 {
        mean * self.exp1()
    }

    fn exp1(&mut self) -> f64 {
        let z = ziggurat();
        loop {
            let bits = self.next_u64();
            let j = (bits >> 32) as u32;
            let i = (bits & 0xFF) as usize;
            if j < z.k[i] {
                return j as f64 * z.w[i];
            }
            if i == 0 {
                return ZIG_R - self.unit_open().ln();
            }
            let x = j as f64 * z.w[i];
            if z.f[i] + self.unit() * (z.f[i - 1] - z.f[i]) < (-x).exp() {
                return x;
            }
        }
    }

    /// Standard normal (Box–Muller, pairs cached).
    #[inline]
    pub fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        let r = (-2.0 * self.unit_open().ln()).sqrt();
        let a = std::f64::consts::TAU * self.unit();
        self.spare = Some(r * a.sin());
        r * a.cos()
    }
}

/// The ziggurat for the unit exponential: 256 layers of equal area.
struct Ziggurat {
    k: [u32; 256],
    w: [f64; 256],
    f: [f64; 256],
}

const ZIG_R: f64 = 7.697_117_470_131_05;
const ZIG_V: f64 = 0.003_949_659_822_581_557;

fn ziggurat() -> &'static Ziggurat {
    static Z: std::sync::OnceLock<Ziggurat> = std::sync::OnceLock::new();
    Z.get_or_init(|| {
        let m = 4_294_967_296.0;
        let (mut k, mut w, mut f) = ([0u32; 256], [0f64; 256], [0f64; 256]);
        let mut d = ZIG_R;
        let mut t = d;
        let q = ZIG_V / (-d).exp();
        k[0] = ((d / q) * m) as u32;
        k[1] = 0;
        w[0] = q / m;
        w[255] = d / m;
        f[0] = 1.0;
        f[255] = (-d).exp();
        for i in (1..=254).rev() {
            d = -(ZIG_V / d + (-d).exp()).ln();
            k[i + 1] = ((d / t) * m) as u32;
            t = d;
            f[i] = (-d).exp();
            w[i] = d / m;
        }
        Ziggurat { k, w, f }
    })
}

/// A log-linear (HDR-style) histogram of whole microseconds: exact below
/// 2,048 µs, then 1,024 sub-buckets per power of two (≤ 0.1% error).
#[derive(Clone, Debug)]
pub struct Hist {
    counts: Vec<u32>,
    pub n: u64,
    pub max: u64,
    pub sum: f64,
}

const SUB_BITS: u32 = 10;
const SUB: u64 = 1 << SUB_BITS;

impl Default for Hist {
    fn default() -> Hist {
        Hist { counts: vec![0; (SUB * 36) as usize], n: 0, max: 0, sum: 0.0 }
    }
}

impl Hist {
    #[inline]
    fn index(v: u64) -> usize {
        if v < 2 * SUB {
            v as usize
        } else {
            let e = 63 - v.leading_zeros() - SUB_BITS;
            (SUB * (e as u64 + 1) + ((v >> e) - SUB)) as usize
        }
    }

    fn value(i: usize) -> u64 {
        let i = i as u64;
        if i < 2 * SUB {
            i
        } else {
            let e = i / SUB - 1;
            (SUB + i % SUB) << e
        }
    }

    #[inline]
    pub fn record(&mut self, v: u64) {
        let i = Self::index(v).min(self.counts.len() - 1);
        self.counts[i] += 1;
        self.n += 1;
        self.sum += v as f64;
        self.max = self.max.max(v);
    }

    /// The value at percentile `p` (0–1), in µs (bucket midpoint).
    pub fn percentile(&self, p: f64) -> f64 {
        self.percentiles(&[p])[0]
    }

    /// Several percentiles (ascending) in one pass over the counters.
    pub fn percentiles(&self, ps: &[f64]) -> Vec<f64> {
        let mut out = Vec::with_capacity(ps.len());
        if self.n == 0 {
            out.resize(ps.len(), 0.0);
            return out;
        }
        let mut seen = 0u64;
        let mut i = 0;
        for p in ps {
            let rank = ((p * self.n as f64).ceil() as u64).clamp(1, self.n);
            while i < self.counts.len() && seen + (self.counts[i] as u64) < rank {
                seen += self.counts[i] as u64;
                i += 1;
            }
            let lo = Self::value(i);
            let hi = Self::value(i + 1).max(lo + 1);
            out.push(((lo + hi - 1) as f64 / 2.0).min(self.max as f64));
        }
        out
    }

    pub fn mean(&self) -> f64 {
        if self.n == 0 { 0.0 } else { self.sum / self.n as f64 }
    }

    /// Counts per `[edges[i], edges[i + 1])` in µs (the last bucket is open).
    pub fn coarse(&self, edges: &[u64]) -> Vec<u64> {
        let mut out = vec![0u64; edges.len()];
        for (i, c) in self.counts.iter().enumerate() {
            if *c == 0 {
                continue;
            }
            let v = Self::value(i);
            let k = edges.partition_point(|e| *e <= v).saturating_sub(1);
            out[k] += *c as u64;
        }
        out
    }

    /// Adds another histogram's counts (exact).
    pub fn merge(&mut self, o: &Hist) {
        for (a, b) in self.counts.iter_mut().zip(&o.counts) {
            *a += b;
        }
        self.n += o.n;
        self.sum += o.sum;
        self.max = self.max.max(o.max);
    }

    /// (upper bound µs, cumulative share) at the given quantiles, for a CDF.
    pub fn cdf(&self, points: usize) -> Vec<(f64, f64)> {
        (1..=points)
            .map(|k| {
                let q = k as f64 / points as f64;
                (self.percentile(q.min(0.9999)), q)
            })
            .collect()
    }
}

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
    pub region: &'static prices::Region,
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
    pub arrivals: u64,
    pub served: u64,
    pub cold_starts: u64,
    pub throttles: u64,
    pub on_pc: u64,
    pub spilled: u64,
    pub envs_created: u64,
    pub peak_concurrency: u32,
    busy_total_us: f64,
    idle_total_us: f64,
    od_billed_ms: u64,
    init_billed_ms: u64,
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
            on_pc: 0,
            spilled: 0,
            envs_created: 0,
            peak_concurrency: 0,
            busy_total_us: 0.0,
            idle_total_us: 0.0,
            od_billed_ms: 0,
            init_billed_ms: 0,
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
        self.arrivals += 1;
        self.bin(t).arrivals += 1;
        self.release_finished(t);
        let limit = self.cfg.reserved.unwrap_or(u32::MAX).min(self.cfg.account);
        if self.conc >= limit {
            self.throttle(t);
            return;
        }
        let service = self.service_us();
        let (env, extra_us, init_us, pc) = if let Some(e) = self.idle_pc.pop() {
            (e, 0, 0, true)
        } else if let Some(e) = self.pick_idle(t) {
            (e, 0, 0, false)
        } else {
            if !self.may_create(t) {
                self.throttle(t);
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
            self.cold_starts += 1;
            self.bin(t).cold += 1;
            (e, extra, init, false)
        };
        let latency = service + extra_us;
        let finish = t + latency;
        self.busy.push(Reverse((finish, env)));
        self.conc += 1;
        self.peak_concurrency = self.peak_concurrency.max(self.conc);
        self.served += 1;
        // Busy time counts inside the simulated window only: a request that
        // ends after it adds its part up to the end (mean ≤ peak concurrency).
        self.busy_total_us += (finish.min(self.cfg.sim_us).saturating_sub(t)) as f64;
        self.add_span(t, finish, true);
        if extra_us > 0 {
            self.cold.record(latency)
        } else {
            self.warm.record(latency)
        }
        if pc {
            self.conc_pc += 1;
            self.on_pc += 1;
            self.pc_billed_ms += service.div_ceil(1000);
        } else {
            if self.cfg.pc_units > 0 {
                self.spilled += 1;
            }
            let billed_init = if self.cfg.init_billed { init_us } else { 0 };
            let with_init = (service + billed_init).div_ceil(1000);
            let without = service.div_ceil(1000);
            self.od_billed_ms += without;
            self.init_billed_ms += with_init - without;
        }
    }

    fn throttle(&mut self, t: u64) {
        self.throttles += 1;
        self.bin(t).throttled += 1;
    }

    /// Processes up to `max_arrivals` arrivals. Returns true when the run is over.
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

    pub fn run(mut self) -> SimResult {
        while !self.step(1 << 20) {}
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
        let requests_usd = c.region.request.times(Qty::whole(self.served as u128));
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
            pc_units: c.pc_units,
            warm_cdf: self.warm.cdf(50),
            cold_cdf: self.cold.cdf(50),
            histogram: {
                let lo = (all.percentile(0.0001).max(1.0)).ln();
                let hi = ((all.max.max(2)) as f64).ln();
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
    pub requests: u64,
    pub served: u64,
    pub cold_starts: u64,
    pub throttles: u64,
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
        let per_million = if self.served == 0 {
            MetricValue::Missing
        } else {
            MetricValue::Usd(Usd(crate::money::mul_div_round(
                self.total_usd.0.max(0) as u128,
                1_000_000,
                self.served as u128,
            ) as i128))
        };
        vec![
            ("requests", MetricValue::Count(self.requests as u128)),
            ("cold_starts", MetricValue::Count(self.cold_starts as u128)),
            ("cold_start_ratio", n(self.cold_start_ratio())),
            ("throttles", MetricValue::Count(self.throttles as u128)),
            ("throttle_ratio", n(self.throttle_ratio())),
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

pub const SIM_PARAMS: &[ParamSpec] = &[
    ParamSpec {
        name: "arrival",
        label: "Arrival pattern",
        kind: Kind::Choice(&["poisson", "diurnal", "bursty", "constant", "trace"]),
        default: "poisson",
        unit: "",
        help: "Random (Poisson), daily cycle, periodic bursts, steady with ±10% jitter, or your own timestamps.",
    },
    ParamSpec {
        name: "rate_per_s",
        label: "Requests per second",
        kind: Kind::Num { min: 0.000001, max: 100_000.0 },
        default: "10",
        unit: "per s",
        help: "Mean arrival rate (outside bursts).",
    },
    ParamSpec {
        name: "diurnal_amplitude",
        label: "Daily swing",
        kind: Kind::Num { min: 0.0, max: 1.0 },
        default: "0.33",
        unit: "",
        help: "Diurnal: peak is rate × (1 + swing); Azure's aggregate is about 0.33.",
    },
    ParamSpec {
        name: "burst_rate_per_s",
        label: "Rate during bursts",
        kind: Kind::Num { min: 0.0, max: 100_000.0 },
        default: "100",
        unit: "per s",
        help: "Bursty: the rate inside each burst.",
    },
    ParamSpec {
        name: "burst_every_s",
        label: "Burst every",
        kind: Kind::Num { min: 1.0, max: 86_400.0 },
        default: "600",
        unit: "s",
        help: "Bursty: time from one burst's start to the next.",
    },
    ParamSpec {
        name: "burst_length_s",
        label: "Burst length",
        kind: Kind::Num { min: 0.0, max: 86_400.0 },
        default: "30",
        unit: "s",
        help: "Bursty: how long each burst lasts.",
    },
    ParamSpec {
        name: "trace",
        label: "Arrival timestamps",
        kind: Kind::Text { max_len: 20_000 },
        default: "",
        unit: "s",
        help: "Trace: seconds from the start, separated by commas, spaces or new lines.",
    },
    ParamSpec {
        name: "duration_ms",
        label: "Duration (mean)",
        kind: Kind::Num { min: 0.01, max: 900_000.0 },
        default: "100",
        unit: "ms",
        help: "Mean run time of a warm invocation.",
    },
    ParamSpec {
        name: "duration_at_mb",
        label: "Duration measured at",
        kind: Kind::Int { min: 0, max: 10240 },
        default: "0",
        unit: "MB",
        help: "If set, the duration was measured at this memory size and is scaled to the memory below by the memory/CPU model; 0 = it is at that memory.",
    },
    crate::scaling::cpu_fraction_param(
        "For scaling the duration: the CPU-bound share at the measured size (the rest is I/O).",
    ),
    ParamSpec {
        name: "duration_dist",
        label: "Duration distribution",
        kind: Kind::Choice(&["const", "exp", "lognormal"]),
        default: "lognormal",
        unit: "",
        help: "Constant, exponential, or lognormal with the CV below.",
    },
    ParamSpec {
        name: "duration_cv",
        label: "Duration variation (CV)",
        kind: Kind::Num { min: 0.0, max: 5.0 },
        default: "0.3",
        unit: "",
        help: "Lognormal only: standard deviation ÷ mean.",
    },
    ParamSpec {
        name: "cold_start_ms",
        label: "Cold-start penalty",
        kind: Kind::Num { min: 0.0, max: 60_000.0 },
        default: "250",
        unit: "ms",
        help: "Added to a cold invocation when no runtime is chosen (counted as billed Init).",
    },
    ParamSpec {
        name: "runtime",
        label: "Runtime (cold-start model)",
        kind: Kind::Choice(RUNTIME_OR_NONE),
        default: "none",
        unit: "",
        help: "With a runtime, each cold start is drawn from the cold-start model instead.",
    },
    ParamSpec {
        name: "idle_ttl_s",
        label: "Idle environment kept",
        kind: Kind::Num { min: 1.0, max: 7200.0 },
        default: "420",
        unit: "s",
        help: "Reclaimed after this long idle. Undocumented; measured 6–10.5 min since 2019.",
    },
    ParamSpec {
        name: "max_lifetime_s",
        label: "Environment lifetime",
        kind: Kind::Num { min: 0.0, max: 86_400.0 },
        default: "7200",
        unit: "s",
        help: "Recycled after this long even when busy (about 2 h measured); 0 = never.",
    },
    ParamSpec {
        name: "routing",
        label: "Routing to idle environments",
        kind: Kind::Choice(&["mru", "lru", "random"]),
        default: "mru",
        unit: "",
        help: "Newest idle first (MRU), oldest first (LRU), or random; undocumented.",
    },
    ParamSpec {
        name: "reserved_concurrency",
        label: "Reserved concurrency",
        kind: Kind::Int { min: -1, max: 100_000 },
        default: "-1",
        unit: "",
        help: "A cap on this function; -1 = none, 0 = always throttled.",
    },
    ParamSpec {
        name: "account_concurrency",
        label: "Account concurrency",
        kind: Kind::Int { min: 1, max: 1_000_000 },
        default: "1000",
        unit: "",
        help: "The region's limit (default 1,000).",
    },
    ParamSpec {
        name: "scaling",
        label: "Scaling rules",
        kind: Kind::Choice(&["2023", "legacy"]),
        default: "2023",
        unit: "",
        help: "2023: 1,000 new environments per 10 s per function. Legacy: a regional burst, then +500 per minute.",
    },
    prices::pc_units_param("Kept warm and used first; traffic beyond spills to on-demand."),
    prices::memory_param("Memory", "1024", "For GB-seconds and cost."),
    prices::arch_param("For prices and the cold-start model."),
    prices::region_param("For prices and the legacy burst size."),
    prices::billing_date_param(
        "INIT is billed for zip packages on managed runtimes from 2025-08-01 (always for custom runtimes); empty means today.",
    ),
    ParamSpec {
        name: "sim_seconds",
        label: "Simulated time",
        kind: Kind::Num { min: 1.0, max: 31_536_000.0 },
        default: "3600",
        unit: "s",
        help: "How long to simulate (up to a year).",
    },
    ParamSpec {
        name: "p99_target_ms",
        label: "p99 target (PC advisor)",
        kind: Kind::Num { min: 0.0, max: 900_000.0 },
        default: "0",
        unit: "ms",
        help: "The PC advisor's latency goal; 0 = use the cold-start target instead.",
    },
    ParamSpec {
        name: "cold_start_target",
        label: "Cold-start target (PC advisor)",
        kind: Kind::Num { min: 0.0, max: 1.0 },
        default: "0.001",
        unit: "",
        help: "The PC advisor's goal for the share of cold starts.",
    },
    ParamSpec {
        name: "seed",
        label: "Random seed",
        kind: Kind::Int { min: 0, max: 4_294_967_295 },
        default: "1",
        unit: "",
        help: "The same seed gives the same result.",
    },
];

/// Most simulated arrivals a run may have.
pub const MAX_ARRIVALS: f64 = 200_000_000.0;

/// The mean warm duration at `memory_mb`: as given, or scaled by the
/// memory/CPU model from the size it was measured at.
pub fn service_mean_ms(v: &Values) -> f64 {
    match v.int("duration_at_mb") {
        0 => v.num("duration_ms"),
        at => crate::scaling::Workload::from_description(
            at as f64,
            v.num("duration_ms"),
            v.num("cpu_fraction"),
            0.0,
            1.0,
            1.0,
        )
        .duration_ms(v.num("memory_mb"), 1.0),
    }
}

/// Builds a run from named parameters, checking what cannot be simulated.
pub fn config(v: &Values) -> Result<SimConfig, crate::scenario::ParamError> {
    let bad = |param: &str, message: String| crate::scenario::ParamError {
        param: param.into(),
        given: String::new(),
        message,
    };
    let region = prices::region(v.text("region")).expect("region is a checked choice");
    let arch = Arch::parse(v.text("arch")).unwrap_or(Arch::X86);
    let rate = v.num("rate_per_s");
    let sim_s = v.num("sim_seconds");
    let arrivals = match v.text("arrival") {
        "diurnal" => Arrivals::Diurnal { rate, amplitude: v.num("diurnal_amplitude") },
        "bursty" => {
            if v.num("burst_length_s") > v.num("burst_every_s") {
                return Err(bad(
                    "burst_length_s",
                    "A burst cannot last longer than the time between bursts; use a burst length up to burst_every_s."
                        .into(),
                ));
            }
            Arrivals::Bursty {
                base: rate,
                burst: v.num("burst_rate_per_s"),
                every_s: v.num("burst_every_s"),
                len_s: v.num("burst_length_s"),
            }
        }
        "constant" => Arrivals::Constant { rate },
        "trace" => {
            let mut times = Vec::new();
            for tok in v.text("trace").split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()) {
                match crate::scenario::parse_number(tok) {
                    Some(x) if x >= 0.0 && x < sim_s => times.push((x * 1e6) as u64),
                    _ => {
                        return Err(bad(
                            "trace",
                            format!(
                                "Arrival timestamps: \u{201c}{tok}\u{201d} is not a time from 0 to {sim_s} s (the simulated time)."
                            ),
                        ));
                    }
                }
            }
            if times.is_empty() {
                return Err(bad(
                    "trace",
                    "The trace has no timestamps; paste seconds from the start, such as 0, 0.5, 12.25.".into(),
                ));
            }
            times.sort_unstable();
            Arrivals::Trace { times_us: times }
        }
        _ => Arrivals::Poisson { rate },
    };
    let expected = match &arrivals {
        Arrivals::Trace { times_us } => times_us.len() as f64,
        Arrivals::Bursty { base, burst, .. } => base.max(*burst) * sim_s,
        Arrivals::Diurnal { rate, amplitude } => rate * (1.0 + amplitude) * sim_s,
        _ => rate * sim_s,
    };
    if expected > MAX_ARRIVALS {
        return Err(bad(
            "sim_seconds",
            format!(
                "That is about {:.0} million requests; simulate at most 200 million (lower the rate or the simulated time).",
                expected / 1e6
            ),
        ));
    }
    let memory_mb = v.int("memory_mb") as u32;
    let mean = service_mean_ms(v);
    let cv = v.num("duration_cv");
    let dist = match v.text("duration_dist") {
        "const" => ServiceDist::Const,
        "exp" => ServiceDist::Exp,
        _ if cv <= 0.0 => ServiceDist::Const,
        _ => {
            let l = crate::stats::LogNormal::from_mean_cv(mean, cv);
            ServiceDist::LogNormal { mu: l.mu, sigma: l.sigma }
        }
    };
    let cold = match v.text("runtime") {
        "none" => ColdSource::Fixed { ms: v.num("cold_start_ms") },
        rt => ColdSource::Model(Box::new(
            ColdModel::new(&ColdSpec {
                runtime: rt,
                arch: arch.name(),
                package: "zip",
                memory_mb: memory_mb as f64,
                package_mb: 0.0,
                init_work_ms: 0.0,
                vpc: false,
                snapstart: false,
            })
            .ok_or_else(|| bad("runtime", format!("No cold-start data for {rt} on {}.", arch.name())))?,
        )),
    };
    let pc_units = v.int("pc_units") as u32;
    if pc_units > 0 && region.pc(arch).is_none() {
        return Err(bad(
            "pc_units",
            format!(
                "No provisioned-concurrency price for {} on {} is in this calculator; use 0 or another region.",
                arch.name(),
                region.code
            ),
        ));
    }
    let legacy_burst = (v.text("scaling") == "legacy").then_some(match region.code {
        "us-east-1" | "us-west-2" | "eu-west-1" => 3000,
        "ap-northeast-1" | "eu-central-1" | "us-east-2" => 1000,
        _ => 500,
    });
    let reserved = match v.int("reserved_concurrency") {
        -1 => None,
        n => Some(n as u32),
    };
    Ok(SimConfig {
        arrivals,
        sim_us: (sim_s * 1e6) as u64,
        mean_ms: mean,
        dist,
        cold,
        ttl_us: (v.num("idle_ttl_s") * 1e6) as u64,
        max_life_us: (v.num("max_lifetime_s") * 1e6) as u64,
        routing: match v.text("routing") {
            "lru" => Routing::Lru,
            "random" => Routing::Random,
            _ => Routing::Mru,
        },
        reserved,
        account: v.int("account_concurrency") as u32,
        legacy_burst,
        pc_units,
        memory_mb,
        arch,
        region,
        seed: v.int("seed") as u64,
        init_billed: {
            // The engine reads no clock: an empty date means today, which is after
            // the 2025-08-01 change, so it bills like that date.
            let date = crate::scenario::Date::parse(v.text("billing_date")).unwrap_or(prices::INIT_BILLING_FROM);
            let custom = v.text("runtime").ends_with("-al2023") || v.text("runtime").ends_with("-al2");
            crate::pricing::init_billed_on(date, crate::pricing::Package::Zip, custom)
        },
        bins: 120,
    })
}

/// One PC size in the advisor's sweep.
#[derive(Clone, Debug, PartialEq)]
pub struct PcPoint {
    pub units: u32,
    pub cost: Usd,
    pub p99_ms: f64,
    pub cold_start_ratio: f64,
    pub spillover_ratio: f64,
    /// Busy share of the PC environments' time.
    pub utilisation: f64,
    pub meets_target: bool,
}

/// The PC sizes the advisor tries: 0 up to the 99.9th percentile of Poisson
/// concurrency (plus two), at most 16 sizes.
pub fn pc_candidates(rate_per_s: f64, mean_ms: f64) -> Vec<u32> {
    let rho = rate_per_s * mean_ms / 1000.0;
    let top = (crate::analytic::poisson_quantile(0.999, rho) + 2).min(5000) as u32;
    let step = top.div_ceil(15).max(1);
    let mut v: Vec<u32> = (0..=top).step_by(step as usize).collect();
    if *v.last().unwrap_or(&0) != top {
        v.push(top);
    }
    v
}

/// The advisor's runs: the same traffic (same seed) with each PC size, each
/// shortened so the sweep stays near `budget` arrivals in all.
pub fn pc_sweep_configs(v: &Values, budget: f64) -> Result<Vec<SimConfig>, crate::scenario::ParamError> {
    let base = config(v)?;
    let sizes = pc_candidates(v.num("rate_per_s"), service_mean_ms(v));
    let per_run = budget / sizes.len() as f64;
    let secs = (per_run / v.num("rate_per_s").max(1e-9)).min(v.num("sim_seconds")).max(60.0);
    Ok(sizes
        .into_iter()
        .map(|units| SimConfig { pc_units: units, sim_us: (secs * 1e6) as u64, ..base.clone() })
        .collect())
}

/// Reads the sweep's results against the targets.
pub fn pc_points(results: &[SimResult], v: &Values) -> Vec<PcPoint> {
    let p99_target = v.num("p99_target_ms");
    let cold_target = v.num("cold_start_target");
    results
        .iter()
        .map(|r| {
            let secs = r.bin_seconds * r.bins.len() as f64;
            let pc_busy_s = r.on_pc as f64 * service_mean_ms(v) / 1000.0;
            let meets = if p99_target > 0.0 { r.p99_ms <= p99_target } else { r.cold_start_ratio() <= cold_target };
            PcPoint {
                units: r.pc_units,
                cost: r.total_usd,
                p99_ms: r.p99_ms,
                cold_start_ratio: r.cold_start_ratio(),
                spillover_ratio: if r.served == 0 { 0.0 } else { r.spilled as f64 / r.served as f64 },
                utilisation: if r.pc_units == 0 { 0.0 } else { pc_busy_s / (r.pc_units as f64 * secs) },
                meets_target: meets && r.throttles == 0,
            }
        })
        .collect()
}

/// The cheapest size that meets the target, if any.
pub fn pc_recommendation(points: &[PcPoint]) -> Option<&PcPoint> {
    points.iter().filter(|p| p.meets_target).min_by(|a, b| a.cost.cmp(&b.cost).then(a.units.cmp(&b.units)))
}

/// Runs a whole simulation from named parameters.
pub fn simulate(v: &Values) -> Result<SimResult, crate::scenario::ParamError> {
    Ok(Sim::new(config(v)?).run())
}

/// A rate as a `Rate` for display (unused prices stay exact).
pub fn tier1(region: &prices::Region, arch: Arch) -> Rate {
    region.duration_tiers(arch)[0]
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

    #[test]
    fn index_and_value_agree() {
        for v in [0u64, 1, 2047, 2048, 2049, 4095, 4096, 1 << 30, (1 << 40) + 12345] {
            let i = Hist::index(v);
            assert!(Hist::value(i) <= v && v < Hist::value(i + 1).max(Hist::value(i) + 1), "{v}");
        }
    }

    #[test]
    fn ziggurat_exponentials_follow_the_exact_distribution() {
        let mut r = Rng::new(11);
        let n = 2_000_000;
        let mut xs: Vec<f64> = (0..n).map(|_| r.exp1()).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        assert!((mean - 1.0).abs() < 0.003 && (var - 1.0).abs() < 0.01, "{mean} {var}");
        xs.sort_by(f64::total_cmp);
        // Kolmogorov–Smirnov distance against 1 − e^(−x): 1.63/√n is the 1% critical value.
        let ks = xs
            .iter()
            .enumerate()
            .map(|(i, x)| ((i + 1) as f64 / n as f64 - (1.0 - (-x).exp())).abs())
            .fold(0.0, f64::max);
        assert!(ks < 1.63 / (n as f64).sqrt(), "KS {ks}");
        assert!(xs[n - 1] > 10.0, "the tail beyond the base layer is reached");
    }

    #[test]
    fn the_rng_is_uniform_enough() {
        let mut r = Rng::new(7);
        let n = 100_000;
        let mean = (0..n).map(|_| r.unit()).sum::<f64>() / n as f64;
        assert!((mean - 0.5).abs() < 0.005);
        let e = (0..n).map(|_| r.exp(2.0)).sum::<f64>() / n as f64;
        assert!((e - 2.0).abs() < 0.03);
    }
}

//! The simulator's latency histogram.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_and_value_agree() {
        for v in [0u64, 1, 2047, 2048, 2049, 4095, 4096, 1 << 30, (1 << 40) + 12345] {
            let i = Hist::index(v);
            assert!(Hist::value(i) <= v && v < Hist::value(i + 1).max(Hist::value(i) + 1), "{v}");
        }
    }
}

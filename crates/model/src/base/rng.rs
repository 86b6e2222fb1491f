//! The engine's deterministic randomness: xoshiro256++ seeded through
//! splitmix64, with uniform, exponential (ziggurat) and normal draws. The same
//! seed gives the same numbers natively and in the browser.

/// xoshiro256++, seeded through splitmix64.
#[derive(Clone, Debug)]
pub struct Rng {
    s: [u64; 4],
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
        Rng { s: [next(), next(), next(), next()] }
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

    /// Standard normal, by the ziggurat method too (Marsaglia and Tsang,
    /// 2000; 256 layers): about 99% of draws are one table comparison and a
    /// multiplication, with no logarithm, root or sine (the simulator draws
    /// one per lognormal duration, millions a run); the rest fall back to
    /// exact rejection sampling and Marsaglia's tail, so the distribution
    /// is exact.
    #[inline]
    pub fn normal(&mut self) -> f64 {
        let z = normal_ziggurat();
        loop {
            let bits = self.next_u64();
            let i = (bits & 0xFF) as usize;
            // Uniform in [-1, 1) from the 53 bits the layer did not use.
            let u = (bits >> 11) as f64 * (2.0 / (1u64 << 53) as f64) - 1.0;
            let x = u * z.x[i];
            if x.abs() < z.x[i + 1] {
                return x;
            }
            if i == 0 {
                // The tail beyond R (Marsaglia, 1964).
                loop {
                    let a = -self.unit_open().ln() / NORM_R;
                    let b = -self.unit_open().ln();
                    if 2.0 * b >= a * a {
                        return if u < 0.0 { -(NORM_R + a) } else { NORM_R + a };
                    }
                }
            }
            if z.f[i + 1] + self.unit() * (z.f[i] - z.f[i + 1]) < (-0.5 * x * x).exp() {
                return x;
            }
        }
    }
}

/// The ziggurat for the standard normal: layer `i` spans `x[i + 1]..x[i]`
/// (`x[0]` is the base layer's width with its tail, `x[1]` = R, `x[256]` =
/// 0), `f[i]` = e^(−x[i]²/2).
struct NormalZiggurat {
    x: [f64; 257],
    f: [f64; 257],
}

const NORM_R: f64 = 3.654_152_885_361_009;
const NORM_V: f64 = 0.004_928_673_233_99;

fn normal_ziggurat() -> &'static NormalZiggurat {
    static Z: std::sync::OnceLock<NormalZiggurat> = std::sync::OnceLock::new();
    Z.get_or_init(|| {
        let pdf = |x: f64| (-0.5 * x * x).exp();
        let (mut x, mut f) = ([0f64; 257], [0f64; 257]);
        x[0] = NORM_V / pdf(NORM_R);
        x[1] = NORM_R;
        for i in 1..256 {
            let next = -2.0 * (NORM_V / x[i] + pdf(x[i])).ln();
            x[i + 1] = if i == 255 || next <= 0.0 { 0.0 } else { next.sqrt() };
        }
        for i in 0..257 {
            f[i] = pdf(x[i]);
        }
        NormalZiggurat { x, f }
    })
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn ziggurat_normals_follow_the_exact_distribution() {
        let mut r = Rng::new(5);
        let n = 2_000_000;
        let mut xs: Vec<f64> = (0..n).map(|_| r.normal()).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.003 && (var - 1.0).abs() < 0.005, "{mean} {var}");
        xs.sort_by(f64::total_cmp);
        // Kolmogorov–Smirnov distance against Φ: 1.63/√n is the 1% critical value.
        let phi = |x: f64| 0.5 * libm::erfc(-x / std::f64::consts::SQRT_2);
        let ks = xs.iter().enumerate().map(|(i, x)| ((i + 1) as f64 / n as f64 - phi(*x)).abs()).fold(0.0, f64::max);
        assert!(ks < 1.63 / (n as f64).sqrt(), "KS {ks}");
        assert!(xs[0] < -NORM_R && xs[n - 1] > NORM_R, "both tails beyond the base layer are reached");
        // The tails' share: P(|Z| > 3) = 0.0026998.
        let beyond = xs.iter().filter(|x| x.abs() > 3.0).count() as f64 / n as f64;
        assert!((beyond - 0.0026998).abs() < 0.0002, "{beyond}");
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

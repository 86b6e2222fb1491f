//! Exact money and quantity arithmetic.
//!
//! - [`Usd`] is a signed amount in atto-dollars (10⁻¹⁸ USD) in an `i128`:
//!   up to ±1.7 × 10²⁰ USD, far beyond any bill.
//! - [`Rate`] is a published price in pico-dollars (10⁻¹² USD) per unit.
//!   Every AWS Lambda price has at most 11 decimals, so rates are exact.
//! - [`Qty`] is an amount of a billed unit (GB-s, GB, requests) in atto-units.
//!
//! Multiplying a rate by a quantity goes through a 256-bit intermediate and
//! rounds half up at 10⁻¹⁸ USD, the only rounding before the display rounds
//! to cents. No floating point is ever summed into money.

use std::fmt;
use std::ops::{Add, AddAssign, Sub};

pub const ATTO: u128 = 1_000_000_000_000_000_000;
const PICO_TO_ATTO_DIV: u128 = 1_000_000_000_000; // rate (1e-12) × qty (1e-18) → 1e-30; ÷1e12 → 1e-18

/// A price per unit, exact, in pico-dollars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate(pub u64);

impl Rate {
    /// Parses a decimal such as `"0.0000166667"` at compile time. Panics (at
    /// compile time, for constants) on more than 12 decimals or bad digits.
    pub const fn usd(s: &str) -> Rate {
        let b = s.as_bytes();
        let mut i = 0;
        let mut int: u64 = 0;
        while i < b.len() && b[i] != b'.' {
            assert!(b[i].is_ascii_digit(), "bad digit in rate");
            int = int * 10 + (b[i] - b'0') as u64;
            i += 1;
        }
        let mut frac: u64 = 0;
        let mut places = 0;
        if i < b.len() {
            i += 1;
            while i < b.len() {
                assert!(b[i].is_ascii_digit(), "bad digit in rate");
                frac = frac * 10 + (b[i] - b'0') as u64;
                places += 1;
                i += 1;
            }
        }
        assert!(places <= 12, "rates have at most 12 decimals");
        while places < 12 {
            frac *= 10;
            places += 1;
        }
        Rate(int * 1_000_000_000_000 + frac)
    }

    /// The rate as an exact decimal string ("0.0000166667").
    pub fn to_decimal(self) -> String {
        decimal_string(self.0 as i128, 12)
    }

    /// For charts and ratios only; never summed into money.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 1e12
    }

    /// Scales a rate by `pct_off` percent off, e.g. a Savings Plan.
    pub fn times(self, q: Qty) -> Usd {
        Usd(mul_div_round(self.0 as u128, q.0, PICO_TO_ATTO_DIV) as i128)
    }
}

/// An exact, non-negative quantity in atto-units (10⁻¹⁸ GB-s, GB, requests…).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Qty(pub u128);

impl Qty {
    pub const ZERO: Qty = Qty(0);

    pub const fn whole(n: u128) -> Qty {
        Qty(n * ATTO)
    }

    /// `num / den` units, rounded half up at 10⁻¹⁸.
    pub fn ratio(num: u128, den: u128) -> Qty {
        Qty(mul_div_round(num, ATTO, den))
    }

    /// `self × num / den`, rounded half up.
    pub fn scale(self, num: u128, den: u128) -> Qty {
        Qty(mul_div_round(self.0, num, den))
    }

    pub fn min(self, o: Qty) -> Qty {
        Qty(self.0.min(o.0))
    }

    pub fn saturating_sub(self, o: Qty) -> Qty {
        Qty(self.0.saturating_sub(o.0))
    }

    pub fn to_decimal(self) -> String {
        decimal_string(self.0 as i128, 18)
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 1e18
    }
}

impl Add for Qty {
    type Output = Qty;
    fn add(self, o: Qty) -> Qty {
        Qty(self.0 + o.0)
    }
}

impl AddAssign for Qty {
    fn add_assign(&mut self, o: Qty) {
        self.0 += o.0;
    }
}

/// An exact amount of US dollars, in atto-dollars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Usd(pub i128);

impl Usd {
    pub const ZERO: Usd = Usd(0);

    /// Whole cents.
    pub const fn cents(c: i64) -> Usd {
        Usd(c as i128 * 10_000_000_000_000_000)
    }

    /// The exact decimal ("2.733338"), trailing zeros trimmed.
    pub fn to_decimal(self) -> String {
        decimal_string(self.0, 18)
    }

    /// Rounded half away from zero to whole cents.
    pub fn round_cents(self) -> Usd {
        let unit: i128 = 10_000_000_000_000_000;
        let q = self.0 / unit;
        let r = self.0 % unit;
        let adj = if r.abs() * 2 >= unit { r.signum() } else { 0 };
        Usd((q + adj) * unit)
    }

    /// Takes `pct` percent (0–100, up to 4 decimals as ten-thousandths) off
    /// as a discount amount, rounded half up at 10⁻¹⁸.
    pub fn percent(self, pct_e4: u32) -> Usd {
        let neg = self.0 < 0;
        let v = mul_div_round(self.0.unsigned_abs(), pct_e4 as u128, 1_000_000) as i128;
        Usd(if neg { -v } else { v })
    }

    /// `self × num ÷ den`, rounded half up at 10⁻¹⁸, or `None` where the
    /// result is more money than the type holds (about $1.7 × 10²⁰): a
    /// figure derived from a total (per invocation, per million, a month of
    /// a short run) never wraps round to a wrong sign.
    pub fn scaled(self, num: u128, den: u128) -> Option<Usd> {
        if den == 0 {
            return None;
        }
        let v = i128::try_from(mul_div_round(self.0.unsigned_abs(), num, den)).ok()?;
        Some(Usd(if self.0 < 0 { -v } else { v }))
    }

    /// Rounded to cents and written with two decimals, no grouping:
    /// "$1147.14", "$0.40".
    pub fn cents_text(self) -> String {
        let c = self.round_cents().to_decimal();
        let (i, f) = c.split_once('.').unwrap_or((&c, ""));
        format!("${i}.{f:0<2}")
    }

    /// For charts only.
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 1e18
    }

    pub fn max(self, o: Usd) -> Usd {
        if self >= o { self } else { o }
    }
}

impl Add for Usd {
    type Output = Usd;
    fn add(self, o: Usd) -> Usd {
        Usd(self.0 + o.0)
    }
}

impl AddAssign for Usd {
    fn add_assign(&mut self, o: Usd) {
        self.0 += o.0;
    }
}

impl Sub for Usd {
    type Output = Usd;
    fn sub(self, o: Usd) -> Usd {
        Usd(self.0 - o.0)
    }
}

impl std::iter::Sum for Usd {
    fn sum<I: Iterator<Item = Usd>>(iter: I) -> Usd {
        iter.fold(Usd::ZERO, Add::add)
    }
}

impl fmt::Display for Usd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_decimal())
    }
}

/// `value × 10^-scale` as a decimal string with trailing zeros trimmed.
pub fn decimal_string(value: i128, scale: u32) -> String {
    let neg = value < 0;
    let v = value.unsigned_abs();
    let p = 10u128.pow(scale);
    let int = v / p;
    let frac = v % p;
    let mut s = String::from(if neg { "-" } else { "" });
    s.push_str(&crate::base::digits::whole(int));
    if frac != 0 {
        let digits = crate::base::digits::whole(frac);
        s.push('.');
        s.extend(std::iter::repeat_n('0', (scale as usize).saturating_sub(digits.len())));
        s.push_str(digits.trim_end_matches('0'));
    }
    s
}

/// `a × b / d` rounded half up, exact through a 256-bit product.
/// Saturates at `u128::MAX` instead of overflowing.
pub fn mul_div_round(a: u128, b: u128, d: u128) -> u128 {
    assert!(d != 0, "division by zero");
    if let Some(p) = a.checked_mul(b) {
        let q = p / d;
        let r = p % d;
        return if r >= d - r { q.saturating_add(1) } else { q };
    }
    // 256-bit product as (hi, lo), then long division by d.
    let (hi, lo) = mul_wide(a, b);
    let (q, r) = div_wide(hi, lo, d);
    match q {
        Some(q) if r >= d - r => q.saturating_add(1),
        Some(q) => q,
        None => u128::MAX,
    }
}

fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    let mask = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & mask);
    let (b1, b0) = (b >> 64, b & mask);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 64) + (p01 & mask) + (p10 & mask);
    let lo = (p00 & mask) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
}

/// (hi·2¹²⁸ + lo) / d → (quotient if it fits in u128, remainder).
fn div_wide(hi: u128, lo: u128, d: u128) -> (Option<u128>, u128) {
    if hi >= d {
        return (None, 0);
    }
    // Bit-by-bit restoring division: 128 steps, only on the rare overflow path.
    let mut r = hi;
    let mut q: u128 = 0;
    for i in (0..128).rev() {
        let carry = r >> 127;
        r = (r << 1) | ((lo >> i) & 1);
        q <<= 1;
        if carry == 1 || r >= d {
            r = r.wrapping_sub(d);
            q |= 1;
        }
    }
    (Some(q), r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decimal_strings_are_what_core_formatting_wrote() {
        let old = |value: i128, scale: u32| {
            let (v, p) = (value.unsigned_abs(), 10u128.pow(scale));
            let (int, frac) = (v / p, v % p);
            let mut s = if value < 0 { format!("-{int}") } else { int.to_string() };
            if frac != 0 {
                s.push('.');
                s.push_str(format!("{frac:0width$}", width = scale as usize).trim_end_matches('0'));
            }
            s
        };
        let mut x: i128 = 1;
        for i in 0..4000 {
            let value = if i % 3 == 0 { -x } else { x };
            for scale in [0, 1, 2, 6, 10, 18, 20] {
                assert_eq!(decimal_string(value, scale), old(value, scale), "{value} {scale}");
            }
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407) % (1i128 << 100);
        }
    }

    #[test]
    fn rates_parse_exactly() {
        assert_eq!(Rate::usd("0.0000166667").0, 16_666_700);
        assert_eq!(Rate::usd("0.2").0, 200_000_000_000);
        assert_eq!(Rate::usd("0.00000625125").0, 6_251_250);
        assert_eq!(Rate::usd("0.0000166667").to_decimal(), "0.0000166667");
    }

    #[test]
    fn money_multiplies_exactly() {
        // 140,000 GB-s × $0.0000166667 = $2.333338 exactly (AWS mobile backend example).
        let usd = Rate::usd("0.0000166667").times(Qty::whole(140_000));
        assert_eq!(usd.to_decimal(), "2.333338");
        assert_eq!(usd.round_cents().to_decimal(), "2.33");
        assert_eq!(Usd(5_000_000_000_000_000).round_cents(), Usd::cents(1));
        assert_eq!(Usd(-5_000_000_000_000_000).round_cents(), Usd::cents(-1));
    }

    #[test]
    fn wide_multiplication_matches_narrow() {
        let a = u128::MAX / 3;
        assert_eq!(mul_div_round(a, 6, 2), u128::MAX); // saturates: exceeds u128
        assert_eq!(mul_div_round(a, 4, 8), a.div_ceil(2));
        assert_eq!(mul_div_round(1u128 << 100, 1u128 << 100, 1u128 << 90), 1u128 << 110);
    }

    proptest! {
        #[test]
        fn mul_div_agrees_with_exact(a in any::<u64>(), b in any::<u64>(), d in 1u64..) {
            let exact = (a as u128) * (b as u128);
            let got = mul_div_round(a as u128, b as u128, d as u128);
            // half-up: q + 1 when the remainder is at least half of d.
            let q = exact / d as u128;
            let r = exact % d as u128;
            let half_up = if r >= d as u128 - r { q + 1 } else { q };
            prop_assert_eq!(got, half_up);
        }

        #[test]
        fn wide_path_agrees_with_narrow(a in any::<u128>(), b in 1u128..1_000_000, d in 1u128..1_000_000_000) {
            // Compare the 256-bit path against a split computation.
            let got = mul_div_round(a, b, d);
            let (hi, lo) = mul_wide(a, b);
            let (q, r) = div_wide(hi, lo, d);
            if let Some(q) = q {
                let want = if r >= d - r { q.saturating_add(1) } else { q };
                prop_assert_eq!(got, want);
                // and q·d + r reconstructs the product when it fits
                if let Some(p) = a.checked_mul(b) { prop_assert_eq!(q * d + r, p); }
            }
        }
    }
}

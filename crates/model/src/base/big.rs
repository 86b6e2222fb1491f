//! Whole numbers of any size, for the exact decimal work of reading and
//! writing doubles (`decimal`, `digits`): multiply by small numbers and
//! powers of two, five and ten, divide by small numbers, compare.

use std::cmp::Ordering;

/// A whole number, 32 bits a word, least significant first.
#[derive(Clone, Debug)]
pub(crate) struct Big(pub(crate) Vec<u32>);

impl Big {
    pub(crate) fn from_u64(x: u64) -> Big {
        Big(vec![x as u32, (x >> 32) as u32])
    }

    pub(crate) fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(vec![0]);
        for chunk in digits.chunks(9) {
            let v = chunk.iter().fold(0u32, |v, d| v * 10 + u32::from(*d));
            b.mul_small(10u32.pow(chunk.len() as u32));
            b.add_small(v);
        }
        b
    }

    pub(crate) fn mul_small(&mut self, k: u32) {
        let mut carry = 0u64;
        for w in &mut self.0 {
            let v = u64::from(*w) * u64::from(k) + carry;
            *w = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    pub(crate) fn add_small(&mut self, k: u32) {
        let mut carry = u64::from(k);
        for w in &mut self.0 {
            let v = u64::from(*w) + carry;
            *w = v as u32;
            carry = v >> 32;
            if carry == 0 {
                return;
            }
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// Times `10^k`: `5^k`, then `k` bits left.
    pub(crate) fn mul_pow10(&mut self, k: u32) {
        self.mul_pow5(k);
        self.shl(k);
    }

    /// Times `5^k`.
    pub(crate) fn mul_pow5(&mut self, mut k: u32) {
        while k >= 13 {
            self.mul_small(1_220_703_125); // 5^13
            k -= 13;
        }
        self.mul_small(5u32.pow(k));
    }

    pub(crate) fn shl(&mut self, bits: u32) {
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for w in &mut self.0 {
                let v = (*w << bits) | carry;
                carry = *w >> (32 - bits);
                *w = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if words > 0 {
            self.0.splice(0..0, std::iter::repeat_n(0, words));
        }
    }

    pub(crate) fn cmp(&self, other: &Big) -> Ordering {
        let len = |b: &Big| b.0.iter().rposition(|w| *w != 0).map_or(0, |i| i + 1);
        let (a, b) = (len(self), len(other));
        a.cmp(&b).then_with(|| self.0[..a].iter().rev().cmp(other.0[..b].iter().rev()))
    }

    /// Divides by `d` in place; the remainder.
    pub(crate) fn divrem_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for w in self.0.iter_mut().rev() {
            let v = (rem << 32) | u64::from(*w);
            *w = (v / u64::from(d)) as u32;
            rem = v % u64::from(d);
        }
        rem as u32
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    /// Its decimal digits, most significant first (`[0]` for zero).
    pub(crate) fn digits(mut self) -> Vec<u8> {
        let mut chunks = Vec::new();
        while !self.is_zero() {
            chunks.push(self.divrem_small(1_000_000_000));
        }
        let mut out = Vec::new();
        for (k, c) in chunks.iter().rev().enumerate() {
            let text = if k == 0 { c.to_string() } else { format!("{c:09}") };
            out.extend(text.bytes().map(|b| b - b'0'));
        }
        if out.is_empty() {
            out.push(0);
        }
        out
    }
}

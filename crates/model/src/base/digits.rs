//! Writing a double as decimal text: to the character what `format!("{x}")`
//! (the shortest text that reads back) and `format!("{x:.n}")` (rounded
//! half to even at `n` decimals) write, never in exponent form. Core's own
//! float formatting is about 14 KB of code and tables in every wasm module
//! that writes a number; the first-figures modules (issue 26) write theirs
//! with this instead: exact digits from big whole numbers, the shortest
//! found by reading candidates back with [`parse_f64`](super::decimal::parse_f64).

use crate::base::big::Big;
use crate::base::decimal::{nearest, parts};

/// `n.to_string()` for a whole number: its decimal digits, written here so
/// that the modules that write exact money and counts carry no `u128`
/// formatting of core's (1.4 KB of code with its padding).
pub fn whole(n: u128) -> String {
    let mut d = Vec::new();
    let mut n = n;
    loop {
        d.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    d.reverse();
    String::from_utf8(d).unwrap_or_default()
}

/// `format!("{x}")`: the shortest decimal that reads back as `x` (the
/// nearest such when several have as few digits), without an exponent.
pub fn fmt_shortest(x: f64) -> String {
    if let Some(s) = special(x) {
        return s;
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0");
    }
    let a = x.abs();
    let (s, point) = exact(a);
    for p in 1..=s.len() {
        let (near, carried) = round(&s, p, true);
        if let Some(t) = reads_back(&near, point + carried, a) {
            return format!("{sign}{t}");
        }
        // At the bottom of a binade the doubles are twice as far apart
        // above as below: when the nearest rounded down, the candidate one
        // up may read back (the lower neighbour is never the wider side).
        let rounded_down = p < s.len() && carried == 0 && near[..] == s[..p];
        if rounded_down {
            let (up, carried) = increment(near);
            if let Some(t) = reads_back(&up, point + carried, a) {
                return format!("{sign}{t}");
            }
        }
    }
    format!("{sign}{}", layout(&s, point))
}

/// `format!("{x:.n}")`: `x` rounded half to even at `n` decimals (from its
/// exact value), a negative sign kept when it rounds to zero.
pub fn fmt_fixed(x: f64, n: usize) -> String {
    if let Some(s) = special(x) {
        return s;
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let (digits, point) = if x == 0.0 {
        (vec![0], 1)
    } else {
        let (s, point) = exact(x.abs());
        let keep = point + n as i64;
        if keep >= s.len() as i64 {
            (s, point)
        } else if keep > 0 {
            let (r, carried) = round(&s, keep as usize, false);
            (r, point + carried)
        } else if keep == 0 && (s[0] > 5 || (s[0] == 5 && s[1..].iter().any(|d| *d != 0))) {
            (vec![1], point + 1)
        } else {
            (vec![0], 1)
        }
    };
    let at = |i: i64| if i < 0 { 0 } else { digits.get(i as usize).copied().unwrap_or(0) };
    let mut out = String::from(sign);
    if point <= 0 {
        out.push('0');
    } else {
        out.extend((0..point).map(|i| char::from(b'0' + at(i))));
    }
    if n > 0 {
        out.push('.');
        out.extend((point..point + n as i64).map(|i| char::from(b'0' + at(i))));
    }
    out
}

fn special(x: f64) -> Option<String> {
    if x.is_nan() {
        Some("NaN".into())
    } else if x.is_infinite() {
        Some(if x > 0.0 { "inf" } else { "-inf" }.into())
    } else {
        None
    }
}

/// The exact decimal digits of a positive double (no leading zero) and where
/// its point is: the value is `0.d₁d₂… × 10^point`.
fn exact(a: f64) -> (Vec<u8>, i64) {
    let (m, e) = parts(a);
    let mut b = Big::from_u64(m);
    let k = if e >= 0 {
        b.shl(e as u32);
        0
    } else {
        // m / 2^-e = m × 5^-e / 10^-e
        b.mul_pow5((-e) as u32);
        e
    };
    let mut d = b.digits();
    let point = d.len() as i64 + k;
    while d.last() == Some(&0) && d.len() > 1 {
        d.pop();
    }
    (d, point)
}

/// The first `p` digits of `s` rounded to nearest (a tie up for the
/// shortest text, as core writes it; to even for a fixed number of
/// decimals), and 1 when rounding carried into a new leading digit (the
/// point moves right).
fn round(s: &[u8], p: usize, ties_up: bool) -> (Vec<u8>, i64) {
    if p >= s.len() {
        return (s.to_vec(), 0);
    }
    let mut d = s[..p].to_vec();
    let next = s[p];
    let rest = s[p + 1..].iter().any(|c| *c != 0);
    if next > 5 || (next == 5 && (rest || ties_up || d[p - 1] % 2 == 1)) {
        return increment(d);
    }
    d.truncate(p);
    (d, 0)
}

fn increment(mut d: Vec<u8>) -> (Vec<u8>, i64) {
    for i in (0..d.len()).rev() {
        if d[i] == 9 {
            d[i] = 0;
        } else {
            d[i] += 1;
            return (d, 0);
        }
    }
    d.insert(0, 1);
    d.pop();
    (d, 1)
}

/// The text of `digits` with its point when it reads back as `a`.
fn reads_back(digits: &[u8], point: i64, a: f64) -> Option<String> {
    let mut d = digits.to_vec();
    while d.last() == Some(&0) && d.len() > 1 {
        d.pop();
    }
    let back = nearest(&d, point - d.len() as i64);
    (back.to_bits() == a.to_bits()).then(|| layout(&d, point))
}

/// `0.d₁d₂… × 10^point` without an exponent.
fn layout(d: &[u8], point: i64) -> String {
    let digit = |c: &u8| char::from(b'0' + c);
    let len = d.len() as i64;
    if point <= 0 {
        let mut s = String::from("0.");
        s.extend(std::iter::repeat_n('0', (-point) as usize));
        s.extend(d.iter().map(digit));
        s
    } else if point >= len {
        let mut s: String = d.iter().map(digit).collect();
        s.extend(std::iter::repeat_n('0', (point - len) as usize));
        s
    } else {
        let mut s: String = d[..point as usize].iter().map(digit).collect();
        s.push('.');
        s.extend(d[point as usize..].iter().map(digit));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_read_as_core_writes_them() {
        for n in [0u128, 1, 9, 10, 99, 100, 12_345, u64::MAX as u128, u64::MAX as u128 + 1, u128::MAX] {
            assert_eq!(whole(n), n.to_string());
        }
        let mut n = 1u128;
        while let Some(m) = n.checked_mul(7) {
            assert_eq!(whole(m - 1), (m - 1).to_string());
            n = m;
        }
    }

    fn same(x: f64) {
        assert_eq!(fmt_shortest(x), format!("{x}"), "{x:e} ({:#x})", x.to_bits());
        for n in [0, 1, 2, 3, 6, 9, 17, 25] {
            assert_eq!(fmt_fixed(x, n), format!("{x:.n$}"), "{x:e} at {n}");
        }
    }

    #[test]
    fn known_values_write_as_core_writes_them() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.2,
            0.3,
            0.30000000000000004,
            0.5,
            1.5,
            2.5,
            -2.5,
            0.25,
            0.125,
            0.35,
            100.0,
            1e21,
            1e22,
            1e23,
            1e-7,
            123456789.125,
            37.1334,
            0.0000166667,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            f64::from_bits(0x000f_ffff_ffff_ffff),
            9007199254740993.0,
            f64::EPSILON,
            1.7976931348623157e308,
            2f64.powi(-1022),
            2f64.powi(60),
            2f64.powi(-60),
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -0.04,
            0.049999999999999996,
            999.9999999999999,
            9.5,
            0.95,
        ] {
            same(x);
        }
    }

    #[test]
    fn random_doubles_write_as_core_writes_them() {
        let mut rng = crate::base::rng::Rng::new(0x9e37_79b9_7f4a_7c15);
        let mut next = move || rng.next_u64();
        for k in 0..40_000 {
            let x = match k % 4 {
                // Any double.
                0 => f64::from_bits(next()),
                // Powers of two (the binade bottoms) and their neighbours.
                1 => f64::from_bits(((next() % 2046 + 1) << 52) + (next() % 3)).copysign(1.0) - 0.0,
                // Everyday sizes: cents, milliseconds, ratios.
                2 => (next() % 100_000_000) as f64 / [1.0, 10.0, 100.0, 1000.0, 1e4, 1e6][(next() % 6) as usize],
                _ => f64::from_bits(next() % (1 << 52)),
            };
            if x.is_finite() {
                same(x);
            }
        }
    }
}

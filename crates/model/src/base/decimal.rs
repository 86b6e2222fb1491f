//! Reading a decimal into the nearest `f64`: to the bit what
//! `str::parse::<f64>` answers (the same syntax, the same value, ties to
//! even), without core's table of 128-bit powers of five. That table is
//! 11 KB of incompressible data (10.6 KB gzipped) in every wasm module that
//! reads a number, a sixth of a first-figures module (issue 26).
//!
//! Most numbers people and links write have at most 15 significant digits
//! and a power of ten up to 22: one correctly rounded IEEE operation then
//! gives the nearest double (Clinger's fast path). The others start from an
//! estimate within a few units in the last place and step to the nearest
//! double by exact big-integer comparisons with the midpoints around it
//! (Clinger's algorithm R).

use crate::base::big::Big;
use std::cmp::Ordering;

/// `s` as a double, exactly as `s.parse::<f64>().ok()`: an optional sign,
/// then `inf`, `infinity` or `nan` (any case), or digits with an optional
/// point and an optional exponent (`e` or `E`, optional sign, digits); at
/// least one digit before the exponent; nothing else, no spaces.
pub fn parse_f64(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (neg, b) = match b {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        _ => (false, b),
    };
    let signed = |x: f64| if neg { -x } else { x };
    if b.eq_ignore_ascii_case(b"inf") || b.eq_ignore_ascii_case(b"infinity") {
        return Some(signed(f64::INFINITY));
    }
    if b.eq_ignore_ascii_case(b"nan") {
        return Some(signed(f64::NAN));
    }
    let (mut digits, mut exp10) = read_decimal(b)?;
    while digits.last() == Some(&0) {
        digits.pop();
        exp10 += 1;
    }
    if digits.is_empty() {
        return Some(signed(0.0));
    }
    // A halfway point between two doubles has at most 767 significant
    // digits: the first 800 and a nonzero digit for the rest fall between
    // the same two candidates as the whole.
    const KEEP: usize = 800;
    if digits.len() > KEEP {
        exp10 += (digits.len() - KEEP) as i64 - 1;
        digits.truncate(KEEP);
        digits.push(1);
    }
    let n = digits.len() as i64;
    if n - 1 + exp10 > 308 {
        return Some(signed(f64::INFINITY));
    }
    if n + exp10 < -324 {
        return Some(signed(0.0));
    }
    Some(signed(nearest(&digits, exp10)))
}

/// The significant digits (leading zeros dropped) and the power of ten of
/// a decimal without its sign, or `None` when it is not one.
fn read_decimal(b: &[u8]) -> Option<(Vec<u8>, i64)> {
    let mut digits = Vec::new();
    let mut exp10: i64 = 0;
    let mut any = false;
    let mut i = 0;
    let digit = |d: u8, digits: &mut Vec<u8>| {
        if !(digits.is_empty() && d == 0) {
            digits.push(d);
        }
    };
    while let Some(d) = b.get(i).filter(|c| c.is_ascii_digit()) {
        digit(d - b'0', &mut digits);
        any = true;
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(d) = b.get(i).filter(|c| c.is_ascii_digit()) {
            digit(d - b'0', &mut digits);
            exp10 -= 1;
            any = true;
            i += 1;
        }
    }
    if !any {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let neg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(d) = b.get(i).filter(|c| c.is_ascii_digit()) {
            e = (e * 10 + i64::from(d - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp10 += if neg { -e } else { e };
    }
    (i == b.len()).then_some((digits, exp10))
}

/// Powers of ten that are exact doubles.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The double nearest `digits × 10^exp10` (digits without leading or
/// trailing zeros, the value within the doubles' range give or take one).
pub(crate) fn nearest(digits: &[u8], exp10: i64) -> f64 {
    let n = digits.len() as i64;
    let leading = |k: usize| digits.iter().take(k).fold(0u64, |w, d| w * 10 + u64::from(*d));
    if n <= 15 {
        let w = leading(15);
        if (0..=22).contains(&exp10) {
            return w as f64 * POW10[exp10 as usize];
        }
        if (-22..0).contains(&exp10) {
            return w as f64 / POW10[(-exp10) as usize];
        }
        // Still exact: `w × 10^(e − 22)` below 10^15, times 10^22.
        if exp10 > 22 && n + exp10 - 22 <= 15 {
            return (w * 10u64.pow((exp10 - 22) as u32)) as f64 * POW10[22];
        }
    }
    // An estimate from the first 19 digits, a few units in the last place
    // off (one rounding per operation), then exact steps.
    let k = digits.len().min(19);
    let mut x = scale(leading(k) as f64, exp10 + (digits.len() - k) as i64);
    if x.is_infinite() {
        x = f64::MAX;
    }
    let w = Big::from_digits(digits);
    loop {
        let (m, e) = parts(x);
        // Above the midpoint with the next double: move up.
        match compare(&w, exp10, 2 * m + 1, e - 1) {
            Ordering::Greater => {
                x = next_up(x);
                if x.is_infinite() {
                    return x;
                }
                continue;
            }
            Ordering::Equal => return if m % 2 == 0 { x } else { next_up(x) },
            Ordering::Less => {}
        }
        if x == 0.0 {
            return x;
        }
        // The midpoint with the double below: half as far at the bottom of
        // a binade (but the smallest normal's neighbour is as far as above).
        let (lm, le) = if m == 1 << 52 && e > -1074 { (4 * m - 1, e - 2) } else { (2 * m - 1, e - 1) };
        match compare(&w, exp10, lm, le) {
            Ordering::Less => x = next_down(x),
            Ordering::Equal => return if m % 2 == 0 { x } else { next_down(x) },
            Ordering::Greater => return x,
        }
    }
}

/// `x × 10^e`, rounding once per operation.
fn scale(mut x: f64, mut e: i64) -> f64 {
    while e > 22 {
        x *= POW10[22];
        e -= 22;
    }
    while e < -22 {
        x /= POW10[22];
        e += 22;
    }
    if e >= 0 { x * POW10[e as usize] } else { x / POW10[(-e) as usize] }
}

/// A non-negative finite double as `m × 2^e`, `m` a whole number.
pub(crate) fn parts(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let field = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    if field == 0 { (frac, -1074) } else { (frac | 1 << 52, field - 1075) }
}

fn next_up(x: f64) -> f64 {
    f64::from_bits(x.to_bits() + 1)
}

fn next_down(x: f64) -> f64 {
    f64::from_bits(x.to_bits() - 1)
}

/// `w × 10^p` against `m × 2^q`, exactly: both sides times `10^max(−p, 0)`
/// and `2^max(−q, 0)` are whole numbers.
fn compare(w: &Big, p: i64, m: u64, q: i64) -> Ordering {
    let (a, c) = ((-p).max(0) as u32, (-q).max(0) as u32);
    let mut left = w.clone();
    left.mul_pow10(p.max(0) as u32);
    left.shl(c);
    let mut right = Big::from_u64(m);
    right.shl(q.max(0) as u32);
    right.mul_pow10(a);
    left.cmp(&right)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ours against core's, to the bit (NaN against NaN).
    fn same(s: &str) {
        let want = s.parse::<f64>().ok();
        let got = parse_f64(s);
        let bits = |x: Option<f64>| x.map(|x| if x.is_nan() { u64::MAX } else { x.to_bits() });
        assert_eq!(bits(got), bits(want), "{s:?}: ours {got:?}, core's {want:?}");
    }

    #[test]
    fn the_syntax_is_cores() {
        for s in [
            "",
            "+",
            "-",
            ".",
            "e5",
            ".e5",
            "1e",
            "1e+",
            "1e-",
            "1.2.3",
            "--1",
            "+-1",
            " 1",
            "1 ",
            "1_000",
            "0x10",
            "1,5",
            "١",
            "inf",
            "-inf",
            "+inf",
            "INF",
            "Infinity",
            "-infinity",
            "infinit",
            "nan",
            "NaN",
            "-nan",
            "nan1",
            "1.",
            ".5",
            "-.5",
            "+.5",
            "1.e3",
            "1E3",
            "1e+03",
            "1e-03",
            "00012",
            "0",
            "-0",
            "+0",
            "0.0",
            "-0.0e-9",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "0e999999",
            "12e",
            "1ee2",
            "1e2.5",
            "é",
            "1é",
        ] {
            same(s);
        }
    }

    #[test]
    fn hard_values_round_as_cores() {
        for s in [
            "0.1",
            "0.2",
            "0.30000000000000004",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324",
            "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328126e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
            "9007199254740993",
            "9007199254740992.5",
            "9007199254740993.0000000000000000000000000001",
            "1e23",
            "8.589973e9",
            "123456789012345678901234567890",
            "0.000000000000000000000000000001",
            "1e-400",
            "1e400",
            "1e308",
            "1e-308",
            "1e-320",
            "5e-324",
            "3e-324",
            "2e-324",
            "1e22",
            "1e21",
            "123456789012345e10",
            "123456789012345e-10",
            "9999999999999999999",
            "0.0000001",
            "37.1334",
            "0.0000166667",
        ] {
            same(s);
            same(&format!("-{s}"));
        }
    }

    #[test]
    fn a_quarter_million_random_decimals_read_as_cores() {
        let mut rng = crate::base::rng::Rng::new(0x2545_f491_4f6c_dd1d);
        let mut next = move || rng.next_u64();
        for _ in 0..250_000 {
            let r = next();
            let digits = 1 + (r % 40) as usize;
            let mut s = String::new();
            for k in 0..digits {
                s.push(char::from(b'0' + (next() % 10) as u8));
                if k == (r >> 8) as usize % (digits + 1) {
                    s.push('.');
                }
            }
            match (r >> 16) % 4 {
                0 => {}
                _ => s.push_str(&format!("e{}", (next() % 700) as i64 - 350)),
            }
            same(&s);
        }
        // Every double's shortest decimal and its neighbours' midpoints.
        for _ in 0..100_000 {
            let x = f64::from_bits(next() & 0x7fef_ffff_ffff_ffff);
            same(&format!("{x:e}"));
            same(&format!("{x}"));
            let (m, e) = parts(x);
            // The exact midpoint above x, written out in full when short enough.
            if (-60..=60).contains(&e) {
                let mid = (2 * m + 1) as f64 * 2f64.powi(e as i32 - 1);
                same(&format!("{mid:.70}"));
            }
        }
    }
}

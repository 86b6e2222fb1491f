//! Numbers as URLs, messages and people write them: the shortest decimal
//! that reads back (`fmt_num`), rounding, grouping, and the reader of what
//! people type (`parse_number`).

/// Shortest decimal that reads back as the same `f64` (Rust's `Display`), never
/// in exponent form, so URLs stay readable.
pub fn fmt_num(x: f64) -> String {
    if x == x.trunc() && x.abs() < 1e15 { format!("{}", x as i64) } else { crate::base::digits::fmt_shortest(x) }
}

/// `x` rounded to `digits` decimals.
pub fn round_to(x: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// `x` rounded to `digits` decimals, written as in a URL: for values a page
/// hands to another (a picked size's duration, a simulated ratio).
pub fn fmt_round(x: f64, digits: i32) -> String {
    fmt_num(round_to(x, digits))
}

/// Names for a message: all of them when few, else the first five and how
/// many more (a query with a million unknown keys must not make a message of
/// megabytes).
pub fn name_list(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let first: Vec<&str> = names.iter().take(SHOWN).map(|n| truncate_chars(n, 40)).collect();
    if names.len() <= SHOWN {
        first.join(", ")
    } else {
        ui_format!("{} and {} more", first.join(", "), names.len() - SHOWN)
    }
}

/// At most `max` characters of `s`, with "…" when cut.
fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Parses a finite decimal number as people type it: `512`, `0.25`, `3e6`,
/// `2e7`, `1_000_000`, `20,000,000`, `20 000 000` (spaces, no-break and thin
/// spaces, or apostrophes between groups of three digits), and a scale
/// suffix: `1.5k` (thousand), `20M` (million), `2B` or `2bn` (billion).
/// NaN, infinities, hex, empty strings, a lone comma decimal (`1,5`) and
/// badly grouped digits (`20,00`) are refused. Suffixes scale the decimal
/// text, not the float, so `1.1k` is exactly 1100.
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    let (body, shift) = if let Some(b) = s.strip_suffix("bn") {
        (b, 9)
    } else if let Some(b) = s.strip_suffix(['k', 'K']) {
        (b, 3)
    } else if let Some(b) = s.strip_suffix('M') {
        (b, 6)
    } else if let Some(b) = s.strip_suffix(['B', 'b']) {
        (b, 9)
    } else {
        (s, 0)
    };
    let body = ungroup(body.trim_end())?;
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')) {
        return None;
    }
    if shift > 0 && body.contains(['e', 'E']) {
        return None;
    }
    let text = if shift > 0 { format!("{body}e{shift}") } else { body };
    crate::base::decimal::parse_f64(&text).filter(|x| x.is_finite())
}

/// The digits of `s` without its group separators, or `None` when they are
/// not in groups of three (the separator may be `,`, `'`, a space, a no-break
/// or thin space, or `_` anywhere as in Rust).
fn ungroup(s: &str) -> Option<String> {
    let s: String = s.chars().filter(|c| *c != '_').collect();
    const SEPARATORS: [char; 5] = [',', '\'', ' ', '\u{a0}', '\u{202f}'];
    if !s.contains(SEPARATORS) {
        return Some(s);
    }
    let (sign, rest) = match (s.strip_prefix('-'), s.strip_prefix('+')) {
        (Some(r), _) => ("-", r),
        (None, Some(r)) => ("", r),
        _ => ("", s.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let sep = int.chars().find(|c| SEPARATORS.contains(c))?;
    let groups: Vec<&str> = int.split(sep).collect();
    let digits = |g: &str| g.chars().all(|c| c.is_ascii_digit());
    let ok = groups.iter().all(|g| digits(g))
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && frac.is_none_or(|f| !f.is_empty() && digits(f));
    ok.then(|| format!("{sign}{}{}", groups.concat(), frac.map(|f| format!(".{f}")).unwrap_or_default()))
}

/// A run of digits with thousands separators: `1000000` → `1,000,000`.
pub fn group_digits(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A whole number with thousands separators, for messages: `1,000,000`.
pub fn grouped(x: i64) -> String {
    let out = group_digits(&x.unsigned_abs().to_string());
    if x < 0 { format!("-{out}") } else { out }
}

/// A number for messages: whole numbers grouped, others as in URLs.
pub fn fmt_grouped(x: f64) -> String {
    if x == x.trunc() && x.abs() < 1e15 { grouped(x as i64) } else { fmt_num(x) }
}

/// The distinct values of `xs` in ascending order by `cmp` (the memory sizes
/// of a list of measurements or candidates: a few dozen, often repeated).
/// Each value goes into its place by binary search, so this brings none of
/// core's sorting machinery (about 8 KB of the first-figures modules).
pub fn distinct_sorted<T: Copy>(xs: impl IntoIterator<Item = T>, cmp: impl Fn(&T, &T) -> std::cmp::Ordering) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for x in xs {
        if let Err(at) = out.binary_search_by(|y| cmp(y, &x)) {
            out.insert(at, x);
        }
    }
    out
}

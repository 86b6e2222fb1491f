//! The URL query: pairs, percent coding, and reading a query into values.

use super::*;

/// The query version this build writes.
pub const QUERY_VERSION: u32 = 4;

/// Keys that belong to the page around a calculator (theme, embed options,
/// lesson step), not to its parameters. The codec passes over them quietly.
pub const PRESENTATION_KEYS: &[&str] =
    &["v", "theme", "show", "hide", "lock", "inputs", "lang", "embed", "step", "unit", "view", "set"];

/// Whether a key is one that newsletters, social sites and ad networks add to
/// any link they carry (`utm_source`, `fbclid`, …): not the calculator's and
/// not a mistake of the person who wrote the link, so it is passed over
/// quietly, like a presentation key, instead of being reported as unknown.
pub fn is_tracking_key(key: &str) -> bool {
    const KEYS: &[&str] = &[
        "fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url",
    ];
    key.starts_with("utm_") || KEYS.contains(&key)
}

/// What reading a query produced: the values (bad entries keep their default),
/// and what was wrong, so the page can say it and still show a result.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub values: Values,
    pub errors: Vec<ParamError>,
    /// Keys that are neither parameters nor presentation keys.
    pub unknown: Vec<String>,
    /// Function-profile keys this calculator has no parameter for (another
    /// calculator's), kept for its links and hand-offs.
    pub carried: Vec<(String, String)>,
    pub version: u32,
}

/// Reads a query string (with or without a leading `?`) into values. A key
/// that is not a parameter of `specs` is kept in [`Decoded::carried`] when
/// `carry` says so (the function profile's keys, which the calculators layer
/// knows), else listed as unknown unless it is a presentation key. The
/// migrations of `calculator` (its name in the registry) bring an older
/// query up to today's version.
pub fn decode_with(
    specs: &'static [ParamSpec],
    calculator: &str,
    query: &str,
    carry: impl Fn(&str) -> bool,
) -> Decoded {
    let mut pairs = parse_pairs(query);
    let mut errors = Vec::new();
    let version = match pairs.iter().find(|(k, _)| k == "v") {
        None => QUERY_VERSION,
        Some((_, v)) => match v.trim().parse::<u32>() {
            Ok(n) if (1..=QUERY_VERSION).contains(&n) => n,
            _ => {
                errors.push(ParamError {
                    param: "v".into(),
                    given: v.clone(),
                    message: ui_format!(
                        "Link version (v): \u{201c}{v}\u{201d} is not one this page knows; use 1 to {QUERY_VERSION}. Read as version {QUERY_VERSION}."
                    ),
                });
                QUERY_VERSION
            }
        },
    };
    migrate(specs, calculator, &mut pairs, version);
    let mut values = Values::defaults(specs);
    let mut unknown = Vec::new();
    let mut carried = Vec::new();
    for (k, v) in pairs {
        if values.spec(&k).is_some() {
            if let Err(e) = values.set(&k, &v) {
                errors.push(e);
            }
        } else if carry(&k) {
            carried.push((k, v));
        } else if !PRESENTATION_KEYS.contains(&k.as_str()) && !is_tracking_key(&k) {
            unknown.push(k);
        }
    }
    Decoded { values, errors, unknown, carried, version }
}

/// Splits `a=1&b=x%20y` into decoded pairs. Empty keys are dropped; a key with
/// no `=` gets an empty value. Never fails.
pub fn parse_pairs(query: &str) -> Vec<(String, String)> {
    let q = query.strip_prefix('?').unwrap_or(query);
    q.split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let k = percent_decode(k);
            (!k.is_empty()).then(|| (k, percent_decode(v)))
        })
        .collect()
}

/// Decodes `%XX` escapes and `+` as space. Bad escapes stay as written; bytes
/// that are not UTF-8 become U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    crate::base::lines::utf8_lossy(out)
}

/// Encodes everything but unreserved characters, `,` and `:` (kept readable
/// in candidate and point lists).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',' | b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

//! The scenario codec: named parameters in, named metrics out.
//!
//! A calculator is described by a table of [`ParamSpec`]s. The same table drives
//! every surface that names a parameter:
//! - the URL query (the public embed API, versioned with `v=`),
//! - the JSON export/import,
//! - the CLI flags (`--memory-mb` for `memory_mb`),
//! - the labels and validation messages in the page.
//!
//! Query versions: `v=3` is the current version. A query with no `v` is read as
//! the current version: every link the site has ever written carries its `v`
//! (since `v=1`), so an address without one was typed or trimmed by a person
//! and means today's defaults. Each version fixes its defaults: when a later version changes a
//! default or renames a key, a migration in [`MIGRATIONS`] rewrites the older
//! query into the new vocabulary, so an embed written years ago keeps meaning
//! exactly what it meant. Version 2 (2026-12-03): the power explorer applies
//! the free tier by default, as the cost page always has. Version 3
//! (2026-12-03): the traffic simulator reports the steady state, with the
//! start-up (`warmup_s`) on its own line. Version 4 (2026-12-06): the
//! simulator's run length is automatic by default (`sim_seconds=0`: a day,
//! or long enough to see an environment's lifetime), where it was an hour;
//! Managed Instances price their on-demand comparison on the workload's own
//! architecture (`arch`), where they used the instance's.

use serde::Serialize;
use std::fmt;

/// The query version this build writes.
pub const QUERY_VERSION: u32 = 4;

/// Keys that belong to the page around a calculator (theme, embed options,
/// lesson step), not to its parameters. The codec passes over them quietly.
pub const PRESENTATION_KEYS: &[&str] =
    &["v", "theme", "show", "hide", "lock", "inputs", "lang", "embed", "step", "unit", "view", "set"];

/// What values a parameter accepts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A whole number in `min..=max`.
    Int { min: i64, max: i64 },
    /// A finite decimal number in `min..=max`.
    Num { min: f64, max: f64 },
    /// `true` or `false` (also `1`/`0`, `yes`/`no`, `on`/`off`).
    Bool,
    /// One of a fixed set of names.
    Choice(&'static [&'static str]),
    /// A calendar date, `YYYY-MM-DD`. An empty default means "today", which the
    /// caller supplies (the engine never reads a clock).
    Date,
    /// A comma-separated list of whole numbers, each in `min..=max`.
    IntList { min: i64, max: i64 },
    /// A comma-separated list of `x:y` pairs (measured points), x a whole
    /// number in `min_x..=max_x`, y a positive number up to `max_y`; may be empty.
    PairList { min_x: i64, max_x: i64, max_y: f64 },
    /// Free text of at most `max_len` characters (e.g. a Power Tuning link).
    Text { max_len: usize },
}

/// What a person reads for one of a choice's values (the value itself is the
/// URL's, the JSON's and the CLI's): "API Gateway HTTP API" for `http_api`,
/// "eu-west-1 · Europe (Ireland)" for a region. Values without a better name
/// are shown as they are (runtime ids such as `nodejs22.x` are AWS's own).
pub fn choice_label(param: &str, value: &str) -> String {
    let named = match (param, value) {
        ("front_door", "none") => "None (invoked directly or by an event)",
        ("front_door", "function_url") => "Function URL",
        ("front_door", "http_api") => "API Gateway HTTP API",
        ("front_door", "rest_api") => "API Gateway REST API",
        ("front_door", "alb") => "Application Load Balancer",
        ("rest_cache_gb", "0") => "No cache",
        ("package", "zip") => "Zip archive",
        ("package", "image") => "Container image",
        ("arrival", "poisson") => "Random (Poisson)",
        ("arrival", "diurnal") => "Daily cycle",
        ("arrival", "bursty") => "Periodic bursts",
        ("arrival", "constant") => "Steady (±10 %)",
        ("arrival", "trace") => "Your timestamps",
        ("duration_dist", "const") => "Constant",
        ("duration_dist", "exp") => "Exponential",
        ("duration_dist", "lognormal") => "Lognormal",
        ("routing", "mru") => "Newest idle first (MRU)",
        ("routing", "lru") => "Oldest idle first (LRU)",
        ("routing", "random") => "Random",
        ("scaling", "2023") => "2023 rules",
        ("scaling", "legacy") => "Legacy rules",
        ("strategy", "cost") => "Cheapest (cost)",
        ("strategy", "speed") => "Fastest (speed)",
        ("strategy", "balanced") => "Balanced",
        ("runtime", "none") => "None (fixed cold-start time)",
        _ => "",
    };
    if !named.is_empty() {
        return named.to_string();
    }
    match param {
        "rest_cache_gb" => format!("{value} GB"),
        "region" => match crate::prices::region(value) {
            Some(r) => format!("{value} \u{b7} {}", r.name),
            None => value.to_string(),
        },
        _ => value.to_string(),
    }
}

/// One named parameter of a calculator.
#[derive(Clone, Copy, Debug)]
pub struct ParamSpec {
    pub name: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    /// The version-1 default, written as it would appear in a URL.
    pub default: &'static str,
    pub unit: &'static str,
    pub help: &'static str,
}

/// `name`, when `specs` has a parameter of that name. Called in a `const`
/// block by [`param!`](crate::param), so a misspelt name is a compile error,
/// not a panic in a visitor's browser.
pub const fn checked(specs: &[ParamSpec], name: &'static str) -> &'static str {
    let mut i = 0;
    while i < specs.len() {
        if same(specs[i].name, name) {
            return name;
        }
        i += 1;
    }
    panic!("no parameter of this name in this calculator's table");
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A parameter name checked at compile time against a table:
/// `v.num(param!(COST_PARAMS, "memory_mb"))`. A name the table lacks does
/// not compile.
#[macro_export]
macro_rules! param {
    ($specs:expr, $name:literal) => {
        const { $crate::scenario::checked($specs, $name) }
    };
}

/// A parsed parameter value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Num(f64),
    Text(String),
    List(Vec<i64>),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Num(x) => write!(f, "{}", fmt_num(*x)),
            Value::Text(s) => f.write_str(s),
            Value::List(v) => {
                let parts: Vec<String> = v.iter().map(i64::to_string).collect();
                f.write_str(&parts.join(","))
            }
        }
    }
}

/// Shortest decimal that reads back as the same `f64` (Rust's `Display`), never
/// in exponent form, so URLs stay readable.
pub fn fmt_num(x: f64) -> String {
    if x == x.trunc() && x.abs() < 1e15 { format!("{}", x as i64) } else { format!("{x}") }
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
        format!("{} and {} more", first.join(", "), names.len() - SHOWN)
    }
}

/// At most `max` characters of `s`, with "…" when cut.
fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// A parameter that could not be read, with a message naming what is valid.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParamError {
    pub param: String,
    pub given: String,
    pub message: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParamError {}

impl ParamSpec {
    /// The valid values, in words, for messages.
    pub fn valid_range(&self) -> String {
        match self.kind {
            Kind::Int { min, max } => format!("a whole number from {} to {}", grouped(min), grouped(max)),
            Kind::Num { min, max } => format!("a number from {} to {}", fmt_grouped(min), fmt_grouped(max)),
            Kind::Bool => "true or false".to_string(),
            Kind::Choice(names) => format!("one of {}", names.join(", ")),
            Kind::Date => "a date as YYYY-MM-DD, from 2020-01-01 to 2100-12-31".to_string(),
            Kind::IntList { min, max } => {
                format!("a comma-separated list of whole numbers from {} to {}", grouped(min), grouped(max))
            }
            Kind::PairList { min_x, max_x, max_y } if self.unit == "MB:CV" => format!(
                "a comma-separated list of memory:CV pairs such as 128:0.05,1024:0.2 (memory {min_x} to {max_x}, CV above 0 and at most {})",
                fmt_num(max_y)
            ),
            Kind::PairList { min_x, max_x, max_y } => format!(
                "a comma-separated list of memory:duration pairs such as 128:2400,1024:300 (memory {min_x} to {max_x}, duration above 0 and at most {})",
                fmt_num(max_y)
            ),
            Kind::Text { max_len } => format!("text of at most {max_len} characters"),
        }
    }

    /// Text that is no number, or a number too large for any field ("1e400",
    /// which is out of range rather than not a number).
    fn not_a_number(&self, given: &str) -> ParamError {
        let huge = given.trim().parse::<f64>().is_ok_and(f64::is_infinite);
        self.error(given, if huge { "out of range" } else { "not a number" })
    }

    fn error(&self, given: &str, why: &str) -> ParamError {
        let shown: String = given.chars().take(40).collect();
        ParamError {
            param: self.name.to_string(),
            given: given.to_string(),
            message: format!(
                "{} ({}): {why} \u{201c}{shown}\u{201d}; use {}.",
                self.label,
                self.name,
                self.valid_range()
            ),
        }
    }

    /// Reads one raw value (already percent-decoded).
    pub fn parse(&self, raw: &str) -> Result<Value, ParamError> {
        let s = raw.trim();
        match self.kind {
            Kind::Int { min, max } => {
                let x = parse_number(s).ok_or_else(|| self.not_a_number(raw))?;
                if x.fract() != 0.0 {
                    return Err(self.error(raw, "not a whole number"));
                }
                if x < min as f64 || x > max as f64 {
                    return Err(self.error(raw, "out of range"));
                }
                Ok(Value::Int(x as i64))
            }
            Kind::Num { min, max } => {
                let x = parse_number(s).ok_or_else(|| self.not_a_number(raw))?;
                if x < min || x > max {
                    return Err(self.error(raw, "out of range"));
                }
                Ok(Value::Num(x))
            }
            Kind::Bool => match s.to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" | "on" => Ok(Value::Bool(true)),
                "false" | "0" | "no" | "off" => Ok(Value::Bool(false)),
                _ => Err(self.error(raw, "not true or false")),
            },
            Kind::Choice(names) => names
                .iter()
                .find(|n| n.eq_ignore_ascii_case(s))
                .map(|n| Value::Text((*n).to_string()))
                .ok_or_else(|| self.error(raw, "unknown value")),
            Kind::Date => {
                if s.is_empty() {
                    return Ok(Value::Text(String::new()));
                }
                Date::parse(s).map(|d| Value::Text(d.to_string())).ok_or_else(|| self.error(raw, "not a valid date"))
            }
            Kind::IntList { min, max } => {
                let mut out = Vec::new();
                for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    let x = parse_number(part).ok_or_else(|| self.error(raw, "not a number list"))?;
                    if x.fract() != 0.0 || x < min as f64 || x > max as f64 {
                        return Err(self.error(raw, "has a value out of range in"));
                    }
                    out.push(x as i64);
                }
                if out.is_empty() || out.len() > 64 {
                    return Err(self.error(raw, "needs 1 to 64 values, got"));
                }
                Ok(Value::List(out))
            }
            Kind::PairList { min_x, max_x, max_y } => {
                let mut parts = Vec::new();
                for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    let (x, y) =
                        part.split_once(':').ok_or_else(|| self.error(raw, "has a pair without a colon in"))?;
                    let x =
                        parse_number(x.trim()).filter(|x| x.fract() == 0.0 && *x >= min_x as f64 && *x <= max_x as f64);
                    let y = parse_number(y.trim()).filter(|y| *y > 0.0 && *y <= max_y);
                    match (x, y) {
                        (Some(x), Some(y)) => parts.push(format!("{}:{}", x as i64, fmt_num(y))),
                        _ => return Err(self.error(raw, "has a value out of range in")),
                    }
                }
                if parts.len() > 200 {
                    return Err(self.error(raw, "has more than 200 pairs in"));
                }
                Ok(Value::Text(parts.join(",")))
            }
            Kind::Text { max_len } => {
                if s.chars().count() > max_len {
                    return Err(self.error(raw, "is too long:"));
                }
                Ok(Value::Text(s.to_string()))
            }
        }
    }

    /// The default value, parsed. Defaults are checked by a test, so this
    /// never fails for a table in this crate.
    pub fn default_value(&self) -> Value {
        self.parse(self.default).unwrap_or(Value::Text(String::new()))
    }

    /// The CLI flag for this parameter: `memory_mb` → `--memory-mb`.
    pub fn flag(&self) -> String {
        format!("--{}", self.name.replace('_', "-"))
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
    text.parse::<f64>().ok().filter(|x| x.is_finite())
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

/// A whole number with thousands separators, for messages: `1,000,000`.
pub fn grouped(x: i64) -> String {
    let digits = x.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if x < 0 { format!("-{out}") } else { out }
}

/// A number for messages: whole numbers grouped, others as in URLs.
pub fn fmt_grouped(x: f64) -> String {
    if x == x.trunc() && x.abs() < 1e15 { grouped(x as i64) } else { fmt_num(x) }
}

/// A plain calendar date (proleptic Gregorian), enough for billing switches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub const fn new(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// `YYYY-MM-DD`, years 2020 to 2100.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.split('-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let year: u16 = y.parse().ok()?;
        let month: u8 = m.parse().ok()?;
        let day: u8 = d.parse().ok()?;
        if !(2020..=2100).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if day == 0 || day > days[month as usize - 1] {
            return None;
        }
        Some(Date { year, month, day })
    }
}

impl Date {
    /// The civil date of a day count since 1970-01-01 (Howard Hinnant's
    /// algorithm). The engine never reads a clock; callers pass the days.
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A full set of parameter values for one calculator, in table order.
#[derive(Clone, Debug)]
pub struct Values {
    specs: &'static [ParamSpec],
    vals: Vec<Value>,
}

impl PartialEq for Values {
    /// Same parameter names, same values.
    fn eq(&self, other: &Values) -> bool {
        self.specs.len() == other.specs.len()
            && self.specs.iter().zip(other.specs).all(|(a, b)| a.name == b.name)
            && self.vals == other.vals
    }
}

impl Values {
    /// Every parameter at its default.
    pub fn defaults(specs: &'static [ParamSpec]) -> Values {
        Values { specs, vals: specs.iter().map(ParamSpec::default_value).collect() }
    }

    pub fn specs(&self) -> &'static [ParamSpec] {
        self.specs
    }

    pub fn spec(&self, name: &str) -> Option<&'static ParamSpec> {
        self.specs.iter().find(|s| s.name == name)
    }

    fn index(&self, name: &str) -> usize {
        self.specs.iter().position(|s| s.name == name).unwrap_or_else(|| panic!("no parameter named {name}"))
    }

    pub fn get(&self, name: &str) -> &Value {
        &self.vals[self.index(name)]
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static ParamSpec, &Value)> {
        self.specs.iter().zip(self.vals.iter())
    }

    /// Sets a parameter from its raw text. On error nothing changes.
    pub fn set(&mut self, name: &str, raw: &str) -> Result<(), ParamError> {
        let Some(i) = self.specs.iter().position(|s| s.name == name) else {
            return Err(ParamError {
                param: name.to_string(),
                given: raw.to_string(),
                message: format!(
                    "unknown parameter \u{201c}{name}\u{201d}; known: {}",
                    self.specs.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
                ),
            });
        };
        self.vals[i] = self.specs[i].parse(raw)?;
        Ok(())
    }

    pub fn int(&self, name: &str) -> i64 {
        match self.get(name) {
            Value::Int(i) => *i,
            Value::Num(x) => *x as i64,
            other => panic!("{name} is not a number: {other}"),
        }
    }

    pub fn num(&self, name: &str) -> f64 {
        match self.get(name) {
            Value::Int(i) => *i as f64,
            Value::Num(x) => *x,
            other => panic!("{name} is not a number: {other}"),
        }
    }

    pub fn flag(&self, name: &str) -> bool {
        matches!(self.get(name), Value::Bool(true))
    }

    pub fn text(&self, name: &str) -> &str {
        match self.get(name) {
            Value::Text(s) => s,
            other => panic!("{name} is not text: {other}"),
        }
    }

    pub fn list(&self, name: &str) -> &[i64] {
        match self.get(name) {
            Value::List(v) => v,
            other => panic!("{name} is not a list: {other}"),
        }
    }

    /// The query string for these values: `v=3` and every parameter that
    /// differs from its default, in table order.
    pub fn to_query(&self) -> String {
        let mut out = format!("v={QUERY_VERSION}");
        for (spec, val) in self.iter() {
            if *val != spec.default_value() {
                out.push('&');
                out.push_str(spec.name);
                out.push('=');
                out.push_str(&percent_encode(&val.to_string()));
            }
        }
        out
    }

    /// Every parameter as `(name, text)`, for JSON export and the CLI.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        self.iter().map(|(s, v)| (s.name, v.to_string())).collect()
    }
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

/// A key rename or default change between two query versions.
pub struct Migration {
    /// Queries of this version are rewritten by `apply` into version `from + 1`.
    pub from: u32,
    /// Rewrites one calculator's pairs (its table says which calculator).
    pub apply: fn(&'static [ParamSpec], &mut Vec<(String, String)>),
}

/// Version-to-version rewrites, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration { from: 1, apply: free_tier_everywhere },
    Migration { from: 2, apply: start_up_counted },
    Migration { from: 3, apply: an_hour_simulated },
];

/// 1 → 2: the power explorer's free tier went from off to on by default (one
/// free-tier default on every page). A version-1 power query that did not say
/// keeps it off. (The power explorer is the table with a `strategy`.)
fn free_tier_everywhere(specs: &'static [ParamSpec], pairs: &mut Vec<(String, String)>) {
    let power = specs.iter().any(|s| s.name == "strategy") && specs.iter().any(|s| s.name == "free_tier");
    if power && !pairs.iter().any(|(k, _)| k == "free_tier") {
        pairs.push(("free_tier".into(), "false".into()));
    }
}

/// 2 → 3: the traffic simulator leaves its start-up (the first `warmup_s`,
/// an empty fleet filling) out of its figures. An older traffic query that
/// did not say counts it in, as it did. (The simulator is the table with a
/// `warmup_s`.)
fn start_up_counted(specs: &'static [ParamSpec], pairs: &mut Vec<(String, String)>) {
    let traffic = specs.iter().any(|s| s.name == "warmup_s");
    if traffic && !pairs.iter().any(|(k, _)| k == "warmup_s") {
        pairs.push(("warmup_s".into(), "0".into()));
    }
}

/// 3 → 4: the traffic simulator's run length became automatic (a day, or
/// long enough for lifetime recycling), where it was an hour, which never
/// saw an environment reach its two-hour lifetime. An older traffic query
/// that did not say simulates the hour it did.
///
/// The Managed Instances calculator gained `arch` (the on-demand functions'
/// own architecture) where it priced them on the instance's: an older query
/// that did not say keeps the instance's. (It is the table with an
/// `instance_type`; Graviton families end in `g`.)
fn an_hour_simulated(specs: &'static [ParamSpec], pairs: &mut Vec<(String, String)>) {
    let has = |pairs: &Vec<(String, String)>, key: &str| pairs.iter().any(|(k, _)| k == key);
    if specs.iter().any(|s| s.name == "warmup_s") && !has(pairs, "sim_seconds") {
        pairs.push(("sim_seconds".into(), "3600".into()));
    }
    if let Some(spec) = specs.iter().find(|s| s.name == "instance_type")
        && !has(pairs, "arch")
    {
        let instance = pairs.iter().rev().find(|(k, _)| k == "instance_type").map_or(spec.default, |(_, v)| v.as_str());
        let graviton = instance.split('.').next().is_some_and(|f| f.ends_with('g'));
        pairs.push(("arch".into(), if graviton { "arm64" } else { "x86_64" }.into()));
    }
}

/// Reads a query string (with or without a leading `?`) into values.
pub fn decode_query(specs: &'static [ParamSpec], query: &str) -> Decoded {
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
                    message: format!(
                        "Link version (v): \u{201c}{v}\u{201d} is not one this page knows; use 1 to {QUERY_VERSION}. Read as version {QUERY_VERSION}."
                    ),
                });
                QUERY_VERSION
            }
        },
    };
    migrate(specs, &mut pairs, version);
    let mut values = Values::defaults(specs);
    let mut unknown = Vec::new();
    let mut carried = Vec::new();
    for (k, v) in pairs {
        if values.spec(&k).is_some() {
            if let Err(e) = values.set(&k, &v) {
                errors.push(e);
            }
        } else if crate::profile::is_profile_key(&k) {
            carried.push((k, v));
        } else if !PRESENTATION_KEYS.contains(&k.as_str()) {
            unknown.push(k);
        }
    }
    Decoded { values, errors, unknown, carried, version }
}

/// Applies every migration from `version` up to the current one.
pub fn migrate(specs: &'static [ParamSpec], pairs: &mut Vec<(String, String)>, version: u32) {
    for m in MIGRATIONS.iter().filter(|m| m.from >= version) {
        (m.apply)(specs, pairs);
    }
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
    String::from_utf8_lossy(&out).into_owned()
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

#[cfg(test)]
mod tests {
    use super::*;

    const SPECS: &[ParamSpec] = &[
        ParamSpec {
            name: "memory_mb",
            label: "Memory",
            kind: Kind::Int { min: 128, max: 10240 },
            default: "1024",
            unit: "MB",
            help: "",
        },
        ParamSpec {
            name: "ratio",
            label: "Ratio",
            kind: Kind::Num { min: 0.0, max: 1.0 },
            default: "0",
            unit: "",
            help: "",
        },
        ParamSpec {
            name: "arch",
            label: "Architecture",
            kind: Kind::Choice(&["x86_64", "arm64"]),
            default: "x86_64",
            unit: "",
            help: "",
        },
        ParamSpec { name: "on", label: "On", kind: Kind::Bool, default: "true", unit: "", help: "" },
        ParamSpec { name: "day", label: "Day", kind: Kind::Date, default: "", unit: "", help: "" },
        ParamSpec {
            name: "sizes",
            label: "Sizes",
            kind: Kind::IntList { min: 128, max: 10240 },
            default: "128,256",
            unit: "MB",
            help: "",
        },
    ];

    #[test]
    fn defaults_parse() {
        for s in SPECS {
            assert_eq!(s.parse(s.default).unwrap(), s.default_value());
        }
    }

    /// A whole-number parameter with a large range, as the cost page's requests.
    const REQUESTS: ParamSpec = ParamSpec {
        name: "requests",
        label: "Requests",
        kind: Kind::Int { min: 0, max: 1_000_000_000_000 },
        default: "0",
        unit: "",
        help: "",
    };

    #[test]
    fn default_values_write_only_the_version() {
        assert_eq!(Values::defaults(SPECS).to_query(), "v=4");
    }

    #[test]
    fn a_number_too_large_is_out_of_range_not_not_a_number() {
        let spec = REQUESTS;
        for big in ["1e30", "1e400", "99999999999999999999999999"] {
            let e = spec.parse(big).unwrap_err();
            assert!(e.message.contains("out of range"), "{big}: {}", e.message);
        }
        assert!(spec.parse("2s").unwrap_err().message.contains("not a number"));
    }

    #[test]
    fn query_round_trips() {
        let mut v = Values::defaults(SPECS);
        v.set("memory_mb", "512").unwrap();
        v.set("ratio", "0.25").unwrap();
        v.set("arch", "ARM64").unwrap();
        v.set("on", "no").unwrap();
        v.set("day", "2025-08-01").unwrap();
        v.set("sizes", "128, 512,1024").unwrap();
        let q = v.to_query();
        assert_eq!(q, "v=4&memory_mb=512&ratio=0.25&arch=arm64&on=false&day=2025-08-01&sizes=128,512,1024");
        let d = decode_query(SPECS, &format!("?{q}"));
        assert_eq!(d.values, v);
        assert!(d.errors.is_empty() && d.unknown.is_empty());
    }

    #[test]
    fn bad_values_keep_defaults_and_name_the_valid_range() {
        let d =
            decode_query(SPECS, "memory_mb=NaN&ratio=-1&arch=sparc&on=maybe&day=2025-02-30&sizes=1,2&x=1&theme=dark");
        assert_eq!(d.values, Values::defaults(SPECS));
        assert_eq!(d.errors.len(), 6);
        assert!(d.errors[0].message.contains("from 128 to 10,240"), "{}", d.errors[0].message);
        assert!(d.errors[2].message.contains("one of x86_64, arm64"));
        assert_eq!(d.unknown, vec!["x".to_string()]);
    }

    #[test]
    fn numbers_refuse_nan_infinity_and_garbage() {
        for bad in ["NaN", "inf", "-inf", "", "0x10", "1,5", "12abc", "1e999"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
        assert_eq!(parse_number("3e6"), Some(3e6));
        assert_eq!(parse_number("1_000"), Some(1000.0));
    }

    #[test]
    fn numbers_as_people_type_them() {
        for (text, want) in [
            ("20,000,000", 20_000_000.0),
            ("20 000 000", 20_000_000.0),
            ("20\u{a0}000\u{a0}000", 20_000_000.0),
            ("20\u{202f}000", 20_000.0),
            ("1'234'567.5", 1_234_567.5),
            ("20M", 20_000_000.0),
            ("20 M", 20_000_000.0),
            ("1.5k", 1500.0),
            ("1.1k", 1100.0),
            ("2K", 2000.0),
            ("2e7", 2e7),
            ("2bn", 2e9),
            ("3B", 3e9),
            ("-1,000", -1000.0),
            ("1,000.25", 1000.25),
            (" 512 ", 512.0),
        ] {
            assert_eq!(parse_number(text), Some(want), "{text}");
        }
        for bad in [
            "1,5", "20,00", "2,0000", ",000", "1,,000", "1, 000", "1e3k", "k", "M", "20m", "1.5.5k", "1,000.", "--5",
            "1,000,5", "12 34",
        ] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn ranges_read_with_separators() {
        assert_eq!(grouped(1_000_000_000_000), "1,000,000,000,000");
        assert_eq!(grouped(-1234), "-1,234");
        assert_eq!(grouped(999), "999");
        assert_eq!(fmt_grouped(900_000.0), "900,000");
        assert_eq!(fmt_grouped(0.001), "0.001");
        let spec = REQUESTS;
        assert!(spec.valid_range().contains("from 0 to 1,000,000,000,000"), "{}", spec.valid_range());
        // Typed forms are read; the value (and so the URL) is plain digits.
        assert_eq!(spec.parse("20,000,000").unwrap(), Value::Int(20_000_000));
        assert_eq!(spec.parse("20M").unwrap().to_string(), "20000000");
    }

    #[test]
    fn future_versions_are_reported_and_read_as_current() {
        let d = decode_query(SPECS, "v=99&memory_mb=256");
        assert_eq!(d.version, QUERY_VERSION);
        assert_eq!(d.values.int("memory_mb"), 256);
        assert_eq!(d.errors.len(), 1);
    }

    #[test]
    fn percent_coding_is_lossless() {
        let s = "a b&c=d%e+f/ü";
        assert_eq!(percent_decode(&percent_encode(s)), s);
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%"), "%");
    }

    #[test]
    fn pair_lists_are_checked_and_canonical() {
        let spec = ParamSpec {
            name: "points",
            label: "Points",
            kind: Kind::PairList { min_x: 128, max_x: 10240, max_y: 900_000.0 },
            default: "",
            unit: "",
            help: "",
        };
        assert_eq!(spec.parse(" 128 : 2400.0, 1024:300 ").unwrap(), Value::Text("128:2400,1024:300".into()));
        assert_eq!(spec.parse("").unwrap(), Value::Text(String::new()));
        for bad in ["128", "64:100", "128:-1", "128:NaN", "a:b", "128:1e99"] {
            assert!(spec.parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn flags_follow_the_names() {
        assert_eq!(SPECS[0].flag(), "--memory-mb");
    }

    #[test]
    fn unix_days_become_civil_dates() {
        assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1));
        assert_eq!(Date::from_unix_days(20_300), Date::new(2025, 7, 31));
        assert_eq!(Date::from_unix_days(20_415), Date::new(2025, 11, 23));
    }

    #[test]
    fn dates_check_the_calendar() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2025-02-29").is_none());
        assert!(Date::parse("2025-8-01").is_none());
        assert!(Date::new(2025, 7, 31) < Date::new(2025, 8, 1));
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_query_decodes_without_panic(q in ".{0,200}") {
                let _ = decode_query(SPECS, &q);
            }

            #[test]
            fn encoded_values_decode_to_themselves(
                mem in 128i64..=10240, ratio in 0.0f64..=1.0, arm in any::<bool>(), on in any::<bool>(),
                sizes in proptest::collection::vec(128i64..=10240, 1..10)
            ) {
                let mut v = Values::defaults(SPECS);
                v.set("memory_mb", &mem.to_string()).unwrap();
                v.set("ratio", &ratio.to_string()).unwrap();
                v.set("arch", if arm { "arm64" } else { "x86_64" }).unwrap();
                v.set("on", &on.to_string()).unwrap();
                v.set("sizes", &sizes.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(",")).unwrap();
                let d = decode_query(SPECS, &v.to_query());
                prop_assert!(d.errors.is_empty());
                prop_assert_eq!(d.values, v);
            }

            #[test]
            fn percent_round_trip(s in ".{0,64}") {
                prop_assert_eq!(percent_decode(&percent_encode(&s)), s);
            }
        }
    }
}

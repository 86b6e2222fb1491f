//! What a parameter is: its name, kind, default and the message for a
//! value it refuses.

use super::*;

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

/// Whether two strings are equal, in a `const` context.
pub const fn same(a: &str, b: &str) -> bool {
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
        const { $crate::params::checked($specs, $name) }
    };
}

/// A parameter that could not be read, with a message naming what is valid.
#[derive(Clone, Debug, PartialEq)]
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
            Kind::Int { min, max } => ui_format!("a whole number from {} to {}", grouped(min), grouped(max)),
            Kind::Num { min, max } => ui_format!("a number from {} to {}", fmt_grouped(min), fmt_grouped(max)),
            Kind::Bool => "true or false".to_string(),
            Kind::Choice(names) => ui_format!("one of {}", names.join(", ")),
            Kind::Date => "a date as YYYY-MM-DD, from 2020-01-01 to 2100-12-31".to_string(),
            Kind::IntList { min, max } => {
                ui_format!("a comma-separated list of whole numbers from {} to {}", grouped(min), grouped(max))
            }
            Kind::PairList { min_x, max_x, max_y } if self.unit == "MB:CV" => ui_format!(
                "a comma-separated list of memory:CV pairs such as 128:0.05,1024:0.2 (memory {min_x} to {max_x}, CV above 0 and at most {})",
                fmt_num(max_y)
            ),
            Kind::PairList { min_x, max_x, max_y } => ui_format!(
                "a comma-separated list of memory:duration pairs such as 128:2400,1024:300 (memory {min_x} to {max_x}, duration above 0 and at most {})",
                fmt_num(max_y)
            ),
            Kind::Text { max_len } => ui_format!("text of at most {max_len} characters"),
        }
    }

    /// Text that is no number, or a number too large for any field ("1e400",
    /// which is out of range rather than not a number).
    fn not_a_number(&self, given: &str) -> ParamError {
        let huge = crate::base::decimal::parse_f64(given.trim()).is_some_and(f64::is_infinite);
        self.error(given, if huge { "out of range" } else { "not a number" })
    }

    fn error(&self, given: &str, why: &str) -> ParamError {
        let shown: String = given.chars().take(40).collect();
        ParamError {
            param: self.name.to_string(),
            given: given.to_string(),
            message: ui_format!(
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

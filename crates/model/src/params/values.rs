//! Parsed values: one calculator's full set, in its table's order.

use super::*;

/// A parsed parameter value.
#[derive(Clone, Debug, PartialEq)]
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
                message: ui_format!(
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

//! The account calculator's link: several functions priced as one account,
//! `?f=<function query>&f=…&free_tier_order=arm64_first`. One reader for the
//! page, its first-figures module and the tests, so a link means the same
//! everywhere.

use crate::billing::{COST_PARAMS, FreeTierOrder};
use crate::calculators::decode_query;
use crate::params::{QUERY_VERSION, Values, parse_pairs, percent_encode};

/// The most functions an account link carries; later `f=` are left out.
pub const MAX_FUNCTIONS: usize = 20;

/// An account link, read.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountLink {
    /// Each function's values (an invalid value takes its default, and is
    /// named in `problems`); the defaults' one function for a link with none.
    pub functions: Vec<Values>,
    pub order: FreeTierOrder,
    /// "Function 2: …" for each value the link gave that is not valid.
    pub problems: Vec<String>,
}

/// Reads an account link's query (without its `?`).
pub fn read(query: &str) -> AccountLink {
    let mut functions = Vec::new();
    let mut problems = Vec::new();
    let mut order = FreeTierOrder::X86First;
    for (k, v) in parse_pairs(query) {
        match k.as_str() {
            "f" if functions.len() < MAX_FUNCTIONS => {
                let d = decode_query(COST_PARAMS, &v);
                problems.extend(d.errors.iter().map(|e| format!("Function {}: {}", functions.len() + 1, e.message)));
                functions.push(d.values);
            }
            "free_tier_order" => {
                order = if v == "arm64_first" { FreeTierOrder::ArmFirst } else { FreeTierOrder::X86First };
            }
            _ => {}
        }
    }
    if functions.is_empty() {
        functions.push(Values::defaults(COST_PARAMS));
    }
    AccountLink { functions, order, problems }
}

/// The link of an account: `v`, each function's query, and the free tier's
/// order when it is not the default.
pub fn query(functions: &[Values], order: FreeTierOrder) -> String {
    let mut q = format!("v={QUERY_VERSION}");
    for f in functions {
        q.push_str("&f=");
        q.push_str(&percent_encode(&f.to_query()));
    }
    if order == FreeTierOrder::ArmFirst {
        q.push_str("&free_tier_order=arm64_first");
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_reads_back_what_it_wrote() {
        let mut a = Values::defaults(COST_PARAMS);
        a.set("memory_mb", "2048").unwrap();
        let mut b = Values::defaults(COST_PARAMS);
        b.set("arch", "arm64").unwrap();
        let q = query(&[a.clone(), b.clone()], FreeTierOrder::ArmFirst);
        let back = read(&q);
        assert_eq!(back.functions, vec![a, b]);
        assert_eq!(back.order, FreeTierOrder::ArmFirst);
        assert!(back.problems.is_empty());
    }

    #[test]
    fn no_functions_is_the_defaults_one_and_bad_values_are_named() {
        assert_eq!(read("").functions, vec![Values::defaults(COST_PARAMS)]);
        let r = read("f=memory_mb%3D7&f=memory_mb%3D512");
        assert_eq!(r.functions.len(), 2);
        assert_eq!(r.problems.len(), 1);
        assert!(r.problems[0].starts_with("Function 1: "), "{:?}", r.problems);
        let many = vec!["f=memory_mb%3D256"; MAX_FUNCTIONS + 3].join("&");
        assert_eq!(read(&many).functions.len(), MAX_FUNCTIONS);
    }
}

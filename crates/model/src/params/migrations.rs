//! Version-to-version rewrites of old queries.

use super::*;

/// A key rename or default change between two query versions.
pub struct Migration {
    /// Queries of this version are rewritten by `apply` into version `from + 1`.
    pub from: u32,
    /// The calculator whose queries it rewrites (its name in the registry).
    pub calculator: &'static str,
    /// Rewrites that calculator's pairs (its table gives the defaults).
    pub apply: fn(&'static [ParamSpec], &mut Vec<(String, String)>),
}

/// Version-to-version rewrites, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration { from: 1, calculator: "power", apply: free_tier_everywhere },
    Migration { from: 2, calculator: "simulate", apply: start_up_counted },
    Migration { from: 3, calculator: "simulate", apply: an_hour_simulated },
    Migration { from: 3, calculator: "lmi", apply: arch_of_the_instance },
];

/// 1 → 2: the power explorer's free tier went from off to on by default (one
/// free-tier default on every page). A version-1 power query that did not say
/// keeps it off.
pub(super) fn free_tier_everywhere(_: &'static [ParamSpec], pairs: &mut Vec<(String, String)>) {
    if !pairs.iter().any(|(k, _)| k == "free_tier") {
        pairs.push(("free_tier".into(), "false".into()));
    }
}

/// 2 → 3: the traffic simulator leaves its start-up (the first `warmup_s`,
/// an empty fleet filling) out of its figures. An older traffic query that
/// did not say counts it in, as it did.
pub(super) fn start_up_counted(_: &'static [ParamSpec], pairs: &mut Vec<(String, String)>) {
    if !pairs.iter().any(|(k, _)| k == "warmup_s") {
        pairs.push(("warmup_s".into(), "0".into()));
    }
}

/// 3 → 4: the traffic simulator's run length became automatic (a day, or
/// long enough for lifetime recycling), where it was an hour, which never
/// saw an environment reach its two-hour lifetime. An older traffic query
/// that did not say simulates the hour it did.
pub(super) fn an_hour_simulated(_: &'static [ParamSpec], pairs: &mut Vec<(String, String)>) {
    if !pairs.iter().any(|(k, _)| k == "sim_seconds") {
        pairs.push(("sim_seconds".into(), "3600".into()));
    }
}

/// 3 → 4: the Managed Instances calculator gained `arch` (the on-demand
/// functions' own architecture) where it priced them on the instance's: an
/// older query that did not say keeps the instance's (Graviton families end
/// in `g`).
pub(super) fn arch_of_the_instance(specs: &'static [ParamSpec], pairs: &mut Vec<(String, String)>) {
    if pairs.iter().any(|(k, _)| k == "arch") {
        return;
    }
    let default = specs.iter().find(|s| s.name == "instance_type").map_or("", |s| s.default);
    let instance = pairs.iter().rev().find(|(k, _)| k == "instance_type").map_or(default, |(_, v)| v.as_str());
    let graviton = instance.split('.').next().is_some_and(|f| f.ends_with('g'));
    pairs.push(("arch".into(), if graviton { "arm64" } else { "x86_64" }.into()));
}

/// Applies every migration of `calculator` from `version` up to the current
/// one (none for a table no calculator owns).
pub fn migrate(specs: &'static [ParamSpec], calculator: &str, pairs: &mut Vec<(String, String)>, version: u32) {
    for m in MIGRATIONS.iter().filter(|m| m.from >= version && m.calculator == calculator) {
        (m.apply)(specs, pairs);
    }
}

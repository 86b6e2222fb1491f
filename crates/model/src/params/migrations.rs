//! Version-to-version rewrites of old queries.

use super::*;

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
pub(super) fn free_tier_everywhere(specs: &'static [ParamSpec], pairs: &mut Vec<(String, String)>) {
    let power = specs.iter().any(|s| s.name == "strategy") && specs.iter().any(|s| s.name == "free_tier");
    if power && !pairs.iter().any(|(k, _)| k == "free_tier") {
        pairs.push(("free_tier".into(), "false".into()));
    }
}

/// 2 → 3: the traffic simulator leaves its start-up (the first `warmup_s`,
/// an empty fleet filling) out of its figures. An older traffic query that
/// did not say counts it in, as it did. (The simulator is the table with a
/// `warmup_s`.)
pub(super) fn start_up_counted(specs: &'static [ParamSpec], pairs: &mut Vec<(String, String)>) {
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
pub(super) fn an_hour_simulated(specs: &'static [ParamSpec], pairs: &mut Vec<(String, String)>) {
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

/// Applies every migration from `version` up to the current one.
pub fn migrate(specs: &'static [ParamSpec], pairs: &mut Vec<(String, String)>, version: u32) {
    for m in MIGRATIONS.iter().filter(|m| m.from >= version) {
        (m.apply)(specs, pairs);
    }
}

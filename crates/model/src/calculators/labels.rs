//! What a person reads for a choice's value.

use crate::billing::FrontDoor;

/// What a person reads for one of a choice's values (the value itself is the
/// URL's, the JSON's and the CLI's): "API Gateway HTTP API" for `http_api`,
/// "eu-west-1 · Europe (Ireland)" for a region. Values without a better name
/// are shown as they are (runtime ids such as `nodejs22.x` are AWS's own).
pub fn choice_label(param: &str, value: &str) -> String {
    let named = match (param, value) {
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
        "front_door" => FrontDoor::parse(value).map_or_else(|| value.to_string(), |d| d.label().to_string()),
        "rest_cache_gb" => format!("{value} GB"),
        "region" => match crate::rates::region(value) {
            Some(r) => format!("{value} \u{b7} {}", r.name),
            None => value.to_string(),
        },
        _ => value.to_string(),
    }
}

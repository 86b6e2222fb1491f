//! One table of Lambda runtimes and what each one's name means for billing
//! and cold starts. Two vocabularies name runtimes: the cost calculator's
//! AWS identifiers (`nodejs22.x`, `provided.al2023`) and the cold-start data's
//! slugs, which also name what runs on a custom runtime (`go-al2023`). Every
//! question about a runtime (is it custom? does SnapStart support it?) is
//! answered here, for either vocabulary, so the answers cannot drift apart.

/// One runtime name and its facts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Runtime {
    pub id: &'static str,
    /// A custom runtime (`provided.*`, or a language on one): Init is billed
    /// on every date, and SnapStart is not available.
    pub custom: bool,
    /// SnapStart supports it: Java 11+, Python 3.12+, .NET 8+ (managed).
    /// Source: AWS docs, "Improving startup performance with Lambda SnapStart".
    pub snapstart: bool,
    /// An AWS runtime identifier the cost calculator offers (deprecated
    /// runtimes are measured for cold starts but no longer offered).
    pub priced: bool,
    /// Its name in the lambda-perf cold-start data, where it is measured.
    pub measured_as: Option<&'static str>,
}

const fn managed(id: &'static str, snapstart: bool, priced: bool) -> Runtime {
    Runtime { id, custom: false, snapstart, priced, measured_as: Some(id) }
}

/// A custom runtime AWS names (`provided.al2023`): priced, not measured on its own.
const fn provided(id: &'static str) -> Runtime {
    Runtime { id, custom: true, snapstart: false, priced: true, measured_as: None }
}

/// A language on a custom runtime, as lambda-perf measures it.
const fn custom(id: &'static str, measured_as: &'static str) -> Runtime {
    Runtime { id, custom: true, snapstart: false, priced: false, measured_as: Some(measured_as) }
}

/// Every runtime either vocabulary names, newest first within a language;
/// the first is the calculators' default.
pub const RUNTIMES: &[Runtime] = &[
    managed("nodejs22.x", false, true),
    managed("nodejs24.x", false, true),
    managed("nodejs20.x", false, true),
    managed("python3.14", true, true),
    managed("python3.13", true, true),
    managed("python3.12", true, true),
    managed("python3.11", false, true),
    managed("python3.10", false, false),
    managed("python3.9", false, false),
    managed("java25", true, true),
    managed("java21", true, true),
    managed("java17", true, true),
    managed("java11", true, true),
    managed("java8.al2", false, false),
    managed("dotnet10", true, true),
    managed("dotnet8", true, true),
    managed("ruby3.4", false, true),
    managed("ruby3.3", false, true),
    managed("ruby3.2", false, false),
    provided("provided.al2023"),
    provided("provided.al2"),
    custom("go-al2023", "go (prov.al2023)"),
    custom("go-al2", "go (prov.al2)"),
    custom("rust-al2023", "rust (prov.al2023)"),
    custom("rust-al2", "rust (prov.al2)"),
    custom("dotnet8-aot-al2023", "dotnet8 aot (prov.al2023)"),
    custom("dotnet9-aot-al2023", "dotnet9 aot (prov.al2023)"),
    custom("dotnet10-aot-al2023", "dotnet10 aot (prov.al2023)"),
    custom("graalvm-java21-al2023", "graalvm java21 (prov.al2023)"),
    custom("graalvm-java23-al2023", "graalvm java23 (prov.al2023)"),
    custom("llrt-al2023", "llrt (prov.al2023)"),
    custom("bun-al2", "bun (prov.al2)"),
    custom("quarkus-al2", "quarkus (prov.al2)"),
    custom("cpp11-al2023", "c++ 11 (prov.al2023)"),
    custom("shell-al2023", "shell (prov.al2023)"),
    custom("swift6.2-al2", "apple swift 6.2 (prov.al2)"),
];

const fn count(priced: bool) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < RUNTIMES.len() {
        if (priced && RUNTIMES[i].priced) || (!priced && RUNTIMES[i].measured_as.is_some()) {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The ids of the rows that are priced (or measured), in table order, after `first`.
const fn ids<const N: usize>(priced: bool, first: Option<&'static str>) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut n, mut i) = (0, 0);
    if let Some(f) = first {
        out[0] = f;
        n = 1;
    }
    while i < RUNTIMES.len() {
        if (priced && RUNTIMES[i].priced) || (!priced && RUNTIMES[i].measured_as.is_some()) {
            out[n] = RUNTIMES[i].id;
            n += 1;
        }
        i += 1;
    }
    out
}

/// The runtimes the cost calculator offers (AWS identifiers), default first.
pub const PRICED: &[&str] = &ids::<{ count(true) }>(true, None);
/// The runtimes with cold-start data (slugs), in table order.
pub const MEASURED: &[&str] = &ids::<{ count(false) }>(false, None);
/// "none" and every measured runtime, for parameters where a runtime is optional.
pub const MEASURED_OR_NONE: &[&str] = &ids::<{ count(false) + 1 }>(false, Some("none"));

/// The languages Managed Instances support, with their default maximum
/// concurrent invocations per vCPU. Source: the Lambda developer guide's
/// runtime pages for Managed Instances (Node.js 64, Java and .NET 32,
/// Python 16, Rust 8); at most 64 per vCPU.
pub const MANAGED_INSTANCES_LANGUAGES: &[(&str, u32)] =
    &[("nodejs", 64), ("python", 16), ("java", 32), ("dotnet", 32), ("rust", 8)];

const fn language_names<const N: usize>() -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = MANAGED_INSTANCES_LANGUAGES[i].0;
        i += 1;
    }
    out
}

/// The names of [`MANAGED_INSTANCES_LANGUAGES`], for their parameter.
pub const MANAGED_INSTANCES_LANGUAGE_NAMES: &[&str] = &language_names::<{ MANAGED_INSTANCES_LANGUAGES.len() }>();

/// The name lambda-perf measures a runtime slug under.
pub fn measured_as(slug: &str) -> Option<&'static str> {
    find(slug).and_then(|r| r.measured_as)
}

/// The runtime with this name, in either vocabulary.
pub fn find(id: &str) -> Option<&'static Runtime> {
    RUNTIMES.iter().find(|r| r.id == id)
}

/// Whether the runtime is a custom one.
pub fn is_custom(id: &str) -> bool {
    find(id).is_some_and(|r| r.custom)
}

/// Whether SnapStart supports the runtime.
pub fn snapstart_supported(id: &str) -> bool {
    find(id).is_some_and(|r| r.snapstart)
}

/// The AWS runtime identifier the cost calculator uses for a runtime of
/// either vocabulary: managed runtimes keep their name, a language on a
/// custom runtime becomes `provided.al2023` or `provided.al2`.
pub fn aws_id(id: &str) -> &'static str {
    if let Some(r) = PRICED.iter().find(|r| **r == id) {
        return r;
    }
    match find(id) {
        Some(r) if r.custom && r.id.ends_with("-al2") => "provided.al2",
        Some(r) if r.custom => "provided.al2023",
        _ => PRICED[0],
    }
}

/// The runtimes SnapStart supports among `names`, newest first within each
/// language, for messages: "python3.14, …, java25, java21, …".
pub fn snapstart_list(names: &[&str]) -> String {
    RUNTIMES.iter().filter(|r| r.snapstart && names.contains(&r.id)).map(|r| r.id).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_runtime_either_calculator_offers_is_in_the_table() {
        for id in PRICED.iter().chain(MEASURED) {
            assert!(find(id).is_some(), "{id} is missing from the runtime table");
        }
        let mut ids: Vec<&str> = RUNTIMES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RUNTIMES.len(), "a runtime is listed twice");
    }

    #[test]
    fn both_vocabularies_get_the_same_answers() {
        // The drift this table ended: pricing lacked java25, python3.14 and
        // dotnet10 for SnapStart, and custom runtimes were told apart by
        // `provided` in one place and `-al2023` in another.
        for id in ["java25", "python3.14", "dotnet10", "java11", "python3.12", "dotnet8"] {
            assert!(snapstart_supported(id), "{id}");
        }
        for id in ["nodejs22.x", "python3.11", "java8.al2", "provided.al2023", "go-al2023", "dotnet8-aot-al2023"] {
            assert!(!snapstart_supported(id), "{id}");
        }
        for id in ["provided.al2023", "provided.al2", "go-al2023", "rust-al2", "swift6.2-al2"] {
            assert!(is_custom(id), "{id}");
        }
        for id in ["nodejs22.x", "java21", "dotnet10", "ruby3.4"] {
            assert!(!is_custom(id), "{id}");
        }
        assert!(!is_custom("none") && !snapstart_supported("none"));
        assert_eq!(aws_id("go-al2023"), "provided.al2023");
        assert_eq!(aws_id("bun-al2"), "provided.al2");
        assert_eq!(aws_id("java25"), "java25");
        for id in MEASURED {
            assert_eq!(is_custom(aws_id(id)), is_custom(id), "{id}");
        }
        assert_eq!(
            snapstart_list(PRICED),
            "python3.14, python3.13, python3.12, java25, java21, java17, java11, dotnet10, dotnet8"
        );
    }
}

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
}

const fn managed(id: &'static str, snapstart: bool) -> Runtime {
    Runtime { id, custom: false, snapstart }
}

const fn custom(id: &'static str) -> Runtime {
    Runtime { id, custom: true, snapstart: false }
}

/// Every runtime either vocabulary names.
pub const RUNTIMES: &[Runtime] = &[
    managed("nodejs24.x", false),
    managed("nodejs22.x", false),
    managed("nodejs20.x", false),
    managed("python3.14", true),
    managed("python3.13", true),
    managed("python3.12", true),
    managed("python3.11", false),
    managed("python3.10", false),
    managed("python3.9", false),
    managed("java25", true),
    managed("java21", true),
    managed("java17", true),
    managed("java11", true),
    managed("java8.al2", false),
    managed("dotnet10", true),
    managed("dotnet8", true),
    managed("ruby3.4", false),
    managed("ruby3.3", false),
    managed("ruby3.2", false),
    custom("provided.al2023"),
    custom("provided.al2"),
    custom("go-al2023"),
    custom("go-al2"),
    custom("rust-al2023"),
    custom("rust-al2"),
    custom("dotnet8-aot-al2023"),
    custom("dotnet9-aot-al2023"),
    custom("dotnet10-aot-al2023"),
    custom("graalvm-java21-al2023"),
    custom("graalvm-java23-al2023"),
    custom("llrt-al2023"),
    custom("bun-al2"),
    custom("quarkus-al2"),
    custom("cpp11-al2023"),
    custom("shell-al2023"),
    custom("swift6.2-al2"),
];

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
    if let Some(r) = crate::pricing::RUNTIMES.iter().find(|r| **r == id) {
        return r;
    }
    match find(id) {
        Some(r) if r.custom && r.id.ends_with("-al2") => "provided.al2",
        Some(r) if r.custom => "provided.al2023",
        _ => crate::pricing::RUNTIMES[0],
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
        for id in crate::pricing::RUNTIMES.iter().chain(crate::coldstart::RUNTIME_SLUGS) {
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
        for id in crate::coldstart::RUNTIME_SLUGS {
            assert_eq!(is_custom(aws_id(id)), is_custom(id), "{id}");
        }
        assert_eq!(
            snapstart_list(crate::pricing::RUNTIMES),
            "python3.14, python3.13, python3.12, java25, java21, java17, java11, dotnet10, dotnet8"
        );
    }
}

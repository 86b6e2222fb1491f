//! Lambda Lab's engine: pricing, memory/CPU scaling, cold starts, traffic
//! simulation and the scenario codec. Pure Rust with no web or UI
//! dependencies, so it builds and is tested natively and runs unchanged in
//! the browser as wasm32. It never formats numbers for display and never
//! reads a clock: the caller passes "today".
//!
//! Layers, each importing only the ones above it in this list (a test,
//! `tests/layers.rs`, fails on an import that runs up):
//! - [`base`]: money, dates, numbers, JSON, randomness, statistics, lines;
//! - [`params`]: parameter tables, values, errors, the query codec and its
//!   migrations, named metrics;
//! - [`rates`]: Lambda, around-the-function, EC2 and Managed Instances
//!   prices, the runtime table, the month;
//! - [`billing`]: a function's inputs and their checks, usage, tiers, the
//!   account's bill and its arithmetic in words;
//! - [`models`]: scaling, cold starts, analytic answers, REPORT, trace and
//!   Power Tuning readers, Managed Instances capacity;
//! - [`simulation`]: the traffic simulator and its advisor;
//! - [`calculators`]: each calculator, the function profile and hand-offs,
//!   published examples, export, labels and the registry. Nothing in the
//!   crate imports it.

/// A parameter's label or help text: the text itself, or "" in a build
/// without the `texts` feature (the first-figures modules, which read values
/// and never show a form), so those bytes stay out of them.
macro_rules! ui_text {
    ($s:expr) => {
        if cfg!(feature = "texts") { $s } else { "" }
    };
}

/// A message for a person (an error, a note): `format!` with every build
/// but the first-figures modules (`texts` feature off), where it is empty.
/// A figures module shows no message (when a link's values are not valid it
/// shows nothing and the calculator says why), so their words and the
/// formatting behind them stay out of it. Never for a value, a name or a
/// key: only for text a person reads.
macro_rules! ui_format {
    ($($t:tt)*) => {
        if cfg!(feature = "texts") { format!($($t)*) } else { String::new() }
    };
}

pub mod base;
pub mod billing;
pub mod calculators;
pub mod models;
pub mod params;
pub mod rates;
pub mod simulation;

//! Lambda Lab's engine: pricing, memory/CPU scaling, cold starts, traffic
//! simulation and the scenario codec. Pure Rust with no web or UI
//! dependencies, so it builds and is tested natively and runs unchanged in
//! the browser as wasm32. It never formats numbers for display and never
//! reads a clock: the caller passes "today".

pub mod analytic;
pub mod calculators;
pub mod coldstart;
pub mod export;
pub mod json;
pub mod lines;
pub mod lmi;
pub mod metrics;
pub mod money;
pub mod power;
pub mod powertuning;
pub mod prices;
pub mod pricing;
pub mod profile;
pub mod published;
pub mod report;
pub mod rng;
pub mod runtimes;
pub mod scaling;
pub mod scenario;
pub mod sim;
pub mod stats;
pub mod trace;

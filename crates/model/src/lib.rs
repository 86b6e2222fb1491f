//! Lambda Lab's engine: pricing, memory/CPU scaling, cold starts, traffic
//! simulation and the scenario codec. Pure Rust with no web or UI
//! dependencies, so it builds and is tested natively and runs unchanged in
//! the browser as wasm32. It never formats numbers and never reads a clock.

pub mod scenario;

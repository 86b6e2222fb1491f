//! The foundation: exact money, dates, numbers, JSON, deterministic
//! randomness, statistics and lines of text. Imports nothing of the crate.

pub mod big;
pub mod date;
pub mod decimal;
pub mod digits;
pub mod json;
pub mod lines;
pub mod money;
pub mod num;
pub mod rng;
pub mod stats;

//! The pricing engine: every AWS Lambda billing component, exact.
//!
//! Flow: [`COST_PARAMS`] (named parameters) → [`CostInput::from_values`]
//! (validated, typed) → [`usage`] (what is billed, in exact units) →
//! [`price_account`] (free tier and tier counters shared across functions,
//! money in exact atto-dollars) → [`CostResult`] (named metrics, lines, and
//! the arithmetic written out).

use crate::base::money::{Qty, Rate, Usd, mul_div_round};
use crate::base::stats::expected_ceil_lognormal;
use crate::params::metrics::MetricValue;
use crate::params::{Date, Kind, ParamError, ParamSpec, Values, fmt_num, round_to};
use crate::rates::{self, Arch, CacheSize, HOURS_PER_MONTH, Region, SECONDS_PER_MONTH};

/// A parameter name of [`COST_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        crate::param!(COST_PARAMS, $name)
    };
}

const NS_PER_MS: u128 = 1_000_000;
/// The largest p99 ÷ mean a lognormal can have: e^(z²/2) with z = Φ⁻¹(0.99).
const P99_MAX_RATIO: f64 = 14.958;
const NS_PER_S: u128 = 1_000_000_000;
/// 1 GB = 1,024 MB for Lambda memory and storage.
const MB_PER_GB: u128 = 1024;

mod account;
mod bill;
mod input;
mod math;
mod params;
mod usage;

pub use account::*;
pub use bill::*;
pub use input::*;
pub use math::*;
pub use params::*;
pub use usage::*;

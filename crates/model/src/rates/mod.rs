//! Rates and the tables they come from: Lambda's prices by region, the
//! products around a function, EC2 and Managed Instances prices, the one
//! runtime table and the one month. Every rate names its source and date.
//! Imports `base` and `params` only.

mod around;
mod lambda;
mod tables;

pub mod ec2;
pub mod fargate;
pub mod microvms;
pub mod runtimes;

pub use around::*;
pub use lambda::*;
pub use tables::*;

/// The month every calculator prices: 730 hours, as AWS's worked examples
/// and the Price List's monthly figures count it (8,760 hours ÷ 12).
pub const HOURS_PER_MONTH: u32 = 730;
/// Seconds in that month.
pub const SECONDS_PER_MONTH: f64 = HOURS_PER_MONTH as f64 * 3600.0;

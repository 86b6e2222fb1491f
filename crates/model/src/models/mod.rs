//! Models of how a function behaves: memory ↔ CPU scaling, cold starts, the
//! analytic queueing answers, readers of CloudWatch REPORT lines, traces and
//! Power Tuning results, and the Managed Instances capacity model. Imports
//! `base`, `params`, `rates` and `billing`.

pub mod analytic;
pub mod capacity;
pub mod coldstart;
pub mod fargate;
mod init_cells;
pub mod powertuning;
pub mod report;
pub mod scaling;
pub mod trace;

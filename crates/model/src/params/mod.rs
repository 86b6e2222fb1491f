//! The scenario codec: named parameters in, named metrics out.
//!
//! A calculator is described by a table of [`ParamSpec`]s. The same table drives
//! every surface that names a parameter:
//! - the URL query (the public embed API, versioned with `v=`),
//! - the JSON export/import,
//! - the CLI flags (`--memory-mb` for `memory_mb`),
//! - the labels and validation messages in the page.
//!
//! Query versions: `v=4` is the current version ([`QUERY_VERSION`]). A query with no `v` is read as
//! the current version: every link the site has ever written carries its `v`
//! (since `v=1`), so an address without one was typed or trimmed by a person
//! and means today's defaults. Each version fixes its defaults: when a later version changes a
//! default or renames a key, a migration in [`MIGRATIONS`] rewrites the older
//! query into the new vocabulary, so an embed written years ago keeps meaning
//! exactly what it meant. Version 2 (2026-12-03): the power explorer applies
//! the free tier by default, as the cost page always has. Version 3
//! (2026-12-03): the traffic simulator reports the steady state, with the
//! start-up (`warmup_s`) on its own line. Version 4 (2026-12-06): the
//! simulator's run length is automatic by default (`sim_seconds=0`: a day,
//! or long enough to see an environment's lifetime), where it was an hour;
//! Managed Instances price their on-demand comparison on the workload's own
//! architecture (`arch`), where they used the instance's.

pub use crate::base::date::Date;
pub use crate::base::num::*;
use std::fmt;

mod migrations;
mod query;
mod spec;
mod values;

pub mod metrics;

pub use migrations::*;
pub use query::*;
pub use spec::*;
pub use values::*;

#[cfg(test)]
mod tests;

//! Building blocks shared by every calculator page: the URL-backed state, a
//! labelled native input per parameter with inline validation, and figures
//! that carry `data-metric` / `data-value`.

use lambda_model::calculators::CalcInfo;
use lambda_model::calculators::decode_query;
use lambda_model::params::metrics::MetricValue;
use lambda_model::params::{
    Kind, PRESENTATION_KEYS, ParamError, ParamSpec, Values, fmt_num, parse_number, parse_pairs,
};
use lambda_site::CalcPage;
use lambda_site::embed::{Layout, Part};
use leptos::prelude::*;

mod context;
mod evaluation;
mod figures;
mod inputs;
mod prices;
mod sliced;
mod state;
mod toolbar;

pub use context::*;
pub use evaluation::*;
pub use figures::*;
pub use inputs::*;
pub use prices::*;
pub use sliced::*;
pub use state::*;
pub use toolbar::*;

//! The cost page as its own wasm module: the site script mounts it into its
//! page (`/calculators/…/`) or its embed page, and lessons embed it.

lambda_lab_app::module_exports!(
    lambda_lab_app::pages::cost::CostPage,
    &lambda_site::COST,
    lambda_model::billing::COST_PARAMS
);

fn main() {}

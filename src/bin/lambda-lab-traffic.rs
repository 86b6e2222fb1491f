//! The traffic page as its own wasm module: the site script mounts it into its
//! page (`/calculators/…/`) or its embed page, and lessons embed it.

lambda_lab_app::module_exports!(
    lambda_lab_app::pages::traffic::TrafficPage,
    &lambda_site::TRAFFIC,
    lambda_model::simulation::SIM_PARAMS
);

fn main() {}

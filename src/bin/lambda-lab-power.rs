//! The power page as its own wasm module: the site script mounts it into its
//! page (`/calculators/…/`) or its embed page, and lessons embed it.

lambda_lab_app::module_exports!(
    lambda_lab_app::pages::power::PowerPage,
    &lambda_site::POWER,
    lambda_model::calculators::power::POWER_PARAMS
);

fn main() {}

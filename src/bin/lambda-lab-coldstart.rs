//! The coldstart page as its own wasm module: the site script mounts it into its
//! page (`/calculators/…/`) or its embed page, and lessons embed it.

lambda_lab_app::module_exports!(
    lambda_lab_app::pages::coldstart::ColdStartPage,
    &lambda_site::COLD_START,
    lambda_model::models::coldstart::COLDSTART_PARAMS
);

fn main() {}

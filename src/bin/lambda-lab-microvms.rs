//! The Lambda MicroVMs page as its own wasm module: the site script mounts it
//! into its page (`/calculators/microvms/`) or its embed page.

lambda_lab_app::module_exports!(
    lambda_lab_app::pages::microvms::MicroVmsPage,
    &lambda_site::MICROVMS,
    lambda_model::calculators::microvms::MICROVM_PARAMS
);

fn main() {}

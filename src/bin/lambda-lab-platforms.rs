//! The platforms page as its own wasm module: the site script mounts it into
//! its page (`/calculators/platforms/`) or its embed page.

lambda_lab_app::module_exports!(
    lambda_lab_app::pages::platforms::PlatformsPage,
    &lambda_site::PLATFORMS,
    lambda_model::calculators::platforms::PLATFORMS_PARAMS
);

fn main() {}

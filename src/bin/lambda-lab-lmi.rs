//! The Managed Instances page as its own wasm module: the site script mounts
//! it into its page (`/calculators/managed-instances/`) or its embed page.

lambda_lab_app::module_exports!(
    lambda_lab_app::pages::lmi::ManagedInstancesPage,
    &lambda_site::MANAGED_INSTANCES,
    lambda_model::calculators::managed_instances::LMI_PARAMS
);

fn main() {}

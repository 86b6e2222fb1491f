//! The account page as its own wasm module: the site script mounts it into its
//! page (`/calculators/…/`) or its embed page, and lessons embed it.

lambda_lab_app::module_exports!(lambda_lab_app::pages::account::AccountPage, &lambda_site::ACCOUNT, &[]);

fn main() {}

//! The cost page as a separate wasm module, loaded by the main app's
//! `ModuleHost` when its page opens, or embedded in a lesson.

lambda_lab_app::module_exports!(lambda_lab_app::pages::cost::CostPage, "/calculators/cost");

fn main() {}

//! One module per routed page.
pub mod about;
pub mod calculators;
pub mod debug;
pub mod home;
pub mod lessons;
pub mod not_found;

//! One module per routed page.
pub mod about;
pub mod account;
pub mod calculators;
pub mod coldstart;
pub mod cost;
pub mod debug;
pub mod home;
pub mod lesson;
pub mod lessons;
pub mod not_found;
pub mod power;
pub mod traffic;

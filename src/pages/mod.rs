//! One module per page the wasm renders: the calculators and the lessons.
//! The pages without interaction (home, About, the indexes, 404) are plain
//! HTML written at build time by `crates/site`.
pub mod account;
pub mod coldstart;
pub mod cost;
pub mod lesson;
pub mod lmi;
pub mod microvms;
pub mod platforms;
pub mod power;
pub mod present;
pub mod teach;
pub mod traffic;
pub mod workshop;

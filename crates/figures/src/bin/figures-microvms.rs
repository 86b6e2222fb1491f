//! The first figures of a microvms link (see the crate's docs).
#![cfg_attr(target_arch = "wasm32", no_main)]
lambda_lab_figures::exports!(lambda_lab_figures::microvms);

//! The first figures of a microvms link (see the crate's docs).
lambda_lab_figures::exports!(lambda_lab_figures::microvms);

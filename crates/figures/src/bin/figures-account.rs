//! The first figures of an account link (see the crate's docs).
lambda_lab_figures::exports!(lambda_lab_figures::account);

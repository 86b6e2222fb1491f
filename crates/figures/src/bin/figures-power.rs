//! The first figures of a power link (see the crate's docs).
lambda_lab_figures::exports!(lambda_lab_figures::power);

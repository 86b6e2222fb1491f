//! The first figures of a cost link (see the crate's docs).
lambda_lab_figures::exports!(lambda_lab_figures::cost);

//! The first figures of a platforms link (see the crate's docs).
lambda_lab_figures::exports!(lambda_lab_figures::platforms);

//! The first figures of a lmi link (see the crate's docs).
lambda_lab_figures::exports!(lambda_lab_figures::lmi);

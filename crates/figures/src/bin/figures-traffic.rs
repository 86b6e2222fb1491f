//! The first figures of a traffic link (see the crate's docs).
lambda_lab_figures::exports!(lambda_lab_figures::traffic);

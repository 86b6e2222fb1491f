//! The first figures of a traffic link (see the crate's docs).
lambda_lab_figures::exports!(lambda_model::calculators::SIMULATE, lambda_lab_figures::traffic);

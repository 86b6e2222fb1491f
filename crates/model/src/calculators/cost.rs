//! The cost calculator: the bill of one function, or of an account, from
//! named parameters, annotated where it is one of AWS's published examples
//! (the billing layer prices; this layer knows the examples).

use crate::billing::{self, CostInput, CostResult, FreeTierOrder};
use crate::calculators::published;
use crate::params::{Date, ParamError, Values};

/// Prices several functions as one account (see [`billing::price_account`])
/// and notes where the first one is a published example.
pub fn price_account(inputs: &[CostInput], order: FreeTierOrder) -> Result<CostResult, String> {
    let mut r = billing::price_account(inputs, order)?;
    if let Some(i) = inputs.first() {
        r.notes = published::notes(i, r.total, &r.lines);
    }
    Ok(r)
}

/// Prices one function on its own, with its notes.
pub fn price(i: &CostInput) -> Result<CostResult, String> {
    price_account(std::slice::from_ref(i), FreeTierOrder::X86First)
}

/// Evaluates a cost scenario from named parameters: the single entry point
/// the page, the CLI and the lessons share.
pub fn evaluate(v: &Values, today: Date) -> Result<CostResult, Vec<ParamError>> {
    let i = CostInput::from_values(v, today)?;
    price(&i).map_err(|m| {
        vec![ParamError { param: "duration_ms".into(), given: String::new(), message: format!("Not priced: {m}.") }]
    })
}

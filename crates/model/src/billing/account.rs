//! A priced account: its total, metrics and notes.

use super::*;

/// A priced account (one function or several).
#[derive(Clone, Debug, PartialEq)]
pub struct CostResult {
    pub functions: Vec<FunctionCost>,
    pub lines: Lines,
    pub total: Usd,
    pub requests: u128,
    pub billed_requests: u128,
    pub gb_seconds: Qty,
    pub assumptions: Vec<String>,
    /// Where the bill is one of AWS's published examples, or rounds
    /// differently from them: left empty here and written by the cost
    /// calculator ([`crate::calculators::cost`]), which knows the examples.
    pub notes: Vec<String>,
    /// Lines around the functions that their regions cannot price, left out
    /// of `total` (one entry per line and region).
    pub unpriced: Vec<Unpriced>,
}

impl CostResult {
    /// Whether a line is used but priced nowhere (its figure is then missing,
    /// not $0).
    pub fn is_unpriced(&self, line: &str) -> bool {
        self.unpriced.iter().any(|u| u.line == line)
            && self.functions.iter().all(|f| f.around.unpriced.iter().any(|(l, _)| *l == line) || !f.uses_line(line))
    }

    /// "Not in this total, for want of a verified rate in af-south-1: …",
    /// region by region, or `None` when every line is priced.
    pub fn leaves_out(&self) -> Option<String> {
        let mut regions: Vec<&str> = self.unpriced.iter().map(|u| u.region).collect();
        regions.dedup();
        let parts: Vec<String> = regions
            .iter()
            .map(|region| {
                let lines: Vec<String> = self
                    .unpriced
                    .iter()
                    .filter(|u| u.region == *region)
                    .map(|u| format!("{} ({})", u.label, u.missing))
                    .collect();
                format!("for want of a verified rate in {region}: {}", lines.join("; "))
            })
            .collect();
        (!parts.is_empty()).then(|| format!("Not in this total, {}.", parts.join("; and ")))
    }
}

impl FunctionCost {
    /// Whether this function has charges on a line around it.
    fn uses_line(&self, line: &str) -> bool {
        let i = &self.input;
        match line {
            "front_door_usd" => i.front_door.is_billed(),
            "logs_usd" => i.log_kb_per_invocation > 0.0,
            "egress_usd" => i.egress_gb > 0.0,
            "nat_usd" => i.nat_gb > 0.0 || i.nat_hours > 0.0,
            "tenant_usd" => i.tenant_environments > 0,
            "durable_usd" => i.durable_executions > 0,
            "poller_usd" => i.sqs_poller_hours > 0.0 || i.kafka_poller_hours > 0.0,
            _ => true,
        }
    }
}

/// Prices one function on its own. An error only for durations the engine
/// refuses to bill (see [`usage`]).
pub fn price(i: &CostInput) -> Result<CostResult, String> {
    price_account(std::slice::from_ref(i), FreeTierOrder::X86First)
}

/// Prices several functions as one account: the free tier is shared, and each
/// (region, architecture) has one duration tier counter.
pub fn price_account(inputs: &[CostInput], order: FreeTierOrder) -> Result<CostResult, String> {
    let (functions, lines, first) = bill_account::<true>(inputs, order)?;
    let total = lines.total();
    let mut assumptions = vec![
        "Each invocation's duration is rounded up to 1 ms on its own; with a CV above 0, durations are lognormal and the expected rounded value is billed.".to_string(),
        "The free tier (1M requests, 400,000 GB-s, 100 GB of streaming) is shared by every function in the account; it covers requests and on-demand duration and INIT, never the provisioned-concurrency lines (PC and duration on PC), also for a function that uses provisioned concurrency (billing by usage type, as AWS's own PC example 1 does).".to_string(),
        "Free-tier GB-s are taken off before the duration tiers are counted.".to_string(),
        "A month is 730 hours.".to_string(),
    ];
    if inputs.len() > 1 {
        assumptions.push(format!(
            "Free GB-s go to {} functions first, then to the others, in list order (AWS does not document the split).",
            first.name()
        ));
    }
    let mut unpriced: Vec<Unpriced> = Vec::new();
    for f in &functions {
        for (line, missing) in &f.around.unpriced {
            let region = f.input.region.code;
            if !unpriced.iter().any(|u| u.line == *line && u.region == region && u.missing == *missing) {
                let label = lines.items().iter().find(|x| x.0 == *line).map_or(*line, |x| x.1);
                unpriced.push(Unpriced { line, label, region, missing: missing.clone() });
            }
        }
    }
    if let Some(out) = (!unpriced.is_empty()).then(|| {
        format!(
            "Lines without a verified rate in their region are not priced and are left out of the total: {}.",
            unpriced.iter().map(Unpriced::sentence).collect::<Vec<_>>().join("; ")
        )
    }) {
        assumptions.push(out);
    }
    Ok(CostResult {
        unpriced,
        requests: functions.iter().map(|f| f.usage.requests as u128).sum(),
        billed_requests: functions.iter().map(|f| f.usage.billed_requests).sum(),
        gb_seconds: functions
            .iter()
            .fold(Qty::ZERO, |a, f| a + f.usage.od_gbs + f.usage.init_gbs + f.usage.pc_duration_gbs),
        functions,
        lines,
        total,
        assumptions,
        notes: Vec::new(),
    })
}

/// The monthly total of one function, without the explanations
/// [`price`] writes.
pub fn total(i: &CostInput) -> Result<Usd, String> {
    bill_account::<true>(std::slice::from_ref(i), FreeTierOrder::X86First).map(|(_, lines, _)| lines.total())
}

/// The monthly total of the function itself: requests, duration, INIT,
/// ephemeral storage, provisioned concurrency, SnapStart, streaming and the
/// Savings Plan, without the products around it (tenant isolation, durable
/// functions, event pollers, the front door, logs, data out, NAT). For pages
/// that price the function many times or beside another calculator (the
/// power sweep, the traffic simulator's month, the Managed Instances
/// comparison): their modules then carry none of that code.
pub fn function_total(i: &CostInput) -> Result<Usd, String> {
    bill_account::<false>(std::slice::from_ref(i), FreeTierOrder::X86First).map(|(_, lines, _)| lines.total())
}

/// Whether the function's bill has lines beyond the function itself (see
/// [`function_total`]).
pub fn has_products(i: &CostInput) -> bool {
    i.tenant_environments > 0
        || i.durable_executions > 0
        || i.sqs_poller_hours > 0.0
        || i.kafka_poller_hours > 0.0
        || i.front_door.is_billed()
        || i.log_kb_per_invocation > 0.0
        || i.egress_gb > 0.0
        || i.nat_gb > 0.0
        || i.nat_hours > 0.0
}

impl CostResult {
    /// The named metrics, in the contract's order.
    pub fn metrics(&self) -> Vec<(&'static str, MetricValue)> {
        let per = |scale: u128| self.total.scaled(scale, self.requests).map_or(MetricValue::Missing, MetricValue::Usd);
        let mut out = vec![("total_usd", MetricValue::Usd(self.total))];
        for (name, _, usd) in self.lines.items() {
            let v = if name == "savings_usd" { self.lines.savings_usd } else { usd };
            out.push((name, if self.is_unpriced(name) { MetricValue::Missing } else { MetricValue::Usd(v) }));
        }
        out.push(("unpriced_lines", MetricValue::Count(self.unpriced.len() as u128)));
        out.push(("gb_seconds", MetricValue::Qty(self.gb_seconds)));
        out.push(("billed_requests", MetricValue::Count(self.billed_requests)));
        out.push(("per_invocation_usd", per(1)));
        out.push(("per_million_usd", per(1_000_000)));
        out
    }

    /// The whole arithmetic, function by function, then the total and both
    /// rounding policies.
    pub fn math(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (k, f) in self.functions.iter().enumerate() {
            if self.functions.len() > 1 {
                out.push(format!(
                    "── Function {} ({}, {}, {} MB) ──",
                    k + 1,
                    f.input.region.code,
                    f.input.arch.name(),
                    f.input.memory_mb
                ));
            }
            out.extend(f.math());
        }
        let rounded_lines: Usd = self.lines.items().iter().map(|(_, _, u)| u.round_cents()).sum();
        out.push(format!("Exact total: ${}", self.total));
        out.push(format!("Exact total rounded to cents: ${}", self.total.round_cents()));
        out.push(format!("Sum of the lines, each rounded to cents (how AWS writes its examples): ${rounded_lines}"));
        out
    }

    /// The sum of the lines each rounded to cents.
    pub fn rounded_lines_total(&self) -> Usd {
        self.lines.items().iter().map(|(_, _, u)| u.round_cents()).sum()
    }
}

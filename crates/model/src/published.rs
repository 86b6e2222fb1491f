//! AWS's own published examples, and where their arithmetic is off. When a
//! scenario matches one, the page explains the gap in "show the math".

use crate::money::Usd;
use crate::prices::Arch;
use crate::pricing::{CostInput, Lines};

fn plain(i: &CostInput) -> bool {
    i.region.code == "us-east-1"
        && i.arch == Arch::X86
        && !i.edge
        && i.duration_cv == 0.0
        && i.pc_units == 0
        && i.cold_start_ratio == 0.0
        && !i.snapstart
        && i.async_event_kb == 0
        && i.savings_plan_pct == 0.0
}

/// Notes for a scenario: published examples it matches, and rounding gaps.
pub fn notes(i: &CostInput, total: Usd, lines: &Lines) -> Vec<String> {
    let mut out = Vec::new();
    let is = |mem: u32, ms: f64, req: u64| plain(i) && i.memory_mb == mem && i.duration_ms == ms && i.requests == req;
    if is(512, 1000.0, 3_000_000)
        && i.tenant_environments == 0
        && i.free_tier
        && i.ephemeral_mb == 512
        && i.stream_gb == 0.0
    {
        out.push(
            "AWS's older pricing page priced this example at $18.74 (compute $18.34 + requests $0.40), using the rate it listed then, \
             $0.00001667 per GB-s. At today's published rate, $0.0000166667, the compute is 1,100,000 GB-s × $0.0000166667 = $18.33337, \
             so the correct total is $18.73."
                .to_string(),
        );
    }
    if is(1024, 2000.0, 7_440_000) && i.tenant_environments == 0 && !i.free_tier {
        out.push(
            "AWS's telemetry example writes \u{201c}14.88 GB-s\u{201d}; it means 14.88 million GB-s (7.44M × 2 s × 1 GB), which is where its $248.00 comes from."
                .to_string(),
        );
    }
    if is(4096, 280.0, 6_000_000) && i.tenant_environments == 0 && i.ephemeral_mb == 2048 && i.free_tier {
        out.push(
            "AWS's example says \u{201c}Total charges = Compute + Request\u{201d}, but its $106.41 also includes the $0.08 ephemeral-storage charge, as this total does."
                .to_string(),
        );
    }
    if is(1024, 2000.0, 10_000_000) && !i.free_tier && i.tenant_environments == 200_000 {
        out.push(
            "AWS's tenant-isolation example totals $368.74 ($2 + $333.34 + $33.4): it rounds the compute, $333.334, up to $333.34, \
             and prices the 200K environments at $0.000167 per GB rather than the Price List's $0.000166667 ($33.3334). \
             Exactly: $2 + $333.334 + $33.3334 = $368.6674, so $368.67."
                .to_string(),
        );
    }
    let rounded_lines: Usd = lines.items().iter().map(|(_, _, u)| u.round_cents()).sum();
    if rounded_lines != total.round_cents() {
        out.push(format!(
            "Rounding: the lines rounded to cents add up to ${rounded_lines}, but the exact total ${total} rounds to ${}. \
             AWS's worked examples add rounded lines; your bill is computed on exact usage.",
            total.round_cents()
        ));
    }
    out
}

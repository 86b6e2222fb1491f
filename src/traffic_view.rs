//! Pure view logic for the traffic simulator: the closed-form sentence shown
//! at once, the region's PC break-even, and the PC advisor's summary. No DOM
//! here, so it is tested natively (`tests/app_logic.rs`).

use crate::format;
use lambda_model::models::analytic;
use lambda_model::params::Values;
use lambda_model::simulation::{self, PcPoint};

/// A parameter name of the simulator's table, checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        lambda_model::param!(lambda_model::simulation::SIM_PARAMS, $name)
    };
}

/// Closed-form answers for these values, worded for the arrival pattern.
pub fn analytic(v: &Values) -> String {
    let rate = v.num(p!("rate_per_s"));
    let s = simulation::service_mean_ms(v) / 1000.0;
    let rho = rate * s;
    let cap = match v.int(p!("reserved_concurrency")) {
        -1 => v.int(p!("account_concurrency")),
        n => n.min(v.int(p!("account_concurrency"))),
    } as u32;
    // "1 request", "0.5 requests", "2 requests".
    let requests = |n: &str| if n == "1" { format!("{n} request") } else { format!("{n} requests") };
    let in_flight = |what: &str, rho: f64| {
        format!(
            "{what} keeps {} in flight on average (λ × duration); 99% of the time at most {}.",
            requests(&format::number(rho, 2)),
            analytic::poisson_quantile(0.99, rho)
        )
    };
    let mut out = vec![match v.text(p!("arrival")) {
        "diurnal" => {
            let peak = rho * (1.0 + v.num(p!("diurnal_amplitude")));
            format!(
                "Daily-cycle traffic averages {} in flight (λ × duration). {}",
                requests(&format::number(rho, 2)),
                in_flight("Its busiest hour, at rate × (1 + swing),", peak)
            )
        }
        "bursty" => {
            in_flight("Between bursts, this rate", rho)
                + " "
                + &in_flight("Inside a burst, the burst rate", v.num(p!("burst_rate_per_s")) * s)
        }
        "constant" => {
            format!("Evenly spaced requests keep {} in flight on average (λ × duration).", format::number(rho, 2))
        }
        "trace" => format!(
            "The trace averages {} requests per second, {} in flight (λ × duration); its bursts decide the peak.",
            format::number(lambda_model::calculators::profile::mean_rate_per_s(v), 2),
            format::number(lambda_model::calculators::profile::mean_rate_per_s(v) * s, 2)
        ),
        _ => in_flight("Steady Poisson traffic at this rate", rho),
    }];
    if rho < 0.3 {
        out.push(format!(
            "At this rate about {:.1}% of requests find no warm environment after an idle gap (e^(−λ·TTL)).",
            100.0 * analytic::cold_probability_low_rate(rate, v.num(p!("idle_ttl_s")))
        ));
    }
    let b = analytic::erlang_b(cap, rho);
    if b > 1e-6 {
        out.push(format!("With a concurrency limit of {cap}, Erlang-B predicts {:.2}% throttled.", 100.0 * b));
    }
    let pc = v.int(p!("pc_units")) as u64;
    if pc > 0 {
        out.push(format!(
            "{pc} PC environments: {:.1}% of arrivals find them all busy and spill to on-demand.",
            100.0 * analytic::pc_spillover(pc, rho)
        ));
    }
    out.join(" ")
}

/// The region's own PC break-even, with the formula.
pub fn break_even(v: &Values) -> String {
    let (Some(region), Some(arch)) =
        (lambda_model::rates::region(v.text(p!("region"))), lambda_model::rates::Arch::parse(v.text(p!("arch"))))
    else {
        return String::new();
    };
    match analytic::pc_break_even_in(region, arch) {
        Some(b) if b.utilisation < 1.0 => format!(
            "With {}'s {} rates, PC pays for itself when its environments are busy more than {:.1}% of the time: ${} per GB-s kept ÷ (${} on-demand − ${} on PC per busy GB-s).",
            region.code,
            arch.name(),
            b.utilisation * 100.0,
            b.config.to_decimal(),
            b.on_demand.to_decimal(),
            b.pc_duration.to_decimal()
        ),
        Some(b) => format!(
            "With {}'s {} rates, PC never costs less than on-demand: a busy GB-s saves ${} (${} − ${}), less than the ${} an environment costs per GB-s kept. Use it for latency, not to save money.",
            region.code,
            arch.name(),
            lambda_model::base::money::Rate(b.on_demand.0 - b.pc_duration.0).to_decimal(),
            b.on_demand.to_decimal(),
            b.pc_duration.to_decimal(),
            b.config.to_decimal()
        ),
        None => format!(
            "{} has no provisioned-concurrency rate in this calculator, so PC is priced at 0 here; pick a region with PC rates to weigh it.",
            region.code
        ),
    }
}

/// The advisor's verdict: the cheapest PC size that meets the target, its
/// monthly cost against no PC, whether it is busy enough to pay for itself in
/// this region, and how long each run simulated.
pub fn advisor_summary(points: &[PcPoint], values: &Values) -> String {
    let best = simulation::pc_recommendation(points);
    let break_even = lambda_model::rates::region(values.text(p!("region")))
        .zip(lambda_model::rates::Arch::parse(values.text(p!("arch"))))
        .and_then(|(r, a)| analytic::pc_break_even_in(r, a))
        .map(|b| b.utilisation);
    let none = points.iter().find(|p| p.units == 0);
    let run = points.first().map(|p| p.seconds).unwrap_or(0.0);
    match &best {
        Some(b) => format!(
            "The cheapest setting that meets the target is {} PC environments ({} a month without the free tier; p99 {} ms, {:.3}% cold, PC busy {:.0}% of the time){}{} Each run simulated {}.",
            b.units,
            format::usd(b.monthly.as_f64()),
            format::number(b.p99_ms, 1),
            b.cold_start_ratio * 100.0,
            b.utilisation * 100.0,
            match (b.units, &none) {
                (0, _) | (_, None) => ".".to_string(),
                (_, Some(n)) if n.monthly > b.monthly =>
                    format!(", {} a month less than no PC.", format::usd((n.monthly - b.monthly).as_f64())),
                (_, Some(n)) => format!(
                    ". It costs {} a month more than no PC, which misses the target (p99 {} ms, {:.3}% cold): you pay for latency, not savings.",
                    format::usd((b.monthly - n.monthly).as_f64()),
                    format::number(n.p99_ms, 1),
                    n.cold_start_ratio * 100.0
                ),
            },
            match break_even {
                Some(be) if b.units > 0 && b.utilisation < be => format!(
                    " Its environments are busy {:.0}% of the time, below the {:.0}% at which PC pays for itself in this region.",
                    b.utilisation * 100.0,
                    be * 100.0
                ),
                _ => String::new(),
            },
            format::duration_s(run)
        ),
        None => {
            "No PC size in the sweep meets the target; relax the target or raise the account and reserved concurrency."
                .to_string()
        }
    }
}

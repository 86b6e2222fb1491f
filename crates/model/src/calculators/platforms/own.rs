//! A workload priced at its own traffic: every platform's month and the
//! cheapest, without the crossovers and the chart's points (together about
//! 300 more months priced). What a platforms link's first figures show; the
//! calculator adds the rest ([`super::evaluate`]).

use super::{Month, Platform, PlatformsInput, check, month, not_priced};
use crate::base::money::Usd;
use crate::params::metrics::MetricValue;
use crate::params::{ParamError, Values, round_to};

/// Every platform's month at the workload's own traffic.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnMonth {
    pub input: PlatformsInput,
    pub month: Month,
}

/// The workload at its own traffic. Valid exactly when [`super::evaluate`]
/// is: a month fails to price only on a duration or spread the cost engine
/// refuses, never on a traffic level, so the crossovers and the points
/// price wherever this does (a test holds the two to the same answer).
pub fn evaluate_own(v: &Values) -> Result<OwnMonth, Vec<ParamError>> {
    let input = check(v)?;
    let month = month(&input, input.requests, true).map_err(not_priced)?;
    Ok(OwnMonth { input, month })
}

impl OwnMonth {
    /// A platform's line as the page and the CLI name it.
    pub fn line_name(&self, p: Platform) -> &'static str {
        line_name(&self.input, p)
    }

    /// The cheapest option this month: its name and cost.
    pub fn cheapest(&self) -> (&'static str, Usd) {
        cheapest(&self.input, &self.month)
    }

    /// The named metrics of the month (the calculator's, without the crossovers).
    pub fn metrics(&self) -> Vec<(&'static str, MetricValue)> {
        month_metrics(&self.input, &self.month)
    }
}

pub(super) fn line_name(i: &PlatformsInput, p: Platform) -> &'static str {
    match p {
        Platform::Ec2 if i.load_balancer => "EC2 + load balancer",
        _ => p.name(),
    }
}

pub(super) fn cheapest(i: &PlatformsInput, m: &Month) -> (&'static str, Usd) {
    let mut best = ("Lambda on demand", m.lambda_usd);
    if let Some((_, u)) = m.lambda_pc {
        best = ("Lambda with provisioned concurrency", u);
    }
    for p in Platform::ALL {
        if let Some(u) = m.usd(p)
            && u < best.1
        {
            best = (line_name(i, p), u);
        }
    }
    best
}

pub(super) fn month_metrics(i: &PlatformsInput, m: &Month) -> Vec<(&'static str, MetricValue)> {
    let usd = |u: Option<Usd>| u.map_or(MetricValue::Missing, MetricValue::Usd);
    let num = |x: f64, d: i32| MetricValue::Num(round_to(x, d));
    let mut out = vec![
        ("cheapest_usd", MetricValue::Usd(cheapest(i, m).1)),
        ("lambda_usd", MetricValue::Usd(m.lambda_usd)),
        ("lambda_pc_usd", m.lambda_pc.map_or(MetricValue::Missing, |p| MetricValue::Usd(p.1))),
        ("pc_environments", m.lambda_pc.map_or(MetricValue::Missing, |p| MetricValue::Count(p.0 as u128))),
    ];
    for p in Platform::ALL {
        out.push((p.usd_metric(), usd(m.usd(p))));
    }
    out.extend([
        ("alb_usd", usd(m.alb.map(|a| a.total_usd))),
        ("tasks", m.fargate.as_ref().map_or(MetricValue::Missing, |f| MetricValue::Count(f.0.tasks as u128))),
        ("instances", m.ec2.map_or(MetricValue::Missing, |e| MetricValue::Count(e.instances as u128))),
        ("mean_rps", num(m.mean_rps, 3)),
        ("peak_concurrency", num(m.peak_concurrency, 3)),
    ]);
    out
}

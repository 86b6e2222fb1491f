//! The arithmetic written out, as AWS writes its worked examples.

use super::*;

impl FunctionCost {
    pub fn total(&self) -> Usd {
        self.lines.total()
    }

    /// Every step of this function's arithmetic, the way AWS writes its
    /// worked examples. Built on demand from the stored result.
    pub fn math(&self) -> Vec<String> {
        let (i, u, l) = (&self.input, &self.usage, &self.lines);
        let mem = i.memory_mb;
        let fmt_ms = |ns: u128| crate::base::money::decimal_string(ns as i128, 6);
        let tier_lines = |parts: &[TierPart]| -> Vec<String> {
            parts
                .iter()
                .map(|p| {
                    format!("  {} GB-s × ${} (tier {}) = ${}", p.gbs.to_decimal(), p.rate.to_decimal(), p.tier, p.usd)
                })
                .collect()
        };
        let mut math = vec!["Requests".to_string()];
        if u.billed_requests != u.requests as u128 {
            math.push(format!(
                "  {} async events of {} KB = 1 + ⌈({} − 256) ÷ 64⌉ = {} requests each → {} billed requests",
                u.requests,
                i.async_event_kb,
                i.async_event_kb,
                1 + async_extra_requests(i.async_event_kb),
                u.billed_requests
            ));
        }
        let free_req = self.free_requests_used;
        if free_req > 0 {
            math.push(format!(
                "  {} requests − {free_req} free-tier requests = {} billable",
                u.billed_requests,
                u.billed_requests - free_req
            ));
        }
        let req_rate = if i.edge { rates::EDGE_REQUEST } else { i.region.request };
        math.push(format!("  {} × ${} = ${}", u.billed_requests - free_req, req_rate.to_decimal(), l.request_usd));

        math.push("Duration (on-demand)".into());
        if i.duration_p99_ms > 0.0 {
            math.push(format!(
                "  CV {} from the p99: a lognormal with mean {} ms and p99 {} ms has σ = z − √(z² − 2·ln(p99 ÷ mean)) = {} (z = 2.3263, the 99th percentile of the standard normal), and CV = √(e^(σ²) − 1)",
                round_to(i.duration_cv, 4),
                fmt_num(i.duration_ms),
                fmt_num(i.duration_p99_ms),
                round_to((i.duration_cv * i.duration_cv).ln_1p().sqrt(), 4)
            ));
        }
        let cv_note = if i.duration_cv > 0.0 {
            format!(
                " (expected ⌈duration⌉ for a lognormal {} ms mean, CV {}: each invocation rounds up on its own)",
                i.duration_ms,
                round_to(i.duration_cv, 4)
            )
        } else {
            format!(" (⌈{} ms⌉)", i.duration_ms)
        };
        math.push(format!("  {} invocations × {} ms billed{cv_note}", u.od_requests, fmt_ms(u.warm_billed_ns)));
        math.push(format!("  × {mem} MB ÷ 1024 = {} GB-s", u.od_gbs.to_decimal()));
        if !u.init_billed && i.cold_start_ratio > 0.0 && i.init_ms > 0.0 {
            math.push(format!(
                "  INIT is not billed: zip package on a managed runtime ({}) before {}",
                i.runtime,
                rates::INIT_BILLING_FROM
            ));
        }
        if u.init_gbs.0 > 0 {
            math.push(format!(
                "  INIT: {} cold starts × {} ms extra billed (⌈duration + {} ms Init⌉ − ⌈duration⌉) × {mem} MB ÷ 1024 = {} GB-s",
                u.cold_starts.to_decimal(),
                fmt_ms(u.cold_extra_ns),
                i.init_ms,
                u.init_gbs.to_decimal()
            ));
        }
        let free_used = self.free_gbs_used;
        let (bill_dur, bill_init) = self.billable_gbs;
        if free_used.0 > 0 {
            math.push(format!(
                "  − {} free-tier GB-s = {} GB-s billable",
                free_used.to_decimal(),
                (bill_dur + bill_init).to_decimal()
            ));
        }
        if i.edge {
            math.push(format!(
                "  Lambda@Edge: {} GB-s = {} 128 MB-s × ${} = ${}",
                bill_dur.to_decimal(),
                per_128mb_s(bill_dur).to_decimal(),
                rates::EDGE_PER_128MB_SECOND.to_decimal(),
                l.duration_usd
            ));
            if bill_init.0 > 0 {
                math.push(format!("  INIT at Lambda@Edge rates: ${}", l.init_usd));
            }
        } else {
            if self.tier_start.0 > 0 {
                math.push(format!(
                    "  (earlier functions in this region and architecture used {} GB-s of the tiers)",
                    self.tier_start.to_decimal()
                ));
            }
            math.extend(tier_lines(&self.duration_tiers));
            if bill_init.0 > 0 {
                math.push("  INIT at the same duration rates:".into());
                math.extend(tier_lines(&self.init_tiers));
            }
        }
        math.push(format!("  = ${}", l.duration_usd + l.init_usd));

        if u.ephemeral_gbs.0 > 0 {
            let rate = i.region.ephemeral.unwrap_or(Rate(0));
            math.push("Ephemeral storage".into());
            math.push(format!(
                "  {} s of execution × ({} − 512) MB ÷ 1024 = {} GB-s × ${} = ${}",
                u.exec_seconds.to_decimal(),
                i.ephemeral_mb,
                u.ephemeral_gbs.to_decimal(),
                rate.to_decimal(),
                l.ephemeral_usd
            ));
        }

        if let Some(rate) = rates::tenant_rate(i.region.code, i.arch).filter(|_| i.tenant_environments > 0) {
            math.push("Tenant isolation".into());
            math.push(format!(
                "  {} environments created × {mem} MB ÷ 1024 = {} GB × ${} = ${}",
                i.tenant_environments,
                self.around.tenant_gb.to_decimal(),
                rate.to_decimal(),
                l.tenant_usd
            ));
            math.push(format!("  {TENANT_NOTE}"));
        }
        if let Some(d) = rates::durable_rates(i.region.code).filter(|_| i.durable_executions > 0) {
            let n = i.durable_executions;
            math.push("Durable functions".into());
            math.push(format!(
                "  operations: {n} executions × {} = {} × ${} = ${}",
                i.durable_ops_per_execution,
                self.around.durable_ops.to_decimal(),
                d.operation.to_decimal(),
                d.operation.times(self.around.durable_ops)
            ));
            math.push(format!(
                "  data written: {n} × {} KB ÷ 1,000,000 KB per GB = {} GB × ${} = ${}",
                fmt_num(i.durable_kb_per_execution),
                self.around.durable_written_gb.to_decimal(),
                d.written_gb.to_decimal(),
                d.written_gb.times(self.around.durable_written_gb)
            ));
            math.push(format!(
                "  data retained: {} GB × ({} days running + {} days after completion) ÷ 30 = {} GB-months × ${} = ${}",
                self.around.durable_written_gb.to_decimal(),
                fmt_num(i.durable_days),
                i.durable_retention_days,
                self.around.durable_gb_months.to_decimal(),
                d.retained_gb_month.to_decimal(),
                d.retained_gb_month.times(self.around.durable_gb_months)
            ));
            math.push(format!("  = ${}", l.durable_usd));
            math.push(format!("  {DURABLE_NOTE}"));
        }
        if let (true, Some((sqs, kafka))) =
            (i.sqs_poller_hours > 0.0 || i.kafka_poller_hours > 0.0, rates::epu_rates(i.region.code))
        {
            math.push("Event pollers (provisioned mode for event source mappings)".into());
            for (what, hours, rate) in
                [("SQS", self.around.epu_hours.0, sqs), ("Kafka", self.around.epu_hours.1, kafka)]
            {
                if hours.0 > 0 {
                    math.push(format!(
                        "  {what}: {} EPU-hours × ${} = ${}",
                        hours.to_decimal(),
                        rate.to_decimal(),
                        rate.times(hours)
                    ));
                }
            }
            math.push(format!("  {POLLER_NOTE}"));
        }
        math.extend(self.around_math());
        if let (true, Some(pc)) = (i.pc_units > 0, i.region.pc(i.arch)) {
            math.push("Provisioned concurrency (never in the free tier)".into());
            math.push(format!("  {PC_FREE_TIER_NOTE}"));
            math.push(format!(
                "  {} h enabled → {} s (rounded up to 5 minutes) × {} environments × {mem} MB ÷ 1024 = {} GB-s × ${} = ${}",
                i.pc_hours,
                u.pc_seconds,
                i.pc_units,
                u.pc_config_gbs.to_decimal(),
                pc.config.to_decimal(),
                l.pc_usd
            ));
            math.push(format!(
                "  {} invocations on PC × {} ms × {mem} MB ÷ 1024 = {} GB-s × ${} = ${}",
                u.pc_requests,
                fmt_ms(u.pc_billed_ns),
                u.pc_duration_gbs.to_decimal(),
                pc.duration.to_decimal(),
                l.pc_duration_usd
            ));
            if u.od_requests > 0 {
                math.push(format!("  {} invocations spill over to on-demand rates (above)", u.od_requests));
            }
        }

        if i.snapstart {
            math.push("SnapStart".into());
            if i.runtime.starts_with("java") {
                math.push(format!("  {}: no cache or restore charge for Java managed runtimes", i.runtime));
            } else if let Some(s) = i.region.snapstart {
                math.push(format!(
                    "  cache: {mem} MB ÷ 1024 × {} h (at least 3 h) = {} GB-s × ${} = ${}",
                    i.snapstart_hours,
                    u.snap_cache_gbs.to_decimal(),
                    s.cache.to_decimal(),
                    s.cache.times(u.snap_cache_gbs)
                ));
                math.push(format!(
                    "  restore: {} restores × {mem} MB ÷ 1024 = {} GB × ${} = ${}",
                    count_times(u.od_requests, i.restore_ratio).to_decimal(),
                    u.snap_restore_gb.to_decimal(),
                    s.restore.to_decimal(),
                    s.restore.times(u.snap_restore_gb)
                ));
            }
        }

        if u.stream_gb.0 > 0 {
            let billable = u.stream_gb.saturating_sub(self.free_stream_used);
            math.push("Response streaming".into());
            if self.free_stream_used.0 > 0 {
                math.push(format!(
                    "  {} GB − {} GB free tier = {} GB",
                    u.stream_gb.to_decimal(),
                    self.free_stream_used.to_decimal(),
                    billable.to_decimal()
                ));
            }
            math.push(format!(
                "  {} GB × ${} = ${}",
                billable.to_decimal(),
                rates::STREAM_PER_GB.to_decimal(),
                l.stream_usd
            ));
        }

        if i.savings_plan_pct > 0.0 {
            let base = l.duration_usd + l.init_usd + l.pc_usd + l.pc_duration_usd;
            math.push("Compute Savings Plan".into());
            math.push(format!(
                "  {}% × ${base} (duration, INIT and PC; requests are not discounted) = −${}",
                i.savings_plan_pct, l.savings_usd
            ));
        }
        math.push(format!("Total for this function: ${} (≈ ${})", l.total(), l.total().round_cents()));
        math
    }
}

impl FunctionCost {
    /// The math of the charges around the function: front door, logs, data
    /// out, NAT gateway.
    fn around_math(&self) -> Vec<String> {
        let (i, l, a) = (&self.input, &self.lines, &self.around);
        let mut m = Vec::new();
        let parts = |m: &mut Vec<String>, parts: &[TierPart], unit: &str| {
            for p in parts {
                m.push(format!(
                    "  {} {unit} × ${} (tier {}) = ${}",
                    p.gbs.to_decimal(),
                    p.rate.to_decimal(),
                    p.tier,
                    p.usd
                ));
            }
        };
        if i.front_door != FrontDoor::None {
            m.push(format!("Front door: {}", i.front_door.name()));
            match i.front_door {
                FrontDoor::FunctionUrl => m.push(
                    "  a function URL adds no charge: the function's own requests and duration are the bill".into(),
                ),
                FrontDoor::HttpApi => {
                    m.push(format!(
                        "  {} requests × ⌈{} KB ÷ 512 KB⌉ (at least 1) = {} metered requests",
                        i.requests,
                        fmt_num(i.payload_kb),
                        a.door_requests.to_decimal()
                    ));
                    parts(&mut m, &a.door, "requests");
                }
                FrontDoor::RestApi => {
                    parts(&mut m, &a.door, "requests");
                    if let Some(rate) = rest_cache_rate(i.rest_cache_gb) {
                        m.push(format!(
                            "  cache of {} GB: {HOURS_PER_MONTH} h × ${} = ${}{}",
                            i.rest_cache_gb.gb(),
                            rate.to_decimal(),
                            a.cache,
                            if i.rest_cache_gb == CacheSize::Gb1_6 { "" } else { " (this size's rate is from copies of AWS's table; the page's own example is the 1.6 GB cache)" }
                        ));
                    }
                }
                _ => {
                    m.push(format!(
                        "  {HOURS_PER_MONTH} ALB-hours × ${} + {} public IPv4 addresses × {HOURS_PER_MONTH} h × ${} = ${}",
                        rate_text(a.rates.and_then(|r| r.alb_hour)),
                        rates::ALB_MIN_ZONES,
                        rate_text(a.rates.and_then(|r| r.ipv4_hour)),
                        a.alb_fixed
                    ));
                    m.push(format!(
                        "  capacity units: the highest of new connections ÷ 25 per s, active connections ÷ 3,000 per min, GB processed ÷ 0.4 per h (Lambda targets) and rule evaluations past 10 rules ÷ 1,000 per s = {} LCU (traffic spread evenly) × {HOURS_PER_MONTH} h = {} LCU-hours × ${} = ${}",
                        round_to(a.alb_lcu, 6),
                        a.alb_lcu_hours.to_decimal(),
                        rate_text(a.rates.and_then(|r| r.alb_lcu_hour)),
                        a.alb_lcu_usd
                    ));
                }
            }
            if i.front_door == FrontDoor::Alb {
                m.push("  an ALB is billed every hour of the month, traffic or not".into());
            }
            m.push(format!("  = ${}", l.front_door_usd));
        }
        if a.log_gb.0 > 0 {
            m.push("CloudWatch Logs".into());
            m.push(format!(
                "  {} invocations × {} KB ÷ 1,048,576 KB per GB = {} GB ingested",
                i.requests,
                fmt_num(i.log_kb_per_invocation),
                a.log_gb.to_decimal()
            ));
            if a.free_log.0 > 0 {
                m.push(format!(
                    "  − {} GB free (5 GB a month, shared with all CloudWatch use)",
                    a.free_log.to_decimal()
                ));
            }
            parts(&mut m, &a.logs, "GB");
            m.push(format!(
                "  stored: {} GB × {} days kept ÷ 30 = {} GB-months × ${} = ${} (at the ingested size, an upper bound)",
                a.log_gb.to_decimal(),
                i.log_retention_days,
                a.log_gb_months.to_decimal(),
                rate_text(a.rates.and_then(|r| r.log_storage)),
                a.log_storage
            ));
            m.push(format!("  = ${}", l.logs_usd));
        }
        if i.egress_gb > 0.0 {
            m.push("Data out to the internet".into());
            if a.free_egress.0 > 0 {
                m.push(format!(
                    "  {} GB − {} GB free (100 GB a month across all AWS services)",
                    fmt_num(i.egress_gb),
                    a.free_egress.to_decimal()
                ));
            }
            parts(&mut m, &a.egress, "GB");
            m.push(format!("  = ${}", l.egress_usd));
        }
        if i.nat_gb > 0.0 || i.nat_hours > 0.0 {
            m.push("NAT gateway".into());
            m.push(format!(
                "  {} h × ${} + {} GB processed × ${} = ${}",
                fmt_num(i.nat_hours),
                rate_text(a.rates.and_then(|r| r.nat_hour)),
                fmt_num(i.nat_gb),
                rate_text(a.rates.and_then(|r| r.nat_gb)),
                l.nat_usd
            ));
        }
        for (line, what) in &a.unpriced {
            let label = Lines::default().items().iter().find(|x| x.0 == *line).map_or(*line, |x| x.1);
            m.push(format!(
                "{label}: not priced in {}, no verified rate for {what}; left out of the total",
                i.region.code
            ));
        }
        if !m.is_empty() {
            m.push(format!("  {AROUND_NOTE}"));
            if i.region.code != "us-east-1" {
                m.push(format!("  {}", around_source_note(i.region.code)));
            }
        }
        m
    }
}

/// A rate in the math, or "?" where the region has none (the line is then
/// not priced, and the math says so).
pub(super) fn rate_text(r: Option<Rate>) -> String {
    r.map_or_else(|| "?".to_string(), |r| r.to_decimal())
}

/// Where a region's rates around the function come from.
pub fn around_source_note(region: &str) -> String {
    format!(
        "Rates around the function in {region}: {}; every source with its date is on the About page.",
        rates::around_rates(region).source
    )
}

/// What the charges around a function include and leave out.
pub const AROUND_NOTE: &str = "API Gateway, log and data-transfer tiers and free allowances count the whole account (here, \
the functions priced together, in order). API Gateway's own free tier (1M calls a month) is for new accounts' first 12 \
months only and is not applied. Data transfer within a region to S3, DynamoDB, SQS and similar services is free; VPC \
endpoints are not priced here.";

/// What the durable-functions line includes, and the GB it counts.
pub const DURABLE_NOTE: &str = "Operations, data written and data retained are billed on top of the function's own requests and \
duration, which include every replay; a wait suspends the function and bills no duration. A GB here is 1,000,000 KB, as AWS's \
worked example counts it (a binary GB of 1,048,576 KB would bill 4.6% less data). Retention is prorated over a 30-day month, \
as in that example: each execution's data is kept while it runs and for the retention period (1 to 90 days, default 14) after.";

/// How event pollers are billed, and the minimums.
pub const POLLER_NOTE: &str = "An Event Poller Unit is billed per second with a 1-minute minimum, for the minimum pollers you \
provision plus those autoscaling adds. An SQS mapping in provisioned mode runs at least 2 pollers, one per EPU: 1,460 EPU-hours \
($13.51) in a 730-hour month. A Kafka EPU carries up to 10 pollers (20 MB/s); mappings in one poller group share EPUs, so ten \
1-poller mappings fill one EPU (730 EPU-hours, $135.05).";

/// What tenant isolation's line includes, and where AWS's example differs.
pub const TENANT_NOTE: &str = "Billed per tenant-isolated environment created, at the Price List rate per GB ($0.000166667 \
x86_64, $0.000133333 arm64); requests and duration are billed as usual. Tenant isolation excludes SnapStart, provisioned \
concurrency and function URLs. AWS's example (200K environments of 1,024 MB) uses $0.000167 per GB and gets $33.40; \
at the Price List rate it is $33.33.";

/// Why a function with provisioned concurrency still gets the free tier on
/// its requests and on-demand duration, with both of AWS's sentences.
pub const PC_FREE_TIER_NOTE: &str = "AWS's pricing page says \u{201c}The Lambda free tier does not apply to functions enabling \
Provisioned Concurrency\u{201d}, yet its Provisioned Concurrency example 1 bills \u{201c}3,000,000 requests \u{2013} 1M free tier \
requests\u{201d} and \u{201c}450,000 GB-s \u{2013} 400,000 free tier GB-s\u{201d} for the same function. The free tier is applied by usage \
type (the Price List's Global-Request and Global-Lambda-GB-Second): it covers the requests and on-demand duration of every \
function, and never the Provisioned Concurrency and Provisioned Concurrency duration charges. This bill does the same.";

//! The bill: lines, tiers and the account's shared counters.

use super::*;

/// Cost lines of one function (or of a whole account, summed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lines {
    pub request_usd: Usd,
    pub duration_usd: Usd,
    pub init_usd: Usd,
    pub ephemeral_usd: Usd,
    pub pc_usd: Usd,
    pub pc_duration_usd: Usd,
    pub snapstart_usd: Usd,
    pub stream_usd: Usd,
    pub tenant_usd: Usd,
    pub durable_usd: Usd,
    pub poller_usd: Usd,
    pub front_door_usd: Usd,
    pub logs_usd: Usd,
    pub egress_usd: Usd,
    pub nat_usd: Usd,
    pub savings_usd: Usd,
}

impl Lines {
    /// (metric name, label, amount), in display order; savings is negative.
    pub fn items(&self) -> [(&'static str, &'static str, Usd); 16] {
        [
            ("request_usd", "Requests", self.request_usd),
            ("duration_usd", "Duration (on-demand)", self.duration_usd),
            ("init_usd", "INIT (cold starts)", self.init_usd),
            ("ephemeral_usd", "Ephemeral storage", self.ephemeral_usd),
            ("pc_usd", "Provisioned concurrency", self.pc_usd),
            ("pc_duration_usd", "Duration on PC", self.pc_duration_usd),
            ("snapstart_usd", "SnapStart cache and restore", self.snapstart_usd),
            ("stream_usd", "Response streaming", self.stream_usd),
            ("tenant_usd", "Tenant isolation", self.tenant_usd),
            ("durable_usd", "Durable functions", self.durable_usd),
            ("poller_usd", "Event pollers (provisioned mode)", self.poller_usd),
            ("front_door_usd", "Front door (API Gateway or ALB)", self.front_door_usd),
            ("logs_usd", "CloudWatch Logs", self.logs_usd),
            ("egress_usd", "Data out to the internet", self.egress_usd),
            ("nat_usd", "NAT gateway", self.nat_usd),
            ("savings_usd", "Savings Plan discount", Usd::ZERO - self.savings_usd),
        ]
    }

    pub fn total(&self) -> Usd {
        self.items().iter().map(|(_, _, u)| *u).sum()
    }

    fn add(&mut self, o: &Lines) {
        self.request_usd += o.request_usd;
        self.duration_usd += o.duration_usd;
        self.init_usd += o.init_usd;
        self.ephemeral_usd += o.ephemeral_usd;
        self.pc_usd += o.pc_usd;
        self.pc_duration_usd += o.pc_duration_usd;
        self.snapstart_usd += o.snapstart_usd;
        self.stream_usd += o.stream_usd;
        self.tenant_usd += o.tenant_usd;
        self.durable_usd += o.durable_usd;
        self.poller_usd += o.poller_usd;
        self.front_door_usd += o.front_door_usd;
        self.logs_usd += o.logs_usd;
        self.egress_usd += o.egress_usd;
        self.nat_usd += o.nat_usd;
        self.savings_usd += o.savings_usd;
    }
}

/// One priced function.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionCost {
    pub input: CostInput,
    pub usage: Usage,
    pub lines: Lines,
    pub free_requests_used: u128,
    pub free_gbs_used: Qty,
    pub free_stream_used: Qty,
    /// The tier counter of this function's (region, arch) before it.
    pub tier_start: Qty,
    /// On-demand duration and INIT GB-s after the free tier, as billed.
    pub billable_gbs: (Qty, Qty),
    /// How those GB-s fell on the duration tiers (empty for Lambda@Edge),
    /// recorded when billed so "show the math" writes what was charged.
    pub duration_tiers: Vec<TierPart>,
    pub init_tiers: Vec<TierPart>,
    /// What the function's surroundings were charged, as billed.
    pub around: Around,
}

/// The products around a function, worked out only for the full bill (see
/// [`function_total`]) and recorded as billed: tenant isolation, durable
/// functions, event pollers, the front door's request tiers and fixed parts,
/// logs, data out, NAT.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Around {
    /// Tenant-isolated environments created × memory, in GB.
    pub tenant_gb: Qty,
    /// Durable operations, GB written and GB-months retained.
    pub durable_ops: Qty,
    pub durable_written_gb: Qty,
    pub durable_gb_months: Qty,
    /// Event Poller Unit-hours: SQS, Kafka.
    pub epu_hours: (Qty, Qty),
    /// Requests the front door bills: an HTTP API meters each in 512 KB steps.
    pub door_requests: Qty,
    /// An ALB's capacity units per hour (averaged over the month) and LCU-hours.
    pub alb_lcu: f64,
    pub alb_lcu_hours: Qty,
    /// Logs ingested (GB, 1 GB = 1,048,576 KB) and GB-months stored.
    pub log_gb: Qty,
    pub log_gb_months: Qty,
    pub door: Vec<TierPart>,
    pub cache: Usd,
    /// ALB-hours and its public IPv4 addresses.
    pub alb_fixed: Usd,
    pub alb_lcu_usd: Usd,
    pub free_log: Qty,
    pub logs: Vec<TierPart>,
    pub log_storage: Usd,
    pub free_egress: Qty,
    pub egress: Vec<TierPart>,
    pub nat: Usd,
    /// The region's rates that priced these lines.
    pub rates: Option<rates::AroundRates>,
    /// Lines this function uses that its region has no verified rate for:
    /// (metric, what is missing). They are left out of the total.
    pub unpriced: Vec<(&'static str, String)>,
}

/// A line around a function that its region cannot price.
#[derive(Clone, Debug, PartialEq)]
pub struct Unpriced {
    /// The line's metric (`front_door_usd`, …) and label.
    pub line: &'static str,
    pub label: &'static str,
    pub region: &'static str,
    /// The rate that is missing, in words.
    pub missing: String,
}

impl Unpriced {
    /// "Front door (API Gateway or ALB): not priced in eu-south-2 (no verified
    /// rate for …)".
    pub fn sentence(&self) -> String {
        format!("{}: not priced in {} (no verified rate for {})", self.label, self.region, self.missing)
    }
}

/// What a tiered line lacks, in words: "HTTP API requests beyond 300
/// million a month" for its 1-based `tier`.
pub(super) fn tier_gap(what: &str, tier: usize, tiers: &[&str]) -> String {
    format!("{what} {}", tiers.get(tier - 1).copied().unwrap_or("in a later tier"))
}

/// A tiered charge where some tiers' rates may be unknown: priced when every
/// tier the quantity reaches is known, else the 1-based tier that is not.
pub(super) fn tiered_known(
    start: Qty,
    qty: Qty,
    limits: &[u128],
    rates: &[Option<Rate>],
) -> Result<Vec<TierPart>, usize> {
    let known: Vec<Rate> = rates.iter().map(|r| r.unwrap_or(Rate(0))).collect();
    let parts = tiered(start, qty, limits, &known).1;
    match parts.iter().find(|p| rates[p.tier - 1].is_none()) {
        Some(p) => Err(p.tier),
        None => Ok(parts),
    }
}

/// The hourly rate of a REST API cache size, `None` for "0".
pub fn rest_cache_rate(size: CacheSize) -> Option<Rate> {
    rates::REST_CACHE.iter().find(|c| c.0 == size).map(|c| c.1)
}

/// One tier's share of a tiered charge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TierPart {
    pub tier: usize,
    pub gbs: Qty,
    pub rate: Rate,
    pub usd: Usd,
}

/// Tiered charge for `qty` GB-s starting at `start` on the tier counter.
pub(super) fn tiered(start: Qty, qty: Qty, limits: &[u128], rates: &[Rate]) -> (Usd, Vec<TierPart>) {
    let bounds: Vec<Qty> = limits.iter().map(|l| Qty::whole(*l)).chain([Qty(u128::MAX)]).collect();
    let mut at = start;
    let mut left = qty;
    let mut usd = Usd::ZERO;
    let mut parts = Vec::new();
    for (t, bound) in bounds.iter().enumerate() {
        if left.0 == 0 {
            break;
        }
        if at >= *bound {
            continue;
        }
        let take = left.min(bound.saturating_sub(at));
        let part = rates[t].times(take);
        parts.push(TierPart { tier: t + 1, gbs: take, rate: rates[t], usd: part });
        usd += part;
        at += take;
        left = left.saturating_sub(take);
    }
    (usd, parts)
}

/// Lambda@Edge duration is priced per 128 MB-second: 8 per GB-s.
pub(super) fn per_128mb_s(q: Qty) -> Qty {
    q.scale(8, 1)
}

/// The bill of several functions as one account: each function's lines, the
/// account's lines, and which architecture got the free GB-s first. With
/// `ALL` false, only the function's own lines (see [`function_total`]).
pub(super) fn bill_account<const ALL: bool>(
    inputs: &[CostInput],
    order: FreeTierOrder,
) -> Result<(Vec<FunctionCost>, Lines, Arch), String> {
    let usages: Vec<Usage> = inputs.iter().map(usage).collect::<Result<_, _>>()?;
    let mut free_requests = rates::FREE_REQUESTS;
    let mut free_stream = Qty::whole(rates::FREE_STREAM_GB);
    let mut free_gbs = Qty::whole(rates::FREE_GB_SECONDS);
    let mut free_gbs_used = vec![Qty::ZERO; inputs.len()];
    // Free GB-s go to one architecture first (a visible assumption), then in list order.
    let first = if order == FreeTierOrder::X86First { Arch::X86 } else { Arch::Arm };
    for pass in [true, false] {
        for (k, (i, u)) in inputs.iter().zip(&usages).enumerate() {
            if (i.arch == first) == pass && u.free_eligible {
                let take = (u.od_gbs + u.init_gbs).min(free_gbs);
                free_gbs = free_gbs.saturating_sub(take);
                free_gbs_used[k] = take;
            }
        }
    }
    let mut counters: Vec<(&str, Arch, Qty)> = Vec::new();
    // API Gateway, log and data-transfer tiers and free allowances count the
    // whole account, in list order.
    let (mut http_at, mut rest_at, mut log_at, mut egress_at) = (Qty::ZERO, Qty::ZERO, Qty::ZERO, Qty::ZERO);
    let mut free_logs = Qty::whole(rates::FREE_LOG_GB);
    let mut free_egress = Qty::whole(rates::FREE_EGRESS_GB);
    let mut functions = Vec::with_capacity(inputs.len());
    for (k, (i, u)) in inputs.iter().zip(usages).enumerate() {
        let mut l = Lines::default();

        // Requests.
        let free_req = if u.free_eligible { u.billed_requests.min(free_requests) } else { 0 };
        free_requests -= free_req;
        let req_rate = if i.edge { rates::EDGE_REQUEST } else { i.region.request };
        l.request_usd = req_rate.times(Qty::whole(u.billed_requests - free_req));

        // On-demand duration and INIT share the free GB-s (duration first) and the tiers.
        let free_used = free_gbs_used[k];
        let free_dur = free_used.min(u.od_gbs);
        let bill_dur = u.od_gbs.saturating_sub(free_dur);
        let bill_init = u.init_gbs.saturating_sub(free_used.saturating_sub(free_dur));
        let mut tier_start = Qty::ZERO;
        let (mut duration_tiers, mut init_tiers) = (Vec::new(), Vec::new());
        if i.edge {
            l.duration_usd = rates::EDGE_PER_128MB_SECOND.times(per_128mb_s(bill_dur));
            l.init_usd = rates::EDGE_PER_128MB_SECOND.times(per_128mb_s(bill_init));
        } else {
            let pos = counters.iter().position(|(c, a, _)| *c == i.region.code && *a == i.arch).unwrap_or_else(|| {
                counters.push((i.region.code, i.arch, Qty::ZERO));
                counters.len() - 1
            });
            tier_start = counters[pos].2;
            let (rates, limits) = (i.region.duration_tiers(i.arch), i.arch.tier_limits());
            (l.duration_usd, duration_tiers) = tiered(tier_start, bill_dur, &limits, &rates);
            (l.init_usd, init_tiers) = tiered(tier_start + bill_dur, bill_init, &limits, &rates);
            counters[pos].2 = tier_start + bill_dur + bill_init;
        }

        l.ephemeral_usd = i.region.ephemeral.unwrap_or(Rate(0)).times(u.ephemeral_gbs);

        if let (true, Some(pc)) = (i.pc_units > 0, i.region.pc(i.arch)) {
            l.pc_usd = pc.config.times(u.pc_config_gbs);
            l.pc_duration_usd = pc.duration.times(u.pc_duration_gbs);
        }

        if let (true, false, Some(s)) = (i.snapstart, i.runtime.starts_with("java"), i.region.snapstart) {
            l.snapstart_usd = s.cache.times(u.snap_cache_gbs) + s.restore.times(u.snap_restore_gb);
        }

        let mut free_stream_used = Qty::ZERO;
        if u.free_eligible {
            free_stream_used = u.stream_gb.min(free_stream);
            free_stream = free_stream.saturating_sub(free_stream_used);
        }
        l.stream_usd = rates::STREAM_PER_GB.times(u.stream_gb.saturating_sub(free_stream_used));

        let mut around = Around::default();
        if ALL {
            around.tenant_gb = Qty::ratio(i.tenant_environments as u128 * i.memory_mb as u128, MB_PER_GB);
            around.durable_ops = Qty::whole(i.durable_executions as u128 * i.durable_ops_per_execution as u128);
            // Durable data: KB per execution, 1 GB = 10⁶ KB; retained while the
            // execution runs and for the retention period after, prorated over a
            // 30-day month (AWS's example).
            around.durable_written_gb =
                Qty(mul_div_round(decimal_qty(i.durable_kb_per_execution).0, i.durable_executions as u128, 1_000_000));
            let retained_days = decimal_qty(i.durable_days) + Qty::whole(i.durable_retention_days as u128);
            around.durable_gb_months = around.durable_written_gb.scale(retained_days.0, 30 * crate::base::money::ATTO);
            around.epu_hours = (decimal_qty(i.sqs_poller_hours), decimal_qty(i.kafka_poller_hours));
        }
        if ALL && i.tenant_environments > 0 {
            match rates::tenant_rate(i.region.code, i.arch) {
                Some(rate) => l.tenant_usd = rate.times(around.tenant_gb),
                None => {
                    around.unpriced.push(("tenant_usd", format!("tenant-isolated environments on {}", i.arch.name())))
                }
            }
        }
        if ALL && i.durable_executions > 0 {
            match rates::durable_rates(i.region.code) {
                Some(d) => {
                    l.durable_usd = d.operation.times(around.durable_ops)
                        + d.written_gb.times(around.durable_written_gb)
                        + d.retained_gb_month.times(around.durable_gb_months)
                }
                None => around.unpriced.push(("durable_usd", "durable operations and data".into())),
            }
        }
        if ALL && (i.sqs_poller_hours > 0.0 || i.kafka_poller_hours > 0.0) {
            match rates::epu_rates(i.region.code) {
                Some((sqs, kafka)) => l.poller_usd = sqs.times(around.epu_hours.0) + kafka.times(around.epu_hours.1),
                None => around.unpriced.push(("poller_usd", "Event Poller Unit-hours".into())),
            }
        }

        let month = Qty::whole(HOURS_PER_MONTH as u128);
        if ALL {
            let rates = rates::around_rates(i.region.code);
            around.rates = Some(rates);
            let mut missing = |line: &'static str, what: String| around.unpriced.push((line, what));
            around.door_requests = match i.front_door {
                FrontDoor::HttpApi => Qty::whole(i.requests as u128 * http_meter(i.payload_kb)),
                FrontDoor::RestApi | FrontDoor::Alb => Qty::whole(i.requests as u128),
                _ => Qty::ZERO,
            };
            if i.front_door == FrontDoor::Alb {
                around.alb_lcu = alb_lcu(i);
                around.alb_lcu_hours = decimal_qty(around.alb_lcu * HOURS_PER_MONTH as f64);
            }
            around.log_gb = Qty(mul_div_round(decimal_qty(i.log_kb_per_invocation).0, i.requests as u128, KB_PER_GB));
            around.log_gb_months = around.log_gb.scale(i.log_retention_days as u128, 30);
            match i.front_door {
                FrontDoor::HttpApi => {
                    match tiered_known(http_at, around.door_requests, &rates::HTTP_API.0, &rates.http_api).map_err(
                        |t| {
                            tier_gap(
                                "HTTP API requests",
                                t,
                                &["up to 300 million a month", "beyond 300 million a month"],
                            )
                        },
                    ) {
                        Ok(parts) => around.door = parts,
                        Err(what) => missing("front_door_usd", what),
                    }
                    http_at += around.door_requests;
                }
                FrontDoor::RestApi => {
                    match tiered_known(rest_at, around.door_requests, &rates::REST_API.0, &rates.rest_api).map_err(
                        |t| {
                            tier_gap(
                                "REST API requests",
                                t,
                                &[
                                    "up to 333 million a month",
                                    "from 333 million to 1 billion a month",
                                    "from 1 to 20 billion a month",
                                    "beyond 20 billion a month",
                                ],
                            )
                        },
                    ) {
                        Ok(parts) => around.door = parts,
                        Err(what) => missing("front_door_usd", what),
                    }
                    rest_at += around.door_requests;
                    if i.rest_cache_gb != CacheSize::None {
                        match rates.rest_cache.and_then(|t| t.iter().find(|c| c.0 == i.rest_cache_gb)) {
                            Some((_, r)) => around.cache = r.times(month),
                            None => missing("front_door_usd", format!("a {} GB REST API cache", i.rest_cache_gb.gb())),
                        }
                    }
                }
                FrontDoor::Alb => match (rates.alb_hour, rates.ipv4_hour, rates.alb_lcu_hour) {
                    (Some(hour), Some(ipv4), Some(lcu)) => {
                        around.alb_fixed = hour.times(month) + ipv4.times(month.scale(rates::ALB_MIN_ZONES as u128, 1));
                        around.alb_lcu_usd = lcu.times(around.alb_lcu_hours);
                    }
                    (hour, ipv4, _) => missing(
                        "front_door_usd",
                        (if hour.is_none() {
                            "ALB-hours"
                        } else if ipv4.is_none() {
                            "public IPv4 addresses"
                        } else {
                            "ALB capacity units (LCU-hours)"
                        })
                        .to_string(),
                    ),
                },
                _ => {}
            }
            if u.free_eligible {
                around.free_log = around.log_gb.min(free_logs);
                free_logs = free_logs.saturating_sub(around.free_log);
            }
            let billed_logs = around.log_gb.saturating_sub(around.free_log);
            if around.log_gb.0 > 0 {
                match (tiered_known(log_at, billed_logs, &rates::LAMBDA_LOGS.0, &rates.logs), rates.log_storage) {
                    (Ok(parts), Some(storage)) => {
                        around.logs = parts;
                        around.log_storage = storage.times(around.log_gb_months);
                    }
                    (Err(_), _) => missing("logs_usd", "Lambda log ingestion".into()),
                    (_, None) => missing("logs_usd", "log storage".into()),
                }
            }
            log_at += billed_logs;
            let egress = decimal_qty(i.egress_gb);
            if u.free_eligible {
                around.free_egress = egress.min(free_egress);
                free_egress = free_egress.saturating_sub(around.free_egress);
            }
            let billed_egress = egress.saturating_sub(around.free_egress);
            match tiered_known(egress_at, billed_egress, &rates::EGRESS.0, &rates.egress).map_err(|t| {
                tier_gap(
                    "data out",
                    t,
                    &[
                        "up to 10 TB a month",
                        "from 10 to 50 TB a month",
                        "from 50 to 150 TB a month",
                        "beyond 150 TB a month",
                    ],
                )
            }) {
                Ok(parts) => around.egress = parts,
                Err(what) => missing("egress_usd", what),
            }
            egress_at += billed_egress;
            let (nat_hours, nat_gb) = (decimal_qty(i.nat_hours), decimal_qty(i.nat_gb));
            match (rates.nat_hour, rates.nat_gb) {
                (Some(h), Some(g)) => around.nat = h.times(nat_hours) + g.times(nat_gb),
                (Some(h), None) if nat_gb.0 == 0 => around.nat = h.times(nat_hours),
                (None, Some(g)) if nat_hours.0 == 0 => around.nat = g.times(nat_gb),
                (h, _) if nat_hours.0 > 0 || nat_gb.0 > 0 => missing(
                    "nat_usd",
                    (if h.is_none() && nat_hours.0 > 0 {
                        "NAT gateway hours"
                    } else {
                        "data processed by a NAT gateway"
                    })
                    .to_string(),
                ),
                _ => {}
            }
        }
        let sum = |parts: &[TierPart]| parts.iter().map(|p| p.usd).sum::<Usd>();
        l.front_door_usd = sum(&around.door) + around.cache + around.alb_fixed + around.alb_lcu_usd;
        l.logs_usd = sum(&around.logs) + around.log_storage;
        l.egress_usd = sum(&around.egress);
        l.nat_usd = around.nat;

        if i.savings_plan_pct > 0.0 {
            let base = l.duration_usd + l.init_usd + l.pc_usd + l.pc_duration_usd;
            l.savings_usd = base.percent((i.savings_plan_pct * 10_000.0).round() as u32);
        }

        functions.push(FunctionCost {
            input: i.clone(),
            lines: l,
            free_requests_used: free_req,
            free_gbs_used: free_used,
            free_stream_used,
            tier_start,
            billable_gbs: (bill_dur, bill_init),
            duration_tiers,
            init_tiers,
            around,
            usage: u,
        });
    }
    let mut lines = Lines::default();
    for f in &functions {
        lines.add(&f.lines);
    }
    Ok((functions, lines, first))
}

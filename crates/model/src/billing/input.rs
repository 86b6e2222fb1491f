//! One function's validated inputs, and their cross-checks.

use super::*;

/// How the shared free GB-s are split when an account runs both
/// architectures. AWS does not document it, so it is a visible assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FreeTierOrder {
    X86First,
    ArmFirst,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Package {
    Zip,
    Image,
}

/// One function's validated inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct CostInput {
    /// The region's rates in the price table the values name (`prices`).
    pub region: &'static Region,
    pub arch: Arch,
    pub memory_mb: u32,
    pub duration_ms: f64,
    /// The CV used: `duration_cv`, or the one derived from the p99.
    pub duration_cv: f64,
    /// The p99 the CV was derived from; 0 when the CV was given.
    pub duration_p99_ms: f64,
    pub requests: u64,
    pub ephemeral_mb: u32,
    pub free_tier: bool,
    pub pc_units: u32,
    pub pc_hours: f64,
    /// `None`: as many as PC can serve.
    pub pc_requests: Option<u64>,
    pub pc_duration_ms: f64,
    pub cold_start_ratio: f64,
    pub init_ms: f64,
    pub package: Package,
    pub runtime: &'static str,
    pub billing_date: Date,
    pub snapstart: bool,
    pub snapstart_hours: f64,
    pub restore_ratio: f64,
    pub stream_gb: f64,
    pub async_event_kb: u32,
    pub savings_plan_pct: f64,
    pub edge: bool,
    /// Tenant-isolated execution environments created per month.
    pub tenant_environments: u64,
    pub durable_executions: u64,
    pub durable_ops_per_execution: u32,
    pub durable_kb_per_execution: f64,
    pub durable_days: f64,
    pub durable_retention_days: u32,
    /// Event Poller Unit-hours per month, SQS and Kafka mappings.
    pub sqs_poller_hours: f64,
    pub kafka_poller_hours: f64,
    pub front_door: FrontDoor,
    pub payload_kb: f64,
    pub rest_cache_gb: CacheSize,
    pub alb_rules: u32,
    pub alb_connections_per_s: f64,
    pub alb_active_connections: f64,
    pub log_kb_per_invocation: f64,
    pub log_retention_days: u32,
    pub egress_gb: f64,
    pub nat_gb: f64,
    pub nat_hours: f64,
}

impl PartialEq for Region {
    fn eq(&self, other: &Region) -> bool {
        self.code == other.code
    }
}

/// An error that two parameters together make, blamed on one of them and
/// named as every message names its field: "Label (name): …".
pub(super) fn cross(param: &str, given: String, message: String) -> ParamError {
    let label = COST_PARAMS.iter().find(|s| s.name == param).map_or(param, |s| s.label);
    ParamError { param: param.to_string(), given, message: ui_format!("{label} ({param}): {message}") }
}

pub(super) fn runtime_name(s: &str) -> &'static str {
    let priced = crate::rates::runtimes::PRICED;
    priced.iter().copied().find(|r| *r == s).unwrap_or(priced[0])
}

/// Where the cross-checks of [`CostInput::read`] put what they find: every
/// message ([`Vec<ParamError>`], for the cost page, the account view and the
/// CLI), or only whether there was one ([`Refused`], for a figure priced
/// beside another calculator). Each message is built by a closure the
/// second kind never calls, so a module that only needs the figure does not
/// carry the messages' text.
pub trait Problems {
    fn add(&mut self, problem: impl FnOnce() -> ParamError);
}

impl Problems for Vec<ParamError> {
    fn add(&mut self, problem: impl FnOnce() -> ParamError) {
        self.push(problem());
    }
}

/// Whether the cost engine refused the values, without saying why.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Refused(pub bool);

impl Problems for Refused {
    fn add(&mut self, _: impl FnOnce() -> ParamError) {
        self.0 = true;
    }
}

impl CostInput {
    /// Reads and cross-checks the parameters. Every problem is reported, each
    /// naming what is valid.
    pub fn from_values(v: &Values, today: Date) -> Result<CostInput, Vec<ParamError>> {
        let mut errs = Vec::new();
        let input = CostInput::read(v, today, &mut errs);
        if errs.is_empty() { Ok(input) } else { Err(errs) }
    }

    /// The input of a workload another calculator prices as on-demand
    /// functions: the cost defaults with its own region, price table, memory,
    /// duration, requests and the like, none of the features a cross-check
    /// looks at (Lambda@Edge, SnapStart, tenant isolation, more than 512 MB
    /// of /tmp, a p99). The price table (a pinned one without this region)
    /// is then the one check such values can fail, so its message is the one
    /// built here: the cross-checks' messages stay out of the power, Managed
    /// Instances and platforms calculators' first-figures modules (2 KB
    /// gzipped of the power module). A test holds it to
    /// [`CostInput::from_values`] on every region, architecture and table.
    pub fn workload(v: &Values, today: Date) -> Result<CostInput, Vec<ParamError>> {
        let table = rates::price_table(v.text(p!("prices")));
        if let Err(why) = table.rates_in(v.text(p!("region"))) {
            return Err(vec![cross("prices", table.date.into(), why)]);
        }
        let mut refused = Refused::default();
        let input = CostInput::read(v, today, &mut refused);
        if refused.0 {
            return Err(vec![ParamError {
                param: p!("region").into(),
                given: v.text(p!("region")).into(),
                message:
                    "These values cannot be priced as on-demand functions; open them in the cost calculator to see why."
                        .into(),
            }]);
        }
        Ok(input)
    }

    /// Reads the parameters and puts every cross-check problem in `errs`.
    pub fn read(v: &Values, today: Date, errs: &mut impl Problems) -> CostInput {
        let table = rates::price_table(v.text(p!("prices")));
        let code = v.text(p!("region"));
        let region = table.rates_in(code).unwrap_or_else(|why| {
            errs.add(|| cross("prices", table.date.into(), why));
            rates::region(code).expect("region is a checked choice")
        });
        let arch = Arch::parse(v.text(p!("arch"))).expect("arch is a checked choice");
        let billing_date = match v.text(p!("billing_date")) {
            "" => today,
            s => Date::parse(s).unwrap_or(today),
        };
        let pc_requests = match v.int(p!("pc_requests")) {
            -1 => None,
            n => Some(n as u64),
        };
        let duration_ms = v.num(p!("duration_ms"));
        let pc_duration = v.num(p!("pc_duration_ms"));
        let p99 = v.num(p!("duration_p99_ms"));
        let duration_cv = if p99 > 0.0 {
            crate::base::stats::LogNormal::cv_from_mean_p99(duration_ms, p99).unwrap_or_else(|| {
                errs.add(|| cross(
                    "duration_p99_ms",
                    fmt_num(p99),
                    ui_format!(
                        "a lognormal with a mean of {} ms has its p99 from {} ms to {} ms; use a p99 in that range, or 0 to give the CV instead.",
                        fmt_num(duration_ms),
                        fmt_num(duration_ms),
                        fmt_num((duration_ms * P99_MAX_RATIO).floor())
                    ),
                ));
                0.0
            })
        } else {
            v.num(p!("duration_cv"))
        };
        let input = CostInput {
            region,
            arch,
            memory_mb: v.int(p!("memory_mb")) as u32,
            duration_ms,
            duration_cv,
            duration_p99_ms: p99,
            requests: v.int(p!("requests")) as u64,
            ephemeral_mb: v.int(p!("ephemeral_mb")) as u32,
            free_tier: v.flag(p!("free_tier")),
            pc_units: v.int(p!("pc_units")) as u32,
            pc_hours: v.num(p!("pc_hours")),
            pc_requests,
            pc_duration_ms: if pc_duration > 0.0 { pc_duration } else { duration_ms },
            cold_start_ratio: v.num(p!("cold_start_ratio")),
            init_ms: v.num(p!("init_ms")),
            package: if v.text(p!("package")) == "image" { Package::Image } else { Package::Zip },
            runtime: runtime_name(v.text(p!("runtime"))),
            billing_date,
            snapstart: v.flag(p!("snapstart")),
            snapstart_hours: v.num(p!("snapstart_hours")),
            restore_ratio: v.num(p!("restore_ratio")),
            stream_gb: v.num(p!("stream_gb")),
            async_event_kb: v.int(p!("async_event_kb")) as u32,
            savings_plan_pct: v.num(p!("savings_plan_pct")),
            edge: v.flag(p!("edge")),
            tenant_environments: v.int(p!("tenant_environments")) as u64,
            durable_executions: v.int(p!("durable_executions")) as u64,
            durable_ops_per_execution: v.int(p!("durable_ops_per_execution")) as u32,
            durable_kb_per_execution: v.num(p!("durable_kb_per_execution")),
            durable_days: v.num(p!("durable_days")),
            durable_retention_days: v.int(p!("durable_retention_days")) as u32,
            sqs_poller_hours: v.num(p!("sqs_poller_hours")),
            kafka_poller_hours: v.num(p!("kafka_poller_hours")),
            front_door: FrontDoor::parse(v.text(p!("front_door"))).unwrap_or(FrontDoor::None),
            payload_kb: v.num(p!("payload_kb")),
            rest_cache_gb: CacheSize::parse(v.text(p!("rest_cache_gb"))).unwrap_or(CacheSize::None),
            alb_rules: v.int(p!("alb_rules")) as u32,
            alb_connections_per_s: v.num(p!("alb_connections_per_s")),
            alb_active_connections: v.num(p!("alb_active_connections")),
            log_kb_per_invocation: v.num(p!("log_kb_per_invocation")),
            log_retention_days: v.int(p!("log_retention_days")) as u32,
            egress_gb: v.num(p!("egress_gb")),
            nat_gb: v.num(p!("nat_gb")),
            nat_hours: v.num(p!("nat_hours")),
        };
        let i = &input;
        if i.edge {
            if i.arch == Arch::Arm {
                errs.add(|| {
                    cross(
                        "arch",
                        "arm64".into(),
                        "Lambda@Edge runs on x86_64 only; choose x86_64 or turn Lambda@Edge off.".into(),
                    )
                });
            }
            if i.pc_units > 0 {
                errs.add(|| {
                    cross(
                        "pc_units",
                        i.pc_units.to_string(),
                        "Lambda@Edge has no provisioned concurrency; use 0.".into(),
                    )
                });
            }
            if i.snapstart {
                errs.add(|| {
                    cross("snapstart", "true".into(), "Lambda@Edge has no SnapStart; turn one of them off.".into())
                });
            }
            if i.ephemeral_mb > 512 {
                errs.add(|| {
                    cross(
                        "ephemeral_mb",
                        i.ephemeral_mb.to_string(),
                        "Lambda@Edge functions have a fixed 512 MB of /tmp; use 512.".into(),
                    )
                });
            }
        }
        if i.snapstart {
            if !crate::rates::runtimes::snapstart_supported(i.runtime) {
                errs.add(|| {
                    cross(
                        "runtime",
                        i.runtime.into(),
                        ui_format!(
                            "SnapStart does not support {}; it supports {}.",
                            i.runtime,
                            crate::rates::runtimes::snapstart_list(crate::rates::runtimes::PRICED)
                        ),
                    )
                });
            }
            if i.package == Package::Image {
                errs.add(|| {
                    cross("package", "image".into(), "SnapStart works with zip packages only; use zip.".into())
                });
            }
            if i.pc_units > 0 {
                errs.add(|| {
                    cross(
                        "pc_units",
                        i.pc_units.to_string(),
                        "SnapStart cannot be combined with provisioned concurrency; use 0 or turn SnapStart off."
                            .into(),
                    )
                });
            }
            if i.ephemeral_mb > 512 {
                errs.add(|| {
                    cross(
                        "ephemeral_mb",
                        i.ephemeral_mb.to_string(),
                        "SnapStart cannot be combined with more than 512 MB of ephemeral storage; use 512.".into(),
                    )
                });
            }
            if i.region.snapstart.is_none() && !i.runtime.starts_with("java") {
                errs.add(|| cross("region", i.region.code.into(), ui_format!(
                    "SnapStart cache and restore prices are in this calculator for {} only; pick one of them, or a Java runtime (no SnapStart charge).",
                    rates::REGIONS.iter().filter(|r| r.snapstart.is_some()).map(|r| r.code).collect::<Vec<_>>().join(", ")
                )));
            }
        }
        if i.ephemeral_mb > 512 && i.region.ephemeral.is_none() {
            errs.add(|| cross(
                "ephemeral_mb",
                i.ephemeral_mb.to_string(),
                ui_format!(
                    "No published ephemeral-storage rate for {} is in this calculator; use 512 MB or another region.",
                    i.region.code
                ),
            ));
        }
        if i.tenant_environments > 0 {
            let given = i.tenant_environments.to_string();
            let tenant = |m: &str| cross("tenant_environments", given.clone(), m.to_string());
            if i.pc_units > 0 {
                errs.add(|| {
                    tenant(
                        "tenant isolation cannot be combined with provisioned concurrency; use 0 here or 0 PC units.",
                    )
                });
            }
            if i.snapstart {
                errs.add(|| {
                    tenant("tenant isolation cannot be combined with SnapStart; use 0 here or turn SnapStart off.")
                });
            }
            if i.edge {
                errs.add(|| tenant("Lambda@Edge has no tenant isolation; use 0 here or turn Lambda@Edge off."));
            }
        }
        if i.durable_executions > 0 {
            let refuse = |m: String| cross("durable_executions", i.durable_executions.to_string(), m);
            if i.edge {
                errs.add(|| refuse("Lambda@Edge has no durable functions; use 0 here or turn Lambda@Edge off.".into()));
            }
        }
        for (name, hours, min_minutes) in [
            ("sqs_poller_hours", i.sqs_poller_hours, rates::SQS_MIN_POLLERS as f64),
            ("kafka_poller_hours", i.kafka_poller_hours, 1.0),
        ] {
            if hours == 0.0 {
                continue;
            }
            let refuse = |m: String| cross(name, fmt_num(hours), m);
            if hours * 60.0 < min_minutes {
                errs.add(|| {
                    refuse(ui_format!(
                        "pollers are billed per second with a 1-minute minimum{}; use 0 or at least {} EPU-hours.",
                        if min_minutes > 1.0 { ", and an SQS mapping runs at least 2" } else { "" },
                        crate::base::digits::fmt_shortest((min_minutes / 60.0 * 10_000.0).ceil() / 10_000.0)
                    ))
                });
            }
            if i.edge {
                errs.add(|| {
                    refuse("Lambda@Edge functions have no event source mappings; use 0 or turn Lambda@Edge off.".into())
                });
            }
        }
        if i.edge && i.front_door != FrontDoor::None {
            errs.add(|| {
                cross("front_door", i.front_door.key().into(), "Lambda@Edge runs behind CloudFront; use none.".into())
            });
        }
        if i.edge && (i.nat_gb > 0.0 || i.nat_hours > 0.0) {
            errs.add(|| cross("nat_gb", fmt_num(i.nat_gb), "Lambda@Edge functions are not in a VPC; use 0.".into()));
        }
        if i.front_door == FrontDoor::Alb && i.payload_kb > 1024.0 {
            errs.add(|| {
                cross(
                    "payload_kb",
                    fmt_num(i.payload_kb),
                    "an ALB passes at most 1 MB to and from a Lambda function; use 0 to 1,024 KB.".into(),
                )
            });
        }
        if i.pc_units > 0 && i.region.pc(i.arch).is_none() {
            errs.add(|| {
                cross(
                    "pc_units",
                    i.pc_units.to_string(),
                    ui_format!(
                        "No provisioned-concurrency rate for {} on {} is in this calculator; use 0, or one of: {}.",
                        i.arch.name(),
                        i.region.code,
                        rates::REGIONS
                            .iter()
                            .filter(|r| r.pc(i.arch).is_some())
                            .map(|r| r.code)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            });
        }
        if let Some(n) = i.pc_requests {
            if n > i.requests {
                errs.add(|| cross("pc_requests", n.to_string(), ui_format!(
                    "Requests served by PC ({n}) cannot exceed all requests ({}); use -1 (as many as PC can serve) or 0 to {}.", i.requests, i.requests
                )));
            } else if n > 0 && i.pc_units == 0 {
                errs.add(|| {
                    cross(
                        "pc_requests",
                        n.to_string(),
                        "Requests served by PC need provisioned concurrency; set pc_units above 0, or use -1 or 0."
                            .into(),
                    )
                });
            } else if n > 0 {
                let cap = pc_capacity(i).unwrap_or(0);
                if n > cap {
                    errs.add(|| cross("pc_requests", n.to_string(), ui_format!(
                        "{} PC environments enabled {} h can serve at most {cap} invocations of {} ms; use 0 to {cap}, or -1.",
                        i.pc_units,
                        crate::base::digits::fmt_shortest(i.pc_hours),
                        crate::base::digits::fmt_shortest(i.pc_duration_ms)
                    )));
                }
            }
        }
        input
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `workload` answers what `from_values` answers for every input the
    /// power, Managed Instances and platforms calculators build: every
    /// region, architecture and price table, at sizes, durations, spreads,
    /// traffic and savings plans across their ranges.
    #[test]
    fn a_workload_reads_as_the_cost_calculator_reads_it() {
        let today = Date::new(2026, 12, 7);
        let mut checked = 0;
        for region in rates::REGION_CODES {
            for arch in ["x86_64", "arm64"] {
                for prices in rates::PRICE_CHOICES {
                    for (memory, duration, cv, requests, free, plan) in [
                        ("128", "1", "0", "0", "true", "0"),
                        ("1024", "120", "0.3", "3000000", "false", "17"),
                        ("10240", "900000", "2", "1000000000", "true", "0"),
                    ] {
                        let mut v = Values::defaults(COST_PARAMS);
                        for (k, x) in [
                            ("region", *region),
                            ("arch", arch),
                            ("prices", *prices),
                            ("memory_mb", memory),
                            ("duration_ms", duration),
                            ("duration_cv", cv),
                            ("requests", requests),
                            ("free_tier", free),
                            ("savings_plan_pct", plan),
                        ] {
                            v.set(k, x).unwrap();
                        }
                        assert_eq!(
                            CostInput::workload(&v, today),
                            CostInput::from_values(&v, today),
                            "{region} {arch}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100);
    }
}

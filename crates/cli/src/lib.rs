//! `lambda-lab`: the Lambda Lab calculators on the command line. A thin shell
//! over `lambda-model`: flags are the parameter names (`--memory-mb` for
//! `memory_mb`), output is a readable table or, with `--json`, the metrics.
//! [`run`] is the whole command (the binary adds reading the arguments and
//! writing the result), so tests and the fuzzer call it in-process.

use lambda_model::billing;
use lambda_model::calculators::cost;
use lambda_model::calculators::export;
use lambda_model::calculators::managed_instances;
use lambda_model::calculators::microvms;
use lambda_model::calculators::platforms;
use lambda_model::calculators::power;
use lambda_model::calculators::{CALCULATORS, Calculator};
use lambda_model::models::coldstart;
use lambda_model::models::report;
use lambda_model::params::metrics::{MetricValue, to_json_object};
use lambda_model::params::{Date, ParamError, Values};
use lambda_model::simulation;

/// One command of the CLI: a calculator of the registry, what it does in a
/// few words, and how its result is written (the table, or the metrics with
/// `--json`). The usage text, the help and the dispatch are all built from
/// this list, and a test checks that it has every calculator.
struct Command {
    name: &'static str,
    summary: &'static str,
    text: fn(&Values, &Options) -> Result<String, String>,
}

/// What the flags besides the parameters asked for.
struct Options {
    json: bool,
    math: bool,
    /// Where `--report-log` read its REPORT lines from, said above the table.
    log_note: String,
}

const COMMANDS: &[Command] = &[
    Command {
        name: "cost",
        summary: "price a Lambda function: requests, duration with per-invocation rounding,
            tiers, free tier, INIT billing, ephemeral storage, provisioned concurrency,
            SnapStart, streaming, Lambda@Edge and Savings Plans",
        text: cost_text,
    },
    Command {
        name: "power",
        summary: "predict duration and cost at every memory size from one measurement, measured
            points, CloudWatch REPORT lines (--report-log FILE) or a Power Tuning link, and
            recommend a size (strategies cost, speed, balanced)",
        text: power_text,
    },
    Command {
        name: "coldstart",
        summary: "how slow a cold start is, and where the time goes (lambda-perf data, 2026)",
        text: coldstart_text,
    },
    Command {
        name: "simulate",
        summary: "simulate traffic against one function: cold starts, throttles, latency
            percentiles, concurrency and the cost of the simulated time (also `sim`, `traffic`)",
        text: simulate_text,
    },
    Command {
        name: "lmi",
        summary: "Lambda Managed Instances against on-demand functions: EC2, the 15% fee,
            requests, the capacity model and the crossover",
        text: lmi_text,
    },
    Command {
        name: "microvms",
        summary: "Lambda MicroVMs (arm64): vCPU and memory per second at the baseline and the peak,
            snapshots written and read, image and suspended storage (Price List rates)",
        text: microvms_text,
    },
    Command {
        name: "platforms",
        summary: "one workload on every platform: Lambda on demand, Managed Instances, Fargate
            and EC2 behind a load balancer, each sized and priced, and where each crosses Lambda",
        text: platforms_text,
    },
];

const OPTIONS: &str = "\
Options:
  --json            print the metrics as one JSON object
  --math            print every step of the arithmetic
  --scenario FILE   start from a scenario exported by the web page (JSON, at most 1 MB)
  --report-log FILE (power) fit CloudWatch REPORT lines from a log file (read line by
                    line, at most 256 MB)
  -h, --help        show help
  -V, --version     show the version (with --json: {\"version\": \"…\"})

Every parameter has the same name in the web page's URL, its JSON export and here
(with - for _). Exit codes: 0 ok, 1 the output could not be written, 2 bad usage or
invalid parameters.
";

/// The usage text: every command of [`COMMANDS`], then the options.
pub fn usage() -> String {
    let mut s = String::from(
        "lambda-lab: AWS Lambda cost, tuning and cold-start calculators (Lambda Lab)\n\nUsage:\n  \
         lambda-lab <command> [--<parameter> <value>]... [--json] [--math] [--scenario FILE]\n\nCommands:\n",
    );
    for c in COMMANDS {
        s.push_str(&format!("  {:<9} {}\n", c.name, c.summary));
    }
    s.push_str("  help      show this help, or `lambda-lab help <command>` for its parameters\n\n");
    s.push_str(OPTIONS);
    s
}

/// The largest REPORT log `--report-log` reads: 256 MB, about 1.5 million
/// REPORT lines with their START and END lines.
pub const MAX_REPORT_LOG_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a scenario file, refusing it as soon as it passes
/// [`export::MAX_SCENARIO_BYTES`] (never the whole of a huge file or of
/// `/dev/zero` in memory).
fn read_scenario(path: &str) -> Result<String, String> {
    use std::io::Read;
    let limit = export::MAX_SCENARIO_BYTES as u64;
    let file = std::fs::File::open(path).map_err(|e| format!("lambda-lab: cannot read {path}: {e}"))?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| format!("lambda-lab: cannot read {path}: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "lambda-lab: {path} is larger than 1 MB; a scenario exported by the web page is about 2 KB"
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| format!("lambda-lab: {path} is not UTF-8 text; export a scenario to see the format"))
}

/// Reads a CloudWatch log a slice at a time, line by line, keeping only the
/// REPORT figures; stops with an error past [`MAX_REPORT_LOG_BYTES`].
fn read_report_log(path: &str) -> Result<report::ParsedLog, String> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).map_err(|e| format!("lambda-lab: cannot read {path}: {e}"))?;
    let mut lines = lambda_model::base::lines::Lines::default();
    let mut parsed = report::ParsedLog::default();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("lambda-lab: cannot read {path}: {e}")),
        };
        total += n as u64;
        if total > MAX_REPORT_LOG_BYTES {
            return Err(format!(
                "lambda-lab: {path} is larger than 256 MB; pass the REPORT lines of one tuning run (filter the log on \"REPORT RequestId\")"
            ));
        }
        lines.feed(&buf[..n], |number, line| parsed.add_line(number, line));
    }
    lines.finish(|number, line| parsed.add_line(number, line));
    Ok(parsed)
}

fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    Date::from_unix_days((secs / 86_400) as i64)
}

/// Other names people type for a command.
const ALIASES: &[(&str, &str)] = &[("sim", "simulate"), ("traffic", "simulate"), ("cold-start", "coldstart")];

fn calculator(name: &str) -> Result<&'static Calculator, String> {
    let name = ALIASES.iter().find(|(a, _)| *a == name).map_or(name, |(_, c)| *c);
    CALCULATORS.iter().find(|c| c.name == name).ok_or_else(|| {
        format!(
            "lambda-lab: unknown command '{name}'; commands: {}, help\n\n{}",
            COMMANDS.iter().map(|c| c.name).collect::<Vec<_>>().join(", "),
            usage()
        )
    })
}

fn help_for(c: &Calculator) -> String {
    let mut s = format!("lambda-lab {}: parameters (flag, default, valid values)\n\n", c.name);
    for p in c.specs {
        let default = if p.default.is_empty() { "today".to_string() } else { p.default.to_string() };
        s.push_str(&format!(
            "  {:<22} {:<12} {}\n  {:<22} {:<12} {}{}\n",
            p.flag(),
            default,
            p.valid_range(),
            "",
            "",
            if p.help.is_empty() && c.name == "cost" { lambda_model::billing::cost_help(p.name) } else { p.help },
            if p.unit.is_empty() { String::new() } else { format!(" [{}]", p.unit) }
        ));
    }
    s.push_str("\n  --json, --math, --scenario FILE as in `lambda-lab --help`.");
    s
}

fn errors_text(errs: &[ParamError]) -> String {
    errs.iter().map(|e| format!("lambda-lab: {}", e.message)).collect::<Vec<_>>().join("\n")
}

pub fn run(args: &[String]) -> Result<String, String> {
    let Some(cmd) = args.first() else { return Ok(usage()) };
    match cmd.as_str() {
        "-h" | "--help" | "help" => {
            return match args.get(1) {
                Some(c) => Ok(help_for(calculator(c)?)),
                None => Ok(usage()),
            };
        }
        "-V" | "--version" => {
            return Ok(if args[1..].iter().any(|a| a == "--json") {
                format!("{{\"version\": {}}}", lambda_model::base::json::quote(env!("CARGO_PKG_VERSION")))
            } else {
                format!("lambda-lab {}", env!("CARGO_PKG_VERSION"))
            });
        }
        _ => {}
    }
    let calc = calculator(cmd)?;
    let mut values = Values::defaults(calc.specs);
    let (mut json, mut math) = (false, false);
    let mut log_note = String::new();
    let mut sets: Vec<(String, String)> = Vec::new();
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--math" => math = true,
            "-h" | "--help" => return Ok(help_for(calc)),
            "--scenario" => {
                let path = it.next().ok_or("lambda-lab: --scenario needs a file path")?;
                let text = read_scenario(path)?;
                let d =
                    export::from_json(calc.specs, calc.name, &text).map_err(|e| format!("lambda-lab: {path}: {e}"))?;
                if !d.errors.is_empty() {
                    return Err(errors_text(&d.errors));
                }
                if !d.unknown.is_empty() {
                    return Err(format!(
                        "lambda-lab: {path}: unknown parameters: {}",
                        lambda_model::params::name_list(&d.unknown)
                    ));
                }
                values = d.values;
            }
            "--report-log" if calc.name == "power" => {
                let path = it.next().ok_or("lambda-lab: --report-log needs a file path")?;
                let parsed = read_report_log(path)?;
                let pts = parsed.points();
                if pts.is_empty() {
                    return Err(format!(
                        "lambda-lab: {path}: no REPORT lines with a Duration and Memory Size ({} other lines skipped)",
                        parsed.skipped
                    ));
                }
                let list: Vec<String> =
                    pts.iter().map(|p| format!("{}:{}", p.memory_mb, (p.duration_ms * 1e3).round() / 1e3)).collect();
                sets.push(("points".into(), list.join(",")));
                let spreads = parsed.spreads();
                if !spreads.is_empty() {
                    sets.push(("points_cv".into(), spreads));
                }
                if let Some(m) = parsed.max_memory_used_mb() {
                    sets.push(("max_memory_used_mb".into(), m.to_string()));
                }
                log_note = format!(
                    "From {path}: {} REPORT lines ({} cold), {} other lines skipped, {} malformed.\n",
                    parsed.reports.len(),
                    parsed.reports.iter().filter(|r| r.is_cold()).count(),
                    parsed.skipped,
                    parsed.malformed.len()
                );
            }
            flag if flag.starts_with("--") => {
                let (name, val) = match flag[2..].split_once('=') {
                    Some((n, v)) => (n.to_string(), v.to_string()),
                    None => (
                        flag[2..].to_string(),
                        it.next().cloned().ok_or_else(|| format!("lambda-lab: {flag} needs a value"))?,
                    ),
                };
                let param = name.replace('-', "_");
                if !calc.specs.iter().any(|s| s.name == param) {
                    return Err(format!(
                        "lambda-lab: unknown flag --{name} for '{}'; valid flags: {}",
                        calc.name,
                        calc.specs.iter().map(|s| s.flag()).collect::<Vec<_>>().join(" ")
                    ));
                }
                sets.push((param, val));
            }
            other => return Err(format!("lambda-lab: unexpected argument '{other}'; flags look like --memory-mb 512")),
        }
    }
    // Flags apply on top of a scenario file, whatever their order.
    let errs: Vec<ParamError> = sets.iter().filter_map(|(k, v)| values.set(k, v).err()).collect();
    if !errs.is_empty() {
        return Err(errors_text(&errs));
    }
    let command = COMMANDS.iter().find(|c| c.name == calc.name).expect("every calculator has a command");
    (command.text)(&values, &Options { json, math, log_note })
}

fn coldstart_text(values: &Values, o: &Options) -> Result<String, String> {
    let r = coldstart::evaluate(values).map_err(|e| errors_text(&e))?;
    if o.json {
        return Ok(to_json_object(&r.metrics()));
    }
    let p = &r.mean_parts;
    Ok(format!(
        "Cold start: {} on {} ({}), {} MB\n\n  Init Duration      p50 {:>8.1} ms   p99 {:>8.1} ms\n  Client-observed    p50 {:>8.1} ms   p99 {:>8.1} ms\n\n  mean breakdown: platform {:.1} ms + VPC {:.1} ms + Init {:.1} ms + first-invoke extra {:.1} ms\n  billed Init per cold start (mean): {:.1} ms\n\nSource: {}.",
        values.text(lambda_model::param!(coldstart::COLDSTART_PARAMS, "runtime")),
        values.text(lambda_model::param!(coldstart::COLDSTART_PARAMS, "arch")),
        values.text(lambda_model::param!(coldstart::COLDSTART_PARAMS, "package")),
        values.int(lambda_model::param!(coldstart::COLDSTART_PARAMS, "memory_mb")),
        r.init_p50,
        r.init_p99,
        r.latency_p50,
        r.latency_p99,
        p.platform,
        p.vpc,
        p.init,
        p.first_invoke,
        r.billed_init_ms,
        coldstart::LAMBDA_PERF_SOURCE
    ))
}

fn simulate_text(values: &Values, o: &Options) -> Result<String, String> {
    // The registry's simulator: its metrics and the month it prices.
    let simulator = lambda_model::calculators::find("simulate").ok_or("lambda-lab: no simulator")?;
    let metrics = (simulator.eval)(values, today()).map_err(|e| errors_text(&e))?;
    if o.json {
        return Ok(to_json_object(&metrics));
    }
    let mut s = format!(
        "Simulated {} s{} of {} traffic at {} req/s\n{}\n",
        simulation::run_seconds(values),
        if values.num(lambda_model::param!(simulation::SIM_PARAMS, "sim_seconds")) == 0.0 {
            " (automatic)"
        } else {
            ""
        },
        values.text(lambda_model::param!(simulation::SIM_PARAMS, "arrival")),
        values.num(lambda_model::param!(simulation::SIM_PARAMS, "rate_per_s")),
        simulation::short_run_note(values).map(|n| format!("{n}\n")).unwrap_or_default()
    );
    for (name, v) in metrics {
        s.push_str(&format!("  {name:<22} {}\n", v.exact()));
    }
    Ok(s.trim_end().to_string())
}

fn power_text(values: &Values, o: &Options) -> Result<String, String> {
    let r = power::evaluate(values, today()).map_err(|e| errors_text(&e))?;
    if o.json {
        return Ok(to_json_object(&r.metrics()));
    }
    Ok(format!("{}{}", o.log_note, power_table(values, &r)).trim_end().to_string())
}

fn lmi_text(values: &Values, o: &Options) -> Result<String, String> {
    let r = managed_instances::evaluate(values).map_err(|e| errors_text(&e))?;
    if o.json {
        return Ok(to_json_object(&r.metrics()));
    }
    Ok(with_math(lmi_table(&r), o.math.then(|| r.math())))
}

fn microvms_text(values: &Values, o: &Options) -> Result<String, String> {
    let r = microvms::evaluate(values).map_err(|e| errors_text(&e))?;
    let metrics = r.metrics();
    if o.json {
        return Ok(to_json_object(&metrics));
    }
    let b = &r.bill;
    let mut s = format!(
        "Lambda MicroVMs per month: {}, {} MicroVMs of {} s with a baseline of {} GB (prices as of {})\n\n",
        b.input.rates.region,
        b.input.sessions,
        b.input.session_s,
        values.text(lambda_model::param!(microvms::MICROVM_PARAMS, "baseline_gb")),
        lambda_model::rates::PRICES_AS_OF
    );
    s.push_str(&format!("  {:<30} {:>14}  {}\n", "line", "rounded", "exact USD"));
    for (label, usd) in [
        ("vCPU", b.vcpu_usd),
        ("Memory", b.memory_usd),
        ("Snapshots written", b.snapshot_write_usd),
        ("Snapshots read", b.snapshot_read_usd),
        ("Storage", b.storage_usd),
        ("Total", b.total_usd),
    ] {
        s.push_str(&format!("  {label:<30} {:>14}  {}\n", usd.cents_text(), usd.to_decimal()));
    }
    for n in &r.notes {
        s.push_str(&format!("\nNote: {n}\n"));
    }
    Ok(with_math(s, o.math.then(|| r.math())))
}

fn platforms_text(values: &Values, o: &Options) -> Result<String, String> {
    let r = platforms::evaluate(values).map_err(|e| errors_text(&e))?;
    let metrics = r.metrics();
    if o.json {
        return Ok(to_json_object(&metrics));
    }
    let i = &r.input;
    let mut s = format!(
        "One workload, every platform: {} requests a month of {} ms ({} requests/s), {}, {} (prices as of {})\n\n",
        i.requests,
        lambda_model::params::fmt_num(i.duration_ms),
        lambda_model::params::round_to(r.month.mean_rps, 3),
        i.arch.name(),
        i.region,
        lambda_model::rates::prices_of(values)
    );
    s.push_str(&format!("  {:<22} {:>14}  {:<16} {}\n", "platform", "per month", "cheaper from", "exact USD"));
    let cross = |x: Option<f64>| match x {
        Some(x) => format!("{} req/s", lambda_model::params::round_to(x, 2)),
        None => "never".into(),
    };
    s.push_str(&format!(
        "  {:<22} {:>14}  {:<16} {}\n",
        "Lambda on demand",
        r.month.lambda_usd.cents_text(),
        "",
        r.month.lambda_usd.to_decimal()
    ));
    match r.month.lambda_pc {
        Some((n, u)) => s.push_str(&format!(
            "  {:<22} {:>14}  {:<16} {}\n",
            format!("Lambda + {n} provisioned"),
            u.cents_text(),
            "",
            u.to_decimal()
        )),
        None => s.push_str(&format!("  {:<22} {:>14}\n", "Lambda + provisioned", "does not pay")),
    }
    for p in platforms::Platform::ALL {
        match r.month.usd(p) {
            Some(u) => s.push_str(&format!(
                "  {:<22} {:>14}  {:<16} {}\n",
                p.name(),
                u.cents_text(),
                cross(r.crossover(p)),
                u.to_decimal()
            )),
            None => s.push_str(&format!("  {:<22} {:>14}  (no rates for {} here)\n", p.name(), "not priced", i.region)),
        }
    }
    let (name, usd) = r.cheapest();
    s.push_str(&format!("\nCheapest this month: {name}, {}\n", usd.cents_text()));
    s.push_str("\nWhat each line leaves out:\n");
    for (what, leaves) in platforms::PlatformsResult::leaves_out() {
        s.push_str(&format!("  {what}: {leaves}\n"));
    }
    Ok(with_math(s, o.math.then(|| r.math())))
}

fn cost_text(values: &Values, o: &Options) -> Result<String, String> {
    let result = cost::evaluate(values, today()).map_err(|e| errors_text(&e))?;
    let metrics = result.metrics();
    if o.json {
        return Ok(to_json_object(&metrics));
    }
    Ok(with_math(cost_table(values, &result, &metrics), o.math.then(|| result.math())))
}

/// A table, then "Show the math" when asked for.
fn with_math(mut out: String, math: Option<Vec<String>>) -> String {
    if let Some(lines) = math {
        out.push_str("\nShow the math\n");
        for l in lines {
            out.push_str(&format!("  {l}\n"));
        }
    }
    out.trim_end().to_string()
}

fn cost_table(v: &Values, r: &billing::CostResult, metrics: &[(&str, MetricValue)]) -> String {
    let mut s = format!(
        "Lambda cost per month: {}, {}, {} MB, {} ms, {} requests{} (prices as of {})\n\n",
        v.text(lambda_model::param!(lambda_model::billing::COST_PARAMS, "region")),
        v.text(lambda_model::param!(lambda_model::billing::COST_PARAMS, "arch")),
        v.int(lambda_model::param!(lambda_model::billing::COST_PARAMS, "memory_mb")),
        v.num(lambda_model::param!(lambda_model::billing::COST_PARAMS, "duration_ms")),
        v.int(lambda_model::param!(lambda_model::billing::COST_PARAMS, "requests")),
        if v.flag(lambda_model::param!(lambda_model::billing::COST_PARAMS, "free_tier")) {
            ", free tier on"
        } else {
            ", free tier off"
        },
        lambda_model::rates::prices_of(v)
    );
    s.push_str(&format!("  {:<30} {:>14}  {}\n", "line", "rounded", "exact USD"));
    for (name, label, usd) in r.lines.items() {
        if usd != lambda_model::base::money::Usd::ZERO || name == "request_usd" || name == "duration_usd" {
            s.push_str(&format!("  {label:<30} {:>14}  {}\n", usd.cents_text(), usd.to_decimal()));
        }
    }
    for u in &r.unpriced {
        s.push_str(&format!("  {:<30} {:>14}  no verified rate for {}\n", u.label, "not priced", u.missing));
    }
    s.push_str(&format!("  {:<30} {:>14}  {}\n", "Total", r.total.cents_text(), r.total.to_decimal()));
    if let Some(out) = r.leaves_out() {
        s.push_str(&format!("  {out}\n"));
    }
    for (name, value) in metrics {
        if matches!(*name, "per_invocation_usd" | "per_million_usd" | "gb_seconds" | "billed_requests") {
            s.push_str(&format!("  {name:<30} {:>14}  {}\n", "", value.exact()));
        }
    }
    for n in &r.notes {
        s.push_str(&format!("\nNote: {n}\n"));
    }
    s
}

fn lmi_table(r: &managed_instances::LmiResult) -> String {
    let (i, c, b) = (&r.input, &r.capacity, &r.bill);
    let mut s = format!(
        "Lambda Managed Instances per month: {} on {} ({}), {} requests of {} ms (prices as of {})\n\n",
        i.runtime,
        i.instance_type,
        i.region,
        i.requests,
        i.duration_ms,
        lambda_model::rates::PRICES_AS_OF
    );
    s.push_str(&format!(
        "  capacity: {:.2} in flight at the peak → {} environments ({} invocations each), {} per instance → {} instances\n\n",
        c.peak_concurrency, c.environments, c.per_env, c.envs_per_instance, c.instances
    ));
    s.push_str(&format!("  {:<34} {:>14}  {}\n", "line", "rounded", "exact USD"));
    for (label, usd) in [
        ("EC2 instances", b.ec2_usd),
        ("Management fee (15% of on-demand)", b.fee_usd),
        ("Requests", b.request_usd),
        ("Total", b.total_usd),
        ("Same workload, on-demand functions", r.lambda_usd),
    ] {
        s.push_str(&format!("  {label:<34} {:>14}  {}\n", usd.cents_text(), usd.to_decimal()));
    }
    s.push_str(&format!("  {:<34} {:>14}\n", "instance-hours", b.instance_hours.to_decimal()));
    s.push_str(&match r.crossover_rps {
        Some(x) => format!("\nManaged Instances cost no more from about {x:.3} requests/s.\n"),
        None => "\nOn-demand functions cost less at every traffic level from 0.01 to 100,000 requests/s.\n".to_string(),
    });
    for n in &r.notes {
        s.push_str(&format!("\nNote: {n}\n"));
    }
    s
}

fn power_table(v: &Values, r: &power::PowerResult) -> String {
    let mut s = match &r.basis {
        power::Basis::Described => format!(
            "Memory sweep from one measurement: {} ms at {} MB, {}% CPU ({}% of it parallel on {} thread(s)), {} {}\n",
            v.num(lambda_model::param!(lambda_model::calculators::power::POWER_PARAMS, "anchor_duration_ms")),
            v.int(lambda_model::param!(lambda_model::calculators::power::POWER_PARAMS, "anchor_memory_mb")),
            v.num(lambda_model::param!(lambda_model::calculators::power::POWER_PARAMS, "cpu_fraction")) * 100.0,
            v.num(lambda_model::param!(lambda_model::calculators::power::POWER_PARAMS, "parallel_fraction")) * 100.0,
            v.int(lambda_model::param!(lambda_model::calculators::power::POWER_PARAMS, "threads")),
            v.text(lambda_model::param!(lambda_model::calculators::power::POWER_PARAMS, "region")),
            v.text(lambda_model::param!(lambda_model::calculators::power::POWER_PARAMS, "arch"))
        ),
        power::Basis::Fitted(f) => format!(
            "Memory sweep fitted to {} measured sizes (R² {:.4}, largest error {:.1}%), {} {}\n{}",
            r.measured.len(),
            f.r2,
            f.max_rel_error * 100.0,
            v.text(lambda_model::param!(lambda_model::calculators::power::POWER_PARAMS, "region")),
            v.text(lambda_model::param!(lambda_model::calculators::power::POWER_PARAMS, "arch")),
            f.caveats.iter().map(|c| format!("Note: {c}\n")).collect::<String>()
        ),
    };
    s.push_str(&format!(
        "\n  {:>8} {:>12} {:>9} {:>16} {:>14} {:>12}\n",
        "MB", "duration ms", "source", "$/invocation", "$/million", "$/month"
    ));
    for row in &r.candidates {
        s.push_str(&format!(
            "  {:>8} {:>12.1} {:>9} {:>16} {:>14} {:>12}{}\n",
            row.memory_mb,
            row.duration_ms,
            if row.measured { "measured" } else { "model" },
            row.per_invocation.to_decimal(),
            row.per_million.cents_text(),
            row.monthly.cents_text(),
            if row.out_of_memory {
                "  (would run out of memory)"
            } else if row.timed_out {
                "  (would time out: over 15 minutes)"
            } else {
                ""
            }
        ));
    }
    s.push_str(&format!(
        "\nBest for {}: {} MB, {:.1} ms, {} per million. Against {} MB now: {}.\n",
        r.strategy,
        r.best.memory_mb,
        r.best.duration_ms,
        r.best.per_million.cents_text(),
        r.current.memory_mb,
        r.versus_text()
    ));
    if let Some((arch, row)) = &r.other_arch {
        s.push_str(&format!(
            "On {}: best {} MB, {} per million.\n",
            arch.name(),
            row.memory_mb,
            row.per_million.cents_text()
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_calculator_is_a_command_in_the_usage() {
        let usage = super::usage();
        for c in lambda_model::calculators::CALCULATORS {
            assert!(super::COMMANDS.iter().any(|k| k.name == c.name), "{} has no command", c.name);
            assert!(usage.contains(&format!("\n  {:<9} ", c.name)), "{} is not in the usage", c.name);
        }
        assert_eq!(super::COMMANDS.len(), lambda_model::calculators::CALCULATORS.len());
    }

    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn help_works_without_a_command() {
        assert!(run(&[]).unwrap().contains("Usage:"));
        assert!(run(&args("--help")).unwrap().contains("cost"));
        assert!(run(&args("help cost")).unwrap().contains("--memory-mb"));
    }

    #[test]
    fn a_pinned_price_table_is_named_and_priced_with() {
        let today = run(&args("cost --memory-mb 1024 --requests 20000000 --duration-ms 120")).unwrap();
        let pinned =
            run(&args("cost --memory-mb 1024 --requests 20000000 --duration-ms 120 --prices 2026-11-23")).unwrap();
        assert!(pinned.contains("(prices as of 2026-11-23)") && pinned.contains("$37.13"), "{pinned}");
        assert_eq!(today, pinned, "one table shipped so far: the pin prices as today does");
        let json = run(&args("cost --prices 2026-11-23 --json")).unwrap();
        assert!(json.contains("\"total_usd\""), "{json}");
        let e = run(&args("cost --prices 2025-01-01")).unwrap_err();
        assert!(e.contains("Price table (prices)") && e.contains("one of latest, 2026-11-23"), "{e}");
        for cmd in ["power", "simulate", "platforms"] {
            assert!(run(&args(&format!("{cmd} --prices 2026-11-23"))).is_ok(), "{cmd} takes --prices");
        }
    }

    #[test]
    fn bad_flags_name_the_valid_values() {
        let e = run(&args("cost --memory-mb 64")).unwrap_err();
        assert!(e.contains("from 128 to 10,240"), "{e}");
        let e = run(&args("cost --region mars-1")).unwrap_err();
        assert!(e.contains("us-east-1"), "{e}");
        let e = run(&args("cost --memroy-mb 512")).unwrap_err();
        assert!(e.contains("unknown flag --memroy-mb") && e.contains("--memory-mb"), "{e}");
        assert!(run(&args("cost --memory-mb")).unwrap_err().contains("needs a value"));
        assert!(run(&args("frobnicate")).unwrap_err().contains("unknown command"));
    }

    #[test]
    fn coldstart_and_simulate_run() {
        let out = run(&args("coldstart --runtime python3.12 --memory-mb 512 --json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!((v["init_p50_ms"].as_f64().unwrap() - 84.0).abs() < 9.0);
        let out = run(&args("simulate --rate-per-s 5 --sim-seconds 600 --json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        // Steady state by default: the first 300 s (half of a 600 s run, as
        // warmup_s is longer) are the start-up, on their own line.
        let (steady, startup) = (v["requests"].as_u64().unwrap(), v["startup_requests"].as_u64().unwrap());
        assert!(steady > 1250 && startup > 1250, "{steady} {startup}");
        assert!(v["startup_cold_starts"].as_u64().unwrap() >= 1);
        assert!(v["cold_start_ratio"].as_f64().unwrap() < 0.1);
        let out = run(&args("simulate --rate-per-s 5 --sim-seconds 600 --warmup-s 0 --json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(v["requests"].as_u64().unwrap() > 2500 && v["startup_requests"].as_u64() == Some(0));
        assert!(run(&args("simulate --arrival trace")).unwrap_err().contains("no timestamps"));
        assert!(run(&args("coldstart --runtime cobol")).unwrap_err().contains("one of"));
    }

    #[test]
    fn json_output_has_every_metric() {
        let out = run(&args("cost --memory-mb 1536 --duration-ms 120 --requests 3000000 --json")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["total_usd"].as_f64(), Some(2.733338));
        for m in [
            "request_usd",
            "duration_usd",
            "init_usd",
            "ephemeral_usd",
            "pc_usd",
            "pc_duration_usd",
            "snapstart_usd",
            "stream_usd",
            "tenant_usd",
            "durable_usd",
            "poller_usd",
            "front_door_usd",
            "logs_usd",
            "egress_usd",
            "nat_usd",
            "savings_usd",
            "gb_seconds",
            "billed_requests",
            "per_invocation_usd",
            "per_million_usd",
        ] {
            assert!(v.get(m).is_some(), "{m}");
        }
    }
}

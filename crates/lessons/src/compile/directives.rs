//! The `:::` directives: calculators, checks, myths and code samples.

use super::*;

/// `key: value` fields of a directive, with continuation lines (indented).
pub(super) fn fields(
    ctx: &FileCtx,
    body: &[(usize, &str)],
    allowed: &[&str],
) -> Result<Vec<(String, String, usize)>, Error> {
    let mut out: Vec<(String, String, usize)> = Vec::new();
    for &(line, text) in body {
        if text.trim().is_empty() {
            continue;
        }
        if text.starts_with("  ") {
            match out.last_mut() {
                Some(last) => {
                    last.1.push('\n');
                    last.1.push_str(text.trim());
                }
                None => return Err(ctx.err(line, "an indented line continues a field, but no field came before it")),
            }
            continue;
        }
        let Some((k, v)) = text.split_once(':') else {
            return Err(ctx.err(line, format!("expected 'key: value'; keys here: {}", allowed.join(", "))));
        };
        let k = k.trim();
        if !allowed.contains(&k) {
            return Err(ctx.err(line, format!("unknown field '{k}'; fields here: {}", allowed.join(", "))));
        }
        if out.iter().any(|(x, _, _)| x == k) {
            return Err(ctx.err(line, format!("field '{k}' given twice")));
        }
        out.push((k.to_string(), v.trim().to_string(), line));
    }
    Ok(out)
}

pub(super) fn field<'a>(f: &'a [(String, String, usize)], key: &str) -> Option<(&'a str, usize)> {
    f.iter().find(|(k, _, _)| k == key).map(|(_, v, l)| (v.as_str(), *l))
}

pub(super) fn require<'a>(
    ctx: &FileCtx,
    f: &'a [(String, String, usize)],
    key: &str,
    kind: &str,
    at: usize,
) -> Result<(&'a str, usize), Error> {
    field(f, key).filter(|(v, _)| !v.is_empty()).ok_or_else(|| ctx.err(at, format!("{kind} needs '{key}:'")))
}

pub(super) fn embed_of(c: &'static Calculator, query: &str, caption: String) -> Embed {
    Embed {
        calc: c.name,
        module: c.module,
        page: c.page,
        query: leak(query.to_string()),
        caption: leak(caption),
        show: DEFAULT_SHOW,
        inputs: "",
    }
}

/// What a lesson's calculator shows unless its directive says (`show:`).
pub const DEFAULT_SHOW: &str = "result,inputs,chart";
/// What a check's "Show me" calculator shows.
pub const CHECK_SHOW: &str = "result,inputs,table";

/// A calculator's name in a sentence.
pub(super) fn calc_name(calc: &str) -> &'static str {
    match calc {
        "cost" => "cost calculator",
        "power" => "power tuning explorer",
        "coldstart" => "cold-start calculator",
        "lmi" => "Managed Instances calculator",
        "microvms" => "MicroVMs calculator",
        "platforms" => "platforms calculator",
        _ => "traffic simulator",
    }
}

/// The metrics a check may ask for, in words. A check on a metric not named
/// here fails the build, so no answer reads as an internal name.
pub(super) const METRIC_NAMES: &[(&str, &str)] = &[
    ("total_usd", "monthly total"),
    ("duration_usd", "duration charge"),
    ("init_usd", "INIT charge"),
    ("requests_usd", "request charge"),
    ("cold_latency_p50_ms", "median cold-start latency (p50, as the caller sees it)"),
    ("init_p50_ms", "median Init duration (p50)"),
    ("best_memory_mb", "recommended memory size"),
    ("best_duration_ms", "duration at the recommended size"),
    ("cost_per_million_usd", "cost per million invocations"),
    ("duration_ms", "duration"),
    ("gb_seconds", "billed GB-seconds"),
    ("cold_start_ratio", "cold-start ratio"),
    ("mean_concurrency", "mean concurrency (environments busy at once)"),
    ("p99_ms", "p99 latency"),
    ("p50_ms", "median latency (p50)"),
    ("throttle_ratio", "share of requests throttled"),
    ("crossover_rps", "traffic from which Managed Instances cost no more than functions (requests per second)"),
    ("lambda_usd", "monthly cost as on-demand functions"),
    ("front_door_usd", "front-door charge (API Gateway or load balancer)"),
    ("peak_concurrency", "requests in flight at the peak (for steady traffic, on average)"),
    ("fargate_usd", "monthly cost on Fargate (tasks and load balancer)"),
    ("tasks", "Fargate tasks"),
    (
        "crossover_ec2_rps",
        "traffic from which EC2 behind a load balancer costs no more than Lambda (requests per second)",
    ),
    ("crossover_fargate_rps", "traffic from which Fargate costs no more than Lambda (requests per second)"),
];

/// Comma-separated names, each checked against `valid`.
pub(super) fn name_list(ctx: &FileCtx, line: usize, what: &str, value: &str, valid: &[&str]) -> Result<String, Error> {
    let names: Vec<&str> = value.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
    if let Some(bad) = names.iter().find(|n| !valid.contains(n)) {
        return Err(ctx.err(line, format!("{what}: unknown name '{bad}'; valid: {}", valid.join(", "))));
    }
    Ok(names.join(","))
}

pub(super) fn directive(
    ctx: &mut FileCtx,
    name: &str,
    args: &str,
    at: usize,
    body: &[(usize, &str)],
    step_id: &str,
    checks_in_step: &mut usize,
) -> Result<Block, Error> {
    match name {
        "calculator" => {
            let c = calculators::find(args.trim()).ok_or_else(|| {
                ctx.err(
                    at,
                    format!("'::: calculator' needs one of: cost, power, coldstart, traffic (got '{}')", args.trim()),
                )
            })?;
            let f = fields(ctx, body, &["params", "caption", "show", "inputs"])?;
            let (params, pl) = field(&f, "params").unwrap_or(("", at));
            let params = &current(params);
            c.evaluate_query(params, ctx.today).map_err(|m| ctx.err(pl, format!("calculator {}: {m}", c.name)))?;
            let caption = match field(&f, "caption") {
                Some((t, l)) => ctx.inline(t, l)?,
                None => String::new(),
            };
            let mut embed = embed_of(c, params, caption);
            if let Some((v, l)) = field(&f, "show") {
                embed.show = leak(name_list(ctx, l, "show", v, &PARTS)?);
            }
            if let Some((v, l)) = field(&f, "inputs") {
                let names: Vec<&str> = c.specs.iter().map(|s| s.name).collect();
                embed.inputs = leak(name_list(ctx, l, "inputs", v, &names)?);
            }
            Ok(Block::Calculator(embed))
        }
        "check" => {
            if !args.trim().is_empty() {
                return Err(ctx.err(at, "'::: check' takes no arguments; put the question in 'question:'"));
            }
            let f = fields(ctx, body, &["question", "answer", "tolerance", "format", "hint", "explain"])?;
            let (question, ql) = require(ctx, &f, "question", "a check", at)?;
            let (answer, al) = require(ctx, &f, "answer", "a check", at)?;
            let (tol, tl) = require(ctx, &f, "tolerance", "a check", at)?;
            let (hint, hl) = require(ctx, &f, "hint", "a check", at)?;
            if answer.contains('|') {
                return Err(ctx.err(al, "put the answer's format in 'format:', not after '|'"));
            }
            let live = evaluate_live(answer, ctx.today).map_err(|m| ctx.err(al, format!("answer: {m}")))?;
            let format = match field(&f, "format") {
                Some((s, l)) => Format::parse(s).map_err(|m| ctx.err(l, format!("format: {m}")))?,
                None => live.format,
            };
            let x = live.value.as_f64().unwrap_or(0.0);
            let shown = format.scale(x);
            let tolerance = match tol.strip_suffix('%') {
                Some(p) => lambda_model::base::decimal::parse_f64(p.trim())
                    .filter(|p| *p > 0.0 && *p < 100.0)
                    .map(|p| shown.abs() * p / 100.0),
                None => lambda_model::base::decimal::parse_f64(tol).filter(|t| *t > 0.0 && t.is_finite()),
            }
            .ok_or_else(|| {
                ctx.err(tl, format!("tolerance '{tol}' should be a positive number or a percentage like 2%"))
            })?;
            *checks_in_step += 1;
            let explain = match field(&f, "explain") {
                Some((t, l)) => ctx.inline(t, l)?,
                None => String::new(),
            };
            let check = Check {
                id: leak(format!("{step_id}-check-{checks_in_step}")),
                question: leak(ctx.inline(question, ql)?),
                hint: leak(ctx.inline(hint, hl)?),
                explain: leak(explain),
                // "Show me" opens the answer's figures: the tables hold the
                // lines of a bill that the headline leaves out.
                embed: Embed { show: CHECK_SHOW, ..embed_of(live.calc, &live.query, String::new()) },
                metric: leak(live.metric.clone()),
                exact: leak(live.value.exact()),
                answer: shown,
                answer_text: leak(with_unit(format.text(x), format.unit(&live.metric))),
                tolerance,
                unit: format.unit(&live.metric),
                what: leak(format!("the {}'s {}", calc_name(live.calc.name), metric_name(ctx, al, &live.metric)?)),
            };
            Ok(Block::Check(check))
        }
        "myth" => {
            let f = fields(ctx, body, &["myth", "fact", "source"])?;
            let (m, ml) = require(ctx, &f, "myth", "a myth", at)?;
            let (fact, fl) = require(ctx, &f, "fact", "a myth", at)?;
            let (src, sl) = require(ctx, &f, "source", "a myth", at)?;
            Ok(Block::Myth {
                myth: leak(ctx.inline(m, ml)?),
                fact: leak(ctx.inline(fact, fl)?),
                source: leak(ctx.inline(src, sl)?),
            })
        }
        "code" => {
            let mut samples = Vec::new();
            let mut open: Option<(usize, String, String)> = None;
            for &(line, text) in body {
                match &mut open {
                    None if text.trim().is_empty() => {}
                    None => {
                        let lang = text
                            .strip_prefix("```")
                            .ok_or_else(|| ctx.err(line, "inside '::: code', each sample is a ```lang fenced block"))?
                            .trim();
                        let Some((key, _)) = LANGUAGES.iter().find(|(k, _)| *k == lang) else {
                            return Err(ctx.err(
                                line,
                                format!(
                                    "unknown language '{lang}'; languages: {}",
                                    LANGUAGES.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
                                ),
                            ));
                        };
                        open = Some((line, key.to_string(), String::new()));
                    }
                    Some((_, lang, code)) => {
                        if text.trim_end() == "```" {
                            let label = LANGUAGES.iter().find(|(k, _)| k == lang).map(|(_, l)| *l).unwrap_or("");
                            if samples.iter().any(|s: &Sample| s.lang == lang.as_str()) {
                                return Err(ctx.err(line, format!("two '{lang}' samples in one code block")));
                            }
                            samples.push(Sample {
                                lang: leak(lang.clone()),
                                label,
                                code: leak(code.trim_end_matches('\n').to_string()),
                            });
                            open = None;
                        } else {
                            code.push_str(text);
                            code.push('\n');
                        }
                    }
                }
            }
            if let Some((line, _, _)) = open {
                return Err(ctx.err(line, "a code sample's ``` fence is not closed"));
            }
            if samples.is_empty() {
                return Err(ctx.err(at, "'::: code' has no samples"));
            }
            Ok(Block::Code(leak_vec(samples)))
        }
        other => {
            Err(ctx.err(at, format!("unknown directive '::: {other}'; directives: calculator, check, myth, code")))
        }
    }
}

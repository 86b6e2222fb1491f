//! The lesson compiler: `content/lessons/NN-slug.md` → [`Lesson`] values and
//! the Rust source that holds them as statics.
//!
//! A lesson file is front matter between `---` lines (title, summary,
//! minutes, prerequisites), then steps, each opened by `## Title {#id}`.
//! Inside a step, Markdown and these directives:
//!
//! ~~~text
//! {{cost.total_usd?memory_mb=512&requests=1000000|usd:2}}   a live number (inline)
//! [the next lesson](lesson:02-memory-is-cpu#vcpu-table)       a link to a lesson step
//! [open it](calc:cost?memory_mb=512)                          a link to a calculator page
//!
//! ::: calculator cost                                          an embedded calculator
//! params: memory_mb=512&requests=1000000
//! caption: What the seed's example really costs.
//! :::
//!
//! ::: check                                                    a question the engine answers
//! question: What is the monthly total?
//! answer: cost.total_usd?memory_mb=512&requests=1000000
//! tolerance: 0.01          (on the typed scale; or `2%`, relative)
//! format: usd:2            (optional; see `Format`)
//! hint: Multiply GB by seconds first.
//! explain: Optional words shown with the answer.
//! :::
//!
//! ::: myth                                                     a corrected claim
//! myth: A VPC adds 5–10 s to a cold start.
//! fact: Since 2019 it adds about {{…}} ms.
//! source: Seed 004 (Profiling); AWS Compute Blog, 2019-09-03.
//! :::
//!
//! ::: code                                                     the same idea in several languages
//! ```js
//! …
//! ```
//! ```python
//! …
//! ```
//! :::
//! ~~~
//!
//! Every error names the file and line.

use crate::{BASE_MARKER, Block, Check, Embed, Lesson, Sample, Step};
use lambda_model::calculators::{self, Calculator};
use lambda_model::params::Date;
use lambda_model::params::metrics::MetricValue;
use std::fmt::Write as _;
use std::path::Path;

#[path = "../../../src/format.rs"]
#[allow(dead_code)]
mod format;

/// A content error with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn leak_vec<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// Languages a code sample may be in, with the tab label.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("js", "Node.js"),
    ("ts", "TypeScript"),
    ("python", "Python"),
    ("java", "Java"),
    ("go", "Go"),
    ("rust", "Rust"),
    ("csharp", "C#"),
    ("logs", "Logs Insights"),
    ("sql", "SQL"),
    ("shell", "Shell"),
    ("yaml", "YAML"),
    ("json", "JSON"),
];

/// How a number is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Format {
    /// Dollars with N decimals; `usd` alone picks cents, or enough digits for small amounts.
    Usd(Option<usize>),
    /// A grouped number with at most N decimals.
    Num(usize),
    /// A fraction shown as a percentage with N decimals (0.25 → 25%).
    Pct(usize),
}

impl Format {
    fn parse(s: &str) -> Result<Format, String> {
        let (kind, digits) = match s.split_once(':') {
            Some((k, d)) => (k, Some(d.parse::<usize>().map_err(|_| format!("'{d}' is not a digit count"))?)),
            None => (s, None),
        };
        if digits.is_some_and(|d| d > 12) {
            return Err("at most 12 digits".into());
        }
        match kind {
            "usd" => Ok(Format::Usd(digits)),
            "num" => Ok(Format::Num(digits.unwrap_or(0))),
            "pct" => Ok(Format::Pct(digits.unwrap_or(1))),
            _ => Err(format!("unknown format '{kind}'; use usd, usd:N, num:N or pct:N")),
        }
    }

    fn default_for(v: &MetricValue) -> Format {
        match v {
            MetricValue::Usd(_) => Format::Usd(None),
            MetricValue::Count(_) => Format::Num(0),
            MetricValue::Qty(_) => Format::Num(2),
            _ => Format::Num(1),
        }
    }

    /// The number on the scale a reader reads and types.
    fn scale(self, x: f64) -> f64 {
        if let Format::Pct(_) = self { x * 100.0 } else { x }
    }

    fn text(self, x: f64) -> String {
        match self {
            Format::Usd(None) => format::usd_small(x),
            Format::Usd(Some(d)) => format::plain_usd(x, d),
            Format::Num(d) => format::plain_number(x, d),
            Format::Pct(d) => format!("{}%", format::plain_number(x * 100.0, d)),
        }
    }

    fn unit(self, metric: &str) -> &'static str {
        match self {
            Format::Usd(_) => "$",
            Format::Pct(_) => "%",
            Format::Num(_) if metric.ends_with("_ms") => "ms",
            Format::Num(_) if metric.ends_with("_mb") => "MB",
            Format::Num(_) => "",
        }
    }
}

/// The parts of a calculator a lesson can show (the embed API's `show`;
/// which ones a calculator has is checked by the app's build script).
const PARTS: [&str; 5] = ["result", "inputs", "chart", "table", "math"];

/// An answer as shown: `642.4 ms`, `1,024 MB`; dollars and percentages carry
/// their sign already.
fn with_unit(text: String, unit: &str) -> String {
    match unit {
        "ms" | "MB" => format!("{text} {unit}"),
        _ => text,
    }
}

fn metric_name(ctx: &FileCtx, line: usize, metric: &str) -> Result<&'static str, Error> {
    METRIC_NAMES.iter().find(|(m, _)| *m == metric).map(|(_, n)| *n).ok_or_else(|| {
        ctx.err(line, format!("answer: the metric '{metric}' has no name for readers yet; add it to METRIC_NAMES"))
    })
}

/// A computed number: `calc.metric?query|format`.
struct Live {
    calc: &'static Calculator,
    metric: String,
    query: String,
    value: MetricValue,
    format: Format,
}

/// A lesson's query in the vocabulary of this build: lessons are written in
/// the current one (every number is recomputed at build time), so a query
/// without `v` gets today's version rather than being read as version 1.
fn current(query: &str) -> String {
    let v = lambda_model::params::QUERY_VERSION;
    if lambda_model::params::parse_pairs(query).iter().any(|(k, _)| k == "v") {
        query.to_string()
    } else if query.is_empty() {
        format!("v={v}")
    } else {
        format!("v={v}&{query}")
    }
}

fn evaluate_live(spec: &str, today: Date) -> Result<Live, String> {
    let (body, fmt) = match spec.split_once('|') {
        Some((b, f)) => (b.trim(), Some(f.trim())),
        None => (spec.trim(), None),
    };
    let (head, query) = body.split_once('?').unwrap_or((body, ""));
    let query = &current(query);
    let (calc, metric) =
        head.split_once('.').ok_or_else(|| format!("'{head}' should be calculator.metric, e.g. cost.total_usd"))?;
    let c = calculators::find(calc).ok_or_else(|| {
        format!(
            "unknown calculator '{calc}'; calculators: {}",
            calculators::CALCULATORS.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
        )
    })?;
    let value = c.metric(query, metric, today)?;
    if value.as_f64().is_none() {
        return Err(format!("{calc}.{metric} has no value for these parameters"));
    }
    let format = match fmt {
        Some(f) => Format::parse(f)?,
        None => Format::default_for(&value),
    };
    Ok(Live { calc: c, metric: metric.to_string(), query: query.to_string(), value, format })
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

impl Live {
    fn html(&self) -> String {
        let x = self.value.as_f64().unwrap_or(0.0);
        format!(
            "<data class=\"live\" data-metric=\"{}\" data-value=\"{}\" title=\"Computed by the {} calculator{}\">{}</data>",
            self.metric,
            self.value.exact(),
            self.calc.name,
            if self.query.is_empty() { String::new() } else { format!(": {}", escape(&self.query.replace('&', ", "))) },
            escape(&self.format.text(x))
        )
    }
}

/// A live number outside a lesson (the site's pages use it): the HTML of
/// `calc.metric?query|format`, computed now, with its exact `data-value`.
pub fn live_html(spec: &str, today: Date) -> Result<String, String> {
    evaluate_live(spec, today).map(|l| l.html())
}

/// What the compiler needs besides the files.
pub struct Context {
    /// "Today" for calculators that depend on the date (INIT billing).
    pub today: Date,
}

impl Context {
    /// Today's date from the host's clock (UTC): live numbers that depend on
    /// the date use the build date, as the calculators use the visitor's.
    pub fn today() -> Context {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        Context { today: Date::from_unix_days((secs / 86_400) as i64) }
    }
}

struct Link {
    target: String,
    line: usize,
}

struct FileCtx<'a> {
    file: &'a str,
    today: Date,
    links: Vec<Link>,
}

impl FileCtx<'_> {
    fn err(&self, line: usize, message: impl Into<String>) -> Error {
        Error { file: self.file.to_string(), line, message: message.into() }
    }

    /// Replaces `{{…}}` with computed numbers and records in-site links.
    /// `first_line` is the line of the text's first line.
    fn expand(&mut self, text: &str, first_line: usize) -> Result<String, Error> {
        let mut out = String::new();
        let mut rest = text;
        let mut line = first_line;
        while let Some(i) = rest.find("{{") {
            out.push_str(&rest[..i]);
            line += rest[..i].matches('\n').count();
            let after = &rest[i + 2..];
            let j = after.find("}}").ok_or_else(|| self.err(line, "'{{' without a closing '}}'"))?;
            let spec = &after[..j];
            if spec.contains('\n') {
                return Err(self.err(line, "a live number must be on one line"));
            }
            let live = evaluate_live(spec, self.today)
                .map_err(|m| self.err(line, format!("live number {{{{{spec}}}}}: {m}")))?;
            out.push_str(&live.html());
            rest = &after[j + 2..];
        }
        out.push_str(rest);
        for (k, l) in text.lines().enumerate() {
            let mut s = l;
            while let Some(p) = s.find("](") {
                let tail = &s[p + 2..];
                let end = tail.find(')').unwrap_or(tail.len());
                let target = &tail[..end];
                if target.starts_with("lesson:") || target.starts_with("calc:") {
                    self.links.push(Link { target: target.to_string(), line: first_line + k });
                }
                s = &tail[end..];
            }
        }
        Ok(out)
    }

    fn markdown(&mut self, text: &str, first_line: usize) -> Result<String, Error> {
        let expanded = self.expand(text, first_line)?;
        Ok(render_markdown(&expanded))
    }

    /// Markdown for one directive field: a single paragraph loses its `<p>`.
    fn inline(&mut self, text: &str, line: usize) -> Result<String, Error> {
        let html = self.markdown(text, line)?;
        let t = html.trim();
        let single = t.starts_with("<p>") && t.ends_with("</p>") && t.matches("<p>").count() == 1;
        Ok(if single { t[3..t.len() - 4].to_string() } else { t.to_string() })
    }
}

fn render_markdown(text: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(text, opts));
    rewrite_links(&out)
}

/// `href="lesson:02-x#id"` → `href="{{BASE}}/lessons/02-x/?step=id"`,
/// `href="calc:cost?a=1"` → `href="{{BASE}}/calculators/cost/?a=1"`; tables
/// get a scrollable, focusable wrapper.
fn rewrite_links(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find("href=\"") {
        out.push_str(&rest[..i + 6]);
        let tail = &rest[i + 6..];
        let end = tail.find('"').unwrap_or(tail.len());
        let target = &tail[..end];
        if let Some(t) = target.strip_prefix("lesson:") {
            let (slug, step) = t.split_once('#').unwrap_or((t, ""));
            out.push_str(&format!("{BASE_MARKER}/lessons/{slug}/"));
            if !step.is_empty() {
                out.push_str(&format!("?step={step}"));
            }
        } else if let Some(t) = target.strip_prefix("calc:") {
            let (name, q) = t.split_once('?').unwrap_or((t, ""));
            let page = calculators::find(name).map(|c| c.page.to_string()).unwrap_or(format!("/calculators/{name}/"));
            out.push_str(&format!("{BASE_MARKER}{page}"));
            if !q.is_empty() {
                out.push_str(&format!("?{q}"));
            }
        } else {
            out.push_str(target);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out.replace("<table>", "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table>")
        .replace("</table>", "</table></div>")
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn valid_id(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `key: value` fields of a directive, with continuation lines (indented).
fn fields(ctx: &FileCtx, body: &[(usize, &str)], allowed: &[&str]) -> Result<Vec<(String, String, usize)>, Error> {
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

fn field<'a>(f: &'a [(String, String, usize)], key: &str) -> Option<(&'a str, usize)> {
    f.iter().find(|(k, _, _)| k == key).map(|(_, v, l)| (v.as_str(), *l))
}

fn require<'a>(
    ctx: &FileCtx,
    f: &'a [(String, String, usize)],
    key: &str,
    kind: &str,
    at: usize,
) -> Result<(&'a str, usize), Error> {
    field(f, key).filter(|(v, _)| !v.is_empty()).ok_or_else(|| ctx.err(at, format!("{kind} needs '{key}:'")))
}

fn embed_of(c: &'static Calculator, query: &str, caption: String) -> Embed {
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
fn calc_name(calc: &str) -> &'static str {
    match calc {
        "cost" => "cost calculator",
        "power" => "power tuning explorer",
        "coldstart" => "cold-start calculator",
        "lmi" => "Managed Instances calculator",
        _ => "traffic simulator",
    }
}

/// The metrics a check may ask for, in words. A check on a metric not named
/// here fails the build, so no answer reads as an internal name.
const METRIC_NAMES: &[(&str, &str)] = &[
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
];

/// Comma-separated names, each checked against `valid`.
fn name_list(ctx: &FileCtx, line: usize, what: &str, value: &str, valid: &[&str]) -> Result<String, Error> {
    let names: Vec<&str> = value.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
    if let Some(bad) = names.iter().find(|n| !valid.contains(n)) {
        return Err(ctx.err(line, format!("{what}: unknown name '{bad}'; valid: {}", valid.join(", "))));
    }
    Ok(names.join(","))
}

fn directive(
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
                Some(p) => {
                    p.trim().parse::<f64>().ok().filter(|p| *p > 0.0 && *p < 100.0).map(|p| shown.abs() * p / 100.0)
                }
                None => tol.parse::<f64>().ok().filter(|t| *t > 0.0 && t.is_finite()),
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

struct Front {
    title: String,
    summary: String,
    minutes: u32,
    prerequisites: Vec<String>,
}

fn front_matter(ctx: &FileCtx, lines: &[&str]) -> Result<(Front, usize), Error> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err(ctx.err(1, "a lesson starts with front matter between '---' lines"));
    }
    let end = lines[1..]
        .iter()
        .position(|l| l.trim_end() == "---")
        .map(|i| i + 1)
        .ok_or_else(|| ctx.err(1, "front matter has no closing '---'"))?;
    let body: Vec<(usize, &str)> = lines[1..end].iter().enumerate().map(|(i, l)| (i + 2, *l)).collect();
    let f = fields(ctx, &body, &["title", "summary", "minutes", "prerequisites"])?;
    let (title, _) = require(ctx, &f, "title", "front matter", 1)?;
    let (summary, _) = require(ctx, &f, "summary", "front matter", 1)?;
    let (minutes, ml) = require(ctx, &f, "minutes", "front matter", 1)?;
    let (pre, _) = require(ctx, &f, "prerequisites", "front matter", 1)?;
    let minutes = minutes
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=120).contains(m))
        .ok_or_else(|| ctx.err(ml, format!("minutes '{minutes}' should be a whole number from 1 to 120")))?;
    let prerequisites = if pre == "none" {
        Vec::new()
    } else {
        pre.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
    };
    Ok((Front { title: title.to_string(), summary: summary.to_string(), minutes, prerequisites }, end + 1))
}

/// Compiles one lesson file. `file` names it in errors; links to other
/// lessons are checked by [`compile_all`].
pub fn compile_lesson(
    file: &str,
    slug: &str,
    text: &str,
    ctx: &Context,
) -> Result<(Lesson, Vec<(String, usize)>), Error> {
    let mut fc = FileCtx { file, today: ctx.today, links: Vec::new() };
    let number = slug
        .split('-')
        .next()
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|_| slug.len() > 3 && valid_id(slug))
        .ok_or_else(|| fc.err(1, format!("lesson file names look like 01-some-slug.md (got '{slug}.md')")))?;
    let lines: Vec<&str> = text.lines().collect();
    let (front, body_start) = front_matter(&fc, &lines)?;
    let mut steps: Vec<Step> = Vec::new();
    struct Open {
        id: String,
        title: String,
        blocks: Vec<Block>,
        text: String,
        text_line: usize,
        checks: usize,
    }
    let mut cur: Option<Open> = None;
    let flush_text = |fc: &mut FileCtx, cur: &mut Open| -> Result<(), Error> {
        if !cur.text.trim().is_empty() {
            let html = fc.markdown(&cur.text, cur.text_line)?;
            cur.blocks.push(Block::Html(leak(html)));
        }
        cur.text.clear();
        Ok(())
    };
    let finish = |cur: Open, steps: &mut Vec<Step>, fc: &FileCtx, line: usize| -> Result<(), Error> {
        if cur.blocks.is_empty() {
            return Err(fc.err(line, format!("step '{}' is empty", cur.id)));
        }
        steps.push(Step { id: leak(cur.id), title: leak(cur.title), blocks: leak_vec(cur.blocks) });
        Ok(())
    };
    let mut i = body_start;
    let mut in_fence = false;
    while i < lines.len() {
        let line_no = i + 1;
        let l = lines[i];
        if l.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if !in_fence && let Some(h) = l.strip_prefix("## ") {
            if let Some(mut c) = cur.take() {
                flush_text(&mut fc, &mut c)?;
                finish(c, &mut steps, &fc, line_no)?;
            }
            let (title, id) = match h.rfind("{#") {
                Some(p) if h.trim_end().ends_with('}') => {
                    (h[..p].trim().to_string(), h[p + 2..h.trim_end().len() - 1].trim().to_string())
                }
                _ => (h.trim().to_string(), slugify(h)),
            };
            if !valid_id(&id) {
                return Err(fc.err(line_no, format!("step id '{id}' may use only a-z, 0-9 and -")));
            }
            if steps.iter().any(|s| s.id == id) {
                return Err(fc.err(line_no, format!("step id '{id}' is used twice in this lesson")));
            }
            cur = Some(Open { id, title, blocks: Vec::new(), text: String::new(), text_line: line_no + 1, checks: 0 });
            i += 1;
            continue;
        }
        if !in_fence && let Some(rest) = l.strip_prefix(":::") {
            let rest = rest.trim();
            let Some(c) = cur.as_mut() else {
                return Err(fc.err(line_no, "a directive before the first step ('## Title')"));
            };
            if rest.is_empty() {
                return Err(fc.err(line_no, "a ':::' that closes nothing"));
            }
            let (name, args) = rest.split_once(' ').unwrap_or((rest, ""));
            let close = lines[i + 1..]
                .iter()
                .position(|x| x.trim_end() == ":::")
                .map(|k| i + 1 + k)
                .ok_or_else(|| fc.err(line_no, format!("'::: {name}' is not closed with ':::'")))?;
            if let Some(k) = lines[i + 1..close].iter().position(|x| x.starts_with("::: ")) {
                return Err(fc.err(i + 2 + k, format!("a directive inside '::: {name}' (close it with ':::' first)")));
            }
            let body: Vec<(usize, &str)> = (i + 1..close).map(|k| (k + 1, lines[k])).collect();
            flush_text(&mut fc, c)?;
            let step_id = c.id.clone();
            let block = directive(&mut fc, name, args, line_no, &body, &step_id, &mut c.checks)?;
            c.blocks.push(block);
            c.text_line = close + 2;
            i = close + 1;
            continue;
        }
        match cur.as_mut() {
            Some(c) => {
                if c.text.is_empty() {
                    c.text_line = line_no;
                }
                c.text.push_str(l);
                c.text.push('\n');
            }
            None if l.trim().is_empty() => {}
            None => return Err(fc.err(line_no, "text before the first step; start a step with '## Title {#id}'")),
        }
        i += 1;
    }
    if in_fence {
        return Err(fc.err(lines.len(), "a ``` code fence is not closed"));
    }
    match cur.take() {
        Some(mut c) => {
            flush_text(&mut fc, &mut c)?;
            finish(c, &mut steps, &fc, lines.len())?;
        }
        None => return Err(fc.err(lines.len().max(1), "a lesson needs at least one step ('## Title {#id}')")),
    }
    let lesson = Lesson {
        slug: leak(slug.to_string()),
        number,
        title: leak(front.title),
        summary: leak(front.summary),
        minutes: front.minutes,
        prerequisites: leak_vec(front.prerequisites.into_iter().map(leak).collect()),
        steps: leak_vec(steps),
    };
    Ok((lesson, fc.links.into_iter().map(|l| (l.target, l.line)).collect()))
}

/// One compiled lesson with where it came from and the links it makes.
pub struct Compiled {
    pub file: String,
    pub lesson: Lesson,
    /// `lesson:` and `calc:` link targets with their lines.
    pub links: Vec<(String, usize)>,
}

/// Checks what only the whole course can: numbering, prerequisites, links,
/// and that each lesson has a live calculator or number and a check.
pub fn check_course(lessons: &[Compiled], today: Date) -> Vec<Error> {
    let mut errors = Vec::new();
    let err = |file: &str, line: usize, m: String| Error { file: file.to_string(), line, message: m };
    for (k, Compiled { file, lesson, links }) in lessons.iter().enumerate() {
        if lessons[..k].iter().any(|c| c.lesson.number == lesson.number) {
            errors.push(err(file, 1, format!("lesson number {} is used twice", lesson.number)));
        }
        for p in lesson.prerequisites {
            match lessons.iter().position(|c| c.lesson.slug == *p) {
                None => errors.push(err(file, 1, format!("prerequisite '{p}' is not a lesson"))),
                Some(j) if j >= k => {
                    errors.push(err(file, 1, format!("prerequisite '{p}' does not come before this lesson")))
                }
                _ => {}
            }
        }
        let has_live = lesson.steps.iter().flat_map(|s| s.blocks).any(|b| match b {
            Block::Calculator(_) => true,
            Block::Html(h) | Block::Myth { fact: h, .. } => h.contains("class=\"live\""),
            _ => false,
        });
        if !has_live {
            errors.push(err(file, 1, "a lesson needs at least one live calculator or live number".into()));
        }
        if lesson.checks().next().is_none() {
            errors.push(err(file, 1, "a lesson needs at least one check".into()));
        }
        for step in lesson.steps {
            for m in answers_in_step(step, today) {
                errors.push(err(file, 1, format!("step '{}': {m}", step.id)));
            }
        }
        for (target, line) in links {
            if let Some(t) = target.strip_prefix("lesson:") {
                if let Err(m) = resolve_step(lessons.iter().map(|c| &c.lesson), t) {
                    errors.push(err(file, *line, m));
                }
            } else if let Some(t) = target.strip_prefix("calc:") {
                let (name, q) = t.split_once('?').unwrap_or((t, ""));
                match calculators::find(name) {
                    // The account page prices several functions; it has no single query.
                    None if name == "account" && q.is_empty() => {}
                    None => errors.push(err(file, *line, format!("link to unknown calculator '{name}'"))),
                    Some(c) => {
                        if let Err(m) = c.evaluate_query(q, today) {
                            errors.push(err(file, *line, format!("calculator link: {m}")));
                        }
                    }
                }
            }
        }
    }
    errors
}

/// The numbers a reader sees in a step's text (prose, captions, myth boxes),
/// as written: `$3.53`, `1,024`, `0.56`.
fn numbers_in(html: &str) -> Vec<(String, f64)> {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut Vec<(String, f64)>| {
        let t = token.trim_end_matches([',', '.']).to_string();
        if t.chars().any(|c| c.is_ascii_digit())
            && let Ok(x) = t.replace(',', "").parse::<f64>()
        {
            out.push((t, x));
        }
        token.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() || ((c == ',' || c == '.') && !token.is_empty()) {
            token.push(c);
        } else {
            flush(&mut token, &mut out);
        }
    }
    flush(&mut token, &mut out);
    out
}

/// Significant digits of a number as written (`0.0417` has 3, `1,024` 4).
fn significant(written: &str) -> usize {
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let trimmed = digits.trim_start_matches('0');
    let trimmed = if written.contains('.') { trimmed } else { trimmed.trim_end_matches('0') };
    trimmed.len()
}

/// Where a check's answer stands in its own step: a number in the text
/// within the check's tolerance (written with two or more significant
/// digits, so a "3 environments" elsewhere does not count), or the same
/// figure shown by a calculator on the step for the same scenario. A check
/// must make the reader compute, not copy (issue 23).
pub fn answers_in_step(step: &Step, today: Date) -> Vec<String> {
    let mut text = String::new();
    let mut shown: Vec<(&'static str, f64)> = Vec::new();
    for b in step.blocks {
        match b {
            Block::Html(h) => text.push_str(h),
            Block::Myth { myth, fact, .. } => {
                text.push_str(myth);
                text.push(' ');
                text.push_str(fact);
            }
            Block::Calculator(e) => {
                text.push_str(e.caption);
                if let Some(c) = calculators::find(e.calc)
                    && let Ok(metrics) = c.evaluate_query(e.query, today)
                {
                    shown.extend(metrics.iter().filter_map(|(k, v)| v.as_f64().map(|x| (*k, x))));
                }
            }
            _ => {}
        }
        text.push(' ');
    }
    let numbers = numbers_in(&text);
    let mut out = Vec::new();
    for b in step.blocks {
        let Block::Check(c) = b else { continue };
        let scale = if c.unit == "%" { 100.0 } else { 1.0 };
        let close = |x: f64| (x - c.answer).abs() <= c.tolerance.max(c.answer.abs() * 1e-9);
        if let Some((w, _)) = numbers.iter().find(|(w, x)| significant(w) >= 2 && close(*x)) {
            out.push(format!(
                "check {}: its answer ({}) stands in the step's text as \"{w}\"; ask about another scenario",
                c.id, c.answer_text
            ));
        } else if shown.iter().any(|(k, x)| *k == c.metric && close(x * scale)) {
            out.push(format!(
                "check {}: its answer ({}) is what the step's calculator shows as it opens; ask about another scenario",
                c.id, c.answer_text
            ));
        }
    }
    out
}

/// Resolves `01-billing` or `01-billing#step-id` against the lessons.
pub fn resolve_step<'a>(mut lessons: impl Iterator<Item = &'a Lesson>, target: &str) -> Result<(), String> {
    let (slug, step) = target.split_once('#').unwrap_or((target, ""));
    let lesson = lessons.find(|l| l.slug == slug).ok_or_else(|| format!("no lesson '{slug}'"))?;
    if !step.is_empty() && !lesson.steps.iter().any(|s| s.id == step) {
        return Err(format!(
            "lesson '{slug}' has no step '{step}'; its steps: {}",
            lesson.steps.iter().map(|s| s.id).collect::<Vec<_>>().join(", ")
        ));
    }
    Ok(())
}

/// Compiles every `*.md` in `dir`, in file-name order.
pub fn compile_dir(dir: &Path, ctx: &Context) -> Result<Vec<Lesson>, Vec<Error>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| vec![Error { file: dir.display().to_string(), line: 0, message: e.to_string() }])?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    let mut compiled = Vec::new();
    let mut errors = Vec::new();
    for path in files {
        let file = path.display().to_string();
        let slug = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => match compile_lesson(&file, &slug, &text, ctx) {
                Ok((lesson, links)) => compiled.push(Compiled { file, lesson, links }),
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(Error { file, line: 0, message: e.to_string() }),
        }
    }
    if errors.is_empty() {
        errors = check_course(&compiled, ctx.today);
    }
    if errors.is_empty() { Ok(compiled.into_iter().map(|c| c.lesson).collect()) } else { Err(errors) }
}

/// Step references in COVERAGE.md (`` `01-billing#free-tier` ``) that do not
/// resolve, with their line numbers. A reference is a backquoted
/// `NN-slug#step-id`.
pub fn check_coverage(text: &str, lessons: &[Lesson]) -> (usize, Vec<(usize, String)>) {
    let mut found = 0;
    let mut bad = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for (k, part) in line.split('`').enumerate() {
            let is_ref = k % 2 == 1
                && part.contains('#')
                && part.len() > 3
                && part.as_bytes()[..2].iter().all(u8::is_ascii_digit)
                && part.as_bytes()[2] == b'-';
            if is_ref {
                found += 1;
                if let Err(m) = resolve_step(lessons.iter(), part) {
                    bad.push((n + 1, m));
                }
            }
        }
    }
    (found, bad)
}

fn rs(s: &str) -> String {
    format!("{s:?}")
}

fn embed_rs(e: &Embed) -> String {
    format!(
        "Embed {{ calc: {}, module: {}, page: {}, query: {}, caption: {}, show: {}, inputs: {} }}",
        rs(e.calc),
        rs(e.module),
        rs(e.page),
        rs(e.query),
        rs(e.caption),
        rs(e.show),
        rs(e.inputs)
    )
}

/// Rust source for `pub static LESSONS: &[Lesson]`, to `include!` where the
/// types of this crate are in scope.
pub fn to_rust(lessons: &[Lesson]) -> String {
    let mut s = String::from("pub static LESSONS: &[Lesson] = &[\n");
    for l in lessons {
        let _ = writeln!(
            s,
            "Lesson {{ slug: {}, number: {}, title: {}, summary: {}, minutes: {}, prerequisites: &[{}], steps: &[",
            rs(l.slug),
            l.number,
            rs(l.title),
            rs(l.summary),
            l.minutes,
            l.prerequisites.iter().map(|p| rs(p)).collect::<Vec<_>>().join(", ")
        );
        for st in l.steps {
            let _ = writeln!(s, "  Step {{ id: {}, title: {}, blocks: &[", rs(st.id), rs(st.title));
            for b in st.blocks {
                let block = match b {
                    Block::Html(h) => format!("Block::Html({})", rs(h)),
                    Block::Calculator(e) => format!("Block::Calculator({})", embed_rs(e)),
                    Block::Myth { myth, fact, source } => {
                        format!("Block::Myth {{ myth: {}, fact: {}, source: {} }}", rs(myth), rs(fact), rs(source))
                    }
                    Block::Code(samples) => format!(
                        "Block::Code(&[{}])",
                        samples
                            .iter()
                            .map(|x| format!(
                                "Sample {{ lang: {}, label: {}, code: {} }}",
                                rs(x.lang),
                                rs(x.label),
                                rs(x.code)
                            ))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    Block::Check(c) => format!(
                        "Block::Check(Check {{ id: {}, question: {}, hint: {}, explain: {}, embed: {}, metric: {}, exact: {}, answer: {:?}_f64, answer_text: {}, tolerance: {:?}_f64, unit: {}, what: {} }})",
                        rs(c.id),
                        rs(c.question),
                        rs(c.hint),
                        rs(c.explain),
                        embed_rs(&c.embed),
                        rs(c.metric),
                        rs(c.exact),
                        c.answer,
                        rs(c.answer_text),
                        c.tolerance,
                        rs(c.unit),
                        rs(c.what)
                    ),
                };
                let _ = writeln!(s, "    {block},");
            }
            s.push_str("  ] },\n");
        }
        s.push_str("] },\n");
    }
    s.push_str("];\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const CTX: Context = Context { today: Date { year: 2026, month: 11, day: 23 } };

    fn lesson(body: &str) -> Result<Lesson, Error> {
        let text = format!("---\ntitle: T\nsummary: S\nminutes: 5\nprerequisites: none\n---\n{body}");
        compile_lesson("content/lessons/01-t.md", "01-t", &text, &CTX).map(|(l, _)| l)
    }

    fn error_line(body: &str) -> (usize, String) {
        let e = lesson(body).unwrap_err();
        assert_eq!(e.file, "content/lessons/01-t.md");
        (e.line, e.message)
    }

    #[test]
    fn a_lesson_calculator_names_its_parts_and_inputs() {
        let l = lesson("## S {#s}\n::: calculator cost\nparams: memory_mb=512\nshow: result, inputs\ninputs: memory_mb, requests\n:::\n").unwrap();
        let Block::Calculator(e) = l.steps[0].blocks[0] else { panic!() };
        assert_eq!((e.show, e.inputs), ("result,inputs", "memory_mb,requests"));
        assert_eq!(e.compact_query(), "v=4&memory_mb=512&show=result,inputs&inputs=memory_mb,requests");
        // Unknown names fail the build, naming what is valid.
        let (line, m) = error_line("## S {#s}\n::: calculator cost\ninputs: memory, requests\n:::\n");
        assert!(line == 9 && m.contains("unknown name 'memory'") && m.contains("memory_mb"), "{line} {m}");
        let (_, m) = error_line("## S {#s}\n::: calculator cost\nshow: result, graph\n:::\n");
        assert!(m.contains("unknown name 'graph'") && m.contains("chart"), "{m}");
        // Without them: the lesson default and the calculator's key inputs.
        let l = lesson("## S {#s}\n::: calculator cost\n:::\n").unwrap();
        let Block::Calculator(e) = l.steps[0].blocks[0] else { panic!() };
        assert_eq!(e.compact_query(), "v=4&show=result,inputs,chart");
    }

    #[test]
    fn steps_text_and_live_numbers() {
        let l = lesson(
            "## First {#one}\nCost: {{cost.total_usd?requests=1000000&duration_ms=200&memory_mb=1024&free_tier=false}}.\n\n## Second step\nMore.\n",
        )
        .unwrap();
        assert_eq!(l.steps.len(), 2);
        assert_eq!(l.steps[0].id, "one");
        assert_eq!(l.steps[1].id, "second-step");
        let Block::Html(h) = l.steps[0].blocks[0] else { panic!() };
        assert!(h.contains("data-metric=\"total_usd\" data-value=\"3.53334\""), "{h}");
        assert!(h.contains(">$3.53</data>"), "{h}");
    }

    #[test]
    fn checks_compute_their_answer() {
        let l = lesson(
            "## S {#s}\n::: check\nquestion: How much?\nanswer: cost.total_usd?requests=1000000&duration_ms=200&memory_mb=1024&free_tier=false\ntolerance: 0.01\nhint: GB-s first.\n:::\n::: check\nquestion: Ratio?\nanswer: cost.gb_seconds?requests=1000&duration_ms=1000&memory_mb=1024\nformat: num:0\ntolerance: 1%\nhint: h\n:::\n",
        )
        .unwrap();
        let Block::Check(c) = l.steps[0].blocks[0] else { panic!() };
        assert_eq!(c.id, "s-check-1");
        assert_eq!(c.exact, "3.53334");
        assert_eq!(c.answer_text, "$3.53");
        assert_eq!(c.unit, "$");
        assert_eq!(c.judge("$3.53"), Some(true));
        assert_eq!(c.judge("3.60"), Some(false));
        assert_eq!(c.embed.module, "cost");
        let Block::Check(c2) = l.steps[0].blocks[1] else { panic!() };
        assert_eq!(c2.id, "s-check-2");
        assert_eq!(c2.answer, 1000.0);
        assert!((c2.tolerance - 10.0).abs() < 1e-9);
    }

    #[test]
    fn myth_code_and_calculator() {
        let l = lesson(
            "## S {#s}\n::: myth\nmyth: VPC adds 10 s.\nfact: It adds about {{coldstart.cold_latency_p50_ms?runtime=nodejs22.x&vpc=true|num:0}} ms in total.\nsource: Seed 004.\n:::\n::: code\n```js\nconst a = 1;\n```\n```python\na = 1\n```\n:::\n::: calculator cost\nparams: memory_mb=512\ncaption: A caption with *emphasis*.\n:::\n",
        )
        .unwrap();
        let b = l.steps[0].blocks;
        assert!(matches!(b[0], Block::Myth { fact, .. } if fact.contains("data-metric=\"cold_latency_p50_ms\"")));
        assert!(
            matches!(b[1], Block::Code(s) if s.len() == 2 && s[1].label == "Python" && s[0].code == "const a = 1;")
        );
        assert!(matches!(b[2], Block::Calculator(e) if e.query == "v=4&memory_mb=512" && e.caption.contains("<em>")));
    }

    #[test]
    fn links_are_rewritten() {
        let l = lesson("## S {#s}\nSee [next](lesson:02-x#y) and [calc](calc:traffic?rate_per_s=5).\n").unwrap();
        let Block::Html(h) = l.steps[0].blocks[0] else { panic!() };
        assert!(h.contains("href=\"{{BASE}}/lessons/02-x/?step=y\""), "{h}");
        assert!(h.contains("href=\"{{BASE}}/calculators/traffic/?rate_per_s=5\""), "{h}");
    }

    #[test]
    fn broken_directives_name_file_and_line() {
        // Front matter is lines 1–6; the body starts on line 7.
        let (line, m) = error_line("## S {#s}\ntext\n{{cost.total_dollars}}\n");
        assert_eq!(line, 9);
        assert!(m.contains("total_usd"), "{m}");
        let (line, m) = error_line(
            "## S {#s}\n\n::: check\nquestion: q\nanswer: cost.total_usd?memory_mb=64\ntolerance: 1\nhint: h\n:::\n",
        );
        assert_eq!(line, 11);
        assert!(m.contains("128"), "{m}");
        let (line, m) = error_line("## S {#s}\n::: calculator nope\n:::\n");
        assert_eq!((line, m.contains("cost, power")), (8, true));
        let (line, m) = error_line("## S {#s}\n::: check\nquestion: q\n");
        assert_eq!((line, m.contains("not closed")), (8, true));
        let (line, m) = error_line("## S {#s}\n::: check\nquestion: q\nanswer: cost.total_usd\nhint: h\n:::\n");
        assert_eq!((line, m.contains("tolerance")), (8, true));
        let (line, m) = error_line("## S {#s}\n::: check\nquestoin: q\n:::\n");
        assert_eq!((line, m.contains("unknown field 'questoin'")), (9, true));
        let (line, m) = error_line("## S {#s}\n::: code\n```cobol\nx\n```\n:::\n");
        assert_eq!((line, m.contains("unknown language")), (9, true));
        let (line, m) = error_line("## S {#s}\n::: shout\n:::\n");
        assert_eq!((line, m.contains("unknown directive")), (8, true));
        let (line, _) = error_line("Intro\n## S {#s}\nx\n");
        assert_eq!(line, 7);
        let (line, m) = error_line("## S {#s}\nx\n## S again {#s}\ny\n");
        assert_eq!((line, m.contains("twice")), (9, true));
        let (line, m) = error_line("## S {#s}\nsee {{cost.total_usd?memory_mb=512|usd:x}}\n");
        assert_eq!((line, m.contains("digit")), (8, true));
        let (line, m) =
            error_line("## S {#s}\n::: check\nquestion: q\nanswer: cost.total_usd\ntolerance: -1\nhint: h\n:::\n");
        assert_eq!((line, m.contains("positive")), (11, true));
    }

    #[test]
    fn front_matter_is_checked() {
        let e = compile_lesson(
            "f.md",
            "01-t",
            "---\ntitle: T\nsummary: S\nminutes: lots\nprerequisites: none\n---\n## S\nx\n",
            &CTX,
        )
        .unwrap_err();
        assert_eq!((e.line, e.message.contains("minutes")), (4, true));
        let e = compile_lesson("f.md", "01-t", "## S\nx\n", &CTX).unwrap_err();
        assert_eq!(e.line, 1);
        let e = compile_lesson("f.md", "lesson", "---\ntitle: T\n---\n", &CTX).unwrap_err();
        assert!(e.message.contains("01-some-slug"), "{}", e.message);
    }

    #[test]
    fn course_checks_links_prerequisites_and_requirements() {
        let mk = |slug: &str, pre: &str, body: &str| {
            let text = format!("---\ntitle: T\nsummary: S\nminutes: 5\nprerequisites: {pre}\n---\n{body}");
            let (lesson, links) = compile_lesson(&format!("{slug}.md"), slug, &text, &CTX).unwrap();
            Compiled { file: format!("{slug}.md"), lesson, links }
        };
        let good = "## A {#a}\n{{cost.total_usd}}\n::: check\nquestion: q\nanswer: cost.total_usd?memory_mb=512&free_tier=false&requests=5000000\ntolerance: 1%\nhint: h\n:::\n";
        let course = vec![
            mk("01-a", "none", good),
            mk("02-b", "01-a", &format!("{good}See [a](lesson:01-a#a) and [b](lesson:01-a#zz).\n")),
            mk("03-c", "04-d", "## Only text {#t}\nNothing live.\n"),
        ];
        let errs = check_course(&course, CTX.today);
        let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        assert!(text.iter().any(|e| e.starts_with("02-b.md:15:") && e.contains("no step 'zz'")), "{text:?}");
        assert!(text.iter().any(|e| e.contains("prerequisite '04-d'")), "{text:?}");
        assert!(text.iter().any(|e| e.starts_with("03-c.md") && e.contains("live")), "{text:?}");
        assert!(text.iter().any(|e| e.starts_with("03-c.md") && e.contains("check")), "{text:?}");
        assert_eq!(errs.len(), 4, "{text:?}");
    }

    #[test]
    fn a_check_whose_answer_stands_in_its_step_is_refused() {
        // Issue 23: the answer printed in the text above, in a myth box, or
        // shown by the step's calculator as it opens.
        let cases = [
            "## A {#a}\nThe month comes to {{cost.total_usd?free_tier=false}}.\n::: check\nquestion: q\nanswer: cost.total_usd?free_tier=false\ntolerance: 0.01\nhint: h\n:::\n",
            "## A {#a}\n::: calculator cost\nparams: memory_mb=512\n:::\n::: check\nquestion: q\nanswer: cost.total_usd?memory_mb=512\ntolerance: 0.01\nhint: h\n:::\n",
        ];
        for text in cases {
            let l = lesson(text).unwrap();
            let found = answers_in_step(&l.steps[0], CTX.today);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
        }
        // Another scenario than the text's, or a small count elsewhere, is fine.
        let ok = lesson(
            "## A {#a}\nAt 1,024 MB: {{cost.total_usd?free_tier=false}}; 3 environments.\n::: check\nquestion: q\nanswer: cost.total_usd?free_tier=false&memory_mb=512\ntolerance: 0.01\nhint: h\n:::\n",
        )
        .unwrap();
        assert_eq!(answers_in_step(&ok.steps[0], CTX.today), Vec::<String>::new());
    }

    #[test]
    fn coverage_references_resolve() {
        let l = lesson("## S {#s}\nx\n").unwrap();
        let (n, bad) = check_coverage("| a | `01-t#s` |\n| b | `01-t#nope` and `02-x#y` |\n| c | `not-a-ref` |", &[l]);
        assert_eq!(n, 3);
        assert_eq!(bad.len(), 2);
        assert_eq!(bad[0].0, 2);
    }

    #[test]
    fn generated_rust_has_every_lesson() {
        let l = lesson("## S {#s}\nquote \" and {{cost.total_usd}}\n::: check\nquestion: q\nanswer: cost.total_usd\ntolerance: 1%\nhint: h\n:::\n").unwrap();
        let src = to_rust(&[l]);
        assert!(src.starts_with("pub static LESSONS: &[Lesson] = &["));
        assert!(src.contains("slug: \"01-t\""));
        assert!(src.contains("\\\""));
        assert!(src.contains("Block::Check(Check { id: \"s-check-1\""));
    }
}

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

#[path = "../../../../src/format.rs"]
#[allow(dead_code)]
mod format;

mod codegen;
mod course;
mod directives;
mod front;
mod live;
mod markdown;

pub use codegen::*;
pub use course::*;
use directives::*;
use front::*;
pub use live::*;
use markdown::*;

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

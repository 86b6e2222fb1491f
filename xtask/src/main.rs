//! `cargo xtask serve | test | dist | static | bench-web`: the project's whole
//! setup and check pipeline. Every command installs what is missing (and
//! skips whatever is already there at the pinned version), so a fresh clone
//! needs nothing but rustup/cargo, node/npm and apt.

mod bench;
mod serve;
mod site;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// The sub-path the e2e suite serves `dist/` under, as GitHub Pages would.
const E2E_PUBLIC_URL: &str = "/lambda-lab/";
/// Bytes on the wire (gzipped) a first visit to a route may move before its
/// first figure or text: the page, the shared assets, its wasm module, and
/// for a lesson the calculators its first step shows (issue 10 budgets).
/// Calculators: 260 KiB until issue 13, whose hand-offs between calculators,
/// the simulator's monthly figure through the cost engine and the power
/// explorer's measured-size answer added 12–20 KiB to each (docs/BENCHMARKS.md).
/// 284 KiB since issue 22 (2026-12-06): typed values taken only when complete,
/// the stale-figures line, readable choice labels, the simulator's automatic
/// run length and the power explorer's trade-off took the traffic module 1.2 KiB
/// over 280 (measured in docs/BENCHMARKS.md, "The engineer's journey").
/// 288 KiB since issue 28 (2026-12-06): a large paste read from the clipboard
/// a piece at a time (a 50 MB log: 17 s and 2 s tasks before, measured in
/// docs/BENCHMARKS.md, "Redeploys and edges") and the redeploy diagnosis of a
/// module that does not load took the power module 0.2 KiB over 284.
/// 290 KiB since issue 24 (2026-12-06): every page's social card tags, the
/// oEmbed endpoint's discovery link, the embed layout that fits WordPress's
/// 1,000 px (stylesheet), Reset to an embed's own values and height reports
/// held until the calculator is drawn took the power page 0.2 KiB over 288
/// (measured in docs/BENCHMARKS.md, "Bloggers' platforms").
/// 292 KiB since issue 26 (2026-12-06): every calculator page holds its
/// first figures for the defaults (a result card) and the site script the
/// loader of a link's own (figures module, locale formatting), 1.3 KiB on the
/// power page (290.7 KiB measured), bytes that are no longer on the way to a
/// link's first figure, which the first-figure budget below holds at 100 KB.
/// 298 KiB since issue 24's pinned prices (2026-12-06): the line a pinned
/// link shows (its table, today's figure when the tables differ, "Use
/// today's prices"), the embed footer's "Prices of …", the table field of
/// every priced calculator and "Copy link with its card" took the power page
/// from 290.7 to 296.8 KiB (traffic 296.9, cost 289.0; docs/BENCHMARKS.md,
/// "Pinned prices"); the bytes before a link's first figure did not move.
const CALCULATOR_ROUTE_BUDGET: u64 = 298 * 1024;
/// Bytes (gzipped) before a calculator or embed link's own first figure: the
/// page, the shared assets and the calculator's figures module (issue 26:
/// at most 100 KB moved by then, whatever the interactive module weighs).
/// 80 KB since 2026-12-07: with the engine's own decimal reader and writer
/// (no core float parsing or formatting in the figures modules) the heaviest,
/// platforms, is 77.2 KB (docs/BENCHMARKS.md, "Answers before the app").
/// 70 KB since 2026-12-07's second step: without the engine's form texts,
/// the whole lambda-perf table, the cross-checks' and AWS's examples' messages
/// in the figures modules, platforms (the heaviest) is 65.9 KB (docs/BENCHMARKS.md,
/// "Answers before the app, third step").
/// 62 KB since 2026-12-07's fourth step: without the engine's messages in
/// the figures modules (`ui_format!`), platforms (the heaviest) is 58.3 KB and
/// power 55.3 KB (docs/BENCHMARKS.md, "Answers before the app, fourth step").
const FIRST_FIGURE_BUDGET: u64 = 62 * 1000;
const LESSON_ROUTE_BUDGET: u64 = 480 * 1024;
const STATIC_ROUTE_BUDGET: u64 = 40 * 1024;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => cmd_serve(),
        Some("test") => cmd_test(&args[1..]),
        Some("dist") => cmd_dist(&args[1..]),
        Some("static") => cmd_static(&args[1..]),
        Some("bench-web") => bench::cmd_bench_web(&args[1..]),
        Some("fuzz") => cmd_fuzz(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n\
                 commands:\n  \
                 serve                      build the site and serve it on http://127.0.0.1:8080\n  \
                 test [--skip-e2e]          fmt, clippy (native + wasm32), tests, release build, size budgets, e2e\n  \
                 dist [--public-url /p/] [--site-origin https://o.github.io] [--out DIR]\n                             \
                 [--oembed-endpoint https://….lambda-url.<region>.on.aws/]\n                             \
                 write a deployable static folder (default dist/, /)\n  \
                 static DIR [--public-url /p/] [--port N]   serve a built folder the way a static host does\n  \
                 bench-web [--runs N]       bytes and time to the first figure per route on a throttled network\n  \
                 fuzz [--cases N] [--seconds S] [--seed N] [NAME]\n                             \
                 a million cases per entry point (or those whose test name contains NAME)"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

pub type Result<T = ()> = std::result::Result<T, String>;

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the workspace").to_path_buf()
}

/// Runs a command in the workspace root with the tool paths set, failing on a
/// non-zero exit.
pub fn run(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}").replace('"', "");
    println!("xtask: $ {shown}");
    let status = cmd
        .current_dir_if_unset(&root())
        .env("PATH", tools::path_with_tools())
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{shown} failed ({status})")) }
}

trait CurrentDir {
    fn current_dir_if_unset(&mut self, dir: &Path) -> &mut Self;
}

impl CurrentDir for Command {
    fn current_dir_if_unset(&mut self, dir: &Path) -> &mut Self {
        if self.get_current_dir().is_none() {
            self.current_dir(dir);
        }
        self
    }
}

pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn phase<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    println!("\nxtask: ── {name} ──");
    let t = Instant::now();
    let out = f();
    println!("xtask: {name}: {} in {:.1}s", if out.is_ok() { "ok" } else { "FAILED" }, t.elapsed().as_secs_f64());
    out
}

fn cmd_serve() -> Result {
    println!(
        "xtask: serve builds the release site first; on a fresh machine the tools install first (about 6 minutes)."
    );
    tools::ensure_build_tools()?;
    let out = root().join("target").join("serve-dist");
    let origin = "http://127.0.0.1:8080";
    // `static` answers the oEmbed endpoint too, so discovery links point at it.
    site::build(&site::Options {
        public_url: "/",
        out: &out,
        site_origin: origin,
        debug_routes: false,
        oembed_endpoint: Some(format!("{origin}/")),
    })?;
    let server = serve::StaticServer::start(out, "/".into(), 8080)?;
    println!("xtask: serving on http://127.0.0.1:{}/ (Ctrl-C stops)", server.port);
    server.join();
    Ok(())
}

fn cmd_dist(args: &[String]) -> Result {
    let public_url = normalise_public_url(&flag_value(args, "--public-url").unwrap_or_else(|| "/".into()))?;
    let out = flag_value(args, "--out").map(PathBuf::from).unwrap_or_else(|| root().join("dist"));
    let origin = flag_value(args, "--site-origin").unwrap_or_else(site::default_site_origin);
    let oembed_endpoint = flag_value(args, "--oembed-endpoint").map(|e| normalise_endpoint(&e)).transpose()?;
    tools::ensure_build_tools()?;
    let built = site::build(&site::Options {
        public_url: &public_url,
        out: &out,
        site_origin: &origin,
        debug_routes: false,
        oembed_endpoint,
    })?;
    check_budgets(&built)?;
    println!("xtask: wrote {} for {origin}{public_url}", out.display());
    Ok(())
}

fn cmd_static(args: &[String]) -> Result {
    let dir = args.first().map(PathBuf::from).ok_or("usage: cargo xtask static DIR [--public-url /p/] [--port N]")?;
    let public_url = normalise_public_url(&flag_value(args, "--public-url").unwrap_or_else(|| "/".into()))?;
    let port: u16 =
        flag_value(args, "--port").map(|p| p.parse().map_err(|_| "bad --port")).transpose()?.unwrap_or(8080);
    let server = serve::StaticServer::start(dir, public_url.clone(), port)?;
    println!("xtask: serving on http://127.0.0.1:{}{public_url}", server.port);
    server.join();
    Ok(())
}

/// `cargo xtask fuzz`: the fuzz properties of the engine
/// (`crates/model/tests/fuzz.rs`) and the CLI (`crates/cli/tests/fuzz.rs`),
/// a million cases per entry point by default, in release with overflow
/// checks on. `--seconds` caps each entry point's time.
fn cmd_fuzz(args: &[String]) -> Result {
    let cases = flag_value(args, "--cases").unwrap_or_else(|| "1000000".into());
    let mut cmd = cargo();
    cmd.args(["test", "--release", "--locked", "-p", "lambda-model", "--test", "fuzz"])
        .args(["-p", "lambda-lab-cli", "--test", "fuzz", "--", "--nocapture", "--test-threads", "1"])
        // A bare word picks the entry points whose test name contains it.
        .args(
            args.iter()
                .enumerate()
                .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || !args[i - 1].starts_with("--")))
                .map(|(_, a)| a),
        )
        .env("LAMBDA_LAB_FUZZ_CASES", &cases)
        .env("CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS", "true");
    if let Some(s) = flag_value(args, "--seconds") {
        cmd.env("LAMBDA_LAB_FUZZ_SECONDS", s);
    }
    if let Some(s) = flag_value(args, "--seed") {
        cmd.env("LAMBDA_LAB_FUZZ_SEED", s);
    }
    let started = Instant::now();
    run(&mut cmd)?;
    println!("xtask: fuzzing passed in {:.0}s", started.elapsed().as_secs_f64());
    Ok(())
}

/// The budget a route is held to, by what it is.
fn route_budget(route: &str, public_url: &str) -> (u64, &'static str) {
    let r = route.strip_prefix(public_url).unwrap_or(route);
    if r.starts_with("calculators/") && r != "calculators/" || r.starts_with("embed/") || r.starts_with("debug/") {
        (CALCULATOR_ROUTE_BUDGET, "calculator")
    } else if r.starts_with("lessons/") && r != "lessons/" {
        (LESSON_ROUTE_BUDGET, "lesson")
    } else if r == "workshop/" {
        // One module (the lessons'), like a calculator page.
        (CALCULATOR_ROUTE_BUDGET, "workshop planner")
    } else {
        (STATIC_ROUTE_BUDGET, "page without wasm")
    }
}

/// Prints every route's first-load bytes and fails on one over its budget.
fn check_budgets(built: &site::Built) -> Result {
    let mut over = Vec::new();
    for (route, bytes) in site::route_sizes(built)? {
        let (budget, kind) = route_budget(&route, &built.public_url);
        println!(
            "budget: {route:<48} {:>7.1} KB of {:>4} KB ({kind}){}",
            bytes as f64 / 1024.0,
            budget / 1024,
            if bytes > budget { "  OVER" } else { "" }
        );
        if bytes > budget {
            over.push(format!("{route} loads {bytes} bytes gzipped, over its {budget}-byte budget"));
        }
    }
    for (route, bytes) in site::first_sizes(built)? {
        println!(
            "budget: {route:<48} {:>7.1} KB of {:>4} KB (first figure){}",
            bytes as f64 / 1000.0,
            FIRST_FIGURE_BUDGET / 1000,
            if bytes > FIRST_FIGURE_BUDGET { "  OVER" } else { "" }
        );
        if bytes > FIRST_FIGURE_BUDGET {
            over.push(format!(
                "{route} moves {bytes} bytes gzipped before its first figure, over {FIRST_FIGURE_BUDGET}"
            ));
        }
    }
    if over.is_empty() { Ok(()) } else { Err(over.join("; ")) }
}

fn cmd_test(args: &[String]) -> Result {
    let skip_e2e = args.iter().any(|a| a == "--skip-e2e");
    let started = Instant::now();
    phase("install tools", tools::ensure_build_tools)?;
    phase("cargo fmt --check", || run(cargo().args(["fmt", "--all", "--check"])))?;
    phase("clippy (native)", || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--locked",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    phase("clippy (wasm32)", || {
        run(cargo().args([
            "clippy",
            "--locked",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "lambda-lab-app",
            "-p",
            "lambda-model",
            "-p",
            "lambda-lessons",
            "-p",
            "lambda-lab-figures",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    phase("native tests", || run(cargo().args(["test", "--workspace", "--all-features", "--locked"])))?;
    // The figures modules are built from the engine without its `texts`
    // feature (no labels, help or messages): their tests again, as built,
    // so a figure never depends on a text that is empty there.
    phase("figures tests, without the engine's texts", || {
        run(cargo().args(["test", "--locked", "-p", "lambda-lab-figures"]))
    })?;
    let dist = root().join("target").join("e2e-dist");
    // The site is built for the port it is served on, and its oEmbed discovery
    // links name that server's endpoint (`cargo xtask static` answers it), so
    // a test can follow them as WordPress does. LAMBDA_LAB_E2E_PORT pins the
    // port (to serve a `--skip-e2e` build by hand); a free one otherwise.
    let e2e_port: u16 = std::env::var("LAMBDA_LAB_E2E_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(0);
    let listener = serve::bind(e2e_port)?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let built = phase("release build (trunk assets, wasm modules, pages)", || {
        let origin = format!("http://127.0.0.1:{port}");
        site::build(&site::Options {
            public_url: E2E_PUBLIC_URL,
            out: &dist,
            site_origin: &origin,
            debug_routes: true,
            oembed_endpoint: Some(format!("{origin}/")),
        })
    })?;
    phase("size budgets per route", || check_budgets(&built))?;
    if skip_e2e {
        println!("xtask: e2e skipped (--skip-e2e); {} is built for http://127.0.0.1:{port}", dist.display());
    } else {
        phase("e2e (Playwright, Chromium)", || {
            tools::ensure_e2e_tools()?;
            let server = serve::StaticServer::serve(listener, dist.clone(), E2E_PUBLIC_URL.into())?;
            let base = format!("http://127.0.0.1:{}{E2E_PUBLIC_URL}", server.port);
            println!("xtask: e2e against {base}");
            let e2e = root().join("e2e");
            run(Command::new("npx")
                .args(["playwright", "test"])
                .current_dir(&e2e)
                .env("LAMBDA_LAB_BASE_URL", &base)
                .env("LAMBDA_LAB_DIST", &dist)
                .env("LAMBDA_LAB_XTASK", std::env::current_exe().map_err(|e| e.to_string())?))
        })?;
    }
    println!("\nxtask: all checks passed in {:.0}s", started.elapsed().as_secs_f64());
    Ok(())
}

fn flag_value(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .or_else(|| args.iter().find_map(|a| a.strip_prefix(&format!("{name}=")).map(str::to_string)))
}

/// `https://x.on.aws` → `https://x.on.aws/`: an absolute http(s) address.
fn normalise_endpoint(e: &str) -> Result<String> {
    let ok =
        (e.starts_with("https://") || e.starts_with("http://")) && !e.contains(['"', '<', '>', ' ', '?', '#', '&']);
    if !ok {
        return Err(format!(
            "--oembed-endpoint {e:?}: use the endpoint's address, such as https://abc.lambda-url.us-east-1.on.aws/"
        ));
    }
    Ok(if e.ends_with('/') { e.to_string() } else { format!("{e}/") })
}

/// `lambda-lab` → `/lambda-lab/`; only path characters are allowed.
fn normalise_public_url(p: &str) -> Result<String> {
    if !p.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.')) || p.contains("..") {
        return Err(format!("--public-url {p:?}: use a path such as /lambda-lab/"));
    }
    let mut s = format!("/{}", p.trim_matches('/'));
    if s != "/" {
        s.push('/');
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls_are_normalised() {
        assert_eq!(normalise_public_url("lambda-lab").unwrap(), "/lambda-lab/");
        assert_eq!(normalise_public_url("/").unwrap(), "/");
        assert_eq!(normalise_public_url("/a/b/").unwrap(), "/a/b/");
        assert!(normalise_public_url("/a?b").is_err());
        assert!(normalise_public_url("/../x").is_err());
    }
}

//! `cargo xtask bench-web`: builds the site, serves it the way GitHub Pages
//! would, and runs `e2e/bench-web.mjs` (Chromium throttled to slow 4G) over
//! its routes. With `--reference DIR`, a folder holding Power Tuning's result
//! page (its `public/` folder, which is static), that page is served by the
//! same server and measured beside ours. Results go to docs/BENCHMARKS.md by hand,
//! with the machine and the date.

use crate::{Result, flag_value, root, run, serve, site, tools};
use std::path::PathBuf;
use std::process::Command;

pub fn cmd_bench_web(args: &[String]) -> Result {
    let runs = flag_value(args, "--runs").unwrap_or_else(|| "3".into());
    let out = root().join("target").join("bench-dist");
    tools::ensure_build_tools()?;
    if !args.iter().any(|a| a == "--skip-build") || !out.join("index.html").exists() {
        let origin = "http://127.0.0.1";
        let built = site::build(&site::Options {
            public_url: "/lambda-lab/",
            out: &out,
            site_origin: origin,
            debug_routes: false,
            oembed_endpoint: None,
        })?;
        crate::check_budgets(&built)?;
    }
    tools::ensure_e2e_tools()?;
    let server = serve::StaticServer::start(out, "/lambda-lab/".into(), 0)?;
    let mut cmd = Command::new("node");
    cmd.arg("bench-web.mjs")
        .current_dir(root().join("e2e"))
        .env("BENCH_BASE", format!("http://127.0.0.1:{}/lambda-lab/", server.port))
        .env("BENCH_RUNS", &runs);
    // Keep the reference server alive while the benchmark runs.
    let _reference = match flag_value(args, "--reference") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if !dir.join("index.html").exists() {
                return Err(format!("--reference {}: no index.html there", dir.display()));
            }
            let r = serve::StaticServer::start(dir, "/".into(), 0)?;
            cmd.env("BENCH_REFERENCE", format!("http://127.0.0.1:{}/index.html", r.port));
            Some(r)
        }
        None => None,
    };
    run(&mut cmd)
}

//! `cargo xtask serve | test | dist`: the project's whole setup and check
//! pipeline. Every command installs what is missing (and skips whatever is
//! already there at the pinned version), so a fresh clone needs nothing but
//! rustup/cargo, node/npm and apt.

mod serve;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// The main wasm, gzipped, may not exceed this (issue 2 budget).
const WASM_GZIP_BUDGET: u64 = 300 * 1024;
/// The sub-path the e2e suite serves `dist/` under, as GitHub Pages would.
const E2E_PUBLIC_URL: &str = "/lambda-lab/";
/// Pages built as separate wasm modules (`src/bin/lambda-lab-<name>.rs`),
/// loaded on demand so the main wasm stays within its budget.
const MODULES: &[&str] = &["cost", "account", "power", "coldstart", "traffic", "lessons"];
/// Each module, gzipped, may not exceed this.
const MODULE_GZIP_BUDGET: u64 = 400 * 1024;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => cmd_serve(),
        Some("test") => cmd_test(&args[1..]),
        Some("dist") => cmd_dist(&args[1..]),
        Some("static") => cmd_static(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n\
                 commands:\n  \
                 serve                      build the site and serve it on http://127.0.0.1:8080\n  \
                 test [--skip-e2e]          fmt, clippy (native + wasm32), tests, release build, size budget, e2e\n  \
                 dist [--public-url /p/] [--out DIR]   write a deployable static folder (default dist/, /)\n  \
                 static DIR [--public-url /p/] [--port N]   serve a built folder under a sub-path"
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

fn cargo() -> Command {
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
    tools::ensure_build_tools()?;
    let out = root().join("target").join("serve-dist");
    trunk_build("/", &out, &[])?;
    let server = serve::StaticServer::start(out, "/".into(), 8080)?;
    println!("xtask: serving on http://127.0.0.1:{}/ (Ctrl-C stops)", server.port);
    server.join();
    Ok(())
}

/// Builds the release site into `out` for the given public URL.
fn trunk_build(public_url: &str, out: &Path, features: &[&str]) -> Result {
    let mut cmd = Command::new("trunk");
    cmd.args(["build", "--release", "--public-url", public_url]).arg("--dist").arg(out);
    if !features.is_empty() {
        cmd.args(["--features", &features.join(",")]);
    }
    run(&mut cmd)?;
    // GitHub Pages serves 404.html for unknown paths: the same bootstrap as
    // index.html, so deep links and the app's own 404 page work.
    std::fs::copy(out.join("index.html"), out.join("404.html")).map_err(|e| format!("copying 404.html: {e}"))?;
    build_modules(out)
}

/// Builds every module: cargo (release, wasm32) → wasm-bindgen (web target)
/// → wasm-opt -Oz, into `modules/<name>-<hash>/`, indexed by `modules.json`.
/// The hash is of the files' contents, so a deploy never serves a stale module.
fn build_modules(out: &Path) -> Result {
    use std::hash::{Hash, Hasher};
    let tmp = root().join("target").join("modules");
    let _ = std::fs::remove_dir_all(out.join("modules"));
    let mut index = Vec::new();
    // One cargo run links every module (dependencies are shared).
    let mut build = cargo();
    build.args(["build", "--release", "--locked", "--target", "wasm32-unknown-unknown"]);
    for name in MODULES {
        build.args(["--bin", &format!("lambda-lab-{name}")]);
    }
    run(&mut build)?;
    for name in MODULES {
        let bin = format!("lambda-lab-{name}");
        let stage = tmp.join(name);
        let _ = std::fs::remove_dir_all(&stage);
        let wasm_in = root().join("target/wasm32-unknown-unknown/release").join(format!("{bin}.wasm"));
        run(Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&stage)
            .arg(&wasm_in))?;
        let bg = stage.join(format!("{bin}_bg.wasm"));
        run(Command::new("wasm-opt")
            .arg("-Oz")
            .args(["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext"])
            .args(["--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"])
            .arg(&bg)
            .arg("-o")
            .arg(&bg))?;
        let mut files: Vec<PathBuf> = walk(&stage);
        files.sort();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for f in &files {
            f.strip_prefix(&stage).unwrap_or(f).hash(&mut h);
            std::fs::read(f).map_err(|e| e.to_string())?.hash(&mut h);
        }
        let dir = format!("modules/{name}-{:016x}", h.finish());
        for f in &files {
            let dest = out.join(&dir).join(f.strip_prefix(&stage).unwrap_or(f));
            std::fs::create_dir_all(dest.parent().unwrap_or(out)).map_err(|e| e.to_string())?;
            std::fs::copy(f, &dest).map_err(|e| format!("copying {}: {e}", f.display()))?;
        }
        index.push(format!("\"{name}\": \"{dir}/{bin}.js\""));
    }
    std::fs::write(out.join("modules.json"), format!("{{{}}}\n", index.join(", "))).map_err(|e| e.to_string())?;
    Ok(())
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
        }
    }
    out
}

fn cmd_dist(args: &[String]) -> Result {
    let public_url = normalise_public_url(&flag_value(args, "--public-url").unwrap_or_else(|| "/".into()))?;
    let out = flag_value(args, "--out").map(PathBuf::from).unwrap_or_else(|| root().join("dist"));
    tools::ensure_build_tools()?;
    trunk_build(&public_url, &out, &[])?;
    let (raw, gz) = wasm_size(&out)?;
    println!("xtask: wrote {} for {public_url} (wasm {raw} bytes, {gz} gzipped)", out.display());
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
            "--all-features",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    phase("native tests", || run(cargo().args(["test", "--workspace", "--all-features", "--locked"])))?;
    let dist = root().join("target").join("e2e-dist");
    phase("wasm32 release build (trunk)", || trunk_build(E2E_PUBLIC_URL, &dist, &["debug-routes"]))?;
    phase("size budget", || {
        let (raw, gz) = wasm_size(&dist)?;
        println!(
            "xtask: main wasm {raw} bytes raw, {gz} bytes gzipped ({:.1} KB of the {} KB budget)",
            gz as f64 / 1024.0,
            WASM_GZIP_BUDGET / 1024
        );
        if gz > WASM_GZIP_BUDGET {
            return Err(format!("wasm is {gz} bytes gzipped, over the {WASM_GZIP_BUDGET}-byte budget"));
        }
        for dir in std::fs::read_dir(dist.join("modules")).map_err(|e| e.to_string())?.flatten() {
            let (raw, gz) = wasm_size(&dir.path())?;
            println!(
                "xtask: module {} wasm {raw} bytes raw, {gz} bytes gzipped ({:.1} KB of the {} KB module budget)",
                dir.file_name().to_string_lossy(),
                gz as f64 / 1024.0,
                MODULE_GZIP_BUDGET / 1024
            );
            if gz > MODULE_GZIP_BUDGET {
                return Err(format!("module {} is {gz} bytes gzipped, over its budget", dir.path().display()));
            }
        }
        Ok(())
    })?;
    if skip_e2e {
        println!("xtask: e2e skipped (--skip-e2e)");
    } else {
        phase("e2e (Playwright, Chromium)", || {
            tools::ensure_e2e_tools()?;
            let server = serve::StaticServer::start(dist.clone(), E2E_PUBLIC_URL.into(), 0)?;
            let base = format!("http://127.0.0.1:{}{E2E_PUBLIC_URL}", server.port);
            println!("xtask: e2e against {base}");
            let e2e = root().join("e2e");
            run(Command::new("npx").args(["playwright", "test"]).current_dir(&e2e).env("LAMBDA_LAB_BASE_URL", &base))
        })?;
    }
    println!("\nxtask: all checks passed in {:.0}s", started.elapsed().as_secs_f64());
    Ok(())
}

/// Finds the main wasm in a built folder and returns (raw, gzipped) sizes.
fn wasm_size(dist: &Path) -> Result<(u64, u64)> {
    use std::io::Write;
    let wasm = std::fs::read_dir(dist)
        .map_err(|e| format!("reading {}: {e}", dist.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
        .max_by_key(|p| p.metadata().map(|m| m.len()).unwrap_or(0))
        .ok_or_else(|| format!("no .wasm in {}", dist.display()))?;
    let bytes = std::fs::read(&wasm).map_err(|e| e.to_string())?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bytes).map_err(|e| e.to_string())?;
    let gz = gz.finish().map_err(|e| e.to_string())?;
    Ok((bytes.len() as u64, gz.len() as u64))
}

fn flag_value(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .or_else(|| args.iter().find_map(|a| a.strip_prefix(&format!("{name}=")).map(str::to_string)))
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

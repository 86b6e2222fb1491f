//! Builds the deployable site: Trunk's shared assets, one wasm module per
//! interactive page, every route as its own HTML file (`crates/site`), the
//! service worker with this build's file list, and a gzipped copy of every
//! text file for hosts that serve precompressed files.

use crate::{Result, cargo, root, run};
use lambda_site::generate::{Config, Module, Page, SwFile};
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Pages built as separate wasm modules (`src/bin/lambda-lab-<name>.rs`).
/// (`embed` is the Embed dialog, loaded on demand by calculator pages.)
pub const MODULES: &[&str] =
    &["cost", "account", "power", "coldstart", "traffic", "lmi", "microvms", "platforms", "lessons", "teach", "embed"];

/// What a build wrote, for the size budget and the benchmark.
pub struct Built {
    pub out: PathBuf,
    pub public_url: String,
    pub pages: Vec<Page>,
}

pub struct Options<'a> {
    pub public_url: &'a str,
    pub out: &'a Path,
    /// `https://owner.github.io`, for canonical and Open Graph URLs.
    pub site_origin: &'a str,
    /// The test build: adds `/debug/panic/` and the modules' `debug_panic`.
    pub debug_routes: bool,
    /// Where the oEmbed endpoint answers (`https://…/`), if it is deployed.
    pub oembed_endpoint: Option<String>,
}

/// The scheme and host of the GitHub Pages site for the repository named in
/// the workspace's Cargo.toml (`https://github.com/o/r` → `https://o.github.io`).
pub fn default_site_origin() -> String {
    let toml = std::fs::read_to_string(root().join("Cargo.toml")).unwrap_or_default();
    toml.lines()
        .find_map(|l| l.trim().strip_prefix("repository = \"https://github.com/"))
        .and_then(|rest| rest.split('/').next())
        .filter(|owner| !owner.is_empty())
        .map(|owner| format!("https://{}.github.io", owner.to_ascii_lowercase()))
        .unwrap_or_else(|| "https://lambda-lab.github.io".into())
}

pub fn build(opts: &Options) -> Result<Built> {
    let out = opts.out;
    let mut trunk = Command::new("trunk");
    trunk.args(["build", "--release", "--public-url", opts.public_url]).arg("--dist").arg(out);
    run(&mut trunk)?;
    let template =
        std::fs::read_to_string(out.join("index.html")).map_err(|e| format!("reading Trunk's index.html: {e}"))?;
    let assets = asset_tags(&template)?;
    let assets = format!("{assets}\n{}", site_script(out, opts.public_url)?);
    let modules = build_modules(out, opts.debug_routes)?;
    let ctx = lambda_lessons::compile::Context::today();
    let lessons = lambda_lessons::compile::compile_dir(&root().join("content/lessons"), &ctx).map_err(|errors| {
        errors.iter().map(|e| format!("error: {e}")).collect::<Vec<_>>().join("\n") + "\nin content/lessons"
    })?;
    let cfg = Config {
        public_url: opts.public_url.to_string(),
        site_origin: opts.site_origin.to_string(),
        assets,
        modules,
        lessons,
        today: ctx.today,
        debug_routes: opts.debug_routes,
        oembed_endpoint: opts.oembed_endpoint.clone(),
    };
    let pages = lambda_site::generate::build(&cfg)?;
    for p in &pages {
        let path = out.join(&p.file);
        std::fs::create_dir_all(path.parent().unwrap_or(out)).map_err(|e| e.to_string())?;
        std::fs::write(&path, &p.html).map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    for (file, json) in lambda_site::generate::oembed(&cfg) {
        let path = out.join(&file);
        std::fs::create_dir_all(path.parent().unwrap_or(out)).map_err(|e| e.to_string())?;
        std::fs::write(&path, json).map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    // Social cards: one per calculator from its defaults, and the site's.
    for (file, calc) in lambda_site::generate::cards() {
        let site = lambda_lab_card::site_label(&cfg.absolute("/"));
        let png = match calc {
            Some(c) => lambda_lab_card::render(c, "", cfg.today, &site),
            None => lambda_lab_card::render_site(lambda_site::generate::SITE_CARD_TEXT, &site),
        };
        let path = out.join(&file);
        std::fs::create_dir_all(path.parent().unwrap_or(out)).map_err(|e| e.to_string())?;
        std::fs::write(&path, png).map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    write_service_worker(out, opts.public_url, &pages)?;
    precompress(out)?;
    println!("xtask: wrote {} pages and the service worker into {}", pages.len(), out.display());
    Ok(Built { out: out.to_path_buf(), public_url: opts.public_url.to_string(), pages })
}

/// The asset tags Trunk wrote into its (minified) build of `index.html`:
/// everything between `</title>` and the skipped rust link.
pub fn asset_tags(template: &str) -> Result<String> {
    template
        .split_once("</title>")
        .and_then(|(_, rest)| rest.split_once("<link data-trunk"))
        .map(|(tags, _)| tags.trim().to_string())
        .filter(|tags| tags.contains("stylesheet"))
        .ok_or_else(|| {
            "index.html must list its asset tags between <title> and <link data-trunk rel=\"rust\" data-trunk-skip>"
                .into()
        })
}

/// `public/site.js`, minified, under a name with its content hash, and the
/// tag that loads it (with its integrity, and `crossorigin` so it loads in a
/// sandboxed or cross-origin iframe).
fn site_script(out: &Path, public_url: &str) -> Result<String> {
    let staged = root().join("target").join("site.min.js");
    run(Command::new("terser")
        .arg(root().join("public/site.js"))
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(&staged))?;
    let bytes = std::fs::read(&staged).map_err(|e| format!("reading {}: {e}", staged.display()))?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    let name = format!("site-{:016x}.js", h.finish());
    std::fs::write(out.join(&name), &bytes).map_err(|e| format!("writing {name}: {e}"))?;
    Ok(format!(
        "<script type=\"module\" src=\"{public_url}{name}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
        lambda_site::generate::html::integrity(&bytes)
    ))
}

/// Builds every module: cargo (release, wasm32) → wasm-bindgen (web target)
/// → wasm-opt (flatten, rereloop, -Oz twice), into `modules/<name>-<hash>/`. The hash is of the files'
/// contents, so a deploy never serves a stale module under an old name.
fn build_modules(out: &Path, debug_routes: bool) -> Result<BTreeMap<String, Module>> {
    let tmp = root().join("target").join("modules");
    let _ = std::fs::remove_dir_all(out.join("modules"));
    let mut index = BTreeMap::new();
    // One cargo run links every module (dependencies are shared).
    let mut build = cargo();
    build.args(["build", "--release", "--locked", "--target", "wasm32-unknown-unknown", "-p", "lambda-lab-app"]);
    // Panic locations name source files; without this they carry this
    // machine's cargo home in every module (about 7 KB of paths each).
    build.env("RUSTFLAGS", remap_paths());
    if debug_routes {
        build.args(["--features", "debug-routes"]);
    }
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
        // The glue is ES module JavaScript with doc comments: minified, it
        // is about half the size.
        let glue = stage.join(format!("{bin}.js"));
        run(Command::new("terser").arg(&glue).args(["--module", "--compress", "--mangle", "--output"]).arg(&glue))?;
        let bg = stage.join(format!("{bin}_bg.wasm"));
        // Flattening and re-looping before two -Oz passes saves about 1.1 KB
        // gzipped per module over one -Oz (measured on the traffic module,
        // 2026-12-03), for about 4 s more per module.
        run(Command::new("wasm-opt")
            .args(["--flatten", "--rereloop", "-Oz", "-Oz"])
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
        index.insert(name.to_string(), Module { js: format!("{dir}/{bin}.js"), wasm: format!("{dir}/{bin}_bg.wasm") });
    }
    build_figures(out, &mut index)?;
    Ok(index)
}

/// Builds each calculator's first-figures module (`crates/figures`: the
/// engine and three plain exports, no wasm-bindgen) into
/// `figures/figures-<name>-<hash>.wasm`, listed as module `figures-<name>`
/// (its `js` empty: the site script loads it).
fn build_figures(out: &Path, index: &mut BTreeMap<String, Module>) -> Result {
    let _ = std::fs::remove_dir_all(out.join("figures"));
    std::fs::create_dir_all(out.join("figures")).map_err(|e| e.to_string())?;
    for profile in ["release", "figures-speed"] {
        let bins: Vec<String> = lambda_lab_figures::CARDS
            .iter()
            .filter(|c| figures_profile(c) == profile)
            .map(|c| format!("figures-{}", c.module))
            .collect();
        if bins.is_empty() {
            continue;
        }
        let mut build = cargo();
        build.args(["build", "--profile", profile, "--locked", "--target", "wasm32-unknown-unknown"]);
        build.args(["-p", "lambda-lab-figures"]);
        build.env("RUSTFLAGS", remap_paths());
        for bin in &bins {
            build.args(["--bin", bin]);
        }
        run(&mut build)?;
    }
    for card in lambda_lab_figures::CARDS {
        let name = card.module;
        let bin = format!("figures-{name}");
        let wasm_in =
            root().join("target/wasm32-unknown-unknown").join(figures_profile(card)).join(format!("{bin}.wasm"));
        let staged = root().join("target").join("modules").join(format!("{bin}.wasm"));
        std::fs::create_dir_all(staged.parent().unwrap_or(out)).map_err(|e| e.to_string())?;
        run(Command::new("wasm-opt")
            .args(["--strip-debug", "--strip-producers", "--flatten", "--rereloop", "-Oz", "-Oz"])
            .args(["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext"])
            .args(["--enable-mutable-globals"])
            .arg(&wasm_in)
            .arg("-o")
            .arg(&staged))?;
        let bytes = std::fs::read(&staged).map_err(|e| e.to_string())?;
        // A figures module shows no form: the engine's labels and help texts
        // stay out of it (`lambda-model` without its `texts` feature). Help
        // texts are the test: a label can also name a bill's line.
        let specs = card.info.map_or(&[][..], |i| i.specs);
        if let Some(text) = specs
            .iter()
            .map(|s| s.help)
            .filter(|t| t.len() >= 24)
            .find(|t| bytes.windows(t.len()).any(|w| w == t.as_bytes()))
        {
            return Err(format!("{bin} carries the form text {text:?}: build it without lambda-model's texts"));
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut h);
        let file = format!("figures/{bin}-{:016x}.wasm", h.finish());
        std::fs::write(out.join(&file), &bytes).map_err(|e| format!("writing {file}: {e}"))?;
        index.insert(format!("figures-{name}"), Module { js: String::new(), wasm: file });
    }
    Ok(())
}

/// The Cargo profile a figures module is built with: for size, but a
/// compute-bound card's for speed (`figures-speed`, opt-level 2).
fn figures_profile(card: &lambda_lab_figures::Card) -> &'static str {
    if card.compute_bound { "figures-speed" } else { "release" }
}

/// `--remap-path-prefix` flags that shorten the source paths compiled into
/// the modules: the crates.io sources and this workspace.
fn remap_paths() -> String {
    let mut flags = vec![format!("--remap-path-prefix={}/=", root().display())];
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    if let Some(src) = home.map(|h| h.join("registry").join("src"))
        && let Ok(dirs) = std::fs::read_dir(&src)
    {
        for d in dirs.flatten() {
            flags.push(format!("--remap-path-prefix={}/=", d.path().display()));
        }
    }
    flags.join(" ")
}

pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
        }
    }
    out
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = gz.write_all(bytes);
    gz.finish().unwrap_or_default()
}

/// Whether a file's name (or its folder's) carries a content hash:
/// `main-3ea0637a19f5b93.css`, `modules/cost-0123456789abcdef/…`.
pub fn is_hashed(rel: &str) -> bool {
    rel.split('/').any(|seg| {
        let stem = seg.split('.').next().unwrap_or(seg);
        stem.rsplit_once('-')
            .is_some_and(|(_, h)| (12..=16).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit()))
    })
}

fn compressible(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("html" | "css" | "js" | "mjs" | "wasm" | "json" | "svg" | "txt")
    )
}

/// The files a visitor's browser may fetch (not the `.gz` copies).
fn published(out: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walk(out).into_iter().filter(|p| p.extension().is_none_or(|e| e != "gz")).collect();
    files.sort();
    files
}

fn rel(out: &Path, p: &Path) -> String {
    p.strip_prefix(out).unwrap_or(p).to_string_lossy().replace('\\', "/")
}

/// `sw.js`: this build's version (a hash of every file) and every file the
/// worker may save, pages by their route.
fn write_service_worker(out: &Path, public_url: &str, pages: &[Page]) -> Result {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut files = Vec::new();
    for p in published(out) {
        let r = rel(out, &p);
        if r == "sw.js" {
            continue;
        }
        let bytes = std::fs::read(&p).map_err(|e| e.to_string())?;
        r.hash(&mut h);
        bytes.hash(&mut h);
        // Social cards and oEmbed answers are for crawlers and blogs' servers,
        // not for readers: an offline copy does not carry them.
        if r.starts_with("og/") || r.starts_with("oembed/") {
            continue;
        }
        let wire = if compressible(&p) { gzip(&bytes).len() } else { bytes.len() } as u64;
        // A page is saved under its route (what the address bar shows).
        let path = match pages.iter().find(|x| x.file == r) {
            Some(page) => format!("{public_url}{}", page.route),
            None => format!("{public_url}{r}"),
        };
        files.push(SwFile { path, bytes: wire, immutable: is_hashed(&r) });
    }
    let version = format!("{:016x}", h.finish());
    std::fs::write(out.join("sw.js"), lambda_site::generate::service_worker(&version, public_url, &files))
        .map_err(|e| format!("writing sw.js: {e}"))
}

/// Writes `<file>.gz` beside every text file, for hosts that serve them.
fn precompress(out: &Path) -> Result {
    for p in published(out) {
        if compressible(&p) {
            let bytes = std::fs::read(&p).map_err(|e| e.to_string())?;
            let mut gz = p.clone().into_os_string();
            gz.push(".gz");
            std::fs::write(PathBuf::from(gz), gzip(&bytes)).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Bytes on the wire (gzipped where a host would) of one published file.
pub fn wire_size(out: &Path, rel: &str) -> Result<u64> {
    let p = out.join(rel);
    let mut gz = p.clone().into_os_string();
    gz.push(".gz");
    std::fs::metadata(PathBuf::from(gz))
        .or_else(|_| std::fs::metadata(&p))
        .map(|m| m.len())
        .map_err(|e| format!("{rel}: {e}"))
}

/// Each page's first-load size: the page and everything it loads before its
/// first figure or text, gzipped.
pub fn route_sizes(built: &Built) -> Result<Vec<(String, u64)>> {
    built.pages.iter().map(|p| page_size(built, p, &p.loads)).collect()
}

/// A page's route and its bytes on the wire with these files.
fn page_size(built: &Built, p: &Page, files: &[String]) -> Result<(String, u64)> {
    let mut total = wire_size(&built.out, &p.file)?;
    for f in files {
        total += wire_size(&built.out, f.trim_start_matches('/'))?;
    }
    Ok((format!("{}{}", built.public_url, p.route), total))
}

/// Each calculator page's bytes before a link's own first figure: the page,
/// the shared assets and its figures module, gzipped.
pub fn first_sizes(built: &Built) -> Result<Vec<(String, u64)>> {
    built.pages.iter().filter_map(|p| p.first.as_ref().map(|first| page_size(built, p, first))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_tags_are_read_from_trunks_minified_output() {
        let minified = "<!doctype html><html lang=en><meta charset=utf-8><title>Lambda Lab</title><link crossorigin \
                        href=/p/main-3ea0637a19f5b93.css integrity=sha384-x rel=stylesheet><link href=/p/f-1.svg \
                        rel=icon><link data-trunk data-trunk-id=3 data-trunk-skip rel=rust></head>";
        let tags = asset_tags(minified).unwrap();
        assert!(tags.starts_with("<link crossorigin href=/p/main-") && tags.ends_with("rel=icon>"), "{tags}");
        assert!(asset_tags("<title>x</title><p>").is_err());
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed("main-3ea0637a19f5b93.css"));
        assert!(is_hashed("site-280cdffb228353ee.js"));
        assert!(is_hashed("modules/cost-0123456789abcdef/lambda-lab-cost_bg.wasm"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("lessons/01-billing/index.html"));
        assert!(!is_hashed("sw.js"));
        assert!(!is_hashed("calculators/cold-start/index.html"));
    }
}

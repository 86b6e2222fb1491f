//! Every route of the site as a real HTML file, written at build time by
//! `cargo xtask dist|test` (see docs/ARCHITECTURE.md, "Delivery"). Host only
//! (feature `generate`).
//!
//! A page carries its own title, description, canonical URL and Open Graph
//! tags, and its content: the home page's worked example is computed here by
//! the engine, a lesson's whole text is here before any script runs. A page
//! with interaction names the one wasm module it needs (`#app[data-src]`),
//! preloaded from the `<head>`; the site script (`public/site.js`) mounts it.
//! Pages without interaction ship no wasm.

pub mod html;
mod lesson;
mod pages;

pub use crate::{CALC_PAGES, CalcPage};
use lambda_lessons::Lesson;
use lambda_model::params::Date;
use std::collections::BTreeMap;

/// One built wasm module: paths of its files under the public URL.
#[derive(Clone, Debug)]
pub struct Module {
    /// `modules/cost-0123456789abcdef/lambda-lab-cost.js`
    pub js: String,
    /// `modules/cost-0123456789abcdef/lambda-lab-cost_bg.wasm`
    pub wasm: String,
}

/// What the pages are built with.
pub struct Config {
    /// `/lambda-lab/` or `/`.
    pub public_url: String,
    /// Scheme and host the site is published at (`https://lambda-lab.github.io`),
    /// for canonical and Open Graph URLs.
    pub site_origin: String,
    /// The asset tags (stylesheet, icon, site script) from Trunk's build of `index.html`.
    pub assets: String,
    /// Every module by name (`cost`, `account`, `power`, `coldstart`, `traffic`, `lessons`).
    pub modules: BTreeMap<String, Module>,
    pub lessons: Vec<Lesson>,
    /// The build date: the home page's worked example is priced on it.
    pub today: Date,
    /// Adds `/debug/panic/` (the test build proves the panic page with it).
    pub debug_routes: bool,
    /// Where the oEmbed endpoint (`crates/oembed`) answers, with its trailing
    /// slash (`https://abc.lambda-url.us-east-1.on.aws/`): discovery links
    /// point at `<it>oembed?url=…`, so a pasted link keeps its values.
    /// Without one they name the static files (the defaults).
    pub oembed_endpoint: Option<String>,
}

/// One written page.
#[derive(Clone, Debug)]
pub struct Page {
    /// The route under the public URL: `` (home), `calculators/cost/`, `404.html`.
    pub route: String,
    /// The file under the output folder: `calculators/cost/index.html`.
    pub file: String,
    pub title: String,
    pub html: String,
    /// Files (under the public URL) this page loads before its first figure
    /// or text is shown, besides itself: the shared assets, its module, and
    /// for a lesson the calculators of its first step. The size budget sums
    /// them.
    pub loads: Vec<String>,
    /// For a calculator page with a figures module: the files (besides
    /// itself) it loads before a link's own first figure is on screen (the
    /// shared assets and the figures module; the interactive module comes
    /// after). The first-figure budget sums them.
    pub first: Option<Vec<String>>,
    /// Whether a host should answer it with status 404 (only `404.html`).
    pub not_found: bool,
}

/// The site script's `<script>` tag as the shared assets have it, its
/// address and its `integrity` (empty when the tag has none).
#[derive(Clone, Debug)]
pub struct SiteScript {
    pub tag: String,
    pub src: String,
    pub integrity: String,
}

impl Config {
    /// The public URL without its trailing slash, for joining with routes.
    pub fn base(&self) -> &str {
        self.public_url.trim_end_matches('/')
    }

    /// An absolute path on this site: `href("/about/")` → `/lambda-lab/about/`.
    pub fn href(&self, route: &str) -> String {
        format!("{}{route}", self.base())
    }

    /// The page's full URL, for canonical and Open Graph tags.
    pub fn absolute(&self, route: &str) -> String {
        format!("{}{}", self.site_origin.trim_end_matches('/'), self.href(route))
    }

    fn module(&self, name: &str) -> Result<&Module, String> {
        self.modules.get(name).ok_or_else(|| format!("no built module named '{name}'"))
    }

    /// A calculator's first-figures module (`figures-<module>`), if built.
    fn figures(&self, module: &str) -> Option<&Module> {
        self.modules.get(&format!("figures-{module}"))
    }

    fn layout(&self) -> html::Layout<'_> {
        html::Layout { assets: &self.assets, base: self.base() }
    }

    /// The site script's tag among the shared assets, with its address and
    /// `integrity` (a calculator page loads it after its first figures).
    pub fn site_script(&self) -> Option<SiteScript> {
        let mut rest = self.assets.as_str();
        while let Some(i) = rest.find("<script") {
            let tail = &rest[i..];
            let end = tail.find("</script>").map_or(tail.len(), |e| e + "</script>".len());
            let tag = &tail[..end];
            if let Some(src) = asset_urls(tag).into_iter().find(|u| u.contains("/site-") && u.ends_with(".js")) {
                let integrity = tag
                    .split_once("integrity=\"")
                    .and_then(|(_, t)| t.split_once('"'))
                    .map_or(String::new(), |(v, _)| v.to_string());
                return Some(SiteScript { tag: tag.to_string(), src, integrity });
            }
            rest = &tail[end..];
        }
        None
    }

    /// The shared files every page loads: the `href`s and `src`s of the asset tags.
    pub fn shared_loads(&self) -> Vec<String> {
        asset_urls(&self.assets)
            .into_iter()
            .map(|u| u.strip_prefix(&self.public_url).unwrap_or(&u).to_string())
            .collect()
    }
}

/// The `href` and `src` values in a run of tags, quoted or not (Trunk's
/// minified output leaves them unquoted).
pub fn asset_urls(tags: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=", " src="] {
        let mut rest = tags;
        while let Some(i) = rest.find(attr) {
            let tail = &rest[i + attr.len()..];
            let (value, len) = match tail.strip_prefix('"') {
                Some(q) => {
                    let end = q.find('"').unwrap_or(q.len());
                    (&q[..end], end + 1)
                }
                None => {
                    let end = tail.find([' ', '>', '\t', '\n']).unwrap_or(tail.len());
                    (tail[..end].trim_end_matches('/'), end)
                }
            };
            out.push(value.to_string());
            rest = &tail[len..];
        }
    }
    out
}

/// Every page of the site.
pub fn build(cfg: &Config) -> Result<Vec<Page>, String> {
    let mut out = vec![
        pages::home(cfg)?,
        pages::calculators(cfg),
        pages::about(cfg),
        pages::prices(cfg)?,
        pages::not_found(cfg),
        pages::offline(cfg),
    ];
    for c in CALC_PAGES {
        out.push(pages::calculator(cfg, c, false)?);
        out.push(pages::calculator(cfg, c, true)?);
    }
    out.push(lesson::index(cfg));
    out.push(lesson::workshop(cfg)?);
    for (i, l) in cfg.lessons.iter().enumerate() {
        out.push(lesson::page(cfg, i, l)?);
    }
    if cfg.debug_routes {
        out.push(pages::debug_panic(cfg)?);
    }
    Ok(out)
}

/// One file the service worker can save.
pub struct SwFile {
    /// Its path on the host: `/lambda-lab/modules/cost-…/lambda-lab-cost.js`,
    /// or a page's route: `/lambda-lab/lessons/01-billing/`.
    pub path: String,
    /// Bytes on the wire (gzipped), for the size shown before downloading.
    pub bytes: u64,
    /// Whether its name carries its content hash (never changes).
    pub immutable: bool,
}

fn js_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The service worker for one build: `sw.js` with the build's version,
/// base path and file list in front.
pub fn service_worker(version: &str, public_url: &str, files: &[SwFile]) -> String {
    let rows: Vec<String> = files
        .iter()
        .map(|f| format!("  [{}, {}, {}]", js_string(&f.path), f.bytes, if f.immutable { 1 } else { 0 }))
        .collect();
    format!(
        "// Generated by cargo xtask for this build; the logic below is crates/site/src/sw.js.\n\
         const VERSION = {};\nconst BASE = {};\nconst FILES = [\n{}\n];\n\n{}",
        js_string(version),
        js_string(public_url),
        rows.join(",\n"),
        include_str!("sw.js")
    )
}

/// `oembed/<slug>.json` for every calculator: static oEmbed answers
/// (`type: rich`) that the calculator and embed pages point to, so blogs that
/// discover embeds (WordPress) get the iframe from a link. (A static host
/// cannot answer `?url=` queries; the discovery link names the file.)
pub fn oembed(cfg: &Config) -> Vec<(String, String)> {
    CALC_PAGES
        .iter()
        .map(|c| {
            let src = cfg.absolute(&c.embed_page());
            let page = cfg.absolute(&c.page());
            let summary = default_summary(cfg, c);
            let html = crate::embed::oembed_html(c, &src, &page, 600, c.embed_height(600), summary.as_deref());
            let json = format!(
                "{{\"version\": \"1.0\", \"type\": \"rich\", \"provider_name\": \"Lambda Lab\", \"provider_url\": {}, \
                 \"title\": {}, \"html\": {}, \"width\": 600, \"height\": {}}}\n",
                js_string(&cfg.absolute("/")),
                js_string(c.h1),
                js_string(&html),
                c.embed_height(600)
            );
            (format!("oembed/{}.json", c.slug), json)
        })
        .collect()
}

/// The site's own card (every page that is not a calculator): its text.
pub const SITE_CARD_ALT: &str =
    "Lambda Lab: exact AWS Lambda costs, memory sizes, cold starts and traffic, computed in your browser";
/// The site card's text under its name.
pub const SITE_CARD_TEXT: &str =
    "Exact AWS Lambda costs, memory sizes, cold starts and traffic, computed in your browser";

/// The social cards the pages name, by file: `og/<slug>.png` for every
/// calculator and `og/lambda-lab.png` for the rest (xtask draws them).
pub fn cards() -> Vec<(String, Option<&'static CalcPage>)> {
    let mut out: Vec<_> = CALC_PAGES.iter().map(|c| (format!("og/{}.png", c.slug), Some(*c))).collect();
    out.push(("og/lambda-lab.png".into(), None));
    out
}

/// The headline of a calculator's defaults, priced on the build date.
pub fn default_summary(cfg: &Config, c: &CalcPage) -> Option<String> {
    crate::fallback::headline(c, "", cfg.today)
}

/// The discovery link for a calculator: the endpoint when the build knows
/// one (consumers such as WordPress replace `url=` with the pasted address,
/// query and all), the static file otherwise.
fn oembed_link(cfg: &Config, c: &CalcPage) -> String {
    let href = match &cfg.oembed_endpoint {
        Some(e) => {
            format!("{e}oembed?url={}&format=json", lambda_model::params::percent_encode(&cfg.absolute(&c.page())))
        }
        None => cfg.absolute(&format!("/oembed/{}.json", c.slug)),
    };
    format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">\n",
        html::esc(&href),
        html::esc(c.h1)
    )
}

/// The tags that start fetching a page's module while the HTML still loads.
fn preload(cfg: &Config, m: &Module) -> String {
    format!(
        "<link rel=\"modulepreload\" href=\"{js}\" crossorigin=\"anonymous\">\n\
         <link rel=\"preload\" href=\"{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">\n",
        js = cfg.href(&format!("/{}", m.js)),
        wasm = cfg.href(&format!("/{}", m.wasm)),
    )
}

#[cfg(test)]
mod tests;

//! Site paths under the public URL. The site may be served at `/` (local
//! development) or under a sub-path such as `/lambda-lab/` (GitHub Pages, the
//! e2e suite). Every page says which in `<meta name="lambda-lab-base">`; we
//! read it once.

use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// The base path as a page states it: `/lambda-lab/` or `/lambda-lab` →
/// `/lambda-lab`; `/` or nothing → ``.
pub fn normalise_base(meta: &str) -> String {
    let p = meta.trim().trim_end_matches('/');
    if p.is_empty() || p.starts_with('/') { p.to_string() } else { format!("/{p}") }
}

/// The site's base path, without its trailing slash.
pub fn base() -> &'static str {
    BASE.get_or_init(|| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("meta[name=\"lambda-lab-base\"]").ok().flatten())
            .and_then(|m| m.get_attribute("content"))
            .map(|c| normalise_base(&c))
            .unwrap_or_default()
    })
}

/// An absolute in-site link: `href("/about/")` → `/lambda-lab/about/`.
/// Pages are folders, so page routes end with `/`.
pub fn href(route: &str) -> String {
    format!("{}{}", base(), route)
}

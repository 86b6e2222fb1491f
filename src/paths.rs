//! Site paths under the public URL. The app may be served at `/` (local
//! development) or under a sub-path such as `/lambda-lab/` (GitHub Pages, the
//! e2e suite). Trunk writes the public URL into `<base href>`; we read it once.

use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// The path part of a base URI, without its trailing slash:
/// `http://host/lambda-lab/` → `/lambda-lab`, `http://host/` → ``.
pub fn base_path_from_uri(uri: &str) -> String {
    let after_scheme = uri.split_once("://").map_or(uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    // A base URI that names a file (…/index.html) means its folder.
    let dir = match path.rfind('/') {
        Some(i) => &path[..i],
        None => "",
    };
    dir.trim_end_matches('/').to_string()
}

/// The router base, read from the document's base URI on first use.
pub fn base() -> &'static str {
    BASE.get_or_init(|| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .map(|u| base_path_from_uri(&u))
            .unwrap_or_default()
    })
}

/// An absolute in-site link: `href("/about")` → `/lambda-lab/about`.
pub fn href(path: &str) -> String {
    format!("{}{}", base(), path)
}

/// The route path of a full pathname: strips the base.
pub fn route_of(pathname: &str) -> String {
    let b = base();
    let rest = pathname.strip_prefix(b).unwrap_or(pathname);
    if rest.is_empty() { "/".to_string() } else { rest.to_string() }
}

/// Whether a nav link to `target` is the current page for route `current`:
/// `/` only matches itself; other targets also match their sub-pages.
pub fn is_current(target: &str, current: &str) -> bool {
    let current = if current.len() > 1 { current.trim_end_matches('/') } else { current };
    if target == "/" { current == "/" } else { current == target || current.starts_with(&format!("{target}/")) }
}

//! Lambda Lab's one dynamic part, small and optional: the oEmbed endpoint.
//!
//! A blogger pastes a calculator's address into WordPress; WordPress finds
//! the page's discovery link, adds its own arguments (`url=` the pasted
//! address, `maxwidth`, `maxheight`, `format`) and asks the endpoint. A static
//! file cannot read `url=`, so a static host can only answer with the
//! defaults; this handler answers with the link's own values: a `blockquote`
//! fallback (the headline figure as text, a link to the calculator with the
//! same values) and the iframe of `/embed/<name>/?<the pasted query>`, sized
//! for the width asked.
//!
//! The handler is a pure function from a [`Request`] to a [`Response`]: no
//! I/O, no clock (the date comes in [`Config`]). It is served in two places
//! that answer alike: the AWS Lambda function (`crates/oembed-lambda`, behind
//! a function URL) and `cargo xtask static`, so the e2e suite exercises the
//! real handler without AWS. Routes:
//!
//! - `GET /oembed?url=…&format=json[&maxwidth=…&maxheight=…]`: the oEmbed
//!   answer (`type: rich`, its card as `thumbnail_url`); 404 for an address
//!   that is not a Lambda Lab calculator, 501 for `format=xml`, 400 without
//!   `url`.
//! - `GET /card/<name>.png?<query>`: the social card of those values
//!   (`lambda-lab-card`, 1200×630).
//! - `GET /share/<name>/?<query>`: a share address: a small HTML page whose
//!   Open Graph tags carry that card and the headline (crawlers read no
//!   script), and which sends a person on to the calculator with the values.

use lambda_model::params::{Date, parse_pairs, percent_encode};
use lambda_site::fallback::{self, esc};
use lambda_site::{CALC_PAGES, CalcPage};

/// Where the site and the endpoint live, and the day prices are read for.
#[derive(Clone, Debug)]
pub struct Config {
    /// The site's public address with its trailing slash:
    /// `https://lambda-lab.github.io/lambda-lab/`.
    pub site: String,
    /// This endpoint's own public address with its trailing slash (the
    /// function URL): where its cards are.
    pub endpoint: String,
    /// The date prices are taken on.
    pub today: Date,
}

/// What the handler reads from a request.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub method: String,
    /// The path without the query: `/oembed`.
    pub path: String,
    /// The raw query without `?`.
    pub query: String,
}

/// The answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub cache_control: &'static str,
    pub body: Vec<u8>,
}

impl Response {
    fn text(status: u16, message: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            cache_control: "no-store",
            body: format!("{message}\n").into_bytes(),
        }
    }

    /// The body as text (tests and logs).
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The widths an answer is sized for (px): WordPress asks for its content
/// width, other consumers for what they have.
const MIN_WIDTH: u32 = 280;
const MAX_WIDTH: u32 = 1200;
const DEFAULT_WIDTH: u32 = 600;

/// Every route. Anything but `GET`/`HEAD` is refused; unknown paths are 404.
pub fn handle(cfg: &Config, req: &Request) -> Response {
    if !matches!(req.method.as_str(), "GET" | "HEAD" | "") {
        return Response::text(405, "Only GET and HEAD are answered here.");
    }
    let path = req.path.as_str();
    if path.trim_end_matches('/') == "/oembed" {
        return oembed(cfg, &req.query);
    }
    let page_of = |slug: &str| CALC_PAGES.iter().copied().find(|c| c.slug == slug);
    if let Some(info) = path.strip_prefix("/card/").and_then(|p| p.strip_suffix(".png")).and_then(page_of) {
        let query = clean_query(&req.query);
        let site = lambda_lab_card::site_label(&cfg.site);
        return Response {
            status: 200,
            content_type: "image/png",
            cache_control: "public, max-age=86400",
            body: lambda_lab_card::render(info, &query, cfg.today, &site),
        };
    }
    if let Some(info) = path.strip_prefix("/share/").map(|p| p.trim_end_matches('/')).and_then(page_of) {
        return share(cfg, info, &clean_query(&req.query));
    }
    Response::text(
        404,
        "Not found. This endpoint answers /oembed?url=<a Lambda Lab calculator address>, \
         /card/<calculator>.png?<values> and /share/<calculator>/?<values>.",
    )
}

/// A calculator address on this site: the calculator and its query.
pub fn locate<'a>(site: &str, url: &'a str) -> Option<(&'static CalcPage, &'a str)> {
    let strip = |u: &'a str| u.split_once("://").map(|(_, rest)| rest);
    let site_rest = site.split_once("://").map(|(_, r)| r)?.trim_end_matches('/');
    let rest = strip(url)?;
    let (before_fragment, _) = rest.split_once('#').unwrap_or((rest, ""));
    let (path, query) = before_fragment.split_once('?').unwrap_or((before_fragment, ""));
    let (host, site_path) = site_rest.split_once('/').unwrap_or((site_rest, ""));
    let (url_host, url_path) = path.split_once('/').unwrap_or((path, ""));
    if !url_host.eq_ignore_ascii_case(host) {
        return None;
    }
    let inner = if site_path.is_empty() { url_path } else { url_path.strip_prefix(site_path)?.strip_prefix('/')? };
    let inner = inner.trim_end_matches("index.html").trim_end_matches('/');
    let slug = inner.strip_prefix("calculators/").or_else(|| inner.strip_prefix("embed/"))?;
    let page = CALC_PAGES.iter().copied().find(|c| c.slug == slug)?;
    Some((page, query))
}

/// The pasted query, re-encoded pair by pair (names restricted to the API's
/// characters), so nothing from it reaches the HTML unescaped.
fn clean_query(query: &str) -> String {
    parse_pairs(query)
        .into_iter()
        .filter(|(k, _)| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .map(|(k, v)| format!("{k}={}", percent_encode(&v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn number_arg(pairs: &[(String, String)], name: &str) -> Option<u32> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .and_then(|(_, v)| v.trim().parse::<f64>().ok())
        .and_then(|x| (x.is_finite() && x >= 1.0).then_some(x.min(100_000.0) as u32))
}

/// A JSON string (the engine's writer), with `<` escaped too, so the answer
/// is safe inside a script tag. (A `<` cannot arise from the writer's own
/// escapes, so replacing it afterwards is exact.)
fn json_string(s: &str) -> String {
    lambda_model::base::json::quote(s).replace('<', "\\u003c")
}

/// The headline sentence for a calculator and query, from the engine; `None`
/// when the calculator has none or the values are not valid.
pub fn headline(cfg: &Config, info: &CalcPage, query: &str) -> Option<String> {
    fallback::headline(info, query, cfg.today)
}

fn with_query(route: String, query: &str) -> String {
    if query.is_empty() { route } else { format!("{route}?{query}") }
}

/// The card's address for a calculator and a (clean) query.
pub fn card_url(cfg: &Config, info: &CalcPage, query: &str) -> String {
    with_query(format!("{}card/{}.png", cfg.endpoint, info.slug), query)
}

/// A share address's page: the card and headline for crawlers, the
/// calculator for people (a link, and a refresh to it).
fn share(cfg: &Config, info: &CalcPage, query: &str) -> Response {
    let site = cfg.site.trim_end_matches('/');
    let page = format!("{site}{}", with_query(info.page(), query));
    let summary = headline(cfg, info, query);
    let title = match &summary {
        Some(s) => format!("{}: {s}", info.h1),
        None => info.h1.to_string(),
    };
    let html = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{t}</title>\n<meta name=\"description\" content=\"{d}\">\n<link rel=\"canonical\" href=\"{p}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta property=\"og:type\" content=\"website\">\n<meta property=\"og:site_name\" content=\"Lambda Lab\">\n\
         <meta property=\"og:title\" content=\"{t}\">\n<meta property=\"og:description\" content=\"{d}\">\n\
         <meta property=\"og:url\" content=\"{p}\">\n<meta property=\"og:image\" content=\"{i}\">\n\
         <meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">\n\
         <meta property=\"og:image:alt\" content=\"{t}\">\n<meta name=\"twitter:card\" content=\"summary_large_image\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={p}\">\n</head>\n<body>\n\
         <p><a href=\"{p}\">{h}: open it in Lambda Lab</a></p>\n</body>\n</html>\n",
        t = esc(&title),
        d = esc(info.description),
        p = esc(&page),
        i = esc(&card_url(cfg, info, query)),
        h = esc(info.h1),
    );
    Response {
        status: 200,
        content_type: "text/html; charset=utf-8",
        cache_control: "public, max-age=86400",
        body: html.into_bytes(),
    }
}

fn oembed(cfg: &Config, query: &str) -> Response {
    let pairs = parse_pairs(query);
    let arg = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    match arg("format").unwrap_or("json") {
        "json" => {}
        "xml" => return Response::text(501, "Only format=json is answered."),
        other => return Response::text(400, &format!("format={other}: use json.")),
    }
    let Some(url) = arg("url").filter(|u| !u.trim().is_empty()) else {
        return Response::text(
            400,
            &format!("url= is missing: the address of a Lambda Lab calculator, such as {}calculators/cost/", cfg.site),
        );
    };
    let Some((info, raw_query)) = locate(&cfg.site, url.trim()) else {
        return Response::text(
            404,
            &format!("{url} is not a Lambda Lab calculator: use an address under {}calculators/", cfg.site),
        );
    };
    let query = clean_query(raw_query);
    let width = number_arg(&pairs, "maxwidth").unwrap_or(DEFAULT_WIDTH).clamp(MIN_WIDTH, MAX_WIDTH);
    let mut height = info.embed_height(width);
    if let Some(max) = number_arg(&pairs, "maxheight") {
        height = height.min(max.max(200));
    }
    let site = cfg.site.trim_end_matches('/');
    let page = format!("{site}{}", with_query(info.page(), &query));
    let src = format!("{site}{}", with_query(info.embed_page(), &query));
    let summary = headline(cfg, info, &query);
    let html = lambda_site::embed::oembed_html(info, &src, &page, width, height, summary.as_deref());
    let body = format!(
        "{{\"version\":\"1.0\",\"type\":\"rich\",\"provider_name\":\"Lambda Lab\",\"provider_url\":{},\
         \"title\":{},\"html\":{},\"width\":{width},\"height\":{height},\"cache_age\":86400,\
         \"thumbnail_url\":{},\"thumbnail_width\":1200,\"thumbnail_height\":630}}\n",
        json_string(&cfg.site),
        json_string(&match &summary {
            Some(s) => format!("{}: {s}", info.h1),
            None => info.h1.to_string(),
        }),
        json_string(&html),
        json_string(&card_url(cfg, info, &query)),
    );
    Response {
        status: 200,
        content_type: "application/json; charset=utf-8",
        cache_control: "public, max-age=86400",
        body: body.into_bytes(),
    }
}

#[cfg(test)]
mod tests;

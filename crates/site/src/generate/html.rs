//! Writing HTML by hand, safely: every text and attribute value goes through
//! [`esc`], and a page is a [`Layout`] around its `<main>`.

/// Escapes text for use in HTML text and double-quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Applies the theme before the first paint (the visitor's pick, or a
/// `?theme=` in the address), and marks the document as scripted so the
/// pre-rendered lesson can show one step at a time, and a calculator page
/// hide its default figures when the address has values (`ff-link`). Storage may be missing or
/// throw (sandboxed embeds, private windows), so every access is guarded.
/// It is inline because it must run before anything is painted; its hash is
/// what a Content-Security-Policy needs to allow it.
pub const THEME_SCRIPT: &str = "(function(){var d=document.documentElement,t=null;d.classList.add(\"js\");\
try{t=new URLSearchParams(location.search).get(\"theme\")}catch(e){}\
if(t!==\"light\"&&t!==\"dark\"&&t!==\"auto\"){try{t=window.localStorage.getItem(\"lambda-lab.theme\")}catch(e){t=null}}\
if(t===\"light\"||t===\"dark\")d.setAttribute(\"data-theme\",t);if(location.search.length>1)d.classList.add(\"ff-link\")})();";

/// A page's module preload, chosen in the `<head>`. A calculator page with
/// a figures module (`data-figures`): for an address with values, that
/// module alone (the interactive module comes after the link's first
/// figures, so the two do not share the network before them); without
/// values, its interactive module (its first figures are in the page). A lesson page's by its view: the
/// lessons module to read it, the teaching module to present or print it
/// (never both: the presenter would fetch ~166 KB it does not run). The
/// page's `<meta name="lambda-lab-preload">` names each as "js wasm".
pub const PRELOAD_SCRIPT: &str = "(function(){var m=document.querySelector('meta[name=\"lambda-lab-preload\"]');if(!m)return;\
var f=m.getAttribute(\"data-figures\");if(f&&location.search.length>1){var w=document.createElement(\"link\");\
w.rel=\"preload\";w.href=f;w.as=\"fetch\";w.type=\"application/wasm\";w.crossOrigin=\"anonymous\";document.head.appendChild(w);return}\
var v=null;try{v=new URLSearchParams(location.search).get(\"view\")}catch(e){}\
var u=([\"present\",\"handout\",\"answers\",\"print\"].indexOf(v)>=0?m.getAttribute(\"data-teach\"):m.getAttribute(\"data-page\")||\"\").split(\" \");\
if(u.length<2)return;[[\"modulepreload\",u[0]],[\"preload\",u[1]]].forEach(function(x){var l=document.createElement(\"link\");\
l.rel=x[0];l.href=x[1];l.crossOrigin=\"anonymous\";if(x[0]===\"preload\"){l.as=\"fetch\";l.type=\"application/wasm\"}\
document.head.appendChild(l)})})();";

/// A calculator page's first figures, right after its `#app`, before the
/// site script (which this script loads, so the two do not share the
/// network before a link's figure: the site script is 5.3 KB gzipped).
/// Without values in the address, the card's figures (built in US English)
/// are rewritten in the reader's locale, as the calculator writes them, and
/// the site script loads at once. With values (`ff-link`), the calculator's
/// figures module (the engine, three exports, no glue) computes the link's
/// own and they are written into the card (`ff-done`); invalid values leave
/// it hidden (the calculator says why); then the site script loads, which
/// mounts the interactive module. Offline or after a redeploy, the module
/// fails and the site script says so. The site script is added once the
/// document is parsed (as a module script in the head ran), and only once.
pub const FIGURES_SCRIPT: &str = "(function(){var d=document,r=d.documentElement,a=d.getElementById(\"app\");if(!a)return;\
function site(){if(d.readyState===\"loading\"){d.addEventListener(\"DOMContentLoaded\",site);return}\
var u=a.getAttribute(\"data-site\");if(!u||a.getAttribute(\"data-site-loaded\"))return;a.setAttribute(\"data-site-loaded\",\"\");var s=d.createElement(\"script\");s.type=\"module\";s.src=u;\
var i=a.getAttribute(\"data-site-integrity\");if(i)s.integrity=i;s.crossOrigin=\"anonymous\";d.head.appendChild(s)}\
var c=a.querySelector(\".first-figures\");if(!c){site();return}\
function read(k,v){var x=Number(v);if(v===\"\"||v==null||!isFinite(x))return\"\\u2014\";\
function n(o){return new Intl.NumberFormat([],o).format(x)}\
function usd(g){return n({style:\"currency\",currency:\"USD\",minimumFractionDigits:g,maximumFractionDigits:g})}\
var p=String(k).split(\":\"),t=p[0],g=Number(p[1]);if(t===\"usd\")return usd(2);\
if(t===\"usd-small\")return x===0||Math.abs(x)>=0.01?usd(2):usd(Math.min(14,-Math.floor(Math.log10(Math.abs(x)))+3));\
if(t===\"mb\")return v+\" MB\";if(t===\"ms\")return n({maximumFractionDigits:g})+\" ms\";if(t===\"num\")return n({maximumFractionDigits:g});\
if(t===\"pct\")return(x*100).toFixed(3)+\"%\";return String(v)}\
function write(f){c.querySelectorAll(\"[data-metric]\").forEach(function(e){var v=f(e);e.setAttribute(\"data-value\",v);e.textContent=read(e.getAttribute(\"data-reading\"),v)})}\
if(!r.classList.contains(\"ff-link\")){try{write(function(e){return e.getAttribute(\"data-value\")})}catch(e){}site();return}\
var src=c.getAttribute(\"data-figures\");if(!src){site();return}\
function run(m){var x=m.instance.exports,q=new TextEncoder().encode(location.search.slice(1)),at=x.ff_input(q.length);\
new Uint8Array(x.memory.buffer,at,q.length).set(q);var w=new Date(),n=x.ff_run(w.getUTCFullYear(),w.getUTCMonth()+1,w.getUTCDate());\
if(n<0)return;var got=Object.create(null);new TextDecoder().decode(new Uint8Array(x.memory.buffer,x.ff_output(),n)).split(\"\\n\").forEach(function(l){\
var t=l.indexOf(\"\\t\");if(t>0)got[l.slice(0,t)]=l.slice(t+1)});write(function(e){return got[e.getAttribute(\"data-metric\")]||\"\"});\
var b=c.querySelector(\"[data-ff-label]\");if(b&&got[\"#label\"])b.textContent=got[\"#label\"];c.classList.add(\"ff-done\")}\
WebAssembly.instantiateStreaming(fetch(src),{}).catch(function(){return fetch(src).then(function(x){return x.arrayBuffer()}).then(function(b){return WebAssembly.instantiate(b,{})})})\
.then(run).catch(function(e){console.warn(\"Lambda Lab: the first figures did not load.\",e)}).then(site)})();";

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { A[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

/// The `integrity` value of a file: `sha384-<base64 digest>`.
pub fn integrity(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha384};
    format!("sha384-{}", base64(&Sha384::digest(bytes)))
}

/// `base64(sha256(text))`, as a Content-Security-Policy source names an
/// inline script.
pub(crate) fn sha256_source(text: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())))
}

/// The Content-Security-Policy of every page, as a `<meta>` (a static host
/// sends no headers): scripts and styles from this site only, the inline
/// theme script by its hash, wasm compiled from this site's files, nothing
/// fetched or framed from elsewhere. (`frame-ancestors` cannot be set in a
/// `<meta>`; embeds are meant to be framed anywhere.)
pub fn content_security_policy() -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {} {} {}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'",
        sha256_source(THEME_SCRIPT),
        sha256_source(PRELOAD_SCRIPT),
        sha256_source(FIGURES_SCRIPT)
    )
}

/// What goes into a page's `<head>` besides the shared assets.
pub struct Head<'a> {
    /// The document title, already with " · Lambda Lab" where wanted.
    pub title: &'a str,
    pub description: &'a str,
    /// The page's absolute URL (canonical and `og:url`).
    pub canonical: &'a str,
    /// Extra tags: module preloads, `noindex`, the module map.
    pub extra: String,
    /// The social card: its absolute URL and its text alternative.
    pub image: (String, String),
}

/// The site's shared parts: the assets Trunk processed, the base path, the
/// navigation.
pub struct Layout<'a> {
    /// `<link>`/`<script>` tags for the stylesheet, icon and site script.
    pub assets: &'a str,
    /// The public URL without its trailing slash: `/lambda-lab` or ``.
    pub base: &'a str,
}

/// `extra` without its module preload (the `lambda-lab-preload` meta and
/// the script after it), and that preload: (preload, the rest).
fn split_preload(extra: &str) -> (String, String) {
    let script = format!("<script>{PRELOAD_SCRIPT}</script>\n");
    match (extra.find("<meta name=\"lambda-lab-preload\""), extra.find(&script)) {
        (Some(a), Some(b)) if a < b => {
            let end = b + script.len();
            (extra[a..end].to_string(), format!("{}{}", &extra[..a], &extra[end..]))
        }
        _ => (String::new(), extra.to_string()),
    }
}

/// The main navigation: (route, label).
pub const NAV: &[(&str, &str)] =
    &[("/calculators/", "Calculators"), ("/lessons/", "Lessons"), ("/workshop/", "Workshop"), ("/about/", "About")];

impl Layout<'_> {
    /// The `<head>` and opening `<body>` of any page. A page's module
    /// preload (its `lambda-lab-preload` meta and script) goes before the
    /// stylesheet: an inline script after a stylesheet waits for it, and the
    /// module's request with it (a round trip on a slow network, measured
    /// 2026-12-06: the figures module's request left at 409 ms instead of with
    /// the stylesheet's at 203 ms).
    pub fn open(&self, head: &Head, body_class: &str) -> String {
        let (early, extra) = split_preload(&head.extra);
        format!(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"color-scheme\" content=\"light dark\">\n\
             <title>{title}</title>\n\
             <meta name=\"description\" content=\"{desc}\">\n\
             <link rel=\"canonical\" href=\"{url}\">\n\
             <meta property=\"og:type\" content=\"website\">\n\
             <meta property=\"og:site_name\" content=\"Lambda Lab\">\n\
             <meta property=\"og:title\" content=\"{title}\">\n\
             <meta property=\"og:description\" content=\"{desc}\">\n\
             <meta property=\"og:url\" content=\"{url}\">\n\
             <meta property=\"og:image\" content=\"{image}\">\n\
             <meta property=\"og:image:width\" content=\"1200\">\n\
             <meta property=\"og:image:height\" content=\"630\">\n\
             <meta property=\"og:image:alt\" content=\"{image_alt}\">\n\
             <meta name=\"twitter:card\" content=\"summary_large_image\">\n\
             <meta name=\"lambda-lab-base\" content=\"{base}\">\n\
             <script>{theme}</script>\n\
             {early}{assets}\n{extra}</head>\n<body class=\"{body_class}\">\n",
            title = esc(head.title),
            desc = esc(head.description),
            url = esc(head.canonical),
            image = esc(&head.image.0),
            image_alt = esc(&head.image.1),
            base = esc(self.base),
            theme = THEME_SCRIPT,
            csp = esc(&content_security_policy()),
            assets = self.assets.trim(),
            early = early,
            extra = extra,
        )
    }

    /// The site header with the current section marked.
    pub fn header(&self, route: &str) -> String {
        let links: String = NAV
            .iter()
            .map(|(path, label)| {
                let current = if is_current(path, route) { " aria-current=\"page\"" } else { "" };
                format!("<li><a href=\"{}{path}\"{current}>{label}</a></li>", self.base)
            })
            .collect();
        format!(
            "<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n\
             <header class=\"site-header\"><div class=\"inner\">\
             <a class=\"brand\" href=\"{base}/\">Lambda <span>Lab</span></a>\
             <nav class=\"site-nav\" aria-label=\"Main\"><ul>{links}</ul></nav>\
             <button type=\"button\" class=\"theme-toggle\" aria-pressed=\"false\">Dark theme</button>\
             </div></header>\n",
            base = self.base
        )
    }

    /// The footer and the end of the document.
    pub fn close(&self, prices_as_of: &str) -> String {
        format!(
            "<footer class=\"site-footer\">Lambda Lab runs entirely in your browser: no server, no account, no \
             tracking. Prices as of {d}. <a href=\"{base}/about/\">Prices, sources and license</a></footer>\n\
             </body>\n</html>\n",
            d = esc(prices_as_of),
            base = self.base
        )
    }
}

/// Whether a nav link to `target` is the current section of `route`:
/// `/` only matches itself; other targets also match their sub-pages.
pub fn is_current(target: &str, route: &str) -> bool {
    if target == "/" { route == "/" } else { route.starts_with(target) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(
            esc("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn base64_and_integrity_match_known_values() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        // printf 'abc' | openssl dgst -sha384 -binary | base64
        assert_eq!(integrity(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    }

    #[test]
    fn the_policy_names_the_theme_script_by_its_hash() {
        // echo -n '<script>' | openssl dgst -sha256 -binary | base64, for a known text:
        assert_eq!(sha256_source("abc"), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
        let csp = content_security_policy();
        assert!(csp.contains(&sha256_source(THEME_SCRIPT)));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'"));
    }

    #[test]
    fn marks_the_current_section() {
        assert!(is_current("/calculators/", "/calculators/cost/"));
        assert!(is_current("/lessons/", "/lessons/"));
        assert!(!is_current("/lessons/", "/about/"));
        assert!(is_current("/", "/"));
        assert!(!is_current("/", "/about/"));
    }
}

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
/// pre-rendered lesson can show one step at a time. Storage may be missing or
/// throw (sandboxed embeds, private windows), so every access is guarded.
/// It is inline because it must run before anything is painted; its hash is
/// what a Content-Security-Policy needs to allow it.
pub const THEME_SCRIPT: &str = "(function(){var d=document.documentElement,t=null;d.classList.add(\"js\");\
try{t=new URLSearchParams(location.search).get(\"theme\")}catch(e){}\
if(t!==\"light\"&&t!==\"dark\"&&t!==\"auto\"){try{t=window.localStorage.getItem(\"lambda-lab.theme\")}catch(e){t=null}}\
if(t===\"light\"||t===\"dark\")d.setAttribute(\"data-theme\",t)})();";

/// What goes into a page's `<head>` besides the shared assets.
pub struct Head<'a> {
    /// The document title, already with " · Lambda Lab" where wanted.
    pub title: &'a str,
    pub description: &'a str,
    /// The page's absolute URL (canonical and `og:url`).
    pub canonical: &'a str,
    /// Extra tags: module preloads, `noindex`, the module map.
    pub extra: String,
}

/// The site's shared parts: the assets Trunk processed, the base path, the
/// navigation.
pub struct Layout<'a> {
    /// `<link>`/`<script>` tags for the stylesheet, icon and site script.
    pub assets: &'a str,
    /// The public URL without its trailing slash: `/lambda-lab` or ``.
    pub base: &'a str,
}

/// The main navigation: (route, label).
pub const NAV: &[(&str, &str)] = &[("/calculators/", "Calculators"), ("/lessons/", "Lessons"), ("/about/", "About")];

impl Layout<'_> {
    /// The `<head>` and opening `<body>` of any page.
    pub fn open(&self, head: &Head, body_class: &str) -> String {
        format!(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
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
             <meta name=\"twitter:card\" content=\"summary\">\n\
             <meta name=\"lambda-lab-base\" content=\"{base}\">\n\
             <script>{theme}</script>\n\
             {assets}\n{extra}</head>\n<body class=\"{body_class}\">\n",
            title = esc(head.title),
            desc = esc(head.description),
            url = esc(head.canonical),
            base = esc(self.base),
            theme = THEME_SCRIPT,
            assets = self.assets.trim(),
            extra = head.extra,
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
    fn marks_the_current_section() {
        assert!(is_current("/calculators/", "/calculators/cost/"));
        assert!(is_current("/lessons/", "/lessons/"));
        assert!(!is_current("/lessons/", "/about/"));
        assert!(is_current("/", "/"));
        assert!(!is_current("/", "/about/"));
    }
}

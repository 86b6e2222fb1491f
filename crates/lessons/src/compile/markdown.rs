//! Markdown to HTML, with lesson and calculator links rewritten.

use super::*;

pub(super) fn render_markdown(text: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(text, opts));
    rewrite_links(&out)
}

/// `href="lesson:02-x#id"` → `href="{{BASE}}/lessons/02-x/?step=id"`,
/// `href="calc:cost?a=1"` → `href="{{BASE}}/calculators/cost/?a=1"`; tables
/// get a scrollable, focusable wrapper.
pub(super) fn rewrite_links(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find("href=\"") {
        out.push_str(&rest[..i + 6]);
        let tail = &rest[i + 6..];
        let end = tail.find('"').unwrap_or(tail.len());
        let target = &tail[..end];
        if let Some(t) = target.strip_prefix("lesson:") {
            let (slug, step) = t.split_once('#').unwrap_or((t, ""));
            out.push_str(&format!("{BASE_MARKER}/lessons/{slug}/"));
            if !step.is_empty() {
                out.push_str(&format!("?step={step}"));
            }
        } else if let Some(t) = target.strip_prefix("calc:") {
            let (name, q) = t.split_once('?').unwrap_or((t, ""));
            let page = calculators::find(name).map(|c| c.page.to_string()).unwrap_or(format!("/calculators/{name}/"));
            out.push_str(&format!("{BASE_MARKER}{page}"));
            if !q.is_empty() {
                out.push_str(&format!("?{q}"));
            }
        } else {
            out.push_str(target);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out.replace("<table>", "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\"><table>")
        .replace("</table>", "</table></div>")
}

pub(super) fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

pub(super) fn valid_id(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

//! How a calculator is laid out: as its full page, or compact (an embed in
//! someone's blog post): results first, then the few inputs that matter,
//! "All inputs" collapsed, and only the parts the embed asks for.
//!
//! The presentation keys of the embed API (beside the calculator's own
//! parameters, and like them never renamed):
//! - `show=result,inputs,chart,table,math`: the parts to show, in that order
//!   on screen whatever the order written; `hide=chart` leaves parts out of
//!   the default instead;
//! - `lock=region,arch`: parameters shown read-only;
//! - `inputs=memory_mb,requests`: the inputs drawn above "All inputs"
//!   (a lesson step names the ones it is about); the calculator's usual
//!   key inputs otherwise;
//! - `theme=light|dark|auto` (applied by the page's head script).
//!
//! Everything here is pure, so it is tested natively; the wasm modules lay
//! calculators out with it, the Embed dialog writes snippets with it, and the
//! site generator writes the oEmbed files with the same snippet.

use crate::CalcPage;
use crate::fallback::esc;
use lambda_model::params::{ParamSpec, parse_pairs};

/// A part of a calculator that an embed can show or leave out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The headline figures.
    Result,
    Inputs,
    Chart,
    /// Tables: breakdowns, sweeps, comparisons.
    Table,
    /// "Show the math" and its notes.
    Math,
    /// In an embed: Copy link, Export, Import and the hand-offs, and every
    /// note under the result (left to "Open in Lambda Lab" unless asked).
    Tools,
}

impl Part {
    pub const ALL: [Part; 6] = [Part::Result, Part::Inputs, Part::Chart, Part::Table, Part::Math, Part::Tools];

    pub fn key(self) -> &'static str {
        match self {
            Part::Result => "result",
            Part::Inputs => "inputs",
            Part::Chart => "chart",
            Part::Table => "table",
            Part::Math => "math",
            Part::Tools => "tools",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Part::Result => "Result",
            Part::Inputs => "Inputs",
            Part::Chart => "Chart",
            Part::Table => "Tables",
            Part::Math => "Show the math",
            Part::Tools => "Notes, links and tools",
        }
    }

    pub fn parse(s: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.key() == s)
    }
}

impl CalcPage {
    /// The parts shown by default for these values (a query).
    pub fn default_for(&self, query: &str) -> &'static [Part] {
        let pairs = parse_pairs(query);
        self.default_show_when
            .iter()
            .find(|(param, _)| pairs.iter().any(|(k, v)| k == param && !v.is_empty()))
            .map_or(self.default_show, |(_, parts)| parts)
    }
}

/// How one mounted calculator is laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub compact: bool,
    shown: Vec<Part>,
    pub locked: Vec<&'static str>,
    /// Drawn above "All inputs" in a compact layout.
    pub key_inputs: Vec<&'static str>,
    /// What was wrong with `show`, `hide` or `lock`, said in words.
    pub notices: Vec<String>,
}

impl Default for Layout {
    /// The full page: every part, nothing locked.
    fn default() -> Self {
        Layout {
            compact: false,
            shown: Part::ALL.to_vec(),
            locked: Vec::new(),
            key_inputs: Vec::new(),
            notices: Vec::new(),
        }
    }
}

fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

impl Layout {
    /// The compact layout a query asks for. Unknown part or parameter names
    /// are left out and named in a notice with what is valid.
    pub fn compact(info: &CalcPage, specs: &'static [ParamSpec], query: &str) -> Layout {
        let mut notices = Vec::new();
        let pairs = parse_pairs(query);
        let valid_parts = || info.parts.iter().map(|p| p.key()).collect::<Vec<_>>().join(", ");
        let mut parts = |value: &str, key: &str| -> Vec<Part> {
            let mut out = Vec::new();
            for name in list(value) {
                match Part::parse(name).filter(|p| info.parts.contains(p)) {
                    Some(p) => out.push(p),
                    None => notices.push(format!(
                        "{key}: \u{201c}{name}\u{201d} is not a part of this calculator; use {}.",
                        valid_parts()
                    )),
                }
            }
            out
        };
        let show = pairs.iter().find(|(k, _)| k == "show").map(|(_, v)| parts(v, "show"));
        let hide = pairs.iter().find(|(k, _)| k == "hide").map(|(_, v)| parts(v, "hide")).unwrap_or_default();
        let mut shown: Vec<Part> = match show {
            Some(s) if !s.is_empty() => s,
            _ => info.default_for(query).to_vec(),
        };
        shown.retain(|p| !hide.contains(p));
        if shown.is_empty() {
            notices.push("Nothing left to show; showing the result.".into());
            shown.push(Part::Result);
        }
        let mut names = |key: &str| -> Option<Vec<&'static str>> {
            let (_, value) = pairs.iter().find(|(k, _)| k == key)?;
            let mut out = Vec::new();
            for name in list(value) {
                match specs.iter().find(|s| s.name == name) {
                    Some(s) => out.push(s.name),
                    None => notices.push(format!(
                        "{key}: \u{201c}{name}\u{201d} is not a parameter of this calculator; valid: {}.",
                        specs.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
                    )),
                }
            }
            Some(out)
        };
        let locked = names("lock").unwrap_or_default();
        let key_inputs = names("inputs").filter(|v| !v.is_empty()).unwrap_or_else(|| info.key_inputs.to_vec());
        Layout { compact: true, shown, locked, key_inputs, notices }
    }

    pub fn shows(&self, part: Part) -> bool {
        self.shown.contains(&part)
    }

    /// The parts shown, in the order the layout draws them.
    pub fn shown(&self) -> Vec<Part> {
        Part::ALL.into_iter().filter(|p| self.shows(*p)).collect()
    }

    pub fn is_locked(&self, name: &str) -> bool {
        self.locked.contains(&name)
    }

    /// The class of the calculator's outer element.
    pub fn calc_class(&self) -> &'static str {
        match (self.compact, self.shows(Part::Tools)) {
            (false, _) => "calc",
            (true, false) => "calc compact",
            (true, true) => "calc compact with-tools",
        }
    }
}

/// The values a snippet carries. Pinned (`pin`), they name a price table so
/// the post keeps the figures its text quotes after a price change: the one
/// the values already pin, or today's. Unpinned, they name none and follow
/// today's prices.
pub fn with_prices(values_query: &str, pin: bool) -> String {
    let named = lambda_model::rates::pinned_in_query(values_query).unwrap_or(lambda_model::rates::TODAY).date;
    let pairs = values_query.trim_start_matches('?').split('&').filter(|kv| !kv.is_empty());
    let mut out: Vec<String> = pairs.filter(|kv| !kv.starts_with("prices=")).map(str::to_string).collect();
    if pin {
        out.push(format!("prices={named}"));
    }
    out.join("&")
}

/// The embed query for a calculator's values and the chosen presentation:
/// what the Embed dialog puts in its snippets. Defaults are left out, so the
/// snippet stays short and an embed follows the calculator's defaults.
pub fn embed_query(values_query: &str, info: &CalcPage, show: &[Part], theme: &str, lock: &[&str]) -> String {
    let mut q = values_query.to_string();
    let mut ordered: Vec<Part> = Part::ALL.into_iter().filter(|p| show.contains(p)).collect();
    ordered.dedup();
    if ordered != info.default_for(values_query) {
        q.push_str("&show=");
        q.push_str(&ordered.iter().map(|p| p.key()).collect::<Vec<_>>().join(","));
    }
    if matches!(theme, "light" | "dark") {
        q.push_str("&theme=");
        q.push_str(theme);
    }
    if !lock.is_empty() {
        q.push_str("&lock=");
        q.push_str(&lock.join(","));
    }
    q
}

/// The `html` of an oEmbed answer: the fallback first and then the iframe,
/// the shape WordPress's filter keeps from an untrusted provider (it hides the
/// iframe behind the blockquote until the frame reports). `frameborder`
/// because WordPress strips `style`.
pub fn oembed_html(info: &CalcPage, src: &str, page: &str, width: u32, height: u32, summary: Option<&str>) -> String {
    format!(
        "{}<iframe src=\"{}\" width=\"{width}\" height=\"{height}\" title=\"{} (Lambda Lab)\" frameborder=\"0\"></iframe>",
        crate::fallback::blockquote(info, page, summary),
        esc(src),
        esc(info.h1),
    )
}

/// What a snippet is made of.
pub struct SnippetFor<'a> {
    /// The embed page's absolute URL with its query.
    pub src: &'a str,
    /// The full calculator's absolute URL with the values.
    pub page: &'a str,
    /// The host script's absolute URL (`…/embed.js`).
    pub script: &'a str,
    /// The iframe's starting height (px) where no script sizes it.
    pub height: u32,
    /// Heights measured per width (`data-heights`), which `embed.js` starts
    /// the iframe at for the width it finds; `None` when the layout is not
    /// the measured one.
    pub heights: Option<&'a [(u32, u32)]>,
    /// The headline figures as text, for the fallback.
    pub summary: Option<&'a str>,
}

/// The snippets the Embed dialog offers, one per place bloggers paste.
#[derive(Clone, Debug, PartialEq)]
pub struct Snippets {
    /// HTML without a script: the iframe and its fallback (a caption where
    /// nothing hides it).
    pub iframe: String,
    /// HTML with `embed.js`: the iframe sized for its width, kept fitted, its
    /// fallback hidden once the calculator reports.
    pub with_script: String,
    pub markdown: String,
    /// The embed page's address (Ghost, Notion and other "embed a URL" blocks).
    pub address: String,
    /// Hugo: the use in a post, and `layouts/shortcodes/lambda-lab.html`.
    pub hugo: (String, String),
    /// Jekyll: the use in a post, and `_includes/lambda-lab.html`.
    pub jekyll: (String, String),
    /// MDX (Docusaurus, Next, Astro): the use in a page, and `LambdaLab.jsx`.
    pub mdx: (String, String),
}

/// `360:1414 375:1266 …`, the `data-heights` attribute.
pub fn heights_attr(heights: &[(u32, u32)]) -> String {
    heights.iter().map(|(w, h)| format!("{w}:{h}")).collect::<Vec<_>>().join(" ")
}

pub fn snippets(info: &CalcPage, s: &SnippetFor) -> Snippets {
    let title = format!("{} (Lambda Lab)", info.h1);
    let height = s.height;
    let heights = s.heights.map(|h| format!(" data-heights=\"{}\"", heights_attr(h))).unwrap_or_default();
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" frameborder=\"0\" \
         style=\"border:0\" allow=\"clipboard-write\"{heights}></iframe>",
        esc(s.src),
        esc(&title)
    );
    let fallback = crate::fallback::blockquote(info, s.page, s.summary);
    let said = s.summary.map(|t| format!(": {t}.")).unwrap_or_else(|| ".".into());
    // The platforms' own files take the same four values.
    let q = |v: &str| v.replace('"', "&quot;");
    let summary_arg = s.summary.map(|t| format!(" summary=\"{}\"", q(t))).unwrap_or_default();
    let args = format!(
        "src=\"{}\" page=\"{}\" title=\"{}\" height=\"{height}\"{summary_arg}",
        q(s.src),
        q(s.page),
        q(info.h1)
    );
    let template = |get: &dyn Fn(&str) -> String, summary: &str| {
        format!(
            "<iframe src=\"{src}\" title=\"{title} (Lambda Lab)\" width=\"100%\" height=\"{height}\" loading=\"lazy\" \
             frameborder=\"0\" style=\"border:0\" allow=\"clipboard-write\"></iframe>\n\
             <blockquote data-lambda-lab-fallback><a href=\"{page}\">{title}</a>{summary} \
             <a href=\"{page}\">Open it in Lambda Lab</a></blockquote>\n\
             <script async src=\"{script}\"></script>\n",
            src = get("src"),
            title = get("title"),
            height = get("height"),
            page = get("page"),
            script = esc(s.script),
        )
    };
    let hugo_file =
        template(&|k| format!("{{{{ .Get \"{k}\" }}}}"), "{{ with .Get \"summary\" }}: {{ . }}.{{ else }}.{{ end }}");
    let jekyll_file = template(
        &|k| format!("{{{{ include.{k} }}}}"),
        "{% if include.summary %}: {{ include.summary }}.{% else %}.{% endif %}",
    );
    let mdx_file = format!(
        "// LambdaLab.jsx: a Lambda Lab calculator in an MDX page (Docusaurus, Next, Astro).\n\
         import React, {{ useEffect }} from 'react';\n\n\
         export default function LambdaLab({{ src, page, title, height = {height}, summary }}) {{\n  \
         useEffect(() => {{\n    \
         if (document.querySelector('script[data-lambda-lab]')) return;\n    \
         const s = document.createElement('script');\n    \
         s.src = '{script}';\n    \
         s.async = true;\n    \
         s.dataset.lambdaLab = '';\n    \
         document.body.appendChild(s);\n  \
         }}, []);\n  \
         return (\n    <>\n      \
         <iframe src={{src}} title={{`${{title}} (Lambda Lab)`}} width=\"100%\" height={{height}} loading=\"lazy\"\n        \
         frameBorder=\"0\" style={{{{ border: 0 }}}} allow=\"clipboard-write\" />\n      \
         <blockquote data-lambda-lab-fallback=\"\">\n        \
         <a href={{page}}>{{title}}</a>{{summary ? `: ${{summary}}.` : '.'}} <a href={{page}}>Open it in Lambda Lab</a>\n      \
         </blockquote>\n    </>\n  );\n}}\n",
        script = s.script.replace('\'', "%27"),
    );
    Snippets {
        with_script: format!("{iframe}\n{fallback}\n<script async src=\"{}\"></script>", esc(s.script)),
        iframe: format!("{iframe}\n{fallback}"),
        markdown: format!("[{}{said} Open it in Lambda Lab]({})", info.h1, s.page),
        address: s.src.to_string(),
        hugo: (format!("{{{{< lambda-lab {args} >}}}}"), hugo_file),
        jekyll: (format!("{{% include lambda-lab.html {args} %}}"), jekyll_file),
        mdx: (
            format!(
                "import LambdaLab from '@site/src/components/LambdaLab';\n\n<LambdaLab src=\"{}\" page=\"{}\" title=\"{}\" height={{{height}}}{} />",
                q(s.src),
                q(s.page),
                q(info.h1),
                s.summary.map(|t| format!(" summary=\"{}\"", q(t))).unwrap_or_default()
            ),
            mdx_file,
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_snippet_pins_todays_prices_or_the_ones_its_values_pin() {
        use super::with_prices;
        let today = lambda_model::rates::PRICES_AS_OF;
        assert_eq!(
            with_prices("memory_mb=1024&requests=20000000", true),
            format!("memory_mb=1024&requests=20000000&prices={today}")
        );
        assert_eq!(with_prices("", true), format!("prices={today}"));
        assert_eq!(with_prices("prices=2026-11-23&memory_mb=512", true), "memory_mb=512&prices=2026-11-23");
        assert_eq!(with_prices("prices=2026-11-23&memory_mb=512", false), "memory_mb=512");
        assert_eq!(with_prices("prices=latest&memory_mb=512", true), format!("memory_mb=512&prices={today}"));
        assert_eq!(with_prices("memory_mb=512", false), "memory_mb=512");
    }

    use super::*;
    use crate::{COST, POWER};
    use lambda_model::billing::COST_PARAMS;
    use lambda_model::calculators::power::POWER_PARAMS;

    #[test]
    fn a_compact_embed_shows_its_default_parts_unless_asked() {
        let l = Layout::compact(&COST, COST_PARAMS, "v=1&memory_mb=512");
        assert!(l.compact && l.notices.is_empty());
        assert_eq!(l.shown(), vec![Part::Result, Part::Inputs]);
        assert_eq!(l.key_inputs, COST.key_inputs);
        // Any order written; drawn in the layout's order.
        let l = Layout::compact(&COST, COST_PARAMS, "show=chart,result");
        assert_eq!(l.shown(), vec![Part::Result, Part::Chart]);
        let l = Layout::compact(&COST, COST_PARAMS, "hide=inputs");
        assert_eq!(l.shown(), vec![Part::Result]);
        assert_eq!(Layout::default().shown(), Part::ALL.to_vec());
        assert_eq!(Layout::default().calc_class(), "calc");
        assert_eq!(l.calc_class(), "calc compact");
        let l = Layout::compact(&COST, COST_PARAMS, "show=result,tools");
        assert_eq!(l.calc_class(), "calc compact with-tools");
    }

    #[test]
    fn a_power_tuning_link_is_shown_as_its_result_chart_and_tables() {
        let l = Layout::compact(&POWER, POWER_PARAMS, "power_tuning=https%3A%2F%2Flambda-power-tuning.show%2F%23x");
        assert_eq!(l.shown(), vec![Part::Result, Part::Chart, Part::Table]);
        assert_eq!(POWER.default_for("power_tuning="), POWER.default_show);
    }

    #[test]
    fn unknown_parts_and_parameters_are_named_with_what_is_valid() {
        let l = Layout::compact(&COST, COST_PARAMS, "show=result,banana&lock=region,nope,arch");
        assert_eq!(l.shown(), vec![Part::Result]);
        assert_eq!(l.locked, vec!["region", "arch"]);
        assert_eq!(l.notices.len(), 2, "{:?}", l.notices);
        assert!(l.notices[0].contains("banana") && l.notices[0].contains("result, inputs, table, chart, math, tools"));
        assert!(l.notices[1].contains("nope") && l.notices[1].contains("memory_mb"));
        // Nothing left: the result stays.
        let l = Layout::compact(&COST, COST_PARAMS, "hide=result,inputs");
        assert_eq!(l.shown(), vec![Part::Result]);
        assert_eq!(l.notices.len(), 1);
        // Garbage is only text.
        let l = Layout::compact(&COST, COST_PARAMS, "show=%3Cscript%3E&lock=%00");
        assert_eq!(l.shown(), vec![Part::Result, Part::Inputs]);
        assert!(l.locked.is_empty());
    }

    #[test]
    fn the_embed_query_leaves_defaults_out() {
        let q = "v=1&memory_mb=512";
        assert_eq!(embed_query(q, &COST, &[Part::Inputs, Part::Result], "auto", &[]), q);
        assert_eq!(
            embed_query(q, &COST, &[Part::Chart, Part::Result], "dark", &["region", "arch"]),
            "v=1&memory_mb=512&show=result,chart&theme=dark&lock=region,arch"
        );
        let pt = "v=1&power_tuning=x";
        assert_eq!(embed_query(pt, &POWER, &[Part::Result, Part::Chart, Part::Table], "auto", &[]), pt);
    }

    #[test]
    fn snippets_escape_what_they_quote_and_carry_their_fallback() {
        let s = snippets(
            &COST,
            &SnippetFor {
                src: "https://x.io/embed/cost/?a=1&b=\"2\"",
                page: "https://x.io/calculators/cost/?a=1",
                script: "https://x.io/embed.js",
                height: 640,
                heights: Some(&[(375, 1266), (600, 914)]),
                summary: Some("$37.13 a month"),
            },
        );
        assert!(
            s.iframe.starts_with("<iframe src=\"https://x.io/embed/cost/?a=1&amp;b=&quot;2&quot;\""),
            "{}",
            s.iframe
        );
        assert!(s.iframe.contains(
            "title=\"Lambda cost calculator (Lambda Lab)\" width=\"100%\" height=\"640\" loading=\"lazy\" frameborder=\"0\""
        ));
        assert!(s.iframe.contains("allow=\"clipboard-write\" data-heights=\"375:1266 600:914\"></iframe>"));
        let fallback = "<blockquote data-lambda-lab-fallback><a href=\"https://x.io/calculators/cost/?a=1\">Lambda cost \
                        calculator</a>: $37.13 a month. <a href=\"https://x.io/calculators/cost/?a=1\">Open it in Lambda \
                        Lab</a></blockquote>";
        assert!(s.iframe.ends_with(&format!("</iframe>\n{fallback}")), "{}", s.iframe);
        assert_eq!(s.with_script, format!("{}\n<script async src=\"https://x.io/embed.js\"></script>", s.iframe));
        assert_eq!(
            s.markdown,
            "[Lambda cost calculator: $37.13 a month. Open it in Lambda Lab](https://x.io/calculators/cost/?a=1)"
        );
        assert_eq!(s.address, "https://x.io/embed/cost/?a=1&b=\"2\"");
    }

    #[test]
    fn platform_snippets_pass_the_same_values_to_their_own_files() {
        let s = snippets(
            &COST,
            &SnippetFor {
                src: "https://x.io/embed/cost/?a=1&b=2",
                page: "https://x.io/calculators/cost/?a=1",
                script: "https://x.io/embed.js",
                height: 920,
                heights: None,
                summary: Some("$37.13 a month"),
            },
        );
        let args = "src=\"https://x.io/embed/cost/?a=1&b=2\" page=\"https://x.io/calculators/cost/?a=1\" \
                    title=\"Lambda cost calculator\" height=\"920\" summary=\"$37.13 a month\"";
        assert_eq!(s.hugo.0, format!("{{{{< lambda-lab {args} >}}}}"));
        assert!(s.hugo.1.starts_with("<iframe src=\"{{ .Get \"src\" }}\" title=\"{{ .Get \"title\" }} (Lambda Lab)\""));
        assert!(s.hugo.1.contains("<script async src=\"https://x.io/embed.js\"></script>"));
        assert_eq!(s.jekyll.0, format!("{{% include lambda-lab.html {args} %}}"));
        assert!(s.jekyll.1.contains("{% if include.summary %}: {{ include.summary }}.{% else %}.{% endif %}"));
        assert!(s.mdx.0.ends_with("height={920} summary=\"$37.13 a month\" />"), "{}", s.mdx.0);
        assert!(s.mdx.1.contains("export default function LambdaLab({ src, page, title, height = 920, summary })"));
        assert!(s.mdx.1.contains("s.src = 'https://x.io/embed.js';"));
        assert!(!s.iframe.contains("data-heights"));
    }
}

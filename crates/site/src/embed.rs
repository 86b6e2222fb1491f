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
use lambda_model::scenario::{ParamSpec, parse_pairs};

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
}

impl Part {
    pub const ALL: [Part; 5] = [Part::Result, Part::Inputs, Part::Chart, Part::Table, Part::Math];

    pub fn key(self) -> &'static str {
        match self {
            Part::Result => "result",
            Part::Inputs => "inputs",
            Part::Chart => "chart",
            Part::Table => "table",
            Part::Math => "math",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Part::Result => "Result",
            Part::Inputs => "Inputs",
            Part::Chart => "Chart",
            Part::Table => "Tables",
            Part::Math => "Show the math",
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
        if self.compact { "calc compact" } else { "calc" }
    }
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

/// The snippets the Embed dialog offers.
pub struct Snippets {
    pub iframe: String,
    pub with_script: String,
    pub markdown: String,
}

/// `src` is the embed page's absolute URL with its query, `page` the full
/// calculator's, `script` the host script's (`…/embed.js`).
pub fn snippets(info: &CalcPage, src: &str, page: &str, script: &str, height: u32) -> Snippets {
    let esc = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let title = format!("{} (Lambda Lab)", info.h1);
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0\" \
         allow=\"clipboard-write\"></iframe>",
        esc(src),
        esc(&title)
    );
    Snippets {
        with_script: format!("{iframe}\n<script async src=\"{}\"></script>", esc(script)),
        iframe,
        markdown: format!("[{}: open it in Lambda Lab]({page})", info.h1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{COST, POWER};
    use lambda_model::power::POWER_PARAMS;
    use lambda_model::pricing::COST_PARAMS;

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
        assert!(l.notices[0].contains("banana") && l.notices[0].contains("result, inputs, table, chart, math"));
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
    fn snippets_escape_what_they_quote() {
        let s = snippets(
            &COST,
            "https://x.io/embed/cost/?a=1&b=\"2\"",
            "https://x.io/calculators/cost/?a=1",
            "https://x.io/embed.js",
            640,
        );
        assert!(
            s.iframe.starts_with("<iframe src=\"https://x.io/embed/cost/?a=1&amp;b=&quot;2&quot;\""),
            "{}",
            s.iframe
        );
        assert!(
            s.iframe.contains(
                "title=\"Lambda cost calculator (Lambda Lab)\" width=\"100%\" height=\"640\" loading=\"lazy\""
            )
        );
        assert!(s.iframe.contains("allow=\"clipboard-write\""));
        assert!(s.with_script.ends_with("<script async src=\"https://x.io/embed.js\"></script>"));
        assert_eq!(s.markdown, "[Lambda cost calculator: open it in Lambda Lab](https://x.io/calculators/cost/?a=1)");
    }
}

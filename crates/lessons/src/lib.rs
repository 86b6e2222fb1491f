//! Lessons as data. `content/lessons/NN-slug.md` is compiled at build time
//! (feature `compile`, run by the app's build script) into Rust statics of
//! these types, so the wasm carries finished HTML and computed numbers and no
//! Markdown parser.

// A build-time tool: compiled for the host only, never into the wasm.
#[cfg(all(feature = "compile", not(target_arch = "wasm32")))]
pub mod compile;

/// One lesson.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lesson {
    /// The file name without `.md`: `01-billing`. Also its URL path segment.
    pub slug: &'static str,
    pub number: u32,
    pub title: &'static str,
    pub summary: &'static str,
    /// Reading time, from the front matter.
    pub minutes: u32,
    /// Slugs of the lessons to read first.
    pub prerequisites: &'static [&'static str],
    pub steps: &'static [Step],
}

/// One step: what a reader sees at a time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// Stable id, used in deep links (`?step=free-tier`) and COVERAGE.md.
    pub id: &'static str,
    pub title: &'static str,
    pub blocks: &'static [Block],
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Block {
    /// Rendered Markdown. In-site links start with [`BASE_MARKER`].
    Html(&'static str),
    /// A live calculator with preset parameters.
    Calculator(Embed),
    Check(Check),
    /// A claim often made, what is true instead, and where the claim comes from.
    Myth {
        myth: &'static str,
        fact: &'static str,
        source: &'static str,
    },
    /// The same idea in several languages.
    Code(&'static [Sample]),
}

/// A calculator to mount with preset parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Embed {
    /// The model's calculator name (`cost`, `power`, `coldstart`, `simulate`).
    pub calc: &'static str,
    /// The wasm module that renders it.
    pub module: &'static str,
    /// Its page, for "open in the calculator".
    pub page: &'static str,
    /// Its parameters, as a URL query (`memory_mb=512&requests=1000000`).
    pub query: &'static str,
    /// HTML caption; may be empty.
    pub caption: &'static str,
    /// The parts a lesson shows, in embed-API words (`result,inputs,chart`).
    pub show: &'static str,
    /// The inputs drawn above "All inputs" (`memory_mb,requests`); empty
    /// means the calculator's usual key inputs.
    pub inputs: &'static str,
}

impl Embed {
    /// The query a lesson mounts it with: its parameters, and the compact
    /// layout of an embed (the parts and inputs the step is about).
    pub fn compact_query(&self) -> String {
        let mut q = self.query.to_string();
        for (key, value) in [("show", self.show), ("inputs", self.inputs)] {
            if !value.is_empty() {
                if !q.is_empty() {
                    q.push('&');
                }
                q.push_str(key);
                q.push('=');
                q.push_str(value);
            }
        }
        q
    }
}

/// A question whose answer the engine computed at build time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Check {
    /// `<step id>-check-<n>`.
    pub id: &'static str,
    pub question: &'static str,
    pub hint: &'static str,
    /// Shown once answered or revealed; may be empty.
    pub explain: &'static str,
    /// The calculator and parameters that compute the answer; "show me" loads them.
    pub embed: Embed,
    pub metric: &'static str,
    /// The metric's exact value.
    pub exact: &'static str,
    /// The answer on the scale the reader types (percent for `pct`).
    pub answer: f64,
    /// The answer as shown: `$3.53`.
    pub answer_text: &'static str,
    /// Largest accepted |typed − answer|, on the same scale.
    pub tolerance: f64,
    /// What to type: `$`, `ms`, `%`, `MB` or empty.
    pub unit: &'static str,
    /// What the answer is, in words: "the traffic simulator's cold-start ratio".
    pub what: &'static str,
}

/// One language's version of a code sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// The fence's language key (`js`, `python`, …).
    pub lang: &'static str,
    /// What the tab says (`Node.js`, `Python`, …).
    pub label: &'static str,
    pub code: &'static str,
}

/// In-site links in lesson HTML start with this; the page replaces it with
/// the site's base path, which is only known at run time.
pub const BASE_MARKER: &str = "{{BASE}}";

impl Lesson {
    /// The step with this id, or with this 1-based number.
    pub fn step_index(&self, key: &str) -> Option<usize> {
        self.steps
            .iter()
            .position(|s| s.id == key)
            .or_else(|| key.parse::<usize>().ok().filter(|n| (1..=self.steps.len()).contains(n)).map(|n| n - 1))
    }

    /// Every calculator the lesson mounts, in order, with its step: the
    /// `::: calculator` blocks (`true`) and the checks' "Show me" calculators.
    pub fn embeds(&self) -> impl Iterator<Item = (&'static Step, &'static Embed, bool)> + use<> {
        let steps = self.steps;
        steps.iter().flat_map(|s| {
            s.blocks.iter().filter_map(move |b| match b {
                Block::Calculator(e) => Some((s, e, true)),
                Block::Check(c) => Some((s, &c.embed, false)),
                _ => None,
            })
        })
    }

    /// The sentence of a reader's progress in this lesson, with `{seen}` and
    /// `{ok}` for the counts: "{seen} of 5 steps seen, {ok} of 1 check
    /// answered". The one wording: the lesson page fills it in
    /// (`course::Progress::summary`), and the lesson index, which has no
    /// wasm, gets it written by the site generator for its script.
    pub fn progress_template(&self) -> String {
        let of = |total: usize, one: &str| format!("of {total} {one}{}", if total == 1 { "" } else { "s" });
        format!(
            "{{seen}} {} seen, {{ok}} {} answered",
            of(self.steps.len(), "step"),
            of(self.checks().count(), "check")
        )
    }

    /// Every check in the lesson, in order.
    pub fn checks(&self) -> impl Iterator<Item = &'static Check> + use<> {
        let steps = self.steps;
        steps.iter().flat_map(|s| {
            s.blocks.iter().filter_map(|b| match b {
                Block::Check(c) => Some(c),
                _ => None,
            })
        })
    }
}

/// Reads what a reader typed as a number: `$3.53`, `3,530`, `12 %`, `1e3`,
/// and with a decimal comma as much of Europe writes it: `1,45`, `0,56 %`,
/// `1.234,56`. A single comma followed by exactly three digits (`1,450`)
/// separates thousands.
pub fn parse_typed_number(s: &str) -> Option<f64> {
    let kept: String =
        s.trim().chars().filter(|c| !matches!(c, '$' | '%' | ' ' | '_' | '\u{a0}' | '\u{202f}')).collect();
    let decimal_comma = match (kept.rfind(','), kept.rfind('.')) {
        (Some(c), Some(d)) => c > d,
        (Some(c), None) => {
            let after = kept[c + 1..].chars().take_while(char::is_ascii_digit).count();
            kept.matches(',').count() == 1 && after != 3
        }
        _ => false,
    };
    let cleaned: String = if decimal_comma {
        kept.chars().filter(|c| *c != '.').map(|c| if c == ',' { '.' } else { c }).collect()
    } else {
        kept.chars().filter(|c| *c != ',').collect()
    };
    let cleaned = cleaned.trim_end_matches(|c: char| c.is_ascii_alphabetic() && c != 'e' && c != 'E');
    let x = lambda_model::base::decimal::parse_f64(cleaned)?;
    x.is_finite().then_some(x)
}

impl Check {
    /// Whether a typed answer is within the tolerance. `None` when it is not a number.
    pub fn judge(&self, typed: &str) -> Option<bool> {
        parse_typed_number(typed).map(|x| (x - self.answer).abs() <= self.tolerance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers() {
        assert_eq!(parse_typed_number("$3.53"), Some(3.53));
        assert_eq!(parse_typed_number(" 3,530 "), Some(3530.0));
        assert_eq!(parse_typed_number("12 %"), Some(12.0));
        assert_eq!(parse_typed_number("250 ms"), Some(250.0));
        assert_eq!(parse_typed_number("1e3"), Some(1000.0));
        assert_eq!(parse_typed_number("-0.5"), Some(-0.5));
        assert_eq!(parse_typed_number(""), None);
        assert_eq!(parse_typed_number("abc"), None);
        assert_eq!(parse_typed_number("NaN"), None);
        assert_eq!(parse_typed_number("inf"), None);
        // Decimal commas (issue 23: "1,45" was marked wrong) and thousands.
        assert_eq!(parse_typed_number("1,45"), Some(1.45));
        assert_eq!(parse_typed_number("$3,53"), Some(3.53));
        assert_eq!(parse_typed_number("0,56 %"), Some(0.56));
        assert_eq!(parse_typed_number("1.234,56"), Some(1234.56));
        assert_eq!(parse_typed_number("1,450"), Some(1450.0));
        assert_eq!(parse_typed_number("1,234,567.8"), Some(1234567.8));
        assert_eq!(parse_typed_number("12\u{202f}300 ms"), Some(12300.0));
    }
}

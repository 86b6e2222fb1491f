//! The Rust source that holds the compiled lessons as statics.

use super::*;

pub(super) fn rs(s: &str) -> String {
    format!("{s:?}")
}

pub(super) fn embed_rs(e: &Embed) -> String {
    format!(
        "Embed {{ calc: {}, module: {}, page: {}, query: {}, caption: {}, show: {}, inputs: {} }}",
        rs(e.calc),
        rs(e.module),
        rs(e.page),
        rs(e.query),
        rs(e.caption),
        rs(e.show),
        rs(e.inputs)
    )
}

/// Rust source for `pub static LESSONS: &[Lesson]`, to `include!` where the
/// types of this crate are in scope.
pub fn to_rust(lessons: &[Lesson]) -> String {
    let mut s = String::from("pub static LESSONS: &[Lesson] = &[\n");
    for l in lessons {
        let _ = writeln!(
            s,
            "Lesson {{ slug: {}, number: {}, title: {}, summary: {}, minutes: {}, prerequisites: &[{}], steps: &[",
            rs(l.slug),
            l.number,
            rs(l.title),
            rs(l.summary),
            l.minutes,
            l.prerequisites.iter().map(|p| rs(p)).collect::<Vec<_>>().join(", ")
        );
        for st in l.steps {
            let _ = writeln!(s, "  Step {{ id: {}, title: {}, blocks: &[", rs(st.id), rs(st.title));
            for b in st.blocks {
                let block = match b {
                    Block::Html(h) => format!("Block::Html({})", rs(h)),
                    Block::Calculator(e) => format!("Block::Calculator({})", embed_rs(e)),
                    Block::Myth { myth, fact, source } => {
                        format!("Block::Myth {{ myth: {}, fact: {}, source: {} }}", rs(myth), rs(fact), rs(source))
                    }
                    Block::Code(samples) => format!(
                        "Block::Code(&[{}])",
                        samples
                            .iter()
                            .map(|x| format!(
                                "Sample {{ lang: {}, label: {}, code: {} }}",
                                rs(x.lang),
                                rs(x.label),
                                rs(x.code)
                            ))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    Block::Check(c) => format!(
                        "Block::Check(Check {{ id: {}, question: {}, hint: {}, explain: {}, embed: {}, metric: {}, exact: {}, answer: {:?}_f64, answer_text: {}, tolerance: {:?}_f64, unit: {}, what: {} }})",
                        rs(c.id),
                        rs(c.question),
                        rs(c.hint),
                        rs(c.explain),
                        embed_rs(&c.embed),
                        rs(c.metric),
                        rs(c.exact),
                        c.answer,
                        rs(c.answer_text),
                        c.tolerance,
                        rs(c.unit),
                        rs(c.what)
                    ),
                };
                let _ = writeln!(s, "    {block},");
            }
            s.push_str("  ] },\n");
        }
        s.push_str("] },\n");
    }
    s.push_str("];\n");
    s
}

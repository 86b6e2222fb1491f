//! The content test: every lesson in `content/lessons` compiles (every
//! directive parses, every live number and check answer is computed by the
//! engine), and every step that `content/COVERAGE.md` names exists.

use lambda_lessons::compile::{Context, check_coverage, compile_dir};
use lambda_lessons::{Block, Lesson};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().parent().unwrap()
}

fn course() -> Vec<Lesson> {
    compile_dir(&root().join("content/lessons"), &Context::today())
        .unwrap_or_else(|errs| panic!("{}", errs.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")))
}

#[test]
fn every_lesson_compiles() {
    let lessons = course();
    assert!(lessons.len() >= 15, "the course has {} lessons; the issue asks for 15", lessons.len());
    let mut off = Vec::new();
    for (i, l) in lessons.iter().enumerate() {
        assert_eq!(l.number as usize, i + 1, "{} is out of order", l.slug);
        assert!(l.steps.len() >= 3, "{} has only {} steps", l.slug, l.steps.len());
        let (mut words, mut interactive) = (0usize, 0usize);
        for b in l.steps.iter().flat_map(|s| s.blocks) {
            match b {
                Block::Html(h) => words += h.split_whitespace().count(),
                Block::Myth { myth, fact, source } => {
                    words += [myth, fact, source].iter().map(|t| t.split_whitespace().count()).sum::<usize>()
                }
                Block::Check(c) => {
                    words += c.question.split_whitespace().count();
                    interactive += 1;
                }
                Block::Calculator(_) => interactive += 1,
                Block::Code(samples) => words += samples[0].code.split_whitespace().count() / 2,
            }
        }
        // ~200 words a minute of reading plus about a minute per calculator
        // or check; the front matter's reading time must be in that region.
        let expected = words as f64 / 200.0 + interactive as f64;
        println!(
            "{}: {} min stated, {expected:.1} estimated ({words} words, {interactive} interactive)",
            l.slug, l.minutes
        );
        if !((l.minutes as f64) >= expected * 0.6 && (l.minutes as f64) <= expected * 1.5 + 2.0) {
            off.push(format!("{}: {} minutes stated, about {expected:.0} estimated", l.slug, l.minutes));
        }
    }
    assert!(off.is_empty(), "reading times: {}", off.join("; "));
}

#[test]
fn coverage_names_only_real_steps() {
    let lessons = course();
    let text = std::fs::read_to_string(root().join("content/COVERAGE.md")).expect("content/COVERAGE.md");
    let (found, bad) = check_coverage(&text, &lessons);
    assert!(found >= 60, "COVERAGE.md names only {found} steps");
    assert!(
        bad.is_empty(),
        "{}",
        bad.iter().map(|(l, m)| format!("content/COVERAGE.md:{l}: {m}")).collect::<Vec<_>>().join("\n")
    );
    for seed in ["000", "001", "002", "003", "004"] {
        assert!(text.contains(&format!("Seed {seed}")), "COVERAGE.md says nothing about seed {seed}");
    }
    // Every lesson is used by the coverage map.
    for l in &lessons {
        assert!(text.contains(&format!("`{}#", l.slug)), "COVERAGE.md never points into {}", l.slug);
    }
}

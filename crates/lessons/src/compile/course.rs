//! What only the whole course can check: numbering, prerequisites, links,
//! a live calculator and a check in every lesson, answers not given away
//! in the text above them, and the coverage list.

use super::*;

/// Checks what only the whole course can: numbering, prerequisites, links,
/// and that each lesson has a live calculator or number and a check.
pub fn check_course(lessons: &[Compiled], today: Date) -> Vec<Error> {
    let mut errors = Vec::new();
    let err = |file: &str, line: usize, m: String| Error { file: file.to_string(), line, message: m };
    for (k, Compiled { file, lesson, links }) in lessons.iter().enumerate() {
        if lessons[..k].iter().any(|c| c.lesson.number == lesson.number) {
            errors.push(err(file, 1, format!("lesson number {} is used twice", lesson.number)));
        }
        for p in lesson.prerequisites {
            match lessons.iter().position(|c| c.lesson.slug == *p) {
                None => errors.push(err(file, 1, format!("prerequisite '{p}' is not a lesson"))),
                Some(j) if j >= k => {
                    errors.push(err(file, 1, format!("prerequisite '{p}' does not come before this lesson")))
                }
                _ => {}
            }
        }
        let has_live = lesson.steps.iter().flat_map(|s| s.blocks).any(|b| match b {
            Block::Calculator(_) => true,
            Block::Html(h) | Block::Myth { fact: h, .. } => h.contains("class=\"live\""),
            _ => false,
        });
        if !has_live {
            errors.push(err(file, 1, "a lesson needs at least one live calculator or live number".into()));
        }
        if lesson.checks().next().is_none() {
            errors.push(err(file, 1, "a lesson needs at least one check".into()));
        }
        for step in lesson.steps {
            for m in answers_in_step(step, today) {
                errors.push(err(file, 1, format!("step '{}': {m}", step.id)));
            }
        }
        for (target, line) in links {
            if let Some(t) = target.strip_prefix("lesson:") {
                if let Err(m) = resolve_step(lessons.iter().map(|c| &c.lesson), t) {
                    errors.push(err(file, *line, m));
                }
            } else if let Some(t) = target.strip_prefix("calc:") {
                let (name, q) = t.split_once('?').unwrap_or((t, ""));
                match calculators::find(name) {
                    // The account page prices several functions; it has no single query.
                    None if name == "account" && q.is_empty() => {}
                    None => errors.push(err(file, *line, format!("link to unknown calculator '{name}'"))),
                    Some(c) => {
                        if let Err(m) = c.evaluate_query(q, today) {
                            errors.push(err(file, *line, format!("calculator link: {m}")));
                        }
                    }
                }
            }
        }
    }
    errors
}

/// The numbers a reader sees in a step's text (prose, captions, myth boxes),
/// as written: `$3.53`, `1,024`, `0.56`.
pub(super) fn numbers_in(html: &str) -> Vec<(String, f64)> {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut Vec<(String, f64)>| {
        let t = token.trim_end_matches([',', '.']).to_string();
        if t.chars().any(|c| c.is_ascii_digit())
            && let Some(x) = lambda_model::base::decimal::parse_f64(&t.replace(',', ""))
        {
            out.push((t, x));
        }
        token.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() || ((c == ',' || c == '.') && !token.is_empty()) {
            token.push(c);
        } else {
            flush(&mut token, &mut out);
        }
    }
    flush(&mut token, &mut out);
    out
}

/// Significant digits of a number as written (`0.0417` has 3, `1,024` 4).
pub(super) fn significant(written: &str) -> usize {
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let trimmed = digits.trim_start_matches('0');
    let trimmed = if written.contains('.') { trimmed } else { trimmed.trim_end_matches('0') };
    trimmed.len()
}

/// Where a check's answer stands in its own step: a number in the text
/// within the check's tolerance (written with two or more significant
/// digits, so a "3 environments" elsewhere does not count), or the same
/// figure shown by a calculator on the step for the same scenario. A check
/// must make the reader compute, not copy (issue 23).
pub fn answers_in_step(step: &Step, today: Date) -> Vec<String> {
    let mut text = String::new();
    let mut shown: Vec<(&'static str, f64)> = Vec::new();
    for b in step.blocks {
        match b {
            Block::Html(h) => text.push_str(h),
            Block::Myth { myth, fact, .. } => {
                text.push_str(myth);
                text.push(' ');
                text.push_str(fact);
            }
            Block::Calculator(e) => {
                text.push_str(e.caption);
                if let Some(c) = calculators::find(e.calc)
                    && let Ok(metrics) = c.evaluate_query(e.query, today)
                {
                    shown.extend(metrics.iter().filter_map(|(k, v)| v.as_f64().map(|x| (*k, x))));
                }
            }
            _ => {}
        }
        text.push(' ');
    }
    let numbers = numbers_in(&text);
    let mut out = Vec::new();
    for b in step.blocks {
        let Block::Check(c) = b else { continue };
        let scale = if c.unit == "%" { 100.0 } else { 1.0 };
        let close = |x: f64| (x - c.answer).abs() <= c.tolerance.max(c.answer.abs() * 1e-9);
        if let Some((w, _)) = numbers.iter().find(|(w, x)| significant(w) >= 2 && close(*x)) {
            out.push(format!(
                "check {}: its answer ({}) stands in the step's text as \"{w}\"; ask about another scenario",
                c.id, c.answer_text
            ));
        } else if shown.iter().any(|(k, x)| *k == c.metric && close(x * scale)) {
            out.push(format!(
                "check {}: its answer ({}) is what the step's calculator shows as it opens; ask about another scenario",
                c.id, c.answer_text
            ));
        }
    }
    out
}

/// Resolves `01-billing` or `01-billing#step-id` against the lessons.
pub fn resolve_step<'a>(mut lessons: impl Iterator<Item = &'a Lesson>, target: &str) -> Result<(), String> {
    let (slug, step) = target.split_once('#').unwrap_or((target, ""));
    let lesson = lessons.find(|l| l.slug == slug).ok_or_else(|| format!("no lesson '{slug}'"))?;
    if !step.is_empty() && !lesson.steps.iter().any(|s| s.id == step) {
        return Err(format!(
            "lesson '{slug}' has no step '{step}'; its steps: {}",
            lesson.steps.iter().map(|s| s.id).collect::<Vec<_>>().join(", ")
        ));
    }
    Ok(())
}

/// Step references in COVERAGE.md (`` `01-billing#free-tier` ``) that do not
/// resolve, with their line numbers. A reference is a backquoted
/// `NN-slug#step-id`.
pub fn check_coverage(text: &str, lessons: &[Lesson]) -> (usize, Vec<(usize, String)>) {
    let mut found = 0;
    let mut bad = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for (k, part) in line.split('`').enumerate() {
            let is_ref = k % 2 == 1
                && part.contains('#')
                && part.len() > 3
                && part.as_bytes()[..2].iter().all(u8::is_ascii_digit)
                && part.as_bytes()[2] == b'-';
            if is_ref {
                found += 1;
                if let Err(m) = resolve_step(lessons.iter(), part) {
                    bad.push((n + 1, m));
                }
            }
        }
    }
    (found, bad)
}

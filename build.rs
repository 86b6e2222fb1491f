//! Compiles the lessons (`content/lessons/*.md`) into `$OUT_DIR/lessons.rs`.
//! A broken directive, an unknown parameter or a number the engine cannot
//! compute fails the build with the file and line.

use lambda_lessons::compile::{Context, compile_dir, to_rust};
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=content/lessons");
    println!("cargo:rerun-if-changed=src/format.rs");
    let ctx = Context::today();
    match compile_dir(Path::new("content/lessons"), &ctx) {
        Ok(lessons) => {
            check_layouts(&lessons);
            let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("lessons.rs");
            std::fs::write(&out, to_rust(&lessons)).expect("write lessons.rs");
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!("{} error(s) in content/lessons; see above.", errors.len());
            std::process::exit(1);
        }
    }
}

/// Every calculator a lesson mounts is laid out by the embed API's compact
/// layout, as the page will lay it out: a part the calculator does not have
/// (`show:`) or an unknown input (`inputs:`) fails the build.
fn check_layouts(lessons: &[lambda_lessons::Lesson]) {
    let mut bad = Vec::new();
    for l in lessons {
        for (s, e, _) in l.embeds() {
            let page = lambda_site::CALC_PAGES.iter().find(|p| p.module == e.module);
            let specs = lambda_model::calculators::find(e.calc).map(|c| c.specs);
            match (page, specs) {
                (Some(page), Some(specs)) => {
                    let layout = lambda_site::embed::Layout::compact(page, specs, &e.compact_query());
                    bad.extend(layout.notices.iter().map(|n| format!("{} step '{}': {n}", l.slug, s.id)));
                }
                _ => bad.push(format!("{} step '{}': no page for calculator {}", l.slug, s.id, e.calc)),
            }
        }
    }
    if !bad.is_empty() {
        for b in &bad {
            eprintln!("error: {b}");
        }
        std::process::exit(1);
    }
}

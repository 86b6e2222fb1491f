//! The code's shape, checked: the engine's layers import only downward, the
//! app's modules import one another without a circle, and no source file of
//! the engine, the app, the site generator or the lesson compiler is longer
//! than a person reads in one sitting. Each rule is also shown failing on a
//! made-up source, so the test cannot pass by reading nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The engine's layers, lowest first: each may import itself and the ones
/// before it. `docs/ARCHITECTURE.md` draws the same list as a folder tree.
const LAYERS: &[&str] = &["base", "params", "rates", "billing", "models", "simulation", "calculators"];

/// The longest source file allowed, in lines.
const MAX_LINES: usize = 900;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The source without comments and without its test module (tests may use
/// any layer: they are not part of what the code depends on).
fn production_code(src: &str) -> String {
    let cut = src.find("#[cfg(test)]\nmod tests {").map_or(src, |i| &src[..i]);
    cut.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every module a source names from the crate root: `crate::a::b` gives
/// `a`, and `use crate::{a::x, b}` gives `a` and `b`.
fn crate_modules(code: &str) -> BTreeSet<String> {
    crate_paths(code)
        .into_iter()
        .filter_map(|p| p.into_iter().next())
        .filter(|m| !m.is_empty() && m != "self")
        .collect()
}

fn ident(s: &str) -> &str {
    let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
    &s[..end]
}

fn brace_end(s: &str) -> usize {
    let mut depth = 1;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

fn split_top(s: &str) -> Vec<&str> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

/// Every import in the engine that runs up a layer, as "file → layer".
fn upward_imports(files: &[(String, String)]) -> Vec<String> {
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut bad = Vec::new();
    for (path, src) in files {
        let Some(own) = rank(path.split('/').next().unwrap_or("")) else { continue };
        for m in crate_modules(&production_code(src)) {
            if let Some(r) = rank(&m)
                && r > own
            {
                bad.push(format!("{path} imports {m}"));
            }
        }
    }
    bad
}

/// The items a source defines at its top level (`pub fn x`, `struct X`, …).
fn items(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in code.lines().filter(|l| !l.starts_with(' ')) {
        let mut words = line.split_whitespace().skip_while(|w| w.starts_with("pub") || *w == "async" || *w == "const");
        if let (Some(kind), Some(name)) = (words.next(), words.next())
            && ["fn", "struct", "enum", "trait", "type", "static", "macro_rules!"].contains(&kind)
        {
            out.insert(ident(name).to_string());
        }
        if let Some(rest) = line.strip_prefix("pub const ").or_else(|| line.strip_prefix("const ")) {
            out.insert(ident(rest).to_string());
        }
    }
    out
}

/// Every path a source names from the crate root, as its first segments:
/// `crate::a::b::c` gives `[a, b]`, `use crate::{a::x, b}` gives `[a, x]`
/// and `[b]`.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    // A path's first segment, and its second (or each one of a `{…}` list).
    let two = |s: &str| -> Vec<String> {
        let mut v = vec![ident(s).to_string()];
        if let Some(after) = s[v[0].len()..].strip_prefix("::") {
            match after.strip_prefix('{') {
                Some(list) => v.extend(split_top(&list[..brace_end(list)]).iter().map(|p| ident(p.trim()).to_string())),
                None => v.push(ident(after).to_string()),
            }
        }
        v
    };
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + 7..];
        let before = rest[..i].chars().last();
        rest = after;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(list) = after.strip_prefix('{') {
            for part in split_top(&list[..brace_end(list)]) {
                out.push(two(part.trim()));
            }
        } else {
            out.push(two(after));
        }
    }
    out
}

/// A circle of imports among the app's files, if there is one. A file is a
/// node (`pages/cost`, `components/state`); a path into a folder module
/// (`crate::components::CalcState`) leads to the file that defines the item,
/// so a folder's re-exports cannot hide a circle.
fn import_circle(files: &[(String, String)]) -> Option<Vec<String>> {
    let node = |path: &str| path.trim_end_matches(".rs").trim_end_matches("/mod").to_string();
    let codes: Vec<(String, String)> = files.iter().map(|(p, s)| (node(p), production_code(s))).collect();
    let names: BTreeSet<&str> = codes.iter().map(|(n, _)| n.as_str()).collect();
    let defined: Vec<(&str, BTreeSet<String>)> = codes.iter().map(|(n, c)| (n.as_str(), items(c))).collect();
    let resolve = |path: &[String]| -> Vec<String> {
        let Some(first) = path.first() else { return vec![] };
        let mut out = vec![];
        for second in path.iter().skip(1) {
            let file = format!("{first}/{second}");
            if names.contains(file.as_str()) {
                out.push(file);
            } else if let Some((n, _)) =
                defined.iter().find(|(n, it)| n.starts_with(&format!("{first}/")) && it.contains(second))
            {
                out.push(n.to_string());
            }
        }
        if out.is_empty() {
            out.push(first.clone());
        }
        out
    };
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, code) in &codes {
        let mut to: BTreeSet<String> = crate_paths(code).iter().flat_map(|p| resolve(p)).collect();
        to.retain(|m| names.contains(m.as_str()) && m != from && !from.starts_with(&format!("{m}/")));
        edges.insert(from.clone(), to);
    }
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            let mut circle = path[i..].to_vec();
            circle.push(n.to_string());
            return Some(circle);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges.keys().find_map(|n| visit(n, &edges, &mut Vec::new(), &mut done))
}

fn read_tree(dir: &str) -> Vec<(String, String)> {
    let base = root().join(dir);
    rust_files(&base)
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&base).unwrap().to_string_lossy().replace('\\', "/");
            (rel, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn the_engine_imports_only_downward() {
    let files = read_tree("crates/model/src");
    assert!(files.len() > 30, "the engine's files were not found");
    for dir in LAYERS {
        assert!(files.iter().any(|(p, _)| p.starts_with(&format!("{dir}/"))), "no layer folder {dir}/");
    }
    let stray: Vec<&str> =
        files.iter().map(|(p, _)| p.as_str()).filter(|p| !p.contains('/') && *p != "lib.rs").collect();
    assert!(stray.is_empty(), "files outside the layers: {stray:?}");
    let bad = upward_imports(&files);
    assert!(bad.is_empty(), "imports that run up a layer:\n{}", bad.join("\n"));
}

#[test]
fn an_upward_import_is_caught() {
    let files = vec![
        ("rates/lambda.rs".to_string(), "use crate::base::money::Rate;\nuse crate::params::Values;\n".to_string()),
        ("billing/input.rs".to_string(), "fn f() { crate::calculators::profile::is_profile_key(\"x\"); }".to_string()),
        ("params/query.rs".to_string(), "use crate::{base::num::fmt_num, simulation::SIM};\n".to_string()),
        (
            "base/money.rs".to_string(),
            "// crate::calculators in a comment\n#[cfg(test)]\nmod tests {\n    use crate::billing::X;\n}\n"
                .to_string(),
        ),
    ];
    assert_eq!(upward_imports(&files), ["billing/input.rs imports calculators", "params/query.rs imports simulation"]);
}

#[test]
fn the_app_has_no_import_circle() {
    let files = read_tree("src");
    assert!(files.iter().any(|(p, _)| p == "components.rs" || p.starts_with("components/")));
    if let Some(c) = import_circle(&files) {
        panic!("the app's modules import in a circle: {}", c.join(" → "));
    }
}

#[test]
fn a_circle_is_caught() {
    let files = vec![
        ("state.rs".to_string(), "use crate::fields::Field;".to_string()),
        ("fields.rs".to_string(), "use crate::{format, pages::cost::X};".to_string()),
        ("format.rs".to_string(), "".to_string()),
        ("pages/cost.rs".to_string(), "fn f() { crate::state::go(); }".to_string()),
    ];
    assert_eq!(import_circle(&files).unwrap(), ["fields", "pages/cost", "state", "fields"]);
    assert_eq!(import_circle(&files[1..]), None);
    // Through a folder's re-exports: `crate::parts::Toolbar` is parts/toolbar.rs.
    let folder = vec![
        ("parts/mod.rs".to_string(), "mod toolbar;\npub use toolbar::*;\n".to_string()),
        ("parts/toolbar.rs".to_string(), "use crate::dialog::EmbedButton;\npub fn Toolbar() {}\n".to_string()),
        ("parts/state.rs".to_string(), "pub struct CalcState;\n".to_string()),
        ("dialog.rs".to_string(), "use crate::parts::CalcState;\npub fn EmbedButton() {}\n".to_string()),
    ];
    assert_eq!(import_circle(&folder), None);
    let mut circle = folder.clone();
    circle[2].1.push_str("fn f() { crate::dialog::EmbedButton(); }\n");
    assert_eq!(import_circle(&circle).unwrap(), ["dialog", "parts/state", "dialog"]);
}

#[test]
fn no_source_file_is_too_long() {
    let mut long = Vec::new();
    for dir in ["crates/model/src", "src", "crates/site/src", "crates/lessons/src"] {
        for (p, src) in read_tree(dir) {
            let n = src.lines().count();
            if n > MAX_LINES {
                long.push(format!("{dir}/{p}: {n} lines"));
            }
        }
    }
    assert!(long.is_empty(), "files over {MAX_LINES} lines:\n{}", long.join("\n"));
}

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

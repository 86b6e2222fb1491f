//! Compiles the lessons (`content/lessons/*.md`) into `$OUT_DIR/lessons.rs`.
//! A broken directive, an unknown parameter or a number the engine cannot
//! compute fails the build with the file and line.

use lambda_lessons::compile::{Context, compile_dir, to_rust};
use lambda_model::scenario::Date;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=content/lessons");
    println!("cargo:rerun-if-changed=src/format.rs");
    // Live numbers that depend on the date (INIT billing) use the build date,
    // as the calculators use the visitor's.
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let ctx = Context { today: Date::from_unix_days((secs / 86_400) as i64) };
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

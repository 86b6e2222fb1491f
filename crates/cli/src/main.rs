//! The `lambda-lab` binary: reads the arguments (which must be text), runs
//! the command, and writes the result (see `lib.rs`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = Vec::new();
    for (n, a) in std::env::args_os().skip(1).enumerate() {
        match a.into_string() {
            Ok(s) => args.push(s),
            Err(raw) => {
                eprintln!(
                    "lambda-lab: argument {} ({}) is not valid UTF-8; flags and values are plain text, e.g. --memory-mb 512",
                    n + 1,
                    raw.to_string_lossy()
                );
                return ExitCode::from(2);
            }
        }
    }
    match lambda_lab_cli::run(&args) {
        Ok(out) => write_out(&out),
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

/// Prints the result. A closed pipe (`lambda-lab … | head`) ends quietly; any
/// other failure to write (a full disk) is said, with exit code 1.
fn write_out(out: &str) -> ExitCode {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{out}").and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lambda-lab: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

//! Installs the pinned build and test tools, skipping each one that is already
//! present at its pinned version. Nothing here downloads a prebuilt binary:
//! trunk and wasm-bindgen-cli build from crates.io, wasm-opt comes from the
//! npm package `binaryen`, Chromium from Debian's packages.

use crate::{Result, root, run};
use std::path::PathBuf;
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_OPT_VERSION: &str = "132";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// PATH with cargo's bin folder and the npm build tools in front.
pub fn path_with_tools() -> std::ffi::OsString {
    let mut dirs = vec![root().join("xtask/tools/node_modules/.bin"), cargo_bin()];
    if let Some(p) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&p));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// First line of `prog args…` (stdout), if it runs.
fn version_of(prog: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(prog).args(args).env("PATH", path_with_tools()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or("").trim().to_string())
}

/// The wasm-bindgen version that Cargo.lock resolved.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "name = \"wasm-bindgen\""
            && let Some(v) = lines.next().and_then(|v| v.trim().strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_string());
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

/// Trunk.toml must pin the same wasm-bindgen as Cargo.lock, or Trunk would
/// try to download another one.
fn check_trunk_pin(wb: &str) -> Result {
    let toml = std::fs::read_to_string(root().join("Trunk.toml")).map_err(|e| e.to_string())?;
    let want = format!("wasm_bindgen = \"{wb}\"");
    if !toml.lines().any(|l| l.trim() == want) {
        return Err(format!("Trunk.toml [tools] must say {want} (the version in Cargo.lock)"));
    }
    if !toml.lines().any(|l| l.trim() == format!("wasm_opt = \"version_{WASM_OPT_VERSION}\"")) {
        return Err(format!("Trunk.toml [tools] must say wasm_opt = \"version_{WASM_OPT_VERSION}\""));
    }
    Ok(())
}

pub fn ensure_build_tools() -> Result {
    let installed = Command::new("rustup").args(["target", "list", "--installed"]).output();
    match installed {
        Ok(o) if String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == WASM_TARGET) => {
            println!("xtask: {WASM_TARGET} target present, skipped");
        }
        _ => run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?,
    }

    if version_of("trunk", &["--version"]).as_deref() == Some(&format!("trunk {TRUNK_VERSION}")) {
        println!("xtask: trunk {TRUNK_VERSION} present, skipped");
    } else {
        println!(
            "xtask: installing trunk {TRUNK_VERSION} from crates.io (a build tool: light profile, usually 4-6 min on 2 cores)"
        );
        run(light_install().args(["trunk", "--version", TRUNK_VERSION, "--locked"]))?;
    }

    let wb = locked_wasm_bindgen()?;
    check_trunk_pin(&wb)?;
    if version_of("wasm-bindgen", &["--version"]).as_deref() == Some(&format!("wasm-bindgen {wb}")) {
        println!("xtask: wasm-bindgen-cli {wb} present, skipped");
    } else {
        // `--locked` does not resolve for some wasm-bindgen-cli releases.
        println!("xtask: installing wasm-bindgen-cli {wb} from crates.io (light profile, usually 2-4 min on 2 cores)");
        run(light_install().args(["wasm-bindgen-cli", "--version", &wb, "--force"]))?;
    }

    let bin = root().join("xtask/tools/node_modules/.bin");
    let wasm_opt = bin.join("wasm-opt");
    let has_opt = wasm_opt.exists()
        && version_of(&wasm_opt.to_string_lossy(), &["--version"])
            .is_some_and(|v| v.contains(&format!("version_{WASM_OPT_VERSION}")));
    if has_opt && bin.join("terser").exists() {
        println!("xtask: wasm-opt {WASM_OPT_VERSION} and terser present, skipped");
    } else {
        run(npm(&["ci", "--no-audit", "--no-fund"]).current_dir(root().join("xtask/tools")))?;
    }
    Ok(())
}

/// `cargo install` with a light release profile: trunk and wasm-bindgen-cli
/// only orchestrate and rewrite a few megabytes, so fat LTO and one codegen
/// unit (their own profiles) cost many minutes of compiling for nothing we
/// would notice at run time.
fn light_install() -> Command {
    let mut c = Command::new("cargo");
    c.arg("install")
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("CARGO_PROFILE_RELEASE_INCREMENTAL", "false");
    c
}

fn npm(args: &[&str]) -> Command {
    let mut c = Command::new("npm");
    c.args(args);
    c
}

pub fn ensure_e2e_tools() -> Result {
    if version_of("/usr/bin/chromium", &["--version"]).is_some() {
        println!("xtask: chromium present, skipped");
    } else {
        let sudo = !is_root() && version_of("sudo", &["--version"]).is_some();
        let apt = |args: &[&str]| {
            let mut c = Command::new(if sudo { "sudo" } else { "apt-get" });
            if sudo {
                c.arg("apt-get");
            }
            c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            c
        };
        run(&mut apt(&["update"]))?;
        run(&mut apt(&["install", "-y", "--no-install-recommends", "chromium", "chromium-driver"]))?;
    }
    let e2e = root().join("e2e");
    // node_modules is current when it was installed from this exact lock file.
    let lock =
        std::fs::read(e2e.join("package-lock.json")).map_err(|e| format!("reading e2e/package-lock.json: {e}"))?;
    let stamp = e2e.join("node_modules/.lambda-lab-lock-hash");
    let want = format!("{:016x}", fnv1a(&lock));
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s.trim() == want) {
        println!("xtask: e2e node_modules match package-lock.json, skipped");
    } else {
        run(npm(&["ci", "--no-audit", "--no-fund"]).current_dir(&e2e))?;
        std::fs::write(&stamp, &want).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// FNV-1a, 64-bit: a stable fingerprint for the lock file.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

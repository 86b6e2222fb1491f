//! `lambda-lab` given what a careless user or a script can give it: bytes
//! that are not text, an output that cannot be written, a log with a bad
//! byte, a scenario with a million unknown keys (issues 15 and 16).

use std::process::{Command, Stdio};

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lambda-lab"))
}

#[cfg(unix)]
#[test]
fn a_non_utf8_argument_exits_2_with_a_message() {
    use std::os::unix::ffi::OsStrExt;
    for args in
        [vec![&b"cost"[..], &b"\xff"[..]], vec![&b"cost"[..], &b"--memory-mb"[..], &b"5\xc312"[..]], vec![&b"\xfe"[..]]]
    {
        let out = cli().args(args.iter().map(|a| std::ffi::OsStr::from_bytes(a))).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("lambda-lab: argument ") && err.contains("not valid UTF-8"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_with_a_message_not_a_panic() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = cli().args(["cost", "--memory-mb", "512"]).stdout(full).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("lambda-lab: cannot write the output"), "{err}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = cli().args(["cost", "--math"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.code() == Some(0), "{:?}", out.status);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_log_with_a_bad_byte_loses_one_line_not_the_file() {
    let dir = std::env::temp_dir().join(format!("lambda-lab-log-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("function.log");
    let mut log = Vec::new();
    for (mb, ms) in [(512, "200.5"), (512, "199.5"), (1024, "101.2"), (2048, "55.0")] {
        log.extend_from_slice(format!("REPORT RequestId: x\tDuration: {ms} ms\tMemory Size: {mb} MB\n").as_bytes());
    }
    log.extend_from_slice(b"2026-01-01 app said \xff\xfe\n");
    std::fs::write(&path, &log).unwrap();
    let out = cli().args(["power", "--report-log"]).arg(&path).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("4 REPORT lines (0 cold), 1 other lines skipped, 0 malformed"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn sixty_thousand_unknown_keys_make_a_short_message() {
    let dir = std::env::temp_dir().join(format!("lambda-lab-keys-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("scenario.json");
    let keys: Vec<String> = (0..60_000).map(|i| format!("\"k{i}\":1")).collect();
    std::fs::write(&path, format!("{{\"calculator\":\"cost\",\"params\":{{{}}}}}", keys.join(","))).unwrap();
    let out = cli().args(["cost", "--scenario"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.len() < 300, "{} bytes", err.len());
    assert!(err.contains("k0, k1, k2, k3, k4 and 59995 more"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Issue 28 item 7: files are read with their limit checked while reading,
/// so a huge file or an endless device is refused without being held.
#[cfg(target_os = "linux")]
#[test]
fn huge_and_endless_files_are_refused_while_reading() {
    let dir = std::env::temp_dir().join(format!("lambda-lab-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A 2 MB scenario, valid JSON: refused, the limit is 1 MB.
    let path = dir.join("big.json");
    let pad = " ".repeat(2_000_000);
    std::fs::write(&path, format!("{{\"calculator\":\"cost\",\"params\":{{}}{pad}}}")).unwrap();
    let out = cli().args(["cost", "--scenario"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("larger than 1 MB"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A 2 GB sparse file and /dev/zero: refused after reading past the limit only.
    let sparse = dir.join("sparse.json");
    std::fs::File::create(&sparse).unwrap().set_len(2 << 30).unwrap();
    for (cmd, flag, file, says) in [
        ("cost", "--scenario", sparse.to_str().unwrap(), "larger than 1 MB"),
        ("cost", "--scenario", "/dev/zero", "larger than 1 MB"),
        ("power", "--report-log", "/dev/zero", "larger than 256 MB"),
    ] {
        let out = cli().args([cmd, flag, file]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd} {flag} {file}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{cmd} {flag} {file}: {err}");
    }
    // The limits are stated in the help.
    let help = String::from_utf8(cli().arg("--help").output().unwrap().stdout).unwrap();
    assert!(help.contains("at most 1 MB") && help.contains("at most 256 MB"), "{help}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_report_log_is_read_line_by_line_like_a_paste() {
    // Slices end mid-line: the figures are those of the same text parsed whole.
    let dir = std::env::temp_dir().join(format!("lambda-lab-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("run.log");
    let mut log = String::new();
    for i in 0..40_000 {
        let mb = [512, 1024, 2048][i % 3];
        log.push_str(&format!("START RequestId: {i}\nREPORT RequestId: {i}\tDuration: {}.25 ms\tBilled Duration: 100 ms\tMemory Size: {mb} MB\tMax Memory Used: 90 MB\r\n", 100 + i % 7));
    }
    std::fs::write(&path, &log).unwrap();
    let out = cli().args(["power", "--report-log"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("40000 REPORT lines (0 cold), 40000 other lines skipped, 0 malformed"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}

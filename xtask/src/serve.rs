//! A small static file server for the built site, mounted under a sub-path the
//! way GitHub Pages mounts a project site: files under the prefix are served
//! as they are, any other path under it gets `404.html` with status 404 (the
//! SPA fallback), and paths outside the prefix get a plain 404.

use crate::Result;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;

pub struct StaticServer {
    pub port: u16,
    handle: JoinHandle<()>,
}

impl StaticServer {
    /// Binds 127.0.0.1 (port 0 picks a free one) and serves in a background thread.
    pub fn start(dir: PathBuf, prefix: String, port: u16) -> Result<StaticServer> {
        if !dir.join("index.html").exists() {
            return Err(format!("{} has no index.html; build it first", dir.display()));
        }
        let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("binding port {port}: {e}"))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let handle = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (dir, prefix) = (dir.clone(), prefix.clone());
                std::thread::spawn(move || {
                    let _ = handle(stream, &dir, &prefix);
                });
            }
        });
        Ok(StaticServer { port, handle })
    }

    pub fn join(self) {
        let _ = self.handle.join();
    }
}

fn handle(mut stream: TcpStream, dir: &Path, prefix: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(());
        }
        let mut keep_alive = true;
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
                break;
            }
            if h.to_ascii_lowercase().starts_with("connection:") && h.to_ascii_lowercase().contains("close") {
                keep_alive = false;
            }
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let (status, ctype, body) = respond(dir, prefix, path);
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nAccess-Control-Allow-Origin: *\r\n{}\r\n",
            body.len(),
            if keep_alive { "" } else { "Connection: close\r\n" }
        );
        stream.write_all(head.as_bytes())?;
        if method != "HEAD" {
            stream.write_all(&body)?;
        }
        if !keep_alive {
            return Ok(());
        }
    }
}

fn respond(dir: &Path, prefix: &str, path: &str) -> (&'static str, &'static str, Vec<u8>) {
    let not_found = || ("404 Not Found", "text/plain; charset=utf-8", b"not found".to_vec());
    let rel = if path.trim_end_matches('/') == prefix.trim_end_matches('/') {
        ""
    } else if let Some(rest) = path.strip_prefix(prefix) {
        rest
    } else {
        return not_found();
    };
    let decoded = decode_path(rel);
    let mut file = dir.to_path_buf();
    for c in Path::new(&decoded).components() {
        match c {
            Component::Normal(p) => file.push(p),
            Component::CurDir => {}
            _ => return not_found(),
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) => ("200 OK", content_type(&file), body),
        Err(_) => match std::fs::read(dir.join("404.html")) {
            Ok(body) => ("404 Not Found", "text/html; charset=utf-8", body),
            Err(_) => not_found(),
        },
    }
}

/// Minimal `%XX` decoding for file paths.
fn decode_path(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_under_the_prefix_with_spa_fallback() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("assets")).unwrap();
        std::fs::write(dir.join("index.html"), "index").unwrap();
        std::fs::write(dir.join("404.html"), "fallback").unwrap();
        std::fs::write(dir.join("assets/a.wasm"), "wasm").unwrap();
        let p = "/lambda-lab/";
        assert_eq!(respond(&dir, p, "/lambda-lab/").2, b"index");
        assert_eq!(respond(&dir, p, "/lambda-lab").2, b"index");
        let (s, t, b) = respond(&dir, p, "/lambda-lab/assets/a.wasm");
        assert_eq!((s, t, b.as_slice()), ("200 OK", "application/wasm", b"wasm".as_slice()));
        let (s, _, b) = respond(&dir, p, "/lambda-lab/about");
        assert_eq!((s, b.as_slice()), ("404 Not Found", b"fallback".as_slice()));
        assert_eq!(respond(&dir, p, "/other/").2, b"not found");
        assert_eq!(respond(&dir, p, "/lambda-lab/../secret").2, b"not found");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

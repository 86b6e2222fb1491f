//! A small static file server that behaves like a real static host (GitHub
//! Pages, Netlify, nginx), mounted under a sub-path the way GitHub Pages
//! mounts a project site:
//!
//! - real files only: a folder answers with its `index.html`, a folder named
//!   without its trailing slash is redirected (301) to it, with its query;
//!   anything else gets `404.html` with status 404 (no SPA fallback);
//! - gzip: the precompressed `<file>.gz` that `dist` writes, or compressed on
//!   the fly, when the browser accepts it;
//! - `Cache-Control: public, max-age=31536000, immutable` for files whose name
//!   carries a content hash, `no-cache` with an `ETag` (and `304` for a
//!   matching `If-None-Match`) for the rest;
//! - `Access-Control-Allow-Origin: *` on everything, like GitHub Pages, so
//!   embeds work from any origin and in sandboxed iframes.
//!
//! Beside the files, `/oembed` (outside the site's prefix, as on its own
//! function URL) is answered by the oEmbed handler (`lambda-lab-oembed`), the
//! same one the AWS Lambda function runs, for the site at this host.

use crate::Result;
use std::hash::{Hash, Hasher};
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
        StaticServer::serve(bind(port)?, dir, prefix)
    }

    /// Serves on a listener bound earlier ([`bind`]): the test build is made
    /// for the port it will be served on, so its absolute addresses (the
    /// oEmbed discovery links) reach this server.
    pub fn serve(listener: TcpListener, dir: PathBuf, prefix: String) -> Result<StaticServer> {
        if !dir.join("index.html").exists() {
            return Err(format!("{} has no index.html; build it first", dir.display()));
        }
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

/// Binds 127.0.0.1 (port 0 picks a free one).
pub fn bind(port: u16) -> Result<TcpListener> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("binding port {port}: {e}"))
}

/// What the client asked for, as far as a static host cares.
#[derive(Default)]
pub struct Request {
    pub target: String,
    pub accepts_gzip: bool,
    pub if_none_match: Option<String>,
    /// The `Host` header: the site's address for the oEmbed handler.
    pub host: Option<String>,
}

/// An answer: status line, headers, body.
pub struct Response {
    pub status: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

fn handle(mut stream: TcpStream, dir: &Path, prefix: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(());
        }
        let mut keep_alive = true;
        let mut req = Request::default();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
                break;
            }
            let (name, value) = h.split_once(':').unwrap_or((&h, ""));
            let (name, value) = (name.trim().to_ascii_lowercase(), value.trim());
            match name.as_str() {
                "connection" if value.to_ascii_lowercase().contains("close") => keep_alive = false,
                "accept-encoding" => req.accepts_gzip = value.split(',').any(|e| e.trim().starts_with("gzip")),
                "if-none-match" => req.if_none_match = Some(value.to_string()),
                "host" => req.host = Some(value.to_string()),
                _ => {}
            }
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        req.target = parts.next().unwrap_or("/").to_string();
        let resp = if method == "GET" || method == "HEAD" {
            respond(dir, prefix, &req)
        } else {
            Response {
                status: "405 Method Not Allowed",
                headers: vec![("Allow", "GET, HEAD".into())],
                body: Vec::new(),
            }
        };
        let mut head = format!(
            "HTTP/1.1 {}\r\nContent-Length: {}\r\nAccess-Control-Allow-Origin: *\r\n",
            resp.status,
            resp.body.len()
        );
        for (n, v) in &resp.headers {
            head.push_str(&format!("{n}: {v}\r\n"));
        }
        if !keep_alive {
            head.push_str("Connection: close\r\n");
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        if method != "HEAD" {
            stream.write_all(&resp.body)?;
        }
        if !keep_alive {
            return Ok(());
        }
    }
}

fn plain_404() -> Response {
    Response {
        status: "404 Not Found",
        headers: vec![("Content-Type", "text/plain; charset=utf-8".into()), ("Cache-Control", "no-cache".into())],
        body: b"not found".to_vec(),
    }
}

/// The answer for one request, as a static host would give it.
pub fn respond(dir: &Path, prefix: &str, req: &Request) -> Response {
    let (path, query) = match req.target.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (req.target.as_str(), None),
    };
    let path = path.split('#').next().unwrap_or("/");
    if matches!(path, "/oembed" | "/oembed/") || path.starts_with("/card/") || path.starts_with("/share/") {
        return dynamic(prefix, req, path, query.unwrap_or(""));
    }
    let rel = if path == prefix || path == prefix.trim_end_matches('/') {
        if path == prefix || prefix == "/" {
            ""
        } else {
            return redirect(prefix, query);
        }
    } else if let Some(rest) = path.strip_prefix(prefix) {
        rest
    } else {
        return plain_404();
    };
    let decoded = decode_path(rel);
    let mut file = dir.to_path_buf();
    for c in Path::new(&decoded).components() {
        match c {
            Component::Normal(p) => file.push(p),
            Component::CurDir => {}
            _ => return plain_404(),
        }
    }
    if file.is_dir() {
        if !(rel.is_empty() || rel.ends_with('/')) {
            return redirect(&format!("{path}/"), query);
        }
        file.push("index.html");
    }
    // The precompressed copies are not pages of their own.
    let is_gz_copy = file.extension().is_some_and(|e| e == "gz");
    match std::fs::read(&file) {
        Ok(body) if !is_gz_copy => serve_file(&file, body, "200 OK", is_hashed_path(rel), req),
        _ => match std::fs::read(dir.join("404.html")) {
            Ok(body) => serve_file(&dir.join("404.html"), body, "404 Not Found", false, req),
            Err(_) => plain_404(),
        },
    }
}

/// The oEmbed handler's answer, for the site at this request's host.
fn dynamic(prefix: &str, req: &Request, path: &str, query: &str) -> Response {
    let host = req.host.as_deref().filter(|h| !h.is_empty()).unwrap_or("127.0.0.1");
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let cfg = lambda_lab_oembed::Config {
        site: format!("http://{host}{prefix}"),
        endpoint: format!("http://{host}/"),
        today: lambda_model::params::Date::from_unix_days((secs / 86_400) as i64),
    };
    let r = lambda_lab_oembed::handle(
        &cfg,
        &lambda_lab_oembed::Request { method: "GET".into(), path: path.into(), query: query.into() },
    );
    let status = match r.status {
        200 => "200 OK",
        400 => "400 Bad Request",
        404 => "404 Not Found",
        405 => "405 Method Not Allowed",
        501 => "501 Not Implemented",
        _ => "500 Internal Server Error",
    };
    Response {
        status,
        headers: vec![("Content-Type", r.content_type.into()), ("Cache-Control", r.cache_control.into())],
        body: r.body,
    }
}

fn redirect(to: &str, query: Option<&str>) -> Response {
    let location = match query {
        Some(q) => format!("{to}?{q}"),
        None => to.to_string(),
    };
    Response {
        status: "301 Moved Permanently",
        headers: vec![("Location", location), ("Content-Type", "text/plain; charset=utf-8".into())],
        body: Vec::new(),
    }
}

fn is_hashed_path(rel: &str) -> bool {
    crate::site::is_hashed(rel)
}

fn serve_file(file: &Path, body: Vec<u8>, status: &'static str, hashed: bool, req: &Request) -> Response {
    let ctype = content_type(file);
    let mut h = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut h);
    let tag = format!("{:016x}", h.finish());
    let compressible =
        ctype.starts_with("text/") || ctype.contains("json") || ctype.contains("wasm") || ctype.contains("svg");
    let (body, etag, gzipped) = if req.accepts_gzip && compressible {
        let mut gz = file.as_os_str().to_owned();
        gz.push(".gz");
        let zipped = std::fs::read(PathBuf::from(gz)).unwrap_or_else(|_| crate::site::gzip(&body));
        (zipped, format!("\"{tag}-gz\""), true)
    } else {
        (body, format!("\"{tag}\""), false)
    };
    let cache = if hashed { "public, max-age=31536000, immutable" } else { "no-cache" };
    let mut headers =
        vec![("Content-Type", ctype.to_string()), ("Cache-Control", cache.to_string()), ("ETag", etag.clone())];
    if compressible {
        headers.push(("Vary", "Accept-Encoding".into()));
    }
    if gzipped {
        headers.push(("Content-Encoding", "gzip".into()));
    }
    let not_modified = status == "200 OK"
        && req
            .if_none_match
            .as_deref()
            .is_some_and(|v| v.split(',').any(|t| t.trim().trim_start_matches("W/") == etag));
    if not_modified {
        return Response { status: "304 Not Modified", headers, body: Vec::new() };
    }
    Response { status, headers, body }
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

    impl Response {
        fn header(&self, name: &str) -> Option<&str> {
            self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
        }
    }

    fn get(dir: &Path, target: &str) -> Response {
        respond(dir, "/lambda-lab/", &Request { target: target.into(), ..Default::default() })
    }

    #[test]
    fn serves_real_files_like_a_static_host() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("about")).unwrap();
        std::fs::create_dir_all(dir.join("modules/cost-0123456789abcdef")).unwrap();
        std::fs::write(dir.join("index.html"), "index").unwrap();
        std::fs::write(dir.join("404.html"), "missing").unwrap();
        std::fs::write(dir.join("about/index.html"), "about").unwrap();
        std::fs::write(dir.join("modules/cost-0123456789abcdef/a.wasm"), "wasm").unwrap();
        std::fs::write(dir.join("modules/cost-0123456789abcdef/a.wasm.gz"), "zipped").unwrap();

        assert_eq!(get(&dir, "/lambda-lab/").body, b"index");
        let r = get(&dir, "/lambda-lab");
        assert_eq!((r.status, r.header("Location")), ("301 Moved Permanently", Some("/lambda-lab/")));
        assert_eq!(get(&dir, "/lambda-lab/about/").body, b"about");
        // A folder without its slash is redirected, keeping the query.
        let r = get(&dir, "/lambda-lab/about?x=1&y=2");
        assert_eq!((r.status, r.header("Location")), ("301 Moved Permanently", Some("/lambda-lab/about/?x=1&y=2")));
        // No SPA fallback: an unknown path is the 404 page with status 404.
        let r = get(&dir, "/lambda-lab/no/such/page");
        assert_eq!((r.status, r.body.as_slice()), ("404 Not Found", b"missing".as_slice()));
        assert_eq!(get(&dir, "/lambda-lab/about/index.html.gz").status, "404 Not Found");
        assert_eq!(get(&dir, "/other/").body, b"not found");
        assert_eq!(get(&dir, "/lambda-lab/../secret").body, b"not found");

        // Hashed files are immutable; the rest revalidate with an ETag.
        let wasm = get(&dir, "/lambda-lab/modules/cost-0123456789abcdef/a.wasm");
        assert_eq!(wasm.header("Content-Type"), Some("application/wasm"));
        assert_eq!(wasm.header("Cache-Control"), Some("public, max-age=31536000, immutable"));
        let about = get(&dir, "/lambda-lab/about/");
        assert_eq!(about.header("Cache-Control"), Some("no-cache"));
        let etag = about.header("ETag").unwrap().to_string();
        let again = respond(
            &dir,
            "/lambda-lab/",
            &Request { target: "/lambda-lab/about/".into(), if_none_match: Some(etag), ..Default::default() },
        );
        assert_eq!((again.status, again.body.len()), ("304 Not Modified", 0));

        // gzip: the precompressed copy when there is one, else compressed here.
        let gz = |t: &str| {
            respond(&dir, "/lambda-lab/", &Request { target: t.into(), accepts_gzip: true, ..Default::default() })
        };
        let w = gz("/lambda-lab/modules/cost-0123456789abcdef/a.wasm");
        assert_eq!((w.header("Content-Encoding"), w.body.as_slice()), (Some("gzip"), b"zipped".as_slice()));
        let a = gz("/lambda-lab/about/");
        assert_eq!(a.header("Content-Encoding"), Some("gzip"));
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(a.body.as_slice()), &mut text).unwrap();
        assert_eq!(text, "about");
        assert_ne!(a.header("ETag"), about.header("ETag"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

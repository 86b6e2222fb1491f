//! The oEmbed endpoint on AWS Lambda, behind a function URL
//! (docs/DEPLOY-OEMBED.md). Every request goes to `lambda_lab_oembed::handle`,
//! the same handler `cargo xtask static` serves, so what the e2e suite tests
//! is what runs here.
//!
//! Configuration (environment): `LAMBDA_LAB_SITE`, the site's public address
//! with its trailing slash (`https://lambda-lab.github.io/lambda-lab/`).
//! Prices are read for the day of the request.

use lambda_http::{Body, Error, Request, Response, run, service_fn};
use lambda_lab_oembed::Config;
use lambda_model::params::Date;

/// One function-URL request through the handler.
fn respond(site: &str, today: Date, req: &Request) -> Response<Body> {
    // The function URL's own address, for the cards it draws.
    let host = req.headers().get("host").and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let cfg = Config { site: site.to_string(), endpoint: format!("https://{host}/"), today };
    let r = lambda_lab_oembed::handle(
        &cfg,
        &lambda_lab_oembed::Request {
            method: req.method().as_str().to_string(),
            path: req.uri().path().to_string(),
            query: req.uri().query().unwrap_or("").to_string(),
        },
    );
    let body = if req.method() == "HEAD" { Body::Empty } else { Body::Binary(r.body) };
    Response::builder()
        .status(r.status)
        .header("content-type", r.content_type)
        .header("cache-control", r.cache_control)
        .header("access-control-allow-origin", "*")
        .header("x-content-type-options", "nosniff")
        .body(body)
        .unwrap_or_else(|_| Response::new(Body::Empty))
}

fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Date::from_unix_days((secs / 86_400) as i64)
}

/// The site's address from the environment, with its trailing slash.
fn site_from_env(value: Option<String>) -> Result<String, String> {
    let v = value.filter(|v| v.starts_with("https://") || v.starts_with("http://")).ok_or_else(|| {
        "LAMBDA_LAB_SITE must be the site's public address, such as https://lambda-lab.github.io/lambda-lab/"
            .to_string()
    })?;
    Ok(if v.ends_with('/') { v } else { format!("{v}/") })
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    let site = site_from_env(std::env::var("LAMBDA_LAB_SITE").ok())?;
    run(service_fn(move |req: Request| {
        let site = site.clone();
        async move { Ok::<_, Error>(respond(&site, today(), &req)) }
    }))
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "https://lambda-lab.github.io/lambda-lab/";

    fn body(r: &Response<Body>) -> String {
        String::from_utf8_lossy(r.body().as_ref()).into_owned()
    }

    #[test]
    fn a_function_url_event_from_wordpress_is_answered_with_the_links_values() {
        let event = include_str!("../fixtures/function-url-wordpress.json");
        let req = lambda_http::request::from_str(event).expect("a function URL event");
        let r = respond(SITE, Date::new(2026, 11, 23), &req);
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "application/json; charset=utf-8");
        assert!(body(&r).contains("https://abcdefghijklmnop.lambda-url.us-east-1.on.aws/card/cost.png?"));
        assert_eq!(r.headers()["access-control-allow-origin"], "*");
        let json = body(&r);
        assert!(json.contains("$37.13 a month for 20,000,000 requests of 120 ms at 1,024 MB"), "{json}");
        assert!(json.contains("\"width\":600,\"height\":650"), "{json}");
        // The same answer as the handler gives the same request anywhere else.
        let direct = lambda_lab_oembed::handle(
            &Config {
                site: SITE.into(),
                endpoint: "https://abcdefghijklmnop.lambda-url.us-east-1.on.aws/".into(),
                today: Date::new(2026, 11, 23),
            },
            &lambda_lab_oembed::Request {
                method: "GET".into(),
                path: "/oembed".into(),
                query: req.uri().query().unwrap().into(),
            },
        );
        assert_eq!(json, direct.body_text());
    }

    #[test]
    fn other_paths_and_methods_get_the_handlers_statuses() {
        let event = include_str!("../fixtures/function-url-wordpress.json")
            .replace("\"rawPath\": \"/oembed\"", "\"rawPath\": \"/nope\"")
            .replace("\"path\": \"/oembed\"", "\"path\": \"/nope\"");
        let req = lambda_http::request::from_str(&event).unwrap();
        assert_eq!(respond(SITE, Date::new(2026, 11, 23), &req).status(), 404);
        let event = include_str!("../fixtures/function-url-wordpress.json").replace("\"GET\"", "\"HEAD\"");
        let req = lambda_http::request::from_str(&event).unwrap();
        let r = respond(SITE, Date::new(2026, 11, 23), &req);
        assert_eq!(r.status(), 200);
        assert!(body(&r).is_empty());
    }

    #[test]
    fn the_site_must_be_configured() {
        assert!(site_from_env(None).is_err());
        assert!(site_from_env(Some("lambda-lab.github.io".into())).is_err());
        assert_eq!(site_from_env(Some("https://x.io/p".into())).unwrap(), "https://x.io/p/");
    }
}

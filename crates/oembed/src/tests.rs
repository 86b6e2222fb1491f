use super::*;

fn cfg() -> Config {
    Config {
        site: "https://lambda-lab.github.io/lambda-lab/".into(),
        endpoint: "https://abc.lambda-url.us-east-1.on.aws/".into(),
        today: Date::new(2026, 11, 23),
    }
}

fn get(target: &str) -> Response {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    handle(&cfg(), &Request { method: "GET".into(), path: path.into(), query: query.into() })
}

/// The request WordPress sends after discovery (its own arguments added to
/// the discovery link), as it arrives on the wire.
fn wordpress_request() -> Request {
    let raw = include_str!("../fixtures/wordpress-request.txt");
    let line = raw.lines().next().unwrap();
    let target = line.split(' ').nth(1).unwrap();
    let (path, query) = target.split_once('?').unwrap();
    Request { method: "GET".into(), path: path.into(), query: query.into() }
}

fn field(json: &str, name: &str) -> String {
    // The answer's fields are written in one known shape; a tiny reader keeps
    // this crate free of a JSON dependency.
    let key = format!("\"{name}\":");
    let rest = &json[json.find(&key).unwrap_or_else(|| panic!("no {name} in {json}")) + key.len()..];
    if let Some(s) = rest.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next().unwrap() {
                    'u' => {
                        let hex: String = (&mut chars).take(4).collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                    }
                    e => out.push(e),
                },
                c => out.push(c),
            }
        }
        out
    } else {
        rest.split([',', '}']).next().unwrap().to_string()
    }
}

#[test]
fn a_pasted_link_keeps_its_values() {
    let r = handle(&cfg(), &wordpress_request());
    assert_eq!(r.status, 200, "{}", r.body_text());
    assert_eq!(r.content_type, "application/json; charset=utf-8");
    let json = r.body_text();
    assert_eq!(field(&json, "type"), "rich");
    assert_eq!(field(&json, "version"), "1.0");
    assert_eq!(field(&json, "width"), "600");
    assert_eq!(field(&json, "height"), "650", "the measured height at 600 px, within maxheight");
    let html = field(&json, "html");
    assert!(html.starts_with("<blockquote data-lambda-lab-fallback>"), "{html}");
    assert!(
        html.contains("Lambda cost calculator</a>: $37.13 a month for 20,000,000 requests of 120 ms at 1,024 MB."),
        "{html}"
    );
    assert!(html.contains(
        "<a href=\"https://lambda-lab.github.io/lambda-lab/calculators/cost/?memory_mb=1024&amp;requests=20000000&amp;duration_ms=120\">"
    ));
    assert!(html.ends_with(
        "<iframe src=\"https://lambda-lab.github.io/lambda-lab/embed/cost/?memory_mb=1024&amp;requests=20000000&amp;duration_ms=120\" \
         width=\"600\" height=\"650\" title=\"Lambda cost calculator (Lambda Lab)\" frameborder=\"0\"></iframe>"
    ), "{html}");
    assert!(field(&json, "title").contains("$37.13"));
}

#[test]
fn the_answer_is_sized_for_the_width_asked() {
    let url = "https%3A%2F%2Flambda-lab.github.io%2Flambda-lab%2Fcalculators%2Fcost%2F";
    let narrow = get(&format!("/oembed?url={url}&maxwidth=375&format=json")).body_text();
    let wide = get(&format!("/oembed?url={url}&maxwidth=1000")).body_text();
    assert_eq!(field(&narrow, "width"), "375");
    assert_eq!(field(&narrow, "height"), lambda_site::COST.embed_height(375).to_string());
    assert_eq!(field(&wide, "height"), lambda_site::COST.embed_height(1000).to_string());
    assert!(field(&narrow, "height").parse::<u32>().unwrap() > field(&wide, "height").parse::<u32>().unwrap());
    // Out of range widths are brought into range; nonsense is the default.
    assert_eq!(field(&get(&format!("/oembed?url={url}&maxwidth=20")).body_text(), "width"), "280");
    assert_eq!(field(&get(&format!("/oembed?url={url}&maxwidth=1e9")).body_text(), "width"), "1200");
    assert_eq!(field(&get(&format!("/oembed?url={url}&maxwidth=wide")).body_text(), "width"), "600");
    // The defaults' own figure.
    assert!(field(&narrow, "html").contains("$0.40 a month for 3,000,000 requests"));
}

#[test]
fn every_calculator_and_its_embed_address_are_answered() {
    for c in CALC_PAGES {
        for route in [c.page(), c.embed_page(), format!("{}index.html", c.page())] {
            let url = format!("http://LAMBDA-LAB.github.io/lambda-lab{route}#step");
            let r = get(&format!("/oembed?url={}", percent_encode(&url)));
            assert_eq!(r.status, 200, "{url}: {}", r.body_text());
            let html = field(&r.body_text(), "html");
            assert!(html.contains(&format!("/lambda-lab/embed/{}/\"", c.slug)), "{html}");
            assert!(html.contains(c.h1), "{html}");
        }
    }
}

#[test]
fn other_addresses_and_formats_are_refused_with_what_is_valid() {
    let r = get("/oembed?url=https%3A%2F%2Fevil.example%2Flambda-lab%2Fcalculators%2Fcost%2F");
    assert_eq!(r.status, 404);
    assert!(r.body_text().contains("https://lambda-lab.github.io/lambda-lab/calculators/"));
    for bad in [
        "https%3A%2F%2Flambda-lab.github.io%2Fother%2Fcalculators%2Fcost%2F",
        "https%3A%2F%2Flambda-lab.github.io%2Flambda-lab%2Fcalculators%2Fnope%2F",
        "https%3A%2F%2Flambda-lab.github.io%2Flambda-lab%2Fabout%2F",
        "javascript%3Aalert(1)",
    ] {
        assert_eq!(get(&format!("/oembed?url={bad}")).status, 404, "{bad}");
    }
    let url = "https%3A%2F%2Flambda-lab.github.io%2Flambda-lab%2Fcalculators%2Fcost%2F";
    assert_eq!(get(&format!("/oembed?url={url}&format=xml")).status, 501);
    assert_eq!(get(&format!("/oembed?url={url}&format=yaml")).status, 400);
    assert_eq!(get("/oembed").status, 400);
    assert_eq!(get("/elsewhere").status, 404);
    let post = handle(&cfg(), &Request { method: "POST".into(), path: "/oembed".into(), query: String::new() });
    assert_eq!(post.status, 405);
}

#[test]
fn nothing_from_the_pasted_address_reaches_the_html_unescaped() {
    let url = percent_encode(
        "https://lambda-lab.github.io/lambda-lab/calculators/cost/?memory_mb=\"><script>alert(1)</script>&x<y=1&theme=dark",
    );
    let r = get(&format!("/oembed?url={url}"));
    assert_eq!(r.status, 200);
    let json = r.body_text();
    assert!(!json.contains('<'), "a raw < in {json}");
    let html = field(&json, "html");
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("memory_mb=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"), "{html}");
    assert!(html.contains("&amp;theme=dark"), "presentation keys are kept: {html}");
    assert!(!html.contains("x<y"), "{html}");
    // Invalid values: no figure is claimed, the link still carries them.
    assert!(html.contains("Lambda cost calculator</a>. <a href"), "{html}");
}

#[test]
fn wordpress_maxheight_caps_the_starting_height() {
    let url = "https%3A%2F%2Flambda-lab.github.io%2Flambda-lab%2Fcalculators%2Fpower%2F";
    let json = get(&format!("/oembed?url={url}&maxwidth=600&maxheight=900")).body_text();
    assert_eq!(field(&json, "height"), "900");
}

#[test]
fn a_links_card_and_share_page_carry_its_values() {
    let q = "memory_mb=1024&requests=20000000&duration_ms=120";
    let card = get(&format!("/card/cost.png?{q}"));
    assert_eq!((card.status, card.content_type), (200, "image/png"));
    assert_eq!(&card.body[1..4], b"PNG");
    assert_ne!(card.body, get("/card/cost.png").body);
    let share = get(&format!("/share/cost/?{q}"));
    assert_eq!(share.content_type, "text/html; charset=utf-8");
    let html = share.body_text();
    assert!(html.contains(
        "<meta property=\"og:image\" content=\"https://abc.lambda-url.us-east-1.on.aws/card/cost.png?memory_mb=1024&amp;requests=20000000&amp;duration_ms=120\">"
    ), "{html}");
    assert!(html.contains("<meta property=\"og:title\" content=\"Lambda cost calculator: $37.13 a month"), "{html}");
    assert!(html.contains(
        "<meta http-equiv=\"refresh\" content=\"0; url=https://lambda-lab.github.io/lambda-lab/calculators/cost/?memory_mb=1024&amp;requests=20000000&amp;duration_ms=120\">"
    ));
    assert!(html.contains("summary_large_image"));
    // The oEmbed answer names the same card.
    let json = handle(&cfg(), &wordpress_request()).body_text();
    assert!(json.contains("\"thumbnail_url\":\"https://abc.lambda-url.us-east-1.on.aws/card/cost.png?memory_mb=1024&requests=20000000&duration_ms=120\""), "{json}");
    assert_eq!(get("/card/nope.png").status, 404);
    assert_eq!(get("/share/nope/").status, 404);
    let hostile = get("/share/cost/?memory_mb=%22%3E%3Cscript%3E").body_text();
    assert!(!hostile.contains("<script"), "{hostile}");
}

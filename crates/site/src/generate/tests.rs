use super::*;
use lambda_lessons::compile::{Context, compile_dir};

fn config() -> Config {
    let ctx = Context::today();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/lessons");
    let lessons = compile_dir(&dir, &ctx).unwrap_or_else(|e| panic!("lessons: {}", e[0]));
    let modules = [
        "cost",
        "account",
        "power",
        "coldstart",
        "traffic",
        "lmi",
        "microvms",
        "platforms",
        "lessons",
        "teach",
        "embed",
    ]
    .iter()
    .map(|m| {
        let dir = format!("modules/{m}-0123456789abcdef");
        (
            m.to_string(),
            Module { js: format!("{dir}/lambda-lab-{m}.js"), wasm: format!("{dir}/lambda-lab-{m}_bg.wasm") },
        )
    })
    .chain(lambda_lab_figures::CARDS.iter().map(|c| c.module).map(|m| {
        (
            format!("figures-{m}"),
            Module { js: String::new(), wasm: format!("figures/figures-{m}-0123456789abcdef.wasm") },
        )
    }))
    .collect();
    Config {
        public_url: "/lambda-lab/".into(),
        site_origin: "https://example.org".into(),
        assets: "<link rel=\"stylesheet\" href=\"/lambda-lab/main-0011.css\" integrity=\"sha384-x\" crossorigin=\"anonymous\"/>\
                 <script src=\"/lambda-lab/site-0022.js\" type=\"module\"></script>"
            .into(),
        modules,
        lessons,
        today: ctx.today,
        debug_routes: false,
        oembed_endpoint: None,
    }
}

fn attr<'a>(html: &'a str, tag_start: &str, attr: &str) -> Option<&'a str> {
    let i = html.find(tag_start)?;
    let tail = &html[i..];
    let end = tail.find('>')?;
    let tag = &tail[..end];
    let a = tag.find(&format!("{attr}=\""))? + attr.len() + 2;
    let rest = &tag[a..];
    Some(&rest[..rest.find('"')?])
}

#[test]
fn every_route_is_a_page_with_its_own_title_description_and_canonical_url() {
    let cfg = config();
    let pages = build(&cfg).unwrap();
    let routes: Vec<&str> = pages.iter().map(|p| p.route.as_str()).collect();
    for r in [
        "",
        "about/",
        "calculators/",
        "lessons/",
        "404.html",
        "calculators/cost/",
        "calculators/account/",
        "calculators/power/",
        "calculators/cold-start/",
        "calculators/traffic/",
        "calculators/managed-instances/",
        "embed/managed-instances/",
        "calculators/microvms/",
        "embed/microvms/",
        "calculators/platforms/",
        "embed/platforms/",
        "embed/cost/",
        "embed/account/",
        "embed/power/",
        "embed/cold-start/",
        "embed/traffic/",
        "lessons/01-billing/",
    ] {
        assert!(routes.contains(&r), "missing route {r}: {routes:?}");
    }
    assert_eq!(
        pages.iter().filter(|p| p.route.starts_with("lessons/") && p.route.len() > 8).count(),
        cfg.lessons.len()
    );
    let mut titles = std::collections::HashSet::new();
    for p in &pages {
        assert!(p.html.starts_with("<!doctype html>"), "{}", p.route);
        assert!(p.html.contains(&format!("<title>{}</title>", html::esc(&p.title))), "{}", p.route);
        let canonical = attr(&p.html, "<link rel=\"canonical\"", "href").unwrap_or_else(|| panic!("{}", p.route));
        assert!(canonical.starts_with("https://example.org/lambda-lab/"), "{canonical}");
        assert_eq!(attr(&p.html, "<meta property=\"og:url\"", "content"), Some(canonical));
        assert!(attr(&p.html, "<meta name=\"description\"", "content").is_some_and(|d| d.len() > 20), "{}", p.route);
        assert!(p.html.contains("<meta property=\"og:title\""), "{}", p.route);
        assert!(!p.html.contains("{{BASE}}"), "{} has an unresolved base marker", p.route);
        assert!(p.html.contains("site-0022.js") && p.html.contains("main-0011.css"), "{}", p.route);
        assert!(titles.insert(p.title.clone()), "title used twice: {}", p.title);
        assert_eq!(p.not_found, p.route == "404.html");
        assert_eq!(p.html.matches("<h1").count(), 1, "{} has one h1", p.route);
    }
}

#[test]
fn pages_without_interaction_load_no_wasm() {
    let pages = build(&config()).unwrap();
    for p in pages.iter().filter(|p| ["", "about/", "calculators/", "lessons/", "404.html"].contains(&p.route.as_str()))
    {
        assert!(!p.html.contains("data-src=") && !p.html.contains(".wasm"), "{} loads a module", p.route);
        assert!(p.loads.iter().all(|f| !f.ends_with(".wasm")), "{}", p.route);
    }
}

#[test]
fn a_calculator_page_loads_and_preloads_only_its_own_module() {
    let pages = build(&config()).unwrap();
    let cost = pages.iter().find(|p| p.route == "calculators/cost/").unwrap();
    assert_eq!(
        attr(&cost.html, "<div id=\"app\"", "data-src"),
        Some("/lambda-lab/modules/cost-0123456789abcdef/lambda-lab-cost.js")
    );
    // Its figures module from the head; its own module only for an address
    // without values (the inline script reads the meta), after the figures otherwise.
    let both = "/lambda-lab/modules/cost-0123456789abcdef/lambda-lab-cost.js \
                /lambda-lab/modules/cost-0123456789abcdef/lambda-lab-cost_bg.wasm";
    assert_eq!(attr(&cost.html, "<meta name=\"lambda-lab-preload\"", "data-page"), Some(both));
    assert_eq!(
        attr(&cost.html, "<meta name=\"lambda-lab-preload\"", "data-figures"),
        Some("/lambda-lab/figures/figures-cost-0123456789abcdef.wasm")
    );
    assert!(cost.html.contains(&format!("<script>{}</script>", html::PRELOAD_SCRIPT)));
    // …before the stylesheet, which an inline script after it would wait for.
    assert!(
        cost.html.find("<meta name=\"lambda-lab-preload\"").unwrap() < cost.html.find("rel=\"stylesheet\"").unwrap()
    );
    assert_eq!(cost.html.matches("<meta name=\"lambda-lab-preload\"").count(), 1);
    assert!(!cost.html.contains("rel=\"modulepreload\""));
    // Its module (data-src, the meta's page and teach pairs), the Embed
    // dialog's, loaded on a click, and the teaching module's, loaded only for `?view=present`.
    assert_eq!(cost.html.matches("/modules/cost-").count(), 5, "{}", cost.html);
    assert_eq!(cost.html.matches("/modules/").count(), 7, "{}", cost.html);
    // Before the first figure: the stylesheet and the figures module; the
    // site script is loaded after it by the inline first-figures script
    // (its tag leaves the head; #app names it, with its integrity).
    assert_eq!(
        cost.first.as_deref(),
        Some(&["main-0011.css".to_string(), "figures/figures-cost-0123456789abcdef.wasm".to_string()][..])
    );
    assert!(!cost.html.contains("<script src=\"/lambda-lab/site-0022.js\""), "{}", cost.html);
    assert!(cost.html.contains("data-site=\"/lambda-lab/site-0022.js\""));
    let host_end = cost.html.find("</noscript>\n</div>").unwrap();
    assert!(
        cost.html[host_end..].starts_with(&format!("</noscript>\n</div>\n<script>{}</script>", html::FIGURES_SCRIPT))
    );
    assert!(html::content_security_policy().contains(&html::sha256_source(html::FIGURES_SCRIPT)));
    // Pages without first figures keep the site script in their head.
    let about = pages.iter().find(|p| p.route == "about/").unwrap();
    assert!(about.html.contains("<script src=\"/lambda-lab/site-0022.js\" type=\"module\"></script>"));
    // The first figures for the defaults, in the result card's place, and the
    // address of the module that writes a link's own.
    let card = &cost.html[cost.html.find("data-testid=\"first-figures\"").unwrap()..];
    assert!(card.contains("data-figures=\"/lambda-lab/figures/figures-cost-0123456789abcdef.wasm\""));
    let want = lambda_lab_figures::answer(lambda_lab_figures::cost, "", config().today).unwrap();
    let total = want.lines().find_map(|l| l.strip_prefix("total_usd\t")).unwrap();
    assert!(
        card.contains(&format!("<span data-metric=\"total_usd\" data-value=\"{total}\" data-reading=\"usd\">")),
        "{card}"
    );
    assert!(card.contains("<p class=\"kpi-label\" data-ff-label>Monthly total</p>"));
    assert!(card.contains("data-testid=\"module-status\">Loading the calculator …</p>"));
    assert!(cost.html.contains("data-teach-src=\"/lambda-lab/modules/teach-0123456789abcdef/lambda-lab-teach.js\""));
    assert!(!cost.loads.iter().any(|f| f.contains("teach-")));
    assert!(cost.html.contains("data-modules=\"{&quot;embed&quot;:&quot;/lambda-lab/modules/embed-0123456789abcdef/lambda-lab-embed.js&quot;}\""));
    assert!(!cost.loads.iter().any(|f| f.contains("embed-")));
    assert!(cost.loads.contains(&"modules/cost-0123456789abcdef/lambda-lab-cost_bg.wasm".to_string()));
    assert_eq!(cost.loads.iter().filter(|f| f.ends_with(".wasm")).count(), 1);
    assert!(
        cost.html.contains("<header class=\"site-header\"") && cost.html.contains("aria-current=\"page\">Calculators")
    );
}

#[test]
fn an_embed_page_has_no_site_chrome_and_is_not_indexed() {
    let pages = build(&config()).unwrap();
    let e = pages.iter().find(|p| p.route == "embed/power/").unwrap();
    assert!(!e.html.contains("site-header") && !e.html.contains("site-footer") && !e.html.contains("site-nav"));
    assert!(e.html.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert_eq!(
        attr(&e.html, "<link rel=\"canonical\"", "href"),
        Some("https://example.org/lambda-lab/calculators/power/")
    );
    assert_eq!(attr(&e.html, "<div id=\"app\"", "data-mode"), Some("embed"));
}

#[test]
fn a_lesson_page_holds_every_step_and_the_modules_its_calculators_need() {
    let cfg = config();
    let pages = build(&cfg).unwrap();
    for l in &cfg.lessons {
        let p = pages.iter().find(|p| p.route == format!("lessons/{}/", l.slug)).unwrap();
        assert!(p.title.starts_with(l.title), "{}", p.title);
        for s in l.steps {
            assert!(
                p.html.contains(&format!("<h2 id=\"step-{}\">{}</h2>", s.id, html::esc(s.title))),
                "{} {}",
                l.slug,
                s.id
            );
        }
        for c in l.checks() {
            assert!(p.html.contains(&format!("data-check=\"{}\"", c.id)));
            assert!(p.html.contains(&format!("data-metric=\"{}\" data-value=\"{}\"", c.metric, c.exact)));
        }
        let map = attr(&p.html, "<div id=\"app\"", "data-modules").unwrap().replace("&quot;", "\"");
        for s in l.steps {
            for b in s.blocks {
                if let lambda_lessons::Block::Calculator(e) = b {
                    assert!(map.contains(&format!("\"{}\":\"/lambda-lab/modules/{}-", e.module, e.module)), "{map}");
                }
            }
        }
        assert!(p.html.contains("href=\"/lambda-lab/lessons/\""));
    }
}

#[test]
fn without_scripts_a_calculator_page_answers_with_its_defaults_and_says_so() {
    let cfg = config();
    for c in crate::CALC_PAGES {
        for embed in [false, true] {
            let page = pages::calculator(&cfg, c, embed).unwrap();
            let noscript = &page.html[page.html.find("<noscript>").unwrap()..page.html.find("</noscript>").unwrap()];
            match default_summary(&cfg, c) {
                Some(h) => {
                    assert!(noscript.contains("With its default values: <strong>"), "{}: {noscript}", c.slug);
                    assert!(noscript.contains(&html::esc(&h)), "{}: {noscript}", c.slug);
                }
                // The account view has no sentence of its defaults: its
                // first figures (its total) stand above, outside the noscript.
                None => assert!(!noscript.contains("default values"), "{}", c.slug),
            }
            // Every page's first figures for its defaults are in its HTML.
            assert!(page.html.contains("data-testid=\"first-figures\""), "{}", c.slug);
            // The command it names exists.
            let cli = pages::cli_command(c);
            assert!(noscript.contains(&format!("lambda-lab help {cli}")), "{}", c.slug);
            assert!(lambda_model::calculators::CALCULATORS.iter().any(|k| k.info.name == cli), "{}: {cli}", c.slug);
        }
    }
    let cost = pages::calculator(&cfg, &crate::COST, false).unwrap();
    assert!(
        cost.html.contains("With its default values: <strong>$0.40 a month for 3,000,000 requests"),
        "{}",
        cost.html
    );
}

#[test]
fn the_home_page_prices_its_worked_example_at_build_time() {
    let pages = build(&config()).unwrap();
    let home = pages.iter().find(|p| p.route.is_empty()).unwrap();
    // 3M × 120 ms × 1.5 GB = 540,000 GB-s; 140,000 billed after 400,000 free = $2.33; requests 2M × $0.20/M = $0.40.
    assert!(home.html.contains("data-metric=\"total_usd\" data-value=\"2.733338\""), "{}", home.html);
    assert!(home.html.contains("data-metric=\"request_usd\" data-value=\"0.4\""));
    assert!(home.html.contains(">$2.73</data>"));
}

#[test]
fn the_lesson_index_counts_in_words_that_agree_with_the_number() {
    let pages = build(&config()).unwrap();
    let index = pages.iter().find(|p| p.route == "lessons/").unwrap();
    assert!(!index.html.contains(" 1 checks") && !index.html.contains(" 1 steps"));
    assert!(index.html.contains("data-offline"));
}

#[test]
fn asset_urls_are_read_from_tags() {
    assert_eq!(
        asset_urls("<link rel=\"x\" href=\"/a.css\"><script src=\"/b.js\"></script><link href=\"/c.svg\">"),
        vec!["/a.css", "/c.svg", "/b.js"]
    );
    assert_eq!(
        asset_urls(
            "<link crossorigin href=/p/main-1.css integrity=sha384-x rel=stylesheet><link href=/p/f.svg rel=icon/>"
        ),
        vec!["/p/main-1.css", "/p/f.svg"]
    );
}

#[test]
fn the_service_worker_carries_its_build_and_file_list() {
    let files = vec![
        SwFile { path: "/lambda-lab/".into(), bytes: 1200, immutable: false },
        SwFile {
            path: "/lambda-lab/modules/cost-0123/lambda-lab-cost_bg.wasm".into(),
            bytes: 200_000,
            immutable: true,
        },
    ];
    let js = service_worker("abc\"1", "/lambda-lab/", &files);
    assert!(js.starts_with("// Generated by cargo xtask"));
    assert!(js.contains("const VERSION = \"abc\\\"1\";"), "{}", &js[..200]);
    assert!(js.contains("const BASE = \"/lambda-lab/\";"));
    assert!(js.contains("[\"/lambda-lab/modules/cost-0123/lambda-lab-cost_bg.wasm\", 200000, 1]"));
    assert!(js.contains("self.addEventListener('fetch'"));
}

#[test]
fn every_calculator_has_an_oembed_file_its_pages_point_to() {
    let cfg = config();
    let files = oembed(&cfg);
    assert_eq!(files.len(), CALC_PAGES.len());
    let pages = build(&cfg).unwrap();
    for (file, json) in &files {
        let slug = file.trim_start_matches("oembed/").trim_end_matches(".json");
        assert!(json.contains("\"type\": \"rich\""), "{json}");
        assert!(json.contains(&format!("src=\\\"https://example.org/lambda-lab/embed/{slug}/\\\"")), "{json}");
        assert!(json.contains("\"provider_name\": \"Lambda Lab\""));
        assert!(json.contains("\"width\": 600"));
        for route in [format!("calculators/{slug}/"), format!("embed/{slug}/")] {
            let p = pages.iter().find(|p| p.route == route).unwrap();
            assert!(
                p.html.contains(&format!(
                    "type=\"application/json+oembed\" href=\"https://example.org/lambda-lab/{file}\""
                )),
                "{route}"
            );
        }
    }
}

#[test]
fn the_conformance_page_prices_every_aws_example_and_says_where_aws_is_off() {
    let cfg = config();
    let pages = build(&cfg).unwrap();
    let page = pages.iter().find(|p| p.route == "about/prices/").expect("about/prices/");
    for e in lambda_model::calculators::published::EXAMPLES {
        assert!(page.html.contains(&format!("data-example=\"{}\"", e.id)), "{}", e.id);
    }
    // The examples whose figure differs from the exact bill are counted as off.
    let n = lambda_model::calculators::published::EXAMPLES.len();
    let off = lambda_model::calculators::published::EXAMPLES
        .iter()
        .filter(|e| {
            let exact: f64 = e.exact.parse().unwrap();
            ((exact * 100.0).round() - (e.aws.parse::<f64>().unwrap() * 100.0).round()).abs() > 0.5
        })
        .count();
    assert!(off >= 7, "{off}");
    assert!(page.html.contains(&format!("{} of {n} match", n - off)), "{}", page.html);
    assert!(page.html.contains(&format!("in {off}, AWS")));
    assert!(page.html.contains("AWS is off by $325.21"), "REST API example 2");
    assert!(page.html.contains("AWS is off by $6.16"), "ESM example 1: $1,153.30 − $1,147.14");
    assert!(page.html.contains("data-value=\"1147.13532\""));
    // Each example opens in its calculator with its query.
    assert!(page.html.contains("/lambda-lab/calculators/managed-instances/?v=4&amp;instance_type=m7g.xlarge"));
    let about = pages.iter().find(|p| p.route == "about/").unwrap();
    assert!(about.html.contains("/lambda-lab/about/prices/"));
}

#[test]
fn a_lesson_page_preloads_the_module_its_view_runs_not_both() {
    // Issue 28 item 8: `?view=present` runs the teaching module; a static
    // preload of the lessons module would fetch ~166 KB it never runs.
    let cfg = config();
    let pages = build(&cfg).unwrap();
    let l = &cfg.lessons[0];
    let p = pages.iter().find(|p| p.route == format!("lessons/{}/", l.slug)).unwrap();
    assert!(!p.html.contains("rel=\"modulepreload\" href=\"/lambda-lab/modules/lessons-"), "static lessons preload");
    assert!(!p.html.contains("rel=\"modulepreload\" href=\"/lambda-lab/modules/teach-"), "static teach preload");
    assert_eq!(
        attr(&p.html, "<meta name=\"lambda-lab-preload\"", "data-page"),
        Some(
            "/lambda-lab/modules/lessons-0123456789abcdef/lambda-lab-lessons.js /lambda-lab/modules/lessons-0123456789abcdef/lambda-lab-lessons_bg.wasm"
        )
    );
    assert!(attr(&p.html, "<meta name=\"lambda-lab-preload\"", "data-teach").unwrap().contains("/modules/teach-"));
    // The script that chooses is allowed by the page's CSP, by its hash.
    assert!(p.html.contains(&format!("<script>{}</script>", html::PRELOAD_SCRIPT)));
    assert!(html::content_security_policy().contains(&html::sha256_source(html::PRELOAD_SCRIPT)));
}

#[test]
fn a_lessons_calculators_hold_their_first_figures_for_the_steps_values() {
    let cfg = config();
    let pages = build(&cfg).unwrap();
    let lesson = &cfg.lessons[0];
    let page = pages.iter().find(|p| p.route == format!("lessons/{}/", lesson.slug)).unwrap();
    let (_, e, _) = lesson.embeds().next().unwrap();
    let c = lambda_model::calculators::find(e.calc).unwrap();
    let card = lambda_lab_figures::card(c.info.module).unwrap();
    let want = lambda_lab_figures::answer(card.first, e.query, cfg.today).unwrap();
    let metric = card.headline.map_or_else(|| card.kpis[0].1, |h| h.0);
    let exact = want.lines().find_map(|l| l.strip_prefix(&format!("{metric}\t"))).unwrap();
    let first = &page.html[page.html.find("data-testid=\"lesson-first-figures\"").unwrap()..];
    assert!(first.contains(&format!("data-metric=\"{metric}\" data-value=\"{exact}\"")), "{}", &first[..400]);
}

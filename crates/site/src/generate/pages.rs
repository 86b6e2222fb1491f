//! The pages that are not lessons: home, the calculator index, About, the
//! 404 page, and each calculator's page and embed page.

use crate::generate::html::{Head, esc};
use crate::generate::{Config, Page, SiteScript, default_summary, oembed_link, preload};
use crate::{CALC_PAGES, CalcPage};
use lambda_lessons::compile::live_html;
use lambda_model::rates::{PRICE_TABLE_VERSION, PRICES_AS_OF, REGIONS, SOURCES};

/// A page's social card (`og:image`) and its text: a calculator's own card
/// (its default figures), the site's card for every other page. The PNGs are
/// drawn by `lambda-lab-card` when xtask writes the site (`super::cards`).
pub(crate) fn card_for(cfg: &Config, route: &str) -> (String, String) {
    let calc = route
        .strip_prefix("/calculators/")
        .map(|s| s.trim_end_matches('/'))
        .and_then(|slug| crate::CALC_PAGES.iter().copied().find(|c| c.slug == slug));
    match calc {
        Some(c) => (
            cfg.absolute(&format!("/og/{}.png", c.slug)),
            match super::default_summary(cfg, c) {
                Some(s) => format!("{}: {s}", c.h1),
                None => format!("{}: {}", c.h1, c.description),
            },
        ),
        None => (cfg.absolute("/og/lambda-lab.png"), super::SITE_CARD_ALT.to_string()),
    }
}

/// A page with the site header and footer around `main`.
pub(crate) fn framed(
    cfg: &Config,
    route: &str,
    title: &str,
    description: &str,
    extra_head: String,
    main: &str,
    loads: Vec<String>,
) -> Page {
    let layout = cfg.layout();
    let canonical = cfg.absolute(route);
    let full_title = if route == "/" { title.to_string() } else { format!("{title} · Lambda Lab") };
    let image = card_for(cfg, route);
    let head = Head { title: &full_title, description, canonical: &canonical, extra: extra_head, image };
    let html = format!(
        "{}{}<main id=\"main\" tabindex=\"-1\">\n{main}\n</main>\n{}",
        layout.open(&head, "site"),
        layout.header(route),
        layout.close(PRICES_AS_OF)
    );
    page_at(route, full_title, html, loads)
}

/// A page's file for its route: `/about/` → `about/index.html`.
pub(crate) fn page_at(route: &str, title: String, html: String, mut loads: Vec<String>) -> Page {
    let rel = route.trim_start_matches('/');
    let file = if rel.ends_with(".html") { rel.to_string() } else { format!("{rel}index.html") };
    loads.dedup();
    Page { route: rel.to_string(), file, title, html, loads, first: None, not_found: false }
}

/// A card in a list of links.
fn card(href: &str, title: &str, text: &str, link: Option<&str>) -> String {
    match link {
        Some(l) => format!(
            "<li class=\"card\"><h2>{}</h2><p>{}</p><a href=\"{href}\">{}</a></li>",
            esc(title),
            esc(text),
            esc(l)
        ),
        None => format!("<li class=\"card\"><h2><a href=\"{href}\">{}</a></h2><p>{}</p></li>", esc(title), esc(text)),
    }
}

/// The home page: AWS's mobile-backend example priced by the engine at build time.
pub(crate) fn home(cfg: &Config) -> Result<Page, String> {
    let q = "memory_mb=1536&duration_ms=120&requests=3000000";
    let live = |metric: &str| {
        live_html(&format!("cost.{metric}?{q}|usd:2"), cfg.today).map_err(|e| format!("home page example: {e}"))
    };
    let cost = cfg.href("/calculators/cost/");
    let main = format!(
        "<h1>What will your Lambda function cost, and how do you make it fast?</h1>\n\
         <p class=\"lede\">Exact AWS Lambda prices for every region, with the arithmetic shown. Everything runs in \
         your browser: no server, no account, no tracking.</p>\n\
         <section class=\"card\" aria-labelledby=\"example-h\"><h2 id=\"example-h\">A worked example</h2>\n\
         <p>A mobile backend on x86_64 in us-east-1 with 1,536 MB, 120 ms per request and 3 million requests a month \
         costs <strong>{total}</strong> a month with the free tier: {duration} of duration and {requests} of \
         requests.</p>\n\
         <p><a class=\"button primary\" href=\"{cost}?v={version}&amp;{q_html}\">Open it in the cost calculator</a></p>\n\
         </section>\n<ul class=\"cards\">{cards}</ul>",
        total = live("total_usd")?,
        duration = live("duration_usd")?,
        requests = live("request_usd")?,
        q_html = q.replace('&', "&amp;"),
        version = lambda_model::params::QUERY_VERSION,
        cards = [
            card(
                &cost,
                "Cost calculator",
                "Every billing rule: tiers, free tier, INIT billing, provisioned concurrency, SnapStart, streaming, \
                 Lambda@Edge.",
                Some("Price a function"),
            ),
            card(
                &cfg.href("/calculators/power/"),
                "Power tuning",
                "Which memory size is cheapest, and which is fastest, predicted from what you already measured.",
                Some("Find the right size"),
            ),
            card(
                &cfg.href("/calculators/traffic/"),
                "Cold starts and traffic",
                "How slow a cold start is for your runtime, and how often real traffic meets one: a simulator that \
                 prices the result.",
                Some("Simulate your traffic"),
            ),
            card(
                &cfg.href("/lessons/"),
                "Lessons",
                "Step-by-step lessons on Lambda cost and speed, with live calculators, questions to check yourself, \
                 and corrections of popular but wrong advice.",
                Some("Start learning"),
            ),
            card(
                &cfg.href("/calculators/managed-instances/"),
                "Managed Instances or functions?",
                "The same workload on Lambda Managed Instances (EC2 with Lambda's fee) and as on-demand functions, and the \
                 traffic from which the instances cost less.",
                Some("Compare the two"),
            ),
            card(
                &cfg.href("/calculators/account/"),
                "Account view",
                "Several functions on one bill, sharing the free tier and the duration tiers.",
                Some("Price an account"),
            ),
        ]
        .concat(),
    );
    Ok(framed(
        cfg,
        "/",
        "Lambda Lab: AWS Lambda cost, memory tuning and cold starts",
        "Exact AWS Lambda prices, memory tuning, cold-start simulation and lessons. Runs in your browser; no server, \
         no account, no tracking.",
        String::new(),
        &main,
        cfg.shared_loads(),
    ))
}

pub(crate) fn calculators(cfg: &Config) -> Page {
    let cards: String = CALC_PAGES
        .iter()
        .map(|c| card(&cfg.href(&format!("/calculators/{}/", c.slug)), c.name, c.description, None))
        .collect();
    let main = format!(
        "<h1>Calculators</h1>\n<p class=\"lede\">Each calculator is a pure function from named parameters to named \
         metrics. Its state lives in the URL, so every result is a link you can share, and the same names work in \
         the JSON export and the <code>lambda-lab</code> command line.</p>\n<ul class=\"cards\">{cards}</ul>"
    );
    framed(
        cfg,
        "/calculators/",
        "Calculators",
        "AWS Lambda calculators: exact cost, account cost, power tuning, cold starts and a traffic simulator, all in \
         your browser.",
        String::new(),
        &main,
        cfg.shared_loads(),
    )
}

/// "Make available offline": the site script wires it to the service worker.
pub(crate) fn offline_control() -> &'static str {
    "<section class=\"offline card\" aria-labelledby=\"offline-h\" data-offline>\n\
     <h2 id=\"offline-h\">Use Lambda Lab offline</h2>\n\
     <p>Download every page, lesson and calculator to this browser, so they all work without a network: on a \
     train, or in a workshop when the Wi-Fi drops. <span data-offline-size></span></p>\n\
     <p><button type=\"button\" data-offline-button disabled>Make available offline</button></p>\n\
     <progress data-offline-progress max=\"1\" value=\"0\" hidden aria-label=\"Download progress\"></progress>\n\
     <p class=\"hint\" role=\"status\" data-offline-status>This needs JavaScript.</p>\n</section>"
}

/// How much of a line's rates a region has: every one, some (the first
/// tiers), or none.
fn coverage(rates: &[Option<lambda_model::base::money::Rate>]) -> &'static str {
    match rates.iter().filter(|r| r.is_some()).count() {
        0 => "—",
        n if n == rates.len() => "✓",
        _ => "first tiers",
    }
}

/// Which lines around a function each region prices, for the About page.
fn around_coverage() -> String {
    let rows: String = lambda_model::rates::AROUND
        .iter()
        .map(|a| {
            let alb = [a.alb_hour, a.alb_lcu_hour, a.ipv4_hour];
            let logs: Vec<_> = a.logs.iter().copied().chain([a.log_storage]).collect();
            let nat = [a.nat_hour, a.nat_gb];
            let cells = [
                coverage(&a.http_api),
                coverage(&a.rest_api),
                if alb.iter().all(Option::is_some) { "✓" } else { "—" },
                coverage(&logs),
                coverage(&a.egress),
                match nat {
                    [Some(_), Some(_)] => "✓",
                    [Some(_), None] => "hours only",
                    _ => "—",
                },
            ];
            format!(
                "<tr><th scope=\"row\">{}</th>{}</tr>",
                esc(a.region),
                cells.iter().map(|c| format!("<td>{c}</td>")).collect::<String>()
            )
        })
        .collect();
    format!(
        "<h2 id=\"around-rates\">Rates around the function, by region</h2>\n<p>The cost calculator prices a function's \
         front door, logs, data out and NAT gateway wherever a rate is verified: ✓ every rate, \u{201c}first tiers\u{201d} \
         up to the first tier without one, \u{2014} none. A line that needs a missing rate is shown as not priced and the \
         total says what it leaves out. A region not listed prices the function itself only.</p>\n<div class=\"table-wrap\" \
         role=\"region\" tabindex=\"0\" aria-labelledby=\"around-rates\"><table><caption>Lines priced by region</caption>\
         <thead><tr><th scope=\"col\">Region</th><th scope=\"col\">HTTP API</th><th scope=\"col\">REST API</th>\
         <th scope=\"col\">ALB</th><th scope=\"col\">Logs</th><th scope=\"col\">Data out</th><th scope=\"col\">NAT \
         gateway</th></tr></thead><tbody>{rows}</tbody></table></div>\n<p class=\"hint\">{}</p>",
        esc(lambda_model::rates::around_rates("eu-west-1").source)
    )
}

/// Lambda MicroVMs' rates by region, each with its source (the engine prices
/// them; `lambda-lab microvms` answers with them).
fn microvm_rates(cfg: &Config) -> String {
    use lambda_model::rates::microvms::MICROVM_RATES;
    let rows: String = MICROVM_RATES
        .iter()
        .map(|r| {
            let cells = [r.vcpu_second, r.gb_second, r.snapshot_write_gb, r.snapshot_read_gb, r.storage_gb_hour];
            format!(
                "<tr><th scope=\"row\">{}</th>{}<td>{}</td></tr>",
                esc(r.region),
                cells.iter().map(|c| format!("<td class=\"num\">${}</td>", c.to_decimal())).collect::<String>(),
                esc(r.source)
            )
        })
        .collect();
    format!(
        "<h2 id=\"microvm-rates\">Lambda MicroVMs</h2>\n<p>Arm (Graviton) only; no free tier. Priced by the engine and \
         the command line (<code>lambda-lab microvms</code>), which reproduces AWS's two worked examples on \
         <a href=\"{examples}\">the examples page</a>.</p>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" \
         aria-labelledby=\"microvm-rates\"><table><caption>MicroVM rates by region (USD)</caption><thead><tr>\
         <th scope=\"col\">Region</th><th scope=\"col\">per vCPU-second</th><th scope=\"col\">per GB-second</th>\
         <th scope=\"col\">snapshot written, per GB</th><th scope=\"col\">snapshot read, per GB</th>\
         <th scope=\"col\">storage, per GB-hour</th><th scope=\"col\">Source</th></tr></thead><tbody>{rows}</tbody>\
         </table></div>",
        examples = cfg.href("/about/prices/")
    )
}

/// AWS Fargate's rates by region and architecture, each with its source (the
/// platforms calculator prices tasks with them).
fn fargate_rates(cfg: &Config) -> String {
    use lambda_model::rates::fargate::FARGATE_RATES;
    let rows: String = FARGATE_RATES
        .iter()
        .map(|r| {
            format!(
                "<tr><th scope=\"row\">{} {}</th><td class=\"num\">${}</td><td class=\"num\">${}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                esc(r.region),
                esc(r.arch.name()),
                r.vcpu_hour.to_decimal(),
                r.gb_hour.to_decimal(),
                r.storage_gb_hour.map_or("not verified".to_string(), |x| format!("${}", x.to_decimal())),
                esc(r.source)
            )
        })
        .collect();
    format!(
        "<h2 id=\"fargate-rates\">AWS Fargate</h2>\n<p>Linux tasks on demand, billed per second with a one-minute \
         minimum; 20 GB of ephemeral storage per task included. <a href=\"{page}\">One workload, every platform</a> \
         prices tasks with them (and <code>lambda-lab platforms</code>); Fargate Spot and Savings Plans are a discount \
         you enter, as their rates vary.</p>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" \
         aria-labelledby=\"fargate-rates\"><table><caption>Fargate rates (USD)</caption><thead><tr>\
         <th scope=\"col\">Region and architecture</th><th scope=\"col\">per vCPU-hour</th><th scope=\"col\">per GB-hour</th>\
         <th scope=\"col\">storage beyond 20 GB, per GB-hour</th><th scope=\"col\">Source</th></tr></thead>\
         <tbody>{rows}</tbody></table></div>",
        page = cfg.href("/calculators/platforms/")
    )
}

pub(crate) fn about(cfg: &Config) -> Page {
    let sources: String = SOURCES
        .iter()
        .map(|s| format!("<li><a href=\"{}\">{}</a> — {}</li>", esc(s.url), esc(s.title), esc(s.date)))
        .collect();
    let main = format!(
        "<h1>About Lambda Lab</h1>\n<p class=\"lede\">Lambda Lab teaches and answers the questions every AWS Lambda \
         team has: what it will cost, which memory size is cheapest, and how cold starts behave. It runs entirely in \
         your browser; nothing you type leaves it.</p>\n<h2>Price data</h2>\n<p>Prices as of <strong \
         data-metric=\"prices_as_of\" data-value=\"{d}\">{d}</strong> (price table version {v}, {n} regions). Every \
         rate is stored exactly as published, with its source. China regions are billed in CNY by a separate AWS \
         partition and are not included. <a href=\"{checked}\">AWS's worked examples, priced again</a>: ours beside \
         AWS's, and where AWS's own arithmetic is off.</p>\n<p id=\"pinned-prices\">Every price table this site has \
         shipped stays in it: {tables}. A link can pin one with <code>prices=</code> and its date (the Embed dialog \
         pins today's for new snippets), so a post keeps the figures its text quotes after AWS changes a rate; the \
         calculator then says what today's prices would give. A pin fixes Lambda's own rates, region by region; the \
         services around a function are priced at today's rates.</p>\n<ul>{sources}</ul>\n{around}\n{microvms}\n{fargate}\n{offline}\n<h2>License</h2>\n<p>Lambda Lab is free \
         software under the MIT or Apache-2.0 license, at your choice. AWS and AWS Lambda are trademarks of \
         Amazon.com, Inc.; this site is not affiliated with Amazon.</p>",
        d = esc(PRICES_AS_OF),
        v = PRICE_TABLE_VERSION,
        n = REGIONS.len(),
        tables = lambda_model::rates::PRICE_TABLES
            .iter()
            .map(|t| format!("<code>{}</code> (version {}, {} regions)", esc(t.date), t.version, t.regions.len()))
            .collect::<Vec<_>>()
            .join(", "),
        checked = cfg.href("/about/prices/"),
        offline = offline_control(),
        around = around_coverage(),
        microvms = microvm_rates(cfg),
        fargate = fargate_rates(cfg),
    );
    framed(
        cfg,
        "/about/",
        "About",
        "Where Lambda Lab's prices come from, how to use it offline, and its license.",
        String::new(),
        &main,
        cfg.shared_loads(),
    )
}

/// Dollars with thousands separators and cents: `1,147.14`.
fn dollars(cents: i128) -> String {
    let (int, frac) = (cents.abs() / 100, cents.abs() % 100);
    let digits = int.to_string();
    let mut grouped = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{}{grouped}.{frac:02}", if cents < 0 { "−" } else { "" })
}

/// `/about/prices/`: every AWS worked example the engine prices, AWS's total
/// beside ours. Each is priced here, at build time, by the calculators' own
/// functions, so the table is the engine's answer on every build.
pub(crate) fn prices(cfg: &Config) -> Result<Page, String> {
    use lambda_model::calculators::CALCULATORS;
    use lambda_model::calculators::published::EXAMPLES;
    let mut rows = String::new();
    let (mut right, mut off) = (0, 0);
    for e in EXAMPLES {
        let calc = CALCULATORS
            .iter()
            .find(|c| c.name == e.calculator)
            .ok_or_else(|| format!("example {}: no calculator {}", e.id, e.calculator))?;
        let d = lambda_model::calculators::decode_query(calc.specs, e.query);
        let metrics = (calc.eval)(&d.values, cfg.today).map_err(|err| format!("example {}: {err:?}", e.id))?;
        let total = lambda_model::calculators::published::figure(e, &metrics)
            .ok_or_else(|| format!("example {}: no {}", e.id, e.metric))?;
        let ours = total.round_cents().0 / 10_000_000_000_000_000;
        let aws: i128 = e.aws.replace('.', "").parse().map_err(|_| format!("example {}: AWS total {}", e.id, e.aws))?;
        let verdict = if ours == aws && e.note.is_empty() {
            right += 1;
            "<span class=\"badge ok\">Matches to the cent</span>".to_string()
        } else if ours == aws {
            right += 1;
            "<span class=\"badge ok\">Matches; see the note</span>".to_string()
        } else {
            off += 1;
            format!("<span class=\"badge off\">AWS is off by ${}</span>", dollars((aws - ours).abs()))
        };
        // A calculator with a page links there with the example's values;
        // one the command line prices alone (MicroVMs, so far) says its command.
        let title = if CALC_PAGES.iter().any(|c| c.page() == calc.page) {
            let link = cfg.href(&format!("{}?v={}&{}", calc.page, lambda_model::params::QUERY_VERSION, e.query));
            format!("<a href=\"{}\">{}</a>", esc(&link), esc(e.title))
        } else {
            let flags: Vec<String> = lambda_model::params::parse_pairs(e.query)
                .iter()
                .map(|(k, v)| format!("--{} {v}", k.replace('_', "-")))
                .collect();
            format!(
                "{}<br><small><code>lambda-lab {} {}</code></small>",
                esc(e.title),
                calc.name,
                esc(&flags.join(" "))
            )
        };
        rows.push_str(&format!(
            "<tr id=\"{id}\" data-example=\"{id}\"><th scope=\"row\">{title}</th>\
             <td class=\"num\" data-aws=\"{aws_v}\">${aws_t}</td>\
             <td class=\"num\" data-metric=\"{metric}\" data-value=\"{exact}\">${ours_t}<br><small>{exact}{part}</small></td>\
             <td>{verdict}{note}</td></tr>\n",
            id = esc(e.id),
            aws_v = esc(e.aws),
            aws_t = dollars(aws),
            exact = esc(&total.to_decimal()),
            ours_t = dollars(ours),
            metric = esc(e.metric),
            part = if e.metric == "total_usd" {
                String::new()
            } else {
                let lines = lambda_model::billing::Lines::default().items();
                let names: Vec<&str> =
                    e.metric.split('+').map(|m| lines.iter().find(|l| l.0 == m).map_or(m, |l| l.1)).collect();
                format!(" ({} only; the calculator's total adds the function's own lines)", esc(&names.join(" + ")))
            },
            note = if e.note.is_empty() { String::new() } else { format!("<p class=\"note\">{}</p>", esc(e.note)) },
        ));
    }
    let main = format!(
        "<h1>AWS's worked examples, priced again</h1>\n<p class=\"lede\">Every worked example on AWS's Lambda pricing \
         page that Lambda Lab prices, with AWS's published total beside ours. Each one is priced by the calculators' \
         own engine when this site is built, and the engine's tests check the same table, so it cannot drift from what \
         the calculators say.</p>\n<p data-testid=\"conformance-summary\">{right} of {n} match AWS's total to the \
         cent (some with a note on how AWS got there); in {off}, AWS's own arithmetic is off, and the note says where. \
         Open an example to see every step in “Show the math”.</p>\n<div class=\"table-wrap\" tabindex=\"0\" \
         role=\"region\" aria-label=\"Table; scroll sideways if it is wider than the screen\"><table class=\"conformance\">\
         <caption>AWS's worked examples: AWS's total and the exact bill (prices as of {d})</caption>\
         <thead><tr><th scope=\"col\">Example</th><th scope=\"col\" class=\"num\">AWS writes</th>\
         <th scope=\"col\" class=\"num\">Lambda Lab (exact below)</th><th scope=\"col\">Verdict</th></tr></thead>\
         <tbody>\n{rows}</tbody></table></div>\n<p><a href=\"{about}\">Where the prices come from</a></p>",
        n = EXAMPLES.len(),
        d = esc(PRICES_AS_OF),
        about = cfg.href("/about/"),
    );
    Ok(framed(
        cfg,
        "/about/prices/",
        "AWS's pricing examples, checked",
        "Every worked example on AWS's Lambda pricing page, priced again exactly: AWS's total beside ours, and where \
         AWS's own arithmetic is off.",
        String::new(),
        &main,
        cfg.shared_loads(),
    ))
}

/// The page a host answers for any address it has no file for (status 404).
pub(crate) fn not_found(cfg: &Config) -> Page {
    let main = format!(
        "<h1 data-testid=\"not-found\">Page not found</h1>\n<p class=\"lede\">There is no page at \
         <code data-current-path>this address</code>. It may have moved, or the link may have a typo.</p>\n<ul>\
         <li><a href=\"{}\">Go to the home page</a></li><li><a href=\"{}\">See all calculators</a></li>\
         <li><a href=\"{}\">See all lessons</a></li></ul>",
        cfg.href("/"),
        cfg.href("/calculators/"),
        cfg.href("/lessons/"),
    );
    let mut p = framed(
        cfg,
        "/404.html",
        "Page not found",
        "There is no page at this address.",
        "<meta name=\"robots\" content=\"noindex\">\n".into(),
        &main,
        cfg.shared_loads(),
    );
    p.not_found = true;
    p
}

/// What the service worker answers for a page it has no copy of while the
/// network is down.
pub(crate) fn offline(cfg: &Config) -> Page {
    let main = format!(
        "<h1>You are offline</h1>\n<p class=\"lede\">This page is not saved on this device yet, and the network \
         cannot be reached.</p>\n<p>The pages you have visited work offline, and after <a href=\"{about}#offline-h\">\
         Make available offline</a> every page, lesson and calculator does. Reconnect and reload to open this \
         one.</p>\n<ul><li><a href=\"{home}\">Go to the home page</a></li><li><a href=\"{lessons}\">See all \
         lessons</a></li></ul>",
        about = cfg.href("/about/"),
        home = cfg.href("/"),
        lessons = cfg.href("/lessons/"),
    );
    framed(
        cfg,
        "/offline/",
        "Offline",
        "This page is not saved for offline use yet.",
        "<meta name=\"robots\" content=\"noindex\">\n".into(),
        &main,
        cfg.shared_loads(),
    )
}

/// A calculator page's introduction under its heading.
fn lede(cfg: &Config, c: &CalcPage) -> String {
    match c.slug {
        "cost" => format!(
            "Every AWS Lambda billing rule, priced exactly, with the arithmetic shown. Prices as of <span \
             data-metric=\"prices_as_of\" data-value=\"{d}\">{d}</span> (<a href=\"{about}\">sources</a>).",
            d = esc(PRICES_AS_OF),
            about = cfg.href("/about/")
        ),
        "account" => "Price several functions as one AWS account: the free tier is shared, and the duration tiers \
                      count all functions of the same region and architecture together."
            .into(),
        "power" => "The right memory size without deploying anything: describe your function, or paste what you \
                    already measured, and see duration and cost at every size, priced exactly (request fee, region \
                    and tiers included)."
            .into(),
        "cold-start" => format!(
            "How long a cold start takes for your runtime, package and init work, and where the time goes. Init \
             times are measured: {}.",
            esc(lambda_model::models::coldstart::LAMBDA_PERF_SOURCE)
        ),
        "microvms" => format!(
            "Lambda MicroVMs run a whole small machine (Graviton) per session, for up to eight hours, and can be \
             suspended while idle and resumed where they stopped. The bill follows the machine: vCPU and memory per \
             second, snapshots on suspend and resume, storage by the GB-hour. AWS's two worked examples are on \
             <a href=\"{}\">the price-check page</a>.",
            cfg.href("/about/prices/#microvms-sandboxes")
        ),
        "platforms" => format!(
            "Would it be cheaper elsewhere? The same workload priced four ways: Lambda functions billed per \
             millisecond, Managed Instances and EC2 billed per instance-hour with many requests inside, Fargate \
             billed per task for its vCPU and memory. Every capacity assumption is a field; the chart shows from \
             what traffic each costs less. Rates and sources are on <a href=\"{}\">the About page</a>.",
            cfg.href("/about/#fargate-rates")
        ),
        "managed-instances" => "Lambda Managed Instances run your functions on EC2 instances Lambda manages: no \
                                duration charge, but the instances run all month, with a 15% fee on their on-demand \
                                price. Here is the same workload both ways, priced exactly, and the traffic from \
                                which the instances cost less."
            .into(),
        _ => "Simulate your traffic against one function: how often requests start cold, how often they are \
              throttled, what the latency percentiles are, how many environments run, and what the simulated time \
              costs."
            .into(),
    }
}

/// A calculator's result card (its headline, or its first key figures) for
/// a query, computed by its figures module's code at build time, in US
/// English, each figure with `data-metric`, `data-value` and how it reads
/// (`data-reading`, for the site script); `None` for a calculator without
/// one or values that are not valid.
pub(crate) fn figures_html(module: &str, query: &str, cfg: &Config) -> Option<String> {
    use lambda_lab_figures::Reading;
    let card = lambda_lab_figures::card(module)?;
    let text = lambda_lab_figures::answer(card.first, query, cfg.today)?;
    let got = |name: &str| text.lines().find_map(|l| l.split_once('\t').filter(|(n, _)| *n == name).map(|(_, v)| v));
    let figure = |metric: &str, reading: Reading| {
        let exact = got(metric).unwrap_or("");
        let shown = if exact.is_empty() { "—".to_string() } else { reading.text(exact) };
        format!(
            "<span data-metric=\"{metric}\" data-value=\"{}\" data-reading=\"{}\">{}</span>",
            esc(exact),
            reading.name(),
            esc(&shown)
        )
    };
    let mut html = String::new();
    if let Some((metric, reading)) = card.headline {
        html.push_str(&format!(
            "<div class=\"result-card\"><p class=\"kpi-label\" data-ff-label>{}</p><p class=\"big-number\">{}</p></div>",
            esc(got("#label").unwrap_or("")),
            figure(metric, reading)
        ));
    }
    if !card.kpis.is_empty() {
        html.push_str("<div class=\"kpis\">");
        for (label, metric, reading) in card.kpis {
            html.push_str(&format!(
                "<div class=\"kpi\"><span class=\"label\">{}</span><span class=\"value\">{}</span></div>",
                esc(label),
                figure(metric, *reading)
            ));
        }
        html.push_str("</div>");
    }
    Some(html)
}

/// A calculator's first figures, written for its default values where its
/// result card stands (the `.calc` grid's results column, or first in an
/// embed), so the page answers before any script and without one. For a
/// link with values the site script hides them (`html.ff-link`, set before
/// the first paint) until the calculator's figures module has written the
/// link's own, then the interactive module replaces the whole card in place.
fn first_figures(cfg: &Config, c: &CalcPage, mode: &str, hint: &str) -> Option<String> {
    let html = figures_html(c.module, "", cfg)?;
    let src = cfg.figures(c.module).map(|m| cfg.href(&format!("/{}", m.wasm)));
    let results = format!(
        "<section class=\"results\" aria-label=\"First figures\"><div class=\"ff-figures\">{html}</div>\n\
         <p class=\"hint ff-note\" data-testid=\"first-figures-note\"><span class=\"ff-defaults\">With the calculator's \
         default values.</span><span class=\"ff-wait\">Working out the figures for your link …</span><span \
         class=\"ff-yours\">For the values in your link.</span></p></section>\n"
    );
    let inputs = format!("<div class=\"inputs\">{hint}</div>\n");
    // The account's page is one column, its total above the functions (a
    // list as long as the link's): the total first, as the page has it.
    let stacked = c.module == "account";
    let (class, body) = match (mode == "embed", stacked) {
        (true, _) => (" compact", format!("{inputs}{results}")),
        (false, true) => (" stacked", format!("{results}{inputs}")),
        (false, false) => ("", format!("{inputs}{results}")),
    };
    Some(format!(
        "<div class=\"calc{class} first-figures\" data-testid=\"first-figures\"{src}>\n{body}</div>\n",
        src = src.map(|s| format!(" data-figures=\"{}\"", esc(&s))).unwrap_or_default(),
    ))
}

/// The command line's command for a calculator (`lambda-lab help <it>`): the
/// traffic page is `simulate`, and the account's functions are each a `cost`.
pub(crate) fn cli_command(c: &CalcPage) -> &'static str {
    match c.module {
        "traffic" => "simulate",
        "account" => "cost",
        m => m,
    }
}

/// Where a module mounts, with what shows until it has (and without scripts),
/// and the site script when this host loads it after its first figures
/// (FIGURES_SCRIPT; the page then leaves its tag out of the head).
fn module_host(cfg: &Config, c: &CalcPage, mode: &str) -> Result<(String, Option<SiteScript>), String> {
    let m = cfg.module(c.module)?;
    let defaults = default_summary(cfg, c);
    // The page's title is a question on some pages ("Where should it run?"):
    // the line names the calculator plainly.
    let hint = "<p class=\"hint js-only\" role=\"status\" data-testid=\"module-status\">Loading the calculator …</p>";
    let first = first_figures(cfg, c, mode, hint);
    let has_first = first.is_some();
    let late = if has_first { cfg.site_script() } else { None };
    let site = late.as_ref().map_or(String::new(), |l| {
        let integrity = if l.integrity.is_empty() {
            String::new()
        } else {
            format!(" data-site-integrity=\"{}\"", esc(&l.integrity))
        };
        format!(" data-site=\"{}\"{integrity}", esc(&l.src))
    });
    // A calculator's own page offers the Embed dialog, its own module, and
    // its presenter view (`?view=present`) takes QR codes from the teaching one.
    let modules = if mode == "page" {
        format!(
            " data-modules=\"{}\" data-teach-src=\"{}\"",
            esc(&format!("{{\"embed\":\"{}\"}}", cfg.href(&format!("/{}", cfg.module("embed")?.js)))),
            cfg.href(&format!("/{}", cfg.module("teach")?.js))
        )
    } else {
        String::new()
    };
    let host = format!(
        "<div id=\"app\" class=\"module-host\" data-module=\"{name}\" data-mode=\"{mode}\" data-src=\"{src}\" \
         data-page=\"/calculators/{slug}/\"{modules}{site}>\n{first}<noscript>{defaults}<p class=\"notice\">This calculator runs in your browser and needs JavaScript \
         and WebAssembly{yours}. The same engine answers on the command line: <code>lambda-lab help {cli}</code>.</p>\
         </noscript>\n</div>{late}",
        name = c.module,
        // With first figures, the site script comes after them (see
        // FIGURES_SCRIPT): #app names it, the inline script loads it.
        late = if late.is_some() {
            format!("\n<script>{}</script>", crate::generate::html::FIGURES_SCRIPT)
        } else {
            String::new()
        },
        // Where the inputs will be, beside the first figures when there are some.
        first = first.unwrap_or(format!("{hint}\n")),
        src = cfg.href(&format!("/{}", m.js)),
        slug = c.slug,
        cli = cli_command(c),
        // Without scripts (RSS readers, crawlers, script blockers) the page
        // still answers, with its defaults, and says that they are the defaults.
        yours = if defaults.is_some() || has_first { " to compute your own values" } else { "" },
        defaults = defaults.as_deref().map_or_else(String::new, |h| format!(
            "<p class=\"no-script-answer\" data-testid=\"default-answer\">With its default values: <strong>{}</strong> \
             (prices as of {}).</p>",
            esc(h),
            PRICES_AS_OF
        )),
    );
    Ok((host, late))
}

/// What a calculator page fetches from its `<head>`: its figures module when
/// the address has values, its interactive module when it has none (see
/// [`html::PRELOAD_SCRIPT`](crate::generate::html::PRELOAD_SCRIPT)). A
/// calculator without a figures module preloads its module as before.
fn calc_preload(cfg: &Config, c: &CalcPage, m: &crate::generate::Module) -> String {
    let Some(f) = cfg.figures(c.module) else { return preload(cfg, m) };
    let both = esc(&format!("{} {}", cfg.href(&format!("/{}", m.js)), cfg.href(&format!("/{}", m.wasm))));
    format!(
        "<meta name=\"lambda-lab-preload\" data-figures=\"{}\" data-page=\"{both}\" data-teach=\"{both}\">\n\
         <script>{}</script>\n",
        esc(&cfg.href(&format!("/{}", f.wasm))),
        crate::generate::html::PRELOAD_SCRIPT
    )
}

/// A calculator's page (`/calculators/<slug>/`), or its embed page
/// (`/embed/<slug>/`: no site header, nav or footer; never indexed).
pub(crate) fn calculator(cfg: &Config, c: &CalcPage, embed: bool) -> Result<Page, String> {
    let m = cfg.module(c.module)?;
    let mut loads = cfg.shared_loads();
    loads.extend([m.js.clone(), m.wasm.clone()]);
    // The interactive module's budget sums `loads`; the first figure's,
    // `first`: the page, the stylesheet and the figures module, the site
    // script coming after them when the host loads it (FIGURES_SCRIPT), its
    // tag then out of the head.
    let (host, late) = module_host(cfg, c, if embed { "embed" } else { "page" })?;
    let first = cfg.figures(c.module).map(|f| {
        let site = late.as_ref().map(|l| l.src.strip_prefix(cfg.public_url.as_str()).unwrap_or(&l.src).to_string());
        let mut first: Vec<String> = cfg.shared_loads().into_iter().filter(|u| Some(u) != site.as_ref()).collect();
        first.push(f.wasm.clone());
        first
    });
    let late_tag = |html: String| match &late {
        Some(l) => html.replacen(&format!("{}\n", l.tag), "", 1).replacen(l.tag.as_str(), "", 1),
        None => html,
    };
    if !embed {
        let route = format!("/calculators/{}/", c.slug);
        let main = format!("<h1>{}</h1>\n<p class=\"lede\">{}</p>\n{host}", esc(c.h1), lede(cfg, c));
        let head = format!("{}{}", calc_preload(cfg, c, m), oembed_link(cfg, c));
        let mut page = framed(cfg, &route, c.h1, c.description, head, &main, loads);
        page.html = late_tag(page.html);
        page.first = first;
        return Ok(page);
    }
    let route = format!("/embed/{}/", c.slug);
    let title = format!("{} (embedded) · Lambda Lab", c.h1);
    let layout = cfg.layout();
    let canonical = cfg.absolute(&format!("/calculators/{}/", c.slug));
    let head = Head {
        title: &title,
        description: c.description,
        canonical: &canonical,
        extra: format!(
            "<meta name=\"robots\" content=\"noindex\">\n{}{}",
            calc_preload(cfg, c, m),
            oembed_link(cfg, c)
        ),
        image: card_for(cfg, &c.page()),
    };
    let html = format!(
        "{}<main id=\"main\" class=\"embed-main\">\n<h1 class=\"embed-title\">{}</h1>\n{}\n</main>\n</body>\n</html>\n",
        layout.open(&head, "embed"),
        esc(c.h1),
        host
    );
    let mut page = page_at(&route, title, late_tag(html), loads);
    page.first = first;
    Ok(page)
}

/// `/debug/panic/` (test builds only): a module that panics on purpose.
pub(crate) fn debug_panic(cfg: &Config) -> Result<Page, String> {
    let m = cfg.module("cost")?;
    let main = format!(
        "<h1>Panic test</h1>\n<div id=\"app\" class=\"module-host\" data-module=\"cost\" data-mode=\"debug_panic\" \
         data-src=\"{}\"></div>",
        cfg.href(&format!("/{}", m.js))
    );
    let mut loads = cfg.shared_loads();
    loads.extend([m.js.clone(), m.wasm.clone()]);
    Ok(framed(cfg, "/debug/panic/", "Panic test", "Proves the panic page.", preload(cfg, m), &main, loads))
}

//! The lesson index and each lesson as HTML. A lesson page holds its whole
//! text, every step, so it reads at once, prints, and is found by search
//! engines; with scripts on, the site script shows one step (the one asked
//! for) and the lessons module then takes over the same places on the page.

use crate::generate::html::esc;
use crate::generate::pages::framed;
use crate::generate::{Config, Module, Page, preload};
use lambda_lessons::{BASE_MARKER, Block, Check, Embed, Lesson, Step};

/// The modules of the calculators lessons can embed.
fn lambda_site_calc_modules() -> impl Iterator<Item = &'static str> {
    crate::CALC_PAGES.iter().map(|c| c.module).filter(|m| *m != "account")
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {one}s") }
}

/// "7 min read · 5 steps · 1 check".
pub(crate) fn counts(l: &Lesson) -> String {
    format!(
        "<span data-testid=\"reading-time\">{} min read</span> · {} · {}",
        l.minutes,
        plural(l.steps.len(), "step"),
        plural(l.checks().count(), "check")
    )
}

pub(crate) fn index(cfg: &Config) -> Page {
    let total: u32 = cfg.lessons.iter().map(|l| l.minutes).sum();
    let cards: String = cfg
        .lessons
        .iter()
        .map(|l| {
            format!(
                "<li class=\"lesson-card\" data-lesson=\"{slug}\" data-steps=\"{steps}\" data-checks=\"{checks}\"><h2><span class=\"lesson-number\">{n}.</span> \
                 <a href=\"{href}\">{title}</a></h2><p>{summary}</p><p class=\"hint\">{counts}\
                 <span class=\"progress-note\" data-progress=\"{progress}\" hidden></span></p></li>",
                slug = esc(l.slug),
                n = l.number,
                href = cfg.href(&format!("/lessons/{}/", l.slug)),
                title = esc(l.title),
                summary = esc(l.summary),
                counts = counts(l),
                progress = esc(&l.progress_template()),
                steps = esc(&l.steps.iter().map(|s| s.id).collect::<Vec<_>>().join(" ")),
                checks = esc(&l.checks().map(|c| c.id).collect::<Vec<_>>().join(" ")),
            )
        })
        .collect();
    let main = format!(
        "<h1>Lessons</h1>\n<p class=\"lede\">Step-by-step lessons on what Lambda costs and how to make it fast. Every \
         number in them is computed by the same engine as the calculators, and every lesson has live calculators \
         and questions to check yourself. {n} lessons, about {h} hours in all.</p>\n<ol class=\"lesson-list\">{cards}\
         </ol>\n{offline}",
        n = cfg.lessons.len(),
        h = (total as f64 / 60.0).round(),
        offline = crate::generate::pages::offline_control(),
    );
    framed(
        cfg,
        "/lessons/",
        "Lessons",
        "Step-by-step lessons on AWS Lambda cost and speed, with live calculators and questions to check yourself.",
        String::new(),
        &main,
        cfg.shared_loads(),
    )
}

/// Lesson HTML with in-site links under the public URL.
fn html(cfg: &Config, s: &str) -> String {
    s.replace(BASE_MARKER, cfg.base())
}

fn step_href(cfg: &Config, slug: &str, step: &str) -> String {
    cfg.href(&format!("/lessons/{slug}/?step={step}"))
}

fn calc_link(cfg: &Config, e: &Embed) -> String {
    if e.query.is_empty() { cfg.href(e.page) } else { format!("{}?{}", cfg.href(e.page), esc(e.query)) }
}

fn calc(cfg: &Config, e: &Embed) -> String {
    let params = if e.query.is_empty() { "its defaults".to_string() } else { e.query.replace('&', ", ") };
    let caption =
        if e.caption.is_empty() { String::new() } else { format!("<figcaption>{}</figcaption>", html(cfg, e.caption)) };
    // The calculator's first figures for this step's values, computed at
    // build time: the step shows them before (and without) the lessons module.
    let first = lambda_model::calculators::find(e.calc)
        .and_then(|c| crate::generate::pages::figures_html(c.info.module, e.query, cfg))
        .map(|h| {
            format!(
                "<div class=\"lesson-first\" data-testid=\"lesson-first-figures\" data-key=\"{}\">{h}</div>",
                esc(&format!("{}?{}", e.module, e.query))
            )
        })
        .unwrap_or_default();
    format!(
        "<figure class=\"lesson-calc\" data-calc=\"{calc}\">{caption}<div class=\"embedded-calc\">{first}<p class=\"hint\">\
         Live {calc} calculator with {params}.</p></div><p class=\"hint\"><a href=\"{link}\">Open this in the full \
         calculator</a></p></figure>",
        calc = esc(e.calc),
        params = esc(&params),
        link = calc_link(cfg, e),
    )
}

fn check(cfg: &Config, c: &Check) -> String {
    let explain = if c.explain.is_empty() { String::new() } else { format!("<p>{}</p>", html(cfg, c.explain)) };
    format!(
        "<div class=\"check\" data-check=\"{id}\"><p class=\"check-question\"><strong>Check yourself: </strong>\
         <span>{q}</span></p><details class=\"check-static\"><summary>Show the answer</summary><p>The answer is \
         <data data-metric=\"{metric}\" data-value=\"{exact}\">{text}</data>.</p>{explain}</details></div>",
        id = esc(c.id),
        q = html(cfg, c.question),
        metric = esc(c.metric),
        exact = esc(c.exact),
        text = esc(c.answer_text),
    )
}

fn block(cfg: &Config, b: &Block) -> String {
    match b {
        Block::Html(h) => format!("<div class=\"prose\">{}</div>", html(cfg, h)),
        Block::Calculator(e) => calc(cfg, e),
        Block::Check(c) => check(cfg, c),
        Block::Myth { myth, fact, source } => format!(
            "<aside class=\"myth\" aria-label=\"Myth and fact\"><p><strong>Myth: </strong><span>{}</span></p>\
             <p><strong>Fact: </strong><span>{}</span></p><p class=\"hint\">Source of the claim: <span>{}</span></p>\
             </aside>",
            html(cfg, myth),
            html(cfg, fact),
            html(cfg, source)
        ),
        Block::Code(samples) => {
            let body: String = samples
                .iter()
                .map(|s| {
                    format!(
                        "<p class=\"hint\">{}</p><pre class=\"code-sample\"><code>{}</code></pre>",
                        esc(s.label),
                        esc(s.code)
                    )
                })
                .collect();
            format!("<div class=\"code-tabs\">{body}</div>")
        }
    }
}

fn step(cfg: &Config, s: &Step) -> String {
    let blocks: String = s.blocks.iter().map(|b| block(cfg, b)).collect();
    format!(
        "<section class=\"lesson-step\" data-step=\"{id}\" aria-labelledby=\"step-{id}\"><h2 id=\"step-{id}\">{title}\
         </h2>{blocks}</section>",
        id = esc(s.id),
        title = esc(s.title)
    )
}

/// The step navigation as the lessons module draws it for the first step, so
/// that nothing moves when it takes over. Hidden without scripts.
fn step_nav(cfg: &Config, l: &Lesson, prev: Option<&Lesson>, where_: &str) -> String {
    let back = match prev {
        Some(p) => format!(
            "<a class=\"button\" href=\"{}\">← Lesson {}</a>",
            cfg.href(&format!("/lessons/{}/", p.slug)),
            p.number
        ),
        None => format!("<a class=\"button\" href=\"{}\">← All lessons</a>", cfg.href("/lessons/")),
    };
    let next = match l.steps.get(1) {
        Some(s) => {
            format!("<a class=\"button primary\" rel=\"next\" href=\"{}\">Next →</a>", step_href(cfg, l.slug, s.id))
        }
        None => format!("<a class=\"button primary\" href=\"{}\">All lessons →</a>", cfg.href("/lessons/")),
    };
    format!(
        "<nav class=\"step-nav js-only\" aria-label=\"Steps ({where_})\" data-testid=\"step-nav-{where_}\">{back}\
         <span class=\"step-count\" data-testid=\"step-count\">Step 1 of {n}</span>{next}</nav>",
        n = l.steps.len()
    )
}

pub(crate) fn page(cfg: &Config, i: usize, l: &Lesson) -> Result<Page, String> {
    let route = format!("/lessons/{}/", l.slug);
    let lessons = cfg.module("lessons")?;
    let prev = i.checked_sub(1).and_then(|k| cfg.lessons.get(k));
    let prereqs = if l.prerequisites.is_empty() {
        String::new()
    } else {
        let links: Vec<String> = l
            .prerequisites
            .iter()
            .map(|p| {
                let title = cfg.lessons.iter().find(|x| x.slug == *p).map(|x| x.title).unwrap_or(p);
                format!("<a href=\"{}\">{}</a>", cfg.href(&format!("/lessons/{p}/")), esc(title))
            })
            .collect();
        format!(" · Read first: {}", links.join(", "))
    };
    let toc: String = l
        .steps
        .iter()
        .map(|s| format!("<li><a href=\"{}\">{}</a></li>", step_href(cfg, l.slug, s.id), esc(s.title)))
        .collect();
    let steps: String = l.steps.iter().map(|s| step(cfg, s)).collect();
    let checks = l.checks().count();
    // The calculators the first step shows load with the page, fetched in
    // parallel with the lessons module.
    let mut loads = cfg.shared_loads();
    loads.extend([lessons.js.clone(), lessons.wasm.clone()]);
    // Which module to preload depends on the view (`?view=present` runs the
    // teaching module): the head's script picks one of the two.
    let teach_m = cfg.module("teach")?;
    let pair = |m: &Module| format!("{} {}", cfg.href(&format!("/{}", m.js)), cfg.href(&format!("/{}", m.wasm)));
    let mut head = format!(
        "<meta name=\"lambda-lab-preload\" data-page=\"{}\" data-teach=\"{}\">\n<script>{}</script>\n",
        esc(&pair(lessons)),
        esc(&pair(teach_m)),
        crate::generate::html::PRELOAD_SCRIPT
    );
    let mut modules = std::collections::BTreeMap::new();
    for (s, e, calculator) in l.embeds() {
        let m = cfg.module(e.module)?;
        modules.insert(e.module, cfg.href(&format!("/{}", m.js)));
        if s.id == l.steps[0].id && calculator && !loads.contains(&m.wasm) {
            loads.extend([m.js.clone(), m.wasm.clone()]);
            head.push_str(&preload(cfg, m));
        }
    }
    // A workshop's handout (`?view=handout&set=…`) prints other lessons'
    // calculators too: the page names every calculator module (a name costs
    // nothing; a module loads only when a calculator on screen needs it).
    for c in lambda_site_calc_modules() {
        let m = cfg.module(c)?;
        modules.entry(c).or_insert_with(|| cfg.href(&format!("/{}", m.js)));
    }
    let map: Vec<String> = modules.iter().map(|(k, v)| format!("\"{k}\":\"{v}\"")).collect();
    let main = format!(
        "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><a href=\"{index}\">Lessons</a> / Lesson {n}</nav>\n\
         <h1>{title}</h1>\n<p class=\"lede\">{summary}</p>\n<p class=\"hint lesson-meta\">{minutes} min read · {steps_n}\
         {prereqs}</p>\n<div id=\"app\" class=\"module-host lesson-app\" data-module=\"lessons\" data-mode=\"page\" \
         data-src=\"{src}\" data-teach-src=\"{teach}\" data-lesson=\"{slug}\" data-modules=\"{map}\">\n<div class=\"lesson-tools js-only\"><span>0 of {steps_of} \
         seen, 0 of {checks_of} answered</span><button type=\"button\" disabled>Reset progress</button><a \
         class=\"button\" href=\"{print}\">Print view</a><a class=\"button\" href=\"{present}\">Present</a></div>\n\
         <details class=\"toc\" open><summary>Contents</summary><ol>{toc}</ol></details>\n{top}\n<div \
         class=\"lesson-static\">{steps}</div>\n{bottom}\n</div>",
        index = cfg.href("/lessons/"),
        n = l.number,
        title = esc(l.title),
        summary = esc(l.summary),
        minutes = l.minutes,
        steps_n = plural(l.steps.len(), "step"),
        src = cfg.href(&format!("/{}", lessons.js)),
        teach = cfg.href(&format!("/{}", cfg.module("teach")?.js)),
        slug = esc(l.slug),
        map = esc(&format!("{{{}}}", map.join(","))),
        steps_of = plural(l.steps.len(), "step"),
        checks_of = plural(checks, "check"),
        print = cfg.href(&format!("/lessons/{}/?view=handout", l.slug)),
        present = cfg.href(&format!("/lessons/{}/?view=present&step={}", l.slug, l.steps[0].id)),
        top = step_nav(cfg, l, prev, "top"),
        bottom = step_nav(cfg, l, prev, "bottom"),
    );
    Ok(framed(cfg, &route, l.title, l.summary, head, &main, loads))
}

/// The workshop planner (`/workshop/`). Without scripts it lists the lessons
/// with their reading times and links; the lessons module turns it into the
/// planner. "Make available offline" sits outside the module's place, so a
/// teacher sees the site's size and its "Ready offline" state either way.
pub(crate) fn workshop(cfg: &Config) -> Result<Page, String> {
    let teach = cfg.module("teach")?;
    let mut loads = cfg.shared_loads();
    loads.extend([teach.js.clone(), teach.wasm.clone()]);
    let items: String = cfg
        .lessons
        .iter()
        .map(|l| {
            format!(
                "<li><a href=\"{}\">{}. {}</a> <span class=\"hint\">· {} min read</span></li>",
                cfg.href(&format!("/lessons/{}/", l.slug)),
                l.number,
                esc(l.title),
                l.minutes
            )
        })
        .collect();
    let main = format!(
        "<h1>Run a workshop</h1>\n<p class=\"lede\">Pick lessons and their order, see the timetable with breaks, and \
         get one link that presents them step by step on a projector, a handout for the room and an answer key. \
         Every step shows a QR code, so 30 laptops open the same page in seconds.</p>\n<div id=\"app\" \
         class=\"module-host workshop-app\" data-module=\"teach\" data-mode=\"page\" data-src=\"{src}\">\n\
         <noscript><p class=\"notice\">The planner needs JavaScript; the lessons work without it.</p></noscript>\n\
         <ol class=\"lesson-list\">{items}</ol>\n</div>\n{offline}",
        src = cfg.href(&format!("/{}", teach.js)),
        offline = crate::generate::pages::offline_control(),
    );
    Ok(framed(
        cfg,
        "/workshop/",
        "Run a workshop",
        "Plan a Lambda Lab workshop: lessons in order with a timetable, a presenter view with QR codes, handouts and \
         an answer key, and the whole site saved for offline use.",
        preload(cfg, teach),
        &main,
        loads,
    ))
}

//! A lesson page's interactive view, the lessons module's one page: a step
//! at a time (`?step=<id>`), or the whole lesson for printing
//! (`?view=print`). The page around it (breadcrumb, title, summary) is HTML
//! written by `crates/site`, which also holds every step's text for readers
//! without scripts; this view takes over the same places. Progress is kept
//! in guarded local storage; ←/→ move between steps through [`crate::nav`].

use crate::course::{self, Block, Check, Embed, Lesson, Progress, Sample};
use crate::modules::EmbeddedCalc;
use crate::paths::href;
use leptos::prelude::*;

/// The lesson slug in an address: `/lambda-lab/lessons/01-billing/?step=x` →
/// `01-billing`.
pub fn slug_of(location: &str, base: &str) -> String {
    let path = location.split(['?', '#']).next().unwrap_or("");
    let route = path.strip_prefix(base).unwrap_or(path);
    route.strip_prefix("/lessons").unwrap_or("").trim_matches('/').to_string()
}

/// The lessons module's root: the lesson the address names, to read.
#[component]
pub fn LessonsRoot() -> impl IntoView {
    let location = crate::nav::location();
    let slug = Memo::new(move |_| location.with(|l| slug_of(l, crate::paths::base())));
    (move || {
        let s = slug.get();
        match course::find(&s) {
            Some((index, lesson)) => view! { <LessonView lesson=lesson index=index location=location /> }.into_any(),
            None => view! { <NoSuchLesson slug=s /> }.into_any(),
        }
    })
    .into_any()
}

/// An address under /lessons/ that names no lesson (a host answers those
/// with its 404 page; this is for a page saved under another name).
#[component]
pub(crate) fn NoSuchLesson(slug: String) -> impl IntoView {
    view! {
        <p class="notice" data-testid="not-found">
            "There is no lesson called " <code>{slug}</code> ". It may have been renamed, or the link may have a typo. "
            <a href=href("/lessons/")>"See all lessons"</a>
        </p>
    }
}

/// The reader's progress in this lesson, shared by the page's parts.
#[derive(Clone, Copy)]
pub struct Tracker {
    pub(crate) slug: &'static str,
    pub(crate) progress: RwSignal<Progress>,
    /// False when storage refused the last write.
    pub(crate) stored: RwSignal<bool>,
}

impl Tracker {
    /// The progress stored for `lesson` (none when storage is unavailable).
    pub(crate) fn new(lesson: &'static Lesson) -> Tracker {
        Tracker { slug: lesson.slug, progress: RwSignal::new(course::load(lesson)), stored: RwSignal::new(true) }
    }

    fn update(self, f: impl FnOnce(&mut Progress)) {
        self.progress.update(f);
        let ok = self.progress.with_untracked(|p| course::save(self.slug, p));
        self.stored.set(ok);
    }
}

/// After moving to another step (not on the first draw), focuses its heading
/// (`#step-title`) so a screen reader announces it and Tab continues from the
/// top of the step.
pub(crate) fn focus_title_on_step_change(step: Memo<usize>) {
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let _ = step.get();
        if first.get_value() {
            first.set_value(false);
            // A step's own address (a QR code on a phone) opens with its
            // heading on screen, not the lesson's contents (the site script
            // has usually done so already: then nothing moves).
            if crate::url::query().split('&').any(|kv| kv.starts_with("step="))
                && let Some(w) = web_sys::window()
                && let Some(h) = w.document().and_then(|d| d.get_element_by_id("step-title"))
            {
                let top = h.get_bounding_client_rect().top();
                let height = w.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
                if top < 0.0 || top > height - 40.0 {
                    h.scroll_into_view();
                }
            }
            return;
        }
        if let Some(h) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("step-title")) {
            use wasm_bindgen::JsCast;
            if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    });
}

pub(crate) fn is_typing_target(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| is_typing_element(&el))
}

/// Whether keys pressed on this element are its own: a field, a slider, a tab.
pub(crate) fn is_typing_element(el: &web_sys::Element) -> bool {
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || el.get_attribute("role").is_some_and(|r| r == "tab" || r == "slider")
        || el.get_attribute("contenteditable").is_some_and(|v| v != "false")
}

/// How a lesson page is shown, from `?view=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A step at a time, for reading.
    Steps,
    /// One step per screen for a projector, with a QR code (`present`).
    Present,
    /// For students, printed: every step, checks without answers, each
    /// calculator as its figures with a QR code (`handout`; `print` is the
    /// same view under its older name).
    Handout,
    /// The handout with every check's answer (`answers`).
    Answers,
}

impl Mode {
    pub fn parse(v: Option<&str>) -> Mode {
        match v {
            Some("present") => Mode::Present,
            Some("handout" | "print") => Mode::Handout,
            Some("answers") => Mode::Answers,
            _ => Mode::Steps,
        }
    }

    /// The class on the document element, which hides the site's chrome.
    pub fn class(self) -> Option<&'static str> {
        match self {
            Mode::Steps => None,
            Mode::Present => Some("presenting"),
            Mode::Handout | Mode::Answers => Some("handing-out"),
        }
    }
}

/// The lessons of a workshop, `set=1,4,7` (lesson numbers, in teaching
/// order; the breaks a set may hold, `b15`, are the presenter's). Unknown
/// numbers and repeats are left out.
pub fn set_of(v: &str) -> Vec<&'static Lesson> {
    crate::slides::items(v)
        .into_iter()
        .filter_map(|i| match i {
            crate::slides::Item::Lesson(l) => Some(l),
            crate::slides::Item::Break(_) => None,
        })
        .collect()
}

/// A lesson page's address in a view: `/lessons/<slug>/?view=present&set=1,4&step=<id>`.
pub fn view_href(lesson: &Lesson, mode: &str, set: &str, step: Option<&str>) -> String {
    let mut q = format!("view={mode}");
    if !set.is_empty() {
        q.push_str(&format!("&set={set}"));
    }
    if let Some(s) = step {
        q.push_str(&format!("&step={s}"));
    }
    href(&format!("/lessons/{}/?{q}", lesson.slug))
}

#[component]
fn LessonView(lesson: &'static Lesson, index: usize, location: RwSignal<String>) -> impl IntoView {
    provide_code_language();
    let tracker = Tracker::new(lesson);
    let param = move |key: &str| location.with(|l| crate::nav::query_param(l, key));
    let mode = Memo::new(move |_| Mode::parse(param("view").as_deref()));
    // A link to a section (`/lessons/<slug>/#<step>`, as the coverage map and
    // the no-script page write them) opens that step when the address has no
    // `step` of its own.
    let hash_step = move || {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .and_then(|h| lesson.step_index(h.trim_start_matches('#')))
    };
    let step = Memo::new(move |_| match param("step") {
        Some(k) => lesson.step_index(&k).unwrap_or(0),
        None => hash_step().unwrap_or(0),
    });
    let unknown_step = Memo::new(move |_| param("step").filter(|k| lesson.step_index(k).is_none()));
    // The presenter view and handouts are the teaching module's: asking for
    // one (the back button) loads it.
    Effect::new(move |_| {
        if mode.get() != Mode::Steps
            && let Some(w) = web_sys::window()
        {
            let _ = w.location().reload();
        }
    });
    // Seeing a step is progress.
    Effect::new(move |_| {
        if mode.get() == Mode::Steps {
            let id = lesson.steps[step.get()].id;
            tracker.update(|p| p.see(id));
        }
    });
    // ←/→ move between steps, unless the reader is typing or using a control
    // that owns the arrow keys.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if mode.get_untracked() != Mode::Steps
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || is_typing_target(&ev)
        {
            return;
        }
        let key = ev.key();
        let i = step.get_untracked();
        let target = match key.as_str() {
            "ArrowRight" if i + 1 < lesson.steps.len() => i + 1,
            "ArrowLeft" if i > 0 => i - 1,
            _ => return,
        };
        ev.prevent_default();
        crate::nav::go(&course::step_href(lesson.slug, Some(lesson.steps[target].id)));
    });
    on_cleanup(move || handle.remove());
    focus_title_on_step_change(step);
    let prev_lesson = index.checked_sub(1).map(|i| &course::LESSONS[i]);
    let next_lesson = course::LESSONS.get(index + 1);
    move || {
        match mode.get() {
        Mode::Present | Mode::Handout | Mode::Answers => ().into_any(),
        Mode::Steps => view! {
            {move || unknown_step.get().map(|k| view! {
                <p class="notice" role="status">{format!("This lesson has no step '{k}'; showing the first step.")}</p>
            })}
            <div class="lesson-tools">
                <span data-testid="progress" role="status">{move || tracker.progress.with(|p| p.summary(lesson))}</span>
                {move || (!tracker.stored.get()).then(|| view! {
                    <span class="hint">" (this browser does not let the page keep it)"</span>
                })}
                <button type="button" data-testid="reset-progress" on:click=move |_| tracker.update(|p| *p = Progress::default())>
                    "Reset progress"
                </button>
                <a class="button" href=view_href(lesson, "handout", "", None) data-testid="print-view" data-reload="">"Print view"</a>
                <a class="button" href=move || view_href(lesson, "present", "", Some(lesson.steps[step.get()].id)) data-testid="present-view" data-reload="">"Present"</a>
            </div>
            <details class="toc" open=true>
                <summary>"Contents"</summary>
                <ol>
                    {lesson.steps.iter().enumerate().map(|(i, s)| view! {
                        <li>
                            <a href=course::step_href(lesson.slug, Some(s.id)) aria-current=move || (step.get() == i).then_some("step")>
                                {s.title}
                            </a>
                            {move || tracker.progress.with(|p| p.seen.iter().any(|x| x == s.id)).then(|| view! {
                                <span class="seen" aria-label="seen">" ✓"</span>
                            })}
                        </li>
                    }).collect_view()}
                </ol>
            </details>
            {move || {
                let i = step.get();
                let s = &lesson.steps[i];
                view! {
                    <StepNav lesson=lesson i=i prev_lesson=prev_lesson next_lesson=next_lesson where_="top" />
                    <section class="lesson-step" aria-labelledby="step-title" data-step=s.id>
                        <h2 id="step-title" tabindex="-1">{s.title}</h2>
                        {s.blocks.iter().map(|b| block_view(b, tracker, Render::Live, live_calc)).collect_view()}
                    </section>
                    <StepNav lesson=lesson i=i prev_lesson=prev_lesson next_lesson=next_lesson where_="bottom" />
                }
            }}
        }
        .into_any(),
    }
    }
}

#[component]
fn StepNav(
    lesson: &'static Lesson,
    i: usize,
    prev_lesson: Option<&'static Lesson>,
    next_lesson: Option<&'static Lesson>,
    where_: &'static str,
) -> impl IntoView {
    let n = lesson.steps.len();
    let prev = if i > 0 {
        view! { <a class="button" rel="prev" href=course::step_href(lesson.slug, Some(lesson.steps[i - 1].id))>"← Previous"</a> }.into_any()
    } else {
        match prev_lesson {
            Some(p) => view! { <a class="button" href=href(&format!("/lessons/{}/", p.slug))>{format!("← Lesson {}", p.number)}</a> }.into_any(),
            None => view! { <a class="button" href=href("/lessons/")>"← All lessons"</a> }.into_any(),
        }
    };
    let next = if i + 1 < n {
        view! { <a class="button primary" rel="next" href=course::step_href(lesson.slug, Some(lesson.steps[i + 1].id))>"Next →"</a> }.into_any()
    } else {
        match next_lesson {
            Some(l) => view! { <a class="button primary" href=href(&format!("/lessons/{}/", l.slug))>{format!("Next lesson: {} →", l.title)}</a> }.into_any(),
            None => view! { <a class="button primary" href=href("/lessons/")>"All lessons →"</a> }.into_any(),
        }
    };
    view! {
        <nav class="step-nav" aria-label=format!("Steps ({where_})") data-testid=format!("step-nav-{where_}")>
            {prev}
            <span class="step-count" data-testid="step-count">{format!("Step {} of {}", i + 1, n)}</span>
            {next}
        </nav>
    }
}

/// How a block is drawn: live on screen, or printed for students with or
/// without the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Render {
    Live,
    Handout,
    Answers,
}

/// Draws a block; calculators through `calc` ([`live_calc`] on screen, the
/// teaching module's printed form in handouts), so the reading module
/// carries no printing code.
pub(crate) fn block_view(
    b: &'static Block,
    tracker: Tracker,
    render: Render,
    calc: fn(&'static Embed) -> AnyView,
) -> AnyView {
    let print = render != Render::Live;
    match b {
        Block::Html(h) => view! { <div class="prose" inner_html=course::html(h)></div> }.into_any(),
        Block::Calculator(e) => calc(e),
        Block::Check(c) => view! { <CheckView check=c tracker=tracker render=render /> }.into_any(),
        Block::Myth { myth, fact, source } => view! {
            <aside class="myth" aria-label="Myth and fact">
                <p><strong>"Myth: "</strong><span inner_html=course::html(myth)></span></p>
                <p><strong>"Fact: "</strong><span inner_html=course::html(fact)></span></p>
                <p class="hint">"Source of the claim: "<span inner_html=course::html(source)></span></p>
            </aside>
        }
        .into_any(),
        Block::Code(samples) => view! { <CodeTabs samples=samples print=print /> }.into_any(),
    }
}

/// A lesson's calculator on screen: the compact layout of an embed (its
/// results, the inputs the step is about, "All inputs" collapsed).
pub(crate) fn live_calc(e: &'static Embed) -> AnyView {
    let caption =
        (!e.caption.is_empty()).then(|| view! { <figcaption inner_html=course::html(e.caption)></figcaption> });
    view! {
        <figure class="lesson-calc" data-calc=e.calc>
            {caption}
            <EmbeddedCalc module=e.module query=e.compact_query() compact=true first=format!("{}?{}", e.module, e.query) />
        </figure>
    }
    .into_any()
}

/// Code samples on a page follow one chosen language, kept in storage.
pub(crate) fn provide_code_language() {
    provide_context(CodeLanguage(RwSignal::new(crate::storage::get("code-lang").unwrap_or_default())));
}

/// A check's answer as a figure: its metric and exact value, as written.
pub(crate) fn answer_figure(check: &'static Check) -> impl IntoView {
    view! { <data data-metric=check.metric data-value=check.exact>{check.answer_text}</data> }
}

#[component]
fn CheckView(check: &'static Check, tracker: Tracker, render: Render) -> impl IntoView {
    let input_id = format!("{}-answer", check.id);
    let q_id = format!("{}-question", check.id);
    let (typed, set_typed) = signal(String::new());
    // None: not answered; Some(Ok(right?)); Some(Err) for not a number.
    let (verdict, set_verdict) = signal::<Option<Result<bool, ()>>>(None);
    let (revealed, set_revealed) = signal(false);
    let done_before = tracker.progress.with_untracked(|p| p.correct.iter().any(|c| c == check.id));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = check.judge(&typed.get_untracked());
        set_verdict.set(Some(v.ok_or(())));
        if v == Some(true) {
            tracker.update(|p| p.answer(check.id));
        }
    };
    let unit = match check.unit {
        "" => String::new(),
        u => format!(" (in {})", if u == "$" { "dollars" } else { u }),
    };
    match render {
        Render::Handout => {
            return view! {
                <div class="check printed-check" data-check=check.id>
                    <p><strong>"Check yourself: "</strong><span inner_html=course::html(check.question)></span></p>
                    <p class="answer-line">{format!("Your answer{unit}:")}<span class="blank" aria-hidden="true"></span></p>
                </div>
            }
            .into_any();
        }
        Render::Answers => {
            return view! {
                <div class="check printed-check" data-check=check.id>
                    <p><strong>"Check yourself: "</strong><span inner_html=course::html(check.question)></span></p>
                    <p class="answer" data-testid="answer">"Answer: "{answer_figure(check)}{format!(", {}.", check.what)}</p>
                    {(!check.explain.is_empty()).then(|| view! { <p class="hint" inner_html=course::html(check.explain)></p> })}
                </div>
            }
            .into_any();
        }
        Render::Live => {}
    }
    view! {
        <div class="check" data-check=check.id>
            <p class="check-question" id=q_id.clone()><strong>"Check yourself: "</strong><span inner_html=course::html(check.question)></span></p>
            {done_before.then(|| view! {
                <p class="hint" data-testid="check-done">"You answered this correctly before: "{answer_figure(check)}"."</p>
            })}
            <form class="check-form" on:submit=submit>
                <label for=input_id.clone()>{format!("Your answer{unit}")}</label>
                <input
                    id=input_id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby=q_id
                    prop:value=move || typed.get()
                    on:input=move |ev| set_typed.set(event_target_value(&ev))
                />
                <button type="submit">"Check"</button>
                <button type="button" data-testid="show-me" on:click=move |_| set_revealed.set(true)>"Show me"</button>
            </form>
            <div role="status" class="check-feedback">
                {move || match verdict.get() {
                    Some(Ok(true)) => view! {
                        <p class="right" data-result="right">"Right: "{answer_figure(check)}"."</p>
                    }.into_any(),
                    Some(Ok(false)) => view! {
                        <p class="wrong" data-result="wrong">"Not quite. Hint: "<span inner_html=course::html(check.hint)></span></p>
                    }.into_any(),
                    Some(Err(())) => view! {
                        <p class="wrong" data-result="invalid">"Type a number, for example 3.5 (a $ sign, commas and units are fine)."</p>
                    }.into_any(),
                    None => ().into_any(),
                }}
            </div>
            {move || (revealed.get() || verdict.get() == Some(Ok(true))).then(|| view! {
                <div class="check-answer">
                    <p>
                        "The answer is "
                        {answer_figure(check)}
                        {format!(": {} for these parameters.", check.what)}
                    </p>
                    {(!check.explain.is_empty()).then(|| view! { <p inner_html=course::html(check.explain)></p> })}
                </div>
            })}
            {move || revealed.get().then(|| live_calc(&check.embed))}
        </div>
    }
    .into_any()
}

/// Code samples in several languages; choosing a language switches every
/// sample on the page and is remembered.
#[component]
fn CodeTabs(samples: &'static [Sample], print: bool) -> impl IntoView {
    let lang = code_language();
    if print {
        // Paper gets one language: the address's `lang=` (the workshop
        // planner's choice), else the reader's, else the first.
        let want = crate::url::query()
            .split('&')
            .find_map(|kv| kv.strip_prefix("lang=").map(str::to_string))
            .unwrap_or_else(|| lang.get_untracked());
        let s = samples.iter().find(|s| s.lang == want).unwrap_or(&samples[0]);
        return view! { <p class="hint">{s.label}</p><pre><code>{s.code}</code></pre> }.into_any();
    }
    let current = Memo::new(move |_| {
        let want = lang.get();
        samples.iter().position(|s| s.lang == want).unwrap_or(0)
    });
    view! {
        <div class="code-tabs">
            <div class="code-langs" role="group" aria-label="Language">
                {samples.iter().enumerate().map(|(i, s)| view! {
                    <button
                        type="button"
                        aria-pressed=move || if current.get() == i { "true" } else { "false" }
                        on:click=move |_| {
                            lang.set(s.lang.to_string());
                            crate::storage::set("code-lang", s.lang);
                        }
                    >
                        {s.label}
                    </button>
                }).collect_view()}
            </div>
            <pre class="code-sample" tabindex="0" aria-label=move || format!("{} code", samples[current.get()].label)>
                <code>{move || samples[current.get()].code}</code>
            </pre>
        </div>
    }
    .into_any()
}

/// The language chosen for code samples, shared by the whole lesson page.
#[derive(Clone, Copy)]
struct CodeLanguage(RwSignal<String>);

fn code_language() -> RwSignal<String> {
    use_context::<CodeLanguage>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(crate::storage::get("code-lang").unwrap_or_default()))
}

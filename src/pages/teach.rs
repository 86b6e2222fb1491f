//! The teaching module (`lambda-lab-teach`): what a workshop runs on. A
//! lesson page asks for it instead of the lessons module when its address
//! says `?view=present` (one step per screen for a projector, with a QR code
//! for the room), `?view=handout` (printed, without answers; `print` is its
//! older name) or `?view=answers` (the answer key), and the workshop page
//! (`/workshop/`) is its planner. Kept apart so that reading a lesson never
//! downloads presenting, printing or QR code.

use crate::course::{self, Embed, Lesson};
use crate::modules::EmbeddedCalc;
use crate::pages::lesson::{
    Mode, NoSuchLesson, Render, Tracker, answer_figure, block_view, focus_title_on_step_change, is_typing_target,
    live_calc, set_of, slug_of, view_href,
};
use crate::qr;
use leptos::prelude::*;

/// The teaching module's root: the workshop planner on `/workshop/`, or the
/// lesson the address names, presented or printed.
#[component]
pub fn TeachRoot() -> impl IntoView {
    let location = crate::nav::location();
    let base = crate::paths::base();
    if location.with_untracked(|l| l.strip_prefix(base).unwrap_or(l).starts_with("/workshop")) {
        return view! { <crate::pages::workshop::WorkshopView /> }.into_any();
    }
    let slug = Memo::new(move |_| location.with(|l| slug_of(l, crate::paths::base())));
    (move || {
        let s = slug.get();
        match course::find(&s) {
            Some((_, lesson)) => view! { <TeachView lesson=lesson location=location /> }.into_any(),
            None => view! { <NoSuchLesson slug=s /> }.into_any(),
        }
    })
    .into_any()
}

/// Where the presenter goes from step `i` of `lesson` for `key` (`next`,
/// `prev`, `home`, `end`), walking across the lessons of the set when this
/// lesson is one of them; `None` at either end.
pub fn present_target(
    lesson: &'static Lesson,
    i: usize,
    set: &[&'static Lesson],
    key: &str,
) -> Option<(&'static Lesson, usize)> {
    let k = set.iter().position(|l| l.slug == lesson.slug);
    let last = lesson.steps.len() - 1;
    match key {
        "next" if i < last => Some((lesson, i + 1)),
        "next" => k.and_then(|k| set.get(k + 1)).map(|l| (*l, 0)),
        "prev" if i > 0 => Some((lesson, i - 1)),
        "prev" => k.and_then(|k| k.checked_sub(1)).map(|k| (set[k], set[k].steps.len() - 1)),
        "home" => Some(set.first().filter(|_| k.is_some()).map_or((lesson, 0), |l| (*l, 0))),
        "end" => Some(set.last().filter(|_| k.is_some()).map_or((lesson, last), |l| (*l, l.steps.len() - 1))),
        _ => None,
    }
}

fn toggle_full_screen() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let full =
        js_sys::Reflect::get(&doc, &"fullscreenElement".into()).ok().is_some_and(|e| !e.is_null() && !e.is_undefined());
    let (target, name): (wasm_bindgen::JsValue, &str) = if full {
        (doc.clone().into(), "exitFullscreen")
    } else {
        match doc.document_element() {
            Some(el) => (el.into(), "requestFullscreen"),
            None => return,
        }
    };
    if let Ok(f) = js_sys::Reflect::get(&target, &name.into()) {
        use wasm_bindgen::JsCast;
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            // A promise that rejects when the browser refuses (an iframe
            // without allowfullscreen); nothing to do then.
            let _ = f.call0(&target);
        }
    }
}

#[component]
fn TeachView(lesson: &'static Lesson, location: RwSignal<String>) -> impl IntoView {
    crate::pages::lesson::provide_code_language();
    let tracker = Tracker::new(lesson);
    let param = move |key: &str| location.with(|l| crate::nav::query_param(l, key));
    let mode = Memo::new(move |_| Mode::parse(param("view").as_deref()));
    let set_q = Memo::new(move |_| param("set").unwrap_or_default());
    let set = Memo::new(move |_| set_of(&set_q.get()));
    let step = Memo::new(move |_| param("step").and_then(|k| lesson.step_index(&k)).unwrap_or(0));
    // The screen blanked to black or white ("b"/"." and "w"/","), as in presentation software.
    let blank = RwSignal::new(None::<&'static str>);
    // Presenting and handing out hide the site's chrome.
    Effect::new(move |prev: Option<Option<&'static str>>| {
        let class = mode.get().class();
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            if let Some(Some(old)) = prev {
                let _ = root.class_list().remove_1(old);
            }
            if let Some(c) = class {
                let _ = root.class_list().add_1(c);
            }
        }
        class
    });
    on_cleanup(|| {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.class_list().remove_2("presenting", "handing-out");
        }
    });
    // The reader's view is the lessons module's: going back to it (the back
    // button) loads it.
    Effect::new(move |_| {
        if mode.get() == Mode::Steps
            && let Some(w) = web_sys::window()
        {
            let _ = w.location().reload();
        }
    });
    // Presenting: the keys clickers send (PageDown/PageUp) change slides
    // whatever has focus, a slider or a field included (a clicker cannot
    // move focus); Space too, except on a button or link (which it presses)
    // or in a text box. The arrows, Home/End, F for full screen and B/./W/,
    // to blank the screen stay with a focused field or slider.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let m = mode.get_untracked();
        if m != Mode::Present || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let key = ev.key();
        let typing = is_typing_target(&ev);
        let target_tag = || {
            use wasm_bindgen::JsCast;
            ev.target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map(|el| el.tag_name().to_ascii_lowercase())
                .unwrap_or_default()
        };
        let on_control = || matches!(target_tag().as_str(), "button" | "a" | "summary");
        if blank.get_untracked().is_some() {
            // Any key brings the slide back (the clicker's "blank" key again too).
            ev.prevent_default();
            blank.set(None);
            return;
        }
        if typing && !matches!(key.as_str(), "PageDown" | "PageUp" | " ") {
            return;
        }
        if typing && key == " " && target_tag() == "textarea" {
            return;
        }
        let i = step.get_untracked();
        let action = match key.as_str() {
            "PageDown" => "next",
            "ArrowRight" => "next",
            "b" | "B" | "." => {
                ev.prevent_default();
                blank.set(Some("black"));
                return;
            }
            "w" | "W" | "," => {
                ev.prevent_default();
                blank.set(Some("white"));
                return;
            }
            " " if !on_control() => {
                if ev.shift_key() {
                    "prev"
                } else {
                    "next"
                }
            }
            "PageUp" | "ArrowLeft" => "prev",
            "Home" => "home",
            "End" => "end",
            "f" | "F" => {
                ev.prevent_default();
                toggle_full_screen();
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let set = set.get_untracked();
        if let Some((l, k)) = present_target(lesson, i, &set, action) {
            crate::nav::go(&view_href(l, "present", &set_q.get_untracked(), Some(l.steps[k].id)));
        }
    });
    on_cleanup(move || handle.remove());
    focus_title_on_step_change(step);
    move || match mode.get() {
        Mode::Present => {
            let set = set.get();
            view! {
                <PresentView lesson=lesson i=step.get() set=set set_q=set_q.get() tracker=tracker />
                {move || blank.get().map(|colour| view! {
                    // As presentation software does: the screen goes black (B, .) or white (W, ,) until any key or a click.
                    <div class=format!("blank-screen blank-{colour}") data-testid="blank-screen" role="presentation" on:click=move |_| blank.set(None)></div>
                })}
            }
            .into_any()
        }
        m @ (Mode::Handout | Mode::Answers) => {
            let set = set.get();
            let lessons = if set.is_empty() { vec![lesson] } else { set };
            view! { <HandoutView lessons=lessons answers={m == Mode::Answers} set_q=set_q.get() here=lesson tracker=tracker /> }
                .into_any()
        }
        Mode::Steps => ().into_any(),
    }
}

/// One step per screen, for a projector: the step's title and "n / N"
/// always in view, a QR code and the address of the step for the room, and
/// the keys a clicker sends.
#[component]
fn PresentView(
    lesson: &'static Lesson,
    i: usize,
    set: Vec<&'static Lesson>,
    set_q: String,
    tracker: Tracker,
) -> impl IntoView {
    let s = &lesson.steps[i];
    let n = lesson.steps.len();
    // The reader's view of this step, by number (the shortest address).
    let url = qr::absolute(&format!("/lessons/{}/?step={}", lesson.slug, i + 1));
    let code = qr::svg(&url, &format!("QR code to open this step: {}", qr::shown(&url))).unwrap_or_default();
    // Where the room is in the whole workshop, not only in this lesson.
    let in_set = set.iter().position(|l| l.slug == lesson.slug).map(|k| {
        let before: usize = set[..k].iter().map(|l| l.steps.len()).sum();
        let total: usize = set.iter().map(|l| l.steps.len()).sum();
        format!(" · lesson {} of {} · slide {} of {total} in this workshop", k + 1, set.len(), before + i + 1)
    });
    let link = |action: &'static str, label: &'static str, rel: &'static str| {
        present_target(lesson, i, &set, action).map(|(l, k)| {
            view! { <a class="button" rel=rel href=view_href(l, "present", &set_q, Some(l.steps[k].id)) data-testid=format!("present-{action}")>{label}</a> }
        })
    };
    view! {
        <div class="present" data-testid="presenter">
            <div class="present-bar">
                <div class="present-heading">
                    <h1 id="step-title" tabindex="-1">{s.title}</h1>
                    <p class="present-where">{format!("Lesson {}: {}", lesson.number, lesson.title)}{in_set}</p>
                </div>
                <p class="present-count" data-testid="present-count">{format!("{} / {n}", i + 1)}</p>
                <div class="present-actions">
                    {link("prev", "← Back", "prev")}
                    {link("next", "Next →", "next")}
                    <button type="button" aria-keyshortcuts="f" on:click=|_| toggle_full_screen()>"Full screen"</button>
                    <a class="button" href=course::step_href(lesson.slug, Some(s.id)) data-testid="present-exit" data-reload="">"Exit"</a>
                </div>
            </div>
            <div class="present-main">
                <section class="lesson-step present-step" aria-labelledby="step-title" data-step=s.id>
                    {s.blocks.iter().map(|b| block_view(b, tracker, Render::Live, live_calc)).collect_view()}
                </section>
                <aside class="present-qr" aria-label="Open this step on your own device">
                    <div class="qr-box" inner_html=code data-testid="qr" data-url=url.clone()></div>
                    <p class="present-url">{qr::shown(&url).to_string()}</p>
                </aside>
            </div>
            <p class="present-keys hint">"Keys: → PageDown Space next · ← PageUp back · Home End · F full screen · B black · W white"</p>
        </div>
    }
}

/// The printed lessons: a handout for students (checks without answers), or
/// the answer key; each calculator as its current figures with a QR code
/// and the address to open it live.
#[component]
fn HandoutView(
    lessons: Vec<&'static Lesson>,
    answers: bool,
    set_q: String,
    here: &'static Lesson,
    tracker: Tracker,
) -> impl IntoView {
    let render = if answers { Render::Answers } else { Render::Handout };
    let what = if answers { "Answer key" } else { "Handout" };
    let title = format!(
        "{what}: {}",
        if lessons.len() == 1 {
            format!("Lesson {}", lessons[0].number)
        } else {
            format!(
                "{} lessons ({})",
                lessons.len(),
                lessons.iter().map(|l| l.number.to_string()).collect::<Vec<_>>().join(", ")
            )
        }
    );
    if answers {
        // The key a teacher keeps at hand: one row per check (its step, the
        // question, the answer with its unit, how to get it), a page or two
        // for a whole workshop; the handout has the lessons in full.
        return view! {
            <div class="handout answer-key" data-testid="answers">
                <h1 class="handout-title" data-testid="handout-title">{title}</h1>
                <div class="handout-tools">
                    <button type="button" class="primary" on:click=|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print"</button>
                    <a class="button" href=view_href(here, "handout", &set_q, None)>"Handout without answers"</a>
                    <a class="button" href=course::step_href(here.slug, None) data-reload="">"Step by step"</a>
                </div>
                {lessons.into_iter().map(|l| view! {
                    <section class="answer-lesson" aria-labelledby=format!("key-{}", l.slug)>
                        <h2 id=format!("key-{}", l.slug)>{format!("Lesson {}: {}", l.number, l.title)}</h2>
                        <table class="answer-table">
                            <thead><tr><th scope="col">"Step"</th><th scope="col">"Check"</th><th scope="col">"Answer"</th><th scope="col">"How to get it"</th></tr></thead>
                            <tbody>
                                {l.steps.iter().enumerate().flat_map(|(i, s)| s.blocks.iter().filter_map(move |b| match b {
                                    lambda_lessons::Block::Check(c) => Some(view! {
                                        <tr data-check=c.id>
                                            <td>{i + 1}</td>
                                            <td inner_html=course::html(c.question)></td>
                                            <td data-testid="answer">{answer_figure(c)}{format!(", {}", c.what)}</td>
                                            <td inner_html=course::html(c.hint)></td>
                                        </tr>
                                    }),
                                    _ => None,
                                })).collect_view()}
                            </tbody>
                        </table>
                    </section>
                }).collect_view()}
            </div>
        }
        .into_any();
    }
    let other = ("answers", "Answer key");
    view! {
        <div class="handout" data-testid="handout">
            <h1 class="handout-title" data-testid="handout-title">{title}</h1>
            <div class="handout-tools">
                <button type="button" class="primary" on:click=|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print"</button>
                <a class="button" href=view_href(here, other.0, &set_q, None)>{other.1}</a>
                <a class="button" href=course::step_href(here.slug, None) data-reload="">"Step by step"</a>
            </div>
            {lessons.into_iter().map(|l| view! {
                <article class="handout-lesson lesson-print" aria-labelledby=format!("handout-{}", l.slug)>
                    <h2 id=format!("handout-{}", l.slug)>{format!("Lesson {}: {}", l.number, l.title)}</h2>
                    <p class="hint">{l.summary}</p>
                    {l.steps.iter().enumerate().map(|(i, s)| view! {
                        <section class="lesson-step" aria-labelledby=format!("print-{}-{}", l.slug, s.id)>
                            <h3 id=format!("print-{}-{}", l.slug, s.id)>{format!("{}. {}", i + 1, s.title)}</h3>
                            {s.blocks.iter().map(|b| block_view(b, tracker, render, printed_calc)).collect_view()}
                        </section>
                    }).collect_view()}
                </article>
            }).collect_view()}
        </div>
    }
    .into_any()
}

fn calc_route(e: &Embed) -> String {
    if e.query.is_empty() { e.page.to_string() } else { format!("{}?{}", e.page, e.query) }
}

/// A lesson's calculator printed: its figures (the calculator mounted with
/// its result only), a QR code and the address that opens it live.
fn printed_calc(e: &'static Embed) -> AnyView {
    let caption =
        (!e.caption.is_empty()).then(|| view! { <figcaption inner_html=course::html(e.caption)></figcaption> });
    let url = qr::absolute(&calc_route(e));
    let code = qr::svg(&url, &format!("QR code to open this calculator: {}", qr::shown(&url)));
    let figures = if e.query.is_empty() { "show=result".to_string() } else { format!("{}&show=result", e.query) };
    view! {
        <figure class="lesson-calc printed-calc" data-calc=e.calc>
            {caption}
            <div class="printed-calc-body">
                <EmbeddedCalc module=e.module query=figures compact=true />
                <div class="printed-calc-link">
                    {code.map(|c| view! { <div class="qr-box" inner_html=c data-testid="calc-qr" data-url=url.clone()></div> })}
                    <p class="hint">"Open it live: "<a href=url.clone()>{qr::shown(&url).to_string()}</a></p>
                </div>
            </div>
        </figure>
    }
    .into_any()
}

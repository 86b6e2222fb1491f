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
    Mode, NoSuchLesson, Render, Tracker, block_view, focus_title_on_step_change, is_typing_target, live_calc, set_of,
    slug_of, view_href,
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
    // Presenting: the keys clickers send (PageDown/PageUp), the arrows,
    // Space, Home/End, and F for full screen; not while typing in a field.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let m = mode.get_untracked();
        if m != Mode::Present || ev.alt_key() || ev.ctrl_key() || ev.meta_key() || is_typing_target(&ev) {
            return;
        }
        let key = ev.key();
        let on_control = || {
            use wasm_bindgen::JsCast;
            ev.target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| matches!(el.tag_name().to_ascii_lowercase().as_str(), "button" | "a" | "summary"))
        };
        let i = step.get_untracked();
        let action = match key.as_str() {
            "PageDown" | "ArrowRight" => "next",
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
            view! { <PresentView lesson=lesson i=step.get() set=set set_q=set_q.get() tracker=tracker /> }.into_any()
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
    let in_set = set
        .iter()
        .position(|l| l.slug == lesson.slug)
        .map(|k| format!(" · lesson {} of {} in this workshop", k + 1, set.len()));
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
            <p class="present-keys hint">"Keys: → PageDown Space next · ← PageUp back · Home End · F full screen"</p>
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
    let other = if answers { ("handout", "Handout without answers") } else { ("answers", "Answer key") };
    let count = lessons.len();
    view! {
        <div class="handout" data-testid=if answers { "answers" } else { "handout" }>
            <h1 class="handout-title" data-testid="handout-title">
                {format!("{what}: {}", if count == 1 { format!("Lesson {}", lessons[0].number) } else { format!("{count} lessons ({})", lessons.iter().map(|l| l.number.to_string()).collect::<Vec<_>>().join(", ")) })}
            </h1>
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

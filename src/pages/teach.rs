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
    Mode, NoSuchLesson, Render, Tracker, answer_figure, block_view, set_of, slug_of, view_href,
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

#[component]
fn TeachView(lesson: &'static Lesson, location: RwSignal<String>) -> impl IntoView {
    crate::pages::lesson::provide_code_language();
    let tracker = Tracker::new(lesson);
    let param = move |key: &str| location.with(|l| crate::nav::query_param(l, key));
    let mode = Memo::new(move |_| Mode::parse(param("view").as_deref()));
    let set_q = Memo::new(move |_| param("set").unwrap_or_default());
    let set = Memo::new(move |_| set_of(&set_q.get()));
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
    move || match mode.get() {
        Mode::Present => {
            view! { <crate::pages::present::Presenter lesson=lesson location=location tracker=tracker /> }.into_any()
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

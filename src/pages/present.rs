//! The presenter (`?view=present`, in the teaching module): a lesson step by
//! step for a projector, each step cut into as many slides as the screen
//! needs (`&part=2`), the breaks the plan puts between lessons
//! (`set=1,2,b15,4`, `&step=break`), the keys a clicker sends, blanking, and
//! a QR code of each step for the room. What to walk through and how to cut
//! a step is pure ([`crate::slides`]); this file measures the page and shows
//! one slide.

use crate::course::{self, Lesson};
use crate::pages::lesson::{
    Render, Tracker, block_view, focus_title_on_step_change, is_typing_element, is_typing_target, live_calc, set_of,
};
use crate::qr;
use crate::slides::{self, Stop, Unit};
use leptos::html::Section;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The presenter's address for a stop (and a slide of it: 1-based, or `last`).
fn stop_href(stop: Stop, set_q: &str, part: Option<String>) -> String {
    let (lesson, step) = match stop {
        Stop::Step(l, k) => (l, l.steps[k].id),
        Stop::Break { before, .. } => (before, "break"),
    };
    let mut href = crate::pages::lesson::view_href(lesson, "present", set_q, Some(step));
    if let Some(p) = part {
        href.push_str(&format!("&part={p}"));
    }
    href
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
    if let Ok(f) = js_sys::Reflect::get(&target, &name.into())
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
    {
        // A promise that rejects when the browser refuses (an iframe
        // without allowfullscreen); nothing to do then.
        let _ = f.call0(&target);
    }
}

/// The presenter for `lesson`, on the stop and slide its address names.
#[component]
pub(crate) fn Presenter(lesson: &'static Lesson, location: RwSignal<String>, tracker: Tracker) -> impl IntoView {
    let param = move |key: &str| location.with(|l| crate::nav::query_param(l, key));
    let set_q = Memo::new(move |_| param("set").unwrap_or_default());
    let items = Memo::new(move |_| slides::items(&set_q.get()));
    let stops = Memo::new(move |_| items.with(|i| slides::stops(lesson, i)));
    let at = Memo::new(move |_| {
        let step = param("step");
        let brk = (step.as_deref() == Some("break"))
            .then(|| {
                stops.with(|s| {
                    s.iter().copied().find(|s| matches!(s, Stop::Break { before, .. } if before.slug == lesson.slug))
                })
            })
            .flatten();
        brk.unwrap_or_else(|| Stop::Step(lesson, step.and_then(|k| lesson.step_index(&k)).unwrap_or(0)))
    });
    let part_q = Memo::new(move |_| param("part"));
    // The slides of the step on screen, and which one is shown (0-based).
    let parts = RwSignal::new(1usize);
    let part = RwSignal::new(0usize);
    // Where a key or a button goes: the next slide of this step, else the next stop.
    let dest = move |action: &str| -> Option<String> {
        let (n, p, here, set_q) = (parts.get(), part.get(), at.get(), set_q.get());
        match action {
            "next" if matches!(here, Stop::Step(..)) && p + 1 < n => {
                Some(stop_href(here, &set_q, Some((p + 2).to_string())))
            }
            "prev" if matches!(here, Stop::Step(..)) && p > 0 => {
                Some(stop_href(here, &set_q, (p > 1).then(|| p.to_string())))
            }
            _ => stops.with(|s| slides::target(s, here, action)).map(|to| {
                let last = action == "prev" && matches!(to, Stop::Step(..));
                stop_href(to, &set_q, last.then(|| "last".to_string()))
            }),
        }
    };
    // The screen blanked to black or white ("b"/"." and "w"/","), as in presentation software.
    let blank = RwSignal::new(None::<&'static str>);
    // The keys clickers send (PageDown/PageUp) change slides whatever has
    // focus, a slider or a field included (a clicker cannot move focus);
    // Space too, except on a button or link (which it presses) or in a text
    // box. The arrows, Home/End, F for full screen and B/./W/, to blank the
    // screen stay with a focused field or slider.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let key = ev.key();
        let typing = is_typing_target(&ev);
        let target_tag = || {
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
        let action = match key.as_str() {
            "PageDown" | "ArrowRight" => "next",
            "PageUp" | "ArrowLeft" => "prev",
            " " if !on_control() => {
                if ev.shift_key() {
                    "prev"
                } else {
                    "next"
                }
            }
            "Home" => "home",
            "End" => "end",
            "b" | "B" | "." | "w" | "W" | "," => {
                ev.prevent_default();
                blank.set(Some(if matches!(key.as_str(), "w" | "W" | ",") { "white" } else { "black" }));
                return;
            }
            "f" | "F" => {
                ev.prevent_default();
                toggle_full_screen();
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        if let Some(href) = untrack(|| dest(action)) {
            crate::nav::go(&href);
        }
    });
    on_cleanup(move || handle.remove());
    // A new screen size (full screen, another projector) cuts the step again.
    let resized = window_event_listener(leptos::ev::resize, move |_| {
        if let Some((p, n)) = fit(Want::Anchor) {
            parts.set(n);
            part.set(p);
        }
    });
    on_cleanup(move || resized.remove());
    let step = Memo::new(move |_| match at.get() {
        Stop::Step(_, k) => k,
        Stop::Break { .. } => usize::MAX,
    });
    focus_title_on_step_change(step);
    let link = move |action: &'static str, label: &'static str, rel: &'static str| {
        move || {
            dest(action).map(|href| {
                view! { <a class="button" rel=rel href=href data-testid=format!("present-{action}")>{label}</a> }
            })
        }
    };
    // Exit: the reader's view of the step on screen (of the next lesson's first, from a break).
    let bar = move |title: String, where_: String, count: String, exit: String| {
        view! {
            <div class="present-bar">
                <div class="present-heading">
                    <h1 id="step-title" tabindex="-1">{title}</h1>
                    <p class="present-where">{where_}</p>
                </div>
                <p class="present-count" data-testid="present-count">{count}</p>
                {move || (parts.get() > 1).then(|| view! {
                    <p class="present-part" data-testid="present-part">{format!("part {} of {}", part.get() + 1, parts.get())}</p>
                })}
                <div class="present-actions">
                    {link("prev", "← Back", "prev")}
                    {link("next", "Next →", "next")}
                    <button type="button" aria-keyshortcuts="f" on:click=|_| toggle_full_screen()>"Full screen"</button>
                    <a class="button" href=exit data-testid="present-exit" data-reload="">"Exit"</a>
                </div>
            </div>
        }
    };
    view! {
        {move || match at.get() {
            Stop::Step(l, i) => {
                let s = &l.steps[i];
                // Where the room is in the whole workshop, not only in this lesson.
                let in_set = stops.with(|st| slides::step_number(st, at.get_untracked())).filter(|(_, of)| *of > l.steps.len()).map(|(n, of)| {
                    let lessons = set_of(&set_q.get_untracked());
                    let k = lessons.iter().position(|x| x.slug == l.slug).unwrap_or(0);
                    format!(" · lesson {} of {} · step {n} of {of} in this workshop", k + 1, lessons.len())
                }).unwrap_or_default();
                view! {
                    <div class="present" data-testid="presenter">
                        {bar(s.title.to_string(), format!("Lesson {}: {}{in_set}", l.number, l.title), format!("{} / {}", i + 1, l.steps.len()), course::step_href(l.slug, Some(s.id)))}
                        <StepSlides lesson=l i=i tracker=tracker part_q=part_q parts=parts part=part />
                    </div>
                }.into_any()
            }
            Stop::Break { minutes, before } => view! {
                <div class="present" data-testid="presenter">
                    {bar("Break".to_string(), format!("Next: lesson {}, {}", before.number, before.title), "Break".to_string(), course::step_href(before.slug, Some(before.steps[0].id)))}
                    <BreakSlide minutes=minutes before=before />
                </div>
            }.into_any(),
        }}
        {move || blank.get().map(|colour| view! {
            // As presentation software does: the screen goes black (B, .) or white (W, ,) until any key or a click.
            <div class=format!("blank-screen blank-{colour}") data-testid="blank-screen" role="presentation" on:click=move |_| blank.set(None)></div>
        })}
    }
}

/// A step's blocks, shown a slide at a time, with the QR code of the step.
#[component]
fn StepSlides(
    lesson: &'static Lesson,
    i: usize,
    tracker: Tracker,
    part_q: Memo<Option<String>>,
    parts: RwSignal<usize>,
    part: RwSignal<usize>,
) -> impl IntoView {
    let s = &lesson.steps[i];
    // The reader's view of this step, by number (the shortest address).
    let url = qr::absolute(&format!("/lessons/{}/?step={}", lesson.slug, i + 1));
    let code = qr::svg(&url, &format!("QR code to open this step: {}", qr::shown(&url))).unwrap_or_default();
    let section = NodeRef::<Section>::new();
    // Watch the step once it is on screen; cut it then and whenever the
    // address names another slide.
    Effect::new(move |_| {
        if let Some(el) = section.get() {
            observe(el.unchecked_ref(), parts, part);
        }
    });
    Effect::new(move |_| {
        let want = part_q.get();
        if section.get().is_none() {
            return;
        }
        if let Some((p, n)) = fit(Want::Part(want)) {
            parts.set(n);
            part.set(p);
        }
    });
    view! {
        <div class="present-main">
            <section node_ref=section class="lesson-step present-step" aria-labelledby="step-title" data-step=s.id>
                {s.blocks.iter().map(|b| block_view(b, tracker, Render::Live, live_calc)).collect_view()}
            </section>
            <aside class="present-qr" aria-label="Open this step on your own device">
                <div class="qr-box" inner_html=code data-testid="qr" data-url=url.clone()></div>
                <p class="present-url">{qr::shown(&url).to_string()}</p>
                <p class="present-keys hint">"Keys: → PageDown Space next · ← PageUp back · Home End · F full screen · B black · W white"</p>
            </aside>
        </div>
    }
}

/// The break the plan puts before a lesson: how long, a countdown from when
/// the slide opened, and the clock time to be back.
#[component]
fn BreakSlide(minutes: u32, before: &'static Lesson) -> impl IntoView {
    let started = js_sys::Date::now();
    let now = RwSignal::new(started);
    if let Ok(h) = set_interval_with_handle(move || now.set(js_sys::Date::now()), std::time::Duration::from_millis(500))
    {
        on_cleanup(move || h.clear());
    }
    let end = started + minutes as f64 * 60_000.0;
    let back = {
        let d = js_sys::Date::new(&end.into());
        format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
    };
    let left = move || {
        let s = ((end - now.get()) / 1000.0).ceil().max(0.0) as u64;
        format!("{}:{:02}", s / 60, s % 60)
    };
    let url = qr::absolute(&format!("/lessons/{}/", before.slug));
    view! {
        <div class="present-break" data-testid="break-slide">
            <p class="break-minutes">{format!("A {minutes}-minute break")}</p>
            <p class="break-left" role="timer" aria-live="off" data-testid="break-left">{left}</p>
            <p class="break-back">{format!("Back at {back}")}</p>
            <p class="break-next">{format!("Then lesson {}: {}. ", before.number, before.title)}<a href=url.clone()>{qr::shown(&url).to_string()}</a></p>
        </div>
    }
}

/// Which slide to show after cutting a step.
enum Want {
    /// The one the address names (`part=`), the first without.
    Part(Option<String>),
    /// The one holding the first piece shown before (the window changed size).
    Anchor,
}

/// What the presenter last cut: the step's pieces, the boxes holding them
/// (hidden when none of their pieces is on the slide), the slides' first
/// pieces and the slide shown.
struct Cut {
    section: web_sys::Element,
    /// In the order they stand on screen (a compact calculator shows its
    /// results before its inputs, which come first in the page).
    units: Vec<web_sys::Element>,
    /// Each box with its pieces (indices into `units`).
    boxes: Vec<(web_sys::Element, Vec<usize>)>,
    starts: Vec<usize>,
    shown: usize,
}

/// The observers watching the step on screen, and their callbacks (kept alive with them).
type Observer = (web_sys::ResizeObserver, web_sys::MutationObserver, Closure<dyn FnMut()>, Closure<dyn FnMut()>);

thread_local! {
    static CUT: RefCell<Option<Cut>> = const { RefCell::new(None) };
    static OBSERVER: RefCell<Option<Observer>> = const { RefCell::new(None) };
}

/// Elements whose children are cut apart (text, calculators, tables, results).
const BOXES: &str = ".prose, .lesson-calc, .embedded-calc, .module-host, .calc-root, .calc, .results, .part, \
                     .result-card, .table-wrap, table, tbody, .inputs, .key-inputs, .whatif, .kpis, figure.chart";
/// Parts of a box shown with any of its pieces (a table's head).
const CHROME: &str = "caption, thead, tfoot, colgroup";
/// Pieces that never end a slide.
const KEEP: &str = "h1, h2, h3, h4, h5, h6, figcaption, legend, .kpi-label";

fn collect(
    el: &web_sys::Element,
    units: &mut Vec<web_sys::Element>,
    boxes: &mut Vec<(web_sys::Element, usize, usize)>,
) {
    let kids = el.children();
    for k in 0..kids.length() {
        let Some(c) = kids.item(k) else { continue };
        if c.matches(CHROME).unwrap_or(false) {
            continue;
        }
        if c.matches(BOXES).unwrap_or(false) {
            let first = units.len();
            collect(&c, units, boxes);
            if units.len() > first {
                boxes.push((c, first, units.len()));
                continue;
            }
        }
        units.push(c);
    }
}

/// Watches the step for changes of size (a table growing, "All inputs"
/// opened) and of content (a calculator arriving, a simulation's results,
/// also on a slide not shown), to cut it again.
fn observe(section: &web_sys::Element, parts: RwSignal<usize>, part: RwSignal<usize>) {
    OBSERVER.with(|o| {
        if let Some((ro, mo, ..)) = o.borrow_mut().take() {
            ro.disconnect();
            mo.disconnect();
        }
        // Cut again and show the slide the address names: the cut is the same
        // for the same content whatever the order things arrived in, so a
        // slide's address always opens that slide (while a calculator loads,
        // the slide may not exist yet).
        let recut = move || {
            let asked = crate::nav::query_param(&crate::nav::current(), "part");
            if let Some((p, n)) = fit(Want::Part(asked)) {
                let _ = parts.try_set(n);
                let _ = part.try_set(p);
            }
        };
        let on_resize = Closure::<dyn FnMut()>::new(recut);
        // Content changes come in bursts: one cut on the next frame.
        let queued = std::rc::Rc::new(std::cell::Cell::new(false));
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if queued.replace(true) {
                return;
            }
            let queued = queued.clone();
            request_animation_frame(move || {
                queued.set(false);
                recut();
            });
        });
        let (Ok(ro), Ok(mo)) = (
            web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
            web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()),
        ) else {
            return;
        };
        ro.observe(section);
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        let _ = mo.observe_with_options(section, &init);
        *o.borrow_mut() = Some((ro, mo, on_resize, on_change));
    });
}

fn set_off(el: &web_sys::Element, off: bool) {
    let _ = el.class_list().toggle_with_force("off-slide", off);
}

/// Back to full size, a piece that was scaled down to fit a slide.
fn unzoom(el: &web_sys::Element) {
    if el.has_attribute("data-zoomed") {
        let _ = el.remove_attribute("data-zoomed");
        if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = h.style().remove_property("zoom");
        }
    }
}

fn overflow() -> f64 {
    let Some(w) = web_sys::window() else { return 0.0 };
    let h = w.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let sh = w.document().and_then(|d| d.document_element()).map_or(0.0, |e| e.scroll_height() as f64);
    sh - h
}

/// A field or slider that kept the focus while its slide went away would keep
/// the clicker's keys too (B would type a "b" into it instead of blanking the
/// screen): its focus is let go, so the keys reach the presenter again.
fn release_focus_left_behind(cut: &Cut, k: usize) {
    let Some(active) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()) else { return };
    let node: &web_sys::Node = active.as_ref();
    if !is_typing_element(&active) || !cut.section.contains(Some(node)) {
        return;
    }
    let range = slides::units_of(&cut.starts, k, cut.units.len());
    if range.clone().any(|i| cut.units[i].contains(Some(node))) {
        return;
    }
    if let Some(h) = active.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.blur();
    }
}

fn show(cut: &Cut, k: usize, zoom: bool) {
    let range = slides::units_of(&cut.starts, k, cut.units.len());
    for (i, u) in cut.units.iter().enumerate() {
        set_off(u, !range.contains(&i));
        unzoom(u);
    }
    for (b, pieces) in &cut.boxes {
        set_off(b, !pieces.iter().any(|i| range.contains(i)));
    }
    // A piece taller than any slide is scaled down to fit.
    let over = if zoom { overflow() } else { 0.0 };
    if over > 0.5 {
        let tallest = range
            .clone()
            .map(|i| (i, cut.units[i].get_bounding_client_rect().height()))
            .fold(None, |m: Option<(usize, f64)>, x| if m.is_none_or(|m| x.1 > m.1) { Some(x) } else { m });
        if let Some((i, h)) = tallest
            && h > over
            && let Some(el) = cut.units[i].dyn_ref::<web_sys::HtmlElement>()
        {
            let z = ((h - over) / h).max(0.5);
            let _ = el.style().set_property("zoom", &format!("{z:.3}"));
            let _ = cut.units[i].set_attribute("data-zoomed", "");
        }
    }
}

/// Cuts the step on screen into slides that fit the window and shows the
/// one wanted: (slide, slides).
fn fit(want: Want) -> Option<(usize, usize)> {
    let doc = web_sys::window()?.document()?;
    let section = doc.query_selector(".present-step").ok()??;
    let anchor =
        CUT.with(|c| c.borrow().as_ref().filter(|c| c.section == section).and_then(|c| c.starts.get(c.shown).copied()));
    // Everything shown, at full size, to measure.
    let marked = section.query_selector_all(".off-slide, [data-zoomed]").ok()?;
    for k in 0..marked.length() {
        if let Some(el) = marked.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            set_off(&el, false);
            unzoom(&el);
        }
    }
    let (mut units, mut boxes) = (Vec::new(), Vec::new());
    collect(&section, &mut units, &mut boxes);
    let mut prev = 0.0;
    let mut measured: Vec<(usize, Unit, f64)> = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let r = u.get_bounding_client_rect();
            // Nothing drawn (an empty status line): it stays where it is in the page.
            let (top, bottom, left) =
                if r.width() == 0.0 && r.height() == 0.0 { (prev, prev, 0.0) } else { (r.top(), r.bottom(), r.left()) };
            prev = bottom;
            (i, Unit { top, bottom, keep_with_next: u.matches(KEEP).unwrap_or(false) }, left)
        })
        .collect();
    measured.sort_by(|a, b| a.1.top.total_cmp(&b.1.top).then(a.2.total_cmp(&b.2)).then(a.0.cmp(&b.0)));
    let mut place = vec![0; units.len()];
    for (k, m) in measured.iter().enumerate() {
        place[m.0] = k;
    }
    let units: Vec<web_sys::Element> = measured.iter().map(|m| units[m.0].clone()).collect();
    let boxes = boxes.into_iter().map(|(b, from, to)| (b, (from..to).map(|i| place[i]).collect())).collect();
    let measured: Vec<Unit> = measured.into_iter().map(|m| m.1).collect();
    let mut starts = Vec::new();
    let w = web_sys::window()?;
    let height = w.inner_height().ok()?.as_f64()?;
    let top = section.get_bounding_client_rect().top() + w.scroll_y().unwrap_or(0.0);
    // A phone or a narrow window is not a projector: the step scrolls, as one slide.
    let narrow = w.inner_width().ok().and_then(|v| v.as_f64()).is_some_and(|x| x < 760.0);
    let room = height - top - 16.0;
    let mut cut = Cut { section, units, boxes, starts: Vec::new(), shown: 0 };
    // Each slide as the measure predicts, then checked on screen (margins,
    // a box's padding and a table's repeated head are not in the measure):
    // a piece less while it overflows, a piece more while it fits.
    let count = measured.len();
    let mut i = 0;
    if narrow && count > 0 {
        starts.push(0);
        i = count;
    }
    while i < count {
        let mut j = slides::end_of(&measured, i, room);
        let fits = |cut: &mut Cut, j: usize| {
            cut.starts = vec![i, j];
            show(cut, 0, false);
            overflow() <= 0.5
        };
        if j > i + 1 && !fits(&mut cut, j) {
            while j > i + 1 && !fits(&mut cut, j) {
                j -= 1;
            }
            j = slides::heading_safe(&measured, i, j).max(i + 1);
        } else {
            while j < count && fits(&mut cut, j + 1) {
                j += 1;
            }
            if j < count {
                j = slides::heading_safe(&measured, i, j);
            }
        }
        starts.push(i);
        i = j.max(i + 1);
    }
    cut.starts = starts;
    let n = cut.starts.len().max(1);
    let k = match want {
        Want::Part(q) => slides::part_index(q.as_deref(), n),
        Want::Anchor => anchor.map_or(0, |a| slides::slide_of(&cut.starts, a)),
    };
    cut.shown = k;
    show(&cut, k, !narrow);
    release_focus_left_behind(&cut, k);
    // Charts drawn while their slide was hidden draw again at their size.
    if let Ok(ev) = web_sys::Event::new(crate::theme::SHOWN_EVENT) {
        let _ = w.dispatch_event(&ev);
    }
    CUT.with(|c| *c.borrow_mut() = Some(cut));
    Some((k, n))
}

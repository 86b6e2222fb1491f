//! The workshop planner (`/workshop/`): pick lessons and their order, see the
//! timetable with breaks, and get the links a session runs on: the presenter
//! view walking across the chosen lessons, the handout and the answer key.
//! Its state is in the address (`?lessons=1,4,7&start=09:00&pace=2&break=15&every=90`),
//! so the link is the plan. Part of the lessons module.

use crate::course::{self, Lesson};
use crate::pages::lesson::{set_of, view_href};
use leptos::prelude::*;

/// The planner's settings, as in the address.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub lessons: Vec<&'static Lesson>,
    /// Minutes after midnight.
    pub start: u32,
    /// Teaching time per lesson = reading time × pace.
    pub pace: f64,
    pub break_min: u32,
    /// A break once this much teaching has gone by.
    pub every: u32,
    /// The language code samples print in (`lang=`, a sample's key); empty:
    /// the reader's choice, else each sample's first.
    pub lang: String,
}

/// The languages of the course's code samples: (key, label), in first-seen order.
pub fn code_languages() -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&'static str, &'static str)> = Vec::new();
    for l in crate::course::LESSONS {
        for s in l.steps {
            for b in s.blocks {
                if let crate::course::Block::Code(samples) = b {
                    for x in samples.iter() {
                        if !out.iter().any(|(k, _)| *k == x.lang) {
                            out.push((x.lang, x.label));
                        }
                    }
                }
            }
        }
    }
    out
}

impl Default for Plan {
    fn default() -> Self {
        Plan { lessons: Vec::new(), start: 9 * 60, pace: 2.0, break_min: 15, every: 90, lang: String::new() }
    }
}

/// One row of the timetable: from, to (minutes after midnight), and the lesson (`None` for a break).
pub type Slot = (u32, u32, Option<&'static Lesson>);

/// `09:30` → 570.
pub fn parse_time(s: &str) -> Option<u32> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

pub fn fmt_time(t: u32) -> String {
    format!("{:02}:{:02}", (t / 60) % 24, t % 60)
}

impl Plan {
    /// Reads the address's query; what is missing or not valid stays at its
    /// default, and each problem is said in words.
    pub fn from_query(q: &str) -> (Plan, Vec<String>) {
        let mut p = Plan::default();
        let mut problems = Vec::new();
        // "Label (key): “value” is not valid; use …", as every field error reads.
        let mut bad = |what: &str, v: &str, valid: &str| {
            problems.push(format!("{what}: \u{201c}{v}\u{201d} is not valid; use {valid}."));
        };
        for (k, v) in lambda_model::params::parse_pairs(q) {
            match k.as_str() {
                "lessons" => p.lessons = set_of(&v),
                "start" => match parse_time(&v) {
                    Some(t) => p.start = t,
                    None => bad("Start (start)", &v, "a 24-hour time, HH:MM, e.g. 09:30"),
                },
                "pace" => match lambda_model::base::decimal::parse_f64(&v).filter(|x| (1.0..=5.0).contains(x)) {
                    Some(x) => p.pace = x,
                    None => bad("Pace (× reading time) (pace)", &v, "a number from 1 to 5"),
                },
                "break" => match v.parse::<u32>().ok().filter(|x| *x <= 60) {
                    Some(x) => p.break_min = x,
                    None => bad("Break (min) (break)", &v, "whole minutes from 0 to 60"),
                },
                "every" => match v.parse::<u32>().ok().filter(|x| (30..=240).contains(x)) {
                    Some(x) => p.every = x,
                    None => bad("Break after at most (min) (every)", &v, "whole minutes from 30 to 240"),
                },
                "lang" => {
                    let langs = code_languages();
                    if v.is_empty() || langs.iter().any(|(k, _)| *k == v) {
                        p.lang = v;
                    } else {
                        let keys: Vec<&str> = langs.iter().map(|(k, _)| *k).collect();
                        bad("Code on paper (lang)", &v, &format!("one of {}", keys.join(", ")));
                    }
                }
                _ => {}
            }
        }
        (p, problems)
    }

    pub fn to_query(&self) -> String {
        let set = self.set();
        let mut q = String::new();
        if !set.is_empty() {
            q.push_str(&format!("lessons={set}&"));
        }
        q.push_str(&format!(
            "start={}&pace={}&break={}&every={}",
            fmt_time(self.start),
            lambda_model::params::fmt_num(self.pace),
            self.break_min,
            self.every
        ));
        if !self.lang.is_empty() {
            q.push_str(&format!("&lang={}", self.lang));
        }
        q
    }

    /// The lesson numbers in order: `1,4,7`.
    pub fn set(&self) -> String {
        self.lessons.iter().map(|l| l.number.to_string()).collect::<Vec<_>>().join(",")
    }

    /// The set the presenter walks: the lessons in order with the breaks
    /// of the timetable between them (`1,2,b15,4`).
    pub fn present_set(&self) -> String {
        self.timetable()
            .iter()
            .map(|(from, to, l)| match l {
                Some(l) => l.number.to_string(),
                None => format!("b{}", to - from),
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// A lesson's teaching time: its reading time × the pace, to 5 minutes.
    pub fn minutes(&self, l: &Lesson) -> u32 {
        ((l.minutes as f64 * self.pace / 5.0).ceil() as u32 * 5).max(5)
    }

    /// The timetable: lessons in order, with a break before a lesson that
    /// would take the teaching since the last break past `every` minutes.
    pub fn timetable(&self) -> Vec<Slot> {
        let mut out = Vec::new();
        let (mut t, mut since) = (self.start, 0);
        for (i, l) in self.lessons.iter().enumerate() {
            let m = self.minutes(l);
            if i > 0 && since + m > self.every && self.break_min > 0 {
                out.push((t, t + self.break_min, None));
                t += self.break_min;
                since = 0;
            }
            out.push((t, t + m, Some(*l)));
            t += m;
            since += m;
        }
        out
    }
}

/// After the list has been redrawn, focuses the first of these elements that
/// exists and is enabled, so keyboard and screen-reader users keep their place.
fn refocus(ids: Vec<String>) {
    leptos::task::spawn_local(async move {
        use wasm_bindgen::JsCast;
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        for id in ids {
            let Some(el) = doc.get_element_by_id(&id) else { continue };
            if el.has_attribute("disabled") {
                continue;
            }
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
                return;
            }
        }
    });
}

#[component]
pub fn WorkshopView() -> impl IntoView {
    let (initial, problems) = Plan::from_query(&crate::url::query());
    let plan = RwSignal::new(initial);
    let problems = RwSignal::new(problems);
    Effect::new(move |_| crate::url::replace_query(&plan.with(Plan::to_query)));
    let order = move || {
        let chosen = plan.with(|p| p.lessons.clone());
        let rest = course::LESSONS.iter().filter(|l| !chosen.iter().any(|c| c.number == l.number));
        chosen.iter().copied().chain(rest).collect::<Vec<&'static Lesson>>()
    };
    let chosen = move |n: u32| plan.with(|p| p.lessons.iter().position(|l| l.number == n));
    let toggle = move |l: &'static Lesson, on: bool| {
        plan.update(|p| {
            p.lessons.retain(|x| x.number != l.number);
            if on {
                p.lessons.push(l);
            }
        });
        // The list reorders; the checkbox keeps the focus.
        refocus(vec![format!("ws-pick-{}", l.number)]);
    };
    let shift = move |n: u32, up: bool| {
        plan.update(|p| {
            if let Some(i) = p.lessons.iter().position(|l| l.number == n) {
                let j = if up { i.checked_sub(1) } else { Some(i + 1).filter(|j| *j < p.lessons.len()) };
                if let Some(j) = j {
                    p.lessons.swap(i, j);
                }
            }
        });
        // Keep the focus on the same button of the lesson that moved, or on
        // the other one when this one can go no further.
        let (same, other) = if up { ("up", "down") } else { ("down", "up") };
        refocus(vec![format!("ws-{same}-{n}"), format!("ws-{other}-{n}"), format!("ws-pick-{n}")]);
    };
    let setting = move |key: &'static str, value: String| {
        let q = format!("{key}={}", lambda_model::params::percent_encode(&value));
        let (parsed, errs) = Plan::from_query(&q);
        problems.update(|p| {
            p.retain(|m| !m.contains(&format!("({key})")));
            p.extend(errs.iter().cloned());
        });
        if errs.is_empty() {
            plan.update(|p| match key {
                "start" => p.start = parsed.start,
                "pace" => p.pace = parsed.pace,
                "break" => p.break_min = parsed.break_min,
                "lang" => p.lang = parsed.lang,
                _ => p.every = parsed.every,
            });
        }
    };
    let invalid = move |key: &str| problems.with(|p| p.iter().any(|m| m.contains(&format!("({key})"))));
    let table = move || plan.with(Plan::timetable);
    let total = move || {
        let t = table();
        let (from, to) = (plan.with(|p| p.start), t.last().map_or(plan.with(|p| p.start), |s| s.1));
        let breaks = t.iter().filter(|s| s.2.is_none()).count();
        let mins = to - from;
        let lessons = t.len() - breaks;
        format!(
            "{lessons} lesson{}, {} h {:02} min with {}: {} to {}{}.",
            if lessons == 1 { "" } else { "s" },
            mins / 60,
            mins % 60,
            match breaks {
                0 => "no breaks".to_string(),
                1 => "1 break".to_string(),
                n => format!("{n} breaks"),
            },
            fmt_time(from),
            fmt_time(to),
            if to >= 24 * 60 { " the next day" } else { "" }
        )
    };
    let links = move || {
        let (set, present_set, first, lang) =
            plan.with(|p| (p.set(), p.present_set(), p.lessons.first().copied(), p.lang.clone()));
        let lang = if lang.is_empty() { String::new() } else { format!("&lang={lang}") };
        first.map(|f| {
            view! {
                <p class="workshop-links">
                    <a class="button primary" data-testid="workshop-present" href=view_href(f, "present", &present_set, Some(f.steps[0].id))>"Present"</a>
                    <a class="button" data-testid="workshop-handout" href=format!("{}{lang}", view_href(f, "handout", &set, None))>"Handout"</a>
                    <a class="button" data-testid="workshop-answers" href=view_href(f, "answers", &set, None)>"Answer key"</a>
                    <button type="button" on:click=|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print the agenda"</button>
                </p>
            }
        })
    };
    let num = |key: &'static str,
               label: &'static str,
               help: &'static str,
               value: Signal<String>,
               min: &'static str,
               max: &'static str,
               step: &'static str| {
        let id = format!("ws-{key}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id type="number" inputmode="decimal" min=min max=max step=step prop:value=move || value.get()
                    aria-invalid=move || invalid(key).then_some("true")
                    aria-describedby=move || invalid(key).then_some("workshop-problems")
                    on:change=move |ev| setting(key, event_target_value(&ev)) />
                <p class="hint">{help}</p>
            </div>
        }
    };
    view! {
        <div class="workshop">
            <form class="workshop-controls" on:submit=|ev| ev.prevent_default() aria-label="Plan the workshop">
                <fieldset>
                    <legend>"Lessons, in teaching order"</legend>
                    <ol class="workshop-lessons">
                        <For each=order key=|l| l.number let:l>
                            <li class="workshop-lesson" data-lesson=l.number>
                                <input type="checkbox" id=format!("ws-pick-{}", l.number)
                                    prop:checked=move || chosen(l.number).is_some()
                                    on:change=move |ev| toggle(l, event_target_checked(&ev)) />
                                <label for=format!("ws-pick-{}", l.number)>
                                    {format!("{}. {}", l.number, l.title)}
                                    <span class="hint">{move || format!(" · {} min", plan.with(|p| p.minutes(l)))}</span>
                                </label>
                                {move || chosen(l.number).map(|i| {
                                    let last = plan.with(|p| p.lessons.len()) - 1;
                                    view! {
                                        <span class="workshop-move">
                                            <button type="button" id=format!("ws-up-{}", l.number) aria-label=format!("Move lesson {} earlier", l.number)
                                                disabled=i == 0 on:click=move |_| shift(l.number, true)>"↑"</button>
                                            <button type="button" id=format!("ws-down-{}", l.number) aria-label=format!("Move lesson {} later", l.number)
                                                disabled=i == last on:click=move |_| shift(l.number, false)>"↓"</button>
                                        </span>
                                    }
                                })}
                            </li>
                        </For>
                    </ol>
                </fieldset>
                <fieldset class="workshop-settings">
                    <legend>"Timing"</legend>
                    <div class="field">
                        <label for="ws-start">"Start"</label>
                        <input id="ws-start" type="time" prop:value=move || fmt_time(plan.with(|p| p.start))
                            aria-invalid=move || invalid("start").then_some("true")
                            aria-describedby=move || invalid("start").then_some("workshop-problems")
                            on:change=move |ev| setting("start", event_target_value(&ev)) />
                    </div>
                    {num("pace", "Pace (× reading time)", "Teaching time per lesson: its reading time × this (rounded up to 5 minutes), with discussion and exercises.", Signal::derive(move || lambda_model::params::fmt_num(plan.with(|p| p.pace))), "1", "5", "0.5")}
                    {num("break", "Break (min)", "0 = no breaks.", Signal::derive(move || plan.with(|p| p.break_min.to_string())), "0", "60", "5")}
                    {num("every", "Break after at most (min)", "Of teaching since the last break.", Signal::derive(move || plan.with(|p| p.every.to_string())), "30", "240", "5")}
                </fieldset>
                <fieldset class="workshop-settings">
                    <legend>"Handout"</legend>
                    <div class="field">
                        <label for="ws-lang">"Code on paper"</label>
                        <select id="ws-lang" on:change=move |ev| setting("lang", event_target_value(&ev))>
                            <option value="" selected=move || plan.with(|p| p.lang.is_empty())>"Each sample's first language"</option>
                            {code_languages().into_iter().map(|(k, label)| view! {
                                <option value=k selected=move || plan.with(|p| p.lang == k)>{label}</option>
                            }).collect_view()}
                        </select>
                        <p class="hint">"The handout prints each code sample in this one language."</p>
                    </div>
                </fieldset>
                <div role="status" id="workshop-problems" data-testid="workshop-problems">
                    {move || problems.get().into_iter().map(|m| view! { <p class="field-error">{m}</p> }).collect_view()}
                </div>
            </form>
            <section class="agenda" aria-labelledby="agenda-h">
                <h2 id="agenda-h">"Agenda"</h2>
                {move || if plan.with(|p| p.lessons.is_empty()) {
                    view! { <p data-testid="workshop-total">"Pick lessons above to build the agenda."</p> }.into_any()
                } else {
                    view! {
                        <p data-testid="workshop-total">{total}</p>
                        <table class="agenda-table" data-testid="agenda">
                            <caption>"Timetable"</caption>
                            <thead><tr><th scope="col">"Time"</th><th scope="col">"What"</th><th scope="col" class="num">"Minutes"</th></tr></thead>
                            <tbody>
                                {table().into_iter().map(|(from, to, l)| view! {
                                    <tr class=if l.is_none() { "agenda-break" } else { "" }>
                                        <td>{format!("{}–{}", fmt_time(from), fmt_time(to))}</td>
                                        <td>{match l {
                                            Some(l) => format!("Lesson {}: {}", l.number, l.title),
                                            None => "Break".to_string(),
                                        }}</td>
                                        <td class="num">{to - from}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        {links}
                        <p class="hint">"This page\u{2019}s address is the plan: bookmark it or send it to a co-teacher. The presenter view shows a QR code on every step for the room."</p>
                        {move || {
                            // The plan's address and its QR code, on screen and on the printed agenda.
                            let url = crate::qr::absolute(&format!("/workshop/?{}", plan.with(Plan::to_query)));
                            let code = crate::qr::svg(&url, &format!("QR code of this plan: {}", crate::qr::shown(&url))).unwrap_or_default();
                            view! {
                                <div class="agenda-link" data-testid="agenda-link">
                                    <div class="qr-box" inner_html=code data-url=url.clone()></div>
                                    <p>"The plan, to open again or share: "<a href=url.clone()>{crate::qr::shown(&url).to_string()}</a></p>
                                </div>
                            }
                        }}
                    }.into_any()
                }}
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_reads_its_address_and_times_its_breaks() {
        let (p, errs) = Plan::from_query("lessons=1,4,7,4,99&start=09:30&pace=2&break=15&every=60");
        assert!(errs.is_empty());
        assert_eq!(p.set(), "1,4,7");
        let t = p.timetable();
        // 1 (reading 8 min?) — whatever each lesson's time, a break comes
        // before the lesson that would pass 60 minutes since the last one.
        let mut since = 0;
        for (i, (from, to, l)) in t.iter().enumerate() {
            if i > 0 {
                assert_eq!(*from, t[i - 1].1, "slots follow each other");
            }
            match l {
                Some(l) => {
                    assert_eq!(to - from, p.minutes(l));
                    since += to - from;
                }
                None => {
                    assert_eq!(to - from, 15);
                    since = 0;
                }
            }
            assert!(since <= 60 || l.is_some_and(|l| p.minutes(l) > 60));
        }
        assert_eq!(t[0].0, 570);
        assert_eq!(Plan::from_query(&p.to_query()).0, p);
        // The presenter's set has the timetable's breaks, and walks through them.
        let ps = p.present_set();
        let breaks = t.iter().filter(|s| s.2.is_none()).count();
        assert!(breaks > 0);
        assert_eq!(ps.matches(",b15").count(), breaks, "{ps}");
        assert_eq!(crate::slides::items(&ps).len(), t.len());
        let (bad, errs) = Plan::from_query("start=25:00&pace=9&break=x&every=10");
        assert_eq!(bad, Plan::default());
        assert_eq!(errs.len(), 4);
        assert!(errs[0].contains("HH:MM") && errs[1].contains("1 to 5"));
    }
}

use crate::app::set_title;
use crate::course::{self, LESSONS};
use crate::paths::href;
use leptos::prelude::*;

/// The lesson index: every lesson with its summary, reading time and the
/// reader's progress. Lessons are compiled in from `content/lessons/`.
#[component]
pub fn Lessons() -> impl IntoView {
    set_title("Lessons");
    let total: u32 = LESSONS.iter().map(|l| l.minutes).sum();
    view! {
        <h1>"Lessons"</h1>
        <p class="lede">
            "Step-by-step lessons on what Lambda costs and how to make it fast. Every number in them is computed by the same "
            "engine as the calculators, and every lesson has live calculators and questions to check yourself. "
            {format!("{} lessons, about {} hours in all.", LESSONS.len(), (total as f64 / 60.0).round())}
        </p>
        <ol class="lesson-list">
            {LESSONS
                .iter()
                .map(|l| {
                    let progress = course::load(l);
                    let status = (!progress.is_empty()).then(|| progress.summary(l));
                    let resume = progress.last.clone();
                    let link = match &resume {
                        Some(id) => course::step_href(l.slug, Some(id)),
                        None => href(&format!("/lessons/{}", l.slug)),
                    };
                    view! {
                        <li class="lesson-card" data-lesson=l.slug>
                            <h2>
                                <span class="lesson-number">{format!("{}.", l.number)}</span>" "
                                <a href=link>{l.title}</a>
                            </h2>
                            <p>{l.summary}</p>
                            <p class="hint">
                                <span data-testid="reading-time">{format!("{} min read", l.minutes)}</span>
                                {format!(" · {} steps · {} checks", l.steps.len(), l.checks().count())}
                                {status.map(|s| view! { " · " <span class="progress-note">{s}</span> })}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

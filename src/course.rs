//! The course: lessons compiled from `content/lessons/*.md` by the build
//! script (see `crates/lessons`), and each reader's progress through them.

pub use lambda_lessons::{BASE_MARKER, Block, Check, Embed, Lesson, Sample, Step};

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

/// The lesson with this slug.
pub fn find(slug: &str) -> Option<(usize, &'static Lesson)> {
    LESSONS.iter().enumerate().find(|(_, l)| l.slug == slug)
}

/// Lesson HTML with in-site links pointing under the site's base path.
pub fn html(s: &str) -> String {
    s.replace(BASE_MARKER, crate::paths::base())
}

/// A link to one step of a lesson (or the print view with `step = None`).
pub fn step_href(slug: &str, step: Option<&str>) -> String {
    match step {
        Some(id) => crate::paths::href(&format!("/lessons/{slug}/?step={id}")),
        None => crate::paths::href(&format!("/lessons/{slug}/?view=print")),
    }
}

/// What a reader has done in one lesson: steps seen, checks answered
/// correctly, and the step they were last on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub seen: Vec<String>,
    pub correct: Vec<String>,
    pub last: Option<String>,
}

fn ids(s: &str) -> Vec<String> {
    s.split(',').filter(|x| !x.is_empty() && x.len() <= 80).map(str::to_string).collect()
}

impl Progress {
    /// Reads `last=id;seen=a,b;ok=c`. Anything unreadable is ignored, so a
    /// damaged entry costs at most the progress, never the page.
    pub fn parse(s: &str) -> Progress {
        let mut p = Progress::default();
        for part in s.split(';') {
            match part.split_once('=') {
                Some(("last", v)) if !v.is_empty() => p.last = Some(v.to_string()),
                Some(("seen", v)) => p.seen = ids(v),
                Some(("ok", v)) => p.correct = ids(v),
                _ => {}
            }
        }
        p
    }

    pub fn encode(&self) -> String {
        format!(
            "last={};seen={};ok={}",
            self.last.as_deref().unwrap_or(""),
            self.seen.join(","),
            self.correct.join(",")
        )
    }

    /// Keeps only ids the lesson still has (lessons change between visits).
    pub fn retain_known(&mut self, lesson: &Lesson) {
        self.seen.retain(|id| lesson.steps.iter().any(|s| s.id == id));
        self.correct.retain(|id| lesson.checks().any(|c| c.id == id));
        if self.last.as_ref().is_some_and(|id| lesson.step_index(id).is_none()) {
            self.last = None;
        }
    }

    pub fn see(&mut self, step: &str) {
        if !self.seen.iter().any(|s| s == step) {
            self.seen.push(step.to_string());
        }
        self.last = Some(step.to_string());
    }

    pub fn answer(&mut self, check: &str) {
        if !self.correct.iter().any(|s| s == check) {
            self.correct.push(check.to_string());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty() && self.correct.is_empty()
    }

    /// "3 of 7 steps seen, 0 of 1 check answered" (the lesson's
    /// [`Lesson::progress_template`], which the lesson index uses too).
    pub fn summary(&self, lesson: &Lesson) -> String {
        lesson
            .progress_template()
            .replace("{seen}", &self.seen.len().to_string())
            .replace("{ok}", &self.correct.len().to_string())
    }
}

fn key(slug: &str) -> String {
    format!("progress.{slug}")
}

/// The stored progress for a lesson (empty when storage is unavailable).
pub fn load(lesson: &Lesson) -> Progress {
    let mut p = crate::storage::get(&key(lesson.slug)).map(|s| Progress::parse(&s)).unwrap_or_default();
    p.retain_known(lesson);
    p
}

/// Stores progress; returns whether it could be kept.
pub fn save(slug: &str, p: &Progress) -> bool {
    if p.is_empty() {
        crate::storage::remove(&key(slug));
        true
    } else {
        crate::storage::set(&key(slug), &p.encode())
    }
}

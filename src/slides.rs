//! What the presenter walks through, kept pure so it is tested natively:
//! the stops of a presented workshop (each lesson's steps, and the breaks the
//! plan puts between lessons), and how one step is cut into slides that fit
//! the screen.
//!
//! A workshop's set is a list of lesson numbers, with a break written as
//! `b<minutes>` between two of them: `set=1,2,3,b15,4,9,10` (the planner's
//! Present link). Other views read the same set and skip the breaks.

use crate::course::{self, Lesson};

/// One item of a presented set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item {
    Lesson(&'static Lesson),
    /// A break of this many minutes.
    Break(u32),
}

/// The items of a set, in order: known lessons once each, and breaks that
/// stand between two lessons (one between any two; 1 to 60 minutes).
pub fn items(set: &str) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    for t in set.split(',').map(str::trim) {
        if let Some(m) = t.strip_prefix('b').and_then(|m| m.parse::<u32>().ok()) {
            if (1..=60).contains(&m) && matches!(out.last(), Some(Item::Lesson(_))) {
                out.push(Item::Break(m));
            }
        } else if let Ok(n) = t.parse::<u32>()
            && let Some(l) = course::LESSONS.iter().find(|l| l.number == n)
            && !out.iter().any(|o| matches!(o, Item::Lesson(x) if x.number == n))
        {
            out.push(Item::Lesson(l));
        }
    }
    if let Some(Item::Break(_)) = out.last() {
        out.pop();
    }
    out
}

/// Where the presenter is: a step of a lesson, or the break before a lesson.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stop {
    Step(&'static Lesson, usize),
    Break { minutes: u32, before: &'static Lesson },
}

/// The stops of a presentation, in order: the set's when `lesson` is one of
/// its lessons, else the lesson's own steps.
pub fn stops(lesson: &'static Lesson, set: &[Item]) -> Vec<Stop> {
    let in_set = set.iter().any(|i| matches!(i, Item::Lesson(l) if l.slug == lesson.slug));
    let mut out = Vec::new();
    if !in_set {
        out.extend((0..lesson.steps.len()).map(|i| Stop::Step(lesson, i)));
        return out;
    }
    for (k, item) in set.iter().enumerate() {
        match *item {
            Item::Lesson(l) => out.extend((0..l.steps.len()).map(|i| Stop::Step(l, i))),
            Item::Break(minutes) => {
                if let Some(Item::Lesson(before)) = set.get(k + 1) {
                    out.push(Stop::Break { minutes, before });
                }
            }
        }
    }
    out
}

/// Where `key` (`next`, `prev`, `home`, `end`) goes from `at`; `None` at
/// either end (or for an unknown key or stop).
pub fn target(stops: &[Stop], at: Stop, key: &str) -> Option<Stop> {
    let k = stops.iter().position(|s| *s == at)?;
    match key {
        "next" => stops.get(k + 1).copied(),
        "prev" => k.checked_sub(1).map(|k| stops[k]),
        "home" => stops.first().copied(),
        "end" => stops.last().copied(),
        _ => None,
    }
}

/// (number, of) of the step stop `at` among the presentation's steps (breaks
/// are not counted).
pub fn step_number(stops: &[Stop], at: Stop) -> Option<(usize, usize)> {
    let steps = || stops.iter().filter(|s| matches!(s, Stop::Step(..)));
    let n = steps().position(|s| *s == at)?;
    Some((n + 1, steps().count()))
}

/// A piece of a step the presenter can show or leave off a slide, as laid
/// out with the whole step shown: its top and bottom (CSS px), and whether it
/// must not end a slide (a heading, a caption).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    pub top: f64,
    pub bottom: f64,
    pub keep_with_next: bool,
}

/// The first unit after the slide that starts at unit `i`, for slides at
/// most `room` tall (units in the order they stand on screen): a slide ends
/// before a unit that would take it past `room`, never on a heading when the
/// heading's content can come with it; a unit taller than `room` has a slide
/// of its own (the presenter scales it down). The presenter checks each
/// slide on screen and moves its end from here.
pub fn end_of(units: &[Unit], i: usize, room: f64) -> usize {
    let top = units[i].top;
    let mut bottom = units[i].bottom;
    let mut j = i + 1;
    while j < units.len() {
        let b = bottom.max(units[j].bottom);
        if b - top > room {
            break;
        }
        bottom = b;
        j += 1;
    }
    if j < units.len() {
        j = heading_safe(units, i, j);
    }
    j
}

/// Moves a slide's end (`j`, its first unit after) before any headings
/// that would close it, unless that leaves the slide a lone heading.
pub fn heading_safe(units: &[Unit], i: usize, j: usize) -> usize {
    // Carry trailing headings over to the next slide, with what they head.
    let mut k = j;
    while k > i + 1 && units[k - 1].keep_with_next {
        k -= 1;
    }
    if !(k == i + 1 && units[i].keep_with_next) {
        k
    } else if j == i + 1 {
        // A heading alone before a unit too tall for any slide: they go together.
        (i + 2).min(units.len())
    } else {
        j
    }
}

/// The slide (0-based) a unit is on, given the slides' first units.
pub fn slide_of(starts: &[usize], unit: usize) -> usize {
    starts.partition_point(|&s| s <= unit).saturating_sub(1)
}

/// The units of slide `k`: from its first unit to the next slide's.
pub fn units_of(starts: &[usize], k: usize, count: usize) -> std::ops::Range<usize> {
    let from = starts.get(k).copied().unwrap_or(count);
    let to = starts.get(k + 1).copied().unwrap_or(count);
    from..to
}

/// The part the address asks for (`part=2`, 1-based, or `part=last`), as a
/// 0-based slide among `n`.
pub fn part_index(q: Option<&str>, n: usize) -> usize {
    let last = n.saturating_sub(1);
    match q {
        Some("last") => last,
        Some(v) => v.parse::<usize>().ok().map_or(0, |p| p.saturating_sub(1).min(last)),
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cuts units into slides by the measure alone: each slide's first unit.
    fn split(units: &[Unit], room: f64) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut i = 0;
        while i < units.len() {
            starts.push(i);
            i = end_of(units, i, room);
        }
        starts
    }

    fn u(top: f64, bottom: f64) -> Unit {
        Unit { top, bottom, keep_with_next: false }
    }
    fn h(top: f64, bottom: f64) -> Unit {
        Unit { top, bottom, keep_with_next: true }
    }

    #[test]
    fn units_go_on_slides_that_fit() {
        let units = [u(0.0, 200.0), u(210.0, 400.0), u(410.0, 700.0), u(710.0, 800.0)];
        assert_eq!(split(&units, 500.0), vec![0, 2]);
        assert_eq!(split(&units, 1000.0), vec![0]);
        // Every slide fits, except a unit taller than the room, alone.
        assert_eq!(split(&units, 250.0), vec![0, 1, 2, 3]);
        assert_eq!(split(&[u(0.0, 900.0), u(900.0, 950.0)], 500.0), vec![0, 1]);
        assert_eq!(split(&[], 500.0), Vec::<usize>::new());
    }

    #[test]
    fn units_side_by_side_count_once() {
        // Two fields in a grid row: same top, the taller bottom.
        let units = [u(0.0, 100.0), u(0.0, 120.0), u(130.0, 230.0), u(130.0, 250.0), u(260.0, 500.0)];
        assert_eq!(split(&units, 260.0), vec![0, 4]);
    }

    #[test]
    fn a_heading_never_ends_a_slide() {
        let units = [u(0.0, 300.0), h(310.0, 350.0), u(360.0, 600.0)];
        assert_eq!(split(&units, 400.0), vec![0, 1]);
        // Two headings in a row go over together.
        let units = [u(0.0, 300.0), h(310.0, 330.0), h(330.0, 350.0), u(360.0, 600.0)];
        assert_eq!(split(&units, 400.0), vec![0, 1]);
        // A heading before a unit too tall for any slide stays with it.
        let units = [h(0.0, 40.0), u(50.0, 900.0), u(910.0, 950.0)];
        assert_eq!(split(&units, 400.0), vec![0, 2]);
    }

    #[test]
    fn slides_and_parts() {
        let starts = [0, 3, 5];
        assert_eq!(slide_of(&starts, 0), 0);
        assert_eq!(slide_of(&starts, 4), 1);
        assert_eq!(slide_of(&starts, 9), 2);
        assert_eq!(units_of(&starts, 1, 8), 3..5);
        assert_eq!(units_of(&starts, 2, 8), 5..8);
        assert_eq!(part_index(Some("last"), 3), 2);
        assert_eq!(part_index(Some("2"), 3), 1);
        assert_eq!(part_index(Some("9"), 3), 2);
        assert_eq!(part_index(Some("x"), 3), 0);
        assert_eq!(part_index(None, 0), 0);
    }

    #[test]
    fn a_set_with_breaks_walks_through_them() {
        let set = items("1,2,b15,4, b5,b10,99,1");
        let n = |i: &Item| match i {
            Item::Lesson(l) => format!("L{}", l.number),
            Item::Break(m) => format!("b{m}"),
        };
        // Unknown lessons and repeats are dropped, breaks stand between lessons.
        assert_eq!(set.iter().map(n).collect::<Vec<_>>(), ["L1", "L2", "b15", "L4"]);
        assert_eq!(items("b10,1").iter().map(n).collect::<Vec<_>>(), ["L1"]);
        let l = |n: u32| course::LESSONS.iter().find(|l| l.number == n).unwrap();
        let stops = stops(l(2), &set);
        let steps = l(1).steps.len() + l(2).steps.len() + l(4).steps.len();
        assert_eq!(stops.len(), steps + 1);
        let last2 = Stop::Step(l(2), l(2).steps.len() - 1);
        let brk = Stop::Break { minutes: 15, before: l(4) };
        assert_eq!(target(&stops, last2, "next"), Some(brk));
        assert_eq!(target(&stops, brk, "next"), Some(Stop::Step(l(4), 0)));
        assert_eq!(target(&stops, Stop::Step(l(4), 0), "prev"), Some(brk));
        assert_eq!(target(&stops, brk, "prev"), Some(last2));
        assert_eq!(target(&stops, brk, "home"), Some(Stop::Step(l(1), 0)));
        assert_eq!(target(&stops, Stop::Step(l(1), 0), "prev"), None);
        assert_eq!(target(&stops, Stop::Step(l(4), l(4).steps.len() - 1), "next"), None);
        assert_eq!(step_number(&stops, Stop::Step(l(4), 0)), Some((l(1).steps.len() + l(2).steps.len() + 1, steps)));
        assert_eq!(step_number(&stops, brk), None);
        // A lesson outside the set walks its own steps.
        let own = super::stops(l(7), &set);
        assert_eq!(own.len(), l(7).steps.len());
        assert_eq!(target(&own, Stop::Step(l(7), own.len() - 1), "next"), None);
    }
}

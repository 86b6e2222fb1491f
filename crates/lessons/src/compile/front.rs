//! A lesson's front matter: title, summary, minutes, prerequisites.

use super::*;

pub(super) struct Front {
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) minutes: u32,
    pub(super) prerequisites: Vec<String>,
}

pub(super) fn front_matter(ctx: &FileCtx, lines: &[&str]) -> Result<(Front, usize), Error> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err(ctx.err(1, "a lesson starts with front matter between '---' lines"));
    }
    let end = lines[1..]
        .iter()
        .position(|l| l.trim_end() == "---")
        .map(|i| i + 1)
        .ok_or_else(|| ctx.err(1, "front matter has no closing '---'"))?;
    let body: Vec<(usize, &str)> = lines[1..end].iter().enumerate().map(|(i, l)| (i + 2, *l)).collect();
    let f = fields(ctx, &body, &["title", "summary", "minutes", "prerequisites"])?;
    let (title, _) = require(ctx, &f, "title", "front matter", 1)?;
    let (summary, _) = require(ctx, &f, "summary", "front matter", 1)?;
    let (minutes, ml) = require(ctx, &f, "minutes", "front matter", 1)?;
    let (pre, _) = require(ctx, &f, "prerequisites", "front matter", 1)?;
    let minutes = minutes
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=120).contains(m))
        .ok_or_else(|| ctx.err(ml, format!("minutes '{minutes}' should be a whole number from 1 to 120")))?;
    let prerequisites = if pre == "none" {
        Vec::new()
    } else {
        pre.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
    };
    Ok((Front { title: title.to_string(), summary: summary.to_string(), minutes, prerequisites }, end + 1))
}

//! Social cards: what a shared Lambda Lab link shows on Mastodon, LinkedIn,
//! Slack or X. A 1200×630 PNG with the calculator's title, its headline
//! figures for a link's values and a small bar chart of the figures behind
//! them, drawn here in Rust (DejaVu Sans, rasterised by `ab_glyph`, encoded
//! by `png`): no browser, no network, the same bytes for the same values.
//!
//! The site generator writes one per calculator from its defaults
//! (`og/<slug>.png`, the pages' `og:image`); the oEmbed endpoint draws one
//! for a link's own values (`/card.png?…`).

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use lambda_model::calculators::decode_query;
use lambda_model::params::metrics::MetricValue;
use lambda_model::params::{Date, Values};
use lambda_site::{CalcPage, fallback};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

type Rgb = [u8; 3];

/// The site's light theme (style/main.css).
const BG: Rgb = [0xff, 0xff, 0xff];
const SURFACE: Rgb = [0xf4, 0xf6, 0xf8];
const TEXT: Rgb = [0x16, 0x19, 0x1d];
const MUTED: Rgb = [0x4f, 0x57, 0x61];
const ACCENT: Rgb = [0x0b, 0x5c, 0xad];
const BARS: [Rgb; 4] = [[0x0b, 0x5c, 0xad], [0xb3, 0x47, 0x00], [0x1b, 0x6e, 0x35], [0x7a, 0x3e, 0xa1]];

struct Canvas {
    px: Vec<Rgb>,
}

impl Canvas {
    fn new() -> Canvas {
        Canvas { px: vec![BG; (WIDTH * HEIGHT) as usize] }
    }

    fn rect(&mut self, x: i32, y: i32, w: i32, h: i32, c: Rgb) {
        for yy in y.max(0)..(y + h).min(HEIGHT as i32) {
            for xx in x.max(0)..(x + w).min(WIDTH as i32) {
                self.px[(yy as u32 * WIDTH + xx as u32) as usize] = c;
            }
        }
    }

    fn blend(&mut self, x: i32, y: i32, c: Rgb, a: f32) {
        if x < 0 || y < 0 || x >= WIDTH as i32 || y >= HEIGHT as i32 {
            return;
        }
        let p = &mut self.px[(y as u32 * WIDTH + x as u32) as usize];
        let a = a.clamp(0.0, 1.0);
        for i in 0..3 {
            p[i] = (p[i] as f32 * (1.0 - a) + c[i] as f32 * a).round() as u8;
        }
    }

    /// Width of a line of text at `size` px.
    fn measure(font: &FontRef, size: f32, text: &str) -> f32 {
        let f = font.as_scaled(PxScale::from(size));
        let mut w = 0.0;
        let mut prev = None;
        for c in text.chars() {
            let id = f.glyph_id(c);
            if let Some(p) = prev {
                w += f.kern(p, id);
            }
            w += f.h_advance(id);
            prev = Some(id);
        }
        w
    }

    /// Draws one line with its baseline at `y`; returns its width.
    fn text(&mut self, font: &FontRef, size: f32, x: f32, y: f32, text: &str, c: Rgb) -> f32 {
        let f = font.as_scaled(PxScale::from(size));
        let mut caret = x;
        let mut prev = None;
        for ch in text.chars() {
            let id = f.glyph_id(ch);
            if let Some(p) = prev {
                caret += f.kern(p, id);
            }
            let glyph = id.with_scale_and_position(PxScale::from(size), point(caret, y));
            if let Some(outline) = font.outline_glyph(glyph) {
                let b = outline.px_bounds();
                outline.draw(|gx, gy, cov| self.blend(b.min.x as i32 + gx as i32, b.min.y as i32 + gy as i32, c, cov));
            }
            caret += f.h_advance(id);
            prev = Some(id);
        }
        caret - x
    }

    fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, WIDTH, HEIGHT);
            enc.set_color(png::ColorType::Rgb);
            enc.set_depth(png::BitDepth::Eight);
            enc.set_compression(png::Compression::High);
            let data: Vec<u8> = self.px.iter().flatten().copied().collect();
            // Writing into a Vec cannot fail for a well-formed header.
            if let Ok(mut w) = enc.write_header() {
                let _ = w.write_image_data(&data);
            }
        }
        out
    }
}

/// Breaks text into lines no wider than `width` px at `size`.
fn wrap(font: &FontRef, size: f32, text: &str, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if Canvas::measure(font, size, &candidate) > width && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// One bar of the card's chart: its label, its value, the value as text.
pub struct Bar {
    pub label: &'static str,
    pub value: f64,
    pub text: String,
}

/// The figures behind a calculator's headline, as bars (the ones that are
/// not zero).
pub fn bars(info: &CalcPage, metrics: &[(&str, MetricValue)]) -> Vec<Bar> {
    let m = |n: &str| metrics.iter().find(|(k, _)| *k == n).and_then(|(_, v)| v.as_f64());
    let usd = |label, n: &str| m(n).map(|v| Bar { label, value: v, text: fallback::usd(v) });
    let ms = |label, n: &str| m(n).map(|v| Bar { label, value: v, text: format!("{} ms", v.round()) });
    let list: Vec<Option<Bar>> = match info.module {
        "cost" => vec![
            usd("Requests", "request_usd"),
            usd("Duration", "duration_usd"),
            usd("INIT", "init_usd"),
            usd("Provisioned", "pc_usd"),
            usd("Storage", "ephemeral_usd"),
        ],
        "power" => vec![
            usd("Per million now", "cost_per_million_usd"),
            usd("Per million at best", "best_cost_per_million_usd"),
        ],
        "coldstart" => vec![
            ms("Init p50", "init_p50_ms"),
            ms("Cold p50", "cold_latency_p50_ms"),
            ms("Cold p99", "cold_latency_p99_ms"),
        ],
        "traffic" => vec![ms("p50", "p50_ms"), ms("p95", "p95_ms"), ms("p99", "p99_ms"), ms("p99.9", "p999_ms")],
        "lmi" => vec![usd("Managed Instances", "total_usd"), usd("On-demand functions", "lambda_usd")],
        "platforms" => vec![
            usd("Lambda", "lambda_usd"),
            usd("Managed Instances", "lmi_usd"),
            usd("Fargate", "fargate_usd"),
            usd("EC2", "ec2_usd"),
        ],
        "microvms" => {
            vec![usd("Compute", "compute_usd"), usd("Snapshots", "snapshot_usd"), usd("Storage", "storage_usd")]
        }
        _ => vec![],
    };
    list.into_iter().flatten().filter(|b| b.value > 0.0 && b.value.is_finite()).collect()
}

/// The card for a calculator and a query (its defaults when empty), priced
/// on `today`; `site` is where it lives, as the card shows it
/// (`lambda-lab.github.io/lambda-lab`). Invalid values draw the title and the
/// calculator's description.
pub fn render(info: &CalcPage, query: &str, today: Date, site: &str) -> Vec<u8> {
    let calc = lambda_model::calculators::find(info.module);
    let evaluated = calc.and_then(|c| {
        let d = decode_query(c.specs, query);
        if !d.errors.is_empty() {
            return None;
        }
        let metrics = c.evaluate(&d.values, today).ok()?;
        Some((d.values, metrics))
    });
    match &evaluated {
        Some((values, metrics)) => draw(info, Some((values, metrics)), site),
        None => draw(info, None, site),
    }
}

/// `https://lambda-lab.github.io/lambda-lab/` → `lambda-lab.github.io/lambda-lab`.
pub fn site_label(site: &str) -> String {
    site.split_once("://").map_or(site, |(_, r)| r).trim_end_matches('/').to_string()
}

fn footer(c: &mut Canvas, regular: &FontRef, bold: &FontRef, left: f32, said: &str, site: &str) {
    c.rect(0, HEIGHT as i32 - 70, WIDTH as i32, 70, SURFACE);
    c.text(regular, 26.0, left, HEIGHT as f32 - 26.0, said, MUTED);
    let tw = Canvas::measure(bold, 26.0, site);
    c.text(bold, 26.0, WIDTH as f32 - left - tw, HEIGHT as f32 - 26.0, site, ACCENT);
}

/// DejaVu Sans regular and bold (compiled in; a font that does not parse
/// would be a broken build, and draws a blank card).
fn fonts() -> Option<(FontRef<'static>, FontRef<'static>)> {
    Some((FontRef::try_from_slice(dejavu::sans::regular()).ok()?, FontRef::try_from_slice(dejavu::sans::bold()).ok()?))
}

/// A card's canvas with its accent bar and the name "Lambda Lab" at `size`
/// px with its baseline at `y`.
fn canvas_with_name(bold: &FontRef, size: f32, y: f32) -> Canvas {
    let mut c = Canvas::new();
    c.rect(0, 0, WIDTH as i32, 14, ACCENT);
    let w = c.text(bold, size, LEFT, y, "Lambda", TEXT);
    c.text(bold, size, LEFT + w, y, " Lab", ACCENT);
    c
}

/// The left margin.
const LEFT: f32 = 64.0;

/// The site's own card: its name and what it does, for every page that is
/// not a calculator.
pub fn render_site(text: &str, site: &str) -> Vec<u8> {
    let Some((regular, bold)) = fonts() else { return Canvas::new().png() };
    let mut c = canvas_with_name(&bold, 96.0, 230.0);
    let left = LEFT;
    let mut y = 320.0;
    for line in wrap(&regular, 40.0, text, WIDTH as f32 - 2.0 * left).into_iter().take(4) {
        c.text(&regular, 40.0, left, y, &line, TEXT);
        y += 54.0;
    }
    footer(&mut c, &regular, &bold, left, "No account, no tracking", site);
    c.png()
}

fn draw(info: &CalcPage, result: Option<(&Values, &Vec<(&'static str, MetricValue)>)>, site: &str) -> Vec<u8> {
    let Some((regular, bold)) = fonts() else { return Canvas::new().png() };
    let mut c = canvas_with_name(&bold, 34.0, 82.0);
    let left = LEFT;
    c.text(&bold, 60.0, left, 170.0, info.h1, TEXT);
    let summary = result.and_then(|(v, m)| fallback::summary(info, v, m));
    let bars = result.map(|(_, m)| bars(info, m)).unwrap_or_default();
    let text_width = if bars.is_empty() { WIDTH as f32 - 2.0 * left } else { 560.0 };
    let mut y = 250.0;
    match &summary {
        Some(s) => {
            // The sentence's first figure large, the rest beneath it.
            let (head, rest) = s.split_once(' ').unwrap_or((s.as_str(), ""));
            let head_is_figure = head.starts_with('$') || head.chars().next().is_some_and(|ch| ch.is_ascii_digit());
            let body = if head_is_figure {
                c.text(&bold, 84.0, left, y + 40.0, head, ACCENT);
                y += 100.0;
                rest.to_string()
            } else {
                // A sentence of its own: capitalised.
                let mut chars = s.chars();
                chars.next().map_or(String::new(), |f| f.to_uppercase().collect::<String>() + chars.as_str())
            };
            for line in wrap(&regular, 36.0, &body, text_width).into_iter().take(4) {
                c.text(&regular, 36.0, left, y + 10.0, &line, TEXT);
                y += 48.0;
            }
        }
        None => {
            for line in wrap(&regular, 36.0, info.description, WIDTH as f32 - 2.0 * left).into_iter().take(5) {
                c.text(&regular, 36.0, left, y, &line, MUTED);
                y += 48.0;
            }
        }
    }
    // The chart: horizontal bars on the right, each with its label and value.
    if !bars.is_empty() {
        let (x0, x1) = (680.0_f32, 1136.0_f32);
        let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
        let slot = (330.0 / bars.len() as f32).min(96.0);
        let mut by = 220.0;
        for (i, b) in bars.iter().enumerate() {
            c.text(&regular, 24.0, x0, by + 24.0, b.label, MUTED);
            let len = ((b.value / max) as f32 * (x1 - x0)).max(4.0);
            let bar_h = (slot - 40.0).max(14.0);
            c.rect(x0 as i32, (by + 34.0) as i32, len as i32, bar_h as i32, BARS[i % BARS.len()]);
            let tw = Canvas::measure(&bold, 24.0, &b.text);
            let tx = if len + tw + 12.0 < x1 - x0 { x0 + len + 10.0 } else { x1 - tw };
            let ty = by + 34.0 + bar_h / 2.0 + 9.0;
            if tx > x0 + len {
                c.text(&bold, 24.0, tx, ty, &b.text, TEXT);
            } else {
                c.text(&bold, 24.0, tx - 8.0, ty, &b.text, BG);
            }
            by += slot;
        }
    }
    footer(&mut c, &regular, &bold, left, "Exact AWS Lambda prices, in your browser", site);
    c.png()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lambda_site::{CALC_PAGES, COST};

    const TODAY: Date = Date { year: 2026, month: 11, day: 23 };

    fn size_of(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let n = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
        (n(16), n(20))
    }

    #[test]
    fn every_calculator_has_a_card_of_the_social_size() {
        for info in CALC_PAGES {
            let png = render(info, "", TODAY, "x.io");
            assert_eq!(size_of(&png), (1200, 630), "{}", info.slug);
            assert!(png.len() > 5_000 && png.len() < 200_000, "{}: {} bytes", info.slug, png.len());
        }
    }

    #[test]
    fn a_links_values_change_its_card_and_the_same_values_draw_the_same_bytes() {
        let q = "memory_mb=1024&requests=20000000&duration_ms=120";
        let a = render(&COST, q, TODAY, "x.io");
        assert_eq!(a, render(&COST, q, TODAY, "x.io"));
        assert_ne!(a, render(&COST, "", TODAY, "x.io"));
        // Invalid values still draw a card (the title and the description).
        assert_eq!(size_of(&render(&COST, "memory_mb=banana", TODAY, "x.io")), (1200, 630));
    }

    #[test]
    fn the_site_card_is_of_the_social_size_too() {
        assert_eq!(size_of(&render_site("Exact AWS Lambda costs", "x.io")), (1200, 630));
    }

    #[test]
    fn the_cost_chart_shows_the_lines_of_the_bill() {
        let c = lambda_model::calculators::find("cost").unwrap();
        let d = decode_query(c.specs, "memory_mb=1024&requests=20000000&duration_ms=120");
        let m = c.evaluate(&d.values, TODAY).unwrap();
        let b = bars(&COST, &m);
        assert_eq!(b.iter().map(|b| b.label).collect::<Vec<_>>(), vec!["Requests", "Duration"]);
        assert_eq!(b[0].text, "$3.80");
        assert_eq!(b[1].text, "$33.33");
    }
}

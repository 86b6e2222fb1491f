//! Canvas charts drawn with plotters. plotters-canvas has no high-DPI support,
//! so we size the canvas backing store to CSS size × devicePixelRatio and
//! scale every font size, stroke and margin by that ratio ourselves. Colours
//! come from the theme's CSS custom properties, read at draw time.
//!
//! Chart *data* (series, summary sentence, table rows) is computed by pure
//! functions elsewhere; this module only draws it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;

/// The charts' font, given as a family name: plotters' `From<&str>` would
/// lower-case it first, which pulls Unicode case tables (≈ 8 KB) into every
/// module that draws a chart.
const FONT: FontFamily<'static> = FontFamily::Name("system-ui, sans-serif");
use wasm_bindgen::JsCast;

/// One horizontal stacked bar: a label and one value per series.
#[derive(Clone, Debug, PartialEq)]
pub struct StackedBar {
    pub label: String,
    pub values: Vec<f64>,
    pub total_text: String,
}

/// Redraws a chart whenever `track` sees a change, or the theme or window
/// width changes, at most once per animation frame, after the figures have
/// updated: the numbers come first, the picture a frame later.
pub fn redraw_on_change(
    canvas: leptos::prelude::NodeRef<leptos::html::Canvas>,
    track: impl Fn() + 'static,
    draw: impl Fn(&web_sys::HtmlCanvasElement) + Clone + 'static,
) {
    use leptos::prelude::*;
    use std::cell::Cell;
    use std::rc::Rc;
    let pending = Rc::new(Cell::new(false));
    let (theme, width) = (crate::theme::use_theme(), crate::theme::use_window_width());
    Effect::new(move |_| {
        theme.track();
        width.track();
        track();
        if pending.replace(true) {
            return;
        }
        let (pending, draw) = (pending.clone(), draw.clone());
        request_animation_frame(move || {
            pending.set(false);
            // The chart may be gone by the next frame (a lesson step left, an
            // embed unmounted just after mounting): then there is nothing to draw.
            if let Some(c) = canvas.try_get_untracked().flatten() {
                draw(&c);
            }
        });
    });
}

/// A canvas for a chart of fixed data: the node and its drawing (once
/// mounted, and again when the theme or the width changes) are made together,
/// so a chart cannot be left undrawn.
pub fn drawn<T: 'static>(
    data: T,
    draw: fn(&web_sys::HtmlCanvasElement, &T) -> Option<()>,
) -> leptos::prelude::NodeRef<leptos::html::Canvas> {
    let canvas = leptos::prelude::NodeRef::new();
    let data = std::rc::Rc::new(data);
    redraw_on_change(
        canvas,
        || {},
        move |c| {
            let _ = draw(c, &data);
        },
    );
    canvas
}

/// A line chart's canvas ([`drawn`]).
pub fn line_chart(
    lines: Vec<Line>,
    x_desc: &'static str,
    y_desc: &'static str,
) -> leptos::prelude::NodeRef<leptos::html::Canvas> {
    drawn((lines, x_desc, y_desc), |c, (l, x, y)| draw_lines(c, l, x, y))
}

/// [`redraw_on_change`] for a chart drawn from one memo: redraws when the memo,
/// the theme or the width changes, reading the memo without cloning it.
pub fn redraw_memo<T: Send + Sync + 'static>(
    canvas: leptos::prelude::NodeRef<leptos::html::Canvas>,
    memo: leptos::prelude::Memo<T>,
    draw: impl Fn(&web_sys::HtmlCanvasElement, &T) -> Option<()> + Clone + 'static,
) {
    use leptos::prelude::*;
    redraw_on_change(
        canvas,
        move || memo.track(),
        move |c| {
            let _ = memo.with_untracked(|v| draw(c, v));
        },
    );
}

/// Reads `--name` from the root element's computed style as an RGB colour.
pub fn css_color(name: &str) -> RGBColor {
    let hex = web_sys::window()
        .and_then(|w| {
            let el = w.document()?.document_element()?;
            w.get_computed_style(&el).ok().flatten()?.get_property_value(name).ok()
        })
        .unwrap_or_default();
    parse_hex(hex.trim()).unwrap_or(RGBColor(128, 128, 128))
}

/// `#rrggbb` or `#rgb` (what a CSS minifier writes for `#ffffff`) → colour.
pub fn parse_hex(s: &str) -> Option<RGBColor> {
    let h = s.strip_prefix('#')?;
    if !h.is_ascii() {
        return None;
    }
    match h.len() {
        6 => {
            let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
            Some(RGBColor(p(0)?, p(2)?, p(4)?))
        }
        3 => {
            let p = |i: usize| u8::from_str_radix(&h[i..i + 1], 16).ok().map(|x| x * 17);
            Some(RGBColor(p(0)?, p(1)?, p(2)?))
        }
        _ => None,
    }
}

/// Sizes the canvas backing store for the device pixel ratio; returns
/// (width, height, scale): the scale turns the charts' CSS px (fonts for a
/// 16 px page) into device pixels, and grows with the page's root font
/// size, so a projected chart (24 px text) has 18 px labels.
fn fit(canvas: &web_sys::HtmlCanvasElement) -> (u32, u32, f64) {
    let w = web_sys::window();
    let dpr = w.as_ref().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(1.0);
    let rem = w
        .as_ref()
        .and_then(|w| w.document()?.document_element().and_then(|e| w.get_computed_style(&e).ok().flatten()))
        .and_then(|s| s.get_property_value("font-size").ok())
        .and_then(|v| lambda_model::base::decimal::parse_f64(v.trim_end_matches("px")))
        .map_or(1.0, |px| (px / 16.0).clamp(1.0, 3.0));
    let el: &web_sys::Element = canvas.unchecked_ref();
    let rect = el.get_bounding_client_rect();
    let (w, h) = ((rect.width() * dpr).round().max(1.0) as u32, (rect.height() * dpr).round().max(1.0) as u32);
    // The smallest label's size in CSS px (12 px on a page, 18 px projected), for tests and curious readers.
    let _ = el.set_attribute("data-label-px", &format!("{}", 12.0 * rem));
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    (w, h, dpr * rem)
}

/// Draws horizontal stacked bars, one row per bar, with the label above each
/// bar and its total at the end. Returns `None` if the canvas is unusable.
pub fn draw_stacked_bars(canvas: &web_sys::HtmlCanvasElement, bars: &[StackedBar]) -> Option<()> {
    let (w, h, s) = fit(canvas);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    let bg = css_color("--bg");
    let text = css_color("--text");
    let muted = css_color("--muted");
    let series: Vec<RGBColor> = (1..=15).map(|i| css_color(&format!("--chart-{i}"))).collect();
    root.fill(&bg).ok()?;
    if bars.is_empty() {
        return Some(());
    }
    let pad = (8.0 * s) as i32;
    let font_px = 13.0 * s;
    let row = (h as i32 - pad) / bars.len() as i32;
    let max = bars.iter().map(|b| b.values.iter().filter(|v| **v > 0.0).sum::<f64>()).fold(0.0, f64::max).max(1e-12);
    let label_w = (96.0 * s) as i32; // room for the total after the bar
    let bar_room = (w as i32 - 2 * pad - label_w).max(10);
    let font = (FONT, font_px).into_font();
    for (k, b) in bars.iter().enumerate() {
        let top = pad / 2 + k as i32 * row;
        let label_style = TextStyle::from(font.clone()).color(&text).pos(Pos::new(HPos::Left, VPos::Top));
        root.draw(&Text::new(b.label.clone(), (pad, top), label_style)).ok()?;
        let bar_top = top + (font_px * 1.35) as i32;
        let bar_bottom = (top + row - (6.0 * s) as i32).max(bar_top + 2);
        let mut x = pad;
        for (i, v) in b.values.iter().enumerate() {
            if *v <= 0.0 {
                continue;
            }
            let len = ((v / max) * bar_room as f64).round() as i32;
            let color = series[i % series.len()];
            root.draw(&Rectangle::new([(x, bar_top), (x + len.max(1), bar_bottom)], color.filled())).ok()?;
            // A thin separator so adjacent segments are told apart without colour.
            root.draw(&Rectangle::new(
                [(x + len.max(1) - (s as i32).max(1), bar_top), (x + len.max(1), bar_bottom)],
                bg.filled(),
            ))
            .ok()?;
            x += len.max(1);
        }
        let total_style = TextStyle::from(font.clone()).color(&muted).pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(b.total_text.clone(), (x + (6.0 * s) as i32, (bar_top + bar_bottom) / 2), total_style))
            .ok()?;
    }
    root.present().ok()?;
    Some(())
}

/// Series for the duration/cost-against-memory chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PowerSeries {
    /// Modelled (memory MB, duration ms, cost per million USD), fine grid.
    pub model: Vec<(f64, f64, f64)>,
    /// Measured (memory MB, duration ms): drawn as points, never joined.
    pub measured: Vec<(f64, f64)>,
    /// Iso-cost curve (memory MB, duration ms at today's cost).
    pub iso: Vec<(f64, f64)>,
    /// The current and the recommended size.
    pub current_mb: f64,
    pub best_mb: f64,
}

/// Duration (left axis, solid line) and cost per million (right axis, line
/// with square markers) against memory; measured points as open circles.
pub fn draw_power_chart(canvas: &web_sys::HtmlCanvasElement, s: &PowerSeries) -> Option<()> {
    let (_, _, k) = fit(canvas);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    let (bg, text, muted) = (css_color("--bg"), css_color("--text"), css_color("--muted"));
    let (c_dur, c_cost, c_meas) = (css_color("--chart-1"), css_color("--chart-2"), css_color("--chart-3"));
    root.fill(&bg).ok()?;
    if s.model.is_empty() {
        return Some(());
    }
    let max_d = s.model.iter().map(|p| p.1).chain(s.measured.iter().map(|p| p.1)).fold(0.0, f64::max).max(1e-9) * 1.08;
    let max_c = s.model.iter().map(|p| p.2).fold(0.0, f64::max).max(1e-12) * 1.08;
    let font = (FONT, 12.0 * k).into_font();
    // Tick labels at the precision the range needs, and label areas as wide
    // as the widest label plus the rotated axis title, so neither the
    // title nor the ticks are clipped or overlap at any width.
    let cost_digits = if max_c >= 100.0 {
        0
    } else if max_c >= 1.0 {
        2
    } else {
        4
    };
    let cost_label = move |y: &f64| format!("{y:.cost_digits$}");
    let area = |widest: usize| ((widest as f64 * 7.4 + 26.0) * k) as u32;
    let left = area(format!("{max_d:.0}").len());
    let right = area(cost_label(&max_c).len());
    let mut chart = ChartBuilder::on(&root)
        .margin((10.0 * k) as u32)
        .x_label_area_size((40.0 * k) as u32)
        .y_label_area_size(left)
        .right_y_label_area_size(right)
        .build_cartesian_2d(128f64..10240f64, 0f64..max_d)
        .ok()?
        .set_secondary_coord(128f64..10240f64, 0f64..max_c);
    chart
        .configure_mesh()
        .x_labels(6)
        .y_labels(5)
        .x_desc("memory (MB)")
        .y_desc("duration (ms)")
        .label_style(font.clone().color(&text))
        .axis_desc_style(font.clone().color(&muted))
        .bold_line_style(css_color("--surface-2").stroke_width(1))
        .light_line_style(bg.stroke_width(0))
        .axis_style(muted.stroke_width(1))
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()
        .ok()?;
    chart
        .configure_secondary_axes()
        .y_desc("$ per million")
        .label_style(font.clone().color(&text))
        .axis_desc_style(font.color(&muted))
        .axis_style(muted.stroke_width(1))
        .y_label_formatter(&cost_label)
        .draw()
        .ok()?;
    let w = (2.0 * k) as u32;
    for (x, color) in [(s.current_mb, muted), (s.best_mb, c_meas)] {
        chart.draw_series(LineSeries::new([(x, 0.0), (x, max_d)], color.stroke_width((k as u32).max(1)))).ok()?;
    }
    // Iso-cost, clipped to the plotted range.
    chart
        .draw_series(LineSeries::new(
            s.iso.iter().filter(|p| p.1 <= max_d).copied(),
            muted.stroke_width((k as u32).max(1)),
        ))
        .ok()?;
    chart.draw_series(LineSeries::new(s.model.iter().map(|p| (p.0, p.1)), c_dur.stroke_width(w))).ok()?;
    chart.draw_secondary_series(LineSeries::new(s.model.iter().map(|p| (p.0, p.2)), c_cost.stroke_width(w))).ok()?;
    let every = (s.model.len() / 16).max(1);
    chart
        .draw_secondary_series(s.model.iter().step_by(every).map(|p| {
            Rectangle::new([(p.0 - 40.0, p.2 - max_c * 0.008), (p.0 + 40.0, p.2 + max_c * 0.008)], c_cost.filled())
        }))
        .ok()?;
    chart
        .draw_series(s.measured.iter().map(|p| Circle::new((p.0, p.1), (5.0 * k) as i32, c_meas.stroke_width(w))))
        .ok()?;
    root.present().ok()?;
    Some(())
}

/// One line of a line chart: a name (for the legend and table), points, and
/// which `--chart-N` colour it uses.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub name: String,
    pub points: Vec<(f64, f64)>,
    pub color: usize,
    /// Thin lines are drawn at 1 px, thick at 2.5 px, so lines differ by more than colour.
    pub thick: bool,
}

type Chart<'a> = ChartContext<
    'a,
    CanvasBackend,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// How an axis is labelled: a plain number with this many decimals, or a
/// log₁₀ axis labelled with the powers of ten it spans.
#[derive(Clone, Copy)]
enum Labels {
    Plain(usize),
    Log,
}

impl Labels {
    fn text(self, v: f64) -> String {
        match self {
            Labels::Plain(dec) => crate::format::plain_number(v, dec),
            Labels::Log => crate::format::plain_number(10f64.powf(v), if v < 0.0 { (-v).ceil() as usize } else { 0 }),
        }
    }
}

/// Axes over the given ranges, with a light grid, themed labels, scaled for
/// the device pixel ratio `k`.
fn axes<'a>(
    root: &'a DrawingArea<CanvasBackend, plotters::coord::Shift>,
    k: f64,
    (xr, yr): (std::ops::Range<f64>, std::ops::Range<f64>),
    (x_desc, y_desc): (&str, &str),
    (xl, yl): (Labels, Labels),
) -> Option<Chart<'a>> {
    let (bg, text, muted) = (css_color("--bg"), css_color("--text"), css_color("--muted"));
    let font = (FONT, 12.0 * k).into_font();
    // On a log axis, a label at each power of ten, as many as fit (a label
    // such as "100,000" needs about 60 CSS px).
    let fits = (root.dim_in_pixel().0 as f64 / k / 60.0).floor().max(2.0) as usize;
    let count = |r: &std::ops::Range<f64>, l: Labels, n: usize| match l {
        Labels::Log => ((r.end.floor() - r.start.ceil()) as usize + 1).min(8).min(fits),
        Labels::Plain(_) => n,
    };
    let (nx, ny) = (count(&xr, xl, 6), count(&yr, yl, 5));
    let mut chart = ChartBuilder::on(root)
        .margin((10.0 * k) as u32)
        // Room for the last x label, centred on the right edge.
        .margin_right((24.0 * k) as u32)
        .x_label_area_size((30.0 * k) as u32)
        .y_label_area_size((60.0 * k) as u32)
        .build_cartesian_2d(xr, yr)
        .ok()?;
    chart
        .configure_mesh()
        .x_labels(nx)
        .y_labels(ny)
        .x_desc(x_desc)
        .y_desc(y_desc)
        .label_style(font.clone().color(&text))
        .axis_desc_style(font.color(&muted))
        .bold_line_style(css_color("--surface-2").stroke_width(1))
        .light_line_style(bg.stroke_width(0))
        .axis_style(muted.stroke_width(1))
        .x_label_formatter(&|x| xl.text(*x))
        .y_label_formatter(&|y| yl.text(*y))
        .draw()
        .ok()?;
    Some(chart)
}

/// Draws each line on `chart`, in its colour and weight.
fn draw_each(chart: &mut Chart, lines: &[Line], k: f64, map: impl Fn((f64, f64)) -> (f64, f64)) -> Option<()> {
    for l in lines {
        let color = css_color(&format!("--chart-{}", l.color));
        let w = if l.thick { (2.5 * k) as u32 } else { k.max(1.0) as u32 };
        chart.draw_series(LineSeries::new(l.points.iter().map(|p| map(*p)), color.stroke_width(w))).ok()?;
    }
    Some(())
}

/// A line chart with axes; x and y start at zero.
pub fn draw_lines(canvas: &web_sys::HtmlCanvasElement, lines: &[Line], x_desc: &str, y_desc: &str) -> Option<()> {
    let (_, _, k) = fit(canvas);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    root.fill(&css_color("--bg")).ok()?;
    let all = || lines.iter().flat_map(|l| l.points.iter());
    let max_x = all().map(|p| p.0).fold(0.0, f64::max).max(1e-9);
    let max_y = all().map(|p| p.1).fold(0.0, f64::max).max(1e-9) * 1.08;
    let mut chart = axes(&root, k, (0.0..max_x, 0.0..max_y), (x_desc, y_desc), (Labels::Plain(1), Labels::Plain(2)))?;
    draw_each(&mut chart, lines, k, |p| p)?;
    root.present().ok()?;
    Some(())
}

/// A line chart on log₁₀ axes (every value above zero), for figures that
/// span powers of ten; `mark` draws a dashed-looking vertical guide (e.g.
/// the function's own traffic) at that x.
pub fn draw_lines_log(
    canvas: &web_sys::HtmlCanvasElement,
    lines: &[Line],
    (x_desc, y_desc): (&str, &str),
    mark: Option<f64>,
) -> Option<()> {
    let (_, _, k) = fit(canvas);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    root.fill(&css_color("--bg")).ok()?;
    let log = |v: f64| v.max(1e-12).log10();
    let all = || lines.iter().flat_map(|l| l.points.iter());
    let (x0, x1) = all().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(log(p.0)), b.max(log(p.0))));
    let (y0, y1) = all().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(log(p.1)), b.max(log(p.1))));
    if x0 >= x1 {
        return None;
    }
    let (y0, y1) = (y0.floor(), if y1 > y0 { y1.ceil() } else { y0.floor() + 1.0 });
    let mut chart = axes(&root, k, (x0..x1, y0..y1), (x_desc, y_desc), (Labels::Log, Labels::Log))?;
    if let Some(x) = mark.filter(|x| *x > 0.0).map(log).filter(|x| (x0..=x1).contains(x)) {
        let c = css_color("--muted");
        let step = (y1 - y0) / 40.0;
        // Short dashes, so the guide does not read as a third cost line.
        chart
            .draw_series((0..40).step_by(2).map(|i| {
                let a = y0 + step * i as f64;
                PathElement::new(vec![(x, a), (x, a + step)], c.stroke_width(k.max(1.0) as u32))
            }))
            .ok()?;
    }
    draw_each(&mut chart, lines, k, |p| (log(p.0), log(p.1)))?;
    root.present().ok()?;
    Some(())
}

/// A column chart of (x, y) with equal-width columns.
pub fn draw_columns(
    canvas: &web_sys::HtmlCanvasElement,
    cols: &[(f64, f64)],
    x_desc: &str,
    y_desc: &str,
) -> Option<()> {
    let (_, _, k) = fit(canvas);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    let root = backend.into_drawing_area();
    root.fill(&css_color("--bg")).ok()?;
    let width = if cols.len() > 1 { cols[1].0 - cols[0].0 } else { 1.0 };
    let max_x = cols.last().map(|c| c.0 + width).unwrap_or(1.0).max(1e-9);
    let max_y = cols.iter().map(|c| c.1).fold(0.0, f64::max).max(1.0) * 1.08;
    let mut chart = axes(&root, k, (0.0..max_x, 0.0..max_y), (x_desc, y_desc), (Labels::Plain(0), Labels::Plain(0)))?;
    let color = css_color("--chart-2");
    chart
        .draw_series(cols.iter().map(|(x, y)| Rectangle::new([(*x, 0.0), (*x + width * 0.85, *y)], color.filled())))
        .ok()?;
    root.present().ok()?;
    Some(())
}

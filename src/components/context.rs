//! What a calculator's parts read from their mount: its layout, its page,
//! an embed's query and its pinned prices, and which inputs are already drawn.

use super::*;

/// How the calculator being built is laid out: the full page unless it was
/// mounted as a compact embed ([`crate::modules::embed_page`]).
pub fn layout() -> Layout {
    use_context::<Layout>().unwrap_or_default()
}

/// The calculator being built, when its mount said (pages and embeds do).
pub fn calc_info() -> Option<&'static CalcPage> {
    use_context::<&'static CalcPage>()
}

/// An embedded calculator's current values as a query, for its "Open in
/// Lambda Lab" link (an embed never writes the address bar).
#[derive(Clone, Copy)]
pub struct EmbedQuery(pub RwSignal<String>);

/// What a pinned link's headline figure would be with today's prices, when
/// it differs: the calculator writes it, an embed's footer says it.
#[derive(Clone, Copy)]
pub struct TodaysFigure(pub RwSignal<Option<String>>);

/// The first figures the host showed when the calculator mounted (the
/// inner HTML of its card: the link's own, written by its figures module,
/// the page's defaults, or a lesson step's), for a calculator whose own
/// figures take a while (the traffic simulator): it keeps them in place
/// until its result is there, instead of an empty space (issue 26). `None`
/// when the host showed none, or hid them (a link whose values were not
/// valid, or whose figures module did not answer).
#[derive(Clone, Default)]
pub struct FirstFigures(pub Option<String>);

/// What the host shows as first figures, read before the mount clears it.
pub fn first_figures_shown(host: &web_sys::Element) -> FirstFigures {
    let inner = |sel: &str| host.query_selector(sel).ok().flatten().map(|e| e.inner_html());
    if let Some(lesson) = inner(".lesson-first") {
        return FirstFigures(Some(lesson));
    }
    let Some(card) = host.query_selector(".first-figures").ok().flatten() else { return FirstFigures(None) };
    // A link with values hides the page's defaults until its own are written.
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|h| h.class_list().contains("ff-link"));
    if link && !card.class_list().contains("ff-done") {
        return FirstFigures(None);
    }
    FirstFigures(inner(".ff-figures").filter(|h| !h.trim().is_empty()))
}

/// Key inputs already drawn above "All inputs": fields inside skip them.
#[derive(Clone)]
pub(super) struct DrawnAbove(pub(super) Vec<&'static str>);

pub(super) fn drawn_above(name: &str) -> bool {
    use_context::<DrawnAbove>().is_some_and(|d| d.0.contains(&name))
}

/// One part of a calculator (the result, a chart, …): drawn only when the
/// layout shows it. (A plain function, not a component, so the part keeps
/// its own type: erasing every part's type costs kilobytes of wasm.)
pub fn shown<V: IntoView>(part: Part, body: impl FnOnce() -> V) -> Option<impl IntoView> {
    layout().shows(part).then(|| view! { <div class="part" data-part=part.key()>{body()}</div> })
}

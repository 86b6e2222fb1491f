//! Light and dark themes. The page follows `prefers-color-scheme` until the
//! visitor picks one; the pick is remembered in guarded storage and applied
//! before the first paint by the small script in every page's head
//! (`crates/site`). The header's toggle is the site script's
//! (`public/site.js`); it tells the modules with a window event.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

fn html() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// The theme in effect now: an explicit `data-theme`, else the system's.
pub fn current() -> Theme {
    if let Some(t) = html().and_then(|h| h.get_attribute("data-theme")).and_then(|t| Theme::parse(&t)) {
        return t;
    }
    let dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    if dark { Theme::Dark } else { Theme::Light }
}

/// The theme signal shared by the toggle and every chart (charts redraw on
/// change). Provided once by the app shell.
pub fn use_theme() -> RwSignal<Theme> {
    use_context::<RwSignal<Theme>>().unwrap_or_else(|| {
        let t = RwSignal::new(current());
        // Calculator modules run their own Leptos runtime; the header's toggle
        // tells them with a window event.
        let handle = window_event_listener_untyped(THEME_EVENT, move |_| t.set(current()));
        on_cleanup(move || handle.remove());
        provide_context(t);
        t
    })
}

/// Dispatched on `window` whenever the theme changes.
pub const THEME_EVENT: &str = "lambda-lab-theme";

/// Dispatched on `window` when part of a page that had no size is shown (a
/// presenter's slide): charts drawn while hidden draw again at their size.
pub const SHOWN_EVENT: &str = "lambda-lab-shown";

/// The window's inner width, updated on resize (charts redraw on change).
pub fn use_window_width() -> RwSignal<f64> {
    #[derive(Clone, Copy)]
    struct Width(RwSignal<f64>);
    if let Some(Width(w)) = use_context::<Width>() {
        return w;
    }
    let read = || web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(0.0);
    let w = RwSignal::new(read());
    let handle = window_event_listener(leptos::ev::resize, move |_| w.set(read()));
    // Setting the signal notifies even when the width is the same: charts redraw.
    let shown = window_event_listener_untyped(SHOWN_EVENT, move |_| w.set(read()));
    on_cleanup(move || {
        handle.remove();
        shown.remove();
    });
    provide_context(Width(w));
    w
}

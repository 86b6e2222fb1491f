//! What embeds need on screen: the footer of an embed ("Open in Lambda Lab",
//! the price date), the Embed dialog of a calculator page (options, a live
//! preview, the snippets), and copying text in places where the clipboard may
//! be refused (sandboxed iframes).

use crate::components::{CalcState, EmbedQuery, calc_info};
use lambda_model::scenario::ParamSpec;
use lambda_site::CalcPage;
use lambda_site::embed::{embed_query, snippets};
use leptos::html::{Iframe, Textarea};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether this document runs in an opaque origin: a sandboxed iframe
/// without `allow-same-origin`, where storage, downloads and the clipboard are off.
pub fn opaque_origin() -> bool {
    web_sys::window().is_some_and(|w| w.origin() == "null")
}

/// Whether the page around this one lets it write to the clipboard (an
/// iframe needs `allow="clipboard-write"`); asking anyway logs an error.
fn clipboard_allowed() -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
    let policy = ["permissionsPolicy", "featurePolicy"]
        .into_iter()
        .find_map(|k| js_sys::Reflect::get(&doc, &k.into()).ok().filter(|p| p.is_object()));
    let Some(policy) = policy else { return true };
    js_sys::Reflect::get(&policy, &"allowsFeature".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&policy, &"clipboard-write".into()).ok())
        .is_none_or(|allowed| allowed.as_bool() != Some(false))
}

/// Copies text to the clipboard and says whether it really worked: the
/// clipboard may be missing, or refuse (no permission, a sandboxed iframe).
pub async fn copy_text(text: &str) -> bool {
    if !clipboard_allowed() {
        return false;
    }
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return false };
    let Ok(cb) = js_sys::Reflect::get(&nav, &"clipboard".into()) else { return false };
    let Ok(cb) = cb.dyn_into::<web_sys::Clipboard>() else { return false };
    wasm_bindgen_futures::JsFuture::from(cb.write_text(text)).await.is_ok()
}

/// Selects the text of a field so that Ctrl+C copies it.
pub fn select_all(el: &web_sys::HtmlElement) {
    let _ = el.focus();
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.select();
    } else if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.select();
    }
}

/// The footer of a compact embed: a link to the full calculator with the
/// embed's current values, and the date of the prices.
#[component]
pub fn EmbedFooter(info: &'static CalcPage, query: EmbedQuery) -> impl IntoView {
    let link = move || crate::url::page_link(&info.page(), &query.0.get());
    view! {
        <p class="embed-footer">
            <a href=link target="_blank" rel="noopener" data-testid="open-in-lambda-lab">"Open in Lambda Lab ↗"</a>
            " · Prices as of "
            <span data-metric="prices_as_of" data-value=lambda_model::prices::PRICES_AS_OF>
                {lambda_model::prices::PRICES_AS_OF}
            </span>
        </p>
    }
}

const WIDTHS: [u32; 5] = [320, 480, 600, 800, 0];
const THEMES: [(&str, &str); 3] = [("auto", "The reader's system"), ("light", "Light"), ("dark", "Dark")];

/// The Embed button of a calculator's own page. The dialog is its own small
/// wasm module (`lambda-lab-embed`), loaded on the first click, so calculator
/// pages do not carry it.
#[component]
pub fn EmbedButton(state: CalcState, status: WriteSignal<String>) -> impl IntoView {
    let Some(info) = calc_info() else { return ().into_any() };
    if state.embedded.is_some() {
        return ().into_any();
    }
    let open = move |_| {
        leptos::task::spawn_local(async move {
            if let Err(e) = crate::modules::open_embed_dialog(info.slug).await {
                status.set(e);
            }
        });
    };
    view! { <button type="button" on:click=open data-testid="embed-button" aria-haspopup="dialog">"Embed"</button> }
        .into_any()
}

/// The parameters of the calculator on a page, by its slug.
fn specs_of(slug: &str) -> &'static [ParamSpec] {
    match slug {
        "cost" => lambda_model::pricing::COST_PARAMS,
        "power" => lambda_model::power::POWER_PARAMS,
        "cold-start" => lambda_model::coldstart::COLDSTART_PARAMS,
        "traffic" => lambda_model::sim::SIM_PARAMS,
        _ => &[],
    }
}

/// Checkboxes that add or remove their item from `set`: (item, id, label).
fn toggles<T: Copy + PartialEq + Send + Sync + 'static>(
    items: Vec<(T, String, &'static str)>,
    set: RwSignal<Vec<T>>,
) -> impl IntoView {
    items
        .into_iter()
        .map(|(item, id, label)| {
            view! {
                <div class="check-field">
                    <input type="checkbox" id=id.clone() prop:checked=move || set.with(|v| v.contains(&item))
                        on:change=move |ev| set.update(|v| {
                            v.retain(|x| *x != item);
                            if event_target_checked(&ev) { v.push(item) }
                        }) />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view()
}

/// The embed module's entry: opens the Embed dialog for the calculator
/// `slug` with the values in the address bar (a calculator page keeps it a
/// permalink).
pub fn open_dialog(slug: &str) {
    use lambda_model::scenario::{PRESENTATION_KEYS, parse_pairs, percent_encode};
    let Some(info) = lambda_site::CALC_PAGES.iter().copied().find(|c| c.slug == slug) else { return };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let values: Vec<String> = parse_pairs(&crate::url::query())
        .into_iter()
        .filter(|(k, _)| k == "v" || k == "unit" || !PRESENTATION_KEYS.contains(&k.as_str()))
        .map(|(k, v)| format!("{k}={}", percent_encode(&v)))
        .collect();
    let values =
        if values.is_empty() { format!("v={}", lambda_model::scenario::QUERY_VERSION) } else { values.join("&") };
    DIALOG.with(|d| drop(d.borrow_mut().take()));
    if let Some(old) = doc.get_element_by_id("embed-dialog") {
        old.remove();
    }
    let Ok(dialog) = doc.create_element("dialog") else { return };
    dialog.set_id("embed-dialog");
    dialog.set_class_name("embed-dialog");
    let _ = dialog.set_attribute("aria-labelledby", "embed-dialog-h");
    let Some(body) = doc.body() else { return };
    let _ = body.append_child(&dialog);
    let Ok(dialog) = dialog.dyn_into::<web_sys::HtmlDialogElement>() else { return };
    let specs = specs_of(slug);
    let el: web_sys::HtmlElement = dialog.clone().unchecked_into();
    let handle = leptos::mount::mount_to(el, move || view! { <EmbedOptions info=info values=values specs=specs /> });
    DIALOG.with(|d| *d.borrow_mut() = Some(Box::new(handle)));
    let _ = dialog.show_modal();
}

thread_local! {
    /// The open dialog's mount (dropping it unmounts the dialog).
    static DIALOG: std::cell::RefCell<Option<Box<dyn std::any::Any>>> = const { std::cell::RefCell::new(None) };
}

#[component]
fn EmbedOptions(info: &'static CalcPage, values: String, specs: &'static [ParamSpec]) -> impl IntoView {
    let values = Memo::new(move |_| values.clone());
    let parts = RwSignal::new(info.default_for(&values.get_untracked()).to_vec());
    let theme = RwSignal::new("auto".to_string());
    let locked = RwSignal::new(Vec::<&'static str>::new());
    let width = RwSignal::new(600u32);
    // The preview's real height, reported by the embed itself.
    let height = RwSignal::new(0u32);
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    let base = format!("{origin}{}", crate::paths::base());
    let query = Memo::new(move |_| embed_query(&values.get(), info, &parts.get(), &theme.get(), &locked.get()));
    let src = {
        let base = base.clone();
        Memo::new(move |_| format!("{base}{}?{}", info.embed_page(), query.get()))
    };
    let page = {
        let base = base.clone();
        Memo::new(move |_| format!("{base}{}?{}", info.page(), values.get()))
    };
    let script = format!("{base}/embed.js");
    let snippet = Memo::new(move |_| {
        let h = if height.get() > 0 { height.get().div_ceil(10) * 10 } else { 640 };
        let s = snippets(info, &src.get(), &page.get(), &script, h);
        (s.iframe, s.with_script, s.markdown)
    });
    let frame = NodeRef::<Iframe>::new();
    let preview = NodeRef::<leptos::html::Div>::new();
    // Sizes go through the CSS object model: the site's Content-Security-Policy
    // allows no style attributes.
    Effect::new(move |_| {
        let w = width.get();
        if let Some(p) = preview.get() {
            let _ = web_sys::HtmlElement::style(&p)
                .set_property("width", &if w == 0 { "100%".into() } else { format!("min(100%, {w}px)") });
        }
    });
    Effect::new(move |_| {
        let h = if height.get() > 0 { height.get() } else { 480 };
        if let Some(f) = frame.get() {
            let _ = web_sys::HtmlElement::style(&f).set_property("height", &format!("{h}px"));
        }
    });
    let listener = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        let Some(f) = frame.get_untracked() else { return };
        let from_preview = match (f.content_window(), ev.source()) {
            (Some(w), Some(s)) => s.loose_eq(&w),
            _ => false,
        };
        if !from_preview {
            return;
        }
        let h = ev
            .data()
            .as_string()
            .and_then(|s| js_sys::JSON::parse(&s).ok())
            .filter(|d| {
                js_sys::Reflect::get(d, &"context".into()).ok().and_then(|c| c.as_string()).as_deref()
                    == Some("iframe.resize")
            })
            .and_then(|d| js_sys::Reflect::get(&d, &"height".into()).ok())
            .and_then(|h| h.as_f64());
        if let Some(h) = h.filter(|h| h.is_finite() && *h > 0.0) {
            height.set(h.ceil().min(20_000.0) as u32);
        }
    });
    on_cleanup(move || listener.remove());
    let (status, set_status) = signal(String::new());
    let close = move |_| {
        if let Some(d) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("embed-dialog"))
            .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
        {
            d.close();
        }
    };
    let copy = move |text: String, area: NodeRef<Textarea>, what: &'static str| {
        leptos::task::spawn_local(async move {
            if copy_text(&text).await {
                set_status.set(format!("{what} copied."));
            } else {
                if let Some(t) = area.get_untracked() {
                    select_all(&t);
                }
                set_status.set(format!(
                    "This browser did not let the page copy; the {what} is selected: press Ctrl+C (⌘C on a Mac)."
                ));
            }
        });
    };
    let areas = [NodeRef::<Textarea>::new(), NodeRef::<Textarea>::new(), NodeRef::<Textarea>::new()];
    let kinds: [(&'static str, &'static str, &'static str); 3] = [
        ("HTML", "An iframe: works on most blogs and docs sites.", "snippet-iframe"),
        (
            "HTML with auto-height",
            "The iframe and a small script from this site that keeps its height fitted to the calculator.",
            "snippet-script",
        ),
        (
            "Markdown link",
            "For sites that strip iframes: a link to the calculator with these values.",
            "snippet-markdown",
        ),
    ];
    let text_of = move |i: usize| {
        move || {
            snippet.with(|s| match i {
                0 => s.0.clone(),
                1 => s.1.clone(),
                _ => s.2.clone(),
            })
        }
    };
    view! {
        <div class="embed-options">
            <h2 id="embed-dialog-h">{format!("Embed this calculator: {}", info.h1)}</h2>
            <p class="hint">
                "Paste a snippet into your blog post or docs. The calculator opens with the values on this page, "
                "works inside sandboxed iframes (as on WordPress), and its \u{201c}Open in Lambda Lab\u{201d} link brings readers here."
            </p>
            <div class="embed-grid">
                <fieldset>
                    <legend>"Show"</legend>
                    {toggles(info.parts.iter().map(|p| (*p, format!("embed-show-{}", p.key()), p.label())).collect(), parts)}
                </fieldset>
                <fieldset>
                    <legend>"Fixed for readers"</legend>
                    {toggles(
                        info.lockable
                            .iter()
                            .map(|n| (*n, format!("embed-lock-{n}"), specs.iter().find(|s| s.name == *n).map_or(*n, |s| s.label)))
                            .collect(),
                        locked,
                    )}
                </fieldset>
                <div>
                    <div class="field">
                        <label for="embed-theme">"Theme"</label>
                        <select id="embed-theme" on:change=move |ev| theme.set(event_target_value(&ev))>
                            {THEMES.iter().map(|(k, l)| view! { <option value=*k selected=move || theme.get() == *k>{*l}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="embed-width">"Preview width"</label>
                        <select id="embed-width" on:change=move |ev| width.set(event_target_value(&ev).parse().unwrap_or(600))>
                            {WIDTHS.iter().map(|w| view! {
                                <option value=w.to_string() selected=move || width.get() == *w>{if *w == 0 { "Full width".to_string() } else { format!("{w} px") }}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
            </div>
            <div class="embed-preview" node_ref=preview>
                <iframe
                    node_ref=frame
                    src=move || src.get()
                    title=format!("Preview: {} (Lambda Lab)", info.h1)
                    data-testid="embed-preview"
                ></iframe>
            </div>
            <h3>"Snippets"</h3>
            {kinds.into_iter().enumerate().map(|(i, (label, hint, testid))| {
                let area = areas[i];
                let id = format!("embed-{testid}");
                view! {
                    <div class="field snippet">
                        <label for=id.clone()>{label}</label>
                        <p class="hint">{hint}</p>
                        <textarea id=id node_ref=area readonly rows=if i == 2 { "2" } else { "4" } data-testid=testid prop:value=text_of(i)></textarea>
                        <button type="button" on:click=move |_| copy(text_of(i)(), area, label)>{format!("Copy {label}")}</button>
                    </div>
                }
            }).collect_view()}
            <p role="status" class="hint" data-testid="embed-copy-status">{move || status.get()}</p>
            <p><button type="button" class="primary" on:click=close>"Close"</button></p>
        </div>
    }
}

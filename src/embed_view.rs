//! What embeds need on screen: the footer of an embed ("Open in Lambda Lab",
//! the price date), the Embed dialog of a calculator page (options, a live
//! preview, the snippets), and copying text in places where the clipboard may
//! be refused (sandboxed iframes).

use crate::components::{CalcState, EmbedQuery, TodaysFigure, calc_info};
use crate::dom::{copy_text, select_all};
use lambda_model::params::ParamSpec;
use lambda_site::CalcPage;
use lambda_site::embed::{SnippetFor, Snippets, embed_query, snippets};
use leptos::html::{Iframe, Textarea};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The footer of a compact embed: a link to the full calculator with the
/// embed's current values, and the date of the prices (a pinned table's,
/// with today's figure when it differs).
#[component]
pub fn EmbedFooter(info: &'static CalcPage, query: EmbedQuery, today: TodaysFigure) -> impl IntoView {
    let link = move || crate::url::page_link(&info.page(), &query.0.get());
    // A snippet that pins a price table says whose prices these are.
    let pinned = Memo::new(move |_| query.0.with(|q| lambda_model::rates::pinned_in_query(q).map(|t| t.date)));
    let date = move || pinned.get().unwrap_or(lambda_model::rates::PRICES_AS_OF);
    view! {
        <p class="embed-footer">
            <a href=link target="_blank" rel="noopener" data-testid="open-in-lambda-lab">"Open in Lambda Lab ↗"</a>
            {move || if pinned.with(Option::is_some) { " · Prices of " } else { " · Prices as of " }}
            <span data-metric="prices_as_of" data-value=date>{date}</span>
            {move || today.0.get().filter(|_| pinned.with(Option::is_some)).map(|x| format!(" (with today\u{2019}s prices: {x})"))}
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
            if let Err(e) = crate::loader::open_embed_dialog(info.slug).await {
                status.set(e);
            }
        });
    };
    view! { <button type="button" on:click=open data-testid="embed-button" aria-haspopup="dialog">"Embed"</button> }
        .into_any()
}

/// The parameters of the calculator on a page (every calculator's, from the
/// registry's table of names, so "Fixed for readers" reads labels, never keys).
fn specs_of(info: &CalcPage) -> &'static [ParamSpec] {
    lambda_model::calculators::info(info.module).map_or(&[], |c| c.specs)
}

/// The headline of the figures on the page the dialog opens on, as the
/// fallback says it: the page's own `data-value`s through the same sentence
/// the oEmbed endpoint writes from the engine.
fn page_summary(info: &CalcPage, specs: &'static [ParamSpec], values: &str) -> Option<String> {
    use lambda_model::params::metrics::MetricValue;
    let doc = web_sys::window()?.document()?;
    let metrics: Vec<(&'static str, MetricValue)> = lambda_site::fallback::summary_metrics(info)
        .iter()
        .filter_map(|name| {
            let el = doc.query_selector(&format!("[data-metric=\"{name}\"]")).ok()??;
            let x = lambda_model::base::decimal::parse_f64(&el.get_attribute("data-value")?)?;
            Some((*name, MetricValue::Num(x)))
        })
        .collect();
    let decoded = lambda_model::calculators::decode_query(specs, values);
    lambda_site::fallback::summary(info, &decoded.values, &metrics)
}

/// Where this build's oEmbed endpoint answers (`https://…/`), when its pages
/// name one (a pasted WordPress link then keeps its values, and a share
/// address carries its own card) rather than the static files (the defaults).
pub(crate) fn oembed_endpoint() -> Option<String> {
    let href = web_sys::window()?
        .document()?
        .query_selector("link[type=\"application/json+oembed\"]")
        .ok()??
        .get_attribute("href")?;
    href.find("oembed?").map(|i| href[..i].to_string())
}

/// Where a blogger pastes: the dialog shows that platform's snippets.
const PLATFORMS: [(&str, &str); 8] = [
    ("html", "A web page or blog (HTML)"),
    ("wordpress", "WordPress"),
    ("hugo", "Hugo"),
    ("jekyll", "Jekyll"),
    ("mdx", "Docusaurus, Next or Astro (MDX)"),
    ("address", "Ghost, Notion or another \u{201c}embed a link\u{201d} block"),
    ("markdown", "Markdown, RSS or e-mail (a link)"),
    ("social", "Social media or chat (a link with its card)"),
];

/// "Copy HTML with auto-height", "Copy shortcode for your post": the label
/// in the sentence, its first letter lowered unless it starts an acronym.
fn copy_label(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        // ASCII only: Unicode case tables would add kilobytes to the module.
        (Some(a), Some(b)) if a.is_ascii_uppercase() && b.is_ascii_lowercase() => {
            format!("Copy {}{}", a.to_ascii_lowercase(), &label[1..])
        }
        _ => format!("Copy {label}"),
    }
}

/// One snippet as the dialog shows it: label, hint, test id, text.
type Shown = (&'static str, String, &'static str, String);

fn platform_snippets(platform: &str, s: &Snippets, page: &str, share: Option<&str>) -> Vec<Shown> {
    let endpoint = share.is_some();
    let html = (
        "HTML with auto-height",
        "The iframe, sized for the width it finds; a small script from this site keeps it fitted, and a quote with the \
         figures and a link stands in for it wherever frames do not run (RSS readers, e-mail)."
            .to_string(),
        "snippet-script",
        s.with_script.clone(),
    );
    match platform {
        "wordpress" if endpoint => vec![
            (
                "Link to paste",
                "Paste this address on a line of its own in the block editor: WordPress asks Lambda Lab for the embed \
                 and shows the calculator with these values (a quote with the figures until it loads)."
                    .into(),
                "snippet-wordpress-link",
                page.to_string(),
            ),
            ("HTML for a Custom HTML block", "Or this, where you can add HTML.".into(), "snippet-script", s.with_script.clone()),
        ],
        "wordpress" => vec![(
            "HTML for a Custom HTML block",
            "This copy of Lambda Lab has no oEmbed endpoint, so a link pasted into WordPress shows the calculator\u{2019}s \
             defaults, not these values. Add a Custom HTML block with this instead."
                .into(),
            "snippet-script",
            s.with_script.clone(),
        )],
        "hugo" => vec![
            (
                "Shortcode for your post",
                "Hugo leaves raw HTML out of Markdown by default; this shortcode brings the calculator in.".into(),
                "snippet-hugo",
                s.hugo.0.clone(),
            ),
            ("layouts/shortcodes/lambda-lab.html", "Save once in your site.".into(), "snippet-hugo-file", s.hugo.1.clone()),
        ],
        "jekyll" => vec![
            ("Include for your post", "An include with these values.".into(), "snippet-jekyll", s.jekyll.0.clone()),
            ("_includes/lambda-lab.html", "Save once in your site.".into(), "snippet-jekyll-file", s.jekyll.1.clone()),
        ],
        "mdx" => vec![
            ("Component for your page", "Import the component and use it.".into(), "snippet-mdx", s.mdx.0.clone()),
            (
                "src/components/LambdaLab.jsx",
                "Save once in your site (it adds the sizing script once per page).".into(),
                "snippet-mdx-file",
                s.mdx.1.clone(),
            ),
        ],
        "address" => vec![(
            "Embed address",
            "Paste into an embed block (Notion: /embed; Ghost: an HTML card with the HTML snippet, or this address in an \
             embed card)."
                .into(),
            "snippet-address",
            s.address.clone(),
        )],
        "social" => vec![match share {
            Some(share) => (
                "Link to share",
                "Shared on social media or in chat, this address shows a card with these figures, then opens the \
                 calculator with these values."
                    .into(),
                "snippet-share",
                share.to_string(),
            ),
            None => (
                "Link to share",
                "This copy of Lambda Lab has no endpoint to draw cards for a link\u{2019}s own values, so a shared link \
                 shows the calculator\u{2019}s card with its default figures."
                    .into(),
                "snippet-share",
                page.to_string(),
            ),
        }],
        "markdown" => vec![(
            "Markdown link",
            "For sites, feeds and e-mails that strip iframes: the figures as text and a link to the calculator with \
             these values."
                .into(),
            "snippet-markdown",
            s.markdown.clone(),
        )],
        _ => vec![
            html,
            (
                "HTML without a script",
                "For hosts that strip scripts: the iframe at its usual height, with the quote as its caption.".into(),
                "snippet-iframe",
                s.iframe.clone(),
            ),
        ],
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
    use lambda_model::params::{PRESENTATION_KEYS, is_tracking_key, parse_pairs, percent_encode};
    let Some(info) = lambda_site::CALC_PAGES.iter().copied().find(|c| c.slug == slug) else { return };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let values: Vec<String> = parse_pairs(&crate::url::query())
        .into_iter()
        .filter(|(k, _)| (k == "v" || k == "unit" || !PRESENTATION_KEYS.contains(&k.as_str())) && !is_tracking_key(k))
        .map(|(k, v)| format!("{k}={}", percent_encode(&v)))
        .collect();
    let values =
        if values.is_empty() { format!("v={}", lambda_model::params::QUERY_VERSION) } else { values.join("&") };
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
    let specs = specs_of(info);
    let summary = page_summary(info, specs, &values);
    let el: web_sys::HtmlElement = dialog.clone().unchecked_into();
    let handle = leptos::mount::mount_to(el, move || {
        view! { <EmbedOptions info=info values=values specs=specs summary=summary /> }
    });
    DIALOG.with(|d| *d.borrow_mut() = Some(Box::new(handle)));
    let _ = dialog.show_modal();
}

thread_local! {
    /// The open dialog's mount (dropping it unmounts the dialog).
    static DIALOG: std::cell::RefCell<Option<Box<dyn std::any::Any>>> = const { std::cell::RefCell::new(None) };
}

#[component]
fn EmbedOptions(
    info: &'static CalcPage,
    values: String,
    specs: &'static [ParamSpec],
    summary: Option<String>,
) -> impl IntoView {
    let typed = Memo::new(move |_| values.clone());
    // New snippets pin today's price table (where the calculator prices
    // Lambda's rates): the post keeps the figures its text quotes.
    let can_pin = specs.iter().any(|s| s.name == "prices");
    let pin = RwSignal::new(can_pin);
    let values =
        Memo::new(
            move |_| {
                if can_pin { lambda_site::embed::with_prices(&typed.get(), pin.get()) } else { typed.get() }
            },
        );
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
        let h = if height.get() > 0 { height.get().div_ceil(10) * 10 } else { info.embed_height(600) };
        // The measured table holds for the default parts; any other layout
        // starts at the preview's own height.
        let default_parts = parts.with(|p| {
            let mut p = p.clone();
            p.sort_by_key(|x| lambda_site::embed::Part::ALL.iter().position(|y| y == x));
            p == info.default_for(&values.get())
        });
        snippets(
            info,
            &SnippetFor {
                src: &src.get(),
                page: &page.get(),
                script: &script,
                height: h,
                heights: default_parts.then_some(info.embed_heights()),
                summary: summary.as_deref(),
            },
        )
    });
    let platform = RwSignal::new("html".to_string());
    let share = oembed_endpoint().map(|e| format!("{e}share/{}/?{}", info.slug, values.get_untracked()));
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
    let shown =
        Memo::new(move |_| snippet.with(|s| platform_snippets(&platform.get(), s, &page.get(), share.as_deref())));
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
                    {can_pin.then(|| view! {
                        <div class="check-field">
                            <input type="checkbox" id="embed-pin-prices" prop:checked=move || pin.get()
                                on:change=move |ev| pin.set(event_target_checked(&ev)) aria-describedby="embed-pin-hint" />
                            <label for="embed-pin-prices">"Keep today\u{2019}s prices " <span class="date">{format!("({})", lambda_model::rates::PRICES_AS_OF)}</span></label>
                            <p class="hint" id="embed-pin-hint">"When AWS changes a rate, your post keeps the figures its text quotes, and the embed says what today\u{2019}s prices give."</p>
                        </div>
                    })}
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
            <div class="field">
                <label for="embed-platform">"Where will you paste it?"</label>
                <select id="embed-platform" data-testid="embed-platform" on:change=move |ev| platform.set(event_target_value(&ev))>
                    {PLATFORMS.iter().map(|(k, l)| view! { <option value=*k selected=move || platform.get() == *k>{*l}</option> }).collect_view()}
                </select>
            </div>
            {move || shown.get().into_iter().map(|(label, hint, testid, text)| {
                let area = NodeRef::<Textarea>::new();
                let id = format!("embed-{testid}");
                let rows = (text.lines().count().clamp(2, 8)).to_string();
                let copied = text.clone();
                view! {
                    <div class="field snippet">
                        <label for=id.clone()>{label}</label>
                        <p class="hint">{hint}</p>
                        <textarea id=id node_ref=area readonly rows=rows data-testid=testid prop:value=text></textarea>
                        <button type="button" on:click=move |_| copy(copied.clone(), area, label)>{copy_label(label)}</button>
                    </div>
                }
            }).collect_view()}
            <p role="status" class="hint" data-testid="embed-copy-status">{move || status.get()}</p>
            <p><button type="button" class="primary" on:click=close>"Close"</button></p>
        </div>
    }
}

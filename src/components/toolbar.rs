//! The toolbar under a calculator (copy link, export, import, embed, reset)
//! and reading a chosen file.

use super::*;

/// Copy link, JSON export and import, reset, and on a calculator's page the
/// Embed dialog. Where the browser refuses (no clipboard, a sandboxed iframe
/// without downloads), the link or the JSON is shown, selected, to copy by hand.
#[component]
pub fn Toolbar(
    state: CalcState,
    calculator: &'static str,
    metrics: Signal<Vec<(&'static str, MetricValue)>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    use crate::dom::{copy_text, opaque_origin, select_all};
    let (message, set_message) = signal(String::new());
    // Text to copy by hand when the browser would not copy or download it.
    let (manual, set_manual) = signal(None::<(&'static str, String)>);
    let manual_ref = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if manual.with(Option::is_some)
            && let Some(t) = manual_ref.get()
        {
            select_all(&t);
        }
    });
    let json =
        move || metrics.with(|m| state.values.with(|v| lambda_model::calculators::export::to_json(calculator, v, m)));
    // Reset goes back to where this calculator started: the page's defaults,
    // or the values of the post or lesson it is embedded in.
    let embedded = state.links_out();
    let start = embedded.then(crate::url::query);
    let export_href = Memo::new(move |_| {
        format!("data:application/json;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&json())))
    });
    // (`what` is said as it is: lowercasing would link Unicode's case tables.)
    let copy_link = move |link: String, done: &'static str, what: &'static str, label: &'static str| {
        leptos::task::spawn_local(async move {
            if copy_text(&link).await {
                set_manual.set(None);
                set_message.set(done.into());
            } else {
                set_message.set(format!(
                    "This browser did not let the page copy. The {what} is selected below: press Ctrl+C (⌘C on a Mac)."
                ));
                set_manual.set(Some((label, link)));
            }
        });
    };
    let copy = move |_| copy_link(state.link(), "Link copied.", "link", "Link to these values");
    // Where this build has an oEmbed endpoint, its share address carries a
    // card of these values for social media and chats (a plain link shows
    // the page's card, made from the defaults).
    let share = (!embedded).then(crate::embed_view::oembed_endpoint).flatten().zip(calc_info());
    let has_share = share.is_some();
    let copy_share = move |_| {
        if let Some((endpoint, info)) = &share {
            copy_link(
                format!("{endpoint}share/{}/?{}", info.slug, state.query()),
                "Link with its card copied.",
                "link with its card",
                "Link to these values with their card",
            )
        }
    };
    let export = move |ev: leptos::ev::MouseEvent| {
        if opaque_origin() {
            // Downloads are off in a sandboxed iframe: show the JSON instead.
            ev.prevent_default();
            set_message.set("Downloads are off inside this embed. The scenario's JSON is selected below: copy it and save it as a .json file.".into());
            set_manual.set(Some(("Scenario JSON", json())));
        }
    };
    let import = move |ev: leptos::ev::Event| {
        read_chosen_file(ev, IMPORT_MAX_BYTES, move |text| {
            match text.and_then(|t| lambda_model::calculators::export::from_json(state.specs, calculator, &t)) {
                Ok(d) => {
                    let problems = d.errors.len() + d.unknown.len();
                    state.replace(d.values, d.errors);
                    set_message.set(if problems == 0 {
                        "Scenario imported.".into()
                    } else {
                        format!("Scenario imported; {problems} value(s) could not be used and kept their defaults.")
                    });
                }
                Err(e) => set_message.set(e),
            }
        });
    };
    view! {
        <div class="toolbar tools">
            <button type="button" on:click=copy>"Copy link"</button>
            <button type="button" data-testid="copy-share" hidden=!has_share on:click=copy_share>"Copy link with its card"</button>
            <a class="button" href=move || export_href.get() download=format!("lambda-{calculator}-scenario.json") on:click=export>"Export JSON"</a>
            <label class="button file-button">
                "Import JSON"
                <input type="file" accept=".json,application/json" class="sr-only" on:change=import />
            </label>
            {children.map(|c| c())}
            <button type="button" class="reset" on:click=move |_| {
                let values = start.as_deref().map_or_else(|| Values::defaults(state.specs), |q| decode_query(state.specs, q).values);
                state.replace(values, Vec::new());
                set_message.set(if embedded { "Reset to the values it was embedded with." } else { "Reset to the defaults." }.into());
            }>
                "Reset"
            </button>
            <crate::embed_view::EmbedButton state=state status=set_message />
        </div>
        <p role="status" class="hint" data-testid="toolbar-status">{move || message.get()}</p>
        {move || manual.get().map(|(label, text)| view! {
            <div class="field manual-copy">
                <label for="manual-copy">{label}</label>
                <textarea id="manual-copy" node_ref=manual_ref readonly rows="3" data-testid="manual-copy" prop:value=text></textarea>
            </div>
        })}
    }
}

/// The largest scenario file read: an export is a few kilobytes, and one
/// with the longest trace well under this.
const IMPORT_MAX_BYTES: f64 = lambda_model::calculators::export::MAX_SCENARIO_BYTES as f64;

/// Reads the file chosen in an `<input type=file>` as text (clearing the
/// input so choosing the same file again fires again); a file over
/// `max_bytes` is refused unread.
pub fn read_chosen_file(ev: leptos::ev::Event, max_bytes: f64, then: impl FnOnce(Result<String, String>) + 'static) {
    let Some(file) = chosen_file(&ev) else { return };
    if file.size() > max_bytes {
        then(Err(format!(
            "{} is {:.1} MB; a scenario file is at most {:.0} MB (an export is a few KB), so it was not read.",
            file.name(),
            file.size() / 1e6,
            max_bytes / 1e6
        )));
        return;
    }
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
        then(text.ok_or_else(|| "The file could not be read as text; choose it again.".into()));
    });
}

/// The file chosen in an `<input type=file>`, clearing the input so that
/// choosing the same file again fires again.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

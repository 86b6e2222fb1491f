//! Mounting the wasm modules. Every calculator, and the lessons, is its own
//! wasm module (`src/bin/lambda-lab-<name>.rs`, built by `cargo xtask` into
//! `modules/<name>-<content hash>/`). A page names the one it needs in
//! `#app[data-src]`; the site script (`public/site.js`) imports it and calls
//! `mount(el)`, or `embed(el, query)` on an embed page. A lesson mounts
//! calculators inside itself with [`EmbeddedCalc`], importing their modules
//! from the paths its page lists in `#app[data-modules]`, so a page never
//! mixes files of two builds.

use crate::components::EmbedQuery;
use crate::embed_view::EmbedFooter;
use lambda_model::params::ParamSpec;
use lambda_site::CalcPage;
use lambda_site::embed::Layout;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

// A module that does not load is diagnosed: "new-version" when the host no
// longer has it (the site was redeployed while this page was open; the site
// script then offers to reload), "offline", or "failed".
#[wasm_bindgen(inline_js = r#"
const cache = {};
async function why(src) {
  if (navigator.onLine === false) return 'offline';
  try {
    const r = await fetch(src, { method: 'HEAD', cache: 'no-store' });
    if (r.status === 404 || r.status === 410) {
      document.dispatchEvent(new CustomEvent('lambda-lab-new-version'));
      return 'new-version';
    }
    return 'failed';
  } catch (e) {
    return 'offline';
  }
}
export function load_module(src) {
  if (!cache[src]) {
    cache[src] = (async () => {
      try {
        const mod = await import(src);
        await mod.default();
        return mod;
      } catch (e) {
        console.warn('Lambda Lab: module ' + src + ' did not load', e);
        throw await why(src);
      }
    })();
    cache[src].catch(() => { delete cache[src]; });
  }
  return cache[src];
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn load_module(src: &str) -> Result<JsValue, JsValue>;
}

/// Loads the Embed dialog's module (which this page lists) and opens the
/// dialog for calculator `slug`.
pub async fn open_embed_dialog(slug: &str) -> Result<(), String> {
    let result = async {
        let m = load_module(&module_src("embed")?).await?;
        function(&m, "open")?.call1(&JsValue::NULL, &JsValue::from_str(slug))?;
        Ok::<_, JsValue>(())
    }
    .await;
    result.map_err(|e| failure_message("the Embed dialog", &e))
}

/// What a reader is told when a module does not load, by its cause.
pub fn failure_message(what: &str, e: &JsValue) -> String {
    match e.as_string().as_deref() {
        Some("new-version") => NEW_VERSION.to_string(),
        Some("offline") => {
            format!("You are offline, and {what} is not saved on this device yet. Reconnect and try again.")
        }
        _ => format!("{} could not be loaded. Reload the page to try again.", capitalized(what)),
    }
}

/// The page is of a build its host no longer has.
pub const NEW_VERSION: &str = "A new version of Lambda Lab is ready \u{2014} reload to continue.";

/// ASCII only: the names are ours ("the Embed dialog"), and Unicode case
/// tables would cost every module kilobytes.
fn capitalized(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Where this page keeps module `name`, from `#app[data-modules]`.
fn module_src(name: &str) -> Result<String, JsValue> {
    let map = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|el| el.get_attribute("data-modules"))
        .ok_or_else(|| JsValue::from_str("this page lists no modules"))?;
    let map = js_sys::JSON::parse(&map)?;
    js_sys::Reflect::get(&map, &name.into())?
        .as_string()
        .ok_or_else(|| JsValue::from_str(&format!("this page lists no module named {name}")))
}

fn error_text(e: &JsValue) -> String {
    e.as_string().or_else(|| js_sys::JSON::stringify(e).ok().and_then(|s| s.as_string())).unwrap_or_default()
}

fn function(module: &JsValue, name: &str) -> Result<js_sys::Function, JsValue> {
    js_sys::Reflect::get(module, &name.into())?.dyn_into()
}

/// A calculator embedded in another page (a lesson) with preset parameters.
/// It never touches the page's address bar; several can share a page. Shows
/// progress while its module loads, and a readable message if it can't.
#[component]
pub fn EmbeddedCalc(
    module: &'static str,
    query: String,
    /// The compact layout of an embed (the query's `show`/`inputs`), or the
    /// full calculator.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let (status, set_status) = signal(Some(format!("Loading the {module} calculator …")));
    // The loaded module and the id its `embed` returned, for `unembed`.
    let mounted: StoredValue<Option<(JsValue, JsValue)>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let query = query.clone();
        leptos::task::spawn_local(async move {
            let result = async {
                let m = load_module(&module_src(module)?).await?;
                let id = function(&m, "embed")?.call3(
                    &JsValue::NULL,
                    el.as_ref(),
                    &JsValue::from_str(&query),
                    &JsValue::from_bool(compact),
                )?;
                Ok::<_, JsValue>((m, id))
            }
            .await;
            match result {
                Ok((m, id)) => {
                    // The host may have gone while the module loaded.
                    if mounted.try_set_value(Some((m.clone(), id.clone()))).is_some() {
                        unembed(&m, &id);
                    } else {
                        set_status.set(None);
                    }
                }
                Err(e) => {
                    web_sys::console::warn_1(&format!("module {module} failed to load: {}", error_text(&e)).into());
                    set_status.set(Some(failure_message(&format!("the {module} calculator"), &e)));
                }
            }
        });
    });
    on_cleanup(move || {
        if let Some((m, id)) = mounted.try_get_value().flatten() {
            unembed(&m, &id);
        }
    });
    view! {
        <div class="embedded-calc">
            {move || status.get().map(|s| view! { <p class="hint" role="status" data-testid="module-status">{s}</p> })}
            <div node_ref=node class="module-host" data-module=module></div>
        </div>
    }
}

fn unembed(m: &JsValue, id: &JsValue) {
    if let Ok(f) = function(m, "unembed") {
        let _ = f.call1(&JsValue::NULL, id);
    }
}

thread_local! {
    static MOUNTED: std::cell::RefCell<Vec<(u32, Box<dyn std::any::Any>)>> = const { std::cell::RefCell::new(Vec::new()) };
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// The page mount's id; embeds get 1, 2, ….
const PAGE_ID: u32 = 0;

/// Mounts `page` into `el`, replacing what the page showed until now (its
/// "Loading" line, or a lesson's pre-rendered text), with what the page and
/// its parts read from context: the calculator (`info`, for its Embed
/// dialog), an embedded calculator's preset query (`url::EmbedPreset`: then
/// the address bar is not its state), the layout, and the embed's current
/// query (for the footer's link). Pages and embeds go through this one function, so each module
/// builds its view tree's code once.
fn mount_with<F, N>(
    el: web_sys::HtmlElement,
    info: Option<&'static CalcPage>,
    preset: Option<String>,
    layout: Layout,
    page: F,
) -> Box<dyn std::any::Any>
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    el.set_inner_html("");
    let footer = layout.compact;
    let handle = leptos::mount::mount_to(el, move || {
        if let Some(info) = info {
            provide_context(info);
        }
        if let Some(q) = preset {
            provide_context(crate::url::EmbedPreset(q));
        }
        provide_context(layout);
        let current = EmbedQuery(RwSignal::new(String::new()));
        provide_context(current);
        view! {
            <div class="calc-root">
                {page()}
                {info.filter(|_| footer).map(|info| view! { <EmbedFooter info=info query=current /> })}
            </div>
        }
    });
    Box::new(handle)
}

/// For module binaries: mounts a page into `el`. A calculator says what it
/// is (`info`), for its Embed dialog.
pub fn mount_page<F, N>(el: web_sys::HtmlElement, info: Option<&'static CalcPage>, page: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    crate::panic::install();
    unmount(PAGE_ID);
    let handle = mount_with(el, info, None, Layout::default(), page);
    MOUNTED.with(|m| m.borrow_mut().push((PAGE_ID, handle)));
}

/// For module binaries: mounts a calculator embedded in another page with a
/// preset query: in a lesson (`compact = false`: the full calculator), or on
/// an embed page (`compact`: the parts the query's `show`/`hide` ask for,
/// results first, `lock`ed parameters read-only, and a footer linking to the
/// full calculator). Returns the id to pass to [`unmount`].
pub fn embed_page<F, N>(
    el: web_sys::HtmlElement,
    query: String,
    compact: bool,
    info: &'static CalcPage,
    specs: &'static [ParamSpec],
    page: F,
) -> u32
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    crate::panic::install();
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    let layout = if compact { Layout::compact(info, specs, &query) } else { Layout::default() };
    let handle = mount_with(el, Some(info), Some(query), layout, page);
    MOUNTED.with(|m| m.borrow_mut().push((id, handle)));
    id
}

/// For module binaries: removes a mount and disposes its reactive state.
pub fn unmount(id: u32) {
    let gone = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.iter().position(|(i, _)| *i == id).map(|k| m.remove(k))
    });
    drop(gone);
}

/// The exports of a calculator module: `mount`/`unmount` for its page,
/// `embed(el, query, compact)`/`unembed` for embed pages and lessons, and in
/// test builds (feature `debug-routes`) `debug_panic`, which proves the panic page.
#[macro_export]
macro_rules! module_exports {
    ($page:path, $info:expr, $specs:expr) => {
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn mount(el: web_sys::HtmlElement) {
            $crate::modules::mount_page(el, Some($info), $page);
        }

        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn unmount() {
            $crate::modules::unmount(0);
        }

        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn embed(el: web_sys::HtmlElement, query: String, compact: bool) -> u32 {
            $crate::modules::embed_page(el, query, compact, $info, $specs, $page)
        }

        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn unembed(id: u32) {
            $crate::modules::unmount(id);
        }

        #[cfg(feature = "debug-routes")]
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn debug_panic(_el: web_sys::HtmlElement) {
            $crate::panic::install();
            panic!("deliberate panic from /debug/panic (debug-routes build)");
        }
    };
}

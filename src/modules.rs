//! Mounting the wasm modules. Every calculator, and the lessons, is its own
//! wasm module (`src/bin/lambda-lab-<name>.rs`, built by `cargo xtask` into
//! `modules/<name>-<content hash>/`). A page names the one it needs in
//! `#app[data-src]`; the site script (`public/site.js`) imports it and calls
//! `mount(el)`, or `embed(el, query)` on an embed page. A lesson mounts
//! calculators inside itself with [`EmbeddedCalc`], importing their modules
//! from the paths its page lists in `#app[data-modules]`, so a page never
//! mixes files of two builds.

use crate::components::{EmbedQuery, TodaysFigure};
use crate::embed_view::EmbedFooter;
use lambda_model::params::ParamSpec;
use lambda_site::CalcPage;
use lambda_site::embed::Layout;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::loader::{error_text, failure_message, function, load_module, module_src};

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
    /// A lesson's calculator: the key (`module?query`) of the first figures
    /// its page holds for these values (kept by the site script), shown
    /// until the calculator's module has mounted.
    #[prop(optional, into)]
    first: String,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let (status, set_status) = signal(Some(format!("Loading the {module} calculator …")));
    // The loaded module and the id its `embed` returned, for `unembed`.
    let mounted: StoredValue<Option<(JsValue, JsValue)>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        if !first.is_empty()
            && let Some(t) = document()
                .get_element_by_id("lesson-first-store")
                .and_then(|s| s.query_selector(&format!("template[data-key=\"{}\"]", first.replace('"', ""))).ok())
                .flatten()
        {
            el.set_inner_html(&t.inner_html());
        }
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
    let first = crate::components::first_figures_shown(&el);
    el.set_inner_html("");
    let footer = layout.compact;
    let handle = leptos::mount::mount_to(el, move || {
        if let Some(info) = info {
            provide_context(info);
        }
        provide_context(first);
        if let Some(q) = preset {
            provide_context(crate::url::EmbedPreset(q));
        }
        provide_context(layout);
        let current = EmbedQuery(RwSignal::new(String::new()));
        provide_context(current);
        let today = TodaysFigure(RwSignal::new(None));
        provide_context(today);
        view! {
            <div class="calc-root">
                {page()}
                {info.filter(|_| footer).map(|info| view! { <EmbedFooter info=info query=current today=today /> })}
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

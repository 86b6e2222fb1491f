//! Code splitting. The main wasm holds the site shell and the light pages;
//! heavy calculators are separate wasm modules (`src/bin/lambda-lab-<name>.rs`),
//! built by `cargo xtask` into `modules/<name>-<hash>/` with a `modules.json`
//! index, and loaded only when their page opens. A module has its own Leptos
//! runtime and mounts into the element the main app gives it.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const cache = {};
export function load_module(base, name) {
  if (!cache[name]) {
    cache[name] = (async () => {
      const index = await (await fetch(base + '/modules.json', { cache: 'no-cache' })).json();
      if (!index[name]) throw new Error('no module named ' + name + ' in modules.json');
      const mod = await import(base + '/' + index[name]);
      await mod.default();
      return mod;
    })();
    cache[name].catch(() => { delete cache[name]; });
  }
  return cache[name];
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn load_module(base: &str, name: &str) -> Result<JsValue, JsValue>;
}

fn call(module: &JsValue, func: &str, arg: Option<&JsValue>) -> Result<(), JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(module, &func.into())?.dyn_into()?;
    match arg {
        Some(a) => f.call1(&JsValue::NULL, a).map(|_| ()),
        None => f.call0(&JsValue::NULL).map(|_| ()),
    }
}

fn error_text(e: &JsValue) -> String {
    e.as_string().or_else(|| js_sys::JSON::stringify(e).ok().and_then(|s| s.as_string())).unwrap_or_default()
}

/// A loaded module and the token its attach call returned, once attached.
type Mounted = StoredValue<Option<(JsValue, JsValue)>, LocalStorage>;

/// Loads module `name` and calls `attach` with it and the element once the
/// element exists; `attach` returns what `detach` needs to undo it. The
/// module and that token are kept in `mounted`. Shows progress, and a
/// readable message if loading fails.
fn hosted(
    name: &'static str,
    what: String,
    mounted: Mounted,
    attach: impl Fn(&JsValue, &web_sys::HtmlElement) -> Result<JsValue, JsValue> + 'static,
    detach: fn(&JsValue, &JsValue),
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let (status, set_status) = signal(Some(format!("Loading the {what} …")));
    let attach = std::rc::Rc::new(attach);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let attach = attach.clone();
        let what = what.clone();
        leptos::task::spawn_local(async move {
            let result = async {
                let module = load_module(crate::paths::base(), name).await?;
                let token = attach(&module, &el)?;
                Ok::<_, JsValue>((module, token))
            }
            .await;
            match result {
                Ok(m) => {
                    // The host may have gone while the module loaded.
                    if mounted.try_set_value(Some(m.clone())).is_some() {
                        detach(&m.0, &m.1);
                    } else {
                        set_status.set(None);
                    }
                }
                Err(e) => {
                    web_sys::console::warn_1(&format!("module {name} failed to load: {}", error_text(&e)).into());
                    set_status.set(Some(format!(
                        "The {what} could not be loaded. If you are offline, reconnect and reload the page."
                    )));
                }
            }
        });
    });
    on_cleanup(move || {
        if let Some((m, token)) = mounted.try_get_value().flatten() {
            detach(&m, &token);
        }
    });
    view! {
        {move || status.get().map(|s| view! { <p class="hint" role="status" data-testid="module-status">{s}</p> })}
        <div node_ref=node class="module-host" data-module=name></div>
    }
}

/// Hosts a module's page: loads it on first use, mounts it, and unmounts it
/// when the route changes.
#[component]
pub fn ModuleHost(name: &'static str, title: &'static str) -> impl IntoView {
    crate::app::set_title(title);
    // Modules that follow the address (the lessons) export `location_changed`.
    let location = leptos_router::hooks::use_location();
    let mounted: Mounted = StoredValue::new_local(None);
    Effect::new(move |_| {
        let _ = (location.pathname.get(), location.search.get());
        if let Some((m, _)) = mounted.try_get_value().flatten() {
            let _ = call(&m, "location_changed", None);
        }
    });
    hosted(
        name,
        title.to_lowercase(),
        mounted,
        |m, el| call(m, "mount", Some(el.as_ref())).map(|_| JsValue::NULL),
        |m, _| {
            let _ = call(m, "unmount", None);
        },
    )
}

/// A calculator embedded in another page (a lesson) with preset parameters.
/// It never touches the page's address bar; several can share a page.
#[component]
pub fn EmbeddedCalc(module: &'static str, query: String) -> impl IntoView {
    let what = format!("{module} calculator");
    view! {
        <div class="embedded-calc">
            {hosted(
                module,
                what,
                StoredValue::new_local(None),
                move |m, el| {
                    let f: js_sys::Function = js_sys::Reflect::get(m, &"embed".into())?.dyn_into()?;
                    f.call2(&JsValue::NULL, el.as_ref(), &JsValue::from_str(&query))
                },
                |m, id| {
                    if let Ok(f) = js_sys::Reflect::get(m, &"unembed".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
                        let _ = f.call1(&JsValue::NULL, id);
                    }
                },
            )}
        </div>
    }
}

thread_local! {
    static MOUNTED: std::cell::RefCell<Vec<(u32, Box<dyn std::any::Any>)>> = const { std::cell::RefCell::new(Vec::new()) };
    static NEXT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// The page mount's id; embeds get 1, 2, ….
const PAGE_ID: u32 = 0;

/// For module binaries: mounts a page into `el` (replacing any earlier page mount).
pub fn mount_page<F, N>(el: web_sys::HtmlElement, page: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    crate::panic::install();
    unmount(PAGE_ID);
    let handle = leptos::mount::mount_to(el, page);
    MOUNTED.with(|m| m.borrow_mut().push((PAGE_ID, Box::new(handle))));
}

/// For module binaries: mounts a page as an embedded calculator with a preset
/// query; returns the id to pass to [`unmount`].
pub fn embed_page<F, N>(el: web_sys::HtmlElement, query: String, route: &'static str, page: F) -> u32
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
    let handle = crate::url::with_embed(query, route, || leptos::mount::mount_to(el, page));
    MOUNTED.with(|m| m.borrow_mut().push((id, Box::new(handle))));
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
/// `embed`/`unembed` for lessons.
#[macro_export]
macro_rules! module_exports {
    ($page:path, $route:expr) => {
        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn mount(el: web_sys::HtmlElement) {
            $crate::modules::mount_page(el, $page);
        }

        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn unmount() {
            $crate::modules::unmount(0);
        }

        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn embed(el: web_sys::HtmlElement, query: String) -> u32 {
            $crate::modules::embed_page(el, query, $route, $page)
        }

        #[wasm_bindgen::prelude::wasm_bindgen]
        pub fn unembed(id: u32) {
            $crate::modules::unmount(id);
        }
    };
}

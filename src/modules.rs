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

/// Hosts a module's page: loads it on first use, mounts it, and unmounts it
/// when the route changes. Shows progress and a readable error if loading fails.
#[component]
pub fn ModuleHost(name: &'static str, title: &'static str) -> impl IntoView {
    crate::app::set_title(title);
    let node = NodeRef::<Div>::new();
    let (status, set_status) = signal(Some(format!("Loading the {} …", title.to_lowercase())));
    let mounted: StoredValue<Option<JsValue>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        leptos::task::spawn_local(async move {
            let result = async {
                let module = load_module(crate::paths::base(), name).await?;
                call(&module, "mount", Some(el.as_ref()))?;
                Ok::<_, JsValue>(module)
            }
            .await;
            match result {
                Ok(module) => {
                    mounted.set_value(Some(module));
                    set_status.set(None);
                }
                Err(e) => {
                    let why = e
                        .as_string()
                        .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
                        .unwrap_or_default();
                    web_sys::console::warn_1(&format!("module {name} failed to load: {why}").into());
                    set_status.set(Some(format!(
                        "The {} could not be loaded. If you are offline, reconnect and reload the page.",
                        title.to_lowercase()
                    )));
                }
            }
        });
    });
    on_cleanup(move || {
        if let Some(m) = mounted.try_get_value().flatten() {
            let _ = call(&m, "unmount", None);
        }
    });
    view! {
        {move || status.get().map(|s| view! { <p class="hint" role="status" data-testid="module-status">{s}</p> })}
        <div node_ref=node class="module-host" data-module=name></div>
    }
}

thread_local! {
    static MOUNTED: std::cell::RefCell<Option<Box<dyn std::any::Any>>> = const { std::cell::RefCell::new(None) };
}

/// For module binaries: mounts a page into `el` (replacing any earlier mount).
pub fn mount_page<F, N>(el: web_sys::HtmlElement, page: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    crate::panic::install();
    unmount_page();
    let handle = leptos::mount::mount_to(el, page);
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

/// For module binaries: removes the mounted page and disposes its reactive state.
pub fn unmount_page() {
    MOUNTED.with(|m| drop(m.borrow_mut().take()));
}

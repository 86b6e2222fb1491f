//! Loading wasm modules at run time: a module that does not load is
//! diagnosed ("new-version", "offline", "failed"), and the Embed
//! dialog's module is opened from here.

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
    pub(crate) async fn load_module(src: &str) -> Result<JsValue, JsValue>;
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
pub(crate) fn module_src(name: &str) -> Result<String, JsValue> {
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

pub(crate) fn error_text(e: &JsValue) -> String {
    e.as_string().or_else(|| js_sys::JSON::stringify(e).ok().and_then(|s| s.as_string())).unwrap_or_default()
}

pub(crate) fn function(module: &JsValue, name: &str) -> Result<js_sys::Function, JsValue> {
    js_sys::Reflect::get(module, &name.into())?.dyn_into()
}

//! Number formatting for display. The engine never formats; the page does,
//! in the visitor's locale through `Intl.NumberFormat` (in the browser), with
//! a plain fallback elsewhere so the logic can be tested natively.

use lambda_model::params::group_digits;

/// Milliseconds since the page started (the browser's monotonic clock); 0
/// outside a browser.
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// Dollars and cents: `$1,234.57` in en-US.
pub fn usd(x: f64) -> String {
    intl(x, Style::Currency { min: 2, max: 2 }).unwrap_or_else(|| plain_usd(x, 2))
}

/// Small amounts (per invocation) with enough significant digits:
/// `$0.0000009111`.
pub fn usd_small(x: f64) -> String {
    if x == 0.0 || x.abs() >= 0.01 {
        return usd(x);
    }
    let digits = (-(x.abs().log10().floor()) as usize + 3).min(14);
    intl(x, Style::Currency { min: digits, max: digits }).unwrap_or_else(|| plain_usd(x, digits))
}

/// A grouped number with at most `max_frac` decimals: `3,000,000`.
pub fn number(x: f64, max_frac: usize) -> String {
    intl(x, Style::Decimal { max: max_frac }).unwrap_or_else(|| plain_number(x, max_frac))
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Style {
    Currency { min: usize, max: usize },
    Decimal { max: usize },
}

/// (currency?, min digits, max digits) → a bound `Intl.NumberFormat#format`.
#[cfg(target_arch = "wasm32")]
type FormatterCache = Vec<((bool, usize, usize), js_sys::Function)>;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Constructing an `Intl.NumberFormat` costs far more than formatting
    /// with one, so each (style, digits) formatter is built once.
    static FORMATTERS: std::cell::RefCell<FormatterCache> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(target_arch = "wasm32")]
fn intl(x: f64, style: Style) -> Option<String> {
    use wasm_bindgen::JsValue;
    let key = match style {
        Style::Currency { min, max } => (true, min, max),
        Style::Decimal { max } => (false, 0, max),
    };
    let cached = FORMATTERS.with(|f| f.borrow().iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone()));
    let func = match cached {
        Some(f) => f,
        None => {
            let f = build_formatter(style)?;
            FORMATTERS.with(|c| c.borrow_mut().push((key, f.clone())));
            f
        }
    };
    func.call1(&JsValue::NULL, &x.into()).ok()?.as_string()
}

#[cfg(target_arch = "wasm32")]
fn build_formatter(style: Style) -> Option<js_sys::Function> {
    use wasm_bindgen::JsValue;
    let opts = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&opts, &k.into(), &v).ok();
    match style {
        Style::Currency { min, max } => {
            set("style", "currency".into())?;
            set("currency", "USD".into())?;
            set("minimumFractionDigits", (min as u32).into())?;
            set("maximumFractionDigits", (max as u32).into())?;
        }
        Style::Decimal { max } => {
            set("maximumFractionDigits", (max as u32).into())?;
        }
    }
    let f = js_sys::Intl::NumberFormat::new(&js_sys::Array::new(), &opts);
    Some(f.format())
}

#[cfg(not(target_arch = "wasm32"))]
fn intl(_: f64, _: Style) -> Option<String> {
    None
}

/// `1234.5` → `1,234.5` (en-US style, used outside the browser).
pub fn plain_number(x: f64, max_frac: usize) -> String {
    let s = format!("{:.*}", max_frac, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = frac.trim_end_matches('0');
    let sign = if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    if frac.is_empty() { format!("{sign}{}", group_digits(int)) } else { format!("{sign}{}.{frac}", group_digits(int)) }
}

pub fn plain_usd(x: f64, digits: usize) -> String {
    let s = format!("{:.*}", digits, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let sign = if x < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}${}", group_digits(int))
    } else {
        format!("{sign}${}.{frac}", group_digits(int))
    }
}

/// A length of time in words: "7 h 17 min", "20 min", "45 s".
pub fn duration_s(secs: f64) -> String {
    let s = secs.max(0.0).round() as u64;
    match (s / 3600, (s % 3600) / 60, s % 60) {
        (0, 0, sec) => format!("{sec} s"),
        (0, m, 0) => format!("{m} min"),
        (0, m, sec) => format!("{m} min {sec} s"),
        (h, 0, _) => format!("{h} h"),
        (h, m, _) => format!("{h} h {m} min"),
    }
}

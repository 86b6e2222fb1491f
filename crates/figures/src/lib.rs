//! The first figures of a calculator link, before the app.
//!
//! A calculator page's HTML holds its first figures for the default values
//! (written at build time). For a link with values of its own, a small wasm
//! module per calculator, built from this crate and the engine alone (no view
//! framework, no charts, no wasm-bindgen), computes the link's figures and
//! the site script writes them into those places; the interactive module
//! takes over afterwards. See docs/ARCHITECTURE.md, "Figures before the app".
//!
//! The module's interface is three plain exports (see [`exports!`]): the
//! script asks for a buffer of the query's length, writes the query's UTF-8
//! into it, calls `ff_run(year, month, day)`, and reads the answer's bytes
//! from `ff_output()`: the headline's label (`#label<TAB>Monthly total`),
//! then one line per metric, `name<TAB>exact value`, exactly as the engine
//! prints it (the page's `data-value`). `ff_run` answers the
//! length of that text, or a negative number when the link's values are not
//! valid (the interactive module then says why).

use lambda_model::calculators::{self, CalcInfo, decode_query};
use lambda_model::params::metrics::MetricValue;
use lambda_model::params::{Date, Values, group_digits};

/// A calculator's first figures for a link: the headline's label (it may name
/// the link's values: "Recommended for speed"), and the metrics.
pub type Figures = Option<(String, Vec<(&'static str, MetricValue)>)>;

/// How a calculator computes its first figures from the link's query
/// (without its `?`); `None` when its values are not valid.
pub type First = fn(&str, Date) -> Figures;

/// A calculator's values from a link's query, or `None` when one is not
/// valid (the calculator says why; this module carries no view of it).
fn values(info: &CalcInfo, query: &str) -> Option<Values> {
    let d = decode_query(info.specs, query);
    d.errors.is_empty().then_some(d.values)
}

/// The link's figures as the module writes them (see the crate's docs), or
/// `None` when its values are not valid.
pub fn answer(first: First, query: &str, today: Date) -> Option<String> {
    let (label, metrics) = first(query, today)?;
    let mut out = format!("#label\t{label}\n");
    for (name, v) in &metrics {
        let exact = v.exact();
        if !exact.is_empty() {
            out.push_str(name);
            out.push('\t');
            out.push_str(&exact);
            out.push('\n');
        }
    }
    Some(out)
}

/// The cost calculator's figures through the billing layer alone: the same
/// metrics as the registry's (which also notes AWS's published examples,
/// about 6 KB of text the figures do not show). Values the cost engine
/// refuses have no figures; the calculator says why, so this module carries
/// none of its messages.
pub fn cost(q: &str, today: Date) -> Figures {
    let v = &values(&calculators::COST, q)?;
    let mut refused = lambda_model::billing::Refused::default();
    let i = lambda_model::billing::CostInput::read(v, today, &mut refused);
    if refused.0 {
        return None;
    }
    let r = lambda_model::billing::price(&i).ok()?;
    Some(("Monthly total".into(), r.metrics()))
}

/// The account: its functions priced together (the shared free tier, one
/// tier counter per region and architecture). A link with a value that is
/// not valid has no first figures: the page says which, and what it uses.
pub fn account(q: &str, today: Date) -> Figures {
    let link = calculators::account::read(q);
    if !link.problems.is_empty() {
        return None;
    }
    let mut refused = lambda_model::billing::Refused::default();
    let inputs: Vec<_> =
        link.functions.iter().map(|v| lambda_model::billing::CostInput::read(v, today, &mut refused)).collect();
    if refused.0 {
        return None;
    }
    let r = lambda_model::billing::price_account(&inputs, link.order).ok()?;
    Some(("Account total per month".into(), r.metrics()))
}

/// The power explorer: the recommendation, for the link's strategy.
pub fn power(q: &str, today: Date) -> Figures {
    let v = &values(&calculators::POWER, q)?;
    let r = calculators::power::evaluate(v, today).ok()?;
    let label = if r.measured.is_empty() {
        format!("Recommended for {}", r.strategy)
    } else {
        format!("Recommended for {}: the best measured size", r.strategy)
    };
    Some((label, r.metrics()))
}

/// The cold-start calculator: its key figures (no headline).
pub fn coldstart(q: &str, today: Date) -> Figures {
    let v = &values(&calculators::COLDSTART, q)?;
    Some((String::new(), (calculators::CALCULATORS[2].eval)(v, today).ok()?))
}

/// The traffic simulator: its key figures (no headline). The month's price
/// (`monthly_usd`) is left to the calculator: it would bring the whole cost
/// engine into this module (about 30 KB) for a figure the card does not show.
pub fn traffic(q: &str, _: Date) -> Figures {
    let v = &values(&calculators::SIMULATE, q)?;
    Some((String::new(), lambda_model::simulation::simulate(v).ok()?.metrics()))
}

/// Managed Instances: the month on instances (priced without AWS's
/// examples' notes, which the card does not show).
pub fn lmi(q: &str, _: Date) -> Figures {
    let v = &values(&calculators::LMI, q)?;
    Some(("Managed Instances per month".into(), calculators::managed_instances::price(v).ok()?.metrics()))
}

/// MicroVMs: the month (priced without AWS's examples' notes).
pub fn microvms(q: &str, _: Date) -> Figures {
    let v = &values(&calculators::MICROVMS, q)?;
    Some(("MicroVMs per month".into(), calculators::microvms::price(v).ok()?.metrics()))
}

/// Where to run it: the cheapest platform for the link's workload.
pub fn platforms(q: &str, _: Date) -> Figures {
    use calculators::platforms::Platform;
    let v = &values(&calculators::PLATFORMS, q)?;
    // The month at the link's own traffic: the card shows the cheapest; the
    // crossovers and the chart's points (300 more months) are the calculator's.
    let r = calculators::platforms::evaluate_own(v).ok()?;
    let label = if Platform::ALL.iter().any(|p| r.month.usd(*p).is_some()) {
        format!("Cheapest this month: {}", r.cheapest().0)
    } else {
        format!("Cheapest this month: {} (only Lambda is priced in {})", r.cheapest().0, r.input.region)
    };
    Some((label, r.metrics()))
}

/// How a figure reads, as the calculator pages write it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reading {
    /// Dollars and cents.
    Usd,
    /// Dollars with the digits a per-invocation price needs.
    UsdSmall,
    /// The exact value and " MB".
    Mb,
    /// Milliseconds with at most this many decimals.
    Ms(u8),
    /// A grouped number with at most this many decimals.
    Num(u8),
    /// A ratio as a percentage with three decimals.
    Pct,
}

impl Reading {
    /// The name the page's `data-reading` carries (the site script reads it).
    pub fn name(self) -> String {
        match self {
            Reading::Usd => "usd".into(),
            Reading::UsdSmall => "usd-small".into(),
            Reading::Mb => "mb".into(),
            Reading::Ms(d) => format!("ms:{d}"),
            Reading::Num(d) => format!("num:{d}"),
            Reading::Pct => "pct".into(),
        }
    }

    /// The text in US English (the build writes it; the site script writes
    /// it again in the reader's locale, as the calculator does).
    pub fn text(self, exact: &str) -> String {
        let x = lambda_model::base::decimal::parse_f64(exact).unwrap_or(f64::NAN);
        match self {
            Reading::Usd => usd(x, 2),
            Reading::UsdSmall if x == 0.0 || x.abs() >= 0.01 => usd(x, 2),
            Reading::UsdSmall => usd(x, (-(x.abs().log10().floor()) as usize + 3).min(14)),
            Reading::Mb => format!("{exact} MB"),
            Reading::Ms(d) => format!("{} ms", number(x, d as usize)),
            Reading::Num(d) => number(x, d as usize),
            Reading::Pct => format!("{:.3}%", x * 100.0),
        }
    }
}

fn number(x: f64, max_frac: usize) -> String {
    let s = format!("{:.*}", max_frac, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = frac.trim_end_matches('0');
    let sign = if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    if frac.is_empty() { format!("{sign}{}", group_digits(int)) } else { format!("{sign}{}.{frac}", group_digits(int)) }
}

fn usd(x: f64, digits: usize) -> String {
    let s = format!("{:.*}", digits, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let sign = if x < 0.0 { "-" } else { "" };
    format!("{sign}${}.{frac}", group_digits(int))
}

/// What a calculator's first figures show, in the places its page shows them:
/// the headline (label, metric, reading) of its result card, or none, and
/// the first key figures of its row.
pub struct Card {
    pub module: &'static str,
    /// The registry's calculator with the same figures (the account has
    /// none: its link is a list of functions).
    pub info: Option<&'static CalcInfo>,
    pub first: First,
    pub headline: Option<(&'static str, Reading)>,
    pub kpis: &'static [(&'static str, &'static str, Reading)],
    /// Whether its figures take real computing (the traffic simulator: a
    /// day of a busy function is millions of requests), so its module is
    /// built for speed (`opt-level = 2`, Cargo profile `figures-speed`)
    /// rather than size: 7 KB more that save a third of the time.
    pub compute_bound: bool,
}

/// Every calculator with a first-figures module, by its site module.
pub const CARDS: &[Card] = &[
    Card {
        module: "cost",
        info: Some(&calculators::COST),
        first: cost,
        headline: Some(("total_usd", Reading::Usd)),
        kpis: &[],
        compute_bound: false,
    },
    Card {
        module: "account",
        info: None,
        first: account,
        headline: Some(("total_usd", Reading::Usd)),
        kpis: &[],
        compute_bound: false,
    },
    Card {
        module: "power",
        info: Some(&calculators::POWER),
        first: power,
        headline: Some(("best_memory_mb", Reading::Mb)),
        kpis: &[],
        compute_bound: false,
    },
    Card {
        module: "coldstart",
        info: Some(&calculators::COLDSTART),
        first: coldstart,
        headline: None,
        kpis: &[
            ("Init p50", "init_p50_ms", Reading::Ms(0)),
            ("Init p99", "init_p99_ms", Reading::Ms(0)),
            ("Cold start seen by the client, p50", "cold_latency_p50_ms", Reading::Ms(0)),
            ("… p99", "cold_latency_p99_ms", Reading::Ms(0)),
        ],
        compute_bound: false,
    },
    Card {
        module: "traffic",
        info: Some(&calculators::SIMULATE),
        first: traffic,
        headline: None,
        // Every key figure the simulator's page shows, in its order and
        // words (src/pages/traffic.rs, `KPIS`; e2e holds the two alike): the
        // page keeps these in place until its own run's result is there, so
        // the result takes the same room and nothing moves (issue 26).
        kpis: &[
            ("Cold-start ratio", "cold_start_ratio", Reading::Pct),
            ("p99", "p99_ms", Reading::Ms(1)),
            ("Cold starts", "cold_starts", Reading::Num(0)),
            ("Requests", "requests", Reading::Num(0)),
            ("p50", "p50_ms", Reading::Ms(1)),
            ("Throttled", "throttles", Reading::Num(0)),
            ("Throttle ratio", "throttle_ratio", Reading::Pct),
            ("p95", "p95_ms", Reading::Ms(1)),
            ("p99.9", "p999_ms", Reading::Ms(1)),
            ("Max", "max_ms", Reading::Ms(1)),
            ("Peak concurrency", "peak_concurrency", Reading::Num(0)),
            ("Mean concurrency", "mean_concurrency", Reading::Num(2)),
            ("Environments created", "envs_created", Reading::Num(0)),
            ("Idle GB-seconds", "idle_gb_seconds", Reading::Num(0)),
            ("PC spillover", "pc_spillover_ratio", Reading::Pct),
            ("Cost of the simulated time", "cost_total_usd", Reading::Usd),
            ("Cost per million", "cost_per_million_usd", Reading::Usd),
        ],
        compute_bound: true,
    },
    Card {
        module: "lmi",
        info: Some(&calculators::LMI),
        first: lmi,
        headline: Some(("total_usd", Reading::Usd)),
        kpis: &[],
        compute_bound: false,
    },
    Card {
        module: "microvms",
        info: Some(&calculators::MICROVMS),
        first: microvms,
        headline: Some(("total_usd", Reading::Usd)),
        kpis: &[],
        compute_bound: false,
    },
    Card {
        module: "platforms",
        info: Some(&calculators::PLATFORMS),
        first: platforms,
        headline: Some(("cheapest_usd", Reading::Usd)),
        kpis: &[],
        compute_bound: false,
    },
];

/// The card of a site module, if it has first figures.
pub fn card(module: &str) -> Option<&'static Card> {
    CARDS.iter().find(|c| c.module == module)
}

#[cfg(target_arch = "wasm32")]
pub mod abi {
    //! The module's memory: the query in, the answer out, and an allocator
    //! that only bumps (the module computes one link and is dropped).
    use core::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    // Where the query and the answer are (wasm32 here is single-threaded;
    // plain words, not thread-locals: std's thread-local and cell machinery
    // would come with its messages).
    static INPUT: AtomicUsize = AtomicUsize::new(0);
    static INPUT_LEN: AtomicUsize = AtomicUsize::new(0);
    static OUTPUT: AtomicUsize = AtomicUsize::new(0);

    pub fn input(len: usize) -> *mut u8 {
        let buf = Vec::leak(vec![0u8; len]).as_mut_ptr();
        INPUT.store(buf as usize, Relaxed);
        INPUT_LEN.store(len, Relaxed);
        buf
    }

    pub fn run(first: super::First, y: u32, m: u32, d: u32) -> i32 {
        let (at, len) = (INPUT.load(Relaxed), INPUT_LEN.load(Relaxed));
        let bytes: &[u8] = if at == 0 {
            &[]
        } else {
            // SAFETY: `input` handed out this buffer of `len` bytes and never frees it.
            unsafe { core::slice::from_raw_parts(at as *const u8, len) }
        };
        let query = core::str::from_utf8(bytes).unwrap_or("");
        let today = super::Date::new(y as u16, m as u8, d as u8);
        match super::answer(first, query, today) {
            Some(text) => {
                let text = String::leak(text);
                OUTPUT.store(text.as_ptr() as usize, Relaxed);
                text.len() as i32
            }
            None => -1,
        }
    }

    pub fn output() -> *const u8 {
        OUTPUT.load(Relaxed) as *const u8
    }

    pub struct Bump;
    static mut NEXT: usize = 0;
    static mut END: usize = 0;

    // SAFETY: wasm32 is single-threaded; memory handed out is never reused.
    unsafe impl std::alloc::GlobalAlloc for Bump {
        unsafe fn alloc(&self, l: std::alloc::Layout) -> *mut u8 {
            unsafe {
                let start = (NEXT + l.align() - 1) & !(l.align() - 1);
                let end = start + l.size();
                if end <= END && NEXT != 0 {
                    NEXT = end;
                    return start as *mut u8;
                }
                let pages = (l.size() + l.align()) / 65536 + 16;
                let old = core::arch::wasm32::memory_grow(0, pages);
                if old == usize::MAX {
                    return std::ptr::null_mut();
                }
                NEXT = old * 65536;
                END = NEXT + pages * 65536;
                let start = (NEXT + l.align() - 1) & !(l.align() - 1);
                NEXT = start + l.size();
                start as *mut u8
            }
        }
        unsafe fn dealloc(&self, _: *mut u8, _: std::alloc::Layout) {}
    }
}

/// A calculator's module: its three exports and the bump allocator.
#[macro_export]
macro_rules! exports {
    ($eval:expr) => {
        #[cfg(target_arch = "wasm32")]
        #[global_allocator]
        static ALLOC: $crate::abi::Bump = $crate::abi::Bump;

        #[cfg(target_arch = "wasm32")]
        #[unsafe(no_mangle)]
        pub extern "C" fn ff_input(len: usize) -> *mut u8 {
            $crate::abi::input(len)
        }

        #[cfg(target_arch = "wasm32")]
        #[unsafe(no_mangle)]
        pub extern "C" fn ff_run(y: u32, m: u32, d: u32) -> i32 {
            $crate::abi::run($eval, y, m, d)
        }

        #[cfg(target_arch = "wasm32")]
        #[unsafe(no_mangle)]
        pub extern "C" fn ff_output() -> *const u8 {
            $crate::abi::output()
        }

        // (No `main` in the module: each binary is `no_main` on wasm32, so
        // std's start-up and exit code stay out.)
        #[cfg(not(target_arch = "wasm32"))]
        fn main() {}
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use lambda_model::params::Kind;

    const TODAY: Date = Date::new(2026, 12, 6);

    fn parse(text: &str) -> Vec<(String, String)> {
        text.lines().filter_map(|l| l.split_once('\t')).map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    fn get(text: &str, name: &str) -> Option<String> {
        parse(text).into_iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    #[test]
    fn every_module_computes_what_the_registry_computes() {
        let queries = [
            "",
            "memory_mb=1024&requests=20000000&duration_ms=120",
            "region=us-east-2&arch=arm64&memory_mb=2048&duration_ms=800&requests=90000000&pc_units=10",
            "strategy=speed&memory_mb=512",
            // Regions where some platforms or lines have no verified rate.
            "region=eu-south-2&requests=900000000&duration_ms=80",
            "region=ap-southeast-5&arch=arm64&memory_mb=3008",
            "region=mx-central-1&requests=5000000&duration_ms=2000",
            // Power Tuning's sample link (shared/reference/samples.md).
            "power_tuning=https%3A%2F%2Flambda-power-tuning.show%2F%23gAAAAQACAAQABg%3D%3D%3BAAAWRQAAlkQAABZEAACWQwAAlkM%3D%3BrMWnNqzFpzasxac2rMWnNoKo%2BzY%3D",
            "memory_mb=10240&duration_ms=900000&requests=1",
            "fargate_gb=3&fargate_vcpu=4",
        ];
        for card in CARDS {
            let Some(info) = card.info else { continue };
            let registry = calculators::find(info.name).unwrap();
            for q in queries {
                let d = decode_query(info.specs, q);
                if !d.errors.is_empty() {
                    assert!(answer(card.first, q, TODAY).is_none(), "{}: {q}", card.module);
                    continue;
                }
                let Ok(want) = registry.evaluate(&d.values, TODAY) else {
                    assert!(answer(card.first, q, TODAY).is_none(), "{}: {q}", card.module);
                    continue;
                };
                let ours = answer(card.first, q, TODAY).unwrap();
                // Every figure the module writes is the registry's, to the digit.
                for (name, value) in parse(&ours).into_iter().filter(|(n, _)| !n.starts_with('#')) {
                    let theirs = want.iter().find(|(n, _)| *n == name).map(|(_, v)| v.exact());
                    assert_eq!(theirs.as_deref(), Some(value.as_str()), "{}: {q}: {name}", card.module);
                }
                // Every figure the card shows is among them.
                for m in card.headline.iter().map(|h| h.0).chain(card.kpis.iter().map(|k| k.1)) {
                    assert!(get(&ours, m).is_some(), "{}: {m}", card.module);
                }
            }
        }
        let cost = answer(cost, "memory_mb=1024&requests=20000000&duration_ms=120", TODAY).unwrap();
        assert_eq!(get(&cost, "total_usd").as_deref(), Some("37.1334"));
        assert_eq!(Reading::Usd.text("37.1334"), "$37.13");
        assert_eq!(get(&cost, "#label").as_deref(), Some("Monthly total"));
        let power = answer(power, "strategy=speed", TODAY).unwrap();
        assert_eq!(get(&power, "#label").as_deref(), Some("Recommended for speed"));
    }

    #[test]
    fn an_account_link_totals_as_the_account_page_prices_it() {
        use lambda_model::billing::{COST_PARAMS, CostInput, FreeTierOrder};
        let mut a = Values::defaults(COST_PARAMS);
        a.set("memory_mb", "2048").unwrap();
        a.set("requests", "30000000").unwrap();
        let mut b = Values::defaults(COST_PARAMS);
        b.set("arch", "arm64").unwrap();
        b.set("requests", "90000000").unwrap();
        for order in [FreeTierOrder::X86First, FreeTierOrder::ArmFirst] {
            let fns = [a.clone(), b.clone()];
            let q = calculators::account::query(&fns, order);
            let inputs: Vec<_> = fns.iter().map(|v| CostInput::from_values(v, TODAY).unwrap()).collect();
            let want = calculators::cost::price_account(&inputs, order).unwrap();
            let ours = answer(account, &q, TODAY).unwrap();
            for (name, value) in want.metrics() {
                if !value.exact().is_empty() {
                    assert_eq!(get(&ours, name), Some(value.exact()), "{order:?}: {name}");
                }
            }
            assert_eq!(get(&ours, "#label").as_deref(), Some("Account total per month"));
        }
        // No functions: the page's default one.
        let one = answer(account, "", TODAY).unwrap();
        assert_eq!(get(&one, "total_usd"), answer(cost, "", TODAY).and_then(|c| get(&c, "total_usd")));
        assert!(answer(account, "f=memory_mb%3D7", TODAY).is_none());
    }

    #[test]
    fn invalid_values_have_no_figures() {
        for card in CARDS {
            let specs = card.info.map_or(lambda_model::billing::COST_PARAMS, |i| i.specs);
            let first = specs.iter().find(|s| matches!(s.kind, Kind::Int { .. } | Kind::Num { .. })).unwrap();
            let q = format!("{}=x", first.name);
            let q = if card.info.is_none() { format!("f={}", lambda_model::params::percent_encode(&q)) } else { q };
            assert!(answer(card.first, &q, TODAY).is_none(), "{}", card.module);
        }
    }

    #[test]
    fn readings_write_what_the_calculators_write() {
        assert_eq!(Reading::Usd.text("1234.5"), "$1,234.50");
        assert_eq!(Reading::UsdSmall.text("0.0000018567"), "$0.000001857");
        assert_eq!(Reading::UsdSmall.text("0"), "$0.00");
        assert_eq!(Reading::Mb.text("1536"), "1536 MB");
        assert_eq!(Reading::Ms(1).text("1234.56"), "1,234.6 ms");
        assert_eq!(Reading::Ms(0).text("250"), "250 ms");
        assert_eq!(Reading::Num(0).text("3000000"), "3,000,000");
        assert_eq!(Reading::Pct.text("0.012345"), "1.234%");
        assert_eq!(Reading::Ms(1).name(), "ms:1");
    }
}

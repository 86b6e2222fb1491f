//! What a reader sees where an embed's iframe does not run: RSS readers and
//! e-mail (which drop iframes), WordPress before the frame reports, a host
//! whose scripts are blocked. A `blockquote` names the calculator, gives the
//! link's headline figures as text and links to the full calculator with the
//! same values; `embed.js` and WordPress hide it once the frame reports.
//!
//! Pure: the oEmbed handler and the site generator write it from the
//! engine's metrics, the Embed dialog from the figures on its page.

use crate::CalcPage;
use lambda_model::params::metrics::MetricValue;
use lambda_model::params::{Values, fmt_grouped};

/// Dollars to the cent, grouped: `$1,234.50`. Below a cent, four
/// significant digits (`$0.002083`).
pub fn usd(x: f64) -> String {
    if x != 0.0 && x.abs() < 0.01 {
        let digits = (-(x.abs().log10().floor()) as usize + 3).min(12);
        return format!("${x:.digits$}");
    }
    let cents = (x * 100.0).round() as i64;
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.abs();
    format!("{sign}${}.{:02}", lambda_model::params::grouped(cents / 100), cents % 100)
}

/// The headline for a calculator and a query (its defaults when empty),
/// priced on `today` by the engine; `None` when the calculator has none or
/// the values are not valid. (The oEmbed answers, the social cards' text and
/// the static oEmbed files all say it this way.)
pub fn headline(info: &CalcPage, query: &str, today: lambda_model::params::Date) -> Option<String> {
    let calc = lambda_model::calculators::find(info.module)?;
    let d = lambda_model::calculators::decode_query(calc.specs, query);
    if !d.errors.is_empty() {
        return None;
    }
    let metrics = calc.evaluate(&d.values, today).ok()?;
    summary(info, &d.values, &metrics)
}

fn ms(x: f64) -> String {
    format!("{} ms", fmt_grouped(x.round()))
}

fn pct(x: f64) -> String {
    let p = x * 100.0;
    if p == 0.0 {
        "0%".into()
    } else if p < 0.1 {
        format!("{p:.3}%")
    } else {
        format!("{p:.1}%")
    }
}

/// The metrics [`summary`] reads for a calculator (the Embed dialog reads
/// them from its page's figures).
pub fn summary_metrics(info: &CalcPage) -> &'static [&'static str] {
    match info.module {
        "cost" => &["total_usd"],
        "power" => &["best_memory_mb", "best_duration_ms", "best_cost_per_million_usd"],
        "coldstart" => &["cold_latency_p50_ms", "cold_latency_p99_ms", "init_p50_ms"],
        "traffic" => &["cold_start_ratio", "p99_ms", "monthly_usd"],
        "lmi" => &["total_usd", "instances", "lambda_usd"],
        "microvms" => &["total_usd"],
        "platforms" => &["lambda_usd", "lambda_pc_usd", "lmi_usd", "fargate_usd", "ec2_usd"],
        _ => &[],
    }
}

/// The headline of a calculator's result for these values, in one sentence
/// without its full stop; `None` for a calculator without one (the account,
/// whose functions are a list).
pub fn summary(info: &CalcPage, values: &Values, metrics: &[(&str, MetricValue)]) -> Option<String> {
    let m = |name: &str| metrics.iter().find(|(n, _)| *n == name).and_then(|(_, v)| v.as_f64());
    Some(match info.module {
        "cost" => format!(
            "{} a month for {} requests of {} at {} MB",
            usd(m("total_usd")?),
            fmt_grouped(values.num("requests")),
            ms(values.num("duration_ms")),
            fmt_grouped(values.num("memory_mb"))
        ),
        "power" => format!(
            "the best memory size is {} MB: {} per invocation, {} per million requests",
            fmt_grouped(m("best_memory_mb")?),
            ms(m("best_duration_ms")?),
            usd(m("best_cost_per_million_usd")?)
        ),
        "coldstart" => format!(
            "a cold start takes {} at the median and {} at p99, {} of it initialisation",
            ms(m("cold_latency_p50_ms")?),
            ms(m("cold_latency_p99_ms")?),
            ms(m("init_p50_ms")?)
        ),
        "traffic" => {
            let mut s = format!("{} of requests start cold, p99 {}", pct(m("cold_start_ratio")?), ms(m("p99_ms")?));
            if let Some(month) = m("monthly_usd") {
                s.push_str(&format!(", {} a month", usd(month)));
            }
            s
        }
        "lmi" => format!(
            "{} a month on Managed Instances ({} instances) against {} as on-demand functions",
            usd(m("total_usd")?),
            fmt_grouped(m("instances")?),
            usd(m("lambda_usd")?)
        ),
        "microvms" => format!(
            "{} a month for {} MicroVMs of {} s at a baseline of {} GB",
            usd(m("total_usd")?),
            fmt_grouped(values.num("sessions")),
            fmt_grouped(values.num("session_s")),
            values.text("baseline_gb")
        ),
        "platforms" => {
            let lambda = m("lambda_usd")?;
            let options = [
                ("Lambda with provisioned concurrency", "lambda_pc_usd"),
                ("Managed Instances", "lmi_usd"),
                ("Fargate", "fargate_usd"),
                ("EC2", "ec2_usd"),
            ];
            let best = options
                .iter()
                .filter_map(|(name, k)| m(k).map(|x| (*name, x)))
                .fold(("Lambda on demand", lambda), |b, o| if o.1 < b.1 { o } else { b });
            let traffic = format!(
                "{} requests a month of {}",
                fmt_grouped(values.num("requests")),
                ms(values.num("duration_ms"))
            );
            if best.0 == "Lambda on demand" {
                format!("Lambda on demand is the cheapest for {traffic}: {} a month", usd(lambda))
            } else {
                format!(
                    "{} is the cheapest for {traffic}: {} a month, against {} on Lambda",
                    best.0,
                    usd(best.1),
                    usd(lambda)
                )
            }
        }
        _ => return None,
    })
}

/// Text for HTML text and double-quoted attributes (the snippets, the
/// fallback, the oEmbed answers and share pages all use this one).
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The fallback: only what WordPress keeps from an untrusted provider
/// (`blockquote`, `a[href]`), so it reads the same everywhere. `page` is the
/// full calculator's absolute address with the values.
pub fn blockquote(info: &CalcPage, page: &str, summary: Option<&str>) -> String {
    let said = summary.map(|s| format!(": {}.", esc(s))).unwrap_or_else(|| ".".into());
    format!(
        "<blockquote data-lambda-lab-fallback><a href=\"{page}\">{h1}</a>{said} \
         <a href=\"{page}\">Open it in Lambda Lab</a></blockquote>",
        page = esc(page),
        h1 = esc(info.h1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ACCOUNT, COST};
    use lambda_model::calculators;
    use lambda_model::calculators::decode_query;
    use lambda_model::params::Date;

    #[test]
    fn dollars_read_as_on_the_page() {
        assert_eq!(usd(37.13336), "$37.13");
        assert_eq!(usd(1234.5), "$1,234.50");
        assert_eq!(usd(0.0), "$0.00");
        assert_eq!(usd(0.0020833), "$0.002083");
    }

    #[test]
    fn the_cost_summary_names_the_figure_and_the_values_it_is_for() {
        let q = "memory_mb=1024&requests=20000000&duration_ms=120";
        let d = decode_query(calculators::COST.specs, q);
        let metrics = calculators::find("cost").unwrap().evaluate(&d.values, Date::new(2026, 11, 23)).unwrap();
        let s = summary(&COST, &d.values, &metrics).unwrap();
        assert_eq!(s, "$37.13 a month for 20,000,000 requests of 120 ms at 1,024 MB");
        let b = blockquote(&COST, "https://x.io/calculators/cost/?a=1&b=<2>", Some(&s));
        assert_eq!(
            b,
            "<blockquote data-lambda-lab-fallback><a href=\"https://x.io/calculators/cost/?a=1&amp;b=&lt;2&gt;\">\
             Lambda cost calculator</a>: $37.13 a month for 20,000,000 requests of 120 ms at 1,024 MB. \
             <a href=\"https://x.io/calculators/cost/?a=1&amp;b=&lt;2&gt;\">Open it in Lambda Lab</a></blockquote>"
        );
        assert!(summary(&ACCOUNT, &d.values, &metrics).is_none());
    }

    #[test]
    fn every_calculator_with_a_registry_entry_has_a_summary_of_its_defaults() {
        for info in crate::CALC_PAGES {
            let Some(c) = calculators::find(info.module) else { continue };
            let d = decode_query(c.specs, "");
            let metrics = c.evaluate(&d.values, Date::new(2026, 11, 23)).unwrap();
            let s = summary(info, &d.values, &metrics);
            assert!(s.as_deref().is_some_and(|s| s.contains(|ch: char| ch.is_ascii_digit())), "{}: {s:?}", info.slug);
            // The dialog reads only the metrics named, as plain numbers: the same sentence.
            let named: Vec<_> = summary_metrics(info)
                .iter()
                .map(|n| (*n, MetricValue::Num(metrics.iter().find(|(m, _)| m == n).unwrap().1.as_f64().unwrap())))
                .collect();
            assert_eq!(summary(info, &d.values, &named), s, "{}", info.slug);
        }
    }
}

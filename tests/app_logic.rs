//! Native tests of the app's pure logic: paths under a sub-path, number
//! formatting outside the browser, and the cost page's view model.

use lambda_lab_app::components::RequestUnit;
use lambda_lab_app::cost_view;
use lambda_lab_app::format::{plain_number, plain_usd};
use lambda_lab_app::paths::{base_path_from_uri, is_current};
use lambda_model::pricing::{COST_PARAMS, evaluate};
use lambda_model::scenario::{Date, Values};

const TODAY: Date = Date::new(2026, 11, 23);

#[test]
fn the_base_path_comes_from_the_base_uri() {
    assert_eq!(base_path_from_uri("http://127.0.0.1:8080/"), "");
    assert_eq!(base_path_from_uri("http://127.0.0.1:8080/lambda-lab/"), "/lambda-lab");
    assert_eq!(base_path_from_uri("https://x.github.io/lambda-lab/index.html"), "/lambda-lab");
    assert_eq!(base_path_from_uri("https://x.github.io/a/b/?q=1#h"), "/a/b");
}

#[test]
fn nav_marks_the_current_section_only() {
    assert!(is_current("/", "/"));
    assert!(!is_current("/", "/about"));
    assert!(is_current("/calculators", "/calculators/cost"));
    assert!(is_current("/calculators", "/calculators/"));
    assert!(!is_current("/calculators", "/calculatorsx"));
}

#[test]
fn plain_formatting_groups_and_rounds() {
    assert_eq!(plain_number(3_000_000.0, 0), "3,000,000");
    assert_eq!(plain_number(1234.5, 2), "1,234.5");
    assert_eq!(plain_number(-0.0001, 2), "0");
    assert_eq!(plain_usd(2.733338, 2), "$2.73");
    assert_eq!(plain_usd(-1234.5, 2), "-$1,234.50");
}

#[test]
fn request_units_convert_with_a_730_hour_month() {
    assert_eq!(RequestUnit::Second.per_month(), 2_628_000.0);
    assert_eq!(RequestUnit::Day.per_month() * 24.0, 730.0);
    assert_eq!(RequestUnit::parse("hour"), RequestUnit::Hour);
    assert_eq!(RequestUnit::parse("garbage"), RequestUnit::Month);
}

#[test]
fn what_ifs_compare_architecture_and_free_tier() {
    let mut v = Values::defaults(COST_PARAMS);
    v.set("memory_mb", "1536").unwrap();
    v.set("duration_ms", "120").unwrap();
    let base = evaluate(&v, TODAY).unwrap();
    let w = cost_view::what_ifs(&v, TODAY);
    assert_eq!(w.len(), 2);
    let arm = w[0].result.as_ref().unwrap();
    assert!(arm.total < base.total, "arm64 is cheaper");
    let no_free = w[1].result.as_ref().unwrap();
    assert!(no_free.total > base.total);
    let s = cost_view::summary(&base, &w);
    assert!(s.starts_with("The monthly total is $2.73"), "{s}");
    assert!(s.contains("on arm64 it would be $2.27"), "{s}");
    let bars = cost_view::bars(&base, &w);
    assert_eq!(bars.len(), 3);
    assert_eq!(bars[0].values.len(), cost_view::series_names(&base).len());
}

#[test]
fn a_what_if_that_is_not_allowed_says_why() {
    let mut v = Values::defaults(COST_PARAMS);
    v.set("edge", "true").unwrap();
    let w = cost_view::what_ifs(&v, TODAY);
    assert!(w[0].result.is_none());
    assert!(w[0].why_not.as_deref().unwrap_or("").contains("x86_64 only"));
}

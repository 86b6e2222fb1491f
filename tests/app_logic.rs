//! Native tests of the app's pure logic: the base path, lesson addresses, number
//! formatting outside the browser, and the cost page's view model.

use lambda_lab_app::components::RequestUnit;
use lambda_lab_app::cost_view;
use lambda_lab_app::format::{duration_s, plain_number, plain_usd};
use lambda_lab_app::paths::normalise_base;
use lambda_model::billing::COST_PARAMS;
use lambda_model::calculators::cost::evaluate;
use lambda_model::params::{Date, Values};

const TODAY: Date = Date::new(2026, 11, 23);

#[test]
fn the_base_path_comes_from_the_page() {
    assert_eq!(normalise_base("/"), "");
    assert_eq!(normalise_base(""), "");
    assert_eq!(normalise_base("/lambda-lab/"), "/lambda-lab");
    assert_eq!(normalise_base("/lambda-lab"), "/lambda-lab");
    assert_eq!(normalise_base("a/b/"), "/a/b");
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

mod lessons {
    use lambda_lab_app::course::{LESSONS, Progress, find};
    use lambda_lab_app::nav::query_param;

    #[test]
    fn the_course_is_compiled_in() {
        assert!(LESSONS.len() >= 15);
        let (i, l) = find("01-billing").expect("lesson 1");
        assert_eq!((i, l.number), (0, 1));
        assert_eq!(l.step_index("rounding"), Some(2));
        assert_eq!(l.step_index("2"), Some(1));
        assert_eq!(l.step_index("0"), None);
        assert_eq!(l.step_index("nope"), None);
        assert!(find("00-nothing").is_none());
    }

    #[test]
    fn progress_round_trips_and_survives_damage() {
        let (_, l) = find("01-billing").unwrap();
        let mut p = Progress::default();
        assert!(p.is_empty());
        p.see("two-meters");
        p.see("rounding");
        p.see("two-meters");
        let check = l.checks().next().unwrap().id;
        p.answer(check);
        p.answer(check);
        assert_eq!(p.seen, ["two-meters", "rounding"]);
        assert_eq!(p.last.as_deref(), Some("two-meters"));
        let back = Progress::parse(&p.encode());
        assert_eq!(back, p);
        assert_eq!(
            back.summary(l),
            format!("2 of {} steps seen, 1 of {} checks answered", l.steps.len(), l.checks().count())
        );
        // Garbage, and ids the lesson no longer has, are dropped.
        let mut junk = Progress::parse("last=gone;seen=rounding,old-step;ok=old-check;;=;zzz");
        junk.retain_known(l);
        assert_eq!(junk.seen, ["rounding"]);
        assert!(junk.correct.is_empty() && junk.last.is_none());
        assert_eq!(Progress::parse("\u{0}\u{ffff}"), Progress::default());
    }

    #[test]
    fn the_lesson_slug_comes_from_the_path_under_the_base() {
        use lambda_lab_app::pages::lesson::slug_of;
        assert_eq!(slug_of("/lambda-lab/lessons/01-billing/?step=x", "/lambda-lab"), "01-billing");
        assert_eq!(slug_of("/lessons/01-billing/", ""), "01-billing");
        assert_eq!(slug_of("/lessons/01-billing", ""), "01-billing");
        assert_eq!(slug_of("/lambda-lab/about/", "/lambda-lab"), "");
    }

    #[test]
    fn query_params_from_an_address() {
        assert_eq!(query_param("/l/lessons/01-billing?step=rounding&view=print", "step").as_deref(), Some("rounding"));
        assert_eq!(query_param("/l/lessons/01-billing?step=rounding&view=print", "view").as_deref(), Some("print"));
        assert_eq!(query_param("/l/lessons/01-billing", "step"), None);
    }

    #[test]
    fn every_check_accepts_its_own_answer_and_rejects_far_ones() {
        for l in LESSONS {
            for c in l.checks() {
                assert_eq!(c.judge(c.answer_text), Some(true), "{} {}: '{}'", l.slug, c.id, c.answer_text);
                let far = c.answer + c.tolerance * 3.0 + 1.0;
                assert_eq!(c.judge(&far.to_string()), Some(false), "{} {}", l.slug, c.id);
                assert_eq!(c.judge("not a number"), None);
            }
        }
    }
}

#[test]
fn run_lengths_read_in_words() {
    assert_eq!(duration_s(45.0), "45 s");
    assert_eq!(duration_s(1200.0), "20 min");
    assert_eq!(duration_s(1245.0), "20 min 45 s");
    assert_eq!(duration_s(26_280.0), "7 h 18 min");
    assert_eq!(duration_s(7200.0), "2 h");
}

#[test]
fn the_legend_lists_only_lines_that_cost_something() {
    let mut v = Values::defaults(COST_PARAMS);
    v.set("free_tier", "false").unwrap();
    let today = Date::new(2026, 12, 3);
    let r = evaluate(&v, today).unwrap();
    let bars = cost_view::bars(&r, &cost_view::what_ifs(&v, today));
    let used = cost_view::used_series(&bars);
    let names = cost_view::series_names(&r);
    let shown: Vec<&str> = used.iter().map(|i| names[*i]).collect();
    assert_eq!(shown, ["Requests", "Duration (on-demand)"], "{shown:?}");
}

/// Every field list and key figure a page names exists: a typo here would
/// drop a field or show "—" in the browser.
#[test]
fn every_name_a_page_uses_is_a_parameter_or_metric() {
    use lambda_lab_app::pages::{coldstart, cost, power, traffic};
    use lambda_model::calculators::decode_query;
    use lambda_model::calculators::find;
    let today = Date::new(2026, 12, 3);
    let check = |calc: &str, groups: &[&[&str]], kpis: &[(&str, &str, lambda_lab_app::components::Reading)]| {
        let c = find(calc).unwrap();
        for name in groups.iter().flat_map(|g| g.iter()) {
            assert!(c.specs.iter().any(|s| s.name == *name), "{calc}: no parameter {name}");
        }
        let metrics = (c.eval)(&decode_query(c.specs, "sim_seconds=60").values, today)
            .or_else(|_| (c.eval)(&Values::defaults(c.specs), today))
            .unwrap();
        for (_, name, _) in kpis {
            assert!(metrics.iter().any(|(m, _)| m == name), "{calc}: no metric {name}");
        }
    };
    let mut cost_groups: Vec<&[&str]> = vec![cost::BASIC, cost::STARTUP];
    cost_groups.extend(cost::ADVANCED.iter().map(|(_, g)| *g));
    check("cost", &cost_groups, cost::KPIS);
    check("power", &[power::DESCRIBE, power::PRICING, power::CHOOSE, power::MEASURED], power::KPIS);
    check("coldstart", &[], coldstart::KPIS);
    check("simulate", &[traffic::TRAFFIC, traffic::FUNCTION, traffic::PLATFORM, traffic::RUN], traffic::KPIS);
    check("cost", &[lambda_lab_app::pages::account::ROW_FIELDS, lambda_lab_app::pages::account::EXTRA_FIELDS], &[]);
}

/// The stylesheet is minified, which writes `#ffffff` as `#fff`: charts read
/// their colours from it, so both forms must parse (a gray chart otherwise).
#[test]
fn chart_colours_parse_in_both_hex_forms() {
    use lambda_lab_app::chart::parse_hex;
    use plotters::style::RGBColor;
    assert_eq!(parse_hex("#ffffff"), Some(RGBColor(255, 255, 255)));
    assert_eq!(parse_hex("#fff"), Some(RGBColor(255, 255, 255)));
    assert_eq!(parse_hex("#1a2"), Some(RGBColor(0x11, 0xaa, 0x22)));
    assert_eq!(parse_hex("#121417"), Some(RGBColor(0x12, 0x14, 0x17)));
    for bad in ["fff", "#ff", "#ggg", "#ffff", "#é1", ""] {
        assert_eq!(parse_hex(bad), None, "{bad}");
    }
}

fn sim_values(q: &str) -> Values {
    let d = lambda_model::calculators::decode_query(lambda_model::simulation::SIM_PARAMS, q);
    assert!(d.errors.is_empty(), "{:?}", d.errors);
    d.values
}

#[test]
fn the_closed_form_sentence_follows_the_arrival_pattern() {
    use lambda_lab_app::traffic_view::analytic;
    assert!(analytic(&sim_values("rate_per_s=10")).starts_with("Steady Poisson traffic at this rate keeps 1"));
    let d = analytic(&sim_values("arrival=diurnal&rate_per_s=10&diurnal_amplitude=0.5"));
    assert!(
        d.starts_with("Daily-cycle traffic averages") && d.contains("busiest hour") && !d.contains("Steady"),
        "{d}"
    );
    let b = analytic(&sim_values("arrival=bursty&rate_per_s=1&burst_rate_per_s=100"));
    assert!(b.contains("Between bursts") && b.contains("Inside a burst"), "{b}");
    assert!(analytic(&sim_values("arrival=constant")).starts_with("Evenly spaced"));
    // Large loads stay quick and sensible (issue 16): 10,000/s × 100 ms.
    let big = analytic(&sim_values("rate_per_s=10000&duration_ms=100"));
    assert!(big.contains("1,000 requests in flight") && big.contains("at most 1074."), "{big}");
}

#[test]
fn the_break_even_is_the_regions_own_with_its_formula() {
    use lambda_lab_app::traffic_view::break_even;
    let us = break_even(&sim_values("region=us-east-1"));
    assert!(us.contains("more than 60.0% of the time") && us.contains("$0.0000041667"), "{us}");
    let eu = break_even(&sim_values("region=eu-west-1"));
    assert!(eu.contains("more than 79.7% of the time"), "{eu}");
    let tokyo = break_even(&sim_values("region=ap-northeast-1"));
    assert!(tokyo.contains("never costs less than on-demand"), "{tokyo}");
}

#[test]
fn the_advisor_never_sells_a_dearer_size_as_a_saving() {
    use lambda_lab_app::traffic_view::advisor_summary;
    use lambda_model::base::money::Usd;
    use lambda_model::simulation::PcPoint;
    let point = |units, dollars: i128, meets, utilisation| PcPoint {
        units,
        cost: Usd(dollars * 1_000_000_000_000_000_000 / 730),
        monthly: Usd(dollars * 1_000_000_000_000_000_000),
        seconds: 26_280.0,
        p99_ms: 900.0,
        cold_start_ratio: 0.001,
        spillover_ratio: 0.0,
        utilisation,
        meets_target: meets,
    };
    let eu = sim_values("region=eu-west-1");
    // PC 1 meets the target but costs more than no PC: it says so, and that
    // 70 % busy is below eu-west-1's 80 % break-even.
    let s = advisor_summary(&[point(0, 10, false, 0.0), point(1, 12, true, 0.7)], &eu);
    assert!(s.contains("It costs $2.00 a month more than no PC, which misses the target"), "{s}");
    assert!(s.contains("below the 80% at which PC pays for itself in this region"), "{s}");
    assert!(s.contains("Each run simulated 7 h 18 min"), "{s}");
    // Cheaper than no PC: a saving, stated as one.
    let s = advisor_summary(&[point(0, 12, false, 0.0), point(2, 10, true, 0.9)], &eu);
    assert!(s.contains("$2.00 a month less than no PC") && !s.contains("below the"), "{s}");
    let s = advisor_summary(&[point(0, 12, false, 0.0)], &eu);
    assert!(s.starts_with("No PC size in the sweep meets the target"), "{s}");
}

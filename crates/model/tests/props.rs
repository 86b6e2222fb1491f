//! Property tests of the pricing engine.

use lambda_model::base::money::Usd;
use lambda_model::billing;
use lambda_model::calculators::cost::evaluate;
use lambda_model::params::{Date, Values};
use proptest::prelude::*;

const TODAY: Date = Date::new(2026, 11, 23);

fn total(pairs: &[(&str, String)]) -> lambda_model::billing::CostResult {
    let mut v = Values::defaults(billing::COST_PARAMS);
    for (k, val) in pairs {
        v.set(k, val).unwrap();
    }
    evaluate(&v, TODAY).unwrap()
}

fn region() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(lambda_model::rates::REGION_CODES)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn cost_never_decreases_as_requests_duration_or_memory_grow(
        region in region(), arm in any::<bool>(), free in any::<bool>(),
        mem in 128u32..10240, dm in 0u32..2000, ms in 1u32..5000, dms in 0u32..5000,
        req in 0u64..50_000_000, dreq in 0u64..5_000_000, cv in prop_oneof![Just(0.0), 0.05f64..2.0],
        cold in 0.0f64..0.05, init in 0.0f64..3000.0,
    ) {
        let arch = if arm { "arm64" } else { "x86_64" };
        let base = |mem: u32, ms: u32, req: u64| total(&[
            ("region", region.into()), ("arch", arch.into()), ("free_tier", free.to_string()),
            ("memory_mb", mem.to_string()), ("duration_ms", ms.to_string()), ("requests", req.to_string()),
            ("duration_cv", cv.to_string()), ("cold_start_ratio", cold.to_string()), ("init_ms", init.to_string()),
        ]).total;
        let t0 = base(mem, ms, req);
        prop_assert!(base((mem + dm).min(10240), ms, req) >= t0);
        prop_assert!(base(mem, ms + dms, req) >= t0);
        prop_assert!(base(mem, ms, req + dreq) >= t0);
    }

    #[test]
    fn arm64_never_costs_more_than_x86_64(
        region in region(), mem in 128u32..10240, ms in 1u32..20000, req in 0u64..100_000_000, free in any::<bool>(),
    ) {
        let t = |arch: &str| total(&[
            ("region", region.into()), ("arch", arch.into()), ("free_tier", free.to_string()),
            ("memory_mb", mem.to_string()), ("duration_ms", ms.to_string()), ("requests", req.to_string()),
        ]).total;
        prop_assert!(t("arm64") <= t("x86_64"));
    }

    #[test]
    fn the_free_tier_never_drives_a_line_below_zero(
        mem in 128u32..10240, ms in 1u32..2000, req in 0u64..3_000_000, eph in 512u32..10240, stream in 0.0f64..500.0,
    ) {
        let r = total(&[
            ("memory_mb", mem.to_string()), ("duration_ms", ms.to_string()), ("requests", req.to_string()),
            ("ephemeral_mb", eph.to_string()), ("stream_gb", stream.to_string()),
        ]);
        for (name, _, usd) in r.lines.items() {
            if name != "savings_usd" { prop_assert!(usd >= Usd::ZERO, "{name} {usd}"); }
        }
        prop_assert!(r.total >= Usd::ZERO);
        let off = total(&[
            ("memory_mb", mem.to_string()), ("duration_ms", ms.to_string()), ("requests", req.to_string()),
            ("ephemeral_mb", eph.to_string()), ("stream_gb", stream.to_string()), ("free_tier", "false".into()),
        ]);
        prop_assert!(off.total >= r.total);
    }

    #[test]
    fn cost_is_continuous_across_tier_boundaries(arm in any::<bool>(), step in 1u64..1000) {
        // 10,240 MB × 1,000,000 ms = 10,000,000 GB-s per 1,000 invocations... use
        // 10 GB × 100 s = 1,000 GB-s per invocation; tiers sit at whole invocations.
        let arch = if arm { "arm64" } else { "x86_64" };
        // The first tier's limit and rate, from the rate table (default region).
        let (limits, rate_arch) = if arm {
            (lambda_model::rates::TIER_LIMITS_ARM, lambda_model::rates::Arch::Arm)
        } else {
            (lambda_model::rates::TIER_LIMITS_X86, lambda_model::rates::Arch::X86)
        };
        let limit = limits[0] as u64;
        let per = 1000u64; // GB-s per invocation
        let at = limit / per;
        let t = |n: u64| total(&[
            ("arch", arch.into()), ("free_tier", "false".into()), ("memory_mb", "10240".into()),
            ("duration_ms", "100000".into()), ("requests", n.to_string()),
        ]).lines.duration_usd;
        let below = t(at - step);
        let above = t(at + step);
        // Each invocation costs at most the tier-1 price; crossing the tier adds no jump.
        let tier1 = lambda_model::rates::region("us-east-1").unwrap().duration_tiers(rate_arch)[0].as_f64();
        let jump = (above - below).as_f64();
        prop_assert!(jump <= 2.0 * step as f64 * per as f64 * tier1 + 1e-9);
        prop_assert!(jump >= 2.0 * step as f64 * per as f64 * tier1 * 0.89);
    }
}

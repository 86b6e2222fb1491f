//! Cold starts: model (b) of `docs/MODELS.md` §2.6.
//!
//! The client-observed cold start is the sum of
//! - platform overhead outside Init Duration (sandbox, code fetch, routing):
//!   lognormal, median 100 ms (zip) or 175 ms (image), σ 0.4 (PACS 2020, Shilkov);
//! - a VPC term: +100 ms with a VPC (Shilkov 2020, after the 2019 Hyperplane change;
//!   the old 5–10 s figure is from before September 2019);
//! - Init: a per-runtime lognormal fitted to lambda-perf (2026-07-24 to 08-22),
//!   independent of memory (Init runs with boosted CPU), plus 45 ms per MB of code
//!   loaded (Shilkov 2020, Tanasa 2023) and the user's init work at ≥ 2 vCPU;
//!   capped at 10 s;
//! - the first invocation's JIT work, scaled by the memory's CPU share.
//!
//! SnapStart replaces Init with a restore (lognormal, median 250 ms, σ 0.3).

use crate::base::rng::Rng;
use crate::models::scaling::vcpu_share;
use crate::params::metrics::MetricValue;
use crate::params::{Kind, ParamError, ParamSpec, Values};
use crate::rates::{self, runtimes};

/// A parameter name of [`COLDSTART_PARAMS`], checked when this file compiles.
macro_rules! p {
    ($name:literal) => {
        crate::param!(COLDSTART_PARAMS, $name)
    };
}

pub use super::init_cells::INIT_CELLS;

pub const LAMBDA_PERF_SOURCE: &str = "lambda-perf (maxday/lambda-perf), hello-world Init Duration, 2026-07-24 to 08-22";

/// Platform overhead outside Init Duration, median ms, and its σ. Source: docs/MODELS.md §2.5.
pub const PLATFORM_MEDIAN_ZIP_MS: f64 = 100.0;
pub const PLATFORM_MEDIAN_IMAGE_MS: f64 = 175.0;
pub const PLATFORM_SIGMA: f64 = 0.4;
/// VPC cold-start term since the 2019 change. Source: Shilkov 2020 (0.26 → 0.50 s end to end).
pub const VPC_MS: f64 = 100.0;
/// Init time per MB of code loaded at init. Source: Shilkov 2020, Tanasa 2023 (40–100).
pub const MS_PER_MB_LOADED: f64 = 45.0;
/// vCPUs Init runs with on demand ("init boost"). Source: lambda-perf flat Init across memory; van Donkersgoed 2022.
pub const INIT_BOOST_VCPU: f64 = 2.0;
/// The Init phase limit. Source: AWS docs, runtime environment.
pub const INIT_CAP_MS: f64 = 10_000.0;
/// SnapStart restore, median ms and σ. Source: lambda-perf 2023 (≈250 ms cached).
pub const RESTORE_MEDIAN_MS: f64 = 250.0;
pub const RESTORE_SIGMA: f64 = 0.3;

/// First-invocation JIT work, ms at one vCPU. Source: docs/MODELS.md §2.6
/// (dotnet8 ≈ 43 ms·vCPU, java21 ≈ 3.8 ms·vCPU); others are near zero.
pub fn jit_ms_vcpu(slug: &str) -> f64 {
    if slug.starts_with("dotnet") && !slug.contains("aot") {
        43.0
    } else if slug.starts_with("java") {
        3.8
    } else {
        0.0
    }
}

/// One lambda-perf cell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InitFit {
    pub p50: f64,
    pub p99: f64,
    pub mu: f64,
    pub sigma: f64,
    pub n: u32,
}

/// The Init fit for (runtime slug, arch, package) at 512 MB (Init does not
/// depend on memory; the 512 MB cell is the reference), from
/// [`INIT_CELLS`]: the lambda-perf cell nearest 512 MB, then zip.
pub fn init_fit(slug: &str, arch: &str, package: &str) -> Option<InitFit> {
    let name = runtimes::measured_as(slug)?;
    [package, "zip"].into_iter().find_map(|pkg| {
        INIT_CELLS.iter().find(|c| c.runtime == name && c.package == pkg && c.arch == arch).map(|c| c.fit)
    })
}

/// One runtime's Init cell: the lambda-perf measurement the model uses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InitCell {
    pub runtime: &'static str,
    pub package: &'static str,
    pub arch: &'static str,
    /// The memory size measured (512 MB wherever it was measured).
    pub memory_mb: u32,
    pub fit: InitFit,
}

pub const COLDSTART_PARAMS: &[ParamSpec] = &[
    ParamSpec {
        name: "runtime",
        label: ui_text!("Runtime"),
        kind: Kind::Choice(runtimes::MEASURED),
        default: "nodejs22.x",
        unit: "",
        help: ui_text!("lambda-perf runtimes; custom runtimes end in -al2023 or -al2."),
    },
    rates::arch_param("arm64 starts 5–15% faster for Node, Go and native runtimes."),
    rates::package_param("Container images add platform time and a heavier tail."),
    rates::memory_param(
        "Memory",
        "1024",
        "Init runs with boosted CPU; memory matters for the first invocation's JIT work.",
    ),
    ParamSpec {
        name: "package_mb",
        label: ui_text!("Code loaded at init"),
        kind: Kind::Num { min: 0.0, max: 250.0 },
        default: "0",
        unit: "MB",
        help: ui_text!("Zipped MB your code and dependencies load at init (about 45 ms per MB)."),
    },
    ParamSpec {
        name: "init_work_ms",
        label: ui_text!("Your init work"),
        kind: Kind::Num { min: 0.0, max: 60_000.0 },
        default: "0",
        unit: "ms",
        help: ui_text!(
            "CPU time of your own init code at one vCPU (clients, config, caches); Init gets at least 2 vCPU."
        ),
    },
    ParamSpec {
        name: "vpc",
        label: ui_text!("In a VPC"),
        kind: Kind::Bool,
        default: "false",
        unit: "",
        help: ui_text!("Adds about 100 ms since 2019 (not the 5–10 s of old)."),
    },
    rates::snapstart_param("Init is replaced by a snapshot restore (Java 11+, Python 3.12+, .NET 8+)."),
];

/// The parts of one cold start, in ms.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ColdParts {
    pub platform: f64,
    pub vpc: f64,
    pub init: f64,
    pub first_invoke: f64,
}

impl ColdParts {
    pub fn total(&self) -> f64 {
        self.platform + self.vpc + self.init + self.first_invoke
    }
}

/// What the cold-start model needs to know about a function.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ColdSpec<'a> {
    pub runtime: &'a str,
    pub arch: &'a str,
    pub package: &'a str,
    pub memory_mb: f64,
    pub package_mb: f64,
    pub init_work_ms: f64,
    pub vpc: bool,
    pub snapstart: bool,
}

/// A configured cold-start model, ready to sample.
#[derive(Clone, Debug, PartialEq)]
pub struct ColdModel {
    pub slug: &'static str,
    pub fit: InitFit,
    pub platform_mu: f64,
    pub vpc_ms: f64,
    pub extra_init_ms: f64,
    pub first_invoke_ms: f64,
    pub snapstart: bool,
}

fn normal(rng: &mut Rng) -> f64 {
    // Box–Muller; one of the pair is enough here.
    let u1 = rng.unit_open();
    let u2 = rng.unit();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

impl ColdModel {
    pub fn new(spec: &ColdSpec<'_>) -> Option<ColdModel> {
        let slug = runtimes::MEASURED.iter().copied().find(|s| *s == spec.runtime)?;
        let fit = init_fit(slug, spec.arch, spec.package)?;
        let platform = if spec.package == "image" { PLATFORM_MEDIAN_IMAGE_MS } else { PLATFORM_MEDIAN_ZIP_MS };
        let (memory_mb, package_mb, init_work_ms, vpc, snapstart) =
            (spec.memory_mb, spec.package_mb, spec.init_work_ms, spec.vpc, spec.snapstart);
        Some(ColdModel {
            slug,
            fit,
            platform_mu: platform.ln(),
            vpc_ms: if vpc { VPC_MS } else { 0.0 },
            extra_init_ms: package_mb * MS_PER_MB_LOADED + init_work_ms / vcpu_share(memory_mb).max(INIT_BOOST_VCPU),
            first_invoke_ms: jit_ms_vcpu(slug) / vcpu_share(memory_mb),
            snapstart,
        })
    }

    /// One sampled cold start.
    pub fn sample(&self, rng: &mut Rng) -> ColdParts {
        let init = if self.snapstart {
            (RESTORE_MEDIAN_MS.ln() + RESTORE_SIGMA * normal(rng)).exp()
        } else {
            ((self.fit.mu + self.fit.sigma * normal(rng)).exp() + self.extra_init_ms).min(INIT_CAP_MS)
        };
        ColdParts {
            platform: (self.platform_mu + PLATFORM_SIGMA * normal(rng)).exp(),
            vpc: self.vpc_ms,
            init,
            first_invoke: self.first_invoke_ms,
        }
    }
}

/// The cold-start calculator's result: percentiles from 20,001 seeded samples.
#[derive(Clone, Debug, PartialEq)]
pub struct ColdResult {
    pub model: ColdModel,
    pub init_p50: f64,
    pub init_p99: f64,
    pub latency_p50: f64,
    pub latency_p99: f64,
    /// Mean of each part, for the breakdown bar.
    pub mean_parts: ColdParts,
    pub billed_init_ms: f64,
    /// Init p50 per runtime for the comparison chart: (slug, p50, p99), same arch/package.
    pub comparison: Vec<(&'static str, f64, f64)>,
    pub init_capped_share: f64,
}

const SAMPLES: usize = 20_001;

fn pct(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Evaluates the cold-start model. Each error names the parameter to change:
/// `arch` when the runtime has data only on the other architecture,
/// `runtime` when it has none, `snapstart` for a runtime SnapStart does not
/// support.
pub fn evaluate(v: &Values) -> Result<ColdResult, Vec<ParamError>> {
    let (runtime, arch) = (v.text(p!("runtime")), v.text(p!("arch")));
    let err = |param: &str, message: String| {
        vec![ParamError { param: param.into(), given: v.get(param).to_string(), message }]
    };
    let model = ColdModel::new(&ColdSpec {
        runtime,
        arch,
        package: v.text(p!("package")),
        memory_mb: v.num(p!("memory_mb")),
        package_mb: v.num(p!("package_mb")),
        init_work_ms: v.num(p!("init_work_ms")),
        vpc: v.flag(p!("vpc")),
        snapstart: v.flag(p!("snapstart")),
    })
    .ok_or_else(|| {
        let other = if arch == "arm64" { "x86_64" } else { "arm64" };
        if init_fit(runtime, other, "zip").is_some() {
            err(
                "arch",
                ui_format!("Architecture (arch): lambda-perf has no measurement for {runtime} on {arch}; use {other}."),
            )
        } else {
            err(
                "runtime",
                ui_format!("Runtime (runtime): lambda-perf has no measurement for {runtime}; pick another runtime."),
            )
        }
    })?;
    if model.snapstart && !crate::rates::runtimes::snapstart_supported(model.slug) {
        return Err(err(
            "snapstart",
            ui_format!(
                "SnapStart (snapstart) does not support {runtime}; it supports {}. Pick one of those runtimes or turn SnapStart off.",
                runtimes::snapstart_list(runtimes::MEASURED)
            ),
        ));
    }
    let mut rng = Rng::new(0x5eed_c01d);
    let mut inits = Vec::with_capacity(SAMPLES);
    let mut totals = Vec::with_capacity(SAMPLES);
    let mut sum = ColdParts::default();
    let mut capped = 0usize;
    for _ in 0..SAMPLES {
        let p = model.sample(&mut rng);
        if p.init >= INIT_CAP_MS {
            capped += 1;
        }
        inits.push(p.init);
        totals.push(p.total());
        sum.platform += p.platform;
        sum.vpc += p.vpc;
        sum.init += p.init;
        sum.first_invoke += p.first_invoke;
    }
    inits.sort_by(f64::total_cmp);
    totals.sort_by(f64::total_cmp);
    let n = SAMPLES as f64;
    let mean_parts = ColdParts {
        platform: sum.platform / n,
        vpc: sum.vpc / n,
        init: sum.init / n,
        first_invoke: sum.first_invoke / n,
    };
    let comparison = runtimes::MEASURED
        .iter()
        .filter_map(|s| init_fit(s, v.text(p!("arch")), v.text(p!("package"))).map(|f| (*s, f.p50, f.p99)))
        .collect();
    Ok(ColdResult {
        init_p50: pct(&inits, 0.5),
        init_p99: pct(&inits, 0.99),
        latency_p50: pct(&totals, 0.5),
        latency_p99: pct(&totals, 0.99),
        billed_init_ms: if model.snapstart { 0.0 } else { mean_parts.init },
        mean_parts,
        comparison,
        init_capped_share: capped as f64 / n,
        model,
    })
}

impl ColdResult {
    pub fn metrics(&self) -> Vec<(&'static str, MetricValue)> {
        let r = |x: f64| MetricValue::Num((x * 1000.0).round() / 1000.0);
        vec![
            ("init_p50_ms", r(self.init_p50)),
            ("init_p99_ms", r(self.init_p99)),
            ("cold_latency_p50_ms", r(self.latency_p50)),
            ("cold_latency_p99_ms", r(self.latency_p99)),
            ("first_invoke_extra_ms", r(self.mean_parts.first_invoke)),
            ("billed_init_ms", r(self.billed_init_ms)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// lambda-perf's Init Duration table (see `data/README.md`), from which
    /// [`INIT_CELLS`] is written.
    const LAMBDA_PERF_CSV: &str = include_str!("../../data/lambda_perf_init_2026-07-24_to_2026-08-22.csv");

    /// `init_cells.rs` as the CSV gives it: per (runtime, package, arch) in
    /// the file's order, the parseable row nearest 512 MB (the first of
    /// equals).
    fn init_cells_file(csv: &str) -> String {
        let mut keys: Vec<(&str, &str, &str)> = Vec::new();
        let mut best: Vec<(u32, String)> = Vec::new();
        for line in csv.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            let num = crate::base::decimal::parse_f64;
            let (true, Ok(mem), Ok(n), Some(p50), Some(p99), Some(mu), Some(sigma)) =
                (f.len() >= 11, f[3].parse::<u32>(), f[4].parse::<u32>(), num(f[5]), num(f[7]), num(f[9]), num(f[10]))
            else {
                continue;
            };
            let row = format!(
                "    InitCell {{ runtime: {:?}, package: {:?}, arch: {:?}, memory_mb: {mem}, \
                 fit: InitFit {{ p50: {p50:?}, p99: {p99:?}, mu: {mu:?}, sigma: {sigma:?}, n: {n} }} }},\n",
                f[0], f[1], f[2]
            );
            let dist = mem.abs_diff(512);
            match keys.iter().position(|k| *k == (f[0], f[1], f[2])) {
                Some(i) if dist < best[i].0 => best[i] = (dist, row),
                Some(_) => {}
                None => {
                    keys.push((f[0], f[1], f[2]));
                    best.push((dist, row));
                }
            }
        }
        let rows: String = best.into_iter().map(|(_, row)| row).collect();
        format!(
            "//! The lambda-perf Init cells the cold-start model reads: per runtime,\n\
             //! package type and architecture, the cell nearest 512 MB of\n\
             //! `data/lambda_perf_init_2026-07-24_to_2026-08-22.csv` ({source}).\n\
             //! Written from that file by the test `init_cells_are_the_csvs`\n\
             //! (`LAMBDA_LAB_WRITE_INIT_CELLS=1 cargo test -p lambda-model init_cells`), so\n\
             //! the modules carry {n} cells, not the whole table.\n\
             \n\
             use super::coldstart::{{InitCell, InitFit}};\n\
             \n\
             #[rustfmt::skip]\n\
             pub const INIT_CELLS: &[InitCell] = &[\n{rows}];\n",
            source = LAMBDA_PERF_SOURCE,
            n = keys.len()
        )
    }

    #[test]
    fn init_cells_are_the_csvs() {
        let want = init_cells_file(LAMBDA_PERF_CSV);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/models/init_cells.rs");
        if std::env::var_os("LAMBDA_LAB_WRITE_INIT_CELLS").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        assert!(
            include_str!("init_cells.rs") == want,
            "src/models/init_cells.rs is not what the CSV gives: run LAMBDA_LAB_WRITE_INIT_CELLS=1 cargo test -p lambda-model init_cells"
        );
        // Every combination lambda-perf measured has its 512 MB cell.
        assert!(INIT_CELLS.iter().all(|c| c.memory_mb == 512), "a cell other than 512 MB");
        assert_eq!(INIT_CELLS.len(), 155);
    }

    fn v(pairs: &[(&str, &str)]) -> Values {
        let mut v = Values::defaults(COLDSTART_PARAMS);
        for (k, x) in pairs {
            v.set(k, x).unwrap();
        }
        v
    }

    #[test]
    fn every_slug_has_data_on_x86_zip() {
        assert_eq!(runtimes::MEASURED.len(), 34, "the 34 runtimes lambda-perf measured");
        assert_eq!(runtimes::MEASURED_OR_NONE[0], "none");
        assert_eq!(&runtimes::MEASURED_OR_NONE[1..], runtimes::MEASURED);
        for s in runtimes::MEASURED {
            assert!(init_fit(s, "x86_64", "zip").is_some() || init_fit(s, "arm64", "zip").is_some(), "{s}");
        }
    }

    #[test]
    fn p4_init_medians_match_lambda_perf() {
        // x86_64, zip, 512 MB, hello world (docs/MODELS.md §7, P4), ±10% on p50.
        for (slug, p50) in [
            ("nodejs22.x", 140.0),
            ("python3.12", 84.0),
            ("java21", 239.0),
            ("dotnet8", 251.0),
            ("ruby3.3", 239.0),
            ("go-al2023", 50.0),
            ("rust-al2023", 16.0),
        ] {
            let r = evaluate(&v(&[("runtime", slug), ("memory_mb", "512")])).unwrap();
            assert!((r.init_p50 - p50).abs() / p50 <= 0.10, "{slug}: {} vs {p50}", r.init_p50);
        }
    }

    #[test]
    fn init_does_not_depend_on_memory_but_first_invoke_does() {
        let small = evaluate(&v(&[("runtime", "dotnet8"), ("memory_mb", "128")])).unwrap();
        let big = evaluate(&v(&[("runtime", "dotnet8"), ("memory_mb", "1769")])).unwrap();
        assert_eq!(small.init_p50, big.init_p50);
        assert!((big.mean_parts.first_invoke - 43.0).abs() < 1e-9);
        assert!(small.mean_parts.first_invoke > 500.0);
    }

    #[test]
    fn vpc_adds_100_ms_not_seconds_and_packages_add_init() {
        let base = evaluate(&v(&[])).unwrap();
        let vpc = evaluate(&v(&[("vpc", "true")])).unwrap();
        assert!((vpc.latency_p50 - base.latency_p50 - 100.0).abs() < 5.0);
        let heavy = evaluate(&v(&[("package_mb", "14")])).unwrap();
        assert!((heavy.init_p50 - base.init_p50 - 630.0).abs() < 30.0, "{}", heavy.init_p50);
    }

    #[test]
    fn init_is_capped_at_ten_seconds() {
        let r = evaluate(&v(&[("init_work_ms", "60000"), ("memory_mb", "128")])).unwrap();
        assert_eq!(r.init_p50, INIT_CAP_MS);
        assert!(r.init_capped_share > 0.99);
    }

    #[test]
    fn snapstart_only_for_supported_runtimes() {
        assert!(evaluate(&v(&[("snapstart", "true")])).is_err());
        let j = evaluate(&v(&[("runtime", "java21"), ("snapstart", "true")])).unwrap();
        assert!((j.init_p50 - RESTORE_MEDIAN_MS).abs() / RESTORE_MEDIAN_MS < 0.05);
        assert_eq!(j.billed_init_ms, 0.0);
    }
}

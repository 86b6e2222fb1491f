//! A power sweep's answers: metrics, the strategies' trade-offs, hand-offs.

use super::*;

impl PowerResult {
    /// The cost strategy's trade-off, said before anyone acts on it: when the
    /// cheapest size is much slower than the current one for little saving,
    /// what it costs in time and what the balanced strategy picks instead.
    pub fn tradeoff(&self) -> Option<String> {
        if self.strategy != "cost" || self.current.duration_ms <= 0.0 {
            return None;
        }
        let times = self.best.duration_ms / self.current.duration_ms;
        let (cheaper, _) = self.versus_current();
        if times < 1.5 {
            return None;
        }
        // With measurements, a measured size, as the recommendation itself.
        let rows: Vec<Row> = if self.measured.is_empty() {
            self.candidates.clone()
        } else {
            self.candidates.iter().filter(|r| r.measured).cloned().collect()
        };
        let balanced = pick(&rows, "balanced", 0.5, 0.0)?;
        let vs = |r: &Row| {
            let c = r.per_invocation.as_f64() / self.best.per_invocation.as_f64().max(1e-30) - 1.0;
            let d = 1.0 - r.duration_ms / self.best.duration_ms.max(1e-9);
            (c * 100.0, d * 100.0)
        };
        let (dearer, faster) = vs(&balanced);
        Some(format!(
            "{} MB saves {:.1}% against {} MB but takes {:.1} times as long ({:.0} ms instead of {:.0} ms). If callers wait for this function, the balanced strategy picks {} MB: {:.1}% dearer and {:.1}% faster than {} MB.",
            self.best.memory_mb,
            cheaper,
            self.current.memory_mb,
            times,
            self.best.duration_ms,
            self.current.duration_ms,
            balanced.memory_mb,
            dearer,
            faster,
            self.best.memory_mb
        ))
    }

    /// What "Monthly now" leaves out that the cost calculator prices for the
    /// same function at the current size, and the difference in dollars:
    /// the explorer prices the mean duration alone, so a spread, cold starts
    /// (their Init) and the products around the function are the cost page's.
    /// `None` when the two agree to the cent.
    pub fn month_difference(&self, v: &Values, carried: &[(String, String)], today: Date) -> Option<String> {
        let here = [
            ("memory_mb", self.current.memory_mb.to_string()),
            ("duration_ms", crate::params::fmt_round(self.current.duration_ms, 3)),
        ];
        let (cost, _) = crate::calculators::profile::handed(v, carried, COST_PARAMS, &here);
        // Read as the sweep reads its rows (one reader in this module's wasm).
        let input = CostInput::from_values(&cost, today).ok()?;
        let (month, products) = (billing::function_total(&input).ok()?, billing::has_products(&input));
        let ours = self.current.monthly;
        let mut left_out = Vec::new();
        if cost.num("duration_p99_ms") > 0.0 || cost.num("duration_cv") > 0.0 {
            left_out.push("the duration's spread");
        }
        if cost.num("cold_start_ratio") > 0.0 {
            left_out.push("cold starts and their Init");
        }
        if products {
            left_out.push("the front door, logs and other products set on the cost page");
        }
        let delta = (month - ours).round_cents();
        if delta.0 == 0 && !products {
            return None;
        }
        Some(format!(
            "Monthly figures here price the mean duration at each size{}: {} {} than the cost calculator's {} for the same function at {} MB{}.",
            if left_out.is_empty() { String::new() } else { format!(", without {}", left_out.join(", ")) },
            (if delta.0 < 0 { Usd(-delta.0) } else { delta }).cents_text(),
            if delta.0 < 0 { "more" } else { "less" },
            month.cents_text(),
            self.current.memory_mb,
            if products { " (the function alone; the cost calculator adds the products on top)" } else { "" }
        ))
    }

    /// A question for a described function whose share of time computing is
    /// still the default (all of it): most API handlers mostly wait.
    pub fn cpu_share_question(&self, v: &Values) -> Option<String> {
        (self.basis == Basis::Described && v.num(p!("cpu_fraction")) >= 1.0).then(|| {
            format!(
                "Is all of the {} ms at {} MB computing? The prediction assumes so (Share of time computing, cpu_fraction = 1), so more memory makes it faster in proportion. A handler that mostly waits for a database or another service is nearer 0.1 to 0.3 and gains little from memory: set the share, or paste REPORT lines from two or more sizes.",
                crate::params::fmt_round(v.num(p!("anchor_duration_ms")), 1),
                v.int(p!("anchor_memory_mb"))
            )
        })
    }

    /// Best against current: (cheaper %, faster %); negative means dearer/slower.
    pub fn versus_current(&self) -> (f64, f64) {
        let c0 = self.current.per_invocation.as_f64();
        let d0 = self.current.duration_ms;
        let pct = |new: f64, old: f64| if old > 0.0 { (old - new) / old * 100.0 } else { 0.0 };
        (pct(self.best.per_invocation.as_f64(), c0), pct(self.best.duration_ms, d0))
    }

    /// One sentence describing the chart: how duration and cost move with
    /// memory, and the recommendation. With measurements, the cheapest size it
    /// names is the cheapest *measured* one, as in the table below the chart;
    /// the model's own minimum is named as a prediction only where it differs.
    pub fn summary(&self) -> String {
        let ok = |r: &&Row| !r.out_of_memory && !r.timed_out;
        let cheapest_of =
            |rows: &mut dyn Iterator<Item = &Row>| rows.min_by(|a, b| a.per_million.cmp(&b.per_million)).cloned();
        let model_min = cheapest_of(&mut self.grid.iter().filter(ok));
        let measured_min = cheapest_of(&mut self.candidates.iter().filter(ok).filter(|r| r.measured));
        let ms = |x: f64| crate::params::grouped(x.round() as i64);
        let mb = |x: u32| crate::params::grouped(x as i64);
        let (Some(a), Some(b), Some(m)) = (self.grid.first(), self.grid.last(), model_min) else {
            return String::new();
        };
        let cheapest = match &measured_min {
            Some(c) if c.memory_mb == m.memory_mb => {
                format!(
                    "the cheapest measured size is {} MB ({} per million invocations)",
                    mb(c.memory_mb),
                    c.per_million.cents_text()
                )
            }
            Some(c) => format!(
                "the cheapest measured size is {} MB ({} per million invocations; the fitted model, a prediction, puts its minimum at {} MB, {})",
                mb(c.memory_mb),
                c.per_million.cents_text(),
                mb(m.memory_mb),
                m.per_million.cents_text()
            ),
            None => {
                // A flat stretch (CPU-bound work below one vCPU) ties to the cent: name it whole.
                let tied: Vec<u32> = self
                    .grid
                    .iter()
                    .filter(ok)
                    .filter(|r| r.per_million.round_cents() == m.per_million.round_cents())
                    .map(|r| r.memory_mb)
                    .collect();
                match (tied.first(), tied.last()) {
                    (Some(lo), Some(hi)) if lo != hi => format!(
                        "the model predicts cost per million invocations is lowest, {}, at every size from {} MB to {} MB",
                        m.per_million.cents_text(),
                        mb(*lo),
                        mb(*hi)
                    ),
                    _ => format!(
                        "the model predicts cost per million invocations is lowest at {} MB ({})",
                        mb(m.memory_mb),
                        m.per_million.cents_text()
                    ),
                }
            }
        };
        // Why the cost strategy's pick is not the cheapest row: a near-tie,
        // broken in favour of speed.
        let low = measured_min.as_ref().unwrap_or(&m);
        let why = if self.strategy == "cost" && self.best.memory_mb != low.memory_mb && low.per_million > Usd::ZERO {
            let pct = (self.best.per_million.as_f64() - low.per_million.as_f64()) / low.per_million.as_f64() * 100.0;
            if pct < 0.05 {
                " (as cheap, and faster)".to_string()
            } else {
                format!(" (as cheap to within {pct:.1}%, and faster)")
            }
        } else {
            String::new()
        };
        format!(
            "Modelled duration goes from {} ms at {} MB to {} ms at {} MB; {cheapest}; the {} strategy recommends {} MB{why}{}.",
            ms(a.duration_ms),
            mb(a.memory_mb),
            ms(b.duration_ms),
            mb(b.memory_mb),
            self.strategy,
            mb(self.best.memory_mb),
            if self.measured.is_empty() {
                String::new()
            } else {
                format!(
                    ", the best of {} measured sizes (circles){}",
                    self.measured.len(),
                    self.next_text().map(|t| format!("; {t}")).unwrap_or_default()
                )
            }
        )
    }

    /// What the model expects of the size worth measuring next, against the
    /// recommendation: "12.0% cheaper than 512 MB (beyond the measured sizes)".
    pub fn next_gain(&self) -> Option<String> {
        let (r, cheaper, faster) = self.next.as_ref()?;
        let gain = match self.strategy {
            "speed" => format!("{faster:.1}% faster"),
            "cost" => format!("{cheaper:.1}% cheaper"),
            _ => format!("{cheaper:.1}% cheaper and {faster:.1}% faster"),
        };
        Some(format!(
            "{gain} than {} MB{}",
            self.best.memory_mb,
            if r.extrapolated { " (beyond the measured sizes)" } else { "" }
        ))
    }

    /// "the model expects 1536 MB to be 12.0% cheaper than 512 MB (beyond the
    /// measured sizes): worth measuring next", or `None`.
    pub fn next_text(&self) -> Option<String> {
        let (r, _, _) = self.next.as_ref()?;
        Some(format!("the model expects {} MB to be {}: worth measuring next", r.memory_mb, self.next_gain()?))
    }

    /// What the fit's agreement with the points means, in words.
    pub fn fit_text(&self) -> Option<String> {
        Some(match self.fit_quality.as_ref()? {
            FitQuality::ExactByConstruction { sizes } => format!(
                "With {sizes} measured size{} the model can follow the points by construction, so how closely it fits them says nothing about other sizes. Measure at 4 or more sizes to see how well it predicts.",
                if *sizes == 1 { "" } else { "s" }
            ),
            FitQuality::LeaveOneOut { max_rel_error, worst_mb, sizes } => format!(
                "Leave-one-out check over {sizes} sizes: predicting each measured size from the others misses by at most {:.1}% (at {} MB).",
                max_rel_error * 100.0,
                worst_mb
            ),
        })
    }

    /// "12.5% cheaper and 40.0% faster" (or dearer/slower), best against current.
    pub fn versus_text(&self) -> String {
        let (c, f) = self.versus_current();
        let word = |x: f64, good: &str, bad: &str| {
            if x.abs() < 0.05 {
                format!("the same {}", if good == "cheaper" { "cost" } else { "speed" })
            } else if x > 0.0 {
                format!("{x:.1}% {good}")
            } else {
                format!("{:.1}% {bad}", -x)
            }
        };
        format!("{} and {}", word(c, "cheaper", "dearer"), word(f, "faster", "slower"))
    }

    pub fn metrics(&self) -> Vec<(&'static str, MetricValue)> {
        let (cheaper, faster) = self.versus_current();
        // With so few sizes that the fit follows them by construction, its
        // R² and error say nothing: they are left out rather than boasted.
        let fit = match (&self.basis, &self.fit_quality) {
            (Basis::Fitted(f), Some(FitQuality::LeaveOneOut { .. })) => {
                (MetricValue::Num(f.r2), MetricValue::Num(f.max_rel_error))
            }
            _ => (MetricValue::Missing, MetricValue::Missing),
        };
        let loo = match self.fit_quality {
            Some(FitQuality::LeaveOneOut { max_rel_error, .. }) => MetricValue::Num(round6(max_rel_error)),
            _ => MetricValue::Missing,
        };
        let next = match &self.next {
            Some((r, cheaper, faster)) => (
                MetricValue::Count(r.memory_mb as u128),
                MetricValue::Num(round6(*cheaper)),
                MetricValue::Num(round6(*faster)),
            ),
            None => (MetricValue::Missing, MetricValue::Missing, MetricValue::Missing),
        };
        vec![
            ("duration_ms", MetricValue::Num(round6(self.current.duration_ms))),
            ("cost_per_invocation_usd", MetricValue::Usd(self.current.per_invocation)),
            ("cost_per_million_usd", MetricValue::Usd(self.current.per_million)),
            ("monthly_usd", MetricValue::Usd(self.current.monthly)),
            ("best_memory_mb", MetricValue::Count(self.best.memory_mb as u128)),
            ("best_duration_ms", MetricValue::Num(round6(self.best.duration_ms))),
            ("best_cost_per_million_usd", MetricValue::Usd(self.best.per_million)),
            ("best_monthly_usd", MetricValue::Usd(self.best.monthly)),
            ("cheaper_pct", MetricValue::Num(round6(cheaper))),
            ("faster_pct", MetricValue::Num(round6(faster))),
            ("fit_r2", fit.0),
            ("fit_max_rel_error", fit.1),
            ("fit_loo_error", loo),
            ("next_memory_mb", next.0),
            ("next_cheaper_pct", next.1),
            ("next_faster_pct", next.2),
        ]
    }

    /// The sweep as CSV (candidates, then the current size if not among them).
    pub fn to_csv(&self) -> String {
        let mut s = String::from(
            "memory_mb,duration_ms,source,cost_per_invocation_usd,cost_per_million_usd,monthly_usd,out_of_memory,iso_cost_duration_ms\n",
        );
        for r in &self.candidates {
            s.push_str(&format!(
                "{},{},{},{},{},{},{},{}\n",
                r.memory_mb,
                round6(r.duration_ms),
                if r.measured { "measured" } else { "model" },
                r.per_invocation,
                r.per_million,
                r.monthly,
                r.out_of_memory,
                round6(r.iso_cost_ms)
            ));
        }
        s
    }
}

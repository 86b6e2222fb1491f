//! CloudWatch `REPORT` lines: one per invocation, tab-separated fields such as
//! `Duration: 250.06 ms`, `Billed Duration: 351 ms`, `Memory Size: 1024 MB`,
//! `Max Memory Used: 90 MB`, and on cold starts `Init Duration: 100.77 ms`
//! (SnapStart: `Restore Duration`, `Billed Restore Duration`). Logs also hold
//! START/END and application lines, often behind a timestamp; those are
//! skipped and counted, never fatal.

use crate::models::scaling::Point;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub duration_ms: f64,
    pub billed_duration_ms: Option<f64>,
    pub memory_mb: f64,
    pub max_memory_used_mb: Option<f64>,
    pub init_ms: Option<f64>,
    pub restore_ms: Option<f64>,
    pub billed_restore_ms: Option<f64>,
}

impl Report {
    /// A cold start: it carries an Init Duration (or a SnapStart restore).
    pub fn is_cold(&self) -> bool {
        self.init_ms.is_some() || self.restore_ms.is_some()
    }
}

/// What a pasted block of log text held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedLog {
    pub reports: Vec<Report>,
    /// Lines that were not REPORT lines (START, END, application output, blank).
    pub skipped: usize,
    /// REPORT lines that lacked a Duration or Memory Size, with their line numbers.
    pub malformed: Vec<usize>,
}

/// Per memory size: warm and cold summaries.
#[derive(Clone, Debug, PartialEq)]
pub struct SizeSummary {
    pub memory_mb: f64,
    pub warm_count: usize,
    pub cold_count: usize,
    pub warm_mean_ms: Option<f64>,
    /// Standard deviation ÷ mean of the warm durations (two or more).
    pub warm_cv: Option<f64>,
    pub cold_mean_ms: Option<f64>,
    pub init_mean_ms: Option<f64>,
    pub max_memory_used_mb: Option<f64>,
}

fn field(line: &str, name: &str) -> Option<f64> {
    // Fields are separated by tabs (or runs of spaces once copied); find
    // "Name: <number> <unit>" where Name is preceded by a separator or start.
    let mut from = 0;
    while let Some(pos) = line[from..].find(name) {
        let at = from + pos;
        let before_ok = at == 0 || line[..at].ends_with(['\t', ' ']);
        // "Duration" must not match inside "Billed Duration" / "Init Duration".
        let prefixed = ["Billed ", "Init ", "Restore ", "Billed Restore "]
            .iter()
            .any(|p| !name.starts_with(p) && line[..at].ends_with(p));
        let rest = &line[at + name.len()..];
        if before_ok
            && !prefixed
            && let Some(v) = rest.strip_prefix(':')
        {
            let num: String = v.trim_start().chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
            return crate::base::decimal::parse_f64(&num).filter(|x| x.is_finite());
        }
        from = at + name.len();
    }
    None
}

/// Parses any pasted log text. Never fails.
pub fn parse(text: &str) -> ParsedLog {
    let mut out = ParsedLog::default();
    out.feed(text, 0);
    out
}

/// Parses a log read as bytes (a file): a line that is not valid UTF-8 is
/// skipped and counted like any other unreadable line, instead of refusing
/// the whole file.
pub fn parse_bytes(bytes: &[u8]) -> ParsedLog {
    let mut out = ParsedLog::default();
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    if body.is_empty() {
        return out;
    }
    for (n, raw) in body.split(|b| *b == b'\n').enumerate() {
        match std::str::from_utf8(raw) {
            Ok(line) => out.add_line(n + 1, line.trim_end_matches('\r')),
            Err(_) if String::from_utf8_lossy(raw).contains("REPORT RequestId:") => out.malformed.push(n + 1),
            Err(_) => out.skipped += 1,
        }
    }
    out
}

/// Lambda's memory sizes: whole megabytes from 128 to 10,240.
fn is_memory_size(m: f64) -> bool {
    m.fract() == 0.0 && (128.0..=10240.0).contains(&m)
}

impl ParsedLog {
    /// Adds the lines of `text`, numbering them after `first_line - 1`
    /// lines already read (so a long log can be parsed a piece at a time).
    pub fn feed(&mut self, text: &str, lines_before: usize) {
        for (n, line) in text.lines().enumerate() {
            self.add_line(lines_before + n + 1, line);
        }
    }

    /// Reads one line, numbered from 1 (for lines split elsewhere, such as
    /// a file read a slice at a time by [`crate::base::lines::Lines`]).
    pub fn add_line(&mut self, number: usize, line: &str) {
        let Some(at) = line.find("REPORT RequestId:") else {
            self.skipped += 1;
            return;
        };
        let l = &line[at..];
        match (field(l, "Duration"), field(l, "Memory Size")) {
            (Some(d), Some(m)) if d >= 0.0 && is_memory_size(m) => self.reports.push(Report {
                duration_ms: d,
                billed_duration_ms: field(l, "Billed Duration"),
                memory_mb: m,
                max_memory_used_mb: field(l, "Max Memory Used"),
                init_ms: field(l, "Init Duration"),
                restore_ms: field(l, "Restore Duration"),
                billed_restore_ms: field(l, "Billed Restore Duration"),
            }),
            _ => self.malformed.push(number),
        }
    }

    /// Warm and cold statistics per memory size, smallest size first.
    pub fn by_size(&self) -> Vec<SizeSummary> {
        let sizes = crate::base::num::distinct_sorted(self.reports.iter().map(|r| r.memory_mb), f64::total_cmp);
        sizes
            .into_iter()
            .map(|m| {
                let rs: Vec<&Report> = self.reports.iter().filter(|r| r.memory_mb == m).collect();
                let mean = |v: Vec<f64>| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
                let warm: Vec<f64> = rs.iter().filter(|r| !r.is_cold()).map(|r| r.duration_ms).collect();
                let cold: Vec<f64> = rs.iter().filter(|r| r.is_cold()).map(|r| r.duration_ms).collect();
                let warm_cv = (warm.len() >= 2).then(|| crate::base::stats::cv(&warm)).flatten();
                SizeSummary {
                    memory_mb: m,
                    warm_count: warm.len(),
                    cold_count: cold.len(),
                    warm_cv,
                    warm_mean_ms: mean(warm),
                    cold_mean_ms: mean(cold),
                    init_mean_ms: mean(rs.iter().filter_map(|r| r.init_ms).collect()),
                    max_memory_used_mb: rs.iter().filter_map(|r| r.max_memory_used_mb).reduce(f64::max),
                }
            })
            .collect()
    }

    /// Mean warm duration per size, as points for the fit (sizes with only
    /// cold invocations use those, since that is all there is).
    pub fn points(&self) -> Vec<Point> {
        self.by_size()
            .iter()
            .filter_map(|s| s.warm_mean_ms.or(s.cold_mean_ms).map(|d| Point { memory_mb: s.memory_mb, duration_ms: d }))
            .collect()
    }

    /// The spread of the warm durations per size, as `points_cv` writes it
    /// (`memory:CV`, sizes with two or more warm invocations and any spread).
    pub fn spreads(&self) -> String {
        self.by_size()
            .iter()
            .filter_map(|s| {
                s.warm_cv
                    .filter(|cv| *cv > 0.0)
                    .map(|cv| format!("{}:{}", s.memory_mb, crate::params::fmt_round(cv.min(5.0), 6)))
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn max_memory_used_mb(&self) -> Option<f64> {
        self.reports.iter().filter_map(|r| r.max_memory_used_mb).reduce(f64::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_byte_costs_one_line_not_the_log() {
        let mut log = b"START RequestId: 1\n".to_vec();
        log.extend_from_slice(
            b"REPORT RequestId: a\tDuration: 100.5 ms\tBilled Duration: 101 ms\tMemory Size: 512 MB\n",
        );
        log.extend_from_slice(b"app line \xff\xfe garbage\n");
        log.extend_from_slice(b"REPORT RequestId: b\tDuration: 90 ms\tMemory Size: 512 MB\xff\n");
        log.extend_from_slice(b"REPORT RequestId: c\tDuration: 80 ms\tMemory Size: 1024 MB\r\n");
        let p = parse_bytes(&log);
        assert_eq!(p.reports.len(), 2);
        assert_eq!(p.skipped, 2);
        assert_eq!(p.malformed, vec![4]);
        assert_eq!(parse_bytes(b""), ParsedLog::default());
    }

    #[test]
    fn memory_sizes_are_whole_megabytes_in_lambdas_range() {
        let p = parse(
            "REPORT RequestId: a\tDuration: 1 ms\tMemory Size: 1024.5 MB\n\
             REPORT RequestId: b\tDuration: 1 ms\tMemory Size: 64 MB\n\
             REPORT RequestId: c\tDuration: 1 ms\tMemory Size: 20480 MB\n\
             REPORT RequestId: d\tDuration: 1 ms\tMemory Size: 128 MB",
        );
        assert_eq!(p.malformed, vec![1, 2, 3]);
        assert_eq!(p.reports.len(), 1);
    }

    #[test]
    fn feeding_in_pieces_numbers_lines_like_one_parse() {
        let text = "x\nREPORT RequestId: a\tDuration: 1 ms\nREPORT RequestId: b\tDuration: 2 ms\tMemory Size: 256 MB\n";
        let whole = parse(text);
        let mut pieces = ParsedLog::default();
        pieces.feed("x\nREPORT RequestId: a\tDuration: 1 ms", 0);
        pieces.feed("REPORT RequestId: b\tDuration: 2 ms\tMemory Size: 256 MB", 2);
        assert_eq!(pieces, whole);
        assert_eq!(whole.malformed, vec![2]);
    }

    const SAMPLE: &str = "REPORT RequestId: 5e2b7a8c-0f3e-4a6f-9d3c-1b2a3c4d5e6f\tDuration: 250.06 ms\tBilled Duration: 351 ms\tMemory Size: 1024 MB\tMax Memory Used: 90 MB\tInit Duration: 100.77 ms
REPORT RequestId: 7a1c2d3e-4f50-6172-8394-a5b6c7d8e9f0\tDuration: 102.31 ms\tBilled Duration: 103 ms\tMemory Size: 1024 MB\tMax Memory Used: 91 MB
REPORT RequestId: 9b8c7d6e-5f4a-3b2c-1d0e-f9a8b7c6d5e4\tDuration: 469.40 ms\tBilled Duration: 500 ms\tMemory Size: 1024 MB\tMax Memory Used: 90 MB\tRestore Duration: 474.16 ms\tBilled Restore Duration: 75 ms";

    #[test]
    fn parses_the_real_format() {
        let p = parse(SAMPLE);
        assert_eq!(p.reports.len(), 3);
        assert_eq!(p.skipped, 0);
        let r = &p.reports[0];
        assert_eq!((r.duration_ms, r.billed_duration_ms, r.memory_mb), (250.06, Some(351.0), 1024.0));
        assert_eq!((r.max_memory_used_mb, r.init_ms), (Some(90.0), Some(100.77)));
        assert!(r.is_cold());
        assert!(!p.reports[1].is_cold());
        let s = &p.reports[2];
        assert_eq!((s.restore_ms, s.billed_restore_ms, s.init_ms), (Some(474.16), Some(75.0), None));
        let by = p.by_size();
        assert_eq!(by.len(), 1);
        assert_eq!((by[0].warm_count, by[0].cold_count), (1, 2));
        assert_eq!(p.max_memory_used_mb(), Some(91.0));
    }

    #[test]
    fn skips_and_counts_noise_and_never_fails() {
        let text = format!(
            "2026-11-23T10:00:00.000Z START RequestId: abc Version: $LATEST\n\
             2026-11-23T10:00:00.010Z\tabc\tINFO\thello\n\
             2026-11-23T10:00:00.100Z {}\n\
             END RequestId: abc\n\
             REPORT RequestId: broken\tBilled Duration: 5 ms\n\
             \u{1F4A5} garbage \0 \n\n",
            SAMPLE.lines().nth(1).unwrap()
        );
        let p = parse(&text);
        assert_eq!(p.reports.len(), 1);
        assert_eq!(p.reports[0].duration_ms, 102.31, "Duration is not confused with Billed Duration");
        assert_eq!(p.malformed, vec![5]);
        assert_eq!(p.skipped, 5);
    }

    #[test]
    fn space_separated_copies_parse_too() {
        let p = parse(
            "REPORT RequestId: x  Duration: 12.5 ms  Billed Duration: 13 ms  Memory Size: 128 MB  Max Memory Used: 60 MB",
        );
        assert_eq!(p.reports[0].duration_ms, 12.5);
        assert_eq!(p.reports[0].memory_mb, 128.0);
    }
}

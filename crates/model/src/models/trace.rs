//! Arrival traces read from a file of timestamps, a slice at a time, so a
//! file of any size is read with bounded memory and the page stays
//! responsive. The `trace` parameter travels in the link and holds at most
//! [`crate::simulation`]'s limit of characters, so a long file yields two honest
//! answers: its first part that fits (rebased to start at 0 s) and its mean
//! rate over the whole span, to simulate as steady traffic instead.
//!
//! A line's first column (split at `,` `;` or a tab, quotes trimmed) is its
//! timestamp: seconds from the start, epoch seconds, epoch milliseconds or
//! an ISO 8601 date-time (UTC unless it carries an offset). The first valid
//! timestamp decides which; lines that do not read as the same kind (a
//! header, a stray note) are skipped and counted. A file of a single line is
//! read as a list: every field is a timestamp.

use crate::base::lines::Lines;

/// How a file's timestamps read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// Seconds from the start of the trace.
    Relative,
    /// Seconds since 1970-01-01 UTC (a value of 10⁸ or more).
    EpochSeconds,
    /// Milliseconds since 1970-01-01 UTC (a value of 10¹¹ or more).
    EpochMillis,
    /// `2026-12-03T11:40:48.123Z` and similar.
    Iso8601,
}

impl Clock {
    pub fn describe(self) -> &'static str {
        match self {
            Clock::Relative => "seconds from the start",
            Clock::EpochSeconds => "Unix times in seconds",
            Clock::EpochMillis => "Unix times in milliseconds",
            Clock::Iso8601 => "ISO 8601 date-times",
        }
    }
}

/// A line that was not a timestamp, kept for the message (at most three).
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    pub line: usize,
    pub text: String,
}

/// Reads timestamps a slice at a time.
#[derive(Clone, Debug)]
pub struct TraceReader {
    lines: Lines,
    max_len: usize,
    first_line: Option<String>,
    clock: Option<Clock>,
    count: u64,
    min: f64,
    max: f64,
    kept: Vec<f64>,
    skipped: usize,
    examples: Vec<Skipped>,
}

/// What a whole file held.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceSummary {
    /// Timestamps read.
    pub count: u64,
    /// Lines (or fields) that were not timestamps of the file's kind.
    pub skipped: usize,
    pub examples: Vec<Skipped>,
    /// `None` when the file held no timestamp.
    pub clock: Option<Clock>,
    /// From the earliest to the latest timestamp, in seconds.
    pub span_s: f64,
    /// Arrivals per second: gaps between timestamps over the span (`None`
    /// for a span of zero).
    pub mean_rate_per_s: Option<f64>,
    /// The first timestamps that fit in the `trace` parameter, seconds from
    /// the earliest timestamp in the file, to the millisecond.
    pub trace: String,
    /// How many timestamps `trace` holds.
    pub kept: usize,
    /// The simulated time that covers every kept timestamp (whole seconds).
    pub sim_seconds: f64,
}

impl TraceSummary {
    /// Every timestamp in the file fits in `trace`.
    pub fn complete(&self) -> bool {
        self.kept as u64 == self.count
    }
}

/// Values of this size are Unix times, not offsets from the start.
const EPOCH_SECONDS_FROM: f64 = 1e8;
const EPOCH_MILLIS_FROM: f64 = 1e11;

impl TraceReader {
    /// A reader whose kept part fits in `max_len` characters.
    pub fn new(max_len: usize) -> TraceReader {
        TraceReader {
            lines: Lines::default(),
            max_len,
            first_line: None,
            clock: None,
            count: 0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            kept: Vec::new(),
            skipped: 0,
            examples: Vec::new(),
        }
    }

    /// Reads one slice of the file.
    pub fn feed(&mut self, bytes: &[u8]) {
        let mut lines = std::mem::take(&mut self.lines);
        lines.feed(bytes, |n, line| self.line(n, line));
        self.lines = lines;
    }

    /// Ends the file and sums it up.
    pub fn finish(mut self) -> TraceSummary {
        let mut lines = std::mem::take(&mut self.lines);
        lines.finish(|n, line| self.line(n, line));
        if let Some(only) = self.first_line.take() {
            // The whole file was one line: a list of timestamps.
            for field in only.split([',', ';', '\t', ' ']).map(clean).filter(|f| !f.is_empty()) {
                self.timestamp(1, field);
            }
        }
        self.summary()
    }

    fn line(&mut self, n: usize, line: &str) {
        if n == 1 {
            self.first_line = Some(line.to_string());
            return;
        }
        if let Some(first) = self.first_line.take() {
            self.first_column(1, &first);
        }
        self.first_column(n, line);
    }

    fn first_column(&mut self, n: usize, line: &str) {
        let field = clean(line.split([',', ';', '\t']).next().unwrap_or(""));
        if field.is_empty() {
            return; // Blank lines are not worth a mention.
        }
        self.timestamp(n, field);
    }

    fn timestamp(&mut self, n: usize, field: &str) {
        let Some((clock, seconds)) = read_time(field, self.clock) else {
            self.skipped += 1;
            if self.examples.len() < 3 {
                self.examples.push(Skipped { line: n, text: field.chars().take(40).collect() });
            }
            return;
        };
        self.clock = Some(clock);
        self.count += 1;
        self.min = self.min.min(seconds);
        self.max = self.max.max(seconds);
        // Each kept time takes at least two characters with its comma.
        if self.kept.len() < self.max_len / 2 {
            self.kept.push(seconds);
        }
    }

    fn summary(self) -> TraceSummary {
        let origin = match self.clock {
            Some(Clock::Relative) | None => 0.0,
            Some(_) => self.min,
        };
        let mut trace = String::new();
        let mut kept = 0;
        let mut last_ms = 0;
        for t in &self.kept {
            let ms = ((t - origin) * 1000.0).round() as u64;
            let s = ms_text(ms);
            if trace.len() + usize::from(!trace.is_empty()) + s.len() > self.max_len {
                break;
            }
            if !trace.is_empty() {
                trace.push(',');
            }
            trace.push_str(&s);
            kept += 1;
            last_ms = last_ms.max(ms);
        }
        let span_s = if self.count == 0 { 0.0 } else { self.max - self.min };
        TraceSummary {
            count: self.count,
            skipped: self.skipped,
            examples: self.examples,
            clock: self.clock,
            span_s,
            // n arrivals span n − 1 gaps.
            mean_rate_per_s: (span_s > 0.0).then(|| (self.count - 1) as f64 / span_s),
            trace,
            kept,
            sim_seconds: (last_ms / 1000 + 1) as f64,
        }
    }
}

/// A field without its surrounding blanks and quotes.
fn clean(field: &str) -> &str {
    field.trim().trim_matches(['"', '\'']).trim()
}

/// Milliseconds as seconds, without trailing zeros.
fn ms_text(ms: u64) -> String {
    match ms % 1000 {
        0 => format!("{}", ms / 1000),
        f => format!("{}.{:03}", ms / 1000, f).trim_end_matches('0').to_string(),
    }
}

/// Reads one timestamp as seconds, in the kind `clock` already chosen (or
/// choosing one). Relative times are 0 or more.
fn read_time(field: &str, clock: Option<Clock>) -> Option<(Clock, f64)> {
    if let Some(x) = crate::params::parse_number(field) {
        let kind = if x >= EPOCH_MILLIS_FROM {
            Clock::EpochMillis
        } else if x >= EPOCH_SECONDS_FROM {
            Clock::EpochSeconds
        } else {
            Clock::Relative
        };
        let kind = match clock {
            // Once a file is in seconds from the start, any size is seconds.
            Some(Clock::Relative) if x >= 0.0 => Clock::Relative,
            Some(c) if c != kind => return None,
            _ => kind,
        };
        return match kind {
            _ if x < 0.0 => None,
            Clock::EpochMillis => Some((kind, x / 1000.0)),
            _ => Some((kind, x)),
        };
    }
    if clock.is_some_and(|c| c != Clock::Iso8601) {
        return None;
    }
    iso8601_seconds(field).map(|s| (Clock::Iso8601, s))
}

/// `YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|±HH:MM|±HHMM]` as Unix seconds.
pub fn iso8601_seconds(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let digits = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return None;
    }
    if !(1970..=9999).contains(&year)
        || !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut at = 19;
    let mut fraction = 0.0;
    if matches!(b.get(at), Some(b'.' | b',')) {
        let start = at + 1;
        at = start;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        if at == start {
            return None;
        }
        fraction = crate::base::decimal::parse_f64(&format!("0.{}", &s[start..at]))?;
    }
    let offset_s = match &b[at..] {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), ..] => {
            let (h, m) = match b.len() - at {
                6 if b[at + 3] == b':' => (digits(at + 1, 2)?, digits(at + 4, 2)?),
                5 => (digits(at + 1, 2)?, digits(at + 3, 2)?),
                3 => (digits(at + 1, 2)?, 0),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            let o = h * 3600 + m * 60;
            if *sign == b'+' { o } else { -o }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let whole = days * 86_400 + hour * 3600 + minute * 60 + second - offset_s;
    Some(whole as f64 + fraction)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, max_len: usize) -> TraceSummary {
        let mut r = TraceReader::new(max_len);
        r.feed(text.as_bytes());
        r.finish()
    }

    #[test]
    fn seconds_from_the_start_one_per_line_with_a_header() {
        let s = read("time,path\n0,/a\n0.5,/b\n\n12.25,/c\n", 100);
        assert_eq!(s.clock, Some(Clock::Relative));
        assert_eq!((s.count, s.skipped, s.kept), (3, 1, 3));
        assert_eq!(s.examples, vec![Skipped { line: 1, text: "time".into() }]);
        assert_eq!(s.trace, "0,0.5,12.25");
        assert_eq!(s.span_s, 12.25);
        assert_eq!(s.sim_seconds, 13.0);
        assert!(s.complete());
    }

    #[test]
    fn one_line_is_a_list_and_it_matches_the_parameter_format() {
        let s = read("0, 0.5 ,12.25", 100);
        assert_eq!((s.count, s.trace.as_str()), (3, "0,0.5,12.25"));
    }

    #[test]
    fn unix_times_are_rebased_to_the_earliest() {
        let s = read("1764762048.5\n1764762048\n1764762050.25\n", 100);
        assert_eq!(s.clock, Some(Clock::EpochSeconds));
        assert_eq!(s.trace, "0.5,0,2.25");
        let ms = read("\"1764762048000\"\n\"1764762048250\"\n", 100);
        assert_eq!(ms.clock, Some(Clock::EpochMillis));
        assert_eq!(ms.trace, "0,0.25");
        assert_eq!(ms.mean_rate_per_s, Some(4.0));
    }

    #[test]
    fn iso_times_with_offsets_and_fractions() {
        assert_eq!(iso8601_seconds("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(iso8601_seconds("2026-12-03T11:40:48Z"), Some(1_796_298_048.0));
        assert_eq!(iso8601_seconds("2026-12-03 12:40:48+01:00"), Some(1_796_298_048.0));
        assert_eq!(iso8601_seconds("2026-12-03T06:40:48-0500"), Some(1_796_298_048.0));
        assert_eq!(iso8601_seconds("2024-02-29T00:00:00.25"), Some(1_709_164_800.25));
        for bad in [
            "2023-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-12-03T24:00:00Z",
            "2026-12-03",
            "2026-12-03T11:40:48.Z",
            "2026-12-03T11:40:48+1",
        ] {
            assert_eq!(iso8601_seconds(bad), None, "{bad}");
        }
        let s = read("ts,status\n2026-12-03T11:40:48.100Z,200\n2026-12-03T11:40:49Z,500\n", 100);
        assert_eq!((s.clock, s.trace.as_str()), (Some(Clock::Iso8601), "0,0.9"));
    }

    #[test]
    fn a_long_file_keeps_the_first_part_and_the_whole_rate() {
        let text: String = (0..10_000).map(|i| format!("{}\n", i as f64 / 10.0)).collect();
        let s = read(&text, 100);
        assert_eq!(s.count, 10_000);
        assert!(!s.complete());
        assert!(s.trace.len() <= 100 && s.kept > 10, "{}", s.trace);
        assert!(s.trace.starts_with("0,0.1,0.2,"));
        assert_eq!(s.mean_rate_per_s.map(|r| (r * 1000.0).round() / 1000.0), Some(10.0));
        let mut v = crate::params::Values::defaults(crate::simulation::SIM_PARAMS);
        v.set("arrival", "trace").unwrap();
        v.set("trace", &s.trace).unwrap();
        v.set("sim_seconds", &s.sim_seconds.to_string()).unwrap();
        let cfg = crate::simulation::config(&v).unwrap();
        assert!(
            matches!(cfg.arrivals, crate::simulation::Arrivals::Trace { ref times_us } if times_us.len() == s.kept)
        );
    }

    #[test]
    fn kinds_do_not_mix_and_negative_offsets_are_skipped() {
        let s = read("1764762048\n5\n-1\n1764762049\n", 100);
        assert_eq!((s.count, s.skipped, s.trace.as_str()), (2, 2, "0,1"));
        let r = read("5\n1764762048\n-1\n", 100);
        assert_eq!((r.clock, r.count, r.skipped), (Some(Clock::Relative), 2, 1));
        let none = read("hello\nworld\n", 100);
        assert_eq!((none.clock, none.count, none.kept, none.trace.as_str()), (None, 0, 0, ""));
    }

    #[test]
    fn the_simulated_time_covers_a_time_rounded_up() {
        let s = read("0\n4.9996\n", 100);
        assert_eq!((s.trace.as_str(), s.sim_seconds), ("0,5", 6.0));
    }

    #[test]
    fn slices_of_any_size_read_like_the_whole() {
        let text = "t\n0.001\n2026\n3.5\r\n4\n";
        let whole = read(text, 100);
        for size in 1..text.len() {
            let mut r = TraceReader::new(100);
            for piece in text.as_bytes().chunks(size) {
                r.feed(piece);
            }
            assert_eq!(r.finish(), whole, "slices of {size}");
        }
    }
}

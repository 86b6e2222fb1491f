//! Importing AWS Lambda Power Tuning results: its visualization link
//! (`…#<sizes>;<durations>;<costs>`, each base64 of little-endian Int16 /
//! Float32 / Float32; a comparison link has 8 parts) or the state machine's
//! JSON output (`results.stats[] = {value, averagePrice, averageDuration}`).

/// One row of a Power Tuning result: its own figures, as it reported them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TunedPoint {
    pub memory_mb: f64,
    pub duration_ms: f64,
    /// Power Tuning's average cost per invocation (no request fee, rounded prices).
    pub cost_usd: f64,
}

/// Standard base64 (also URL-safe characters), padding optional.
pub fn base64_decode(s: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, c) in s.trim().trim_end_matches('=').bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return Err(ui_format!("character {} ('{}') is not base64", i + 1, (c as char).escape_default())),
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}

fn field<T>(part: &str, name: &str, width: usize, read: impl Fn(&[u8]) -> T) -> Result<Vec<T>, String> {
    let bytes = base64_decode(part).map_err(|e| ui_format!("The {name} field is not valid base64: {e}."))?;
    if bytes.is_empty() || bytes.len() % width != 0 {
        return Err(ui_format!(
            "The {name} field holds {} bytes, which is not a whole number of {width}-byte values.",
            bytes.len()
        ));
    }
    Ok(bytes.chunks_exact(width).map(read).collect())
}

/// Decodes a visualization link or its hash. Returns run A (and run B for a
/// comparison link).
pub fn decode_link(link: &str) -> Result<Vec<Vec<TunedPoint>>, String> {
    let hash = link.trim().rsplit_once('#').map_or(link.trim(), |(_, h)| h);
    // In a hash `+` is literal (base64), unlike in a form-encoded query.
    let hash = crate::params::percent_decode(&hash.replace('+', "%2B"));
    let parts: Vec<&str> = hash.split(';').collect();
    let runs = match parts.len() {
        3 => 1,
        8 => 2,
        n => {
            return Err(ui_format!(
                "A Power Tuning link has 3 parts after # (sizes;durations;costs), or 8 for a comparison; this one has {n}."
            ));
        }
    };
    let mut out = Vec::new();
    for r in 0..runs {
        let p = &parts[r * 3..r * 3 + 3];
        let sizes = field(p[0], "memory sizes", 2, |b| i16::from_le_bytes([b[0], b[1]]) as f64)?;
        let durations = field(p[1], "durations", 4, |b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64)?;
        let costs = field(p[2], "costs", 4, |b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64)?;
        if sizes.len() != durations.len() || sizes.len() != costs.len() {
            return Err(ui_format!(
                "The link's fields disagree: {} sizes, {} durations, {} costs.",
                sizes.len(),
                durations.len(),
                costs.len()
            ));
        }
        let mut run = Vec::new();
        for ((m, d), c) in sizes.into_iter().zip(durations).zip(costs) {
            run.push(point(m, d, c).map_err(|e| ui_format!("The link holds an impossible row: {e}"))?);
        }
        out.push(run);
    }
    Ok(out)
}

/// The most one invocation can cost: 10,240 MB for 15 minutes at the
/// dearest published rate is about $0.25; a dollar leaves room for any region.
const MAX_COST_USD: f64 = 1.0;
/// The least: 128 MB for 1 ms at the cheapest rate is about $1.7e-9; Power
/// Tuning's figures are 32-bit floats, so a tenth of that is still a price.
const MIN_COST_USD: f64 = 1e-10;

/// One measured size, checked against what Lambda and Power Tuning can
/// produce: whole megabytes from 128 to 10,240, a duration up to 15 minutes,
/// a per-invocation cost from $1e-10 to $1.
fn point(m: f64, d: f64, c: f64) -> Result<TunedPoint, String> {
    let t = crate::base::digits::fmt_shortest;
    if !(m.fract() == 0.0 && (128.0..=10240.0).contains(&m)) {
        return Err(ui_format!("{} MB; memory sizes are whole megabytes from 128 to 10,240.", t(m)));
    }
    if !(d.is_finite() && d > 0.0 && d <= 900_000.0) {
        return Err(ui_format!("{} ms at {} MB; durations run from above 0 to 900,000 ms (15 minutes).", t(d), t(m)));
    }
    if !(c.is_finite() && (MIN_COST_USD..=MAX_COST_USD).contains(&c)) {
        return Err(ui_format!(
            "${} per invocation at {} MB; a Lambda invocation costs between ${} and ${}.",
            t(c),
            t(m),
            t(MIN_COST_USD),
            t(MAX_COST_USD)
        ));
    }
    Ok(TunedPoint { memory_mb: m, duration_ms: d, cost_usd: c })
}

/// Reads the state machine's JSON output (the whole execution output, or
/// just its `results`). Falls back to its `visualization` link if `stats`
/// were not included.
pub fn decode_json(text: &str) -> Result<Vec<TunedPoint>, String> {
    let doc = crate::base::json::parse(text).map_err(|e| {
        ui_format!("That is not JSON ({e}); paste the state machine's output or its visualization link.")
    })?;
    let results = doc.get("results").unwrap_or(&doc);
    if let Some(stats) = results.get("stats").and_then(|s| s.as_array()) {
        let mut out = Vec::new();
        for (i, s) in stats.iter().enumerate() {
            let num = |k: &str| {
                s.get(k).and_then(|v| v.as_f64().or_else(|| v.as_str().and_then(crate::base::decimal::parse_f64)))
            };
            match (num("value"), num("averageDuration"), num("averagePrice")) {
                (Some(m), Some(d), Some(c)) => out.push(point(m, d, c).map_err(|e| ui_format!("stats[{i}]: {e}"))?),
                _ => {
                    return Err(ui_format!(
                        "stats[{i}] needs value (a memory size), averageDuration (ms) and averagePrice (USD)."
                    ));
                }
            }
        }
        if out.is_empty() {
            return Err("The output's stats list is empty.".into());
        }
        return Ok(out);
    }
    if let Some(link) = results.pointer("/stateMachine/visualization").and_then(|v| v.as_str()) {
        return decode_link(link).map(|mut runs| runs.remove(0));
    }
    Err("The JSON has neither results.stats nor results.stateMachine.visualization; run Power Tuning with includeOutputResults.".into())
}

/// Either format, detected from the text.
pub fn decode_any(text: &str) -> Result<Vec<TunedPoint>, String> {
    if text.trim_start().starts_with('{') { decode_json(text) } else { decode_link(text).map(|mut r| r.remove(0)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "https://lambda-power-tuning.show/#gAAAAQACAAQABg==;AAAWRQAAlkQAABZEAACWQwAAlkM=;rMWnNqzFpzasxac2rMWnNoKo+zY=";

    #[test]
    fn decodes_the_sample_link() {
        let runs = decode_link(SAMPLE).unwrap();
        let r = &runs[0];
        let sizes: Vec<f64> = r.iter().map(|p| p.memory_mb).collect();
        let ms: Vec<f64> = r.iter().map(|p| p.duration_ms).collect();
        assert_eq!(sizes, vec![128.0, 256.0, 512.0, 1024.0, 1536.0]);
        assert_eq!(ms, vec![2400.0, 1200.0, 600.0, 300.0, 300.0]);
        assert!((r[0].cost_usd - 5.0e-6).abs() < 1e-12);
        assert!((r[4].cost_usd - 7.5e-6).abs() < 1e-12);
    }

    #[test]
    fn malformed_links_get_messages_not_panics() {
        // An Int16 field with an odd byte length: the public site throws a RangeError here.
        let odd = "#gAAAAQA=;AAAWRQ==;rMWnNg==";
        assert!(decode_link(odd).unwrap_err().contains("not a whole number of 2-byte values"));
        assert!(decode_link("#abc").unwrap_err().contains("3 parts"));
        assert!(decode_link("#!!!;AAAWRQ==;rMWnNg==").unwrap_err().contains("not valid base64"));
        assert!(decode_link("#gAA=;AAAWRQAAlkQ=;rMWnNg==").unwrap_err().contains("disagree"));
        for junk in ["", "#", ";;", "#;;;;;;;", "\u{1F4A5}"] {
            assert!(decode_link(junk).is_err(), "{junk}");
        }
    }

    #[test]
    fn impossible_points_are_refused_with_the_valid_range() {
        let link = |mb: i16, ms: f32, usd: f32| {
            let b64 = |bytes: &[u8]| {
                const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
                let mut out = String::new();
                for chunk in bytes.chunks(3) {
                    let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
                    for i in 0..4 {
                        out.push(if i <= chunk.len() { A[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
                    }
                }
                out
            };
            format!("#{};{};{}", b64(&mb.to_le_bytes()), b64(&ms.to_le_bytes()), b64(&usd.to_le_bytes()))
        };
        assert!(decode_link(&link(512, 300.0, 2.5e-6)).is_ok());
        assert!(decode_link(&link(64, 300.0, 2.5e-6)).unwrap_err().contains("whole megabytes from 128 to 10,240"));
        assert!(decode_link(&link(512, 300.0, 2.4e17)).unwrap_err().contains("between $0.0000000001 and $1"));
        assert!(decode_link(&link(512, 300.0, 6.6e-18)).unwrap_err().contains("costs between"));
        assert!(decode_link(&link(512, 1.0e7, 2.5e-6)).unwrap_err().contains("900,000 ms"));
        let json = r#"{"stats":[{"value":128.5,"averageDuration":10,"averagePrice":2e-7}]}"#;
        assert!(decode_json(json).unwrap_err().contains("stats[0]: 128.5 MB"));
    }

    #[test]
    fn decodes_the_state_machine_output() {
        let json = r#"{"results":{"power":"128","cost":2.083e-7,"duration":2.9,
            "stats":[{"averagePrice":2.083e-7,"averageDuration":2.9,"value":128},{"averagePrice":3.1e-7,"averageDuration":2.1,"value":"256"}]}}"#;
        let p = decode_json(json).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].memory_mb, 256.0);
        let via_link = format!(r#"{{"results":{{"stateMachine":{{"visualization":"{SAMPLE}"}}}}}}"#);
        assert_eq!(decode_json(&via_link).unwrap().len(), 5);
        assert!(decode_json("{}").is_err());
        assert!(decode_json("{not json").unwrap_err().contains("not JSON"));
    }
}

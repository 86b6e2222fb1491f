//! Lines from a file read a slice at a time: a slice may end in the middle
//! of a line (or of a UTF-8 character), so the unfinished tail waits for the
//! next slice. Each line is numbered from 1, loses its `\r`, and is decoded
//! on its own: a bad byte spoils one line, never the rest.

/// `String::from_utf8_lossy(&bytes).into_owned()`: every invalid sequence
/// becomes U+FFFD, as core's does, without core's `Utf8Chunks` (1.2 KB of
/// code in every first-figures module, which decode a link's query).
pub fn utf8_lossy(bytes: Vec<u8>) -> String {
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return s,
        Err(e) => e.into_bytes(),
    };
    let (mut out, mut rest) = (String::new(), &bytes[..]);
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (valid, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                out.push('\u{FFFD}');
                match e.error_len() {
                    Some(n) => rest = &bad[n..],
                    None => return out,
                }
            }
        }
    }
}

/// Splits byte slices into numbered lines.
#[derive(Clone, Debug, Default)]
pub struct Lines {
    carry: Vec<u8>,
    number: usize,
}

/// The longest line kept whole; a longer one is cut (it cannot be a
/// timestamp or a REPORT line anyway) so that a file without line breaks
/// cannot grow the carry without bound.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

impl Lines {
    /// Feeds one slice, calling `f(number, line)` for every finished line.
    pub fn feed(&mut self, bytes: &[u8], mut f: impl FnMut(usize, &str)) {
        let mut rest = bytes;
        while let Some(at) = rest.iter().position(|b| *b == b'\n') {
            let (head, tail) = rest.split_at(at);
            if self.carry.is_empty() {
                self.emit(head, &mut f);
            } else {
                self.push_carry(head);
                let line = std::mem::take(&mut self.carry);
                self.emit(&line, &mut f);
            }
            rest = &tail[1..];
        }
        self.push_carry(rest);
    }

    /// Ends the input: a last line without a line break is still a line.
    pub fn finish(&mut self, mut f: impl FnMut(usize, &str)) {
        if !self.carry.is_empty() {
            let line = std::mem::take(&mut self.carry);
            self.emit(&line, &mut f);
        }
    }

    /// How many lines were emitted so far.
    pub fn count(&self) -> usize {
        self.number
    }

    fn push_carry(&mut self, bytes: &[u8]) {
        let room = MAX_LINE_BYTES.saturating_sub(self.carry.len());
        self.carry.extend_from_slice(&bytes[..bytes.len().min(room)]);
    }

    fn emit(&mut self, raw: &[u8], f: &mut impl FnMut(usize, &str)) {
        self.number += 1;
        let raw = &raw[..raw.len().min(MAX_LINE_BYTES)];
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        f(self.number, &String::from_utf8_lossy(raw));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_text_is_what_core_makes_of_it() {
        let cases: &[&[u8]] = &[
            b"",
            b"plain",
            "caf\u{e9} \u{1F600}".as_bytes(),
            b"\xff",
            b"a\xffb",
            b"\xe2\x82",
            b"\xe2\x82a",
            b"\xf0\x9f\x98",
            b"\xc0\xaf\xed\xa0\x80x",
            b"\xf4\x90\x80\x80",
            b"ok\xe2\x82\xac\xe2",
        ];
        for b in cases {
            assert_eq!(utf8_lossy(b.to_vec()), String::from_utf8_lossy(b), "{b:?}");
        }
        // Every two-byte string.
        for x in 0..=0xFFFFu32 {
            let b = [(x >> 8) as u8, x as u8];
            assert_eq!(utf8_lossy(b.to_vec()), String::from_utf8_lossy(&b), "{b:?}");
        }
    }

    fn all(pieces: &[&[u8]]) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut l = Lines::default();
        for p in pieces {
            l.feed(p, |n, s| out.push((n, s.to_string())));
        }
        l.finish(|n, s| out.push((n, s.to_string())));
        out
    }

    #[test]
    fn a_line_split_across_slices_is_one_line() {
        let whole = all(&[b"12.5\r\n13\n14"]);
        assert_eq!(whole, vec![(1, "12.5".into()), (2, "13".into()), (3, "14".into())]);
        assert_eq!(all(&[b"12", b".5\r", b"\n1", b"3\n", b"14"]), whole);
    }

    #[test]
    fn a_character_split_across_slices_survives() {
        let text = "é\n";
        let (a, b) = text.as_bytes().split_at(1);
        assert_eq!(all(&[a, b]), vec![(1, "é".into())]);
    }

    #[test]
    fn a_bad_byte_spoils_one_line_and_a_huge_line_is_cut() {
        let out = all(&[b"1\n\xff\xfe\n2\n"]);
        assert_eq!(out[0].1, "1");
        assert_eq!(out[2].1, "2");
        let long = vec![b'7'; MAX_LINE_BYTES * 3];
        let out = all(&[&long, &long, b"\n3"]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].1.len(), MAX_LINE_BYTES);
        assert_eq!(out[1], (2, "3".into()));
    }
}

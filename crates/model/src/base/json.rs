//! A small JSON reader and writer for what the engine reads and writes:
//! exported scenarios and Power Tuning's output. Numbers keep their literal
//! text, so exact decimals go out and come back digit for digit, and the
//! wasm modules carry no general-purpose JSON library.

/// A JSON value. Objects keep their keys in document order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, as written.
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// How deep arrays and objects may nest before the reader gives up.
const MAX_DEPTH: usize = 64;

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value at a JSON pointer such as `/stateMachine/visualization`.
    pub fn pointer(&self, path: &str) -> Option<&Json> {
        path.split('/').skip(1).try_fold(self, |v, key| v.get(key))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Num(n) => crate::base::decimal::parse_f64(n).filter(|x| x.is_finite()),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Num(n) => n.parse().ok(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Obj(m) => Some(m),
            _ => None,
        }
    }

    /// The value as JSON text (compact).
    pub fn to_text(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => b.to_string(),
            Json::Num(n) => n.clone(),
            Json::Str(s) => quote(s),
            Json::Arr(a) => format!("[{}]", a.iter().map(Json::to_text).collect::<Vec<_>>().join(",")),
            Json::Obj(m) => {
                format!(
                    "{{{}}}",
                    m.iter().map(|(k, v)| format!("{}:{}", quote(k), v.to_text())).collect::<Vec<_>>().join(",")
                )
            }
        }
    }
}

/// `s` as a JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Reads a JSON document. Errors say what was expected and where (line and
/// column).
pub fn parse(text: &str) -> Result<Json, String> {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err("unexpected text after the end of the document"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn err(&self, what: &str) -> String {
        let before = &self.s[..self.i.min(self.s.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        ui_format!("{what} at line {line} column {col}")
    }

    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &str) -> bool {
        if self.s[self.i..].starts_with(lit.as_bytes()) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.err(&ui_format!("more than {MAX_DEPTH} levels of nesting")));
        }
        match self.s.get(self.i) {
            None => Err(self.err("the document ends where a value was expected")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') if self.eat("true") => Ok(Json::Bool(true)),
            Some(b'f') if self.eat("false") => Ok(Json::Bool(false)),
            Some(b'n') if self.eat("null") => Ok(Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("expected a value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, String> {
        self.i += 1;
        let mut members = Vec::new();
        self.ws();
        if self.eat("}") {
            return Ok(Json::Obj(members));
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.err("expected a quoted key"));
            }
            let key = self.string()?;
            self.ws();
            if !self.eat(":") {
                return Err(self.err("expected ':'"));
            }
            self.ws();
            let v = self.value(depth + 1)?;
            members.push((key, v));
            self.ws();
            if self.eat(",") {
                continue;
            }
            if self.eat("}") {
                return Ok(Json::Obj(members));
            }
            return Err(self.err("expected ',' or '}'"));
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, String> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat("]") {
            return Ok(Json::Arr(items));
        }
        loop {
            self.ws();
            items.push(self.value(depth + 1)?);
            self.ws();
            if self.eat(",") {
                continue;
            }
            if self.eat("]") {
                return Ok(Json::Arr(items));
            }
            return Err(self.err("expected ',' or ']'"));
        }
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while p.i < p.s.len() && p.s[p.i].is_ascii_digit() {
                p.i += 1;
            }
            p.i > from
        };
        self.eat("-");
        if self.eat("0") {
        } else if !digits(self) {
            return Err(self.err("expected a digit"));
        }
        if self.eat(".") && !digits(self) {
            return Err(self.err("expected a digit after '.'"));
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.s.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !digits(self) {
                return Err(self.err("expected a digit in the exponent"));
            }
        }
        Ok(Json::Num(super::lines::utf8_lossy(self.s[start..self.i].to_vec())))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let h = self.s.get(self.i..self.i + 4).ok_or_else(|| self.err("expected four hex digits"))?;
        let v = std::str::from_utf8(h)
            .ok()
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.err("expected four hex digits"))?;
        self.i += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.s.get(self.i) else { return Err(self.err("a string is not closed")) };
            self.i += 1;
            match b {
                b'"' => return String::from_utf8(out).map_err(|_| self.err("a string is not valid UTF-8")),
                b'\\' => {
                    let Some(&e) = self.s.get(self.i) else { return Err(self.err("a string is not closed")) };
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) && self.eat("\\u") {
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err("an unpaired surrogate in a \\u escape"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or_else(|| self.err("an unpaired surrogate in a \\u escape"))?
                        }
                        _ => return Err(self.err("an unknown escape in a string")),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                b if b < 0x20 => return Err(self.err("a control character inside a string")),
                b => out.push(b),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_json_allows() {
        let v = parse(r#" {"a": [1, -2.5e3, 0.1], "b": {"c": "x\"y\u00e9\ud83d\ude00\n"}, "d": true, "e": null} "#)
            .unwrap();
        assert_eq!(v.get("a").unwrap().as_array().unwrap()[1], Json::Num("-2.5e3".into()));
        assert_eq!(v.pointer("/b/c").unwrap().as_str(), Some("x\"yé😀\n"));
        assert_eq!(v.get("d"), Some(&Json::Bool(true)));
        assert_eq!(v.get("e"), Some(&Json::Null));
        assert_eq!(v.get("a").unwrap().as_array().unwrap()[2].as_f64(), Some(0.1));
        assert_eq!(parse("[]").unwrap(), Json::Arr(vec![]));
        assert_eq!(parse("{}").unwrap(), Json::Obj(vec![]));
    }

    #[test]
    fn keeps_number_literals_and_round_trips_text() {
        let text = r#"{"alpha":1.0230216511132397,"n":[1,2],"s":"a\\b","z":false}"#;
        let v = parse(text).unwrap();
        assert_eq!(v.to_text(), text);
        assert_eq!(v.get("alpha").unwrap().as_f64(), Some(1.0230216511132397));
    }

    #[test]
    fn refuses_what_json_does_not_allow_with_a_place() {
        for (bad, what) in [
            ("", "ends"),
            ("{", "quoted key"),
            ("{\"a\" 1}", "':'"),
            ("[1,]", "expected a value"),
            ("[1 2]", "',' or ']'"),
            ("01", "after the end"),
            ("1.", "after '.'"),
            ("1e", "exponent"),
            ("\"abc", "not closed"),
            ("\"\\q\"", "unknown escape"),
            ("\"\\ud800\"", "surrogate"),
            ("\"a\u{1}\"", "control character"),
            ("nul", "expected a value"),
            ("{\"a\":1}x", "after the end"),
        ] {
            let e = parse(bad).unwrap_err();
            assert!(e.contains(what), "{bad:?}: {e}");
            assert!(e.contains("line 1 column"), "{e}");
        }
        assert!(parse("{\n  \"a\": x}").unwrap_err().ends_with("line 2 column 8"));
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(parse(&deep).unwrap_err().contains("levels of nesting"));
    }

    #[test]
    fn quotes_strings() {
        assert_eq!(quote("a\"b\\c\nd\u{1}\u{2028}é"), "\"a\\\"b\\\\c\\nd\\u0001\\u2028é\"");
        assert_eq!(parse(&quote("tricky \" \\ \u{7} text")).unwrap(), Json::Str("tricky \" \\ \u{7} text".into()));
    }
}

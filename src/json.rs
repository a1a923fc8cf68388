//! A small JSON value, parser and writer: everything the core reads and writes is JSON text, and
//! serde_json + serde's generic machinery was most of the WASM module. Reading mirrors serde_json's
//! strictness (same grammar, same nesting limit, integers vs floats, last duplicate key wins) so stored
//! and page data are accepted or refused exactly as before.

/// Nesting limit, as serde_json's (127 levels parse, the 128th is refused): hostile pages cannot
/// blow the stack.
const MAX_DEPTH: usize = 128;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// An integer that fits i64.
    Int(i64),
    /// A positive integer above i64::MAX that fits u64.
    UInt(u64),
    /// Any other number (fraction, exponent, -0, out of integer range). The core never reads one, so
    /// only its kind is kept.
    Float,
    Str(String),
    Array(Vec<Json>),
    /// Entries in text order; lookups take the last duplicate, as serde_json does.
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn parse(text: &str) -> Option<Json> {
        let mut p = Parser {
            b: text.as_bytes(),
            i: 0,
            depth: 0,
        };
        let value = p.value()?;
        p.ws();
        (p.i == p.b.len()).then_some(value)
    }

    /// Field of an object (the last one of that name).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Int(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Int(n) if *n >= 0 => Some(*n as u64),
            Json::UInt(n) => Some(*n),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// A unit enum variant as serde reads one: `"name"` or `{"name": null}`.
    pub fn as_variant(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            Json::Object(e) if e.len() == 1 && e[0].1.is_null() => Some(&e[0].0),
            _ => None,
        }
    }

    /// The fields of a struct as serde reads one: from an object by name (unknown names ignored), or
    /// from an array by position (no more items than fields). `None` when neither.
    pub fn fields<const N: usize>(&self, names: [&str; N]) -> Option<[Option<&Json>; N]> {
        match self {
            Json::Object(_) => Some(names.map(|n| self.get(n))),
            Json::Array(items) if items.len() <= N => {
                let mut i = 0;
                Some(names.map(|_| {
                    i += 1;
                    items.get(i - 1)
                }))
            }
            _ => None,
        }
    }
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        let ok = self.peek() == Some(c);
        self.i += ok as usize;
        ok
    }

    fn literal(&mut self, word: &[u8], value: Json) -> Option<Json> {
        let ok = self.b[self.i..].starts_with(word);
        self.i += word.len();
        ok.then_some(value)
    }

    fn value(&mut self) -> Option<Json> {
        self.ws();
        match self.peek()? {
            b'n' => self.literal(b"null", Json::Null),
            b't' => self.literal(b"true", Json::Bool(true)),
            b'f' => self.literal(b"false", Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'[' | b'{' => {
                self.depth += 1;
                if self.depth >= MAX_DEPTH {
                    return None;
                }
                let value = self.container()?;
                self.depth -= 1;
                Some(value)
            }
            _ => self.number(),
        }
    }

    fn container(&mut self) -> Option<Json> {
        let is_array = self.b[self.i] == b'[';
        let close = if is_array { b']' } else { b'}' };
        self.i += 1;
        let mut items = Vec::new();
        let mut entries = Vec::new();
        if !self.eat(close) {
            loop {
                if is_array {
                    items.push(self.value()?);
                } else {
                    self.ws();
                    if self.peek() != Some(b'"') {
                        return None;
                    }
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    entries.push((key, self.value()?));
                }
                if self.eat(close) {
                    break;
                }
                if !self.eat(b',') {
                    return None;
                }
            }
        }
        Some(if is_array {
            Json::Array(items)
        } else {
            Json::Object(entries)
        })
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Option<Json> {
        let negative = self.peek() == Some(b'-');
        self.i += negative as usize;
        let start = self.i;
        let int_digits = self.digits();
        if int_digits == 0 || (int_digits > 1 && self.b[start] == b'0') {
            return None;
        }
        let mut exponent = int_digits as i64; // decimal magnitude, to refuse what f64 cannot hold
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.i += 1;
            integer = false;
            if self.digits() == 0 {
                return None;
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            integer = false;
            let minus = self.peek() == Some(b'-');
            if minus || self.peek() == Some(b'+') {
                self.i += 1;
            }
            let e_start = self.i;
            if self.digits() == 0 {
                return None;
            }
            let mut e: i64 = 0;
            for &c in &self.b[e_start..self.i] {
                e = (e * 10 + (c - b'0') as i64).min(1 << 40);
            }
            exponent += if minus { -e } else { e };
        }
        let digits = &self.b[start..start + int_digits];
        let zero = digits.iter().all(|&c| c == b'0');
        if integer {
            let mut n: u64 = 0;
            let fits = digits.iter().all(|&c| {
                n.checked_mul(10)
                    .and_then(|m| m.checked_add((c - b'0') as u64))
                    .map(|m| n = m)
                    .is_some()
            });
            if fits {
                if !negative && n <= i64::MAX as u64 {
                    return Some(Json::Int(n as i64));
                } else if !negative {
                    return Some(Json::UInt(n));
                } else if n != 0 && n <= 1 << 63 {
                    return Some(Json::Int((n as i64).wrapping_neg()));
                }
            }
        }
        // serde_json refuses numbers beyond f64's range (~1.8e308); the magnitude check is by digit
        // count, which is exact except for values between 1.8e308 and 1e309.
        if !zero && exponent > 309 {
            return None;
        }
        Some(Json::Float)
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.b.get(self.i..self.i + 4)?;
        self.i += 4;
        digits
            .iter()
            .try_fold(0, |n, &c| Some(n * 16 + (c as char).to_digit(16)?))
    }

    fn string(&mut self) -> Option<String> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while self
                .peek()
                .is_some_and(|c| c != b'"' && c != b'\\' && c >= 0x20)
            {
                self.i += 1;
            }
            // Splits happen only at ASCII bytes, so the slice is valid UTF-8.
            out.push_str(std::str::from_utf8(&self.b[start..self.i]).ok()?);
            let c = self.peek()?;
            self.i += 1;
            match c {
                b'"' => return Some(out),
                b'\\' => {
                    let e = self.peek()?;
                    self.i += 1;
                    out.push(match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            // A lone surrogate (text cut inside an emoji by a page or a UTF-16 slice)
                            // becomes U+FFFD: one damaged character must not make the whole value
                            // unreadable.
                            let code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code) {
                                let rest = &self.b[self.i..];
                                let low = rest
                                    .strip_prefix(b"\\u")
                                    .and_then(|r| r.get(..4))
                                    .and_then(|d| std::str::from_utf8(d).ok())
                                    .and_then(|d| u32::from_str_radix(d, 16).ok())
                                    .filter(|low| (0xDC00..0xE000).contains(low));
                                match low {
                                    Some(low) => {
                                        self.i += 6;
                                        char::from_u32(
                                            0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00),
                                        )?
                                    }
                                    None => '\u{FFFD}',
                                }
                            } else {
                                char::from_u32(code).unwrap_or('\u{FFFD}')
                            }
                        }
                        _ => return None,
                    });
                }
                _ => return None, // control character
            }
        }
    }
}

/// Builds JSON text. Callers write objects field by field, in the order the JS reads them.
#[derive(Default)]
pub struct Writer {
    pub out: String,
    /// Whether the next value or key needs a comma before it.
    comma: bool,
}

impl Writer {
    fn sep(&mut self) {
        if self.comma {
            self.out.push(',');
        }
        self.comma = true;
    }

    pub fn begin_object(&mut self) -> &mut Self {
        self.sep();
        self.out.push('{');
        self.comma = false;
        self
    }

    pub fn end_object(&mut self) -> &mut Self {
        self.out.push('}');
        self.comma = true;
        self
    }

    pub fn begin_array(&mut self) -> &mut Self {
        self.sep();
        self.out.push('[');
        self.comma = false;
        self
    }

    pub fn end_array(&mut self) -> &mut Self {
        self.out.push(']');
        self.comma = true;
        self
    }

    /// An object key; the value written next belongs to it.
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.string(key);
        self.out.push(':');
        self.comma = false;
        self
    }

    pub fn null(&mut self) -> &mut Self {
        self.sep();
        self.out.push_str("null");
        self
    }

    pub fn bool(&mut self, value: bool) -> &mut Self {
        self.sep();
        self.out.push_str(if value { "true" } else { "false" });
        self
    }

    pub fn int(&mut self, value: i64) -> &mut Self {
        self.sep();
        push_int(&mut self.out, value);
        self
    }

    /// Escapes as serde_json does: quote, backslash and control characters; everything else as is.
    pub fn string(&mut self, value: &str) -> &mut Self {
        self.sep();
        let out = &mut self.out;
        out.push('"');
        for c in value.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.push_str("\\u00");
                    out.push(HEX[c as usize >> 4] as char);
                    out.push(HEX[c as usize & 15] as char);
                }
                c => out.push(c),
            }
        }
        out.push('"');
        self
    }

    pub fn opt_string(&mut self, value: Option<&str>) -> &mut Self {
        match value {
            Some(s) => self.string(s),
            None => self.null(),
        }
    }

    pub fn opt_int(&mut self, value: Option<i64>) -> &mut Self {
        match value {
            Some(n) => self.int(n),
            None => self.null(),
        }
    }

    pub fn strings<'s>(&mut self, items: impl IntoIterator<Item = &'s String>) -> &mut Self {
        self.begin_array();
        for s in items {
            self.string(s);
        }
        self.end_array()
    }
}

/// Decimal text of an integer without core::fmt (whose machinery is large in WASM).
pub fn push_int(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    let mut n = value.unsigned_abs();
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf[i..].iter().for_each(|&d| out.push(d as char));
}

/// `push_int` as a new string.
pub fn int_text(value: i64) -> String {
    let mut out = String::new();
    push_int(&mut out, value);
    out
}

#[cfg(test)]
mod tests;

/// Gives a unit enum its JSON spelling both ways: `as_str` and `parse` (what serde's
/// `rename_all = "camelCase"` did).
#[macro_export]
macro_rules! json_names {
    ($ty:ty { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $name),+ }
            }
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($name => Some(Self::$variant),)+ _ => None }
            }
        }
    };
}

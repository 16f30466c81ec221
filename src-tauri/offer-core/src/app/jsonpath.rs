//! Finds the line a JSON path ("offers[0].deliverables[2].name") starts on in
//! a file's text, so an import error can say where to look. Only called on
//! text that already parsed, so the scanner can be small; anything it does
//! not expect ends the search with None.

#[derive(Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Step::Key(key.to_string()));
        }
        for index in rest.split('[') {
            if let Some(Ok(i)) = index.strip_suffix(']').map(str::parse) {
                out.push(Step::Index(i));
            }
        }
    }
    out
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
}

impl Scanner<'_> {
    fn skip_space(&mut self) {
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => return,
            }
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes.get(self.at).copied()
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.at += 1)
    }

    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let start = self.at;
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b'\\' => self.at += 2,
                b'"' => {
                    let raw = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
                    self.at += 1;
                    // Keys with escapes are rare; decode through serde when present.
                    return if raw.contains('\\') {
                        serde_json::from_str(&format!("\"{raw}\"")).ok()
                    } else {
                        Some(raw.to_string())
                    };
                }
                _ => self.at += 1,
            }
        }
        None
    }

    /// Skips one value, counting lines.
    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                while let Some(&b) = self.bytes.get(self.at) {
                    if matches!(b, b',' | b'}' | b']') || b.is_ascii_whitespace() {
                        break;
                    }
                    self.at += 1;
                }
                Some(())
            }
        }
    }

    fn find(&mut self, path: &[Step]) -> Option<usize> {
        self.locate(path)?;
        Some(self.line)
    }

    /// Moves to the start of the value at `path`.
    fn locate(&mut self, path: &[Step]) -> Option<()> {
        let Some((first, rest)) = path.split_first() else {
            self.skip_space();
            return Some(());
        };
        match (first, self.peek()?) {
            (Step::Key(wanted), b'{') => {
                self.at += 1;
                loop {
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let key = self.string()?;
                    self.expect(b':')?;
                    if &key == wanted {
                        return self.locate(rest);
                    }
                    self.skip_value()?;
                    if self.peek()? == b',' {
                        self.at += 1;
                    }
                }
            }
            (Step::Index(wanted), b'[') => {
                self.at += 1;
                let mut index = 0;
                loop {
                    if self.peek()? == b']' {
                        return None;
                    }
                    if index == *wanted {
                        return self.locate(rest);
                    }
                    self.skip_value()?;
                    index += 1;
                    if self.peek()? == b',' {
                        self.at += 1;
                    }
                }
            }
            _ => None,
        }
    }
}

/// The 1-based line where the value at `path` starts, or the line of the
/// nearest enclosing value that exists (a missing field is reported at its
/// record).
pub fn line_of(text: &str, path: &str) -> Option<usize> {
    let steps = steps(path);
    (0..=steps.len()).rev().find_map(|n| {
        Scanner {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
        .find(&steps[..n])
    })
}

/// The line of the second `key` in the object at `path`: where a key given
/// twice is repeated.
pub fn line_of_repeated_key(text: &str, path: &str, key: &str) -> Option<usize> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
        line: 1,
    };
    scanner.locate(&steps(path))?;
    scanner.expect(b'{')?;
    let mut seen = false;
    loop {
        if scanner.peek()? == b'}' {
            return None;
        }
        scanner.skip_space();
        let line = scanner.line;
        let found = scanner.string()?;
        scanner.expect(b':')?;
        if found == key {
            if seen {
                return Some(line);
            }
            seen = true;
        }
        scanner.skip_value()?;
        if scanner.peek()? == b',' {
            scanner.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "format": "offerwright",
  "offers": [
    { "title": "a", "deliverables": [] },
    {
      "title": "b \"quoted\" }",
      "deliverables": [
        { "name": "x" },
        { "name": "y",
          "hours_each": "lots" }
      ]
    }
  ]
}"#;

    #[test]
    fn finds_the_line_of_a_nested_value() {
        assert_eq!(line_of(TEXT, "offers[1].deliverables[1].hours_each"), Some(10));
        assert_eq!(line_of(TEXT, "offers[1].title"), Some(6));
        assert_eq!(line_of(TEXT, "offers[0].title"), Some(4));
        assert_eq!(line_of(TEXT, "format"), Some(2));
    }

    #[test]
    fn a_missing_field_points_at_its_record() {
        assert_eq!(line_of(TEXT, "offers[1].price"), Some(5));
        assert_eq!(line_of(TEXT, "offers[7].price"), Some(3));
    }
}

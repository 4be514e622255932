//! Quoted strings and text blocks: escapes, and a text block's incidental
//! whitespace removed, as the IDL spec says.

/// The value of a quoted string token, quotes included.
pub(super) fn quoted(token: &str) -> Result<String, String> {
    let inner = &token[1..token.len() - 1];
    unescape(inner).map_err(|error| format!("Error parsing quoted string: {error}"))
}

/// The value of a text block token, delimiters included.
pub(super) fn text_block(token: &str) -> Result<String, String> {
    let inner = &token[3..token.len() - 3];
    let content = inner.trim_start_matches([' ', '\t']);
    let content = content
        .strip_prefix("\r\n")
        .or_else(|| content.strip_prefix('\n'))
        .ok_or_else(|| "Error parsing text block: Text block must start with a new line".to_owned())?;
    unescape(&dedent(content)).map_err(|error| format!("Error parsing text block: {error}"))
}

/// Removes the common indentation of the lines (the last line, which holds
/// the closing delimiter, counts even when blank) and trailing spaces.
///
/// Written over bytes: it runs at opt-level 0 inside the compiler, on every
/// text block of a model.
fn dedent(content: &str) -> String {
    let bytes = content.as_bytes();
    // Each line's start and its end without trailing spaces.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut indent = usize::MAX;
    let mut start = 0;
    loop {
        let end = content[start..].find('\n').map_or(bytes.len(), |at| start + at);
        let mut line_end = end;
        if line_end > start && bytes[line_end - 1] == b'\r' {
            line_end -= 1;
        }
        let mut first = start;
        while first < line_end && bytes[first] == b' ' {
            first += 1;
        }
        let mut last = line_end;
        while last > start && (bytes[last - 1] == b' ' || bytes[last - 1] == b'\t') {
            last -= 1;
        }
        let is_last = end == bytes.len();
        let blank = last <= first;
        if !blank || is_last {
            indent = indent.min(first - start);
        }
        lines.push((start, last));
        if is_last {
            break;
        }
        start = end + 1;
    }
    let mut result = String::with_capacity(content.len());
    for (index, &(start, last)) in lines.iter().enumerate() {
        if index > 0 {
            result.push('\n');
        }
        let from = start + indent;
        if from < last {
            result.push_str(&content[from..last]);
        }
    }
    result
}

/// Where the next backslash or carriage return is. Two single-character
/// searches: those use the standard library's `memchr`, a set of characters
/// would not.
fn next_special(text: &str) -> Option<usize> {
    match (text.find('\\'), text.find('\r')) {
        (Some(backslash), Some(carriage_return)) => Some(backslash.min(carriage_return)),
        (backslash, carriage_return) => backslash.or(carriage_return),
    }
}

fn unescape(text: &str) -> Result<String, String> {
    // `find` searches with the standard library's optimized code, which
    // matters at opt-level 0: most strings have no escapes at all.
    let Some(first) = next_special(text) else {
        return Ok(text.to_owned());
    };
    let mut result = String::with_capacity(text.len());
    result.push_str(&text[..first]);
    let mut chars = text[first..].chars();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {}
            '\\' => match chars.next() {
                Some('"') => result.push('"'),
                Some('\\') => result.push('\\'),
                Some('/') => result.push('/'),
                Some('b') => result.push('\u{8}'),
                Some('f') => result.push('\u{c}'),
                Some('n') => result.push('\n'),
                Some('r') => result.push('\r'),
                Some('t') => result.push('\t'),
                // An escaped line break is no character at all.
                Some('\n') => {}
                Some('\r') => {
                    if chars.clone().next() == Some('\n') {
                        chars.next();
                    }
                }
                Some('u') => result.push(unicode_escape(&mut chars)?),
                Some(other) => return Err(format!("Invalid escape found in string: `\\{other}`")),
                None => return Err("Invalid escape found in string: `\\`".to_owned()),
            },
            c => {
                // Copy up to the next escape in one go.
                let rest = chars.as_str();
                let run = next_special(rest).unwrap_or(rest.len());
                result.push(c);
                result.push_str(&rest[..run]);
                chars = rest[run..].chars();
            }
        }
    }
    Ok(result)
}

/// The four hex digits after `\u`; a surrogate pair takes two escapes.
fn unicode_escape(chars: &mut std::str::Chars<'_>) -> Result<char, String> {
    let first = four_hex_digits(chars)?;
    if (0xD800..0xDC00).contains(&first) {
        let rest = chars.as_str();
        if let Some(after) = rest.strip_prefix("\\u") {
            *chars = after.chars();
            let second = four_hex_digits(chars)?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return char::from_u32(code).ok_or_else(|| "Invalid unicode escape".to_owned());
            }
        }
        return Err(format!("Invalid unicode escape: unpaired surrogate \\u{first:04X}"));
    }
    char::from_u32(first).ok_or_else(|| format!("Invalid unicode escape: unpaired surrogate \\u{first:04X}"))
}

fn four_hex_digits(chars: &mut std::str::Chars<'_>) -> Result<u32, String> {
    let mut value = 0;
    for _ in 0..4 {
        let c = chars
            .next()
            .ok_or_else(|| "Invalid unclosed unicode escape found in string".to_owned())?;
        let digit = c
            .to_digit(16)
            .ok_or_else(|| format!("Invalid unicode escape character: `{c}`"))?;
        value = value * 16 + digit;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_block_indentation_follows_the_closing_delimiter() {
        assert_eq!(
            text_block("\"\"\"\n    Foo\n        Baz\n\n      \n    Bar\n    \"\"\"").unwrap(),
            "Foo\n    Baz\n\n\nBar\n"
        );
        assert_eq!(
            text_block("\"\"\"\n        Foo\n            Baz\n        Bar\n\"\"\"").unwrap(),
            "        Foo\n            Baz\n        Bar\n"
        );
        assert_eq!(text_block("\"\"\"\n    Foo \\\n    Baz\"\"\"").unwrap(), "Foo Baz");
    }

    #[test]
    fn escapes_expand_after_dedenting() {
        assert_eq!(
            text_block("\"\"\"\n  <p>Hi\\n    bar</p>\n  \"\"\"").unwrap(),
            "<p>Hi\n    bar</p>\n"
        );
        assert_eq!(quoted(r#""a\"b\u00e9\ud83d\ude00""#).unwrap(), "a\"bé😀");
    }

    #[test]
    fn bad_escapes_are_named() {
        assert_eq!(
            quoted(r#""a\'""#).unwrap_err(),
            "Error parsing quoted string: Invalid escape found in string: `\\'`"
        );
        assert_eq!(
            quoted(r#""\u12t4""#).unwrap_err(),
            "Error parsing quoted string: Invalid unicode escape character: `t`"
        );
        assert_eq!(
            text_block("\"\"\"foo\"\"\"").unwrap_err(),
            "Error parsing text block: Text block must start with a new line"
        );
    }
}

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
fn dedent(content: &str) -> String {
    let content = content.replace("\r\n", "\n");
    let lines: Vec<&str> = content.split('\n').collect();
    let last = lines.len() - 1;
    let indent = lines
        .iter()
        .enumerate()
        .filter(|(index, line)| *index == last || !line.trim_matches([' ', '\t']).is_empty())
        .map(|(_, line)| line.len() - line.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut result = String::with_capacity(content.len());
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            result.push('\n');
        }
        let line = line.get(indent..).unwrap_or("");
        result.push_str(line.trim_end_matches([' ', '\t']));
    }
    result
}

fn unescape(text: &str) -> Result<String, String> {
    if !text.contains(['\\', '\r']) {
        return Ok(text.to_owned());
    }
    let mut result = String::with_capacity(text.len());
    let mut chars = text.chars();
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
            c => result.push(c),
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

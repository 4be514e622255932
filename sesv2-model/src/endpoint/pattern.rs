//! A matcher for the small regular-expression subset partition region
//! patterns use, such as `^(us|eu|ap)\-\w+\-\d+$`: anchored, with literal
//! characters (escaped or not), `\w` and `\d` optionally followed by `+`,
//! and groups of literal alternatives. Anything else is refused when the
//! pattern is compiled, so a pattern is never matched wrongly.

/// One element of a compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Literal(u8),
    /// `\w` (`[A-Za-z0-9_]`) or `\d`, once or, with `repeat`, one or more times.
    Class {
        word: bool,
        repeat: bool,
    },
    /// `(a|b|c)`: one of literal strings.
    Alternatives(Vec<Vec<u8>>),
}

/// A compiled region pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RegionPattern {
    items: Vec<Item>,
}

impl RegionPattern {
    /// Compiles `pattern`, or says what in it is outside the subset.
    pub(crate) fn compile(pattern: &str) -> Result<RegionPattern, String> {
        let unsupported = |what: &str| format!("region pattern {pattern:?}: {what} is not supported");
        let body = pattern
            .strip_prefix('^')
            .and_then(|body| body.strip_suffix('$'))
            .ok_or_else(|| unsupported("a pattern not anchored with ^ and $"))?;
        let bytes = body.as_bytes();
        let mut items = Vec::new();
        let mut index = 0;
        while let Some(&byte) = bytes.get(index) {
            index += 1;
            match byte {
                b'\\' => {
                    let escaped = *bytes.get(index).ok_or_else(|| unsupported("a trailing \\"))?;
                    index += 1;
                    match escaped {
                        b'w' | b'd' => {
                            let repeat = bytes.get(index) == Some(&b'+');
                            if repeat {
                                index += 1;
                            }
                            items.push(Item::Class {
                                word: escaped == b'w',
                                repeat,
                            });
                        }
                        _ if escaped.is_ascii_punctuation() => items.push(Item::Literal(escaped)),
                        _ => return Err(unsupported(&format!("\\{}", char::from(escaped)))),
                    }
                }
                b'(' => {
                    let close = bytes[index..]
                        .iter()
                        .position(|byte| *byte == b')')
                        .ok_or_else(|| unsupported("an unclosed group"))?;
                    let group = &bytes[index..index + close];
                    index += close + 1;
                    let alternatives: Vec<Vec<u8>> = group.split(|byte| *byte == b'|').map(<[u8]>::to_vec).collect();
                    if alternatives.iter().any(|alternative| {
                        alternative.is_empty()
                            || !alternative
                                .iter()
                                .all(|byte| byte.is_ascii_alphanumeric() || *byte == b'-')
                    }) {
                        return Err(unsupported("a group of anything but letters, digits and hyphens"));
                    }
                    items.push(Item::Alternatives(alternatives));
                }
                _ if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' => items.push(Item::Literal(byte)),
                _ => return Err(unsupported(&format!("{:?}", char::from(byte)))),
            }
            if matches!(bytes.get(index), Some(b'+' | b'*' | b'?' | b'{')) {
                return Err(unsupported("a quantifier on anything but \\w or \\d"));
            }
        }
        Ok(RegionPattern { items })
    }

    /// Whether the whole of `text` matches.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        matches_from(&self.items, text.as_bytes())
    }
}

/// Backtracking over the items; the subset keeps this shallow and short.
fn matches_from(items: &[Item], text: &[u8]) -> bool {
    let Some((item, rest)) = items.split_first() else {
        return text.is_empty();
    };
    match item {
        Item::Literal(byte) => text.first() == Some(byte) && matches_from(rest, &text[1..]),
        Item::Alternatives(alternatives) => alternatives
            .iter()
            .any(|alternative| text.starts_with(alternative) && matches_from(rest, &text[alternative.len()..])),
        Item::Class { word, repeat } => {
            let fits = |byte: &u8| {
                if *word {
                    byte.is_ascii_alphanumeric() || *byte == b'_'
                } else {
                    byte.is_ascii_digit()
                }
            };
            let run = text.iter().take_while(|byte| fits(byte)).count();
            let most = if *repeat { run } else { run.min(1) };
            (1..=most).rev().any(|taken| matches_from(rest, &text[taken..]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_patterns_match_their_regions() {
        let aws = RegionPattern::compile(r"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$").unwrap();
        assert!(aws.is_match("us-east-1"));
        assert!(aws.is_match("mx-central-12"));
        assert!(aws.is_match("eu-west_x-3"));
        assert!(!aws.is_match("us-east-1a"));
        assert!(!aws.is_match("us-east-"));
        assert!(!aws.is_match("cn-north-1"));
        assert!(!aws.is_match("xus-east-1"));
        assert!(!aws.is_match("us--1"));
        assert!(!aws.is_match("us-gov-west-1"), "\\w does not match a hyphen");
        let eusc = RegionPattern::compile(r"^eusc\-(de)\-\w+\-\d+$").unwrap();
        assert!(eusc.is_match("eusc-de-east-1"));
        assert!(!eusc.is_match("eusc-fr-east-1"));
        let digits = RegionPattern::compile(r"^a\d+1$").unwrap();
        assert!(digits.is_match("a11"), "backtracks out of a greedy run");
        assert!(!digits.is_match("a1"));
    }

    #[test]
    fn patterns_outside_the_subset_are_refused() {
        for pattern in [
            r"us-\w+",
            r"^a.b$",
            r"^[a-z]+$",
            r"^a*$",
            r"^(a|b$",
            r"^(a|.)$",
            r"^\s$",
            r"^a{2}$",
            r"^\w*$",
            "^(a|)$",
        ] {
            assert!(RegionPattern::compile(pattern).is_err(), "{pattern}");
        }
    }
}

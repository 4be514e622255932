//! The line grammar of the shared `config` and `credentials` files, as the
//! AWS SDKs' shared file format specifies it (and their common parser test
//! suite pins down):
//!
//! - blank lines (spaces and tabs only) are skipped, and so are lines that
//!   start with `#` or `;` in the first column (or indented, where they
//!   cannot continue a value);
//! - `[header]` starts a section; the header is trimmed, and a `#` or `;`
//!   anywhere after the `[` starts a comment, e.g. `[profile dev] # team`;
//! - `key = value` (in the first column) sets a property; the key is
//!   trimmed and lower-cased, the value trimmed, and `#` or `;` starts a
//!   comment only after a space or tab, so `value;x` keeps its `;x`;
//! - an indented line continues the previous property's value (joined with
//!   `\n`, trimmed, comments kept); when that property's value was empty the
//!   indented lines are sub-properties and must each be `key = value`.
//!
//! Which sections count as profiles, and which names and keys are valid, is
//! decided later (see `profile.rs`): here nothing is dropped, only lines the
//! grammar rejects are errors. Errors never quote the line, which may hold
//! a secret.

use std::path::Path;

use super::ProfileFileError;

/// What the spec counts as whitespace: `char::is_whitespace` would also
/// accept e.g. U+00A0, which other SDKs read as part of a name or value.
pub(super) const WHITESPACE: &[char] = &[' ', '\t'];
const COMMENT: &[char] = &['#', ';'];

/// A `[header]` and the properties under it, in file order.
#[derive(Debug)]
pub(super) struct RawSection {
    /// The text between the brackets, trimmed.
    pub header: String,
    pub line: usize,
    pub properties: Vec<RawProperty>,
}

#[derive(Debug)]
pub(super) struct RawProperty {
    /// Lower-cased: keys are case-insensitive.
    pub key: String,
    pub value: String,
    pub line: usize,
}

struct Open {
    /// Index in the last section's properties.
    property: usize,
    /// The property's value was empty: indented lines are sub-properties.
    has_sub_properties: bool,
}

/// Splits a file's text into sections; `path` names it in errors.
pub(super) fn parse_file(text: &str, path: &Path) -> Result<Vec<RawSection>, ProfileFileError> {
    // Editors on Windows may write a byte order mark, which is not part of
    // the first header.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sections: Vec<RawSection> = Vec::new();
    let mut open: Option<Open> = None;
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let error = |message: String| ProfileFileError::parse(path, line_number, message);
        if line.trim_matches(WHITESPACE).is_empty() || line.starts_with(COMMENT) {
            continue;
        }
        // With no setting to continue, an indented comment is a comment too
        // (after a setting it is part of the value).
        if open.is_none() && line.trim_start_matches(WHITESPACE).starts_with(COMMENT) {
            continue;
        }
        if line.starts_with('[') {
            let header = strip_comment(line, false)
                .strip_suffix(']')
                .ok_or_else(|| error("a profile header must end with `]`, as in `[profile NAME]`".into()))?;
            sections.push(RawSection {
                header: header
                    .strip_prefix('[')
                    .unwrap_or(header)
                    .trim_matches(WHITESPACE)
                    .to_owned(),
                line: line_number,
                properties: Vec::new(),
            });
            open = None;
            continue;
        }
        let Some(section) = sections.last_mut() else {
            return Err(error(
                "this line comes before any profile header; put settings under `[default]`, \
                 `[profile NAME]` (config file) or `[NAME]` (credentials file)"
                    .into(),
            ));
        };
        if line.starts_with(WHITESPACE) {
            let Some(Open {
                property,
                has_sub_properties,
            }) = &open
            else {
                return Err(error(
                    "an indented line continues a setting, but no setting comes before it in this section; \
                     remove the indentation"
                        .into(),
                ));
            };
            let property = &mut section.properties[*property];
            if *has_sub_properties {
                split_property(line)
                    .map_err(|problem| error(format!("a sub-property of `{}` {problem}", property.key)))?;
            }
            property.value.push('\n');
            property.value.push_str(line.trim_matches(WHITESPACE));
            continue;
        }
        let (key, value) = split_property(line).map_err(|problem| error(format!("a setting {problem}")))?;
        open = Some(Open {
            property: section.properties.len(),
            has_sub_properties: value.is_empty(),
        });
        section.properties.push(RawProperty {
            key: key.to_ascii_lowercase(),
            value: value.to_owned(),
            line: line_number,
        });
    }
    Ok(sections)
}

/// `key = value` with the comment removed, both sides trimmed; on error,
/// the end of a sentence that says what is wrong.
pub(super) fn split_property(line: &str) -> Result<(&str, &str), &'static str> {
    let (key, value) = strip_comment(line, true)
        .split_once('=')
        .ok_or("must look like `name = value`, but has no `=`")?;
    let key = key.trim_matches(WHITESPACE);
    if key.is_empty() {
        return Err("has no name before its `=`");
    }
    Ok((key, value.trim_matches(WHITESPACE)))
}

/// The line trimmed, without its comment. In values a comment needs a space
/// or tab before it (`a;b` is a value); in headers it does not.
fn strip_comment(line: &str, needs_whitespace_before: bool) -> &str {
    let line = line.trim_matches(WHITESPACE);
    let mut after_whitespace = false;
    for (at, c) in line.char_indices() {
        if COMMENT.contains(&c) && (after_whitespace || !needs_whitespace_before) {
            return line[..at].trim_matches(WHITESPACE);
        }
        after_whitespace = WHITESPACE.contains(&c);
    }
    line
}

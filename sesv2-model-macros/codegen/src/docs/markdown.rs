//! Renders the documentation tree as rustdoc-safe Markdown.

use super::{Block, Inline};

pub(super) fn render(blocks: &[Block]) -> String {
    render_blocks(blocks).join("\n")
}

/// Renders blocks as lines, with a blank line between blocks.
fn render_blocks(blocks: &[Block]) -> Vec<String> {
    let mut lines = Vec::new();
    for block in blocks {
        let rendered = render_block(block);
        if rendered.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(rendered);
    }
    lines
}

fn render_block(block: &Block) -> Vec<String> {
    match block {
        Block::Paragraph(content) => {
            let line = paragraph(content);
            if line.is_empty() { Vec::new() } else { vec![line] }
        }
        Block::Code(code) => {
            let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
            let mut lines = vec![format!("{fence}text")];
            lines.extend(code.lines().map(|line| line.trim_end().to_owned()));
            lines.push(fence);
            lines
        }
        Block::List { ordered, items } => {
            let mut lines = Vec::new();
            for (index, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}. ", index + 1)
                } else {
                    "- ".to_owned()
                };
                let indent = " ".repeat(marker.len());
                let body = render_blocks(item);
                if body.is_empty() {
                    continue;
                }
                for (line_index, line) in body.into_iter().enumerate() {
                    lines.push(if line_index == 0 {
                        format!("{marker}{line}")
                    } else if line.is_empty() {
                        line
                    } else {
                        format!("{indent}{line}")
                    });
                }
            }
            lines
        }
        Block::Callout { label, blocks } => {
            let label = format!("**{label}:**");
            let mut body = render_blocks(blocks);
            match (blocks.first(), body.first_mut()) {
                (Some(Block::Paragraph(_)), Some(first)) => *first = format!("{label} {first}"),
                _ => body.splice(0..0, [label, String::new()]).for_each(drop),
            }
            body.into_iter()
                .map(|line| {
                    if line.is_empty() {
                        ">".to_owned()
                    } else {
                        format!("> {line}")
                    }
                })
                .collect()
        }
    }
}

/// One paragraph on one line, so that no later line can start a heading, a
/// list or an indented code block by accident.
fn paragraph(content: &[Inline]) -> String {
    let mut out = String::new();
    render_inlines(content, &mut out);
    let line = out.trim();
    escape_line_start(line)
}

fn render_inlines(content: &[Inline], out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text(text) => escape_text(text, out),
            Inline::Code(code) => code_span(code, out),
            Inline::Emphasis(inner) => delimited(inner, "*", out),
            Inline::Strong(inner) => delimited(inner, "**", out),
            Inline::Link { href, content } => link(href, content, out),
        }
    }
}

fn code_span(code: &str, out: &mut String) {
    let code = code.split_whitespace().collect::<Vec<_>>().join(" ");
    if code.is_empty() {
        return;
    }
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    out.push_str(&fence);
    out.push_str(pad);
    out.push_str(&code);
    out.push_str(pad);
    out.push_str(&fence);
}

/// Emphasis markers must hug their text, so surrounding spaces move outside.
fn delimited(inner: &[Inline], marker: &str, out: &mut String) {
    let mut rendered = String::new();
    render_inlines(inner, &mut rendered);
    let trimmed = rendered.trim();
    if rendered.starts_with(' ') && !out.ends_with(' ') {
        out.push(' ');
    }
    if !trimmed.is_empty() {
        out.push_str(marker);
        out.push_str(trimmed);
        out.push_str(marker);
    }
    if rendered.ends_with(' ') && !trimmed.is_empty() {
        out.push(' ');
    }
}

fn link(href: &str, content: &[Inline], out: &mut String) {
    let mut text = String::new();
    render_inlines(content, &mut text);
    let text = text.trim();
    let absolute = ["https://", "http://", "mailto:"].iter().any(|scheme| {
        href.len() > scheme.len()
            && href
                .get(..scheme.len())
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case(scheme))
    });
    let mut escaped_href = String::with_capacity(href.len());
    for c in href.chars() {
        match c {
            ' ' => escaped_href.push_str("%20"),
            '(' => escaped_href.push_str("%28"),
            ')' => escaped_href.push_str("%29"),
            '<' => escaped_href.push_str("%3C"),
            '>' => escaped_href.push_str("%3E"),
            c => escaped_href.push(c),
        }
    }
    let href = escaped_href;
    // Relative links point into AWS's documentation site and would be
    // broken (or read as intra-doc links) in rustdoc: keep only their text.
    if !absolute {
        out.push_str(text);
    } else if text.is_empty() || text == href || text == escaped(&href) {
        out.push('<');
        out.push_str(&href);
        out.push('>');
    } else {
        out.push('[');
        out.push_str(text);
        out.push_str("](");
        out.push_str(&href);
        out.push(')');
    }
}

fn escaped(text: &str) -> String {
    let mut out = String::new();
    escape_text(text, &mut out);
    out
}

/// Escapes Markdown syntax in text and turns bare URLs into autolinks.
fn escape_text(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(start) = find_url(rest) {
        escape_plain(&rest[..start], out);
        let url_len = url_length(&rest[start..]);
        out.push('<');
        out.push_str(&rest[start..start + url_len]);
        out.push('>');
        rest = &rest[start + url_len..];
    }
    escape_plain(rest, out);
}

fn find_url(text: &str) -> Option<usize> {
    let mut offset = 0;
    while let Some(found) = text[offset..].find("http") {
        let start = offset + found;
        let candidate = &text[start..];
        let after_scheme = candidate
            .strip_prefix("https://")
            .or_else(|| candidate.strip_prefix("http://"));
        let at_word_start = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        if let Some(after) = after_scheme
            && at_word_start
            && after.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            return Some(start);
        }
        offset = start + 4;
    }
    None
}

/// The length of the URL at the start of `text`, without trailing punctuation
/// that belongs to the sentence.
fn url_length(text: &str) -> usize {
    let mut end = text
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | '\u{a0}'))
        .unwrap_or(text.len());
    // Counted once: trimming one character at a time must stay linear.
    let opens = text[..end].matches('(').count();
    let mut closes = text[..end].matches(')').count();
    while let Some(last) = text[..end].chars().next_back() {
        let unbalanced_paren = last == ')' && opens < closes;
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*') || unbalanced_paren {
            end -= last.len_utf8();
            closes -= usize::from(last == ')');
        } else {
            break;
        }
    }
    end
}

fn escape_plain(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let (mut start, mut index) = (0, 0);
    while index < bytes.len() {
        let needs_escape = match bytes[index] {
            b'\\' | b'`' | b'*' | b'[' | b']' | b'<' | b'>' | b'~' => true,
            // An underscore inside a word never delimits emphasis.
            b'_' => {
                !(index > 0
                    && is_word_byte(bytes[index - 1])
                    && index + 1 < bytes.len()
                    && is_word_byte(bytes[index + 1]))
            }
            b'&' => looks_like_entity(&bytes[index + 1..]),
            _ => false,
        };
        if needs_escape {
            out.push_str(&text[start..index]);
            out.push('\\');
            start = index;
        }
        index += 1;
    }
    out.push_str(&text[start..]);
}

/// Letters and digits, counting any non-ASCII byte as part of a word.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte >= 0x80
}

fn looks_like_entity(after: &[u8]) -> bool {
    let name_len = after
        .iter()
        .take_while(|byte| byte.is_ascii_alphanumeric() || **byte == b'#')
        .count();
    name_len > 0 && after.get(name_len) == Some(&b';')
}

/// Escapes what would start a heading, list, quote or rule at a line start.
fn escape_line_start(line: &str) -> String {
    if line.starts_with(['#', '-', '+', '=', '|']) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_owned()
}

fn longest_run(text: &str, wanted: char) -> usize {
    let mut longest = 0;
    let mut current = 0;
    for c in text.chars() {
        if c == wanted {
            current += 1;
            longest = longest.max(current);
        } else {
            current = 0;
        }
    }
    longest
}

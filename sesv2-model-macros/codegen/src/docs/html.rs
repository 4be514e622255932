//! A forgiving reader for the HTML subset of Smithy documentation.

use super::{Block, Inline};

/// Tags the reader understands. Anything else that looks like a tag
/// (`<bucket_name>`, `<Grantee xmlns:xsi=...>`) is ordinary text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Paragraph,
    List { ordered: bool },
    DefinitionList,
    Item,
    Term,
    Definition,
    Callout(&'static str),
    Pre,
    Code,
    Emphasis,
    Strong,
    Link,
    Break,
    Neutral,
}

fn tag_named(name: &str) -> Option<Tag> {
    Some(match name.to_ascii_lowercase().as_str() {
        // `para` is DocBook's paragraph, which some AWS models still use.
        "p" | "para" | "div" | "fullname" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title" => Tag::Paragraph,
        "ul" => Tag::List { ordered: false },
        "ol" => Tag::List { ordered: true },
        "dl" => Tag::DefinitionList,
        "li" => Tag::Item,
        "dt" => Tag::Term,
        "dd" => Tag::Definition,
        "note" => Tag::Callout("Note"),
        "important" => Tag::Callout("Important"),
        "pre" => Tag::Pre,
        "code" | "tt" | "kbd" | "samp" => Tag::Code,
        "i" | "em" | "cite" | "var" => Tag::Emphasis,
        "b" | "strong" => Tag::Strong,
        "a" => Tag::Link,
        "br" => Tag::Break,
        "span" | "u" | "sup" | "sub" | "small" | "abbr" => Tag::Neutral,
        _ => return None,
    })
}

enum Token {
    Text(String),
    Start { tag: Tag, href: Option<String> },
    End(Tag),
}

/// Splits HTML into text and the tags of [`tag_named`], decoding entities.
fn tokenize(html: &str) -> Vec<Token> {
    let bytes = html.as_bytes();
    let mut tokens = Vec::new();
    let mut text = String::new();
    // Byte offsets: `start` of the text not yet copied, `at` of the scan.
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        let byte = bytes[at];
        if byte != b'<' && byte != b'&' {
            at += 1;
            continue;
        }
        text.push_str(&html[start..at]);
        let rest = &html[at..];
        if byte == b'&' {
            let (decoded, used) = entity(rest);
            text.push_str(&decoded);
            at += used;
        } else if let Some(after) = rest.strip_prefix("<!--") {
            at += 4 + after.find("-->").map_or(after.len(), |end| end + 3);
        } else if let Some((token, used)) = tag(rest) {
            if !text.is_empty() {
                tokens.push(Token::Text(std::mem::take(&mut text)));
            }
            tokens.push(token);
            at += used;
        } else {
            text.push('<');
            at += 1;
        }
        start = at;
    }
    text.push_str(&html[start..]);
    if !text.is_empty() {
        tokens.push(Token::Text(text));
    }
    tokens
}

/// Reads a known tag at the start of `input` (which starts with `<`).
fn tag(input: &str) -> Option<(Token, usize)> {
    let close = input.find('>')?;
    let inner = &input[1..close];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(inner) => (true, inner),
        None => (false, inner),
    };
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    let name_end = inner.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(inner.len());
    let (name, attributes) = inner.split_at(name_end);
    if name.is_empty() || !(attributes.is_empty() || attributes.starts_with(char::is_whitespace)) {
        return None;
    }
    let tag = tag_named(name)?;
    let token = if closing {
        Token::End(tag)
    } else {
        let href = if tag == Tag::Link {
            attribute(attributes, "href")
        } else {
            None
        };
        Token::Start { tag, href }
    };
    Some((token, close + 1))
}

/// The value of attribute `wanted` in `name="value"` pairs, quoted or not.
fn attribute(attributes: &str, wanted: &str) -> Option<String> {
    let mut rest = attributes.trim_start();
    while !rest.is_empty() {
        let name_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (found, remaining) = match after.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(quote).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    after.split_at(end)
                }
            };
            value = found;
            rest = remaining.trim_start();
        }
        if name.eq_ignore_ascii_case(wanted) {
            let (decoded, _) = decode_entities(value);
            return Some(decoded.trim().to_owned());
        }
    }
    None
}

fn decode_entities(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let (decoded, used) = entity(&rest[at..]);
        out.push_str(&decoded);
        rest = &rest[at + used..];
    }
    out.push_str(rest);
    (out, text.len())
}

/// Decodes the entity at the start of `input` (which starts with `&`),
/// returning the text and the bytes used; an unknown entity is a plain `&`.
fn entity(input: &str) -> (String, usize) {
    let literal = ("&".to_owned(), 1);
    let Some(end) = input[1..].find(';').map(|end| end + 1).filter(|end| *end <= 10) else {
        return literal;
    };
    let name = &input[1..end];
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let number = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else {
                name.strip_prefix('#').and_then(|decimal| decimal.parse().ok())
            };
            number.and_then(char::from_u32)
        }
    };
    match decoded {
        Some(c) => (c.to_string(), end + 1),
        None => literal,
    }
}

/// How deeply lists, callouts and inline elements may nest; tags beyond it
/// are dropped and their text kept, so that hostile documentation cannot
/// make rendering (which recurses) overflow the stack. Real documentation
/// nests three or four.
const MAX_NESTING: usize = 16;

/// A block container that is still open.
enum Open {
    Root(Vec<Block>),
    List { ordered: bool, items: Vec<Vec<Block>> },
    Item(Vec<Block>),
    Callout { label: &'static str, blocks: Vec<Block> },
}

/// An inline element that is still open, with what it holds so far.
struct OpenInline {
    tag: Tag,
    href: Option<String>,
    content: Vec<Inline>,
}

struct Builder {
    blocks: Vec<Open>,
    inlines: Vec<OpenInline>,
    paragraph: Vec<Inline>,
    pre: Option<String>,
}

/// Parses documentation HTML into blocks, repairing whatever is malformed.
pub(super) fn parse(html: &str) -> Vec<Block> {
    let mut builder = Builder {
        blocks: vec![Open::Root(Vec::new())],
        inlines: Vec::new(),
        paragraph: Vec::new(),
        pre: None,
    };
    for token in tokenize(html) {
        builder.token(token);
    }
    builder.finish()
}

impl Builder {
    fn token(&mut self, token: Token) {
        if let Some(pre) = &mut self.pre {
            match token {
                Token::Text(text) => pre.push_str(&text),
                Token::End(Tag::Pre) => {
                    let code = self.pre.take().unwrap_or_default();
                    let code = code.trim_matches('\n').trim_end().to_owned();
                    if !code.is_empty() {
                        self.push_block(Block::Code(code));
                    }
                }
                _ => {}
            }
            return;
        }
        match token {
            Token::Text(text) => self.text(&text),
            Token::Start { tag, href } => self.start(tag, href),
            Token::End(tag) => self.end(tag),
        }
    }

    fn text(&mut self, text: &str) {
        let target = match self.inlines.last_mut() {
            Some(open) => &mut open.content,
            None => &mut self.paragraph,
        };
        if !matches!(target.last(), Some(Inline::Text(_))) {
            target.push(Inline::Text(String::with_capacity(text.len())));
        }
        let Some(Inline::Text(collapsed)) = target.last_mut() else {
            return;
        };
        // HTML whitespace collapses to one space, also across text pieces.
        let bytes = text.as_bytes();
        let mut in_space = collapsed.ends_with(' ');
        let (mut run_start, mut index) = (0, 0);
        while index < bytes.len() {
            if matches!(bytes[index], b' ' | b'\t' | b'\n' | b'\r' | 0x0c) {
                if run_start < index {
                    collapsed.push_str(&text[run_start..index]);
                    in_space = false;
                }
                if !in_space {
                    collapsed.push(' ');
                    in_space = true;
                }
                run_start = index + 1;
            }
            index += 1;
        }
        if run_start < text.len() {
            collapsed.push_str(&text[run_start..]);
        }
    }

    fn start(&mut self, tag: Tag, href: Option<String>) {
        let opens_block = matches!(
            tag,
            Tag::List { .. } | Tag::DefinitionList | Tag::Item | Tag::Term | Tag::Callout(_)
        );
        if opens_block && self.blocks.len() + 2 > MAX_NESTING {
            self.flush_paragraph();
            return;
        }
        match tag {
            Tag::Paragraph | Tag::Break | Tag::Definition => self.flush_paragraph(),
            Tag::List { ordered } => {
                self.flush_paragraph();
                self.blocks.push(Open::List {
                    ordered,
                    items: Vec::new(),
                });
            }
            Tag::DefinitionList => {
                self.flush_paragraph();
                self.blocks.push(Open::List {
                    ordered: false,
                    items: Vec::new(),
                });
            }
            Tag::Item | Tag::Term => {
                self.flush_paragraph();
                if matches!(self.blocks.last(), Some(Open::Item(_))) {
                    self.close_block();
                }
                if !matches!(self.blocks.last(), Some(Open::List { .. })) {
                    self.blocks.push(Open::List {
                        ordered: false,
                        items: Vec::new(),
                    });
                }
                self.blocks.push(Open::Item(Vec::new()));
                if tag == Tag::Term {
                    self.open_inline(Tag::Strong, None);
                }
            }
            Tag::Callout(label) => {
                self.flush_paragraph();
                self.blocks.push(Open::Callout {
                    label,
                    blocks: Vec::new(),
                });
            }
            Tag::Pre => {
                self.flush_paragraph();
                self.pre = Some(String::new());
            }
            Tag::Code | Tag::Emphasis | Tag::Strong | Tag::Link => self.open_inline(tag, href),
            Tag::Neutral => {}
        }
    }

    fn end(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::Definition => self.flush_paragraph(),
            Tag::Term => {
                self.close_inline(Tag::Strong);
                self.flush_paragraph();
            }
            Tag::Item => {
                self.flush_paragraph();
                self.close_until(|open| matches!(open, Open::Item(_)));
            }
            Tag::List { .. } | Tag::DefinitionList => {
                self.flush_paragraph();
                self.close_until(|open| matches!(open, Open::List { .. }));
            }
            Tag::Callout(_) => {
                self.flush_paragraph();
                self.close_until(|open| matches!(open, Open::Callout { .. }));
            }
            Tag::Code | Tag::Emphasis | Tag::Strong | Tag::Link => self.close_inline(tag),
            Tag::Pre | Tag::Break | Tag::Neutral => {}
        }
    }

    fn open_inline(&mut self, tag: Tag, href: Option<String>) {
        if self.inlines.len() >= MAX_NESTING {
            return;
        }
        self.inlines.push(OpenInline {
            tag,
            href,
            content: Vec::new(),
        });
    }

    /// Closes the innermost open `tag` and everything opened inside it; a
    /// closing tag with nothing to close is ignored.
    fn close_inline(&mut self, tag: Tag) {
        if !self.inlines.iter().any(|open| open.tag == tag) {
            return;
        }
        while let Some(open) = self.inlines.pop() {
            let done = open.tag == tag;
            self.fold_inline(open);
            if done {
                break;
            }
        }
    }

    fn fold_inline(&mut self, open: OpenInline) {
        let inline = match open.tag {
            Tag::Code => Inline::Code(plain_text(&open.content)),
            Tag::Emphasis => Inline::Emphasis(open.content),
            Tag::Strong => Inline::Strong(open.content),
            Tag::Link => Inline::Link {
                href: open.href.unwrap_or_default(),
                content: open.content,
            },
            _ => return,
        };
        match self.inlines.last_mut() {
            Some(parent) => parent.content.push(inline),
            None => self.paragraph.push(inline),
        }
    }

    fn flush_paragraph(&mut self) {
        while let Some(open) = self.inlines.pop() {
            self.fold_inline(open);
        }
        let paragraph = std::mem::take(&mut self.paragraph);
        if !plain_text(&paragraph).trim().is_empty() {
            self.push_block(Block::Paragraph(paragraph));
        }
    }

    fn push_block(&mut self, block: Block) {
        if matches!(self.blocks.last(), Some(Open::List { .. })) {
            self.blocks.push(Open::Item(Vec::new()));
        }
        match self.blocks.last_mut() {
            Some(Open::Root(blocks) | Open::Item(blocks) | Open::Callout { blocks, .. }) => blocks.push(block),
            Some(Open::List { .. }) | None => {}
        }
    }

    /// Closes open blocks up to and including the innermost one matching
    /// `wanted`; does nothing when none matches (a stray closing tag).
    fn close_until(&mut self, wanted: impl Fn(&Open) -> bool) {
        let Some(depth) = self.blocks.iter().rposition(&wanted) else {
            return;
        };
        if depth == 0 {
            return;
        }
        while self.blocks.len() > depth {
            self.close_block();
        }
    }

    fn close_block(&mut self) {
        let Some(open) = self.blocks.pop() else {
            return;
        };
        let block = match open {
            Open::Root(blocks) => {
                self.blocks.push(Open::Root(blocks));
                return;
            }
            Open::Item(blocks) => {
                if let Some(Open::List { items, .. }) = self.blocks.last_mut() {
                    items.push(blocks);
                }
                return;
            }
            Open::List { ordered, items } => Block::List { ordered, items },
            Open::Callout { label, blocks } => Block::Callout { label, blocks },
        };
        if let Block::List { items, .. } = &block
            && items.is_empty()
        {
            return;
        }
        self.push_block(block);
    }

    fn finish(mut self) -> Vec<Block> {
        if self.pre.is_some() {
            self.token(Token::End(Tag::Pre));
        }
        self.flush_paragraph();
        while self.blocks.len() > 1 {
            self.close_block();
        }
        match self.blocks.pop() {
            Some(Open::Root(blocks)) => blocks,
            _ => Vec::new(),
        }
    }
}

/// The text of inline content without any markup.
fn plain_text(content: &[Inline]) -> String {
    let mut text = String::new();
    for inline in content {
        match inline {
            Inline::Text(part) | Inline::Code(part) => text.push_str(part),
            Inline::Emphasis(inner) | Inline::Strong(inner) | Inline::Link { content: inner, .. } => {
                text.push_str(&plain_text(inner))
            }
        }
    }
    text
}

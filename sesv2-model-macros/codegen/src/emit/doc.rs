//! Rustdoc for generated items: documentation is Markdown data until an
//! emitter writes it as `#[doc]` attributes.

use std::cell::OnceCell;
use std::rc::Rc;

use super::Emitter;
use crate::docs;
use crate::model::Shape;
use crate::traits::Documentation;

/// The documentation of one generated item, as Markdown.
pub(super) struct Docs {
    markdown: String,
    /// The attributes, rendered on first use: a member's docs are written
    /// on its field and again on its accessor.
    attributes: OnceCell<String>,
}

impl Docs {
    /// Every line, as doc attributes.
    pub fn write(&self, out: &mut String) {
        out.push_str(self.attributes.get_or_init(|| {
            let mut attributes = String::with_capacity(self.markdown.len() + self.markdown.len() / 8 + 16);
            write_lines(self.markdown.lines(), &mut attributes);
            attributes
        }));
    }

    /// The summary (the first paragraph) alone, for places that repeat an
    /// item's docs (builder setters).
    pub fn write_summary(&self, out: &mut String) {
        write_lines(self.markdown.lines().take_while(|line| !line.is_empty()), out);
    }
}

impl<'a> Emitter<'a> {
    /// The model's documentation (HTML, converted to Markdown), or
    /// `fallback` when it has none, then any paragraphs the generator adds.
    /// The model's summary stays the first paragraph.
    pub(super) fn docs(&self, documentation: Option<&'a Documentation>, fallback: &str, notes: &[String]) -> Docs {
        let converted = documentation.map(|documentation| self.markdown(documentation));
        let mut markdown = match converted.as_deref() {
            Some(text) if !text.is_empty() => text.to_owned(),
            _ => fallback.to_owned(),
        };
        for note in notes {
            if !markdown.is_empty() {
                markdown.push_str("\n\n");
            }
            markdown.push_str(note);
        }
        Docs {
            markdown,
            attributes: OnceCell::new(),
        }
    }

    fn markdown(&self, documentation: &'a Documentation) -> Rc<str> {
        // By address: the same trait documents a shape wherever it appears,
        // and hashing an address is cheaper than hashing the text.
        let key = std::ptr::from_ref(documentation);
        if let Some(markdown) = self.markdown.borrow().get(&key) {
            return Rc::clone(markdown);
        }
        let markdown: Rc<str> = docs::to_markdown(&documentation.html()).into();
        self.markdown.borrow_mut().insert(key, Rc::clone(&markdown));
        markdown
    }
}

/// `#[doc = " line"]` attributes, one per line of Markdown.
pub(super) fn write_lines<'l>(lines: impl Iterator<Item = &'l str>, out: &mut String) {
    for line in lines {
        if line.is_empty() {
            out.push_str("#[doc = \"\"]\n");
        } else {
            // `str`'s `Debug` writes a valid string literal (escaping what
            // Rust rejects or warns about), and it is compiled optimized in
            // `core` even when this crate is not; then add the space a `///`
            // line has after its slashes.
            out.push_str("#[doc = ");
            let quote = out.len();
            emit!(out, "{line:?}");
            out.insert(quote + 1, ' ');
            out.push_str("]\n");
        }
    }
}

/// A one-line doc attribute for text the generator writes itself.
pub(super) fn write_line(line: &str, out: &mut String) {
    write_lines(std::iter::once(line), out);
}

/// The shape id line every generated type documents.
pub(super) fn shape_note(shape: &Shape) -> String {
    format!("Smithy shape: `{}`.", shape.id)
}

/// "a" or "an" before a name, by its first letter.
pub(super) fn article(name: &str) -> &'static str {
    match name.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

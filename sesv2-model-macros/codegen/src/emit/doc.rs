//! Rustdoc attributes for generated items.

use std::rc::Rc;

use super::Emitter;
use crate::docs;
use crate::model::Shape;
use crate::traits::Documentation;

impl<'a> Emitter<'a> {
    /// Doc attributes for the model's documentation (HTML, converted to
    /// Markdown), or `fallback` when it has none, then any paragraphs the
    /// generator adds. The model's summary stays the first line.
    pub(super) fn doc_attributes(
        &self,
        documentation: Option<&'a Documentation>,
        fallback: &str,
        notes: &[String],
    ) -> String {
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
        doc_text(&markdown)
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

/// `#[doc = " line"]` attributes for Markdown text, one per line.
pub(super) fn doc_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 8 + 16);
    for line in markdown.lines() {
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
    out
}

/// The first paragraph of rendered doc attributes: the summary, for places
/// that repeat a member's docs (builder setters).
pub(super) fn summary(docs: &str) -> &str {
    docs.find("#[doc = \"\"]").map_or(docs, |end| &docs[..end])
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

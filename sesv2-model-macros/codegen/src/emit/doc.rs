//! Rustdoc attributes for generated items.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::docs;
use crate::ident;
use crate::model::Shape;
use crate::names::ItemNames;

/// Doc attributes for Markdown text: the model's HTML converted, then any
/// paragraphs the generator adds. The model's summary stays the first line.
pub(super) fn doc_attributes(html: Option<&str>, fallback: &str, notes: &[String]) -> TokenStream {
    let mut markdown = html.map(docs::to_markdown).unwrap_or_default();
    if markdown.is_empty() {
        markdown = fallback.to_owned();
    }
    for note in notes {
        if !markdown.is_empty() {
            markdown.push_str("\n\n");
        }
        markdown.push_str(note);
    }
    markdown
        .lines()
        .map(|line| {
            let line = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            quote!(#[doc = #line])
        })
        .collect()
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

pub(super) fn item_ident(names: &ItemNames) -> Ident {
    ident::ident(&names.type_name)
}

//! Writers for the shapes of output every emitter repeats: impl blocks,
//! inline functions, `Display` and `Debug` impls, the redacting `Debug` of
//! structures and builders, `#[deprecated]`.

use std::fmt;

use super::Emitter;
use super::member::Field;
use super::types::Allows;
use crate::traits::Deprecated;

/// `impl {header} { .. }`, the body written by `body`.
pub(super) fn impl_block(out: &mut String, allows: Allows, header: fmt::Arguments<'_>, body: impl FnOnce(&mut String)) {
    emit!(out, "{allows}impl {header} {{\n");
    body(out);
    out.push_str("}\n");
}

/// `#[inline] {signature} { .. }`, the body written by `body`.
pub(super) fn inline_fn(out: &mut String, signature: fmt::Arguments<'_>, body: impl FnOnce(&mut String)) {
    emit!(out, "#[inline]\n{signature} {{\n");
    body(out);
    out.push_str("\n}\n");
}

/// A trait of `core::fmt` that generated types implement by hand.
#[derive(Clone, Copy)]
pub(super) enum FmtTrait {
    Debug,
    Display,
}

/// `impl ::core::fmt::{Debug|Display} for {name}`; `body` writes the body
/// of `fmt`, whose formatter is `__f`.
pub(super) fn fmt_impl(
    out: &mut String,
    allows: Allows,
    fmt_trait: FmtTrait,
    name: &str,
    body: impl FnOnce(&mut String),
) {
    let fmt_trait = match fmt_trait {
        FmtTrait::Debug => "Debug",
        FmtTrait::Display => "Display",
    };
    impl_block(
        out,
        allows,
        format_args!("::core::fmt::{fmt_trait} for {name}"),
        |out| {
            inline_fn(
                out,
                format_args!("fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result"),
                body,
            );
        },
    );
}

/// What a type with a redacting `Debug` holds in its fields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Holds {
    /// The values themselves: a redacted one shows as the marker.
    Values,
    /// `Option`s of them (a builder's slots): a redacted one shows as
    /// `Some(marker)` when set, `None` when not.
    Slots,
}

impl Emitter<'_> {
    /// `Debug` for a structure or its builder that shows the redaction
    /// marker instead of sensitive members, or of all of them when `whole`.
    pub(super) fn redacting_debug(
        &self,
        out: &mut String,
        allows: Allows,
        name: &str,
        fields: &[Field<'_>],
        whole: bool,
        holds: Holds,
    ) {
        let private = &self.private;
        fmt_impl(out, allows, FmtTrait::Debug, name, |out| {
            emit!(out, "let mut __debug = __f.debug_struct({name:?});\n");
            // A statement per field: a chain of calls nests as deep as it is long.
            for field in fields {
                let (label, ident) = (&field.ident.name, &field.ident.rust);
                match (whole || field.redacted, holds) {
                    (false, _) => emit!(out, "__debug.field({label:?}, &self.{ident});\n"),
                    (true, Holds::Values) => emit!(out, "__debug.field({label:?}, &{private}::REDACTED);\n"),
                    (true, Holds::Slots) => emit!(
                        out,
                        "__debug.field({label:?}, &self.{ident}.as_ref().map(|_| {private}::REDACTED));\n"
                    ),
                }
            }
            out.push_str("__debug.finish()");
        });
    }
}

/// `#[deprecated]` with the model's message; Smithy's `since` is free text
/// (often a date) where Rust wants a version, so it goes into the note.
pub(super) fn write_deprecated(deprecated: Option<&Deprecated>, out: &mut String) {
    let Some(deprecated) = deprecated else {
        return;
    };
    let message = deprecated.message.as_deref().unwrap_or("deprecated in the model");
    match &deprecated.since {
        Some(since) => {
            let note = format!("{message} (deprecated since {since})");
            emit!(out, "#[deprecated(note = {note:?})]\n");
        }
        None => emit!(out, "#[deprecated(note = {message:?})]\n"),
    }
}

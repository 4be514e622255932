//! The serde impls every generated type has: `Encode` with `Serialize`
//! through it, and `Decode` with `Deserialize` through one of the runtime's
//! decoding functions, inside a `const _: () = { .. };` block of their own.

use super::Emitter;
use super::types::{Allows, format_variant};
use super::writer::impl_block;
use crate::traits::TimestampFormat;

/// The runtime's support module, as the `use` at the top of every block of
/// wire impls names it: short paths keep the generated code (and the
/// compiler's work on it) small.
pub(super) const P: &str = "__p";
/// `serde`, likewise.
pub(super) const SERDE: &str = "__serde";

impl Emitter<'_> {
    /// A `const _: () = { .. };` block of wire impls, with the local `use`s
    /// that [`P`] and [`SERDE`] name; `body` writes the impls.
    pub(super) fn wire_block(&self, allows: Allows, out: &mut String, body: impl FnOnce(&mut String)) {
        emit!(
            out,
            "{allows}const _: () = {{\nuse {} as {P};\nuse {P}::serde as {SERDE};\n",
            self.private
        );
        body(out);
        out.push_str("};\n");
    }

    /// `Encode`, whose body `body` writes (it writes `self` to
    /// `__serializer`), and `Serialize` through it.
    pub(super) fn encode_impls(&self, name: &str, out: &mut String, body: impl FnOnce(&mut String)) {
        let signature = format!(
            "<__S: {SERDE}::Serializer>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>"
        );
        impl_block(out, Allows::default(), format_args!("{P}::Encode for {name}"), |out| {
            emit!(out, "fn encode{signature} {{\n");
            body(out);
            out.push_str("\n}\n");
        });
        impl_block(
            out,
            Allows::default(),
            format_args!("{SERDE}::Serialize for {name}"),
            |out| {
                emit!(
                    out,
                    "fn serialize{signature} {{\n{P}::Encode::encode(self, __serializer)\n}}\n"
                );
            },
        );
    }

    /// `Decode` and `Deserialize` through the runtime's `function`
    /// (`decode_structure`, `decode_enum`, ...).
    pub(super) fn decode_impls(&self, name: &str, function: &str, out: &mut String) {
        impl_block(
            out,
            Allows::default(),
            format_args!("<'de> {P}::Decode<'de> for {name}"),
            |out| {
                emit!(
                    out,
                    "fn decode<__D: {SERDE}::Deserializer<'de>>(__deserializer: __D, __at: {P}::At) \
                 -> ::core::result::Result<Self, __D::Error> {{\n{P}::{function}(__deserializer, __at)\n}}\n"
                );
            },
        );
        impl_block(
            out,
            Allows::default(),
            format_args!("<'de> {SERDE}::Deserialize<'de> for {name}"),
            |out| {
                emit!(
                    out,
                    "fn deserialize<__D: {SERDE}::Deserializer<'de>>(__deserializer: __D) \
                 -> ::core::result::Result<Self, __D::Error> {{\n\
                 {P}::{function}(__deserializer, &{P}::Place::TOP)\n}}\n"
                );
            },
        );
    }
}

/// `const __PLACES: &[Place] = &[..];`: where each member of `name` sits, by
/// its wire name and timestamp format, for messages and decoding. One
/// constant, so that decoding passes a pointer into it.
pub(super) fn write_places<'w>(
    name: &str,
    members: impl Iterator<Item = (&'w str, Option<TimestampFormat>)>,
    out: &mut String,
) {
    emit!(out, "const __PLACES: &[{P}::Place] = &[\n");
    for (wire, format) in members {
        emit!(out, "{P}::Place::member({name:?}, {wire:?})");
        if let Some(format) = format {
            emit!(out, ".with_format({P}::TimestampFormat::{})", format_variant(format));
        }
        out.push_str(",\n");
    }
    out.push_str("];\n");
}

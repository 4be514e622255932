//! The serde impls every generated type has: `Encode` with `Serialize`
//! through it, and `Decode` with `Deserialize` through one of the runtime's
//! decoding functions.

use super::Emitter;

/// The runtime's support module, as the `use` at the top of every
/// `const _: () = { ... }` block of wire impls names it: short paths keep the
/// generated code (and the compiler's work on it) small.
pub(super) const P: &str = "__p";
/// `serde`, likewise.
pub(super) const SERDE: &str = "__serde";

impl Emitter<'_> {
    /// Opens a `const _: () = {` block of wire impls, with the local `use`s
    /// that [`P`] and [`SERDE`] name.
    pub(super) fn open_wire_block(&self, allow: &str, out: &mut String) {
        emit!(
            out,
            "{allow}const _: () = {{\nuse {} as {P};\nuse {P}::serde as {SERDE};\n",
            self.private
        );
    }

    /// `Encode` with `body` (which writes `self` to `serializer`), and
    /// `Serialize` through it.
    pub(super) fn encode_impls(&self, name: &str, body: &str, out: &mut String) {
        emit!(
            out,
            "impl {P}::Encode for {name} {{\n\
             fn encode<__S: {SERDE}::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {{\n\
             {body}\n}}\n}}\n\
             impl {SERDE}::Serialize for {name} {{\n\
             fn serialize<__S: {SERDE}::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {{\n\
             {P}::Encode::encode(self, serializer)\n}}\n}}\n"
        );
    }

    /// `Decode` and `Deserialize` through the runtime's `function`
    /// (`decode_structure`, `decode_enum`, ...).
    pub(super) fn decode_impls(&self, name: &str, function: &str, out: &mut String) {
        emit!(
            out,
            "impl<'de> {P}::Decode<'de> for {name} {{\n\
             fn decode<__D: {SERDE}::Deserializer<'de>>(deserializer: __D, at: {P}::At) -> ::core::result::Result<Self, __D::Error> {{\n\
             {P}::{function}(deserializer, at)\n}}\n}}\n\
             impl<'de> {SERDE}::Deserialize<'de> for {name} {{\n\
             fn deserialize<__D: {SERDE}::Deserializer<'de>>(deserializer: __D) -> ::core::result::Result<Self, __D::Error> {{\n\
             {P}::{function}(deserializer, &{P}::Place::TOP)\n}}\n}}\n"
        );
    }
}

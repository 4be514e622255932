//! Int enums: one variant per model value plus one that keeps unknown
//! values, conversions from and to `i32`, and their wire impls (a JSON number).

use super::Emitter;
use super::doc::{article, shape_note};
use super::enumeration::variant_declaration;
use super::types::{deprecated_attribute, rust};
use super::wire::P;
use crate::model::{IntEnumMember, Shape};
use crate::names::ItemNames;

pub(super) fn emit<'a>(
    emitter: &Emitter<'a>,
    shape: &'a Shape,
    names: &ItemNames,
    members: &'a [IntEnumMember],
    out: &mut String,
) {
    // Everything that names the runtime's support module is inside the wire block.
    let (runtime, private) = (&emitter.runtime, P);
    let name = &names.type_name;
    let unknown = rust(&names.unknown_variant);
    let allow = emitter.allow_deprecated(&shape.id);
    let docs = emitter.doc_attributes(
        shape.traits.documentation.as_ref(),
        &format!("The `{}` int enum.", shape.id.name()),
        &[shape_note(shape)],
    );
    let variants: Vec<String> = names.members.iter().map(|variant| rust(variant)).collect();
    emit!(
        out,
        "{docs}{}{allow}#[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, \
         ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash, ::core::cmp::PartialOrd, ::core::cmp::Ord{})]\n\
         #[non_exhaustive]\npub enum {name} {{\n",
        deprecated_attribute(shape.traits.deprecated.as_ref()),
        emitter.derives.extra(&shape.id),
    );
    for (member, variant) in members.iter().zip(&variants) {
        variant_declaration(emitter, variant, &member.value, &member.traits, out);
    }
    emit!(
        out,
        "#[doc = \" A value the model did not list when this code was generated; [`{name}::value`] returns it.\"]\n\
         {unknown}({runtime}::UnknownIntValue),\n}}\n"
    );
    emitter.open_wire_block(allow, out);
    emit!(
        out,
        "impl {name} {{\n\
         /// The value as it appears on the wire.\n\
         #[inline]\npub fn value(self) -> ::core::primitive::i32 {{\nmatch self {{\n"
    );
    for (member, variant) in members.iter().zip(&variants) {
        emit!(out, "Self::{variant} => {},\n", member.value);
    }
    emit!(
        out,
        "Self::{unknown}(value) => value.value(),\n}}\n}}\n\
         /// The wire values the model lists, in the model's order.\n\
         #[inline]\npub const fn values() -> &'static [::core::primitive::i32] {{\n&["
    );
    for member in members {
        emit!(out, "{}, ", member.value);
    }
    emit!(
        out,
        "]\n}}\n}}\n\
         impl ::core::convert::From<::core::primitive::i32> for {name} {{\n\
         #[inline]\nfn from(value: ::core::primitive::i32) -> Self {{\nmatch value {{\n"
    );
    for (member, variant) in members.iter().zip(&variants) {
        emit!(out, "{} => Self::{variant},\n", member.value);
    }
    emit!(
        out,
        "other => Self::{unknown}({private}::unknown_int_value(other)),\n}}\n}}\n}}\n\
         impl ::core::convert::From<{name}> for ::core::primitive::i32 {{\n\
         #[inline]\nfn from(value: {name}) -> Self {{ value.value() }}\n}}\n\
         impl ::core::fmt::Display for {name} {{\n\
         #[inline]\nfn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{ ::core::fmt::Display::fmt(&self.value(), f) }}\n}}\n\
         impl {private}::HttpText for {name} {{\n\
         #[inline]\nfn write_http(&self, out: &mut ::std::string::String, _format: {private}::TimestampFormat) {{\n\
         out.push_str(&::std::string::ToString::to_string(&self.value()))\n}}\n}}\n\
         impl {private}::IntEnumValue for {name} {{\n\
         const EXPECTING: &'static ::core::primitive::str = \"{} `{name}` integer\";\n}}\n",
        article(name)
    );
    emitter.encode_impls(name, "serializer.serialize_i32(self.value())", out);
    emitter.decode_impls(name, "decode_int_enum", out);
    if emitter.corrects_errors() {
        emit!(
            out,
            "impl {private}::Correct for {name} {{\n#[inline]\nfn corrected() -> Self {{ Self::from(0) }}\n}}\n"
        );
    }
    out.push_str("};\n");
}

//! Enums: one variant per model value plus one that keeps unknown values,
//! conversions from and to the wire string, and their wire impls.

use super::Emitter;
use super::doc::{article, shape_note};
use super::types::{deprecated_attribute, rust};
use super::wire::P;
use crate::model::{EnumMember, Shape};
use crate::names::ItemNames;
use crate::traits::Traits;

pub(super) fn emit<'a>(
    emitter: &Emitter<'a>,
    shape: &'a Shape,
    names: &ItemNames,
    members: &'a [EnumMember],
    out: &mut String,
) {
    // Everything that names the runtime's support module is inside the wire block.
    let (runtime, private) = (&emitter.runtime, P);
    let name = &names.type_name;
    let unknown = rust(&names.unknown_variant);
    let allow = emitter.allow_deprecated(&shape.id);

    let mut notes = vec![shape_note(shape)];
    if shape.traits.sensitive {
        notes.push("Sensitive: `Debug` shows a redaction marker instead of the value.".to_owned());
    }
    let docs = emitter.doc_attributes(
        shape.traits.documentation.as_ref(),
        &format!("The `{}` enum.", shape.id.name()),
        &notes,
    );
    let variants: Vec<String> = names.members.iter().map(|variant| rust(variant)).collect();
    emit!(
        out,
        "{docs}{}{allow}#[derive(::core::clone::Clone, {}::core::cmp::PartialEq, ::core::cmp::Eq, \
         ::core::hash::Hash, ::core::cmp::PartialOrd, ::core::cmp::Ord{})]\n#[non_exhaustive]\npub enum {name} {{\n",
        deprecated_attribute(shape.traits.deprecated.as_ref()),
        if shape.traits.sensitive {
            ""
        } else {
            "::core::fmt::Debug, "
        },
        emitter.derives.extra(&shape.id),
    );
    for (member, variant) in members.iter().zip(&variants) {
        variant_declaration(emitter, variant, &member.value, &member.traits, out);
    }
    emit!(
        out,
        "#[doc = \" A value the model did not list when this code was generated; [`{name}::as_str`] returns it.\"]\n\
         {unknown}({runtime}::UnknownValue),\n}}\n"
    );
    emitter.open_wire_block(allow, out);
    emit!(
        out,
        "impl {name} {{\n\
         /// The value as it appears on the wire.\n\
         #[inline]\npub fn as_str(&self) -> &::core::primitive::str {{\nmatch self {{\n"
    );
    for (member, variant) in members.iter().zip(&variants) {
        emit!(out, "Self::{variant} => {:?},\n", member.value);
    }
    emit!(
        out,
        "Self::{unknown}(value) => value.as_str(),\n}}\n}}\n\
         /// The wire values the model lists, in the model's order.\n\
         #[inline]\npub const fn values() -> &'static [&'static ::core::primitive::str] {{\n&["
    );
    for member in members {
        emit!(out, "{:?}, ", member.value);
    }
    emit!(
        out,
        "]\n}}\n}}\n\
         impl ::core::convert::From<&::core::primitive::str> for {name} {{\n\
         #[inline]\nfn from(value: &::core::primitive::str) -> Self {{\nmatch value {{\n"
    );
    for (member, variant) in members.iter().zip(&variants) {
        emit!(out, "{:?} => Self::{variant},\n", member.value);
    }
    emit!(
        out,
        "other => Self::{unknown}({private}::unknown_value(other)),\n}}\n}}\n}}\n\
         impl ::core::convert::From<::std::string::String> for {name} {{\n\
         #[inline]\nfn from(value: ::std::string::String) -> Self {{\nmatch value.as_str() {{\n"
    );
    for (member, variant) in members.iter().zip(&variants) {
        emit!(out, "{:?} => Self::{variant},\n", member.value);
    }
    emit!(
        out,
        "_ => Self::{unknown}({private}::unknown_value(value)),\n}}\n}}\n}}\n\
         impl ::core::str::FromStr for {name} {{\n\
         type Err = ::core::convert::Infallible;\n\
         #[inline]\nfn from_str(value: &::core::primitive::str) -> ::core::result::Result<Self, ::core::convert::Infallible> {{\n\
         ::core::result::Result::Ok(Self::from(value))\n}}\n}}\n\
         impl ::core::fmt::Display for {name} {{\n\
         #[inline]\nfn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{ f.write_str(self.as_str()) }}\n}}\n\
         impl ::core::convert::AsRef<::core::primitive::str> for {name} {{\n\
         #[inline]\nfn as_ref(&self) -> &::core::primitive::str {{ self.as_str() }}\n}}\n\
         impl {private}::MapKey for {name} {{\n\
         #[inline]\nfn from_key(key: ::std::string::String) -> Self {{ Self::from(key) }}\n\
         #[inline]\nfn as_key(&self) -> &::core::primitive::str {{ self.as_str() }}\n}}\n\
         impl {private}::HttpText for {name} {{\n\
         #[inline]\nfn write_http(&self, out: &mut ::std::string::String, _format: {private}::TimestampFormat) {{ out.push_str(self.as_str()) }}\n}}\n\
         impl {private}::EnumValue for {name} {{\n\
         const EXPECTING: &'static ::core::primitive::str = \"{} `{name}` string\";\n}}\n",
        article(name)
    );
    if shape.traits.sensitive {
        emit!(
            out,
            "impl ::core::fmt::Debug for {name} {{\n\
             #[inline]\nfn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{ f.write_str({private}::REDACTED) }}\n}}\n"
        );
    }
    emitter.encode_impls(name, "serializer.serialize_str(self.as_str())", out);
    emitter.decode_impls(name, "decode_enum", out);
    if emitter.corrects_errors() {
        emit!(
            out,
            "impl {private}::Correct for {name} {{\n\
             #[inline]\nfn corrected() -> Self {{ Self::{unknown}({private}::unknown_value(\"\")) }}\n}}\n"
        );
    }
    out.push_str("};\n");
}

/// A variant of a generated enum or int enum: the model's docs, then its
/// wire value (the docs' only line when the model has none).
pub(super) fn variant_declaration<'a>(
    emitter: &Emitter<'a>,
    variant: &str,
    value: &dyn std::fmt::Display,
    traits: &'a Traits,
    out: &mut String,
) {
    let wire_value = format!("The wire value `{value}`.");
    let docs = match traits.documentation.as_ref() {
        Some(documentation) => {
            emitter.doc_attributes(Some(documentation), &wire_value, std::slice::from_ref(&wire_value))
        }
        None => emitter.doc_attributes(None, &wire_value, &[]),
    };
    emit!(
        out,
        "{docs}{}{variant},\n",
        deprecated_attribute(traits.deprecated.as_ref())
    );
}

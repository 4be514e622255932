//! Unions: a Rust enum with one variant per member, plus one that keeps a
//! member the model does not know (its name and raw JSON value), which is
//! written back unchanged. On the wire a union is a single-key JSON object.

use super::doc::{article, shape_note};
use super::types::{allow_complex_types, deprecated_attribute, rust};
use super::wire::{P, SERDE};
use super::{Emitter, Scope};
use crate::model::{Member, Shape, ShapeKind, Simple};
use crate::names::ItemNames;
use crate::resolve::UNIT;

pub(super) fn emit<'a>(
    emitter: &Emitter<'a>,
    shape: &'a Shape,
    names: &ItemNames,
    members: &'a [Member],
    out: &mut String,
) {
    // Everything that names the runtime's support module or serde is inside the wire block.
    let (runtime, private, serde) = (&emitter.runtime, P, SERDE);
    let name = &names.type_name;
    let unknown = rust(&names.unknown_variant);

    let mut notes = vec![shape_note(shape)];
    if shape.traits.streaming {
        emitter.note(
            shape.id.as_str(),
            "an event stream: the generated serde impls read and write one event as JSON, not the binary \
             event-stream framing"
                .to_owned(),
        );
        notes.push(
            "On the wire this union is an event stream (binary frames carrying one event each), not JSON; \
             its serde impls read and write a single event."
                .to_owned(),
        );
    }
    if shape.traits.sensitive {
        notes.push("Sensitive: `Debug` shows a redaction marker instead of the value.".to_owned());
    }
    if !emitter.protocol.is_json() {
        notes.push(format!(
            "The service uses the {} protocol: this type's serde impls read and write JSON, not that protocol's wire format.",
            emitter.protocol.name()
        ));
    }
    let docs = emitter.doc_attributes(
        shape.traits.documentation.as_ref(),
        &format!("The `{}` union.", shape.id.name()),
        &notes,
    );
    let variants: Vec<String> = names.members.iter().map(|variant| rust(variant)).collect();
    let wires: Vec<&str> = members.iter().map(|member| emitter.wire_name(member)).collect();
    let payloads: Vec<Option<String>> = members
        .iter()
        .map(|member| payload_type(emitter, shape, member))
        .collect();
    let formats: Vec<Option<String>> = members
        .iter()
        .map(|member| {
            emitter
                .timestamp_format(member)
                .map(|format| emitter.format_path(format))
        })
        .collect();
    let hidden: Vec<bool> = members
        .iter()
        .map(|member| shape.traits.sensitive || emitter.is_redacted(member))
        .collect();
    let redacts = hidden.iter().any(|hidden| *hidden);
    let allow = format!(
        "{}{}",
        emitter.allow_deprecated(&shape.id),
        allow_complex_types(payloads.iter().flatten().map(String::as_str))
    );
    let allow = allow.as_str();

    emit!(
        out,
        "{docs}{}{allow}#[derive(::core::clone::Clone, ::core::cmp::PartialEq{}{})]\n#[non_exhaustive]\npub enum {name} {{\n",
        deprecated_attribute(shape.traits.deprecated.as_ref()),
        if redacts { "" } else { ", ::core::fmt::Debug" },
        emitter.derives.extra(&shape.id),
    );
    for (index, member) in members.iter().enumerate() {
        let notes: Vec<String> = emitter
            .is_redacted(member)
            .then(|| "Sensitive: `Debug` shows a redaction marker instead of the value.".to_owned())
            .into_iter()
            .collect();
        let docs = emitter.doc_attributes(
            emitter.member_docs(member),
            &format!("The `{}` member.", member.name),
            &notes,
        );
        let deprecated = deprecated_attribute(member.traits.deprecated.as_ref());
        let variant = &variants[index];
        match &payloads[index] {
            Some(ty) => emit!(out, "{docs}{deprecated}{variant}({ty}),\n"),
            None => emit!(out, "{docs}{deprecated}{variant},\n"),
        }
    }
    emit!(
        out,
        "#[doc = \" A member the model did not list when this code was generated, kept with its JSON value so that `{name}` is written back unchanged.\"]\n\
         {unknown}({runtime}::UnknownMember),\n}}\n"
    );
    emitter.open_wire_block(allow, out);

    if redacts {
        emit!(
            out,
            "impl ::core::fmt::Debug for {name} {{\n\
             #[inline]\nfn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{\nmatch self {{\n"
        );
        for index in 0..members.len() {
            let variant = &variants[index];
            match (&payloads[index], hidden[index]) {
                (Some(_), true) => emit!(
                    out,
                    "Self::{variant}(_) => f.debug_tuple({variant:?}).field(&{private}::REDACTED).finish(),\n"
                ),
                (Some(_), false) => {
                    emit!(
                        out,
                        "Self::{variant}(value) => f.debug_tuple({variant:?}).field(value).finish(),\n"
                    )
                }
                (None, _) => emit!(out, "Self::{variant} => f.write_str({variant:?}),\n"),
            }
        }
        emit!(
            out,
            "Self::{unknown}(_) => f.debug_tuple({unknown:?}).field(&{private}::REDACTED).finish(),\n}}\n}}\n}}\n"
        );
    }

    let mut encode = format!(
        "use {serde}::ser::SerializeMap as _;\n\
         let mut map = serializer.serialize_map(::core::option::Option::Some(1))?;\nmatch self {{\n"
    );
    for index in 0..members.len() {
        let (variant, wire) = (&variants[index], wires[index]);
        match (&payloads[index], &formats[index]) {
            (Some(_), Some(format)) => emit!(
                encode,
                "Self::{variant}(value) => map.serialize_entry({wire:?}, &{private}::EncodedAs(value, {format}))?,\n"
            ),
            (Some(_), None) => emit!(
                encode,
                "Self::{variant}(value) => map.serialize_entry({wire:?}, &{private}::Encoded(value))?,\n"
            ),
            (None, _) => emit!(
                encode,
                "Self::{variant} => map.serialize_entry({wire:?}, &{private}::Encoded(&{private}::Unit))?,\n"
            ),
        }
    }
    emit!(
        encode,
        "Self::{unknown}(member) => map.serialize_entry(member.name(), member.value())?,\n}}\nmap.end()"
    );
    emitter.encode_impls(name, &encode, out);

    emit!(
        out,
        "impl {private}::DecodeUnion for {name} {{\n\
         const EXPECTING: &'static ::core::primitive::str = \"{} `{name}` object with exactly one member set\";\n\
         const NAME: &'static ::core::primitive::str = {name:?};\n\
         const MEMBERS: &'static [&'static ::core::primitive::str] = &[",
        article(name)
    );
    for wire in &wires {
        emit!(out, "{wire:?}, ");
    }
    emit!(
        out,
        "];\nfn decode_member<'de, __A: {serde}::de::MapAccess<'de>>(index: ::core::primitive::usize, map: &mut __A) \
         -> ::core::result::Result<::core::option::Option<Self>, __A::Error> {{\n"
    );
    emit!(out, "const PLACES: &[{private}::Place] = &[\n");
    for index in 0..members.len() {
        emit!(out, "{private}::Place::member({name:?}, {:?})", wires[index]);
        if let Some(format) = &formats[index] {
            emit!(out, ".with_format({format})");
        }
        out.push_str(",\n");
    }
    out.push_str("];\n::core::result::Result::Ok(match index {\n");
    for index in 0..members.len() {
        let variant = &variants[index];
        match &payloads[index] {
            Some(ty) => emit!(
                out,
                "{index} => map.next_value_seed({private}::Member::<{ty}>::new(&PLACES[{index}]))?.map(Self::{variant}),\n"
            ),
            None => emit!(
                out,
                "{index} => map.next_value_seed({private}::Member::<{private}::Unit>::new(&PLACES[{index}]))?.map(|_| Self::{variant}),\n"
            ),
        }
    }
    emit!(
        out,
        "_ => {{\nmap.next_value::<{serde}::de::IgnoredAny>()?;\n::core::option::Option::None\n}}\n}})\n}}\n\
         fn unknown(name: ::std::string::String, value: {private}::serde_json::Value) -> Self {{\n\
         Self::{unknown}({private}::unknown_member(name, value))\n}}\n}}\n"
    );
    emitter.decode_impls(name, "decode_union", out);
    if emitter.corrects_errors() {
        emit!(
            out,
            "impl {private}::Correct for {name} {{\n#[inline]\nfn corrected() -> Self {{\n\
             Self::{unknown}({private}::unknown_member(::std::string::String::new(), {private}::serde_json::Value::Null))\n}}\n}}\n"
        );
    }
    out.push_str("};\n");
}

/// The payload type of a union member's variant, named from the items
/// module; `None` for a member targeting Unit (a unit variant).
pub(super) fn payload_type(emitter: &Emitter<'_>, shape: &Shape, member: &Member) -> Option<String> {
    let is_unit = member.target.as_str() == UNIT
        || matches!(
            emitter.shape(&member.target).map(|shape| &shape.kind),
            Some(ShapeKind::Simple(Simple::Unit))
        );
    (!is_unit).then(|| {
        let ty = emitter.value_type(&member.target, Scope::Items);
        if emitter.boxed.contains(&shape.id, &member.name) {
            format!("::std::boxed::Box<{ty}>")
        } else {
            ty
        }
    })
}

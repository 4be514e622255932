//! Structures on the JSON wire: `Encode`/`Serialize` write the body members
//! that are set, `Decode`/`Deserialize` read them by wire name, skip unknown
//! ones, read `null` as absent, apply defaults and name the member in every
//! error. Members bound to the URI, headers or status stay out of the body.

use super::doc::article;
use super::member::{Field, Presence, RequiredMatch, binding};
use super::types::format_variant;
use super::wire::{P, SERDE};
use super::{Emitter, Scope};

/// Whether the body alone can make a value: no required member travels
/// elsewhere.
pub(super) fn decodable(fields: &[Field<'_>]) -> bool {
    fields.iter().all(|field| field.in_body() || !field.is_required())
}

pub(super) fn emit(
    emitter: &Emitter<'_>,
    name: &str,
    fields: &[Field<'_>],
    decodable: bool,
    allow: &str,
    out: &mut String,
) {
    emitter.open_wire_block(allow, out);
    encode(emitter, name, fields, out);
    if decodable {
        decode(emitter, name, fields, out);
        emitter.decode_impls(name, "decode_structure", out);
    }
    if emitter.corrects_errors() {
        correct(name, fields, out);
    }
    out.push_str("};\n");
}

// Each member is one call of a runtime helper (`write_member`,
// `read_member`, ...): the generic code rustc checks and stores per type,
// and with it the compiler's memory, stays small.

fn encode(emitter: &Emitter<'_>, name: &str, fields: &[Field<'_>], out: &mut String) {
    let body: Vec<&Field<'_>> = fields.iter().filter(|field| field.in_body()).collect();
    let always = body.iter().filter(|field| !field.is_optional()).count();
    // The optional members that are set, counted over a flat array: a sum
    // of thousands of terms nests as deep as it is long, which overflows the
    // stack of the parsers and printers that read the code.
    let optional: Vec<String> = body
        .iter()
        .filter(|field| field.is_optional())
        .map(|field| format!("self.{}.is_some(),", field.field))
        .collect();
    let count = match (always, optional.is_empty()) {
        (_, true) => always.to_string(),
        (0, false) => format!("{P}::count_set(&[{}])", optional.concat()),
        _ => format!("{always} + {P}::count_set(&[{}])", optional.concat()),
    };
    let mut writes = String::new();
    for field in &body {
        let (ident, wire) = (&field.field, field.wire);
        let function = if field.is_optional() {
            "write_optional"
        } else {
            "write_member"
        };
        match field.format {
            Some(format) => emit!(
                writes,
                "{P}::{function}_as(&mut state, {wire:?}, &self.{ident}, {P}::TimestampFormat::{})?;\n",
                format_variant(format)
            ),
            None => emit!(writes, "{P}::{function}(&mut state, {wire:?}, &self.{ident})?;\n"),
        }
    }
    let state = if body.is_empty() { "state" } else { "mut state" };
    let code = format!(
        "use {SERDE}::ser::SerializeStruct as _;\n\
         let {state} = serializer.serialize_struct({name:?}, {})?;\n{writes}state.end()",
        count
    );
    emitter.encode_impls(name, &code, out);
}

fn decode(emitter: &Emitter<'_>, name: &str, fields: &[Field<'_>], out: &mut String) {
    let body: Vec<&Field<'_>> = fields.iter().filter(|field| field.in_body()).collect();
    emit!(
        out,
        "impl {P}::DecodeFields for {name} {{\n\
         const EXPECTING: &'static ::core::primitive::str = \"{} `{name}` object\";\n",
        article(name)
    );
    // A `match` on the names compiles to comparisons of constant bytes, as
    // serde's derive does; a search through a list of names is slower.
    if !body.is_empty() {
        out.push_str("fn member_index(name: &::core::primitive::str) -> ::core::primitive::usize {\nmatch name {\n");
        for (index, field) in body.iter().enumerate() {
            emit!(out, "{:?} => {index},\n", field.wire);
        }
        out.push_str("_ => ::core::primitive::usize::MAX,\n}\n}\n");
    }
    emit!(
        out,
        "fn decode_fields<'de, __A: {SERDE}::de::MapAccess<'de>>(mut map: __A) -> ::core::result::Result<Self, __A::Error> {{\n"
    );
    if body.is_empty() {
        emit!(
            out,
            "while map.next_key_seed({P}::FieldSeed::<Self>::new())?.is_some() {{\n\
             {P}::skip_value(&mut map)?;\n}}\n"
        );
        finish(emitter, fields, out);
        return;
    }
    // Where each member sits, for messages and timestamp formats: one
    // constant, so that decoding passes a pointer into it.
    emit!(out, "const PLACES: &[{P}::Place] = &[\n");
    for field in &body {
        emit!(out, "{P}::Place::member({name:?}, {:?})", field.wire);
        if let Some(format) = field.format {
            emit!(out, ".with_format({P}::TimestampFormat::{})", format_variant(format));
        }
        out.push_str(",\n");
    }
    out.push_str("];\n");
    // The slots are one tuple, not a local each: every `let` opens a scope
    // that the debug info nests inside the previous one, and LLVM recurses
    // through that nesting (thousands of members overflowed its stack).
    let slots: Vec<String> = body
        .iter()
        .map(|field| format!("::core::option::Option::<{}>::None,", field.slot_type(Scope::Items)))
        .collect();
    emit!(out, "let mut slots = ({});\n", slots.concat());
    emit!(
        out,
        "while let ::core::option::Option::Some(index) = map.next_key_seed({P}::FieldSeed::<Self>::new())? {{\nmatch index {{\n"
    );
    for index in 0..body.len() {
        emit!(
            out,
            "{index} => {P}::read_member(&mut map, &mut slots.{index}, &PLACES[{index}])?,\n"
        );
    }
    emit!(out, "_ => {P}::skip_value(&mut map)?,\n}}\n}}\n");
    finish(emitter, fields, out);
}

/// The struct literal's members, from the slots (or defaults), and the end
/// of `decode_fields`.
fn finish(emitter: &Emitter<'_>, fields: &[Field<'_>], out: &mut String) {
    let private = P;
    // The index into `PLACES` of each member the body holds.
    let mut places = Vec::with_capacity(fields.len());
    let mut next_place = 0;
    for field in fields {
        places.push(field.in_body().then_some(next_place));
        next_place += usize::from(field.in_body());
    }
    let required = RequiredMatch::new(
        fields
            .iter()
            .zip(&places)
            .filter_map(|(field, place)| Some((field, (*place)?)))
            .filter(|(field, _)| matches!(field.presence, Presence::Required) && !emitter.corrects_errors())
            .map(|(field, place)| (field, format!("slots.{place}"), format!("&PLACES[{place}]"))),
    );
    required.open(out);
    out.push_str("::core::result::Result::Ok(Self {\n");
    for (field, place) in fields.iter().zip(&places) {
        let ident = &field.field;
        let Some(place) = place else {
            let value = field
                .default_value()
                .unwrap_or_else(|| "::core::option::Option::None".to_owned());
            emit!(out, "{ident}: {value},\n");
            continue;
        };
        let slot = format!("slots.{place}");
        match &field.presence {
            Presence::Optional => emit!(out, "{ident}: {slot},\n"),
            Presence::Default { .. } => {
                emit!(out, "{ident}: {},\n", field.or_default(&slot, Scope::Items))
            }
            Presence::Required if emitter.corrects_errors() => {
                emit!(out, "{ident}: {slot}.unwrap_or_else({private}::Correct::corrected),\n")
            }
            Presence::Required => emit!(out, "{ident}: {},\n", binding(field)),
        }
    }
    out.push_str("})");
    required.close(&format!("{private}::first_missing"), "", out);
    out.push('\n');
    out.push_str("}\n}\n");
}

/// Client error correction: required members missing on the wire become
/// their zero value, recursively for structures.
fn correct(name: &str, fields: &[Field<'_>], out: &mut String) {
    let private = P;
    emit!(
        out,
        "impl {private}::Correct for {name} {{\n#[inline]\nfn corrected() -> Self {{\n{name} {{\n"
    );
    for field in fields {
        let value = match (&field.presence, field.default_value()) {
            (Presence::Required, _) => format!("{private}::Correct::corrected()"),
            (_, Some(value)) => value,
            _ => "::core::option::Option::None".to_owned(),
        };
        emit!(out, "{}: {value},\n", field.field);
    }
    out.push_str("}\n}\n}\n");
}

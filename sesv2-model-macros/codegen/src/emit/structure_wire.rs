//! Structures on the JSON wire: `Encode`/`Serialize` write the body members
//! that are set, `Decode`/`Deserialize` read them by wire name, skip unknown
//! ones, read `null` as absent, apply defaults and name the member in every
//! error. Members bound to the URI, headers or status stay out of the body.

use super::doc::article;
use super::member::{Field, Presence};
use super::required::{RequiredMatch, binding};
use super::rust_type::Scope;
use super::types::{Allows, format_variant};
use super::wire::{P, SERDE, write_places};
use super::writer::{impl_block, inline_fn};
use super::{Emitter, response};
use crate::model::Shape;
use crate::names::ItemNames;

/// Whether the body alone can make a value: no required member travels
/// elsewhere.
pub(super) fn decodable(fields: &[Field<'_>]) -> bool {
    fields.iter().all(|field| field.in_body() || !field.is_required())
}

pub(super) fn emit<'a>(
    emitter: &Emitter<'a>,
    shape: &Shape,
    names: &ItemNames,
    fields: &[Field<'a>],
    decodable: bool,
    allows: Allows,
    out: &mut String,
) {
    let name = &*names.type_name;
    emitter.wire_block(allows, out, |out| {
        encode(emitter, name, fields, out);
        if decodable {
            decode(emitter, name, fields, out);
            emitter.decode_impls(name, "decode_structure", out);
        }
        if emitter.corrects_errors() {
            correct(emitter, name, fields, out);
        }
        response::emit(emitter, shape, names, fields, out);
    });
}

// Each member is one call of a runtime helper (`StructWriter::optional`,
// `read_member`, ...): the generic code rustc checks and stores per type,
// and with it the compiler's memory, stays small.

fn encode(emitter: &Emitter<'_>, name: &str, fields: &[Field<'_>], out: &mut String) {
    let body: Vec<&Field<'_>> = fields.iter().filter(|field| field.in_body()).collect();
    emitter.encode_impls(name, out, |out| {
        let state = if body.is_empty() { "__state" } else { "mut __state" };
        emit!(
            out,
            "let {state} = {P}::StructWriter::new(__serializer.serialize_struct({name:?}, "
        );
        // The optional members that are set, counted over a flat array: a
        // sum of thousands of terms nests as deep as it is long, which
        // overflows the stack of the parsers and printers that read the code.
        let (optional, always): (Vec<&Field<'_>>, Vec<&Field<'_>>) = body.iter().partition(|field| field.is_optional());
        if optional.is_empty() {
            emit!(out, "{}", always.len());
        } else {
            if !always.is_empty() {
                emit!(out, "{} + ", always.len());
            }
            emit!(out, "{P}::count_set(&[");
            for field in optional {
                emit!(out, "self.{}.is_some(),", field.ident.rust);
            }
            out.push_str("])");
        }
        out.push_str("));\n");
        for field in &body {
            let (ident, wire) = (&field.ident.rust, field.wire);
            let method = if field.is_optional() { "optional" } else { "member" };
            match field.format {
                Some(format) => emit!(
                    out,
                    "__state.{method}_as({wire:?}, &self.{ident}, {P}::TimestampFormat::{});\n",
                    format_variant(format)
                ),
                None => emit!(out, "__state.{method}({wire:?}, &self.{ident});\n"),
            }
        }
        out.push_str("__state.end()");
    });
}

fn decode(emitter: &Emitter<'_>, name: &str, fields: &[Field<'_>], out: &mut String) {
    decode_fields(emitter, name, name, fields, out, |_, out| finish(emitter, fields, out));
}

/// `DecodeFields` for the builder of a structure with members outside the
/// body: the body members, set through the builder's setters, so that the
/// members bound elsewhere can be added before `build()`.
pub(super) fn decode_builder(emitter: &Emitter<'_>, name: &str, builder: &str, fields: &[Field<'_>], out: &mut String) {
    decode_fields(emitter, builder, name, fields, out, |body, out| {
        out.push_str("::core::result::Result::Ok(<Self as ::core::default::Default>::default()");
        for (index, field) in body.iter().enumerate() {
            emit!(out, ".set_{}(__slots.{index})", field.ident.name);
        }
        out.push_str(")\n");
    });
}

/// `DecodeFields for {target}`, which reads the body members of structure
/// `name` into `__slots`; `finish` writes the value it returns from them.
fn decode_fields<'f>(
    emitter: &Emitter<'_>,
    target: &str,
    name: &str,
    fields: &'f [Field<'f>],
    out: &mut String,
    finish: impl FnOnce(&[&'f Field<'f>], &mut String),
) {
    let body: Vec<&Field<'_>> = fields.iter().filter(|field| field.in_body()).collect();
    impl_block(
        out,
        Allows::default(),
        format_args!("{P}::DecodeFields for {target}"),
        |out| {
            emit!(
                out,
                "const EXPECTING: &'static ::core::primitive::str = \"{} `{name}` object\";\n",
                article(name)
            );
            // A `match` on the names compiles to comparisons of constant bytes,
            // as serde's derive does; a search through a list of names is slower.
            // `#[inline]` leaves its machine code to the crates that decode
            // (the seed that calls it is generic anyway), which spares the
            // defining crate's build the memory of compiling every one.
            if !body.is_empty() {
                out.push_str(
                    "#[inline]\nfn member_index(__name: &::core::primitive::str) -> ::core::primitive::usize {\nmatch __name {\n",
                );
                for (index, field) in body.iter().enumerate() {
                    emit!(out, "{:?} => {index},\n", field.wire);
                }
                out.push_str("_ => ::core::primitive::usize::MAX,\n}\n}\n");
            }
            emit!(
                out,
                "fn decode_fields<'de, __A: {SERDE}::de::MapAccess<'de>>(mut __map: __A) \
             -> ::core::result::Result<Self, __A::Error> {{\n"
            );
            if body.is_empty() {
                emit!(
                    out,
                    "while __map.next_key_seed({P}::FieldSeed::<Self>::new())?.is_some() {{\n\
                 {P}::skip_value(&mut __map)?;\n}}\n"
                );
            } else {
                read_members(emitter, name, &body, out);
            }
            finish(&body, out);
            out.push_str("}\n");
        },
    );
}

/// The loop that reads each member of the body into its slot.
fn read_members(emitter: &Emitter<'_>, name: &str, body: &[&Field<'_>], out: &mut String) {
    write_places(name, body.iter().map(|field| (field.wire, field.format)), out);
    // The slots are one tuple, not a local each: every `let` opens a scope
    // that the debug info nests inside the previous one, and LLVM recurses
    // through that nesting (thousands of members overflowed its stack).
    out.push_str("let mut __slots = (");
    for field in body {
        emit!(
            out,
            "::core::option::Option::<{}>::None,",
            emitter.path(&field.slot_type(), Scope::Items)
        );
    }
    out.push_str(");\n");
    // One `?` for the whole `match`: each `?` is an early return that
    // drops every slot, and rustc keeps that code for each of them.
    emit!(
        out,
        "while let ::core::option::Option::Some(__index) = __map.next_key_seed({P}::FieldSeed::<Self>::new())? {{\n\
         let __read = match __index {{\n"
    );
    for index in 0..body.len() {
        emit!(
            out,
            "{index} => {P}::read_member(&mut __map, &mut __slots.{index}, &__PLACES[{index}]),\n"
        );
    }
    emit!(out, "_ => {P}::skip_value(&mut __map),\n}};\n__read?;\n}}\n");
}

/// The struct literal's members, from the slots (or defaults): the value
/// `decode_fields` returns.
fn finish(emitter: &Emitter<'_>, fields: &[Field<'_>], out: &mut String) {
    // The index into `__PLACES` (and `__slots`) of each member the body holds.
    let mut places = Vec::with_capacity(fields.len());
    let mut next_place = 0;
    for field in fields {
        places.push(field.in_body().then_some(next_place));
        next_place += usize::from(field.in_body());
    }
    let corrects = emitter.corrects_errors();
    let required = RequiredMatch::new(
        fields
            .iter()
            .zip(&places)
            .filter_map(|(field, place)| Some((field, (*place)?)))
            .filter(|(field, _)| field.is_required() && !corrects)
            .map(|(field, place)| (field, format!("__slots.{place}"), format!("&__PLACES[{place}]"))),
    );
    required.write(out, &format!("{P}::first_missing"), "", |out| {
        out.push_str("::core::result::Result::Ok(Self {\n");
        for (field, place) in fields.iter().zip(&places) {
            let ident = &field.ident.rust;
            let Some(place) = place else {
                emit!(out, "{ident}: {},\n", emitter.default_or_none(field));
                continue;
            };
            let slot = format!("__slots.{place}");
            match &field.presence {
                Presence::Optional => emit!(out, "{ident}: {slot},\n"),
                Presence::Default(_) => emit!(out, "{ident}: {},\n", emitter.or_default(field, &slot, Scope::Items)),
                Presence::Required if corrects => {
                    emit!(out, "{ident}: {slot}.unwrap_or_else({P}::Correct::corrected),\n")
                }
                Presence::Required => emit!(out, "{ident}: {},\n", binding(field)),
            }
        }
        out.push_str("})");
    });
    out.push('\n');
}

/// Client error correction: required members missing on the wire become
/// their zero value, recursively for structures.
fn correct(emitter: &Emitter<'_>, name: &str, fields: &[Field<'_>], out: &mut String) {
    impl_block(out, Allows::default(), format_args!("{P}::Correct for {name}"), |out| {
        inline_fn(out, format_args!("fn corrected() -> Self"), |out| {
            emit!(out, "{name} {{\n");
            for field in fields {
                match &field.presence {
                    Presence::Required => emit!(out, "{}: {P}::Correct::corrected(),\n", field.ident.rust),
                    _ => emit!(out, "{}: {},\n", field.ident.rust, emitter.default_or_none(field)),
                }
            }
            out.push('}');
        });
    });
}

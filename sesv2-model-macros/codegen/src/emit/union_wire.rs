//! Unions on the JSON wire: a single-key object whose key is the member's
//! wire name. A member the model does not know is kept as its name and JSON
//! value, and written back as it came.

use super::Emitter;
use super::doc::article;
use super::rust_type::Scope;
use super::types::{Allows, format_variant};
use super::union::Variant;
use super::wire::{P, SERDE, write_places};
use super::writer::{impl_block, inline_fn};

pub(super) fn emit(emitter: &Emitter<'_>, name: &str, unknown: &str, variants: &[Variant<'_>], out: &mut String) {
    encode(emitter, name, unknown, variants, out);
    decode(emitter, name, unknown, variants, out);
    emitter.decode_impls(name, "decode_union", out);
    if emitter.corrects_errors() {
        impl_block(out, Allows::default(), format_args!("{P}::Correct for {name}"), |out| {
            inline_fn(out, format_args!("fn corrected() -> Self"), |out| {
                emit!(
                    out,
                    "Self::{unknown}({P}::unknown_member(::std::string::String::new(), {P}::serde_json::Value::Null))"
                );
            });
        });
    }
}

fn encode(emitter: &Emitter<'_>, name: &str, unknown: &str, variants: &[Variant<'_>], out: &mut String) {
    emitter.encode_impls(name, out, |out| {
        emit!(
            out,
            "use {SERDE}::ser::SerializeMap as _;\n\
             let mut __map = __serializer.serialize_map(::core::option::Option::Some(1))?;\nmatch self {{\n"
        );
        for variant in variants {
            let (ident, wire) = (&variant.ident.rust, variant.wire);
            match (&variant.payload, variant.format) {
                (Some(_), Some(format)) => emit!(
                    out,
                    "Self::{ident}(__value) => __map.serialize_entry({wire:?}, \
                     &{P}::EncodedAs(__value, {P}::TimestampFormat::{}))?,\n",
                    format_variant(format)
                ),
                (Some(_), None) => emit!(
                    out,
                    "Self::{ident}(__value) => __map.serialize_entry({wire:?}, &{P}::Encoded(__value))?,\n"
                ),
                (None, _) => emit!(
                    out,
                    "Self::{ident} => __map.serialize_entry({wire:?}, &{P}::Encoded(&{P}::Unit))?,\n"
                ),
            }
        }
        emit!(
            out,
            "Self::{unknown}(__member) => __map.serialize_entry(__member.name(), __member.value())?,\n}}\n__map.end()"
        );
    });
}

fn decode(emitter: &Emitter<'_>, name: &str, unknown: &str, variants: &[Variant<'_>], out: &mut String) {
    impl_block(
        out,
        Allows::default(),
        format_args!("{P}::DecodeUnion for {name}"),
        |out| {
            emit!(
                out,
                "const EXPECTING: &'static ::core::primitive::str = \"{} `{name}` object with exactly one member set\";\n\
             const NAME: &'static ::core::primitive::str = {name:?};\n\
             const MEMBERS: &'static [&'static ::core::primitive::str] = &[",
                article(name)
            );
            for variant in variants {
                emit!(out, "{:?}, ", variant.wire);
            }
            out.push_str("];\n");
            emit!(
                out,
                "fn decode_member<'de, __A: {SERDE}::de::MapAccess<'de>>(__index: ::core::primitive::usize, __map: &mut __A) \
             -> ::core::result::Result<::core::option::Option<Self>, __A::Error> {{\n"
            );
            write_places(name, variants.iter().map(|variant| (variant.wire, variant.format)), out);
            out.push_str("::core::result::Result::Ok(match __index {\n");
            for (index, variant) in variants.iter().enumerate() {
                let ident = &variant.ident.rust;
                match &variant.payload {
                    Some(ty) => emit!(
                        out,
                        "{index} => __map.next_value_seed({P}::Member::<{}>::new(&__PLACES[{index}]))?.map(Self::{ident}),\n",
                        emitter.path(ty, Scope::Items)
                    ),
                    None => emit!(
                        out,
                        "{index} => __map.next_value_seed({P}::Member::<{P}::Unit>::new(&__PLACES[{index}]))?.map(|_| Self::{ident}),\n"
                    ),
                }
            }
            emit!(
                out,
                "_ => {{\n__map.next_value::<{SERDE}::de::IgnoredAny>()?;\n::core::option::Option::None\n}}\n}})\n}}\n"
            );
            emit!(
                out,
                "fn unknown(__name: ::std::string::String, __value: {P}::serde_json::Value) -> Self {{\n\
                 Self::{unknown}({P}::unknown_member(__name, __value))\n}}\n"
            );
        },
    );
}

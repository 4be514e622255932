//! Enums and int enums, from one skeleton: one variant per model value plus
//! one that keeps unknown values, the wire value of each variant and back,
//! and their wire impls (a JSON string or number). What differs between the
//! two is data: a [`Repr`].

use super::Emitter;
use super::doc::{article, shape_note, write_line};
use super::member::SENSITIVE_VALUE;
use super::types::Allows;
use super::wire::P;
use super::writer::{FmtTrait, fmt_impl, impl_block, inline_fn, write_deprecated};
use crate::model::{EnumMember, IntEnumMember, Shape};
use crate::names::{Ident, ItemNames};
use crate::traits::Traits;

/// The members of an enum or an int enum.
#[derive(Clone, Copy)]
pub(super) enum Values<'a> {
    Strings(&'a [EnumMember]),
    Integers(&'a [IntEnumMember]),
}

/// One member's value.
struct Value<'a> {
    /// The value as the docs show it: `CREATED`, `3`.
    shown: String,
    /// The value as a Rust literal: `"CREATED"`, `3`.
    literal: String,
    traits: &'a Traits,
}

impl<'a> Values<'a> {
    fn members(self) -> Vec<Value<'a>> {
        match self {
            Values::Strings(members) => members
                .iter()
                .map(|member| Value {
                    shown: member.value.clone(),
                    literal: format!("{:?}", member.value),
                    traits: &member.traits,
                })
                .collect(),
            Values::Integers(members) => members
                .iter()
                .map(|member| Value {
                    shown: member.value.to_string(),
                    literal: member.value.to_string(),
                    traits: &member.traits,
                })
                .collect(),
        }
    }

    fn repr(self) -> &'static Repr {
        match self {
            Values::Strings(_) => &STRING,
            Values::Integers(_) => &INTEGER,
        }
    }
}

/// How the values of an enum are represented in Rust and on the wire.
struct Repr {
    /// For the fallback docs: "The `X` enum."
    kind: &'static str,
    /// For messages: "a `X` string".
    noun: &'static str,
    /// `Copy` is derived.
    copy: bool,
    /// The method that returns the wire value, and its signature's rest.
    getter: &'static str,
    getter_signature: &'static str,
    /// The element type of `values()`.
    listed: &'static str,
    /// The runtime type the unknown variant holds, and the `__private`
    /// function that makes one.
    unknown_type: &'static str,
    make_unknown: &'static str,
    /// The `From` impls into the enum: the source type, what `match` reads
    /// of `__value`, and the binding of the fallback arm and what it hands
    /// to the unknown value.
    sources: &'static [(&'static str, &'static str, &'static str, &'static str)],
    /// The runtime trait that names the values in messages.
    value_trait: &'static str,
    /// Bodies: `Display::fmt`, `HttpText::write_http`, `Encode::encode`,
    /// `Correct::corrected`; and the runtime's decoding function.
    display: &'static str,
    write_http: &'static str,
    encode: &'static str,
    corrected: &'static str,
    decode: &'static str,
    /// The impls only this kind has, and `Display`.
    extra: fn(&str, &mut String),
}

const STRING: Repr = Repr {
    kind: "enum",
    noun: "string",
    copy: false,
    getter: "as_str",
    getter_signature: "(&self) -> &::core::primitive::str",
    listed: "&'static ::core::primitive::str",
    unknown_type: "UnknownValue",
    make_unknown: "unknown_value",
    sources: &[
        ("&::core::primitive::str", "__value", "__other", "__other"),
        ("::std::string::String", "__value.as_str()", "_", "__value"),
    ],
    value_trait: "EnumValue",
    display: "__f.write_str(self.as_str())",
    write_http: "__out.push_str(self.as_str())",
    encode: "__serializer.serialize_str(self.as_str())",
    // Smithy enum values are never empty, so "" is always unknown.
    corrected: "Self::from(\"\")",
    decode: "decode_enum",
    extra: string_impls,
};

const INTEGER: Repr = Repr {
    kind: "int enum",
    noun: "integer",
    copy: true,
    getter: "value",
    getter_signature: "(self) -> ::core::primitive::i32",
    listed: "::core::primitive::i32",
    unknown_type: "UnknownIntValue",
    make_unknown: "unknown_int_value",
    sources: &[("::core::primitive::i32", "__value", "__other", "__other")],
    value_trait: "IntEnumValue",
    display: "::core::fmt::Display::fmt(&self.value(), __f)",
    write_http: "__out.push_str(&::std::string::ToString::to_string(&self.value()))",
    encode: "__serializer.serialize_i32(self.value())",
    corrected: "Self::from(0)",
    decode: "decode_int_enum",
    extra: integer_impls,
};

pub(super) fn emit<'a>(
    emitter: &Emitter<'a>,
    shape: &'a Shape,
    names: &ItemNames,
    values: Values<'a>,
    out: &mut String,
) {
    let repr = values.repr();
    let name = &*names.type_name;
    let allows = emitter.allows(&shape.id, std::iter::empty());
    let members = values.members();

    declaration(emitter, shape, names, repr, &members, allows, out);
    emitter.wire_block(allows, out, |out| {
        conversions(name, &names.unknown_variant.rust, repr, &members, &names.members, out);
        (repr.extra)(name, out);
        wire_impls(emitter, name, repr, shape.traits.sensitive, out);
    });
}

/// The enum itself: docs, derives, a variant per value, the unknown variant.
fn declaration<'a>(
    emitter: &Emitter<'a>,
    shape: &'a Shape,
    names: &ItemNames,
    repr: &Repr,
    members: &[Value<'a>],
    allows: Allows,
    out: &mut String,
) {
    let name = &*names.type_name;
    let sensitive = shape.traits.sensitive;
    let mut notes = vec![shape_note(shape)];
    if sensitive {
        notes.push(SENSITIVE_VALUE.to_owned());
    }
    emitter
        .docs(
            shape.traits.documentation.as_ref(),
            &format!("The `{}` {}.", shape.id.name(), repr.kind),
            &notes,
        )
        .write(out);
    write_deprecated(shape.traits.deprecated.as_ref(), out);
    emit!(
        out,
        "{allows}#[derive(::core::clone::Clone, {}{}::core::cmp::PartialEq, ::core::cmp::Eq, \
         ::core::hash::Hash, ::core::cmp::PartialOrd, ::core::cmp::Ord{})]\n#[non_exhaustive]\npub enum {name} {{\n",
        if repr.copy { "::core::marker::Copy, " } else { "" },
        if sensitive { "" } else { "::core::fmt::Debug, " },
        emitter.derives.extra(&shape.id),
    );
    for (value, variant) in members.iter().zip(&names.members) {
        // The wire value is the docs' only line when the model has none.
        let wire_value = format!("The wire value `{}`.", value.shown);
        let documentation = value.traits.documentation.as_ref();
        let notes = match documentation {
            Some(_) => std::slice::from_ref(&wire_value),
            None => &[],
        };
        emitter.docs(documentation, &wire_value, notes).write(out);
        write_deprecated(value.traits.deprecated.as_ref(), out);
        emit!(out, "{},\n", variant.rust);
    }
    write_line(
        &format!(
            "A value the model did not list when this code was generated; [`{name}::{}`] returns it.",
            repr.getter
        ),
        out,
    );
    emit!(
        out,
        "{}({}::{}),\n}}\n",
        names.unknown_variant.rust,
        emitter.runtime,
        repr.unknown_type
    );
}

/// The wire value of each variant (`as_str`/`value`, `values()`) and back
/// (`From`).
fn conversions(name: &str, unknown: &str, repr: &Repr, members: &[Value<'_>], variants: &[Ident], out: &mut String) {
    let getter = repr.getter;
    impl_block(out, Allows::default(), format_args!("{name}"), |out| {
        out.push_str("/// The value as it appears on the wire.\n");
        inline_fn(out, format_args!("pub fn {getter}{}", repr.getter_signature), |out| {
            out.push_str("match self {\n");
            for (value, variant) in members.iter().zip(variants) {
                emit!(out, "Self::{} => {},\n", variant.rust, value.literal);
            }
            emit!(out, "Self::{unknown}(__value) => __value.{getter}(),\n}}");
        });
        out.push_str("/// The wire values the model lists, in the model's order.\n");
        inline_fn(
            out,
            format_args!("pub const fn values() -> &'static [{}]", repr.listed),
            |out| {
                out.push_str("&[");
                for value in members {
                    emit!(out, "{}, ", value.literal);
                }
                out.push(']');
            },
        );
    });
    for (source, scrutinee, fallback, unknown_value) in repr.sources {
        let header = format!("::core::convert::From<{source}> for {name}");
        impl_block(out, Allows::default(), format_args!("{header}"), |out| {
            inline_fn(out, format_args!("fn from(__value: {source}) -> Self"), |out| {
                emit!(out, "match {scrutinee} {{\n");
                for (value, variant) in members.iter().zip(variants) {
                    emit!(out, "{} => Self::{},\n", value.literal, variant.rust);
                }
                emit!(
                    out,
                    "{fallback} => Self::{unknown}({P}::{}({unknown_value})),\n}}",
                    repr.make_unknown
                );
            });
        });
    }
}

/// What string enums have besides: `FromStr`, `Display`, `AsRef<str>`, map keys.
fn string_impls(name: &str, out: &mut String) {
    impl_block(
        out,
        Allows::default(),
        format_args!("::core::str::FromStr for {name}"),
        |out| {
            out.push_str("type Err = ::core::convert::Infallible;\n");
            let signature = "fn from_str(__value: &::core::primitive::str) \
                         -> ::core::result::Result<Self, ::core::convert::Infallible>";
            inline_fn(out, format_args!("{signature}"), |out| {
                out.push_str("::core::result::Result::Ok(Self::from(__value))")
            });
        },
    );
    fmt_impl(out, Allows::default(), FmtTrait::Display, name, |out| {
        out.push_str(STRING.display)
    });
    let as_ref = format!("::core::convert::AsRef<::core::primitive::str> for {name}");
    impl_block(out, Allows::default(), format_args!("{as_ref}"), |out| {
        inline_fn(
            out,
            format_args!("fn as_ref(&self) -> &::core::primitive::str"),
            |out| out.push_str("self.as_str()"),
        );
    });
    impl_block(out, Allows::default(), format_args!("{P}::MapKey for {name}"), |out| {
        inline_fn(
            out,
            format_args!("fn from_key(__key: ::std::string::String) -> Self"),
            |out| out.push_str("Self::from(__key)"),
        );
        inline_fn(
            out,
            format_args!("fn as_key(&self) -> &::core::primitive::str"),
            |out| out.push_str("self.as_str()"),
        );
    });
}

/// What int enums have besides: the value back as an `i32`, and `Display`.
fn integer_impls(name: &str, out: &mut String) {
    let into = format!("::core::convert::From<{name}> for ::core::primitive::i32");
    impl_block(out, Allows::default(), format_args!("{into}"), |out| {
        inline_fn(out, format_args!("fn from(__value: {name}) -> Self"), |out| {
            out.push_str("__value.value()")
        });
    });
    fmt_impl(out, Allows::default(), FmtTrait::Display, name, |out| {
        out.push_str(INTEGER.display)
    });
    // String enums read from HTTP text through the runtime's impl for
    // every `EnumValue`; int enums, which a second blanket impl would
    // overlap, each say so here.
    impl_block(
        out,
        Allows::default(),
        format_args!("{P}::FromHttpText for {name}"),
        |out| {
            inline_fn(
                out,
                format_args!(
                    "fn from_http(__text: &::core::primitive::str, _: {P}::TimestampFormat) \
                     -> ::core::result::Result<Self, ::std::string::String>"
                ),
                |out| emit!(out, "{P}::int_enum_from_http(__text)"),
            );
        },
    );
}

/// How the value travels in HTTP text, the trait that names the values in
/// messages, `Debug` for a sensitive enum, and the serde impls.
fn wire_impls(emitter: &Emitter<'_>, name: &str, repr: &Repr, sensitive: bool, out: &mut String) {
    impl_block(
        out,
        Allows::default(),
        format_args!("{P}::HttpText for {name}"),
        |out| {
            let signature =
                format!("fn write_http(&self, __out: &mut ::std::string::String, __format: {P}::TimestampFormat)");
            inline_fn(out, format_args!("{signature}"), |out| out.push_str(repr.write_http));
        },
    );
    emit!(
        out,
        "impl {P}::{} for {name} {{\nconst EXPECTING: &'static ::core::primitive::str = \"{} `{name}` {}\";\n}}\n",
        repr.value_trait,
        article(name),
        repr.noun,
    );
    if sensitive {
        fmt_impl(out, Allows::default(), FmtTrait::Debug, name, |out| {
            emit!(out, "__f.write_str({P}::REDACTED)")
        });
    }
    emitter.encode_impls(name, out, |out| out.push_str(repr.encode));
    emitter.decode_impls(name, repr.decode, out);
    if emitter.corrects_errors() {
        impl_block(out, Allows::default(), format_args!("{P}::Correct for {name}"), |out| {
            inline_fn(out, format_args!("fn corrected() -> Self"), |out| {
                out.push_str(repr.corrected)
            });
        });
    }
}

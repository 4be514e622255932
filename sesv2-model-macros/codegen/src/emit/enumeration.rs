//! Enums and int enums, from one skeleton: one variant per model value plus
//! one that keeps unknown values, the wire value of each variant and back,
//! and their wire impls (a JSON string or number).

use super::Emitter;
use super::doc::{article, shape_note, write_line};
use super::member::SENSITIVE_VALUE;
use super::types::Allows;
use super::wire::P;
use super::writer::{FmtTrait, fmt_impl, impl_block, inline_fn, write_deprecated};
use crate::model::{EnumMember, IntEnumMember, Shape};
use crate::names::ItemNames;
use crate::traits::Traits;

/// The members of an enum or an int enum.
#[derive(Clone, Copy)]
pub(super) enum Values<'a> {
    Strings(&'a [EnumMember]),
    Integers(&'a [IntEnumMember]),
}

impl<'a> Values<'a> {
    fn is_string(self) -> bool {
        matches!(self, Values::Strings(_))
    }

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

    /// What a value is, for messages.
    fn noun(self) -> &'static str {
        if self.is_string() { "string" } else { "integer" }
    }

    /// The method that returns the wire value.
    fn getter(self) -> &'static str {
        if self.is_string() { "as_str" } else { "value" }
    }
}

/// One member's value.
struct Value<'a> {
    /// The value as the docs show it: `CREATED`, `3`.
    shown: String,
    /// The value as a Rust literal: `"CREATED"`, `3`.
    literal: String,
    traits: &'a Traits,
}

pub(super) fn emit<'a>(
    emitter: &Emitter<'a>,
    shape: &'a Shape,
    names: &ItemNames,
    values: Values<'a>,
    out: &mut String,
) {
    let runtime = &emitter.runtime;
    let name = &*names.type_name;
    let unknown = &names.unknown_variant.rust;
    let allows = emitter.allows(&shape.id, std::iter::empty());
    let sensitive = shape.traits.sensitive;
    let members = values.members();

    let mut notes = vec![shape_note(shape)];
    if sensitive {
        notes.push(SENSITIVE_VALUE.to_owned());
    }
    let kind = if values.is_string() { "enum" } else { "int enum" };
    emitter
        .docs(
            shape.traits.documentation.as_ref(),
            &format!("The `{}` {kind}.", shape.id.name()),
            &notes,
        )
        .write(out);
    write_deprecated(shape.traits.deprecated.as_ref(), out);
    emit!(
        out,
        "{allows}#[derive(::core::clone::Clone, {}{}::core::cmp::PartialEq, ::core::cmp::Eq, \
         ::core::hash::Hash, ::core::cmp::PartialOrd, ::core::cmp::Ord{})]\n#[non_exhaustive]\npub enum {name} {{\n",
        if values.is_string() {
            ""
        } else {
            "::core::marker::Copy, "
        },
        if sensitive { "" } else { "::core::fmt::Debug, " },
        emitter.derives.extra(&shape.id),
    );
    for (value, variant) in members.iter().zip(&names.members) {
        let traits = value.traits;
        let wire_value = format!("The wire value `{}`.", value.shown);
        let notes = match traits.documentation {
            Some(_) => std::slice::from_ref(&wire_value),
            None => &[],
        };
        emitter
            .docs(traits.documentation.as_ref(), &wire_value, notes)
            .write(out);
        write_deprecated(traits.deprecated.as_ref(), out);
        emit!(out, "{},\n", variant.rust);
    }
    write_line(
        &format!(
            "A value the model did not list when this code was generated; [`{name}::{}`] returns it.",
            values.getter()
        ),
        out,
    );
    let unknown_type = if values.is_string() {
        "UnknownValue"
    } else {
        "UnknownIntValue"
    };
    emit!(out, "{unknown}({runtime}::{unknown_type}),\n}}\n");

    emitter.wire_block(allows, out, |out| {
        conversions(name, unknown, values, &members, &names.members, out);
        emit!(
            out,
            "impl {P}::{} for {name} {{\nconst EXPECTING: &'static ::core::primitive::str = \"{} `{name}` {}\";\n}}\n",
            if values.is_string() {
                "EnumValue"
            } else {
                "IntEnumValue"
            },
            article(name),
            values.noun(),
        );
        if sensitive {
            fmt_impl(out, Allows::default(), FmtTrait::Debug, name, |out| {
                emit!(out, "__f.write_str({P}::REDACTED)")
            });
        }
        emitter.encode_impls(name, out, |out| {
            if values.is_string() {
                out.push_str("__serializer.serialize_str(self.as_str())");
            } else {
                out.push_str("__serializer.serialize_i32(self.value())");
            }
        });
        emitter.decode_impls(
            name,
            if values.is_string() {
                "decode_enum"
            } else {
                "decode_int_enum"
            },
            out,
        );
        if emitter.corrects_errors() {
            impl_block(out, Allows::default(), format_args!("{P}::Correct for {name}"), |out| {
                inline_fn(out, format_args!("fn corrected() -> Self"), |out| {
                    if values.is_string() {
                        emit!(out, "Self::{unknown}({P}::unknown_value(\"\"))");
                    } else {
                        out.push_str("Self::from(0)");
                    }
                });
            });
        }
    });
}

/// The wire value of each variant and back, `Display`, and how the value
/// travels in HTTP headers, labels and query strings.
fn conversions(
    name: &str,
    unknown: &str,
    values: Values<'_>,
    members: &[Value<'_>],
    variants: &[crate::names::Ident],
    out: &mut String,
) {
    let getter = values.getter();
    let (value_type, receiver) = if values.is_string() {
        ("&::core::primitive::str", "&self")
    } else {
        ("::core::primitive::i32", "self")
    };
    impl_block(out, Allows::default(), format_args!("{name}"), |out| {
        out.push_str("/// The value as it appears on the wire.\n");
        inline_fn(
            out,
            format_args!("pub fn {getter}({receiver}) -> {value_type}"),
            |out| {
                out.push_str("match self {\n");
                for (value, variant) in members.iter().zip(variants) {
                    emit!(out, "Self::{} => {},\n", variant.rust, value.literal);
                }
                emit!(out, "Self::{unknown}(__value) => __value.{getter}(),\n}}");
            },
        );
        out.push_str("/// The wire values the model lists, in the model's order.\n");
        let listed = if values.is_string() {
            "&'static ::core::primitive::str"
        } else {
            "::core::primitive::i32"
        };
        inline_fn(
            out,
            format_args!("pub const fn values() -> &'static [{listed}]"),
            |out| {
                out.push_str("&[");
                for value in members {
                    emit!(out, "{}, ", value.literal);
                }
                out.push(']');
            },
        );
    });
    let from = |out: &mut String, source: &str, scrutinee: &str, unknown_value: &str| {
        impl_block(
            out,
            Allows::default(),
            format_args!("::core::convert::From<{source}> for {name}"),
            |out| {
                inline_fn(out, format_args!("fn from(__value: {source}) -> Self"), |out| {
                    emit!(out, "match {scrutinee} {{\n");
                    for (value, variant) in members.iter().zip(variants) {
                        emit!(out, "{} => Self::{},\n", value.literal, variant.rust);
                    }
                    emit!(out, "_ => Self::{unknown}({unknown_value}),\n}}");
                });
            },
        );
    };
    if values.is_string() {
        from(
            out,
            "&::core::primitive::str",
            "__value",
            &format!("{P}::unknown_value(__value)"),
        );
        from(
            out,
            "::std::string::String",
            "__value.as_str()",
            &format!("{P}::unknown_value(__value)"),
        );
        impl_block(
            out,
            Allows::default(),
            format_args!("::core::str::FromStr for {name}"),
            |out| {
                out.push_str("type Err = ::core::convert::Infallible;\n");
                inline_fn(
                    out,
                    format_args!(
                        "fn from_str(__value: &::core::primitive::str) \
                     -> ::core::result::Result<Self, ::core::convert::Infallible>"
                    ),
                    |out| out.push_str("::core::result::Result::Ok(Self::from(__value))"),
                );
            },
        );
        fmt_impl(out, Allows::default(), FmtTrait::Display, name, |out| {
            out.push_str("__f.write_str(self.as_str())")
        });
        impl_block(
            out,
            Allows::default(),
            format_args!("::core::convert::AsRef<::core::primitive::str> for {name}"),
            |out| {
                inline_fn(
                    out,
                    format_args!("fn as_ref(&self) -> &::core::primitive::str"),
                    |out| out.push_str("self.as_str()"),
                );
            },
        );
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
    } else {
        from(
            out,
            "::core::primitive::i32",
            "__value",
            &format!("{P}::unknown_int_value(__value)"),
        );
        impl_block(
            out,
            Allows::default(),
            format_args!("::core::convert::From<{name}> for ::core::primitive::i32"),
            |out| {
                inline_fn(out, format_args!("fn from(__value: {name}) -> Self"), |out| {
                    out.push_str("__value.value()")
                });
            },
        );
        fmt_impl(out, Allows::default(), FmtTrait::Display, name, |out| {
            out.push_str("::core::fmt::Display::fmt(&self.value(), __f)")
        });
    }
    impl_block(
        out,
        Allows::default(),
        format_args!("{P}::HttpText for {name}"),
        |out| {
            inline_fn(
                out,
                format_args!("fn write_http(&self, __out: &mut ::std::string::String, _: {P}::TimestampFormat)"),
                |out| {
                    if values.is_string() {
                        out.push_str("__out.push_str(self.as_str())");
                    } else {
                        out.push_str("__out.push_str(&::std::string::ToString::to_string(&self.value()))");
                    }
                },
            );
        },
    );
}

//! Structures: the type, its accessors, `Default`, `PartialEq` and `Debug`
//! where the model asks for them, and `std::error::Error` for `@error`
//! shapes. The builder is in [`super::builder`], the serde impls in
//! [`super::structure_wire`].

use super::doc::{shape_note, write_line};
use super::member::Field;
use super::rust_type::Scope;
use super::types::{Access, Allows};
use super::writer::{FmtTrait, Holds, fmt_impl, impl_block, inline_fn, write_deprecated};
use super::{Emitter, builder, structure_wire};
use crate::model::Shape;
use crate::names::ItemNames;
use crate::traits::ErrorFault;

/// Above this many members, `PartialEq` is written out rather than derived:
/// the derive compares fields in one `&&` chain, which nests as deep as
/// there are members, and rustc walks it recursively (its stack overflows
/// at about 4,000 members before 1.91 and 6,000 since).
const DERIVED_EQ_LIMIT: usize = 256;

/// Writes the structure to `out` and its builder to `builders`.
pub(super) fn emit<'a>(
    emitter: &Emitter<'a>,
    shape: &'a Shape,
    names: &ItemNames,
    out: &mut String,
    builders: &mut String,
) {
    let name = &*names.type_name;
    let fields = emitter.fields_of(&shape.id);
    let decodable = structure_wire::decodable(&fields);
    let allows = emitter.allows(&shape.id, fields.iter().map(|field| &field.ty));
    let sensitive = shape.traits.sensitive;
    let redacts = sensitive || fields.iter().any(|field| field.redacted);
    let all_optional = fields.iter().all(Field::is_optional);
    let wide = fields.len() > DERIVED_EQ_LIMIT;

    emitter
        .docs(
            shape.traits.documentation.as_ref(),
            &format!("The `{}` structure.", shape.id.name()),
            &notes(emitter, shape, &fields, decodable),
        )
        .write(out);
    write_deprecated(shape.traits.deprecated.as_ref(), out);
    emit!(
        out,
        "{allows}#[derive(::core::clone::Clone{}{}{}{})]\n#[non_exhaustive]\npub struct {name} {{\n",
        if wide { "" } else { ", ::core::cmp::PartialEq" },
        if redacts { "" } else { ", ::core::fmt::Debug" },
        if all_optional { ", ::core::default::Default" } else { "" },
        emitter.derives.extra(&shape.id),
    );
    for field in fields.iter() {
        field.docs.write(out);
        write_deprecated(field.deprecated(), out);
        emit!(
            out,
            "pub {}: {},\n",
            field.ident.rust,
            emitter.path(&field.stored_type(), Scope::Items)
        );
    }
    out.push_str("}\n");

    impl_block(out, allows, format_args!("{name}"), |out| {
        if shape.traits.error.is_some() {
            emit!(
                out,
                "/// The HTTP status code the service sends this error with.\n\
                 pub const HTTP_STATUS_CODE: ::core::primitive::u16 = {};\n",
                http_status(shape)
            );
        }
        write_line(
            &format!(
                "Returns a new builder for [`{name}`](struct@{name}); see [`builders::{}`].",
                names.builder_name
            ),
            out,
        );
        inline_fn(
            out,
            format_args!("pub fn builder() -> self::builders::{}", names.builder_name),
            |out| out.push_str("::core::default::Default::default()"),
        );
        for field in fields.iter() {
            accessor(emitter, field, out);
        }
    });

    if !all_optional && !fields.iter().any(Field::is_required) {
        default_impl(emitter, name, &fields, allows, out);
    }
    if wide {
        partial_eq_impl(name, &fields, allows, out);
    }
    if redacts {
        emitter.redacting_debug(out, allows, name, &fields, sensitive, Holds::Values);
    }
    if shape.traits.error.is_some() {
        error_impls(emitter, name, &fields, sensitive, allows, out);
    }
    structure_wire::emit(emitter, shape, names, &fields, decodable, allows, out);
    builder::emit(emitter, names, &fields, redacts, sensitive, allows, builders);
}

/// The paragraphs the generator adds to the structure's docs.
fn notes(emitter: &Emitter<'_>, shape: &Shape, fields: &[Field<'_>], decodable: bool) -> Vec<String> {
    let mut notes = vec![shape_note(shape)];
    if let Some(fault) = shape.traits.error {
        notes.push(error_note(fault, http_status(shape)));
    }
    if shape.traits.sensitive {
        notes.push("Sensitive: `Debug` shows a redaction marker instead of the contents.".to_owned());
    }
    if !decodable {
        let bound: Vec<String> = fields
            .iter()
            .filter(|field| !field.in_body() && field.is_required())
            .map(|field| format!("`{}`", field.name()))
            .collect();
        notes.push(format!(
            "Does not implement `Deserialize`: the JSON body lacks the required {} {}.",
            if bound.len() == 1 { "member" } else { "members" },
            bound.join(", ")
        ));
    }
    if let Some(note) = emitter.foreign_protocol_note() {
        notes.push(note);
    }
    notes
}

/// The status of an `@error` shape: `@httpError`, else 400 for client
/// errors and 500 for server errors.
pub(super) fn http_status(shape: &Shape) -> u16 {
    shape.traits.http_error.unwrap_or(match shape.traits.error {
        Some(ErrorFault::Server) => 500,
        _ => 400,
    })
}

fn error_note(fault: ErrorFault, status: u16) -> String {
    let fault = match fault {
        ErrorFault::Client => "the caller's fault",
        ErrorFault::Server => "the service's fault",
    };
    format!("An error ({fault}), sent with HTTP status {status}.")
}

fn accessor(emitter: &Emitter<'_>, field: &Field<'_>, out: &mut String) {
    let ident = &field.ident.rust;
    let ty = emitter.path(&field.ty, Scope::Items);
    let (output, body) = match (field.access(), field.is_optional()) {
        (Access::Str, false) => ("&::core::primitive::str".to_owned(), format!("&self.{ident}")),
        (Access::Str, true) => (
            "::core::option::Option<&::core::primitive::str>".to_owned(),
            format!("self.{ident}.as_deref()"),
        ),
        (Access::Copy, false) => (ty.to_string(), format!("self.{ident}")),
        (Access::Copy, true) => (format!("::core::option::Option<{ty}>"), format!("self.{ident}")),
        (Access::Slice, optional) => {
            let element = field.ty.element().unwrap_or(&field.ty);
            let element = emitter.path(element, Scope::Items);
            if optional {
                (
                    format!("::core::option::Option<&[{element}]>"),
                    format!("self.{ident}.as_deref()"),
                )
            } else {
                (format!("&[{element}]"), format!("&self.{ident}"))
            }
        }
        (Access::Ref, false) => (format!("&{ty}"), format!("&self.{ident}")),
        (Access::Ref, true) if field.boxed => (
            format!("::core::option::Option<&{ty}>"),
            format!("self.{ident}.as_deref()"),
        ),
        (Access::Ref, true) => (
            format!("::core::option::Option<&{ty}>"),
            format!("self.{ident}.as_ref()"),
        ),
    };
    field.docs.write(out);
    write_deprecated(field.deprecated(), out);
    inline_fn(out, format_args!("pub fn {ident}(&self) -> {output}"), |out| {
        out.push_str(&body)
    });
}

/// `Default` for structures whose non-optional members all have defaults.
fn default_impl(emitter: &Emitter<'_>, name: &str, fields: &[Field<'_>], allows: Allows, out: &mut String) {
    impl_block(
        out,
        allows,
        format_args!("::core::default::Default for {name}"),
        |out| {
            out.push_str("/// Every member at its model default, or absent.\n");
            inline_fn(out, format_args!("fn default() -> Self"), |out| {
                emit!(out, "{name} {{ ");
                for field in fields {
                    emit!(out, "{}: {}, ", field.ident.rust, emitter.default_or_none(field));
                }
                out.push('}');
            });
        },
    );
}

/// `PartialEq` as one statement per field: flat however many there are.
fn partial_eq_impl(name: &str, fields: &[Field<'_>], allows: Allows, out: &mut String) {
    impl_block(out, allows, format_args!("::core::cmp::PartialEq for {name}"), |out| {
        out.push_str("fn eq(&self, __other: &Self) -> ::core::primitive::bool {\n");
        for field in fields {
            emit!(
                out,
                "if self.{0} != __other.{0} {{ return false; }}\n",
                field.ident.rust
            );
        }
        out.push_str("true\n}\n");
    });
}

/// `Display` (the error's name, and its message unless sensitive) and
/// `std::error::Error`.
fn error_impls(
    emitter: &Emitter<'_>,
    name: &str,
    fields: &[Field<'_>],
    sensitive: bool,
    allows: Allows,
    out: &mut String,
) {
    let private = &emitter.private;
    let message = fields
        .iter()
        .find(|field| field.name().eq_ignore_ascii_case("message") && field.access() == Access::Str);
    fmt_impl(out, allows, FmtTrait::Display, name, |out| match message {
        Some(field) if sensitive || field.redacted => {
            emit!(out, "::core::write!(__f, \"{name}: {{}}\", {private}::REDACTED)");
        }
        Some(field) if !field.is_optional() => {
            emit!(out, "::core::write!(__f, \"{name}: {{}}\", self.{})", field.ident.rust);
        }
        Some(field) => emit!(
            out,
            "match &self.{} {{\n\
             ::core::option::Option::Some(__message) => ::core::write!(__f, \"{name}: {{__message}}\"),\n\
             ::core::option::Option::None => __f.write_str({name:?}),\n}}",
            field.ident.rust
        ),
        None => emit!(out, "__f.write_str({name:?})"),
    });
    impl_block(out, allows, format_args!("::std::error::Error for {name}"), |_| {});
}

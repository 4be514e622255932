//! Structures: the type, its accessors, its builder, `Default` and `Debug`
//! where the model asks for them, and `std::error::Error` for `@error` shapes.

use super::doc::{shape_note, summary};
use super::member::{Field, Presence, RequiredMatch, binding};
use super::types::{Access, allow_complex_types, deprecated_attribute};
use super::{Emitter, Scope, structure_wire};
use crate::model::Shape;
use crate::names::ItemNames;
use crate::traits::ErrorFault;

/// Writes the structure to `out` and its builder to `builders`.
pub(super) fn emit<'a>(
    emitter: &Emitter<'a>,
    shape: &'a Shape,
    names: &ItemNames,
    out: &mut String,
    builders: &mut String,
) {
    let name = &names.type_name;
    let fields = emitter.fields_of(&shape.id);
    let decodable = structure_wire::decodable(&fields);

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
            .map(|field| format!("`{}`", field.name))
            .collect();
        notes.push(format!(
            "Does not implement `Deserialize`: the JSON body lacks the required {} {}.",
            if bound.len() == 1 { "member" } else { "members" },
            bound.join(", ")
        ));
    }
    if !emitter.protocol.is_json() {
        notes.push(format!(
            "The service uses the {} protocol: this type's serde impls read and write JSON, not that protocol's wire format.",
            emitter.protocol.name()
        ));
    }
    let docs = emitter.doc_attributes(
        shape.traits.documentation.as_ref(),
        &format!("The `{}` structure.", shape.id.name()),
        &notes,
    );
    let deprecated = deprecated_attribute(shape.traits.deprecated.as_ref());
    let allow = format!(
        "{}{}",
        emitter.allow_deprecated(&shape.id),
        allow_complex_types(fields.iter().map(|field| field.ty.as_str()))
    );
    let allow = allow.as_str();
    let redacts = shape.traits.sensitive || fields.iter().any(|field| field.redacted);
    let all_optional = fields.iter().all(Field::is_optional);

    let wide = fields.len() > DERIVED_EQ_LIMIT;
    emit!(
        out,
        "{docs}{deprecated}{allow}#[derive(::core::clone::Clone{}{}{}{})]\n\
         #[non_exhaustive]\npub struct {name} {{\n",
        if wide { "" } else { ", ::core::cmp::PartialEq" },
        if redacts { "" } else { ", ::core::fmt::Debug" },
        if all_optional { ", ::core::default::Default" } else { "" },
        emitter.derives.extra(&shape.id),
    );
    for field in fields.iter() {
        emit!(
            out,
            "{}{}pub {}: {},\n",
            field.docs,
            field.deprecated,
            field.field,
            field.stored_type(Scope::Items)
        );
    }
    out.push_str("}\n");

    emit!(out, "{allow}impl {name} {{\n");
    if shape.traits.error.is_some() {
        emit!(
            out,
            "/// The HTTP status code the service sends this error with.\n\
             pub const HTTP_STATUS_CODE: ::core::primitive::u16 = {};\n",
            http_status(shape)
        );
    }
    emit!(
        out,
        "#[doc = \" Returns a new builder for [`{name}`](struct@{name}); see [`builders::{builder}`].\"]\n\
         #[inline]\npub fn builder() -> self::builders::{builder} {{ ::core::default::Default::default() }}\n",
        builder = names.builder_name
    );
    for field in fields.iter() {
        accessor(field, out);
    }
    out.push_str("}\n");

    if !all_optional && !fields.iter().any(Field::is_required) {
        default_impl(name, &fields, allow, out);
    }
    if wide {
        partial_eq_impl(name, &fields, allow, out);
    }
    if redacts {
        debug_impl(emitter, name, &fields, shape.traits.sensitive, allow, out);
    }
    if shape.traits.error.is_some() {
        error_impls(emitter, name, &fields, shape.traits.sensitive, allow, out);
    }
    structure_wire::emit(emitter, name, &fields, decodable, allow, out);
    builder(
        emitter,
        names,
        &fields,
        redacts,
        shape.traits.sensitive,
        allow,
        builders,
    );
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

fn accessor(field: &Field<'_>, out: &mut String) {
    let (ident, ty) = (&field.field, &field.ty);
    let optional = field.is_optional();
    let access = if field.boxed { Access::Ref } else { field.access };
    let element = field.element_ty.as_deref().unwrap_or(ty);
    let (output, body) = match (access, optional) {
        (Access::Str, false) => ("&::core::primitive::str".to_owned(), format!("&self.{ident}")),
        (Access::Str, true) => (
            "::core::option::Option<&::core::primitive::str>".to_owned(),
            format!("self.{ident}.as_deref()"),
        ),
        (Access::Copy, false) => (ty.clone(), format!("self.{ident}")),
        (Access::Copy, true) => (format!("::core::option::Option<{ty}>"), format!("self.{ident}")),
        (Access::Slice, false) => (format!("&[{element}]"), format!("&self.{ident}")),
        (Access::Slice, true) => (
            format!("::core::option::Option<&[{element}]>"),
            format!("self.{ident}.as_deref()"),
        ),
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
    emit!(
        out,
        "{}{}#[inline]\npub fn {ident}(&self) -> {output} {{ {body} }}\n",
        field.docs,
        field.deprecated
    );
}

/// `Default` for structures whose non-optional members all have defaults.
fn default_impl(name: &str, fields: &[Field<'_>], allow: &str, out: &mut String) {
    emit!(
        out,
        "{allow}impl ::core::default::Default for {name} {{\n\
         /// Every member at its model default, or absent.\n\
         #[inline]\nfn default() -> Self {{ {name} {{ "
    );
    for field in fields {
        let value = field
            .default_value()
            .unwrap_or_else(|| "::core::option::Option::None".to_owned());
        emit!(out, "{}: {value}, ", field.field);
    }
    out.push_str("} }\n}\n");
}

/// Above this many members, `PartialEq` is written out rather than derived:
/// the derive compares fields in one `&&` chain, which nests as deep as
/// there are members, and rustc walks it recursively (its stack overflows
/// at about 4,000 members before 1.91 and 6,000 since).
const DERIVED_EQ_LIMIT: usize = 256;

/// `PartialEq` as one statement per field: flat however many there are.
fn partial_eq_impl(name: &str, fields: &[Field<'_>], allow: &str, out: &mut String) {
    emit!(
        out,
        "{allow}impl ::core::cmp::PartialEq for {name} {{\n\
         fn eq(&self, other: &Self) -> ::core::primitive::bool {{\n"
    );
    for field in fields {
        emit!(out, "if self.{0} != other.{0} {{ return false; }}\n", field.field);
    }
    out.push_str("true\n}\n}\n");
}

/// `Debug` that shows a redaction marker for sensitive members, or for all
/// of them when the structure itself is sensitive.
fn debug_impl(emitter: &Emitter<'_>, name: &str, fields: &[Field<'_>], whole: bool, allow: &str, out: &mut String) {
    emit!(
        out,
        "{allow}impl ::core::fmt::Debug for {name} {{\n\
         #[inline]\nfn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{\n\
         let mut debug = f.debug_struct({name:?});\n"
    );
    // A statement per field: a chain of calls nests as deep as it is long.
    for field in fields {
        if whole || field.redacted {
            emit!(
                out,
                "debug.field({:?}, &{}::REDACTED);\n",
                field.field_name,
                emitter.private
            );
        } else {
            emit!(out, "debug.field({:?}, &self.{});\n", field.field_name, field.field);
        }
    }
    out.push_str("debug.finish()\n}\n}\n");
}

fn error_impls(
    emitter: &Emitter<'_>,
    name: &str,
    fields: &[Field<'_>],
    sensitive: bool,
    allow: &str,
    out: &mut String,
) {
    let message = fields
        .iter()
        .find(|field| field.name.eq_ignore_ascii_case("message") && field.access == Access::Str);
    let body = match message {
        Some(field) if sensitive || field.redacted => {
            format!("::core::write!(f, \"{name}: {{}}\", {}::REDACTED)", emitter.private)
        }
        Some(field) if !field.is_optional() => {
            format!(
                "let message = &self.{}; ::core::write!(f, \"{name}: {{message}}\")",
                field.field
            )
        }
        Some(field) => format!(
            "match &self.{} {{\n\
             ::core::option::Option::Some(message) => ::core::write!(f, \"{name}: {{message}}\"),\n\
             ::core::option::Option::None => f.write_str({name:?}),\n}}",
            field.field
        ),
        None => format!("f.write_str({name:?})"),
    };
    emit!(
        out,
        "{allow}impl ::core::fmt::Display for {name} {{\n\
         #[inline]\nfn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{\n{body}\n}}\n}}\n\
         {allow}impl ::std::error::Error for {name} {{}}\n"
    );
}

fn builder(
    emitter: &Emitter<'_>,
    names: &ItemNames,
    fields: &[Field<'_>],
    redacts: bool,
    whole: bool,
    allow: &str,
    out: &mut String,
) {
    let runtime = &emitter.runtime;
    let (name, builder) = (&names.type_name, &names.builder_name);
    emit!(
        out,
        "#[doc = \" A builder for [`{name}`](struct@super::{name}).\"]\n{allow}\
         #[derive(::core::clone::Clone, ::core::default::Default{})]\n\
         pub struct {builder} {{\n",
        if redacts { "" } else { ", ::core::fmt::Debug" }
    );
    for field in fields {
        emit!(
            out,
            "{}: ::core::option::Option<{}>,\n",
            field.field,
            field.slot_type(Scope::Nested)
        );
    }
    emit!(out, "}}\n{allow}impl {builder} {{\n");
    for field in fields {
        let (ident, input_ty) = (&field.field, &field.builder_ty);
        let store = if field.boxed {
            "::std::boxed::Box::new(input.into())"
        } else {
            "input.into()"
        };
        emit!(
            out,
            "{}{deprecated}pub fn {ident}(mut self, input: impl ::core::convert::Into<{input_ty}>) -> Self {{\n\
             self.{ident} = ::core::option::Option::Some({store});\nself\n}}\n\
             #[doc = \" Sets or clears `{field_name}`; `None` leaves it unset.\"]\n\
             {deprecated}#[inline]\npub fn set_{field_name}(mut self, input: ::core::option::Option<{slot}>) -> Self {{\n\
             self.{ident} = input;\nself\n}}\n",
            summary(&field.docs),
            deprecated = field.deprecated,
            field_name = field.field_name,
            slot = field.slot_type(Scope::Nested),
        );
    }
    let required = RequiredMatch::new(
        fields
            .iter()
            .filter(|field| matches!(field.presence, Presence::Required))
            .map(|field| {
                let entry = format!("{:?}, {:?}", field.name, field.field_name);
                (field, format!("self.{}", field.field), entry)
            }),
    );
    if required.is_empty() {
        emit!(
            out,
            "#[doc = \" Builds the [`{name}`](struct@super::{name}); unset members take their defaults.\"]\n\
             #[inline]\npub fn build(self) -> super::{name} {{\n"
        );
    } else {
        emit!(
            out,
            "#[doc = \" Builds the [`{name}`](struct@super::{name}), or says which required member is missing.\"]\n\
             #[inline]\npub fn build(self) -> ::core::result::Result<super::{name}, {runtime}::BuildError> {{\n"
        );
    }
    required.open(out);
    if !required.is_empty() {
        out.push_str("::core::result::Result::Ok(");
    }
    emit!(out, "super::{name} {{\n");
    for field in fields {
        let ident = &field.field;
        let slot = format!("self.{ident}");
        match &field.presence {
            Presence::Required => emit!(out, "{ident}: {},\n", binding(field)),
            Presence::Default { .. } => emit!(out, "{ident}: {},\n", field.or_default(&slot, Scope::Nested)),
            Presence::Optional => emit!(out, "{ident}: {slot},\n"),
        }
    }
    out.push('}');
    if !required.is_empty() {
        out.push(')');
    }
    required.close(
        &format!("{runtime}::BuildError::first_missing"),
        &format!("{name:?}, "),
        out,
    );
    out.push_str("\n}\n}\n");

    if redacts {
        emit!(
            out,
            "{allow}impl ::core::fmt::Debug for {builder} {{\n\
             #[inline]\nfn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{\n\
             let mut debug = f.debug_struct({builder:?});\n"
        );
        for field in fields {
            if whole || field.redacted {
                emit!(
                    out,
                    "debug.field({:?}, &self.{}.as_ref().map(|_| {}::REDACTED));\n",
                    field.field_name,
                    field.field,
                    emitter.private
                );
            } else {
                emit!(out, "debug.field({:?}, &self.{});\n", field.field_name, field.field);
            }
        }
        out.push_str("debug.finish()\n}\n}\n");
    }
}

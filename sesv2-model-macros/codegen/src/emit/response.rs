//! Outputs and errors read from HTTP responses: `ReadResponse`, which takes
//! the body members from the JSON body and each bound member from its
//! header, the status or the payload.
//!
//! A structure whose members all travel in the body reads as itself. One
//! with bound members reads its body into its builder, whose setters then
//! take the bound members, and `build()` checks what is required.

use super::Emitter;
use super::binding::{Bound, PayloadKind};
use super::member::Field;
use super::structure_wire::decode_builder;
use super::wire::P;
use super::writer::{impl_block, inline_fn};
use crate::model::Shape;
use crate::names::ItemNames;
use crate::traits::TimestampFormat;

pub(super) fn emit<'a>(
    emitter: &Emitter<'a>,
    shape: &Shape,
    names: &ItemNames,
    fields: &[Field<'a>],
    out: &mut String,
) {
    if !emitter.roles.responses.contains(&shape.id) {
        return;
    }
    let name = &*names.type_name;
    let builder = format!("builders::{}", names.builder_name);
    let bound: Vec<(&Field<'a>, Bound<'_>)> = fields
        .iter()
        .filter_map(|field| Some((field, emitter.bound(field)?)))
        .collect();
    let all_in_body = fields.iter().all(Field::in_body);
    let has_payload = bound.iter().any(|(_, bound)| matches!(bound, Bound::Payload { .. }));
    if !all_in_body && !has_payload {
        decode_builder(emitter, name, &builder, fields, out);
    }
    impl_block(
        out,
        Default::default(),
        format_args!("{P}::ReadResponse for {name}"),
        |out| {
            inline_fn(
                out,
                format_args!(
                    "fn read_response(__response: &{P}::ResponseParts<'_>) \
                     -> ::core::result::Result<Self, ::std::string::String>"
                ),
                |out| {
                    if all_in_body {
                        out.push_str("__response.json_body()");
                        return;
                    }
                    if has_payload {
                        emit!(out, "let __builder = {builder}::default()");
                    } else {
                        emit!(out, "let __builder = __response.json_body::<{builder}>()?");
                    }
                    for (field, bound) in &bound {
                        emit!(out, "\n.set_{}({})", field.ident.name, read(emitter, field, bound));
                    }
                    out.push_str(";\n");
                    if fields.iter().any(Field::is_required) {
                        out.push_str(
                            "__builder.build().map_err(|__error| ::std::string::ToString::to_string(&__error))",
                        );
                    } else {
                        out.push_str("::core::result::Result::Ok(__builder.build())");
                    }
                },
            );
        },
    );
}

/// The expression that reads a bound member, as its builder's `set_`
/// setter takes it: an `Option`.
fn read(emitter: &Emitter<'_>, field: &Field<'_>, bound: &Bound<'_>) -> String {
    match bound {
        Bound::Header { name, base64: true, .. } => format!("__response.header_base64({name:?})?"),
        Bound::Header { name, list, .. } => {
            let function = if *list { "header_list" } else { "header" };
            format!(
                "__response.{function}({name:?}, {})?",
                emitter.format_of(field, TimestampFormat::HttpDate)
            )
        }
        Bound::PrefixHeaders(prefix) => {
            format!("__response.prefix_headers({prefix:?})?")
        }
        Bound::ResponseCode => "__response.status_code()".to_owned(),
        Bound::Payload { kind, .. } => {
            let read = match kind {
                PayloadKind::Blob => "__response.payload_blob()",
                PayloadKind::Text => "__response.payload_text()?",
                PayloadKind::Json | PayloadKind::Structure => "__response.payload_json()?",
            };
            if field.boxed {
                format!("{read}.map(::std::boxed::Box::new)")
            } else {
                read.to_owned()
            }
        }
    }
}

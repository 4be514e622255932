//! `Operation::build_request_with`: the request `request_uri` starts, with
//! the host prefix, the header members and the body, as the protocol puts
//! them; and `parse_parts`, which reads the response.

use super::Emitter;
use super::binding::{Bound, PayloadKind};
use super::customizations::{Customization, HeaderValue};
use super::member::Field;
use super::request_uri::{Segment, segments, write_label, write_with_value};
use super::writer::inline_fn;
use crate::model::{Operation, Shape};
use crate::names::UNHANDLED_VARIANT;
use crate::traits::{Protocol, TimestampFormat};

pub(super) fn emit<'a>(
    emitter: &Emitter<'a>,
    shape: &'a Shape,
    operation: &'a Operation,
    fields: &[Field<'a>],
    error_name: &str,
    out: &mut String,
) {
    let (runtime, private) = (&emitter.runtime, &emitter.private);
    inline_fn(
        out,
        format_args!(
            "fn build_request_with(__input: &Self::Input, __endpoint: &{runtime}::Endpoint, \
             __options: &{runtime}::RequestOptions) \
             -> ::core::result::Result<{runtime}::http::Request<::std::vec::Vec<::core::primitive::u8>>, \
             {runtime}::RequestError>"
        ),
        |out| {
            fill_idempotency_token(fields, out);
            emit!(
                out,
                "let mut __request = {private}::RequestWriter::new(Self::HTTP_METHOD, Self::request_uri(__input)?);\n"
            );
            if let Some(prefix) = &shape.traits.host_prefix {
                host_prefix(emitter, shape, prefix, fields, out);
            }
            let customization = emitter.customization(&shape.id);
            if let Some(customization) = customization {
                customize(emitter, shape, customization, fields, out);
            }
            match emitter.protocol {
                Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => aws_json_body(emitter, shape, operation, out),
                _ => rest_json_body(emitter, fields, out),
            }
            if compresses(shape) {
                let streaming = fields.iter().any(|field| {
                    emitter
                        .shape(&field.member.target)
                        .is_some_and(|target| target.traits.streaming && !target.traits.requires_length)
                });
                emit!(out, "__request.gzip(__options, {streaming})?;\n");
            }
            if shape.traits.http_checksum_required {
                out.push_str("__request.content_md5()?;\n");
            }
            if customization.is_some_and(|customization| customization.tree_hashes(shape.id.name())) {
                out.push_str("__request.sha256_tree_hash()?;\n");
            }
            out.push_str("__request.finish(__endpoint)");
        },
    );
    inline_fn(
        out,
        format_args!(
            "fn parse_parts(__status: ::core::primitive::u16, __headers: &{runtime}::http::HeaderMap, \
             __body: &[::core::primitive::u8]) -> ::core::result::Result<Self::Output, Self::Error>"
        ),
        |out| {
            emit!(
                out,
                "{private}::parse_parts(__status, __headers, __body, {error_name}::{UNHANDLED_VARIANT})"
            )
        },
    );
}

/// Whether the operation's requests are gzipped: `gzip` is the first of
/// its `@requestCompression` encodings that the runtime supports, which is
/// the only one.
fn compresses(shape: &Shape) -> bool {
    shape
        .traits
        .request_compression
        .iter()
        .flatten()
        .any(|encoding| encoding.eq_ignore_ascii_case("gzip"))
}

/// An unset `@idempotencyToken` member takes the next token: the request is
/// built from a copy of the input that has it.
fn fill_idempotency_token(fields: &[Field<'_>], out: &mut String) {
    let Some(field) = fields
        .iter()
        .find(|field| field.member.traits.idempotency_token && field.is_optional())
    else {
        return;
    };
    let ident = &field.ident.rust;
    emit!(
        out,
        "let __filled: Self::Input;\nlet __input = if __input.{ident}.is_none() {{\n\
         let mut __copy = ::core::clone::Clone::clone(__input);\n\
         __copy.{ident} = ::core::option::Option::Some(__options.next_token());\n\
         __filled = __copy;\n&__filled\n}} else {{\n__input\n}};\n"
    );
}

/// What the service's SDKs add: fixed headers, and the endpoint an input
/// member names.
fn customize(
    emitter: &Emitter<'_>,
    shape: &Shape,
    customization: &Customization,
    fields: &[Field<'_>],
    out: &mut String,
) {
    for (name, value) in customization.headers {
        let value = match value {
            HeaderValue::Literal(text) => text,
            HeaderValue::ServiceVersion => emitter.service_of(&shape.id).map_or("", |(_, version)| version),
        };
        emit!(out, "__request.fixed_header({name:?}, {value:?})?;\n");
    }
    let member = customization.endpoint_member(shape.id.name());
    if let Some(field) = fields.iter().find(|field| Some(field.name()) == member) {
        let write = format!("__request.endpoint_from({:?}, __value)?;", field.name());
        write_with_value(field, &write, out);
    }
}

/// The `@endpoint` host prefix: literal text and `@hostLabel` members.
fn host_prefix(emitter: &Emitter<'_>, shape: &Shape, prefix: &str, fields: &[Field<'_>], out: &mut String) {
    for segment in segments(prefix) {
        let label = match segment {
            Segment::Text(text) => {
                emit!(out, "__request.host_prefix({text:?});\n");
                continue;
            }
            Segment::Label(label) => label,
        };
        match fields
            .iter()
            .find(|field| field.name() == label && field.member.traits.host_label)
        {
            Some(field) => write_label(
                emitter,
                field,
                label,
                |value| format!("__request.host_label({label:?}, {value})"),
                out,
            ),
            None => emitter.note(
                shape.id.as_str(),
                format!("the host prefix label `{{{label}}}` has no `@hostLabel` input member; it is left out"),
            ),
        }
    }
}

/// restJson1: header members, then the payload member or the JSON body of
/// the body members (none when every member is bound elsewhere).
fn rest_json_body<'a>(emitter: &Emitter<'a>, fields: &[Field<'a>], out: &mut String) {
    let mut payload = None;
    for field in fields {
        let member = field.name();
        let write = match emitter.bound(field) {
            Some(Bound::Header { name, base64: true, .. }) => {
                format!("__request.header_base64({member:?}, {name:?}, __value)?;")
            }
            Some(Bound::Header { name, list, .. }) => format!(
                "__request.{}({member:?}, {name:?}, __value, {})?;",
                if list { "header_list" } else { "header" },
                emitter.format_of(field, TimestampFormat::HttpDate)
            ),
            Some(Bound::PrefixHeaders(prefix)) => {
                format!("__request.prefix_headers({member:?}, {prefix:?}, __value)?;")
            }
            Some(Bound::Payload { kind, media_type }) => {
                payload = Some((field, kind, media_type));
                continue;
            }
            Some(Bound::ResponseCode) | None => continue,
        };
        write_with_value(field, &write, out);
    }
    match payload {
        Some((field, PayloadKind::Structure, media_type)) if field.is_optional() => emit!(
            out,
            "match &__input.{} {{\n\
             ::core::option::Option::Some(__value) => __request.json_body(__value, {media_type:?})?,\n\
             ::core::option::Option::None => __request.empty_json_body({media_type:?})?,\n}}\n",
            field.ident.rust
        ),
        Some((field, kind, media_type)) => {
            let write = match kind {
                PayloadKind::Blob => format!("__request.payload(__value, {media_type:?})?;"),
                PayloadKind::Text => format!("__request.text_payload(__value, {media_type:?})?;"),
                PayloadKind::Json | PayloadKind::Structure => format!("__request.json_body(__value, {media_type:?})?;"),
            };
            write_with_value(field, &write, out);
        }
        None if fields.iter().any(Field::in_body) => {
            out.push_str("__request.json_body(__input, \"application/json\")?;\n");
        }
        None => {}
    }
}

/// awsJson: the operation in `X-Amz-Target`, the input as JSON (`{}` for
/// an operation without input).
fn aws_json_body(emitter: &Emitter<'_>, shape: &Shape, operation: &Operation, out: &mut String) {
    let service = emitter.service_of(&shape.id).map_or("", |(id, _)| id.name());
    let content_type = match emitter.protocol {
        Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
        _ => "application/x-amz-json-1.1",
    };
    emit!(
        out,
        "__request.amz_target({:?})?;\n",
        format!("{service}.{}", shape.id.name())
    );
    if operation.input.is_some() {
        emit!(out, "__request.json_body(__input, {content_type:?})?;\n");
    } else {
        emit!(out, "__request.empty_json_body({content_type:?})?;\n");
    }
}

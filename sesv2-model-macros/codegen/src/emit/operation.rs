//! The `operations` module: per selected operation, a unit type that
//! implements the runtime's `Operation` trait (HTTP method, URI template,
//! request URI rendering, error parsing), and an enum of its errors.

use super::member::Field;
use super::structure_wire::decodable;
use super::types::{Access, deprecated_attribute, rust};
use super::{Emitter, Scope};
use crate::model::{Operation, Shape};
use crate::shape_id::ShapeId;
use crate::traits::{HttpBinding, TimestampFormat};

/// The operation's type and its error enum.
pub(super) fn emit<'a>(emitter: &Emitter<'a>, shape: &'a Shape, operation: &'a Operation, out: &mut String) {
    let runtime = &emitter.runtime;
    let Some(names) = emitter.names.operation(&shape.id) else {
        return;
    };
    let (name, error_name) = (&names.type_name, &names.error_name);
    let operation_name = shape.id.name();
    let io_type = |target: &Option<ShapeId>| match target {
        Some(target) => emitter.value_type(target, Scope::Nested),
        None => "()".to_owned(),
    };
    let (input, output) = (io_type(&operation.input), io_type(&operation.output));
    let (method, template, status) = match (&shape.traits.http, emitter.protocol.binds_http()) {
        (Some(http), true) => (http.method.as_str(), http.uri.as_str(), http.code.unwrap_or(200)),
        _ => ("POST", "/", 200),
    };
    let docs = emitter.doc_attributes(
        shape.traits.documentation.as_ref(),
        &format!("The `{operation_name}` operation."),
        &[
            format!("`{method} {template}`"),
            format!("Smithy shape: `{}`.", shape.id),
        ],
    );
    emit!(
        out,
        "{docs}{}#[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, ::core::default::Default, \
         ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]\npub struct {name};\n\
         #[allow(deprecated)]\nimpl {runtime}::Operation for {name} {{\n\
         type Input = {input};\ntype Output = {output};\ntype Error = {error_name};\n\
         const NAME: &'static ::core::primitive::str = {operation_name:?};\n\
         const HTTP_METHOD: &'static ::core::primitive::str = {method:?};\n\
         const URI_TEMPLATE: &'static ::core::primitive::str = {template:?};\n\
         const HTTP_STATUS_CODE: ::core::primitive::u16 = {status};\n",
        deprecated_attribute(shape.traits.deprecated.as_ref())
    );
    request_uri(emitter, shape, operation, template, out);
    emit!(
        out,
        "#[inline]\nfn parse_error(error_type: ::core::option::Option<&::core::primitive::str>, body: &[::core::primitive::u8]) -> {error_name} {{\n\
         {error_name}::from_response(error_type, body)\n}}\n}}\n"
    );
    error_enum(emitter, shape, operation, error_name, out);
}

/// One piece of a URI template's path.
enum Segment<'t> {
    Literal(&'t str),
    Label { name: &'t str, greedy: bool },
}

fn parse_path(path: &str) -> Vec<Segment<'_>> {
    let mut segments = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            segments.push(Segment::Literal(&rest[..open]));
        }
        let Some(close) = rest[open..].find('}').map(|close| open + close) else {
            segments.push(Segment::Literal(&rest[open..]));
            return segments;
        };
        let label = &rest[open + 1..close];
        segments.push(match label.strip_suffix('+') {
            Some(name) => Segment::Label { name, greedy: true },
            None => Segment::Label {
                name: label,
                greedy: false,
            },
        });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        segments.push(Segment::Literal(rest));
    }
    segments
}

/// `fn request_uri`: the template's literals, the input's labels, the
/// template's query literals, then the input's query members.
fn request_uri<'a>(emitter: &Emitter<'a>, shape: &Shape, operation: &'a Operation, template: &str, out: &mut String) {
    let (runtime, private) = (&emitter.runtime, &emitter.private);
    let signature = |input: &str| {
        format!(
            "#[inline]\nfn request_uri({input}: &Self::Input) -> ::core::result::Result<::std::string::String, {runtime}::RequestUriError> {{\n"
        )
    };
    let (path, query) = template.split_once('?').unwrap_or((template, ""));
    let input_fields = match &operation.input {
        Some(input) => emitter.fields_of(input),
        None => Default::default(),
    };
    let date_time = |field: &Field<'_>| emitter.format_path(field.format.unwrap_or(TimestampFormat::DateTime));

    let mut steps = String::new();
    for segment in parse_path(path) {
        match segment {
            Segment::Literal(text) => emit!(steps, "uri.path({text:?});\n"),
            Segment::Label { name, greedy } => {
                let field = input_fields
                    .iter()
                    .find(|field| field.binding == Some(HttpBinding::Label) && field.name == name);
                let Some(field) = field else {
                    emitter.note(
                        shape.id.as_str(),
                        format!("the URI template label `{{{name}}}` has no `@httpLabel` input member; rendering the URI fails"),
                    );
                    emit!(
                        out,
                        "{}::core::result::Result::Err({private}::UriWriter::missing_label({name:?}))\n}}\n",
                        signature("_input")
                    );
                    return;
                };
                let (ident, format) = (&field.field, date_time(field));
                if field.is_optional() {
                    emit!(
                        steps,
                        "match &input.{ident} {{\n\
                         ::core::option::Option::Some(value) => uri.label({name:?}, value, {greedy}, {format})?,\n\
                         ::core::option::Option::None => return ::core::result::Result::Err({private}::UriWriter::missing_label({name:?})),\n}}\n"
                    );
                } else {
                    emit!(steps, "uri.label({name:?}, &input.{ident}, {greedy}, {format})?;\n");
                }
            }
        }
    }
    for literal in query.split('&').filter(|literal| !literal.is_empty()) {
        emit!(steps, "uri.query_literal({literal:?});\n");
    }
    let taken: Vec<String> = input_fields
        .iter()
        .filter_map(|field| match &field.binding {
            Some(HttpBinding::Query(key)) => Some(format!("{key:?}")),
            _ => None,
        })
        .collect();
    for field in input_fields.iter() {
        let write = match &field.binding {
            Some(HttpBinding::Query(key)) if field.access == Access::Slice => {
                format!("uri.query_list({key:?}, value, {});", date_time(field))
            }
            Some(HttpBinding::Query(key)) => {
                format!("uri.query({key:?}, value, {});", date_time(field))
            }
            Some(HttpBinding::QueryParams) => {
                format!("uri.query_params(value, &[{}]);", taken.join(", "))
            }
            _ => continue,
        };
        if field.is_optional() {
            emit!(
                steps,
                "if let ::core::option::Option::Some(value) = &input.{} {{ {write} }}\n",
                field.field
            );
        } else {
            emit!(steps, "let value = &input.{};\n{write}\n", field.field);
        }
    }
    let uses_input = steps.contains("input.");
    emit!(
        out,
        "{}let {}uri = {private}::UriWriter::new();\n{steps}::core::result::Result::Ok(uri.finish())\n}}\n",
        signature(if uses_input { "input" } else { "_input" }),
        if steps.is_empty() { "" } else { "mut " }
    );
}

/// The errors an operation's error enum has a variant for, in variant
/// order: its own, then those its service declares for every operation.
pub(super) fn error_shapes<'a>(emitter: &Emitter<'a>, operation: &'a Operation) -> Vec<&'a ShapeId> {
    let service_errors = emitter.model.services().flat_map(|(_, service)| service.errors.iter());
    let mut errors: Vec<&'a ShapeId> = operation.errors.iter().chain(service_errors).collect();
    errors.dedup();
    errors
}

fn error_enum<'a>(emitter: &Emitter<'a>, shape: &Shape, operation: &'a Operation, error_name: &str, out: &mut String) {
    let (runtime, private) = (&emitter.runtime, &emitter.private);
    let errors = error_shapes(emitter, operation);

    emit!(
        out,
        "#[doc = \" The errors of the `{}` operation.\"]\n#[allow(deprecated)]\n\
         #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq)]\n#[non_exhaustive]\n\
         pub enum {error_name} {{\n",
        shape.id.name()
    );
    for id in &errors {
        let documentation = emitter.shape(id).and_then(|error| error.traits.documentation.as_ref());
        emit!(
            out,
            "{}{}({}),\n",
            emitter.doc_attributes(documentation, &format!("The `{}` error.", id.name()), &[]),
            rust(emitter.type_name(id)),
            emitter.value_type(id, Scope::Nested)
        );
    }
    emit!(
        out,
        "/// An error the model does not list for this operation, or one\n\
         /// whose body could not be read as the modeled error.\n\
         Unhandled({runtime}::UnhandledError),\n}}\n\
         #[allow(deprecated)]\nimpl {error_name} {{\n\
         /// Reads an error response: `error_type` is the `x-amzn-ErrorType`\n\
         /// header when there is one; otherwise the code comes from the\n\
         /// body's `__type` or `code` member.\n\
         #[inline]\npub fn from_response(error_type: ::core::option::Option<&::core::primitive::str>, body: &[::core::primitive::u8]) -> Self {{\n\
         let code = {runtime}::error_code(error_type, body);\n\
         Self::from_code(code.as_deref().unwrap_or_default(), body)\n}}\n\
         /// Reads an error response whose code is known: a shape name,\n\
         /// optionally with a namespace (`ns#Name`) or a `:suffix`.\n\
         #[inline]\npub fn from_code(code: &::core::primitive::str, body: &[::core::primitive::u8]) -> Self {{\n"
    );
    let unhandled = format!(
        "Self::Unhandled({private}::unhandled_error((!code.is_empty()).then_some(code), body, ::core::option::Option::None))"
    );
    if errors.is_empty() {
        emit!(out, "{unhandled}\n");
    } else {
        emit!(out, "match {runtime}::error_shape_name(code) {{\n");
        for id in &errors {
            let code = id.name();
            let variant = rust(emitter.type_name(id));
            if decodable(&emitter.fields_of(id)) {
                emit!(
                    out,
                    "{code:?} => {private}::modeled_error(code, body, Self::{variant}, Self::Unhandled),\n"
                );
            } else {
                let problem = format!("`{code}` has required members outside the JSON body");
                emit!(
                    out,
                    "{code:?} => Self::Unhandled({private}::unreadable_error(code, body, {problem:?})),\n"
                );
            }
        }
        emit!(out, "_ => {unhandled},\n}}\n");
    }
    out.push_str(
        "}\n/// The error's code: the modeled error's shape name, or the code\n\
         /// the response gave.\n\
         #[inline]\npub fn code(&self) -> ::core::option::Option<&::core::primitive::str> {\nmatch self {\n",
    );
    for id in &errors {
        emit!(
            out,
            "Self::{}(_) => ::core::option::Option::Some({:?}),\n",
            rust(emitter.type_name(id)),
            id.name()
        );
    }
    emit!(
        out,
        "Self::Unhandled(error) => error.code(),\n}}\n}}\n}}\n\
         #[allow(deprecated)]\nimpl ::core::fmt::Display for {error_name} {{\n\
         #[inline]\nfn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{\nmatch self {{\n"
    );
    for id in &errors {
        emit!(
            out,
            "Self::{}(error) => ::core::fmt::Display::fmt(error, f),\n",
            rust(emitter.type_name(id))
        );
    }
    emit!(
        out,
        "Self::Unhandled(error) => ::core::fmt::Display::fmt(error, f),\n}}\n}}\n}}\n\
         #[allow(deprecated)]\nimpl ::std::error::Error for {error_name} {{\n\
         #[inline]\nfn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {{\nmatch self {{\n"
    );
    for id in &errors {
        emit!(
            out,
            "Self::{}(error) => ::core::option::Option::Some(error),\n",
            rust(emitter.type_name(id))
        );
    }
    out.push_str("Self::Unhandled(error) => ::core::option::Option::Some(error),\n}\n}\n}\n");
}

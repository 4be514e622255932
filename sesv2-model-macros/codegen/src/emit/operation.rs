//! The `operations` module: per selected operation, a unit type that
//! implements the runtime's `Operation` trait (HTTP method, URI template,
//! request URI rendering, error parsing), and the enum of its errors
//! ([`super::error_enum`]).

use super::rust_type::Scope;
use super::types::Allows;
use super::writer::{impl_block, write_deprecated};
use super::{Emitter, error_enum, request, request_uri};
use crate::model::{Operation, Shape};

/// The operation's type and its error enum.
pub(super) fn emit<'a>(emitter: &Emitter<'a>, shape: &'a Shape, operation: &'a Operation, out: &mut String) {
    let Some(names) = emitter.names.operation(&shape.id) else {
        return;
    };
    let (name, error_name) = (&names.type_name, &names.error_name);
    let operation_name = shape.id.name();
    let input = emitter.io_type(operation.input.as_ref());
    let output = emitter.io_type(operation.output.as_ref());
    let (method, template, status) = match (&shape.traits.http, emitter.protocol.binds_http()) {
        (Some(http), true) => (http.method.as_str(), http.uri.as_str(), http.code.unwrap_or(200)),
        _ => ("POST", "/", 200),
    };
    emitter
        .docs(
            shape.traits.documentation.as_ref(),
            &format!("The `{operation_name}` operation."),
            &[
                format!("`{method} {template}`"),
                format!("Smithy shape: `{}`.", shape.id),
            ],
        )
        .write(out);
    write_deprecated(shape.traits.deprecated.as_ref(), out);
    emit!(
        out,
        "#[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]\npub struct {name};\n"
    );
    let runtime = &emitter.runtime;
    impl_block(
        out,
        Allows::DEPRECATED,
        format_args!("{runtime}::Operation for {name}"),
        |out| {
            emit!(
                out,
                "type Input = {};\ntype Output = {};\ntype Error = {error_name};\n\
             const NAME: &'static ::core::primitive::str = {operation_name:?};\n\
             const HTTP_METHOD: &'static ::core::primitive::str = {method:?};\n\
             const URI_TEMPLATE: &'static ::core::primitive::str = {template:?};\n\
             const HTTP_STATUS_CODE: ::core::primitive::u16 = {status};\n",
                emitter.path(&input, Scope::Nested),
                emitter.path(&output, Scope::Nested),
            );
            let fields = match &operation.input {
                Some(input) => emitter.fields_of(input),
                None => Default::default(),
            };
            request_uri::emit(emitter, shape, template, &fields, out);
            request::emit(emitter, shape, operation, &fields, error_name, out);
        },
    );
    emitter.service_operation(shape, operation, name, out);
    error_enum::emit(emitter, shape, names, out);
}

//! An operation's error enum: one variant per modeled error (its own, then
//! those its service declares for every operation), one for anything else,
//! and the reading of an error response into it.

use super::rust_type::Scope;
use super::types::Allows;
use super::writer::{FmtTrait, fmt_impl, impl_block, inline_fn};
use super::{Emitter, doc};
use crate::model::Shape;
use crate::names::{OperationNames, UNHANDLED_VARIANT};
use crate::shape_id::ShapeId;

pub(super) fn emit<'a>(emitter: &Emitter<'a>, shape: &Shape, names: &'a OperationNames, out: &mut String) {
    let (runtime, private) = (&emitter.runtime, &emitter.private);
    let error_name = &names.error_name;
    let errors = &names.errors;

    doc::write_line(&format!("The errors of the `{}` operation.", shape.id.name()), out);
    emit!(
        out,
        "{}#[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq)]\n#[non_exhaustive]\n\
         pub enum {error_name} {{\n",
        Allows::DEPRECATED
    );
    for (id, variant) in errors {
        let documentation = emitter.shape(id).and_then(|error| error.traits.documentation.as_ref());
        emitter
            .docs(documentation, &format!("The `{}` error.", id.name()), &[])
            .write(out);
        emit!(
            out,
            "{variant}({}),\n",
            emitter.path(&emitter.value_type(id), Scope::Nested)
        );
    }
    emit!(
        out,
        "/// An error the model does not list for this operation, or a\n\
         /// response that does not read as what it says it is.\n\
         {UNHANDLED_VARIANT}({runtime}::UnhandledError),\n}}\n"
    );

    impl_block(out, Allows::DEPRECATED, format_args!("{error_name}"), |out| {
        out.push_str(
            "/// Reads an error response: the modeled error its code names, else\n\
             /// `Unhandled` with the response's status, code, message and body.\n\
             /// The code is the `X-Amzn-Errortype` header, else the body's `code`\n\
             /// or `__type` member, without a namespace (`ns#`) or `:suffix`.\n",
        );
        inline_fn(
            out,
            format_args!(
                "pub fn from_response<__B: ::core::convert::AsRef<[::core::primitive::u8]>>(\
                 response: &{runtime}::http::Response<__B>) -> Self"
            ),
            |out| {
                emit!(
                    out,
                    "<Self as {private}::ReadError>::read_error(&{private}::ResponseParts::of(response))"
                )
            },
        );
        out.push_str(
            "/// The error's code: the modeled error's shape name, or the code\n\
             /// the response gave.\n",
        );
        inline_fn(
            out,
            format_args!("pub fn code(&self) -> ::core::option::Option<&::core::primitive::str>"),
            |out| {
                out.push_str("match self {\n");
                for (id, variant) in errors {
                    emit!(
                        out,
                        "Self::{variant}(_) => ::core::option::Option::Some({:?}),\n",
                        id.name()
                    );
                }
                emit!(out, "Self::{UNHANDLED_VARIANT}(__error) => __error.code(),\n}}");
            },
        );
    });
    impl_block(
        out,
        Allows::DEPRECATED,
        format_args!("{private}::ReadError for {error_name}"),
        |out| {
            inline_fn(
                out,
                format_args!("fn read_error(__response: &{private}::ResponseParts<'_>) -> Self"),
                |out| read_error(emitter, errors, out),
            );
        },
    );
    fmt_impl(out, Allows::DEPRECATED, FmtTrait::Display, error_name, |out| {
        match_variants(errors, "::core::fmt::Display::fmt(__error, __f)", out);
    });
    // No `source()`: `Display` already shows the variant's error, and an
    // error that both shows and returns its source is reported twice.
    impl_block(
        out,
        Allows::DEPRECATED,
        format_args!("::std::error::Error for {error_name}"),
        |_| {},
    );
}

/// The body of `read_error`: the modeled error whose shape name is the
/// response's code, or `Unhandled`.
fn read_error(emitter: &Emitter<'_>, errors: &[(ShapeId, String)], out: &mut String) {
    let (runtime, private) = (&emitter.runtime, &emitter.private);
    out.push_str("let __code = __response.error_code();\nlet __code = __code.as_deref();\n");
    let unhandled = format!(
        "Self::{UNHANDLED_VARIANT}({private}::unhandled_response(__response, __code, ::core::option::Option::None))"
    );
    if errors.is_empty() {
        out.push_str(&unhandled);
        return;
    }
    // No error shape has the empty name, so no code matches no variant.
    emit!(out, "match __code.map_or(\"\", {runtime}::error_shape_name) {{\n");
    for (id, variant) in errors {
        emit!(
            out,
            "{:?} => {private}::modeled_error(__response, __code, Self::{variant}, Self::{UNHANDLED_VARIANT}),\n",
            id.name()
        );
    }
    emit!(out, "_ => {unhandled},\n}}");
}

/// `match self` with `body` for every variant, which binds `__error`.
fn match_variants(errors: &[(ShapeId, String)], body: &str, out: &mut String) {
    out.push_str("match self {\n");
    for (_, variant) in errors {
        emit!(out, "Self::{variant}(__error) => {body},\n");
    }
    emit!(out, "Self::{UNHANDLED_VARIANT}(__error) => {body},\n}}");
}

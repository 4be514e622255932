//! An operation's error enum: one variant per modeled error (its own, then
//! those its service declares for every operation), one for anything else,
//! and the reading of an error response into it.

use super::rust_type::Scope;
use super::structure_wire::decodable;
use super::types::Allows;
use super::writer::{FmtTrait, fmt_impl, impl_block, inline_fn};
use super::{Emitter, doc};
use crate::model::Shape;
use crate::names::{OperationNames, UNHANDLED_VARIANT};
use crate::shape_id::ShapeId;

pub(super) fn emit<'a>(emitter: &Emitter<'a>, shape: &Shape, names: &'a OperationNames, out: &mut String) {
    let runtime = &emitter.runtime;
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
        "/// An error the model does not list for this operation, or one\n\
         /// whose body could not be read as the modeled error.\n\
         {UNHANDLED_VARIANT}({runtime}::UnhandledError),\n}}\n"
    );

    impl_block(out, Allows::DEPRECATED, format_args!("{error_name}"), |out| {
        out.push_str(
            "/// Reads an error response: `error_type` is the `x-amzn-ErrorType`\n\
             /// header when there is one; otherwise the code comes from the\n\
             /// body's `__type` or `code` member.\n",
        );
        inline_fn(
            out,
            format_args!(
                "pub fn from_response(error_type: ::core::option::Option<&::core::primitive::str>, \
                 body: &[::core::primitive::u8]) -> Self"
            ),
            |out| {
                emit!(
                    out,
                    "let __code = {runtime}::error_code(error_type, body);\n\
                     Self::from_code(__code.as_deref().unwrap_or_default(), body)"
                )
            },
        );
        out.push_str(
            "/// Reads an error response whose code is known: a shape name,\n\
             /// optionally with a namespace (`ns#Name`) or a `:suffix`.\n",
        );
        inline_fn(
            out,
            format_args!("pub fn from_code(code: &::core::primitive::str, body: &[::core::primitive::u8]) -> Self"),
            |out| from_code(emitter, errors, out),
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
    fmt_impl(out, Allows::DEPRECATED, FmtTrait::Display, error_name, |out| {
        match_variants(errors, "::core::fmt::Display::fmt(__error, __f)", out);
    });
    impl_block(
        out,
        Allows::DEPRECATED,
        format_args!("::std::error::Error for {error_name}"),
        |out| {
            inline_fn(
                out,
                format_args!("fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)>"),
                |out| match_variants(errors, "::core::option::Option::Some(__error)", out),
            );
        },
    );
}

/// The body of `from_code`: the modeled error whose shape name is the
/// code, read from the body, or `Unhandled`.
fn from_code<'a>(emitter: &Emitter<'a>, errors: &'a [(ShapeId, String)], out: &mut String) {
    let (runtime, private) = (&emitter.runtime, &emitter.private);
    let unhandled = format!(
        "Self::{UNHANDLED_VARIANT}({private}::unhandled_error((!code.is_empty()).then_some(code), body, \
         ::core::option::Option::None))"
    );
    if errors.is_empty() {
        out.push_str(&unhandled);
        return;
    }
    emit!(out, "match {runtime}::error_shape_name(code) {{\n");
    for (id, variant) in errors {
        let code = id.name();
        if decodable(&emitter.fields_of(id)) {
            emit!(
                out,
                "{code:?} => {private}::modeled_error(code, body, Self::{variant}, Self::{UNHANDLED_VARIANT}),\n"
            );
        } else {
            let problem = format!("`{code}` has required members outside the JSON body");
            emit!(
                out,
                "{code:?} => Self::{UNHANDLED_VARIANT}({private}::unreadable_error(code, body, {problem:?})),\n"
            );
        }
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

//! The `operations` module: per selected operation, a unit type that
//! implements the runtime's `Operation` trait (HTTP method, URI template,
//! request URI rendering, error parsing), and an enum of its errors.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::doc_attributes;
use super::member::{Field, fields};
use super::structure_wire::decodable;
use super::types::deprecated_attribute;
use super::{Emitter, Scope};
use crate::ident;
use crate::model::{Operation, Shape, ShapeKind};
use crate::shape_id::ShapeId;
use crate::traits::{HttpBinding, TimestampFormat};

pub(super) fn emit_all(emitter: &Emitter<'_>, operations: &[ShapeId]) -> TokenStream {
    let items: Vec<TokenStream> = operations
        .iter()
        .filter_map(|id| {
            let shape = emitter.shape(id)?;
            let ShapeKind::Operation(operation) = &shape.kind else {
                return None;
            };
            Some(emit(emitter, shape, operation))
        })
        .collect();
    if items.is_empty() {
        return TokenStream::new();
    }
    quote! {
        /// One type per operation, implementing the `Operation` trait (HTTP
        /// method, URI template, request URI, errors), and each operation's
        /// error enum.
        pub mod operations {
            #(#items)*
        }
    }
}

fn emit(emitter: &Emitter<'_>, shape: &Shape, operation: &Operation) -> TokenStream {
    let runtime = emitter.runtime();
    let Some(names) = emitter.names.operation(&shape.id) else {
        return TokenStream::new();
    };
    let name = ident::ident(&names.type_name);
    let error_name = ident::ident(&names.error_name);
    let operation_name = shape.id.name();
    let io_type = |target: &Option<ShapeId>| match target {
        Some(target) => emitter.value_type(target, Scope::Nested),
        None => quote!(()),
    };
    let (input, output) = (io_type(&operation.input), io_type(&operation.output));

    let (method, template, status) = match (&shape.traits.http, emitter.protocol.binds_http()) {
        (Some(http), true) => (
            http.method.clone(),
            http.uri.clone(),
            http.code.unwrap_or(200),
        ),
        _ => ("POST".to_owned(), "/".to_owned(), 200),
    };
    let request_uri = request_uri(emitter, shape, operation, &template);
    let docs = doc_attributes(
        shape.traits.documentation.as_deref(),
        &format!("The `{operation_name}` operation."),
        &[
            format!("`{method} {template}`"),
            format!("Smithy shape: `{}`.", shape.id),
        ],
    );
    let deprecated = deprecated_attribute(shape.traits.deprecated.as_ref());
    let errors = error_enum(emitter, shape, operation, &error_name);

    quote! {
        #docs
        #deprecated
        #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, ::core::default::Default, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
        pub struct #name;

        #[allow(deprecated)]
        impl #runtime::Operation for #name {
            type Input = #input;
            type Output = #output;
            type Error = #error_name;

            const NAME: &'static ::core::primitive::str = #operation_name;
            const HTTP_METHOD: &'static ::core::primitive::str = #method;
            const URI_TEMPLATE: &'static ::core::primitive::str = #template;
            const HTTP_STATUS_CODE: ::core::primitive::u16 = #status;

            #request_uri

            fn parse_error(error_type: ::core::option::Option<&::core::primitive::str>, body: &[::core::primitive::u8]) -> #error_name {
                #error_name::from_response(error_type, body)
            }
        }

        #errors
    }
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
fn request_uri(
    emitter: &Emitter<'_>,
    shape: &Shape,
    operation: &Operation,
    template: &str,
) -> TokenStream {
    let runtime = emitter.runtime();
    let private = emitter.private();
    let (path, query) = template.split_once('?').unwrap_or((template, ""));
    let input_shape = operation.input.as_ref().and_then(|id| emitter.shape(id));
    let input_fields: Vec<Field<'_>> = match (
        input_shape,
        operation
            .input
            .as_ref()
            .and_then(|id| emitter.names.item(id)),
    ) {
        (Some(input), Some(names)) => match &input.kind {
            ShapeKind::Structure(members) => fields(emitter, input, names, members),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let mut steps = Vec::new();
    let mut uses_input = false;
    for segment in parse_path(path) {
        match segment {
            Segment::Literal(text) => steps.push(quote!(uri.path(#text);)),
            Segment::Label { name, greedy } => {
                let field = input_fields
                    .iter()
                    .find(|field| field.binding == Some(HttpBinding::Label) && field.name == name);
                let Some(field) = field else {
                    emitter.note(
                        shape.id.as_str(),
                        format!("the URI template label `{{{name}}}` has no `@httpLabel` input member; rendering the URI fails"),
                    );
                    return quote! {
                        fn request_uri(_input: &Self::Input) -> ::core::result::Result<::std::string::String, #runtime::RequestUriError> {
                            ::core::result::Result::Err(#private::UriWriter::missing_label(#name))
                        }
                    };
                };
                uses_input = true;
                let ident = &field.field;
                let format =
                    emitter.format_tokens(field.format.unwrap_or(TimestampFormat::DateTime));
                steps.push(if field.is_optional() {
                    quote! {
                        match &input.#ident {
                            ::core::option::Option::Some(value) => uri.label(#name, value, #greedy, #format)?,
                            ::core::option::Option::None => return ::core::result::Result::Err(#private::UriWriter::missing_label(#name)),
                        }
                    }
                } else {
                    quote!(uri.label(#name, &input.#ident, #greedy, #format)?;)
                });
            }
        }
    }
    for literal in query.split('&').filter(|literal| !literal.is_empty()) {
        steps.push(quote!(uri.query_literal(#literal);));
    }
    let taken: Vec<&str> = input_fields
        .iter()
        .filter_map(|field| match &field.binding {
            Some(HttpBinding::Query(key)) => Some(key.as_str()),
            _ => None,
        })
        .collect();
    for field in &input_fields {
        let ident = &field.field;
        let format = emitter.format_tokens(field.format.unwrap_or(TimestampFormat::DateTime));
        let write = match &field.binding {
            Some(HttpBinding::Query(key)) if field.access == super::types::Access::Slice => {
                quote!(uri.query_list(#key, value, #format);)
            }
            Some(HttpBinding::Query(key)) => quote!(uri.query(#key, value, #format);),
            Some(HttpBinding::QueryParams) => quote!(uri.query_params(value, &[#(#taken),*]);),
            _ => continue,
        };
        uses_input = true;
        steps.push(if field.is_optional() {
            quote! {
                if let ::core::option::Option::Some(value) = &input.#ident {
                    #write
                }
            }
        } else {
            quote! {
                let value = &input.#ident;
                #write
            }
        });
    }
    let uri_mut = if steps.is_empty() {
        quote!(uri)
    } else {
        quote!(mut uri)
    };
    let input_param = if uses_input {
        quote!(input)
    } else {
        quote!(_input)
    };

    quote! {
        fn request_uri(#input_param: &Self::Input) -> ::core::result::Result<::std::string::String, #runtime::RequestUriError> {
            let #uri_mut = #private::UriWriter::new();
            #(#steps)*
            ::core::result::Result::Ok(uri.finish())
        }
    }
}

fn error_enum(
    emitter: &Emitter<'_>,
    shape: &Shape,
    operation: &Operation,
    error_name: &proc_macro2::Ident,
) -> TokenStream {
    let runtime = emitter.runtime();
    let private = emitter.private();
    let service_errors = emitter
        .model
        .services()
        .flat_map(|(_, service)| service.errors.iter());
    let mut errors: Vec<&ShapeId> = operation.errors.iter().chain(service_errors).collect();
    errors.dedup();

    let variants: Vec<_> = errors.iter().map(|id| emitter.type_ident(id)).collect();
    let types: Vec<_> = errors
        .iter()
        .map(|id| emitter.value_type(id, Scope::Nested))
        .collect();
    let codes: Vec<&str> = errors.iter().map(|id| id.name()).collect();
    let docs = errors.iter().map(|id| {
        let summary = emitter
            .shape(id)
            .and_then(|error| error.traits.documentation.as_deref());
        doc_attributes(summary, &format!("The `{}` error.", id.name()), &[])
    });
    let reads = errors.iter().zip(&variants).zip(&codes).map(|((id, variant), code)| {
        let readable = emitter.shape(id).is_some_and(|error| match (&error.kind, emitter.names.item(id)) {
            (ShapeKind::Structure(members), Some(names)) => decodable(&fields(emitter, error, names, members)),
            _ => false,
        });
        if readable {
            quote! {
                #code => match #private::serde_json::from_slice(body) {
                    ::core::result::Result::Ok(error) => Self::#variant(error),
                    ::core::result::Result::Err(problem) => Self::Unhandled(#private::unhandled_error(
                        ::core::option::Option::Some(code),
                        body,
                        ::core::option::Option::Some(::std::string::ToString::to_string(&problem)),
                    )),
                },
            }
        } else {
            let problem = format!("`{code}` has required members outside the JSON body");
            quote! {
                #code => Self::Unhandled(#private::unhandled_error(
                    ::core::option::Option::Some(code),
                    body,
                    ::core::option::Option::Some(::std::string::String::from(#problem)),
                )),
            }
        }
    });
    let unhandled = quote! {
        Self::Unhandled(#private::unhandled_error(
            (!code.is_empty()).then_some(code),
            body,
            ::core::option::Option::None,
        ))
    };
    let from_code = if errors.is_empty() {
        unhandled
    } else {
        quote! {
            match #runtime::error_shape_name(code) {
                #(#reads)*
                _ => #unhandled,
            }
        }
    };
    let enum_doc = format!(" The errors of the `{}` operation.", shape.id.name());

    quote! {
        #[doc = #enum_doc]
        #[allow(deprecated)]
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq)]
        #[non_exhaustive]
        pub enum #error_name {
            #(#docs #variants(#types),)*
            /// An error the model does not list for this operation, or one
            /// whose body could not be read as the modeled error.
            Unhandled(#runtime::UnhandledError),
        }

        #[allow(deprecated)]
        impl #error_name {
            /// Reads an error response: `error_type` is the `x-amzn-ErrorType`
            /// header when there is one; otherwise the code comes from the
            /// body's `__type` or `code` member.
            pub fn from_response(error_type: ::core::option::Option<&::core::primitive::str>, body: &[::core::primitive::u8]) -> Self {
                let code = #runtime::error_code(error_type, body);
                Self::from_code(code.as_deref().unwrap_or_default(), body)
            }

            /// Reads an error response whose code is known: a shape name,
            /// optionally with a namespace (`ns#Name`) or a `:suffix`.
            pub fn from_code(code: &::core::primitive::str, body: &[::core::primitive::u8]) -> Self {
                #from_code
            }

            /// The error's code: the modeled error's shape name, or the code
            /// the response gave.
            pub fn code(&self) -> ::core::option::Option<&::core::primitive::str> {
                match self {
                    #(Self::#variants(_) => ::core::option::Option::Some(#codes),)*
                    Self::Unhandled(error) => error.code(),
                }
            }
        }

        #[allow(deprecated)]
        impl ::core::fmt::Display for #error_name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self {
                    #(Self::#variants(error) => ::core::fmt::Display::fmt(error, f),)*
                    Self::Unhandled(error) => ::core::fmt::Display::fmt(error, f),
                }
            }
        }

        #[allow(deprecated)]
        impl ::std::error::Error for #error_name {
            fn source(&self) -> ::core::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(Self::#variants(error) => ::core::option::Option::Some(error),)*
                    Self::Unhandled(error) => ::core::option::Option::Some(error),
                }
            }
        }
    }
}

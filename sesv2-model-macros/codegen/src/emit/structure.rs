//! Structures: the type, its accessors, its builder, `Default` and `Debug`
//! where the model asks for them, and `std::error::Error` for `@error` shapes.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::doc::{doc_attributes, item_ident, shape_note};
use super::member::{Field, Presence, fields};
use super::types::{Access, deprecated_attribute};
use super::{Emitter, Scope, structure_wire};
use crate::ident;
use crate::model::{Member, Shape};
use crate::names::ItemNames;
use crate::traits::ErrorFault;

/// The structure and its builder (which goes in the `builders` module).
pub(super) fn emit(
    emitter: &Emitter<'_>,
    shape: &Shape,
    names: &ItemNames,
    members: &[Member],
) -> (TokenStream, TokenStream) {
    let name = item_ident(names);
    let fields = fields(emitter, shape, names, members);
    let decodable = structure_wire::decodable(&fields);

    let mut notes = vec![shape_note(shape)];
    if let Some(fault) = shape.traits.error {
        notes.push(error_note(fault, http_status(shape)));
    }
    if shape.traits.sensitive {
        notes.push(
            "Sensitive: `Debug` shows a redaction marker instead of the contents.".to_owned(),
        );
    }
    if !decodable {
        let bound: Vec<String> = fields
            .iter()
            .filter(|field| !field.in_body() && matches!(field.presence, Presence::Required))
            .map(|field| format!("`{}`", field.name))
            .collect();
        notes.push(format!(
            "Does not implement `Deserialize`: the JSON body lacks the required {} {}.",
            if bound.len() == 1 {
                "member"
            } else {
                "members"
            },
            bound.join(", ")
        ));
    }
    if !emitter.protocol.is_json() {
        notes.push(format!(
            "The service uses the {} protocol: this type's serde impls read and write JSON, not that protocol's wire format.",
            emitter.protocol.name()
        ));
    }
    let docs = doc_attributes(
        shape.traits.documentation.as_deref(),
        &format!("The `{}` structure.", shape.id.name()),
        &notes,
    );
    let deprecated = deprecated_attribute(shape.traits.deprecated.as_ref());
    let allow_deprecated = emitter.allow_deprecated(&shape.id);
    let redacts = shape.traits.sensitive || fields.iter().any(|field| field.redacted);

    let all_optional = fields.iter().all(Field::is_optional);
    let derive_default = all_optional.then(|| quote!(, ::core::default::Default));
    let derive_debug = (!redacts).then(|| quote!(, ::core::fmt::Debug));
    let default_impl = (!all_optional
        && fields
            .iter()
            .all(|field| !matches!(field.presence, Presence::Required)))
    .then(|| default_impl(&name, &fields, &allow_deprecated));
    let debug_impl = redacts.then(|| {
        debug_impl(
            emitter,
            &name,
            &names.type_name,
            &fields,
            shape.traits.sensitive,
            &allow_deprecated,
        )
    });

    let declarations = fields.iter().map(|field| {
        let (ident, docs, deprecated) = (&field.field, &field.docs, &field.deprecated);
        let ty = field.stored_type(Scope::Items);
        quote!(#docs #deprecated pub #ident: #ty,)
    });
    let accessors = fields.iter().map(accessor);
    let builder_name = ident::ident(&names.builder_name);
    let builder_doc = format!(
        " Returns a new builder for [`{}`]; see [`builders::{}`].",
        names.type_name, names.builder_name
    );
    let status = shape.traits.error.is_some().then(|| {
        let status = http_status(shape);
        quote! {
            /// The HTTP status code the service sends this error with.
            pub const HTTP_STATUS_CODE: ::core::primitive::u16 = #status;
        }
    });
    let error_impls = shape.traits.error.is_some().then(|| {
        error_impls(
            emitter,
            &name,
            &fields,
            shape.traits.sensitive,
            &allow_deprecated,
        )
    });
    let wire = structure_wire::emit(
        emitter,
        &name,
        &names.type_name,
        &fields,
        decodable,
        &allow_deprecated,
    );

    let item = quote! {
        #docs
        #deprecated
        #allow_deprecated
        #[derive(::core::clone::Clone, ::core::cmp::PartialEq #derive_debug #derive_default)]
        #[non_exhaustive]
        pub struct #name {
            #(#declarations)*
        }

        #allow_deprecated
        impl #name {
            #status

            #[doc = #builder_doc]
            pub fn builder() -> self::builders::#builder_name {
                ::core::default::Default::default()
            }

            #(#accessors)*
        }

        #default_impl
        #debug_impl
        #error_impls
        #wire
    };
    (
        item,
        builder(
            emitter,
            names,
            &fields,
            redacts,
            shape.traits.sensitive,
            &allow_deprecated,
        ),
    )
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

fn accessor(field: &Field<'_>) -> TokenStream {
    let (ident, ty, docs, deprecated) = (&field.field, &field.ty, &field.docs, &field.deprecated);
    let optional = field.is_optional();
    let access = if field.boxed {
        Access::Ref
    } else {
        field.access
    };
    let (output, body) = match (access, optional) {
        (Access::Str, false) => (quote!(&::core::primitive::str), quote!(&self.#ident)),
        (Access::Str, true) => (
            quote!(::core::option::Option<&::core::primitive::str>),
            quote!(self.#ident.as_deref()),
        ),
        (Access::Copy, false) => (quote!(#ty), quote!(self.#ident)),
        (Access::Copy, true) => (quote!(::core::option::Option<#ty>), quote!(self.#ident)),
        (Access::Slice, optional) => {
            let element = field.element_ty.clone().unwrap_or_else(|| ty.clone());
            if optional {
                (
                    quote!(::core::option::Option<&[#element]>),
                    quote!(self.#ident.as_deref()),
                )
            } else {
                (quote!(&[#element]), quote!(&self.#ident))
            }
        }
        (Access::Ref, false) => (quote!(&#ty), quote!(&self.#ident)),
        (Access::Ref, true) if field.boxed => (
            quote!(::core::option::Option<&#ty>),
            quote!(self.#ident.as_deref()),
        ),
        (Access::Ref, true) => (
            quote!(::core::option::Option<&#ty>),
            quote!(self.#ident.as_ref()),
        ),
    };
    quote! {
        #docs
        #deprecated
        pub fn #ident(&self) -> #output {
            #body
        }
    }
}

/// `Default` for structures whose non-optional members all have defaults.
fn default_impl(
    name: &Ident,
    fields: &[Field<'_>],
    allow_deprecated: &Option<TokenStream>,
) -> TokenStream {
    let values = fields.iter().map(|field| {
        let ident = &field.field;
        match field.default_value() {
            Some(value) => quote!(#ident: #value,),
            None => quote!(#ident: ::core::option::Option::None,),
        }
    });
    quote! {
        #allow_deprecated
        impl ::core::default::Default for #name {
            /// Every member at its model default, or absent.
            fn default() -> Self {
                #name { #(#values)* }
            }
        }
    }
}

/// `Debug` that shows a redaction marker for sensitive members, or for all
/// of them when the structure itself is sensitive.
fn debug_impl(
    emitter: &Emitter<'_>,
    name: &Ident,
    type_name: &str,
    fields: &[Field<'_>],
    whole: bool,
    allow_deprecated: &Option<TokenStream>,
) -> TokenStream {
    let private = emitter.private();
    let entries = fields.iter().map(|field| {
        let (ident, field_name) = (&field.field, field.field_name);
        if whole || field.redacted {
            quote!(.field(#field_name, &#private::REDACTED))
        } else {
            quote!(.field(#field_name, &self.#ident))
        }
    });
    quote! {
        #allow_deprecated
        impl ::core::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(#type_name) #(#entries)* .finish()
            }
        }
    }
}

fn error_impls(
    emitter: &Emitter<'_>,
    name: &Ident,
    fields: &[Field<'_>],
    sensitive: bool,
    allow_deprecated: &Option<TokenStream>,
) -> TokenStream {
    let private = emitter.private();
    let type_name = name.to_string();
    let message = fields
        .iter()
        .find(|field| field.name.eq_ignore_ascii_case("message") && field.access == Access::Str);
    let with_message = format!("{type_name}: {{message}}");
    let body = match message {
        Some(field) if sensitive || field.redacted => {
            let redacted = format!("{type_name}: {{}}");
            quote!(::core::write!(f, #redacted, #private::REDACTED))
        }
        Some(field) if !field.is_optional() => {
            let ident = &field.field;
            quote! {
                let message = &self.#ident;
                ::core::write!(f, #with_message)
            }
        }
        Some(field) => {
            let ident = &field.field;
            quote! {
                match &self.#ident {
                    ::core::option::Option::Some(message) => ::core::write!(f, #with_message),
                    ::core::option::Option::None => f.write_str(#type_name),
                }
            }
        }
        None => quote!(f.write_str(#type_name)),
    };
    quote! {
        #allow_deprecated
        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #body
            }
        }

        #allow_deprecated
        impl ::std::error::Error for #name {}
    }
}

fn builder(
    emitter: &Emitter<'_>,
    names: &ItemNames,
    fields: &[Field<'_>],
    redacts: bool,
    whole: bool,
    allow_deprecated: &Option<TokenStream>,
) -> TokenStream {
    let runtime = emitter.runtime();
    let private = emitter.private();
    let name = ident::ident(&names.type_name);
    let builder_name = ident::ident(&names.builder_name);
    let type_name = &names.type_name;
    let doc = format!(" A builder for [`{type_name}`](super::{type_name}).");

    let slots = fields.iter().map(|field| {
        let ident = &field.field;
        let ty = &field.builder_ty;
        let ty = if field.boxed {
            quote!(::std::boxed::Box<#ty>)
        } else {
            ty.clone()
        };
        quote!(#ident: ::core::option::Option<#ty>,)
    });
    let setters = fields.iter().map(|field| {
        let (ident, builder_ty, docs, deprecated, field_name) = (
            &field.field,
            &field.builder_ty,
            &field.docs,
            &field.deprecated,
            field.field_name,
        );
        let set = format_ident!("set_{}", field_name);
        let set_doc = format!(" Sets or clears `{field_name}`; `None` leaves it unset.");
        let (store, slot_ty) = if field.boxed {
            (
                quote!(::std::boxed::Box::new(input.into())),
                quote!(::std::boxed::Box<#builder_ty>),
            )
        } else {
            (quote!(input.into()), builder_ty.clone())
        };
        quote! {
            #docs
            #deprecated
            pub fn #ident(mut self, input: impl ::core::convert::Into<#builder_ty>) -> Self {
                self.#ident = ::core::option::Option::Some(#store);
                self
            }

            #[doc = #set_doc]
            #deprecated
            pub fn #set(mut self, input: ::core::option::Option<#slot_ty>) -> Self {
                self.#ident = input;
                self
            }
        }
    });

    let fallible = fields
        .iter()
        .any(|field| matches!(field.presence, Presence::Required));
    let values = fields.iter().map(|field| {
        let ident = &field.field;
        match &field.presence {
            Presence::Required => {
                let (member, field_name) = (field.name, field.field_name);
                quote! {
                    #ident: self.#ident.ok_or(#runtime::BuildError::missing_member(#type_name, #member, #field_name))?,
                }
            }
            Presence::Default { .. } => {
                let value = field.or_default(quote!(self.#ident), Scope::Nested);
                quote!(#ident: #value,)
            }
            Presence::Optional => quote!(#ident: self.#ident,),
        }
    });
    let build = if fallible {
        let doc = format!(
            " Builds the [`{type_name}`](super::{type_name}), or says which required member is missing."
        );
        quote! {
            #[doc = #doc]
            pub fn build(self) -> ::core::result::Result<super::#name, #runtime::BuildError> {
                ::core::result::Result::Ok(super::#name { #(#values)* })
            }
        }
    } else {
        let doc = format!(
            " Builds the [`{type_name}`](super::{type_name}); unset members take their defaults."
        );
        quote! {
            #[doc = #doc]
            pub fn build(self) -> super::#name {
                super::#name { #(#values)* }
            }
        }
    };

    let derive_debug = (!redacts).then(|| quote!(, ::core::fmt::Debug));
    let debug_impl = redacts.then(|| {
        let entries = fields.iter().map(|field| {
            let (ident, field_name) = (&field.field, field.field_name);
            if whole || field.redacted {
                quote!(.field(#field_name, &self.#ident.as_ref().map(|_| #private::REDACTED)))
            } else {
                quote!(.field(#field_name, &self.#ident))
            }
        });
        let builder_type_name = &names.builder_name;
        quote! {
            #allow_deprecated
            impl ::core::fmt::Debug for #builder_name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.debug_struct(#builder_type_name) #(#entries)* .finish()
                }
            }
        }
    });

    quote! {
        #[doc = #doc]
        #allow_deprecated
        #[derive(::core::clone::Clone, ::core::default::Default, ::core::cmp::PartialEq #derive_debug)]
        pub struct #builder_name {
            #(#slots)*
        }

        #allow_deprecated
        impl #builder_name {
            #(#setters)*
            #build
        }

        #debug_impl
    }
}

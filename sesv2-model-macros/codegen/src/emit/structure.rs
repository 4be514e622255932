//! Structures: the type, its accessors, its builder, and `std::error::Error`
//! for `@error` shapes.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{Access, Emitter, Scope, doc_attributes, item_ident, shape_note, structure_wire};
use crate::ident;
use crate::model::{Member, Shape};
use crate::names::ItemNames;
use crate::traits::ErrorFault;

/// One member of a structure, with everything the emitters need about it.
pub(super) struct Field<'a> {
    /// The member's name in the model, e.g. `S3Url`.
    pub name: &'a str,
    /// The member's name on the wire (`@jsonName` or the member name).
    pub wire: &'a str,
    /// The field, accessor and setter name, e.g. `s3_url`.
    pub field_name: &'a str,
    pub field: Ident,
    /// The value type named from the items module.
    pub ty: TokenStream,
    /// The value type named from the `builders` module.
    pub builder_ty: TokenStream,
    /// For list members, the element type named from the items module.
    element_ty: Option<TokenStream>,
    pub required: bool,
    access: Access,
    pub docs: TokenStream,
}

pub(super) fn fields<'a>(
    emitter: &Emitter<'_>,
    names: &'a ItemNames,
    members: &'a [Member],
) -> Vec<Field<'a>> {
    members
        .iter()
        .zip(&names.members)
        .map(|(member, field_name)| Field {
            name: &member.name,
            wire: emitter.wire_name(member),
            field_name,
            field: ident::ident(field_name),
            ty: emitter.value_type(&member.target, Scope::Items),
            builder_ty: emitter.value_type(&member.target, Scope::Builders),
            element_ty: emitter.list_element_type(&member.target, Scope::Items),
            required: member.traits.required,
            access: emitter.access(&member.target),
            docs: doc_attributes(
                emitter.member_docs(member),
                &format!("The `{}` member.", member.name),
                &[],
            ),
        })
        .collect()
}

/// The structure and its builder (which goes in the `builders` module).
pub(super) fn emit(
    emitter: &Emitter<'_>,
    shape: &Shape,
    names: &ItemNames,
    members: &[Member],
) -> (TokenStream, TokenStream) {
    let name = item_ident(names);
    let fields = fields(emitter, names, members);
    let mut notes = vec![shape_note(shape)];
    if let Some(fault) = shape.traits.error {
        notes.push(error_note(fault, shape.traits.http_error));
    }
    let docs = doc_attributes(
        shape.traits.documentation.as_deref(),
        &format!("The `{}` structure.", shape.id.name()),
        &notes,
    );
    let default = fields
        .iter()
        .all(|field| !field.required)
        .then(|| quote!(, ::core::default::Default));

    let declarations = fields.iter().map(|field| {
        let Field {
            field: ident,
            ty,
            docs,
            ..
        } = field;
        let ty = if field.required {
            ty.clone()
        } else {
            quote!(::core::option::Option<#ty>)
        };
        quote!(#docs pub #ident: #ty,)
    });
    let accessors = fields.iter().map(accessor);
    let builder_name = ident::ident(&names.builder_name);
    let builder_doc = format!(
        " Returns a new builder for [`{}`]; see [`builders::{}`].",
        names.type_name, names.builder_name
    );
    let error_impls = shape
        .traits
        .error
        .is_some()
        .then(|| error_impls(&name, &fields));
    let wire = structure_wire::emit(emitter, &name, &names.type_name, &fields);

    let item = quote! {
        #docs
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq #default)]
        #[non_exhaustive]
        pub struct #name {
            #(#declarations)*
        }

        impl #name {
            #[doc = #builder_doc]
            pub fn builder() -> self::builders::#builder_name {
                ::core::default::Default::default()
            }

            #(#accessors)*
        }

        #error_impls
        #wire
    };
    (item, builder(emitter, names, &fields))
}

fn error_note(fault: ErrorFault, status: Option<u16>) -> String {
    let fault = match fault {
        ErrorFault::Client => "the caller's fault",
        ErrorFault::Server => "the service's fault",
    };
    match status {
        Some(status) => format!("An error ({fault}), sent with HTTP status {status}."),
        None => format!("An error ({fault})."),
    }
}

fn accessor(field: &Field<'_>) -> TokenStream {
    let Field {
        field: ident,
        ty,
        docs,
        ..
    } = field;
    let (output, body) = match (field.access, field.required) {
        (Access::Str, true) => (quote!(&::core::primitive::str), quote!(&self.#ident)),
        (Access::Str, false) => (
            quote!(::core::option::Option<&::core::primitive::str>),
            quote!(self.#ident.as_deref()),
        ),
        (Access::Copy, true) => (quote!(#ty), quote!(self.#ident)),
        (Access::Copy, false) => (quote!(::core::option::Option<#ty>), quote!(self.#ident)),
        (Access::Slice, required) => {
            let element = field.element_ty.clone().unwrap_or_else(|| ty.clone());
            if required {
                (quote!(&[#element]), quote!(&self.#ident))
            } else {
                (
                    quote!(::core::option::Option<&[#element]>),
                    quote!(self.#ident.as_deref()),
                )
            }
        }
        (Access::Ref, true) => (quote!(&#ty), quote!(&self.#ident)),
        (Access::Ref, false) => (
            quote!(::core::option::Option<&#ty>),
            quote!(self.#ident.as_ref()),
        ),
    };
    quote! {
        #docs
        pub fn #ident(&self) -> #output {
            #body
        }
    }
}

fn error_impls(name: &Ident, fields: &[Field<'_>]) -> TokenStream {
    let type_name = name.to_string();
    let message = fields
        .iter()
        .find(|field| field.name.eq_ignore_ascii_case("message") && field.access == Access::Str);
    let with_message = format!("{type_name}: {{message}}");
    let body = match message {
        Some(field) if field.required => {
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
        impl ::core::fmt::Display for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #body
            }
        }

        impl ::std::error::Error for #name {}
    }
}

fn builder(emitter: &Emitter<'_>, names: &ItemNames, fields: &[Field<'_>]) -> TokenStream {
    let runtime = emitter.runtime();
    let name = ident::ident(&names.type_name);
    let builder_name = ident::ident(&names.builder_name);
    let type_name = &names.type_name;
    let doc = format!(" A builder for [`{type_name}`](super::{type_name}).");

    let slots = fields.iter().map(|field| {
        let Field {
            field: ident,
            builder_ty,
            ..
        } = field;
        quote!(#ident: ::core::option::Option<#builder_ty>,)
    });
    let setters = fields.iter().map(|field| {
        let Field {
            field: ident,
            builder_ty,
            docs,
            field_name,
            ..
        } = field;
        let set = format_ident!("set_{}", field_name);
        let set_doc = format!(" Sets or clears `{field_name}`; `None` leaves it unset.");
        quote! {
            #docs
            pub fn #ident(mut self, input: impl ::core::convert::Into<#builder_ty>) -> Self {
                self.#ident = ::core::option::Option::Some(input.into());
                self
            }

            #[doc = #set_doc]
            pub fn #set(mut self, input: ::core::option::Option<#builder_ty>) -> Self {
                self.#ident = input;
                self
            }
        }
    });

    let fallible = fields.iter().any(|field| field.required);
    let values = fields.iter().map(|field| {
        let ident = &field.field;
        if field.required {
            let (member, field_name) = (field.name, field.field_name);
            quote! {
                #ident: self.#ident.ok_or(#runtime::BuildError::missing_member(#type_name, #member, #field_name))?,
            }
        } else {
            quote!(#ident: self.#ident,)
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
        let doc = format!(" Builds the [`{type_name}`](super::{type_name}).");
        quote! {
            #[doc = #doc]
            pub fn build(self) -> super::#name {
                super::#name { #(#values)* }
            }
        }
    };

    quote! {
        #[doc = #doc]
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::default::Default, ::core::cmp::PartialEq)]
        pub struct #builder_name {
            #(#slots)*
        }

        impl #builder_name {
            #(#setters)*
            #build
        }
    }
}

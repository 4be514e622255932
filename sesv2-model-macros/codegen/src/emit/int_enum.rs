//! Int enums: one variant per model value plus one that keeps unknown
//! values, conversions from and to `i32`, and their wire impls (a JSON number).

use proc_macro2::TokenStream;
use quote::quote;

use super::Emitter;
use super::doc::{article, doc_attributes, item_ident, shape_note};
use super::enumeration::variant_declaration;
use super::types::deprecated_attribute;
use crate::ident;
use crate::model::{IntEnumMember, Shape};
use crate::names::ItemNames;

pub(super) fn emit(
    emitter: &Emitter<'_>,
    shape: &Shape,
    names: &ItemNames,
    members: &[IntEnumMember],
) -> TokenStream {
    let runtime = emitter.runtime();
    let private = emitter.private();
    let serde = emitter.serde();
    let name = item_ident(names);
    let type_name = &names.type_name;
    let unknown = ident::ident(&names.unknown_variant);
    let allow_deprecated = emitter.allow_deprecated(&shape.id);
    let deprecated = deprecated_attribute(shape.traits.deprecated.as_ref());

    let docs = doc_attributes(
        shape.traits.documentation.as_deref(),
        &format!("The `{}` int enum.", shape.id.name()),
        &[shape_note(shape)],
    );
    let variants: Vec<_> = names
        .members
        .iter()
        .map(|variant| ident::ident(variant))
        .collect();
    let values: Vec<i32> = members.iter().map(|member| member.value).collect();
    let declarations = members
        .iter()
        .zip(&variants)
        .map(|(member, variant)| variant_declaration(variant, &member.value, &member.traits));
    let unknown_doc = format!(
        " A value the model did not list when this code was generated; [`{type_name}::value`] returns it."
    );
    let expecting = format!("{} `{type_name}` integer", article(type_name));
    let correct = emitter.corrects_errors().then(|| {
        quote! {
            impl #private::Correct for #name {
                fn corrected() -> Self {
                    Self::from(0)
                }
            }
        }
    });
    let wire = [
        emitter.encode_impls(&name, quote!(serializer.serialize_i32(self.value()))),
        emitter.decode_impls(
            &name,
            &expecting,
            quote!(deserialize_i32),
            quote! {
                fn visit_i64<__E: #serde::de::Error>(self, value: ::core::primitive::i64) -> ::core::result::Result<#name, __E> {
                    ::core::primitive::i32::try_from(value)
                        .map(#name::from)
                        .map_err(|_| #serde::de::Error::invalid_value(#serde::de::Unexpected::Signed(value), &self))
                }

                fn visit_u64<__E: #serde::de::Error>(self, value: ::core::primitive::u64) -> ::core::result::Result<#name, __E> {
                    ::core::primitive::i32::try_from(value)
                        .map(#name::from)
                        .map_err(|_| #serde::de::Error::invalid_value(#serde::de::Unexpected::Unsigned(value), &self))
                }
            },
        ),
    ];

    quote! {
        #docs
        #deprecated
        #allow_deprecated
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
            ::core::cmp::PartialOrd,
            ::core::cmp::Ord
        )]
        #[non_exhaustive]
        pub enum #name {
            #(#declarations)*
            #[doc = #unknown_doc]
            #unknown(#runtime::UnknownIntValue),
        }

        #allow_deprecated
        const _: () = {
            impl #name {
                /// The value as it appears on the wire.
                pub fn value(self) -> ::core::primitive::i32 {
                    match self {
                        #(Self::#variants => #values,)*
                        Self::#unknown(value) => value.value(),
                    }
                }

                /// The wire values the model lists, in the model's order.
                pub const fn values() -> &'static [::core::primitive::i32] {
                    &[#(#values),*]
                }
            }

            impl ::core::convert::From<::core::primitive::i32> for #name {
                fn from(value: ::core::primitive::i32) -> Self {
                    match value {
                        #(#values => Self::#variants,)*
                        other => Self::#unknown(#private::unknown_int_value(other)),
                    }
                }
            }

            impl ::core::convert::From<#name> for ::core::primitive::i32 {
                fn from(value: #name) -> Self {
                    value.value()
                }
            }

            impl ::core::fmt::Display for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Display::fmt(&self.value(), f)
                }
            }

            impl #private::HttpText for #name {
                fn write_http(&self, out: &mut ::std::string::String, _format: #private::TimestampFormat) {
                    out.push_str(&self.value().to_string());
                }
            }

            #(#wire)*
            #correct
        };
    }
}

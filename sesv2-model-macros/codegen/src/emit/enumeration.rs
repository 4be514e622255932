//! Enums: one variant per model value plus one that keeps unknown values,
//! conversions from and to the wire string, and their wire impls.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::Emitter;
use super::doc::{article, doc_attributes, item_ident, shape_note};
use super::types::deprecated_attribute;
use crate::ident;
use crate::model::{EnumMember, Shape};
use crate::names::ItemNames;
use crate::traits::Traits;

pub(super) fn emit(
    emitter: &Emitter<'_>,
    shape: &Shape,
    names: &ItemNames,
    members: &[EnumMember],
) -> TokenStream {
    let runtime = emitter.runtime();
    let private = emitter.private();
    let serde = emitter.serde();
    let name = item_ident(names);
    let type_name = &names.type_name;
    let unknown = ident::ident(&names.unknown_variant);
    let allow_deprecated = emitter.allow_deprecated(&shape.id);
    let deprecated = deprecated_attribute(shape.traits.deprecated.as_ref());

    let mut notes = vec![shape_note(shape)];
    if shape.traits.sensitive {
        notes.push("Sensitive: `Debug` shows a redaction marker instead of the value.".to_owned());
    }
    let docs = doc_attributes(
        shape.traits.documentation.as_deref(),
        &format!("The `{}` enum.", shape.id.name()),
        &notes,
    );
    let variants: Vec<_> = names
        .members
        .iter()
        .map(|variant| ident::ident(variant))
        .collect();
    let values: Vec<&str> = members.iter().map(|member| member.value.as_str()).collect();
    let declarations = members
        .iter()
        .zip(&variants)
        .map(|(member, variant)| variant_declaration(variant, &member.value, &member.traits));
    let unknown_doc = format!(
        " A value the model did not list when this code was generated; [`{type_name}::as_str`] returns it."
    );
    let expecting = format!("{} `{type_name}` string", article(type_name));
    let derive_debug = (!shape.traits.sensitive).then(|| quote!(::core::fmt::Debug,));
    let debug_impl = shape.traits.sensitive.then(|| {
        quote! {
            impl ::core::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(#private::REDACTED)
                }
            }
        }
    });
    let wire = [
        emitter.encode_impls(&name, quote!(serializer.serialize_str(self.as_str()))),
        emitter.decode_impls(
            &name,
            &expecting,
            quote!(deserialize_str),
            quote! {
                fn visit_str<__E: #serde::de::Error>(self, value: &::core::primitive::str) -> ::core::result::Result<#name, __E> {
                    ::core::result::Result::Ok(#name::from(value))
                }

                fn visit_string<__E: #serde::de::Error>(self, value: ::std::string::String) -> ::core::result::Result<#name, __E> {
                    ::core::result::Result::Ok(#name::from(value))
                }
            },
        ),
        emitter.http_text_impl(&name, quote!(self.as_str())),
    ];
    let correct = emitter.corrects_errors().then(|| {
        quote! {
            impl #private::Correct for #name {
                fn corrected() -> Self {
                    Self::#unknown(#private::unknown_value(""))
                }
            }
        }
    });

    quote! {
        #docs
        #deprecated
        #allow_deprecated
        #[derive(
            ::core::clone::Clone,
            #derive_debug
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
            #unknown(#runtime::UnknownValue),
        }

        #allow_deprecated
        const _: () = {
            impl #name {
                /// The value as it appears on the wire.
                pub fn as_str(&self) -> &::core::primitive::str {
                    match self {
                        #(Self::#variants => #values,)*
                        Self::#unknown(value) => value.as_str(),
                    }
                }

                /// The wire values the model lists, in the model's order.
                pub const fn values() -> &'static [&'static ::core::primitive::str] {
                    &[#(#values),*]
                }
            }

            impl ::core::convert::From<&::core::primitive::str> for #name {
                fn from(value: &::core::primitive::str) -> Self {
                    match value {
                        #(#values => Self::#variants,)*
                        other => Self::#unknown(#private::unknown_value(other)),
                    }
                }
            }

            impl ::core::convert::From<::std::string::String> for #name {
                fn from(value: ::std::string::String) -> Self {
                    match value.as_str() {
                        #(#values => Self::#variants,)*
                        _ => Self::#unknown(#private::unknown_value(value)),
                    }
                }
            }

            impl ::core::str::FromStr for #name {
                type Err = ::core::convert::Infallible;

                fn from_str(value: &::core::primitive::str) -> ::core::result::Result<Self, ::core::convert::Infallible> {
                    ::core::result::Result::Ok(Self::from(value))
                }
            }

            impl ::core::fmt::Display for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            impl ::core::convert::AsRef<::core::primitive::str> for #name {
                fn as_ref(&self) -> &::core::primitive::str {
                    self.as_str()
                }
            }

            impl #private::MapKey for #name {
                fn from_key(key: ::std::string::String) -> Self {
                    Self::from(key)
                }

                fn as_key(&self) -> &::core::primitive::str {
                    self.as_str()
                }
            }

            #debug_impl
            #(#wire)*
            #correct
        };
    }
}

/// A variant of a generated enum or int enum: the model's docs, then its
/// wire value (the docs' only line when the model has none).
pub(super) fn variant_declaration(
    variant: &Ident,
    value: &dyn std::fmt::Display,
    traits: &Traits,
) -> TokenStream {
    let wire_value = format!("The wire value `{value}`.");
    let docs = match traits.documentation.as_deref() {
        Some(documentation) => doc_attributes(
            Some(documentation),
            &wire_value,
            std::slice::from_ref(&wire_value),
        ),
        None => doc_attributes(None, &wire_value, &[]),
    };
    let deprecated = deprecated_attribute(traits.deprecated.as_ref());
    quote!(#docs #deprecated #variant,)
}

//! Unions: a Rust enum with one variant per member, plus one that keeps a
//! member the model does not know (its name and raw JSON value), which is
//! written back unchanged. On the wire a union is a single-key JSON object.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, Scope, doc_attributes, item_ident, shape_note};
use crate::ident;
use crate::model::{Member, Shape, ShapeKind, Simple};
use crate::names::ItemNames;
use crate::resolve::UNIT;

pub(super) fn emit(
    emitter: &Emitter<'_>,
    shape: &Shape,
    names: &ItemNames,
    members: &[Member],
) -> TokenStream {
    let runtime = emitter.runtime();
    let private = emitter.private();
    let serde = emitter.serde();
    let name = item_ident(names);
    let type_name = &names.type_name;
    let unknown = ident::ident(&names.unknown_variant);

    let docs = doc_attributes(
        shape.traits.documentation.as_deref(),
        &format!("The `{}` union.", shape.id.name()),
        &[shape_note(shape)],
    );
    let variants: Vec<_> = names
        .members
        .iter()
        .map(|variant| ident::ident(variant))
        .collect();
    let wires: Vec<&str> = members
        .iter()
        .map(|member| emitter.wire_name(member))
        .collect();
    let payloads: Vec<Option<TokenStream>> = members
        .iter()
        .map(|member| {
            let is_unit = member.target.as_str() == UNIT
                || matches!(
                    emitter.shape(&member.target).map(|shape| &shape.kind),
                    Some(ShapeKind::Simple(Simple::Unit))
                );
            (!is_unit).then(|| emitter.value_type(&member.target, Scope::Items))
        })
        .collect();

    let declarations =
        members
            .iter()
            .zip(&variants)
            .zip(&payloads)
            .map(|((member, variant), payload)| {
                let docs = doc_attributes(
                    emitter.member_docs(member),
                    &format!("The `{}` member.", member.name),
                    &[],
                );
                match payload {
                    Some(ty) => quote!(#docs #variant(#ty),),
                    None => quote!(#docs #variant,),
                }
            });
    let unknown_doc = format!(
        " A member the model did not list when this code was generated, kept with its JSON value so that `{type_name}` is written back unchanged."
    );

    let encode_arms = variants.iter().zip(&wires).zip(&payloads).map(|((variant, wire), payload)| match payload {
        Some(_) => quote!(Self::#variant(value) => map.serialize_entry(#wire, &#private::Encoded(value))?,),
        None => quote!(Self::#variant => map.serialize_entry(#wire, &#private::Encoded(&#private::Unit))?,),
    });
    let decode_arms = variants
        .iter()
        .zip(&wires)
        .zip(&payloads)
        .enumerate()
        .map(|(index, ((variant, wire), payload))| {
            let ty = payload.clone().unwrap_or_else(|| quote!(#private::Unit));
            let wrap = match payload {
                Some(_) => quote!(#name::#variant),
                None => quote!(|_| #name::#variant),
            };
            quote! {
                #private::UnionKey::Known(#index) => map
                    .next_value_seed(#private::Member::<#ty>::new(#private::At::member(#type_name, #wire)))?
                    .map(#wrap),
            }
        });
    let expecting = format!(
        "{} `{type_name}` object with exactly one member set",
        super::article(type_name)
    );
    let encode = emitter.encode_impls(
        &name,
        quote! {
            use #serde::ser::SerializeMap as _;
            let mut map = serializer.serialize_map(::core::option::Option::Some(1))?;
            match self {
                #(#encode_arms)*
                Self::#unknown(member) => map.serialize_entry(member.name(), member.value())?,
            }
            map.end()
        },
    );
    let decode = emitter.decode_impls(
        &name,
        &expecting,
        quote!(deserialize_map),
        quote! {
            fn visit_map<__A: #serde::de::MapAccess<'de>>(self, mut map: __A) -> ::core::result::Result<#name, __A::Error> {
                const MEMBERS: &[&::core::primitive::str] = &[#(#wires),*];
                let mut set = #private::UnionSet::new(#type_name, self.0);
                while let ::core::option::Option::Some(key) = map.next_key_seed(#private::UnionKeySeed(MEMBERS))? {
                    let value = match key {
                        #(#decode_arms)*
                        #private::UnionKey::Known(_) => {
                            map.next_value::<#serde::de::IgnoredAny>()?;
                            ::core::option::Option::None
                        }
                        #private::UnionKey::Unknown(name) => {
                            if #private::is_union_metadata(&name) {
                                map.next_value::<#serde::de::IgnoredAny>()?;
                                ::core::option::Option::None
                            } else {
                                map.next_value_seed(#private::Member::<#private::serde_json::Value>::new(self.0))?
                                    .map(|value| #name::#unknown(#private::unknown_member(name, value)))
                            }
                        }
                    };
                    set.offer(value)?;
                }
                set.finish()
            }
        },
    );
    let correct = emitter.corrects_errors().then(|| {
        quote! {
            impl #private::Correct for #name {
                fn corrected() -> Self {
                    Self::#unknown(#private::unknown_member(::std::string::String::new(), #private::serde_json::Value::Null))
                }
            }
        }
    });

    quote! {
        #docs
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#declarations)*
            #[doc = #unknown_doc]
            #unknown(#runtime::UnknownMember),
        }

        #encode
        #decode

        #correct
    }
}

//! Unions: a Rust enum with one variant per member, plus one that keeps a
//! member the model does not know (its name and raw JSON value), which is
//! written back unchanged. On the wire a union is a single-key JSON object.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc::{article, doc_attributes, item_ident, shape_note};
use super::types::deprecated_attribute;
use super::{Emitter, Scope};
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
    let allow_deprecated = emitter.allow_deprecated(&shape.id);
    let deprecated = deprecated_attribute(shape.traits.deprecated.as_ref());

    let mut notes = vec![shape_note(shape)];
    if shape.traits.streaming {
        emitter.note(
            shape.id.as_str(),
            "an event stream: the generated serde impls read and write one event as JSON, not the binary event-stream framing"
                .to_owned(),
        );
        notes.push(
            "On the wire this union is an event stream (binary frames carrying one event each), not JSON; \
             its serde impls read and write a single event."
                .to_owned(),
        );
    }
    if shape.traits.sensitive {
        notes.push("Sensitive: `Debug` shows a redaction marker instead of the value.".to_owned());
    }
    if !emitter.protocol.is_json() {
        notes.push(format!(
            "The service uses the {} protocol: this type's serde impls read and write JSON, not that protocol's wire format.",
            emitter.protocol.name()
        ));
    }
    let docs = doc_attributes(
        shape.traits.documentation.as_deref(),
        &format!("The `{}` union.", shape.id.name()),
        &notes,
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
            (!is_unit).then(|| {
                let ty = emitter.value_type(&member.target, Scope::Items);
                if emitter.boxed.contains(&shape.id, &member.name) {
                    quote!(::std::boxed::Box<#ty>)
                } else {
                    ty
                }
            })
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

    let formats: Vec<Option<TokenStream>> = members
        .iter()
        .map(|member| {
            emitter
                .timestamp_format(member)
                .map(|format| emitter.format_tokens(format))
        })
        .collect();
    let encode_arms = variants.iter().zip(&wires).zip(&payloads).zip(&formats).map(|(((variant, wire), payload), format)| match payload {
        Some(_) => {
            let value = match format {
                Some(format) => quote!(&#private::EncodedAs(value, #format)),
                None => quote!(&#private::Encoded(value)),
            };
            quote!(Self::#variant(value) => map.serialize_entry(#wire, #value)?,)
        }
        None => quote!(Self::#variant => map.serialize_entry(#wire, &#private::Encoded(&#private::Unit))?,),
    });
    let decode_arms = variants
        .iter()
        .zip(&wires)
        .zip(&payloads)
        .zip(&formats)
        .enumerate()
        .map(|(index, (((variant, wire), payload), format))| {
            let ty = payload.clone().unwrap_or_else(|| quote!(#private::Unit));
            let at = match format {
                Some(format) => {
                    quote!(#private::At::member(#type_name, #wire).with_format(#format))
                }
                None => quote!(#private::At::member(#type_name, #wire)),
            };
            let wrap = match payload {
                Some(_) => quote!(#name::#variant),
                None => quote!(|_| #name::#variant),
            };
            quote! {
                #private::UnionKey::Known(#index) => map
                    .next_value_seed(#private::Member::<#ty>::new(#at))?
                    .map(#wrap),
            }
        });
    let expecting = format!(
        "{} `{type_name}` object with exactly one member set",
        article(type_name)
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

    let redacts =
        shape.traits.sensitive || members.iter().any(|member| emitter.is_redacted(member));
    let derive_debug = (!redacts).then(|| quote!(, ::core::fmt::Debug));
    let debug_impl = redacts.then(|| {
        let arms = members.iter().zip(&variants).zip(&payloads).map(|((member, variant), payload)| {
            let variant_name = variant.to_string();
            let hidden = shape.traits.sensitive || emitter.is_redacted(member);
            match payload {
                Some(_) if hidden => {
                    quote!(Self::#variant(_) => f.debug_tuple(#variant_name).field(&#private::REDACTED).finish(),)
                }
                Some(_) => quote!(Self::#variant(value) => f.debug_tuple(#variant_name).field(value).finish(),),
                None => quote!(Self::#variant => f.write_str(#variant_name),),
            }
        });
        let unknown_name = unknown.to_string();
        quote! {
            impl ::core::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match self {
                        #(#arms)*
                        Self::#unknown(_) => f.debug_tuple(#unknown_name).field(&#private::REDACTED).finish(),
                    }
                }
            }
        }
    });

    quote! {
        #docs
        #deprecated
        #allow_deprecated
        #[derive(::core::clone::Clone, ::core::cmp::PartialEq #derive_debug)]
        #[non_exhaustive]
        pub enum #name {
            #(#declarations)*
            #[doc = #unknown_doc]
            #unknown(#runtime::UnknownMember),
        }

        #allow_deprecated
        const _: () = {
            #debug_impl
            #encode
            #decode
            #correct
        };
    }
}

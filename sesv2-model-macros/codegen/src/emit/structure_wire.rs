//! Structures on the JSON wire: `Encode`/`Serialize` write the members that
//! are set, `Decode`/`Deserialize` read them by wire name, skip unknown ones,
//! read `null` as absent, and name the member in every error.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::Emitter;
use super::structure::Field;

pub(super) fn emit(
    emitter: &Emitter<'_>,
    name: &Ident,
    type_name: &str,
    fields: &[Field<'_>],
) -> TokenStream {
    let encode = encode(emitter, name, type_name, fields);
    let decode = decode(emitter, name, type_name, fields);
    let correct = emitter
        .corrects_errors()
        .then(|| correct(emitter, name, fields));
    quote! {
        #encode
        #decode
        #correct
    }
}

fn encode(
    emitter: &Emitter<'_>,
    name: &Ident,
    type_name: &str,
    fields: &[Field<'_>],
) -> TokenStream {
    let private = emitter.private();
    let serde = emitter.serde();

    let required = fields.iter().filter(|field| field.required).count();
    let mut counted: Vec<TokenStream> = fields
        .iter()
        .filter(|field| !field.required)
        .map(|field| {
            let ident = &field.field;
            quote!(::core::primitive::usize::from(self.#ident.is_some()))
        })
        .collect();
    if required > 0 || counted.is_empty() {
        counted.insert(0, quote!(#required));
    }

    let writes = fields.iter().map(|field| {
        let (ident, wire) = (&field.field, field.wire);
        if field.required {
            quote!(state.serialize_field(#wire, &#private::Encoded(&self.#ident))?;)
        } else {
            quote! {
                if let ::core::option::Option::Some(value) = &self.#ident {
                    state.serialize_field(#wire, &#private::Encoded(value))?;
                }
            }
        }
    });
    let state = if fields.is_empty() {
        quote!(state)
    } else {
        quote!(mut state)
    };

    emitter.encode_impls(
        name,
        quote! {
            use #serde::ser::SerializeStruct as _;
            let #state = serializer.serialize_struct(#type_name, #(#counted)+*)?;
            #(#writes)*
            state.end()
        },
    )
}

fn decode(
    emitter: &Emitter<'_>,
    name: &Ident,
    type_name: &str,
    fields: &[Field<'_>],
) -> TokenStream {
    let private = emitter.private();
    let serde = emitter.serde();
    let expecting = format!("{} `{type_name}` object", super::article(type_name));

    let slots: Vec<Ident> = fields
        .iter()
        .map(|field| format_ident!("v_{}", field.field_name))
        .collect();
    let declarations = fields.iter().zip(&slots).map(|(field, slot)| {
        let ty = &field.ty;
        quote!(let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;)
    });
    let wire_names = fields.iter().map(|field| field.wire);
    let arms = fields.iter().zip(&slots).enumerate().map(|(index, (field, slot))| {
        let (ty, wire) = (&field.ty, field.wire);
        quote! {
            ::core::option::Option::Some(#index) => {
                #slot = map.next_value_seed(#private::Member::<#ty>::new(#private::At::member(#type_name, #wire)))?;
            }
        }
    });
    let values = fields.iter().zip(&slots).map(|(field, slot)| {
        let (ident, wire) = (&field.field, field.wire);
        if !field.required {
            quote!(#ident: #slot,)
        } else if emitter.corrects_errors() {
            quote!(#ident: #slot.unwrap_or_else(#private::Correct::corrected),)
        } else {
            quote!(#ident: #private::required(#slot, #private::At::member(#type_name, #wire))?,)
        }
    });
    let read_members = if fields.is_empty() {
        quote! {
            while map.next_key_seed(#private::FieldSeed(&[]))?.is_some() {
                map.next_value::<#serde::de::IgnoredAny>()?;
            }
        }
    } else {
        quote! {
            const MEMBERS: &[&::core::primitive::str] = &[#(#wire_names),*];
            #(#declarations)*
            while let ::core::option::Option::Some(index) = map.next_key_seed(#private::FieldSeed(MEMBERS))? {
                match index {
                    #(#arms)*
                    _ => {
                        map.next_value::<#serde::de::IgnoredAny>()?;
                    }
                }
            }
        }
    };

    emitter.decode_impls(
        name,
        &expecting,
        quote!(deserialize_map),
        quote! {
            fn visit_map<__A: #serde::de::MapAccess<'de>>(self, mut map: __A) -> ::core::result::Result<#name, __A::Error> {
                #read_members
                ::core::result::Result::Ok(#name { #(#values)* })
            }
        },
    )
}

/// Client error correction: required members missing on the wire become
/// their zero value, recursively for structures.
fn correct(emitter: &Emitter<'_>, name: &Ident, fields: &[Field<'_>]) -> TokenStream {
    let private = emitter.private();
    let values = fields.iter().map(|field| {
        let ident = &field.field;
        if field.required {
            quote!(#ident: #private::Correct::corrected(),)
        } else {
            quote!(#ident: ::core::option::Option::None,)
        }
    });
    quote! {
        impl #private::Correct for #name {
            fn corrected() -> Self {
                #name { #(#values)* }
            }
        }
    }
}

//! Structures on the JSON wire: `Encode`/`Serialize` write the body members
//! that are set, `Decode`/`Deserialize` read them by wire name, skip unknown
//! ones, read `null` as absent, apply defaults and name the member in every
//! error. Members bound to the URI, headers or status stay out of the body.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::doc::article;
use super::member::{Field, Presence};
use super::{Emitter, Scope};

/// Whether the body alone can make a value: no required member travels
/// elsewhere.
pub(super) fn decodable(fields: &[Field<'_>]) -> bool {
    fields
        .iter()
        .all(|field| field.in_body() || !matches!(field.presence, Presence::Required))
}

pub(super) fn emit(
    emitter: &Emitter<'_>,
    name: &Ident,
    type_name: &str,
    fields: &[Field<'_>],
    decodable: bool,
    allow_deprecated: &Option<TokenStream>,
) -> TokenStream {
    let encode = encode(emitter, name, type_name, fields);
    let decode = decodable.then(|| decode(emitter, name, type_name, fields));
    let correct = emitter
        .corrects_errors()
        .then(|| correct(emitter, name, fields));
    quote! {
        #allow_deprecated
        const _: () = {
            #encode
            #decode
            #correct
        };
    }
}

/// `EncodedAs(value, format)` when the member has a timestamp format,
/// otherwise `Encoded(value)`.
fn encoded(emitter: &Emitter<'_>, field: &Field<'_>, value: TokenStream) -> TokenStream {
    let private = emitter.private();
    match field.format {
        Some(format) => {
            let format = emitter.format_tokens(format);
            quote!(&#private::EncodedAs(#value, #format))
        }
        None => quote!(&#private::Encoded(#value)),
    }
}

/// `At::member(T, M)`, with the member's timestamp format when it has one.
fn at(emitter: &Emitter<'_>, type_name: &str, field: &Field<'_>) -> TokenStream {
    let private = emitter.private();
    let wire = field.wire;
    match field.format {
        Some(format) => {
            let format = emitter.format_tokens(format);
            quote!(#private::At::member(#type_name, #wire).with_format(#format))
        }
        None => quote!(#private::At::member(#type_name, #wire)),
    }
}

fn encode(
    emitter: &Emitter<'_>,
    name: &Ident,
    type_name: &str,
    fields: &[Field<'_>],
) -> TokenStream {
    let serde = emitter.serde();
    let body: Vec<&Field<'_>> = fields.iter().filter(|field| field.in_body()).collect();

    let always = body.iter().filter(|field| !field.is_optional()).count();
    let mut counted: Vec<TokenStream> = body
        .iter()
        .filter(|field| field.is_optional())
        .map(|field| {
            let ident = &field.field;
            quote!(::core::primitive::usize::from(self.#ident.is_some()))
        })
        .collect();
    if always > 0 || counted.is_empty() {
        counted.insert(0, quote!(#always));
    }

    let writes = body.iter().map(|field| {
        let (ident, wire) = (&field.field, field.wire);
        if field.is_optional() {
            let value = encoded(emitter, field, quote!(value));
            quote! {
                if let ::core::option::Option::Some(value) = &self.#ident {
                    state.serialize_field(#wire, #value)?;
                }
            }
        } else {
            let value = encoded(emitter, field, quote!(&self.#ident));
            quote!(state.serialize_field(#wire, #value)?;)
        }
    });
    let state = if body.is_empty() {
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
    let expecting = format!("{} `{type_name}` object", article(type_name));
    let body: Vec<&Field<'_>> = fields.iter().filter(|field| field.in_body()).collect();

    let slot = |field: &Field<'_>| format_ident!("v_{}", field.field_name);
    let slot_type = |field: &Field<'_>| {
        let ty = &field.ty;
        if field.boxed {
            quote!(::std::boxed::Box<#ty>)
        } else {
            ty.clone()
        }
    };
    let declarations = body.iter().map(|field| {
        let (slot, ty) = (slot(field), slot_type(field));
        quote!(let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;)
    });
    let wire_names = body.iter().map(|field| field.wire);
    let arms = body.iter().enumerate().map(|(index, field)| {
        let (slot, ty, at) = (slot(field), slot_type(field), at(emitter, type_name, field));
        quote! {
            ::core::option::Option::Some(#index) => {
                #slot = map.next_value_seed(#private::Member::<#ty>::new(#at))?;
            }
        }
    });
    let values = fields.iter().map(|field| {
        let ident = &field.field;
        if !field.in_body() {
            return match field.default_value() {
                Some(value) => quote!(#ident: #value,),
                None => quote!(#ident: ::core::option::Option::None,),
            };
        }
        let slot = slot(field);
        match &field.presence {
            Presence::Optional => quote!(#ident: #slot,),
            Presence::Default { .. } => {
                let value = field.or_default(quote!(#slot), Scope::Items);
                quote!(#ident: #value,)
            }
            Presence::Required if emitter.corrects_errors() => {
                quote!(#ident: #slot.unwrap_or_else(#private::Correct::corrected),)
            }
            Presence::Required => {
                let wire = field.wire;
                quote!(#ident: #private::required(#slot, #private::At::member(#type_name, #wire))?,)
            }
        }
    });
    let read_members = if body.is_empty() {
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
        match (&field.presence, field.default_value()) {
            (Presence::Required, _) => quote!(#ident: #private::Correct::corrected(),),
            (_, Some(value)) => quote!(#ident: #value,),
            _ => quote!(#ident: ::core::option::Option::None,),
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

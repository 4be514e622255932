//! Stage 5: Rust tokens for the selected shapes.
//!
//! Generated code names every outside item by its full path (`::core::option::Option`,
//! `::sesv2_model::Timestamp`) so that user items called `Option`, `String`
//! or `Result` cannot change its meaning. Its own helper types and generic
//! parameters (`__Visitor`, `__S`, `__D`) start with underscores, which no
//! generated type name does, so that they never shadow a generated type.

mod enumeration;
mod structure;
mod structure_wire;
mod union;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::Config;
use crate::docs;
use crate::ident;
use crate::model::{Member, Model, Shape, ShapeKind, Simple};
use crate::names::{ItemNames, Names};
use crate::select::Selection;
use crate::shape_id::ShapeId;

/// Everything the per-shape emitters share.
pub(crate) struct Emitter<'a> {
    model: &'a Model,
    names: &'a Names,
    config: &'a Config,
    /// `::sesv2_model` (or the configured runtime crate).
    runtime: TokenStream,
}

/// Where a type is named from: the module the macro expands in, or the
/// `builders` module inside it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    Items,
    Builders,
}

/// How an accessor hands out a member's value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    /// `&str` / `Option<&str>`.
    Str,
    /// The value itself, for numbers and booleans.
    Copy,
    /// `&[T]` / `Option<&[T]>`.
    Slice,
    /// `&T` / `Option<&T>`.
    Ref,
}

pub(crate) fn emit(
    model: &Model,
    selection: &Selection,
    names: &Names,
    config: &Config,
) -> TokenStream {
    let runtime_crate = Ident::new(&config.runtime_crate, Span::call_site());
    let emitter = Emitter {
        model,
        names,
        config,
        runtime: quote!(::#runtime_crate),
    };
    let mut items = TokenStream::new();
    let mut builders = TokenStream::new();

    if let Some(path) = &config.track_file {
        let path = path.to_string_lossy();
        items.extend(quote! {
            // Makes cargo rebuild this crate when the model changes.
            const _: &[::core::primitive::u8] = ::core::include_bytes!(#path);
        });
    }
    for id in &selection.shapes {
        let (Some(shape), Some(item_names)) = (model.get(id), names.item(id)) else {
            continue;
        };
        match &shape.kind {
            ShapeKind::Structure(members) => {
                let (item, builder) = structure::emit(&emitter, shape, item_names, members);
                items.extend(item);
                builders.extend(builder);
            }
            ShapeKind::Enum(members) => {
                items.extend(enumeration::emit(&emitter, shape, item_names, members))
            }
            ShapeKind::Union(members) => {
                items.extend(union::emit(&emitter, shape, item_names, members))
            }
            _ => {}
        }
    }
    if !builders.is_empty() {
        items.extend(quote! {
            /// Builders for the generated structures, one per structure:
            /// `Type::builder()` returns the one for `Type`.
            pub mod builders {
                #builders
            }
        });
    }
    items
}

impl Emitter<'_> {
    /// The path of the runtime crate, `::sesv2_model`.
    fn runtime(&self) -> &TokenStream {
        &self.runtime
    }

    /// The path of the runtime's support module for generated code.
    fn private(&self) -> TokenStream {
        let runtime = &self.runtime;
        quote!(#runtime::__private)
    }

    /// The path of the `serde` crate as the runtime re-exports it.
    fn serde(&self) -> TokenStream {
        let runtime = &self.runtime;
        quote!(#runtime::__private::serde)
    }

    fn corrects_errors(&self) -> bool {
        self.config.required_members == crate::RequiredMembers::ClientErrorCorrection
    }

    fn shape(&self, id: &ShapeId) -> Option<&Shape> {
        self.model.get(id)
    }

    /// The Rust type of a value of shape `target`, named from `scope`.
    fn value_type(&self, target: &ShapeId, scope: Scope) -> TokenStream {
        let runtime = &self.runtime;
        let Some(shape) = self.shape(target) else {
            return quote!(());
        };
        match &shape.kind {
            ShapeKind::Simple(simple) => match simple {
                Simple::String => quote!(::std::string::String),
                Simple::Boolean => quote!(::core::primitive::bool),
                Simple::Byte => quote!(::core::primitive::i8),
                Simple::Short => quote!(::core::primitive::i16),
                Simple::Integer => quote!(::core::primitive::i32),
                Simple::Long => quote!(::core::primitive::i64),
                Simple::Float => quote!(::core::primitive::f32),
                Simple::Double => quote!(::core::primitive::f64),
                Simple::Timestamp => quote!(#runtime::Timestamp),
                Simple::Blob => quote!(#runtime::Blob),
                Simple::Document | Simple::BigInteger | Simple::BigDecimal => {
                    quote!(#runtime::__private::serde_json::Value)
                }
                Simple::Unit => quote!(()),
            },
            ShapeKind::List(_) => {
                let element = self.list_element_type(target, scope);
                quote!(::std::vec::Vec<#element>)
            }
            ShapeKind::Map { key, value } => {
                let key = self.value_type(&key.target, scope);
                let value = self.value_type(&value.target, scope);
                if shape.traits.sparse {
                    quote!(::std::collections::HashMap<#key, ::core::option::Option<#value>>)
                } else {
                    quote!(::std::collections::HashMap<#key, #value>)
                }
            }
            ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) => {
                let name = self.type_ident(target);
                match scope {
                    Scope::Items => quote!(#name),
                    Scope::Builders => quote!(super::#name),
                }
            }
            ShapeKind::IntEnum => quote!(::core::primitive::i32),
            ShapeKind::Operation(_) | ShapeKind::Service(_) | ShapeKind::Resource(_) => quote!(()),
        }
    }

    /// The element type of a list shape (`Option<T>` for a sparse list).
    fn list_element_type(&self, target: &ShapeId, scope: Scope) -> Option<TokenStream> {
        let shape = self.shape(target)?;
        let ShapeKind::List(member) = &shape.kind else {
            return None;
        };
        let element = self.value_type(&member.target, scope);
        Some(if shape.traits.sparse {
            quote!(::core::option::Option<#element>)
        } else {
            element
        })
    }

    fn access(&self, target: &ShapeId) -> Access {
        match self.shape(target).map(|shape| &shape.kind) {
            Some(ShapeKind::Simple(Simple::String)) => Access::Str,
            Some(ShapeKind::Simple(
                Simple::Boolean
                | Simple::Byte
                | Simple::Short
                | Simple::Integer
                | Simple::Long
                | Simple::Float
                | Simple::Double,
            )) => Access::Copy,
            Some(ShapeKind::List(_)) => Access::Slice,
            _ => Access::Ref,
        }
    }

    fn type_ident(&self, id: &ShapeId) -> Ident {
        let name = self
            .names
            .item(id)
            .map_or(id.name(), |names| names.type_name.as_str());
        ident::ident(name)
    }

    /// Rustdoc for a member: its own documentation, else its target's.
    fn member_docs<'m>(&'m self, member: &'m Member) -> Option<&'m str> {
        member
            .traits
            .documentation
            .as_deref()
            .or_else(|| self.shape(&member.target)?.traits.documentation.as_deref())
    }

    /// `Encode` with `body` (which writes `self` to `serializer`), and
    /// `Serialize` through it.
    fn encode_impls(&self, name: &Ident, body: TokenStream) -> TokenStream {
        let private = self.private();
        let serde = self.serde();
        quote! {
            impl #private::Encode for #name {
                fn encode<__S: #serde::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #body
                }
            }

            impl #serde::Serialize for #name {
                fn serialize<__S: #serde::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #private::Encode::encode(self, serializer)
                }
            }
        }
    }

    /// `Decode` through a visitor that expects `expecting`, is started with
    /// `deserializer.#start(...)` and has the visit methods `methods` (the
    /// location is `self.0`), and `Deserialize` through it.
    fn decode_impls(
        &self,
        name: &Ident,
        expecting: &str,
        start: TokenStream,
        methods: TokenStream,
    ) -> TokenStream {
        let private = self.private();
        let serde = self.serde();
        quote! {
            impl<'de> #private::Decode<'de> for #name {
                fn decode<__D: #serde::Deserializer<'de>>(deserializer: __D, at: #private::At) -> ::core::result::Result<Self, __D::Error> {
                    struct __Visitor(#private::At);

                    impl<'de> #serde::de::Visitor<'de> for __Visitor {
                        type Value = #name;

                        fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                            self.0.expecting(f, #expecting)
                        }

                        #methods
                    }

                    deserializer.#start(__Visitor(at))
                }
            }

            impl<'de> #serde::Deserialize<'de> for #name {
                fn deserialize<__D: #serde::Deserializer<'de>>(deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                    <Self as #private::Decode<'de>>::decode(deserializer, #private::At::TOP)
                }
            }
        }
    }

    /// The member's name on the wire: `@jsonName` or the member name.
    fn wire_name<'m>(&self, member: &'m Member) -> &'m str {
        member.traits.json_name.as_deref().unwrap_or(&member.name)
    }
}

/// Doc attributes for Markdown text: the model's HTML converted, then any
/// paragraphs the generator adds. The model's summary stays the first line.
fn doc_attributes(html: Option<&str>, fallback: &str, notes: &[String]) -> TokenStream {
    let mut markdown = html.map(docs::to_markdown).unwrap_or_default();
    if markdown.is_empty() {
        markdown = fallback.to_owned();
    }
    for note in notes {
        if !markdown.is_empty() {
            markdown.push_str("\n\n");
        }
        markdown.push_str(note);
    }
    markdown
        .lines()
        .map(|line| {
            let line = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            quote!(#[doc = #line])
        })
        .collect()
}

/// The shape id line every generated type documents.
fn shape_note(shape: &Shape) -> String {
    format!("Smithy shape: `{}`.", shape.id)
}

/// "a" or "an" before a name, by its first letter.
fn article(name: &str) -> &'static str {
    match name.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

fn item_ident(names: &ItemNames) -> Ident {
    ident::ident(&names.type_name)
}

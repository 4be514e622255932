//! How shapes map to Rust types, and the facts about members that every
//! emitter needs: wire names, timestamp formats, sensitivity, deprecation.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::Emitter;
use crate::ident;
use crate::model::{Member, ShapeKind, Simple};
use crate::shape_id::ShapeId;
use crate::traits::{Deprecated, Protocol, TimestampFormat};

/// Where a type is named from: the module the macro expands in, or a module
/// inside it (`builders`, `operations`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    Items,
    Nested,
}

/// How an accessor hands out a member's value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Access {
    /// `&str` / `Option<&str>`.
    Str,
    /// The value itself, for numbers and booleans.
    Copy,
    /// `&[T]` / `Option<&[T]>`.
    Slice,
    /// `&T` / `Option<&T>`.
    Ref,
}

impl Emitter<'_> {
    /// The Rust type of a value of shape `target`, named from `scope`.
    pub(super) fn value_type(&self, target: &ShapeId, scope: Scope) -> TokenStream {
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
                Simple::Document => quote!(#runtime::Document),
                Simple::BigInteger => quote!(#runtime::BigInteger),
                Simple::BigDecimal => quote!(#runtime::BigDecimal),
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
            ShapeKind::Structure(_)
            | ShapeKind::Union(_)
            | ShapeKind::Enum(_)
            | ShapeKind::IntEnum(_) => {
                let name = self.type_ident(target);
                match scope {
                    Scope::Items => quote!(#name),
                    Scope::Nested => quote!(super::#name),
                }
            }
            ShapeKind::Operation(_) | ShapeKind::Service(_) | ShapeKind::Resource(_) => quote!(()),
        }
    }

    /// The element type of a list shape (`Option<T>` for a sparse list).
    pub(super) fn list_element_type(&self, target: &ShapeId, scope: Scope) -> Option<TokenStream> {
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

    pub(super) fn access(&self, target: &ShapeId) -> Access {
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

    pub(super) fn type_ident(&self, id: &ShapeId) -> Ident {
        let name = self
            .names
            .item(id)
            .map_or(id.name(), |names| names.type_name.as_str());
        ident::ident(name)
    }

    /// Rustdoc for a member: its own documentation, else its target's.
    pub(super) fn member_docs<'m>(&'m self, member: &'m Member) -> Option<&'m str> {
        member
            .traits
            .documentation
            .as_deref()
            .or_else(|| self.shape(&member.target)?.traits.documentation.as_deref())
    }

    /// The member's name on the wire: its `@jsonName` where the protocol
    /// honors it (restJson1), else the member name.
    pub(super) fn wire_name<'m>(&self, member: &'m Member) -> &'m str {
        match &member.traits.json_name {
            Some(json_name) if self.protocol == Protocol::RestJson1 => json_name,
            _ => &member.name,
        }
    }

    /// The `@timestampFormat` that governs the timestamps a member holds:
    /// the member's own, else its target's, else that of the list member or
    /// map value its target holds.
    pub(super) fn timestamp_format(&self, member: &Member) -> Option<TimestampFormat> {
        let mut current = member;
        // Bounded by the nesting of collections; a cycle of collections is
        // impossible in a valid model, and the bound keeps it harmless anyway.
        for _ in 0..32 {
            if let Some(format) = current.traits.timestamp_format {
                return Some(format);
            }
            let target = self.shape(&current.target)?;
            if let Some(format) = target.traits.timestamp_format {
                return Some(format);
            }
            current = match &target.kind {
                ShapeKind::List(element) => element,
                ShapeKind::Map { value, .. } => value,
                _ => return None,
            };
        }
        None
    }

    /// `TimestampFormat::X` in generated code.
    pub(super) fn format_tokens(&self, format: TimestampFormat) -> TokenStream {
        let private = self.private();
        match format {
            TimestampFormat::EpochSeconds => quote!(#private::TimestampFormat::EpochSeconds),
            TimestampFormat::DateTime => quote!(#private::TimestampFormat::DateTime),
            TimestampFormat::HttpDate => quote!(#private::TimestampFormat::HttpDate),
        }
    }

    /// Whether `Debug` must hide a member's value: it is `@sensitive`, or
    /// targets a sensitive shape, or a collection of them.
    pub(super) fn is_redacted(&self, member: &Member) -> bool {
        if member.traits.sensitive {
            return true;
        }
        let mut target = &member.target;
        for _ in 0..32 {
            let Some(shape) = self.shape(target) else {
                return false;
            };
            if shape.traits.sensitive {
                return true;
            }
            target = match &shape.kind {
                ShapeKind::List(element) => &element.target,
                ShapeKind::Map { key, value } => {
                    if self
                        .shape(&key.target)
                        .is_some_and(|key| key.traits.sensitive)
                    {
                        return true;
                    }
                    &value.target
                }
                _ => return false,
            };
        }
        false
    }

    /// Whether any item of this shape names something deprecated, so that
    /// the generated code using it must not warn.
    pub(super) fn touches_deprecated(&self, id: &ShapeId) -> bool {
        let Some(shape) = self.shape(id) else {
            return false;
        };
        if shape.traits.deprecated.is_some() {
            return true;
        }
        let deprecated_target = |target: &ShapeId| self.holds_deprecated(target);
        match &shape.kind {
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                members.iter().any(|member| {
                    member.traits.deprecated.is_some() || deprecated_target(&member.target)
                })
            }
            ShapeKind::Enum(members) => members
                .iter()
                .any(|member| member.traits.deprecated.is_some()),
            ShapeKind::IntEnum(members) => members
                .iter()
                .any(|member| member.traits.deprecated.is_some()),
            _ => false,
        }
    }

    /// Whether a value of `target` is, or holds in a collection, a
    /// deprecated generated type.
    fn holds_deprecated(&self, target: &ShapeId) -> bool {
        let mut target = target;
        for _ in 0..32 {
            let Some(shape) = self.shape(target) else {
                return false;
            };
            match &shape.kind {
                ShapeKind::List(element) => target = &element.target,
                ShapeKind::Map { value, .. } => target = &value.target,
                ShapeKind::Structure(_)
                | ShapeKind::Union(_)
                | ShapeKind::Enum(_)
                | ShapeKind::IntEnum(_) => {
                    return shape.traits.deprecated.is_some();
                }
                _ => return false,
            }
        }
        false
    }

    /// `#[allow(deprecated)]` for the items of a shape that uses deprecated
    /// things, so that only users of those things are warned.
    pub(super) fn allow_deprecated(&self, id: &ShapeId) -> Option<TokenStream> {
        self.touches_deprecated(id)
            .then(|| quote!(#[allow(deprecated)]))
    }
}

/// `#[deprecated]` with the model's message; Smithy's `since` is free text
/// (often a date) where Rust wants a version, so it goes into the note.
pub(super) fn deprecated_attribute(deprecated: Option<&Deprecated>) -> Option<TokenStream> {
    let deprecated = deprecated?;
    let message = deprecated
        .message
        .as_deref()
        .unwrap_or("deprecated in the model");
    let note = match &deprecated.since {
        Some(since) => format!("{message} (deprecated since {since})"),
        None => message.to_owned(),
    };
    Some(quote!(#[deprecated(note = #note)]))
}

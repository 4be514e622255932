//! How shapes map to Rust types, and the facts about members that every
//! emitter needs: wire names, timestamp formats, sensitivity, deprecation.

use super::Emitter;
use crate::ident;
use crate::model::{Member, ShapeKind, Simple};
use crate::shape_id::ShapeId;
use crate::traits::{Deprecated, Documentation, Protocol, TimestampFormat};

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

impl<'a> Emitter<'a> {
    /// The Rust type of a value of shape `target`, named from `scope`.
    pub(super) fn value_type(&self, target: &ShapeId, scope: Scope) -> String {
        let runtime = &self.runtime;
        let Some(shape) = self.shape(target) else {
            return "()".to_owned();
        };
        match &shape.kind {
            ShapeKind::Simple(simple) => match simple {
                Simple::String => "::std::string::String".to_owned(),
                Simple::Boolean => "::core::primitive::bool".to_owned(),
                Simple::Byte => "::core::primitive::i8".to_owned(),
                Simple::Short => "::core::primitive::i16".to_owned(),
                Simple::Integer => "::core::primitive::i32".to_owned(),
                Simple::Long => "::core::primitive::i64".to_owned(),
                Simple::Float => "::core::primitive::f32".to_owned(),
                Simple::Double => "::core::primitive::f64".to_owned(),
                Simple::Timestamp => format!("{runtime}::Timestamp"),
                Simple::Blob => format!("{runtime}::Blob"),
                Simple::Document => format!("{runtime}::Document"),
                Simple::BigInteger => format!("{runtime}::BigInteger"),
                Simple::BigDecimal => format!("{runtime}::BigDecimal"),
                Simple::Unit => "()".to_owned(),
            },
            ShapeKind::List(_) => {
                let element = self.list_element_type(target, scope).unwrap_or_default();
                format!("::std::vec::Vec<{element}>")
            }
            ShapeKind::Map { key, value } => {
                let key = self.value_type(&key.target, scope);
                let value = self.value_type(&value.target, scope);
                if shape.traits.sparse {
                    format!("::std::collections::HashMap<{key}, ::core::option::Option<{value}>>")
                } else {
                    format!("::std::collections::HashMap<{key}, {value}>")
                }
            }
            ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {
                let name = self.type_name(target);
                match scope {
                    Scope::Items => name.to_owned(),
                    Scope::Nested => format!("super::{name}"),
                }
            }
            ShapeKind::Operation(_) | ShapeKind::Service(_) | ShapeKind::Resource(_) => "()".to_owned(),
        }
    }

    /// The element type of a list shape (`Option<T>` for a sparse list).
    pub(super) fn list_element_type(&self, target: &ShapeId, scope: Scope) -> Option<String> {
        let shape = self.shape(target)?;
        let ShapeKind::List(member) = &shape.kind else {
            return None;
        };
        let element = self.value_type(&member.target, scope);
        Some(if shape.traits.sparse {
            format!("::core::option::Option<{element}>")
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

    /// The generated type's name as written in Rust (`Self_` for `Self`).
    pub(super) fn type_name<'s>(&'s self, id: &'s ShapeId) -> &'s str {
        self.names.item(id).map_or(id.name(), |names| names.type_name.as_str())
    }

    /// Rustdoc for a member: its own documentation, else its target's.
    pub(super) fn member_docs(&self, member: &'a Member) -> Option<&'a Documentation> {
        member
            .traits
            .documentation
            .as_ref()
            .or_else(|| self.shape(&member.target)?.traits.documentation.as_ref())
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
    pub(super) fn format_path(&self, format: TimestampFormat) -> String {
        format!("{}::TimestampFormat::{}", self.private, format_variant(format))
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
                    if self.shape(&key.target).is_some_and(|key| key.traits.sensitive) {
                        return true;
                    }
                    &value.target
                }
                _ => return false,
            };
        }
        false
    }

    /// `#[allow(deprecated)]` for the items of a shape that names something
    /// deprecated, so that only the users of those things are warned.
    pub(super) fn allow_deprecated(&self, id: &ShapeId) -> &'static str {
        if self.touches_deprecated(id) {
            "#[allow(deprecated)]\n"
        } else {
            ""
        }
    }

    fn touches_deprecated(&self, id: &ShapeId) -> bool {
        let Some(shape) = self.shape(id) else {
            return false;
        };
        if shape.traits.deprecated.is_some() {
            return true;
        }
        match &shape.kind {
            ShapeKind::Structure(members) | ShapeKind::Union(members) => members
                .iter()
                .any(|member| member.traits.deprecated.is_some() || self.holds_deprecated(&member.target)),
            ShapeKind::Enum(members) => members.iter().any(|member| member.traits.deprecated.is_some()),
            ShapeKind::IntEnum(members) => members.iter().any(|member| member.traits.deprecated.is_some()),
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
                ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {
                    return shape.traits.deprecated.is_some();
                }
                _ => return false,
            }
        }
        false
    }
}

/// `#[deprecated]` with the model's message; Smithy's `since` is free text
/// (often a date) where Rust wants a version, so it goes into the note.
/// Clippy's `type_complexity` for items whose member types nest two or more
/// generics (`Vec<HashMap<..>>`, three with the `Option` around it): the model decides those
/// types, and code generated into a file is linted like hand-written code.
pub(super) fn allow_complex_types<'t>(mut types: impl Iterator<Item = &'t str>) -> &'static str {
    if types.any(|ty| ty.matches('<').count() >= 2) {
        "#[allow(clippy::type_complexity)]\n"
    } else {
        ""
    }
}

pub(super) fn deprecated_attribute(deprecated: Option<&Deprecated>) -> String {
    let Some(deprecated) = deprecated else {
        return String::new();
    };
    let message = deprecated.message.as_deref().unwrap_or("deprecated in the model");
    let note = match &deprecated.since {
        Some(since) => format!("{message} (deprecated since {since})"),
        None => message.to_owned(),
    };
    format!("#[deprecated(note = {note:?})]\n")
}

/// An identifier as written in Rust: `r#type`, `self_`, `job_id`.
pub(super) fn rust(name: &str) -> String {
    ident::display(name)
}

/// The variant of the runtime's `TimestampFormat` for a model format.
pub(super) fn format_variant(format: TimestampFormat) -> &'static str {
    match format {
        TimestampFormat::EpochSeconds => "EpochSeconds",
        TimestampFormat::DateTime => "DateTime",
        TimestampFormat::HttpDate => "HttpDate",
    }
}

//! How shapes map to Rust types, and the facts about members that every
//! emitter needs: wire names, timestamp formats, sensitivity, deprecation.

use std::fmt;

use super::Emitter;
use super::rust_type::{Primitive, RuntimeType, RustType, Scope};
use crate::model::{Member, ShapeKind, Simple};
use crate::prelude::UNIT;
use crate::shape_id::ShapeId;
use crate::traits::{Documentation, Protocol, TimestampFormat};

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

impl Access {
    /// How a value of `ty` is handed out.
    pub fn of(ty: &RustType) -> Access {
        match ty {
            RustType::String => Access::Str,
            RustType::Primitive(_) => Access::Copy,
            RustType::Vec(_) => Access::Slice,
            _ => Access::Ref,
        }
    }
}

/// The `#[allow(...)]` attributes of a generated item and its impls.
#[derive(Clone, Copy, Default)]
pub(super) struct Allows {
    /// The item names something deprecated, whose users alone are warned.
    deprecated: bool,
    /// Clippy's `type_complexity`: the model decides the member types, and
    /// code generated into a file is linted like hand-written code.
    complex_types: bool,
    /// Clippy's `large_enum_variant`, for enums whose variants hold values
    /// of the model's choosing: boxing them would change the API.
    large_variants: bool,
}

impl Allows {
    /// Only `deprecated`: for items that refer to every operation or error,
    /// deprecated or not.
    pub const DEPRECATED: Allows = Allows {
        deprecated: true,
        complex_types: false,
        large_variants: false,
    };

    /// These, and `large_enum_variant`: for unions, whose members the model
    /// chooses (Timestream for InfluxDB has a union of one large structure).
    pub fn with_large_variants(self) -> Allows {
        Allows {
            large_variants: true,
            ..self
        }
    }
}

impl fmt::Display for Allows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.deprecated {
            f.write_str("#[allow(deprecated)]\n")?;
        }
        if self.complex_types {
            f.write_str("#[allow(clippy::type_complexity)]\n")?;
        }
        if self.large_variants {
            f.write_str("#[allow(clippy::large_enum_variant)]\n")?;
        }
        Ok(())
    }
}

impl<'a> Emitter<'a> {
    /// The Rust type of a value of shape `target`.
    pub(super) fn value_type(&self, target: &ShapeId) -> RustType {
        let Some(shape) = self.shape(target) else {
            return RustType::Unit;
        };
        match &shape.kind {
            ShapeKind::Simple(simple) => match simple {
                Simple::String => RustType::String,
                Simple::Boolean => RustType::Primitive(Primitive::Bool),
                Simple::Byte => RustType::Primitive(Primitive::I8),
                Simple::Short => RustType::Primitive(Primitive::I16),
                Simple::Integer => RustType::Primitive(Primitive::I32),
                Simple::Long => RustType::Primitive(Primitive::I64),
                Simple::Float => RustType::Primitive(Primitive::F32),
                Simple::Double => RustType::Primitive(Primitive::F64),
                Simple::Timestamp => RustType::Runtime(RuntimeType::Timestamp),
                Simple::Blob => RustType::Runtime(RuntimeType::Blob),
                Simple::Document => RustType::Runtime(RuntimeType::Document),
                Simple::BigInteger => RustType::Runtime(RuntimeType::BigInteger),
                Simple::BigDecimal => RustType::Runtime(RuntimeType::BigDecimal),
                Simple::Unit => RustType::Unit,
            },
            ShapeKind::List(member) => {
                let element = self.value_type(&member.target);
                let element = if shape.traits.sparse {
                    RustType::option(element)
                } else {
                    element
                };
                RustType::Vec(Box::new(element))
            }
            ShapeKind::Map { key, value } => {
                let key = self.value_type(&key.target);
                let value = self.value_type(&value.target);
                let value = if shape.traits.sparse {
                    RustType::option(value)
                } else {
                    value
                };
                RustType::HashMap(Box::new(key), Box::new(value))
            }
            ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {
                match self.names.item(target) {
                    Some(names) => RustType::Generated(std::sync::Arc::clone(&names.type_name)),
                    None => RustType::Generated(target.name().into()),
                }
            }
            ShapeKind::Operation(_) | ShapeKind::Service(_) | ShapeKind::Resource(_) => RustType::Unit,
        }
    }

    /// An operation's input or output type: `()` when it has none.
    pub(super) fn io_type(&self, target: Option<&ShapeId>) -> RustType {
        target.map_or(RustType::Unit, |target| self.value_type(target))
    }

    /// A type with full paths, named from `scope`.
    pub(super) fn path<'t>(&'t self, ty: &'t RustType, scope: Scope) -> impl fmt::Display + 't {
        ty.path(&self.runtime, scope)
    }

    /// The payload type of a union member's variant; `None` for a member
    /// targeting Unit (a unit variant).
    pub(super) fn payload_type(&self, union: &ShapeId, member: &Member) -> Option<RustType> {
        let is_unit = member.target.as_str() == UNIT
            || matches!(
                self.shape(&member.target).map(|shape| &shape.kind),
                Some(ShapeKind::Simple(Simple::Unit))
            );
        (!is_unit).then(|| {
            let ty = self.value_type(&member.target);
            if self.boxed.contains(union, &member.name) {
                RustType::boxed(ty)
            } else {
                ty
            }
        })
    }

    /// The `#[allow]`s for the items of shape `id`, whose members are of
    /// `types`: `type_complexity` when one nests two or more generic types
    /// (`Vec<HashMap<..>>`; three with the `Option` around it).
    pub(super) fn allows<'t>(&self, id: &ShapeId, mut types: impl Iterator<Item = &'t RustType>) -> Allows {
        Allows {
            deprecated: self.touches_deprecated(id),
            complex_types: types.any(|ty| ty.generic_count() >= 2),
            large_variants: false,
        }
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

/// The variant of the runtime's `TimestampFormat` for a model format.
pub(super) fn format_variant(format: TimestampFormat) -> &'static str {
    match format {
        TimestampFormat::EpochSeconds => "EpochSeconds",
        TimestampFormat::DateTime => "DateTime",
        TimestampFormat::HttpDate => "HttpDate",
    }
}

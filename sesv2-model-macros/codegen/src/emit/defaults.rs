//! `@default` values as data: what a member takes when it is absent, checked
//! against its target when the member is planned and written as a Rust
//! expression only where code needs it.

use std::fmt;

use serde_json::Value;

use super::Emitter;
use super::rust_type::{Primitive, RustType, Scope};
use crate::model::{ShapeKind, Simple};
use crate::shape_id::ShapeId;

/// A member's default value.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum DefaultValue {
    /// `""`
    EmptyString,
    String(String),
    Bool(bool),
    Integer(i64, Primitive),
    Float(f64, Primitive),
    BigInteger(String),
    BigDecimal(String),
    /// Whole seconds since the epoch.
    Timestamp(i64),
    EmptyBlob,
    /// The bytes of a blob default (base64 in the model).
    Blob(Vec<u8>),
    /// A document: a scalar or an empty collection.
    Document(Value),
    /// A value the enum lists: its variant.
    EnumVariant {
        ty: RustType,
        variant: String,
    },
    /// A value the enum does not list, kept as its unknown value.
    EnumValue {
        ty: RustType,
        value: String,
    },
    IntEnumValue {
        ty: RustType,
        value: i32,
    },
    EmptyList,
    EmptyMap,
}

/// How to fill in a default: generated code picks `unwrap_or`,
/// `unwrap_or_default` or `unwrap_or_else` by it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum DefaultCost {
    /// A literal or a unit variant.
    Constant,
    /// The type's `Default` (`""`, empty collections).
    TypeDefault,
    /// Anything built at run time.
    Computed,
}

impl DefaultValue {
    pub fn cost(&self) -> DefaultCost {
        match self {
            DefaultValue::EmptyString | DefaultValue::EmptyBlob | DefaultValue::EmptyList | DefaultValue::EmptyMap => {
                DefaultCost::TypeDefault
            }
            DefaultValue::Bool(_)
            | DefaultValue::Integer(..)
            | DefaultValue::Float(..)
            | DefaultValue::EnumVariant { .. } => DefaultCost::Constant,
            DefaultValue::String(_)
            | DefaultValue::Blob(_)
            | DefaultValue::BigInteger(_)
            | DefaultValue::BigDecimal(_)
            | DefaultValue::Timestamp(_)
            | DefaultValue::Document(_)
            | DefaultValue::EnumValue { .. }
            | DefaultValue::IntEnumValue { .. } => DefaultCost::Computed,
        }
    }

    /// The Rust expression, naming generated types from `scope`;
    /// `runtime` is the runtime crate's path.
    pub fn expr<'v>(&'v self, runtime: &'v str, scope: Scope) -> impl fmt::Display + 'v {
        Expr {
            value: self,
            runtime,
            scope,
        }
    }
}

struct Expr<'v> {
    value: &'v DefaultValue,
    runtime: &'v str,
    scope: Scope,
}

impl fmt::Display for Expr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let runtime = self.runtime;
        let private = format!("{runtime}::__private");
        match self.value {
            DefaultValue::EmptyString => f.write_str("::std::string::String::new()"),
            DefaultValue::String(text) => write!(f, "::std::string::String::from({text:?})"),
            DefaultValue::Bool(flag) => write!(f, "{flag}"),
            DefaultValue::Integer(integer, primitive) => write!(f, "{integer}{}", primitive.name()),
            DefaultValue::Float(float, primitive) => write!(f, "{float:?}{}", primitive.name()),
            DefaultValue::BigInteger(text) => write!(f, "{private}::big_integer({text:?})"),
            DefaultValue::BigDecimal(text) => write!(f, "{private}::big_decimal({text:?})"),
            DefaultValue::Timestamp(secs) => write!(f, "{private}::timestamp_or_epoch({secs}i64)"),
            DefaultValue::EmptyBlob => write!(f, "<{runtime}::Blob as ::core::default::Default>::default()"),
            DefaultValue::Blob(bytes) => write!(f, "{runtime}::Blob::from(::std::vec!{bytes:?})"),
            DefaultValue::Document(document) => write_document(f, &private, document),
            DefaultValue::EnumVariant { ty, variant } => write!(f, "{}::{variant}", ty.path(runtime, self.scope)),
            DefaultValue::EnumValue { ty, value } => write!(
                f,
                "<{} as ::core::convert::From<&::core::primitive::str>>::from({value:?})",
                ty.path(runtime, self.scope)
            ),
            DefaultValue::IntEnumValue { ty, value } => write!(
                f,
                "<{} as ::core::convert::From<::core::primitive::i32>>::from({value}i32)",
                ty.path(runtime, self.scope)
            ),
            DefaultValue::EmptyList => f.write_str("::std::vec::Vec::new()"),
            DefaultValue::EmptyMap => f.write_str("::std::collections::HashMap::new()"),
        }
    }
}

/// A `Document` (JSON value) literal; defaults are scalars or empty collections.
fn write_document(f: &mut fmt::Formatter<'_>, private: &dyn fmt::Display, value: &Value) -> fmt::Result {
    let json = format!("{private}::serde_json");
    match value {
        Value::Null => write!(f, "{json}::Value::Null"),
        Value::Bool(flag) => write!(f, "{json}::Value::Bool({flag})"),
        Value::Number(number) => match (number.as_i64(), number.as_f64()) {
            (Some(integer), _) => write!(f, "{json}::Value::from({integer}i64)"),
            (None, Some(float)) => write!(f, "{json}::Value::from({float:?}f64)"),
            (None, None) => write!(f, "{json}::Value::Null"),
        },
        Value::String(text) => write!(f, "{json}::Value::String(::std::string::String::from({text:?}))"),
        Value::Array(_) => write!(f, "{json}::Value::Array(::std::vec::Vec::new())"),
        Value::Object(_) => write!(f, "{json}::Value::Object({json}::Map::new())"),
    }
}

/// `number` as a value of the numeric simple shape `simple`, when its Rust
/// type holds it: a literal out of range is one rustc rejects.
pub(super) fn number_value(simple: Simple, number: &serde_json::Number) -> Option<DefaultValue> {
    let integer = |fits: fn(i64) -> bool, primitive| {
        let integer = number.as_i64()?;
        fits(integer).then_some(DefaultValue::Integer(integer, primitive))
    };
    let float = number.as_f64().filter(|float| float.is_finite());
    match simple {
        Simple::Byte => integer(|integer| i8::try_from(integer).is_ok(), Primitive::I8),
        Simple::Short => integer(|integer| i16::try_from(integer).is_ok(), Primitive::I16),
        Simple::Integer => integer(|integer| i32::try_from(integer).is_ok(), Primitive::I32),
        Simple::Long => integer(|_| true, Primitive::I64),
        // `as` rounds to the nearest `f32`, infinite past its range.
        Simple::Float => float
            .filter(|float| (*float as f32).is_finite())
            .map(|float| DefaultValue::Float(float, Primitive::F32)),
        Simple::Double => float.map(|float| DefaultValue::Float(float, Primitive::F64)),
        _ => None,
    }
}

impl Emitter<'_> {
    /// The default `value` of a member targeting `target`, or why the
    /// generated code cannot represent it exactly.
    pub(super) fn default_value(&self, target: &ShapeId, value: &Value) -> Result<DefaultValue, String> {
        let shape = self
            .shape(target)
            .ok_or_else(|| format!("`{target}` is not in the model"))?;
        let mismatch = || {
            format!(
                "the default `{value}` does not fit the {} shape `{target}`",
                shape.kind.type_name()
            )
        };
        Ok(match (&shape.kind, value) {
            (ShapeKind::Simple(Simple::String), Value::String(text)) if text.is_empty() => DefaultValue::EmptyString,
            (ShapeKind::Simple(Simple::String), Value::String(text)) => DefaultValue::String(text.clone()),
            (ShapeKind::Simple(Simple::Boolean), Value::Bool(flag)) => DefaultValue::Bool(*flag),
            (
                ShapeKind::Simple(
                    simple @ (Simple::Byte
                    | Simple::Short
                    | Simple::Integer
                    | Simple::Long
                    | Simple::Float
                    | Simple::Double),
                ),
                Value::Number(number),
            ) => number_value(*simple, number).ok_or_else(mismatch)?,
            (ShapeKind::Simple(Simple::BigInteger), Value::Number(number)) if number.is_i64() || number.is_u64() => {
                DefaultValue::BigInteger(number.to_string())
            }
            (ShapeKind::Simple(Simple::BigDecimal), Value::Number(number)) => {
                DefaultValue::BigDecimal(number.to_string())
            }
            (ShapeKind::Simple(Simple::Timestamp), Value::Number(number)) => {
                let secs = number.as_i64().ok_or_else(|| {
                    format!(
                        "the default `{value}` is not a whole number of seconds, which the generator keeps exact \
                         only for whole seconds"
                    )
                })?;
                DefaultValue::Timestamp(secs)
            }
            (ShapeKind::Simple(Simple::Blob), Value::String(text)) if text.is_empty() => DefaultValue::EmptyBlob,
            (ShapeKind::Simple(Simple::Blob), Value::String(text)) => {
                use base64::Engine as _;
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(text)
                    .map_err(|error| format!("the blob default `{text}` is not base64 ({error})"))?;
                DefaultValue::Blob(bytes)
            }
            (ShapeKind::Simple(Simple::Document), document) => DefaultValue::Document(document.clone()),
            (ShapeKind::Enum(members), Value::String(text)) => {
                let ty = self.value_type(target);
                let names = self.names.item(target).ok_or_else(mismatch)?;
                match members.iter().position(|member| &member.value == text) {
                    Some(index) => DefaultValue::EnumVariant {
                        ty,
                        variant: names.members[index].rust.clone(),
                    },
                    None => DefaultValue::EnumValue {
                        ty,
                        value: text.clone(),
                    },
                }
            }
            (ShapeKind::IntEnum(_), Value::Number(number)) => {
                let value = number
                    .as_i64()
                    .and_then(|n| i32::try_from(n).ok())
                    .ok_or_else(mismatch)?;
                DefaultValue::IntEnumValue {
                    ty: self.value_type(target),
                    value,
                }
            }
            (ShapeKind::List(_), Value::Array(items)) if items.is_empty() => DefaultValue::EmptyList,
            (ShapeKind::Map { .. }, Value::Object(entries)) if entries.is_empty() => DefaultValue::EmptyMap,
            _ => return Err(mismatch()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{DefaultValue, number_value};
    use crate::emit::rust_type::Primitive;
    use crate::model::Simple;

    fn number(json: &str) -> serde_json::Number {
        serde_json::from_str(json).expect("a JSON number")
    }

    #[test]
    fn numbers_become_values_only_where_their_rust_type_holds_them() {
        assert_eq!(
            number_value(Simple::Byte, &number("-128")),
            Some(DefaultValue::Integer(-128, Primitive::I8))
        );
        assert_eq!(number_value(Simple::Byte, &number("128")), None);
        assert_eq!(number_value(Simple::Integer, &number("1.5")), None);
        assert_eq!(
            number_value(Simple::Float, &number("0.5")),
            Some(DefaultValue::Float(0.5, Primitive::F32))
        );
        // Past `f32::MAX`: `1e300f32` is a literal rustc rejects.
        assert_eq!(number_value(Simple::Float, &number("1e300")), None);
        assert_eq!(
            number_value(Simple::Double, &number("1e300")),
            Some(DefaultValue::Float(1e300, Primitive::F64))
        );
        assert_eq!(number_value(Simple::String, &number("1")), None);
    }
}

//! Rust expressions for `@default` values.

use serde_json::Value;

use super::{Emitter, Scope};
use crate::model::{ShapeKind, Simple};
use crate::shape_id::ShapeId;

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

impl Emitter<'_> {
    /// The expression for `value` as a value of shape `target` and how
    /// costly it is, or why it cannot be represented exactly.
    pub(super) fn default_expr(
        &self,
        target: &ShapeId,
        value: &Value,
        scope: Scope,
    ) -> Result<(String, DefaultCost), String> {
        let expr = self.default_tokens(target, value, scope)?;
        let cost = match (self.shape(target).map(|shape| &shape.kind), value) {
            (Some(ShapeKind::Simple(Simple::String)), Value::String(text)) if text.is_empty() => {
                DefaultCost::TypeDefault
            }
            (
                Some(ShapeKind::Simple(
                    Simple::String | Simple::Document | Simple::BigInteger | Simple::BigDecimal | Simple::Timestamp,
                )),
                _,
            ) => DefaultCost::Computed,
            (Some(ShapeKind::Simple(Simple::Blob) | ShapeKind::List(_) | ShapeKind::Map { .. }), _) => {
                DefaultCost::TypeDefault
            }
            (Some(ShapeKind::Enum(members)), Value::String(text)) if members.iter().any(|m| &m.value == text) => {
                DefaultCost::Constant
            }
            (Some(ShapeKind::Enum(_) | ShapeKind::IntEnum(_)), _) => DefaultCost::Computed,
            _ => DefaultCost::Constant,
        };
        Ok((expr, cost))
    }

    fn default_tokens(&self, target: &ShapeId, value: &Value, scope: Scope) -> Result<String, String> {
        let runtime = &self.runtime;
        let private = &self.private;
        let shape = self
            .shape(target)
            .ok_or_else(|| format!("`{target}` is not in the model"))?;
        let mismatch = || {
            format!(
                "the default `{value}` does not fit the {} shape `{target}`",
                shape.kind.type_name()
            )
        };
        match (&shape.kind, value) {
            (ShapeKind::Simple(Simple::String), Value::String(text)) => Ok(if text.is_empty() {
                "::std::string::String::new()".to_owned()
            } else {
                format!("::std::string::String::from({text:?})")
            }),
            (ShapeKind::Simple(Simple::Boolean), Value::Bool(flag)) => Ok(flag.to_string()),
            (
                ShapeKind::Simple(simple @ (Simple::Byte | Simple::Short | Simple::Integer | Simple::Long)),
                Value::Number(number),
            ) => {
                let integer = number.as_i64().ok_or_else(mismatch)?;
                let fits = match simple {
                    Simple::Byte => i8::try_from(integer).is_ok(),
                    Simple::Short => i16::try_from(integer).is_ok(),
                    Simple::Integer => i32::try_from(integer).is_ok(),
                    _ => true,
                };
                let suffix = match simple {
                    Simple::Byte => "i8",
                    Simple::Short => "i16",
                    Simple::Integer => "i32",
                    _ => "i64",
                };
                if fits {
                    Ok(format!("{integer}{suffix}"))
                } else {
                    Err(mismatch())
                }
            }
            (ShapeKind::Simple(simple @ (Simple::Float | Simple::Double)), Value::Number(number)) => {
                let float = number.as_f64().filter(|f| f.is_finite()).ok_or_else(mismatch)?;
                let suffix = if *simple == Simple::Float { "f32" } else { "f64" };
                Ok(format!("{float:?}{suffix}"))
            }
            (ShapeKind::Simple(Simple::BigInteger), Value::Number(number)) if number.is_i64() || number.is_u64() => {
                Ok(format!("{private}::big_integer({:?})", number.to_string()))
            }
            (ShapeKind::Simple(Simple::BigDecimal), Value::Number(number)) => {
                Ok(format!("{private}::big_decimal({:?})", number.to_string()))
            }
            (ShapeKind::Simple(Simple::Timestamp), Value::Number(number)) => {
                let secs = number.as_i64().ok_or_else(|| {
                    format!("the default `{value}` is not a whole number of seconds, which the generator keeps exact only for whole seconds")
                })?;
                Ok(format!("{private}::timestamp_or_epoch({secs}i64)"))
            }
            (ShapeKind::Simple(Simple::Blob), Value::String(text)) if text.is_empty() => {
                Ok(format!("<{runtime}::Blob as ::core::default::Default>::default()"))
            }
            (ShapeKind::Simple(Simple::Document), document) => Ok(document_expr(private, document)),
            (ShapeKind::Enum(members), Value::String(text)) => {
                let name = self.value_type(target, scope);
                let names = self.names.item(target).ok_or_else(mismatch)?;
                Ok(match members.iter().position(|member| &member.value == text) {
                    Some(index) => {
                        format!("{name}::{}", super::types::rust(&names.members[index]))
                    }
                    None => format!("<{name} as ::core::convert::From<&::core::primitive::str>>::from({text:?})"),
                })
            }
            (ShapeKind::IntEnum(_), Value::Number(number)) => {
                let name = self.value_type(target, scope);
                let integer = number
                    .as_i64()
                    .and_then(|n| i32::try_from(n).ok())
                    .ok_or_else(mismatch)?;
                Ok(format!(
                    "<{name} as ::core::convert::From<::core::primitive::i32>>::from({integer}i32)"
                ))
            }
            (ShapeKind::List(_), Value::Array(items)) if items.is_empty() => Ok("::std::vec::Vec::new()".to_owned()),
            (ShapeKind::Map { .. }, Value::Object(entries)) if entries.is_empty() => {
                Ok("::std::collections::HashMap::new()".to_owned())
            }
            _ => Err(mismatch()),
        }
    }
}

/// A `Document` (JSON value) literal; defaults are scalars or empty collections.
fn document_expr(private: &str, value: &Value) -> String {
    let json = format!("{private}::serde_json");
    match value {
        Value::Null => format!("{json}::Value::Null"),
        Value::Bool(flag) => format!("{json}::Value::Bool({flag})"),
        Value::Number(number) => match (number.as_i64(), number.as_f64()) {
            (Some(integer), _) => format!("{json}::Value::from({integer}i64)"),
            (None, Some(float)) => format!("{json}::Value::from({float:?}f64)"),
            (None, None) => format!("{json}::Value::Null"),
        },
        Value::String(text) => {
            format!("{json}::Value::String(::std::string::String::from({text:?}))")
        }
        Value::Array(_) => format!("{json}::Value::Array(::std::vec::Vec::new())"),
        Value::Object(_) => format!("{json}::Value::Object({json}::Map::new())"),
    }
}

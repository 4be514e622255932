//! Rust expressions for `@default` values.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
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
    ) -> Result<(TokenStream, DefaultCost), String> {
        let expr = self.default_tokens(target, value, scope)?;
        let cost = match (self.shape(target).map(|shape| &shape.kind), value) {
            (Some(ShapeKind::Simple(Simple::String)), Value::String(text)) if text.is_empty() => {
                DefaultCost::TypeDefault
            }
            (
                Some(ShapeKind::Simple(
                    Simple::String
                    | Simple::Document
                    | Simple::BigInteger
                    | Simple::BigDecimal
                    | Simple::Timestamp,
                )),
                _,
            ) => DefaultCost::Computed,
            (
                Some(ShapeKind::Simple(Simple::Blob) | ShapeKind::List(_) | ShapeKind::Map { .. }),
                _,
            ) => DefaultCost::TypeDefault,
            (Some(ShapeKind::Enum(members)), Value::String(text))
                if members.iter().any(|m| &m.value == text) =>
            {
                DefaultCost::Constant
            }
            (Some(ShapeKind::Enum(_) | ShapeKind::IntEnum(_)), _) => DefaultCost::Computed,
            _ => DefaultCost::Constant,
        };
        Ok((expr, cost))
    }

    fn default_tokens(
        &self,
        target: &ShapeId,
        value: &Value,
        scope: Scope,
    ) -> Result<TokenStream, String> {
        let runtime = self.runtime();
        let private = self.private();
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
                quote!(::std::string::String::new())
            } else {
                quote!(::std::string::String::from(#text))
            }),
            (ShapeKind::Simple(Simple::Boolean), Value::Bool(flag)) => Ok(quote!(#flag)),
            (
                ShapeKind::Simple(
                    simple @ (Simple::Byte | Simple::Short | Simple::Integer | Simple::Long),
                ),
                Value::Number(number),
            ) => {
                let integer = number.as_i64().ok_or_else(mismatch)?;
                let literal = match simple {
                    Simple::Byte => i8::try_from(integer)
                        .map(Literal::i8_suffixed)
                        .map_err(|_| mismatch())?,
                    Simple::Short => i16::try_from(integer)
                        .map(Literal::i16_suffixed)
                        .map_err(|_| mismatch())?,
                    Simple::Integer => i32::try_from(integer)
                        .map(Literal::i32_suffixed)
                        .map_err(|_| mismatch())?,
                    _ => Literal::i64_suffixed(integer),
                };
                Ok(quote!(#literal))
            }
            (ShapeKind::Simple(Simple::Float), Value::Number(number)) => {
                let float = number
                    .as_f64()
                    .filter(|f| f.is_finite())
                    .ok_or_else(mismatch)?;
                let literal = Literal::f32_suffixed(float as f32);
                Ok(quote!(#literal))
            }
            (ShapeKind::Simple(Simple::Double), Value::Number(number)) => {
                let float = number
                    .as_f64()
                    .filter(|f| f.is_finite())
                    .ok_or_else(mismatch)?;
                let literal = Literal::f64_suffixed(float);
                Ok(quote!(#literal))
            }
            (ShapeKind::Simple(Simple::BigInteger), Value::Number(number))
                if number.is_i64() || number.is_u64() =>
            {
                let text = number.to_string();
                Ok(quote!(#private::big_integer(#text)))
            }
            (ShapeKind::Simple(Simple::BigDecimal), Value::Number(number)) => {
                let text = number.to_string();
                Ok(quote!(#private::big_decimal(#text)))
            }
            (ShapeKind::Simple(Simple::Timestamp), Value::Number(number)) => {
                let secs = number.as_i64().ok_or_else(|| {
                    format!("the default `{value}` is not a whole number of seconds, which the generator keeps exact only for whole seconds")
                })?;
                Ok(quote!(#private::timestamp_or_epoch(#secs)))
            }
            (ShapeKind::Simple(Simple::Blob), Value::String(text)) if text.is_empty() => {
                Ok(quote!(#runtime::Blob::default()))
            }
            (ShapeKind::Simple(Simple::Document), document) => {
                Ok(document_expr(&private, document))
            }
            (ShapeKind::Enum(members), Value::String(text)) => {
                let name = self.value_type(target, scope);
                let names = self.names.item(target).ok_or_else(mismatch)?;
                match members.iter().position(|member| &member.value == text) {
                    Some(index) => {
                        let variant = crate::ident::ident(&names.members[index]);
                        Ok(quote!(#name::#variant))
                    }
                    None => Ok(
                        quote!(<#name as ::core::convert::From<&::core::primitive::str>>::from(#text)),
                    ),
                }
            }
            (ShapeKind::IntEnum(_), Value::Number(number)) => {
                let name = self.value_type(target, scope);
                let integer = number
                    .as_i64()
                    .and_then(|n| i32::try_from(n).ok())
                    .ok_or_else(mismatch)?;
                Ok(quote!(<#name as ::core::convert::From<::core::primitive::i32>>::from(#integer)))
            }
            (ShapeKind::List(_), Value::Array(items)) if items.is_empty() => {
                Ok(quote!(::std::vec::Vec::new()))
            }
            (ShapeKind::Map { .. }, Value::Object(entries)) if entries.is_empty() => {
                Ok(quote!(::std::collections::HashMap::new()))
            }
            _ => Err(mismatch()),
        }
    }
}

/// A `Document` (JSON value) literal; defaults are scalars or empty collections.
fn document_expr(private: &TokenStream, value: &Value) -> TokenStream {
    let json = quote!(#private::serde_json);
    match value {
        Value::Null => quote!(#json::Value::Null),
        Value::Bool(flag) => quote!(#json::Value::Bool(#flag)),
        Value::Number(number) => match (number.as_i64(), number.as_f64()) {
            (Some(integer), _) => quote!(#json::Value::from(#integer)),
            (None, Some(float)) => {
                let literal = Literal::f64_suffixed(float);
                quote!(#json::Value::from(#literal))
            }
            (None, None) => quote!(#json::Value::Null),
        },
        Value::String(text) => quote!(#json::Value::String(::std::string::String::from(#text))),
        Value::Array(_) => quote!(#json::Value::Array(::std::vec::Vec::new())),
        Value::Object(_) => quote!(#json::Value::Object(#json::Map::new())),
    }
}

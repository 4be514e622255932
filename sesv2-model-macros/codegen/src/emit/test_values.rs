//! Rust expressions for the values of compliance test cases: a case's
//! `params` (a Smithy node value) as the generated type of the shape it is
//! for, built with builders, so that the test compares the real API's values.

use std::fmt::Write as _;

use serde_json::Value;

use super::Emitter;
use super::defaults::number_value;
use super::rust_type::{RustType, Scope};
use crate::model::{ShapeKind, Simple};
use crate::shape_id::ShapeId;

impl<'a> Emitter<'a> {
    /// Writes `value` as an expression of the type of shape `target`; the
    /// problem, when the value does not fit the shape.
    pub(super) fn value_expr(&self, target: &'a ShapeId, value: &Value, out: &mut String) -> Result<(), String> {
        let runtime = &self.runtime;
        let Some(shape) = self.shape(target) else {
            return Err(format!("the shape `{target}` is not in the model"));
        };
        let mismatch = || format!("`{value}` does not fit the shape `{target}`");
        match (&shape.kind, value) {
            (ShapeKind::Structure(_), Value::Object(members)) => self.structure_expr(target, members, out)?,
            (ShapeKind::Union(members), Value::Object(set)) => {
                let Some((name, value)) = set.iter().next() else {
                    return Err(format!("a value of the union `{target}` sets no member"));
                };
                let names = self.names.item(target).ok_or_else(mismatch)?;
                let (index, member) = members
                    .iter()
                    .enumerate()
                    .find(|(_, member)| &member.name == name)
                    .ok_or_else(|| format!("the union `{target}` has no member `{name}`"))?;
                let path = self.path(&self.value_type(target), Scope::Nested).to_string();
                let variant = &names.members[index].rust;
                match self.payload_type(target, member) {
                    None => emit!(out, "{path}::{variant}"),
                    Some(ty) => {
                        emit!(out, "{path}::{variant}(");
                        let boxed = matches!(ty, RustType::Box(_));
                        if boxed {
                            out.push_str("::std::boxed::Box::new(");
                        }
                        self.value_expr(&member.target, value, out)?;
                        out.push_str(if boxed { "))" } else { ")" });
                    }
                }
            }
            (ShapeKind::Enum(_), Value::String(text)) => {
                emit!(
                    out,
                    "{}::from({text:?})",
                    self.path(&self.value_type(target), Scope::Nested)
                )
            }
            (ShapeKind::IntEnum(_), Value::Number(number)) => {
                let value = number
                    .as_i64()
                    .and_then(|value| i32::try_from(value).ok())
                    .ok_or_else(mismatch)?;
                emit!(
                    out,
                    "{}::from({value}_i32)",
                    self.path(&self.value_type(target), Scope::Nested)
                )
            }
            (ShapeKind::List(member), Value::Array(elements)) => {
                out.push_str("::std::vec![");
                for element in elements {
                    self.element_expr(target, &member.target, element, out)?;
                    out.push(',');
                }
                out.push(']');
            }
            (
                ShapeKind::Map {
                    key: key_member,
                    value: member,
                },
                Value::Object(entries),
            ) => {
                out.push_str("::std::collections::HashMap::from([");
                for (key, value) in entries {
                    out.push('(');
                    self.value_expr(&key_member.target, &Value::String(key.clone()), out)?;
                    out.push_str(", ");
                    self.element_expr(target, &member.target, value, out)?;
                    out.push_str("),");
                }
                out.push_str("])");
            }
            (ShapeKind::Simple(simple), value) => {
                simple_expr(runtime, &self.private, *simple, value, out).ok_or_else(mismatch)?
            }
            _ => return Err(mismatch()),
        }
        Ok(())
    }

    /// A list element or map value: `Some(..)` or `None` in sparse collections.
    fn element_expr(
        &self,
        collection: &ShapeId,
        target: &'a ShapeId,
        value: &Value,
        out: &mut String,
    ) -> Result<(), String> {
        let sparse = self.shape(collection).is_some_and(|shape| shape.traits.sparse);
        match (sparse, value) {
            (true, Value::Null) => out.push_str("::core::option::Option::None"),
            (true, value) => {
                out.push_str("::core::option::Option::Some(");
                self.value_expr(target, value, out)?;
                out.push(')');
            }
            (false, value) => self.value_expr(target, value, out)?,
        }
        Ok(())
    }

    /// `Type::builder().member(value)...build()`.
    pub(super) fn structure_expr(
        &self,
        id: &'a ShapeId,
        members: &serde_json::Map<String, Value>,
        out: &mut String,
    ) -> Result<(), String> {
        let fields = self.fields_of(id);
        emit!(out, "{}::builder()", self.path(&self.value_type(id), Scope::Nested));
        for (name, value) in members {
            if value.is_null() {
                continue;
            }
            let field = fields
                .iter()
                .find(|field| field.name() == name)
                .ok_or_else(|| format!("the structure `{id}` has no member `{name}`"))?;
            emit!(out, ".{}(", field.ident.rust);
            self.value_expr(&field.member.target, value, out)?;
            out.push(')');
        }
        out.push_str(".build()");
        if fields.iter().any(|field| field.is_required()) {
            let _ = write!(
                out,
                ".expect(\"the case sets every required member of `{}`\")",
                id.name()
            );
        }
        Ok(())
    }
}

/// A simple shape's value; `None` when the node does not fit it.
fn simple_expr(runtime: &str, private: &str, simple: Simple, value: &Value, out: &mut String) -> Option<()> {
    let text = match (simple, value) {
        (Simple::String, Value::String(text)) => format!("::std::string::String::from({text:?})"),
        (Simple::Boolean, Value::Bool(flag)) => flag.to_string(),
        (
            Simple::Byte | Simple::Short | Simple::Integer | Simple::Long | Simple::Float | Simple::Double,
            Value::Number(number),
        ) => number_value(simple, number)?.expr(runtime, Scope::Nested).to_string(),
        (Simple::Float | Simple::Double, Value::String(special)) => {
            let ty = if simple == Simple::Float { "f32" } else { "f64" };
            match special.as_str() {
                "NaN" => format!("{ty}::NAN"),
                "Infinity" => format!("{ty}::INFINITY"),
                "-Infinity" => format!("{ty}::NEG_INFINITY"),
                _ => return None,
            }
        }
        (Simple::BigInteger, Value::Number(number)) => format!("{private}::big_integer({:?})", number.to_string()),
        (Simple::BigDecimal, Value::Number(number)) => format!("{private}::big_decimal({:?})", number.to_string()),
        (Simple::Timestamp, Value::Number(number)) => {
            format!("{private}::compliance::timestamp({:?})", number.to_string())
        }
        (Simple::Blob, Value::String(text)) => format!("{runtime}::Blob::new({text:?})"),
        (Simple::Document, value) => format!(
            "{private}::serde_json::from_str::<{runtime}::Document>({:?}).expect(\"the case's document is JSON\")",
            value.to_string()
        ),
        _ => return None,
    };
    out.push_str(&text);
    Some(())
}

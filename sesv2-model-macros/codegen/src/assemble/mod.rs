//! Stage 2: one raw model from every file, the way Smithy assembles one.
//!
//! - Shapes merge across files; a shape defined identically twice is one
//!   shape, defined differently it is an error naming both places.
//! - IDL ids resolve against every file's shapes and the built-in prelude.
//! - Elided member targets (`$id`) come from the `for` resource, else from
//!   the mixins.
//! - `apply` statements, from either format and any file, fold into the
//!   shapes they change; applying a trait to a member a shape inherits
//!   from a mixin gives the shape its own copy of that member.
//! - Metadata merges: lists concatenate, equal values are one, other
//!   conflicts are errors.
//!
//! The result is canonical, so that one model written in IDL and in JSON
//! assembles to the same thing: sets are lists with `@uniqueItems`, every
//! enum member has its `@enumValue`, and a member that restates an
//! inherited one without adding traits is dropped.

mod idl;
mod merge;

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use crate::ast::{RawModel, RawShape, RawTraits, TraitValue};
use crate::error::{Diagnostics, Error};
use crate::load::Document;
use crate::node::Position;
use crate::shape_id::IdMap;

/// Every shape id the files define, with its JSON AST type.
type Defined = IdMap<String, String>;

/// Where something was written: the file, and for IDL the line and column.
#[derive(Clone, Debug)]
struct Origin {
    path: Arc<str>,
    position: Option<Position>,
}

impl Origin {
    fn error(&self, message: impl fmt::Display) -> Error {
        Error::in_file(&self.path, self.position, message)
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.position, self.path.is_empty()) {
            (Some(position), true) => write!(f, "{position}"),
            (Some(position), false) => write!(f, "{}:{position}", self.path),
            (None, true) => f.write_str("the model"),
            (None, false) => f.write_str(&self.path),
        }
    }
}

/// A shape as one file defines it.
struct Definition<'a> {
    id: String,
    shape: RawShape<'a>,
    origin: Origin,
}

/// Traits to fold into a shape or member once every shape is known.
struct PendingApply<'a> {
    /// A shape or member id.
    target: String,
    traits: RawTraits<'a>,
    origin: Origin,
}

/// A member whose target was elided (`$name`).
struct Elided {
    shape: String,
    member: String,
    /// The `for` resource and where it was named.
    for_resource: Option<(String, Position)>,
    origin: Origin,
}

/// Assembles the documents into one model; problems go to `diagnostics`.
pub(crate) fn assemble<'a>(documents: Vec<Document<'a>>, diagnostics: &mut Diagnostics) -> RawModel<'a> {
    let defined = defined_shapes(&documents);
    let mut model = merge::Model::default();
    let mut elided = Vec::new();
    for document in documents {
        match document {
            Document::Json { path, model: json } => {
                let origin = Origin { path, position: None };
                merge::json_document(&mut model, json, &origin, diagnostics);
            }
            Document::Idl(file) => {
                let contribution = idl::convert(file, &defined, diagnostics);
                for (key, value, origin) in contribution.metadata {
                    model.metadata(key, value, origin, diagnostics);
                }
                for definition in contribution.definitions {
                    model.define(definition, diagnostics);
                }
                model.applies.extend(contribution.applies);
                elided.extend(contribution.elided);
            }
        }
    }
    for member in &elided {
        model.fill_elided(member, diagnostics);
    }
    model.apply_all(diagnostics);
    model.finish()
}

/// Every shape the documents define, found before any is converted: a
/// relative id resolves to a shape of its namespace defined anywhere, even
/// in a later file. Only IDL needs it; JSON ids are absolute.
fn defined_shapes(documents: &[Document<'_>]) -> Defined {
    let mut defined = Defined::default();
    if !documents.iter().any(|document| matches!(document, Document::Idl(_))) {
        return defined;
    }
    for document in documents {
        match document {
            Document::Json { model, .. } => {
                for (id, shape) in &model.shapes.0 {
                    if shape.kind != "apply" {
                        defined.insert(id.clone(), shape.kind.clone());
                    }
                }
            }
            Document::Idl(file) => {
                let namespace = file.namespace.as_deref().unwrap_or_default();
                for shape in &file.shapes {
                    defined.insert(format!("{namespace}#{}", shape.name), shape.kind.to_owned());
                }
            }
        }
    }
    defined
}

/// Smithy's trait conflict rule: equal values are one, two lists
/// concatenate, anything else is an error.
fn merge_trait<'a>(
    traits: &mut RawTraits<'a>,
    owner: &str,
    name: String,
    value: TraitValue<'a>,
    origin: &Origin,
    diagnostics: &mut Diagnostics,
) {
    let Some(existing) = traits.get_mut(&name) else {
        traits.0.push((name, value));
        return;
    };
    let text = |value: &TraitValue<'_>| value.json().map(|json| json.get().to_owned()).unwrap_or_default();
    match (existing.to_value(), value.to_value()) {
        (Some(old), Some(new)) if old == new => {}
        (None, None) if text(existing) == text(&value) => {}
        (Some(serde_json::Value::Array(mut old)), Some(serde_json::Value::Array(new))) => {
            old.extend(new);
            match serde_json::value::to_raw_value(&old) {
                Ok(merged) => *existing = TraitValue::Json(Cow::Owned(merged)),
                Err(error) => diagnostics.push(origin.error(format!("`{owner}`: cannot merge `{name}`: {error}"))),
            }
        }
        _ => diagnostics.push(origin.error(format!(
            "`{owner}` gets two different values for the trait `{name}` (`{}` and `{}`); \
             Smithy only merges equal values and lists, so remove one",
            text(existing),
            text(&value)
        ))),
    }
}

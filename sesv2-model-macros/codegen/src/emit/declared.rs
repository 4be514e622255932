//! What the generated code declares for each selected type, without writing
//! it: the facts `crate::diff` compares between two models. They come from
//! the plans the emitters themselves use, so that a diff cannot disagree
//! with the code the models generate.

use super::Emitter;
use super::binding::Roles;
use super::member::Presence;
use super::rust_type::RustType;
use crate::config::Config;
use crate::derives::Derives;
use crate::model::{Model, ShapeKind};
use crate::names::Names;
use crate::recursion::Boxed;
use crate::select::Selection;
use crate::shape_id::{IdMap, ShapeId};
use crate::traits::TimestampFormat;

/// How a structure member is filled when it is not set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DeclaredPresence {
    /// A plain field that `build()` and decoding insist on.
    Required,
    /// A plain field that takes the model's default.
    Defaulted,
    /// An `Option` field (every union member is one of these).
    Optional,
}

/// One member of a generated structure or union.
pub(crate) struct DeclaredMember {
    /// A structure field's declared type (with its `Option` and `Box`), or
    /// a union variant's payload type; `None` for a unit variant.
    pub rust_type: Option<RustType>,
    pub presence: DeclaredPresence,
    /// The JSON member name the generated serde reads and writes.
    pub wire_name: String,
    /// The explicit `@timestampFormat` the generated serde applies.
    pub timestamp_format: Option<TimestampFormat>,
}

/// One generated operation's `Operation` impl and error enum.
pub(crate) struct DeclaredOperation {
    /// `Operation::Input`.
    pub input: RustType,
    /// `Operation::Output`.
    pub output: RustType,
    /// The errors its error enum has a variant for, with the variant, in
    /// variant order.
    pub errors: Vec<(ShapeId, String)>,
}

/// The declarations of every selected structure, union and operation.
pub(crate) struct Declared {
    /// Per structure and union, its members in model order.
    pub members: IdMap<ShapeId, Vec<DeclaredMember>>,
    pub operations: IdMap<ShapeId, DeclaredOperation>,
}

pub(crate) fn declared(
    model: &Model,
    selection: &Selection,
    names: &Names,
    boxed: &Boxed,
    config: &Config,
) -> Declared {
    // Extra derives add impls, never change a declaration compared here.
    let derives = Derives::default();
    // Declarations do not depend on what operations make of shapes.
    let roles = Roles::default();
    let emitter = Emitter::new(model, names, boxed, &derives, config, &roles);
    let mut declared = Declared {
        members: IdMap::default(),
        operations: IdMap::default(),
    };
    for shape in selection.shapes.iter().filter_map(|id| model.get(id)) {
        match &shape.kind {
            ShapeKind::Structure(_) if names.item(&shape.id).is_some() => {
                let members = emitter
                    .fields_of(&shape.id)
                    .iter()
                    .map(|field| DeclaredMember {
                        rust_type: Some(field.stored_type()),
                        presence: match field.presence {
                            Presence::Required => DeclaredPresence::Required,
                            Presence::Default(_) => DeclaredPresence::Defaulted,
                            Presence::Optional => DeclaredPresence::Optional,
                        },
                        wire_name: field.wire.to_owned(),
                        timestamp_format: field.format,
                    })
                    .collect();
                declared.members.insert(shape.id.clone(), members);
            }
            ShapeKind::Union(members) if names.item(&shape.id).is_some() => {
                let members = members
                    .iter()
                    .map(|member| DeclaredMember {
                        rust_type: emitter.payload_type(&shape.id, member),
                        presence: DeclaredPresence::Optional,
                        wire_name: emitter.wire_name(member).to_owned(),
                        timestamp_format: emitter.timestamp_format(member),
                    })
                    .collect();
                declared.members.insert(shape.id.clone(), members);
            }
            ShapeKind::Operation(operation) => {
                let Some(operation_names) = names.operation(&shape.id) else {
                    continue;
                };
                let operation_declared = DeclaredOperation {
                    input: emitter.io_type(operation.input.as_ref()),
                    output: emitter.io_type(operation.output.as_ref()),
                    errors: operation_names.errors.clone(),
                };
                declared.operations.insert(shape.id.clone(), operation_declared);
            }
            _ => {}
        }
    }
    declared
}

//! Stage 6: the closure of shapes to generate.

use crate::config::Config;
use crate::error::{Diagnostics, Error, Subject, did_you_mean};
use crate::model::{Model, ShapeKind};
use crate::shape_id::{IdSet, ShapeId};

/// What one run generates.
pub(crate) struct Selection {
    /// Every shape the generated code needs, simple ones included, in id order.
    pub shapes: Vec<ShapeId>,
    /// The selected operations, in id order: they get metadata and an error
    /// enum each.
    pub operations: Vec<ShapeId>,
}

/// Resolves the requested roots and collects every shape they reach; a root
/// that cannot be found is reported to `diagnostics`.
///
/// With no roots requested, the roots are the model's services, or every
/// shape of a model that has no service.
pub(crate) fn select(model: &Model, config: &Config, diagnostics: &mut Diagnostics) -> Selection {
    let mut roots = Vec::new();

    if config.operations.is_empty() && config.shapes.is_empty() {
        let services: Vec<ShapeId> = model.services().map(|(id, _)| id.clone()).collect();
        if services.is_empty() {
            roots.extend(
                model
                    .shapes()
                    .filter(|shape| shape.id.namespace() != "smithy.api" && !shape.traits.mixin)
                    .map(|shape| shape.id.clone()),
            );
        } else {
            roots.extend(services);
        }
    }
    for (index, name) in config.operations.iter().enumerate() {
        match find_operation(model, name) {
            Ok(id) => roots.push(id),
            Err(message) => diagnostics.push(Error::new(Subject::Operation(index), message)),
        }
    }
    for (index, text) in config.shapes.iter().enumerate() {
        match find_shape(model, text) {
            Ok(id) => roots.push(id),
            Err(message) => diagnostics.push(Error::new(Subject::Shape(index), message)),
        }
    }

    let shapes = closure(model, roots);
    let operations = shapes
        .iter()
        .filter(|id| matches!(model.get(id).map(|shape| &shape.kind), Some(ShapeKind::Operation(_))))
        .cloned()
        .collect();
    Selection { shapes, operations }
}

/// Finds an operation by absolute id or, when that is unambiguous, by name.
fn find_operation(model: &Model, wanted: &str) -> Result<ShapeId, String> {
    if wanted.contains('#') {
        let id = ShapeId::parse(wanted)?;
        return match model.get(&id).map(|shape| &shape.kind) {
            Some(ShapeKind::Operation(_)) => Ok(id),
            Some(other) => Err(format!(
                "`{id}` is a {}, not an operation; list it in `shapes` instead",
                other.type_name()
            )),
            None => {
                let operations = operation_ids(model);
                let hint = did_you_mean(wanted, operations.iter().map(ShapeId::as_str));
                Err(format!("the model has no operation `{id}`.{hint}"))
            }
        };
    }

    let services: Vec<_> = model.services().collect();
    let candidates: Vec<ShapeId> = match services.as_slice() {
        [(_, service)] => model.service_operations(service).into_iter().cloned().collect(),
        [] => operation_ids(model),
        _ => {
            let names: Vec<_> = services.iter().map(|(id, _)| format!("`{id}`")).collect();
            return Err(format!(
                "the model has several services ({}), so the operation `{wanted}` must be given by its \
                 absolute shape id, such as `namespace#{wanted}`",
                names.join(", ")
            ));
        }
    };
    let matching: Vec<&ShapeId> = candidates.iter().filter(|id| id.name() == wanted).collect();
    match matching.as_slice() {
        [id] => Ok((*id).clone()),
        [] => {
            if let Some(shape) = model.shapes().find(|shape| shape.id.name() == wanted) {
                return Err(format!(
                    "`{wanted}` is the {} `{}`, not an operation; list it in `shapes` as \"{}\" instead",
                    shape.kind.type_name(),
                    shape.id,
                    shape.id
                ));
            }
            let hint = did_you_mean(wanted, candidates.iter().map(ShapeId::name));
            Err(format!("the model has no operation named `{wanted}`.{hint}"))
        }
        several => {
            let ids: Vec<_> = several.iter().map(|id| format!("`{id}`")).collect();
            Err(format!(
                "several operations are named `{wanted}` ({}); give the absolute shape id",
                ids.join(", ")
            ))
        }
    }
}

fn find_shape(model: &Model, wanted: &str) -> Result<ShapeId, String> {
    let id = ShapeId::parse(wanted)?;
    if model.get(&id).is_some() {
        return Ok(id);
    }
    let hint = did_you_mean(wanted, model.shapes().map(|shape| shape.id.as_str()));
    Err(format!("the model has no shape `{id}`.{hint}"))
}

fn operation_ids(model: &Model) -> Vec<ShapeId> {
    model
        .shapes()
        .filter(|shape| matches!(shape.kind, ShapeKind::Operation(_)))
        .map(|shape| shape.id.clone())
        .collect()
}

/// Every shape reachable from `roots`, following members, operation inputs,
/// outputs and errors, and service and resource bindings.
fn closure(model: &Model, roots: Vec<ShapeId>) -> Vec<ShapeId> {
    // Errors declared on a service apply to each of its operations.
    let service_errors: Vec<&ShapeId> = model
        .services()
        .flat_map(|(_, service)| service.errors.iter())
        .collect();
    let mut selected: IdSet<&ShapeId> = IdSet::default();
    let mut pending: Vec<&ShapeId> = roots.iter().collect();
    while let Some(id) = pending.pop() {
        let Some(shape) = model.get(id) else {
            continue;
        };
        // The model's own id, which outlives `roots`.
        if !selected.insert(&shape.id) {
            continue;
        }
        match &shape.kind {
            ShapeKind::Simple(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {}
            ShapeKind::List(member) => pending.push(&member.target),
            ShapeKind::Map { key, value } => {
                pending.push(&key.target);
                pending.push(&value.target);
            }
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                pending.extend(members.iter().map(|member| &member.target));
            }
            ShapeKind::Operation(operation) => {
                pending.extend(operation.input.iter());
                pending.extend(operation.output.iter());
                pending.extend(operation.errors.iter());
                pending.extend(service_errors.iter().copied());
            }
            ShapeKind::Service(service) => {
                pending.extend(service.operations.iter());
                pending.extend(service.resources.iter());
                pending.extend(service.errors.iter());
            }
            ShapeKind::Resource(resource) => {
                pending.extend(resource.operations.iter());
                pending.extend(resource.resources.iter());
            }
        }
    }
    let mut shapes: Vec<ShapeId> = selected.into_iter().cloned().collect();
    shapes.sort_unstable();
    shapes
}

//! Stage 5: recursion that no Rust type or no value can have, and resources
//! that contain themselves, anywhere in the model.
//!
//! Smithy allows recursive shapes only through a structure or union, and
//! never through required structure members alone: a list that contains
//! itself would be an infinitely nested `Vec`, and a structure that requires
//! itself could never be built (nor filled in by client error correction).

use crate::error::Diagnostics;
use crate::graph::{path, walk};
use crate::model::{Model, ShapeKind};
use crate::shape_id::ShapeId;

/// Reports every cycle of lists and maps, of child resources and of required
/// structure members: Smithy forbids them, so the whole model is checked.
pub(crate) fn check(model: &Model, diagnostics: &mut Diagnostics) {
    let everything: Vec<&ShapeId> = model.shapes().map(|shape| &shape.id).collect();
    for cycle in walk(model, &everything, collection_edges).cycles {
        diagnostics.model(format!(
            "`{}` contains itself through lists and maps alone ({}); recursion must pass through a structure \
             or union, so make one of these shapes target a structure that holds the next",
            cycle[0],
            path(&cycle)
        ));
    }
    for cycle in walk(model, &everything, resource_edges).cycles {
        diagnostics.model(format!(
            "`{}` is bound as a child of itself ({}); resources form a tree, so remove one of these bindings",
            cycle[0],
            path(&cycle)
        ));
    }
    for cycle in walk(model, &everything, required_structure_edges).cycles {
        diagnostics.model(format!(
            "`{}` requires itself through required members alone ({}), so no value of it can exist; \
             make one of these members optional",
            cycle[0],
            path(&cycle)
        ));
    }
}

/// The list or map shapes a list or map holds directly.
fn collection_edges<'m>(model: &'m Model, id: &ShapeId) -> Vec<&'m ShapeId> {
    let is_collection = |target: &ShapeId| {
        model
            .get(target)
            .is_some_and(|shape| matches!(shape.kind, ShapeKind::List(_) | ShapeKind::Map { .. }))
    };
    match model.get(id).map(|shape| &shape.kind) {
        Some(ShapeKind::List(member)) | Some(ShapeKind::Map { value: member, .. }) if is_collection(&member.target) => {
            vec![&member.target]
        }
        _ => Vec::new(),
    }
}

/// The child resources of a resource.
fn resource_edges<'m>(model: &'m Model, id: &ShapeId) -> Vec<&'m ShapeId> {
    match model.get(id).map(|shape| &shape.kind) {
        Some(ShapeKind::Resource(resource)) => resource.resources.iter().collect(),
        _ => Vec::new(),
    }
}

/// The structures a structure cannot exist without: targets of its members
/// that are `@required` and not `@clientOptional`.
fn required_structure_edges<'m>(model: &'m Model, id: &ShapeId) -> Vec<&'m ShapeId> {
    let Some(ShapeKind::Structure(members)) = model.get(id).map(|shape| &shape.kind) else {
        return Vec::new();
    };
    members
        .iter()
        .filter(|member| member.traits.required && !member.traits.client_optional)
        .filter(|member| {
            matches!(
                model.get(&member.target).map(|shape| &shape.kind),
                Some(ShapeKind::Structure(_))
            )
        })
        .map(|member| &member.target)
        .collect()
}

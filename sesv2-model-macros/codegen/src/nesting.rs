//! Stage 7: nesting too deep to compile, in what is selected.

use crate::error::Diagnostics;
use crate::graph::walk;
use crate::model::{Model, ShapeKind};
use crate::shape_id::ShapeId;

/// The longest chain of structures, unions, lists and maps held inside each
/// other that the generator accepts. rustc checks auto traits (`Send`),
/// drops and layouts by walking such chains, and gives up at its recursion
/// limit of 128 levels, which each shape uses up to four of (`Option`,
/// `Vec`, `HashMap` and `Box` are levels too). The official AWS models nest
/// at most 11 deep.
pub(crate) const MAX_NESTING: usize = 32;

/// Reports every chain of the selected shapes nested more than
/// [`MAX_NESTING`] deep: a limit of the generated code, not of Smithy, so
/// only what is generated is checked.
pub(crate) fn check(model: &Model, selected: &[ShapeId], diagnostics: &mut Diagnostics) {
    let roots: Vec<&ShapeId> = selected.iter().collect();
    // One message per chain: at the shape where it first gets too deep.
    for (id, depth) in walk(model, &roots, containment_edges).depths {
        if depth == MAX_NESTING + 1 {
            diagnostics.model(format!(
                "`{id}` holds structures, unions, lists and maps nested {depth} deep, and Rust's compiler gives up \
                 on types nested that deeply (its recursion limit), so the generator supports at most {MAX_NESTING}; \
                 generate the inner shapes on their own or make a member on the way a document"
            ));
        }
    }
}

/// The structures, unions, lists and maps a shape of those kinds holds.
fn containment_edges<'m>(model: &'m Model, id: &ShapeId) -> Vec<&'m ShapeId> {
    let is_aggregate = |target: &&ShapeId| {
        model.get(target).is_some_and(|shape| {
            matches!(
                shape.kind,
                ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::List(_) | ShapeKind::Map { .. }
            )
        })
    };
    let targets: Vec<&ShapeId> = match model.get(id).map(|shape| &shape.kind) {
        Some(ShapeKind::Structure(members) | ShapeKind::Union(members)) => {
            members.iter().map(|member| &member.target).collect()
        }
        Some(ShapeKind::List(member)) | Some(ShapeKind::Map { value: member, .. }) => vec![&member.target],
        _ => Vec::new(),
    };
    targets.into_iter().filter(is_aggregate).collect()
}

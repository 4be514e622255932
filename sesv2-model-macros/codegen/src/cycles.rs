//! Part of stage 2: recursion that no Rust type or no value can have,
//! resources that contain themselves, and nesting too deep to compile.
//!
//! Smithy allows recursive shapes only through a structure or union, and
//! never through required structure members alone: a list that contains
//! itself would be an infinitely nested `Vec`, and a structure that requires
//! itself could never be built (nor filled in by client error correction).

use crate::error::Diagnostics;
use crate::model::{Model, ShapeKind};
use crate::shape_id::{IdMap, ShapeId};

/// The longest chain of structures, unions, lists and maps held inside each
/// other that the generator accepts. rustc checks auto traits (`Send`),
/// drops and layouts by walking such chains, and gives up at its recursion
/// limit of 128 levels, which each shape uses up to four of (`Option`,
/// `Vec`, `HashMap` and `Box` are levels too). The official AWS models nest
/// at most 11 deep.
pub(crate) const MAX_NESTING: usize = 32;

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

/// Reports every chain of the selected shapes nested more than
/// [`MAX_NESTING`] deep: a limit of the generated code, not of Smithy, so
/// only what is generated is checked.
pub(crate) fn check_nesting(model: &Model, selected: &[ShapeId], diagnostics: &mut Diagnostics) {
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

fn path(cycle: &[&ShapeId]) -> String {
    let mut text = String::new();
    for id in cycle.iter().chain(cycle.first()) {
        if !text.is_empty() {
            text.push_str(" -> ");
        }
        text.push_str(&format!("`{id}`"));
    }
    text
}

struct Walk<'m> {
    /// Each cycle once, from the shape where the walk entered it.
    cycles: Vec<Vec<&'m ShapeId>>,
    /// Every shape, in the order finished, with the length of the longest
    /// chain it starts (itself included; edges that close a cycle not counted).
    depths: Vec<(&'m ShapeId, usize)>,
}

#[derive(Clone, Copy)]
enum State {
    /// On the path being walked.
    Open,
    /// Finished, with the length of the longest chain it starts.
    Done(usize),
}

/// Walks the graph `edges` gives from each of `roots` in turn, depth first
/// with an explicit stack (a chain of thousands of shapes cannot overflow
/// it), and reports the cycles and how deep each shape goes.
fn walk<'m>(model: &'m Model, roots: &[&'m ShapeId], edges: fn(&'m Model, &ShapeId) -> Vec<&'m ShapeId>) -> Walk<'m> {
    let mut result = Walk {
        cycles: Vec::new(),
        depths: Vec::new(),
    };
    let mut states: IdMap<&ShapeId, State> = IdMap::default();
    for &root in roots {
        if states.contains_key(root) {
            continue;
        }
        // Each frame: the shape, what it leads to, how many of those were
        // followed, and the deepest chain below it so far.
        let mut stack: Vec<(&ShapeId, Vec<&ShapeId>, usize, usize)> = vec![(root, edges(model, root), 0, 0)];
        states.insert(root, State::Open);
        while let Some((id, next, followed, deepest)) = stack.last_mut() {
            let Some(&target) = next.get(*followed) else {
                let (id, depth) = (*id, *deepest + 1);
                states.insert(id, State::Done(depth));
                stack.pop();
                result.depths.push((id, depth));
                if let Some(parent) = stack.last_mut() {
                    parent.3 = parent.3.max(depth);
                }
                continue;
            };
            *followed += 1;
            match states.get(target) {
                Some(State::Open) => {
                    let start = stack.iter().position(|frame| frame.0 == target).unwrap_or_default();
                    result.cycles.push(stack[start..].iter().map(|frame| frame.0).collect());
                }
                Some(&State::Done(depth)) => *deepest = (*deepest).max(depth),
                None => {
                    states.insert(target, State::Open);
                    let targets = edges(model, target);
                    stack.push((target, targets, 0, 0));
                }
            }
        }
    }
    result
}

//! Depth-first walks of the shape graph, shared by the checks for cycles
//! and for nesting.

use crate::model::Model;
use crate::shape_id::{IdMap, ShapeId};

/// `` `a` -> `b` -> `a` ``: a cycle, back to where it starts.
pub(crate) fn path(cycle: &[&ShapeId]) -> String {
    let mut text = String::new();
    for id in cycle.iter().chain(cycle.first()) {
        if !text.is_empty() {
            text.push_str(" -> ");
        }
        text.push_str(&format!("`{id}`"));
    }
    text
}

pub(crate) struct Walk<'m> {
    /// Each cycle once, from the shape where the walk entered it.
    pub cycles: Vec<Vec<&'m ShapeId>>,
    /// Every shape, in the order finished, with the length of the longest
    /// chain it starts (itself included; edges that close a cycle not counted).
    pub depths: Vec<(&'m ShapeId, usize)>,
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
pub(crate) fn walk<'m>(
    model: &'m Model,
    roots: &[&'m ShapeId],
    edges: fn(&'m Model, &ShapeId) -> Vec<&'m ShapeId>,
) -> Walk<'m> {
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

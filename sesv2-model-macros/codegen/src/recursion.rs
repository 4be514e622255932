//! Stage 9: which members hold their value in a `Box`: exactly those that close a
//! cycle of structures and unions. Lists and maps already put their elements
//! on the heap, so a cycle through one needs no box.

use crate::model::{Member, Model, ShapeKind};
use crate::select::Selection;
use crate::shape_id::{IdMap, ShapeId};

/// The members to box: member names by structure or union.
pub(crate) struct Boxed(IdMap<ShapeId, Vec<String>>);

impl Boxed {
    pub fn contains(&self, shape: &ShapeId, member: &str) -> bool {
        self.0
            .get(shape)
            .is_some_and(|members| members.iter().any(|name| name == member))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Color {
    /// On the current path.
    Open,
    /// Finished: every cycle through it is broken.
    Done,
}

/// Walks the by-value containment graph depth first, in id and member order,
/// and boxes every member that leads back onto the current path. Removing
/// those back edges leaves no cycle, so every type has a finite size.
pub(crate) fn find(model: &Model, selection: &Selection) -> Boxed {
    let mut boxed: IdMap<ShapeId, Vec<String>> = IdMap::default();
    let mut colors: IdMap<&ShapeId, Color> = IdMap::default();
    for root in &selection.shapes {
        if colors.contains_key(root) || by_value_members(model, root).is_none() {
            continue;
        }
        // Explicit stack of (shape, index of the next member to look at), so
        // that a chain of thousands of nested structures cannot overflow.
        let mut stack: Vec<(&ShapeId, usize)> = vec![(root, 0)];
        colors.insert(root, Color::Open);
        while let Some((shape, next)) = stack.last_mut() {
            let members = by_value_members(model, shape).unwrap_or_default();
            let Some(member) = members.get(*next) else {
                colors.insert(shape, Color::Done);
                stack.pop();
                continue;
            };
            *next += 1;
            let shape: &ShapeId = shape;
            let target = &member.target;
            if by_value_members(model, target).is_none() {
                continue;
            }
            match colors.get(target) {
                Some(Color::Open) => {
                    boxed.entry(shape.clone()).or_default().push(member.name.clone());
                }
                Some(Color::Done) => {}
                None => {
                    colors.insert(target, Color::Open);
                    stack.push((target, 0));
                }
            }
        }
    }
    Boxed(boxed)
}

/// The members of a structure or union (whose values it holds inline);
/// `None` for every other shape.
fn by_value_members<'m>(model: &'m Model, id: &ShapeId) -> Option<&'m [Member]> {
    match &model.get(id)?.kind {
        ShapeKind::Structure(members) | ShapeKind::Union(members) => Some(members),
        _ => None,
    }
}

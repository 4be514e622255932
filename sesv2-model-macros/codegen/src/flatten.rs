//! Stage 2: `apply` statements and mixins, resolved on the raw AST so that
//! afterwards every shape carries all of its members and traits.

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::value::RawValue;

use crate::ast::{Entries, RawMember, RawShape, RawTraits, TraitValue};
use crate::error::Diagnostics;
use crate::traits::mixin_local_traits;

const MIXIN_TRAIT: &str = "smithy.api#mixin";

/// Applies `apply` statements and mixins in place; `apply` entries leave the
/// shape list. Mixin shapes stay (for validation) but are never generated.
pub(crate) fn flatten<'a>(shapes: &mut Vec<(String, RawShape<'a>)>, diagnostics: &mut Diagnostics) {
    let (applies, mut kept): (Vec<_>, Vec<_>) = std::mem::take(shapes)
        .into_iter()
        .partition(|(_, shape)| shape.kind == "apply");
    let index: HashMap<String, usize> = kept.iter().enumerate().map(|(i, (id, _))| (id.clone(), i)).collect();

    for (target, apply) in applies {
        apply_traits(&mut kept, &index, &target, apply.traits, diagnostics);
    }

    for position in mixin_order(&kept, &index, diagnostics) {
        apply_mixins(&mut kept, &index, position, diagnostics);
    }
    *shapes = kept;
}

fn apply_traits<'a>(
    shapes: &mut [(String, RawShape<'a>)],
    index: &HashMap<String, usize>,
    target: &str,
    traits: RawTraits<'a>,
    diagnostics: &mut Diagnostics,
) {
    let (shape_id, member) = match target.split_once('$') {
        Some((shape, member)) => (shape, Some(member)),
        None => (target, None),
    };
    let Some(&position) = index.get(shape_id) else {
        diagnostics.model(format!(
            "an `apply` statement targets `{target}`, which is not defined in the model; remove it or define the shape"
        ));
        return;
    };
    let shape = &mut shapes[position].1;
    let destination = match member {
        None => Some(&mut shape.traits),
        Some(name) => member_mut(shape, name).map(|member| &mut member.traits),
    };
    let Some(destination) = destination else {
        diagnostics.model(format!(
            "an `apply` statement targets the member `{target}`, which `{shape_id}` does not have"
        ));
        return;
    };
    for (name, value) in traits.0 {
        merge_applied(destination, target, name, value, diagnostics);
    }
}

fn member_mut<'s, 'a>(shape: &'s mut RawShape<'a>, name: &str) -> Option<&'s mut RawMember<'a>> {
    match name {
        "member" if shape.member.is_some() => shape.member.as_mut(),
        "key" if shape.key.is_some() => shape.key.as_mut(),
        "value" if shape.value.is_some() => shape.value.as_mut(),
        _ => shape.members.get_mut(name),
    }
}

/// Smithy's trait conflict rule: equal values merge, list values concatenate,
/// anything else is an error.
fn merge_applied<'a>(
    traits: &mut RawTraits<'a>,
    owner: &str,
    name: String,
    value: TraitValue<'a>,
    diagnostics: &mut Diagnostics,
) {
    let Some(existing) = traits.get_mut(&name) else {
        traits.0.push((name, value));
        return;
    };
    let parse = |raw: &RawValue| serde_json::from_str::<serde_json::Value>(raw.get()).ok();
    match (parse(&existing.0), parse(&value.0)) {
        (Some(old), Some(new)) if old == new => {}
        (Some(serde_json::Value::Array(mut old)), Some(serde_json::Value::Array(new))) => {
            old.extend(new);
            match serde_json::value::to_raw_value(&old) {
                Ok(merged) => existing.0 = Cow::Owned(merged),
                Err(error) => diagnostics.model(format!("`{owner}`: cannot merge `{name}`: {error}")),
            }
        }
        _ => diagnostics.model(format!(
            "`{owner}` gets two different values for the trait `{name}` (`{}` and `{}`); \
             Smithy only merges equal values and lists, so remove one",
            existing.0.get(),
            value.0.get()
        )),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    Pending,
    InProgress,
    Done,
}

/// Every shape's position once, each after the mixins it uses, found depth
/// first with an explicit stack so that a chain of thousands of mixins
/// cannot overflow it; a cycle of mixins is reported and broken.
fn mixin_order(
    shapes: &[(String, RawShape<'_>)],
    index: &HashMap<String, usize>,
    diagnostics: &mut Diagnostics,
) -> Vec<usize> {
    let mut state = vec![Visit::Pending; shapes.len()];
    let mut order = Vec::with_capacity(shapes.len());
    for root in 0..shapes.len() {
        if state[root] != Visit::Pending {
            continue;
        }
        state[root] = Visit::InProgress;
        let mut stack = vec![(root, 0)];
        while let Some((position, next)) = stack.last_mut() {
            let position = *position;
            let Some(mixin) = shapes[position].1.mixins.get(*next) else {
                state[position] = Visit::Done;
                order.push(position);
                stack.pop();
                continue;
            };
            *next += 1;
            let Some(&mixin_position) = index.get(&mixin.target) else {
                continue;
            };
            match state[mixin_position] {
                Visit::Done => {}
                Visit::InProgress => diagnostics.model(format!(
                    "`{}` is its own mixin through a cycle of mixins; break the cycle",
                    shapes[mixin_position].0
                )),
                Visit::Pending => {
                    state[mixin_position] = Visit::InProgress;
                    stack.push((mixin_position, 0));
                }
            }
        }
    }
    order
}

/// Copies the members and traits of a shape's mixins into it, mixins first
/// (in the order listed); the mixins' own mixins are already in them.
fn apply_mixins(
    shapes: &mut [(String, RawShape<'_>)],
    index: &HashMap<String, usize>,
    position: usize,
    diagnostics: &mut Diagnostics,
) {
    let mixins = std::mem::take(&mut shapes[position].1.mixins);
    let id = shapes[position].0.clone();

    let mut members = OrderedMembers::default();
    let mut inherited: RawTraits<'_> = Entries::default();
    let mut collection_members = (None, None, None);
    for mixin in &mixins {
        let Some(&mixin_position) = index.get(&mixin.target) else {
            diagnostics.model(format!(
                "`{id}` uses `{}` as a mixin, but it is not defined in the model",
                mixin.target
            ));
            continue;
        };
        let mixin_shape = &shapes[mixin_position].1;
        let Some(mixin_trait) = mixin_shape.traits.get(MIXIN_TRAIT) else {
            diagnostics.model(format!(
                "`{id}` uses `{}` as a mixin, but it has no `{MIXIN_TRAIT}` trait",
                mixin.target
            ));
            continue;
        };
        if mixin_shape.kind != shapes[position].1.kind {
            diagnostics.model(format!(
                "`{id}` is a {} but its mixin `{}` is a {}; a mixin must be of the same shape type",
                shapes[position].1.kind, mixin.target, mixin_shape.kind
            ));
            continue;
        }
        let local = mixin_local_traits(&mixin_trait.0);
        for (name, value) in &mixin_shape.traits.0 {
            if name != MIXIN_TRAIT && !local.contains(name) {
                inherited.remove(name);
                inherited.0.push((name.clone(), value.clone()));
            }
        }
        for (name, member) in &mixin_shape.members.0 {
            if let Some(previous) = members.get_mut(name)
                && previous.target != member.target
            {
                diagnostics.model(format!(
                    "`{id}` gets the member `{name}` from two mixins with different targets; rename one"
                ));
                continue;
            }
            members.push_last(name, member.clone());
        }
        collection_members.0 = collection_members.0.or(mixin_shape.member.clone());
        collection_members.1 = collection_members.1.or(mixin_shape.key.clone());
        collection_members.2 = collection_members.2.or(mixin_shape.value.clone());
    }

    let shape = &mut shapes[position].1;
    if !mixins.is_empty() {
        // Members the shape itself declares refine the mixin's: same target,
        // their own traits added or overriding.
        for (name, own) in std::mem::take(&mut shape.members.0) {
            match members.get_mut(&name) {
                Some(from_mixin) if from_mixin.target != own.target => diagnostics.model(format!(
                    "`{id}${name}` targets `{}`, but its mixin's member targets `{}`; a shape may only \
                     add traits to a mixin member",
                    own.target, from_mixin.target
                )),
                Some(from_mixin) => override_traits(&mut from_mixin.traits, own.traits),
                None => members.push_last(&name, own),
            }
        }
        shape.members = members.into_entries();
        override_traits(&mut inherited, std::mem::take(&mut shape.traits));
        shape.traits = inherited;
        shape.member = shape.member.take().or(collection_members.0);
        shape.key = shape.key.take().or(collection_members.1);
        shape.value = shape.value.take().or(collection_members.2);
    }
}

/// Members in order, found by name in constant time: a shape can have
/// thousands, gathered from a chain of thousands of mixins.
#[derive(Default)]
struct OrderedMembers<'a> {
    /// In order; `None` where a member was moved to the end.
    slots: Vec<Option<(String, RawMember<'a>)>>,
    positions: HashMap<String, usize>,
}

impl<'a> OrderedMembers<'a> {
    fn get_mut(&mut self, name: &str) -> Option<&mut RawMember<'a>> {
        let position = *self.positions.get(name)?;
        self.slots[position].as_mut().map(|(_, member)| member)
    }

    /// Adds the member last, replacing (and moving) one of the same name.
    fn push_last(&mut self, name: &str, member: RawMember<'a>) {
        if let Some(previous) = self.positions.insert(name.to_owned(), self.slots.len()) {
            self.slots[previous] = None;
        }
        self.slots.push(Some((name.to_owned(), member)));
    }

    fn into_entries(self) -> Entries<RawMember<'a>> {
        Entries(self.slots.into_iter().flatten().collect())
    }
}

/// `own` traits win over `base` ones.
fn override_traits<'a>(base: &mut RawTraits<'a>, own: RawTraits<'a>) {
    for (name, value) in own.0 {
        base.remove(&name);
        base.0.push((name, value));
    }
}

//! Part of stage 2: `apply` statements and mixins, resolved on the raw AST so
//! that afterwards every shape carries all of its members and traits.

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

    let mut state = vec![Visit::Pending; kept.len()];
    for position in 0..kept.len() {
        resolve_mixins(&mut kept, &index, position, &mut state, diagnostics);
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

/// Copies the members and traits of a shape's mixins into it, mixins first
/// (in the order listed), after resolving the mixins' own mixins.
fn resolve_mixins(
    shapes: &mut [(String, RawShape<'_>)],
    index: &HashMap<String, usize>,
    position: usize,
    state: &mut [Visit],
    diagnostics: &mut Diagnostics,
) {
    match state[position] {
        Visit::Done => return,
        Visit::InProgress => {
            diagnostics.model(format!(
                "`{}` is its own mixin through a cycle of mixins; break the cycle",
                shapes[position].0
            ));
            state[position] = Visit::Done;
            return;
        }
        Visit::Pending => {}
    }
    state[position] = Visit::InProgress;
    let mixins = std::mem::take(&mut shapes[position].1.mixins);
    let id = shapes[position].0.clone();

    let mut members: Entries<RawMember<'_>> = Entries::default();
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
        resolve_mixins(shapes, index, mixin_position, state, diagnostics);
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
            if let Some(previous) = members.get(name)
                && previous.target != member.target
            {
                diagnostics.model(format!(
                    "`{id}` gets the member `{name}` from two mixins with different targets; rename one"
                ));
                continue;
            }
            members.remove(name);
            members.0.push((name.clone(), member.clone()));
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
                None => members.0.push((name, own)),
            }
        }
        shape.members = members;
        override_traits(&mut inherited, std::mem::take(&mut shape.traits));
        shape.traits = inherited;
        shape.member = shape.member.take().or(collection_members.0);
        shape.key = shape.key.take().or(collection_members.1);
        shape.value = shape.value.take().or(collection_members.2);
    }
    state[position] = Visit::Done;
}

/// `own` traits win over `base` ones.
fn override_traits<'a>(base: &mut RawTraits<'a>, own: RawTraits<'a>) {
    for (name, value) in own.0 {
        base.remove(&name);
        base.0.push((name, value));
    }
}

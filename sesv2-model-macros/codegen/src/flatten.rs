//! Stage 3: mixins folded into the shapes that use them, on the raw AST, so
//! that afterwards every shape carries all of its members and traits.

use crate::shape_id::IdMap;

use crate::ast::{Entries, RawMember, RawShape, RawTarget, RawTraits};
use crate::error::Diagnostics;
use crate::prelude::{MIXIN_TRAIT, UNIT};
use crate::traits::mixin_local_traits;

/// Folds mixins into the shapes in place. Mixin shapes stay (for
/// validation) but are never generated.
pub(crate) fn flatten(shapes: &mut [(String, RawShape<'_>)], diagnostics: &mut Diagnostics) {
    for (id, shape) in shapes.iter() {
        check_mixin(id, shape, diagnostics);
    }
    if shapes.iter().all(|(_, shape)| shape.mixins.is_empty()) {
        return;
    }
    let index: IdMap<String, usize> = shapes.iter().enumerate().map(|(i, (id, _))| (id.clone(), i)).collect();
    for position in mixin_order(shapes, &index, diagnostics) {
        apply_mixins(shapes, &index, position, diagnostics);
    }
}

/// What a mixin may not define: an operation mixin's input and output, a
/// resource mixin's properties (identifiers, lifecycle operations and
/// bindings included).
fn check_mixin(id: &str, shape: &RawShape<'_>, diagnostics: &mut Diagnostics) {
    if shape.traits.get(MIXIN_TRAIT).is_none() {
        return;
    }
    let targets_other_than_unit =
        |target: &Option<crate::ast::RawTarget>| target.as_ref().is_some_and(|target| target.target != UNIT);
    if shape.kind == "operation" && (targets_other_than_unit(&shape.input) || targets_other_than_unit(&shape.output)) {
        diagnostics.model(format!(
            "Operation shapes with the mixin trait MUST target `smithy.api#Unit` for their input and output. \
             Operation mixin shape `{id}` defines one or both of these properties."
        ));
    }
    let defines_anything = !shape.identifiers.0.is_empty()
        || !shape.properties.0.is_empty()
        || shape.lifecycle().iter().any(|(_, operation)| operation.is_some())
        || !shape.operations.is_empty()
        || !shape.collection_operations.is_empty()
        || !shape.resources.is_empty();
    if shape.kind == "resource" && defines_anything {
        diagnostics.model(format!(
            "Resource shapes with the mixin trait may not define any properties. Resource mixin shape `{id}` \
             defines one or more properties."
        ));
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
    index: &IdMap<String, usize>,
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
    index: &IdMap<String, usize>,
    position: usize,
    diagnostics: &mut Diagnostics,
) {
    let mixins = std::mem::take(&mut shapes[position].1.mixins);
    let id = shapes[position].0.clone();

    let mut members = OrderedMembers::default();
    let mut inherited: RawTraits<'_> = Entries::default();
    let mut collection_members = (None, None, None);
    let mut inherited_properties = EntityProperties::default();
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
        let local = mixin_local_traits(mixin_trait);
        for (name, value) in &mixin_shape.traits.0 {
            if name != MIXIN_TRAIT && !local.contains(name) {
                inherited.remove(name);
                inherited.0.push((name.clone(), value.clone()));
            }
        }
        for (name, member) in &mixin_shape.members.0 {
            // The same member from two mixins is one, with both's traits.
            let merged = match members.get_mut(name) {
                Some(previous) if previous.target != member.target => {
                    diagnostics.model(format!(
                        "`{id}` gets the member `{name}` from two mixins with different targets; rename one"
                    ));
                    continue;
                }
                Some(previous) => refined(previous.clone(), member.clone()),
                None => member.clone(),
            };
            members.push_last(name, merged);
        }
        for (slot, member) in [
            (&mut collection_members.0, &mixin_shape.member),
            (&mut collection_members.1, &mixin_shape.key),
            (&mut collection_members.2, &mixin_shape.value),
        ] {
            if let Some(member) = member {
                *slot = Some(match slot.take() {
                    Some(previous) => refined(previous, member.clone()),
                    None => member.clone(),
                });
            }
        }
        inherited_properties.extend_from(mixin_shape);
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
                Some(from_mixin) => *from_mixin = refined(std::mem::take(from_mixin), own),
                None => members.push_last(&name, own),
            }
        }
        shape.members = members.into_entries();
        override_traits(&mut inherited, std::mem::take(&mut shape.traits));
        shape.traits = inherited;
        for (own, inherited) in [
            (&mut shape.member, collection_members.0),
            (&mut shape.key, collection_members.1),
            (&mut shape.value, collection_members.2),
        ] {
            *own = match (inherited, own.take()) {
                (Some(inherited), Some(own)) => Some(refined(inherited, own)),
                (inherited, own) => own.or(inherited),
            };
        }
        inherited_properties.prepend_to(shape);
    }
}

/// A mixin member refined by a later mixin or the shape itself: the same
/// target, the later one's traits added or overriding.
fn refined<'a>(mut base: RawMember<'a>, later: RawMember<'a>) -> RawMember<'a> {
    override_traits(&mut base.traits, later.traits);
    base
}

/// What a service or operation inherits from its mixins besides traits:
/// bindings and errors listed first, a version and renames unless the shape
/// has its own.
#[derive(Default)]
struct EntityProperties {
    version: Option<String>,
    operations: Vec<RawTarget>,
    resources: Vec<RawTarget>,
    errors: Vec<RawTarget>,
    rename: Vec<(String, String)>,
}

impl EntityProperties {
    fn extend_from(&mut self, mixin: &RawShape<'_>) {
        if mixin.version.is_some() {
            self.version.clone_from(&mixin.version);
        }
        self.operations.extend(mixin.operations.iter().cloned());
        self.resources.extend(mixin.resources.iter().cloned());
        self.errors.extend(mixin.errors.iter().cloned());
        self.rename.extend(mixin.rename.0.iter().cloned());
    }

    fn prepend_to(self, shape: &mut RawShape<'_>) {
        shape.version = shape.version.take().or(self.version);
        for (own, inherited) in [
            (&mut shape.operations, self.operations),
            (&mut shape.resources, self.resources),
            (&mut shape.errors, self.errors),
        ] {
            let mut all = inherited;
            for target in std::mem::take(own) {
                if !all.iter().any(|existing| existing.target == target.target) {
                    all.push(target);
                }
            }
            *own = all;
        }
        for (id, name) in self.rename {
            if shape.rename.get(&id).is_none() {
                shape.rename.0.push((id, name));
            }
        }
    }
}

/// Members in order, found by name in constant time: a shape can have
/// thousands, gathered from a chain of thousands of mixins.
#[derive(Default)]
struct OrderedMembers<'a> {
    /// In order; `None` where a member was moved to the end.
    slots: Vec<Option<(String, RawMember<'a>)>>,
    positions: IdMap<String, usize>,
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

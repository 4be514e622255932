//! The model as files are merged into it: shapes by id, metadata by key,
//! and the `apply` statements waiting for every shape to be known.

use super::{Definition, Elided, Origin, PendingApply, merge_trait};
use crate::ast::{Entries, RawMember, RawModel, RawShape, RawTarget, RawTraits, ShapeAst, TraitValue};
use crate::error::Diagnostics;
use crate::node::Node;
use crate::prelude::{self, MIXIN_TRAIT, UNIT};
use crate::shape_id::{IdMap, IdSet};

#[derive(Default)]
pub(super) struct Model<'a> {
    shapes: Vec<(String, RawShape<'a>)>,
    origins: Vec<Origin>,
    index: IdMap<String, usize>,
    metadata: Vec<(String, serde_json::Value)>,
    metadata_origins: Vec<Origin>,
    pub applies: Vec<PendingApply<'a>>,
}

/// A JSON AST document's shapes, applies and metadata.
pub(super) fn json_document<'a>(
    model: &mut Model<'a>,
    json: RawModel<'a>,
    origin: &Origin,
    diagnostics: &mut Diagnostics,
) {
    for (key, value) in json.metadata.0 {
        model.metadata(key, value, origin.clone(), diagnostics);
    }
    for (id, shape) in json.shapes.0 {
        if shape.kind == "apply" {
            model.applies.push(PendingApply {
                target: id,
                traits: shape.traits,
                origin: origin.clone(),
            });
            continue;
        }
        if json.version == 1 {
            if shape.traits.get(MIXIN_TRAIT).is_some() {
                diagnostics.push(origin.error(format!(
                    "Mixins can only be used in Smithy 2.0 or later. Attempted to apply a @mixin trait to `{id}` \
                     in a model file using version `1.0`."
                )));
            }
            if !shape.properties.0.is_empty() {
                diagnostics.push(origin.error(format!(
                    "`{id}`: Resource properties can only be used with Smithy version 2 or later."
                )));
            }
        }
        model.define(
            Definition {
                id,
                shape,
                origin: origin.clone(),
            },
            diagnostics,
        );
    }
}

impl<'a> Model<'a> {
    /// Adds a shape, or checks that it repeats the one already defined.
    pub(super) fn define(&mut self, definition: Definition<'a>, diagnostics: &mut Diagnostics) {
        let Definition { id, shape, origin } = definition;
        if let Some(name) = id.strip_prefix("smithy.api#")
            && prelude::kind(name).is_some()
        {
            diagnostics.push(origin.error(format!(
                "`{id}` is a prelude shape, which a model cannot define again; rename the shape"
            )));
            return;
        }
        if let Some(&position) = self.index.get(&id) {
            let json = |shape: &RawShape<'_>| serde_json::to_string(&ShapeAst(shape)).ok();
            if json(&self.shapes[position].1) != json(&shape) {
                diagnostics.push(origin.error(format!(
                    "`{id}` is defined differently here and at {}; a shape defined in several files must be \
                     the same everywhere, so remove or align one",
                    self.origins[position]
                )));
            }
            return;
        }
        self.index.insert(id.clone(), self.shapes.len());
        self.shapes.push((id, shape));
        self.origins.push(origin);
    }

    pub(super) fn metadata(
        &mut self,
        key: String,
        value: serde_json::Value,
        origin: Origin,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(position) = self.metadata.iter().position(|(existing, _)| *existing == key) else {
            self.metadata.push((key, value));
            self.metadata_origins.push(origin);
            return;
        };
        match (&mut self.metadata[position].1, value) {
            (serde_json::Value::Array(existing), serde_json::Value::Array(more)) => existing.extend(more),
            (existing, value) if *existing == value => {}
            _ => diagnostics.push(origin.error(format!(
                "the metadata key `{key}` is also set at {}, to a different value; Smithy only merges \
                 equal values and lists",
                self.metadata_origins[position]
            ))),
        }
    }

    fn shape_mut(&mut self, id: &str) -> Option<&mut RawShape<'a>> {
        let position = *self.index.get(id)?;
        Some(&mut self.shapes[position].1)
    }

    fn shape(&self, id: &str) -> Option<&RawShape<'a>> {
        self.index.get(id).map(|&position| &self.shapes[position].1)
    }

    /// The target of the member `name` that `id` inherits from its mixins,
    /// searched breadth first through the mixins' own mixins, each once (a
    /// cycle of mixins is reported by the mixin stage).
    fn inherited_target(&self, id: &str, name: &str) -> Option<String> {
        let mut queue: Vec<&str> = self
            .shape(id)?
            .mixins
            .iter()
            .map(|mixin| mixin.target.as_str())
            .collect();
        let mut visited: IdSet<&str> = queue.iter().copied().collect();
        let mut next = 0;
        while let Some(&mixin) = queue.get(next) {
            next += 1;
            let Some(shape) = self.shape(mixin) else { continue };
            if let Some(member) = shape.member(name).filter(|member| !member.target.is_empty()) {
                return Some(member.target.clone());
            }
            for mixin in &shape.mixins {
                if visited.insert(mixin.target.as_str()) {
                    queue.push(mixin.target.as_str());
                }
            }
        }
        None
    }

    /// Gives an elided member its target: the `for` resource's identifier
    /// or property of that name, else the mixins' member.
    pub(super) fn fill_elided(&mut self, elided: &Elided, diagnostics: &mut Diagnostics) {
        let member_id = format!("{}${}", elided.shape, elided.member);
        let mut target = None;
        if let Some((resource, position)) = &elided.for_resource {
            let origin = Origin {
                path: elided.origin.path.clone(),
                position: Some(*position),
            };
            match self.shape(resource) {
                Some(shape) if shape.kind == "resource" => {
                    target = shape
                        .identifiers
                        .get(&elided.member)
                        .or_else(|| shape.properties.get(&elided.member))
                        .map(|identifier| identifier.target.clone());
                }
                Some(shape) => {
                    diagnostics.push(origin.error(format!(
                        "The target of the `for` production must be a resource shape, but found a {} shape: {resource}",
                        shape.kind
                    )));
                    self.remove_member(&elided.shape, &elided.member);
                    return;
                }
                None => {
                    diagnostics.push(origin.error(format!(
                        "`{}` is bound `for` the resource `{resource}`, which is not defined",
                        elided.shape
                    )));
                    self.remove_member(&elided.shape, &elided.member);
                    return;
                }
            }
        }
        let target = target.or_else(|| self.inherited_target(&elided.shape, &elided.member));
        let Some(target) = target else {
            diagnostics.push(elided.origin.error(format!(
                "`{member_id}`: Member target was elided, but no bound resource or mixin contained a matching \
                 identifier or member name"
            )));
            self.remove_member(&elided.shape, &elided.member);
            return;
        };
        if let Some(member) = self
            .shape_mut(&elided.shape)
            .and_then(|shape| shape.member_mut(&elided.member))
        {
            member.target = target;
        }
    }

    /// Takes out a member whose target cannot be known, so that later
    /// stages do not report it again.
    fn remove_member(&mut self, shape: &str, member: &str) {
        if let Some(shape) = self.shape_mut(shape) {
            shape.remove_member(member);
        }
    }

    /// Folds every `apply` into its shape or member.
    pub(super) fn apply_all(&mut self, diagnostics: &mut Diagnostics) {
        for apply in std::mem::take(&mut self.applies) {
            let (shape_id, member) = match apply.target.split_once('$') {
                Some((shape, member)) => (shape, Some(member)),
                None => (apply.target.as_str(), None),
            };
            if self.shape(shape_id).is_none() {
                diagnostics.push(apply.origin.error(format!(
                    "an `apply` statement targets `{}`, which is not defined in the model; remove it or define the shape",
                    apply.target
                )));
                continue;
            }
            let inherited = member.and_then(|name| self.inherited_target(shape_id, name));
            let Some(shape) = self.shape_mut(shape_id) else {
                continue;
            };
            let destination: &mut RawTraits<'a> = match member {
                None => &mut shape.traits,
                Some(name) => {
                    if shape.member(name).is_none()
                        && let Some(target) = inherited
                    {
                        // The shape's own copy of the inherited member.
                        let copy = RawMember {
                            target,
                            traits: RawTraits::default(),
                        };
                        shape.set_member(name, copy);
                    }
                    match shape.member_mut(name) {
                        Some(member) => &mut member.traits,
                        None => {
                            diagnostics.push(apply.origin.error(format!(
                                "an `apply` statement targets the member `{}`, which `{shape_id}` does not have",
                                apply.target
                            )));
                            continue;
                        }
                    }
                }
            };
            for (name, value) in apply.traits.0 {
                merge_trait(destination, &apply.target, name, value, &apply.origin, diagnostics);
            }
        }
    }

    /// The assembled model, in canonical form.
    pub(super) fn finish(mut self) -> RawModel<'a> {
        let restated: Vec<(usize, String)> = self
            .shapes
            .iter()
            .enumerate()
            .filter(|(_, (_, shape))| !shape.mixins.is_empty())
            .flat_map(|(position, (id, shape))| {
                let named = shape.members.0.iter().map(|(name, member)| (name.as_str(), member));
                let collection = [("member", &shape.member), ("key", &shape.key), ("value", &shape.value)]
                    .into_iter()
                    .filter_map(|(name, member)| member.as_ref().map(|member| (name, member)));
                named
                    .chain(collection)
                    .filter(|(name, member)| {
                        member.traits.0.is_empty()
                            && self.inherited_target(id, name).as_deref() == Some(member.target.as_str())
                    })
                    .map(|(name, _)| (position, name.to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect();
        for (position, name) in restated {
            self.shapes[position].1.remove_member(&name);
        }
        for (_, shape) in &mut self.shapes {
            canonicalize(shape);
        }
        RawModel {
            version: 2,
            metadata: Entries(self.metadata),
            shapes: Entries(self.shapes),
        }
    }
}

/// Sets become lists with `@uniqueItems`; an operation without input or
/// output has `smithy.api#Unit`; enum members get their `@enumValue` (the
/// member's name when not given).
fn canonicalize(shape: &mut RawShape<'_>) {
    if shape.kind == "set" {
        shape.kind = "list".to_owned();
        if shape.traits.get("smithy.api#uniqueItems").is_none() {
            shape.traits.0.push((
                "smithy.api#uniqueItems".to_owned(),
                TraitValue::Node(Node::Object(Vec::new())),
            ));
        }
    }
    if shape.kind == "operation" {
        for slot in [&mut shape.input, &mut shape.output] {
            slot.get_or_insert_with(|| RawTarget {
                target: UNIT.to_owned(),
            });
        }
    }
    if shape.kind == "enum" {
        for (name, member) in &mut shape.members.0 {
            if member.traits.get("smithy.api#enumValue").is_none() {
                let value = TraitValue::Node(Node::String(name.clone()));
                member.traits.0.push(("smithy.api#enumValue".to_owned(), value));
            }
        }
    }
}

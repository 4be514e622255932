//! An IDL file's statements as raw shapes: relative shape ids resolved by
//! the spec's rules (`use`, then the namespace's shapes in every file, then
//! the prelude, else the namespace), in targets and in node values alike,
//! and a trait applied without a value given the empty value its shape
//! calls for.

use std::sync::Arc;

use super::{Defined, Definition, Elided, Origin, PendingApply};
use crate::ast::{Entries, RawMember, RawShape, RawTarget, RawTraits, TraitValue};
use crate::error::{Diagnostics, Error};
use crate::load::syntax::{IdlFile, IdlVersion, MemberDefinition, ShapeDefinition, TraitApplication};
use crate::node::{Node, Position, Reference};
use crate::prelude::{self, MIXIN_TRAIT};
use crate::shape_id::IdMap;

/// What one IDL file contributes to the model.
pub(super) struct Contribution<'a> {
    pub definitions: Vec<Definition<'a>>,
    pub applies: Vec<PendingApply<'a>>,
    pub elided: Vec<Elided>,
    pub metadata: Vec<(String, serde_json::Value, Origin)>,
}

/// How relative ids resolve in one file, and the file's IDL version.
struct Scope<'s> {
    path: &'s Arc<str>,
    version: IdlVersion,
    namespace: &'s str,
    uses: IdMap<&'s str, &'s str>,
    defined: &'s Defined,
}

pub(super) fn convert<'a>(mut file: IdlFile, defined: &Defined, diagnostics: &mut Diagnostics) -> Contribution<'a> {
    let (metadata, mut shapes, applies) = (
        std::mem::take(&mut file.metadata),
        std::mem::take(&mut file.shapes),
        std::mem::take(&mut file.applies),
    );
    let namespace = file.namespace.as_deref().unwrap_or(prelude::NAMESPACE);
    let mut scope = Scope {
        path: &file.path,
        version: file.version,
        namespace,
        uses: IdMap::default(),
        defined,
    };
    for import in &file.uses {
        let name = import.text.rsplit('#').next().unwrap_or_default();
        match scope.uses.insert(name, &import.text) {
            Some(previous) if previous != import.text => diagnostics.push(scope.error(
                import.position,
                format!(
                    "Cannot use name `{}` because it conflicts with `{previous}`",
                    import.text
                ),
            )),
            _ => {}
        }
    }

    let mut contribution = Contribution {
        definitions: Vec::with_capacity(shapes.len()),
        applies: Vec::with_capacity(applies.len()),
        elided: Vec::new(),
        metadata: Vec::with_capacity(metadata.len()),
    };
    // Metadata is outside any namespace: its relative ids name the prelude's.
    let metadata_scope = Scope {
        path: &file.path,
        version: file.version,
        namespace: prelude::NAMESPACE,
        uses: IdMap::default(),
        defined,
    };
    for (key, mut node, position) in metadata {
        metadata_scope.resolve_node(&mut node);
        match serde_json::to_value(&node) {
            Ok(value) => contribution.metadata.push((key, value, scope.origin(position))),
            Err(error) => diagnostics.push(scope.error(position, format!("metadata `{key}`: {error}"))),
        }
    }
    for shape in &mut shapes {
        if let Some(imported) = scope.uses.get(shape.name.as_str()) {
            diagnostics.push(scope.error(
                shape.position,
                format!("Shape name `{}` conflicts with imported shape `{imported}`", shape.name),
            ));
            continue;
        }
        let definition = scope.shape(shape, &mut contribution.elided, diagnostics);
        contribution.definitions.push(definition);
    }
    for apply in applies {
        let target = scope.target(&apply.target, true, diagnostics);
        let traits = scope.traits(&target, apply.traits, diagnostics);
        contribution.applies.push(PendingApply {
            target,
            traits,
            origin: scope.origin(apply.target.position),
        });
    }
    contribution
}

impl Scope<'_> {
    fn origin(&self, position: Position) -> Origin {
        Origin {
            path: self.path.clone(),
            position: Some(position),
        }
    }

    fn error(&self, position: Position, message: impl std::fmt::Display) -> Error {
        self.origin(position).error(message)
    }

    /// A shape id as written, made absolute.
    fn resolve(&self, text: &str) -> String {
        if text.contains('#') {
            return text.to_owned();
        }
        let (root, member) = match text.split_once('$') {
            Some((root, member)) => (root, Some(member)),
            None => (text, None),
        };
        let mut id = if let Some(imported) = self.uses.get(root) {
            (*imported).to_owned()
        } else {
            let local = format!("{}#{root}", self.namespace);
            if self.defined.contains_key(&local) || prelude::kind(root).is_none() {
                local
            } else {
                format!("{}#{root}", prelude::NAMESPACE)
            }
        };
        if let Some(member) = member {
            id.push('$');
            id.push_str(member);
        }
        id
    }

    /// A reference to a shape (or, for `apply`, a member): resolved, and an
    /// error when it cannot name one.
    fn target(&self, reference: &Reference, member_allowed: bool, diagnostics: &mut Diagnostics) -> String {
        let absolute = reference.text.contains('#');
        if !absolute && reference.text.contains('.') {
            diagnostics.push(self.error(
                reference.position,
                format!(
                    "`{}` is not a shape id: a namespace needs `#` and a shape name, as in `{}#Name`",
                    reference.text, reference.text
                ),
            ));
        } else if !member_allowed && reference.text.contains('$') {
            diagnostics.push(self.error(
                reference.position,
                format!("`{}` names a member; a target must be a shape", reference.text),
            ));
        }
        self.resolve(&reference.text)
    }

    fn shape<'a>(
        &self,
        shape: &mut ShapeDefinition,
        elided: &mut Vec<Elided>,
        diagnostics: &mut Diagnostics,
    ) -> Definition<'a> {
        let id = format!("{}#{}", self.namespace, shape.name);
        let traits = self.traits(&id, std::mem::take(&mut shape.traits), diagnostics);
        if self.version == IdlVersion::V1 && traits.get(MIXIN_TRAIT).is_some() {
            diagnostics.push(self.error(
                shape.position,
                format!(
                    "Mixins can only be used in Smithy 2.0 or later. Attempted to apply a @mixin trait to `{id}` \
                     in a model file using version `1.0`."
                ),
            ));
        }
        let mut raw = RawShape {
            kind: shape.kind.to_owned(),
            traits,
            mixins: shape
                .mixins
                .iter()
                .map(|mixin| RawTarget {
                    target: self.target(mixin, false, diagnostics),
                })
                .collect(),
            ..RawShape::default()
        };
        let for_resource = shape
            .for_resource
            .as_ref()
            .map(|resource| (self.target(resource, false, diagnostics), resource.position));
        for member in &mut shape.members {
            let raw_member = self.member(&id, member, diagnostics);
            if member.target.is_none() {
                elided.push(Elided {
                    shape: id.clone(),
                    member: member.name.clone(),
                    for_resource: for_resource.clone(),
                    origin: self.origin(member.position),
                });
            }
            if raw.is_collection() && !raw.has_slot(&member.name) {
                let expected = if shape.kind == "map" {
                    "`key` and `value`"
                } else {
                    "`member`"
                };
                diagnostics.push(self.error(
                    member.position,
                    format!(
                        "`{id}` is a {}, whose members are {expected}, not `{}`",
                        shape.kind, member.name
                    ),
                ));
                continue;
            }
            raw.set_member(&member.name, raw_member);
        }
        for (name, node, position) in &shape.properties {
            self.property(&id, &mut raw, name, node, *position, diagnostics);
        }
        Definition {
            id,
            shape: raw,
            origin: self.origin(shape.position),
        }
    }

    fn member<'a>(&self, shape: &str, member: &mut MemberDefinition, diagnostics: &mut Diagnostics) -> RawMember<'a> {
        let id = format!("{shape}${}", member.name);
        RawMember {
            // An elided target is filled in once every shape is known.
            target: member
                .target
                .as_ref()
                .map(|target| self.target(target, false, diagnostics))
                .unwrap_or_default(),
            traits: self.traits(&id, std::mem::take(&mut member.traits), diagnostics),
        }
    }

    /// A service's, resource's or operation's property.
    fn property(
        &self,
        id: &str,
        shape: &mut RawShape<'_>,
        name: &str,
        node: &Node,
        position: Position,
        diagnostics: &mut Diagnostics,
    ) {
        let kind = shape.kind.clone();
        let mut bad = |expected: &str| {
            diagnostics.push(self.error(
                position,
                format!(
                    "`{id}`: the {kind} property `{name}` must be {expected}, but found {}",
                    node.describe()
                ),
            ));
        };
        let one = |node: &Node| match node {
            Node::ShapeId(reference) => Some(RawTarget {
                target: self.resolve(&reference.text),
            }),
            Node::String(text) => Some(RawTarget {
                target: self.resolve(text),
            }),
            _ => None,
        };
        let many = |node: &Node| match node {
            Node::Array(items) => items.iter().map(one).collect::<Option<Vec<_>>>(),
            _ => None,
        };
        let named = |node: &Node| match node {
            Node::Object(entries) => entries
                .iter()
                .map(|(key, value)| one(value).map(|target| (key.clone(), target)))
                .collect::<Option<Vec<_>>>()
                .map(Entries),
            _ => None,
        };
        match (kind.as_str(), name) {
            ("service", "version") => match node {
                Node::String(text) => shape.version = Some(text.clone()),
                _ => bad("a string"),
            },
            ("service", "rename") => match node {
                Node::Object(entries) => {
                    let mut renames = Vec::with_capacity(entries.len());
                    for (key, value) in entries {
                        match value {
                            Node::String(text) => renames.push((self.resolve(key), text.clone())),
                            _ => bad("an object of shape ids to names"),
                        }
                    }
                    shape.rename = Entries(renames);
                }
                _ => bad("an object of shape ids to names"),
            },
            ("service" | "resource", "operations" | "resources")
            | ("service" | "operation", "errors")
            | ("resource", "collectionOperations") => match many(node) {
                Some(targets) => match name {
                    "operations" => shape.operations = targets,
                    "resources" => shape.resources = targets,
                    "errors" => shape.errors = targets,
                    _ => shape.collection_operations = targets,
                },
                None => bad("a list of shape ids"),
            },
            ("resource", "identifiers" | "properties") => {
                if name == "properties" && self.version == IdlVersion::V1 {
                    diagnostics.push(self.error(
                        position,
                        "Resource properties can only be used with Smithy version 2 or later.",
                    ));
                    return;
                }
                match named(node) {
                    Some(targets) if name == "identifiers" => shape.identifiers = targets,
                    Some(targets) => shape.properties = targets,
                    None => bad("an object of names to shape ids"),
                }
            }
            ("resource", "create" | "put" | "read" | "update" | "delete" | "list")
            | ("operation", "input" | "output") => match one(node) {
                Some(target) => {
                    if let Some(slot) = shape.single_target_mut(name) {
                        *slot = Some(target);
                    }
                }
                None => bad("a shape id"),
            },
            _ => diagnostics.push(self.error(
                position,
                format!("`{id}`: a {kind} has no property `{name}`; see the Smithy spec for the {kind}'s properties"),
            )),
        }
    }

    /// Traits by absolute id; a trait applied twice merges by Smithy's rules.
    fn traits<'a>(&self, owner: &str, traits: Vec<TraitApplication>, diagnostics: &mut Diagnostics) -> RawTraits<'a> {
        let mut raw = RawTraits::default();
        for application in traits {
            let id = self.target(&application.id, false, diagnostics);
            let value = match application.value {
                Some(mut node) => {
                    self.resolve_node(&mut node);
                    node
                }
                None => self.empty_value(&id),
            };
            let origin = self.origin(application.id.position);
            super::merge_trait(&mut raw, owner, id, TraitValue::Node(value), &origin, diagnostics);
        }
        raw
    }

    /// Resolves the node's unquoted shape ids, which become strings.
    fn resolve_node(&self, node: &mut Node) {
        match node {
            Node::ShapeId(reference) => *node = Node::String(self.resolve(&reference.text)),
            Node::Array(items) => items.iter_mut().for_each(|item| self.resolve_node(item)),
            Node::Object(entries) => entries.iter_mut().for_each(|(_, value)| self.resolve_node(value)),
            Node::Null | Node::Bool(_) | Node::Number(_) | Node::String(_) => {}
        }
    }

    /// The value of a trait applied without one: `{}` for a structure or
    /// map trait (and a trait the model does not define), `[]` for a list,
    /// `null` for anything else.
    fn empty_value(&self, trait_id: &str) -> Node {
        let kind = self
            .defined
            .get(trait_id)
            .map(String::as_str)
            .or_else(|| trait_id.strip_prefix("smithy.api#").and_then(prelude::kind));
        match kind {
            Some("list" | "set") => Node::Array(Vec::new()),
            Some("structure" | "map") | None => Node::Object(Vec::new()),
            Some(_) => Node::Null,
        }
    }
}

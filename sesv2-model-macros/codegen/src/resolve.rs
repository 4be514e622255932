//! Stage 4: the raw JSON AST, its mixins and `apply`s folded in, to a typed
//! [`Model`] whose every reference resolves.

use std::collections::BTreeSet;

use crate::ast::{Entries, RawMember, RawModel, RawShape, RawTarget};
use crate::error::{Diagnostics, did_you_mean};
use crate::model::{EnumMember, IntEnumMember, Member, Model, Operation, Resource, Service, Shape, ShapeKind, Simple};
use crate::prelude::UNIT;
use crate::shape_id::{IdMap, ShapeId};
use crate::traits::{Documentation, EnumValue, LegacyEnumDefinition, Traits};

/// The prelude shapes of `smithy.api` that models target without defining.
const PRELUDE: &[(&str, Simple)] = &[
    ("Blob", Simple::Blob),
    ("Boolean", Simple::Boolean),
    ("String", Simple::String),
    ("Byte", Simple::Byte),
    ("Short", Simple::Short),
    ("Integer", Simple::Integer),
    ("Long", Simple::Long),
    ("Float", Simple::Float),
    ("Double", Simple::Double),
    ("BigInteger", Simple::BigInteger),
    ("BigDecimal", Simple::BigDecimal),
    ("Timestamp", Simple::Timestamp),
    ("Document", Simple::Document),
    ("Unit", Simple::Unit),
    ("PrimitiveBoolean", Simple::Boolean),
    ("PrimitiveByte", Simple::Byte),
    ("PrimitiveShort", Simple::Short),
    ("PrimitiveInteger", Simple::Integer),
    ("PrimitiveLong", Simple::Long),
    ("PrimitiveFloat", Simple::Float),
    ("PrimitiveDouble", Simple::Double),
];

/// The typed model; what does not resolve is reported to `diagnostics` and
/// left out.
pub(crate) fn resolve(raw: RawModel<'_>, diagnostics: &mut Diagnostics) -> Model {
    let mut shapes = Vec::with_capacity(PRELUDE.len() + raw.shapes.0.len());

    for (name, simple) in PRELUDE {
        let id = ShapeId::parse(&format!("smithy.api#{name}")).expect("prelude ids are valid");
        shapes.push(Shape {
            id,
            kind: ShapeKind::Simple(*simple),
            traits: Traits::default(),
        });
    }

    // Ids first, so that targets can be checked against the whole model.
    let mut ids = Vec::with_capacity(raw.shapes.0.len());
    let mut raw_shapes = Vec::with_capacity(raw.shapes.0.len());
    for (text, shape) in &raw.shapes.0 {
        match ShapeId::parse(text) {
            Ok(id) => {
                ids.push(id);
                raw_shapes.push(shape);
            }
            Err(message) => diagnostics.model(format!("the model defines a shape with a bad id: {message}")),
        }
    }
    let prelude_ids: Vec<ShapeId> = shapes.iter().map(|shape| shape.id.clone()).collect();
    let mut known: IdMap<&str, &ShapeId> = prelude_ids.iter().map(|id| (id.as_str(), id)).collect();
    // Assembly left one definition per id, and none of the prelude's.
    for id in &ids {
        known.insert(id.as_str(), id);
    }

    let mut resolver = Resolver {
        known: &known,
        diagnostics,
        hints_left: MAX_TARGET_HINTS,
    };
    for (id, raw_shape) in ids.iter().zip(raw_shapes) {
        if let Some(kind) = resolver.kind(id, raw_shape) {
            let traits = Traits::parse(id.as_str(), &raw_shape.traits, resolver.diagnostics);
            let kind = match (&kind, &traits.legacy_enum) {
                (ShapeKind::Simple(Simple::String), Some(definitions)) => {
                    ShapeKind::Enum(resolver.legacy_enum_members(id, definitions))
                }
                _ => kind,
            };
            shapes.push(Shape {
                id: id.clone(),
                kind,
                traits,
            });
        }
    }

    let model = Model::new(shapes);
    check_target_kinds(&model, diagnostics);
    model
}

/// Undefined targets that get a "did you mean" hint: each costs a scan of
/// the namespace, so a model with thousands of broken targets would
/// otherwise take minutes to report them.
const MAX_TARGET_HINTS: usize = 32;

struct Resolver<'a> {
    /// Every defined id (the model's and the prelude's), by its text.
    known: &'a IdMap<&'a str, &'a ShapeId>,
    diagnostics: &'a mut Diagnostics,
    hints_left: usize,
}

impl Resolver<'_> {
    fn kind(&mut self, id: &ShapeId, shape: &RawShape<'_>) -> Option<ShapeKind> {
        if let Some(simple) = Simple::from_type_name(&shape.kind) {
            return Some(ShapeKind::Simple(simple));
        }
        let kind = match shape.kind.as_str() {
            "list" | "set" => ShapeKind::List(Box::new(self.required_member(id, "member", shape.member.as_ref())?)),
            "map" => {
                let key = self.required_member(id, "key", shape.key.as_ref());
                let value = self.required_member(id, "value", shape.value.as_ref());
                ShapeKind::Map {
                    key: Box::new(key?),
                    value: Box::new(value?),
                }
            }
            "structure" => ShapeKind::Structure(self.members(id, &shape.members)),
            "union" => ShapeKind::Union(self.members(id, &shape.members)),
            "enum" => ShapeKind::Enum(self.enum_members(id, &shape.members)),
            "intEnum" => ShapeKind::IntEnum(self.int_enum_members(id, &shape.members)),
            "operation" => ShapeKind::Operation(Operation {
                input: self.optional_target(id, "input", shape.input.as_ref()),
                output: self.optional_target(id, "output", shape.output.as_ref()),
                errors: self.targets(id, "errors", &shape.errors),
            }),
            "service" => ShapeKind::Service(Service {
                operations: self.targets(id, "operations", &shape.operations),
                resources: self.targets(id, "resources", &shape.resources),
                errors: self.targets(id, "errors", &shape.errors),
                rename: self.renames(id, &shape.rename),
                version: shape.version.clone().unwrap_or_default(),
            }),
            "resource" => {
                let mut operations: Vec<ShapeId> = shape
                    .lifecycle()
                    .into_iter()
                    .filter_map(|(field, target)| self.optional_target(id, field, target))
                    .collect();
                operations.extend(self.targets(id, "operations", &shape.operations));
                operations.extend(self.targets(id, "collectionOperations", &shape.collection_operations));
                ShapeKind::Resource(Resource {
                    operations,
                    resources: self.targets(id, "resources", &shape.resources),
                })
            }
            other => {
                self.diagnostics.model(format!(
                    "`{id}` has the shape type `{other}`, which is not a Smithy 2.0 shape type; use one of \
                     blob, boolean, string, byte, short, integer, long, float, double, bigInteger, bigDecimal, \
                     timestamp, document, enum, intEnum, list, map, structure, union, service, operation or resource"
                ));
                return None;
            }
        };
        Some(kind)
    }

    fn target(&mut self, owner: &str, target: &str) -> Option<ShapeId> {
        // A target naming a defined shape is valid by construction: skip
        // parsing it again (every member has one, so this is hot).
        if let Some(id) = self.known.get(target) {
            return Some((*id).clone());
        }
        match ShapeId::parse(target) {
            Ok(id) if self.known.contains_key(id.as_str()) => Some(id),
            Ok(id) => {
                let hint = if self.hints_left > 0 {
                    self.hints_left -= 1;
                    let same_namespace = self
                        .known
                        .values()
                        .filter(|candidate| candidate.namespace() == id.namespace())
                        .map(|candidate| candidate.as_str());
                    did_you_mean(id.as_str(), same_namespace)
                } else {
                    String::new()
                };
                self.diagnostics.model(format!(
                    "`{owner}` targets `{id}`, which is not defined in the model.{hint} \
                     Define the shape or correct the target."
                ));
                None
            }
            Err(message) => {
                self.diagnostics.model(format!("`{owner}` has a bad target: {message}"));
                None
            }
        }
    }

    fn member(&mut self, id: &ShapeId, name: &str, raw: &RawMember<'_>) -> Option<Member> {
        let owner = id.member(name);
        let target = self.target(&owner, &raw.target);
        let traits = Traits::parse(&owner, &raw.traits, self.diagnostics);
        Some(Member {
            name: name.to_owned(),
            target: target?,
            traits,
        })
    }

    fn required_member(&mut self, id: &ShapeId, name: &str, raw: Option<&RawMember<'_>>) -> Option<Member> {
        match raw {
            Some(raw) => self.member(id, name, raw),
            None => {
                self.diagnostics.model(format!(
                    "`{id}` has no `{name}` member; add `\"{name}\": {{\"target\": ...}}`"
                ));
                None
            }
        }
    }

    fn members(&mut self, id: &ShapeId, raw: &Entries<RawMember<'_>>) -> Vec<Member> {
        let mut seen = BTreeSet::new();
        raw.0
            .iter()
            .filter_map(|(name, member)| {
                if !crate::shape_id::is_identifier(name) {
                    self.diagnostics.model(format!(
                        "`{}` is not a valid member name: member names are Smithy identifiers",
                        id.member(name)
                    ));
                    return None;
                }
                if !seen.insert(name.to_ascii_lowercase()) {
                    self.diagnostics.model(format!(
                        "`{}` repeats a member name of `{id}` (member names must differ ignoring case); rename one",
                        id.member(name)
                    ));
                    return None;
                }
                self.member(id, name, member)
            })
            .collect()
    }

    fn enum_members(&mut self, id: &ShapeId, raw: &Entries<RawMember<'_>>) -> Vec<EnumMember> {
        let mut values = BTreeSet::new();
        let mut members = Vec::new();
        for (name, member) in &raw.0 {
            let owner = id.member(name);
            let traits = Traits::parse(&owner, &member.traits, self.diagnostics);
            let value = match &traits.enum_value {
                None => name.clone(),
                Some(EnumValue::String(value)) if !value.is_empty() => value.clone(),
                Some(other) => {
                    self.diagnostics.model(format!(
                        "`{owner}`: an enum value must be a non-empty string, but it is {other:?}; \
                         fix its `smithy.api#enumValue` trait"
                    ));
                    continue;
                }
            };
            if !values.insert(value.clone()) {
                self.diagnostics.model(format!(
                    "`{owner}` repeats the value \"{value}\" of another member of `{id}`; enum values must be unique"
                ));
                continue;
            }
            members.push(EnumMember {
                name: name.clone(),
                value,
                traits,
            });
        }
        members
    }

    fn int_enum_members(&mut self, id: &ShapeId, raw: &Entries<RawMember<'_>>) -> Vec<IntEnumMember> {
        let mut values = BTreeSet::new();
        let mut members = Vec::new();
        for (name, member) in &raw.0 {
            let owner = id.member(name);
            let traits = Traits::parse(&owner, &member.traits, self.diagnostics);
            let value = match traits.enum_value {
                Some(EnumValue::Integer(value)) => i32::try_from(value).ok(),
                _ => None,
            };
            let Some(value) = value else {
                self.diagnostics.model(format!(
                    "`{owner}`: an intEnum member needs a `smithy.api#enumValue` trait holding a 32-bit integer"
                ));
                continue;
            };
            if !values.insert(value) {
                self.diagnostics.model(format!(
                    "`{owner}` repeats the value {value} of another member of `{id}`; intEnum values must be unique"
                ));
                continue;
            }
            members.push(IntEnumMember {
                name: name.clone(),
                value,
                traits,
            });
        }
        members
    }

    /// A Smithy 1.0 `@enum` string as an enum shape: named definitions keep
    /// their names, unnamed ones are named after their value.
    fn legacy_enum_members(&mut self, id: &ShapeId, definitions: &[LegacyEnumDefinition]) -> Vec<EnumMember> {
        let mut values = BTreeSet::new();
        let mut members = Vec::new();
        for definition in definitions {
            if definition.value.is_empty() || !values.insert(definition.value.clone()) {
                self.diagnostics.model(format!(
                    "`{id}`: the `smithy.api#enum` value \"{}\" is empty or repeated; enum values must be unique and non-empty",
                    definition.value
                ));
                continue;
            }
            members.push(EnumMember {
                name: definition.name.clone().unwrap_or_else(|| definition.value.clone()),
                value: definition.value.clone(),
                traits: Traits {
                    documentation: definition.documentation.as_deref().map(Documentation::from_html),
                    deprecated: definition.deprecated.then(Default::default),
                    ..Traits::default()
                },
            });
        }
        members
    }

    fn renames(&mut self, id: &ShapeId, raw: &Entries<String>) -> Vec<(ShapeId, String)> {
        raw.0
            .iter()
            .filter_map(|(shape, name)| {
                let shape = self.target(&format!("{id} (rename)"), shape)?;
                if !crate::shape_id::is_identifier(name) {
                    self.diagnostics.model(format!(
                        "`{id}` renames `{shape}` to `{name}`, which is not a Smithy identifier"
                    ));
                    return None;
                }
                Some((shape, name.clone()))
            })
            .collect()
    }

    fn optional_target(&mut self, id: &ShapeId, field: &str, raw: Option<&RawTarget>) -> Option<ShapeId> {
        let target = self.target(&format!("{id} ({field})"), &raw?.target)?;
        (target.as_str() != UNIT).then_some(target)
    }

    fn targets(&mut self, id: &ShapeId, field: &str, raw: &[RawTarget]) -> Vec<ShapeId> {
        raw.iter()
            .filter_map(|raw| self.target(&format!("{id} ({field})"), &raw.target))
            .collect()
    }
}

/// References must point at the right kind of shape: a member cannot hold an
/// operation, a service lists operations, an operation's errors are errors.
fn check_target_kinds(model: &Model, diagnostics: &mut Diagnostics) {
    let kind_of = |id: &ShapeId| model.get(id).map(|shape| &shape.kind);
    for shape in model.shapes() {
        let id = &shape.id;
        match &shape.kind {
            ShapeKind::List(member) => check_value_target(model, id, member, diagnostics),
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                for member in members {
                    check_value_target(model, id, member, diagnostics);
                }
            }
            ShapeKind::Map { key, value } => {
                check_value_target(model, id, value, diagnostics);
                let key_is_string = matches!(
                    kind_of(&key.target),
                    Some(ShapeKind::Simple(Simple::String) | ShapeKind::Enum(_))
                );
                if !key_is_string {
                    diagnostics.model(format!(
                        "`{}` targets `{}`, but map keys must target a string or enum shape",
                        id.member("key"),
                        key.target
                    ));
                }
            }
            ShapeKind::Operation(operation) => {
                for (field, target) in [("input", &operation.input), ("output", &operation.output)] {
                    if let Some(target) = target
                        && !matches!(kind_of(target), Some(ShapeKind::Structure(_)))
                    {
                        diagnostics.model(format!("`{id}` ({field}) targets `{target}`, which is not a structure"));
                    }
                }
                check_errors(model, id, &operation.errors, diagnostics);
            }
            ShapeKind::Service(service) => {
                check_kind(
                    model,
                    id,
                    &service.operations,
                    "an operation",
                    is_operation,
                    diagnostics,
                );
                check_kind(model, id, &service.resources, "a resource", is_resource, diagnostics);
                check_errors(model, id, &service.errors, diagnostics);
            }
            ShapeKind::Resource(resource) => {
                check_kind(
                    model,
                    id,
                    &resource.operations,
                    "an operation",
                    is_operation,
                    diagnostics,
                );
                check_kind(model, id, &resource.resources, "a resource", is_resource, diagnostics);
            }
            ShapeKind::Simple(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => {}
        }
    }
}

fn check_value_target(model: &Model, id: &ShapeId, member: &Member, diagnostics: &mut Diagnostics) {
    if let Some(target) = model.get(&member.target)
        && matches!(
            target.kind,
            ShapeKind::Operation(_) | ShapeKind::Service(_) | ShapeKind::Resource(_)
        )
    {
        diagnostics.model(format!(
            "`{}` targets the {} `{}`; members must target data shapes",
            id.member(&member.name),
            target.kind.type_name(),
            member.target
        ));
    }
}

/// Every target must be a shape of the kind `what` names.
fn check_kind(
    model: &Model,
    id: &ShapeId,
    targets: &[ShapeId],
    what: &str,
    is_kind: fn(&ShapeKind) -> bool,
    diagnostics: &mut Diagnostics,
) {
    for target in targets {
        if !model.get(target).is_some_and(|shape| is_kind(&shape.kind)) {
            diagnostics.model(format!("`{id}` lists `{target}` as {what}, but it is not one"));
        }
    }
}

fn is_operation(kind: &ShapeKind) -> bool {
    matches!(kind, ShapeKind::Operation(_))
}

fn is_resource(kind: &ShapeKind) -> bool {
    matches!(kind, ShapeKind::Resource(_))
}

fn check_errors(model: &Model, id: &ShapeId, targets: &[ShapeId], diagnostics: &mut Diagnostics) {
    for target in targets {
        let is_error = model
            .get(target)
            .is_some_and(|shape| matches!(shape.kind, ShapeKind::Structure(_)) && shape.traits.error.is_some());
        if !is_error {
            diagnostics.model(format!(
                "`{id}` lists `{target}` as an error, but it is not a structure with the `smithy.api#error` trait"
            ));
        }
    }
}

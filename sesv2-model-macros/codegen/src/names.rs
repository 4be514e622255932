//! Stage 8: the Rust name of every generated item, decided once.
//!
//! Later stages never convert a model name themselves; they look it up here,
//! so a name is checked for collisions exactly where it is chosen.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::config::Rename;
use crate::error::{Diagnostics, Error, Errors, Subject, did_you_mean};
use crate::ident;
use crate::model::{Model, Shape, ShapeKind};
use crate::parallel;
use crate::select::Selection;
use crate::shape_id::{IdMap, ShapeId, is_identifier};

/// A Rust identifier: the name, and how code must write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Ident {
    /// The name: `type`, `s3_url`, `Self`.
    pub name: String,
    /// The name as written in code: `r#type`, `s3_url`, `Self_`.
    pub rust: String,
}

impl Ident {
    fn new(name: String) -> Ident {
        Ident {
            rust: ident::display(&name),
            name,
        }
    }
}

/// The names of one generated item.
pub(crate) struct ItemNames {
    /// The type as written in Rust, e.g. `GetImportJobResponse` (`Self_` for
    /// a shape named `Self`).
    pub type_name: Arc<str>,
    /// The builder type in the `builders` module, for structures.
    pub builder_name: String,
    /// Per member, in model order: the field name of a structure member, or
    /// the variant name of an enum or union member.
    pub members: Vec<Ident>,
    /// The variant that keeps values the model does not know (enums, unions).
    pub unknown_variant: Ident,
}

/// The names of one operation's items in the `operations` module.
pub(crate) struct OperationNames {
    /// The unit type that describes the operation, e.g. `GetImportJob`.
    pub type_name: String,
    /// Its error enum, e.g. `GetImportJobError`.
    pub error_name: String,
    /// The errors its error enum has a variant for, in variant order (its
    /// own, then its service's), each with its variant.
    pub errors: Vec<(ShapeId, String)>,
}

/// Names of every selected structure, union, enum and operation, and of
/// the services they belong to.
pub(crate) struct Names {
    items: IdMap<ShapeId, ItemNames>,
    operations: IdMap<ShapeId, OperationNames>,
    /// The type of each service with a selected operation, in the
    /// `operations` module.
    services: IdMap<ShapeId, String>,
}

impl Names {
    pub fn item(&self, id: &ShapeId) -> Option<&ItemNames> {
        self.items.get(id)
    }

    pub fn operation(&self, id: &ShapeId) -> Option<&OperationNames> {
        self.operations.get(id)
    }

    /// The type of service `id` in the `operations` module.
    pub fn service(&self, id: &ShapeId) -> Option<&str> {
        self.services.get(id).map(String::as_str)
    }
}

/// The variant of every error enum that holds errors the model does not list.
pub(crate) const UNHANDLED_VARIANT: &str = "Unhandled";

/// Methods that generated code defines on every structure's builder.
const BUILDER_METHODS: &[&str] = &["build"];
/// Associated functions generated code defines on every structure.
const STRUCT_FUNCTIONS: &[&str] = &["builder"];

pub(crate) fn assign(model: &Model, selection: &Selection, user_renames: &[Rename]) -> Result<Names, Errors> {
    let mut diagnostics = Diagnostics::default();
    // The user's renames win over the service's, which resolve conflicts
    // between namespaces but cannot know the user's own names.
    let mut renames: IdMap<ShapeId, &str> = model
        .services()
        .flat_map(|(_, service)| service.rename.iter().map(|(id, name)| (id.clone(), name.as_str())))
        .collect();
    let mut renamed_by: IdMap<ShapeId, usize> = IdMap::default();
    for (index, rename) in user_renames.iter().enumerate() {
        match check_rename(model, selection, rename) {
            Ok(id) => {
                renames.insert(id.clone(), rename.name.as_str());
                renamed_by.insert(id, index);
            }
            Err(message) => diagnostics.push(Error::new(Subject::Rename(index), message)),
        }
    }
    let shape_name = |id: &ShapeId| renames.get(id).copied().unwrap_or(id.name()).to_owned();
    let shapes: Vec<&Shape> = selection
        .shapes
        .iter()
        .filter_map(|id| model.get(id))
        .filter(|shape| {
            matches!(
                shape.kind,
                ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_)
            )
        })
        .collect();

    // Each shape's names on their own, on every core; then the checks that
    // span shapes, in order.
    let named = parallel::map_runs(
        &shapes,
        |shape| 4 + member_count(shape),
        NAMES_THRESHOLD,
        |run| {
            run.iter()
                .map(|shape| {
                    let mut diagnostics = Diagnostics::default();
                    let names = item_names(shape, &shape_name(&shape.id), &mut diagnostics);
                    (names, diagnostics)
                })
                .collect::<Vec<_>>()
        },
    );
    let mut items = IdMap::default();
    let mut owners: IdMap<String, &ShapeId> = IdMap::default();
    for (shape, (names, shape_diagnostics)) in shapes.iter().zip(named.into_iter().flatten()) {
        let id = &shape.id;
        if let Some(previous) = owners.insert(names.type_name.to_string(), id) {
            let advice = if previous.namespace() == id.namespace() {
                "rename one of the shapes, or give one a new Rust name with the generator's `renames`"
            } else {
                "give one of them a new name in the service's `rename` map or with the generator's `renames`"
            };
            // A clash the user's rename made is reported at that rename.
            let subject = renamed_by
                .get(id)
                .or_else(|| renamed_by.get(previous))
                .map_or(Subject::Model, |index| Subject::Rename(*index));
            diagnostics.push(Error::new(
                subject,
                format!(
                    "`{previous}` and `{id}` would both be generated as the Rust type `{}`; {advice}",
                    names.type_name
                ),
            ));
        }
        diagnostics.extend(shape_diagnostics);
        items.insert(id.clone(), names);
    }
    let operations = operation_names(model, selection, &shape_name, &items, &mut diagnostics);
    let services = service_names(model, selection, &operations);
    diagnostics.finish(Names {
        items,
        operations,
        services,
    })
}

/// Each service with a selected operation: its name in UpperCamelCase,
/// stepping aside from the operations' types and error enums beside it.
fn service_names(
    model: &Model,
    selection: &Selection,
    operations: &IdMap<ShapeId, OperationNames>,
) -> IdMap<ShapeId, String> {
    let mut taken: BTreeSet<String> = operations
        .values()
        .flat_map(|names| [names.type_name.clone(), names.error_name.clone()])
        .collect();
    let mut services = IdMap::default();
    for (id, service) in model.services() {
        let operations = model.service_operations(service);
        if !selection
            .operations
            .iter()
            .any(|selected| operations.contains(&selected))
        {
            continue;
        }
        let name = first_free([ident::display(&ident::camel(id.name()))], |name| taken.contains(name));
        taken.insert(name.clone());
        services.insert(id.clone(), name);
    }
    services
}

/// The shape a user's rename is for, if the name can be used as given.
fn check_rename(model: &Model, selection: &Selection, rename: &Rename) -> Result<ShapeId, String> {
    let id = ShapeId::parse(&rename.shape)?;
    let Some(shape) = model.get(&id) else {
        let hint = did_you_mean(&rename.shape, selection.shapes.iter().map(ShapeId::as_str));
        return Err(format!("the model has no shape `{id}` to rename.{hint}"));
    };
    let named = matches!(
        shape.kind,
        ShapeKind::Structure(_)
            | ShapeKind::Union(_)
            | ShapeKind::Enum(_)
            | ShapeKind::IntEnum(_)
            | ShapeKind::Operation(_)
    );
    if !named {
        return Err(format!(
            "`{id}` is a {}, which is not generated as a type of its own; rename a structure, union, enum or operation",
            shape.kind.type_name()
        ));
    }
    if !selection.shapes.contains(&id) {
        return Err(format!(
            "`{id}` is not generated by this invocation, so there is nothing to rename"
        ));
    }
    let name = rename.name.as_str();
    let usable = ident::display(&ident::camel(name));
    if !is_identifier(name) || usable != name {
        let suggestion = if usable.is_empty() || !is_identifier(&usable) {
            String::new()
        } else {
            format!(", such as `{usable}`")
        };
        return Err(format!(
            "`{name}` cannot be the Rust name of `{id}`: a type name must be an UpperCamelCase identifier \
             that is not a keyword{suggestion}"
        ));
    }
    Ok(id)
}

/// Below this many members and shapes, naming on one thread is faster.
const NAMES_THRESHOLD: usize = 2048;

fn member_count(shape: &Shape) -> usize {
    match &shape.kind {
        ShapeKind::Structure(members) | ShapeKind::Union(members) => members.len(),
        ShapeKind::Enum(members) => members.len(),
        ShapeKind::IntEnum(members) => members.len(),
        _ => 0,
    }
}

/// The names of one structure, union or enum, checked within the shape.
fn item_names(shape: &Shape, name: &str, diagnostics: &mut Diagnostics) -> ItemNames {
    let member_names: Vec<&str> = match &shape.kind {
        ShapeKind::Structure(members) | ShapeKind::Union(members) => {
            members.iter().map(|member| member.name.as_str()).collect()
        }
        ShapeKind::Enum(members) => members.iter().map(|member| member.name.as_str()).collect(),
        ShapeKind::IntEnum(members) => members.iter().map(|member| member.name.as_str()).collect(),
        _ => Vec::new(),
    };
    let camel = ident::camel(name);
    let is_structure = matches!(shape.kind, ShapeKind::Structure(_));
    let members = if is_structure {
        field_names(&shape.id, &member_names, shape.traits.error.is_some(), diagnostics)
    } else {
        variant_names(&member_names)
    };
    let unknown_variant = if is_structure {
        String::new()
    } else {
        unknown_variant_name(&members)
    };
    ItemNames {
        builder_name: format!("{camel}Builder"),
        type_name: ident::display(&camel).into(),
        members: members.into_iter().map(Ident::new).collect(),
        unknown_variant: Ident::new(unknown_variant),
    }
}

/// Each operation's unit type, error enum and error variants, in the
/// `operations` module.
fn operation_names(
    model: &Model,
    selection: &Selection,
    shape_name: &dyn Fn(&ShapeId) -> String,
    items: &IdMap<ShapeId, ItemNames>,
    diagnostics: &mut Diagnostics,
) -> IdMap<ShapeId, OperationNames> {
    let service_errors: Vec<&ShapeId> = model
        .services()
        .flat_map(|(_, service)| service.errors.iter())
        .collect();
    let mut owners: IdMap<String, &ShapeId> = IdMap::default();
    let mut operations = IdMap::default();
    for id in &selection.operations {
        let Some(ShapeKind::Operation(operation)) = model.get(id).map(|shape| &shape.kind) else {
            continue;
        };
        let camel = ident::camel(&shape_name(id));
        let type_name = ident::display(&camel);
        let error_name = format!("{camel}Error");
        for name in [&type_name, &error_name] {
            if let Some(previous) = owners.insert(name.clone(), id) {
                diagnostics.model(format!(
                    "the operations `{previous}` and `{id}` would both define `operations::{name}`; \
                     rename one of them (the service's `rename` map can)"
                ));
            }
        }
        let errors = error_variants(operation.errors.iter().chain(service_errors.iter().copied()), items);
        operations.insert(
            id.clone(),
            OperationNames {
                type_name,
                error_name,
                errors,
            },
        );
    }
    operations
}

/// Each error once, in order, with its variant: the error's type name, or
/// for an error named like the catch-all variant (`Unhandled`), the first
/// free of `{name}Error`, `{name}Error2`, ...
fn error_variants<'e>(
    errors: impl Iterator<Item = &'e ShapeId>,
    items: &IdMap<ShapeId, ItemNames>,
) -> Vec<(ShapeId, String)> {
    let mut seen: BTreeSet<&ShapeId> = BTreeSet::new();
    let errors: Vec<(&ShapeId, &str)> = errors
        .filter(|id| seen.insert(id))
        .map(|id| (id, items.get(id).map_or(id.name(), |names| &*names.type_name)))
        .collect();
    // Type names are distinct: only the catch-all's name can be taken.
    let mut taken: BTreeSet<String> = errors.iter().map(|(_, name)| (*name).to_owned()).collect();
    errors
        .into_iter()
        .map(|(id, name)| {
            let variant = if name == UNHANDLED_VARIANT {
                let variant = first_free([format!("{name}Error")], |candidate| taken.contains(candidate));
                taken.insert(variant.clone());
                variant
            } else {
                name.to_owned()
            };
            (id.clone(), variant)
        })
        .collect()
}

/// The first of `candidates` that is not taken, else of `{last}2`,
/// `{last}3`, ... after the last candidate: the one way names step aside.
pub(crate) fn first_free<const N: usize>(candidates: [String; N], taken: impl Fn(&str) -> bool) -> String {
    let stem = candidates.last().cloned().unwrap_or_default();
    candidates
        .into_iter()
        .chain((2..).map(|n| format!("{stem}{n}")))
        .find(|candidate| !taken(candidate))
        .unwrap_or_default()
}

/// Methods every generated structure and builder has through the traits it
/// implements, and `new`: an accessor or setter of the same name would
/// shadow them (`thing.clone()` would read a member), so such members get
/// a `_value` suffix, as in the AWS SDK.
const TRAIT_METHODS: &[&str] = &[
    "as_ref",
    "borrow",
    "borrow_mut",
    "clone",
    "clone_from",
    "clone_into",
    "default",
    "deref",
    "deserialize",
    "eq",
    "fmt",
    "from",
    "hash",
    "into",
    "ne",
    "new",
    "serialize",
    "to_owned",
    "try_from",
    "try_into",
    "type_id",
];

/// The methods error structures add through `Display` and `Error`.
const ERROR_METHODS: &[&str] = &["cause", "description", "provide", "source", "to_string"];

/// Field names: the member names in snake case. A member whose name is
/// already a method of the generated API (`builder()` on the structure,
/// `build()` and every other member's `set_` setter on the builder, a trait
/// method such as `clone`), or already another member's (`fooBar` and
/// `foo_bar`), takes the first free of `{name}_value`, `{name}_value2`, ...
/// for its field, accessor and setters, as in the AWS SDK: users cannot
/// rename the members of AWS's models.
fn field_names(id: &ShapeId, members: &[&str], is_error: bool, diagnostics: &mut Diagnostics) -> Vec<String> {
    let snake: Vec<String> = members.iter().map(|name| ident::snake(name)).collect();
    let method = |field: &str| {
        STRUCT_FUNCTIONS.contains(&field)
            || BUILDER_METHODS.contains(&field)
            || TRAIT_METHODS.binary_search(&field).is_ok()
            || (is_error && ERROR_METHODS.binary_search(&field).is_ok())
    };
    // The `set_` setters depend on the names chosen, and the names on the
    // setters: start from the setters of the unsuffixed names and choose
    // again until they agree (`Build` and `SetBuild` agree the second time).
    let mut setters: BTreeSet<String> = snake.iter().map(|field| format!("set_{field}")).collect();
    let mut fields = Vec::new();
    for _ in 0..=snake.len() {
        fields = suffixed(&snake, |field| method(field) || setters.contains(field));
        let chosen: BTreeSet<String> = fields.iter().map(|field| format!("set_{field}")).collect();
        if chosen == setters {
            break;
        }
        setters = chosen;
    }

    // What is left to meet: a `set_` setter and a member named like it once
    // suffixed (`Build` and `SetBuildValue`). Accessors are in the
    // structure's namespace, setters and `set_` setters in the builder's.
    let mut accessors: IdMap<&str, usize> = IdMap::default();
    let mut builder_methods: IdMap<String, usize> = IdMap::default();
    for (index, field) in fields.iter().enumerate() {
        let clash = match accessors.insert(field, index) {
            Some(other) => Some((other, field.clone())),
            None => [field.clone(), format!("set_{field}")]
                .into_iter()
                .find_map(|name| builder_methods.insert(name.clone(), index).map(|other| (other, name))),
        };
        if let Some((other, name)) = clash {
            diagnostics.model(format!(
                "the members `{}` and `{}` would both be generated as `{}`; rename one of them in the model",
                id.member(members[index]),
                id.member(members[other]),
                ident::display(&name)
            ));
        }
    }
    fields
}

/// Each name, or, when `taken` says it is a generated method's or it is
/// another member's already, the first free of `{name}_value`,
/// `{name}_value2`, ... Members keep their own names first, in model order,
/// so that a suffixed name never takes the name a later member has.
fn suffixed(snake: &[String], generated: impl Fn(&str) -> bool) -> Vec<String> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut fields: Vec<Option<String>> = snake
        .iter()
        .map(|field| (!generated(field) && taken.insert(field.clone())).then(|| field.clone()))
        .collect();
    for (field, base) in fields.iter_mut().zip(snake) {
        if field.is_none() {
            let free = first_free([format!("{base}_value")], |candidate| {
                taken.contains(candidate) || generated(candidate)
            });
            taken.insert(free.clone());
            *field = Some(free);
        }
    }
    fields.into_iter().flatten().collect()
}

/// Variant names in UpperCamelCase. Enum values are data and may differ
/// only in punctuation (`a-b`, `a_b`): a name already taken gets the first
/// free numeric suffix (`AB2`) instead of failing, in model order, and the
/// variant's docs name its wire value.
fn variant_names(members: &[&str]) -> Vec<String> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    members
        .iter()
        .map(|member| {
            let variant = first_free([ident::camel(member)], |candidate| taken.contains(candidate));
            taken.insert(variant.clone());
            variant
        })
        .collect()
}

/// `Unknown`, unless a model member already took it.
fn unknown_variant_name(variants: &[String]) -> String {
    let taken: BTreeSet<&str> = variants.iter().map(String::as_str).collect();
    first_free(["Unknown".to_owned(), "UnknownValue".to_owned()], |candidate| {
        taken.contains(candidate)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trait_methods_are_sorted_for_binary_search() {
        assert!(TRAIT_METHODS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(ERROR_METHODS.windows(2).all(|pair| pair[0] < pair[1]));
    }
}

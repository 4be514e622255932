//! Stage 10: the derives users ask for beyond the generated ones ([`crate::Config::derives`]),
//! checked against the member types before any code is written.
//!
//! A derive on a type needs the same trait on every member's type, so a
//! derive named for one shape also applies to every structure, union and
//! enum it contains; a member type that cannot have the trait (an `f64`
//! for `Eq`, a `HashMap` for `Hash`) is reported by shape id and member
//! instead of surfacing as a rustc error inside generated code.

use crate::config::Derive;
use crate::error::{Diagnostics, Error, Errors, Subject, did_you_mean};
use crate::model::{Model, ShapeKind, Simple};
use crate::recursion::Boxed;
use crate::select::Selection;
use crate::shape_id::{IdMap, IdSet, ShapeId, is_identifier};

/// The extra derives of each generated type, as paths to write inside `#[derive(...)]`.
#[derive(Default)]
pub(crate) struct Derives(IdMap<ShapeId, Vec<String>>);

impl Derives {
    /// `, ::core::cmp::Eq, ::core::hash::Hash`: to append to a derive list.
    pub fn extra(&self, id: &ShapeId) -> String {
        self.0
            .get(id)
            .map(|paths| paths.iter().map(|path| format!(", {path}")).collect())
            .unwrap_or_default()
    }
}

/// The standard traits whose requirements on member types are checked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Checked {
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Copy,
}

impl Checked {
    fn path(self) -> &'static str {
        match self {
            Checked::Eq => "::core::cmp::Eq",
            Checked::Hash => "::core::hash::Hash",
            Checked::PartialOrd => "::core::cmp::PartialOrd",
            Checked::Ord => "::core::cmp::Ord",
            Checked::Copy => "::core::marker::Copy",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Checked::Eq => "Eq",
            Checked::Hash => "Hash",
            Checked::PartialOrd => "PartialOrd",
            Checked::Ord => "Ord",
            Checked::Copy => "Copy",
        }
    }
}

/// What a requested derive path is.
enum Requested {
    Checked(Checked),
    /// Generated code implements it already; the message says where.
    Generated(&'static str),
    /// Any other derive macro, written as given: the user's crate provides it.
    Other(String),
}

/// Reads `Eq`, `std::hash::Hash`, `::core::cmp::Ord`, `serde::Serialize`,
/// `my_crate::MyDerive`.
fn classify(path: &str) -> Result<Requested, String> {
    let segments: Vec<&str> = path.strip_prefix("::").unwrap_or(path).split("::").collect();
    if segments.iter().any(|segment| !is_identifier(segment)) {
        return Err(format!(
            "`{path}` is not a derive path; write a trait name such as `Hash` or a path such as `serde::Serialize`"
        ));
    }
    let last = segments[segments.len() - 1];
    let standard = segments.len() == 1 || matches!(segments[0], "core" | "std" | "alloc");
    if standard {
        let checked = match last {
            "Eq" => Some(Checked::Eq),
            "Hash" => Some(Checked::Hash),
            "PartialOrd" => Some(Checked::PartialOrd),
            "Ord" => Some(Checked::Ord),
            "Copy" => Some(Checked::Copy),
            _ => None,
        };
        if let Some(checked) = checked {
            return Ok(Requested::Checked(checked));
        }
        let generated = match last {
            "Clone" | "PartialEq" => Some("every generated type implements it"),
            "Debug" => Some("every generated type implements it (shapes with `@sensitive` data redact it by hand)"),
            "Default" => Some(
                "structures whose members are all optional implement it, and builders do; \
                 for any other type a default would invent a value for a required member",
            ),
            _ => None,
        };
        if let Some(reason) = generated {
            return Ok(Requested::Generated(reason));
        }
    }
    if segments.len() <= 2 && matches!(last, "Serialize" | "Deserialize") && segments[0] != "crate" {
        return Ok(Requested::Generated(
            "every generated type implements it, with the service's exact JSON wire format",
        ));
    }
    Ok(Requested::Other(path.to_owned()))
}

/// Checks the requested derives and decides which types get which.
pub(crate) fn plan(
    model: &Model,
    selection: &Selection,
    boxed: &Boxed,
    requests: &[Derive],
) -> Result<Derives, Errors> {
    let mut diagnostics = Diagnostics::default();
    let mut derives: IdMap<ShapeId, Vec<String>> = IdMap::default();
    let selected: IdSet<&ShapeId> = selection.shapes.iter().collect();
    for (entry, request) in requests.iter().enumerate() {
        let targets = match &request.shape {
            None => selection
                .shapes
                .iter()
                .filter(|id| is_derivable(model, id))
                .cloned()
                .collect(),
            Some(text) => match named_shape(model, &selected, text) {
                Ok(root) => contained_types(model, &root),
                Err(message) => {
                    diagnostics.push(Error::new(Subject::DeriveShape(entry), message));
                    continue;
                }
            },
        };
        for (index, path) in request.traits.iter().enumerate() {
            let subject = Subject::Derive(entry, index);
            let requested = match classify(path) {
                Ok(requested) => requested,
                Err(message) => {
                    diagnostics.push(Error::new(subject, message));
                    continue;
                }
            };
            let (written, checked) = match requested {
                Requested::Generated(reason) => {
                    diagnostics.push(Error::new(
                        subject,
                        format!("`{path}` needs no derive: {reason}; remove it from the derives"),
                    ));
                    continue;
                }
                Requested::Checked(checked) => {
                    let mut problems = 0;
                    for id in &targets {
                        for problem in forbidden_members(model, boxed, id, checked) {
                            problems += 1;
                            diagnostics.push(Error::new(
                                subject,
                                describe(checked, request.shape.as_deref(), id, &problem),
                            ));
                        }
                    }
                    if problems > 0 {
                        continue;
                    }
                    (checked.path().to_owned(), Some(checked))
                }
                Requested::Other(path) => (path, None),
            };
            for id in &targets {
                let already = match (&model.get(id).map(|shape| &shape.kind), checked) {
                    // Enums derive every comparison trait; int enums are also Copy.
                    (Some(ShapeKind::Enum(_)), Some(checked)) => checked != Checked::Copy,
                    (Some(ShapeKind::IntEnum(_)), Some(_)) => true,
                    _ => false,
                };
                let paths = derives.entry(id.clone()).or_default();
                if !already && !paths.contains(&written) {
                    paths.push(written.clone());
                }
            }
        }
    }
    diagnostics.finish(Derives(derives))
}

fn is_derivable(model: &Model, id: &ShapeId) -> bool {
    matches!(
        model.get(id).map(|shape| &shape.kind),
        Some(ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_))
    )
}

fn named_shape(model: &Model, selected: &IdSet<&ShapeId>, text: &str) -> Result<ShapeId, String> {
    let id = ShapeId::parse(text)?;
    let Some(shape) = model.get(&id) else {
        let hint = did_you_mean(text, selected.iter().map(|id| id.as_str()));
        return Err(format!("the model has no shape `{id}` to derive for.{hint}"));
    };
    if !is_derivable(model, &id) {
        return Err(format!(
            "`{id}` is a {}; derives apply to the generated structures, unions and enums",
            shape.kind.type_name()
        ));
    }
    if !selected.contains(&id) {
        return Err(format!(
            "`{id}` is not generated by this invocation; add it to `shapes`, or derive for a shape that is"
        ));
    }
    Ok(id)
}

/// The shape and every structure, union and enum its members reach, in
/// first-seen order.
fn contained_types(model: &Model, root: &ShapeId) -> Vec<ShapeId> {
    let mut seen: IdSet<ShapeId> = IdSet::default();
    let mut order = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(id) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let Some(shape) = model.get(&id) else { continue };
        match &shape.kind {
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                stack.extend(members.iter().rev().map(|member| member.target.clone()));
            }
            ShapeKind::List(member) => stack.push(member.target.clone()),
            ShapeKind::Map { key, value } => {
                stack.push(value.target.clone());
                stack.push(key.target.clone());
            }
            _ => {}
        }
        if is_derivable(model, &id) {
            order.push(id);
        }
    }
    order
}

/// A member whose type cannot have the trait, and why.
struct Problem {
    member: String,
    why: String,
}

/// The members of `id` whose Rust type rules out `checked`, besides the
/// structures, unions and enums they contain (those get the derive too).
fn forbidden_members(model: &Model, boxed: &Boxed, id: &ShapeId, checked: Checked) -> Vec<Problem> {
    let Some(shape) = model.get(id) else { return Vec::new() };
    let mut problems = Vec::new();
    match &shape.kind {
        ShapeKind::Structure(members) | ShapeKind::Union(members) => {
            if matches!(shape.kind, ShapeKind::Union(_))
                && matches!(checked, Checked::PartialOrd | Checked::Ord | Checked::Copy)
            {
                problems.push(Problem {
                    member: id.to_string(),
                    why: "is a union, which keeps members it does not know as JSON values (`UnknownMember`); \
                          those have no order and are not `Copy`"
                        .to_owned(),
                });
            }
            for member in members {
                if checked == Checked::Copy && boxed.contains(id, &member.name) {
                    problems.push(Problem {
                        member: id.member(&member.name),
                        why: "closes a cycle of types and is boxed, and a `Box` is not `Copy`".to_owned(),
                    });
                } else if let Some(why) = forbidding_type(model, &member.target, checked) {
                    problems.push(Problem {
                        member: id.member(&member.name),
                        why,
                    });
                }
            }
        }
        ShapeKind::Enum(_) if checked == Checked::Copy => problems.push(Problem {
            member: id.to_string(),
            why: "is an enum, which keeps values it does not know as strings; strings are not `Copy`".to_owned(),
        }),
        _ => {}
    }
    problems
}

/// Why a value of the member target's Rust type cannot have the trait.
/// Lists and maps are looked through; generated types are checked on their own.
fn forbidding_type(model: &Model, target: &ShapeId, checked: Checked) -> Option<String> {
    let mut target = target;
    let mut through = String::new();
    loop {
        let shape = model.get(target)?;
        match &shape.kind {
            ShapeKind::List(member) => {
                if checked == Checked::Copy {
                    return Some(format!("is {through}a list (`Vec`), which is not `Copy`"));
                }
                through.push_str("a list of ");
                target = &member.target;
            }
            ShapeKind::Map { value, .. } => {
                if matches!(
                    checked,
                    Checked::Hash | Checked::PartialOrd | Checked::Ord | Checked::Copy
                ) {
                    return Some(format!(
                        "is {through}a map (`HashMap`), which has no `{}`",
                        checked.name()
                    ));
                }
                through.push_str("a map of ");
                target = &value.target;
            }
            ShapeKind::Simple(simple) => {
                let rust = match (simple, checked) {
                    (Simple::Float, Checked::Eq | Checked::Hash | Checked::Ord) => "`f32`",
                    (Simple::Double, Checked::Eq | Checked::Hash | Checked::Ord) => "`f64`",
                    (Simple::Document, Checked::PartialOrd | Checked::Ord | Checked::Copy) => {
                        "a JSON value (`Document`)"
                    }
                    (Simple::BigInteger, Checked::PartialOrd | Checked::Ord | Checked::Copy) => "`BigInteger`",
                    (Simple::BigDecimal, Checked::PartialOrd | Checked::Ord | Checked::Copy) => "`BigDecimal`",
                    (Simple::String, Checked::Copy) => "a `String`",
                    (Simple::Blob, Checked::Copy) => "a `Blob`",
                    _ => return None,
                };
                return Some(format!(
                    "is {through}a `{}` ({rust}), which has no `{}`",
                    simple.type_name(),
                    checked.name()
                ));
            }
            _ => return None,
        }
    }
}

fn describe(checked: Checked, requested_for: Option<&str>, id: &ShapeId, problem: &Problem) -> String {
    let name = checked.name();
    let scope = match requested_for {
        Some(root) if root != id.as_str() => format!(" (contained in `{root}`, which asks for it)"),
        _ => String::new(),
    };
    let fix = match requested_for {
        None => format!("derive `{name}` only for shapes without such members"),
        Some(_) => format!("remove `{name}` here, or derive it for shapes that do not contain that member"),
    };
    format!(
        "cannot derive `{name}` for `{id}`{scope}: `{}` {}; {fix}",
        problem.member, problem.why
    )
}

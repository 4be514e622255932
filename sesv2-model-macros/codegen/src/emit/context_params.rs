//! The endpoint parameters an operation takes from its input: members with
//! `@contextParam`, and the JMESPath expressions of
//! `@operationContextParams` (identifiers, `a.b` sub-expressions, `[*]`
//! list projections and `keys(...)`, the subset Smithy allows there).
//! Each is planned as steps through the input's fields and written as one
//! iterator chain, so that a missing optional member simply yields nothing.

use std::fmt;

use super::Emitter;
use crate::model::{ShapeKind, Simple};
use crate::shape_id::ShapeId;

/// One step from a value to the values it leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    /// A structure member (its field): absent when optional and unset.
    Member { field: String, optional: bool, boxed: bool },
    /// Every element of a list (`[*]`), skipping nulls of a sparse one.
    Elements { sparse: bool },
    /// Every key of a map (`keys(...)`).
    Keys,
}

/// What a path ends in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Leaf {
    /// A string or a string enum: read with `as_str()`.
    String,
    Bool,
}

/// A path into an operation's input, planned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct InputPath {
    steps: Vec<Step>,
    pub leaf: Leaf,
    /// Whether it can lead to many values (a projection or `keys`).
    pub many: bool,
}

impl InputPath {
    /// The values it leads to from `__input`, as an iterator of `&str` or
    /// `bool`.
    pub fn values(&self) -> impl fmt::Display + '_ {
        Values(self)
    }
}

struct Values<'p>(&'p InputPath);

impl fmt::Display for Values<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("::core::iter::once(__input)")?;
        for step in &self.0.steps {
            match step {
                Step::Member {
                    field,
                    optional: true,
                    boxed,
                } => {
                    let borrow = if *boxed { "as_deref" } else { "as_ref" };
                    write!(f, ".flat_map(|__v| __v.{field}.{borrow}())")?
                }
                Step::Member {
                    field,
                    optional: false,
                    boxed,
                } => {
                    let deref = if *boxed { "*" } else { "" };
                    write!(f, ".map(|__v| &{deref}__v.{field})")?
                }
                Step::Elements { sparse: false } => f.write_str(".flat_map(|__v| __v.iter())")?,
                Step::Elements { sparse: true } => f.write_str(".flat_map(|__v| __v.iter().flatten())")?,
                Step::Keys => f.write_str(".flat_map(|__v| __v.keys())")?,
            }
        }
        match self.0.leaf {
            Leaf::String => f.write_str(".map(|__v| __v.as_str())"),
            Leaf::Bool => f.write_str(".copied()"),
        }
    }
}

impl<'a> Emitter<'a> {
    /// The path of the single member `member` of `input`.
    pub(super) fn member_path(&self, input: &'a ShapeId, member: &str) -> Result<InputPath, String> {
        let mut path = PathPlanner::new(self);
        let target = path.member(input, member)?;
        path.finish(target)
    }

    /// The plan of the JMESPath expression `expression` into `input`.
    pub(super) fn input_path(&self, input: &'a ShapeId, expression: &str) -> Result<InputPath, String> {
        let mut path = PathPlanner::new(self);
        let target = path.expression(input, expression.trim())?;
        path.finish(target)
    }
}

struct PathPlanner<'e, 'a> {
    emitter: &'e Emitter<'a>,
    steps: Vec<Step>,
    many: bool,
}

impl<'e, 'a> PathPlanner<'e, 'a> {
    fn new(emitter: &'e Emitter<'a>) -> Self {
        PathPlanner {
            emitter,
            steps: Vec::new(),
            many: false,
        }
    }

    /// `keys(inner)`, or identifiers with projections joined by dots;
    /// returns the shape the expression leads to.
    fn expression(&mut self, mut at: &'a ShapeId, expression: &str) -> Result<&'a ShapeId, String> {
        if let Some(inner) = expression.strip_prefix("keys(").and_then(|rest| rest.strip_suffix(')')) {
            let map = self.expression(at, inner.trim())?;
            return match self.emitter.shape(map).map(|shape| &shape.kind) {
                Some(ShapeKind::Map { key, .. }) => {
                    self.steps.push(Step::Keys);
                    self.many = true;
                    Ok(&key.target)
                }
                _ => Err(format!("`keys({inner})` needs a map, but `{inner}` is `{map}`")),
            };
        }
        for segment in expression.split('.') {
            let (name, mut projections) = match segment.find('[') {
                Some(bracket) => (&segment[..bracket], &segment[bracket..]),
                None => (segment, ""),
            };
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(format!(
                    "`{segment}` is not an identifier; the path may use identifiers, `.`, `[*]` and `keys(...)`"
                ));
            }
            at = self.member(at, name)?;
            while let Some(rest) = projections.strip_prefix("[*]") {
                at = self.elements(at)?;
                projections = rest;
            }
            if !projections.is_empty() {
                return Err(format!(
                    "`{projections}` is not supported; the path may use identifiers, `.`, `[*]` and `keys(...)`"
                ));
            }
        }
        Ok(at)
    }

    fn member(&mut self, structure: &'a ShapeId, name: &str) -> Result<&'a ShapeId, String> {
        let fields = self.emitter.fields_of(structure);
        let field = fields
            .iter()
            .find(|field| field.name() == name)
            .ok_or_else(|| format!("the structure `{structure}` has no member `{name}`"))?;
        self.steps.push(Step::Member {
            field: field.ident.rust.clone(),
            optional: field.is_optional(),
            boxed: field.boxed,
        });
        Ok(&field.member.target)
    }

    fn elements(&mut self, list: &'a ShapeId) -> Result<&'a ShapeId, String> {
        match self.emitter.shape(list) {
            Some(shape) => match &shape.kind {
                ShapeKind::List(member) => {
                    self.steps.push(Step::Elements {
                        sparse: shape.traits.sparse,
                    });
                    self.many = true;
                    Ok(&member.target)
                }
                _ => Err(format!(
                    "`[*]` needs a list, but `{list}` is a {}",
                    shape.kind.type_name()
                )),
            },
            None => Err(format!("`{list}` is not in the model")),
        }
    }

    fn finish(self, target: &ShapeId) -> Result<InputPath, String> {
        let leaf = match self.emitter.shape(target).map(|shape| &shape.kind) {
            Some(ShapeKind::Simple(Simple::String) | ShapeKind::Enum(_)) => Leaf::String,
            Some(ShapeKind::Simple(Simple::Boolean)) => Leaf::Bool,
            _ => {
                return Err(format!(
                    "it leads to `{target}`, but endpoint parameters take strings, booleans and lists of strings"
                ));
            }
        };
        Ok(InputPath {
            steps: self.steps,
            leaf,
            many: self.many,
        })
    }
}

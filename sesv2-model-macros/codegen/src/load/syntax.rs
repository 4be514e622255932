//! An IDL file as written: names and shape ids not yet resolved, since
//! resolving them needs every file of the model.

use std::sync::Arc;

use super::Position;

/// Which IDL version a file declares; files without `$version` are 1.0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IdlVersion {
    V1,
    V2,
}

/// One parsed `.smithy` file.
pub(crate) struct IdlFile {
    /// The file, as messages name it.
    pub path: Arc<str>,
    pub version: IdlVersion,
    pub metadata: Vec<(String, Node, Position)>,
    /// `None` for a file with no shape section.
    pub namespace: Option<String>,
    /// Absolute ids brought in by `use`.
    pub uses: Vec<Reference>,
    pub shapes: Vec<ShapeDefinition>,
    pub applies: Vec<Apply>,
}

/// A shape id as written: absolute (`a.b#C`), relative (`C`), possibly
/// with a member (`C$d`).
#[derive(Clone, Debug)]
pub(crate) struct Reference {
    pub text: String,
    pub position: Position,
}

/// A trait applied to a shape or member.
#[derive(Clone, Debug)]
pub(crate) struct TraitApplication {
    pub id: Reference,
    /// `None` for `@trait` and `@trait()`: the value then depends on the
    /// trait's shape.
    pub value: Option<Node>,
}

/// A shape statement; inline operation input and output become shapes of
/// their own.
#[derive(Debug)]
pub(crate) struct ShapeDefinition {
    pub name: String,
    pub position: Position,
    /// The JSON AST type name (`structure`, `intEnum`, ...).
    pub kind: &'static str,
    pub traits: Vec<TraitApplication>,
    pub mixins: Vec<Reference>,
    /// `for Resource`: where elided members look first.
    pub for_resource: Option<Reference>,
    pub members: Vec<MemberDefinition>,
    /// A service's, resource's or operation's properties (`version`,
    /// `operations`, `input`, ...).
    pub properties: Vec<(String, Node, Position)>,
}

#[derive(Debug)]
pub(crate) struct MemberDefinition {
    pub name: String,
    pub position: Position,
    /// `None` for an elided target (`$name`).
    pub target: Option<Reference>,
    pub traits: Vec<TraitApplication>,
}

/// `apply Target @trait` or `apply Target { ... }`.
#[derive(Debug)]
pub(crate) struct Apply {
    pub target: Reference,
    pub traits: Vec<TraitApplication>,
}

/// A node value: JSON plus unquoted shape ids, resolved later.
#[derive(Clone, Debug)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    /// As written: JSON's number syntax, any magnitude.
    Number(Box<serde_json::value::RawValue>),
    String(String),
    /// An unquoted shape id, a string once resolved.
    ShapeId(Reference),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl Node {
    /// What kind of value this is, for messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Node::Null => "null".to_owned(),
            Node::Bool(value) => value.to_string(),
            Node::Number(number) => number.get().to_owned(),
            Node::String(text) => format!("{text:?}"),
            Node::ShapeId(reference) => reference.text.clone(),
            Node::Array(_) => "an array".to_owned(),
            Node::Object(_) => "an object".to_owned(),
        }
    }
}

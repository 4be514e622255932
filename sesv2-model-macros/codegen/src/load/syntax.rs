//! An IDL file as written: names and shape ids not yet resolved, since
//! resolving them needs every file of the model.

use std::sync::Arc;

use crate::node::{Node, Position, Reference};

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

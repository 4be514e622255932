//! Smithy node values, what traits and metadata hold: JSON, plus the IDL's
//! unquoted shape ids until they are resolved. Trait values read from IDL
//! stay nodes until a stage needs their JSON.

use std::fmt;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::value::RawValue;

/// Where a token starts: 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) struct Position {
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A shape id as written: absolute (`a.b#C`), relative (`C`), possibly
/// with a member (`C$d`).
#[derive(Clone, Debug)]
pub(crate) struct Reference {
    pub text: String,
    pub position: Position,
}

/// A node value: JSON plus unquoted shape ids, resolved later.
#[derive(Clone, Debug)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    /// As written: JSON's number syntax, any magnitude.
    Number(Box<RawValue>),
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

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Null => serializer.serialize_unit(),
            Node::Bool(value) => serializer.serialize_bool(*value),
            Node::Number(number) => number.serialize(serializer),
            Node::String(text) => serializer.serialize_str(text),
            // Resolved before anything serializes a node; as written otherwise.
            Node::ShapeId(reference) => serializer.serialize_str(&reference.text),
            Node::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Node::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

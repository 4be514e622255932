//! Support for generated unions.

use std::fmt;

use serde::de;
use serde::ser::{SerializeMap, Serializer};

use super::decode::At;
use super::encode::Encode;

/// The value of a union member that targets `smithy.api#Unit`: `{}` on the
/// wire, any value accepted.
pub struct Unit;

impl Encode for Unit {
    fn encode<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_map(Some(0))?.end()
    }
}

/// Keys that protocols add to objects and that are never union members.
pub fn is_union_metadata(key: &str) -> bool {
    key == "__type"
}

/// Collects the one member a union value sets.
pub struct UnionSet<T> {
    type_name: &'static str,
    at: At,
    value: Option<T>,
}

impl<T> UnionSet<T> {
    /// Starts reading a value of the union `type_name` found at `at`.
    pub fn new(type_name: &'static str, at: At) -> Self {
        UnionSet {
            type_name,
            at,
            value: None,
        }
    }

    /// Takes a member's value; `None` is a member set to `null`, which
    /// counts as not set.
    pub fn offer<E: de::Error>(&mut self, value: Option<T>) -> Result<(), E> {
        if let Some(value) = value
            && self.value.replace(value).is_some()
        {
            return Err(E::custom(Problem {
                type_name: self.type_name,
                at: self.at,
                what: "more than one member is set",
            }));
        }
        Ok(())
    }

    /// The union value, or an error when no member was set.
    pub fn finish<E: de::Error>(self) -> Result<T, E> {
        self.value.ok_or_else(|| {
            E::custom(Problem {
                type_name: self.type_name,
                at: self.at,
                what: "no member is set",
            })
        })
    }
}

struct Problem {
    type_name: &'static str,
    at: At,
    what: &'static str,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid `{}` union: {}; expected exactly one",
            self.type_name, self.what
        )?;
        self.at.describe(f)
    }
}

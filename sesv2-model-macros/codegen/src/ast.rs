//! The Smithy JSON AST exactly as written, before anything is resolved.
//!
//! Trait values stay raw JSON here: the resolver parses the traits it knows
//! and never pays for the large ones it does not need (endpoint rule sets,
//! examples, smoke tests).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::node::Node;

/// A JSON object read into a vector, keeping the order the model wrote it in,
/// so that generated fields and variants follow the model.
#[derive(Clone)]
pub(crate) struct Entries<T>(pub Vec<(String, T)>);

impl<T> Entries<T> {
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0.iter().find(|(name, _)| name == key).map(|(_, value)| value)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut T> {
        self.0.iter_mut().find(|(name, _)| name == key).map(|(_, value)| value)
    }

    pub fn remove(&mut self, key: &str) -> Option<T> {
        let index = self.0.iter().position(|(name, _)| name == key)?;
        Some(self.0.remove(index).1)
    }
}

/// A trait's value: JSON as a JSON AST file wrote it (borrowed from the
/// file, or owned when two values merged into a new one), or a node value
/// from an IDL file, written out as JSON only when a stage reads it.
#[derive(Clone)]
pub(crate) enum TraitValue<'a> {
    Json(Cow<'a, RawValue>),
    /// Its shape ids already resolved.
    Node(Node),
}

impl TraitValue<'_> {
    /// The value as JSON text.
    pub(crate) fn json(&self) -> Result<Cow<'_, RawValue>, serde_json::Error> {
        match self {
            TraitValue::Json(raw) => Ok(Cow::Borrowed(raw)),
            TraitValue::Node(node) => serde_json::value::to_raw_value(node).map(Cow::Owned),
        }
    }

    /// The value as a `serde_json::Value`, when it can hold it (a number
    /// beyond `f64` it cannot).
    pub(crate) fn to_value(&self) -> Option<serde_json::Value> {
        match self {
            TraitValue::Json(raw) => serde_json::from_str(raw.get()).ok(),
            TraitValue::Node(node) => serde_json::to_value(node).ok(),
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for TraitValue<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&'a RawValue>::deserialize(deserializer).map(|raw| TraitValue::Json(Cow::Borrowed(raw)))
    }
}

/// A shape's or member's traits by absolute trait id.
pub(crate) type RawTraits<'a> = Entries<TraitValue<'a>>;

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
            type Value = Entries<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

/// The top level of a JSON AST document, and the model assembled from
/// many documents.
#[derive(Default)]
pub(crate) struct RawModel<'a> {
    /// The major Smithy version the document declares: 1 or 2.
    pub version: u8,
    /// Untyped metadata, in document order.
    pub metadata: Entries<serde_json::Value>,
    /// The shapes in document order.
    pub shapes: Entries<RawShape<'a>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for RawModel<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ModelVisitor<'a>(PhantomData<&'a ()>);

        impl<'de: 'a, 'a> Visitor<'de> for ModelVisitor<'a> {
            type Value = RawModel<'a>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Smithy JSON AST object with `smithy` and `shapes`")
            }

            // The version is checked as soon as it is read, so that a model of
            // another version is reported as such rather than by whatever
            // shape first fails to parse.
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut version = None;
                let mut shapes = None;
                let mut metadata = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match &*key {
                        "smithy" => {
                            let text: String = map.next_value()?;
                            version = Some(check_version(&text).map_err(de::Error::custom)?);
                        }
                        "shapes" => shapes = Some(map.next_value()?),
                        "metadata" => metadata = Some(map.next_value()?),
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                let Some(version) = version else {
                    return Err(de::Error::custom(
                        "this is not a Smithy JSON AST model: the top-level `smithy` version \
                         field is missing (expected `\"smithy\": \"2.0\"`)",
                    ));
                };
                Ok(RawModel {
                    version,
                    metadata: metadata.unwrap_or_default(),
                    shapes: shapes.unwrap_or_default(),
                })
            }
        }

        deserializer.deserialize_map(ModelVisitor(PhantomData))
    }
}

/// The major version of a `smithy` version string such as `"2.0"`.
fn check_version(version: &str) -> Result<u8, String> {
    let (major, minor) = version.split_once('.').unwrap_or((version, "0"));
    let is_number = !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit());
    match major {
        "1" if is_number => Ok(1),
        "2" if is_number => Ok(2),
        _ => Err(format!(
            "only Smithy 1.0 and 2.x models are supported, but this one declares version {version}"
        )),
    }
}

/// A shape as written; which fields are meaningful depends on `kind`.
#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RawShape<'a> {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, borrow)]
    pub traits: RawTraits<'a>,
    #[serde(default, borrow)]
    pub members: Entries<RawMember<'a>>,
    #[serde(borrow)]
    pub member: Option<RawMember<'a>>,
    #[serde(borrow)]
    pub key: Option<RawMember<'a>>,
    #[serde(borrow)]
    pub value: Option<RawMember<'a>>,
    #[serde(default)]
    pub mixins: Vec<RawTarget>,
    pub input: Option<RawTarget>,
    pub output: Option<RawTarget>,
    #[serde(default)]
    pub errors: Vec<RawTarget>,
    #[serde(default)]
    pub operations: Vec<RawTarget>,
    #[serde(default)]
    pub resources: Vec<RawTarget>,
    #[serde(default)]
    pub collection_operations: Vec<RawTarget>,
    pub create: Option<RawTarget>,
    pub put: Option<RawTarget>,
    pub read: Option<RawTarget>,
    pub update: Option<RawTarget>,
    pub delete: Option<RawTarget>,
    pub list: Option<RawTarget>,
    #[serde(default)]
    pub rename: Entries<String>,
    /// A service's version.
    pub version: Option<String>,
    /// A resource's identifiers.
    #[serde(default)]
    pub identifiers: Entries<RawTarget>,
    /// A resource's properties.
    #[serde(default)]
    pub properties: Entries<RawTarget>,
}

impl<'a> RawShape<'a> {
    /// Whether the shape's members are `member`, or `key` and `value`,
    /// rather than named ones.
    pub(crate) fn is_collection(&self) -> bool {
        matches!(self.kind.as_str(), "list" | "set" | "map")
    }

    /// A list's `member` or a map's `key` or `value`; `None` for any other
    /// name, and on other shapes, whose members are named.
    fn slot(&self, name: &str) -> Option<&Option<RawMember<'a>>> {
        match (self.kind.as_str(), name) {
            ("list" | "set", "member") => Some(&self.member),
            ("map", "key") => Some(&self.key),
            ("map", "value") => Some(&self.value),
            _ => None,
        }
    }

    fn slot_mut(&mut self, name: &str) -> Option<&mut Option<RawMember<'a>>> {
        match (self.kind.as_str(), name) {
            ("list" | "set", "member") => Some(&mut self.member),
            ("map", "key") => Some(&mut self.key),
            ("map", "value") => Some(&mut self.value),
            _ => None,
        }
    }

    /// Whether a collection shape can have a member of this name (`member`
    /// for a list, `key` and `value` for a map).
    pub(crate) fn has_slot(&self, name: &str) -> bool {
        self.slot(name).is_some()
    }

    /// The member `name`: a list's or map's own, or a named one.
    pub(crate) fn member(&self, name: &str) -> Option<&RawMember<'a>> {
        match self.slot(name) {
            Some(slot) => slot.as_ref(),
            None => self.members.get(name),
        }
    }

    pub(crate) fn member_mut(&mut self, name: &str) -> Option<&mut RawMember<'a>> {
        if self.has_slot(name) {
            self.slot_mut(name).and_then(Option::as_mut)
        } else {
            self.members.get_mut(name)
        }
    }

    /// Sets the member `name`, replacing one of that name.
    pub(crate) fn set_member(&mut self, name: &str, member: RawMember<'a>) {
        match self.slot_mut(name) {
            Some(slot) => *slot = Some(member),
            None => match self.members.get_mut(name) {
                Some(existing) => *existing = member,
                None => self.members.0.push((name.to_owned(), member)),
            },
        }
    }

    pub(crate) fn remove_member(&mut self, name: &str) {
        match self.slot_mut(name) {
            Some(slot) => *slot = None,
            None => {
                self.members.remove(name);
            }
        }
    }

    /// A resource's lifecycle operations by property name, in the spec's
    /// order.
    pub(crate) fn lifecycle(&self) -> [(&'static str, Option<&RawTarget>); 6] {
        [
            ("create", self.create.as_ref()),
            ("put", self.put.as_ref()),
            ("read", self.read.as_ref()),
            ("update", self.update.as_ref()),
            ("delete", self.delete.as_ref()),
            ("list", self.list.as_ref()),
        ]
    }

    /// The property that names one shape (`input`, `output`, or a
    /// lifecycle operation), by its name.
    pub(crate) fn single_target_mut(&mut self, name: &str) -> Option<&mut Option<RawTarget>> {
        Some(match name {
            "input" => &mut self.input,
            "output" => &mut self.output,
            "create" => &mut self.create,
            "put" => &mut self.put,
            "read" => &mut self.read,
            "update" => &mut self.update,
            "delete" => &mut self.delete,
            "list" => &mut self.list,
            _ => return None,
        })
    }
}

/// A member as written.
#[derive(Clone, Default, Deserialize)]
pub(crate) struct RawMember<'a> {
    pub target: String,
    #[serde(default, borrow)]
    pub traits: RawTraits<'a>,
}

/// A reference to another shape.
#[derive(Clone, Default, Deserialize)]
pub(crate) struct RawTarget {
    pub target: String,
}

/// A model as a Smithy 2.0 JSON AST document, for printing.
pub(crate) struct JsonAst<'m, 'a> {
    pub model: &'m RawModel<'a>,
    /// Leaves out mixin shapes: once mixins are folded in, they are part of
    /// the shapes that use them.
    pub without_mixins: bool,
}

/// One shape as the JSON AST writes it.
pub(crate) struct ShapeAst<'m, 'a>(pub &'m RawShape<'a>);

/// A trait value, normalized when `serde_json` can hold it and verbatim
/// when it cannot (a number beyond `f64`, say), so nothing is lost.
impl Serialize for TraitValue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            TraitValue::Json(raw) => match serde_json::from_str::<serde_json::Value>(raw.get()) {
                Ok(value) => value.serialize(serializer),
                Err(_) => raw.serialize(serializer),
            },
            TraitValue::Node(node) => node.serialize(serializer),
        }
    }
}

/// Entries are a JSON object again, in their order.
impl<T: Serialize> Serialize for Entries<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

impl Serialize for RawTarget {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("target", &self.target)?;
        map.end()
    }
}

impl Serialize for RawMember<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("target", &self.target)?;
        if !self.traits.0.is_empty() {
            map.serialize_entry("traits", &self.traits)?;
        }
        map.end()
    }
}

impl Serialize for ShapeAst<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let shape = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", &shape.kind)?;
        if matches!(shape.kind.as_str(), "structure" | "union" | "enum" | "intEnum") || !shape.members.0.is_empty() {
            map.serialize_entry("members", &shape.members)?;
        }
        for (name, member) in [("member", &shape.member), ("key", &shape.key), ("value", &shape.value)] {
            if let Some(member) = member {
                map.serialize_entry(name, member)?;
            }
        }
        if let Some(version) = &shape.version {
            map.serialize_entry("version", version)?;
        }
        for (name, entries) in [("identifiers", &shape.identifiers), ("properties", &shape.properties)] {
            if !entries.0.is_empty() {
                map.serialize_entry(name, entries)?;
            }
        }
        let io = [("input", shape.input.as_ref()), ("output", shape.output.as_ref())];
        for (name, target) in io.into_iter().chain(shape.lifecycle()) {
            if let Some(target) = target {
                map.serialize_entry(name, target)?;
            }
        }
        let lists = [
            ("operations", &shape.operations),
            ("collectionOperations", &shape.collection_operations),
            ("resources", &shape.resources),
            ("errors", &shape.errors),
            ("mixins", &shape.mixins),
        ];
        for (name, targets) in lists {
            if !targets.is_empty() {
                map.serialize_entry(name, targets)?;
            }
        }
        if !shape.rename.0.is_empty() {
            map.serialize_entry("rename", &shape.rename)?;
        }
        if !shape.traits.0.is_empty() {
            map.serialize_entry("traits", &shape.traits)?;
        }
        map.end()
    }
}

impl Serialize for JsonAst<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let model = self.model;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("smithy", "2.0")?;
        if !model.metadata.0.is_empty() {
            map.serialize_entry("metadata", &model.metadata)?;
        }
        let shapes: std::collections::BTreeMap<&str, ShapeAst<'_, '_>> = model
            .shapes
            .0
            .iter()
            .filter(|(_, shape)| !(self.without_mixins && shape.traits.get(crate::prelude::MIXIN_TRAIT).is_some()))
            .map(|(id, shape)| (id.as_str(), ShapeAst(shape)))
            .collect();
        map.serialize_entry("shapes", &shapes)?;
        map.end()
    }
}
